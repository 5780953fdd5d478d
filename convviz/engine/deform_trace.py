"""What one output cell of a single-channel deformable convolution reads, point by point.

For every tap n of the k×k grid: the regular point p₀ + pₙ, its offset Δpₙ, the moved point,
its four neighbours with their values and bilinear weights, the value read, the mask, the
weight and the product; and the sum over the taps — the numbers the page writes out.
Arguments are checked exactly as ``deform_conv2d`` checks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.bilinear import bilinear_corners
from convviz.engine.deform import DeformSetup, prepare_deform_conv2d
from convviz.engine.params import as_float_array, check_cell, check_ndim


@dataclass(frozen=True)
class CellSampling:
    """The kH·kW sampling points of one output cell, in tap order t = a·kW + b.

    Attributes
    ----------
    cell : tuple of int
        Output ``(i, j)``.
    kernel_hw : tuple of int
        ``(kH, kW)``.
    regular : numpy.ndarray of int, shape (T, 2)
        p₀ + pₙ: ``(i·s − p + a·d, j·s − p + b·d)``.
    offsets : numpy.ndarray, shape (T, 2)
        Δpₙ = (dy, dx).
    points : numpy.ndarray, shape (T, 2)
        The moved points ``regular + offsets``.
    corner_rows, corner_cols : numpy.ndarray of int, shape (T, 4)
        The four neighbours (top-left, top-right, bottom-left, bottom-right).
    corner_weights : numpy.ndarray, shape (T, 4)
        Their bilinear weights (all 0 for a point outside −1 < y < H, −1 < x < W).
    corner_inside : numpy.ndarray of bool, shape (T, 4)
        Whether each neighbour is a pixel (the others read 0).
    corner_values : numpy.ndarray, shape (T, 4)
        The neighbours' pixel values, 0 outside the image.
    values : numpy.ndarray, shape (T,)
        The bilinear reads Σ weight·value.
    mask : numpy.ndarray, shape (T,)
        The modulation (1 without a mask).
    weights : numpy.ndarray, shape (T,)
        The kernel, row-major.
    products : numpy.ndarray, shape (T,)
        ``weights · mask · values``.
    total : float
        Σ products (+ bias): the output value.
    """

    cell: tuple[int, int]
    kernel_hw: tuple[int, int]
    regular: np.ndarray
    offsets: np.ndarray
    points: np.ndarray
    corner_rows: np.ndarray
    corner_cols: np.ndarray
    corner_weights: np.ndarray
    corner_inside: np.ndarray
    corner_values: np.ndarray
    values: np.ndarray
    mask: np.ndarray
    weights: np.ndarray
    products: np.ndarray
    total: float


def single_channel_setup(
    x: Any,
    offset: Any,
    kernel: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    mask: Any = None,
) -> DeformSetup:
    """Check a single-channel deformable convolution: x (H, W), kernel (kH, kW),
    offset (2·kH·kW, H_out, W_out), mask (kH·kW, H_out, W_out) or None."""
    xa = as_float_array("x", x)
    ka = as_float_array("weight", kernel)
    check_ndim("x", xa, (2,))
    check_ndim("weight", ka, (2,))
    return prepare_deform_conv2d(
        xa[None],  # (1, H, W)
        offset,
        ka[None, None],  # (1, 1, kH, kW)
        stride=stride,
        padding=padding,
        dilation=dilation,
        mask=mask,
    )


def sampling_points(setup: DeformSetup) -> np.ndarray:
    """Every moved point p₀ + pₙ + Δpₙ of offset group 0 of the first image.

    Returns
    -------
    numpy.ndarray, shape (kH·kW, H_out, W_out, 2)
        ``(row, col)`` of tap t's point for output cell (i, j).
    """
    kh, kw = setup.weight.shape[2:]
    t = kh * kw
    oh, ow = setup.out_hw
    rows, cols = setup.regular_grid()  # (T, H_out, 1), (T, 1, W_out)
    off = setup.offset[0, : 2 * t].reshape(t, 2, oh, ow)  # (T, (dy, dx), H_out, W_out)
    return np.stack([rows + off[:, 0], cols + off[:, 1]], axis=-1)  # (T, H_out, W_out, 2)


def cell_sampling(
    x: Any,
    offset: Any,
    kernel: Any,
    *,
    cell: Any,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    mask: Any = None,
) -> CellSampling:
    """The sampling points of output ``cell`` with their neighbours, weights and products.

    Parameters
    ----------
    x : array_like, shape (H, W)
    offset : array_like, shape (2·kH·kW, H_out, W_out)
        (dy, dx) of tap t at channels 2t and 2t + 1.
    kernel : array_like, shape (kH, kW)
    cell : pair of ints
        Output ``(i, j)``.
    stride, padding, dilation : int or pair of ints
    mask : array_like of shape (kH·kW, H_out, W_out), optional

    Returns
    -------
    CellSampling

    Raises
    ------
    ConvValueError
        What ``deform_conv2d`` refuses, or ``cell_out_of_range``.

    Examples
    --------
    >>> x = np.arange(1.0, 10.0).reshape(3, 3)
    >>> offset = np.zeros((2, 3, 3)); offset[0] = 0.5; offset[1] = 0.25
    >>> s = cell_sampling(x, offset, [[1.0]], cell=(0, 0))
    >>> s.points.tolist(), s.corner_values.tolist(), s.total
    ([[0.5, 0.25]], [[1.0, 2.0, 4.0, 5.0]], 2.75)
    """
    setup = single_channel_setup(
        x, offset, kernel, stride=stride, padding=padding, dilation=dilation, mask=mask
    )
    i, j = check_cell(cell, setup.out_hw)
    image = setup.x[0, 0]  # (H, W)
    h, w = image.shape
    kh, kw = setup.weight.shape[2:]
    t = kh * kw
    rows, cols = setup.regular_grid()  # (T, H_out, 1), (T, 1, W_out)
    regular = np.stack([rows[:, i, 0], cols[:, 0, j]], axis=-1)  # (T, 2)
    offsets = setup.offset[0, :, i, j].reshape(t, 2).astype(float)  # (T, 2)
    points = regular + offsets  # (T, 2)
    corners = bilinear_corners(h, w, points[:, 0], points[:, 1])  # (T, 4) arrays
    safe_rows = np.clip(corners.rows, 0, h - 1)
    safe_cols = np.clip(corners.cols, 0, w - 1)
    corner_values = np.where(corners.inside, image[safe_rows, safe_cols], 0.0)  # (T, 4)
    weights4 = np.where(corners.inside, corners.weights, 0.0)  # (T, 4)
    values = (weights4 * corner_values).sum(axis=1)  # (T,)
    mask = np.ones(t) if setup.mask is None else setup.mask[0, :, i, j].astype(float)
    kernel_flat = setup.weight[0, 0].ravel().astype(float)  # (T,)
    products = kernel_flat * mask * values
    return CellSampling(
        cell=(i, j),
        kernel_hw=(kh, kw),
        regular=regular,
        offsets=offsets,
        points=points,
        corner_rows=corners.rows,
        corner_cols=corners.cols,
        corner_weights=corners.weights,
        corner_inside=corners.inside,
        corner_values=corner_values,
        values=values,
        mask=mask,
        weights=kernel_flat,
        products=products,
        total=float(products.sum()),
    )
