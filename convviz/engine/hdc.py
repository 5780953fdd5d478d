"""Hybrid Dilated Convolution (Wang et al. 2018): the two design rules for a stack's rates.

Stacking dilated layers can leave holes in the receptive field (gridding). Wang et al.,
"Understanding Convolution for Semantic Segmentation" (WACV 2018), give two rules for the rates
``r_1, …, r_n`` of ``n`` stacked K×K layers at stride 1:

1. the rates share no common factor greater than 1 (with a factor g every input offset one
   output reads is a multiple of g: 2, 2, 2 reads only even offsets);
2. the maximum distance between two nonzero values, ``M_n = r_n`` and
   ``M_i = max[M_{i+1} − 2 r_i, M_{i+1} − 2 (M_{i+1} − r_i), r_i]``, must end with
   ``M_2 ≤ K``: 1, 2, 5 pass for K = 3 (M_2 = 2), 1, 2, 9 fail (M_2 = 5) although their gcd is 1.

A layer with k = 1 reads one pixel whatever its dilation, so it takes no part in either rule.
The rules are for design; the path counts of :mod:`convviz.engine.paths` are the exact test.
"""

from __future__ import annotations

import math
from itertools import accumulate
from typing import Any, NamedTuple

from convviz.engine.causal import _check_rates
from convviz.engine.receptive import check_layers


def max_distance_chain(rates: Any) -> list[int]:
    """Wang et al.'s maximum distances ``M_1, …, M_n`` between nonzero values, from the rates.

    Parameters
    ----------
    rates : sequence of int
        Dilation rates ``r_1, …, r_n`` (>= 1) of the layers, input first.

    Returns
    -------
    list of int
        ``[M_1, …, M_n]`` (n values; empty for no rates), computed from the last layer down:
        ``M_n = r_n`` and ``M_i = max[M_{i+1} − 2 r_i, M_{i+1} − 2 (M_{i+1} − r_i), r_i]``.

    Examples
    --------
    >>> max_distance_chain([1, 2, 5])
    [1, 2, 5]
    >>> max_distance_chain([1, 2, 9])
    [3, 5, 9]
    """
    checked = _check_rates("rates", rates)
    if not checked:
        return []

    def step(later: int, rate: int) -> int:  # M_i from M_{i+1} and r_i
        return max(later - 2 * rate, later - 2 * (later - rate), rate)

    last_first = accumulate(reversed(checked[:-1]), step, initial=checked[-1])  # M_n, …, M_1
    return list(last_first)[::-1]


class HdcCheck(NamedTuple):
    """Both HDC rules for one stack, with the numbers a learner needs to follow them.

    Attributes
    ----------
    rates : tuple of int
        Dilation rates of the layers with k > 1, input first (k = 1 layers are left out).
    factor : int
        ``gcd(rates)``: 1 meets the first rule; 0 when no layer has k > 1.
    chain : tuple of int
        ``(M_1, …, M_n)`` of :func:`max_distance_chain` over ``rates``.
    kernel_size : int or None
        The K those layers share; None when they mix kernel sizes (the goal ``M_2 ≤ K`` is
        stated for one K) or when no layer has k > 1.
    strided : bool
        Whether a layer before the last has stride > 1 (the rules are stated for stride 1).
    """

    rates: tuple[int, ...]
    factor: int
    chain: tuple[int, ...]
    kernel_size: int | None
    strided: bool

    @property
    def m2(self) -> int | None:
        """``M_2``, or None for fewer than two layers with k > 1."""
        return self.chain[1] if len(self.chain) >= 2 else None

    @property
    def meets_goal(self) -> bool | None:
        """``M_2 ≤ K``; None when the goal does not apply (see :attr:`applies`)."""
        return self.m2 <= self.kernel_size if self.applies else None

    @property
    def applies(self) -> bool:
        """Whether the goal ``M_2 ≤ K`` is defined: two or more K×K layers at stride 1."""
        return self.m2 is not None and self.kernel_size is not None and not self.strided


def hdc_check(layers: Any) -> HdcCheck:
    """The HDC rules for a stack of ``(kernel_size, stride, dilation)`` layers.

    Parameters
    ----------
    layers : sequence of (int, int, int)
        One ``(kernel_size, stride, dilation)`` per layer, input first.

    Returns
    -------
    HdcCheck
        Rates, common factor and ``M`` chain of the layers with k > 1, their shared K and
        whether the stack strides before its last layer.

    Examples
    --------
    >>> hdc_check([(3, 1, 1), (3, 1, 2), (3, 1, 9)]).meets_goal
    False
    >>> hdc_check([(3, 1, 2), (1, 1, 1), (3, 1, 2)]).factor  # the 1×1 layer does not count
    2
    """
    checked = check_layers(layers)
    spread = [(k, d) for k, _, d in checked if k > 1]  # layers whose taps are spread
    rates = tuple(d for _, d in spread)
    sizes = {k for k, _ in spread}
    return HdcCheck(
        rates=rates,
        factor=math.gcd(*rates),
        chain=tuple(max_distance_chain(rates)),
        kernel_size=sizes.pop() if len(sizes) == 1 else None,
        strided=any(s > 1 for _, s, _ in checked[:-1]),
    )
