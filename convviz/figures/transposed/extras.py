"""Two side views of the transposed convolution: what output_padding adds, and where
checkerboard artifacts come from.

output_padding: a stride-s convolution maps up to s input sizes to one output size (the floor
in its size formula), so going back is ambiguous; ``a`` keeps ``a`` more rows / columns at the
bottom / right — rows that padding would have cropped, computed from the stamps like every
other row. Checkerboard: with an all-ones input and kernel, each output cell counts the stamps
that land on it; when k is not divisible by s those counts alternate. The figure builders
are pure; the two view functions at the end turn the engine's numbers into the tabs' texts.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.checkerboard import interior_overlap_counts
from convviz.engine.sizes import (
    conv_transpose_output_size,
    effective_kernel_size,
    forward_input_sizes,
    output_padding_range,
)
from convviz.figures.common.grid import GridSpec, Highlight, format_number, panels_figure
from convviz.figures.transposed.data import HYPER, checkerboard_counts, transpose_output
from convviz.i18n import translate
from convviz.style.palette import SECONDARY_HIGHLIGHT, CellKind

CHECKER_INPUT = 6  # side of the all-ones input of the checkerboard view


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


def output_padding_pair(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> dict | None:
    """Two values of ``a`` → their (o_a, o_a) engine outputs, the smaller first.

    The current ``a`` and the smallest valid value below it whose output is not empty; when
    there is none (``a`` is the smallest), the current ``a`` and ``a + 1``. None when no
    second value is valid (``max(s, d) == 1``, or every other ``a`` empties the output).
    """
    a = hyper["output_padding"]
    allowed = output_padding_range(hyper["stride"], hyper["dilation"])
    full = conv_transpose_output_size(
        x.shape[0], kernel.shape[0], hyper["stride"], 0, 0, hyper["dilation"]
    )  # o at p = 0, a = 0: (i − 1)s + d(k − 1) + 1
    lowest = max(0, 2 * hyper["padding"] - full + 1)  # the smallest a with o >= 1
    pair = (lowest, a) if lowest < a else (a, a + 1)
    if pair[1] not in allowed:
        return None
    return {
        value: transpose_output(x, kernel, **{**hyper, "output_padding": value}) for value in pair
    }


def output_padding_counts(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> dict | None:
    """Stamps landing on each cell for the two values of :func:`output_padding_pair`.

    The same transposed convolution of an all-ones input with an all-ones kernel: each cell
    counts the (input, tap) pairs that reach it, so 0 means no stamp does.
    """
    return output_padding_pair(np.ones_like(x), np.ones_like(kernel), **hyper)


def output_padding_specs(
    outputs: dict[int, np.ndarray], counts: dict[int, np.ndarray], *, lang: str
) -> list[GridSpec]:
    """The same transposed convolution for two values of ``output_padding``, one panel each.

    Parameters
    ----------
    outputs : dict of int -> np.ndarray
        ``a`` → (o_a, o_a) output of the engine, in increasing ``a`` (two entries).
    counts : dict of int -> np.ndarray
        ``a`` → (o_a, o_a) stamps per cell (:func:`output_padding_counts`).
    lang : {"en", "zh"}

    Returns
    -------
    list of GridSpec
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
                key = "transposed.opad.hover_extra"
                if not counts[a][r, c]:
                    key = "transposed.opad.hover_extra_zero"
                elif not value:
                    key = "transposed.opad.hover_extra_cancel"
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
    return specs


def output_padding_figure(
    outputs: dict[int, np.ndarray], counts: dict[int, np.ndarray], *, lang: str
) -> go.Figure:
    """:func:`output_padding_specs` side by side."""
    return panels_figure(output_padding_specs(outputs, counts, lang=lang), operators=("",))


def checkerboard_specs(
    counts: np.ndarray, resized: np.ndarray, *, kernel_size: int, stride: int, lang: str
) -> list[GridSpec]:
    """Overlap counts of a transposed convolution and resize-then-convolve, one panel each.

    Parameters
    ----------
    counts : np.ndarray
        (o, o) stamps per output cell (all-ones input and kernel), from the engine.
    resized : np.ndarray
        (o', o') the same all-ones input resized by s and convolved with an all-ones k×k
        kernel at stride 1, from the engine.

    Returns
    -------
    list of GridSpec
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
                colour_by="value",  # the checkerboard is a pattern of values, whatever the switch
                hover=hover,
                title=translate(key, lang, k=kernel_size, s=stride, o=values.shape[0]),
            )
        )
    return specs


def checkerboard_figure(
    counts: np.ndarray, resized: np.ndarray, *, kernel_size: int, stride: int, lang: str
) -> go.Figure:
    """:func:`checkerboard_specs` side by side."""
    specs = checkerboard_specs(counts, resized, kernel_size=kernel_size, stride=stride, lang=lang)
    return panels_figure(specs, operators=("",))


# -- the views ---------------------------------------------------------------------------
def output_padding_view(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> dict:
    """Part 6: the forward sizes that collide, and the extra row / column with its values.

    Returns
    -------
    dict
        ``texts`` (markdown before the table), ``table`` (rows or None), ``after``
        (markdown after the table) and ``figure`` (two values of a side by side, or None).
    """
    i, k = x.shape[0], kernel.shape[0]
    s, p, a, d = (hyper[name] for name in HYPER)
    sizes = forward_input_sizes(i, k, s, p, d)
    smallest = (i - 1) * s + effective_kernel_size(k, d) - 2 * p
    texts, after = [], []
    table = None
    if len(sizes) > 1:
        texts.append(translate("transposed.opad.explain", lang, s=s, i=i))
        table = [
            {
                translate("transposed.opad.col_n", lang): f"{n}×{n}",
                translate("transposed.opad.col_formula", lang): f"{i}×{i}",
                translate("transposed.opad.col_a", lang): f"a = {n - smallest}"
                + (f"  {translate('transposed.opad.current', lang)}" if n - smallest == a else ""),
            }
            for n in sizes
        ]
    else:
        d_note = translate("transposed.opad.d_note", lang, d=d, s=s) if d > s else ""
        if sizes:  # one size; a = n − i_min (not 0 when i_min < 1 is no size at all)
            only = {"n": sizes[0], "a": sizes[0] - smallest}
            texts.append(
                translate("transposed.opad.only_one", lang, s=s, i=i, d_note=d_note, **only)
            )
        else:
            texts.append(translate("transposed.opad.no_forward", lang, s=s, i=i, a=a))
    figure = None
    outputs = output_padding_pair(x, kernel, **hyper)
    if outputs is not None:
        counts = output_padding_counts(x, kernel, **hyper)
        figure = output_padding_figure(outputs, counts, lang=lang)
        low, shown = outputs
        y = outputs[shown]
        o, extra = y.shape[0], shown - low
        listed = translate(
            "transposed.opad.where",
            lang,
            right=_listed(y[: o - extra, o - extra :]),
            bottom=_listed(y[o - extra :, :]),
        )
        after.append(translate("transposed.opad.compare", lang, o0=o - extra, a0=low, a1=shown))
        beyond = min(extra, beyond_stamps(padding=p, output_padding=shown))
        if beyond < extra:  # some extra rows lie under stamps: their values are computed
            after.append(translate("transposed.opad.computed", lang, a=extra, values=listed))
        if beyond:
            after.append(translate("transposed.opad.beyond", lang, a=shown, p=p, beyond=beyond))
    return {"texts": texts, "table": table, "after": after, "figure": figure}


def _listed(values: np.ndarray, limit: int = 12) -> str:
    """``"18, 51, 36"``: the numbers of ``values`` row by row, at most ``limit`` of them."""
    flat = values.ravel()
    text = ", ".join(format_number(v) for v in flat[:limit])
    return text + (", …" if flat.size > limit else "")


def checkerboard_view(kernel_size: int, *, lang: str, **hyper: int) -> dict:
    """Part 7: overlap counts for the current k, s (and d), and resize-then-convolve.

    Returns
    -------
    dict
        ``texts`` (markdown), ``figure`` and ``note`` (markdown under it).
    """
    k, s, d = kernel_size, hyper["stride"], hyper["dilation"]
    counts, resized = checkerboard_counts(CHECKER_INPUT, k, stride=s, dilation=d)
    values = interior_overlap_counts(k, stride=s, dilation=d)
    listed = ", ".join(map(str, values))
    texts = [translate("transposed.checker.explain", lang, n=CHECKER_INPUT)]
    if s == 1:
        texts.append(translate("transposed.checker.stride_one", lang, count=k * k))
    elif d > 1:
        key = "dilated_even" if len(values) == 1 else "dilated_uneven"
        texts.append(translate(f"transposed.checker.{key}", lang, k=k, s=s, d=d, counts=listed))
    elif len(values) == 1:
        texts.append(translate("transposed.checker.divisible", lang, k=k, s=s, count=values[0]))
    else:
        texts.append(translate("transposed.checker.not_divisible", lang, k=k, s=s, counts=listed))
    # a stride-1 convolution with zero padding: every cell away from the border sums k² inputs
    note = translate("transposed.checker.resize_note", lang, s=s, k=k, count=k * k)
    return {
        "texts": texts,
        "figure": checkerboard_figure(counts, resized, kernel_size=k, stride=s, lang=lang),
        "note": note,
        "remedies": translate("transposed.checker.remedies", lang),
        "counts": counts,
    }
