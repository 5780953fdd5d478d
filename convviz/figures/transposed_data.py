"""Engine results gathered for the transposed page's figures, one bundle per view.

Each function takes the input, the kernel and the hyper-parameters and returns the dataclass
its figure module draws. The numbers come from the engine's ops (``conv2d``,
``conv_transpose2d``); what is assembled here is only the lay-out of the teaching views —
where each stamp lands, which grid cell is an inserted zero — so that the three ways of
computing a transposed convolution stay independent of each other and can be checked
against ``conv_transpose2d``.
"""

from __future__ import annotations

import numpy as np

from convviz.engine.conv import conv2d
from convviz.engine.sizes import conv_output_size, conv_transpose_output_size
from convviz.engine.transpose import conv_transpose2d
from convviz.figures.transposed import span, weight_name
from convviz.figures.transposed_direct import DirectData, direct_kinds
from convviz.figures.transposed_matrix import MatrixData
from convviz.figures.transposed_scatter import ScatterData

HYPER = ("stride", "padding", "output_padding", "dilation")  # keyword names, in this order


def transpose_output(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> np.ndarray:
    """(o, o) engine output ``conv_transpose2d`` for one channel."""
    return conv_transpose2d(x[None], kernel[None, None], **hyper)[0]  # (1, o, o) -> (o, o)


def output_size(input_size: int, kernel_size: int, **hyper: int) -> int:
    """o from the engine (raises ``ConvValueError`` for an invalid setting)."""
    return conv_transpose_output_size(
        input_size,
        kernel_size,
        hyper["stride"],
        hyper["padding"],
        hyper["output_padding"],
        hyper["dilation"],
    )


def scatter_data(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> ScatterData:
    """Every input cell's stamp ``x[r, c]·w`` on the uncropped canvas.

    Parameters
    ----------
    x : np.ndarray
        (i, i) input.
    kernel : np.ndarray
        (k, k) weights.
    **hyper
        ``stride``, ``padding``, ``output_padding``, ``dilation``.

    Returns
    -------
    ScatterData
        ``stamps`` of shape (i·i, n, n), n = max((i − 1)s + d(k − 1) + 1, p + o).

    Raises
    ------
    ConvValueError
        When the setting is invalid (from the engine's size formula).
    """
    s, p, a, d = (hyper[name] for name in ("stride", "padding", "output_padding", "dilation"))
    i, k = x.shape[0], kernel.shape[0]
    o = output_size(x.shape[0], kernel.shape[0], **hyper)
    reach = span(k, d)
    n = max((i - 1) * s + reach, p + o)
    stamps = np.zeros((i * i, n, n))  # (i·i, n, n): one canvas per input cell
    for index, ((r, c), value) in enumerate(np.ndenumerate(x)):
        stamps[index, r * s : r * s + reach : d, c * s : c * s + reach : d] = value * kernel
    return ScatterData(
        x=x,
        kernel=kernel,
        stamps=stamps,
        stride=s,
        padding=p,
        output_padding=a,
        dilation=d,
        output_size=o,
    )


def direct_data(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> DirectData:
    """The zero-inserted, padded grid, the flipped kernel and the stride-1 trace over it.

    Returns
    -------
    DirectData
        ``sums`` from the engine's ``conv2d`` of the grid with the flipped kernel (stride 1,
        dilation d, no padding).

    Notes
    -----
    Grid side (i − 1)s + 1 + 2b + a with b = d(k − 1) − p: b zeros before, b + a after
    (negative amounts crop). Output o = grid side − d(k − 1).
    """
    s, p, a, d = (hyper[name] for name in ("stride", "padding", "output_padding", "dilation"))
    i, k = x.shape[0], kernel.shape[0]
    o = output_size(x.shape[0], kernel.shape[0], **hyper)
    b = d * (k - 1) - p
    kinds, source = direct_kinds(i, stride=s, border=b, output_padding=a)
    real = kinds == 0
    grid = np.zeros(kinds.shape)  # (n, n)
    grid[real] = x[source[real][:, 0], source[real][:, 1]]
    flipped = kernel[::-1, ::-1]  # (k, k), rotated by 180°
    taps = np.arange(k) * d
    rows = np.arange(o)[:, None, None, None] + taps[None, None, :, None]  # (o, 1, k, 1)
    cols = np.arange(o)[None, :, None, None] + taps[None, None, None, :]  # (1, o, 1, k)
    rows, cols = np.broadcast_arrays(rows, cols)  # (o, o, k, k) each
    values = grid[rows, cols]
    sums = conv2d(grid[None], flipped[None, None], dilation=d)[0]  # (1, o, o) -> (o, o)
    return DirectData(
        grid=grid,
        kinds=kinds,
        source=source,
        kernel=kernel,
        flipped=flipped,
        rows=np.ascontiguousarray(rows),
        cols=np.ascontiguousarray(cols),
        values=values,
        products=values * flipped,
        sums=sums,
        dilation=d,
        border=b,
    )


def matrix_data(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> MatrixData:
    """C of the forward convolution (o×o → i'×i'), its symbols and y = Cᵀ·x.

    Row m of C is forward window m: tap (a, b) reads output-grid cell
    (r·s − p + a·d, c·s − p + b·d) with weight w[a, b] (taps on the zero padding vanish).

    Returns
    -------
    MatrixData
        ``c`` (i'², o²), ``labels`` (i'², o²), ``x`` extended to i'×i', ``y`` (o, o).
    """
    s, p, d = hyper["stride"], hyper["padding"], hyper["dilation"]
    i, k = x.shape[0], kernel.shape[0]
    o = output_size(x.shape[0], kernel.shape[0], **hyper)
    f = conv_output_size(o, k, s, p, d)
    r, c, a, b = np.meshgrid(*(np.arange(n) for n in (f, f, k, k)), indexing="ij")
    rows, cols = r * s - p + a * d, c * s - p + b * d  # (f, f, k, k): cell each tap reads
    inside = (rows >= 0) & (rows < o) & (cols >= 0) & (cols < o)
    window = (r * f + c)[inside]
    column = (rows * o + cols)[inside]
    tap = (a * k + b)[inside]
    matrix = np.zeros((f * f, o * o))  # (f², o²)
    matrix[window, column] = kernel.ravel()[tap]
    names = np.array([weight_name(a_, b_) for a_ in range(k) for b_ in range(k)], dtype=object)
    labels = np.full((f * f, o * o), "", dtype=object)
    labels[window, column] = names[tap]
    extended = np.zeros((f, f))  # (f, f): x, with zero rows / columns when f > i
    extended[:i, :i] = x
    y = (matrix.T @ extended.ravel()).reshape(o, o)
    return MatrixData(c=matrix, labels=labels, x=extended, y=y, input_size=i)


def checkerboard_counts(
    size: int, kernel_size: int, *, stride: int, dilation: int
) -> tuple[np.ndarray, np.ndarray]:
    """Stamps per cell, and resize-then-convolve, for an all-ones input and kernel.

    Parameters
    ----------
    size : int
        Side n of the all-ones input.
    kernel_size, stride, dilation : int

    Returns
    -------
    counts : np.ndarray
        (o, o) ``conv_transpose2d`` of ones with ones, o = (n − 1)s + d(k − 1) + 1.
    resized : np.ndarray
        (n·s, n·s) nearest-neighbour resize by s, then an all-ones k×k convolution at stride 1
        with "same" zero padding: how many inputs each output cell sums.
    """
    ones = np.ones((1, size, size))
    weight = np.ones((1, 1, kernel_size, kernel_size))
    counts = conv_transpose2d(ones, weight, stride=stride, dilation=dilation)[0]
    big = np.ones((1, size * stride, size * stride))  # nearest resize of ones is ones
    resized = conv2d(big, weight, padding="same")[0]
    return counts, resized
