"""The export budget: how many frames, and at what scale, an animated GIF may have.

A GIF's cost is its frames times the pixels of each: ``/transposed`` with input 8, kernel 7,
stride 4 and dilation 4 slides over 3,136 output cells of an 80×80 grid; drawing every frame
at scale 2 took 128 s, 1.1 GB and made a 64 MB file. The plan is computed from the frame count
and the size of one frame *before* any frame is built or drawn: first a smaller scale, then
evenly spaced frames (the first and the last always kept), so that

- no frame has more than :data:`MAX_FRAME_PIXELS` pixels,
- the GIF has at most :data:`MAX_GIF_FRAMES` frames and at most :data:`MAX_GIF_PIXELS` pixels
  in all (the work of drawing and encoding; the file holds at most that many bytes).

The download button says when a plan has fewer frames or a smaller scale than asked for. A
PNG is one frame: :func:`fit_scale` lowers its scale the same way.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

MAX_GIF_FRAMES = 144
MAX_FRAME_PIXELS = 1_500_000
MAX_GIF_PIXELS = 80_000_000


class GifPlan(NamedTuple):
    """Which animation steps a GIF shows and at what scale.

    Attributes
    ----------
    steps : tuple of int
        Ascending steps of the full animation, ``0`` and the last one included.
    scale : int
        Real pixels per base pixel, 1 … the scale asked for.
    total : int
        Steps in the full animation.
    asked_scale : int
        The scale asked for.
    """

    steps: tuple[int, ...]
    scale: int
    total: int
    asked_scale: int

    @property
    def reduced(self) -> bool:
        """Whether the GIF has fewer frames or a smaller scale than asked for."""
        return len(self.steps) < self.total or self.scale < self.asked_scale


def spaced_steps(total: int, count: int) -> tuple[int, ...]:
    """``count`` evenly spaced steps of ``0 … total - 1``, the first and the last included."""
    if count >= total:
        return tuple(range(total))
    if count <= 1:
        return (0,)
    return tuple(int(v) for v in np.unique(np.round(np.linspace(0, total - 1, count))))


def fit_scale(frame_hw: tuple[int, int], scale: int) -> int:
    """The largest scale ``<= scale`` (at least 1) at which a frame of ``frame_hw`` base
    pixels has at most :data:`MAX_FRAME_PIXELS` pixels: the budget of one PNG or GIF frame."""
    base = max(1, frame_hw[0]) * max(1, frame_hw[1])
    while scale > 1 and base * scale * scale > MAX_FRAME_PIXELS:
        scale -= 1
    return scale


def plan_gif(total: int, frame_hw: tuple[int, int], *, scale: int = 2) -> GifPlan:
    """The frames and scale of a GIF of ``total`` steps whose frames are ``frame_hw`` base px.

    Parameters
    ----------
    total : int
        Steps of the full animation (at least 1).
    frame_hw : tuple of int
        ``(height, width)`` of one frame in base pixels (scale 1).
    scale : int
        The scale asked for.

    Returns
    -------
    GifPlan
        The largest scale ``<= scale`` whose frame fits :data:`MAX_FRAME_PIXELS` (at least 1),
        and as many evenly spaced steps as :data:`MAX_GIF_FRAMES` and :data:`MAX_GIF_PIXELS`
        allow (at least 2 when the animation has 2 or more steps).
    """
    chosen = fit_scale(frame_hw, scale)
    per_frame = max(1, frame_hw[0]) * max(1, frame_hw[1]) * chosen * chosen
    count = min(total, MAX_GIF_FRAMES, max(2, MAX_GIF_PIXELS // per_frame))
    return GifPlan(spaced_steps(total, count), chosen, total, scale)
