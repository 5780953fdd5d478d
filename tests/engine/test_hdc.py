"""The HDC rules of Wang et al. 2018: the M_i chain against a plain loop, the paper's examples,
k = 1 layers that take no part, and the common factor against the path counts."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.errors import ConvValueError
from convviz.engine.hdc import hdc_check, max_distance_chain
from convviz.engine.paths import path_counts_1d

rates_st = st.lists(st.integers(1, 20), min_size=1, max_size=8)
layer_st = st.tuples(st.integers(1, 5), st.integers(1, 3), st.integers(1, 6))


def loop_chain(rates):
    """Plain loop over the paper's recurrence: M_n = r_n, then i = n − 1 down to 1."""
    n = len(rates)
    m = [0] * n
    m[n - 1] = rates[n - 1]
    for i in range(n - 2, -1, -1):
        later = m[i + 1]
        m[i] = max(later - 2 * rates[i], later - 2 * (later - rates[i]), rates[i])
    return m


@pytest.mark.parametrize(
    ("rates", "chain", "meets"),
    [([1, 2, 5], [1, 2, 5], True), ([1, 2, 9], [3, 5, 9], False), ([1, 2, 3], [1, 2, 3], True)],
)
def test_paper_examples_with_k3(rates, chain, meets):
    # Wang et al. 2018, K = 3: "[1, 2, 5] works as M_2 = 2; [1, 2, 9] does not, M_2 = 5"
    assert max_distance_chain(rates) == chain
    check = hdc_check([(3, 1, r) for r in rates])
    assert check.factor == 1  # both have gcd 1: only the chain tells them apart
    assert check.m2 == chain[1] and check.kernel_size == 3
    assert check.applies and check.meets_goal is meets


@given(rates_st)
def test_chain_matches_the_plain_loop(rates):
    chain = max_distance_chain(rates)
    assert chain == loop_chain(rates)
    assert all(m >= r for m, r in zip(chain, rates, strict=True))  # the r_i term
    assert chain[-1] == rates[-1]


@given(st.lists(layer_st, min_size=1, max_size=5), st.integers(0, 5), st.integers(1, 32))
def test_one_by_one_layers_never_change_the_verdict(layers, where, rate):
    where = min(where, len(layers))
    with_pointwise = [*layers[:where], (1, 1, rate), *layers[where:]]
    before, after = hdc_check(layers), hdc_check(with_pointwise)
    assert (after.rates, after.factor, after.chain) == (before.rates, before.factor, before.chain)
    assert after.kernel_size == before.kernel_size
    if where < len(layers):  # a stride-1 layer in the middle adds no stride either
        assert after.meets_goal == before.meets_goal


def test_one_by_one_layer_does_not_hide_a_common_factor():
    check = hdc_check([(3, 1, 2), (1, 1, 1), (3, 1, 2), (3, 1, 2)])
    assert check.rates == (2, 2, 2) and check.factor == 2
    assert hdc_check([(1, 1, 7)]).rates == () and hdc_check([(1, 1, 7)]).factor == 0
    assert hdc_check([(1, 1, 7)]).meets_goal is None


@given(st.lists(layer_st, min_size=1, max_size=4))
def test_common_factor_divides_every_offset_read(layers):
    # offsets reached are Σ t_l·d_l·(strides before l): multiples of g, strides or not
    check = hdc_check(layers)
    reached = np.flatnonzero(path_counts_1d(layers))
    if check.factor:
        assert all(offset % check.factor == 0 for offset in reached.tolist())
        if not check.strided:
            assert math.gcd(*reached.tolist()) == check.factor


def test_offsets_are_multiples_of_g_not_g_times_strides():
    layers = [(3, 2, 2), (3, 1, 2)]
    reached = np.flatnonzero(path_counts_1d(layers)).tolist()
    assert hdc_check(layers).factor == 2
    assert 2 in reached and any(offset % 4 for offset in reached)


def test_mixed_kernels_strides_and_one_layer():
    mixed = hdc_check([(3, 1, 1), (5, 1, 2)])
    assert mixed.kernel_size is None and not mixed.applies and mixed.meets_goal is None
    strided = hdc_check([(3, 2, 1), (3, 1, 2)])
    assert strided.strided and strided.meets_goal is None
    assert not hdc_check([(3, 1, 1), (3, 2, 2)]).strided  # the last layer's stride moves nothing
    single = hdc_check([(3, 1, 4)])
    assert single.chain == (4,) and single.m2 is None and single.meets_goal is None
    assert max_distance_chain([]) == []


def test_bad_input_names_the_value():
    with pytest.raises(ConvValueError, match=r"rates\[1\]=0"):
        max_distance_chain([1, 0])
    with pytest.raises(ConvValueError, match="dilation"):
        hdc_check([(3, 1, 0)])
