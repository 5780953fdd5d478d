"""Text shared by the whole app: page titles, parameter labels and help, presets, animation."""

STRINGS = {
    # Page titles (navigation and headers).
    "page.home": ("Overview", "概览"),
    "page.standard": ("Standard convolution", "标准卷积"),
    "page.transposed": ("Transposed convolution", "转置卷积"),
    "page.dilated": ("Dilated convolution", "空洞卷积"),
    "page.grouped": ("Grouped & depthwise", "分组与深度卷积"),
    "page.pointwise": ("1×1 convolution", "1×1 卷积"),
    "page.image_lab": ("Image lab", "图像实验室"),
    "page.practice": ("Practice", "练习"),
    "app.title": ("ConvViz", "ConvViz 卷积可视化"),
    "app.tagline": (
        "Convolution arithmetic you can see, with the actual numbers.",
        "看得见的卷积运算，每一步都有真实的数字。",
    ),
    # Parameter labels.
    "param.input_size": ("Input size i", "输入尺寸 i"),
    "param.input_size_w": ("Input width", "输入宽度"),
    "param.kernel_size": ("Kernel size k", "卷积核尺寸 k"),
    "param.kernel_size_w": ("Kernel width", "卷积核宽度"),
    "param.stride": ("Stride s", "步长 s"),
    "param.stride_w": ("Stride (width)", "步长（宽度方向）"),
    "param.padding": ("Padding p (per side)", "填充 p（每侧）"),
    "param.padding_w": ("Padding (width, per side)", "填充（宽度方向，每侧）"),
    "param.dilation": ("Dilation d", "膨胀率 d"),
    "param.output_padding": ("output_padding a", "输出填充 a（output_padding）"),
    "param.groups": ("Groups g", "分组数 g"),
    "common.hover_title": ("Hover to explore", "悬停查看"),
    "common.hover_output_hint": (
        "Hover an output cell: its window and its products appear at once. Click to pin it.",
        "把指针移到一个输出格上：它的窗口和乘积立刻显示出来。点击可固定。",
    ),
    "common.colour_by_value": ("Colour by value", "按数值着色"),
    "common.colour_by_value_help": (
        "Off: cells are coloured by what they are — input, kernel, output, padding, inserted "
        "zeros — and the numbers carry the values. On: real cells are shaded by their value "
        "(cividis, readable with any colour vision). Downloads follow the same choice.",
        "关闭：格子按它的角色着色——输入、卷积核、输出、填充、插入的零——数值由格子里的数字表示。"
        "打开：真实的格子按数值深浅着色（cividis 色阶，各种色觉都能分辨）。下载的文件也照此着色。",
    ),
    "param.in_channels": ("Input channels C_in", "输入通道数 C_in"),
    "param.out_channels": ("Output channels C_out", "输出通道数 C_out"),
    "param.seed": ("Random seed", "随机种子"),
    "param.padding_mode": ("Padding mode", "填充模式"),
    "param.input_values": ("Input values", "输入数值"),
    "param.input_values_text": (
        "Your numbers ({count}, row by row)",
        "自定义数值（共 {count} 个，按行填写）",
    ),
    "choice.input_values.arange": ("1, 2, 3, …", "1, 2, 3, …"),
    "choice.input_values.random": ("Random integers", "随机整数"),
    "choice.input_values.ones": ("All ones", "全 1"),
    "choice.input_values.custom": ("Type your own", "自己输入"),
    "choice.padding_mode.zeros": ("zeros", "零填充 zeros"),
    "choice.padding_mode.reflect": ("reflect", "镜像 reflect"),
    "choice.padding_mode.replicate": ("replicate", "复制边缘 replicate"),
    "choice.padding_mode.circular": ("circular", "循环 circular"),
    # Parameter help.
    "help.input_size": ("Height (and width) of the input grid.", "输入网格的高（与宽）。"),
    "help.input_size_w": ("Width of the input grid.", "输入网格的宽。"),
    "help.kernel_size": ("Side of the kernel (number of taps).", "卷积核的边长（抽头个数）。"),
    "help.kernel_size_w": ("Width of the kernel.", "卷积核的宽。"),
    "help.stride": (
        "How far the window moves each step. In a transposed convolution: how many cells apart "
        "the stamps land (s − 1 zeros between inputs).",
        "窗口每次移动的距离。在转置卷积里：相邻两次“盖章”相隔的格数（输入之间插入 s − 1 个零）。",
    ),
    "help.stride_w": ("Stride along the width.", "宽度方向的步长。"),
    "help.padding": (
        "Cells added on each side. In a transposed convolution it crops p cells from each side of "
        "the output instead.",
        "每一侧添加的格数。在转置卷积中，它反而是从输出的每一侧裁掉 p 格。",
    ),
    "help.padding_w": ("Padding along the width, per side.", "宽度方向每侧的填充。"),
    "help.dilation": (
        "Spacing between kernel taps: d − 1 gaps, effective size d(k − 1) + 1. d = 1 is none.",
        "卷积核抽头之间的间距：插入 d − 1 个空洞，等效尺寸 d(k − 1) + 1。d = 1 表示不膨胀。",
    ),
    "help.output_padding": (
        "Extra rows/columns on the bottom/right of a transposed convolution's output; must be "
        "smaller than the stride or the dilation. They are outputs like any other, not zero "
        "padding: each holds the sum of the stamps that reach it, and when a > p the last "
        "a − p of them lie past every stamp, so they are 0 (plus the bias).",
        "转置卷积输出底部/右侧额外增加的行/列；必须小于步长或膨胀率。它们和其他输出一样，不是"
        "补零：每一格都是落在那里的印章之和；当 a > p 时，最后 a − p 行/列位于所有印章之外，"
        "所以是 0（再加上偏置）。",
    ),
    "help.groups": (
        "Split channels into g independent convolutions; must divide both channel counts.",
        "把通道分成 g 组，各自独立卷积；g 必须同时整除输入和输出通道数。",
    ),
    "help.in_channels": ("Number of input channels.", "输入通道数。"),
    "help.out_channels": ("Number of output channels (filters).", "输出通道数（卷积核个数）。"),
    "help.seed": (
        "Same seed, same numbers: share it with the class.",
        "种子相同，数字相同：可以分享给全班。",
    ),
    "help.padding_mode": (
        "What fills the border: zeros, a mirror image, the edge value, or the opposite side.",
        "边框用什么填：零、镜像、边缘值，或对侧的值。",
    ),
    "help.input_values_text": (
        "Numbers only, separated by spaces, commas or new lines.",
        "只能填数字，用空格、逗号或换行分隔。",
    ),
    # Common UI.
    "common.preset": ("Preset", "预设"),
    "common.preset_placeholder": ("Load a classic setting…", "载入一个经典设置…"),
    "common.preset_match": ("Current setting: {name}", "当前设置：{name}"),
    "common.preset_result": ("{title} — {result}", "{title}——{result}"),
    "common.use_suggestion": ("Use {setting}", "改用 {setting}"),
    "common.about_page": ("About this page", "关于本页"),
    "common.copy": ("Copy", "复制"),
    "common.copy_label": ("Copy this text", "复制这段文字"),
    "common.copied": ("Copied ✓", "已复制 ✓"),
    "common.copy_select": (
        "Selected: press Ctrl+C (⌘C on a Mac)",
        "已选中：按 Ctrl+C 复制（Mac 上按 ⌘C）",
    ),
    "common.swipe_sideways": ("Swipe sideways to see the whole figure →", "左右滑动可看到整幅图 →"),
    # Paging of panel rows: which panels of many a figure shows (convviz.figures.common.paging).
    # Numbers are the panels' own (y0, x[0], pixel 0): counted from 0, or from the first
    # channel of a group for a group's terms.
    "paging.span.outputs": (
        "outputs {first}–{last} of {low}–{high}",
        "输出 {first}–{last}（共 {low}–{high}）",
    ),
    "paging.span.terms": (
        "terms of x{first}–x{last} (the group's x{low}–x{high})",
        "x{first}–x{last} 的项（本组为 x{low}–x{high}）",
    ),
    "paging.span.channels": (
        "channels {first}–{last} of {low}–{high}",
        "通道 {first}–{last}（共 {low}–{high}）",
    ),
    "paging.span.pixels": (
        "pixels {first}–{last} of {low}–{high}",
        "像素 {first}–{last}（共 {low}–{high}）",
    ),
    "paging.span.inputs": (
        "input channels x[{first}]–x[{last}] of x[{low}]–x[{high}]",
        "输入通道 x[{first}]–x[{last}]（共 x[{low}]–x[{high}]）",
    ),
    "paging.span.one.outputs": (
        "output {first} of {low}–{high}",
        "输出 {first}（共 {low}–{high}）",
    ),
    "paging.span.one.terms": (
        "the term of x{first} (the group's x{low}–x{high})",
        "x{first} 的项（本组为 x{low}–x{high}）",
    ),
    "paging.span.one.channels": (
        "channel {first} of {low}–{high}",
        "通道 {first}（共 {low}–{high}）",
    ),
    "paging.span.one.pixels": ("pixel {first} of {low}–{high}", "像素 {first}（共 {low}–{high}）"),
    "paging.span.one.inputs": (
        "input channel x[{first}] of x[{low}]–x[{high}]",
        "输入通道 x[{first}]（共 x[{low}]–x[{high}]）",
    ),
    "paging.label.outputs": ("Output channels shown", "显示的输出通道"),
    "paging.label.terms": ("Input-channel terms shown", "显示的输入通道项"),
    "paging.label.channels": ("Channels shown", "显示的通道"),
    "paging.label.pixels": ("Pixels (columns) shown", "显示的像素（列）"),
    "paging.label.inputs": ("Input channels shown", "显示的输入通道"),
    "common.page_of": ("%d of {n}", "第 %d 个，共 {n} 个"),
    "lecture.switch": ("Lecture mode", "授课模式"),
    "lecture.help": (
        "For a projector: the main figure large, the text hidden, the sidebar closed. "
        "← / → step the animation, space plays or pauses it. The link keeps it (?lecture=1).",
        "用于投影：主图放大，文字隐藏，侧栏收起。← / → 逐步播放动画，空格键播放或暂停。"
        "链接会保留这一设置（?lecture=1）。",
    ),
    "common.pytorch_code": ("The same in PyTorch", "对应的 PyTorch 代码"),
    "common.pytorch_code_note": (
        "ConvViz's engine gives the same numbers as this code.",
        "ConvViz 的引擎与这段代码给出完全相同的数字。",
    ),
    "common.input": ("Input", "输入"),
    "common.kernel": ("Kernel", "卷积核"),
    "common.output": ("Output", "输出"),
    "common.settings": ("Settings", "设置"),
    "anim.play": ("▶ Play", "▶ 播放"),
    "anim.pause": ("❚❚ Pause", "❚❚ 暂停"),
    "anim.step": ("Step", "步骤"),
    # Errors of the input-values control.
    "error.custom_values_count": (
        "Expected {expected} numbers for a {shape} grid, but found {got}.",
        "{shape} 的网格需要 {expected} 个数字，但找到了 {got} 个。",
    ),
    "error.custom_values_not_number": (
        "“{token}” is not a number. Type numbers only, separated by spaces or commas.",
        "“{token}”不是数字。请只输入数字，用空格或逗号分隔。",
    ),
    "error.custom_values_too_many": (
        "At most {limit} numbers can be typed; found {got}.",
        "最多只能输入 {limit} 个数字；现在有 {got} 个。",
    ),
    "error.unknown_input_kind": ("Unknown input kind “{kind}”.", "未知的输入类型“{kind}”。"),
}
