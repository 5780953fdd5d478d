"""Drawing grid and graph panels with Pillow, in the colours of the on-screen figures.

A :class:`Painter` draws one picture (a PNG) or a run of animation frames (a GIF) at an integer
``scale``: layout happens in *base* pixels (the size at ``scale=1``) and every coordinate is
multiplied by ``scale``, so a 2x export is exactly twice the 1x size. For GIF frames the
painter works in palette mode with one fixed palette: every cell tile, text and panel is drawn
once in RGB, mapped to the palette once, and pasted by index afterwards, which makes a frame
cost a few pastes instead of a full colour quantisation.

Cells: REAL values on cividis over the panel's value range (text dark or light by
``text_colour_for``), other kinds filled with ``KIND_FILL``, ``nan`` drawn as an empty
(OUTSIDE-coloured) cell. Numbers use the largest font (base 7 to 16 px) at which the widest
number of the panel fits its cells (:func:`grid_font`); when even 7 px does not fit, the
panel's numbers are hidden and the scene says so in a note.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from math import ceil

import numpy as np
from PIL import Image, ImageDraw

from convviz.export import fonts
from convviz.export.model import GraphPanel, GridPanel, Text, format_number, pick
from convviz.figures.palette import (
    HIGHLIGHT,
    KIND_FILL,
    ROLE_COLOUR,
    SECONDARY_HIGHLIGHT,
    CellKind,
    cividis_rgb,
    text_colour_for,
)

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
FRAME_GREY = "#D0D0D0"  # thin frame around a grid (keeps near-white cells visible on paper)
KIND_TEXT = "#444444"  # text on cells filled by kind (the on-screen grids use the same)
MIN_FONT, MAX_FONT = 7, 16  # base px of the numbers in cells
HIGHLIGHT_WIDTH, SECONDARY_WIDTH = 3, 2  # base px
PANEL_MEMORY = 16  # panel images and cell tables a painter keeps (recently used first)
NODE_RADIUS, NODE_PITCH, COLUMN_PITCH, LAYER_PITCH = 13, 34, 150, 64  # graph panels, base px


def rgb(colour: str | RGB) -> RGB:
    """``"#RRGGBB"`` (or an RGB triple) as an RGB triple."""
    if isinstance(colour, tuple):
        return colour
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class Painter:
    """Draws the pieces of one export and remembers them (tiles, texts, panels).

    Parameters
    ----------
    scale : int
        Pixels per base pixel (2 for crisp slides).
    lang : {"en", "zh"}
        Language of :class:`~convviz.export.model.Bilingual` texts. Chinese falls back to
        English when no CJK font is installed (:func:`convviz.export.fonts.has_cjk`).
    palette : sequence of RGB, optional
        Draw in palette mode ("P") with these colours (at most 256); RGB when omitted.
    """

    def __init__(self, *, scale: int, lang: str, palette: Sequence[RGB] | None = None) -> None:
        self.scale = scale
        self.lang = "zh" if lang == "zh" and fonts.has_cjk() else "en"
        self.mode = "RGB" if palette is None else "P"
        self._palette_image: Image.Image | None = None
        if palette is not None:
            flat = [channel for colour in palette for channel in colour]
            self._palette_image = Image.new("P", (1, 1))
            self._palette_image.putpalette(flat + flat[:3] * (256 - len(palette)))
        self._inks: dict[RGB, int | RGB] = {}
        self.panels: OrderedDict[object, object] = OrderedDict()
        self.contents: dict[tuple, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._tiles: dict[tuple, Image.Image] = {}
        self._texts: dict[tuple, Image.Image] = {}
        self._widths: dict[tuple, float] = {}

    def recall(self, key: object) -> object | None:
        """A remembered panel piece (``None`` if unknown); keeps recently used ones first."""
        if key in self.panels:
            self.panels.move_to_end(key)
            return self.panels[key]
        return None

    def remember(self, key: object, value: object) -> object:
        """Remember ``value`` under ``key``, forgetting the oldest past ``PANEL_MEMORY``."""
        self.panels[key] = value
        while len(self.panels) > PANEL_MEMORY:
            self.panels.popitem(last=False)
        return value

    # -- colours and modes -------------------------------------------------------------------
    def text(self, value: Text) -> str:
        """``value`` in the painter's language (English when Chinese cannot be drawn)."""
        return pick(value, self.lang)

    def convert(self, image: Image.Image) -> Image.Image:
        """An RGB drawing in the painter's mode (mapped to the fixed palette in "P" mode)."""
        if self._palette_image is None:
            return image
        return image.quantize(palette=self._palette_image, dither=Image.Dither.NONE)

    def ink(self, colour: str | RGB) -> int | RGB:
        """The fill value of ``colour`` in the painter's mode (a palette index in "P" mode)."""
        key = rgb(colour)
        if key not in self._inks:
            if self._palette_image is None:
                self._inks[key] = key
            else:
                self._inks[key] = self.convert(Image.new("RGB", (1, 1), key)).getpixel((0, 0))
        return self._inks[key]

    def blank(self, size: tuple[int, int]) -> Image.Image:
        """A white canvas of ``size`` real pixels in the painter's mode."""
        if self._palette_image is None:
            return Image.new("RGB", size, WHITE)
        canvas = Image.new("P", size, self.ink(WHITE))  # type: ignore[arg-type]
        canvas.putpalette(self._palette_image.getpalette())  # type: ignore[arg-type]
        return canvas

    # -- text --------------------------------------------------------------------------------
    def measure(self, text: str, size: int, style: fonts.Style = "sans") -> float:
        """Width of one line of ``text`` at ``size`` base px, in base px."""
        key = (text, size, style)
        if key not in self._widths:
            pieces = fonts.runs(text, style)
            self._widths[key] = sum(fonts.load(face, size).getlength(p) for face, p in pieces)
        return self._widths[key]

    def text_image(
        self, text: str, size: int, *, style: fonts.Style = "sans", colour: str = "#1A1A1A"
    ) -> Image.Image:
        """One line of ``text`` at ``size`` base px on white, in the painter's mode."""
        key = (text, size, style, colour)
        if key not in self._texts:
            px = size * self.scale
            pieces = fonts.runs(text, style)
            first = fonts.load(fonts.chain(style)[0], px)
            ascent, descent = _metrics(first)
            width = ceil(sum(fonts.load(f, px).getlength(p) for f, p in pieces)) + 2 * self.scale
            image = Image.new("RGB", (max(width, 1), ascent + descent), WHITE)
            _draw_runs(ImageDraw.Draw(image), pieces, (self.scale, ascent), px, rgb(colour))
            self._texts[key] = self.convert(image)
        return self._texts[key]

    def tile(self, fill: RGB, text: str, colour: RGB, font_px: int, size: int) -> Image.Image:
        """A square cell of ``size`` real px filled with ``fill``, ``text`` centred."""
        key = (fill, text, colour, font_px, size)
        if key not in self._tiles:
            image = Image.new("RGB", (size, size), fill)
            if text and font_px:
                px = font_px * self.scale
                pieces = fonts.runs(text, "sans")
                ascent, descent = _metrics(fonts.load(fonts.chain("sans")[0], px))
                width = sum(fonts.load(f, px).getlength(p) for f, p in pieces)
                origin = ((size - width) / 2, size / 2 + (ascent - descent) / 2)
                _draw_runs(ImageDraw.Draw(image), pieces, origin, px, colour)
            self._tiles[key] = self.convert(image)
        return self._tiles[key]


def _metrics(font: fonts.AnyFont) -> tuple[int, int]:
    if isinstance(font, fonts.ImageFont.FreeTypeFont):
        return font.getmetrics()
    box = font.getbbox("Ag")
    return int(box[3]), 2


def _draw_runs(
    draw: ImageDraw.ImageDraw,
    pieces: tuple[tuple[fonts.FontFile, str], ...],
    origin: tuple[float, float],
    px: int,
    colour: RGB,
) -> None:
    """Draw font runs left to right on one baseline starting at ``origin`` = (x, baseline)."""
    x, baseline = origin
    for face, piece in pieces:
        font = fonts.load(face, px)
        anchor = "ls" if isinstance(font, fonts.ImageFont.FreeTypeFont) else None
        y = baseline if anchor else baseline - _metrics(font)[0]
        draw.text((x, y), piece, font=font, fill=colour, anchor=anchor)
        x += font.getlength(piece)


# -- grids -------------------------------------------------------------------------------------
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
    REAL cells take ``cividis_rgb(t)`` with ``t = (v - lo) / (hi - lo)`` clipped to [0, 1]
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
    t = np.clip((np.where(real, values, lo) - lo) / (hi - lo), 0.0, 1.0)
    levels, inverse = np.unique(t, return_inverse=True)
    lut_fill = np.array([cividis_rgb(v) for v in levels], dtype=np.uint8)  # (L, 3)
    lut_text = np.array([rgb(text_colour_for(v)) for v in levels], dtype=np.uint8)  # (L, 3)
    fill = lut_fill[inverse.reshape(values.shape)]  # (H, W, 3)
    text = lut_text[inverse.reshape(values.shape)]  # (H, W, 3)
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


# -- graphs ------------------------------------------------------------------------------------
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
            _draw_centred(draw, label, (x * s, y * s), px=11 * s, colour=colour, style="sans")
        title = painter.text(column.title)
        if title and points:
            if panel.direction == "right":
                _draw_centred(
                    draw, title, (points[0][0] * s, 9 * s), px=12 * s, colour=colour, style="bold"
                )
            else:
                w = painter.measure(title, 12, "bold")
                _draw_centred(
                    draw,
                    title,
                    ((w / 2 + 2) * s, points[0][1] * s),
                    px=12 * s,
                    colour=colour,
                    style="bold",
                )
    return painter.remember(panel, painter.convert(image))  # type: ignore[return-value]


def _draw_centred(
    draw: ImageDraw.ImageDraw,
    text: str,
    centre: tuple[float, float],
    *,
    px: int,
    colour: RGB,
    style: fonts.Style,
) -> None:
    """Draw one line of ``text`` centred on ``centre`` (real px), ``px`` real px high."""
    pieces = fonts.runs(text, style)
    ascent, descent = _metrics(fonts.load(fonts.chain(style)[0], px))
    width = sum(fonts.load(f, px).getlength(p) for f, p in pieces)
    _draw_runs(
        draw, pieces, (centre[0] - width / 2, centre[1] + (ascent - descent) / 2), px, colour
    )
