"""What the hover view draws, as plain data for the browser: panels of cells and, for every cell
of one panel, what lights up when the pointer is on it.

The hover view (:mod:`convviz.controls.hover`) runs in the browser: moving over a cell shows its
links at once, with no round trip to the server. Everything it shows is computed here from the
engine's results — cell texts and colours as the exports draw them (one colour scheme, by role
or by value), the rectangles to outline, the numbers to write into cells, the caption — so the
browser only moves outlines and swaps texts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from convviz.export.grids import cell_colours, cell_texts
from convviz.export.onscreen import panel_from_spec
from convviz.figures.common.grid import MAX_NUMBERED_CELLS, GridSpec
from convviz.style.palette import HIGHLIGHT, HIGHLIGHT_FILL, ROLE_COLOUR, hex_colour

# Cell side in the hover view: at least two lines of 14 px text (a named weight over its
# value); panels that do not fit side by side wrap onto the next line instead of shrinking.
MIN_HOVER_PX, MAX_HOVER_PX = 30, 64
DIGIT_EM = 0.6  # width of a digit in em of the sans-serif the view uses (a little generous)
HOVER_WIDTH = 900  # px the panels share


def _hex(colours: np.ndarray) -> list[str]:
    """(H, W, 3) uint8 as row-major ``"#RRGGBB"`` strings."""
    flat = colours.reshape(-1, 3)  # (H·W, 3)
    return [hex_colour(rgb) for rgb in flat.tolist()]


def panel_payload(spec: GridSpec) -> dict:
    """One panel: its title (in its role colour), size, and every cell's text, fill and ink.

    Texts are the labels or the numbers (``""`` beyond ``MAX_NUMBERED_CELLS`` cells, as on
    screen); line breaks in labels (``"w₀₀<br>1"``) become ``"\\n"``.
    """
    panel = panel_from_spec(spec)
    rows, cols = panel.shape
    texts = cell_texts(panel)  # (H, W) object
    if spec.labels is None and rows * cols > MAX_NUMBERED_CELLS:
        texts = np.full(panel.shape, "", dtype=object)
    fills, inks = cell_colours(panel)  # (H, W, 3) each
    return {
        "title": spec.title,
        "colour": ROLE_COLOUR.get(spec.role, "#333333"),
        "rows": rows,
        "cols": cols,
        "texts": [str(t).replace("<br>", "\n") for t in texts.ravel()],
        "fills": _hex(fills),
        "inks": _hex(inks),
    }


def link(
    rects: Sequence[tuple[int, int, int, int, int]],
    caption: str,
    texts: Sequence[tuple[int, int, int, str]] = (),
) -> dict:
    """What one hovered cell lights up.

    Parameters
    ----------
    rects : sequence of (panel, r0, c0, r1, c1)
        Rectangles outlined boldly over a translucent fill (rows r0 … r1 − 1).
    caption : str
        The arithmetic written under the panels (``"<br>"`` breaks lines).
    texts : sequence of (panel, row, col, text)
        Cell texts shown while the cell is hovered (e.g. a stamp's values).
    """
    return {
        # one conversion for all: a dilated window has a rectangle per tap (49 for k = 7)
        "rects": np.array(rects, dtype=np.int64).reshape(-1, 5).tolist(),
        "caption": caption.replace("<br>", "\n"),
        "texts": [[int(p), int(r), int(c), str(t)] for p, r, c, t in texts],
    }


def window_rects(
    trace: object, cell: tuple[int, int], *, panel: int, per_tap: bool
) -> list[tuple[int, int, int, int, int]]:
    """The rectangles of output ``cell``'s window on ``panel``, from the engine trace's tap
    coordinates (``trace.rows`` / ``trace.cols``, (H_out, W_out, kH, kW) each).

    One rectangle over the whole window, or with ``per_tap`` one per tap (a dilated window,
    whose cells between taps are not read).
    """
    r, c = cell
    rows, cols = trace.rows[r, c], trace.cols[r, c]  # type: ignore[attr-defined]  # (kH, kW)
    if per_tap:
        pairs = zip(rows.ravel().tolist(), cols.ravel().tolist(), strict=True)
        return [(panel, u, v, u + 1, v + 1) for u, v in pairs]
    return [(panel, int(rows[0, 0]), int(cols[0, 0]), int(rows[-1, -1]) + 1, int(cols[-1, -1]) + 1)]


def hover_payload(
    specs: Sequence[GridSpec],
    *,
    operators: Sequence[str],
    source: int,
    links: Sequence[dict],
    pinned: tuple[int, int],
    hint: str,
) -> dict:
    """Everything the hover view needs (JSON-ready).

    Parameters
    ----------
    specs : sequence of GridSpec
        The panels, left to right.
    operators : sequence of str
        Symbols between consecutive panels.
    source : int
        The panel whose cells react to the pointer.
    links : sequence of dict
        One :func:`link` per cell of the source panel, row-major.
    pinned : (row, col)
        The source cell shown when the pointer is elsewhere (a click pins another).
    hint : str
        One line saying what to hover.

    Returns
    -------
    dict
        ``panels``, ``operators``, ``source``, ``links``, ``pinned``, ``hint``, ``cell`` (px:
        as large as ``HOVER_WIDTH`` allows, at least ``MIN_HOVER_PX`` and wide enough for the
        widest cell text at 14 px), ``outline`` and ``fill`` (the highlight colours).
    """
    panels = [panel_payload(spec) for spec in specs]
    rows, cols = panels[source]["rows"], panels[source]["cols"]
    if len(links) != rows * cols:
        raise ValueError(f"{len(links)} links for a {rows}×{cols} source panel")
    width = sum(p["cols"] for p in panels) + 1.5 * (len(panels) - 1)
    widest = max(
        (len(line) for p in panels for t in p["texts"] for line in t.split("\n")), default=1
    )
    fits = int(np.ceil(DIGIT_EM * 14 * widest)) + 6  # the widest text at 14 px, 3 px each side
    cell = int(np.clip(HOVER_WIDTH // max(width, 1), max(MIN_HOVER_PX, fits), MAX_HOVER_PX))
    r, c = pinned
    return {
        "panels": panels,
        "operators": list(operators),
        "source": source,
        "links": list(links),
        "pinned": [min(max(int(r), 0), rows - 1), min(max(int(c), 0), cols - 1)],
        "hint": hint,
        "cell": cell,
        "outline": HIGHLIGHT,
        "fill": HIGHLIGHT_FILL,
    }
