"""LaTeX for lecture notes: matrices (numbers or symbolic ``w_{i,j}``) and size formulas.

Everything returned is well-formed on its own: every ``\\begin`` has its ``\\end``, every
row has ``columns − 1`` ``&``, rows are separated by ``\\\\``. Matrices of up to 10 columns
use amsmath's ``bmatrix``; wider ones (amsmath stops at ``MaxMatrixCols`` = 10) use
``\\left[\\begin{array}{cc…c} … \\end{array}\\right]``, which compiles in LaTeX, KaTeX and
MathJax alike without changing any counter.
"""

from __future__ import annotations

import re

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.export.scene import format_number

MAX_BMATRIX_COLUMNS = 10
SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_UNICODE_LABEL = re.compile(r"^([A-Za-z]+)([₀-₉]+(?:[,‚][₀-₉]+)*)$")


def number_entry(value: float, *, decimals: int = 3) -> str:
    """A number as a matrix entry: ``3``, ``-1``, ``0.25``; ``nan`` gives an empty entry."""
    return format_number(float(value), decimals)


def symbolic_entry(label: object) -> str:
    """A symbolic entry in LaTeX.

    ``""`` and ``"0"`` give ``0``; screen labels with Unicode subscripts become subscripts:
    ``"w₀₂"`` → ``w_{0,2}`` (two digits are row and column), ``"w₁₀,₂"`` → ``w_{10,2}``,
    ``"y₃"`` → ``y_{3}``; anything else (``"w_{0,2}"``, ``"x_1 w_{0,0}"``) is taken as LaTeX.
    """
    text = str(label).strip()
    if text in ("", "0"):
        return "0"
    match = _UNICODE_LABEL.match(text)
    if match is None:
        return text
    name, subscript = match.groups()
    digits = subscript.translate(SUBSCRIPT_DIGITS)
    parts = re.split(r"[,‚]", digits)
    if len(parts) == 1 and len(digits) == 2:
        parts = [digits[0], digits[1]]
    return f"{name}_{{{','.join(parts)}}}"


def bmatrix(entries: np.ndarray, *, symbolic: bool = False, decimals: int = 3) -> str:
    """A matrix in LaTeX.

    Parameters
    ----------
    entries : np.ndarray
        (R, C) numbers, or (R, C) labels when ``symbolic`` (a 1-D array is one row).
    symbolic : bool
        Entries are labels (see :func:`symbolic_entry`); empty entries of a sparse symbolic
        matrix such as C are written as ``0``.
    decimals : int
        Digits after the point for non-integer numbers.

    Returns
    -------
    str
        ``\\begin{bmatrix} … \\end{bmatrix}`` for up to 10 columns, else the equivalent
        bracketed ``array`` (see the module docstring).
    """
    array = np.asarray(entries, dtype=object if symbolic else float)
    if array.ndim == 1:
        array = array[None, :]  # (1, C)
    if array.ndim != 2 or array.size == 0:
        raise ConvValueError(
            "export_latex_not_matrix",
            f"a LaTeX matrix needs a non-empty 2-D table, got shape {array.shape}",
            shape=str(array.shape),
        )
    cell = symbolic_entry if symbolic else (lambda v: number_entry(v, decimals=decimals))
    rows = [" & ".join(cell(v) for v in row) for row in array.tolist()]
    body = " \\\\\n".join(rows)
    if array.shape[1] <= MAX_BMATRIX_COLUMNS:
        return f"\\begin{{bmatrix}}\n{body}\n\\end{{bmatrix}}"
    spec = "c" * array.shape[1]
    return f"\\left[\\begin{{array}}{{{spec}}}\n{body}\n\\end{{array}}\\right]"


def _need(name: str, value: int, low: int) -> int:
    if int(value) != value or value < low:
        raise ConvValueError(
            "export_formula_value",
            f"{name}={value} must be a whole number of at least {low}",
            name=name,
            value=value,
            low=low,
        )
    return int(value)


def size_formula_latex(
    kind: str,
    *,
    size: int,
    kernel_size: int,
    stride: int = 1,
    padding: int = 0,
    dilation: int = 1,
    output_padding: int = 0,
    general: bool = True,
) -> str:
    """The output-size formula with the current numbers substituted, as LaTeX.

    Parameters
    ----------
    kind : {"standard", "transposed"}
    size, kernel_size, stride, padding, dilation, output_padding : int
        ``i, k, s, p, d, a`` along one axis (``output_padding`` only for transposed).
    general : bool
        Start with the formula in letters before the numbers.

    Returns
    -------
    str
        E.g. ``o = \\left\\lfloor \\frac{5 + 2\\cdot1 - 1\\cdot(3-1) - 1}{2} \\right\\rfloor + 1
        = 3`` (math mode content, no ``$``).

    Notes
    -----
    Standard: ``o = ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1``.
    Transposed: ``o = (i − 1)s − 2p + d(k − 1) + a + 1``.
    """
    i, k = _need("size", size, 1), _need("kernel_size", kernel_size, 1)
    s, d = _need("stride", stride, 1), _need("dilation", dilation, 1)
    p, a = _need("padding", padding, 0), _need("output_padding", output_padding, 0)
    if kind == "standard":
        letters = r"o = \left\lfloor \frac{i + 2p - d(k-1) - 1}{s} \right\rfloor + 1"
        numbers = (
            rf"\left\lfloor \frac{{{i} + 2\cdot{p} - {d}\cdot({k}-1) - 1}}{{{s}}} \right\rfloor + 1"
        )
        value = (i + 2 * p - d * (k - 1) - 1) // s + 1
    elif kind == "transposed":
        letters = r"o = (i-1)s - 2p + d(k-1) + a + 1"
        numbers = rf"({i}-1)\cdot{s} - 2\cdot{p} + {d}\cdot({k}-1) + {a} + 1"
        value = (i - 1) * s - 2 * p + d * (k - 1) + a + 1
    else:
        raise ConvValueError(
            "export_formula_kind",
            f"kind={kind!r} must be 'standard' or 'transposed'",
            kind=kind,
        )
    if value < 1:
        raise ConvValueError(
            "export_formula_no_output",
            f"these numbers give an output size of {value}; a convolution needs at least 1",
            value=value,
        )
    start = f"{letters} = " if general else "o = "
    return f"{start}{numbers} = {value}"


def latex_document(body: str, *, display: bool = True) -> str:
    """A complete ``article`` (amsmath) holding ``body``, ready for ``pdflatex``.

    ``display`` wraps ``body`` in ``\\[ … \\]`` (for a matrix or a formula); pass ``False``
    for a body that is already text.
    """
    content = f"\\[\n{body}\n\\]" if display else body
    return (
        "\\documentclass{article}\n"
        "\\usepackage{amsmath}\n"
        "\\begin{document}\n"
        f"{content}\n"
        "\\end{document}\n"
    )
