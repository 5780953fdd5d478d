"""Practice mode: generated questions whose answers come from the engine.

Pure (no Streamlit): :mod:`~convviz.practice.registry` turns ``(seed, level, topic)`` into a
question set, one module per family writes the questions (:mod:`sizes`, :mod:`padding`,
:mod:`cells`, :mod:`receptive`, :mod:`params`, :mod:`validity`), :func:`check_answer` judges
an answer, and :mod:`~convviz.practice.text` turns the language-free steps into text.
"""

from convviz.practice.check import (
    CORRECT,
    INCORRECT,
    MALFORMED,
    Verdict,
    check_answer,
    check_number,
)
from convviz.practice.question import CHOICE, NUMBER, Link, Question, Step
from convviz.practice.registry import FAMILIES, LEVELS, TOPICS, question_set

__all__ = [
    "CHOICE",
    "CORRECT",
    "FAMILIES",
    "INCORRECT",
    "LEVELS",
    "MALFORMED",
    "NUMBER",
    "TOPICS",
    "Link",
    "Question",
    "Step",
    "Verdict",
    "check_answer",
    "check_number",
    "question_set",
]
