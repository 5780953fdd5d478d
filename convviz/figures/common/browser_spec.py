"""A figure's dict as the browser should get it: drawn once per new chart, not twice.

Streamlit 1.67 draws every new or changed chart with ``Plotly.react`` and then calls it a
second time within the same moment: once it has measured the chart's container (the first
call used the figure's own layout width), and once after its theme step has copied the
figure through JSON. Plotly compares the second figure with the first and redraws the whole
chart from scratch when

- the layout width differs from the width of the first drawing;
- ``layout.template`` is a new object (any template: Plotly compares it by identity, and the
  JSON copy is always new);
- a data array is new, unless ``layout.datarevision`` is set and unchanged (then plain
  arrays are not compared), and always for a 1-D base64 array (it decodes to a typed array,
  which Plotly counts as changed whatever ``datarevision`` says).

Measured in Chromium on the standard page's padding figures (1024×768): the second call
took as long as the first (35 ms for the four-panel figure), and 10 ms with this module's
spec. So the browser gets:

- no ``layout.width``: Plotly sizes the first drawing to its container, which Streamlit
  sizes from the figure's width (the caller passes that width to ``st.plotly_chart``);
- no template, and the look Streamlit's theme gave the charts written out as defaults
  (:mod:`convviz.style.chart_theme`), filled in where the figure sets nothing, and the
  chart's title in bold as the theme set it; the chart is then sent with ``theme=None``;
- ``layout.datarevision`` set, and the 1-D arrays of 2-D (cartesian) traces as JSON lists
  (2-D and larger arrays stay base64: they decode to lists of typed arrays, which Plotly
  compares as lists). Other traces (a 3-D one, say) keep their base64 arrays: a WebGL
  scene is redrawn in any case, and its long corner lists would double in JSON.

Animation frames are left as they are: a frame updates only what it names, so a default
filled into it would override the figure's own setting while playing, and Plotly does not
compare frames.
"""

from __future__ import annotations

import base64
import re
from typing import Any

import numpy as np

from convviz.figures.common.figure_json import TYPED_ARRAYS
from convviz.style.chart_theme import LAYOUT_DEFAULTS, TRACE_DEFAULTS

DATA_REVISION = 1  # constant: a new chart is a new element in Streamlit, never a new revision
AXIS_KEY = re.compile(r"([xy])axis\d*")
CARTESIAN = frozenset({"heatmap", "scatter", "bar", "contour", "histogram"})
DTYPES = {code: np.dtype(name) for name, code in TYPED_ARRAYS.items()}


def browser_spec(spec: dict) -> dict:
    """``spec`` (a figure's dict, as ``Figure.to_dict`` gives it) for ``st.plotly_chart``.

    Parameters
    ----------
    spec : dict
        ``{"data": [...], "layout": {...}, "frames": [...]?}``; not changed.

    Returns
    -------
    dict
        A new dict: the layout without ``width`` and ``template``, with the chart theme's
        defaults where the figure sets nothing and ``datarevision`` set; each trace with its
        type's defaults; 1-D base64 arrays of cartesian traces as lists. Other keys (frames)
        are kept as they are.
    """
    data = [_trace(trace) for trace in spec.get("data", [])]
    layout = {
        key: value
        for key, value in spec.get("layout", {}).items()
        if key not in ("width", "template")
    }
    return {**spec, "data": data, "layout": _themed_layout(layout, data)}


def filled(target: dict, defaults: dict) -> dict:
    """``target`` with each key of ``defaults`` it lacks added (dicts merged key by key, the
    target's own values always kept); a new dict, neither argument changed."""
    result = dict(target)
    for key, default in defaults.items():
        if key not in result:
            result[key] = default
        elif isinstance(result[key], dict) and isinstance(default, dict):
            result[key] = filled(result[key], default)
    return result


def _kind(trace: dict) -> str:
    """A trace's type (Plotly's default, a scatter, when it names none)."""
    return trace.get("type", "scatter")


def _trace(trace: dict) -> dict:
    if _kind(trace) in CARTESIAN:
        trace = _unpacked(trace)
    defaults = TRACE_DEFAULTS.get(_kind(trace))
    return filled(trace, defaults) if defaults else trace


def _themed_layout(layout: dict, data: list[dict]) -> dict:
    """The layout with the theme's defaults, its axis defaults on every x and y axis the
    layout names or a cartesian trace draws on."""
    axes = {key for key in layout if AXIS_KEY.fullmatch(key)}
    for trace in data:
        if _kind(trace) in CARTESIAN:
            axes.add("xaxis" + trace.get("xaxis", "x")[1:])
            axes.add("yaxis" + trace.get("yaxis", "y")[1:])
    plain = {key: value for key, value in LAYOUT_DEFAULTS.items() if key not in ("xaxis", "yaxis")}
    themed = filled(_unpacked(layout), plain)
    for axis in sorted(axes):
        kind = AXIS_KEY.fullmatch(axis).group(1)  # type: ignore[union-attr]
        themed[axis] = filled(themed.get(axis) or {}, LAYOUT_DEFAULTS[f"{kind}axis"])
    title = themed.get("title")
    if isinstance(title, dict) and title.get("text"):  # Streamlit's theme set titles in bold
        themed["title"] = {**title, "text": f"<b>{title['text']}</b>"}
    themed["datarevision"] = DATA_REVISION
    return themed


def _unpacked(value: Any) -> Any:
    """``value`` with every 1-D base64 array (``{"dtype", "bdata"}`` without ``"shape"``)
    decoded to a list, in nested dicts and lists; anything else as it is."""
    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value and "shape" not in value:
            raw = value["bdata"]
            raw = base64.b64decode(raw) if isinstance(raw, str) else raw
            return np.frombuffer(raw, dtype=DTYPES[value["dtype"]]).tolist()
        return {key: _unpacked(item) for key, item in value.items()}
    if isinstance(value, list) and value and isinstance(value[0], dict | list):
        return [_unpacked(item) for item in value]
    return value
