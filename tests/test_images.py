"""Safe image loading: every kind of file a learner might upload, built in memory with Pillow."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from convviz.engine.errors import ConvValueError
from convviz.i18n import translate_error
from convviz.images import (
    MAX_UPLOAD_BYTES,
    SAMPLE_PATH,
    load_image,
    load_sample_image,
)


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose IHDR declares ``width × height`` RGB pixels, with one tiny IDAT chunk."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


def check_array(array: np.ndarray, shape: tuple[int, int]) -> None:
    assert array.shape == (*shape, 3)
    assert array.dtype == np.float32
    assert array.min() >= 0.0 and array.max() <= 1.0
    assert array.flags.c_contiguous


@pytest.mark.parametrize(
    ("fmt", "options", "exact"),
    [
        ("PNG", {}, True),
        ("BMP", {}, True),
        ("WEBP", {"lossless": True}, True),
        ("JPEG", {"quality": 95}, False),
        ("GIF", {}, True),
    ],
)
def test_each_format_decodes_to_rgb_in_unit_range(fmt, options, exact):
    source = Image.new("RGB", (6, 4), (255, 0, 0))
    source.paste((0, 0, 255), (3, 0, 6, 4))  # right half blue
    array = load_image(encode(source, fmt, **options))
    check_array(array, (4, 6))
    expected_left = np.array([1.0, 0.0, 0.0])
    tolerance = 0 if exact else 0.1
    np.testing.assert_allclose(array[1, 0], expected_left, atol=tolerance)
    np.testing.assert_allclose(array[1, 5], [0.0, 0.0, 1.0], atol=tolerance + 1e-6)


def test_exif_rotated_jpeg_comes_out_upright():
    # Stored 40 wide × 20 tall with a red left half; orientation 6 = "rotate 90° clockwise to view".
    stored = Image.new("RGB", (40, 20), (0, 0, 255))
    stored.paste((255, 0, 0), (0, 0, 20, 20))
    exif = Image.Exif()
    exif[0x0112] = 6
    array = load_image(encode(stored, "JPEG", quality=95, exif=exif.tobytes()))
    check_array(array, (40, 20))  # now 20 wide × 40 tall
    assert array[5, 10, 0] > 0.9 and array[5, 10, 2] < 0.1  # top is red (was the left)
    assert array[35, 10, 2] > 0.9 and array[35, 10, 0] < 0.1  # bottom is blue


def test_sixteen_bit_png_keeps_its_full_range():
    values = np.array([[0, 1, 256, 65535]], dtype=np.uint16)
    raw = encode(Image.fromarray(values), "PNG")
    assert Image.open(io.BytesIO(raw)).mode.startswith("I")
    array = load_image(raw)
    check_array(array, (1, 4))
    np.testing.assert_allclose(array[0, :, 0], values[0] / 65535.0, rtol=1e-6, atol=1e-9)
    assert np.array_equal(array[..., 0], array[..., 2])  # gray: one channel repeated


def test_cmyk_jpeg_is_converted_to_rgb():
    cmyk = Image.new("CMYK", (8, 8), (0, 255, 255, 0))  # no cyan, full magenta+yellow = red
    array = load_image(encode(cmyk, "JPEG", quality=95))
    check_array(array, (8, 8))
    np.testing.assert_allclose(array[4, 4], [1.0, 0.0, 0.0], atol=0.05)


def test_palette_with_transparency_is_shown_over_white():
    image = Image.new("P", (4, 2), 0)
    image.putpalette([0, 0, 0, 0, 128, 0] + [0] * 762)
    image.putpixel((3, 1), 1)
    array = load_image(encode(image, "PNG", transparency=0))
    check_array(array, (2, 4))
    np.testing.assert_allclose(array[0, 0], [1.0, 1.0, 1.0])  # transparent black -> white
    np.testing.assert_allclose(array[1, 3], [0.0, 128 / 255, 0.0], atol=1e-6)


def test_rgba_and_la_are_composited_over_white():
    rgba = Image.new("RGBA", (2, 1), (255, 0, 0, 0))
    rgba.putpixel((1, 0), (0, 0, 255, 128))
    array = load_image(encode(rgba, "PNG"))
    np.testing.assert_allclose(array[0, 0], [1.0, 1.0, 1.0])
    np.testing.assert_allclose(array[0, 1], [127 / 255, 127 / 255, 1.0], atol=1 / 255)
    la = Image.new("LA", (1, 1), (0, 0))
    np.testing.assert_allclose(load_image(encode(la, "PNG"))[0, 0], [1.0, 1.0, 1.0])


def test_grayscale_and_one_bit_repeat_their_channel():
    gray = Image.new("L", (3, 3), 51)
    np.testing.assert_allclose(load_image(encode(gray, "PNG"))[1, 1], [0.2, 0.2, 0.2], atol=1e-6)
    bits = Image.new("1", (3, 3), 0)
    bits.putpixel((2, 2), 1)
    array = load_image(encode(bits, "BMP"))
    check_array(array, (3, 3))
    assert array[0, 0].tolist() == [0.0, 0.0, 0.0] and array[2, 2].tolist() == [1.0, 1.0, 1.0]


def test_animated_gif_gives_its_first_frame():
    frames = [Image.new("RGB", (5, 5), colour) for colour in [(255, 0, 0), (0, 255, 0)]]
    raw = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert getattr(Image.open(io.BytesIO(raw)), "n_frames", 1) == 2
    np.testing.assert_allclose(load_image(raw)[2, 2], [1.0, 0.0, 0.0])


def test_large_image_is_shrunk_keeping_aspect():
    array = load_image(encode(Image.new("RGB", (1200, 600), (10, 20, 30)), "PNG"), max_side=300)
    check_array(array, (150, 300))
    np.testing.assert_allclose(array[75, 150], [10 / 255, 20 / 255, 30 / 255], atol=1e-6)
    small = load_image(encode(Image.new("RGB", (7, 5)), "PNG"), max_side=300)
    assert small.shape == (5, 7, 3)  # never enlarged


def test_large_jpeg_uses_reduced_decoding_and_still_fits():
    array = load_image(encode(Image.new("RGB", (4000, 1000), (0, 200, 0)), "JPEG"), max_side=512)
    check_array(array, (128, 512))


def codes_of(data: bytes, **options) -> tuple[str, ConvValueError]:
    with pytest.raises(ConvValueError) as info:
        load_image(data, **options)
    return info.value.code, info.value


def test_pixel_cap_is_checked_from_the_header_before_decoding():
    # 8000 × 7000 = 56 M pixels: over our cap, under Pillow's own limits; the body is garbage,
    # so reaching the decoder would raise image_damaged instead.
    code, error = codes_of(png_header_only(8000, 7000))
    assert code == "image_too_many_pixels"
    assert error.values == {
        "width": 8000,
        "height": 7000,
        "pixels": "56,000,000",
        "limit": "50,000,000",
    }
    assert "8000×7000" in translate_error(error, "en")
    assert "8000×7000" in translate_error(error, "zh") and "像素" in translate_error(error, "zh")
    code, _ = codes_of(png_header_only(100, 100), max_pixels=9_999)
    assert code == "image_too_many_pixels"


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_decompression_bomb_headers_are_refused():
    code, _ = codes_of(png_header_only(10_000, 10_000))  # 100 M: Pillow only warns, we refuse
    assert code == "image_too_many_pixels"
    code, error = codes_of(png_header_only(100_000, 100_000))  # 10 G: Pillow refuses in open()
    assert code == "image_bomb"
    assert "解压炸弹" in translate_error(error, "zh")


def test_truncated_png_is_reported_as_damaged():
    raw = encode(Image.effect_noise((64, 64), 40).convert("RGB"), "PNG")
    code, error = codes_of(raw[: len(raw) // 2])
    assert code == "image_damaged"
    assert "damaged" in translate_error(error, "en")


def test_random_bytes_text_and_empty_files_are_refused_with_codes():
    rng = np.random.default_rng(3)
    code, error = codes_of(rng.integers(0, 256, 2048, dtype=np.uint8).tobytes())
    assert code == "image_not_image"
    assert "PNG, JPEG, WEBP, GIF, BMP" in translate_error(error, "en")
    assert codes_of(b"<svg xmlns='http://www.w3.org/2000/svg'/>")[0] == "image_not_image"
    assert codes_of(b"")[0] == "image_empty"


def test_unsupported_formats_are_refused_even_if_pillow_reads_them():
    tiff = encode(Image.new("RGB", (4, 4)), "TIFF")
    assert codes_of(tiff)[0] == "image_not_image"


def test_file_size_limit():
    code, error = codes_of(b"\x00" * (MAX_UPLOAD_BYTES + 1))
    assert code == "image_file_too_large"
    assert error.values == {"size_mb": "10.0", "limit_mb": "10"}
    assert codes_of(b"\x89PNG" * 300, max_bytes=1000)[0] == "image_file_too_large"


def test_sample_picture_ships_and_loads():
    assert SAMPLE_PATH.is_file()
    assert SAMPLE_PATH.stat().st_size < 300 * 1024
    array = load_sample_image(max_side=240)
    check_array(array, (160, 240))
    assert array.std(axis=(0, 1)).min() > 0.1  # colourful in every channel


@given(
    width=st.integers(1, 64),
    height=st.integers(1, 64),
    max_side=st.integers(1, 40),
    mode=st.sampled_from(["RGB", "L", "RGBA", "P", "1"]),
)
def test_any_small_image_fits_in_max_side_and_unit_range(width, height, max_side, mode):
    array = load_image(encode(Image.new(mode, (width, height)), "PNG"), max_side=max_side)
    assert max(array.shape[:2]) <= max_side
    assert array.shape[2] == 3 and array.dtype == np.float32
    assert 0.0 <= array.min() <= array.max() <= 1.0
    scale = min(1.0, max_side / max(width, height))
    assert abs(array.shape[1] - width * scale) <= 1 and abs(array.shape[0] - height * scale) <= 1


@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_crash_with_anything_but_a_conv_value_error(data):
    try:
        array = load_image(data)
    except ConvValueError as error:
        assert error.code.startswith("image_")
    else:
        assert array.ndim == 3
