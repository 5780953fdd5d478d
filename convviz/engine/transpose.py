"""2-D transposed convolution with PyTorch's semantics, computed phase by phase.

Every input value stamps ``value × kernel`` onto the output, stamps ``stride`` apart and taps
``dilation`` apart; ``padding`` then crops the result and ``output_padding`` adds rows at the
bottom/right. Along one axis tap i of the stamp of input row r lands on canvas row
r·s + i·d = (r + q)·s + φ with phase φ = i·d mod s and shift q = ⌊i·d / s⌋, so the canvas rows
of one phase receive only that phase's taps, each shifted by its own q: every phase is a plain
stride-1 correlation of the input. :func:`conv_transpose2d` copies the input once per distinct
(row, column) shift, computes every phase of every output channel of a block of rows in one
grouped matrix multiply with a weight that holds, per phase and shift, its tap (or 0), and
copies each phase into its strided slice of the cropped output. No zero-filled canvas, no
scatter-add. ``reference.py`` (the literal scatter-add) shares
:func:`prepare_conv_transpose2d` with it.
"""

from __future__ import annotations

import functools
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

# Largest block (elements) of shifted input plus phase products built at once; bigger inputs are
# done in blocks of phase rows. 8 MB of float32, so the 16×128×128 → 8, k = 4, s = 2 benchmark
# is one block: every block is a separate multi-threaded matrix multiply, and on a busy 2-core
# machine each one can wait for a thread (2^19, 4 blocks: 1.6–4 ms; 2^21: 1.0–1.9 ms).
_BLOCK_ELEMENTS = 1 << 21


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


@dataclass(frozen=True)
class AxisPhases:
    """How one axis of a transposed convolution splits into stride phases.

    Tap i lands on canvas position (r + q)·s + φ of input position r, with phase φ = i·d mod s
    and shift q = ⌊i·d / s⌋; the canvas positions of phase φ form a grid m = r + q, and output
    position o is canvas position o + p.

    Attributes
    ----------
    phases : tuple of int
        The phases φ some tap has, ascending (at most min(k, s) of them).
    shifts : tuple of int
        The shifts q some tap has, ascending.
    taps : tuple of (int, int)
        Per tap i, the index of its phase in ``phases`` and of its shift in ``shifts``.
    places : tuple of (int, int, int, int)
        Per phase that reaches the output: ``(phase index, first output position, its grid
        position, count)``; output positions first, first + s, … take grid positions
        m0, m0 + 1, …. Grid positions past the last stamp are left out of ``count``.
    grid : tuple of int
        ``(lo, hi)``: the grid positions some place reads, a contiguous range.
    covered : bool
        Whether the places cover every output position; if not, the rest are 0.
    """

    phases: tuple[int, ...]
    shifts: tuple[int, ...]
    taps: tuple[tuple[int, int], ...]
    places: tuple[tuple[int, int, int, int], ...]
    grid: tuple[int, int]
    covered: bool


@functools.lru_cache(maxsize=256)
def axis_phases(  # noqa: PLR0917 (one value per term of the size formula)
    size: int, kernel: int, stride: int, dilation: int, padding: int, out_size: int
) -> AxisPhases:
    """Split one axis into phases; see :class:`AxisPhases`.

    Parameters
    ----------
    size, kernel, stride, dilation, padding : int
        The input size and the axis's hyperparameters.
    out_size : int
        The output size (it includes ``output_padding``).

    Returns
    -------
    AxisPhases

    Examples
    --------
    k = 4, s = 2: taps 0 and 2 share phase 0 with shifts 0 and 1, taps 1 and 3 phase 1.

    >>> axis_phases(3, 4, 2, 1, 1, 6).taps
    ((0, 0), (1, 0), (0, 1), (1, 1))
    """
    tap_phase = [i * dilation % stride for i in range(kernel)]
    tap_shift = [i * dilation // stride for i in range(kernel)]
    phases, shifts = sorted(set(tap_phase)), sorted(set(tap_shift))
    positions = size + tap_shift[-1]  # grid positions some stamp reaches
    places = []
    for index, phase in enumerate(phases):
        first = (phase - padding) % stride
        grid_first = (first + padding) // stride
        count = min(-(-(out_size - first) // stride), positions - grid_first)
        if count > 0:
            places.append((index, first, grid_first, count))
    lo = min((m0 for _, _, m0, _ in places), default=0)
    hi = max((m0 + c for _, _, m0, c in places), default=0)
    return AxisPhases(
        phases=tuple(phases),
        shifts=tuple(shifts),
        taps=tuple(
            (phases.index(f), shifts.index(q)) for f, q in zip(tap_phase, tap_shift, strict=True)
        ),
        places=tuple(places),
        grid=(lo, hi),
        covered=sum(c for *_, c in places) == out_size,
    )


def phase_weight(weight: np.ndarray, groups: int, rows: AxisPhases, cols: AxisPhases) -> np.ndarray:
    """The weight of all phases as one matrix per group.

    Parameters
    ----------
    weight : numpy.ndarray, shape (C_in, C_out / G, kH, kW)
    groups : int
    rows, cols : AxisPhases
        Of the height and the width.

    Returns
    -------
    numpy.ndarray, shape (G, Ph·Pw·C_out/G, C_in/G·A·B)
        Row (φh, φw, o), column (ci, a, b) holds w[ci, o, i, j] for the tap i of phase φh and
        shift a and the tap j of phase φw and shift b, or 0 where the phase has no such tap
        (Ph, Pw phases and A, B shifts along the height and the width).
    """
    c_in, og, kh, kw = weight.shape
    cg = c_in // groups
    ph, pw, a, b = len(rows.phases), len(cols.phases), len(rows.shifts), len(cols.shifts)
    combined = np.zeros((ph, a, pw, b, groups, og, cg), dtype=weight.dtype)
    (fi, ai), (fj, bj) = np.array(rows.taps).T, np.array(cols.taps).T  # (kH,) each, (kW,)
    taps = weight.reshape(groups, cg, og, kh, kw).transpose(3, 4, 0, 2, 1)  # (kH, kW, G, O, C)
    combined[fi[:, None], ai[:, None], fj[None], bj[None]] = taps
    combined = combined.transpose(4, 0, 2, 5, 6, 1, 3)  # (G, Ph, Pw, C_out/G, C_in/G, A, B)
    return combined.reshape(groups, ph * pw * og, cg * a * b)


def _copy_shifted(dest: np.ndarray, src: np.ndarray, starts: tuple[int, int]) -> None:
    """``dest[..., u, v] = src[..., starts[0] + u, starts[1] + v]``, 0 outside ``src``.

    ``dest`` is (..., R, T) and ``src`` (..., H, W) with the same leading axes.
    """
    (rows, width), (h, w) = dest.shape[-2:], src.shape[-2:]
    (r0, c0) = starts
    u0, u1 = min(rows, max(0, -r0)), max(0, min(rows, h - r0))
    v0, v1 = min(width, max(0, -c0)), max(0, min(width, w - c0))
    if u1 <= u0 or v1 <= v0:
        dest[...] = 0
        return
    dest[..., u0:u1, v0:v1] = src[..., r0 + u0 : r0 + u1, c0 + v0 : c0 + v1]
    if u0 > 0:
        dest[..., :u0, :] = 0
    if u1 < rows:
        dest[..., u1:, :] = 0
    if v0 > 0:
        dest[..., u0:u1, :v0] = 0
    if v1 < width:
        dest[..., u0:u1, v1:] = 0


def _place_phases(
    out: np.ndarray,
    phases: np.ndarray,
    rows: AxisPhases,
    cols: AxisPhases,
    *,
    first_row: int,
    stride: tuple[int, int],
) -> None:
    """Copy the phases of a block of grid rows into their strided slices of ``out``.

    ``out`` is (N, G, C_out/G, H_out, W_out); ``phases`` (N, G, Ph, Pw, C_out/G, R, T) holds
    grid rows ``first_row`` … ``first_row + R − 1`` and grid columns from ``cols.grid[0]``.
    """
    (sh, sw), block, left = stride, phases.shape[-2], cols.grid[0]
    for fi, first, grid_first, count in rows.places:
        t0, t1 = max(0, first_row - grid_first), min(count, first_row + block - grid_first)
        if t1 <= t0:
            continue
        out_rows = slice(first + t0 * sh, first + (t1 - 1) * sh + 1, sh)
        grid_rows = slice(grid_first + t0 - first_row, grid_first + t1 - first_row)
        for fj, first_w, grid_first_w, count_w in cols.places:
            out_cols = slice(first_w, first_w + (count_w - 1) * sw + 1, sw)
            grid_cols = slice(grid_first_w - left, grid_first_w - left + count_w)
            out[:, :, :, out_rows, out_cols] = phases[:, :, fi, fj, :, grid_rows, grid_cols]


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
    g = setup.groups
    ho, wo = setup.out_hw
    rows, cols = (
        axis_phases(*axis)
        for axis in zip(
            (h, w), (kh, kw), setup.stride, setup.dilation, setup.padding, setup.out_hw, strict=True
        )
    )
    fill = np.empty if rows.covered and cols.covered else np.zeros
    out = fill((n, g, og, ho, wo), dtype=setup.dtype)  # (N, G, C_out/G, H_out, W_out)
    (lo, hi), (left, right) = rows.grid, cols.grid
    if hi > lo and right > left:
        weights = phase_weight(setup.weight, g, rows, cols)  # (G, Ph·Pw·C_out/G, K)
        a, b, ph, pw = len(rows.shifts), len(cols.shifts), len(rows.phases), len(cols.phases)
        width = right - left
        per_row = n * g * width * (weights.shape[1] + weights.shape[2])
        block = max(1, _BLOCK_ELEMENTS // per_row)
        xg = setup.x.reshape(n, g, c_in // g, 1, 1, h, w)  # (N, G, C_in/G, 1, 1, H, W)
        buffer = np.empty(n * c_in * a * b * min(block, hi - lo) * width, dtype=setup.dtype)
        for m0 in range(lo, hi, block):
            m1 = min(hi, m0 + block)
            shifted = buffer[: n * c_in * a * b * (m1 - m0) * width].reshape(
                n, g, c_in // g, a, b, m1 - m0, width
            )  # (N, G, C_in/G, A, B, R, T): grid (m, left + t) reads x[m − q_a, left + t − q_b]
            for ia, qa in enumerate(rows.shifts):
                for ib, qb in enumerate(cols.shifts):
                    _copy_shifted(
                        shifted[:, :, :, ia : ia + 1, ib : ib + 1], xg, (m0 - qa, left - qb)
                    )
            phases = weights @ shifted.reshape(n, g, -1, (m1 - m0) * width)  # (N, G, Ph·Pw·O, R·T)
            phases = phases.reshape(n, g, ph, pw, og, m1 - m0, width)
            _place_phases(out, phases, rows, cols, first_row=m0, stride=setup.stride)
    return setup.finish_output(out.reshape(n, g * og, ho, wo))  # (N, C_out, H_out, W_out)
