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
scatter-add. The checked setting is :mod:`convviz.engine.transpose_setup` (shared with the
literal scatter-add of ``reference.py``); the phases and their weight are
:mod:`convviz.engine.transpose_phases`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from convviz.engine.transpose_phases import AxisPhases, axis_phases, phase_weight
from convviz.engine.transpose_setup import prepare_conv_transpose2d

# Largest block (elements) of shifted input plus phase products built at once; bigger inputs are
# done in blocks of phase rows. 8 MB of float32, so the 16×128×128 → 8, k = 4, s = 2 benchmark
# is one block: every block is a separate multi-threaded matrix multiply, and on a busy 2-core
# machine each one can wait for a thread (2^19, 4 blocks: 1.6–4 ms; 2^21: 1.0–1.9 ms).
_BLOCK_ELEMENTS = 1 << 21


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
