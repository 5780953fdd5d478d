"""What each section of the 3-D page shows, built from the engine: pure functions of the setting
(and ``lang``) that return figures, table rows and text."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go

from convviz.clips import make_kernel3d
from convviz.engine.conv import conv2d, conv3d
from convviz.engine.errors import ConvValueError
from convviz.engine.sizes import conv_output_size
from convviz.engine.trace3d import cell_at_step, frame_terms
from convviz.engine.video_counts import video_layers
from convviz.figures.common.grid import GridSpec, panels_figure
from convviz.figures.conv3d.data import Conv3dSetting, clip_of, trace_of
from convviz.figures.conv3d.frames import animates, frames_figure, whole_clip_px
from convviz.figures.conv3d.voxels import voxel_scene
from convviz.i18n import translate

# The page's widget for each engine name, per axis (height uses the engine's names).
WIDGET_KEYS = {
    "d": {"padding": "padding_depth", "stride": "stride_depth", "dilation": "dilation_depth"},
    "h": {},
    "w": {"padding": "padding_w", "stride": "stride_w", "dilation": "dilation_w"},
}
ENGINE_AXES = {"D": "d", "H": "h", "W": "w"}  # the axis names padding errors give


def for_axis(error: ConvValueError, axis: str) -> ConvValueError:
    """``error`` with its suggestion moved to the page's widget of ``axis`` ("d", "h", "w")."""
    keys = WIDGET_KEYS[axis]
    suggestion = {keys.get(name, name): value for name, value in error.suggestion.items()}
    return ConvValueError(error.code, str(error), suggestion=suggestion, **error.values)


def checked_shape(setting: Conv3dSetting, lang: str) -> dict:
    """The output shape, or why there is none and along which axis.

    Returns
    -------
    dict
        ``shape``: ``(D_out, H_out, W_out)`` or None; ``axis``: the translated axis name of
        the error, or None; ``error``: the engine's error, its suggestion on the page's
        widget of that axis, or None.
    """
    sizes = sizes_view(setting, lang)
    if sizes["error"] is not None:
        axis, error = sizes["error"]
        return {"shape": None, "axis": axis, "error": error}
    try:
        return {"shape": trace_of(setting).out_shape, "axis": None, "error": None}
    except ConvValueError as error:  # a padding mode that needs a larger clip
        axis = ENGINE_AXES.get(str(error.values.get("axis")))
        if axis is None:
            return {"shape": None, "axis": None, "error": error}
        name = translate(f"conv3d.axis.{axis}", lang)
        return {"shape": None, "axis": name, "error": for_axis(error, axis)}


def window_view(setting: Conv3dSetting, step: int, lang: str) -> dict:
    """Section 1 without its figures: the cell at ``step``, its sum, and the step each
    figure is built at.

    ``step`` is clamped to the output cells. An animated figure is built once per setting at
    step 0 and shown at ``step`` by laying that step's frame over it
    (:func:`convviz.figures.common.animation.at_frame`); a still one is built at ``step``.
    Raises the engine's ``ConvValueError`` for an invalid setting.

    Returns
    -------
    dict
        ``steps``, ``step``, ``animated`` (the frames figure has ▶), ``whole_px`` (how tall
        a figure of the whole clip would be), ``frames_step`` (the
        ``start`` to build :func:`frames_view` at), ``cell`` ``(t, r, c)``, ``frames_read``,
        ``terms`` (one line per frame read), ``total``, ``out_shape`` and ``note`` (the
        moving-square note, or "").
    """
    trace = trace_of(setting)
    steps = int(np.prod(trace.out_shape))
    step = min(max(step, 0), steps - 1)
    cell = cell_at_step(trace, step)
    t, r, c = cell
    animated = animates(trace)
    return {
        "steps": steps,
        "step": step,
        "animated": animated,
        "whole_px": whole_clip_px(trace),
        "frames_step": 0 if animated else step,
        "cell": cell,
        "frames_read": trace.frames_read(cell),
        "terms": [
            translate("conv3d.window.frame_line", lang, z=z, text=text)
            for z, text in frame_terms(trace, cell)
        ],
        "total": translate(
            "conv3d.window.total", lang, t=t, r=r, c=c, value=f"{trace.sums[cell]:.6g}"
        ),
        "out_shape": trace.out_shape,
        "note": translate("conv3d.moving_note", lang) if _shows_motion(setting) else "",
    }


def frames_view(setting: Conv3dSetting, start: int, lang: str) -> go.Figure:
    """Section 1's frames figure (:func:`convviz.figures.conv3d.frames.frames_figure`) showing
    step ``start`` first (``window_view(...)["frames_step"]``)."""
    return frames_figure(trace_of(setting), lang=lang, start=start)


def voxels_view(setting: Conv3dSetting, lang: str) -> str:
    """Section 1's 3-D view, drawn on request: the clip's
    :func:`~convviz.figures.conv3d.voxels.voxel_scene` as JSON text (written once per setting;
    the browser walks the window through every step itself)."""
    return json.dumps(voxel_scene(trace_of(setting), lang=lang), separators=(",", ":"))


def _shows_motion(setting: Conv3dSetting) -> bool:
    """Whether a 1×1 temporal difference runs on the moving square with no frames padded in
    (then each output cell compares one pixel in two frames, at its own position)."""
    return (
        setting.clip == "moving"
        and setting.kernel_kind == "temporal_difference"
        and setting.kernel[1:] == (1, 1)
        and setting.padding[0] == 0
    )


def step_of_click(setting: Conv3dSetting, picked: tuple[int, int, int] | None) -> int | None:
    """The step of a clicked output cell: ``picked`` is ``(row, col, panel)`` of the frames
    figure (panels: the padded input frames, then the output frames); None for anything else."""
    if picked is None:
        return None
    trace = trace_of(setting)
    d_out, h_out, w_out = trace.out_shape
    r, c, panel = picked
    t = panel - trace.padded.shape[0]
    if not (0 <= t < d_out and 0 <= r < h_out and 0 <= c < w_out):
        return None
    return (t * h_out + r) * w_out + c


def sizes_view(setting: Conv3dSetting, lang: str) -> dict:
    """Section 3: the output size on each axis with that axis's own s, p, d.

    Returns
    -------
    dict
        ``rows``: one dict per axis that has a size (column titles translated);
        ``error``: ``(axis name, ConvValueError)`` for the first axis with none (its
        suggestion on that axis's widget), or None.
    """
    rows, error = [], None
    for axis, i, k, s, p, d in setting.per_axis():
        name = translate(f"conv3d.axis.{axis}", lang)
        try:
            o = conv_output_size(i, k, s, p, d)
        except ConvValueError as err:
            error = error or (name, for_axis(err, axis))
            continue
        formula = f"⌊({i} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = {o}"
        rows.append(
            {
                translate("conv3d.sizes.axis", lang): name,
                "i": i,
                "k": k,
                "s": s,
                "p": p,
                "d": d,
                translate("conv3d.sizes.formula", lang): formula,
                "o": o,
            }
        )
    return {"rows": rows, "error": error}


def fusion_view(setting: Conv3dSetting, lang: str) -> dict:
    """Section 2: a 2-D convolution over the frames stacked as channels against 3-D.

    A kernel as deep as the clip, (D, kH, kW), read as a 2-D kernel over D channels (early
    fusion) gives one map; :func:`conv3d` with that kernel gives the same map with a depth
    axis of 1. Both are computed and compared.

    Raises
    ------
    ConvValueError
        For a spatial setting the engine refuses.
    """
    clip = clip_of(setting)  # (D, H, W)
    depth = clip.shape[0]
    _, kh, kw = setting.kernel
    whole = make_kernel3d(setting.kernel_kind, depth, kh, kw, seed=setting.seed + 1)
    spatial = {
        "stride": setting.stride[1:],
        "padding": setting.padding[1:],
        "dilation": setting.dilation[1:],
        "padding_mode": setting.padding_mode,
    }
    fused = conv2d(clip, whole[None], **spatial)[0]  # (H_out, W_out): D frames as D channels
    as_3d = conv3d(
        clip[None],
        whole[None, None],
        stride=(1, *setting.stride[1:]),
        padding=(0, *setting.padding[1:]),
        dilation=(1, *setting.dilation[1:]),
        padding_mode=setting.padding_mode,
    )  # (1, 1, H_out, W_out)
    h_out, w_out = fused.shape
    figure = panels_figure(
        [
            GridSpec(fused, translate("conv3d.fusion.map_2d", lang, d=depth), role="output"),
            GridSpec(as_3d[0, 0], translate("conv3d.fusion.map_3d", lang, d=depth), role="output"),
        ],
        operators=("=",),
    )
    return {
        "figure": figure,
        "text": translate(
            "conv3d.fusion.text",
            lang,
            d=depth,
            kh=kh,
            kw=kw,
            h=h_out,
            w=w_out,
            diff=f"{float(np.abs(as_3d[0, 0] - fused).max()):.3g}",
        ),
    }


def layers_view(in_channels: int, out_channels: int, frames: int, size: int, lang: str) -> dict:
    """Section 4: weights and MACs of the compared layers, as table rows.

    Raises
    ------
    ConvValueError
        When the clip is too short or too small for a kernel of the table.
    """
    layers = video_layers(in_channels, out_channels, frames, size)
    c3d = layers[0].weights
    rows = []
    for layer in layers:
        shapes = " → ".join(
            f"{conv.in_channels}→{conv.out_channels}, {'×'.join(map(str, conv.kernel))}"
            for conv in layer.convs
        )
        c_out, d_out, h_out, w_out = layer.out_shape
        out = (
            f"({c_out}, {d_out}, {h_out}, {w_out})"
            if layer.keeps_time
            else (f"({c_out}, {h_out}, {w_out})")
        )
        weights = " + ".join("·".join(map(str, conv.weights.factors)) for conv in layer.convs)
        rows.append(
            {
                translate("conv3d.layers.layer", lang): translate(
                    f"conv3d.layers.{layer.name}", lang
                ),
                translate("conv3d.layers.convs", lang): shapes,
                translate("conv3d.layers.output", lang): out,
                translate("conv3d.layers.weights", lang): f"{weights} = {layer.weights:,}",
                translate("conv3d.layers.ratio", lang): f"{layer.weights / c3d:.3f}",
                translate("conv3d.layers.macs", lang): f"{layer.macs:,}",
            }
        )
    mid = layers[-1].convs[0].out_channels
    return {
        "rows": rows,
        "mid": translate(
            "conv3d.layers.mid_note",
            lang,
            cin=in_channels,
            cout=out_channels,
            m=mid,
            weights=f"{layers[-1].weights:,}",
            c3d=f"{c3d:,}",
        ),
    }
