"""Convolutions on whole pictures: classic kernels, a typed kernel, and three ways to upsample.

Everything here is a pure function of arrays (no Streamlit, no Plotly). Pictures come in as
``(H, W, 3)`` float32 in ``[0, 1]`` (what :mod:`convviz.images` gives) and are processed
channel-first, one channel at a time: a depthwise convolution (``groups = C``), so a kernel
changes each of R, G and B on its own and colours never mix.

The upsampling comparison doubles a picture four ways — transposed convolutions with k = 3 and
k = 4 at stride 2, nearest resize then a stride-1 convolution, and a stride-1 convolution to 4
sub-pixel channels then :func:`~convviz.engine.checkerboard.pixel_shuffle` — with kernels chosen
so that the four results are directly comparable (each keeps a flat picture's brightness on
average).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from convviz.engine.checkerboard import pixel_shuffle, resize_then_conv
from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.transpose import conv_transpose2d
from convviz.images import SAMPLE_PATH, load_image

# Pictures shipped in assets/images/ (drawn by bench/make_sample_images.py and
# bench/make_lab_images.py); the option code is the URL value ``?picture=``.
PICTURES = {"scene": "sample.png", "shapes": "lab_shapes.png", "rings": "lab_rings.png"}
PICTURE_DIR = SAMPLE_PATH.parent

KERNEL_NAMES = ("box", "gaussian", "sharpen", "sobel_x", "sobel_y", "laplacian", "emboss")
CUSTOM = "custom"
MAX_KERNEL_SIDE = 7
MAX_KERNEL_WEIGHT = 100.0
# One number: an optional sign, digits with an optional decimal part (or ".5"), an optional
# exponent, or a plain fraction such as "1/9". Nothing else is accepted; nothing is evaluated.
_DECIMAL = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_FRACTION = re.compile(rf"({_DECIMAL})\s*/\s*({_DECIMAL})")
_NUMBER = re.compile(_DECIMAL)
_MINUS_SIGNS = str.maketrans({"−": "-", "–": "-", "＋": "+", "，": ".", "。": "."})

UPSAMPLE_METHODS = ("transposed_k3", "transposed_k4", "resize_conv", "pixel_shuffle")
UPSAMPLE_KERNELS = ("uniform", "bilinear")
SCALE = 2  # every method doubles both sides


def classic_kernel(name: str) -> np.ndarray:
    """One of the classic image kernels, as a float64 ``(k, k)`` array.

    Parameters
    ----------
    name : {"box", "gaussian", "sharpen", "sobel_x", "sobel_y", "laplacian", "emboss"}

    Returns
    -------
    numpy.ndarray, shape (3, 3) or (5, 5)
        ``box``: 3×3 of 1/9; ``gaussian``: 5×5 binomial [1, 4, 6, 4, 1]ᵀ[1, 4, 6, 4, 1] / 256;
        ``sharpen``: 5 at the centre, −1 at the four neighbours; ``sobel_x``: responds to
        vertical edges (brightness changing from left to right); ``sobel_y``: to horizontal
        edges; ``laplacian``: 4-neighbour; ``emboss``: a diagonal relief that keeps the
        brightness (taps sum to 1).
    """
    binomial = np.array([1.0, 4.0, 6.0, 4.0, 1.0])
    sobel = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
    kernels = {
        "box": np.full((3, 3), 1.0 / 9.0),
        "gaussian": np.outer(binomial, binomial) / 256.0,
        "sharpen": np.array([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]]),
        "sobel_x": sobel,
        "sobel_y": sobel.T.copy(),
        "laplacian": np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]),
        "emboss": np.array([[-2.0, -1.0, 0.0], [-1.0, 1.0, 1.0], [0.0, 1.0, 2.0]]),
    }
    if name not in kernels:
        raise ConvValueError("image_lab_unknown_kernel", f"unknown kernel {name!r}", name=name)
    return kernels[name]


def kernel_text(value: float) -> str:
    """A kernel tap as the editor shows it: ``"1"``, ``"-0.25"``, ``"0.1111"``."""
    return f"{value:.4g}"


def parse_kernel_cell(value: object, row: int, col: int) -> float:
    """One cell of the typed kernel as a float (plain numbers or fractions only, never evaluated).

    Parameters
    ----------
    value : object
        What the grid holds: a number, text such as ``"-1"``, ``"0.5"``, ``"1/9"``, or None.
    row, col : int
        1-based position, named in errors.

    Raises
    ------
    ConvValueError
        ``image_lab_kernel_empty``, ``image_lab_kernel_not_number`` (``token``),
        ``image_lab_kernel_zero_division`` or ``image_lab_kernel_too_large`` (``limit``).
    """
    where = {"row": row, "col": col}
    if isinstance(value, bool | np.bool_):
        raise ConvValueError(
            "image_lab_kernel_not_number", f"{value!r} is not a number", token=str(value), **where
        )
    if isinstance(value, int | float | np.integer | np.floating):
        if np.isnan(value):
            raise ConvValueError("image_lab_kernel_empty", "empty cell", **where)
        number = float(value)
    else:
        text = "" if value is None else str(value).strip().translate(_MINUS_SIGNS)
        if not text:
            raise ConvValueError("image_lab_kernel_empty", "empty cell", **where)
        number = _text_number(text, where)
    if not np.isfinite(number) or abs(number) > MAX_KERNEL_WEIGHT:
        raise ConvValueError(
            "image_lab_kernel_too_large",
            f"{number:g} is outside ±{MAX_KERNEL_WEIGHT:g}",
            token=f"{number:g}",
            limit=f"{MAX_KERNEL_WEIGHT:g}",
            **where,
        )
    return number


def _text_number(text: str, where: dict[str, int]) -> float:
    """A plain decimal or a fraction ``a/b`` in ``text``; anything else is refused."""
    fraction = _FRACTION.fullmatch(text)
    if fraction is not None:
        numerator, denominator = float(fraction[1]), float(fraction[2])
        if denominator == 0:
            raise ConvValueError(
                "image_lab_kernel_zero_division", f"{text}: division by zero", token=text, **where
            )
        return numerator / denominator
    if _NUMBER.fullmatch(text) is None:
        raise ConvValueError(
            "image_lab_kernel_not_number", f"{text!r} is not a number", token=text[:20], **where
        )
    return float(text)


def parse_kernel_grid(rows: Iterable[Sequence[object]]) -> np.ndarray:
    """The typed kernel grid as a float64 ``(kH, kW)`` array.

    Parameters
    ----------
    rows : iterable of sequences
        One sequence of cells per kernel row, as :func:`parse_kernel_cell` reads them.

    Returns
    -------
    numpy.ndarray, shape (kH, kW)

    Raises
    ------
    ConvValueError
        Any error of :func:`parse_kernel_cell` (the first bad cell, row by row), or
        ``image_lab_kernel_shape`` when the grid is empty, ragged or larger than
        ``MAX_KERNEL_SIDE`` on a side.
    """
    grid = [list(row) for row in rows]
    widths = {len(row) for row in grid}
    if not grid or len(widths) != 1 or 0 in widths or max(len(grid), *widths) > MAX_KERNEL_SIDE:
        raise ConvValueError(
            "image_lab_kernel_shape",
            f"the kernel needs 1 to {MAX_KERNEL_SIDE} rows of equal length",
            limit=MAX_KERNEL_SIDE,
        )
    values = [
        [parse_kernel_cell(cell, r, c) for c, cell in enumerate(row, start=1)]
        for r, row in enumerate(grid, start=1)
    ]
    return np.array(values, dtype=np.float64)


def format_kernel(kernel: np.ndarray) -> str:
    """A kernel as link text: rows separated by ``;``, taps by ``,`` (``"0,-1,0;-1,5,-1;…"``)."""
    return ";".join(",".join(kernel_text(v) for v in row) for row in np.asarray(kernel))


def kernel_from_text(text: str) -> np.ndarray:
    """Inverse of :func:`format_kernel`, with the same checks as :func:`parse_kernel_grid`."""
    return parse_kernel_grid(row.split(",") for row in text.split(";"))


def identity_kernel(k: int) -> np.ndarray:
    """A ``(k, k)`` kernel with 1 at the centre (``k // 2``) and 0 elsewhere: output = input."""
    kernel = np.zeros((k, k))
    kernel[k // 2, k // 2] = 1.0
    return kernel


def starting_kernel(k: int, link_text: str | None) -> np.ndarray:
    """What the typed-kernel grid starts from: the link's kernel if it is valid and k×k, else
    :func:`identity_kernel`."""
    if link_text:
        try:
            kernel = kernel_from_text(link_text)
        except ConvValueError:
            return identity_kernel(k)
        if kernel.shape == (k, k):
            return kernel
    return identity_kernel(k)


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


def tent(k: int, scale: int = SCALE) -> np.ndarray:
    """Linear-interpolation taps for a stride-``scale`` transposed convolution, shape (k,).

    ``1 − |t − (k − 1)/2| / scale`` for t = 0 … k−1: ``[0.5, 1, 0.5]`` for k = 3 and
    ``[0.25, 0.75, 0.75, 0.25]`` for k = 4 (bilinear upsampling by 2).
    """
    t = np.arange(k, dtype=np.float64)
    return np.clip(1.0 - np.abs(t - (k - 1) / 2) / scale, 0.0, None)


def upsample_kernel(method: str, kind: str) -> np.ndarray:
    """The 2-D kernel a method uses.

    Parameters
    ----------
    method : one of ``UPSAMPLE_METHODS``
    kind : {"uniform", "bilinear"}

    Returns
    -------
    numpy.ndarray
        ``transposed_k3`` / ``transposed_k4``: (k, k). ``uniform`` gives every tap s²/k², so
        the stamps add up to the input's brightness *on average*; ``bilinear`` is the outer
        product of :func:`tent`. ``resize_conv``: (3, 3), the box 1/9 or the binomial
        [1, 2, 1]ᵀ[1, 2, 1] / 16. ``pixel_shuffle``: (4, 3, 3), one kernel per sub-pixel
        (i, j) in PyTorch's order i·2 + j: all the same box (``uniform``, as an ICNR start),
        or the four bilinear phases.
    """
    if kind not in UPSAMPLE_KERNELS:
        raise ConvValueError("image_lab_unknown_upsample", f"unknown kernel {kind!r}", name=kind)
    if method in ("transposed_k3", "transposed_k4"):
        k = 3 if method == "transposed_k3" else 4
        if kind == "uniform":
            return np.full((k, k), SCALE**2 / k**2)
        return np.outer(tent(k), tent(k))
    if method == "resize_conv":
        if kind == "uniform":
            return np.full((3, 3), 1.0 / 9.0)
        taps = np.array([0.25, 0.5, 0.25])
        return np.outer(taps, taps)
    if method == "pixel_shuffle":
        if kind == "uniform":
            return np.full((4, 3, 3), 1.0 / 9.0)
        phases = (np.array([0.25, 0.75, 0.0]), np.array([0.0, 0.75, 0.25]))  # even, odd rows
        return np.stack([np.outer(phases[i], phases[j]) for i in (0, 1) for j in (0, 1)])
    raise ConvValueError("image_lab_unknown_upsample", f"unknown method {method!r}", name=method)


def transposed_setting(k: int) -> tuple[int, int]:
    """``(padding, output_padding)`` that make a k, stride-2 transposed convolution give 2H.

    From o = (i − 1)·2 − 2p + k + a = 2i: 2p − a = k − 2 with 0 <= a < 2, so
    p = ⌈(k − 2) / 2⌉ and a = 2p − (k − 2): (1, 1) for k = 3, (1, 0) for k = 4.
    """
    p = -(-(k - 2) // 2)
    return p, 2 * p - (k - 2)


def upsample(image: np.ndarray, method: str, kind: str) -> np.ndarray:
    """Double a picture's size with one of ``UPSAMPLE_METHODS``, channel by channel.

    Parameters
    ----------
    image : numpy.ndarray, shape (H, W, C)
    method : {"transposed_k3", "transposed_k4", "resize_conv", "pixel_shuffle"}
    kind : {"uniform", "bilinear"}
        Which kernels (see :func:`upsample_kernel`).

    Returns
    -------
    numpy.ndarray, shape (C, 2H, 2W), float32
        ``transposed_k*``: ``conv_transpose2d(x, w, stride=2, padding=p, output_padding=a,
        groups=C)`` (:func:`transposed_setting`); ``resize_conv``: nearest ×2 then a "same"
        stride-1 convolution with replicated borders; ``pixel_shuffle``: a stride-1
        convolution to 4·C channels (padding 1, replicated borders) then ``pixel_shuffle(·, 2)``.
    """
    x = channels_first(image)  # (C, H, W)
    c = x.shape[0]
    weight = upsample_kernel(method, kind).astype(np.float32)
    if method in ("transposed_k3", "transposed_k4"):
        p, a = transposed_setting(weight.shape[-1])
        w = np.broadcast_to(weight, (c, 1, *weight.shape))  # (C, 1, k, k)
        return conv_transpose2d(
            x, np.ascontiguousarray(w), stride=SCALE, padding=p, output_padding=a, groups=c
        )
    if method == "resize_conv":
        return np.stack(
            [
                resize_then_conv(x[i], weight, scale=SCALE, padding_mode="replicate")
                for i in range(c)
            ]
        )  # (C, 2H, 2W)
    w = np.tile(weight[None], (c, 1, 1, 1)).reshape(c * SCALE**2, 1, 3, 3)  # (4C, 1, 3, 3)
    phases = conv2d(x, w, padding=1, groups=c, padding_mode="replicate")  # (4C, H, W)
    return pixel_shuffle(phases, upscale=SCALE)  # (C, 2H, 2W)


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
