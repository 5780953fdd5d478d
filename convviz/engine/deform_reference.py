"""Plain-loop ``deform_conv2d``, written to be read: one sampling point, one multiply-add at a time.

The bilinear read is spelled out here on its own (it does not call ``bilinear.py``), as in
torchvision's CPU kernel, so the tests compare two independent versions. The argument checks
are the op's own (``prepare_deform_conv2d``).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from convviz.engine.deform import prepare_deform_conv2d


def bilinear_read(image: np.ndarray, y: float, x: float) -> float:
    """``image`` (H, W) at the fractional point (y, x); 0 outside, as torchvision reads it.

    A point with y ≤ −1, y ≥ H, x ≤ −1 or x ≥ W reads 0; otherwise the four neighbours
    (those outside the image read 0) are weighted by the areas of the opposite rectangles.
    """
    height, width = image.shape
    if y <= -1 or y >= height or x <= -1 or x >= width:
        return 0.0
    y0, x0 = math.floor(y), math.floor(x)
    ly, lx = y - y0, x - x0
    total = 0.0
    for row, col, weight in (
        (y0, x0, (1 - ly) * (1 - lx)),
        (y0, x0 + 1, (1 - ly) * lx),
        (y0 + 1, x0, ly * (1 - lx)),
        (y0 + 1, x0 + 1, ly * lx),
    ):
        if 0 <= row < height and 0 <= col < width:
            total += weight * float(image[row, col])
    return total


def deform_conv2d_reference(
    x: Any,
    offset: Any,
    weight: Any,
    bias: Any = None,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    mask: Any = None,
) -> np.ndarray:
    """Loop version of :func:`convviz.engine.deform.deform_conv2d` (same parameters and errors).

    Returns
    -------
    numpy.ndarray, shape (N, C_out, H_out, W_out) or (C_out, H_out, W_out)

    Notes
    -----
    For output (n, o, i, j), input channel c of o's weight group and tap (a, b): offset group
    g = c // (C_in / G), t = a·kW + b, (dy, dx) = offset[n, g·2·kH·kW + 2t : +2, i, j], mask
    m = mask[n, g·kH·kW + t, i, j] (1 without a mask); add
    w[o, c, a, b] · m · read(x[n, c], i·s − p + a·d + dy, j·s − p + b·d + dx).
    """
    setup = prepare_deform_conv2d(
        x, offset, weight, bias, stride=stride, padding=padding, dilation=dilation, mask=mask
    )
    x4, w, off, mask4 = setup.x, setup.weight, setup.offset, setup.mask
    n_batch, c_in = x4.shape[:2]
    c_out, c_per_group, kh, kw = w.shape
    out_per_group = c_out // setup.groups
    in_per_offset_group = c_in // setup.offset_groups
    (sh, sw), (ph, pw), (dh, dw), (oh, ow) = (
        setup.stride,
        setup.padding,
        setup.dilation,
        setup.out_hw,
    )
    y = np.zeros((n_batch, c_out, oh, ow), dtype=setup.dtype)
    for n in range(n_batch):
        for o in range(c_out):
            first_in = (o // out_per_group) * c_per_group
            for i in range(oh):
                for j in range(ow):
                    total = 0.0
                    for ci in range(c_per_group):
                        c = first_in + ci
                        g = c // in_per_offset_group
                        for a in range(kh):
                            for b in range(kw):
                                t = a * kw + b
                                dy = off[n, g * 2 * kh * kw + 2 * t, i, j]
                                dx = off[n, g * 2 * kh * kw + 2 * t + 1, i, j]
                                m = 1.0 if mask4 is None else mask4[n, g * kh * kw + t, i, j]
                                row = i * sh - ph + a * dh + dy
                                col = j * sw - pw + b * dw + dx
                                value = bilinear_read(x4[n, c], float(row), float(col))
                                total += w[o, ci, a, b] * m * value
                    y[n, o, i, j] = total
    return setup.finish(y)
