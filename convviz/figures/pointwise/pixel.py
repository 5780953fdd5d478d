"""Channel mixing at one pixel on the 1×1 page: the channels with the pixel outlined, and
``W · x_p = y_p`` with each output as its products and sum.

A 1×1 convolution with weight ``(C_out, C_in, 1, 1)`` maps the ``C_in``-vector at each pixel
to a ``C_out``-vector with the same ``(C_out, C_in)`` matrix ``W``. Builders are pure.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.grid import (
    GridSpec,
    Highlight,
    format_number,
    panels_figure,
    readable_cell_px,
)
from convviz.figures.common.paging import PAGE_PX, SIDE_PX, fit_count
from convviz.figures.common.tiles import GAP as TILE_GAP
from convviz.figures.common.tiles import tiled_figure
from convviz.i18n import translate


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


def layer_figure(
    x: np.ndarray,
    y: np.ndarray,
    *,
    pixel: tuple[int, int],
    lang: str,
    span: tuple[int, int] | None = None,
) -> go.Figure:
    """Input channels in one row, output channels under them, the chosen pixel outlined in
    every one; at most :data:`~convviz.figures.common.paging.PAGE_PX` wide.

    Parameters
    ----------
    x, y : np.ndarray
        ``(C_in, H, W)`` and ``(C_out, H, W)``.
    span : (int, int), optional
        Channels ``[start, stop)`` of each row (one page, see :func:`channels_per_page`);
        default all.

    Returns
    -------
    go.Figure
        Clickable panels (``customdata`` ``[row, col, panel]``); a click picks the pixel. See
        :func:`layer_specs`.
    """
    specs, _ = layer_specs(x, y, pixel=pixel)
    start, stop = (0, max(x.shape[0], y.shape[0])) if span is None else span
    inputs, outputs = specs[: x.shape[0]], specs[x.shape[0] :]
    return tiled_figure([inputs[start:stop], outputs[start:stop]], max_width=PAGE_PX - SIDE_PX)


def channels_per_page(x: np.ndarray, y: np.ndarray, *, pixel: tuple[int, int]) -> int:
    """How many channels of each row of :func:`layer_figure` fit :data:`PAGE_PX` with their
    numbers at 14 px (``x``: ``(C_in, H, W)``, ``y``: ``(C_out, H, W)``)."""
    specs, _ = layer_specs(x, y, pixel=pixel)
    return fit_count(x.shape[2], readable_cell_px(specs), gap=TILE_GAP)


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
