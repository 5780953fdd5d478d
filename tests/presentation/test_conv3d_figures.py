"""The 3-D page's figures and texts against the engine: frames, voxels, sizes, fusion, code."""

from __future__ import annotations

import base64
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
from convviz.figures.common.grid import panel_trace_indices
from convviz.figures.common.panels import MAX_ANIMATED_STEPS
from convviz.figures.conv3d import code, views
from convviz.figures.conv3d.data import Conv3dSetting, clip_of, kernel_of, trace_of
from convviz.figures.conv3d.frames import frame_specs, frames_figure
from convviz.figures.conv3d.voxels import MAX_ANIMATED_CUBES, TAP_HALF, voxel_figure
from convviz.i18n import translate

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


def _array(value) -> np.ndarray:
    """A figure dict's array: a list, or Plotly's base64 form ``{"dtype", "bdata"}``."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    return np.asarray(value)


def test_voxel_figure_animates_the_taps_and_the_box():
    trace = trace_of(SETTING)
    fig = voxel_figure(trace, (0, 0, 0), lang="zh", start=0).to_dict()
    cells = trace.cells()
    assert [f["name"] for f in fig["frames"]] == [f"({t}, {r}, {c})" for t, r, c in cells]
    taps = int(np.prod(SETTING.kernel))
    for frame, cell in zip(fig["frames"], cells, strict=True):
        mesh, box = frame["data"]
        assert len(_array(mesh["x"])) == 8 * taps
        xs = [v for v in box["x"] if v is not None]
        assert min(xs) == trace.origin(cell)[0] - 0.5
    assert fig["layout"]["sliders"][0]["active"] == 0


def test_voxel_figure_draws_the_taps_and_the_window():
    trace = trace_of(SETTING)
    fig = voxel_figure(trace, (1, 1, 2), lang="en")
    assert not fig.frames
    meshes = [t for t in fig.data if t.type == "mesh3d"]
    taps = int(np.prod(SETTING.kernel))
    assert len(meshes[-1].x) == 8 * taps  # one cube per tap, zeros too
    assert fig.data[-1].type == "scatter3d"
    xs = [v for v in fig.data[-1].x if v is not None]
    z0 = trace.origin((1, 1, 2))[0]
    assert min(xs) == z0 - 0.5 and max(xs) == z0 + trace.span()[0] - 0.5


def test_voxel_frames_move_the_tap_cubes_and_keep_their_triangles():
    trace = trace_of(SETTING)
    fig = voxel_figure(trace, (0, 0, 0), lang="en", start=0).to_dict()
    # built without Plotly's checks: a checked copy of it writes the same JSON
    assert json.loads(go.Figure(fig).to_json()) == json.loads(pio.to_json(fig, validate=False))
    taps = int(np.prod(SETTING.kernel))
    assert len(trace.cells()) * taps <= MAX_ANIMATED_CUBES
    base = fig["data"][-2]
    assert len(_array(base["i"])) == 12 * taps  # kept from the first step: every step has as many
    (kd, kh, kw), (dd, dh, dw) = SETTING.kernel, SETTING.dilation
    for frame, cell in zip(fig["frames"], trace.cells(), strict=True):
        mesh = frame["data"][0]
        assert set(mesh) == {"type", "x", "y", "z", "intensity"}
        corners = np.stack([_array(mesh[a]) for a in "xyz"], axis=1).reshape(taps, 8, 3)
        z0, r0, c0 = trace.origin(cell)
        voxels = [(z0 + a * dd, r0 + i * dh, c0 + j * dw)
                  for a in range(kd) for i in range(kh) for j in range(kw)]  # fmt: skip
        np.testing.assert_allclose(
            corners.mean(axis=1), [(z, c, -r) for z, r, c in voxels], atol=1e-6
        )
        np.testing.assert_allclose(np.ptp(corners, axis=1), 2 * TAP_HALF, rtol=1e-6)
        intensity = _array(mesh["intensity"]).reshape(taps, 8)
        expected = [trace.padded[v] for v in voxels]
        np.testing.assert_allclose(intensity, np.repeat(np.array(expected)[:, None], 8, 1), 1e-6)


def test_voxel_view_over_the_cube_budget_shows_the_step_and_says_why():
    setting = SETTING._replace(size=(5, 6, 6), kernel=(3, 3, 3), stride=(1, 1, 1),
                               padding=(1, 1, 1), dilation=(1, 1, 1))  # fmt: skip
    trace = trace_of(setting)
    steps = len(trace.cells())  # 5·6·6 cells of 27 taps each
    assert steps <= MAX_ANIMATED_STEPS < MAX_ANIMATED_CUBES < steps * 27
    view = views.window_view(setting, 40, "zh")
    assert (view["frames_step"], view["voxels_step"]) == (0, 40)  # the voxels are built there
    assert views.frames_view(setting, view["frames_step"], "zh").frames
    voxels = views.voxels_view(setting, view["voxels_step"], "zh")
    assert not voxels["figure"].frames
    xs = [v for v in voxels["figure"].data[-1].x if v is not None]
    assert min(xs) == trace.origin(view["cell"])[0] - 0.5  # the page's step, 40
    note = translate("conv3d.voxels.still", "zh", taps=27, steps=180, limit=MAX_ANIMATED_CUBES)
    assert voxels["note"] == note
    assert views.voxels_view(SETTING, 0, "zh")["note"] == ""
    large = setting._replace(size=(8, 10, 10))  # the frames are still too: their notice says it
    assert views.voxels_view(large, 0, "en")["note"] == ""
    assert views.window_view(large, 5, "en")["frames_step"] == 5


@pytest.mark.parametrize("step", [0, 7, 23])
def test_a_step_laid_over_the_cached_figures_is_the_figure_built_there(step):
    """The page builds each animated figure once per setting and shows a step by laying that
    step's frame over it: the JSON sent is the one a figure built at that step gives."""
    steps = len(trace_of(SETTING).cells())
    view = views.window_view(SETTING, step, "en")
    assert (view["frames_step"], view["voxels_step"]) == (0, 0) and step < steps
    built = {
        "frames": views.frames_view(SETTING, step, "en"),
        "voxels": views.voxels_view(SETTING, step, "en")["figure"],
    }
    cached = {
        "frames": views.frames_view(SETTING, 0, "en"),
        "voxels": views.voxels_view(SETTING, 0, "en")["figure"],
    }
    for name, figure in cached.items():
        shown = at_frame(figure_dict(figure), step)
        expected = json.loads(pio.to_json(built[name], validate=False))
        assert json.loads(pio.to_json(shown, validate=False)) == expected, name
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
