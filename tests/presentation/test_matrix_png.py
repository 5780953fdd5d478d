"""PNG of C (standard page) and of Cᵀ · x = y (transposed page): the entries are the engine's
``conv_matrix``, the vectors its convolutions, and the budget refuses huge matrices with a
message in both languages before anything is drawn."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz import conv_matrix
from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.transpose import conv_transpose2d
from convviz.export.png import grid_cell_size
from convviz.figures.common import channel_exports
from convviz.figures.common.matrix_png import (
    MAX_PNG_ENTRIES,
    MAX_PNG_SIDE,
    PNG_SCALE,
    cells_px,
    check_png_budget,
    png_refusal,
)
from convviz.figures.common.panels import example_kernel
from convviz.figures.standard import files as standard_files
from convviz.figures.standard.data import kernel_values
from convviz.figures.transposed import files as transposed_files
from convviz.i18n import translate
from tests.presentation.scene_capture import capture_scenes, decode_png

HYPER = {"stride": 2, "padding": 1, "output_padding": 0, "dilation": 1}


def standard(i=4, k=3, s=1, p=0) -> dict:
    values = {"input_size": i, "kernel_size": k, "stride": s, "padding": p}
    values.update({f"{key}_w": v for key, v in values.items()})
    return {**values, "padding_rule": "explicit", "padding_mode": "zeros", "flip": False}


@pytest.fixture
def scenes(monkeypatch):
    return capture_scenes(monkeypatch, channel_exports)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_c_png_is_the_engines_c_with_the_picked_row(scenes, lang):
    x = np.arange(1, 17, dtype=float).reshape(4, 4)
    image = decode_png(standard_files.c_png(x, "arange", 2, lang=lang, **standard()))
    (scene,) = scenes
    (panel,) = scene.panels
    kernel = kernel_values("arange", (3, 3))
    assert np.array_equal(panel.values, conv_matrix((4, 4), kernel).toarray())
    assert panel.highlights == ((2, 0, 3, 16),)
    assert panel.labels[2, 4] == "w₀₀" and panel.labels[2, 0] == ""
    y = conv2d(x[None], kernel[None, None])[0]
    assert scene.caption.endswith(f"= {y[1, 0]:.0f}") and y[1, 0] == 528
    assert image.size[0] > image.size[1]  # 16 columns, 4 rows


def test_c_png_clamps_a_row_past_the_end(scenes):
    x = np.ones((4, 4))
    standard_files.c_png(x, "arange", 99, lang="en", **standard())
    assert scenes[0].panels[0].highlights == ((3, 0, 4, 16),)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ct_png_is_the_transpose_times_x(scenes, lang):
    x = np.arange(1, 10, dtype=float).reshape(3, 3)
    w = example_kernel(3)
    decode_png(transposed_files.ct_png(x, w, 7, lang=lang, **HYPER))
    ct, x_col, y_col = scenes[0].panels
    c = conv_matrix((5, 5), w, stride=2, padding=1).toarray()  # (9, 25): forward of o = 5
    assert np.array_equal(ct.values, c.T)
    assert np.array_equal(x_col.values[:, 0], x.ravel())
    y = conv_transpose2d(x[None], w[None, None], **HYPER)[0]
    assert np.allclose(y_col.values[:, 0], y.ravel())
    assert np.allclose(ct.values @ x_col.values[:, 0], y_col.values[:, 0])
    assert ct.highlights == ((7, 0, 8, 9),) and y_col.highlights == ((7, 0, 8, 1),)
    used = [r0 for r0, _, _, _ in x_col.secondary]
    assert used == np.flatnonzero(c[:, 7]).tolist()
    assert scenes[0].caption.startswith("y[1,2] = ") and scenes[0].caption.endswith(
        f"= {y[1, 2]:.0f}"
    )


def test_budget_worked_example():
    # C of a 4×4 input and a 3×3 kernel: 4×16, cells of min(1080 // 16, 432 // 4) = 67 → 44.
    assert cells_px([(4, 16)]) == (16 * 44 * 2, 4 * 44 * 2)
    check_png_budget("C", [(4, 16)])
    # A 12×12 input with k = 1, p = 4 gives C of 400×144: 57,600 entries, 12 px cells.
    with pytest.raises(ConvValueError) as caught:
        check_png_budget("C", [(400, 144)])
    assert caught.value.code == "matrix_png_too_large"
    assert caught.value.values == {
        "name": "C",
        "rows": 400,
        "cols": 144,
        "entries": 57_600,
        "width": 144 * 12 * 2,
        "height": 400 * 12 * 2,
        "limit": MAX_PNG_ENTRIES,
        "side": MAX_PNG_SIDE,
    }


def test_a_wide_matrix_within_the_entries_is_refused_by_its_width():
    # one output cell over a 40×40 input: 1×1600 entries but 1600·12·2 px wide
    assert MAX_PNG_ENTRIES >= 1600
    with pytest.raises(ConvValueError):
        check_png_budget("C", [(1, 1600)])


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 120), st.integers(1, 120))
def test_budget_refuses_exactly_what_is_over_a_limit(rows, cols):
    cell = grid_cell_size([(rows, cols)])
    width, height = cols * cell * PNG_SCALE, rows * cell * PNG_SCALE
    over = rows * cols > MAX_PNG_ENTRIES or max(width, height) > MAX_PNG_SIDE
    refusal = png_refusal("C", [(rows, cols)], lang="en")
    assert (refusal is not None) == over
    if over:
        assert f"{rows}×{cols} = {rows * cols}" in refusal and f"{width}×{height}" in refusal


def test_refusal_is_explained_in_both_languages():
    values = {"name": "Cᵀ", "rows": 81, "cols": 64, "entries": 5184}
    en = png_refusal("Cᵀ", [(81, 64), (64, 1), (81, 1)], lang="en")
    zh = png_refusal("Cᵀ", [(81, 64), (64, 1), (81, 1)], lang="zh")
    width, height = cells_px([(81, 64), (64, 1), (81, 1)])
    for lang, text in (("en", en), ("zh", zh)):
        assert text == translate(
            "error.matrix_png_too_large",
            lang,
            **values,
            width=width,
            height=height,
            limit=MAX_PNG_ENTRIES,
            side=MAX_PNG_SIDE,
        )
    assert en != zh and "81×64 = 5184" in zh


def test_png_over_budget_draws_nothing(scenes):
    x = np.ones((12, 12))
    with pytest.raises(ConvValueError):
        standard_files.c_png(x, "arange", 0, lang="en", **standard(12, 1, 1, 4))
    assert scenes == []


def test_png_within_budget_has_cells_of_the_computed_size():
    x = np.arange(1, 10, dtype=float).reshape(3, 3)
    image = decode_png(transposed_files.ct_png(x, example_kernel(3), 0, lang="en", **HYPER))
    width, height = cells_px([(25, 9), (9, 1), (25, 1)])
    assert image.size[0] >= width and image.size[1] >= height
