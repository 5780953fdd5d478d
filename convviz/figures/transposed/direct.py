"""The direct form of a transposed convolution: zero insertion, border padding, the
180°-flipped kernel and an ordinary stride-1 convolution, drawn step by step.

A transposed convolution with stride s, padding p, output_padding a and dilation d equals:
insert s − 1 zeros between neighbouring input values, pad b = d(k − 1) − p zeros on the top /
left and b + a on the bottom / right (a negative amount crops instead), rotate the kernel by
180° and slide it with stride 1 (taps d apart). Most of the products then hit inserted zeros,
which is why libraries compute the scatter-add form instead; this form shows *why* the shape
comes out as it does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import plotly.graph_objects as go

from convviz.engine.arithmetic_text import format_cell
from convviz.engine.sizes import effective_kernel_size
from convviz.engine.trace import WindowTrace
from convviz.figures.common.animation import add_play_controls, reserve_below, unchecked_frame
from convviz.figures.common.fit import WRAP_PX, caption_columns, caption_lines, caption_room
from convviz.figures.common.grid import (
    MAX_NUMBERED_CELLS,
    GridSpec,
    format_number,
    panel_trace_indices,
    panels_figure,
)
from convviz.figures.common.hover import hover_payload, link, window_rects
from convviz.figures.common.panels import (
    backdrop,
    caption_trace,
    fits_animation,
    line_trace,
    marker_trace,
    named_values,
    outline,
    panel_px,
    values_update,
    weight_labels,
)
from convviz.i18n import translate
from convviz.style.palette import CellKind

GRID, OUTPUT = 0, 2  # panels of the direct-form figure (the flipped kernel is panel 1)
MAX_FULL_TERMS = 9  # products written out in full (zeros included) up to a 3×3 kernel
MAX_CAPTION_TERMS = 12  # products in a step caption (the pinned cell's sum shows them all)


@dataclass(frozen=True)
class DirectData:
    """The lowered grid and the stride-1 window trace over it.

    Attributes
    ----------
    grid : np.ndarray
        (H_g, W_g) the zero-inserted, padded input; H_g = (i − 1)s + 1 + 2b + a with
        b = d(k − 1) − p.
    kinds : np.ndarray
        (H_g, W_g) CellKind: REAL input values, INSERTED_ZERO, BORDER_PAD, OUTPUT_PAD.
    source : np.ndarray
        (H_g, W_g, 2) int: the input cell (r, c) a REAL grid cell holds, −1 elsewhere.
    kernel : np.ndarray
        (k, k) the original weights.
    flipped : np.ndarray
        (k, k) the weights rotated by 180°: ``flipped[a, b] = kernel[k−1−a, k−1−b]``.
    trace : WindowTrace
        The engine's stride-1 trace of ``grid`` with ``flipped`` (dilation d): ``rows`` /
        ``cols`` (grid cell under tap (a, b) of output (r, c)), ``values`` and ``products``
        (value × flipped weight), (o, o, k, k) each.
    sums : np.ndarray
        (o, o): the output.
    dilation, border : int
        d, and b = d(k − 1) − p (negative: that many cells are cropped instead).
    """

    grid: np.ndarray
    kinds: np.ndarray
    source: np.ndarray
    kernel: np.ndarray
    flipped: np.ndarray
    trace: WindowTrace
    sums: np.ndarray
    dilation: int
    border: int


def products_text(
    data: DirectData, r: int, c: int, *, full: bool | None = None, limit: int | None = None
) -> str:
    """``"0·7 + 2·5 + … = 25"``: grid value · flipped weight for every tap of output (r, c).

    With ``full`` (default: kernels of at most :data:`MAX_FULL_TERMS` taps) every product is
    written, zeros included; otherwise only the taps on non-zero cells (see :func:`zero_taps`
    for how many were left out). At most ``limit`` products are written (then "…"). The text
    is the engine's ``format_cell``.
    """
    full = data.flipped.size <= MAX_FULL_TERMS if full is None else full
    values = data.trace.values[r, c]
    count = values.size if full else int(np.count_nonzero(values))
    max_terms = None if limit is None or count <= limit else limit - 1
    return format_cell(data.trace, (r, c), max_terms=max_terms, nonzero_only=not full)


def zero_taps(data: DirectData, r: int, c: int) -> int:
    """How many taps of output (r, c) land on a zero cell that is not an input value."""
    rows, cols = data.trace.rows[r, c].ravel(), data.trace.cols[r, c].ravel()
    return int(np.count_nonzero(data.kinds[rows, cols] != CellKind.REAL))


def _grid_hover(data: DirectData, *, lang: str) -> np.ndarray:
    """What each grid cell is; on large grids only the input values say so (lighter chart)."""
    large = data.grid.size > MAX_NUMBERED_CELLS
    names = {
        CellKind.INSERTED_ZERO: translate("transposed.direct.hover_inserted", lang),
        CellKind.BORDER_PAD: translate("transposed.direct.hover_border", lang),
        CellKind.OUTPUT_PAD: translate("transposed.direct.hover_output_pad", lang),
    }
    hover = np.empty(data.grid.shape, dtype=object)
    for kind, text in names.items():
        hover[data.kinds == kind] = "" if large else text
    for u, v in zip(*np.nonzero(data.kinds == CellKind.REAL), strict=True):
        r, c = data.source[u, v]
        hover[u, v] = f"x[{r},{c}] = {format_number(data.grid[u, v])}"
    return hover


def _output_hover(data: DirectData, *, lang: str) -> np.ndarray:
    o = data.sums.shape[0]
    hover = np.empty((o, o), dtype=object)
    taps = data.flipped.size
    for r in range(o):
        for c in range(o):
            hover[r, c] = (
                f"y[{r},{c}] = "
                + products_text(data, r, c, full=False, limit=MAX_CAPTION_TERMS)
                + "<br>"
                + translate(
                    "transposed.direct.hover_zero_taps",
                    lang,
                    zeros=zero_taps(data, r, c),
                    taps=taps,
                )
            )
    return hover


def direct_specs(data: DirectData, output: np.ndarray, *, lang: str) -> list[GridSpec]:
    """Panels zero-inserted grid ⊛ flipped kernel = output (``output`` = the values shown)."""
    k = data.kernel.shape[0]
    n, o = data.grid.shape[0], data.sums.shape[0]
    real = data.kinds == CellKind.REAL
    lo, hi = (float(data.grid[real].min()), float(data.grid[real].max())) if real.any() else (0, 1)
    names = weight_labels(k, flipped=True)  # (k, k)
    flip_hover = np.empty((k, k), dtype=object)
    for a in range(k):
        for b in range(k):
            flip_hover[a, b] = translate(
                "transposed.direct.hover_flipped",
                lang,
                a=a,
                b=b,
                name=names[a, b],
                value=format_number(data.flipped[a, b]),
            )
    return [
        GridSpec(
            values=data.grid,
            role="input",
            kinds=data.kinds,
            hover=_grid_hover(data, lang=lang),
            title=translate("transposed.direct.grid_title", lang, n=n),
            value_range=(lo, hi),
        ),
        GridSpec(
            values=data.flipped,
            role="kernel",
            hover=flip_hover,
            title=translate("transposed.direct.flipped_title", lang, k=k),
        ),
        GridSpec(
            values=output,
            role="output",
            hover=_output_hover(data, lang=lang),
            title=translate("transposed.direct.output_title", lang, o=o),
            value_range=(float(data.sums.min()), float(data.sums.max())),
            clickable=True,
        ),
    ]


def direct_caption(data: DirectData, r: int, c: int, *, lang: str) -> str:
    """Caption of one step: the products and sum, then how many taps hit zeros."""
    return (
        f"y[{r},{c}] = "
        + products_text(data, r, c, limit=MAX_CAPTION_TERMS)
        + "<br>"
        + translate(
            "transposed.direct.hover_zero_taps",
            lang,
            zeros=zero_taps(data, r, c),
            taps=data.flipped.size,
        )
    )


def _direct_step(data: DirectData, r: int, c: int, *, lang: str, columns: int) -> list[dict]:
    """Step traces: window outline, taps, output cell outline, caption (lines of at most
    ``columns``)."""
    reach = effective_kernel_size(data.kernel.shape[0], data.dilation)
    r0, c0 = int(data.trace.rows[r, c, 0, 0]), int(data.trace.cols[r, c, 0, 0])
    wx, wy = outline(r0, c0, r0 + reach, c0 + reach)
    ox, oy = outline(r, c, r + 1, c + 1)
    dilated = data.dilation > 1  # with d = 1 the outline already shows every tap
    taps_x = data.trace.cols[r, c].ravel().tolist() if dilated else []
    taps_y = data.trace.rows[r, c].ravel().tolist() if dilated else []
    return [
        {"type": "scatter", "x": wx, "y": wy},
        {"type": "scatter", "x": taps_x, "y": taps_y},
        {"type": "scatter", "x": ox, "y": oy},
        {
            "type": "scatter",
            "text": [caption_lines(direct_caption(data, r, c, lang=lang), columns)],
        },
    ]


def direct_figure(
    data: DirectData,
    *,
    lang: str,
    pin: tuple[int, int] = (0, 0),
    animate: bool = True,
    specs: list[GridSpec] | None = None,
) -> go.Figure:
    """The flipped kernel sliding with stride 1 over the zero-inserted grid.

    Parameters
    ----------
    data : DirectData
    lang : {"en", "zh"}
    pin : (int, int)
        Output cell shown first (a clicked cell).
    animate : bool
        One client-side frame per output cell (row-major, named ``"y[r,c]"``) with play /
        pause and a step slider, when :func:`fits_animation` allows it. The output fills in
        cell by cell while that stays light, else it is shown whole and only the window moves.
    specs : list of GridSpec, optional
        ``direct_specs(data, data.sums, lang=lang)`` when the caller has them (their hover
        texts write out every cell's products: the slow part); the output panel then shows
        what this figure shows first.

    Returns
    -------
    go.Figure
        Panels grid ⊛ flipped kernel = output; inserted zeros, border padding and
        output_padding cells in their kind fills; the window (k̂×k̂) outlined, its taps marked,
        the products and the sum as the caption; hovering an output cell shows its sum.

    Notes
    -----
    Grid side (i − 1)s + 1 + 2(d(k − 1) − p) + a; output o = grid − d(k − 1).
    """
    o = data.sums.shape[0]
    cells = [(r, c) for r in range(o) for c in range(o)]
    pin = pin if 0 <= pin[0] < o and 0 <= pin[1] < o else (0, 0)
    start = pin[0] * o + pin[1]
    animate = animate and fits_animation(len(cells), 1)
    fill = animate and fits_animation(len(cells), o * o)
    shown = data.sums
    if fill:
        shown = np.where(np.arange(o * o).reshape(o, o) <= start, data.sums, np.nan)
    if specs is None:
        specs = direct_specs(data, shown, lang=lang)
    else:
        specs = [*specs[:OUTPUT], replace(specs[OUTPUT], values=shown)]
    fig = panels_figure(
        specs, operators=("⊛", "="), shapes_below=backdrop(OUTPUT, o, o), wrap_px=WRAP_PX
    )
    columns = caption_columns(fig.layout.width)
    px = panel_px(specs)
    first = _direct_step(data, *pin, lang=lang, columns=columns)
    base = len(fig.data)
    fig.add_traces(
        [
            line_trace(first[0]["x"], first[0]["y"], panel=GRID),
            marker_trace(first[1]["x"], first[1]["y"], panel=GRID, px=px),
            line_trace(first[2]["x"], first[2]["y"], panel=OUTPUT),
            caption_trace(first[3]["text"][0], fig=fig),
        ]
    )
    if not animate:
        reserve_below(fig, caption_room([first[3]["text"][0]]))
        return fig
    heat, text = panel_trace_indices(specs)[OUTPUT]
    moves = [_direct_step(data, r, c, lang=lang, columns=columns) for r, c in cells]
    reserve_below(fig, caption_room([m[3]["text"][0] for m in moves]))
    frames = []
    for n, ((r, c), move) in enumerate(zip(cells, moves, strict=True)):
        step = move
        traces = list(range(base, base + 4))
        if fill:
            values = np.where(np.arange(o * o).reshape(o, o) <= n, data.sums, np.nan)
            step = [*values_update(specs[OUTPUT], values), *step]
            traces = [heat, text, *traces]
        frames.append(unchecked_frame(f"y[{r},{c}]", step, traces))
    return add_play_controls(fig, frames, lang=lang, active=start)


def flip_figure(kernel: np.ndarray, flipped: np.ndarray, *, lang: str) -> go.Figure:
    """The original kernel → its 180° rotation, each cell named (w₀₀ …) and valued.

    Parameters
    ----------
    kernel, flipped : np.ndarray
        (k, k) weights and their 180° rotation.

    Returns
    -------
    go.Figure
        Two panels joined by "↻ 180°"; names are printed up to k = 4, hovered always.
    """
    k = kernel.shape[0]
    lo, hi = float(kernel.min()), float(kernel.max())
    specs = []
    for values, is_flipped, title in ((kernel, False, "original"), (flipped, True, "rotated")):
        names = weight_labels(k, flipped=is_flipped)
        numbers = np.vectorize(format_number, otypes=[object])(values)  # (k, k)
        specs.append(
            GridSpec(
                values=values,
                role="kernel",
                labels=named_values(values, flipped=is_flipped),
                hover=names + " = " + numbers,
                title=translate(f"transposed.direct.{title}_title", lang),
                value_range=(lo, hi),
            )
        )
    return panels_figure(specs, operators=("↻ 180°",))


def direct_hover(
    data: DirectData, *, pin: tuple[int, int], lang: str, specs: list[GridSpec] | None = None
) -> dict:
    """The hover view of the direct form: hovering output cell (r, c) outlines its window on the
    zero-inserted grid (each tap on its own when dilated) and the cell, and writes out every
    product (zeros included) and the sum, from the engine's trace.

    Returns
    -------
    dict
        :func:`~convviz.figures.common.hover.hover_payload` with the output as source panel;
        its panels are ``specs`` when given (``direct_specs(data, data.sums, lang=lang)``).
    """
    o = data.sums.shape[0]
    links = [
        link(
            [
                *window_rects(data.trace, (r, c), panel=GRID, per_tap=data.dilation > 1),
                (OUTPUT, r, c, r + 1, c + 1),
            ],
            f"y[{r},{c}] = " + products_text(data, r, c, full=True),
        )
        for r in range(o)
        for c in range(o)
    ]
    return hover_payload(
        direct_specs(data, data.sums, lang=lang) if specs is None else specs,
        operators=("⊛", "="),
        source=OUTPUT,
        links=links,
        pinned=pin,
        hint=translate("common.hover_output_hint", lang),
    )
