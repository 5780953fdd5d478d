"""Image lab: classic and typed kernels on a real picture (depthwise, per channel) with stride,
dilation and padding mode, and four ways of doubling its size side by side."""

from functools import partial

import pandas as pd
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
    png_image,
    pytorch_code,
    show_error,
)
from convviz.controls.caching import cached_figure
from convviz.controls.downloads import export_buttons, share_link
from convviz.controls.predict import predict_first
from convviz.controls.upload import image_source
from convviz.controls.urlstate import write_to_url
from convviz.engine.errors import ConvValueError
from convviz.figures.image_lab import filtering, upsampling
from convviz.figures.image_lab.code import code_view
from convviz.i18n import translate
from convviz.image_ops import PICTURES, load_picture
from convviz.images import DEFAULT_MAX_SIDE
from convviz.lab_kernels import (
    CUSTOM,
    KERNEL_NAMES,
    MAX_CELL_CHARS,
    MAX_KERNEL_SIDE,
    classic_kernel,
    format_kernel,
    identity_kernel,
    kernel_text,
    parse_kernel_grid,
    starting_kernel,
)
from convviz.param_specs import PADDING_MODES
from convviz.upsampling import UPSAMPLE_KERNELS, UPSAMPLE_METHODS

OUTPUT_VIEWS = ("auto", "rgb", "map")
FIRST_FILTER = "sobel_x"  # the first view shows an effect at once: vertical edges
KERNEL_LINK = "custom_kernel"  # ?custom_kernel=0,-1,0;-1,5,-1;0,-1,0
EDITOR_BASES = "image_lab_kernel_bases"  # size -> the grid the editor of that size starts from


def picture(lang):
    """The picture: a shipped one, or an upload (None when the file was refused)."""
    image = image_source(lang)
    if st.session_state.get("image_source", "sample") == "sample":
        name = choice_control("picture", tuple(PICTURES), lang, horizontal=False)
        image = cached(load_picture)(name, max_side=DEFAULT_MAX_SIDE)
    return image


def sidebar(lang):
    """Kernel choice and hyper-parameters; returns (filter name, k or None, params)."""
    name = choice_control(
        "filter", (*KERNEL_NAMES, CUSTOM), lang, default=FIRST_FILTER, horizontal=False
    )
    size = None
    if name == CUSTOM:
        size = int_param(
            "kernel_size",
            lang,
            max_value=MAX_KERNEL_SIDE,
            label=translate("image_lab.param.kernel_size", lang),
        )
    params = param_controls(("stride", "dilation"), lang)
    params["padding_mode"] = choice_control("padding_mode", PADDING_MODES, lang)
    params["output_view"] = choice_control("output_view", OUTPUT_VIEWS, lang)
    return name, size, params


def typed_kernel(k, lang):
    """The editable k×k grid; returns the parsed kernel or None (the reason is shown)."""
    bases = st.session_state.setdefault(EDITOR_BASES, {})
    if k not in bases:
        bases[k] = starting_kernel(k, st.query_params.get(KERNEL_LINK))
    labels = [str(j) for j in range(1, k + 1)]
    grid = pd.DataFrame(
        [[kernel_text(v) for v in row] for row in bases[k]], columns=labels, index=labels
    )
    st.caption(translate("image_lab.custom.caption", lang))
    edited = st.data_editor(
        grid,
        key=f"image_lab_kernel_{k}",
        num_rows="fixed",
        column_config={
            label: st.column_config.TextColumn(label, width=70, max_chars=MAX_CELL_CHARS)
            for label in labels
        },
        width="content",
    )
    cells = tuple(tuple(row) for row in edited.to_numpy(dtype=object).tolist())
    try:
        kernel = cached(parse_kernel_grid)(cells)
    except ConvValueError as err:
        show_error(err, lang, key="image_lab_kernel_error")
        st.caption(translate("image_lab.custom.invalid", lang))
        return None
    write_to_url(KERNEL_LINK, format_kernel(kernel), format_kernel(identity_kernel(k)))
    return kernel


def filter_section(image, name, size, params, lang):
    """Section 1; returns (kernel or None, output size or None).

    With "predict first" on, the input, the kernel and the padding rule come first; the
    output, its sizes and its file wait for the learner's prediction of the output width
    (the output size is then None, so that the code leaves it out too).
    """
    st.header(translate("image_lab.filter.header", lang))
    if name == CUSTOM:
        kernel = typed_kernel(size, lang)
        if kernel is None:
            return None, None
    else:
        write_to_url(KERNEL_LINK, None, None)
        kernel = classic_kernel(name)
    hyper = {key: params[key] for key in ("stride", "dilation", "padding_mode", "output_view")}
    try:
        view = cached_figure(filtering.filter_view)(image, kernel, lang=lang, **hyper)
    except ConvValueError as err:
        show_error(err, lang, key="image_lab_filter_error")
        return kernel, None
    question = (image.shape, kernel.shape, params["stride"], params["dilation"])
    shown = predict_first("image_lab", question, view["out_hw"][1], lang, quantity="width")
    left, right = st.columns(2)
    png_image(cached(filtering.picture_png)(image), caption=view["input_caption"], container=left)
    if shown and view["figure"] is None:
        right.image(view["output_jpeg"], caption=view["output_caption"])
    elif shown:
        grid_chart(view["figure"], key="image_lab_map", container=right, keep_on_phone=False)
    if name != CUSTOM:  # the typed kernel is its own table, above the pictures
        st.dataframe(
            pd.DataFrame([[kernel_text(v) for v in row] for row in kernel]),
            hide_index=True,
            width="content",
        )
    st.caption(view["kernel_caption"])
    if not shown:  # the padding helps the prediction; the per-axis sums give it away
        st.markdown(view["padding_rule"])
        return kernel, None
    st.markdown("  \n".join(view["sizes"]))
    for note in view["notes"]:
        st.caption(note)
    oh, ow = view["out_hw"]
    export_buttons(
        "image_lab_filter",
        lang=lang,
        file_stem=f"image_lab_{name}_s{params['stride']}_d{params['dilation']}"
        f"_{params['padding_mode']}_{oh}x{ow}",
        png=partial(filtering.filter_png, image, kernel, **hyper),
    )
    return kernel, view["out_hw"]


def upsample_section(image, lang):
    """Section 2; returns (method, small picture's (h, w), the method's kernel)."""
    st.header(translate("image_lab.up.header", lang))
    left, right = st.columns(2)
    kind = choice_control("upsample_kernel", UPSAMPLE_KERNELS, lang, container=left)
    method = choice_control("upsample", UPSAMPLE_METHODS, lang, container=right)
    view = cached(upsampling.upsample_tiles)(image, kind=kind, lang=lang)
    st.markdown(view["intro"])
    st.markdown(view["kernels"])
    for column, (_, caption, full, zoomed) in zip(st.columns(4), view["tiles"], strict=True):
        png_image(full, caption=caption, container=column)
        png_image(zoomed, caption=view["zoom_caption"], container=column)
    chosen = cached(upsampling.method_view)(method, kind, view["small_hw"], lang=lang)
    st.markdown(chosen["selected"])
    st.markdown(chosen["flat"])
    h, w = view["small_hw"]
    export_buttons(
        "image_lab_upsample",
        lang=lang,
        file_stem=f"image_lab_{method}_{kind}_{2 * h}x{2 * w}",
        png=partial(bytes, view["pngs"][method]),
    )
    overlap = cached_figure(upsampling.overlap_view)(lang=lang)
    st.subheader(translate("image_lab.up.overlap_header", lang))
    st.markdown(overlap["text"])
    grid_chart(overlap["figure"], key="image_lab_overlap")
    st.markdown(overlap["remedy"])
    return method, view["small_hw"], chosen["kernel"]


lang = current_language()
page_header("image_lab", lang)
colour_control(lang)
image = picture(lang)
name, size, params = sidebar(lang)
if image is None:
    st.info(translate("image_lab.refused", lang), icon=":material/upload:")
else:
    kernel, out_hw = filter_section(image, name, size, params, lang)
    page_intro("image_lab", lang)
    method, small_hw, up_kernel = upsample_section(image, lang)
    code = cached(code_view)(
        kernel if out_hw is not None else None,
        up_kernel,
        method=method,
        in_hw=image.shape[:2],
        out_hw=out_hw,
        small_hw=small_hw,
        stride=params["stride"],
        dilation=params["dilation"],
        padding_mode=params["padding_mode"],
        lang=lang,
    )
    pytorch_code(code, lang, note="image_lab.code.note")
share_link(lang)
