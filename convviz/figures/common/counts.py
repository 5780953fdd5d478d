"""Parameter and multiply-accumulate counts with every term written out.

Learners check a count by reading its terms (``3·3·192·128``), so each layer is kept as data
(kernel, channels, groups) and the number next to the terms always comes from the engine's
counter, never from the string. Used by the grouped page (standard vs grouped vs depthwise
separable) and the 1×1 page (Inception and ResNet-bottleneck blocks).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import plotly.graph_objects as go

from convviz.engine.counting import conv_params
from convviz.engine.sizes import conv_output_size
from convviz.figures.common.fit import LEGIBLE_FONT, legible_layout
from convviz.i18n import translate
from convviz.style.palette import OKABE_ITO


class Layer(NamedTuple):
    """One convolution of a block: ``Conv2d(in_channels, out_channels, k, groups=groups)``."""

    kernel_size: int
    in_channels: int
    out_channels: int
    groups: int = 1


def params(layer: Layer, *, bias: bool = False) -> int:
    """The engine's parameter count of ``layer``: ``k·k·(C_in/g)·C_out`` (+ ``C_out``)."""
    k, cin, cout, g = layer
    return conv_params(cin, cout, k, groups=g, bias=bias)


def terms(layer: Layer, *, bias: bool = False) -> str:
    """``3·3·2·4`` (+ ``4`` with bias): the factors of :func:`params`, in PyTorch's order."""
    k, cin, cout, g = layer
    text = f"{k}·{k}·{cin // g}·{cout}"
    return f"{text} + {cout}" if bias else text


def sum_text(layers: Sequence[Layer], *, bias: bool = False) -> str:
    """``1·1·192·64 + 3·3·192·128 = 233,472``: the terms and the engine's total."""
    total = sum(params(layer, bias=bias) for layer in layers)
    return " + ".join(terms(layer, bias=bias) for layer in layers) + f" = {total:,}"


def block_params(layers: Sequence[Layer], *, bias: bool = False) -> int:
    """Total parameters of a block of layers."""
    return sum(params(layer, bias=bias) for layer in layers)


def comparison(
    in_channels: int, out_channels: int, groups: int, *, kernel_size: int
) -> dict[str, tuple[Layer, ...]]:
    """The layers of each variant the grouped page compares, by name.

    ``standard``, ``grouped`` (``g`` groups), ``depthwise`` (``g = C_in``, ``C_in`` → ``C_in``),
    ``pointwise`` (1×1, ``C_in`` → ``C_out``) and ``separable`` (depthwise then pointwise).
    """
    k, cin, cout = kernel_size, in_channels, out_channels
    depthwise = Layer(k, cin, cin, cin)
    pointwise = Layer(1, cin, cout)
    return {
        "standard": (Layer(k, cin, cout),),
        "grouped": (Layer(k, cin, cout, groups),),
        "depthwise": (depthwise,),
        "pointwise": (pointwise,),
        "separable": (depthwise, pointwise),
    }


def comparison_rows(
    in_channels: int,
    out_channels: int,
    groups: int,
    *,
    kernel_size: int,
    input_size: int,
    bias: bool,
) -> list[dict[str, object]]:
    """One row per variant: weight shapes, parameter terms and total, MAC terms and total.

    Multiply-accumulates count ``k·k·(C_in/g)`` products for each of the ``C_out`` outputs at
    each of the ``H_out · W_out`` positions (stride 1, no padding: ``H_out = i − k + 1``); the
    pointwise layer runs on the depthwise output, so every row has the same ``H_out``.

    Raises
    ------
    ConvValueError
        From the engine, when ``g`` does not divide the channels or ``k > i``.
    """
    out = conv_output_size(input_size, kernel_size)
    rows = []
    for name, layers in comparison(
        in_channels, out_channels, groups, kernel_size=kernel_size
    ).items():
        weights = block_params(layers)
        macs = weights * out * out
        shapes = " + ".join(
            f"({c.out_channels}, {c.in_channels // c.groups}, {c.kernel_size}, {c.kernel_size})"
            for c in layers
        )
        weight_terms = " + ".join(terms(c) for c in layers)
        rows.append(
            {
                "name": name,
                "shapes": shapes,
                "param_terms": sum_text(layers, bias=bias)
                if len(layers) > 1 or bias
                else f"{weight_terms} = {weights:,}",
                "params": block_params(layers, bias=bias),
                "weights": weights,
                "mac_terms": f"({weight_terms}) · {out}·{out} = {macs:,}"
                if len(layers) > 1
                else f"{weights:,} · {out}·{out} = {macs:,}",
                "macs": macs,
            }
        )
    return rows


def comparison_table(rows: Sequence[dict[str, object]], *, groups: int, lang: str) -> str:
    """The rows of :func:`comparison_rows` as a Markdown table."""
    header = [translate(f"counts.col.{c}", lang) for c in ("layer", "shape", "params", "macs")]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        name = translate(f"counts.row.{row['name']}", lang, g=groups)
        lines.append(f"| {name} | {row['shapes']} | {row['param_terms']} | {row['mac_terms']} |")
    return "\n".join(lines)


def savings_text(
    in_channels: int, out_channels: int, groups: int, *, kernel_size: int, lang: str
) -> str:
    """The two ratios the page teaches: grouped = 1/g, separable = 1/C_out + 1/k²."""
    layers = comparison(in_channels, out_channels, groups, kernel_size=kernel_size)
    standard = block_params(layers["standard"])
    grouped = block_params(layers["grouped"])
    separable = block_params(layers["separable"])
    k, cout = kernel_size, out_channels
    ratio = separable / standard
    return "\n\n".join(
        (
            translate(
                "counts.grouped_ratio" if groups > 1 else "counts.grouped_ratio_standard",
                lang,
                g=groups,
                grouped=f"{grouped:,}",
                standard=f"{standard:,}",
            ),
            translate(
                "counts.separable_ratio",
                lang,
                dw=f"{k * k * in_channels:,}",
                pw=f"{in_channels * cout:,}",
                standard=f"{standard:,}",
                cout=cout,
                k2=k * k,
                ratio=f"{ratio:.3f}",
                saving=f"{1 - ratio:.1%}",
            ),
        )
    )


def params_of(rows: Sequence[dict[str, object]], name: str) -> int:
    """The parameter total of the variant ``name`` (e.g. ``"grouped"``) in ``rows``."""
    return next(int(row["params"]) for row in rows if row["name"] == name)


def counts_figure(rows: Sequence[dict[str, object]], *, groups: int, lang: str) -> go.Figure:
    """Horizontal bars of the parameter counts of :func:`comparison_rows`, numbers printed."""
    names = [translate(f"counts.row.{r['name']}", lang, g=groups) for r in rows]
    values = [int(r["params"]) for r in rows]
    colours = [
        OKABE_ITO["blue"] if r["name"] != "grouped" else OKABE_ITO["vermillion"] for r in rows
    ]
    bars = {
        "type": "bar",
        "x": values,
        "y": names,
        "orientation": "h",
        "marker": {"color": colours},
        "text": [f"{v:,}" for v in values],
        "textposition": "auto",
        "textfont": LEGIBLE_FONT,
        "hoverinfo": "skip",
    }
    layout = legible_layout()
    layout["xaxis"].update(visible=False, fixedrange=True)
    layout["yaxis"].update(autorange="reversed", fixedrange=True)
    layout.update(
        height=60 + 34 * len(rows),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        title={"text": translate("counts.chart_title", lang), "font": {"size": 14}},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
    )
    # One checked construction: add_trace, update_layout and legible's updates each re-walk
    # the figure (28 ms for these bars, against 4 ms).
    return go.Figure({"data": [bars], "layout": layout})


# Two published blocks, the channel numbers as parameters: GoogLeNet's Inception (3a) and
# a ResNet-50 bottleneck (the defaults).
INCEPTION_DEFAULTS = {
    "c_in": 192,
    "c1": 64,
    "c2_reduce": 96,
    "c2": 128,
    "c3_reduce": 16,
    "c3": 32,
    "c4": 32,
}
BOTTLENECK_DEFAULTS = {"channels": 256, "mid": 64}


def inception_layers(
    *,
    c_in: int,
    c1: int,
    c2_reduce: int,
    c2: int,
    c3_reduce: int,
    c3: int,
    c4: int,
    reduced: bool,
) -> tuple[Layer, ...]:
    """The convolutions of an Inception block (GoogLeNet), without or with 1×1 reductions.

    Without: 1×1 (C_in→c1), 3×3 (C_in→c2), 5×5 (C_in→c3); the pooling branch has no weights.
    With: 1×1 (C_in→c1), 1×1 (C_in→c2_reduce), 1×1 (C_in→c3_reduce), 3×3 (c2_reduce→c2),
    5×5 (c3_reduce→c3) and the 1×1 (C_in→c4) after pooling — in the order seed 002 sums them.
    """
    if not reduced:
        return (Layer(1, c_in, c1), Layer(3, c_in, c2), Layer(5, c_in, c3))
    return (
        Layer(1, c_in, c1),
        Layer(1, c_in, c2_reduce),
        Layer(1, c_in, c3_reduce),
        Layer(3, c2_reduce, c2),
        Layer(5, c3_reduce, c3),
        Layer(1, c_in, c4),
    )


def bottleneck_layers(channels: int, mid: int, *, bottleneck: bool) -> tuple[Layer, ...]:
    """Two 3×3 convolutions at ``channels``, or the ResNet bottleneck 1×1 → 3×3 → 1×1."""
    if not bottleneck:
        return (Layer(3, channels, channels), Layer(3, channels, channels))
    return (Layer(1, channels, mid), Layer(3, mid, mid), Layer(1, mid, channels))


def block_comparison(
    plain: Sequence[Layer], reduced: Sequence[Layer], *, lang: str, key: str
) -> dict[str, str]:
    """Markdown lines for a plain block and its 1×1-reduced version, and the saving."""
    before, after = block_params(plain), block_params(reduced)
    return {
        "plain": translate(f"counts.{key}.plain", lang, terms=sum_text(plain)),
        "reduced": translate(f"counts.{key}.reduced", lang, terms=sum_text(reduced)),
        "saving": translate(
            "counts.block_saving",
            lang,
            before=f"{before:,}",
            after=f"{after:,}",
            ratio=f"{after / before:.1%}",
            saving=f"{1 - after / before:.1%}",
        ),
    }
