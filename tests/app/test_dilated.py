"""The dilated page through AppTest: every control, the layer table and its link, presets,
invalid settings explained, in both languages."""

from __future__ import annotations

import json

import pytest

from convviz.i18n import translate
from tests.app.conftest import code_blocks, kept_widths, open_app

PAGE = "pages/dilated.py"
TABS = ("window", "stacks", "wavenet", "code")
EDITOR = "layer_editor_0"  # the layer table's key until a preset restarts it


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [e.value for e in at.error]
    return "\n".join(parts)


def _table(at, column: str) -> list:
    """A column of the first table (the receptive-field table; an HTML table that wraps)."""
    return at.table[0].value[column].tolist()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_render_every_tab_with_numbers(lang):
    at = open_app(lang, PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == translate("page.dilated", lang)
    assert [t.label for t in at.tabs] == [translate(f"dilated.tab.{code}", lang) for code in TABS]
    text = _text(at)
    assert translate("dilated.kernel.size", lang, d=2, k=3, k_hat=5) in text
    assert "**9**" in text
    assert "⌊2 / 1⌋ + 1 = **3**" in text
    assert "y[0, 0] = 1·1 + 3·1 + 5·1 + 15·1 + 17·1 + 19·1 + 29·1 + 31·1 + 33·1 = 153" in [
        c.value for c in code_blocks(at)
    ]
    assert len(at.get("plotly_chart")) == 2  # the window and the kernel: one tab runs
    assert [b.proto.label for b in at.get("download_button")] == ["PNG", "GIF", "LaTeX", "CSV"]

    stacks = open_app(lang, PAGE, view="stacks")
    assert not stacks.exception and not stacks.error
    text = _text(stacks)
    assert translate("dilated.stack.result", lang, layers=3, rf=15, params=27) in text
    assert translate("dilated.stack.no_holes", lang, total=225, rf=15) in text
    assert "**15×15**" in text  # comparison
    assert len(stacks.get("plotly_chart")) == 2
    assert stacks.data_editor[0].value["dilation"].tolist() == [1, 2, 4]
    assert [b.proto.label for b in stacks.get("download_button")] == ["PNG", "CSV"]

    wavenet = open_app(lang, PAGE, view="wavenet")
    assert "**16**" in _text(wavenet)  # 4 layers
    assert len(wavenet.get("plotly_chart")) == 1

    code = _torch_code(open_app(lang, PAGE, view="code"))
    assert "nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0, dilation=2, bias=False)" in code


def _torch_code(at) -> str:
    return next(c.value for c in code_blocks(at) if "import torch" in c.value)


def _open_tab(at, code: str, lang: str):
    """``at`` with tab ``code`` opened by hand (as a click on it does)."""
    at.session_state["dilated_tab"] = translate(f"dilated.tab.{code}", lang)
    return at.run()


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("input_size", 9, "⌊(9 + 2·0 − 2·(3 − 1) − 1) / 1⌋ + 1 = ⌊4 / 1⌋ + 1 = **5**"),
        ("kernel_size", 2, "⌊(7 + 2·0 − 2·(2 − 1) − 1) / 1⌋ + 1 = ⌊4 / 1⌋ + 1 = **5**"),
        ("stride", 2, "⌊(7 + 2·0 − 2·(3 − 1) − 1) / 2⌋ + 1 = ⌊2 / 2⌋ + 1 = **2**"),
        ("padding", 2, "⌊(7 + 2·2 − 2·(3 − 1) − 1) / 1⌋ + 1 = ⌊6 / 1⌋ + 1 = **7**"),
        ("dilation", 3, "⌊(7 + 2·0 − 3·(3 − 1) − 1) / 1⌋ + 1 = ⌊0 / 1⌋ + 1 = **1**"),
    ],
)
def test_each_slider_updates_the_formula(key, value, expected):
    at = open_app("en", PAGE)
    at.slider(key=key).set_value(value).run()
    assert not at.exception and not at.error
    assert expected in _text(at)


def test_sliders_are_read_from_the_link():
    at = open_app("zh", PAGE, stride="2", padding="1", dilation="3", wavenet_layers="2")
    assert [at.slider(key=k).value for k in ("stride", "padding", "dilation")] == [2, 1, 3]
    assert "⌊(7 + 2·1 − 3·(3 − 1) − 1) / 2⌋ + 1 = ⌊2 / 2⌋ + 1 = **2**" in _text(at)
    at = open_app("zh", PAGE, wavenet_layers="2", view="wavenet")
    assert at.slider(key="wavenet_layers").value == 2


def test_kernel_values_and_input_values_change_the_sums():
    at = open_app("en", PAGE)
    at.radio(key="kernel_fill").set_value("arange").run()
    codes = [c.value for c in code_blocks(at)]
    assert "y[0, 0] = 1·1 + 3·2 + 5·3 + 15·4 + 17·5 + 19·6 + 29·7 + 31·8 + 33·9 = 1029" in codes
    at.radio(key="kernel_fill").set_value("signs").run()
    assert any("3·(-1)" in c.value for c in code_blocks(at))
    at.selectbox(key="input_values").set_value("ones").run()
    assert any(c.value.endswith("= -1") or c.value.endswith("= 1") for c in code_blocks(at))
    assert at.query_params["kernel_fill"] == "signs"


def test_typed_input_values_are_checked():
    at = open_app("zh", PAGE)
    at.selectbox(key="input_values").set_value("custom").run()
    at.text_area(key="input_values_text").set_value("1 2 x").run()
    assert not at.exception
    assert "“x”不是数字" in _text(at)
    assert translate("dilated.kernel.header", "zh") in [h.value for h in at.header]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_kernel_larger_than_padded_input_is_explained(lang):
    at = open_app(lang, PAGE, input_size="3")
    assert not at.exception
    expected = translate(
        "error.kernel_too_large",
        lang,
        k_eff=5,
        kernel_size=3,
        dilation=2,
        size=3,
        padding=0,
        padded=3,
    )
    assert [e.value for e in at.error] == [expected]  # the window section explains it
    assert translate("dilated.kernel.header", lang) in [h.value for h in at.header]
    code = _torch_code(open_app(lang, PAGE, input_size="3", view="code"))
    assert "torch.Size([1, 1," not in code  # no shape claimed for the sidebar's layer
    fix = at.button(key="window_error_fix")
    assert fix.label == translate("common.use_suggestion", lang, setting="padding = 1")
    fix.click().run()
    assert at.slider(key="padding").value == 1 and not at.error
    assert "⌊(3 + 2·1 − 2·(3 − 1) − 1) / 1⌋ + 1 = ⌊0 / 1⌋ + 1 = **1**" in _text(at)


def test_sidebar_preset_sets_the_layer_and_names_it():
    at = open_app("en", PAGE)
    at.selectbox(key="preset_dilated").set_value("stride_equals_dilation").run()
    assert at.slider(key="stride").value == 2 and at.slider(key="input_size").value == 9
    text = _text(at)
    assert "56 of the 81 input cells are never read" in text
    title = translate("preset.dilated.stride_equals_dilation", "en")
    assert translate("common.preset_match", "en", name=title) in text


def test_pinned_cell_shows_its_products():
    at = open_app("en", PAGE)
    at.session_state["dilated_pin"] = (1, 2)
    at.run()
    assert "**Pinned: y[1, 2]** reads the padded input at rows 1, 3, 5 and columns 2, 4, 6:" in (
        _text(at)
    )
    assert any(c.value.endswith("= 234") for c in code_blocks(at))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stack_presets_gridding_hdc_and_aspp(lang):
    at = open_app(lang, PAGE, view="stacks")
    at.selectbox(key="preset_dilated_stack").set_value("gridding").run()
    text = _text(at)
    assert translate("dilated.stack.holes", lang, holes=120, total=169, rf=13) in text
    assert translate("dilated.stack.hdc_bad", lang, rates="2, 2, 2", gcd=2) in text
    assert at.query_params["layers"] == "3-1-2,3-1-2,3-1-2"
    assert at.data_editor[0].value["dilation"].tolist() == [2, 2, 2]
    at.selectbox(key="preset_dilated_stack").set_value("hdc").run()
    text = _text(at)
    assert translate("dilated.stack.no_holes", lang, total=289, rf=17) in text
    assert translate("dilated.stack.hdc_ok", lang, rates="1, 2, 5") in text
    assert translate("dilated.stack.hdc_goal_ok", lang, m2=2, k=3) in text
    at.selectbox(key="preset_dilated_stack").set_value("aspp").run()
    assert at.radio(key="stack_mode").value == "parallel"
    assert at.query_params["stack_mode"] == "parallel"
    col = translate("dilated.stack.col_rf", lang)
    assert _table(at, col) == [3, 13, 25, 37]
    assert translate("dilated.stack.parallel_intro", lang) in _text(at)


def test_reloading_a_preset_restarts_the_edited_table():
    at = open_app("en", PAGE, view="stacks")
    at.session_state[EDITOR] = {
        "edited_rows": {0: {"dilation": 3}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert at.query_params["layers"] == "3-1-3,3-1-2,3-1-4"
    at.selectbox(key="preset_dilated_stack").set_value("exponential").run()
    assert at.data_editor[0].value["dilation"].tolist() == [1, 2, 4]
    assert "layers" not in at.query_params  # back to the default stack
    assert _table(at, "field r") == [3, 7, 15]


def test_editing_the_table_updates_the_field_and_the_link():
    at = open_app("en", PAGE, view="stacks")
    at.session_state[EDITOR] = {
        "edited_rows": {2: {"dilation": 8}},
        "added_rows": [{"kernel_size": 3, "stride": 2, "dilation": 1}],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception and not at.error
    assert _table(at, "field r") == [3, 7, 23, 25]
    assert _table(at, "how")[-1] == "r₄ = 23 + (3 − 1)·1 = 25"
    assert at.query_params["layers"] == "3-1-1,3-1-2,3-1-8,3-2-1"
    assert "**25×25**" in _text(at)  # the comparison follows the stack


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bad_rows_are_explained_and_nothing_is_drawn(lang):
    at = open_app(lang, PAGE, view="stacks")
    at.session_state[EDITOR] = {
        "edited_rows": {1: {"stride": None}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert translate("error.stack_value_missing", lang, row=2, column="stride") in errors
    assert translate("dilated.stack.invalid", lang) in _text(at)
    assert not at.get("plotly_chart")  # no field, no comparison
    at.session_state[EDITOR] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [0, 1, 2]}
    at.run()
    assert translate("error.stack_empty", lang) in [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_layers_link_reproduces_a_stack(lang):
    at = open_app(lang, PAGE, layers="3-1-1,3-1-5,3-1-9", stack_mode="stack", view="stacks")
    assert not at.exception
    assert at.data_editor[0].value["dilation"].tolist() == [1, 5, 9]
    text = _text(at)
    assert translate("dilated.stack.hdc_goal_bad", lang, m2=5, k=3) in text  # M_3 = 9, M_2 = 5
    assert _table(at, translate("dilated.stack.col_rf", lang)) == [3, 13, 31]


@pytest.mark.parametrize(
    ("value", "code", "fields"),
    [
        ("3-1-1;rm -rf", "stack_param_malformed", {"text": "3-1-1;rm-rf"}),
        (
            "3-1-99",
            "stack_value_out_of_range",
            {"row": 1, "column": "dilation", "value": 99, "low": 1, "high": 32},
        ),
        (",".join(["3-1-1"] * 9), "stack_too_many_layers", {"count": 9, "limit": 8}),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_malformed_layers_link_is_explained_and_the_default_shown(lang, value, code, fields):
    at = open_app(lang, PAGE, layers=value, view="stacks")
    assert not at.exception
    reason = translate(f"error.{code}", lang, **fields)
    assert translate("dilated.stack.link_error", lang, reason=reason) in [i.value for i in at.info]
    assert at.data_editor[0].value["dilation"].tolist() == [1, 2, 4]
    assert "layers" not in at.query_params


def test_wavenet_slider_doubles_the_field():
    at = open_app("en", PAGE, view="wavenet")
    at.slider(key="wavenet_layers").set_value(6).run()
    assert "1 + 1·1 + 1·2 + 1·4 + 1·8 + 1·16 + 1·32 = **64** time steps" in _text(at)


def test_stack_mode_radio_switches_to_branches():
    at = open_app("zh", PAGE, view="stacks")
    at.radio(key="stack_mode").set_value("parallel").run()
    assert translate("dilated.stack.parallel_intro", "zh") in _text(at)
    assert _table(at, translate("dilated.stack.col_rf", "zh")) == [3, 5, 9]
    assert "nn.ModuleList" in _torch_code(_open_tab(at, "code", "zh"))  # read from the link


def test_field_too_large_to_draw_is_said():
    at = open_app("en", PAGE, layers="7-1-32,7-1-32", view="stacks")
    assert translate("dilated.stack.too_large", "en", rf=385, limit=65) in _text(at)
    assert not at.exception


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_floor_leftovers_and_the_resolution_kept_are_told_truly(lang):
    link = {"input_size": 8, "kernel_size": 3, "stride": 2, "padding": 0, "dilation": 1}
    text = _text(open_app(lang, PAGE, **link))
    never = translate(
        "dilated.window.never_read_floor", lang, count=15, total=64, floor=15, s=2, d=1
    )
    assert never in text
    assert translate("dilated.window.never_read", lang, count=15, total=64, s=2, d=1) not in text
    text = _text(open_app(lang, PAGE, **link, layers="3-2-1,3-1-2", view="stacks"))
    assert translate("dilated.compare.note", lang, size=64) not in text
    cause = translate("dilated.compare.cause_stride", lang)
    assert translate("dilated.compare.note_smaller", lang, out=32, size=64, cause=cause) in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stack_too_deep_for_the_comparison_map_is_explained(lang):
    at = open_app(lang, PAGE, layers="2-4-1,2-4-1,2-4-1,2-4-1", view="stacks")
    assert at.data_editor[0].value["stride"].tolist() == [4, 4, 4, 4]
    assert translate("dilated.compare.too_small", lang, size=64) in _text(at)
    assert at.error  # the engine's rule, translated, where the comparison would be
    code = _torch_code(_open_tab(at, "code", lang))
    assert translate("dilated.code.stack_too_small", lang, size=64) in code


@pytest.mark.parametrize("lecture", [False, True])
def test_every_grid_chart_keeps_its_own_width_on_a_narrow_screen(lecture):
    # A phone draws a chart no wider than its container; held at its own width it scrolls
    # sideways instead, and its cell numbers keep the room the figure gave them.
    charts = {
        "window": {"dilated_window", "dilated_kernel_chart"},
        "stacks": {"dilated_stack_chart"},
    }
    for view, keys in charts.items():
        at = open_app("en", PAGE, view=view, **({"lecture": "1"} if lecture else {}))
        rules = kept_widths(at)
        assert keys <= set(rules)
        assert all(width > 0 for width in rules.values())
        # Streamlit gets the width as the element's; the browser sizes the drawing to it
        assert all(
            "width" not in json.loads(c.proto.spec)["layout"] for c in at.get("plotly_chart")
        )


def test_table_edits_survive_a_visit_to_another_tab():
    # Streamlit drops the state of a table not drawn in a run; the table starts again from
    # the link, where every valid edit went.
    at = open_app("en", PAGE, view="stacks")
    at.session_state[EDITOR] = {
        "edited_rows": {2: {"dilation": 8}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert at.query_params["layers"] == "3-1-1,3-1-2,3-1-8"
    _open_tab(at, "wavenet", "en")
    code = _torch_code(_open_tab(at, "code", "en"))
    assert "dilation=8" in code  # the code tab reads the stack from the link
    _open_tab(at, "stacks", "en")
    assert not at.exception and not at.error
    assert at.data_editor[0].value["dilation"].tolist() == [1, 2, 8]
    assert _table(at, "field r") == [3, 7, 23]
    assert at.query_params["layers"] == "3-1-1,3-1-2,3-1-8"
