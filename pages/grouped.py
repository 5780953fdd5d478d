"""Grouped, depthwise and depthwise-separable convolution.

Five tabs, of which only the open one runs (``?view=``): which input channels feed which
outputs and the block-diagonal weight, the parameter and multiply-accumulate counts (where
"predict first" asks), one grouped convolution computed group by group on small numbers,
spatially separable kernels, and the PyTorch code. The sidebar (channels, groups, kernel,
input size, seed) is drawn on every tab.
"""

from functools import partial

import streamlit as st

from convviz.controls import (
    cached,
    choice_control,
    colour_control,
    current_language,
    grid_chart,
    int_param,
    page_header,
    page_intro,
    param_controls,
    preset_picker,
    pytorch_code,
    show_error,
    show_notice,
)
from convviz.controls.caching import cached_figure as figure
from convviz.controls.downloads import export_buttons, share_link
from convviz.controls.lecture import lecture_on, main_chart
from convviz.controls.predict import answer_pending, predict_first, predict_switch
from convviz.controls.tabs import show_open_tab
from convviz.controls.urlstate import (
    explain_url_int,
    seed_int_from_url,
    seed_labelled_int_from_url,
    write_to_url,
)
from convviz.controls.widgets import linked_switch, paged_span, url_switch
from convviz.engine.errors import ConvValueError
from convviz.export import grid_csv
from convviz.figures.common import channel_exports as files
from convviz.figures.common import counts
from convviz.figures.common.grid import cell_numbers_drawn
from convviz.figures.grouped import code as torch_code
from convviz.figures.grouped import compute, graph
from convviz.figures.grouped import files as grouped_files
from convviz.figures.grouped import groups as common
from convviz.figures.grouped import separable as sep
from convviz.figures.grouped import weight as block
from convviz.i18n import translate
from convviz.inputs import make_values
from convviz.param_specs import PARAM_SPECS

# The first view shows groups at work: the two-group preset's g (while the channels allow it).
DEFAULT_GROUPS = 2
LINK_KEY = "grouped_link_groups"  # g asked for by a shared link that these channels forbid
BIAS_KEY = "bias"  # the counts tab's switch (?bias=true): biases counted too


def _forget_link_request() -> None:
    st.session_state.pop(LINK_KEY, None)


def groups_control(in_channels: int, out_channels: int, lang: str) -> int:
    """A slider over the valid g only; explains a g from the URL or left invalid by a change."""
    options = common.valid_groups(in_channels, out_channels)
    default = DEFAULT_GROUPS if DEFAULT_GROUPS in options else options[0]
    if "groups" not in st.session_state:  # first run: a link may ask for an impossible g
        spec = PARAM_SPECS["groups"]
        seed_int_from_url("groups", low=spec.min_value, high=spec.max_value, default=default)
        asked = st.session_state.get("groups", default)
        if asked not in options:
            st.session_state[LINK_KEY] = asked
            asked = default
        st.session_state["groups"] = asked
    elif st.session_state["groups"] not in options:  # the channel counts just changed
        old = st.session_state["groups"]
        st.session_state["groups"] = max(g for g in options if g <= old)
        show_notice("grouped.groups_adjusted", lang, old=old, new=st.session_state["groups"])
    explain_url_int("groups", lang, st.sidebar, current=st.session_state.get(LINK_KEY))
    groups = st.sidebar.select_slider(
        translate("param.groups", lang),
        options,
        key="groups",
        help=translate("help.groups", lang),
        on_change=_forget_link_request,
    )
    write_to_url("groups", str(groups), str(default))
    st.sidebar.caption(
        translate(
            "grouped.groups_valid",
            lang,
            cin=in_channels,
            cout=out_channels,
            valid=common.list_text(options),
        )
    )
    requested = st.session_state.get(LINK_KEY)
    if requested is not None and groups == default:
        try:
            cached(common.check_groups)(in_channels, out_channels, requested)
        except ConvValueError as error:
            show_error(error, lang, key="groups_link")
            show_notice("grouped.groups_from_link", lang, requested=requested, shown=groups)
    return int(groups)


def select_channel(chart_key: str, reader) -> None:
    """on_select of a chart: the clicked output channel becomes the one explained."""
    picked = reader(st.session_state.get(chart_key))
    if picked is not None:
        st.session_state["channel"] = picked


def chosen_channel(cout: int) -> int:
    """The output channel explained (graph, weight, computation, code), on every tab.

    A link's ``?channel=y3`` is read first, and a channel left beyond ``cout`` by a change is
    moved to the last one. It is written to the link here, not only where its menu is drawn,
    so that a link copied from any tab keeps it.
    """
    seed_labelled_int_from_url("channel", "y", low=0, high=cout - 1, default=0)
    if st.session_state.get("channel", 0) >= cout:
        st.session_state["channel"] = cout - 1
    channel = int(st.session_state.get("channel", 0))
    write_to_url("channel", f"y{channel}", "y0")  # a link's ?channel=y99 now says what it shows
    return channel


def sidebar(lang):
    """Every control of the sidebar; returns the layer as a dict."""
    preset_box = st.sidebar.container()
    channels = param_controls(("in_channels", "out_channels"), lang)
    cin, cout = channels["in_channels"], channels["out_channels"]
    g = groups_control(cin, cout, lang)
    k = int_param("kernel_size", lang)
    i = int_param("input_size", lang, default=4)
    seed = int_param("seed", lang)
    preset_picker("grouped", lang, {**channels, "groups": g}, container=preset_box)
    return {"cin": cin, "cout": cout, "g": g, "k": k, "i": i, "seed": seed}


def layer_stem(layer) -> str:
    """The start of the layer's file names, e.g. ``grouped_cin4_cout4_g2``."""
    return files.file_stem("grouped", cin=layer["cin"], cout=layer["cout"], g=layer["g"])


def graph_section(layer, channel, lang):
    """Which input channels feed which outputs: the page's main chart."""
    cin, cout, g, k = layer["cin"], layer["cout"], layer["g"], layer["k"]
    st.subheader(translate("grouped.graph.header", lang))
    main_chart(
        figure(graph.connectivity_figure)(
            cin, cout, g, kernel_size=k, lang=lang, selected_output=channel
        ),
        key="graph",
        on_select=lambda: select_channel("graph", graph.selected_output),
        selection_mode="points",
        config={"displayModeBar": False},
    )
    st.caption(translate("grouped.graph.caption", lang))
    edges_key, edges_values = common.edges_sentence(cin, cout, g)
    st.markdown(translate(edges_key, lang, **edges_values))
    export_buttons(
        "grouped_graph",
        lang=lang,
        file_stem=f"{layer_stem(layer)}_graph",
        png=partial(grouped_files.graph_png, cin, cout, g, kernel_size=k, lang=lang),
    )


def block_section(layer, weight, channel, lang):
    """The weight as a block-diagonal matrix of k×k kernels."""
    cin, cout, g = layer["cin"], layer["cout"], layer["g"]
    st.subheader(translate("grouped.block.header", lang))
    block_figure = figure(block.block_matrix_figure)(
        cin, cout, g, lang=lang, weight=weight, selected_output=channel
    )
    grid_chart(block_figure, key="grouped_block_chart", config={"displayModeBar": False})
    labelled = cell_numbers_drawn(block_figure)  # else the caption says to hover for o,c′
    block_key, block_values = common.block_sentence(cin, cout, g, labelled=labelled)
    st.caption(translate(block_key, lang, **block_values))
    export_buttons(
        "grouped_block",
        lang=lang,
        file_stem=f"{layer_stem(layer)}_weight",
        png=partial(grouped_files.block_png, cin, cout, g, lang=lang),
        latex=partial(grouped_files.block_latex, cin, cout, g),
        csv=partial(grouped_files.block_csv, cin, cout, g),
    )


def channels_tab(layer, weight, channel, lang):
    """The graph and the block-diagonal weight side by side (one under the other in lecture
    mode, where the graph fills the width), and what kind of convolution this is."""
    left, right = (st.container(), st.container()) if lecture_on() else st.columns(2, gap="large")
    with left:
        graph_section(layer, channel, lang)
    with right:
        block_section(layer, weight, channel, lang)
    st.markdown(common.kind_text(layer["cin"], layer["cout"], layer["g"], lang=lang))


def params_question(layer, bias):
    """What "predict first" asks the parameter count of."""
    return (layer["cin"], layer["cout"], layer["g"], layer["k"], bias)


def count_rows(layer, bias):
    """The counts table's rows (raises ConvValueError when the kernel does not fit the input:
    there are no multiply-accumulates to count, and "predict first" asks nothing)."""
    cin, cout, g, k, i = (layer[key] for key in ("cin", "cout", "g", "k", "i"))
    return cached(counts.comparison_rows)(cin, cout, g, kernel_size=k, input_size=i, bias=bias)


def code_waits(layer, bias):
    """Whether the code must wait for the prediction the counts tab asks (only while the
    counts can be made: with a kernel larger than the input no question is asked)."""
    try:
        count_rows(layer, bias)
    except ConvValueError:
        return False
    return answer_pending("grouped", params_question(layer, bias))


def counts_tab(layer, weight, channel, lang):
    """Parameter and multiply-accumulate counts, every term shown; "predict first" asks the
    grouped layer's parameter count here."""
    cin, cout, g, k, i = (layer[key] for key in ("cin", "cout", "g", "k", "i"))
    st.subheader(translate("counts.header", lang))
    bias = url_switch(BIAS_KEY, lang, text="counts.bias", container=st)
    try:
        rows = count_rows(layer, bias)
    except ConvValueError as error:  # the kernel does not fit
        show_error(error, lang, key="counts")
        return
    answer = counts.params_of(rows, "grouped")
    question = params_question(layer, bias)
    if not predict_first("grouped", question, answer, lang, quantity="params", switch=False):
        return
    st.caption(translate("counts.caption", lang, o=i - k + 1, i=i, k=k))
    st.markdown(counts.comparison_table(rows, groups=g, lang=lang))
    chart, ratios = st.columns([2, 3], gap="large")
    grid_chart(
        figure(counts.counts_figure)(rows, groups=g, lang=lang),
        container=chart,
        stretch=True,
        config={"displayModeBar": False},
    )
    ratios.markdown(counts.savings_text(cin, cout, g, kernel_size=k, lang=lang))


def terms_section(layer, x, weight, channel, lang):
    """One output channel as the sum of its group's terms, paged when they do not fit."""
    cin, cout, g, k, i = (layer[key] for key in ("cin", "cout", "g", "k", "i"))
    st.selectbox(
        translate("grouped.compute.out_channel", lang),
        range(cout),
        format_func=lambda o: f"y{o}",
        key="channel",
        width=240,
        persist_state="session",
    )
    explain_url_int("channel", lang, st)
    caption = compute.compute_caption(
        cin, cout, g, k=k, i=i, seed=layer["seed"], out_channel=channel, lang=lang
    )
    st.markdown(caption)
    per_page = cached(compute.terms_per_page)(x, weight, groups=g, out_channel=channel)
    terms = paged_span(
        "shown_terms",
        cin // g,
        per_page,
        lang,
        noun="terms",
        container=st,
        first_number=common.first_input_channel(channel, cin, cout, g),
    )
    grid_chart(
        figure(compute.terms_figure)(
            x, weight, groups=g, out_channel=channel, lang=lang, span=terms
        ),
        key="grouped_terms_chart",
        config={"displayModeBar": False},
    )
    export_buttons(
        "grouped_terms",
        lang=lang,
        file_stem=f"{layer_stem(layer)}_y{channel}",
        png=partial(grouped_files.terms_png, x, weight, groups=g, out_channel=channel, lang=lang),
        latex=partial(grouped_files.filter_latex, weight, out_channel=channel),
        csv=partial(grouped_files.weight_csv, weight),
    )


def outputs_section(layer, result, channel, lang):
    """Every output channel: the groups' outputs concatenated, and the check against conv2d."""
    cout, g = layer["cout"], layer["g"]
    concatenated = result["concatenated"]
    st.markdown(f"**{translate('grouped.concat.title', lang, g=g)}**")
    per_page = cached(compute.outputs_per_page)(concatenated, groups=g, lang=lang)
    outputs = paged_span(
        "shown_outputs", cout, per_page, lang, noun="outputs", container=st, follow=channel
    )
    grid_chart(
        figure(compute.outputs_figure)(
            concatenated, groups=g, lang=lang, selected_output=channel, span=outputs
        ),
        key="outputs",
        on_select=lambda: select_channel("outputs", compute.clicked_panel),
        selection_mode="points",
        config={"displayModeBar": False},
    )
    export_buttons(
        "grouped_outputs",
        lang=lang,
        file_stem=f"{layer_stem(layer)}_outputs",
        png=partial(
            grouped_files.outputs_png, concatenated, groups=g, lang=lang, selected_output=channel
        ),
        csv=partial(files.channels_csv, concatenated),
    )
    st.markdown(translate("grouped.concat.check", lang, g=g, diff=f"{result['max_diff']:.3g}"))


def compute_tab(layer, weight, channel, lang):
    """One grouped convolution on small numbers, computed group by group."""
    st.subheader(translate("grouped.compute.header", lang))
    x = cached(make_values)("random", (layer["cin"], layer["i"], layer["i"]), seed=layer["seed"])
    try:
        result = cached(compute.grouped_by_hand)(x, weight, groups=layer["g"])
    except ConvValueError as error:  # the kernel does not fit
        show_error(error, lang, key="compute")
        return
    terms_section(layer, x, weight, channel, lang)
    outputs_section(layer, result, channel, lang)


def separable_tab(layer, weight, channel, lang):
    """Spatially separable kernels: a k×k kernel as k×1 then 1×k, when its rank is 1."""
    st.subheader(translate("separable.header", lang))
    st.markdown(translate("separable.intro", lang))
    example = choice_control("separable_kernel", tuple(sep.EXAMPLES), lang, container=st)
    kernel = cached(sep.example_kernel)(example, kernel_size=layer["k"], seed=layer["seed"])
    view = cached(sep.separable_view)(kernel)
    grid_chart(
        figure(sep.split_figure)(kernel, view, lang=lang),
        key="grouped_split_chart",
        config={"displayModeBar": False},
    )
    verdict = sep.verdict_text(kernel, view, lang=lang)
    st.markdown(verdict)
    export_buttons(
        "separable",
        lang=lang,
        file_stem=f"separable_{example}_k{kernel.shape[0]}",
        png=partial(grouped_files.separable_png, kernel, view, caption=verdict, lang=lang),
        latex=partial(grouped_files.separable_latex, kernel, view),
        csv=partial(grid_csv, kernel),
    )


def code_tab(layer, weight, channel, lang):
    """The layer in PyTorch on the page's numbers; it prints the parameter counts, so it
    waits while "predict first" does."""
    if code_waits(layer, linked_switch(BIAS_KEY)):
        show_notice("grouped.code.predict_first", lang)
        return
    snippet = torch_code.pytorch_snippet(
        layer["cin"],
        layer["cout"],
        layer["g"],
        kernel_size=layer["k"],
        input_size=layer["i"],
        seed=layer["seed"],
        out_channel=channel,
        lang=lang,
    )
    pytorch_code(snippet, lang)


TAB_VIEWS = {
    "channels": channels_tab,
    "counts": counts_tab,
    "compute": compute_tab,
    "separable": separable_tab,
    "code": code_tab,
}


lang = current_language()
page_header("grouped", lang)
colour_control(lang)
layer = sidebar(lang)
channel = chosen_channel(layer["cout"])
weight = cached(make_values)(
    "random",
    (layer["cout"], layer["cin"] // layer["g"], layer["k"], layer["k"]),
    seed=layer["seed"] + 1,
)
predict_switch(lang, quantity="params")  # on every tab; the counts tab asks
linked_switch(BIAS_KEY)  # the counts tab's switch, kept in the link on every tab
show_open_tab("grouped", TAB_VIEWS, lang, layer, weight, channel, lang)
page_intro("grouped", lang)
share_link(lang)
