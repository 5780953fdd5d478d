"""The transposed convolution as a scatter-add: every input value stamps value × kernel.

Input cell (r, c) stamps ``x[r, c] · w`` (taps ``dilation`` apart) onto an uncropped canvas
with its top-left tap at (r·s, c·s); the stamps overlap where the kernel is longer than the
stride, and the overlaps add up. ``padding`` then cuts p rows / columns from every side of the
canvas, and ``output_padding`` keeps a more at the bottom / right. The sum of all stamps,
cropped, is ``conv_transpose2d``.

Single channel: ``x`` is (H, W) and ``kernel`` (kH, kW). :class:`ScatterGeometry` says where
the stamps land on the (H_c, W_c) canvas; :func:`cell_stamp` gives one cell's stamp and
:func:`scatter_stamps` all of them at once, (H, W, k̂H, k̂W), with their sum.
:func:`prepare_scatter`, :func:`tap_offsets` and :func:`scatter_add` are the steps the
animation frames of :mod:`convviz.engine.scatter_frames` share with these views.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.cells import CellKind
from convviz.engine.lowering import DilatedKernel, dilate_kernel
from convviz.engine.params import check_cell, check_ndim
from convviz.engine.transpose_setup import ConvTranspose2dSetup, prepare_conv_transpose2d


@dataclass(frozen=True)
class ScatterGeometry:
    """Where the stamps of a single-channel transposed convolution land.

    Attributes
    ----------
    input_hw : tuple of int
        ``(H, W)``.
    stride, padding, output_padding, dilation : tuple of int
        ``(h, w)``.
    kernel : DilatedKernel
        The kernel with its gaps, shape (k̂H, k̂W), and its tap map.
    canvas_hw : tuple of int
        ``(H_c, W_c)`` of the uncropped canvas: max((i − 1)s + k̂, p + o) per axis, large
        enough for every stamp and for the output window.
    out_hw : tuple of int
        ``(H_out, W_out)``, o = (i − 1)s − 2p + k̂ + a per axis (k̂ = d(k − 1) + 1).
    """

    input_hw: tuple[int, int]
    stride: tuple[int, int]
    padding: tuple[int, int]
    output_padding: tuple[int, int]
    dilation: tuple[int, int]
    kernel: DilatedKernel
    canvas_hw: tuple[int, int]
    out_hw: tuple[int, int]

    @property
    def steps(self) -> int:
        """Number of stamps, H·W (the animation has ``steps + 1`` frames)."""
        return self.input_hw[0] * self.input_hw[1]

    def cropped(self) -> np.ndarray:
        """(H_c, W_c) bool: canvas cells outside the output, i.e. cut away by ``padding``.

        Rows past the output's bottom edge can exist only when a < p; output_padding rows
        beyond the last stamp (a > p) are inside the output (they hold computed zeros).
        """
        (hc, wc), (ph, pw), (oh, ow) = self.canvas_hw, self.padding, self.out_hw
        rows = (np.arange(hc) < ph) | (np.arange(hc) >= ph + oh)  # (H_c,)
        cols = (np.arange(wc) < pw) | (np.arange(wc) >= pw + ow)  # (W_c,)
        return rows[:, None] | cols[None, :]

    def kinds(self) -> np.ndarray:
        """(H_c, W_c) :class:`~convviz.engine.cells.CellKind` of every canvas cell.

        ``OUTSIDE`` where padding crops (:meth:`cropped`), ``OUTPUT_PAD`` on the last a rows /
        columns of the output (output_padding), ``REAL`` on the rest of the output.
        """
        (ph, pw), (oh, ow), (ah, aw) = self.padding, self.out_hw, self.output_padding
        kinds = np.where(self.cropped(), CellKind.OUTSIDE, CellKind.REAL).astype(np.int8)
        kinds[ph + oh - ah : ph + oh, pw : pw + ow] = CellKind.OUTPUT_PAD
        kinds[ph : ph + oh, pw + ow - aw : pw + ow] = CellKind.OUTPUT_PAD
        return kinds

    def stamped(self) -> np.ndarray:
        """(H_c, W_c) bool: canvas cells inside some stamp's span.

        The rows 0 … (H − 1)s + k̂ − 1 and columns likewise; only output_padding past the last
        stamp (a > p) reaches beyond them. With stride > k̂ or dilation > 1 some cells inside
        are still under no tap.
        """
        (h, w), (sh, sw) = self.input_hw, self.stride
        kh, kw = self.kernel.kernel.shape
        (hc, wc) = self.canvas_hw
        rows = np.arange(hc) < (h - 1) * sh + kh  # (H_c,)
        cols = np.arange(wc) < (w - 1) * sw + kw  # (W_c,)
        return rows[:, None] & cols[None, :]

    def crop(self, canvas: np.ndarray) -> np.ndarray:
        """The output window of ``canvas`` (..., H_c, W_c) -> (..., H_out, W_out) (a view)."""
        (ph, pw), (oh, ow) = self.padding, self.out_hw
        return canvas[..., ph : ph + oh, pw : pw + ow]


@dataclass(frozen=True)
class Stamp:
    """One input cell's contribution to a transposed convolution.

    Attributes
    ----------
    cell : tuple of int
        Input ``(r, c)``.
    value : float
        ``x[r, c]``.
    canvas_top_left : tuple of int
        ``(r·s_h, c·s_w)``: the stamp's top-left tap on the uncropped canvas.
    output_top_left : tuple of int
        ``canvas_top_left − (p_h, p_w)`` in output coordinates; negative when the stamp
        starts in the cropped border.
    values : numpy.ndarray, shape (k̂H, k̂W)
        ``x[r, c] · w`` with the kernel's gaps (zeros there).
    taps : numpy.ndarray of int, shape (k̂H, k̂W)
        Tap number ``ki·kW + kj`` of each stamp cell, −1 in a gap.
    touched : numpy.ndarray of int, shape (n, 2)
        Output ``(row, col)`` of every tap that lands inside the output (row-major).
    cropped : numpy.ndarray of int, shape (m, 2)
        Canvas ``(row, col)`` of every tap that padding cuts away.
    """

    cell: tuple[int, int]
    value: float
    canvas_top_left: tuple[int, int]
    output_top_left: tuple[int, int]
    values: np.ndarray
    taps: np.ndarray
    touched: np.ndarray
    cropped: np.ndarray


@dataclass(frozen=True)
class ScatterStamps:
    """Every stamp of a single-channel transposed convolution at once.

    Attributes
    ----------
    geometry : ScatterGeometry
    stamps : numpy.ndarray, shape (H, W, k̂H, k̂W)
        ``stamps[r, c] = x[r, c] · w`` with the kernel's gaps.
    canvas : numpy.ndarray, shape (H_c, W_c)
        The sum of all stamps before cropping.
    output : numpy.ndarray, shape (H_out, W_out)
        ``canvas`` cropped by the padding: equals ``conv_transpose2d``.
    """

    geometry: ScatterGeometry
    stamps: np.ndarray
    canvas: np.ndarray
    output: np.ndarray


def prepare_scatter(
    x: Any, kernel: Any, *, stride: Any, padding: Any, output_padding: Any, dilation: Any
) -> tuple[np.ndarray, ScatterGeometry]:
    """Check a single-channel transposed convolution's arguments and place its stamps.

    Parameters
    ----------
    x : array_like, shape (H, W)
    kernel : array_like, shape (kH, kW)
    stride, padding, output_padding, dilation : int or pair of ints
        As in ``conv_transpose2d``.

    Returns
    -------
    xa : numpy.ndarray, shape (H, W)
        ``x`` in the result dtype.
    geometry : ScatterGeometry

    Raises
    ------
    ConvValueError
        ``bad_ndim`` unless ``x`` and ``kernel`` are 2-D, or any error of ``conv_transpose2d``.
    """
    xa, wa = np.asarray(x), np.asarray(kernel)
    check_ndim("x", xa, (2,))
    check_ndim("kernel", wa, (2,))
    setup: ConvTranspose2dSetup = prepare_conv_transpose2d(
        xa[None],  # (1, H, W): one input channel
        wa[None, None],  # (1, 1, kH, kW): one output channel
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
    )
    geometry = ScatterGeometry(
        input_hw=tuple(xa.shape),
        stride=setup.stride,
        padding=setup.padding,
        output_padding=setup.output_padding,
        dilation=setup.dilation,
        kernel=dilate_kernel(setup.weight[0, 0], dilation=setup.dilation),
        canvas_hw=setup.canvas_hw(),
        out_hw=setup.out_hw,
    )
    return setup.x[0, 0], geometry


def tap_offsets(geometry: ScatterGeometry) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where the T = kH·kW taps sit in a stamp, and their weights.

    Returns
    -------
    rows, cols : numpy.ndarray of int, shape (T,)
        Offsets of each tap from the stamp's top-left cell, in tap order.
    weights : numpy.ndarray, shape (T,)
        ``w[ki, kj]`` of each tap.
    """
    rows, cols = np.nonzero(geometry.kernel.taps >= 0)  # (T,) each, in tap order
    return rows, cols, geometry.kernel.kernel[rows, cols]


def cell_stamp(
    x: Any,
    kernel: Any,
    *,
    cell: Any,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
) -> Stamp:
    """The stamp one input cell adds to the output of a transposed convolution.

    Parameters
    ----------
    x : array_like, shape (H, W)
    kernel : array_like, shape (kH, kW)
    cell : pair of ints
        Input ``(r, c)``, 0 <= r < H, 0 <= c < W.
    stride, padding, output_padding, dilation : int or pair of ints
        As in ``conv_transpose2d``.

    Returns
    -------
    Stamp

    Raises
    ------
    ConvValueError
        ``cell_out_of_range`` for a cell outside the input, or any error of
        ``conv_transpose2d`` for a bad argument.

    Examples
    --------
    >>> st = cell_stamp([[1, 2], [3, 4]], [[1, 1], [1, 1]], cell=(1, 0), stride=2, padding=1)
    >>> st.output_top_left, st.touched.tolist()
    ((1, -1), [[1, 0]])
    """
    xa, geometry = prepare_scatter(
        x,
        kernel,
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
    )
    r, c = check_cell(cell, geometry.input_hw)
    top, left = r * geometry.stride[0], c * geometry.stride[1]
    taps = geometry.kernel.taps
    rows, cols = np.nonzero(taps >= 0)  # (T,) each: tap cells of the stamp
    out_r, out_c = rows + top - geometry.padding[0], cols + left - geometry.padding[1]
    inside = (
        (out_r >= 0) & (out_r < geometry.out_hw[0]) & (out_c >= 0) & (out_c < geometry.out_hw[1])
    )
    value = xa[r, c]
    return Stamp(
        cell=(r, c),
        value=value.item(),
        canvas_top_left=(top, left),
        output_top_left=(top - geometry.padding[0], left - geometry.padding[1]),
        values=value * geometry.kernel.kernel,
        taps=taps,
        touched=np.stack([out_r[inside], out_c[inside]], axis=-1),  # (n, 2)
        cropped=np.stack([rows[~inside] + top, cols[~inside] + left], axis=-1),  # (m, 2)
    )


def scatter_stamps(
    x: Any,
    kernel: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
) -> ScatterStamps:
    """All stamps of a single-channel transposed convolution, their sum and the output.

    Parameters
    ----------
    x : array_like, shape (H, W)
    kernel : array_like, shape (kH, kW)
    stride, padding, output_padding, dilation : int or pair of ints
        As in ``conv_transpose2d``.

    Returns
    -------
    ScatterStamps
        ``stamps`` (H, W, k̂H, k̂W), ``canvas`` (H_c, W_c), ``output`` (H_out, W_out).

    Raises
    ------
    ConvValueError
        Any error of ``conv_transpose2d``; ``bad_ndim`` unless ``x`` and ``kernel`` are 2-D.

    Notes
    -----
    ``canvas[r·s + i·d, c·s + j·d] += x[r, c] · w[i, j]``; ``output = canvas[p : p + o]`` per
    axis with o = (i − 1)s − 2p + d(k − 1) + a + 1.
    """
    xa, geometry = prepare_scatter(
        x,
        kernel,
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
    )
    canvas = scatter_add(xa, geometry)
    stamps = xa[:, :, None, None] * geometry.kernel.kernel  # (H, W, k̂H, k̂W)
    return ScatterStamps(
        geometry=geometry, stamps=stamps, canvas=canvas, output=geometry.crop(canvas).copy()
    )


def scatter_add(xa: np.ndarray, geometry: ScatterGeometry) -> np.ndarray:
    """Every stamp of ``xa`` added onto the uncropped canvas, one strided slice per tap.

    Parameters
    ----------
    xa : numpy.ndarray, shape (H, W)
    geometry : ScatterGeometry

    Returns
    -------
    numpy.ndarray, shape (H_c, W_c)
        ``canvas[r·s + i·d, c·s + j·d] += xa[r, c] · w[i, j]`` for every cell and tap.
    """
    (h, w), (sh, sw) = geometry.input_hw, geometry.stride
    canvas = np.zeros(geometry.canvas_hw, dtype=xa.dtype)
    for row, col, weight in zip(*tap_offsets(geometry), strict=True):
        canvas[row : row + (h - 1) * sh + 1 : sh, col : col + (w - 1) * sw + 1 : sw] += xa * weight
    return canvas
