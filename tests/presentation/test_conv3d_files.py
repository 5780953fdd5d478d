"""The 3-D page's files: PNG / GIF of the frames, LaTeX of the sizes, CSV of the output."""

from __future__ import annotations

import csv
import io

import numpy as np
from PIL import Image

from convviz.engine.sizes import conv_output_size
from convviz.figures.conv3d import files
from convviz.figures.conv3d.data import Conv3dSetting, trace_of

SETTING = Conv3dSetting(
    clip="moving",
    size=(3, 4, 5),
    kernel_kind="box",
    kernel=(2, 2, 3),
    stride=(1, 1, 2),
    padding=(0, 1, 1),
    dilation=(1, 1, 1),
)


def test_file_stem_says_the_setting():
    assert files.file_stem(SETTING) == "conv3d_i3x4x5_k2x2x3_s1x1x2_p0x1x1_d1x1x1"


def test_png_is_one_step_with_every_frame():
    png = files.frames_png(SETTING, 2, lang="en")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width > image.height > 100
    animation = files.frames_animation(SETTING, "en")
    trace = trace_of(SETTING)
    assert len(animation.frames) == int(np.prod(trace.out_shape))
    step = animation.frames[2]
    assert len(step.panels) == trace.padded.shape[0] + trace.out_shape[0]
    assert step.caption.startswith("y[0, 0, 2] = ")
    assert step.caption.endswith(f"= {trace.sums[0, 0, 2]:g}")
    assert step.panels[0].highlights == ((0, 4, 2, 7),)  # rows 0-1, columns 4-6 of the padded frame


def test_gif_has_one_frame_per_step_within_the_budget():
    gif = Image.open(io.BytesIO(files.frames_gif(SETTING, lang="zh")))
    steps = int(np.prod(trace_of(SETTING).out_shape))
    assert gif.n_frames == min(steps, files.MAX_GIF_STEPS)
    assert files.gif_fits(files.MAX_GIF_STEPS) and not files.gif_fits(files.MAX_GIF_STEPS + 1)


def test_latex_has_each_axis_with_its_own_numbers():
    tex = files.sizes_tex(SETTING)
    assert "\\begin{aligned}" in tex
    for axis, i, k, s, p in zip("DHW", SETTING.size, SETTING.kernel, SETTING.stride,
                                SETTING.padding, strict=True):  # fmt: skip
        o = conv_output_size(i, k, s, p)
        line = next(ln for ln in tex.splitlines() if ln.startswith(f"o_{axis} &= "))
        assert f"{{{i} + 2\\cdot{p} - 1\\cdot({k}-1) - 1}}{{{s}}}" in line
        assert line.rstrip(" \\").endswith(f"= {o}")


def test_csv_is_the_output():
    rows = list(csv.reader(io.StringIO(files.output_csv(SETTING))))
    sums = trace_of(SETTING).sums
    assert rows[0] == ["t", "r", *(f"c{c}" for c in range(sums.shape[2]))]
    for row in rows[1:]:
        t, r, *values = (float(v) for v in row)
        assert values == sums[int(t), int(r)].tolist()
    assert len(rows) == 1 + sums.shape[0] * sums.shape[1]
