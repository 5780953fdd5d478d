"""The paths that build a receptive field: how many chains of taps join each input pixel to
the output pixel of a stack of layers ``(kernel_size, stride, dilation)``.

The counts show more than the field's size: zeros inside it are the holes of "gridding" (equal
dilation rates). Hybrid Dilated Convolution's design rules (:mod:`convviz.engine.hdc`: no
common factor, and M_2 ≤ K) pick rates such as 1, 2, 5 that avoid them; these counts are the
exact test.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.params import non_negative_pair
from convviz.engine.receptive import Layer, check_layers, receptive_field

MAX_PATH_FIELD = 2048  # widest 2-D path-count grid per side: 2048² int64 = 32 MiB

MAX_PATH_FIELD_1D = MAX_PATH_FIELD**2  # longest 1-D path-count line, the same memory

_INT64_MAX = np.iinfo(np.int64).max


def _stamp(counts: np.ndarray, kernel_size: int, stride: int, dilation: int) -> np.ndarray:
    """One layer back: each of the layer's outputs stamps its count on the k taps it reads.

    A 1-D transposed convolution of ``counts`` (n,) with an all-ones kernel of ``kernel_size``
    taps, stride and dilation; returns the ``(n − 1)·s + k̂`` counts on the layer's input.
    """
    n = counts.shape[0]
    size = (n - 1) * stride + dilation * (kernel_size - 1) + 1
    taps = np.arange(n)[:, None] * stride + np.arange(kernel_size)[None, :] * dilation  # (n, k)
    stamped = np.zeros(size, dtype=np.int64)
    np.add.at(stamped, taps, np.broadcast_to(counts[:, None], taps.shape))
    return stamped


def _check_span(span: int, limit: int) -> None:
    """Refuse a path-count grid wider than ``limit`` pixels per side."""
    if span > limit:
        raise ConvValueError(
            "path_field_too_large",
            f"the path counts would span {span} pixels; they are built up to {limit} pixels "
            "per side",
            field=span,
            limit=limit,
        )


def _check_path_budget(checked: list[Layer], *, dims: int) -> None:
    """Refuse stacks whose path counts do not fit the array size limit or int64."""
    field = receptive_field(checked)[-1] if checked else 1
    _check_span(field, MAX_PATH_FIELD if dims == 2 else MAX_PATH_FIELD_1D)
    paths = math.prod(k**dims for k, _, _ in checked)
    if paths > _INT64_MAX:
        raise ConvValueError(
            "path_count_overflow",
            f"the {len(checked)} layers join the output pixel to the input by a "
            f"{len(str(paths))}-digit number of paths, too many to count in 64-bit integers",
            layers=len(checked),
            digits=len(str(paths)),
        )


def path_counts_1d(layers: Any) -> np.ndarray:
    """How many chains of taps join each input position to one output position (1-D stack).

    Parameters
    ----------
    layers : sequence of (int, int, int)
        ``(kernel_size, stride, dilation)`` of each layer, input first; ``L`` layers.

    Returns
    -------
    np.ndarray
        (r_L,) int64; index 0 is the leftmost input position the output reads. The entries sum
        to ``∏ k_l`` and the first and last are nonzero.

    Raises
    ------
    ConvValueError
        For bad layers; ``path_field_too_large`` beyond ``MAX_PATH_FIELD_1D`` positions;
        ``path_count_overflow`` beyond int64.

    Notes
    -----
    Walking back from the output, layer l turns ``n`` positions into ``(n − 1)·s_l + k̂_l``:
    a transposed convolution with an all-ones kernel. Starting from ``n = 1`` this ends at the
    receptive field r_L.
    """
    checked = check_layers(layers)
    _check_path_budget(checked, dims=1)
    counts = np.ones(1, dtype=np.int64)
    for k, s, d in reversed(checked):
        counts = _stamp(counts, k, s, d)
    return counts


def path_counts(layers: Any, *, output_index: Any = None) -> np.ndarray:
    """How many chains of taps join each input pixel to one output pixel (2-D, square kernels).

    Parameters
    ----------
    layers : sequence of (int, int, int)
        ``(kernel_size, stride, dilation)`` of each layer (same on both axes), input first.
    output_index : int or (int, int), optional
        Place the output pixel at this ``(row, col)`` of the stack's output (no padding) and
        return the counts on the input grid from ``(0, 0)`` down to the end of its field.
        By default, only the field itself is returned.

    Returns
    -------
    np.ndarray
        (r_L, r_L) int64 by default, or ``(row·J + r_L, col·J + r_L)`` with the total jump
        ``J = ∏ s_l`` when ``output_index`` is given. Zeros inside the field are gridding holes.

    Raises
    ------
    ConvValueError
        For bad layers or ``output_index``; ``path_field_too_large`` when the array would
        exceed ``MAX_PATH_FIELD`` pixels per side; ``path_count_overflow`` beyond int64.

    Notes
    -----
    A chain picks one tap per layer, independently along rows and columns, so the 2-D count is
    the outer product of the 1-D counts: ``counts[a, b] = c[a] · c[b]``. The entries sum to
    ``∏ k_l²``, the number of chains.
    """
    checked = check_layers(layers)
    _check_path_budget(checked, dims=2)
    line = path_counts_1d(checked)  # (r,)
    counts = np.outer(line, line)  # (r, r)
    if output_index is None:
        return counts
    row, col = non_negative_pair(output_index, "output_index")
    jump = math.prod(s for _, s, _ in checked)
    _check_span(max(row, col) * jump + line.size, MAX_PATH_FIELD)
    placed = np.zeros((row * jump + line.size, col * jump + line.size), dtype=np.int64)
    placed[row * jump :, col * jump :] = counts  # (r, r) block at the output pixel's field
    return placed


class Holes(NamedTuple):
    """Cells of a field that no path reaches: ``count`` of ``total``, and their ``fraction``."""

    count: int
    total: int
    fraction: float


def gridding_holes(counts: Any) -> Holes:
    """How many cells of a path-count array (the field) are holes (count 0).

    Parameters
    ----------
    counts : array_like
        (r,) or (r, r) path counts from :func:`path_counts_1d` / :func:`path_counts`.

    Returns
    -------
    Holes
        ``count`` zero cells out of ``total`` cells, ``fraction = count / total``.
        Three 3×3 layers with d = 2, 2, 2 leave 120 of 13·13 = 169 cells unreached.
    """
    counts = np.asarray(counts)
    total = int(counts.size)
    count = int(np.count_nonzero(counts == 0))
    return Holes(count, total, count / total if total else 0.0)
