"""Client-side animation of grid panels: play, pause and a step slider, drawn by Plotly.

Frames are pure data built from the engine's traces (a frame is a function of the spec and
the step), so the browser animates without a server round trip; pages keep the chart inside
an ``st.fragment`` so unrelated controls do not restart it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import plotly.graph_objects as go

from convviz.figures.grid import (
    GridSpec,
    Highlight,
    cell_texts,
    highlight_shape,
    panel_trace_indices,
    real_mask,
    text_colours,
    value_range,
)
from convviz.i18n import translate


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


def _caption_annotation(text: str) -> dict:
    return {
        "text": text,
        "x": 0,
        "y": -0.02,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "font": {"family": "monospace", "size": 14},
        "align": "left",
    }


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


def _frame_data(
    specs: Sequence[GridSpec], frame: FrameSpec, indices: list[tuple[int, int]]
) -> tuple[list, list[int]]:
    data, traces = [], []
    for panel, new_values in frame.values.items():
        spec = specs[panel]
        values = np.asarray(new_values, dtype=float)  # (H, W)
        real = real_mask(spec)
        lo, hi = value_range(spec, real)
        heat, text = indices[panel]
        data.append({"type": "heatmap", "z": np.where(real, values, np.nan)})
        traces.append(heat)
        data.append(
            {
                "type": "scatter",
                "text": cell_texts(spec, values),
                "textfont": {"color": text_colours(values, real, lo, hi)},
            }
        )
        traces.append(text)
    return data, traces


def animate_panels(
    fig: go.Figure,
    specs: Sequence[GridSpec],
    frames: Sequence[FrameSpec],
    *,
    lang: str,
    duration_ms: int = 800,
    start: int = 0,
) -> go.Figure:
    """Add ``frames`` to a figure made by :func:`~convviz.figures.grid.panels_figure`.

    Parameters
    ----------
    fig : go.Figure
        Built from ``specs``; modified in place and returned.
    specs : sequence of GridSpec
        The panels ``fig`` was built from.
    frames : sequence of FrameSpec
        One per step; the figure first shows step ``start``.
    lang : {"en", "zh"}
        Language of the play / pause buttons and the slider.
    duration_ms : int
        Time per step while playing.

    Returns
    -------
    go.Figure
        With play / pause buttons and a step slider under the panels.
    """
    if not frames:
        return fig
    indices = panel_trace_indices(specs)
    base_shapes = list(fig.layout.shapes or ())
    base_annotations = [a.to_plotly_json() for a in (fig.layout.annotations or ())]
    contents = []
    for frame in frames:
        data, traces = _frame_data(specs, frame, indices)
        shapes = base_shapes + [highlight_shape(h, panel=p) for p, h in frame.highlights]
        layout = {
            "shapes": shapes,
            "annotations": [*base_annotations, _caption_annotation(frame.caption)],
        }
        contents.append((frame.name, data, traces, layout))
    attach_frames(fig, [unchecked_frame(name, *content) for name, *content in contents])
    _, first_data, first_traces, first_layout = contents[min(max(start, 0), len(contents) - 1)]
    for trace_index, update in zip(first_traces, first_data, strict=True):
        fig.data[trace_index].update(update)
    fig.update_layout(**first_layout)
    play = {
        "frame": {"duration": duration_ms, "redraw": True},
        "fromcurrent": True,
        "transition": {"duration": 0},
        "mode": "immediate",
    }
    pause = {
        "frame": {"duration": 0, "redraw": False},
        "mode": "immediate",
        "transition": {"duration": 0},
    }
    fig.update_layout(
        height=(fig.layout.height or 300) + 110,
        margin={"b": 110},
        updatemenus=[
            {
                "type": "buttons",
                "direction": "left",
                "x": 0,
                "y": -0.12,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 30},
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
        sliders=[
            {
                "active": min(max(start, 0), len(frames) - 1),
                "x": 0.22,
                "len": 0.78,
                "y": -0.12,
                "yanchor": "top",
                "pad": {"t": 20},
                "currentvalue": {"prefix": translate("anim.step", lang) + " "},
                "steps": [
                    {
                        "label": f.name,
                        "method": "animate",
                        "args": [
                            [f.name],
                            {
                                "frame": {"duration": 0, "redraw": True},
                                "mode": "immediate",
                                "transition": {"duration": 0},
                            },
                        ],
                    }
                    for f in frames
                ],
            }
        ],
    )
    return fig
