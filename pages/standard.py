"""Standard convolution: the sliding window with its numbers, the output-size formula and its
floor, padding modes and "same" (PyTorch vs TensorFlow), cross-correlation vs true
convolution, the matrix C and the PyTorch code."""

from functools import partial

import streamlit as st

from convviz.controls import (
    cached,
    choice_control,
    colour_control,
    current_language,
    grid_chart,
    input_values_control,
    page_header,
    page_intro,
    page_picker,
    param_controls,
    preset_picker,
    pytorch_code,
    show_error,
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
from convviz.controls.widgets import paged_span
from convviz.engine.errors import ConvValueError
from convviz.figures.common.grid import selected_cell
from convviz.figures.standard import channels, code, files, views
from convviz.figures.standard.data import KERNEL_FILLS, PADDING_RULES, SIZE_KEYS
from convviz.figures.standard.matrix import C_PANEL, Y_GRID
from convviz.figures.standard.window import OUTPUT
from convviz.i18n import translate
from convviz.param_specs import PADDING_MODES, PARAM_SPECS

WIDTH_KEYS = tuple(f"{key}_w" for key in SIZE_KEYS)
WINDOW_CHART, PIN = "standard_window", "standard_pin"  # the pinned output cell (row, col)
C_CHART, GRIDS_CHART = "standard_c_chart", "standard_grids_chart"
MAPS_CHART = "standard_maps_chart_{o}"  # filter o's maps; a click on its output pins the cell


def _seed_widths():
    """on_change of the rectangular toggle: widths start at the heights, or are dropped."""
    for key, wide in zip(SIZE_KEYS, WIDTH_KEYS, strict=True):
        if st.session_state.get("rectangular"):
            st.session_state[wide] = st.session_state.get(key, PARAM_SPECS[key].default)
        else:
            st.session_state.pop(wide, None)


def size_controls(lang):
    """Height sliders, the rectangular toggle and (when on) the width sliders."""
    heights = param_controls(SIZE_KEYS, lang)
    # A preset that sets different widths (it writes them before this run) turns the toggle on.
    if any(
        st.session_state.get(w, heights[k]) != heights[k]
        for k, w in zip(SIZE_KEYS, WIDTH_KEYS, strict=True)
    ):
        st.session_state["rectangular"] = True
    rectangular = st.sidebar.toggle(
        translate("standard.param.rectangular", lang),
        key="rectangular",
        help=translate("standard.help.rectangular", lang),
        on_change=_seed_widths,
        bind="query-params",
    )
    if rectangular:
        widths = param_controls(WIDTH_KEYS, lang)
    else:
        for wide in WIDTH_KEYS:  # square: the widths follow the heights
            st.session_state.pop(wide, None)
        widths = {f"{key}_w": value for key, value in heights.items()}
    return {**heights, **widths}


def sidebar(lang):
    """Every control; returns (setting keywords, input values or None, kernel fill)."""
    presets = st.sidebar.container()
    sizes = size_controls(lang)
    preset_picker("standard", lang, {**sizes, "dilation": 1}, container=presets)
    rule = choice_control("padding_rule", PADDING_RULES, lang, horizontal=False)
    mode = choice_control("padding_mode", PADDING_MODES, lang)
    flip = st.sidebar.toggle(
        translate("standard.param.flip", lang),
        key="flip",
        help=translate("standard.help.flip", lang),
        bind="query-params",
    )
    fill = choice_control("kernel_fill", KERNEL_FILLS, lang)
    setting = {**sizes, "padding_rule": rule, "padding_mode": mode, "flip": flip}
    try:
        x = input_values_control((sizes["input_size"], sizes["input_size_w"]), lang)
    except ConvValueError as err:
        with st.sidebar:
            show_error(err, lang, key="input_error")
        x = None
    return setting, x, fill


def size_view(x, fill, setting, lang):
    """The output size view, or None after explaining why the setting is invalid."""
    try:
        return cached(views.size_view)(x, fill, lang=lang, **setting)
    except ConvValueError as err:
        st.subheader(translate("standard.size.header", lang))
        show_error(err, lang, key="size_error")
        return None


def answer_shown(view, x, setting, lang):
    """Whether the page may show the output size ("predict first" asks for the size of a
    square output, the height of a rectangular one, and hides both axes until then)."""
    out_h, out_w = view["output_hw"]
    question = (x.shape, tuple(sorted(setting.items())))
    quantity = "size" if out_h == out_w else "height"
    return predict_first("standard", question, out_h, lang, quantity=quantity)


def size_section(view, lang):
    """The output-size formula with the numbers, after the figure."""
    st.subheader(translate("standard.size.header", lang))
    for line in view["formula"] + view["rule"]:
        st.markdown(line)
    for line in view["leftover"]:
        st.caption(line)


@st.fragment
def window_tab(x, fill, setting, lang):
    """Play, pause, step and click-to-pin run in this fragment only."""
    pin = st.session_state.get(PIN, (0, 0))
    view = cached_figure(views.window_view)(x, fill, pin, lang=lang, **setting)
    main_chart(
        view["figure"],
        key=WINDOW_CHART,
        on_select=partial(pin_clicked_cell, WINDOW_CHART, OUTPUT, PIN),
        selection_mode="points",
    )
    st.markdown(view["pinned"])
    code_block(view["pinned_sum"], key="standard_window_sum", lang=lang)
    st.caption(view["legend"])
    hover_view(view["hover"], key="standard_hover", pin_key=PIN, lang=lang)
    export_buttons(
        "standard_window",
        lang=lang,
        file_stem=files.file_stem(**setting),
        png=partial(files.window_png, x, fill, view["step"], lang=lang, **setting),
        gif=partial(files.window_gif, x, fill, lang=lang, **setting),
        gif_plan=cached(files.window_gif_plan)(x, fill, lang=lang, **setting),
        latex=partial(files.formula_tex, x, fill, **setting),
        csv=partial(files.output_csv, x, fill, **setting),
    )


def padding_tab(x, fill, setting, lang):
    st.subheader(translate("standard.pad.header", lang))
    st.markdown(translate("standard.pad.intro", lang))
    view = cached_figure(views.padding_view)(x, fill, lang=lang, **setting)
    for note in view["notes"]:
        st.caption(note)
    stem = files.file_stem(**setting)
    if view["figure"] is not None:
        grid_chart(view["figure"], key="standard_modes_chart")
        export_buttons(
            "standard_modes",
            lang=lang,
            file_stem=stem + "_modes",
            png=partial(files.modes_png, x, lang=lang, **setting),
        )
    st.subheader(translate("standard.pad.same_header", lang))
    st.markdown(translate("standard.pad.same_intro", lang))
    for column, rule in zip(st.columns(2), ("same_torch", "same_tf"), strict=True):
        same = view["same"][rule]
        column.markdown(f"**{translate(f'standard.pad.{rule}_title', lang)}**")
        if same["error"]:
            column.error(same["error"], icon=":material/lightbulb:")
            continue
        column.markdown(same["text"])
        grid_chart(same["figure"], key=f"standard_{rule}_chart", container=column)
        export_buttons(
            f"standard_{rule}",
            lang=lang,
            file_stem=f"{stem}_{rule}",
            png=partial(files.same_png, x, fill, rule, lang=lang, **setting),
            container=column,
        )


def flip_tab(x, fill, setting, lang):
    st.subheader(translate("standard.flip.header", lang))
    st.markdown(translate("standard.flip.intro", lang))
    view = cached_figure(views.flip_view)(x, fill, lang=lang, **setting)
    stem = files.file_stem(**setting)
    grid_chart(view["kernels"], key="standard_flip_kernels")
    export_buttons(
        "standard_flip_kernels",
        lang=lang,
        file_stem=stem + "_kernel_rotated",
        png=partial(files.flip_kernels_png, fill, lang=lang, **setting),
        latex=partial(files.flipped_kernel_tex, fill, **setting),
        csv=partial(files.flipped_kernel_csv, fill, **setting),
    )
    grid_chart(view["outputs"], key="standard_flip_outputs")
    export_buttons(
        "standard_flip_outputs",
        lang=lang,
        file_stem=stem + "_corr_vs_conv",
        png=partial(files.flip_outputs_png, x, fill, lang=lang, **setting),
    )
    st.markdown(view["verdict"])


def _pick_row(chart, out_w, first_row=0):
    """on_select of C (a row; ``first_row`` is the first row of C drawn) or of the output
    grid (a cell): pin that window."""
    picked = selected_cell(st.session_state.get(chart))
    if picked is None:
        return
    row, col, panel = picked
    if chart == C_CHART and panel == C_PANEL:
        st.session_state[PIN] = divmod(first_row + row, out_w)
    elif chart == GRIDS_CHART and panel == Y_GRID:
        st.session_state[PIN] = (row, col)


@st.fragment
def matrix_tab(x, fill, setting, lang):
    st.subheader(translate("standard.matrix.header", lang))
    st.markdown(translate("standard.matrix.intro", lang))
    out_w = cached(views.size_view)(x, fill, lang=lang, **setting)["output_hw"][1]
    r, c = st.session_state.get(PIN, (0, 0))
    row = r * out_w + c
    texts, notes = st.container(), st.container()  # above the pickers, filled once C is known
    paging = cached(views.matrix_paging)(x, fill, row, **setting)
    pages = {}
    if paging["first"] is not None:
        rows, cols = window_pickers(
            "c", paging["first"], paging["shape"], lang, follow=paging["follow"]
        )
        pages = {"row_page": rows, "col_page": cols}
    view = cached_figure(views.matrix_view)(x, fill, row, lang=lang, **pages, **setting)
    for text in view["texts"]:
        texts.markdown(text)
    for note in view["notes"]:
        notes.caption(note)
    if view["figure"] is not None:
        grid_chart(
            view["figure"],
            key=C_CHART,
            on_select=partial(_pick_row, C_CHART, out_w, view["offset"][0]),
            selection_mode="points",
        )
    st.markdown(view["picked"])
    code_block(view["row_text"], key="standard_matrix_row", lang=lang)
    grid_chart(
        view["grids"],
        key=GRIDS_CHART,
        on_select=partial(_pick_row, GRIDS_CHART, out_w),
        selection_mode="points",
    )
    exportable = files.c_exportable(view["shape"])
    if view["png_refusal"]:
        st.caption(view["png_refusal"])
    export_buttons(
        "standard_matrix",
        lang=lang,
        file_stem=files.file_stem(**setting) + "_C",
        png=None
        if view["png_refusal"]
        else partial(files.c_png, x, fill, view["row"], lang=lang, **setting),
        latex=partial(files.c_tex, x, fill, **setting) if exportable else None,
        csv=partial(files.c_csv, x, fill, **setting) if exportable else None,
    )


@st.fragment
def channels_tab(x, fill, setting, lang):
    st.subheader(translate("standard.channels.header", lang))
    st.markdown(translate("standard.channels.intro", lang))
    counts = param_controls(
        tuple(channels.CHANNEL_CONTROLS),
        lang,
        container=st.container(horizontal=True),
        overrides=channels.CHANNEL_CONTROLS,
    )
    cin, cout = counts["in_channels"], counts["out_channels"]
    pin = st.session_state.get(PIN, (0, 0))
    shapes = st.container()  # filled once the view is known, above the input channels
    st.markdown(f"**{translate('standard.channels.inputs_header', lang)}**")
    per_page = cached(channels.inputs_per_page)(cin, **setting)
    inputs = paged_span("shown_input", cin, per_page, lang, noun="inputs", container=st)
    view = cached_figure(channels.channels_view)(
        cin, cout, pin, lang=lang, inputs_span=inputs, **setting
    )
    shapes.caption(translate("standard.channels.values", lang))
    shapes.markdown(view["shapes"])
    grid_chart(view["inputs"], key="standard_inputs_chart")
    # One filter at a time at a readable size (its maps are C_in + 1 panels wide).
    o = page_picker(
        "shown_filter",
        cout,
        lang,
        label_key="standard.channels.filter_page",
        container=st,
        page_text=lambda o: translate("standard.channels.filter_name", lang, o=o),  # as headed
    )
    part = cached_figure(channels.filter_view)(cin, cout, o, pin, lang=lang, **setting)
    st.markdown(f"**{translate('standard.channels.filter_header', lang, o=o, cin=cin)}**")
    grid_chart(part["kernels"], key=f"standard_slices_chart_{o}")
    chart = MAPS_CHART.format(o=o)
    grid_chart(
        part["maps"],
        key=chart,
        on_select=partial(pin_clicked_cell, chart, cin, PIN),  # panel cin: the sum
        selection_mode="points",
    )
    code_block(part["sum"], key=f"standard_channels_sum_{o}", lang=lang)
    export_buttons(
        f"standard_channels_{o}",
        lang=lang,
        file_stem=f"{files.file_stem(**setting)}_cin{cin}_cout{cout}_filter{o}",
        png=partial(files.channels_png, cin, cout, o, part["cell"], lang=lang, **setting),
        csv=partial(files.channels_csv, cin, cout, o, **setting),
    )
    st.caption(translate("standard.channels.agree", lang, diff=f"{view['agree']:.3g}"))
    pytorch_code(view["code"], lang)


def code_tab(x, fill, setting, lang):
    pytorch_code(cached(code.code_view)(x, fill, lang=lang, **setting), lang)


TAB_VIEWS = {
    "window": window_tab,
    "padding": padding_tab,
    "flip": flip_tab,
    "matrix": matrix_tab,
    "channels": channels_tab,
    "code": code_tab,
}


lang = current_language()
page_header("standard", lang)
colour_control(lang)
setting, x, fill = sidebar(lang)
if x is None:
    st.info(translate("standard.values_error", lang), icon=":material/edit:")
elif (size := size_view(x, fill, setting, lang)) is not None and answer_shown(
    size, x, setting, lang
):
    show_open_tab("standard", TAB_VIEWS, lang, x, fill, setting, lang)
    size_section(size, lang)
    page_intro("standard", lang)
share_link(lang)
