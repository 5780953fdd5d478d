"""Figures of receptive fields: the per-layer table of a stack, the path-count heatmap that shows
gridding holes, ASPP's parallel branches, and a WaveNet-style causal 1-D stack.

The receptive field of a stack grows as r₀ = 1, r_l = r_(l−1) + (k̂_l − 1)·∏_(m<l) s_m with
k̂ = d(k − 1) + 1. A stack of equal rates leaves *holes*: input pixels inside the field joined
to the output by no chain of taps. Builders are pure (engine results and ``lang`` in).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from convviz.engine.receptive import CausalStack, FieldStep, field_steps, receptive_field
from convviz.engine.sizes import conv_output_size, effective_kernel_size
from convviz.figures.grid import GridSpec, Highlight, cell_px, format_number, panels_figure
from convviz.figures.palette import HIGHLIGHT, OKABE_ITO, ROLE_COLOUR, CellKind
from convviz.i18n import translate
from convviz.stacks import Layer

COMPARE_SIZE = 64  # side of the feature map the alternatives are compared on
PLAIN_KERNEL = 3  # kernel of the undilated alternatives
MAX_FIELD_DRAWN = 65  # largest field side drawn as a heatmap; beyond it cells are < 7 px
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


_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def effective_size(layer: Layer) -> int:
    """k̂ = d(k − 1) + 1 of one layer (the engine's formula)."""
    return effective_kernel_size(layer.kernel_size, layer.dilation)


def stack_rows(steps: Sequence[FieldStep], *, lang: str) -> list[dict]:
    """One table row per layer: k, s, d, k̂, the jump ∏ s before it, r_l and how r_l follows.

    Parameters
    ----------
    steps : sequence of FieldStep
        The engine's recurrence term by term (``field_steps(layers)``), one per layer.

    Returns
    -------
    list of dict
        Keys are the translated column titles, in display order.
    """
    col = {
        name: translate(f"dilated.stack.col_{name}", lang)
        for name in ("layer", "kernel", "stride", "dilation", "k_hat", "jump", "rf", "formula")
    }
    return [
        {
            col["layer"]: step.layer,
            col["kernel"]: step.kernel_size,
            col["stride"]: step.stride,
            col["dilation"]: step.dilation,
            col["k_hat"]: step.effective_size,
            col["jump"]: step.jump,
            col["rf"]: step.field,
            col["formula"]: translate(
                "dilated.stack.row_formula",
                lang,
                l=str(step.layer).translate(_SUBSCRIPTS),
                prev=step.previous,
                k_hat=step.effective_size,
                jump=step.jump,
                rf=step.field,
            ),
        }
        for step in steps
    ]


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


def _labels(counts: np.ndarray) -> np.ndarray:
    """Counts as text where the grid is small enough to read them, "" elsewhere."""
    if counts.size > 900:
        return np.full(counts.shape, "", dtype=object)
    return np.vectorize(lambda v: format_number(v) if v else "", otypes=[object])(counts)


def _hole_markers(holes: np.ndarray, *, px: int) -> go.Scatter:
    """Vermillion crosses over the holes (on top of the grey 'not reached' fill)."""
    rows, cols = np.nonzero(holes)
    return go.Scatter(
        x=cols,
        y=rows,
        mode="markers",
        marker={
            "symbol": "x-thin",
            "size": max(5, int(px * 0.45)),
            "line": {"width": 1.5, "color": HIGHLIGHT},
            "color": HIGHLIGHT,
        },
        hoverinfo="skip",
        showlegend=False,
    )


def path_count_figure(counts: np.ndarray, origin: tuple[int, int], *, lang: str) -> go.Figure:
    """Heatmap of how many tap chains join each input pixel to one output pixel.

    Parameters
    ----------
    counts : np.ndarray
        (r, r) path counts from the engine; ``counts[i, j]`` belongs to input offset
        ``(i − origin[0], j − origin[1])`` from the output pixel.
    origin : (int, int)
        Index of offset (0, 0), outlined.
    lang : {"en", "zh"}

    Returns
    -------
    go.Figure
        Cells coloured by log(1 + count) with the count printed (up to 30×30 cells); holes
        (count 0) filled grey and crossed in vermillion.
    """
    counts = np.asarray(counts)
    holes = counts == 0
    rows, cols = counts.shape
    hover = np.empty(counts.shape, dtype=object)
    for i in range(rows):
        for j in range(cols):
            key = "dilated.stack.heat_hover_hole" if holes[i, j] else "dilated.stack.heat_hover"
            hover[i, j] = translate(
                key, lang, dr=i - origin[0], dc=j - origin[1], count=format_number(counts[i, j])
            )
    spec = GridSpec(
        values=np.log1p(counts.astype(float)),
        title=translate("dilated.stack.heat_title", lang),
        role="input",
        kinds=np.where(holes, CellKind.OUTSIDE, CellKind.REAL),
        labels=_labels(counts),
        hover=hover,
        highlights=(
            Highlight(
                origin[0],
                origin[1],
                origin[0] + 1,
                origin[1] + 1,
                colour=ROLE_COLOUR["output"],
                width=3,
            ),
        ),
    )
    fig = panels_figure([spec])
    if holes.any():
        fig.add_trace(_hole_markers(holes, px=cell_px(rows, cols)))
    return fig


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
            font={"color": BRANCH_COLOURS[b % len(BRANCH_COLOURS)], "size": 11},
        )
    return fig


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
    fig = go.Figure()
    for mask, colour, width in ((~hot, "#C8C8C8", 1), (hot, HIGHLIGHT, 2)):
        chosen = edges[mask]
        xs = np.full((len(chosen), 3), np.nan)  # (E, 3): from, to, gap
        ys = np.full((len(chosen), 3), np.nan)
        xs[:, 0], xs[:, 1] = chosen[:, 1], chosen[:, 2]
        ys[:, 0], ys[:, 1] = chosen[:, 0] - 1, chosen[:, 0]
        fig.add_trace(
            go.Scatter(
                x=xs.ravel(),
                y=ys.ravel(),
                mode="lines",
                line={"color": colour, "width": width},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    layer_idx, time_idx = np.indices(reach.shape)  # (L + 1, T) each
    size = float(np.clip(560 / steps, 5, 14))
    for hit, name_key in ((True, "dilated.wavenet.reach"), (False, "dilated.wavenet.other")):
        mask = reach == hit
        fig.add_trace(
            go.Scatter(
                x=time_idx[mask],
                y=layer_idx[mask],
                mode="markers",
                marker={
                    "size": size,
                    "color": HIGHLIGHT if hit else "#FFFFFF",
                    "line": {"color": HIGHLIGHT if hit else "#888888", "width": 1.5},
                },
                name=translate(name_key, lang),
                hovertext=[
                    translate("dilated.wavenet.hover", lang, layer=int(row), t=int(t))
                    for row, t in zip(layer_idx[mask], time_idx[mask], strict=True)
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    ticks = [translate("dilated.wavenet.input", lang)] + [
        translate("dilated.wavenet.layer", lang, d=d) for d in dilations
    ]
    ticks[-1] = translate("dilated.wavenet.output", lang) + f" ({ticks[-1]})"
    fig.update_layout(
        height=70 + 52 * layers,
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
        xaxis={
            "title": translate("dilated.wavenet.time", lang),
            "range": [-0.7, steps - 0.3],
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
        yaxis={
            "tickvals": list(range(layers)),
            "ticktext": ticks,
            "range": [-0.5, layers - 0.5],
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
    )
    return fig


def _same_size_output(size: int, layers: Sequence[Layer]) -> int:
    """Output side after ``layers``, each padded by ⌊(k̂ − 1)/2⌋ (size kept at stride 1)."""
    for layer in layers:
        size = conv_output_size(
            size,
            layer.kernel_size,
            layer.stride,
            (effective_size(layer) - 1) // 2,
            layer.dilation,
        )
    return size


def _row(way: str, layers: Sequence[Layer], *, size: int) -> dict:
    return {
        "way": way,
        "dilation": max(layer.dilation for layer in layers),
        "layers": len(layers),
        "params": sum(layer.kernel_size**2 for layer in layers),
        "output": _same_size_output(size, layers),
        "field": receptive_field([tuple(layer) for layer in layers])[-1],
    }


def comparison(layers: Sequence[Layer], mode: str, *, size: int = COMPARE_SIZE) -> list[dict]:
    """The dilated layers against three ways to reach (at least) the same receptive field.

    Parameters
    ----------
    layers : sequence of Layer
        The learner's stack (``mode="stack"``) or branches (``"parallel"``: the branch with the
        largest field is compared).
    mode : {"stack", "parallel"}
    size : int
        Side of the input feature map.

    Returns
    -------
    list of dict
        Rows with keys ``way`` (``"dilated"`` or, for branches, ``"branch"``; then
        ``"big_kernel"``, ``"plain"``, ``"strided"``), ``dilation`` (largest d),
        ``layers``, ``params`` (weights per channel pair, Σ k²), ``output`` (side of the output
        map) and ``field`` (its receptive field). Every layer is padded by ⌊(k̂ − 1)/2⌋.

    Notes
    -----
    With target field R: one R×R kernel; n = ⌈(R − 1)/2⌉ plain 3×3 layers (field 2n + 1);
    3×3 layers of stride 2 until their field 1 + 2·(2ⁿ − 1) reaches R, each halving the map.
    """
    if mode == "parallel":
        layers = [max(layers, key=effective_size)]
    target = receptive_field([tuple(layer) for layer in layers])[-1]
    k = PLAIN_KERNEL
    plain = [Layer(k, 1, 1)] * max(1, -(-(target - 1) // (k - 1)))
    strided = [Layer(k, 2, 1)]
    while receptive_field([tuple(layer) for layer in strided])[-1] < target:
        strided.append(Layer(k, 2, 1))
    return [
        _row("branch" if mode == "parallel" else "dilated", layers, size=size),
        _row("big_kernel", [Layer(target, 1, 1)], size=size),
        _row("plain", plain, size=size),
        _row("strided", strided, size=size),
    ]


def comparison_labels(rows: Sequence[dict], *, lang: str) -> list[str]:
    """Translated name of each comparison row."""
    names = {
        "dilated": lambda row: translate("dilated.compare.dilated", lang),
        "branch": lambda row: translate("dilated.compare.branch", lang, d=row["dilation"]),
        "big_kernel": lambda row: translate("dilated.compare.big_kernel", lang, k=row["field"]),
        "plain": lambda row: translate("dilated.compare.plain", lang, k=PLAIN_KERNEL),
        "strided": lambda row: translate("dilated.compare.strided", lang, k=PLAIN_KERNEL),
    }
    return [names[row["way"]](row) for row in rows]


def comparison_table(rows: Sequence[dict], *, lang: str) -> list[dict]:
    """The comparison as table rows with translated column titles."""
    col = {
        name: translate(f"dilated.compare.col_{name}", lang)
        for name in ("way", "layers", "params", "output", "rf")
    }
    return [
        {
            col["way"]: label,
            col["layers"]: row["layers"],
            col["params"]: row["params"],
            col["output"]: f"{row['output']}×{row['output']}",
            col["rf"]: f"{row['field']}×{row['field']}",
        }
        for label, row in zip(comparison_labels(rows, lang=lang), rows, strict=True)
    ]


def comparison_figure(rows: Sequence[dict], *, lang: str) -> go.Figure:
    """Two bar charts side by side: weights per channel pair, and output size kept."""
    labels = comparison_labels(rows, lang=lang)
    colours = [ROLE_COLOUR["highlight"]] + [ROLE_COLOUR["muted"]] * (len(rows) - 1)
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        horizontal_spacing=0.04,
        subplot_titles=(
            translate("dilated.compare.chart_params", lang),
            translate("dilated.compare.chart_output", lang),
        ),
    )
    for col, key in ((1, "params"), (2, "output")):
        values = [row[key] for row in rows]
        fig.add_trace(
            go.Bar(
                x=values,
                y=labels,
                orientation="h",
                marker={"color": colours},
                text=[str(v) for v in values],
                textposition="auto",
                hoverinfo="skip",
                showlegend=False,
            ),
            row=1,
            col=col,
        )
    fig.update_yaxes(autorange="reversed", fixedrange=True)
    fig.update_xaxes(fixedrange=True, showgrid=False)
    fig.update_layout(
        height=60 + 46 * len(rows),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
    )
    return fig


def field_origin(layers: Sequence[Layer]) -> int:
    """Index of the output pixel's own position in its field, each layer padded ⌊(k̂ − 1)/2⌋.

    Layer l's padding shifts the field by ⌊(k̂_l − 1)/2⌋ of its jumps (the engine's
    ``field_steps``): Σ_l ⌊(k̂_l − 1)/2⌋ · ∏_(m<l) s_m.
    """
    steps = field_steps([tuple(layer) for layer in layers])
    return sum((step.effective_size - 1) // 2 * step.jump for step in steps)
