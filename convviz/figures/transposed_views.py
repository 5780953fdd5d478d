"""What each part of the transposed-convolution page shows: engine results turned into texts,
tables and figures, one function per part.

Every function is pure (numbers and ``lang`` in) so the page can cache it; engine errors
(``ConvValueError``) propagate so the page can explain them in place of the figures. The
hyper-parameters always arrive as the keyword arguments ``stride``, ``padding``,
``output_padding`` and ``dilation`` (see :data:`HYPER`).
"""

from __future__ import annotations

import numpy as np

from convviz.engine.conv import conv2d
from convviz.engine.sizes import (
    conv_output_size,
    conv_transpose_output_size,
    effective_kernel_size,
    forward_input_sizes,
)
from convviz.engine.transpose import conv_transpose2d
from convviz.figures.grid import MAX_NUMBERED_CELLS, GridSpec, format_number, panels_figure
from convviz.figures.palette import CellKind
from convviz.figures.transposed import (
    ScatterData,
    fits_animation,
    scatter_figure,
)
from convviz.figures.transposed_data import (
    checkerboard_counts,
    direct_data,
    matrix_data,
    scatter_data,
)
from convviz.figures.transposed_direct import DirectData, direct_figure, flip_figure, products_text
from convviz.figures.transposed_extras import (
    beyond_stamps,
    checkerboard_figure,
    interior_values,
    output_padding_figure,
)
from convviz.figures.transposed_matrix import (
    MAX_DRAWN_CELLS,
    MIN_LABEL_PX,
    c_figure,
    cell_of,
    ct_figure,
    density,
    grids_figure,
    matrix_px,
    row_text,
)
from convviz.i18n import translate

HYPER = ("stride", "padding", "output_padding", "dilation")
CHECKER_INPUT = 6  # side of the all-ones input of the checkerboard view
MAX_COMPARED_SIDE = 12  # outputs up to this side are drawn once per computation


def transpose_output(x: np.ndarray, kernel: np.ndarray, **hyper: int) -> np.ndarray:
    """(o, o) engine output ``conv_transpose2d`` for one channel."""
    return conv_transpose2d(x[None], kernel[None, None], **hyper)[0]  # (1, o, o) -> (o, o)


def output_size(input_size: int, kernel_size: int, **hyper: int) -> int:
    """o from the engine (raises ``ConvValueError`` for an invalid setting)."""
    return conv_transpose_output_size(
        input_size,
        kernel_size,
        hyper["stride"],
        hyper["padding"],
        hyper["output_padding"],
        hyper["dilation"],
    )


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
        ``forward`` and optional ``larger`` (markdown), ``not_inverse`` (markdown) and
        ``round_trip`` (figure: x beside conv(convtranspose_output(x))).

    Raises
    ------
    ConvValueError
        From the engine when the setting is invalid.
    """
    i, k = x.shape[0], kernel.shape[0]
    s, p, a, d = (hyper[name] for name in HYPER)
    o = output_size(i, k, **hyper)
    y = transpose_output(x, kernel, **hyper)
    back = conv2d(y[None], kernel[None, None], stride=s, padding=p, dilation=d)[0]  # (f, f)
    f = conv_output_size(o, k, s, p, d)
    shown = back[:i, :i]
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
        "forward": translate("transposed.size.forward", lang, k=k, s=s, p=p, dil=dil, o=o, i=i),
        "larger": None,
        "not_inverse": translate(
            "transposed.size.not_inverse",
            lang,
            diff=format_number(diff(shown, x)),
            x00=format_number(x[0, 0]),
            back00=format_number(back[0, 0]),
        ),
        "round_trip": panels_figure(
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
            operators=("≠",),
        ),
    }
    if f != i:
        view["larger"] = translate(
            "transposed.size.forward_larger", lang, a=a, s=s, d=d, o=o, f=f, i=i
        )
    return view


# -- 2. scatter-add ------------------------------------------------------------------------
def scatter_canvas(input_size: int, kernel_size: int, **hyper: int) -> int:
    """Side of the scatter-add canvas: max((i − 1)s + d(k − 1) + 1, p + o)."""
    s, p, d = hyper["stride"], hyper["padding"], hyper["dilation"]
    full = (input_size - 1) * s + effective_kernel_size(kernel_size, d)
    return max(full, p + output_size(input_size, kernel_size, **hyper))


def scatter_animates(input_size: int, kernel_size: int, **hyper: int) -> bool:
    """Whether the scatter-add view can animate in the browser at this setting."""
    side = scatter_canvas(input_size, kernel_size, **hyper)
    return fits_animation(input_size * input_size, side * side)


def scatter_view(
    x: np.ndarray, kernel: np.ndarray, *, lang: str, step: int, animate: bool, **hyper: int
) -> dict:
    """Part 2: texts and the (animated) scatter-add figure.

    Returns
    -------
    dict
        ``texts`` (markdown paragraphs), ``figure``, ``steps`` (number of stamps) and
        ``canvas`` (rows, cols).
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
    return {
        "texts": texts,
        "figure": scatter_figure(data, lang=lang, step=step, animate=animate),
        "steps": data.steps,
        "canvas": data.canvas_shape,
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
        ``cells`` (o²), ``pin`` (r, c) and ``pinned`` (the products and the sum, plain text).
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
    view = {
        "steps": translate("transposed.direct.steps", lang, zeros=s - 1, pad=pad, d_note=d_note),
        "flip": flip_figure(data.kernel, data.flipped, lang=lang),
        "figure": direct_figure(data, lang=lang, pin=pin),
        "animated": fits_animation(o * o, 1),
        "cells": o * o,
        "pin": pin,
        "pinned": f"y[{pin[0]},{pin[1]}] = " + products_text(data, *pin, full=True),
    }
    real = data.kinds[data.rows, data.cols] == CellKind.REAL  # (o, o, k, k): taps on inputs
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
def matrix_view(x: np.ndarray, kernel: np.ndarray, *, lang: str, q: int, **hyper: int) -> dict:
    """Part 4: texts and the figures of C, Cᵀ·x = y and the input / output grids.

    Returns
    -------
    dict
        ``texts`` (markdown), ``notes`` (captions), ``c`` / ``ct`` (figures or None when too
        large), ``grids`` (figure), ``q`` (picked row), ``picked`` (markdown heading) and
        ``row`` (the row of Cᵀ applied to x, plain text).
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
    ct = ct_figure(data, q=q, lang=lang)
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
    elif matrix_px(rows, cols + 6, width=700) < MIN_LABEL_PX:
        notes.append(translate("transposed.matrix.no_symbols", lang))
    r, c = cell_of(q, o)
    return {
        "texts": texts,
        "notes": notes,
        "c": c_figure(data, q=q, lang=lang),
        "c_missing": translate("transposed.matrix.c_too_large", lang, rows=cols, cols=rows),
        "ct": ct,
        "grids": grids_figure(data, q=q, lang=lang),
        "q": q,
        "picked": translate("transposed.matrix.picked", lang, r=r, c=c, q=q),
        "row": row_text(data, q),
        "y": data.y,
    }


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
    p = hyper["padding"]
    scatter = scatter_data(x, kernel, **hyper).stamps.sum(axis=0)[p : p + o, p : p + o]
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


# -- 6. output_padding ---------------------------------------------------------------------
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
        texts.append(
            translate(
                "transposed.opad.only_one",
                lang,
                s=s,
                n=sizes[0] if sizes else smallest,
                i=i,
                d_note=d_note,
            )
        )
    limit = max(s, d)
    figure = None
    if limit > 1:
        pair = (0, a) if a else (0, 1)
        outputs = {
            value: transpose_output(x, kernel, **{**hyper, "output_padding": value})
            for value in pair
        }
        figure = output_padding_figure(outputs, lang=lang)
        shown = pair[1]
        y = outputs[shown]
        o = y.shape[0]
        listed = translate(
            "transposed.opad.where",
            lang,
            right=_listed(y[: o - shown, o - shown :]),
            bottom=_listed(y[o - shown :, :]),
        )
        after.append(translate("transposed.opad.compare", lang, o0=o - shown, a1=shown))
        beyond = beyond_stamps(padding=p, output_padding=shown)
        if beyond < shown:  # some extra rows lie under stamps: their values are computed
            after.append(translate("transposed.opad.computed", lang, a=shown, values=listed))
        if beyond:
            after.append(translate("transposed.opad.beyond", lang, a=shown, p=p, beyond=beyond))
    return {"texts": texts, "table": table, "after": after, "figure": figure}


def _listed(values: np.ndarray, limit: int = 12) -> str:
    """``"18, 51, 36"``: the numbers of ``values`` row by row, at most ``limit`` of them."""
    flat = values.ravel()
    text = ", ".join(format_number(v) for v in flat[:limit])
    return text + (", …" if flat.size > limit else "")


# -- 7. checkerboard -----------------------------------------------------------------------
def checkerboard_view(kernel_size: int, *, lang: str, **hyper: int) -> dict:
    """Part 7: overlap counts for the current k, s (and d), and resize-then-convolve.

    Returns
    -------
    dict
        ``texts`` (markdown), ``figure`` and ``note`` (markdown under it).
    """
    k, s, d = kernel_size, hyper["stride"], hyper["dilation"]
    counts, resized = checkerboard_counts(CHECKER_INPUT, k, stride=s, dilation=d)
    margin = effective_kernel_size(k, d)
    values = interior_values(counts, margin)
    texts = [translate("transposed.checker.explain", lang, n=CHECKER_INPUT)]
    if s == 1:
        texts.append(translate("transposed.checker.stride_one", lang, count=k * k))
    elif len(values) == 1:
        texts.append(translate("transposed.checker.divisible", lang, k=k, s=s, count=values[0]))
    else:
        texts.append(
            translate(
                "transposed.checker.not_divisible",
                lang,
                k=k,
                s=s,
                counts=", ".join(map(str, values)),
            )
        )
    if d > 1:
        texts.append(translate("transposed.checker.dilation", lang, d=d))
    inner = interior_values(resized, k)
    note = translate(
        "transposed.checker.resize_note", lang, s=s, k=k, count=inner[-1] if inner else k * k
    )
    return {
        "texts": texts,
        "figure": checkerboard_figure(counts, resized, kernel_size=k, stride=s, lang=lang),
        "note": note,
        "remedies": translate("transposed.checker.remedies", lang),
        "counts": counts,
    }


# -- 8. PyTorch ----------------------------------------------------------------------------
def _tensor(values: np.ndarray, *, indent: str = "") -> str:
    """(H, W) values as a (1, 1, H, W) float tensor literal, one row per line."""
    rows = "".join(
        f"{indent}    [{', '.join(format_number(v, 6) for v in row)}],\n" for row in values
    )
    return f"torch.tensor([[[\n{rows}{indent}]]], dtype=torch.float32)"


def code_view(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> str:
    """Part 8: ``nn.ConvTranspose2d`` with the shapes, and ``F.conv_transpose2d`` on the exact
    tensors of the page, with the expected output as a comment.

    Raises
    ------
    ConvValueError
        From the engine when the setting is invalid (the page then shows the error).
    """
    i, k = x.shape[0], kernel.shape[0]
    s, p, a, d = (hyper[name] for name in HYPER)
    y = transpose_output(x, kernel, **hyper)
    o = y.shape[0]
    args = f"kernel_size={k}, stride={s}, padding={p}, output_padding={a}, dilation={d}"
    expected = "\n".join("#   " + "  ".join(f"{format_number(v, 4):>6}" for v in row) for row in y)
    lines = [
        "import torch",
        "import torch.nn.functional as F",
        "from torch import nn",
        "",
        translate("transposed.code.layer", lang),
        f"layer = nn.ConvTranspose2d(1, 1, {args}, bias=False)",
        f"print(layer(torch.zeros(1, 1, {i}, {i})).shape)  # torch.Size([1, 1, {o}, {o}])",
        translate(
            "transposed.code.shapes", lang, x_shape=f"(1, 1, {i}, {i})", y_shape=f"(1, 1, {o}, {o})"
        ),
        "",
        translate("transposed.code.functional", lang),
        f"x = {_tensor(x)}",
        f"w = {_tensor(kernel)}",
        f"y = F.conv_transpose2d(x, w, stride={s}, padding={p}, output_padding={a}, dilation={d})",
        "print(y[0, 0])",
        translate("transposed.code.expected", lang),
        expected,
        "",
        translate("transposed.code.not_inverse", lang),
        f"back = F.conv2d(y, w, stride={s}, padding={p}, dilation={d})",
        "print(back.shape == x.shape, torch.allclose(back, x))  # "
        + _round_trips(x, y, kernel, **hyper),
    ]
    return "\n".join(lines)


def _round_trips(x: np.ndarray, y: np.ndarray, kernel: np.ndarray, **hyper: int) -> str:
    """``"True False"``-style comment: whether conv(y) has x's shape, and equals x."""
    back = conv2d(
        y[None],
        kernel[None, None],
        stride=hyper["stride"],
        padding=hyper["padding"],
        dilation=hyper["dilation"],
    )[0]
    same = back.shape == x.shape
    equal = same and bool(np.allclose(back, x))
    return f"{same} {equal}"
