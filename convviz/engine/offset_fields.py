"""Offset fields for one offset group, made by rule rather than learned: what a deformable
convolution's offsets can do, each kind in one function.

Every field has shape (2·kH·kW, H_out, W_out) in ``deform_conv2d``'s layout ((dy, dx) of tap
t = a·kW + b at channels 2t, 2t + 1). Taps are measured from the centre of the regular grid,
c = (d(kH − 1)/2, d(kW − 1)/2), so "scale" and "rotation" move the points about the window's
centre. Rows grow downwards, as the figures draw them.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.params import (
    check_ndim,
    check_non_negative,
    non_negative_pair,
    positive_pair,
)

OFFSET_KINDS = ("zero", "shift", "scale", "rotation", "random", "shape")


def tap_vectors(kernel_size: Any, dilation: Any = 1) -> np.ndarray:
    """Each tap's position pₙ relative to the grid's centre, in tap order.

    Returns
    -------
    numpy.ndarray, shape (kH·kW, 2)
        ``(a·d_h − d_h(kH − 1)/2, b·d_w − d_w(kW − 1)/2)``.

    Examples
    --------
    >>> tap_vectors(3)[[0, 4, 8]].tolist()
    [[-1.0, -1.0], [0.0, 0.0], [1.0, 1.0]]
    """
    kh, kw = positive_pair(kernel_size, "kernel_size")
    dh, dw = positive_pair(dilation, "dilation")
    a, b = np.divmod(np.arange(kh * kw), kw)  # (T,) each
    return np.stack([a * dh - dh * (kh - 1) / 2, b * dw - dw * (kw - 1) / 2], axis=1)


def _spread(per_tap: np.ndarray, out_hw: tuple[int, int]) -> np.ndarray:
    """(T, 2) offsets, the same at every output cell, as a (2T, H_out, W_out) field."""
    flat = per_tap.reshape(-1)  # (2T,): dy₀, dx₀, dy₁, dx₁, …
    return np.broadcast_to(flat[:, None, None], (flat.size, *out_hw)).copy()


def _out_hw(out_hw: Any) -> tuple[int, int]:
    return positive_pair(out_hw, "out_hw")


def shift_field(kernel_size: Any, out_hw: Any, *, dy: float, dx: float) -> np.ndarray:
    """Every point moved by the same (dy, dx): the whole window slides (whole numbers give a
    shifted convolution, fractions blend neighbours)."""
    kh, kw = positive_pair(kernel_size, "kernel_size")
    return _spread(np.tile([float(dy), float(dx)], (kh * kw, 1)), _out_hw(out_hw))


def scale_field(kernel_size: Any, out_hw: Any, *, factor: float, dilation: Any = 1) -> np.ndarray:
    """Points at c + factor·pₙ: the grid grows (factor > 1) or shrinks about its centre,
    like a dilation that need not be a whole number. Δpₙ = (factor − 1)·pₙ."""
    return _spread((float(factor) - 1) * tap_vectors(kernel_size, dilation), _out_hw(out_hw))


def rotation_field(
    kernel_size: Any, out_hw: Any, *, degrees: float, dilation: Any = 1
) -> np.ndarray:
    """The grid turned by ``degrees`` anticlockwise as drawn (rows down) about its centre.

    Δpₙ = R·pₙ − pₙ with R·(dy, dx) = (cos θ·dy − sin θ·dx, sin θ·dy + cos θ·dx): with rows
    growing downwards this turns a tap to the right of the centre (0, 1) at θ = 90° to the
    one above it (−1, 0).
    """
    v = tap_vectors(kernel_size, dilation)  # (T, 2): (dy, dx)
    theta = np.deg2rad(float(degrees))
    cos, sin = np.cos(theta), np.sin(theta)
    turned = np.stack([cos * v[:, 0] - sin * v[:, 1], sin * v[:, 0] + cos * v[:, 1]], axis=1)
    turned = np.where(np.abs(turned) < 1e-12, 0.0, turned)  # cos 90° is 6e-17, not 0
    return _spread(turned - v, _out_hw(out_hw))


def random_field(kernel_size: Any, out_hw: Any, *, scale: float, seed: Any) -> np.ndarray:
    """Independent normal offsets with standard deviation ``scale`` per tap and output cell,
    from ``np.random.default_rng(seed)``: a field with no pattern at all."""
    kh, kw = positive_pair(kernel_size, "kernel_size")
    rng = np.random.default_rng(check_non_negative("seed", seed))
    return rng.normal(0.0, float(scale), size=(2 * kh * kw, *_out_hw(out_hw)))


def shape_field(
    image: Any,
    kernel_size: Any,
    out_hw: Any,
    *,
    reach: Any,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
) -> np.ndarray:
    """Offsets computed from the picture so each window's points spread over the object.

    The object is every pixel above the midpoint between the picture's smallest and largest
    value. For each output cell, the candidates are the object pixels inside its window grown
    by ``reach`` pixels on every side; the kH·kW candidates nearest to the window's centre
    (ties in row-major order) are taken, and the taps and the chosen pixels, both sorted
    row-major, are paired: each tap moves onto its own object pixel. When there are fewer
    candidates than taps, the taps left over (the last in row-major order) keep their regular
    place. A rule written by hand to show the idea; a trained network learns its offsets.

    Parameters
    ----------
    image : array_like, shape (H, W)
    kernel_size, stride, padding, dilation : int or pair of ints
    out_hw : pair of ints
        The output size the field is for.
    reach : int
        How far outside the regular window a point may go, in pixels (>= 0).

    Returns
    -------
    numpy.ndarray, shape (2·kH·kW, H_out, W_out)
        Whole-pixel offsets.
    """
    img = np.asarray(image, dtype=float)
    check_ndim("image", img, (2,))
    kh, kw = positive_pair(kernel_size, "kernel_size")
    (sh, sw), (dh, dw) = positive_pair(stride, "stride"), positive_pair(dilation, "dilation")
    ph, pw = non_negative_pair(padding, "padding")
    grow = check_non_negative("reach", reach)
    oh, ow = _out_hw(out_hw)
    taps = kh * kw
    field = np.zeros((taps, 2, oh, ow))  # (T, (dy, dx), H_out, W_out)
    lo, hi = float(img.min()), float(img.max())
    obj_r, obj_c = np.nonzero(img > (lo + hi) / 2)  # (Q,) each, row-major
    if obj_r.size == 0:  # a flat picture has no object
        return field.reshape(2 * taps, oh, ow)
    a, b = np.divmod(np.arange(taps), kw)  # (T,): taps in row-major order
    span_h, span_w = dh * (kh - 1), dw * (kw - 1)
    for i in range(oh):
        top = i * sh - ph
        in_rows = (obj_r >= top - grow) & (obj_r <= top + span_h + grow)  # (Q,)
        for j in range(ow):
            left = j * sw - pw
            near = in_rows & (obj_c >= left - grow) & (obj_c <= left + span_w + grow)
            rows, cols = obj_r[near], obj_c[near]  # candidates, row-major
            gap = np.hypot(rows - (top + span_h / 2), cols - (left + span_w / 2))
            chosen = np.sort(np.argsort(gap, kind="stable")[:taps])  # nearest, back in row order
            n = chosen.size
            field[:n, 0, i, j] = rows[chosen] - (top + a[:n] * dh)
            field[:n, 1, i, j] = cols[chosen] - (left + b[:n] * dw)
    return field.reshape(2 * taps, oh, ow)


def offset_field(
    kind: str,
    *,
    kernel_size: Any,
    out_hw: Any,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    amount: float = 0.0,
    seed: int = 0,
    image: Any = None,
) -> np.ndarray:
    """The field of one kind from :data:`OFFSET_KINDS`, with one number that sets its size.

    ``amount`` is the shift along both axes for ``"shift"`` (dy = dx = amount), the factor for
    ``"scale"``, the angle in degrees for ``"rotation"``, the standard deviation for
    ``"random"`` and the reach in whole pixels for ``"shape"``; ``"zero"`` ignores it.

    Raises
    ------
    ConvValueError
        ``unknown_offset_kind`` for a kind not in :data:`OFFSET_KINDS`.
    """
    if kind == "zero":
        kh, kw = positive_pair(kernel_size, "kernel_size")
        return np.zeros((2 * kh * kw, *_out_hw(out_hw)))
    if kind == "shift":
        return shift_field(kernel_size, out_hw, dy=amount, dx=amount)
    if kind == "scale":
        return scale_field(kernel_size, out_hw, factor=amount, dilation=dilation)
    if kind == "rotation":
        return rotation_field(kernel_size, out_hw, degrees=amount, dilation=dilation)
    if kind == "random":
        return random_field(kernel_size, out_hw, scale=amount, seed=seed)
    if kind == "shape":
        return shape_field(
            image,
            kernel_size,
            out_hw,
            reach=round(amount),
            stride=stride,
            padding=padding,
            dilation=dilation,
        )
    raise ConvValueError(
        "unknown_offset_kind",
        f"offsets={kind!r} is not one of {', '.join(OFFSET_KINDS)}",
        kind=repr(kind),
        kinds=", ".join(OFFSET_KINDS),
    )
