"""1×1 (pointwise) convolution: channel mixing at each pixel, the layer as one matrix multiply,
a mixing matrix on a real picture with a ReLU after it, and the parameter savings of Inception
and ResNet bottleneck blocks.
"""

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
    show_notice,
)
from convviz.controls.caching import cached_figure as figure
from convviz.controls.downloads import export_buttons, share_link
from convviz.controls.lecture import main_chart
from convviz.controls.predict import predict_first
from convviz.controls.upload import image_source
from convviz.controls.widgets import count_fields, paged_span
from convviz.engine.errors import ConvValueError
from convviz.figures.common import channel_exports as files
from convviz.figures.common import counts
from convviz.figures.common.grid import selected_cell
from convviz.figures.pointwise import code as torch_code
from convviz.figures.pointwise import files as pointwise_files
from convviz.figures.pointwise import matmul, mixing
from convviz.figures.pointwise import picture as pictures
from convviz.figures.pointwise import pixel as per_pixel
from convviz.i18n import translate
from convviz.inputs import make_values

MAX_CHANNELS = 4096  # the channel counts of a block a learner may type
SMALL = {"default": 3, "max_value": 8}
MIX_LINK = "pointwise_mix_link"  # what ?mix= asked for: preset, matrix or error
IMAGE_SIDE = 256  # pictures are shrunk to this for the mixing demo (fast, and enough to see)


def channel_fields(prefix: str, defaults: dict[str, int], lang: str) -> dict[str, int]:
    """Number inputs for a block's channel counts, in a row, kept in the URL."""
    return count_fields(
        prefix, defaults, lang, label_key="counts.field.{name}", max_value=MAX_CHANNELS
    )


def block(plain, reduced, key: str, lang: str) -> None:
    """The two versions of a block, their terms and totals, and what the 1×1 layers save."""
    lines = counts.block_comparison(plain, reduced, lang=lang, key=key)
    st.markdown(f"- {lines['plain']}\n- {lines['reduced']}")
    st.markdown(lines["saving"])


def link_matrix(preset: str, lang: str):
    """The mixing matrix a shared link (``?mix=``) asked for, while its preset stays chosen.

    Read once per session; a link that cannot be read is explained until the preset changes
    or the table is edited.
    """
    if MIX_LINK not in st.session_state:  # first run: read the link once
        held = {"preset": preset, "matrix": None, "error": None}
        text = st.query_params.get("mix")
        if text:
            try:
                held["matrix"] = cached(mixing.parse_mixing_text)(text)
            except ConvValueError as error:
                held["error"] = error
        st.session_state[MIX_LINK] = held
    held = st.session_state[MIX_LINK]
    if held["preset"] != preset:  # another preset was chosen: the link is done with
        held.update(matrix=None, error=None)
    if held["error"] is not None:
        show_error(held["error"], lang, key="mix_link")
    return held["matrix"]


def write_matrix_to_url(matrix, preset_matrix) -> None:
    """Keep an edited mixing matrix in ``?mix=`` (dropped while it equals the preset)."""
    text = mixing.link_text(matrix, preset_matrix)
    if text is None:
        if "mix" in st.query_params:
            del st.query_params["mix"]
        return
    st.session_state[MIX_LINK]["error"] = None
    if st.query_params.get("mix") != text:
        st.query_params["mix"] = text


def pick_pixel() -> None:
    """on_select of the layer chart: the clicked cell becomes the pixel."""
    cell = selected_cell(st.session_state.get("layer"))
    if cell is not None:
        st.session_state["pixel_row"], st.session_state["pixel_col"] = cell[0], cell[1]


lang = current_language()
page_header("pointwise", lang)
colour_control(lang)
sizes = param_controls(
    ("in_channels", "out_channels", "input_size"),
    lang,
    overrides={
        "in_channels": SMALL,
        "out_channels": {"default": 2, "max_value": 8},
        "input_size": {"default": 4, "min_value": 2, "max_value": 8},
    },
)
cin, cout, i = sizes["in_channels"], sizes["out_channels"], sizes["input_size"]
seed = int_param("seed", lang)
for key in ("pixel_row", "pixel_col"):  # keep the pixel inside a shrunk grid
    if st.session_state.get(key, 0) >= i:
        st.session_state[key] = i - 1
r = int_param("pixel_row", lang, max_value=i - 1)
c = int_param("pixel_col", lang, max_value=i - 1)

# 1. One pixel, then the whole layer as a matrix multiply.
st.subheader(translate("pointwise.pixel.header", lang))
x = cached(make_values)("random", (cin, i, i), seed=seed)
weight = cached(make_values)("random", (cout, cin), seed=seed + 1)
check = cached(matmul.pointwise_check)(x, weight)
per_page = cached(per_pixel.channels_per_page)(x, check["conv"], pixel=(r, c))
channels = paged_span(
    "shown_channels", max(cin, cout), per_page, lang, noun="channels", container=st
)
main_chart(
    figure(per_pixel.layer_figure)(x, check["conv"], pixel=(r, c), lang=lang, span=channels),
    key="layer",
    on_select=pick_pixel,
    selection_mode="points",
    config={"displayModeBar": False},
)
st.caption(translate("pointwise.pixel.caption", lang, cin=cin, i=i, seed=seed, cout=cout))
stem = files.file_stem("pointwise", cin=cin, cout=cout, i=i, seed=seed)
export_buttons(
    "pointwise_layer",
    lang=lang,
    file_stem=f"{stem}_layer",
    png=partial(pointwise_files.layer_png, x, check["conv"], pixel=(r, c), lang=lang),
    csv=partial(files.channels_csv, x),
)
page_intro("pointwise", lang)
st.markdown(translate("pointwise.pixel.equation", lang, r=r, c=c, cin=cin, cout=cout))
grid_chart(
    figure(per_pixel.pixel_figure)(x, weight, pixel=(r, c), lang=lang),
    key="pointwise_pixel_chart",
    config={"displayModeBar": False},
)
export_buttons(
    "pointwise_pixel",
    lang=lang,
    file_stem=f"{stem}_pixel{r}{c}",
    png=partial(pointwise_files.pixel_png, x, weight, pixel=(r, c), lang=lang),
    latex=partial(pointwise_files.pixel_latex, x, weight, pixel=(r, c)),
    csv=partial(pointwise_files.matrix_csv, weight, columns=[f"x{j}" for j in range(cin)]),
)
st.markdown(f"**{translate('pointwise.matmul.header', lang)}**")
st.caption(
    translate(
        "pointwise.matmul.caption", lang, n=i * i, cin=cin, cout=cout, r=r, c=c, w=i, col=r * i + c
    )
)
if i * i > matmul.MAX_MATMUL_COLUMNS:
    show_notice("pointwise.matmul.capped", lang, shown=matmul.MAX_MATMUL_COLUMNS, n=i * i)
per_page = cached(matmul.pixels_per_page)(check["pixels"], weight, check["product"])
pixels = paged_span(
    "shown_pixels", i * i, per_page, lang, noun="pixels", container=st, follow=r * i + c
)
grid_chart(
    figure(matmul.matmul_figure)(
        check["pixels"], weight, check["product"], column=r * i + c, lang=lang, span=pixels
    ),
    key="pointwise_matmul_chart",
    config={"displayModeBar": False},
)
export_buttons(
    "pointwise_matmul",
    lang=lang,
    file_stem=f"{stem}_WX",
    png=partial(
        pointwise_files.matmul_png,
        check["pixels"],
        weight,
        check["product"],
        column=r * i + c,
        lang=lang,
    ),
    latex=partial(pointwise_files.matmul_latex, check["pixels"], weight, check["product"]),
    csv=partial(files.product_csv, check["product"], width=i),
)
st.markdown(
    translate("pointwise.matmul.check", lang, cout=cout, i=i, diff=f"{check['max_diff']:.3g}")
)

# 2. A real picture.
st.subheader(translate("pointwise.image.header", lang))
st.caption(translate("pointwise.image.caption", lang))
controls, table_box = st.columns([1, 1], gap="large")
with controls:
    picture = image_source(lang, container=controls, max_side=IMAGE_SIDE)
    preset = choice_control("mixing", tuple(mixing.MIXING_PRESETS), lang, container=controls)
    relu = st.toggle(
        translate("pointwise.image.relu", lang),
        key="relu",
        help=translate("pointwise.image.relu_help", lang),
        bind="query-params",
    )
with table_box:
    preset_matrix = cached(mixing.mixing_preset)(preset, seed=seed)
    from_link = link_matrix(preset, lang)
    start = preset_matrix if from_link is None else from_link
    edited = st.data_editor(
        pd.DataFrame(start, columns=list("RGB")),
        key=f"mixing_table_{preset}"
        + (f"_{seed}" if preset == "random" else "")
        + ("" if from_link is None else "_link"),
        num_rows="dynamic",
        hide_index=True,
        column_config={
            col: st.column_config.NumberColumn(
                col, min_value=-10.0, max_value=10.0, step=0.001, format="%.3f"
            )
            for col in "RGB"
        },
    )
    try:
        matrix = mixing.parse_mixing_rows(edited.to_numpy(dtype=object).tolist())
    except ConvValueError as error:
        show_error(error, lang, key="mixing")
        matrix = None
    st.caption(translate("pointwise.image.table", lang))
    if matrix is not None:
        write_matrix_to_url(matrix, preset_matrix)
        export_buttons(
            "pointwise_mixing",
            lang=lang,
            file_stem=f"pointwise_mixing_{preset}",
            latex=partial(pointwise_files.mixing_latex, matrix),
            csv=partial(pointwise_files.matrix_csv, matrix, columns="RGB"),
        )
if picture is not None and matrix is not None:
    view = cached(pictures.mixing_view)(picture, matrix, relu=relu, lang=lang)
    columns = st.columns(4)
    for index, (image, caption) in enumerate(view["gallery"]):
        png_image(image, caption=caption, container=columns[index % 4], width="stretch")
    st.caption(
        translate("pointwise.image.scale_gray", lang)
        + " "
        + translate("pointwise.image.scale_signed", lang)
    )
    if view["relu_text"]:
        st.markdown(view["relu_text"])

# 3. Inception and ResNet-bottleneck parameter counts (seed 002), recomputed.
st.subheader(translate("counts.calc.header", lang))
st.caption(translate("counts.calc.caption", lang))
st.markdown(f"**{translate('counts.inception.title', lang)}**")
inception = channel_fields("inception", counts.INCEPTION_DEFAULTS, lang)
reduced = counts.inception_layers(**inception, reduced=True)
question = tuple(sorted(inception.items()))
if predict_first("pointwise", question, counts.block_params(reduced), lang, quantity="block"):
    block(counts.inception_layers(**inception, reduced=False), reduced, "inception", lang)
st.markdown(f"**{translate('counts.resnet.title', lang)}**")
resnet = channel_fields("resnet", counts.BOTTLENECK_DEFAULTS, lang)
block(
    counts.bottleneck_layers(resnet["channels"], resnet["mid"], bottleneck=False),
    counts.bottleneck_layers(resnet["channels"], resnet["mid"], bottleneck=True),
    "resnet",
    lang,
)

pytorch_code(
    torch_code.pytorch_snippet(cin, cout, input_size=i, seed=seed, pixel=(r, c), lang=lang), lang
)
share_link(lang)
