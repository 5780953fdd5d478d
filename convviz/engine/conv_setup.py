"""The checked arguments of a convolution over 1, 2 or 3 spatial axes.

:func:`prepare_conv` checks and normalises the arguments of ``conv1d`` / ``conv2d`` /
``conv3d`` once: arrays in one floating dtype, a batch axis, ints as one entry per spatial
axis, padding resolved to ``(before, after)`` per axis, the output size per axis. The fast
ops and the loop references share it, so both explain a bad argument the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.padding import pad_axes
from convviz.engine.params import (
    AXIS_NAMES,
    as_float_array,
    check_groups,
    check_ndim,
    check_padding_mode,
    check_positive,
    non_negative_tuple,
    positive_tuple,
)
from convviz.engine.sizes import (
    conv_output_size,
    effective_kernel_size,
    size_keeping_padding,
    tf_same_padding,
    torch_same_padding,
)

# The weight layout of each op, named in messages; also "(h, w)" forms of a padding tuple.
WEIGHT_LAYOUTS = {
    1: "(C_out, C_in/groups, kL)",
    2: "(C_out, C_in/groups, kH, kW)",
    3: "(C_out, C_in/groups, kD, kH, kW)",
}
TUPLE_FORMS = {1: "(l,)", 2: "(h, w)", 3: "(d, h, w)"}


@dataclass(frozen=True)
class ConvSetup:
    """Checked arguments of one ``conv1d`` / ``conv2d`` / ``conv3d`` call (n spatial axes).

    Attributes
    ----------
    x : numpy.ndarray, shape (N, C_in, *S)
        The input in the result dtype, with a batch axis even if the caller gave none;
        S is (L,), (H, W) or (D, H, W).
    weight : numpy.ndarray, shape (C_out, C_in / groups, *K)
    bias : numpy.ndarray of shape (C_out,), or None
    batched : bool
        Whether the caller's ``x`` had a batch axis (the result keeps the caller's form).
    stride, dilation : tuple of int
        One entry per spatial axis.
    pads : tuple of int
        ``(before_1, after_1, ..., before_n, after_n)``, already resolved for ``"same"`` /
        ``"valid"``; in 2-D this is ``(top, bottom, left, right)``.
    groups : int
    padding_mode : str
    out_size : tuple of int
        The output size per spatial axis.
    """

    x: np.ndarray
    weight: np.ndarray
    bias: np.ndarray | None
    batched: bool
    stride: tuple[int, ...]
    dilation: tuple[int, ...]
    pads: tuple[int, ...]
    groups: int
    padding_mode: str
    out_size: tuple[int, ...]

    @property
    def dtype(self) -> np.dtype:
        """The dtype of the result."""
        return self.x.dtype

    @property
    def out_hw(self) -> tuple[int, ...]:
        """``out_size`` under the name the 2-D teaching views use, ``(H_out, W_out)``."""
        return self.out_size

    def padded_input(self) -> np.ndarray:
        """``x`` with its border, shape (N, C_in, *(S_i + before_i + after_i))."""
        pairs = tuple(zip(self.pads[::2], self.pads[1::2], strict=True))
        return pad_axes(self.x, pairs, self.padding_mode)

    def finish(self, out: np.ndarray) -> np.ndarray:
        """Add the bias and drop the batch axis if the caller gave none; ``out`` is (N, C, *O)."""
        if self.bias is not None:
            # (C_out, 1, ..., 1) broadcast over (N, C_out, *O)
            out += self.bias.reshape(-1, *(1,) * len(self.out_size))
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


def batched_input(x: np.ndarray, spatial: int = 2) -> tuple[np.ndarray, bool]:
    """``x`` with a batch axis, shape (N, C, *S), and whether it had one.

    ``x`` must have ``spatial + 1`` (no batch axis) or ``spatial + 2`` dimensions.
    """
    ndim = check_ndim("x", x, (spatial + 1, spatial + 2))
    return (x, True) if ndim == spatial + 2 else (x[None], False)  # (1, C, *S)


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
    sizes: tuple[int, ...],
    kernel: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
) -> ConvValueError:
    """``same_needs_stride_1``, with the padding that does keep the size on a strided axis."""
    axis = next(a for a, s in enumerate(stride) if s > 1)
    i, k, s, d = sizes[axis], kernel[axis], stride[axis], dilation[axis]
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


def resolve_padding(
    padding: Any,
    sizes: tuple[int, ...],
    kernel: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
) -> tuple[int, ...]:
    """``padding`` (int, n ints, ``"valid"`` or ``"same"``) as ``(before_1, after_1, ...)``.

    ``sizes`` (the input size per axis) only enter the explanation of ``"same"`` with a
    stride above 1.
    """
    n = len(kernel)
    if isinstance(padding, str):
        if padding == "valid":
            return (0,) * (2 * n)
        if padding == "same":
            if any(s != 1 for s in stride):
                raise _same_with_stride_error(sizes, kernel, stride, dilation)
            sides = (torch_same_padding(k, d) for k, d in zip(kernel, dilation, strict=True))
            return tuple(p for side in sides for p in side)  # (before_1, after_1, ...)
        raise ConvValueError(
            "unknown_padding",
            f"padding={padding!r} is not understood; use an int, a tuple {TUPLE_FORMS[n]}, "
            f'"valid" or "same"',
            suggestion={"padding": 0},
            padding=repr(padding),
            form=TUPLE_FORMS[n],
        )
    return tuple(p for p in non_negative_tuple(padding, n, "padding") for _ in range(2))


def prepare_conv(
    x: Any,
    weight: Any,
    bias: Any = None,
    *,
    spatial: int,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: Any = 1,
    padding_mode: str = "zeros",
) -> ConvSetup:
    """Check every argument of a convolution over ``spatial`` axes and resolve its sizes.

    Parameters
    ----------
    x, weight, bias, stride, padding, dilation, groups, padding_mode
        As in :func:`convviz.engine.conv.conv1d` / ``conv2d`` / ``conv3d``.
    spatial : {1, 2, 3}
        The number of spatial axes.

    Returns
    -------
    ConvSetup

    Raises
    ------
    ConvValueError
        For any bad argument (see ``conv2d``).
    """
    xa, wa, ba = arrays_in_result_dtype(x, weight, bias)
    xb, batched = batched_input(xa, spatial)  # (N, C_in, *S)
    check_ndim("weight", wa, (spatial + 2,))
    c_in, sizes = xb.shape[1], xb.shape[2:]
    c_out, kernel = wa.shape[0], wa.shape[2:]
    check_positive("in_channels", c_in)
    check_positive("out_channels", c_out)
    for k in kernel:
        check_positive("kernel_size", k)
    for size in sizes:
        check_positive("input_size", size)
    g = check_groups(groups, c_in, c_out)
    check_in_channels(c_in, wa.shape, g, WEIGHT_LAYOUTS[spatial])
    check_bias(ba, c_out)
    s = positive_tuple(stride, spatial, "stride")
    d = positive_tuple(dilation, spatial, "dilation")
    mode = check_padding_mode(padding_mode)
    pads = resolve_padding(padding, sizes, kernel, s, d)
    if padding == "same":
        out_size = tuple(sizes)  # S + d(k-1) - d(k-1) - 1 + 1 at stride 1
    else:  # symmetric padding: before == after on every axis
        out_size = tuple(
            _axis_output_size(spatial, axis, size, k, s_i, p, d_i)
            for axis, (size, k, s_i, p, d_i) in enumerate(
                zip(sizes, kernel, s, pads[::2], d, strict=True)
            )
        )
    return ConvSetup(
        x=xb,
        weight=wa,
        bias=ba,
        batched=batched,
        stride=s,
        dilation=d,
        pads=pads,
        groups=g,
        padding_mode=mode,
        out_size=out_size,
    )


def _axis_output_size(  # noqa: PLR0917 (one axis of the size formula, in its order)
    spatial: int, axis: int, size: int, k: int, s: int, p: int, d: int
) -> int:
    """:func:`conv_output_size` on spatial axis ``axis``; in 1-D and 3-D an error names the
    axis (``L`` or ``D`` / ``H`` / ``W``), since one number alone does not say which it is.

    The 2-D message is left as it is: the pages of square grids quote it.
    """
    try:
        return conv_output_size(size, k, s, p, d)
    except ConvValueError as error:
        if spatial == 2:
            raise
        name = AXIS_NAMES[spatial][axis]
        raise ConvValueError(
            error.code,
            f"along {name}: {error}",
            suggestion=error.suggestion,
            **error.values,
            axis=name,
        ) from None


def prepare_conv2d(x: Any, weight: Any, bias: Any = None, **params: Any) -> ConvSetup:
    """:func:`prepare_conv` with two spatial axes (the checks of ``conv2d``)."""
    return prepare_conv(x, weight, bias, spatial=2, **params)
