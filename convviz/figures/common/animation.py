"""Client-side animation of figures: frames, play / pause buttons and a step slider.

Frames are pure data built from the engine's traces (a frame is a function of the setting and
the step), so the browser animates without a server round trip; pages keep the chart inside
an ``st.fragment`` so unrelated controls do not restart it. :class:`FrameSpec` describes a
step of a panel animation for the GIF exporter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.grid import Highlight
from convviz.figures.common.layout_set import merged, set_layout
from convviz.i18n import translate

CONTROLS_PX = 92  # the step slider with the step shown above it
BUTTON_ROW_PX = 44  # the ▶ / ❚❚ buttons, on a row of their own above the slider


@dataclass(frozen=True)
class FrameSpec:
    """One step of an animation.

    Attributes
    ----------
    name : str
        Label of the step on the slider (e.g. ``"(0, 1)"``).
    highlights : sequence of (int, Highlight)
        ``(panel, rectangle)`` pairs drawn in this step, besides each panel's own highlights.
    values : dict of int -> np.ndarray
        Panel index -> new (H, W) values (e.g. the output accumulated so far); other panels keep
        theirs.
    caption : str
        Text under the panels, e.g. ``"1·0 + 2·1 + 3·0 = 2"``.
    """

    name: str
    highlights: Sequence[tuple[int, Highlight]] = field(default_factory=tuple)
    values: dict[int, np.ndarray] = field(default_factory=dict)
    caption: str = ""


def unchecked_frame(
    name: str, data: list[dict], traces: list[int], layout: dict | None = None
) -> go.Frame:
    """A ``go.Frame`` from plain trace dicts, without Plotly's property-by-property checks.

    Plotly validates every property of every trace it constructs: about 7 ms per frame of two
    text traces, which made a 50-step animation the slowest part of a rerun. The frame's JSON
    is the same; only what is put in is not checked, so the figure tests re-validate whole
    animated figures (``go.Figure(fig.to_dict())``).

    Parameters
    ----------
    name : str
        Frame name (the step slider's label).
    data : list of dict
        Trace updates, each with its ``"type"``.
    traces : list of int
        Index in ``fig.data`` of the trace each entry of ``data`` updates.
    layout : dict, optional
        Layout update for the frame (shapes, annotations).
    """
    return go.Frame(name=name, data=data, traces=traces, layout=layout, _validate=False)


def attach_frames(fig: go.Figure, frames: Sequence[go.Frame]) -> go.Figure:
    """Give ``fig`` these frames as they are (in place; returns ``fig``).

    ``fig.frames = frames`` copies every frame through Plotly's validator again (about 1.5 ms
    per frame), which would undo what :func:`unchecked_frame` saves; the frames are stored
    directly instead. Plotly's ``to_dict`` / ``to_json`` read them from there like any others.
    """
    fig._frame_objs = tuple(frames)
    return fig


def play_controls(names: list[str], *, lang: str, active: int, duration_ms: int = 900) -> dict:
    """Layout of the ▶ / ❚❚ buttons and the step slider under a figure.

    Returns
    -------
    dict
        ``{"updatemenus": [...], "sliders": [...]}`` for ``fig.update_layout``; slider step
        ``n`` animates to the frame named ``names[n]``.
    """
    still = {"duration": 0}
    play = {
        "frame": {"duration": duration_ms, "redraw": True},
        "fromcurrent": True,
        "transition": still,
        "mode": "immediate",
    }
    pause = {"frame": {"duration": 0, "redraw": False}, "mode": "immediate", "transition": still}
    jump = {"frame": {"duration": 0, "redraw": True}, "mode": "immediate", "transition": still}
    return {
        "updatemenus": [
            {
                "type": "buttons",
                "direction": "left",
                "x": 0,
                "y": 0,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 0},
                "font": {"size": 14},
                "showactive": False,
                "buttons": [
                    {
                        "label": translate("anim.play", lang),
                        "method": "animate",
                        "args": [None, play],
                    },
                    {
                        "label": translate("anim.pause", lang),
                        "method": "animate",
                        "args": [[None], pause],
                    },
                ],
            }
        ],
        "sliders": [
            {
                "active": active,
                "x": 0,
                "len": 1,
                "y": 0,
                "yanchor": "top",
                "pad": {"t": 0},
                # Tick labels drawn transparent: at a phone's width or with many steps they
                # run into each other; the step shown is written above the slider instead.
                "font": {"size": 14, "color": "rgba(0,0,0,0)"},
                "currentvalue": {
                    "prefix": translate("anim.step", lang) + " ",
                    "font": {"size": 15, "color": "#444444"},  # not the labels' clear
                },
                "steps": [
                    {"label": name, "method": "animate", "args": [[name], jump]} for name in names
                ],
            }
        ],
    }


def reserve_below(fig: go.Figure, pixels: int) -> int:
    """Grow the figure by ``pixels`` under the panels (for captions); returns the plot height."""
    height = int(fig.layout.height or 300)
    top = int(fig.layout.margin.t or 0)
    bottom = int(fig.layout.margin.b or 0)
    set_layout(fig, height=height + pixels, margin=merged(fig, "margin", b=bottom + pixels))
    return height - top - bottom


def add_play_controls(
    fig: go.Figure, frames: list[go.Frame], *, lang: str, active: int, duration_ms: int = 900
) -> go.Figure:
    """Attach ``frames`` and the play controls under everything else (in place; returns ``fig``).

    Call it after :func:`reserve_below` made room for the caption: the controls go below
    that room.
    """
    attach_frames(fig, frames)
    plot = int(fig.layout.height) - int(fig.layout.margin.t or 0) - int(fig.layout.margin.b or 0)
    used = int(fig.layout.margin.b or 0)
    controls = play_controls(
        [f.name for f in frames], lang=lang, active=active, duration_ms=duration_ms
    )
    # The buttons on one row, the slider (with the step shown above it) on the next: the
    # step's label never covers a button, however narrow the figure is drawn.
    controls["updatemenus"][0]["y"] = -(used + 6) / plot
    controls["sliders"][0]["y"] = -(used + 6 + BUTTON_ROW_PX) / plot
    room = CONTROLS_PX + BUTTON_ROW_PX
    set_layout(
        fig,
        height=int(fig.layout.height) + room,
        margin=merged(fig, "margin", b=used + room),
        **controls,
    )
    return fig


def at_frame(spec: dict, index: int) -> dict:
    """An animated figure's dict showing frame ``index``, as if it had been built there.

    A frame updates only what it names: its trace dicts are laid over the traces it lists
    (``frame["traces"]``) key by key, its layout over the layout, and the step slider is set
    to ``index``. Keys are replaced whole, as the app's frames give them (arrays, texts,
    shapes); a frame updating part of a nested dict (one key of ``marker``) would need a
    deeper merge, as plotly.js does. The result shares everything else with ``spec`` (the
    frames, the other traces, the slider's steps), so it costs microseconds against tens of
    milliseconds for building the figure again at that step.

    Parameters
    ----------
    spec : dict
        ``figure.to_dict()`` of a figure from :func:`add_play_controls` (``"frames"`` and one
        slider). Read, never changed.
    index : int
        The frame shown, clamped to the frames.

    Returns
    -------
    dict
        A new top-level dict (new ``data`` list and ``layout`` dict); ``spec`` itself when it
        has no frames.
    """
    frames = spec.get("frames") or []
    if not frames:
        return spec
    index = min(max(int(index), 0), len(frames) - 1)
    frame = frames[index]
    data = list(spec["data"])
    for trace, update in zip(frame.get("traces", []), frame.get("data", []), strict=True):
        data[trace] = {**data[trace], **update}
    layout = {**spec["layout"], **frame.get("layout", {})}
    layout["sliders"] = [{**layout["sliders"][0], "active": index}, *layout["sliders"][1:]]
    return {**spec, "data": data, "layout": layout}
