"""The dilated window sliding over the padded input, with the cells it samples, the products
and the sum of every output cell (the kernel itself is drawn by
:mod:`convviz.figures.dilated.kernel`). Builders here are pure (engine results and ``lang`` in,
figure out); :mod:`convviz.figures.dilated.views` feeds them.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.arithmetic_text import format_cell
from convviz.engine.trace import WindowTrace
from convviz.figures.common.animation import (
    BUTTON_ROW_PX,
    attach_frames,
    play_controls,
    unchecked_frame,
)
from convviz.figures.common.fit import WRAP_PX, caption_columns, caption_lines, caption_room
from convviz.figures.common.grid import GridSpec, cell_px, format_number, panels_figure
from convviz.figures.common.hover import hover_payload, link, window_rects
from convviz.figures.common.layout_set import merged, set_layout
from convviz.figures.common.panels import caption_trace, outline
from convviz.figures.dilated.kernel import dilated_kernel_cells, dilated_kernel_hover
from convviz.i18n import translate
from convviz.style.palette import HIGHLIGHT, HIGHLIGHT_FILL, HIGHLIGHT_WIDTH, CellKind

MAX_CAPTION_TERMS = 9  # products spelled out in a frame caption; hover and pin show them all
INPUT, KERNEL, OUTPUT = 0, 1, 2  # panels of the window figure


def read_counts(trace: WindowTrace, padded_shape: tuple[int, int]) -> np.ndarray:
    """How many windows read each cell of the padded input (the engine's
    ``WindowTrace.read_counts``); int array of ``padded_shape``."""
    return trace.read_counts().reshape(padded_shape)  # (H + 2p, W + 2p)


def products_text(
    trace: WindowTrace,
    weights: np.ndarray,
    r: int,
    c: int,
    *,
    limit: int | None = None,
    max_chars: int | None = None,
) -> str:
    """``"1·1 + 3·1 + … = 9"`` for output cell (r, c): value·weight for every tap, and the sum.

    At most ``limit`` products are spelled out (the "…" counting as one), and fewer if the
    text would be longer than ``max_chars``; the sum is always the full one. The text is the
    engine's ``format_cell`` of ``trace``, whose kernel is ``weights`` (k, k).
    """
    taps = weights.size
    shown = taps if limit is None else min(limit, taps)
    while True:
        max_terms = None if shown >= taps else max(shown - 1, 1)
        text = format_cell(trace, (r, c), max_terms=max_terms)
        if max_chars is None or len(text) <= max_chars or shown <= 2:
            return text
        shown -= 1


def _input_spec(padded: np.ndarray, counts: np.ndarray, *, padding: int, lang: str) -> GridSpec:
    """The padded input: padding cells in the border colour, cells no window reads greyed out."""
    n_rows, n_cols = padded.shape
    kinds = np.full(padded.shape, CellKind.REAL, dtype=int)  # (H + 2p, W + 2p)
    inner = np.zeros(padded.shape, dtype=bool)
    inner[padding : n_rows - padding, padding : n_cols - padding] = True
    kinds[~inner] = CellKind.BORDER_PAD
    kinds[inner & (counts == 0)] = CellKind.OUTSIDE
    hover = np.empty(padded.shape, dtype=object)
    for r in range(n_rows):
        for c in range(n_cols):
            if inner[r, c]:
                hover[r, c] = translate(
                    "dilated.window.hover_input",
                    lang,
                    r=r - padding,
                    c=c - padding,
                    value=format_number(padded[r, c]),
                    count=int(counts[r, c]),
                )
            else:
                hover[r, c] = translate("dilated.window.hover_pad", lang, count=int(counts[r, c]))
    return GridSpec(
        values=padded,
        title=translate("dilated.window.input_title", lang, n=n_rows, p=padding),
        role="input",
        kinds=kinds,
        hover=hover,
        value_range=_range(padded[inner]),
        clickable=True,
    )


def _range(values: np.ndarray) -> tuple[float, float] | None:
    return (float(values.min()), float(values.max())) if values.size else None


def window_specs(
    padded: np.ndarray,
    kernel: np.ndarray,
    dilated: np.ndarray,
    trace: WindowTrace,
    *,
    padding: int,
    dilation: int,
    lang: str,
) -> list[GridSpec]:
    """The three panels of the window figure: padded input ⊛ dilated kernel = output."""
    counts = read_counts(trace, padded.shape)
    kinds, _ = dilated_kernel_cells(kernel, dilation)  # (k̂, k̂)
    labels = np.full(dilated.shape, "", dtype=object)
    labels[::dilation, ::dilation] = np.vectorize(format_number, otypes=[object])(kernel)
    hover = dilated_kernel_hover(kernel, dilation, lang=lang)
    out_h, out_w = trace.sums.shape
    out_hover = np.empty((out_h, out_w), dtype=object)
    for r in range(out_h):
        for c in range(out_w):
            out_hover[r, c] = (
                translate("dilated.window.hover_output", lang, r=r, c=c, sum="")
                + "<br>"
                + products_text(trace, kernel, r, c).replace(" + ", " +<br>", 0)
            )
    return [
        _input_spec(padded, counts, padding=padding, lang=lang),
        GridSpec(
            values=dilated,
            title=translate("dilated.window.kernel_title", lang, d=dilation),
            role="kernel",
            kinds=kinds,
            labels=labels,
            hover=hover,
            value_range=_range(kernel),
        ),
        GridSpec(
            values=trace.sums,
            title=translate("dilated.window.output_title", lang, o=out_h),
            role="output",
            hover=out_hover,
            clickable=True,
        ),
    ]


def _step_traces(
    trace: WindowTrace,
    kernel: np.ndarray,
    r: int,
    c: int,
    *,
    k_hat: int,
    max_chars: int,
    columns: int,
) -> list:
    """Trace updates of one step: window outline, sampled taps, output cell, caption (lines
    of at most ``columns``)."""
    r0, c0 = int(trace.rows[r, c, 0, 0]), int(trace.cols[r, c, 0, 0])
    wx, wy = outline(r0, c0, r0 + k_hat, c0 + k_hat)
    ox, oy = outline(r, c, r + 1, c + 1)
    head = f"y[{r}, {c}] = "
    caption = head + products_text(
        trace, kernel, r, c, limit=MAX_CAPTION_TERMS, max_chars=max_chars - len(head)
    )
    return [
        {"type": "scatter", "x": wx, "y": wy},
        {
            "type": "scatter",
            "x": trace.cols[r, c].ravel().tolist(),
            "y": trace.rows[r, c].ravel().tolist(),
        },
        {"type": "scatter", "x": ox, "y": oy},
        {"type": "scatter", "text": [caption_lines(caption, columns)]},
    ]


def window_figure(
    padded: np.ndarray,
    kernel: np.ndarray,
    dilated: np.ndarray,
    trace: WindowTrace,
    *,
    padding: int,
    dilation: int,
    lang: str,
    start: int = 0,
) -> go.Figure:
    """The dilated window sliding over the padded input, as a client-side animation.

    Parameters
    ----------
    padded : np.ndarray
        (H + 2p, W + 2p) the engine's zero-padded input.
    kernel : np.ndarray
        (k, k) weights.
    dilated : np.ndarray
        (k̂, k̂) dilated kernel, k̂ = d(k − 1) + 1.
    trace : WindowTrace
        Taps, values, products and sums of every output cell, (o, o, k, k) / (o, o).
    padding, dilation : int
        p and d.
    lang : {"en", "zh"}
    start : int
        Row-major index of the output cell shown first (the pinned cell).

    Returns
    -------
    go.Figure
        Panels input ⊛ kernel = output (grid traces as in :func:`panels_figure`), then four
        step traces: the k̂×k̂ window outline (dashed), the k·k cells it reads (open squares),
        the output cell outline and the caption with products and sum. One frame per output
        cell (row-major, named ``"(r, c)"``) updates only those four traces, so even 400 steps
        stay light. Output cells are clickable.

    Notes
    -----
    Output size o = ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1 per axis.
    """
    specs = window_specs(
        padded, kernel, dilated, trace, padding=padding, dilation=dilation, lang=lang
    )
    fig = panels_figure(specs, operators=("⊛", "="), wrap_px=WRAP_PX)
    columns = caption_columns(fig.layout.width)
    out_h, out_w = trace.sums.shape
    k_hat = dilated.shape[0]
    cells = [(r, c) for r in range(out_h) for c in range(out_w)]
    start = min(max(start, 0), len(cells) - 1)
    px = min(cell_px(*np.shape(s.values), max_px=min(440, 900 // len(specs))) for s in specs)
    # Monospace 14 px is about 8.4 px per character: keep the caption inside the figure.
    max_chars = max(40, int(fig.layout.width or 600) // 9)
    first = _step_traces(
        trace, kernel, *cells[start], k_hat=k_hat, max_chars=max_chars, columns=columns
    )
    line = {"color": HIGHLIGHT, "width": HIGHLIGHT_WIDTH}
    base = len(fig.data)
    fig.add_traces(
        [
            go.Scatter(
                first[0],
                mode="lines",
                line={**line, "dash": "dash", "width": 2},
                hoverinfo="skip",
                showlegend=False,
            ),
            go.Scatter(
                first[1],
                mode="markers",
                hoverinfo="skip",
                showlegend=False,
                marker={  # the cells the taps read: bold outline, translucent fill
                    "symbol": "square",
                    "size": max(6, px - 6),
                    "color": HIGHLIGHT_FILL,
                    "line": {"width": 3, "color": HIGHLIGHT},
                },
            ),
            go.Scatter(
                first[2],
                mode="lines",
                line=line,
                fill="toself",
                fillcolor=HIGHLIGHT_FILL,
                hoverinfo="skip",
                showlegend=False,
                xaxis=f"x{OUTPUT + 1}",
                yaxis=f"y{OUTPUT + 1}",
            ),
            caption_trace(first[3]["text"][0], fig=fig),
        ]
    )
    names = [f"({r}, {c})" for r, c in cells]
    moves = [
        _step_traces(trace, kernel, r, c, k_hat=k_hat, max_chars=max_chars, columns=columns)
        for r, c in cells
    ]
    attach_frames(
        fig,
        [
            unchecked_frame(name, move, list(range(base, base + 4)))
            for name, move in zip(names, moves, strict=True)
        ],
    )
    height = int(fig.layout.height or 300)
    room = caption_room([m[3]["text"][0] for m in moves])  # the caption's lines
    controls = play_controls(names, lang=lang, active=start, duration_ms=800)
    # The buttons on one row, the slider under them (its step label clear of the buttons).
    controls["updatemenus"][0]["y"] = -room / height
    controls["sliders"][0]["y"] = -(room + BUTTON_ROW_PX) / height
    return set_layout(
        fig,
        height=height + room + 60 + BUTTON_ROW_PX,
        margin=merged(fig, "margin", b=room + 60 + BUTTON_ROW_PX),
        **controls,
    )


def window_hover(
    trace: WindowTrace,
    kernel: np.ndarray,
    *,
    specs: list[GridSpec],
    dilation: int,
    pin: tuple[int, int],
    lang: str,
) -> dict:
    """The hover view of the dilated window: hovering output cell (r, c) outlines the cells its
    taps read (each on its own when d > 1) and the cell, and writes out its products and sum.

    ``specs`` are the panels of :func:`window_specs` (padded input, dilated kernel, output).

    Returns
    -------
    dict
        :func:`~convviz.figures.common.hover.hover_payload` with the output as source panel.
    """
    out_h, out_w = trace.sums.shape
    links = [
        link(
            [
                *window_rects(trace, (r, c), panel=INPUT, per_tap=dilation > 1),
                (OUTPUT, r, c, r + 1, c + 1),
            ],
            f"y[{r}, {c}] = " + products_text(trace, kernel, r, c),
        )
        for r in range(out_h)
        for c in range(out_w)
    ]
    return hover_payload(
        specs,
        operators=("⊛", "="),
        source=OUTPUT,
        links=links,
        pinned=pin,
        hint=translate("common.hover_output_hint", lang),
    )
