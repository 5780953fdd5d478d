"""Image lab operations: known effects of the classic kernels, sizes, the typed-kernel parser,
the four upsampling methods and the checkerboard of k = 3 at stride 2, shipped pictures."""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.reference import conv2d_reference
from convviz.engine.sizes import conv_output_size
from convviz.i18n import translate_error
from convviz.image_ops import (
    PICTURES,
    apply_kernel,
    block_mean,
    filter_padding,
    is_zero_sum,
    load_picture,
    picture_path,
    png_bytes,
    shrink,
    to_rgb8,
    zoom,
)
from convviz.lab_kernels import (
    KERNEL_NAMES,
    classic_kernel,
    format_kernel,
    identity_kernel,
    kernel_from_text,
    parse_kernel_cell,
    parse_kernel_grid,
    starting_kernel,
)
from convviz.upsampling import (
    UPSAMPLE_KERNELS,
    UPSAMPLE_METHODS,
    tent,
    transposed_setting,
    upsample,
    upsample_kernel,
)


def flat(value: float, h: int = 12, w: int = 16) -> np.ndarray:
    return np.full((h, w, 3), value, dtype=np.float32)


def vertical_edge(h: int = 8, w: int = 8) -> np.ndarray:
    """Black left half, white right half (an edge between columns w/2 − 1 and w/2)."""
    image = np.zeros((h, w, 3), dtype=np.float32)
    image[:, w // 2 :] = 1.0
    return image


# --- classic kernels -------------------------------------------------------------------------


def test_classic_kernels_have_their_textbook_sums():
    sums = {name: float(classic_kernel(name).sum()) for name in KERNEL_NAMES}
    assert sums == pytest.approx(
        {
            "box": 1.0,
            "gaussian": 1.0,
            "sharpen": 1.0,
            "sobel_x": 0.0,
            "sobel_y": 0.0,
            "laplacian": 0.0,
            "emboss": 1.0,
        }
    )
    assert classic_kernel("gaussian").shape == (5, 5)
    assert classic_kernel("gaussian")[2, 2] == pytest.approx(36 / 256)
    np.testing.assert_array_equal(classic_kernel("sobel_y"), classic_kernel("sobel_x").T)
    assert [is_zero_sum(classic_kernel(n)) for n in KERNEL_NAMES] == [
        False,
        False,
        False,
        True,
        True,
        True,
        False,
    ]
    with pytest.raises(ConvValueError) as info:
        classic_kernel("unsharp")
    assert info.value.code == "image_lab_unknown_kernel"


@pytest.mark.parametrize("mode", ["zeros", "reflect", "replicate", "circular"])
def test_box_blur_of_a_constant_image_is_constant_away_from_zero_padding(mode):
    out = apply_kernel(flat(0.6), classic_kernel("box"), padding_mode=mode)
    assert out.shape == (3, 12, 16)
    if mode == "zeros":  # the border mixes in zeros: corners 4/9, edges 6/9 of the value
        np.testing.assert_allclose(out[:, 1:-1, 1:-1], 0.6, rtol=1e-6)
        assert out[0, 0, 0] == pytest.approx(0.6 * 4 / 9, rel=1e-6)
        assert out[0, 0, 5] == pytest.approx(0.6 * 6 / 9, rel=1e-6)
    else:  # a copied border is still 0.6 everywhere
        np.testing.assert_allclose(out, 0.6, rtol=1e-6)


@pytest.mark.parametrize("name", ["sobel_x", "sobel_y", "laplacian"])
def test_zero_sum_kernels_give_zero_on_a_flat_picture(name):
    out = apply_kernel(flat(0.3), classic_kernel(name), padding_mode="replicate")
    np.testing.assert_allclose(out, 0.0, atol=1e-6)


def test_sobel_x_finds_a_vertical_edge_and_sobel_y_does_not():
    image = vertical_edge()
    gx = apply_kernel(image, classic_kernel("sobel_x"), padding_mode="replicate")[0]
    gy = apply_kernel(image, classic_kernel("sobel_y"), padding_mode="replicate")[0]
    # Columns 3 and 4 straddle the edge: 1·1 + 2·1 + 1·1 = 4 (no flip: right minus left).
    np.testing.assert_allclose(gx[:, 3], 4.0)
    np.testing.assert_allclose(gx[:, 4], 4.0)
    np.testing.assert_allclose(gx[:, [0, 1, 2, 5, 6, 7]], 0.0)
    np.testing.assert_allclose(gy, 0.0)
    flipped = apply_kernel(image[:, ::-1], classic_kernel("sobel_x"), padding_mode="replicate")
    assert flipped[0, 0, 3] == pytest.approx(-4.0)  # white-to-black reads negative


def test_sharpen_keeps_flat_areas_and_overshoots_at_an_edge():
    out = apply_kernel(vertical_edge(), classic_kernel("sharpen"), padding_mode="replicate")[0]
    assert out[4, 3] == pytest.approx(-1.0)  # dark side gets darker
    assert out[4, 4] == pytest.approx(2.0)  # bright side brighter
    assert out[4, 0] == pytest.approx(0.0) and out[4, 7] == pytest.approx(1.0)


def test_depthwise_filter_treats_each_channel_alone():
    rng = np.random.default_rng(5)
    image = rng.random((9, 11, 3)).astype(np.float32)
    kernel = classic_kernel("emboss")
    out = apply_kernel(image, kernel, stride=2, dilation=2, padding_mode="reflect")
    for c in range(3):
        alone = conv2d(
            image[None, :, :, c],
            kernel[None, None],
            stride=2,
            dilation=2,
            padding=2,
            padding_mode="reflect",
        )[0]
        np.testing.assert_allclose(out[c], alone, rtol=1e-5, atol=1e-6)


@given(
    h=st.integers(6, 20),
    w=st.integers(6, 20),
    k=st.integers(1, 5),
    stride=st.integers(1, 4),
    dilation=st.integers(1, 3),
    mode=st.sampled_from(["zeros", "reflect", "replicate", "circular"]),
)
@settings(max_examples=40, deadline=None)
def test_output_size_follows_the_formula_and_the_loop_reference(*, h, w, k, stride, dilation, mode):
    rng = np.random.default_rng(h * 100 + w)
    image = rng.random((h, w, 3)).astype(np.float32)
    kernel = rng.normal(size=(k, k))
    p = filter_padding((k, k), dilation)[0]
    try:
        out = apply_kernel(image, kernel, stride=stride, dilation=dilation, padding_mode=mode)
    except ConvValueError as error:  # reflect wider than the picture, or kernel too large
        assert error.code in {"reflect_padding_too_wide", "kernel_too_large"}
        return
    assert out.shape == (
        3,
        conv_output_size(h, k, stride, p, dilation),
        conv_output_size(w, k, stride, p, dilation),
    )
    reference = conv2d_reference(
        np.transpose(image, (2, 0, 1)).astype(np.float64),
        np.broadcast_to(kernel, (3, 1, k, k)),
        stride=stride,
        padding=p,
        dilation=dilation,
        groups=3,
        padding_mode=mode,
    )
    np.testing.assert_allclose(out, reference, rtol=1e-4, atol=1e-4)


def test_sizes_with_stride_and_dilation_match_worked_numbers():
    out = apply_kernel(flat(0.5, 320, 480), classic_kernel("gaussian"), stride=2, dilation=3)
    # p = ⌊3·4/2⌋ = 6: ⌊(320 + 12 − 12 − 1)/2⌋ + 1 = 160, ⌊(480 + 12 − 12 − 1)/2⌋ + 1 = 240.
    assert out.shape == (3, 160, 240)
    even = apply_kernel(flat(0.5, 10, 10), np.ones((4, 4)) / 16)
    assert filter_padding((4, 4), 1) == (1, 1) and even.shape == (3, 9, 9)  # loses a row


def test_reflect_padding_wider_than_a_tiny_picture_is_an_engine_error():
    with pytest.raises(ConvValueError) as info:
        apply_kernel(
            flat(0.5, 3, 3), classic_kernel("gaussian"), dilation=2, padding_mode="reflect"
        )
    assert info.value.code == "reflect_padding_too_wide"
    assert translate_error(info.value, "zh") != str(info.value)


# --- typed kernels ---------------------------------------------------------------------------


def test_grid_cells_accept_numbers_decimals_and_fractions_only():
    grid = parse_kernel_grid([["1/9", " -0.5", "+2"], [3, 1.5, "1e-1"], ["−1", ".25", "0"]])
    np.testing.assert_allclose(grid, [[1 / 9, -0.5, 2], [3, 1.5, 0.1], [-1, 0.25, 0]])
    assert grid.dtype == np.float64


@pytest.mark.parametrize(
    ("cell", "code", "values"),
    [
        ("abc", "image_lab_kernel_not_number", {"row": 1, "col": 2, "token": "abc"}),
        ("__import__('os')", "image_lab_kernel_not_number", {"row": 1, "col": 2}),
        ("2*3", "image_lab_kernel_not_number", {"row": 1, "col": 2, "token": "2*3"}),
        ("1/0", "image_lab_kernel_zero_division", {"row": 1, "col": 2, "token": "1/0"}),
        ("", "image_lab_kernel_empty", {"row": 1, "col": 2}),
        (None, "image_lab_kernel_empty", {"row": 1, "col": 2}),
        (float("nan"), "image_lab_kernel_empty", {"row": 1, "col": 2}),
        ("1e9", "image_lab_kernel_too_large", {"row": 1, "col": 2, "limit": "100"}),
        ("inf", "image_lab_kernel_not_finite", {"row": 1, "col": 2}),
        ("1e309", "image_lab_kernel_not_finite", {"row": 1, "col": 2, "token": "1e309"}),
        ("1" * 50, "image_lab_kernel_too_long", {"row": 1, "col": 2, "length": 50}),
        (True, "image_lab_kernel_not_number", {"row": 1, "col": 2}),
    ],
)
def test_bad_cells_are_refused_with_their_position(cell, code, values):
    with pytest.raises(ConvValueError) as info:
        parse_kernel_grid([["1", cell], ["0", "0"]])
    assert info.value.code == code
    assert values.items() <= info.value.values.items()
    english, chinese = translate_error(info.value, "en"), translate_error(info.value, "zh")
    assert "Row 1, column 2" in english or "row 1, column 2" in english.lower()
    assert "第 1 行第 2 列" in chinese


@pytest.mark.parametrize("rows", [[], [[]], [["1", "2"], ["3"]], [["0"] * 8] * 8])
def test_grids_of_the_wrong_shape_are_refused(rows):
    with pytest.raises(ConvValueError) as info:
        parse_kernel_grid(rows)
    assert info.value.code == "image_lab_kernel_shape"
    assert "7" in translate_error(info.value, "en")


def test_parse_cell_never_evaluates():
    with pytest.raises(ConvValueError):
        parse_kernel_cell("(lambda: 1)()", 1, 1)
    assert parse_kernel_cell(np.float32(0.5), 2, 2) == 0.5


def test_kernels_round_trip_through_link_text():
    kernel = classic_kernel("sharpen")
    text = format_kernel(kernel)
    assert text == "0,-1,0;-1,5,-1;0,-1,0"
    np.testing.assert_array_equal(kernel_from_text(text), kernel)
    np.testing.assert_array_equal(starting_kernel(3, text), kernel)
    np.testing.assert_array_equal(starting_kernel(5, text), identity_kernel(5))  # wrong size
    np.testing.assert_array_equal(starting_kernel(3, "1,x;2,3"), identity_kernel(3))
    np.testing.assert_array_equal(starting_kernel(2, None), [[0, 0], [0, 1]])


def test_identity_kernel_returns_the_picture():
    rng = np.random.default_rng(2)
    image = rng.random((7, 9, 3)).astype(np.float32)
    out = apply_kernel(image, identity_kernel(3), padding_mode="zeros")
    np.testing.assert_allclose(out, np.transpose(image, (2, 0, 1)), atol=1e-7)


# --- upsampling ------------------------------------------------------------------------------


def test_tent_taps_and_transposed_settings():
    np.testing.assert_allclose(tent(3), [0.5, 1.0, 0.5])
    np.testing.assert_allclose(tent(4), [0.25, 0.75, 0.75, 0.25])
    assert transposed_setting(3) == (1, 1)
    assert transposed_setting(4) == (1, 0)


@pytest.mark.parametrize("kind", UPSAMPLE_KERNELS)
@pytest.mark.parametrize("method", UPSAMPLE_METHODS)
def test_every_method_doubles_the_size(method, kind):
    out = upsample(flat(0.5, 10, 13), method, kind)
    assert out.shape == (3, 20, 26)
    assert out.dtype == np.float32


def test_uniform_k3_transposed_of_a_constant_image_shows_the_checkerboard():
    out = upsample(flat(1.0, 8, 8), "transposed_k3", "uniform")[0]
    interior = out[2:-2, 2:-2]
    # Stamps per cell alternate 1, 2, 4 along the rows and columns; each tap weighs 4/9.
    np.testing.assert_allclose(interior[0:2, 0:2], [[1 / 9 * 4, 2 / 9 * 4], [8 / 9, 16 / 9]])
    assert sorted({round(float(v), 4) for v in interior.ravel()}) == [0.4444, 0.8889, 1.7778]
    assert interior.mean() == pytest.approx(1.0, abs=0.01)  # right on average, wrong per pixel


@pytest.mark.parametrize(
    ("method", "kind"),
    [
        ("transposed_k4", "uniform"),
        ("transposed_k4", "bilinear"),
        ("transposed_k3", "bilinear"),
        ("resize_conv", "uniform"),
        ("resize_conv", "bilinear"),
        ("pixel_shuffle", "uniform"),
        ("pixel_shuffle", "bilinear"),
    ],
)
def test_the_other_settings_keep_a_constant_image_constant(method, kind):
    out = upsample(flat(0.7, 8, 8), method, kind)[:, 2:-2, 2:-2]
    np.testing.assert_allclose(out, 0.7, rtol=1e-5)


def test_bilinear_k4_resize_conv_and_pixel_shuffle_agree_on_a_real_picture():
    image = shrink(load_picture("scene", max_side=512), 64)
    k4 = upsample(image, "transposed_k4", "bilinear")
    resized = upsample(image, "resize_conv", "bilinear")
    shuffled = upsample(image, "pixel_shuffle", "bilinear")
    np.testing.assert_allclose(resized, shuffled, atol=1e-6)  # everywhere (same borders)
    np.testing.assert_allclose(k4[:, 2:-2, 2:-2], resized[:, 2:-2, 2:-2], atol=1e-6)
    assert not np.allclose(k4[:, 0], resized[:, 0], atol=1e-3)  # zeros at the transposed border


def test_uniform_pixel_shuffle_is_nearest_resize_of_the_blur():
    rng = np.random.default_rng(4)
    image = rng.random((5, 6, 3)).astype(np.float32)
    out = upsample(image, "pixel_shuffle", "uniform")
    np.testing.assert_allclose(out[:, 0::2, 0::2], out[:, 1::2, 1::2], atol=1e-7)
    blurred = apply_kernel(image, np.full((3, 3), 1 / 9), padding_mode="replicate")
    np.testing.assert_allclose(out[:, ::2, ::2], blurred, atol=1e-6)


def test_upsample_kernels_shapes_and_sums():
    assert upsample_kernel("transposed_k3", "uniform").sum() == pytest.approx(4.0)
    assert upsample_kernel("transposed_k4", "uniform").sum() == pytest.approx(4.0)
    assert upsample_kernel("transposed_k4", "bilinear").sum() == pytest.approx(4.0)
    assert upsample_kernel("resize_conv", "bilinear").sum() == pytest.approx(1.0)
    phases = upsample_kernel("pixel_shuffle", "bilinear")
    assert phases.shape == (4, 3, 3)
    np.testing.assert_allclose(phases.sum(axis=(1, 2)), 1.0)
    for bad in (("transposed_k5", "uniform"), ("resize_conv", "lanczos")):
        with pytest.raises(ConvValueError) as info:
            upsample_kernel(*bad)
        assert info.value.code == "image_lab_unknown_upsample"


# --- pictures and helpers ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_shipped_pictures_exist_are_small_and_load(name):
    path = picture_path(name)
    assert path.is_file() and path.stat().st_size < 300 * 1024
    with Image.open(path) as raw:
        assert raw.format == "PNG" and raw.mode == "RGB"
    image = load_picture(name, max_side=512)
    assert image.ndim == 3 and image.shape[2] == 3 and image.dtype == np.float32
    assert max(image.shape[:2]) <= 512 and min(image.shape[:2]) >= 256
    assert image.std() > 0.1  # not blank
    assert max(load_picture(name, max_side=100).shape[:2]) == 100


def test_the_lab_pictures_are_what_the_script_draws():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from make_lab_images import rings, shapes

    for name, draw in (("shapes", shapes), ("rings", rings)):
        stored = np.asarray(Image.open(picture_path(name)).convert("RGB"), dtype=float)
        drawn = np.asarray(draw(), dtype=float)
        assert stored.shape == drawn.shape
        # Pillow versions may rasterise a polygon edge a pixel apart: allow that, nothing more.
        assert np.abs(stored - drawn).mean() < 1.0


def test_unknown_picture_is_refused():
    with pytest.raises(ConvValueError) as info:
        load_picture("moon", max_side=64)
    assert info.value.code == "image_lab_unknown_picture"


def test_shrink_box_filters_and_keeps_aspect():
    image = np.zeros((300, 600, 3), dtype=np.float32)
    image[:, 300:] = 1.0
    small = shrink(image, 128)
    assert small.shape == (64, 128, 3)
    np.testing.assert_allclose(small[10, 10], 0.0, atol=1e-6)
    np.testing.assert_allclose(small[10, 120], 1.0, atol=1e-6)
    assert shrink(image, 600) is image


def test_rgb8_png_zoom_and_block_mean():
    chw = np.stack([np.full((2, 3), -1.0), np.full((2, 3), 0.5), np.full((2, 3), 2.0)])
    rgb = to_rgb8(chw)
    assert rgb.shape == (2, 3, 3) and rgb[0, 0].tolist() == [0, 128, 255]
    decoded = np.asarray(Image.open(io.BytesIO(png_bytes(rgb))))
    np.testing.assert_array_equal(decoded, rgb)
    big = zoom(np.arange(16, dtype=np.uint8).reshape(4, 4, 1), box=(1, 1, 2, 2), factor=3)
    assert big.shape == (6, 6, 1) and big[:3, :3].ravel().tolist() == [5] * 9
    values = np.arange(25, dtype=np.float64).reshape(5, 5)
    shown, f = block_mean(values, 3)
    assert f == 2 and shown.shape == (3, 3)
    assert shown[0, 0] == pytest.approx(np.mean([0, 1, 5, 6]))
    assert shown[2, 2] == pytest.approx(24.0)  # the lone corner pixel
    assert block_mean(values, 5)[1] == 1


def test_uniform_kernels_are_not_called_a_fresh_layer():
    # PyTorch initialises Conv2d weights at random (kaiming uniform), never all equal
    from convviz.i18n import translate

    en, zh = (translate("help.upsample_kernel", lang) for lang in ("en", "zh"))
    assert "freshly initialised" not in en and "刚初始化" not in zh
    assert "weights start random" in en and "权重一开始是随机的" in zh
