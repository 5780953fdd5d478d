"""Receptive fields, path counts, gridding holes and causal stacks against hand counts."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.causal import causal_field, causal_stack_edges, common_factor
from convviz.engine.errors import ConvValueError
from convviz.engine.paths import MAX_PATH_FIELD, gridding_holes, path_counts, path_counts_1d
from convviz.engine.receptive import field_steps, receptive_field
from convviz.engine.sizes import effective_kernel_size
from tests.support.stacks import stack_preset

layer_st = st.tuples(st.integers(1, 4), st.integers(1, 3), st.integers(1, 4))
stack_st = st.lists(layer_st, min_size=1, max_size=3)


def reference_counts_1d(layers):
    """Plain loop: enumerate every chain of taps and add one at the input position it ends on."""
    jumps = [math.prod(s for _, s, _ in layers[:i]) for i in range(len(layers))]
    field = 1 + sum((d * (k - 1)) * j for (k, _, d), j in zip(layers, jumps, strict=True))
    counts = np.zeros(field, dtype=np.int64)
    for taps in itertools.product(*(range(k) for k, _, _ in layers)):
        position = sum(t * d * j for t, (_, _, d), j in zip(taps, layers, jumps, strict=True))
        counts[position] += 1
    return counts


def reference_counts_2d(layers):
    """Plain loop over 2-D chains (a tap per layer is a (row, col) pair)."""
    field = reference_counts_1d(layers).size
    jumps = [math.prod(s for _, s, _ in layers[:i]) for i in range(len(layers))]
    counts = np.zeros((field, field), dtype=np.int64)
    for taps in itertools.product(*(itertools.product(range(k), range(k)) for k, _, _ in layers)):
        r = sum(t[0] * d * j for t, (_, _, d), j in zip(taps, layers, jumps, strict=True))
        c = sum(t[1] * d * j for t, (_, _, d), j in zip(taps, layers, jumps, strict=True))
        counts[r, c] += 1
    return counts


# -- receptive_field --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("layers", "fields"),
    [
        ([(3, 1, 1), (3, 1, 2), (3, 1, 4)], [3, 7, 15]),
        ([(3, 1, 2), (3, 1, 2), (3, 1, 2)], [5, 9, 13]),
        ([(3, 1, 1), (3, 1, 2), (3, 1, 5)], [3, 7, 17]),
        ([(3, 1, 1)] * 4, [3, 5, 7, 9]),
        # strides: the stride widens the *next* layers, not its own field
        ([(3, 2, 1), (3, 2, 1), (3, 1, 1)], [3, 7, 15]),
        ([(7, 2, 1), (3, 2, 1)], [7, 11]),
        ([(2, 2, 1), (2, 2, 1), (2, 2, 1)], [2, 4, 8]),
        ([(1, 5, 1), (3, 1, 1)], [1, 11]),
        ([(5, 3, 2)], [9]),
        ([], []),
    ],
)
def test_receptive_field_values(layers, fields):
    assert receptive_field(layers) == fields
    assert all(type(r) is int for r in receptive_field(layers))


def test_wavenet_doubles_its_field():
    dilations = [1, 2, 4, 8]
    assert receptive_field([(2, 1, d) for d in dilations]) == [2, 4, 8, 16]
    assert causal_field(dilations) == 16
    assert causal_field([2**n for n in range(10)]) == 1024
    assert causal_field([1, 2, 4], kernel_size=3) == 15


def test_field_steps_print_every_term():
    steps = field_steps([(3, 2, 1), (3, 1, 2), (5, 1, 1)])
    assert [s.layer for s in steps] == [1, 2, 3]
    assert [s.effective_size for s in steps] == [3, 5, 5]
    assert [s.jump for s in steps] == [1, 2, 2]
    assert [s.growth for s in steps] == [2, 8, 8]
    assert [s.previous for s in steps] == [1, 3, 11]
    assert [s.field for s in steps] == [3, 11, 19]
    assert [s.jump for s in field_steps([(3, 2, 1), (3, 3, 2), (5, 1, 1)])] == [1, 2, 6]


def test_presets_as_data():
    fields = {
        name: receptive_field(stack_preset(name).layers)[-1]
        for name in ("exponential", "gridding", "hdc")
    }
    assert fields == {"exponential": 15, "gridding": 13, "hdc": 17}
    aspp = stack_preset("aspp").layers
    assert [effective_kernel_size(k, d) for k, _, d in aspp] == [3, 13, 25, 37]


@given(stack_st)
def test_field_recurrence_matches_closed_form(layers):
    fields = receptive_field(layers)
    jumps = [step.jump for step in field_steps(layers)]
    for i, (k, _, d) in enumerate(layers):
        previous = fields[i - 1] if i else 1
        assert fields[i] == previous + (d * (k - 1)) * jumps[i]
    assert fields == sorted(fields)


# -- path counts ------------------------------------------------------------------------------


def test_gridding_leaves_holes_hdc_fills_them():
    gridding = path_counts([(3, 1, 2)] * 3)
    assert gridding.shape == (13, 13)
    assert gridding_holes(gridding) == (120, 169, 120 / 169)
    assert np.array_equal(path_counts_1d([(3, 1, 2)] * 3), [1, 0, 3, 0, 6, 0, 7, 0, 6, 0, 3, 0, 1])
    assert (gridding[::2, ::2] > 0).all() and not gridding[1::2].any()
    hdc = path_counts([(3, 1, 1), (3, 1, 2), (3, 1, 5)])
    assert hdc.shape == (17, 17) and gridding_holes(hdc).count == 0
    exponential = path_counts([(3, 1, 1), (3, 1, 2), (3, 1, 4)])
    assert path_counts_1d([(3, 1, 1), (3, 1, 2), (3, 1, 4)]).tolist() == [
        1, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 1, 2, 1, 1
    ]  # fmt: skip
    assert gridding_holes(exponential).count == 0
    # 2 taps with d = 1, 2, 4: every pixel of the 8×8 field by exactly one path
    assert (path_counts([(2, 1, 1), (2, 1, 2), (2, 1, 4)]) == np.ones((8, 8))).all()
    assert common_factor([2, 2, 2]) == 2
    assert common_factor([1, 2, 5]) == 1
    assert common_factor([6, 12, 18]) == 6
    assert common_factor([]) == 0


def test_single_layer_is_its_dilated_kernel():
    counts = path_counts([(3, 4, 3)])
    expected = np.zeros((7, 7), dtype=np.int64)
    expected[::3, ::3] = 1
    assert np.array_equal(counts, expected)


def test_path_counts_small_stack_by_hand():
    # 2 taps then 2 taps at stride 1: 1, 2, 1 per axis
    assert np.array_equal(path_counts([(2, 1, 1), (2, 1, 1)]), [[1, 2, 1], [2, 4, 2], [1, 2, 1]])
    # stride 2 spreads the second layer's taps: 1 1 1 1 (no overlap)
    assert np.array_equal(path_counts_1d([(2, 2, 1), (2, 1, 1)]), [1, 1, 1, 1])
    assert np.array_equal(path_counts([]), [[1]])


def test_output_index_places_the_field_on_the_input():
    layers = [(2, 2, 1), (2, 1, 1)]  # field 4, total jump 2
    placed = path_counts(layers, output_index=(1, 2))
    assert placed.shape == (2 + 4, 4 + 4)
    assert np.array_equal(placed[2:, 4:], path_counts(layers))
    assert placed[:2].sum() == 0 and placed[:, :4].sum() == 0
    assert np.array_equal(path_counts(layers, output_index=0), path_counts(layers))


@given(stack_st)
def test_field_is_the_extent_of_the_paths(layers):
    counts = path_counts(layers)
    field = receptive_field(layers)[-1]
    assert counts.shape == (field, field)
    rows = np.flatnonzero(counts.any(axis=1))
    cols = np.flatnonzero(counts.any(axis=0))
    assert (rows[0], rows[-1], cols[0], cols[-1]) == (0, field - 1, 0, field - 1)
    assert counts.sum() == math.prod(k * k for k, _, _ in layers)
    assert path_counts_1d(layers).sum() == math.prod(k for k, _, _ in layers)
    assert np.array_equal(counts, counts.T)


@given(st.lists(layer_st, min_size=1, max_size=3))
def test_vectorised_counts_match_the_loop(layers):
    assert np.array_equal(path_counts_1d(layers), reference_counts_1d(layers))


def test_2d_counts_match_the_loop_on_presets():
    for layers in ([(3, 1, 2)] * 2, [(3, 2, 1), (2, 1, 3)], [(2, 1, 1), (3, 1, 2), (2, 1, 5)]):
        assert np.array_equal(path_counts(layers), reference_counts_2d(layers))


@given(st.lists(st.integers(1, 6), min_size=1, max_size=4))
def test_common_factor_one_means_every_gcd_class_reached(dilations):
    # 3-tap layers: a hole-free 1-D field needs gcd 1 (necessary, not sufficient)
    counts = path_counts_1d([(3, 1, d) for d in dilations])
    if common_factor(dilations) > 1:
        assert gridding_holes(counts).count > 0
    reached = np.flatnonzero(counts)
    assert math.gcd(*reached.tolist()) == common_factor(dilations)


# -- causal stacks ----------------------------------------------------------------------------


def test_wavenet_cone_is_a_full_binary_tree():
    stack = causal_stack_edges([1, 2, 4, 8])
    assert stack.reach.shape == (5, 16)
    assert stack.reach[0].all()
    assert [n.tolist() for n in stack.nodes[1:]] == [
        list(range(1, 16, 2)),
        list(range(3, 16, 4)),
        [7, 15],
        [15],
    ]
    assert int(stack.in_cone.sum()) == 16 + 8 + 4 + 2
    edges, reach = stack
    assert edges.shape[1] == 3 and reach is stack.reach
    # every edge reads the present or the past, one dilation step per tap
    layer, t_in, t_out = edges.T
    d = np.array([1, 2, 4, 8])[layer - 1]
    assert ((t_out - t_in) % d == 0).all() and ((t_out - t_in) // d <= 1).all()
    assert (t_in >= 0).all() and (t_in <= t_out).all()
    # 16 time steps; layer with rate d has 16 edges to the present, 16 − d to the past
    assert len(edges) == sum(16 + 16 - d for d in (1, 2, 4, 8))


def test_causal_stack_with_extra_steps_and_equal_rates():
    stack = causal_stack_edges([1, 2, 4], 12)
    assert stack.reach.shape == (4, 12)
    assert stack.nodes[0].tolist() == list(range(4, 12))
    holes = causal_stack_edges([2, 2], kernel_size=2)
    assert holes.reach.shape == (3, 5)
    assert holes.nodes[0].tolist() == [0, 2, 4]
    cut = causal_stack_edges([1, 2, 4, 8], length=5)
    assert cut.nodes[0].tolist() == [0, 1, 2, 3, 4]
    assert causal_stack_edges([], length=3).edges.shape == (0, 3)


@given(st.lists(st.integers(1, 5), min_size=1, max_size=4), st.integers(2, 3))
def test_causal_cone_matches_path_counts(dilations, k):
    stack = causal_stack_edges(dilations, kernel_size=k)
    field = causal_field(dilations, kernel_size=k)
    counts = path_counts_1d([(k, 1, d) for d in dilations])
    assert stack.reach.shape == (len(dilations) + 1, field)
    # a causal stack reads backwards in time: the cone is the path counts read right to left
    assert np.array_equal(stack.reach[0], counts[::-1] > 0)


# -- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "code", "words"),
    [
        (lambda: receptive_field(3), "layers_not_list", ["layers=3"]),
        (lambda: receptive_field("3,1,1"), "layers_not_list", ["'3,1,1'"]),
        (lambda: receptive_field([(3, 1, 1), (3, 1)]), "layer_not_triple", ["layers[1]", "(3, 1)"]),
        (lambda: receptive_field([(3, 1, 1), 3]), "layer_not_triple", ["layers[1]=3"]),
        (lambda: receptive_field([(3, 0, 1)]), "not_positive", ["layers[0].stride=0"]),
        (
            lambda: receptive_field([(3, 1, 1), (3, 1, -2)]),
            "not_positive",
            ["layers[1].dilation=-2"],
        ),
        (lambda: receptive_field([(2.5, 1, 1)]), "not_integer", ["layers[0].kernel_size=2.5"]),
        (lambda: receptive_field([(True, 1, 1)]), "not_integer", ["layers[0].kernel_size=True"]),
        (lambda: path_counts([(3, 1, 0)]), "not_positive", ["layers[0].dilation=0"]),
        (lambda: path_counts_1d([(3, 1)]), "layer_not_triple", ["layers[0]"]),
        (lambda: path_counts([(3, 1, 1)], output_index=-1), "negative", ["output_index=-1"]),
        (lambda: path_counts([(3, 1, 1000), (3, 1, 1000)]), "path_field_too_large", ["4001"]),
        (lambda: path_counts_1d([(9, 1, 1)] * 30), "path_count_overflow", ["30 layers"]),
        (lambda: path_counts_1d([(2, 1, 5_000_000)]), "path_field_too_large", ["5000001"]),
        (
            lambda: path_counts([(2, 2, 1)], output_index=(0, 2000)),
            "path_field_too_large",
            ["4002"],
        ),
        (lambda: common_factor([2, 0]), "not_positive", ["dilations[1]=0"]),
        (lambda: common_factor(4), "rates_not_list", ["dilations=4"]),
        (lambda: common_factor([1, "6"]), "not_integer", ["dilations[1]='6'"]),
        (lambda: causal_stack_edges([1, 2], length=0), "not_positive", ["length=0"]),
        (lambda: causal_stack_edges([1, 2], kernel_size=0), "not_positive", ["kernel_size=0"]),
        (lambda: causal_field([1, 2.0]), "not_integer", ["dilations[1]=2.0"]),
    ],
)
def test_bad_inputs_name_the_values(call, code, words):
    with pytest.raises(ConvValueError) as info:
        call()
    assert info.value.code == code
    for word in words:
        assert word in str(info.value)


def test_error_texts_translate_with_their_values():
    from convviz.i18n import translate_error

    for call in (
        lambda: receptive_field([(3, 1)]),
        lambda: receptive_field(None),
        lambda: path_counts([(3, 1, 2000), (3, 1, 2000)]),
        lambda: path_counts_1d([(9, 1, 1)] * 30),
        lambda: common_factor("1,2"),
    ):
        with pytest.raises(ConvValueError) as info:
            call()
        for lang in ("en", "zh"):
            text = translate_error(info.value, lang)
            assert text != str(info.value) or lang == "en"
            for value in info.value.values.values():
                assert str(value) in text
    assert MAX_PATH_FIELD >= 37  # the ASPP preset's widest branch is drawable
