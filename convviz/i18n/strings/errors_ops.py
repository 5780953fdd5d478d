"""Learner-facing text of the convolution engine's argument errors (``error.<code>``)."""

STRINGS = {
    "error.not_integer": (
        "{name}={value} must be a whole number (an int such as 1, 2 or 3).",
        "{name}={value} 必须是整数（例如 1、2 或 3）。",
    ),
    "error.not_pair": (
        "{name}={value} must be one int or a pair (height, width) of ints; it has {length} entries.",
        "{name}={value} 必须是一个整数或一对整数（高, 宽）；它却有 {length} 个元素。",
    ),
    "error.not_tuple": (
        "{name}={value} must be one int or {count} ints ({axes}); it has {length} entries.",
        "{name}={value} 必须是一个整数或 {count} 个整数（{axes}）；它却有 {length} 个元素。",
    ),
    "error.not_positive": (
        "{name}={value} must be at least 1.",
        "{name}={value} 必须至少为 1。",
    ),
    "error.negative": (
        "{name}={value} cannot be negative; use 0 or more.",
        "{name}={value} 不能是负数；请使用 0 或更大的值。",
    ),
    "error.groups_not_dividing": (
        "{name}={channels} is not divisible by groups={groups}: every group needs the same whole number of channels (in_channels={in_channels}, out_channels={out_channels}).",
        "{name}={channels} 不能被 groups={groups} 整除：每一组都必须分到相同的整数个通道（in_channels={in_channels}，out_channels={out_channels}）。",
    ),
    "error.unknown_padding_mode": (
        "padding_mode={mode} is not one of {modes}.",
        "padding_mode={mode} 不是 {modes} 之一。",
    ),
    "error.output_padding_too_large": (
        "output_padding={output_padding} must be smaller than the larger of stride={stride} and dilation={dilation}: a < max(s, d).",
        "output_padding={output_padding} 必须小于 stride={stride} 和 dilation={dilation} 中较大的那个：a < max(s, d)。",
    ),
    "error.bad_ndim": (
        "{name} has {ndim} dimensions (shape {shape}); expected {expected}.",
        "{name} 有 {ndim} 个维度（形状 {shape}）；应当是 {expected} 个。",
    ),
    "error.bad_dtype": (
        "{name} must be an array of real numbers; got {dtype}.",
        "{name} 必须是实数数组；收到的是 {dtype}。",
    ),
    "error.kernel_too_large": (
        "The output would be empty: the kernel (effective size d(k−1)+1 = {k_eff} for kernel_size={kernel_size}, dilation={dilation}) is larger than the padded input i+2p = {padded} (input_size={size}, padding={padding}).",
        "输出将是空的：卷积核（有效尺寸 d(k−1)+1 = {k_eff}，kernel_size={kernel_size}，dilation={dilation}）比填充后的输入 i+2p = {padded}（input_size={size}，padding={padding}）还大。",
    ),
    "error.transpose_output_empty": (
        "The output would be empty: before cropping it has (i−1)s + d(k−1) + a + 1 = {full} rows (input_size={size}, stride={stride}, kernel_size={kernel_size}, dilation={dilation}, output_padding={output_padding}), and padding={padding} crops 2p = {cropped} of them.",
        "输出将是空的：裁剪前共有 (i−1)s + d(k−1) + a + 1 = {full} 行（input_size={size}，stride={stride}，kernel_size={kernel_size}，dilation={dilation}，output_padding={output_padding}），而 padding={padding} 要裁掉 2p = {cropped} 行。",
    ),
    "error.reflect_padding_too_wide": (
        "Reflect padding {pad} along {axis} must be smaller than the input size {size} along {axis}: reflection does not repeat the edge, so only {limit} cells can be mirrored.",
        "沿 {axis} 方向的反射填充 {pad} 必须小于该方向的输入尺寸 {size}：反射不重复边缘那一格，所以最多只能镜像 {limit} 格。",
    ),
    "error.circular_padding_too_wide": (
        "Circular padding {pad} along {axis} must be at most the input size {size} along {axis}; more would wrap around the input more than once.",
        "沿 {axis} 方向的循环填充 {pad} 不能超过该方向的输入尺寸 {size}；再多就要绕着输入转不止一圈了。",
    ),
    "error.padding_empty_input": (
        "{mode} padding needs at least one input cell along {axis} to copy, but the input is empty along {axis}.",
        "{mode} 填充需要沿 {axis} 方向至少有一个输入格子可以复制，但输入在 {axis} 方向上是空的。",
    ),
    "error.bias_shape": (
        "bias has shape {shape}; it needs one value per output channel, shape ({out_channels},).",
        "bias 的形状是 {shape}；每个输出通道需要一个偏置值，即形状应为 ({out_channels},)。",
    ),
    "error.weight_shape": (
        "weight has shape {shape}, layout {layout}; with in_channels={in_channels} and groups={groups} its second dimension must be {in_channels}/{groups} = {expected}, not {got}.",
        "weight 的形状是 {shape}，布局为 {layout}；当 in_channels={in_channels}、groups={groups} 时，它的第二维必须是 {in_channels}/{groups} = {expected}，而不是 {got}。",
    ),
    "error.same_needs_stride_1": (
        'padding="same" needs stride=1 in PyTorch, which does not support it with a larger stride; got stride={stride}. That is PyTorch\'s rule, not arithmetic: with i = {size}, k̂ = {k_eff} and s = {s}, padding p = {keep} per side gives o = ⌊({size} + 2·{keep} − {k_eff}) / {s}⌋ + 1 = {size}. TensorFlow\'s "SAME" gives ⌈i / s⌉ = {tf} instead.',
        'padding="same" 要求 stride=1：PyTorch 不支持在步长大于 1 时使用它；现在 stride={stride}。这是 PyTorch 的规定，并非算术上做不到：i = {size}、k̂ = {k_eff}、s = {s} 时，每侧填充 p = {keep} 得到 o = ⌊({size} + 2·{keep} − {k_eff}) / {s}⌋ + 1 = {size}。TensorFlow 的 "SAME" 给出的则是 ⌈i / s⌉ = {tf}。',
    ),
    "error.unknown_padding": (
        'padding={padding} is not understood; use an int, a tuple {form}, "valid" or "same".',
        '无法理解 padding={padding}；请使用一个整数、一个元组 {form}、"valid" 或 "same"。',
    ),
    "error.transpose_weight_shape": (
        "weight has shape {shape}, layout (C_in, C_out/groups, kH, kW); its first dimension must be in_channels={in_channels}, not {got}.",
        "weight 的形状是 {shape}，布局为 (C_in, C_out/groups, kH, kW)；它的第一维必须等于 in_channels={in_channels}，而不是 {got}。",
    ),
}
