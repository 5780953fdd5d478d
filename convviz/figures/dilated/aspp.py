"""Parallel dilated branches on one input (ASPP): a table of each branch's field and a heatmap
of how many branches read each pixel, every branch's field outlined in its own colour.

Branch b alone sees k̂_b = d_b(k_b − 1) + 1 pixels per side; the branches do not stack, so
the widest one sets the field. Builders are pure (engine results and ``lang`` in).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.grid import GridSpec, Highlight, panels_figure
from convviz.figures.dilated.receptive import effective_size
from convviz.i18n import translate
from convviz.stacks import Layer
from convviz.style.palette import OKABE_ITO, CellKind

BRANCH_COLOURS = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["yellow"],
    OKABE_ITO["black"],
)


def branch_rows(layers: Sequence[Layer], *, lang: str) -> list[dict]:
    """One table row per parallel branch: k, d and its own field k̂ = d(k − 1) + 1."""
    col = {
        name: translate(f"dilated.stack.col_{name}", lang)
        for name in ("branch", "kernel", "dilation", "rf", "formula")
    }
    return [
        {
            col["branch"]: index,
            col["kernel"]: layer.kernel_size,
            col["dilation"]: layer.dilation,
            col["rf"]: effective_size(layer),
            col["formula"]: translate(
                "dilated.stack.branch_formula",
                lang,
                d=layer.dilation,
                k=layer.kernel_size,
                k_hat=effective_size(layer),
            ),
        }
        for index, layer in enumerate(layers, start=1)
    ]


def branches_figure(
    layers: Sequence[Layer], masks: Sequence[np.ndarray], *, lang: str
) -> go.Figure:
    """Parallel branches on one input: how many branches read each pixel, each field outlined.

    Parameters
    ----------
    layers : sequence of Layer
        The branches.
    masks : sequence of np.ndarray
        Branch b's (k̂_b, k̂_b) tap mask (1 where a tap reads the input), centred on the output
        pixel (offset −⌊(k̂_b − 1)/2⌋ at index 0).
    lang : {"en", "zh"}

    Returns
    -------
    go.Figure
        A (R, R) grid, R the largest k̂, with the number of branches reading each pixel, and
        one coloured outline per branch field, labelled with its rate and size.
    """
    size = max(m.shape[0] for m in masks)
    centre = (size - 1) // 2
    counts = np.zeros((size, size), dtype=int)  # (R, R)
    boxes = []
    for mask in masks:
        k_hat = mask.shape[0]
        top = centre - (k_hat - 1) // 2
        counts[top : top + k_hat, top : top + k_hat] += mask.astype(int)
        boxes.append(top)
    hover = np.empty(counts.shape, dtype=object)
    for i in range(size):
        for j in range(size):
            hover[i, j] = translate(
                "dilated.stack.branch_hover",
                lang,
                dr=i - centre,
                dc=j - centre,
                count=int(counts[i, j]),
            )
    highlights = tuple(
        Highlight(
            top,
            top,
            top + m.shape[0],
            top + m.shape[0],
            colour=BRANCH_COLOURS[b % len(BRANCH_COLOURS)],
            width=2.5,
        )
        for b, (top, m) in enumerate(zip(boxes, masks, strict=True))
    )
    spec = GridSpec(
        values=counts.astype(float),
        title=translate("dilated.stack.branch_heat_title", lang),
        role="input",
        colour_by="value",  # a heat map: the counts' pattern is the lesson, whatever the switch
        kinds=np.where(counts == 0, CellKind.OUTSIDE, CellKind.REAL),
        labels=np.where(counts > 0, counts.astype(str), "").astype(object)
        if counts.size <= 900
        else np.full(counts.shape, "", dtype=object),
        hover=hover,
        highlights=highlights,
    )
    fig = panels_figure([spec])
    for b, (top, layer, mask) in enumerate(zip(boxes, layers, masks, strict=True)):
        k_hat = mask.shape[0]
        fig.add_annotation(
            x=top + k_hat - 0.5,
            y=top - 0.5,
            xanchor="right",
            yanchor="bottom",
            text=translate("dilated.stack.branch_label", lang, d=layer.dilation, k_hat=k_hat),
            showarrow=False,
            font={"color": BRANCH_COLOURS[b % len(BRANCH_COLOURS)], "size": 14},
        )
    return fig
