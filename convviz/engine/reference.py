"""Plain-loop versions of ``conv1d`` / ``conv2d`` / ``conv3d`` and ``conv_transpose2d``, written
to be read, not to be fast.

Each loop spells out the definition one multiply-add at a time. The tests check the vectorised
ops against these. The argument checks are the ops' own (``prepare_conv`` and
``prepare_conv_transpose2d``), so both versions accept and refuse exactly the same calls.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from convviz.engine.conv_setup import ConvSetup, prepare_conv
from convviz.engine.transpose_setup import prepare_conv_transpose2d


def _conv_loop(setup: ConvSetup) -> np.ndarray:
    """One multiply-add at a time: every output cell of every channel, every tap of its window.

    Returns
    -------
    numpy.ndarray, shape (N, C_out, *O)
        Without the bias.
    """
    xp = setup.padded_input()  # (N, C_in, *Sp)
    w = setup.weight  # (C_out, C_in/G, *K)
    n_batch, (c_out, c_in_per_group), kernel = xp.shape[0], w.shape[:2], w.shape[2:]
    out_per_group = c_out // setup.groups
    y = np.zeros((n_batch, c_out, *setup.out_size), dtype=setup.dtype)
    for n in range(n_batch):
        for o in range(c_out):
            first_in = (o // out_per_group) * c_in_per_group
            for cell in np.ndindex(*setup.out_size):
                total = 0.0
                for ci in range(c_in_per_group):
                    for tap in np.ndindex(*kernel):
                        where = tuple(
                            c * s + t * d
                            for c, s, t, d in zip(
                                cell, setup.stride, tap, setup.dilation, strict=True
                            )
                        )
                        total += w[(o, ci, *tap)] * xp[(n, first_in + ci, *where)]
                y[(n, o, *cell)] = total
    return y


def conv1d_reference(x: Any, weight: Any, bias: Any = None, **params: Any) -> np.ndarray:
    """Loop version of :func:`convviz.engine.conv.conv1d` (same parameters, result and errors).

    Parameters
    ----------
    x : array_like, shape (N, C_in, L) or (C_in, L)
    weight : array_like, shape (C_out, C_in / groups, kL)
    bias : array_like of shape (C_out,), optional
    **params
        ``stride``, ``padding``, ``dilation``, ``groups``, ``padding_mode`` as in ``conv1d``.

    Returns
    -------
    numpy.ndarray, shape (N, C_out, L_out) or (C_out, L_out)
    """
    setup = prepare_conv(x, weight, bias, spatial=1, **params)
    return setup.finish(_conv_loop(setup))


def conv2d_reference(x: Any, weight: Any, bias: Any = None, **params: Any) -> np.ndarray:
    """Loop version of :func:`convviz.engine.conv.conv2d` (same parameters, result and errors).

    Parameters
    ----------
    x : array_like, shape (N, C_in, H, W) or (C_in, H, W)
    weight : array_like, shape (C_out, C_in / groups, kH, kW)
    bias : array_like of shape (C_out,), optional
    **params
        ``stride``, ``padding``, ``dilation``, ``groups``, ``padding_mode`` as in ``conv2d``.

    Returns
    -------
    numpy.ndarray, shape (N, C_out, H_out, W_out) or (C_out, H_out, W_out)

    Notes
    -----
    ``y[n, o, r, c] = bias[o] + Σ_{ci, i, j} w[o, ci, i, j] · xp[n, q + ci, r·s + i·d, c·s + j·d]``
    with xp the padded input and q the first input channel of output channel o's group.
    """
    setup = prepare_conv(x, weight, bias, spatial=2, **params)
    return setup.finish(_conv_loop(setup))


def conv3d_reference(x: Any, weight: Any, bias: Any = None, **params: Any) -> np.ndarray:
    """Loop version of :func:`convviz.engine.conv.conv3d` (same parameters, result and errors).

    Parameters
    ----------
    x : array_like, shape (N, C_in, D, H, W) or (C_in, D, H, W)
    weight : array_like, shape (C_out, C_in / groups, kD, kH, kW)
    bias : array_like of shape (C_out,), optional
    **params
        ``stride``, ``padding``, ``dilation``, ``groups``, ``padding_mode`` as in ``conv3d``.

    Returns
    -------
    numpy.ndarray, shape (N, C_out, D_out, H_out, W_out) or (C_out, D_out, H_out, W_out)
    """
    setup = prepare_conv(x, weight, bias, spatial=3, **params)
    return setup.finish(_conv_loop(setup))


def conv_transpose2d_reference(
    x: Any,
    weight: Any,
    bias: Any = None,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    groups: Any = 1,
    dilation: Any = 1,
) -> np.ndarray:
    """Loop version of :func:`convviz.engine.transpose.conv_transpose2d`: a literal scatter-add.

    Parameters
    ----------
    x : array_like, shape (N, C_in, H, W) or (C_in, H, W)
    weight : array_like, shape (C_in, C_out / groups, kH, kW)
    bias : array_like of shape (C_out,), optional
    stride, padding, output_padding, groups, dilation
        As in ``conv_transpose2d``.

    Returns
    -------
    numpy.ndarray, shape (N, C_out, H_out, W_out) or (C_out, H_out, W_out)

    Notes
    -----
    Every input value x[n, ci, r, c] stamps ``x · w[ci, o]`` onto output channel q + o with its
    top-left tap at (r·s, c·s) of an uncropped canvas; the result is the canvas cropped by
    ``padding`` on each side, H_out = (H − 1)s − 2p + d(k − 1) + a + 1 rows.
    """
    setup = prepare_conv_transpose2d(
        x,
        weight,
        bias,
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        groups=groups,
        dilation=dilation,
    )
    x4, w = setup.x, setup.weight
    n_batch, c_in, h, w_in = x4.shape
    _, out_per_group, kh, kw = w.shape
    in_per_group = c_in // setup.groups
    (sh, sw), (dh, dw) = setup.stride, setup.dilation
    canvas = np.zeros((n_batch, setup.out_channels, *setup.canvas_hw()), dtype=setup.dtype)
    for n in range(n_batch):
        for ci in range(c_in):
            first_out = (ci // in_per_group) * out_per_group
            for r in range(h):
                for c in range(w_in):
                    value = x4[n, ci, r, c]
                    for o in range(out_per_group):
                        for i in range(kh):
                            for j in range(kw):
                                row, col = r * sh + i * dh, c * sw + j * dw
                                canvas[n, first_out + o, row, col] += value * w[ci, o, i, j]
    return setup.finish(canvas)
