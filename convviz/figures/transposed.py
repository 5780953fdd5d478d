"""Shared pieces of the transposed-convolution figures: kernel choices, cell labels, the
light-weight step animation, and the scatter-add view ("each input value stamps value × kernel").

Scatter-add is the transposed convolution as libraries compute it: input value ``x[r, c]``
adds ``x[r, c] · w`` onto an output canvas with its top-left corner at ``(r·s, c·s)`` (taps
``d`` apart); padding then crops ``p`` cells from every side and ``output_padding`` keeps ``a``
more at the bottom / right. Builders here are pure: engine arrays and ``lang`` in, figures out.

The animations send as little as possible to the browser: a step changes a few small "step
traces" (outlines, markers, the caption) and, for scatter-add, the running sum on the canvas.
When the running sums of all steps would be too heavy (:data:`ANIMATION_BUDGET`), the page
steps on the server instead (:func:`scatter_figure` with ``animate=False``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from convviz.figures.grid import (
    GridSpec,
    Highlight,
    cell_px,
    cell_texts,
    format_number,
    panel_trace_indices,
    panels_figure,
    real_mask,
    text_colours,
    value_range,
)
from convviz.figures.palette import HIGHLIGHT, KIND_FILL, SECONDARY_HIGHLIGHT, CellKind
from convviz.i18n import translate
from convviz.inputs import make_values

KERNEL_KINDS = ("example", "arange", "ones", "random", "custom")
# Cell values an animation may send across all of its frames (about 30 bytes each, so an
# animated chart stays well under 1 MB).
ANIMATION_BUDGET = 20_000
# Steps a client-side animation may have at all (each costs a frame object).
MAX_ANIMATED_STEPS = 225
INPUT, KERNEL, CANVAS = 0, 1, 2  # panels of the scatter-add figure

_SUBSCRIPTS = str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋")


def example_kernel(kernel_size: int) -> np.ndarray:
    """The page's default kernel: small integers, different from its 180° rotation.

    ``w[a, b] = 1 + a + 2b`` (1, 3, 5 / 2, 4, 6 / 3, 5, 7 for k = 3): no symmetry maps it
    onto its flipped copy or its transpose, so the flip of the direct form is visible.

    Returns
    -------
    np.ndarray
        float64, shape (k, k).
    """
    a, b = np.indices((kernel_size, kernel_size))  # (k, k) each
    return (1 + a + 2 * b).astype(np.float64)


def kernel_values(kind: str, kernel_size: int, *, seed: int = 0, text: str = "") -> np.ndarray:
    """The k×k kernel the learner chose.

    Parameters
    ----------
    kind : {"example", "arange", "ones", "random", "custom"}
        ``example`` is :func:`example_kernel`; the others are those of
        :func:`convviz.inputs.make_values` (random integers in [−3, 3] from ``seed``, typed
        numbers from ``text``).

    Returns
    -------
    np.ndarray
        float64, shape (k, k).

    Raises
    ------
    ConvValueError
        When typed numbers are not numbers or not k² of them.
    """
    if kind == "example":
        return example_kernel(kernel_size)
    return make_values(kind, (kernel_size, kernel_size), seed=seed, text=text)


def kernel_text(kernel: np.ndarray) -> str:
    """The kernel as typed text, one row per line (the custom field's starting value)."""
    return "\n".join(" ".join(format_number(v) for v in row) for row in kernel)


def sub(n: int) -> str:
    """``12`` → ``"₁₂"`` (subscript digits)."""
    return str(n).translate(_SUBSCRIPTS)


def weight_name(a: int, b: int) -> str:
    """``"w₀₁"``: the symbolic name of kernel tap (a, b)."""
    return f"w{sub(a)}{sub(b)}"


def weight_labels(kernel_size: int, *, flipped: bool = False) -> np.ndarray:
    """(k, k) object array of tap names; ``flipped`` names the 180°-rotated kernel's cells."""
    k = kernel_size
    labels = np.empty((k, k), dtype=object)
    for a in range(k):
        for b in range(k):
            labels[a, b] = weight_name(k - 1 - a, k - 1 - b) if flipped else weight_name(a, b)
    return labels


def named_values(kernel: np.ndarray, *, flipped: bool = False) -> np.ndarray:
    """(k, k) cell texts ``"w₀₁<br>3"`` (name over value) up to k = 4, values only beyond."""
    numbers = np.vectorize(format_number, otypes=[object])(kernel)  # (k, k)
    if kernel.shape[0] > 4:
        return numbers
    return weight_labels(kernel.shape[0], flipped=flipped) + "<br>" + numbers


def backdrop(panel: int, rows: int, cols: int) -> list[dict]:
    """Pale cells drawn under panel ``panel`` so cells with no value yet still show.

    One rectangle per cell up to 400 cells (the cell borders stay visible), else one
    rectangle for the whole panel.
    """
    axis = "" if panel == 0 else str(panel + 1)
    base = {
        "type": "rect",
        "xref": f"x{axis}",
        "yref": f"y{axis}",
        "layer": "below",
        "line": {"width": 0},
        "fillcolor": KIND_FILL[CellKind.OUTSIDE],
    }
    if rows * cols > 400:
        return [{**base, "x0": -0.5, "x1": cols - 0.5, "y0": -0.5, "y1": rows - 0.5}]
    gap = 0.04  # the white line between cells, as in the heatmaps
    return [
        {**base, "x0": c - 0.5 + gap, "x1": c + 0.5 - gap, "y0": r - 0.5 + gap, "y1": r + 0.5 - gap}
        for r in range(rows)
        for c in range(cols)
    ]


def signed(value: float) -> str:
    """A number for a product term: negative numbers in parentheses."""
    text = format_number(value)
    return f"({text})" if text.startswith("-") else text


def span(kernel_size: int, dilation: int) -> int:
    """Cells covered by one stamp / window along an axis: d(k − 1) + 1."""
    return dilation * (kernel_size - 1) + 1


def outline(r0: int, c0: int, r1: int, c1: int) -> tuple[list[float], list[float]]:
    """x and y of a closed line around cells rows [r0, r1) × cols [c0, c1)."""
    x0, x1, y0, y1 = c0 - 0.5, c1 - 0.5, r0 - 0.5, r1 - 0.5
    return [x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0]


def fits_animation(steps: int, cells_per_step: int) -> bool:
    """Whether ``steps`` frames that each resend ``cells_per_step`` values stay light enough."""
    return steps <= MAX_ANIMATED_STEPS and steps * max(cells_per_step, 1) <= ANIMATION_BUDGET


def play_controls(names: list[str], *, lang: str, active: int, duration_ms: int = 900) -> dict:
    """Layout of the ▶ / ❚❚ buttons and the step slider under a figure.

    Returns
    -------
    dict
        ``{"updatemenus": [...], "sliders": [...]}`` for ``fig.update_layout``; slider step
        ``n`` animates to the frame named ``names[n]``.
    """
    still = {"duration": 0}
    play = {
        "frame": {"duration": duration_ms, "redraw": True},
        "fromcurrent": True,
        "transition": still,
        "mode": "immediate",
    }
    pause = {"frame": {"duration": 0, "redraw": False}, "mode": "immediate", "transition": still}
    jump = {"frame": {"duration": 0, "redraw": True}, "mode": "immediate", "transition": still}
    return {
        "updatemenus": [
            {
                "type": "buttons",
                "direction": "left",
                "x": 0,
                "y": 0,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 0},
                "showactive": False,
                "buttons": [
                    {
                        "label": translate("anim.play", lang),
                        "method": "animate",
                        "args": [None, play],
                    },
                    {
                        "label": translate("anim.pause", lang),
                        "method": "animate",
                        "args": [[None], pause],
                    },
                ],
            }
        ],
        "sliders": [
            {
                "active": active,
                "x": 0.24,
                "len": 0.76,
                "y": 0,
                "yanchor": "top",
                "pad": {"t": 0},
                "currentvalue": {"prefix": translate("anim.step", lang) + " "},
                "steps": [
                    {"label": name, "method": "animate", "args": [[name], jump]} for name in names
                ],
            }
        ],
    }


def reserve_below(fig: go.Figure, pixels: int) -> int:
    """Grow the figure by ``pixels`` under the panels (for captions); returns the plot height."""
    height = int(fig.layout.height or 300)
    top = int(fig.layout.margin.t or 0)
    bottom = int(fig.layout.margin.b or 0)
    fig.update_layout(height=height + pixels, margin={"b": bottom + pixels})
    return height - top - bottom


def add_play_controls(
    fig: go.Figure, frames: list[go.Frame], *, lang: str, active: int, duration_ms: int = 900
) -> go.Figure:
    """Attach ``frames`` and the play controls under everything else (in place; returns ``fig``).

    Call it after :func:`reserve_below` made room for the caption: the controls go below
    that room.
    """
    fig.frames = frames
    plot = int(fig.layout.height) - int(fig.layout.margin.t or 0) - int(fig.layout.margin.b or 0)
    used = int(fig.layout.margin.b or 0)
    controls = play_controls(
        [f.name for f in frames], lang=lang, active=active, duration_ms=duration_ms
    )
    controls["updatemenus"][0]["y"] = -(used + 6) / plot
    controls["sliders"][0]["y"] = -(used + 6) / plot
    reserve_below(fig, 92)
    fig.update_layout(**controls)
    return fig


def panel_px(specs: list[GridSpec]) -> int:
    """The cell size :func:`panels_figure` uses for ``specs`` (to size markers)."""
    n = len(specs)
    return min(cell_px(*np.shape(s.values), max_px=min(440, 900 // max(1, n))) for s in specs)


def caption_trace(text: str, *, rows: int) -> go.Scatter:
    """A text trace under panel 0 (the per-step caption: it moves with the frames)."""
    return go.Scatter(
        x=[-0.5],
        y=[rows - 0.5],  # on the edge: Plotly hides text points outside the range
        text=[text],
        mode="text",
        cliponaxis=False,
        textposition="bottom right",
        hoverinfo="skip",
        showlegend=False,
        textfont={"family": "monospace", "size": 14},
    )


def line_trace(
    xs: list,
    ys: list,
    *,
    panel: int,
    colour: str = HIGHLIGHT,
    width: float = 3,
    dash: str = "solid",
) -> go.Scatter:
    """An outline (closed line) drawn on panel ``panel``; a step trace."""
    axis = "" if panel == 0 else str(panel + 1)
    return go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": colour, "width": width, "dash": dash},
        hoverinfo="skip",
        showlegend=False,
        xaxis=f"x{axis}",
        yaxis=f"y{axis}",
    )


def marker_trace(xs: list, ys: list, *, panel: int, px: int) -> go.Scatter:
    """Open squares on single cells of panel ``panel`` (the taps of a dilated stamp)."""
    axis = "" if panel == 0 else str(panel + 1)
    return go.Scatter(
        x=xs,
        y=ys,
        mode="markers",
        hoverinfo="skip",
        showlegend=False,
        xaxis=f"x{axis}",
        yaxis=f"y{axis}",
        marker={
            "symbol": "square-open",
            "size": max(6, px - 6),
            "color": SECONDARY_HIGHLIGHT,
            "line": {"width": 2, "color": SECONDARY_HIGHLIGHT},
        },
    )


# -- scatter-add ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ScatterData:
    """Everything the scatter-add view draws, computed once per setting.

    Attributes
    ----------
    x : np.ndarray
        (i, i) input values.
    kernel : np.ndarray
        (k, k) weights (not flipped: scatter-add uses them as they are).
    stamps : np.ndarray
        (i·i, H_c, W_c) the contribution of each input cell (row-major) to the canvas: the
        engine's stamp ``x[r, c]·w`` placed at rows ``r·s + a·d``, columns ``c·s + b·d``.
    stride, padding, output_padding, dilation : int
    output_size : int
        o, the side of the output (the canvas rows ``p … p + o − 1``).
    """

    x: np.ndarray
    kernel: np.ndarray
    stamps: np.ndarray
    stride: int
    padding: int
    output_padding: int
    dilation: int
    output_size: int

    @property
    def canvas_shape(self) -> tuple[int, int]:
        return self.stamps.shape[1], self.stamps.shape[2]

    @property
    def steps(self) -> int:
        return self.stamps.shape[0]


def canvas_kinds(data: ScatterData) -> np.ndarray:
    """(H_c, W_c) CellKind of the canvas: OUTSIDE where padding crops, OUTPUT_PAD on the
    ``output_padding`` rows / columns, REAL inside the output."""
    p, o, a = data.padding, data.output_size, data.output_padding
    kinds = np.full(data.canvas_shape, CellKind.OUTSIDE, dtype=int)  # (H_c, W_c)
    kinds[p : p + o, p : p + o] = CellKind.REAL
    if a:
        kinds[p + o - a : p + o, p : p + o] = CellKind.OUTPUT_PAD
        kinds[p : p + o, p + o - a : p + o] = CellKind.OUTPUT_PAD
    return kinds


def running_sums(data: ScatterData) -> np.ndarray:
    """(i·i, H_c, W_c) the canvas after each stamp; ``nan`` where no stamp has landed yet."""
    k, d, s = data.kernel.shape[0], data.dilation, data.stride
    i = data.x.shape[0]
    touched = np.zeros(data.stamps.shape, dtype=bool)  # (i·i, H_c, W_c)
    for n in range(data.steps):
        r, c = divmod(n, i)
        touched[n, r * s : r * s + span(k, d) : d, c * s : c * s + span(k, d) : d] = True
    reached = np.logical_or.accumulate(touched, axis=0)
    reached[-1] = True  # after the last stamp a cell none reached is simply 0
    return np.where(reached, np.cumsum(data.stamps, axis=0), np.nan)


def stamp_hover(data: ScatterData, *, lang: str, max_terms: int = 12) -> np.ndarray:
    """(H_c, W_c) hover text of the canvas: every stamp that lands on the cell and the sum."""
    k, d, s = data.kernel.shape[0], data.dilation, data.stride
    i = data.x.shape[0]
    terms: dict[tuple[int, int], list[str]] = {}
    for r in range(i):
        for c in range(i):
            for a in range(k):
                for b in range(k):
                    terms.setdefault((r * s + a * d, c * s + b * d), []).append(
                        f"x[{r},{c}]·{weight_name(a, b)}"
                        f" = {signed(data.x[r, c])}·{signed(data.kernel[a, b])}"
                    )
    total = data.stamps.sum(axis=0)  # (H_c, W_c)
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
    final = data.stamps.sum(axis=0)  # (H_c, W_c)
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
    i, k = data.x.shape[0], data.kernel.shape[0]
    r, c = divmod(step, i)
    r0, c0 = r * data.stride, c * data.stride
    reach = span(k, data.dilation) - 1
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


def _scatter_step(data: ScatterData, step: int, *, lang: str) -> list[dict]:
    """The step traces of one step: input cell, stamp outline, stamp taps, caption."""
    i, k, d, s = data.x.shape[0], data.kernel.shape[0], data.dilation, data.stride
    r, c = divmod(step, i)
    reach = span(k, d)
    ix, iy = outline(r, c, r + 1, c + 1)
    sx, sy = outline(r * s, c * s, r * s + reach, c * s + reach)
    taps = [(r * s + a * d, c * s + b * d) for a in range(k) for b in range(k)] if d > 1 else []
    return [
        {"type": "scatter", "x": ix, "y": iy},
        {"type": "scatter", "x": sx, "y": sy},
        {"type": "scatter", "x": [v for _, v in taps], "y": [u for u, _ in taps]},
        {"type": "scatter", "text": [scatter_caption(data, step, lang=lang)]},
    ]


def values_update(spec: GridSpec, values: np.ndarray) -> list[dict]:
    """Frame data replacing a panel's heatmap and its numbers with ``values`` (nan: blank)."""
    real = real_mask(spec)
    lo, hi = value_range(spec, real)
    return [
        {"type": "heatmap", "z": np.where(real, values, np.nan)},
        {
            "type": "scatter",
            "text": cell_texts(spec, values),
            "textfont": {"color": text_colours(np.nan_to_num(values, nan=lo), real, lo, hi)},
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
    fig = panels_figure(specs, operators=("×", "→"))
    px = panel_px(specs)
    rows = max(np.shape(s.values)[0] for s in specs)
    first = _scatter_step(data, step, lang=lang)
    base = len(fig.data)
    fig.add_traces(
        [
            line_trace(first[0]["x"], first[0]["y"], panel=INPUT),
            line_trace(first[1]["x"], first[1]["y"], panel=CANVAS),
            marker_trace(first[2]["x"], first[2]["y"], panel=CANVAS, px=px),
            caption_trace(first[3]["text"][0], rows=rows),
        ]
    )
    fig.update_layout(shapes=[*backdrop(CANVAS, *data.canvas_shape), *fig.layout.shapes])
    reserve_below(fig, 52)
    if not animate:
        return fig
    heat, text = panel_trace_indices(specs)[CANVAS]
    i = data.x.shape[0]
    frames = [
        go.Frame(
            name=f"x[{n // i},{n % i}]",
            data=[*values_update(specs[CANVAS], steps[n]), *_scatter_step(data, n, lang=lang)],
            traces=[heat, text, *range(base, base + 4)],
        )
        for n in range(data.steps)
    ]
    return add_play_controls(fig, frames, lang=lang, active=step)
