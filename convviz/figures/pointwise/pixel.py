"""Channel mixing at one pixel on the 1×1 page: the channels with the pixel outlined, and
``W · x_p = y_p`` with each output as its products and sum.

A 1×1 convolution with weight ``(C_out, C_in, 1, 1)`` maps the ``C_in``-vector at each pixel
to a ``C_out``-vector with the same ``(C_out, C_in)`` matrix ``W``. Builders are pure.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.grid import GridSpec, Highlight, format_number, panels_figure
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
