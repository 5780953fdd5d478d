"""Image lab views: size formulas with numbers, picture or colour map with its scale, the four
upsampling tiles, the stamp-count figure and the PyTorch code, in both languages."""

from __future__ import annotations

import ast
import io

import numpy as np
import pytest
from PIL import Image
from plotly.colors import get_colorscale

from convviz.figures.image_lab import filtering, upsampling
from convviz.figures.image_lab.code import code_view, tensor_literal
from convviz.i18n import translate
from convviz.image_ops import load_picture
from convviz.lab_kernels import classic_kernel
from convviz.style.palette import SEQUENTIAL_SCALE
from convviz.upsampling import UPSAMPLE_METHODS


@pytest.fixture(scope="module")
def scene():
    return load_picture("scene", max_side=512)  # (320, 480, 3)


def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def test_size_text_writes_the_formula_with_numbers():
    lines = filtering.size_text(
        (320, 480), (5, 5), stride=2, dilation=3, padding_mode="reflect", lang="en"
    )
    assert lines[0].startswith("Padding p = ⌊d(k − 1)/2⌋") and "“reflect”" in lines[0]
    assert lines[1] == "Height: ⌊(320 + 2·6 − 3·(5 − 1) − 1) / 2⌋ + 1 = ⌊319 / 2⌋ + 1 = **160**"
    assert lines[2] == "Width: ⌊(480 + 2·6 − 3·(5 − 1) − 1) / 2⌋ + 1 = ⌊479 / 2⌋ + 1 = **240**"
    assert lines[3] == "Input 320×480×3 → output 160×240×3."
    zh = filtering.size_text((7, 9), (3, 3), stride=1, dilation=1, padding_mode="zeros", lang="zh")
    assert zh[1] == "高：⌊(7 + 2·1 − 1·(3 − 1) − 1) / 1⌋ + 1 = ⌊6 / 1⌋ + 1 = **7**"
    assert "零填充" in zh[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_blur_is_shown_as_a_picture_with_every_pixel(scene, lang):
    view = filtering.filter_view(
        scene,
        classic_kernel("gaussian"),
        stride=1,
        dilation=1,
        padding_mode="replicate",
        output_view="auto",
        lang=lang,
    )
    assert view["mode"] == "rgb" and view["figure"] is None
    shown = np.asarray(Image.open(io.BytesIO(view["output_jpeg"])))
    assert shown.shape == (320, 480, 3)
    np.testing.assert_array_equal(decode(filtering.picture_png(scene)), np.round(scene * 255))
    hyper = {"stride": 1, "dilation": 1, "padding_mode": "replicate", "output_view": "auto"}
    full = decode(filtering.filter_png(scene, classic_kernel("gaussian"), **hyper))
    assert full.shape == (320, 480, 3)
    assert np.abs(full.astype(int) - shown.astype(int)).mean() < 2  # JPEG only for display
    assert view["out_hw"] == (320, 480)
    assert view["output_caption"] == translate("image_lab.output_caption", lang, h=320, w=480)
    assert "0.0%" in view["notes"][0]  # a blur of values in [0, 1] stays in [0, 1]
    assert "(3, 1, 5, 5)" in view["kernel_caption"]


def test_sobel_is_a_cividis_map_with_a_symmetric_scale_bar(scene):
    view = filtering.filter_view(
        scene,
        classic_kernel("sobel_x"),
        stride=2,
        dilation=1,
        padding_mode="zeros",
        output_view="auto",
        lang="en",
    )
    assert view["mode"] == "map"
    trace = view["figure"].data[0]
    assert trace.type == "heatmap"
    assert trace.colorbar.title.text == "value"
    assert trace.zmin == pytest.approx(-trace.zmax) and trace.zmax > 1
    cividis = [c[1].lower() for c in get_colorscale("cividis")]
    assert [c[1].lower() for c in trace.colorscale] == cividis
    assert [c[1].lower() for c in SEQUENTIAL_SCALE] == cividis
    assert view["out_hw"] == (160, 240)
    assert max(np.shape(trace.z)) <= filtering.MAX_MAP_SIDE
    assert "taps sum to 0" in view["notes"][0]
    assert any("1/2 resolution" in note for note in view["notes"])
    hyper = {"stride": 2, "dilation": 1, "padding_mode": "zeros", "output_view": "auto"}
    download = decode(filtering.filter_png(scene, classic_kernel("sobel_x"), **hyper))
    assert download.shape == (160, 240, 3)  # the download keeps every pixel
    assert set(map(tuple, download.reshape(-1, 3))) <= set(map(tuple, filtering.cividis_lut()))
    spec = view["figure"].to_json()
    assert len(spec) < 200_000


def test_output_view_can_force_either_display(scene):
    common = {"stride": 4, "dilation": 1, "padding_mode": "zeros", "lang": "zh"}
    as_map = filtering.filter_view(scene, classic_kernel("box"), output_view="map", **common)
    assert as_map["mode"] == "map" and "原图乘以 1" in as_map["notes"][0]
    as_rgb = filtering.filter_view(scene, classic_kernel("laplacian"), output_view="rgb", **common)
    assert as_rgb["mode"] == "rgb" and as_rgb["figure"] is None
    assert "超出 0 … 1" in as_rgb["notes"][0]


def test_map_png_uses_cividis_end_colours():
    values = np.array([[0.0, 1.0]])
    pixels = decode(filtering.map_png(values, 0.0, 1.0))
    lut = filtering.cividis_lut()
    assert pixels[0, 0].tolist() == lut[0].tolist() and pixels[0, 1].tolist() == lut[-1].tolist()
    assert lut[0].tolist() == [0, 34, 78]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("method", UPSAMPLE_METHODS)
def test_upsample_view_tiles_side_by_side(scene, lang, method):
    view = upsampling.upsample_tiles(scene, kind="uniform", lang=lang)
    chosen = upsampling.method_view(method, "uniform", view["small_hw"], lang=lang)
    assert [tile[0] for tile in view["tiles"]] == list(UPSAMPLE_METHODS)
    assert view["small_hw"] == (85, 128)
    for name, caption, full, zoomed in view["tiles"]:
        assert decode(full).shape == (170, 256, 3)
        assert decode(zoomed).shape == (200, 200, 3)  # a 40×40 patch, 5× larger
        assert translate(f"choice.upsample.{name}", lang) in caption
    assert set(view["shapes"].values()) == {(3, 170, 256)}
    assert decode(view["pngs"][method]).shape == (170, 256, 3)
    assert translate(f"choice.upsample.{method}", lang) in chosen["selected"]


def test_zoomed_k3_patch_shows_the_checkerboard_and_k4_does_not():
    image = np.full((64, 64, 3), 0.5, dtype=np.float32)
    view = upsampling.upsample_tiles(image, kind="uniform", lang="en")
    zoomed = {name: decode(z)[:, :, 0] for name, _, _, z in view["tiles"]}
    assert set(np.unique(zoomed["transposed_k3"]).tolist()) == {57, 113, 227}  # 4/9, 8/9, 16/9 · ½
    for name in ("transposed_k4", "resize_conv", "pixel_shuffle"):
        assert set(np.unique(zoomed[name]).tolist()) == {128}
    chosen = upsampling.method_view("transposed_k3", "uniform", view["small_hw"], lang="en")
    assert (
        chosen["flat"]
        == "On a flat gray picture (all 0.5) its interior values are: 0.222, 0.444, 0.889."
    )


def test_selected_method_texts_carry_their_size_arithmetic(scene):
    small = upsampling.upsample_tiles(scene, kind="bilinear", lang="en")["small_hw"]
    assert small == (85, 128)
    k3 = upsampling.method_view("transposed_k3", "bilinear", small, lang="en")
    assert "(85 − 1)·2 − 2·1 + 3 + 1 = 170" in k3["selected"]
    assert k3["flat"].endswith(": 0.5.")
    k4 = upsampling.method_view("transposed_k4", "bilinear", small, lang="zh")
    assert "(85 − 1)·2 − 2·1 + 4 + 0 = 170" in k4["selected"]
    assert k4["kernel"].shape == (4, 4)
    shuffle = upsampling.method_view("pixel_shuffle", "bilinear", small, lang="en")
    assert "85×128" in shuffle["selected"] and "170×256" in shuffle["selected"]
    assert shuffle["kernel"].shape == (4, 3, 3)
    overlap = upsampling.overlap_view(lang="zh")
    assert "棋盘格" in overlap["text"] and "16/9" in overlap["remedy"]


def test_overlap_figure_counts_one_two_four_for_k3_and_four_for_k4():
    fig = upsampling.overlap_figure(lang="en")
    grids = [
        np.asarray(t.z, dtype=float) for t in fig.data if t.type == "heatmap" and t.z is not None
    ]
    k3 = next(g for g in grids if g.shape == (8, 8) and np.isin(1, g))
    assert k3[2:6, 2:6].tolist() == [[1, 2, 1, 2], [2, 4, 2, 4], [1, 2, 1, 2], [2, 4, 2, 4]]
    k4 = next(
        g for g in grids if g.shape == (8, 8) and g[3, 3] == 4 and not np.isin(1, g[1:-1, 1:-1])
    )
    assert (k4[1:-1, 1:-1] == 4).all()
    titles = " ".join(a.text for a in fig.layout.annotations)
    assert "k = 3, s = 2" in titles and "k = 4, s = 2" in titles


def test_pytorch_code_for_filter_and_each_method():
    kernel = classic_kernel("sobel_x")
    code = code_view(
        kernel,
        np.full((3, 3), 4 / 9),
        method="transposed_k3",
        in_hw=(320, 480),
        out_hw=(160, 240),
        small_hw=(85, 128),
        stride=2,
        dilation=1,
        padding_mode="circular",
        lang="zh",
    )
    assert "nn.Conv2d(3, 3, kernel_size=(3, 3), stride=2, padding=(1, 1), dilation=1," in code
    assert 'groups=3, bias=False, padding_mode="circular")' in code
    assert "[-2, 0, 2]," in code
    assert "# y.shape == (1, 3, 160, 240)" in code
    assert "nn.ConvTranspose2d(3, 3, kernel_size=3, stride=2, padding=1, output_padding=1" in code
    assert "[0.44444445, 0.44444445, 0.44444445]" in code
    assert "深度卷积" in code
    compile(code, "<image_lab>", "exec")
    resize = code_view(
        None,
        np.full((3, 3), 1 / 9),
        method="resize_conv",
        in_hw=(9, 9),
        out_hw=None,
        small_hw=(9, 9),
        stride=1,
        dilation=1,
        padding_mode="zeros",
        lang="en",
    )
    assert "nn.Conv2d" not in resize and 'mode="nearest"' in resize
    compile(resize, "<image_lab>", "exec")
    shuffle = code_view(
        None,
        np.full((4, 3, 3), 1 / 9),
        method="pixel_shuffle",
        in_hw=(9, 9),
        out_hw=None,
        small_hw=(9, 12),
        stride=1,
        dilation=1,
        padding_mode="zeros",
        lang="en",
    )
    assert "F.pixel_shuffle(phases, 2)" in shuffle and "# big.shape == (1, 3, 18, 24)" in shuffle
    compile(shuffle, "<image_lab>", "exec")


def test_tensor_literal_is_a_plain_nested_list_for_two_and_three_axes():
    def values(literal: str) -> np.ndarray:
        assert literal.startswith("torch.tensor(") and literal.endswith(")")
        return np.array(ast.literal_eval(literal[len("torch.tensor(") : -1]))

    assert values(tensor_literal(np.array([[1.0, -0.5]]))).tolist() == [[1.0, -0.5]]
    cube = np.arange(8.0).reshape(2, 2, 2) / 3
    np.testing.assert_allclose(values(tensor_literal(cube)), cube, atol=1e-6)
