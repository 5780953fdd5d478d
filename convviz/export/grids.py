"""Grid panels drawn with Pillow, in the colours of the on-screen figures.

Cells: REAL values in the light tint of the panel's role (``ROLE_FILL``, dark text) or,
coloured by value, on cividis over the panel's value range (text dark or light by
``text_colour_for``); other kinds filled with ``KIND_FILL``, ``nan`` drawn as an empty
(OUTSIDE-coloured) cell. Highlighted cells (the window, the cell being computed) are tinted
with ``HIGHLIGHT`` and outlined boldly, as on screen. Numbers use the largest font (base 7
to 16 px) at which the widest number of the panel fits its cells (:func:`grid_font`); when
even 7 px does not fit, the panel's numbers are hidden and the scene says so in a note. Cell
tables and grid images are remembered by the :class:`~convviz.export.painter.Painter`, so an
animation repaints only the cells that change.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from convviz.export.painter import Painter, rgb
from convviz.export.scene import GridPanel, format_number
from convviz.style.palette import (
    HIGHLIGHT,
    HIGHLIGHT_ALPHA,
    HIGHLIGHT_TINT,
    KIND_FILL,
    KIND_TEXT,
    ROLE_FILL,
    SECONDARY_HIGHLIGHT,
    TEXT_DARK,
    CellKind,
    cividis_rgb,
    text_colour_for,
)

FRAME_GREY = "#D0D0D0"  # thin frame around a grid (keeps near-white cells visible on paper)
MIN_FONT, MAX_FONT = 7, 16  # base px of the numbers in cells
HIGHLIGHT_WIDTH, SECONDARY_WIDTH = 4, 2  # base px


def cell_texts(panel: GridPanel) -> np.ndarray:
    """(H, W) text of every cell: the label if given, else the number ("" when hidden)."""
    if panel.labels is not None:
        return panel.labels.astype(object)
    if not panel.show_numbers:
        return np.full(panel.shape, "", dtype=object)
    levels, inverse = np.unique(panel.values, return_inverse=True)
    texts = np.array([format_number(v, panel.decimals) for v in levels.tolist()], dtype=object)
    return texts[inverse.reshape(panel.shape)]  # (H, W)


def cell_colours(panel: GridPanel) -> tuple[np.ndarray, np.ndarray]:
    """(H, W, 3) uint8 fill colours and (H, W, 3) text colours, as on screen.

    Notes
    -----
    By role, REAL cells take ``ROLE_FILL[panel.role]``. By value, REAL cells take
    ``cividis_rgb(t)`` with ``t = (v - lo) / (hi - lo)`` clipped to [0, 1]
    over ``panel.value_range`` (default: min / max of the finite REAL cells; a flat range is
    widened by 1 each side, as on screen).
    """
    values = panel.values
    kinds = panel.kinds if panel.kinds is not None else np.zeros(values.shape, np.int8)
    finite = np.isfinite(values)
    real = (kinds == CellKind.REAL) & finite
    if panel.value_range is not None:
        lo, hi = (float(v) for v in panel.value_range)
    elif real.any():
        lo, hi = float(values[real].min()), float(values[real].max())
    else:
        lo, hi = 0.0, 1.0
    if hi <= lo:
        lo, hi = lo - 1.0, hi + 1.0
    if panel.colour_by == "value":
        t = np.clip((np.where(real, values, lo) - lo) / (hi - lo), 0.0, 1.0)
        levels, inverse = np.unique(t, return_inverse=True)
        lut_fill = np.array([cividis_rgb(v) for v in levels], dtype=np.uint8)  # (L, 3)
        lut_text = np.array([rgb(text_colour_for(v)) for v in levels], dtype=np.uint8)  # (L, 3)
        fill = lut_fill[inverse.reshape(values.shape)]  # (H, W, 3)
        text = lut_text[inverse.reshape(values.shape)]  # (H, W, 3)
    else:
        tint = rgb(ROLE_FILL.get(panel.role, ROLE_FILL["other"]))
        fill = np.broadcast_to(np.array(tint, np.uint8), (*values.shape, 3)).copy()  # (H, W, 3)
        text = np.broadcast_to(np.array(rgb(TEXT_DARK), np.uint8), fill.shape).copy()
    for kind in CellKind:
        if kind == CellKind.REAL:
            continue
        mask = kinds == kind
        fill[mask] = rgb(KIND_FILL.get(kind, "#FFFFFF"))
        text[mask] = rgb(KIND_TEXT)
    empty = (kinds == CellKind.REAL) & ~finite
    fill[empty] = rgb(KIND_FILL[CellKind.OUTSIDE])
    return fill, text


def content_key(panel: GridPanel) -> tuple:
    """Everything that decides how a grid's cells look (not its title or highlights)."""
    return (
        panel.values.tobytes(),
        panel.shape,
        None if panel.kinds is None else panel.kinds.tobytes(),
        None if panel.labels is None else panel.labels.tobytes(),
        panel.value_range,
        panel.decimals,
        panel.show_numbers,
        panel.colour_by,
    )


def grid_content(panel: GridPanel, painter: Painter) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(texts, fills, text colours)`` of a grid, remembered by the painter."""
    key = content_key(panel)
    if key not in painter.contents:
        painter.contents[key] = (cell_texts(panel), *cell_colours(panel))
    return painter.contents[key]


def number_font(painter: Painter, texts: np.ndarray, cell: int) -> int:
    """Base px of the numbers in cells ``cell`` base px wide; 0 when they cannot fit.

    The largest size from ``round(0.42·cell)`` (clipped to 7 … 16) down to 7 at which the
    widest text leaves 2 base px free on each side.
    """
    unique = set(texts.ravel().tolist()) - {""}
    if not unique:
        return MAX_FONT
    preferred = int(np.clip(round(cell * 0.42), MIN_FONT, MAX_FONT))
    room = cell - 4
    for size in range(preferred, MIN_FONT - 1, -1):
        if max(painter.measure(str(t), size) for t in unique) <= room:
            return size
    return 0


def grid_font(panel: GridPanel, cell: int, painter: Painter) -> int:
    """:func:`number_font` of ``panel`` (0: its numbers are hidden)."""
    return number_font(painter, grid_content(panel, painter)[0], cell)


def grid_size(panel: GridPanel, cell: int) -> tuple[int, int]:
    """Base px ``(width, height)`` of a grid with cells ``cell`` base px apart."""
    rows, cols = panel.shape
    return cols * cell + 1, rows * cell + 1


def grid_image(panel: GridPanel, cell: int, font_px: int, painter: Painter) -> Image.Image:
    """The grid drawn without highlights, numbers at ``font_px`` base px (0 hides them).

    Remembered by content. A grid of the same shape and font as the last one drawn is made by
    copying that one and repainting only the cells that differ (an animation's output
    filling in cell by cell costs a few pastes per frame).
    """
    key = ("image", content_key(panel), cell, font_px)
    if (found := painter.recall(key)) is not None:
        return found  # type: ignore[return-value]
    texts, fill, colour = grid_content(panel, painter)
    if not font_px:
        texts = np.full(panel.shape, "", dtype=object)
    s = painter.scale
    pitch, tile = cell * s, (cell - 1) * s
    width, height = grid_size(panel, cell)
    style = ("last", panel.shape, cell, font_px)
    last = painter.recall(style)
    if last is None:
        image = painter.blank((width * s, height * s))
        ImageDraw.Draw(image).rectangle(
            (0, 0, width * s - 1, height * s - 1), outline=painter.ink(FRAME_GREY), width=s
        )
        changed = np.ones(panel.shape, dtype=bool)
    else:
        image = last[0].copy()
        changed = (
            (last[1] != texts) | (last[2] != fill).any(axis=-1) | (last[3] != colour).any(axis=-1)
        )
    for r, c in zip(*np.nonzero(changed), strict=True):
        piece = painter.tile(
            tuple(fill[r, c].tolist()),
            str(texts[r, c]),
            tuple(colour[r, c].tolist()),
            font_px,
            tile,
        )
        image.paste(piece, (s + int(c) * pitch, s + int(r) * pitch))
    painter.remember(style, (image, texts, fill, colour))
    return painter.remember(key, image)  # type: ignore[return-value]


def tinted(fill: tuple[int, int, int]) -> tuple[int, int, int]:
    """``fill`` under the translucent ``HIGHLIGHT_TINT`` (``HIGHLIGHT_ALPHA``), as on screen."""
    top = rgb(HIGHLIGHT_TINT)
    return tuple(round(f + (t - f) * HIGHLIGHT_ALPHA) for f, t in zip(fill, top, strict=True))  # type: ignore[return-value]


def tint_highlights(
    canvas: Image.Image,
    panel: GridPanel,
    origin: tuple[int, int],
    cell: int,
    *,
    font_px: int,
    painter: Painter,
) -> None:
    """Repaint the cells under ``panel``'s primary highlights with :func:`tinted` fills."""
    if not panel.highlights:
        return
    texts, fill, colour = grid_content(panel, painter)
    s = painter.scale
    pitch, size = cell * s, (cell - 1) * s
    covered = np.zeros(panel.shape, dtype=bool)
    for r0, c0, r1, c1 in panel.highlights:
        covered[r0:r1, c0:c1] = True
    for r, c in zip(*np.nonzero(covered), strict=True):
        piece = painter.tile(
            tinted(tuple(fill[r, c].tolist())),
            str(texts[r, c]) if font_px else "",
            tuple(colour[r, c].tolist()),
            font_px,
            size,
        )
        canvas.paste(piece, (origin[0] + s + int(c) * pitch, origin[1] + s + int(r) * pitch))


def draw_highlights(
    canvas: Image.Image, panel: GridPanel, origin: tuple[int, int], cell: int, painter: Painter
) -> None:
    """Outline ``panel``'s highlight rectangles on ``canvas``; ``origin`` in real px."""
    draw = ImageDraw.Draw(canvas)
    s = painter.scale
    for rects, colour, width in (
        (panel.secondary, SECONDARY_HIGHLIGHT, SECONDARY_WIDTH),
        (panel.highlights, HIGHLIGHT, HIGHLIGHT_WIDTH),
    ):
        w = width * s
        for r0, c0, r1, c1 in rects:
            x0 = origin[0] + c0 * cell * s + s // 2 - w // 2
            y0 = origin[1] + r0 * cell * s + s // 2 - w // 2
            x1 = origin[0] + c1 * cell * s + s // 2 + (w - w // 2) - 1
            y1 = origin[1] + r1 * cell * s + s // 2 + (w - w // 2) - 1
            draw.rectangle((x0, y0, x1, y1), outline=painter.ink(colour), width=w)
