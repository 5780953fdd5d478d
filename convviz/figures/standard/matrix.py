"""The convolution as a matrix: y = C·x, one row of C per window position.

Flatten the input x (H×W) and the output y (H_out×W_out) row by row; row m of C holds the
kernel's weights in the columns of the input cells window m covers, zeros elsewhere (seed
002's 4×16 matrix for i = 4, k = 3). Picking a row (or an output cell) outlines that window.
Builders take the engine's :class:`~convviz.figures.standard.data.MatrixForm`.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.matrix import symbolic_labels
from convviz.figures.common.grid import GridSpec, Highlight, format_number, panels_figure
from convviz.figures.common.matrix_size import (
    MAX_DRAWN_CELLS,
    MAX_SPARSITY_CELLS,
    sparsity_figure,
)
from convviz.figures.common.matrix_window import (
    MatrixWindow,
    crop_spec,
    matrix_window,
    window_title,
)
from convviz.figures.common.panels import signed
from convviz.figures.standard.data import MatrixForm
from convviz.i18n import translate
from convviz.style.palette import SECONDARY_HIGHLIGHT, CellKind

C_PANEL = 0  # the single panel of the C figure
Y_GRID = 1  # the output panel of the grids figure (the input is panel 0)


def columns_name(form: MatrixForm) -> str:
    """What C's columns index: ``"x"`` (the input) or ``"xp"`` (the padded input)."""
    return "xp" if form.on_padded else "x"


def row_cells(form: MatrixForm, m: int) -> list[int]:
    """Columns of C's row ``m`` that hold a tap (the cells window m covers, flat)."""
    c = form.c
    return c.indices[c.indptr[m] : c.indptr[m + 1]].tolist()


def row_text(form: MatrixForm, m: int, kernel_hw: tuple[int, int]) -> str:
    """``"y[0, 1] = w₀₀·x[0, 1] + … = 2·1 + … = 37"``: row m of C applied to the input."""
    c, (_, w), (_, ow) = form.c, form.vector.shape, form.output.shape
    r, col = divmod(m, ow)
    cells = row_cells(form, m)
    if not cells:
        return f"y[{r}, {col}] = 0"
    weights = c.data[c.indptr[m] : c.indptr[m + 1]]
    values = form.vector.ravel()[cells]
    name = columns_name(form)
    parts = []
    if form.taps is not None:
        labels = symbolic_labels(form.taps[m, cells], kernel_hw)
        parts.append(
            " + ".join(
                f"{label}·{name}[{n // w}, {n % w}]" for label, n in zip(labels, cells, strict=True)
            )
        )
    parts.append(
        " + ".join(f"{signed(a)}·{signed(b)}" for a, b in zip(weights, values, strict=True))
    )
    return f"y[{r}, {col}] = " + " = ".join(parts) + f" = {format_number(form.output[r, col])}"


def sparsity(form: MatrixForm) -> tuple[int, int]:
    """(stored taps, all entries) of C."""
    return int(form.c.nnz), int(form.shape[0] * form.shape[1])


def _hover(form: MatrixForm, labels: np.ndarray | None, *, lang: str) -> np.ndarray:
    """Hover of every entry: which output row it belongs to and which cell it reads."""
    dense = form.c.toarray()  # (m, n)
    (_, w), (_, ow) = form.vector.shape, form.output.shape
    name = columns_name(form)
    hover = np.empty(dense.shape, dtype=object)
    for (m, n), value in np.ndenumerate(dense):
        hover[m, n] = translate(
            "standard.matrix.hover",
            lang,
            m=m,
            n=n,
            entry=(labels[m, n] or "0") if labels is not None else format_number(value),
            value=format_number(value),
            yr=m // ow,
            yc=m % ow,
            name=name,
            xr=n // w,
            xc=n % w,
        )
    return hover


def c_spec(
    form: MatrixForm,
    *,
    row: int,
    labels: np.ndarray | None,
    hover: np.ndarray | None = None,
    lang: str,
) -> GridSpec:
    """C as one clickable grid panel, row ``row`` outlined (on screen and in the PNG).

    ``labels`` (m, n) are the texts in the cells (None: the numbers); taps are REAL cells,
    structural zeros OUTSIDE.
    """
    m, n = form.shape
    dense = form.c.toarray()  # (m, n)
    kinds = np.full(dense.shape, CellKind.OUTSIDE, dtype=int)
    kinds[form.c.nonzero()] = CellKind.REAL
    row = min(max(row, 0), m - 1)
    return GridSpec(
        values=dense,
        title=translate("standard.matrix.c_title", lang, m=m, n=n),
        kinds=kinds,
        labels=labels,
        hover=hover,
        highlights=(Highlight(row, 0, row + 1, n),),
        clickable=True,
    )


def tap_labels(form: MatrixForm, kernel_hw: tuple[int, int]) -> np.ndarray | None:
    """Tap names (w₀₁) of C's cells where C is written symbolically ("" for zeros), else None
    (the numbers)."""
    return None if form.taps is None else symbolic_labels(form.taps, kernel_hw, zero="")


def c_texts(form: MatrixForm, kernel_hw: tuple[int, int]) -> np.ndarray:
    """(m, n) texts of C's cells: the tap names ("" for zeros), or the numbers."""
    labels = tap_labels(form, kernel_hw)
    if labels is not None:
        return labels
    dense = form.c.toarray()  # (m, n)
    return np.array([format_number(v) for v in dense.ravel()], dtype=object).reshape(dense.shape)


def c_window(
    form: MatrixForm, kernel_hw: tuple[int, int], *, row_page: int = 0, col_page: int = 0
) -> MatrixWindow:
    """The rows × columns of C on pages ``row_page`` × ``col_page``, its cells holding their
    text at 14 px; pages are whole rows of the output (rows of C) and of the grid C
    multiplies (columns)."""
    return matrix_window(
        form.shape,
        c_texts(form, kernel_hw).ravel(),
        row_page=row_page,
        col_page=col_page,
        units=(form.output.shape[1], form.vector.shape[1]),
    )


def c_figure(
    form: MatrixForm,
    *,
    row: int,
    kernel_hw: tuple[int, int],
    lang: str,
    window: MatrixWindow | None = None,
) -> tuple[go.Figure | None, str]:
    """C with row ``row`` outlined, rows clickable, one ``window`` of it (default: the first).

    Returns
    -------
    figure : go.Figure or None
        None when C has more than ``MAX_SPARSITY_CELLS`` entries. A click's ``customdata``
        row and column count from the window's first row and column.
    drawn : {"symbols", "numbers", "sparsity", "none"}
        What the cells show: tap names (w₀₁) where C is small enough to be written
        symbolically, else numbers, both at 14 px in the window's cells; a plain sparsity
        picture (of all of C) above ``MAX_DRAWN_CELLS`` entries, nothing above
        ``MAX_SPARSITY_CELLS``.
    """
    m, n = form.shape
    title = translate("standard.matrix.c_title", lang, m=m, n=n)
    if m * n > MAX_SPARSITY_CELLS:
        return None, "none"
    if m * n > MAX_DRAWN_CELLS:
        return sparsity_figure(form.c.toarray(), title=title), "sparsity"
    window = window or c_window(form, kernel_hw)
    labels = tap_labels(form, kernel_hw)
    spec = c_spec(form, row=row, labels=labels, hover=_hover(form, labels, lang=lang), lang=lang)
    if window.paged:
        named = window_title(title, window, lang=lang)
        spec = crop_spec(spec, window.rows, window.cols, title=named)
    return panels_figure([spec], px=window.px), "numbers" if labels is None else "symbols"


def grids_figure(form: MatrixForm, *, row: int, lang: str) -> go.Figure:
    """The grid C multiplies (input or padded input) and the output; window ``row`` outlined.

    The output is clickable: a click picks that cell's row of C.
    """
    (hv, wv), (oh, ow) = form.vector.shape, form.output.shape
    row = min(max(row, 0), oh * ow - 1)
    r, c = divmod(row, ow)
    cells = row_cells(form, row)
    lights = tuple(
        Highlight(n // wv, n % wv, n // wv + 1, n % wv + 1, colour=SECONDARY_HIGHLIGHT)
        for n in cells
    )
    key = "standard.matrix.padded_title" if form.on_padded else "standard.matrix.x_title"
    return panels_figure(
        [
            GridSpec(
                values=form.vector,
                title=translate(key, lang, rows=hv, cols=wv),
                role="input",
                highlights=lights,
            ),
            GridSpec(
                values=form.output,
                title=translate("standard.matrix.y_title", lang, rows=oh, cols=ow),
                role="output",
                highlights=(Highlight(r, c, r + 1, c + 1),),
                clickable=True,
            ),
        ],
        operators=("C →",),
    )
