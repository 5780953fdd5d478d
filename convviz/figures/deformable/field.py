"""An offset field drawn as arrows: for one tap, where every output cell's point moves.

Each arrow starts at the tap's regular point p₀ + pₙ of an output cell and ends at the moved
point p₀ + pₙ + Δpₙ, over the input (same coordinates as :mod:`.sampling`). Pure builder.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.grid import panels_figure
from convviz.figures.deformable.sampling import arrow_traces, input_spec


def field_figure(
    x: np.ndarray, points: np.ndarray, regular: np.ndarray, *, tap: int, m: int, lang: str
) -> go.Figure:
    """Arrows of tap ``tap`` for every output cell.

    Parameters
    ----------
    x : numpy.ndarray, shape (H, W)
    points : numpy.ndarray, shape (T, H_out, W_out, 2)
        Every moved point (``sampling_points``).
    regular : numpy.ndarray, shape (T, H_out, W_out, 2)
        The same points without their offsets.
    tap : int
    m : int
        Margin drawn around the input.
    """
    start = regular[tap].reshape(-1, 2) + m  # (H_out·W_out, 2)
    end = points[tap].reshape(-1, 2) + m
    figure = panels_figure([input_spec(x, m, lang)])
    figure.add_traces(list(arrow_traces(start, end, marker_size=8)))
    return figure
