"""Bilinear reads at fractional positions, with the boundary rule of torchvision's deform_conv2d.

A point (y, x) of an H×W image lies in the square of its four neighbours
(⌊y⌋, ⌊x⌋), (⌊y⌋, ⌊x⌋+1), (⌊y⌋+1, ⌊x⌋), (⌊y⌋+1, ⌊x⌋+1), weighted by the areas of the opposite
rectangles: (1−ly)(1−lx), (1−ly)·lx, ly·(1−lx), ly·lx with ly = y − ⌊y⌋, lx = x − ⌊x⌋.
A point with y ≤ −1 or y ≥ H (or x ≤ −1 or x ≥ W) reads 0; otherwise each neighbour outside
the image reads 0. Integer positions inside read the pixel itself, so the rule agrees with
zero padding.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Corners:
    """The four neighbours of points (any shape S), in the order top-left, top-right,
    bottom-left, bottom-right along the last axis.

    Attributes
    ----------
    rows, cols : numpy.ndarray of int, shape S + (4,)
        Neighbour coordinates (may lie outside the image).
    weights : numpy.ndarray, shape S + (4,)
        Bilinear weights; they sum to 1 for a point that is read, and are 0 for a point
        outside the open square −1 < y < H, −1 < x < W.
    inside : numpy.ndarray of bool, shape S + (4,)
        Whether each neighbour is a pixel of the image (the others read 0).
    """

    rows: np.ndarray
    cols: np.ndarray
    weights: np.ndarray
    inside: np.ndarray


def bilinear_corners(height: int, width: int, y: np.ndarray, x: np.ndarray) -> Corners:
    """The four neighbours and weights of the points ``(y, x)`` of an ``height×width`` image.

    Parameters
    ----------
    height, width : int
        Image size H, W.
    y, x : numpy.ndarray, shape S (broadcastable to each other)
        Fractional row and column of each point.

    Returns
    -------
    Corners
        Arrays of shape S + (4,).

    Examples
    --------
    >>> c = bilinear_corners(3, 3, np.array(0.5), np.array(0.25))
    >>> c.weights.tolist()
    [0.375, 0.125, 0.375, 0.125]
    """
    y, x = np.broadcast_arrays(np.asarray(y, dtype=float), np.asarray(x, dtype=float))
    read = (y > -1) & (y < height) & (x > -1) & (x < width)  # S
    y0, x0 = np.floor(y), np.floor(x)  # S
    ly, lx = y - y0, x - x0  # S
    rows = np.stack([y0, y0, y0 + 1, y0 + 1], axis=-1).astype(np.int64)  # S + (4,)
    cols = np.stack([x0, x0 + 1, x0, x0 + 1], axis=-1).astype(np.int64)  # S + (4,)
    weights = (
        np.stack([(1 - ly) * (1 - lx), (1 - ly) * lx, ly * (1 - lx), ly * lx], axis=-1)
        * read[..., None]
    )  # S + (4,)
    inside = (rows >= 0) & (rows < height) & (cols >= 0) & (cols < width)
    return Corners(rows=rows, cols=cols, weights=weights, inside=inside)


def bilinear_sample(image: np.ndarray, y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Read ``image`` at fractional positions by bilinear interpolation (0 outside).

    Parameters
    ----------
    image : numpy.ndarray, shape (..., H, W)
        Leading axes (e.g. channels) are read at the same positions.
    y, x : numpy.ndarray, shape S
        Rows and columns of the points.

    Returns
    -------
    numpy.ndarray, shape (...,) + S
        In ``image``'s dtype.

    Examples
    --------
    >>> img = np.arange(1.0, 10.0).reshape(3, 3)
    >>> bilinear_sample(img, np.array([0.5, -0.5, -1.0]), np.array([0.25, 0.0, 0.0])).tolist()
    [2.75, 0.5, 0.0]
    """
    height, width = image.shape[-2:]
    corners = bilinear_corners(height, width, y, x)
    rows = np.clip(corners.rows, 0, height - 1)  # S + (4,); outside corners weigh 0 below
    cols = np.clip(corners.cols, 0, width - 1)
    weights = np.where(corners.inside, corners.weights, 0.0).astype(image.dtype)  # S + (4,)
    flat = image.reshape(*image.shape[:-2], height * width)  # (..., H·W)
    picked = flat[..., rows * width + cols]  # (...,) + S + (4,)
    return (picked * weights).sum(axis=-1)  # (...,) + S
