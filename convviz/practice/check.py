"""Checking a learner's answer: correct, incorrect or malformed, with the keys to explain it.

Pure and free of session state: the page (or the "predict first" control) passes the question
and the raw text, and gets back a :class:`Verdict`. A malformed answer (not a whole number,
not one of the choices) reveals nothing, so the learner can try again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from convviz.practice.question import CHOICE, Question, Step

CORRECT, INCORRECT, MALFORMED = "correct", "incorrect", "malformed"
_WHOLE = re.compile(r"[+-]?\d+(?:\.0*)?")
_DECIMAL = re.compile(r"[+-]?(?:\d+\.\d*|\.\d+)")
_MINUS = str.maketrans({"−": "-", "–": "-", "—": "-"})  # minus sign and dashes typed for "-"


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


def parse_whole_number(text: Any) -> int | None:
    """``text`` as a whole number, or ``None`` if it is not one.

    Full-width digits and signs (typed with a Chinese input method), a Unicode minus sign,
    surrounding spaces and a trailing ``.0`` are accepted; ``"2.5"``, ``"3x"`` or ``""`` are not.

    Examples
    --------
    >>> parse_whole_number(" ７ "), parse_whole_number("−3"), parse_whole_number("4.0")
    (7, -3, 4)
    >>> parse_whole_number("2.5") is None, parse_whole_number("three") is None
    (True, True)
    """
    if not isinstance(text, str | int) or isinstance(text, bool):
        return None
    cleaned = unicodedata.normalize("NFKC", str(text)).translate(_MINUS).strip()
    cleaned = cleaned.replace(" ", "")
    if not _WHOLE.fullmatch(cleaned) or not cleaned.isascii():
        return None
    return int(cleaned.split(".")[0])


def _malformed_key(text: Any) -> str:
    cleaned = unicodedata.normalize("NFKC", str(text or "")).translate(_MINUS).strip()
    if _DECIMAL.fullmatch(cleaned):
        return "practice.check.not_whole"
    return "practice.check.malformed_number"


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
    given = parse_whole_number(text)
    if given is None:
        shown = str(text or "").strip()[:40]
        return Verdict(MALFORMED, None, (Step.of(_malformed_key(text), given=shown),))
    if given == answer:
        return Verdict(CORRECT, given, (Step.of("practice.check.correct"),))
    return Verdict(
        INCORRECT, given, (Step.of("practice.check.incorrect", given=given, answer=answer),)
    )
