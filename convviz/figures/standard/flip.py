"""Cross-correlation (what deep learning calls convolution) against true convolution.

True convolution rotates the kernel by 180° before sliding it. On a kernel that equals its own
rotation the two agree; on any other kernel the outputs differ, and the figures show by how
much, cell by cell. Builders take the engine's outputs.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.grid import GridSpec, panels_figure
from convviz.figures.standard.window import kernel_spec
from convviz.i18n import translate

KERNELS_OPERATORS, OUTPUTS_OPERATORS = ("↻",), ("−", "=")


def kernels_specs(kernel: np.ndarray, rotated: np.ndarray, *, lang: str) -> list[GridSpec]:
    """The kernel and its 180° rotation, each cell named (w₀₀ …) where it fits.

    Parameters
    ----------
    kernel, rotated : np.ndarray
        (kH, kW) weights and the engine's ``flip_kernel`` of them.
    """
    return [
        kernel_spec(kernel, flipped=False, lang=lang),
        kernel_spec(rotated, flipped=True, lang=lang),
    ]


def kernels_figure(kernel: np.ndarray, rotated: np.ndarray, *, lang: str) -> go.Figure:
    """:func:`kernels_specs` as kernel ↻ rotation."""
    return panels_figure(kernels_specs(kernel, rotated, lang=lang), operators=KERNELS_OPERATORS)


def outputs_specs(
    correlation: np.ndarray, convolution: np.ndarray, difference: np.ndarray, *, lang: str
) -> list[GridSpec]:
    """Cross-correlation, convolution and their difference, all (H_out, W_out).

    The two outputs share one colour scale, so equal numbers look equal.
    """
    both = np.concatenate([correlation.ravel(), convolution.ravel()])
    shared = (float(both.min()), float(both.max()))
    oh, ow = correlation.shape
    return [
        GridSpec(
            values=correlation,
            title=translate("standard.flip.corr_title", lang, rows=oh, cols=ow),
            role="output",
            value_range=shared,
        ),
        GridSpec(
            values=convolution,
            title=translate("standard.flip.conv_title", lang, rows=oh, cols=ow),
            role="output",
            value_range=shared,
        ),
        GridSpec(
            values=difference,
            title=translate("standard.flip.diff_title", lang),
            role="other",
        ),
    ]


def outputs_figure(
    correlation: np.ndarray, convolution: np.ndarray, difference: np.ndarray, *, lang: str
) -> go.Figure:
    """:func:`outputs_specs` as correlation − convolution = difference, numbers in cells."""
    specs = outputs_specs(correlation, convolution, difference, lang=lang)
    return panels_figure(specs, operators=OUTPUTS_OPERATORS)
