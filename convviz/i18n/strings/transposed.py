"""Text of the transposed-convolution page: size formula, scatter-add, direct form, Cᵀ, the
agreement check, output_padding, checkerboard artifacts and the PyTorch code."""

STRINGS = {
    "transposed.scatter.hover_hint": (
        "Hover an input cell: its stamp (value × kernel) appears on the output at once, with "
        "the numbers it adds. Click to pin it.",
        "把指针移到一个输入格上：它的印章（数值 × 卷积核）立刻出现在输出上，并标出它加上的数。"
        "点击可固定。",
    ),
    "transposed.lead": (
        "Each input value stamps value × kernel onto a larger output, s cells apart.",
        "每个输入值把“值 × 卷积核”盖章到更大的输出上，印章相隔 s 格。",
    ),
    "transposed.intro": (
        "A transposed convolution (also called a *fractionally strided* convolution) turns a small grid into a larger one. Each input value **stamps** a copy of the kernel, scaled by that value, onto the output; stamps land **s** cells apart and add up where they overlap. It is the **transpose** of an ordinary convolution — multiplication by **Cᵀ** — so it gives back the **shape** that convolution started from, **not its values**. It is *not* a deconvolution (the inverse of a convolution), even though some papers and libraries use that name. In PyTorch it is `nn.ConvTranspose2d`.",
        "转置卷积（又称*分数步长卷积*）把小网格变成大网格。每个输入值把按自身缩放的卷积核**盖章**到输出上；相邻印章相隔 **s** 格，重叠的地方相加。它是普通卷积的**转置**——乘以 **Cᵀ**——所以它恢复的是那个卷积输入的**形状**，**而不是数值**。它*不是*反卷积（卷积的逆运算），尽管有些论文和库用了这个名字。在 PyTorch 中它就是 `nn.ConvTranspose2d`。",
    ),
    # -- controls ---------------------------------------------------------------------------
    "param.kernel_values": ("Kernel values", "卷积核数值"),
    "help.kernel_values": (
        "The k×k weights. The default is a small kernel that differs from its 180° rotation, so you can see the flip in the direct form.",
        "k×k 个权重。默认是一个与自身旋转 180° 后不同的小卷积核，这样在直接形式里能看出翻转。",
    ),
    "choice.kernel_values.example": ("Small, not symmetric", "小整数，不对称"),
    "choice.kernel_values.arange": ("1, 2, 3, …", "1, 2, 3, …"),
    "choice.kernel_values.ones": ("All ones", "全 1"),
    "choice.kernel_values.random": ("Random integers", "随机整数"),
    "choice.kernel_values.custom": ("Type your own", "自己输入"),
    "transposed.param.kernel_text": (
        "Kernel numbers ({count}, row by row)",
        "卷积核数值（共 {count} 个，按行填写）",
    ),
    "transposed.param.kernel_seed": ("Kernel seed", "卷积核随机种子"),
    "transposed.help.kernel_seed": (
        "Same seed, same random kernel: share it with the class.",
        "种子相同，随机卷积核就相同：可以分享给全班。",
    ),
    "transposed.random_kernel_note": (
        "A random kernel gives a patchy output made of scaled copies of the kernel — not a smooth ramp. Smooth upsampling needs a smooth kernel (or one that training makes smooth).",
        "随机卷积核给出的是由卷积核缩放副本拼成的斑驳输出，而不是平滑的渐变。要想平滑地上采样，需要平滑的卷积核（或者由训练把它变平滑）。",
    ),
    "transposed.values_error": (
        "Fix the numbers in the sidebar to see the views.",
        "请先修正侧边栏中的数值，才能显示各个视图。",
    ),
    "transposed.numbers_hidden": (
        "The {rows}×{cols} grid is too large to print its numbers: hover a cell to read it.",
        "{rows}×{cols} 的网格太大，印不下数字：把鼠标移到格子上即可读出。",
    ),
    # -- presets ----------------------------------------------------------------------------
    # A title names the setting; its ".result" (left out while "predict first" waits) what
    # the setting gives.
    "preset.transposed.no_padding_unit_stride": (
        "2×2 input: k = 3, stride 1, no padding",
        "2×2 输入：k = 3、步长 1、无填充",
    ),
    "preset.transposed.no_padding_unit_stride.result": ("4×4 output", "输出 4×4"),
    "preset.transposed.padding": (
        "Padding p = 1: 4×4 input, k = 3",
        "填充 p = 1：4×4 输入，k = 3",
    ),
    "preset.transposed.padding.result": (
        "the padding crops, 4×4 output",
        "填充做的是裁剪，输出 4×4",
    ),
    "preset.transposed.stride_two": (
        "Stride 2: 2×2 input, one zero between inputs",
        "步长 2：2×2 输入，输入之间插入一个零",
    ),
    "preset.transposed.stride_two.result": ("5×5 output", "输出 5×5"),
    "preset.transposed.upsample_k2_s2": (
        "Upsampling with k = 2, s = 2",
        "用 k = 2、s = 2 上采样",
    ),
    "preset.transposed.upsample_k2_s2.result": ("exactly twice the size", "恰好放大 2 倍"),
    "preset.transposed.round_trip_64_32_64": (
        "Reversing a stride-2 convolution's shape: k = 3, s = 2, p = 1, a = 1",
        "还原步长 2 卷积的形状：k = 3、s = 2、p = 1、a = 1",
    ),
    "preset.transposed.round_trip_64_32_64.result": ("8 → 4 → 8", "8 → 4 → 8"),
    "preset.transposed.dcgan_k4_s2_p1": (
        "DCGAN layer: k = 4, s = 2, p = 1",
        "DCGAN 的层：k = 4、s = 2、p = 1",
    ),
    "preset.transposed.dcgan_k4_s2_p1.result": ("doubles the size", "尺寸翻倍"),
    "preset.transposed.dilated": (
        "Dilation 2: taps two cells apart",
        "膨胀率 2：抽头相隔两格",
    ),
    # -- tabs -------------------------------------------------------------------------------
    "transposed.tab.scatter": ("① Scatter-add", "① 散布相加"),
    "transposed.tab.direct": ("② Zeros + flipped kernel", "② 插零 + 翻转卷积核"),
    "transposed.tab.matrix": ("③ Matrix Cᵀ", "③ 矩阵 Cᵀ"),
    "transposed.tab.check": ("Do they agree?", "结果一致吗？"),
    "transposed.tab.output_padding": ("output_padding", "输出填充 output_padding"),
    "transposed.tab.checkerboard": ("Checkerboard", "棋盘效应"),
    "transposed.tab.code": ("PyTorch", "PyTorch"),
    # -- 1. output size ---------------------------------------------------------------------
    "transposed.size.header": ("Output size", "输出尺寸"),
    "transposed.size.formula": (
        "o = (i − 1)·s − 2p + d·(k − 1) + a + 1 = ({i} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {a} + 1 = **{o}**",
        "o = (i − 1)·s − 2p + d·(k − 1) + a + 1 = ({i} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {a} + 1 = **{o}**",
    ),
    "transposed.size.formula_invalid": (
        "o = (i − 1)·s − 2p + d·(k − 1) + a + 1 = ({i} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {a} + 1 — not a valid setting:",
        "o = (i − 1)·s − 2p + d·(k − 1) + a + 1 = ({i} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {a} + 1 —— 这个设置无效：",
    ),
    "transposed.size.col_term": ("Term", "项"),
    "transposed.size.col_value": ("Value", "数值"),
    "transposed.size.col_from": ("Comes from", "来自"),
    "transposed.size.term_stride": (
        "stride s: the {i} input positions land {s} apart, first to last",
        "步长 s：{i} 个输入位置彼此相隔 {s} 格，从第一个到最后一个",
    ),
    "transposed.size.term_padding": (
        "padding p: crops {p} from each side (it does not add)",
        "填充 p：从每一侧裁掉 {p} 格（而不是添加）",
    ),
    "transposed.size.term_kernel": (
        "kernel k and dilation d: the last stamp reaches d(k − 1) cells further",
        "卷积核 k 与膨胀率 d：最后一个印章再向外延伸 d(k − 1) 格",
    ),
    "transposed.size.term_output_padding": (
        "output_padding a: extra rows / columns at the bottom / right",
        "输出填充 a：在底部 / 右侧多出的行 / 列",
    ),
    "transposed.size.term_one": ("the first position itself", "第一个位置本身"),
    "transposed.size.forward": (
        "**It is the transpose of this convolution:** a {k}×{k} convolution with stride {s}, padding {p}{dil} maps **{o}×{o} → {i}×{i}**. The transposed convolution goes back, **{i}×{i} → {o}×{o}**: it restores the *shape*, not the values.",
        "**它是下面这个卷积的转置**：一个 {k}×{k}、步长 {s}、填充 {p}{dil}的卷积把 **{o}×{o} → {i}×{i}**。转置卷积反方向走，**{i}×{i} → {o}×{o}**：它恢复的是*形状*，而不是数值。",
    ),
    "transposed.size.forward_cropped": (
        "**It is the transpose of this convolution, cut to size:** a {k}×{k} convolution with stride {s}, padding {p}{dil} maps **{o}×{o} → {f}×{f}**; keep only its top-left {i}×{i} block and you have the map whose transpose this is. The transposed convolution goes **{i}×{i} → {o}×{o}**: it restores the *shape*, not the values.",
        "**它是下面这个卷积（裁剪后）的转置**：一个 {k}×{k}、步长 {s}、填充 {p}{dil}的卷积把 **{o}×{o} → {f}×{f}**；只保留它左上角的 {i}×{i} 部分，就得到以这个转置卷积为转置的映射。转置卷积走 **{i}×{i} → {o}×{o}**：它恢复的是*形状*，而不是数值。",
    ),
    "transposed.size.exact": (
        "**Here the round trip is exact:** run that forward convolution on the output and every input x comes back, because at this setting C·Cᵀ is the identity (as with p = 0 and either a 1×1 kernel holding 1, or k = s = 2 and a kernel with a single 1). That is the exception: in general a transposed convolution undoes only the change of shape, and a *deconvolution* (the inverse) is a different operation.",
        "**这里往返是精确的**：把那个正向卷积作用在输出上，任何输入 x 都能还原，因为在这个设置下 C·Cᵀ 是单位矩阵（例如 p = 0 时，取值为 1 的 1×1 卷积核，或 k = s = 2 且卷积核只有一个 1）。这是例外：一般来说转置卷积只撤销形状的改变，而*反卷积*（逆运算）是另一种运算。",
    ),
    "transposed.size.not_inverse_this_x": (
        "**Not an inverse:** this x happens to come back from conv(conv_transpose(x)), but not every input does — a single 1 at x[{r},{c}] (zeros elsewhere) comes back off by up to **{delta}**. A *deconvolution* would undo the convolution for every input; a transposed convolution only undoes its change of shape.",
        "**不是逆运算**：这个 x 恰好能经 conv(conv_transpose(x)) 还原，但并非每个输入都能——只在 x[{r},{c}] 处为 1（其余为 0）的输入还原后最多相差 **{delta}**。*反卷积*会对每个输入撤销卷积；转置卷积只撤销它对形状的改变。",
    ),
    "transposed.size.forward_dilation": (" and dilation {d}", "、膨胀率 {d} "),
    "transposed.size.forward_larger": (
        "Here a = {a} is not smaller than the stride s = {s} (PyTorch allows it because a < d = {d}): the forward convolution maps {o}×{o} to {f}×{f}, not {i}×{i}, so no stride-{s} convolution gives exactly this shape back. In the matrix view x gets zero rows / columns to fill {f}×{f}.",
        "这里 a = {a} 不小于步长 s = {s}（PyTorch 允许，是因为 a < d = {d}）：正向卷积把 {o}×{o} 映射成 {f}×{f}，而不是 {i}×{i}，所以没有哪个步长为 {s} 的卷积恰好对应这个形状。矩阵视图中会给 x 补上全零的行 / 列，凑成 {f}×{f}。",
    ),
    "transposed.size.not_inverse": (
        "**Not an inverse:** run that forward convolution on the output and you do not get x back — conv(conv_transpose(x)) differs from x by up to **{diff}** (x[0,0] = {x00} comes back as {back00}). A *deconvolution* would undo the convolution; a transposed convolution only undoes its change of shape.",
        "**不是逆运算**：把那个正向卷积作用在输出上，并不能得到 x——conv(conv_transpose(x)) 与 x 最多相差 **{diff}**（x[0,0] = {x00} 变成了 {back00}）。*反卷积*会撤销卷积；转置卷积只撤销它对形状的改变。",
    ),
    "transposed.size.round_trip_title": (
        "x and conv(conv_transpose(x))",
        "x 与 conv(conv_transpose(x))",
    ),
    "transposed.size.round_trip_x": ("x ({i}×{i})", "x（{i}×{i}）"),
    "transposed.size.round_trip_back": (
        "conv(conv_transpose(x)) ({i}×{i})",
        "conv(conv_transpose(x))（{i}×{i}）",
    ),
    "transposed.size.agree": (
        "Scatter-add, the direct form and Cᵀ·x all give the same {o}×{o} output as `conv_transpose2d` (largest difference {diff}).",
        "散布相加、直接形式和 Cᵀ·x 都给出与 `conv_transpose2d` 相同的 {o}×{o} 输出（最大差值 {diff}）。",
    ),
    "transposed.size.disagree": (
        "The three computations disagree (largest difference {diff}) — please report this setting.",
        "三种算法的结果不一致（最大差值 {diff}）——请报告这个设置。",
    ),
    # -- scatter-add ------------------------------------------------------------------------
    "transposed.scatter.explain": (
        "Each input value x[r, c] multiplies the **whole kernel** and adds it onto the canvas with its top-left corner at (r·s, c·s): stamps land **s = {s}** cells apart. One input cell touches **{taps}** output cells — *one-to-many* — where a forward convolution reads {taps} inputs for each output (*many-to-one*). Where stamps overlap, they add.",
        "每个输入值 x[r, c] 乘以**整个卷积核**，再加到画布上，左上角位于 (r·s, c·s)：相邻印章相隔 **s = {s}** 格。一个输入格会影响 **{taps}** 个输出格——*一对多*；而正向卷积是每个输出读取 {taps} 个输入（*多对一*）。印章重叠的地方相加。",
    ),
    "transposed.scatter.crop": (
        "**padding p = {p} crops** {p} row(s) and column(s) from every side of the canvas (pale cells outside the dashed box). In a transposed convolution padding removes cells; it does not add zeros.",
        "**padding p = {p} 会裁剪**：从画布每一侧裁掉 {p} 行和 {p} 列（虚线框外的浅色格子）。在转置卷积中，padding 是去掉格子，而不是补零。",
    ),
    "transposed.scatter.no_crop": (
        "padding p = 0: nothing is cropped, the whole canvas is the output.",
        "padding p = 0：不裁剪，整个画布就是输出。",
    ),
    "transposed.scatter.output_pad": (
        "output_padding a = {a}: the orange row(s) / column(s) at the bottom / right belong to the output too.",
        "output_padding a = {a}：底部 / 右侧橙色的行 / 列也属于输出。",
    ),
    "transposed.scatter.dilated": (
        "With dilation d = {d} the taps of one stamp are {d} cells apart (small squares).",
        "膨胀率 d = {d} 时，同一个印章的各个抽头相隔 {d} 格（小方框）。",
    ),
    "transposed.scatter.server_steps": (
        "This setting has {steps} stamps on a {rows}×{cols} canvas — too much to animate in the browser. Use the slider to step through the stamps.",
        "这个设置在 {rows}×{cols} 的画布上有 {steps} 个印章——太多了，无法在浏览器中播放动画。请用滑块逐个查看印章。",
    ),
    "transposed.scatter.step": ("Stamp", "印章"),
    "transposed.scatter.input_title": ("Input x ({i}×{i})", "输入 x（{i}×{i}）"),
    "transposed.scatter.kernel_title": ("Kernel w ({k}×{k})", "卷积核 w（{k}×{k}）"),
    "transposed.scatter.canvas_title": (
        "Sum of stamps {rows}×{cols} · output = dashed {o}×{o}",
        "印章之和 {rows}×{cols} · 输出 = 虚线框 {o}×{o}",
    ),
    "transposed.scatter.caption": (
        "x[{row},{col}] = {value} → adds {value} × w to rows {r0}–{r1}, columns {c0}–{c1}",
        "x[{row},{col}] = {value} → 把 {value} × w 加到第 {r0}–{r1} 行、第 {c0}–{c1} 列",
    ),
    "transposed.scatter.caption_done": (
        "All {n} stamps added. The output is the {o}×{o} dashed box.",
        "{n} 个印章全部加完。输出就是 {o}×{o} 的虚线框。",
    ),
    "transposed.scatter.hover_input": (
        "x[{row},{col}] = {value}<br>stamps {value} × w onto {taps} cells,<br>top-left at ({r0}, {c0})",
        "x[{row},{col}] = {value}<br>把 {value} × w 盖到 {taps} 个格子上，<br>左上角在 ({r0}, {c0})",
    ),
    "transposed.scatter.hover_cell": (
        "canvas ({row}, {col}) = {value}: {count} stamp(s)",
        "画布 ({row}, {col}) = {value}：{count} 个印章",
    ),
    "transposed.scatter.hover_cropped": (
        "cropped by padding: not in the output",
        "被 padding 裁掉：不属于输出",
    ),
    "transposed.scatter.hover_nothing": ("no stamp lands here (0)", "没有印章落在这里（0）"),
    # -- direct form ------------------------------------------------------------------------
    "transposed.direct.header": (
        "The direct form: insert zeros, flip the kernel, convolve with stride 1",
        "直接形式：插零、翻转卷积核、以步长 1 做卷积",
    ),
    "transposed.direct.steps": (
        "1. Insert **s − 1 = {zeros}** zero(s) between neighbouring input values (grey).\n2. {pad}\n3. Rotate the kernel by **180°**.\n4. Slide it over the grid with **stride 1** and no further padding{d_note}.",
        "1. 在相邻输入值之间插入 **s − 1 = {zeros}** 个零（灰色）。\n2. {pad}\n3. 把卷积核旋转 **180°**。\n4. 以**步长 1**、不再填充，在网格上滑动{d_note}。",
    ),
    "transposed.direct.pad": (
        "Pad with zeros: **d(k − 1) − p = {top}** on the top / left and **d(k − 1) − p + a = {bottom}** on the bottom / right (blue){a_note}.{cut_note}",
        "补零：上 / 左边补 **d(k − 1) − p = {top}** 行 / 列，下 / 右边补 **d(k − 1) − p + a = {bottom}** 行 / 列（蓝色）{a_note}。{cut_note}",
    ),
    "transposed.direct.a_note": (
        "; the last {a} of them come from output_padding (orange)",
        "；其中最后 {a} 行 / 列来自 output_padding（橙色）",
    ),
    "transposed.direct.cut_note": (
        " A negative amount **cuts** that many rows / columns from the zero-inserted grid instead.",
        "数量为负时，改为从插零后的网格上**裁掉**相应的行 / 列。",
    ),
    "transposed.direct.d_note": (
        " (taps {d} apart, as in the forward convolution)",
        "（与正向卷积一样，抽头相隔 {d} 格）",
    ),
    "transposed.direct.waste": (
        "{zero} of the {total} products ({pct} %) multiply a zero that was inserted or padded — this is why libraries compute the scatter-add form instead.",
        "在 {total} 次乘法中，有 {zero} 次（{pct} %）乘的是插入或补上的零——这就是各个库实际用散布相加来计算的原因。",
    ),
    "transposed.direct.pinned": (
        "Click an output cell to pin its window. Pinned: y[{r},{c}]",
        "点击输出格可固定它的窗口。当前固定：y[{r},{c}]",
    ),
    "transposed.direct.server_steps": (
        "The output has {cells} cells — too many to animate in the browser. Click an output cell to move the window there.",
        "输出有 {cells} 个格子——太多了，无法在浏览器中播放动画。点击某个输出格，窗口就会移到那里。",
    ),
    "transposed.direct.grid_title": (
        "Zeros inserted + padded ({n}×{n})",
        "插零并填充后（{n}×{n}）",
    ),
    "transposed.direct.flipped_title": ("w rotated 180°", "w 旋转 180°"),
    "transposed.direct.output_title": ("Output y ({o}×{o})", "输出 y（{o}×{o}）"),
    "transposed.direct.original_title": ("Kernel w", "卷积核 w"),
    "transposed.direct.rotated_title": ("Rotated 180°", "旋转 180°"),
    "transposed.direct.hover_inserted": (
        "inserted zero (stride s: s − 1 zeros between inputs)",
        "插入的零（步长 s：输入之间插 s − 1 个零）",
    ),
    "transposed.direct.hover_border": ("border zero: d(k − 1) − p", "边框补的零：d(k − 1) − p"),
    "transposed.direct.hover_output_pad": (
        "zero added by output_padding (bottom / right)",
        "output_padding 补的零（下 / 右）",
    ),
    "transposed.direct.hover_flipped": (
        "flipped[{a},{b}] = {name} = {value}",
        "翻转后[{a},{b}] = {name} = {value}",
    ),
    "transposed.direct.hover_zero_taps": (
        "{zeros} of {taps} taps on zeros",
        "{taps} 个抽头中有 {zeros} 个落在零上",
    ),
    # -- matrix -----------------------------------------------------------------------------
    "transposed.matrix.header": ("The matrix form: y = Cᵀ·x", "矩阵形式：y = Cᵀ·x"),
    "transposed.matrix.explain": (
        "Flatten the output y ({o}×{o}) and the input x ({n}×{n}) row by row. The forward convolution is **x′ = C·y** with C of shape **{n2} × {o2}**: one row per window, the kernel's weights spread out with gaps. The transposed convolution multiplies by the transpose: **y = Cᵀ·x**, shape **{o2} × {n2}**. Row q of Cᵀ (= column q of C) lists which inputs reach output cell q and through which weight. **Click a row of Cᵀ, an entry of y, or an output cell** to pick one.",
        "把输出 y（{o}×{o}）和输入 x（{n}×{n}）按行展平。正向卷积是 **x′ = C·y**，C 的形状为 **{n2} × {o2}**：每个窗口一行，卷积核的权重中间隔着零铺开。转置卷积乘的是它的转置：**y = Cᵀ·x**，形状为 **{o2} × {n2}**。Cᵀ 的第 q 行（= C 的第 q 列）列出哪些输入、通过哪个权重到达输出格 q。**点击 Cᵀ 的一行、y 的一个元素或一个输出格**即可选中。",
    ),
    "transposed.matrix.density": (
        "{nnz} of the {total} entries of C are non-zero ({pct} %): each of the {rows} rows holds at most k² = {taps} weights.",
        "C 的 {total} 个元素中只有 {nnz} 个非零（{pct} %）：{rows} 行中每一行最多有 k² = {taps} 个权重。",
    ),
    "transposed.matrix.too_large": (
        "Cᵀ has {rows} × {cols} = {cells} entries; it is drawn cell by cell up to {limit}. Pick a smaller input, kernel or stride to see it — the selection below still works.",
        "Cᵀ 有 {rows} × {cols} = {cells} 个元素；只有不超过 {limit} 个时才逐格绘制。请选更小的输入、卷积核或步长——下面的选择仍然有效。",
    ),
    "transposed.matrix.c_too_large": (
        "C is too large to draw ({rows} × {cols}).",
        "C 太大，无法绘制（{rows} × {cols}）。",
    ),
    "transposed.matrix.c_header": ("C of the forward convolution", "正向卷积的 C"),
    "transposed.matrix.picked": (
        "Picked output cell y[{r},{c}] = row {q} of Cᵀ:",
        "选中的输出格 y[{r},{c}] = Cᵀ 的第 {q} 行：",
    ),
    "transposed.matrix.extended": (
        "x is extended with zero rows / columns to {n}×{n} because here a ≥ s (see the output size).",
        "由于这里 a ≥ s（见输出尺寸），x 被补上全零的行 / 列，扩展为 {n}×{n}。",
    ),
    "transposed.matrix.c_title": ("C ({m} × {n})", "C（{m} × {n}）"),
    "transposed.matrix.ct_title": ("Cᵀ ({m} × {n})", "Cᵀ（{m} × {n}）"),
    "transposed.matrix.x_title": ("x", "x"),
    "transposed.matrix.y_title": ("y", "y"),
    "transposed.matrix.x_grid_title": ("Input x ({i}×{i})", "输入 x（{i}×{i}）"),
    "transposed.matrix.y_grid_title": ("Output y = Cᵀ·x ({o}×{o})", "输出 y = Cᵀ·x（{o}×{o}）"),
    "transposed.matrix.hover_entry": (
        "{name} = {value}<br>x[{xr},{xc}] → y[{yr},{yc}]",
        "{name} = {value}<br>x[{xr},{xc}] → y[{yr},{yc}]",
    ),
    "transposed.matrix.hover_zero": (
        "0: x[{xr},{xc}] does not reach y[{yr},{yc}]",
        "0：x[{xr},{xc}] 到不了 y[{yr},{yc}]",
    ),
    # -- agreement --------------------------------------------------------------------------
    "transposed.check.header": ("Three computations, one answer", "三种算法，同一个答案"),
    "transposed.check.explain": (
        "The engine's `conv_transpose2d` (PyTorch semantics) is the reference. Each view above is computed on its own and compared with it, cell by cell.",
        "以引擎的 `conv_transpose2d`（与 PyTorch 语义相同）为参照。上面的每个视图都独立计算，并与它逐格比较。",
    ),
    "transposed.check.col_method": ("Computation", "算法"),
    "transposed.check.col_shape": ("Output shape", "输出形状"),
    "transposed.check.col_diff": ("Largest |difference|", "最大 |差值|"),
    "transposed.check.scatter": ("① Scatter-add, cropped by p", "① 散布相加，再按 p 裁剪"),
    "transposed.check.direct": (
        "② Zeros + flipped kernel, stride-1 conv",
        "② 插零 + 翻转卷积核，步长 1 卷积",
    ),
    "transposed.check.matrix": ("③ Cᵀ · x", "③ Cᵀ · x"),
    "transposed.check.metric": ("Largest difference", "最大差值"),
    "transposed.check.agree": (
        "All three agree with conv_transpose2d.",
        "三种算法都与 conv_transpose2d 一致。",
    ),
    "transposed.check.title_scatter": ("① scatter-add", "① 散布相加"),
    "transposed.check.title_direct": ("② direct form", "② 直接形式"),
    "transposed.check.title_matrix": ("③ Cᵀ·x", "③ Cᵀ·x"),
    "transposed.check.title_reference": (
        "conv_transpose2d ({o}×{o})",
        "conv_transpose2d（{o}×{o}）",
    ),
    # -- output_padding ---------------------------------------------------------------------
    "transposed.opad.header": ("Why output_padding exists", "为什么需要 output_padding"),
    "transposed.opad.explain": (
        "A stride-{s} convolution rounds down: ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1. So several input sizes n give the same {i}×{i} output, and going back, the transposed convolution cannot know which one you came from. **output_padding a picks one:**",
        "步长为 {s} 的卷积会向下取整：⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1。因此好几个输入尺寸 n 都会得到同样的 {i}×{i} 输出；反过来，转置卷积无从知道你原来是哪个尺寸。**output_padding a 负责从中选一个：**",
    ),
    "transposed.opad.only_one": (
        "With stride {s} only one forward size, n = {n}, maps to {i}×{i}, so output_padding must be {a} to give it back{d_note}.",
        "步长为 {s} 时，只有一个正向尺寸 n = {n} 会映射到 {i}×{i}，所以要还原它，output_padding 必须为 {a}{d_note}。",
    ),
    "transposed.opad.no_forward": (
        "No input size n ≥ 1 maps to {i}×{i} in a stride-{s} convolution with these k, p and d, so no forward size is being given back; here output_padding a = {a} is what keeps the output from being empty.",
        "在这些 k、p、d 下，没有任何输入尺寸 n ≥ 1 能经步长为 {s} 的卷积得到 {i}×{i}，所以这里并没有要还原的正向尺寸；output_padding a = {a} 的作用只是让输出不为空。",
    ),
    "transposed.opad.d_note": (
        " (PyTorch still allows a < d = {d}, but that size does not come from any stride-{s} convolution)",
        "（PyTorch 仍允许 a < d = {d}，但这个尺寸并不来自任何步长为 {s} 的卷积）",
    ),
    "transposed.opad.col_n": ("Forward input n", "正向输入 n"),
    "transposed.opad.col_formula": (
        "⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1",
        "⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1",
    ),
    "transposed.opad.col_a": ("output_padding a that gives n back", "还原出 n 的 output_padding a"),
    "transposed.opad.current": ("← current", "← 当前"),
    "transposed.opad.computed": (
        "**The extra rows / columns are outputs like any other, not zero padding.** output_padding keeps {a} more of the rows / columns that padding would have cropped at the bottom / right; each holds the sum of the stamps that land on it: {values}.",
        "**多出来的行和列和其他输出一样，不是补零。** output_padding 在底部 / 右侧多保留 {a} 行 / 列本来会被 padding 裁掉的格子；每一格都是落在那里的印章之和：{values}。",
    ),
    "transposed.opad.where": (
        "right: {right}; bottom: {bottom}",
        "右侧：{right}；底部：{bottom}",
    ),
    "transposed.opad.beyond": (
        "Here a = {a} is larger than p = {p}: {beyond} of the extra rows / columns lie past the last stamp, so they hold 0 (plus the bias, if any) — not because output_padding adds zeros, but because no input reaches them (PyTorch gives the same). With a ≤ p every extra row lies inside the stamped area and holds the sum of the stamps that land on it.",
        "这里 a = {a} 大于 p = {p}：多出来的行 / 列中有 {beyond} 行 / 列位于最后一个印章之外，所以是 0（若有偏置则再加上偏置）——不是因为 output_padding 补了零，而是因为没有任何输入到达那里（PyTorch 的结果也一样）。当 a ≤ p 时，每个多出的行都落在印章覆盖的范围内，其值是落在那里的印章之和。",
    ),
    "transposed.opad.compare": (
        "Same x and kernel, a = {a0} and a = {a1}: the top-left {o0}×{o0} block is identical; a = {a1} adds the orange rows and columns.",
        "同样的 x 和卷积核，a = {a0} 与 a = {a1}：左上角 {o0}×{o0} 的部分完全相同；a = {a1} 多出橙色的行和列。",
    ),
    "transposed.opad.title": ("a = {a}: {o}×{o}", "a = {a}：{o}×{o}"),
    "transposed.opad.hover_extra": (
        "extra cell (output_padding): {value}<br>computed from the stamps that land here",
        "多出的格子（output_padding）：{value}<br>由落在这里的印章算出",
    ),
    "transposed.opad.hover_extra_zero": (
        "extra cell (output_padding): 0<br>no stamp reaches it",
        "多出的格子（output_padding）：0<br>没有印章到达这里",
    ),
    "transposed.opad.hover_extra_cancel": (
        "extra cell (output_padding): 0<br>the stamps that land here add up to 0",
        "多出的格子（output_padding）：0<br>落在这里的印章加起来是 0",
    ),
    "transposed.opad.hover_same": ("y[{r},{c}] = {value}", "y[{r},{c}] = {value}"),
    # -- checkerboard -----------------------------------------------------------------------
    "transposed.checker.header": ("Checkerboard artifacts", "棋盘效应"),
    "transposed.checker.explain": (
        "Feed an all-ones {n}×{n} input through an all-ones kernel: every output cell then counts how many stamps land on it. Uneven counts are what a trained network later sees as a checkerboard pattern.",
        "让全 1 的 {n}×{n} 输入通过全 1 的卷积核：这样每个输出格的值就是落在它上面的印章个数。个数不均匀，就是训练后的网络里看到的棋盘状图案的来源。",
    ),
    "transposed.checker.divisible": (
        "**k = {k} is divisible by s = {s}:** away from the border every cell gets the same number of stamps ({count}), so the overlap itself is even. That removes the checkerboard the overlap builds in; it does not rule one out: a trained kernel can still learn uneven weights per stride phase and make one (Odena et al. 2016).",
        "**k = {k} 能被 s = {s} 整除**：除了边缘，每个格子得到的印章数都一样（{count} 个），重叠本身是均匀的。这消除了由重叠不均造成的棋盘效应，但不能保证没有棋盘：训练出的卷积核仍可能在不同的步长相位上权重不均，从而产生棋盘（Odena 等，2016）。",
    ),
    "transposed.checker.not_divisible": (
        "**k = {k} is not divisible by s = {s}:** away from the border the counts alternate between {counts} — a checkerboard. Training can hide it, but it tends to come back.",
        "**k = {k} 不能被 s = {s} 整除**：即使远离边缘，印章数也在 {counts} 之间交替——这就是棋盘效应。训练可以把它掩盖，但它常常又会冒出来。",
    ),
    "transposed.checker.stride_one": (
        "**Stride 1:** stamps land on every cell, so away from the border every cell gets k² = {count} of them: an even overlap, and no upsampling to make a checkerboard from.",
        "**步长 1**：每个格子都有印章落下，远离边缘时每格都得到 k² = {count} 个：重叠是均匀的，也没有上采样来产生棋盘。",
    ),
    "transposed.checker.dilated_even": (
        "**Dilation d = {d}, stride s = {s}:** the taps land d apart. s divides k = {k} and d shares no factor with s, so away from the border every cell gets the same number of stamps ({counts}): the overlap is even, though a trained kernel can still make a checkerboard.",
        "**膨胀率 d = {d}、步长 s = {s}**：抽头相隔 d 落下。s 整除 k = {k}，且 d 与 s 没有公因数，所以除了边缘，每个格子得到的印章数都一样（{counts} 个）：重叠是均匀的，但训练出的卷积核仍可能产生棋盘。",
    ),
    "transposed.checker.dilated_uneven": (
        "**Dilation d = {d}, stride s = {s}:** the taps land d apart, so away from the border the counts are {counts} — uneven. With dilation the counts are even only when s divides k and d shares no factor with s; a count of 0 means some cells get no stamp at all (d and s share a factor).",
        "**膨胀率 d = {d}、步长 s = {s}**：抽头相隔 d 落下，所以远离边缘时印章数为 {counts}——并不均匀。有膨胀时，只有当 s 整除 k 且 d 与 s 没有公因数时印章数才均匀；印章数为 0 表示有些格子根本没有印章落下（d 与 s 有公因数）。",
    ),
    "transposed.checker.remedies": (
        "**Remedies:** k divisible by s (DCGAN uses k = 4, s = 2) evens out the overlap and helps, but the learned weights can still differ between stride phases and bring the checkerboard back. Odena, Dumoulin and Olah (2016) therefore recommend resizing first (nearest or bilinear) and then applying an ordinary stride-1 convolution, as on the right. A sub-pixel convolution (`nn.PixelShuffle`: a stride-1 convolution makes s² channels that are rearranged into an s× larger grid) gives every output cell the same number of weights, like k divisible by s, and has the same caveat.",
        "**补救办法**：让 k 能被 s 整除（DCGAN 用 k = 4、s = 2）可以让重叠均匀，有帮助，但学到的权重在不同步长相位上仍可能不同，棋盘又会出现。因此 Odena、Dumoulin 和 Olah（2016）推荐先放大（最近邻或双线性插值），再做普通的步长 1 卷积，如右图所示。亚像素卷积（`nn.PixelShuffle`：先用步长 1 的卷积得到 s² 个通道，再重排成放大 s 倍的网格）让每个输出格用到的权重个数都相同，和 k 能被 s 整除一样，也有同样的局限。",
    ),
    "transposed.checker.counts_title": (
        "Stamps per cell: k = {k}, s = {s} ({o}×{o})",
        "每格印章数：k = {k}、s = {s}（{o}×{o}）",
    ),
    "transposed.checker.resize_title": (
        "Resize ×{s}, then {k}×{k} conv ({o}×{o})",
        "先放大 {s} 倍，再做 {k}×{k} 卷积（{o}×{o}）",
    ),
    "transposed.checker.hover": ("({r}, {c}): {count} stamp(s)", "({r}, {c})：{count} 个印章"),
    "transposed.checker.hover_resize": (
        "({r}, {c}): {count} input(s)",
        "({r}, {c})：{count} 个输入",
    ),
    "transposed.checker.resize_note": (
        "Right: nearest-neighbour resize by {s}, then a {k}×{k} stride-1 convolution with zero padding — every interior cell sums the same number of inputs ({count}).",
        "右图：先用最近邻插值放大 {s} 倍，再做补零的 {k}×{k} 步长 1 卷积——每个内部格子都累加同样多的输入（{count} 个）。",
    ),
    # -- PyTorch ----------------------------------------------------------------------------
    "transposed.code.layer": (
        "# The layer: 1 → 1 channel, the same hyper-parameters as above",
        "# 这一层：1 → 1 个通道，超参数与上面相同",
    ),
    "transposed.code.shapes": (
        "# input (N, C_in, H, W) = {x_shape} → output {y_shape}",
        "# 输入 (N, C_in, H, W) = {x_shape} → 输出 {y_shape}",
    ),
    "transposed.code.functional": (
        "# The exact numbers shown on this page (weight layout: C_in, C_out, kH, kW)",
        "# 本页显示的完全相同的数值（权重布局：C_in, C_out, kH, kW）",
    ),
    "transposed.code.expected": (
        "# expected output (as on this page):",
        "# 预期输出（与本页相同）：",
    ),
    "transposed.code.not_inverse": (
        "# Not an inverse: the forward convolution gives the shape back, not x",
        "# 不是逆运算：正向卷积只还原形状，而不是 x",
    ),
    "transposed.code.print_all": (
        "# PyTorch shortens a tensor of more than 1000 numbers with '...'; print every one",
        "# 超过 1000 个数的张量 PyTorch 会用 '...' 省略；这里让它全部打印",
    ),
    "transposed.code.not_even_shape": (
        "# Not an inverse: with a = {a} ≥ s = {s} the forward convolution does not even give x's shape back",
        "# 不是逆运算：a = {a} ≥ s = {s} 时，正向卷积连 x 的形状都还原不了",
    ),
    "transposed.code.exact": (
        "# At this setting the round trip is exact (C·Cᵀ = I): the forward convolution gives every x back",
        "# 在这个设置下往返是精确的（C·Cᵀ = I）：正向卷积能还原任何 x",
    ),
    "transposed.code.exact_for_this_x": (
        "# This x happens to come back, but not every input does (C·Cᵀ ≠ I here): not an inverse",
        "# 这个 x 恰好能还原，但并非每个输入都能（这里 C·Cᵀ ≠ I）：不是逆运算",
    ),
}
