"""Captions and titles broken into lines that fit a phone (``convviz.figures.common.fit``)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.figures.common.fit import (
    CAPTION_COLUMN_PX,
    CAPTION_COLUMNS,
    CLOSING,
    LINE_PX,
    OPENING,
    PHONE_PLOT_PX,
    TITLE_COLUMN_PX,
    WRAP_PX,
    caption_columns,
    caption_lines,
    caption_room,
    phone_columns,
    text_columns,
    title_min_px,
    title_room,
    unwrap_text,
    wrap_text,
)
from convviz.figures.common.grid import GridSpec, panels_figure

WORDS = st.lists(
    st.sampled_from(["y[0, 0]", "=", "12·3", "+", "→", "输出", "卷积核", "3×3", "行、", "stamps"]),
    min_size=1,
    max_size=30,
)


@given(WORDS, st.integers(6, 50))
def test_wrapped_lines_fit_and_nothing_is_lost(words, columns):
    text = " ".join(words)
    wrapped = wrap_text(text, columns)
    assert unwrap_text(wrapped) == text
    lines = wrapped.split("<br>")
    for n, line in enumerate(lines):
        # Greedy: a line is as long as it may be, and one wider than asked cannot break.
        assert wrap_text(line, columns) == line
        if n + 1 < len(lines):
            assert wrap_text(line + lines[n + 1], columns).split("<br>")[0] == line
        if n:
            assert not line.startswith(("+", "、"))  # never at the start of a line
            assert not lines[n - 1].rstrip().endswith(("=", "→"))  # nor left at the end


# Titles and captions as the pages write them: words, bracketed groups, punctuation, signs.
PIECES = st.lists(
    st.sampled_from(
        [
            "输入",
            "x（3×3）",
            "卷积核",
            "w（",
            "3×3",
            "）",
            "，",
            "(padding",
            "p",
            "=",
            "0)",
            "(p = 0)",
            "[1, 2]",
            "。",
            "stride",
            "步幅",
            "2：",
            "→",
            "+",
            "y[0, 0]",
            "“零”",
        ]
    ),
    min_size=1,
    max_size=25,
)


@given(PIECES, st.sampled_from(["", " "]), st.integers(4, 40))
def test_no_line_starts_with_closing_or_ends_with_opening(pieces, sep, columns):
    text = sep.join(pieces)
    wrapped = wrap_text(text, columns)
    assert unwrap_text(wrapped) == text  # no character dropped or added
    lines = wrapped.split("<br>")
    for n, line in enumerate(lines):
        if n:
            assert line and line[0] not in CLOSING, (text, lines)  # ")", "，", "=" ...
        if n + 1 < len(lines):
            assert not line.rstrip().endswith(tuple(OPENING)), (text, lines)


def _group_on_one_line(wrapped: str, group: str) -> bool:
    return any(group in line for line in wrapped.split("<br>"))


@given(PIECES, st.integers(4, 40))
def test_a_bracketed_group_that_fits_a_line_stays_on_one(pieces, columns):
    text = " ".join(pieces)
    wrapped = wrap_text(text, columns)
    for group in ("（3×3）", "(p = 0)", "[1, 2]", "“零”"):
        if group in text and text_columns(group) <= columns:
            assert _group_on_one_line(wrapped, group), (text, wrapped)


def test_the_breaks_seen_on_a_phone_are_mended():
    # Each was split as shown before: "输入 x（3×3" / "）", "卷积核 w（" / "3×3）",
    # "(padding p" / "= 0)", and "）" alone on a line.
    assert wrap_text("输入 x（3×3）", 10) == "输入 x<br>（3×3）"
    assert wrap_text("卷积核 w（3×3）", 11) == "卷积核 w<br>（3×3）"
    assert wrap_text("x（3×3），步幅 1", 10) == "x（3×3），<br>步幅 1"
    assert wrap_text("Input (padding p = 0)", 16) == "Input <br>(padding p = 0)"
    # A group wider than the line breaks inside, at a space, and never before "=".
    assert wrap_text("Input (padding p = 0)", 12) == "Input <br>(padding <br>p = 0)"


def test_a_long_step_caption_is_three_short_lines():
    caption = "y[1, 1] = 7·1 + 8·2 + 9·3 + 12·4 + 13·5 + 14·6 + 17·7 + 18·8 + 19·9 = 681"
    lines = caption_lines(caption).split("<br>")
    assert lines == [
        "y[1, 1] = 7·1 + 8·2 + 9·3 + 12·4 + ",
        "13·5 + 14·6 + 17·7 + 18·8 + 19·9 ",
        "= 681",
    ] or all(text_columns(line.rstrip()) <= CAPTION_COLUMNS for line in lines)
    assert caption_room([caption_lines(caption), "short"]) == LINE_PX * len(lines) + 16


def test_wide_characters_count_twice():
    assert text_columns("输出 3×3") == 2 + 2 + 1 + 3
    assert wrap_text("印章之和 7×7 · 输出 = 虚线框 5×5", 12).split("<br>")[0] == "印章之和 7×7 "


def test_panel_titles_wrap_to_the_phone_and_the_top_margin_grows():
    wide = GridSpec(values=np.zeros((3, 3)), title="Sum of stamps 7×7 · output = dashed 5×5")
    fig = panels_figure([wide])
    title = fig.layout.annotations[0].text
    lines = title.split("<br>")
    assert len(lines) > 1 and unwrap_text(title) == "<b>Sum of stamps 7×7 · output = dashed 5×5</b>"
    assert fig.layout.margin.t == title_room([{"text": title}]) == 30 + LINE_PX * (len(lines) - 1)
    short = panels_figure([GridSpec(values=np.zeros((3, 3)), title="x 3×3")])
    assert short.layout.annotations[0].text == "<b>x 3×3</b>" and short.layout.margin.t == 30


def test_phone_columns_follow_the_drawn_width():
    assert phone_columns(1.0, 2000) == phone_columns(1.0, 358)  # drawn at most 358 px wide
    assert phone_columns(0.5, 200) == 12
    assert phone_columns(0.01, 200) == 6  # never fewer than 6


def test_figures_that_keep_their_width_wrap_at_most_640_px():
    assert phone_columns(1.0, 2000, widest=WRAP_PX) == phone_columns(1.0, WRAP_PX, widest=WRAP_PX)
    assert phone_columns(1.0, 500, widest=WRAP_PX) == int(500 / TITLE_COLUMN_PX)
    assert caption_columns(200) == CAPTION_COLUMNS  # never fewer than a phone's
    assert caption_columns(5000) == int(WRAP_PX / CAPTION_COLUMN_PX)


def _window_figures():
    from convviz.figures.dilated.views import window_view
    from convviz.figures.standard.data import Setting, window_trace
    from convviz.figures.standard.window import window_figure
    from convviz.figures.transposed.data import direct_data, scatter_data
    from convviz.figures.transposed.direct import direct_figure
    from convviz.figures.transposed.scatter import scatter_figure
    from convviz.inputs import make_values

    x, kernel = make_values("arange", (7, 7)), make_values("arange", (3, 3))
    trace = window_trace(x, kernel, Setting((7, 7), (3, 3), (1, 1), (1, 1)))
    yield "standard", window_figure(trace, lang="en")
    small = make_values("arange", (3, 3))
    hyper = {"stride": 2, "padding": 1, "output_padding": 0, "dilation": 1}
    for lang in ("en", "zh"):
        yield f"scatter-{lang}", scatter_figure(scatter_data(small, kernel, **hyper), lang=lang)
        yield f"direct-{lang}", direct_figure(direct_data(small, kernel, **hyper), lang=lang)
        setting = {"input_size": 7, "kernel_size": 3, "stride": 1, "padding": 0, "dilation": 2}
        yield f"dilated-{lang}", window_view(x, "ones", (0, 0), lang=lang, **setting)["figure"]


def test_window_figures_wrap_titles_and_captions_at_their_own_width():
    for name, fig in _window_figures():
        plot = min(fig.layout.width - 16, WRAP_PX)
        captions = [
            t.text[0]
            for t in fig.data
            if t.type == "scatter" and t.mode == "text" and t.customdata is None
        ]
        assert captions, name
        for caption in captions:
            widest = max(text_columns(line.rstrip()) for line in caption.split("<br>"))
            assert widest * CAPTION_COLUMN_PX <= plot, (name, caption)
        for note in fig.layout.annotations:
            if note.text.startswith("<b>"):  # a panel title: each line fits the plot
                for line in note.text.replace("<b>", "").replace("</b>", "").split("<br>"):
                    assert text_columns(line.rstrip()) * TITLE_COLUMN_PX <= plot, (name, line)


TITLES = st.sampled_from(
    ["", "x0", "output 2×2", "输出 2×2", "kernel, d = 3", "input 17×17 (padding p = 4)", "y3 = Σ"]
)


def _title_rooms(fig, wrap_px: int) -> list[tuple[str, float]]:
    """Each panel title's widest line and its room (px) up to the next title, or to the
    plot's right edge, as the figure is drawn ``min(its width, wrap_px)`` wide."""
    drawn = min(fig.layout.width - 16, wrap_px)
    notes = sorted(
        (n for n in fig.layout.annotations if n.text.startswith("<b>")), key=lambda n: n.x
    )
    ends = [n.x for n in notes[1:]] + [1.0] if notes else []
    return [
        (line, (end - note.x) * drawn)
        for note, end in zip(notes, ends, strict=True)
        for line in note.text.replace("<b>", "").replace("</b>", "").split("<br>")
    ]


@given(
    st.lists(st.tuples(st.integers(1, 12), st.integers(1, 12), TITLES), min_size=1, max_size=5),
    st.sampled_from([None, 10, 17, 40]),
    st.sampled_from([PHONE_PLOT_PX, WRAP_PX]),
)
def test_every_panel_title_fits_over_its_panel_and_the_gap_after_it(panels, px, wrap_px):
    specs = [GridSpec(values=np.zeros((r, c)), title=title) for r, c, title in panels]
    fig = panels_figure(specs, px=px, wrap_px=wrap_px, operators=["⊛", "="][: len(specs) - 1])
    for line, room in _title_rooms(fig, wrap_px):
        assert text_columns(line.rstrip()) * TITLE_COLUMN_PX <= room + 0.5, (line, room)


def test_a_small_output_keeps_its_title_inside_the_dilated_figure():
    from convviz.figures.dilated.views import window_view
    from convviz.inputs import make_values

    setting = {"input_size": 9, "kernel_size": 6, "stride": 1, "padding": 4, "dilation": 3}
    x = make_values("arange", (9, 9))
    for lang in ("en", "zh"):
        fig = window_view(x, "ones", (0, 0), lang=lang, **setting)["figure"]
        line, room = _title_rooms(fig, WRAP_PX)[-2]  # "output" / "输出" over a 2×2 output
        assert line.rstrip() in ("output", "输出")
        assert text_columns(line.rstrip()) * TITLE_COLUMN_PX <= room


def test_the_narrowest_title_is_its_widest_word_or_six_columns():
    assert title_min_px("output 2×2") == 6 * TITLE_COLUMN_PX
    assert title_min_px("x0") == 2 * TITLE_COLUMN_PX
    assert title_min_px("input 17×17 (padding p = 4)") == len("(padding") * TITLE_COLUMN_PX
    assert title_min_px("") == 0


@pytest.mark.parametrize("columns", range(8, 34))
def test_a_chinese_word_stays_with_its_number_and_an_ordinal_with_what_follows(columns):
    lines = wrap_text("Cᵀ（81×25），第 0–17 行、第 0–14 列", columns).split("<br>")
    assert not any(line.rstrip().endswith("第") for line in lines)
    assert not any(line.startswith(("行", "列")) for line in lines)
    assert lines[-1].endswith("第 0–14 列")


@given(st.text(max_size=40))
def test_text_columns_counts_two_for_each_wide_character_and_one_for_any_other(text):
    import unicodedata

    expected = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    assert text_columns(text) == expected
