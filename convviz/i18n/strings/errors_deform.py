"""Learner-facing text of ``deform_conv2d``'s shape errors (``error.deform_*``)."""

STRINGS = {
    "error.deform_offset_shape": (
        "offset has shape {shape}; it must be {expected}: (N, 2·G·kH·kW, H_out, W_out) with N={n}, G={groups} offset groups, a {kh}×{kw} kernel and the {oh}×{ow} output.",
        "offset 的形状是 {shape}；它必须是 {expected}：即 (N, 2·G·kH·kW, H_out, W_out)，其中 N={n}，偏移分组 G={groups}，卷积核 {kh}×{kw}，输出 {oh}×{ow}。",
    ),
    "error.deform_mask_shape": (
        "mask has shape {shape}; it must be {expected}: (N, G·kH·kW, H_out, W_out) with N={n}, G={groups} offset groups, a {kh}×{kw} kernel and the {oh}×{ow} output.",
        "mask 的形状是 {shape}；它必须是 {expected}：即 (N, G·kH·kW, H_out, W_out)，其中 N={n}，偏移分组 G={groups}，卷积核 {kh}×{kw}，输出 {oh}×{ow}。",
    ),
    "error.deform_offset_channels": (
        "offset has shape {shape}; its {channels} channels must be a multiple of 2·kH·kW = 2·{kh}·{kw} = {taps2}: one (dy, dx) pair per tap and offset group.",
        "offset 的形状是 {shape}；它的 {channels} 个通道必须是 2·kH·kW = 2·{kh}·{kw} = {taps2} 的整数倍：每个采样点、每个偏移分组各需要一对 (dy, dx)。",
    ),
    "error.deform_offset_groups": (
        "offset has shape {shape}: its channels give {groups} offset groups, which do not divide in_channels={in_channels}.",
        "offset 的形状是 {shape}：它的通道数对应 {groups} 个偏移分组，而 {groups} 不能整除 in_channels={in_channels}。",
    ),
    "error.offset_groups_not_dividing": (
        "in_channels={in_channels} is not divisible by offset_groups={groups}: each offset group moves the points of the same whole number of input channels. The nearest that works is {nearest}.",
        "in_channels={in_channels} 不能被 offset_groups={groups} 整除：每个偏移分组负责移动相同整数个输入通道的采样点。最接近的可用值是 {nearest}。",
    ),
    "error.unknown_offset_kind": (
        "offsets={kind} is not one of {kinds}.",
        "offsets={kind} 不是 {kinds} 之一。",
    ),
    "error.deform_weight_shape": (
        "weight has shape {shape}, layout (C_out, C_in/groups, kH, kW): its second dimension {got} must divide in_channels={in_channels} into groups, and the groups must divide out_channels={out_channels}.",
        "weight 的形状是 {shape}，布局为 (C_out, C_in/groups, kH, kW)：它的第二维 {got} 必须能把 in_channels={in_channels} 均分成若干组，并且组数必须整除 out_channels={out_channels}。",
    ),
}
