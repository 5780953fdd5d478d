"""Receptive fields of stacked convolutions: the field after each layer, every term kept.

One output pixel of a stack of layers ``(kernel_size, stride, dilation)`` reads a square of the
input, its receptive field. The field grows by ``(k̂ − 1)`` times the product of the strides
*before* the layer. The chains of taps behind the field are counted in
:mod:`convviz.engine.paths`; 1-D causal (WaveNet) stacks are in :mod:`convviz.engine.causal`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.params import _show, check_positive
from convviz.engine.sizes import effective_kernel_size

Layer = tuple[int, int, int]  # (kernel_size, stride, dilation)
_LAYER_NAMES = ("kernel_size", "stride", "dilation")


def check_layers(layers: Any) -> list[Layer]:
    """``layers`` as a list of ``(kernel_size, stride, dilation)`` triples of ints >= 1.

    Parameters
    ----------
    layers : sequence of sequence of int
        One ``(kernel_size, stride, dilation)`` per layer, input first. May be empty.

    Returns
    -------
    list of tuple of int
        ``L`` triples of Python ints.

    Raises
    ------
    ConvValueError
        ``layers_not_list`` when ``layers`` is not a sequence; ``layer_not_triple`` naming the
        layer index and value; ``not_integer`` / ``not_positive`` naming the entry, e.g.
        ``layers[2].dilation=0 must be at least 1``.
    """
    if isinstance(layers, np.ndarray):
        layers = layers.tolist()
    if not isinstance(layers, Sequence) or isinstance(layers, str | bytes):
        raise ConvValueError(
            "layers_not_list",
            f"layers={_show(layers)} must be a list of (kernel_size, stride, dilation) triples",
            value=_show(layers),
        )
    checked = []
    for index, entry in enumerate(layers):
        layer = entry.tolist() if isinstance(entry, np.ndarray) else entry
        if (
            not isinstance(layer, Sequence)
            or isinstance(layer, str | bytes)
            or len(layer) != len(_LAYER_NAMES)
        ):
            raise ConvValueError(
                "layer_not_triple",
                f"layers[{index}]={_show(layer)} must be a triple "
                "(kernel_size, stride, dilation) of whole numbers",
                index=index,
                value=_show(layer),
            )
        checked.append(
            tuple(
                check_positive(f"layers[{index}].{name}", value)
                for name, value in zip(_LAYER_NAMES, layer, strict=True)
            )
        )
    return checked


def receptive_field(layers: Any) -> list[int]:
    """Receptive field (pixels per side) of one output pixel after each layer of a stack.

    Parameters
    ----------
    layers : sequence of (int, int, int)
        ``(kernel_size, stride, dilation)`` of each layer, input first; ``L`` layers.

    Returns
    -------
    list of int
        ``[r_1, …, r_L]`` (empty for no layers).

    Raises
    ------
    ConvValueError
        When a layer is not a triple of ints >= 1 (see :func:`check_layers`).

    Notes
    -----
    With k̂_l = d_l(k_l − 1) + 1 and r_0 = 1:

    ``r_l = r_(l−1) + (k̂_l − 1) · ∏_(m<l) s_m``

    A layer's own stride does not widen its own field; it spaces the taps of the layers after
    it. Three 3×3 layers with d = 1, 2, 4 reach 3, 7, 15.

    Examples
    --------
    >>> receptive_field([(3, 1, 1), (3, 1, 2), (3, 1, 4)])
    [3, 7, 15]
    """
    return [step.field for step in field_steps(layers)]


@dataclass(frozen=True)
class FieldStep:
    """One row of the receptive-field recurrence, every term as a number.

    ``field = previous + growth`` with ``growth = (effective_size − 1) · jump``. ``layer`` is
    1-based (layer 0 is the input, field 1).
    """

    layer: int
    kernel_size: int
    stride: int
    dilation: int
    effective_size: int
    jump: int
    growth: int
    previous: int
    field: int


def field_steps(layers: Any) -> list[FieldStep]:
    """The recurrence of :func:`receptive_field` term by term, for a table or a formula.

    Parameters
    ----------
    layers : sequence of (int, int, int)
        ``(kernel_size, stride, dilation)`` of each layer; ``L`` layers.

    Returns
    -------
    list of FieldStep
        ``L`` rows: k, s, d, k̂ = d(k − 1) + 1, jump ∏_(m<l) s_m, growth (k̂ − 1)·jump,
        the previous field and the new one.
    """
    steps, field, jump = [], 1, 1
    for index, (k, s, d) in enumerate(check_layers(layers), start=1):
        k_hat = effective_kernel_size(k, d)
        growth = (k_hat - 1) * jump
        steps.append(FieldStep(index, k, s, d, k_hat, jump, growth, field, field + growth))
        field += growth
        jump *= s
    return steps
