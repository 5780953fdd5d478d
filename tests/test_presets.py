"""Presets are data: every value is inside its control's range and every title is translated."""

from __future__ import annotations

import pytest

from convviz.i18n import has_key
from convviz.param_specs import PARAM_SPECS
from convviz.presets import PRESETS, matching_preset

ALL = [(page, preset) for page, presets in PRESETS.items() for preset in presets]


@pytest.mark.parametrize(("page", "preset"), ALL, ids=[f"{p}-{q.name}" for p, q in ALL])
def test_preset_values_fit_their_controls_and_have_titles(page, preset):
    assert has_key(f"preset.{page}.{preset.name}")
    for key, value in preset.values.items():
        if key in PARAM_SPECS:
            spec = PARAM_SPECS[key]
            assert spec.min_value <= value <= spec.max_value, (key, value)


def test_matching_preset_finds_exact_match_only():
    first = PRESETS["transposed"][0]
    assert matching_preset("transposed", dict(first.values)) == first
    changed = dict(first.values, stride=first.values["stride"] + 1)
    assert matching_preset("transposed", changed) != first
