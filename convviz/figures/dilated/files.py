"""Files behind the dilated page's download buttons: PNG / GIF of the sliding window, LaTeX
of the size formula, CSV of the output; PNG / CSV of a stack's path counts.

Each function is pure and builds its file only when called (the buttons call them after a
click, on a worker thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import numpy as np

from convviz.engine.padding import pad2d
from convviz.engine.paths import gridding_holes
from convviz.engine.sizes import conv_output_size
from convviz.engine.trace import sliding_trace
from convviz.export import (
    Animation,
    Bilingual,
    GifPlan,
    GridPanel,
    Scene,
    bilingual,
    budgeted_gif,
    grid_csv,
    latex_document,
    plan_for,
    render_scene_png,
    size_formula_latex,
    sliding_window_animation,
)
from convviz.figures.dilated.kernel import kernel_values
from convviz.figures.dilated.stack import _engine_path_counts
from convviz.stacks import Layer
from convviz.style.palette import CellKind


def file_stem(
    *, input_size: int, kernel_size: int, stride: int, padding: int, dilation: int
) -> str:
    """File name of the page's downloads, e.g. ``"dilated_i7_k3_s1_p0_d2"``."""
    return f"dilated_i{input_size}_k{kernel_size}_s{stride}_p{padding}_d{dilation}"


def _padded_scene_inputs(x: np.ndarray, padding: int) -> tuple[np.ndarray, np.ndarray]:
    """The padded input and its kinds (BORDER_PAD around the real cells)."""
    padded = np.asarray(pad2d(x, padding), dtype=float)  # (H + 2p, W + 2p)
    kinds = np.full(padded.shape, CellKind.BORDER_PAD, dtype=int)
    kinds[padding : padding + x.shape[0], padding : padding + x.shape[1]] = CellKind.REAL
    return padded, kinds


def window_animation(
    x: np.ndarray,
    fill: str,
    at_steps: Sequence[int] | None = None,
    *,
    stride: int,
    padding: int,
    dilation: int,
    kernel_size: int,
) -> Animation:
    """The sliding window as an export :class:`~convviz.export.Animation` (one frame per cell,
    or per ``at_steps``)."""
    padded, kinds = _padded_scene_inputs(x, padding)
    kernel = kernel_values(fill, kernel_size)
    return sliding_window_animation(
        padded, kernel, stride=stride, dilation=dilation, kinds=kinds, at_steps=at_steps
    )


def _window_steps(x: np.ndarray, **params: int) -> int:
    """Steps of the sliding window: one per output cell."""
    size = conv_output_size(
        x.shape[0],
        params["kernel_size"],
        params["stride"],
        params["padding"],
        params["dilation"],
    )
    return max(size, 0) ** 2


def window_gif_plan(x: np.ndarray, fill: str, *, lang: str, **params: int) -> GifPlan:
    """The export budget's plan for :func:`window_gif`."""
    build = partial(window_animation, x, fill, **params)
    return plan_for(build, _window_steps(x, **params), lang=lang)


def window_png(x: np.ndarray, fill: str, step: int, *, lang: str, **params: int) -> bytes:
    """PNG of one step of the sliding window (``params``: kernel_size, stride, padding,
    dilation); only that step's frame is built."""
    step = min(max(step, 0), _window_steps(x, **params) - 1)
    return render_scene_png(window_animation(x, fill, (step,), **params).frames[0], lang=lang)


def window_gif(x: np.ndarray, fill: str, *, lang: str, **params: int) -> bytes:
    """Animated GIF of the sliding window (every step within the export budget)."""
    build = partial(window_animation, x, fill, **params)
    return budgeted_gif(build, _window_steps(x, **params), lang=lang)


def size_formula_tex(
    *, input_size: int, kernel_size: int, stride: int, padding: int, dilation: int
) -> str:
    """The output-size formula with the current numbers, as a LaTeX document."""
    return latex_document(
        size_formula_latex(
            "standard",
            size=input_size,
            kernel_size=kernel_size,
            stride=stride,
            padding=padding,
            dilation=dilation,
        )
    )


def output_csv(
    x: np.ndarray, fill: str, *, kernel_size: int, stride: int, padding: int, dilation: int
) -> str:
    """The output grid as CSV."""
    kernel = kernel_values(fill, kernel_size)
    trace = sliding_trace(x, kernel, stride=stride, padding=padding, dilation=dilation)
    return grid_csv(trace.sums)


def _stack_panel(layers: Sequence[Layer]) -> tuple[np.ndarray, GridPanel]:
    """Path counts of a stack and the export panel that shows them (holes greyed)."""
    counts = _engine_path_counts(layers)
    panel = GridPanel(
        counts.astype(float),
        bilingual("dilated.stack.heat_title"),
        "input",
        kinds=np.where(counts == 0, CellKind.OUTSIDE, CellKind.REAL),
        show_numbers=counts.size <= 900,
    )
    return counts, panel


# The widest path-count field each stack file is made for (measured: a 127×127 PNG takes
# 0.3 s and 60 MB, a 385×385 one 2.3 s and 390 MB; a 577×577 CSV 0.4 s). Beyond, the page
# says why the button is not there.
MAX_STACK_PNG_FIELD = 129
MAX_STACK_CSV_FIELD = 513


def stack_files(field: int) -> tuple[bool, bool]:
    """Whether a stack of receptive field ``field`` gets a PNG and a CSV of its path counts."""
    return field <= MAX_STACK_PNG_FIELD, field <= MAX_STACK_CSV_FIELD


def stack_png(layers: tuple[Layer, ...], *, lang: str) -> bytes:
    """PNG of the path-count map of a stack, with the holes sentence as caption."""
    layers = tuple(Layer(*layer) for layer in layers)
    counts, panel = _stack_panel(layers)
    field = counts.shape[0]
    holes = gridding_holes(counts).count
    if holes:
        caption = bilingual("dilated.stack.holes", holes=holes, total=field * field, rf=field)
    else:
        caption = bilingual("dilated.stack.no_holes", total=field * field, rf=field)
    plain = Bilingual(caption.en.replace("**", ""), caption.zh.replace("**", ""))
    return render_scene_png(Scene((panel,), caption=plain), lang=lang)


def stack_csv(layers: tuple[Layer, ...]) -> str:
    """The path counts of a stack as CSV (one row per input row of the field)."""
    return grid_csv(_engine_path_counts(tuple(Layer(*layer) for layer in layers)))
