"""Practice questions about deformable convolution (keys ``practice.*deform*``)."""

STRINGS = {
    "practice.choice.topic.deformable": ("Deformable", "可变形卷积"),
    "practice.predict.offset_channels.help": (
        "Hide the channel and parameter counts until you have typed your own prediction.",
        "在你输入自己的预测之前，先隐藏通道数和参数量。",
    ),
    "practice.predict.offset_channels.label": (
        "Your prediction: output channels of the offset convolution (with the mask's, if on)",
        "你的预测：偏移卷积的输出通道数（若开启掩码，连同掩码通道）",
    ),
    "practice.predict.offset_channels.waiting": (
        "Predict how many channels predict the offsets (and mask), then press Reveal to see the counts.",
        "先预测需要多少个通道来预测偏移（及掩码），再点“揭晓”查看各项计数。",
    ),
    "practice.deform_mask.true": (
        "and a DCNv2 modulation mask",
        "并带有 DCNv2 调制掩码",
    ),
    "practice.deform_mask.false": ("and no mask", "不带掩码"),
    "practice.q.deform_channels": (
        "A deformable convolution has a {k}×{k} kernel, offset groups G = {g} {mask_key}. An ordinary convolution predicts its offsets (and mask, if any) at every output cell. **How many output channels does that convolution have in total?**",
        "一个可变形卷积的卷积核为 {k}×{k}，偏移分组数 G = {g}，{mask_key}。它的偏移（以及掩码，如果有）由一个普通卷积在每个输出位置预测。**这个卷积一共有多少个输出通道？**",
    ),
    "practice.explain.deform_channels": (
        "One (dy, dx) pair per tap and offset group: 2·G·k² = 2·{g}·{k}² = **{total}**.",
        "每个抽头、每个偏移分组各一对 (dy, dx)：2·G·k² = 2·{g}·{k}² = **{total}**。",
    ),
    "practice.explain.deform_channels_mask": (
        "One (dy, dx) pair per tap and offset group, 2·G·k² = {offsets}, plus one mask value per tap and offset group, G·k² = {masks}: {offsets} + {masks} = **{total}**.",
        "每个抽头、每个偏移分组各一对 (dy, dx)，2·G·k² = {offsets}；再加上每个抽头、每个偏移分组一个掩码值，G·k² = {masks}：{offsets} + {masks} = **{total}**。",
    ),
    "practice.q.deform_read": (
        "A {i}×{i} input holds 1, 2, 3, … row by row (x[r, c] = {i}·r + c + 1). A deformable convolution with a {k}×{k} kernel (stride 1, no padding) moves every point by ({f}, {f}), so tap ({a}, {b}) of output cell ({r}, {c}) reads at ({y}, {x}). **What value does the bilinear read give there?**",
        "一个 {i}×{i} 的输入按行依次存放 1, 2, 3, …（x[r, c] = {i}·r + c + 1）。一个 {k}×{k} 的可变形卷积（步长 1，无填充）把每个采样点移动 ({f}, {f})，于是输出位置 ({r}, {c}) 的抽头 ({a}, {b}) 在 ({y}, {x}) 处读取。**双线性插值在该处读到的值是多少？**",
    ),
    "practice.explain.deform_read": (
        "The four neighbours are {neighbours}; the fractional parts are ly = lx = {f}, so the weights are (1−ly)(1−lx), (1−ly)·lx, ly·(1−lx), ly·lx.",
        "四个邻居是 {neighbours}；小数部分 ly = lx = {f}，所以权重依次为 (1−ly)(1−lx)、(1−ly)·lx、ly·(1−lx)、ly·lx。",
    ),
    "practice.explain.deform_read_sum": (
        "{terms} = **{total}**",
        "{terms} = **{total}**",
    ),
    "practice.deform_axis.row": ("row", "行"),
    "practice.deform_axis.col": ("column", "列"),
    "practice.q.deform_point": (
        "A deformable convolution on a {i}×{i} input: kernel {k}×{k}, stride {s}, padding {p}, dilation {d}. Every point is moved by ({shift}, {shift}). **In which {axis_key} of the input does tap ({a}, {b}) of output cell ({r}, {c}) read?** (Rows and columns count from 0; the padding is at −1, −2, ….)",
        "在 {i}×{i} 的输入上做可变形卷积：卷积核 {k}×{k}，步长 {s}，填充 {p}，膨胀 {d}。每个采样点都移动 ({shift}, {shift})。**输出位置 ({r}, {c}) 的抽头 ({a}, {b}) 读取输入的第几{axis_key}？**（行列从 0 开始编号；填充位于 −1, −2, …）",
    ),
    "practice.explain.deform_point": (
        "Output index · stride − padding + tap index · dilation + offset = {index}·{s} − {p} + {tap}·{d} + ({shift}) = **{total}**.",
        "输出下标 · 步长 − 填充 + 抽头下标 · 膨胀 + 偏移 = {index}·{s} − {p} + {tap}·{d} + ({shift}) = **{total}**。",
    ),
}
