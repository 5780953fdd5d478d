"""How grid cells are coloured: by their role (the default) or by their value.

By role, a cell's fill says what it is — input, kernel, output, padding, an inserted zero —
in light, calm tints, and the numbers carry the values; by value, real cells take the cividis
scale over their panel's range. One choice holds for a whole page run (the learner's "colour
by value" switch): the page sets it with :func:`colouring` around what it builds, and every
grid built meanwhile (on screen or for a file) takes it as its default.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

COLOURINGS = ("role", "value")
_CURRENT: ContextVar[str] = ContextVar("convviz_colouring", default="role")


def current_colouring() -> str:
    """``"role"`` or ``"value"``: the colouring grids built now take by default."""
    return _CURRENT.get()


@contextmanager
def colouring(mode: str) -> Iterator[str]:
    """Build grids coloured by ``mode`` (``"role"`` or ``"value"``) inside this block.

    Anything else falls back to ``"role"`` (a value from a link is not trusted).
    """
    token = _CURRENT.set(mode if mode in COLOURINGS else "role")
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)
