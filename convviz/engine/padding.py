"""Border padding of the last axes (PyTorch's four modes) and where each border cell comes from.

``zeros`` fills the border with 0; ``reflect`` mirrors the input without repeating the edge
(``[a b c] -> b | a b c | b``); ``replicate`` repeats the edge (``a | a b c | c``); ``circular``
wraps around (``c | a b c | a``). Both functions are built on one per-axis index map, so the
values :func:`pad2d` writes and the cells :func:`padding_source_index` reports always agree.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.params import AXIS_NAMES, check_non_negative, check_padding_mode, pair


def four_pads(pads: Any) -> tuple[int, int, int, int]:
    """``pads`` as ``(top, bottom, left, right)``.

    Parameters
    ----------
    pads : int, pair of ints or 4 ints
        ``p`` pads every side by p; ``(ph, pw)`` pads top and bottom by ph, left and right by
        pw; ``(top, bottom, left, right)`` is taken as is. All must be >= 0.

    Raises
    ------
    ConvValueError
        ``not_integer``, ``not_pair`` or ``negative``.
    """
    if isinstance(pads, tuple | list) and len(pads) == 4:
        names = ("padding_top", "padding_bottom", "padding_left", "padding_right")
        top, bottom, left, right = (
            check_non_negative(n, v) for n, v in zip(names, pads, strict=True)
        )
        return top, bottom, left, right
    ph, pw = pair(pads, "padding")
    ph, pw = check_non_negative("padding", ph), check_non_negative("padding", pw)
    return ph, ph, pw, pw


def _axis_source(size: int, before: int, after: int, mode: str, axis: str) -> np.ndarray:
    """For each of the ``before + size + after`` padded positions, the source index or -1.

    Returns
    -------
    numpy.ndarray of int
        Shape ``(before + size + after,)``.
    """
    padded = np.arange(-before, size + after)  # position relative to the first input row
    if mode == "zeros":
        return np.where((padded >= 0) & (padded < size), padded, -1)
    widest = max(before, after)
    if mode == "reflect" and widest >= size and widest > 0:
        raise ConvValueError(
            "reflect_padding_too_wide",
            f"reflect padding {widest} along {axis} must be smaller than the input size "
            f"{size} along {axis} (reflection does not repeat the edge, so only {size - 1} "
            f"cells can be mirrored)",
            suggestion={"padding": max(size - 1, 0)},
            pad=widest,
            size=size,
            axis=axis,
            limit=max(size - 1, 0),
        )
    if mode in ("replicate", "circular") and widest > 0 and size == 0:
        raise ConvValueError(
            "padding_empty_input",
            f"{mode} padding needs at least one input cell along {axis} to copy; the input "
            f"has size 0 along {axis}",
            mode=mode,
            axis=axis,
        )
    if mode == "circular" and widest > size:
        raise ConvValueError(
            "circular_padding_too_wide",
            f"circular padding {widest} along {axis} must be at most the input size {size} "
            f"along {axis} (it would wrap around more than once)",
            suggestion={"padding": size},
            pad=widest,
            size=size,
            axis=axis,
        )
    if mode == "reflect":
        period = 2 * (size - 1) if size > 1 else 1
        folded = np.abs(padded) % period
        return np.where(folded < size, folded, period - folded)
    if mode == "replicate":
        return np.clip(padded, 0, size - 1)
    return padded % size  # circular


def padding_source_index(shape_hw: Any, pads: Any = 0, mode: str = "zeros") -> np.ndarray:
    """Which input cell each cell of the padded grid copies.

    Parameters
    ----------
    shape_hw : pair of ints
        ``(H, W)`` of the input.
    pads : int, pair or ``(top, bottom, left, right)``
        See :func:`four_pads`.
    mode : {"zeros", "reflect", "replicate", "circular"}

    Returns
    -------
    numpy.ndarray of int
        Shape ``(H + top + bottom, W + left + right, 2)``: ``[r, c] = (row, col)`` of the
        source cell in the input, or ``(-1, -1)`` for a cell that holds a zero.

    Raises
    ------
    ConvValueError
        ``reflect_padding_too_wide`` (reflect needs pad < size on that axis),
        ``circular_padding_too_wide`` (circular needs pad <= size), ``unknown_padding_mode``
        or a bad padding value.

    Examples
    --------
    >>> padding_source_index((1, 3), (0, 0, 1, 1), "reflect")[0].tolist()
    [[0, 1], [0, 0], [0, 1], [0, 2], [0, 1]]
    """
    mode = check_padding_mode(mode)
    h, w = (check_non_negative("input_size", v) for v in pair(shape_hw, "shape"))
    top, bottom, left, right = four_pads(pads)
    rows = _axis_source(h, top, bottom, mode, "H")  # (Hp,)
    cols = _axis_source(w, left, right, mode, "W")  # (Wp,)
    rr, cc = np.meshgrid(rows, cols, indexing="ij")  # (Hp, Wp) each
    zero = (rr < 0) | (cc < 0)
    return np.stack([np.where(zero, -1, rr), np.where(zero, -1, cc)], axis=-1)  # (Hp, Wp, 2)


def pad2d(x: Any, pads: Any = 0, mode: str = "zeros") -> np.ndarray:
    """Pad the last two axes of ``x`` as ``torch.nn.functional.pad`` does.

    Parameters
    ----------
    x : array_like, shape (..., H, W)
    pads : int, pair or ``(top, bottom, left, right)``
        See :func:`four_pads`. Note the order differs from ``F.pad``, which takes
        ``(left, right, top, bottom)``.
    mode : {"zeros", "reflect", "replicate", "circular"}

    Returns
    -------
    numpy.ndarray, shape (..., H + top + bottom, W + left + right)
        Same dtype as ``x``.

    Raises
    ------
    ConvValueError
        As :func:`padding_source_index`, or ``bad_ndim`` when ``x`` has fewer than 2 axes.

    Examples
    --------
    >>> pad2d([[1, 2, 3]], (0, 0, 2, 2), "circular").tolist()
    [[2, 3, 1, 2, 3, 1, 2]]
    """
    x = np.asarray(x)
    if x.ndim < 2:
        raise ConvValueError(
            "bad_ndim",
            f"x has {x.ndim} dimensions (shape {x.shape}); expected 2 or more (..., H, W)",
            name="x",
            ndim=x.ndim,
            shape=str(x.shape),
            expected="2+",
        )
    mode = check_padding_mode(mode)
    top, bottom, left, right = four_pads(pads)
    return pad_axes(x, ((top, bottom), (left, right)), mode)


def pad_axes(x: np.ndarray, pads: tuple[tuple[int, int], ...], mode: str = "zeros") -> np.ndarray:
    """Pad the last ``len(pads)`` axes of ``x`` (1, 2 or 3 of them) as ``F.pad`` does.

    Parameters
    ----------
    x : numpy.ndarray, shape (..., S_1, ..., S_n)
    pads : tuple of (int, int)
        ``(before, after)`` for each of the last n axes, in axis order (e.g. depth, height,
        width), each >= 0 (not checked here).
    mode : {"zeros", "reflect", "replicate", "circular"}

    Returns
    -------
    numpy.ndarray, shape (..., S_1 + before_1 + after_1, ..., S_n + before_n + after_n)
        Same dtype as ``x``.

    Raises
    ------
    ConvValueError
        ``reflect_padding_too_wide``, ``circular_padding_too_wide`` or
        ``unknown_padding_mode``, naming the axis (``D``, ``H``, ``W`` or ``L``).
    """
    mode = check_padding_mode(mode)
    n = len(pads)
    sizes = x.shape[-n:]
    names = AXIS_NAMES[n]
    sources = [  # (S_i + before_i + after_i,) per axis
        _axis_source(size, before, after, mode, name)
        for size, (before, after), name in zip(sizes, pads, names, strict=True)
    ]
    if mode == "zeros":
        out = np.zeros((*x.shape[:-n], *(s.size for s in sources)), dtype=x.dtype)
        inner = tuple(
            slice(before, before + size) for size, (before, _) in zip(sizes, pads, strict=True)
        )
        out[(..., *inner)] = x
        return out
    for axis, source in zip(range(-n, 0), sources, strict=True):
        x = x.take(source, axis=axis)  # that axis padded
    return x
