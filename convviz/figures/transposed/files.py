"""Files behind the transposed page's download buttons: PNG / GIF of the scatter-add and
direct views, PNG of Cᵀ · x = y (within the matrix budget of
:mod:`convviz.figures.common.matrix_png`) and of the output_padding and checkerboard views,
LaTeX of the size formula and of Cᵀ, CSV of the output, of Cᵀ, of the output with the extra
rows and of the overlap counts.

Each function is pure (numbers and ``lang`` in, bytes or text out) and is only called when
its button is clicked, on a worker thread (see :mod:`convviz.controls.downloads`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import numpy as np

from convviz.export import (
    Animation,
    GifPlan,
    GridPanel,
    Scene,
    bilingual,
    bmatrix,
    budgeted_gif,
    grid_csv,
    latex_document,
    plan_for,
    render_scene_png,
    scatter_add_animation,
    scene_from_specs,
    size_formula_latex,
    sliding_window_animation,
)
from convviz.figures.common.matrix_png import matrix_png
from convviz.figures.transposed.data import (
    HYPER,
    checkerboard_counts,
    direct_data,
    matrix_data,
    transpose_output,
)
from convviz.figures.transposed.extras import (
    CHECKER_INPUT,
    checkerboard_specs,
    output_padding_counts,
    output_padding_pair,
    output_padding_specs,
)
from convviz.figures.transposed.matrix import CT_OPERATORS, ct_specs, row_text
from convviz.i18n import translate


def file_stem(input_size: int, kernel_size: int, **hyper: int) -> str:
    """``"transposed_i3_k3_s2_p1_a0_d1"``: the name of every file of one setting."""
    s, p, a, d = (hyper[name] for name in HYPER)
    return f"transposed_i{input_size}_k{kernel_size}_s{s}_p{p}_a{a}_d{d}"


def scatter_animation(
    x: np.ndarray, kernel: np.ndarray, at_steps: Sequence[int] | None = None, **hyper: int
) -> Animation:
    """The scatter-add view as an export animation: one frame per input cell (or per
    ``at_steps``)."""
    return scatter_add_animation(x, kernel, at_steps=at_steps, **hyper)


def scatter_png(x: np.ndarray, kernel: np.ndarray, step: int, *, lang: str, **hyper: int) -> bytes:
    """PNG of one stamp of the scatter-add view (all earlier stamps added); only that
    stamp's frame is built."""
    step = int(np.clip(step, 0, x.size - 1))
    return render_scene_png(scatter_animation(x, kernel, (step,), **hyper).frames[0], lang=lang)


def scatter_gif_plan(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> GifPlan:
    """The export budget's plan for :func:`scatter_gif` (one step per input cell)."""
    return plan_for(partial(scatter_animation, x, kernel, **hyper), x.size, lang=lang)


def scatter_gif(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> bytes:
    """Animated GIF of the stamps of the scatter-add view (all of them within the budget)."""
    return budgeted_gif(partial(scatter_animation, x, kernel, **hyper), x.size, lang=lang)


def direct_animation(
    x: np.ndarray, kernel: np.ndarray, at_steps: Sequence[int] | None = None, **hyper: int
) -> Animation:
    """The flipped kernel sliding over the zero-inserted grid: one frame per output cell
    (or per ``at_steps``)."""
    data = direct_data(x, kernel, **hyper)
    return sliding_window_animation(
        data.grid,
        data.flipped,
        stride=1,
        dilation=data.dilation,
        kinds=data.kinds,
        at_steps=at_steps,
    )


def _direct_steps(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> int:
    """Steps of the direct view: one per output cell."""
    return transpose_output(x, kernel, **hyper).size


def direct_gif_plan(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> GifPlan:
    """The export budget's plan for :func:`direct_gif`."""
    build = partial(direct_animation, x, kernel, **hyper)
    return plan_for(build, _direct_steps(x, kernel, **hyper), lang=lang)


def direct_png(
    x: np.ndarray, kernel: np.ndarray, pin: tuple[int, int], *, lang: str, **hyper: int
) -> bytes:
    """PNG of the window of output cell ``pin`` in the direct form; only that step's frame
    is built."""
    o = transpose_output(x, kernel, **hyper).shape[0]
    step = pin[0] * o + pin[1] if 0 <= pin[0] < o and 0 <= pin[1] < o else 0
    return render_scene_png(direct_animation(x, kernel, (step,), **hyper).frames[0], lang=lang)


def direct_gif(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> bytes:
    """Animated GIF of the stride-1 pass over the zero-inserted grid (within the budget)."""
    build = partial(direct_animation, x, kernel, **hyper)
    return budgeted_gif(build, _direct_steps(x, kernel, **hyper), lang=lang)


def formula_tex(input_size: int, kernel_size: int, **hyper: int) -> str:
    """The output-size formula with the current numbers, as a LaTeX document."""
    s, p, a, d = (hyper[name] for name in HYPER)
    return latex_document(
        size_formula_latex(
            "transposed",
            size=input_size,
            kernel_size=kernel_size,
            stride=s,
            padding=p,
            dilation=d,
            output_padding=a,
        )
    )


def ct_tex(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> str:
    """Cᵀ with its symbolic entries (w₀₀ → ``w_{0,0}``), as a LaTeX document."""
    data = matrix_data(x, kernel, **hyper)
    return latex_document("C^{\\mathsf{T}} = " + bmatrix(data.labels.T, symbolic=True))


def ct_png(x: np.ndarray, kernel: np.ndarray, q: int, *, lang: str, **hyper: int) -> bytes:
    """PNG of Cᵀ · x = y with row ``q`` outlined and that row applied to x as the caption.

    Raises ConvValueError ``matrix_png_too_large`` beyond the budget of
    :mod:`convviz.figures.common.matrix_png` (the page offers no button then).
    """
    data = matrix_data(x, kernel, **hyper)
    q = min(max(q, 0), data.output_size**2 - 1)
    specs = ct_specs(data, q=q, show=True, hover=False, lang=lang)
    return matrix_png("Cᵀ", specs, operators=CT_OPERATORS, caption=row_text(data, q), lang=lang)


def ct_csv(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> str:
    """Cᵀ as numbers, one row per output cell."""
    return grid_csv(matrix_data(x, kernel, **hyper).c.T)


def output_csv(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> str:
    """The output of ``conv_transpose2d`` as CSV."""
    return grid_csv(transpose_output(x, kernel, **hyper))


def output_png(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> bytes:
    """PNG of input, kernel and output of the transposed convolution."""
    y = transpose_output(x, kernel, **hyper)
    (i, _), (k, _), (o, _) = x.shape, kernel.shape, y.shape
    scene = Scene(
        (
            GridPanel(x, bilingual("export.title.input", rows=i, cols=i), "input"),
            GridPanel(kernel, bilingual("export.title.kernel", rows=k, cols=k), "kernel"),
            GridPanel(y, bilingual("export.title.output", rows=o, cols=o), "output"),
        ),
        caption="conv_transpose2d(x, w, " + ", ".join(f"{n}={hyper[n]}" for n in HYPER) + ")",
        operators=("⊛ᵀ", "="),
    )
    return render_scene_png(scene, lang=lang)


def output_padding_png(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> bytes:
    """PNG of the outputs for two values of ``a`` side by side (extra rows outlined).

    Offered only when ``output_padding`` can be non-zero (the page draws the figure then).
    """
    outputs = output_padding_pair(x, kernel, **hyper)
    scene = scene_from_specs(
        output_padding_specs(outputs, output_padding_counts(x, kernel, **hyper), lang=lang),
        operators=("",),
        caption=translate("transposed.opad.header", lang),
    )
    return render_scene_png(scene, lang=lang)


def output_padding_csv(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> str:
    """The output of the larger ``a`` (its extra rows and columns included) as CSV."""
    outputs = output_padding_pair(x, kernel, **hyper)
    return grid_csv(outputs[max(outputs)])


def _checker(kernel_size: int, hyper: dict) -> tuple[np.ndarray, np.ndarray]:
    return checkerboard_counts(
        CHECKER_INPUT, kernel_size, stride=hyper["stride"], dilation=hyper["dilation"]
    )


def checkerboard_png(kernel_size: int, *, lang: str, **hyper: int) -> bytes:
    """PNG of the overlap counts beside resize-then-convolve (all-ones input and kernel)."""
    counts, resized = _checker(kernel_size, hyper)
    specs = checkerboard_specs(
        counts, resized, kernel_size=kernel_size, stride=hyper["stride"], lang=lang
    )
    caption = translate("transposed.checker.header", lang)
    return render_scene_png(scene_from_specs(specs, operators=("",), caption=caption), lang=lang)


def overlap_counts_csv(kernel_size: int, **hyper: int) -> str:
    """The stamps per output cell (the engine's ``overlap_counts``) as CSV of integers."""
    return grid_csv(_checker(kernel_size, hyper)[0].astype(np.int64))
