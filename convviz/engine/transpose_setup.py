"""The checked setting of a 2-D transposed convolution: arrays in one dtype, every
hyper-parameter as a pair, the output size, and the errors that name the values.

Both the phase-by-phase :func:`~convviz.engine.transpose.conv_transpose2d` and the literal
scatter-add of ``reference.py`` start from :func:`prepare_conv_transpose2d`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.conv_setup import arrays_in_result_dtype, batched_input, check_bias
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
        return self.finish_output(canvas[:, :, ph : ph + oh, pw : pw + ow].copy())

    def finish_output(self, out: np.ndarray) -> np.ndarray:
        """Add the bias to ``out`` (N, C_out, H_out, W_out) in place and drop a batch axis."""
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
