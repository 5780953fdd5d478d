"""Checking PyTorch snippets against what they print when they run.

:func:`run_snippets` runs many snippets in one subprocess with torch
(``tests/support/run_snippets.py``); :func:`problems` lists, for one snippet, every way its
text disagrees with its run:

- it raised;
- ``print(...)  # comment``: the numbers and True / False the comment states (see
  :func:`comment_claim`) are not the ones printed; ``# ~0 …`` means a printed value of at most
  1e-4;
- a ``print(...)`` followed by a block of comment lines holding only numbers (the expected
  output, after at most one header line): the block is not what was printed;
- a full-line ``# expr == (…)`` claim that is false when run where it stands;
- a print the caller names (``expected={"y[0, 0]": array}``, the page's own numbers) that
  prints other numbers.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
TOKEN = re.compile(r"(?<![\w.])(True|False|-?\d+(?:\.\d*)?(?:e[-+]?\d+)?|nan|inf)(?![\w])")
PRINT = re.compile(r"^\s*print\((?P<expr>.*)\)$")
MARKER = "  # "
NEAR_ZERO = 1e-4


def run_snippets(snippets: dict[str, str], timeout: float = 600) -> dict[str, dict]:
    """Run ``{name: source}`` in one ``python -m tests.support.run_snippets`` process."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.run_snippets"],
        input=json.dumps(snippets),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        check=True,
    )
    return json.loads(done.stdout)


def tokens(text: str) -> list[float | bool]:
    """The numbers and truth values in ``text``, in order (``MaxBackward1`` has none)."""
    found: list[float | bool] = []
    for token in TOKEN.findall(text):
        found.append(token == "True" if token in ("True", "False") else float(token))
    return found


def same_values(claimed: list, printed: list, *, rel: float = 1e-3) -> bool:
    """Whether two token lists agree: truth values exactly, numbers to torch's 4 decimals."""
    if len(claimed) != len(printed):
        return False
    scale = max((abs(v) for v in claimed if not isinstance(v, bool)), default=1.0)
    for a, b in zip(claimed, printed, strict=True):
        if isinstance(a, bool) or isinstance(b, bool):
            if not (isinstance(a, bool) and isinstance(b, bool) and a == b):
                return False
        elif not math.isclose(a, b, rel_tol=rel, abs_tol=max(1e-4, rel * scale * 1e-1)):
            return False
    return True


def comment_claim(comment: str) -> str:
    """The part of a trailing comment that states the printed value: after its last `` = ``
    (``# (C_out, C_in/g, k, k) = (8, 2, 3, 3)``), else before its first ``: ``
    (``# 12.5: the sum the page shows``), else all of it."""
    if " = " in comment:
        return comment.rsplit(" = ", 1)[-1]
    return comment.split(": ", 1)[0]


def _expected_block(lines: list[str], number: int) -> list[float | bool] | None:
    """Numbers of the comment block right after line ``number`` (1-based), if it has one."""
    index, block = number, []  # lines[number] is the line after the print
    if index < len(lines) and lines[index].lstrip().startswith("#") and not tokens(lines[index]):
        index += 1  # a header such as "# expected output:"
    while index < len(lines) and lines[index].lstrip().startswith("#"):
        values = tokens(lines[index])
        if not values or re.search(r"[A-Za-z\u4e00-\u9fff]", lines[index]):
            break
        block += values
        index += 1
    return block or None


def _short(values: object, limit: int = 300) -> str:
    text = repr(values)
    return text if len(text) <= limit else text[:limit] + " …"


def problems(source: str, result: dict, expected: dict[str, np.ndarray] | None = None) -> list[str]:
    """Every disagreement between ``source`` and its ``result`` (see the module docstring)."""
    if result["error"]:
        return [f"raised:\n{result['error']}"]
    found, lines, named = [], source.split("\n"), dict(expected or {})
    for number, text in result["prints"]:
        line = lines[number - 1]
        code, sep, comment = line.partition(MARKER)
        printed = tokens(text)
        if sep and code.strip():
            if comment.strip().startswith("~0"):
                if not printed or abs(float(printed[0])) > NEAR_ZERO:
                    found.append(f"line {number}: printed {text!r}, comment says ~0")
            elif not same_values(tokens(comment_claim(comment)), printed):
                found.append(f"line {number}: printed {text!r}, comment says {comment!r}")
        else:
            block = _expected_block(lines, number)
            if block is not None and not same_values(block, printed):
                found.append(
                    f"line {number}: printed {_short(text)}, the comment block says {_short(block)}"
                )
        match = PRINT.match(code.rstrip() if sep else line)
        if match and match["expr"] in named:
            values = [float(v) for v in np.asarray(named.pop(match["expr"])).ravel()]
            if not same_values(values, printed):
                found.append(
                    f"line {number}: printed {_short(text)}, the page shows {_short(values)}"
                )
    found += [
        f"line {n}: claim false, got {actual}" for n, ok, actual in result["claims"] if not ok
    ]
    found += [f"never printed: {expr}" for expr in named]
    return found
