"""The convolution as a matrix: y = C·x, and the transposed convolution as y = Cᵀ·x.

With the input x (H, W) and the output y (H_out, W_out) flattened row-major, a single-channel
convolution is the sparse matrix C of shape (H_out·W_out, H·W): row m is window m, holding
weight w[ki, kj] in the column of the input cell under tap (ki, kj). Multiplying by Cᵀ
is exactly the transposed convolution with the same kernel, stride, padding and dilation
(and the output_padding that gives back (H, W), :func:`restoring_output_padding`).

:func:`conv_matrix` builds C numerically (``scipy.sparse``); :func:`conv_matrix_symbolic`
says which tap fills each entry, for drawing C with labels such as ``w₀₁`` (:func:`tap_label`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse

from convviz.engine.errors import ConvValueError
from convviz.engine.params import (
    as_float_array,
    check_int,
    check_ndim,
    check_positive,
    non_negative_pair,
    positive_pair,
)
from convviz.engine.sizes import conv_output_size, floor_remainder

# Most entries (H_out·W_out · H·W) conv_matrix_symbolic builds: a labelled matrix past this
# size has no legible labels (a 12×12 input with a 3×3 kernel gives 100 × 144 = 14,400).
MAX_SYMBOLIC_ENTRIES = 16_384

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _entries(
    input_hw: tuple[int, int],
    kernel_hw: tuple[int, int],
    stride: Any,
    padding: Any,
    dilation: Any,
) -> tuple[tuple[int, int], np.ndarray, np.ndarray, np.ndarray]:
    """Every (window, tap) pair that reads an input cell (taps on the zero border vanish).

    Returns
    -------
    out_hw : tuple of int
        ``(H_out, W_out)``.
    rows, cols, taps : numpy.ndarray of int, shape (nnz,)
        Row of C (window ``oi·W_out + oj``), column (input cell ``r·W + c``) and tap
        ``ki·kW + kj`` of each entry, sorted by row, then column.
    """
    (h, w), (kh, kw) = input_hw, kernel_hw
    s = positive_pair(stride, "stride")
    p = non_negative_pair(padding, "padding")
    d = positive_pair(dilation, "dilation")
    oh = conv_output_size(h, kh, s[0], p[0], d[0])
    ow = conv_output_size(w, kw, s[1], p[1], d[1])
    # Per axis: input index under tap k of window o is o·s − p + k·d.
    r_in = np.arange(oh)[:, None] * s[0] - p[0] + np.arange(kh) * d[0]  # (H_out, kH)
    c_in = np.arange(ow)[:, None] * s[1] - p[1] + np.arange(kw) * d[1]  # (W_out, kW)
    r4 = r_in[:, None, :, None]  # (H_out, 1, kH, 1)
    c4 = c_in[None, :, None, :]  # (1, W_out, 1, kW)
    inside = (r4 >= 0) & (r4 < h) & (c4 >= 0) & (c4 < w)  # (H_out, W_out, kH, kW)
    shape = inside.shape
    window = np.broadcast_to(np.arange(oh * ow).reshape(oh, ow, 1, 1), shape)[inside]
    column = np.broadcast_to(r4 * w + c4, shape)[inside]
    tap = np.broadcast_to(np.arange(kh * kw).reshape(1, 1, kh, kw), shape)[inside]
    # Row-major order over (oi, oj, ki, kj): rows ascend, and within a row r·W + c ascends.
    return (oh, ow), window, column, tap


def _input_hw(input_shape: Any) -> tuple[int, int]:
    """``input_shape`` (int, pair, or a longer shape whose last two entries are (H, W))."""
    if isinstance(input_shape, tuple | list) and len(input_shape) > 2:
        input_shape = tuple(input_shape)[-2:]
    return positive_pair(input_shape, "input_size")


def conv_matrix(
    input_shape: Any, kernel: Any, *, stride: Any = 1, padding: Any = 0, dilation: Any = 1
) -> sparse.csr_array:
    """The matrix C of a single-channel convolution: ``conv2d(x, kernel).ravel() == C @ x.ravel()``.

    Parameters
    ----------
    input_shape : int or sequence of ints
        ``(H, W)`` of the input (an int means a square input; a longer shape such as
        ``(C, H, W)`` uses its last two entries).
    kernel : array_like, shape (kH, kW)
    stride, dilation : int or pair of ints
        Each >= 1.
    padding : int or pair of ints
        Zero padding per side (>= 0).

    Returns
    -------
    scipy.sparse.csr_array, shape (H_out·W_out, H·W)
        Row ``oi·W_out + oj`` holds ``kernel[ki, kj]`` in column ``r·W + c`` for every tap
        whose input cell (r, c) = (oi·s − p + ki·d, oj·s − p + kj·d) lies inside the input;
        taps on the zero border have no entry. Every such tap is stored, even a tap whose
        weight is 0, so the sparsity pattern is the convolution's, not the kernel's values.
        dtype float (float32 stays float32; integers become float64).

    Raises
    ------
    ConvValueError
        ``bad_ndim`` unless ``kernel`` is 2-D, ``kernel_too_large``, or a bad
        hyper-parameter.

    Notes
    -----
    H_out = ⌊(H + 2p − d(k − 1) − 1) / s⌋ + 1 per axis. Each row has at most kH·kW entries,
    so C has at most H_out·W_out·kH·kW non-zeros; it is built without a loop over rows.

    ``C.T @ y.ravel()`` is ``conv_transpose2d(y, kernel, stride, padding, dilation,
    output_padding=a)`` with a = (H + 2p − k̂) mod s per axis
    (:func:`restoring_output_padding`), reshaped to (H, W).

    Examples
    --------
    >>> C = conv_matrix((3, 3), [[1, 2], [3, 4]])
    >>> C.shape, C.nnz
    ((4, 9), 16)
    >>> C.toarray()[0].tolist()
    [1.0, 2.0, 0.0, 3.0, 4.0, 0.0, 0.0, 0.0, 0.0]
    """
    weights = as_float_array("kernel", kernel)
    check_ndim("kernel", weights, (2,))
    kernel_hw = tuple(check_positive("kernel_size", n) for n in weights.shape)
    h, w = _input_hw(input_shape)
    (oh, ow), rows, cols, taps = _entries((h, w), kernel_hw, stride, padding, dilation)
    indptr = np.zeros(oh * ow + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=oh * ow), out=indptr[1:])
    return sparse.csr_array((weights.ravel()[taps], cols, indptr), shape=(oh * ow, h * w))


def restoring_output_padding(
    input_shape: Any, kernel_shape: Any, *, stride: Any = 1, padding: Any = 0, dilation: Any = 1
) -> tuple[int, int]:
    """The output_padding with which the transposed convolution gives back ``input_shape``.

    Parameters
    ----------
    input_shape, kernel_shape : int or pair of ints
        ``(H, W)`` of the forward input and ``(kH, kW)``.
    stride, padding, dilation : int or pair of ints
        Those of the forward convolution.

    Returns
    -------
    tuple of int
        ``(a_h, a_w)``, a = (i + 2p − k̂) mod s: the rows the forward convolution's floor
        dropped, which Cᵀ fills with zeros. Always 0 <= a < s.

    Examples
    --------
    >>> restoring_output_padding(6, 3, stride=2, padding=1)
    (1, 1)
    """
    (h, w), (kh, kw) = _input_hw(input_shape), positive_pair(kernel_shape, "kernel_size")
    s = positive_pair(stride, "stride")
    p = non_negative_pair(padding, "padding")
    d = positive_pair(dilation, "dilation")
    return (
        floor_remainder(h, kh, s[0], p[0], d[0]),
        floor_remainder(w, kw, s[1], p[1], d[1]),
    )


def conv_matrix_symbolic(
    input_shape: Any,
    kernel_shape: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    max_entries: Any = MAX_SYMBOLIC_ENTRIES,
) -> np.ndarray:
    """Which kernel tap fills each entry of C (for drawing it with labels).

    Parameters
    ----------
    input_shape, kernel_shape : int or pair of ints
        ``(H, W)`` and ``(kH, kW)``.
    stride, padding, dilation : int or pair of ints
        As in :func:`conv_matrix`.
    max_entries : int or None
        Largest H_out·W_out·H·W built (>= 1); default :data:`MAX_SYMBOLIC_ENTRIES`. ``None``
        builds any size (for a caller that reads single rows or columns of a large C).

    Returns
    -------
    numpy.ndarray of int, shape (H_out·W_out, H·W)
        Tap number ``ki·kW + kj`` where C holds ``w[ki, kj]``, −1 for a structural zero.
        :func:`tap_label` turns a tap number into ``"w₀₁"`` or ``w_{0,1}``.

    Raises
    ------
    ConvValueError
        ``symbolic_matrix_too_large`` when H_out·W_out·H·W exceeds ``max_entries``
        (by default 16,384, e.g. a 12×12 input with a 3×3 kernel), or the errors of
        :func:`conv_matrix`.

    Examples
    --------
    >>> conv_matrix_symbolic(3, 2)[0].tolist()
    [0, 1, -1, 2, 3, -1, -1, -1, -1]
    """
    h, w = _input_hw(input_shape)
    kernel_hw = positive_pair(kernel_shape, "kernel_size")
    s = positive_pair(stride, "stride")
    p = non_negative_pair(padding, "padding")
    d = positive_pair(dilation, "dilation")
    oh = conv_output_size(h, kernel_hw[0], s[0], p[0], d[0])
    ow = conv_output_size(w, kernel_hw[1], s[1], p[1], d[1])
    entries = oh * ow * h * w
    limit = None if max_entries is None else check_positive("max_entries", max_entries)
    if limit is not None and entries > limit:
        raise ConvValueError(
            "symbolic_matrix_too_large",
            f"the symbolic matrix C would have {oh * ow} × {h * w} = {entries:,} entries "
            f"(input {h}×{w}, output {oh}×{ow}); it is written out only up to "
            f"{limit:,} entries. Use a smaller input",
            rows=oh * ow,
            cols=h * w,
            entries=entries,
            limit=limit,
        )
    _, rows, cols, taps = _entries((h, w), kernel_hw, s, p, d)
    table = np.full((oh * ow, h * w), -1, dtype=np.int64)  # (H_out·W_out, H·W)
    table[rows, cols] = taps
    return table


def tap_label(tap: Any, kernel_shape: Any, *, latex: bool = False, zero: str = "0") -> str:
    """The name of kernel tap ``tap`` as the figures write it.

    Parameters
    ----------
    tap : int
        ``ki·kW + kj``, or −1 for a structural zero.
    kernel_shape : int or pair of ints
        ``(kH, kW)``.
    latex : bool
        ``w_{ki,kj}`` instead of plain text with subscript digits.
    zero : str
        What a structural zero (−1) is written as.

    Returns
    -------
    str
        Plain text ``"w₀₁"`` (row and column digits as subscripts; when either index has
        two digits they are separated by a comma, ``"w₁₀,₂"``), or LaTeX ``"w_{0,1}"``.

    Raises
    ------
    ConvValueError
        ``tap_out_of_range`` for a tap number outside −1 … kH·kW − 1.

    Examples
    --------
    >>> tap_label(5, 3), tap_label(5, 3, latex=True), tap_label(-1, 3)
    ('w₁₂', 'w_{1,2}', '0')
    """
    kh, kw = positive_pair(kernel_shape, "kernel_size")
    t = check_int("tap", tap)
    if not -1 <= t < kh * kw:
        raise ConvValueError(
            "tap_out_of_range",
            f"tap={t} is not a tap of a {kh}×{kw} kernel: taps are numbered 0 to "
            f"{kh * kw - 1} (row·{kw} + column), and -1 marks a zero",
            tap=t,
            height=kh,
            width=kw,
            last=kh * kw - 1,
        )
    if t < 0:
        return zero
    ki, kj = divmod(t, kw)
    if latex:
        return f"w_{{{ki},{kj}}}"
    sep = "," if ki > 9 or kj > 9 else ""
    return f"w{str(ki).translate(_SUBSCRIPTS)}{sep}{str(kj).translate(_SUBSCRIPTS)}"


def symbolic_labels(
    taps: Any, kernel_shape: Any, *, latex: bool = False, zero: str = "0"
) -> np.ndarray:
    """:func:`tap_label` of every entry of a tap table (e.g. from :func:`conv_matrix_symbolic`).

    Parameters
    ----------
    taps : array_like of int, any shape
    kernel_shape : int or pair of ints
    latex, zero
        As in :func:`tap_label`.

    Returns
    -------
    numpy.ndarray of str (object dtype), same shape as ``taps``

    Examples
    --------
    >>> symbolic_labels([[0, -1], [3, 1]], 2).tolist()
    [['w₀₀', '0'], ['w₁₁', 'w₀₁']]
    """
    table = np.asarray(taps)
    kh, kw = positive_pair(kernel_shape, "kernel_size")
    if table.size and not np.issubdtype(table.dtype, np.integer):
        raise ConvValueError(
            "not_integer",
            f"taps must be whole numbers (tap indices); got dtype {table.dtype}",
            name="taps",
            value=str(table.dtype),
        )
    names = np.array(
        [tap_label(t, (kh, kw), latex=latex, zero=zero) for t in range(-1, kh * kw)],
        dtype=object,
    )  # (kH·kW + 1,): entry t + 1 names tap t
    if table.size and (table.min() < -1 or table.max() >= kh * kw):
        bad = int(table.min() if table.min() < -1 else table.max())
        tap_label(bad, (kh, kw))  # raises tap_out_of_range naming the value
    return names[table.astype(np.int64) + 1]
