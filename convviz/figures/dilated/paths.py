"""The path-count heatmap of a stack: how many chains of taps join each input pixel of the
field to one output pixel.

A stack of equal rates leaves *holes*: input pixels inside the field joined to the output by
no chain of taps (count 0), drawn grey and crossed. Builders are pure (engine results and
``lang`` in).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.grid import GridSpec, Highlight, cell_px, format_number, panels_figure
from convviz.i18n import translate
from convviz.style.palette import HIGHLIGHT, ROLE_COLOUR, CellKind

MAX_FIELD_DRAWN = 65  # largest field side drawn as a heatmap; beyond it cells are < 7 px


def _labels(counts: np.ndarray) -> np.ndarray:
    """Counts as text where the grid is small enough to read them, "" elsewhere."""
    if counts.size > 900:
        return np.full(counts.shape, "", dtype=object)
    return np.vectorize(lambda v: format_number(v) if v else "", otypes=[object])(counts)


def _hole_markers(holes: np.ndarray, *, px: int) -> go.Scatter:
    """Vermillion crosses over the holes (on top of the grey 'not reached' fill)."""
    rows, cols = np.nonzero(holes)
    return go.Scatter(
        x=cols,
        y=rows,
        mode="markers",
        marker={
            "symbol": "x-thin",
            "size": max(5, int(px * 0.45)),
            "line": {"width": 1.5, "color": HIGHLIGHT},
            "color": HIGHLIGHT,
        },
        hoverinfo="skip",
        showlegend=False,
    )


def path_count_figure(counts: np.ndarray, origin: tuple[int, int], *, lang: str) -> go.Figure:
    """Heatmap of how many tap chains join each input pixel to one output pixel.

    Parameters
    ----------
    counts : np.ndarray
        (r, r) path counts from the engine; ``counts[i, j]`` belongs to input offset
        ``(i − origin[0], j − origin[1])`` from the output pixel.
    origin : (int, int)
        Index of offset (0, 0), outlined.
    lang : {"en", "zh"}

    Returns
    -------
    go.Figure
        Cells coloured by log(1 + count) with the count printed (up to 30×30 cells); holes
        (count 0) filled grey and crossed in vermillion.
    """
    counts = np.asarray(counts)
    holes = counts == 0
    rows, cols = counts.shape
    hover = np.empty(counts.shape, dtype=object)
    for i in range(rows):
        for j in range(cols):
            key = "dilated.stack.heat_hover_hole" if holes[i, j] else "dilated.stack.heat_hover"
            hover[i, j] = translate(
                key, lang, dr=i - origin[0], dc=j - origin[1], count=format_number(counts[i, j])
            )
    spec = GridSpec(
        values=np.log1p(counts.astype(float)),
        title=translate("dilated.stack.heat_title", lang),
        role="input",
        colour_by="value",  # a heat map: the counts' pattern is the lesson, whatever the switch
        kinds=np.where(holes, CellKind.OUTSIDE, CellKind.REAL),
        labels=_labels(counts),
        hover=hover,
        highlights=(
            Highlight(
                origin[0],
                origin[1],
                origin[0] + 1,
                origin[1] + 1,
                colour=ROLE_COLOUR["output"],
                width=3,
            ),
        ),
    )
    fig = panels_figure([spec])
    if holes.any():
        fig.add_trace(_hole_markers(holes, px=cell_px(rows, cols)))
    return fig
