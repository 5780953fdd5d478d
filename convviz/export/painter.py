"""The Pillow canvas every export draws on: scale, language, colours and text.

A :class:`Painter` draws one picture (a PNG) or a run of animation frames (a GIF) at an integer
``scale``: layout happens in *base* pixels (the size at ``scale=1``) and every coordinate is
multiplied by ``scale``, so a 2x export is exactly twice the 1x size. For GIF frames the
painter works in palette mode with one fixed palette: every cell tile, text and panel is drawn
once in RGB, mapped to the palette once, and pasted by index afterwards, which makes a frame
cost a few pastes instead of a full colour quantisation. What the panels look like is in
:mod:`convviz.export.grids` and :mod:`convviz.export.graphs`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from math import ceil

import numpy as np
from PIL import Image, ImageDraw

from convviz.export import fonts
from convviz.export.scene import Text, pick

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
PANEL_MEMORY = 16  # panel images and cell tables a painter keeps (recently used first)


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
        Language of :class:`~convviz.export.scene.Bilingual` texts. Chinese falls back to
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
            ascent, descent = font_metrics(first)
            width = ceil(sum(fonts.load(f, px).getlength(p) for f, p in pieces)) + 2 * self.scale
            image = Image.new("RGB", (max(width, 1), ascent + descent), WHITE)
            draw_runs(ImageDraw.Draw(image), pieces, (self.scale, ascent), px, rgb(colour))
            self._texts[key] = self.convert(image)
        return self._texts[key]

    def tile(self, fill: RGB, text: str, colour: RGB, font_px: int, size: int) -> Image.Image:
        """A square cell of ``size`` real px filled with ``fill``, ``text`` centred."""
        key = (fill, text, colour, font_px, size)
        if key not in self._tiles:
            image = Image.new("RGB", (size, size), fill)
            if text and font_px:
                centre = (size / 2, size / 2)
                draw_centred(
                    ImageDraw.Draw(image),
                    text,
                    centre,
                    px=font_px * self.scale,
                    colour=colour,
                    style="sans",
                )
            self._tiles[key] = self.convert(image)
        return self._tiles[key]


def font_metrics(font: fonts.AnyFont) -> tuple[int, int]:
    """``(ascent, descent)`` in px of ``font`` (a bitmap fallback font: its box, 2)."""
    if isinstance(font, fonts.ImageFont.FreeTypeFont):
        return font.getmetrics()
    box = font.getbbox("Ag")
    return int(box[3]), 2


def draw_runs(
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
        y = baseline if anchor else baseline - font_metrics(font)[0]
        draw.text((x, y), piece, font=font, fill=colour, anchor=anchor)
        x += font.getlength(piece)


def draw_centred(
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
    ascent, descent = font_metrics(fonts.load(fonts.chain(style)[0], px))
    width = sum(fonts.load(f, px).getlength(p) for f, p in pieces)
    draw_runs(draw, pieces, (centre[0] - width / 2, centre[1] + (ascent - descent) / 2), px, colour)
