"""Sliding-window trace of a 3-D convolution: what each output cell reads, frame by frame.

For every output cell (t, r, c) and kernel tap (a, i, j): the padded-input voxel under the tap,
its value, the weight and their product; per output cell the sum. Single channel: ``clip`` is
(D, H, W) and ``kernel`` (kD, kH, kW). The arrays come from the same sliding windows as
``conv3d`` (:func:`convviz.engine.convnd.conv_windows`), and the arguments are checked exactly
as ``conv3d`` checks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.arithmetic_text import products_text
from convviz.engine.conv_setup import prepare_conv
from convviz.engine.convnd import conv_windows
from convviz.engine.params import check_ndim, check_step


@dataclass(frozen=True)
class ClipTrace:
    """Every multiply-add of a single-channel 3-D convolution.

    Attributes
    ----------
    padded : numpy.ndarray, shape (D_p, H_p, W_p)
        The clip with its border (zeros, or the padding mode's copies).
    real : numpy.ndarray of bool, shape (D_p, H_p, W_p)
        Whether a padded voxel is a voxel of the clip (False: border).
    kernel : numpy.ndarray, shape (kD, kH, kW)
    values, products : numpy.ndarray, shape (D_out, H_out, W_out, kD, kH, kW)
        The voxel under each tap of each window, and that voxel times the tap's weight.
    sums : numpy.ndarray, shape (D_out, H_out, W_out)
        ``products`` summed over the taps: the output of ``conv3d``.
    stride, dilation : tuple of int
        ``(d, h, w)``.
    pads : tuple of int
        ``(front, back, top, bottom, left, right)``.
    """

    padded: np.ndarray
    real: np.ndarray
    kernel: np.ndarray
    values: np.ndarray
    products: np.ndarray
    sums: np.ndarray
    stride: tuple[int, int, int]
    dilation: tuple[int, int, int]
    pads: tuple[int, ...]

    @property
    def out_shape(self) -> tuple[int, int, int]:
        """``(D_out, H_out, W_out)``."""
        d, h, w = self.sums.shape
        return d, h, w

    def cells(self) -> list[tuple[int, int, int]]:
        """Every output cell ``(t, r, c)`` in the order the window visits them (row-major)."""
        return [tuple(int(v) for v in cell) for cell in np.ndindex(*self.out_shape)]

    def origin(self, cell: tuple[int, int, int]) -> tuple[int, int, int]:
        """Padded-input voxel ``(z, row, col)`` under tap (0, 0, 0) of window ``cell``."""
        return tuple(o * s for o, s in zip(cell, self.stride, strict=True))  # type: ignore[return-value]

    def frames_read(self, cell: tuple[int, int, int]) -> list[int]:
        """The kD padded-input frames window ``cell`` reads: ``t·s_d + a·d_d``."""
        z0, d = self.origin(cell)[0], self.dilation[0]
        return [z0 + a * d for a in range(self.kernel.shape[0])]

    def span(self) -> tuple[int, int, int]:
        """The extent of the dilated window on each axis, d(k − 1) + 1."""
        return tuple(  # type: ignore[return-value]
            d * (k - 1) + 1 for k, d in zip(self.kernel.shape, self.dilation, strict=True)
        )


def clip_trace(
    clip: Any,
    kernel: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    padding_mode: str = "zeros",
) -> ClipTrace:
    """The trace of ``conv3d(clip[None], kernel[None, None])`` for one channel.

    Parameters
    ----------
    clip : array_like, shape (D, H, W)
    kernel : array_like, shape (kD, kH, kW)
    stride, padding, dilation, padding_mode
        As in :func:`convviz.engine.conv.conv3d` (ints or ``(d, h, w)`` triples).

    Returns
    -------
    ClipTrace

    Raises
    ------
    ConvValueError
        ``bad_ndim`` when ``clip`` or ``kernel`` is not 3-D, or any error of ``conv3d``.

    Notes
    -----
    ``sums[t, r, c] = Σ_{a, i, j} kernel[a, i, j] · padded[t·s_d + a·d_d, r·s_h + i·d_h,
    c·s_w + j·d_w]``; output frame t reads kD padded frames.
    """
    x = np.asarray(clip)
    w = np.asarray(kernel)
    check_ndim("x", x, (3,))
    check_ndim("weight", w, (3,))
    setup = prepare_conv(
        x[None],
        w[None, None],
        spatial=3,
        stride=stride,
        padding=padding,
        dilation=dilation,
        padding_mode=padding_mode,
    )
    values = conv_windows(setup)[0, 0, 0]  # (D_out, H_out, W_out, kD, kH, kW)
    weights = setup.weight[0, 0]  # (kD, kH, kW)
    products = values * weights
    pairs = tuple(zip(setup.pads[::2], setup.pads[1::2], strict=True))
    real = np.pad(np.ones(setup.x.shape[2:], dtype=bool), pairs)  # (D_p, H_p, W_p)
    return ClipTrace(
        padded=setup.padded_input()[0, 0],
        real=real,
        kernel=weights,
        values=np.array(values),
        products=products,
        sums=products.sum(axis=(3, 4, 5)),
        stride=setup.stride,  # type: ignore[arg-type]
        dilation=setup.dilation,  # type: ignore[arg-type]
        pads=setup.pads,
    )


def frame_terms(trace: ClipTrace, cell: tuple[int, int, int]) -> list[tuple[int, str]]:
    """For each frame window ``cell`` reads: its padded index and its products with their sum.

    Returns
    -------
    list of (int, str)
        ``(padded frame z, "v·w + v·w + … = partial sum")`` for a = 0 … kD − 1; the partial
        sums add up to ``trace.sums[cell]``.
    """
    t, r, c = cell
    return [
        (
            z,
            products_text(
                trace.values[t, r, c, a].ravel(),  # (kH·kW,)
                trace.kernel[a].ravel(),  # (kH·kW,)
                float(trace.products[t, r, c, a].sum()),
            ),
        )
        for a, z in enumerate(trace.frames_read(cell))
    ]


def cell_sum_text(trace: ClipTrace, cell: tuple[int, int, int], *, max_terms: int = 9) -> str:
    """``"1·1 + 0·(-1) + … = 1"`` for output cell ``cell``, at most ``max_terms`` products."""
    t, r, c = cell
    values = trace.values[t, r, c].ravel()  # (kD·kH·kW,)
    limit = None if values.size <= max_terms else max_terms - 1
    return products_text(values, trace.kernel.ravel(), trace.sums[t, r, c], max_terms=limit)


def cell_at_step(trace: ClipTrace, step: Any) -> tuple[int, int, int]:
    """The output cell the window is on at animation step ``step`` (row-major order).

    Raises
    ------
    ConvValueError
        ``step_out_of_range`` when ``step`` is not in 0 … D_out·H_out·W_out − 1.
    """
    cells = trace.cells()
    return cells[check_step(step, len(cells) - 1)]
