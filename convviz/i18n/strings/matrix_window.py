"""Text of a large matrix (C, Cᵀ) shown a window at a time: its pickers, titles and notes.

Rows and columns are counted from 0, as everywhere else on the matrix tabs ("row 4 of C")."""

STRINGS = {
    "matrix_window.rows": ("Rows shown", "显示的行"),
    "matrix_window.cols": ("Columns shown", "显示的列"),
    "matrix_window.rows_page": (
        "rows {start}–{stop} of 0–{last}",
        "第 {start}–{stop} 行（共 0–{last} 行）",
    ),
    "matrix_window.cols_page": (
        "columns {start}–{stop} of 0–{last}",
        "第 {start}–{stop} 列（共 0–{last} 列）",
    ),
    "matrix_window.title": (
        "{name}, rows {r0}–{r1}, columns {c0}–{c1}",
        "{name}，第 {r0}–{r1} 行、第 {c0}–{c1} 列",
    ),
    "matrix_window.note": (
        "{name} ({m}×{n}) is shown a window at a time so that its entries stay readable: pick "
        "its rows and columns on the sliders. Clicking a row (or an output cell) turns to its page; "
        "the downloads hold the whole matrix.",
        "{name}（{m}×{n}）每次只显示一个窗口，以便看清每个元素：用滑块选择行和列。点击一行"
        "（或一个输出格）会翻到它所在的页；下载的文件包含整个矩阵。",
    ),
    "matrix_window.partial_sum": (
        "Only columns {c0}–{c1} of Cᵀ are shown: y also adds the columns outside the window "
        "(the line under the grids writes the picked row out in full).",
        "这里只显示 Cᵀ 的第 {c0}–{c1} 列：y 还要加上窗口外各列的贡献（网格下方那一行写出了所选行的完整算式）。",
    ),
    "matrix_window.forward_part": (
        "C shows columns {c0}–{c1} (of 0–{last}), the block of output rows that holds the "
        "picked cell: rows {r0}–{r1} of Cᵀ, shown above, would make it wider than the screen. "
        "Pick a row of Cᵀ outside the block to see its column.",
        "C 只显示第 {c0}–{c1} 列（共 0–{last} 列），即所选输出格所在的那几行输出：把上面 Cᵀ 的第 "
        "{r0}–{r1} 行全部画出会比屏幕还宽。在 Cᵀ 中选第 {c0}–{c1} 行之外的一行，就能看到它对应的列。",
    ),
}
