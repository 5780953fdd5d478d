"""The public engine API is exactly DESIGN.md's: names, parameters, keyword-only arguments."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

import convviz

P = inspect.Parameter
POS, KW = P.POSITIONAL_OR_KEYWORD, P.KEYWORD_ONLY

CONV = [
    ("x", POS, P.empty),
    ("weight", POS, P.empty),
    ("bias", POS, None),
    ("stride", KW, 1),
    ("padding", KW, 0),
    ("dilation", KW, 1),
    ("groups", KW, 1),
    ("padding_mode", KW, "zeros"),
]

EXPECTED = {
    "conv1d": CONV,
    "conv2d": CONV,
    "conv3d": CONV,
    "conv_transpose2d": [
        ("x", POS, P.empty),
        ("weight", POS, P.empty),
        ("bias", POS, None),
        ("stride", KW, 1),
        ("padding", KW, 0),
        ("output_padding", KW, 0),
        ("groups", KW, 1),
        ("dilation", KW, 1),
    ],
    "conv_matrix": [
        ("input_shape", POS, P.empty),
        ("kernel", POS, P.empty),
        ("stride", KW, 1),
        ("padding", KW, 0),
        ("dilation", KW, 1),
    ],
    "conv_output_size": [
        ("size", POS, P.empty),
        ("kernel_size", POS, P.empty),
        ("stride", POS, 1),
        ("padding", POS, 0),
        ("dilation", POS, 1),
    ],
    "conv_transpose_output_size": [
        ("size", POS, P.empty),
        ("kernel_size", POS, P.empty),
        ("stride", POS, 1),
        ("padding", POS, 0),
        ("output_padding", POS, 0),
        ("dilation", POS, 1),
    ],
    "effective_kernel_size": [("kernel_size", POS, P.empty), ("dilation", POS, P.empty)],
    "receptive_field": [("layers", POS, P.empty)],
    "conv_params": [
        ("in_channels", POS, P.empty),
        ("out_channels", POS, P.empty),
        ("kernel_size", POS, P.empty),
        ("groups", POS, 1),
        ("bias", POS, True),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_signature_matches_design(name):
    function = getattr(convviz, name)
    params = [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]
    assert params == EXPECTED[name]
    assert function.__doc__ and "Parameters" in function.__doc__


def test_all_lists_the_public_api():
    assert set(EXPECTED) <= set(convviz.__all__)


def test_quick_numbers_through_the_public_names():
    assert convviz.conv_output_size(5, 3, 2, 1) == 3
    assert convviz.conv_transpose_output_size(3, 3, 2, 1, 1) == 6
    assert convviz.effective_kernel_size(3, 2) == 5
    assert convviz.receptive_field([(3, 1, 1), (3, 1, 2), (3, 1, 4)]) == [3, 7, 15]
    assert convviz.conv_params(192, 64, 1, bias=False) == 12288


def test_public_ops_agree_with_the_matrix_they_teach():
    x = np.arange(16, dtype=np.float64).reshape(1, 4, 4)
    kernel = np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])
    y = convviz.conv2d(x, kernel[None, None])
    c = convviz.conv_matrix((4, 4), kernel)
    assert y.shape == (1, 2, 2)
    np.testing.assert_array_equal(y.ravel(), [-8.0, -8.0, -8.0, -8.0])
    np.testing.assert_array_equal(c @ x.ravel(), y.ravel())
    back = convviz.conv_transpose2d(y, kernel[None, None])
    np.testing.assert_allclose(back.ravel(), c.T @ y.ravel())


def test_bad_input_is_a_value_error_naming_the_values():
    with pytest.raises(ValueError, match=r"output_padding=2.*stride=2"):
        convviz.conv_transpose_output_size(3, 3, 2, 0, 2)
