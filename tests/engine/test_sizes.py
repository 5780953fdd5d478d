"""Size formulas against hand-worked numbers and against counting windows one by one."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from convviz.engine.errors import ConvValueError
from convviz.engine.sizes import (
    conv_output_size,
    conv_transpose_output_size,
    effective_kernel_size,
    floor_remainder,
    forward_input_sizes,
    output_padding_range,
    tf_same_padding,
    torch_same_padding,
    unreached_indices,
)
from tests.engine.test_params import assert_conv_error

sizes = st.integers(1, 20)
kernels = st.integers(1, 5)
strides = st.integers(1, 4)
pads = st.integers(0, 3)
dilations = st.integers(1, 3)


def window_starts(i, k, s, p, d):
    """Top rows (in the padded input) of every window that fits, found by walking."""
    span, padded, starts, top = d * (k - 1) + 1, i + 2 * p, [], 0
    while top + span <= padded:
        starts.append(top)
        top += s
    return starts, span, padded


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((4, 3), 2),  # seed 002: i=4, k=3 -> 2x2
        ((5, 3, 2, 1), 3),
        ((7, 3, 3), 2),
        ((6, 3, 2), 2),  # the floor drops one row
        ((7, 3, 1, 0, 2), 3),  # k̂ = 5
        ((224, 7, 2, 3), 112),
        ((1, 1), 1),
        ((3, 5, 1, 1), 1),  # k̂ = 5 = i + 2p exactly
    ],
)
def test_conv_output_size_worked_examples(args, expected):
    assert conv_output_size(*args) == expected


@given(sizes, kernels, strides, pads, dilations)
def test_conv_output_size_counts_the_windows(i, k, s, p, d):
    starts, span, padded = window_starts(i, k, s, p, d)
    if not starts:
        with pytest.raises(ConvValueError) as excinfo:
            conv_output_size(i, k, s, p, d)
        assert_conv_error(
            excinfo, "kernel_too_large", f"effective size d(k-1)+1 = {span}", f"= {padded}"
        )
        return
    assert conv_output_size(i, k, s, p, d) == len(starts)
    assert effective_kernel_size(k, d) == span
    # The floor drops exactly the rows after the last window.
    last_row = starts[-1] + span - 1
    assert floor_remainder(i, k, s, p, d) == padded - 1 - last_row
    assert unreached_indices(i, k, s, p, d) == list(range(last_row + 1, padded))


def test_effective_kernel_size():
    assert effective_kernel_size(3, 1) == 3
    assert effective_kernel_size(3, 2) == 5
    assert effective_kernel_size(3, 4) == 9
    assert effective_kernel_size(1, 5) == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((2, 2, 2), 4),  # seed 004
        ((3, 3, 2), 7),
        ((3, 3, 2, 1), 5),
        ((3, 3, 2, 1, 1), 6),
        ((4, 4, 2, 1), 8),  # DCGAN doubling
        ((2, 3, 1, 0, 0, 2), 6),  # (2-1)·1 + 2·2 + 1
    ],
)
def test_conv_transpose_output_size_worked_examples(args, expected):
    assert conv_transpose_output_size(*args) == expected


@given(i=sizes, k=kernels, s=strides, p=pads, d=dilations, a=st.integers(0, 3))
def test_conv_transpose_output_size_formula(*, i, k, s, p, d, a):
    assume(a < max(s, d))
    full = (i - 1) * s + d * (k - 1) + a + 1
    if full - 2 * p <= 0:
        with pytest.raises(ConvValueError) as excinfo:
            conv_transpose_output_size(i, k, s, p, a, d)
        assert_conv_error(excinfo, "transpose_output_empty", f"padding={p}", f"{full} rows")
    else:
        assert conv_transpose_output_size(i, k, s, p, a, d) == full - 2 * p


@given(st.integers(1, 8), kernels, strides, pads, dilations)
def test_forward_sizes_collide_and_output_padding_picks_one(o, k, s, p, d):
    candidates = forward_input_sizes(o, k, s, p, d)
    for i in candidates:
        assert conv_output_size(i, k, s, p, d) == o
    if not candidates:
        return
    smallest = (o - 1) * s + effective_kernel_size(k, d) - 2 * p
    assert candidates == [i for i in range(smallest, smallest + s) if i >= 1]
    # One size past the range maps to o + 1; one before maps to o - 1 (or nothing).
    assert conv_output_size(candidates[-1] + 1, k, s, p, d) == o + 1
    for a in range(s):
        if smallest + a >= 1:
            assert conv_transpose_output_size(o, k, s, p, a, d) == smallest + a


def test_forward_input_sizes_worked_example():
    # Seed 000's point: 5x5 and 6x6 both give 3x3 at k=3, s=2, p=1.
    assert forward_input_sizes(3, 3, 2, 1, 1) == [5, 6]
    assert forward_input_sizes(2, 3, 1, 0, 1) == [4]


@pytest.mark.parametrize(
    ("k", "d", "expected"),
    [
        (1, 1, (0, 0)),
        (3, 1, (1, 1)),
        (4, 1, (1, 2)),
        (2, 3, (1, 2)),
        (3, 2, (2, 2)),
        (5, 1, (2, 2)),
    ],
)
def test_torch_same_padding_puts_the_extra_after(k, d, expected):
    assert torch_same_padding(k, d) == expected


@given(sizes, kernels, dilations)
def test_torch_same_padding_keeps_the_size(i, k, d):
    before, after = torch_same_padding(k, d)
    assert after - before in (0, 1)
    assert i + before + after - effective_kernel_size(k, d) + 1 == i


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((5, 3, 2), (3, 1, 1)),
        ((6, 3, 2), (3, 0, 1)),  # the odd extra goes to the bottom/right
        ((7, 1, 2), (4, 0, 0)),
        ((4, 4, 1), (4, 1, 2)),
        ((5, 3, 1, 2), (5, 2, 2)),
        ((2, 5, 3), (1, 1, 2)),
    ],
)
def test_tf_same_padding_worked_examples(args, expected):
    assert tf_same_padding(*args) == expected


@given(sizes, kernels, strides, dilations)
def test_tf_same_padding_gives_ceil_of_i_over_s(i, k, s, d):
    out, before, after = tf_same_padding(i, k, s, d)
    assert out == math.ceil(i / s)
    assert after - before in (0, 1)
    padded = i + before + after
    assert (padded - effective_kernel_size(k, d)) // s + 1 == out


def test_output_padding_range():
    assert list(output_padding_range(2, 1)) == [0, 1]
    assert list(output_padding_range(1, 3)) == [0, 1, 2]
    assert list(output_padding_range(1, 1)) == [0]


def test_floor_remainder_worked_examples():
    assert floor_remainder(6, 3, 2) == 1
    assert unreached_indices(6, 3, 2) == [5]
    assert unreached_indices(7, 3, 3) == [6]
    assert unreached_indices(6, 3, 2, 1) == [7]  # a padding row: input coordinate 7 - 1 = 6
    assert unreached_indices(5, 3, 2, 1) == []


@pytest.mark.parametrize(
    ("call", "code", "fragments"),
    [
        (lambda: conv_output_size(3, 5), "kernel_too_large", ("= 5", "= 3", "larger than")),
        (lambda: conv_output_size(5, 3, 1, 0, 3), "kernel_too_large", ("= 7", "dilation=3")),
        (lambda: conv_output_size(5, 3, 0), "not_positive", ("stride=0",)),
        (lambda: conv_output_size(5, 3, 1, -1), "negative", ("padding=-1",)),
        (lambda: conv_output_size(5, 3, 1, 0, 0), "not_positive", ("dilation=0",)),
        (lambda: conv_output_size(5, 2.5), "not_integer", ("kernel_size=2.5",)),
        (lambda: conv_output_size("5", 3), "not_integer", ("input_size='5'",)),
        (lambda: conv_output_size(5, 3, True), "not_integer", ("stride=True",)),
        (lambda: conv_output_size(0, 1), "not_positive", ("input_size=0",)),
        (
            lambda: conv_transpose_output_size(3, 3, 2, 1, 2),
            "output_padding_too_large",
            ("output_padding=2 must be smaller than stride=2 or dilation=1",),
        ),
        (
            lambda: conv_transpose_output_size(1, 1, 1, 1),
            "transpose_output_empty",
            ("padding=1", "= 1 rows"),
        ),
        (lambda: effective_kernel_size(0, 1), "not_positive", ("kernel_size=0",)),
        (lambda: tf_same_padding(5, 3, 0), "not_positive", ("stride=0",)),
    ],
)
def test_bad_sizes_raise_conv_value_error(call, code, fragments):
    with pytest.raises(ConvValueError) as excinfo:
        call()
    assert_conv_error(excinfo, code, *fragments)


def test_kernel_too_large_suggests_enough_padding():
    with pytest.raises(ConvValueError) as excinfo:
        conv_output_size(3, 6)
    padding = excinfo.value.suggestion["padding"]
    assert padding == 2
    assert conv_output_size(3, 6, 1, padding) == 2
