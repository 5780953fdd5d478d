"""Question family: "is this a valid configuration?" — and if not, which rule breaks it.

The answer is the engine's verdict: ``"valid"``, or the ``code`` of the
:class:`~convviz.engine.errors.ConvValueError` it raises (the first rule broken, in the
engine's order). The worked step is the engine's own explanation (``error.<code>`` with the
error's values) or the output size it computes. The link opens the page at the same setting,
where the same explanation is shown in place of the figure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from convviz.engine.counting import conv_params
from convviz.engine.errors import ConvValueError
from convviz.engine.sizes import conv_output_size, conv_transpose_output_size
from convviz.practice.question import CHOICE, Link, Question, Step, draw, forward_link, setting_step

VALID = "valid"
RULES = (
    VALID,
    "kernel_too_large",
    "output_padding_too_large",
    "transpose_output_empty",
    "groups_not_dividing",
)
_TRIES = 60  # draws spent looking for the wanted verdict before taking any


def verdict(check: Callable[[], Any], valid_key: str) -> tuple[str, Step]:
    """Run an engine ``check``; return ``("valid", valid_key step)`` or ``(code, error step)``.

    The valid step gets the check's result (an output size, a parameter count) as ``result``.
    """
    try:
        result = check()
    except ConvValueError as error:
        return error.code, Step.of(f"error.{error.code}", **error.values)
    return VALID, Step.of(valid_key, result=result)


def _pick(
    rng: np.random.Generator,
    propose: Callable[[np.random.Generator], dict[str, int]],
    check: Callable[[dict[str, int]], Callable[[], Any]],
    wanted: tuple[str, ...],
    valid_key: str = "practice.explain.valid_size",
) -> tuple[dict[str, int], str, Step]:
    """A setting whose engine verdict is one of ``wanted`` (the target is drawn first)."""
    target = draw(rng, wanted)
    for _ in range(_TRIES):
        settings = propose(rng)
        code, step = verdict(check(settings), valid_key)
        if code == target:
            return settings, code, step
    return settings, code, step  # the engine's verdict, whatever it is


def _between(rng: np.random.Generator, low: int, high: int) -> int:
    return int(rng.integers(low, high + 1))


def _question(family, level, prompt, code, step, *, link) -> Question:
    return Question(family, level, (prompt,), CHOICE, code, (step,), link, options=RULES)


def conv_validity(rng: np.random.Generator, level: int) -> Question:
    """A forward (possibly dilated) convolution: valid, or a kernel larger than the padded input."""

    def propose(rng: np.random.Generator) -> dict[str, int]:
        return {
            "input_size": _between(rng, 2, 6),
            "kernel_size": _between(rng, 2, 7),
            "stride": _between(rng, 1, 3),
            "padding": _between(rng, 0, 2),
            "dilation": _between(rng, 1, 1 + level),
        }

    def check(settings: dict[str, int]) -> Callable[[], int]:
        return lambda: conv_output_size(*settings.values())

    settings, code, step = _pick(rng, propose, check, (VALID, "kernel_too_large"))
    prompt = setting_step("practice.q.conv_validity", settings)
    return _question("conv_validity", level, prompt, code, step, link=forward_link(**settings))


def transpose_validity(rng: np.random.Generator, level: int) -> Question:
    """A transposed convolution: valid, output_padding too large, or an empty output."""

    def propose(rng: np.random.Generator) -> dict[str, int]:
        return {
            "input_size": _between(rng, 1, 4),
            "kernel_size": _between(rng, 1, 4),
            "stride": _between(rng, 1, 3),
            "padding": _between(rng, 0, 3),
            "output_padding": _between(rng, 0, 3),
            "dilation": _between(rng, 1, level),
        }

    def check(settings: dict[str, int]) -> Callable[[], int]:
        return lambda: conv_transpose_output_size(*settings.values())

    wanted = (VALID, "output_padding_too_large", "transpose_output_empty")
    settings, code, step = _pick(rng, propose, check, wanted)
    prompt = setting_step("practice.q.transpose_validity", settings)
    link = Link.of("transposed", **settings)
    return _question("transpose_validity", level, prompt, code, step, link=link)


def groups_validity(rng: np.random.Generator, level: int) -> Question:
    """A grouped convolution: valid, or groups that do not divide the channel counts."""
    channels = (4, 6, 8, 12, 16) if level > 1 else (4, 8, 16)

    def propose(rng: np.random.Generator) -> dict[str, int]:
        return {
            "in_channels": draw(rng, channels),
            "out_channels": draw(rng, channels),
            "groups": _between(rng, 2, 8),
            "kernel_size": 3,
        }

    def check(settings: dict[str, int]) -> Callable[[], int]:
        return lambda: conv_params(
            settings["in_channels"],
            settings["out_channels"],
            settings["kernel_size"],
            settings["groups"],
        )

    settings, code, step = _pick(
        rng, propose, check, (VALID, "groups_not_dividing"), "practice.explain.valid_params"
    )
    prompt = setting_step("practice.q.groups_validity", settings)
    link = Link.of("grouped", **settings)
    return _question("groups_validity", level, prompt, code, step, link=link)
