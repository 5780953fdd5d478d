"""How large a matrix (C or Cᵀ) is drawn: cells with symbols (a window at a time, see
:mod:`convviz.figures.common.matrix_window`), a plain sparsity picture beyond
:data:`MAX_DRAWN_CELLS` entries, nothing beyond :data:`MAX_SPARSITY_CELLS`. Shared by the
standard and the transposed pages.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.style.palette import KIND_FILL, CellKind

MAX_DRAWN_CELLS = 4_096  # entries drawn as cells (clickable, hover, symbols)
MAX_SPARSITY_CELLS = 40_000  # entries drawn as a plain sparsity picture beyond that
NONZERO_FILL = "#00224E"  # the dark end of cividis: non-zero entries of a sparsity picture


def sparsity_figure(matrix: np.ndarray, *, title: str) -> go.Figure:
    """A plain picture of which entries of a large matrix are non-zero (no numbers, no hover)."""
    rows, cols = matrix.shape
    px = max(1.0, min(900 / cols, 600 / rows))
    z = (matrix != 0).astype(np.float32)  # (rows, cols): 1 = non-zero
    fig = go.Figure(
        go.Heatmap(
            z=z,
            zmin=0,
            zmax=1,
            showscale=False,
            hoverinfo="skip",
            colorscale=[[0, KIND_FILL[CellKind.OUTSIDE]], [1, NONZERO_FILL]],
        )
    )
    fig.update_layout(
        width=int(px * cols) + 16,
        height=int(px * rows) + 46,
        margin={"l": 8, "r": 8, "t": 30, "b": 8},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
        xaxis={"visible": False, "fixedrange": True},
        yaxis={"visible": False, "autorange": "reversed", "fixedrange": True},
        title={"text": f"<b>{title}</b>", "x": 0, "xanchor": "left", "font": {"size": 14}},
    )
    return fig
