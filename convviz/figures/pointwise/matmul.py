"""The whole 1×1 layer as one matrix multiply: ``Y = W · X`` with ``X`` the
``(C_in, H·W)`` matrix whose columns are the pixels (row-major), checked against ``conv2d``.

Builders are pure; the convolution comes from the engine.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.conv import conv2d
from convviz.figures.common.grid import GAP, GridSpec, Highlight, panels_figure, readable_cell_px
from convviz.figures.common.paging import PAGE_PX, fit_count
from convviz.i18n import translate

MAX_MATMUL_COLUMNS = 64  # pixels drawn in the (C_in, H·W) matrix view


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


def matmul_specs(
    pixels: np.ndarray,
    weight: np.ndarray,
    product: np.ndarray,
    *,
    column: int,
    lang: str,
    span: tuple[int, int] | None = None,
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
    span : (int, int), optional
        Pixel columns ``[start, stop)`` drawn (one page, see :func:`pixels_per_page`);
        default the first ``MAX_MATMUL_COLUMNS``.
    """
    start, stop = (0, MAX_MATMUL_COLUMNS) if span is None else span
    stop = min(pixels.shape[1], stop, start + MAX_MATMUL_COLUMNS)
    shown = stop - start
    column -= start  # the chosen column's place among those drawn
    specs = [GridSpec(weight, title="W", role="kernel")]
    for matrix, key, role in (
        (pixels, "pointwise.matmul.pixels", "input"),
        (product, "pointwise.matmul.product", "output"),
    ):
        rows = matrix.shape[0]
        specs.append(
            GridSpec(
                matrix[:, start:stop],
                title=translate(key, lang, cin=rows, cout=rows, n=matrix.shape[1]),
                role=role,
                highlights=(Highlight(0, column, rows, column + 1),) if 0 <= column < shown else (),
            )
        )
    return specs


def matmul_figure(
    pixels: np.ndarray,
    weight: np.ndarray,
    product: np.ndarray,
    *,
    column: int,
    lang: str,
    span: tuple[int, int] | None = None,
) -> go.Figure:
    """``W · X = Y`` for the whole layer, the chosen pixel's column outlined.

    With ``span`` (pixel columns ``[start, stop)``, see :func:`matmul_specs`) the figure is at
    most :data:`~convviz.figures.common.paging.PAGE_PX` wide.
    """
    specs = matmul_specs(pixels, weight, product, column=column, lang=lang, span=span)
    width = None if span is None else PAGE_PX
    return panels_figure(specs, operators=("·", "="), max_width=width)


def pixels_per_page(pixels: np.ndarray, weight: np.ndarray, product: np.ndarray) -> int:
    """How many pixel columns of ``X`` and ``Y`` fit :data:`PAGE_PX` beside ``W`` with their
    numbers at 14 px (``pixels`` ``(C_in, H·W)``, ``weight`` ``(C_out, C_in)``, ``product``
    ``(C_out, H·W)``); at most ``MAX_MATMUL_COLUMNS``."""
    specs = matmul_specs(pixels, weight, product, column=0, lang="en")
    px = readable_cell_px(specs)
    # n columns in X and n in Y: 2 columns an item, W and the two gaps whatever n is
    fitted = fit_count(2, px, gap=0.0, extra_columns=weight.shape[1] + 2 * GAP)
    return min(fitted, MAX_MATMUL_COLUMNS)
