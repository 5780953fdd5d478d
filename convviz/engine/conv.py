"""2-D convolution (cross-correlation, as in deep learning) with PyTorch's semantics.

:func:`prepare_conv2d` checks and normalises the arguments once; :func:`conv2d` lowers the
padded input to columns with ``sliding_window_view`` (im2col) and does one grouped matrix
multiply per block of output rows — except for a depthwise convolution at stride 1, which
``depthwise.py`` does as shifted multiply-adds without the columns. The loop version in
``reference.py`` shares :func:`prepare_conv2d`, so both explain a bad argument the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from convviz.engine.depthwise import depthwise_conv2d, is_depthwise_stride_one
from convviz.engine.errors import ConvValueError
from convviz.engine.padding import pad2d
from convviz.engine.params import (
    as_float_array,
    check_groups,
    check_ndim,
    check_padding_mode,
    check_positive,
    non_negative_pair,
    positive_pair,
)
from convviz.engine.sizes import (
    conv_output_size,
    effective_kernel_size,
    size_keeping_padding,
    tf_same_padding,
    torch_same_padding,
)

# Largest im2col block (elements) built at once; bigger inputs are done in row blocks. About
# 2 MB of float32: a block and its products stay in cache between the copy and the multiply,
# and no call allocates tens of MB afresh (3×512×512 → 16, k = 3: 3.5 ms here, 6–15 ms with
# the whole im2col matrix at once).
_BLOCK_ELEMENTS = 1 << 19


@dataclass(frozen=True)
class Conv2dSetup:
    """Checked arguments of one ``conv2d`` call.

    Attributes
    ----------
    x : numpy.ndarray, shape (N, C_in, H, W)
        The input in the result dtype, with a batch axis even if the caller gave none.
    weight : numpy.ndarray, shape (C_out, C_in / groups, kH, kW)
    bias : numpy.ndarray of shape (C_out,), or None
    batched : bool
        Whether the caller's ``x`` had a batch axis (the result keeps the caller's form).
    stride, dilation : tuple of int
        ``(h, w)``.
    pads : tuple of int
        ``(top, bottom, left, right)``, already resolved for ``"same"`` / ``"valid"``.
    groups : int
    padding_mode : str
    out_hw : tuple of int
        ``(H_out, W_out)``.
    """

    x: np.ndarray
    weight: np.ndarray
    bias: np.ndarray | None
    batched: bool
    stride: tuple[int, int]
    dilation: tuple[int, int]
    pads: tuple[int, int, int, int]
    groups: int
    padding_mode: str
    out_hw: tuple[int, int]

    @property
    def dtype(self) -> np.dtype:
        """The dtype of the result."""
        return self.x.dtype

    def padded_input(self) -> np.ndarray:
        """``x`` with its border, shape (N, C_in, H + top + bottom, W + left + right)."""
        return pad2d(self.x, self.pads, self.padding_mode)

    def finish(self, out: np.ndarray) -> np.ndarray:
        """Add the bias and drop the batch axis if the caller gave none; ``out`` is (N, C, H, W)."""
        if self.bias is not None:
            out += self.bias[:, None, None]  # (C_out, 1, 1) broadcast over (N, C_out, H, W)
        return out if self.batched else out[0]


def arrays_in_result_dtype(
    x: Any, weight: Any, bias: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """``x``, ``weight`` and ``bias`` as arrays of one floating dtype.

    Integer and bool arrays become float64; then all three are cast to
    ``np.result_type(x, weight, bias)`` (e.g. float32 with float32 stays float32,
    float32 with float64 gives float64).
    """
    xa = as_float_array("x", x)
    wa = as_float_array("weight", weight)
    ba = None if bias is None else as_float_array("bias", bias)
    dtype = np.result_type(xa, wa) if ba is None else np.result_type(xa, wa, ba)
    return (
        xa.astype(dtype, copy=False),
        wa.astype(dtype, copy=False),
        None if ba is None else ba.astype(dtype, copy=False),
    )


def batched_input(x: np.ndarray) -> tuple[np.ndarray, bool]:
    """``x`` with a batch axis, shape (N, C, H, W), and whether it had one (3 or 4 dims)."""
    ndim = check_ndim("x", x, (3, 4))
    return (x, True) if ndim == 4 else (x[None], False)  # (1, C, H, W)


def check_bias(bias: np.ndarray | None, out_channels: int) -> None:
    """Raise ``bias_shape`` unless ``bias`` is None or has shape ``(out_channels,)``."""
    if bias is not None and bias.shape != (out_channels,):
        raise ConvValueError(
            "bias_shape",
            f"bias has shape {bias.shape}; it needs one value per output channel, "
            f"shape ({out_channels},)",
            shape=str(bias.shape),
            out_channels=out_channels,
        )


def check_in_channels(
    x_channels: int, weight_shape: tuple[int, ...], groups: int, layout: str
) -> None:
    """Raise ``weight_shape`` unless ``weight_shape[1]`` is ``x_channels / groups``.

    ``layout`` names the weight layout in the message, e.g. ``"(C_out, C_in/groups, kH, kW)"``.
    """
    expected = x_channels // groups
    if weight_shape[1] != expected:
        raise ConvValueError(
            "weight_shape",
            f"weight has shape {tuple(weight_shape)}, layout {layout}; with "
            f"in_channels={x_channels} and groups={groups} its second dimension must be "
            f"{x_channels}/{groups} = {expected}, not {weight_shape[1]}",
            shape=str(tuple(weight_shape)),
            layout=layout,
            in_channels=x_channels,
            groups=groups,
            expected=expected,
            got=weight_shape[1],
        )


def _same_with_stride_error(
    input_hw: tuple[int, int],
    kernel_hw: tuple[int, int],
    stride: tuple[int, int],
    dilation: tuple[int, int],
) -> ConvValueError:
    """``same_needs_stride_1``, with the padding that does keep the size on a strided axis."""
    axis = 0 if stride[0] > 1 else 1
    i, k, s, d = input_hw[axis], kernel_hw[axis], stride[axis], dilation[axis]
    keep = size_keeping_padding(i, k, s, d)
    k_eff = effective_kernel_size(k, d)
    tf_out = tf_same_padding(i, k, s, d)[0]
    return ConvValueError(
        "same_needs_stride_1",
        f'padding="same" needs stride=1 in PyTorch, which does not support it with a larger '
        f"stride; got stride={stride}. That is PyTorch's rule, not arithmetic: with i = {i}, "
        f"k̂ = {k_eff} and s = {s}, padding p = {keep} per side gives "
        f'o = ⌊({i} + 2·{keep} − {k_eff}) / {s}⌋ + 1 = {i}. TensorFlow\'s "SAME" gives '
        f"⌈i / s⌉ = {tf_out} instead",
        suggestion={"stride": 1},
        stride=str(stride),
        size=i,
        k_eff=k_eff,
        s=s,
        keep=keep,
        tf=tf_out,
    )


def _resolve_padding(
    padding: Any,
    input_hw: tuple[int, int],
    kernel_hw: tuple[int, int],
    stride: tuple[int, int],
    dilation: tuple[int, int],
) -> tuple[int, int, int, int]:
    """``padding`` (int, pair, ``"valid"`` or ``"same"``) as ``(top, bottom, left, right)``."""
    if isinstance(padding, str):
        if padding == "valid":
            return 0, 0, 0, 0
        if padding == "same":
            if stride != (1, 1):
                raise _same_with_stride_error(input_hw, kernel_hw, stride, dilation)
            (top, bottom), (left, right) = (
                torch_same_padding(k, d) for k, d in zip(kernel_hw, dilation, strict=True)
            )
            return top, bottom, left, right
        raise ConvValueError(
            "unknown_padding",
            f'padding={padding!r} is not understood; use an int, a pair (h, w), "valid" or "same"',
            suggestion={"padding": 0},
            padding=repr(padding),
        )
    ph, pw = non_negative_pair(padding, "padding")
    return ph, ph, pw, pw


def prepare_conv2d(
    x: Any,
    weight: Any,
    bias: Any = None,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: Any = 1,
    padding_mode: str = "zeros",
) -> Conv2dSetup:
    """Check every argument of :func:`conv2d` and resolve sizes, padding and dtype.

    Parameters and errors are those of :func:`conv2d`.

    Returns
    -------
    Conv2dSetup
    """
    xa, wa, ba = arrays_in_result_dtype(x, weight, bias)
    x4, batched = batched_input(xa)  # (N, C_in, H, W)
    check_ndim("weight", wa, (4,))
    _, c_in, h, w = x4.shape
    c_out, _, kh, kw = wa.shape
    check_positive("in_channels", c_in)
    check_positive("out_channels", c_out)
    check_positive("kernel_size", kh)
    check_positive("kernel_size", kw)
    check_positive("input_size", h)
    check_positive("input_size", w)
    g = check_groups(groups, c_in, c_out)
    check_in_channels(c_in, wa.shape, g, "(C_out, C_in/groups, kH, kW)")
    check_bias(ba, c_out)
    s = positive_pair(stride, "stride")
    d = positive_pair(dilation, "dilation")
    mode = check_padding_mode(padding_mode)
    pads = _resolve_padding(padding, (h, w), (kh, kw), s, d)
    if padding == "same":
        out_hw = (h, w)  # H + d(k-1) - d(k-1) - 1 + 1 at stride 1
    else:  # symmetric padding: top == bottom, left == right
        out_hw = (
            conv_output_size(h, kh, s[0], pads[0], d[0]),
            conv_output_size(w, kw, s[1], pads[2], d[1]),
        )
    return Conv2dSetup(
        x=x4,
        weight=wa,
        bias=ba,
        batched=batched,
        stride=s,
        dilation=d,
        pads=pads,
        groups=g,
        padding_mode=mode,
        out_hw=out_hw,
    )


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
    xp = setup.padded_input()  # (N, C_in, Hp, Wp)
    n, c_in = xp.shape[:2]
    c_out, cg, kh, kw = setup.weight.shape
    g = setup.groups
    (sh, sw), (dh, dw), (oh, ow) = setup.stride, setup.dilation, setup.out_hw
    span = (dh * (kh - 1) + 1, dw * (kw - 1) + 1)
    windows = sliding_window_view(xp, span, axis=(2, 3))  # (N, C_in, Hp-k̂h+1, Wp-k̂w+1, k̂h, k̂w)
    windows = windows[:, :, : (oh - 1) * sh + 1 : sh, : (ow - 1) * sw + 1 : sw, ::dh, ::dw]
    windows = windows.reshape(n, g, cg, oh, ow, kh, kw)  # (N, G, C_in/G, H_out, W_out, kH, kW)
    w_mat = setup.weight.reshape(g, c_out // g, cg * kh * kw)  # (G, C_out/G, C_in/G·kH·kW)
    out = np.empty((n, g, c_out // g, oh * ow), dtype=setup.dtype)  # (N, G, C_out/G, H_out·W_out)
    rows = max(1, _BLOCK_ELEMENTS // max(1, n * c_in * kh * kw * ow))
    for r0 in range(0, oh, rows):
        block = windows[:, :, :, r0 : r0 + rows]  # (N, G, C_in/G, R, W_out, kH, kW)
        r = block.shape[3]
        cols = block.transpose(0, 1, 2, 5, 6, 3, 4).reshape(n, g, cg * kh * kw, r * ow)
        # cols: (N, G, C_in/G·kH·kW, R·W_out); the products go straight into their rows of out
        np.matmul(w_mat, cols, out=out[..., r0 * ow : (r0 + r) * ow])
    return setup.finish(out.reshape(n, c_out, oh, ow))  # (N, C_out, H_out, W_out)
