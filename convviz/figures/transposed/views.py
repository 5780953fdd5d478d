"""What each part of the transposed-convolution page shows: engine results turned into texts,
tables and figures, one function per part.

Every function is pure (numbers and ``lang`` in) so the page can cache it; engine errors
(``ConvValueError``) propagate so the page can explain them in place of the figures. The
hyper-parameters always arrive as the keyword arguments ``stride``, ``padding``,
``output_padding`` and ``dilation`` (see :data:`HYPER`).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.transpose_setup import prepare_conv_transpose2d
from convviz.figures.common.grid import MAX_NUMBERED_CELLS, GridSpec, format_number, panels_figure
from convviz.figures.common.matrix_png import png_refusal
from convviz.figures.common.matrix_size import MAX_DRAWN_CELLS
from convviz.figures.common.matrix_window import page_of
from convviz.figures.common.panels import fits_animation
from convviz.figures.transposed.data import (
    HYPER,
    RoundTrip,
    direct_data,
    matrix_data,
    output_size,
    round_trip,
    scatter_data,
    transpose_output,
)
from convviz.figures.transposed.direct import (
    DirectData,
    direct_figure,
    direct_hover,
    direct_specs,
    flip_figure,
    products_text,
)
from convviz.figures.transposed.matrix import (
    c_figure,
    cell_of,
    contributors,
    ct_figure,
    ct_window,
    density,
    forward_part,
    grids_figure,
    row_text,
)
from convviz.figures.transposed.scatter import ScatterData, scatter_figure, scatter_hover
from convviz.i18n import translate
from convviz.style.palette import CellKind

MAX_COMPARED_SIDE = 12  # outputs up to this side are drawn once per computation


def diff(a: np.ndarray, b: np.ndarray) -> float:
    """Largest |a − b| (inf when the shapes differ)."""
    return float(np.max(np.abs(a - b))) if a.shape == b.shape else float("inf")


# -- 1. output size ------------------------------------------------------------------------
def formula_text(
    input_size: int, kernel_size: int, *, lang: str, o: int | None = None, **hyper: int
) -> str:
    """The size formula with the current numbers, and its result ``o`` if valid."""
    values = {
        "i": input_size,
        "k": kernel_size,
        "s": hyper["stride"],
        "p": hyper["padding"],
        "d": hyper["dilation"],
        "a": hyper["output_padding"],
    }
    if o is None:
        return translate("transposed.size.formula_invalid", lang, **values)
    return translate("transposed.size.formula", lang, o=o, **values)


def size_view(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> dict:
    """Part 1: the formula, its terms, the forward convolution and the round trip.

    Returns
    -------
    dict
        ``output_size``, ``formula`` (markdown), ``terms`` (rows: term / value / from),
        ``forward`` and optional ``larger`` (markdown) and ``not_inverse`` (markdown); the
        round trip's figure is :func:`round_trip_figure` (drawn only when asked for).

    Raises
    ------
    ConvValueError
        From the engine when the setting is invalid.
    """
    i, k = x.shape[0], kernel.shape[0]
    s, p, a, d = (hyper[name] for name in HYPER)
    o = output_size(i, k, **hyper)
    trip = round_trip(x, kernel, **hyper)
    f = trip.back.shape[0]  # (f, f): the way back, before cropping to x's size
    rows = [
        ("(i − 1)·s", (i - 1) * s, translate("transposed.size.term_stride", lang, i=i, s=s)),
        ("− 2p", -2 * p, translate("transposed.size.term_padding", lang, p=p)),
        ("d·(k − 1)", d * (k - 1), translate("transposed.size.term_kernel", lang)),
        ("+ a", a, translate("transposed.size.term_output_padding", lang)),
        ("+ 1", 1, translate("transposed.size.term_one", lang)),
    ]
    dil = translate("transposed.size.forward_dilation", lang, d=d) if d > 1 else ""
    view = {
        "output_size": o,
        "formula": formula_text(i, k, lang=lang, o=o, **hyper),
        "terms": [
            {
                translate("transposed.size.col_term", lang): term,
                translate("transposed.size.col_value", lang): value,
                translate("transposed.size.col_from", lang): text,
            }
            for term, value, text in rows
        ],
        "forward": translate(
            "transposed.size.forward" if f == i else "transposed.size.forward_cropped",
            lang,
            k=k,
            s=s,
            p=p,
            dil=dil,
            o=o,
            i=i,
            f=f,
        ),
        "larger": None,
        "not_inverse": _round_trip_text(trip, lang),
    }
    if f != i:
        view["larger"] = translate(
            "transposed.size.forward_larger", lang, a=a, s=s, d=d, o=o, f=f, i=i
        )
    return view


def round_trip_figure(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> go.Figure:
    """x beside conv(conv_transpose(x)) cropped to x's size, joined by "=" or "≠".

    Parameters
    ----------
    x : np.ndarray
        (i, i) the input.
    kernel : np.ndarray
        (k, k) the weights.

    Raises
    ------
    ConvValueError
        From the engine when the setting is invalid.
    """
    i = x.shape[0]
    shown = round_trip(x, kernel, **hyper).shown  # (i, i): the top-left of the way back
    return panels_figure(
        [
            GridSpec(
                values=x,
                role="input",
                title=translate("transposed.size.round_trip_x", lang, i=i),
            ),
            GridSpec(
                values=shown,
                role="output",
                title=translate("transposed.size.round_trip_back", lang, i=i),
            ),
        ],
        operators=("=" if np.allclose(shown, x) else "≠",),
    )


def _round_trip_text(trip: RoundTrip, lang: str) -> str:
    """What conv(conv_transpose(x)) gives at this setting: x for every input, for this x
    only, or something else (with the largest difference)."""
    if trip.exact:
        return translate("transposed.size.exact", lang)
    if np.allclose(trip.shown, trip.x):
        r, c = trip.delta
        return translate(
            "transposed.size.not_inverse_this_x",
            lang,
            r=r,
            c=c,
            delta=format_number(trip.delta_diff),
        )
    return translate(
        "transposed.size.not_inverse",
        lang,
        diff=format_number(trip.diff),
        x00=format_number(trip.x[0, 0]),
        back00=format_number(trip.back[0, 0]),
    )


# -- 2. scatter-add ------------------------------------------------------------------------
def scatter_canvas(input_size: int, kernel_size: int, **hyper: int) -> int:
    """Side of the scatter-add canvas: max((i − 1)s + d(k − 1) + 1, p + o) (the engine's)."""
    setup = prepare_conv_transpose2d(
        np.zeros((1, input_size, input_size)),  # (1, i, i): only the sizes matter
        np.zeros((1, 1, kernel_size, kernel_size)),
        **hyper,
    )
    return setup.canvas_hw()[0]


def scatter_animates(input_size: int, kernel_size: int, **hyper: int) -> bool:
    """Whether the scatter-add view can animate in the browser at this setting."""
    side = scatter_canvas(input_size, kernel_size, **hyper)
    return fits_animation(input_size * input_size, side * side)


def scatter_view(
    x: np.ndarray,
    kernel: np.ndarray,
    *,
    lang: str,
    step: int,
    animate: bool,
    pin: int = 0,
    **hyper: int,
) -> dict:
    """Part 2: texts, the (animated) scatter-add figure and its hover view.

    Returns
    -------
    dict
        ``texts`` (markdown paragraphs), ``figure``, ``steps`` (number of stamps),
        ``canvas`` (rows, cols) and ``hover`` (every input cell's stamp, shown in the browser
        with input cell ``pin`` (row-major) pinned).
    """
    data: ScatterData = scatter_data(x, kernel, **hyper)
    s, p, a, d = (hyper[name] for name in HYPER)
    k = kernel.shape[0]
    texts = [translate("transposed.scatter.explain", lang, s=s, taps=k * k)]
    texts.append(
        translate("transposed.scatter.crop", lang, p=p)
        if p
        else translate("transposed.scatter.no_crop", lang)
    )
    if a:
        texts.append(translate("transposed.scatter.output_pad", lang, a=a))
    if d > 1:
        texts.append(translate("transposed.scatter.dilated", lang, d=d))
    rows, cols = data.canvas_shape
    if rows * cols > MAX_NUMBERED_CELLS:
        texts.append(translate("transposed.numbers_hidden", lang, rows=rows, cols=cols))
    i = x.shape[0]
    return {
        "texts": texts,
        "figure": scatter_figure(data, lang=lang, step=step, animate=animate),
        "steps": data.steps,
        "canvas": data.canvas_shape,
        "hover": scatter_hover(data, pin=divmod(min(max(pin, 0), i * i - 1), i), lang=lang),
    }


# -- 3. direct form ------------------------------------------------------------------------
def direct_view(
    x: np.ndarray, kernel: np.ndarray, *, lang: str, pin: tuple[int, int], **hyper: int
) -> dict:
    """Part 3: the steps, the kernel flip, the sliding window and the pinned cell's sum.

    Returns
    -------
    dict
        ``steps`` (markdown list), ``waste`` (markdown), ``hidden`` (note or None),
        ``flip`` (figure), ``figure`` (animated when light enough), ``animated`` (bool),
        ``cells`` (o²), ``pin`` (r, c), ``pinned`` (the products and the sum, plain text) and
        ``hover`` (every output cell's window and products, shown in the browser).
    """
    data: DirectData = direct_data(x, kernel, **hyper)
    s, a, d = hyper["stride"], hyper["output_padding"], hyper["dilation"]
    o = data.sums.shape[0]
    pin = pin if 0 <= pin[0] < o and 0 <= pin[1] < o else (0, 0)
    b = data.border
    pad = translate(
        "transposed.direct.pad",
        lang,
        top=b,
        bottom=b + a,
        a_note=translate("transposed.direct.a_note", lang, a=a) if a and b + a > 0 else "",
        cut_note=translate("transposed.direct.cut_note", lang) if min(b, b + a) < 0 else "",
    )
    d_note = translate("transposed.direct.d_note", lang, d=d) if d > 1 else ""
    specs = direct_specs(data, data.sums, lang=lang)  # built once for the figure and hover view
    view = {
        "steps": translate("transposed.direct.steps", lang, zeros=s - 1, pad=pad, d_note=d_note),
        "flip": flip_figure(data.kernel, data.flipped, lang=lang),
        "figure": direct_figure(data, lang=lang, pin=pin, specs=specs),
        "animated": fits_animation(o * o, 1),
        "cells": o * o,
        "pin": pin,
        "pinned": f"y[{pin[0]},{pin[1]}] = " + products_text(data, *pin, full=True),
        "hover": direct_hover(data, pin=pin, lang=lang, specs=specs),
    }
    real = (
        data.kinds[data.trace.rows, data.trace.cols] == CellKind.REAL
    )  # (o, o, k, k): taps on inputs
    total = int(real.size)
    zero = total - int(np.count_nonzero(real))
    view["waste"] = translate(
        "transposed.direct.waste",
        lang,
        zero=zero,
        total=total,
        pct=format_number(100 * zero / total, 1),
    )
    n = data.grid.shape[0]
    view["hidden"] = (
        translate("transposed.numbers_hidden", lang, rows=n, cols=n)
        if n * n > MAX_NUMBERED_CELLS
        else None
    )
    return view


# -- 4. matrix -----------------------------------------------------------------------------
def matrix_paging(x: np.ndarray, kernel: np.ndarray, *, q: int, **hyper: int) -> dict:
    """How Cᵀ is shown a window at a time.

    Returns
    -------
    dict
        ``first`` (the :class:`MatrixWindow` of the first page, None when Cᵀ is not drawn
        cell by cell), ``shape`` (o², i'²) of Cᵀ and ``follow`` (the row page of row ``q``
        and the column pages of its inputs: where the pickers turn when ``q`` moves).
    """
    data = matrix_data(x, kernel, **hyper)
    rows, cols = data.c.T.shape
    if rows * cols > MAX_DRAWN_CELLS:
        return {"first": None, "shape": (rows, cols), "follow": (0, ())}
    first = ct_window(data)
    q = q if 0 <= q < rows else 0
    per_row, per_col = first.shape
    used = {page_of(m, per_col, cols) for m in contributors(data, q)}
    follow = (page_of(q, per_row, rows), tuple(sorted(used)))
    return {"first": first, "shape": (rows, cols), "follow": follow}


def matrix_view(
    x: np.ndarray,
    kernel: np.ndarray,
    *,
    lang: str,
    q: int,
    row_page: int = 0,
    col_page: int = 0,
    **hyper: int,
) -> dict:
    """Part 4: texts and the figures of C, Cᵀ·x = y and the input / output grids.

    Returns
    -------
    dict
        ``texts`` (markdown), ``notes`` (captions), ``c`` / ``ct`` (figures or None when too
        large; Cᵀ the window on pages ``row_page`` × ``col_page``, C that window
        transposed), ``offset`` (the first row of Cᵀ drawn, which a click counts from),
        ``grids`` (figure), ``q`` (picked row), ``picked`` (markdown heading) and
        ``row`` (the row of Cᵀ applied to x, plain text), ``png_refusal`` (why Cᵀ is
        offered as no PNG, None when it is), ``c_part`` (what part of C shows when only
        some of its columns do, else None).
    """
    data = matrix_data(x, kernel, **hyper)
    o, n = data.output_size, data.forward_size
    q = q if 0 <= q < o * o else 0
    nnz, total = density(data)
    k = kernel.shape[0]
    rows, cols = o * o, n * n
    texts = [
        translate("transposed.matrix.explain", lang, o=o, n=n, o2=rows, n2=cols),
        translate(
            "transposed.matrix.density",
            lang,
            nnz=nnz,
            total=total,
            rows=cols,
            taps=k * k,
            pct=format_number(100 * nnz / total, 1),
        ),
    ]
    notes = []
    if n != data.input_size:
        notes.append(translate("transposed.matrix.extended", lang, n=n))
    window = ct_window(data, row_page=row_page, col_page=col_page)
    ct = ct_figure(data, q=q, lang=lang, window=window)
    paged = ct is not None and window.paged
    if ct is None:
        notes.append(
            translate(
                "transposed.matrix.too_large",
                lang,
                rows=rows,
                cols=cols,
                cells=rows * cols,
                limit=MAX_DRAWN_CELLS,
            )
        )
    elif paged:
        notes.append(translate("matrix_window.note", lang, name="Cᵀ", m=rows, n=cols))
        if window.shape[1] < cols:
            c0, c1 = window.cols
            notes.append(translate("matrix_window.partial_sum", lang, c0=c0, c1=c1 - 1))
    r, c = cell_of(q, o)
    return {
        "texts": texts,
        "notes": notes,
        "c": c_figure(data, q=q, lang=lang, window=window),
        "c_part": _forward_note(data, window, q, lang=lang),
        "c_missing": translate("transposed.matrix.c_too_large", lang, rows=cols, cols=rows),
        "ct": ct,
        "offset": window.rows[0] if paged else 0,
        "grids": grids_figure(data, q=q, lang=lang),
        "q": q,
        "picked": translate("transposed.matrix.picked", lang, r=r, c=c, q=q),
        "row": row_text(data, q),
        "y": data.y,
        "png_refusal": png_refusal("Cᵀ", [(rows, cols), (cols, 1), (rows, 1)], lang=lang),
    }


def _forward_note(data, window, q: int, *, lang: str) -> str | None:
    """Which columns of C show under Cᵀ when they are fewer than the window's rows."""
    rows = data.c.shape[1]
    if data.c.size > MAX_DRAWN_CELLS:
        return None
    part = forward_part(window, q, output_size=data.output_size)
    if part.cols == window.rows:
        return None
    (c0, c1), (r0, r1) = part.cols, window.rows
    return translate(
        "matrix_window.forward_part", lang, c0=c0, c1=c1 - 1, r0=r0, r1=r1 - 1, last=rows - 1
    )


# -- 5. agreement --------------------------------------------------------------------------
def check_view(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> dict:
    """Part 5: each computation against ``conv_transpose2d``.

    Returns
    -------
    dict
        ``rows`` (computation / shape / largest difference), ``max_diff`` (float),
        ``output`` (o, o) and ``figure`` (the three results beside the reference, or the
        reference alone beyond ``MAX_COMPARED_SIDE``).
    """
    reference = transpose_output(x, kernel, **hyper)
    o = reference.shape[0]
    scatter = scatter_data(x, kernel, **hyper).frames.output[-1]  # all stamps, cropped
    direct = direct_data(x, kernel, **hyper).sums
    matrix = matrix_data(x, kernel, **hyper).y
    results = (("scatter", scatter), ("direct", direct), ("matrix", matrix))
    diffs = [diff(result, reference) for _, result in results]
    rows = [
        {
            translate("transposed.check.col_method", lang): translate(
                f"transposed.check.{name}", lang
            ),
            translate("transposed.check.col_shape", lang): "×".join(map(str, result.shape)),
            translate("transposed.check.col_diff", lang): format_number(value, 12),
        }
        for (name, result), value in zip(results, diffs, strict=True)
    ]
    panels = [(f"transposed.check.title_{name}", result) for name, result in results]
    if o > MAX_COMPARED_SIDE:  # four panels of tiny cells would not be readable
        panels = []
    panels.append(("transposed.check.title_reference", reference))
    lo, hi = float(reference.min()), float(reference.max())
    figure = panels_figure(
        [
            GridSpec(
                values=values, role="output", value_range=(lo, hi), title=translate(key, lang, o=o)
            )
            for key, values in panels
        ],
        operators=("=",) * (len(panels) - 1),
    )
    return {"rows": rows, "max_diff": max(diffs), "output": reference, "figure": figure}
