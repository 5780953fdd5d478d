"""The clip as a block of voxels in 3-D (time along x), with the window of one step as a box.

Every non-zero voxel of the padded clip is a small faint cube coloured by its value; the
voxels under the window's taps are drawn solid, and the window's extent (the dilated span
d(k − 1) + 1 on each axis) is outlined. Rows run downwards, as in the frame panels. The
window moves under the same play / step controls as the frames figure.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.trace3d import ClipTrace
from convviz.figures.common.animation import add_play_controls, unchecked_frame
from convviz.figures.common.figure_json import packed
from convviz.figures.common.panels import MAX_ANIMATED_STEPS
from convviz.i18n import translate
from convviz.style.palette import DIVERGING_SCALE, HIGHLIGHT, SEQUENTIAL_SCALE

MAX_VOXELS = 4096  # faint cubes drawn; beyond, the clip is left out (the taps stay)
# Tap cubes over all the frames of an animation (about 170 bytes each in the chart's JSON,
# and the time to build and send them): beyond, the view shows the page's current step.
MAX_ANIMATED_CUBES = 2000
HALF = 0.42  # half the side of a cube (a gap shows between neighbours)
TAP_HALF = 0.44  # the cubes under the taps enclose the faint ones at the same place
# corners of a unit cube and its 12 triangles (two per face)
CORNERS = np.array([[x, y, z] for x in (-1, 1) for y in (-1, 1) for z in (-1, 1)], dtype=float)
TRIANGLES = np.array(
    [
        [0, 1, 3], [0, 3, 2], [4, 6, 7], [4, 7, 5], [0, 4, 5], [0, 5, 1],
        [2, 3, 7], [2, 7, 6], [0, 2, 6], [0, 6, 4], [1, 5, 7], [1, 7, 3],
    ]
)  # fmt: skip


def _cubes(points: np.ndarray, values: np.ndarray, *, half: float = HALF) -> dict:
    """Mesh3d arguments of one cube per point.

    ``points`` is (n, 3) of (x, y, z) centres, ``values`` (n,): each cube's 8 corners carry
    its value as intensity; ``half`` is half a cube's side. Corners and intensities are
    float32 (half the bytes of float64 in the chart's JSON; a cube's corner moves by less
    than 1e-6 of a voxel).
    """
    n = len(points)
    corners = points[:, None, :] + half * CORNERS[None]  # (n, 8, 3)
    xyz = corners.reshape(-1, 3).astype(np.float32)  # (8n, 3)
    return {
        "x": xyz[:, 0],
        "y": xyz[:, 1],
        "z": xyz[:, 2],
        **_faces(n),
        "intensity": np.repeat(values.astype(np.float32), 8),
    }


def _faces(n: int) -> dict:
    """``i``, ``j``, ``k`` of the 12 triangles of each of ``n`` cubes (corners 8c … 8c + 7)."""
    ijk = (TRIANGLES[None] + 8 * np.arange(n)[:, None, None]).reshape(-1, 3)  # (12n, 3)
    return {"i": ijk[:, 0], "j": ijk[:, 1], "k": ijk[:, 2]}


def _box(low: tuple[float, float, float], high: tuple[float, float, float]) -> dict:
    """x, y, z of the 12 edges of the box from ``low`` to ``high`` (each (frame, row, col)),
    as one line broken by None."""
    xs, ys, zs = [], [], []
    (z0, r0, c0), (z1, r1, c1) = low, high
    corners = [(t, c, -r) for t in (z0, z1) for c in (c0, c1) for r in (r0, r1)]
    for a in range(8):
        for b in range(a + 1, 8):
            if sum(u != v for u, v in zip(corners[a], corners[b], strict=True)) == 1:
                for axis, values in enumerate((xs, ys, zs)):
                    values += [corners[a][axis], corners[b][axis], None]
    return {"x": xs, "y": ys, "z": zs}


def _taps_mask(trace: ClipTrace, cell: tuple[int, int, int]) -> np.ndarray:
    """(D_p, H_p, W_p) bool: the voxels window ``cell`` reads."""
    z0, r0, c0 = trace.origin(cell)
    sd, sh, sw = trace.span()
    da, di, dj = trace.dilation
    taps = np.zeros(trace.padded.shape, dtype=bool)
    taps[z0 : z0 + sd : da, r0 : r0 + sh : di, c0 : c0 + sw : dj] = True
    return taps


def _step_data(trace: ClipTrace, cell: tuple[int, int, int], *, faces: bool = True) -> list[dict]:
    """Trace updates of one step: the solid cubes under the taps, the window box.

    Every step has the same number of taps in the same order, so the cubes' triangles
    (``i``, ``j``, ``k``) are the same at every step: ``faces=False`` leaves them out of an
    animation frame, which keeps the first frame's (a frame updates only what it names), and
    packs the arrays it keeps (:func:`convviz.figures.common.figure_json.packed`).
    """
    zz, rr, cc = np.nonzero(_taps_mask(trace, cell))
    points = np.stack([zz, cc, -rr], axis=1).astype(float)  # (kD·kH·kW, 3) as (x, y, z)
    values = trace.padded[zz, rr, cc]
    z0, r0, c0 = trace.origin(cell)
    sd, sh, sw = trace.span()
    low, high = (z0 - 0.5, r0 - 0.5, c0 - 0.5), (z0 + sd - 0.5, r0 + sh - 0.5, c0 + sw - 0.5)
    cubes = _cubes(points, values, half=TAP_HALF)
    if not faces:
        cubes = {key: packed(cubes[key]) for key in ("x", "y", "z", "intensity")}
    return [{"type": "mesh3d", **cubes}, {"type": "scatter3d", **_box(low, high)}]


def animates(trace: ClipTrace) -> bool:
    """Whether the voxel view gets one frame per output cell: at most ``MAX_ANIMATED_STEPS``
    cells and ``MAX_ANIMATED_CUBES`` tap cubes over all of them."""
    steps = len(trace.cells())
    return steps <= MAX_ANIMATED_STEPS and steps * trace.kernel.size <= MAX_ANIMATED_CUBES


def voxel_figure(
    trace: ClipTrace, cell: tuple[int, int, int], *, lang: str, start: int | None = None
) -> go.Figure:
    """The padded clip in 3-D with the window of output cell ``cell``, animated if it fits.

    Parameters
    ----------
    trace : ClipTrace
    cell : (int, int, int)
        Output ``(t, r, c)`` shown first; its window's taps are drawn solid.
    lang : {"en", "zh"}
    start : int, optional
        Row-major index of ``cell``; given, and when :func:`animates` (at most
        ``MAX_ANIMATED_STEPS`` output cells and ``MAX_ANIMATED_CUBES`` tap cubes over all of
        them), the figure gets one frame per cell under the shared play / step controls.

    Returns
    -------
    go.Figure
        A faint Mesh3d of the clip's non-zero voxels (left out when there are none or more
        than ``MAX_VOXELS``), a solid one of the voxels under the taps (zeros too: the window
        reads them), slightly larger so it encloses the faint cubes, and the window box
        (Scatter3d lines); x = frame, y = column, z = −row.
    """
    padded = trace.padded  # (D_p, H_p, W_p)
    lo, hi = float(padded.min()), float(padded.max())
    signed = lo < 0 < hi
    bound = max(abs(lo), abs(hi), 1e-9)
    colours = {
        "colorscale": DIVERGING_SCALE if signed else SEQUENTIAL_SCALE,
        "cmin": -bound if signed else lo,
        "cmax": bound if signed else (hi if hi > lo else lo + 1),
        "flatshading": True,
        "hoverinfo": "skip",
    }
    traces = []
    zz, rr, cc = np.nonzero(padded)
    if 0 < zz.size <= MAX_VOXELS:
        points = np.stack([zz, cc, -rr], axis=1).astype(float)  # (n, 3) as (x, y, z)
        traces.append(
            {
                "type": "mesh3d",
                **_cubes(points, padded[zz, rr, cc]),
                **colours,
                "opacity": 0.18,
                "showscale": False,
                "name": translate("conv3d.voxels.clip", lang),
            }
        )
    taps, box = _step_data(trace, cell)
    traces.append(
        {
            **taps,
            **colours,
            "opacity": 0.95,
            "showscale": True,
            # Inside the chart's right edge (the layout keeps no right margin).
            "colorbar": {"x": 1.0, "xanchor": "right", "thickness": 14, "tickfont": {"size": 14}},
            "name": translate("conv3d.voxels.taps", lang),
        }
    )
    traces.append(
        {
            **box,
            "mode": "lines",
            "line": {"color": HIGHLIGHT, "width": 6},
            "hoverinfo": "skip",
            "name": translate("conv3d.voxels.window", lang),
        }
    )
    d_p, h_p, w_p = padded.shape
    axes = {
        "xaxis": ("conv3d.voxels.axis_time", [-1, d_p]),
        "yaxis": ("conv3d.voxels.axis_col", [-1, w_p]),
        "zaxis": ("conv3d.voxels.axis_row", [-h_p, 1]),
    }
    layout = {
        "height": 460,
        "margin": {"l": 0, "r": 0, "t": 10, "b": 0},
        "font": {"size": 14},  # axis titles and ticks legible (Plotly's default is 12)
        "showlegend": False,
        "scene": {
            "aspectmode": "data",
            **{
                axis: {"title": {"text": translate(key, lang)}, "range": extent}
                for axis, (key, extent) in axes.items()
            },
            "camera": {"eye": {"x": 1.6, "y": -1.6, "z": 1.0}},
        },
    }
    # Every value is built here from the trace; Plotly's checks (about 10 ms a figure) are
    # left out, and the tests check the figure against a checked copy of it.
    fig = go.Figure(data=traces, layout=layout, _validate=False)
    if start is None or not animates(trace):
        return fig
    first = len(fig.data) - 2  # the taps mesh, then the box
    frames = [
        unchecked_frame(
            f"({t}, {r}, {c})", _step_data(trace, (t, r, c), faces=False), [first, first + 1]
        )
        for t, r, c in trace.cells()
    ]
    return add_play_controls(fig, frames, lang=lang, active=start)
