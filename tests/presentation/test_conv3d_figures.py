"""The 3-D page's figures and texts against the engine: frames, voxels, sizes, fusion, code."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from convviz.engine.conv import conv3d
from convviz.engine.errors import ConvValueError
from convviz.engine.video_counts import video_layers
from convviz.figures.common.animation import at_frame
from convviz.figures.common.figure_json import figure_dict
from convviz.figures.common.grid import format_number, panel_trace_indices
from convviz.figures.common.panels import MAX_ANIMATED_STEPS
from convviz.figures.conv3d import code, views
from convviz.figures.conv3d.data import Conv3dSetting, clip_of, kernel_of, trace_of
from convviz.figures.conv3d.frames import (
    MAX_ANIMATED_PX,
    animates,
    frame_specs,
    frames_figure,
    frames_height,
    still_panels,
)
from convviz.figures.conv3d.voxels import (
    MAX_VOXELS,
    tap_offsets,
    taps_mask,
    voxel_levels,
    voxel_scene,
)
from convviz.i18n import translate
from convviz.style.palette import DIVERGING_SCALE, cividis_rgb, scale_rgb

SETTING = Conv3dSetting(
    clip="moving",
    size=(4, 5, 6),
    kernel_kind="random",
    kernel=(2, 3, 2),
    stride=(1, 2, 1),
    padding=(1, 1, 0),
    dilation=(2, 1, 1),
    seed=3,
)


def test_frames_figure_has_one_step_per_output_cell():
    trace = trace_of(SETTING)
    fig = frames_figure(trace, lang="en", start=5)
    as_dict = fig.to_dict()
    go.Figure(as_dict)  # the unvalidated parts are valid Plotly
    cells = trace.cells()
    assert [f["name"] for f in as_dict["frames"]] == [f"({t}, {r}, {c})" for t, r, c in cells]
    assert fig.layout.sliders[0].active == 5
    d_p = trace.padded.shape[0]
    for frame, cell in zip(as_dict["frames"], cells, strict=True):
        shapes = frame["layout"]["shapes"]
        read = trace.frames_read(cell)
        assert len(shapes) == len(read) + 1  # the window on each frame read, the output cell
        axes = [s["xref"] for s in shapes]
        assert axes[:-1] == [f"x{z + 1}" if z else "x" for z in read]
        assert axes[-1] == f"x{d_p + cell[0] + 1}"
        caption = frame["data"][0]["text"][0]
        assert caption.startswith(f"y[{cell[0]}, {cell[1]}, {cell[2]}] = ")
        total = float(caption.rsplit("= ", 1)[1])
        assert total == pytest.approx(trace.sums[cell])
    # each panel's value heatmap holds its frame: padded input (border blank), then output
    inputs, outputs = frame_specs(trace, "en")
    values = [trace.padded[z] for z in range(d_p)] + list(trace.sums)
    real = [trace.real[z] for z in range(d_p)] + [np.ones(trace.sums.shape[1:], bool)] * len(
        outputs
    )
    for (heatmap, _), expected, mask in zip(
        panel_trace_indices([*inputs, *outputs]), values, real, strict=True
    ):
        np.testing.assert_array_equal(fig.data[heatmap].z, np.where(mask, expected, np.nan))


def test_large_outputs_are_drawn_at_one_step_without_frames():
    setting = SETTING._replace(size=(8, 10, 10), kernel=(1, 1, 1), stride=(1, 1, 1),
                               padding=(0, 0, 0), dilation=(1, 1, 1))  # fmt: skip
    trace = trace_of(setting)
    assert np.prod(trace.out_shape) > MAX_ANIMATED_STEPS
    fig = frames_figure(trace, lang="zh", start=799)
    assert not fig.frames
    assert fig.data[-1].text[0].startswith("y[7, 9, 9] = ")


@pytest.mark.parametrize(
    ("step", "shown"), [(0, [0, 1, 2, 3]), (410, [2, 3, 4]), (-1, [8, 9, 10, 11])]
)  # at step 410 five frames of 14 columns and their neighbours would pass MAX_ANIMATED_PX
def test_a_still_step_draws_the_frames_it_reads_and_the_frame_it_writes(step, shown):
    setting = SETTING._replace(clip="random", size=(8, 10, 10), kernel=(3, 3, 3),
                               stride=(1, 1, 1), padding=(2, 2, 2), dilation=(1, 1, 1))  # fmt: skip
    trace = trace_of(setting)
    cells = trace.cells()
    assert len(cells) > MAX_ANIMATED_STEPS
    cell = cells[step]
    inputs, outputs = frame_specs(trace, "en")
    fig = frames_figure(trace, lang="en", start=step % len(cells))
    d_p = trace.padded.shape[0]
    assert still_panels(trace, cell) == (shown, [cell[0]])
    assert set(trace.frames_read(cell)) <= set(shown)  # and one more each side where they fit
    assert frames_height(trace, shown, [cell[0]]) <= MAX_ANIMATED_PX
    titles = [a.text for a in fig.layout.annotations if a.text.startswith("<b>")]
    expected = [inputs[z].title for z in shown] + [outputs[cell[0]].title]
    assert titles == [f"<b>{title}</b>" for title in expected]
    # a click names the panel's number among all the frames: the step of that output cell
    clicks = [t.customdata for t in fig.data if t.customdata is not None]
    assert [int(c[0][2]) for c in clicks] == [*shown, d_p + cell[0]]
    t, r, c = cell
    assert views.step_of_click(setting, (r, c, d_p + t)) == step % len(cells)
    # the window on each frame it reads (drawn places), the written cell on the output panel
    places = [shown.index(z) for z in trace.frames_read(cell)] + [len(shown)]
    assert [int(s.xref[1:] or 1) - 1 for s in fig.layout.shapes] == places
    assert fig.data[-1].text[0].startswith(f"y[{t}, {r}, {c}] = ")


def test_a_clip_too_tall_to_watch_is_stepped_not_animated():
    setting = SETTING._replace(clip="random", size=(8, 10, 10), kernel=(3, 3, 3),
                               stride=(3, 3, 3), padding=(2, 2, 2), dilation=(1, 1, 1))  # fmt: skip
    trace = trace_of(setting)
    assert len(trace.cells()) == 4 * 4 * 4 <= MAX_ANIMATED_STEPS  # few enough steps
    view = views.window_view(setting, 7, "en")
    assert not animates(trace) and not view["animated"] and view["frames_step"] == 7
    assert view["whole_px"] > MAX_ANIMATED_PX  # twelve 14×14 frames: several screens
    fig = frames_figure(trace, lang="en", start=7)
    assert not fig.frames and fig.layout.height <= MAX_ANIMATED_PX + 200  # the caption below


def test_the_default_clip_is_animated_whole_and_its_height_is_known_before_drawing():
    trace = trace_of(SETTING)
    view = views.window_view(SETTING, 0, "en")
    fig = frames_figure(trace, lang="en")
    assert animates(trace) and view["animated"] and fig.frames
    caption = fig.layout.margin.b  # reserve_below: the room under the panels for the caption
    assert fig.layout.height - caption == view["whole_px"] <= MAX_ANIMATED_PX


def _scene(setting=SETTING, lang="en") -> dict:
    return json.loads(views.voxels_view(setting, lang))


def _window_voxels(scene: dict, step: int) -> set[tuple[int, int, int]]:
    """The voxels the browser draws solid at ``step``, by the rule the client follows: step
    ``n`` is output cell ``n`` (row-major), its window starts at cell × stride, and every tap
    offset is added to that."""
    od, oh, ow = scene["out_shape"]
    cell = np.unravel_index(step, (od, oh, ow))
    origin = np.asarray(cell) * scene["stride"]
    return {tuple(int(v) for v in origin + tap) for tap in np.reshape(scene["taps"], (-1, 3))}


@pytest.mark.parametrize(
    "setting",
    [
        SETTING,
        SETTING._replace(clip="random", kernel=(3, 3, 3), stride=(2, 1, 3), dilation=(1, 2, 1)),
        SETTING._replace(padding_mode="circular", padding=(1, 1, 1), dilation=(1, 1, 1)),
    ],
)
def test_voxel_scene_windows_are_the_engines_at_every_step(setting):
    trace = trace_of(setting)
    scene = _scene(setting)
    assert tuple(scene["out_shape"]) == trace.out_shape
    assert tuple(scene["shape"]) == trace.padded.shape
    for step, cell in enumerate(trace.cells()):
        expected = {tuple(int(v) for v in idx) for idx in np.argwhere(taps_mask(trace, cell))}
        assert _window_voxels(scene, step) == expected
        z0, r0, c0 = trace.origin(cell)  # the box the client outlines: origin to origin + span
        (kd, kh, kw), (dd, dh, dw) = setting.kernel, setting.dilation
        assert max(expected) == (z0 + dd * (kd - 1), r0 + dh * (kh - 1), c0 + dw * (kw - 1))
        assert tuple(scene["span"]) == trace.span()


def test_voxel_scene_values_colours_and_padding_are_the_clips():
    trace = trace_of(SETTING)
    scene = _scene(SETTING, "zh")
    levels = scene["levels"]
    values = np.array([float(level["text"]) for level in levels])
    shown = values[scene["level"]].reshape(trace.padded.shape)
    np.testing.assert_allclose(shown, trace.padded, atol=5e-3)  # texts have 2 decimals
    assert scene["real"] == trace.real.astype(int).ravel().tolist()
    lo, hi = trace.padded.min(), trace.padded.max()
    for level, value in zip(levels, np.unique(trace.padded), strict=True):
        t = (value - lo) / (hi - lo)
        assert level["fill"] == "#{:02X}{:02X}{:02X}".format(*cividis_rgb(t))
        assert level["zero"] == (value == 0)
    assert scene["faint"] is True
    assert scene["labels"]["frame"] == translate("conv3d.voxels.axis_time", "zh")
    assert scene["labels"]["play"] == translate("anim.play", "zh")
    assert (scene["legend"]["lo"], scene["legend"]["hi"]) == (format_number(lo), format_number(hi))


def test_a_signed_clip_gets_a_scale_centred_on_zero():
    setting = SETTING._replace(kernel_kind="temporal_difference", kernel=(2, 1, 1))
    trace = trace_of(setting)
    trace_signed = trace.padded.copy()
    trace_signed[0, 0, 0] = -3.0  # a signed clip, built through the same function
    levels, _, legend = voxel_levels(trace_signed)
    bound = float(np.abs(trace_signed).max())
    assert (legend["lo"], legend["hi"]) == (format_number(-bound), format_number(bound))
    zero = next(level for level in levels if level["zero"])
    assert zero["fill"] == "#{:02X}{:02X}{:02X}".format(*scale_rgb(DIVERGING_SCALE, 0.5))


@pytest.mark.parametrize(
    ("size", "padding"),
    [((8, 10, 10), (3, 3, 3)), ((16, 18, 18), (0, 0, 0))],  # the controls' largest; beyond
)
def test_the_faint_clip_is_drawn_up_to_its_voxel_budget(size, padding):
    setting = SETTING._replace(clip="random", size=size, padding=padding, padding_mode="circular")
    trace = trace_of(setting)
    nonzero = int(np.count_nonzero(trace.padded))
    scene = voxel_scene(trace, lang="en")
    assert scene["faint"] is (0 < nonzero <= MAX_VOXELS)
    assert scene["faint"] is (size == (8, 10, 10))  # every setting the controls allow fits
    assert len(scene["level"]) == trace.padded.size  # the window's voxels are always there
    assert tap_offsets(trace).shape == (int(np.prod(SETTING.kernel)), 3)


@pytest.mark.parametrize("step", [0, 7, 23])
def test_a_step_laid_over_the_cached_frames_figure_is_the_figure_built_there(step):
    """The page builds the animated frames figure once per setting and shows a step by laying
    that step's frame over it: the JSON sent is the one a figure built at that step gives."""
    steps = len(trace_of(SETTING).cells())
    view = views.window_view(SETTING, step, "en")
    assert view["frames_step"] == 0 and step < steps
    shown = at_frame(figure_dict(views.frames_view(SETTING, 0, "en")), step)
    expected = json.loads(pio.to_json(views.frames_view(SETTING, step, "en"), validate=False))
    assert json.loads(pio.to_json(shown, validate=False)) == expected
    assert shown["layout"]["sliders"][0]["active"] == step


def test_sizes_view_matches_conv3d_and_names_the_failing_axis():
    view = views.sizes_view(SETTING, "en")
    out = conv3d(clip_of(SETTING)[None], kernel_of(SETTING)[None, None], stride=SETTING.stride,
                 padding=SETTING.padding, dilation=SETTING.dilation)  # fmt: skip
    assert tuple(row["o"] for row in view["rows"]) == out.shape[1:]
    assert view["error"] is None
    bad = views.sizes_view(SETTING._replace(kernel=(5, 3, 2)), "zh")
    axis, error = bad["error"]
    assert axis == "D（时间）" and error.code == "kernel_too_large"
    assert len(bad["rows"]) == 2


def test_fusion_view_is_the_whole_depth_kernel():
    view = views.fusion_view(SETTING, "en")
    assert "largest difference: 0)" in view["text"]
    assert "the 4 frames as 4 channels, a 2-D kernel (4, 3, 2)" in view["text"]


def test_layers_view_rows_come_from_the_counts():
    view = views.layers_view(64, 128, 16, 56, "en")
    weights = [row["weights"] for row in view["rows"]]
    assert weights[0] == "3·3·3·64·128 = 221,184"
    m = video_layers(64, 128, 16, 56)[-1].convs[0].out_channels
    assert f"= {m}" in view["mid"]
    with pytest.raises(ConvValueError):
        views.layers_view(64, 128, 2, 56, "en")


@pytest.mark.parametrize("clip", ["moving", "random", "counting"])
@pytest.mark.parametrize("kind", ["temporal_difference", "box", "random"])
def test_pytorch_code_reproduces_the_page(clip, kind):
    pytest.importorskip("torch")
    setting = SETTING._replace(clip=clip, kernel_kind=kind, padding_mode="circular")
    trace = trace_of(setting)
    cell = trace.cells()[-1]
    snippet = code.pytorch_snippet(setting, cell, in_channels=6, out_channels=10)
    printed = io.StringIO()
    namespace: dict = {}
    with redirect_stdout(printed):
        exec(snippet, namespace)  # the code the page shows
    np.testing.assert_array_equal(namespace["clip"], clip_of(setting))
    np.testing.assert_array_equal(namespace["kernel"], kernel_of(setting))
    lines = printed.getvalue().splitlines()
    assert lines[0] == f"torch.Size([1, 1, {', '.join(map(str, trace.out_shape))}])"
    assert float(lines[1]) == pytest.approx(trace.sums[cell])
    layers = video_layers(6, 10, 4, 8)
    assert lines[2] == f"{layers[0].weights} {layers[-1].weights}"


def test_motion_note_only_where_it_describes_the_output():
    moving = SETTING._replace(
        kernel_kind="temporal_difference", kernel=(2, 1, 1), padding=(0, 0, 0)
    )
    view = views.window_view(moving, 0, "en")
    assert view["note"]
    sums = trace_of(moving).sums
    assert set(np.unique(sums)) <= {-2.0, 0.0, 2.0} and not sums[:, 0].any()  # bar cancels
    for changed in (moving._replace(padding=(1, 0, 0)), moving._replace(kernel=(2, 3, 3))):
        assert views.window_view(changed, 0, "en")["note"] == ""


def test_a_click_on_an_output_cell_is_its_step():
    trace = trace_of(SETTING)
    d_p = trace.padded.shape[0]
    h_out = trace.out_shape[1]
    for step, (t, r, c) in enumerate(trace.cells()):
        assert views.step_of_click(SETTING, (r, c, d_p + t)) == step
    assert views.step_of_click(SETTING, (0, 0, 0)) is None  # an input frame
    assert views.step_of_click(SETTING, (h_out, 0, d_p)) is None
    assert views.step_of_click(SETTING, None) is None
    fig = frames_figure(trace, lang="en")
    assert fig.layout.clickmode == "event+select"
