"""What the dilated page's sections show: engine results turned into texts, tables and
figures for the kernel with gaps, the sliding window, the WaveNet stack and the alternatives.

Every function is pure (numbers and ``lang`` in). The page caches the section views whole
with ``cached_figure`` (shared objects: nothing modifies a view after it is built); engine
errors (``ConvValueError``) propagate so the page can explain them. The stack of section 3
is :mod:`dilated_stack`, the PyTorch code :mod:`dilated_code`, the downloads
:mod:`dilated_files`.
"""

from __future__ import annotations

import numpy as np

from convviz.engine.causal import causal_field, causal_stack_edges
from convviz.engine.sizes import conv_output_size, effective_kernel_size, floor_remainder
from convviz.engine.trace import sliding_trace
from convviz.engine.unreached import unreached_rows_cols
from convviz.figures.dilated.compare import (
    COMPARE_SIZE,
    comparison,
    comparison_figure,
    comparison_table,
)
from convviz.figures.dilated.kernel import kernel_figure, kernel_values, spread_kernel
from convviz.figures.dilated.wavenet import wavenet_figure
from convviz.figures.dilated.window import (
    products_text,
    window_figure,
    window_hover,
    window_specs,
)
from convviz.i18n import translate
from convviz.stacks import Layer


def kernel_view(kernel_size: int, dilation: int, fill: str, lang: str) -> dict:
    """Section 1: the formula texts and the kernel figure."""
    k, d = kernel_size, dilation
    kernel = kernel_values(fill, k)
    k_hat = effective_kernel_size(k, d)
    if d == 1:
        params_text = translate("dilated.kernel.no_gaps", lang, k=k)
    else:
        params_text = translate(
            "dilated.kernel.params", lang, k=k, params=k * k, gaps=k_hat**2 - k * k, k_hat=k_hat
        )
    return {
        "size_text": translate("dilated.kernel.size", lang, d=d, k=k, k_hat=k_hat),
        "params_text": params_text,
        "figure": kernel_figure(kernel, spread_kernel(kernel, d), dilation=d, lang=lang),
    }


def never_read_note(never: int, lang: str, *, i: int, k: int, s: int, p: int, d: int) -> str:
    """Why ``never`` of the i×i input cells are read by no window: the floor, the steps, or both.

    Cells in an input row or column past the last window (the floor drops them) are counted
    apart from the cells the windows step over (stride and dilation gaps).
    """
    dropped = unreached_rows_cols(i, k, stride=s, padding=p, dilation=d)
    floor = i * i - (i - len(dropped.input_rows)) * (i - len(dropped.input_cols))
    values = {"count": never, "total": i * i, "s": s, "d": d, "floor": floor}
    if floor == never:
        return translate("dilated.window.never_read_floor", lang, **values)
    if floor == 0:
        return translate("dilated.window.never_read", lang, **values)
    return translate("dilated.window.never_read_both", lang, skipped=never - floor, **values)


def window_view(
    x: np.ndarray,
    fill: str,
    pin: tuple[int, int],
    *,
    lang: str,
    input_size: int,
    kernel_size: int,
    stride: int,
    padding: int,
    dilation: int,
) -> dict:
    """Section 2: output-size formula, notes, the animated figure and the pinned cell's sum.

    Raises
    ------
    ConvValueError
        From the engine, e.g. when the dilated kernel is larger than the padded input.
    """
    i, k, s, p, d = input_size, kernel_size, stride, padding, dilation
    o = conv_output_size(i, k, s, p, d)
    kernel = kernel_values(fill, k)
    trace = sliding_trace(x, kernel, stride=s, padding=p, dilation=d)
    padded = trace.padded  # (i + 2p, i + 2p)
    r, c = pin if 0 <= pin[0] < o and 0 <= pin[1] < o else (0, 0)
    numerator = i + 2 * p - d * (k - 1) - 1
    notes = []
    leftover = floor_remainder(i, k, s, p, d)
    if leftover:
        notes.append(translate("dilated.window.floor", lang, leftover=leftover))
    counts = trace.read_counts()  # (i + 2p, i + 2p)
    never = int(np.count_nonzero(counts[p : p + i, p : p + i] == 0))
    if never:
        notes.append(never_read_note(never, lang, i=i, k=k, s=s, p=p, d=d))
    notes.append(
        translate("dilated.window.caption", lang, k_hat=effective_kernel_size(k, d), taps=k * k)
    )
    panels = (padded, kernel, spread_kernel(kernel, d), trace)
    figure = window_figure(*panels, padding=p, dilation=d, lang=lang, start=r * o + c)
    specs = window_specs(*panels, padding=p, dilation=d, lang=lang)
    return {
        "output_size": o,
        "step": r * o + c,
        "formula": translate(
            "dilated.window.formula", lang, i=i, p=p, d=d, k=k, s=s, numerator=numerator, o=o
        ),
        "notes": notes,
        "figure": figure,
        "pinned": translate(
            "dilated.window.pinned",
            lang,
            r=r,
            c=c,
            rows=", ".join(map(str, trace.rows[r, c, :, 0])),
            cols=", ".join(map(str, trace.cols[r, c, 0, :])),
        ),
        "pinned_sum": f"y[{r}, {c}] = " + products_text(trace, kernel, r, c),
        "hover": window_hover(trace, kernel, specs=specs, dilation=d, pin=(r, c), lang=lang),
    }


WAVENET_KERNEL = 2
WAVENET_EXTRA_STEPS = 4  # time steps drawn left of the field, to show nodes outside it


def wavenet_view(layers: int, lang: str) -> dict:
    """Section 4: the causal stack with d = 1, 2, 4, … (kernel 2), its field and figure."""
    dilations = [2**n for n in range(layers)]
    field = causal_field(dilations, kernel_size=WAVENET_KERNEL)
    stack = causal_stack_edges(dilations, field + WAVENET_EXTRA_STEPS, kernel_size=WAVENET_KERNEL)
    terms = " + ".join(f"{WAVENET_KERNEL - 1}·{d}" for d in dilations)
    text = translate(
        "dilated.wavenet.rf",
        lang,
        terms=terms,
        rf=field,
        layers=layers,
        k=WAVENET_KERNEL,
        params=WAVENET_KERNEL * layers,
        plain=(field - 1) // (WAVENET_KERNEL - 1),
    )
    figure = wavenet_figure(dilations, stack.edges, stack.reach, lang=lang)
    return {"text": text, "field": field, "figure": figure}


def comparison_view(layers: tuple[Layer, ...], mode: str, lang: str) -> dict:
    """Section 5: intro, table, bar chart and note for the stack's alternatives.

    Raises
    ------
    ConvValueError
        When the layers run out of rows on the COMPARE_SIZE map (see :func:`comparison`).
    """
    layers = tuple(Layer(*layer) for layer in layers)
    rows = comparison(layers, mode)
    return {
        "rows": rows,
        "intro": translate(
            "dilated.compare.intro_parallel" if mode == "parallel" else "dilated.compare.intro",
            lang,
            rf=rows[0]["field"],
            size=COMPARE_SIZE,
        ),
        "table": comparison_table(rows, lang=lang),
        "figure": comparison_figure(rows, lang=lang),
        "note": comparison_note(rows[0], lang),
    }


def comparison_note(row: dict, lang: str) -> str:
    """What the learner's layers keep: the full map only at stride 1 with odd k̂."""
    if row["output"] == COMPARE_SIZE:
        return translate("dilated.compare.note", lang, size=COMPARE_SIZE)
    cause = {(True, False): "stride", (False, True): "even", (True, True): "both"}
    return translate(
        "dilated.compare.note_smaller",
        lang,
        out=row["output"],
        size=COMPARE_SIZE,
        cause=translate(f"dilated.compare.cause_{cause[row['strided'], row['even']]}", lang),
    )
