"""Figures of the grouped / depthwise page: channel connectivity, the block-diagonal weight,
and one grouped convolution computed group by group on small numbers.

With ``g`` groups the ``C_in`` input channels and ``C_out`` filters split into ``g`` equal
parts; filter ``o`` belongs to group ``j = o // (C_out/g)`` and sees only input channels
``j·C_in/g … (j+1)·C_in/g − 1``. Every builder here is pure (numbers and ``lang`` in, figure
out) and leaves the arithmetic to the engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import gcd

import numpy as np
import plotly.graph_objects as go

from convviz.engine.conv import conv2d
from convviz.engine.counting import conv_params
from convviz.figures.code_text import align_comments
from convviz.figures.grid import (
    GridSpec,
    Highlight,
    clicked_data,
    format_number,
    grid_figure,
    panels_figure,
    selected_cell,
)
from convviz.figures.palette import HIGHLIGHT, OKABE_ITO, ROLE_COLOUR, CellKind
from convviz.i18n import translate

# One colour per group, cycling; vermillion (and orange, too close to it) stay reserved for
# the selection.
GROUP_COLOURS = (
    OKABE_ITO["blue"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["black"],
)
MAX_TERMS = 4  # input channels of a group drawn in the "x ⋆ w + … = y" view


def check_groups(in_channels: int, out_channels: int, groups: int) -> None:
    """Raise the engine's error when ``groups`` does not divide both channel counts."""
    conv_params(in_channels, out_channels, 1, groups=groups, bias=False)


def valid_groups(in_channels: int, out_channels: int) -> tuple[int, ...]:
    """Every ``g`` that divides both channel counts (the divisors of their gcd), ascending."""
    common = gcd(in_channels, out_channels)
    return tuple(g for g in range(1, common + 1) if common % g == 0)


def group_colour(group: int) -> str:
    """The colour of group ``group`` in every figure of the page."""
    return GROUP_COLOURS[group % len(GROUP_COLOURS)]


def group_of(out_channel: int, out_channels: int, groups: int) -> int:
    """The group filter ``out_channel`` belongs to: ``out_channel // (C_out / g)``."""
    return out_channel // (out_channels // groups)


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
    fig = go.Figure()
    for j in range(groups):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for o in range(j * cout_g, (j + 1) * cout_g):
            for c in range(j * cin_g, (j + 1) * cin_g):
                xs += [0, 1, None]
                ys += [y_in[c], y_out[o], None]
            xs += [1, 2, None]
            ys += [y_out[o], y_out[o], None]
        fig.add_trace(
            go.Scatter(
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
        fig.add_trace(
            go.Scatter(
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
        fig.add_trace(
            go.Scatter(
                x=[x] * count,
                y=ys,
                mode="markers+text",
                marker={
                    "size": 26,
                    "symbol": symbol,
                    "color": "#FFFFFF",
                    "line": {"color": [group_colour(j) for j in node_groups], "width": 3},
                },
                text=[f"{letter}{i}" for i in range(count)],
                textfont={"color": ROLE_COLOUR[role], "size": 11},
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
    height = max(280, 34 * rows + 110)
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 56, "b": 10},
        xaxis={"visible": False, "range": [-0.45, 2.45], "fixedrange": True},
        yaxis={"visible": False, "range": [rows + 0.1, -0.1], "fixedrange": True},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
        clickmode="event+select",
        legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
        showlegend=groups <= 8,
        annotations=[
            {
                "text": f"<b>{t}</b>",
                "x": i,
                "y": 1.0,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"color": ROLE_COLOUR[r], "size": 13},
            }
            for i, (t, r) in enumerate(zip(titles, ("input", "kernel", "output"), strict=True))
        ],
    )
    return fig


def selected_output(event: object) -> int | None:
    """The output channel clicked in :func:`connectivity_figure` (filter or output node)."""
    data = clicked_data(event, size=1)
    return None if data is None else data[0]


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


def grouped_by_hand(x: np.ndarray, weight: np.ndarray, *, groups: int) -> dict[str, object]:
    """A grouped convolution as ``g`` separate convolutions, concatenated, and the check.

    Parameters
    ----------
    x : np.ndarray
        ``(C_in, H, W)``.
    weight : np.ndarray
        ``(C_out, C_in/g, k, k)``.
    groups : int

    Returns
    -------
    dict
        ``per_group``: list of ``g`` arrays ``(C_out/g, H_out, W_out)``, each
        ``conv2d(x[group j's channels], weight[group j's filters])``; ``concatenated``:
        ``(C_out, H_out, W_out)``; ``direct``: ``conv2d(x, weight, groups=g)``; ``max_diff``:
        largest absolute difference between the two.

    Raises
    ------
    ConvValueError
        From the engine, e.g. when ``g`` does not divide the channel counts.
    """
    direct = conv2d(x, weight, groups=groups)  # validates first: (C_out, H_out, W_out)
    cin_g, cout_g = x.shape[0] // groups, weight.shape[0] // groups
    per_group = [
        conv2d(x[j * cin_g : (j + 1) * cin_g], weight[j * cout_g : (j + 1) * cout_g])
        for j in range(groups)
    ]
    concatenated = np.concatenate(per_group, axis=0)  # (C_out, H_out, W_out)
    return {
        "per_group": per_group,
        "concatenated": concatenated,
        "direct": direct,
        "max_diff": float(np.abs(concatenated - direct).max()),
    }


def partial_sums(x: np.ndarray, weight: np.ndarray, *, groups: int, out_channel: int) -> np.ndarray:
    """One output channel split by input channel: ``x_c ⋆ w[o, c′]`` for each ``c′``.

    Returns
    -------
    np.ndarray
        ``(C_in/g, H_out, W_out)``; summing over axis 0 gives output channel ``out_channel``.
    """
    cin_g = x.shape[0] // groups
    start = group_of(out_channel, weight.shape[0], groups) * cin_g
    return np.stack(
        [
            conv2d(x[start + c][None], weight[out_channel, c][None, None])[0]  # (H_out, W_out)
            for c in range(cin_g)
        ]
    )


def terms_specs(
    x: np.ndarray,
    weight: np.ndarray,
    *,
    groups: int,
    out_channel: int,
    max_terms: int | None = MAX_TERMS,
) -> tuple[list[GridSpec], list[str]]:
    """Panels ``x, w, x, w, …, y`` of one output channel and the operators between them.

    Parameters
    ----------
    x : np.ndarray
        ``(C_in, H, W)``.
    weight : np.ndarray
        ``(C_out, C_in/g, k, k)``.
    groups, out_channel : int
    max_terms : int or None
        At most this many ``x ⋆ w`` pairs are drawn (the output always includes all of them;
        the last operator then reads ``+ … =``); ``None`` draws every pair.

    Returns
    -------
    specs : list of GridSpec
        Hovering an output cell lists each channel's share.
    operators : list of str
    """
    cin_g = x.shape[0] // groups
    start = group_of(out_channel, weight.shape[0], groups) * cin_g
    parts = partial_sums(x, weight, groups=groups, out_channel=out_channel)  # (C_in/g, Ho, Wo)
    total = parts.sum(axis=0)  # (H_out, W_out)
    shown = cin_g if max_terms is None else min(cin_g, max_terms)
    specs: list[GridSpec] = []
    operators: list[str] = []
    for c in range(shown):
        specs += [
            GridSpec(x[start + c], title=f"x{start + c}", role="input"),
            GridSpec(weight[out_channel, c], title=f"w[{out_channel},{c}]", role="kernel"),
        ]
        operators += ["⋆", "+"]
    operators[-1] = "+ … =" if shown < cin_g else "="
    hover = np.empty(total.shape, dtype=object)
    for r, col in np.ndindex(total.shape):
        hover[r, col] = terms_sum_text(parts, start=start, out_channel=out_channel, cell=(r, col))
    specs.append(GridSpec(total, title=f"y{out_channel}", role="output", hover=hover))
    return specs, operators


def terms_sum_text(
    parts: np.ndarray, *, start: int, out_channel: int, cell: tuple[int, int]
) -> str:
    """``y3[0,0] = (x2: 1.5) + (x3: −2) = −0.5``: one output cell as its channels' shares.

    ``parts`` is :func:`partial_sums`, ``(C_in/g, H_out, W_out)``; ``start`` the group's first
    input channel.
    """
    r, col = cell
    shares = " + ".join(
        f"(x{start + c}: {format_number(parts[c, r, col])})" for c in range(parts.shape[0])
    )
    total = format_number(parts[:, r, col].sum())
    return f"y{out_channel}[{r},{col}] = {shares} = {total}"


def terms_figure(
    x: np.ndarray,
    weight: np.ndarray,
    *,
    groups: int,
    out_channel: int,
    lang: str,
    max_terms: int = MAX_TERMS,
) -> go.Figure:
    """``y_o = x_a ⋆ w[o,0] + x_b ⋆ w[o,1] + …``: one output channel from its group's inputs.

    See :func:`terms_specs` for the arguments; returns the panels as one figure.
    """
    specs, operators = terms_specs(
        x, weight, groups=groups, out_channel=out_channel, max_terms=max_terms
    )
    return panels_figure(specs, operators=operators)


def outputs_specs(
    outputs: np.ndarray, *, groups: int, lang: str, selected_output: int | None = None
) -> tuple[list[GridSpec], list[str]]:
    """Panels of all output channels (the concatenation), each titled with its group.

    Parameters
    ----------
    outputs : np.ndarray
        ``(C_out, H_out, W_out)``.

    Returns
    -------
    specs : list of GridSpec
        Clickable panels on one colour scale; the selected channel is outlined.
    operators : list of str
        ``"|"`` between the groups.
    """
    cout = outputs.shape[0]
    h, w = outputs.shape[1:]
    lo, hi = float(outputs.min()), float(outputs.max())
    specs = [
        GridSpec(
            outputs[o],
            title=translate("grouped.concat.panel", lang, o=o, group=group_of(o, cout, groups)),
            role="output",
            value_range=(lo, hi),
            clickable=True,
            highlights=[Highlight(0, 0, h, w)] if o == selected_output else (),
        )
        for o in range(cout)
    ]
    operators = ["|" if (o + 1) % (cout // groups) == 0 else "" for o in range(cout - 1)]
    return specs, operators


def outputs_figure(
    outputs: np.ndarray, *, groups: int, lang: str, selected_output: int | None = None
) -> go.Figure:
    """All output channels side by side (the concatenation), each titled with its group.

    Returns
    -------
    go.Figure
        Clickable panels (``customdata`` ``[row, col, panel]``, panel = output channel); the
        selected channel is outlined. See :func:`outputs_specs`.
    """
    specs, operators = outputs_specs(
        outputs, groups=groups, lang=lang, selected_output=selected_output
    )
    return panels_figure(specs, operators=operators)


def pytorch_snippet(
    in_channels: int, out_channels: int, groups: int, *, kernel_size: int, input_size: int
) -> str:
    """PyTorch code doing what the page shows, with the page's numbers."""
    cin, cout, g, k, i = in_channels, out_channels, groups, kernel_size, input_size
    return align_comments(f"""import torch
import torch.nn.functional as F

x = torch.randn(1, {cin}, {i}, {i})                      # (N, C_in, H, W)
conv = torch.nn.Conv2d({cin}, {cout}, kernel_size={k}, groups={g}, bias=False)
print(conv.weight.shape)                  # (C_out, C_in/g, k, k) = ({cout}, {cin // g}, {k}, {k})

# The same as {g} separate convolutions, concatenated along the channels
xs = x.chunk({g}, dim=1)                  # {g} × (1, {cin // g}, {i}, {i})
ws = conv.weight.chunk({g}, dim=0)        # {g} × ({cout // g}, {cin // g}, {k}, {k})
y = torch.cat([F.conv2d(xj, wj) for xj, wj in zip(xs, ws)], dim=1)
print((y - conv(x)).abs().max())          # ~0 (rounding only)

# Depthwise separable: depthwise (groups = C_in) then pointwise 1×1
depthwise = torch.nn.Conv2d({cin}, {cin}, kernel_size={k}, groups={cin}, bias=False)
pointwise = torch.nn.Conv2d({cin}, {cout}, kernel_size=1, bias=False)
count = lambda m: sum(p.numel() for p in m.parameters())
print(count(conv), count(depthwise) + count(pointwise))
""")


def list_text(values: Sequence[int]) -> str:
    """``1, 2, 4`` — a list of valid settings as shown to the learner."""
    return ", ".join(str(v) for v in values)


def kind_text(in_channels: int, out_channels: int, groups: int, *, lang: str) -> str:
    """One sentence naming the case: standard, grouped or depthwise (with its multiplier)."""
    if groups == 1:
        return translate("grouped.kind.standard", lang, cin=in_channels)
    if groups == in_channels:
        m = out_channels // in_channels
        multiplier = translate("grouped.kind.multiplier", lang, m=m) if m > 1 else ""
        return translate("grouped.kind.depthwise", lang, g=groups, multiplier=multiplier)
    return translate(
        "grouped.kind.grouped",
        lang,
        g=groups,
        cin=in_channels,
        cin_g=in_channels // groups,
        cout_g=out_channels // groups,
    )


def compute_caption(
    in_channels: int,
    out_channels: int,
    groups: int,
    *,
    k: int,
    i: int,
    seed: int,
    out_channel: int,
    lang: str,
) -> str:
    """What the computation section shows, with the numbers of the current setting."""
    cin_g = in_channels // groups
    group = group_of(out_channel, out_channels, groups)
    return translate(
        "grouped.compute.caption",
        lang,
        seed=seed,
        cin=in_channels,
        i=i,
        cout=out_channels,
        cin_g=cin_g,
        k=k,
        o=out_channel,
        group=group,
        channels=channels_text(group * cin_g, (group + 1) * cin_g - 1),
    )


def channels_text(lo: int, hi: int) -> str:
    """``x2 … x3`` for a group's input channels, or ``x2`` when the group has one."""
    return f"x{lo}" if lo == hi else f"x{lo} … x{hi}"


def clicked_panel(event: object) -> int | None:
    """The output channel (panel) clicked in :func:`outputs_figure`."""
    cell = selected_cell(event)
    return None if cell is None else cell[2]
