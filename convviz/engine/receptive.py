"""Receptive fields of stacked convolutions, and the paths that build them.

One output pixel of a stack of layers ``(kernel_size, stride, dilation)`` reads a square of the
input, its receptive field. The field grows by ``(k̂ − 1)`` times the product of the strides
*before* the layer. Counting the chains of taps that join each input pixel to the output pixel
shows more than the field's size: zeros inside it are the holes of "gridding" (equal dilation
rates), which Hybrid Dilated Convolution (rates without a common factor, e.g. 1, 2, 5) fills.
A 1-D causal stack (WaveNet) is the same arithmetic with the taps reading only the past.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.params import _show, check_positive, non_negative_pair
from convviz.engine.sizes import effective_kernel_size

MAX_PATH_FIELD = 2048  # widest 2-D path-count grid per side: 2048² int64 = 32 MiB
MAX_PATH_FIELD_1D = MAX_PATH_FIELD**2  # longest 1-D path-count line, the same memory
_INT64_MAX = np.iinfo(np.int64).max

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


def _stamp(counts: np.ndarray, kernel_size: int, stride: int, dilation: int) -> np.ndarray:
    """One layer back: each of the layer's outputs stamps its count on the k taps it reads.

    A 1-D transposed convolution of ``counts`` (n,) with an all-ones kernel of ``kernel_size``
    taps, stride and dilation; returns the ``(n − 1)·s + k̂`` counts on the layer's input.
    """
    n = counts.shape[0]
    size = (n - 1) * stride + dilation * (kernel_size - 1) + 1
    taps = np.arange(n)[:, None] * stride + np.arange(kernel_size)[None, :] * dilation  # (n, k)
    stamped = np.zeros(size, dtype=np.int64)
    np.add.at(stamped, taps, np.broadcast_to(counts[:, None], taps.shape))
    return stamped


def _check_span(span: int, limit: int) -> None:
    """Refuse a path-count grid wider than ``limit`` pixels per side."""
    if span > limit:
        raise ConvValueError(
            "path_field_too_large",
            f"the path counts would span {span} pixels; they are built up to {limit} pixels "
            "per side",
            field=span,
            limit=limit,
        )


def _check_path_budget(checked: list[Layer], *, dims: int) -> None:
    """Refuse stacks whose path counts do not fit the array size limit or int64."""
    field = receptive_field(checked)[-1] if checked else 1
    _check_span(field, MAX_PATH_FIELD if dims == 2 else MAX_PATH_FIELD_1D)
    paths = math.prod(k**dims for k, _, _ in checked)
    if paths > _INT64_MAX:
        raise ConvValueError(
            "path_count_overflow",
            f"the {len(checked)} layers join the output pixel to the input by a "
            f"{len(str(paths))}-digit number of paths, too many to count in 64-bit integers",
            layers=len(checked),
            digits=len(str(paths)),
        )


def path_counts_1d(layers: Any) -> np.ndarray:
    """How many chains of taps join each input position to one output position (1-D stack).

    Parameters
    ----------
    layers : sequence of (int, int, int)
        ``(kernel_size, stride, dilation)`` of each layer, input first; ``L`` layers.

    Returns
    -------
    np.ndarray
        (r_L,) int64; index 0 is the leftmost input position the output reads. The entries sum
        to ``∏ k_l`` and the first and last are nonzero.

    Raises
    ------
    ConvValueError
        For bad layers; ``path_field_too_large`` beyond ``MAX_PATH_FIELD_1D`` positions;
        ``path_count_overflow`` beyond int64.

    Notes
    -----
    Walking back from the output, layer l turns ``n`` positions into ``(n − 1)·s_l + k̂_l``:
    a transposed convolution with an all-ones kernel. Starting from ``n = 1`` this ends at the
    receptive field r_L.
    """
    checked = check_layers(layers)
    _check_path_budget(checked, dims=1)
    counts = np.ones(1, dtype=np.int64)
    for k, s, d in reversed(checked):
        counts = _stamp(counts, k, s, d)
    return counts


def path_counts(layers: Any, *, output_index: Any = None) -> np.ndarray:
    """How many chains of taps join each input pixel to one output pixel (2-D, square kernels).

    Parameters
    ----------
    layers : sequence of (int, int, int)
        ``(kernel_size, stride, dilation)`` of each layer (same on both axes), input first.
    output_index : int or (int, int), optional
        Place the output pixel at this ``(row, col)`` of the stack's output (no padding) and
        return the counts on the input grid from ``(0, 0)`` down to the end of its field.
        By default, only the field itself is returned.

    Returns
    -------
    np.ndarray
        (r_L, r_L) int64 by default, or ``(row·J + r_L, col·J + r_L)`` with the total jump
        ``J = ∏ s_l`` when ``output_index`` is given. Zeros inside the field are gridding holes.

    Raises
    ------
    ConvValueError
        For bad layers or ``output_index``; ``path_field_too_large`` when the array would
        exceed ``MAX_PATH_FIELD`` pixels per side; ``path_count_overflow`` beyond int64.

    Notes
    -----
    A chain picks one tap per layer, independently along rows and columns, so the 2-D count is
    the outer product of the 1-D counts: ``counts[a, b] = c[a] · c[b]``. The entries sum to
    ``∏ k_l²``, the number of chains.
    """
    checked = check_layers(layers)
    _check_path_budget(checked, dims=2)
    line = path_counts_1d(checked)  # (r,)
    counts = np.outer(line, line)  # (r, r)
    if output_index is None:
        return counts
    row, col = non_negative_pair(output_index, "output_index")
    jump = math.prod(s for _, s, _ in checked)
    _check_span(max(row, col) * jump + line.size, MAX_PATH_FIELD)
    placed = np.zeros((row * jump + line.size, col * jump + line.size), dtype=np.int64)
    placed[row * jump :, col * jump :] = counts  # (r, r) block at the output pixel's field
    return placed


class Holes(NamedTuple):
    """Cells of a field that no path reaches: ``count`` of ``total``, and their ``fraction``."""

    count: int
    total: int
    fraction: float


def gridding_holes(counts: Any) -> Holes:
    """How many cells of a path-count array (the field) are holes (count 0).

    Parameters
    ----------
    counts : array_like
        (r,) or (r, r) path counts from :func:`path_counts_1d` / :func:`path_counts`.

    Returns
    -------
    Holes
        ``count`` zero cells out of ``total`` cells, ``fraction = count / total``.
        Three 3×3 layers with d = 2, 2, 2 leave 120 of 13·13 = 169 cells unreached.
    """
    counts = np.asarray(counts)
    total = int(counts.size)
    count = int(np.count_nonzero(counts == 0))
    return Holes(count, total, count / total if total else 0.0)


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
        grow slowly enough that the kernels overlap (d = 1, 2, 5 with 3×3 kernels do).
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
