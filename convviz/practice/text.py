"""Turning a :class:`~convviz.practice.question.Step` into text in one language.

A value whose name ends in ``_key`` is itself an i18n key (e.g. the name of a rule) and is
translated before it goes into the line, so a question stays language-free data.
"""

from __future__ import annotations

from convviz.i18n import translate
from convviz.practice.question import Question, Step


def step_text(step: Step, lang: str) -> str:
    """The line ``step`` stands for, in ``lang``."""
    values = {
        name: translate(value, lang) if name.endswith("_key") else value
        for name, value in step.values
    }
    return translate(step.key, lang, **values)


def prompt_text(question: Question, lang: str) -> str:
    """The question, its lines joined into one markdown paragraph block."""
    return "\n\n".join(step_text(step, lang) for step in question.prompt)


def option_label(code: str, lang: str) -> str:
    """The label of a choice code (``"valid"``, ``"kernel_too_large"``, …)."""
    return translate(f"practice.rule.{code}", lang)
