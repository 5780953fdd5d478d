"""Figures of the dilated page: kernel with gaps, sliding window, stacks, ASPP, WaveNet,
alternatives and the PyTorch code, checked with exact numbers."""

from __future__ import annotations

import base64
import contextlib
import io
import json

import numpy as np
import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.receptive import field_steps, receptive_field
from convviz.engine.trace import sliding_trace
from convviz.figures.common.fit import unwrap_text
from convviz.figures.dilated import code as pycode
from convviz.figures.dilated import compare, files, stack, views
from convviz.figures.dilated import kernel as kernels
from convviz.figures.dilated import receptive as rf
from convviz.figures.dilated import window as figs
from convviz.figures.dilated.aspp import branch_rows
from convviz.i18n import translate
from convviz.param_specs import PARAM_SPECS
from convviz.stacks import LIMITS, Layer
from convviz.style.palette import CellKind
from tests.support.stacks import stack_preset

ARANGE_7 = np.arange(1, 50, dtype=float).reshape(7, 7)
DEFAULT = {"input_size": 7, "kernel_size": 3, "stride": 1, "padding": 0, "dilation": 2}
LAYER = {k: DEFAULT[k] for k in ("kernel_size", "stride", "padding", "dilation")}
MB = 1_000_000


def _arr(value) -> np.ndarray:
    """A trace array as numpy, decoding Plotly's base64 typed arrays (``{"dtype", "bdata"}``)."""
    if isinstance(value, dict) and "bdata" in value:
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = value.get("shape")
        if shape:
            return flat.reshape([int(n) for n in str(shape).split(",")])
        return flat
    return np.asarray(value)


def _json_size(fig: dict | go.Figure) -> int:
    figure = fig if isinstance(fig, go.Figure) else go.Figure(fig)
    return len(figure.to_json())


def _window(x=ARANGE_7, fill="ones", pin=(0, 0), lang="en", **params):
    return views.window_view(x, fill, pin, lang=lang, **{**DEFAULT, **params})


# -- section 1: the kernel ---------------------------------------------------------------------
def test_kernel_values():
    assert kernels.kernel_values("ones", 2).tolist() == [[1, 1], [1, 1]]
    assert kernels.kernel_values("arange", 2).tolist() == [[1, 2], [3, 4]]
    assert kernels.kernel_values("signs", 3).tolist() == [[1, -1, 1], [-1, 1, -1], [1, -1, 1]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_kernel_view_numbers(lang):
    view = views.kernel_view(3, 2, "ones", lang)
    assert "2·(3 − 1) + 1 = **5**" in view["size_text"]
    assert "3·3 = **9**" in view["params_text"]
    assert "16" in view["params_text"]  # 5·5 − 9 gap cells
    no_gaps = views.kernel_view(3, 1, "ones", lang)["params_text"]
    assert no_gaps == (
        "With d = 1 there are no gaps: this is an ordinary 3×3 convolution."
        if lang == "en"
        else "d = 1 时没有空洞：这就是普通的 3×3 卷积。"
    )


def test_kernel_figure_shows_taps_and_gaps():
    kernel = kernels.kernel_values("arange", 3)
    dilated = np.zeros((7, 7))
    dilated[::3, ::3] = kernel
    fig = kernels.kernel_figure(kernel, dilated, dilation=3, lang="en")
    texts = [t for t in fig.data if isinstance(t, go.Scatter)][1].text  # dilated panel labels
    grid = np.array(texts).reshape(7, 7)
    assert grid[0, 0] == "w₀₀" and grid[3, 6] == "w₁₂" and grid[6, 6] == "w₂₂"
    assert grid[1, 1] == "" and grid[0, 1] == ""
    assert np.count_nonzero(grid != "") == 9
    titles = [unwrap_text(a.text) for a in fig.layout.annotations]
    assert "<b>3×3 kernel (9 weights)</b>" in titles
    assert "<b>dilated, d = 3: spans 7×7</b>" in titles


# -- section 2: the sliding window -------------------------------------------------------------
def test_window_view_at_defaults():
    view = _window()
    assert view["output_size"] == 3
    assert view["formula"].endswith("= ⌊(7 + 2·0 − 2·(3 − 1) − 1) / 1⌋ + 1 = ⌊2 / 1⌋ + 1 = **3**")
    assert view["pinned"] == (
        "**Pinned: y[0, 0]** reads the padded input at rows 0, 2, 4 and columns 0, 2, 4:"
    )
    assert view["pinned_sum"] == (
        "y[0, 0] = 1·1 + 3·1 + 5·1 + 15·1 + 17·1 + 19·1 + 29·1 + 31·1 + 33·1 = 153"
    )
    assert view["step"] == 0


def test_window_view_pins_a_cell_and_resets_when_out_of_range():
    view = _window(pin=(2, 1))
    assert view["step"] == 7
    assert view["pinned_sum"].endswith("= 288")
    assert _window(pin=(5, 5))["step"] == 0


def test_window_figure_frames_taps_and_output():
    fig = go.Figure(_window(pin=(1, 2))["figure"])
    assert [f.name for f in fig.frames] == [f"({r}, {c})" for r in range(3) for c in range(3)]
    output = np.array([[153, 162, 171], [216, 225, 234], [279, 288, 297]])
    heat = [t for t in fig.data if isinstance(t, go.Heatmap)]
    assert np.array_equal(_arr(heat[-1].z).astype(float), output)
    taps = fig.data[-3]  # window outline, taps, output cell, caption
    assert (
        sorted(zip(taps.y, taps.x, strict=True))
        == [(r, c) for r in (2, 4, 6) for c in (4, 6, 8) if c < 7]
        or len(taps.x) == 9
    )
    frame = fig.frames[5]  # output (1, 2): rows 1, 3, 5 and columns 2, 4, 6
    tap_update = frame.data[1]
    assert list(tap_update.y) == [1, 1, 1, 3, 3, 3, 5, 5, 5]
    assert list(tap_update.x) == [2, 4, 6, 2, 4, 6, 2, 4, 6]
    assert (
        unwrap_text(frame.data[3].text[0])
        == "y[1, 2] = 10·1 + 12·1 + 14·1 + 24·1 + 26·1 + 28·1 + 38·1 + 40·1 + 42·1 = 234"
    )
    assert fig.layout.sliders[0].active == 5
    assert [b.label for b in fig.layout.updatemenus[0].buttons] == ["▶ Play", "❚❚ Pause"]


def test_window_caption_shortens_long_sums_and_brackets_negatives():
    view = _window(fill="signs", kernel_size=5, dilation=1)
    fig = go.Figure(view["figure"])
    caption = fig.frames[0].data[3].text[0]
    assert caption.count("·") == figs.MAX_CAPTION_TERMS - 1 and "…" in caption
    assert "2·(-1)" in caption
    assert view["pinned_sum"].count("·") == 25  # the pinned cell spells out all 25 products


def test_never_read_cells_and_floor_are_explained():
    x = np.arange(81, dtype=float).reshape(9, 9)
    view = _window(x=x, input_size=9, stride=2, dilation=2)
    assert view["output_size"] == 3
    assert (
        "56 of the 81 input cells are never read by any window: stride s = 2 and dilation d = 2"
        in view["notes"][0]
    )
    leftover = _window(x=np.ones((8, 8)), input_size=8, stride=2, dilation=2)
    assert leftover["notes"][0].startswith("The division is not exact: the floor drops the last 1")
    # rows 1, 3, 5 are stepped over, row 7 is dropped by the floor: 15 + 33 cells
    assert leftover["notes"][1] == translate(
        "dilated.window.never_read_both", "en", count=48, total=64, floor=15, skipped=33, s=2, d=2
    )
    padded = _window(padding=1)
    fig = go.Figure(padded["figure"])
    kinds = _arr(fig.data[1].z)  # kind fills of the input panel
    assert np.isfinite(kinds[0]).all() and np.isnan(kinds[1:8, 1:8]).all()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_floor_leftovers_are_not_blamed_on_stride_and_dilation(lang):
    # i = 8, k = 3, s = 2, d = 1: windows cover rows 0 … 6; row 7 is what the floor drops
    x = np.ones((8, 8))
    view = _window(x=x, input_size=8, stride=2, dilation=1, lang=lang)
    assert view["notes"][1] == translate(
        "dilated.window.never_read_floor", lang, count=15, total=64, floor=15, s=2, d=1
    )
    assert "step over" not in view["notes"][1] and "跳过" not in view["notes"][1]
    assert "没有被窗口的起点覆盖到" not in view["notes"][0]
    assert "没有任何窗口覆盖" in translate("dilated.window.floor", "zh", leftover=1)


def test_read_counts_and_products_text():
    view_trace = sliding_trace(ARANGE_7, np.ones((3, 3)), stride=1, dilation=2)
    counts = figs.read_counts(view_trace, (7, 7))
    profile = [1, 1, 2, 1, 2, 1, 1]  # windows start at 0, 1, 2 and read +0, +2, +4
    assert counts.tolist() == np.outer(profile, profile).tolist()
    assert counts.sum() == 9 * 9
    assert figs.products_text(view_trace, np.ones((3, 3)), 2, 2, limit=3) == (
        "17·1 + 19·1 + … = 297"
    )
    short = figs.products_text(view_trace, np.ones((3, 3)), 2, 2, max_chars=30)
    assert short == "17·1 + 19·1 + 21·1 + … = 297" and len(short) <= 30


def test_kernel_larger_than_padded_input_is_a_conv_value_error():
    with pytest.raises(ConvValueError):
        _window(x=np.ones((3, 3)), input_size=3, kernel_size=3, dilation=2)


def test_window_chart_stays_small_at_the_largest_settings():
    largest = 0
    size = PARAM_SPECS["input_size"].max_value
    pad = PARAM_SPECS["padding"].max_value
    x = np.arange(size * size, dtype=float).reshape(size, size)
    for k in (1, 2, 3, 7):
        view = _window(x=x, input_size=size, kernel_size=k, padding=pad, dilation=1)
        largest = max(largest, _json_size(view["figure"]))
    assert largest < MB


# -- exports ------------------------------------------------------------------------------------
def test_exports_of_the_window():
    assert files.window_png(ARANGE_7, "ones", 4, lang="en", **LAYER).startswith(b"\x89PNG")
    assert files.window_gif(ARANGE_7, "ones", lang="zh", **LAYER).startswith(b"GIF8")
    assert r"\frac{7 + 2\cdot0 - 2\cdot(3-1) - 1}{1}" in files.size_formula_tex(**DEFAULT)
    csv = files.output_csv(ARANGE_7, "ones", **LAYER)
    assert csv.strip().splitlines()[0].split(",") == ["153", "162", "171"]
    assert files.file_stem(**DEFAULT) == "dilated_i7_k3_s1_p0_d2"


# -- section 6: the code -----------------------------------------------------------------------
def _run_with_torch(code: str) -> tuple[list[str], list[str]]:
    """Run ``code`` with PyTorch; its printed lines and the ``# …`` results its prints claim."""
    pytest.importorskip("torch")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})  # the page's own snippet, built from numbers only
    claims = [
        line.split("  # ", 1)[1]
        for line in code.splitlines()
        if line.startswith("print(") and "  # " in line
    ]
    return out.getvalue().splitlines(), claims


@pytest.mark.parametrize(
    ("layers", "mode"),
    [
        ((Layer(2, 1, 1), Layer(4, 1, 1)), "stack"),  # even k: padding cannot keep the size
        ((Layer(3, 2, 1), Layer(3, 1, 2)), "stack"),
        ((Layer(2, 4, 1),) * 4, "stack"),  # 64 → 16 → 4 → 1, then nothing left
        ((Layer(3, 1, 1), Layer(2, 1, 2), Layer(4, 1, 3)), "parallel"),  # k̂ = 3, 3, 10
        ((Layer(3, 1, 1), Layer(3, 2, 6)), "parallel"),  # stride 2: 64 and 32
        (stack_preset("aspp").layers, "parallel"),
    ],
)
def test_stack_and_branch_code_runs_and_prints_what_it_claims(layers, mode):
    code = pycode.code_view(None, "ones", layers, mode, lang="en", **DEFAULT)
    printed, claims = _run_with_torch(code)
    assert claims and printed[-len(claims) :] == claims  # the claimed prints come last
    assert "padding keeps the size" not in code


def test_stack_code_says_when_padding_keeps_the_size():
    even = pycode.code_view(
        None, "ones", (Layer(2, 1, 1), Layer(4, 1, 1)), "stack", lang="zh", **DEFAULT
    )
    assert "print(y.shape)  # torch.Size([1, 64, 62, 62])" in even  # 64 → 63 → 62
    assert "只有在步长为 1 且 d(k − 1) 为偶数时才保持尺寸不变" in even
    empty = pycode.code_view(None, "ones", (Layer(2, 4, 1),) * 4, "stack", lang="en", **DEFAULT)
    assert "y = stack(" not in empty and "so it is not run" in empty
    branches = pycode.code_view(
        None, "ones", (Layer(3, 1, 1), Layer(3, 2, 6)), "parallel", lang="en", **DEFAULT
    )
    assert "torch.cat" not in branches.split("print(")[-1].split("\n")[0]
    assert "# [(64, 64), (32, 32)]" in branches


def test_pytorch_code_matches_the_settings():
    layers = stack_preset("hdc").layers
    code = pycode.code_view(ARANGE_7, "ones", layers, "stack", lang="en", **DEFAULT)
    assert "nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0, dilation=2, bias=False)" in code
    assert "    [1, 2, 3, 4, 5, 6, 7],\n" in code
    assert "# torch.Size([1, 1, 3, 3])" in code
    assert "kernel_size=3, stride=1, padding=5, dilation=5)" in code
    compile(code, "<dilated>", "exec")
    aspp = pycode.code_view(
        None, "ones", stack_preset("aspp").layers, "parallel", lang="zh", **DEFAULT
    )
    assert "x = torch.randn(1, 1, 7, 7)" in aspp
    assert "padding=18, dilation=18)," in aspp and "torch.cat(" in aspp
    assert "# “堆叠与感受野”页签中的并行分支" in aspp
    too_big = pycode.code_view(
        None, "ones", None, "stack", lang="en", **{**DEFAULT, "input_size": 2}
    )
    assert "torch.Size" not in too_big and "nn.Sequential" not in too_big
    compile(too_big, "<dilated>", "exec")


# -- section 3: receptive fields of stacks ------------------------------------------------------
def test_stack_rows_follow_the_formula():
    layers = (Layer(3, 2, 1), Layer(3, 1, 2), Layer(3, 1, 1))
    rows = rf.stack_rows(field_steps([tuple(layer) for layer in layers]), lang="en")
    assert [r["∏ s before"] for r in rows] == [1, 2, 2]
    assert [r["how"] for r in rows] == [
        "r₁ = 1 + (3 − 1)·1 = 3",
        "r₂ = 3 + (5 − 1)·2 = 11",
        "r₃ = 11 + (3 − 1)·2 = 15",
    ]
    assert rf.field_origin(layers) == 1 + 2 * 2 + 1 * 2


@pytest.mark.parametrize(
    ("preset", "field", "holes", "verdict"),
    [("exponential", 15, 0, "hdc_ok"), ("gridding", 13, 120, "hdc_bad"), ("hdc", 17, 0, "hdc_ok")],
)
def test_stack_view_fields_holes_and_hdc(preset, field, holes, verdict):
    view = stack.stack_view(stack_preset(preset).layers, "stack", "en")
    assert view["field"] == field and view["holes"] == holes
    assert [r["field r"] for r in view["table"]][-1] == field
    assert f"**{field}×{field}**" in view["texts"][1]
    if verdict == "hdc_bad":
        assert view["verdicts"][0].startswith("**Gridding:** 120 of the 169 pixels")
        assert "share the factor 2, so every input offset" in view["verdicts"][1]
        assert "times the strides" not in view["verdicts"][1]
    else:
        assert view["verdicts"][0].startswith(f"Every one of the {field * field} pixels")
        assert "gcd = 1" in view["verdicts"][1]
    assert "$M_2 = 2 \\le K = 3$: the design goal is met" in view["verdicts"][3]
    assert len(view["verdicts"]) == 4


def test_hdc_chain_is_shown_and_1_2_9_fails():
    # gcd 1 alone passed 1, 2, 9; Wang et al.'s chain gives M_2 = 5 > K = 3
    view = stack.stack_view((Layer(3, 1, 1), Layer(3, 1, 2), Layer(3, 1, 9)), "stack", "en")
    chain = view["verdicts"][2]
    assert "$M_{3} = r_{3} = 9$" in chain
    assert "$M_{2} = \\max[9 - 2\\cdot 2,\\ 9 - 2(9 - 2),\\ 2] = \\max[5, -5, 2] = 5$" in chain
    assert view["verdicts"][3].startswith("$M_2 = 5 > K = 3$: the design goal is missed")
    zh = stack.stack_view((Layer(3, 1, 1), Layer(3, 1, 2), Layer(3, 1, 9)), "stack", "zh")
    assert zh["verdicts"][3].startswith("$M_2 = 5 > K = 3$：未满足设计目标")


def test_one_by_one_layer_does_not_flip_the_hdc_verdict():
    gridding = (Layer(3, 1, 2), Layer(1, 1, 1), Layer(3, 1, 2), Layer(3, 1, 2))
    view = stack.stack_view(gridding, "stack", "en")
    assert "the rates 2, 2, 2 of the layers with k > 1 share the factor 2" in view["verdicts"][1]
    hdc = (Layer(3, 1, 1), Layer(3, 1, 2), Layer(1, 1, 4), Layer(3, 1, 5))
    view = stack.stack_view(hdc, "stack", "zh")
    assert "膨胀率 1, 2, 5 没有大于 1 的公因数" in view["verdicts"][1]
    assert view["verdicts"][3].startswith("$M_2 = 2 \\le K = 3$")
    only = stack.stack_view((Layer(1, 1, 3),), "stack", "en")
    assert only["verdicts"][-1] == translate("dilated.stack.hdc_no_spread", "en")


def test_the_heatmap_has_the_last_word_on_holes():
    # 2, 3 meets both rules yet leaves holes; 3, 3, 1 misses the goal yet has none
    view = stack.stack_view((Layer(3, 1, 2), Layer(3, 1, 3)), "stack", "en")
    assert view["holes"] > 0
    assert view["verdicts"][-1] == translate("dilated.stack.hdc_not_enough", "en")
    view = stack.stack_view((Layer(3, 1, 3), Layer(3, 1, 3), Layer(3, 1, 1)), "stack", "zh")
    assert view["holes"] == 0
    assert view["verdicts"][-1] == translate("dilated.stack.hdc_goal_missed_no_holes", "zh")


def test_rule_2_says_when_it_does_not_apply():
    mixed = stack.stack_view((Layer(3, 1, 1), Layer(5, 1, 2)), "stack", "en")
    assert mixed["verdicts"][-1] == translate("dilated.stack.hdc_mixed_k", "en")
    strided = stack.stack_view((Layer(3, 2, 1), Layer(3, 1, 2)), "stack", "en")
    assert translate("dilated.stack.hdc_strided", "en") in strided["verdicts"]
    single = stack.stack_view((Layer(3, 1, 2),), "stack", "zh")
    assert single["verdicts"][-1] == translate("dilated.stack.hdc_one_layer", "zh")


def test_gridding_heatmap_marks_holes():
    fig = go.Figure(stack.stack_view(stack_preset("gridding").layers, "stack", "en")["figure"])
    crosses = fig.data[-1]
    rows, cols = _arr(crosses.y), _arr(crosses.x)
    assert crosses.marker.symbol == "x-thin" and len(rows) == 120
    assert not np.any((rows % 2 == 0) & (cols % 2 == 0))  # holes: an odd row or column
    assert fig.layout.shapes[0].x0 == 5.5  # the output pixel, centre of the 13×13 field


def test_parallel_branches_have_their_own_fields():
    view = stack.stack_view(stack_preset("aspp").layers, "parallel", "en")
    assert [r["field r"] for r in view["table"]] == [3, 13, 25, 37]
    assert [r["how"] for r in view["table"]][-1] == "k̂ = 18·(3 − 1) + 1 = 37"
    fig = go.Figure(view["figure"])
    centre_counts = _arr(fig.data[0].z)[18, 18]
    assert centre_counts == 4  # every branch reads the centre pixel
    assert len(fig.layout.shapes) == 4
    assert [a.text for a in fig.layout.annotations][-1] == "d = 18: 37×37"


def test_fields_too_large_to_draw_are_not_drawn():
    view = stack.stack_view((Layer(7, 1, 32), Layer(7, 1, 32)), "stack", "en")
    assert view["field"] == 385 and view["figure"] is None and view["limit"] == 65
    assert view["holes"] == 385**2 - 13**2  # offsets reached: 0, 32, …, 384 on each axis
    wide = stack.stack_view((Layer(7, 4, 32),) * 3, "stack", "en")
    assert wide["field"] == 1 + 192 + 768 + 3072
    assert wide["holes"] is None  # too wide to count; only the HDC rules are stated
    assert "share the factor 32" in wide["verdicts"][0]
    assert wide["verdicts"][-1] == translate("dilated.stack.hdc_strided", "en")


def test_largest_drawn_heatmap_is_under_a_megabyte():
    layers = (
        Layer(3, 1, 1),
        Layer(3, 1, 2),
        Layer(3, 1, 4),
        Layer(3, 1, 8),
        Layer(3, 1, 16),
        Layer(2, 1, 1),
        Layer(2, 1, 1),
    )
    view = stack.stack_view(layers, "stack", "en")
    assert view["field"] == 65
    assert _json_size(view["figure"]) < MB
    branches = stack.stack_view((Layer(3, 1, 32), Layer(3, 1, 1)), "parallel", "en")
    assert _json_size(branches["figure"]) < MB


def test_stack_exports():
    layers = stack_preset("gridding").layers
    assert files.stack_png(layers, lang="zh").startswith(b"\x89PNG")
    lines = files.stack_csv(layers).strip().splitlines()
    assert len(lines) == 13 and lines[0].split(",")[:3] == ["1", "0", "3"]


def test_layers_table_for_the_editor():
    table = stack.layers_table(stack_preset("hdc").layers)
    assert list(table.columns) == ["kernel_size", "stride", "dilation"]
    assert table["dilation"].tolist() == [1, 2, 5]


# -- section 4: WaveNet --------------------------------------------------------------------------
@pytest.mark.parametrize(("layers", "field"), [(1, 2), (4, 16), (7, 128)])
def test_wavenet_field_doubles(layers, field):
    view = views.wavenet_view(layers, "en")
    assert view["field"] == field
    assert f"= **{field}** time steps, with {layers} layers" in view["text"]
    assert f"would need {field - 1} layers" in view["text"]
    fig = go.Figure(view["figure"])
    reach, other = fig.data[-2], fig.data[-1]
    assert np.count_nonzero(_arr(reach.y) == 0) == field  # input nodes inside the field
    assert len(_arr(reach.x)) + len(_arr(other.x)) == (layers + 1) * (
        field + views.WAVENET_EXTRA_STEPS
    )
    assert _json_size(view["figure"]) < MB


def test_wavenet_text_lists_the_rates():
    assert "1 + 1·1 + 1·2 + 1·4 + 1·8 = **16**" in views.wavenet_view(4, "zh")["text"]


# -- section 5: alternatives ----------------------------------------------------------------------
def test_comparison_for_the_default_stack():
    rows = compare.comparison(stack_preset("exponential").layers, "stack")
    assert [(r["way"], r["layers"], r["params"], r["output"], r["field"]) for r in rows] == [
        ("dilated", 3, 27, 64, 15),
        ("big_kernel", 1, 225, 64, 15),
        ("plain", 7, 63, 64, 15),
        ("strided", 3, 27, 8, 15),
    ]


def test_comparison_for_aspp_uses_the_largest_branch():
    rows = compare.comparison(stack_preset("aspp").layers, "parallel")
    assert [(r["layers"], r["params"], r["output"], r["field"]) for r in rows] == [
        (1, 9, 64, 37),
        (1, 1369, 64, 37),
        (18, 162, 64, 37),
        (5, 45, 2, 63),
    ]
    view = views.comparison_view(stack_preset("aspp").layers, "parallel", "zh")
    assert view["table"][0]["做法"] == "你最宽的分支（d = 18）"
    assert view["table"][1]["做法"] == "一个 37×37 卷积核"
    assert "**37×37** 感受野（即上面最宽分支的感受野）" in view["intro"]


@pytest.mark.parametrize(
    ("layers", "output", "cause"),
    [
        ((Layer(3, 2, 1), Layer(3, 1, 2)), 32, "stride"),
        ((Layer(2, 1, 1), Layer(3, 1, 2)), 63, "even"),
        ((Layer(2, 2, 1), Layer(3, 1, 2)), 32, "both"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_comparison_note_states_the_resolution_the_table_shows(layers, output, cause, lang):
    view = views.comparison_view(layers, "stack", lang)
    assert view["rows"][0]["output"] == output
    assert view["note"] == translate(
        "dilated.compare.note_smaller",
        lang,
        out=output,
        size=64,
        cause=translate(f"dilated.compare.cause_{cause}", lang),
    )
    assert "64×64 resolution" not in view["note"] and "完整的 64×64。" not in view["note"]
    kept = views.comparison_view(stack_preset("hdc").layers, "stack", lang)
    assert kept["note"] == translate("dilated.compare.note", lang, size=64)


def test_comparison_of_a_stack_that_runs_out_of_rows_raises():
    with pytest.raises(ConvValueError):
        views.comparison_view((Layer(2, 4, 1),) * 4, "stack", "en")


@given(
    st.lists(
        st.builds(Layer, st.integers(1, 5), st.integers(1, 2), st.integers(1, 6)),
        min_size=1,
        max_size=4,
    )
)
def test_every_alternative_reaches_the_target_field(layers):
    rows = compare.comparison(tuple(layers), "stack")
    target = rows[0]["field"]
    assert all(row["field"] >= target for row in rows)
    assert rows[1]["params"] == target**2
    assert rows[3]["output"] <= rows[2]["output"] == compare.COMPARE_SIZE


@given(
    st.lists(
        st.builds(Layer, st.integers(1, 4), st.integers(1, 3), st.integers(1, 4)),
        min_size=1,
        max_size=3,
    )
)
def test_path_counts_count_every_chain_of_taps(layers):
    counts = stack._engine_path_counts(tuple(layers))
    field = receptive_field([tuple(layer) for layer in layers])[-1]
    assert counts.shape == (field, field)
    assert counts.sum() == np.prod([layer.kernel_size**2 for layer in layers])
    origin = rf.field_origin(layers)
    assert 0 <= origin < field


def test_limits_cover_the_presets_and_wavenet():
    assert LIMITS["dilation"][1] >= 18
    assert PARAM_SPECS["wavenet_layers"].max_value == 7
    json.dumps(branch_rows(stack_preset("aspp").layers, lang="en"))
    assert CellKind.OUTSIDE != CellKind.REAL


@given(
    size=st.integers(5, 12),
    k=st.integers(1, 4),
    d=st.integers(1, 3),
    s=st.integers(1, 3),
    seed=st.integers(0, 10_000),
)
def test_window_layout_agrees_with_the_engine(size, k, d, s, seed):
    if d * (k - 1) + 1 > size:
        return
    rng = np.random.default_rng(seed)
    x = rng.integers(-3, 4, size=(size, size)).astype(float)
    w = rng.integers(-3, 4, size=(k, k)).astype(float)
    # The spread-out kernel at dilation 1 is the dilated convolution.
    spread = kernels.spread_kernel(w, d)
    dilated = conv2d(x[None], w[None, None], stride=s, dilation=d)[0]
    assert np.array_equal(conv2d(x[None], spread[None, None], stride=s)[0], dilated)
    # The taps the figure outlines are exactly the ones whose products make the engine's sum.
    trace = sliding_trace(x, w, stride=s, dilation=d)
    assert np.allclose(trace.products.sum(axis=(2, 3)), trace.sums)
    assert trace.rows.max() < size and trace.cols.max() < size


def test_code_note_follows_the_input_the_code_uses():
    assert pycode.code_note(ARANGE_7) == "dilated.code.note"
    code = pycode.code_view(None, "ones", None, "stack", lang="en", **DEFAULT)
    assert "torch.randn(1, 1, 7, 7)" in code  # no input values: random numbers, shapes only
    assert pycode.code_note(None) == "dilated.code.note_random"
