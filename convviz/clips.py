"""The 3-D page's example data: a generated clip (nothing downloaded) and 3-D kernels.

A clip is a (D, H, W) float array: D frames of H×W. The "moving" clip has a bright 2×2 square
that moves one column to the right per frame (wrapping round) and a still bar along the top
row, so a temporal-difference kernel shows what moves and erases what stays.
"""

from __future__ import annotations

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.params import check_positive

CLIP_KINDS = ("moving", "random", "counting")
KERNEL_KINDS_3D = ("temporal_difference", "box", "random")
SQUARE, BAR = 2.0, 1.0  # values of the moving square and of the still bar


def make_clip(kind: str, frames: int, height: int, width: int, *, seed: int = 0) -> np.ndarray:
    """A clip of ``frames`` frames of ``height`` × ``width``.

    Parameters
    ----------
    kind : {"moving", "random", "counting"}
        ``moving``: the square (value 2) starts at rows 1–2, columns 0–1 and moves one column
        right per frame, wrapping round; the top row is a still bar (value 1) that the square
        never covers. ``random``: integers −2 … 2 (seeded). ``counting``: 0, 1, 2, … in
        (frame, row, column) order.
    seed : int
        For ``random`` only.

    Returns
    -------
    numpy.ndarray, shape (D, H, W), float64

    Raises
    ------
    ConvValueError
        ``not_positive`` for a size below 1; ``unknown_choice`` for another ``kind``.
    """
    d = check_positive("input_size", frames)
    h = check_positive("input_size", height)
    w = check_positive("input_size", width)
    if kind == "counting":
        return np.arange(d * h * w, dtype=float).reshape(d, h, w)
    if kind == "random":
        rng = np.random.default_rng(seed)
        return rng.integers(-2, 3, size=(d, h, w)).astype(float)
    if kind == "moving":
        clip = np.zeros((d, h, w))
        clip[:, 0, :] = BAR
        rows = [r for r in (1, 2) if r < h]
        for t in range(d):
            cols = [(t + j) % w for j in range(min(2, w))]
            clip[np.ix_([t], rows, cols)] = SQUARE
        return clip
    raise _unknown("clip", kind, CLIP_KINDS)


def make_kernel3d(kind: str, depth: int, height: int, width: int, *, seed: int = 0) -> np.ndarray:
    """A (kD, kH, kW) kernel.

    Parameters
    ----------
    kind : {"temporal_difference", "box", "random"}
        ``temporal_difference``: −1 at the spatial centre of the first frame, +1 there in the
        last (the last frame read minus the first; all zero when kD = 1, since one frame has
        nothing to compare with). ``box``: all ones. ``random``: integers −1 … 1 (seeded).
    seed : int
        For ``random`` only.

    Returns
    -------
    numpy.ndarray, shape (kD, kH, kW), float64

    Raises
    ------
    ConvValueError
        ``not_positive`` for a size below 1; ``unknown_choice`` for another ``kind``.
    """
    kd = check_positive("kernel_size", depth)
    kh = check_positive("kernel_size", height)
    kw = check_positive("kernel_size", width)
    if kind == "box":
        return np.ones((kd, kh, kw))
    if kind == "random":
        return np.random.default_rng(seed).integers(-1, 2, size=(kd, kh, kw)).astype(float)
    if kind == "temporal_difference":
        kernel = np.zeros((kd, kh, kw))
        if kd > 1:
            kernel[0, kh // 2, kw // 2] = -1.0
            kernel[-1, kh // 2, kw // 2] = 1.0
        return kernel
    raise _unknown("kernel", kind, KERNEL_KINDS_3D)


def _unknown(name: str, kind: object, kinds: tuple[str, ...]) -> ConvValueError:
    return ConvValueError(
        "unknown_choice",
        f"{name}={kind!r} is not one of {', '.join(kinds)}",
        name=name,
        value=repr(kind),
        options=", ".join(kinds),
    )
