"""The grouped page's weight seen as a ``(C_out, C_in)`` matrix of kernels: block-diagonal,
one block per group, structural zeros elsewhere.

Pure: channel counts (and optionally the weight's numbers) and ``lang`` in, figure out.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.grid import GridSpec, Highlight, format_number, grid_figure
from convviz.figures.grouped.groups import group_colour
from convviz.i18n import translate
from convviz.style.palette import HIGHLIGHT, CellKind


def block_matrix_figure(
    in_channels: int,
    out_channels: int,
    groups: int,
    *,
    lang: str,
    weight: np.ndarray | None = None,
    selected_output: int | None = None,
) -> go.Figure:
    """The weight seen as a ``(C_out, C_in)`` matrix of ``k × k`` kernels: block-diagonal.

    Parameters
    ----------
    in_channels, out_channels, groups : int
    lang : {"en", "zh"}
    weight : np.ndarray, optional
        ``(C_out, C_in/g, k, k)``; when given, each kernel's numbers appear on hover.
    selected_output : int, optional
        Row outlined in the highlight colour.

    Returns
    -------
    go.Figure
        Cell ``(o, c)`` is a kernel tap (kind ``KERNEL``) labelled ``o,c′`` — its index
        ``weight[o, c′]`` with ``c′ = c − j·C_in/g`` — when ``c`` lies in filter ``o``'s group
        ``j``, else a structural zero (kind ``OUTSIDE``). Each group's block is outlined in
        its colour.

    Notes
    -----
    ``g`` blocks of ``(C_out/g) × (C_in/g)`` kernels: ``C_out · C_in / g`` of the
    ``C_out · C_in`` cells hold weights, a fraction ``1/g``.
    """
    cin_g, cout_g = in_channels // groups, out_channels // groups
    o_idx, c_idx = np.mgrid[0:out_channels, 0:in_channels]  # (C_out, C_in) each
    inside = (o_idx // cout_g) == (c_idx // cin_g)
    kinds = np.where(inside, CellKind.KERNEL, CellKind.OUTSIDE)
    local = c_idx - (o_idx // cout_g) * cin_g
    labels = np.where(
        inside, np.char.add(np.char.add(o_idx.astype(str), ","), local.astype(str)), "0"
    )
    hover = np.empty((out_channels, in_channels), dtype=object)
    for o in range(out_channels):
        for c in range(in_channels):
            if inside[o, c]:
                numbers = ""
                if weight is not None:
                    kernel = np.asarray(weight)[o, local[o, c]]  # (k, k)
                    numbers = "<br>" + "<br>".join(
                        " ".join(f"{format_number(v):>3}" for v in row) for row in kernel
                    )
                hover[o, c] = (
                    translate(
                        "grouped.block.hover_in", lang, o=o, c=c, cl=local[o, c], group=o // cout_g
                    )
                    + numbers
                )
            else:
                hover[o, c] = translate("grouped.block.hover_out", lang, o=o, c=c)
    highlights = [
        Highlight(
            j * cout_g,
            j * cin_g,
            (j + 1) * cout_g,
            (j + 1) * cin_g,
            colour=group_colour(j),
            width=3,
        )
        for j in range(groups)
    ]
    if selected_output is not None and 0 <= selected_output < out_channels:
        highlights.append(
            Highlight(
                selected_output,
                0,
                selected_output + 1,
                in_channels,
                colour=HIGHLIGHT,
                width=2,
                dash="dot",
            )
        )
    spec = GridSpec(
        values=np.zeros((out_channels, in_channels)),
        title=translate("grouped.block.title", lang, cout=out_channels, cin=in_channels),
        role="kernel",
        kinds=kinds,
        labels=labels,
        hover=hover,
        highlights=highlights,
    )
    return grid_figure(spec)
