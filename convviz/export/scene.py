"""What an exported picture shows, as plain data: grids, graphs, scenes and animations.

Pages describe a view once with these dataclasses (cheap to build, no Pillow) and hand it to
the renderers in :mod:`convviz.export.png` and :mod:`convviz.export.gif`. Text that is shown
to a reader is either a plain string (numbers, formulas, symbols: the same in every language)
or a :class:`Bilingual` pair, so a renderer can fall back to English when no font for Chinese
is installed instead of drawing empty boxes.

Rectangles are ``(r0, c0, r1, c1)`` with rows ``r0 … r1-1`` and columns ``c0 … c1-1``
(inclusive start, exclusive end, like NumPy slices ``[r0:r1, c0:c1]``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from convviz.engine.arithmetic_text import format_number as engine_format_number
from convviz.engine.errors import ConvValueError
from convviz.i18n import translate
from convviz.style.colouring import current_colouring
from convviz.style.palette import ROLE_COLOUR

Role = Literal["input", "kernel", "output", "other"]
Rect = tuple[int, int, int, int]
ROLES = ("input", "kernel", "output", "other")


@dataclass(frozen=True)
class Bilingual:
    """One text in English and Simplified Chinese; renderers pick one with :meth:`pick`."""

    en: str
    zh: str

    def pick(self, lang: str) -> str:
        """The Chinese text for ``lang == "zh"``, else the English one."""
        return self.zh if lang == "zh" else self.en


Text = str | Bilingual


def bilingual(key: str, **values: object) -> Bilingual:
    """Both translations of the i18n ``key``, formatted with ``values``."""
    return Bilingual(translate(key, "en", **values), translate(key, "zh", **values))


def pick(text: Text, lang: str) -> str:
    """``text`` in ``lang``: a plain string as is, a :class:`Bilingual` by language."""
    return text.pick(lang) if isinstance(text, Bilingual) else text


def format_number(value: float, decimals: int = 2) -> str:
    """``3`` for integral values, else rounded to ``decimals`` places without trailing zeros.

    The engine's rule (the same as the on-screen grids); ``nan`` (a value not computed yet)
    gives ``""``.
    """
    return engine_format_number(value, decimals=decimals) if np.isfinite(value) else ""


def _bad(code: str, message: str, **values: object) -> ConvValueError:
    return ConvValueError(f"export_{code}", message, **values)


def _check_rects(rects: tuple[Rect, ...], rows: int, cols: int) -> tuple[Rect, ...]:
    out = []
    for rect in rects:
        r0, c0, r1, c1 = (int(v) for v in rect)
        if not (0 <= r0 < r1 <= rows and 0 <= c0 < c1 <= cols):
            raise _bad(
                "bad_rectangle",
                f"rectangle rect={rect} must satisfy 0 <= r0 < r1 <= {rows} and "
                f"0 <= c0 < c1 <= {cols} for a {rows}×{cols} grid",
                rect=str(tuple(rect)),
                rows=rows,
                cols=cols,
            )
        out.append((r0, c0, r1, c1))
    return tuple(out)


@dataclass(frozen=True, eq=False)
class GridPanel:
    """A grid of cells with a number (or a symbolic label) in each, like the on-screen grids.

    Attributes
    ----------
    values : np.ndarray
        (H, W) numbers printed in the cells (and, coloured by value, the cividis level of the
        REAL cells over ``value_range``). ``nan`` marks a cell with no value yet (drawn empty,
        e.g. an output not yet computed in an animation).
    title : str or Bilingual
        Drawn above the grid in the colour of ``role``.
    role : {"input", "kernel", "output", "other"}
    kinds : np.ndarray, optional
        (H, W) ``CellKind`` ints; cells other than REAL are filled by kind (``KIND_FILL``).
    labels : np.ndarray, optional
        (H, W) strings printed instead of the numbers (e.g. symbolic ``w₀₀``); ``""`` leaves a
        cell blank.
    highlights : tuple of (r0, c0, r1, c1)
        Rectangles outlined thickly in ``HIGHLIGHT`` (the window, the selected cell).
    secondary : tuple of (r0, c0, r1, c1)
        Rectangles outlined thinner in ``SECONDARY_HIGHLIGHT`` (e.g. the taps of a dilated
        window, the cells a stamp lands on).
    value_range : (float, float), optional
        Colour range; defaults to the min / max of the REAL cells.
    decimals : int
        Digits after the point for non-integer numbers.
    show_numbers : bool
        ``False`` draws colours only.
    colour_by : {"role", "value"}
        REAL cells in the light tint of ``role`` or on cividis; defaults to the page's choice
        (:mod:`convviz.style.colouring`), as on screen.
    """

    values: np.ndarray
    title: Text = ""
    role: Role = "other"
    kinds: np.ndarray | None = None
    labels: np.ndarray | None = None
    highlights: tuple[Rect, ...] = ()
    secondary: tuple[Rect, ...] = ()
    value_range: tuple[float, float] | None = None
    decimals: int = 2
    show_numbers: bool = True
    colour_by: str = field(default_factory=current_colouring)

    def __post_init__(self) -> None:
        values = np.asarray(self.values, dtype=float)
        if values.ndim != 2 or values.size == 0:
            raise _bad(
                "not_grid",
                f"a grid panel needs a non-empty 2-D array of values, got shape {values.shape}",
                shape=str(values.shape),
            )
        object.__setattr__(self, "values", values)
        for name, dtype in (("kinds", np.int8), ("labels", str)):
            array = getattr(self, name)
            if array is None:
                continue
            array = np.asarray(array, dtype=dtype)
            if array.shape != values.shape:
                raise _bad(
                    "shape_mismatch",
                    f"{name} has shape {array.shape} but values have shape {values.shape}; "
                    "they must match cell for cell",
                    name=name,
                    got=str(array.shape),
                    expected=str(values.shape),
                )
            object.__setattr__(self, name, array)
        if self.role not in ROLES:
            raise _bad(
                "bad_role",
                f"role={self.role!r} must be one of {', '.join(ROLES)}",
                role=self.role,
                roles=", ".join(ROLES),
            )
        rows, cols = values.shape
        for name in ("highlights", "secondary"):
            object.__setattr__(self, name, _check_rects(tuple(getattr(self, name)), rows, cols))

    @property
    def shape(self) -> tuple[int, int]:
        """``(H, W)``."""
        return self.values.shape  # type: ignore[return-value]


@dataclass(frozen=True)
class NodeColumn:
    """One column (or, for ``direction="up"``, one row) of nodes in a :class:`GraphPanel`.

    Attributes
    ----------
    labels : tuple of str
        Text inside each node, e.g. ``("x0", "x1")``.
    title : str or Bilingual
    role : {"input", "kernel", "output", "other"}
        Colours the title and the labels.
    rings : tuple of str, optional
        Outline colour of each node (e.g. its group's colour); default the role colour.
    square : bool
        Square nodes (filters) instead of circles.
    """

    labels: tuple[str, ...]
    title: Text = ""
    role: Role = "other"
    rings: tuple[str, ...] | None = None
    square: bool = False


@dataclass(frozen=True)
class Edge:
    """A line from node ``source = (column, index)`` to node ``target``."""

    source: tuple[int, int]
    target: tuple[int, int]
    colour: str = ROLE_COLOUR["muted"]
    width: float = 1.5


@dataclass(frozen=True)
class GraphPanel:
    """Nodes in columns joined by edges: channel connectivity, layer stacks, receptive paths.

    ``direction="right"`` lays the columns out left to right (nodes top to bottom);
    ``direction="up"`` lays them out bottom to top (nodes left to right), as in WaveNet stacks.
    """

    columns: tuple[NodeColumn, ...]
    edges: tuple[Edge, ...] = ()
    title: Text = ""
    role: Role = "other"
    direction: Literal["right", "up"] = "right"

    def __post_init__(self) -> None:
        counts = [len(column.labels) for column in self.columns]
        for edge in self.edges:
            for col, index in (edge.source, edge.target):
                if not (0 <= col < len(counts) and 0 <= index < counts[col]):
                    raise _bad(
                        "bad_edge",
                        f"edge end ({col}, {index}) names no node: there are {len(counts)} "
                        f"columns with {counts} nodes",
                        node=f"({col}, {index})",
                        counts=str(counts),
                    )


Panel = GridPanel | GraphPanel


@dataclass(frozen=True)
class Scene:
    """Panels side by side with operators between them and a caption underneath.

    Attributes
    ----------
    panels : tuple of GridPanel or GraphPanel
        Left to right. Grid cells have one size across the panels of a scene.
    caption : str or Bilingual
        Text under the panels (e.g. ``"1·0 + 2·1 + 3·0 = 2"``); ``"\\n"`` breaks lines and
        long lines wrap.
    operators : tuple of str
        Symbol between panel ``i`` and ``i + 1`` (e.g. ``"⊛"``, ``"="``, ``"→"``); ``""`` for
        none. Shorter than ``panels`` - 1 is allowed.
    """

    panels: tuple[Panel, ...]
    caption: Text = ""
    operators: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.panels:
            raise _bad("empty_scene", "a scene needs at least one panel")


@dataclass(frozen=True)
class Animation:
    """Scenes shown one after another (an animated GIF loops forever).

    Attributes
    ----------
    frames : tuple of Scene
        One per step.
    duration_ms : int
        Time each frame stays, in milliseconds (GIF stores it in 10 ms units; at least 20).
    """

    frames: tuple[Scene, ...]
    duration_ms: int = 800

    def __post_init__(self) -> None:
        if not self.frames:
            raise _bad("empty_animation", "an animation needs at least one frame")
        if self.duration_ms < 20:
            raise _bad(
                "bad_duration",
                f"duration_ms={self.duration_ms} must be at least 20 (GIF viewers slow "
                "faster frames down)",
                duration_ms=self.duration_ms,
            )
