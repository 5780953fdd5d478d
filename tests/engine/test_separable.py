"""Rank-1 kernel splits: the classic kernels, SVD facts, and column-then-row convolution."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.errors import ConvValueError
from convviz.engine.separable import separable_split, separate_kernel

SOBEL_X = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])  # OpenCV / SciPy sign
LAPLACIAN = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])

small_ints = st.integers(-4, 4)


def test_sobel_is_smoothing_column_times_difference_row():
    split = separate_kernel(SOBEL_X)
    assert split.rank == 1 and split.separable
    assert split.column.shape == (3, 1) and split.row.shape == (1, 3)
    assert split.column.ravel().tolist() == [1, 2, 1]
    assert split.row.ravel().tolist() == [-1, 0, 1]
    assert np.array_equal(split.column @ split.row, SOBEL_X)
    np.testing.assert_allclose(split.singular_values, [2 * np.sqrt(3), 0, 0], atol=1e-12)
    # PyTorch-style kernels often write the difference the other way round
    flipped = separate_kernel(-SOBEL_X)
    assert flipped.column.ravel().tolist() == [1, 2, 1]
    assert flipped.row.ravel().tolist() == [1, 0, -1]


@pytest.mark.parametrize(
    ("kernel", "column", "row"),
    [
        (np.ones((3, 3)), [1, 1, 1], [1, 1, 1]),
        (np.ones((3, 3)) / 9, [1, 1, 1], [1 / 9] * 3),
        (np.outer([1, 2, 1], [1, 2, 1]), [1, 2, 1], [1, 2, 1]),
        (np.outer([1, 4, 6, 4, 1], [1, 4, 6, 4, 1]), [1, 4, 6, 4, 1], [1, 4, 6, 4, 1]),
        (np.outer([0, 1, 2], [3, 0, 1]), [0, 1, 2], [3, 0, 1]),
        (np.array([[2.0, 4.0, 6.0]]), [1], [2, 4, 6]),
    ],
)
def test_rank_one_kernels(kernel, column, row):
    split = separate_kernel(kernel)
    assert split.rank == 1
    np.testing.assert_allclose(split.column.ravel(), column, atol=1e-12)
    np.testing.assert_allclose(split.row.ravel(), row, atol=1e-12)
    np.testing.assert_allclose(split.column @ split.row, kernel, atol=1e-12)
    assert split.max_error < 1e-12 and split.error < 1e-12


def test_laplacian_is_rank_two():
    split = separate_kernel(LAPLACIAN)
    assert split.rank == 2 and not split.separable
    assert split.column is None and split.row is None
    np.testing.assert_allclose(
        split.singular_values, [2 + np.sqrt(6), np.sqrt(6) - 2, 0], atol=1e-12
    )
    assert split.error == pytest.approx(np.sqrt(6) - 2)
    assert split.max_error == pytest.approx(0.2041241452)
    np.testing.assert_allclose(split.rank1_column @ split.rank1_row, split.rank1, atol=1e-12)
    # Eckart–Young: the residual's Frobenius norm is the dropped singular values
    assert np.linalg.norm(LAPLACIAN - split.rank1) == pytest.approx(split.error)


def test_zero_kernel_and_tolerance():
    zero = separate_kernel(np.zeros((2, 3)))
    assert zero.rank == 0 and zero.separable
    assert zero.column.shape == (2, 1) and not zero.row.any()
    nearly = np.outer([1, 2, 1], [1, 0, -1]) + 1e-9 * np.eye(3)
    assert separate_kernel(nearly).rank > 1
    loose = separate_kernel(nearly, tol=1e-6)
    assert loose.rank == 1
    np.testing.assert_allclose(loose.column @ loose.row, nearly, atol=1e-8)
    assert separable_split is separate_kernel


@given(
    st.lists(small_ints, min_size=1, max_size=5).filter(any),
    st.lists(small_ints, min_size=1, max_size=5).filter(any),
)
def test_any_outer_product_splits_back(column, row):
    kernel = np.outer(column, row)
    split = separate_kernel(kernel)
    assert split.rank == 1
    np.testing.assert_allclose(split.column @ split.row, kernel, atol=1e-9)


@given(st.integers(2, 5), st.integers(0, 2**32 - 1))
def test_best_rank_one_error_is_the_other_singular_values(k, seed):
    kernel = np.random.default_rng(seed).integers(-3, 4, size=(k, k)).astype(float)
    split = separate_kernel(kernel)
    assert split.rank == np.linalg.matrix_rank(kernel)
    assert split.error == pytest.approx(np.sqrt(np.sum(split.singular_values[1:] ** 2)), abs=1e-9)
    assert np.linalg.norm(kernel - split.rank1) == pytest.approx(split.error, abs=1e-9)


@pytest.mark.parametrize("kernel", [SOBEL_X, np.ones((3, 3)), np.outer([1, 4, 6, 4, 1], [1, 2, 1])])
@pytest.mark.parametrize("padding", [0, 1])
def test_column_then_row_equals_the_full_convolution(kernel, padding):
    from convviz.engine.conv import conv2d

    kh, kw = kernel.shape
    x = np.random.default_rng(7).integers(-5, 6, size=(2, 1, 9, 8)).astype(float)
    split = separate_kernel(kernel)
    column = split.column.reshape(1, 1, kh, 1)  # (C_out, C_in, k_h, 1)
    row = split.row.reshape(1, 1, 1, kw)  # (C_out, C_in, 1, k_w)
    weight = kernel.reshape(1, 1, kh, kw).astype(float)  # (C_out, C_in, k_h, k_w)
    full = conv2d(x, weight, padding=padding)
    two_pass = conv2d(conv2d(x, column, padding=(padding, 0)), row, padding=(0, padding))
    assert full.shape == two_pass.shape
    np.testing.assert_allclose(two_pass, full, atol=1e-9)


def test_laplacian_does_not_split_through_conv2d():
    from convviz.engine.conv import conv2d

    x = np.random.default_rng(1).normal(size=(1, 1, 6, 6))
    split = separate_kernel(LAPLACIAN)
    weight = LAPLACIAN.reshape(1, 1, 3, 3).astype(float)  # (C_out, C_in, 3, 3)
    column = split.rank1_column.reshape(1, 1, 3, 1)  # (C_out, C_in, 3, 1)
    row = split.rank1_row.reshape(1, 1, 1, 3)  # (C_out, C_in, 1, 3)
    full = conv2d(x, weight)
    approx = conv2d(conv2d(x, column), row)
    assert not np.allclose(full, approx)


@pytest.mark.parametrize(
    ("kernel", "tol", "code", "words"),
    [
        (np.ones(3), None, "bad_ndim", ["1 dimensions"]),
        (np.ones((1, 3, 3)), None, "bad_ndim", ["(1, 3, 3)"]),
        (np.zeros((0, 3)), None, "separable_kernel_empty", ["(0, 3)"]),
        ([[1, np.nan], [0, 1]], None, "separable_kernel_not_finite", ["NaN"]),
        ([["a", "b"]], None, "bad_dtype", ["kernel"]),
        (np.ones((2, 2)), -1.0, "separable_bad_tolerance", ["tol=-1.0"]),
        (np.ones((2, 2)), "small", "separable_bad_tolerance", ["tol='small'"]),
    ],
)
def test_bad_kernels_name_the_values(kernel, tol, code, words):
    with pytest.raises(ConvValueError) as info:
        separate_kernel(kernel, tol=tol)
    assert info.value.code == code
    for word in words:
        assert word in str(info.value)
