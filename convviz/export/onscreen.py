"""The export twins of on-screen figures: a ``figures.grid.GridSpec`` as a
:class:`~convviz.export.scene.GridPanel`, an on-screen animation (``GridSpec`` panels and
``figures.animation.FrameSpec`` steps) as an :class:`~convviz.export.scene.Animation`.

A file made from these shows what the screen shows: same values, kinds, labels and range.
"""

from __future__ import annotations

import numpy as np

from convviz.export.scene import Animation, GridPanel, Rect, Scene
from convviz.style.palette import HIGHLIGHT


def _rects(highlights: object, *, secondary: bool) -> tuple[Rect, ...]:
    return tuple(
        (h.r0, h.c0, h.r1, h.c1)  # type: ignore[attr-defined]
        for h in highlights  # type: ignore[attr-defined]
        if (getattr(h, "colour", HIGHLIGHT) != HIGHLIGHT) == secondary
    )


def panel_from_spec(
    spec: object, *, values: np.ndarray | None = None, extra: tuple = ()
) -> GridPanel:
    """A :class:`GridPanel` of an on-screen ``GridSpec`` (same values, kinds, labels, range).

    Highlights in ``HIGHLIGHT`` stay primary, any other colour becomes secondary. ``values``
    replaces the spec's values and ``extra`` adds ``Highlight`` objects (an animation step).
    The spec's title is already translated, so it is drawn as given.
    """
    highlights = (*getattr(spec, "highlights", ()), *extra)
    return GridPanel(
        spec.values if values is None else values,  # type: ignore[attr-defined]
        title=getattr(spec, "title", ""),
        role=getattr(spec, "role", "other"),
        kinds=getattr(spec, "kinds", None),
        labels=getattr(spec, "labels", None),
        highlights=_rects(highlights, secondary=False),
        secondary=_rects(highlights, secondary=True),
        value_range=getattr(spec, "value_range", None),
        decimals=getattr(spec, "decimals", 2),
        colour_by=getattr(spec, "colour_by", "role"),
    )


def scene_from_specs(
    specs: object, *, operators: tuple[str, ...] = (), caption: object = ""
) -> Scene:
    """A still :class:`Scene` of on-screen ``GridSpec`` panels, as :func:`panel_from_spec`
    draws them, with the operators between them and a caption (str or ``Bilingual``)."""
    panels = tuple(panel_from_spec(spec) for spec in specs)  # type: ignore[attr-defined]
    return Scene(panels, caption, tuple(operators))  # type: ignore[arg-type]


def animation_from_frames(
    specs: tuple, frames: tuple, *, operators: tuple[str, ...] = (), duration_ms: int = 800
) -> Animation:
    """The GIF twin of an on-screen animation (``GridSpec`` panels and ``FrameSpec`` steps)."""
    scenes = []
    for frame in frames:
        panels = tuple(
            panel_from_spec(
                spec,
                values=frame.values.get(i),
                extra=tuple(h for p, h in frame.highlights if p == i),
            )
            for i, spec in enumerate(specs)
        )
        scenes.append(Scene(panels, frame.caption, operators))
    return Animation(tuple(scenes), duration_ms)
