"""Question family: parameter counts of grouped, depthwise-separable and 1×1 layers.

Answers come from the engine's counter (``compare_layers``, built on ``conv_params``); the
worked steps are the engine's terms (``k_h·k_w·C_in/g·C_out`` and the biases). Links open
the grouped page (its counts section) or the 1×1 page with the same channels.
"""

from __future__ import annotations

import math

import numpy as np

from convviz.engine.counting import Term, compare_layers
from convviz.practice.question import NUMBER, Link, Question, Step, draw

_CHANNELS = {1: (4, 8), 2: (4, 6, 8, 12), 3: (6, 8, 12, 16)}
_KERNELS = {1: (1, 3), 2: (3, 5), 3: (3, 5, 7)}
MAX_POINTWISE_CHANNELS = 8  # the 1×1 page's channel sliders


def terms_text(terms: tuple[Term, ...]) -> str:
    """``3·3·4·8 + 8 + …`` from the engine's terms (a bias term is its single factor)."""
    return " + ".join("·".join(str(f) for f in term.factors) for term in terms)


def _fitting_input(kernel_size: int) -> int:
    """An input size for the grouped page that the kernel fits (its default is 4)."""
    return max(4, kernel_size)


def _bias(rng: np.random.Generator, level: int) -> bool:
    return False if level == 1 else bool(draw(rng, (False, True)))


def _question(family, level, prompt, layer, link) -> Question:
    steps = (
        Step.of(f"practice.explain.{family}", shapes=" → ".join(map(str, layer.weight_shapes))),
        Step.of("practice.explain.count", terms=terms_text(layer.param_terms), total=layer.params),
    )
    return Question(family, level, (prompt,), NUMBER, layer.params, steps, link)


def grouped_params(rng: np.random.Generator, level: int) -> Question:
    """Parameters of a grouped convolution (g > 1 divides both channel counts)."""
    cin, cout = draw(rng, _CHANNELS[level]), draw(rng, _CHANNELS[level])
    common = [g for g in range(2, math.gcd(cin, cout) + 1) if cin % g == 0 == cout % g]
    g = draw(rng, common)
    k, bias = draw(rng, _KERNELS[level]), _bias(rng, level)
    layer = compare_layers(cin, cout, k, 1, g, bias=bias)["grouped"]
    prompt = Step.of(
        "practice.q.grouped_params",
        cin=cin,
        cout=cout,
        k=k,
        g=g,
        bias_key=f"practice.bias.{str(bias).lower()}",
    )
    link = Link.of(
        "grouped",
        in_channels=cin,
        out_channels=cout,
        groups=g,
        kernel_size=k,
        input_size=_fitting_input(k),
        bias=bias,
        view="counts",  # the tab of the parameter counts
    )
    return _question("grouped_params", level, prompt, layer, link)


def separable_params(rng: np.random.Generator, level: int) -> Question:
    """Parameters of a depthwise-separable block: k×k depthwise, then 1×1 pointwise."""
    cin, cout = draw(rng, _CHANNELS[level]), draw(rng, _CHANNELS[level])
    k, bias = draw(rng, _KERNELS[level][-2:]), _bias(rng, level)
    layer = compare_layers(cin, cout, k, 1, bias=bias)["separable"]
    prompt = Step.of(
        "practice.q.separable_params",
        cin=cin,
        cout=cout,
        k=k,
        bias_key=f"practice.bias.{str(bias).lower()}",
    )
    link = Link.of(
        "grouped",
        in_channels=cin,
        out_channels=cout,
        kernel_size=k,
        input_size=_fitting_input(k),
        bias=bias,
        view="counts",  # the tab of the parameter counts
    )
    return _question("separable_params", level, prompt, layer, link)


def pointwise_params(rng: np.random.Generator, level: int) -> Question:
    """Parameters of a 1×1 convolution (a C_out×C_in matrix, plus biases)."""
    small = [c for c in _CHANNELS[level] if c <= MAX_POINTWISE_CHANNELS] or [8]
    cin, cout = draw(rng, small), draw(rng, small)
    bias = _bias(rng, level)
    layer = compare_layers(cin, cout, 1, 1, bias=bias)["pointwise"]
    prompt = Step.of(
        "practice.q.pointwise_params",
        cin=cin,
        cout=cout,
        bias_key=f"practice.bias.{str(bias).lower()}",
    )
    link = Link.of("pointwise", in_channels=cin, out_channels=cout)
    return _question("pointwise_params", level, prompt, layer, link)
