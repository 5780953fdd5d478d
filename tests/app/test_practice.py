"""The practice page through AppTest: answering right, wrong and malformed in both languages,
score and streak, moving through a set, the seeded set from the link, and every family's link
opening its page with parameters that page really reads."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import numpy as np
import pytest

from convviz.i18n import translate
from convviz.practice import CHOICE, FAMILIES, NUMBER, question_set
from convviz.practice.text import prompt_text, step_text
from convviz.site import PAGES
from tests.app.conftest import open_app

PAGE = "pages/practice.py"
FILES = {p.url_path: p.file for p in PAGES}


def _first(kind, topic="all", level=1):
    """A seed whose first question is of ``kind`` (so a test knows how to answer it)."""
    for seed in range(50):
        question = question_set(seed, level, topic)[0]
        if question.kind == kind:
            return seed, question
    raise AssertionError(kind)


def _open(lang, seed, topic="all", level=1):
    return open_app(lang, PAGE, seed=str(seed), topic=topic, level=str(level))


def _metrics(at) -> list[str]:
    return [m.value for m in at.metric]


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _answer(at, text):
    at.text_input(key="practice_answer_text").input(text)
    at.button(key="practice_submit").click().run()
    assert not at.exception


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_show_the_first_question_and_an_empty_score(lang):
    at = open_app(lang, PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == translate("page.practice", lang)
    assert at.subheader[0].value == translate("practice.progress", lang, n=1, total=10)
    assert _metrics(at) == ["0 / 0", "0", "0"]
    assert prompt_text(question_set(0, 1, "all")[0], lang) in _markdown(at)
    assert at.radio(key="topic").value == "all" and at.radio(key="level").value == "1"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_right_answer_scores_and_shows_the_worked_steps_and_link(lang):
    seed, question = _first(NUMBER)
    at = _open(lang, seed)
    _answer(at, str(question.answer))
    assert at.success[0].value == translate("practice.check.correct", lang)
    assert _metrics(at) == ["1 / 1", "1", "1"]
    text = _markdown(at)
    assert translate("practice.worked", lang) in text
    link = next(m.value for m in at.markdown if "](" in m.value)
    href = link.split("](", 1)[1].rstrip(")")
    assert urlsplit(href).path == question.link.page
    assert dict(parse_qsl(urlsplit(href).query)) == {**question.link.query, "lang": lang}
    assert not at.text_input  # the form is gone: one answer per question


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_wrong_answer_says_both_numbers_and_breaks_the_streak(lang):
    seed, question = _first(NUMBER)
    at = _open(lang, seed)
    _answer(at, str(question.answer + 3))
    expected = translate(
        "practice.check.incorrect", lang, given=question.answer + 3, answer=question.answer
    )
    assert at.error[0].value == expected
    assert _metrics(at) == ["0 / 1", "0", "0"]
    assert translate("practice.worked", lang) in _markdown(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("text", "key"),
    [("twelve", "practice.check.malformed_number"), ("2.5", "practice.check.not_whole")],
)
def test_malformed_answer_is_explained_and_not_scored(lang, text, key):
    seed, question = _first(NUMBER)
    at = _open(lang, seed)
    _answer(at, text)
    assert at.warning[0].value == translate(key, lang, given=text)
    assert _metrics(at) == ["0 / 0", "0", "0"]
    assert translate("practice.worked", lang) not in _markdown(at)
    _answer(at, str(question.answer))  # the same question can still be answered
    assert _metrics(at) == ["1 / 1", "1", "1"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_choice_question_right_then_wrong_on_the_next(lang):
    seed, question = _first(CHOICE, topic="channels")
    at = _open(lang, seed, topic="channels")
    at.button(key="practice_submit").click().run()  # nothing chosen: malformed
    assert at.warning[0].value == translate("practice.check.malformed_choice", lang)
    at.radio(key="practice_answer_choice").set_value(question.answer)
    at.button(key="practice_submit").click().run()
    assert _metrics(at) == ["1 / 1", "1", "1"]
    if question.answer != "valid":
        assert step_text(question.steps[0], lang) in _markdown(at)
    at.button(key="practice_next").click().run()
    assert at.subheader[0].value == translate("practice.progress", lang, n=2, total=10)
    second = question_set(seed, 1, "channels")[1]
    assert prompt_text(second, lang) in _markdown(at)
    if second.kind == NUMBER:
        _answer(at, str(second.answer + 1))
    else:
        wrong = next(code for code in second.options if code != second.answer)
        at.radio(key="practice_answer_choice").set_value(wrong)
        at.button(key="practice_submit").click().run()
    assert _metrics(at) == ["1 / 2", "0", "1"]
    at.button(key="practice_previous").click().run()  # back: already answered, not again
    assert at.subheader[0].value == translate("practice.progress", lang, n=1, total=10)
    assert not at.text_input
    assert "practice_answer_choice" not in [r.key for r in at.radio]


def test_the_link_sets_the_question_set_and_new_set_moves_the_seed():
    at = _open("zh", 17, topic="transposed", level=3)
    assert prompt_text(question_set(17, 3, "transposed")[0], "zh") in _markdown(at)
    at.button(key="practice_new_set").click().run()
    assert at.slider(key="seed").value == 18
    assert prompt_text(question_set(18, 3, "transposed")[0], "zh") in _markdown(at)
    assert at.subheader[0].value == translate("practice.progress", "zh", n=1, total=10)


def test_last_question_says_the_set_is_done():
    at = _open("en", 4, topic="standard")
    for _ in range(9):
        at.button(key="practice_next").click().run()
    question = question_set(4, 1, "standard")[9]
    if question.kind == NUMBER:
        _answer(at, str(question.answer))
    else:
        at.radio(key="practice_answer_choice").set_value(question.answer)
        at.button(key="practice_submit").click().run()
    assert at.info[0].value == translate("practice.set_done", "en")
    assert not [b for b in at.button if b.key == "practice_next"]


# Every family's link: the page it opens reads each parameter back.


def _read(at, key):
    """The value widget ``key`` shows on the page, as the URL writes it."""
    kinds = ("slider", "select_slider", "selectbox", "radio", "text_area", "toggle", "number_input")
    for kind in kinds:
        for widget in at.get(kind):
            if getattr(widget, "key", None) == key:
                value = widget.value
                return str(value).lower() if isinstance(value, bool) else str(value)
    raise AssertionError(f"no widget with key {key!r} on the page")


def _samples():
    for family in sorted(FAMILIES):
        for seed in (0, 1):
            level = 2 + seed
            yield pytest.param(family, seed, level, id=f"{family}-{seed}")


@pytest.mark.parametrize(("family", "seed", "level"), _samples())
def test_each_link_opens_its_page_at_the_same_setting(family, seed, level):
    question = FAMILIES[family](np.random.default_rng([seed, level]), level)
    link = question.link
    at = open_app("en", FILES[link.page], **link.query)
    assert not at.exception
    for key, value in link.query.items():
        if key == "layers":
            table = at.data_editor[0].value
            rows = ["-".join(str(int(v)) for v in row) for row in table.to_numpy().tolist()]
            assert ",".join(rows) == value
        elif key == "view":  # the tab the link names is the one open
            opened = at.session_state[f"{link.page}_tab"]
            assert opened == translate(f"{link.page}.tab.{value}", "en")
        elif key == "groups" and question.answer == "groups_not_dividing":
            continue  # the slider offers valid g only; the page explains the g it was sent
        else:
            assert _read(at, key) == value, key
    errors = [e.value for e in at.error]
    if question.kind == CHOICE and question.answer != "valid":
        assert step_text(question.steps[0], "en") in errors
    else:
        assert not errors, errors
