"""The Image lab's upsampling views: four ways of doubling a picture side by side, and the
stamp counts of a transposed convolution that explain its checkerboard.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.checkerboard import overlap_counts
from convviz.figures.common.grid import GridSpec, panels_figure
from convviz.figures.image_lab.filtering import number_text
from convviz.i18n import translate
from convviz.image_ops import png_bytes, shrink, to_rgb8, zoom
from convviz.upsampling import UPSAMPLE_METHODS, transposed_setting, upsample, upsample_kernel

MAX_MAP_SIDE = 160  # heatmap cells per side at most (block means above): a light chart
UP_SIDE = 128  # the upsampling demo starts from a picture this large at most
CROP = 40  # side of the zoomed patch of each upsampled result
ZOOM_PX = 200  # side of the zoomed patch on screen
OVERLAP_INPUT = 4  # the all-ones input of the stamp-count figure is OVERLAP_INPUT²
DECIMALS = 3

UP_SIDE = 128  # the upsampling demo starts from a picture this large at most

CROP = 40  # side of the zoomed patch of each upsampled result

ZOOM_PX = 200  # side of the zoomed patch on screen

OVERLAP_INPUT = 4  # the all-ones input of the stamp-count figure is OVERLAP_INPUT²


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
                colour_by="value",  # stamp counts: the checkerboard is a pattern of values
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
        :func:`~convviz.upsampling.upsample_kernel`).
    """
    out_hw = (2 * small_hw[0], 2 * small_hw[1])
    values = ", ".join(number_text(v) for v in flat_values(method, kind))
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
