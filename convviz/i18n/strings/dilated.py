"""Text of the dilated (atrous) convolution page: kernel, sliding window, stacks, WaveNet."""

STRINGS = {
    "dilated.lead": (
        "Kernel taps spread d cells apart: a wider view with the same k·k weights.",
        "卷积核抽头相隔 d 格：视野更宽，权重仍是 k·k 个。",
    ),
    "dilated.intro": (
        "A dilated (atrous) convolution spreads the k×k taps of its kernel **d** cells apart, with **d − 1** gaps between neighbours. The kernel then spans **k̂ = d(k − 1) + 1** cells per side but still has only **k·k** weights: the receptive field grows without extra parameters, without pooling and without losing resolution. In PyTorch it is the `dilation` argument of `nn.Conv2d`; d = 1 is an ordinary convolution.",
        "空洞卷积（又称膨胀卷积、atrous 卷积）把卷积核的 k×k 个抽头彼此拉开 **d** 格，相邻抽头之间留出 **d − 1** 个空洞。这样卷积核每边覆盖 **k̂ = d(k − 1) + 1** 格，但权重仍然只有 **k·k** 个：感受野变大了，却不增加参数、不用池化、也不降低分辨率。在 PyTorch 中它就是 `nn.Conv2d` 的 `dilation` 参数；d = 1 就是普通卷积。",
    ),
    # Presets (sidebar: one layer; stack section: layer stacks).
    "preset.dilated.dilation_two": (
        "3×3 kernel, d = 2 on a 7×7 input",
        "3×3 卷积核，d = 2，输入 7×7",
    ),
    "preset.dilated.same_size": ("d = 2 with padding 2", "d = 2、填充 2"),
    # Left out while "predict first" waits for the output size.
    "preset.dilated.same_size.result": (
        "output keeps the input size",
        "输出与输入同样大",
    ),
    "preset.dilated.dilation_three": (
        "3×3 kernel, d = 3 on a 9×9 input",
        "3×3 卷积核，d = 3，输入 9×9",
    ),
    "preset.dilated.stride_equals_dilation": (
        "Stride 2 with d = 2: odd rows never read",
        "步长 2 且 d = 2：奇数行从未被读到",
    ),
    "preset.dilated_stack.exponential": ("Three 3×3 layers, d = 1, 2, 4", "三层 3×3，d = 1, 2, 4"),
    "preset.dilated_stack.gridding": ("Gridding: d = 2, 2, 2", "网格效应：d = 2, 2, 2"),
    "preset.dilated_stack.hdc": ("HDC: d = 1, 2, 5", "HDC：d = 1, 2, 5"),
    "preset.dilated_stack.aspp": (
        "ASPP: parallel d = 1, 6, 12, 18",
        "ASPP：并行分支 d = 1, 6, 12, 18",
    ),
    # Controls.
    "param.kernel_fill": ("Kernel values", "卷积核数值"),
    "help.kernel_fill": (
        "The k·k weights of the kernel. All ones makes every sum the plain sum of the sampled inputs.",
        "卷积核的 k·k 个权重。全 1 时，每个输出就是被采样输入的简单求和。",
    ),
    "choice.kernel_fill.ones": ("All ones", "全 1"),
    "choice.kernel_fill.arange": ("1, 2, 3, …", "1, 2, 3, …"),
    "choice.kernel_fill.signs": ("+1 / −1 chequered", "+1 / −1 交错"),
    "param.stack_mode": ("How the layers combine", "各层如何组合"),
    "help.stack_mode": (
        "In a stack each layer reads the previous layer's output; parallel branches (as in ASPP) all read the same input.",
        "堆叠时每层读取上一层的输出；并行分支（如 ASPP）都读取同一个输入。",
    ),
    "choice.stack_mode.stack": ("Stacked, one after another", "逐层堆叠"),
    "choice.stack_mode.parallel": ("Parallel branches (ASPP)", "并行分支（ASPP）"),
    "param.wavenet_layers": ("Causal layers L", "因果卷积层数 L"),
    "help.wavenet_layers": (
        "Layer l has dilation 2^(l−1): 1, 2, 4, 8, … Each added layer doubles the receptive field.",
        "第 l 层的膨胀率为 2^(l−1)：1, 2, 4, 8, …… 每多一层，感受野翻一倍。",
    ),
    # 1. The dilated kernel.
    # Tabs (convviz.controls.tabs): only the open one runs.
    "dilated.tab.window": ("Sliding window", "滑动窗口"),
    "dilated.tab.stacks": ("Stacks and receptive field", "堆叠与感受野"),
    "dilated.tab.wavenet": ("WaveNet", "WaveNet"),
    "dilated.tab.code": ("PyTorch", "PyTorch"),
    "dilated.kernel.header": ("The dilated kernel", "空洞卷积核"),
    "dilated.kernel.size": (
        "Effective kernel size: k̂ = d(k − 1) + 1 = {d}·({k} − 1) + 1 = **{k_hat}**",
        "等效卷积核尺寸：k̂ = d(k − 1) + 1 = {d}·({k} − 1) + 1 = **{k_hat}**",
    ),
    "dilated.kernel.params": (
        "Weights: still k·k = {k}·{k} = **{params}**. The other {gaps} cells of the {k_hat}×{k_hat} window are gaps: the input under them is skipped, they are not weights.",
        "权重个数：仍然是 k·k = {k}·{k} = **{params}**。{k_hat}×{k_hat} 窗口中其余 {gaps} 格是空洞：空洞下的输入被跳过，它们不是权重。",
    ),
    "dilated.kernel.no_gaps": (
        "With d = 1 there are no gaps: this is an ordinary {k}×{k} convolution.",
        "d = 1 时没有空洞：这就是普通的 {k}×{k} 卷积。",
    ),
    "dilated.kernel.title_compact": (
        "{k}×{k} kernel ({params} weights)",
        "{k}×{k} 卷积核（{params} 个权重）",
    ),
    "dilated.kernel.title_dilated": (
        "dilated, d = {d}: spans {k_hat}×{k_hat}",
        "膨胀后 d = {d}：覆盖 {k_hat}×{k_hat}",
    ),
    "dilated.kernel.hover_tap": (
        "weight w{r}{c} = {value}<br>offset ({dr}, {dc}) = d·({r}, {c})",
        "权重 w{r}{c} = {value}<br>偏移 ({dr}, {dc}) = d·({r}, {c})",
    ),
    "dilated.kernel.hover_gap": ("gap: skipped, not a weight", "空洞：跳过，不是权重"),
    # 2. Sliding window.
    "dilated.window.formula": (
        "Output size: o = ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1 = ⌊({i} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = ⌊{numerator} / {s}⌋ + 1 = **{o}**",
        "输出尺寸：o = ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1 = ⌊({i} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = ⌊{numerator} / {s}⌋ + 1 = **{o}**",
    ),
    "dilated.window.caption": (
        "The window spans {k_hat}×{k_hat} cells of the padded input but reads only the {taps} outlined cells. Press ▶ to play, drag the slider to step, hover an output cell for its products, click one to pin it.",
        "窗口覆盖补零后输入的 {k_hat}×{k_hat} 格，但只读取被框出的 {taps} 格。按 ▶ 播放，拖动滑块逐步查看，把鼠标移到输出格上可看到乘积，点击一个输出格可以固定它。",
    ),
    "dilated.window.input_title": (
        "input {n}×{n} (padding p = {p})",
        "输入 {n}×{n}（填充 p = {p}）",
    ),
    "dilated.window.kernel_title": ("kernel, d = {d}", "卷积核，d = {d}"),
    "dilated.window.output_title": ("output {o}×{o}", "输出 {o}×{o}"),
    "dilated.window.hover_input": (
        "x[{r}, {c}] = {value}<br>read by {count} window(s)",
        "x[{r}, {c}] = {value}<br>被 {count} 个窗口读取",
    ),
    "dilated.window.hover_pad": (
        "padding: 0<br>read by {count} window(s)",
        "填充：0<br>被 {count} 个窗口读取",
    ),
    "dilated.window.hover_output": ("y[{r}, {c}] = {sum}", "y[{r}, {c}] = {sum}"),
    "dilated.window.pinned": (
        "**Pinned: y[{r}, {c}]** reads the padded input at rows {rows} and columns {cols}:",
        "**已固定：y[{r}, {c}]** 读取补零后输入的第 {rows} 行、第 {cols} 列：",
    ),
    "dilated.window.never_read": (
        "{count} of the {total} input cells are never read by any window: stride s = {s} and dilation d = {d} step over them (greyed out in the input).",
        "{total} 个输入格中有 {count} 个从未被任何窗口读取：步长 s = {s} 和膨胀率 d = {d} 把它们跳过了（在输入中以灰色显示）。",
    ),
    "dilated.window.never_read_floor": (
        "{count} of the {total} input cells are never read by any window: they lie in the last row(s)/column(s), which the floor drops (greyed out in the input).",
        "{total} 个输入格中有 {count} 个从未被任何窗口读取：它们位于最后的行/列，被向下取整舍弃了（在输入中以灰色显示）。",
    ),
    "dilated.window.never_read_both": (
        "{count} of the {total} input cells are never read by any window (greyed out in the input): {floor} lie in the last row(s)/column(s), which the floor drops, and stride s = {s} and dilation d = {d} step over the other {skipped}.",
        "{total} 个输入格中有 {count} 个从未被任何窗口读取（在输入中以灰色显示）：其中 {floor} 个位于被向下取整舍弃的最后的行/列，其余 {skipped} 个被步长 s = {s} 和膨胀率 d = {d} 跳过。",
    ),
    "dilated.window.floor": (
        "The division is not exact: the floor drops the last {leftover} row(s)/column(s) of the padded input, and no window covers them.",
        "除法不是整除：向下取整舍弃了补零输入的最后 {leftover} 行/列，没有任何窗口覆盖它们。",
    ),
    # 3. Receptive field of a stack.
    "dilated.stack.header": ("Receptive field of a stack", "多层堆叠的感受野"),
    "dilated.stack.editor_caption": (
        "One row per layer: kernel k, stride s, dilation d. Add or delete rows at will (up to {limit}); the address bar keeps the stack as `layers=…` for sharing.",
        "每行一层：卷积核 k、步长 s、膨胀率 d。可以随意增删行（最多 {limit} 行）；地址栏会以 `layers=…` 的形式保存这个堆叠，方便分享。",
    ),
    "dilated.stack.col_kernel": ("kernel k", "卷积核 k"),
    "dilated.stack.col_stride": ("stride s", "步长 s"),
    "dilated.stack.col_dilation": ("dilation d", "膨胀率 d"),
    "dilated.stack.link_error": (
        "The stack in the link could not be used, so the default stack is shown. {reason}",
        "链接中的层堆叠无法使用，因此显示默认堆叠。{reason}",
    ),
    "dilated.stack.rule": (
        "$r_0 = {r0},\\quad r_l = r_{{l-1}} + (\\hat k_l - 1)\\cdot\\prod_{{m<l}} s_m$ — a layer's own stride does not change its own field; it multiplies the step of every later layer.",
        "$r_0 = {r0},\\quad r_l = r_{{l-1}} + (\\hat k_l - 1)\\cdot\\prod_{{m<l}} s_m$ —— 一层自己的步长不影响它自己的感受野，但会放大之后每一层的步距。",
    ),
    "dilated.stack.col_layer": ("layer", "层"),
    "dilated.stack.col_k_hat": ("k̂", "k̂"),
    "dilated.stack.col_jump": ("∏ s before", "之前步长之积"),
    "dilated.stack.col_rf": ("field r", "感受野 r"),
    "dilated.stack.col_formula": ("how", "计算"),
    "dilated.stack.row_formula": (
        "r{l} = {prev} + ({k_hat} − 1)·{jump} = {rf}",
        "r{l} = {prev} + ({k_hat} − 1)·{jump} = {rf}",
    ),
    "dilated.stack.result": (
        "After {layers} layers one output pixel sees a **{rf}×{rf}** patch of the input, with {params} weights per channel pair.",
        "经过 {layers} 层后，一个输出像素能看到输入中 **{rf}×{rf}** 的区域，每对通道只用 {params} 个权重。",
    ),
    "dilated.stack.heat_title": (
        "paths from each input pixel to one output pixel",
        "每个输入像素通往同一个输出像素的路径数",
    ),
    "dilated.stack.heat_hover": (
        "input offset ({dr}, {dc})<br>{count} path(s)",
        "输入偏移 ({dr}, {dc})<br>{count} 条路径",
    ),
    "dilated.stack.heat_hover_hole": (
        "input offset ({dr}, {dc})<br>0 paths: a hole",
        "输入偏移 ({dr}, {dc})<br>0 条路径：空洞",
    ),
    "dilated.stack.heat_caption": (
        "Each cell counts the chains of taps (one tap per layer) that connect that input pixel to the centre output pixel; colour is on a log scale.",
        "每格的数字是把该输入像素连到中心输出像素的抽头链条数（每层取一个抽头）；颜色按对数刻度。",
    ),
    "dilated.stack.holes": (
        "**Gridding:** {holes} of the {total} pixels inside the {rf}×{rf} field never reach the output (marked ×). The field is large but full of holes.",
        "**网格效应：** {rf}×{rf} 感受野内的 {total} 个像素中，有 {holes} 个永远到达不了输出（以 × 标出）。感受野很大，却满是空洞。",
    ),
    "dilated.stack.no_holes": (
        "Every one of the {total} pixels inside the {rf}×{rf} field reaches the output: no holes.",
        "{rf}×{rf} 感受野内的全部 {total} 个像素都能到达输出：没有空洞。",
    ),
    "dilated.stack.hdc_ok": (
        "**HDC, rule 1** (Hybrid Dilated Convolution, Wang et al. 2018): the rates {rates} of the layers with k > 1 share no common factor greater than 1 (gcd = 1).",
        "**HDC 规则一**（混合空洞卷积，Wang 等，2018）：k > 1 的各层的膨胀率 {rates} 没有大于 1 的公因数（最大公约数 = 1）。",
    ),
    "dilated.stack.hdc_bad": (
        "**HDC, rule 1 broken** (Wang et al. 2018): the rates {rates} of the layers with k > 1 share the factor {gcd}, so every input offset an output pixel reads is a multiple of {gcd} and the pixels between them are never read. HDC picks rates without a common factor, such as 1, 2, 5.",
        "**违反 HDC 规则一**（Wang 等，2018）：k > 1 的各层的膨胀率 {rates} 有公因数 {gcd}，所以一个输出像素读到的每个输入偏移都是 {gcd} 的倍数，其间的像素从未被读到。HDC 改用没有公因数的膨胀率，例如 1, 2, 5。",
    ),
    "dilated.stack.hdc_no_spread": (
        "Every layer has k = 1: each reads a single pixel whatever its dilation, so the HDC rules do not apply.",
        "每一层都是 k = 1：不论膨胀率多少都只读一个像素，所以 HDC 规则不适用。",
    ),
    "dilated.stack.hdc_one_layer": (
        "**HDC, rule 2** compares the rates of successive layers, so it needs at least two layers with k > 1 (a 1×1 layer reads one pixel whatever its dilation and is left out).",
        "**HDC 规则二**比较相邻各层的膨胀率，因此至少需要两层 k > 1 的层（1×1 的层不论膨胀率多少都只读一个像素，不计入）。",
    ),
    "dilated.stack.hdc_chain": (
        "**HDC, rule 2:** the maximum distance between two nonzero values, from the last layer down, is $M_n = r_n$, $M_i = \\max[M_{{i+1}} - 2r_i,\\ M_{{i+1}} - 2(M_{{i+1}} - r_i),\\ r_i]$ over the layers with k > 1; here {chain}. The design goal is $M_2 \\le K$ for K×K kernels.",
        "**HDC 规则二**：两个非零值之间的最大距离从最后一层往前算：$M_n = r_n$，$M_i = \\max[M_{{i+1}} - 2r_i,\\ M_{{i+1}} - 2(M_{{i+1}} - r_i),\\ r_i]$（只计 k > 1 的层）；这里 {chain}。设计目标是对 K×K 卷积核满足 $M_2 \\le K$。",
    ),
    "dilated.stack.hdc_goal_ok": (
        "$M_2 = {m2} \\le K = {k}$: the design goal is met (1, 2, 5 with K = 3 gives M₂ = 2).",
        "$M_2 = {m2} \\le K = {k}$：满足设计目标（K = 3 时 1, 2, 5 得到 M₂ = 2）。",
    ),
    "dilated.stack.hdc_goal_bad": (
        "$M_2 = {m2} > K = {k}$: the design goal is missed (1, 2, 9 with K = 3 gives M₂ = 5 although its gcd is 1).",
        "$M_2 = {m2} > K = {k}$：未满足设计目标（K = 3 时 1, 2, 9 得到 M₂ = 5，尽管最大公约数是 1）。",
    ),
    "dilated.stack.hdc_mixed_k": (
        "The goal $M_2 \\le K$ is stated for layers that share one kernel size K; these layers mix kernel sizes, so the heatmap is the test.",
        "目标 $M_2 \\le K$ 是针对卷积核尺寸都为 K 的各层提出的；这些层的卷积核尺寸不同，因此以热力图为准。",
    ),
    "dilated.stack.hdc_strided": (
        "Wang et al. state the rule for stride 1; this stack has a stride > 1 before its last layer, so the heatmap is the test.",
        "Wang 等人的规则是针对步长 1 提出的；这个堆叠在最后一层之前有大于 1 的步长，因此以热力图为准。",
    ),
    "dilated.stack.hdc_not_enough": (
        "The rules are design guides, not a proof: the taps of these layers still leave gaps the others do not fill. The heatmap is the real test.",
        "这些规则只是设计准则，不是证明：这些层的抽头仍留下其他层填不满的空隙。热力图才是真正的检验。",
    ),
    "dilated.stack.hdc_goal_missed_no_holes": (
        "The goal is missed, yet every pixel of the field is reached: the rule is a design guide, not a test of holes. The heatmap is the real test.",
        "虽然未满足设计目标，感受野内的每个像素仍都能到达：这条规则是设计准则，不是空洞的检验。热力图才是真正的检验。",
    ),
    "dilated.stack.parallel_intro": (
        "Parallel branches all read the same input, so their fields are **not** added: branch b sees $\\hat k_b = d_b(k_b - 1) + 1$ pixels per side. ASPP concatenates the branches to look at several scales at once (DeepLab v3 uses a 1×1 kernel for its rate-1 branch).",
        "并行分支都读取同一个输入，所以它们的感受野**不会**相加：第 b 个分支每边看到 $\\hat k_b = d_b(k_b - 1) + 1$ 个像素。ASPP 把各分支拼接起来，同时观察多个尺度（DeepLab v3 的膨胀率为 1 的分支用的是 1×1 卷积核）。",
    ),
    "dilated.stack.col_branch": ("branch", "分支"),
    "dilated.stack.branch_formula": (
        "k̂ = {d}·({k} − 1) + 1 = {k_hat}",
        "k̂ = {d}·({k} − 1) + 1 = {k_hat}",
    ),
    "dilated.stack.branch_heat_title": (
        "how many branches read each input pixel",
        "每个输入像素被几个分支读取",
    ),
    "dilated.stack.branch_hover": (
        "input offset ({dr}, {dc})<br>read by {count} branch(es)",
        "输入偏移 ({dr}, {dc})<br>被 {count} 个分支读取",
    ),
    "dilated.stack.branch_label": ("d = {d}: {k_hat}×{k_hat}", "d = {d}：{k_hat}×{k_hat}"),
    "dilated.stack.too_large": (
        "The field is {rf}×{rf}; the map is drawn only up to {limit}×{limit} pixels, where it stays legible. The numbers above still hold.",
        "感受野为 {rf}×{rf}；为了看得清，图只画到 {limit}×{limit} 像素为止。上面的数字仍然成立。",
    ),
    "dilated.stack.invalid": (
        "Fix the highlighted row in the table above; nothing below is drawn until every row is valid.",
        "请修改上表中有问题的那一行；所有行都合法之前，下面的图不会绘制。",
    ),
    # 4. WaveNet.
    "dilated.wavenet.header": ("WaveNet: a causal 1-D stack", "WaveNet：一维因果卷积堆叠"),
    "dilated.wavenet.intro": (
        "Each layer is a causal 1-D convolution with kernel size 2: the node at time t reads times t and t − d of the layer below, never the future. With d = 1, 2, 4, 8, … each layer doubles the receptive field.",
        "每一层都是卷积核大小为 2 的一维因果卷积：t 时刻的节点读取下一层的 t 和 t − d 时刻，从不读取未来。膨胀率取 1, 2, 4, 8, …… 时，每加一层感受野就翻一倍。",
    ),
    "dilated.wavenet.rf": (
        "Receptive field: r = 1 + Σ (k − 1)·dₗ = 1 + {terms} = **{rf}** time steps, with {layers} layers of {k} weights each ({params} in all). An undilated stack would need {plain} layers for the same field.",
        "感受野：r = 1 + Σ (k − 1)·dₗ = 1 + {terms} = **{rf}** 个时间步，共 {layers} 层，每层 {k} 个权重（总共 {params} 个）。不膨胀的堆叠要达到同样的感受野需要 {plain} 层。",
    ),
    "dilated.wavenet.input": ("input", "输入"),
    "dilated.wavenet.output": ("output", "输出"),
    "dilated.wavenet.layer": ("d = {d}", "d = {d}"),
    "dilated.wavenet.reach": ("reaches the last output", "能到达最后一个输出"),
    "dilated.wavenet.other": ("does not", "不能到达"),
    "dilated.wavenet.time": ("time step t", "时间步 t"),
    "dilated.wavenet.hover": ("layer {layer}, t = {t}", "第 {layer} 层，t = {t}"),
    # 5. Comparison.
    "dilated.compare.header": (
        "The same receptive field, other ways",
        "同样的感受野，其他做法",
    ),
    "dilated.compare.intro": (
        "Ways to give one output pixel a **{rf}×{rf}** field (the field of the stack above) on a {size}×{size} feature map. Weights are per input/output channel pair (multiply by C_in·C_out for a real layer).",
        "让一个输出像素获得 **{rf}×{rf}** 感受野（即上面堆叠的感受野）的几种做法，特征图大小为 {size}×{size}。权重数按每对输入/输出通道计（实际层再乘以 C_in·C_out）。",
    ),
    "dilated.compare.col_way": ("way", "做法"),
    "dilated.compare.col_layers": ("layers", "层数"),
    "dilated.compare.col_params": ("weights", "权重数"),
    "dilated.compare.col_output": ("output size", "输出尺寸"),
    "dilated.compare.col_rf": ("field", "感受野"),
    "dilated.compare.dilated": ("your dilated stack", "你的空洞卷积堆叠"),
    "dilated.compare.branch": ("your widest branch (d = {d})", "你最宽的分支（d = {d}）"),
    "dilated.compare.intro_parallel": (
        "Ways to give one output pixel a **{rf}×{rf}** field (the widest branch above) on a {size}×{size} feature map. Weights are per input/output channel pair (multiply by C_in·C_out for a real layer).",
        "让一个输出像素获得 **{rf}×{rf}** 感受野（即上面最宽分支的感受野）的几种做法，特征图大小为 {size}×{size}。权重数按每对输入/输出通道计（实际层再乘以 C_in·C_out）。",
    ),
    "dilated.compare.big_kernel": ("one {k}×{k} kernel", "一个 {k}×{k} 卷积核"),
    "dilated.compare.plain": ("plain {k}×{k} layers, d = 1", "普通 {k}×{k} 层，d = 1"),
    "dilated.compare.strided": (
        "{k}×{k} layers with stride 2 (like pooling)",
        "步长 2 的 {k}×{k} 层（类似池化）",
    ),
    "dilated.compare.chart_params": ("weights per channel pair", "每对通道的权重数"),
    "dilated.compare.chart_output": ("output size (resolution kept)", "输出尺寸（保留的分辨率）"),
    "dilated.compare.note": (
        "Dilation keeps both numbers small: few weights and the full {size}×{size} resolution. The big kernel pays in weights, the strided stack in resolution.",
        "空洞卷积让两项都保持理想：权重少，分辨率仍是完整的 {size}×{size}。大卷积核付出的是权重，步长堆叠付出的是分辨率。",
    ),
    "dilated.compare.note_smaller": (
        "Few weights, but your layers end at {out}×{out}, not the full {size}×{size}: {cause}. The big kernel pays in weights, the strided stack in resolution.",
        "权重很少，但你的层最后只剩 {out}×{out}，而不是完整的 {size}×{size}：{cause}。大卷积核付出的是权重，步长堆叠付出的是分辨率。",
    ),
    "dilated.compare.cause_stride": (
        "a stride s > 1 divides the map by about s",
        "大于 1 的步长 s 把特征图大约缩小为 1/s",
    ),
    "dilated.compare.cause_even": (
        "with an even k̂ the padding ⌊(k̂ − 1)/2⌋ per side is one short, so each such layer loses a row",
        "k̂ 为偶数时每边填充 ⌊(k̂ − 1)/2⌋ 少了一格，因此每个这样的层都少一行",
    ),
    "dilated.compare.cause_both": (
        "a stride s > 1 divides the map by about s, and an even k̂ (padding ⌊(k̂ − 1)/2⌋ per side) loses a row",
        "大于 1 的步长 s 把特征图大约缩小为 1/s，而 k̂ 为偶数时（每边填充 ⌊(k̂ − 1)/2⌋）还会少一行",
    ),
    "dilated.compare.too_small": (
        "On a {size}×{size} map these layers run out of rows before the last one, so there is nothing to compare.",
        "在 {size}×{size} 的特征图上，这些层还没到最后一层就没有可用的行了，因此无从比较。",
    ),
    # 6. PyTorch.
    "dilated.code.note": (
        "The sidebar's layer runs on the page's input and kernel, so it prints the page's output; the stack of the stacks tab runs on random features and prints only its shape.",
        "侧边栏的那一层使用页面上的输入和卷积核，因此打印出的就是页面上的输出；“堆叠与感受野”页签中的堆叠在随机特征上运行，只打印它的形状。",
    ),
    "dilated.code.note_random": (
        "The input values could not be read, so the code runs on random numbers: it reproduces the page's shapes, not its numbers.",
        "输入数值无法读取，因此代码在随机数上运行：它复现的是页面上的形状，而不是数值。",
    ),
    "dilated.code.one_layer": (
        "# one dilated layer, as set in the sidebar",
        "# 侧边栏设置的单个空洞卷积层",
    ),
    "dilated.code.layer_not_run": (
        "# this setting gives no output (the window tab says why), so the layer is not run",
        "# 这个设置没有输出（“滑动窗口”页签说明了原因），因此这里不运行这一层",
    ),
    "dilated.code.stack": (
        "# the stack of the stacks tab; padding ⌊d(k − 1)/2⌋ keeps the size only at stride 1 with d(k − 1) even",
        "# “堆叠与感受野”页签中的堆叠；填充 ⌊d(k − 1)/2⌋ 只有在步长为 1 且 d(k − 1) 为偶数时才保持尺寸不变",
    ),
    "dilated.code.stack_too_small": (
        "# a {size}×{size} input runs out of rows in this stack (the output would be empty), so it is not run",
        "# {size}×{size} 的输入在这个堆叠中会用完所有的行（输出为空），因此这里不运行它",
    ),
    "dilated.code.branches": (
        "# the parallel branches of the stacks tab (ASPP-style), each padded by ⌊d(k − 1)/2⌋",
        "# “堆叠与感受野”页签中的并行分支（ASPP 式），每个分支填充 ⌊d(k − 1)/2⌋",
    ),
    "dilated.code.branches_differ": (
        "# the branch outputs differ in size, so torch.cat would fail: ASPP uses stride 1 and odd k̂",
        "# 各分支输出的尺寸不同，torch.cat 会出错：ASPP 使用步长 1 和奇数的 k̂",
    ),
    # Errors raised by convviz.stacks (layer table and the layers= link parameter).
    "error.stack_empty": (
        "The stack is empty: add at least one layer (a row with kernel, stride and dilation).",
        "堆叠是空的：请至少添加一层（一行，包含卷积核、步长和膨胀率）。",
    ),
    "error.stack_too_many_layers": (
        "{count} layers is too many to draw; use at most {limit}.",
        "{count} 层太多，画不下；最多使用 {limit} 层。",
    ),
    "error.stack_value_out_of_range": (
        "Layer {row}: {column} = {value} is outside the allowed range {low} … {high}.",
        "第 {row} 层：{column} = {value} 超出了允许范围 {low} … {high}。",
    ),
    "error.stack_value_missing": (
        "Layer {row}: {column} is empty. Every layer needs a kernel size, a stride and a dilation.",
        "第 {row} 层：{column} 是空的。每一层都需要卷积核尺寸、步长和膨胀率。",
    ),
    "error.stack_value_not_integer": (
        "Layer {row}: {column} = {value} is not a whole number.",
        "第 {row} 层：{column} = {value} 不是整数。",
    ),
    "error.stack_param_malformed": (
        "“{text}” is not a list of layers. Write kernel-stride-dilation triples separated by commas, for example layers=3-1-1,3-1-2,3-1-4.",
        "“{text}”不是合法的层列表。请写成以逗号分隔的“卷积核-步长-膨胀率”三元组，例如 layers=3-1-1,3-1-2,3-1-4。",
    ),
    "dilated.stack.no_png": (
        "No PNG of the path counts for this stack: its field is {rf}×{rf}, and the picture is drawn only up to {png}×{png} (a larger one would take the server seconds and hundreds of megabytes). The CSV has every count.",
        "这个堆叠不提供路径数的 PNG：它的感受野是 {rf}×{rf}，而图片最多只绘制到 {png}×{png}（更大的图会让服务器花上几秒钟和几百兆内存）。CSV 中包含全部计数。",
    ),
    "dilated.stack.no_files": (
        "No path-count files for this stack: its field is {rf}×{rf}; a PNG is drawn up to {png}×{png} and a CSV written up to {csv}×{csv}. The numbers above still hold.",
        "这个堆叠不提供路径数文件：它的感受野是 {rf}×{rf}；PNG 最多绘制到 {png}×{png}，CSV 最多写到 {csv}×{csv}。上面的数字依然成立。",
    ),
}
