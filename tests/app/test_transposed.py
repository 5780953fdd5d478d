"""The transposed page through AppTest: every control, every tab, presets, links and invalid
settings explained, in both languages, with the numbers the learner sees."""

from __future__ import annotations

import json

import numpy as np
import pytest

from convviz.controls.hover import COMPONENT as HOVER
from convviz.controls.hover import shared_parts
from convviz.controls.widgets import preset_title
from convviz.figures.common.panels import example_kernel
from convviz.figures.transposed import views
from convviz.i18n import translate
from tests.app.conftest import code_blocks, open_app
from tests.app.downloads import downloads, offered
from tests.app.test_predict_hides import _walk as walk

PAGE = "pages/transposed.py"
LANGS = ("en", "zh")
FORMULA = "o = (i − 1)·s − 2p + d·(k − 1) + a + 1 = "


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [e.value for e in at.error]
    parts += [s.value for s in at.success] + [h.value for h in at.subheader]
    return "\n".join(parts)


def _codes(at) -> list[str]:
    return [c.value for c in code_blocks(at)]


def _formula(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(FORMULA))


@pytest.mark.parametrize("lang", LANGS)
def test_defaults_show_the_formula_the_forward_conv_and_agreement(lang):
    at = open_app(lang, PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == translate("page.transposed", lang)
    assert _formula(at).endswith("(3 − 1)·2 − 2·1 + 1·(3 − 1) + 0 + 1 = **5**")
    text = _text(at)
    assert translate("transposed.size.forward", lang, k=3, s=2, p=1, dil="", o=5, i=3) in text
    assert "1995" in text and "427" in text  # conv(conv_transpose(x)) is not x
    assert at.success[0].value == translate("transposed.size.agree", lang, o=5, diff="0")
    terms = at.table[0].value  # a table whose text wraps, not a data grid that cuts it
    assert terms.iloc[:, 1].tolist() == [4, -2, 2, 0, 1]
    assert at.tabs[0].label == translate("transposed.tab.scatter", lang)
    assert translate("transposed.scatter.explain", lang, s=2, taps=9) in text
    assert translate("transposed.scatter.crop", lang, p=1) in text
    assert len(at.get("plotly_chart")) == 1  # scatter-add; the round trip waits in its expander
    assert [b.proto.label for b in at.get("download_button")] == ["PNG", "GIF"]


SLIDERS = [  # (key, value, default, the end of the formula line)
    ("input_size", 4, 3, "(4 − 1)·2 − 2·1 + 1·(3 − 1) + 0 + 1 = **7**"),
    ("kernel_size", 4, 3, "(3 − 1)·2 − 2·1 + 1·(4 − 1) + 0 + 1 = **6**"),
    ("stride", 3, 2, "(3 − 1)·3 − 2·1 + 1·(3 − 1) + 0 + 1 = **7**"),
    ("padding", 0, 1, "(3 − 1)·2 − 2·0 + 1·(3 − 1) + 0 + 1 = **7**"),
    ("output_padding", 1, 0, "(3 − 1)·2 − 2·1 + 1·(3 − 1) + 1 + 1 = **6**"),
    ("dilation", 2, 1, "(3 − 1)·2 − 2·1 + 2·(3 − 1) + 0 + 1 = **7**"),
]


@pytest.mark.parametrize("lang", LANGS)
def test_each_slider_updates_the_formula_and_the_three_ways_still_agree(lang):
    at = open_app(lang, PAGE)
    for key, value, default, expected in SLIDERS:
        at.slider(key=key).set_value(value).run()
        assert not at.exception and not at.error, key
        assert _formula(at).endswith(expected), key
        o = int(expected.split("**")[1])
        assert at.success[0].value == translate("transposed.size.agree", lang, o=o, diff="0")
        at.slider(key=key).set_value(default).run()


@pytest.mark.parametrize("lang", LANGS)
def test_output_padding_too_large_is_explained_with_the_nearest_value(lang):
    at = open_app(lang, PAGE)
    at.slider(key="output_padding").set_value(2).run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        translate("error.output_padding_too_large", lang, output_padding=2, stride=2, dilation=1)
    ]
    text = _text(at)
    assert translate("transposed.size.formula_invalid", lang, i=3, s=2, p=1, d=1, k=3, a=2) in (
        text
    )
    assert not at.tabs and not at.get("plotly_chart")  # the explanation replaces the figures
    fix = at.button(key="size_error_fix")
    assert fix.label == translate("common.use_suggestion", lang, setting="output_padding = 1")
    fix.click().run()
    assert at.slider(key="output_padding").value == 1 and not at.error
    assert _formula(at).endswith("+ 1 + 1 = **6**")


@pytest.mark.parametrize("lang", LANGS)
def test_padding_that_empties_the_output_is_explained(lang):
    at = open_app(lang, PAGE, padding="4")
    assert not at.exception
    expected = translate(
        "error.transpose_output_empty",
        lang,
        full=7,
        size=3,
        stride=2,
        kernel_size=3,
        dilation=1,
        output_padding=0,
        padding=4,
        cropped=8,
    )
    assert [e.value for e in at.error] == [expected]
    at.button(key="size_error_fix").click().run()
    assert at.slider(key="padding").value == 3
    assert _formula(at).endswith("(3 − 1)·2 − 2·3 + 1·(3 − 1) + 0 + 1 = **1**")


def test_round_trip_is_drawn_when_its_expander_opens():
    at = open_app("en", PAGE)
    at.session_state["transposed_round_trip_open"] = True
    at.run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 2


def test_output_padding_allowed_by_dilation_notes_the_larger_forward_size():
    at = open_app("en", PAGE, stride="1", padding="0", dilation="2", output_padding="1")
    assert not at.exception and not at.error
    assert _formula(at).endswith("= **8**")
    assert "maps 8×8 to 4×4, not 3×3" in _text(at)
    assert "(largest difference 0)" in at.success[0].value


@pytest.mark.parametrize("lang", LANGS)
def test_kernel_values_every_choice(lang):
    at = open_app(lang, PAGE)
    radio = at.radio(key="kernel_values")
    assert radio.value == "example"
    radio.set_value("ones").run()
    assert at.success[0].value == translate("transposed.size.agree", lang, o=5, diff="0")
    assert at.query_params["kernel_values"] == "ones"
    at.radio(key="kernel_values").set_value("random").run()
    assert at.slider(key="kernel_seed").value == 0
    assert translate("transposed.random_kernel_note", lang) in _text(at)
    at.slider(key="kernel_seed").set_value(7).run()
    assert not at.exception and not at.error
    at.radio(key="kernel_values").set_value("arange").run()
    assert not at.exception and not at.error
    at.radio(key="kernel_values").set_value("custom").run()
    assert at.text_area(key="kernel_values_text").value == "1 3 5\n2 4 6\n3 5 7"
    at.text_area(key="kernel_values_text").set_value("1 0 0 0 0 0 0 0 -1").run()
    assert not at.exception and not at.error
    at.text_area(key="kernel_values_text").set_value("1 2").run()
    assert not at.exception
    assert translate("error.custom_values_count", lang, expected=9, got=2, shape="3×3") in [
        e.value for e in at.error
    ]
    assert translate("transposed.values_error", lang) in _text(at)
    assert not at.tabs


@pytest.mark.parametrize("lang", LANGS)
def test_input_values_every_choice_and_typed_numbers(lang):
    at = open_app(lang, PAGE)
    at.selectbox(key="input_values").set_value("ones").run()
    assert "x[0,0] = 1" in _text(at)
    at.selectbox(key="input_values").set_value("random").run()
    at.slider(key="seed").set_value(3).run()
    assert not at.exception and not at.error
    at.selectbox(key="input_values").set_value("custom").run()
    at.text_area(key="input_values_text").set_value("1 2 3 4 5 6 7 8 x").run()
    assert translate("error.custom_values_not_number", lang, token="x") in _text(at)
    assert not at.tabs
    at.text_area(key="input_values_text").set_value("0 0 0 0 2 0 0 0 0").run()
    assert not at.error
    assert _formula(at).endswith("= **5**")


@pytest.mark.parametrize("lang", LANGS)
def test_preset_sets_every_slider_and_is_named(lang):
    at = open_app(lang, PAGE)
    at.selectbox(key="preset_transposed").set_value("dcgan_k4_s2_p1").run()
    values = [at.slider(key=k).value for k in ("input_size", "kernel_size", "stride", "padding")]
    assert values == [4, 4, 2, 1]
    assert _formula(at).endswith("(4 − 1)·2 − 2·1 + 1·(4 − 1) + 0 + 1 = **8**")
    name = preset_title("transposed", "dcgan_k4_s2_p1", lang)
    assert translate("common.preset_match", lang, name=name) in _text(at)
    at.selectbox(key="preset_transposed").set_value("round_trip_64_32_64").run()
    assert at.slider(key="output_padding").value == 1
    assert _formula(at).endswith("= **8**")


@pytest.mark.parametrize("lang", LANGS)
def test_direct_tab_steps_flip_and_pinned_sum(lang):
    at = open_app(lang, PAGE, view="direct")
    assert not at.exception
    text = _text(at)
    assert translate("transposed.direct.header", lang) in text
    pad = translate("transposed.direct.pad", lang, top=1, bottom=1, a_note="", cut_note="")
    assert translate("transposed.direct.steps", lang, zeros=1, pad=pad, d_note="") in text
    assert _codes(at)[0] == "y[0,0] = 0·7 + 0·5 + 0·3 + 0·6 + 1·4 + 0·2 + 0·5 + 0·3 + 0·1 = 4"
    assert translate("transposed.direct.waste", lang, zero=176, total=225, pct="78.2") in text
    at.session_state["transposed_direct_pin"] = (1, 2)
    at.run()
    assert _codes(at)[0] == "y[1,2] = 0·7 + 2·5 + 0·3 + 0·6 + 0·4 + 0·2 + 0·5 + 5·3 + 0·1 = 25"
    assert at.query_params["view"] == "direct"


def test_the_hover_view_gets_its_payload_as_json_text_written_once():
    at = open_app("zh", PAGE, view="direct")
    (node,) = [
        n
        for n in walk(at._tree)
        if getattr(n, "type", "") == "bidi_component" and n.proto.component_name == HOVER
    ]
    text = json.loads(node.proto.json)  # the component's data: one JSON string
    x = np.arange(1, 10, dtype=float).reshape(3, 3)
    kernel = example_kernel(3)
    hyper = {"stride": 2, "padding": 1, "output_padding": 0, "dilation": 1}
    view = views.direct_view(x, kernel, lang="zh", pin=(0, 0), **hyper)
    sent = json.loads(json.dumps(shared_parts(view["hover"])))  # captions from one table
    assert json.loads(text) == sent
    captions = [" + ".join(sent["parts"][i] for i in link["caption"]) for link in sent["links"]]
    assert captions == [link["caption"] for link in view["hover"]["links"]]
    memo = at.session_state["transposed_direct_hover_json"]
    at.run()  # a rerun sends the text kept for the same cached payload
    assert at.session_state["transposed_direct_hover_json"][1] is memo[1]


def test_direct_tab_when_padding_crops_the_zero_inserted_grid():
    at = open_app("en", PAGE, view="direct", kernel_size="1", padding="1", input_size="4")
    assert not at.exception and not at.error
    text = _text(at)
    assert "**d(k − 1) − p = -1** on the top / left and **d(k − 1) − p + a = -1**" in text
    assert translate("transposed.direct.cut_note", "en") in text
    assert "(largest difference 0)" in at.success[0].value


@pytest.mark.parametrize("lang", LANGS)
def test_matrix_tab_picks_a_row(lang):
    at = open_app(lang, PAGE, view="matrix")
    assert not at.exception
    text = _text(at)
    assert translate("transposed.matrix.explain", lang, o=5, n=3, o2=25, n2=9) in text
    assert (
        translate("transposed.matrix.density", lang, nnz=49, total=225, rows=9, taps=9, pct="21.8")
        in text
    )
    assert "y[0,0] = w₁₁·x[0,0] = 4·1 = 4" in _codes(at)
    at.session_state["transposed_q"] = 7
    at.run()
    assert "y[1,2] = w₂₁·x[0,1] + w₀₁·x[1,1] = 5·2 + 3·5 = 25" in _codes(at)
    assert translate("transposed.matrix.picked", lang, r=1, c=2, q=7) in _text(at)
    assert len(at.get("plotly_chart")) == 3  # Cᵀ·x = y, grids, C
    assert downloads(at)[-3:] == offered(lang, "png", "latex", "csv")


def test_matrix_tab_too_large_to_draw_says_so():
    at = open_app(
        "en",
        PAGE,
        view="matrix",
        input_size="8",
        kernel_size="7",
        stride="4",
        dilation="4",
        padding="0",
    )
    assert not at.exception and not at.error
    assert "it is drawn cell by cell up to 4096" in _text(at)
    assert "Cᵀ (2809×64 = 179776 entries) is too large for a PNG" in _text(at)
    assert downloads(at)[-1:] == offered("en", "csv")


@pytest.mark.parametrize("lang", LANGS)
def test_check_tab_shows_each_difference(lang):
    at = open_app(lang, PAGE, view="check")
    table = at.dataframe[0].value
    assert table.iloc[:, 2].tolist() == ["0", "0", "0"]
    assert table.iloc[:, 1].tolist() == ["5×5"] * 3
    assert at.metric[0].value == "0"
    assert at.metric[0].label == translate("transposed.check.metric", lang)
    assert [b.proto.label for b in at.get("download_button")] == ["PNG", "LaTeX", "CSV"]


@pytest.mark.parametrize("lang", LANGS)
def test_output_padding_tab_lists_sizes_and_computed_values(lang):
    at = open_app(lang, PAGE, view="output_padding", output_padding="1")
    assert not at.exception
    table = at.dataframe[0].value
    assert table.iloc[:, 0].tolist() == ["5×5", "6×6"]
    assert table.iloc[1, 2].endswith(translate("transposed.opad.current", lang))
    where = translate(
        "transposed.opad.where", lang, right="18, 51, 36, 87, 54", bottom="35, 73, 40, 83, 45, 63"
    )
    assert translate("transposed.opad.computed", lang, a=1, values=where) in _text(at)


def test_output_padding_tab_with_stride_one_and_rows_past_the_stamps():
    at = open_app("en", PAGE, view="output_padding", stride="1", padding="0")
    assert translate("transposed.opad.only_one", "en", s=1, n=5, a=0, i=3, d_note="") in _text(at)
    at = open_app("en", PAGE, view="output_padding", padding="0", output_padding="1")
    text = _text(at)
    assert translate("transposed.opad.beyond", "en", a=1, p=0, beyond=1) in text
    assert "not zero padding" not in text  # here they are 0: nothing reaches them
    at = open_app("en", PAGE, view="output_padding", stride="3", padding="1", output_padding="2")
    text = _text(at)
    assert translate("transposed.opad.beyond", "en", a=2, p=1, beyond=1) in text
    assert "not zero padding" in text  # one extra row under the stamps, one past them


@pytest.mark.parametrize("lang", LANGS)
def test_output_padding_tab_when_a_zero_would_leave_no_output(lang):
    # 1×1, k 2, s 2, p 1: o = a, so a = 1 is the only valid value; nothing to compare with
    at = open_app(
        lang, PAGE, view="output_padding", input_size="1", kernel_size="2", stride="2",
        padding="1", output_padding="1",
    )  # fmt: skip
    assert not at.exception and not at.error
    assert translate("transposed.opad.only_one", lang, s=2, n=1, a=1, i=1, d_note="") in _text(at)
    assert not at.get("plotly_chart")
    # 2×2, k 2, s 2, p 3, d 3: o = a; a = 1 and a = 2 are valid, a = 0 empties the output
    for a in ("1", "2"):
        at = open_app(
            lang, PAGE, view="output_padding", input_size="2", kernel_size="2", stride="2",
            padding="3", dilation="3", output_padding=a,
        )  # fmt: skip
        assert not at.exception and not at.error
        compare = translate("transposed.opad.compare", lang, o0=1, a0=1, a1=2)
        assert compare in _text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_checkerboard_tab_states_when_k_is_divisible_by_s(lang):
    at = open_app(lang, PAGE, view="checkerboard")
    text = _text(at)
    assert translate("transposed.checker.not_divisible", lang, k=3, s=2, counts="1, 2, 4") in text
    assert translate("transposed.checker.remedies", lang) in text
    at.slider(key="kernel_size").set_value(4).run()
    assert translate("transposed.checker.divisible", lang, k=4, s=2, count=4) in _text(at)
    at.slider(key="stride").set_value(1).run()
    assert translate("transposed.checker.stride_one", lang, count=16) in _text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_pytorch_tab_has_the_exact_tensors(lang):
    at = open_app(lang, PAGE, view="code", stride="3", output_padding="2")
    code = next(c for c in _codes(at) if "import torch" in c)
    assert (
        "nn.ConvTranspose2d(1, 1, kernel_size=3, stride=3, padding=1, output_padding=2, "
        "dilation=1, bias=False)" in code
    )
    assert "torch.Size([1, 1, 9, 9])" in code
    assert "[7, 8, 9]," in code and "[3, 5, 7]," in code
    assert translate("transposed.code.expected", lang) in code


def test_scatter_steps_on_the_server_when_too_large_to_animate():
    at = open_app(
        "zh", PAGE, input_size="8", kernel_size="7", stride="4", dilation="4", padding="0"
    )
    assert not at.exception and not at.error
    text = _text(at)
    assert translate("transposed.scatter.server_steps", "zh", steps=64, rows=53, cols=53) in text
    assert translate("transposed.numbers_hidden", "zh", rows=53, cols=53) in text
    at.slider(key="transposed_scatter_step").set_value(10).run()
    assert not at.exception


def test_switching_language_keeps_the_open_tab():
    at = open_app("en", PAGE, view="matrix")
    at.session_state["language"] = "zh"
    at.run()
    assert translate("transposed.matrix.header", "zh") in _text(at)
    assert at.query_params["view"] == "matrix"


@pytest.mark.parametrize("lang", LANGS)
def test_output_padding_tab_offers_the_figure_and_the_extra_rows(lang):
    at = open_app(lang, PAGE, view="output_padding")
    assert not at.exception
    assert downloads(at) == offered(lang, "png", "csv")
    at = open_app(lang, PAGE, view="output_padding", stride="1")
    assert not at.exception
    assert not at.get("plotly_chart") and not downloads(at)  # a can only be 0: nothing drawn


@pytest.mark.parametrize("lang", LANGS)
def test_checkerboard_tab_offers_the_counts(lang):
    at = open_app(lang, PAGE, view="checkerboard", kernel_size="4")
    assert not at.exception
    assert downloads(at) == offered(lang, "png", "csv")
