"""Checking a learner's answer: correct, incorrect or malformed, with the keys to explain it.

Pure and free of session state: the page (or the "predict first" control) passes the question
and the raw text, and gets back a :class:`Verdict`. A malformed answer (not a whole number,
not one of the choices) reveals nothing, so the learner can try again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from convviz.engine.errors import ConvValueError
from convviz.i18n.escape import literal
from convviz.practice.question import CHOICE, Question, Step
from convviz.typed_numbers import ascii_forms, parse_whole, shown

CORRECT, INCORRECT, MALFORMED = "correct", "incorrect", "malformed"
MAX_ANSWER_CHARS = 40  # what an answer field accepts (spaces included); the parser caps again
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+)", re.ASCII)


@dataclass(frozen=True)
class Verdict:
    """The result of :func:`check_answer`.

    Attributes
    ----------
    status : {"correct", "incorrect", "malformed"}
    given : int, str or None
        The answer as understood (``None`` when malformed).
    steps : tuple of Step
        What to show: a one-line judgement first, then (unless malformed) the question's
        worked arithmetic.
    """

    status: str
    given: int | str | None
    steps: tuple[Step, ...]


def read_whole_number(text: Any) -> int | ConvValueError:
    """``text`` as a whole number, or the reason it is not one (never an exception).

    Read by :func:`convviz.typed_numbers.parse_whole` (ASCII or full-width digits, a sign, a
    trailing ``.0``, at most ``MAX_WHOLE_CHARS`` characters) after spaces inside are dropped.
    """
    if not isinstance(text, str | int) or isinstance(text, bool):
        return ConvValueError("number_empty", "no answer", name="answer", text="")
    try:
        return parse_whole(str(text).replace(" ", ""), name="answer")
    except ConvValueError as error:
        return error


def parse_whole_number(text: Any) -> int | None:
    """``text`` as a whole number, or ``None`` if it is not one.

    Full-width digits and signs (typed with a Chinese input method), a Unicode minus sign,
    surrounding spaces and a trailing ``.0`` are accepted; ``"2.5"``, ``"3x"``, ``"²"`` or
    ``""`` are not, nor more than ``MAX_WHOLE_CHARS`` characters.

    Examples
    --------
    >>> parse_whole_number(" ７ "), parse_whole_number("−3"), parse_whole_number("4.0")
    (7, -3, 4)
    >>> parse_whole_number("2.5") is None, parse_whole_number("three") is None
    (True, True)
    """
    number = read_whole_number(text)
    return None if isinstance(number, ConvValueError) else number


def _malformed_step(text: Any, error: ConvValueError) -> Step:
    if error.code == "number_too_long":
        return Step.of(
            "practice.check.too_long", length=error.values["length"], limit=error.values["limit"]
        )
    cleaned = str(text or "").strip()
    decimal = _DECIMAL.fullmatch(ascii_forms(cleaned))
    return Step.of(
        "practice.check.not_whole" if decimal else "practice.check.malformed_number",
        given=literal(shown(cleaned)),
    )


def check_answer(question: Question, text: Any) -> Verdict:
    """Judge ``text`` against the engine's answer to ``question``.

    Parameters
    ----------
    question : Question
    text : str or None
        What the learner typed (``number`` questions) or the option code they picked
        (``choice`` questions); ``None`` when nothing was given.

    Returns
    -------
    Verdict
        ``correct`` / ``incorrect`` with ``practice.check.correct`` or
        ``practice.check.incorrect`` and the worked steps; ``malformed`` with one of
        ``practice.check.malformed_number``, ``practice.check.not_whole`` or
        ``practice.check.malformed_choice`` and nothing else.
    """
    if question.kind != CHOICE:
        verdict = check_number(question.answer, text)
        if verdict.status == MALFORMED:
            return verdict
        return Verdict(verdict.status, verdict.given, verdict.steps + question.steps)
    given = text if text in question.options else None
    if given is None:
        return Verdict(MALFORMED, None, (Step.of("practice.check.malformed_choice"),))
    answer = question.answer
    if given == answer:
        return Verdict(CORRECT, given, (Step.of("practice.check.correct"), *question.steps))
    judgement = Step.of(
        "practice.check.incorrect_choice",
        given_key=f"practice.rule.{given}",
        answer_key=f"practice.rule.{answer}",
    )
    return Verdict(INCORRECT, given, (judgement, *question.steps))


def check_number(answer: int, text: Any) -> Verdict:
    """Judge a typed whole number against ``answer``; the steps hold the judgement only.

    Used on its own by the topic pages' "predict first" switch, where the page itself shows
    the worked formula after the learner's prediction.
    """
    given = read_whole_number(text)
    if isinstance(given, ConvValueError):
        return Verdict(MALFORMED, None, (_malformed_step(text, given),))
    if given == answer:
        return Verdict(CORRECT, given, (Step.of("practice.check.correct"),))
    return Verdict(
        INCORRECT, given, (Step.of("practice.check.incorrect", given=given, answer=answer),)
    )
