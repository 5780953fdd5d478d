"""An animation as an animated GIF: one frame per step, looping forever.

Speed comes from three choices (measured in ``bench/bench_export.py``):

- every frame is drawn in palette mode with one fixed palette (:func:`gif_palette`: the
  on-screen fills, the Okabe–Ito colours, 96 cividis levels and the blends that anti-aliased
  text needs), so no frame is ever colour-quantised as a whole; cell tiles, texts and
  unchanged panels are drawn once and pasted;
- each frame after the first stores only the rectangle that changed since the previous one,
  with unchanged pixels inside it transparent (disposal 1, "leave in place": viewers draw it
  over the previous frame), which makes files about ten times smaller and encoding faster;
- frames are encoded one at a time and written straight to the output, so memory stays at
  two frames however long the animation is.

Every frame carries a step counter ("3 / 12") in its bottom-right corner, so no two
consecutive frames are identical and the file has exactly one frame per step.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import cache

from PIL import GifImagePlugin, Image, ImageChops

from convviz.export.budget import GifPlan, plan_gif
from convviz.export.grids import grid_font, tinted
from convviz.export.painter import RGB, Painter, rgb
from convviz.export.png import cell_size, check_scale, draw_scene, layout_scene
from convviz.export.scene import Animation, GridPanel
from convviz.style.palette import (
    HIGHLIGHT,
    KIND_FILL,
    KIND_TEXT,
    OKABE_ITO,
    ROLE_COLOUR,
    ROLE_FILL,
    SECONDARY_HIGHLIGHT,
    TEXT_DARK,
    TEXT_LIGHT,
    cividis_rgb,
)

Progress = Callable[[int, int], object]
CIVIDIS_LEVELS = 96
TRANSPARENT = 255  # palette index of "unchanged since the previous frame"
KEY_COLOUR = (255, 0, 255)  # its colour, far from every drawn colour so nothing maps to it
WHITE = (255, 255, 255)
UNCHANGED = [255] + [0] * 255  # "point" table: difference 0 -> mask on


def _blend(a: RGB, b: RGB, t: float) -> RGB:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


@cache
def gif_palette() -> tuple[RGB, ...]:
    """The fixed palette of every exported GIF (at most 256 colours, the first one white).

    Holds exactly: white, the text colours, the kind and role fills (plain and under the
    translucent highlight), the Okabe–Ito and role colours,
    ``CIVIDIS_LEVELS`` evenly spaced cividis colours, a grey ramp and blends for text edges;
    unused entries repeat white, and the last entry (``TRANSPARENT``) is reserved for pixels
    that did not change since the previous frame.
    """
    white, dark = WHITE, rgb(TEXT_DARK)
    base = [
        white,
        dark,
        rgb(TEXT_LIGHT),
        (0, 0, 0),
        rgb("#444444"),
        rgb(KIND_TEXT),
        rgb("#999999"),
        rgb("#D0D0D0"),
        rgb(SECONDARY_HIGHLIGHT),
        rgb(HIGHLIGHT),
    ]
    base += [rgb(c) for c in KIND_FILL.values()] + [rgb(c) for c in ROLE_FILL.values()]
    base += [tinted(rgb(c)) for c in (*KIND_FILL.values(), *ROLE_FILL.values())]
    base += [rgb(c) for c in OKABE_ITO.values()] + [rgb(c) for c in ROLE_COLOUR.values()]
    base += [cividis_rgb(i / (CIVIDIS_LEVELS - 1)) for i in range(CIVIDIS_LEVELS)]
    base += [_blend(dark, white, i / 24) for i in range(1, 24)]
    base += [_blend(rgb(c), white, t) for c in OKABE_ITO.values() for t in (0.25, 0.5, 0.75)]
    for fill in KIND_FILL.values():
        base += [_blend(rgb(KIND_TEXT), rgb(fill), t) for t in (0.33, 0.66)]
    for fill in ROLE_FILL.values():
        base += [_blend(dark, rgb(fill), t) for t in (0.33, 0.66)]
    for i in range(8):
        dark_cell = cividis_rgb(i / 14)
        base += [_blend(white, dark_cell, t) for t in (0.33, 0.66)]
    palette: list[RGB] = []
    for colour in base:
        if colour not in palette:
            palette.append(colour)
    palette = palette[: TRANSPARENT - 1]
    return (*palette, *[WHITE] * (TRANSPARENT - len(palette)), KEY_COLOUR)


def steady_fonts(animation: Animation, painter: Painter) -> tuple[int | None, ...]:
    """Per panel position, the smallest number font any frame needs (one size throughout).

    A panel whose numbers do not fit in some frame has them hidden in every frame.
    """
    found: dict[int, int] = {}
    for frame in animation.frames:
        cell = cell_size(frame)
        for i, panel in enumerate(frame.panels):
            if isinstance(panel, GridPanel):
                size = grid_font(panel, cell, painter)
                found[i] = min(found.get(i, size), size)
    most = max(len(frame.panels) for frame in animation.frames)
    return tuple(found.get(i) for i in range(most))


def render_animation_gif(
    animation: Animation,
    *,
    scale: int = 2,
    lang: str = "en",
    progress: Progress | None = None,
) -> bytes:
    """``animation`` as an animated GIF that loops forever.

    Parameters
    ----------
    animation : Animation
        Frames of any sizes; the canvas is the largest of them, frames drawn top-left.
    scale : int
        Real pixels per base pixel, 1 … 4.
    lang : {"en", "zh"}
        Language of titles and captions (English when no CJK font is installed).
    progress : callable, optional
        Called as ``progress(done, total)`` after each frame is encoded.

    Returns
    -------
    bytes
        A GIF89a with ``len(animation.frames)`` frames of ``animation.duration_ms`` each.
    """
    painter = Painter(scale=check_scale(scale), lang=lang, palette=gif_palette())
    frames = animation.frames
    total = len(frames)
    layouts = [
        layout_scene(frame, painter, footer=True, number_px=fonts)
        for fonts in [steady_fonts(animation, painter)]
        for frame in frames
    ]
    size = (max(lay.width for lay in layouts), max(lay.height for lay in layouts))
    out = io.BytesIO()
    previous: Image.Image | None = None
    for step, (frame, layout) in enumerate(zip(frames, layouts, strict=True)):
        image = draw_scene(frame, layout, painter, canvas_size=size, footer=f"{step + 1} / {total}")
        params: dict[str, object] = {"duration": animation.duration_ms, "disposal": 1}
        if previous is None:
            header, _ = GifImagePlugin.getheader(image, info={"loop": 0, "duration": 1})
            out.write(b"".join(header))
            box, patch = (0, 0, *image.size), image
        else:
            delta = ImageChops.subtract_modulo(image, previous)
            box = delta.getbbox() or (0, 0, 1, 1)
            patch = image.crop(box)
            patch.paste(TRANSPARENT, mask=delta.crop(box).point(UNCHANGED, "1"))
            params["transparency"] = TRANSPARENT
        out.write(b"".join(GifImagePlugin.getdata(patch, offset=box[:2], **params)))
        previous = image
        if progress is not None:
            progress(step + 1, total)
    out.write(b";")
    return out.getvalue()


AnimationBuilder = Callable[[Sequence[int] | None], Animation]


def plan_for(build: AnimationBuilder, total: int, *, scale: int = 2, lang: str = "en") -> GifPlan:
    """The budget's plan for a GIF of ``total`` steps that ``build(steps)`` makes.

    Only the first step is built and laid out (at scale 1) to learn a frame's size; nothing is
    drawn. See :mod:`convviz.export.budget`.
    """
    first = build((0,)).frames[0]
    layout = layout_scene(first, Painter(scale=1, lang=lang, palette=gif_palette()), footer=True)
    return plan_gif(total, (layout.height, layout.width), scale=scale)


def budgeted_gif(build: AnimationBuilder, total: int, *, scale: int = 2, lang: str = "en") -> bytes:
    """A GIF of the steps and at the scale :func:`plan_for` allows; only those are built.

    Parameters
    ----------
    build : callable
        ``build(steps)`` returns the :class:`Animation` of those steps (all when ``None``).
    total : int
        Steps of the full animation.
    """
    plan = plan_for(build, total, scale=scale, lang=lang)
    return render_animation_gif(build(plan.steps), scale=plan.scale, lang=lang)
