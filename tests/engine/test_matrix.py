"""The matrix C of a convolution, its symbolic form and labels."""

from __future__ import annotations

import time

import numpy as np
import pytest
from scipy import sparse

from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.matrix import (
    MAX_SYMBOLIC_ENTRIES,
    conv_matrix,
    conv_matrix_symbolic,
    restoring_output_padding,
    symbolic_labels,
    tap_label,
)
from convviz.engine.transpose import conv_transpose2d
from convviz.export.latex import symbolic_entry

# Seed 002, section 3.4: i = 4, k = 3, s = 1, p = 0 gives this 4 × 16 matrix.
SEED_002_C = [
    "w00 w01 w02 0 w10 w11 w12 0 w20 w21 w22 0 0 0 0 0",
    "0 w00 w01 w02 0 w10 w11 w12 0 w20 w21 w22 0 0 0 0",
    "0 0 0 0 w00 w01 w02 0 w10 w11 w12 0 w20 w21 w22 0",
    "0 0 0 0 0 w00 w01 w02 0 w10 w11 w12 0 w20 w21 w22",
]


def _plain(label: str) -> str:
    return label.translate(str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789"))


def test_seed_002_matrix_symbolically():
    taps = conv_matrix_symbolic((4, 4), (3, 3))
    assert taps.shape == (4, 16)
    labels = symbolic_labels(taps, 3)
    assert [" ".join(_plain(v) for v in row) for row in labels] == SEED_002_C


def test_seed_002_matrix_numerically():
    kernel = np.arange(1.0, 10.0).reshape(3, 3)  # w_ij = 3i + j + 1
    c = conv_matrix((4, 4), kernel)
    assert isinstance(c, sparse.csr_array)
    assert c.shape == (4, 16) and c.nnz == 36
    assert c.toarray()[0].tolist() == [1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0, 0]
    assert c.toarray()[3].tolist() == [0, 0, 0, 0, 0, 1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9]
    x = np.arange(16.0).reshape(4, 4)
    assert (c @ x.ravel()).tolist() == [303, 348, 483, 528]  # 0·1 + 1·2 + 2·3 + 4·4 + … = 303
    np.testing.assert_array_equal(c @ x.ravel(), conv2d(x[None], kernel[None, None]).ravel())


def test_padding_taps_have_no_entry_and_zero_weights_keep_theirs():
    kernel = np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]])
    c = conv_matrix(3, kernel, padding=1)
    assert c.shape == (9, 9)
    # corner window: 4 of its 9 taps are on input cells; the centre window has all 9
    assert np.diff(c.indptr).tolist() == [4, 6, 4, 6, 9, 6, 4, 6, 4]
    assert c.toarray()[0].tolist() == [-4, 1, 0, 1, 0, 0, 0, 0, 0]
    assert c.toarray()[4].tolist() == [0, 1, 0, 1, -4, 1, 0, 1, 0]


def test_stride_dilation_and_rectangular_shapes():
    rng = np.random.default_rng(5)
    x = rng.integers(-5, 6, size=(7, 9)).astype(float)
    kernel = rng.integers(-5, 6, size=(2, 3)).astype(float)
    hyper = {"stride": (2, 3), "padding": (1, 2), "dilation": (3, 1)}
    c = conv_matrix(x.shape, kernel, **hyper)
    y = conv2d(x[None], kernel[None, None], **hyper)[0]
    assert c.shape == (y.size, x.size) == (12, 63)
    np.testing.assert_array_equal(c @ x.ravel(), y.ravel())
    a = restoring_output_padding(x.shape, kernel.shape, **hyper)
    assert a == (1, 1)  # (7 + 2 − 4) mod 2, (9 + 4 − 3) mod 3
    back = conv_transpose2d(y[None], kernel[None, None], output_padding=a, **hyper)[0]
    assert back.shape == x.shape
    np.testing.assert_array_equal(c.T @ y.ravel(), back.ravel())


def test_restoring_output_padding_is_the_floor_remainder():
    assert restoring_output_padding(5, 3, stride=2, padding=1) == (0, 0)
    assert restoring_output_padding(6, 3, stride=2, padding=1) == (1, 1)
    assert restoring_output_padding((7, 8), 3, stride=3) == (1, 2)
    assert restoring_output_padding(10, 3, stride=2, dilation=3) == (1, 1)  # k̂ = 7


def test_dtype_follows_the_kernel():
    assert conv_matrix(4, np.ones((2, 2), dtype=np.float32)).dtype == np.float32
    assert conv_matrix(4, np.ones((2, 2), dtype=int)).dtype == np.float64


def test_large_input_builds_fast():
    kernel = np.random.default_rng(0).standard_normal((3, 3))
    start = time.perf_counter()
    c = conv_matrix((128, 128), kernel, padding=1)
    elapsed = time.perf_counter() - start
    assert c.shape == (16384, 16384)
    assert c.nnz == 9 * 126 * 126 + 6 * 4 * 126 + 4 * 4  # interior, edges, corners
    assert elapsed < 0.5, f"conv_matrix took {elapsed:.3f} s for a 128×128 input"


def test_tap_labels_plain_and_latex():
    assert tap_label(0, 3) == "w₀₀"
    assert tap_label(7, 3) == "w₂₁"
    assert tap_label(7, 3, latex=True) == "w_{2,1}"
    assert tap_label(-1, 3) == "0"
    assert tap_label(-1, 3, zero="") == ""
    assert tap_label(5, (2, 3)) == "w₁₂"
    assert tap_label(10 * 11 + 2, 11) == "w₁₀,₂"
    assert tap_label(10 * 11 + 2, 11, latex=True) == "w_{10,2}"
    # the LaTeX exporter reads the plain labels back to the same LaTeX
    for tap in (0, 7, 10 * 11 + 2):
        assert symbolic_entry(tap_label(tap, 11)) == tap_label(tap, 11, latex=True)


def test_symbolic_matrix_matches_the_numeric_pattern():
    taps = conv_matrix_symbolic((5, 6), (3, 2), stride=(2, 1), padding=(1, 0), dilation=(1, 2))
    kernel = np.arange(1.0, 7.0).reshape(3, 2)  # weight = tap + 1
    c = conv_matrix((5, 6), kernel, stride=(2, 1), padding=(1, 0), dilation=(1, 2)).toarray()
    np.testing.assert_array_equal(np.where(taps >= 0, taps + 1, 0), c)


def test_symbolic_matrix_refuses_sizes_past_the_cap():
    assert conv_matrix_symbolic(12, 3).shape == (100, 144)  # 14,400 entries: allowed
    with pytest.raises(ConvValueError) as info:
        conv_matrix_symbolic(13, 3)
    assert info.value.code == "symbolic_matrix_too_large"
    assert info.value.values == {"rows": 121, "cols": 169, "entries": 20449, "limit": 16384}
    assert "121 × 169 = 20,449" in str(info.value) and "16,384" in str(info.value)
    assert MAX_SYMBOLIC_ENTRIES == 16384


def test_symbolic_matrix_limit_can_be_moved_or_lifted():
    taps = conv_matrix_symbolic(13, 3, max_entries=None)  # 20,449 entries
    assert taps.shape == (121, 169)
    assert taps[120].tolist()[-3:] == [6, 7, 8] and taps[0, :3].tolist() == [0, 1, 2]
    with pytest.raises(ConvValueError) as info:
        conv_matrix_symbolic(4, 3, max_entries=63)  # 4 × 16 = 64 entries
    assert info.value.values["limit"] == 63 and "63 entries" in str(info.value)
    with pytest.raises(ConvValueError) as info:
        conv_matrix_symbolic(4, 3, max_entries=0)
    assert info.value.code == "not_positive"


@pytest.mark.parametrize(
    ("call", "code", "named"),
    [
        (lambda: conv_matrix(4, np.ones(3)), "bad_ndim", "1 dimensions"),
        (lambda: conv_matrix(2, np.ones((3, 3))), "kernel_too_large", "kernel_size=3"),
        (lambda: conv_matrix(0, np.ones((3, 3))), "not_positive", "input_size=0"),
        (lambda: conv_matrix(4, np.ones((3, 3)), stride=0), "not_positive", "stride=0"),
        (lambda: conv_matrix(4, np.ones((3, 3)), padding=-1), "negative", "padding=-1"),
        (lambda: conv_matrix(4, [["a"]]), "bad_dtype", "kernel"),
        (lambda: conv_matrix_symbolic(4, (3, 3, 3)), "not_pair", "kernel_size=(3, 3, 3)"),
        (lambda: tap_label(9, 3), "tap_out_of_range", "tap=9"),
        (lambda: tap_label(-2, 3), "tap_out_of_range", "tap=-2"),
        (lambda: symbolic_labels([[0, 4]], 2), "tap_out_of_range", "tap=4"),
        (lambda: symbolic_labels([[0.5]], 2), "not_integer", "float64"),
    ],
)
def test_bad_arguments_are_explained(call, code, named):
    with pytest.raises(ConvValueError) as info:
        call()
    assert info.value.code == code
    assert named in str(info.value)
