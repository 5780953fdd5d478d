"""The dilated kernel: its fills, its taps spread ``d`` cells apart, and the figure of the
kernel beside its gapped form.

A kernel of size k and dilation d has taps at offsets ``d·j`` (j = 0 … k − 1) on each axis, so
it spans ``k̂ = d(k − 1) + 1`` cells while holding k·k weights. Builders here are pure.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.lowering import dilate_kernel
from convviz.engine.matrix import symbolic_labels
from convviz.engine.sizes import effective_kernel_size
from convviz.figures.common.grid import GridSpec, format_number, panels_figure
from convviz.i18n import translate
from convviz.style.palette import CellKind

KERNEL_FILLS = ("ones", "arange", "signs")


def kernel_values(fill: str, kernel_size: int) -> np.ndarray:
    """The k×k weights the page uses: all ones, 1 … k² row by row, or a ±1 chequerboard.

    Returns
    -------
    np.ndarray
        float64, shape (k, k).
    """
    k = kernel_size
    if fill == "arange":
        return np.arange(1, k * k + 1, dtype=np.float64).reshape(k, k)  # (k, k)
    if fill == "signs":
        rows, cols = np.indices((k, k))
        return np.where((rows + cols) % 2 == 0, 1.0, -1.0)
    return np.ones((k, k), dtype=np.float64)


def spread_kernel(kernel: np.ndarray, dilation: int) -> np.ndarray:
    """The k×k weights laid out on the k̂×k̂ window they span, zeros in the gaps.

    Parameters
    ----------
    kernel : np.ndarray
        (k, k) weights.
    dilation : int
        d >= 1.

    Returns
    -------
    np.ndarray
        (k̂, k̂) with k̂ = d(k − 1) + 1; ``out[d·i, d·j] = kernel[i, j]`` (the engine's
        ``dilate_kernel``). A stride-1 convolution with it equals the dilated convolution
        with ``kernel``.
    """
    return dilate_kernel(kernel, dilation=dilation).kernel


def dilated_kernel_cells(kernel: np.ndarray, dilation: int) -> tuple[np.ndarray, np.ndarray]:
    """(k̂, k̂) CellKind (REAL on a tap, INSERTED_ZERO in a gap) and the taps' names (w₀₀ …)."""
    taps = dilate_kernel(kernel, dilation=dilation).taps  # (k̂, k̂), −1 in a gap
    kinds = np.where(taps >= 0, CellKind.REAL, CellKind.INSERTED_ZERO)
    return kinds, symbolic_labels(taps, kernel.shape, zero="")


def kernel_figure(
    kernel: np.ndarray, dilated: np.ndarray, *, dilation: int, lang: str
) -> go.Figure:
    """The compact k×k kernel next to its dilated k̂×k̂ form, gaps greyed out.

    Parameters
    ----------
    kernel : np.ndarray
        (k, k) weights.
    dilated : np.ndarray
        (k̂, k̂) the engine's dilated kernel (zeros in the gaps), k̂ = d(k − 1) + 1.
    dilation : int
        d.
    lang : {"en", "zh"}

    Returns
    -------
    go.Figure
        Two panels joined by "→"; taps are labelled w₀₀ …, hovering one names its value and
        its offset d·(i, j); gap cells say they are skipped.
    """
    k = kernel.shape[0]
    k_hat = dilated.shape[0]
    kinds, labels = dilated_kernel_cells(kernel, dilation)  # (k̂, k̂) each
    compact_labels = labels[::dilation, ::dilation]  # (k, k)
    hover = dilated_kernel_hover(kernel, dilation, lang=lang)
    compact_hover = hover[::dilation, ::dilation]
    value_range = (float(kernel.min()), float(kernel.max()))
    specs = [
        GridSpec(
            values=kernel,
            title=translate("dilated.kernel.title_compact", lang, k=k, params=k * k),
            role="kernel",
            labels=compact_labels,
            hover=compact_hover,
            value_range=value_range,
        ),
        GridSpec(
            values=dilated,
            title=translate("dilated.kernel.title_dilated", lang, d=dilation, k_hat=k_hat),
            role="kernel",
            kinds=kinds,
            labels=labels,
            hover=hover,
            value_range=value_range,
        ),
    ]
    return panels_figure(specs, operators=("→",))


def dilated_kernel_hover(kernel: np.ndarray, dilation: int, *, lang: str) -> np.ndarray:
    """(k̂, k̂) hover of the dilated kernel: each tap's value and offset d·(i, j), gaps skipped."""
    k_hat = effective_kernel_size(kernel.shape[0], dilation)
    hover = np.full((k_hat, k_hat), translate("dilated.kernel.hover_gap", lang), dtype=object)
    for (i, j), value in np.ndenumerate(kernel):
        hover[dilation * i, dilation * j] = translate(
            "dilated.kernel.hover_tap",
            lang,
            r=i,
            c=j,
            value=format_number(value),
            dr=dilation * i,
            dc=dilation * j,
        )
    return hover
