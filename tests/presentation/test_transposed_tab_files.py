"""Downloads of the transposed page's output_padding and checkerboard tabs: each file
decodes, and its numbers are the engine's (``conv_transpose2d``, ``overlap_counts``)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine.checkerboard import overlap_counts
from convviz.engine.transpose import conv_transpose2d
from convviz.figures.common.panels import example_kernel
from convviz.figures.transposed import files
from convviz.figures.transposed.extras import CHECKER_INPUT
from convviz.i18n import translate
from convviz.style.palette import CellKind
from tests.presentation.scene_capture import capture_scenes, decode_png

DEFAULT = {"stride": 2, "padding": 1, "output_padding": 0, "dilation": 1}
X3 = np.arange(1, 10, dtype=float).reshape(3, 3)
W3 = example_kernel(3)


@pytest.fixture
def scenes(monkeypatch):
    return capture_scenes(monkeypatch, files)


def _csv_rows(text: str) -> np.ndarray:
    return np.array([[float(v) for v in line.split(",")] for line in text.splitlines() if line])


def _engine(a: int, **hyper) -> np.ndarray:
    return conv_transpose2d(X3[None], W3[None, None], **{**hyper, "output_padding": a})[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_output_padding_png_and_csv_show_the_extra_rows(scenes, lang):
    decode_png(files.output_padding_png(X3, W3, lang=lang, **DEFAULT))
    small, large = scenes[0].panels
    assert np.array_equal(small.values, _engine(0, **DEFAULT))  # 5×5
    assert np.array_equal(large.values, _engine(1, **DEFAULT))  # 6×6
    assert large.title == translate("transposed.opad.title", lang, a=1, o=6)
    assert (large.kinds[5, :] == CellKind.OUTPUT_PAD).all()
    assert (large.kinds[:5, :5] == CellKind.REAL).all()
    assert scenes[0].caption == translate("transposed.opad.header", lang)
    csv = _csv_rows(files.output_padding_csv(X3, W3, **DEFAULT))
    assert csv.shape == (6, 6) and np.array_equal(csv, _engine(1, **DEFAULT))


def test_output_padding_csv_uses_the_current_a():
    hyper = {**DEFAULT, "stride": 3, "output_padding": 2}
    csv = _csv_rows(files.output_padding_csv(X3, W3, **hyper))
    assert np.array_equal(csv, _engine(2, **hyper))


@settings(max_examples=20, deadline=None)
@given(k=st.integers(1, 5), s=st.integers(1, 3), d=st.integers(1, 2))
def test_overlap_counts_csv_is_the_engines_counts(k, s, d):
    hyper = {**DEFAULT, "stride": s, "dilation": d}
    text = files.overlap_counts_csv(k, **hyper)
    assert "." not in text  # whole stamps
    expected = overlap_counts(CHECKER_INPUT, k, stride=s, dilation=d)
    assert np.array_equal(_csv_rows(text), expected)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_checkerboard_png_shows_counts_beside_resize(scenes, lang):
    image = decode_png(files.checkerboard_png(3, lang=lang, **DEFAULT))
    counts, resized = scenes[0].panels
    assert np.array_equal(counts.values, overlap_counts(CHECKER_INPUT, 3, stride=2, dilation=1))
    assert resized.values.shape == (12, 12)
    assert set(np.unique(counts.values[3:-3, 3:-3])) == {1.0, 2.0, 4.0}  # the checkerboard
    assert counts.title == translate("transposed.checker.counts_title", lang, k=3, s=2, o=13)
    assert image.size[0] > image.size[1]
