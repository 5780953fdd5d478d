"""Sliding-window trace: taps, values, products and sums; formatting; frames; unvisited rows."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine.arithmetic_text import format_cell, format_number, products_text
from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.trace import sliding_trace
from convviz.engine.unreached import unreached_rows_cols
from convviz.engine.window_frame import window_frame

X = np.arange(1.0, 17.0).reshape(4, 4)  # 1 … 16
K = np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])  # Sobel x


def conv_1ch(x, k, **hyper):
    return conv2d(np.asarray(x)[None], np.asarray(k)[None, None], **hyper)[0]


def test_trace_of_a_valid_convolution():
    tr = sliding_trace(X, K)
    assert tr.out_hw == (2, 2)
    assert tr.rows.shape == (2, 2, 3, 3)
    assert tr.rows[1, 0].tolist() == [[1, 1, 1], [2, 2, 2], [3, 3, 3]]
    assert tr.cols[1, 0].tolist() == [[0, 1, 2]] * 3
    assert tr.values[0, 1].tolist() == [[2, 3, 4], [6, 7, 8], [10, 11, 12]]
    assert tr.products[0, 1].tolist() == [[2, 0, -4], [12, 0, -16], [10, 0, -12]]
    assert tr.sums.tolist() == [[-8, -8], [-8, -8]]
    np.testing.assert_array_equal(tr.sums, conv_1ch(X, K))


def test_format_cell_writes_every_product():
    tr = sliding_trace(X, K)
    assert format_cell(tr, (0, 0)) == (
        "1·1 + 2·0 + 3·(-1) + 5·2 + 6·0 + 7·(-2) + 9·1 + 10·0 + 11·(-1) = -8"
    )
    assert format_cell(tr, (1, 1), max_terms=3) == "6·1 + 7·0 + 8·(-1) + … = -8"
    assert format_cell(tr, [0, 1], max_terms=9).endswith("12·(-1) = -8")


def test_format_cell_can_leave_out_the_products_of_zeros():
    grid = [[0.0, 0.0, 2.0], [0.0, 0.0, 0.0], [-1.5, 0.0, 0.0]]  # a zero-inserted grid
    tr = sliding_trace(grid, np.arange(1.0, 5.0).reshape(2, 2))
    assert format_cell(tr, (0, 1), nonzero_only=True) == "2·2 = 4"
    assert format_cell(tr, (1, 0), nonzero_only=True) == "(-1.5)·3 = -4.5"
    assert format_cell(tr, (1, 1), nonzero_only=True) == "0 = 0"
    assert format_cell(tr, (0, 1)) == "0·1 + 2·2 + 0·3 + 0·4 = 4"
    both = sliding_trace([[1.0, 0.0, 2.0, 3.0]], [[1.0, 1.0, 1.0, 1.0]])
    assert format_cell(both, (0, 0), nonzero_only=True, max_terms=2) == "1·1 + 2·1 + … = 6"


def test_format_numbers_integers_plain_floats_rounded():
    assert format_number(7.0) == "7"
    assert format_number(-3.0) == "-3"
    assert format_number(0.5) == "0.5"
    assert format_number(1 / 3) == "0.33"
    assert format_number(1 / 3, decimals=4) == "0.3333"
    assert format_number(-0.001) == "0"
    assert format_number(np.float32(2.25)) == "2.25"
    tr = sliding_trace([[0.5, 1.25], [2.0, -1.5]], [[0.1, 1.0], [1.0, 2.0]])
    assert format_cell(tr, (0, 0)) == "0.5·0.1 + 1.25·1 + 2·1 + (-1.5)·2 = 0.3"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from([0.0, -0.0, 1, 1.0, -2, 2.5, -1 / 3, 1e-3, 7.125]), min_size=1,
             max_size=12).flatmap(lambda v: st.tuples(st.just(v), st.permutations(v))),
    st.integers(0, 4),
    st.sampled_from(["float64", "float32", "int64"]),
)  # fmt: skip
def test_products_text_is_format_number_of_each_factor(pair, decimals, dtype):
    """The memoized factors write what format_number writes, whatever came before (1 and
    1.0, 0 and -0, one value at several decimals)."""
    values, weights = (np.array(v).astype(dtype) for v in pair)

    def factor(v):
        text = format_number(v, decimals=decimals)
        return f"({text})" if text.startswith("-") else text

    expected = " + ".join(f"{factor(v)}·{factor(w)}" for v, w in zip(values, weights, strict=True))
    total = float(np.dot(values, weights))
    assert products_text(values, weights, total, decimals=decimals) == (
        f"{expected} = {format_number(total, decimals=decimals)}"
    )


def test_padding_modes_trace_the_copied_cells():
    x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    k = np.ones((2, 2))
    tr = sliding_trace(x, k, padding=1, padding_mode="reflect")
    assert tr.padded.tolist() == [
        [5, 4, 5, 6, 5],
        [2, 1, 2, 3, 2],
        [5, 4, 5, 6, 5],
        [2, 1, 2, 3, 2],
    ]
    assert tr.sources()[0, 0].tolist() == [[[1, 1], [1, 0]], [[0, 1], [0, 0]]]
    np.testing.assert_array_equal(tr.sums, conv_1ch(x, k, padding=1, padding_mode="reflect"))
    zeros = sliding_trace(x, k, padding=1)
    assert zeros.sources()[0, 0].tolist() == [[[-1, -1], [-1, -1]], [[-1, -1], [0, 0]]]
    assert zeros.sums[0].tolist() == [1, 3, 5, 3]


def test_same_padding_stride_and_dilation_follow_conv2d():
    rng = np.random.default_rng(7)
    x = rng.integers(-5, 6, size=(6, 7)).astype(float)
    k = rng.integers(-5, 6, size=(3, 2)).astype(float)
    same = sliding_trace(x, k, padding="same", dilation=(1, 2))
    assert same.pads == (1, 1, 1, 1)
    np.testing.assert_array_equal(same.sums, conv_1ch(x, k, padding="same", dilation=(1, 2)))
    strided = sliding_trace(x, k, stride=(2, 3), padding=(1, 0), padding_mode="circular")
    np.testing.assert_array_equal(
        strided.sums, conv_1ch(x, k, stride=(2, 3), padding=(1, 0), padding_mode="circular")
    )


def test_flip_traces_a_true_convolution():
    tr = sliding_trace(X, K, flip=True)
    assert tr.kernel.tolist() == [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]
    assert tr.sums.tolist() == [[8, 8], [8, 8]]


def test_read_counts_show_rows_the_floor_drops_and_dilation_holes():
    tr = sliding_trace(np.ones((6, 6)), np.ones((3, 3)), stride=2)
    # column 0 is read by the windows at rows 0 and 2 (rows 0-4); row 5 is dropped by the floor
    assert tr.read_counts()[:, 0].tolist() == [1, 1, 2, 1, 1, 0]
    assert tr.read_counts()[2].tolist() == [2, 2, 4, 2, 2, 0]
    holes = sliding_trace(np.ones((7, 7)), np.ones((2, 2)), stride=2, dilation=2)
    # d = s = 2: every tap lands on an even row, the odd rows are never read
    assert holes.read_counts()[:, 0].tolist() == [1, 0, 2, 0, 2, 0, 1]


def test_unreached_rows_cols():
    info = unreached_rows_cols(7, 3, stride=3)
    assert info.remainder == (1, 1)
    assert info.padded_rows == (6,) and info.input_rows == (6,)
    assert info.any
    padded = unreached_rows_cols((6, 5), 3, stride=2, padding=1)
    # rows: (6 + 2 − 3) mod 2 = 1 → padded row 7 is the bottom padding, not an input row
    assert padded.remainder == (1, 0)
    assert padded.padded_rows == (7,) and padded.input_rows == ()
    assert padded.padded_cols == () and not padded.any
    wide = unreached_rows_cols((10, 10), (3, 2), stride=4, dilation=2)
    # rows: (10 − 5) mod 4 = 1; cols: (10 − 3) mod 4 = 3
    assert wide.input_rows == (9,) and wide.input_cols == (7, 8, 9)


def test_window_frames_walk_the_output_row_by_row():
    first = window_frame(5, 3, step=0, stride=2, padding=1)
    assert first.steps == 9 and first.cell == (0, 0)
    assert first.box == (0, 0, 3, 3)
    assert first.covered.shape == (7, 7) and first.covered.sum() == 9
    last = window_frame(5, 3, step=8, stride=2, padding=1)
    assert last.cell == (2, 2) and last.box == (4, 4, 7, 7)
    assert last.done.all()
    mid = window_frame((4, 6), (2, 2), step=4, dilation=(1, 2))
    assert mid.steps == 12 and mid.cell == (1, 0)
    assert mid.taps.tolist() == [[1, 0], [1, 2], [2, 0], [2, 2]]
    assert mid.covered[1].tolist() == [True, False, True, False, False, False]
    assert mid.box == (1, 0, 3, 3)
    assert mid.done.sum() == 5
    same = window_frame(4, 4, step=0, padding="same")
    assert same.covered.shape == (7, 7)  # 1 row on top, 2 at the bottom


def test_window_frame_is_a_pure_function_of_the_step():
    a = window_frame(6, 3, step=2, stride=1, dilation=2)
    b = window_frame(6, 3, step=2, stride=1, dilation=2)
    np.testing.assert_array_equal(a.covered, b.covered)
    assert a.cell == b.cell == (1, 0)


@pytest.mark.parametrize(
    ("call", "code", "named"),
    [
        (lambda: sliding_trace(X[0], K), "bad_ndim", "(4,)"),
        (lambda: sliding_trace(X, K[None]), "bad_ndim", "(1, 3, 3)"),
        (lambda: sliding_trace(X, K, stride=0), "not_positive", "stride=0"),
        (lambda: sliding_trace(X, K, padding="same", stride=2), "same_needs_stride_1", "stride"),
        (lambda: sliding_trace(X, K, padding=4, padding_mode="reflect"), "reflect_padding_too_wide",
         "4"),
        (lambda: sliding_trace(X, K, padding_mode="mirror"), "unknown_padding_mode", "'mirror'"),
        (lambda: sliding_trace(X, np.ones((5, 5))), "kernel_too_large", "kernel_size=5"),
        (lambda: format_cell(sliding_trace(X, K), (2, 0)), "cell_out_of_range", "row=2"),
        (lambda: format_cell(sliding_trace(X, K), (0, 0), max_terms=0), "not_positive",
         "max_terms=0"),
        (lambda: window_frame(4, 3, step=4), "step_out_of_range", "step=4"),
        (lambda: window_frame(4, 3, step="1"), "not_integer", "step='1'"),
        (lambda: unreached_rows_cols(4, 3, stride=-2), "not_positive", "stride=-2"),
        (lambda: unreached_rows_cols(2, 5), "kernel_too_large", "kernel_size=5"),
    ],
)  # fmt: skip
def test_bad_arguments_are_explained(call, code, named):
    with pytest.raises(ConvValueError) as info:
        call()
    assert info.value.code == code
    assert named in str(info.value)
