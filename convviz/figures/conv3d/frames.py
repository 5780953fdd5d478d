"""The clip as frames side by side, the kD×kH×kW window sliding over space and time, and the
output frames it builds, as one client-side animation.

The padded input frames fill the top rows, the output frames the rows below. At each step the
window is outlined on the kD frames it reads (t·s_d + a·d_d) and the output cell it writes is
outlined in its frame; the caption under the figure spells out the products and the sum.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.trace3d import ClipTrace, cell_sum_text
from convviz.figures.common.animation import add_play_controls, reserve_below, unchecked_frame
from convviz.figures.common.fit import caption_lines, caption_room
from convviz.figures.common.grid import GridSpec, Highlight, highlight_shape
from convviz.figures.common.layout_set import set_layout
from convviz.figures.common.paging import fit_count
from convviz.figures.common.panels import MAX_ANIMATED_STEPS, caption_trace
from convviz.figures.common.tiles import GAP, tiled_figure, tiled_height
from convviz.i18n import translate
from convviz.style.palette import HIGHLIGHT, CellKind

ROW_WIDTH = 880  # pixels a row of panels may take
TARGET_PX = 26  # cell size the rows are cut for (numbers stay legible)
CAPTION_TERMS = 9
# The tallest frames figure drawn whole and animated: about two laptop screens. A taller one
# could not show the window and the cell it writes at once, and costs the browser most.
MAX_ANIMATED_PX = 1400


def per_row(panel_cols: int, panels: int) -> int:
    """How many panels of ``panel_cols`` columns go in one row."""
    fit = fit_count(panel_cols, TARGET_PX, gap=GAP, width=ROW_WIDTH)
    return min(fit, max(panels, 1))


def cut_rows(inputs: list, outputs: list, in_cols: int, out_cols: int) -> list[list]:
    """Input frames (``in_cols`` wide) then output frames, cut into rows as the figure draws
    them; the items are panels or their shapes."""
    n_in, n_out = per_row(in_cols, len(inputs)), per_row(out_cols, len(outputs))
    rows = [inputs[i : i + n_in] for i in range(0, len(inputs), n_in)]
    return rows + [outputs[i : i + n_out] for i in range(0, len(outputs), n_out)]


def frames_height(trace: ClipTrace, frames: list[int], outputs: list[int]) -> int:
    """Pixels tall the figure of padded ``frames`` and output ``outputs`` is drawn (without
    its caption), known before any panel is built."""
    _, h, w = trace.padded.shape
    _, h_out, w_out = trace.sums.shape
    rows = cut_rows([(h, w)] * len(frames), [(h_out, w_out)] * len(outputs), w, w_out)
    return tiled_height(rows, max_width=ROW_WIDTH)


def whole_clip_px(trace: ClipTrace) -> int:
    """:func:`frames_height` of every padded frame and every output frame."""
    return frames_height(
        trace, list(range(trace.padded.shape[0])), list(range(trace.sums.shape[0]))
    )


def animates(trace: ClipTrace) -> bool:
    """Whether the frames figure draws the whole clip and animates every step: at most
    ``MAX_ANIMATED_STEPS`` output cells and ``MAX_ANIMATED_PX`` tall."""
    return len(trace.cells()) <= MAX_ANIMATED_STEPS and whole_clip_px(trace) <= MAX_ANIMATED_PX


def _range(values: np.ndarray) -> tuple[float, float]:
    lo, hi = float(np.min(values)), float(np.max(values))
    return (lo, hi) if hi > lo else (lo - 1.0, hi + 1.0)


def frame_specs(trace: ClipTrace, lang: str) -> tuple[list[GridSpec], list[GridSpec]]:
    """The padded input frames and the output frames as grid panels.

    Input frames are titled by their index in the clip (border frames as padding); their
    border cells are filled as padding. Each group has one colour range.
    """
    front = trace.pads[0]
    real_values = trace.padded[trace.real]
    inputs = []
    for z, frame in enumerate(trace.padded):  # (H_p, W_p) each
        depth = z - front
        is_real = 0 <= depth < trace.real.shape[0] - front - trace.pads[1]
        title = (
            translate("conv3d.frames.input_title", lang, z=depth)
            if is_real
            else translate("conv3d.frames.pad_title", lang)
        )
        inputs.append(
            GridSpec(
                values=frame,
                title=title,
                role="input",
                kinds=np.where(trace.real[z], CellKind.REAL, CellKind.BORDER_PAD),
                value_range=_range(real_values),
            )
        )
    outputs = [
        GridSpec(
            values=frame,
            title=translate("conv3d.frames.output_title", lang, t=t),
            role="output",
            value_range=_range(trace.sums),
            clickable=True,
        )
        for t, frame in enumerate(trace.sums)  # (H_out, W_out) each
    ]
    return inputs, outputs


def step_highlights(
    trace: ClipTrace, cell: tuple[int, int, int], first_output: int
) -> list[tuple[int, Highlight]]:
    """``(panel, outline)`` of one step: the window on each frame it reads, the cell it writes.

    Input frame z is panel z; output frame t is panel ``first_output + t``.
    """
    t, r, c = cell
    _, r0, c0 = trace.origin(cell)
    _, span_h, span_w = trace.span()
    window = Highlight(r0, c0, r0 + span_h, c0 + span_w, colour=HIGHLIGHT, width=3)
    target = Highlight(r, c, r + 1, c + 1, colour=HIGHLIGHT, width=3)
    return [(z, window) for z in trace.frames_read(cell)] + [(first_output + t, target)]


def step_shapes(trace: ClipTrace, cell: tuple[int, int, int], first_output: int) -> list[dict]:
    """The layout shapes of :func:`step_highlights`."""
    return [
        highlight_shape(box, panel=panel)
        for panel, box in step_highlights(trace, cell, first_output)
    ]


def step_caption(trace: ClipTrace, cell: tuple[int, int, int]) -> str:
    """``y[t, r, c] = products = sum`` (the first products, then "…")."""
    t, r, c = cell
    return f"y[{t}, {r}, {c}] = " + cell_sum_text(trace, cell, max_terms=CAPTION_TERMS)


def still_panels(trace: ClipTrace, cell: tuple[int, int, int]) -> tuple[list[int], list[int]]:
    """The padded input frames and output frames a still figure of step ``cell`` draws: the
    frames from the first the window reads to the last, with one more on each side (inside
    the clip), and the output frame it writes; only the frames read (at most kD) when those
    would make the figure taller than ``MAX_ANIMATED_PX``."""
    read = trace.frames_read(cell)
    first, last = max(read[0] - 1, 0), min(read[-1] + 1, trace.padded.shape[0] - 1)
    around = list(range(first, last + 1))
    if frames_height(trace, around, [cell[0]]) > MAX_ANIMATED_PX:
        return list(read), [cell[0]]
    return around, [cell[0]]


def frames_figure(trace: ClipTrace, *, lang: str, start: int = 0) -> go.Figure:
    """The clip's frames, the window and the output frames, animated over every output cell.

    Parameters
    ----------
    trace : ClipTrace
        From :func:`convviz.engine.trace3d.clip_trace`.
    lang : {"en", "zh"}
    start : int
        The step shown first (row-major index of an output cell; clamped).

    Returns
    -------
    go.Figure
        Panels as :func:`convviz.figures.common.tiles.tiled_figure` (input frames, then output
        frames), then one caption trace. When the clip :func:`animates`, one frame per cell
        (named ``"(t, r, c)"``) moves the outlines and the caption, under the shared play /
        step controls; otherwise the figure shows step ``start`` only, on the frames
        :func:`still_panels` names (a click still reports a panel's number among all the
        frames: input frame z is panel z, output frame t panel D_p + t).
    """
    inputs, outputs = frame_specs(trace, lang)
    cells = trace.cells()
    start = int(np.clip(start, 0, len(cells) - 1))
    if not animates(trace):
        return _still_figure(trace, inputs, outputs, cells[start])
    rows = cut_rows(inputs, outputs, trace.padded.shape[2], trace.sums.shape[2])
    fig = tiled_figure(rows, max_width=ROW_WIDTH)
    first_output = len(inputs)
    _add_caption(fig, rows, step_caption(trace, cells[start]))
    set_layout(fig, shapes=step_shapes(trace, cells[start], first_output))
    index = len(fig.data) - 1
    captions = [caption_lines(step_caption(trace, cell)) for cell in cells]
    reserve_below(fig, caption_room(captions))
    frames = [
        unchecked_frame(
            f"({t}, {r}, {c})",
            [{"type": "scatter", "text": [text]}],
            [index],
            {"shapes": step_shapes(trace, (t, r, c), first_output)},
        )
        for (t, r, c), text in zip(cells, captions, strict=True)
    ]
    return add_play_controls(fig, frames, lang=lang, active=start)


def _add_caption(fig: go.Figure, rows: list[list[GridSpec]], text: str) -> None:
    """The step's caption under the first panel of the last row (a trace added to ``fig``)."""
    anchor = sum(len(row) for row in rows) - len(rows[-1])
    fig.add_trace(caption_trace(caption_lines(text), fig=fig, panel=anchor))


def _still_figure(
    trace: ClipTrace, inputs: list[GridSpec], outputs: list[GridSpec], cell: tuple[int, int, int]
) -> go.Figure:
    """Step ``cell`` alone, on the frames :func:`still_panels` names: with hundreds of output
    cells a whole clip can hold thousands of numbers in a figure several screens tall."""
    shown_in, shown_out = still_panels(trace, cell)
    specs_in = [inputs[z] for z in shown_in]
    specs_out = [outputs[t] for t in shown_out]
    rows = cut_rows(specs_in, specs_out, trace.padded.shape[2], trace.sums.shape[2])
    numbers = shown_in + [len(inputs) + t for t in shown_out]
    fig = tiled_figure(rows, max_width=ROW_WIDTH, panel_numbers=numbers)
    _add_caption(fig, rows, step_caption(trace, cell))
    drawn = {number: place for place, number in enumerate(numbers)}
    shapes = [
        highlight_shape(box, panel=drawn[panel])
        for panel, box in step_highlights(trace, cell, len(inputs))
    ]
    set_layout(fig, shapes=shapes)
    reserve_below(fig, caption_room([fig.data[-1]["text"][0]]))
    return fig
