"""The whole 1×1 layer as one matrix multiply: ``Y = W · X`` with ``X`` the
``(C_in, H·W)`` matrix whose columns are the pixels (row-major), checked against ``conv2d``.

Builders are pure; the convolution comes from the engine.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.conv import conv2d
from convviz.figures.common.grid import GridSpec, Highlight, panels_figure
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
