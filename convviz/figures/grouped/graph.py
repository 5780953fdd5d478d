"""The grouped page's channel-connectivity graph: input channels → filters → output
channels, edges coloured by group, and reading which output a click picked.

Pure: channel counts and ``lang`` in, figure out.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.figures.common.grid import clicked_data
from convviz.figures.grouped.groups import channels_text, group_colour, group_of
from convviz.i18n import translate
from convviz.style.palette import HIGHLIGHT, ROLE_COLOUR


def _node_y(count: int, rows: int) -> np.ndarray:
    """Vertical positions of ``count`` nodes centred in a column ``rows`` tall."""
    return (np.arange(count) + 0.5) * rows / count


def connectivity_figure(
    in_channels: int,
    out_channels: int,
    groups: int,
    *,
    kernel_size: int,
    lang: str,
    selected_output: int | None = None,
) -> go.Figure:
    """Input channels → filters → output channels as a graph, edges coloured by group.

    Parameters
    ----------
    in_channels, out_channels, groups : int
        ``groups`` must divide both channel counts.
    kernel_size : int
        ``k``; filter ``o`` holds a ``(C_in/g, k, k)`` weight (named in the hover text).
    lang : {"en", "zh"}
    selected_output : int, optional
        Output channel whose edges are drawn over the others in the highlight colour.

    Returns
    -------
    go.Figure
        One line trace per group (named in the legend), then the selected path, then three
        node traces (inputs, filters, outputs). Filter and output nodes carry ``customdata``
        ``[o]`` so a click selects that output channel (see :func:`selected_output`).

    Notes
    -----
    The graph has ``C_in · C_out / g`` input→filter edges and ``C_out`` filter→output edges.
    """
    cin_g, cout_g = in_channels // groups, out_channels // groups
    rows = max(in_channels, out_channels)
    y_in, y_out = _node_y(in_channels, rows), _node_y(out_channels, rows)
    traces: list[go.Scatter] = []
    for j in range(groups):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for o in range(j * cout_g, (j + 1) * cout_g):
            for c in range(j * cin_g, (j + 1) * cin_g):
                xs += [0, 1, None]
                ys += [y_in[c], y_out[o], None]
            xs += [1, 2, None]
            ys += [y_out[o], y_out[o], None]
        traces.append(
            go.Scatter(
                _validate=False,  # every value is built here; see the figure at the end
                x=xs,
                y=ys,
                mode="lines",
                line={"color": group_colour(j), "width": 1.6},
                name=translate("grouped.graph.group", lang, group=j),
                hoverinfo="skip",
            )
        )
    if selected_output is not None and 0 <= selected_output < out_channels:
        j = group_of(selected_output, out_channels, groups)
        xs, ys = [], []
        for c in range(j * cin_g, (j + 1) * cin_g):
            xs += [0, 1, None]
            ys += [y_in[c], y_out[selected_output], None]
        xs += [1, 2]
        ys += [y_out[selected_output]] * 2
        traces.append(
            go.Scatter(
                _validate=False,
                x=xs,
                y=ys,
                mode="lines",
                line={"color": HIGHLIGHT, "width": 3.5},
                name=translate("grouped.graph.selected", lang, o=selected_output),
                hoverinfo="skip",
            )
        )
    in_groups = [c // cin_g for c in range(in_channels)]
    out_groups = [o // cout_g for o in range(out_channels)]
    lo = [j * cin_g for j in out_groups]
    hi = [(j + 1) * cin_g - 1 for j in out_groups]
    nodes = (
        (
            0,
            y_in,
            "x",
            "input",
            "circle",
            in_groups,
            [
                translate("grouped.graph.hover_input", lang, c=c, group=in_groups[c])
                for c in range(in_channels)
            ],
        ),
        (
            1,
            y_out,
            "w",
            "kernel",
            "square",
            out_groups,
            [
                translate(
                    "grouped.graph.hover_filter",
                    lang,
                    o=o,
                    group=out_groups[o],
                    cin_g=cin_g,
                    k=kernel_size,
                    channels=channels_text(lo[o], hi[o]),
                )
                for o in range(out_channels)
            ],
        ),
        (
            2,
            y_out,
            "y",
            "output",
            "circle",
            out_groups,
            [
                translate("grouped.graph.hover_output", lang, o=o, group=out_groups[o])
                for o in range(out_channels)
            ],
        ),
    )
    for x, ys, letter, role, symbol, node_groups, hover in nodes:
        count = len(ys)
        traces.append(
            go.Scatter(
                _validate=False,
                x=[x] * count,
                y=ys,
                mode="markers+text",
                marker={
                    "size": 34,  # room for 14-px names such as "y15"
                    "symbol": symbol,
                    "color": "#FFFFFF",
                    "line": {"color": [group_colour(j) for j in node_groups], "width": 3},
                },
                text=[f"{letter}{i}" for i in range(count)],
                textfont={"color": ROLE_COLOUR[role], "size": 14},
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=None if x == 0 else [[i] for i in range(count)],
                showlegend=False,
            )
        )
    titles = (
        translate("grouped.graph.inputs", lang, cin=in_channels),
        translate("grouped.graph.filters", lang, cout=out_channels, cin_g=cin_g, k=kernel_size),
        translate("grouped.graph.outputs", lang, cout=out_channels),
    )
    layout = {
        "height": max(280, 40 * rows + 110),
        "margin": {"l": 10, "r": 10, "t": 56, "b": 10},
        "legend": {"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0, "font": {"size": 14}},
        "xaxis": {"visible": False, "range": [-0.45, 2.45], "fixedrange": True},
        "yaxis": {"visible": False, "range": [rows + 0.1, -0.1], "fixedrange": True},
        "plot_bgcolor": "rgba(0,0,0,0)",
        "paper_bgcolor": "rgba(0,0,0,0)",
        "dragmode": False,
        "clickmode": "event+select",
        "showlegend": groups <= 8,
        "annotations": [
            {
                "text": f"<b>{t}</b>",
                "x": i,
                "y": 1.0,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"color": ROLE_COLOUR[r], "size": 14},
            }
            for i, (t, r) in enumerate(zip(titles, ("input", "kernel", "output"), strict=True))
        ],
    }
    # Plotly's property-by-property checks of up to 16 traces of up to 800 points were most
    # of the time of this figure (about 45 ms); everything above is built here from ints and
    # known colours, and the figure tests validate the whole figure again.
    return go.Figure(data=traces, layout=layout, _validate=False)


def selected_output(event: object) -> int | None:
    """The output channel clicked in :func:`connectivity_figure` (filter or output node)."""
    data = clicked_data(event, size=1)
    return None if data is None else data[0]
