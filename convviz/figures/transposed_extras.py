"""Two side views of the transposed convolution: what output_padding adds, and where
checkerboard artifacts come from.

output_padding: a stride-s convolution maps up to s input sizes to one output size (the floor
in its size formula), so going back is ambiguous; ``a`` keeps ``a`` more rows / columns at the
bottom / right — rows that padding would have cropped, computed from the stamps like every
other row. Checkerboard: with an all-ones input and kernel, each output cell counts the stamps
that land on it; when k is not divisible by s those counts alternate. Builders are pure.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.figures.grid import GridSpec, Highlight, format_number, panels_figure
from convviz.figures.palette import SECONDARY_HIGHLIGHT, CellKind
from convviz.i18n import translate


def extra_mask(size: int, output_padding: int) -> np.ndarray:
    """(o, o) bool: the last ``output_padding`` rows and columns (the cells ``a`` adds)."""
    mask = np.zeros((size, size), dtype=bool)
    if output_padding:
        mask[size - output_padding :, :] = True
        mask[:, size - output_padding :] = True
    return mask


def beyond_stamps(*, padding: int, output_padding: int) -> int:
    """How many of the ``a`` extra rows lie past the last stamp: max(0, a − p).

    The stamps cover canvas rows 0 … (i − 1)s + d(k − 1); the output ends at canvas row
    (i − 1)s + d(k − 1) − p + a, so exactly ``a − p`` rows (if positive) are never stamped.
    """
    return max(0, output_padding - padding)


def output_padding_figure(outputs: dict[int, np.ndarray], *, lang: str) -> go.Figure:
    """The same transposed convolution for two values of ``output_padding``, side by side.

    Parameters
    ----------
    outputs : dict of int -> np.ndarray
        ``a`` → (o_a, o_a) output of the engine, in increasing ``a`` (two entries).
    lang : {"en", "zh"}

    Returns
    -------
    go.Figure
        One panel per ``a``; the extra rows / columns of the larger one in the OUTPUT_PAD fill
        with their (computed) numbers, outlined; hover says how each extra cell got its value.
    """
    values = np.concatenate([y.ravel() for y in outputs.values()])
    value_range = (float(values.min()), float(values.max()))
    smallest = min(y.shape[0] for y in outputs.values())
    specs = []
    for a, y in outputs.items():
        o = y.shape[0]
        extra = extra_mask(o, o - smallest)
        kinds = np.where(extra, CellKind.OUTPUT_PAD, CellKind.REAL)
        hover = np.empty((o, o), dtype=object)
        for (r, c), value in np.ndenumerate(y):
            if extra[r, c]:
                key = "transposed.opad.hover_extra" if value else "transposed.opad.hover_extra_zero"
                hover[r, c] = translate(key, lang, value=format_number(value))
            else:
                hover[r, c] = translate(
                    "transposed.opad.hover_same", lang, r=r, c=c, value=format_number(value)
                )
        lights = []
        if o > smallest:
            lights = [
                Highlight(smallest, 0, o, o, colour=SECONDARY_HIGHLIGHT, width=2.5),
                Highlight(0, smallest, o, o, colour=SECONDARY_HIGHLIGHT, width=2.5),
            ]
        specs.append(
            GridSpec(
                values=y,
                role="output",
                kinds=kinds,
                hover=hover,
                highlights=lights,
                value_range=value_range,
                title=translate("transposed.opad.title", lang, a=a, o=o),
            )
        )
    return panels_figure(specs, operators=("",))


def interior(counts: np.ndarray, margin: int) -> np.ndarray:
    """``counts`` without ``margin`` cells on every side (the part the border does not touch)."""
    if counts.shape[0] <= 2 * margin:
        return counts
    return counts[margin:-margin, margin:-margin]


def interior_values(counts: np.ndarray, margin: int) -> list[int]:
    """The distinct counts away from the border, ascending."""
    return sorted({int(v) for v in np.unique(interior(counts, margin))})


def checkerboard_figure(
    counts: np.ndarray, resized: np.ndarray, *, kernel_size: int, stride: int, lang: str
) -> go.Figure:
    """Overlap counts of a transposed convolution beside resize-then-convolve.

    Parameters
    ----------
    counts : np.ndarray
        (o, o) stamps per output cell (all-ones input and kernel), from the engine.
    resized : np.ndarray
        (o', o') the same all-ones input resized by s and convolved with an all-ones k×k
        kernel at stride 1, from the engine.

    Returns
    -------
    go.Figure
        Two panels, each on its own colour scale (so uneven counts stand out), numbers in the
        cells, hover with each count.
    """
    specs = []
    for values, key, hover_key in (
        (counts, "transposed.checker.counts_title", "transposed.checker.hover"),
        (resized, "transposed.checker.resize_title", "transposed.checker.hover_resize"),
    ):
        hover = np.empty(values.shape, dtype=object)
        for (r, c), v in np.ndenumerate(values):
            hover[r, c] = translate(hover_key, lang, r=r, c=c, count=format_number(v))
        specs.append(
            GridSpec(
                values=values,
                role="output",
                hover=hover,
                title=translate(key, lang, k=kernel_size, s=stride, o=values.shape[0]),
            )
        )
    return panels_figure(specs, operators=("",))
