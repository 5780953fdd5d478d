"""Offset fields made by rule: their layout, what each kind does to the points, the shape rule."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine.conv import conv2d
from convviz.engine.deform import deform_conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.offset_fields import (
    OFFSET_KINDS,
    offset_field,
    rotation_field,
    scale_field,
    shape_field,
    tap_vectors,
)


def _points(field: np.ndarray, k: int, d: int = 1) -> np.ndarray:
    """Moved taps of output cell (0, 0), relative to the grid's centre: (T, 2)."""
    return tap_vectors(k, d) + field[:, 0, 0].reshape(k * k, 2)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 4), st.integers(1, 2), st.sampled_from(OFFSET_KINDS), st.integers(0, 99))
def test_every_kind_has_deform_conv2ds_layout(k, d, kind, seed):
    image = np.random.default_rng(seed).random((9, 9))
    field = offset_field(
        kind, kernel_size=k, out_hw=(4, 3), dilation=d, amount=1.5, seed=seed, image=image
    )
    assert field.shape == (2 * k * k, 4, 3)
    assert np.isfinite(field).all()
    size = 9 - d * (k - 1)  # no padding, stride 1
    full = offset_field(
        kind, kernel_size=k, out_hw=(size, size), dilation=d, amount=1.5, seed=seed, image=image
    )
    out = deform_conv2d(image[None], full, np.ones((1, 1, k, k)), dilation=d)
    assert out.shape == (1, size, size)


def test_zero_field_gives_the_standard_convolution():
    x = np.arange(25.0).reshape(1, 5, 5)
    w = np.arange(9.0).reshape(1, 1, 3, 3)
    field = offset_field("zero", kernel_size=3, out_hw=(3, 3))
    np.testing.assert_array_equal(deform_conv2d(x, field, w), conv2d(x, w))


def test_scale_two_is_dilation_two():
    x = np.arange(49.0).reshape(1, 7, 7)
    w = np.arange(9.0).reshape(1, 1, 3, 3)
    # scale 2 about the centre of a 3×3 grid puts the taps two apart, as dilation 2 does; the
    # window's centre stays, so the dilated convolution needs one more row of padding
    field = scale_field(3, (7, 7), factor=2.0)
    np.testing.assert_array_equal(
        deform_conv2d(x, field, w, padding=1), conv2d(x, w, padding=2, dilation=2)
    )
    assert _points(field, 3)[[0, 4, 8]].tolist() == [[-2, -2], [0, 0], [2, 2]]


@pytest.mark.parametrize(
    ("degrees", "top_left_goes_to"), [(90, (1, -1)), (180, (1, 1)), (-90, (-1, 1)), (360, (-1, -1))]
)
def test_rotation_turns_the_grid_anticlockwise_as_drawn(degrees, top_left_goes_to):
    field = rotation_field(3, (1, 1), degrees=degrees)
    np.testing.assert_allclose(_points(field, 3)[0], top_left_goes_to, atol=1e-12)
    np.testing.assert_allclose(_points(field, 3)[4], (0, 0))  # the centre stays
    # a turn keeps every tap's distance from the centre
    np.testing.assert_allclose(
        np.hypot(*_points(field, 3).T), np.hypot(*tap_vectors(3).T), atol=1e-12
    )


def test_random_field_is_seeded():
    a = offset_field("random", kernel_size=3, out_hw=(2, 2), amount=0.5, seed=7)
    b = offset_field("random", kernel_size=3, out_hw=(2, 2), amount=0.5, seed=7)
    c = offset_field("random", kernel_size=3, out_hw=(2, 2), amount=0.5, seed=8)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_shape_field_spreads_the_points_over_a_bar():
    image = np.zeros((7, 7))
    image[1:6, 3] = 1.0  # a vertical bar, five pixels long
    field = shape_field(image, 3, (7, 7), reach=1, padding=1)
    moved = field[:, 3, 3].reshape(9, 2) + np.array(
        [(r, c) for r in range(2, 5) for c in range(2, 5)]
    )
    # the five bar pixels are read once each, by the first five taps in row-major order
    assert moved[:5].tolist() == [[1, 3], [2, 3], [3, 3], [4, 3], [5, 3]]
    np.testing.assert_array_equal(field[10:, 3, 3], 0)  # the other four taps stay
    near = shape_field(image, 3, (7, 7), reach=0, padding=1)
    np.testing.assert_array_equal(near[:, 0, 0], 0)  # no bar pixel in rows −1…1, cols −1…1
    # cell (2, 2) reads rows 1…3, cols 1…3: the bar pixels (1, 3), (2, 3), (3, 3) go to the
    # first three taps (1, 1), (1, 2), (1, 3)
    assert near[:6, 2, 2].tolist() == [0, 2, 1, 1, 2, 0]
    np.testing.assert_array_equal(near[6:, 2, 2], 0)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 3), st.integers(0, 999))
def test_shape_field_moves_points_onto_distinct_object_pixels_within_reach(reach, seed):
    image = (np.random.default_rng(seed).random((6, 6)) > 0.6).astype(float)
    image[0, 0] = 1.0  # never flat
    image[5, 5] = 0.0
    field = shape_field(image, 3, (4, 4), reach=reach)
    for i in range(4):
        for j in range(4):
            regular = np.array([(i + a, j + b) for a in range(3) for b in range(3)])
            offsets = field[:, i, j].reshape(9, 2)
            moved = (regular + offsets)[np.any(offsets != 0, axis=1)].astype(int)
            assert all(image[r, c] == 1 for r, c in moved)
            assert len({tuple(p) for p in moved}) == len(moved)
            assert (moved >= [i - reach, j - reach]).all() and (
                moved <= [i + 2 + reach, j + 2 + reach]
            ).all()


def test_flat_picture_has_no_object_and_unknown_kind_is_explained():
    np.testing.assert_array_equal(shape_field(np.ones((4, 4)), 3, (2, 2), reach=2), 0)
    with pytest.raises(ConvValueError) as info:
        offset_field("spiral", kernel_size=3, out_hw=(2, 2))
    assert info.value.code == "unknown_offset_kind"
