"""Convolutions on whole pictures: the shipped pictures, per-channel filtering, and the small
conversions the Image lab draws with (RGB8, PNG / JPEG bytes, zoom, block means).

Everything here is a pure function of arrays (no Streamlit, no Plotly). Pictures come in as
``(H, W, 3)`` float32 in ``[0, 1]`` (what :mod:`convviz.images` gives) and are processed
channel-first, one channel at a time: a depthwise convolution (``groups = C``), so a kernel
changes each of R, G and B on its own and colours never mix. The kernels come from
:mod:`convviz.lab_kernels`; the four ways of upsampling are in :mod:`convviz.upsampling`.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image

from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.images import SAMPLE_PATH, load_image

# Pictures shipped in assets/images/ (drawn by bench/make_sample_images.py and
# bench/make_lab_images.py); the option code is the URL value ``?picture=``.
PICTURES = {"scene": "sample.png", "shapes": "lab_shapes.png", "rings": "lab_rings.png"}
PICTURE_DIR = SAMPLE_PATH.parent


def load_picture(name: str, *, max_side: int) -> np.ndarray:
    """A shipped picture (``PICTURES``) as ``(H, W, 3)`` float32, via :func:`load_image`."""
    if name not in PICTURES:
        raise ConvValueError("image_lab_unknown_picture", f"unknown picture {name!r}", name=name)
    return load_image(picture_path(name).read_bytes(), max_side=max_side)


def picture_path(name: str) -> Path:
    """Where the shipped picture ``name`` lives."""
    return PICTURE_DIR / PICTURES[name]


def channels_first(image: np.ndarray) -> np.ndarray:
    """``(H, W, C)`` -> ``(C, H, W)`` float32, contiguous."""
    return np.ascontiguousarray(np.transpose(np.asarray(image, dtype=np.float32), (2, 0, 1)))


def filter_padding(kernel_shape: tuple[int, int], dilation: int) -> tuple[int, int]:
    """Padding per side used by the filter: ``⌊d(k − 1) / 2⌋`` on each axis.

    It keeps the size at stride 1 for odd k (and loses one row for even k), so the padding
    mode is always visible along the border.
    """
    return tuple(dilation * (k - 1) // 2 for k in kernel_shape)  # type: ignore[return-value]


def apply_kernel(
    image: np.ndarray,
    kernel: np.ndarray,
    *,
    stride: int = 1,
    dilation: int = 1,
    padding_mode: str = "zeros",
) -> np.ndarray:
    """Filter every channel of a picture with one kernel (a depthwise convolution).

    Parameters
    ----------
    image : numpy.ndarray, shape (H, W, C)
    kernel : numpy.ndarray, shape (kH, kW)
    stride, dilation : int
    padding_mode : {"zeros", "reflect", "replicate", "circular"}

    Returns
    -------
    numpy.ndarray, shape (C, H_out, W_out), float32
        ``conv2d(x, w, stride, padding, dilation, groups=C, padding_mode)`` with x the
        ``(C, H, W)`` picture, w the kernel repeated as ``(C, 1, kH, kW)`` and the padding of
        :func:`filter_padding`.

    Raises
    ------
    ConvValueError
        Any error of ``conv2d`` (e.g. reflect padding not smaller than the picture), without
        its suggested padding (the padding is not a setting of its own here).

    Notes
    -----
    H_out = ⌊(H + 2p − d(kH − 1) − 1) / s⌋ + 1, and the same for W.
    """
    x = channels_first(image)  # (C, H, W)
    c = x.shape[0]
    w = np.broadcast_to(np.asarray(kernel, dtype=np.float32), (c, 1, *np.shape(kernel)))
    pad = filter_padding(np.shape(kernel), dilation)
    try:
        return conv2d(
            x,
            np.ascontiguousarray(w),  # (C, 1, kH, kW)
            stride=stride,
            padding=pad,
            dilation=dilation,
            groups=c,
            padding_mode=padding_mode,
        )
    except ConvValueError as error:
        error.suggestion = {}  # the padding follows the kernel here: no padding value to offer
        raise


def is_zero_sum(kernel: np.ndarray) -> bool:
    """Whether the taps sum to 0: the kernel measures change, a flat area gives 0."""
    kernel = np.asarray(kernel, dtype=np.float64)
    return bool(abs(kernel.sum()) <= 1e-9 * max(1.0, float(np.abs(kernel).sum())))


def shrink(image: np.ndarray, max_side: int) -> np.ndarray:
    """The picture scaled down (box filter) so that neither side exceeds ``max_side``.

    Parameters
    ----------
    image : numpy.ndarray, shape (H, W, 3)

    Returns
    -------
    numpy.ndarray, shape (H', W', 3), float32; the input itself if it already fits.
    """
    h, w = image.shape[:2]
    if max(h, w) <= max_side:
        return image
    scale = max_side / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    channels = [
        np.asarray(
            Image.fromarray(np.asarray(image[:, :, c], np.float32), "F").resize(
                size, Image.Resampling.BOX
            )
        )
        for c in range(image.shape[2])
    ]  # C × (H', W')
    return np.clip(np.stack(channels, axis=-1), 0.0, 1.0).astype(np.float32)


def to_rgb8(chw: np.ndarray) -> np.ndarray:
    """``(C, H, W)`` floats in [0, 1] (clipped) -> ``(H, W, 3)`` uint8 (gray repeated)."""
    hwc = np.transpose(np.clip(np.asarray(chw, dtype=np.float32), 0.0, 1.0), (1, 2, 0))
    if hwc.shape[2] == 1:
        hwc = np.repeat(hwc, 3, axis=2)  # (H, W, 3)
    return (hwc * 255.0 + 0.5).astype(np.uint8)


def png_bytes(rgb8: np.ndarray) -> bytes:
    """An ``(H, W, 3)`` uint8 picture as PNG bytes."""
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb8), "RGB").save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


def jpeg_bytes(rgb8: np.ndarray, *, quality: int = 92) -> bytes:
    """An ``(H, W, 3)`` uint8 picture as JPEG bytes: ten times faster to encode than PNG, for
    display only (downloads stay PNG, and the upsampling tiles too: JPEG blurs single pixels)."""
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb8), "RGB").save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def zoom(rgb8: np.ndarray, *, box: tuple[int, int, int, int], factor: int) -> np.ndarray:
    """Crop ``box = (top, left, height, width)`` and enlarge it by repeating pixels.

    Nearest-neighbour on purpose: a browser's smooth scaling would hide a checkerboard.
    """
    top, left, h, w = box
    crop = rgb8[top : top + h, left : left + w]  # (h, w, 3)
    return np.repeat(np.repeat(crop, factor, axis=0), factor, axis=1)


def block_mean(values: np.ndarray, max_side: int) -> tuple[np.ndarray, int]:
    """Average ``f × f`` blocks of a 2-D map so that neither side exceeds ``max_side``.

    Returns
    -------
    (numpy.ndarray, int)
        The ``(⌈H/f⌉, ⌈W/f⌉)`` map (edge blocks averaged over what they hold) and f.
    """
    h, w = values.shape
    f = max(1, -(-max(h, w) // max_side))
    if f == 1:
        return values, 1
    hp, wp = -(-h // f) * f, -(-w // f) * f
    padded = np.full((hp, wp), np.nan, dtype=np.float64)
    padded[:h, :w] = values
    blocks = padded.reshape(hp // f, f, wp // f, f)  # (H/f, f, W/f, f)
    return np.nanmean(blocks, axis=(1, 3)), f
