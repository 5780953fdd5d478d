"""Text of the 3-D convolution page (video clips and volumes)."""

STRINGS = {
    "page.conv3d": ("3-D convolution", "3D 卷积"),
    "home.teaches.conv3d": (
        "A kernel that also slides in time: clips as frames and voxels, output size per axis, "
        "2-D against 3-D and early fusion, and the weights of C3D, Ji et al. and (2+1)-D layers.",
        "在时间上也滑动的卷积核：片段的逐帧与体素视图、逐轴的输出尺寸、2D 与 3D 及早期融合的对比，"
        "以及 C3D、Ji 等和 (2+1)D 各层的权重数。",
    ),
    "conv3d.lead": (
        "The kernel also slides along time: each output value reads kD consecutive frames.",
        "卷积核也沿时间滑动：每个输出值读取 kD 个连续的帧。",
    ),
    "conv3d.intro": (
        "A video clip is a stack of D frames, a CT or MRI scan a stack of D slices: the input has shape **(C, D, H, W)**. A 3-D convolution's kernel **(kD, kH, kW)** slides along depth (time) as well as height and width, so each output value reads **kD consecutive frames**, and the output keeps a depth axis. C3D (Tran et al. 2015) uses 3×3×3 kernels throughout; Ji et al. (2013) used 7×7×3 and 7×6×3 kernels over 3 consecutive frames.",
        "视频片段是 D 帧画面的堆叠，CT 或 MRI 扫描是 D 张切片的堆叠：输入的形状是 **(C, D, H, W)**。3D 卷积的卷积核 **(kD, kH, kW)** 不仅沿高和宽滑动，也沿深度（时间）滑动，所以每个输出值读取 **kD 个连续的帧**，输出仍然保留深度这一维。C3D（Tran 等，2015）全部使用 3×3×3 的卷积核；Ji 等（2013）使用了跨 3 个连续帧的 7×7×3 和 7×6×3 卷积核。",
    ),
    "conv3d.tab.window": ("Sliding window", "滑动窗口"),
    "conv3d.tab.fusion": ("2-D against 3-D", "2D 与 3D 对比"),
    "conv3d.tab.layers": ("Video layers' weights", "视频网络各层的权重"),
    "conv3d.tab.code": ("PyTorch", "PyTorch"),
    "conv3d.code.note": (
        "ConvViz's engine gives the same numbers as this code: it prints the output cell of the sliding-window tab's step, and builds the layers with the channels of the weights tab.",
        "ConvViz 的引擎与这段代码给出完全相同的数字：代码打印“滑动窗口”页签中当前步骤的输出格子，并用“视频网络各层的权重”页签中的通道数搭建各层。",
    ),
    # controls
    "conv3d.sidebar.clip": ("Clip and kernel", "视频片段与卷积核"),
    "conv3d.sidebar.depth": ("Depth (time) D", "深度（时间）D"),
    "conv3d.sidebar.height": ("Height H", "高 H"),
    "conv3d.sidebar.width": ("Width W", "宽 W"),
    "conv3d.param.frames": ("Frames D", "帧数 D"),
    "conv3d.help.frames": (
        "Number of frames of the clip (or slices of a volume).",
        "片段的帧数（或体数据的切片数）。",
    ),
    "conv3d.param.input_size": ("Input height H", "输入高度 H"),
    "conv3d.param.kernel_depth": ("Kernel depth kD", "卷积核深度 kD"),
    "conv3d.help.kernel_depth": (
        "How many frames one window reads (before dilation).",
        "一个窗口读取的帧数（未计空洞）。",
    ),
    "conv3d.param.kernel_size": ("Kernel height kH", "卷积核高 kH"),
    "conv3d.param.stride_depth": ("Stride s_d", "步长 s_d"),
    "conv3d.help.stride_depth": (
        "Frames the window moves between two output frames.",
        "相邻两个输出帧之间，窗口在时间上移动的帧数。",
    ),
    "conv3d.param.padding_depth": ("Padding p_d (frames per side)", "填充 p_d（每侧帧数）"),
    "conv3d.help.padding_depth": (
        "Frames added before the first and after the last frame.",
        "在第一帧之前和最后一帧之后各添加的帧数。",
    ),
    "conv3d.param.dilation_depth": ("Dilation d_d", "空洞 d_d"),
    "conv3d.help.dilation_depth": (
        "Spacing between the frames one window reads (1: consecutive frames).",
        "一个窗口所读各帧之间的间隔（1 表示连续的帧）。",
    ),
    "conv3d.param.dilation_w": ("Dilation d_w", "空洞 d_w"),
    "conv3d.help.dilation_w": (
        "Spacing between kernel taps along the width.",
        "卷积核各采样点沿宽度方向的间隔。",
    ),
    "conv3d.param.step": ("Output cell (step)", "输出格子（步骤）"),
    "conv3d.help.step": (
        "Which output cell (t, r, c), in row-major order, the window is on; the figures start there and the products below are its.",
        "窗口所在的输出格子 (t, r, c)，按行优先顺序编号；图从这一步开始播放，下方的乘积也属于这个格子。",
    ),
    "param.clip": ("Clip", "视频片段"),
    "help.clip": (
        "Generated here, nothing is downloaded: a moving square with a still bar, small random integers, or counting numbers.",
        "在本地生成，不下载任何东西：一个移动的方块加一条静止的横条、小随机整数，或递增的计数。",
    ),
    "choice.clip.moving": ("moving square", "移动的方块"),
    "choice.clip.random": ("random", "随机"),
    "choice.clip.counting": ("0, 1, 2, …", "0, 1, 2, …"),
    "param.kernel3d": ("Kernel", "卷积核"),
    "help.kernel3d": (
        "Temporal difference: +1 on the last frame read, −1 on the first, at the spatial centre. Box: all ones. Random: small integers.",
        "时间差分：在空间中心处，所读最后一帧为 +1、第一帧为 −1。盒式：全为 1。随机：小整数。",
    ),
    "choice.kernel3d.temporal_difference": ("temporal difference", "时间差分"),
    "choice.kernel3d.box": ("box (all ones)", "盒式（全 1）"),
    "choice.kernel3d.random": ("random", "随机"),
    # presets
    "preset.conv3d.c3d_layer": ("C3D layer: 3×3×3, padding 1", "C3D 层：3×3×3，填充 1"),
    "preset.conv3d.ji_7x7x3": ("Ji et al.: 7×7×3 over 3 frames", "Ji 等：跨 3 帧的 7×7×3"),
    "preset.conv3d.ji_7x6x3": ("Ji et al.: 7×6×3 over 3 frames", "Ji 等：跨 3 帧的 7×6×3"),
    "preset.conv3d.temporal_difference": (
        "Temporal difference on a moving square",
        "移动方块上的时间差分",
    ),
    "preset.conv3d.r2plus1d_spatial": (
        "(2+1)-D, first half: 1×3×3 on each frame",
        "(2+1)D 的前半：逐帧 1×3×3",
    ),
    "preset.conv3d.r2plus1d_temporal": (
        "(2+1)-D, second half: 3×1×1 across frames",
        "(2+1)D 的后半：跨帧 3×1×1",
    ),
    # 1. the window
    "conv3d.window.caption": (
        "Top: the padded clip, frame by frame (padding in its own fill). Below: the output frames. The outlined window covers the kD frames one output cell reads; press ▶ (when the figure has one), drag the step slider or click an output cell.",
        "上方：逐帧显示填充后的片段（填充格用单独的底色）。下方：输出帧。被框出的窗口覆盖一个输出格子所读取的 kD 帧；按 ▶（图中有这个按钮时）、拖动步骤滑块或点击某个输出格子即可。",
    ),
    "conv3d.window.caption_one": (
        "Top: the padded clip, frame by frame (padding in its own fill). Below: the output, a single cell. The outlined window covers the kD frames that cell reads; with one output cell there is no step to move to.",
        "上方：逐帧显示填充后的片段（填充格用单独的底色）。下方：输出，只有一个格子。被框出的窗口覆盖这个格子所读取的 kD 帧；只有一个输出格子，所以没有别的步骤可走。",
    ),
    "conv3d.window.not_animated": (
        "{steps} output cells are too many to animate in the browser (at most {limit}). The figure shows the step on the slider: the padded frames its window reads (with the frames between and beside them while they fit) and the output frame it writes. Move the step slider to walk the window.",
        "共有 {steps} 个输出格子，太多了，浏览器里无法逐步动画（最多 {limit} 个）。图中只显示滑块所在的这一步：窗口读取的填充后各帧（放得下时，也画出它们之间和两旁的帧）以及它写入的输出帧。请拖动步骤滑块来移动窗口。",
    ),
    "conv3d.window.too_tall": (
        "The whole clip would make a figure {height} px tall, more than two screens (at most {limit} px): the window and the cell it writes could not be seen at once. The figure shows the step on the slider: the padded frames its window reads (with the frames between and beside them while they fit) and the output frame it writes. Move the step slider to walk the window, or turn on the 3-D view below to play it.",
        "整个片段画出来的图会有 {height} 像素高，超过两屏（最多 {limit} 像素）：窗口和它写入的格子无法同时看到。图中只显示滑块所在的这一步：窗口读取的填充后各帧（放得下时，也画出它们之间和两旁的帧）以及它写入的输出帧。请拖动步骤滑块来移动窗口，或打开下方的三维视图来播放。",
    ),
    "conv3d.window.cell": (
        "Output cell **(t, r, c) = ({t}, {r}, {c})** reads padded frames **{frames}**, one kH×kW slice of the kernel per frame:",
        "输出格子 **(t, r, c) = ({t}, {r}, {c})** 读取填充后的第 **{frames}** 帧，每帧对应卷积核的一个 kH×kW 切片：",
    ),
    "conv3d.window.frame_line": ("frame {z}: {text}", "第 {z} 帧：{text}"),
    "conv3d.window.total": (
        "y[{t}, {r}, {c}] = the sum of the frames' sums = {value}",
        "y[{t}, {r}, {c}] = 各帧部分和之和 = {value}",
    ),
    "conv3d.files.gif_budget": (
        "The GIF is offered up to {limit} output cells; the PNG shows the current step.",
        "输出格子不超过 {limit} 个时才提供 GIF；PNG 显示当前这一步。",
    ),
    "conv3d.voxels.header": ("The same clip in 3-D", "同一个片段的三维视图"),
    "conv3d.voxels.caption": (
        "Each non-zero voxel is a faint cube (time along the frame axis); the voxels the window reads are solid, zeros included, and the window's extent is outlined. Drag to turn the view, point at a cube to read its value; ▶ and the view's own step slider move the window in your browser (the page's step slider above sets where it starts).",
        "每个非零体素画成一个半透明的小立方体（帧轴为时间）；窗口读取的体素（包括零）是实心的，窗口的范围用线框出。拖动可以旋转视角，指向一个立方体可以读出它的值；▶ 和视图自己的步骤滑块在浏览器里移动窗口（上方页面的步骤滑块决定从哪一步开始）。",
    ),
    "conv3d.voxels.caption_one": (
        "Each non-zero voxel is a faint cube (time along the frame axis); the voxels the window of the single output cell reads are solid, zeros included, and the window's extent is outlined. Drag to turn the view, point at a cube to read its value.",
        "每个非零体素画成一个半透明的小立方体（帧轴为时间）；唯一的输出格子的窗口所读取的体素（包括零）是实心的，窗口的范围用线框出。拖动可以旋转视角，指向一个立方体可以读出它的值。",
    ),
    "conv3d.voxels.toggle": ("Draw the clip in 3-D", "用三维方式画出片段"),
    "conv3d.voxels.toggle_help": (
        "Off by default, to keep the page short: the frames above show the same window. The view is drawn by your browser on a plain canvas (no graphics acceleration needed); turning it and moving its window need no server run. The link keeps the choice (?voxels=true).",
        "默认关闭，让页面短一些：上方的各帧显示的是同一个窗口。这个视图由浏览器在普通画布上绘制（不需要图形加速）；旋转视角和移动窗口都不需要服务器重新运行。链接会记住这个选择（?voxels=true）。",
    ),
    "conv3d.voxels.hint": (
        "Drag to turn · point at a cube for its value",
        "拖动可旋转 · 指向立方体可读出数值",
    ),
    "conv3d.voxels.taps": ("voxels read", "被读取的体素"),
    "conv3d.voxels.clip": ("clip", "片段"),
    "conv3d.voxels.window": ("window", "窗口"),
    "conv3d.voxels.axis_time": ("frame", "帧"),
    "conv3d.voxels.axis_col": ("column", "列"),
    "conv3d.voxels.axis_row": ("row", "行"),
    "conv3d.frames.input_title": ("frame {z}", "第 {z} 帧"),
    "conv3d.frames.pad_title": ("padding", "填充"),
    "conv3d.frames.output_title": ("output {t}", "输出 {t}"),
    "conv3d.moving_note": (
        "With the temporal-difference kernel on the moving square, the output is non-zero only where something changed between the frames the window compares: +2 where the square arrived, −2 where it left; the still bar cancels to 0.",
        "把时间差分卷积核用在移动的方块上，只有在窗口比较的两帧之间发生了变化的地方输出才不为零：方块到达处为 +2，离开处为 −2；静止的横条相减后为 0。",
    ),
    # 2-D against 3-D
    "conv3d.fusion.header": ("2-D against 3-D convolution", "2D 卷积与 3D 卷积的对比"),
    "conv3d.fusion.intro": (
        "A 2-D convolution on a frame with several channels (an RGB frame: C = 3) uses a kernel **(C, kH, kW)** that covers every channel at once: it slides over H and W only and gives one map per filter. Stacking the D frames of a clip as channels (early fusion) does the same to time: the first layer sums over all frames at once and **the time axis is gone**. A 3-D kernel with kD < D instead **slides along time**, and the output keeps a depth of D_out frames — the contrast the C3D paper draws.",
        "在多通道的帧上做 2D 卷积（如 RGB 帧，C = 3）时，卷积核 **(C, kH, kW)** 一次覆盖所有通道：它只沿 H 和 W 滑动，每个滤波器输出一张图。把片段的 D 帧当成通道堆起来（早期融合）对时间也是如此：第一层就一次性把所有帧加在一起，**时间这一维随之消失**。而 kD < D 的 3D 卷积核会**沿时间滑动**，输出保留 D_out 帧的深度——这正是 C3D 论文所强调的区别。",
    ),
    "conv3d.fusion.map_2d": ("2-D, {d} channels", "2D，{d} 个通道"),
    "conv3d.fusion.map_3d": ("3-D, kD = {d}", "3D，kD = {d}"),
    "conv3d.fusion.text": (
        "Here: the {d} frames as {d} channels, a 2-D kernel ({d}, {kh}, {kw}) → one {h}×{w} map. A 3-D kernel {d}×{kh}×{kw} as deep as the clip gives the same map with a depth of 1 (largest difference: {diff}); a kernel with kD < {d}, as on the sliding-window tab, slides along time instead: at stride 1 without padding it gives {d} − kD + 1 output frames.",
        "本例：把 {d} 帧当作 {d} 个通道，用 2D 卷积核 ({d}, {kh}, {kw}) → 一张 {h}×{w} 的图。与片段一样深的 3D 卷积核 {d}×{kh}×{kw} 给出同一张图，深度为 1（最大差异：{diff}）；而像“滑动窗口”页签中那样 kD < {d} 的卷积核会沿时间滑动：步长为 1、不填充时输出 {d} − kD + 1 帧。",
    ),
    # sizes
    "conv3d.sizes.header": ("Output size, axis by axis", "逐轴计算输出尺寸"),
    "conv3d.sizes.intro": (
        "Each axis uses the same formula with its own stride, padding and dilation: **o = ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1**.",
        "每个轴都用同一个公式，只是各自有自己的步长、填充和空洞：**o = ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1**。",
    ),
    "conv3d.sizes.axis": ("axis", "轴"),
    "conv3d.sizes.formula": ("formula", "公式"),
    "conv3d.sizes.shape": (
        "Output of one filter: **({d} × {h} × {w})** = {cells} cells, each a sum of {taps} products.",
        "一个滤波器的输出：**({d} × {h} × {w})** = {cells} 个格子，每个格子是 {taps} 个乘积之和。",
    ),
    "conv3d.sizes.axis_error": ("Along {axis}:", "沿 {axis}："),
    "conv3d.axis.d": ("D (time)", "D（时间）"),
    "conv3d.axis.h": ("H", "H"),
    "conv3d.axis.w": ("W", "W"),
    # weights and MACs
    "conv3d.layers.header": ("Weights and multiply-accumulates", "权重与乘加次数"),
    "conv3d.layers.intro": (
        "One clip (C_in, D, H, W) through each layer, all at stride 1. Weights only (biases left out); MACs = weights × output positions. The (2+1)-D block (Tran et al. 2018) runs a 1×3×3 spatial convolution into M channels, then a 3×1×1 temporal one, with M chosen so it has about the weights of the 3×3×3 layer.",
        "同一个片段 (C_in, D, H, W) 分别经过下列各层，步长都为 1。只计权重（不含偏置）；乘加次数 = 权重数 × 输出位置数。(2+1)D 块（Tran 等，2018）先做 1×3×3 的空间卷积得到 M 个通道，再做 3×1×1 的时间卷积，M 的取值使它的权重数与 3×3×3 层大致相同。",
    ),
    "conv3d.layers.in_channels": ("C_in", "C_in"),
    "conv3d.layers.out_channels": ("C_out", "C_out"),
    "conv3d.layers.frames": ("frames D", "帧数 D"),
    "conv3d.layers.size": ("H = W", "H = W"),
    "conv3d.layers.layer": ("layer", "层"),
    "conv3d.layers.convs": ("convolutions (C_in→C_out, kD×kH×kW)", "卷积（C_in→C_out，kD×kH×kW）"),
    "conv3d.layers.output": ("output shape", "输出形状"),
    "conv3d.layers.weights": ("weights", "权重数"),
    "conv3d.layers.ratio": ("× C3D", "相对 C3D"),
    "conv3d.layers.macs": ("MACs", "乘加次数"),
    "conv3d.layers.c3d": ("C3D 3×3×3, padding 1", "C3D 3×3×3，填充 1"),
    "conv3d.layers.ji_773": ("Ji et al. 7×7×3, no padding", "Ji 等 7×7×3，无填充"),
    "conv3d.layers.ji_763": ("Ji et al. 7×6×3, no padding", "Ji 等 7×6×3，无填充"),
    "conv3d.layers.frame_2d": ("2-D 3×3 on each frame", "逐帧 2D 3×3"),
    "conv3d.layers.early_fusion": ("2-D 3×3, frames as channels", "2D 3×3，帧当作通道"),
    "conv3d.layers.r2plus1d": ("(2+1)-D: 1×3×3 then 3×1×1", "(2+1)D：先 1×3×3 再 3×1×1"),
    "conv3d.layers.mid_note": (
        "(2+1)-D width: M = ⌊27·{cin}·{cout} / (9·{cin} + 3·{cout})⌋ = {m}, so the block has {weights} weights against {c3d} for the 3×3×3 layer — and one more non-linearity can go between its two convolutions.",
        "(2+1)D 的中间宽度：M = ⌊27·{cin}·{cout} / (9·{cin} + 3·{cout})⌋ = {m}，于是该块有 {weights} 个权重，而 3×3×3 层有 {c3d} 个——并且两次卷积之间还能多插入一个非线性。",
    ),
    "conv3d.predict.help": (
        "Hide the computed sizes until you have typed your own prediction of D_out.",
        "在你输入自己对 D_out 的预测之前，先隐藏计算出的尺寸。",
    ),
    "conv3d.predict.label": (
        "Your prediction: the number of output frames D_out",
        "你的预测：输出帧数 D_out",
    ),
    "conv3d.predict.waiting": (
        "Predict how many output frames this setting gives, then press Reveal to see every axis.",
        "先预测这个设置会输出多少帧，再点“揭晓”查看每个轴的计算。",
    ),
    "practice.choice.topic.conv3d": ("3-D", "3D 卷积"),
    "practice.q.conv3d_frames": (
        "A clip of D = {frames} frames goes through a 3-D convolution whose kernel spans kD = {k} frames, with stride s = {s}, padding p = {p} frames per side and dilation d = {d} along time. **How many output frames D_out does it give?**",
        "一个 D = {frames} 帧的片段经过一个 3D 卷积：卷积核跨 kD = {k} 帧，沿时间方向的步长 s = {s}、每侧填充 p = {p} 帧、空洞 d = {d}。**输出有多少帧 D_out？**",
    ),
    "practice.q.conv3d_params": (
        "A 3-D convolution maps C_in = {cin} channels to C_out = {cout} channels with a {kd}×{kh}×{kw} kernel (kD×kH×kW), {bias_key}. **How many learnable parameters does it have?**",
        "一个 3D 卷积用 {kd}×{kh}×{kw}（kD×kH×kW）的卷积核把 C_in = {cin} 个通道映射到 C_out = {cout} 个通道，{bias_key}。**它有多少个可学习参数？**",
    ),
    "practice.explain.conv3d_params": (
        "Weight shape (C_out, C_in, kD, kH, kW) = {shape}: one kD×kH×kW kernel for every pair of input and output channels.",
        "权重形状 (C_out, C_in, kD, kH, kW) = {shape}：每一对输入通道与输出通道各有一个 kD×kH×kW 的卷积核。",
    ),
    "error.unknown_choice": (
        "{name}={value} is not one of {options}.",
        "{name}={value} 不是 {options} 之一。",
    ),
}
