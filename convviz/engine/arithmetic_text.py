"""A multiply-add written out as a learner reads it: ``"1·0 + 2·1 + … = 7"``.

:func:`format_number` writes one number (``3`` for integral values, else at most ``decimals``
places); :func:`format_cell` writes one output cell (oi, oj) of a
:class:`~convviz.engine.trace.WindowTrace`: the kH·kW products ``value·weight`` of its taps,
in row-major tap order, and their sum.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import numpy as np

from convviz.engine.params import check_cell, check_positive
from convviz.engine.trace import WindowTrace


def format_number(value: float, *, decimals: int = 2) -> str:
    """A number as a learner reads it: ``3`` for integral values, else ≤ ``decimals`` places.

    Trailing zeros are dropped (``0.5``, not ``0.50``) and ``-0`` is written ``0``.

    Examples
    --------
    >>> format_number(7.0), format_number(-0.125, decimals=2), format_number(1 / 3)
    ('7', '-0.12', '0.33')
    """
    number = float(value)
    if not math.isfinite(number):
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
    >>> from convviz.engine.trace import sliding_trace
    >>> tr = sliding_trace([[1, 2], [3, 4]], [[0.5, 1], [1, 1]])
    >>> format_cell(tr, (0, 0), max_terms=2)
    '1·0.5 + 2·1 + … = 9.5'
    >>> format_cell(sliding_trace([[0, 2], [0, 0]], [[1, 3], [5, 7]]), (0, 0), nonzero_only=True)
    '2·3 = 6'
    """
    oi, oj = check_cell(cell, trace.out_hw)
    return products_text(
        trace.values[oi, oj].ravel(),  # (kH·kW,)
        trace.kernel.ravel(),  # (kH·kW,)
        trace.sums[oi, oj],
        max_terms=max_terms,
        decimals=decimals,
        nonzero_only=nonzero_only,
    )


def products_text(
    values: np.ndarray,
    weights: np.ndarray,
    total: float,
    *,
    max_terms: Any = None,
    decimals: int = 2,
    nonzero_only: bool = False,
) -> str:
    """``"v·w + v·w + … = total"`` for flat ``values`` and ``weights`` of one length.

    ``max_terms``, ``decimals`` and ``nonzero_only`` as in :func:`format_cell`.
    """
    if nonzero_only:
        kept = values != 0
        values, weights = values[kept], weights[kept]
    limit = len(values) if max_terms is None else check_positive("max_terms", max_terms)
    terms = [
        f"{_factor(v, decimals)}·{_factor(w, decimals)}"
        for v, w in zip(values[:limit].tolist(), weights[:limit].tolist(), strict=True)
    ]
    if limit < len(values):
        terms.append("…")
    return f"{' + '.join(terms or ['0'])} = {format_number(total, decimals=decimals)}"


@lru_cache(maxsize=4096)
def _factor(value: float, decimals: int) -> str:
    """A factor of a product: negative numbers in parentheses.

    Memoized: a page writes the same few values and weights thousands of times (every tap of
    every output cell in a hover view). Equal numbers give equal text (``1`` and ``1.0``, and
    ``0.0`` and ``-0.0``, are all written the same), so sharing their entry is exact.
    """
    text = format_number(value, decimals=decimals)
    return f"({text})" if text.startswith("-") else text
