"""Files behind the 3-D page's download buttons: PNG / GIF of the frames with the sliding
window, LaTeX of the output size on each axis, CSV of the output frames.

Each function is pure and builds its file only when called (after a click, on a worker
thread); the panels and captions are the on-screen ones (:mod:`convviz.export.onscreen`).
"""

from __future__ import annotations

import numpy as np

from convviz.export import (
    Animation,
    animation_from_frames,
    grid_csv,
    latex_document,
    render_animation_gif,
    render_scene_png,
    size_formula_latex,
)
from convviz.figures.common.animation import FrameSpec
from convviz.figures.conv3d.data import Conv3dSetting, trace_of
from convviz.figures.conv3d.frames import frame_specs, step_caption, step_highlights

MAX_GIF_STEPS = 64  # frames of a GIF; larger outputs offer the PNG of one step only


def file_stem(setting: Conv3dSetting) -> str:
    """E.g. ``"conv3d_i5x5x5_k3x3x3_s1x1x1_p0x0x0_d1x1x1"``."""
    parts = zip(
        "ikspd",
        (setting.size, setting.kernel, setting.stride, setting.padding, setting.dilation),
        strict=True,
    )
    return "conv3d" + "".join(f"_{name}{'x'.join(map(str, v))}" for name, v in parts)


def frames_animation(setting: Conv3dSetting, lang: str, *, last: int | None = None) -> Animation:
    """The frames, window and output frames, one export frame per output cell.

    ``last`` stops after that many steps (the GIF's budget); None keeps all.
    """
    trace = trace_of(setting)
    inputs, outputs = frame_specs(trace, lang)
    cells = trace.cells()[:last]
    frames = tuple(
        FrameSpec(
            name=str(cell),
            highlights=tuple(step_highlights(trace, cell, len(inputs))),
            caption=step_caption(trace, cell),
        )
        for cell in cells
    )
    return animation_from_frames((*inputs, *outputs), frames)


def gif_fits(steps: int) -> bool:
    """Whether a GIF of ``steps`` frames is within the export budget."""
    return steps <= MAX_GIF_STEPS


def frames_png(setting: Conv3dSetting, step: int, *, lang: str) -> bytes:
    """PNG of step ``step`` (clamped): every frame, the window, the products and the sum."""
    frames = frames_animation(setting, lang, last=step + 1).frames
    return render_scene_png(frames[-1], lang=lang)


def frames_gif(setting: Conv3dSetting, *, lang: str) -> bytes:
    """Animated GIF of the window visiting every output cell (at most ``MAX_GIF_STEPS``)."""
    return render_animation_gif(frames_animation(setting, lang, last=MAX_GIF_STEPS), lang=lang)


def sizes_tex(setting: Conv3dSetting) -> str:
    """The output size on each axis with its numbers, as a LaTeX document (``aligned``)."""
    lines = []
    for axis, i, k, s, p, d in setting.per_axis():
        formula = size_formula_latex(
            "standard", size=i, kernel_size=k, stride=s, padding=p, dilation=d, general=False
        )
        lines.append(f"o_{axis.upper()} &= " + formula.removeprefix("o = "))
    body = "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"
    return latex_document(body)


def output_csv(setting: Conv3dSetting) -> str:
    """The output as CSV: columns ``t, r`` (output frame and row), then one per column ``c``."""
    sums = trace_of(setting).sums  # (D_out, H_out, W_out)
    d_out, h_out, w_out = sums.shape
    t, r = np.divmod(np.arange(d_out * h_out), h_out)  # (D_out·H_out,) each
    table = np.column_stack([t, r, sums.reshape(d_out * h_out, w_out)])  # (D_out·H_out, 2 + W_out)
    return grid_csv(table, header=["t", "r", *(f"c{c}" for c in range(w_out))])
