"""The 3 → k mixing matrix of the 1×1 page's picture demo: presets, the edited table and
the link form (``?mix=R,G,B;…``), each read into a checked ``(k, 3)`` matrix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.export.csvtext import csv_number
from convviz.figures.common.grid import format_number
from convviz.inputs import parse_numbers

# 3 → k mixing matrices (rows: output channels; columns: R, G, B). "random" is drawn per seed.
MIXING_PRESETS: dict[str, tuple[tuple[float, float, float], ...] | None] = {
    "grayscale": ((0.299, 0.587, 0.114),),  # ITU-R BT.601 luma
    "swap_rb": ((0.0, 0.0, 1.0), (0.0, 1.0, 0.0), (1.0, 0.0, 0.0)),
    "opponent": ((1.0, -1.0, 0.0), (0.5, 0.5, -1.0)),  # red − green, yellow − blue
    "random": None,
}
MAX_MIX_ROWS = 6
MAX_MIX_WEIGHT = 10.0
MAX_MIX_TEXT = 200  # characters of a mixing matrix in a link (6 rows need far fewer)


def mixing_preset(name: str, *, seed: int = 0) -> np.ndarray:
    """The ``(k, 3)`` matrix of preset ``name``; ``random`` is a 3→3 Gaussian projection.

    The random matrix has entries ``N(0, 1/3)`` from ``default_rng(seed)``, rounded to two
    decimals so it can be edited by hand.
    """
    rows = MIXING_PRESETS[name]
    if rows is None:
        rng = np.random.default_rng(seed)
        return np.round(rng.normal(0.0, 1.0 / np.sqrt(3.0), size=(3, 3)), 2)
    return np.array(rows, dtype=np.float64)


def _cell_number(value: object, row: int, column: str) -> float:
    """One edited table cell as a float (numbers only, never evaluated)."""
    if value is None or (isinstance(value, float | np.floating) and np.isnan(value)):
        raise ConvValueError(
            "mixing_empty", f"row {row}, column {column} is empty", row=row, column=column
        )
    if isinstance(value, bool | np.bool_):
        number = float("nan")
    elif isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
    else:
        try:
            parsed = parse_numbers(str(value).strip())
        except ConvValueError:
            parsed = np.array([])
        number = float(parsed[0]) if parsed.size == 1 else float("nan")
    if not np.isfinite(number):
        raise ConvValueError(
            "mixing_not_number",
            f"row {row}, column {column}: {value!r} is not a number",
            row=row,
            column=column,
            value=str(value)[:20],
        )
    if abs(number) > MAX_MIX_WEIGHT:
        raise ConvValueError(
            "mixing_too_large",
            f"row {row}, column {column}: {number:g} is outside ±{MAX_MIX_WEIGHT:g}",
            row=row,
            column=column,
            value=format_number(number),
            limit=format_number(MAX_MIX_WEIGHT),
        )
    return number


def parse_mixing_rows(
    rows: Iterable[Sequence[object]], *, columns: Sequence[str] = "RGB"
) -> np.ndarray:
    """The edited mixing table as a ``(k, 3)`` float64 matrix.

    Parameters
    ----------
    rows : iterable of sequences
        One sequence of 3 cells per output channel (numbers, or text holding one number);
        errors count rows from 1, as the learner sees them.
    columns : sequence of str
        Column names used in error messages.

    Raises
    ------
    ConvValueError
        ``mixing_empty`` (an empty cell, e.g. of a newly added row), ``mixing_not_number``
        (text that is not one plain number, or infinity), ``mixing_too_large`` (a weight
        outside ±``MAX_MIX_WEIGHT``) or ``mixing_rows`` (not 1 … ``MAX_MIX_ROWS`` rows).
    """
    matrix = [
        [_cell_number(v, r, columns[c]) for c, v in enumerate(row)]
        for r, row in enumerate(rows, start=1)
    ]
    if not 1 <= len(matrix) <= MAX_MIX_ROWS:
        raise ConvValueError(
            "mixing_rows",
            f"the mixing matrix has {len(matrix)} rows; use 1 to {MAX_MIX_ROWS}",
            rows=len(matrix),
            limit=MAX_MIX_ROWS,
        )
    return np.array(matrix, dtype=np.float64).reshape(len(matrix), len(columns))  # (k, 3)


def mixing_text(matrix: np.ndarray) -> str:
    """The link form of a ``(k, 3)`` mixing matrix: ``0.299,0.587,0.114;1,0,0``."""
    return ";".join(",".join(csv_number(v) for v in row) for row in np.asarray(matrix))


def link_text(matrix: np.ndarray, preset: np.ndarray) -> str | None:
    """:func:`mixing_text` of an edited matrix, or ``None`` while it equals its preset."""
    if matrix.shape == preset.shape and np.array_equal(matrix, preset):
        return None
    return mixing_text(matrix)


def parse_mixing_text(text: str) -> np.ndarray:
    """A mixing matrix from its link form (:func:`mixing_text`), checked like the table.

    Raises
    ------
    ConvValueError
        ``mixing_link`` when the text is not rows of three comma-separated fields joined by
        ``;`` (or is longer than ``MAX_MIX_TEXT``); otherwise the errors of
        :func:`parse_mixing_rows`.
    """
    rows = [] if len(text) > MAX_MIX_TEXT else [row.split(",") for row in text.split(";")]
    if not rows or any(len(row) != 3 for row in rows):
        raise ConvValueError(
            "mixing_link",
            f"mix={text[:40]!r} is not rows of three numbers R,G,B separated by ';'",
            text=text[:40],
        )
    return parse_mixing_rows(rows)
