"""Deformable convolution (Dai et al. 2017; DCNv2, Zhu et al. 2019) as torchvision computes it.

``deform_conv2d`` has the semantics of ``torchvision.ops.deform_conv2d``.

Each tap n of the k×k grid of output cell (i, j) reads the input at p₀ + pₙ + Δpₙ: the regular
position (i·s − p + a·d, j·s − p + b·d) of tap (a, b) moved by a learned offset (dy, dx), by
bilinear interpolation (``bilinear.py``: a point with row ≤ −1 or ≥ H, or column ≤ −1 or ≥ W,
reads 0; neighbours outside the image read 0). DCNv2 multiplies each read by a mask value.

:func:`prepare_deform_conv2d` checks the arguments once; :func:`deform_conv2d` reads the
sampling points tap by tap into columns and does one grouped matrix multiply.
``deform_reference.py`` has the loop version with the same checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.bilinear import bilinear_corners
from convviz.engine.conv_setup import arrays_in_result_dtype, batched_input, check_bias
from convviz.engine.errors import ConvValueError
from convviz.engine.params import (
    as_float_array,
    check_ndim,
    check_positive,
    non_negative_pair,
    positive_pair,
)
from convviz.engine.sizes import conv_output_size


@dataclass(frozen=True)
class DeformSetup:
    """Checked arguments of one ``deform_conv2d`` call.

    Attributes
    ----------
    x : numpy.ndarray, shape (N, C_in, H, W)
    offset : numpy.ndarray, shape (N, 2·G·kH·kW, H_out, W_out)
    mask : numpy.ndarray of shape (N, G·kH·kW, H_out, W_out), or None
    weight : numpy.ndarray, shape (C_out, C_in / groups, kH, kW)
    bias : numpy.ndarray of shape (C_out,), or None
    batched : bool
        Whether the caller's ``x`` had a batch axis.
    stride, padding, dilation : tuple of int
        ``(h, w)``.
    groups : int
        Weight groups, C_in / weight.shape[1].
    offset_groups : int
        G: the input channels split into G contiguous blocks, each with its own offsets.
    out_hw : tuple of int
        ``(H_out, W_out)``.
    """

    x: np.ndarray
    offset: np.ndarray
    mask: np.ndarray | None
    weight: np.ndarray
    bias: np.ndarray | None
    batched: bool
    stride: tuple[int, int]
    padding: tuple[int, int]
    dilation: tuple[int, int]
    groups: int
    offset_groups: int
    out_hw: tuple[int, int]

    @property
    def dtype(self) -> np.dtype:
        """The dtype of the result."""
        return self.x.dtype

    def regular_grid(self) -> tuple[np.ndarray, np.ndarray]:
        """Rows and columns of the undeformed sampling points p₀ + pₙ.

        Returns
        -------
        rows : numpy.ndarray of int, shape (kH·kW, H_out, 1)
            ``i·s_h − p_h + a·d_h`` for tap t = a·kW + b.
        cols : numpy.ndarray of int, shape (kH·kW, 1, W_out)
            ``j·s_w − p_w + b·d_w``.
        """
        kh, kw = self.weight.shape[2:]
        (sh, sw), (ph, pw), (dh, dw), (oh, ow) = (
            self.stride,
            self.padding,
            self.dilation,
            self.out_hw,
        )
        a, b = np.divmod(np.arange(kh * kw), kw)  # (T,) each: tap t = a·kW + b
        rows = np.arange(oh)[None, :, None] * sh - ph + a[:, None, None] * dh  # (T, H_out, 1)
        cols = np.arange(ow)[None, None, :] * sw - pw + b[:, None, None] * dw  # (T, 1, W_out)
        return rows, cols

    def finish(self, out: np.ndarray) -> np.ndarray:
        """Add the bias and drop the batch axis if the caller gave none; ``out`` is (N, C, H, W)."""
        if self.bias is not None:
            out += self.bias[:, None, None]  # (C_out, 1, 1)
        return out if self.batched else out[0]


def _shape_error(
    name: str, got: tuple[int, ...], expected: tuple[int, ...], **values: int
) -> ConvValueError:
    """``deform_<name>_shape`` for an offset or mask of the wrong shape, naming both shapes.

    ``values`` are N, G, kH, kW, H_out, W_out: the numbers the expected shape is made of.
    """
    per_cell = "2·G·kH·kW" if name == "offset" else "G·kH·kW"
    v = values
    return ConvValueError(
        f"deform_{name}_shape",
        f"{name} has shape {got}; it must be {expected}: (N, {per_cell}, H_out, W_out) with "
        f"N={v['n']}, G={v['groups']} offset groups, a {v['kh']}×{v['kw']} kernel and the "
        f"{v['oh']}×{v['ow']} output",
        name=name,
        shape=str(got),
        expected=str(expected),
        **values,
    )


def _offset_groups(offset_channels: int, kh: int, kw: int, c_in: int, shape: tuple) -> int:
    """G from the offset's channel count 2·G·kH·kW; G must divide C_in."""
    taps2 = 2 * kh * kw
    if offset_channels == 0 or offset_channels % taps2:
        raise ConvValueError(
            "deform_offset_channels",
            f"offset has shape {shape}; its {offset_channels} channels must be a multiple of "
            f"2·kH·kW = 2·{kh}·{kw} = {taps2}: one (dy, dx) pair per tap and offset group",
            shape=str(shape),
            channels=offset_channels,
            kh=kh,
            kw=kw,
            taps2=taps2,
        )
    g = offset_channels // taps2
    if c_in % g:
        raise ConvValueError(
            "deform_offset_groups",
            f"offset has shape {shape}: its {offset_channels} channels = 2·{g}·{kh}·{kw} give "
            f"{g} offset groups, which do not divide in_channels={c_in}",
            shape=str(shape),
            groups=g,
            in_channels=c_in,
        )
    return g


def prepare_deform_conv2d(
    x: Any,
    offset: Any,
    weight: Any,
    bias: Any = None,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    mask: Any = None,
) -> DeformSetup:
    """Check every argument of :func:`deform_conv2d`; parameters and errors are its own.

    Returns
    -------
    DeformSetup
    """
    xa, wa, ba = arrays_in_result_dtype(x, weight, bias)
    x4, batched = batched_input(xa)  # (N, C_in, H, W)
    check_ndim("weight", wa, (4,))
    n, c_in, h, w = x4.shape
    c_out, c_per_group, kh, kw = wa.shape
    for name, value in (("in_channels", c_in), ("out_channels", c_out), ("kernel_size", kh)):
        check_positive(name, value)
    check_positive("kernel_size", kw)
    check_positive("input_size", h)
    check_positive("input_size", w)
    if c_per_group < 1 or c_in % c_per_group or c_out % (c_in // c_per_group):
        raise ConvValueError(
            "deform_weight_shape",
            f"weight has shape {tuple(wa.shape)}, layout (C_out, C_in/groups, kH, kW): its "
            f"second dimension {c_per_group} must divide in_channels={c_in} into groups, and "
            f"the groups must divide out_channels={c_out}",
            shape=str(tuple(wa.shape)),
            got=c_per_group,
            in_channels=c_in,
            out_channels=c_out,
        )
    check_bias(ba, c_out)
    s = positive_pair(stride, "stride")
    p = non_negative_pair(padding, "padding")
    d = positive_pair(dilation, "dilation")
    out_hw = (
        conv_output_size(h, kh, s[0], p[0], d[0]),
        conv_output_size(w, kw, s[1], p[1], d[1]),
    )
    off = as_float_array("offset", offset)
    check_ndim("offset", off, (xa.ndim,))
    off4 = off if batched else off[None]  # (N, 2·G·kH·kW, H_out, W_out)
    g = _offset_groups(off4.shape[1], kh, kw, c_in, tuple(off.shape))
    sizes = {"n": n, "groups": g, "kh": kh, "kw": kw, "oh": out_hw[0], "ow": out_hw[1]}
    expected = (n, 2 * g * kh * kw, *out_hw)
    if off4.shape != expected:
        raise _shape_error(
            "offset", tuple(off.shape), expected if batched else expected[1:], **sizes
        )
    m4 = None
    if mask is not None:
        m = as_float_array("mask", mask)
        check_ndim("mask", m, (xa.ndim,))
        m4 = m if batched else m[None]  # (N, G·kH·kW, H_out, W_out)
        expected = (n, g * kh * kw, *out_hw)
        if m4.shape != expected:
            raise _shape_error(
                "mask", tuple(m.shape), expected if batched else expected[1:], **sizes
            )
    return DeformSetup(
        x=x4,
        offset=off4,
        mask=m4,
        weight=wa,
        bias=ba,
        batched=batched,
        stride=s,
        padding=p,
        dilation=d,
        groups=c_in // c_per_group,
        offset_groups=g,
        out_hw=out_hw,
    )


def sampled_columns(setup: DeformSetup) -> np.ndarray:
    """Every sampling point read (times its mask): the columns of the matrix multiply.

    One tap and one neighbour at a time, so the largest temporary is one read of every
    channel (N·C_in·H_out·W_out numbers; 16×64×64, k = 3, float32: about 65 ms here).

    Returns
    -------
    numpy.ndarray, shape (N, C_in, kH·kW, H_out·W_out)
        ``cols[n, c, t, i·W_out + j]`` = mask · bilinear read of channel c at tap t's point.
    """
    n, c_in, h, w = setup.x.shape
    g = setup.offset_groups
    kh, kw = setup.weight.shape[2:]
    taps = kh * kw
    oh, ow = setup.out_hw
    rows, cols = setup.regular_grid()  # (T, H_out, 1), (T, 1, W_out)
    off = setup.offset.reshape(n, g, taps, 2, oh, ow)  # (N, G, T, (dy, dx), H_out, W_out)
    mask = None if setup.mask is None else setup.mask.reshape(n, g, taps, oh, ow)
    flat = setup.x.reshape(n, g, c_in // g, h * w)  # (N, G, C_in/G, H·W)
    out = np.empty((n, g, c_in // g, taps, oh * ow), dtype=setup.dtype)
    for t in range(taps):
        corners = bilinear_corners(h, w, rows[t] + off[:, :, t, 0], cols[t] + off[:, :, t, 1])
        weights = np.where(corners.inside, corners.weights, 0.0)  # (N, G, H_out, W_out, 4)
        if mask is not None:
            weights = weights * mask[:, :, t, :, :, None]
        index = np.clip(corners.rows, 0, h - 1) * w + np.clip(corners.cols, 0, w - 1)
        index = index.reshape(n, g, 1, oh * ow, 4)  # (N, G, 1, P, 4)
        weights = weights.reshape(n, g, 1, oh * ow, 4).astype(setup.dtype)
        read = out[:, :, :, t]  # (N, G, C_in/G, P), filled corner by corner
        read[...] = 0
        for corner in range(4):  # top-left, top-right, bottom-left, bottom-right
            picked = np.take_along_axis(flat, index[..., corner], axis=3)  # (N, G, C_in/G, P)
            read += picked * weights[..., corner]
    return out.reshape(n, c_in, taps, oh * ow)  # (N, C_in, T, P)


def deform_conv2d(
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
    """Deformable 2-D convolution as ``torchvision.ops.deform_conv2d``.

    Parameters
    ----------
    x : array_like, shape (N, C_in, H, W) or (C_in, H, W)
    offset : array_like, shape (N, 2·G·kH·kW, H_out, W_out) or without N
        For offset group g and tap t = a·kW + b, the pair (dy, dx) sits at channels
        g·2·kH·kW + 2t and g·2·kH·kW + 2t + 1. The C_in input channels split into G
        contiguous offset groups; G must divide C_in.
    weight : array_like, shape (C_out, C_in / groups, kH, kW)
        ``groups`` is read from the shapes: C_in / weight.shape[1].
    bias : array_like of shape (C_out,), optional
    stride, padding, dilation : int or pair of ints
    mask : array_like, shape (N, G·kH·kW, H_out, W_out) or without N, optional
        DCNv2's modulation: multiplies each sampled value (tap t of group g at channel
        g·kH·kW + t).

    Returns
    -------
    numpy.ndarray, shape (N, C_out, H_out, W_out) or (C_out, H_out, W_out)
        Without a batch axis if ``x`` had none; dtype ``np.result_type(x, weight, bias)``.

    Raises
    ------
    ConvValueError
        Everything :func:`convviz.engine.conv.conv2d` refuses, and an offset or mask whose
        shape is not the one above (the message names both shapes), offset channels that are
        not a multiple of 2·kH·kW, or offset groups that do not divide C_in.

    Notes
    -----
    H_out = ⌊(H + 2p − d(k − 1) − 1) / s⌋ + 1 per axis, as for ``conv2d``, and

    ``y[n, o, i, j] = bias[o] + Σ_{c, a, b} w[o, c, a, b] · m · x̃[n, q + c](u, v)``,
    ``u = i·s − p + a·d + dy``, ``v = j·s − p + b·d + dx``

    with x̃ the bilinear read (0 outside), (dy, dx, m) the offset and mask of tap (a, b) of
    the offset group of channel q + c, and q the first input channel of o's weight group.
    Zero offsets without a mask give ``conv2d``.

    Examples
    --------
    >>> x = [[[1.0, 2, 3], [4, 5, 6], [7, 8, 9]]]
    >>> offset = np.zeros((2, 3, 3)); offset[0] = 0.5; offset[1] = 0.25
    >>> deform_conv2d(x, offset, [[[[1.0]]]])[0, 0].tolist()
    [2.75, 3.75, 3.375]
    """
    setup = prepare_deform_conv2d(
        x, offset, weight, bias, stride=stride, padding=padding, dilation=dilation, mask=mask
    )
    n = setup.x.shape[0]
    c_out, c_per_group, kh, kw = setup.weight.shape
    groups = setup.groups
    oh, ow = setup.out_hw
    columns = sampled_columns(setup)  # (N, C_in, T, P)
    columns = columns.reshape(n, groups, c_per_group * kh * kw, oh * ow)  # (N, Gw, C_in/Gw·T, P)
    w_mat = setup.weight.reshape(groups, c_out // groups, c_per_group * kh * kw)
    out = np.matmul(w_mat, columns)  # (N, Gw, C_out/Gw, P)
    return setup.finish(out.reshape(n, c_out, oh, ow))  # (N, C_out, H_out, W_out)
