"""What each section of the dilated page shows: engine results turned into texts, tables,
figures and the files behind its download buttons.

Every function is pure (numbers and ``lang`` in). The page caches the section views whole
with ``cached_figure`` (shared objects: nothing modifies a view after it is built); engine
errors (``ConvValueError``) propagate so the page can explain them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from convviz.engine.padding import pad2d
from convviz.engine.receptive import (
    MAX_PATH_FIELD,
    causal_field,
    causal_stack_edges,
    common_factor,
    field_steps,
    gridding_holes,
    path_counts,
    path_counts_1d,
)
from convviz.engine.sizes import conv_output_size, effective_kernel_size, floor_remainder
from convviz.engine.trace import WindowTrace, sliding_trace
from convviz.export import (
    Animation,
    Bilingual,
    GridPanel,
    Scene,
    bilingual,
    grid_csv,
    latex_document,
    render_animation_gif,
    render_scene_png,
    size_formula_latex,
    sliding_window_animation,
)
from convviz.figures.dilated import (
    kernel_figure,
    kernel_values,
    products_text,
    spread_kernel,
    window_figure,
)
from convviz.figures.grid import format_number
from convviz.figures.palette import CellKind
from convviz.figures.receptive import (
    COMPARE_SIZE,
    MAX_FIELD_DRAWN,
    branch_rows,
    branches_figure,
    comparison,
    comparison_figure,
    comparison_table,
    effective_size,
    field_origin,
    path_count_figure,
    stack_rows,
    wavenet_figure,
)
from convviz.i18n import translate
from convviz.stacks import COLUMNS, Layer


def _tensor_literal(values: np.ndarray, *, indent: str = "") -> str:
    """``values`` (H, W) as a (1, 1, H, W) float tensor literal, one row per line."""
    rows = "".join(f"{indent}    [{', '.join(format_number(v) for v in row)}],\n" for row in values)
    return f"torch.tensor([[[\n{rows}{indent}]]], dtype=torch.float32)"


def pytorch_snippet(
    x: np.ndarray | None,
    kernel: np.ndarray,
    layers: list[tuple[int, int, int]] | None,
    *,
    input_size: int,
    stride: int,
    padding: int,
    dilation: int,
    output_shape: tuple[int, int] | None,
    mode: str = "stack",
    lang: str,
) -> str:
    """PyTorch code for the sidebar's layer (with its input and weights) and the stack.

    Parameters
    ----------
    x : np.ndarray, optional
        (H, W) input values; random ones of side ``input_size`` when missing.
    kernel : np.ndarray
        (k, k) weights.
    layers : list of (k, s, d), optional
        The stack of section 3 (omitted when it is invalid).
    stride, padding, dilation : int
    output_shape : (int, int), optional
        The engine's output shape, printed as the expected result.
    mode : {"stack", "parallel"}
    lang : {"en", "zh"}

    Returns
    -------
    str
        Runnable Python: ``nn.Conv2d(1, 1, kernel_size=k, stride=s, padding=p, dilation=d)``
        applied to the same numbers, then the stack as ``nn.Sequential`` (or the parallel
        branches as an ``nn.ModuleList`` concatenated along channels).
    """
    k = kernel.shape[0]
    lines = [
        "import torch",
        "from torch import nn",
        "",
        translate("dilated.code.one_layer", lang),
        f"x = {_tensor_literal(x)}  # (1, 1, {input_size}, {input_size})"
        if x is not None
        else f"x = torch.randn(1, 1, {input_size}, {input_size})",
        f"conv = nn.Conv2d(1, 1, kernel_size={k}, stride={stride}, padding={padding}, "
        f"dilation={dilation}, bias=False)",
        "with torch.no_grad():",
        f"    conv.weight.copy_({_tensor_literal(kernel, indent='    ')})",
        "y = conv(x)",
        "print(y[0, 0])",
    ]
    if output_shape is not None:
        lines.append(f"print(y.shape)  # torch.Size([1, 1, {output_shape[0]}, {output_shape[1]}])")
    if layers:
        lines += ["", "channels = 64"]
        convs = [
            f"nn.Conv2d(channels, channels, kernel_size={k_}, stride={s_}, "
            f"padding={(d_ * (k_ - 1)) // 2}, dilation={d_})"
            for k_, s_, d_ in layers
        ]
        if mode == "parallel":
            lines += [translate("dilated.code.branches", lang), "branches = nn.ModuleList(["]
            lines += [f"    {conv}," for conv in convs]
            lines += [
                "])",
                "features = torch.randn(1, channels, 64, 64)",
                "y = torch.cat([branch(features) for branch in branches], dim=1)",
            ]
        else:
            lines += [translate("dilated.code.stack", lang), "stack = nn.Sequential("]
            for conv in convs:
                lines += [f"    {conv},", "    nn.ReLU(),"]
            lines += [")", "y = stack(torch.randn(1, channels, 64, 64))"]
    return "\n".join(lines)


def engine_trace(
    padded_x: np.ndarray, kernel: np.ndarray, *, stride: int, dilation: int
) -> WindowTrace:
    """The engine's ``sliding_trace`` over an already padded input (its sums are ``conv2d``'s)."""
    return sliding_trace(padded_x, kernel, stride=stride, dilation=dilation)


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


def file_stem(
    *, input_size: int, kernel_size: int, stride: int, padding: int, dilation: int
) -> str:
    """File name of the page's downloads, e.g. ``"dilated_i7_k3_s1_p0_d2"``."""
    return f"dilated_i{input_size}_k{kernel_size}_s{stride}_p{padding}_d{dilation}"


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
        notes.append(
            translate("dilated.window.never_read", lang, count=never, total=i * i, s=s, d=d)
        )
    notes.append(
        translate("dilated.window.caption", lang, k_hat=effective_kernel_size(k, d), taps=k * k)
    )
    figure = window_figure(
        padded,
        kernel,
        spread_kernel(kernel, d),
        trace,
        padding=p,
        dilation=d,
        lang=lang,
        start=r * o + c,
    )
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
    }


def code_view(
    x: np.ndarray | None,
    fill: str,
    layers: tuple | None,
    mode: str,
    *,
    lang: str,
    input_size: int,
    kernel_size: int,
    stride: int,
    padding: int,
    dilation: int,
) -> str:
    """Section 6: the PyTorch code of the sidebar layer and of the stack."""
    try:
        o = conv_output_size(input_size, kernel_size, stride, padding, dilation)
        shape = (o, o)
    except ValueError:
        shape = None
    return pytorch_snippet(
        x,
        kernel_values(fill, kernel_size),
        list(layers) if layers else None,
        input_size=input_size,
        stride=stride,
        padding=padding,
        dilation=dilation,
        output_shape=shape,
        mode=mode,
        lang=lang,
    )


# -- files for lecture notes (built only when a download button is clicked) -------------------
def _padded_scene_inputs(x: np.ndarray, padding: int) -> tuple[np.ndarray, np.ndarray]:
    """The padded input and its kinds (BORDER_PAD around the real cells)."""
    padded = np.asarray(pad2d(x, padding), dtype=float)  # (H + 2p, W + 2p)
    kinds = np.full(padded.shape, CellKind.BORDER_PAD, dtype=int)
    kinds[padding : padding + x.shape[0], padding : padding + x.shape[1]] = CellKind.REAL
    return padded, kinds


def window_animation(
    x: np.ndarray, fill: str, *, stride: int, padding: int, dilation: int, kernel_size: int
) -> Animation:
    """The sliding window as an export :class:`~convviz.export.Animation` (one frame per cell)."""
    padded, kinds = _padded_scene_inputs(x, padding)
    return sliding_window_animation(
        padded, kernel_values(fill, kernel_size), stride=stride, dilation=dilation, kinds=kinds
    )


def window_png(x: np.ndarray, fill: str, step: int, *, lang: str, **params: int) -> bytes:
    """PNG of one step of the sliding window (``params``: kernel_size, stride, padding,
    dilation)."""
    frames = window_animation(x, fill, **params).frames
    return render_scene_png(frames[min(max(step, 0), len(frames) - 1)], lang=lang)


def window_gif(x: np.ndarray, fill: str, *, lang: str, **params: int) -> bytes:
    """Animated GIF of the whole sliding window."""
    return render_animation_gif(window_animation(x, fill, **params), lang=lang)


def size_formula_tex(
    *, input_size: int, kernel_size: int, stride: int, padding: int, dilation: int
) -> str:
    """The output-size formula with the current numbers, as a LaTeX document."""
    return latex_document(
        size_formula_latex(
            "standard",
            size=input_size,
            kernel_size=kernel_size,
            stride=stride,
            padding=padding,
            dilation=dilation,
        )
    )


def output_csv(
    x: np.ndarray, fill: str, *, kernel_size: int, stride: int, padding: int, dilation: int
) -> str:
    """The output grid as CSV."""
    kernel = kernel_values(fill, kernel_size)
    trace = sliding_trace(x, kernel, stride=stride, padding=padding, dilation=dilation)
    return grid_csv(trace.sums)


def layers_table(layers: Sequence[Layer]) -> pd.DataFrame:
    """The layer editor's starting table: one row per layer, columns ``COLUMNS``."""
    return pd.DataFrame([list(layer) for layer in layers], columns=list(COLUMNS), dtype="int64")


def _engine_path_counts(layers: Sequence[Layer]) -> np.ndarray:
    """(r, r) path counts of the stack from the engine (index 0 = first pixel of the field)."""
    return np.asarray(path_counts([tuple(layer) for layer in layers]))


def _tap_mask(layer: Layer) -> np.ndarray:
    """(k̂, k̂) True where a tap of ``layer`` reads the input (a one-layer stack's paths)."""
    return _engine_path_counts([layer]) > 0


def field_holes(layers: Sequence[Layer], field: int) -> int | None:
    """Pixels of the r×r field no path reaches; None when the field is too wide to count.

    Rows and columns choose their taps independently, so a pixel is a hole when its row or its
    column offset is: with h of the r offsets unreached, r² − (r − h)² pixels are holes.
    """
    if field > MAX_PATH_FIELD:
        return None
    holes_1d = gridding_holes(path_counts_1d([tuple(layer) for layer in layers])).count
    return field * field - (field - holes_1d) ** 2


def _parallel_view(layers: tuple[Layer, ...], lang: str) -> dict:
    field = max(effective_size(layer) for layer in layers)
    figure = None
    if field <= MAX_FIELD_DRAWN:
        masks = [_tap_mask(layer) for layer in layers]
        figure = branches_figure(layers, masks, lang=lang)
    return {
        "texts": [translate("dilated.stack.parallel_intro", lang)],
        "table": branch_rows(layers, lang=lang),
        "figure": figure,
        "caption": "",
        "field": field,
        "limit": MAX_FIELD_DRAWN,
        "holes": 0,
        "verdicts": [],
    }


def stack_view(layers: tuple[Layer, ...], mode: str, lang: str) -> dict:
    """Section 3 for a valid stack: texts, table, heatmap (None when too large), verdicts.

    Returns
    -------
    dict
        ``texts`` (markdown above the table), ``table`` (rows), ``figure`` (go.Figure or
        None), ``caption``, ``field`` (the largest field), ``limit`` (largest side drawn),
        ``holes`` (pixels of the field no path reaches: 0 for parallel branches, None when
        the field is too wide to count) and ``verdicts`` (markdown under the figure: holes
        and the HDC rule).
    """
    layers = tuple(Layer(*layer) for layer in layers)
    if mode == "parallel":
        return _parallel_view(layers, lang)
    steps = field_steps([tuple(layer) for layer in layers])
    field = steps[-1].field
    params = sum(layer.kernel_size**2 for layer in layers)
    texts = [
        translate("dilated.stack.rule", lang, r0=1),
        translate("dilated.stack.result", lang, layers=len(layers), rf=field, params=params),
    ]
    figure = None
    if field <= MAX_FIELD_DRAWN:
        origin = field_origin(layers)
        counts = _engine_path_counts(layers)
        figure = path_count_figure(counts, (origin, origin), lang=lang)
    holes = field_holes(layers, field)
    total = field * field
    verdicts = []
    if holes:
        verdicts.append(translate("dilated.stack.holes", lang, holes=holes, total=total, rf=field))
    elif holes == 0:
        verdicts.append(translate("dilated.stack.no_holes", lang, total=total, rf=field))
    rates = ", ".join(str(layer.dilation) for layer in layers)
    factor = common_factor([layer.dilation for layer in layers])
    if factor > 1:
        verdicts.append(translate("dilated.stack.hdc_bad", lang, rates=rates, gcd=factor))
    else:
        verdicts.append(translate("dilated.stack.hdc_ok", lang, rates=rates))
        if holes:
            verdicts.append(translate("dilated.stack.hdc_not_enough", lang))
    return {
        "texts": texts,
        "table": stack_rows(steps, lang=lang),
        "figure": figure,
        "caption": translate("dilated.stack.heat_caption", lang),
        "field": field,
        "limit": MAX_FIELD_DRAWN,
        "holes": holes,
        "verdicts": verdicts,
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
    """Section 5: intro, table, bar chart and note for the stack's alternatives."""
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
        "note": translate("dilated.compare.note", lang, size=COMPARE_SIZE),
    }


def _stack_panel(layers: Sequence[Layer]) -> tuple[np.ndarray, GridPanel]:
    """Path counts of a stack and the export panel that shows them (holes greyed)."""
    counts = _engine_path_counts(layers)
    panel = GridPanel(
        counts.astype(float),
        bilingual("dilated.stack.heat_title"),
        "input",
        kinds=np.where(counts == 0, CellKind.OUTSIDE, CellKind.REAL),
        show_numbers=counts.size <= 900,
    )
    return counts, panel


def stack_png(layers: tuple[Layer, ...], *, lang: str) -> bytes:
    """PNG of the path-count map of a stack, with the holes sentence as caption."""
    layers = tuple(Layer(*layer) for layer in layers)
    counts, panel = _stack_panel(layers)
    field = counts.shape[0]
    holes = gridding_holes(counts).count
    if holes:
        caption = bilingual("dilated.stack.holes", holes=holes, total=field * field, rf=field)
    else:
        caption = bilingual("dilated.stack.no_holes", total=field * field, rf=field)
    plain = Bilingual(caption.en.replace("**", ""), caption.zh.replace("**", ""))
    return render_scene_png(Scene((panel,), caption=plain), lang=lang)


def stack_csv(layers: tuple[Layer, ...]) -> str:
    """The path counts of a stack as CSV (one row per input row of the field)."""
    return grid_csv(_engine_path_counts(tuple(Layer(*layer) for layer in layers)))
