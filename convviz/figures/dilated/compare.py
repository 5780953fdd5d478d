"""The dilated stack against three ways to reach (at least) the same receptive field: one
big kernel, a stack of plain 3×3 layers, and 3×3 layers of stride 2.

Rows count weights per channel pair (Σ k²) and the output size kept; the table and the bar
charts are pure (numbers and ``lang`` in).
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from convviz.engine.sizes import conv_output_size
from convviz.figures.common.fit import (
    LINE_PX,
    PHONE_PLOT_PX,
    legible,
    line_count,
    phone_columns,
    title_room,
    wrap_text,
)
from convviz.figures.dilated.receptive import effective_size
from convviz.i18n import translate
from convviz.stacks import Layer
from convviz.style.palette import ROLE_COLOUR

COMPARE_SIZE = 64  # side of the feature map the alternatives are compared on
PLAIN_KERNEL = 3  # kernel of the undilated alternatives


Run = tuple[Layer, int]  # a layer repeated ``count`` times


def same_size_output(size: int, layers: Sequence[Layer]) -> int:
    """Output side after ``layers`` on a size×size map, each padded by ⌊(k̂ − 1)/2⌋ per side.

    The size is kept by a layer of stride 1 with an odd k̂; an even k̂ loses one row, a
    stride s > 1 divides it. Raises ``ConvValueError`` when a layer runs out of rows.
    """
    return _runs_output(size, [(layer, 1) for layer in layers])


def _runs_output(size: int, runs: Sequence[Run]) -> int:
    """:func:`same_size_output` of runs of repeated layers, in at most ``size + 1`` steps
    per run: once a repeat leaves the side unchanged, every further repeat does too."""
    for layer, count in runs:
        pad = (effective_size(layer) - 1) // 2
        for _ in range(count):
            before = size
            size = conv_output_size(size, layer.kernel_size, layer.stride, pad, layer.dilation)
            if size == before:
                break
    return size


def _runs_field(runs: Sequence[Run]) -> int:
    """The receptive field of runs of repeated layers: ``r += (k̂ − 1) · jump`` per layer,
    ``jump *= s``. A run of stride 1 adds ``count · (k̂ − 1) · jump`` in one step; a run of
    stride s > 1 is walked layer by layer (its field grows as sᶜᵒᵘⁿᵗ, so it is short)."""
    field, jump = 1, 1
    for layer, count in runs:
        grow = effective_size(layer) - 1
        if layer.stride == 1:
            field += count * grow * jump
            continue
        for _ in range(count):
            field += grow * jump
            jump *= layer.stride
    return field


def _row(way: str, runs: Sequence[Run], *, size: int) -> dict:
    layers = [layer for layer, _ in runs]
    return {
        "way": way,
        "dilation": max(layer.dilation for layer in layers),
        "layers": sum(count for _, count in runs),
        "params": sum(layer.kernel_size**2 * count for layer, count in runs),
        "output": _runs_output(size, runs),
        "strided": any(layer.stride > 1 for layer in layers),
        "even": any(effective_size(layer) % 2 == 0 for layer in layers),
        "field": _runs_field(runs),
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
        map), ``field`` (its receptive field), ``strided`` (a layer has stride > 1) and
        ``even`` (a layer has an even k̂). Every layer is padded by ⌊(k̂ − 1)/2⌋.

    Raises
    ------
    ConvValueError
        When the learner's layers run out of rows on the size×size map.

    Notes
    -----
    With target field R: one R×R kernel; n = ⌈(R − 1)/2⌉ plain 3×3 layers (field 2n + 1);
    3×3 layers of stride 2 until their field 1 + 2·(2ⁿ − 1) reaches R, each halving the map.
    The plain stack is counted, not built: its n can be in the millions (eight layers of
    stride 4 and dilation 32 reach a field of about 3.6 million), and every column follows
    from n in closed form, so the work is bounded by the learner's layers and the map's side.
    """
    if mode == "parallel":
        layers = [max(layers, key=effective_size)]
    target = _runs_field([(layer, 1) for layer in layers])  # = receptive_field(layers)[-1]
    k = PLAIN_KERNEL
    plain = (Layer(k, 1, 1), max(1, -(-(target - 1) // (k - 1))))
    strided = 1
    while _runs_field([(Layer(k, 2, 1), strided)]) < target:
        strided += 1
    own = [(layer, 1) for layer in layers]
    return [
        _row("branch" if mode == "parallel" else "dilated", own, size=size),
        _row("big_kernel", [(Layer(target, 1, 1), 1)], size=size),
        _row("plain", [plain], size=size),
        _row("strided", [(Layer(k, 2, 1), strided)], size=size),
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
    # Each title over its half of the plot: broken into lines that fit it on a phone.
    # The row names on the left take about 45 % of a phone's plot width.
    half = phone_columns(0.48 * 0.55, PHONE_PLOT_PX)
    titles = tuple(
        wrap_text(translate(f"dilated.compare.chart_{name}", lang), half)
        for name in ("params", "output")
    )
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        horizontal_spacing=0.04,
        subplot_titles=titles,
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
        height=60 + 46 * len(rows) + LINE_PX * (max(map(line_count, titles)) - 1),
        margin={"l": 10, "r": 10, "t": title_room([{"text": t} for t in titles]) + 10, "b": 10},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
    )
    return legible(fig)
