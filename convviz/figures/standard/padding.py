"""The border of a padded input, drawn so a learner sees where every border cell comes from.

zeros fills it with 0 (the border fill); reflect, replicate and circular copy input cells, so
a copy is coloured like its source and hovering it names the source cell. Builders take the
engine's padded grid and source map (:func:`~convviz.engine.padding.padding_source_index`).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.arithmetic_text import format_number
from convviz.engine.errors import ConvValueError
from convviz.engine.padding import pad2d, padding_source_index
from convviz.engine.trace import WindowTrace
from convviz.figures.common.grid import GridSpec, Highlight, panels_figure
from convviz.i18n import translate
from convviz.param_specs import PADDING_MODES
from convviz.style.palette import SECONDARY_HIGHLIGHT, CellKind


def border_hover(
    padded: np.ndarray,
    source: np.ndarray,
    pads: tuple[int, int, int, int],
    mode: str,
    *,
    lang: str,
    counts: np.ndarray | None = None,
) -> np.ndarray:
    """(H_p, W_p) hover texts: an input cell, a zero, or the input cell a border cell copies.

    ``counts`` (H_p, W_p), when given, adds how many windows read each cell.
    """
    top, bottom, left, right = pads
    hp, wp = padded.shape
    hover = np.empty((hp, wp), dtype=object)
    for r in range(hp):
        for c in range(wp):
            sr, sc = (int(v) for v in source[r, c])
            if sr < 0:
                key = "standard.pad.hover_zero"
            elif top <= r < hp - bottom and left <= c < wp - right:
                key = "standard.pad.hover_input"
            else:
                key = "standard.pad.hover_copy"
            text = translate(key, lang, value=format_number(padded[r, c]), r=sr, c=sc, mode=mode)
            if counts is not None:
                text += "<br>" + translate("standard.pad.hover_reads", lang, count=counts[r, c])
            hover[r, c] = text
    return hover


def padded_spec(
    padded: np.ndarray,
    source: np.ndarray,
    pads: tuple[int, int, int, int],
    mode: str,
    *,
    title: str,
    lang: str,
    counts: np.ndarray | None = None,
    clickable: bool = False,
) -> GridSpec:
    """A padded grid: zeros in the border fill, copies in their source's colour, the input
    region outlined (dotted); with ``counts``, cells no window reads are greyed."""
    top, bottom, left, right = pads
    hp, wp = padded.shape
    kinds = np.full(padded.shape, CellKind.REAL, dtype=int)  # (H_p, W_p)
    kinds[source[..., 0] < 0] = CellKind.BORDER_PAD
    if counts is not None:
        kinds[counts == 0] = CellKind.OUTSIDE
    inner = padded[top : hp - bottom, left : wp - right]  # (H, W)
    lights = ()
    if any(pads):
        lights = (Highlight(top, left, hp - bottom, wp - right, SECONDARY_HIGHLIGHT, 2, "dot"),)
    return GridSpec(
        values=padded,
        title=title,
        role="input",
        kinds=kinds,
        hover=border_hover(padded, source, pads, mode, lang=lang, counts=counts),
        highlights=lights,
        value_range=(float(inner.min()), float(inner.max())),
        clickable=clickable,
    )


def trace_input_spec(trace: WindowTrace, *, lang: str, title: str) -> GridSpec:
    """:func:`padded_spec` of a trace's padded input, with how often each cell is read."""
    return padded_spec(
        trace.padded,
        trace.source,
        trace.pads,
        trace.padding_mode,
        title=title,
        lang=lang,
        counts=trace.read_counts(),
    )


def modes_specs(
    x: np.ndarray, pads: tuple[int, int, int, int], *, lang: str
) -> tuple[list[GridSpec], dict[str, ConvValueError]]:
    """The same input padded by each of the four modes: one panel per accepted mode.

    Parameters
    ----------
    x : np.ndarray
        (H, W) input.
    pads : tuple of int
        ``(top, bottom, left, right)``.

    Returns
    -------
    specs : list of GridSpec
        One (H_p, W_p) panel per mode the engine accepts for these pads, in PADDING_MODES order.
    refused : dict
        Mode -> the engine's error for the modes it refuses (e.g. reflect wider than the input).
    """
    specs, refused = [], {}
    for mode in PADDING_MODES:
        try:
            source = padding_source_index(x.shape, pads, mode)  # (H_p, W_p, 2)
            padded = pad2d(x, pads, mode)  # (H_p, W_p)
        except ConvValueError as err:
            refused[mode] = err
            continue
        title = translate(f"choice.padding_mode.{mode}", lang)
        specs.append(padded_spec(padded, source, pads, mode, title=title, lang=lang))
    return specs, refused


def modes_figure(
    x: np.ndarray, pads: tuple[int, int, int, int], *, lang: str
) -> tuple[go.Figure | None, dict[str, ConvValueError]]:
    """:func:`modes_specs` side by side (None if the engine accepts no mode), and the refusals."""
    specs, refused = modes_specs(x, pads, lang=lang)
    return (panels_figure(specs) if specs else None), refused


def same_specs(trace: WindowTrace, *, title: str, lang: str) -> list[GridSpec]:
    """A "same" rule's (H_p, W_p) padded input and the (H_out, W_out) output it gives."""
    oh, ow = trace.out_hw
    output = GridSpec(
        values=trace.sums,
        title=translate("standard.window.output_title", lang, rows=oh, cols=ow),
        role="output",
    )
    return [trace_input_spec(trace, lang=lang, title=title), output]


def same_figure(trace: WindowTrace, *, title: str, lang: str) -> go.Figure:
    """:func:`same_specs` side by side (sizes in the titles)."""
    return panels_figure(same_specs(trace, title=title, lang=lang), operators=("→",))
