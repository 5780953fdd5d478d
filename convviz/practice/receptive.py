"""Question family: the receptive field of a stack of convolutions.

The answer is the engine's ``receptive_field``; the worked steps are its recurrence term by
term (``field_steps``). The link opens the dilated page's stacks tab, its layer table
holding the same stack (``layers=3-1-1,3-1-2&view=stacks``, see :mod:`convviz.stacks`).
"""

from __future__ import annotations

import numpy as np

from convviz.engine.receptive import field_steps, receptive_field
from convviz.practice.question import NUMBER, Link, Question, Step, draw, first_valid
from convviz.stacks import Layer, check_layers, format_layers

# (layer counts, kernel sizes, strides, dilations) per level.
_LEVELS = {
    1: ((2, 3), (3,), (1,), (1, 2)),
    2: ((2, 3), (3, 5), (1,), (1, 2, 4)),
    3: ((3, 4), (2, 3, 5), (1, 2), (1, 2, 3)),
}


def receptive(rng: np.random.Generator, level: int) -> Question:
    """ "How wide is the receptive field after the last layer?" for a small stack."""
    counts, kernels, strides, dilations = _LEVELS[level]

    def propose(rng: np.random.Generator) -> dict:
        count = int(rng.integers(counts[0], counts[1] + 1))
        layers = tuple(
            Layer(draw(rng, kernels), draw(rng, strides), draw(rng, dilations))
            for _ in range(count)
        )
        return {"layers": layers}

    def accept(settings: dict) -> int | None:
        layers = check_layers(settings["layers"])  # inside the page's table limits
        if level == 3 and all(layer.stride == 1 for layer in layers[:-1]):
            return None  # level 3 is about strides spacing the later taps
        return receptive_field(layers)[-1]

    fallback = {"layers": (Layer(3, 1, 1), Layer(3, 1, 2))}
    settings, field = first_valid(rng, propose, accept, fallback)
    layers = settings["layers"]
    table = "\n".join(
        f"{n}. k = {layer.kernel_size}, s = {layer.stride}, d = {layer.dilation}"
        for n, layer in enumerate(layers, start=1)
    )
    prompt = (
        Step.of("practice.q.receptive", count=len(layers)),
        Step.of("practice.q.layers", table=table),
    )
    steps = tuple(
        Step.of(
            "practice.explain.receptive_step",
            layer=row.layer,
            k=row.kernel_size,
            d=row.dilation,
            k_hat=row.effective_size,
            jump=row.jump,
            previous=row.previous,
            field=row.field,
        )
        for row in field_steps(layers)
    )
    steps = (Step.of("practice.explain.receptive_rule"), *steps)
    link = Link.of("dilated", layers=format_layers(layers), view="stacks")  # the layer table
    return Question("receptive", level, prompt, NUMBER, field, steps, link)
