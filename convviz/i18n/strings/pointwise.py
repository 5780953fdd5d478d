"""Text of the 1×1 (pointwise) convolution page."""

STRINGS = {
    "pointwise.lead": (
        "A 1×1 convolution mixes the channels of each pixel with one matrix.",
        "1×1 卷积用同一个矩阵混合每个像素的各通道。",
    ),
    "pointwise.intro": (
        "A 1×1 convolution never looks at neighbours: at every pixel it takes the **C_in** numbers stacked in the channels and mixes them with one **(C_out, C_in)** matrix into **C_out** numbers. The height and width stay the same; only the number of channels changes. That makes it the cheap way to **reduce or expand channels** (Inception, ResNet bottlenecks, the pointwise half of a depthwise separable convolution) and, followed by a ReLU, to **add a non-linearity** without touching the spatial layout.",
        "1×1 卷积从不看相邻像素：它在每个像素上取出沿通道堆叠的 **C_in** 个数，用同一个 **(C_out, C_in)** 矩阵把它们线性组合成 **C_out** 个数。高和宽保持不变，只有通道数改变。因此它是**降维或升维**（Inception、ResNet 瓶颈结构、深度可分离卷积中的逐点卷积部分）的廉价办法；后面接上 ReLU，还能在不改变空间结构的前提下**增加非线性**。",
    ),
    "pointwise.param.pixel_row": ("Pixel row", "像素所在行"),
    "pointwise.param.pixel_col": ("Pixel column", "像素所在列"),
    "pointwise.help.pixel": (
        "The pixel whose channel vector is multiplied; clicking a cell picks it too.",
        "要演示的像素（取出它的通道向量做乘法）；直接点击格子也可以选中。",
    ),
    # 1. Per-pixel mixing.
    "pointwise.pixel.header": (
        "1 · Mixing the channels of one pixel",
        "1 · 混合单个像素的各个通道",
    ),
    "pointwise.pixel.caption": (
        "Input x: {cin} channels of {i}×{i} small integers (seed {seed}); weight W: ({cout}, {cin}). Click any cell to pick a pixel: the outlined cells in every channel form its vector.",
        "输入 x：{cin} 个 {i}×{i} 的小整数通道（种子 {seed}）；权重 W：({cout}, {cin})。点击任意格子即可选中一个像素：各通道中被框出的格子组成它的通道向量。",
    ),
    "pointwise.pixel.equation": (
        "At pixel ({r}, {c}) the {cin} input numbers become {cout} output numbers: **y = W · x**. Hover an output cell to see its products.",
        "在像素 ({r}, {c}) 处，{cin} 个输入数变成 {cout} 个输出数：**y = W · x**。把鼠标移到输出格子上可以看到各项乘积。",
    ),
    "pointwise.pixel.weight": ("W (C_out × C_in)", "W（C_out × C_in）"),
    "pointwise.pixel.vector": ("x({r},{c})", "x({r},{c})"),
    "pointwise.pixel.result": ("y({r},{c})", "y({r},{c})"),
    "pointwise.matmul.header": ("The whole layer is one matrix multiply", "整层就是一次矩阵乘法"),
    "pointwise.matmul.caption": (
        "Flatten every channel row by row: the pixels become the {n} columns of X ({cin} × {n}); then **Y = W · X** is ({cout} × {n}), and reshaping Y back gives the output channels. Pixel ({r}, {c}) is column {r}·{w} + {c} = {col}.",
        "把每个通道按行展平：所有像素成为 X（{cin} × {n}）的 {n} 列；于是 **Y = W · X** 的形状是 ({cout} × {n})，再把 Y 变回原来的形状就是输出通道。像素 ({r}, {c}) 是第 {r}·{w} + {c} = {col} 列。",
    ),
    "pointwise.matmul.pixels": ("X: {cin} × {n} pixels", "X：{cin} × {n} 个像素"),
    "pointwise.matmul.product": ("Y: {cout} × {n}", "Y：{cout} × {n}"),
    "pointwise.matmul.capped": (
        "Only the first {shown} of the {n} columns are drawn.",
        "只画出 {n} 列中的前 {shown} 列。",
    ),
    "pointwise.matmul.check": (
        "`conv2d(x, W[:, :, None, None])` and `(W @ X).reshape({cout}, {i}, {i})` agree: largest difference **{diff}**.",
        "`conv2d(x, W[:, :, None, None])` 与 `(W @ X).reshape({cout}, {i}, {i})` 一致：最大差值 **{diff}**。",
    ),
    # 2. A real picture.
    "pointwise.image.header": (
        "2 · A 1×1 convolution on a real picture",
        "2 · 在真实图片上做 1×1 卷积",
    ),
    "pointwise.image.caption": (
        "A colour picture has 3 channels (R, G, B). A 3 → k mixing matrix is a 1×1 convolution with weight (k, 3, 1, 1): each row makes one output channel from the pixel's R, G and B.",
        "彩色图片有 3 个通道（R、G、B）。一个 3 → k 的混合矩阵就是权重形状为 (k, 3, 1, 1) 的 1×1 卷积：每一行都用像素的 R、G、B 算出一个输出通道。",
    ),
    "param.mixing": ("Mixing matrix", "混合矩阵"),
    "help.mixing": (
        "A starting point; edit the numbers in the table below (numbers only, between −10 and 10, up to 6 rows).",
        "起点而已；可以在下面的表格里修改数字（只能是 −10 到 10 之间的数，最多 6 行）。",
    ),
    "choice.mixing.grayscale": ("Grayscale (3 → 1)", "灰度（3 → 1）"),
    "choice.mixing.swap_rb": ("Swap red and blue (3 → 3)", "交换红蓝（3 → 3）"),
    "choice.mixing.opponent": ("Colour opponents (3 → 2)", "颜色对立（3 → 2）"),
    "choice.mixing.random": ("Random projection (3 → 3)", "随机投影（3 → 3）"),
    "pointwise.image.table": (
        "Rows are output channels, columns the weights of R, G, B. Add or delete rows to change k.",
        "每一行是一个输出通道，各列是 R、G、B 的权重。增删行即可改变 k。",
    ),
    "pointwise.image.relu": ("ReLU after the 1×1 convolution", "在 1×1 卷积后接 ReLU"),
    "pointwise.image.relu_help": (
        "max(0, ·) on every output value: negative values become 0.",
        "对每个输出值取 max(0, ·)：负数变成 0。",
    ),
    "pointwise.image.input": ("Input: {h}×{w}×3", "输入：{h}×{w}×3"),
    "pointwise.image.channel": ("Output channel {j}", "输出通道 {j}"),
    "pointwise.image.channel_range": (
        "values {lo} … {hi}",
        "取值 {lo} … {hi}",
    ),
    "pointwise.image.scale_gray": (
        "Gray: black = 0, white = the largest value (at least 1).",
        "灰度：黑 = 0，白 = 最大值（至少为 1）。",
    ),
    "pointwise.image.scale_signed": (
        "Signed: purple < 0 < orange, white = 0.",
        "有正有负：紫色 < 0 < 橙色，白色 = 0。",
    ),
    "pointwise.image.rgb": ("The 3 outputs read as R, G, B", "把 3 个输出当作 R、G、B 显示"),
    "pointwise.image.relu_effect": (
        "The ReLU set {share} of the values to 0 (channel by channel: {per_channel}). Without it, two 1×1 convolutions in a row would be just one matrix product; with it they are not — that is the non-linearity a 1×1 layer adds almost for free.",
        "ReLU 把 {share} 的数值变成了 0（按通道：{per_channel}）。没有 ReLU 时，连续两个 1×1 卷积只等于一次矩阵乘法；有了 ReLU 就不再如此 —— 这就是 1×1 层几乎零成本增加的非线性。",
    ),
    "pointwise.image.relu_nothing": (
        "Every output value is already ≥ 0, so the ReLU changes nothing here; try the colour-opponent or random matrix.",
        "这里所有输出值都已经 ≥ 0，所以 ReLU 不起作用；试试颜色对立或随机矩阵。",
    ),
    "error.mixing_empty": (
        "Row {row}, column {column} is empty: type a number (0 if that colour should not count).",
        "第 {row} 行第 {column} 列是空的：请填一个数（不想用这个颜色就填 0）。",
    ),
    "error.mixing_not_number": (
        "Row {row}, column {column}: “{value}” is not a number. Every cell needs a number.",
        "第 {row} 行第 {column} 列：“{value}”不是数字。每个格子都需要填一个数。",
    ),
    "error.mixing_too_large": (
        "Row {row}, column {column}: {value} is outside −{limit} … {limit}.",
        "第 {row} 行第 {column} 列：{value} 超出了 −{limit} … {limit} 的范围。",
    ),
    "error.mixing_rows": (
        "The mixing matrix has {rows} rows; use 1 to {limit} (one per output channel).",
        "混合矩阵有 {rows} 行；请使用 1 到 {limit} 行（每行对应一个输出通道）。",
    ),
    # Captions of exported files.
    "pointwise.export.layer": (
        "A 1×1 convolution, {cin} → {cout} channels: the outlined pixel ({r}, {c}) of every output channel is W times the outlined pixel of the inputs.",
        "1×1 卷积，{cin} → {cout} 个通道：每个输出通道中被框出的像素 ({r}, {c}) 都等于 W 乘以输入中被框出的那个像素向量。",
    ),
    "error.mixing_link": (
        "The link's mixing matrix “{text}” is not rows of three numbers (R,G,B) separated by “;”, so the preset is shown instead.",
        "链接里的混合矩阵“{text}”不是用“;”分隔、每行三个数（R,G,B）的格式，因此改为显示预设矩阵。",
    ),
    # PyTorch code (comments in the page's language).
    "pointwise.code.numbers": (
        "# the page's numbers: whole numbers from −3 to 3 drawn by NumPy, seed {seed} for x and {seed_w} for the weight",
        "# 页面上的数字：由 NumPy 抽取的 −3 到 3 的整数，x 用种子 {seed}，权重用种子 {seed_w}",
    ),
    "pointwise.code.pixel": (
        "# pixel ({r}, {c}): its C_out output values, as the page shows them",
        "# 像素 ({r}, {c})：它的 C_out 个输出值，与页面显示的相同",
    ),
    "pointwise.code.columns": ("one column per pixel", "每个像素一列"),
    "pointwise.code.matmul": ("the whole layer, one matrix multiply", "整层只是一次矩阵乘法"),
    "pointwise.code.rounding": ("(rounding only)", "（只有舍入误差）"),
    "pointwise.code.picture": (
        "# a picture: 3 → 1 grayscale, then a ReLU (the cheap non-linearity)",
        "# 一张图片：3 → 1 变成灰度，再接一个 ReLU（代价很小的非线性）",
    ),
}
