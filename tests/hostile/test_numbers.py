"""The one number parser against hostile text: ASCII digits only, capped length, finite, clamped.

Bounded work is checked by counting (characters read, divisor candidates tried), never by time.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine import params
from convviz.engine.errors import ConvValueError
from convviz.i18n import translate_error
from convviz.typed_numbers import (
    MAX_REAL_CHARS,
    MAX_WHOLE_CHARS,
    clamp_real,
    clamp_whole,
    parse_real,
    parse_whole,
)


def _explained(error: ConvValueError) -> None:
    """The error reads as a sentence in both languages, not as the English fallback."""
    english, chinese = translate_error(error, "en"), translate_error(error, "zh")
    assert english != str(error) and chinese != str(error) and english != chinese


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("²", "number_not_whole"),  # str.isdigit() says yes, int() says no
        ("٣", "number_not_whole"),  # Arabic-Indic three: int() would accept it
        ("2.5", "number_not_whole"),
        ("1e3", "number_not_whole"),
        ("inf", "number_not_whole"),
        ("9" * 400, "number_too_long"),
        ("9" * 5000, "number_too_long"),  # over Python's 4,300-digit int() limit
        ("", "number_empty"),
        (None, "number_empty"),
    ],
)
def test_whole_numbers_refused_with_an_explanation(text, code):
    with pytest.raises(ConvValueError) as info:
        parse_whole(text, name="groups")
    assert info.value.code == code
    _explained(info.value)


@pytest.mark.parametrize(
    ("text", "value"), [("3", 3), (" -12 ", -12), ("４", 4), ("－２", -2), ("7.0", 7), ("+5", 5)]
)
def test_whole_numbers_as_typed(text, value):
    assert parse_whole(text, name="stride") == value


@given(st.integers(min_value=-(10**16), max_value=10**16))
def test_every_whole_number_round_trips(n):
    assert parse_whole(str(n), name="n") == n


@given(st.text(max_size=60))
def test_any_text_is_a_number_or_an_explained_refusal(text):
    try:
        number = parse_whole(text, name="n")
    except ConvValueError as error:
        _explained(error)
    else:
        assert len(text.strip()) <= MAX_WHOLE_CHARS and abs(number) < 10**MAX_WHOLE_CHARS


@given(st.text(max_size=60))
def test_any_text_is_a_finite_real_or_an_explained_refusal(text):
    try:
        number = parse_real(text, name="x")
    except ConvValueError as error:
        _explained(error)
    else:
        assert math.isfinite(number)


@pytest.mark.parametrize("text", ["inf", "-Infinity", "nan", "1e309", "-1e400", "9" * 30 + "e300"])
def test_non_finite_reals_share_one_explanation(text):
    with pytest.raises(ConvValueError) as info:
        parse_real(text, name="x")
    assert info.value.code == "number_not_finite"
    assert translate_error(info.value, "en").endswith("such as 2 or -0.5.")


@pytest.mark.parametrize("text", ["0x10", "1/0", "__import__('os')", "1_000", "١.٥", "1e"])
def test_reals_are_plain_decimals_only(text):
    with pytest.raises(ConvValueError) as info:
        parse_real(text, name="x")
    assert info.value.code == "number_not_number"


def test_reals_longer_than_the_cap_are_refused_before_conversion():
    with pytest.raises(ConvValueError) as info:
        parse_real("1" * 16_000, name="x")
    assert info.value.code == "number_too_long"
    assert info.value.values["limit"] == MAX_REAL_CHARS
    assert len(info.value.values["text"]) <= 21  # the explanation quotes only the start


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("1000000000000", 16, "number_out_of_range"),
        ("0", 1, "number_out_of_range"),
        ("-5", 1, "number_out_of_range"),
        ("²", 1, "number_not_whole"),
        ("9" * 500, 1, "number_too_long"),
        ("8", 8, None),
    ],
)
def test_links_are_clamped_to_the_control(text, value, code):
    got, problem = clamp_whole(text, name="groups", low=1, high=16, default=1)
    assert got == value
    assert (problem and problem.code) == code


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("0.75", 0.75, None),
        ("-3", -3.0, None),
        ("9", 3.0, "number_out_of_range"),
        ("-1e308", -3.0, "number_out_of_range"),
        ("nan", 0.5, "number_not_finite"),
        ("1e400", 0.5, "number_not_finite"),
        ("٣", 0.5, "number_not_number"),
        ("9" * 500, 0.5, "number_too_long"),
    ],
)
def test_real_links_are_clamped_to_the_slider(text, value, code):
    got, problem = clamp_real(text, name="shift", low=-3.0, high=3.0, default=0.5)
    assert got == value and isinstance(got, float)
    assert (problem and problem.code) == code
    if problem is not None:
        _explained(problem)


@given(st.text(max_size=40))
def test_any_real_link_lands_inside_the_slider(text):
    got, problem = clamp_real(text, name="angle", low=-180.0, high=180.0, default=30.0)
    assert -180.0 <= got <= 180.0
    assert problem is None or problem.code.startswith("number_")


@given(st.integers(min_value=1, max_value=400), st.integers(min_value=1, max_value=400))
def test_common_divisors_match_a_plain_loop(a, b):
    expected = tuple(g for g in range(1, min(a, b) + 1) if a % g == 0 and b % g == 0)
    assert params.common_divisors(a, b) == expected


def test_divisor_search_tries_only_up_to_the_square_root(monkeypatch):
    tried = []

    def counting_isqrt(n):
        tried.append(math.isqrt(n))
        return tried[-1]

    monkeypatch.setattr(params, "isqrt", counting_isqrt)
    n = 10**12
    divisors = params.common_divisors(n, n)
    assert tried == [10**6]  # candidates tried: one per number up to sqrt(n), not up to n
    assert len(divisors) == 169 and divisors[-1] == n  # (12 + 1) ** 2 divisors of 2^12 5^12


def test_groups_error_suggests_the_nearest_common_divisor_for_a_huge_g():
    with pytest.raises(ConvValueError) as info:
        params.check_groups(10**12 + 1, 4, 6)
    assert info.value.suggestion == {"groups": 2}
