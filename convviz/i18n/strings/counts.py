"""Text of the parameter / multiply-accumulate counts (grouped page and 1×1 page)."""

STRINGS = {
    "counts.header": ("Parameters and multiply-accumulates", "参数量与乘加次数"),
    "counts.caption": (
        "Every number comes from the engine's counter; the terms beside it are its factors k·k·(C_in/g)·C_out. Multiply-accumulates (MACs) = weights × output positions H_out·W_out (here {o}×{o}: input {i}, kernel {k}, stride 1, no padding).",
        "每个数字都由引擎的计数函数算出；旁边的各项是它的因子 k·k·(C_in/g)·C_out。乘加次数（MACs）= 权重个数 × 输出位置数 H_out·W_out（这里是 {o}×{o}：输入 {i}，卷积核 {k}，步长 1，无填充）。",
    ),
    "counts.bias": ("Count the bias too (+C_out per layer)", "把偏置也算进去（每层 +C_out）"),
    "counts.bias_help": (
        "PyTorch's Conv2d has bias=True by default; the ratios below compare weights only.",
        "PyTorch 的 Conv2d 默认 bias=True；下面的比值只比较权重。",
    ),
    "counts.col.layer": ("Layer", "层"),
    "counts.col.shape": ("Weight shape", "权重形状"),
    "counts.col.params": ("Parameters", "参数量"),
    "counts.col.macs": ("Multiply-accumulates", "乘加次数"),
    "counts.row.standard": ("Standard (g = 1)", "标准卷积（g = 1）"),
    "counts.row.grouped": ("Grouped (g = {g})", "分组卷积（g = {g}）"),
    "counts.row.depthwise": ("Depthwise (g = C_in)", "深度卷积（g = C_in）"),
    "counts.row.pointwise": ("Pointwise 1×1", "逐点卷积 1×1"),
    "counts.row.separable": ("Depthwise separable", "深度可分离卷积"),
    "counts.chart_title": ("Parameters", "参数量"),
    "counts.grouped_ratio": (
        "**Grouped, g = {g}:** {grouped} / {standard} weights = **1/{g}** of the standard convolution — each filter is C_in/g channels deep instead of C_in.",
        "**分组卷积，g = {g}：** {grouped} / {standard} 个权重 = 标准卷积的 **1/{g}** —— 每个卷积核的深度是 C_in/g 而不是 C_in。",
    ),
    "counts.grouped_ratio_standard": (
        "**Grouped, g = 1** is the standard convolution itself: {standard} weights, each filter all C_in channels deep.",
        "**分组卷积 g = 1** 就是标准卷积本身：{standard} 个权重，每个卷积核的深度都是全部 C_in 个通道。",
    ),
    "counts.separable_ratio": (
        "**Depthwise separable:** (k²·C_in + C_in·C_out) / (k²·C_in·C_out) = ({dw} + {pw}) / {standard} = 1/C_out + 1/k² = 1/{cout} + 1/{k2} = **{ratio}**, i.e. {saving} fewer weights and multiply-accumulates.",
        "**深度可分离卷积：** (k²·C_in + C_in·C_out) / (k²·C_in·C_out) = ({dw} + {pw}) / {standard} = 1/C_out + 1/k² = 1/{cout} + 1/{k2} = **{ratio}**，即权重和乘加次数都减少了 {saving}。",
    ),
    # The 1×1 page's calculators (seed 002).
    "counts.calc.header": ("3 · What 1×1 reductions save", "3 · 1×1 降维能省下多少参数"),
    "counts.calc.caption": (
        "Two published blocks, recomputed by the engine's counter (weights only, no bias): GoogLeNet's Inception (3a) (Szegedy et al. 2015: 192 channels in; 1×1 to 64; 1×1 to 96, then 3×3 to 128; 1×1 to 16, then 5×5 to 32; pooling, then 1×1 to 32) and a ResNet-50 bottleneck (He et al. 2016: 256 → 64 → 64 → 256), each against the same block without its 1×1 reductions. Change any channel number to see the terms and totals follow.",
        "两个已发表网络中的模块，由引擎的计数函数重新算出（只算权重，不含偏置）：GoogLeNet 的 Inception (3a)（Szegedy 等，2015：输入 192 通道；1×1 到 64；1×1 到 96 再 3×3 到 128；1×1 到 16 再 5×5 到 32；池化后 1×1 到 32），以及 ResNet-50 的瓶颈块（He 等，2016：256 → 64 → 64 → 256），分别与去掉 1×1 降维的同一模块对比。修改任意通道数，各项和总数都会随之更新。",
    ),
    "counts.inception.title": ("Inception (3a), GoogLeNet", "GoogLeNet 的 Inception (3a) 模块"),
    "counts.inception.plain": ("Without 1×1 reductions: {terms}", "不加 1×1 降维：{terms}"),
    "counts.inception.reduced": ("With 1×1 reductions: {terms}", "加入 1×1 降维：{terms}"),
    "counts.resnet.title": ("Bottleneck block, ResNet-50", "ResNet-50 的瓶颈残差块"),
    "counts.resnet.plain": ("Two 3×3 convolutions: {terms}", "两个 3×3 卷积：{terms}"),
    "counts.resnet.reduced": (
        "Bottleneck 1×1 → 3×3 → 1×1: {terms}",
        "瓶颈结构 1×1 → 3×3 → 1×1：{terms}",
    ),
    "counts.block_saving": (
        "{after} instead of {before}: **{ratio}** of the parameters, {saving} fewer.",
        "{after} 而不是 {before}：只需 **{ratio}** 的参数量，减少了 {saving}。",
    ),
    "counts.field.c_in": ("Input channels", "输入通道数"),
    "counts.field.c1": ("1×1 branch", "1×1 分支"),
    "counts.field.c2_reduce": ("1×1 before the 3×3", "3×3 之前的 1×1"),
    "counts.field.c2": ("3×3 branch", "3×3 分支"),
    "counts.field.c3_reduce": ("1×1 before the 5×5", "5×5 之前的 1×1"),
    "counts.field.c3": ("5×5 branch", "5×5 分支"),
    "counts.field.c4": ("1×1 after pooling", "池化之后的 1×1"),
    "counts.field.channels": ("Block channels", "模块通道数"),
    "counts.field.mid": ("Bottleneck channels", "瓶颈通道数"),
}
