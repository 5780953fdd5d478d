"""The sequential scale is cividis, the same anchors on screen (Plotly) and in exports (Pillow)."""

from __future__ import annotations

import pytest
from plotly.colors import get_colorscale, hex_to_rgb

from convviz.style.palette import CIVIDIS_ANCHORS, SEQUENTIAL_SCALE, cividis_rgb


def test_scale_is_plotlys_cividis_written_out():
    ours = [(pytest.approx(t), c.lower()) for t, c in SEQUENTIAL_SCALE]
    assert ours == [(t, c.lower()) for t, c in get_colorscale("cividis")]


@pytest.mark.parametrize("index", range(len(CIVIDIS_ANCHORS)))
def test_export_colour_hits_every_anchor(index):
    t = index / (len(CIVIDIS_ANCHORS) - 1)
    assert cividis_rgb(t) == hex_to_rgb(CIVIDIS_ANCHORS[index])


def test_export_colour_interpolates_and_clips():
    first, second = (hex_to_rgb(c) for c in CIVIDIS_ANCHORS[:2])
    halfway = cividis_rgb(0.5 / (len(CIVIDIS_ANCHORS) - 1))
    assert halfway == tuple(round((a + b) / 2) for a, b in zip(first, second, strict=True))
    assert cividis_rgb(-3.0) == hex_to_rgb(CIVIDIS_ANCHORS[0])
    assert cividis_rgb(7.0) == hex_to_rgb(CIVIDIS_ANCHORS[-1])
