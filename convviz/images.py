"""Safe loading of pictures a learner uploads (or the bundled sample) as RGB float arrays.

An uploaded file is untrusted: it may be huge, damaged, animated, rotated by an EXIF tag, in an
odd colour mode (palette, 16-bit, CMYK, 1-bit, with transparency) or not an image at all. This
module turns any of those into a small ``(H, W, 3)`` float32 array in ``[0, 1]`` or raises a
:class:`~convviz.engine.errors.ConvValueError` whose code the page translates. The pixel count
is checked from the header *before* anything is decoded, so a decompression bomb costs nothing.
No global Pillow setting is changed.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from convviz.engine.errors import ConvValueError

# Keep in step with the uploader (``max_upload_size``) and .streamlit/config.toml's
# ``server.maxUploadSize``: a file larger than this is refused before Pillow sees it.
MAX_UPLOAD_MB = 10
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
# Largest picture (width × height) opened at all: a 48-megapixel phone photo fits (a JPEG is
# decoded at 1/2, 1/4 or 1/8 scale, see ``Image.draft``).
MAX_SOURCE_PIXELS = 50_000_000
# Largest picture decoded, after that reduction: every other format is decoded at full size,
# one to four bytes a pixel (a 4000×3000 photo). The lab shows at most 512×512 of it.
MAX_DECODED_PIXELS = 12_000_000
DEFAULT_MAX_SIDE = 512
FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP")
UPLOAD_TYPES = ("png", "jpg", "jpeg", "webp", "gif", "bmp")
SAMPLE_PATH = Path(__file__).resolve().parents[1] / "assets" / "images" / "sample.png"

_SIXTEEN_BIT = ("I;16", "I;16L", "I;16B", "I;16N", "I")
_WITH_ALPHA = ("RGBA", "RGBa", "LA", "La", "PA")
_DECODE_ERRORS = (OSError, ValueError, SyntaxError, EOFError, IndexError, zlib.error)


def load_image(
    data: bytes,
    *,
    max_side: int = DEFAULT_MAX_SIDE,
    max_pixels: int = MAX_SOURCE_PIXELS,
    max_bytes: int = MAX_UPLOAD_BYTES,
) -> np.ndarray:
    """Decode an image file into an RGB array, safely.

    Parameters
    ----------
    data : bytes
        The file's content (PNG, JPEG, WebP, GIF or BMP).
    max_side : int
        The result is shrunk (aspect ratio kept) so that neither side exceeds this.
    max_pixels : int
        Largest ``width * height`` accepted, checked from the header before decoding.
    max_bytes : int
        Largest file accepted, in bytes.

    Returns
    -------
    np.ndarray
        ``(H, W, 3)`` float32 in ``[0, 1]``, upright (EXIF orientation applied), with
        ``max(H, W) <= max_side``. Transparent pixels are shown over white; grayscale and
        1-bit images repeat their one channel three times; 16-bit images keep their full range;
        an animated GIF or WebP gives its first frame.

    Raises
    ------
    ConvValueError
        ``image_empty``, ``image_file_too_large`` (``size_mb``, ``limit_mb``),
        ``image_not_image`` (``formats``), ``image_too_many_pixels`` (``width``, ``height``,
        ``pixels``, ``limit``: over ``max_pixels`` in the header, or over
        :data:`MAX_DECODED_PIXELS` still after a JPEG's reduced decoding), ``image_bomb``
        (``pixels``, ``limit``: a header so large that Pillow refuses it outright) or
        ``image_damaged``.

    Notes
    -----
    Memory: the decoder's buffer (at most :data:`MAX_DECODED_PIXELS` pixels, 1–4 bytes each),
    then pictures no larger than about ``2·max_side`` a side; float32 only at the end.
    A ``w × h`` source is scaled by ``min(1, max_side / max(w, h))``; the array then needs
    ``H · W · 3 · 4`` bytes.
    """
    if max_side < 1:
        raise ValueError(f"max_side={max_side} must be at least 1")
    data = bytes(data)
    if not data:
        raise ConvValueError("image_empty", "the file is empty")
    if len(data) > max_bytes:
        size_mb = f"{len(data) / 2**20:.1f}"
        limit_mb = f"{max_bytes / 2**20:g}"
        raise ConvValueError(
            "image_file_too_large",
            f"the file has {size_mb} MB; at most {limit_mb} MB can be loaded",
            size_mb=size_mb,
            limit_mb=limit_mb,
        )
    image = _open_checked(data, max_pixels=max_pixels)
    try:
        image.draft(None, (max_side, max_side))  # JPEG: decode at a reduced scale
    except _DECODE_ERRORS as error:
        raise _damaged(error) from error
    _check_pixels(image, min(max_pixels, MAX_DECODED_PIXELS))  # what load() will decode
    try:
        image.load()  # first frame only for animated GIF / WebP
        image = _upright(_resizable(image))
        # thumbnail first reduces by a whole factor (Image.reduce), then resamples: every
        # conversion below works on the small picture, never at the decoded size.
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        image = _to_working_mode(image)
        array = np.asarray(image, dtype=np.float32)
    except _DECODE_ERRORS as error:
        raise _damaged(error) from error
    # 16-bit gray ("F") is already in [0, 1]: repeat it, (H, W) -> (H, W, 3); RGB is 0..255.
    array = np.repeat(array[:, :, None], 3, axis=2) if image.mode == "F" else array / 255.0
    return np.ascontiguousarray(np.clip(array, 0.0, 1.0), dtype=np.float32)


def load_sample_image(*, max_side: int = DEFAULT_MAX_SIDE) -> np.ndarray:
    """The bundled sample picture (``assets/images/sample.png``) as from :func:`load_image`."""
    return load_image(SAMPLE_PATH.read_bytes(), max_side=max_side)


def _open_checked(data: bytes, *, max_pixels: int) -> Image.Image:
    """``Image.open`` (header only) with the format and pixel-count checks."""
    formats = ", ".join(FORMATS)
    try:
        # Pillow itself refuses more than 2 × Image.MAX_IMAGE_PIXELS here (and only warns
        # above 1 ×); our own, lower cap below is checked right after, still before decoding.
        image = Image.open(io.BytesIO(data), formats=FORMATS)
    except Image.DecompressionBombError as error:
        raise ConvValueError(
            "image_bomb",
            f"the image declares more than {2 * Image.MAX_IMAGE_PIXELS:,} pixels; "
            f"at most {max_pixels:,} can be loaded",
            pixels=f"{2 * Image.MAX_IMAGE_PIXELS:,}",
            limit=f"{max_pixels:,}",
        ) from error
    except UnidentifiedImageError as error:
        raise ConvValueError(
            "image_not_image",
            f"this file is not an image in a supported format ({formats})",
            formats=formats,
        ) from error
    except _DECODE_ERRORS as error:
        raise _damaged(error) from error
    _check_pixels(image, max_pixels)
    return image


def _damaged(error: Exception) -> ConvValueError:
    """The explanation of a file Pillow could not decode."""
    return ConvValueError("image_damaged", f"the image could not be decoded ({error})")


def _check_pixels(image: Image.Image, max_pixels: int) -> None:
    """Refuse ``image`` (not yet decoded) when ``width × height`` exceeds ``max_pixels``."""
    width, height = image.size
    if width * height > max_pixels or width < 1 or height < 1:
        raise ConvValueError(
            "image_too_many_pixels",
            f"the image is {width}×{height} = {width * height:,} pixels; "
            f"at most {max_pixels:,} can be loaded",
            width=width,
            height=height,
            pixels=f"{width * height:,}",
            limit=f"{max_pixels:,}",
        )


def _resizable(image: Image.Image) -> Image.Image:
    """``image`` in a mode Pillow resamples well: 16-bit gray as 32-bit ``I`` (``I;16``
    cannot be resized), palette and 1-bit as RGB, RGBA or L (resizing them would pick the
    nearest pixel)."""
    if image.mode in _SIXTEEN_BIT:
        return image.convert("I")
    if image.mode == "P":
        return image.convert("RGBA" if "transparency" in image.info else "RGB")
    if image.mode == "1":
        return image.convert("L")
    return image


def _upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation tag (a phone photo taken sideways comes out upright)."""
    try:
        return ImageOps.exif_transpose(image)
    except (*_DECODE_ERRORS, KeyError, TypeError):  # a malformed EXIF block: keep as stored
        return image


def _to_working_mode(image: Image.Image) -> Image.Image:
    """RGB for colour and 8-bit images (transparency over white), ``F`` in [0, 1] for 16-bit."""
    mode = image.mode
    if mode in _SIXTEEN_BIT:
        values = np.asarray(image, dtype=np.float64)  # (H, W), 0..65535
        return Image.fromarray((np.clip(values, 0, 65535) / 65535.0).astype(np.float32), "F")
    if mode == "F":
        values = np.nan_to_num(np.asarray(image, dtype=np.float64))  # (H, W)
        span = float(values.max() - values.min()) or 1.0
        return Image.fromarray(((values - values.min()) / span).astype(np.float32), "F")
    if (mode == "P" and "transparency" in image.info) or mode in _WITH_ALPHA:
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    if mode == "RGB":
        return image
    return image.convert("RGB")  # P, L, 1, CMYK, YCbCr, LAB, HSV
