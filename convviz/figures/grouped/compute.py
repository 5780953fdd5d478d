"""One grouped convolution computed group by group on small numbers: ``g`` separate
convolutions concatenated, one output channel as its input channels' terms, and all outputs
side by side.

Builders are pure (numbers and ``lang`` in, figure out) and leave the arithmetic to the engine.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.conv import conv2d
from convviz.figures.common.grid import (
    GAP,
    GridSpec,
    Highlight,
    format_number,
    marker_columns,
    panels_figure,
    readable_cell_px,
    selected_cell,
)
from convviz.figures.common.paging import PAGE_PX, per_page
from convviz.figures.grouped.groups import channels_text, first_input_channel, group_of
from convviz.i18n import translate

MAX_TERMS = 4  # input channels of a group drawn in the "x ⋆ w + … = y" view


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
    start = first_input_channel(out_channel, x.shape[0], weight.shape[0], groups)
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
    start = first_input_channel(out_channel, x.shape[0], weight.shape[0], groups)
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
    span: tuple[int, int] | None = None,
) -> go.Figure:
    """``y_o = x_a ⋆ w[o,0] + x_b ⋆ w[o,1] + …``: one output channel from its group's inputs.

    See :func:`terms_specs` for the arguments; returns the panels as one figure. With
    ``span = (start, stop)`` the terms ``start … stop − 1`` of the group are drawn (one page,
    at most :data:`~convviz.figures.common.paging.PAGE_PX` wide), "…" standing for the others,
    and the output after them; ``max_terms`` is then not used.
    """
    if span is None:
        specs, operators = terms_specs(
            x, weight, groups=groups, out_channel=out_channel, max_terms=max_terms
        )
        return panels_figure(specs, operators=operators)
    specs, operators = terms_specs(
        x, weight, groups=groups, out_channel=out_channel, max_terms=None
    )
    kept = [p for c in range(*span) for p in (2 * c, 2 * c + 1)] + [len(specs) - 1]
    return panels_figure(specs, operators=operators, kept=kept, max_width=PAGE_PX)


def terms_per_page(x: np.ndarray, weight: np.ndarray, *, groups: int, out_channel: int) -> int:
    """How many ``x ⋆ w`` terms of output ``out_channel`` fit :data:`PAGE_PX` with their output.

    Cells are as small as keeps their numbers at 14 px (``readable_cell_px``); room is kept
    for the output panel and a "…" on each side. ``x``: ``(C_in, H, W)``; ``weight``:
    ``(C_out, C_in/g, k, k)``.
    """
    specs, _ = terms_specs(x, weight, groups=groups, out_channel=out_channel, max_terms=None)
    pair = x.shape[2] + GAP + weight.shape[3]  # x_c, its gap, w[o, c]
    output = np.shape(specs[-1].values)[1]
    px = readable_cell_px(specs)
    # y and the "=" before it; a page of some terms has "+ … =" there and a leading "… +"
    return per_page(
        x.shape[0] // groups,
        pair,
        px,
        gap=GAP,
        extra_columns=output + GAP,
        marker_columns=2 * marker_columns(px) - GAP,
    )


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
    outputs: np.ndarray,
    *,
    groups: int,
    lang: str,
    selected_output: int | None = None,
    span: tuple[int, int] | None = None,
) -> go.Figure:
    """All output channels side by side (the concatenation), each titled with its group.

    With ``span = (start, stop)`` only those channels are drawn (one page, at most
    :data:`~convviz.figures.common.paging.PAGE_PX` wide), "…" standing for the others.

    Returns
    -------
    go.Figure
        Clickable panels (``customdata`` ``[row, col, panel]``, panel = output channel); the
        selected channel is outlined. See :func:`outputs_specs`.
    """
    specs, operators = outputs_specs(
        outputs, groups=groups, lang=lang, selected_output=selected_output
    )
    if span is None:
        return panels_figure(specs, operators=operators)
    return panels_figure(specs, operators=operators, kept=range(*span), max_width=PAGE_PX)


def outputs_per_page(outputs: np.ndarray, *, groups: int, lang: str) -> int:
    """How many output panels of ``outputs`` ``(C_out, H_out, W_out)`` fit :data:`PAGE_PX`
    with readable numbers (and a "…" on each side)."""
    specs, _ = outputs_specs(outputs, groups=groups, lang=lang)
    px = readable_cell_px(specs)
    count, cols = outputs.shape[0], outputs.shape[2]
    return per_page(count, cols, px, gap=GAP, marker_columns=2 * marker_columns(px))


def clicked_panel(event: object) -> int | None:
    """The output channel (panel) clicked in :func:`outputs_figure`."""
    cell = selected_cell(event)
    return None if cell is None else cell[2]


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
    first = first_input_channel(out_channel, in_channels, out_channels, groups)
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
        group=group_of(out_channel, out_channels, groups),
        channels=channels_text(first, first + cin_g - 1),
    )
