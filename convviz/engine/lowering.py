"""The transposed convolution lowered to an ordinary one: zero insertion, border, flipped kernel.

A transposed convolution with stride s, padding p, output_padding a and dilation d equals a
stride-1 convolution, with the kernel rotated by 180° and the same dilation, run over a grid
built from the input in three steps:

1. insert s − 1 zeros between neighbouring input values (:func:`zero_insert`);
2. add a border of b = d(k − 1) − p zeros on every side — when p > d(k − 1), b is negative
   and the border *crops* −b rows instead;
3. add a more rows / columns on the bottom / right (output_padding), i.e. b + a there.

:func:`transposed_direct` returns every stage, with the kind of every grid cell and the input
cell it holds (:func:`lowered_kinds`), so a page can draw the construction and check it against
``conv_transpose2d``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.cells import CellKind
from convviz.engine.conv import conv2d
from convviz.engine.conv_setup import arrays_in_result_dtype
from convviz.engine.params import (
    check_ndim,
    check_output_padding,
    check_positive,
    non_negative_pair,
    pair,
    positive_pair,
)
from convviz.engine.sizes import conv_transpose_output_size


def zero_insert(x: Any, *, stride: Any) -> np.ndarray:
    """Insert ``stride − 1`` zeros between neighbouring values of the last two axes.

    Parameters
    ----------
    x : array_like, shape (..., H, W)
    stride : int or pair of ints
        s (>= 1); ``1`` returns a copy of ``x``.

    Returns
    -------
    numpy.ndarray, shape (..., (H − 1)s_h + 1, (W − 1)s_w + 1)
        ``out[..., r·s_h, c·s_w] = x[..., r, c]``, zero elsewhere; dtype of ``x`` (integers stay
        integers).

    Raises
    ------
    ConvValueError
        ``bad_ndim`` when ``x`` has fewer than 2 axes, or a bad ``stride``.

    Examples
    --------
    >>> zero_insert([[1, 2], [3, 4]], stride=2).tolist()
    [[1, 0, 2], [0, 0, 0], [3, 0, 4]]
    """
    xa = np.asarray(x)
    _check_at_least_2d("x", xa)
    sh, sw = positive_pair(stride, "stride")
    h, w = xa.shape[-2:]
    out = np.zeros((*xa.shape[:-2], (h - 1) * sh + 1, (w - 1) * sw + 1), dtype=xa.dtype)
    out[..., ::sh, ::sw] = xa
    return out


def flip_kernel(w: Any) -> np.ndarray:
    """Rotate the last two axes by 180° (flip rows and columns).

    Parameters
    ----------
    w : array_like, shape (..., kH, kW)

    Returns
    -------
    numpy.ndarray, shape (..., kH, kW)
        ``out[..., i, j] = w[..., kH − 1 − i, kW − 1 − j]`` (a copy).

    Examples
    --------
    >>> flip_kernel([[1, 2], [3, 4]]).tolist()
    [[4, 3], [2, 1]]
    """
    wa = np.asarray(w)
    _check_at_least_2d("kernel", wa)
    return wa[..., ::-1, ::-1].copy()


@dataclass(frozen=True)
class DilatedKernel:
    """A kernel spread out with gaps, and which tap each of its cells is.

    Attributes
    ----------
    kernel : numpy.ndarray, shape (k̂H, k̂W)
        Taps d apart, zeros in the gaps; k̂ = d(k − 1) + 1 per axis.
    taps : numpy.ndarray of int, shape (k̂H, k̂W)
        ``ki·kW + kj`` at the cell holding tap (ki, kj) of the source kernel, −1 in a gap.
    """

    kernel: np.ndarray
    taps: np.ndarray


def dilate_kernel(w: Any, *, dilation: Any) -> DilatedKernel:
    """Spread a 2-D kernel so its taps sit ``dilation`` cells apart.

    Parameters
    ----------
    w : array_like, shape (kH, kW)
    dilation : int or pair of ints
        d (>= 1); ``1`` leaves the kernel as it is (every cell a tap).

    Returns
    -------
    DilatedKernel
        ``kernel`` of shape (d_h(kH − 1) + 1, d_w(kW − 1) + 1) and its ``taps`` map.

    Raises
    ------
    ConvValueError
        ``bad_ndim`` unless ``w`` is 2-D, ``not_positive`` for an empty kernel, or a bad
        ``dilation``.

    Examples
    --------
    >>> dk = dilate_kernel([[1, 2], [3, 4]], dilation=2)
    >>> dk.kernel.tolist()
    [[1, 0, 2], [0, 0, 0], [3, 0, 4]]
    >>> dk.taps.tolist()
    [[0, -1, 1], [-1, -1, -1], [2, -1, 3]]
    """
    wa = np.asarray(w)
    check_ndim("kernel", wa, (2,))
    kh, kw = (check_positive("kernel_size", n) for n in wa.shape)
    dh, dw = positive_pair(dilation, "dilation")
    spread = zero_insert(wa, stride=(dh, dw))  # (k̂H, k̂W)
    taps = np.full(spread.shape, -1, dtype=np.int64)
    taps[::dh, ::dw] = np.arange(kh * kw).reshape(kh, kw)  # (kH, kW) tap numbers
    return DilatedKernel(kernel=spread, taps=taps)


@dataclass(frozen=True)
class TransposedDirect:
    """Every stage of a transposed convolution computed as a stride-1 convolution.

    Attributes
    ----------
    inserted : numpy.ndarray, shape ((H − 1)s_h + 1, (W − 1)s_w + 1)
        The input with s − 1 zeros between neighbours.
    border : tuple of int
        ``(b_h, b_w)``, b = d(k − 1) − p per side; negative means that many rows are cut.
    pads : tuple of int
        ``(top, bottom, left, right)`` actually applied to ``inserted``:
        ``(b_h, b_h + a_h, b_w, b_w + a_w)``; a negative amount crops.
    output_padding : tuple of int
        ``(a_h, a_w)``.
    grid : numpy.ndarray, shape (G_h, G_w)
        The grid the stride-1 convolution runs over, G = (i − 1)s + 1 + 2b + a per axis.
    kinds : numpy.ndarray of int, shape (G_h, G_w)
        :class:`~convviz.engine.cells.CellKind` of each grid cell: ``REAL`` (an input
        value), ``INSERTED_ZERO``, ``BORDER_PAD`` or ``OUTPUT_PAD`` (output_padding wins
        where a border row meets an output_padding column).
    source : numpy.ndarray of int, shape (G_h, G_w, 2)
        Input ``(row, col)`` held by each ``REAL`` cell, ``(-1, -1)`` elsewhere.
    flipped : numpy.ndarray, shape (kH, kW)
        The kernel rotated by 180°.
    flipped_dilated : DilatedKernel
        The flipped kernel with its gaps; its ``taps`` number the taps of the *original*
        kernel, so ``taps[0, 0]`` is ``kH·kW − 1`` (tap (kH − 1, kW − 1)).
    result : numpy.ndarray, shape (H_out, W_out)
        ``conv2d(grid, flipped, stride=1, dilation=d)``; equals ``conv_transpose2d``.
    stride, padding, dilation : tuple of int
        ``(h, w)`` as given.
    """

    inserted: np.ndarray
    border: tuple[int, int]
    pads: tuple[int, int, int, int]
    output_padding: tuple[int, int]
    grid: np.ndarray
    kinds: np.ndarray
    source: np.ndarray
    flipped: np.ndarray
    flipped_dilated: DilatedKernel
    result: np.ndarray
    stride: tuple[int, int]
    padding: tuple[int, int]
    dilation: tuple[int, int]


def transposed_direct(
    x: Any,
    kernel: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
) -> TransposedDirect:
    """A single-channel transposed convolution as zero insertion, border and a flipped kernel.

    Parameters
    ----------
    x : array_like, shape (H, W)
    kernel : array_like, shape (kH, kW)
    stride, dilation : int or pair of ints
        s, d (>= 1).
    padding : int or pair of ints
        p (>= 0), as in ``conv_transpose2d``: it shrinks the border to d(k − 1) − p.
    output_padding : int or pair of ints
        a, 0 <= a < max(s, d): extra rows / columns on the bottom / right of the grid.

    Returns
    -------
    TransposedDirect
        All stages; ``result`` has shape (H_out, W_out).

    Raises
    ------
    ConvValueError
        ``bad_ndim`` unless ``x`` and ``kernel`` are 2-D, ``output_padding_too_large``,
        ``transpose_output_empty``, or any bad hyper-parameter (the checks of
        ``conv_transpose2d``).

    Notes
    -----
    Per axis the grid has G = (i − 1)s + 1 + 2b + a cells with b = d(k − 1) − p, and the
    stride-1 convolution gives G − d(k − 1) = (i − 1)s − 2p + d(k − 1) + a + 1 = H_out cells,
    the transposed output size. Grid cell g holds zero-inserted cell g − b (zero outside), so
    ``result[o] = Σ_t grid[o + t·d] · w[k − 1 − t] = Σ_t inserted[o + p − t·d] · w[t]``: the
    scatter-add of ``conv_transpose2d``, cropped by p.

    Examples
    --------
    >>> direct = transposed_direct([[1, 2], [3, 4]], [[1, 0], [0, 0]], stride=2)
    >>> direct.result.tolist()
    [[1.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 0.0], [3.0, 0.0, 4.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
    """
    xa, wa, _ = arrays_in_result_dtype(x, kernel, None)
    check_ndim("x", xa, (2,))
    check_ndim("kernel", wa, (2,))
    h, w = (check_positive("input_size", n) for n in xa.shape)
    kh, kw = (check_positive("kernel_size", n) for n in wa.shape)
    s = positive_pair(stride, "stride")
    p = non_negative_pair(padding, "padding")
    d = positive_pair(dilation, "dilation")
    a = check_output_padding(output_padding, s, d)
    for size, k, s_i, p_i, a_i, d_i in zip((h, w), (kh, kw), s, p, a, d, strict=True):
        conv_transpose_output_size(size, k, s_i, p_i, a_i, d_i)  # raises when empty
    b = (d[0] * (kh - 1) - p[0], d[1] * (kw - 1) - p[1])
    pads = (b[0], b[0] + a[0], b[1], b[1] + a[1])
    inserted = zero_insert(xa, stride=s)  # (Z_h, Z_w)
    grid = _pad_or_crop(inserted, pads)  # (G_h, G_w)
    kinds, source = lowered_kinds((h, w), stride=s, border=b, output_padding=a)
    flipped = flip_kernel(wa)  # (kH, kW)
    dk = dilate_kernel(wa, dilation=d)
    flipped_dilated = DilatedKernel(kernel=flip_kernel(dk.kernel), taps=flip_kernel(dk.taps))
    result = conv2d(grid[None], flipped[None, None], dilation=d)[0]  # (1, H_out, W_out) -> 2-D
    return TransposedDirect(
        inserted=inserted,
        border=b,
        pads=pads,
        output_padding=a,
        grid=grid,
        kinds=kinds,
        source=source,
        flipped=flipped,
        flipped_dilated=flipped_dilated,
        result=result,
        stride=s,
        padding=p,
        dilation=d,
    )


def lowered_kinds(
    input_shape: Any, *, stride: Any, border: Any, output_padding: Any = 0
) -> tuple[np.ndarray, np.ndarray]:
    """What each cell of the lowered grid is, and which input cell a real one holds.

    Parameters
    ----------
    input_shape : int or pair of ints
        ``(H, W)`` of the input.
    stride : int or pair of ints
        s (>= 1): s − 1 inserted zeros between neighbouring values.
    border : int or pair of ints
        b per axis, padded on the top / left; b + a on the bottom / right. Negative amounts
        crop the zero-inserted grid instead (b = d(k − 1) − p in a transposed convolution).
    output_padding : int or pair of ints
        a (>= 0).

    Returns
    -------
    kinds : numpy.ndarray of int, shape (G_h, G_w)
        :class:`~convviz.engine.cells.CellKind` of each cell: ``REAL``, ``INSERTED_ZERO``,
        ``BORDER_PAD`` or ``OUTPUT_PAD`` (output_padding wins where a border row meets an
        output_padding column); G = (i − 1)s + 1 + 2b + a per axis (0 when the border crops
        everything).
    source : numpy.ndarray of int, shape (G_h, G_w, 2)
        Input ``(row, col)`` held by each ``REAL`` cell, ``(-1, -1)`` elsewhere.

    Raises
    ------
    ConvValueError
        For a non-positive size or stride, a negative output_padding, or a non-integer.

    Examples
    --------
    >>> kinds, source = lowered_kinds(2, stride=2, border=1)
    >>> kinds[1].tolist(), source[1, 3].tolist()
    ([2, 0, 1, 0, 2], [0, 1])
    """
    h, w = positive_pair(input_shape, "input_size")
    s = positive_pair(stride, "stride")
    b = pair(border, "border")
    a = non_negative_pair(output_padding, "output_padding")
    row_kind, row_src = _axis_kinds(h, s[0], b[0], a[0])
    col_kind, col_src = _axis_kinds(w, s[1], b[1], a[1])
    kinds = _combine_kinds(row_kind, col_kind)  # (G_h, G_w)
    real = kinds == CellKind.REAL
    src_r, src_c = np.meshgrid(row_src, col_src, indexing="ij")  # (G_h, G_w) each
    source = np.stack([np.where(real, src_r, -1), np.where(real, src_c, -1)], axis=-1)
    return kinds, source


def _axis_kinds(size: int, stride: int, border: int, output_padding: int) -> tuple[np.ndarray, ...]:
    """Kind and source input index of each grid row along one axis.

    Returns
    -------
    kind : numpy.ndarray of int, shape (G,)
        ``REAL``, ``INSERTED_ZERO``, ``BORDER_PAD`` or ``OUTPUT_PAD``; G = (i − 1)s + 1 + 2b + a.
    source : numpy.ndarray of int, shape (G,)
        Input index held by a ``REAL`` row, −1 elsewhere.
    """
    inserted = (size - 1) * stride + 1
    t = np.arange(inserted + 2 * border + output_padding) - border  # (G,) zero-inserted position
    kind = np.full(t.shape, CellKind.INSERTED_ZERO, dtype=np.int64)
    kind[(t < 0) | (t >= inserted)] = CellKind.BORDER_PAD
    kind[t >= inserted + max(border, 0)] = CellKind.OUTPUT_PAD
    real = (t >= 0) & (t < inserted) & (t % stride == 0)
    kind[real] = CellKind.REAL
    return kind, np.where(real, t // stride, -1)


def _pad_or_crop(inserted: np.ndarray, pads: tuple[int, int, int, int]) -> np.ndarray:
    """``inserted`` with ``pads`` (top, bottom, left, right) of zeros; negative amounts crop."""
    top, bottom, left, right = pads
    zh, zw = inserted.shape
    grid = np.zeros((zh + top + bottom, zw + left + right), dtype=inserted.dtype)  # (G_h, G_w)
    block = inserted[max(-top, 0) : zh - max(-bottom, 0), max(-left, 0) : zw - max(-right, 0)]
    r0, c0 = max(top, 0), max(left, 0)
    grid[r0 : r0 + block.shape[0], c0 : c0 + block.shape[1]] = block
    return grid


def _combine_kinds(row_kind: np.ndarray, col_kind: np.ndarray) -> np.ndarray:
    """(G_h, G_w) cell kinds from the kinds of its row and column."""
    r, c = np.meshgrid(row_kind, col_kind, indexing="ij")  # (G_h, G_w) each
    kinds = np.full(r.shape, CellKind.INSERTED_ZERO, dtype=np.int64)
    kinds[(r == CellKind.REAL) & (c == CellKind.REAL)] = CellKind.REAL
    for kind in (CellKind.BORDER_PAD, CellKind.OUTPUT_PAD):  # output_padding wins at corners
        kinds[(r == kind) | (c == kind)] = kind
    return kinds


def _check_at_least_2d(name: str, array: np.ndarray) -> None:
    """Raise ``bad_ndim`` for an array with fewer than two axes."""
    if array.ndim < 2:
        check_ndim(name, array, (2,))
