"""Depthwise convolution at stride 1 as shifted multiply-adds, with no im2col matrix.

When every group has one input channel (C_in / groups = 1: a depthwise convolution, possibly
with a channel multiplier m = C_out / C_in) and the stride is 1, each output channel is a
weighted sum of kH·kW shifted copies of one padded input channel. Stored flat, with rows of the
padded width Wp, the copy under tap (i, j) is a single contiguous slice starting at
i·d_h·Wp + j·d_w, so each tap is one long multiply and one add. The output is computed on rows
of width Wp; the last Wp − W_out values of each row are windows that wrap round into the next
row, and are dropped.

The im2col route would build a matrix kH·kW times the size of the input for a product with
one row per channel; here the only memory is one block of channels (padded input, running sum,
one product), reused from block to block, so it stays in cache and is not fresh memory the
system has to zero on every call.
"""

from __future__ import annotations

import numpy as np

from convviz.engine.conv_setup import ConvSetup
from convviz.engine.padding import pad2d

# Values per array in one block of channels (padded input, running sum, product): 64 Ki,
# 256 KB of float32, so the three stay in a 2 MB cache.
_BLOCK_ELEMENTS = 1 << 16


def is_depthwise_stride_one(setup: ConvSetup) -> bool:
    """Whether :func:`depthwise_conv2d` applies: one input channel per group, stride 1."""
    return setup.weight.shape[1] == 1 and setup.stride == (1, 1)


def depthwise_conv2d(setup: ConvSetup) -> np.ndarray:
    """The convolution of a checked depthwise, stride-1 setup, without the bias.

    Parameters
    ----------
    setup : ConvSetup
        With ``weight`` of shape (C_out, 1, kH, kW), ``groups = C_in`` and stride (1, 1)
        (:func:`is_depthwise_stride_one`); any padding, padding mode and dilation.

    Returns
    -------
    numpy.ndarray, shape (N, C_out, H_out, W_out)
        Output channel o = g·m + q is input channel g convolved with ``weight[o, 0]``
        (m = C_out / C_in), in the setup's dtype.
    """
    x = setup.x  # (N, C_in, H, W)
    n, c_in, h, w = x.shape
    c_out, _, kh, kw = setup.weight.shape
    m = c_out // c_in  # output channels per input channel
    (dh, dw), (oh, ow) = setup.dilation, setup.out_hw
    top, bottom, left, right = setup.pads
    hp, wp = h + top + bottom, w + left + right
    span = oh * wp  # one channel's output on rows of width Wp
    offsets = [i * dh * wp + j * dw for i in range(kh) for j in range(kw)]
    # the last row's wrapped windows read up to (kW − 1)·d_w values past the padded channel
    flat = np.zeros((max(1, _BLOCK_ELEMENTS // (hp * wp)), hp * wp + (kw - 1) * dw), x.dtype)
    block = flat.shape[0]
    total = np.empty((block, span), x.dtype)  # (B, H_out·Wp)
    product = np.empty_like(total)  # (B, H_out·Wp)
    taps = setup.weight.reshape(c_in, m, kh * kw)  # (C_in, m, kH·kW)
    out = np.empty((n, c_in, m, oh, ow), x.dtype)  # (N, C_in, m, H_out, W_out)
    for b in range(n):
        for c0 in range(0, c_in, block):
            nb = min(block, c_in - c0)
            padded = flat[:nb, : hp * wp].reshape(nb, hp, wp)  # (nb, Hp, Wp), a view
            if setup.padding_mode == "zeros":  # the border of ``flat`` is never written: 0
                padded[:, top : top + h, left : left + w] = x[b, c0 : c0 + nb]
            else:
                padded[...] = pad2d(x[b, c0 : c0 + nb], setup.pads, setup.padding_mode)
            for q in range(m):
                weights = taps[c0 : c0 + nb, q]  # (nb, kH·kW)
                acc, prod = total[:nb], product[:nb]  # (nb, H_out·Wp)
                np.multiply(flat[:nb, offsets[0] : offsets[0] + span], weights[:, :1], out=acc)
                for t in range(1, kh * kw):
                    start = offsets[t]
                    np.multiply(flat[:nb, start : start + span], weights[:, t : t + 1], out=prod)
                    acc += prod
                out[b, c0 : c0 + nb, q] = acc.reshape(nb, oh, wp)[:, :, :ow]
    return out.reshape(n, c_out, oh, ow)
