"""A mixing matrix applied to a picture as a 1×1 convolution (optionally then a ReLU), and
its output channels turned into captioned pictures.

Pure; the convolution comes from the engine.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from convviz.engine.conv import conv2d
from convviz.figures.common.grid import format_number
from convviz.i18n import translate
from convviz.style.palette import DIVERGING_SCALE


def mix_image(image: np.ndarray, matrix: np.ndarray, *, relu: bool = False) -> np.ndarray:
    """Apply a 1×1 convolution to a picture.

    Parameters
    ----------
    image : np.ndarray
        ``(H, W, 3)`` in ``[0, 1]``.
    matrix : np.ndarray
        ``(k, 3)`` weights, row ``j`` = output channel ``j``.
    relu : bool
        Follow the convolution by ``max(0, ·)``.

    Returns
    -------
    np.ndarray
        ``(k, H, W)`` float64.
    """
    x = np.transpose(np.asarray(image, dtype=np.float64), (2, 0, 1))  # (3, H, W)
    weight = np.asarray(matrix, dtype=np.float64)[:, :, None, None]  # (k, 3, 1, 1)
    y = conv2d(x, weight)  # (k, H, W)
    return np.maximum(y, 0.0) if relu else y


def _diverging_rgb(t: np.ndarray) -> np.ndarray:
    """PuOr colours at ``t`` in ``[0, 1]`` (0.5 = white), ``(..., 3)`` uint8."""
    stops = np.array([s for s, _ in DIVERGING_SCALE])
    colours = np.array([[int(c[i : i + 2], 16) for i in (1, 3, 5)] for _, c in DIVERGING_SCALE])
    channels = [np.interp(t, stops, colours[:, i]) for i in range(3)]
    return np.stack(channels, axis=-1).round().astype(np.uint8)


def channel_picture(channel: np.ndarray) -> tuple[np.ndarray, str]:
    """An output channel as a picture, and how its colours read.

    Returns
    -------
    picture : np.ndarray
        ``(H, W, 3)`` uint8. Without negative values: gray, black = 0, white =
        ``max(1, max value)``. With negative values: purple (negative) – white (0) – orange
        (positive), symmetric about 0.
    scale : {"gray", "signed"}
    """
    values = np.asarray(channel, dtype=np.float64)  # (H, W)
    if values.min() < 0:
        bound = float(np.abs(values).max())
        return _diverging_rgb(0.5 + 0.5 * values / bound), "signed"
    top = max(1.0, float(values.max()))
    gray = np.round(255 * values / top).astype(np.uint8)  # (H, W)
    return np.repeat(gray[:, :, None], 3, axis=2), "gray"  # (H, W, 3)


def as_rgb_picture(channels: np.ndarray) -> np.ndarray:
    """Three output channels read as R, G, B (clipped to ``[0, 1]``), ``(H, W, 3)`` uint8."""
    rgb = np.clip(np.transpose(channels[:3], (1, 2, 0)), 0.0, 1.0)  # (H, W, 3)
    return np.round(255 * rgb).astype(np.uint8)


def zeroed_fraction(before: np.ndarray) -> np.ndarray:
    """Per output channel, the fraction of pixels a ReLU sets to zero (``before < 0``)."""
    return (np.asarray(before) < 0).mean(axis=(1, 2))


def image_gallery(
    picture: np.ndarray, outputs: np.ndarray, *, lang: str
) -> list[tuple[np.ndarray, str]]:
    """The input picture, each output channel, and (for k = 3) the outputs read as RGB.

    Parameters
    ----------
    picture : np.ndarray
        ``(H, W, 3)`` in ``[0, 1]``.
    outputs : np.ndarray
        ``(k, H, W)``.

    Returns
    -------
    list of (np.ndarray, str)
        ``(H, W, 3)`` uint8 pictures with translated captions (value range and colour scale).
    """
    h, w = picture.shape[:2]
    gallery = [
        (
            np.round(255 * picture).astype(np.uint8),
            translate("pointwise.image.input", lang, h=h, w=w),
        )
    ]
    for j, channel in enumerate(outputs):
        image, _ = channel_picture(channel)
        span = translate(
            "pointwise.image.channel_range",
            lang,
            lo=format_number(float(channel.min())),
            hi=format_number(float(channel.max())),
        )
        gallery.append((image, f"{translate('pointwise.image.channel', lang, j=j)} · {span}"))
    if outputs.shape[0] == 3:
        gallery.append((as_rgb_picture(outputs), translate("pointwise.image.rgb", lang)))
    return gallery


def png_bytes(image: np.ndarray) -> bytes:
    """``(H, W, 3)`` uint8 as PNG (lossless, so sharp edges and exact colours survive)."""
    buffer = io.BytesIO()
    Image.fromarray(image, "RGB").save(buffer, "PNG")
    return buffer.getvalue()


def mixing_view(
    picture: np.ndarray, matrix: np.ndarray, *, relu: bool, lang: str
) -> dict[str, object]:
    """Everything the picture section shows, ready to draw (one cache entry per setting).

    Returns
    -------
    dict
        ``gallery``: list of (PNG bytes, caption) from :func:`image_gallery` (after the ReLU
        when ``relu``); ``relu_text``: :func:`relu_text` of the values before it, or ``None``.
    """
    before = mix_image(picture, matrix)  # (k, H, W)
    shown = np.maximum(before, 0.0) if relu else before
    gallery = [
        (png_bytes(image), caption) for image, caption in image_gallery(picture, shown, lang=lang)
    ]
    return {"gallery": gallery, "relu_text": relu_text(before, lang=lang) if relu else None}


def relu_text(before: np.ndarray, *, lang: str) -> str:
    """What the ReLU did to the outputs ``before`` it, ``(k, H, W)``, in one sentence."""
    per_channel = zeroed_fraction(before)
    if not per_channel.any():
        return translate("pointwise.image.relu_nothing", lang)
    share = f"{float((np.asarray(before) < 0).mean()):.0%}"
    parts = ", ".join(f"{j}: {p:.0%}" for j, p in enumerate(per_channel))
    return translate("pointwise.image.relu_effect", lang, share=share, per_channel=parts)
