"""Text of the standard convolution page."""

STRINGS = {
    "standard.lead": (
        "A small kernel slides over the input; each position gives one output number.",
        "小卷积核在输入上滑动，每个位置得到一个输出数字。",
    ),
    "standard.intro": (
        "A convolution layer slides a small **kernel** over the input. At each position it "
        "multiplies the cells under the kernel by the weights and adds the products: one "
        "output number per position. Change the sizes in the sidebar and watch the window, "
        "the output-size formula, the border, the kernel flip and the matrix **C** follow — "
        "every number here comes from the same engine as the PyTorch code at the bottom.",
        "卷积层让一个小小的**卷积核**在输入上滑动。每到一个位置，就把卷积核下面的格子与对应权重"
        "相乘，再把乘积加起来：每个位置得到一个输出数字。在侧栏里改变尺寸，看看滑动窗口、输出尺寸"
        "公式、边框填充、卷积核翻转和矩阵 **C** 如何随之变化——这里的每个数字都和页面底部的 "
        "PyTorch 代码出自同一个计算引擎。",
    ),
    # Presets.
    "preset.standard.no_padding_unit_stride": (
        "No padding, stride 1 (4×4, k = 3)",
        "无填充、步长 1（4×4，k = 3）",
    ),
    "preset.standard.same_padding": (
        "Half padding (5×5, k = 3, p = 1)",
        "半填充（5×5，k = 3，p = 1）",
    ),
    # Left out while "predict first" waits for the output size.
    "preset.standard.same_padding.result": (
        "“same”: the size is kept",
        "“same”：尺寸不变",
    ),
    "preset.standard.stride_two": (
        "Stride 2 with padding (5×5, k = 3, p = 1)",
        "步长 2 加填充（5×5，k = 3，p = 1）",
    ),
    "preset.standard.floor_leftover": (
        "Floor leaves a row over (6×6, k = 3, s = 2)",
        "向下取整剩下一行（6×6，k = 3，s = 2）",
    ),
    "preset.standard.rectangular": (
        "Rectangular (5×7 input, 2×3 kernel, stride (1, 2))",
        "矩形（5×7 输入，2×3 卷积核，步长 (1, 2)）",
    ),
    # Controls.
    "standard.param.rectangular": ("Different height and width", "高和宽分别设置"),
    "standard.help.rectangular": (
        "Set the width of the input, the kernel, the stride and the padding separately; off, "
        "both axes use the same numbers.",
        "分别设置输入、卷积核、步长和填充在宽度方向的数值；关闭时两个方向使用相同的数。",
    ),
    "standard.param.flip": (
        "True convolution (flip the kernel 180°)",
        "真正的卷积（卷积核旋转 180°）",
    ),
    "standard.help.flip": (
        "Deep learning's “convolution” is a cross-correlation: no flip. The mathematical "
        "convolution rotates the kernel by 180° first.",
        "深度学习里的“卷积”其实是互相关：不翻转卷积核。数学上的卷积要先把卷积核旋转 180°。",
    ),
    "param.padding_rule": ("Padding", "填充方式"),
    "help.padding_rule": (
        "How many border cells: the sliders, none (“valid”), PyTorch’s “same” (stride 1 only) "
        "or TensorFlow’s “SAME” (output ⌈i / s⌉, odd extra cell on the bottom / right).",
        "边框加几格：按滑块、不填充（“valid”）、PyTorch 的 “same”（只允许步长 1），或 TensorFlow "
        "的 “SAME”（输出 ⌈i / s⌉，多出的奇数格放在下 / 右侧）。",
    ),
    "choice.padding_rule.explicit": ("p from the sliders", "按滑块的 p"),
    "choice.padding_rule.valid": ("“valid” (none)", "“valid”（不填充）"),
    "choice.padding_rule.same_torch": ("“same” (PyTorch)", "“same”（PyTorch）"),
    "choice.padding_rule.same_tf": ("“SAME” (TensorFlow)", "“SAME”（TensorFlow）"),
    "standard.values_error": (
        "Fix the input values in the sidebar to see the convolution.",
        "请先修正侧栏中的输入数值，才能看到卷积结果。",
    ),
    # Tabs.
    "standard.tab.window": ("Sliding window", "滑动窗口"),
    "standard.tab.padding": ("Padding and “same”", "填充与 “same”"),
    "standard.tab.flip": ("Flip: correlation vs convolution", "翻转：互相关与卷积"),
    "standard.tab.matrix": ("Matrix C", "矩阵 C"),
    "standard.tab.channels": ("Many channels", "多通道"),
    "standard.tab.code": ("PyTorch", "PyTorch"),
    # Output size.
    "standard.size.header": ("Output size", "输出尺寸"),
    "standard.size.formula": (
        "o = ⌊({letters}) / s⌋ + 1 = ⌊({numbers}) / {s}⌋ + 1 = ⌊{numerator} / {s}⌋ + 1 = **{o}**",
        "o = ⌊({letters}) / s⌋ + 1 = ⌊({numbers}) / {s}⌋ + 1 = ⌊{numerator} / {s}⌋ + 1 = **{o}**",
    ),
    "standard.size.axis_h": ("Height: ", "高度："),
    "standard.size.axis_w": ("Width: ", "宽度："),
    "standard.size.rule_valid": (
        "“valid” means no padding at all: p = 0 on every side.",
        "“valid” 就是完全不填充：每一侧 p = 0。",
    ),
    "standard.size.rule_torch": (
        "PyTorch’s “same” pads k − 1 cells in total per axis ({kh} − 1 and {kw} − 1), half "
        "before and the odd extra after: top {top}, bottom {bottom}, left {left}, right {right}. "
        "At stride 1 the output is exactly as large as the input.",
        "PyTorch 的 “same” 在每个方向共填充 k − 1 格（{kh} − 1 与 {kw} − 1），一半在前，"
        "多出的奇数格在后：上 {top}、下 {bottom}、左 {left}、右 {right}。步长为 1 时输出与输入"
        "一样大。",
    ),
    "standard.size.rule_tf": (
        "TensorFlow’s “SAME”: o = ⌈i / s⌉ = ⌈{i} / {s}⌉ = {o}; total padding max((o − 1)s + k − "
        "i, 0) = max(({o} − 1)·{s} + {k} − {i}, 0) = {total}, split {before} before and {after} "
        "after.",
        "TensorFlow 的 “SAME”：o = ⌈i / s⌉ = ⌈{i} / {s}⌉ = {o}；总填充 max((o − 1)s + k − i, 0) = "
        "max(({o} − 1)·{s} + {k} − {i}, 0) = {total}，前面 {before} 格、后面 {after} 格。",
    ),
    "standard.size.leftover_h": (
        "The division is not exact: the last **{count}** row(s) of the padded input (row "
        "{padded}) are never under a window — the floor drops them. Input row(s) lost: "
        "{inputs}.",
        "除法不是整除：补边后输入的最后 **{count}** 行（第 {padded} 行）从未被窗口覆盖——"
        "向下取整把它们丢掉了。丢失的输入行：{inputs}。",
    ),
    "standard.size.leftover_w": (
        "The division is not exact: the last **{count}** column(s) of the padded input "
        "(column {padded}) are never under a window — the floor drops them. Input column(s) "
        "lost: {inputs}.",
        "除法不是整除：补边后输入的最后 **{count}** 列（第 {padded} 列）从未被窗口覆盖——"
        "向下取整把它们丢掉了。丢失的输入列：{inputs}。",
    ),
    "standard.size.copied_h": (
        "Input row(s) {inputs} still reach the output: the {mode} border copies them into "
        "rows the windows do read.",
        "输入第 {inputs} 行仍然会影响输出：{mode} 边框把它们复制到了窗口会读到的行里。",
    ),
    "standard.size.copied_w": (
        "Input column(s) {inputs} still reach the output: the {mode} border copies them into "
        "columns the windows do read.",
        "输入第 {inputs} 列仍然会影响输出：{mode} 边框把它们复制到了窗口会读到的列里。",
    ),
    "standard.size.never_read": (
        "{count} of the {total} input values are never read by any window, neither in place "
        "nor through a copy in the border.",
        "{total} 个输入值中有 {count} 个从未被任何窗口读到（无论是原位置还是边框里的副本）。",
    ),
    "standard.size.exact": (
        "The division is exact: the windows reach the last row and column, every input cell "
        "is read.",
        "恰好整除：窗口走到了最后一行和最后一列，每个输入格子都被读到了。",
    ),
    # Sliding window.
    "standard.window.input_title": (
        "Padded input {rows}×{cols} ({mode})",
        "补边后的输入 {rows}×{cols}（{mode}）",
    ),
    "standard.window.kernel_title": ("Kernel {rows}×{cols}", "卷积核 {rows}×{cols}"),
    "standard.window.kernel_flipped": (
        "Kernel rotated 180° {rows}×{cols}",
        "旋转 180° 的卷积核 {rows}×{cols}",
    ),
    "standard.window.output_title": ("Output {rows}×{cols}", "输出 {rows}×{cols}"),
    "standard.window.legend": (
        "Press ▶ to slide the window, drag the step slider, or click an output cell to pin "
        "it. Blue border cells are zeros; copied border cells (reflect, replicate, circular) "
        "take the colour of the input cell they copy — hover to see which. Grey cells are "
        "never under a window (a grey input value can still be read through a copy in the "
        "border). The input starts at row {top}, column {left} of the padded grid (dotted "
        "outline).",
        "按 ▶ 让窗口滑动，拖动步骤滑块，或点击一个输出格子把它固定。蓝色边框格是零；复制来的"
        "边框格（reflect、replicate、circular）与被复制的输入格同色——悬停可看是哪一格。灰色格子"
        "从未落在任何窗口里（灰色的输入值仍可能通过边框里的副本被读到）。输入从补边网格的第 {top} 行、第 {left} 列开始（点线框）。",
    ),
    "standard.window.pinned": (
        "**Pinned: y[{r}, {c}]** reads rows {r0}–{r1} and columns {c0}–{c1} of the padded "
        "input (it starts at row {r}·{sr}, column {c}·{sc}):",
        "**已固定：y[{r}, {c}]** 读取补边后输入的第 {r0}–{r1} 行、第 {c0}–{c1} 列（起点为第 "
        "{r}·{sr} 行、第 {c}·{sc} 列）：",
    ),
    # Padding.
    "standard.pad.header": ("What fills the border", "边框用什么填"),
    "standard.pad.intro": (
        "The same input, padded by each mode with the current border. **zeros** adds 0; "
        "**reflect** mirrors the input without repeating the edge; **replicate** repeats the "
        "edge cell; **circular** wraps around to the opposite side. A copied cell has the "
        "colour of its source — hover a border cell to see which input cell it copies.",
        "同一个输入，用当前的边框宽度按每种模式补边。**zeros** 补 0；**reflect** 以边缘为轴镜像，"
        "但不重复边缘那一格；**replicate** 重复边缘格；**circular** 绕到对侧接着取。复制来的格子与"
        "来源格同色——把鼠标悬停在边框格上，可以看到它复制的是哪个输入格。",
    ),
    "standard.pad.hover_input": ("x[{r}, {c}] = {value}", "x[{r}, {c}] = {value}"),
    "standard.pad.hover_zero": ("border (zeros): 0", "边框（zeros）：0"),
    "standard.pad.hover_copy": (
        "border ({mode}): copy of x[{r}, {c}] = {value}",
        "边框（{mode}）：复制 x[{r}, {c}] = {value}",
    ),
    "standard.pad.hover_reads": ("read by {count} window(s)", "被 {count} 个窗口读取"),
    "standard.pad.shown_with_one": (
        "The current setting has no border, so the modes are shown with one cell on each side.",
        "当前设置没有边框，所以这里用每侧一格的边框来展示各种模式。",
    ),
    "standard.pad.refused": (
        "**{mode}** is refused here: {reason}",
        "这里不能用 **{mode}**：{reason}",
    ),
    "standard.pad.same_header": ("“same”: PyTorch vs TensorFlow", "“same”：PyTorch 与 TensorFlow"),
    "standard.pad.same_intro": (
        "Both keep the output as large as the input at stride 1. PyTorch’s “same” pads k − 1 "
        "cells per axis (odd extra on the bottom / right) and refuses a stride above 1. "
        "TensorFlow’s “SAME” aims at o = ⌈i / s⌉ for any stride and pads just enough, again "
        "with the odd extra cell on the bottom / right.",
        "步长为 1 时两者都让输出和输入一样大。PyTorch 的 “same” 在每个轴上一共填 k − 1 格（两侧平分，多出的"
        "奇数格在下 / 右侧），并且拒绝大于 1 的步长。TensorFlow 的 “SAME” 对任何步长都以 o = ⌈i / s⌉ 为"
        "目标，只填必要的格数，多出的奇数格同样放在下 / 右侧。",
    ),
    "standard.pad.same_torch_title": ("PyTorch “same”", "PyTorch “same”"),
    "standard.pad.same_tf_title": ("TensorFlow “SAME”", "TensorFlow “SAME”"),
    "standard.pad.same_pads": (
        "pads top {top}, bottom {bottom}, left {left}, right {right} → output **{oh}×{ow}**",
        "填充 上 {top}、下 {bottom}、左 {left}、右 {right} → 输出 **{oh}×{ow}**",
    ),
    "standard.pad.export_caption": (
        "The four padding modes, border top {top}, bottom {bottom}, left {left}, right {right}",
        "四种填充方式，边框 上 {top}、下 {bottom}、左 {left}、右 {right}",
    ),
    # Flip.
    "standard.flip.header": ("Cross-correlation vs true convolution", "互相关与真正的卷积"),
    "standard.flip.intro": (
        "What deep-learning libraries call convolution is a **cross-correlation**: the kernel "
        "slides as it is. The mathematical **convolution** first rotates the kernel by 180° "
        "(flips rows and columns). Learned weights do not care — the network learns the "
        "flipped kernel instead — but the numbers differ. Toggle “true convolution” in the "
        "sidebar to slide the rotated kernel in the other views.",
        "深度学习库所说的卷积其实是**互相关**：卷积核原样滑动。数学上的**卷积**要先把卷积核旋转 "
        "180°（行和列都反过来）。对学习出来的权重而言这无所谓——网络会直接学到翻转后的卷积核——"
        "但算出的数字不同。在侧栏打开“真正的卷积”，其他视图里滑动的就是旋转后的卷积核。",
    ),
    "standard.flip.corr_title": ("Cross-correlation {rows}×{cols}", "互相关 {rows}×{cols}"),
    "standard.flip.conv_title": (
        "Convolution (flipped) {rows}×{cols}",
        "卷积（翻转）{rows}×{cols}",
    ),
    "standard.flip.diff_title": ("Difference", "差"),
    "standard.flip.export_kernels": (
        "True convolution rotates the kernel by 180° before sliding it",
        "真正的卷积先把卷积核旋转 180° 再滑动",
    ),
    "standard.flip.symmetric": (
        "This kernel equals its own 180° rotation, so both give the same output. Pick "
        "“1, 2, 3, …” as kernel values to see them differ.",
        "这个卷积核旋转 180° 后和自己一样，所以两者输出相同。把卷积核数值选成“1, 2, 3, …”就能"
        "看到差别。",
    ),
    "standard.flip.differs": (
        "The kernel is not symmetric under a 180° rotation: **{cells} of {total}** output cells "
        "differ, by up to **{largest}**.",
        "这个卷积核旋转 180° 后与原来不同：**{total} 个输出中有 {cells} 个**不一样，最多相差 "
        "**{largest}**。",
    ),
    # Matrix.
    "standard.matrix.header": ("The convolution as a matrix: y = C·x", "把卷积写成矩阵：y = C·x"),
    "standard.matrix.intro": (
        "Flatten the input and the output row by row. Then the convolution is one matrix "
        "product y = C·x: **row m of C is window m** — the kernel’s weights in the columns of "
        "the cells that window covers, zeros everywhere else. Click a row of C or an output "
        "cell to see its window.",
        "把输入和输出按行展平，卷积就成了一次矩阵乘法 y = C·x：**C 的第 m 行就是第 m 个窗口**——"
        "在该窗口覆盖的格子所对应的列上放卷积核的权重，其余全是零。点击 C 的一行或一个输出格子，"
        "就能看到对应的窗口。",
    ),
    "standard.matrix.c_title": ("C ({m}×{n})", "C（{m}×{n}）"),
    "standard.matrix.x_title": ("Input x {rows}×{cols}", "输入 x {rows}×{cols}"),
    "standard.matrix.padded_title": (
        "Padded input xp {rows}×{cols}",
        "补边后的输入 xp {rows}×{cols}",
    ),
    "standard.matrix.y_title": ("Output y {rows}×{cols}", "输出 y {rows}×{cols}"),
    "standard.matrix.hover": (
        "C[{m}, {n}] = {entry} = {value}<br>row {m}: output y[{yr}, {yc}]<br>column {n}: "
        "{name}[{xr}, {xc}]",
        "C[{m}, {n}] = {entry} = {value}<br>第 {m} 行：输出 y[{yr}, {yc}]<br>第 {n} 列："
        "{name}[{xr}, {xc}]",
    ),
    "standard.matrix.shape": (
        "C has **{m} rows** (one per output cell, {oh}×{ow}) and **{n} columns** (one per "
        "cell of the {h}×{w} grid it multiplies).",
        "C 有 **{m} 行**（每个输出格一行，{oh}×{ow}）和 **{n} 列**（所乘网格 {h}×{w} 的每格一列）。",
    ),
    "standard.matrix.sparsity": (
        "Only **{stored} of {total}** entries ({percent} %) hold a weight; the other {zeros} "
        "are structural zeros — C is sparse, which is why no library builds it.",
        "**{total} 个元素中只有 {stored} 个**（{percent} %）是权重；其余 {zeros} 个是结构性的零——"
        "C 非常稀疏，所以没有哪个库真的去构造它。",
    ),
    "standard.matrix.on_padded": (
        "This border is not plain symmetric zeros, so C is shown acting on the padded input "
        "xp: its columns are the cells of the padded grid (a copied border cell repeats an "
        "input cell, an odd extra row has no twin).",
        "这里的边框不是对称的零填充，所以 C 作用在补边后的输入 xp 上：它的列对应补边网格的格子"
        "（复制来的边框格重复某个输入格，多出的奇数行没有对称的另一行）。",
    ),
    "standard.matrix.drawn_symbols": (
        "Entries are written as the weights they hold (w₀₀ …).",
        "元素写成它们所放的权重（w₀₀ …）。",
    ),
    "standard.matrix.drawn_numbers": (
        "Entries show numbers: C is too large to write out every weight’s name legibly.",
        "元素显示为数字：C 太大，无法清楚地写出每个权重的名字。",
    ),
    "standard.matrix.drawn_sparsity": (
        "C ({m}×{n} = {cells} entries) is too large to draw cell by cell: only which entries "
        "are non-zero is shown (dark). Use a smaller input to click rows.",
        "C（{m}×{n} = {cells} 个元素）太大，无法逐格绘制：只显示哪些元素非零（深色）。用更小的输入"
        "才能点击各行。",
    ),
    "standard.matrix.drawn_none": (
        "C ({m}×{n} = {cells} entries) is too large to draw legibly; the grids below still show "
        "each row’s window. Use a smaller input or a larger stride.",
        "C（{m}×{n} = {cells} 个元素）太大，无法清楚地画出；下面的网格仍然显示每一行对应的窗口。"
        "请用更小的输入或更大的步长。",
    ),
    "standard.matrix.check": (
        "C·x agrees with the sliding window’s output (largest difference {diff}).",
        "C·x 与滑动窗口的输出一致（最大差 {diff}）。",
    ),
    "standard.matrix.picked": (
        "**Row {m} of C** is output cell y[{r}, {c}]:",
        "**C 的第 {m} 行**就是输出格 y[{r}, {c}]：",
    ),
    "standard.matrix.row": ("Row of C", "C 的行"),
    # Many channels.
    "standard.channels.header": (
        "Many channels: C_in maps in, C_out maps out",
        "多通道：输入 C_in 张图，输出 C_out 张图",
    ),
    "standard.channels.intro": (
        "A layer `nn.Conv2d(C_in, C_out, k)` has **C_out filters, each C_in kernels deep**. "
        "Slice c of a filter slides over input channel c exactly as in the one-channel views, "
        "giving one map per channel; the filter's output map is the **sum of those C_in maps** "
        "— the channels are added, not stacked. Each filter gives one output map. Click an "
        "output cell to see its window on every channel.",
        "`nn.Conv2d(C_in, C_out, k)` 这一层有 **C_out 个滤波器，每个都有 C_in 层深**。滤波器的第 c 层"
        "在第 c 个输入通道上滑动，和单通道视图里完全一样，每个通道得到一张图；滤波器的输出图就是"
        "**这 C_in 张图之和**——通道是相加的，不是叠放的。每个滤波器给出一张输出图。点击一个输出格，"
        "就能在每个通道上看到它的窗口。",
    ),
    "standard.channels.values": (
        "The input channels and the filters hold small random integers from fixed seeds (the "
        "same numbers for the same link); stride, padding, padding mode and the flip are the "
        "page's.",
        "输入通道和滤波器里是用固定种子生成的小随机整数（同一个链接总是同样的数）；步长、填充、"
        "填充方式和翻转沿用本页的设置。",
    ),
    "standard.channels.shapes": (
        "Input (C_in, H, W) = **({cin}, {h}, {w})**, weight (C_out, C_in, kH, kW) = "
        "**({cout}, {cin}, {kh}, {kw})** — {params} weights, output (C_out, H_out, W_out) = "
        "**({cout}, {oh}, {ow})**.",
        "输入 (C_in, H, W) = **({cin}, {h}, {w})**，权重 (C_out, C_in, kH, kW) = "
        "**({cout}, {cin}, {kh}, {kw})**——共 {params} 个权重，输出 (C_out, H_out, W_out) = "
        "**({cout}, {oh}, {ow})**。",
    ),
    "standard.channels.inputs_header": ("Input channels", "输入通道"),
    "standard.channels.input_title": ("x[{c}] {rows}×{cols}", "x[{c}] {rows}×{cols}"),
    "standard.channels.slice_title": ("w[{o}, {c}]", "w[{o}, {c}]"),
    "standard.channels.map_title": ("channel {c}", "通道 {c}"),
    "standard.channels.output_title": ("y[{o}] {rows}×{cols}", "y[{o}] {rows}×{cols}"),
    "standard.channels.filter_page": ("Output filter shown", "显示的输出滤波器"),
    "standard.channels.filter_name": ("filter {o}", "滤波器 {o}"),
    "standard.channels.filter_header": (
        "Filter {o}: its {cin} slices, one map per channel, their sum",
        "滤波器 {o}：它的 {cin} 层、每个通道一张图、它们的和",
    ),
    "standard.channels.channel_line": ("channel {c}: ", "通道 {c}："),
    "standard.channels.agree": (
        "The channel maps add up to the engine's multi-channel conv2d (largest difference {diff}).",
        "各通道的图加起来等于引擎多通道 conv2d 的结果（最大差 {diff}）。",
    ),
    # PyTorch code comments.
    "standard.code.flip": (
        "# true convolution: rotate the kernel by 180° (PyTorch itself never flips)",
        "# 真正的卷积：把卷积核旋转 180°（PyTorch 自己从不翻转）",
    ),
    "standard.code.tf_same": (
        '# TensorFlow\'s "SAME": pad unevenly first (F.pad takes left, right, top, bottom)',
        '# TensorFlow 的 "SAME"：先做不对称填充（F.pad 的顺序是 左、右、上、下）',
    ),
    "standard.code.channels": (
        "# each filter adds one map per input channel: the maps, then their sum",
        "# 每个滤波器把每个输入通道的一张图相加：先算各通道的图，再求和",
    ),
    "standard.code.functional": (
        "# the same with the functional form",
        "# 用函数式接口写法，结果相同",
    ),
}
