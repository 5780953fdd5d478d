"""Scatter-add, the transposed convolution as libraries compute it: input value ``x[r, c]`` adds
``x[r, c] · w`` onto an output canvas with its top-left corner at ``(r·s, c·s)`` (taps ``d``
apart); padding then crops ``p`` cells from every side and ``output_padding`` keeps ``a`` more
at the bottom / right. The figure adds one stamp per step ("one-to-many") and marks what is
cropped. Builders are pure: the engine's stamps and ``lang`` in, figures out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from convviz.engine.scatter import ScatterGeometry
from convviz.engine.scatter_frames import ScatterFrames
from convviz.figures.common.animation import add_play_controls, reserve_below, unchecked_frame
from convviz.figures.common.fit import WRAP_PX, caption_columns, caption_lines, caption_room
from convviz.figures.common.grid import (
    GridSpec,
    Highlight,
    format_number,
    panel_trace_indices,
    panels_figure,
)
from convviz.figures.common.hover import hover_payload, link
from convviz.figures.common.panels import (
    backdrop,
    caption_trace,
    line_trace,
    marker_trace,
    named_values,
    outline,
    panel_px,
    signed,
    values_update,
    weight_labels,
)
from convviz.i18n import translate
from convviz.style.palette import SECONDARY_HIGHLIGHT, CellKind

INPUT, KERNEL, CANVAS = 0, 1, 2  # panels of the scatter-add figure


@dataclass(frozen=True)
class ScatterData:
    """Everything the scatter-add view draws, computed once per setting.

    Attributes
    ----------
    x : np.ndarray
        (i, i) input values.
    kernel : np.ndarray
        (k, k) weights (not flipped: scatter-add uses them as they are).
    frames : ScatterFrames
        The engine's scatter-add animation: each stamp on its own canvas (``stamps``), the
        running sums (``canvas``), the cells each stamp touches and the canvas geometry.
    stride, padding, output_padding, dilation : int
    output_size : int
        o, the side of the output (the canvas rows ``p … p + o − 1``).
    """

    x: np.ndarray
    kernel: np.ndarray
    frames: ScatterFrames
    stride: int
    padding: int
    output_padding: int
    dilation: int
    output_size: int

    @property
    def geometry(self) -> ScatterGeometry:
        return self.frames.geometry

    @property
    def stamps(self) -> np.ndarray:
        """(i·i, H_c, W_c) the stamp ``x[r, c]·w`` of each input cell (row-major) on the canvas."""
        return self.frames.stamps

    @property
    def final(self) -> np.ndarray:
        """(H_c, W_c) the sum of all stamps, uncropped."""
        return self.frames.canvas[-1]

    @property
    def reach(self) -> int:
        """k̂ = d(k − 1) + 1: the cells one stamp spans per axis."""
        return self.geometry.kernel.kernel.shape[0]

    @property
    def canvas_shape(self) -> tuple[int, int]:
        return self.geometry.canvas_hw

    @property
    def steps(self) -> int:
        return self.geometry.steps

    def taps(self, step: int) -> tuple[np.ndarray, np.ndarray]:
        """Canvas rows and columns under the taps of stamp ``step``, each (k·k,) in tap order."""
        return np.nonzero(self.frames.touched[step + 1])  # row-major = tap order


def canvas_kinds(data: ScatterData) -> np.ndarray:
    """(H_c, W_c) CellKind of the canvas: OUTSIDE where padding crops, OUTPUT_PAD on the
    ``output_padding`` rows / columns, REAL inside the output (the engine's geometry)."""
    return data.geometry.kinds()


def running_sums(data: ScatterData) -> np.ndarray:
    """(i·i, H_c, W_c) the canvas after each stamp; ``nan`` where no stamp has landed yet."""
    reached = np.logical_or.accumulate(data.frames.touched[1:], axis=0)  # (i·i, H_c, W_c)
    reached[-1] = True  # after the last stamp a cell none reached is simply 0
    return np.where(reached, data.frames.canvas[1:], np.nan)


def stamp_hover(data: ScatterData, *, lang: str, max_terms: int = 12) -> np.ndarray:
    """(H_c, W_c) hover text of the canvas: every stamp that lands on the cell and the sum."""
    names = weight_labels(data.kernel.shape[0]).ravel()  # (k·k,) in tap order
    weights = [signed(w) for w in data.kernel.ravel()]  # (k·k,)
    terms: dict[tuple[int, int], list[str]] = {}
    for n, (r, c) in enumerate(data.frames.cells.tolist()):
        value = signed(data.x[r, c])
        for tap, (u, v) in enumerate(zip(*data.taps(n), strict=True)):
            terms.setdefault((int(u), int(v)), []).append(
                f"x[{r},{c}]·{names[tap]} = {value}·{weights[tap]}"
            )
    total = data.final  # (H_c, W_c)
    kinds = canvas_kinds(data)
    hover = np.empty(data.canvas_shape, dtype=object)
    for (u, v), parts in terms.items():
        shown = parts if len(parts) <= max_terms else [*parts[: max_terms - 1], "…"]
        head = translate(
            "transposed.scatter.hover_cell",
            lang,
            row=u,
            col=v,
            count=len(parts),
            value=format_number(total[u, v]),
        )
        if kinds[u, v] == CellKind.OUTSIDE:
            head += "<br>" + translate("transposed.scatter.hover_cropped", lang)
        hover[u, v] = head + "<br>" + "<br>".join(shown)
    empty = translate("transposed.scatter.hover_nothing", lang)
    hover[np.equal(hover, None)] = empty
    return hover


def scatter_specs(data: ScatterData, canvas: np.ndarray, *, lang: str) -> list[GridSpec]:
    """The three panels: input × kernel → canvas (``canvas`` = the running sum shown)."""
    i, k = data.x.shape[0], data.kernel.shape[0]
    p, o = data.padding, data.output_size
    rows, cols = data.canvas_shape
    final = data.final  # (H_c, W_c)
    box = Highlight(p, p, p + o, p + o, colour=SECONDARY_HIGHLIGHT, width=2.5, dash="dash")
    hover_x = np.empty((i, i), dtype=object)
    for r in range(i):
        for c in range(i):
            hover_x[r, c] = translate(
                "transposed.scatter.hover_input",
                lang,
                row=r,
                col=c,
                value=format_number(data.x[r, c]),
                r0=r * data.stride,
                c0=c * data.stride,
                taps=k * k,
            )
    return [
        GridSpec(
            values=data.x,
            title=translate("transposed.scatter.input_title", lang, i=i),
            role="input",
            hover=hover_x,
        ),
        GridSpec(
            values=data.kernel,
            title=translate("transposed.scatter.kernel_title", lang, k=k),
            role="kernel",
            labels=named_values(data.kernel),
        ),
        GridSpec(
            values=canvas,
            role="output",
            kinds=canvas_kinds(data),
            title=translate("transposed.scatter.canvas_title", lang, rows=rows, cols=cols, o=o),
            hover=stamp_hover(data, lang=lang),
            highlights=(box,),
            value_range=(float(final.min()), float(final.max())),
        ),
    ]


def scatter_caption(data: ScatterData, step: int, *, lang: str) -> str:
    """``"x[0,1] = 2 → adds 2 × w at rows 0–2, columns 2–4"`` for step ``step``."""
    r, c = data.frames.cells[step].tolist()
    r0, c0 = r * data.stride, c * data.stride
    reach = data.reach - 1
    text = translate(
        "transposed.scatter.caption",
        lang,
        row=r,
        col=c,
        value=format_number(data.x[r, c]),
        r0=r0,
        r1=r0 + reach,
        c0=c0,
        c1=c0 + reach,
    )
    if step == data.steps - 1:
        text += "<br>" + translate(
            "transposed.scatter.caption_done", lang, n=data.steps, o=data.output_size
        )
    return text


def _scatter_step(data: ScatterData, step: int, *, lang: str, columns: int) -> list[dict]:
    """The step traces of one step: input cell, stamp outline, stamp taps, caption (lines of
    at most ``columns``)."""
    r, c = data.frames.cells[step].tolist()
    top, left, reach = r * data.stride, c * data.stride, data.reach
    ix, iy = outline(r, c, r + 1, c + 1)
    sx, sy = outline(top, left, top + reach, left + reach)
    rows, cols = data.taps(step) if data.dilation > 1 else ((), ())  # d = 1: the outline says it
    return [
        {"type": "scatter", "x": ix, "y": iy},
        {"type": "scatter", "x": sx, "y": sy},
        {"type": "scatter", "x": [int(v) for v in cols], "y": [int(u) for u in rows]},
        {
            "type": "scatter",
            "text": [caption_lines(scatter_caption(data, step, lang=lang), columns)],
        },
    ]


def scatter_figure(
    data: ScatterData, *, lang: str, step: int = 0, animate: bool = True
) -> go.Figure:
    """Scatter-add: input × kernel → canvas, one stamp per step.

    Parameters
    ----------
    data : ScatterData
        Input, kernel, the engine's stamps (i·i, H_c, W_c) and the hyper-parameters.
    lang : {"en", "zh"}
    step : int
        Row-major index of the input cell whose stamp is shown (all earlier ones are added).
    animate : bool
        Add one client-side frame per input cell with play / pause and a step slider; without
        it the figure shows ``step`` only (the page then steps on the server).

    Returns
    -------
    go.Figure
        Panels input × kernel → canvas. The canvas shows the running sum (blank until a stamp
        lands), the output as a dashed box, cells cropped by padding in the OUTSIDE fill and
        output_padding cells in the OUTPUT_PAD fill; hovering a canvas cell lists the stamps
        that land on it. Frames are named ``"x[r,c]"``.

    Notes
    -----
    Canvas: (i − 1)s + d(k − 1) + 1 cells per side (more if a > p); output o = (i − 1)s − 2p
    + d(k − 1) + a + 1, starting at canvas row / column p.
    """
    steps = running_sums(data)  # (i·i, H_c, W_c)
    step = int(np.clip(step, 0, data.steps - 1))
    specs = scatter_specs(data, steps[step], lang=lang)
    fig = panels_figure(
        specs,
        operators=("×", "→"),
        shapes_below=backdrop(CANVAS, *data.canvas_shape),
        wrap_px=WRAP_PX,
    )
    columns = caption_columns(fig.layout.width)
    px = panel_px(specs)
    first = _scatter_step(data, step, lang=lang, columns=columns)
    base = len(fig.data)
    fig.add_traces(
        [
            line_trace(first[0]["x"], first[0]["y"], panel=INPUT),
            line_trace(first[1]["x"], first[1]["y"], panel=CANVAS),
            marker_trace(first[2]["x"], first[2]["y"], panel=CANVAS, px=px),
            caption_trace(first[3]["text"][0], fig=fig),
        ]
    )
    if not animate:
        reserve_below(fig, caption_room([first[3]["text"][0]]))
        return fig
    heat, text = panel_trace_indices(specs)[CANVAS]
    moves = [_scatter_step(data, n, lang=lang, columns=columns) for n in range(data.steps)]
    reserve_below(fig, caption_room([m[3]["text"][0] for m in moves]))
    frames = [
        unchecked_frame(
            "x[{},{}]".format(*data.frames.cells[n].tolist()),
            [*values_update(specs[CANVAS], steps[n]), *move],
            [heat, text, *range(base, base + 4)],
        )
        for n, move in enumerate(moves)
    ]
    return add_play_controls(fig, frames, lang=lang, active=step)


def scatter_hover(data: ScatterData, *, pin: tuple[int, int], lang: str) -> dict:
    """The hover view of scatter-add: hovering input cell (r, c) outlines its stamp on the
    canvas and writes the stamp's values ``x[r, c]·w`` into the cells it lands on.

    The canvas shows the finished sum; the stamp values and the caption come from the
    engine's stamps (``data.stamps``).

    Returns
    -------
    dict
        :func:`~convviz.figures.common.hover.hover_payload` with the input as source panel.
    """
    i = data.x.shape[0]
    links = []
    for n, (r, c) in enumerate(data.frames.cells.tolist()):
        top, left = r * data.stride, c * data.stride
        rows, cols = data.taps(n)
        stamp = data.stamps[n]  # (H_c, W_c): x[r, c]·w where the taps land, 0 elsewhere
        values = [
            (CANVAS, u, v, format_number(stamp[u, v])) for u, v in zip(rows, cols, strict=True)
        ]
        links.append(
            link(
                [
                    (INPUT, r, c, r + 1, c + 1),
                    (CANVAS, top, left, top + data.reach, left + data.reach),
                ],
                scatter_caption(data, n, lang=lang).split("<br>")[0],
                values,
            )
        )
    order = np.argsort([r * i + c for r, c in data.frames.cells.tolist()])
    return hover_payload(
        scatter_specs(data, data.final, lang=lang),
        operators=("×", "→"),
        source=INPUT,
        links=[links[n] for n in order],  # row-major over the input
        pinned=pin,
        hint=translate("transposed.scatter.hover_hint", lang),
    )
