"""Text of the Image lab page: kernels on real pictures, the typed kernel and upsampling."""

STRINGS = {
    "image_lab.lead": (
        "Real convolutions on a picture, one colour channel at a time.",
        "在真实图片上做卷积，每个颜色通道分别计算。",
    ),
    "image_lab.intro": (
        "Run real convolutions on a picture. Each colour channel is filtered on its own with the same kernel (a depthwise convolution, `groups = 3`), exactly as `torch.nn.functional.conv2d` would do it. Change the kernel, the stride, the dilation and what fills the border, then compare four ways of doubling a picture's size.",
        "在真实图片上做卷积。每个颜色通道用同一个卷积核分别计算（深度卷积，`groups = 3`），结果与 `torch.nn.functional.conv2d` 完全一致。你可以更换卷积核、步长、膨胀率和边界填充方式，然后比较把图片放大一倍的四种方法。",
    ),
    # Controls.
    "param.picture": ("Which sample", "哪张示例图"),
    "help.picture": (
        "All three are drawn by the app from code: a landscape, flat shapes with straight edges, and rings that get finer towards the corners.",
        "三张图都由本应用用代码绘制：一幅风景、带直边的平面图形，以及越往角落越细的同心圆环。",
    ),
    "choice.picture.scene": ("Landscape", "风景"),
    "choice.picture.shapes": ("Shapes", "几何图形"),
    "choice.picture.rings": ("Rings", "圆环"),
    "param.filter": ("Kernel", "卷积核"),
    "help.filter": (
        "Classic image kernels, or type your own in a grid.",
        "经典的图像卷积核，或者在表格里输入你自己的卷积核。",
    ),
    "choice.filter.box": ("Box blur", "均值模糊"),
    "choice.filter.gaussian": ("Gaussian blur", "高斯模糊"),
    "choice.filter.sharpen": ("Sharpen", "锐化"),
    "choice.filter.sobel_x": ("Sobel x", "Sobel x"),
    "choice.filter.sobel_y": ("Sobel y", "Sobel y"),
    "choice.filter.laplacian": ("Laplacian", "拉普拉斯"),
    "choice.filter.emboss": ("Emboss", "浮雕"),
    "choice.filter.custom": ("Type your own", "自己输入"),
    "image_lab.param.kernel_size": ("Size of your kernel", "自定义卷积核的大小"),
    "param.output_view": ("Show the output as", "输出的显示方式"),
    "help.output_view": (
        "Automatic: a colour map when the kernel's taps sum to 0 (edge detectors give signed values around 0), a picture otherwise.",
        "自动：卷积核各项之和为 0 时（边缘检测核给出以 0 为中心的正负值）用色图显示，否则显示为图片。",
    ),
    "choice.output_view.auto": ("Automatic", "自动"),
    "choice.output_view.rgb": ("Colour picture", "彩色图片"),
    "choice.output_view.map": ("Colour map", "色图"),
    "param.upsample": ("Method to look at closely", "仔细查看的方法"),
    "help.upsample": (
        "Its output is shown large, offered as a PNG and written as PyTorch code.",
        "该方法的输出会放大显示，可下载为 PNG，并给出对应的 PyTorch 代码。",
    ),
    "choice.upsample.transposed_k3": ("Transposed k=3, s=2", "转置卷积 k=3, s=2"),
    "choice.upsample.transposed_k4": ("Transposed k=4, s=2", "转置卷积 k=4, s=2"),
    "choice.upsample.resize_conv": ("Resize, then convolve", "先放大再卷积"),
    "choice.upsample.pixel_shuffle": ("Pixel shuffle", "像素重排 PixelShuffle"),
    "param.upsample_kernel": ("Upsampling kernels", "上采样卷积核"),
    "help.upsample_kernel": (
        "Uniform: every tap equal, like a box filter (a new PyTorch layer is not like this: its weights start random). Bilinear: taps that interpolate linearly.",
        "均匀：每个权重都相等，类似盒式滤波器（新建的 PyTorch 层并非如此：它的权重一开始是随机的）。双线性：按线性插值设置的权重。",
    ),
    "choice.upsample_kernel.uniform": ("Uniform", "均匀"),
    "choice.upsample_kernel.bilinear": ("Bilinear", "双线性"),
    "image_lab.refused": (
        "The uploaded file could not be used: the reason is in the sidebar. Upload another picture or go back to a sample.",
        "无法使用上传的文件：原因见侧边栏。请上传另一张图片，或改回示例图片。",
    ),
    # Section 1: one kernel on the picture.
    "image_lab.filter.header": ("A kernel on the picture", "图片上的卷积"),
    "image_lab.filter.kernel_caption": (
        "Kernel {kh}×{kw}, taps sum to {total}. The same kernel is applied to R, G and B separately: weight shape (3, 1, {kh}, {kw}), groups = 3.",
        "卷积核 {kh}×{kw}，各项之和为 {total}。同一个卷积核分别作用于 R、G、B：权重形状 (3, 1, {kh}, {kw})，groups = 3。",
    ),
    "image_lab.custom.caption": (
        "Type one number per cell: decimals such as -1 or 0.25, or fractions such as 1/9. Nothing you type is run as code.",
        "每格输入一个数：如 -1、0.25 这样的小数，或 1/9 这样的分数。你输入的内容不会被当作代码执行。",
    ),
    "image_lab.custom.invalid": (
        "Fix the cell above to see the result.",
        "请先修正上面的单元格，才能看到结果。",
    ),
    "image_lab.sizes.header": ("Sizes", "尺寸"),
    # "Predict first": the learner predicts the output width before the output is shown.
    "image_lab.predict.help": (
        "Hide the filtered picture and its sizes until you have typed your own prediction of its width.",
        "在你输入自己对输出宽度的预测之前，先隐藏滤波后的图片和它的尺寸。",
    ),
    "image_lab.predict.label": (
        "Your prediction: the output width W_out in pixels",
        "你的预测：输出宽度 W_out（像素）",
    ),
    "image_lab.predict.waiting": (
        "Predict how many pixels wide the output is from the input's width, the kernel, the stride and the dilation, then press Reveal to see the output and both axes.",
        "根据输入的宽度、卷积核、步长和空洞率，预测输出有多少像素宽，再点“揭晓”查看输出图片和两个方向的计算。",
    ),
    "image_lab.sizes.rule": (
        "Padding p = ⌊d(k − 1)/2⌋ per side (it keeps the size at stride 1 for an odd kernel), filled in “{mode}” mode.",
        "每边填充 p = ⌊d(k − 1)/2⌋（奇数大小的卷积核在步长 1 时保持尺寸不变），填充方式为“{mode}”。",
    ),
    "image_lab.sizes.axis": (
        "{axis}: ⌊({i} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = ⌊{num} / {s}⌋ + 1 = **{o}**",
        "{axis}：⌊({i} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = ⌊{num} / {s}⌋ + 1 = **{o}**",
    ),
    # The rule without what it gives (shown while "predict first" waits for the width).
    "image_lab.sizes.padding": (
        "Padding p = ⌊d(k − 1)/2⌋ per side, filled in “{mode}” mode.",
        "每边填充 p = ⌊d(k − 1)/2⌋，填充方式为“{mode}”。",
    ),
    "image_lab.sizes.height": ("Height", "高"),
    "image_lab.sizes.width": ("Width", "宽"),
    "image_lab.sizes.summary": (
        "Input {h}×{w}×3 → output {oh}×{ow}×3.",
        "输入 {h}×{w}×3 → 输出 {oh}×{ow}×3。",
    ),
    "image_lab.input_caption": ("Input · {h}×{w} pixels", "输入 · {h}×{w} 像素"),
    "image_lab.output_caption": ("Output · {h}×{w} pixels", "输出 · {h}×{w} 像素"),
    "image_lab.rgb.range": (
        "Output values run from {lo} to {hi}; {share} of them fall outside 0 … 1 and are clipped for display.",
        "输出值从 {lo} 到 {hi}；其中 {share} 超出 0 … 1，显示时被截断。",
    ),
    "image_lab.map.title": (
        "Output, mean of the three channels · {h}×{w}",
        "输出（三个通道的平均）· {h}×{w}",
    ),
    "image_lab.map.colorbar": ("value", "数值"),
    "image_lab.map.explain": (
        "The taps sum to {total}: on a flat area the output is {flat_note}. The map shows the mean of the three channel outputs (by linearity, the kernel applied to the gray picture), from {lo} to {hi}.",
        "各项之和为 {total}：在颜色均匀的区域输出为 {flat_note}。色图显示三个通道输出的平均值（由线性可知，等于卷积核作用于灰度图），范围从 {lo} 到 {hi}。",
    ),
    "image_lab.map.flat_zero": ("0, and only changes light up", "0，只有变化之处才会亮起来"),
    "image_lab.map.flat_scaled": (
        "the picture times {total}",
        "原图乘以 {total}",
    ),
    "image_lab.map.downsampled": (
        "Drawn at 1/{f} resolution (averages of {f}×{f} blocks) to keep the page fast; the PNG download has every pixel.",
        "为了让页面保持流畅，色图按 1/{f} 分辨率绘制（{f}×{f} 块的平均值）；下载的 PNG 包含全部像素。",
    ),
    "image_lab.hover": ("row {row}, col {col}: {value}", "第 {row} 行，第 {col} 列：{value}"),
    # Section 2: upsampling.
    "image_lab.up.header": ("Doubling the size: four ways", "把尺寸放大一倍：四种方法"),
    "image_lab.up.intro": (
        "The picture is first shrunk to {h}×{w}, then each method makes it {oh}×{ow}. Below each result, a {crop}×{crop} patch from the middle is enlarged {zoom}× by repeating pixels, so single pixels stay sharp.",
        "先把图片缩小到 {h}×{w}，每种方法再把它放大到 {oh}×{ow}。每个结果下方是中间 {crop}×{crop} 区域按像素重复放大 {zoom} 倍的样子，所以单个像素依然清晰。",
    ),
    "image_lab.up.tile": ("{name} · {h}×{w}", "{name} · {h}×{w}"),
    "image_lab.up.zoom": ("middle, {zoom}× larger", "中间区域，放大 {zoom} 倍"),
    "image_lab.up.uniform": (
        "**Uniform kernels.** The transposed convolutions give every tap s²/k² (4/9 for k = 3, 1/4 for k = 4), so a flat picture keeps its brightness *on average*; resize-then-convolve uses the 3×3 box, pixel shuffle the same box for all four sub-pixels.",
        "**均匀卷积核。** 转置卷积的每个权重都是 s²/k²（k = 3 时为 4/9，k = 4 时为 1/4），这样均匀的图片*平均*亮度不变；先放大再卷积用 3×3 均值核，像素重排给四个子像素都用同一个均值核。",
    ),
    "image_lab.up.bilinear": (
        "**Bilinear kernels.** The transposed convolutions use the tent [0.5, 1, 0.5] (k = 3) or [0.25, 0.75, 0.75, 0.25] (k = 4) on each axis; resize-then-convolve uses [1, 2, 1]/4, and pixel shuffle the four phases [0.25, 0.75, 0] and [0, 0.75, 0.25]. Away from the border, k = 4, resize-then-convolve and pixel shuffle give the same numbers: bilinear upsampling.",
        "**双线性卷积核。** 转置卷积在每个轴上用三角形权重 [0.5, 1, 0.5]（k = 3）或 [0.25, 0.75, 0.75, 0.25]（k = 4）；先放大再卷积用 [1, 2, 1]/4，像素重排用四个相位 [0.25, 0.75, 0] 和 [0, 0.75, 0.25]。在远离边界处，k = 4、先放大再卷积与像素重排给出完全相同的数值：即双线性上采样。",
    ),
    "image_lab.up.overlap_header": (
        "Why k = 3 with stride 2 makes a checkerboard",
        "为什么 k = 3、步长 2 会产生棋盘格",
    ),
    "image_lab.up.overlap": (
        "Each input pixel stamps a k×k copy of the kernel onto the output, stamps 2 apart. Along one axis, the k = 3 stamp of input row r covers rows 2r, 2r+1, 2r+2 of the full output: even rows are covered by 2 stamps, odd rows by 1 (padding = 1 then crops the first row and column, so in the figure the odd rows get 2). In 2-D the counts multiply: **1, 2 and 4** stamps alternate in a checkerboard (left). With k = 4 every row is covered by exactly 2 stamps, so every interior cell gets **4** (right). The numbers are `conv_transpose2d` of an all-ones {n}×{n} input with an all-ones kernel (padding and output_padding as above; the border cells get fewer).",
        "每个输入像素把卷积核的一个 k×k 副本“盖印”到输出上，相邻印章相隔 2。沿一个轴看，输入第 r 行的 k = 3 印章覆盖完整输出的第 2r、2r+1、2r+2 行：偶数行被 2 个印章覆盖，奇数行只被 1 个覆盖（之后 padding = 1 裁掉第一行和第一列，所以图中是奇数行得到 2）。二维时次数相乘：**1、2、4** 个印章交替出现，形成棋盘格（左）。k = 4 时每一行恰好被 2 个印章覆盖，所以每个内部格子都得到 **4**（右）。图中数字是全 1 的 {n}×{n} 输入与全 1 卷积核做 `conv_transpose2d` 的结果（padding 与 output_padding 同上；边界格子被覆盖得更少）。",
    ),
    "image_lab.up.overlap_title": (
        "k = {k}, s = 2: stamps per cell",
        "k = {k}, s = 2：每格的印章数",
    ),
    "image_lab.up.remedy": (
        "So with uniform weights, k = 3 multiplies neighbouring pixels by 4/9, 8/9 and 16/9: the grid you see on the left tile. For these fixed weights the grid goes away with a kernel size divisible by the stride (k = 4), weights that compensate the uneven coverage (the bilinear tent), resizing first and convolving at stride 1, or computing the 4 sub-pixels as channels and interleaving them (pixel shuffle). With trained weights only resizing first keeps the coverage even whatever the weights learn, which is why Odena et al. (2016) recommend it.",
        "因此在均匀权重下，k = 3 会把相邻像素分别乘以 4/9、8/9 和 16/9：这就是最左边结果中看到的网格。对这些固定的权重，网格可以这样消除：让卷积核大小能被步长整除（k = 4）、用能补偿覆盖不均的权重（双线性三角核）、先放大再用步长 1 卷积，或者把 4 个子像素作为通道算出来再交错排列（像素重排）。对于训练出的权重，只有先放大能保证无论学到什么权重覆盖都均匀，所以 Odena 等（2016）推荐这种做法。",
    ),
    "image_lab.up.selected": (
        "**{name}**: {how}",
        "**{name}**：{how}",
    ),
    "image_lab.up.how.transposed": (
        "`conv_transpose2d(x, w, stride=2, padding={p}, output_padding={a}, groups=3)` with a {k}×{k} kernel: ({i} − 1)·2 − 2·{p} + {k} + {a} = {o}.",
        "`conv_transpose2d(x, w, stride=2, padding={p}, output_padding={a}, groups=3)`，卷积核 {k}×{k}：({i} − 1)·2 − 2·{p} + {k} + {a} = {o}。",
    ),
    "image_lab.up.how.resize_conv": (
        "repeat every pixel 2×2 ({i} → {o}), then a 3×3 convolution at stride 1 with “same” padding (replicated border) keeps {o}.",
        "先把每个像素重复成 2×2（{i} → {o}），再用步长 1、“same” 填充（复制边缘）的 3×3 卷积，尺寸保持 {o}。",
    ),
    "image_lab.up.how.pixel_shuffle": (
        "a 3×3 convolution at stride 1 (padding 1, replicated border) computes 4 channels per colour at {i}×{i_w}, then `pixel_shuffle(·, 2)` interleaves them into {o}×{o_w}: out[c, 2h + i, 2w + j] = x[4c + 2i + j, h, w].",
        "步长 1 的 3×3 卷积（填充 1，复制边缘）在 {i}×{i_w} 上为每个颜色算出 4 个通道，再用 `pixel_shuffle(·, 2)` 交错排成 {o}×{o_w}：out[c, 2h + i, 2w + j] = x[4c + 2i + j, h, w]。",
    ),
    "image_lab.up.flat": (
        "On a flat gray picture (all 0.5) its interior values are: {values}.",
        "在均匀的灰色图片（全为 0.5）上，它的内部数值为：{values}。",
    ),
    "image_lab.up.large_header": ("The chosen method at full size", "所选方法的完整结果"),
    # PyTorch code comments.
    "image_lab.code.filter": (
        "# The kernel on every channel separately (depthwise: groups = 3)",
        "# 同一个卷积核分别作用于每个通道（深度卷积：groups = 3）",
    ),
    "image_lab.code.picture": (
        "# x: the picture as a (1, 3, H, W) float tensor in [0, 1]",
        "# x：图片，形状 (1, 3, H, W) 的浮点张量，取值 0 到 1",
    ),
    "image_lab.code.pad": (
        "# F.pad fills the border first ('{mode}' mode), then conv2d runs without padding",
        "# 先用 F.pad 填充边界（'{mode}' 模式），再做不带填充的 conv2d",
    ),
    "image_lab.code.shape": ("# y.shape == (1, 3, {oh}, {ow})", "# y.shape == (1, 3, {oh}, {ow})"),
    "image_lab.code.upsample": (
        "# Doubling the size: {name}",
        "# 把尺寸放大一倍：{name}",
    ),
    "image_lab.code.small": (
        "# small: the shrunk picture, (1, 3, {h}, {w})",
        "# small：缩小后的图片，(1, 3, {h}, {w})",
    ),
    # Errors of the typed kernel.
    "error.image_lab_kernel_empty": (
        "Row {row}, column {col} of the kernel is empty. Type a number there.",
        "卷积核第 {row} 行第 {col} 列是空的。请在那里输入一个数。",
    ),
    "error.image_lab_kernel_not_number": (
        "Row {row}, column {col}: “{token}” is not a number. Type a decimal such as -1 or 0.25, or a fraction such as 1/9.",
        "第 {row} 行第 {col} 列：“{token}”不是数字。请输入 -1、0.25 这样的小数，或 1/9 这样的分数。",
    ),
    "error.image_lab_kernel_not_finite": (
        "Row {row}, column {col}: “{token}” is not a finite number: infinity, NaN and anything beyond ±1.8 × 10³⁰⁸ cannot be computed with.",
        "第 {row} 行第 {col} 列：“{token}”不是有限的数：无穷大、NaN 以及超出 ±1.8 × 10³⁰⁸ 的数都无法参与计算。",
    ),
    "error.image_lab_kernel_too_long": (
        "Row {row}, column {col}: “{token}” is {length} characters long; a number here has at most {limit}.",
        "第 {row} 行第 {col} 列：“{token}”有 {length} 个字符；这里的数字最多只能有 {limit} 个字符。",
    ),
    "error.image_lab_kernel_zero_division": (
        "Row {row}, column {col}: “{token}” divides by zero.",
        "第 {row} 行第 {col} 列：“{token}”除以了零。",
    ),
    "error.image_lab_kernel_too_large": (
        "Row {row}, column {col}: {token} is too large; kernel taps must lie between −{limit} and {limit}.",
        "第 {row} 行第 {col} 列：{token} 太大了；卷积核的每一项必须在 −{limit} 到 {limit} 之间。",
    ),
    "error.image_lab_kernel_shape": (
        "The kernel needs 1 to {limit} rows and columns, every row as long as the others.",
        "卷积核需要 1 到 {limit} 行和列，并且每行一样长。",
    ),
    "error.image_lab_unknown_kernel": ("Unknown kernel “{name}”.", "未知的卷积核“{name}”。"),
    "error.image_lab_unknown_picture": ("Unknown picture “{name}”.", "未知的图片“{name}”。"),
    "error.image_lab_unknown_upsample": (
        "Unknown upsampling setting “{name}”.",
        "未知的上采样设置“{name}”。",
    ),
    "image_lab.code.note": (
        "The layers are the page's; the picture in the code is random numbers of the same size, so it reproduces the page's shapes. Load your picture into x (and its shrunk copy into small) to get the page's values.",
        "代码中的层与页面相同；图片换成了同样大小的随机数，因此复现的是页面上的形状。把你的图片载入 x（把缩小后的图片载入 small）就能得到页面上的数值。",
    ),
}
