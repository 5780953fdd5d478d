"""The matrix form of a transposed convolution: y = Cᵀ·x, with C the matrix of the forward
convolution it is the transpose of.

Flatten the transposed convolution's output y (o×o) and input x (i×i) row by row. The forward
convolution with the same kernel, stride, padding and dilation maps o×o to i×i: ``x' = C·y``
with C of shape (i², o²), one row per window. The transposed convolution multiplies by the
transpose instead: ``y = Cᵀ·x``, shape (o², i²). Row q of Cᵀ says which inputs reach output
cell q and through which weight — the same entries as column q of C. Builders here are pure.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.grid import GridSpec, Highlight, format_number, panels_figure
from convviz.figures.common.matrix_size import (
    MAX_DRAWN_CELLS,
    MAX_SPARSITY_CELLS,
    sparsity_figure,
)
from convviz.figures.common.matrix_window import (
    PANEL_GAP,
    MatrixWindow,
    crop_spec,
    fitting_cells,
    matrix_window,
    page_of,
    page_size,
    window_title,
)
from convviz.figures.common.panels import signed
from convviz.i18n import translate
from convviz.style.palette import (
    SECONDARY_HIGHLIGHT,
    CellKind,
)

CT, YVEC = 0, 2  # panels of the Cᵀ·x = y figure (x is panel 1)
CT_OPERATORS = ("·", "=")  # between Cᵀ, x and y
Y_GRID = 1  # the output panel of the grid figure (the input is panel 0)


@dataclass(frozen=True)
class MatrixData:
    """C of the forward convolution and the vectors of y = Cᵀ·x.

    Attributes
    ----------
    c : np.ndarray
        (m, n) dense C with n = o² (the transposed output, flattened) and m = i'² rows, one per
        forward window; i' = i unless output_padding ≥ stride (then i' > i).
    labels : np.ndarray
        (m, n) object: the symbolic entry (``"w₀₁"``) of every non-zero position, "" elsewhere.
    x : np.ndarray
        (i', i') the input, extended with zero rows / columns at the bottom / right when i' > i.
    y : np.ndarray
        (o, o) the transposed convolution's output, ``(Cᵀ @ x.ravel()).reshape(o, o)``.
    input_size : int
        i, the side of the real input.
    """

    c: np.ndarray
    labels: np.ndarray
    x: np.ndarray
    y: np.ndarray
    input_size: int

    @property
    def output_size(self) -> int:
        return self.y.shape[0]

    @property
    def forward_size(self) -> int:
        return self.x.shape[0]


def cell_of(index: int, size: int) -> tuple[int, int]:
    """Row-major position (r, c) of flat ``index`` in a size×size grid."""
    return divmod(int(index), size)


def contributors(data: MatrixData, q: int) -> list[int]:
    """Flat input indices m with Cᵀ[q, m] ≠ 0: the inputs that reach output cell q."""
    return np.flatnonzero(data.c[:, q]).tolist()


def row_text(data: MatrixData, q: int) -> str:
    """``"y[1,2] = w₀₁·x[0,1] + … = 5·2 + … = 17"``: row q of Cᵀ applied to x."""
    o, n = data.output_size, data.forward_size
    r, c = cell_of(q, o)
    used = contributors(data, q)
    if not used:
        return f"y[{r},{c}] = 0"
    names = " + ".join(f"{data.labels[m, q]}·x[{m // n},{m % n}]" for m in used)
    numbers = " + ".join(f"{signed(data.c[m, q])}·{signed(data.x.ravel()[m])}" for m in used)
    return f"y[{r},{c}] = {names} = {numbers} = {format_number(data.y[r, c])}"


def density(data: MatrixData) -> tuple[int, int]:
    """(non-zero entries, all entries) of C."""
    return int(np.count_nonzero(data.c)), int(data.c.size)


def _kinds(matrix: np.ndarray) -> np.ndarray:
    return np.where(matrix != 0, CellKind.REAL, CellKind.OUTSIDE)


def _entry_hover(data: MatrixData, *, transpose: bool, lang: str) -> np.ndarray:
    """Hover of every entry of C (or Cᵀ): its symbol, value and the cells it links."""
    o, n = data.output_size, data.forward_size
    m_idx, q_idx = np.indices(data.c.shape)  # (m, n) each
    hover = np.empty(data.c.shape, dtype=object)
    for (m, q), value in np.ndenumerate(data.c):
        rx, cx = divmod(int(m_idx[m, q]), n)
        ry, cy = divmod(int(q_idx[m, q]), o)
        key = "transposed.matrix.hover_entry" if value else "transposed.matrix.hover_zero"
        hover[m, q] = translate(
            key,
            lang,
            name=data.labels[m, q],
            value=format_number(value),
            xr=rx,
            xc=cx,
            yr=ry,
            yc=cy,
        )
    return hover.T if transpose else hover


def c_figure(
    data: MatrixData, *, q: int | None, lang: str, window: MatrixWindow | None = None
) -> go.Figure | None:
    """C (i'² × o²) of the forward convolution, column ``q`` outlined; None if too large.

    Returns
    -------
    go.Figure or None
        One panel, cells coloured by weight, zeros in a pale fill, symbols (w₀₀ …) at 14 px;
        a plain sparsity picture beyond :data:`MAX_DRAWN_CELLS`. Under a ``window`` of Cᵀ
        (:func:`ct_window`, default: its first page) the part drawn is :func:`forward_part`.
    """
    m, n = data.c.shape
    title = translate("transposed.matrix.c_title", lang, m=m, n=n)
    if m * n > MAX_SPARSITY_CELLS:
        return None
    if m * n > MAX_DRAWN_CELLS:
        return sparsity_figure(data.c, title=title)
    window = window or ct_window(data)
    spec = GridSpec(
        values=data.c,
        role="other",
        kinds=_kinds(data.c),
        labels=data.labels,
        hover=_entry_hover(data, transpose=False, lang=lang),
        highlights=() if q is None else (Highlight(0, q, m, q + 1),),
        title=title,
    )
    part = forward_part(window, q, output_size=data.output_size)
    if part.shape != (m, n):
        spec = crop_spec(spec, part.rows, part.cols, title=window_title(title, part, lang=lang))
    return panels_figure([spec], px=window.px)


def forward_part(window: MatrixWindow, q: int | None, *, output_size: int) -> MatrixWindow:
    """The part of C drawn under a ``window`` of Cᵀ: that window transposed, its columns
    (Cᵀ's rows, o² of them) cut to whole output rows that fit the width — the ones holding
    column ``q`` when the window does.

    A window of Cᵀ may be taller (up to
    :data:`~convviz.figures.common.matrix_window.WINDOW_HEIGHT_PX`) than C may be wide.
    """
    (r0, r1), fit = window.rows, fitting_cells(window.px)[1]
    if r1 - r0 > fit:
        size = page_size(r1 - r0, fit, unit=output_size)
        inside = q is not None and r0 <= q < r1
        r0 += page_of(q - r0, size, r1 - r0) * size if inside else 0
        r1 = min(r0 + size, r1)
    return MatrixWindow(rows=window.cols, cols=(r0, r1), px=window.px)


def ct_specs(
    data: MatrixData, *, q: int | None, show: bool, hover: bool = True, lang: str
) -> list[GridSpec]:
    """The panels Cᵀ (o² × i'²), x (i'² × 1), y (o² × 1); row ``q`` and its inputs outlined.

    ``show`` puts the symbols (w₀₀ …) in Cᵀ and the numbers in x and y; ``hover`` adds the
    hover texts (on screen only). Cᵀ and y are clickable.
    """
    ct = data.c.T  # (o², i'²)
    rows, cols = ct.shape
    x_col = data.x.reshape(-1, 1)  # (i'², 1)
    y_col = data.y.reshape(-1, 1)  # (o², 1)
    ct_lights, x_lights, y_lights = [], [], []
    if q is not None:
        ct_lights.append(Highlight(q, 0, q + 1, cols))
        y_lights.append(Highlight(q, 0, q + 1, 1))
        x_lights += [
            Highlight(m, 0, m + 1, 1, colour=SECONDARY_HIGHLIGHT) for m in contributors(data, q)
        ]
    n, o = data.forward_size, data.output_size
    x_hover = y_hover = ct_hover = None
    if hover:
        ct_hover = _entry_hover(data, transpose=True, lang=lang)
        x_hover = np.array(
            [[f"x[{m // n},{m % n}] = {format_number(v)}"] for m, v in enumerate(x_col[:, 0])],
            dtype=object,
        )
        y_hover = np.array(
            [[f"y[{q_ // o},{q_ % o}] = {format_number(v)}"] for q_, v in enumerate(y_col[:, 0])],
            dtype=object,
        )
    return [
        GridSpec(
            values=ct,
            role="other",
            kinds=_kinds(ct),
            labels=data.labels.T if show else np.full(ct.shape, ""),
            hover=ct_hover,
            highlights=ct_lights,
            title=translate("transposed.matrix.ct_title", lang, m=rows, n=cols),
            clickable=True,
        ),
        GridSpec(
            values=x_col,
            role="input",
            highlights=x_lights,
            hover=x_hover,
            labels=None if show else np.full(x_col.shape, ""),
            title=translate("transposed.matrix.x_title", lang),
        ),
        GridSpec(
            values=y_col,
            role="output",
            highlights=y_lights,
            hover=y_hover,
            labels=None if show else np.full(y_col.shape, ""),
            title=translate("transposed.matrix.y_title", lang),
            clickable=True,
        ),
    ]


CT_EXTRA_COLUMNS = 2 + 2 * PANEL_GAP  # beside Cᵀ: the columns x and y and two gaps


def ct_window(data: MatrixData, *, row_page: int = 0, col_page: int = 0) -> MatrixWindow:
    """The rows × columns of Cᵀ on pages ``row_page`` × ``col_page``: its symbols and the
    numbers of x and y at 14 px, Cᵀ·x = y within the window's width; pages are whole rows of
    the output (rows of Cᵀ) and of the input (columns)."""
    texts = [*np.unique(data.labels), *map(format_number, data.x.ravel())]
    texts += [format_number(v) for v in data.y.ravel()]
    return matrix_window(
        data.c.T.shape,
        texts,
        row_page=row_page,
        col_page=col_page,
        units=(data.output_size, data.forward_size),
        extra_cols=CT_EXTRA_COLUMNS,
    )


def ct_figure(
    data: MatrixData, *, q: int | None, lang: str, window: MatrixWindow | None = None
) -> go.Figure | None:
    """Cᵀ · x = y with x and y as column vectors; row ``q`` and its inputs outlined.

    Returns
    -------
    go.Figure or None
        The panels of :func:`ct_specs`, cut to ``window`` (default: the first page of
        :func:`ct_window`): rows of Cᵀ and y, columns of Cᵀ and rows of x. A click on Cᵀ or
        y picks that row (counted from the window's first row). None when Cᵀ is larger
        than :data:`MAX_DRAWN_CELLS`.
    """
    rows, cols = data.c.T.shape
    if rows * cols > MAX_DRAWN_CELLS:
        return None
    window = window or ct_window(data)
    specs = ct_specs(data, q=q, show=True, lang=lang)
    if window.paged:
        ct, x_col, y_col = specs
        title = window_title(ct.title, window, lang=lang)
        specs = [
            crop_spec(ct, window.rows, window.cols, title=title),
            crop_spec(x_col, window.cols, (0, 1)),
            crop_spec(y_col, window.rows, (0, 1)),
        ]
    return panels_figure(specs, operators=CT_OPERATORS, px=window.px)


def grids_figure(data: MatrixData, *, q: int | None, lang: str) -> go.Figure:
    """The input x and the output y as grids; the picked output cell and its inputs outlined.

    The output grid is clickable (a click picks that output cell).
    """
    i, o = data.input_size, data.output_size
    n = data.forward_size
    x_lights, y_lights = [], []
    if q is not None:
        r, c = cell_of(q, o)
        y_lights.append(Highlight(r, c, r + 1, c + 1))
        for m in contributors(data, q):
            rx, cx = cell_of(m, n)
            if rx < i and cx < i:
                x_lights.append(Highlight(rx, cx, rx + 1, cx + 1, colour=SECONDARY_HIGHLIGHT))
    specs = [
        GridSpec(
            values=data.x[:i, :i],
            role="input",
            highlights=x_lights,
            title=translate("transposed.matrix.x_grid_title", lang, i=i),
        ),
        GridSpec(
            values=data.y,
            role="output",
            highlights=y_lights,
            clickable=True,
            title=translate("transposed.matrix.y_grid_title", lang, o=o),
        ),
    ]
    # Cᵀ is named in y's title, not in the sign: "Cᵀ →" ran into y's first column once the
    # cells were small (the gap between panels is 1.6 columns)
    return panels_figure(specs, operators=("→",))
