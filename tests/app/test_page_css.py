"""Text the app writes into CSS (the "swipe sideways" line above a chart wider than a phone):
quoted so that nothing in it can end the string or the ``<style>`` element."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from convviz.controls.layout import css_string
from convviz.i18n import LANGUAGES, translate

CSS_ESCAPE = re.compile(r"\\([0-9a-f]{1,6}) ")


def read_css_string(quoted: str) -> str:
    """The text a browser reads from a CSS string written by :func:`css_string`."""
    assert quoted[0] == quoted[-1] == '"'
    return CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), quoted[1:-1])


@given(st.text(max_size=60))
def test_any_text_is_quoted_whole_and_reads_back_the_same(text):
    quoted = css_string(text)
    inner = quoted[1:-1]
    assert not set(inner) & set('"<>\n\r\f{};/')
    assert inner.count("\\") == len(CSS_ESCAPE.findall(inner))  # every backslash starts an escape
    assert read_css_string(quoted) == text


def test_the_swipe_line_keeps_its_words_in_both_languages():
    for lang in LANGUAGES:
        text = translate("common.swipe_sideways", lang)
        assert read_css_string(css_string(text)) == text
    assert css_string("Swipe →") == '"Swipe \\2192 "'
