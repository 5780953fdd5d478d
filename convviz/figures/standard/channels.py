"""Many channels: C_in input channels, one C_in-channel kernel per filter, C_out output maps.

A filter of ``nn.Conv2d(C_in, C_out, k)`` is C_in kernels deep: kernel slice ``w[o, c]``
slides over input channel ``c`` as in the one-channel views, giving one map per channel, and
the C_in maps are **added** into output map ``o``. C_out filters give C_out maps. The view
shows every one of those numbers: the padded input channels with the window of the pinned
output cell, each filter's slices, each channel's map and their sum, and the sum written out.

The per-channel maps come from the engine's sliding-window traces, the output maps from its
multi-channel ``conv2d``; the two agree (the page says by how much). The values are small
random integers from fixed seeds, so a link shows the same numbers every time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import plotly.graph_objects as go

from convviz.engine.arithmetic_text import format_cell, format_number
from convviz.engine.conv import conv2d
from convviz.engine.lowering import flip_kernel
from convviz.engine.padding import pad2d
from convviz.engine.trace import WindowTrace
from convviz.engine.window_frame import window_frame
from convviz.figures.common.grid import (
    GAP,
    GridSpec,
    Highlight,
    marker_columns,
    panels_figure,
    readable_cell_px,
)
from convviz.figures.common.paging import PAGE_PX, per_page
from convviz.figures.standard.code import channels_code
from convviz.figures.standard.data import Setting, setting_from, window_trace
from convviz.figures.standard.padding import trace_input_spec
from convviz.i18n import translate
from convviz.inputs import make_values

# The channel sliders of this view: a few channels, so every map stays legible.
CHANNEL_CONTROLS = {
    "in_channels": {"default": 3, "max_value": 4},
    "out_channels": {"default": 2, "max_value": 4},
}
INPUT_SEED, WEIGHT_SEED = 1, 2  # make_values("random", …): integers in [−3, 3]


@dataclass(frozen=True)
class ChannelsData:
    """One multi-channel convolution, channel by channel.

    Attributes
    ----------
    x : np.ndarray
        (C_in, H, W) the input channels.
    weight : np.ndarray
        (C_out, C_in, kH, kW) the filters, as the learner set them (not rotated).
    traces : tuple of tuple of WindowTrace
        ``traces[o][c]``: kernel slice ``weight[o, c]`` sliding over channel ``c`` (rotated by
        180° when the setting flips); its ``sums`` is that channel's map (H_out, W_out).
    output : np.ndarray
        (C_out, H_out, W_out) the engine's multi-channel ``conv2d``.
    """

    x: np.ndarray
    weight: np.ndarray
    traces: tuple[tuple[WindowTrace, ...], ...]
    output: np.ndarray

    @property
    def maps(self) -> np.ndarray:
        """(C_out, C_in, H_out, W_out) every channel's map of every filter."""
        return np.array([[t.sums for t in row] for row in self.traces])


def channel_values(
    in_channels: int, out_channels: int, setting: Setting
) -> tuple[np.ndarray, np.ndarray]:
    """The view's input (C_in, H, W) and weight (C_out, C_in, kH, kW): integers in [−3, 3]."""
    x = make_values("random", (in_channels, *setting.input_hw), seed=INPUT_SEED)
    shape = (out_channels, in_channels, *setting.kernel_hw)
    weight = make_values("random", shape, seed=WEIGHT_SEED)
    return x, weight


def multi_channel_output(x: np.ndarray, weight: np.ndarray, setting: Setting) -> np.ndarray:
    """``conv2d`` of all channels at once for ``setting``: (C_out, H_out, W_out).

    TensorFlow's "SAME" pads every channel first (uneven pads), as the one-channel views do.
    """
    applied = flip_kernel(weight) if setting.flip else weight  # (C_out, C_in, kH, kW)
    if setting.rule == "same_tf":
        x, padding = pad2d(x, setting.tf_pads, setting.mode), 0  # (C_in, H_p, W_p)
    else:
        padding = setting.engine_padding()
    return conv2d(x, applied, stride=setting.stride, padding=padding, padding_mode=setting.mode)


def channels_data(in_channels: int, out_channels: int, setting: Setting) -> ChannelsData:
    """The view's numbers for ``setting`` (every error of ``conv2d`` propagates)."""
    x, weight = channel_values(in_channels, out_channels, setting)
    traces = tuple(
        tuple(window_trace(x[c], weight[o, c], setting) for c in range(in_channels))
        for o in range(out_channels)
    )
    return ChannelsData(x, weight, traces, multi_channel_output(x, weight, setting))


def _window(trace: WindowTrace, cell: tuple[int, int]) -> Highlight:
    """The window of output ``cell`` on the padded input."""
    ow = trace.out_hw[1]
    step = cell[0] * ow + cell[1]
    top, left, bottom, right = window_frame(
        trace.padded.shape, trace.kernel.shape, step=step, stride=trace.stride
    ).box
    return Highlight(top, left, bottom, right)


def inputs_specs(data: ChannelsData, cell: tuple[int, int], *, lang: str) -> list[GridSpec]:
    """The C_in padded input channels' panels, the window of ``cell`` on each."""
    specs = []
    for c, trace in enumerate(data.traces[0]):
        hp, wp = trace.padded.shape
        title = translate("standard.channels.input_title", lang, c=c, rows=hp, cols=wp)
        spec = trace_input_spec(trace, lang=lang, title=title)
        specs.append(replace(spec, highlights=(*spec.highlights, _window(trace, cell))))
    return specs


def inputs_figure(
    data: ChannelsData,
    cell: tuple[int, int],
    *,
    lang: str,
    span: tuple[int, int] | None = None,
) -> go.Figure:
    """The C_in padded input channels side by side, the window of ``cell`` on each.

    With ``span`` only channels ``[start, stop)`` are drawn (one page, at most
    :data:`~convviz.figures.common.paging.PAGE_PX` wide), "…" standing for the others.
    """
    specs = inputs_specs(data, cell, lang=lang)
    if span is None:
        return panels_figure(specs)
    return panels_figure(specs, kept=range(*span), max_width=PAGE_PX)


def inputs_per_page(in_channels: int, **setting) -> int:
    """How many padded input channels fit :data:`PAGE_PX` side by side with their numbers at
    14 px (and a "…" on each side), for the page's setting keywords.

    The inputs do not depend on the filters, so one filter's numbers are enough (the count
    holds for every C_out and is cached once for all of them).
    """
    data = channels_data(in_channels, 1, setting_from(**setting))
    specs = inputs_specs(data, (0, 0), lang="en")
    cols = np.shape(specs[0].values)[1]
    px = readable_cell_px(specs)
    return per_page(in_channels, cols, px, gap=GAP, marker_columns=2 * marker_columns(px))


def kernels_figure(data: ChannelsData, o: int, *, lang: str) -> go.Figure:
    """Filter ``o``'s C_in kernel slices as applied (rotated by 180° when flipped)."""
    specs = [
        GridSpec(
            values=trace.kernel,
            title=translate("standard.channels.slice_title", lang, o=o, c=c),
            role="kernel",
        )
        for c, trace in enumerate(data.traces[o])
    ]
    return panels_figure(specs)


def maps_specs(data: ChannelsData, o: int, cell: tuple[int, int], *, lang: str) -> list[GridSpec]:
    """Filter ``o``'s panels: each channel's map, then output map ``o``; ``cell`` outlined."""
    r, c = cell
    mark = (Highlight(r, c, r + 1, c + 1),)
    oh, ow = data.output.shape[1:]
    specs = [
        GridSpec(
            values=trace.sums,
            title=translate("standard.channels.map_title", lang, c=ch),
            role="other",
            highlights=mark,
        )
        for ch, trace in enumerate(data.traces[o])
    ]
    specs.append(
        GridSpec(
            values=data.output[o],
            title=translate("standard.channels.output_title", lang, o=o, rows=oh, cols=ow),
            role="output",
            highlights=mark,
            clickable=True,
        )
    )
    return specs


def maps_operators(in_channels: int) -> tuple[str, ...]:
    """``+`` between the channel maps, ``=`` before the output map."""
    return ("+",) * (in_channels - 1) + ("=",)


def maps_figure(data: ChannelsData, o: int, cell: tuple[int, int], *, lang: str) -> go.Figure:
    """Filter ``o``: each channel's map + … = output map ``o``; ``cell`` outlined, clickable."""
    specs = maps_specs(data, o, cell, lang=lang)
    return panels_figure(specs, operators=maps_operators(len(specs) - 1))


def cell_sum_lines(data: ChannelsData, o: int, cell: tuple[int, int], *, lang: str) -> str:
    """Output cell ``cell`` of map ``o`` written out: one line per channel, then their sum."""
    r, c = cell
    lines = [
        translate("standard.channels.channel_line", lang, c=ch)
        + format_cell(trace, cell, max_terms=None)
        for ch, trace in enumerate(data.traces[o])
    ]
    parts = [format_number(trace.sums[r, c]) for trace in data.traces[o]]
    parts = [f"({p})" if p.startswith("-") else p for p in parts]
    total = format_number(data.output[o, r, c])
    lines.append(f"y[{o}, {r}, {c}] = {' + '.join(parts)} = {total}")
    return "\n".join(lines)


def pinned_cell(data: ChannelsData, pin: tuple[int, int]) -> tuple[int, int]:
    """``pin`` (a clicked or linked output cell) clamped into the output maps."""
    oh, ow = data.output.shape[1:]
    return (min(max(pin[0], 0), oh - 1), min(max(pin[1], 0), ow - 1))


def channels_view(
    in_channels: int,
    out_channels: int,
    pin: tuple[int, int],
    *,
    lang: str,
    inputs_span: tuple[int, int] | None = None,
    **setting,
) -> dict:
    """What the channels tab draws for every filter, for the page's setting keywords.

    ``inputs_span`` is the input channels ``[start, stop)`` drawn (default all; see
    :func:`inputs_per_page`). The filter shown is drawn by :func:`filter_view`: only it is
    built, not all C_out of them.

    Returns
    -------
    dict
        ``inputs`` (figure), ``cell`` (the pinned cell, clamped), ``shapes`` (markdown),
        ``agree`` (largest |Σ maps − conv2d| over every filter), ``code`` (PyTorch that prints
        the same maps).
    """
    s = setting_from(**setting)
    data = channels_data(in_channels, out_channels, s)
    oh, ow = data.output.shape[1:]
    cell = pinned_cell(data, pin)
    (h, w), (kh, kw) = s.input_hw, s.kernel_hw
    shapes = translate(
        "standard.channels.shapes",
        lang,
        cin=in_channels,
        cout=out_channels,
        h=h,
        w=w,
        kh=kh,
        kw=kw,
        oh=oh,
        ow=ow,
        params=out_channels * in_channels * kh * kw,
    )
    pads = data.traces[0][0].pads if s.rule != "same_tf" else (0, 0, 0, 0)
    return {
        "inputs": inputs_figure(data, cell, lang=lang, span=inputs_span),
        "cell": cell,
        "shapes": shapes,
        "agree": float(np.abs(data.maps.sum(axis=1) - data.output).max()),
        "code": channels_code(data.x, data.weight, pads, lang=lang, **setting),
    }


def filter_view(
    in_channels: int, out_channels: int, o: int, pin: tuple[int, int], *, lang: str, **setting
) -> dict:
    """Filter ``o`` of the channels tab, for the page's setting keywords.

    Returns
    -------
    dict
        ``kernels`` (its C_in slices), ``maps`` (each channel's map + … = output map ``o``,
        the pinned cell outlined and clickable), ``sum`` (that cell written out), ``cell``
        (the pinned cell, clamped).
    """
    data = channels_data(in_channels, out_channels, setting_from(**setting))
    cell = pinned_cell(data, pin)
    return {
        "kernels": kernels_figure(data, o, lang=lang),
        "maps": maps_figure(data, o, cell, lang=lang),
        "sum": cell_sum_lines(data, o, cell, lang=lang),
        "cell": cell,
    }
