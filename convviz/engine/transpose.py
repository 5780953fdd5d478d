"""2-D transposed convolution with PyTorch's semantics, computed as a scatter-add.

Every input value stamps ``value × kernel`` onto the output, stamps ``stride`` apart and taps
``dilation`` apart; ``padding`` then crops the result and ``output_padding`` adds rows at the
bottom/right. :func:`conv_transpose2d` does all the products of a block of input rows in one
grouped matrix multiply, then adds them tap by tap into strided slices of the output.
``reference.py`` shares :func:`prepare_conv_transpose2d` with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.conv import arrays_in_result_dtype, batched_input, check_bias
from convviz.engine.errors import ConvValueError
from convviz.engine.params import (
    check_groups,
    check_ndim,
    check_output_padding,
    check_positive,
    non_negative_pair,
    positive_pair,
)
from convviz.engine.sizes import conv_transpose_output_size

# Largest block of products (elements) built at once; bigger inputs are done in row blocks.
_BLOCK_ELEMENTS = 1 << 23


@dataclass(frozen=True)
class ConvTranspose2dSetup:
    """Checked arguments of one ``conv_transpose2d`` call.

    Attributes
    ----------
    x : numpy.ndarray, shape (N, C_in, H, W)
        The input in the result dtype, with a batch axis even if the caller gave none.
    weight : numpy.ndarray, shape (C_in, C_out / groups, kH, kW)
    bias : numpy.ndarray of shape (C_out,), or None
    batched : bool
        Whether the caller's ``x`` had a batch axis.
    stride, padding, output_padding, dilation : tuple of int
        ``(h, w)``.
    groups : int
    out_hw : tuple of int
        ``(H_out, W_out)`` = (i − 1)s − 2p + d(k − 1) + a + 1 per axis.
    """

    x: np.ndarray
    weight: np.ndarray
    bias: np.ndarray | None
    batched: bool
    stride: tuple[int, int]
    padding: tuple[int, int]
    output_padding: tuple[int, int]
    dilation: tuple[int, int]
    groups: int
    out_hw: tuple[int, int]

    @property
    def dtype(self) -> np.dtype:
        """The dtype of the result."""
        return self.x.dtype

    @property
    def out_channels(self) -> int:
        """C_out = weight.shape[1] × groups."""
        return self.weight.shape[1] * self.groups

    def canvas_hw(self) -> tuple[int, int]:
        """Size of the uncropped scatter canvas: it holds every stamp and the cropped window.

        Per axis max((i − 1)s + d(k − 1) + 1, p + H_out); rows past the last stamp (from
        output_padding larger than p) stay 0.
        """
        return tuple(
            max((i - 1) * s + d * (k - 1) + 1, p + o)
            for i, k, s, d, p, o in zip(
                self.x.shape[2:],
                self.weight.shape[2:],
                self.stride,
                self.dilation,
                self.padding,
                self.out_hw,
                strict=True,
            )
        )

    def finish(self, canvas: np.ndarray) -> np.ndarray:
        """Crop ``canvas`` (N, C_out, Hc, Wc) by the padding, add the bias, drop a batch axis."""
        (ph, pw), (oh, ow) = self.padding, self.out_hw
        out = canvas[:, :, ph : ph + oh, pw : pw + ow].copy()  # (N, C_out, H_out, W_out)
        if self.bias is not None:
            out += self.bias[:, None, None]  # (C_out, 1, 1) broadcast
        return out if self.batched else out[0]


def prepare_conv_transpose2d(
    x: Any,
    weight: Any,
    bias: Any = None,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    groups: Any = 1,
    dilation: Any = 1,
) -> ConvTranspose2dSetup:
    """Check every argument of :func:`conv_transpose2d` and resolve sizes and dtype.

    Parameters and errors are those of :func:`conv_transpose2d`.

    Returns
    -------
    ConvTranspose2dSetup
    """
    xa, wa, ba = arrays_in_result_dtype(x, weight, bias)
    x4, batched = batched_input(xa)  # (N, C_in, H, W)
    check_ndim("weight", wa, (4,))
    _, c_in, h, w = x4.shape
    w_in, c_out_g, kh, kw = wa.shape
    check_positive("in_channels", c_in)
    check_positive("out_channels", c_out_g)
    check_positive("kernel_size", kh)
    check_positive("kernel_size", kw)
    check_positive("input_size", h)
    check_positive("input_size", w)
    g = check_positive("groups", groups)
    g = check_groups(g, c_in, c_out_g * g)
    if w_in != c_in:
        raise ConvValueError(
            "transpose_weight_shape",
            f"weight has shape {wa.shape}, layout (C_in, C_out/groups, kH, kW); its first "
            f"dimension must be in_channels={c_in}, not {w_in}",
            shape=str(wa.shape),
            in_channels=c_in,
            got=w_in,
        )
    check_bias(ba, c_out_g * g)
    s = positive_pair(stride, "stride")
    p = non_negative_pair(padding, "padding")
    d = positive_pair(dilation, "dilation")
    a = check_output_padding(output_padding, s, d)
    out_hw = (
        conv_transpose_output_size(h, kh, s[0], p[0], a[0], d[0]),
        conv_transpose_output_size(w, kw, s[1], p[1], a[1], d[1]),
    )
    return ConvTranspose2dSetup(
        x=x4,
        weight=wa,
        bias=ba,
        batched=batched,
        stride=s,
        padding=p,
        output_padding=a,
        dilation=d,
        groups=g,
        out_hw=out_hw,
    )


def conv_transpose2d(
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
    """2-D transposed convolution as ``torch.nn.functional.conv_transpose2d``.

    Parameters
    ----------
    x : array_like, shape (N, C_in, H, W) or (C_in, H, W)
    weight : array_like, shape (C_in, C_out / groups, kH, kW)
        PyTorch's layout for transposed convolutions (input channels first).
    bias : array_like of shape (C_out,), optional
    stride, dilation : int or pair of ints
        Each >= 1: stamps are ``stride`` apart, taps within a stamp ``dilation`` apart.
    padding : int or pair of ints
        >= 0; crops ``padding`` rows/columns from each side of the output (it does not pad
        the input).
    output_padding : int or pair of ints
        Extra rows/columns at the bottom/right, 0 <= a < max(stride, dilation) per axis.
        They are computed like every other row, not filled with zeros.
    groups : int
        Divides C_in (and C_out = weight.shape[1] × groups).

    Returns
    -------
    numpy.ndarray, shape (N, C_out, H_out, W_out) or (C_out, H_out, W_out)
        Without a batch axis if ``x`` had none. dtype ``np.result_type(x, weight, bias)``;
        integer or bool inputs are first promoted to float64.

    Raises
    ------
    ConvValueError
        For any bad argument: a non-integer or non-positive stride / dilation / groups,
        negative padding, output_padding not smaller than stride or dilation, an empty
        output, groups not dividing the channels, a weight or bias of the wrong shape, or
        an input with the wrong number of dimensions.

    Notes
    -----
    Per axis, H_out = (H − 1)s − 2p + d(k − 1) + a + 1, and

    ``y[n, q + o, r·s + i·d − p, c·s + j·d − p] += x[n, ci, r, c] · w[ci, o, i, j]``

    for every input cell, tap and output channel o of the group of ci (q its first channel).

    Examples
    --------
    >>> conv_transpose2d([[[1, 2], [3, 4]]], [[[[1, 0], [0, 0]]]], stride=2).tolist()
    [[[1.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 0.0], [3.0, 0.0, 4.0, 0.0], [0.0, 0.0, 0.0, 0.0]]]
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
    n, c_in, h, w = setup.x.shape
    _, og, kh, kw = setup.weight.shape
    g, c_out = setup.groups, setup.out_channels
    cg = c_in // g
    (sh, sw), (dh, dw) = setup.stride, setup.dilation
    canvas = np.zeros((n, c_out, *setup.canvas_hw()), dtype=setup.dtype)  # (N, C_out, Hc, Wc)
    w_t = setup.weight.reshape(g, cg, og * kh * kw).transpose(0, 2, 1)
    # w_t: (G, C_out/G·kH·kW, C_in/G)
    xg = setup.x.reshape(n, g, cg, h, w)  # (N, G, C_in/G, H, W)
    rows = max(1, _BLOCK_ELEMENTS // max(1, n * c_out * kh * kw * w))
    for r0 in range(0, h, rows):
        block = xg[:, :, :, r0 : r0 + rows]  # (N, G, C_in/G, R, W)
        r = block.shape[3]
        stamps = w_t @ block.reshape(n, g, cg, r * w)  # (N, G, C_out/G·kH·kW, R·W)
        stamps = stamps.reshape(n, c_out, kh, kw, r, w)  # (N, C_out, kH, kW, R, W)
        for i in range(kh):
            top = r0 * sh + i * dh
            for j in range(kw):
                left = j * dw
                rows_hit = slice(top, top + (r - 1) * sh + 1, sh)
                cols_hit = slice(left, left + (w - 1) * sw + 1, sw)
                canvas[:, :, rows_hit, cols_hit] += stamps[:, :, i, j]  # (N, C_out, R, W)
    return setup.finish(canvas)
