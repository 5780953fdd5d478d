"""Parameter and MAC counts: seed 002's numbers, the savings formulas and weight-array sizes."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.counting import compare_layers, conv_params
from convviz.engine.errors import ConvValueError
from tests.engine.block_models import conv_macs, inception_block_params, resnet_params


def test_conv_params_small_numbers():
    assert conv_params(192, 64, 1, bias=False) == 12_288
    assert conv_params(3, 64, 3) == 3 * 3 * 3 * 64 + 64 == 1_792
    assert conv_params(4, 8, 3, groups=2) == 3 * 3 * 2 * 8 + 8 == 152
    assert conv_params(32, 32, 3, groups=32, bias=False) == 288  # depthwise
    assert conv_params(3, 6, (3, 5), bias=False) == 270
    assert conv_params(6, 4, [1, 7], 2, False) == 84
    assert type(conv_params(np.int64(4), 8, 3)) is int


@given(
    st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(1, 4)),
    st.tuples(st.integers(1, 5), st.integers(1, 5)),
    st.booleans(),
)
def test_conv_params_is_the_size_of_the_weight(channels, kernel, bias):
    g, cin_per_group, cout_per_group = channels
    kh, kw = kernel
    cin, cout = g * cin_per_group, g * cout_per_group
    weight = np.empty((cout, cin // g, kh, kw))  # (C_out, C_in/g, k_h, k_w)
    expected = weight.size + (np.empty(cout).size if bias else 0)
    assert conv_params(cin, cout, (kh, kw), groups=g, bias=bias) == expected
    assert conv_macs(cin, cout, (kh, kw), (3, 5), g) == weight.size * 15


def test_conv_macs():
    assert conv_macs(64, 128, 3, 56) == 3 * 3 * 64 * 128 * 56 * 56 == 231_211_008
    assert conv_macs(64, 64, 3, (10, 20), groups=64) == 3 * 3 * 64 * 200
    assert conv_macs(1, 1, 1, 1) == 1


def test_inception_block_seed_numbers():
    block = inception_block_params()
    assert block.plain.total == 387_072
    assert block.reduced.total == 163_328
    assert [t.name for t in block.plain.terms] == ["branch1_1x1", "branch2_3x3", "branch3_5x5"]
    assert [t.factors for t in block.plain.terms] == [
        (1, 1, 192, 64),
        (3, 3, 192, 128),
        (5, 5, 192, 32),
    ]
    assert [t.value for t in block.reduced.terms] == [12_288, 18_432, 110_592, 3_072, 12_800, 6_144]
    assert block.ratio == Fraction(163_328, 387_072)
    for cost in block:
        assert all(math.prod(t.factors) == t.value for t in cost.terms)
        assert sum(t.value for t in cost.terms) == cost.total


def test_inception_block_channels_are_editable():
    block = inception_block_params(256, c1=128, c2_reduce=128, c2=192, c3_reduce=32, c3=96, c4=64)
    assert block.plain.total == 256 * 128 + 9 * 256 * 192 + 25 * 256 * 96
    assert block.reduced.total == (
        256 * 128 + 256 * 128 + 9 * 128 * 192 + 256 * 32 + 25 * 32 * 96 + 256 * 64
    )


def test_resnet_bottleneck_seed_numbers():
    block = resnet_params()
    assert block.plain.total == 1_179_648
    assert block.reduced.total == 69_632
    assert [t.factors for t in block.reduced.terms] == [
        (1, 1, 256, 64),
        (3, 3, 64, 64),
        (1, 1, 64, 256),
    ]
    assert resnet_params(64, mid=16).plain.total == 2 * 9 * 64 * 64
    assert resnet_params(64, mid=16).reduced.total == 64 * 16 + 9 * 16 * 16 + 16 * 64


def test_compare_layers_numbers_and_shapes():
    c = compare_layers(64, 128, 3, 32, 4)
    assert [layer.name for layer in c.layers] == [
        "standard",
        "grouped",
        "depthwise",
        "separable",
        "pointwise",
    ]
    assert c["standard"].weight_shapes == ((128, 64, 3, 3),)
    assert c["grouped"].weight_shapes == ((128, 16, 3, 3),)
    assert c["depthwise"].weight_shapes == ((64, 1, 3, 3),)
    assert c["separable"].weight_shapes == ((64, 1, 3, 3), (128, 64, 1, 1))
    assert c["pointwise"].weight_shapes == ((128, 64, 1, 1),)
    assert [layer.params for layer in c.layers] == [73_728, 18_432, 576, 8_768, 8_192]
    assert [layer.macs for layer in c.layers] == [
        p * 1024 for p in (73_728, 18_432, 576, 8_768, 8_192)
    ]
    assert c.grouped_ratio == c.grouped_formula == Fraction(1, 4)
    assert c.separable_ratio == c.separable_formula == Fraction(1, 128) + Fraction(1, 9)
    sep = c["separable"]
    assert [(t.name, t.factors, t.value) for t in sep.param_terms] == [
        ("weights", (3, 3, 1, 64), 576),
        ("weights", (1, 1, 64, 128), 8_192),
    ]
    assert [t.factors for t in sep.mac_terms] == [(3, 3, 1, 64, 32, 32), (1, 1, 64, 128, 32, 32)]
    with pytest.raises(KeyError):
        c["dilated"]


def test_compare_layers_with_bias_and_multiplier():
    c = compare_layers(8, 16, (3, 3), (4, 4), 2, multiplier=2, bias=True)
    assert c["depthwise"].weight_shapes == ((16, 1, 3, 3),)
    assert c["separable"].weight_shapes == ((16, 1, 3, 3), (16, 16, 1, 1))
    assert c["separable"].params == 9 * 16 + 16 + 16 * 16 + 16
    assert [t.name for t in c["standard"].param_terms] == ["weights", "bias"]
    assert c["standard"].params == conv_params(8, 16, 3) and c["standard"].weights == 9 * 8 * 16
    assert c["standard"].macs == 9 * 8 * 16 * 16  # biases are not multiply-accumulates
    assert c.separable_ratio == c.separable_formula == 2 * (Fraction(1, 16) + Fraction(1, 9))


@given(
    st.integers(1, 8), st.integers(1, 8), st.integers(1, 4), st.integers(1, 7), st.integers(1, 3)
)
def test_savings_formulas_hold(g, cin_per_group, cout_per_group, k, m):
    cin, cout = g * cin_per_group, g * cout_per_group
    c = compare_layers(cin, cout, k, 7, g, multiplier=m)
    assert c.grouped_ratio == Fraction(1, g)
    assert c.separable_ratio == m * (Fraction(1, cout) + Fraction(1, k * k))
    for layer in c.layers:
        assert layer.params == sum(t.value for t in layer.param_terms)
        assert layer.macs == sum(t.value for t in layer.mac_terms) == layer.params * 49
        assert all(math.prod(t.factors) == t.value for t in layer.param_terms + layer.mac_terms)
        sizes = sum(np.empty(shape).size for shape in layer.weight_shapes)
        assert sizes == layer.params


@pytest.mark.parametrize(
    ("call", "code", "words"),
    [
        (
            lambda: conv_params(6, 8, 3, groups=4),
            "groups_not_dividing",
            ["in_channels=6", "groups=4", "out_channels=8"],
        ),
        (
            lambda: conv_params(8, 6, 3, groups=4),
            "groups_not_dividing",
            ["out_channels=6", "groups=4", "in_channels=8"],
        ),
        (lambda: conv_params(0, 8, 3), "not_positive", ["in_channels=0"]),
        (lambda: conv_params(4, -1, 3), "not_positive", ["out_channels=-1"]),
        (lambda: conv_params(4, 8, 0), "not_positive", ["kernel_size=0"]),
        (lambda: conv_params(4, 8, (3, 3, 3)), "not_pair", ["kernel_size=(3, 3, 3)"]),
        (lambda: conv_params(4, 8, 3, groups=0), "not_positive", ["groups=0"]),
        (lambda: conv_params(4.0, 8, 3), "not_integer", ["in_channels=4.0"]),
        (lambda: conv_params(4, 8, 3, bias="False"), "bias_not_bool", ["bias='False'"]),
        (lambda: conv_macs(4, 8, 3, 0), "not_positive", ["output_size=0"]),
        (lambda: conv_macs(4, 8, 3, 5, groups=3), "groups_not_dividing", ["groups=3"]),
        (lambda: compare_layers(4, 8, 3, 5, 3), "groups_not_dividing", ["groups=3"]),
        (lambda: compare_layers(4, 8, 3, 5, 2, multiplier=0), "not_positive", ["multiplier=0"]),
        (lambda: inception_block_params(c2_reduce=0), "not_positive", ["0"]),
        (lambda: resnet_params(256, mid=-64), "not_positive", ["-64"]),
    ],
)
def test_bad_inputs_name_the_values(call, code, words):
    with pytest.raises(ConvValueError) as info:
        call()
    assert info.value.code == code
    for word in words:
        assert word in str(info.value)


def test_bias_error_translates():
    from convviz.i18n import translate_error

    with pytest.raises(ConvValueError) as info:
        conv_params(4, 8, 3, bias=1)
    assert translate_error(info.value, "zh") == "bias=1 必须是 True 或 False。"
    assert info.value.suggestion == {"bias": True}
