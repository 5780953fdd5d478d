"""Engine calls of the standard page: the sidebar's setting turned into the engine's trace,
pads, outputs, unvisited rows and the matrix C.

The page describes a setting with plain keywords (hashable, so views can be cached):
``input_size``, ``input_size_w``, ``kernel_size``, ``kernel_size_w``, ``stride``, ``stride_w``,
``padding``, ``padding_w`` (height / width), ``padding_rule`` (how the border is chosen),
``padding_mode`` (what fills it) and ``flip`` (true convolution instead of cross-correlation).
Every number shown comes from :mod:`convviz.engine`; nothing here convolves by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse

from convviz.engine.conv import conv2d
from convviz.engine.lowering import flip_kernel
from convviz.engine.matrix import MAX_SYMBOLIC_ENTRIES, conv_matrix, conv_matrix_symbolic
from convviz.engine.padding import pad2d, padding_source_index
from convviz.engine.sizes import tf_same_padding, torch_same_padding
from convviz.engine.trace import WindowTrace, sliding_trace
from convviz.engine.unreached import unreached_rows_cols
from convviz.inputs import make_values

# How the border is chosen: the sliders (per side), none, PyTorch's "same", TensorFlow's "SAME".
PADDING_RULES = ("explicit", "valid", "same_torch", "same_tf")
KERNEL_FILLS = ("arange", "ones", "signs")
SIZE_KEYS = ("input_size", "kernel_size", "stride", "padding")


@dataclass(frozen=True)
class Setting:
    """One standard convolution as the page describes it (every pair is ``(h, w)``)."""

    input_hw: tuple[int, int]
    kernel_hw: tuple[int, int]
    stride: tuple[int, int]
    padding: tuple[int, int]  # the sliders, used by the "explicit" rule
    rule: str = "explicit"
    mode: str = "zeros"
    flip: bool = False

    @property
    def tf_pads(self) -> tuple[int, int, int, int]:
        """TensorFlow's "SAME" pads ``(top, bottom, left, right)`` (odd extra after)."""
        (_, top, bottom), (_, left, right) = (
            tf_same_padding(i, k, s)
            for i, k, s in zip(self.input_hw, self.kernel_hw, self.stride, strict=True)
        )
        return top, bottom, left, right

    @property
    def torch_pads(self) -> tuple[int, int, int, int]:
        """PyTorch's "same" pads ``(top, bottom, left, right)`` (defined for stride 1)."""
        (top, bottom), (left, right) = (torch_same_padding(k) for k in self.kernel_hw)
        return top, bottom, left, right

    def engine_padding(self) -> int | tuple[int, int] | str | None:
        """``padding`` as ``conv2d`` takes it; None for TensorFlow's rule (pre-padded input)."""
        return {
            "explicit": self.padding,
            "valid": "valid",
            "same_torch": "same",
            "same_tf": None,
        }[self.rule]


def shown_pads(setting: Setting) -> tuple[tuple[int, int, int, int], bool]:
    """The border the padding section draws ``(top, bottom, left, right)``, and whether it
    was widened to 1 (the setting pads nothing, so the modes would all look alike)."""
    pads = setting.padding[:1] * 2 + setting.padding[1:] * 2  # the sliders
    if setting.rule == "same_torch" and setting.stride == (1, 1):
        pads = setting.torch_pads
    elif setting.rule == "same_tf":
        pads = setting.tf_pads
    if any(pads):
        return pads, False
    return (1, 1, 1, 1), True


def same_rule_setting(setting: Setting, rule: str) -> Setting:
    """``setting`` under a "same" rule (``"same_torch"`` or ``"same_tf"``), not flipped."""
    return replace(setting, rule=rule, flip=False)


def setting_from(
    *,
    input_size: int,
    input_size_w: int,
    kernel_size: int,
    kernel_size_w: int,
    stride: int,
    stride_w: int,
    padding: int,
    padding_w: int,
    padding_rule: str = "explicit",
    padding_mode: str = "zeros",
    flip: bool = False,
) -> Setting:
    """The :class:`Setting` of the page's keywords."""
    return Setting(
        (input_size, input_size_w),
        (kernel_size, kernel_size_w),
        (stride, stride_w),
        (padding, padding_w),
        padding_rule,
        padding_mode,
        bool(flip),
    )


def kernel_values(fill: str, kernel_hw: tuple[int, int]) -> np.ndarray:
    """The page's kernel: 1, 2, 3, … row by row (no symmetry), all ones, or ±1 chequered.

    Returns
    -------
    np.ndarray
        float64, shape (kH, kW).
    """
    if fill == "signs":
        rows, cols = np.indices(kernel_hw)  # (kH, kW) each
        return np.where((rows + cols) % 2 == 0, 1.0, -1.0)
    return make_values("ones" if fill == "ones" else "arange", tuple(kernel_hw))


def window_trace(x: np.ndarray, kernel: np.ndarray, setting: Setting) -> WindowTrace:
    """The engine's sliding-window trace for ``setting`` (kernel rotated when ``flip``).

    TensorFlow's "SAME" pads unevenly, which ``conv2d`` (PyTorch's semantics) cannot express:
    the input is padded first with the engine's ``pad2d`` and the trace is told its pads and
    source cells.

    Raises
    ------
    ConvValueError
        Any error of ``conv2d`` (kernel larger than the padded input, reflect padding too
        wide, "same" with stride > 1, …).
    """
    if setting.rule != "same_tf":
        return sliding_trace(
            x,
            kernel,
            stride=setting.stride,
            padding=setting.engine_padding(),
            padding_mode=setting.mode,
            flip=setting.flip,
        )
    pads = setting.tf_pads
    padded = pad2d(x, pads, setting.mode)  # (H + top + bottom, W + left + right)
    trace = sliding_trace(padded, kernel, stride=setting.stride, padding=0, flip=setting.flip)
    return replace(
        trace,
        source=padding_source_index(x.shape, pads, setting.mode),
        pads=pads,
        padding_mode=setting.mode,
    )


def conv_output(x: np.ndarray, kernel: np.ndarray, setting: Setting) -> np.ndarray:
    """``conv2d`` of one channel for ``setting`` (flipped kernel when ``flip``); (H_out, W_out)."""
    weight = flip_kernel(kernel) if setting.flip else kernel
    if setting.rule == "same_tf":
        x, padding = pad2d(x, setting.tf_pads, setting.mode), 0
    else:
        padding = setting.engine_padding()
    return conv2d(
        x[None],  # (1, H, W)
        weight[None, None],  # (1, 1, kH, kW)
        stride=setting.stride,
        padding=padding,
        padding_mode=setting.mode,
    )[0]


def flip_outputs(
    x: np.ndarray, kernel: np.ndarray, setting: Setting
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cross-correlation, true convolution and their difference, each (H_out, W_out)."""
    correlation = conv_output(x, kernel, replace(setting, flip=False))
    convolution = conv_output(x, kernel, replace(setting, flip=True))
    return correlation, convolution, correlation - convolution


@dataclass(frozen=True)
class Leftover:
    """Padded rows / columns after the last window (the floor drops them), per axis.

    ``padded_rows`` / ``padded_cols`` index the padded grid; ``input_rows`` / ``input_cols``
    are the ones that are input rows / columns (in input coordinates).
    """

    padded_rows: tuple[int, ...]
    padded_cols: tuple[int, ...]
    input_rows: tuple[int, ...]
    input_cols: tuple[int, ...]


def leftover(trace: WindowTrace, setting: Setting) -> Leftover:
    """Rows and columns no window reaches because the output size is floored.

    Symmetric pads go through the engine's :func:`unreached_rows_cols`; uneven ones (PyTorch's
    "same" with an even kernel, TensorFlow's "SAME") are read off the trace: every padded row
    after the last row a window reads.
    """
    top, bottom, left, right = trace.pads
    if top == bottom and left == right:
        found = unreached_rows_cols(
            setting.input_hw, setting.kernel_hw, stride=setting.stride, padding=(top, left)
        )
        return Leftover(found.padded_rows, found.padded_cols, found.input_rows, found.input_cols)
    hp, wp = trace.padded.shape
    rows = tuple(range(int(trace.rows.max()) + 1, hp))
    cols = tuple(range(int(trace.cols.max()) + 1, wp))
    (h, w) = setting.input_hw
    return Leftover(
        rows,
        cols,
        tuple(r - top for r in rows if 0 <= r - top < h),
        tuple(c - left for c in cols if 0 <= c - left < w),
    )


@dataclass(frozen=True)
class MatrixForm:
    """The matrix C of the setting: ``y.ravel() = C @ v.ravel()``.

    Attributes
    ----------
    c : scipy.sparse.csr_array, shape (H_out·W_out, n)
        From the engine's ``conv_matrix`` with the kernel as applied (rotated when ``flip``).
    taps : np.ndarray or None
        (H_out·W_out, n) int tap numbers of the *learner's* kernel (``ki·kW + kj``, −1 for a
        structural zero), None when C is too large to write out symbolically.
    vector : np.ndarray
        (h, w) the grid v that C multiplies: the input, or the padded input when the border
        is not zeros or not even (such borders copy cells or add an odd row, so C acts on the
        padded grid with no padding of its own).
    on_padded : bool
        Whether ``vector`` is the padded input.
    output : np.ndarray
        (H_out, W_out) ``(C @ vector.ravel())`` reshaped.
    """

    c: sparse.csr_array
    taps: np.ndarray | None
    vector: np.ndarray
    on_padded: bool
    output: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        return self.c.shape  # type: ignore[return-value]


def matrix_form(x: np.ndarray, trace: WindowTrace, *, flipped: bool = False) -> MatrixForm:
    """C for the traced setting, numerically and (where it fits) symbolically.

    ``flipped`` says the trace applied the rotated kernel, so that the symbols name the
    learner's weights (tap t of the rotated kernel holds weight kH·kW − 1 − t).
    """
    top, bottom, left, right = trace.pads
    on_padded = trace.padding_mode != "zeros" or top != bottom or left != right
    vector, padding = (trace.padded, 0) if on_padded else (np.asarray(x, float), (top, left))
    applied = trace.kernel  # (kH, kW), rotated already when flipped
    c = conv_matrix(vector.shape, applied, stride=trace.stride, padding=padding)
    taps = None
    if c.shape[0] * c.shape[1] <= MAX_SYMBOLIC_ENTRIES:
        taps = conv_matrix_symbolic(
            vector.shape, applied.shape, stride=trace.stride, padding=padding
        )
        if flipped:
            taps = np.where(taps >= 0, applied.size - 1 - taps, -1)
    output = (c @ vector.ravel()).reshape(trace.out_hw)  # (H_out, W_out)
    return MatrixForm(c, taps, vector, on_padded, output)
