"""1-, 2- and 3-D convolution (cross-correlation, as in deep learning) with PyTorch's semantics.

All three check their arguments with :func:`convviz.engine.conv_setup.prepare_conv` and run the
one sliding-window core of ``convnd.py`` (im2col over the spatial axes, one grouped matrix
multiply per block of output rows) — except a 2-D depthwise convolution at stride 1, which
``depthwise.py`` does as shifted multiply-adds without the columns. The loop versions in
``reference.py`` share the checks, so both explain a bad argument the same way.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from convviz.engine.conv_setup import (
    ConvSetup,
    arrays_in_result_dtype,
    batched_input,
    check_bias,
    check_in_channels,
    prepare_conv,
    prepare_conv2d,
)
from convviz.engine.convnd import conv_nd
from convviz.engine.depthwise import depthwise_conv2d, is_depthwise_stride_one

# The checks moved to conv_setup.py when conv1d / conv3d joined; the names modules imported
# from here before still resolve (Conv2dSetup is the setup of a 2-D call).
Conv2dSetup = ConvSetup
__all__ = [
    "Conv2dSetup",
    "arrays_in_result_dtype",
    "batched_input",
    "check_bias",
    "check_in_channels",
    "conv1d",
    "conv2d",
    "conv3d",
    "prepare_conv2d",
]


def conv1d(
    x: Any,
    weight: Any,
    bias: Any = None,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: Any = 1,
    padding_mode: str = "zeros",
) -> np.ndarray:
    """1-D convolution as ``torch.nn.functional.conv1d`` (cross-correlation: no kernel flip).

    Parameters
    ----------
    x : array_like, shape (N, C_in, L) or (C_in, L)
    weight : array_like, shape (C_out, C_in / groups, kL)
    bias : array_like of shape (C_out,), optional
    stride, dilation : int or 1-tuple of int
        Each >= 1.
    padding : int, 1-tuple of int, "valid" or "same"
        Per side; ``"same"`` keeps L (stride 1 only), the odd extra value on the right.
    groups : int
        Divides C_in and C_out.
    padding_mode : {"zeros", "reflect", "replicate", "circular"}

    Returns
    -------
    numpy.ndarray, shape (N, C_out, L_out) or (C_out, L_out)
        Without a batch axis if ``x`` had none; dtype as :func:`conv2d`.

    Raises
    ------
    ConvValueError
        For any bad argument, as :func:`conv2d`.

    Notes
    -----
    L_out = ⌊(L + 2p − d(k − 1) − 1) / s⌋ + 1 and
    ``y[n, o, t] = bias[o] + Σ_{ci, i} w[o, ci, i] · xp[n, q + ci, t·s + i·d]``.

    Examples
    --------
    >>> conv1d([[1, 2, 4, 7]], [[[-1, 1]]]).tolist()
    [[1.0, 2.0, 3.0]]
    """
    setup = prepare_conv(
        x,
        weight,
        bias,
        spatial=1,
        stride=stride,
        padding=padding,
        dilation=dilation,
        groups=groups,
        padding_mode=padding_mode,
    )
    return setup.finish(conv_nd(setup))  # (N, C_out, L_out)


def conv2d(
    x: Any,
    weight: Any,
    bias: Any = None,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: Any = 1,
    padding_mode: str = "zeros",
) -> np.ndarray:
    """2-D convolution as ``torch.nn.functional.conv2d`` (cross-correlation: no kernel flip).

    Parameters
    ----------
    x : array_like, shape (N, C_in, H, W) or (C_in, H, W)
    weight : array_like, shape (C_out, C_in / groups, kH, kW)
    bias : array_like of shape (C_out,), optional
    stride, dilation : int or pair of ints
        Each >= 1; ``dilation=1`` means no gaps between taps.
    padding : int, pair of ints, "valid" or "same"
        Per side. ``"same"`` keeps H and W (stride 1 only, as in PyTorch); when the total
        d(k − 1) is odd the extra row/column goes to the bottom/right.
    groups : int
        Divides C_in and C_out; ``groups=C_in`` is a depthwise convolution.
    padding_mode : {"zeros", "reflect", "replicate", "circular"}
        What fills the border (as ``nn.Conv2d(padding_mode=...)``).

    Returns
    -------
    numpy.ndarray, shape (N, C_out, H_out, W_out) or (C_out, H_out, W_out)
        Without a batch axis if ``x`` had none. dtype ``np.result_type(x, weight, bias)``
        (float32 stays float32, float64 stays float64); integer or bool inputs are first
        promoted to float64.

    Raises
    ------
    ConvValueError
        For any bad argument: a non-integer or non-positive stride / dilation / groups,
        negative padding, the kernel larger than the padded input, groups not dividing the
        channels, a weight or bias of the wrong shape, an unknown padding or padding mode,
        reflect padding not smaller than the input, ``"same"`` with stride > 1, or an input
        with the wrong number of dimensions.

    Notes
    -----
    Per axis, H_out = ⌊(H + 2p − d(k − 1) − 1) / s⌋ + 1, and

    ``y[n, o, r, c] = bias[o] + Σ_{ci, i, j} w[o, ci, i, j] · xp[n, q + ci, r·s + i·d, c·s + j·d]``

    with xp the padded input, q = g·C_in/G the first input channel of group g and
    g = o // (C_out / G) the group of output channel o.

    Examples
    --------
    >>> conv2d([[[1, 2, 3], [4, 5, 6], [7, 8, 9]]], [[[[1, 0], [0, -1]]]]).tolist()
    [[[-4.0, -4.0], [-4.0, -4.0]]]
    """
    setup = prepare_conv2d(
        x,
        weight,
        bias,
        stride=stride,
        padding=padding,
        dilation=dilation,
        groups=groups,
        padding_mode=padding_mode,
    )
    if is_depthwise_stride_one(setup):
        return setup.finish(depthwise_conv2d(setup))  # (N, C_out, H_out, W_out)
    return setup.finish(conv_nd(setup))  # (N, C_out, H_out, W_out)


def conv3d(
    x: Any,
    weight: Any,
    bias: Any = None,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: Any = 1,
    padding_mode: str = "zeros",
) -> np.ndarray:
    """3-D convolution as ``torch.nn.functional.conv3d`` (cross-correlation: no kernel flip).

    The kernel slides along depth (time, for a clip of frames) as well as height and width,
    so the output keeps a depth axis: output frame t reads kD input frames, t·s_d, …,
    t·s_d + (kD − 1)·d_d of the padded input.

    Parameters
    ----------
    x : array_like, shape (N, C_in, D, H, W) or (C_in, D, H, W)
    weight : array_like, shape (C_out, C_in / groups, kD, kH, kW)
    bias : array_like of shape (C_out,), optional
    stride, dilation : int or triple of ints
        Each >= 1, as ``(d, h, w)``.
    padding : int, triple of ints, "valid" or "same"
        Per side, as ``(d, h, w)``; ``"same"`` keeps D, H and W (stride 1 only), the odd
        extra frame / row / column after (back, bottom, right).
    groups : int
        Divides C_in and C_out.
    padding_mode : {"zeros", "reflect", "replicate", "circular"}

    Returns
    -------
    numpy.ndarray, shape (N, C_out, D_out, H_out, W_out) or (C_out, D_out, H_out, W_out)
        Without a batch axis if ``x`` had none; dtype as :func:`conv2d`.

    Raises
    ------
    ConvValueError
        For any bad argument, as :func:`conv2d` (a tuple of the wrong length is
        ``not_tuple``).

    Notes
    -----
    On each axis, O = ⌊(S + 2p − d(k − 1) − 1) / s⌋ + 1, and

    ``y[n, o, t, r, c] = bias[o] + Σ_{ci, a, i, j} w[o, ci, a, i, j] ·
    xp[n, q + ci, t·s_d + a·d_d, r·s_h + i·d_h, c·s_w + j·d_w]``.

    Examples
    --------
    A temporal difference: frame t + 1 minus frame t.

    >>> x = [[[[0.0]], [[1.0]], [[5.0]]]]  # one channel, 3 frames of 1×1
    >>> conv3d(x, [[[[[-1.0]], [[1.0]]]]]).ravel().tolist()
    [1.0, 4.0]
    """
    setup = prepare_conv(
        x,
        weight,
        bias,
        spatial=3,
        stride=stride,
        padding=padding,
        dilation=dilation,
        groups=groups,
        padding_mode=padding_mode,
    )
    return setup.finish(conv_nd(setup))  # (N, C_out, D_out, H_out, W_out)
