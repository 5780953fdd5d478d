"""PyTorch snippets as the pages print them: trailing comments lined up in one column.

The snippets are f-strings whose numbers change with the setting, so a comment column typed
by hand drifts; :func:`align_comments` puts every trailing ``# …`` two spaces after the longest
line of code that carries one.
"""

from __future__ import annotations

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
