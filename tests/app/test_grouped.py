"""The grouped / depthwise page through AppTest: every tab and control, both languages,
invalid links."""

from __future__ import annotations

import pytest

from convviz.figures.common import paging
from convviz.figures.grouped import compute
from convviz.figures.grouped.groups import kind_text
from convviz.i18n import translate
from convviz.inputs import make_values
from tests.app.conftest import code_blocks, open_app
from tests.app.paging import assert_pages_clamped

PAGE = "pages/grouped.py"
TABS = ("channels", "counts", "compute", "separable", "code")


def _text(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


def _open_tab(at, view: str, lang: str):
    """Open tab ``view`` as a click on it would, and run."""
    at.session_state["grouped_tab"] = translate(f"grouped.tab.{view}", lang)
    return at.run()


def _downloads(at) -> list[str]:
    return [b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_render_every_tab_with_the_numbers(lang):
    at = open_app(lang, PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == translate("page.grouped", lang)
    assert [t.label for t in at.tabs] == [translate(f"grouped.tab.{code}", lang) for code in TABS]
    text = _text(at)
    # The first view shows groups at work: the two-group preset (g = 2 of 4 channels).
    assert at.select_slider(key="groups").value == 2
    assert kind_text(4, 4, 2, lang=lang) in text
    assert translate("grouped.graph.edges", lang, cin=4, cout=4, g=2, edges=8, full=16) in text
    assert len(at.get("plotly_chart")) == 2  # graph and weight: only the open tab runs
    assert _downloads(at) == [
        "grouped_graph_png",
        "grouped_block_png",
        "grouped_block_latex",
        "grouped_block_csv",
    ]
    # g = 1 says "standard" instead of comparing g = 1 with itself.
    at.select_slider(key="groups").set_value(1).run()
    text = _text(at)
    assert translate("grouped.kind.standard", lang, cin=4) in text
    edges = translate("grouped.graph.edges_standard", lang, cin=4, cout=4, g=1, edges=16, full=16)
    assert edges in text
    assert "16 instead of 16" not in text and "而 g = 1 时是 16" not in text
    assert translate("grouped.block.caption_standard", lang, stored=16, total=16, g=1) in text
    assert "1/g = 1/1" not in text and "**1/1**" not in text
    # 16 × 16 kernels: the cells are too small for "15,15"; the caption sends the eye to hover
    wide = open_app(lang, PAGE, in_channels="16", out_channels="16", groups="1")
    assert not wide.exception
    caption = translate(
        "grouped.block.caption_standard_unlabelled", lang, stored=256, total=256, g=1
    )
    assert caption in _text(wide)
    assert translate("grouped.block.caption_standard", lang, stored=256, total=256, g=1) not in (
        _text(wide)
    )

    counts = _open_tab(at, "counts", lang)  # still g = 1
    assert not counts.exception and not counts.error
    assert translate("counts.grouped_ratio_standard", lang, standard="144") in _text(counts)
    assert len(counts.get("plotly_chart")) == 1  # the count bars
    assert not counts.get("download_button")

    computed = _open_tab(at, "compute", lang)
    assert translate("grouped.concat.check", lang, g=1, diff="0") in _text(computed)
    computed.select_slider(key="groups").set_value(2).run()
    assert translate("grouped.concat.check", lang, g=2, diff="0") in _text(computed)
    assert len(computed.get("plotly_chart")) == 2  # one output's terms; all outputs
    assert [b.proto.label for b in computed.get("download_button")] == [
        "PNG",
        "LaTeX",
        "CSV",
        "PNG",
        "CSV",
    ]
    assert _downloads(computed)[0] == "grouped_terms_png"

    separable = _open_tab(at, "separable", lang)
    assert len(separable.get("plotly_chart")) == 1
    assert _downloads(separable) == ["separable_png", "separable_latex", "separable_csv"]

    code = _open_tab(at, "code", lang)
    assert not code.exception and not code.get("plotly_chart")
    assert (
        "torch.nn.Conv2d(4, 4, kernel_size=3, groups=2, bias=False)" in code_blocks(code)[0].value
    )
    assert code.query_params["view"] in ("code", ["code"])


def test_groups_slider_offers_only_common_divisors():
    at = open_app("en", PAGE)
    groups = at.select_slider(key="groups")
    assert list(groups.options) == ["1", "2", "4"]
    groups.set_value(2).run()
    text = _text(at)
    assert translate("grouped.kind.grouped", "en", g=2, cin=4, cin_g=2, cout_g=2) in text
    assert "4 · 4 / 2 = **8**" in text
    assert "(4, 2, 3, 3)" in _text(_open_tab(at, "compute", "en"))  # the weight's shape
    code = code_blocks(_open_tab(at, "code", "en"))[0].value
    assert "groups=2" in code
    assert "torch.randn" not in code  # the page's input and weight, seed 0 and 1
    assert "np.random.default_rng(1).integers(-3, 4, size=(4, 2, 3, 3))" in code
    at.slider(key="out_channels").set_value(6).run()
    assert list(at.select_slider(key="groups").options) == ["1", "2"]
    assert at.select_slider(key="groups").value == 2


def test_changing_channels_moves_an_impossible_g_to_a_valid_one():
    at = open_app("zh", PAGE)
    at.select_slider(key="groups").set_value(4).run()
    assert "深度卷积" in _text(at)
    at.slider(key="in_channels").set_value(6).run()
    assert not at.exception
    assert at.select_slider(key="groups").value == 2
    assert translate("grouped.groups_adjusted", "zh", old=4, new=2) in [i.value for i in at.info]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_link_with_a_non_divisor_is_explained(lang):
    at = open_app(lang, PAGE, groups="3")
    assert not at.exception
    assert len(at.error) == 1
    assert "3" in at.error[0].value and "4" in at.error[0].value
    assert translate("grouped.groups_from_link", lang, requested=3, shown=2) in [
        i.value for i in at.info
    ]
    assert at.select_slider(key="groups").value == 2
    at.select_slider(key="groups").set_value(1).run()
    assert not at.error


def test_link_with_a_valid_g_is_applied():
    at = open_app("en", PAGE, groups="4", in_channels="4", out_channels="8")
    assert at.select_slider(key="groups").value == 4
    assert translate("grouped.kind.multiplier", "en", m=2) in _text(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_kernel_larger_than_input_is_explained_not_crashed(lang):
    at = open_app(lang, PAGE, input_size="2")
    assert not at.exception and not at.error
    assert len(at.get("plotly_chart")) == 2  # the graph and the weight do not need the input
    for view in ("counts", "compute"):  # each explains why it has nothing to show
        _open_tab(at, view, lang)
        assert not at.exception
        assert len(at.error) == 1 and "input_size=2" in at.error[0].value, view
        assert not at.get("plotly_chart")
    assert len(_open_tab(at, "separable", lang).get("plotly_chart")) == 1
    code = _open_tab(at, "code", lang)
    assert not code.exception and not code.error
    assert "y = conv(x)" not in code_blocks(code)[0].value  # no output to compute


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_chosen_channel_and_bias_stay_in_the_link_on_every_tab(lang):
    at = open_app(lang, PAGE, view="compute")
    at.selectbox(key="channel").set_value(3).run()
    _open_tab(at, "counts", lang)
    at.toggle(key="bias").set_value(True).run()
    for view in TABS:
        _open_tab(at, view, lang)
        assert not at.exception
        assert at.query_params["channel"] in ("y3", ["y3"]), view
        assert at.query_params["bias"] in ("true", ["true"]), view
    assert "print(y[0, 3])" in code_blocks(at)[0].value  # the code tab, last: channel y3
    _open_tab(at, "compute", lang)
    assert at.selectbox(key="channel").value == 3
    _open_tab(at, "counts", lang)
    assert at.toggle(key="bias").value is True
    # A link copied from the code tab opens the counts tab with biases counted.
    fresh = open_app(lang, PAGE, bias="true", channel="y3", view="code")
    _open_tab(fresh, "counts", lang)
    assert fresh.toggle(key="bias").value is True
    assert "3·3·2·4 + 4 = 76" in _text(fresh)


def test_a_click_on_the_graph_chooses_the_channel_the_computation_explains():
    at = open_app("en", PAGE)
    at.session_state["channel"] = 2  # what the graph's on_select sets for output y2
    at.run()
    assert at.query_params["channel"] in ("y2", ["y2"])
    _open_tab(at, "compute", "en")
    assert at.selectbox(key="channel").value == 2
    assert "Output channel y2 belongs to group 1" in _text(at)


def test_channel_choice_seed_and_kernel_drive_the_computation():
    at = open_app("en", PAGE, view="compute")
    at.select_slider(key="groups").set_value(2).run()
    at.selectbox(key="channel").set_value(3).run()
    text = _text(at)
    assert "Output channel y3 belongs to group 1" in text
    assert "x2 … x3" in text
    at.slider(key="seed").set_value(5).run()
    assert "(seed 5)" in _text(at)
    at.slider(key="kernel_size").set_value(2).run()
    assert "(4, 2, 2, 2)" in _text(at)
    at.slider(key="out_channels").set_value(2).run()
    assert not at.exception
    assert at.selectbox(key="channel").value == 1  # clamped into the new range


def test_many_channels_per_group_are_paged():
    at = open_app("en", PAGE, in_channels="8", out_channels="8", groups="1", view="compute")
    assert not at.exception and not at.info
    # y0 sums 8 terms (−123 needs room); the caption names them as the panels do, x0 … x7
    assert "the term of x0 (the group's x0–x7)" in [c.value for c in at.caption]
    at.slider(key="shown_terms").set_value(8).run()
    assert "the term of x7 (the group's x0–x7)" in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_later_groups_terms_are_named_by_its_own_input_channels(lang):
    at = open_app(
        lang, PAGE, in_channels="16", out_channels="16", groups="2", channel="y8", view="compute"
    )
    assert not at.exception
    # y8 is in group 1, which reads x8 … x15; here each term takes a page of its own
    first = translate("paging.span.one.terms", lang, first=8, low=8, high=15)
    assert first in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_presets_set_channels_and_groups(lang):
    at = open_app(lang, PAGE)
    at.selectbox(key="preset_grouped").set_value("depthwise_multiplier").run()
    assert at.slider(key="out_channels").value == 8
    assert at.select_slider(key="groups").value == 4
    title = translate("preset.grouped.depthwise_multiplier", lang)
    assert translate("common.preset_match", lang, name=title) in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_counts_show_every_term_and_the_ratios(lang):
    at = open_app(lang, PAGE, in_channels="4", out_channels="8", groups="2", view="counts")
    text = _text(at)
    assert "| (8, 2, 3, 3) | 3·3·2·8 = 144 | 144 · 2·2 = 576 |" in text
    assert "| (4, 1, 3, 3) + (8, 4, 1, 1) | 3·3·1·4 + 1·1·4·8 = 68 |" in text
    assert translate("counts.row.grouped", lang, g=2) in text
    assert "1/8 + 1/9 = **0.236**" in text
    assert "144 / 288" in text
    at.toggle(key="bias").set_value(True).run()
    text = _text(at)
    assert "3·3·2·8 + 8 = 152" in text
    assert "3·3·1·4 + 4 + 1·1·4·8 + 8 = 80" in text
    assert "144 / 288" in text  # the ratios compare weights only


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_separable_kernels_split_or_are_explained(lang):
    at = open_app(lang, PAGE, view="separable")
    text = _text(at)  # Sobel = [1, 2, 1]ᵀ·[1, 0, −1]: σ₁ = √6·√2 = 3.46
    assert translate("separable.splits", lang, sigmas="3.46, 0, 0", k=3, two_k=6, k2=9) in text
    at.radio(key="separable_kernel").set_value("laplacian").run()
    text = _text(at)
    assert (
        translate("separable.no_split", lang, sigmas="4.45, 0.45, 0", rank=2, error="0.2") in text
    )
    at.radio(key="separable_kernel").set_value("box").run()
    assert translate("separable.splits", lang, sigmas="3, 0, 0", k=3, two_k=6, k2=9) in _text(at)
    at.slider(key="kernel_size").set_value(5).run()
    at.radio(key="separable_kernel").set_value("random").run()
    assert not at.exception
    assert "rank 5" in _text(at) or "秩为 5" in _text(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_output_and_term_pickers_clamp_hostile_links(lang):
    # 16 outputs of 5×5 and 16 terms of 7×7 ⋆ 3×3: neither row fits a laptop at once
    assert_pages_clamped(
        PAGE,
        lang,
        ("shown_outputs", "shown_terms"),
        in_channels="16",
        out_channels="16",
        groups="1",
        input_size="7",
        view="compute",
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_page_of_outputs_says_which_ones_it_shows(lang):
    at = open_app(
        lang, PAGE, in_channels="16", out_channels="16", groups="1", input_size="7", view="compute"
    )
    assert not at.exception
    x = make_values("random", (16, 7, 7), seed=0)  # the page's numbers (seed 0, 3×3 kernels)
    weight = make_values("random", (16, 16, 3, 3), seed=1)
    outputs = compute.grouped_by_hand(x, weight, groups=1)["concatenated"]
    per_page = compute.outputs_per_page(outputs, groups=1, lang=lang)
    terms = compute.terms_per_page(x, weight, groups=1, out_channel=0)
    captions = [c.value for c in at.caption]
    assert paging.span_text((0, per_page), 16, noun="outputs", lang=lang) in captions
    assert paging.span_text((0, terms), 16, noun="terms", lang=lang) in captions
    last = paging.page_count(16, per_page)
    at.slider(key="shown_outputs").set_value(last).run()
    assert not at.exception
    assert at.query_params["shown_outputs"] in (str(last), [str(last)])
    span = paging.page_span(last - 1, per_page, 16)
    assert paging.span_text(span, 16, noun="outputs", lang=lang) in [c.value for c in at.caption]


def test_the_default_rows_fit_and_draw_no_picker():
    at = open_app("en", PAGE, view="compute")
    assert not [s for s in at.slider if s.key in ("shown_outputs", "shown_terms")]


@pytest.mark.parametrize(("link", "shown"), [("y3", 3), ("3", 3), ("y99", 3), ("y-1", 0)])
def test_a_linked_output_channel_is_explained_on_the_first_load(link, shown):
    at = open_app("en", PAGE, channel=link, view="compute")
    assert not at.exception
    assert at.selectbox(key="channel").value == shown
    text = _text(at)
    assert f"Output channel y{shown} belongs to group {shown // 2}" in text
    assert f"y{shown}_y{shown}" not in text
    assert at.query_params.get("channel", "y0") == f"y{shown}"  # the link says what is shown


def test_the_outputs_page_follows_the_chosen_channel():
    at = open_app(
        "en", PAGE, in_channels="16", out_channels="16", groups="1", input_size="7", view="compute"
    )
    assert at.slider(key="shown_outputs").value == 1
    at.selectbox(key="channel").set_value(15).run()
    assert not at.exception
    assert at.slider(key="shown_outputs").value == int(at.slider(key="shown_outputs").max)
