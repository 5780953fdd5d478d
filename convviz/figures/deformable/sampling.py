"""The deformable page's main figure: the input with one output cell's regular grid and moved
points, arrows between them, and the output grid to click; and one point opened up (its four
neighbours, their values and bilinear weights).

Input coordinates (row, col) are drawn at (col + m, row + m) of the first panel, m being the
margin of cells drawn around the input (padding, and room for points that land outside).
Builders are pure: arrays and ``lang`` in, figures out.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.deform_trace import CellSampling
from convviz.figures.common.grid import GridSpec, Highlight, format_number, panels_figure
from convviz.figures.common.layout_set import set_layout
from convviz.figures.deformable.data import NUMBERED_SIDE
from convviz.i18n import translate
from convviz.style.palette import OKABE_ITO, SECONDARY_HIGHLIGHT, CellKind

REGULAR_COLOUR = OKABE_ITO["sky_blue"]
MOVED_COLOUR = OKABE_ITO["vermillion"]
TAP_SIZE = 2  # customdata length of a moved point: (tap, -1); grid cells carry three numbers


def arrow_traces(
    start: np.ndarray, end: np.ndarray, *, marker_size: int
) -> tuple[go.Scatter, go.Scatter, go.Scatter]:
    """Lines from each start to its end, hollow markers at the starts, filled at the ends.

    ``start`` and ``end`` are (P, 2) ``(row, col)`` in panel cells of the first panel.
    """
    gaps = np.full(len(end), np.nan)
    xs = np.column_stack([start[:, 1], end[:, 1], gaps]).ravel()  # (3P,): x0, x1, gap, …
    ys = np.column_stack([start[:, 0], end[:, 0], gaps]).ravel()
    lines = go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": MOVED_COLOUR, "width": 1.5},
        hoverinfo="skip",
        showlegend=False,
    )
    starts = go.Scatter(
        x=start[:, 1],
        y=start[:, 0],
        mode="markers",
        marker={
            "symbol": "circle-open",
            "size": marker_size,
            "color": REGULAR_COLOUR,
            "line": {"width": 2},
        },
        hoverinfo="skip",
        showlegend=False,
    )
    ends = go.Scatter(
        x=end[:, 1],
        y=end[:, 0],
        mode="markers",
        marker={"symbol": "circle", "size": marker_size - 2, "color": MOVED_COLOUR},
        hoverinfo="skip",
        showlegend=False,
    )
    return lines, starts, ends


def input_spec(x: np.ndarray, m: int, lang: str, *, highlights=()) -> GridSpec:
    """The input with ``m`` cells of zeros around it (numbers only up to 12×12; a larger input
    is a picture, so it is coloured by value whatever the page's colouring)."""
    padded = np.pad(x, m)  # (H + 2m, W + 2m)
    kinds = np.full(padded.shape, int(CellKind.BORDER_PAD))
    kinds[m : m + x.shape[0], m : m + x.shape[1]] = CellKind.REAL
    labels, colouring = None, {}
    if max(x.shape) > NUMBERED_SIDE:
        labels = np.full(padded.shape, "", dtype=object)
        colouring = {"colour_by": "value"}
    return GridSpec(
        padded,
        title=translate("deformable.figure.input", lang, m=m),
        role="input",
        kinds=kinds,
        labels=labels,
        highlights=tuple(highlights),
        value_range=(float(x.min()), float(x.max())),
        **colouring,
    )


def output_hover(output: np.ndarray) -> np.ndarray:
    """``y[i, j] = value`` for every output cell (shown on hover), shape (H_out, W_out)."""
    rows, cols = np.indices(output.shape)
    texts = [
        f"y[{r}, {c}] = {format_number(v, 4)}"
        for r, c, v in zip(rows.ravel(), cols.ravel(), output.ravel(), strict=True)
    ]
    return np.array(texts, dtype=object).reshape(output.shape)


def neighbour_square(sampling: CellSampling, tap: int, m: int) -> Highlight:
    """The 2×2 square of tap ``tap``'s neighbours, on the input panel."""
    r, c = int(sampling.corner_rows[tap, 0]) + m, int(sampling.corner_cols[tap, 0]) + m
    return Highlight(r, c, r + 2, c + 2, colour=SECONDARY_HIGHLIGHT, width=2, dash="dot")


def sampling_figure(
    x: np.ndarray,
    output: np.ndarray,
    sampling: CellSampling,
    *,
    tap: int,
    m: int,
    lang: str,
) -> go.Figure:
    """Input (regular grid ○, moved points ●, arrows) beside the clickable output grid.

    Parameters
    ----------
    x : numpy.ndarray, shape (H, W)
    output : numpy.ndarray, shape (H_out, W_out)
    sampling : CellSampling
        The chosen output cell's points.
    tap : int
        The point opened up (its neighbours are outlined).
    m : int
        Margin drawn around the input.
    """
    i, j = sampling.cell
    specs = [
        input_spec(x, m, lang, highlights=[neighbour_square(sampling, tap, m)]),
        GridSpec(
            output,
            title=translate("deformable.figure.output", lang),
            role="output",
            highlights=(Highlight(i, j, i + 1, j + 1),),
            clickable=True,
            hover=output_hover(output),
        ),
    ]
    figure = panels_figure(specs, operators=("→",))
    regular = sampling.regular + m  # (T, 2) in panel cells
    moved = sampling.points + m
    taps = np.arange(len(moved))
    hover = [
        translate(
            "deformable.figure.point_hover",
            lang,
            t=t,
            y=format_number(p[0]),
            x=format_number(p[1]),
            value=format_number(v, 3),
        )
        for t, p, v in zip(taps, sampling.points, sampling.values, strict=True)
    ]
    # Rings, not dots: the cell's number stays readable inside them (also when lecture mode
    # enlarges numbers and markers alike). The regular grid's ring is the larger one.
    lines, starts, ends = arrow_traces(regular, moved, marker_size=30)
    ends.update(
        mode="markers+text",
        text=[str(t) for t in taps],
        textposition="top right",
        textfont={"color": MOVED_COLOUR, "size": 14},  # figure text: 14 px at least
        marker={
            "symbol": "circle-open",
            "size": np.where(taps == tap, 24, 20),
            "color": MOVED_COLOUR,
            "line": {"width": np.where(taps == tap, 4, 2.5)},
        },
        customdata=np.stack([taps, np.full_like(taps, -1)], axis=1),
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        hoverinfo=None,
    )
    figure.add_traces([lines, starts, ends])
    return figure


def opened_point_figure(sampling: CellSampling, tap: int, lang: str) -> go.Figure:
    """Tap ``tap``'s four neighbours: value and bilinear weight in each (0 outside the image)."""
    rows = sampling.corner_rows[tap].reshape(2, 2)
    cols = sampling.corner_cols[tap].reshape(2, 2)
    values = sampling.corner_values[tap].reshape(2, 2)
    weights = sampling.corner_weights[tap].reshape(2, 2)
    inside = sampling.corner_inside[tap].reshape(2, 2)
    labels = np.array(
        [
            [
                translate(
                    "deformable.figure.neighbour",
                    lang,
                    r=int(rows[a, b]),
                    c=int(cols[a, b]),
                    value=format_number(values[a, b]),
                    weight=format_number(weights[a, b], 4),
                )
                for b in range(2)
            ]
            for a in range(2)
        ],
        dtype=object,
    )
    kinds = np.where(inside, int(CellKind.REAL), int(CellKind.BORDER_PAD))
    spec = GridSpec(
        values,
        title=translate(
            "deformable.figure.opened",
            lang,
            t=tap,
            y=format_number(sampling.points[tap, 0]),
            x=format_number(sampling.points[tap, 1]),
        ),
        role="input",
        kinds=kinds,
        labels=labels,
    )
    figure = panels_figure([spec])
    # Three lines of 14-px text in each of the four cells (a longer title adds its lines).
    set_layout(figure, width=440, height=320 + int(figure.layout.margin.t) - 30)
    figure.update_traces(textfont={"size": 14}, selector={"mode": "markers+text"})
    return figure


def hidden_points(sampling: CellSampling, size: int, m: int) -> int:
    """How many moved points lie beyond the ``m`` cells drawn around a ``size×size`` input."""
    outside = (sampling.points < -m) | (sampling.points > size - 1 + m)  # (T, 2)
    return int(outside.any(axis=1).sum())
