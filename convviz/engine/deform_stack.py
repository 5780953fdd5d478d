"""Two deformable layers stacked: which input points one output cell reaches (its adaptive
receptive field), against the square field of two standard layers.

Layer 2's k² points of output cell (i, j) read layer 1's output by bilinear interpolation, so
each point reaches the (up to four) layer-1 cells around it with a nonzero weight; each of
those cells reads the input at its own k² moved points, and each of those at up to four
pixels. Both layers are single-channel, stride 1, with the padding and dilation given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.bilinear import bilinear_corners
from convviz.engine.errors import ConvValueError
from convviz.engine.params import check_cell, non_negative_pair, positive_pair
from convviz.engine.sizes import conv_output_size


@dataclass(frozen=True)
class StackedField:
    """What one output cell of a two-layer stack reads.

    Attributes
    ----------
    top_points : numpy.ndarray, shape (T, 2)
        Layer 2's moved points, in layer-1 output coordinates.
    middle_cells : numpy.ndarray of int, shape (M, 2)
        The layer-1 cells those points read with a nonzero weight (each once, row-major).
    bottom_points : numpy.ndarray, shape (M·T, 2)
        Every moved point of those layer-1 cells, in input coordinates.
    bottom_weights : numpy.ndarray, shape (M·T,)
        How much each bottom point counts: the bilinear weight, summed over layer 2's taps,
        of the layer-1 cell it belongs to (the kernels' weights left out).
    field : numpy.ndarray of bool, shape (H, W)
        Input pixels read with a nonzero weight through both layers: the receptive field.
    """

    top_points: np.ndarray
    middle_cells: np.ndarray
    bottom_points: np.ndarray
    bottom_weights: np.ndarray
    field: np.ndarray


def _regular(cell: tuple[int, int], kernel: tuple[int, int], pad, dil) -> np.ndarray:
    """(T, 2) regular points of ``cell`` at stride 1."""
    a, b = np.divmod(np.arange(kernel[0] * kernel[1]), kernel[1])
    return np.stack([cell[0] - pad[0] + a * dil[0], cell[1] - pad[1] + b * dil[1]], axis=1)


def _out_hw(hw, kernel, pad, dil) -> tuple[int, int]:
    """Output size at stride 1, per axis."""
    return (
        conv_output_size(hw[0], kernel[0], 1, pad[0], dil[0]),
        conv_output_size(hw[1], kernel[1], 1, pad[1], dil[1]),
    )


def _check_field(name: str, offset: np.ndarray, taps: int, out_hw: tuple[int, int]) -> None:
    if offset.shape != (2 * taps, *out_hw):
        raise ConvValueError(
            "deform_offset_shape",
            f"{name} has shape {offset.shape}; it must be {(2 * taps, *out_hw)}",
            name=name,
            shape=str(offset.shape),
            expected=str((2 * taps, *out_hw)),
            n=1,
            groups=1,
            kh=taps,
            kw=1,
            oh=out_hw[0],
            ow=out_hw[1],
        )


def stacked_field(
    input_hw: Any,
    offset1: Any,
    offset2: Any,
    *,
    kernel_size: Any,
    cell: Any,
    padding: Any = 0,
    dilation: Any = 1,
) -> StackedField:
    """The input points and pixels output ``cell`` of two stacked deformable layers reaches.

    Parameters
    ----------
    input_hw : pair of ints
        (H, W) of the input.
    offset1 : array_like, shape (2·k², H₁, W₁)
        Layer 1's offsets (H₁, W₁ its output size at stride 1).
    offset2 : array_like, shape (2·k², H₂, W₂)
        Layer 2's offsets, on layer 1's output.
    kernel_size, padding, dilation : int or pair of ints
        Shared by both layers; the stride is 1.
    cell : pair of ints
        Output (i, j) of layer 2.

    Returns
    -------
    StackedField

    Raises
    ------
    ConvValueError
        A kernel larger than a padded input, offsets of the wrong shape, or a cell outside.

    Examples
    --------
    >>> f = stacked_field((5, 5), np.zeros((18, 3, 3)), np.zeros((18, 1, 1)),
    ...                   kernel_size=3, cell=(0, 0))
    >>> int(f.field.sum()), len(f.bottom_points)
    (25, 81)
    """
    h, w = positive_pair(input_hw, "input_size")
    k = positive_pair(kernel_size, "kernel_size")
    p = non_negative_pair(padding, "padding")
    d = positive_pair(dilation, "dilation")
    taps = k[0] * k[1]
    hw1 = _out_hw((h, w), k, p, d)  # layer 1's output, layer 2's input
    hw2 = _out_hw(hw1, k, p, d)
    off1, off2 = np.asarray(offset1, dtype=float), np.asarray(offset2, dtype=float)
    _check_field("offset1", off1, taps, hw1)
    _check_field("offset2", off2, taps, hw2)
    i, j = check_cell(cell, hw2)
    top = _regular((i, j), k, p, d) + off2[:, i, j].reshape(taps, 2)  # (T, 2)
    corners = bilinear_corners(hw1[0], hw1[1], top[:, 0], top[:, 1])  # (T, 4)
    reached = corners.inside & (corners.weights > 0)
    weight_of: dict[tuple[int, int], float] = {}
    found = zip(corners.rows[reached], corners.cols[reached], corners.weights[reached], strict=True)
    for r, c, wt in found:
        weight_of[(int(r), int(c))] = weight_of.get((int(r), int(c)), 0.0) + float(wt)
    middle = sorted(weight_of)
    bottom, weights = [], []
    for r, c in middle:
        bottom.append(_regular((r, c), k, p, d) + off1[:, r, c].reshape(taps, 2))
        weights.append(np.full(taps, weight_of[(r, c)]))
    bottom_points = np.concatenate(bottom) if bottom else np.zeros((0, 2))
    field = np.zeros((h, w), dtype=bool)
    if len(bottom_points):
        pix = bilinear_corners(h, w, bottom_points[:, 0], bottom_points[:, 1])
        hit = pix.inside & (pix.weights > 0)
        field[pix.rows[hit], pix.cols[hit]] = True
    return StackedField(
        top_points=top,
        middle_cells=np.array(middle, dtype=int).reshape(-1, 2),
        bottom_points=bottom_points,
        bottom_weights=np.concatenate(weights) if weights else np.zeros(0),
        field=field,
    )
