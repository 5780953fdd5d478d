"""Dilated (atrous) convolution: the kernel with gaps, the sliding window, receptive fields of
stacks (gridding and HDC), ASPP branches, a WaveNet causal stack and the alternatives.

Four tabs, of which only the open one runs (``?view=``): the window and its kernel, stacks
(with the comparison), WaveNet, and the PyTorch code."""

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
from convviz.controls.predict import answer_pending, predict_first, predict_switch
from convviz.controls.tabs import show_open_tab
from convviz.engine.errors import ConvValueError
from convviz.figures.common.grid import selected_cell
from convviz.figures.dilated import code as pycode
from convviz.figures.dilated import files, stack, views
from convviz.figures.dilated.kernel import KERNEL_FILLS
from convviz.figures.dilated.window import OUTPUT
from convviz.i18n import translate, translate_error
from convviz.stacks import (
    COLUMNS,
    DEFAULT_LAYERS,
    LIMITS,
    MAX_LAYERS,
    STACK_MODES,
    format_layers,
    layers_from_rows,
    linked_stack,
    parse_layers,
)

LAYER_KEYS = ("input_size", "kernel_size", "stride", "padding", "dilation")
DEFAULTS = {"input_size": {"default": 7}, "dilation": {"default": 2}}
WINDOW_CHART = "dilated_window"  # selection state of the sliding-window chart
PIN = "dilated_pin"  # pinned output cell (row, col)
STACK_BASE = "dilated_stack_base"  # the stack the layer table starts from (URL form)
STACK_VERSION = "dilated_stack_version"  # bumped to restart the layer table
LINK_ERROR = "dilated_stack_link_error"  # why the layers= link parameter was not used
LOAD_REQUEST = "layers"  # set by the stack preset menu: a stack to load into the table
COLUMN_DEFAULTS = {"kernel_size": 3, "stride": 1, "dilation": 1}


def sidebar(lang):
    """Single-layer controls; returns (params, input values or None, kernel fill)."""
    presets = st.sidebar.container()
    params = param_controls(LAYER_KEYS, lang, overrides=DEFAULTS)
    preset_picker("dilated", lang, params, container=presets)
    fill = choice_control("kernel_fill", KERNEL_FILLS, lang, container=st.sidebar)
    try:
        x = input_values_control((params["input_size"],) * 2, lang)
    except ConvValueError as err:
        with st.sidebar:
            show_error(err, lang, key="input_error")
        x = None
    return params, x, fill


def kernel_section(params, fill, lang):
    st.header(translate("dilated.kernel.header", lang))
    view = cached_figure(views.kernel_view)(params["kernel_size"], params["dilation"], fill, lang)
    st.markdown(view["size_text"])
    st.markdown(view["params_text"])
    grid_chart(view["figure"], key="dilated_kernel_chart")


@st.fragment
def window_section(params, x, fill, lang):
    """The sliding window, first on the page (a fragment: a click or play reruns only this)."""
    picked = selected_cell(st.session_state.get(WINDOW_CHART))
    if picked is not None and picked[2] == OUTPUT:
        st.session_state[PIN] = picked[:2]
    pin = st.session_state.get(PIN, (0, 0))
    try:
        view = cached_figure(views.window_view)(x, fill, pin, lang=lang, **params)
    except ConvValueError as err:
        show_error(err, lang, key="window_error")
        return
    setting = tuple(params[key] for key in LAYER_KEYS)  # as answer_pending below
    if not predict_first("dilated", setting, view["output_size"], lang, switch=False):
        return
    main_chart(view["figure"], key=WINDOW_CHART, on_select="rerun", selection_mode="points")
    st.markdown(view["formula"])
    for note in view["notes"]:
        st.caption(note)
    st.markdown(view["pinned"])
    code_block(view["pinned_sum"], key="dilated_window_sum", lang=lang)
    hover_view(view["hover"], key="dilated_hover", pin_key=PIN, lang=lang)
    layer = {k: params[k] for k in ("kernel_size", "stride", "padding", "dilation")}
    export_buttons(
        "dilated_window",
        lang=lang,
        file_stem=files.file_stem(**params),
        png=partial(files.window_png, x, fill, view["step"], lang=lang, **layer),
        gif=partial(files.window_gif, x, fill, lang=lang, **layer),
        gif_plan=cached(files.window_gif_plan)(x, fill, lang=lang, **layer),
        latex=partial(files.size_formula_tex, **params),
        csv=partial(files.output_csv, x, fill, **layer),
    )


def editor_key():
    """The layer table's widget key (a new one restarts the table)."""
    return f"layer_editor_{st.session_state.get(STACK_VERSION, 0)}"


def load_stack():
    """The stack the layer table starts from: a preset just chosen; the link when no table
    was on screen in the last run (a new session, or back from another tab: the table left
    every valid edit in the link, while Streamlit drops the state of a widget not drawn);
    otherwise as before."""
    request = st.session_state.pop(LOAD_REQUEST, None)
    if request is not None:
        st.session_state[STACK_BASE] = request
        st.session_state[STACK_VERSION] = st.session_state.get(STACK_VERSION, 0) + 1
        st.session_state.pop(LINK_ERROR, None)
    elif STACK_BASE not in st.session_state or editor_key() not in st.session_state:
        layers, _, link_error = linked_stack(st.query_params.get("layers"), None)
        st.session_state[STACK_BASE] = format_layers(layers)
        st.session_state.pop(LINK_ERROR, None)
        if link_error is not None:
            st.session_state[LINK_ERROR] = link_error
    return parse_layers(st.session_state[STACK_BASE])


def layer_table(base, lang):
    """The editable layer table (one row per layer); returns its rows as dicts."""
    columns = {
        name: st.column_config.NumberColumn(
            translate(f"dilated.stack.col_{name.split('_')[0]}", lang),
            min_value=LIMITS[name][0],
            max_value=LIMITS[name][1],
            step=1,
            format="%d",
            default=COLUMN_DEFAULTS[name],
            required=True,
        )
        for name in COLUMNS
    }
    edited = st.data_editor(
        stack.layers_table(base),
        key=editor_key(),
        num_rows="dynamic",
        hide_index=True,
        column_config=columns,
        width="content",
    )
    return edited.to_dict("records")


def write_stack_to_url(layers):
    """Keep the stack in ``?layers=`` (dropped when it is the default)."""
    text = format_layers(layers)
    if text == format_layers(DEFAULT_LAYERS):
        if "layers" in st.query_params:
            del st.query_params["layers"]
    elif st.query_params.get("layers") != text:
        st.query_params["layers"] = text


def stack_section(lang):
    """The stacks tab's table and field; returns (layers, mode), layers None while the table
    has a bad row."""
    st.header(translate("dilated.stack.header", lang))
    base = load_stack()
    left, right = st.columns(2)
    mode = choice_control("stack_mode", STACK_MODES, lang, container=left)
    st.caption(translate("dilated.stack.editor_caption", lang, limit=MAX_LAYERS))
    rows = layer_table(base, lang)
    link_error = st.session_state.get(LINK_ERROR)
    if link_error is not None:
        show_notice("dilated.stack.link_error", lang, reason=translate_error(link_error, lang))
    try:
        layers = layers_from_rows(rows)
    except ConvValueError as err:
        preset_picker("dilated_stack", lang, {"stack_mode": mode}, container=right)
        show_error(err, lang, key="stack_error")
        st.caption(translate("dilated.stack.invalid", lang))
        return None, mode
    if layers != base:
        st.session_state.pop(LINK_ERROR, None)
    write_stack_to_url(layers)
    current = {"layers": format_layers(layers), "stack_mode": mode}
    preset_picker("dilated_stack", lang, current, container=right)
    view = cached_figure(stack.stack_view)(layers, mode, lang)
    for text in view["texts"]:
        st.markdown(text)
    st.table(view["table"], hide_index=True)  # an HTML table: long text wraps, never "…"
    if view["figure"] is None:
        show_notice("dilated.stack.too_large", lang, rf=view["field"], limit=view["limit"])
    else:
        st.caption(view["caption"])
        grid_chart(view["figure"], key="dilated_stack_chart")
    for text in view["verdicts"]:
        st.markdown(text)
    if mode == "stack":
        png, csv = files.stack_files(view["field"])
        export_buttons(
            "dilated_stack",
            lang=lang,
            file_stem="dilated_stack_" + format_layers(layers).replace(",", "_"),
            png=partial(files.stack_png, layers, lang=lang) if png else None,
            csv=partial(files.stack_csv, layers) if csv else None,
        )
        if not png:
            st.caption(
                translate(
                    "dilated.stack.no_png" if csv else "dilated.stack.no_files",
                    lang,
                    rf=view["field"],
                    png=files.MAX_STACK_PNG_FIELD,
                    csv=files.MAX_STACK_CSV_FIELD,
                )
            )
    return layers, mode


def wavenet_section(lang):
    st.header(translate("dilated.wavenet.header", lang))
    st.markdown(translate("dilated.wavenet.intro", lang))
    layers = int_param("wavenet_layers", lang, container=st)
    view = cached_figure(views.wavenet_view)(layers, lang)
    st.markdown(view["text"])
    grid_chart(view["figure"], key="dilated_wavenet_chart", stretch=True)


def comparison_section(layers, mode, lang):
    st.header(translate("dilated.compare.header", lang))
    if layers is None:
        st.caption(translate("dilated.stack.invalid", lang))
        return
    try:
        view = cached_figure(views.comparison_view)(layers, mode, lang)
    except ConvValueError as err:
        show_error(err, lang, key="compare_error")
        st.caption(translate("dilated.compare.too_small", lang, size=views.COMPARE_SIZE))
        return
    st.markdown(view["intro"])
    st.table(view["table"], hide_index=True)  # an HTML table: long text wraps, never "…"
    grid_chart(view["figure"], key="dilated_compare_chart", stretch=True)
    st.caption(view["note"])


def window_tab(params, x, fill, lang):
    if x is not None:
        window_section(params, x, fill, lang)
    kernel_section(params, fill, lang)


def stacks_tab(params, x, fill, lang):
    layers, mode = stack_section(lang)
    comparison_section(layers, mode, lang)


def wavenet_tab(params, x, fill, lang):
    wavenet_section(lang)


def code_tab(params, x, fill, lang):
    """The sidebar's layer and the stack as the stacks tab left it in the link."""
    layers, mode, link_error = linked_stack(
        st.query_params.get("layers"), st.query_params.get("stack_mode")
    )
    if link_error is not None:
        show_notice("dilated.stack.link_error", lang, reason=translate_error(link_error, lang))
    pytorch_code(
        cached(pycode.code_view)(x, fill, layers, mode, lang=lang, **params),
        lang,
        note=pycode.code_note(x),
    )


TAB_VIEWS = {"window": window_tab, "stacks": stacks_tab, "wavenet": wavenet_tab, "code": code_tab}


lang = current_language()
page_header("dilated", lang)
colour_control(lang)
params, x, fill = sidebar(lang)
predict_switch(lang)  # outside the window's fragment: turning it on hides the whole page
if answer_pending("dilated", tuple(params[key] for key in LAYER_KEYS)):
    if x is not None:
        window_section(params, x, fill, lang)  # the question, and nothing that answers it
else:
    show_open_tab("dilated", TAB_VIEWS, lang, params, x, fill, lang)
    page_intro("dilated", lang)
share_link(lang)
