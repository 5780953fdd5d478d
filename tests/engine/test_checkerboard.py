"""Overlap counts of transposed convolutions, and the remedies for checkerboard artifacts."""

from __future__ import annotations

from math import gcd

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.checkerboard import (
    interior_mask,
    interior_overlap_counts,
    is_even_overlap,
    nearest_upsample,
    overlap_counts,
    pixel_shuffle,
    resize_then_conv,
)
from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError


def test_kernel_3_stride_2_overlaps_in_a_checkerboard():
    counts = overlap_counts(3, 3, stride=2)
    assert counts.dtype == np.int64
    assert counts.tolist() == [
        [1, 1, 2, 1, 2, 1, 1],
        [1, 1, 2, 1, 2, 1, 1],
        [2, 2, 4, 2, 4, 2, 2],
        [1, 1, 2, 1, 2, 1, 1],
        [2, 2, 4, 2, 4, 2, 2],
        [1, 1, 2, 1, 2, 1, 1],
        [1, 1, 2, 1, 2, 1, 1],
    ]
    inner = counts[interior_mask(3, 3, stride=2)]
    assert sorted(set(inner.tolist())) == [1, 2, 4]
    assert not is_even_overlap(3, stride=2)


def test_kernel_4_stride_2_overlaps_evenly_inside():
    counts = overlap_counts(4, 4, stride=2)
    assert counts.shape == (10, 10)
    assert counts[0].tolist() == [1, 1, 2, 2, 2, 2, 2, 2, 1, 1]
    mask = interior_mask(4, 4, stride=2)
    assert mask.sum() == 4 * 4  # positions d(k − 1) = 3 … (i − 1)s = 6 on each axis
    assert (counts[mask] == 4).all()
    assert is_even_overlap(4, stride=2)


def test_padding_crops_the_counts_and_the_interior_moves_with_it():
    full = overlap_counts(4, 3, stride=2)
    cropped = overlap_counts(4, 3, stride=2, padding=1, output_padding=1)
    assert cropped.shape == (8, 8)
    np.testing.assert_array_equal(cropped, full[1:9, 1:9])
    mask = interior_mask(4, 3, stride=2, padding=1, output_padding=1)
    np.testing.assert_array_equal(mask, interior_mask(4, 3, stride=2)[1:9, 1:9])


def test_dilation_spreads_the_stamps():
    counts = overlap_counts((1, 3), (1, 2), stride=1, dilation=2)
    assert counts.tolist() == [[1, 1, 2, 1, 1]]


def test_even_overlap_is_per_axis():
    assert is_even_overlap((4, 6), stride=(2, 3))
    assert not is_even_overlap((4, 5), stride=(2, 3))
    assert is_even_overlap(3, stride=1)
    assert is_even_overlap(3, stride=3)
    assert not is_even_overlap(2, stride=3)


@pytest.mark.parametrize(
    ("kernel", "stride", "dilation", "counts"),
    [
        (3, 2, 1, [1, 2, 4]),
        (4, 2, 1, [4]),
        (3, 1, 3, [9]),
        (4, 2, 2, [0, 16]),  # taps 2 apart at stride 2: the odd rows and columns get nothing
        (3, 2, 4, [0, 9]),
        (7, 3, 2, [4, 6, 9]),  # 7 = 2·3 + 1 taps over 3 residues: 2, 2, 3 per axis
        ((4, 3), (2, 3), 1, [2]),
    ],
)
def test_interior_overlap_counts_worked_examples(kernel, stride, dilation, counts):
    assert interior_overlap_counts(kernel, stride=stride, dilation=dilation) == counts


@given(
    st.tuples(st.integers(1, 6), st.integers(1, 6)),
    st.tuples(st.integers(1, 4), st.integers(1, 4)),
    st.tuples(st.integers(1, 4), st.integers(1, 4)),
)
def test_interior_overlap_counts_match_a_large_enough_all_ones_input(kernel, stride, dilation):
    # (d(k − 1)) // s + 3 inputs per axis leave more than s interior positions: every residue
    shape = tuple(d * (k - 1) // s + 3 for k, s, d in zip(kernel, stride, dilation, strict=True))
    counts = overlap_counts(shape, kernel, stride=stride, dilation=dilation)
    inner = counts[interior_mask(shape, kernel, stride=stride, dilation=dilation)]
    values = interior_overlap_counts(kernel, stride=stride, dilation=dilation)
    assert sorted(set(inner.tolist())) == values
    uniform = all(
        k % s == 0 and gcd(d, s) == 1 for k, s, d in zip(kernel, stride, dilation, strict=True)
    )
    assert (len(values) == 1) == uniform
    if dilation == (1, 1):
        assert uniform == is_even_overlap(kernel, stride=stride)


def test_nearest_upsample_repeats_values():
    assert nearest_upsample([[1, 2], [3, 4]], scale=(1, 3)).tolist() == [
        [1, 1, 1, 2, 2, 2],
        [3, 3, 3, 4, 4, 4],
    ]
    assert nearest_upsample(np.ones((2, 1, 2)), scale=2).shape == (2, 2, 4)


def test_resize_then_conv_has_no_checkerboard():
    ones = resize_then_conv(np.ones((3, 3)), np.ones((3, 3)), scale=2)
    assert ones.shape == (6, 6)
    assert (ones[1:-1, 1:-1] == 9).all()  # every interior cell sums 9 taps
    assert ones[0].tolist() == [4, 6, 6, 6, 6, 4]
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    k = np.array([[0.0, 1.0], [1.0, 2.0]])
    big = np.repeat(np.repeat(x, 2, axis=0), 2, axis=1)  # (4, 4)
    expected = conv2d(big[None], k[None, None], padding="same")[0]
    np.testing.assert_array_equal(resize_then_conv(x, k, scale=2), expected)
    reflect = resize_then_conv(x, np.ones((3, 3)), scale=2, padding_mode="replicate")
    assert reflect[0].tolist() == [9, 12, 15, 18]


def test_pixel_shuffle_uses_torch_layout():
    x = np.arange(8).reshape(8, 1, 1)  # C = 2 output channels, r = 2
    out = pixel_shuffle(x, upscale=2)
    assert out.shape == (2, 2, 2)
    assert out.tolist() == [[[0, 1], [2, 3]], [[4, 5], [6, 7]]]
    x = np.arange(4 * 2 * 3).reshape(4, 2, 3)  # one channel, r = 2, H = 2, W = 3
    out = pixel_shuffle(x, upscale=2)
    assert out.shape == (1, 4, 6)
    # out[0, h·2 + i, w·2 + j] = x[i·2 + j, h, w]
    assert out[0, 0].tolist() == [0, 6, 1, 7, 2, 8]
    assert out[0, 1].tolist() == [12, 18, 13, 19, 14, 20]
    batched = pixel_shuffle(np.stack([x, x + 100]), upscale=2)
    assert batched.shape == (2, 1, 4, 6)
    np.testing.assert_array_equal(batched[1], out + 100)


@pytest.mark.parametrize(
    ("call", "code", "named"),
    [
        (lambda: overlap_counts(3, 3, stride=0), "not_positive", "stride=0"),
        (lambda: overlap_counts(3, 3, stride=2, output_padding=2), "output_padding_too_large",
         "output_padding=2"),
        (lambda: overlap_counts(1, 1, stride=1, padding=1), "transpose_output_empty", "padding=1"),
        (lambda: overlap_counts((3, 3, 3), 3, stride=1), "not_pair", "input_size=(3, 3, 3)"),
        (lambda: interior_mask(3, 0, stride=1), "not_positive", "kernel_size=0"),
        (lambda: is_even_overlap(3, stride=-1), "not_positive", "stride=-1"),
        (lambda: interior_overlap_counts(3, stride=2, dilation=0), "not_positive", "dilation=0"),
        (lambda: nearest_upsample([1, 2], scale=2), "bad_ndim", "1 dimensions"),
        (lambda: resize_then_conv(np.ones((2, 2)), np.ones((2, 2)), scale=0), "not_positive",
         "scale=0"),
        (lambda: resize_then_conv(np.ones((2, 2)), np.ones(2), scale=2), "bad_ndim", "kernel"),
        (lambda: pixel_shuffle(np.ones((6, 2, 2)), upscale=2), "pixel_shuffle_channels",
         "x has 6"),
        (lambda: pixel_shuffle(np.ones((4, 4)), upscale=2), "bad_ndim", "(4, 4)"),
        (lambda: pixel_shuffle(np.ones((4, 1, 1)), upscale=1.5), "not_integer", "upscale=1.5"),
    ],
)  # fmt: skip
def test_bad_arguments_are_explained(call, code, named):
    with pytest.raises(ConvValueError) as info:
        call()
    assert info.value.code == code
    assert named in str(info.value)
