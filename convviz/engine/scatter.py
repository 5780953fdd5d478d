"""The transposed convolution as a scatter-add: every input value stamps value × kernel.

Input cell (r, c) stamps ``x[r, c] · w`` (taps ``dilation`` apart) onto an uncropped canvas
with its top-left tap at (r·s, c·s); the stamps overlap where the kernel is longer than the
stride, and the overlaps add up. ``padding`` then cuts p rows / columns from every side of the
canvas, and ``output_padding`` keeps a more at the bottom / right. The sum of all stamps,
cropped, is ``conv_transpose2d``.

Views for a page: one cell's stamp (:func:`cell_stamp`), all stamps at once
(:func:`scatter_stamps`), and the animation — the running sum after each stamp, in row-major
order (:func:`scatter_frames` for every frame, :func:`scatter_frame` for one; frames are pure
functions of the arguments and the step).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.cells import CellKind
from convviz.engine.errors import ConvValueError
from convviz.engine.lowering import DilatedKernel, dilate_kernel
from convviz.engine.params import check_ndim
from convviz.engine.trace import check_cell, check_step
from convviz.engine.transpose import ConvTranspose2dSetup, prepare_conv_transpose2d

# Largest animation scatter_frames builds: (H·W + 1) · H_canvas · W_canvas values.
MAX_FRAME_ENTRIES = 2_000_000


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


def _setup(
    x: Any, kernel: Any, *, stride: Any, padding: Any, output_padding: Any, dilation: Any
) -> tuple[np.ndarray, ScatterGeometry]:
    """Checked 2-D input (its result dtype) and the stamps' geometry."""
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


def _tap_offsets(geometry: ScatterGeometry) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row offsets, column offsets (each (T,)) and weights (T,) of the T = kH·kW taps."""
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
    xa, geometry = _setup(
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
    xa, geometry = _setup(
        x,
        kernel,
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
    )
    canvas = _scatter(xa, geometry)
    stamps = xa[:, :, None, None] * geometry.kernel.kernel  # (H, W, k̂H, k̂W)
    return ScatterStamps(
        geometry=geometry, stamps=stamps, canvas=canvas, output=geometry.crop(canvas).copy()
    )


def _scatter(xa: np.ndarray, geometry: ScatterGeometry) -> np.ndarray:
    """(H_c, W_c) canvas: every stamp of ``xa`` (H, W) added, one strided slice per tap."""
    (h, w), (sh, sw) = geometry.input_hw, geometry.stride
    canvas = np.zeros(geometry.canvas_hw, dtype=xa.dtype)
    for row, col, weight in zip(*_tap_offsets(geometry), strict=True):
        canvas[row : row + (h - 1) * sh + 1 : sh, col : col + (w - 1) * sw + 1 : sw] += xa * weight
    return canvas


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
    xa, geometry = _setup(
        x,
        kernel,
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
    )
    t = check_step(step, geometry.steps)
    first = (np.arange(geometry.steps) < t).reshape(geometry.input_hw)  # (H, W)
    canvas = _scatter(np.where(first, xa, 0).astype(xa.dtype), geometry)
    touched = np.zeros(geometry.canvas_hw, dtype=bool)
    cell = None
    if t > 0:
        r, c = divmod(t - 1, geometry.input_hw[1])
        cell = (r, c)
        rows, cols, _ = _tap_offsets(geometry)
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
    xa, geometry = _setup(
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
    rows, cols, weights = _tap_offsets(geometry)  # (T,) each
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
