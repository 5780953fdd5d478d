"""Engine results gathered for the transposed page's figures, one bundle per view.

Each function takes the input, the kernel and the hyper-parameters and returns the dataclass
its figure module draws, filled from the engine's teaching views: the stamps and running sums
of :mod:`convviz.engine.scatter_frames`, the lowered grid of :mod:`convviz.engine.lowering`
with the window trace of :mod:`convviz.engine.trace` over it, the matrix C of
:mod:`convviz.engine.matrix`. Nothing is laid out here by hand, so the three ways of
computing a transposed convolution stay the engine's and are checked against
``conv_transpose2d``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from convviz.engine.checkerboard import overlap_counts, resize_then_conv
from convviz.engine.conv import conv2d
from convviz.engine.lowering import transposed_direct
from convviz.engine.matrix import conv_matrix, conv_matrix_symbolic, symbolic_labels
from convviz.engine.scatter import prepare_scatter, scatter_add
from convviz.engine.scatter_frames import scatter_frames
from convviz.engine.sizes import conv_output_size, conv_transpose_output_size
from convviz.engine.trace import sliding_trace
from convviz.engine.transpose import conv_transpose2d
from convviz.figures.transposed.direct import DirectData
from convviz.figures.transposed.matrix import MatrixData
from convviz.figures.transposed.scatter import ScatterData

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
    """Every input cell's stamp ``x[r, c]·w`` on the uncropped canvas, and the running sums.

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
        The engine's ``scatter_frames``: ``stamps`` of shape (i·i, n, n),
        n = max((i − 1)s + d(k − 1) + 1, p + o).

    Raises
    ------
    ConvValueError
        When the setting is invalid (from the engine).
    """
    frames = scatter_frames(x, kernel, **hyper)
    geometry = frames.geometry
    return ScatterData(
        x=x,
        kernel=kernel,
        frames=frames,
        stride=geometry.stride[0],
        padding=geometry.padding[0],
        output_padding=geometry.output_padding[0],
        dilation=geometry.dilation[0],
        output_size=geometry.out_hw[0],
    )


def direct_data(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> DirectData:
    """The zero-inserted, padded grid, the flipped kernel and the stride-1 trace over it.

    Returns
    -------
    DirectData
        The engine's ``transposed_direct`` (grid, kinds, flipped kernel, ``sums`` from its
        ``conv2d``) and its ``sliding_trace`` of the grid with the flipped kernel (stride 1,
        dilation d, no padding).

    Notes
    -----
    Grid side (i − 1)s + 1 + 2b + a with b = d(k − 1) − p: b zeros before, b + a after
    (negative amounts crop). Output o = grid side − d(k − 1).
    """
    direct = transposed_direct(x, kernel, **hyper)
    trace = sliding_trace(direct.grid, direct.flipped, dilation=direct.dilation)
    return DirectData(
        grid=direct.grid,
        kinds=direct.kinds,
        source=direct.source,
        kernel=kernel,
        flipped=direct.flipped,
        trace=trace,
        sums=direct.result,
        dilation=direct.dilation[0],
        border=direct.border[0],
    )


def largest_difference(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> float:
    """Largest |difference| of scatter-add, the direct form and Cᵀ·x from ``conv_transpose2d``.

    The same three engine routes the tabs draw, without what only a figure needs (every
    animation frame, the window trace, C's symbols and dense copy): about 1 ms where the
    check tab's view takes 13–75 ms, so the page header can vouch for every setting.

    Returns
    -------
    float
        max over the three of max |result − reference| on the (o, o) output.

    Raises
    ------
    ConvValueError
        When the setting is invalid (from the engine).
    """
    reference = transpose_output(x, kernel, **hyper)  # (o, o)
    xa, geometry = prepare_scatter(x, kernel, **hyper)
    scattered = geometry.crop(scatter_add(xa, geometry))  # (o, o)
    direct = transposed_direct(x, kernel, **hyper).result  # (o, o)
    _, _, by_matrix = _through_c(x, kernel, reference.shape[0], **hyper)
    return max(float(np.abs(r - reference).max()) for r in (scattered, direct, by_matrix))


def _through_c(x: np.ndarray, kernel: np.ndarray, o: int, **hyper: int):
    """C of the forward convolution of an o×o input, x extended to its output, y = Cᵀ·x.

    Returns ``(matrix, extended, y)``: sparse (f², o²), (f, f) and (o, o).
    """
    forward = {name: hyper[name] for name in ("stride", "padding", "dilation")}
    i, k = x.shape[0], kernel.shape[0]
    matrix = conv_matrix(o, kernel, **forward)  # sparse (f², o²)
    f = conv_output_size(o, k, forward["stride"], forward["padding"], forward["dilation"])
    extended = np.zeros((f, f))  # (f, f): x, with zero rows / columns when f > i
    extended[:i, :i] = x
    return matrix, extended, (matrix.T @ extended.ravel()).reshape(o, o)


def matrix_data(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> MatrixData:
    """C of the forward convolution (o×o → i'×i'), its symbols and y = Cᵀ·x.

    Row m of C is forward window m (the engine's ``conv_matrix`` of an o×o input): tap
    (a, b) reads output-grid cell (r·s − p + a·d, c·s − p + b·d) with weight w[a, b] (taps on
    the zero padding vanish).

    Returns
    -------
    MatrixData
        ``c`` (i'², o²), ``labels`` (i'², o²), ``x`` extended to i'×i', ``y`` (o, o).
    """
    forward = {name: hyper[name] for name in ("stride", "padding", "dilation")}
    i, k = x.shape[0], kernel.shape[0]
    o = output_size(i, k, **hyper)
    matrix, extended, y = _through_c(x, kernel, o, **hyper)
    taps = conv_matrix_symbolic(o, k, **forward, max_entries=None)  # (f², o²), −1: none
    return MatrixData(
        c=matrix.toarray(),
        labels=symbolic_labels(taps, k, zero=""),
        x=extended,
        y=y,
        input_size=i,
    )


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
        (o, o) float, the engine's ``overlap_counts``, o = (n − 1)s + d(k − 1) + 1.
    resized : np.ndarray
        (n·s, n·s) the engine's ``resize_then_conv`` of the ones with an all-ones k×k kernel
        ("same" zero padding): how many inputs each output cell sums.
    """
    counts = overlap_counts(size, kernel_size, stride=stride, dilation=dilation)
    ones = np.ones((kernel_size, kernel_size))
    resized = resize_then_conv(np.ones((size, size)), ones, scale=stride)
    return counts.astype(np.float64), resized


@dataclass(frozen=True)
class RoundTrip:
    """The forward convolution run on the transposed output: conv(conv_transpose(x)).

    ``back`` is (f, f) with f = i + ⌊a / s⌋ (larger than x when a >= s); ``shown`` its
    top-left (i, i) block. ``exact`` says whether that block is x for *every* input
    (P·C·Cᵀ·Pᵀ = I, P keeping the i×i block); otherwise ``delta`` is an input cell whose unit
    impulse does not come back, with ``delta_diff`` its largest error.
    """

    x: np.ndarray  # (i, i)
    back: np.ndarray  # (f, f)
    shown: np.ndarray  # (i, i)
    diff: float  # largest |shown − x|
    exact: bool
    delta: tuple[int, int] | None
    delta_diff: float

    @property
    def same_shape(self) -> bool:
        """Whether the forward convolution gives x's shape back."""
        return self.back.shape == self.shown.shape

    @property
    def equal(self) -> bool:
        """Whether conv(conv_transpose(x)) is x (shape and values, ``np.allclose``)."""
        return self.same_shape and bool(np.allclose(self.back, self.x))


def round_trip(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> RoundTrip:
    """conv(conv_transpose(x)) with the same kernel, stride, padding and dilation.

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
    RoundTrip
        The result and whether it restores every input (from the engine's C: the i×i block
        of C·Cᵀ against the identity).
    """
    i = x.shape[0]
    forward = {name: hyper[name] for name in ("stride", "padding", "dilation")}
    y = transpose_output(x, kernel, **hyper)  # (o, o)
    back = conv2d(y[None], kernel[None, None], **forward)[0]  # (f, f)
    shown = back[:i, :i]
    matrix = conv_matrix(y.shape[0], kernel, **forward)  # sparse (f², o²)
    f = back.shape[0]
    block = (np.arange(i)[:, None] * f + np.arange(i)[None, :]).ravel()  # i×i cells in f×f
    gram = (matrix @ matrix.T).toarray()[np.ix_(block, block)]  # (i², i²) = P·C·Cᵀ·Pᵀ
    errors = np.abs(gram - np.eye(i * i)).max(axis=0)  # (i²,): per unit impulse
    worst = int(np.argmax(errors))
    exact = bool(np.allclose(gram, np.eye(i * i)))
    return RoundTrip(
        x=x,
        back=back,
        shown=shown,
        diff=float(np.max(np.abs(shown - x))),
        exact=exact,
        delta=None if exact else divmod(worst, i),
        delta_diff=0.0 if exact else float(errors[worst]),
    )
