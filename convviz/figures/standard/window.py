"""The sliding window of a standard convolution, with the numbers: padded input ⊛ kernel =
output, the window moving cell by cell on the client (play / pause / step slider).

Every cell shows its value. The border says what fills it: zeros in the border fill, copies
(reflect / replicate / circular) in the colour of the input cell they copy, with hover naming
that cell; cells no window ever reads are greyed. Builders are pure: the engine's
:class:`~convviz.engine.trace.WindowTrace` and ``lang`` in, ``go.Figure`` out.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.arithmetic_text import format_cell, format_number
from convviz.engine.matrix import tap_label
from convviz.engine.trace import WindowTrace
from convviz.engine.window_frame import window_frame
from convviz.figures.common.animation import add_play_controls, reserve_below, unchecked_frame
from convviz.figures.common.fit import WRAP_PX, caption_columns, caption_lines, caption_room
from convviz.figures.common.grid import GridSpec, panels_figure
from convviz.figures.common.hover import hover_payload, link, window_rects
from convviz.figures.common.panels import (
    caption_trace,
    line_trace,
    outline,
)
from convviz.figures.standard.padding import trace_input_spec
from convviz.i18n import translate

INPUT, KERNEL, OUTPUT = 0, 1, 2  # panels of the window figure
MAX_CAPTION_TERMS = 9  # products written in a frame caption; hover and the pinned cell show all
MAX_NAMED_TAPS = 4  # kernels up to 4×4 name their weights (w₀₀ …) above the value


def input_spec(trace: WindowTrace, *, lang: str) -> GridSpec:
    """The padded input of the window figure (border by mode, unread cells greyed)."""
    hp, wp = trace.padded.shape
    mode = translate(f"choice.padding_mode.{trace.padding_mode}", lang)
    title = translate("standard.window.input_title", lang, rows=hp, cols=wp, mode=mode)
    return trace_input_spec(trace, lang=lang, title=title)


def weight_labels(kernel_hw: tuple[int, int], *, flipped: bool) -> np.ndarray:
    """(kH, kW) names of the weights in each cell: ``w₀₀ …``, rotated by 180° when flipped."""
    kh, kw = kernel_hw
    taps = np.arange(kh * kw).reshape(kh, kw)  # (kH, kW)
    if flipped:
        taps = taps[::-1, ::-1]
    return np.vectorize(lambda t: tap_label(int(t), kernel_hw), otypes=[object])(taps)


def kernel_spec(kernel: np.ndarray, *, flipped: bool, lang: str) -> GridSpec:
    """The kernel as applied; weights named (w₀₀ …) above their values when small."""
    kh, kw = kernel.shape
    names = weight_labels((kh, kw), flipped=flipped)
    numbers = np.vectorize(format_number, otypes=[object])(kernel)  # (kH, kW)
    labels = names + "<br>" + numbers if max(kh, kw) <= MAX_NAMED_TAPS else numbers
    key = "standard.window.kernel_flipped" if flipped else "standard.window.kernel_title"
    return GridSpec(
        values=kernel,
        title=translate(key, lang, rows=kh, cols=kw),
        role="kernel",
        labels=labels,
        hover=names + " = " + numbers,
    )


def output_spec(trace: WindowTrace, *, lang: str) -> GridSpec:
    """The output, clickable; hovering a cell writes out its products and sum."""
    oh, ow = trace.out_hw
    hover = np.empty((oh, ow), dtype=object)
    for r in range(oh):
        for c in range(ow):
            hover[r, c] = f"y[{r}, {c}] =<br>" + format_cell(trace, (r, c))
    return GridSpec(
        values=trace.sums,
        title=translate("standard.window.output_title", lang, rows=oh, cols=ow),
        role="output",
        hover=hover,
        clickable=True,
    )


def window_specs(trace: WindowTrace, *, flipped: bool, lang: str) -> list[GridSpec]:
    """The three panels: padded input ⊛ kernel = output."""
    return [
        input_spec(trace, lang=lang),
        kernel_spec(trace.kernel, flipped=flipped, lang=lang),
        output_spec(trace, lang=lang),
    ]


def step_caption(trace: WindowTrace, cell: tuple[int, int]) -> str:
    """``"y[0, 1] = 2·1 + 3·2 + … = 43"``: the products of one cell (at most 9 written)."""
    r, c = cell
    return f"y[{r}, {c}] = " + format_cell(trace, cell, max_terms=MAX_CAPTION_TERMS)


def _step(trace: WindowTrace, step: int, columns: int) -> list[dict]:
    """Step traces of one frame: the window outline, the output cell outline, the caption
    (lines of at most ``columns``)."""
    frame = window_frame(trace.padded.shape, trace.kernel.shape, step=step, stride=trace.stride)
    top, left, bottom, right = frame.box
    wx, wy = outline(top, left, bottom, right)
    r, c = frame.cell
    ox, oy = outline(r, c, r + 1, c + 1)
    return [
        {"type": "scatter", "x": wx, "y": wy},
        {"type": "scatter", "x": ox, "y": oy},
        {"type": "scatter", "text": [caption_lines(step_caption(trace, frame.cell), columns)]},
    ]


def window_figure(
    trace: WindowTrace, *, flipped: bool = False, lang: str, start: int = 0
) -> go.Figure:
    """The window sliding over the padded input, one client-side frame per output cell.

    Parameters
    ----------
    trace : WindowTrace
        The engine's trace (padded input, applied kernel, products and sums).
    flipped : bool
        The trace applied the kernel rotated by 180° (names the weights accordingly).
    lang : {"en", "zh"}
    start : int
        Row-major index of the output cell shown first (the pinned cell).

    Returns
    -------
    go.Figure
        Panels input ⊛ kernel = output (as :func:`~convviz.figures.common.grid.panels_figure`),
        then three step traces: the kH×kW window (dashed), the output cell and the caption
        with the products and sum. Frames are named ``"y[r,c]"`` and update only those three
        traces, so even 400 steps stay light. Output cells are clickable.

    Notes
    -----
    H_out = ⌊(H + top + bottom − kH) / s_h⌋ + 1 (and the same for the width).
    """
    specs = window_specs(trace, flipped=flipped, lang=lang)
    fig = panels_figure(specs, operators=("⊛", "="), wrap_px=WRAP_PX)
    columns = caption_columns(fig.layout.width)
    oh, ow = trace.out_hw
    steps = oh * ow
    start = min(max(start, 0), steps - 1)
    first = _step(trace, start, columns)
    base = len(fig.data)
    fig.add_traces(
        [
            line_trace(first[0]["x"], first[0]["y"], panel=INPUT),
            line_trace(first[1]["x"], first[1]["y"], panel=OUTPUT),
            caption_trace(first[2]["text"][0], fig=fig),
        ]
    )
    moves = [_step(trace, t, columns) for t in range(steps)]
    reserve_below(fig, caption_room([m[2]["text"][0] for m in moves]))
    frames = [
        unchecked_frame(f"y[{t // ow},{t % ow}]", move, [base, base + 1, base + 2])
        for t, move in enumerate(moves)
    ]
    return add_play_controls(fig, frames, lang=lang, active=start)


def window_hover(trace: WindowTrace, *, flipped: bool, pin: tuple[int, int], lang: str) -> dict:
    """The hover view of the window: hovering output cell (r, c) outlines its window on the
    padded input and the cell itself, and writes out its products and sum (the engine's).

    Returns
    -------
    dict
        :func:`~convviz.figures.common.hover.hover_payload` with the output as source panel.
    """
    oh, ow = trace.out_hw
    links = [
        link(
            [
                *window_rects(trace, (r, c), panel=INPUT, per_tap=False),
                (OUTPUT, r, c, r + 1, c + 1),
            ],
            f"y[{r}, {c}] = " + format_cell(trace, (r, c)),
        )
        for r in range(oh)
        for c in range(ow)
    ]
    return hover_payload(
        window_specs(trace, flipped=flipped, lang=lang),
        operators=("⊛", "="),
        source=OUTPUT,
        links=links,
        pinned=pin,
        hint=translate("common.hover_output_hint", lang),
    )
