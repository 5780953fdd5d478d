"""Text of the exporters: download buttons, the share link, notes and captions in exported files."""

STRINGS = {
    # Download buttons and the share link.
    "export.download.png": ("PNG", "PNG"),
    "export.download.gif": ("GIF", "GIF"),
    "export.download.latex": ("LaTeX", "LaTeX"),
    "export.download.csv": ("CSV", "CSV"),
    "export.download.help.png": (
        "A picture of this view at twice the screen resolution, for slides and notes (a very large view is drawn at screen resolution, so one download never slows the class down).",
        "本视图的图片，分辨率为屏幕的两倍，可直接放进幻灯片和讲义（视图很大时按屏幕分辨率绘制，这样一次下载不会拖慢全班）。",
    ),
    "export.download.help.gif": (
        "An animated GIF with one frame per step; it is built when you click (a spinner shows while it is made).",
        "动画 GIF，每一步一帧；点击后才开始生成（生成时按钮上会显示加载图标）。",
    ),
    "export.download.gif_reduced": (
        "GIF · {frames} of {total} steps, scale {scale}",
        "GIF · {total} 步中的 {frames} 步，缩放 {scale}",
    ),
    "export.download.help.gif_reduced": (
        "The whole animation ({total} steps at scale {asked}) is larger than an export may be (at most {max_frames} frames and {max_mpixels} million pixels, so one download never slows the class down). This GIF shows {frames} evenly spaced steps, the first and the last included, at scale {scale}; the on-screen animation still has every step.",
        "完整动画（{total} 步，缩放 {asked}）超出了导出文件的上限（最多 {max_frames} 帧、{max_mpixels} 百万像素，这样一次下载不会拖慢全班）。这个 GIF 展示均匀选取的 {frames} 步（包括第一步和最后一步），缩放为 {scale}；屏幕上的动画仍包含每一步。",
    ),
    "export.download.gif_rescaled": (
        "GIF · every step, scale {scale} of {asked}",
        "GIF · 全部步骤，缩放 {scale}（原为 {asked}）",
    ),
    "export.download.help.gif_rescaled": (
        "The whole animation ({total} steps at scale {asked}) is larger than an export may be (at most {max_frames} frames and {max_mpixels} million pixels, so one download never slows the class down). This GIF keeps all {total} steps and draws them at scale {scale} instead of {asked}.",
        "完整动画（{total} 步，缩放 {asked}）超出了导出文件的上限（最多 {max_frames} 帧、{max_mpixels} 百万像素，这样一次下载不会拖慢全班）。这个 GIF 保留全部 {total} 步，但缩放由 {asked} 降为 {scale}。",
    ),
    "export.download.help.latex": (
        "LaTeX source (amsmath bmatrix) to paste into lecture notes.",
        "可直接粘贴进讲义的 LaTeX 源码（amsmath 的 bmatrix）。",
    ),
    "export.download.help.csv": (
        "The numbers as comma-separated values, one grid row per line.",
        "以逗号分隔的数值，每行对应网格的一行。",
    ),
    "export.share.title": ("Link to this setting", "本设置的链接"),
    "export.share.explain": (
        "Opening this link shows the same page with the same parameters and language; put it in your lecture notes next to the pictures.",
        "打开这个链接会显示同一页面、同样的参数和语言；可以把它和图片一起放进讲义。",
    ),
    "export.share.no_url": (
        "The address of the app is not known here; copy the parameters after the “?” and append them to the app's address.",
        "这里无法得知应用的地址；请复制“?”之后的参数，接在应用地址后面。",
    ),
    # Notes and captions drawn into exported pictures.
    "export.note.numbers_hidden": (
        "Numbers hidden in “{title}”: its {rows}×{cols} cells are too small to print them legibly.",
        "“{title}”中的数字已隐藏：{rows}×{cols} 的格子太小，无法清楚地印出数字。",
    ),
    "export.title.input": ("Input {rows}×{cols}", "输入 {rows}×{cols}"),
    "export.title.padded_input": ("Padded input {rows}×{cols}", "填充后的输入 {rows}×{cols}"),
    "export.title.kernel": ("Kernel {rows}×{cols}", "卷积核 {rows}×{cols}"),
    "export.title.output": ("Output {rows}×{cols}", "输出 {rows}×{cols}"),
    "export.title.scatter_canvas": (
        "Output before cropping {rows}×{cols}",
        "裁剪前的输出 {rows}×{cols}",
    ),
    "export.caption.stamp": (
        "x[{row},{col}] = {value}: add {value} × kernel to rows {r0}–{r1}, columns {c0}–{c1}",
        "x[{row},{col}] = {value}：把 {value} × 卷积核 加到第 {r0}–{r1} 行、第 {c0}–{c1} 列",
    ),
    "export.caption.cropped": (
        "The pale cells at the border are not part of the output: padding={padding} crops them.",
        "边缘的浅色格子不属于输出：padding={padding} 会把它们裁掉。",
    ),
    "export.title.conv_matrix": ("C ({rows}×{cols}): y = C·x", "C（{rows}×{cols}）：y = C·x"),
    "export.caption.conv_matrix": (
        "Input {size}×{size}, kernel {k}×{k}, stride 1, no padding: each row of C holds the kernel rows, separated by {gap} zero, at the place of one window in the flattened input.",
        "输入 {size}×{size}、卷积核 {k}×{k}、步长 1、无填充：C 的每一行把卷积核的各行（中间隔 {gap} 个零）放在展平后的输入里一个窗口的位置上。",
    ),
    "export.title.overlap": (
        "How many {k}×{k} stamps land on each cell (stride {s})",
        "每个格子被多少个 {k}×{k} 印章覆盖（步长 {s}）",
    ),
    "export.caption.overlap": (
        "All-ones input and kernel: the output counts overlaps. k={k} is not divisible by s={s}, so the counts are uneven: the checkerboard pattern.",
        "输入和卷积核全为 1 时，输出就是重叠次数。k={k} 不能被 s={s} 整除，所以次数不均匀，形成棋盘格图案。",
    ),
    # Errors of the exporters (programming mistakes in a page, shown instead of a file).
    "error.export_not_grid": (
        "A grid needs a non-empty table of numbers with rows and columns; got shape {shape}.",
        "网格需要一个非空、有行有列的数值表；收到的形状是 {shape}。",
    ),
    "error.export_shape_mismatch": (
        "The {name} of a grid have shape {got}, but its values have shape {expected}; they must match cell for cell.",
        "网格的 {name} 形状为 {got}，而数值的形状为 {expected}；两者必须逐格对应。",
    ),
    "error.export_bad_role": (
        "Unknown role “{role}”; use one of {roles}.",
        "未知的角色“{role}”；请使用 {roles} 之一。",
    ),
    "error.export_bad_rectangle": (
        "The highlighted rectangle {rect} does not fit in a {rows}×{cols} grid.",
        "高亮矩形 {rect} 超出了 {rows}×{cols} 的网格。",
    ),
    "error.export_bad_edge": (
        "A connection ends at node {node}, which does not exist (nodes per column: {counts}).",
        "有一条连线连到了不存在的节点 {node}（各列节点数：{counts}）。",
    ),
    "error.export_empty_scene": (
        "A picture needs at least one grid or diagram.",
        "一张图至少要包含一个网格或示意图。",
    ),
    "error.export_empty_animation": (
        "An animation needs at least one frame.",
        "动画至少需要一帧。",
    ),
    "error.export_bad_duration": (
        "Each frame must stay at least 20 ms; got duration_ms={duration_ms}.",
        "每帧至少要停留 20 毫秒；收到的 duration_ms={duration_ms}。",
    ),
    "error.export_bad_scale": (
        "scale={scale} must be a whole number from 1 to {max_scale}.",
        "scale={scale} 必须是 1 到 {max_scale} 之间的整数。",
    ),
    "error.export_latex_not_matrix": (
        "A LaTeX matrix needs a non-empty table with rows and columns; got shape {shape}.",
        "LaTeX 矩阵需要一个非空、有行有列的表；收到的形状是 {shape}。",
    ),
    "error.export_csv_not_grid": (
        "CSV needs a non-empty table with rows and columns; got shape {shape}.",
        "CSV 需要一个非空、有行有列的表；收到的形状是 {shape}。",
    ),
    "error.export_formula_value": (
        "{name}={value} must be a whole number of at least {low}.",
        "{name}={value} 必须是不小于 {low} 的整数。",
    ),
    "error.export_formula_kind": (
        "There is no size formula called “{kind}”; use standard or transposed.",
        "没有名为“{kind}”的尺寸公式；请使用 standard 或 transposed。",
    ),
    "error.export_formula_no_output": (
        "These numbers give an output size of {value}; a convolution needs at least 1.",
        "这组数值得到的输出尺寸是 {value}；卷积的输出至少要有 1。",
    ),
}
