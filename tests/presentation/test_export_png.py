"""PNG export: exact 2x size, on-screen colours per cell kind, highlights, notes, languages."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from convviz.engine.errors import ConvValueError
from convviz.export import fonts
from convviz.export.png import MARGIN, layout_scene, render_scene_image, render_scene_png
from convviz.export.raster import Painter, rgb
from convviz.export.scene import Bilingual, Edge, GraphPanel, GridPanel, NodeColumn, Scene
from convviz.style.colouring import colouring
from convviz.style.palette import (
    HIGHLIGHT,
    HIGHLIGHT_ALPHA,
    HIGHLIGHT_TINT,
    KIND_FILL,
    ROLE_FILL,
    CellKind,
    cividis_rgb,
    text_colour_for,
)


def _decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _scene(**panel) -> Scene:
    values = np.array([[0.0, 1.0, 2.0], [3.0, 4.0, 8.0]])
    kinds = np.array([[CellKind.BORDER_PAD, 0, 0], [0, CellKind.INSERTED_ZERO, 0]])
    grid = GridPanel(values, Bilingual("Input", "输入"), "input", kinds=kinds, **panel)
    kernel = GridPanel(np.array([[1.0, -1.0]]), Bilingual("Kernel", "卷积核"), "kernel")
    return Scene((grid, kernel), Bilingual("caption 1·0 + 2·1 = 2", "说明 1·0 + 2·1 = 2"), ("⊛",))


def _cell_pixel(scene: Scene, row: int, col: int, *, scale: int = 2, panel: int = 0):
    """Real px of a point inside cell (row, col), in its top-left corner (away from the text)."""
    layout = layout_scene(scene, Painter(scale=scale, lang="en"))
    x = (layout.panel_x[panel] + col * layout.cell) * scale + 3 * scale
    y = (layout.body_y + row * layout.cell) * scale + 3 * scale
    return x, y


def test_png_decodes_and_is_exactly_twice_the_1x_size():
    scene = _scene()
    one, two = _decode(render_scene_png(scene, scale=1)), _decode(render_scene_png(scene))
    assert one.format == "PNG" and two.mode == "RGB"
    assert two.size == (2 * one.width, 2 * one.height)
    assert two.info["dpi"] == pytest.approx((192, 192), abs=0.01)
    assert _decode(render_scene_png(scene, scale=3)).size == (3 * one.width, 3 * one.height)


def test_cells_are_coloured_by_role_by_default():
    scene = _scene()
    image = render_scene_image(scene)
    # Every REAL cell of the input takes the input tint whatever its value, the kernel's the
    # kernel tint; the kinds keep their quiet fills.
    for row, col in ((0, 1), (0, 2), (1, 0), (1, 2)):
        assert image.getpixel(_cell_pixel(scene, row, col)) == rgb(ROLE_FILL["input"])
    assert image.getpixel(_cell_pixel(scene, 0, 0, panel=1)) == rgb(ROLE_FILL["kernel"])
    assert image.getpixel(_cell_pixel(scene, 0, 0)) == rgb(KIND_FILL[CellKind.BORDER_PAD])
    assert image.getpixel(_cell_pixel(scene, 1, 1)) == rgb(KIND_FILL[CellKind.INSERTED_ZERO])
    assert len({rgb(c) for c in (*ROLE_FILL.values(), *KIND_FILL.values())}) == 9


def test_colouring_by_value_is_taken_from_the_page_choice():
    with colouring("value"):
        panel = GridPanel(np.ones((1, 1)))
    assert panel.colour_by == "value" and GridPanel(np.ones((1, 1))).colour_by == "role"


def test_cell_colours_by_value_follow_the_on_screen_palette():
    scene = _scene(colour_by="value")
    image = render_scene_image(scene)
    # REAL cells on cividis over the REAL range [1, 8]: value 1 -> t = 0, value 8 -> t = 1.
    assert image.getpixel(_cell_pixel(scene, 0, 1)) == cividis_rgb(0.0)
    assert image.getpixel(_cell_pixel(scene, 1, 2)) == cividis_rgb(1.0)
    assert image.getpixel(_cell_pixel(scene, 1, 0)) == cividis_rgb(2 / 7)
    # Kinds keep their fixed fills whatever their value.
    assert image.getpixel(_cell_pixel(scene, 0, 0)) == rgb(KIND_FILL[CellKind.BORDER_PAD])
    assert image.getpixel(_cell_pixel(scene, 1, 1)) == rgb(KIND_FILL[CellKind.INSERTED_ZERO])
    assert rgb(KIND_FILL[CellKind.BORDER_PAD]) != cividis_rgb(0.0)
    # Background and margins are white.
    assert image.getpixel((1, 1)) == (255, 255, 255)


def test_numbers_are_printed_in_the_readable_text_colour():
    scene = _scene(colour_by="value")
    image = render_scene_image(scene)
    layout = layout_scene(scene, Painter(scale=2, lang="en"))
    for row, col, t in ((0, 1, 0.0), (1, 2, 1.0)):
        x0 = (layout.panel_x[0] + col * layout.cell) * 2
        y0 = (layout.body_y + row * layout.cell) * 2
        cell = np.asarray(
            image.crop((x0 + 2, y0 + 2, x0 + layout.cell * 2 - 2, y0 + layout.cell * 2 - 2))
        )
        text = np.array(rgb(text_colour_for(t)))
        assert (np.abs(cell - text).sum(axis=-1) < 30).sum() > 10  # the digit's strokes


def test_nan_cells_are_empty_and_highlights_are_outlined():
    values = np.array([[1.0, np.nan], [2.0, 3.0]])
    scene = Scene((GridPanel(values, "Output", "output", highlights=((0, 0, 1, 1),)),))
    image = render_scene_image(scene)
    assert image.getpixel(_cell_pixel(scene, 0, 1)) == rgb(KIND_FILL[CellKind.OUTSIDE])
    layout = layout_scene(scene, Painter(scale=2, lang="en"))
    left = layout.panel_x[0] * 2
    middle_y = (layout.body_y + layout.cell // 2) * 2
    # 4 base px = 8 px thick, centred on the 2 px grid line at the panel's left edge.
    for dx in range(-3, 5):
        assert image.getpixel((left + dx, middle_y)) == rgb(HIGHLIGHT), dx
    assert image.getpixel((left - 4, middle_y)) == (255, 255, 255)
    # inside, the cell is tinted: its role fill under HIGHLIGHT at HIGHLIGHT_ALPHA
    fill, top = rgb(ROLE_FILL["output"]), rgb(HIGHLIGHT_TINT)
    tint = tuple(round(f + (t - f) * HIGHLIGHT_ALPHA) for f, t in zip(fill, top, strict=True))
    assert image.getpixel((left + 6, middle_y)) == tint
    assert image.getpixel(_cell_pixel(scene, 1, 0)) == fill  # outside the highlight


def test_numbers_shrink_then_hide_with_a_note():
    painter = Painter(scale=2, lang="en")
    small = Scene((GridPanel(np.full((40, 40), 1234.5678), "Big"),))
    layout = layout_scene(small, painter)
    assert layout.cell == 12 and layout.number_px == (0,)
    assert layout.notes and "Big" in layout.notes[0] and "40×40" in layout.notes[0]
    fine = layout_scene(Scene((GridPanel(np.ones((3, 3)), "K"),)), painter)
    assert fine.number_px == (16,) and fine.notes == ()
    zh = layout_scene(small, Painter(scale=2, lang="zh"))
    if fonts.has_cjk():
        assert "隐藏" in zh.notes[0]


def test_chinese_caption_uses_a_cjk_font():
    if not fonts.has_cjk():
        pytest.skip("no CJK font installed (Debian: apt install fonts-noto-cjk)")
    scene = _scene()
    pieces = fonts.runs("说明 1·0", "mono")
    assert pieces[0][0] == fonts.cjk_face("mono") and pieces[1][0] == fonts.latin_face("mono")
    english, chinese = render_scene_image(scene, lang="en"), render_scene_image(scene, lang="zh")
    assert english.tobytes() != chinese.tobytes()


def test_without_cjk_font_chinese_falls_back_to_english(monkeypatch):
    scene = _scene()
    english = render_scene_image(scene, lang="en")
    monkeypatch.setattr(fonts, "cjk_face", lambda style="sans": None)
    assert not fonts.has_cjk()
    assert render_scene_image(scene, lang="zh").tobytes() == english.tobytes()
    # A plain string with Chinese in it is never drawn as boxes: uncovered characters become "?".
    assert "".join(piece for _, piece in fonts.runs("输入 x")) == "?? x"


def test_graph_panel_draws_nodes_edges_and_titles():
    inputs = NodeColumn(("x0", "x1"), Bilingual("Inputs", "输入"), "input")
    outputs = NodeColumn(("y0",), "Outputs", "output", rings=("#E69F00",), square=True)
    graph = GraphPanel((inputs, outputs), (Edge((0, 0), (1, 0)), Edge((0, 1), (1, 0))))
    one = _decode(render_scene_png(Scene((graph,)), scale=1))
    two = _decode(render_scene_png(Scene((graph,)), scale=2))
    assert two.size == (2 * one.width, 2 * one.height)
    pixels = np.asarray(two).reshape(-1, 3)
    assert (np.abs(pixels - rgb("#E69F00")).sum(axis=1) < 40).sum() > 100  # the ring
    up = GraphPanel((inputs, outputs), graph.edges, direction="up")
    assert render_scene_image(Scene((up,))).height > 0


def test_long_captions_wrap_inside_the_picture():
    caption = " + ".join(f"{i}·{i + 1}" for i in range(60)) + " = 1"
    scene = Scene((GridPanel(np.ones((2, 2))),), caption)
    layout = layout_scene(scene, Painter(scale=1, lang="en"))
    assert len(layout.caption) > 1
    assert " ".join(layout.caption).split() == caption.split()
    assert layout.width == 2 * MARGIN + 420  # narrow grids: the text column sets the width


def test_bad_scale_is_explained():
    with pytest.raises(ConvValueError) as info:
        render_scene_png(_scene(), scale=0)
    assert info.value.code == "export_bad_scale"
