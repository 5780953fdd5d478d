"""The Image lab's filter views: a kernel on a picture — the size arithmetic, the filtered
picture (or its colour map) and the sentences that explain the result.

Pictures go out as PNG bytes (never as huge heatmaps), with at most one small Plotly figure
and translated markdown.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.fit import LEGIBLE_FONT, legible_layout
from convviz.figures.common.grid import format_number
from convviz.i18n import translate
from convviz.image_ops import (
    apply_kernel,
    block_mean,
    filter_padding,
    is_zero_sum,
    jpeg_bytes,
    png_bytes,
    to_rgb8,
)
from convviz.style.palette import SEQUENTIAL_SCALE, cividis_rgb

MAX_MAP_SIDE = 160  # heatmap cells per side at most (block means above): a light chart
DECIMALS = 3


def number_text(value: float) -> str:
    """``value`` with at most :data:`DECIMALS` decimals, as the lab prints every number."""
    return format_number(float(value), DECIMALS)


def size_text(
    in_hw: tuple[int, int],
    kernel_shape: tuple[int, int],
    *,
    stride: int,
    dilation: int,
    padding_mode: str,
    lang: str,
) -> list[str]:
    """The padding rule and the output-size formula with the numbers, per axis (markdown).

    Notes
    -----
    o = ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1 with p = ⌊d(k − 1) / 2⌋.
    """
    pads = filter_padding(kernel_shape, dilation)
    lines = [
        translate(
            "image_lab.sizes.rule",
            lang,
            mode=translate(f"choice.padding_mode.{padding_mode}", lang),
        )
    ]
    outs = []
    for axis, i, k, p in zip(("height", "width"), in_hw, kernel_shape, pads, strict=True):
        num = i + 2 * p - dilation * (k - 1) - 1
        o = num // stride + 1
        outs.append(o)
        lines.append(
            translate(
                "image_lab.sizes.axis",
                lang,
                axis=translate(f"image_lab.sizes.{axis}", lang),
                i=i,
                p=p,
                d=dilation,
                k=k,
                s=stride,
                num=num,
                o=o,
            )
        )
    lines.append(
        translate("image_lab.sizes.summary", lang, h=in_hw[0], w=in_hw[1], oh=outs[0], ow=outs[1])
    )
    return lines


def cividis_lut() -> np.ndarray:
    """``(256, 3)`` uint8: the cividis colour of each of 256 levels."""
    return np.array([cividis_rgb(t) for t in np.linspace(0.0, 1.0, 256)], dtype=np.uint8)


def map_png(values: np.ndarray, lo: float, hi: float) -> bytes:
    """A 2-D map coloured with cividis between ``lo`` and ``hi``, as PNG bytes (every pixel)."""
    span = (hi - lo) or 1.0
    levels = np.clip((values - lo) / span * 255.0 + 0.5, 0, 255).astype(np.uint8)  # (H, W)
    return png_bytes(cividis_lut()[levels])  # (H, W, 3)


def map_figure(values: np.ndarray, *, lo: float, hi: float, lang: str) -> tuple[go.Figure, int]:
    """A cividis heatmap with a colour bar (the scale), at most ``MAX_MAP_SIDE`` cells a side.

    Parameters
    ----------
    values : numpy.ndarray, shape (H, W)

    Returns
    -------
    (go.Figure, int)
        The figure (cells placed at their pixel coordinates, rows downwards, square pixels)
        and the block size f it was averaged over (1: every pixel).
    """
    shown, f = block_mean(values, MAX_MAP_SIDE)
    rows, cols = shown.shape
    centre = (f - 1) / 2
    heatmap = {
        "type": "heatmap",
        "z": np.round(shown, 4).astype(np.float32),
        "x": np.arange(cols) * f + centre,
        "y": np.arange(rows) * f + centre,
        "zmin": lo,
        "zmax": hi,
        "colorscale": SEQUENTIAL_SCALE,
        "colorbar": {
            "title": {"text": translate("image_lab.map.colorbar", lang), "font": LEGIBLE_FONT},
            "tickfont": LEGIBLE_FONT,
        },
        "hovertemplate": translate(
            "image_lab.hover", lang, row="%{y:.0f}", col="%{x:.0f}", value="%{z:.3f}"
        )
        + "<extra></extra>",
    }
    h, w = values.shape
    width = 560
    height = int(min(640, max(200, (width - 100) * h / max(w, 1)))) + 40
    layout = legible_layout()
    layout["xaxis"].update(constrain="domain")
    layout["yaxis"].update(autorange="reversed", scaleanchor="x", constrain="domain")
    layout.update(
        width=width,
        height=height,
        margin={"l": 40, "r": 10, "t": 30, "b": 30},
        title={
            "text": translate("image_lab.map.title", lang, h=h, w=w),
            "font": {"size": 14},
        },
    )
    # One checked construction (update_layout, update_*axes and legible's updates each
    # re-walk the figure).
    return go.Figure({"data": [heatmap], "layout": layout}), f


def _resolve_view(kernel: np.ndarray, output_view: str) -> str:
    """``"map"`` or ``"rgb"``: automatic picks the map for a zero-sum kernel."""
    if output_view == "auto":
        return "map" if is_zero_sum(kernel) else "rgb"
    return output_view


def picture_png(image: np.ndarray) -> bytes:
    """The ``(H, W, 3)`` picture as PNG bytes (what the page shows as the input)."""
    return png_bytes(to_rgb8(np.transpose(image, (2, 0, 1))))


def _map_values(out: np.ndarray, kernel: np.ndarray) -> tuple[np.ndarray, float, float]:
    """The mean of the channel outputs and its colour range (symmetric about 0 for a
    zero-sum kernel, so 0 sits in the middle of the scale)."""
    mean = out.mean(axis=0, dtype=np.float64)  # (H_out, W_out)
    lo, hi = float(mean.min()), float(mean.max())
    if is_zero_sum(kernel) and hi > lo:
        lo, hi = -max(abs(lo), abs(hi)), max(abs(lo), abs(hi))
    return mean, lo, hi


def filter_png(
    image: np.ndarray,
    kernel: np.ndarray,
    *,
    stride: int,
    dilation: int,
    padding_mode: str,
    output_view: str,
) -> bytes:
    """The output with every pixel as PNG bytes: the clipped colour picture, or the cividis map
    (the download; built only when asked for)."""
    out = apply_kernel(image, kernel, stride=stride, dilation=dilation, padding_mode=padding_mode)
    if _resolve_view(kernel, output_view) == "rgb":
        return png_bytes(to_rgb8(out))
    return map_png(*_map_values(out, kernel))


def filter_view(
    image: np.ndarray,
    kernel: np.ndarray,
    *,
    stride: int,
    dilation: int,
    padding_mode: str,
    output_view: str,
    lang: str,
) -> dict:
    """Section 1: the kernel applied to every channel of the picture.

    Parameters
    ----------
    image : numpy.ndarray, shape (H, W, 3)
    kernel : numpy.ndarray, shape (kH, kW)
    output_view : {"auto", "rgb", "map"}

    Returns
    -------
    dict
        ``mode`` ("rgb" or "map"); ``output_jpeg`` (the clipped colour output for display,
        or None) or ``figure`` (the map's heatmap with its colour bar, or None);
        ``kernel_caption``, ``sizes`` (markdown lines), ``padding_rule`` (the padding
        alone, without what it does to the size: for "predict first"), ``input_caption``,
        ``output_caption``, ``notes`` (markdown), ``out_hw``.

    Raises
    ------
    ConvValueError
        From ``conv2d`` (e.g. reflect padding as wide as a tiny picture, or a kernel larger
        than the padded picture).
    """
    out = apply_kernel(
        image, kernel, stride=stride, dilation=dilation, padding_mode=padding_mode
    )  # (3, H_out, W_out)
    h, w = image.shape[:2]
    oh, ow = out.shape[1:]
    mode = _resolve_view(kernel, output_view)
    total = float(np.sum(kernel))
    view = {
        "mode": mode,
        "kernel_caption": translate(
            "image_lab.filter.kernel_caption",
            lang,
            kh=kernel.shape[0],
            kw=kernel.shape[1],
            total=number_text(total),
        ),
        "sizes": size_text(
            (h, w),
            kernel.shape,
            stride=stride,
            dilation=dilation,
            padding_mode=padding_mode,
            lang=lang,
        ),
        "padding_rule": translate(
            "image_lab.sizes.padding",
            lang,
            mode=translate(f"choice.padding_mode.{padding_mode}", lang),
        ),
        "input_caption": translate("image_lab.input_caption", lang, h=h, w=w),
        "output_caption": translate("image_lab.output_caption", lang, h=oh, w=ow),
        "out_hw": (oh, ow),
        "output_jpeg": None,
        "figure": None,
        "notes": [],
    }
    if mode == "rgb":
        lo, hi = float(out.min()), float(out.max())
        outside = float(np.mean((out < 0.0) | (out > 1.0)))
        view["output_jpeg"] = jpeg_bytes(to_rgb8(out))
        view["notes"].append(
            translate(
                "image_lab.rgb.range",
                lang,
                lo=number_text(lo),
                hi=number_text(hi),
                share=f"{outside:.1%}",
            )
        )
        return view
    mean, lo, hi = _map_values(out, kernel)
    view["figure"], f = map_figure(mean, lo=lo, hi=hi, lang=lang)
    flat = (
        translate("image_lab.map.flat_zero", lang)
        if is_zero_sum(kernel)
        else translate("image_lab.map.flat_scaled", lang, total=number_text(total))
    )
    view["notes"].append(
        translate(
            "image_lab.map.explain",
            lang,
            total=number_text(total),
            flat_note=flat,
            lo=number_text(mean.min()),
            hi=number_text(mean.max()),
        )
    )
    if f > 1:
        view["notes"].append(translate("image_lab.map.downsampled", lang, f=f))
    return view
