"""Downloads of the standard page's padding and flip tabs: each file decodes, and its numbers
are the engine's (padded grids from ``pad2d``, outputs from ``conv2d``, the rotated kernel from
``flip_kernel``), in the language asked for."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine.conv import conv2d
from convviz.engine.padding import pad2d
from convviz.figures.standard import files
from convviz.figures.standard.data import kernel_values
from convviz.i18n import translate
from convviz.param_specs import PADDING_MODES
from tests.presentation.scene_capture import capture_scenes, decode_png


def setting(i=5, k=3, s=1, p=0, *, rule="explicit", mode="zeros", flip=False) -> dict:
    values = {"input_size": i, "kernel_size": k, "stride": s, "padding": p}
    values.update({f"{key}_w": v for key, v in values.items()})
    return {**values, "padding_rule": rule, "padding_mode": mode, "flip": flip}


def arange(h) -> np.ndarray:
    return np.arange(1, h * h + 1, dtype=float).reshape(h, h)


@pytest.fixture
def scenes(monkeypatch):
    return capture_scenes(monkeypatch, files)


def _tex_rows(tex: str) -> np.ndarray:
    body = re.search(r"\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}", tex, re.S).group(1)
    return np.array(
        [[float(v) for v in row.split("&")] for row in body.strip().split("\\\\") if row.strip()]
    )


def _csv_rows(text: str) -> np.ndarray:
    return np.array([[float(v) for v in line.split(",")] for line in text.splitlines() if line])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_modes_png_shows_each_mode_padded_by_the_engine(scenes, lang):
    x = arange(5)
    decode_png(files.modes_png(x, lang=lang, **setting(p=2)))
    (scene,) = scenes
    assert [panel.title for panel in scene.panels] == [
        translate(f"choice.padding_mode.{mode}", lang) for mode in PADDING_MODES
    ]
    for panel, mode in zip(scene.panels, PADDING_MODES, strict=True):
        assert np.array_equal(panel.values, pad2d(x, (2, 2, 2, 2), mode))
    assert "2" in scene.caption and scene.caption == translate(
        "standard.pad.export_caption", lang, top=2, bottom=2, left=2, right=2
    )


def test_modes_png_without_padding_shows_a_border_of_one(scenes):
    files.modes_png(arange(4), lang="en", **setting(4))
    assert all(panel.values.shape == (6, 6) for panel in scenes[0].panels)


@pytest.mark.parametrize(
    ("rule", "pads"), [("same_torch", (1, 1, 1, 1)), ("same_tf", (0, 1, 0, 1))]
)
def test_same_png_pads_and_outputs_as_the_rule_says(scenes, rule, pads):
    x, k = arange(5), (2 if rule == "same_tf" else 3)
    image = decode_png(files.same_png(x, "arange", rule, lang="zh", **setting(5, k)))
    padded, output = scenes[0].panels
    assert np.array_equal(padded.values, pad2d(x, pads, "zeros"))
    expected = conv2d(padded.values[None], kernel_values("arange", (k, k))[None, None])[0]
    assert np.array_equal(output.values, expected) and output.values.shape == (5, 5)
    assert scenes[0].caption.startswith(translate(f"standard.pad.{rule}_title", "zh"))
    assert image.size[0] > image.size[1]  # two panels side by side


@settings(max_examples=15, deadline=None)
@given(k=st.integers(1, 5), fill=st.sampled_from(["arange", "signs", "ones"]))
def test_flipped_kernel_latex_and_csv_are_the_rotation(k, fill):
    kernel = kernel_values(fill, (k, k))
    rotated = kernel[::-1, ::-1]
    tex = files.flipped_kernel_tex(fill, **setting(5, k))
    assert tex.count(r"\begin{") == tex.count(r"\end{")
    assert np.array_equal(_tex_rows(tex), rotated)
    assert np.array_equal(_csv_rows(files.flipped_kernel_csv(fill, **setting(5, k))), rotated)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_flip_pngs_show_kernel_rotation_and_both_outputs(scenes, lang):
    x = arange(5)
    params = setting(5, 3, mode="reflect", p=1)
    decode_png(files.flip_kernels_png("arange", lang=lang, **params))
    decode_png(files.flip_outputs_png(x, "arange", lang=lang, **params))
    (kernel, rotated), (corr, conv, diff) = scenes[0].panels, scenes[1].panels
    w = kernel_values("arange", (3, 3))
    assert np.array_equal(kernel.values, w) and np.array_equal(rotated.values, w[::-1, ::-1])
    assert kernel.labels is None  # numbers in the cells (the screen's <br> labels are markup)
    assert scenes[0].operators == ("↻",) and scenes[1].operators == ("−", "=")
    padded = pad2d(x, (1, 1, 1, 1), "reflect")[None]
    assert np.array_equal(corr.values, conv2d(padded, w[None, None])[0])
    assert np.array_equal(conv.values, conv2d(padded, w[::-1, ::-1][None, None])[0])
    assert np.array_equal(diff.values, corr.values - conv.values)
    assert corr.title == translate("standard.flip.corr_title", lang, rows=5, cols=5)
