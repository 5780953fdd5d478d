"""Argument checks shared by every engine op: ints, ``(h, w)`` pairs, channels, groups, modes,
and the ``(row, col)`` cell or animation step a teaching view is asked for.

Each op calls these instead of checking on its own, so a learner gets the same explanation
(``ConvValueError`` with a stable ``code``) for the same mistake on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import gcd, isqrt
from numbers import Integral
from typing import Any

import numpy as np

from convviz.engine.errors import ConvValueError

PADDING_MODES = ("zeros", "reflect", "replicate", "circular")


def _show(value: Any) -> str:
    """A short, readable form of ``value`` for a message (``'3'`` keeps its quotes)."""
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape}"
    if isinstance(value, np.generic):
        value = value.item()
    return repr(value)


def is_int(value: Any) -> bool:
    """Whether ``value`` is a Python or NumPy integer (bools are not)."""
    return isinstance(value, Integral) and not isinstance(value, bool | np.bool_)


def check_int(name: str, value: Any) -> int:
    """``value`` as a Python ``int``; anything else (``2.5``, ``"3"``, ``True``) is refused.

    Raises
    ------
    ConvValueError
        ``not_integer`` naming ``name`` and ``value``.
    """
    if not is_int(value):
        raise ConvValueError(
            "not_integer",
            f"{name}={_show(value)} must be a whole number (an int such as 1, 2 or 3), "
            f"not {type(value).__name__}",
            name=name,
            value=_show(value),
        )
    return int(value)


AXIS_NAMES = {1: ("L",), 2: ("H", "W"), 3: ("D", "H", "W")}


def ntuple(value: Any, n: int, name: str = "value") -> tuple[int, ...]:
    """Turn an int or an ``n``-sequence of ints into an ``n``-tuple, one entry per spatial axis.

    Parameters
    ----------
    value : int or sequence of n ints
        With ``n = 3``, ``3`` means ``(3, 3, 3)`` and ``(3, 5, 5)`` means 3 along the depth and
        5 along the height and the width.
    n : int
        The number of spatial axes (1, 2 or 3).
    name : str
        Parameter name used in error messages, e.g. ``"stride"``.

    Returns
    -------
    tuple of int
        ``n`` entries, in axis order (``(d, h, w)``, ``(h, w)`` or ``(l,)``). Signs are not
        checked here; see :func:`check_positive` and :func:`check_non_negative`.

    Raises
    ------
    ConvValueError
        ``not_integer`` for a non-integer entry; ``not_pair`` (n = 2) or ``not_tuple``
        (n = 1, 3) for a sequence of the wrong length.
    """
    if is_int(value):
        return (int(value),) * n
    if isinstance(value, np.ndarray) and value.ndim == 1:
        value = value.tolist()
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        if len(value) != n:
            axes = ", ".join(AXIS_NAMES.get(n, ()))
            if n == 2:
                raise ConvValueError(
                    "not_pair",
                    f"{name}={_show(value)} must be one int or a pair (height, width) of ints; "
                    f"it has {len(value)} entries",
                    name=name,
                    value=_show(value),
                    length=len(value),
                )
            raise ConvValueError(
                "not_tuple",
                f"{name}={_show(value)} must be one int or {n} ints ({axes}); "
                f"it has {len(value)} entries",
                name=name,
                value=_show(value),
                count=n,
                axes=axes,
                length=len(value),
            )
        return tuple(check_int(name, v) for v in value)
    number = check_int(name, value)  # raises: neither an int nor a sequence of ints
    return (number,) * n


def pair(value: Any, name: str = "value") -> tuple[int, int]:
    """Turn an int or a 2-sequence of ints into ``(h, w)``.

    Parameters
    ----------
    value : int or sequence of two ints
        ``3`` means ``(3, 3)``; ``(3, 5)`` means 3 along the height and 5 along the width.
    name : str
        Parameter name used in error messages, e.g. ``"stride"``.

    Returns
    -------
    tuple of int
        ``(h, w)``. Signs are not checked here; see :func:`check_positive` and
        :func:`check_non_negative`.

    Raises
    ------
    ConvValueError
        ``not_integer`` for a non-integer entry, ``not_pair`` for a sequence whose length is not 2.
    """
    h, w = ntuple(value, 2, name)
    return h, w


def check_positive(name: str, value: Any) -> int:
    """``value`` as an int that is at least 1 (stride, dilation, kernel size, channels, groups).

    Raises
    ------
    ConvValueError
        ``not_integer`` or ``not_positive`` (with ``suggestion={name: 1}``).
    """
    number = check_int(name, value)
    if number < 1:
        raise ConvValueError(
            "not_positive",
            f"{name}={number} must be at least 1",
            suggestion={name: 1},
            name=name,
            value=number,
        )
    return number


def check_non_negative(name: str, value: Any) -> int:
    """``value`` as an int that is at least 0 (padding, output_padding).

    Raises
    ------
    ConvValueError
        ``not_integer`` or ``negative`` (with ``suggestion={name: 0}``).
    """
    number = check_int(name, value)
    if number < 0:
        raise ConvValueError(
            "negative",
            f"{name}={number} cannot be negative; use 0 or more",
            suggestion={name: 0},
            name=name,
            value=number,
        )
    return number


def positive_pair(value: Any, name: str) -> tuple[int, int]:
    """:func:`pair` then :func:`check_positive` on both entries; returns ``(h, w)``."""
    h, w = positive_tuple(value, 2, name)
    return h, w


def non_negative_pair(value: Any, name: str) -> tuple[int, int]:
    """:func:`pair` then :func:`check_non_negative` on both entries; returns ``(h, w)``."""
    h, w = non_negative_tuple(value, 2, name)
    return h, w


def positive_tuple(value: Any, n: int, name: str) -> tuple[int, ...]:
    """:func:`ntuple` then :func:`check_positive` on every entry."""
    return tuple(check_positive(name, v) for v in ntuple(value, n, name))


def non_negative_tuple(value: Any, n: int, name: str) -> tuple[int, ...]:
    """:func:`ntuple` then :func:`check_non_negative` on every entry."""
    return tuple(check_non_negative(name, v) for v in ntuple(value, n, name))


def common_divisors(a: int, b: int) -> tuple[int, ...]:
    """Every ``g`` that divides both ``a >= 1`` and ``b >= 1``, ascending.

    Notes
    -----
    The common divisors of ``a`` and ``b`` are the divisors of ``gcd(a, b)``; they come in
    pairs ``(i, n // i)`` with ``i <= sqrt(n)``, so the search takes ``O(sqrt(gcd(a, b)))``
    steps, never a step per candidate ``g``.
    """
    n = gcd(a, b)
    small = [i for i in range(1, isqrt(n) + 1) if n % i == 0]
    return tuple(sorted({*small, *(n // i for i in small)}))


def check_groups(groups: Any, in_channels: int, out_channels: int) -> int:
    """``groups`` as an int >= 1 that divides both channel counts.

    Raises
    ------
    ConvValueError
        ``not_integer``, ``not_positive`` or ``groups_not_dividing`` (naming the channel
        count that is not divisible, with the largest valid groups <= ``groups`` as suggestion).
    """
    g = check_positive("groups", groups)
    for channel_name, channels in (("in_channels", in_channels), ("out_channels", out_channels)):
        if channels % g:
            nearest = max(
                (d for d in common_divisors(in_channels, out_channels) if d <= g), default=1
            )
            raise ConvValueError(
                "groups_not_dividing",
                f"{channel_name}={channels} is not divisible by groups={g}: every group needs "
                f"the same whole number of channels (in_channels={in_channels}, "
                f"out_channels={out_channels})",
                suggestion={"groups": nearest},
                groups=g,
                name=channel_name,
                channels=channels,
                in_channels=in_channels,
                out_channels=out_channels,
            )
    return g


def check_padding_mode(mode: Any) -> str:
    """``mode`` if it is one of ``zeros``, ``reflect``, ``replicate``, ``circular``.

    Raises
    ------
    ConvValueError
        ``unknown_padding_mode`` naming the mode received and the modes allowed.
    """
    if not isinstance(mode, str) or mode not in PADDING_MODES:
        raise ConvValueError(
            "unknown_padding_mode",
            f"padding_mode={_show(mode)} is not one of {', '.join(PADDING_MODES)}",
            suggestion={"padding_mode": "zeros"},
            mode=_show(mode),
            modes=", ".join(PADDING_MODES),
        )
    return mode


def check_output_padding(output_padding: Any, stride: Any, dilation: Any) -> tuple[int, int]:
    """``output_padding`` as ``(h, w)`` with ``0 <= a < max(s, d)`` on each axis.

    Parameters
    ----------
    output_padding, stride, dilation : int or pair of ints

    Returns
    -------
    tuple of int
        ``(a_h, a_w)``.

    Raises
    ------
    ConvValueError
        ``output_padding_too_large``, e.g.
        ``"output_padding=2 must be smaller than stride=2 or dilation=1"``.
    """
    a = non_negative_pair(output_padding, "output_padding")
    s = positive_pair(stride, "stride")
    d = positive_pair(dilation, "dilation")
    for a_i, s_i, d_i in zip(a, s, d, strict=True):
        if a_i >= max(s_i, d_i):
            raise ConvValueError(
                "output_padding_too_large",
                f"output_padding={a_i} must be smaller than stride={s_i} or dilation={d_i}",
                suggestion={"output_padding": max(s_i, d_i) - 1},
                output_padding=a_i,
                stride=s_i,
                dilation=d_i,
            )
    return a


def check_ndim(name: str, array: np.ndarray, allowed: Sequence[int]) -> int:
    """The number of dimensions of ``array`` if it is one of ``allowed``.

    Raises
    ------
    ConvValueError
        ``bad_ndim`` naming the array, its shape and the dimension counts allowed.
    """
    if array.ndim not in allowed:
        expected = " or ".join(str(n) for n in allowed)
        raise ConvValueError(
            "bad_ndim",
            f"{name} has {array.ndim} dimensions (shape {tuple(array.shape)}); expected {expected}",
            name=name,
            ndim=array.ndim,
            shape=str(tuple(array.shape)),
            expected=expected,
        )
    return array.ndim


def as_float_array(name: str, value: Any) -> np.ndarray:
    """``value`` as an array of a real floating type, keeping float dtypes as they are.

    float16/32/64 stay as they are; integer and bool arrays become float64 (the one
    promotion the ops make); complex, object or text arrays are refused.

    Raises
    ------
    ConvValueError
        ``bad_dtype`` naming the array and the dtype received.
    """
    try:
        array = np.asarray(value)
    except (TypeError, ValueError) as exc:  # ragged nested lists
        raise ConvValueError(
            "bad_dtype",
            f"{name} must be an array of real numbers; got {type(value).__name__} ({exc})",
            name=name,
            dtype=type(value).__name__,
        ) from None
    if np.issubdtype(array.dtype, np.floating):
        return array
    if np.issubdtype(array.dtype, np.integer) or array.dtype == np.bool_:
        return array.astype(np.float64)
    raise ConvValueError(
        "bad_dtype",
        f"{name} must be an array of real numbers; got dtype {array.dtype}",
        name=name,
        dtype=str(array.dtype),
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
