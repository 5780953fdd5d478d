"""GIF export: a frame per step, looping, constant size, the on-screen colours, progress."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageSequence

from convviz.export.animations import sliding_window_animation
from convviz.export.gif import TRANSPARENT, gif_palette, render_animation_gif
from convviz.export.grids import tinted
from convviz.export.png import layout_scene, render_scene_image
from convviz.export.raster import Painter, rgb
from convviz.export.scene import Animation, GridPanel, Scene
from convviz.style.palette import HIGHLIGHT, KIND_FILL, ROLE_FILL, CellKind, cividis_rgb


def _frames(data: bytes) -> list[Image.Image]:
    gif = Image.open(io.BytesIO(data))
    assert gif.format == "GIF"
    return [frame.convert("RGB") for frame in ImageSequence.Iterator(gif)]


def _window_animation() -> Animation:
    x = np.arange(1, 26, dtype=float).reshape(5, 5)
    padded = np.pad(x, 1)  # (7, 7)
    kinds = np.full((7, 7), CellKind.BORDER_PAD)
    kinds[1:-1, 1:-1] = CellKind.REAL
    kernel = np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], dtype=float)
    return sliding_window_animation(padded, kernel, stride=2, kinds=kinds, duration_ms=500)


def test_one_frame_per_step_looping_forever_at_a_constant_size():
    animation = _window_animation()
    data = render_animation_gif(animation)
    gif = Image.open(io.BytesIO(data))
    assert gif.n_frames == len(animation.frames) == 9
    assert gif.info["loop"] == 0 and gif.info["duration"] == 500
    frames = _frames(data)
    assert {frame.size for frame in frames} == {frames[0].size}
    one = Image.open(io.BytesIO(render_animation_gif(animation, scale=1)))
    assert frames[0].size == (2 * one.width, 2 * one.height)


def test_identical_steps_still_get_their_own_frames():
    scene = Scene((GridPanel(np.eye(2)),), "same")
    data = render_animation_gif(Animation((scene, scene, scene), 300))
    assert Image.open(io.BytesIO(data)).n_frames == 3  # the step counter differs


def test_frames_match_the_png_of_the_same_scene_and_keep_the_palette():
    animation = _window_animation()
    frames = _frames(render_animation_gif(animation))
    painter = Painter(scale=2, lang="en")
    for step in (0, 4, 8):
        scene = animation.frames[step]
        png = np.asarray(render_scene_image(scene)).astype(int)
        layout = layout_scene(scene, painter)
        gif = np.asarray(frames[step]).astype(int)[: png.shape[0], : png.shape[1]]
        top = layout.body_y * 2
        bottom = (layout.body_y + layout.body_height) * 2
        # Fills within the 96 cividis levels of the palette, text edges close to the PNG's.
        difference = np.abs(gif[top:bottom] - png[top:bottom]).sum(axis=-1)
        assert np.mean(difference == 0) > 0.7, step
        assert np.percentile(difference, 99) <= 12, step
        assert np.percentile(difference, 99.9) <= 60, step


def test_real_and_border_pad_cells_keep_their_colours_in_every_frame():
    animation = _window_animation()
    frames = _frames(render_animation_gif(animation))
    layout = layout_scene(animation.frames[0], Painter(scale=2, lang="en"))

    def corner(row: int, col: int) -> tuple[int, int]:
        return (
            (layout.panel_x[0] + col * layout.cell) * 2 + 8,
            (layout.body_y + row * layout.cell) * 2 + 8,
        )

    pad, real = rgb(KIND_FILL[CellKind.BORDER_PAD]), rgb(ROLE_FILL["input"])
    for step, frame in enumerate(frames):
        r, c = divmod(step, 3)  # the window covers padded rows 2r … 2r+2, columns 2c … 2c+2

        def seen(row: int, col: int, fill: tuple, r=r, c=c) -> tuple:
            under = 2 * r <= row <= 2 * r + 2 and 2 * c <= col <= 2 * c + 2
            return tinted(fill) if under else fill  # role and tinted fills are in the palette

        assert frame.getpixel(corner(0, 3)) == seen(0, 3, pad)
        assert frame.getpixel(corner(1, 1)) == seen(1, 1, real)
        assert frame.getpixel(corner(5, 5)) == seen(5, 5, real)
    # The window outline moves: step 0 covers the top-left corner, step 8 does not.
    left, top = layout.panel_x[0] * 2, (layout.body_y + 1) * 2 + 10
    assert frames[0].getpixel((left, top)) == rgb(HIGHLIGHT)
    assert frames[8].getpixel((left, top)) != rgb(HIGHLIGHT)


def test_progress_reports_every_frame():
    calls = []
    render_animation_gif(
        _window_animation(), scale=1, progress=lambda done, total: calls.append((done, total))
    )
    assert calls == [(i, 9) for i in range(1, 10)]


def test_palette_holds_the_screen_colours_and_a_reserved_transparent_entry():
    palette = gif_palette()
    assert len(palette) == 256 and palette[0] == (255, 255, 255)
    assert palette[TRANSPARENT] == (255, 0, 255) and palette.index((255, 0, 255)) == TRANSPARENT
    for colour in [*KIND_FILL.values(), HIGHLIGHT]:
        assert rgb(colour) in palette
    assert cividis_rgb(0.0) in palette and cividis_rgb(1.0) in palette


def test_frames_of_different_sizes_share_the_largest_canvas():
    small = Scene((GridPanel(np.ones((2, 2))),))
    large = Scene((GridPanel(np.ones((6, 9))),), "a caption\non two lines")
    frames = _frames(render_animation_gif(Animation((small, large, small), 200)))
    assert len(frames) == 3 and frames[0].size == frames[1].size
    assert frames[2].getpixel((frames[2].width // 2, frames[2].height // 3)) == (255, 255, 255)
