"""Learner-facing text of the errors of receptive fields, parameter counts and kernel splits."""

STRINGS = {
    "error.layers_not_list": (
        "layers={value} must be a list of (kernel_size, stride, dilation) triples.",
        "layers={value} 必须是由 (kernel_size, stride, dilation) 三元组组成的列表。",
    ),
    "error.layer_not_triple": (
        "layers[{index}]={value} must be a triple (kernel_size, stride, dilation) of whole numbers.",
        "layers[{index}]={value} 必须是由整数组成的三元组 (kernel_size, stride, dilation)。",
    ),
    "error.path_field_too_large": (
        "The path counts would span {field} pixels; they are computed up to {limit} pixels per side. Use fewer layers, smaller dilations or smaller strides.",
        "路径计数将跨越 {field} 个像素；最多只计算到每边 {limit} 个像素。请减少层数，或减小膨胀率或步长。",
    ),
    "error.path_count_overflow": (
        "These {layers} layers join the output pixel to the input by a {digits}-digit number of paths, too many to count exactly. Use fewer or smaller layers.",
        "这 {layers} 层把输出像素连到输入的路径数是一个 {digits} 位数，多到无法精确计数。请减少层数或使用更小的卷积核。",
    ),
    "error.rates_not_list": (
        "{name}={value} must be a list of whole numbers, each at least 1.",
        "{name}={value} 必须是一个整数列表，每个数至少为 1。",
    ),
    "error.bias_not_bool": (
        "bias={value} must be True or False.",
        "bias={value} 必须是 True 或 False。",
    ),
    "error.separable_kernel_empty": (
        "The kernel has shape {shape}; it needs at least one row and one column.",
        "卷积核的形状是 {shape}；它至少需要一行和一列。",
    ),
    "error.separable_kernel_not_finite": (
        "The kernel has {count} entries that are NaN or infinite; every entry must be a finite number.",
        "卷积核中有 {count} 个元素是 NaN 或无穷大；每个元素都必须是有限的数。",
    ),
    "error.separable_bad_tolerance": (
        "tol={value} must be a finite number, at least 0.",
        "tol={value} 必须是有限的数，且不小于 0。",
    ),
}
