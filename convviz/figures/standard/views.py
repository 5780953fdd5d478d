"""What each section of the standard page shows: engine results turned into texts and figures.

Every view is a pure function of the input values, the kernel fill, the page's setting
keywords (see :mod:`convviz.figures.standard.data`) and ``lang``; the page caches them whole.
Engine errors (``ConvValueError``) propagate so the page can explain them in place.
"""

from __future__ import annotations

import numpy as np

from convviz.engine.arithmetic_text import format_cell
from convviz.engine.errors import ConvValueError
from convviz.engine.lowering import flip_kernel
from convviz.figures.common.matrix_png import png_refusal
from convviz.figures.common.matrix_size import MAX_DRAWN_CELLS
from convviz.figures.common.matrix_window import page_of
from convviz.figures.standard import matrix
from convviz.figures.standard.data import (
    MatrixForm,
    Setting,
    flip_outputs,
    kernel_values,
    leftover,
    matrix_form,
    same_rule_setting,
    setting_from,
    shown_pads,
    window_trace,
)
from convviz.figures.standard.flip import kernels_figure, outputs_figure
from convviz.figures.standard.padding import modes_figure, same_figure
from convviz.figures.standard.window import window_figure, window_hover
from convviz.i18n import translate, translate_error

AXES = ("h", "w")


def is_square(setting: Setting) -> bool:
    """Whether both axes have the same numbers (one formula line is enough)."""
    pairs = (setting.input_hw, setting.kernel_hw, setting.stride, setting.padding)
    return all(a == b for a, b in pairs)


def formula_line(
    size: int, kernel: int, stride: int, pads: tuple[int, int], *, out: int, lang: str
) -> str:
    """``o = ⌊(i + 2p − k) / s⌋ + 1 = ⌊(5 + 2·1 − 3) / 2⌋ + 1 = ⌊4 / 2⌋ + 1 = **3**``.

    ``pads`` is ``(before, after)``; uneven pads are written ``p₁ + p₂``. ``out`` is the
    engine's output size.
    """
    before, after = pads
    numerator = size + before + after - kernel
    if before == after:
        letters, numbers = "i + 2p − k", f"{size} + 2·{before} − {kernel}"
    else:
        letters, numbers = "i + p₁ + p₂ − k", f"{size} + {before} + {after} − {kernel}"
    return translate(
        "standard.size.formula",
        lang,
        letters=letters,
        numbers=numbers,
        s=stride,
        numerator=numerator,
        o=out,
    )


def _axis_lines(setting: Setting, trace, *, lang: str) -> list[str]:
    top, bottom, left, right = trace.pads
    pads = ((top, bottom), (left, right))
    lines = []
    axes = range(1) if is_square(setting) and top == left and bottom == right else range(2)
    for axis in axes:
        line = formula_line(
            setting.input_hw[axis],
            setting.kernel_hw[axis],
            setting.stride[axis],
            pads[axis],
            out=trace.out_hw[axis],
            lang=lang,
        )
        if len(axes) == 2:
            line = translate(f"standard.size.axis_{AXES[axis]}", lang) + line
        lines.append(line)
    return lines


def _rule_lines(setting: Setting, trace, *, lang: str) -> list[str]:
    """How the rule chose the pads (TensorFlow's ⌈i / s⌉, PyTorch's k − 1)."""
    top, bottom, left, right = trace.pads
    if setting.rule == "valid":
        return [translate("standard.size.rule_valid", lang)]
    if setting.rule == "same_torch":
        return [
            translate(
                "standard.size.rule_torch",
                lang,
                kh=setting.kernel_hw[0],
                kw=setting.kernel_hw[1],
                top=top,
                bottom=bottom,
                left=left,
                right=right,
            )
        ]
    if setting.rule == "same_tf":
        lines = []
        for axis, (before, after) in enumerate(((top, bottom), (left, right))):
            i, k, s = setting.input_hw[axis], setting.kernel_hw[axis], setting.stride[axis]
            o = trace.out_hw[axis]
            lines.append(
                translate(f"standard.size.axis_{AXES[axis]}", lang)
                + translate(
                    "standard.size.rule_tf",
                    lang,
                    i=i,
                    s=s,
                    o=o,
                    k=k,
                    total=before + after,
                    before=before,
                    after=after,
                )
            )
        return lines
    return []


def _leftover_lines(setting: Setting, trace, *, lang: str) -> list[str]:
    """The rows / columns the floor drops, and the input cells no window reads at all.

    A dropped input row still counts as read when a window reads a border cell that copies
    it (reflect, replicate, circular); only rows and cells read nowhere are called lost.
    """
    found = leftover(trace, setting)
    read = trace.input_read_counts()  # (H, W), copies in the border included
    lines = []
    for axis, (padded, inputs) in enumerate(
        ((found.padded_rows, found.input_rows), (found.padded_cols, found.input_cols))
    ):
        if not padded:
            continue
        lines_read = read if axis == 0 else read.T  # (rows or columns, the other axis)
        lost = [n for n in inputs if not lines_read[n].any()]
        copied = [n for n in inputs if lines_read[n].any()]
        lines.append(
            translate(
                f"standard.size.leftover_{AXES[axis]}",
                lang,
                count=len(padded),
                padded=", ".join(map(str, padded)),
                inputs=", ".join(map(str, lost)) if lost else "—",
            )
        )
        if copied:
            mode = translate(f"choice.padding_mode.{trace.padding_mode}", lang)
            lines.append(
                translate(
                    f"standard.size.copied_{AXES[axis]}",
                    lang,
                    inputs=", ".join(map(str, copied)),
                    mode=mode,
                )
            )
    never = int(np.count_nonzero(read == 0))
    if never:
        lines.append(translate("standard.size.never_read", lang, count=never, total=read.size))
    elif not lines:
        lines.append(translate("standard.size.exact", lang))
    return lines


def size_view(x: np.ndarray, fill: str, *, lang: str, **setting) -> dict:
    """Output-size formula with the numbers (per axis when they differ), the rule's pads and
    the rows the floor leaves over.

    Raises
    ------
    ConvValueError
        When the engine refuses the setting.
    """
    s = setting_from(**setting)
    trace = window_trace(x, kernel_values(fill, s.kernel_hw), s)
    return {
        "output_hw": trace.out_hw,
        "pads": trace.pads,
        "formula": _axis_lines(s, trace, lang=lang),
        "rule": _rule_lines(s, trace, lang=lang),
        "leftover": _leftover_lines(s, trace, lang=lang),
    }


def window_view(x: np.ndarray, fill: str, pin: tuple[int, int], *, lang: str, **setting) -> dict:
    """Sliding-window section: the animated figure, the pinned cell written out and the hover
    view (``hover``: every output cell's window and products, shown in the browser)."""
    s = setting_from(**setting)
    trace = window_trace(x, kernel_values(fill, s.kernel_hw), s)
    oh, ow = trace.out_hw
    r, c = pin if 0 <= pin[0] < oh and 0 <= pin[1] < ow else (0, 0)
    rows, cols = trace.rows[r, c, :, 0], trace.cols[r, c, 0, :]
    top, _, left, _ = trace.pads
    return {
        "step": r * ow + c,
        "pin": (r, c),
        "figure": window_figure(trace, flipped=s.flip, lang=lang, start=r * ow + c),
        "pinned": translate(
            "standard.window.pinned",
            lang,
            r=r,
            c=c,
            r0=int(rows[0]),
            r1=int(rows[-1]),
            c0=int(cols[0]),
            c1=int(cols[-1]),
            sr=s.stride[0],
            sc=s.stride[1],
        ),
        "pinned_sum": f"y[{r}, {c}] = " + format_cell(trace, (r, c)),
        "legend": translate("standard.window.legend", lang, top=top, left=left),
        "hover": window_hover(trace, flipped=s.flip, pin=(r, c), lang=lang),
    }


def padding_view(x: np.ndarray, fill: str, *, lang: str, **setting) -> dict:
    """Padding section: the four modes on the current border, PyTorch vs TensorFlow "same"."""
    s = setting_from(**setting)
    pads, widened = shown_pads(s)
    notes = [translate("standard.pad.shown_with_one", lang)] if widened else []
    figure, refused = modes_figure(x, pads, lang=lang)
    for mode, err in refused.items():
        mode_name = translate(f"choice.padding_mode.{mode}", lang)
        notes.append(
            translate(
                "standard.pad.refused", lang, mode=mode_name, reason=translate_error(err, lang)
            )
        )
    kernel = kernel_values(fill, s.kernel_hw)
    same = {}
    for rule in ("same_torch", "same_tf"):
        try:
            trace = window_trace(x, kernel, same_rule_setting(s, rule))
        except ConvValueError as err:
            same[rule] = {"error": translate_error(err, lang), "figure": None, "text": ""}
            continue
        top, bottom, left, right = trace.pads
        oh, ow = trace.out_hw
        title = translate(f"standard.pad.{rule}_title", lang)
        same[rule] = {
            "error": None,
            "text": translate(
                "standard.pad.same_pads",
                lang,
                top=top,
                bottom=bottom,
                left=left,
                right=right,
                oh=oh,
                ow=ow,
            ),
            "figure": same_figure(trace, title=title, lang=lang),
        }
    return {
        "pads": pads,
        "figure": figure,
        "notes": notes,
        "same": same,
    }


def flip_view(x: np.ndarray, fill: str, *, lang: str, **setting) -> dict:
    """Cross-correlation vs true convolution on the current setting's numbers."""
    s = setting_from(**setting)
    kernel = kernel_values(fill, s.kernel_hw)
    rotated = flip_kernel(kernel)
    correlation, convolution, difference = flip_outputs(x, kernel, s)  # (H_out, W_out) each
    symmetric = bool(np.array_equal(kernel, rotated))
    largest = float(np.abs(difference).max())
    verdict = (
        translate("standard.flip.symmetric", lang)
        if symmetric
        else translate(
            "standard.flip.differs",
            lang,
            cells=int(np.count_nonzero(difference)),
            total=difference.size,
            largest=f"{largest:g}",
        )
    )
    return {
        "kernels": kernels_figure(kernel, rotated, lang=lang),
        "outputs": outputs_figure(correlation, convolution, difference, lang=lang),
        "symmetric": symmetric,
        "verdict": verdict,
        "difference": difference,
    }


def _matrix_form(x: np.ndarray, fill: str, s) -> tuple[MatrixForm, np.ndarray]:
    """C of setting ``s`` (and the sums of the sliding window it must agree with)."""
    trace = window_trace(x, kernel_values(fill, s.kernel_hw), s)
    return matrix_form(x, trace, flipped=s.flip), trace.sums


def matrix_paging(x: np.ndarray, fill: str, row: int, **setting) -> dict:
    """How C is shown a window at a time.

    Returns
    -------
    dict
        ``first`` (the :class:`MatrixWindow` of the first page, None when C is not drawn cell
        by cell), ``shape`` (m, n) of C and ``follow`` (the row page of row ``row`` and the
        column pages of its taps: where the pickers turn when the pin moves).
    """
    s = setting_from(**setting)
    form, _ = _matrix_form(x, fill, s)
    m, n = form.shape
    if m * n > MAX_DRAWN_CELLS:
        return {"first": None, "shape": (m, n), "follow": (0, ())}
    first = matrix.c_window(form, s.kernel_hw)
    row = min(max(row, 0), m - 1)
    per_row, per_col = first.shape
    taps = {page_of(t, per_col, n) for t in matrix.row_cells(form, row)}
    follow = (page_of(row, per_row, m), tuple(sorted(taps)))
    return {"first": first, "shape": (m, n), "follow": follow}


def matrix_view(
    x: np.ndarray,
    fill: str,
    row: int,
    *,
    lang: str,
    row_page: int = 0,
    col_page: int = 0,
    **setting,
) -> dict:
    """Matrix section: C (the window on pages ``row_page`` × ``col_page``), its sparsity, the
    picked row applied to x, and the window it is.

    ``png_refusal`` says why C is offered as no PNG (None when it is); ``offset`` is the
    first (row, column) of C drawn, which a click on the figure counts from.
    """
    s = setting_from(**setting)
    form, sums = _matrix_form(x, fill, s)
    m, n = form.shape
    row = min(max(row, 0), m - 1)
    stored, total = matrix.sparsity(form)
    window = matrix.c_window(form, s.kernel_hw, row_page=row_page, col_page=col_page)
    figure, drawn = matrix.c_figure(form, row=row, kernel_hw=s.kernel_hw, lang=lang, window=window)
    texts = [
        translate(
            "standard.matrix.shape",
            lang,
            m=m,
            n=n,
            oh=form.output.shape[0],
            ow=form.output.shape[1],
            h=form.vector.shape[0],
            w=form.vector.shape[1],
        ),
        translate(
            "standard.matrix.sparsity",
            lang,
            stored=stored,
            total=total,
            percent=f"{100 * stored / total:.1f}",
            zeros=total - stored,
        ),
    ]
    notes = []
    if form.on_padded:
        notes.append(translate("standard.matrix.on_padded", lang))
    notes.append(translate(f"standard.matrix.drawn_{drawn}", lang, m=m, n=n, cells=m * n))
    paged = drawn in ("symbols", "numbers") and window.paged
    if paged:
        notes.append(translate("matrix_window.note", lang, name="C", m=m, n=n))
    agree = float(np.abs(form.output - sums).max())
    texts.append(translate("standard.matrix.check", lang, diff=f"{agree:.3g}"))
    ow = form.output.shape[1]
    return {
        "row": row,
        "cell": divmod(row, ow),
        "figure": figure,
        "grids": matrix.grids_figure(form, row=row, lang=lang),
        "texts": texts,
        "notes": notes,
        "row_text": matrix.row_text(form, row, s.kernel_hw),
        "picked": translate("standard.matrix.picked", lang, m=row, r=row // ow, c=row % ow),
        "symbolic": form.taps is not None,
        "shape": (m, n),
        "offset": (window.rows[0], window.cols[0]) if paged else (0, 0),
        "png_refusal": png_refusal("C", [(m, n)], lang=lang),
    }
