"""Lecture mode through AppTest: ``?lecture=1`` and the sidebar switch, on every topic page,
in both languages; the main chart is enlarged and stretched, the rest as in the link."""

from __future__ import annotations

import json

import pytest

from convviz.controls.hover import COMPONENT as HOVER
from convviz.controls.lecture import LECTURE_CSS, LECTURE_KEY
from convviz.figures.common.lecture import MIN_CELL_TEXT_PX
from convviz.i18n import translate
from convviz.site import PAGES
from tests.app.conftest import code_blocks, kept_widths, open_app
from tests.support.streamlit_server import ROOT

TOPICS = [p for p in PAGES if p.url_path not in ("home", "practice")]
MAIN_CHART = {  # the key of each page's main chart (None: the image lab shows pictures)
    "standard": "standard_window",
    "transposed": "transposed_scatter_chart",
    "dilated": "dilated_window",
    "grouped": "graph",
    "pointwise": "layer",
    "conv3d": "conv3d_frames",
    "deformable": "deformable_chart",
    "image-lab": None,
}


def _chart(at, key: str):
    return next(c for c in at.get("plotly_chart") if c.proto.id.endswith(key))


def _width(at, key: str) -> float:
    return kept_widths(at)[key]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("info", TOPICS, ids=[p.url_path for p in TOPICS])
def test_lecture_link_enlarges_the_main_chart(info, lang):
    at = open_app(lang, info.file, lecture="1")
    assert not at.exception and not at.error
    assert at.query_params[LECTURE_KEY] == "1"
    key = MAIN_CHART[info.url_path]
    if key is None:
        return
    plain = open_app(lang, info.file)
    big, small = _chart(at, key).proto, _chart(plain, key).proto
    big_layout = json.loads(big.spec)["layout"]
    small_layout = json.loads(small.spec)["layout"]
    assert big_layout["height"] > small_layout["height"]
    if key in kept_widths(plain):  # else the chart takes the page's width in both modes
        assert _width(at, key) > _width(plain, key)


# Text elements (AppTest's name for them) and the test id lecture mode's CSS hides them by.
HIDDEN_TEXT = {
    "Markdown": '"stMarkdown"',
    "Caption": '"stCaptionContainer"',
    "DownloadButton": '"stDownloadButton"',
    "Header": "h2",
    "Subheader": "h3",
    "Expander": '"stExpander"',
}


def _texts(at) -> list[tuple[str, str]]:
    """(element kind, text) of every text element in the main area, nested ones included."""
    kinds = (*HIDDEN_TEXT, "Title", "Alert", "Info", "Warning", "Error", "Success")
    return [
        (type(e).__name__, str(getattr(e, "value", getattr(e, "label", ""))))
        for e in at.main
        if type(e).__name__ in kinds
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_lecture_mode_on_the_deformable_page_hides_its_prose_as_elsewhere(lang):
    link = {"cell_row": "0", "cell_col": "2", "tap": "4", "offsets": "rotation"}
    at = open_app(lang, "pages/deformable.py", lecture="1", **link)
    plain = open_app(lang, "pages/deformable.py", **link)
    assert not at.exception and not at.error
    assert at.query_params[LECTURE_KEY] == "1"
    # Everything else as in the link: the same controls, the same text (the link says lecture).
    for key in ("cell_row", "cell_col", "tap"):
        assert at.slider(key=key).value == plain.slider(key=key).value == int(link[key])
    assert [(kind, text.replace("lecture=1&", "")) for kind, text in _texts(at)] == _texts(plain)
    # Every piece of prose is of a kind the lecture CSS hides (the title only shrinks), as on
    # the dilated page, whose window chart goes through the same main_chart.
    dilated = open_app(lang, "pages/dilated.py", lecture="1")
    for page in (at, dilated):
        kinds = {kind for kind, _ in _texts(page)} - {"Title"}
        assert kinds and kinds <= set(HIDDEN_TEXT)
    assert all(HIDDEN_TEXT[kind] in LECTURE_CSS for kind in HIDDEN_TEXT)
    assert code_blocks(plain) and not code_blocks(at)  # its sum and code: not drawn at all
    # The main chart is enlarged and still picks cells and points.
    big, small = _chart(at, "deformable_chart").proto, _chart(plain, "deformable_chart").proto
    assert big.selection_mode == small.selection_mode and len(big.selection_mode) == 1
    big_layout, small_layout = json.loads(big.spec)["layout"], json.loads(small.spec)["layout"]
    assert _width(at, "deformable_chart") > _width(plain, "deformable_chart")
    assert big_layout["height"] > small_layout["height"]


def test_numbers_in_the_standard_window_are_24_px_in_lecture_mode():
    at = open_app("en", "pages/standard.py", lecture="1")
    data = json.loads(_chart(at, "standard_window").proto.spec)["data"]
    layers = [t for t in data if "text" in str(t.get("mode", "")) and "size" in t.get("marker", {})]
    assert layers and all(t["textfont"]["size"] >= MIN_CELL_TEXT_PX for t in layers)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_switch_turns_lecture_mode_on_and_off_in_the_link(lang):
    # The router draws the switch; AppTest lists the router's widgets on the first page only.
    at = open_app(lang, None, dilation="3")
    switch = at.toggle(key=LECTURE_KEY)
    assert switch.value is False and LECTURE_KEY not in at.query_params
    assert switch.label == translate("lecture.switch", lang)
    switch.set_value(True).run()
    assert at.query_params[LECTURE_KEY] == "1" and not at.exception
    at.switch_page("pages/dilated.py")
    at.run()
    width = _width(at, "dilated_window")
    assert at.slider(key="dilation").value == 3  # everything else as in the link
    at.query_params.pop(LECTURE_KEY)
    at.session_state[LECTURE_KEY] = False
    at.run()
    assert _width(at, "dilated_window") < width  # back to its own size


HOVER_PAGES = [p for p in TOPICS if "hover_view" in (ROOT / p.file).read_text()]


@pytest.mark.parametrize("info", HOVER_PAGES, ids=[p.url_path for p in HOVER_PAGES])
def test_lecture_mode_leaves_out_the_hover_views(info):
    heading = f"**{translate('common.hover_title', 'en')}**"
    plain = open_app("en", info.file)
    assert heading in [m.value for m in plain.markdown]  # positive controls
    assert [e for e in plain.get("bidi_component") if e.proto.component_name == HOVER]
    lecture = open_app("en", info.file, lecture="1")
    assert not lecture.exception
    assert heading not in [m.value for m in lecture.markdown]
    assert not [
        e for e in lecture.get("bidi_component") if e.proto.component_name == "convviz_hover"
    ]
