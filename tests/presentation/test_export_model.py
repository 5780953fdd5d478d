"""The export model: validation with learner-facing errors, number format, animation builders."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.errors import ConvValueError
from convviz.export.animations import (
    products_caption,
    scatter_add_animation,
    sliding_window_animation,
)
from convviz.export.onscreen import animation_from_frames, panel_from_spec
from convviz.export.scene import (
    Animation,
    Bilingual,
    Edge,
    GraphPanel,
    GridPanel,
    NodeColumn,
    Scene,
    format_number,
    pick,
)
from convviz.i18n import has_key, translate_error
from convviz.style.palette import CellKind


def _code(call) -> str:
    with pytest.raises(ConvValueError) as info:
        call()
    assert has_key(f"error.{info.value.code}"), info.value.code
    assert translate_error(info.value, "zh") != str(info.value)  # a real translation
    return info.value.code


def test_bad_descriptions_raise_translated_errors():
    grid = np.zeros((2, 3))
    assert _code(lambda: GridPanel(np.zeros(3))) == "export_not_grid"
    assert _code(lambda: GridPanel(grid, kinds=np.zeros((3, 2)))) == "export_shape_mismatch"
    assert _code(lambda: GridPanel(grid, role="bias")) == "export_bad_role"
    assert _code(lambda: GridPanel(grid, highlights=((0, 0, 3, 1),))) == "export_bad_rectangle"
    assert _code(lambda: GridPanel(grid, secondary=((1, 1, 1, 2),))) == "export_bad_rectangle"
    column = NodeColumn(("a", "b"))
    assert _code(lambda: GraphPanel((column,), (Edge((0, 0), (0, 2)),))) == "export_bad_edge"
    assert _code(lambda: Scene(())) == "export_empty_scene"
    assert _code(lambda: Animation(())) == "export_empty_animation"
    scene = Scene((GridPanel(grid),))
    assert _code(lambda: Animation((scene,), duration_ms=10)) == "export_bad_duration"


def test_grid_panel_normalises_arrays():
    panel = GridPanel([[1, 2]], kinds=[[0, 2]], labels=[["a", ""]], highlights=[(0, 0, 1, 2)])
    assert panel.values.dtype == float and panel.shape == (1, 2)
    assert panel.kinds.dtype == np.int8 and panel.kinds.tolist() == [[0, 2]]
    assert panel.labels.tolist() == [["a", ""]]
    assert panel.highlights == ((0, 0, 1, 2),)


def test_bilingual_pick():
    text = Bilingual("Input", "输入")
    assert (
        pick(text, "zh") == "输入" and pick(text, "en") == "Input" and pick(text, "fr") == "Input"
    )
    assert pick("y[0,0]", "zh") == "y[0,0]"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.0, "3"),
        (-2.0, "-2"),
        (0.25, "0.25"),
        (1 / 3, "0.33"),
        (-0.001, "0"),
        (2.5, "2.5"),
        (float("nan"), ""),
    ],
)
def test_format_number(value, text):
    assert format_number(value) == text


@given(st.floats(-1e6, 1e6, allow_nan=False))
def test_format_number_matches_the_screen(value):
    from convviz.figures.common.grid import format_number as screen

    assert format_number(value) == screen(value)
    assert format_number(value, 3) == screen(value, 3)


def test_products_caption_prints_every_product_and_the_sum():
    caption = products_caption(np.array([[1, 2], [3, -4]]), np.array([[0, 1], [-1, 0.5]]))
    assert caption == "1·0 + 2·1 + 3·(-1) + (-4)·0.5 = -3"


def _reference_conv(padded, kernel, stride, dilation):
    kh, kw = kernel.shape
    span_h, span_w = dilation * (kh - 1) + 1, dilation * (kw - 1) + 1
    ho = (padded.shape[0] - span_h) // stride + 1
    wo = (padded.shape[1] - span_w) // stride + 1
    out = np.zeros((ho, wo))
    for r in range(ho):
        for c in range(wo):
            for i in range(kh):
                for j in range(kw):
                    out[r, c] += (
                        padded[r * stride + i * dilation, c * stride + j * dilation] * kernel[i, j]
                    )
    return out


def test_sliding_window_5x5_k3_p1_s2_has_one_frame_per_output_cell():
    x = np.arange(1, 26, dtype=float).reshape(5, 5)
    padded = np.pad(x, 1)  # (7, 7)
    kinds = np.full((7, 7), CellKind.BORDER_PAD)
    kinds[1:-1, 1:-1] = CellKind.REAL
    kernel = np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], dtype=float)
    animation = sliding_window_animation(padded, kernel, stride=2, kinds=kinds)
    expected = _reference_conv(padded, kernel, 2, 1)  # (3, 3)
    assert len(animation.frames) == 9
    last = animation.frames[-1]
    source, weights, result = last.panels
    assert source.highlights == ((4, 4, 7, 7),)
    assert result.highlights == ((2, 2, 3, 3),)
    np.testing.assert_array_equal(result.values, expected)
    first = animation.frames[0].panels[2].values
    assert np.isnan(first).sum() == 8 and first[0, 0] == expected[0, 0]
    assert (
        last.caption
        == "y[2,2] = 19·1 + 20·0 + 0·(-1) + 24·2 + 25·0 + 0·(-2) + 0·1 + 0·0 + 0·(-1) = 67"
    )
    assert expected[2, 2] == 67
    assert last.operators == ("⊛", "=")
    assert (
        pick(source.title, "en") == "Padded input 7×7" and pick(weights.title, "zh") == "卷积核 3×3"
    )


def test_sliding_window_dilated_outlines_every_tap():
    padded = np.arange(49, dtype=float).reshape(7, 7)
    animation = sliding_window_animation(padded, np.ones((2, 2)), dilation=3, stride=3)
    assert len(animation.frames) == 4  # ⌊(7 − 3·(2 − 1) − 1) / 3⌋ + 1 = 2 per side
    source = animation.frames[1].panels[0]
    assert source.highlights == ((0, 3, 4, 7),)
    assert source.secondary == ((0, 3, 1, 4), (0, 6, 1, 7), (3, 3, 4, 4), (3, 6, 4, 7))
    assert animation.frames[1].caption == "y[0,1] = 3·1 + 6·1 + 24·1 + 27·1 = 60"


@given(
    st.tuples(
        st.integers(1, 4),
        st.integers(1, 4),
        st.integers(1, 3),
        st.integers(1, 3),
        st.integers(1, 2),
        st.integers(0, 2),
    )
)
def test_scatter_add_final_canvas_is_the_transposed_convolution(numbers):
    h, w, k, s, d, p = numbers
    rng = np.random.default_rng(h * 100 + w * 10 + k)
    x = rng.integers(-3, 4, (h, w)).astype(float)
    kernel = rng.integers(-2, 3, (k, k)).astype(float)
    a = 0 if s == 1 and d == 1 else min(1, max(s, d) - 1)
    full = (h - 1) * s + d * (k - 1) + 1
    out = full - 2 * p + a
    out_w = (w - 1) * s + d * (k - 1) + 1 - 2 * p + a
    if out < 1 or out_w < 1:
        return
    animation = scatter_add_animation(x, kernel, stride=s, dilation=d, padding=p, output_padding=a)
    assert len(animation.frames) == h * w
    canvas = animation.frames[-1].panels[2]
    reference = np.zeros(canvas.shape)
    for i in range(h):
        for j in range(w):
            for u in range(k):
                for v in range(k):
                    reference[i * s + u * d, j * s + v * d] += x[i, j] * kernel[u, v]
    np.testing.assert_array_equal(np.nan_to_num(canvas.values), reference)
    inside = canvas.kinds[p : p + out, p : p + out_w]
    assert ((inside == CellKind.REAL) | (inside == CellKind.OUTPUT_PAD)).all()
    assert (canvas.kinds == CellKind.OUTSIDE).sum() == canvas.kinds.size - out * out_w


def test_scatter_add_2x2_k3_s2_caption_and_stamps():
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    animation = scatter_add_animation(x, np.ones((3, 3)), stride=2)
    assert len(animation.frames) == 4
    second = animation.frames[1]
    canvas = second.panels[2]
    assert canvas.shape == (5, 5) and canvas.highlights == ((0, 2, 3, 5),)
    assert canvas.values[0, 2] == 3 and canvas.values[0, 0] == 1 and np.isnan(canvas.values[3, 0])
    assert second.caption.en == "x[0,1] = 2: add 2 × kernel to rows 0–2, columns 2–4"
    assert second.caption.zh.startswith("x[0,1] = 2：")
    final = animation.frames[-1].panels[2].values
    assert final[2, 2] == 1 + 2 + 3 + 4 and final.sum() == 9 * 10


def test_on_screen_specs_become_export_panels_and_frames():
    from convviz.figures.common.animation import FrameSpec
    from convviz.figures.common.grid import GridSpec, Highlight
    from convviz.style.palette import SECONDARY_HIGHLIGHT

    spec = GridSpec(
        np.arange(6.0).reshape(2, 3),
        title="Input",
        role="input",
        kinds=np.zeros((2, 3), int),
        highlights=(Highlight(0, 0, 1, 1), Highlight(1, 1, 2, 3, colour=SECONDARY_HIGHLIGHT)),
        value_range=(0.0, 5.0),
        decimals=1,
    )
    panel = panel_from_spec(spec)
    assert panel.highlights == ((0, 0, 1, 1),) and panel.secondary == ((1, 1, 2, 3),)
    assert panel.value_range == (0.0, 5.0) and panel.decimals == 1 and panel.role == "input"
    frames = (
        FrameSpec("a", highlights=((0, Highlight(0, 1, 1, 2)),), caption="1·1 = 1"),
        FrameSpec("b", values={0: np.ones((2, 3))}, caption="2"),
    )
    animation = animation_from_frames((spec,), frames, operators=("=",), duration_ms=300)
    assert len(animation.frames) == 2 and animation.duration_ms == 300
    assert animation.frames[0].panels[0].highlights == ((0, 0, 1, 1), (0, 1, 1, 2))
    assert animation.frames[1].panels[0].values.sum() == 6 and animation.frames[1].caption == "2"


def test_scatter_add_dilated_outlines_the_taps_and_keeps_gaps_blank():
    # d = 2, k = 2, s = 3: a stamp covers rows r·3 + {0, 2}; row 1 and row 4 get no tap.
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    animation = scatter_add_animation(x, np.ones((2, 2)), stride=3, dilation=2)
    canvas = animation.frames[3].panels[2]  # after x[1,1]: stamp at rows 3, 5, cols 3, 5
    assert canvas.highlights == ((3, 3, 6, 6),)
    assert canvas.secondary == ((3, 3, 4, 4), (3, 5, 4, 6), (5, 3, 6, 4), (5, 5, 6, 6))
    assert np.isnan(canvas.values[1]).all() and np.isnan(canvas.values[:, 4]).all()
    assert canvas.values[5, 5] == 4 and canvas.values[0, 0] == 1
    assert animation.frames[0].panels[2].secondary == (
        (0, 0, 1, 1),
        (0, 2, 1, 3),
        (2, 0, 3, 1),
        (2, 2, 3, 3),
    )


def test_scatter_add_output_padding_past_the_stamps_shows_zeros():
    # a = 2 > p = 1 at stride 3: the last canvas row holds computed zeros from the first frame.
    animation = scatter_add_animation(
        np.ones((2, 2)), np.ones((2, 2)), stride=3, padding=1, output_padding=2
    )
    canvas = animation.frames[0].panels[2]
    assert canvas.shape == (6, 6)
    assert canvas.values[5].tolist() == [0, 0, 0, 0, 0, 0]
    assert np.isnan(canvas.values[0, 3]) and canvas.values[0, 0] == 1
    assert canvas.kinds[5, 1:].tolist() == [CellKind.OUTPUT_PAD] * 5
    assert animation.frames[-1].caption.en.endswith(
        "\n" + pick(animation.frames[0].caption, "en").split("\n")[1]
    )


def test_sliding_window_reads_the_engine_trace():
    from convviz.engine.arithmetic_text import format_cell
    from convviz.engine.trace import sliding_trace

    padded = np.round(np.linspace(-2, 3, 30), 2).reshape(5, 6)  # (5, 6): rectangular
    kernel = np.array([[0.5, -1.0], [0.25, 2.0]])
    animation = sliding_window_animation(padded, kernel, stride=2, dilation=2)
    trace = sliding_trace(padded, kernel, stride=2, dilation=2)
    assert trace.out_hw == (2, 2) and len(animation.frames) == 4  # ⌊(5 − 3) / 2⌋ + 1 rows
    last = animation.frames[-1]
    np.testing.assert_array_equal(last.panels[2].values, trace.sums)
    assert last.caption == "y[1,1] = " + format_cell(trace, (1, 1))
    assert animation.frames[1].panels[0].highlights == ((0, 2, 3, 5),)
    assert animation.frames[1].panels[0].secondary == (
        (0, 2, 1, 3),
        (0, 4, 1, 5),
        (2, 2, 3, 3),
        (2, 4, 3, 5),
    )
