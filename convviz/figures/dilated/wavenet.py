"""A WaveNet-style causal 1-D stack drawn as layers of nodes joined by their taps, with the
cone of inputs that reach the last output.

With kernel 2 and rates 1, 2, 4, …, the field doubles with every layer: 1 + Σ_l d_l. The
builder is pure (engine results and ``lang`` in).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from convviz.engine.causal import CausalStack
from convviz.figures.common.fit import legible_layout
from convviz.i18n import translate
from convviz.style.palette import HIGHLIGHT


def wavenet_figure(
    dilations: Sequence[int],
    edges: np.ndarray,
    reach: np.ndarray,
    *,
    lang: str,
) -> go.Figure:
    """A causal 1-D stack drawn as layers of nodes joined by the taps that feed them.

    Parameters
    ----------
    dilations : sequence of int
        d of each layer, bottom to top (e.g. 1, 2, 4, 8).
    edges : np.ndarray
        (E, 3) int rows ``(layer, t_in, t_out)``: node ``t_out`` of layer ``layer`` (1-based;
        layer 0 is the input) reads node ``t_in`` of layer ``layer − 1``.
    reach : np.ndarray
        (L + 1, T) bool: which nodes are connected to the last output (layer L, time T − 1).
    lang : {"en", "zh"}

    Returns
    -------
    go.Figure
        Grey edges, vermillion edges inside the cone of the last output, then nodes (filled
        when they reach it). Time runs left to right, the input at the bottom.
    """
    layers, steps = reach.shape
    edges = np.asarray(edges, dtype=int).reshape(-1, 3)  # (E, 3)
    hot = CausalStack(edges, reach).in_cone  # (E,) edges inside the cone
    traces = []
    for mask, colour, width in ((~hot, "#C8C8C8", 1), (hot, HIGHLIGHT, 2)):
        chosen = edges[mask]
        xs = np.full((len(chosen), 3), np.nan)  # (E, 3): from, to, gap
        ys = np.full((len(chosen), 3), np.nan)
        xs[:, 0], xs[:, 1] = chosen[:, 1], chosen[:, 2]
        ys[:, 0], ys[:, 1] = chosen[:, 0] - 1, chosen[:, 0]
        traces.append(
            {
                "type": "scatter",
                "x": xs.ravel(),
                "y": ys.ravel(),
                "mode": "lines",
                "line": {"color": colour, "width": width},
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    layer_idx, time_idx = np.indices(reach.shape)  # (L + 1, T) each
    size = float(np.clip(560 / steps, 5, 14))
    for hit, name_key in ((True, "dilated.wavenet.reach"), (False, "dilated.wavenet.other")):
        mask = reach == hit
        traces.append(
            {
                "type": "scatter",
                "x": time_idx[mask],
                "y": layer_idx[mask],
                "mode": "markers",
                "marker": {
                    "size": size,
                    "color": HIGHLIGHT if hit else "#FFFFFF",
                    "line": {"color": HIGHLIGHT if hit else "#888888", "width": 1.5},
                },
                "name": translate(name_key, lang),
                "hovertext": [
                    translate("dilated.wavenet.hover", lang, layer=int(row), t=int(t))
                    for row, t in zip(layer_idx[mask], time_idx[mask], strict=True)
                ],
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
    ticks = [translate("dilated.wavenet.input", lang)] + [
        translate("dilated.wavenet.layer", lang, d=d) for d in dilations
    ]
    ticks[-1] = translate("dilated.wavenet.output", lang) + f" ({ticks[-1]})"
    layout = legible_layout()
    layout["legend"].update(orientation="h", y=1.0, yanchor="bottom", x=0)
    layout["xaxis"]["title"]["text"] = translate("dilated.wavenet.time", lang)
    layout["xaxis"].update(
        range=[-0.7, steps - 0.3], showgrid=False, zeroline=False, fixedrange=True
    )
    layout["yaxis"].update(
        tickvals=list(range(layers)),
        ticktext=ticks,
        range=[-0.5, layers - 0.5],
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    layout.update(
        height=70 + 52 * layers,
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
    )
    # One checked construction (add_trace, update_layout and legible's updates each re-walk
    # the figure).
    return go.Figure({"data": traces, "layout": layout})
