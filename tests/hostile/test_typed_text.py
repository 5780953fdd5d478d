"""Long typed text and link text: capped before it is split, parsed in linear time, parsed once.

The regular expressions never see more than one capped number, whatever the text's length
(counted by recording what they are asked to match); the typed kernel is parsed once per
distinct grid, not on every rerun (counted by the cells read).
"""

from __future__ import annotations

import pytest
import streamlit as st

from convviz import lab_kernels, typed_numbers
from convviz.engine.errors import ConvValueError
from convviz.i18n import translate, translate_error
from convviz.i18n.escape import literal
from convviz.inputs import MAX_CUSTOM_TEXT, parse_numbers
from convviz.lab_kernels import MAX_KERNEL_TEXT, kernel_from_text, parse_kernel_grid
from tests.app.conftest import open_app

LONG_DIGITS = "1" * 16_000  # took 17 s with the old backtracking number pattern


class _CountingPattern:
    """A compiled pattern that records the length of every text it is asked to match."""

    def __init__(self, pattern, seen: list[int]) -> None:
        self.pattern, self.seen = pattern, seen

    def fullmatch(self, text):
        self.seen.append(len(text))
        return self.pattern.fullmatch(text)


@pytest.fixture
def matched_lengths(monkeypatch) -> list[int]:
    seen: list[int] = []
    for name in ("_REAL", "_WHOLE", "_NON_FINITE"):
        pattern = getattr(typed_numbers, name)
        monkeypatch.setattr(typed_numbers, name, _CountingPattern(pattern, seen))
    return seen


@pytest.mark.parametrize(
    "cell", [LONG_DIGITS, "1." + LONG_DIGITS + "x", LONG_DIGITS + "/3", "1/" + LONG_DIGITS]
)
def test_a_long_kernel_cell_is_refused_before_any_pattern_reads_it(cell, matched_lengths):
    with pytest.raises(ConvValueError) as info:
        parse_kernel_grid([[cell]])
    assert info.value.code == "image_lab_kernel_too_long"
    assert max(matched_lengths, default=0) <= typed_numbers.MAX_REAL_CHARS
    assert "Row 1, column 1" in translate_error(info.value, "en")


def test_a_grid_of_long_but_allowed_cells_reads_each_character_a_bounded_number_of_times(
    matched_lengths,
):
    cells = [["0." + "1" * 37] * 7 for _ in range(7)]
    parse_kernel_grid(cells)
    assert len(matched_lengths) <= 2 * 49  # at most two patterns per cell
    assert max(matched_lengths) <= typed_numbers.MAX_REAL_CHARS


def test_long_link_and_typed_text_are_refused_before_they_are_split(matched_lengths):
    for reader, limit in ((kernel_from_text, MAX_KERNEL_TEXT), (parse_numbers, MAX_CUSTOM_TEXT)):
        with pytest.raises(ConvValueError) as info:
            reader("1," * (limit // 2 + 1))
        assert info.value.code == "text_too_long" and info.value.values["limit"] == limit
        assert translate_error(info.value, "zh") != str(info.value)
    assert matched_lengths == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_long_custom_kernel_link_falls_back_to_the_identity(lang):
    at = open_app(lang, "pages/image-lab.py", filter="custom", custom_kernel=LONG_DIGITS)
    assert not at.exception and not at.error
    assert at.data_editor[0].value.to_numpy().tolist()[1] == ["0", "1", "0"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_long_typed_values_in_a_link_are_explained(lang):
    at = open_app(lang, "pages/standard.py", input_values="custom", input_values_text=LONG_DIGITS)
    assert not at.exception
    shown = [e.value for e in at.sidebar.error] + [e.value for e in at.error]
    expected = translate(
        "error.number_too_long",
        lang,
        name=literal("input_values_text"),
        text=LONG_DIGITS[:20] + "…",
        length=len(LONG_DIGITS),
        limit=typed_numbers.MAX_REAL_CHARS,
    )
    assert expected in shown


def test_the_kernel_table_is_parsed_once_per_grid_not_per_rerun(monkeypatch):
    st.cache_data.clear()
    reads: list[object] = []
    original = lab_kernels.parse_kernel_cell

    def counting_cell(value, row, col):
        reads.append(value)
        return original(value, row, col)

    monkeypatch.setattr(lab_kernels, "parse_kernel_cell", counting_cell)
    at = open_app("en", "pages/image-lab.py", filter="custom")
    first = len(reads)
    assert first == 9  # one 3×3 grid, read once
    at.run()
    at.run()
    assert len(reads) == first
