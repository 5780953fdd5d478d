"""Zero insertion, flipped / dilated kernels and the direct form of the transposed convolution."""

from __future__ import annotations

import numpy as np
import pytest

from convviz.engine.errors import ConvValueError
from convviz.engine.lowering import (
    dilate_kernel,
    flip_kernel,
    lowered_kinds,
    transposed_direct,
    zero_insert,
)
from convviz.engine.transpose import conv_transpose2d
from convviz.style.palette import CellKind

# One letter per cell kind, so the expected maps below read like the drawings.
R, Z, B, P = (
    int(CellKind.REAL),
    int(CellKind.INSERTED_ZERO),
    int(CellKind.BORDER_PAD),
    int(CellKind.OUTPUT_PAD),
)


def transpose_1ch(x, k, **hyper):
    return conv_transpose2d(np.asarray(x)[None], np.asarray(k)[None, None], **hyper)[0]


def test_zero_insert_puts_stride_minus_one_zeros_between_values():
    x = np.array([[1, 2, 3], [4, 5, 6]])
    assert zero_insert(x, stride=2).tolist() == [
        [1, 0, 2, 0, 3],
        [0, 0, 0, 0, 0],
        [4, 0, 5, 0, 6],
    ]
    assert zero_insert(x, stride=(1, 3)).tolist() == [
        [1, 0, 0, 2, 0, 0, 3],
        [4, 0, 0, 5, 0, 0, 6],
    ]
    assert zero_insert(x, stride=1).tolist() == x.tolist()
    assert zero_insert(x, stride=2).dtype == x.dtype
    assert zero_insert(np.ones((2, 3, 4)), stride=3).shape == (2, 7, 10)


def test_flip_kernel_rotates_by_180_degrees():
    w = np.arange(6).reshape(2, 3)
    assert flip_kernel(w).tolist() == [[5, 4, 3], [2, 1, 0]]
    assert flip_kernel(flip_kernel(w)).tolist() == w.tolist()


def test_dilate_kernel_spreads_taps_and_maps_them():
    dk = dilate_kernel(np.arange(1, 10).reshape(3, 3), dilation=2)
    assert dk.kernel.tolist() == [
        [1, 0, 2, 0, 3],
        [0, 0, 0, 0, 0],
        [4, 0, 5, 0, 6],
        [0, 0, 0, 0, 0],
        [7, 0, 8, 0, 9],
    ]
    assert dk.taps[::2, ::2].tolist() == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    assert (dk.taps[1::2] == -1).all() and (dk.taps[:, 1::2] == -1).all()
    uneven = dilate_kernel([[1, 2]], dilation=(4, 3))
    assert uneven.kernel.tolist() == [[1, 0, 0, 2]]
    assert uneven.taps.tolist() == [[0, -1, -1, 1]]


def test_direct_form_of_seed_004():
    # 2x2 input, kernel with one top-left 1, stride 2: each value lands alone in a 2x2 block.
    direct = transposed_direct([[1, 2], [3, 4]], [[1, 0], [0, 0]], stride=2)
    assert direct.inserted.tolist() == [[1, 0, 2], [0, 0, 0], [3, 0, 4]]
    assert direct.border == (1, 1)
    assert direct.pads == (1, 1, 1, 1)
    assert direct.flipped.tolist() == [[0, 0], [0, 1]]
    assert direct.kinds.tolist() == [
        [B, B, B, B, B],
        [B, R, Z, R, B],
        [B, Z, Z, Z, B],
        [B, R, Z, R, B],
        [B, B, B, B, B],
    ]
    assert direct.source[1, 3].tolist() == [0, 1]
    assert direct.source[3, 1].tolist() == [1, 0]
    assert direct.source[2, 2].tolist() == [-1, -1]
    assert direct.result.tolist() == [[1, 0, 2, 0], [0, 0, 0, 0], [3, 0, 4, 0], [0, 0, 0, 0]]


def test_output_padding_rows_go_bottom_right_and_are_computed():
    x, k = np.array([[1.0, 2.0], [3.0, 4.0]]), np.arange(1.0, 10.0).reshape(3, 3)
    direct = transposed_direct(x, k, stride=2, padding=1, output_padding=1)
    # b = 1·(3 − 1) − 1 = 1 per side, plus a = 1 on the bottom / right.
    assert direct.pads == (1, 2, 1, 2)
    assert direct.grid.shape == (6, 6)
    assert direct.kinds[:, 5].tolist() == [P] * 6
    assert direct.kinds[5].tolist() == [P] * 6
    assert direct.kinds[4].tolist() == [B, B, B, B, B, P]
    expected = transpose_1ch(x, k, stride=2, padding=1, output_padding=1)
    assert direct.result.shape == (4, 4)
    np.testing.assert_array_equal(direct.result, expected)
    # the output_padding column holds computed values, not zeros
    assert direct.result[:, 3].tolist() == [12.0, 30.0, 24.0, 36.0]  # e.g. 2·w₂₂ + 4·w₀₂ = 30


def test_padding_larger_than_the_border_crops_the_grid():
    # k = 3, p = 3: b = 2 − 3 = −1, so one row / column of the zero-inserted grid is cut.
    x = np.arange(1.0, 17.0).reshape(4, 4)
    k = np.array([[1.0, -1.0, 2.0], [0.0, 3.0, 1.0], [2.0, 1.0, -2.0]])
    direct = transposed_direct(x, k, stride=2, padding=3, output_padding=1)
    assert direct.border == (-1, -1)
    assert direct.pads == (-1, 0, -1, 0)
    np.testing.assert_array_equal(direct.grid, direct.inserted[1:, 1:])
    assert direct.kinds[0].tolist() == [Z] * 6
    assert direct.kinds[1].tolist() == [Z, R, Z, R, Z, R]
    np.testing.assert_array_equal(
        direct.result, transpose_1ch(x, k, stride=2, padding=3, output_padding=1)
    )


def test_negative_border_with_an_output_padding_row_beyond_it():
    # b = 1 − 2 = −1 on top; bottom b + a = −1 + 2 = +1: one output_padding row.
    x = np.array([[5.0, 7.0], [11.0, 13.0]])
    k = np.array([[1.0, 2.0], [3.0, 4.0]])
    direct = transposed_direct(x, k, stride=3, padding=2, output_padding=2)
    assert direct.pads == (-1, 1, -1, 1)
    assert [row[0] for row in direct.kinds.tolist()] == [Z, Z, Z, P]
    assert direct.kinds[2].tolist() == [Z, Z, R, P]
    assert direct.source[2, 2].tolist() == [1, 1]
    np.testing.assert_array_equal(
        direct.result, transpose_1ch(x, k, stride=3, padding=2, output_padding=2)
    )


def test_lowered_kinds_are_the_direct_forms_kinds():
    # rectangular: rows s = 2, b = 1, a = 1; columns s = 3, b = −1 (one column cut), a = 2
    kinds, source = lowered_kinds((2, 3), stride=(2, 3), border=(1, -1), output_padding=(1, 2))
    assert kinds.shape == (3 + 2 + 1, 7 - 2 + 2)
    assert kinds[:, 2].tolist() == [B, R, Z, R, B, P]
    assert kinds[1].tolist() == [Z, Z, R, Z, Z, R, P]
    assert source[3, 5].tolist() == [1, 2] and source[0, 0].tolist() == [-1, -1]
    x, k = np.arange(1.0, 7.0).reshape(2, 3), np.ones((2, 2))
    direct = transposed_direct(x, k, stride=(2, 3), padding=(0, 2), output_padding=(1, 2))
    np.testing.assert_array_equal(kinds, direct.kinds)
    np.testing.assert_array_equal(source, direct.source)
    real = kinds == R
    np.testing.assert_array_equal(direct.grid[real], x[source[real][:, 0], source[real][:, 1]])


def test_lowered_kinds_of_a_border_that_crops_everything_is_empty():
    kinds, source = lowered_kinds(1, stride=1, border=-1)
    assert kinds.shape == (0, 0) and source.shape == (0, 0, 2)


def test_dilated_direct_form_uses_the_flipped_dilated_kernel():
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    k = np.array([[1.0, 2.0], [3.0, 4.0]])
    direct = transposed_direct(x, k, stride=1, dilation=2)
    assert direct.border == (2, 2)
    assert direct.flipped_dilated.kernel.tolist() == [[4, 0, 3], [0, 0, 0], [2, 0, 1]]
    assert direct.flipped_dilated.taps.tolist() == [[3, -1, 2], [-1, -1, -1], [1, -1, 0]]
    np.testing.assert_array_equal(direct.result, transpose_1ch(x, k, dilation=2))
    assert direct.result.tolist() == [
        [1, 2, 2, 4],
        [3, 4, 6, 8],
        [3, 6, 4, 8],
        [9, 12, 12, 16],
    ]


def test_float32_stays_float32():
    x = np.ones((2, 2), dtype=np.float32)
    direct = transposed_direct(x, np.ones((2, 2), dtype=np.float32), stride=2)
    assert direct.result.dtype == np.float32 and direct.grid.dtype == np.float32


@pytest.mark.parametrize(
    ("call", "code", "named"),
    [
        (lambda: zero_insert([1, 2, 3], stride=2), "bad_ndim", "1 dimensions"),
        (lambda: zero_insert([[1]], stride=0), "not_positive", "stride=0"),
        (lambda: flip_kernel(5), "bad_ndim", "0 dimensions"),
        (lambda: dilate_kernel(np.ones((2, 2, 2)), dilation=2), "bad_ndim", "(2, 2, 2)"),
        (lambda: dilate_kernel(np.ones((2, 2)), dilation=-1), "not_positive", "dilation=-1"),
        (
            lambda: transposed_direct(np.ones((2, 2)), np.ones((3, 3)), stride=2, output_padding=2),
            "output_padding_too_large",
            "output_padding=2",
        ),
        (
            lambda: transposed_direct(np.ones((1, 1)), np.ones((1, 1)), padding=1),
            "transpose_output_empty",
            "padding=1",
        ),
        (
            lambda: transposed_direct(np.ones((1, 2, 2)), np.ones((3, 3))),
            "bad_ndim",
            "(1, 2, 2)",
        ),
        (
            lambda: transposed_direct(np.ones((2, 2)), np.ones((3, 3)), stride=1.5),
            "not_integer",
            "stride=1.5",
        ),
    ],
)
def test_bad_arguments_are_explained(call, code, named):
    with pytest.raises(ConvValueError) as info:
        call()
    assert info.value.code == code
    assert named in str(info.value)
