"""Checkerboard artifacts of transposed convolutions, and the two usual remedies.

With an all-ones input and an all-ones kernel, a transposed convolution's output counts how
many stamps cover each cell (:func:`overlap_counts`). Away from the borders that count is the
same everywhere exactly when the kernel size is a multiple of the stride
(:func:`is_even_overlap`); otherwise it alternates in a checkerboard
(:func:`interior_overlap_counts` lists the values, dilation included). The remedies:
upsample by repeating pixels, then convolve at stride 1 (:func:`resize_then_conv`), or compute
r² channels at low resolution and interleave them (:func:`pixel_shuffle`, sub-pixel
convolution).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.params import check_ndim, check_positive, non_negative_pair, positive_pair
from convviz.engine.transpose import conv_transpose2d


def overlap_counts(
    input_shape: Any,
    kernel_size: Any,
    *,
    stride: Any,
    padding: Any = 0,
    dilation: Any = 1,
    output_padding: Any = 0,
) -> np.ndarray:
    """How many stamps of a transposed convolution cover each output cell.

    Parameters
    ----------
    input_shape, kernel_size : int or pair of ints
        ``(H, W)`` and ``(kH, kW)``.
    stride, dilation : int or pair of ints
        Each >= 1.
    padding, output_padding : int or pair of ints
        As in ``conv_transpose2d`` (padding crops the counts).

    Returns
    -------
    numpy.ndarray of int, shape (H_out, W_out)
        ``conv_transpose2d`` of an all-ones input with an all-ones kernel;
        H_out = (H − 1)s − 2p + d(k − 1) + a + 1.

    Raises
    ------
    ConvValueError
        Any error of ``conv_transpose2d``.

    Notes
    -----
    Per axis, cell m of the uncropped output is covered by the stamps r with
    r·s <= m − t·d for some tap t; the 2-D count is the product of the two axes' counts.

    Examples
    --------
    >>> overlap_counts(3, 3, stride=2)[0].tolist()
    [1, 1, 2, 1, 2, 1, 1]
    """
    (h, w), (kh, kw) = positive_pair(input_shape, "input_size"), _kernel_hw(kernel_size)
    counts = conv_transpose2d(
        np.ones((1, h, w)),  # (1, H, W)
        np.ones((1, 1, kh, kw)),  # (1, 1, kH, kW)
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
    )[0]  # (H_out, W_out)
    return np.rint(counts).astype(np.int64)


def interior_mask(
    input_shape: Any,
    kernel_size: Any,
    *,
    stride: Any,
    padding: Any = 0,
    dilation: Any = 1,
    output_padding: Any = 0,
) -> np.ndarray:
    """Output cells away from the border effects, where every tap's stamps can reach.

    Parameters
    ----------
    As :func:`overlap_counts`.

    Returns
    -------
    numpy.ndarray of bool, shape (H_out, W_out)
        True where the uncropped position m satisfies d(k − 1) <= m <= (i − 1)s on both
        axes: there the count depends only on m mod s (and on m mod d), not on the edges.
        Can be all False for small inputs.

    Examples
    --------
    >>> interior_mask(3, 3, stride=2)[2].tolist()
    [False, False, True, True, True, False, False]
    """
    (h, w), (kh, kw) = positive_pair(input_shape, "input_size"), _kernel_hw(kernel_size)
    counts = overlap_counts(
        (h, w),
        (kh, kw),
        stride=stride,
        padding=padding,
        dilation=dilation,
        output_padding=output_padding,
    )
    s, d = positive_pair(stride, "stride"), positive_pair(dilation, "dilation")
    p = non_negative_pair(padding, "padding")
    axes = []
    for size, k, s_i, d_i, p_i, n in zip((h, w), (kh, kw), s, d, p, counts.shape, strict=True):
        m = np.arange(n) + p_i  # (n,) uncropped position of each output row
        axes.append((m >= d_i * (k - 1)) & (m <= (size - 1) * s_i))
    return axes[0][:, None] & axes[1][None, :]


def is_even_overlap(kernel_size: Any, *, stride: Any) -> bool:
    """Whether stamps overlap evenly away from the borders (k divisible by s), for dilation 1.

    Parameters
    ----------
    kernel_size, stride : int or pair of ints

    Returns
    -------
    bool
        True exactly when k is divisible by s on both axes: then every interior cell is
        covered by (k/s)² stamps; otherwise the counts alternate between ⌊k/s⌋ and ⌈k/s⌉
        per axis.

    Examples
    --------
    >>> is_even_overlap(4, stride=2), is_even_overlap(3, stride=2)
    (True, False)
    """
    (kh, kw), (sh, sw) = _kernel_hw(kernel_size), positive_pair(stride, "stride")
    return kh % sh == 0 and kw % sw == 0


def interior_overlap_counts(kernel_size: Any, *, stride: Any, dilation: Any = 1) -> list[int]:
    """The distinct stamp counts away from the borders, however large the input.

    Along one axis, uncropped output position m is reached by tap j of the stamp from input
    position (m − j·d) / s, when that is a whole number; far from the borders every such
    input exists, so the count depends only on m mod s: #{j < k : j·d ≡ m (mod s)}. A cell's
    count is the product of its row's and its column's counts.

    Parameters
    ----------
    kernel_size, stride, dilation : int or pair of ints
        Each >= 1.

    Returns
    -------
    list of int
        Ascending. One value exactly when s divides k and gcd(d, s) = 1 on both axes (for
        d = 1 this is :func:`is_even_overlap`); a 0 means some interior cells get no stamp at
        all, because d and s share a factor.

    Examples
    --------
    >>> interior_overlap_counts(3, stride=2), interior_overlap_counts(4, stride=2)
    ([1, 2, 4], [4])
    >>> interior_overlap_counts(4, stride=2, dilation=2)
    [0, 16]
    """
    kernels = _kernel_hw(kernel_size)
    strides, dilations = positive_pair(stride, "stride"), positive_pair(dilation, "dilation")
    per_axis = [
        np.bincount(np.arange(k) * d % s, minlength=s)  # (s,) taps landing on each residue
        for k, s, d in zip(kernels, strides, dilations, strict=True)
    ]
    return sorted({int(a) * int(b) for a in per_axis[0] for b in per_axis[1]})


def nearest_upsample(x: Any, *, scale: Any) -> np.ndarray:
    """Repeat every value ``scale`` times along the last two axes (nearest-neighbour resize).

    Parameters
    ----------
    x : array_like, shape (..., H, W)
    scale : int or pair of ints
        r (>= 1).

    Returns
    -------
    numpy.ndarray, shape (..., H·r_h, W·r_w)

    Examples
    --------
    >>> nearest_upsample([[1, 2]], scale=2).tolist()
    [[1, 1, 2, 2], [1, 1, 2, 2]]
    """
    xa = np.asarray(x)
    if xa.ndim < 2:
        check_ndim("x", xa, (2,))
    rh, rw = positive_pair(scale, "scale")
    return np.repeat(np.repeat(xa, rh, axis=-2), rw, axis=-1)


def resize_then_conv(x: Any, kernel: Any, *, scale: Any, padding_mode: str = "zeros") -> np.ndarray:
    """Upsample by repeating pixels, then a stride-1 convolution that keeps the size.

    Parameters
    ----------
    x : array_like, shape (H, W)
    kernel : array_like, shape (kH, kW)
    scale : int or pair of ints
        r (>= 1).
    padding_mode : {"zeros", "reflect", "replicate", "circular"}
        What fills the border of the "same" padding.

    Returns
    -------
    numpy.ndarray, shape (H·r_h, W·r_w)
        ``conv2d(nearest_upsample(x), kernel, padding="same")``: every output cell sums the
        same number of taps, so no checkerboard comes from the upsampling.

    Raises
    ------
    ConvValueError
        ``bad_ndim`` unless both are 2-D, or any error of ``conv2d``.

    Examples
    --------
    >>> resize_then_conv([[1, 2]], [[1, 1]], scale=2).tolist()
    [[2.0, 3.0, 4.0, 2.0], [2.0, 3.0, 4.0, 2.0]]
    """
    xa, wa = np.asarray(x), np.asarray(kernel)
    check_ndim("x", xa, (2,))
    check_ndim("kernel", wa, (2,))
    big = nearest_upsample(xa, scale=scale)  # (H·r_h, W·r_w)
    return conv2d(big[None], wa[None, None], padding="same", padding_mode=padding_mode)[0]


def pixel_shuffle(x: Any, *, upscale: Any) -> np.ndarray:
    """Rearrange channels into space as ``torch.nn.functional.pixel_shuffle``.

    Parameters
    ----------
    x : array_like, shape (C·r², H, W) or (N, C·r², H, W)
    upscale : int
        r (>= 1).

    Returns
    -------
    numpy.ndarray, shape (C, H·r, W·r) or (N, C, H·r, W·r)
        ``out[..., c, h·r + i, w·r + j] = x[..., c·r² + i·r + j, h, w]``.

    Raises
    ------
    ConvValueError
        ``bad_ndim`` unless ``x`` has 3 or 4 axes; ``pixel_shuffle_channels`` when the
        channel count is not a multiple of r².

    Examples
    --------
    >>> pixel_shuffle(np.arange(4).reshape(4, 1, 1), upscale=2)[0].tolist()
    [[0, 1], [2, 3]]
    """
    xa = np.asarray(x)
    check_ndim("x", xa, (3, 4))
    r = check_positive("upscale", upscale)
    *lead, channels, h, w = xa.shape
    if channels % (r * r):
        raise ConvValueError(
            "pixel_shuffle_channels",
            f"pixel_shuffle with upscale={r} needs a multiple of r² = {r * r} channels; "
            f"x has {channels}",
            suggestion={"upscale": 1},
            upscale=r,
            square=r * r,
            channels=channels,
        )
    c = channels // (r * r)
    blocks = xa.reshape(*lead, c, r, r, h, w)  # (..., C, r, r, H, W)
    n = len(lead)
    order = (*range(n), n, n + 3, n + 1, n + 4, n + 2)  # (..., C, H, r, W, r)
    return blocks.transpose(order).reshape(*lead, c, h * r, w * r)  # (..., C, H·r, W·r)


def _kernel_hw(kernel_size: Any) -> tuple[int, int]:
    """``kernel_size`` as ``(kH, kW)``, each >= 1."""
    return positive_pair(kernel_size, "kernel_size")
