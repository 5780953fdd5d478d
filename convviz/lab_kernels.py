"""The Image lab's kernels: the classic ones by name, and a kernel typed by a learner (cells
or URL text, parsed as numbers, never evaluated, size and weights capped).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.typed_numbers import MAX_REAL_CHARS, check_length, parse_real, shown

KERNEL_NAMES = ("box", "gaussian", "sharpen", "sobel_x", "sobel_y", "laplacian", "emboss")

CUSTOM = "custom"

MAX_KERNEL_SIDE = 7

MAX_KERNEL_WEIGHT = 100.0

# The longest ``custom_kernel=`` link text read: 7 rows of 7 taps of up to MAX_REAL_CHARS
# characters each, with their separators. Longer text is refused before it is split.
MAX_KERNEL_TEXT = MAX_KERNEL_SIDE * MAX_KERNEL_SIDE * (MAX_REAL_CHARS + 1)
# The longest cell of the kernel editor: a fraction of two numbers, ``a/b``.
MAX_CELL_CHARS = 2 * MAX_REAL_CHARS + 1

# The number parser's refusals, as the kernel cell's own (which name the cell).
_CELL_CODES = {
    "number_not_finite": "image_lab_kernel_not_finite",
    "number_too_long": "image_lab_kernel_too_long",
}

_MINUS_SIGNS = str.maketrans({"−": "-", "–": "-", "＋": "+", "，": ".", "。": "."})


def classic_kernel(name: str) -> np.ndarray:
    """One of the classic image kernels, as a float64 ``(k, k)`` array.

    Parameters
    ----------
    name : {"box", "gaussian", "sharpen", "sobel_x", "sobel_y", "laplacian", "emboss"}

    Returns
    -------
    numpy.ndarray, shape (3, 3) or (5, 5)
        ``box``: 3×3 of 1/9; ``gaussian``: 5×5 binomial [1, 4, 6, 4, 1]ᵀ[1, 4, 6, 4, 1] / 256;
        ``sharpen``: 5 at the centre, −1 at the four neighbours; ``sobel_x``: responds to
        vertical edges (brightness changing from left to right); ``sobel_y``: to horizontal
        edges; ``laplacian``: 4-neighbour; ``emboss``: a diagonal relief that keeps the
        brightness (taps sum to 1).
    """
    binomial = np.array([1.0, 4.0, 6.0, 4.0, 1.0])
    sobel = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
    kernels = {
        "box": np.full((3, 3), 1.0 / 9.0),
        "gaussian": np.outer(binomial, binomial) / 256.0,
        "sharpen": np.array([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]]),
        "sobel_x": sobel,
        "sobel_y": sobel.T.copy(),
        "laplacian": np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]),
        "emboss": np.array([[-2.0, -1.0, 0.0], [-1.0, 1.0, 1.0], [0.0, 1.0, 2.0]]),
    }
    if name not in kernels:
        raise ConvValueError("image_lab_unknown_kernel", f"unknown kernel {name!r}", name=name)
    return kernels[name]


def kernel_text(value: float) -> str:
    """A kernel tap as the editor shows it: ``"1"``, ``"-0.25"``, ``"0.1111"``."""
    return f"{value:.4g}"


def parse_kernel_cell(value: object, row: int, col: int) -> float:
    """One cell of the typed kernel as a float (plain numbers or fractions only, never evaluated).

    Parameters
    ----------
    value : object
        What the grid holds: a number, text such as ``"-1"``, ``"0.5"``, ``"1/9"``, or None.
    row, col : int
        1-based position, named in errors.

    Raises
    ------
    ConvValueError
        ``image_lab_kernel_empty``, ``image_lab_kernel_not_number`` (``token``),
        ``image_lab_kernel_not_finite`` (``inf``, ``nan``, ``1e309``),
        ``image_lab_kernel_too_long``, ``image_lab_kernel_zero_division`` or
        ``image_lab_kernel_too_large`` (``limit``).
    """
    where = {"row": row, "col": col}
    if isinstance(value, bool | np.bool_):
        raise ConvValueError(
            "image_lab_kernel_not_number", f"{value!r} is not a number", token=str(value), **where
        )
    if isinstance(value, int | float | np.integer | np.floating):
        if np.isnan(value):
            raise ConvValueError("image_lab_kernel_empty", "empty cell", **where)
        number = float(value)
    else:
        text = "" if value is None else str(value).strip().translate(_MINUS_SIGNS)
        if not text:
            raise ConvValueError("image_lab_kernel_empty", "empty cell", **where)
        number = _text_number(text, where)
    if not np.isfinite(number):
        raise ConvValueError(
            "image_lab_kernel_not_finite", f"{number} is not finite", token=str(number), **where
        )
    if abs(number) > MAX_KERNEL_WEIGHT:
        raise ConvValueError(
            "image_lab_kernel_too_large",
            f"{number:g} is outside ±{MAX_KERNEL_WEIGHT:g}",
            token=f"{number:g}",
            limit=f"{MAX_KERNEL_WEIGHT:g}",
            **where,
        )
    return number


def _text_number(text: str, where: dict[str, int]) -> float:
    """A plain decimal or a fraction ``a/b`` in ``text``; anything else is refused.

    Each part is read by :func:`convviz.typed_numbers.parse_real` (length-capped, linear in
    the text, finite only); a part that is not a number is named with its cell.
    """
    numerator, slash, denominator = text.partition("/")
    parts = (numerator, denominator) if slash else (text,)
    try:
        numbers = [parse_real(part, name="kernel") for part in parts]
    except ConvValueError as error:
        code = _CELL_CODES.get(error.code, "image_lab_kernel_not_number")
        raise ConvValueError(
            code, f"{shown(text)!r}: {error}", token=shown(text), **error.values, **where
        ) from None
    if slash and numbers[1] == 0:
        raise ConvValueError(
            "image_lab_kernel_zero_division",
            f"{text}: division by zero",
            token=shown(text),
            **where,
        )
    return numbers[0] / numbers[1] if slash else numbers[0]


def parse_kernel_grid(rows: Iterable[Sequence[object]]) -> np.ndarray:
    """The typed kernel grid as a float64 ``(kH, kW)`` array.

    Parameters
    ----------
    rows : iterable of sequences
        One sequence of cells per kernel row, as :func:`parse_kernel_cell` reads them.

    Returns
    -------
    numpy.ndarray, shape (kH, kW)

    Raises
    ------
    ConvValueError
        Any error of :func:`parse_kernel_cell` (the first bad cell, row by row), or
        ``image_lab_kernel_shape`` when the grid is empty, ragged or larger than
        ``MAX_KERNEL_SIDE`` on a side.
    """
    grid = [list(row) for row in rows]
    widths = {len(row) for row in grid}
    if not grid or len(widths) != 1 or 0 in widths or max(len(grid), *widths) > MAX_KERNEL_SIDE:
        raise ConvValueError(
            "image_lab_kernel_shape",
            f"the kernel needs 1 to {MAX_KERNEL_SIDE} rows of equal length",
            limit=MAX_KERNEL_SIDE,
        )
    values = [
        [parse_kernel_cell(cell, r, c) for c, cell in enumerate(row, start=1)]
        for r, row in enumerate(grid, start=1)
    ]
    return np.array(values, dtype=np.float64)


def format_kernel(kernel: np.ndarray) -> str:
    """A kernel as link text: rows separated by ``;``, taps by ``,`` (``"0,-1,0;-1,5,-1;…"``)."""
    return ";".join(",".join(kernel_text(v) for v in row) for row in np.asarray(kernel))


def kernel_from_text(text: str) -> np.ndarray:
    """Inverse of :func:`format_kernel`, with the same checks as :func:`parse_kernel_grid`.

    Raises
    ------
    ConvValueError
        ``text_too_long`` for text over :data:`MAX_KERNEL_TEXT` characters (checked before
        anything is split), or any error of :func:`parse_kernel_grid`.
    """
    check_length(text, name="custom_kernel", limit=MAX_KERNEL_TEXT, what="text")
    return parse_kernel_grid(row.split(",") for row in text.split(";"))


def identity_kernel(k: int) -> np.ndarray:
    """A ``(k, k)`` kernel with 1 at the centre (``k // 2``) and 0 elsewhere: output = input."""
    kernel = np.zeros((k, k))
    kernel[k // 2, k // 2] = 1.0
    return kernel


def starting_kernel(k: int, link_text: str | None) -> np.ndarray:
    """What the typed-kernel grid starts from: the link's kernel if it is valid and k×k, else
    :func:`identity_kernel`."""
    if link_text:
        try:
            kernel = kernel_from_text(link_text)
        except ConvValueError:
            return identity_kernel(k)
        if kernel.shape == (k, k):
            return kernel
    return identity_kernel(k)
