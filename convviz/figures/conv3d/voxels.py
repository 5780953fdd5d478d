"""The clip as a block of voxels in 3-D (time along x), with the window of one step as a box.

Every non-zero voxel of the padded clip is a small cube coloured by its value; the voxels under
the window's taps are drawn solid, the others faint, and the window's extent (the dilated span
d(k − 1) + 1 on each axis) is outlined. Rows run downwards, as in the frame panels.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.trace3d import ClipTrace
from convviz.i18n import translate
from convviz.style.palette import DIVERGING_SCALE, HIGHLIGHT, SEQUENTIAL_SCALE

MAX_VOXELS = 4096  # cubes drawn; larger clips are drawn as points
HALF = 0.42  # half the side of a cube (a gap shows between neighbours)
# corners of a unit cube and its 12 triangles (two per face)
CORNERS = np.array([[x, y, z] for x in (-1, 1) for y in (-1, 1) for z in (-1, 1)], dtype=float)
TRIANGLES = np.array(
    [
        [0, 1, 3], [0, 3, 2], [4, 6, 7], [4, 7, 5], [0, 4, 5], [0, 5, 1],
        [2, 3, 7], [2, 7, 6], [0, 2, 6], [0, 6, 4], [1, 5, 7], [1, 7, 3],
    ]
)  # fmt: skip


def _cubes(points: np.ndarray, values: np.ndarray) -> dict:
    """Mesh3d arguments of one cube per point.

    ``points`` is (n, 3) of (x, y, z) centres, ``values`` (n,): each cube's 8 corners carry
    its value as intensity.
    """
    n = len(points)
    corners = points[:, None, :] + HALF * CORNERS[None]  # (n, 8, 3)
    faces = TRIANGLES[None] + 8 * np.arange(n)[:, None, None]  # (n, 12, 3)
    xyz = corners.reshape(-1, 3)  # (8n, 3)
    ijk = faces.reshape(-1, 3)  # (12n, 3)
    return {
        "x": xyz[:, 0],
        "y": xyz[:, 1],
        "z": xyz[:, 2],
        "i": ijk[:, 0],
        "j": ijk[:, 1],
        "k": ijk[:, 2],
        "intensity": np.repeat(values, 8),
    }


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


def voxel_figure(trace: ClipTrace, cell: tuple[int, int, int], *, lang: str) -> go.Figure:
    """The padded clip in 3-D with the window of output cell ``cell``.

    Parameters
    ----------
    trace : ClipTrace
    cell : (int, int, int)
        Output ``(t, r, c)``; its window's taps are drawn solid.
    lang : {"en", "zh"}

    Returns
    -------
    go.Figure
        A faint Mesh3d of the voxels outside the taps, a solid one of those under the taps
        (empty meshes are left out), the window box (Scatter3d lines); x = frame, y = column,
        z = −row.
    """
    padded = trace.padded  # (D_p, H_p, W_p)
    z0, r0, c0 = trace.origin(cell)
    sd, sh, sw = trace.span()
    da, di, dj = trace.dilation
    taps = np.zeros(padded.shape, dtype=bool)
    taps[z0 : z0 + sd : da, r0 : r0 + sh : di, c0 : c0 + sw : dj] = True
    lo, hi = float(padded.min()), float(padded.max())
    signed = lo < 0 < hi
    scale = DIVERGING_SCALE if signed else SEQUENTIAL_SCALE
    bound = max(abs(lo), abs(hi), 1e-9)
    zmin, zmax = (-bound, bound) if signed else (lo, hi if hi > lo else lo + 1)
    fig = go.Figure()
    # the taps, zeros too (the window reads them), solid; other non-zero voxels faint
    for inside, shown, opacity in ((False, (padded != 0) & ~taps, 0.18), (True, taps, 0.95)):
        zz, rr, cc = np.nonzero(shown)
        if zz.size == 0 or zz.size > MAX_VOXELS:
            continue
        points = np.stack([zz, cc, -rr], axis=1).astype(float)  # (n, 3) as (x, y, z)
        fig.add_trace(
            go.Mesh3d(
                **_cubes(points, padded[shown]),
                colorscale=scale,
                cmin=zmin,
                cmax=zmax,
                opacity=opacity,
                flatshading=True,
                showscale=inside,
                hoverinfo="skip",
                name=translate("conv3d.voxels.taps" if inside else "conv3d.voxels.clip", lang),
            )
        )
    box = _box((z0 - 0.5, r0 - 0.5, c0 - 0.5), (z0 + sd - 0.5, r0 + sh - 0.5, c0 + sw - 0.5))
    fig.add_trace(
        go.Scatter3d(
            **box,
            mode="lines",
            line={"color": HIGHLIGHT, "width": 6},
            hoverinfo="skip",
            name=translate("conv3d.voxels.window", lang),
        )
    )
    d_p, h_p, w_p = padded.shape
    fig.update_layout(
        height=460,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        showlegend=False,
        scene={
            "aspectmode": "data",
            "xaxis": {"title": translate("conv3d.voxels.axis_time", lang), "range": [-1, d_p]},
            "yaxis": {"title": translate("conv3d.voxels.axis_col", lang), "range": [-1, w_p]},
            "zaxis": {"title": translate("conv3d.voxels.axis_row", lang), "range": [-h_p, 1]},
            "camera": {"eye": {"x": 1.6, "y": -1.6, "z": 1.0}},
        },
    )
    return fig
