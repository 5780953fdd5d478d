"""The standard page's many-channels view: each filter's per-channel maps (the engine's
sliding-window traces) add up to its output map (the engine's multi-channel conv2d), which
agrees with the loop reference and with PyTorch; the PyTorch code printed reproduces every
number; the pinned cell's window and arithmetic are the right ones."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine.errors import ConvValueError
from convviz.engine.lowering import flip_kernel
from convviz.engine.padding import pad2d
from convviz.engine.reference import conv2d_reference
from convviz.figures.standard import channels, files
from convviz.figures.standard.data import setting_from
from convviz.i18n import translate
from convviz.param_specs import PADDING_MODES
from tests.presentation.scene_capture import capture_scenes, decode_png


def setting(i=5, k=3, s=1, p=0, *, rule="explicit", mode="zeros", flip=False) -> dict:
    values = {"input_size": i, "kernel_size": k, "stride": s, "padding": p}
    values.update({f"{key}_w": v for key, v in values.items()})
    return {**values, "padding_rule": rule, "padding_mode": mode, "flip": flip}


def _reference(data, s) -> np.ndarray:
    """Loop reference of the layer: rotate, pre-pad for TensorFlow's rule, then convolve."""
    weight = flip_kernel(data.weight) if s.flip else data.weight
    x, padding = data.x, s.engine_padding()
    if s.rule == "same_tf":
        x, padding = pad2d(x, s.tf_pads, s.mode), 0
    return conv2d_reference(x, weight, stride=s.stride, padding=padding, padding_mode=s.mode)


SETTINGS = st.fixed_dictionaries(
    {
        "i": st.integers(3, 7),
        "k": st.integers(1, 3),
        "s": st.integers(1, 3),
        "p": st.integers(0, 2),
        "rule": st.sampled_from(["explicit", "valid", "same_torch", "same_tf"]),
        "mode": st.sampled_from(PADDING_MODES),
        "flip": st.booleans(),
    }
)


@settings(max_examples=40, deadline=None)
@given(SETTINGS, st.integers(1, 4), st.integers(1, 4))
def test_channel_maps_add_up_to_the_layer(values, cin, cout):
    s = setting_from(**setting(**values))
    try:
        data = channels.channels_data(cin, cout, s)
    except ConvValueError:
        return  # e.g. "same" at stride 2, reflect wider than the input: the page explains it
    assert data.x.shape == (cin, *s.input_hw) and data.weight.shape == (cout, cin, *s.kernel_hw)
    assert np.allclose(data.maps.sum(axis=1), data.output)
    assert np.allclose(data.output, _reference(data, s))


def test_channel_values_are_small_integers_fixed_by_the_setting():
    s = setting_from(**setting())
    x, w = channels.channel_values(3, 2, s)
    again = channels.channel_values(3, 2, s)
    assert np.array_equal(x, again[0]) and np.array_equal(w, again[1])
    for values in (x, w):
        assert np.array_equal(values, np.round(values)) and np.abs(values).max() <= 3
    assert not np.array_equal(x[0], x[1])  # every channel holds its own numbers


def test_cell_sum_lines_write_out_each_channel_and_the_sum():
    s = setting_from(**setting(5, 3, 2, 1))
    data = channels.channels_data(3, 2, s)
    text = channels.cell_sum_lines(data, 1, (1, 2), lang="en")
    lines = text.split("\n")
    assert len(lines) == 4
    padded = pad2d(data.x, 1)  # (3, 7, 7)
    for c, line in enumerate(lines[:3]):
        assert line.startswith(translate("standard.channels.channel_line", "en", c=c))
        window = padded[c, 2:5, 4:7]  # output (1, 2) at stride 2 reads rows 2–4, cols 4–6
        expected = float((window * data.weight[1, c]).sum())
        assert line.endswith(f"= {expected:g}")
    total = float(data.output[1, 1, 2])
    assert lines[3].startswith("y[1, 1, 2] = ") and lines[3].endswith(f"= {total:g}")
    assert np.isclose(sum((padded[c, 2:5, 4:7] * data.weight[1, c]).sum() for c in range(3)), total)
    zh = channels.cell_sum_lines(data, 1, (1, 2), lang="zh")
    assert zh.startswith(translate("standard.channels.channel_line", "zh", c=0))


def test_view_clamps_the_pin_and_outlines_the_window_on_every_channel():
    view = channels.channels_view(3, 2, (9, -4), lang="en", **setting(5, 3, 2, 1))
    assert view["cell"] == (2, 0)
    shapes = view["inputs"].layout.shapes
    window = [sh for sh in shapes if (sh.x1 - sh.x0, sh.y1 - sh.y0) == (3, 3)]
    assert len(window) == 3  # one per input channel: padded rows 4–6, columns 0–2
    assert all((sh.x0, sh.y0) == (-0.5, 3.5) for sh in window)
    assert view["agree"] < 1e-9
    for o in range(2):
        part = channels.filter_view(3, 2, o, (9, -4), lang="en", **setting(5, 3, 2, 1))
        assert part["cell"] == (2, 0)
        maps = part["maps"]
        assert [a.text for a in maps.layout.annotations if a.text in "+="] == ["+", "+", "="]
        assert part["sum"].splitlines()[-1].startswith(f"y[{o}, 2, 0] = ")


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"s": 2, "p": 1, "mode": "reflect", "flip": True},
        {"k": 2, "rule": "same_torch", "mode": "circular"},
        {"i": 6, "k": 3, "s": 2, "rule": "same_tf", "mode": "replicate"},
        {"rule": "valid"},
    ],
)
def test_pytorch_code_reproduces_every_number(values):
    torch = pytest.importorskip("torch")
    kw = setting(**values)
    view = channels.channels_view(3, 2, (0, 0), lang="en", **kw)
    data = channels.channels_data(3, 2, setting_from(**kw))
    space: dict = {}
    exec(view["code"], space)  # the page's own snippet, run as a learner would
    with torch.no_grad():
        assert np.allclose(space["y"][0].numpy(), data.output)
        assert np.allclose(space["maps"][0].numpy(), data.maps)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_channels_png_and_csv_are_the_filters_numbers(monkeypatch, lang):
    scenes = capture_scenes(monkeypatch, files)
    kw = setting(5, 3, 1, 1)
    data = channels.channels_data(3, 2, setting_from(**kw))
    decode_png(files.channels_png(3, 2, 1, (2, 3), lang=lang, **kw))
    (scene,) = scenes
    assert [p.values.shape for p in scene.panels] == [(5, 5)] * 4
    for c in range(3):
        assert np.array_equal(scene.panels[c].values, data.maps[1, c])
    assert np.array_equal(scene.panels[3].values, data.output[1])
    assert all(p.highlights == ((2, 3, 3, 4),) for p in scene.panels)
    assert scene.operators == ("+", "+", "=")
    assert scene.caption == channels.cell_sum_lines(data, 1, (2, 3), lang=lang)
    rows = [
        [float(v) for v in line.split(",")] for line in files.channels_csv(3, 2, 1, **kw).split()
    ]
    assert np.array_equal(np.array(rows), data.output[1])
