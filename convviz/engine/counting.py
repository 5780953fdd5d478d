"""Parameter and multiply-accumulate counts of convolution layers, with every term kept.

A count a learner can check is a sum of products (``3·3·192·128 + …``), so each count here is
returned with its terms as numbers (:class:`Term`), never as text. The comparisons the app
teaches — grouped (1/g), depthwise, depthwise separable (1/C_out + 1/k²), 1×1 — are all
built from :func:`conv_params`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.params import _show, check_groups, check_positive, positive_pair


def _check_bias(bias: Any) -> bool:
    """``bias`` if it is a bool (``1`` or ``"False"`` are refused, not guessed)."""
    if not isinstance(bias, bool | np.bool_):
        raise ConvValueError(
            "bias_not_bool",
            f"bias={_show(bias)} must be True or False",
            suggestion={"bias": True},
            value=_show(bias),
        )
    return bool(bias)


def conv_params(
    in_channels: Any, out_channels: Any, kernel_size: Any, groups: Any = 1, bias: Any = True
) -> int:
    """Number of learnable parameters of a 2-D convolution (PyTorch's ``nn.Conv2d``).

    Parameters
    ----------
    in_channels, out_channels : int
        C_in and C_out (>= 1), both divisible by ``groups``.
    kernel_size : int or (int, int)
        ``k`` or ``(k_h, k_w)``.
    groups : int
        g >= 1; each of the g groups maps C_in/g input channels to C_out/g outputs.
    bias : bool
        Whether each output channel has a bias.

    Returns
    -------
    int
        Weights (shape ``(C_out, C_in/g, k_h, k_w)``) plus C_out biases if ``bias``.

    Raises
    ------
    ConvValueError
        ``groups_not_dividing`` naming C_in, C_out and g; ``not_positive`` / ``not_integer``
        for a bad count; ``bias_not_bool``.

    Notes
    -----
    ``k_h·k_w·(C_in/g)·C_out (+ C_out)``: 1/g of the standard convolution's weights.

    Examples
    --------
    >>> conv_params(192, 64, 1, bias=False)
    12288
    >>> conv_params(4, 8, 3, groups=2)
    152
    """
    cin = check_positive("in_channels", in_channels)
    cout = check_positive("out_channels", out_channels)
    kh, kw = positive_pair(kernel_size, "kernel_size")
    g = check_groups(groups, cin, cout)
    return kh * kw * (cin // g) * cout + (cout if _check_bias(bias) else 0)


@dataclass(frozen=True)
class Term:
    """One product of a count: ``value == prod(factors)``.

    ``name`` says what it counts: ``"weights"``, ``"bias"``, ``"macs"`` in layer comparisons,
    or a layer id (``"branch2_3x3"``) in blocks. Weight factors are ``(k_h, k_w, C_in/g, C_out)``,
    MAC factors add ``(H_out, W_out)``; a bias term is ``(C_out,)``.
    """

    name: str
    factors: tuple[int, ...]
    value: int


def _term(name: str, *factors: int) -> Term:
    """The term ``name`` whose value is the product of ``factors`` (already checked ints)."""
    return Term(name, tuple(factors), math.prod(factors))


@dataclass(frozen=True)
class LayerCost:
    """Parameters and MACs of one variant of a layer (one or more convolutions).

    Attributes
    ----------
    name : str
        ``"standard"``, ``"grouped"``, ``"depthwise"``, ``"separable"`` or ``"pointwise"``.
    weight_shapes : tuple of (int, int, int, int)
        PyTorch weight shape ``(C_out, C_in/g, k_h, k_w)`` of each convolution, in order.
    params : int
        Sum of ``param_terms`` (weights, plus biases if asked).
    macs : int
        Sum of ``mac_terms``.
    param_terms, mac_terms : tuple of Term
    """

    name: str
    weight_shapes: tuple[tuple[int, int, int, int], ...]
    params: int
    macs: int
    param_terms: tuple[Term, ...]
    mac_terms: tuple[Term, ...]

    @property
    def weights(self) -> int:
        """Parameters without the biases."""
        return sum(t.value for t in self.param_terms if t.name == "weights")


def _cost(
    name: str,
    convs: list[tuple[int, int, tuple[int, int], int]],
    out: tuple[int, int],
    *,
    bias: bool,
) -> LayerCost:
    """LayerCost of ``convs`` = ``[(C_in, C_out, (k_h, k_w), g), …]`` all at output ``out``."""
    shapes, params, macs = [], [], []
    for cin, cout, (kh, kw), g in convs:
        value = conv_params(cin, cout, (kh, kw), g, bias=False)
        weights = Term("weights", (kh, kw, cin // g, cout), value)
        shapes.append((cout, cin // g, kh, kw))
        params.append(weights)
        if bias:
            params.append(_term("bias", cout))
        macs.append(_term("macs", kh, kw, cin // g, cout, *out))
    return LayerCost(
        name,
        tuple(shapes),
        sum(t.value for t in params),
        sum(t.value for t in macs),
        tuple(params),
        tuple(macs),
    )


@dataclass(frozen=True)
class LayerComparison:
    """The variants of one layer, their costs and the savings as exact fractions.

    Attributes
    ----------
    layers : tuple of LayerCost
        ``standard``, ``grouped``, ``depthwise``, ``separable``, ``pointwise``, in that order.
    grouped_ratio, separable_ratio : Fraction
        Weights of the grouped / depthwise-separable variant over the standard one (biases
        left out), from the counts.
    grouped_formula, separable_formula : Fraction
        The same from the formulas: ``1/g`` and ``m·(1/C_out + 1/(k_h·k_w))``; they are equal
        to the ratios, which is what the page checks live.
    """

    layers: tuple[LayerCost, ...]
    grouped_ratio: Fraction
    grouped_formula: Fraction
    separable_ratio: Fraction
    separable_formula: Fraction

    def __getitem__(self, name: str) -> LayerCost:
        """The variant called ``name``."""
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise KeyError(name)


def compare_layers(
    in_channels: Any,
    out_channels: Any,
    kernel_size: Any,
    output_size: Any,
    groups: Any = 1,
    *,
    multiplier: Any = 1,
    bias: Any = False,
) -> LayerComparison:
    """Costs of a standard, grouped, depthwise, depthwise-separable and 1×1 convolution.

    Parameters
    ----------
    in_channels, out_channels : int
        C_in and C_out of the layer being replaced.
    kernel_size : int or (int, int)
        ``k`` or ``(k_h, k_w)`` of the spatial convolutions.
    output_size : int or (int, int)
        ``(H_out, W_out)``, the same for every variant (the pointwise layer of the separable
        block runs on the depthwise output of that size).
    groups : int
        g of the grouped variant; divides C_in and C_out.
    multiplier : int
        Depthwise channel multiplier m: the depthwise convolution has ``groups = C_in`` and
        ``C_in·m`` outputs (m = 1 in MobileNet); the separable block's 1×1 maps them to C_out.
    bias : bool
        Count one bias per output channel of every convolution.

    Returns
    -------
    LayerComparison
        With weight shapes:

        - standard ``(C_out, C_in, k_h, k_w)``;
        - grouped ``(C_out, C_in/g, k_h, k_w)``;
        - depthwise ``(C_in·m, 1, k_h, k_w)`` (its output has C_in·m channels, not C_out);
        - separable: depthwise then pointwise ``(C_out, C_in·m, 1, 1)``;
        - pointwise ``(C_out, C_in, 1, 1)``.

    Notes
    -----
    Weights: standard ``k²·C_in·C_out``, grouped ``k²·C_in·C_out/g``, separable
    ``k²·C_in·m + C_in·m·C_out``, so separable / standard = ``m·(1/C_out + 1/k²)``.
    MACs are weights × ``H_out·W_out`` for each convolution.
    """
    cin = check_positive("in_channels", in_channels)
    cout = check_positive("out_channels", out_channels)
    k = positive_pair(kernel_size, "kernel_size")
    out = positive_pair(output_size, "output_size")
    g = check_groups(groups, cin, cout)
    m = check_positive("multiplier", multiplier)
    bias = _check_bias(bias)
    depthwise = (cin, cin * m, k, cin)
    layers = (
        _cost("standard", [(cin, cout, k, 1)], out, bias=bias),
        _cost("grouped", [(cin, cout, k, g)], out, bias=bias),
        _cost("depthwise", [depthwise], out, bias=bias),
        _cost("separable", [depthwise, (cin * m, cout, (1, 1), 1)], out, bias=bias),
        _cost("pointwise", [(cin, cout, (1, 1), 1)], out, bias=bias),
    )
    standard = layers[0].weights
    return LayerComparison(
        layers,
        grouped_ratio=Fraction(layers[1].weights, standard),
        grouped_formula=Fraction(1, g),
        separable_ratio=Fraction(layers[3].weights, standard),
        separable_formula=m * (Fraction(1, cout) + Fraction(1, k[0] * k[1])),
    )
