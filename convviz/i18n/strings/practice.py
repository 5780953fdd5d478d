"""Practice mode and the "predict first" switch of the topic pages."""

STRINGS = {
    "practice.intro": (
        "Predict, then reveal: answer each question, then see the right answer with the arithmetic worked out and a link that opens the matching page at exactly that setting. Every answer is computed by the same engine as the pages.",
        "先预测，再揭晓：回答每一道题，然后查看正确答案、逐步算式，以及一个在相同设置下打开对应页面的链接。所有答案都由与各页面相同的计算引擎算出。",
    ),
    # Sidebar.
    "practice.param.topic": ("Topic", "主题"),
    "practice.help.topic": (
        "Which kind of question to ask; kept in the link (?topic=).",
        "出哪一类题；保存在链接中（?topic=）。",
    ),
    "practice.choice.topic.all": ("Everything", "全部"),
    "practice.choice.topic.standard": ("Standard", "标准卷积"),
    "practice.choice.topic.transposed": ("Transposed", "转置卷积"),
    "practice.choice.topic.dilated": ("Dilated", "空洞卷积"),
    "practice.choice.topic.channels": ("Groups & 1×1", "分组与 1×1"),
    "practice.param.level": ("Difficulty", "难度"),
    "practice.help.level": (
        "Easy: strides up to 3, dilations up to 2, small non-negative numbers, no biases. Hard: strides and dilations up to 4, negative numbers and biases. Kept in the link (?level=).",
        "简单：步长最大 3、膨胀率最大 2、较小的非负数、没有偏置。困难：步长和膨胀率最大 4，有负数和偏置。保存在链接中（?level=）。",
    ),
    "practice.choice.level.1": ("Easy", "简单"),
    "practice.choice.level.2": ("Medium", "中等"),
    "practice.choice.level.3": ("Hard", "困难"),
    "practice.seed_label": ("Question set (seed)", "题组编号（种子）"),
    "practice.new_set": ("New question set", "换一组题"),
    "practice.teacher": (
        "Same seed, level and topic, same questions: send the class this page's link and everyone gets this set.",
        "种子、难度和主题相同，题目就相同：把本页链接发给全班，每个人拿到的都是这一组题。",
    ),
    # Progress and score.
    "practice.progress": ("Question {n} of {total}", "第 {n} 题，共 {total} 题"),
    "practice.metric.score": ("Score", "得分"),
    "practice.metric.streak": ("Streak", "连对"),
    "practice.metric.best": ("Best streak", "最长连对"),
    "practice.score_value": ("{right} / {answered}", "{right} / {answered}"),
    "practice.answer_label": ("Your answer (a whole number)", "你的答案（整数）"),
    "practice.choice_label": ("Your answer", "你的答案"),
    "practice.submit": ("Check my answer", "检查答案"),
    "practice.next": ("Next question", "下一题"),
    "practice.previous": ("Previous question", "上一题"),
    "practice.answered": (
        "You answered this question: **{given}**.",
        "这道题你已作答：**{given}**。",
    ),
    "practice.set_done": (
        "That was the last question of this set. Load a new set in the sidebar, or change the level or topic.",
        "这是本组的最后一题。可以在侧边栏换一组题，或者换个难度、主题。",
    ),
    "practice.worked": ("Worked answer", "解题过程"),
    "practice.open_link": ("Open this setting on the {page} page", "在“{page}”页面打开这个设置"),
    # Judgements.
    "practice.check.correct": ("**Right!**", "**答对了！**"),
    "practice.check.incorrect": (
        "**Not quite:** you answered {given}; the answer is **{answer}**.",
        "**不对**：你的答案是 {given}，正确答案是 **{answer}**。",
    ),
    "practice.check.incorrect_choice": (
        "**Not quite:** you chose “{given_key}”; the answer is **“{answer_key}”**.",
        "**不对**：你选的是“{given_key}”，正确答案是 **“{answer_key}”**。",
    ),
    "practice.check.malformed_number": (
        "“{given}” is not a whole number. Type digits only, e.g. 7 or −2.",
        "“{given}”不是整数。请只输入数字，例如 7 或 −2。",
    ),
    "practice.check.not_whole": (
        "{given} is not a whole number: sizes, paddings, counts and these cell values are all integers.",
        "{given} 不是整数：尺寸、填充、参数个数以及这里的格子值都是整数。",
    ),
    "practice.check.too_long": (
        "That answer is {length} characters long; an answer here has at most {limit}. Type the number only.",
        "这个答案有 {length} 个字符；这里的答案最多只能有 {limit} 个字符。请只输入数字。",
    ),
    "practice.check.malformed_choice": ("Pick one of the answers first.", "请先选择一个答案。"),
    # Questions.
    "practice.q.conv_size": (
        "A convolution with kernel_size k = {k}, stride s = {s}, padding p = {p} (per side) and dilation d = {d} runs over a {i}×{i} input. **What is the output size** (per side)?",
        "一个卷积：kernel_size k = {k}，步长 s = {s}，填充 p = {p}（每侧），膨胀率 d = {d}，作用在 {i}×{i} 的输入上。**输出尺寸（每边）是多少？**",
    ),
    "practice.q.dilated_hint": (
        "Remember the gaps: the kernel spans d(k − 1) + 1 cells.",
        "别忘了空洞：卷积核跨越 d(k − 1) + 1 个格子。",
    ),
    "practice.q.transpose_size": (
        "A transposed convolution with kernel_size k = {k}, stride s = {s}, padding p = {p}, output_padding a = {a} and dilation d = {d} takes a {i}×{i} input. **What is the output size** (per side)?",
        "一个转置卷积：kernel_size k = {k}，步长 s = {s}，填充 p = {p}，output_padding a = {a}，膨胀率 d = {d}，输入为 {i}×{i}。**输出尺寸（每边）是多少？**",
    ),
    "practice.q.output_padding": (
        "A convolution with k = {k}, s = {s}, p = {p}, d = {d} turns a {i}×{i} input into {o}×{o}. A transposed convolution with the same k, s, p and d should turn {o}×{o} back into {i}×{i}. **Which output_padding does it need?**",
        "一个卷积（k = {k}，s = {s}，p = {p}，d = {d}）把 {i}×{i} 的输入变成 {o}×{o}。一个 k、s、p、d 都相同的转置卷积要把 {o}×{o} 变回 {i}×{i}。**它需要多大的 output_padding？**",
    ),
    "practice.q.same_padding": (
        "A convolution with stride 1, kernel_size k = {k} and dilation d = {d} runs over a {i}×{i} input. **Which padding p (per side) keeps the output {i}×{i}?**",
        "一个卷积：步长 1，kernel_size k = {k}，膨胀率 d = {d}，输入为 {i}×{i}。**每侧填充 p 取多少，输出才保持 {i}×{i}？**",
    ),
    "practice.q.conv_cell": (
        "The {k}×{k} kernel below slides over the input below (cross-correlation, as in deep learning: no flip) with stride {s} and {p} zero(s) of padding per side; the output is {o}×{o}. **What is y[{r}, {c}]** (row {r}, column {c}, counting from 0)?",
        "下面的 {k}×{k} 卷积核在下面的输入上滑动（深度学习中的互相关：不翻转卷积核），步长 {s}，每侧补 {p} 圈零；输出为 {o}×{o}。**y[{r}, {c}]（第 {r} 行第 {c} 列，从 0 数起）是多少？**",
    ),
    "practice.q.transpose_cell": (
        "A transposed convolution with the {k}×{k} kernel below, stride {s}, padding {p} and output_padding {a} takes the input below; the output is {o}×{o}. **What is y[{r}, {c}]** (row {r}, column {c}, counting from 0)?",
        "一个转置卷积使用下面的 {k}×{k} 卷积核，步长 {s}，padding {p}，output_padding {a}，输入如下；输出为 {o}×{o}。**y[{r}, {c}]（第 {r} 行第 {c} 列，从 0 数起）是多少？**",
    ),
    "practice.q.grid": ("**{name_key}**\n```\n{grid}\n```", "**{name_key}**\n```\n{grid}\n```"),
    "practice.grid.input": ("Input x", "输入 x"),
    "practice.grid.kernel": ("Kernel w", "卷积核 w"),
    "practice.q.receptive": (
        "These {count} convolutions are stacked, input first (k kernel size, s stride, d dilation). **How wide is the receptive field** of one output pixel of the last layer, in input pixels per side?",
        "下面 {count} 个卷积依次堆叠，从输入开始（k 卷积核尺寸，s 步长，d 膨胀率）。**最后一层的一个输出像素，感受野每边有多少个输入像素？**",
    ),
    "practice.q.layers": ("```\n{table}\n```", "```\n{table}\n```"),
    "practice.q.grouped_params": (
        "A {k}×{k} convolution maps C_in = {cin} channels to C_out = {cout} channels in g = {g} groups, {bias_key}. **How many learnable parameters does it have?**",
        "一个 {k}×{k} 卷积把 C_in = {cin} 个通道映射到 C_out = {cout} 个通道，分成 g = {g} 组，{bias_key}。**它有多少个可学习参数？**",
    ),
    "practice.q.separable_params": (
        "A depthwise-separable block replaces a {k}×{k} convolution from C_in = {cin} to C_out = {cout} channels: a {k}×{k} depthwise convolution (groups = C_in), then a 1×1 pointwise convolution; each {bias_key}. **How many learnable parameters does the block have?**",
        "一个深度可分离模块代替从 C_in = {cin} 到 C_out = {cout} 通道的 {k}×{k} 卷积：先做 {k}×{k} 深度卷积（groups = C_in），再做 1×1 逐点卷积；每个卷积都{bias_key}。**这个模块有多少个可学习参数？**",
    ),
    "practice.q.pointwise_params": (
        "A 1×1 convolution maps C_in = {cin} channels to C_out = {cout} channels, {bias_key}. **How many learnable parameters does it have?**",
        "一个 1×1 卷积把 C_in = {cin} 个通道映射到 C_out = {cout} 个通道，{bias_key}。**它有多少个可学习参数？**",
    ),
    "practice.bias.true": ("with a bias per output channel", "每个输出通道带一个偏置"),
    "practice.bias.false": ("without bias", "不带偏置"),
    "practice.q.conv_validity": (
        "A convolution on a {i}×{i} input with kernel_size = {k}, stride = {s}, padding = {p}, dilation = {d}. **Is this a valid configuration?** If not, which rule does it break?",
        "在 {i}×{i} 输入上做卷积：kernel_size = {k}，stride = {s}，padding = {p}，dilation = {d}。**这个设置合法吗**？如果不合法，违反了哪条规则？",
    ),
    "practice.q.transpose_validity": (
        "A transposed convolution on a {i}×{i} input with kernel_size = {k}, stride = {s}, padding = {p}, output_padding = {a}, dilation = {d}. **Is this a valid configuration?** If not, which rule does it break?",
        "在 {i}×{i} 输入上做转置卷积：kernel_size = {k}，stride = {s}，padding = {p}，output_padding = {a}，dilation = {d}。**这个设置合法吗**？如果不合法，违反了哪条规则？",
    ),
    "practice.q.groups_validity": (
        "A {k}×{k} convolution from in_channels = {cin} to out_channels = {cout} with groups = {g}. **Is this a valid configuration?** If not, which rule does it break?",
        "一个 {k}×{k} 卷积：in_channels = {cin}，out_channels = {cout}，groups = {g}。**这个设置合法吗**？如果不合法，违反了哪条规则？",
    ),
    "practice.rule.valid": ("Valid", "合法"),
    "practice.rule.kernel_too_large": (
        "Invalid: the (dilated) kernel is larger than the padded input",
        "不合法：（膨胀后的）卷积核比填充后的输入还大",
    ),
    "practice.rule.output_padding_too_large": (
        "Invalid: output_padding a ≥ max(stride, dilation)",
        "不合法：output_padding a ≥ max(stride, dilation)",
    ),
    "practice.rule.transpose_output_empty": (
        "Invalid: padding crops away the whole transposed output",
        "不合法：padding 把转置卷积的输出全部裁掉了",
    ),
    "practice.rule.groups_not_dividing": (
        "Invalid: groups does not divide the channel counts",
        "不合法：groups 不能整除通道数",
    ),
    # Worked answers.
    "practice.explain.conv_size": (
        "o = ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1 = ⌊({i} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = ⌊{numerator} / {s}⌋ + 1 = **{o}**",
        "o = ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1 = ⌊({i} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = ⌊{numerator} / {s}⌋ + 1 = **{o}**",
    ),
    "practice.explain.floor": (
        "The division is not exact: with stride {s} no window reaches the last {leftover} row(s), so the floor drops them.",
        "除法不是整除：在步长 {s} 下，最后 {leftover} 行没有任何窗口能到达，向下取整把它们舍掉了。",
    ),
    "practice.explain.transpose_size": (
        "o = (i − 1)·s − 2p + d·(k − 1) + a + 1 = ({i} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {a} + 1 = {stretched} − {crop} + {span} + {a} + 1 = **{o}**",
        "o = (i − 1)·s − 2p + d·(k − 1) + a + 1 = ({i} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {a} + 1 = {stretched} − {crop} + {span} + {a} + 1 = **{o}**",
    ),
    "practice.explain.restore_base": (
        "Without output_padding the transposed convolution gives (o − 1)·s − 2p + d(k − 1) + 1 = ({o} − 1)·{s} − 2·{p} + {d}·({k} − 1) + 1 = {base}.",
        "不加 output_padding 时，转置卷积输出 (o − 1)·s − 2p + d(k − 1) + 1 = ({o} − 1)·{s} − 2·{p} + {d}·({k} − 1) + 1 = {base}。",
    ),
    "practice.explain.restore_a": (
        "a = {i} − {base} = **{a}**: the rows the floor dropped. It is allowed, since 0 ≤ a ≤ max(s, d) − 1 = {top}.",
        "a = {i} − {base} = **{a}**：正是被向下取整舍掉的行数。它是允许的，因为 0 ≤ a ≤ max(s, d) − 1 = {top}。",
    ),
    "practice.explain.same": (
        "With stride 1, o = i + 2p − d(k − 1). o = i needs 2p = d(k − 1) = {d}·({k} − 1) = {total}, so p = **{p}** on each side.",
        "步长为 1 时 o = i + 2p − d(k − 1)。要 o = i，需要 2p = d(k − 1) = {d}·({k} − 1) = {total}，所以每侧 p = **{p}**。",
    ),
    "practice.explain.window": (
        "The window of y[{r}, {c}] covers input rows {rows} and columns {cols} (a negative or too-large index is a padding zero).",
        "y[{r}, {c}] 的窗口覆盖输入的第 {rows} 行和第 {cols} 列（负的或超出范围的下标是填充的零）。",
    ),
    "practice.explain.sum": ("`{cell} = {sum}`", "`{cell} = {sum}`"),
    "practice.explain.stamps": (
        "Each input value x[m, n] stamps x[m, n]·w onto the output with its top-left corner at (m·{s} − p, n·{s} − p). {count} stamp(s) land on y[{r}, {c}]; add them up:",
        "每个输入值 x[m, n] 把 x[m, n]·w 盖到输出上，左上角位于 (m·{s} − p, n·{s} − p)。共有 {count} 个印章落在 y[{r}, {c}] 上，把它们加起来：",
    ),
    "practice.explain.receptive_rule": (
        "r₀ = 1 and r_l = r_(l−1) + (k̂_l − 1) · jump_l, with k̂ = d(k − 1) + 1 and jump_l the product of the strides before layer l.",
        "r₀ = 1，r_l = r_(l−1) + (k̂_l − 1) · jump_l，其中 k̂ = d(k − 1) + 1，jump_l 是第 l 层之前所有步长的乘积。",
    ),
    "practice.explain.receptive_step": (
        "Layer {layer}: k̂ = {d}·({k} − 1) + 1 = {k_hat}; r = {previous} + ({k_hat} − 1)·{jump} = **{field}**",
        "第 {layer} 层：k̂ = {d}·({k} − 1) + 1 = {k_hat}；r = {previous} + ({k_hat} − 1)·{jump} = **{field}**",
    ),
    "practice.explain.grouped_params": (
        "Weight shape (C_out, C_in/g, k, k) = {shapes}: each group sees only C_in/g input channels.",
        "权重形状 (C_out, C_in/g, k, k) = {shapes}：每组只看到 C_in/g 个输入通道。",
    ),
    "practice.explain.separable_params": (
        "Weight shapes: depthwise then pointwise, {shapes}.",
        "权重形状：先深度卷积，再逐点卷积，{shapes}。",
    ),
    "practice.explain.pointwise_params": (
        "Weight shape (C_out, C_in, 1, 1) = {shapes}: a C_out × C_in matrix applied at every pixel.",
        "权重形状 (C_out, C_in, 1, 1) = {shapes}：在每个像素上作用同一个 C_out × C_in 矩阵。",
    ),
    "practice.explain.count": (
        "Parameters: {terms} = **{total}**",
        "参数个数：{terms} = **{total}**",
    ),
    "practice.explain.valid_size": (
        "The engine accepts it: the output is {result}×{result}.",
        "计算引擎接受这个设置：输出为 {result}×{result}。",
    ),
    "practice.explain.valid_params": (
        "The engine accepts it: every group gets whole channels, and the layer has {result} parameters (with biases).",
        "计算引擎接受这个设置：每组都分到整数个通道，这一层共有 {result} 个参数（含偏置）。",
    ),
    # "Predict first" on the topic pages.
    "practice.predict.toggle": ("Predict first", "先预测"),
    "practice.predict.help": (
        "Hide the output size — the figures, the formula, the tables and the code that show it — "
        "until you have typed your own prediction.",
        "在你输入自己的预测之前，隐藏输出尺寸——以及显示它的图、公式、表格和代码。",
    ),
    "practice.predict.label": ("Your prediction: the output size o", "你的预测：输出尺寸 o"),
    "practice.predict.submit": ("Reveal", "揭晓"),
    "practice.predict.skip": ("Show the answer without guessing", "不猜，直接显示答案"),
    "practice.predict.waiting": (
        "Predict the output size for this setting, then press Reveal to see the figures and "
        "the formula.",
        "先预测这个设置下的输出尺寸，再点“揭晓”查看图和公式。",
    ),
    # A rectangular output: the height is asked (the width follows the same formula).
    "practice.predict.height.help": (
        "Hide the output size — the figures, the formula, the tables and the code that show it — "
        "until you have typed your own prediction of its height.",
        "在你输入自己对输出高度的预测之前，隐藏输出尺寸——以及显示它的图、公式、表格和代码。",
    ),
    "practice.predict.height.label": (
        "Your prediction: the output height H_out",
        "你的预测：输出高度 H_out",
    ),
    "practice.predict.height.waiting": (
        "Predict the output height for this setting, then press Reveal to see both axes, the "
        "figures and the formula.",
        "先预测这个设置下的输出高度，再点“揭晓”查看两个方向、图和公式。",
    ),
    "practice.predict.params.help": (
        "Hide the computed parameter counts until you have typed your own prediction.",
        "在你输入自己的预测之前，先隐藏计算出的参数量。",
    ),
    "practice.predict.params.label": (
        "Your prediction: the parameters of the grouped layer (weights and bias)",
        "你的预测：分组卷积层的参数量（权重加偏置）",
    ),
    "practice.predict.block.help": (
        "Hide the computed block totals until you have typed your own prediction.",
        "在你输入自己的预测之前，先隐藏计算出的模块参数总数。",
    ),
    "practice.predict.block.label": (
        "Your prediction: the parameters of the block with 1×1 reductions (no bias)",
        "你的预测：加了 1×1 降维之后这个模块的参数量（不含偏置）",
    ),
    "practice.predict.block.waiting": (
        "Predict the reduced block's parameter count, then press Reveal to see every term.",
        "先预测降维后模块的参数量，再点“揭晓”查看每一项。",
    ),
    "practice.predict.params.waiting": (
        "Predict the grouped layer's parameter count, then press Reveal to see every count.",
        "先预测分组卷积层的参数量，再点“揭晓”查看所有计数。",
    ),
}
