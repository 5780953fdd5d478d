"""Uploads decode within a pixel budget: counted at the decoder, and at every conversion.

The decoder never sees more than ``MAX_DECODED_PIXELS`` (a JPEG is decoded at a reduced
scale); mode conversions and float32 happen on the shrunken picture only.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageFile

from convviz import images
from convviz.engine.errors import ConvValueError
from convviz.i18n import translate_error
from convviz.images import DEFAULT_MAX_SIDE, MAX_DECODED_PIXELS, load_image


def _png(mode: str, size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG")
    return out.getvalue()


def _jpeg(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (90, 120, 200)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def decoded(monkeypatch) -> list[int]:
    """Pixels each decode and each mode conversion worked on, in order."""
    seen: list[int] = []
    load, working = ImageFile.ImageFile.load, images._to_working_mode

    def counting_load(self):
        seen.append(self.size[0] * self.size[1])
        return load(self)

    def counting_working(image):
        seen.append(-image.size[0] * image.size[1])  # negative: after shrinking
        return working(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    monkeypatch.setattr(images, "_to_working_mode", counting_working)
    return seen


@pytest.mark.parametrize(
    "data",
    [_png("I;16", (7000, 7000)), _png("L", (50_000_000, 1)), _png("RGBA", (5000, 5000))],
    ids=["16bit_7000", "one_row_50M", "rgba_25M"],
)
def test_large_non_jpeg_pictures_are_refused_before_decoding(data, decoded):
    with pytest.raises(ConvValueError) as info:
        load_image(data)
    assert info.value.code == "image_too_many_pixels"
    assert info.value.values["limit"] == f"{MAX_DECODED_PIXELS:,}"
    assert translate_error(info.value, "zh") != str(info.value)
    assert decoded == []  # nothing was decoded


@pytest.mark.parametrize(
    ("data", "source"),
    [
        (_png("I;16", (3400, 3400)), 3400 * 3400),
        (_png("P", (4000, 3000)), 4000 * 3000),
        (_png("RGBA", (4000, 3000)), 4000 * 3000),
        (_jpeg((8000, 6000)), 8000 * 6000),  # 48 MP: decoded at 1/8 scale
    ],
    ids=["16bit_3400", "palette_12M", "rgba_12M", "jpeg_48M"],
)
def test_allowed_pictures_decode_within_the_budget_and_convert_small(data, source, decoded):
    array = load_image(data)
    assert max(array.shape[:2]) == DEFAULT_MAX_SIDE and array.dtype.name == "float32"
    loads = [n for n in decoded if n > 0]
    conversions = [-n for n in decoded if n < 0]
    assert loads and max(loads) <= MAX_DECODED_PIXELS
    assert conversions == [array.shape[0] * array.shape[1]]  # only the shrunken picture
    if source > MAX_DECODED_PIXELS:  # the JPEG
        assert max(loads) <= source // 16
