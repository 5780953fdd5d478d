"""The stride phases of a transposed convolution along one axis, and the weight of one grouped
matrix multiply that computes every phase at once.

Tap i of the stamp of input row r lands on canvas row r·s + i·d = (r + q)·s + φ with phase
φ = i·d mod s and shift q = ⌊i·d / s⌋, so each phase is a plain stride-1 correlation of the
input shifted by its own q.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np


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
