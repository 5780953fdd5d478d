"""Shared pieces of the transposed-convolution figures: the kernel choices, tap names, and the
light-weight step animation every animated view of the page uses.

The animations send as little as possible to the browser: a step changes a few small "step
traces" (outlines, markers, the caption) and, where a view fills in as it goes, the values of
one panel. When all steps together would be too heavy (:data:`ANIMATION_BUDGET`), the page
steps on the server instead. Builders here are pure: arrays and ``lang`` in, figures out.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.lowering import flip_kernel
from convviz.engine.matrix import symbolic_labels
from convviz.figures.common.grid import (
    GridSpec,
    cell_px,
    cell_texts,
    format_number,
    panel_axes,
    real_mask,
    text_colours,
    value_range,
)
from convviz.figures.common.layout_set import set_layout
from convviz.inputs import make_values
from convviz.style.palette import (
    HIGHLIGHT,
    HIGHLIGHT_FILL,
    HIGHLIGHT_WIDTH,
    KIND_FILL,
    SECONDARY_HIGHLIGHT,
    CellKind,
)

KERNEL_KINDS = ("example", "arange", "ones", "random", "custom")
# Cell values an animation may send across all of its frames (about 30 bytes each, so an
# animated chart stays well under 1 MB).
ANIMATION_BUDGET = 20_000
# Steps a client-side animation may have at all (each costs a frame object).
MAX_ANIMATED_STEPS = 225


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


def weight_labels(kernel_size: int, *, flipped: bool = False) -> np.ndarray:
    """(k, k) object array of tap names (``"w₀₁"``, the engine's ``tap_label``);
    ``flipped`` names the 180°-rotated kernel's cells."""
    k = kernel_size
    labels = symbolic_labels(np.arange(k * k).reshape(k, k), k)  # (k, k)
    return flip_kernel(labels) if flipped else labels


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


def outline(r0: int, c0: int, r1: int, c1: int) -> tuple[list[float], list[float]]:
    """x and y of a closed line around cells rows [r0, r1) × cols [c0, c1)."""
    x0, x1, y0, y1 = c0 - 0.5, c1 - 0.5, r0 - 0.5, r1 - 0.5
    return [x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0]


def fits_animation(steps: int, cells_per_step: int) -> bool:
    """Whether ``steps`` frames that each resend ``cells_per_step`` values stay light enough."""
    return steps <= MAX_ANIMATED_STEPS and steps * max(cells_per_step, 1) <= ANIMATION_BUDGET


def panel_px(specs: list[GridSpec]) -> int:
    """The cell size :func:`panels_figure` uses for ``specs`` (to size markers)."""
    n = len(specs)
    return min(cell_px(*np.shape(s.values), max_px=min(440, 900 // max(1, n))) for s in specs)


# The axes a step caption hangs from (see caption_trace): a number no panel uses.
CAPTION_AXIS = 99
CAPTION_STRIP = 0.001  # their height, as a share of the plot: under a pixel


def caption_trace(text: str, *, fig: go.Figure, panel: int = 0) -> dict:
    """A text trace under the panels, from the left edge of panel ``panel`` (the per-step
    caption: it moves with the frames).

    The caption hangs from a pair of hidden axes of its own, which this adds to ``fig``'s
    layout: a strip under a pixel high at the bottom of the lowest panel, from panel
    ``panel``'s left edge to the right edge of the plot. On a panel's own axes it would be
    hidden under a panel shorter than its neighbours (Plotly hides a text point outside its
    axes' range, and a panel's axes cover only its own rows), and a strip so thin takes no
    clicks meant for a cell.

    Step traces are plain dicts (``"type": "scatter"``): a figure builds its trace objects
    from them once, while a ``go.Scatter`` would be checked property by property and then
    copied back into a dict by ``fig.add_traces``.
    """
    layout = fig.layout
    left = layout[f"xaxis{'' if panel == 0 else panel + 1}"].domain[0]
    bottom = min(axis.domain[0] for axis in fig.select_yaxes() if axis.domain)
    hidden = {"visible": False, "range": [0, 1], "fixedrange": True}
    set_layout(
        fig,
        **{
            f"xaxis{CAPTION_AXIS}": {**hidden, "domain": [left, 1]},
            f"yaxis{CAPTION_AXIS}": {
                **hidden,
                "domain": [bottom, bottom + CAPTION_STRIP],
                "anchor": f"x{CAPTION_AXIS}",
            },
        },
    )
    return {
        "type": "scatter",
        "x": [0],
        "y": [0],  # on the edge: Plotly hides text points outside the range
        "xaxis": f"x{CAPTION_AXIS}",
        "yaxis": f"y{CAPTION_AXIS}",
        "text": [text],
        "mode": "text",
        "cliponaxis": False,
        "textposition": "bottom right",
        "hoverinfo": "skip",
        "showlegend": False,
        "textfont": {"family": "monospace", "size": 14},
    }


def line_trace(
    xs: list,
    ys: list,
    *,
    panel: int,
    colour: str = HIGHLIGHT,
    width: float = HIGHLIGHT_WIDTH,
    dash: str = "solid",
) -> dict:
    """An outline (closed line) drawn on panel ``panel``; a step trace (a dict, as above).

    In ``HIGHLIGHT`` (the window, the cell being computed) the outline is filled with a
    translucent ``HIGHLIGHT_FILL``, as :class:`~convviz.figures.common.grid.Highlight` is.
    """
    filled = colour == HIGHLIGHT
    trace = {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "lines",
        "fill": "toself" if filled else "none",
        "line": {"color": colour, "width": width, "dash": dash},
        "hoverinfo": "skip",
        "showlegend": False,
        **panel_axes(panel),
    }
    if filled:
        trace["fillcolor"] = HIGHLIGHT_FILL
    return trace


def marker_trace(xs: list, ys: list, *, panel: int, px: int) -> dict:
    """Open squares on single cells of panel ``panel`` (the taps of a dilated stamp)."""
    return {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "markers",
        "hoverinfo": "skip",
        "showlegend": False,
        **panel_axes(panel),
        "marker": {
            "symbol": "square-open",
            "size": max(6, px - 6),
            "color": SECONDARY_HIGHLIGHT,
            "line": {"width": 2, "color": SECONDARY_HIGHLIGHT},
        },
    }


def values_update(spec: GridSpec, values: np.ndarray) -> list[dict]:
    """Frame data replacing a panel's heatmap and its numbers with ``values`` (nan: blank).

    The heatmap's ``z`` only colours the cells (its hover is off), so it goes as float32: half
    the bytes of float64 in every frame of the chart's JSON, each value within float32's
    rounding (6e-8 of itself). The numbers written in the cells come from ``values`` as they
    are.
    """
    real = real_mask(spec)
    lo, hi = value_range(spec, real)
    return [
        {"type": "heatmap", "z": np.where(real, values, np.nan).astype(np.float32)},  # (H, W)
        {
            "type": "scatter",
            "text": cell_texts(spec, values),
            "textfont": {
                # blank (nan) cells get the lowest value's colour, as with nan_to_num
                "color": text_colours(values, real, lo, hi, by_value=spec.colour_by == "value")
            },
        },
    ]
