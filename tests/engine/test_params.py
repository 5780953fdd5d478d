"""Argument parsing and the shared checks: what they accept, refuse, and how they explain it."""

from __future__ import annotations

import string

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.errors import ConvValueError
from convviz.engine.params import (
    as_float_array,
    check_groups,
    check_int,
    check_ndim,
    check_non_negative,
    check_output_padding,
    check_padding_mode,
    check_positive,
    non_negative_pair,
    pair,
    positive_pair,
)
from convviz.i18n import catalogue, translate
from convviz.i18n.strings import errors_ops


def assert_conv_error(excinfo: pytest.ExceptionInfo, code: str, *fragments: str) -> None:
    """The error is exactly a ConvValueError with ``code``, naming every fragment, translatable.

    Used by every engine test module for its table of bad inputs.
    """
    error = excinfo.value
    assert type(error) is ConvValueError, f"{type(error).__name__}: {error}"
    assert error.code == code, f"{error.code}: {error}"
    message = str(error)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    for lang in ("en", "zh"):
        text = translate(f"error.{code}", lang, **error.values)
        assert text and "{" not in text


# --- pair -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, (3, 3)),
        (np.int64(2), (2, 2)),
        ((2, 5), (2, 5)),
        ([1, 4], (1, 4)),
        (np.array([3, 1]), (3, 1)),
        ((np.int32(2), 7), (2, 7)),
        (0, (0, 0)),
        (-1, (-1, -1)),  # signs are the validators' job
    ],
)
def test_pair_accepts_ints_and_pairs(value, expected):
    result = pair(value, "stride")
    assert result == expected
    assert all(type(v) is int for v in result)


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (2.5, "not_integer", "stride=2.5"),
        (2.0, "not_integer", "stride=2.0"),
        ("3", "not_integer", "stride='3'"),
        (True, "not_integer", "stride=True"),
        (np.bool_(True), "not_integer", "stride=True"),
        (None, "not_integer", "stride=None"),
        ((1, 2.5), "not_integer", "stride=2.5"),
        (("3", 1), "not_integer", "stride='3'"),
        ((1, True), "not_integer", "stride=True"),
        ((1, 2, 3), "not_pair", "stride=(1, 2, 3)"),
        ((), "not_pair", "stride=()"),
        ([4], "not_pair", "stride=[4]"),
    ],
)
def test_pair_refuses_non_integers_naming_the_value(value, code, shown):
    with pytest.raises(ConvValueError) as excinfo:
        pair(value, "stride")
    assert_conv_error(excinfo, code, shown)


@given(st.integers(-50, 50), st.integers(-50, 50))
def test_pair_round_trips_any_int_pair(h, w):
    assert pair((h, w), "x") == (h, w)
    assert pair(h, "x") == (h, h)


# --- scalar checks --------------------------------------------------------------------------


def test_check_int_returns_python_int():
    assert check_int("groups", np.uint8(3)) == 3
    assert type(check_int("groups", np.uint8(3))) is int


@pytest.mark.parametrize("value", [0, -1, -7])
def test_check_positive_refuses_zero_and_negatives(value):
    with pytest.raises(ConvValueError) as excinfo:
        check_positive("dilation", value)
    assert_conv_error(excinfo, "not_positive", f"dilation={value}", "at least 1")
    assert excinfo.value.suggestion == {"dilation": 1}
    assert excinfo.value.values == {"name": "dilation", "value": value}


def test_check_non_negative_allows_zero_and_refuses_negatives():
    assert check_non_negative("padding", 0) == 0
    with pytest.raises(ConvValueError) as excinfo:
        check_non_negative("padding", -2)
    assert_conv_error(excinfo, "negative", "padding=-2")
    assert excinfo.value.suggestion == {"padding": 0}


def test_pairs_check_each_entry():
    assert positive_pair((1, 3), "stride") == (1, 3)
    assert non_negative_pair((0, 2), "padding") == (0, 2)
    with pytest.raises(ConvValueError) as excinfo:
        positive_pair((2, 0), "stride")
    assert_conv_error(excinfo, "not_positive", "stride=0")
    with pytest.raises(ConvValueError) as excinfo:
        non_negative_pair((1, -1), "padding")
    assert_conv_error(excinfo, "negative", "padding=-1")


# --- groups, modes, output_padding ----------------------------------------------------------


def test_check_groups_names_the_channels_that_do_not_divide():
    assert check_groups(2, 4, 6) == 2
    assert check_groups(4, 4, 8) == 4
    with pytest.raises(ConvValueError) as excinfo:
        check_groups(3, 4, 6)
    assert_conv_error(excinfo, "groups_not_dividing", "in_channels=4", "groups=3")
    assert excinfo.value.suggestion == {"groups": 2}
    with pytest.raises(ConvValueError) as excinfo:
        check_groups(4, 4, 6)
    assert_conv_error(excinfo, "groups_not_dividing", "out_channels=6", "groups=4")
    assert excinfo.value.suggestion == {"groups": 2}
    with pytest.raises(ConvValueError) as excinfo:
        check_groups(0, 4, 6)
    assert_conv_error(excinfo, "not_positive", "groups=0")


@given(st.integers(1, 12), st.integers(1, 12), st.integers(1, 12))
def test_check_groups_accepts_exactly_common_divisors(groups, c_in, c_out):
    divides = c_in % groups == 0 and c_out % groups == 0
    if divides:
        assert check_groups(groups, c_in, c_out) == groups
    else:
        with pytest.raises(ConvValueError) as excinfo:
            check_groups(groups, c_in, c_out)
        nearest = excinfo.value.suggestion["groups"]
        assert c_in % nearest == 0 and c_out % nearest == 0 and nearest < groups


def test_padding_modes():
    for mode in ("zeros", "reflect", "replicate", "circular"):
        assert check_padding_mode(mode) == mode
    for bad in ("mirror", "Zeros", "", None, 0):
        with pytest.raises(ConvValueError) as excinfo:
            check_padding_mode(bad)
        assert_conv_error(excinfo, "unknown_padding_mode", repr(bad), "zeros, reflect")


def test_output_padding_rule_message_is_exact():
    with pytest.raises(ConvValueError) as excinfo:
        check_output_padding(2, 2, 1)
    assert str(excinfo.value) == "output_padding=2 must be smaller than stride=2 or dilation=1"
    assert_conv_error(excinfo, "output_padding_too_large")
    assert excinfo.value.suggestion == {"output_padding": 1}


@given(
    st.integers(0, 5), st.integers(0, 5), st.integers(1, 4), st.integers(1, 4), st.integers(1, 4)
)
def test_output_padding_allowed_iff_below_max_of_stride_and_dilation(a_h, a_w, s_h, s_w, d):
    if a_h < max(s_h, d) and a_w < max(s_w, d):
        assert check_output_padding((a_h, a_w), (s_h, s_w), d) == (a_h, a_w)
    else:
        with pytest.raises(ConvValueError) as excinfo:
            check_output_padding((a_h, a_w), (s_h, s_w), d)
        assert excinfo.value.code == "output_padding_too_large"


# --- arrays ---------------------------------------------------------------------------------


def test_check_ndim():
    assert check_ndim("x", np.zeros((1, 2, 3)), (3, 4)) == 3
    with pytest.raises(ConvValueError) as excinfo:
        check_ndim("x", np.zeros((2, 3)), (3, 4))
    assert_conv_error(excinfo, "bad_ndim", "x has 2 dimensions", "(2, 3)", "3 or 4")


@pytest.mark.parametrize(
    ("value", "dtype"),
    [
        (np.zeros(2, np.float32), np.float32),
        (np.zeros(2, np.float64), np.float64),
        (np.zeros(2, np.float16), np.float16),
        (np.zeros(2, np.int32), np.float64),
        ([1, 2], np.float64),
        (np.array([True]), np.float64),
    ],
)
def test_as_float_array_keeps_floats_and_promotes_ints(value, dtype):
    assert as_float_array("x", value).dtype == dtype


def test_as_float_array_keeps_the_same_float_array():
    x = np.ones(3, np.float32)
    assert as_float_array("x", x) is x


@pytest.mark.parametrize("value", [np.array([1j]), np.array(["a"]), [[1, 2], [3]], [None]])
def test_as_float_array_refuses_non_real(value):
    with pytest.raises(ConvValueError) as excinfo:
        as_float_array("weight", value)
    assert_conv_error(excinfo, "bad_dtype", "weight")


# --- translations ---------------------------------------------------------------------------


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(errors_ops.STRINGS))
def test_every_error_code_has_both_languages_with_the_same_fields(key):
    english, chinese = catalogue()[key]
    assert key.startswith("error.")
    assert english.strip() and chinese.strip()
    assert english != chinese
    assert _fields(english) == _fields(chinese)
