"""Cross-correlation (what deep learning calls convolution) against true convolution.

True convolution rotates the kernel by 180° before sliding it. On a kernel that equals its own
rotation the two agree; on any other kernel the outputs differ, and the figures show by how
much, cell by cell. Builders take the engine's outputs.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.figures.grid import GridSpec, panels_figure
from convviz.figures.standard_window import kernel_spec
from convviz.i18n import translate


def kernels_figure(kernel: np.ndarray, rotated: np.ndarray, *, lang: str) -> go.Figure:
    """The kernel → its 180° rotation, each cell named (w₀₀ …) where it fits.

    Parameters
    ----------
    kernel, rotated : np.ndarray
        (kH, kW) weights and the engine's ``flip_kernel`` of them.
    """
    return panels_figure(
        [
            kernel_spec(kernel, flipped=False, lang=lang),
            kernel_spec(rotated, flipped=True, lang=lang),
        ],
        operators=("↻",),
    )


def outputs_figure(
    correlation: np.ndarray, convolution: np.ndarray, difference: np.ndarray, *, lang: str
) -> go.Figure:
    """Cross-correlation − convolution = difference, all (H_out, W_out), numbers in cells.

    The two outputs share one colour scale, so equal numbers look equal.
    """
    both = np.concatenate([correlation.ravel(), convolution.ravel()])
    shared = (float(both.min()), float(both.max()))
    oh, ow = correlation.shape
    return panels_figure(
        [
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
        ],
        operators=("−", "="),
    )
