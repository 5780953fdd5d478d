"""A scene as a PNG: panels side by side, titles in role colours, operators, caption, notes.

Layout is computed in base pixels (the size at ``scale=1``) and drawn at ``scale`` real pixels
per base pixel, so ``scale=2`` gives exactly twice the width and height of ``scale=1`` and
crisp text on slides. The PNG records ``96·scale`` dpi, so documents place it at its 1x size.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from math import ceil

from PIL import Image

from convviz.engine.errors import ConvValueError
from convviz.export.budget import fit_scale
from convviz.export.graphs import graph_image, graph_size
from convviz.export.grids import (
    draw_highlights,
    grid_content,
    grid_font,
    grid_image,
    grid_size,
    tint_highlights,
)
from convviz.export.painter import Painter
from convviz.export.scene import Bilingual, GraphPanel, GridPanel, Scene, pick
from convviz.i18n import translate
from convviz.style.palette import ROLE_COLOUR, TEXT_DARK

MARGIN = 16
TITLE_PX, TITLE_BAND = 14, 24
OPERATOR_PX, OPERATOR_GAP, PLAIN_GAP = 24, 44, 24
CAPTION_PX, CAPTION_LINE = 14, 20
NOTE_PX, NOTE_LINE = 11, 16
MIN_TEXT_WIDTH = 420
NOTE_GREY = "#666666"
MAX_SCALE = 4


@dataclass(frozen=True)
class SceneLayout:
    """Where everything of a scene goes, in base px (multiply by the scale to draw)."""

    width: int
    height: int
    cell: int
    number_px: tuple[int, ...]
    panel_x: tuple[int, ...]
    body_y: int
    body_height: int
    operators: tuple[tuple[float, float, str], ...]
    caption: tuple[str, ...]
    caption_y: int
    notes: tuple[str, ...]
    notes_y: int
    footer_y: int


def check_scale(scale: int) -> int:
    """``scale`` as an int in 1 … ``MAX_SCALE``, else a ``ConvValueError``."""
    if int(scale) != scale or not 1 <= scale <= MAX_SCALE:
        raise ConvValueError(
            "export_bad_scale",
            f"scale={scale} must be a whole number from 1 to {MAX_SCALE}",
            scale=scale,
            max_scale=MAX_SCALE,
        )
    return int(scale)


def grid_cell_size(shapes: list[tuple[int, int]]) -> int:
    """Base px between grid lines for grids of ``shapes`` ``(rows, cols)`` side by side.

    Notes
    -----
    ``clip(min(1080 // total_columns, 432 // max_rows), 12, 44)``: wide scenes stay within
    about 1080 base px, tall grids within about 432 (24 rows keep 18 px cells, 36 px at 2x).
    """
    if not shapes:
        return 0
    columns = sum(cols for _, cols in shapes)
    rows = max(rows for rows, _ in shapes)
    return max(12, min(44, 1080 // columns, 432 // rows))


def cell_size(scene: Scene) -> int:
    """Base px between grid lines, one size for every grid of the scene (:func:`grid_cell_size`)."""
    return grid_cell_size([p.shape for p in scene.panels if isinstance(p, GridPanel)])


def _tokens(paragraph: str) -> list[str]:
    """Words with their following spaces; each CJK character is a word of its own."""
    tokens: list[str] = []
    for char in paragraph:
        cjk = "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
        if (
            not tokens
            or cjk
            or (tokens[-1][-1] == " " and char != " ")
            or tokens[-1][-1] >= "\u2e80"
        ):
            tokens.append(char)
        else:
            tokens[-1] += char
    return tokens


def wrap(text: str, width: float, painter: Painter, *, px: int, style: str = "mono") -> list[str]:
    """Greedy line breaking of ``text`` at spaces (and between CJK characters) to ``width``.

    Widths of words are summed (no kerning across words), which is exact for the monospaced
    caption font and close enough for the notes.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for token in _tokens(paragraph):
            word = painter.measure(token, px, style)  # type: ignore[arg-type]
            ink = painter.measure(token.rstrip(), px, style)  # type: ignore[arg-type]
            if line and used + ink > width:
                lines.append(line.rstrip())
                line, used = "", 0.0
                if not token.strip():
                    continue
            line += token
            used += word
        lines.append(line.rstrip())
    return lines


def hidden_note(panel: GridPanel, painter: Painter) -> str:
    """The note saying a panel's numbers are hidden (its cells are too small)."""
    rows, cols = panel.shape
    title = painter.text(panel.title) or "—"
    return painter.text(
        Bilingual(
            translate(
                "export.note.numbers_hidden",
                "en",
                title=pick(panel.title, "en") or "—",
                rows=rows,
                cols=cols,
            ),
            translate("export.note.numbers_hidden", "zh", title=title, rows=rows, cols=cols),
        )
    )


def layout_scene(
    scene: Scene,
    painter: Painter,
    *,
    footer: bool = False,
    number_px: tuple[int | None, ...] = (),
) -> SceneLayout:
    """Place the panels, operators, caption and notes of ``scene`` (base px).

    ``number_px[i]`` fixes the font of panel ``i``'s numbers (an animation keeps one size in
    every frame); missing or ``None`` entries are chosen by :func:`grid_font`.
    """
    cell = cell_size(scene)
    sizes, notes, fonts_px = [], [], []
    for i, panel in enumerate(scene.panels):
        if isinstance(panel, GridPanel):
            sizes.append(grid_size(panel, cell))
            fixed = number_px[i] if i < len(number_px) else None
            font_px = grid_font(panel, cell, painter) if fixed is None else fixed
            fonts_px.append(font_px)
            if not font_px and any(grid_content(panel, painter)[0].ravel()):
                notes.append(hidden_note(panel, painter))
        else:
            sizes.append(graph_size(panel, painter))
            fonts_px.append(0)
    has_title = any(pick(p.title, "en") for p in scene.panels)
    xs, ops, x = [], [], 0.0
    for i, (panel, (w, _)) in enumerate(zip(scene.panels, sizes, strict=True)):
        title_w = painter.measure(painter.text(panel.title), TITLE_PX, "bold")
        slot = max(w, ceil(title_w) + 4)
        xs.append(int(x))
        x += slot
        if i < len(scene.panels) - 1:
            symbol = scene.operators[i] if i < len(scene.operators) else ""
            gap = OPERATOR_GAP if symbol else PLAIN_GAP
            if symbol:
                middle = min(h for _, h in sizes[i : i + 2]) / 2
                ops.append((x + gap / 2, middle, symbol))
            x += gap
    content = max(int(x), MIN_TEXT_WIDTH)
    caption = painter.text(scene.caption)
    lines = wrap(caption, content, painter, px=CAPTION_PX) if caption else []
    wide = max([painter.measure(t, CAPTION_PX, "mono") for t in lines] + [content])
    notes_wrapped = [
        ln for n in notes for ln in wrap(n, content, painter, px=NOTE_PX, style="sans")
    ]
    body_y = MARGIN + (TITLE_BAND if has_title else 0)
    body_h = max(h for _, h in sizes)
    caption_y = body_y + body_h + (10 if lines else 0)
    notes_y = caption_y + CAPTION_LINE * len(lines) + (4 if notes_wrapped else 0)
    footer_y = notes_y + NOTE_LINE * len(notes_wrapped)
    height = footer_y + (NOTE_LINE if footer else 0) + MARGIN
    return SceneLayout(
        width=2 * MARGIN + ceil(wide),
        height=height,
        cell=cell,
        number_px=tuple(fonts_px),
        panel_x=tuple(MARGIN + v for v in xs),
        body_y=body_y,
        body_height=body_h,
        operators=tuple((MARGIN + cx, body_y + cy, sym) for cx, cy, sym in ops),
        caption=tuple(lines),
        caption_y=caption_y,
        notes=tuple(notes_wrapped),
        notes_y=notes_y,
        footer_y=footer_y,
    )


def draw_scene(
    scene: Scene,
    layout: SceneLayout,
    painter: Painter,
    *,
    canvas_size: tuple[int, int] | None = None,
    footer: str = "",
) -> Image.Image:
    """Draw ``scene`` as laid out; ``canvas_size`` (base px) may be larger than the layout."""
    s = painter.scale
    width, height = canvas_size or (layout.width, layout.height)
    canvas = painter.blank((width * s, height * s))

    def put(image: Image.Image, x: float, y: float) -> None:
        canvas.paste(image, (round(x * s), round(y * s)))

    for panel, x, font_px in zip(scene.panels, layout.panel_x, layout.number_px, strict=True):
        title = painter.text(panel.title)
        if title:
            colour = ROLE_COLOUR.get(panel.role, TEXT_DARK)
            put(painter.text_image(title, TITLE_PX, style="bold", colour=colour), x, MARGIN)
        if isinstance(panel, GridPanel):
            put(grid_image(panel, layout.cell, font_px, painter), x, layout.body_y)
            origin = (round(x * s), round(layout.body_y * s))
            tint_highlights(canvas, panel, origin, layout.cell, font_px=font_px, painter=painter)
            draw_highlights(canvas, panel, (x * s, layout.body_y * s), layout.cell, painter)
        elif isinstance(panel, GraphPanel):
            put(graph_image(panel, painter), x, layout.body_y)
    for cx, cy, symbol in layout.operators:
        image = painter.text_image(symbol, OPERATOR_PX)
        put(image, cx - image.width / (2 * s), cy - image.height / (2 * s))
    for i, line in enumerate(layout.caption):
        if line:
            put(
                painter.text_image(line, CAPTION_PX, style="mono"),
                MARGIN,
                layout.caption_y + i * CAPTION_LINE,
            )
    for i, line in enumerate(layout.notes):
        put(
            painter.text_image(line, NOTE_PX, colour=NOTE_GREY),
            MARGIN,
            layout.notes_y + i * NOTE_LINE,
        )
    if footer:
        image = painter.text_image(footer, NOTE_PX, colour=NOTE_GREY)
        put(image, width - MARGIN - image.width / s, height - MARGIN - NOTE_LINE + 2)
    return canvas


def _scene_image(scene: Scene, scale: int, lang: str) -> tuple[Image.Image, int]:
    """``scene`` drawn at ``scale``, or at the largest smaller scale within the frame budget
    (:func:`convviz.export.budget.fit_scale`); returns the image and the scale used."""
    painter = Painter(scale=check_scale(scale), lang=lang)
    layout = layout_scene(scene, painter)
    fitted = fit_scale((layout.height, layout.width), scale)
    if fitted != scale:
        painter = Painter(scale=fitted, lang=lang)
        layout = layout_scene(scene, painter)
    return draw_scene(scene, layout, painter), fitted


def render_scene_image(scene: Scene, *, scale: int = 2, lang: str = "en") -> Image.Image:
    """``scene`` drawn as an RGB image (see :func:`render_scene_png`)."""
    return _scene_image(scene, scale, lang)[0]


def render_scene_png(scene: Scene, *, scale: int = 2, lang: str = "en") -> bytes:
    """``scene`` as PNG bytes.

    Parameters
    ----------
    scene : Scene
    scale : int
        Real pixels per base pixel, 1 … 4 (2 = crisp on slides and high-dpi screens); lowered
        when the picture would exceed the export budget's
        :data:`~convviz.export.budget.MAX_FRAME_PIXELS` (a 96×96 grid: scale 1).
    lang : {"en", "zh"}
        Language of the titles, caption and notes; Chinese falls back to English when no
        CJK font is installed (see :mod:`convviz.export.fonts`).

    Returns
    -------
    bytes
        An RGB PNG of the scale used × the base size, white background, ``96·scale`` dpi.
    """
    image, used = _scene_image(scene, scale, lang)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(96 * used, 96 * used))
    return buffer.getvalue()
