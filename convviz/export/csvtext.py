"""Grids as CSV text: one grid row per line, full precision, symbolic labels kept as written.

Teachers paste these into spreadsheets or load them with ``numpy.loadtxt(..., delimiter=",")``
(numbers) or the ``csv`` module (labels). Numbers are written in the shortest form that reads
back to the same float (``3``, ``0.1``, ``-2.5``); ``nan`` becomes an empty field.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

import numpy as np

from convviz.engine.errors import ConvValueError


def csv_number(value: float) -> str:
    """``3`` for integral values, else Python's shortest round-trip form; ``""`` for nan."""
    value = float(value)
    if not np.isfinite(value):
        return "" if np.isnan(value) else ("inf" if value > 0 else "-inf")
    return str(int(value)) if value.is_integer() else repr(value)


def grid_csv(
    values: np.ndarray,
    *,
    labels: np.ndarray | None = None,
    header: Sequence[str] | None = None,
) -> str:
    """A grid as CSV.

    Parameters
    ----------
    values : np.ndarray
        (R, C) numbers, or (R, C) strings (symbolic entries such as ``w_{0,1}``); a 1-D
        array is one row.
    labels : np.ndarray, optional
        (R, C) strings written instead of the numbers where they are not empty.
    header : sequence of str, optional
        A first line of C column names.

    Returns
    -------
    str
        ``\\n``-separated lines; fields are quoted only when they contain a comma or a quote.
    """
    array = np.asarray(values)
    if array.ndim == 1:
        array = array[None, :]  # (1, C)
    if array.ndim != 2 or array.size == 0:
        raise ConvValueError(
            "export_csv_not_grid",
            f"CSV needs a non-empty 2-D table, got shape {array.shape}",
            shape=str(array.shape),
        )
    numeric = np.issubdtype(array.dtype, np.number) or array.dtype == bool
    cells = [[csv_number(v) if numeric else str(v) for v in row] for row in array.tolist()]
    if labels is not None:
        names = np.asarray(labels, dtype=object).reshape(array.shape)  # (R, C)
        cells = [
            [str(name) if str(name) else cell for cell, name in zip(row, names_row, strict=True)]
            for row, names_row in zip(cells, names.tolist(), strict=True)
        ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header is not None:
        writer.writerow(list(header))
    writer.writerows(cells)
    return buffer.getvalue()
