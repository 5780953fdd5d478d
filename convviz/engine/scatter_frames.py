"""The scatter-add animation: the running sum of a transposed convolution after each stamp.

Input cells stamp ``x[r, c] · w`` in row-major order; frame t (0 … H·W) is the (H_c, W_c)
uncropped canvas holding the first t stamps, and the (H_out, W_out) output cropped from it.
:func:`scatter_frame` builds one frame (a pure function of the arguments and the step, so any
step can be drawn on its own); :func:`scatter_frames` builds every frame at once for a small
input, at most :data:`MAX_FRAME_ENTRIES` values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.params import check_step
from convviz.engine.scatter import ScatterGeometry, prepare_scatter, scatter_add, tap_offsets

# Largest animation scatter_frames builds: (H·W + 1) · H_canvas · W_canvas values.
MAX_FRAME_ENTRIES = 2_000_000


@dataclass(frozen=True)
class ScatterFrame:
    """The running sum after ``step`` stamps (row-major order).

    Attributes
    ----------
    step : int
        0 … H·W; frame 0 is the empty canvas, frame H·W the finished output.
    cell : tuple of int or None
        Input ``(r, c)`` of the stamp added at this step (the ``step``-th cell in row-major
        order), None at step 0.
    canvas : numpy.ndarray, shape (H_c, W_c)
        Sum of the first ``step`` stamps, uncropped.
    touched : numpy.ndarray of bool, shape (H_c, W_c)
        Canvas cells under a tap of this step's stamp (none at step 0).
    output : numpy.ndarray, shape (H_out, W_out)
        ``canvas`` cropped by the padding.
    """

    step: int
    cell: tuple[int, int] | None
    canvas: np.ndarray
    touched: np.ndarray
    output: np.ndarray


@dataclass(frozen=True)
class ScatterFrames:
    """Every frame of the scatter-add animation, as stacked arrays.

    Attributes
    ----------
    geometry : ScatterGeometry
    cells : numpy.ndarray of int, shape (H·W, 2)
        Input ``(r, c)`` stamped at step t + 1 (row-major order).
    canvas : numpy.ndarray, shape (H·W + 1, H_c, W_c)
        ``canvas[t]`` = sum of the first t stamps, uncropped; ``canvas[0]`` is all zeros.
    touched : numpy.ndarray of bool, shape (H·W + 1, H_c, W_c)
        Canvas cells under the taps of step t's stamp; ``touched[0]`` is all False.
    stamps : numpy.ndarray, shape (H·W, H_c, W_c), optional
        ``stamps[t]`` = the stamp added at step t + 1 alone on the canvas (each input
        cell's contribution), so ``canvas[t] = stamps[:t].sum(axis=0)``; ``None`` only when
        built without them.
    """

    geometry: ScatterGeometry
    cells: np.ndarray
    canvas: np.ndarray
    touched: np.ndarray
    stamps: np.ndarray | None = None

    @property
    def output(self) -> np.ndarray:
        """(H·W + 1, H_out, W_out): every frame cropped by the padding (a view)."""
        return self.geometry.crop(self.canvas)

    @property
    def touched_output(self) -> np.ndarray:
        """(H·W + 1, H_out, W_out) bool: ``touched`` inside the output (a view)."""
        return self.geometry.crop(self.touched)


def scatter_frame(
    x: Any,
    kernel: Any,
    *,
    step: Any,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
) -> ScatterFrame:
    """The scatter-add animation's frame ``step``: the running sum after ``step`` stamps.

    Parameters
    ----------
    x : array_like, shape (H, W)
    kernel : array_like, shape (kH, kW)
    step : int
        0 <= step <= H·W. Stamps are added in row-major order of the input cells.
    stride, padding, output_padding, dilation : int or pair of ints
        As in ``conv_transpose2d``.

    Returns
    -------
    ScatterFrame
        ``canvas`` (H_c, W_c), ``touched`` (H_c, W_c), ``output`` (H_out, W_out).

    Raises
    ------
    ConvValueError
        ``step_out_of_range``, or any error of ``conv_transpose2d``.

    Notes
    -----
    Frame t is the transposed convolution of x with all but its first t cells (row-major)
    set to 0, so it needs no earlier frame: any step of any size can be drawn on its own.
    """
    xa, geometry = prepare_scatter(
        x,
        kernel,
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
    )
    t = check_step(step, geometry.steps)
    first = (np.arange(geometry.steps) < t).reshape(geometry.input_hw)  # (H, W)
    canvas = scatter_add(np.where(first, xa, 0).astype(xa.dtype), geometry)
    touched = np.zeros(geometry.canvas_hw, dtype=bool)
    cell = None
    if t > 0:
        r, c = divmod(t - 1, geometry.input_hw[1])
        cell = (r, c)
        rows, cols, _ = tap_offsets(geometry)
        touched[rows + r * geometry.stride[0], cols + c * geometry.stride[1]] = True
    return ScatterFrame(
        step=t, cell=cell, canvas=canvas, touched=touched, output=geometry.crop(canvas).copy()
    )


def scatter_frames(
    x: Any,
    kernel: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
) -> ScatterFrames:
    """Every frame of the scatter-add animation at once (for a small input).

    Parameters
    ----------
    x : array_like, shape (H, W)
    kernel : array_like, shape (kH, kW)
    stride, padding, output_padding, dilation : int or pair of ints
        As in ``conv_transpose2d``.

    Returns
    -------
    ScatterFrames
        ``canvas`` and ``touched`` of shape (H·W + 1, H_c, W_c): frame 0 is empty, frame t
        adds the stamp of the t-th input cell in row-major order, frame H·W is the finished
        (uncropped) result. ``.output`` crops every frame; ``stamps`` (H·W, H_c, W_c) holds
        each stamp on its own.

    Raises
    ------
    ConvValueError
        ``scatter_frames_too_large`` when (H·W + 1)·H_c·W_c exceeds
        :data:`MAX_FRAME_ENTRIES` (2,000,000; use :func:`scatter_frame` one step at a
        time instead), or any error of ``conv_transpose2d``.

    Notes
    -----
    ``canvas[t] == scatter_frame(..., step=t).canvas`` for every t; the frames are built
    in one pass (a cumulative sum over the stamps). The stamps take as much memory again as
    the frames, so at most about 2·:data:`MAX_FRAME_ENTRIES` values are held.
    """
    xa, geometry = prepare_scatter(
        x,
        kernel,
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
    )
    n = geometry.steps
    hc, wc = geometry.canvas_hw
    entries = (n + 1) * hc * wc
    if entries > MAX_FRAME_ENTRIES:
        raise ConvValueError(
            "scatter_frames_too_large",
            f"the scatter-add animation would hold {entries:,} values ({n + 1} frames of "
            f"{hc}×{wc}); at most {MAX_FRAME_ENTRIES:,} are built at once. Use a smaller "
            f"input, or draw one frame at a time",
            frames=n + 1,
            height=hc,
            width=wc,
            entries=entries,
            limit=MAX_FRAME_ENTRIES,
        )
    (_, w), (sh, sw) = geometry.input_hw, geometry.stride
    rows, cols, weights = tap_offsets(geometry)  # (T,) each
    cell = np.arange(n)  # (N,)
    canvas_r = (cell // w * sh)[:, None] + rows[None, :]  # (N, T)
    canvas_c = (cell % w * sw)[:, None] + cols[None, :]  # (N, T)
    stamps = np.zeros((n, hc, wc), dtype=xa.dtype)  # (N, H_c, W_c): one canvas per stamp
    touched = np.zeros((n + 1, hc, wc), dtype=bool)
    step = np.broadcast_to(cell[:, None], canvas_r.shape)  # (N, T): stamp of each tap
    stamps[step, canvas_r, canvas_c] = xa.reshape(n, 1) * weights[None, :]  # taps never collide
    touched[step + 1, canvas_r, canvas_c] = True
    frames = np.zeros((n + 1, hc, wc), dtype=xa.dtype)  # (N + 1, H_c, W_c)
    np.cumsum(stamps, axis=0, out=frames[1:])
    return ScatterFrames(
        geometry=geometry,
        cells=np.stack(np.divmod(cell, w), axis=-1),  # (N, 2)
        canvas=frames,
        touched=touched,
        stamps=stamps,
    )
