"""Deformable convolution: one output cell's moved sampling points and bilinear reads, offset
fields drawn as arrows, where the offsets come from (the offset and mask convolutions) and the
receptive field of two stacked layers.

Five tabs, of which only the open one runs (``?view=``): the sampling points, the offset
field, the offset convolutions, two stacked layers and the PyTorch code. The sidebar (the
layer, the offsets, the output cell and tap) is drawn on every tab."""

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
    pytorch_code,
    show_error,
    show_notice,
)
from convviz.controls.caching import cached_figure as figure
from convviz.controls.code_block import code_block
from convviz.controls.downloads import export_buttons, share_link
from convviz.controls.lecture import main_chart
from convviz.controls.predict import answer_pending, predict_first, predict_switch
from convviz.controls.tabs import show_open_tab
from convviz.controls.urlstate import linked_int
from convviz.controls.widgets import float_param, url_int_widget
from convviz.engine.deform_trace import cell_sampling
from convviz.engine.errors import ConvValueError
from convviz.engine.offset_fields import OFFSET_KINDS
from convviz.figures.common.grid import clicked_data, format_number, selected_cell
from convviz.figures.deformable import code as torch_code
from convviz.figures.deformable import counts, data, field, files, sampling, stack
from convviz.figures.deformable import text as texts
from convviz.i18n import translate

LAYER_KEYS = ("input_size", "kernel_size", "stride", "padding", "dilation")
OVERRIDES = {
    "input_size": {"default": 7, "min_value": 3, "max_value": 16},
    "kernel_size": {"max_value": 5},
    "stride": {"max_value": 3},
    "padding": {"default": 1, "max_value": 3},
    "dilation": {"max_value": 3},
}
CHART = "deformable_chart"
# The offset convolutions' fields (deform_<name>, in the link too): name -> (default, largest)
COUNT_FIELDS = {"in_channels": (64, 4096), "out_channels": (64, 4096), "offset_groups": (1, 64)}


def pick_from_chart() -> None:
    """on_select of the main chart: an output cell sets the cell, a moved point the tap."""
    event = st.session_state.get(CHART)
    cell = selected_cell(event)
    if cell is not None and cell[2] == 1:  # panel 1 is the output
        st.session_state["cell_row"], st.session_state["cell_col"] = cell[0], cell[1]
    point = clicked_data(event, size=sampling.TAP_SIZE)
    if point is not None:
        st.session_state["tap"] = point[0]


def index_slider(key: str, last: int, lang: str, default: int = 0) -> int:
    """A cell or tap slider over 0 … ``last``; its value is moved inside a shrunk range before
    it is drawn, and with one choice (``last`` = 0) there is nothing to choose."""
    if last == 0:
        return 0
    if st.session_state.get(key, 0) > last:
        st.session_state[key] = last
    return int_param(key, lang, max_value=last, default=default)


def sidebar(lang):
    """Every control of the sidebar; returns the settings as a dict."""
    params = param_controls(LAYER_KEYS, lang, overrides=OVERRIDES)
    picture = choice_control("deform_input", data.PICTURES, lang, horizontal=False)
    kernel = choice_control("deform_kernel", data.KERNELS, lang)
    offsets = choice_control("offsets", OFFSET_KINDS, lang, default="shape", horizontal=False)
    amount = 0.0
    if offsets in data.AMOUNTS:
        spec = data.AMOUNTS[offsets]
        amount = float_param(
            spec.key,
            translate(f"deformable.amount.{offsets}", lang),
            lang,
            min_value=spec.min_value,
            max_value=spec.max_value,
            step=spec.step,
            default=spec.default,
            help=translate("deformable.amount_help", lang),
        )
    seed = int_param("seed", lang)
    mask = st.sidebar.toggle(
        translate("deformable.param.mask", lang),
        key="mask",
        help=translate("deformable.help.mask", lang),
        bind="query-params",
    )
    return {
        **params,
        "picture_kind": picture,
        "kernel_kind": kernel,
        "offsets": offsets,
        "amount": amount,
        "seed": seed,
        "mask": mask,
    }


def pick_controls(settings, o, lang):
    """The cell and tap sliders, and the hand edit of that tap; returns (i, j, tap, edit)."""
    k = settings["kernel_size"]
    i = index_slider("cell_row", o - 1, lang, default=o // 2)
    j = index_slider("cell_col", o - 1, lang, default=o // 2)
    tap = index_slider("tap", k * k - 1, lang)
    edit = None
    if st.sidebar.toggle(
        translate("deformable.param.edit_tap", lang),
        key="edit_tap",
        help=translate("deformable.help.edit_tap", lang),
        bind="query-params",
    ):
        dy, dx = (
            float_param(
                key,
                translate(f"deformable.param.{key}", lang),
                lang,
                min_value=-3.0,
                max_value=3.0,
                step=0.25,
                default=0.0,
            )
            for key in ("tap_dy", "tap_dx")
        )
        edit = (i, j, tap, dy, dx)
    return i, j, tap, edit


def sampling_section(settings, arrays, pick, lang):
    """The chosen cell's points over the input (first on the page), the sum, one point opened."""
    i, j, tap, edit = pick
    k = settings["kernel_size"]
    if edit is not None:
        st.info(
            translate(
                "deformable.sample.edited",
                lang,
                t=tap,
                i=i,
                j=j,
                dy=format_number(edit[3]),
                dx=format_number(edit[4]),
            ),
            icon=":material/edit:",
        )
    hyper = {name: settings[name] for name in ("stride", "padding", "dilation")}
    cell = cached(cell_sampling)(
        arrays["x"], arrays["offset"], arrays["kernel"], cell=(i, j), mask=arrays["mask"], **hyper
    )
    m = data.margin(arrays["points"], settings["input_size"], settings["padding"])
    main_chart(
        figure(sampling.sampling_figure)(
            arrays["x"], arrays["output"], cell, tap=tap, m=m, lang=lang
        ),
        key=CHART,
        on_select=pick_from_chart,
        selection_mode="points",
        config={"displayModeBar": False},
    )
    st.caption(
        translate(
            "deformable.sample.caption",
            lang,
            k=k,
            i=i,
            j=j,
            s=settings["stride"],
            p=settings["padding"],
            d=settings["dilation"],
        )
    )
    size = settings["input_size"]
    hidden = sampling.hidden_points(cell, size, m)
    if hidden:
        show_notice("deformable.sample.hidden", lang, n=hidden, m=m)
    if size > data.NUMBERED_SIDE:
        st.caption(translate("deformable.sample.picture", lang))
    masked = arrays["mask"] is not None
    mask_text = translate("deformable.sample.sum_mask", lang) if masked else ""
    st.markdown(translate("deformable.sample.sum", lang, mask=mask_text))
    code_block(texts.sum_line(cell, masked=masked), key="deformable_sum", lang=lang)
    value = format_number(float(arrays["output"][i, j]), 3)
    st.markdown(translate("deformable.sample.check", lang, i=i, j=j, value=value))
    # An HTML table: long text wraps at 1024 px instead of ending in "…".
    st.table(texts.taps_table(cell, masked=masked, lang=lang), hide_index=True)
    sweep = {name: arrays[name] for name in ("x", "offset", "kernel", "mask", "output")}
    sweep |= {"row": i, "m": m, "lang": lang, **hyper}
    plan = cached(files.sweep_gif_plan)(**sweep)
    st.caption(translate("deformable.files.caption", lang, i=i, frames=len(plan.steps), t=tap))
    export_buttons(
        "deformable_cell",
        lang=lang,
        file_stem=files.file_stem(**{key: settings[key] for key in ("offsets", *LAYER_KEYS)}),
        png=partial(
            files.sampling_png, arrays["x"], arrays["output"], cell, m=m, masked=masked, lang=lang
        ),
        gif=partial(files.sweep_gif, **sweep),
        gif_plan=plan,
        latex=partial(files.bilinear_latex, cell, tap),
        csv=partial(files.offsets_csv, arrays["offset"]),
    )
    st.subheader(translate("deformable.point.header", lang))
    left, right = st.columns([3, 2])
    with left:
        for line in texts.point_lines(cell, tap, lang):
            st.markdown(line)
    with right:
        grid_chart(
            figure(sampling.opened_point_figure)(cell, tap, lang),
            key="deformable_opened_chart",
            config={"displayModeBar": False},
        )


def offsets_section(settings, arrays, tap, m, lang, *, channels_shown):
    """What the chosen offsets do, and tap ``tap`` at every output cell.

    The sentence on the field's shape, (2·k², H_out, W_out), counts the offset channels
    "predict first" asks about: it is left out while ``channels_shown`` is False.
    """
    st.header(translate("deformable.offsets.header", lang))
    st.markdown(
        translate(
            f"deformable.offsets.{settings['offsets']}",
            lang,
            amount=format_number(settings["amount"]),
            seed=settings["seed"],
        )
    )
    if channels_shown:
        k, o = settings["kernel_size"], arrays["output"].shape[0]
        st.caption(translate("deformable.offsets.channels", lang, taps=k * k, o=o))
    regular = cached(data.regular_points)(arrays["points"], arrays["offset"])
    grid_chart(
        figure(field.field_figure)(arrays["x"], arrays["points"], regular, tap=tap, m=m, lang=lang),
        key="deformable_field_chart",
        config={"displayModeBar": False},
    )
    st.caption(translate("deformable.offsets.caption", lang, t=tap))


def stack_section(settings, cell, lang):
    """The receptive field of two stacked deformable layers against two standard."""
    st.header(translate("deformable.stack.header", lang))
    view = cached(data.stack_arrays)(**settings, cell=cell)
    k, d = settings["kernel_size"], settings["dilation"]
    i, j = view["cell"]
    st.markdown(translate("deformable.stack.intro", lang, k=k, d=d, p=view["padding"], i=i, j=j))
    grid_chart(
        figure(stack.stack_figure)(view["x"], view["deformable"], view["standard"], lang),
        key="deformable_stack_chart",
        config={"displayModeBar": False},
    )
    st.markdown(
        translate(
            "deformable.stack.counts",
            lang,
            deformable=int(view["deformable"].field.sum()),
            points=len(view["deformable"].bottom_points),
            cells=len(view["deformable"].middle_cells),
            standard=int(view["standard"].field.sum()),
        )
    )
    st.caption(translate("deformable.stack.caption", lang))


def count_fields(lang):
    """The offset convolutions' channel and group fields, in a row, kept in the link."""
    fields = {}
    for column, (name, (default, top)) in zip(st.columns(3), COUNT_FIELDS.items(), strict=True):
        fields[name] = url_int_widget(
            column.number_input,
            f"deform_{name}",
            lang,
            column,
            low=1,
            high=top,
            default=default,
            label=translate(f"deformable.counts.{name}", lang),
            min_value=1,
            max_value=top,
            step=1,
        )
    return fields


def linked_counts():
    """The values of :func:`count_fields` on a tab that does not draw them: from the link."""
    return {
        name: linked_int(f"deform_{name}", low=1, high=top, default=default)
        for name, (default, top) in COUNT_FIELDS.items()
    }


def counts_view(fields, settings, out_size, lang):
    """The offset convolutions' texts and table (raises ConvValueError for counts that do not
    fit, e.g. channels not divisible by the groups)."""
    return cached(counts.counts_view)(
        **fields,
        kernel_size=settings["kernel_size"],
        out_size=out_size,
        modulated=settings["mask"],
        lang=lang,
    )


def channels_question(fields, settings):
    """What "predict first" asks the offset-channel count of."""
    return (*fields.values(), settings["kernel_size"], settings["mask"])


def channels_shown(settings, out_size, lang):
    """Whether a tab other than the counts tab may show the offset-channel count: unless
    "predict first" still waits for it (asked on the counts tab, for the link's counts)."""
    fields = linked_counts()
    try:
        counts_view(fields, settings, out_size, lang)
    except ConvValueError:
        return True  # counts that do not fit: no question is asked
    return not answer_pending("deformable", channels_question(fields, settings))


def counts_section(settings, out_size, lang):
    """The offset (and mask) convolutions, their parameters and cost; while "predict first"
    waits, the question instead."""
    st.header(translate("deformable.counts.header", lang))
    st.markdown(translate("deformable.counts.intro", lang))
    fields = count_fields(lang)
    try:
        view = counts_view(fields, settings, out_size, lang)
    except ConvValueError as error:
        show_error(error, lang, key="counts_error")
        return
    question = channels_question(fields, settings)
    if not predict_first(
        "deformable", question, view["channels"], lang, quantity="offset_channels", switch=False
    ):
        return
    for line in view["texts"]:
        st.markdown(line)
    st.table(view["table"], hide_index=True)  # an HTML table: long text wraps, never "…"
    st.caption(translate("deformable.counts.note", lang, o=out_size))


def sampling_tab(settings, arrays, pick, lang):
    sampling_section(settings, arrays, pick, lang)


def offsets_tab(settings, arrays, pick, lang):
    shown = channels_shown(settings, arrays["output"].shape[0], lang)
    m = data.margin(arrays["points"], settings["input_size"], settings["padding"])
    offsets_section(settings, arrays, pick[2], m, lang, channels_shown=shown)


def counts_tab(settings, arrays, pick, lang):
    counts_section(settings, arrays["output"].shape[0], lang)


def stack_tab(settings, arrays, pick, lang):
    stack_section(settings, pick[:2], lang)


def code_tab(settings, arrays, pick, lang):
    """The chosen cell through torchvision; its offset tensors count the offset channels, so
    it waits while "predict first" does."""
    if not channels_shown(settings, arrays["output"].shape[0], lang):
        show_notice("deformable.code.predict_first", lang)
        return
    snippet = cached(torch_code.code_view)(
        arrays["x"],
        arrays["kernel"],
        arrays["offset"],
        arrays["mask"],
        arrays["output"],
        offsets=settings["offsets"],
        edited=pick[3] is not None,
        amount=settings["amount"],
        seed=settings["seed"],
        cell=pick[:2],
        stride=settings["stride"],
        padding=settings["padding"],
        dilation=settings["dilation"],
        lang=lang,
    )
    pytorch_code(snippet, lang, note="deformable.code.note")


TAB_VIEWS = {
    "sampling": sampling_tab,
    "offsets": offsets_tab,
    "counts": counts_tab,
    "stack": stack_tab,
    "code": code_tab,
}


lang = current_language()
page_header("deformable", lang)
colour_control(lang)
settings = sidebar(lang)
try:
    side = data.output_side(**settings)
except ConvValueError as error:
    show_error(error, lang, key="setting_error")
    side = None
if side is not None:
    predict_switch(lang, quantity="offset_channels")  # on every tab; the counts tab asks
    pick = pick_controls(settings, side, lang)
    arrays = cached(data.page_arrays)(**settings, edit=pick[3])
    show_open_tab("deformable", TAB_VIEWS, lang, settings, arrays, pick, lang)
    page_intro("deformable", lang)
share_link(lang)
