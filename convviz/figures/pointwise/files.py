"""Files for lecture notes from the 1×1 page: the mixing at one pixel, the layer, the matrix
product and the mixing matrix as PNG, LaTeX and CSV.
"""

from collections.abc import Sequence

import numpy as np

from convviz.export import (
    bilingual,
    bmatrix,
    grid_csv,
    latex_document,
)
from convviz.figures.common.channel_exports import specs_png
from convviz.figures.pointwise.matmul import matmul_specs
from convviz.figures.pointwise.pixel import layer_specs, pixel_lines, pixel_specs


def pixel_png(x: np.ndarray, weight: np.ndarray, *, pixel: tuple[int, int], lang: str) -> bytes:
    """``W · x = y`` at one pixel as PNG, each output's products in the caption."""
    specs = pixel_specs(x, weight, pixel=pixel, lang=lang)
    caption = "\n".join(pixel_lines(x, weight, pixel=pixel))
    return specs_png(specs, operators=("·", "="), caption=caption, lang=lang)


def pixel_latex(x: np.ndarray, weight: np.ndarray, *, pixel: tuple[int, int]) -> str:
    """``W x = y`` at one pixel in LaTeX, with the numbers."""
    r, c = pixel
    vector = x[:, r, c]  # (C_in,)
    result = weight @ vector  # (C_out,)
    body = f"{bmatrix(weight)}\n{bmatrix(vector[:, None])}\n=\n{bmatrix(result[:, None])}"
    return latex_document(body)


def matrix_csv(matrix: np.ndarray, *, columns: Sequence[str]) -> str:
    """A weight matrix (rows = output channels) as CSV with named columns."""
    return grid_csv(matrix, header=list(columns))


def layer_png(x: np.ndarray, y: np.ndarray, *, pixel: tuple[int, int], lang: str) -> bytes:
    """Every input and output channel of the 1×1 layer, the pixel outlined, as PNG."""
    specs, operators = layer_specs(x, y, pixel=pixel)
    r, c = pixel
    caption = bilingual("pointwise.export.layer", r=r, c=c, cin=x.shape[0], cout=y.shape[0])
    return specs_png(specs, operators=operators, caption=caption, lang=lang)


def matmul_png(
    pixels: np.ndarray, weight: np.ndarray, product: np.ndarray, *, column: int, lang: str
) -> bytes:
    """``W · X = Y`` (the pixel's column outlined) as PNG."""
    specs = matmul_specs(pixels, weight, product, column=column, lang=lang)
    return specs_png(specs, operators=("·", "="), lang=lang)


def matmul_latex(pixels: np.ndarray, weight: np.ndarray, product: np.ndarray) -> str:
    """``W X = Y`` for the whole layer in LaTeX, every pixel a column."""
    body = f"{bmatrix(weight)}\n{bmatrix(pixels)}\n=\n{bmatrix(product)}"
    return latex_document(body)


def mixing_latex(matrix: np.ndarray) -> str:
    """The picture's 1×1 layer ``y = M · (R, G, B)ᵀ`` in LaTeX, ``M`` with its numbers."""
    outputs = "\\\\ ".join(f"y_{j}" for j in range(matrix.shape[0]))
    body = (
        f"\\begin{{bmatrix}} {outputs} \\end{{bmatrix}}\n=\n{bmatrix(matrix)}\n"
        "\\begin{bmatrix} R \\\\ G \\\\ B \\end{bmatrix}"
    )
    return latex_document(body)
