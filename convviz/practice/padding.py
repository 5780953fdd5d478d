"""Question family: which padding — the output_padding that restores a size, and the padding
that keeps the size ("same").

Answers come from the engine: the output_padding is what separates the wanted size from
``conv_transpose_output_size(..., output_padding=0)`` and is checked to lie in
``output_padding_range``; the "same" padding is ``torch_same_padding`` (only settings where it
is the same on both sides are asked). Links open the transposed page on its output_padding tab
and the dilated page.
"""

from __future__ import annotations

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.sizes import (
    conv_output_size,
    conv_transpose_output_size,
    output_padding_range,
    torch_same_padding,
)
from convviz.practice.question import NUMBER, Link, Question, Step, draw, first_valid, forward_link
from convviz.practice.sizes import conv_size_steps

# (input sizes, kernel sizes, strides, paddings, dilations) per level; strides >= 2, else the
# answer is always 0.
_RESTORE_LEVELS = {
    1: ((5, 12), (2, 3), (2, 2), (0, 1), (1, 1)),
    2: ((5, 12), (2, 5), (2, 3), (0, 2), (1, 1)),
    3: ((5, 12), (2, 5), (2, 4), (0, 3), (1, 2)),
}
_SAME_LEVELS = {  # (kernel sizes, dilations); the page's padding slider stops at 4
    1: ((1, 3, 5, 7), (1,)),
    2: ((2, 3, 4, 5, 7), (1, 2)),
    3: ((2, 3, 4, 5), (1, 2, 3, 4)),
}
MAX_TRANSPOSED_INPUT = 8  # the transposed page's input_size slider


def restoring_output_padding(
    input_size: int, kernel_size: int, stride: int, padding: int, dilation: int
) -> tuple[int, int, int]:
    """The forward output size o, the transposed size without output_padding, and a.

    Returns
    -------
    tuple of int
        ``(o, base, a)``: ``o = conv_output_size(i, …)``, ``base =
        conv_transpose_output_size(o, …, output_padding=0)`` and ``a = i − base``.

    Raises
    ------
    ConvValueError
        From the engine, or ``output_padding_too_large`` if ``a`` is not a valid
        output_padding (it always is, by the floor in the forward formula).
    """
    o = conv_output_size(input_size, kernel_size, stride, padding, dilation)
    base = conv_transpose_output_size(o, kernel_size, stride, padding, 0, dilation)
    a = input_size - base
    if a not in output_padding_range(stride, dilation):
        raise ConvValueError("output_padding_too_large", f"output_padding={a} is out of range")
    restored = conv_transpose_output_size(o, kernel_size, stride, padding, a, dilation)
    if restored != input_size:  # pragma: no cover - the two formulas agree
        raise ConvValueError("output_padding_too_large", "the sizes do not round-trip")
    return o, base, a


def output_padding(rng: np.random.Generator, level: int) -> Question:
    """ "Which output_padding gives back i?" after a strided convolution."""
    ranges = _RESTORE_LEVELS[level]
    keys = ("input_size", "kernel_size", "stride", "padding", "dilation")

    def propose(rng: np.random.Generator) -> dict[str, int]:
        return {
            key: int(rng.integers(lo, hi + 1)) for key, (lo, hi) in zip(keys, ranges, strict=True)
        }

    def accept(settings: dict[str, int]) -> tuple[int, int, int] | None:
        o, base, a = restoring_output_padding(**settings)
        return None if o > MAX_TRANSPOSED_INPUT else (o, base, a)

    fallback = {"input_size": 6, "kernel_size": 3, "stride": 2, "padding": 1, "dilation": 1}
    settings, (o, base, a) = first_valid(rng, propose, accept, fallback)
    i, k, s, p, d = (settings[key] for key in keys)
    _, forward = conv_size_steps(**settings)
    steps = (
        *forward,
        Step.of("practice.explain.restore_base", o=o, k=k, s=s, p=p, d=d, base=base),
        Step.of("practice.explain.restore_a", i=i, base=base, a=a, top=max(s, d) - 1),
    )
    prompt = Step.of("practice.q.output_padding", i=i, k=k, s=s, p=p, d=d, o=o)
    link = Link.of(
        "transposed",
        input_size=o,
        kernel_size=k,
        stride=s,
        padding=p,
        output_padding=a,
        dilation=d,
        view="output_padding",
    )
    return Question("output_padding", level, (prompt,), NUMBER, a, steps, link)


def same_padding(rng: np.random.Generator, level: int) -> Question:
    """ "Which padding keeps the size?" at stride 1 (only when it is equal on both sides)."""
    kernels, dilations = _SAME_LEVELS[level]

    def propose(rng: np.random.Generator) -> dict[str, int]:
        return {
            "input_size": int(rng.integers(5, 13)),
            "kernel_size": draw(rng, kernels),
            "dilation": draw(rng, dilations),
        }

    def accept(settings: dict[str, int]) -> int | None:
        before, after = torch_same_padding(settings["kernel_size"], settings["dilation"])
        if before != after or before > 4:
            return None
        out = conv_output_size(
            settings["input_size"], settings["kernel_size"], 1, before, settings["dilation"]
        )
        return before if out == settings["input_size"] else None

    fallback = {"input_size": 7, "kernel_size": 3, "dilation": 1}
    settings, p = first_valid(rng, propose, accept, fallback)
    i, k, d = settings["input_size"], settings["kernel_size"], settings["dilation"]
    steps = (
        Step.of("practice.explain.same", i=i, k=k, d=d, total=d * (k - 1), p=p),
        *conv_size_steps(i, k, 1, p, d)[1],
    )
    prompt = Step.of("practice.q.same_padding", i=i, k=k, d=d)
    link = forward_link(input_size=i, kernel_size=k, stride=1, padding=p, dilation=d)
    return Question("same_padding", level, (prompt,), NUMBER, p, steps, link)
