"""The "colour by value" switch on every page with grids: off by default (cells coloured by
role; heat maps of counts keep their values' colours), on from the link, and the figures
follow it (the cache keeps both apart)."""

from __future__ import annotations

import json

import pytest

from convviz.i18n import translate
from convviz.style.palette import CIVIDIS_ANCHORS, ROLE_FILL
from tests.app.conftest import open_app

PAGES = ["standard", "transposed", "dilated", "grouped", "pointwise", "conv3d"]


def _charts(at) -> str:
    return "\n".join(chart.proto.spec for chart in at.get("plotly_chart"))


def _value_scales(at) -> int:
    """Heatmaps on the cividis scale in the page's charts."""
    found = 0
    for chart in at.get("plotly_chart"):
        for trace in json.loads(chart.proto.spec)["data"]:
            scale = trace.get("colorscale") or []
            found += trace.get("type") == "heatmap" and CIVIDIS_ANCHORS[0] in str(scale).lower()
    return found


@pytest.mark.parametrize("page", PAGES)
def test_grids_are_coloured_by_role_until_the_switch_is_on(page):
    at = open_app("en", f"pages/{page}.py")
    assert not at.exception
    switch = at.toggle(key="colour_by_value")
    assert switch.value is False and switch.label == translate("common.colour_by_value", "en")
    by_role = _value_scales(at)  # only heat maps of counts, whose pattern is the lesson
    assert any(fill in _charts(at) for fill in ROLE_FILL.values())
    switch.set_value(True).run()
    assert not at.exception and _value_scales(at) > by_role


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_link_turns_colour_by_value_on(lang):
    at = open_app(lang, "pages/transposed.py", colour_by_value="true")
    assert not at.exception
    assert at.toggle(key="colour_by_value").value is True
    assert at.toggle(key="colour_by_value").label == translate("common.colour_by_value", lang)
    assert _value_scales(at) > 0
