"""A figure as the dict the browser gets, built in one pass instead of Plotly's two.

Plotly's ``Figure.to_dict`` deep-copies the whole figure (every trace, every frame, every
slider step) and then walks the copy again, packing each NumPy array into base64 through a
per-array check that costs about 0.3 ms. For the app's animated figures that was 10–60 ms a
figure, paid on every new setting. :func:`figure_dict` builds the same dict in one walk,
packing arrays directly (:func:`packed`); the JSON it gives is byte for byte Plotly's (the
tests compare them on the app's figures).
"""

from __future__ import annotations

import base64
from typing import Any

import numpy as np
import plotly.graph_objects as go

# numpy dtype -> plotly.js typed-array name (Plotly's own table)
TYPED_ARRAYS = {
    "int8": "i1",
    "uint8": "u1",
    "int16": "i2",
    "uint16": "u2",
    "int32": "i4",
    "uint32": "u4",
    "float32": "f4",
    "float64": "f8",
}
# 64-bit integers go as the narrowest of these that holds them, as Plotly does
NARROWER = {"int64": ("int8", "int16", "int32"), "uint64": ("uint8", "uint16", "uint32")}
# values Plotly copies as they are, arrays included (``convert_to_base64``'s list)
UNPACKED_KEYS = frozenset({"geojson", "layer", "layers", "range"})


def packed(values: np.ndarray) -> dict | np.ndarray:
    """An array in Plotly's base64 form ``{"dtype", "bdata"[, "shape"]}``.

    As Plotly writes it: 64-bit integers narrowed to the smallest type that holds them, a
    ``shape`` for 2-D and larger arrays. An empty array, or one of a type plotly.js has no
    typed array for (bool, text, 64-bit integers out of 32-bit range), is returned as it is
    (it goes as a JSON list).

    Parameters
    ----------
    values : numpy.ndarray
        Any shape.
    """
    array = np.ascontiguousarray(values)
    kind = array.dtype.name
    if array.size == 0:
        return array
    if kind in NARROWER:
        low, high = array.min(), array.max()
        kind = next(
            (t for t in NARROWER[kind] if np.iinfo(t).min <= low and high <= np.iinfo(t).max),
            kind,
        )
        array = array.astype(kind)
    if kind not in TYPED_ARRAYS:
        return values
    spec = {"dtype": TYPED_ARRAYS[kind], "bdata": base64.b64encode(array).decode("ascii")}
    if array.ndim > 1:
        spec["shape"] = str(array.shape)[1:-1]
    return spec


CONTAINER_TYPES = (dict, list, tuple)


def _copied(value: Any) -> Any:
    """``value`` with new dicts and lists (leaves shared: they are not changed)."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_copied(item) for item in value]
    return value


def _sendable(value: Any) -> Any:
    """``value`` as Plotly's ``to_dict`` leaves it: arrays under a key packed, new containers.

    As ``convert_to_base64``, only an array that is a dict's value is packed (an array in a
    list stays an array), and the values of :data:`UNPACKED_KEYS` are not packed. Leaves
    (numbers, text: most items of a long list) are taken as they are, without a call each.
    """
    if isinstance(value, dict):
        return {
            key: _copied(item)
            if key in UNPACKED_KEYS
            else packed(item)
            if isinstance(item, np.ndarray)
            else _sendable(item)
            if isinstance(item, CONTAINER_TYPES)
            else item
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [_sendable(item) if isinstance(item, CONTAINER_TYPES) else item for item in value]
    return value


def figure_dict(fig: go.Figure) -> dict:
    """``fig.to_dict()`` (data, layout, frames when there are any), built in one walk.

    The result shares no dict or list with ``fig``; its leaves (numbers, strings) are shared.
    """
    result = {
        "data": [_sendable(trace) for trace in fig._data],
        "layout": _sendable(fig._layout),
    }
    frames = [_sendable(frame._props) for frame in fig._frame_objs]
    if frames:
        result["frames"] = frames
    return result
