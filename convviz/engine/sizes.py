"""Output-size arithmetic of convolutions, one axis at a time.

Everything here is a formula on ints: output sizes of the forward and transposed convolution,
"same" padding as PyTorch and TensorFlow compute it, the valid ``output_padding`` values, the
forward input sizes that collapse onto one output size, and the rows a window never reaches.
The ops (``conv.py``, ``transpose.py``) and the pages call these so the numbers agree everywhere.

Notation: input size i, kernel k, stride s, padding p (per side), dilation d, output_padding a,
effective kernel k̂ = d(k − 1) + 1.
"""

from __future__ import annotations

from typing import Any

from convviz.engine.errors import ConvValueError
from convviz.engine.params import (
    check_non_negative,
    check_output_padding,
    check_positive,
)


def effective_kernel_size(kernel_size: Any, dilation: Any) -> int:
    """The span of a dilated kernel along one axis.

    Parameters
    ----------
    kernel_size : int
        Number of taps k (>= 1).
    dilation : int
        Spacing d between taps (>= 1; 1 means no gaps).

    Returns
    -------
    int
        k̂ = d(k − 1) + 1.

    Examples
    --------
    >>> effective_kernel_size(3, 2)
    5
    """
    k = check_positive("kernel_size", kernel_size)
    d = check_positive("dilation", dilation)
    return d * (k - 1) + 1


def _check_fits(size: int, kernel_size: int, padding: int, dilation: int) -> None:
    """Raise ``kernel_too_large`` when k̂ > i + 2p (the output would be empty)."""
    k_eff = dilation * (kernel_size - 1) + 1
    padded = size + 2 * padding
    if k_eff > padded:
        needed = -(-(k_eff - size) // 2)  # ceil((k̂ - i) / 2)
        raise ConvValueError(
            "kernel_too_large",
            f"the output would be empty: the kernel (effective size d(k-1)+1 = {k_eff} for "
            f"kernel_size={kernel_size}, dilation={dilation}) is larger than the padded input "
            f"i+2p = {padded} (input_size={size}, padding={padding})",
            suggestion={"padding": needed},
            kernel_size=kernel_size,
            dilation=dilation,
            k_eff=k_eff,
            size=size,
            padding=padding,
            padded=padded,
        )


def conv_output_size(
    size: Any, kernel_size: Any, stride: Any = 1, padding: Any = 0, dilation: Any = 1
) -> int:
    """Output size of a convolution along one axis (PyTorch's formula).

    Parameters
    ----------
    size : int
        Input size i (>= 1).
    kernel_size, stride, dilation : int
        k, s, d (each >= 1).
    padding : int
        Zeros added on each side, p (>= 0).

    Returns
    -------
    int
        o = ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1 (>= 1).

    Raises
    ------
    ConvValueError
        ``kernel_too_large`` when k̂ > i + 2p (the output would be empty), or a
        ``not_integer`` / ``not_positive`` / ``negative`` error for a bad argument.

    Notes
    -----
    The floor drops the last (i + 2p − k̂) mod s rows of the padded input: no window reaches
    them (see :func:`unreached_indices`).

    Examples
    --------
    >>> conv_output_size(5, 3, stride=2, padding=1)
    3
    """
    i = check_positive("input_size", size)
    k = check_positive("kernel_size", kernel_size)
    s = check_positive("stride", stride)
    p = check_non_negative("padding", padding)
    d = check_positive("dilation", dilation)
    _check_fits(i, k, p, d)
    return (i + 2 * p - d * (k - 1) - 1) // s + 1


def conv_transpose_output_size(  # noqa: PLR0917 (public API mirrors the formula order)
    size: Any,
    kernel_size: Any,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
) -> int:
    """Output size of a transposed convolution along one axis (PyTorch's formula).

    Parameters
    ----------
    size : int
        Input size i (>= 1).
    kernel_size, stride, dilation : int
        k, s, d (each >= 1).
    padding : int
        p (>= 0); it crops p rows from each side of the output.
    output_padding : int
        a, extra rows computed on the bottom/right; 0 <= a < max(s, d).

    Returns
    -------
    int
        o = (i − 1)s − 2p + d(k − 1) + a + 1.

    Raises
    ------
    ConvValueError
        ``output_padding_too_large``; ``transpose_output_empty`` when the cropping by 2p
        leaves no rows (o <= 0); or a bad-argument error.

    Examples
    --------
    >>> conv_transpose_output_size(3, 3, stride=2, padding=1, output_padding=1)
    6
    """
    i = check_positive("input_size", size)
    k = check_positive("kernel_size", kernel_size)
    s = check_positive("stride", stride)
    p = check_non_negative("padding", padding)
    d = check_positive("dilation", dilation)
    a = check_output_padding(output_padding, s, d)[0]
    full = (i - 1) * s + d * (k - 1) + a + 1
    out = full - 2 * p
    if out <= 0:
        raise ConvValueError(
            "transpose_output_empty",
            f"the output would be empty: before cropping it has (i-1)s + d(k-1) + a + 1 = {full} "
            f"rows (input_size={i}, stride={s}, kernel_size={k}, dilation={d}, "
            f"output_padding={a}), and padding={p} crops 2p = {2 * p} of them",
            suggestion={"padding": (full - 1) // 2},
            size=i,
            kernel_size=k,
            stride=s,
            dilation=d,
            output_padding=a,
            padding=p,
            full=full,
            cropped=2 * p,
        )
    return out


def torch_same_padding(kernel_size: Any, dilation: Any = 1) -> tuple[int, int]:
    """PyTorch's ``padding="same"`` along one axis, as ``(before, after)``.

    Parameters
    ----------
    kernel_size, dilation : int
        k and d (each >= 1). PyTorch allows "same" only with stride 1.

    Returns
    -------
    tuple of int
        ``(total // 2, total - total // 2)`` with total = d(k − 1): the odd extra row goes
        after (bottom / right), as PyTorch does.

    Examples
    --------
    >>> torch_same_padding(4)
    (1, 2)
    """
    total = effective_kernel_size(kernel_size, dilation) - 1
    return total // 2, total - total // 2


def size_keeping_padding(
    size: Any, kernel_size: Any, stride: Any = 1, dilation: Any = 1
) -> int | None:
    """The smallest padding per side that keeps the output as large as the input, if any.

    Parameters
    ----------
    size : int
        Input size i (>= 1).
    kernel_size, stride, dilation : int
        k, s, d (each >= 1).

    Returns
    -------
    int or None
        The smallest p >= 0 with ⌊(i + 2p − k̂) / s⌋ + 1 = i, or None when no symmetric
        padding gives it (only at stride 1 with an even k̂, where PyTorch's "same" pads one
        row more after than before).

    Notes
    -----
    o = i needs s(i − 1) <= i + 2p − k̂ <= s(i − 1) + s − 1, so p = ⌈(s(i − 1) + k̂ − i) / 2⌉
    works whenever s >= 2 (the range holds two consecutive values). A larger stride does not
    rule "same" out; PyTorch's ``padding="same"`` refuses stride > 1 only because it does not
    support it, and TensorFlow's "SAME" aims at ⌈i / s⌉ instead.

    Examples
    --------
    >>> size_keeping_padding(4, 3, stride=2)
    3
    >>> size_keeping_padding(5, 2) is None
    True
    """
    i = check_positive("input_size", size)
    s = check_positive("stride", stride)
    k_eff = effective_kernel_size(kernel_size, dilation)
    total = s * (i - 1) + k_eff - i  # 2p needed for o = i at the low end of the range
    if s == 1 and total % 2:
        return None
    return -(-total // 2)


def tf_same_padding(
    size: Any, kernel_size: Any, stride: Any = 1, dilation: Any = 1
) -> tuple[int, int, int]:
    """TensorFlow's ``padding="SAME"`` along one axis.

    Parameters
    ----------
    size : int
        Input size i.
    kernel_size, stride, dilation : int
        k, s, d (each >= 1).

    Returns
    -------
    tuple of int
        ``(output_size, before, after)`` with output size o = ⌈i / s⌉, total padding
        max((o − 1)s + k̂ − i, 0), before = total // 2 and the odd extra after (bottom / right).

    Examples
    --------
    >>> tf_same_padding(5, 3, stride=2)
    (3, 1, 1)
    >>> tf_same_padding(6, 3, stride=2)
    (3, 0, 1)
    """
    i = check_positive("input_size", size)
    s = check_positive("stride", stride)
    k_eff = effective_kernel_size(kernel_size, dilation)
    out = -(-i // s)
    total = max((out - 1) * s + k_eff - i, 0)
    return out, total // 2, total - total // 2


def output_padding_range(stride: Any = 1, dilation: Any = 1) -> range:
    """The valid ``output_padding`` values along one axis: ``range(0, max(s, d))``.

    Examples
    --------
    >>> list(output_padding_range(3, 1))
    [0, 1, 2]
    """
    s = check_positive("stride", stride)
    d = check_positive("dilation", dilation)
    return range(max(s, d))


def forward_input_sizes(
    output_size: Any, kernel_size: Any, stride: Any = 1, padding: Any = 0, dilation: Any = 1
) -> list[int]:
    """Every input size i >= 1 that a forward convolution maps to ``output_size``.

    Parameters
    ----------
    output_size : int
        Forward output size o (>= 1).
    kernel_size, stride, padding, dilation : int
        k, s, p, d as in :func:`conv_output_size`.

    Returns
    -------
    list of int
        Ascending sizes; at most s of them, i_min, i_min + 1, … with
        i_min = (o − 1)s + k̂ − 2p. A transposed convolution of size o with output_padding a
        gives back i_min + a, which is why a exists.

    Examples
    --------
    >>> forward_input_sizes(3, 3, stride=2, padding=1)
    [5, 6]
    """
    o = check_positive("output_size", output_size)
    s = check_positive("stride", stride)
    p = check_non_negative("padding", padding)
    k_eff = effective_kernel_size(kernel_size, dilation)
    smallest = (o - 1) * s + k_eff - 2 * p
    return [i for i in range(smallest, smallest + s) if i >= 1]


def floor_remainder(
    size: Any, kernel_size: Any, stride: Any = 1, padding: Any = 0, dilation: Any = 1
) -> int:
    """How many trailing rows of the padded input no window reaches: (i + 2p − k̂) mod s.

    Examples
    --------
    >>> floor_remainder(6, 3, stride=2)
    1
    """
    conv_output_size(size, kernel_size, stride, padding, dilation)  # validates, raises if empty
    k_eff = effective_kernel_size(kernel_size, dilation)
    return (int(size) + 2 * int(padding) - k_eff) % int(stride)


def unreached_indices(
    size: Any, kernel_size: Any, stride: Any = 1, padding: Any = 0, dilation: Any = 1
) -> list[int]:
    """Indices (in the padded input, 0 … i + 2p − 1) of the rows that no window covers.

    These are the last :func:`floor_remainder` rows, dropped by the floor in the output-size
    formula. Subtract p for input coordinates (a negative or >= i result is a padding row).

    Examples
    --------
    >>> unreached_indices(7, 3, stride=3)
    [6]
    """
    dropped = floor_remainder(size, kernel_size, stride, padding, dilation)
    padded = int(size) + 2 * int(padding)
    return list(range(padded - dropped, padded))
