"""The generated clips and 3-D kernels: exact values, and what a temporal difference shows."""

from __future__ import annotations

import numpy as np
import pytest

from convviz.clips import BAR, SQUARE, make_clip, make_kernel3d
from convviz.engine.conv import conv3d
from convviz.engine.errors import ConvValueError
from tests.engine.test_params import assert_conv_error


def test_moving_square_by_hand():
    clip = make_clip("moving", 3, 4, 4)
    assert clip.shape == (3, 4, 4)
    assert clip[:, 0].tolist() == [[BAR] * 4] * 3  # the still bar
    assert clip[0, 1:3].tolist() == [[SQUARE, SQUARE, 0, 0]] * 2
    assert clip[2, 1:3].tolist() == [[0, 0, SQUARE, SQUARE]] * 2
    assert clip[:, 3].sum() == 0  # below the square: empty
    assert make_clip("moving", 5, 3, 4)[3, 1].tolist() == [SQUARE, 0, 0, SQUARE]  # wraps round


def test_temporal_difference_marks_arrival_and_departure_only():
    clip = make_clip("moving", 4, 4, 6)
    kernel = make_kernel3d("temporal_difference", 2, 1, 1)
    assert kernel.ravel().tolist() == [-1.0, 1.0]
    out = conv3d(clip[None], kernel[None, None])[0]  # (3, 4, 6)
    assert not out[:, 0].any()  # the still bar cancels
    for t in range(3):
        row = np.zeros(6)
        row[t], row[t + 2] = -SQUARE, SQUARE  # left column t, reached column t + 2
        assert out[t, 1].tolist() == row.tolist()


def test_kernels_by_hand():
    centre = make_kernel3d("temporal_difference", 3, 3, 3)
    assert centre[0, 1, 1] == -1 and centre[2, 1, 1] == 1 and np.abs(centre).sum() == 2
    assert not make_kernel3d("temporal_difference", 1, 3, 3).any()  # one frame: no difference
    assert make_kernel3d("box", 2, 1, 3).tolist() == [[[1.0, 1.0, 1.0]]] * 2
    random = make_kernel3d("random", 3, 3, 3, seed=4)
    assert set(np.unique(random)) <= {-1.0, 0.0, 1.0}
    assert np.array_equal(random, make_kernel3d("random", 3, 3, 3, seed=4))


def test_counting_and_random_clips():
    assert make_clip("counting", 2, 1, 2).ravel().tolist() == [0.0, 1.0, 2.0, 3.0]
    clip = make_clip("random", 3, 4, 5, seed=1)
    assert set(np.unique(clip)) <= {-2.0, -1.0, 0.0, 1.0, 2.0}
    assert not np.array_equal(clip, make_clip("random", 3, 4, 5, seed=2))


@pytest.mark.parametrize(
    ("call", "code", "fragment"),
    [
        (lambda: make_clip("noise", 2, 2, 2), "unknown_choice", "moving, random, counting"),
        (lambda: make_kernel3d("sobel", 2, 2, 2), "unknown_choice", "'sobel'"),
        (lambda: make_clip("moving", 0, 2, 2), "not_positive", "input_size=0"),
        (lambda: make_kernel3d("box", 1, 0, 1), "not_positive", "kernel_size=0"),
    ],
)
def test_bad_choices_are_explained(call, code, fragment):
    with pytest.raises(ConvValueError) as excinfo:
        call()
    assert_conv_error(excinfo, code, fragment)
