"""Every string exists in both languages, with the same format fields, and lookups behave."""

from __future__ import annotations

import string

import pytest

from convviz.engine.errors import ConvValueError
from convviz.i18n import catalogue, normalise_language, translate, translate_error


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_both_languages_present_with_same_fields(key):
    english, chinese = catalogue()[key]
    assert english.strip() and chinese.strip()
    assert _fields(english) == _fields(chinese), key


def test_chinese_text_is_chinese_where_it_differs():
    # Most translated strings contain CJK characters; a missing translation usually copies English.
    cjk = [zh for en, zh in catalogue().values() if any("\u4e00" <= ch <= "\u9fff" for ch in zh)]
    assert len(cjk) > 0.8 * len(catalogue())


def test_translate_formats_values_and_falls_back_to_english():
    assert translate("common.preset_match", "en", name="X") == "Current setting: X"
    assert translate("common.preset_match", "zh", name="X") == "当前设置：X"
    assert normalise_language("fr") == "en"
    with pytest.raises(KeyError):
        translate("no.such.key", "en")


def test_translate_error_uses_code_and_values():
    error = ConvValueError("custom_values_count", "raw", expected=9, got=3, shape="3×3")
    assert translate_error(error, "en") == "Expected 9 numbers for a 3×3 grid, but found 3."
    assert "9" in translate_error(error, "zh") and "3" in translate_error(error, "zh")
    assert translate_error(ValueError("plain"), "zh") == "plain"
