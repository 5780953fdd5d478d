"""3-D convolution: a clip of frames, the kD×kH×kW window sliding over space and time, 2-D against
3-D convolution, the output size per axis, and the weights and MACs of video layers.

Four tabs, of which only the open one runs (``?view=``): the window (with the sizes per axis and
the 3-D view), 2-D against 3-D, the video layers' weights, and the PyTorch code."""

from functools import partial

import streamlit as st

from convviz.clips import CLIP_KINDS, KERNEL_KINDS_3D
from convviz.controls import (
    cached,
    choice_control,
    colour_control,
    current_language,
    grid_chart,
    int_param,
    page_header,
    page_intro,
    preset_picker,
    pytorch_code,
    show_error,
    show_notice,
)
from convviz.controls.caching import at_step, cached_figure
from convviz.controls.code_block import code_block
from convviz.controls.downloads import export_buttons, share_link
from convviz.controls.lecture import main_chart
from convviz.controls.predict import predict_first
from convviz.controls.tabs import show_open_tab
from convviz.controls.urlstate import linked_int
from convviz.controls.voxel_view import voxel_view
from convviz.controls.widgets import count_fields, linked_switch, url_switch
from convviz.engine.errors import ConvValueError
from convviz.figures.common.grid import selected_cell
from convviz.figures.common.panels import MAX_ANIMATED_STEPS
from convviz.figures.conv3d import code as torch_code
from convviz.figures.conv3d import files, views
from convviz.figures.conv3d.data import Conv3dSetting
from convviz.figures.conv3d.frames import MAX_ANIMATED_PX
from convviz.i18n import translate
from convviz.param_specs import PADDING_MODES

# (section text key, [(widget key, label key or None, overrides)]) for depth, height, width
AXIS_CONTROLS = (
    (
        "conv3d.sidebar.depth",
        [
            ("frames", None, {}),
            ("kernel_depth", None, {}),
            ("stride_depth", None, {}),
            ("padding_depth", None, {}),
            ("dilation_depth", None, {}),
        ],
    ),
    (
        "conv3d.sidebar.height",
        [
            ("input_size", "conv3d.param.input_size", {"max_value": 10}),
            ("kernel_size", "conv3d.param.kernel_size", {}),
            ("stride", None, {"max_value": 3}),
            ("padding", None, {"max_value": 3}),
            ("dilation", None, {"max_value": 3}),
        ],
    ),
    (
        "conv3d.sidebar.width",
        [
            ("input_size_w", None, {"max_value": 10}),
            ("kernel_size_w", None, {}),
            ("stride_w", None, {"max_value": 3}),
            ("padding_w", None, {"max_value": 3}),
            ("dilation_w", None, {"max_value": 3}),
        ],
    ),
)
FRAMES_CHART = "conv3d_frames"  # selection state of the frames figure
VOXELS_KEY = "voxels"  # the 3-D view's switch and URL parameter (?voxels=true)
# C3D's second layer: 64 → 128 channels on 16 frames of 56×56
TABLE_FIELDS = {"in_channels": 64, "out_channels": 128, "frames": 16, "size": 56}
TABLE_PREFIX = "video"  # the table's fields are <prefix>_<name>, in the link too
TABLE_MAX = 1024  # largest count a table field takes


def sidebar(lang: str) -> Conv3dSetting:
    """The clip, kernel and per-axis controls; returns the setting they choose."""
    presets = st.sidebar.container()
    st.sidebar.subheader(translate("conv3d.sidebar.clip", lang))
    clip = choice_control("clip", CLIP_KINDS, lang)
    kind = choice_control("kernel3d", KERNEL_KINDS_3D, lang, default="random")
    seed = int_param("seed", lang) if "random" in (clip, kind) else 0
    mode = choice_control("padding_mode", PADDING_MODES, lang)
    values: dict[str, int] = {}
    for header, controls in AXIS_CONTROLS:
        st.sidebar.subheader(translate(header, lang))
        for key, label, overrides in controls:
            text = translate(label, lang) if label else None
            values[key] = int_param(key, lang, label=text, **overrides)
    preset_picker("conv3d", lang, {**values, "clip": clip, "kernel3d": kind}, container=presets)
    (d, kd, sd, pd, dd), (h, kh, sh, ph, dh), (w, kw, sw, pw, dw) = (
        [values[key] for key, _, _ in controls] for _, controls in AXIS_CONTROLS
    )
    return Conv3dSetting(
        clip=clip,
        size=(d, h, w),
        kernel_kind=kind,
        kernel=(kd, kh, kw),
        stride=(sd, sh, sw),
        padding=(pd, ph, pw),
        dilation=(dd, dh, dw),
        padding_mode=mode,
        seed=seed,
    )


def pick_step(setting: Conv3dSetting) -> None:
    """on_select of the frames figure: a click on an output cell makes it the current step."""
    step = views.step_of_click(setting, selected_cell(st.session_state.get(FRAMES_CHART)))
    if step is not None:
        st.session_state["step"] = step


def caption_key(section: str, steps: int) -> str:
    """The caption of ``section`` ("conv3d.window" or "conv3d.voxels"): how to move the window,
    or, with a single output cell, that there is nowhere to move it."""
    return f"{section}.caption" if steps > 1 else f"{section}.caption_one"


def output_shape(setting: Conv3dSetting, lang: str) -> tuple[int, int, int] | None:
    """The output shape (D_out, H_out, W_out), or None after showing why there is none."""
    checked = views.checked_shape(setting, lang)  # errors do not pickle: not cache_data
    if checked["error"] is not None:
        if checked["axis"]:
            st.markdown(translate("conv3d.sizes.axis_error", lang, axis=checked["axis"]))
        show_error(checked["error"], lang, key="window_error")
        return None
    return checked["shape"]


def window_section(setting: Conv3dSetting, shape: tuple[int, int, int], lang: str) -> None:
    """The frames with the window at the step slider's cell, its sum, files and 3-D view.

    Not a fragment: the step is kept in the link, where the PyTorch tab reads it.
    """
    steps = shape[0] * shape[1] * shape[2]
    figure_box = st.container()  # the figure first, the step slider under it
    if st.session_state.get("step", 0) > steps - 1:  # keep the step inside a shrunk output
        st.session_state["step"] = steps - 1
    step = int_param("step", lang, container=st, max_value=steps - 1) if steps > 1 else 0
    view = cached(views.window_view)(setting, step, lang)
    if steps > MAX_ANIMATED_STEPS:
        show_notice("conv3d.window.not_animated", lang, steps=steps, limit=MAX_ANIMATED_STEPS)
    elif not view["animated"]:
        show_notice("conv3d.window.too_tall", lang, height=view["whole_px"], limit=MAX_ANIMATED_PX)
    frames = cached_figure(views.frames_view)(setting, view["frames_step"], lang)
    with figure_box:
        main_chart(
            at_step(frames, view["step"]),
            key=FRAMES_CHART,
            on_select=partial(pick_step, setting),
            selection_mode="points",
        )
    st.caption(translate(caption_key("conv3d.window", steps), lang))
    export_buttons(
        "conv3d_frames",
        lang=lang,
        file_stem=files.file_stem(setting),
        png=partial(files.frames_png, setting, step, lang=lang),
        gif=partial(files.frames_gif, setting, lang=lang) if files.gif_fits(steps) else None,
        latex=partial(files.sizes_tex, setting),
        csv=partial(files.output_csv, setting),
    )
    if not files.gif_fits(steps):
        st.caption(translate("conv3d.files.gif_budget", lang, limit=files.MAX_GIF_STEPS))
    t, r, c = view["cell"]
    frames_read = ", ".join(map(str, view["frames_read"]))
    st.markdown(translate("conv3d.window.cell", lang, t=t, r=r, c=c, frames=frames_read))
    code_block("\n".join([*view["terms"], view["total"]]), key="conv3d_sum", lang=lang)
    if view["note"]:
        st.caption(view["note"])
    voxels_section(setting, view, lang)


def voxels_section(setting: Conv3dSetting, window: dict, lang: str) -> None:
    """The clip in 3-D, drawn only when its switch (``?voxels=true``) is on (it makes the page
    longer, and the frames teach the same), starting at the page's step."""
    st.subheader(translate("conv3d.voxels.header", lang))
    if not url_switch(VOXELS_KEY, lang, text="conv3d.voxels.toggle", container=st):
        return
    st.caption(translate(caption_key("conv3d.voxels", window["steps"]), lang))
    scene = cached(views.voxels_view)(setting, lang)
    voxel_view(scene, step=window["step"], key="conv3d_voxels")


def fusion_section(setting: Conv3dSetting, lang: str) -> None:
    st.header(translate("conv3d.fusion.header", lang))
    st.markdown(translate("conv3d.fusion.intro", lang))
    try:
        view = cached_figure(views.fusion_view)(setting, lang)
    except ConvValueError as err:
        show_error(err, lang, key="fusion_error")
        return
    st.markdown(view["text"])
    grid_chart(view["figure"], key="conv3d_fusion")


def sizes_section(setting: Conv3dSetting, lang: str) -> None:
    """The output size on each axis; drawn under the window, so only for a valid setting."""
    st.header(translate("conv3d.sizes.header", lang))
    st.markdown(translate("conv3d.sizes.intro", lang))
    view = views.sizes_view(setting, lang)  # a few ints; its error does not pickle
    shape = tuple(row["o"] for row in view["rows"])
    st.table(view["rows"])
    taps = setting.kernel[0] * setting.kernel[1] * setting.kernel[2]
    cells = shape[0] * shape[1] * shape[2]
    sizes = {"d": shape[0], "h": shape[1], "w": shape[2]}
    st.markdown(translate("conv3d.sizes.shape", lang, cells=cells, taps=taps, **sizes))


def answer_shown(setting: Conv3dSetting, lang: str) -> bool:
    """Whether the page may show the output (its frames): always, unless "predict first"
    waits for a prediction of D_out. An invalid setting has no answer to hide."""
    checked = views.checked_shape(setting, lang)
    if checked["shape"] is None:
        return True
    return predict_first("conv3d", setting, checked["shape"][0], lang, quantity="frames")


def layers_section(lang: str) -> dict[str, int]:
    """The clip and channels of the table (in the link), the table, the (2+1)-D note."""
    st.header(translate("conv3d.layers.header", lang))
    st.markdown(translate("conv3d.layers.intro", lang))
    fields = count_fields(
        TABLE_PREFIX,
        TABLE_FIELDS,
        lang,
        label_key="conv3d.layers.{name}",
        columns=4,
        max_value=TABLE_MAX,
    )
    try:
        view = cached(views.layers_view)(**fields, lang=lang)
    except ConvValueError as err:
        show_error(err, lang, key="layers_error")
        return fields
    st.table(view["rows"])
    st.markdown(view["mid"])
    return fields


def window_tab(setting: Conv3dSetting, lang: str) -> None:
    shape = output_shape(setting, lang)
    if shape is not None:
        window_section(setting, shape, lang)
        sizes_section(setting, lang)


def fusion_tab(setting: Conv3dSetting, lang: str) -> None:
    fusion_section(setting, lang)


def layers_tab(setting: Conv3dSetting, lang: str) -> None:
    layers_section(lang)


def code_tab(setting: Conv3dSetting, lang: str) -> None:
    """``nn.Conv3d`` on the window tab's cell, and the layers tab's channels; both tabs keep
    their controls' values in the link, where this tab reads them."""
    shape = output_shape(setting, lang)
    if shape is None:
        return
    step = linked_int("step", low=0, high=shape[0] * shape[1] * shape[2] - 1, default=0)
    cell = cached(views.window_view)(setting, step, lang)["cell"]
    channels = {
        name: linked_int(
            f"{TABLE_PREFIX}_{name}", low=1, high=TABLE_MAX, default=TABLE_FIELDS[name]
        )
        for name in ("in_channels", "out_channels")
    }
    code = cached(torch_code.pytorch_snippet)(setting, cell, **channels)
    pytorch_code(code, lang, note="conv3d.code.note")


TAB_VIEWS = {"window": window_tab, "fusion": fusion_tab, "layers": layers_tab, "code": code_tab}


lang = current_language()
page_header("conv3d", lang)
colour_control(lang)
setting = sidebar(lang)
linked_switch(VOXELS_KEY)  # the window tab's 3-D view: kept in the link on every tab
if answer_shown(setting, lang):
    show_open_tab("conv3d", TAB_VIEWS, lang, setting, lang)
    page_intro("conv3d", lang)
share_link(lang)
