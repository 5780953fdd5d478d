"""The one grid figure every page draws: a labelled matrix of cells with numbers in them.

A grid shows values on a colour-blind-safe scale, cells whose meaning is their *kind* (inserted
zeros, border padding, output_padding, kernel taps, unreached cells) in fixed fills, numbers or
symbolic labels where they fit, highlighted rectangles (the window, a selected cell), an
optional hover text per cell, and invisible per-cell markers so a click selects a cell
(``st.plotly_chart(..., on_select="rerun")`` returns the point's ``customdata`` = ``[row, col]``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import plotly.graph_objects as go

from convviz.engine.arithmetic_text import format_number as engine_format_number
from convviz.figures.common.fit import (
    PHONE_PLOT_PX,
    phone_columns,
    title_min_px,
    title_room,
    wrap_text,
)
from convviz.figures.common.paging import SIDE_PX, row_px
from convviz.style.colouring import current_colouring
from convviz.style.palette import (
    HIGHLIGHT,
    HIGHLIGHT_FILL,
    HIGHLIGHT_WIDTH,
    KIND_FILL,
    KIND_TEXT,
    ROLE_COLOUR,
    ROLE_FILL,
    SEQUENTIAL_SCALE,
    TEXT_DARK,
    TEXT_LIGHT,
    CellKind,
)

# Above this many cells numbers are hidden (they would not be legible); figures say so.
MAX_NUMBERED_CELLS = 900
MAX_CELL_PX = 46
MIN_CELL_PX = 10
# Cell numbers are never drawn smaller than this: where they would not fit a cell at this
# size they are left out of the cells and shown on hover instead.
MIN_TEXT_PX = 14
MAX_TEXT_PX = 16
# The smallest cell a paged row is drawn with: 14-px numbers of one or two characters fit it
# with room to spare (longer numbers ask for more, see readable_cell_px).
READABLE_FLOOR_PX = 24
GAP = 1.6  # columns of space between panels of a row (room for an operator)
MORE = "…"  # stands for panels left out of a row (another page shows them)
MARKER_PX = 72  # room for a "…" sign ("+ … =" is about 60 px at 22 px), whatever the cells


@dataclass(frozen=True)
class Highlight:
    """A rectangle drawn over cells ``rows [r0, r1)`` × ``cols [c0, c1)``.

    In ``HIGHLIGHT`` (the window, the cell being computed) it is a bold outline over a
    translucent fill; other colours are outlines only.
    """

    r0: int
    c0: int
    r1: int
    c1: int
    colour: str = HIGHLIGHT
    width: float = HIGHLIGHT_WIDTH
    dash: str = "solid"


@dataclass(frozen=True)
class GridSpec:
    """What to draw in one grid.

    Attributes
    ----------
    values : np.ndarray
        (H, W) numbers; the colour of REAL cells and the number printed in every cell.
    title : str
        Title above the grid (already translated).
    role : {"input", "kernel", "output", "other"}
        Colours the title so input / kernel / output read the same on every page.
    kinds : np.ndarray, optional
        (H, W) ``CellKind`` ints; cells other than REAL are filled by kind.
    labels : np.ndarray, optional
        (H, W) strings printed instead of the numbers (e.g. symbolic ``w₀₀``); "" hides a
        cell's text.
    hover : np.ndarray, optional
        (H, W) strings shown on hover (e.g. the products and sum of that output cell).
    highlights : sequence of Highlight
    value_range : (float, float), optional
        Colour range; defaults to the min / max of the REAL cells.
    clickable : bool
        Add invisible markers so clicking a cell selects it.
    decimals : int
        Digits after the point for non-integer numbers.
    colour_by : {"role", "value"}
        REAL cells in the light tint of ``role`` (``ROLE_FILL``), or on cividis over the
        value range; defaults to the page's choice (:mod:`convviz.style.colouring`).
    """

    values: np.ndarray
    title: str = ""
    role: str = "other"
    kinds: np.ndarray | None = None
    labels: np.ndarray | None = None
    hover: np.ndarray | None = None
    highlights: Sequence[Highlight] = field(default_factory=tuple)
    value_range: tuple[float, float] | None = None
    clickable: bool = False
    decimals: int = 2
    colour_by: str = field(default_factory=current_colouring)


def format_number(value: float, decimals: int = 2) -> str:
    """The engine's number text (``3``, ``0.5``, ``-0.12``); a blank for nan (an empty cell)."""
    return engine_format_number(value, decimals=decimals) if math.isfinite(value) else ""


def cell_px(rows: int, cols: int, *, max_px: int = 440) -> int:
    """Side of one cell in pixels so that the larger dimension fits in ``max_px``."""
    return int(np.clip(max_px // max(rows, cols, 1), MIN_CELL_PX, MAX_CELL_PX))


def real_mask(spec: GridSpec) -> np.ndarray:
    if spec.kinds is None:
        return np.ones(spec.values.shape, dtype=bool)
    return spec.kinds == CellKind.REAL


def value_range(spec: GridSpec, real: np.ndarray) -> tuple[float, float]:
    if spec.value_range is not None:
        lo, hi = spec.value_range
    elif real.any():
        lo, hi = float(spec.values[real].min()), float(spec.values[real].max())
    else:
        lo, hi = 0.0, 1.0
    return (lo, hi) if hi > lo else (lo - 1.0, hi + 1.0)


def _kind_trace(kinds: np.ndarray) -> dict | None:
    """Fixed fills for the non-REAL cells (one discrete colour per kind)."""
    other = kinds != CellKind.REAL
    if not other.any():
        return None
    z = np.where(other, kinds.astype(float), np.nan)  # (H, W)
    n = len(CellKind)
    scale = []
    for kind in CellKind:
        colour = KIND_FILL.get(kind, "#FFFFFF")
        scale += [[kind / n, colour], [(kind + 1) / n, colour]]
    return {
        "type": "heatmap",
        "z": z,
        "zmin": 0,
        "zmax": n,
        "colorscale": scale,
        "showscale": False,
        "xgap": 1,
        "ygap": 1,
        "hoverinfo": "skip",
    }


def grid_figure(spec: GridSpec) -> go.Figure:
    """A Plotly figure of one grid; see :class:`GridSpec` and :func:`panels_figure`."""
    return panels_figure([spec])


def cell_numbers_drawn(figure: go.Figure) -> bool:
    """Whether a one-panel grid figure (:func:`grid_figure`) prints its cell numbers or labels
    in the cells; False when they did not fit the cells and show only on hover."""
    return "text" in str(figure.data[-1].mode)  # the text layer is the panel's last trace


def panels_width(columns: Sequence[int], px: int, *, extra_columns: float = 0.0) -> int:
    """Pixels :func:`panels_figure` takes for panels ``columns`` wide with cells of ``px``.

    ``extra_columns`` is room beyond the panels and the :data:`GAP` between each two (a
    figure drawn with ``kept=`` has :func:`marker_columns` for a "…" before or after its row,
    and that less ``GAP`` more for one in place of a gap).
    """
    return row_px(sum(columns) + GAP * (len(columns) - 1) + extra_columns, px)


def readable_cell_px(specs: Sequence[GridSpec]) -> int:
    """The smallest cell side at which every panel's numbers show at ``MIN_TEXT_PX``.

    At least :data:`READABLE_FLOOR_PX`, at most ``MAX_CELL_PX`` (numbers that need more
    are shown on hover, as in any panel).
    """
    need = READABLE_FLOOR_PX
    for spec in specs:
        texts = [t for t in cell_texts(spec, np.asarray(spec.values, dtype=float)) if t]
        if not texts:
            continue
        longest = max(len(line) for t in texts for line in t.split("<br>"))
        tallest = max(len(t.split("<br>")) for t in texts)
        need = max(need, math.ceil(MIN_TEXT_PX * max(longest * 0.6, tallest * 1.2) / 0.95))
    return min(need, MAX_CELL_PX)


def marker_columns(px: int) -> float:
    """Columns of ``px`` pixels that hold a "…" sign (:data:`MARKER_PX`), at least a gap."""
    return max(GAP, MARKER_PX / max(px, 1))


def more_marker(before: str, after: str) -> str:
    """The sign between two panels that have others left out between them: ``"+ … ="``.

    ``before`` is the operator that followed the left panel, ``after`` the one before the
    right panel; either may be empty (the row's first or last panel, or no operators).
    """
    return " ".join(part for part in (before, MORE, after) if part)


def _kept_operators(
    operators: Sequence[str], order: Sequence[int], count: int
) -> tuple[str, list[str], str]:
    """The leading marker, the signs between the drawn panels ``order`` and the trailing marker.

    Beside a panel that has left-out neighbours the sign is :func:`more_marker`; nothing is
    left out, nothing is marked.
    """

    def op(i: int) -> str:
        return operators[i] if 0 <= i < len(operators) else ""

    between = [
        op(i) if j == i + 1 else more_marker(op(i), op(j - 1)) for i, j in itertools.pairwise(order)
    ]
    lead = more_marker("", op(order[0] - 1)) if order[0] > 0 else ""
    tail = more_marker(op(order[-1]), "") if order[-1] < count - 1 else ""
    return lead, between, tail


def _operator_note(text: str, x: float) -> dict:
    note = {
        "text": text,
        "x": x,
        "y": 0.5,
        "xref": "paper",
        "yref": "paper",
        "showarrow": False,
        "font": {"size": 22},
    }
    if MORE in text:  # centred in its room (Plotly's "auto" anchors the right third's at x)
        note["xanchor"] = "center"
    return note


def panels_figure(
    specs: Sequence[GridSpec],
    *,
    operators: Sequence[str] = (),
    shapes_below: Sequence[dict] = (),
    kept: Sequence[int] | None = None,
    max_width: int | None = None,
    wrap_px: int = PHONE_PLOT_PX,
    px: int | None = None,
) -> go.Figure:
    """Several grids side by side in one figure (so one animation can move across all of them).

    Parameters
    ----------
    specs : sequence of GridSpec
        Panels from left to right; drawn panel ``i`` uses axes ``x{i+1}`` / ``y{i+1}``.
    operators : sequence of str, optional
        Symbols printed between consecutive panels (e.g. ``"⊛"``, ``"="``).
    shapes_below : sequence of dict, optional
        Layout shapes drawn before the panels' own highlights (e.g. pale cell backdrops).
        Given here they are part of the one unvalidated construction; adding hundreds of
        shapes afterwards with ``update_layout`` costs about 14 ms.
    kept : sequence of int, optional
        Indices of the panels to draw (one page of a long row); the others are left out and
        :data:`MORE` marks where (before, between and after the drawn panels). A click still
        reports a panel's index in ``specs``.
    max_width : int, optional
        Pixels the figure may take: cells are made smaller to fit (never under
        ``MIN_CELL_PX``).
    wrap_px : int
        Titles are broken into lines that fit the panels when the plot is drawn
        ``min(its width, wrap_px)`` wide (:func:`~convviz.figures.common.fit.phone_columns`);
        ``WRAP_PX`` for a figure that keeps its width on a phone.
    px : int, optional
        Side of every cell (default: the largest that fits 440 px, :func:`cell_px`); a
        ``max_width`` still makes it smaller.

    Returns
    -------
    go.Figure
        Square cells of one size across panels, row 0 at the top, numbers in cells while a panel
        has at most ``MAX_NUMBERED_CELLS`` cells. For every panel the traces are, in order: the
        value heatmap, the kind fills (if any), then the text / click layer (``customdata`` =
        ``[row, col, panel]``). :func:`panel_trace_indices` gives their indices.
    """
    order = list(range(len(specs))) if kept is None else sorted({int(k) for k in kept})
    order = [k for k in order if 0 <= k < len(specs)] or [0]
    lead, between, tail = _kept_operators(operators, order, len(specs))
    if kept is None:  # every panel: the operators as given
        between = list(operators[: len(order) - 1])
    drawn = [specs[k] for k in order]
    shapes_px = [np.asarray(s.values).shape for s in drawn]
    if px is None:
        px = min(cell_px(r, c, max_px=min(440, 900 // max(1, len(drawn)))) for r, c in shapes_px)
    # Signs after each drawn panel (the last: a trailing "…" or none); a "…" sign takes
    # MARKER_PX whatever the cell size, any other sign a gap of GAP columns.
    signs = [between[i] if i < len(between) else "" for i in range(len(drawn) - 1)] + [tail]
    marked = [MORE in sign for sign in signs]
    plain = sum(c for _, c in shapes_px) + GAP * (len(drawn) - 1 - sum(marked[:-1]))
    markers = sum(marked) + bool(lead)
    if max_width is not None:
        px = max(min(px, int((max_width - 16 - markers * MARKER_PX) // plain)), MIN_CELL_PX)
    columns = [c for _, c in shapes_px]
    for _ in range(8):  # smaller cells until the titles' room fits in max_width too
        wide = marker_columns(px)
        gaps = [wide if m else GAP for m in marked[:-1]] + [wide if marked[-1] else 0.0]
        before = wide if lead else 0.0
        titles = [s.title for s in drawn]
        gaps = title_gaps(titles, columns, gaps, px=px, wrap_px=wrap_px, before=before)
        total = sum(columns) + sum(gaps) + before
        if max_width is None or row_px(total, px) <= max_width or px <= MIN_CELL_PX:
            break
        px = max(min(px - 1, int((max_width - SIDE_PX) / total)), MIN_CELL_PX)
    x = before
    max_rows = max(r for r, _ in shapes_px)
    width = row_px(total, px)
    traces: list[dict] = []
    annotations = [_operator_note(lead, before / 2 / total)] if lead else []
    shapes = list(shapes_below)
    axes: dict[str, dict] = {}
    for i, spec in enumerate(drawn):
        _, cols = shapes_px[i]
        domain = [min(x / total, 1.0), min((x + cols) / total, 1.0)]  # float sums may pass 1
        # A title may use its panel and the gap after it (the rest of the plot for the last).
        room = (cols + gaps[i]) / total if i < len(drawn) - 1 else 1.0 - x / total
        placed = placed_panel(
            spec,
            panel=i,
            px=px,
            x_domain=domain,
            y_domain=[0, 1],
            rows=max_rows,
            title_columns=phone_columns(room, width - 16, widest=wrap_px),
        )
        if order[i] != i:  # a click names the panel's place in ``specs``
            renumber_clicks(placed["traces"], order[i])
        traces += placed["traces"]
        axes.update(placed["axes"])
        annotations += placed["annotations"]
        if i < len(between) or (tail and i == len(drawn) - 1):
            sign = between[i] if i < len(between) else tail
            annotations.append(_operator_note(sign, (x + cols + gaps[i] / 2) / total))
        shapes += [highlight_shape(h, panel=i) for h in spec.highlights]
        x += cols + gaps[i]
    top = title_room(annotations) if any(s.title for s in specs) else 8
    layout = {
        **axes,
        "width": width,
        "height": px * max_rows + 8 + top,
        "margin": {"l": 8, "r": 8, "t": top, "b": 8},
        "annotations": annotations,
        "shapes": shapes,
        **pointer_layout(px, clickable=any(s.clickable for s in specs)),
        "hoverlabel": {"font": {"family": "monospace", "size": MIN_TEXT_PX}},
    }
    # Every value above is built here and known to be valid: one constructor call without
    # Plotly's per-property validation is over ten times faster than adding the traces and
    # updating the layout piece by piece (the same figure; JSON keys may come in another order).
    return go.Figure(data=traces, layout=layout, _validate=False)


def title_gaps(
    titles: Sequence[str],
    columns: Sequence[int],
    gaps: Sequence[float],
    *,
    px: int,
    wrap_px: int = PHONE_PLOT_PX,
    before: float = 0.0,
) -> list[float]:
    """``gaps`` widened so that each panel's title fits over its panel and the gap after it.

    A title starts at its panel's left edge and may run on to the next panel's; the last
    panel's title has its panel and what follows it. Titles are broken into lines for the
    figure as drawn ``min(its width, wrap_px)`` wide (:func:`panels_figure`), where a
    narrow panel ("output" over a 2×2 grid of small cells) could not hold even one word.

    Parameters
    ----------
    titles : sequence of str
        Each drawn panel's title ("" for none).
    columns : sequence of int
        Each drawn panel's width in cells.
    gaps : sequence of float
        Columns after each panel (the last: after the row), as laid out without titles.
    px : int
        Side of a cell.
    wrap_px : int
        The widest the figure is drawn when its titles are broken into lines.
    before : float
        Columns before the first panel.

    Returns
    -------
    list of float
        One gap per panel, none narrower than given.
    """
    gaps = list(gaps)
    for _ in range(4):  # a wider figure is drawn smaller on a phone: a few rounds settle it
        total = sum(columns) + sum(gaps) + before
        drawn_column = min(float(px), wrap_px / total)  # px of one column as drawn
        grown = False
        for i, title in enumerate(titles):
            need = (title_min_px(title) + 1) / drawn_column - columns[i]
            if need > gaps[i] + 1e-9:
                gaps[i], grown = need, True
        if not grown:
            break
    return gaps


def pointer_layout(px: int, *, clickable: bool) -> dict:
    """The layout every grid figure shares: transparent, no legend, no dragging; a click
    selects a cell where a panel is clickable; the pointer finds the cell under it.

    A cell's number is a text point without a marker (an invisible marker per cell doubled
    the figure's SVG and cost a quarter of its drawing time). Plotly finds the point nearest
    the pointer within ``hoverdistance`` plus the point's 3-px radius. A cell's corner is
    0.71 of its side from its centre: reaching 20 px past three quarters of a side covers the
    whole cell, also when a stretched chart draws the cells somewhat larger than ``px``.
    """
    return {
        "plot_bgcolor": "rgba(0,0,0,0)",
        "paper_bgcolor": "rgba(0,0,0,0)",
        "showlegend": False,
        "dragmode": False,
        "clickmode": "event+select" if clickable else "none",
        "hoverdistance": int(px) * 3 // 4 + 20,
    }


def renumber_clicks(traces: list[dict], panel: int) -> None:
    """Make a click on any of one panel's ``traces`` report ``panel`` (the third entry of each
    cell's ``customdata``), for a figure that draws some of a longer list of panels."""
    for trace in traces:
        if "customdata" in trace:
            trace["customdata"][:, 2] = panel


def placed_panel(
    spec: GridSpec,
    *,
    panel: int,
    px: int,
    x_domain: list[float],
    y_domain: list[float],
    rows: float,
    title_columns: int | None = None,
) -> dict:
    """Panel ``panel`` of a figure: its traces on axes ``x{panel+1}`` / ``y{panel+1}``, those
    axes over ``x_domain`` × ``y_domain`` (``rows`` cells high, row 0 on top) and its title,
    broken into lines of at most ``title_columns`` columns when that is given.

    A panel with fewer rows than ``rows`` (beside a taller one) gets the top of ``y_domain``,
    as much as its own rows fill with cells of the same size: the room below it is outside
    its axes, so a click there selects nothing. Inside them the pointer would find the
    panel's bottom row, up to ``hoverdistance`` away.

    Returns
    -------
    dict
        ``traces`` (list), ``axes`` (layout entries of its two axes), ``annotations`` (the
        title, or nothing).
    """
    axis = "" if panel == 0 else str(panel + 1)
    traces = panel_traces(spec, panel=panel, px=px)
    for trace in traces:  # plain dicts: no property paths parsed and checked
        trace.update(panel_axes(panel))
    own_rows, cols = np.shape(spec.values)
    own_rows = min(own_rows, rows)
    y0, y1 = y_domain
    own_domain = [y1 - (y1 - y0) * own_rows / rows, y1] if rows > 0 else list(y_domain)
    axes = {
        f"xaxis{axis}": {
            "domain": x_domain,
            "visible": False,
            "range": [-0.5, cols - 0.5],
            "fixedrange": True,
        },
        f"yaxis{axis}": {
            "visible": False,
            "range": [own_rows - 0.5, -0.5],
            "fixedrange": True,
            "domain": own_domain,
            "anchor": f"x{axis}",
        },
    }
    text = spec.title if title_columns is None else wrap_text(spec.title, title_columns)
    title = {
        "text": "<br>".join(f"<b>{line}</b>" for line in text.split("<br>")),
        "x": x_domain[0],
        "y": y_domain[1],
        "xref": "paper",
        "yref": "paper",
        "xanchor": "left",
        "yanchor": "bottom",
        "align": "left",  # a title broken into lines keeps its lines flush left
        "showarrow": False,
        "font": {"color": ROLE_COLOUR.get(spec.role, "#333"), "size": 14},
    }
    return {"traces": traces, "axes": axes, "annotations": [title] if spec.title else []}


def panel_trace_indices(specs: Sequence[GridSpec]) -> list[tuple[int, int]]:
    """For each panel, the indices of its value heatmap trace and its text / click layer trace."""
    indices, n = [], 0
    for spec in specs:
        has_kinds = spec.kinds is not None and bool((np.asarray(spec.kinds) != CellKind.REAL).any())
        count = 3 if has_kinds else 2
        indices.append((n, n + count - 1))
        n += count
    return indices


def panel_traces(spec: GridSpec, *, panel: int, px: int) -> list[dict]:
    """The traces of one panel (value heatmap, kind fills if any, text / click layer), not yet
    placed on axes; ``px`` is the cell size, ``panel`` goes into each cell's ``customdata``.

    Plain dicts with their ``"type"``: ``go.Figure(data=..., _validate=False)`` builds its
    trace objects from them once, while trace objects would first be deep-copied back into
    dicts (about three times the work), and ``trace.update`` on an object parses and checks
    each property path (about 50 µs a trace).
    """
    values = np.asarray(spec.values, dtype=float)  # (H, W)
    real = real_mask(spec)
    lo, hi = value_range(spec, real)
    by_value = spec.colour_by == "value"
    tint = ROLE_FILL.get(spec.role, ROLE_FILL["other"])
    traces = [
        {
            "type": "heatmap",
            "z": np.where(real, values, np.nan),  # (H, W): nan shows what lies below
            "zmin": lo,
            "zmax": hi,
            "colorscale": SEQUENTIAL_SCALE if by_value else [[0, tint], [1, tint]],
            "showscale": False,
            "xgap": 1,
            "ygap": 1,
            "hoverinfo": "skip",
        }
    ]
    if spec.kinds is not None and (kind_trace := _kind_trace(np.asarray(spec.kinds))) is not None:
        traces.append(kind_trace)
    traces.append(_text_layer(spec, values, real, lo, hi, panel=panel, px=px))
    return traces


def cell_texts(spec: GridSpec, values: np.ndarray) -> list[str]:
    """Text of every cell, row-major: the label if given, else the number (or "" if too many)."""
    rows, cols = values.shape
    if spec.labels is not None:
        return [str(t) for t in np.asarray(spec.labels).ravel()]
    if rows * cols > MAX_NUMBERED_CELLS:
        return [""] * (rows * cols)
    # Each value written once: grids repeat a few small numbers, and an animation's frames
    # leave many cells blank (nan, which equals nothing, so it is looked up as None).
    texts: dict[float | None, str] = {None: ""}
    out = []
    for v in values.ravel().tolist():  # floats, fast
        key = None if math.isnan(v) else v
        text = texts.get(key)
        if text is None:
            text = texts[key] = format_number(v, spec.decimals)
        out.append(text)
    return out


def cell_font_px(texts: Sequence[str], px: int) -> float | None:
    """Type size of a panel's cell numbers, or None when they do not fit at ``MIN_TEXT_PX``.

    A character is about 0.6 em wide and a line 1.2 em high; the longest line of every cell
    (lines split at ``<br>``) must fit in 95 % of a cell of side ``px``. The size is 0.38 of
    the cell, at most ``MAX_TEXT_PX``, made smaller while it stays at least ``MIN_TEXT_PX``
    when the longest or tallest text needs it.
    """
    size = max(MIN_TEXT_PX, min(MAX_TEXT_PX, px * 0.38))
    lines = [str(t).split("<br>") for t in texts if str(t)]
    if not lines:
        return size
    longest = max(len(line) for cell in lines for line in cell)
    tallest = max(len(cell) for cell in lines)
    size = min(size, 0.95 * px / (longest * 0.6), 0.95 * px / (tallest * 1.2))
    return size if size >= MIN_TEXT_PX else None


def text_colours(
    values: np.ndarray, real: np.ndarray, lo: float, hi: float, *, by_value: bool = True
) -> list[str]:
    """Per-cell text colour, row-major: readable on the cell's fill.

    Dark on the light role tints; by value, dark or light by the cividis level.
    """
    if by_value:
        t = np.clip((values - lo) / (hi - lo), 0, 1)
        dark = t >= 0.55
    else:
        dark = np.ones(np.shape(values), dtype=bool)
    return np.where(real, np.where(dark, TEXT_DARK, TEXT_LIGHT), KIND_TEXT).ravel().tolist()


def _text_layer(
    spec: GridSpec,
    values: np.ndarray,
    real: np.ndarray,
    lo: float,
    hi: float,
    *,
    panel: int,
    px: int,
) -> dict:
    rows, cols = values.shape
    rr, cc = np.mgrid[0:rows, 0:cols]  # (H, W) each
    colours = text_colours(values, real, lo, hi, by_value=spec.colour_by == "value")
    hover = None if spec.hover is None else [str(h) for h in np.asarray(spec.hover).ravel()]
    texts = cell_texts(spec, values)
    size = cell_font_px(texts, px)
    if size is None and hover is None:  # too small to read in the cell: hover shows them
        hover = texts
    trace = {
        "type": "scatter",
        "x": cc.ravel(),
        "y": rr.ravel(),
        # No marker shows: the layout's hoverdistance finds the cell. Numbers too small to
        # read are not drawn as blank text (a text element per cell doubled the time a
        # 20×20-cell figure takes to draw); frames never change the mode.
        "mode": _text_layer_mode(readable=size is not None, clickable=spec.clickable),
        "text": texts,
        "textfont": {"color": colours, "size": size or MIN_TEXT_PX},
        "textposition": "middle center",
        # the cell size, for lecture mode's enlargement; never visible
        "marker": {"size": px, "opacity": 0},
        "customdata": np.stack([rr.ravel(), cc.ravel(), np.full(rr.size, panel)], axis=1),
        "hoverinfo": "text" if hover is not None else "none",
        "showlegend": False,
    }
    if hover is not None:  # (None would be sent as null; a trace object left them out)
        trace.update(hovertext=hover, hovertemplate="%{hovertext}<extra></extra>")
    return trace


def _text_layer_mode(*, readable: bool, clickable: bool) -> str:
    """Plotly ``mode`` of a panel's text layer.

    Readable numbers are drawn as text. Otherwise a clickable panel needs something Plotly
    can select (it selects only points of a trace with markers or text): invisible markers,
    which draw in about half the time blank text does; a panel nobody clicks draws nothing.
    """
    if readable:
        return "text"
    return "markers" if clickable else "none"


def panel_axes(panel: int) -> dict[str, str]:
    """``{"xaxis": "x<n>", "yaxis": "y<n>"}`` of panel ``panel`` (``x`` / ``y`` for the first)."""
    axis = "" if panel == 0 else str(panel + 1)
    return {"xaxis": f"x{axis}", "yaxis": f"y{axis}"}


def highlight_shape(h: Highlight, *, panel: int = 0) -> dict:
    """A layout shape outlining the cells of ``h`` on panel ``panel``."""
    refs = panel_axes(panel)
    return {
        "type": "rect",
        "xref": refs["xaxis"],
        "yref": refs["yaxis"],
        "x0": h.c0 - 0.5,
        "x1": h.c1 - 0.5,
        "y0": h.r0 - 0.5,
        "y1": h.r1 - 0.5,
        "line": {"color": h.colour, "width": h.width, "dash": h.dash},
        "fillcolor": HIGHLIGHT_FILL if h.colour == HIGHLIGHT else "rgba(0,0,0,0)",
        "layer": "above",
    }


def clicked_data(event: object, *, size: int) -> tuple[int, ...] | None:
    """The ``customdata`` of the first clicked point that carries ``size`` integers.

    ``event`` is the selection state of ``st.plotly_chart(on_select=...)``; points of
    other traces (other ``customdata`` lengths, or none) are skipped.
    """
    try:
        points = event["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    for point in points:
        data = point.get("customdata")
        if isinstance(data, dict):  # a typed-array slice arrives as {"0": r, "1": c, "2": p}
            data = [data[k] for k in sorted(data, key=int)]
        if data is not None and len(data) == size:
            return tuple(int(v) for v in data)
    return None


def selected_cell(event: object) -> tuple[int, int, int] | None:
    """``(row, col, panel)`` of the clicked cell, from ``st.plotly_chart(on_select=...)``."""
    return clicked_data(event, size=3)  # type: ignore[return-value]
