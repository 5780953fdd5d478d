"""Text of the deformable convolution page: moved sampling points, bilinear reads, offset
fields and where the offsets come from."""

STRINGS = {
    "page.deformable": ("Deformable convolution", "可变形卷积"),
    "home.teaches.deformable": (
        "Sampling points that move: each tap reads at p₀ + pₙ + Δpₙ by bilinear interpolation; offset fields (shift, scale, rotation, random, following a shape), the offset and mask convolutions and their cost.",
        "会移动的采样点：每个抽头在 p₀ + pₙ + Δpₙ 处用双线性插值读取输入；各种偏移场（平移、缩放、旋转、随机、贴合形状），以及产生偏移和掩码的卷积层和它们的开销。",
    ),
    "deformable.lead": (
        "Each tap reads at its grid point plus a learned offset, by bilinear interpolation.",
        "每个抽头在网格点加上学到的偏移处读取输入，用双线性插值。",
    ),
    "deformable.intro": (
        "A deformable convolution (Dai et al., 2017) keeps the k×k weights of an ordinary convolution but lets every tap read somewhere else: tap n of output cell p₀ reads the input at **p₀ + pₙ + Δpₙ**, where pₙ is its place in the regular grid and the offset Δpₙ = (dy, dx) is learned — another convolution over the same input predicts it at every output cell. Offsets are fractions, so the input is read by **bilinear interpolation** from the four pixels around the point; a point outside the image reads 0. DCNv2 (Zhu et al., 2019) also multiplies each read by a **mask** value between 0 and 1. With zero offsets (and no mask) it is exactly the standard convolution. In PyTorch: `torchvision.ops.deform_conv2d`.",
        "可变形卷积（Dai 等，2017）保留普通卷积的 k×k 个权重，但允许每个抽头到别处读取：输出位置 p₀ 的第 n 个抽头读取输入的 **p₀ + pₙ + Δpₙ** 处，其中 pₙ 是它在规则网格中的位置，偏移 Δpₙ = (dy, dx) 是学出来的——由另一个作用在同一输入上的卷积在每个输出位置预测。偏移是小数，所以输入要用**双线性插值**从该点周围的四个像素读取；落在图像外的点读到 0。DCNv2（Zhu 等，2019）还把每次读取乘以一个 0 到 1 之间的**掩码**值。偏移全为零（且没有掩码）时，它就是标准卷积。PyTorch 中对应 `torchvision.ops.deform_conv2d`。",
    ),
    # Sidebar controls.
    "param.deform_input": ("Input picture", "输入图像"),
    "help.deform_input": (
        "A bar or a ring of 9s on a background of 1s (an object the points can follow), the counting numbers 1, 2, 3, …, or random integers from the seed.",
        "由 9 组成的斜条或圆环、背景为 1（采样点可以贴合的物体），或者按行排列的 1, 2, 3, …，或者由种子生成的随机整数。",
    ),
    "choice.deform_input.bar": ("bar", "斜条"),
    "choice.deform_input.ring": ("ring", "圆环"),
    "choice.deform_input.arange": ("1, 2, 3, …", "1, 2, 3, …"),
    "choice.deform_input.random": ("random", "随机"),
    "param.deform_kernel": ("Kernel", "卷积核"),
    "help.deform_kernel": (
        "All ones (the output is the sum of the reads), 1 + a + 2b at tap (a, b), or random integers from the seed.",
        "全 1（输出就是各次读取之和）、抽头 (a, b) 处为 1 + a + 2b，或由种子生成的随机整数。",
    ),
    "choice.deform_kernel.ones": ("ones", "全 1"),
    "choice.deform_kernel.example": ("1 + a + 2b", "1 + a + 2b"),
    "choice.deform_kernel.random": ("random", "随机"),
    "param.offsets": ("Offsets", "偏移"),
    "help.offsets": (
        "How the points move. These fields are made by a rule so that you can see what offsets can do; a trained network predicts its own from the input.",
        "采样点如何移动。这些偏移场是按规则构造的，用来展示偏移能做什么；训练好的网络会根据输入自己预测偏移。",
    ),
    "choice.offsets.zero": ("zero (standard)", "零（标准卷积）"),
    "choice.offsets.shift": ("shift", "平移"),
    "choice.offsets.scale": ("scale", "缩放"),
    "choice.offsets.rotation": ("rotation", "旋转"),
    "choice.offsets.random": ("random", "随机"),
    "choice.offsets.shape": ("follow the shape", "贴合形状"),
    "deformable.amount.shift": ("Shift dy = dx (pixels)", "平移量 dy = dx（像素）"),
    "deformable.amount.scale": ("Scale factor", "缩放倍数"),
    "deformable.amount.rotation": ("Angle (degrees, anticlockwise)", "角度（度，逆时针）"),
    "deformable.amount.random": ("Spread (standard deviation, pixels)", "离散程度（标准差，像素）"),
    "deformable.amount.shape": ("Reach (pixels beyond the window)", "可达范围（超出窗口的像素数）"),
    "deformable.amount_help": (
        "The one number that sets the size of the chosen offsets; offsets are rounded to two decimals.",
        "决定所选偏移大小的那个数；偏移会四舍五入到两位小数。",
    ),
    "deformable.param.mask": ("DCNv2 mask", "DCNv2 掩码"),
    "deformable.help.mask": (
        "Multiply each read by a mask value in (0, 1): here the sigmoid of seeded random numbers, rounded to two decimals (a trained network predicts them with k² more output channels).",
        "把每次读取乘以 (0, 1) 之间的掩码值：这里取种子随机数的 sigmoid，四舍五入到两位小数（训练好的网络用多出的 k² 个输出通道预测它们）。",
    ),
    "deformable.param.cell_row": ("Output row", "输出行"),
    "deformable.param.cell_col": ("Output column", "输出列"),
    "deformable.help.cell": (
        "The output cell whose sampling points are drawn; clicking a cell of the output grid sets it too.",
        "要画出其采样点的输出位置；点击输出网格中的格子也可以选择。",
    ),
    "deformable.param.tap": ("Tap opened up", "展开的抽头"),
    "deformable.param.edit_tap": ("Set this tap by hand", "手动设置该抽头"),
    "deformable.help.edit_tap": (
        "Replace the offset of the chosen tap at the chosen output cell by the (dy, dx) below; every other offset keeps its rule. The two stacked layers (their own tab) keep the rule.",
        "把所选输出位置上所选抽头的偏移换成下面的 (dy, dx)；其余偏移仍按规则计算。“两层叠加”页签中的两层仍按规则计算。",
    ),
    "deformable.param.tap_dy": ("dy of this tap (rows)", "该抽头的 dy（行）"),
    "deformable.param.tap_dx": ("dx of this tap (columns)", "该抽头的 dx（列）"),
    "deformable.sample.edited": (
        "Tap {t} of cell ({i}, {j}) is set by hand to Δp = ({dy}, {dx}).",
        "位置 ({i}, {j}) 的抽头 {t} 已手动设为 Δp = ({dy}, {dx})。",
    ),
    "deformable.help.tap": (
        "Tap t = a·k + b of the k×k grid (row-major); clicking a moved point sets it too.",
        "k×k 网格中的抽头 t = a·k + b（按行编号）；点击某个移动后的点也可以选择。",
    ),
    # Tabs (convviz.controls.tabs): only the open one runs.
    "deformable.tab.sampling": ("Sampling points", "采样点"),
    "deformable.tab.offsets": ("Offset fields", "偏移场"),
    "deformable.tab.counts": ("Where the offsets come from", "偏移从哪里来"),
    "deformable.tab.stack": ("Two layers stacked", "两层叠加"),
    "deformable.tab.code": ("PyTorch", "PyTorch"),
    # The main figure: one output cell.
    "deformable.sample.caption": (
        "Hollow circles: the regular {k}×{k} grid p₀ + pₙ of output cell ({i}, {j}) (stride {s}, padding {p}, dilation {d}); filled points: where the taps read after the offsets, numbered by tap. Click an output cell to choose it, or a point to open it up.",
        "空心圆：输出位置 ({i}, {j}) 的规则 {k}×{k} 网格 p₀ + pₙ（步长 {s}，填充 {p}，膨胀 {d}）；实心点：加上偏移后各抽头实际读取的位置，标有抽头编号。点击输出格子选择位置，点击某个点将其展开。",
    ),
    "deformable.sample.hidden": (
        "{n} of the moved points lie more than {m} cells outside the input and are not drawn; they read 0.",
        "有 {n} 个移动后的点落在输入之外超过 {m} 格，没有画出；它们读到 0。",
    ),
    "deformable.sample.picture": (
        "The input is larger than 12×12, so it is drawn as a picture without numbers; the table and the sum below keep every number.",
        "输入大于 12×12，因此只画成图像、不标数字；下面的表格和求和保留了所有数字。",
    ),
    "deformable.sample.sum": (
        "The output value is the sum over the taps of weight × read{mask}:",
        "输出值是各抽头的“权重 × 读取值{mask}”之和：",
    ),
    "deformable.sample.sum_mask": (" × mask", " × 掩码"),
    "deformable.sample.check": (
        "The same number as deform_conv2d gives at ({i}, {j}): **{value}**.",
        "与 deform_conv2d 在 ({i}, {j}) 处给出的值相同：**{value}**。",
    ),
    "deformable.figure.input": (
        "input (zero border of width {m} drawn)",
        "输入（四周画出宽 {m} 格的零边框）",
    ),
    "deformable.figure.output": ("output", "输出"),
    "deformable.figure.point_hover": (
        "tap {t}: reads ({y}, {x}) = {value}",
        "抽头 {t}：读取 ({y}, {x}) = {value}",
    ),
    "deformable.figure.neighbour": (
        "({r}, {c}): {value}<br>weight {weight}",
        "({r}, {c})：{value}<br>权重 {weight}",
    ),
    "deformable.figure.opened": ("tap {t} at ({y}, {x})", "抽头 {t} 位于 ({y}, {x})"),
    "deformable.table.tap": ("tap", "抽头"),
    "deformable.table.weight": ("weight", "权重"),
    "deformable.table.regular": ("p₀ + pₙ", "p₀ + pₙ"),
    "deformable.table.offset": ("Δpₙ = (dy, dx)", "Δpₙ = (dy, dx)"),
    "deformable.table.point": ("point", "采样点"),
    "deformable.table.read": ("bilinear read", "双线性读取值"),
    "deformable.table.mask": ("mask", "掩码"),
    "deformable.table.product": ("product", "乘积"),
    # One point opened up.
    "deformable.point.header": ("One point opened up", "展开一个采样点"),
    "deformable.point.where": (
        "Tap {t} (row {a}, column {b} of the kernel) starts at p₀ + pₙ = {regular}, moves by Δpₙ = {offset} and reads at **{point}**.",
        "抽头 {t}（卷积核第 {a} 行第 {b} 列）从 p₀ + pₙ = {regular} 出发，移动 Δpₙ = {offset}，在 **{point}** 处读取。",
    ),
    "deformable.point.outside": (
        "That point has a row ≤ −1 or ≥ H (or a column ≤ −1 or ≥ W): none of its neighbours is in the image, so it reads **0**.",
        "该点的行 ≤ −1 或 ≥ H（或列 ≤ −1 或 ≥ W）：它的邻居都不在图像里，所以读到 **0**。",
    ),
    "deformable.point.weights": (
        "Its four neighbours are rows {y0}, {y0}+1 and columns {x0}, {x0}+1. With ly = {ly} and lx = {lx} (the fractional parts), the weights are (1−ly)(1−lx), (1−ly)·lx, ly·(1−lx), ly·lx — the area of the rectangle opposite each neighbour:",
        "它的四个邻居是第 {y0}、{y0}+1 行和第 {x0}、{x0}+1 列。记 ly = {ly}、lx = {lx}（小数部分），权重依次为 (1−ly)(1−lx)、(1−ly)·lx、ly·(1−lx)、ly·lx——即每个邻居对面那块矩形的面积：",
    ),
    "deformable.point.some_outside": (
        "{n} of the neighbours with a nonzero weight lie outside the image and read 0.",
        "有 {n} 个权重不为零的邻居落在图像外，读到 0。",
    ),
    # Offset fields.
    "deformable.offsets.header": ("Offset fields", "偏移场"),
    "deformable.offsets.zero": (
        "Zero offsets: every point stays on the regular grid and the result is the standard convolution.",
        "零偏移：每个点都停在规则网格上，结果就是标准卷积。",
    ),
    "deformable.offsets.shift": (
        "Every point of every cell moves by the same ({amount}, {amount}). A whole-pixel shift gives the standard convolution of the shifted input; a fraction blends neighbouring pixels.",
        "每个位置的每个点都移动同样的 ({amount}, {amount})。整像素平移得到平移后输入的标准卷积；小数平移则混合相邻像素。",
    ),
    "deformable.offsets.scale": (
        "Each tap moves to c + {amount}·pₙ about the window's centre c (Δpₙ = ({amount} − 1)·pₙ): a grid that grows or shrinks, like a dilation that need not be a whole number (factor 2 reads the pixels that a kernel with twice the dilation, centred on the same point, reads).",
        "每个抽头移到以窗口中心 c 为中心的 c + {amount}·pₙ（Δpₙ = ({amount} − 1)·pₙ）：网格整体放大或缩小，就像膨胀率可以不是整数（倍数 2 读到的像素，与以同一点为中心、膨胀率加倍的卷积核读到的相同）。",
    ),
    "deformable.offsets.rotation": (
        "The grid turned by {amount}° anticlockwise about the window's centre: Δpₙ = R·pₙ − pₙ, rounded to two decimals.",
        "网格绕窗口中心逆时针旋转 {amount}°：Δpₙ = R·pₙ − pₙ，四舍五入到两位小数。",
    ),
    "deformable.offsets.random": (
        "Independent normal offsets with standard deviation {amount} pixels for every tap of every cell (seed {seed}), rounded to two decimals: a field with no pattern.",
        "每个位置的每个抽头都取独立的正态随机偏移，标准差 {amount} 像素（种子 {seed}），四舍五入到两位小数：一个毫无规律的偏移场。",
    ),
    "deformable.offsets.shape": (
        "Offsets computed from the picture: the object is every pixel above the midpoint of the smallest and largest value; each window takes the k² object pixels nearest its centre within {amount} pixels of the window and moves its taps onto them, one each (taps left over stay). A rule written by hand to show what a trained network can learn: points that gather on the object.",
        "根据图像计算的偏移：高于最小值与最大值中点的像素属于物体；每个窗口在自身外扩 {amount} 像素的范围内取离中心最近的 k² 个物体像素，把抽头一一移到这些像素上（多出的抽头不动）。这是手写的规则，用来展示训练好的网络能学到什么：采样点聚到物体上。",
    ),
    "deformable.offsets.caption": (
        "Tap {t} at every output cell: from its regular place (hollow) to where it reads (filled). Choose another tap in the sidebar, or by clicking a point on the sampling-points tab.",
        "每个输出位置上的抽头 {t}：从规则位置（空心）指向实际读取的位置（实心）。在侧边栏，或在“采样点”页签中点击某个点，可以换一个抽头。",
    ),
    "deformable.offsets.channels": (
        "The field is an array of shape (2·k², H_out, W_out) = (2·{taps}, {o}, {o}): channel 2t holds dy and channel 2t + 1 holds dx of tap t, one pair per output cell.",
        "偏移场是形状为 (2·k², H_out, W_out) = (2·{taps}, {o}, {o}) 的数组：第 2t 个通道存抽头 t 的 dy，第 2t + 1 个通道存 dx，每个输出位置一对。",
    ),
    # Two stacked layers.
    "deformable.stack.header": (
        "Two layers stacked: a field that adapts",
        "两层叠加：会自适应的感受野",
    ),
    "deformable.stack.intro": (
        "Two deformable {k}×{k} layers (dilation {d}, stride 1, padding {p}), each with offsets of the chosen kind — the second layer's computed from the first layer's output. Output cell ({i}, {j}) of the second layer reads the first layer's output at its moved points (diamonds, drawn at the first layer's cells, which sit over the input pixels of the same row and column when k is odd); each first-layer cell it reads with a nonzero bilinear weight reads the input at its own moved points (dots, larger where the first read weighs more). Greyed-out pixels are never read.",
        "两个 {k}×{k} 的可变形卷积层（膨胀 {d}，步长 1，填充 {p}），偏移都是所选的类型——第二层的偏移根据第一层的输出计算。第二层的输出位置 ({i}, {j}) 在其移动后的点（菱形，画在第一层输出的格子上；k 为奇数时这些格子与同行同列的输入像素对齐）读取第一层的输出；它以非零双线性权重读到的每个第一层格子，又在自己移动后的点（圆点，第一次读取的权重越大点越大）读取输入。灰色的像素从未被读到。",
    ),
    "deformable.stack.deformable": ("two deformable layers", "两个可变形卷积层"),
    "deformable.stack.standard": ("two standard layers", "两个标准卷积层"),
    "deformable.stack.counts": (
        "Through the two deformable layers the cell reaches **{deformable}** input pixels, via {cells} first-layer cells and {points} sampling points; two standard layers reach a square of **{standard}** pixels.",
        "经过两个可变形卷积层，该位置通过 {cells} 个第一层格子、{points} 个采样点触及 **{deformable}** 个输入像素；两个标准卷积层触及的是 **{standard}** 个像素组成的正方形。",
    ),
    "deformable.stack.caption": (
        "A pixel is in the field when a path of nonzero bilinear weights leads from it to the output cell. With positive kernel weights that is exactly when changing the pixel changes the output; with mixed signs two paths could cancel.",
        "若存在一条双线性权重都不为零的路径把某个像素连到该输出位置，这个像素就在感受野内。卷积核权重全为正时，这恰好等价于“改变该像素会改变输出”；权重有正有负时，两条路径可能相互抵消。",
    ),
    # Where the offsets come from.
    "deformable.counts.header": ("Where the offsets come from", "偏移从哪里来"),
    "deformable.counts.intro": (
        "In a network the offsets are the output of an ordinary convolution over the same input, with the main layer's kernel size, stride, padding and dilation, so it has one output cell per output cell of the main layer. Its weights start at zero, so training starts from the standard convolution. With the DCNv2 mask, more channels go through a sigmoid. The deformable convolution then reads the input at the moved points and applies the main weights.",
        "在网络中，偏移是另一个普通卷积在同一输入上的输出；它与主卷积有相同的卷积核大小、步长、填充和膨胀率，所以主卷积的每个输出位置都有它的一个输出。它的权重初始化为零，因此训练从标准卷积开始。使用 DCNv2 掩码时，还有更多通道经过 sigmoid。随后可变形卷积在移动后的点读取输入，再乘以主卷积的权重。",
    ),
    "deformable.counts.in_channels": ("in_channels", "输入通道 in_channels"),
    "deformable.counts.out_channels": ("out_channels", "输出通道 out_channels"),
    "deformable.counts.offset_groups": ("offset_groups (G)", "偏移分组 offset_groups (G)"),
    "deformable.counts.offset_channels": (
        "Offset convolution: 2·G·k² = 2·{g}·{k}² = **{channels}** output channels — a (dy, dx) pair for each of the k² taps and each of the G offset groups (the input channels split into G contiguous blocks, each with its own points).",
        "偏移卷积：2·G·k² = 2·{g}·{k}² = **{channels}** 个输出通道——k² 个抽头、G 个偏移分组各一对 (dy, dx)（输入通道被连续地分成 G 组，每组有自己的采样点）。",
    ),
    "deformable.counts.mask_channels": (
        "Mask convolution (DCNv2): G·k² = {g}·{k}² = **{channels}** more output channels, each through a sigmoid.",
        "掩码卷积（DCNv2）：再加 G·k² = {g}·{k}² = **{channels}** 个输出通道，各自经过 sigmoid。",
    ),
    "deformable.counts.compare": (
        "A standard layer has {params} parameters and {macs} multiply-accumulates here; the deformable block adds {extra_params} parameters (+{params_pct}%) and {extra_macs} multiply-accumulates (+{macs_pct}%), the bilinear reads included.",
        "这里标准卷积层有 {params} 个参数、{macs} 次乘加；可变形卷积块多出 {extra_params} 个参数（+{params_pct}%）和 {extra_macs} 次乘加（+{macs_pct}%），其中包括双线性读取。",
    ),
    "deformable.counts.note": (
        "Multiply-accumulates of a convolution: k²·(C_in/groups)·C_out per output cell, over H_out·W_out = {o}·{o} cells (the output size of the page's setting). Each bilinear read costs 4 multiply-adds per input channel, plus 1 for the mask.",
        "卷积的乘加次数：每个输出位置 k²·(C_in/groups)·C_out 次，共 H_out·W_out = {o}·{o} 个位置（本页设置下的输出尺寸）。每次双线性读取每个输入通道需要 4 次乘加，有掩码时再加 1 次。",
    ),
    "deformable.counts.layer.offset": ("offset convolution", "偏移卷积"),
    "deformable.counts.layer.mask": ("mask convolution (DCNv2)", "掩码卷积（DCNv2）"),
    "deformable.counts.layer.main": ("main convolution", "主卷积"),
    "deformable.counts.layer.reads": ("bilinear reads", "双线性读取"),
    "deformable.counts.layer.total": ("deformable block", "可变形卷积块合计"),
    "deformable.counts.col.layer": ("layer", "层"),
    "deformable.counts.col.conv": ("as nn.Conv2d", "对应的 nn.Conv2d"),
    "deformable.counts.col.params": ("parameters", "参数"),
    "deformable.counts.col.macs": ("multiply-accumulates", "乘加次数"),
    # Files.
    "deformable.files.points": ("Points read (tap: row, column):", "读取的点（抽头：行, 列）："),
    "deformable.files.caption": (
        "Files: the chosen cell (PNG: the pixels each point reads outlined), row {i} swept cell by cell (GIF, {frames} frames), the bilinear read of tap {t} and the sum (LaTeX), the offset field (CSV).",
        "文件：所选位置（PNG：勾出每个点读取的像素）、逐格扫过第 {i} 行（GIF，{frames} 帧）、抽头 {t} 的双线性读取和求和（LaTeX）、偏移场（CSV）。",
    ),
    # PyTorch code.
    "deformable.code.note": (
        "Needs torchvision besides PyTorch. It prints the chosen cell's value: the number the page shows, computed by ConvViz's engine.",
        "除 PyTorch 外还需要 torchvision。它打印所选位置的值：即本页显示、由 ConvViz 引擎算出的那个数。",
    ),
    "deformable.code.predict_first": (
        "“Predict first” is on: the code's offset tensor would give away the number of offset channels. Give your prediction on the “Where the offsets come from” tab, and the code appears here.",
        "“先预测”已开启：代码中的偏移张量会泄露偏移通道数。请先在“偏移从哪里来”页签中给出你的预测，代码随后会显示在这里。",
    ),
    "deformable.code.zero": (
        "# offsets: all zero, (1, 2·k², H_out, W_out): the standard convolution",
        "# 偏移：全为零，形状 (1, 2·k², H_out, W_out)：即标准卷积",
    ),
    "deformable.code.uniform": (
        "# offsets: one (dy, dx) row per tap t, the same at every output cell (channels 2t, 2t + 1)",
        "# 偏移：每个抽头 t 一行 (dy, dx)，在每个输出位置都相同（第 2t、2t + 1 个通道）",
    ),
    "deformable.code.random": (
        "# offsets: the page's seeded normal numbers, rounded to two decimals",
        "# 偏移：本页用种子生成的正态随机数，四舍五入到两位小数",
    ),
    "deformable.code.cell_only": (
        "# offsets: only cell ({i}, {j}) written out; its output reads no other cell's offsets",
        "# 偏移：只写出位置 ({i}, {j}) 的偏移；该位置的输出不会读取其他位置的偏移",
    ),
    "deformable.code.mask": (
        "# DCNv2 mask: the sigmoid of seeded normal numbers, rounded to two decimals",
        "# DCNv2 掩码：种子正态随机数的 sigmoid，四舍五入到两位小数",
    ),
    "deformable.code.offset_layer": (
        "# In a network an ordinary convolution predicts the offsets: 2·k² output channels, same stride, padding and dilation; with zero weights it starts as a standard convolution",
        "# 在网络中由一个普通卷积预测偏移：2·k² 个输出通道，步长、填充、膨胀率相同；权重为零时它从标准卷积开始",
    ),
}
