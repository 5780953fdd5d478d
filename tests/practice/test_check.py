"""Judging answers (correct / incorrect / malformed) and the session score."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.i18n.escape import literal
from convviz.practice import (
    CORRECT,
    FAMILIES,
    INCORRECT,
    MALFORMED,
    check_answer,
    check_number,
)
from convviz.practice.check import parse_whole_number
from convviz.practice.score import Score
from convviz.practice.text import step_text


def _number_question():
    return FAMILIES["conv_size"](np.random.default_rng(5), 1)


def _choice_question():
    return FAMILIES["groups_validity"](np.random.default_rng(5), 1)


@pytest.mark.parametrize(
    ("text", "value"),
    [("7", 7), (" 7 ", 7), ("+7", 7), ("-2", -2), ("−2", -2), ("７", 7), ("４.0", 4), ("12.", 12)],
)
def test_whole_numbers_are_read_as_typed(text, value):
    assert parse_whole_number(text) == value


@pytest.mark.parametrize("text", ["", "  ", "seven", "3x", "2.5", "1e3", "--2", None, "٣"])
def test_anything_else_is_not_a_whole_number(text):
    assert parse_whole_number(text) is None


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_any_integer_round_trips(n):
    assert parse_whole_number(str(n)) == n


def test_right_answer_shows_the_worked_steps():
    q = _number_question()
    verdict = check_answer(q, str(q.answer))
    assert verdict.status == CORRECT and verdict.given == q.answer
    assert verdict.steps[0].key == "practice.check.correct"
    assert verdict.steps[1:] == q.steps


def test_wrong_answer_names_both_numbers_in_both_languages():
    q = _number_question()
    verdict = check_answer(q, str(q.answer + 1))
    assert verdict.status == INCORRECT
    assert step_text(verdict.steps[0], "en") == (
        f"**Not quite:** you answered {q.answer + 1}; the answer is **{q.answer}**."
    )
    assert f"正确答案是 **{q.answer}**" in step_text(verdict.steps[0], "zh")
    assert verdict.steps[1:] == q.steps


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("abc", "practice.check.malformed_number"),
        ("", "practice.check.malformed_number"),
        ("2.5", "practice.check.not_whole"),
    ],
)
def test_malformed_answer_reveals_nothing(text, key):
    q = _number_question()
    verdict = check_answer(q, text)
    assert verdict.status == MALFORMED and verdict.given is None
    assert [s.key for s in verdict.steps] == [key]
    assert str(q.answer) not in step_text(verdict.steps[0], "en").replace(literal(text), "")


def test_choice_questions():
    q = _choice_question()
    assert check_answer(q, q.answer).status == CORRECT
    wrong = next(code for code in q.options if code != q.answer)
    verdict = check_answer(q, wrong)
    assert verdict.status == INCORRECT
    assert verdict.steps[0].key == "practice.check.incorrect_choice"
    text = step_text(verdict.steps[0], "zh")
    assert "你选的是" in text and "“" in text
    for bad in (None, "", "maybe"):
        assert check_answer(q, bad).status == MALFORMED
        assert check_answer(q, bad).steps[0].key == "practice.check.malformed_choice"


def test_check_number_alone():
    assert check_number(5, "5").status == CORRECT
    assert check_number(5, "6").status == INCORRECT
    assert check_number(5, "five").status == MALFORMED


def test_score_counts_right_answers_and_streaks():
    score = Score()
    for status in (CORRECT, CORRECT, MALFORMED, INCORRECT, CORRECT):
        score = score.after(status)
    assert score == Score(right=3, answered=4, streak=1, best=2)
