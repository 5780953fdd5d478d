"""Files behind the transposed page's download buttons: PNG / GIF of the scatter-add and
direct views, LaTeX of the size formula and of Cᵀ, CSV of the output and of Cᵀ.

Each function is pure (numbers and ``lang`` in, bytes or text out) and is only called when
its button is clicked, on a worker thread (see :mod:`convviz.controls.downloads`).
"""

from __future__ import annotations

import numpy as np

from convviz.export import (
    Animation,
    GridPanel,
    Scene,
    bilingual,
    bmatrix,
    grid_csv,
    latex_document,
    render_animation_gif,
    render_scene_png,
    scatter_add_animation,
    size_formula_latex,
    sliding_window_animation,
)
from convviz.figures.transposed_data import HYPER, direct_data, matrix_data, transpose_output


def file_stem(input_size: int, kernel_size: int, **hyper: int) -> str:
    """``"transposed_i3_k3_s2_p1_a0_d1"``: the name of every file of one setting."""
    s, p, a, d = (hyper[name] for name in HYPER)
    return f"transposed_i{input_size}_k{kernel_size}_s{s}_p{p}_a{a}_d{d}"


def scatter_animation(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> Animation:
    """The scatter-add view as an export animation: one frame per input cell."""
    return scatter_add_animation(x, kernel, **hyper)


def scatter_png(x: np.ndarray, kernel: np.ndarray, step: int, *, lang: str, **hyper: int) -> bytes:
    """PNG of one stamp of the scatter-add view (all earlier stamps added)."""
    frames = scatter_animation(x, kernel, **hyper).frames
    return render_scene_png(frames[int(np.clip(step, 0, len(frames) - 1))], lang=lang)


def scatter_gif(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> bytes:
    """Animated GIF of every stamp of the scatter-add view."""
    return render_animation_gif(scatter_animation(x, kernel, **hyper), lang=lang)


def direct_animation(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> Animation:
    """The flipped kernel sliding over the zero-inserted grid: one frame per output cell."""
    data = direct_data(x, kernel, **hyper)
    return sliding_window_animation(
        data.grid, data.flipped, stride=1, dilation=data.dilation, kinds=data.kinds
    )


def direct_png(
    x: np.ndarray, kernel: np.ndarray, pin: tuple[int, int], *, lang: str, **hyper: int
) -> bytes:
    """PNG of the window of output cell ``pin`` in the direct form."""
    frames = direct_animation(x, kernel, **hyper).frames
    o = transpose_output(x, kernel, **hyper).shape[0]
    step = pin[0] * o + pin[1] if 0 <= pin[0] < o and 0 <= pin[1] < o else 0
    return render_scene_png(frames[step], lang=lang)


def direct_gif(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> bytes:
    """Animated GIF of the whole stride-1 pass over the zero-inserted grid."""
    return render_animation_gif(direct_animation(x, kernel, **hyper), lang=lang)


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
