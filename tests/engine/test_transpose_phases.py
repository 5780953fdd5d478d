"""conv_transpose2d's phase split: every stride/dilation phase, gaps, crops, blocks, PyTorch."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from convviz.engine import transpose as transpose_module
from convviz.engine.reference import conv_transpose2d_reference
from convviz.engine.sizes import conv_transpose_output_size
from convviz.engine.transpose import conv_transpose2d
from convviz.engine.transpose_phases import axis_phases, phase_weight
from tests.engine.test_transpose import draw_arrays

# --- one axis -------------------------------------------------------------------------------


def test_k4_s2_splits_into_two_phases_of_two_taps():
    phases = axis_phases(3, 4, 2, 1, 1, 6)
    assert phases.phases == (0, 1) and phases.shifts == (0, 1)
    assert phases.taps == ((0, 0), (1, 0), (0, 1), (1, 1))
    # Output 0, 2, 4 is canvas 1, 3, 5 (phase 1, grid 0..2); output 1, 3, 5 is phase 0, grid 1..3.
    assert phases.places == ((0, 1, 1, 3), (1, 0, 0, 3))
    assert phases.grid == (0, 4) and phases.covered


def test_stride_larger_than_the_kernel_leaves_phases_empty():
    phases = axis_phases(3, 2, 4, 1, 0, 10)  # stamps 0-1, 4-5, 8-9
    assert phases.phases == (0, 1) and phases.shifts == (0,)
    assert phases.places == ((0, 0, 0, 3), (1, 1, 0, 3))
    assert not phases.covered  # canvas 2, 3, 6, 7 are never stamped


def test_dilation_a_multiple_of_the_stride_uses_one_phase():
    phases = axis_phases(2, 3, 2, 4, 0, 11)  # taps 0, 4, 8: all phase 0, shifts 0, 2, 4
    assert phases.phases == (0,) and phases.shifts == (0, 2, 4)
    assert phases.places == ((0, 0, 0, 6),)
    assert not phases.covered


def test_output_padding_past_the_last_stamp_is_left_out():
    phases = axis_phases(2, 1, 2, 1, 0, 4)  # canvas 0, 2 stamped; row 3 is output_padding
    assert phases.places == ((0, 0, 0, 2),) and not phases.covered


@st.composite
def axis_cases(draw):
    """(size, kernel, stride, dilation, padding, output_padding) with a non-empty output."""
    size, kernel = draw(st.integers(1, 8)), draw(st.integers(1, 6))
    stride, dilation = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    padding = draw(st.integers(0, dilation * (kernel - 1) + 2))
    extra = draw(st.integers(0, max(stride, dilation) - 1))
    assume((size - 1) * stride + dilation * (kernel - 1) + extra + 1 - 2 * padding >= 1)
    return size, kernel, stride, dilation, padding, extra


@given(axis_cases())
def test_places_cover_every_stamped_output_position_once(case):
    size, kernel, stride, dilation, padding, extra = case
    out_size = conv_transpose_output_size(size, kernel, stride, padding, extra, dilation)
    phases = axis_phases(size, kernel, stride, dilation, padding, out_size)
    placed = {}
    for index, first, grid_first, count in phases.places:
        for t in range(count):
            position = first + t * stride
            assert 0 <= position < out_size and position not in placed
            canvas = position + padding
            assert canvas % stride == phases.phases[index]
            assert canvas // stride == grid_first + t
            assert phases.grid[0] <= grid_first + t < phases.grid[1]
            placed[position] = index
    stamped = {
        r * stride + i * dilation - padding for r in range(size) for i in range(kernel)
    } & set(range(out_size))
    assert stamped <= set(placed)
    assert phases.covered == (len(placed) == out_size)
    for i, (phase, shift) in enumerate(phases.taps):
        assert phases.phases[phase] + phases.shifts[shift] * stride == i * dilation


def test_phase_weight_puts_every_tap_once_and_zeros_elsewhere():
    rng = np.random.default_rng(3)
    weight = rng.standard_normal((4, 3, 3, 2))  # (C_in, C_out/G, kH, kW), groups 2
    rows = axis_phases(5, 3, 2, 1, 0, 11)  # taps 0, 2 phase 0 (shifts 0, 1); tap 1 phase 1
    cols = axis_phases(5, 2, 3, 2, 0, 15)  # taps 0, 2 phases 0, 2, shift 0
    combined = phase_weight(weight, 2, rows, cols)  # (G, Ph·Pw·O, C·A·B)
    assert combined.shape == (2, 2 * 2 * 3, 2 * 2 * 1)
    grid = combined.reshape(2, 2, 2, 3, 2, 2, 1)  # (G, Ph, Pw, O, C, A, B)
    expected = np.zeros_like(grid)
    for g, ci, o, i, j in itertools.product(range(2), range(2), range(3), range(3), range(2)):
        (fi, a), (fj, b) = rows.taps[i], cols.taps[j]
        expected[g, fi, fj, o, ci, a, b] = weight[g * 2 + ci, o, i, j]
    np.testing.assert_array_equal(grid, expected)
    assert np.count_nonzero(grid) == weight.size  # phase 1 has no tap at shift 1


# --- whole op against the loop reference ----------------------------------------------------


@st.composite
def phase_cases(draw):
    """A conv_transpose2d call over wide stride/dilation ranges, with a block size."""
    groups = draw(st.sampled_from([1, 2, 3]))
    c_in, c_out = groups * draw(st.integers(1, 2)), groups * draw(st.integers(1, 2))
    axes = [draw(axis_cases()) for _ in range(2)]
    size, kernel, stride, dilation, padding, extra = (tuple(v) for v in zip(*axes, strict=True))
    x, w, bias = draw_arrays(draw, groups=groups, channels=(c_in, c_out), size=size, kernel=kernel)
    params = {
        "stride": stride,
        "padding": padding,
        "output_padding": extra,
        "groups": groups,
        "dilation": dilation,
    }
    block = draw(st.sampled_from([1, 60, 1 << 21]))  # 1: one phase row per block
    return x, w, bias, params, block


@given(phase_cases())
def test_every_phase_combination_matches_the_reference(case):
    x, w, bias, params, block = case
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(transpose_module, "_BLOCK_ELEMENTS", block)
        fast = conv_transpose2d(x, w, bias, **params)
    slow = conv_transpose2d_reference(x, w, bias, **params)
    assert fast.dtype == slow.dtype == x.dtype and fast.shape == slow.shape
    tolerance = 1e-12 if x.dtype == np.float64 else 1e-5
    np.testing.assert_allclose(fast, slow, rtol=tolerance, atol=tolerance)


def test_unstamped_rows_and_columns_are_exact_zeros_plus_bias():
    x = np.ones((1, 2, 2))
    w = np.ones((1, 1, 2, 1))
    out = conv_transpose2d(x, w, np.array([0.5]), stride=(4, 3), output_padding=(2, 2))
    assert out.shape == (1, 8, 6)
    stamped_rows, stamped_cols = [0, 1, 4, 5], [0, 3]
    expected = np.full((8, 6), 0.5)
    expected[np.ix_(stamped_rows, stamped_cols)] = 1.5
    assert out[0].tolist() == expected.tolist()


@pytest.mark.parametrize(("stride", "dilation"), list(itertools.product(range(1, 5), range(1, 5))))
def test_each_stride_and_dilation_matches_torch(stride, dilation):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(10 * stride + dilation)
    for kernel in range(1, 5):
        for padding in range(0, dilation * (kernel - 1) + 1):
            size = 5
            extra = (stride + dilation) % max(stride, dilation)
            if (size - 1) * stride + dilation * (kernel - 1) + extra + 1 <= 2 * padding:
                continue  # empty output
            params = {
                "stride": (stride, 1 + stride % 3),
                "padding": (padding, 0),
                "output_padding": (extra, 0),
                "dilation": (dilation, math.gcd(stride, dilation)),
            }
            x = rng.standard_normal((2, 2, size, 4)).astype(np.float32)
            w = rng.standard_normal((2, 3, kernel, 5 - kernel)).astype(np.float32)
            expected = torch.nn.functional.conv_transpose2d(
                torch.from_numpy(x), torch.from_numpy(w), **params
            ).numpy()
            got = conv_transpose2d(x, w, **params)
            assert got.dtype == np.float32 and got.shape == expected.shape, params
            np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
