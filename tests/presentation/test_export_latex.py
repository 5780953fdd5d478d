"""LaTeX export: well-formed matrices (numbers and symbols) and size formulas with numbers."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.errors import ConvValueError
from convviz.export.latex import (
    bmatrix,
    latex_document,
    size_formula_latex,
    symbolic_entry,
)


def _structure(latex: str) -> list[list[str]]:
    """Check environments are balanced and rows are regular; return the entries."""
    begins = re.findall(r"\\begin\{(\w+)\}", latex)
    ends = re.findall(r"\\end\{(\w+)\}", latex)
    assert begins == ends[::-1]
    assert latex.count(r"\left[") == latex.count(r"\right]")
    inner = re.sub(r"^.*?\\begin\{(?:bmatrix|array)\}(\{c+\})?\n", "", latex, flags=re.S)
    inner = re.sub(r"\n\\end\{(?:bmatrix|array)\}.*$", "", inner, flags=re.S)
    rows = [row.strip() for row in inner.split("\\\\")]
    return [[entry.strip() for entry in row.split("&")] for row in rows]


def test_numbers_bmatrix():
    latex = bmatrix(np.array([[1.0, -2.0, 0.5], [0.0, 3.25, 1 / 3]]))
    assert latex == "\\begin{bmatrix}\n1 & -2 & 0.5 \\\\\n0 & 3.25 & 0.333\n\\end{bmatrix}"
    assert _structure(latex) == [["1", "-2", "0.5"], ["0", "3.25", "0.333"]]


def test_seed_002_matrix_c_symbolic_4x16():
    # i=4, k=3, s=1, p=0: the rows of C are the kernel rows spread with gaps.
    labels = np.full((4, 16), "", dtype=object)
    for r in range(2):
        for c in range(2):
            for i in range(3):
                for j in range(3):
                    labels[r * 2 + c, (r + i) * 4 + c + j] = f"w{'₀₁₂'[i]}{'₀₁₂'[j]}"
    latex = bmatrix(labels, symbolic=True)
    assert latex.startswith("\\left[\\begin{array}{" + "c" * 16 + "}\n")
    rows = _structure(latex)
    assert len(rows) == 4 and all(len(row) == 16 for row in rows)
    assert rows[0][:4] == ["w_{0,0}", "w_{0,1}", "w_{0,2}", "0"]
    assert rows[3][-3:] == ["w_{2,0}", "w_{2,1}", "w_{2,2}"]
    assert sum(entry != "0" for row in rows for entry in row) == 36


@given(st.integers(1, 14), st.integers(1, 14), st.booleans())
def test_every_row_has_columns_minus_one_ampersands(rows, cols, symbolic):
    values = np.arange(rows * cols).reshape(rows, cols)
    entries = np.where(values % 3 == 0, "", "x").astype(object) if symbolic else values
    latex = bmatrix(entries, symbolic=symbolic)
    parsed = _structure(latex)
    assert len(parsed) == rows
    body = latex.split("\n")[1:-1]
    assert all(line.count("&") == cols - 1 for line in body)
    assert latex.count("\\\\") == rows - 1
    assert ("bmatrix" in latex) == (cols <= 10)


@pytest.mark.parametrize(
    ("label", "latex"),
    [
        ("w₀₂", "w_{0,2}"),
        ("w₁₀,₂", "w_{10,2}"),
        ("y₃", "y_{3}"),
        ("", "0"),
        ("0", "0"),
        ("w_{1,1}", "w_{1,1}"),
        ("x_{0}w_{0,0}", "x_{0}w_{0,0}"),
    ],
)
def test_symbolic_entries(label, latex):
    assert symbolic_entry(label) == latex


def test_standard_size_formula_with_numbers():
    latex = size_formula_latex("standard", size=5, kernel_size=3, stride=2, padding=1)
    assert latex == (
        r"o = \left\lfloor \frac{i + 2p - d(k-1) - 1}{s} \right\rfloor + 1 = "
        r"\left\lfloor \frac{5 + 2\cdot1 - 1\cdot(3-1) - 1}{2} \right\rfloor + 1 = 3"
    )
    short = size_formula_latex("standard", size=7, kernel_size=3, dilation=2, general=False)
    assert short.endswith("= 3") and short.startswith("o = ")


def test_transposed_size_formula_with_numbers():
    latex = size_formula_latex("transposed", size=2, kernel_size=3, stride=2, output_padding=1)
    assert latex.endswith(r"= (2-1)\cdot2 - 2\cdot0 + 1\cdot(3-1) + 1 + 1 = 6")
    assert latex.count("{") == latex.count("}")


def test_size_formulas_agree_with_the_engine():
    engine = pytest.importorskip("convviz.engine.sizes", reason="engine sizes not written yet")
    for i, k, s, p, d in itertools.product(
        range(1, 13), range(1, 8), range(1, 5), range(5), range(1, 5)
    ):
        if i + 2 * p - d * (k - 1) - 1 >= 0:
            latex = size_formula_latex(
                "standard", size=i, kernel_size=k, stride=s, padding=p, dilation=d, general=False
            )
            assert int(latex.rsplit("= ", 1)[1]) == engine.conv_output_size(i, k, s, p, d)
        for a in range(max(s, d)):
            out = (i - 1) * s - 2 * p + d * (k - 1) + a + 1
            if out >= 1:
                latex = size_formula_latex(
                    "transposed",
                    size=i,
                    kernel_size=k,
                    stride=s,
                    padding=p,
                    dilation=d,
                    output_padding=a,
                )
                assert int(latex.rsplit("= ", 1)[1]) == engine.conv_transpose_output_size(
                    i, k, s, p, a, d
                )


def test_bad_formula_arguments_are_explained():
    with pytest.raises(ConvValueError) as info:
        size_formula_latex("standard", size=5, kernel_size=3, stride=0)
    assert info.value.code == "export_formula_value" and info.value.values["name"] == "stride"
    with pytest.raises(ConvValueError) as info:
        size_formula_latex("standard", size=2, kernel_size=5)
    assert info.value.code == "export_formula_no_output"
    with pytest.raises(ConvValueError) as info:
        size_formula_latex("dilated", size=2, kernel_size=5)
    assert info.value.code == "export_formula_kind"
    with pytest.raises(ConvValueError):
        bmatrix(np.zeros((2, 2, 2)))


def test_document_wraps_the_body_in_display_math():
    document = latex_document(bmatrix(np.eye(2)))
    assert document.startswith("\\documentclass{article}\n\\usepackage{amsmath}\n")
    assert "\\[\n\\begin{bmatrix}" in document and document.rstrip().endswith("\\end{document}")
    _structure(document)
