"""Run PyTorch snippets the way a learner would paste them, and report what they print.

Reads ``{name: source}`` as JSON on stdin, runs every snippet in its own namespace (one
process, torch imported once) and writes ``{name: {"error", "prints", "claims"}}`` as JSON:
each ``print`` call with the snippet line it is on and the text it printed, and each full-line
comment of the form ``# <expression> == <value>`` evaluated at the point where it stands.
Used by ``tests/presentation/test_code_snippets.py`` as ``python -m tests.support.run_snippets``.
"""

from __future__ import annotations

import io
import json
import re
import sys
import traceback

CLAIM = re.compile(r"^(?P<indent>\s*)#\s*(?P<expr>[A-Za-z_][\w.\[\], ]*?) == (?P<value>\(.*?\))")


def with_claims(source: str) -> tuple[str, dict[int, str]]:
    """``source`` with each ``# expr == value`` comment turned into a recorded check.

    The line numbers stay as they are, so a print or a claim is reported on its own line.
    """
    lines, claims = source.split("\n"), {}
    for number, line in enumerate(lines, start=1):
        match = CLAIM.match(line)
        if match:
            expr, value = match["expr"], match["value"]
            claims[number] = f"{expr} == {value}"
            lines[number - 1] = f"{match['indent']}__claim__({number}, {expr!r}, {value!r})"
    return "\n".join(lines), claims


def run(name: str, source: str) -> dict:
    """Execute one snippet; collect its prints, its claims and the error it raised, if any."""
    import torch

    torch.manual_seed(0)
    prints: list[tuple[int, str]] = []
    claims: list[tuple[int, bool, str]] = []
    namespace: dict = {"__name__": "__snippet__"}

    def snippet_print(*args, **kwargs):
        buffer = io.StringIO()
        print(*args, **{**kwargs, "file": buffer})
        prints.append((sys._getframe(1).f_lineno, buffer.getvalue().rstrip("\n")))

    def claim(number: int, expr: str, value: str) -> None:
        actual = eval(expr, namespace)
        claims.append((number, bool(actual == eval(value, namespace)), repr(actual)))

    namespace.update(print=snippet_print, __claim__=claim)
    code, _ = with_claims(source)
    try:
        exec(compile(code, f"<{name}>", "exec"), namespace)
        error = None
    except Exception:
        error = traceback.format_exc(limit=-3)
    return {"error": error, "prints": prints, "claims": claims}


def main() -> None:
    import torch

    torch.set_num_threads(1)  # the suite runs beside other work; the snippets are tiny
    snippets = json.load(sys.stdin)
    json.dump({name: run(name, source) for name, source in snippets.items()}, sys.stdout)


if __name__ == "__main__":
    main()
