"""Views of the Image lab: a kernel on a picture (sizes, picture or colour map) and the four
ways of doubling a picture side by side, with the stamp counts that explain the checkerboard.

Each view returns plain data the page draws: PNG bytes for pictures (sent as images, never as
huge heatmaps), at most one small Plotly figure, and translated markdown.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.checkerboard import overlap_counts
from convviz.figures.common.grid import GridSpec, format_number, panels_figure
from convviz.i18n import translate
from convviz.image_ops import (
    UPSAMPLE_METHODS,
    apply_kernel,
    block_mean,
    filter_padding,
    is_zero_sum,
    jpeg_bytes,
    png_bytes,
    shrink,
    to_rgb8,
    transposed_setting,
    upsample,
    upsample_kernel,
    zoom,
)
from convviz.style.palette import SEQUENTIAL_SCALE, cividis_rgb

MAX_MAP_SIDE = 160  # heatmap cells per side at most (block means above): a light chart
UP_SIDE = 128  # the upsampling demo starts from a picture this large at most
CROP = 40  # side of the zoomed patch of each upsampled result
ZOOM_PX = 200  # side of the zoomed patch on screen
OVERLAP_INPUT = 4  # the all-ones input of the stamp-count figure is OVERLAP_INPUT²
DECIMALS = 3


def _num(value: float) -> str:
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
    fig = go.Figure(
        go.Heatmap(
            z=np.round(shown, 4).astype(np.float32),
            x=np.arange(cols) * f + centre,
            y=np.arange(rows) * f + centre,
            zmin=lo,
            zmax=hi,
            colorscale=SEQUENTIAL_SCALE,
            colorbar={"title": {"text": translate("image_lab.map.colorbar", lang)}},
            hovertemplate=translate(
                "image_lab.hover", lang, row="%{y:.0f}", col="%{x:.0f}", value="%{z:.3f}"
            )
            + "<extra></extra>",
        )
    )
    h, w = values.shape
    width = 560
    height = int(min(640, max(200, (width - 100) * h / max(w, 1)))) + 40
    fig.update_layout(
        width=width,
        height=height,
        margin={"l": 40, "r": 10, "t": 30, "b": 30},
        title={
            "text": translate("image_lab.map.title", lang, h=h, w=w),
            "font": {"size": 14},
        },
    )
    fig.update_yaxes(autorange="reversed", scaleanchor="x", constrain="domain")
    fig.update_xaxes(constrain="domain")
    return fig, f


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
        ``kernel_caption``, ``sizes`` (markdown lines), ``input_caption``,
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
            total=_num(total),
        ),
        "sizes": size_text(
            (h, w),
            kernel.shape,
            stride=stride,
            dilation=dilation,
            padding_mode=padding_mode,
            lang=lang,
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
            translate("image_lab.rgb.range", lang, lo=_num(lo), hi=_num(hi), share=f"{outside:.1%}")
        )
        return view
    mean, lo, hi = _map_values(out, kernel)
    view["figure"], f = map_figure(mean, lo=lo, hi=hi, lang=lang)
    flat = (
        translate("image_lab.map.flat_zero", lang)
        if is_zero_sum(kernel)
        else translate("image_lab.map.flat_scaled", lang, total=_num(total))
    )
    view["notes"].append(
        translate(
            "image_lab.map.explain",
            lang,
            total=_num(total),
            flat_note=flat,
            lo=_num(mean.min()),
            hi=_num(mean.max()),
        )
    )
    if f > 1:
        view["notes"].append(translate("image_lab.map.downsampled", lang, f=f))
    return view


def overlap_figure(*, lang: str) -> go.Figure:
    """Stamp counts of the k = 3 and k = 4, stride-2 transposed convolutions side by side.

    ``conv_transpose2d`` of an all-ones ``OVERLAP_INPUT²`` input with an all-ones kernel, with
    the padding and output_padding the upsampling uses (so the output is twice the input).
    """
    specs = []
    for k in (3, 4):
        p, a = transposed_setting(k)
        counts = overlap_counts(OVERLAP_INPUT, k, stride=2, padding=p, output_padding=a)
        specs.append(
            GridSpec(
                values=counts.astype(np.float64),
                title=translate("image_lab.up.overlap_title", lang, k=k),
                role="output",
                value_range=(0.0, 4.0),
            )
        )
    return panels_figure(specs)


def flat_values(method: str, kind: str) -> list[float]:
    """The distinct interior values a method gives for a flat 0.5 picture (rounded)."""
    out = upsample(np.full((8, 8, 3), 0.5, dtype=np.float32), method, kind)
    inner = out[0, 4:12, 4:12]  # (8, 8), away from every border effect
    return sorted({round(float(v), 3) for v in inner.ravel()})


def _how(method: str, small_hw: tuple[int, int], out_hw: tuple[int, int], lang: str) -> str:
    """How one method computes its result, with its own size arithmetic."""
    if method.startswith("transposed"):
        k = 3 if method == "transposed_k3" else 4
        p, a = transposed_setting(k)
        return translate(
            "image_lab.up.how.transposed", lang, p=p, a=a, k=k, i=small_hw[0], o=out_hw[0]
        )
    return translate(
        f"image_lab.up.how.{method}",
        lang,
        i=small_hw[0],
        i_w=small_hw[1],
        o=out_hw[0],
        o_w=out_hw[1],
    )


def upsample_tiles(image: np.ndarray, *, kind: str, lang: str) -> dict:
    """Section 2: the picture doubled four ways, side by side.

    Parameters
    ----------
    image : numpy.ndarray, shape (H, W, 3)
        Shrunk to at most ``UP_SIDE`` a side first.
    kind : {"uniform", "bilinear"}

    Returns
    -------
    dict
        ``tiles``: list of ``(method, caption, png, zoomed png)`` in ``UPSAMPLE_METHODS``
        order (PNG, so single pixels stay exact); ``pngs`` (method -> PNG of the full
        result); ``shapes`` (method -> (C, H, W)); ``small_hw``; ``zoom_caption``;
        ``intro`` and ``kernels`` (markdown).
    """
    small = shrink(image, UP_SIDE)  # (h, w, 3)
    h, w = small.shape[:2]
    crop = min(CROP, 2 * h, 2 * w)
    factor = max(1, ZOOM_PX // crop)
    top, left = (2 * h - crop) // 2, (2 * w - crop) // 2
    tiles, shapes, pngs = [], {}, {}
    for name in UPSAMPLE_METHODS:
        out = upsample(small, name, kind)  # (3, 2h, 2w)
        shapes[name] = out.shape
        rgb = to_rgb8(out)
        pngs[name] = png_bytes(rgb)
        caption = translate(
            "image_lab.up.tile",
            lang,
            name=translate(f"choice.upsample.{name}", lang),
            h=out.shape[1],
            w=out.shape[2],
        )
        zoomed = png_bytes(zoom(rgb, box=(top, left, crop, crop), factor=factor))
        tiles.append((name, caption, pngs[name], zoomed))
    return {
        "tiles": tiles,
        "pngs": pngs,
        "shapes": shapes,
        "small_hw": (h, w),
        "zoom_caption": translate("image_lab.up.zoom", lang, zoom=factor),
        "intro": translate(
            "image_lab.up.intro", lang, h=h, w=w, oh=2 * h, ow=2 * w, crop=crop, zoom=factor
        ),
        "kernels": translate(f"image_lab.up.{kind}", lang),
    }


def method_view(method: str, kind: str, small_hw: tuple[int, int], *, lang: str) -> dict:
    """The chosen method: how it computes its result, what it gives on a flat picture, and
    its kernel.

    Returns
    -------
    dict
        ``selected`` and ``flat`` (markdown), ``kernel`` (see
        :func:`~convviz.image_ops.upsample_kernel`).
    """
    out_hw = (2 * small_hw[0], 2 * small_hw[1])
    values = ", ".join(_num(v) for v in flat_values(method, kind))
    return {
        "selected": translate(
            "image_lab.up.selected",
            lang,
            name=translate(f"choice.upsample.{method}", lang),
            how=_how(method, small_hw, out_hw, lang),
        ),
        "flat": translate("image_lab.up.flat", lang, values=values),
        "kernel": upsample_kernel(method, kind),
    }


def overlap_view(*, lang: str) -> dict:
    """Why k = 3 at stride 2 makes a checkerboard: ``figure``, ``text`` and ``remedy``."""
    return {
        "figure": overlap_figure(lang=lang),
        "text": translate("image_lab.up.overlap", lang, n=OVERLAP_INPUT),
        "remedy": translate("image_lab.up.remedy", lang),
    }
