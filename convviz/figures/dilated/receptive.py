"""The receptive field of a stack, layer by layer: the table of the recurrence and where the
output pixel sits in its field.

The receptive field of a stack grows as r₀ = 1, r_l = r_(l−1) + (k̂_l − 1)·∏_(m<l) s_m with
k̂ = d(k − 1) + 1. Figures of the field live beside this module: :mod:`receptive_paths`
(path counts and gridding holes), :mod:`receptive_aspp` (parallel branches),
:mod:`receptive_wavenet` (a causal 1-D stack), :mod:`receptive_compare` (the alternatives).
Builders are pure (engine results and ``lang`` in).
"""

from __future__ import annotations

from collections.abc import Sequence

from convviz.engine.receptive import FieldStep, field_steps
from convviz.engine.sizes import effective_kernel_size
from convviz.i18n import translate
from convviz.stacks import Layer

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def effective_size(layer: Layer) -> int:
    """k̂ = d(k − 1) + 1 of one layer (the engine's formula)."""
    return effective_kernel_size(layer.kernel_size, layer.dilation)


def stack_rows(steps: Sequence[FieldStep], *, lang: str) -> list[dict]:
    """One table row per layer: k, s, d, k̂, the jump ∏ s before it, r_l and how r_l follows.

    Parameters
    ----------
    steps : sequence of FieldStep
        The engine's recurrence term by term (``field_steps(layers)``), one per layer.

    Returns
    -------
    list of dict
        Keys are the translated column titles, in display order.
    """
    col = {
        name: translate(f"dilated.stack.col_{name}", lang)
        for name in ("layer", "kernel", "stride", "dilation", "k_hat", "jump", "rf", "formula")
    }
    return [
        {
            col["layer"]: step.layer,
            col["kernel"]: step.kernel_size,
            col["stride"]: step.stride,
            col["dilation"]: step.dilation,
            col["k_hat"]: step.effective_size,
            col["jump"]: step.jump,
            col["rf"]: step.field,
            col["formula"]: translate(
                "dilated.stack.row_formula",
                lang,
                l=str(step.layer).translate(_SUBSCRIPTS),
                prev=step.previous,
                k_hat=step.effective_size,
                jump=step.jump,
                rf=step.field,
            ),
        }
        for step in steps
    ]


def field_origin(layers: Sequence[Layer]) -> int:
    """Index of the output pixel's own position in its field, each layer padded ⌊(k̂ − 1)/2⌋.

    Layer l's padding shifts the field by ⌊(k̂_l − 1)/2⌋ of its jumps (the engine's
    ``field_steps``): Σ_l ⌊(k̂_l − 1)/2⌋ · ∏_(m<l) s_m.
    """
    steps = field_steps([tuple(layer) for layer in layers])
    return sum((step.effective_size - 1) // 2 * step.jump for step in steps)
