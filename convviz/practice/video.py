"""Question families of 3-D convolution: how many frames a clip's output has, and how many
weights a ``Conv3d`` layer has.

Answers come from the engine (``conv_output_size`` along depth, ``conv3d_weights``); the worked
steps are the size formula with the numbers and the weight's factors. Links open the 3-D page
at the same depth setting, or with the same kernel and channels in its weights table.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from convviz.engine.sizes import conv_output_size
from convviz.engine.video_counts import conv3d_weights
from convviz.practice.question import NUMBER, Link, Question, Step, draw, first_valid
from convviz.practice.sizes import conv_size_steps

# Inclusive ranges per level: frames D, kD, s_d, p_d, d_d (inside the 3-D page's sliders).
_FRAMES_LEVELS = {
    1: ((4, 8), (2, 3), (1, 1), (0, 1), (1, 1)),
    2: ((4, 8), (2, 5), (1, 2), (0, 2), (1, 1)),
    3: ((3, 8), (2, 5), (1, 3), (0, 3), (1, 3)),
}
_DEPTH_KEYS = ("frames", "kernel_depth", "stride_depth", "padding_depth", "dilation_depth")
# kernels (kD, kH, kW): C3D, Ji et al., the two halves of a (2+1)-D block
_KERNELS = ((3, 3, 3), (3, 7, 7), (3, 7, 6), (1, 3, 3), (3, 1, 1))
_CHANNELS = {1: (1, 3, 4, 8), 2: (3, 16, 32, 64), 3: (48, 64, 96, 128)}
PAGE_SIZE = 5  # the 3-D page's default frames and frame size


def conv3d_frames(rng: np.random.Generator, level: int) -> Question:
    """ "How many output frames?" for a clip, a kernel depth and the depth's s, p, d."""

    def propose(rng: np.random.Generator) -> dict[str, int]:
        spans = _FRAMES_LEVELS[level]
        return {k: int(rng.integers(lo, hi + 1)) for k, (lo, hi) in zip(_DEPTH_KEYS, spans,
                                                                          strict=True)}  # fmt: skip

    def accept(settings: dict[str, Any]) -> int:
        return conv_output_size(*(settings[k] for k in _DEPTH_KEYS))

    fallback = dict(zip(_DEPTH_KEYS, (6, 3, 1, 0, 1), strict=True))
    settings, o = first_valid(rng, propose, accept, fallback)
    d, k, s, p, dil = (settings[key] for key in _DEPTH_KEYS)
    _, steps = conv_size_steps(d, k, s, p, dil)
    prompt = Step.of("practice.q.conv3d_frames", frames=d, k=k, s=s, p=p, d=dil)
    return Question(
        "conv3d_frames", level, (prompt,), NUMBER, o, steps, Link.of("conv3d", **settings)
    )


def conv3d_params(rng: np.random.Generator, level: int) -> Question:
    """ "How many parameters?" for ``Conv3d(C_in, C_out, (kD, kH, kW))``, bias from level 2."""
    cin, cout = draw(rng, _CHANNELS[level]), draw(rng, _CHANNELS[level])
    kd, kh, kw = draw(rng, _KERNELS)
    bias = False if level == 1 else bool(draw(rng, (False, True)))
    weights = conv3d_weights(cin, cout, (kd, kh, kw))
    total = weights.value + (cout if bias else 0)
    terms = "·".join(map(str, weights.factors)) + (f" + {cout}" if bias else "")
    prompt = Step.of(
        "practice.q.conv3d_params",
        cin=cin,
        cout=cout,
        kd=kd,
        kh=kh,
        kw=kw,
        bias_key=f"practice.bias.{str(bias).lower()}",
    )
    steps = (
        Step.of("practice.explain.conv3d_params", shape=str((cout, cin, kd, kh, kw))),
        Step.of("practice.explain.count", terms=terms, total=total),
    )
    link = Link.of(
        "conv3d",
        video_in_channels=cin,
        video_out_channels=cout,
        kernel_depth=kd,
        kernel_size=kh,
        kernel_size_w=kw,
        frames=max(PAGE_SIZE, kd),
        input_size=max(PAGE_SIZE, kh),
        input_size_w=max(PAGE_SIZE, kw),
        view="layers",  # the weights table, with the link's channels
    )
    return Question("conv3d_params", level, (prompt,), NUMBER, total, steps, link)
