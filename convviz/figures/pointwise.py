"""Figures of the 1×1 convolution page: channel mixing at one pixel, the whole layer as one
matrix multiply, and a 3→k mixing matrix applied to a picture.

A 1×1 convolution with weight ``(C_out, C_in, 1, 1)`` maps the ``C_in``-vector at each pixel
to a ``C_out``-vector with the same ``(C_out, C_in)`` matrix ``W``: for all pixels at once,
``Y = W · X`` with ``X`` the ``(C_in, H·W)`` matrix whose columns are the pixels (row-major).
Builders are pure; convolutions come from the engine.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.export.csvtext import csv_number
from convviz.figures.code_text import align_comments
from convviz.figures.grid import GridSpec, Highlight, format_number, panels_figure
from convviz.figures.palette import DIVERGING_SCALE
from convviz.i18n import translate
from convviz.inputs import parse_numbers

# 3 → k mixing matrices (rows: output channels; columns: R, G, B). "random" is drawn per seed.
MIXING_PRESETS: dict[str, tuple[tuple[float, float, float], ...] | None] = {
    "grayscale": ((0.299, 0.587, 0.114),),  # ITU-R BT.601 luma
    "swap_rb": ((0.0, 0.0, 1.0), (0.0, 1.0, 0.0), (1.0, 0.0, 0.0)),
    "opponent": ((1.0, -1.0, 0.0), (0.5, 0.5, -1.0)),  # red − green, yellow − blue
    "random": None,
}
MAX_MIX_ROWS = 6
MAX_MIX_WEIGHT = 10.0
MAX_MIX_TEXT = 200  # characters of a mixing matrix in a link (6 rows need far fewer)
MAX_MATMUL_COLUMNS = 64  # pixels drawn in the (C_in, H·W) matrix view


def mixing_preset(name: str, *, seed: int = 0) -> np.ndarray:
    """The ``(k, 3)`` matrix of preset ``name``; ``random`` is a 3→3 Gaussian projection.

    The random matrix has entries ``N(0, 1/3)`` from ``default_rng(seed)``, rounded to two
    decimals so it can be edited by hand.
    """
    rows = MIXING_PRESETS[name]
    if rows is None:
        rng = np.random.default_rng(seed)
        return np.round(rng.normal(0.0, 1.0 / np.sqrt(3.0), size=(3, 3)), 2)
    return np.array(rows, dtype=np.float64)


def _cell_number(value: object, row: int, column: str) -> float:
    """One edited table cell as a float (numbers only, never evaluated)."""
    if value is None or (isinstance(value, float | np.floating) and np.isnan(value)):
        raise ConvValueError(
            "mixing_empty", f"row {row}, column {column} is empty", row=row, column=column
        )
    if isinstance(value, bool | np.bool_):
        number = float("nan")
    elif isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
    else:
        try:
            parsed = parse_numbers(str(value).strip())
        except ConvValueError:
            parsed = np.array([])
        number = float(parsed[0]) if parsed.size == 1 else float("nan")
    if not np.isfinite(number):
        raise ConvValueError(
            "mixing_not_number",
            f"row {row}, column {column}: {value!r} is not a number",
            row=row,
            column=column,
            value=str(value)[:20],
        )
    if abs(number) > MAX_MIX_WEIGHT:
        raise ConvValueError(
            "mixing_too_large",
            f"row {row}, column {column}: {number:g} is outside ±{MAX_MIX_WEIGHT:g}",
            row=row,
            column=column,
            value=format_number(number),
            limit=format_number(MAX_MIX_WEIGHT),
        )
    return number


def parse_mixing_rows(
    rows: Iterable[Sequence[object]], *, columns: Sequence[str] = "RGB"
) -> np.ndarray:
    """The edited mixing table as a ``(k, 3)`` float64 matrix.

    Parameters
    ----------
    rows : iterable of sequences
        One sequence of 3 cells per output channel (numbers, or text holding one number);
        errors count rows from 1, as the learner sees them.
    columns : sequence of str
        Column names used in error messages.

    Raises
    ------
    ConvValueError
        ``mixing_empty`` (an empty cell, e.g. of a newly added row), ``mixing_not_number``
        (text that is not one plain number, or infinity), ``mixing_too_large`` (a weight
        outside ±``MAX_MIX_WEIGHT``) or ``mixing_rows`` (not 1 … ``MAX_MIX_ROWS`` rows).
    """
    matrix = [
        [_cell_number(v, r, columns[c]) for c, v in enumerate(row)]
        for r, row in enumerate(rows, start=1)
    ]
    if not 1 <= len(matrix) <= MAX_MIX_ROWS:
        raise ConvValueError(
            "mixing_rows",
            f"the mixing matrix has {len(matrix)} rows; use 1 to {MAX_MIX_ROWS}",
            rows=len(matrix),
            limit=MAX_MIX_ROWS,
        )
    return np.array(matrix, dtype=np.float64).reshape(len(matrix), len(columns))  # (k, 3)


def mixing_text(matrix: np.ndarray) -> str:
    """The link form of a ``(k, 3)`` mixing matrix: ``0.299,0.587,0.114;1,0,0``."""
    return ";".join(",".join(csv_number(v) for v in row) for row in np.asarray(matrix))


def link_text(matrix: np.ndarray, preset: np.ndarray) -> str | None:
    """:func:`mixing_text` of an edited matrix, or ``None`` while it equals its preset."""
    if matrix.shape == preset.shape and np.array_equal(matrix, preset):
        return None
    return mixing_text(matrix)


def parse_mixing_text(text: str) -> np.ndarray:
    """A mixing matrix from its link form (:func:`mixing_text`), checked like the table.

    Raises
    ------
    ConvValueError
        ``mixing_link`` when the text is not rows of three comma-separated fields joined by
        ``;`` (or is longer than ``MAX_MIX_TEXT``); otherwise the errors of
        :func:`parse_mixing_rows`.
    """
    rows = [row.split(",") for row in text.split(";")]
    if len(text) > MAX_MIX_TEXT or any(len(row) != 3 for row in rows):
        raise ConvValueError(
            "mixing_link",
            f"mix={text[:40]!r} is not rows of three numbers R,G,B separated by ';'",
            text=text[:40],
        )
    return parse_mixing_rows(rows)


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


def pointwise_check(x: np.ndarray, weight: np.ndarray) -> dict[str, object]:
    """The 1×1 convolution two ways: ``conv2d`` and one matrix multiply.

    Parameters
    ----------
    x : np.ndarray
        ``(C_in, H, W)``.
    weight : np.ndarray
        ``(C_out, C_in)``.

    Returns
    -------
    dict
        ``conv``: ``conv2d(x, weight[:, :, None, None])``, ``(C_out, H, W)``; ``pixels``:
        ``X``, ``(C_in, H·W)``; ``product``: ``W · X``, ``(C_out, H·W)``; ``max_diff``.
    """
    c_in, h, w = x.shape
    conv = conv2d(x, weight[:, :, None, None])  # (C_out, H, W)
    pixels = x.reshape(c_in, h * w)  # (C_in, H·W), column p = pixel (p // W, p % W)
    product = weight @ pixels  # (C_out, H·W)
    diff = float(np.abs(product.reshape(conv.shape) - conv).max())
    return {"conv": conv, "pixels": pixels, "product": product, "max_diff": diff}


def dot_text(weights: np.ndarray, values: np.ndarray) -> str:
    """``1·3 + (−1)·2 + 0·1``: the products of one row times one pixel vector."""

    def show(v: float) -> str:
        text = format_number(float(v))
        return f"({text})" if v < 0 else text

    return " + ".join(f"{show(a)}·{show(b)}" for a, b in zip(weights, values, strict=True))


def layer_specs(
    x: np.ndarray, y: np.ndarray, *, pixel: tuple[int, int]
) -> tuple[list[GridSpec], list[str]]:
    """Panels of the input channels, then the output channels, the pixel outlined in each.

    Parameters
    ----------
    x : np.ndarray
        ``(C_in, H, W)``.
    y : np.ndarray
        ``(C_out, H, W)``.
    pixel : (int, int)
        ``(row, col)``.

    Returns
    -------
    specs : list of GridSpec
        Clickable; inputs share one colour scale, outputs another.
    operators : list of str
        ``"→"`` between the last input and the first output.
    """
    r, c = pixel
    mark = (Highlight(r, c, r + 1, c + 1),)
    specs = []
    for values, letter, role in ((x, "x", "input"), (y, "y", "output")):
        span = (float(values.min()), float(values.max()))
        specs += [
            GridSpec(
                values[i],
                title=f"{letter}{i}",
                role=role,
                highlights=mark,
                clickable=True,
                value_range=span,
            )
            for i in range(values.shape[0])
        ]
    operators = [""] * (x.shape[0] - 1) + ["→"] + [""] * (y.shape[0] - 1)
    return specs, operators


def layer_figure(x: np.ndarray, y: np.ndarray, *, pixel: tuple[int, int], lang: str) -> go.Figure:
    """Input channels, then output channels, the chosen pixel outlined in every one.

    Returns
    -------
    go.Figure
        Clickable panels (``customdata`` ``[row, col, panel]``); a click picks the pixel. See
        :func:`layer_specs`.
    """
    specs, operators = layer_specs(x, y, pixel=pixel)
    return panels_figure(specs, operators=operators)


def pixel_lines(x: np.ndarray, weight: np.ndarray, *, pixel: tuple[int, int]) -> list[str]:
    """``y0 = 1·3 + (−1)·2 + 0·1 = 1``: each output of one pixel as its products and sum."""
    r, c = pixel
    vector = x[:, r, c]  # (C_in,)
    result = weight @ vector  # (C_out,)
    return [
        f"y{o} = {dot_text(weight[o], vector)} = {format_number(float(result[o]))}"
        for o in range(weight.shape[0])
    ]


def pixel_specs(
    x: np.ndarray, weight: np.ndarray, *, pixel: tuple[int, int], lang: str
) -> list[GridSpec]:
    """Panels ``W``, ``x_p`` and ``y_p = W · x_p`` at one pixel (read with ``·`` and ``=``).

    Hovering a cell of ``y_p`` shows its products and sum (:func:`pixel_lines`).
    """
    r, c = pixel
    vector = x[:, r, c]  # (C_in,)
    result = weight @ vector  # (C_out,)
    hover = np.array(pixel_lines(x, weight, pixel=pixel), dtype=object)[:, None]  # (C_out, 1)
    return [
        GridSpec(weight, title=translate("pointwise.pixel.weight", lang), role="kernel"),
        GridSpec(
            vector[:, None], title=translate("pointwise.pixel.vector", lang, r=r, c=c), role="input"
        ),
        GridSpec(
            result[:, None],
            title=translate("pointwise.pixel.result", lang, r=r, c=c),
            role="output",
            hover=hover,
        ),
    ]


def pixel_figure(
    x: np.ndarray, weight: np.ndarray, *, pixel: tuple[int, int], lang: str
) -> go.Figure:
    """``W · x_p = y_p`` at one pixel: a ``(C_out, C_in)`` matrix times a ``C_in``-vector."""
    return panels_figure(pixel_specs(x, weight, pixel=pixel, lang=lang), operators=("·", "="))


def matmul_specs(
    pixels: np.ndarray, weight: np.ndarray, product: np.ndarray, *, column: int, lang: str
) -> list[GridSpec]:
    """Panels ``W``, ``X`` and ``Y = W · X``, the chosen pixel's column outlined.

    Parameters
    ----------
    pixels : np.ndarray
        ``(C_in, H·W)``; at most ``MAX_MATMUL_COLUMNS`` columns are drawn.
    weight : np.ndarray
        ``(C_out, C_in)``.
    product : np.ndarray
        ``(C_out, H·W)``.
    column : int
        The chosen pixel's column ``row · W + col``.
    """
    shown = min(pixels.shape[1], MAX_MATMUL_COLUMNS)
    specs = [GridSpec(weight, title="W", role="kernel")]
    for matrix, key, role in (
        (pixels, "pointwise.matmul.pixels", "input"),
        (product, "pointwise.matmul.product", "output"),
    ):
        rows = matrix.shape[0]
        specs.append(
            GridSpec(
                matrix[:, :shown],
                title=translate(key, lang, cin=rows, cout=rows, n=matrix.shape[1]),
                role=role,
                highlights=(Highlight(0, column, rows, column + 1),) if column < shown else (),
            )
        )
    return specs


def matmul_figure(
    pixels: np.ndarray, weight: np.ndarray, product: np.ndarray, *, column: int, lang: str
) -> go.Figure:
    """``W · X = Y`` for the whole layer, the chosen pixel's column outlined."""
    specs = matmul_specs(pixels, weight, product, column=column, lang=lang)
    return panels_figure(specs, operators=("·", "="))


def pytorch_snippet(in_channels: int, out_channels: int, *, input_size: int) -> str:
    """PyTorch code: a 1×1 convolution, the same as one matrix multiply of the pixels."""
    cin, cout, i = in_channels, out_channels, input_size
    return align_comments(f"""import torch

x = torch.randn(1, {cin}, {i}, {i})                     # (N, C_in, H, W)
conv = torch.nn.Conv2d({cin}, {cout}, kernel_size=1, bias=False)
W = conv.weight[:, :, 0, 0]                            # (C_out, C_in) = ({cout}, {cin})

X = x[0].reshape({cin}, {i * i})                          # (C_in, H·W): one column per pixel
Y = (W @ X).reshape(1, {cout}, {i}, {i})                     # the whole layer, one matmul
print((Y - conv(x)).abs().max())                      # ~0 (rounding only)

# A picture: 3 → 1 grayscale, then a ReLU (the cheap non-linearity)
gray = torch.nn.Conv2d(3, 1, kernel_size=1, bias=False)
with torch.no_grad():
    gray.weight[:] = torch.tensor([0.299, 0.587, 0.114]).reshape(1, 3, 1, 1)
block = torch.nn.Sequential(gray, torch.nn.ReLU())
""")
