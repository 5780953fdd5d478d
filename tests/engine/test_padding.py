"""pad2d against hand-written borders and numpy.pad; the source map against the padded values."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.errors import ConvValueError
from convviz.engine.padding import four_pads, pad2d, padding_source_index
from tests.engine.test_params import assert_conv_error

NUMPY_MODES = {"zeros": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("zeros", [0, 0, 1, 2, 3, 0, 0]),
        ("reflect", [3, 2, 1, 2, 3, 2, 1]),
        ("replicate", [1, 1, 1, 2, 3, 3, 3]),
        ("circular", [2, 3, 1, 2, 3, 1, 2]),
    ],
)
def test_one_row_in_each_mode(mode, expected):
    out = pad2d(np.array([[1, 2, 3]]), (0, 0, 2, 2), mode)
    assert out.tolist() == [expected]


def test_two_dimensional_circular_wraps_the_corners():
    x = np.arange(1, 10).reshape(3, 3)
    assert pad2d(x, 1, "circular").tolist() == [
        [9, 7, 8, 9, 7],
        [3, 1, 2, 3, 1],
        [6, 4, 5, 6, 4],
        [9, 7, 8, 9, 7],
        [3, 1, 2, 3, 1],
    ]
    reflected = [[4, 5, 6], [1, 2, 3], [4, 5, 6], [7, 8, 9], [4, 5, 6]]
    assert pad2d(x, (1, 0), "reflect").tolist() == reflected


def test_asymmetric_pads_are_top_bottom_left_right():
    out = pad2d(np.ones((2, 2)), (1, 0, 0, 2))
    assert out.tolist() == [[0, 0, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0]]


def test_pads_forms():
    assert four_pads(2) == (2, 2, 2, 2)
    assert four_pads((1, 3)) == (1, 1, 3, 3)
    assert four_pads((1, 2, 3, 4)) == (1, 2, 3, 4)


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int64])
@pytest.mark.parametrize("mode", sorted(NUMPY_MODES))
def test_dtype_and_leading_axes_are_kept(dtype, mode):
    x = np.arange(2 * 3 * 4 * 5).reshape(2, 3, 4, 5).astype(dtype)
    out = pad2d(x, (1, 2, 3, 1), mode)
    assert out.dtype == dtype
    assert out.shape == (2, 3, 7, 9)


@st.composite
def padding_cases(draw):
    mode = draw(st.sampled_from(sorted(NUMPY_MODES)))
    h, w = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    limit_h = {"zeros": 4, "replicate": 4, "reflect": h - 1, "circular": h}[mode]
    limit_w = {"zeros": 4, "replicate": 4, "reflect": w - 1, "circular": w}[mode]
    pads = (
        draw(st.integers(0, limit_h)),
        draw(st.integers(0, limit_h)),
        draw(st.integers(0, limit_w)),
        draw(st.integers(0, limit_w)),
    )
    seed = draw(st.integers(0, 2**32 - 1))
    x = np.random.default_rng(seed).standard_normal((2, h, w))
    return x, pads, mode


@given(padding_cases())
def test_matches_numpy_pad(case):
    x, (top, bottom, left, right), mode = case
    expected = np.pad(x, ((0, 0), (top, bottom), (left, right)), mode=NUMPY_MODES[mode])
    np.testing.assert_array_equal(pad2d(x, (top, bottom, left, right), mode), expected)


@given(padding_cases())
def test_source_index_explains_every_padded_value(case):
    x, pads, mode = case
    padded = pad2d(x, pads, mode)
    source = padding_source_index(x.shape[-2:], pads, mode)  # (Hp, Wp, 2)
    assert source.shape == (*padded.shape[-2:], 2)
    zero = source[..., 0] < 0
    assert np.array_equal(zero, source[..., 1] < 0)
    if mode != "zeros":
        assert not zero.any()
    rows, cols = np.maximum(source[..., 0], 0), np.maximum(source[..., 1], 0)
    np.testing.assert_array_equal(np.where(zero, 0.0, x[:, rows, cols]), padded)
    # The interior copies itself.
    top, _, left, _ = pads
    h, w = x.shape[-2:]
    interior = source[top : top + h, left : left + w]
    assert interior[..., 0].tolist() == [[r] * w for r in range(h)]
    assert interior[..., 1].tolist() == [list(range(w))] * h


def test_source_index_worked_example():
    source = padding_source_index((2, 2), 1, "zeros")
    assert source[..., 0].tolist() == [
        [-1, -1, -1, -1],
        [-1, 0, 0, -1],
        [-1, 1, 1, -1],
        [-1, -1, -1, -1],
    ]
    assert source[1, 2].tolist() == [0, 1]
    reflect = padding_source_index((3, 3), 1, "reflect")
    assert reflect[0, 0].tolist() == [1, 1]
    assert reflect[4, 4].tolist() == [1, 1]
    replicate = padding_source_index((3, 3), (0, 0, 2, 0), "replicate")
    assert replicate[0, :3].tolist() == [[0, 0], [0, 0], [0, 0]]


@pytest.mark.parametrize(
    ("shape", "pads", "mode", "code", "fragments"),
    [
        ((3, 3), 3, "reflect", "reflect_padding_too_wide", ("padding 3", "input size 3")),
        ((5, 2), (0, 0, 2, 0), "reflect", "reflect_padding_too_wide", ("along W",)),
        ((1, 4), (1, 0), "reflect", "reflect_padding_too_wide", ("padding 1", "size 1")),
        ((3, 3), 4, "circular", "circular_padding_too_wide", ("padding 4", "size 3")),
        ((3, 3), 1, "mirror", "unknown_padding_mode", ("'mirror'",)),
        ((3, 3), -1, "zeros", "negative", ("padding=-1",)),
        ((3, 3), (1, 2, 3, -4), "zeros", "negative", ("padding_right=-4",)),
        ((3, 3), 1.5, "zeros", "not_integer", ("padding=1.5",)),
        ((3, 3), (1, 2, 3), "zeros", "not_pair", ("padding=(1, 2, 3)",)),
    ],
)
def test_bad_padding_raises(shape, pads, mode, code, fragments):
    for call in (
        lambda: pad2d(np.zeros(shape), pads, mode),
        lambda: padding_source_index(shape, pads, mode),
    ):
        with pytest.raises(ConvValueError) as excinfo:
            call()
        assert_conv_error(excinfo, code, *fragments)


def test_reflect_allows_one_less_than_the_size_and_circular_the_full_size():
    assert pad2d(np.arange(3)[None], (0, 0, 2, 2), "reflect").shape == (1, 7)
    assert pad2d(np.arange(3)[None], (0, 0, 3, 3), "circular").tolist() == [[0, 1, 2] * 3]


def test_one_dimensional_input_is_refused():
    with pytest.raises(ConvValueError) as excinfo:
        pad2d(np.zeros(3), 1)
    assert_conv_error(excinfo, "bad_ndim", "1 dimensions")
