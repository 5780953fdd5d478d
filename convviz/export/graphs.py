"""Graph panels drawn with Pillow: nodes in columns (or layers) joined by edges.

Edges and node outlines are drawn at twice the size and reduced (smooth lines), then labels
and column titles on top in the role colours. ``direction="right"`` lays the columns out left
to right, ``"up"`` stacks them bottom to top (WaveNet layers).
"""

from __future__ import annotations

from math import ceil

from PIL import Image, ImageDraw

from convviz.export.painter import WHITE, Painter, draw_centred, rgb
from convviz.export.scene import GraphPanel
from convviz.style.palette import ROLE_COLOUR

NODE_RADIUS, NODE_PITCH, COLUMN_PITCH, LAYER_PITCH = 13, 34, 150, 64  # base px


def _graph_geometry(panel: GraphPanel, painter: Painter) -> tuple[list, int, int]:
    """Base px node centres per column, and the panel's width and height."""
    counts = [len(column.labels) for column in panel.columns]
    titles = [painter.measure(painter.text(c.title), 12, "bold") for c in panel.columns]
    most = max(counts, default=1)
    if panel.direction == "right":
        half = [max(NODE_RADIUS, ceil(w / 2)) for w in titles]
        xs = [half[0]]
        for i in range(1, len(counts)):
            xs.append(xs[-1] + max(COLUMN_PITCH, half[i - 1] + half[i] + 16))
        top = 22 if any(titles) else 4
        centres = [
            [(x, top + (j + 0.5) * most * NODE_PITCH / n) for j in range(n)]
            for x, n in zip(xs, counts, strict=True)
        ]
        return centres, (xs[-1] + half[-1]) if xs else 1, top + most * NODE_PITCH
    left = ceil(max(titles, default=0)) + (12 if any(titles) else 0)
    layers = len(counts)
    centres = [
        [
            (
                left + (j + 0.5) * most * NODE_PITCH / n,
                (layers - 1 - i) * LAYER_PITCH + NODE_PITCH / 2,
            )
            for j in range(n)
        ]
        for i, n in enumerate(counts)
    ]
    return centres, left + most * NODE_PITCH, (layers - 1) * LAYER_PITCH + NODE_PITCH


def graph_size(panel: GraphPanel, painter: Painter) -> tuple[int, int]:
    """Base px ``(width, height)`` of a graph panel."""
    _, width, height = _graph_geometry(panel, painter)
    return width, height


def graph_image(panel: GraphPanel, painter: Painter) -> Image.Image:
    """The graph drawn on white: edges, then nodes with their labels, then column titles."""
    if (found := painter.recall(panel)) is not None:
        return found  # type: ignore[return-value]
    centres, width, height = _graph_geometry(panel, painter)
    s, ss = painter.scale, 2 * painter.scale  # edges and rings drawn 2x larger, then reduced
    big = Image.new("RGB", (width * ss, height * ss), WHITE)
    draw = ImageDraw.Draw(big)
    for edge in panel.edges:
        (x0, y0), (x1, y1) = (
            centres[edge.source[0]][edge.source[1]],
            centres[edge.target[0]][edge.target[1]],
        )
        draw.line(
            (x0 * ss, y0 * ss, x1 * ss, y1 * ss),
            fill=rgb(edge.colour),
            width=max(1, round(edge.width * ss)),
        )
    r = NODE_RADIUS * ss
    for column, points in zip(panel.columns, centres, strict=True):
        for j, (x, y) in enumerate(points):
            ring = column.rings[j] if column.rings else ROLE_COLOUR.get(column.role, "#999999")
            box = (x * ss - r, y * ss - r, x * ss + r, y * ss + r)
            shape = draw.rectangle if column.square else draw.ellipse
            shape(box, fill=WHITE, outline=rgb(ring), width=3 * ss // 2)
    image = big.resize((width * s, height * s), Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(image)
    for column, points in zip(panel.columns, centres, strict=True):
        colour = rgb(ROLE_COLOUR.get(column.role, "#333333"))
        for label, (x, y) in zip(column.labels, points, strict=True):
            draw_centred(draw, label, (x * s, y * s), px=11 * s, colour=colour, style="sans")
        title = painter.text(column.title)
        if title and points:
            if panel.direction == "right":
                draw_centred(
                    draw, title, (points[0][0] * s, 9 * s), px=12 * s, colour=colour, style="bold"
                )
            else:
                w = painter.measure(title, 12, "bold")
                draw_centred(
                    draw,
                    title,
                    ((w / 2 + 2) * s, points[0][1] * s),
                    px=12 * s,
                    colour=colour,
                    style="bold",
                )
    return painter.remember(panel, painter.convert(image))  # type: ignore[return-value]
