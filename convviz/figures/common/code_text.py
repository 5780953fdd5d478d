"""PyTorch snippets as the pages print them: trailing comments lined up in one column, arrays
written out as nested lists, and the page's own random numbers rebuilt in the snippet.

The snippets are f-strings whose numbers change with the setting, so a comment column typed
by hand drifts; :func:`align_comments` puts every trailing ``# …`` two spaces after the longest
line of code that carries one. :func:`seeded_values` writes the expression that draws the same
numbers as ``make_values("random", shape, seed=seed)``, so a snippet prints the page's numbers.
"""

from __future__ import annotations

import numpy as np

from convviz.engine.arithmetic_text import format_number

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


def array_literal(values: object, *, indent: str = "") -> str:
    """An N-d array as nested Python lists, one innermost row per line.

    Parameters
    ----------
    values : array_like
        Any shape with at least one axis; numbers as the grids print them.
    indent : str
        Indentation of the line the literal starts on (nested lines indent further).

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
        return "[" + ", ".join(format_number(v) for v in array.tolist()) + "]"
    if array.ndim == 2:
        return "[" + f",\n{indent} ".join(array_literal(row) for row in array) + "]"
    inner = indent + "    "
    body = "".join(f"{inner}{array_literal(sub, indent=inner)},\n" for sub in array)
    return f"[\n{body}{indent}]"
