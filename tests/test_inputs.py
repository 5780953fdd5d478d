"""Learner-chosen values: typed numbers are parsed as numbers only, never evaluated."""

from __future__ import annotations

import numpy as np
import pytest

from convviz.engine.errors import ConvValueError
from convviz.inputs import make_values, parse_numbers


def test_arange_ones_random():
    np.testing.assert_array_equal(make_values("arange", (2, 3)), [[1, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(make_values("ones", (2, 2)), np.ones((2, 2)))
    a = make_values("random", (3, 3), seed=7)
    np.testing.assert_array_equal(a, make_values("random", (3, 3), seed=7))
    assert a.min() >= -3 and a.max() <= 3 and np.all(a == np.round(a))


def test_custom_parses_separators_and_signs():
    got = make_values("custom", (2, 2), text="1, -2\n3.5;  +4e0")
    np.testing.assert_array_equal(got, [[1, -2], [3.5, 4]])


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1 2 3", "custom_values_count"),
        ("1 2 3 __import__('os')", "custom_values_not_number"),
        ("1 2 nan 4", "number_not_finite"),
        ("1 2 1e309 4", "number_not_finite"),
        ("1 2 inf 4", "number_not_finite"),
        ("1 2 0x10 4", "custom_values_not_number"),
    ],
)
def test_custom_rejects_with_named_values(text, code):
    with pytest.raises(ConvValueError) as info:
        make_values("custom", (2, 2), text=text)
    assert info.value.code == code


def test_too_many_numbers_and_unknown_kind():
    with pytest.raises(ConvValueError, match="at most"):
        parse_numbers(" ".join(["1"] * 401))
    with pytest.raises(ConvValueError, match="unknown input kind 'magic'"):
        make_values("magic", (1, 1))
