"""Scatter-add views: stamps, what padding crops, and the frames of the animation."""

from __future__ import annotations

import numpy as np
import pytest

from convviz.engine.errors import ConvValueError
from convviz.engine.scatter import cell_stamp, scatter_stamps
from convviz.engine.scatter_frames import MAX_FRAME_ENTRIES, scatter_frame, scatter_frames
from convviz.engine.transpose import conv_transpose2d

X = np.array([[1.0, 2.0], [3.0, 4.0]])
ONES = np.ones((2, 2))


def transpose_1ch(x, k, **hyper):
    return conv_transpose2d(np.asarray(x)[None], np.asarray(k)[None, None], **hyper)[0]


def test_overlapping_stamps_add_up():
    stamps = scatter_stamps(X, ONES)
    assert stamps.stamps.shape == (2, 2, 2, 2)
    assert stamps.stamps[1, 0].tolist() == [[3, 3], [3, 3]]
    assert stamps.output.tolist() == [[1, 3, 2], [4, 10, 6], [3, 7, 4]]
    assert stamps.canvas.tolist() == stamps.output.tolist()  # nothing cropped at p = 0
    assert not stamps.geometry.cropped().any()


def test_frames_add_one_stamp_per_step_in_row_major_order():
    frames = scatter_frames(X, ONES)
    assert frames.canvas.shape == (5, 3, 3)
    assert frames.cells.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert frames.canvas[0].tolist() == [[0, 0, 0]] * 3
    assert frames.canvas[1].tolist() == [[1, 1, 0], [1, 1, 0], [0, 0, 0]]
    assert frames.canvas[2].tolist() == [[1, 3, 2], [1, 3, 2], [0, 0, 0]]
    assert frames.canvas[3].tolist() == [[1, 3, 2], [4, 6, 2], [3, 3, 0]]
    assert frames.canvas[4].tolist() == [[1, 3, 2], [4, 10, 6], [3, 7, 4]]
    assert not frames.touched[0].any()
    assert frames.touched[2].astype(int).tolist() == [[0, 1, 1], [0, 1, 1], [0, 0, 0]]


def test_frames_keep_each_stamp_on_its_own_canvas():
    k = np.array([[0.5, -1.0], [2.0, 0.25]])
    frames = scatter_frames(X / 3, k, stride=2, padding=1, dilation=2)
    assert frames.stamps.shape == (4, 5, 5)  # canvas (2 − 1)·2 + 2·(2 − 1) + 1 = 5
    # x[0, 1] = 2/3 stamps 2/3 · w with its corner at (0, 2), taps two apart
    np.testing.assert_array_equal(frames.stamps[1][0:3:2, 2:5:2], X[0, 1] / 3 * k)
    assert np.count_nonzero(frames.stamps[1]) == 4
    np.testing.assert_array_equal(frames.stamps != 0, frames.touched[1:])
    for t in range(5):
        np.testing.assert_allclose(frames.canvas[t], frames.stamps[:t].sum(axis=0), atol=1e-12)
    stamps = scatter_stamps(X / 3, k, stride=2, padding=1, dilation=2)
    np.testing.assert_allclose(frames.stamps.sum(axis=0), stamps.canvas, atol=1e-12)


def test_padding_crops_the_canvas_and_the_cropped_cells_are_reported():
    k = np.arange(1.0, 10.0).reshape(3, 3)
    stamps = scatter_stamps(X, k, stride=2, padding=1)
    assert stamps.geometry.canvas_hw == (5, 5)
    assert stamps.geometry.out_hw == (3, 3)
    ring = np.ones((5, 5), dtype=bool)
    ring[1:4, 1:4] = False
    np.testing.assert_array_equal(stamps.geometry.cropped(), ring)
    np.testing.assert_array_equal(stamps.output, stamps.canvas[1:4, 1:4])
    np.testing.assert_array_equal(stamps.output, transpose_1ch(X, k, stride=2, padding=1))
    # canvas row 2 is where row 0's bottom taps (7 8 9) meet row 1's top taps (1 2 3):
    # column 2 = 1·9 + 2·7 + 3·3 + 4·1 = 36
    assert stamps.canvas[2].tolist() == [10, 14, 36, 24, 30]
    assert stamps.output.tolist() == [[5, 14, 10], [14, 36, 24], [15, 34, 20]]


def test_output_padding_beyond_the_stamps_is_kept_as_computed_zeros():
    # a = 2 > p = 1: the last output row lies past every stamp.
    stamps = scatter_stamps(X, ONES, stride=3, padding=1, output_padding=2)
    assert stamps.geometry.out_hw == (5, 5)
    assert stamps.geometry.canvas_hw == (6, 6)
    assert stamps.output[-1].tolist() == [0, 0, 0, 0, 0]
    np.testing.assert_array_equal(
        stamps.output, transpose_1ch(X, ONES, stride=3, padding=1, output_padding=2)
    )


def test_cell_stamp_places_value_times_kernel_with_dilation():
    k = np.array([[1.0, -1.0], [2.0, 0.5]])
    st = cell_stamp(X, k, cell=(1, 1), stride=2, dilation=2, padding=1)
    assert st.value == 4.0
    assert st.canvas_top_left == (2, 2)
    assert st.output_top_left == (1, 1)
    assert st.values.tolist() == [[4, 0, -4], [0, 0, 0], [8, 0, 2]]
    assert st.taps.tolist() == [[0, -1, 1], [-1, -1, -1], [2, -1, 3]]
    # output is (2−1)·2 − 2 + 2 + 1 = 3 cells wide: taps at output 1 and 3, so 3 is cropped
    assert st.touched.tolist() == [[1, 1]]
    assert st.cropped.tolist() == [[2, 4], [4, 2], [4, 4]]


def test_cell_stamp_of_a_cell_at_the_cropped_corner():
    st = cell_stamp(X, ONES, cell=(0, 0), stride=2, padding=1)
    assert st.output_top_left == (-1, -1)
    assert st.touched.tolist() == [[0, 0]]
    assert st.cropped.tolist() == [[0, 0], [0, 1], [1, 0]]


def test_one_frame_matches_the_stacked_frames():
    rng = np.random.default_rng(2)
    x = rng.integers(-4, 5, size=(3, 4)).astype(float)
    k = rng.integers(-4, 5, size=(3, 2)).astype(float)
    hyper = {"stride": (2, 1), "padding": (1, 0), "output_padding": (1, 0), "dilation": (1, 2)}
    frames = scatter_frames(x, k, **hyper)
    for step in range(13):
        frame = scatter_frame(x, k, step=step, **hyper)
        np.testing.assert_array_equal(frame.canvas, frames.canvas[step])
        np.testing.assert_array_equal(frame.touched, frames.touched[step])
        np.testing.assert_array_equal(frame.output, frames.output[step])
    assert scatter_frame(x, k, step=0, **hyper).cell is None
    assert scatter_frame(x, k, step=6, **hyper).cell == (1, 1)
    np.testing.assert_array_equal(frames.output[-1], transpose_1ch(x, k, **hyper))


def test_large_inputs_refuse_all_frames_but_give_any_single_frame():
    x = np.ones((40, 40))
    with pytest.raises(ConvValueError) as info:
        scatter_frames(x, np.ones((3, 3)), stride=2)
    assert info.value.code == "scatter_frames_too_large"
    assert info.value.values["frames"] == 1601 and info.value.values["limit"] == MAX_FRAME_ENTRIES
    assert "1601 frames of 81×81" in str(info.value)
    frame = scatter_frame(x, np.ones((3, 3)), step=1600, stride=2)
    np.testing.assert_array_equal(frame.output, transpose_1ch(x, np.ones((3, 3)), stride=2))
    assert frame.cell == (39, 39)


@pytest.mark.parametrize(
    ("call", "code", "named"),
    [
        (lambda: scatter_frame(X, ONES, step=5), "step_out_of_range", "step=5"),
        (lambda: scatter_frame(X, ONES, step=-1), "step_out_of_range", "step=-1"),
        (lambda: scatter_frame(X, ONES, step=1.0), "not_integer", "step=1.0"),
        (lambda: cell_stamp(X, ONES, cell=(2, 0)), "cell_out_of_range", "row=2"),
        (lambda: cell_stamp(X, ONES, cell=(0,)), "not_pair", "cell=(0,)"),
        (lambda: scatter_stamps(X, ONES, stride=0), "not_positive", "stride=0"),
        (
            lambda: scatter_stamps(X, ONES, stride=2, output_padding=2),
            "output_padding_too_large",
            "output_padding=2",
        ),
        (lambda: scatter_stamps(X[0], ONES), "bad_ndim", "(2,)"),
        (lambda: scatter_stamps(X, ONES, padding=2), "transpose_output_empty", "padding=2"),
    ],
)
def test_bad_arguments_are_explained(call, code, named):
    with pytest.raises(ConvValueError) as info:
        call()
    assert info.value.code == code
    assert named in str(info.value)


def test_out_of_range_step_suggests_the_last_frame():
    with pytest.raises(ConvValueError) as info:
        scatter_frame(X, ONES, step=9)
    assert info.value.suggestion == {"step": 4}
