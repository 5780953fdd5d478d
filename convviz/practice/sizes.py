"""Question family: output sizes of the standard, dilated and transposed convolution.

The answer is the engine's (``conv_output_size``, ``conv_transpose_output_size``); the worked
steps spell out the formula with the numbers. Every setting stays inside the sliders of the
page the link opens (the dilated page for the forward formula, the transposed page for the
transposed one), so the link reproduces it exactly.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from convviz.engine.sizes import (
    conv_output_size,
    conv_transpose_output_size,
    effective_kernel_size,
)
from convviz.practice.question import (
    NUMBER,
    Link,
    Question,
    Step,
    draw,
    first_valid,
    forward_link,
    setting_step,
)

# Inclusive ranges per level: (input_size, kernel_size, stride, padding, dilation).
_CONV_LEVELS = {
    1: ((4, 8), (1, 3), (1, 1), (0, 1), (1, 1)),
    2: ((5, 12), (2, 5), (1, 3), (0, 2), (1, 1)),
    3: ((5, 12), (2, 7), (2, 4), (0, 4), (1, 3)),
}
_DILATED_LEVELS = {
    1: ((7, 12), (2, 3), (1, 1), (0, 0), (2, 2)),
    2: ((7, 12), (2, 3), (1, 2), (0, 2), (2, 3)),
    3: ((7, 12), (2, 5), (1, 3), (0, 4), (2, 4)),
}
# (input_size, kernel_size, stride, padding, dilation); output_padding is drawn below max(s, d).
_TRANSPOSE_LEVELS = {
    1: ((2, 5), (2, 4), (1, 2), (0, 0), (1, 1)),
    2: ((2, 6), (2, 5), (1, 3), (0, 2), (1, 1)),
    3: ((2, 8), (2, 7), (2, 4), (0, 3), (1, 3)),
}
_KEYS = ("input_size", "kernel_size", "stride", "padding", "dilation")


def _between(rng: np.random.Generator, low_high: tuple[int, int]) -> int:
    return int(rng.integers(low_high[0], low_high[1] + 1))


def _propose(ranges: tuple[tuple[int, int], ...]):
    def propose(rng: np.random.Generator) -> dict[str, int]:
        return {key: _between(rng, span) for key, span in zip(_KEYS, ranges, strict=True)}

    return propose


def conv_size_steps(input_size: int, kernel_size: int, stride: int, padding: int, dilation: int):
    """Worked steps of ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1 (the engine gives ``o``)."""
    o = conv_output_size(input_size, kernel_size, stride, padding, dilation)
    numerator = input_size + 2 * padding - effective_kernel_size(kernel_size, dilation)
    steps = [
        Step.of(
            "practice.explain.conv_size",
            i=input_size,
            k=kernel_size,
            s=stride,
            p=padding,
            d=dilation,
            numerator=numerator,
            o=o,
        )
    ]
    if numerator % stride:
        steps.append(Step.of("practice.explain.floor", leftover=numerator % stride, s=stride))
    return o, tuple(steps)


def _forward_question(family: str, level: int, settings: dict[str, int], *, wide: bool) -> Question:
    o, steps = conv_size_steps(**settings)
    prompt = setting_step("practice.q.conv_size", settings)
    prompts = (prompt, Step.of("practice.q.dilated_hint")) if wide else (prompt,)
    return Question(family, level, prompts, NUMBER, o, steps, forward_link(**settings))


def conv_size(rng: np.random.Generator, level: int) -> Question:
    """ "What is the output size?" for a forward convolution (dilation from level 3 on)."""
    ranges = _CONV_LEVELS[level]

    def accept(settings: dict[str, Any]) -> int | None:
        o, steps = conv_size_steps(**settings)
        floored = len(steps) > 1
        # Level 3 asks mostly about settings where the floor drops rows.
        return None if level == 3 and not floored and draw(rng, (0, 1, 2)) else o

    fallback = dict(zip(_KEYS, (7, 3, 2, 1, 1), strict=True))
    settings, _ = first_valid(rng, _propose(ranges), accept, fallback)
    return _forward_question("conv_size", level, settings, wide=False)


def dilated_size(rng: np.random.Generator, level: int) -> Question:
    """ "What is the output size?" for a dilated convolution (d >= 2)."""
    fallback = dict(zip(_KEYS, (9, 3, 1, 0, 2), strict=True))
    settings, _ = first_valid(
        rng, _propose(_DILATED_LEVELS[level]), lambda s: conv_size_steps(**s)[0], fallback
    )
    return _forward_question("dilated_size", level, settings, wide=True)


def transpose_size_steps(
    *,
    input_size: int,
    kernel_size: int,
    stride: int,
    padding: int,
    output_padding: int,
    dilation: int,
):
    """Worked steps of (i − 1)s − 2p + d(k − 1) + a + 1 (the engine gives ``o``)."""
    o = conv_transpose_output_size(
        input_size, kernel_size, stride, padding, output_padding, dilation
    )
    step = Step.of(
        "practice.explain.transpose_size",
        i=input_size,
        k=kernel_size,
        s=stride,
        p=padding,
        a=output_padding,
        d=dilation,
        stretched=(input_size - 1) * stride,
        crop=2 * padding,
        span=dilation * (kernel_size - 1),
        o=o,
    )
    return o, (step,)


def transpose_size(rng: np.random.Generator, level: int) -> Question:
    """ "What is the output size?" for a transposed convolution with output_padding."""
    ranges = _TRANSPOSE_LEVELS[level]

    def propose(rng: np.random.Generator) -> dict[str, int]:
        settings = _propose(ranges)(rng)
        top = max(settings["stride"], settings["dilation"]) - 1 if level > 1 else 0
        settings["output_padding"] = int(rng.integers(0, top + 1))
        return settings

    fallback = {
        "input_size": 3,
        "kernel_size": 3,
        "stride": 2,
        "padding": 1,
        "output_padding": 1,
        "dilation": 1,
    }
    settings, _ = first_valid(rng, propose, lambda s: transpose_size_steps(**s)[0], fallback)
    o, steps = transpose_size_steps(**settings)
    prompt = setting_step("practice.q.transpose_size", settings)
    return Question(
        "transpose_size", level, (prompt,), NUMBER, o, steps, Link.of("transposed", **settings)
    )
