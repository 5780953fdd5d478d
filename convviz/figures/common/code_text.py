"""PyTorch snippets as the pages print them: trailing comments lined up in one column, arrays
written out as nested lists, and the page's own random numbers rebuilt in the snippet.

The snippets are f-strings whose numbers change with the setting, so a comment column typed
by hand drifts; :func:`align_comments` puts every trailing ``# …`` two spaces after the longest
line of code that carries one. Numbers are written so that they read back exactly
(:func:`number_literal`): a typed 0.125 must not become 0.12 in the code, or the code would
print other numbers than the page. :func:`seeded_values` writes the expression that draws the same
numbers as ``make_values("random", shape, seed=seed)``, so a snippet prints the page's numbers.
"""

from __future__ import annotations

import numpy as np

MARKER = "  # "  # code, at least two spaces, then a trailing comment


def align_comments(code: str) -> str:
    """``code`` with its trailing comments aligned; full-line comments stay where they are.

    Parameters
    ----------
    code : str
        Python source; a trailing comment is ``"<code>  # <text>"`` (two or more spaces).

    Returns
    -------
    str
        The same lines, trailing comments starting in one column.
    """
    split = []
    for line in code.split("\n"):
        head, sep, comment = line.partition(MARKER)
        if sep and head.strip():
            split.append((head.rstrip(), comment))
        else:
            split.append((line, None))
    width = max((len(head) for head, comment in split if comment is not None), default=0)
    return "\n".join(
        head if comment is None else f"{head.ljust(width)}  # {comment}" for head, comment in split
    )


def number_literal(value: float, *, double: bool = False) -> str:
    """A number as Python source that gives the same value in a tensor: ``3``, ``0.125``.

    Parameters
    ----------
    value : float
    double : bool
        The tensor is float64: write the shortest text that reads back as the same float64.
        Otherwise (float32, the default of the snippets) the shortest text that rounds to the
        same float32, which is shorter.

    Examples
    --------
    >>> number_literal(3.0), number_literal(-0.125), number_literal(1 / 3), number_literal(-0.0)
    ('3', '-0.125', '0.33333334', '0')
    >>> number_literal(1 / 3, double=True)
    '0.3333333333333333'
    """
    number = float(value)
    if number.is_integer() and abs(number) < 2**24:  # every such integer is a float32
        return str(int(number))
    with np.errstate(over="ignore"):
        single = np.float32(number)
    if double or not np.isfinite(single):  # beyond float32: as typed (PyTorch gives inf)
        return repr(number)
    return str(single)


def grid_literal(values: np.ndarray, *, indent: str = "") -> str:
    """(H, W) ``values`` as a (1, 1, H, W) float32 tensor literal, one row per line.

    Examples
    --------
    >>> print(grid_literal(np.array([[1.0, 0.5], [-2.0, 0.0]])))
    torch.tensor([[[
        [1, 0.5],
        [-2, 0],
    ]]], dtype=torch.float32)
    """
    rows = "".join(
        f"{indent}    [{', '.join(number_literal(v) for v in row)}],\n" for row in values
    )
    return f"torch.tensor([[[\n{rows}{indent}]]], dtype=torch.float32)"


def seeded_values(shape: tuple[int, ...], seed: int) -> str:
    """Python for the float32 tensor ``make_values("random", shape, seed=seed)`` gives the page.

    Parameters
    ----------
    shape : tuple of int
        Shape of the tensor in the snippet; its element count must be the page's (a leading 1
        or trailing 1×1 changes nothing: NumPy draws the same integers in the same order).
    seed : int

    Returns
    -------
    str
        ``torch.tensor(np.random.default_rng(seed).integers(-3, 4, size=shape), dtype=…)``.
    """
    size = ", ".join(str(n) for n in shape)
    return (
        f"torch.tensor(np.random.default_rng({seed}).integers(-3, 4, size=({size})), "
        "dtype=torch.float32)"
    )


def array_literal(values: object, *, indent: str = "", double: bool = False) -> str:
    """An N-d array as nested Python lists, one innermost row per line.

    Parameters
    ----------
    values : array_like
        Any shape with at least one axis; numbers as the grids print them.
    indent : str
        Indentation of the line the literal starts on (nested lines indent further).
    double : bool
        For a float64 tensor (see :func:`number_literal`).

    Examples
    --------
    >>> print(array_literal([[[1, 2], [3, 4]]]))
    [
        [[1, 2],
         [3, 4]],
    ]
    """
    array = np.asarray(values, dtype=float)
    if array.ndim == 1:
        return "[" + ", ".join(number_literal(v, double=double) for v in array.tolist()) + "]"
    if array.ndim == 2:
        rows = (array_literal(row, double=double) for row in array)
        return "[" + f",\n{indent} ".join(rows) + "]"
    inner = indent + "    "
    body = "".join(f"{inner}{array_literal(sub, indent=inner, double=double)},\n" for sub in array)
    return f"[\n{body}{indent}]"
