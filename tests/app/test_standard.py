"""The standard page through AppTest: every control, every tab, presets, the rectangular and
flip toggles, padding rules and modes, invalid settings explained, in both languages."""

from __future__ import annotations

import pytest

from convviz.controls.widgets import preset_title
from convviz.i18n import translate
from convviz.presets import presets_for
from tests.app.conftest import code_blocks, open_app
from tests.app.downloads import downloads, offered
from tests.app.paging import assert_pages_clamped

PAGE = "pages/standard.py"
LANGS = ["en", "zh"]
# y[0, 0] of the 5×5 input 1 … 25 under the 3×3 kernel 1 … 9 (and under its 180° rotation).
Y00 = "y[0, 0] = 1·1 + 2·2 + 3·3 + 6·4 + 7·5 + 8·6 + 11·7 + 12·8 + 13·9 = 411"
Y00_FLIPPED = "y[0, 0] = 1·9 + 2·8 + 3·7 + 6·6 + 7·5 + 8·4 + 11·3 + 12·2 + 13·1 = 219"


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [e.value for e in at.error]
    return "\n".join(parts)


def _codes(at) -> list[str]:
    return [c.value for c in code_blocks(at)]


def _ok(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("lang", LANGS)
def test_defaults_show_formula_window_and_downloads(lang):
    at = open_app(lang, PAGE)
    _ok(at)
    assert not at.error
    assert at.title[0].value == translate("page.standard", lang)
    text = _text(at)
    assert "⌊(5 + 2·0 − 3) / 1⌋ + 1 = ⌊2 / 1⌋ + 1 = **3**" in text
    assert translate("standard.size.exact", lang) in text
    assert [t.label for t in at.tabs] == [
        translate(f"standard.tab.{code}", lang)
        for code in ("window", "padding", "flip", "matrix", "channels", "code")
    ]
    assert Y00 in _codes(at)
    assert f"**{translate('common.hover_title', lang)}**" in text  # the hover view's heading
    assert len(at.get("plotly_chart")) == 1
    assert [b.proto.label for b in at.get("download_button")] == ["PNG", "GIF", "LaTeX", "CSV"]
    assert [s.key for s in at.slider] == ["input_size", "kernel_size", "stride", "padding"]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("input_size", 8, "⌊(8 + 2·0 − 3) / 1⌋ + 1 = ⌊5 / 1⌋ + 1 = **6**"),
        ("kernel_size", 5, "⌊(5 + 2·0 − 5) / 1⌋ + 1 = ⌊0 / 1⌋ + 1 = **1**"),
        ("stride", 2, "⌊(5 + 2·0 − 3) / 2⌋ + 1 = ⌊2 / 2⌋ + 1 = **2**"),
        ("padding", 2, "⌊(5 + 2·2 − 3) / 1⌋ + 1 = ⌊6 / 1⌋ + 1 = **7**"),
    ],
)
def test_each_size_slider_updates_the_formula(key, value, expected):
    at = open_app("en", PAGE)
    at.slider(key=key).set_value(value).run()
    _ok(at)
    assert expected in _text(at)


def test_floor_leftover_is_stated_and_link_restores_it():
    at = open_app("zh", PAGE, input_size="6", stride="2")
    _ok(at)
    text = _text(at)
    assert "⌊(6 + 2·0 − 3) / 2⌋ + 1 = ⌊3 / 2⌋ + 1 = **2**" in text
    assert translate("standard.size.leftover_h", "zh", count=1, padded="5", inputs="5") in text
    assert translate("standard.size.leftover_w", "zh", count=1, padded="5", inputs="5") in text
    assert translate("standard.size.never_read", "zh", count=11, total=36) in text


@pytest.mark.parametrize("lang", LANGS)
def test_rectangular_toggle_adds_width_sliders_and_a_formula_per_axis(lang):
    at = open_app(lang, PAGE)
    at.toggle(key="rectangular").set_value(True).run()
    _ok(at)
    assert [at.slider(key=f"{k}_w").value for k in ("input_size", "kernel_size")] == [5, 3]
    at.slider(key="input_size_w").set_value(7).run()
    at.slider(key="stride_w").set_value(2).run()
    _ok(at)
    text = _text(at)
    assert translate("standard.size.axis_h", lang) + "o = ⌊(i + 2p − k) / s⌋ + 1" in text
    assert "⌊(7 + 2·0 − 3) / 2⌋ + 1 = ⌊4 / 2⌋ + 1 = **3**" in text
    at.toggle(key="rectangular").set_value(False).run()
    _ok(at)
    assert "⌊(7 + 2·0" not in _text(at)


@pytest.mark.parametrize("preset", [p.name for p in presets_for("standard")])
def test_every_preset_loads_and_is_named(preset):
    at = open_app("en", PAGE)
    at.selectbox(key="preset_standard").set_value(preset).run()
    _ok(at)
    assert not at.error
    title = preset_title("standard", preset, "en")
    assert translate("common.preset_match", "en", name=title) in _text(at)


def test_rectangular_preset_turns_the_toggle_on():
    at = open_app("zh", PAGE)
    at.selectbox(key="preset_standard").set_value("rectangular").run()
    _ok(at)
    assert at.toggle(key="rectangular").value is True
    assert at.slider(key="kernel_size_w").value == 3 and at.slider(key="stride_w").value == 2
    text = _text(at)
    assert "⌊(5 + 2·0 − 2) / 1⌋ + 1 = ⌊3 / 1⌋ + 1 = **4**" in text
    assert "⌊(7 + 2·1 − 3) / 2⌋ + 1 = ⌊6 / 2⌋ + 1 = **4**" in text
    assert translate("standard.size.exact", "zh") in text


@pytest.mark.parametrize("lang", LANGS)
def test_padding_rules(lang):
    at = open_app(lang, PAGE)
    at.radio(key="padding_rule").set_value("valid").run()
    _ok(at)
    assert translate("standard.size.rule_valid", lang) in _text(at)
    at.radio(key="padding_rule").set_value("same_torch").run()
    _ok(at)
    assert "⌊(5 + 2·1 − 3) / 1⌋ + 1 = ⌊4 / 1⌋ + 1 = **5**" in _text(at)
    at.radio(key="padding_rule").set_value("same_tf").run()
    at.slider(key="stride").set_value(2).run()
    _ok(at)
    expected = translate(
        "standard.size.rule_tf", lang, i=5, s=2, o=3, k=3, total=2, before=1, after=1
    )
    assert expected in _text(at)
    assert at.query_params["padding_rule"] in ("same_tf", ["same_tf"])


@pytest.mark.parametrize("lang", LANGS)
def test_torch_same_with_stride_two_is_refused_with_a_fix(lang):
    at = open_app(lang, PAGE, stride="2")
    at.radio(key="padding_rule").set_value("same_torch").run()
    _ok(at)
    # 5×5, k = 3, s = 2: p = 3 per side keeps 5 (⌊(5 + 6 − 3) / 2⌋ + 1); TF gives ⌈5 / 2⌉ = 3
    expected = translate(
        "error.same_needs_stride_1", lang, stride="(2, 2)", size=5, k_eff=3, s=2, keep=3, tf=3
    )
    assert [e.value for e in at.error] == [expected]
    assert not at.tabs
    at.button(key="size_error_fix").click().run()
    _ok(at)
    assert at.slider(key="stride").value == 1 and not at.error


def test_tf_same_with_an_even_kernel_puts_the_extra_pad_after():
    at = open_app("en", PAGE, padding_rule="same_tf", kernel_size="4", stride="2", input_size="6")
    _ok(at)
    text = _text(at)
    expected = translate(
        "standard.size.rule_tf", "en", i=6, s=2, o=3, k=4, total=2, before=1, after=1
    )
    assert expected in text
    assert "⌊(6 + 2·1 − 4) / 2⌋ + 1 = ⌊4 / 2⌋ + 1 = **3**" in text
    at = open_app("en", PAGE, padding_rule="same_tf", kernel_size="2", input_size="5")
    assert "⌊(5 + 0 + 1 − 2) / 1⌋ + 1 = ⌊4 / 1⌋ + 1 = **5**" in _text(at)


@pytest.mark.parametrize("mode", ["zeros", "reflect", "replicate", "circular"])
def test_padding_modes_on_every_tab(mode):
    for view in ("window", "padding", "matrix", "code"):
        at = open_app("en", PAGE, padding="1", padding_mode=mode, view=view)
        _ok(at)
        assert not at.error
        assert mode == "zeros" or at.query_params["padding_mode"] in (mode, [mode])


@pytest.mark.parametrize("lang", LANGS)
def test_reflect_wider_than_the_input_is_explained(lang):
    at = open_app(lang, PAGE, input_size="3", padding="3", padding_mode="reflect")
    _ok(at)
    expected = translate("error.reflect_padding_too_wide", lang, pad=3, size=3, axis="H", limit=2)
    assert [e.value for e in at.error] == [expected]
    at.button(key="size_error_fix").click().run()
    assert at.slider(key="padding").value == 2 and not at.error


@pytest.mark.parametrize("lang", LANGS)
def test_kernel_larger_than_padded_input_is_explained(lang):
    at = open_app(lang, PAGE, input_size="2")
    _ok(at)
    expected = translate(
        "error.kernel_too_large",
        lang,
        k_eff=3,
        kernel_size=3,
        dilation=1,
        size=2,
        padding=0,
        padded=2,
    )
    assert [e.value for e in at.error] == [expected]
    fix = at.button(key="size_error_fix")
    assert fix.label == translate("common.use_suggestion", lang, setting="padding = 1")
    fix.click().run()
    assert at.slider(key="padding").value == 1 and not at.error


def test_flip_toggle_rotates_the_kernel_everywhere():
    at = open_app("en", PAGE)
    at.toggle(key="flip").set_value(True).run()
    _ok(at)
    assert Y00_FLIPPED in _codes(at)
    at = open_app("en", PAGE, flip="true", view="code")
    assert "w = torch.flip(w, dims=(-2, -1))" in "\n".join(_codes(at))


@pytest.mark.parametrize("lang", LANGS)
def test_flip_tab_shows_the_difference(lang):
    at = open_app(lang, PAGE, view="flip")
    _ok(at)
    text = _text(at)
    assert translate("standard.flip.differs", lang, cells=9, total=9, largest="192") in text
    assert len(at.get("plotly_chart")) == 2
    at.radio(key="kernel_fill").set_value("ones").run()
    _ok(at)
    assert translate("standard.flip.symmetric", lang) in _text(at)
    at.radio(key="kernel_fill").set_value("signs").run()
    _ok(at)
    assert translate("standard.flip.symmetric", lang) in _text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_padding_tab_compares_the_modes_and_the_same_rules(lang):
    at = open_app(lang, PAGE, view="padding", stride="2", padding="1")
    _ok(at)
    text = _text(at)
    refusal = translate(
        "error.same_needs_stride_1", lang, stride="(2, 2)", size=5, k_eff=3, s=2, keep=3, tf=3
    )
    assert refusal in text
    tf = translate("standard.pad.same_pads", lang, top=1, bottom=1, left=1, right=1, oh=3, ow=3)
    assert tf in text
    assert len(at.get("plotly_chart")) == 2  # the four modes, TensorFlow's "SAME"


@pytest.mark.parametrize("lang", LANGS)
def test_matrix_tab_shows_c_and_the_picked_row(lang):
    at = open_app(lang, PAGE, view="matrix", input_size="4")
    _ok(at)
    text = _text(at)
    assert (
        translate("standard.matrix.sparsity", lang, stored=36, total=64, percent="56.2", zeros=28)
        in text
    )
    at.session_state["standard_pin"] = (1, 0)
    at.run()
    assert translate("standard.matrix.picked", lang, m=2, r=1, c=0) in _text(at)
    row = next(c for c in _codes(at) if c.startswith("y[1, 0]"))
    assert row.startswith("y[1, 0] = w₀₀·x[1, 0] + w₀₁·x[1, 1] + w₀₂·x[1, 2] + w₁₀·x[2, 0]")
    assert row.endswith("= 1·5 + 2·6 + 3·7 + 4·9 + 5·10 + 6·11 + 7·13 + 8·14 + 9·15 = 528")
    assert downloads(at) == offered(lang, "png", "latex", "csv")


def test_matrix_tab_on_a_large_setting_says_what_it_draws():
    at = open_app("en", PAGE, view="matrix", input_size="12", kernel_size="1", padding="4")
    _ok(at)
    assert translate("standard.matrix.drawn_none", "en", m=400, n=144, cells=57600) in _text(at)
    assert downloads(at) == []  # no PNG, and C is too large for LaTeX / CSV as well


@pytest.mark.parametrize("lang", LANGS)
def test_matrix_tab_refuses_a_png_of_a_large_c_and_says_why(lang):
    # 10×10 input, k = 3: C is 64×100 = 6,400 entries, over the PNG's 4,096
    at = open_app(lang, PAGE, view="matrix", input_size="10")
    _ok(at)
    refusal = translate(
        "error.matrix_png_too_large",
        lang,
        name="C",
        rows=64,
        cols=100,
        entries=6400,
        width=100 * 12 * 2,
        height=64 * 12 * 2,
        limit=4096,
        side=4000,
    )
    assert refusal in [c.value for c in at.caption]
    assert downloads(at) == offered(lang, "latex", "csv")


@pytest.mark.parametrize("lang", LANGS)
def test_channels_tab_sums_the_channel_maps_of_each_filter(lang):
    at = open_app(lang, PAGE, view="channels")
    _ok(at)
    assert not at.error
    text = _text(at)
    assert translate("standard.channels.header", lang) in [h.value for h in at.subheader]
    assert "**(3, 5, 5)**" in text and "**(2, 3, 3, 3)**" in text and "**(2, 3, 3)**" in text
    assert translate("standard.channels.agree", lang, diff="0") in text
    # One filter at a time: the picker pages through the two output filters.
    firsts = []
    for o in range(2):
        if o:
            at.select_slider(key="shown_filter").set_value(o + 1).run()
            _ok(at)
        text = _text(at)
        assert translate("standard.channels.filter_header", lang, o=o, cin=3) in text
        assert translate("standard.channels.filter_header", lang, o=1 - o, cin=3) not in text
        sums = [
            c
            for c in _codes(at)
            if c.startswith(translate("standard.channels.channel_line", lang, c=0))
        ]
        firsts += [s.split("\n")[-1].split(" = ")[0] for s in sums]
        # the input channels, then the shown filter's slices and its maps
        assert len(at.get("plotly_chart")) == 1 + 2
        assert downloads(at) == offered(lang, "png", "csv")  # the filter's maps, its output
    assert firsts == ["y[0, 0, 0]", "y[1, 0, 0]"]
    # the picker names the filters as their headers do, from 0 (not "1 of 2")
    names = [translate("standard.channels.filter_name", lang, o=o) for o in range(2)]
    assert at.select_slider(key="shown_filter").options == names
    assert any(c.startswith("import torch") and "nn.Conv2d(3, 2," in c for c in _codes(at))


def test_channels_tab_controls_are_in_the_link_and_clamped():
    at = open_app("en", PAGE, view="channels", in_channels="4", out_channels="1", stride="2")
    _ok(at)
    assert "**(4, 5, 5)**" in _text(at) and "**(1, 4, 3, 3)**" in _text(at)
    assert len(at.get("plotly_chart")) == 1 + 2
    assert not [s for s in at.select_slider if s.key == "shown_filter"]  # one filter: no picker
    at.slider(key="out_channels").set_value(3).run()
    assert "**(3, 4, 3, 3)**" in _text(at) and len(at.get("plotly_chart")) == 1 + 2
    at.select_slider(key="shown_filter").set_value(3).run()
    assert at.query_params["shown_filter"] in ("3", ["3"])
    at.slider(key="out_channels").set_value(2).run()  # fewer filters: the last one shown
    _ok(at)
    assert at.select_slider(key="shown_filter").value == 2
    at = open_app(
        "en", PAGE, view="channels", in_channels="99", out_channels="-5", shown_filter="9"
    )
    _ok(at)
    values = {s.key: s.value for s in at.slider}
    assert 1 <= values["in_channels"] <= 4 and 1 <= values["out_channels"] <= 4
    at = open_app("en", PAGE, view="channels", out_channels="2", shown_filter="9")
    _ok(at)
    assert at.select_slider(key="shown_filter").value == 2  # clamped to the filters there are


def test_channels_tab_pins_the_clicked_cell_on_every_filter():
    at = open_app("zh", PAGE, view="channels", padding="1")
    at.session_state["standard_pin"] = (4, 2)
    at.run()
    _ok(at)
    lasts = [c.split("\n")[-1] for c in _codes(at) if c.startswith("通道 0：")]
    at.select_slider(key="shown_filter").set_value(2).run()  # the second filter's page
    lasts += [c.split("\n")[-1] for c in _codes(at) if c.startswith("通道 0：")]
    assert [line.split(" = ")[0] for line in lasts] == ["y[0, 4, 2]", "y[1, 4, 2]"]


def test_code_tab_matches_the_setting():
    at = open_app("en", PAGE, view="code", stride="2", padding="1", padding_mode="circular")
    _ok(at)
    code = "\n".join(_codes(at))
    assert (
        "nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=1, padding_mode='circular', bias=False)"
        in code
    )
    assert "torch.Size([1, 1, 3, 3])" in code
    at = open_app("zh", PAGE, view="code", stride="2", padding_rule="same_tf", kernel_size="4")
    code = "\n".join(_codes(at))
    assert "x = F.pad(x, (1, 2, 1, 2), mode='constant')" in code


def test_kernel_fill_and_input_values_change_the_sums():
    at = open_app("en", PAGE)
    at.radio(key="kernel_fill").set_value("ones").run()
    assert "y[0, 0] = 1·1 + 2·1 + 3·1 + 6·1 + 7·1 + 8·1 + 11·1 + 12·1 + 13·1 = 63" in _codes(at)
    at.selectbox(key="input_values").set_value("ones").run()
    assert any(c.endswith("= 9") for c in _codes(at))
    at.selectbox(key="input_values").set_value("random").run()
    at.slider(key="seed").set_value(3).run()
    _ok(at)


@pytest.mark.parametrize("lang", LANGS)
def test_typed_input_values_are_checked(lang):
    at = open_app(lang, PAGE)
    at.selectbox(key="input_values").set_value("custom").run()
    at.text_area(key="input_values_text").set_value("1 2 x").run()
    _ok(at)
    assert translate("standard.values_error", lang) in _text(at)
    assert at.error


def test_pinned_cell_follows_the_window():
    at = open_app("en", PAGE, stride="2", padding="1")
    at.session_state["standard_pin"] = (2, 1)
    at.run()
    _ok(at)
    text = _text(at)
    assert (
        translate("standard.window.pinned", "en", r=2, c=1, r0=4, r1=6, c0=2, c1=4, sr=2, sc=2)
        in text
    )
    assert any(
        c.startswith("y[2, 1] = 17·1 + 18·2 + 19·3 + 22·4 + 23·5 + 24·6 + 0·7") for c in _codes(at)
    )


def test_language_switch_keeps_the_open_tab():
    at = open_app("en", PAGE, view="flip")
    assert at.query_params.get("view") in ("flip", ["flip"])
    at.session_state["language"] = "zh"
    at.run()
    _ok(at)
    assert translate("standard.flip.header", "zh") in [s.value for s in at.subheader]


@pytest.mark.parametrize("lang", LANGS)
def test_padding_tab_offers_the_modes_and_each_same_rule_as_png(lang):
    at = open_app(lang, PAGE, view="padding")
    _ok(at)
    assert len(at.get("plotly_chart")) == 3  # the four modes, PyTorch "same", TensorFlow "SAME"
    assert downloads(at) == offered(lang, "png", "png", "png")
    at = open_app(lang, PAGE, view="padding", stride="2", padding="1")
    _ok(at)
    assert downloads(at) == offered(lang, "png", "png")  # PyTorch "same" refuses stride 2


@pytest.mark.parametrize("lang", LANGS)
def test_flip_tab_offers_the_kernels_and_the_outputs(lang):
    at = open_app(lang, PAGE, view="flip")
    _ok(at)
    assert downloads(at) == offered(lang, "png", "latex", "csv", "png")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_input_channel_picker_clamps_hostile_links(lang):
    # four 12×12 inputs padded to 20×20: one at a time
    assert_pages_clamped(
        PAGE,
        lang,
        ("shown_input",),
        view="channels",
        in_channels="4",
        input_size="12",
        padding="4",
    )


def test_default_input_channels_fit_without_a_picker():
    at = open_app("en", PAGE, view="channels")
    _ok(at)
    assert not [s for s in at.slider if s.key == "shown_input"]
