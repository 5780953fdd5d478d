"""C (standard page) and Cᵀ (transposed page) a window at a time, through AppTest: the rows
and columns pickers by key in both languages, their pages in the link (hostile values
clamped), the window following the pinned row, no pickers for a matrix that fits, none
before a "predict first" answer is revealed."""

from __future__ import annotations

import json

import pytest

from convviz.i18n import translate
from tests.app.conftest import open_app
from tests.app.test_predict_hides import mentions, page_texts

STANDARD, TRANSPOSED = "pages/standard.py", "pages/transposed.py"
BIG_C = {"view": "matrix", "input_size": "7", "padding": "1"}  # C 49×49: 3 × 3 pages
BIG_CT = {"view": "matrix", "input_size": "5", "stride": "2", "padding": "0"}  # Cᵀ 121×25


def _ok(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _picker(at, key):
    found = [s for s in at.select_slider if s.key == key]
    return found[0] if found else None


def _titles(at) -> list[str]:
    """The annotation texts (panel titles) of every chart on the page."""
    titles = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        titles += [a.get("text", "") for a in spec.get("layout", {}).get("annotations", [])]
    return titles


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_large_c_gets_both_pickers_labelled_by_rows_and_columns(lang):
    at = open_app(lang, STANDARD, **BIG_C)
    _ok(at)
    rows, cols = _picker(at, "c_rows"), _picker(at, "c_cols")
    assert rows.label == translate("matrix_window.rows", lang)
    assert cols.label == translate("matrix_window.cols", lang)
    assert rows.options == [
        "rows 0–20 of 0–48" if lang == "en" else "第 0–20 行（共 0–48 行）",
        *rows.options[1:],
    ]
    assert len(rows.options) == 3 and len(cols.options) == 3
    rows.set_value(3).run()
    _ok(at)
    assert at.query_params["c_rows"] == "3"
    title = translate(
        "matrix_window.title",
        lang,
        name="C（49×49）" if lang == "zh" else "C (49×49)",
        r0=42,
        r1=48,
        c0=0,
        c1=20,
    )
    assert any(title in t for t in _titles(at))
    note = translate("matrix_window.note", lang, name="C", m=49, n=49)
    assert note in [c.value for c in at.caption]


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("999", 3),
        ("1000000000000", 3),
        ("-3", 1),
        ("2.5", 1),
        ("abc", 1),
        ("9" * 5000, 1),
        ("<img src=x onerror=alert(1)>", 1),
        ("2", 2),
    ],
)
def test_the_links_pages_are_read_and_clamped(given, shown):
    at = open_app("en", STANDARD, **BIG_C, c_rows=given, c_cols=given)
    _ok(at)
    assert _picker(at, "c_rows").value == shown
    assert _picker(at, "c_cols").value == shown


def test_a_small_c_shows_whole_without_pickers():
    at = open_app("en", STANDARD, view="matrix", input_size="4", c_rows="3")
    _ok(at)
    assert _picker(at, "c_rows") is None and _picker(at, "c_cols") is None
    assert "c_rows" not in at.query_params  # a page of a matrix that has one is no link's


def test_the_window_turns_to_the_pinned_row():
    at = open_app("en", STANDARD, **BIG_C)
    assert _picker(at, "c_rows").value == 1
    at.session_state["standard_pin"] = (5, 2)  # row 37 of C: rows 21–41; first tap column 29
    at.run()
    _ok(at)
    assert _picker(at, "c_rows").value == 2 and _picker(at, "c_cols").value == 2
    assert translate("standard.matrix.picked", "en", m=37, r=5, c=2) in [
        m.value for m in at.markdown
    ]


def test_a_page_that_shows_the_pinned_row_is_kept():
    at = open_app("en", STANDARD, **BIG_C, c_cols="3")  # columns 42–48
    at.session_state["standard_pin"] = (5, 2)  # row 37: taps in columns 29–31, 36–38, 43–45
    at.run()
    _ok(at)
    assert _picker(at, "c_rows").value == 2  # rows 21–41
    assert _picker(at, "c_cols").value == 3  # still 42–48: they show three of its taps


def test_the_matrix_tab_opens_on_the_page_of_a_row_pinned_before():
    at = open_app("en", STANDARD, input_size="7", padding="1")  # the sliding window tab
    at.session_state["standard_pin"] = (6, 6)  # row 48 of C, pinned on the window tab
    at.session_state["standard_tab"] = translate("standard.tab.matrix", "en")
    at.run()
    _ok(at)
    assert _picker(at, "c_rows").value == 3 and _picker(at, "c_cols").value == 2


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_large_ct_gets_pickers_kept_in_the_link(lang):
    at = open_app(lang, TRANSPOSED, **BIG_CT, ct_rows="50", ct_cols="2")
    _ok(at)
    rows, cols = _picker(at, "ct_rows"), _picker(at, "ct_cols")
    assert rows.label == translate("matrix_window.rows", lang)
    assert rows.value == 6 and cols.value == 2  # 50 clamped to the 6 pages of Cᵀ's 121 rows
    partial = translate("matrix_window.partial_sum", lang, c0=15, c1=24)
    assert partial in [c.value for c in at.caption]
    rows.set_value(4).run()
    _ok(at)
    assert at.query_params["ct_rows"] == "4"


def test_a_small_ct_shows_whole_without_pickers():
    at = open_app("zh", TRANSPOSED, view="matrix", input_size="3", ct_rows="2")
    _ok(at)
    assert _picker(at, "ct_rows") is None and _picker(at, "ct_cols") is None
    # Cᵀ 25×9 shows whole; C under it, 9×25, keeps the output rows of the picked cell
    note = translate("matrix_window.forward_part", "zh", c0=0, c1=14, r0=0, r1=24, last=24)
    assert note in [c.value for c in at.caption]
    at.session_state["transposed_q"] = 20
    at.run()
    note = translate("matrix_window.forward_part", "zh", c0=15, c1=24, r0=0, r1=24, last=24)
    assert note in [c.value for c in at.caption]


@pytest.mark.parametrize(
    ("page", "name", "link", "key", "answer"),
    [
        (
            STANDARD,
            "standard",
            {"view": "matrix", "input_size": "8", "kernel_size": "2"},
            "c_cols",
            7,  # C 49×64
        ),
        (TRANSPOSED, "transposed", BIG_CT, "ct_rows", 11),
    ],
)
def test_no_picker_and_no_size_before_the_answer_is_revealed(page, name, link, key, answer):
    at = open_app("en", page, predict_first="true", **link, **{key: "2"})
    _ok(at)
    assert _picker(at, key) is None
    menus = {str(option) for menu in at.selectbox for option in menu.options}  # the presets
    texts = [text for text in page_texts(at) if text not in menus]
    assert mentions(texts, answer) == []
    assert mentions(texts, answer * answer) == []  # C's rows / Cᵀ's rows
    next(b for b in at.button if b.label == translate("practice.predict.skip", "en")).click().run()
    _ok(at)
    assert _picker(at, key).value == 2  # the link's page, once the answer shows
