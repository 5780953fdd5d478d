"""Files of the grouped and 1×1 pages, decoded: PNG pictures, CSV tables and LaTeX matrices
read back and compared with the engine's numbers."""

from __future__ import annotations

import csv
import io
import re

import numpy as np
import pytest
from PIL import Image

from convviz.engine.conv import conv2d
from convviz.figures.common import channel_exports as files
from convviz.figures.grouped import compute as grouped_compute
from convviz.figures.grouped import files as grouped_files
from convviz.figures.grouped import groups as grouped_common
from convviz.figures.grouped import separable
from convviz.figures.pointwise import files as pointwise_files
from convviz.figures.pointwise import matmul as pointwise_matmul
from convviz.figures.pointwise import mixing as pointwise_mixing
from convviz.inputs import make_values
from convviz.style.palette import HIGHLIGHT


def _png(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.mode == "RGB"
    return image


def _has_colour(image: Image.Image, hex_colour: str) -> bool:
    rgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)])
    pixels = np.asarray(image).reshape(-1, 3)
    return bool((np.abs(pixels.astype(int) - rgb).sum(axis=1) <= 6).any())


def _csv(text: str) -> tuple[list[str], np.ndarray]:
    """Header and numbers of a CSV export."""
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], np.array(rows[1:], dtype=float)


def _matrices(latex: str) -> list[np.ndarray]:
    """Every numeric bmatrix / bracketed array of a LaTeX export, in order."""
    bodies = re.findall(
        r"\\begin\{bmatrix\}\n(.*?)\n\\end\{bmatrix\}|\\begin\{array\}\{c+\}\n(.*?)\n\\end\{array\}",
        latex,
        flags=re.S,
    )
    found = []
    for body in (a or b for a, b in bodies):
        rows = [row.strip() for row in body.split("\\\\")]
        found.append(np.array([[float(v) for v in row.split("&")] for row in rows if row]))
    return found


@pytest.fixture
def grouped_case():
    """``C_in = 4``, ``C_out = 8``, ``g = 2``, ``k = 3`` on a 4×4 input."""
    x = make_values("random", (4, 4, 4), seed=0)
    weight = make_values("random", (8, 2, 3, 3), seed=1)
    return x, weight, grouped_compute.grouped_by_hand(x, weight, groups=2)


def test_terms_png_draws_every_term_and_writes_cell_00(grouped_case):
    x, weight, result = grouped_case
    image = _png(grouped_files.terms_png(x, weight, groups=2, out_channel=5, lang="en"))
    one = _png(
        grouped_files.terms_png(x[:2], weight[:2, :1], groups=2, out_channel=1, lang="en")
    )  # a single term
    assert image.width > one.width
    parts = grouped_compute.partial_sums(x, weight, groups=2, out_channel=5)
    text = grouped_compute.terms_sum_text(parts, start=2, out_channel=5, cell=(0, 0))
    assert text.startswith("y5[0,0] = (x2: ") and " + (x3: " in text
    assert text.endswith(f"= {grouped_compute.format_number(result['direct'][5, 0, 0])}")


def test_filter_latex_and_weight_csv_read_back_as_the_weight(grouped_case):
    _, weight, _ = grouped_case
    latex = grouped_files.filter_latex(weight, out_channel=6)
    assert "w_{6,0} = " in latex and "w_{6,1} = " in latex
    kernels = _matrices(latex)
    assert len(kernels) == 2
    np.testing.assert_array_equal(kernels[0], weight[6, 0])
    np.testing.assert_array_equal(kernels[1], weight[6, 1])
    header, numbers = _csv(grouped_files.weight_csv(weight))
    assert header[:4] == ["(0,0,0)", "(0,0,1)", "(0,0,2)", "(0,1,0)"] and len(header) == 18
    np.testing.assert_array_equal(numbers, weight.reshape(8, 18))


def test_outputs_png_outlines_the_selected_channel_and_csv_holds_every_value(grouped_case):
    _, _, result = grouped_case
    outputs = result["concatenated"]  # (8, 2, 2)
    outlined = _png(grouped_files.outputs_png(outputs, groups=2, lang="zh", selected_output=3))
    plain = _png(grouped_files.outputs_png(outputs, groups=2, lang="zh", selected_output=-1))
    assert _has_colour(outlined, HIGHLIGHT) and not _has_colour(plain, HIGHLIGHT)
    header, numbers = _csv(files.channels_csv(outputs))
    assert header == ["(0,0)", "(0,1)", "(1,0)", "(1,1)"]
    np.testing.assert_array_equal(numbers, outputs.reshape(8, 4))
    np.testing.assert_array_equal(numbers, conv2d(*grouped_case[:2], groups=2).reshape(8, 4))


def test_graph_and_block_pngs_use_the_group_colours():
    graph = _png(grouped_files.graph_png(4, 8, 2, kernel_size=3, lang="en"))
    for j in range(2):
        assert _has_colour(graph, grouped_common.group_colour(j))
    assert not _has_colour(graph, grouped_common.group_colour(2))
    block = _png(grouped_files.block_png(4, 8, 2, lang="zh"))
    assert block.height > block.width / 2  # 8 rows of 4 cells


@pytest.mark.parametrize("name", ["sobel", "laplacian"])
def test_separable_exports_hold_the_split_or_the_singular_values(name):
    kernel = separable.example_kernel(name)
    view = separable.separable_view(kernel)
    caption = separable.verdict_text(kernel, view, lang="en")
    _png(grouped_files.separable_png(kernel, view, caption=caption, lang="en"))
    latex = grouped_files.separable_latex(kernel, view)
    found = _matrices(latex)
    if name == "sobel":
        column, row, product = found
        np.testing.assert_allclose(column @ row, kernel)
        np.testing.assert_array_equal(product, kernel)
    else:
        original, approximation = found
        np.testing.assert_array_equal(original, kernel)
        np.testing.assert_allclose(approximation, view["approximation"], atol=1e-3)
        assert "\\sigma = (4.4495, 0.4495, 0)" in latex


@pytest.fixture
def pointwise_case():
    x = make_values("random", (3, 4, 4), seed=0)
    weight = make_values("random", (2, 3), seed=1)
    return x, weight, pointwise_matmul.pointwise_check(x, weight)


def test_layer_png_and_csv_of_the_pixels(pointwise_case):
    x, _, check = pointwise_case
    image = _png(pointwise_files.layer_png(x, check["conv"], pixel=(1, 2), lang="zh"))
    assert _has_colour(image, HIGHLIGHT)
    header, numbers = _csv(files.channels_csv(x))
    assert len(header) == 16 and header[6] == "(1,2)"
    np.testing.assert_array_equal(numbers, check["pixels"])


def test_pixel_exports_read_back_as_w_times_x(pointwise_case):
    x, weight, check = pointwise_case
    _png(pointwise_files.pixel_png(x, weight, pixel=(1, 2), lang="en"))
    w, vector, result = _matrices(pointwise_files.pixel_latex(x, weight, pixel=(1, 2)))
    np.testing.assert_array_equal(w, weight)
    np.testing.assert_array_equal(vector[:, 0], x[:, 1, 2])
    np.testing.assert_array_equal(result[:, 0], check["conv"][:, 1, 2])
    header, numbers = _csv(pointwise_files.matrix_csv(weight, columns=["x0", "x1", "x2"]))
    assert header == ["x0", "x1", "x2"]
    np.testing.assert_array_equal(numbers, weight)


def test_matmul_exports_read_back_as_the_whole_layer(pointwise_case):
    _, weight, check = pointwise_case
    image = _png(
        pointwise_files.matmul_png(check["pixels"], weight, check["product"], column=6, lang="en")
    )
    assert image.width > image.height
    w, pixels, product = _matrices(
        pointwise_files.matmul_latex(check["pixels"], weight, check["product"])
    )
    np.testing.assert_array_equal(w @ pixels, product)
    np.testing.assert_array_equal(product, check["conv"].reshape(2, 16))
    header, numbers = _csv(files.product_csv(check["product"], width=4))
    assert header[-1] == "(3,3)"
    np.testing.assert_array_equal(numbers, check["product"])


def test_mixing_matrix_exports():
    matrix = pointwise_mixing.mixing_preset("opponent")
    latex = pointwise_files.mixing_latex(matrix)
    assert "\\begin{bmatrix} y_0\\\\ y_1 \\end{bmatrix}" in latex
    assert "\\begin{bmatrix} R \\\\ G \\\\ B \\end{bmatrix}" in latex
    (found,) = [m for m in _matrices(latex) if m.size]
    np.testing.assert_array_equal(found, matrix)
    header, numbers = _csv(pointwise_files.matrix_csv(matrix, columns="RGB"))
    assert header == ["R", "G", "B"]
    np.testing.assert_array_equal(numbers, [[1, -1, 0], [0.5, 0.5, -1]])
