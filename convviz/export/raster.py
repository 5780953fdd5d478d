"""Drawing panels with Pillow, in the colours of the on-screen figures (one import for all).

The pieces live in one module each: the canvas, its colours and text in
:mod:`convviz.export.painter`, grid panels in :mod:`convviz.export.grids`, graph panels in
:mod:`convviz.export.graphs`. Their public names are importable from here as well.
"""

from convviz.export.graphs import (
    COLUMN_PITCH,
    LAYER_PITCH,
    NODE_PITCH,
    NODE_RADIUS,
    graph_image,
    graph_size,
)
from convviz.export.grids import (
    FRAME_GREY,
    HIGHLIGHT_WIDTH,
    KIND_TEXT,
    MAX_FONT,
    MIN_FONT,
    SECONDARY_WIDTH,
    cell_colours,
    cell_texts,
    content_key,
    draw_highlights,
    grid_content,
    grid_font,
    grid_image,
    grid_size,
    number_font,
)
from convviz.export.painter import (
    PANEL_MEMORY,
    RGB,
    WHITE,
    Painter,
    draw_centred,
    draw_runs,
    font_metrics,
    rgb,
)

__all__ = [
    "COLUMN_PITCH",
    "FRAME_GREY",
    "HIGHLIGHT_WIDTH",
    "KIND_TEXT",
    "LAYER_PITCH",
    "MAX_FONT",
    "MIN_FONT",
    "NODE_PITCH",
    "NODE_RADIUS",
    "PANEL_MEMORY",
    "RGB",
    "SECONDARY_WIDTH",
    "WHITE",
    "Painter",
    "cell_colours",
    "cell_texts",
    "content_key",
    "draw_centred",
    "draw_highlights",
    "draw_runs",
    "font_metrics",
    "graph_image",
    "graph_size",
    "grid_content",
    "grid_font",
    "grid_image",
    "grid_size",
    "number_font",
    "rgb",
]
