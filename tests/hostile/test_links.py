"""Hostile links through the real app: every URL integer is read by one parser, clamped to its
control's range before any work, and explained in both languages; no exception box.

Bounded work is checked by what reaches the page: the value the control holds (inside its
range), never by time.
"""

from __future__ import annotations

import pytest

from convviz.figures.common.counts import BOTTLENECK_DEFAULTS, INCEPTION_DEFAULTS
from convviz.i18n import translate
from convviz.param_specs import PARAM_SPECS
from tests.app.conftest import open_app


def _notes(at) -> list[str]:
    return [n.value for n in at.sidebar.info] + [n.value for n in at.info]


HUGE = "1000000000000"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("raw", "held", "code_text"),
    [
        (HUGE, 16, HUGE),  # clamped to the slider's maximum, then explained as impossible
        ("²", 2, "²"),  # not a number: the page's default g = 2
        ("9" * 400, 2, "400"),
        ("9" * 5000, 2, "5000"),  # beyond Python's 4,300-digit int() limit
    ],
)
def test_grouped_groups_link_is_clamped_and_explained(lang, raw, held, code_text):
    at = open_app(lang, "pages/grouped.py", groups=raw)
    assert not at.exception
    notes = _notes(at)
    note = translate("common.url_number", lang, reason="@", name="groups", value=held)
    before, after = note.split("@")
    assert any(n.startswith(before) and n.endswith(after) and code_text in n for n in notes)
    assert at.select_slider(key="groups").value == 2  # 4 in, 4 out: 16 is impossible; default 2
    assert held <= PARAM_SPECS["groups"].max_value


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "field",
    [f"inception_{name}" for name in INCEPTION_DEFAULTS]
    + [f"resnet_{name}" for name in BOTTLENECK_DEFAULTS],
)
@pytest.mark.parametrize("raw", ["inf", "1e400"])
def test_pointwise_block_fields_refuse_non_numbers(lang, field, raw):
    """All nine channel fields of the Inception and ResNet blocks."""
    at = open_app(lang, "pages/pointwise.py", **{field: raw})
    assert not at.exception
    assert any(f"“{raw}”" in n for n in _notes(at))
    value = at.number_input(key=field).value
    assert 1 <= value <= 4096


@pytest.mark.parametrize(
    ("key", "raw", "held"),
    [("stride", "99", 4), ("stride", "9" * 5000, 1), ("kernel_size", "-3", 1), ("padding", "٣", 0)],
)
def test_sliders_hold_a_value_inside_their_range(key, raw, held):
    at = open_app("en", "pages/standard.py", **{key: raw})
    assert not at.exception
    assert at.slider(key=key).value == held
    assert any(n.endswith(f"It is read as {key} = {held}.") for n in _notes(at))
    at.slider(key=key).set_value(PARAM_SPECS[key].default + 1).run()
    assert not any("link's value" in n for n in _notes(at))  # the note goes once moved


def test_a_good_link_is_applied_without_a_note():
    at = open_app("en", "pages/standard.py", stride="2", kernel_size="4")
    assert at.slider(key="stride").value == 2 and at.slider(key="kernel_size").value == 4
    assert not _notes(at) or not any("link's value" in n for n in _notes(at))
    assert at.query_params["stride"] in ("2", ["2"])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "field", ["deform_in_channels", "deform_out_channels", "deform_offset_groups"]
)
@pytest.mark.parametrize("raw", ["inf", "9" * 5000])
def test_deformable_count_fields_refuse_non_numbers(lang, field, raw):
    at = open_app(lang, "pages/deformable.py", view="counts", **{field: raw})
    assert not at.exception
    assert any("link" in n or "链接" in n for n in _notes(at))
    assert 1 <= at.number_input(key=field).value <= 4096


@pytest.mark.parametrize(
    ("raw", "held", "code_text"),
    [("inf", 0.5, "inf"), ("1e309", 0.5, "1e309"), ("9", 3.0, "9"), ("²", 0.5, "²")],
)
def test_deformable_float_slider_reads_links_like_every_number(raw, held, code_text):
    at = open_app("en", "pages/deformable.py", offsets="shift", shift=raw)
    assert not at.exception
    assert at.slider(key="shift").value == held
    assert any(code_text in n and n.endswith(f"It is read as shift = {held}.") for n in _notes(at))
