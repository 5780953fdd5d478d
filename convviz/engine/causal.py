"""1-D causal (WaveNet) stacks: dilated taps that read only the past, their field and the edges
that join each output to the inputs it reads; the common factor of dilation rates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.params import _show, check_positive


def _check_rates(name: str, rates: Any) -> list[int]:
    """``rates`` as a list of ints >= 1, each error naming ``name[i]``."""
    if isinstance(rates, np.ndarray):
        rates = rates.tolist()
    if not isinstance(rates, Sequence) or isinstance(rates, str | bytes):
        raise ConvValueError(
            "rates_not_list",
            f"{name}={_show(rates)} must be a list of whole numbers >= 1",
            name=name,
            value=_show(rates),
        )
    return [check_positive(f"{name}[{i}]", rate) for i, rate in enumerate(rates)]


def common_factor(dilations: Any) -> int:
    """Greatest common divisor of the dilation rates of a stack (0 for no rates).

    Parameters
    ----------
    dilations : sequence of int
        Rates d_l >= 1.

    Returns
    -------
    int
        ``gcd(d_1, …, d_L)``. Hybrid Dilated Convolution asks for 1: with a common factor
        g > 1 every tap lands on a multiple of g, so the pixels in between are never read
        (d = 2, 2, 2 gives 2). A factor of 1 is necessary, not sufficient: the rates must also
        grow slowly enough that the kernels overlap (d = 1, 2, 5 with 3×3 kernels do); see
        :mod:`convviz.engine.hdc` for Wang et al.'s second rule, which 1, 2, 9 fails.
    """
    return math.gcd(*_check_rates("dilations", dilations))


def causal_field(dilations: Any, *, kernel_size: int = 2) -> int:
    """Receptive field (time steps) of a causal 1-D stack: ``1 + (k − 1)·Σ d_l``.

    Parameters
    ----------
    dilations : sequence of int
        Rate of each layer, input first (WaveNet: 1, 2, 4, 8, …).
    kernel_size : int
        Taps per layer (WaveNet: 2, the present step and one in the past).

    Returns
    -------
    int
        16 for d = 1, 2, 4, 8 and k = 2: each doubling rate doubles the field.
    """
    k = check_positive("kernel_size", kernel_size)
    return 1 + (k - 1) * sum(_check_rates("dilations", dilations))


class CausalStack(NamedTuple):
    """The taps of a causal 1-D stack over ``T`` time steps and the cone of its last output.

    Attributes
    ----------
    edges : np.ndarray
        (E, 3) int64 rows ``(layer, t_in, t_out)``: node ``t_out`` of layer ``layer``
        (1-based; layer 0 is the input) reads node ``t_in`` of layer ``layer − 1``. Taps that
        would read before time 0 are left out.
    reach : np.ndarray
        (L + 1, T) bool: the nodes joined to the last output (layer L, time T − 1).
    """

    edges: np.ndarray
    reach: np.ndarray

    @property
    def nodes(self) -> tuple[np.ndarray, ...]:
        """Per layer (input first), the times of its nodes in the cone; L + 1 int arrays."""
        return tuple(np.flatnonzero(row) for row in self.reach)

    @property
    def in_cone(self) -> np.ndarray:
        """(E,) bool: the edges joining two nodes of the cone (the ones to draw highlighted)."""
        layer, t_in, t_out = self.edges.T  # (E,) each
        return self.reach[layer, t_out] & self.reach[layer - 1, t_in]


def causal_stack_edges(dilations: Any, length: Any = None, *, kernel_size: int = 2) -> CausalStack:
    """Nodes and taps of a WaveNet-style causal stack, and which reach the last output.

    Parameters
    ----------
    dilations : sequence of int
        Rate d_l of each layer, input first; ``L`` layers.
    length : int, optional
        Time steps ``T`` drawn per layer; by default the receptive field (see
        :func:`causal_field`), so the input row of the cone fills the drawing. A shorter
        ``length`` cuts the cone at time 0.
    kernel_size : int
        Taps k per layer; node t of layer l reads ``t, t − d_l, …, t − (k − 1)·d_l`` below it.

    Returns
    -------
    CausalStack
        ``edges`` (E, 3) ``(layer, t_in, t_out)`` and ``reach`` (L + 1, T) bool; unpacks as
        ``edges, reach = causal_stack_edges(...)``.

    Notes
    -----
    The cone of the last output covers ``1 + (k − 1)·Σ d_l`` input steps; with d = 1, 2, 4, 8
    and k = 2 it reaches all 16 without a gap. Equal rates leave gaps (d = 2, 2: every other
    step).
    """
    rates = _check_rates("dilations", dilations)
    k = check_positive("kernel_size", kernel_size)
    steps = causal_field(rates, kernel_size=k) if length is None else length
    steps = check_positive("length", steps)
    times = np.arange(steps)
    taps = np.arange(k)
    edges = []
    reach = np.zeros((len(rates) + 1, steps), dtype=bool)  # (L + 1, T)
    reach[-1, -1] = True
    for layer, d in enumerate(rates, start=1):
        t_in = times[:, None] - taps[None, :] * d  # (T, k)
        t_out = np.broadcast_to(times[:, None], t_in.shape)  # (T, k)
        keep = t_in >= 0
        block = np.stack(
            [np.full(int(keep.sum()), layer), t_in[keep], t_out[keep]], axis=1
        )  # (E_l, 3)
        edges.append(block)
    for layer in range(len(rates), 0, -1):
        block = edges[layer - 1]
        hot = reach[layer, block[:, 2]]
        reach[layer - 1, block[hot, 1]] = True
    all_edges = np.concatenate(edges) if edges else np.zeros((0, 3), dtype=np.int64)
    return CausalStack(all_edges.astype(np.int64), reach)
