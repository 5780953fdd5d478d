"""Text of the grouped / depthwise-separable page."""

STRINGS = {
    "grouped.lead": (
        "g groups of channels, each convolved on its own: 1/g of the weights.",
        "通道分成 g 组，各组独立卷积：权重只有 1/g。",
    ),
    "grouped.intro": (
        "A grouped convolution splits the **C_in** input channels and the **C_out** filters into **g** groups and runs **g** independent convolutions side by side: each filter sees only the **C_in/g** channels of its own group. With **g = 1** it is a standard convolution; with **g = C_in** every filter sees a single channel — a **depthwise** convolution. A depthwise convolution followed by a 1×1 (pointwise) convolution is a **depthwise separable** convolution, the building block of MobileNet and Xception.",
        "分组卷积把 **C_in** 个输入通道和 **C_out** 个卷积核分成 **g** 组，并排做 **g** 个互不相干的卷积：每个卷积核只看自己那一组的 **C_in/g** 个通道。**g = 1** 就是标准卷积；**g = C_in** 时每个卷积核只看一个通道，这就是**深度卷积**（depthwise）。深度卷积后面再接一个 1×1 卷积（逐点卷积），就是**深度可分离卷积**，MobileNet 和 Xception 的基本构件。",
    ),
    # Tabs (?view=): only the open one is computed.
    "grouped.tab.channels": ("Channels and weights", "通道与权重"),
    "grouped.tab.counts": ("Parameters and cost", "参数量与计算量"),
    "grouped.tab.compute": ("Group by group", "逐组计算"),
    "grouped.tab.separable": ("Separable kernels", "可分离卷积核"),
    "grouped.tab.code": ("PyTorch", "PyTorch"),
    "grouped.code.predict_first": (
        "“Predict first” is on: the code prints the parameter counts. Give your prediction on the “Parameters and cost” tab, and the code appears here.",
        "“先预测”已开启：代码会打印出参数量。请先在“参数量与计算量”页签中给出你的预测，代码随后会显示在这里。",
    ),
    # Presets.
    "preset.grouped.standard": ("Standard (g = 1)", "标准卷积（g = 1）"),
    "preset.grouped.two_groups_alexnet": (
        "Two groups, as AlexNet on two GPUs",
        "两组，如 AlexNet 分在两块 GPU 上",
    ),
    "preset.grouped.depthwise": ("Depthwise (g = C_in)", "深度卷积（g = C_in）"),
    "preset.grouped.depthwise_multiplier": (
        "Depthwise, multiplier 2 (C_out = 2·C_in)",
        "深度卷积，深度乘子 2（C_out = 2·C_in）",
    ),
    "preset.grouped.resnext_cardinality": (
        "ResNeXt-style: 8 groups of 2 channels",
        "ResNeXt 风格：8 组，每组 2 个通道",
    ),
    "preset.grouped.mobilenet_depthwise": (
        "MobileNet depthwise layer (8 channels)",
        "MobileNet 的深度卷积层（8 个通道）",
    ),
    # Controls.
    "grouped.groups_valid": (
        "g must divide both C_in = {cin} and C_out = {cout}; the slider offers every valid g: {valid}.",
        "g 必须同时整除 C_in = {cin} 和 C_out = {cout}；滑块上列出了所有合法的 g：{valid}。",
    ),
    "grouped.groups_adjusted": (
        "g = {old} does not divide both channel counts any more, so g = {new} is shown.",
        "g = {old} 已不能同时整除两个通道数，因此改为显示 g = {new}。",
    ),
    "grouped.groups_from_link": (
        "The link asked for g = {requested}, which is not possible with these channels; the page shows g = {shown} until you pick a value.",
        "链接中的 g = {requested} 在当前通道数下不可行；在你重新选择之前，页面显示 g = {shown}。",
    ),
    "grouped.kind.standard": (
        "**g = 1 — standard convolution.** Every filter sees all {cin} input channels.",
        "**g = 1 —— 标准卷积。** 每个卷积核都看全部 {cin} 个输入通道。",
    ),
    "grouped.kind.grouped": (
        "**g = {g} — grouped convolution.** Each filter sees C_in/g = {cin_g} of the {cin} input channels; each group has C_out/g = {cout_g} filters.",
        "**g = {g} —— 分组卷积。** 每个卷积核只看 {cin} 个输入通道中的 C_in/g = {cin_g} 个；每组有 C_out/g = {cout_g} 个卷积核。",
    ),
    "grouped.kind.depthwise": (
        "**g = C_in = {g} — depthwise convolution.** Each filter sees exactly one input channel{multiplier}.",
        "**g = C_in = {g} —— 深度卷积。** 每个卷积核只看一个输入通道{multiplier}。",
    ),
    "grouped.kind.multiplier": (
        "; each channel feeds C_out/C_in = {m} filters (depth multiplier {m})",
        "；每个通道连到 C_out/C_in = {m} 个卷积核（深度乘子为 {m}）",
    ),
    "grouped.shapes": (
        "Weight shape (C_out, C_in/g, k, k) = **({cout}, {cin_g}, {k}, {k})**; input ({cin}, {i}, {i}) → output ({cout}, {o}, {o}).",
        "权重形状 (C_out, C_in/g, k, k) = **({cout}, {cin_g}, {k}, {k})**；输入 ({cin}, {i}, {i}) → 输出 ({cout}, {o}, {o})。",
    ),
    # Connectivity graph.
    "grouped.graph.header": (
        "Which input channels feed which outputs",
        "哪些输入通道连到哪些输出",
    ),
    "grouped.graph.caption": (
        "Each line is one k×k kernel. Colours are groups: no line crosses from one group to another. Click a filter or an output to follow its path.",
        "每条连线代表一个 k×k 卷积核。颜色表示分组：没有任何连线跨组。点击某个卷积核或输出通道，可以高亮它的连接。",
    ),
    "grouped.graph.group": ("group {group}", "第 {group} 组"),
    "grouped.graph.selected": ("path of y{o}", "y{o} 的连接"),
    "grouped.graph.inputs": ("Inputs<br>C_in = {cin}", "输入通道<br>C_in = {cin}"),
    "grouped.graph.filters": (
        "Filters<br>{cout} × ({cin_g}, {k}, {k})",
        "卷积核<br>{cout} 个 ({cin_g}, {k}, {k})",
    ),
    "grouped.graph.outputs": ("Outputs<br>C_out = {cout}", "输出通道<br>C_out = {cout}"),
    "grouped.graph.hover_input": (
        "input channel x{c} · group {group}",
        "输入通道 x{c} · 第 {group} 组",
    ),
    "grouped.graph.hover_filter": (
        "filter {o} · group {group}<br>weight[{o}] has shape ({cin_g}, {k}, {k})<br>sees input channels {channels}",
        "卷积核 {o} · 第 {group} 组<br>weight[{o}] 的形状为 ({cin_g}, {k}, {k})<br>只看输入通道 {channels}",
    ),
    "grouped.graph.hover_output": (
        "output channel y{o} · group {group}",
        "输出通道 y{o} · 第 {group} 组",
    ),
    "grouped.graph.edges": (
        "Kernels (lines from inputs to filters): C_in · C_out / g = {cin} · {cout} / {g} = **{edges}** instead of {full} for g = 1.",
        "卷积核个数（输入到卷积核的连线）：C_in · C_out / g = {cin} · {cout} / {g} = **{edges}**，而 g = 1 时是 {full}。",
    ),
    "grouped.graph.edges_standard": (
        "Kernels (lines from inputs to filters): C_in · C_out = {cin} · {cout} = **{edges}**: with g = 1 every input channel feeds every filter.",
        "卷积核个数（输入到卷积核的连线）：C_in · C_out = {cin} · {cout} = **{edges}**：g = 1 时每个输入通道都连到每个卷积核。",
    ),
    "grouped.export.inputs": ("Inputs (C_in = {cin})", "输入通道（C_in = {cin}）"),
    "grouped.export.filters": ("Filters ({cin_g}×{k}×{k})", "卷积核（{cin_g}×{k}×{k}）"),
    "grouped.export.outputs": ("Outputs (C_out = {cout})", "输出通道（C_out = {cout}）"),
    # Block-diagonal weight.
    "grouped.block.header": (
        "The weight as a block-diagonal matrix",
        "把权重看成分块对角矩阵",
    ),
    "grouped.block.caption": (
        "Row o is filter o, column c is input channel c; a green cell is one k×k kernel, labelled with its index o,c′ in the stored weight (C_out, C_in/g, k, k). Grey cells are zeros that a grouped convolution never stores; only the {stored} green cells of the {total} are stored, a fraction 1/g = 1/{g}. Hover a cell to see its kernel.",
        "第 o 行是第 o 个卷积核，第 c 列是第 c 个输入通道；绿色格子是一个 k×k 卷积核，标签 o,c′ 是它在实际存储的权重 (C_out, C_in/g, k, k) 中的下标。灰色格子是分组卷积根本不存储的零；{total} 个格子中只存储绿色的 {stored} 个，占 1/g = 1/{g}。把鼠标移到格子上可查看对应的卷积核。",
    ),
    "grouped.block.caption_standard": (
        "Row o is filter o, column c is input channel c; each green cell is one k×k kernel, labelled with its index o,c in the stored weight (C_out, C_in, k, k). With g = 1 all {total} cells are stored: there are no grey (never-stored) cells. Hover a cell to see its kernel.",
        "第 o 行是第 o 个卷积核，第 c 列是第 c 个输入通道；每个绿色格子是一个 k×k 卷积核，标签 o,c 是它在实际存储的权重 (C_out, C_in, k, k) 中的下标。g = 1 时全部 {total} 个格子都被存储：没有灰色（不存储）的格子。把鼠标移到格子上可查看对应的卷积核。",
    ),
    "grouped.block.caption_file": (
        "Row o is filter o, column c is input channel c; a green cell is one k×k kernel, labelled with its index o,c′ in the stored weight (C_out, C_in/g, k, k). Grey cells are zeros that a grouped convolution never stores; only the {stored} green cells of the {total} are stored, a fraction 1/g = 1/{g}.",
        "第 o 行是第 o 个卷积核，第 c 列是第 c 个输入通道；绿色格子是一个 k×k 卷积核，标签 o,c′ 是它在实际存储的权重 (C_out, C_in/g, k, k) 中的下标。灰色格子是分组卷积根本不存储的零；{total} 个格子中只存储绿色的 {stored} 个，占 1/g = 1/{g}。",
    ),
    "grouped.block.caption_standard_file": (
        "Row o is filter o, column c is input channel c; each green cell is one k×k kernel, labelled with its index o,c in the stored weight (C_out, C_in, k, k). With g = 1 all {total} cells are stored: there are no grey (never-stored) cells.",
        "第 o 行是第 o 个卷积核，第 c 列是第 c 个输入通道；每个绿色格子是一个 k×k 卷积核，标签 o,c 是它在实际存储的权重 (C_out, C_in, k, k) 中的下标。g = 1 时全部 {total} 个格子都被存储：没有灰色（不存储）的格子。",
    ),
    "grouped.block.caption_unlabelled": (
        "Row o is filter o, column c is input channel c; a green cell is one k×k kernel (the cells are too small here to print its index: hover one to see its index o,c′ in the stored weight (C_out, C_in/g, k, k) and its numbers). Grey cells are zeros that a grouped convolution never stores; only the {stored} green cells of the {total} are stored, a fraction 1/g = 1/{g}.",
        "第 o 行是第 o 个卷积核，第 c 列是第 c 个输入通道；绿色格子是一个 k×k 卷积核（这里格子太小，写不下下标：把鼠标移到格子上，可查看它在实际存储的权重 (C_out, C_in/g, k, k) 中的下标 o,c′ 及其数值）。灰色格子是分组卷积根本不存储的零；{total} 个格子中只存储绿色的 {stored} 个，占 1/g = 1/{g}。",
    ),
    "grouped.block.caption_standard_unlabelled": (
        "Row o is filter o, column c is input channel c; each green cell is one k×k kernel (the cells are too small here to print its index: hover one to see its index o,c in the stored weight (C_out, C_in, k, k) and its numbers). With g = 1 all {total} cells are stored: there are no grey (never-stored) cells.",
        "第 o 行是第 o 个卷积核，第 c 列是第 c 个输入通道；每个绿色格子是一个 k×k 卷积核（这里格子太小，写不下下标：把鼠标移到格子上，可查看它在实际存储的权重 (C_out, C_in, k, k) 中的下标 o,c 及其数值）。g = 1 时全部 {total} 个格子都被存储：没有灰色（不存储）的格子。",
    ),
    "grouped.block.title": ("weight {cout}×{cin}", "权重 {cout}×{cin}"),
    "grouped.block.hover_in": (
        "filter {o} (group {group}) × input channel x{c}<br>stored as weight[{o}, {cl}]:",
        "卷积核 {o}（第 {group} 组）× 输入通道 x{c}<br>存储为 weight[{o}, {cl}]：",
    ),
    "grouped.block.hover_out": (
        "x{c} is not in the group of filter {o}: no kernel, always 0",
        "x{c} 不在卷积核 {o} 的组里：没有卷积核，恒为 0",
    ),
    # The computation.
    "grouped.compute.header": ("The computation, group by group", "逐组计算"),
    "grouped.compute.caption": (
        "Small integers (seed {seed}): input x ({cin}, {i}, {i}) and weight ({cout}, {cin_g}, {k}, {k}), no padding, stride 1. Output channel y{o} belongs to group {group}, so it is computed from input channels {channels} only. Hover a cell of y{o} to see each channel's share; click an output channel below to explain another one.",
        "用小整数演示（种子 {seed}）：输入 x 形状 ({cin}, {i}, {i})，权重形状 ({cout}, {cin_g}, {k}, {k})，无填充，步长 1。输出通道 y{o} 属于第 {group} 组，所以它只由输入通道 {channels} 算出。把鼠标移到 y{o} 的格子上可以看到每个通道的贡献；点击下面的某个输出通道可以换一个来解释。",
    ),
    "grouped.compute.out_channel": ("Output channel to explain", "要解释的输出通道"),
    "grouped.concat.title": (
        "All output channels: the outputs of the g = {g} group(s), concatenated along the channels",
        "全部输出通道：g = {g} 个组各自的输出沿通道方向拼接",
    ),
    "grouped.concat.panel": ("y{o} · g{group}", "y{o} · 组{group}"),
    "grouped.concat.check": (
        "Concatenating the {g} separate convolutions gives exactly `conv2d(x, weight, groups={g})`: largest difference **{diff}**.",
        "把 {g} 个独立卷积的结果拼接起来，与 `conv2d(x, weight, groups={g})` 完全一致：最大差值 **{diff}**。",
    ),
    # Spatially separable kernels.
    "separable.header": ("Spatially separable kernels", "空间可分离卷积核"),
    "separable.intro": (
        "A different idea with a similar name: split one k×k kernel into a k×1 column followed by a 1×k row. That works exactly only when the kernel is rank 1 (an outer product column · row); the singular values tell: one nonzero value means it splits.",
        "名字相近但思路不同：把一个 k×k 卷积核拆成先做 k×1 的列、再做 1×k 的行。只有秩为 1 的卷积核（列向量 · 行向量的外积）才能精确拆开；奇异值会告诉你答案：只有一个非零奇异值就能拆。",
    ),
    "param.separable_kernel": ("Kernel", "卷积核"),
    "choice.separable_kernel.sobel": ("Sobel (edges)", "Sobel（边缘）"),
    "choice.separable_kernel.gaussian": ("Gaussian blur", "高斯模糊"),
    "choice.separable_kernel.box": ("Box blur", "均值模糊"),
    "choice.separable_kernel.laplacian": ("Laplacian", "拉普拉斯"),
    "choice.separable_kernel.random": ("Random (seed, k×k)", "随机（种子，k×k）"),
    "separable.kernel": ("kernel", "卷积核"),
    "separable.rank1": ("best rank-1", "最佳秩 1 近似"),
    "separable.residual": ("left over", "剩余部分"),
    "separable.splits": (
        "Singular values {sigmas}: only one is nonzero, so the kernel is a column times a row. Two passes (k×1, then 1×k) give the same output with {two_k} instead of {k2} multiplications per output value.",
        "奇异值为 {sigmas}：只有一个非零，所以这个卷积核等于一个列向量乘一个行向量。分两次卷积（先 k×1，再 1×k）得到相同的输出，每个输出值只需 {two_k} 次乘法，而不是 {k2} 次。",
    ),
    "separable.no_split": (
        "Singular values {sigmas}: rank {rank}, so no column × row equals this kernel. The best rank-1 kernel (σ₁·u₁·v₁ᵀ) still misses some entries by up to {error}.",
        "奇异值为 {sigmas}：秩为 {rank}，因此没有任何“列 × 行”等于这个卷积核。最好的秩 1 近似（σ₁·u₁·v₁ᵀ）在某些位置仍然差了 {error}。",
    ),
    # PyTorch code (comments in the page's language).
    "grouped.code.numbers": (
        "# the page's numbers: whole numbers from −3 to 3 drawn by NumPy, seed {seed} for x and {seed_w} for the weight",
        "# 页面上的数字：由 NumPy 抽取的 −3 到 3 的整数，x 用种子 {seed}，权重用种子 {seed_w}",
    ),
    "grouped.code.channel": (
        "# output channel y{o}: the numbers the page shows",
        "# 输出通道 y{o}：就是页面上显示的数字",
    ),
    "grouped.code.split": (
        "# the same as {g} separate convolutions, concatenated along the channels",
        "# 等同于 {g} 个独立的卷积，沿通道拼接起来",
    ),
    "grouped.code.rounding": ("(rounding only)", "（只有舍入误差）"),
    "grouped.code.no_fit": (
        "# the {k}×{k} kernel is larger than the {i}×{i} input: there is no output, so the layer is not run",
        "# {k}×{k} 的卷积核比 {i}×{i} 的输入还大：没有输出，因此这里不运行这一层",
    ),
    "grouped.code.separable": (
        "# depthwise separable: depthwise (groups = C_in), then pointwise 1×1; weights of each",
        "# 深度可分离：先深度卷积（groups = C_in），再逐点 1×1 卷积；两者的权重数",
    ),
}
