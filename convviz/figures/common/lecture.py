"""A figure enlarged for lecture mode: the same figure, every length and type size scaled.

Lecture mode shows a page's main figure large enough to read from the back of a room on a
1024×768 projector. Plotly draws sizes in pixels, so enlarging a figure means multiplying its
width, height, margins, type sizes, marker sizes and line widths by one factor; cell numbers
get at least :data:`MIN_CELL_TEXT_PX` where their cells have room for it, and numbers too small
to draw at normal size are drawn where the enlarged cells have room for them. Grid panels keep
square cells when the chart is stretched across a wider screen. Pure: a figure dict in, a new
figure dict out (the cached original is never modified).
"""

from __future__ import annotations

import copy
from typing import Any

from convviz.figures.common.grid import cell_font_px

# Room for the main figure on a 1024×768 projector in lecture mode (sidebar collapsed, the
# page's title and tabs above it): about 960 px wide and 560 px high.
TARGET_WIDTH_PX = 940
TARGET_HEIGHT_PX = 560
MAX_FACTOR = 2.5
WRAPPED_PX = 90  # at most five lines of wrapped text are not counted
TITLE_PX = 30  # a one-line title's top margin
LINE_PX = 18  # one more line of 14-px text
MIN_CELL_TEXT_PX = 24
DEFAULT_FONT_PX = 12  # Plotly's default type size
DEFAULT_HEIGHT_PX = 450  # Plotly's default figure height


def lecture_factor(width: float, height: float, *, wrapped: float = 0.0) -> float:
    """How much a ``width`` × ``height`` figure is enlarged: it fills the room, at most 2.5×.

    ``wrapped`` is the height (px) the figure gained from captions and titles broken into
    lines for a phone (see :func:`wrapped_px`); up to :data:`WRAPPED_PX` of it is not
    counted, so those lines do not make the grids smaller on the projector (the play
    controls may then sit a little under the first screen). Never below 1: a figure larger
    than the room keeps its size.
    """
    counted = max(height - min(wrapped, WRAPPED_PX), 1.0)
    fit = min(TARGET_WIDTH_PX / max(width, 1.0), TARGET_HEIGHT_PX / counted)
    return max(1.0, min(MAX_FACTOR, fit))


def wrapped_px(figure: dict) -> float:
    """Height (px) ``figure`` gained from text broken into lines: title lines beyond the
    first (its top margin over 30 px) and caption lines beyond the first (the most ``<br>``
    in a text-only trace, frames included), :data:`LINE_PX` each."""
    layout = figure.get("layout", {})
    above = max(float((layout.get("margin") or {}).get("t", 0)) - TITLE_PX, 0.0)
    traces = list(figure.get("data", []))
    for frame in figure.get("frames", []) or []:
        traces += frame.get("data", [])
    breaks = [
        str(text).count("<br>")
        for trace in traces
        if trace.get("mode") == "text" and "marker" not in trace  # captions, not cell numbers
        for text in (trace.get("text") or [])
    ]
    return above + LINE_PX * max(breaks, default=0)


def _times(value: Any, factor: float) -> Any:
    """A size or a list of sizes, multiplied (anything else unchanged)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value * factor
    if isinstance(value, list | tuple):
        return [_times(v, factor) for v in value]
    return value


def _scale_keys(node: dict | None, keys: tuple[str, ...], factor: float) -> None:
    if not isinstance(node, dict):
        return
    for key in keys:
        if key in node:
            node[key] = _times(node[key], factor)


def _scale_font(node: dict | None, factor: float) -> None:
    """``node["font"]["size"]`` times ``factor`` (Plotly's default size where none is set)."""
    if not isinstance(node, dict):
        return
    font = node.setdefault("font", {})
    font["size"] = _times(font.get("size", DEFAULT_FONT_PX), factor)


def _longest_text(trace: dict) -> int:
    """Characters in the longest line of a trace's cell texts (at least 1)."""
    texts = trace.get("text")
    texts = texts if isinstance(texts, list | tuple) else [texts]
    lines = [line for t in texts if isinstance(t, str) for line in t.split("<br>")]
    return max([len(line) for line in lines] + [1])


def _raised_to_room(size: float, trace: dict, side: float) -> float:
    """``size``, raised to 24 px where a cell of ``side`` px has room for the trace's texts.

    A digit is about 0.6 em wide: a line of n characters fits in 90 % of a cell of side c
    when the size is at most 1.5·c / n; numbers never take more than 55 % of the cell's height.
    """
    room = min(0.55 * side, 1.5 * side / _longest_text(trace))
    return max(size, min(MIN_CELL_TEXT_PX, room))


def _cell_text_size(trace: dict, factor: float) -> Any:
    """A text layer's new type size: scaled, and ≥ 24 px where its cells (``marker.size``) allow."""
    size = trace.get("textfont", {}).get("size", DEFAULT_FONT_PX)
    cell = trace.get("marker", {}).get("size")
    if not isinstance(size, int | float) or not isinstance(cell, int | float):
        return _times(size, factor)
    return _raised_to_room(size * factor, trace, cell * factor)


def _hidden_numbers_size(trace: dict, factor: float) -> float | None:
    """Type size for a grid panel's cell numbers that were too small to draw (the text layer's
    mode is ``"none"``, or ``"markers"`` where the panel is clickable) once its cells are
    ``factor`` times larger; None when they are still too small, or there is nothing to draw.

    The same rule as at normal size (:func:`~convviz.figures.common.grid.cell_font_px`), then
    raised to 24 px where the enlarged cell has room, as for numbers drawn at normal size.
    """
    cell = trace.get("marker", {}).get("size")
    texts = trace.get("text")
    if (
        trace.get("mode") not in ("none", "markers")
        or "textfont" not in trace
        or not isinstance(cell, int | float)
        or not isinstance(texts, list | tuple)
        or not any(isinstance(t, str) and t for t in texts)
    ):
        return None
    size = cell_font_px(texts, cell * factor)
    return None if size is None else _raised_to_room(size, trace, cell * factor)


def _scale_trace(trace: dict, factor: float) -> None:
    mode = str(trace.get("mode", ""))
    hidden_size = _hidden_numbers_size(trace, factor)
    if hidden_size is not None:  # the enlarged cells have room for their numbers: draw them
        trace["mode"] = "text" if mode == "none" else "markers+text"
        trace["textfont"]["size"] = hidden_size
    elif "text" in mode and "textfont" in trace:
        trace["textfont"]["size"] = _cell_text_size(trace, factor)
    elif "textfont" in trace:
        _scale_keys(trace["textfont"], ("size",), factor)
    _scale_keys(trace.get("marker"), ("size",), factor)
    _scale_keys(trace.get("marker", {}).get("line"), ("width",), factor)
    _scale_keys(trace.get("line"), ("width",), factor)


def _square_cells(figure: dict) -> None:
    """Each grid panel (axes that carry a heatmap) keeps square cells when stretched; a panel
    whose axes shrink to keep them shrinks towards its top, so panels of different heights
    stay aligned on their first rows."""
    layout = figure["layout"]
    pairs = {
        (t.get("xaxis", "x"), t.get("yaxis", "y"))
        for t in figure.get("data", [])
        if t.get("type") == "heatmap"
    }
    for x_ref, y_ref in pairs:
        x_name, y_name = "xaxis" + x_ref[1:], "yaxis" + y_ref[1:]
        if isinstance(layout.get(x_name), dict) and isinstance(layout.get(y_name), dict):
            layout[y_name].update(
                scaleanchor=x_ref, scaleratio=1, constrain="domain", constraintoward="top"
            )
            layout[x_name]["constrain"] = "domain"


def lecture_figure(figure: dict, *, factor: float | None = None) -> dict:
    """``figure`` (a Plotly figure dict) enlarged for lecture mode.

    Parameters
    ----------
    figure : dict
        ``go.Figure.to_dict()`` output; without ``layout.width`` only the height (and every
        other size) is scaled, the width being the container's.
    factor : float, optional
        The enlargement; default :func:`lecture_factor` of the figure's size.

    Returns
    -------
    dict
        A new figure dict: width, height, margins, every font size (layout, annotations,
        sliders, buttons, hover labels, traces), marker sizes and line widths times
        ``factor``; cell numbers (text traces with cell-sized markers) at least 24 px where
        the enlarged cell has room, and drawn where they were too small to draw before but
        the enlarged cells have room for them; grid panels with square cells. Frames are kept; the
        traces they update keep their enlarged sizes because frames only move them.
    """
    out = copy.deepcopy(figure)
    layout = out.setdefault("layout", {})
    height = layout.get("height", DEFAULT_HEIGHT_PX)
    width = layout.get("width")  # None: the chart takes its container's width anyway
    if factor is None:
        factor = lecture_factor(width or 1.0, height, wrapped=wrapped_px(figure))
    f = factor
    layout["height"] = height * f
    if width is not None:
        layout["width"] = width * f
    _scale_keys(layout.get("margin"), ("l", "r", "t", "b", "pad"), f)
    if isinstance(layout.get("hoverdistance"), int):  # the pointer's reach grows with the cells
        layout["hoverdistance"] = round(layout["hoverdistance"] * f)
    _scale_font(layout, f)
    for annotation in layout.get("annotations", []):
        _scale_font(annotation, f)
    for shape in layout.get("shapes", []):
        _scale_keys(shape.get("line"), ("width",), f)
    for menu in layout.get("sliders", []) + layout.get("updatemenus", []):
        _scale_menu(menu, f)
    if isinstance(layout.get("title"), dict):
        _scale_font(layout["title"], f)
    if isinstance(layout.get("hoverlabel"), dict):
        _scale_font(layout["hoverlabel"], f)
    for trace in out.get("data", []):
        _scale_trace(trace, f)
    _square_cells(out)
    return out


def _scale_menu(menu: dict, factor: float) -> None:
    """A slider or a row of buttons: its type, its padding and its length in pixels."""
    _scale_font(menu, factor)
    _scale_keys(menu.get("pad"), ("t", "b", "l", "r"), factor)
    _scale_keys(menu, ("minorticklen", "ticklen"), factor)
    if isinstance(menu.get("currentvalue"), dict):
        _scale_font(menu["currentvalue"], factor)
        _scale_keys(menu["currentvalue"], ("offset",), factor)
