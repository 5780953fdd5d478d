"""Figures of the transposed page: kernels, scatter-add frames, the direct-form grid kinds,
Cᵀ drawings, output_padding and checkerboard panels, and the views built on the engine."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine.checkerboard import resize_then_conv
from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.lowering import lowered_kinds
from convviz.engine.sizes import conv_transpose_output_size, forward_input_sizes
from convviz.engine.transpose import conv_transpose2d
from convviz.figures.common.fit import unwrap_text
from convviz.figures.common.grid import format_number
from convviz.figures.common.matrix_size import MAX_DRAWN_CELLS
from convviz.figures.common.panels import (
    ANIMATION_BUDGET,
    example_kernel,
    fits_animation,
    kernel_text,
    kernel_values,
    weight_labels,
)
from convviz.figures.transposed import code as torch_code
from convviz.figures.transposed import extras, files, views
from convviz.figures.transposed.data import (
    checkerboard_counts,
    direct_data,
    largest_difference,
    matrix_data,
    round_trip,
    scatter_data,
)
from convviz.figures.transposed.direct import (
    direct_figure,
    direct_hover,
    direct_specs,
    flip_figure,
    products_text,
)
from convviz.figures.transposed.extras import (
    beyond_stamps,
    checkerboard_figure,
    extra_mask,
    output_padding_figure,
)
from convviz.figures.transposed.matrix import ct_figure, row_text
from convviz.figures.transposed.scatter import canvas_kinds, running_sums, scatter_figure
from convviz.i18n import translate
from convviz.style.palette import CellKind

DEFAULT = {"stride": 2, "padding": 1, "output_padding": 0, "dilation": 1}
X3 = np.arange(1, 10, dtype=float).reshape(3, 3)
W3 = example_kernel(3)


def _reference(x, w, **hyper):
    return conv_transpose2d(x[None], w[None, None], **hyper)[0]


def _spec_size(fig) -> int:
    return len(fig.to_json())


SETTINGS = st.fixed_dictionaries(
    {
        "i": st.integers(1, 5),
        "k": st.integers(1, 4),
        "stride": st.integers(1, 3),
        "padding": st.integers(0, 3),
        "dilation": st.integers(1, 3),
        "output_padding": st.integers(0, 2),
        "seed": st.integers(0, 99),
    }
)


# -- kernels and labels ---------------------------------------------------------------------
def test_example_kernel_is_small_and_differs_from_its_flip_and_transpose():
    assert W3.tolist() == [[1, 3, 5], [2, 4, 6], [3, 5, 7]]
    for k in range(2, 8):
        w = example_kernel(k)
        assert not np.array_equal(w, w[::-1, ::-1])
        assert not np.array_equal(w[::-1, ::-1], w.T)
    assert example_kernel(1).tolist() == [[1.0]]


def test_kernel_values_kinds_and_typed_text():
    assert kernel_values("ones", 2).tolist() == [[1, 1], [1, 1]]
    assert kernel_values("arange", 2).tolist() == [[1, 2], [3, 4]]
    assert kernel_values("custom", 2, text="1 0\n0 -1").tolist() == [[1, 0], [0, -1]]
    random = kernel_values("random", 3, seed=5)
    assert np.array_equal(random, kernel_values("random", 3, seed=5))
    assert random.min() >= -3 and random.max() <= 3
    assert kernel_text(W3) == "1 3 5\n2 4 6\n3 5 7"
    with pytest.raises(ConvValueError) as err:
        kernel_values("custom", 3, text="1 2 3")
    assert err.value.code == "custom_values_count"


def test_weight_labels_flip_names_every_tap():
    assert weight_labels(2).tolist() == [["w₀₀", "w₀₁"], ["w₁₀", "w₁₁"]]
    assert weight_labels(2, flipped=True).tolist() == [["w₁₁", "w₁₀"], ["w₀₁", "w₀₀"]]


def test_animation_budget():
    assert fits_animation(9, 49)
    assert not fits_animation(64, 3136)
    assert not fits_animation(226, 1)
    assert fits_animation(100, ANIMATION_BUDGET // 100)


# -- scatter-add ----------------------------------------------------------------------------
def test_scatter_data_stamps_sum_to_the_engine_output_after_cropping():
    data = scatter_data(X3, W3, **DEFAULT)
    assert data.stamps.shape == (9, 7, 7)  # canvas (3 − 1)·2 + 3 = 7
    assert data.output_size == 5
    canvas = data.stamps.sum(axis=0)
    np.testing.assert_array_equal(canvas[1:6, 1:6], _reference(X3, W3, **DEFAULT))
    # Input x[0, 1] = 2 stamps 2·w with its corner at (0, 2).
    np.testing.assert_array_equal(data.stamps[1][0:3, 2:5], 2 * W3)


def test_canvas_kinds_mark_cropped_border_and_output_padding():
    data = scatter_data(X3, W3, stride=2, padding=1, output_padding=1, dilation=1)
    kinds = canvas_kinds(data)
    assert data.output_size == 6 and kinds.shape == (7, 7)
    assert (kinds[0] == CellKind.OUTSIDE).all() and (kinds[:, 0] == CellKind.OUTSIDE).all()
    assert (kinds[6, 1:7] == CellKind.OUTPUT_PAD).all()  # a = 1 keeps a cropped row
    assert (kinds[1:6, 1:6] == CellKind.REAL).all()


def test_running_sums_fill_in_stamp_by_stamp():
    data = scatter_data(X3, W3, **DEFAULT)
    steps = running_sums(data)
    assert np.isnan(steps[0][0, 3]) and steps[0][0, 0] == 1  # only x[0,0]·w so far
    assert steps[1][0, 2] == 1 * 5 + 2 * 1  # x[0,0]·w₀₂ + x[0,1]·w₀₀
    np.testing.assert_array_equal(steps[-1], data.stamps.sum(axis=0))


def test_scatter_figure_frames_and_captions():
    data = scatter_data(X3, W3, **DEFAULT)
    fig = scatter_figure(data, lang="en", step=4)
    assert [f.name for f in fig.frames][:3] == ["x[0,0]", "x[0,1]", "x[0,2]"]
    assert len(fig.frames) == 9
    assert fig.layout.sliders[0].active == 4
    captions = [
        t.text[0]
        for t in fig.data
        if t.type == "scatter" and t.mode == "text" and t.customdata is None
    ]
    assert [unwrap_text(c) for c in captions] == [
        "x[1,1] = 5 → adds 5 × w to rows 2–4, columns 2–4"
    ]
    last = fig.frames[-1].to_plotly_json()["data"][-1]["text"][0]
    assert "All 9 stamps added. The output is the 5×5 dashed box." in unwrap_text(last)
    assert _spec_size(fig) < 200_000


def test_scatter_figure_without_animation_and_in_chinese():
    data = scatter_data(X3, W3, **DEFAULT)
    fig = scatter_figure(data, lang="zh", step=8, animate=False)
    assert not fig.frames
    texts = [
        t.text[0]
        for t in fig.data
        if t.type == "scatter" and t.mode == "text" and t.customdata is None
    ]
    assert unwrap_text(texts[0]).startswith("x[2,2] = 9 → 把 9 × w 加到第 4–6 行、第 4–6 列")


# -- direct form ----------------------------------------------------------------------------
def test_direct_kinds_for_stride_two_padding_one():
    kinds, source = lowered_kinds(3, stride=2, border=1, output_padding=1)
    assert kinds.shape == (8, 8)  # (3 − 1)·2 + 1 + 2·1 + 1
    row = kinds[1].tolist()
    assert row == [2, 0, 1, 0, 1, 0, 2, 3]  # pad, x, zero, x, zero, x, pad, output_padding
    assert source[1, 3].tolist() == [0, 1] and source[0, 0].tolist() == [-1, -1]
    assert (kinds[7] == CellKind.OUTPUT_PAD).all()


def test_direct_kinds_when_padding_exceeds_the_kernel_reach():
    kinds, _ = lowered_kinds(2, stride=2, border=-1, output_padding=1)
    assert kinds.shape == (2, 2)  # 3 − 2 + 1: cut one cell top/left, none bottom/right
    assert kinds[1, 1] == CellKind.REAL and kinds[0, 0] == CellKind.INSERTED_ZERO


def test_direct_data_matches_the_engine_and_counts_zero_products():
    data = direct_data(X3, W3, **DEFAULT)
    np.testing.assert_array_equal(data.sums, _reference(X3, W3, **DEFAULT))
    np.testing.assert_array_equal(data.flipped, W3[::-1, ::-1])
    assert data.grid.shape == (7, 7) and data.border == 1
    assert products_text(data, 0, 0) == "0·7 + 0·5 + 0·3 + 0·6 + 1·4 + 0·2 + 0·5 + 0·3 + 0·1 = 4"
    assert products_text(data, 0, 0, full=False) == "1·4 = 4"


@pytest.mark.parametrize(
    "hyper",
    [DEFAULT, {"stride": 1, "padding": 2, "output_padding": 1, "dilation": 2}],
)
def test_direct_view_shares_its_panels_between_the_figure_and_the_hover_view(hyper):
    """The view builds the panels once; the figure and the hover view are the same as when
    each builds its own (the output panel shows the figure's first state)."""
    data = direct_data(X3, W3, **hyper)
    specs = direct_specs(data, data.sums, lang="zh")
    for pin in [(0, 0), (1, 2)]:
        alone = direct_figure(data, lang="zh", pin=pin).to_json()
        assert direct_figure(data, lang="zh", pin=pin, specs=specs).to_json() == alone
        hover = direct_hover(data, pin=pin, lang="zh")
        assert direct_hover(data, pin=pin, lang="zh", specs=specs) == hover
    view = views.direct_view(X3, W3, lang="zh", pin=(1, 2), **hyper)
    assert view["figure"].to_json() == direct_figure(data, lang="zh", pin=(1, 2)).to_json()
    assert view["hover"] == direct_hover(data, pin=(1, 2), lang="zh")


def test_flip_figure_names_the_rotated_taps():
    fig = flip_figure(W3, W3[::-1, ::-1], lang="en")
    texts = [t.text for t in fig.data if t.type == "scatter"]
    assert texts[0][0] == "w₀₀<br>1" and texts[1][0] == "w₂₂<br>7"


# -- matrix ---------------------------------------------------------------------------------
def test_matrix_data_is_the_transpose_of_the_forward_convolution():
    data = matrix_data(X3, W3, **DEFAULT)
    assert data.c.shape == (9, 25)
    np.testing.assert_array_equal(data.y, _reference(X3, W3, **DEFAULT))
    assert row_text(data, 0) == "y[0,0] = w₁₁·x[0,0] = 4·1 = 4"
    fig = ct_figure(data, q=6, lang="en")
    assert fig is not None and _spec_size(fig) < 300_000


@given(SETTINGS)
def test_c_is_the_forward_convolution(setting):
    i, k, seed = setting.pop("i"), setting.pop("k"), setting.pop("seed")
    w = np.random.default_rng(seed).integers(-3, 4, size=(k, k)).astype(float)
    try:
        data = matrix_data(np.ones((i, i)), w, **setting)
    except ConvValueError:
        return
    o = data.output_size
    y = np.random.default_rng(seed + 1).normal(size=(o, o))
    forward = conv2d(
        y[None],
        w[None, None],
        stride=setting["stride"],
        padding=setting["padding"],
        dilation=setting["dilation"],
    )[0]
    np.testing.assert_allclose(data.c @ y.ravel(), forward.ravel(), atol=1e-12)


def test_large_ct_is_not_drawn_cell_by_cell():
    x = np.ones((8, 8))
    data = matrix_data(x, example_kernel(7), stride=4, padding=0, output_padding=0, dilation=4)
    assert data.c.size > MAX_DRAWN_CELLS
    assert ct_figure(data, q=0, lang="en") is None


# -- output_padding and checkerboard --------------------------------------------------------
def test_extra_mask_and_cells_beyond_the_stamps():
    assert extra_mask(3, 1).astype(int).tolist() == [[0, 0, 1], [0, 0, 1], [1, 1, 1]]
    assert not extra_mask(3, 0).any()
    assert beyond_stamps(padding=1, output_padding=1) == 0
    assert beyond_stamps(padding=0, output_padding=1) == 1


def _valid_size(i, k, s, p, a, d) -> int | None:  # noqa: PLR0917 (the formula's order)
    """The transposed output size, or None where the page explains an error instead."""
    try:
        return conv_transpose_output_size(i, k, s, p, a, d)
    except ConvValueError:
        return None


@settings(max_examples=150, deadline=None)
@given(
    i=st.integers(1, 4), k=st.integers(1, 4), s=st.integers(1, 4), p=st.integers(0, 4),
    a=st.integers(0, 3), d=st.integers(1, 4),
)  # fmt: skip
def test_output_padding_view_at_every_valid_setting(*, i, k, s, p, a, d):
    hyper = {"stride": s, "padding": p, "output_padding": a, "dilation": d}
    if (o := _valid_size(i, k, s, p, a, d)) is None:
        return
    x, w = np.arange(1.0, i * i + 1).reshape(i, i), np.ones((k, k))
    view = extras.output_padding_view(x, w, lang="en", **hyper)
    pair = extras.output_padding_pair(x, w, **hyper)
    if pair is not None:  # two valid values of a, one of them the current one, both non-empty
        low, high = pair
        assert a in pair and low < high < max(s, d)
        assert pair[a].shape == (o, o) and pair[high].shape[0] - pair[low].shape[0] == high - low
        assert (view["figure"] is None) == (pair is None)
    sizes = forward_input_sizes(i, k, s, p, d)
    if len(sizes) == 1:  # the a it names gives that size back
        stated = view["texts"][0]
        needed = next(
            b for b in range(max(s, d)) if (i - 1) * s - 2 * p + d * (k - 1) + b + 1 == sizes[0]
        )
        assert f"must be {needed} " in stated


def test_output_padding_figure_marks_the_extra_cells():
    small = _reference(X3, W3, **DEFAULT)
    large = _reference(X3, W3, **{**DEFAULT, "output_padding": 1})
    np.testing.assert_array_equal(large[:5, :5], small)
    counts = extras.output_padding_counts(X3, W3, **{**DEFAULT, "output_padding": 1})
    fig = output_padding_figure({0: small, 1: large}, counts, lang="en")
    assert [a.text for a in fig.layout.annotations if a.text] == [
        "<b>a = 0: 5×5</b>",
        "<b>a = 1: 6×6</b>",
    ]
    assert len(fig.layout.shapes) == 2


@settings(max_examples=150, deadline=None)
@given(
    i=st.integers(1, 4), k=st.integers(1, 4), s=st.integers(1, 4), p=st.integers(0, 3),
    a=st.integers(0, 3), d=st.integers(1, 3),
)  # fmt: skip
def test_the_output_padding_rule_the_help_states(*, i, k, s, p, a, d):
    """Extra rows are rows of the uncropped canvas (sums of stamps); the last a − p: none."""
    hyper = {"stride": s, "padding": p, "output_padding": a, "dilation": d}
    if (o := _valid_size(i, k, s, p, a, d)) is None or a == 0:
        return
    x, w = np.arange(1.0, i * i + 1).reshape(i, i), np.arange(1.0, k * k + 1).reshape(k, k)
    y = _reference(x, w, **hyper)
    canvas = _reference(x, w, stride=s, padding=0, output_padding=0, dilation=d)  # every stamp
    inside = o - max(0, a - p)  # rows / columns that lie on the canvas
    np.testing.assert_array_equal(y[:inside, :inside], canvas[p : p + inside, p : p + inside])
    assert not y[inside:, :].any() and not y[:, inside:].any()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_output_padding_help_and_readme_state_the_rule(lang):
    # ones 2×2, ones 3×3, s 2, p 0, a 1: the extra last row is all zero (a > p)
    y = _reference(np.ones((2, 2)), np.ones((3, 3)), stride=2, padding=0, output_padding=1)
    assert not y[-1].any() and y[-2].any()
    help_text = translate("help.output_padding", lang)
    assert "a > p" in help_text and "a − p" in help_text
    assert "computed, not zeros" not in help_text and "是算出来的，不是零" not in help_text
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "computed, not zeros" not in readme and "a − p" in readme


def test_extra_cells_say_why_they_are_zero():
    kernel = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    hyper = {**DEFAULT, "output_padding": 1}  # p = 1: the extra row is canvas row 6
    outputs = extras.output_padding_pair(X3, kernel, **hyper)
    counts = extras.output_padding_counts(X3, kernel, **hyper)
    hover = extras.output_padding_specs(outputs, counts, lang="en")[1].hover
    # input row 2 reaches canvas row 6 with its last kernel row, whose weights are 0
    assert counts[1][5, 0] > 0 and outputs[1][5, 0] == 0
    assert hover[5, 0] == translate("transposed.opad.hover_extra_cancel", "en", value="0")
    hyper = {**DEFAULT, "padding": 0, "output_padding": 1}  # a > p: row 7 lies past the stamps
    outputs = extras.output_padding_pair(X3, kernel, **hyper)
    counts = extras.output_padding_counts(X3, kernel, **hyper)
    hover = extras.output_padding_specs(outputs, counts, lang="zh")[1].hover
    assert hover[7, 0] == translate("transposed.opad.hover_extra_zero", "zh", value="0")


def test_checkerboard_counts_are_the_stamp_counts():
    counts = _reference(
        np.ones((6, 6)), np.ones((3, 3)), stride=2, padding=0, output_padding=0, dilation=1
    )
    np.testing.assert_array_equal(checkerboard_counts(6, 3, stride=2, dilation=1)[0], counts)
    fig = checkerboard_figure(counts, np.ones((12, 12)), kernel_size=3, stride=2, lang="zh")
    assert unwrap_text(fig.layout.annotations[0].text) == "<b>每格印章数：k = 3、s = 2（13×13）</b>"


# -- views ----------------------------------------------------------------------------------
def test_size_view_formula_terms_and_round_trip():
    view = views.size_view(X3, W3, lang="en", **DEFAULT)
    assert view["output_size"] == 5
    assert "= (3 − 1)·2 − 2·1 + 1·(3 − 1) + 0 + 1 = **5**" in view["formula"]
    assert [row["Value"] for row in view["terms"]] == [4, -2, 2, 0, 1]
    assert "maps **5×5 → 3×3**" in view["forward"]
    assert (
        "not an inverse" in view["not_inverse"].lower() or "Not an inverse" in view["not_inverse"]
    )
    figure = views.round_trip_figure(X3, W3, lang="en", **DEFAULT)  # x ≠ the way back
    assert "≠" in [note.text for note in figure.layout.annotations]


def test_size_view_explains_forward_size_when_output_padding_reaches_past_the_stride():
    view = views.size_view(X3, W3, lang="en", stride=1, padding=0, output_padding=1, dilation=2)
    assert view["output_size"] == 8
    assert "maps 8×8 to 4×4, not 3×3" in view["larger"]


def test_size_view_names_the_forward_convolution_it_is_the_transpose_of():
    # a = 1 >= s = 1 (allowed by d = 2): the forward convolution maps 8×8 to 4×4, not 3×3
    view = views.size_view(X3, W3, lang="en", stride=1, padding=0, output_padding=1, dilation=2)
    assert "maps **8×8 → 4×4**" in view["forward"] and "top-left 3×3" in view["forward"]
    assert "8×8 → 3×3" not in view["forward"]
    zh = views.size_view(X3, W3, lang="zh", stride=1, padding=0, output_padding=1, dilation=2)
    assert "**8×8 → 4×4**" in zh["forward"] and "左上角的 3×3" in zh["forward"]


@settings(max_examples=60, deadline=None)
@given(
    i=st.integers(1, 4), k=st.integers(1, 4), s=st.integers(1, 3), p=st.integers(0, 2),
    a=st.integers(0, 2), d=st.integers(1, 3),
)  # fmt: skip
def test_the_forward_sizes_the_size_view_states_are_the_convolutions(*, i, k, s, p, a, d):
    hyper = {"stride": s, "padding": p, "output_padding": a, "dilation": d}
    if (o := _valid_size(i, k, s, p, a, d)) is None:
        return
    f = conv2d(np.zeros((1, o, o)), np.zeros((1, 1, k, k)), stride=s, padding=p, dilation=d)
    f = f.shape[-1]
    view = views.size_view(np.ones((i, i)), np.ones((k, k)), lang="en", **hyper)
    assert f"maps **{o}×{o} → {f}×{f}**" in view["forward"]
    assert (f"top-left {i}×{i}" in view["forward"]) == (f != i)


def _every_impulse_comes_back(i, kernel, **hyper) -> bool:
    """Brute force: conv(conv_transpose(e)) cropped to i×i is e for every unit impulse e."""
    forward = {name: hyper[name] for name in ("stride", "padding", "dilation")}
    for cell in range(i * i):
        e = np.zeros((i, i))
        e.flat[cell] = 1.0
        y = conv_transpose2d(e[None], kernel[None, None], **hyper)
        back = conv2d(y, kernel[None, None], **forward)[0, :i, :i]
        if not np.allclose(back, e):
            return False
    return True


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("kernel", "hyper"),
    [
        (np.ones((1, 1)), {"stride": 2, "padding": 0, "output_padding": 1, "dilation": 1}),
        (np.array([[0.0, 0.0], [1.0, 0.0]]), {**DEFAULT, "padding": 0}),
        (np.array([[1.0, 0.0], [0.0, 0.0]]), {**DEFAULT, "padding": 0, "output_padding": 1}),
    ],
)
def test_an_exact_round_trip_is_called_exact(lang, kernel, hyper):
    assert _every_impulse_comes_back(3, kernel, **hyper)
    view = views.size_view(X3, kernel, lang=lang, **hyper)
    assert view["not_inverse"] == translate("transposed.size.exact", lang)
    figure = views.round_trip_figure(X3, kernel, lang=lang, **hyper)
    assert "=" in [note.text for note in figure.layout.annotations]


def test_an_input_that_happens_to_come_back_is_not_called_an_inverse():
    view = views.size_view(np.zeros((3, 3)), W3, lang="en", **DEFAULT)
    trip = round_trip(np.zeros((3, 3)), W3, **DEFAULT)
    r, c = trip.delta
    expected = translate(
        "transposed.size.not_inverse_this_x", "en", r=r, c=c, delta=format_number(trip.delta_diff)
    )
    assert view["not_inverse"] == expected and trip.delta_diff > 0


@settings(max_examples=80, deadline=None)
@given(
    i=st.integers(1, 3), k=st.integers(1, 3), s=st.integers(1, 3), p=st.integers(0, 2),
    a=st.integers(0, 2), d=st.integers(1, 2), kernel=st.sampled_from(["ones", "delta", "arange"]),
)  # fmt: skip
def test_round_trip_exact_means_every_input_comes_back(*, i, k, s, p, a, d, kernel):
    hyper = {"stride": s, "padding": p, "output_padding": a, "dilation": d}
    if _valid_size(i, k, s, p, a, d) is None:
        return
    w = {"ones": np.ones((k, k)), "arange": np.arange(1.0, k * k + 1).reshape(k, k)}.get(
        kernel, np.eye(1, k * k).reshape(k, k)
    )
    trip = round_trip(np.ones((i, i)), w, **hyper)
    assert trip.exact == _every_impulse_comes_back(i, w, **hyper)


def test_invalid_settings_raise_the_engine_error():
    with pytest.raises(ConvValueError) as err:
        views.size_view(X3, W3, lang="en", stride=2, padding=1, output_padding=2, dilation=1)
    assert err.value.code == "output_padding_too_large"
    assert err.value.suggestion == {"output_padding": 1}
    with pytest.raises(ConvValueError) as err:
        views.size_view(X3, W3, lang="en", stride=1, padding=4, output_padding=0, dilation=1)
    assert err.value.code == "transpose_output_empty"


def test_check_view_three_ways_agree():
    view = views.check_view(X3, W3, lang="en", **DEFAULT)
    assert view["max_diff"] == 0
    assert [row["Largest |difference|"] for row in view["rows"]] == ["0", "0", "0"]


@given(SETTINGS)
def test_three_ways_agree_for_any_valid_setting(setting):
    i, k, seed = setting.pop("i"), setting.pop("k"), setting.pop("seed")
    hyper = setting
    x = np.random.default_rng(seed).integers(-3, 4, size=(i, i)).astype(float)
    w = example_kernel(k)
    try:
        view = views.check_view(x, w, lang="en", **hyper)
    except ConvValueError:
        return
    assert view["max_diff"] <= 1e-9


def test_output_padding_view_lists_the_colliding_forward_sizes():
    view = extras.output_padding_view(X3, W3, lang="en", **{**DEFAULT, "output_padding": 1})
    assert [row["Forward input n"] for row in view["table"]] == ["5×5", "6×6"]
    assert view["table"][1]["output_padding a that gives n back"].endswith("← current")
    assert "outputs like any other, not zero padding" in view["after"][1]
    extra = _reference(X3, W3, **{**DEFAULT, "output_padding": 1})[5]
    assert ", ".join(str(int(v)) for v in extra[:6]) in view["after"][1]


def test_output_padding_view_is_honest_about_rows_past_the_stamps():
    view = extras.output_padding_view(
        X3, W3, lang="en", stride=2, padding=0, output_padding=1, dilation=1
    )
    assert any("past the last stamp" in text for text in view["after"])


def test_checkerboard_view_states_divisibility():
    odd = extras.checkerboard_view(3, lang="en", stride=2, padding=1, output_padding=0, dilation=1)
    assert "**k = 3 is not divisible by s = 2:**" in odd["texts"][1]
    even = extras.checkerboard_view(4, lang="zh", stride=2, padding=1, output_padding=0, dilation=1)
    assert "**k = 4 能被 s = 2 整除**：" in even["texts"][1]
    assert "same number of inputs (9)" in odd["note"]  # a stride-1 k×k window sums k² inputs


@pytest.mark.parametrize(
    ("kernel", "stride", "dilation", "lang", "expected"),
    [
        # taps 2 apart at stride 2 never reach the odd rows: holes, though 2 divides 4
        (4, 2, 2, "en", "away from the border the counts are 0, 16 — uneven"),
        (7, 3, 2, "en", "away from the border the counts are 4, 6, 9 — uneven"),
        (4, 2, 3, "zh", "每个格子得到的印章数都一样（4 个）"),
    ],
)
def test_checkerboard_view_with_dilation_lists_the_true_interior_counts(
    kernel, stride, dilation, lang, expected
):
    view = extras.checkerboard_view(
        kernel, lang=lang, stride=stride, padding=0, output_padding=0, dilation=dilation
    )
    assert expected in view["texts"][1]


def test_code_view_has_the_layer_and_the_exact_tensors():
    code = torch_code.code_view(X3, W3, lang="en", **DEFAULT)
    assert (
        "nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=1, output_padding=0, "
        "dilation=1, bias=False)" in code
    )
    assert "[1, 3, 5]," in code and "[7, 8, 9]," in code
    assert "torch.Size([1, 1, 5, 5])" in code
    assert "# True False" in code  # conv gives back the 3×3 shape, not the values


@pytest.mark.parametrize(
    "hyper",
    [
        {"stride": 4, "padding": 0, "output_padding": 3, "dilation": 4},
        {"stride": 1, "padding": 0, "output_padding": 3, "dilation": 4},
        {"stride": 4, "padding": 0, "output_padding": 0, "dilation": 1},
        {"stride": 2, "padding": 4, "output_padding": 0, "dilation": 1},
    ],
)
def test_every_chart_stays_under_one_megabyte_at_the_largest_settings(hyper):
    x = np.arange(64, dtype=float).reshape(8, 8)
    w = example_kernel(7)
    charts = [
        views.round_trip_figure(x, w, lang="zh", **hyper),
        views.scatter_view(
            x, w, lang="zh", step=63, animate=views.scatter_animates(8, 7, **hyper), **hyper
        )["figure"],
        *(
            views.direct_view(x, w, lang="zh", pin=(0, 0), **hyper)[key]
            for key in ("figure", "flip")
        ),
        views.check_view(x, w, lang="zh", **hyper)["figure"],
        extras.output_padding_view(x, w, lang="zh", **hyper)["figure"],
        extras.checkerboard_view(7, lang="zh", **hyper)["figure"],
    ]
    matrix = views.matrix_view(x, w, lang="zh", q=0, **hyper)
    charts += [matrix[key] for key in ("c", "ct", "grids") if matrix[key] is not None]
    sizes = [_spec_size(fig) for fig in charts if fig is not None]
    assert max(sizes) < 1_000_000, sizes
    json.loads(charts[1].to_json())  # valid JSON


# -- files for lecture notes ----------------------------------------------------------------
def test_download_files_of_one_setting():
    assert files.file_stem(3, 3, **DEFAULT) == "transposed_i3_k3_s2_p1_a0_d1"
    assert files.scatter_png(X3, W3, 8, lang="zh", **DEFAULT)[:8] == b"\x89PNG\r\n\x1a\n"
    assert files.direct_png(X3, W3, (1, 2), lang="en", **DEFAULT)[:8] == b"\x89PNG\r\n\x1a\n"
    assert files.output_png(X3, W3, lang="en", **DEFAULT)[:8] == b"\x89PNG\r\n\x1a\n"
    assert files.scatter_gif(X3, W3, lang="en", **DEFAULT)[:6] == b"GIF89a"
    assert len(files.direct_animation(X3, W3, **DEFAULT).frames) == 25
    assert "(3-1)\\cdot2 - 2\\cdot1 + 1\\cdot(3-1) + 0 + 1 = 5" in files.formula_tex(
        3, 3, **DEFAULT
    )
    tex = files.ct_tex(X3, W3, **DEFAULT)
    assert "C^{\\mathsf{T}} = " in tex and "w_{1,1}" in tex
    assert files.ct_csv(X3, W3, **DEFAULT).splitlines()[0] == "4,0,0,0,0,0,0,0,0"
    assert files.output_csv(X3, W3, **DEFAULT).splitlines()[0] == "4,10,8,18,12"


def test_k_divisible_by_s_evens_the_overlap_but_a_kernel_can_still_make_a_checkerboard():
    # k = 4, s = 2: even overlap (4 stamps per interior cell) ...
    counts = _reference(np.ones((6, 6)), np.ones((4, 4)), stride=2, padding=1, output_padding=0)
    assert np.unique(counts[2:-2, 2:-2]).tolist() == [4.0]
    # ... yet weights that differ between the two stride phases give a checkerboard anyway,
    w = np.outer([1.0, 0.0, 1.0, 0.0], [1.0, 0.0, 1.0, 0.0])
    y = _reference(np.ones((6, 6)), w, stride=2, padding=1, output_padding=0)
    assert np.unique(y[2:-2, 2:-2]).tolist() == [0.0, 4.0]  # per axis: phase sums 2 and 0
    # while resizing first and convolving at stride 1 stays flat with the same weights
    flat = resize_then_conv(np.ones((6, 6)), w, scale=2)
    assert np.unique(flat[2:-2, 2:-2]).tolist() == [4.0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_checkerboard_texts_do_not_promise_that_k_divisible_by_s_removes_it(lang):
    texts = [
        translate("transposed.checker.divisible", lang, k=4, s=2, count=4),
        translate("transposed.checker.stride_one", lang, count=9),
        translate("transposed.checker.dilated_even", lang, k=4, s=2, d=3, counts="4"),
    ]
    for text in texts:
        assert "no checkerboard" not in text and "没有棋盘效应" not in text
    remedies = translate("transposed.checker.remedies", lang)
    assert "Odena" in remedies and "2016" in remedies
    assert ("recommend resizing first" if lang == "en" else "推荐先放大") in remedies
    lab = translate("image_lab.up.remedy", lang)
    assert "Odena" in lab


@given(SETTINGS)
def test_the_headers_light_check_matches_the_check_tab(setting):
    """The page header's ``largest_difference`` agrees with the check tab's ``max_diff``."""
    i, k, seed = setting.pop("i"), setting.pop("k"), setting.pop("seed")
    rng = np.random.default_rng(seed)
    x = rng.integers(-3, 4, size=(i, i)).astype(float)
    w = rng.integers(-2, 3, size=(k, k)).astype(float)
    try:
        view = views.check_view(x, w, lang="en", **setting)
    except ConvValueError:
        with pytest.raises(ConvValueError):
            largest_difference(x, w, **setting)
        return
    light = largest_difference(x, w, **setting)
    assert light <= 1e-9
    assert abs(light - view["max_diff"]) <= 1e-9


def test_animation_frames_send_colours_as_float32_and_the_numbers_unchanged():
    """The frames' heatmaps (colour only) go as float32; the numbers in the cells are written
    from the float64 sums, so every text is the one the values give."""
    x = np.array([[1.5, -2.0, 0.25], [3.0, 0.1, -1.0], [2.0, 0.0, 4.0]])
    w = example_kernel(3)
    data = scatter_data(x, w, **DEFAULT)
    fig = views.scatter_view(x, w, lang="en", step=0, animate=True, **DEFAULT)["figure"]
    sums = running_sums(data)  # (steps, H_c, W_c) float64
    real = canvas_kinds(data) == CellKind.REAL  # (H_c, W_c): the rest shows its kind's fill
    for frame, values in zip(fig.to_dict()["frames"], sums, strict=True):
        heat, text = frame["data"][:2]
        z = np.frombuffer(base64.b64decode(heat["z"]["bdata"]), dtype=np.float32)
        assert heat["z"]["dtype"] == "f4"
        expected = np.where(real, values, np.nan).ravel().astype(np.float32)
        np.testing.assert_array_equal(z, expected)  # nan where nan
        assert text["text"] == [format_number(v) for v in values.ravel().tolist()]
    direct = views.direct_view(x, w, lang="en", pin=(0, 0), **DEFAULT)["figure"].to_dict()
    last = direct["frames"][-1]["data"]
    assert last[0]["z"]["dtype"] == "f4"
    sums = direct_data(x, w, **DEFAULT).sums.ravel().tolist()
    assert last[1]["text"] == [format_number(v) for v in sums]
