"""The clip as a block of voxels in 3-D (time along x), with the window of one step as a box:
the data the browser's voxel view (:mod:`convviz.controls.voxel_view`) draws.

Every non-zero voxel of the padded clip is a faint cube coloured by its value; the voxels under
the window's taps are drawn solid (zeros too: the window reads them), and the window's extent
(the dilated span d(k − 1) + 1 on each axis) is outlined. Rows run downwards, as in the frame
panels. The browser draws the view on a 2-D canvas, turns it when dragged and moves the
window through every step (▶ or its own step slider) without a server run: this module gives
it the values once and the rule that places the taps, not a picture per step.
"""

from __future__ import annotations

import numpy as np

from convviz.engine.trace3d import ClipTrace
from convviz.figures.common.grid import format_number
from convviz.i18n import translate
from convviz.style.palette import (
    DIVERGING_SCALE,
    HIGHLIGHT,
    SEQUENTIAL_SCALE,
    hex_colour,
    scale_rgb,
)

MAX_VOXELS = 4096  # faint cubes drawn; beyond, the clip is left out (the taps stay)
LABEL_KEYS = {
    "frame": "conv3d.voxels.axis_time",
    "row": "conv3d.voxels.axis_row",
    "col": "conv3d.voxels.axis_col",
    "play": "anim.play",
    "pause": "anim.pause",
    "step": "anim.step",
    "hint": "conv3d.voxels.hint",
    "padding": "conv3d.frames.pad_title",
    "read": "conv3d.voxels.taps",
    "clip": "conv3d.voxels.clip",
    "window": "conv3d.voxels.window",
}


def tap_offsets(trace: ClipTrace) -> np.ndarray:
    """(kD·kH·kW, 3) int: each tap's (frame, row, col) from the window's first voxel, in the
    kernel's row-major order (``a·d_d, i·d_h, j·d_w``)."""
    grids = np.meshgrid(
        *(np.arange(k) * d for k, d in zip(trace.kernel.shape, trace.dilation, strict=True)),
        indexing="ij",
    )
    return np.stack([g.ravel() for g in grids], axis=1)


def taps_mask(trace: ClipTrace, cell: tuple[int, int, int]) -> np.ndarray:
    """(D_p, H_p, W_p) bool: the voxels window ``cell`` reads (its origin plus every tap
    offset, :func:`tap_offsets`)."""
    taps = np.zeros(trace.padded.shape, dtype=bool)
    z, r, c = (np.asarray(trace.origin(cell)) + tap_offsets(trace)).T
    taps[z, r, c] = True
    return taps


def voxel_levels(padded: np.ndarray) -> tuple[list[dict], np.ndarray, dict]:
    """The distinct values of ``padded`` as ``{"text", "fill"}`` (fill ``"#RRGGBB"`` on the
    view's colour scale), each voxel's index into them (flat, row-major) and the legend:
    ``{"stops": [...], "lo", "hi"}`` (texts at its ends; a signed clip's scale is centred on 0).
    """
    lo, hi = float(padded.min()), float(padded.max())
    signed = lo < 0 < hi
    bound = max(abs(lo), abs(hi), 1e-9)
    cmin, cmax = (-bound, bound) if signed else (lo, hi if hi > lo else lo + 1.0)
    scale = DIVERGING_SCALE if signed else SEQUENTIAL_SCALE
    values, index = np.unique(padded, return_inverse=True)
    levels = [
        {
            "text": format_number(v),
            "fill": hex_colour(scale_rgb(scale, (v - cmin) / (cmax - cmin))),
            "zero": v == 0,
        }
        for v in values.tolist()
    ]
    legend = {
        "stops": [hex_colour(scale_rgb(scale, t)) for t in np.linspace(0, 1, 11)],
        "lo": format_number(cmin),
        "hi": format_number(cmax),
    }
    return levels, index.reshape(-1), legend


def voxel_scene(trace: ClipTrace, *, lang: str) -> dict:
    """What the browser needs to draw the padded clip in 3-D and walk the window through it.

    Parameters
    ----------
    trace : ClipTrace
    lang : {"en", "zh"}

    Returns
    -------
    dict
        JSON-ready: ``shape`` (D_p, H_p, W_p); ``levels`` (the distinct values, each
        ``{"text", "fill", "zero"}``) and ``level`` (each voxel's index into them, row-major over
        (frame, row, col)); ``real`` (1 for a voxel of the clip, 0 for padding, row-major);
        ``faint`` (whether the non-zero voxels are drawn: at most ``MAX_VOXELS`` of them);
        ``taps`` (:func:`tap_offsets`, flat), ``span`` (the window's extent per axis),
        ``out_shape`` and ``stride`` (step ``n`` is output cell ``n`` in row-major order,
        its window starts at cell × stride, as :meth:`ClipTrace.origin` says); ``legend``;
        ``outline`` (the window's colour); ``labels`` (translated texts).
    """
    padded = trace.padded  # (D_p, H_p, W_p)
    levels, level, legend = voxel_levels(padded)
    return {
        "shape": list(padded.shape),
        "levels": levels,
        "level": level.tolist(),
        "real": trace.real.astype(np.int8).reshape(-1).tolist(),
        "faint": 0 < int(np.count_nonzero(padded)) <= MAX_VOXELS,
        "taps": tap_offsets(trace).reshape(-1).tolist(),
        "span": list(trace.span()),
        "out_shape": list(trace.out_shape),
        "stride": list(trace.stride),
        "legend": legend,
        "outline": HIGHLIGHT,
        "labels": {name: translate(key, lang) for name, key in LABEL_KEYS.items()},
    }
