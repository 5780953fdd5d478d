"""Files behind the standard page's download buttons: PNG / GIF of the sliding window, PNG of
the padding modes, of each "same" rule, of the flip views, of C and of each filter of the
channels view, LaTeX of the size formula, of C and of the flipped kernel, CSV of C, of the
output, of the flipped kernel and of each filter's output map.

C's PNG keeps to the matrix budget of :mod:`convviz.figures.common.matrix_png`.

Each function is pure and builds its file only when called (the buttons call them after a
click, on a worker thread). They reuse the on-screen panels, so a file shows what the screen
shows.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from convviz.engine.lowering import flip_kernel
from convviz.engine.matrix import symbolic_labels
from convviz.engine.window_frame import window_frame
from convviz.export import (
    GifPlan,
    animation_from_frames,
    bmatrix,
    budgeted_gif,
    grid_csv,
    latex_document,
    plan_for,
    render_scene_png,
    scene_from_specs,
    size_formula_latex,
)
from convviz.figures.common.animation import FrameSpec
from convviz.figures.common.grid import Highlight
from convviz.figures.common.matrix_png import matrix_png
from convviz.figures.common.matrix_size import MAX_SPARSITY_CELLS
from convviz.figures.standard import channels
from convviz.figures.standard.data import (
    flip_outputs,
    kernel_values,
    matrix_form,
    same_rule_setting,
    setting_from,
    shown_pads,
    window_trace,
)
from convviz.figures.standard.flip import (
    KERNELS_OPERATORS,
    OUTPUTS_OPERATORS,
    kernels_specs,
    outputs_specs,
)
from convviz.figures.standard.matrix import c_spec, row_text, tap_labels
from convviz.figures.standard.padding import modes_specs, same_specs
from convviz.figures.standard.window import (
    INPUT,
    OUTPUT,
    step_caption,
    window_specs,
)
from convviz.i18n import translate


def file_stem(**setting) -> str:
    """E.g. ``"standard_i5x5_k3x3_s1x1_p0x0_explicit_zeros"`` (``_flip`` when flipped)."""
    s = setting_from(**setting)
    size = "_".join(
        f"{name}{a}x{b}"
        for name, (a, b) in zip("iksp", (s.input_hw, s.kernel_hw, s.stride, s.padding), strict=True)
    )
    return f"standard_{size}_{s.rule}_{s.mode}" + ("_flip" if s.flip else "")


def _trace(x: np.ndarray, fill: str, setting: dict):
    s = setting_from(**setting)
    return s, window_trace(x, kernel_values(fill, s.kernel_hw), s)


def _frame(trace, step: int) -> FrameSpec:
    """The export twin of one on-screen step: window and output cell outlined, the sum."""
    frame = window_frame(trace.padded.shape, trace.kernel.shape, step=step, stride=trace.stride)
    top, left, bottom, right = frame.box
    r, c = frame.cell
    return FrameSpec(
        name=f"y[{r},{c}]",
        highlights=(
            (INPUT, Highlight(top, left, bottom, right)),
            (OUTPUT, Highlight(r, c, r + 1, c + 1)),
        ),
        caption=step_caption(trace, frame.cell),
    )


def _export_specs(trace, *, flipped: bool, lang: str) -> tuple:
    """The window panels without the on-screen markup (``<br>`` in kernel labels)."""
    specs = window_specs(trace, flipped=flipped, lang=lang)
    return (specs[INPUT], replace(specs[1], labels=None), specs[OUTPUT])


def window_png(x: np.ndarray, fill: str, step: int, *, lang: str, **setting) -> bytes:
    """PNG of one step of the sliding window (the pinned cell)."""
    s, trace = _trace(x, fill, setting)
    step = min(max(step, 0), trace.sums.size - 1)
    specs = _export_specs(trace, flipped=s.flip, lang=lang)
    animation = animation_from_frames(specs, (_frame(trace, step),), operators=("⊛", "="))
    return render_scene_png(animation.frames[0], lang=lang)


def _window_builder(x: np.ndarray, fill: str, lang: str, setting: dict):
    """``build(steps)`` of the window animation, and its number of steps."""
    s, trace = _trace(x, fill, setting)
    specs = _export_specs(trace, flipped=s.flip, lang=lang)

    def build(steps):
        chosen = range(trace.sums.size) if steps is None else steps
        frames = tuple(_frame(trace, t) for t in chosen)
        return animation_from_frames(specs, frames, operators=("⊛", "="))

    return build, trace.sums.size


def window_gif_plan(x: np.ndarray, fill: str, *, lang: str, **setting) -> GifPlan:
    """The export budget's plan for :func:`window_gif`."""
    build, total = _window_builder(x, fill, lang, setting)
    return plan_for(build, total, lang=lang)


def window_gif(x: np.ndarray, fill: str, *, lang: str, **setting) -> bytes:
    """Animated GIF of the sliding window (every step within the export budget)."""
    build, total = _window_builder(x, fill, lang, setting)
    return budgeted_gif(build, total, lang=lang)


def _axis_latex(size: int, kernel: int, stride: int, before: int, after: int) -> str:
    if before == after:
        return size_formula_latex(
            "standard", size=size, kernel_size=kernel, stride=stride, padding=before
        )
    out = (size + before + after - kernel) // stride + 1
    return (
        r"o = \left\lfloor \frac{i + p_1 + p_2 - k}{s} \right\rfloor + 1 = "
        rf"\left\lfloor \frac{{{size} + {before} + {after} - {kernel}}}{{{stride}}}"
        rf" \right\rfloor + 1 = {out}"
    )


def formula_tex(x: np.ndarray, fill: str, **setting) -> str:
    """The size formula with the current numbers, one line per axis, as a LaTeX document."""
    s, trace = _trace(x, fill, setting)
    top, bottom, left, right = trace.pads
    lines = [
        rf"\text{{{name}: }} " + _axis_latex(s.input_hw[a], s.kernel_hw[a], s.stride[a], *pads)
        for a, (name, pads) in enumerate((("H", (top, bottom)), ("W", (left, right))))
    ]
    return latex_document(" \\\\\n".join(lines).join([r"\begin{gathered}", r"\end{gathered}"]))


def c_tex(x: np.ndarray, fill: str, **setting) -> str:
    """C as a LaTeX matrix: symbols ``w_{i,j}`` where it can be written out, else numbers."""
    s, trace = _trace(x, fill, setting)
    form = matrix_form(x, trace, flipped=s.flip)
    if form.taps is not None:
        body = bmatrix(symbolic_labels(form.taps, s.kernel_hw, zero="0"), symbolic=True)
    else:
        body = bmatrix(form.c.toarray())
    return latex_document(f"C = {body}")


def c_csv(x: np.ndarray, fill: str, **setting) -> str:
    """C in numbers as CSV (one row per window)."""
    s, trace = _trace(x, fill, setting)
    return grid_csv(matrix_form(x, trace, flipped=s.flip).c.toarray())


def c_png(x: np.ndarray, fill: str, row: int, *, lang: str, **setting) -> bytes:
    """PNG of C with row ``row`` outlined and that row applied to the input as the caption.

    Raises ConvValueError ``matrix_png_too_large`` beyond the budget of
    :mod:`convviz.figures.common.matrix_png` (the page offers no button then).
    """
    s, trace = _trace(x, fill, setting)
    form = matrix_form(x, trace, flipped=s.flip)
    row = min(max(row, 0), form.shape[0] - 1)
    spec = c_spec(form, row=row, labels=tap_labels(form, s.kernel_hw), lang=lang)
    return matrix_png("C", [spec], caption=row_text(form, row, s.kernel_hw), lang=lang)


def channels_png(
    in_channels: int, out_channels: int, o: int, pin: tuple[int, int], *, lang: str, **setting
) -> bytes:
    """PNG of filter ``o`` of the channels view: each channel's map + … = output map ``o``,
    the pinned cell outlined and written out channel by channel as the caption."""
    data = channels.channels_data(in_channels, out_channels, setting_from(**setting))
    cell = channels.pinned_cell(data, pin)
    specs = channels.maps_specs(data, o, cell, lang=lang)
    scene = scene_from_specs(
        specs,
        operators=channels.maps_operators(in_channels),
        caption=channels.cell_sum_lines(data, o, cell, lang=lang),
    )
    return render_scene_png(scene, lang=lang)


def channels_csv(in_channels: int, out_channels: int, o: int, **setting) -> str:
    """Output map ``o`` of the channels view as CSV."""
    data = channels.channels_data(in_channels, out_channels, setting_from(**setting))
    return grid_csv(data.output[o])


def c_exportable(shape: tuple[int, int]) -> bool:
    """Whether C is small enough to offer as LaTeX / CSV (as large as it is drawn)."""
    return shape[0] * shape[1] <= MAX_SPARSITY_CELLS


def output_csv(x: np.ndarray, fill: str, **setting) -> str:
    """The output grid as CSV."""
    return grid_csv(_trace(x, fill, setting)[1].sums)


def _plain(markdown: str) -> str:
    """A caption without markdown bold."""
    return markdown.replace("**", "")


def modes_png(x: np.ndarray, *, lang: str, **setting) -> bytes:
    """PNG of the input padded by each mode the engine accepts (the padding section's border).

    Offered only when the engine accepts at least one mode (as the figure is drawn).
    """
    pads, _ = shown_pads(setting_from(**setting))
    specs, _ = modes_specs(x, pads, lang=lang)
    top, bottom, left, right = pads
    caption = translate(
        "standard.pad.export_caption", lang, top=top, bottom=bottom, left=left, right=right
    )
    return render_scene_png(scene_from_specs(specs, caption=caption), lang=lang)


def same_png(x: np.ndarray, fill: str, rule: str, *, lang: str, **setting) -> bytes:
    """PNG of a "same" rule (``"same_torch"`` / ``"same_tf"``): padded input → output.

    Raises ConvValueError where the rule does not apply (the page shows that error instead).
    """
    s = same_rule_setting(setting_from(**setting), rule)
    trace = window_trace(x, kernel_values(fill, s.kernel_hw), s)
    title = translate(f"standard.pad.{rule}_title", lang)
    top, bottom, left, right = trace.pads
    oh, ow = trace.out_hw
    pads = translate(
        "standard.pad.same_pads", lang, top=top, bottom=bottom, left=left, right=right, oh=oh, ow=ow
    )
    scene = scene_from_specs(
        same_specs(trace, title=title, lang=lang),
        operators=("→",),
        caption=f"{title}: {_plain(pads)}",
    )
    return render_scene_png(scene, lang=lang)


def _kernels(fill: str, setting: dict) -> tuple[np.ndarray, np.ndarray]:
    kernel = kernel_values(fill, setting_from(**setting).kernel_hw)  # (kH, kW)
    return kernel, flip_kernel(kernel)


def flip_kernels_png(fill: str, *, lang: str, **setting) -> bytes:
    """PNG of the kernel ↻ its 180° rotation (numbers in the cells)."""
    specs = [
        replace(spec, labels=None) for spec in kernels_specs(*_kernels(fill, setting), lang=lang)
    ]
    caption = translate("standard.flip.export_kernels", lang)
    scene = scene_from_specs(specs, operators=KERNELS_OPERATORS, caption=caption)
    return render_scene_png(scene, lang=lang)


def flip_outputs_png(x: np.ndarray, fill: str, *, lang: str, **setting) -> bytes:
    """PNG of cross-correlation − convolution = difference, as on screen."""
    s = setting_from(**setting)
    outputs = flip_outputs(x, kernel_values(fill, s.kernel_hw), s)
    scene = scene_from_specs(
        outputs_specs(*outputs, lang=lang),
        operators=OUTPUTS_OPERATORS,
        caption=translate("standard.flip.header", lang),
    )
    return render_scene_png(scene, lang=lang)


def flipped_kernel_tex(fill: str, **setting) -> str:
    """The kernel rotated by 180° as a LaTeX matrix (``w[::-1, ::-1]``)."""
    return latex_document(r"w_{\text{rot}} = " + bmatrix(_kernels(fill, setting)[1]))


def flipped_kernel_csv(fill: str, **setting) -> str:
    """The kernel rotated by 180° as CSV."""
    return grid_csv(_kernels(fill, setting)[1])
