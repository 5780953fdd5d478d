"""Files for lecture notes from the deformable page: the chosen cell as PNG (the pixels each
moved point reads outlined, the sum as caption), a GIF sweeping the cells of its row, the
bilinear read of one point in LaTeX, and the offset field as CSV.

The export renderer draws grids, not markers, so a point appears as the square of pixels it
reads with a nonzero weight (clipped to the drawn margin); the caption lists the points.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

import numpy as np

from convviz.engine.deform_trace import CellSampling, cell_sampling
from convviz.export import (
    Animation,
    GifPlan,
    Scene,
    budgeted_gif,
    grid_csv,
    latex_document,
    panel_from_spec,
    plan_for,
    render_scene_png,
)
from convviz.figures.common.grid import GridSpec, Highlight, format_number
from convviz.figures.deformable.sampling import input_spec
from convviz.figures.deformable.text import sum_line
from convviz.i18n import translate
from convviz.style.palette import SECONDARY_HIGHLIGHT


def file_stem(**values: object) -> str:
    """``deformable_shape_i7_k3_s1_p1_d1``: a file name that says the setting."""
    kind = values.pop("offsets")
    return f"deformable_{kind}" + "".join(f"_{name[0]}{value}" for name, value in values.items())


def _squares(sampling: CellSampling, m: int, shape: tuple[int, int]) -> list[Highlight]:
    """Around each point, the neighbours it reads with a nonzero weight (one pixel for a
    whole-pixel point, up to 2×2), on the drawn input and clipped to it."""
    squares = []
    for t in range(len(sampling.values)):
        used = sampling.corner_weights[t] > 0  # (4,)
        if not used.any():
            continue  # reads 0 without touching a pixel
        rows, cols = sampling.corner_rows[t, used] + m, sampling.corner_cols[t, used] + m
        r0, c0 = max(int(rows.min()), 0), max(int(cols.min()), 0)
        r1, c1 = min(int(rows.max()) + 1, shape[0]), min(int(cols.max()) + 1, shape[1])
        if r0 < r1 and c0 < c1:
            squares.append(Highlight(r0, c0, r1, c1, colour=SECONDARY_HIGHLIGHT))
    return squares


def sampling_scene(
    x: np.ndarray, output: np.ndarray, sampling: CellSampling, *, m: int, masked: bool, lang: str
) -> Scene:
    """The input with the cell's read squares, the output with the cell, the sum as caption."""
    i, j = sampling.cell
    spec = input_spec(x, m, lang)
    out = GridSpec(output, title=translate("deformable.figure.output", lang), role="output")
    points = ", ".join(
        f"{t}: ({format_number(p[0])}, {format_number(p[1])})"
        for t, p in enumerate(sampling.points)
    )
    caption = f"{translate('deformable.files.points', lang)} {points}\n"
    caption += sum_line(sampling, masked=masked)
    panels = (
        panel_from_spec(spec, extra=tuple(_squares(sampling, m, spec.values.shape))),
        panel_from_spec(out, extra=(Highlight(i, j, i + 1, j + 1),)),
    )
    return Scene(panels, caption, ("→",))


def sampling_png(
    x: np.ndarray, output: np.ndarray, sampling: CellSampling, *, m: int, masked: bool, lang: str
) -> bytes:
    """:func:`sampling_scene` as PNG."""
    scene = sampling_scene(x, output, sampling, m=m, masked=masked, lang=lang)
    return render_scene_png(scene, lang=lang)


def sweep_animation(
    at_steps: Sequence[int] | None = None,
    *,
    x: np.ndarray,
    offset: np.ndarray,
    kernel: np.ndarray,
    mask: np.ndarray | None,
    output: np.ndarray,
    row: int,
    m: int,
    stride: int,
    padding: int,
    dilation: int,
    lang: str,
) -> Animation:
    """The cells of output row ``row``, left to right, one :func:`sampling_scene` each.

    ``x`` (H, W), ``offset`` (2k², H_out, W_out), ``kernel`` (k, k), ``mask`` None or
    (k², H_out, W_out), ``output`` (H_out, W_out). Step ``j`` is cell ``(row, j)``; only the
    steps in ``at_steps`` (ascending; an export budget's choice) are built, every one when None.
    """
    hyper = {"stride": stride, "padding": padding, "dilation": dilation}
    steps = range(output.shape[1]) if at_steps is None else at_steps
    frames = tuple(
        sampling_scene(
            x,
            output,
            cell_sampling(x, offset, kernel, cell=(row, j), mask=mask, **hyper),
            m=m,
            masked=mask is not None,
            lang=lang,
        )
        for j in steps
    )
    return Animation(frames, duration_ms=900)


def sweep_gif_plan(**setting: Any) -> GifPlan:
    """The export budget's plan for :func:`sweep_gif` (one step per cell of the row)."""
    build = partial(sweep_animation, **setting)
    return plan_for(build, setting["output"].shape[1], lang=setting["lang"])


def sweep_gif(**setting: Any) -> bytes:
    """Animated GIF of :func:`sweep_animation` (``setting``: its keyword arguments) with the
    steps and at the scale the export budget allows (:mod:`convviz.export.budget`)."""
    build = partial(sweep_animation, **setting)
    return budgeted_gif(build, setting["output"].shape[1], lang=setting["lang"])


def bilinear_latex(sampling: CellSampling, tap: int) -> str:
    """The bilinear read of tap ``tap`` with its numbers, and the cell's sum, in LaTeX."""
    y, x = sampling.points[tap]
    point = f"({format_number(y)}, {format_number(x)})"
    general = (
        r"\tilde{x}(y, x) = (1-l_y)(1-l_x)\,x_{y_0,x_0} + (1-l_y)\,l_x\,x_{y_0,x_0+1}"
        r" + l_y(1-l_x)\,x_{y_0+1,x_0} + l_y\,l_x\,x_{y_0+1,x_0+1}"
    )
    terms = " + ".join(
        f"{format_number(w, 4)} \\cdot {_signed(v)}"
        for w, v in zip(sampling.corner_weights[tap], sampling.corner_values[tap], strict=True)
    )
    value = format_number(sampling.values[tap], 4)
    i, j = sampling.cell
    products = " + ".join(
        f"{_signed(w)} \\cdot {_signed(m)} \\cdot {_signed(v, 3)}"
        for w, m, v in zip(sampling.weights, sampling.mask, sampling.values, strict=True)
    )
    body = (
        f"{general}\n\\]\n\\[\n\\tilde{{x}}{point} = {terms} = {value}\n\\]\n\\[\n"
        f"y_{{{i},{j}}} = \\sum_n w_n\\, m_n\\, \\tilde{{x}}(p_0 + p_n + \\Delta p_n) = "
        f"{products} = {format_number(sampling.total, 3)}"
    )
    return latex_document(body)


def _signed(value: float, decimals: int = 2) -> str:
    text = format_number(value, decimals)
    return f"({text})" if text.startswith("-") else text


def offsets_csv(offset: np.ndarray) -> str:
    """The offset field as CSV: one row per channel (dy0, dx0, dy1, …), one column per cell."""
    channels, oh, ow = offset.shape
    names = [f"{'dy' if c % 2 == 0 else 'dx'}{c // 2}" for c in range(channels)]
    numbers = [[format_number(v) for v in row] for row in offset.reshape(channels, oh * ow)]
    table = np.array([[name, *row] for name, row in zip(names, numbers, strict=True)], dtype=object)
    header = ["channel"] + [f"({i},{j})" for i in range(oh) for j in range(ow)]
    return grid_csv(table, header=header)
