"""What a learner typed, or a link held, is shown as typed: never an image, a link or markup.

``literal`` is the one escape; the tests check it on any text (every markup character it
leaves is escaped, and removing the escapes gives the text back) and through the real pages,
for typed values, ``layers=``, ``mix=`` and practice answers.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.errors import ConvValueError
from convviz.i18n import translate, translate_error
from convviz.i18n.escape import literal
from convviz.practice import MALFORMED, check_number
from tests.app.conftest import open_app
from tests.app.test_practice import NUMBER, _first

IMAGE = "![](//a.bc/x.png)"
LINK = "[click](//a.bc/p)"
HOSTILE = (IMAGE, LINK, "<img src=x>", "www.a.bc", "http://a.bc", ":red[x]", "$x$", "*b*", "_i_")
_MARKUP = set("\\`*~[]!<>&$|:@")


def _unescape(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def _all_escaped(text: str) -> bool:
    """Every markup character is preceded by a backslash that is not itself escaped."""
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in _MARKUP or text[i] in "\n\r":
            return False
        i += 1
    return True


@given(st.text(max_size=80))
def test_literal_escapes_every_markup_character_and_loses_nothing(text):
    shown = literal(text)
    assert _all_escaped(shown)
    assert _unescape(shown) == re.sub("[\n\r\u2028\u2029]", " ", text)
    assert "www." not in shown.lower()


@pytest.mark.parametrize("fragment", HOSTILE)
def test_error_values_are_escaped_in_both_languages(fragment):
    error = ConvValueError("custom_values_not_number", "x", token=fragment)
    for lang in ("en", "zh"):
        text = translate_error(error, lang)
        assert literal(fragment) in text and (fragment == literal(fragment) or fragment not in text)


def _shown(at) -> str:
    boxes = [*at.error, *at.info, *at.warning, *at.sidebar.error, *at.sidebar.info]
    return "\n".join(box.value for box in boxes)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fragment", [IMAGE, LINK])
def test_typed_values_in_a_link_are_quoted_literally(lang, fragment):
    at = open_app(lang, "pages/standard.py", input_values="custom", input_values_text=fragment)
    assert not at.exception
    text = _shown(at)
    assert literal(fragment) in text and fragment not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("page", "key", "view"),
    [
        ("pages/dilated.py", "layers", "stacks"),
        ("pages/dilated.py", "layers", "code"),  # the code tab reads the stack from the link
        ("pages/pointwise.py", "mix", None),
    ],
)
def test_layers_and_mix_links_are_quoted_literally(lang, page, key, view):
    at = open_app(lang, page, **{key: LINK}, **({"view": view} if view else {}))
    assert not at.exception
    text = _shown(at)
    assert literal(LINK) in text and LINK not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("answer", "key", "values"),
    [
        (IMAGE, "practice.check.malformed_number", {"given": literal(IMAGE)}),
        ("9" * 30, "practice.check.too_long", {"length": 30, "limit": 18}),
    ],
    ids=["image", "thirty_digits"],
)
def test_a_practice_answer_is_explained_and_quoted_literally(lang, answer, key, values):
    seed, _ = _first(NUMBER)
    at = open_app(lang, "pages/practice.py", seed=str(seed), topic="all", level="1")
    at.text_input(key="practice_answer_text").input(answer)
    at.button(key="practice_submit").click().run()
    assert not at.exception
    assert at.warning[0].value == translate(key, lang, **values)


def test_an_answer_of_thousands_of_digits_is_explained_not_converted():
    verdict = check_number(7, "9" * 5000)  # past the field's max_chars, e.g. a forged message
    assert verdict.status == MALFORMED
    assert verdict.steps[0].key == "practice.check.too_long"
    assert dict(verdict.steps[0].values) == {"length": 5000, "limit": 18}
