"""Learner-facing text of the errors of the teaching views (matrix C, stamps, sliding window)."""

STRINGS = {
    "error.cell_out_of_range": (
        "Cell (row={row}, col={col}) is outside the {height}×{width} grid: rows go from 0 to {height} − 1, columns from 0 to {width} − 1.",
        "格子（行={row}，列={col}）不在 {height}×{width} 的网格内：行号从 0 到 {height} − 1，列号从 0 到 {width} − 1。",
    ),
    "error.step_out_of_range": (
        "step={step} is not a step of this animation: the steps go from 0 to {last}.",
        "step={step} 不是这段动画中的一步：步数从 0 到 {last}。",
    ),
    "error.scatter_frames_too_large": (
        "The scatter-add animation would hold {entries} values ({frames} frames of {height}×{width}); at most {limit} are built at once. Use a smaller input, or step through the frames one at a time.",
        "散布相加动画将包含 {entries} 个数值（{frames} 帧，每帧 {height}×{width}）；一次最多生成 {limit} 个。请使用更小的输入，或逐帧查看。",
    ),
    "error.symbolic_matrix_too_large": (
        "The symbolic matrix C would have {rows} × {cols} = {entries} entries; it is written out only up to {limit} entries, beyond which no label can be read. Use a smaller input.",
        "符号矩阵 C 将有 {rows} × {cols} = {entries} 个元素；最多只写出 {limit} 个元素，再多就看不清标注了。请使用更小的输入。",
    ),
    "error.matrix_png_too_large": (
        "{name} ({rows}×{cols} = {entries} entries) is too large for a PNG: its cells alone would take {width}×{height} pixels, and a PNG is made for at most {limit} entries and {side} pixels a side. A smaller input gives a smaller matrix.",
        "{name}（{rows}×{cols} = {entries} 个元素）太大，无法导出 PNG：仅格子就要占 {width}×{height} 像素，而 PNG 最多只画 {limit} 个元素、每边 {side} 像素。输入越小，矩阵就越小。",
    ),
    "error.tap_out_of_range": (
        "tap={tap} is not a tap of a {height}×{width} kernel: taps are numbered 0 to {last} (row × {width} + column), and −1 marks a zero.",
        "tap={tap} 不是 {height}×{width} 卷积核的一个抽头：抽头编号从 0 到 {last}（行 × {width} + 列），−1 表示零。",
    ),
    "error.pixel_shuffle_channels": (
        "pixel_shuffle with upscale={upscale} needs a number of channels that is a multiple of r² = {square}; the input has {channels}.",
        "upscale={upscale} 的 pixel_shuffle 要求通道数是 r² = {square} 的倍数；输入却有 {channels} 个通道。",
    ),
}
