"""Sliding-window trace of a standard convolution: what each output cell reads and sums.

For every output cell (oi, oj) and kernel tap (ki, kj): the padded-input cell under the tap,
its value, the weight, their product; and per output cell the sum — all as arrays of shape
(H_out, W_out, kH, kW), built at once.

Single channel: ``x`` is (H, W) and ``kernel`` (kH, kW). Arguments are checked exactly as
``conv2d`` checks them (same errors, same ``"same"`` / ``"valid"`` padding).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.conv_setup import ConvSetup, prepare_conv2d
from convviz.engine.lowering import flip_kernel
from convviz.engine.padding import padding_source_index
from convviz.engine.params import check_ndim


@dataclass(frozen=True)
class WindowTrace:
    """Every multiply-add of a single-channel convolution, laid out per output cell and tap.

    Attributes
    ----------
    padded : numpy.ndarray, shape (H_p, W_p)
        The input with its border (H_p = H + top + bottom).
    source : numpy.ndarray of int, shape (H_p, W_p, 2)
        Input ``(row, col)`` each padded cell copies; ``(-1, -1)`` for a zero.
    kernel : numpy.ndarray, shape (kH, kW)
        The weights applied (already rotated by 180° when traced with ``flip=True``).
    rows, cols : numpy.ndarray of int, shape (H_out, W_out, kH, kW)
        Padded-input coordinates under tap (ki, kj) of window (oi, oj):
        ``rows = oi·s_h + ki·d_h``, ``cols = oj·s_w + kj·d_w``.
    values : numpy.ndarray, shape (H_out, W_out, kH, kW)
        ``padded[rows, cols]``.
    products : numpy.ndarray, shape (H_out, W_out, kH, kW)
        ``values · kernel``.
    sums : numpy.ndarray, shape (H_out, W_out)
        ``products`` summed over the taps: the convolution's output.
    pads : tuple of int
        ``(top, bottom, left, right)``.
    stride, dilation : tuple of int
        ``(h, w)``.
    padding_mode : str
    """

    padded: np.ndarray
    source: np.ndarray
    kernel: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray
    products: np.ndarray
    sums: np.ndarray
    pads: tuple[int, int, int, int]
    stride: tuple[int, int]
    dilation: tuple[int, int]
    padding_mode: str

    @property
    def out_hw(self) -> tuple[int, int]:
        """``(H_out, W_out)``."""
        return self.sums.shape

    def sources(self) -> np.ndarray:
        """(H_out, W_out, kH, kW, 2) input ``(row, col)`` read by each tap, −1 for a zero."""
        return self.source[self.rows, self.cols]

    def read_counts(self) -> np.ndarray:
        """(H_p, W_p) int: how many (window, tap) pairs read each padded cell.

        Zero marks a cell no window reads: the rows the floor drops, and with dilation and
        stride both above 1 the cells between taps that no window lands on.
        """
        hp, wp = self.padded.shape
        flat = (self.rows * wp + self.cols).ravel()  # (H_out·W_out·kH·kW,)
        return np.bincount(flat, minlength=hp * wp).reshape(hp, wp)  # (H_p, W_p)

    def input_read_counts(self) -> np.ndarray:
        """(H, W) int: how many (window, tap) pairs read each *input* cell.

        A tap on a border cell that copies an input cell (reflect, replicate, circular) reads
        that input cell too, so a row the floor drops can still reach the output through its
        copy; taps on zeros read nothing. Zero marks an input value the output never uses.
        """
        top, bottom, left, right = self.pads
        hp, wp = self.padded.shape
        h, w = hp - top - bottom, wp - left - right
        taps = self.source[self.rows, self.cols].reshape(-1, 2)  # (H_out·W_out·kH·kW, 2)
        real = taps[taps[:, 0] >= 0]  # taps on input values, not on zeros
        flat = real[:, 0] * w + real[:, 1]
        return np.bincount(flat, minlength=h * w).reshape(h, w)  # (H, W)


def sliding_trace(
    x: Any,
    kernel: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    padding_mode: str = "zeros",
    flip: bool = False,
) -> WindowTrace:
    """Trace a single-channel convolution window by window, tap by tap.

    Parameters
    ----------
    x : array_like, shape (H, W)
    kernel : array_like, shape (kH, kW)
    stride, dilation : int or pair of ints
        Each >= 1.
    padding : int, pair of ints, "valid" or "same"
        As in ``conv2d`` (per side; "same" needs stride 1).
    padding_mode : {"zeros", "reflect", "replicate", "circular"}
    flip : bool
        Rotate the kernel by 180° first: a true (mathematical) convolution instead of the
        cross-correlation deep learning calls convolution.

    Returns
    -------
    WindowTrace
        Arrays of shape (H_out, W_out, kH, kW) and the sums (H_out, W_out), which equal
        ``conv2d`` of the same arguments (of the flipped kernel when ``flip``).

    Raises
    ------
    ConvValueError
        ``bad_ndim`` unless ``x`` and ``kernel`` are 2-D, or any error of ``conv2d``.

    Notes
    -----
    H_out = ⌊(H + top + bottom − d(k − 1) − 1) / s⌋ + 1 per axis, and
    ``sums[oi, oj] = Σ_{ki, kj} padded[oi·s + ki·d, oj·s + kj·d] · w[ki, kj]``.

    Examples
    --------
    >>> tr = sliding_trace([[1, 2, 3], [4, 5, 6]], [[1, 0], [0, -1]])
    >>> tr.sums.tolist()
    [[-4.0, -4.0]]
    >>> tr.products[0, 1].tolist()
    [[2.0, 0.0], [0.0, -6.0]]
    """
    setup = _setup(
        x,
        kernel,
        stride=stride,
        padding=padding,
        dilation=dilation,
        padding_mode=padding_mode,
    )
    weights = setup.weight[0, 0]  # (kH, kW)
    if flip:
        weights = flip_kernel(weights)
    padded = setup.padded_input()[0, 0]  # (H_p, W_p)
    kh, kw = weights.shape
    rows, cols = _window_coordinates(setup.out_hw, (kh, kw), setup.stride, setup.dilation)
    values = padded[rows, cols]  # (H_out, W_out, kH, kW)
    products = values * weights
    return WindowTrace(
        padded=padded,
        source=padding_source_index(setup.x.shape[2:], setup.pads, setup.padding_mode),
        kernel=weights,
        rows=rows,
        cols=cols,
        values=values,
        products=products,
        sums=products.sum(axis=(2, 3)),
        pads=setup.pads,
        stride=setup.stride,
        dilation=setup.dilation,
        padding_mode=setup.padding_mode,
    )


def _setup(
    x: Any, kernel: Any, *, stride: Any, padding: Any, dilation: Any, padding_mode: str
) -> ConvSetup:
    """``conv2d``'s checks on a 2-D input and kernel (one channel in, one out)."""
    xa, wa = np.asarray(x), np.asarray(kernel)
    check_ndim("x", xa, (2,))
    check_ndim("kernel", wa, (2,))
    return prepare_conv2d(
        xa[None],  # (1, H, W)
        wa[None, None],  # (1, 1, kH, kW)
        stride=stride,
        padding=padding,
        dilation=dilation,
        padding_mode=padding_mode,
    )


def _window_coordinates(
    out_hw: tuple[int, int],
    kernel_hw: tuple[int, int],
    stride: tuple[int, int],
    dilation: tuple[int, int],
) -> tuple[np.ndarray, np.ndarray]:
    """Padded-input rows and columns under every tap of every window, (H_out, W_out, kH, kW)."""
    (oh, ow), (kh, kw) = out_hw, kernel_hw
    rows = np.arange(oh)[:, None, None, None] * stride[0] + np.arange(kh)[:, None] * dilation[0]
    cols = np.arange(ow)[:, None, None] * stride[1] + np.arange(kw) * dilation[1]
    # rows: (H_out, 1, kH, 1), cols: (W_out, 1, kW) -> broadcast to (H_out, W_out, kH, kW)
    shape = (oh, ow, kh, kw)
    return np.broadcast_to(rows, shape).copy(), np.broadcast_to(cols, shape).copy()
