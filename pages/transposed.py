"""Transposed convolution: the output size, three ways to compute it (scatter-add, zeros +
flipped kernel, Cᵀ) checked against each other, output_padding, checkerboard artifacts and
the PyTorch code."""

from functools import partial

import streamlit as st

from convviz.controls import (
    cached,
    choice_control,
    colour_control,
    current_language,
    grid_chart,
    input_values_control,
    int_param,
    page_header,
    page_intro,
    param_controls,
    preset_picker,
    pytorch_code,
    show_error,
    show_notice,
)
from convviz.controls.caching import cached_figure
from convviz.controls.code_block import code_block
from convviz.controls.downloads import export_buttons, share_link
from convviz.controls.hover import hover_view
from convviz.controls.lecture import main_chart
from convviz.controls.matrix_pickers import window_pickers
from convviz.controls.pins import pin_clicked_cell
from convviz.controls.predict import predict_first
from convviz.controls.tabs import show_open_tab
from convviz.engine.errors import ConvValueError
from convviz.figures.common.grid import selected_cell
from convviz.figures.common.panels import KERNEL_KINDS, example_kernel, kernel_text, kernel_values
from convviz.figures.transposed import code as torch_code
from convviz.figures.transposed import extras, files, views
from convviz.figures.transposed.data import HYPER, largest_difference
from convviz.figures.transposed.direct import OUTPUT
from convviz.figures.transposed.matrix import CT, Y_GRID, YVEC
from convviz.i18n import translate
from convviz.inputs import MAX_CUSTOM_TEXT

KEYS = ("input_size", "kernel_size", "stride", "padding", "output_padding", "dilation")
# A small input with stride 2 and padding 1 shows inserted zeros, cropping and overlaps at once.
OVERRIDES = {
    "input_size": {"default": 3, "max_value": 8},
    "stride": {"default": 2},
    "padding": {"default": 1},
}
SCATTER_STEP = "transposed_scatter_step"
SCATTER_PIN = "transposed_scatter_pin"  # the input cell pinned in the hover view (row, col)
ROUND_TRIP = "transposed_round_trip_open"  # state of the conv(conv_transpose(x)) expander
DIRECT_CHART, DIRECT_PIN = "transposed_direct_chart", "transposed_direct_pin"
CT_CHART, GRIDS_CHART, MATRIX_ROW = "transposed_ct_chart", "transposed_grids_chart", "transposed_q"


def sidebar(lang):
    """Presets, sliders, input and kernel values; returns (params, x or None, kernel or None)."""
    presets = st.sidebar.container()
    params = param_controls(KEYS, lang, overrides=OVERRIDES)
    preset_picker("transposed", lang, params, container=presets)
    i, k = params["input_size"], params["kernel_size"]
    x = kernel = None
    try:
        x = input_values_control((i, i), lang)
    except ConvValueError as err:
        with st.sidebar:
            show_error(err, lang, key="input_error")
    kind = choice_control(
        "kernel_values", KERNEL_KINDS, lang, container=st.sidebar, horizontal=False
    )
    seed, text = 0, ""
    if kind == "random":
        seed = int_param("kernel_seed", lang)
    elif kind == "custom":
        text = st.sidebar.text_area(
            translate("transposed.param.kernel_text", lang, count=k * k),
            value=kernel_text(example_kernel(k)),
            key="kernel_values_text",
            help=translate("help.input_values_text", lang),
            max_chars=MAX_CUSTOM_TEXT,
            bind="query-params",
        )
    try:
        kernel = cached(kernel_values)(kind, k, seed=seed, text=text)
    except ConvValueError as err:
        with st.sidebar:
            show_error(err, lang, key="kernel_error")
    if kind == "random":
        st.sidebar.caption(translate("transposed.random_kernel_note", lang))
    return params, x, kernel


def size_view(x, kernel, hyper, lang):
    """The output size view, or None after explaining why the setting is invalid."""
    try:
        return cached_figure(views.size_view)(x, kernel, lang=lang, **hyper)
    except ConvValueError as err:
        st.subheader(translate("transposed.size.header", lang))
        st.markdown(views.formula_text(x.shape[0], kernel.shape[0], lang=lang, **hyper))
        show_error(err, lang, key="size_error")
        return None


def answer_shown(view, x, kernel, hyper, lang):
    """Whether the page may show the output size (always, unless "predict first" waits)."""
    setting = (x.shape[0], kernel.shape[0], *hyper.values())
    return predict_first("transposed", setting, view["output_size"], lang)


def size_section(view, x, kernel, hyper, lang):
    """The output size with its terms, the forward convolution and the three-way check."""
    st.subheader(translate("transposed.size.header", lang))
    st.markdown(view["formula"])
    left, right = st.columns([5, 4])
    left.table(view["terms"], hide_index=True)  # an HTML table: long "comes from" text wraps
    right.markdown(view["forward"])
    if view["larger"]:
        right.caption(view["larger"])
    right.markdown(view["not_inverse"])
    # Across the page, not in the right column: squeezed there, a cell's 4-digit numbers ran
    # into the next cell's ("1316 2000" read "13162000" at 1024 px).
    round_trip = st.expander(
        translate("transposed.size.round_trip_title", lang), key=ROUND_TRIP, on_change="rerun"
    )
    if round_trip.open:  # drawn only when asked for
        grid_chart(
            cached_figure(views.round_trip_figure)(x, kernel, lang=lang, **hyper),
            key="transposed_round_trip",
            container=round_trip,
        )
    max_diff = cached(largest_difference)(x, kernel, **hyper)
    agree = max_diff <= 1e-9
    message = "transposed.size.agree" if agree else "transposed.size.disagree"
    (st.success if agree else st.error)(
        translate(message, lang, o=view["output_size"], diff=f"{max_diff:.3g}"),
        icon=":material/check_circle:" if agree else ":material/error:",
    )


@st.fragment
def scatter_tab(x, kernel, hyper, lang):
    animate = cached(views.scatter_animates)(x.shape[0], kernel.shape[0], **hyper)
    steps = x.size
    step = 0
    if not animate:
        size = views.scatter_canvas(x.shape[0], kernel.shape[0], **hyper)
        show_notice("transposed.scatter.server_steps", lang, steps=steps, rows=size, cols=size)
        step = (
            st.slider(translate("transposed.scatter.step", lang), 1, steps, 1, key=SCATTER_STEP) - 1
        )
    pin = st.session_state.get(SCATTER_PIN, (0, 0))
    view = cached_figure(views.scatter_view)(
        x, kernel, lang=lang, step=step, animate=animate, pin=pin[0] * x.shape[1] + pin[1], **hyper
    )
    main_chart(view["figure"], key="transposed_scatter_chart")
    for text in view["texts"]:
        st.markdown(text)
    hover_view(view["hover"], key="transposed_hover", pin_key=SCATTER_PIN, lang=lang)
    export_buttons(
        "transposed_scatter",
        lang=lang,
        file_stem=files.file_stem(x.shape[0], kernel.shape[0], **hyper) + "_scatter",
        png=partial(
            files.scatter_png, x, kernel, steps - 1 if animate else step, lang=lang, **hyper
        ),
        gif=partial(files.scatter_gif, x, kernel, lang=lang, **hyper),
        gif_plan=cached(files.scatter_gif_plan)(x, kernel, lang=lang, **hyper),
    )


@st.fragment
def direct_tab(x, kernel, hyper, lang):
    st.subheader(translate("transposed.direct.header", lang))
    pin = st.session_state.get(DIRECT_PIN, (0, 0))
    view = cached_figure(views.direct_view)(x, kernel, lang=lang, pin=pin, **hyper)
    st.markdown(view["steps"])
    grid_chart(view["flip"], key="transposed_flip_chart")
    if not view["animated"]:
        show_notice("transposed.direct.server_steps", lang, cells=view["cells"])
    if view["hidden"]:
        st.caption(view["hidden"])
    grid_chart(
        view["figure"],
        key=DIRECT_CHART,
        on_select=partial(pin_clicked_cell, DIRECT_CHART, OUTPUT, DIRECT_PIN),
        selection_mode="points",
    )
    st.caption(translate("transposed.direct.pinned", lang, r=view["pin"][0], c=view["pin"][1]))
    code_block(view["pinned"], key="transposed_direct_sum", lang=lang)
    hover_view(view["hover"], key="transposed_direct_hover", pin_key=DIRECT_PIN, lang=lang)
    st.markdown(view["waste"])
    export_buttons(
        "transposed_direct",
        lang=lang,
        file_stem=files.file_stem(x.shape[0], kernel.shape[0], **hyper) + "_direct",
        png=partial(files.direct_png, x, kernel, view["pin"], lang=lang, **hyper),
        gif=partial(files.direct_gif, x, kernel, lang=lang, **hyper),
        gif_plan=cached(files.direct_gif_plan)(x, kernel, lang=lang, **hyper),
    )


def _pick_row(chart, output_size, first_row=0):
    """on_select of Cᵀ or y (a row; ``first_row`` is the first row drawn) or of the output
    grid (a cell): pick that row of Cᵀ."""
    picked = selected_cell(st.session_state.get(chart))
    if picked is None:
        return
    row, col, panel = picked
    if chart == CT_CHART and panel in (CT, YVEC):
        st.session_state[MATRIX_ROW] = first_row + row
    elif chart == GRIDS_CHART and panel == Y_GRID:
        st.session_state[MATRIX_ROW] = row * output_size + col


@st.fragment
def matrix_tab(x, kernel, hyper, lang):
    st.subheader(translate("transposed.matrix.header", lang))
    q = st.session_state.get(MATRIX_ROW, 0)
    texts, notes = st.container(), st.container()  # above the pickers, filled once Cᵀ is known
    paging = cached(views.matrix_paging)(x, kernel, q=q, **hyper)
    pages = {}
    if paging["first"] is not None:
        rows, cols = window_pickers(
            "ct", paging["first"], paging["shape"], lang, follow=paging["follow"]
        )
        pages = {"row_page": rows, "col_page": cols}
    view = cached_figure(views.matrix_view)(x, kernel, lang=lang, q=q, **pages, **hyper)
    for text in view["texts"]:
        texts.markdown(text)
    for note in view["notes"]:
        notes.caption(note)
    o = view["y"].shape[0]
    # One below the other: at 1024 px two columns squeezed Cᵀ·x = y and ran the output
    # grid's numbers together.
    if view["ct"] is not None:
        grid_chart(
            view["ct"],
            key=CT_CHART,
            on_select=partial(_pick_row, CT_CHART, o, view["offset"]),
            selection_mode="points",
        )
    grid_chart(
        view["grids"],
        key=GRIDS_CHART,
        on_select=partial(_pick_row, GRIDS_CHART, o),
        selection_mode="points",
    )
    st.markdown(view["picked"])
    code_block(view["row"], key="transposed_matrix_row", lang=lang)
    st.markdown(f"**{translate('transposed.matrix.c_header', lang)}**")
    if view["c"] is None:
        st.caption(view["c_missing"])
    else:
        grid_chart(view["c"], key="transposed_c_chart")
        if view["c_part"]:
            st.caption(view["c_part"])
    if view["png_refusal"]:
        st.caption(view["png_refusal"])
    export_buttons(
        "transposed_matrix",
        lang=lang,
        file_stem=files.file_stem(x.shape[0], kernel.shape[0], **hyper) + "_ct",
        png=None
        if view["png_refusal"]
        else partial(files.ct_png, x, kernel, view["q"], lang=lang, **hyper),
        latex=partial(files.ct_tex, x, kernel, **hyper) if view["ct"] is not None else None,
        csv=partial(files.ct_csv, x, kernel, **hyper),
    )


def check_tab(x, kernel, hyper, lang):
    st.subheader(translate("transposed.check.header", lang))
    st.markdown(translate("transposed.check.explain", lang))
    view = cached_figure(views.check_view)(x, kernel, lang=lang, **hyper)
    left, right = st.columns([3, 1])
    left.dataframe(view["rows"], hide_index=True, width="content")
    right.metric(translate("transposed.check.metric", lang), f"{view['max_diff']:.3g}")
    grid_chart(view["figure"], key="transposed_check_chart")
    i, k = x.shape[0], kernel.shape[0]
    export_buttons(
        "transposed_output",
        lang=lang,
        file_stem=files.file_stem(i, k, **hyper),
        png=partial(files.output_png, x, kernel, lang=lang, **hyper),
        latex=partial(files.formula_tex, i, k, **hyper),
        csv=partial(files.output_csv, x, kernel, **hyper),
    )


def output_padding_tab(x, kernel, hyper, lang):
    st.subheader(translate("transposed.opad.header", lang))
    view = cached_figure(extras.output_padding_view)(x, kernel, lang=lang, **hyper)
    for text in view["texts"]:
        st.markdown(text)
    if view["table"]:
        st.dataframe(view["table"], hide_index=True, width="content")
    for text in view["after"]:
        st.markdown(text)
    if view["figure"] is not None:
        grid_chart(view["figure"], key="transposed_opad_chart")
        export_buttons(
            "transposed_opad",
            lang=lang,
            file_stem=files.file_stem(x.shape[0], kernel.shape[0], **hyper) + "_output_padding",
            png=partial(files.output_padding_png, x, kernel, lang=lang, **hyper),
            csv=partial(files.output_padding_csv, x, kernel, **hyper),
        )


def checkerboard_tab(x, kernel, hyper, lang):
    st.subheader(translate("transposed.checker.header", lang))
    view = cached_figure(extras.checkerboard_view)(kernel.shape[0], lang=lang, **hyper)
    for text in view["texts"]:
        st.markdown(text)
    grid_chart(view["figure"], key="transposed_checker_chart")
    export_buttons(
        "transposed_checker",
        lang=lang,
        file_stem=files.file_stem(x.shape[0], kernel.shape[0], **hyper) + "_overlap_counts",
        png=partial(files.checkerboard_png, kernel.shape[0], lang=lang, **hyper),
        csv=partial(files.overlap_counts_csv, kernel.shape[0], **hyper),
    )
    st.caption(view["note"])
    st.markdown(view["remedies"])


def code_tab(x, kernel, hyper, lang):
    pytorch_code(cached(torch_code.code_view)(x, kernel, lang=lang, **hyper), lang)


TAB_VIEWS = {
    "scatter": scatter_tab,
    "direct": direct_tab,
    "matrix": matrix_tab,
    "check": check_tab,
    "output_padding": output_padding_tab,
    "checkerboard": checkerboard_tab,
    "code": code_tab,
}


lang = current_language()
page_header("transposed", lang)
colour_control(lang)
params, x, kernel = sidebar(lang)
hyper = {name: params[name] for name in HYPER}
if x is None or kernel is None:
    st.info(translate("transposed.values_error", lang), icon=":material/edit:")
elif (size := size_view(x, kernel, hyper, lang)) is not None and answer_shown(
    size, x, kernel, hyper, lang
):
    show_open_tab("transposed", TAB_VIEWS, lang, x, kernel, hyper, lang)
    size_section(size, x, kernel, hyper, lang)
    page_intro("transposed", lang)
share_link(lang)
