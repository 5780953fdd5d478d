"""Grids in several rows of panels: a clip's frames above its output frames, say.

:func:`convviz.figures.common.grid.panels_figure` puts every panel in one row; a clip of eight
frames and its output would not fit a screen that way. Here each row is a list of panels,
rows are stacked top to bottom, and every cell has the same size, so a window outline drawn
on any panel lines up with the numbers under it. Panel ``i`` (counting row by row) uses
axes ``x{i+1}`` / ``y{i+1}``, as in ``panels_figure``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.grid import (
    MAX_CELL_PX,
    MIN_CELL_PX,
    GridSpec,
    highlight_shape,
    placed_panel,
    pointer_layout,
    renumber_clicks,
)
from convviz.figures.common.paging import row_px

GAP = 1.2  # cells of space between panels in a row
TITLE_PX = 22  # room above each row for the panel titles
EDGE_PX = 8  # above the first row and below the last


def row_width(columns: Sequence[int], px: int) -> int:
    """Pixels one row of panels ``columns`` wide takes in :func:`tiled_figure` (cells of ``px``)."""
    return row_px(sum(columns) + GAP * (len(columns) - 1), px)


def tiled_px(rows: Sequence[Sequence[GridSpec]], *, max_width: int = 900) -> int:
    """The cell size that lets the widest row fit in ``max_width`` pixels."""
    return shapes_px(_shapes(rows), max_width=max_width)


def shapes_px(shapes: Sequence[Sequence[tuple[int, int]]], *, max_width: int = 900) -> int:
    """:func:`tiled_px` of rows of panels given by their ``(rows, cols)`` shapes."""
    widest = max(sum(c for _, c in row) + GAP * (len(row) - 1) for row in shapes if row)
    return int(np.clip(max_width // max(widest, 1), MIN_CELL_PX, MAX_CELL_PX))


def tiled_height(shapes: Sequence[Sequence[tuple[int, int]]], *, max_width: int = 900) -> int:
    """Pixels tall :func:`tiled_figure` draws rows of panels of these ``(rows, cols)``
    shapes, known before any panel is built."""
    return sum(_row_heights(shapes, shapes_px(shapes, max_width=max_width))) + 2 * EDGE_PX


def _row_heights(shapes: Sequence[Sequence[tuple[int, int]]], px: int) -> list[int]:
    """Pixels each row takes: its tallest panel and the titles above it."""
    return [max(r for r, _ in row) * px + TITLE_PX for row in shapes if row]


def _shapes(rows: Sequence[Sequence[GridSpec]]) -> list[list[tuple[int, int]]]:
    return [[np.shape(s.values) for s in row] for row in rows if row]


def tiled_figure(
    rows: Sequence[Sequence[GridSpec]],
    *,
    max_width: int = 900,
    panel_numbers: Sequence[int] | None = None,
) -> go.Figure:
    """Panels in rows, one cell size throughout.

    Parameters
    ----------
    rows : sequence of sequences of GridSpec
        Panels of each row, left to right; empty rows are skipped.
    max_width : int
        Pixels the widest row may take.
    panel_numbers : sequence of int, optional
        The panel number a click on each drawn panel reports (default: its place, 0, 1, …),
        for a figure that draws some of a longer list of panels.

    Returns
    -------
    go.Figure
        For every panel, in order, the traces of
        :func:`convviz.figures.common.grid.panel_traces`; titles above panels; the height
        fits the rows with square cells.
    """
    rows = [list(row) for row in rows if row]
    shapes_of_rows = _shapes(rows)
    px = shapes_px(shapes_of_rows, max_width=max_width)
    width = max(row_width([c for _, c in row], px) for row in shapes_of_rows)
    heights = _row_heights(shapes_of_rows, px)
    height = tiled_height(shapes_of_rows, max_width=max_width)
    traces: list[dict] = []
    annotations: list[dict] = []
    shapes: list[dict] = []
    axes: dict[str, dict] = {}
    top = EDGE_PX
    panel = 0
    for row, row_height in zip(rows, heights, strict=True):
        cells_high = (row_height - TITLE_PX) / px
        y_domain = [1 - (top + row_height) / height, 1 - (top + TITLE_PX) / height]
        x = 8 / px
        for spec in row:
            n_cols = np.shape(spec.values)[1]
            x_domain = [x * px / width, min((x + n_cols) * px / width, 1.0)]
            placed = placed_panel(
                spec, panel=panel, px=px, x_domain=x_domain, y_domain=y_domain, rows=cells_high
            )
            if panel_numbers is not None:  # a click names the panel's place in the full list
                renumber_clicks(placed["traces"], panel_numbers[panel])
            traces += placed["traces"]
            axes.update(placed["axes"])
            annotations += placed["annotations"]
            shapes += [highlight_shape(h, panel=panel) for h in spec.highlights]
            x += n_cols + GAP
            panel += 1
        top += row_height
    layout = {
        **axes,
        "width": width,
        "height": height,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "annotations": annotations,
        "shapes": shapes,
        **pointer_layout(px, clickable=any(s.clickable for row in rows for s in row)),
        "hoverlabel": {"font": {"family": "monospace"}},
    }
    # every value is built here and known to be valid (see panels_figure)
    return go.Figure(data=traces, layout=layout, _validate=False)
