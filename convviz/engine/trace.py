"""Sliding-window trace of a standard convolution: what each output cell reads and sums.

For every output cell (oi, oj) and kernel tap (ki, kj): the padded-input cell under the tap,
its value, the weight, their product; and per output cell the sum — all as arrays of shape
(H_out, W_out, kH, kW), built at once. :func:`format_cell` writes one cell out as
``"1·0 + 2·1 + … = 7"``; :func:`window_frame` says which cells the window covers at an
animation step (a pure function of the arguments and the step); :func:`unreached_rows_cols`
lists the rows / columns the floor in the output-size formula leaves unvisited.

Single channel: ``x`` is (H, W) and ``kernel`` (kH, kW). Arguments are checked exactly as
``conv2d`` checks them (same errors, same ``"same"`` / ``"valid"`` padding).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.conv import Conv2dSetup, prepare_conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.lowering import flip_kernel
from convviz.engine.padding import padding_source_index
from convviz.engine.params import (
    check_int,
    check_ndim,
    check_positive,
    non_negative_pair,
    positive_pair,
)
from convviz.engine.sizes import floor_remainder, unreached_indices


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
    >>> format_cell(tr, (0, 1))
    '2·1 + 3·0 + 5·0 + 6·(-1) = -4'
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
) -> Conv2dSetup:
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


def format_number(value: float, *, decimals: int = 2) -> str:
    """A number as a learner reads it: ``3`` for integral values, else ≤ ``decimals`` places.

    Trailing zeros are dropped (``0.5``, not ``0.50``) and ``-0`` is written ``0``.

    Examples
    --------
    >>> format_number(7.0), format_number(-0.125, decimals=2), format_number(1 / 3)
    ('7', '-0.12', '0.33')
    """
    number = float(value)
    if not np.isfinite(number):
        return str(number)
    if number.is_integer():
        return str(int(number))
    text = f"{number:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_cell(
    trace: WindowTrace,
    cell: Any,
    *,
    max_terms: Any = None,
    decimals: int = 2,
    nonzero_only: bool = False,
) -> str:
    """One output cell's multiply-add as plain text: ``"1·0 + 2·1 + … = 7"``.

    Parameters
    ----------
    trace : WindowTrace
    cell : pair of ints
        Output ``(oi, oj)``.
    max_terms : int, optional
        Write at most this many products (>= 1), in tap order, then ``…``; the sum is always
        the full sum.
    decimals : int
        Places for non-integral numbers (trailing zeros dropped).
    nonzero_only : bool
        Leave out the products whose value is 0 (they add nothing: most taps of a
        zero-inserted grid); ``"0"`` stands for the terms when none is left. ``max_terms``
        then counts the products that are written.

    Returns
    -------
    str
        Terms ``value·weight`` in row-major tap order, negative factors in parentheses.

    Raises
    ------
    ConvValueError
        ``cell_out_of_range`` or a bad ``max_terms``.

    Examples
    --------
    >>> tr = sliding_trace([[1, 2], [3, 4]], [[0.5, 1], [1, 1]])
    >>> format_cell(tr, (0, 0), max_terms=2)
    '1·0.5 + 2·1 + … = 9.5'
    >>> format_cell(sliding_trace([[0, 2], [0, 0]], [[1, 3], [5, 7]]), (0, 0), nonzero_only=True)
    '2·3 = 6'
    """
    oi, oj = check_cell(cell, trace.out_hw)
    values = trace.values[oi, oj].ravel()  # (kH·kW,)
    weights = trace.kernel.ravel()  # (kH·kW,)
    if nonzero_only:
        kept = values != 0
        values, weights = values[kept], weights[kept]
    limit = len(values) if max_terms is None else check_positive("max_terms", max_terms)
    terms = [
        f"{_factor(v, decimals)}·{_factor(w, decimals)}"
        for v, w in zip(values[:limit], weights[:limit], strict=True)
    ]
    if limit < len(values):
        terms.append("…")
    total = format_number(trace.sums[oi, oj], decimals=decimals)
    return f"{' + '.join(terms or ['0'])} = {total}"


def _factor(value: float, decimals: int) -> str:
    """A factor of a product: negative numbers in parentheses."""
    text = format_number(value, decimals=decimals)
    return f"({text})" if text.startswith("-") else text


@dataclass(frozen=True)
class Unreached:
    """Rows and columns no window visits because the output size is floored.

    Attributes
    ----------
    remainder : tuple of int
        ``(r_h, r_w)``, r = (i + 2p − k̂) mod s: how many trailing padded rows / columns
        are dropped.
    padded_rows, padded_cols : tuple of int
        Their indices in the padded input (0 … i + 2p − 1).
    input_rows, input_cols : tuple of int
        The ones that are input rows / columns (padded index − p, inside 0 … i − 1); the
        rest are padding.
    """

    remainder: tuple[int, int]
    padded_rows: tuple[int, ...]
    padded_cols: tuple[int, ...]
    input_rows: tuple[int, ...]
    input_cols: tuple[int, ...]

    @property
    def any(self) -> bool:
        """Whether some input row or column is never visited."""
        return bool(self.input_rows or self.input_cols)


def unreached_rows_cols(
    input_shape: Any,
    kernel_shape: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
) -> Unreached:
    """The rows / columns the floor in the output-size formula leaves unvisited.

    Parameters
    ----------
    input_shape, kernel_shape : int or pair of ints
        ``(H, W)`` and ``(kH, kW)``.
    stride, dilation : int or pair of ints
    padding : int or pair of ints
        Per side (>= 0).

    Returns
    -------
    Unreached

    Raises
    ------
    ConvValueError
        ``kernel_too_large`` or a bad argument (from the size formula).

    Notes
    -----
    o = ⌊(i + 2p − k̂) / s⌋ + 1 windows cover padded rows 0 … (o − 1)s + k̂ − 1; the last
    (i + 2p − k̂) mod s rows are never under a window.

    Examples
    --------
    >>> unreached_rows_cols(7, 3, stride=3).input_rows
    (6,)
    """
    (h, w), (kh, kw) = positive_pair(input_shape, "input_size"), pair_kernel(kernel_shape)
    s, p, d = (
        positive_pair(stride, "stride"),
        non_negative_pair(padding, "padding"),
        positive_pair(dilation, "dilation"),
    )
    axes = [
        (size, k, s_i, p_i, d_i)
        for size, k, s_i, p_i, d_i in zip((h, w), (kh, kw), s, p, d, strict=True)
    ]
    padded = [tuple(unreached_indices(*axis)) for axis in axes]
    inside = [
        tuple(i - axis[3] for i in idx if 0 <= i - axis[3] < axis[0])
        for idx, axis in zip(padded, axes, strict=True)
    ]
    return Unreached(
        remainder=tuple(floor_remainder(*axis) for axis in axes),
        padded_rows=padded[0],
        padded_cols=padded[1],
        input_rows=inside[0],
        input_cols=inside[1],
    )


def pair_kernel(kernel_shape: Any) -> tuple[int, int]:
    """``kernel_shape`` (int or pair) as ``(kH, kW)``, each >= 1."""
    return positive_pair(kernel_shape, "kernel_size")


@dataclass(frozen=True)
class WindowFrame:
    """Where the window is at one step of the sliding-window animation.

    Attributes
    ----------
    step : int
        0 … steps − 1; step t computes output cell ``divmod(t, W_out)``.
    steps : int
        H_out·W_out.
    cell : tuple of int
        Output ``(oi, oj)`` computed at this step.
    taps : numpy.ndarray of int, shape (kH·kW, 2)
        Padded-input ``(row, col)`` under each tap, in tap order.
    covered : numpy.ndarray of bool, shape (H_p, W_p)
        The cells under a tap (gaps of a dilated window are not covered).
    box : tuple of int
        ``(top, left, bottom, right)`` of the window's span on the padded grid, bottom and
        right exclusive (k̂ = d(k − 1) + 1 cells per axis).
    done : numpy.ndarray of bool, shape (H_out, W_out)
        Output cells computed up to and including this step.
    """

    step: int
    steps: int
    cell: tuple[int, int]
    taps: np.ndarray
    covered: np.ndarray
    box: tuple[int, int, int, int]
    done: np.ndarray


def window_frame(
    input_shape: Any,
    kernel_shape: Any,
    *,
    step: Any,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
) -> WindowFrame:
    """The sliding window at animation step ``step`` (row-major over the output cells).

    Parameters
    ----------
    input_shape, kernel_shape : int or pair of ints
        ``(H, W)`` and ``(kH, kW)``.
    step : int
        0 <= step < H_out·W_out.
    stride, dilation : int or pair of ints
    padding : int, pair of ints, "valid" or "same"
        As in ``conv2d``.

    Returns
    -------
    WindowFrame

    Raises
    ------
    ConvValueError
        ``step_out_of_range``, or any error of ``conv2d`` for the sizes.

    Examples
    --------
    >>> fr = window_frame(4, 3, step=3, stride=1)
    >>> fr.cell, fr.box
    ((1, 1), (1, 1, 4, 4))
    """
    (h, w), (kh, kw) = positive_pair(input_shape, "input_size"), pair_kernel(kernel_shape)
    setup = prepare_conv2d(
        np.zeros((1, h, w)),  # (1, H, W): only the sizes matter
        np.zeros((1, 1, kh, kw)),
        stride=stride,
        padding=padding,
        dilation=dilation,
    )
    (oh, ow), (sh, sw), (dh, dw) = setup.out_hw, setup.stride, setup.dilation
    steps = oh * ow
    t = check_step(step, steps - 1)
    oi, oj = divmod(t, ow)
    top, bottom, left, right = setup.pads
    rows = oi * sh + np.arange(kh) * dh  # (kH,)
    cols = oj * sw + np.arange(kw) * dw  # (kW,)
    covered = np.zeros((h + top + bottom, w + left + right), dtype=bool)
    covered[np.ix_(rows, cols)] = True
    taps = np.stack(np.meshgrid(rows, cols, indexing="ij"), axis=-1).reshape(-1, 2)  # (kH·kW, 2)
    return WindowFrame(
        step=t,
        steps=steps,
        cell=(oi, oj),
        taps=taps,
        covered=covered,
        box=(oi * sh, oj * sw, oi * sh + dh * (kh - 1) + 1, oj * sw + dw * (kw - 1) + 1),
        done=(np.arange(steps) <= t).reshape(oh, ow),
    )


def check_cell(cell: Any, shape: tuple[int, int]) -> tuple[int, int]:
    """``cell`` as ``(row, col)`` inside a grid of ``shape``.

    Raises
    ------
    ConvValueError
        ``not_pair`` / ``not_integer`` for a malformed cell, ``cell_out_of_range`` (with the
        nearest cell inside as suggestion) for one outside the grid.
    """
    if isinstance(cell, np.ndarray):
        cell = cell.tolist()
    if not isinstance(cell, tuple | list) or len(cell) != 2:
        raise ConvValueError(
            "not_pair",
            f"cell={cell!r} must be a pair (row, col) of ints",
            name="cell",
            value=repr(cell),
            length=len(cell) if isinstance(cell, tuple | list) else 1,
        )
    r, c = check_int("cell", cell[0]), check_int("cell", cell[1])
    h, w = shape
    if not (0 <= r < h and 0 <= c < w):
        raise ConvValueError(
            "cell_out_of_range",
            f"cell (row={r}, col={c}) is outside the {h}×{w} grid: rows go from 0 to {h - 1}, "
            f"columns from 0 to {w - 1}",
            suggestion={"cell": (min(max(r, 0), h - 1), min(max(c, 0), w - 1))},
            row=r,
            col=c,
            height=h,
            width=w,
        )
    return r, c


def check_step(step: Any, last: int) -> int:
    """``step`` as an int in 0 … ``last``.

    Raises
    ------
    ConvValueError
        ``not_integer``, or ``step_out_of_range`` (suggesting the nearest valid step).
    """
    t = check_int("step", step)
    if not 0 <= t <= last:
        raise ConvValueError(
            "step_out_of_range",
            f"step={t} is not an animation step: they go from 0 to {last}",
            suggestion={"step": min(max(t, 0), last)},
            step=t,
            last=last,
        )
    return t
