"""The Image lab through AppTest: every control, each kernel, the typed kernel (good and bad
cells in both languages), stride / dilation / padding modes, upsampling, uploads, the link."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from streamlit.runtime.memory_media_file_storage import _calculate_file_id

from convviz.figures.common.code_text import number_literal
from convviz.figures.image_lab import filtering, upsampling
from convviz.i18n import translate
from convviz.i18n.escape import literal
from convviz.image_ops import load_picture
from convviz.images import DEFAULT_MAX_SIDE
from convviz.lab_kernels import KERNEL_NAMES
from convviz.upsampling import UPSAMPLE_KERNELS, UPSAMPLE_METHODS
from tests.app.conftest import code_blocks, open_app

PAGE = "pages/image-lab.py"
EDITOR = "image_lab_kernel_3"


def _text(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n" + "\n".join(c.value for c in at.caption)


def _images(at) -> list:
    return at.get("image")


def _captions(at) -> list[str]:
    return [img.proto.imgs[0].caption for img in _images(at)]


def _charts(at) -> list:
    return at.get("plotly_chart")


def _png(width: int, height: int, fmt: str = "PNG", colour=(200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, fmt)
    return buffer.getvalue()


def _edit(at, **cells):
    """Edit cells of the 3×3 typed kernel: ``_edit(at, r1c2="abc")`` (1-based)."""
    edited: dict[int, dict[str, str]] = {}
    for name, value in cells.items():
        row, col = int(name[1]), int(name[3])
        edited.setdefault(row - 1, {})[str(col)] = value
    at.session_state[EDITOR] = {"edited_rows": edited, "added_rows": [], "deleted_rows": []}
    return at.run()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_render_the_picture_the_sizes_and_the_four_methods(lang):
    at = open_app(lang, PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == translate("page.image_lab", lang)
    # The first view shows edges at once: Sobel x, drawn as a signed colour map.
    assert at.radio(key="filter").value == "sobel_x"
    assert len(_charts(at)) == 2 and '"colorbar"' in _charts(at)[0].proto.spec
    assert _captions(at)[0] == translate("image_lab.input_caption", lang, h=320, w=480)
    at.radio(key="filter").set_value("box").run()
    assert at.query_params["filter"] == "box"
    text = _text(at)
    height = translate("image_lab.sizes.height", lang)
    assert (
        f"{height}" in text
        and "⌊(320 + 2·1 − 1·(3 − 1) − 1) / 1⌋ + 1 = ⌊319 / 1⌋ + 1 = **320**" in text
    )
    assert translate("image_lab.sizes.summary", lang, h=320, w=480, oh=320, ow=480) in text
    captions = _captions(at)
    assert captions[:2] == [
        translate("image_lab.input_caption", lang, h=320, w=480),
        translate("image_lab.output_caption", lang, h=320, w=480),
    ]
    assert len(captions) == 2 + 2 * len(UPSAMPLE_METHODS)
    assert len(_charts(at)) == 1  # the stamp counts only: the blur is a picture
    keys = [b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")]
    assert keys == ["image_lab_filter_png", "image_lab_upsample_png"]
    code = code_blocks(at)[0].value
    assert "nn.Conv2d(3, 3, kernel_size=(3, 3), stride=1, padding=(1, 1), dilation=1," in code
    assert "nn.ConvTranspose2d(3, 3, kernel_size=3, stride=2, padding=1, output_padding=1" in code
    assert "0.222, 0.444, 0.889" in text


def test_pictures_are_sent_as_the_exact_png_the_page_made():
    """The input and the upsampling tiles reach the browser byte for byte (not as JPEG).

    A media file's id is the hash of its bytes and type, so a URL naming the id of the
    page's own PNG is that PNG, unchanged.
    """
    at = open_app("en", PAGE)
    image = load_picture(at.radio(key="picture").value, max_side=DEFAULT_MAX_SIDE)
    tiles = upsampling.upsample_tiles(image, kind=at.radio(key="upsample_kernel").value, lang="en")
    pngs = [filtering.picture_png(image)]
    pngs += [png for _, _, full, zoomed in tiles["tiles"] for png in (full, zoomed)]
    urls = [img.proto.imgs[0].url for img in _images(at)]
    assert urls == [f"/mock/media/{_calculate_file_id(png, 'image/png')}.png" for png in pngs]


@pytest.mark.parametrize("name", KERNEL_NAMES)
def test_each_kernel_draws_a_picture_or_a_colour_map(name):
    at = open_app("en", PAGE)
    at.radio(key="filter").set_value(name).run()
    assert not at.exception and not at.error
    assert at.query_params.get("filter") == (None if name == "sobel_x" else name)  # default
    zero_sum = name in ("sobel_x", "sobel_y", "laplacian")
    charts = _charts(at)
    assert len(charts) == (2 if zero_sum else 1)
    if zero_sum:
        assert '"colorbar"' in charts[0].proto.spec and '"#00224e"' in charts[0].proto.spec
        assert "taps sum to 0" in _text(at)
    side = 5 if name == "gaussian" else 3
    assert f"kernel_size=({side}, {side})" in code_blocks(at)[0].value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_typed_kernel_good_cells_change_output_and_link(lang):
    at = open_app(lang, PAGE, filter="custom")
    assert at.data_editor[0].value.to_numpy().tolist() == [
        ["0", "0", "0"],
        ["0", "1", "0"],
        ["0", "0", "0"],
    ]
    assert "custom_kernel" not in at.query_params  # the identity is the default
    _edit(at, r1c1="1/9", r2c2="-0.5", r3c3="−2")
    assert not at.exception and not at.error
    assert at.query_params["custom_kernel"] == "0.1111,0,0;0,-0.5,0;0,0,-2"
    caption = translate("image_lab.filter.kernel_caption", lang, kh=3, kw=3, total="-2.389")
    assert caption in _text(at)
    literal = f"[{number_literal(1 / 9)}, 0, 0],"  # the float32 the page computed with
    assert any(literal in block.value for block in code_blocks(at))


@pytest.mark.parametrize(
    ("cells", "code", "values"),
    [
        ({"r1c2": "abc"}, "image_lab_kernel_not_number", {"row": 1, "col": 2, "token": "abc"}),
        ({"r2c1": "2*3"}, "image_lab_kernel_not_number", {"row": 2, "col": 1, "token": "2*3"}),
        ({"r3c3": ""}, "image_lab_kernel_empty", {"row": 3, "col": 3}),
        ({"r1c1": "1/0"}, "image_lab_kernel_zero_division", {"row": 1, "col": 1, "token": "1/0"}),
        (
            {"r2c2": "500"},
            "image_lab_kernel_too_large",
            {"row": 2, "col": 2, "token": "500", "limit": "100"},
        ),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_malformed_typed_kernels_are_explained(lang, cells, code, values):
    at = open_app(lang, PAGE, filter="custom")
    _edit(at, **cells)
    assert not at.exception
    shown = {key: literal(v) if isinstance(v, str) else v for key, v in values.items()}
    assert [e.value for e in at.error] == [translate(f"error.{code}", lang, **shown)]
    assert translate("image_lab.custom.invalid", lang) in _text(at)
    assert len(_captions(at)) == 2 * len(UPSAMPLE_METHODS)  # no filter output, upsampling stays
    assert "nn.Conv2d" not in code_blocks(at)[0].value


def test_typed_kernel_link_and_size_slider():
    at = open_app("en", PAGE, filter="custom", custom_kernel="0,-1,0;-1,5,-1;0,-1,0")
    assert at.data_editor[0].value.to_numpy().tolist() == [
        ["0", "-1", "0"],
        ["-1", "5", "-1"],
        ["0", "-1", "0"],
    ]
    assert at.query_params["custom_kernel"] == "0,-1,0;-1,5,-1;0,-1,0"
    at.slider(key="kernel_size").set_value(5).run()
    assert not at.exception
    grid = at.data_editor[0].value.to_numpy()
    assert grid.shape == (5, 5) and grid[2, 2] == "1"
    assert "custom_kernel" not in at.query_params
    assert "kernel_size=(5, 5)" in code_blocks(at)[0].value
    at.slider(key="kernel_size").set_value(3).run()  # back: the sharpen grid is kept
    assert at.data_editor[0].value.to_numpy()[1].tolist() == ["-1", "5", "-1"]
    at.radio(key="filter").set_value("box").run()
    assert "custom_kernel" not in at.query_params


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stride_dilation_and_padding_modes_change_the_sizes(lang):
    at = open_app(lang, PAGE, filter="gaussian")
    at.slider(key="stride").set_value(3).run()
    at.slider(key="dilation").set_value(2).run()
    text = _text(at)
    assert "⌊(320 + 2·4 − 2·(5 − 1) − 1) / 3⌋ + 1 = ⌊319 / 3⌋ + 1 = **107**" in text
    assert "⌊(480 + 2·4 − 2·(5 − 1) − 1) / 3⌋ + 1 = ⌊479 / 3⌋ + 1 = **160**" in text
    for mode in ("reflect", "replicate", "circular", "zeros"):
        at.radio(key="padding_mode").set_value(mode).run()
        assert not at.exception and not at.error
        assert translate(f"choice.padding_mode.{mode}", lang) in _text(at)
        assert f'padding_mode="{mode}"' in code_blocks(at)[0].value
    assert _captions(at)[1] == translate("image_lab.output_caption", lang, h=107, w=160)


def test_output_view_forces_a_map_or_a_picture():
    at = open_app("en", PAGE, filter="box")
    at.radio(key="output_view").set_value("map").run()
    assert len(_charts(at)) == 2 and at.query_params["output_view"] == "map"
    assert "the picture times 1" in _text(at)
    at.radio(key="filter").set_value("laplacian").run()
    at.radio(key="output_view").set_value("rgb").run()
    assert len(_charts(at)) == 1 and not at.exception


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_upsampling_methods_and_kernels(lang):
    at = open_app(lang, PAGE)
    for kind in UPSAMPLE_KERNELS:
        at.radio(key="upsample_kernel").set_value(kind).run()
        assert translate(f"image_lab.up.{kind}", lang) in _text(at)
        for method in UPSAMPLE_METHODS:
            at.radio(key="upsample").set_value(method).run()
            assert not at.exception and not at.error
            name = translate(f"choice.upsample.{method}", lang)
            assert f"**{name}**" in _text(at)
            code = code_blocks(at)[0].value
            assert translate("image_lab.code.upsample", lang, name=name) in code
    assert at.query_params["upsample"] == "pixel_shuffle"
    assert at.query_params["upsample_kernel"] == "bilinear"
    assert "F.pixel_shuffle(phases, 2)" in code_blocks(at)[0].value
    text = _text(at)
    assert translate("image_lab.up.flat", lang, values="0.5") in text


def test_link_restores_every_choice():
    at = open_app(
        "zh",
        PAGE,
        picture="rings",
        filter="laplacian",
        stride="2",
        dilation="3",
        padding_mode="circular",
        upsample="transposed_k4",
        upsample_kernel="bilinear",
    )
    assert not at.exception and not at.error
    assert at.radio(key="picture").value == "rings"
    assert at.radio(key="filter").value == "laplacian"
    assert at.radio(key="padding_mode").value == "circular"
    assert at.radio(key="upsample").value == "transposed_k4"
    assert at.radio(key="upsample_kernel").value == "bilinear"
    assert (at.slider(key="stride").value, at.slider(key="dilation").value) == (2, 3)
    assert "⌊(384 + 2·3 − 3·(3 − 1) − 1) / 2⌋ + 1 = ⌊383 / 2⌋ + 1 = **192**" in _text(at)


@pytest.mark.parametrize(
    ("name", "size"), [("scene", (320, 480)), ("shapes", (384, 384)), ("rings", (384, 384))]
)
def test_each_shipped_picture(name, size):
    at = open_app("en", PAGE, picture=name)
    assert not at.exception
    assert _captions(at)[0] == translate("image_lab.input_caption", "en", h=size[0], w=size[1])


def test_an_upload_replaces_the_picture_and_is_downscaled():
    at = open_app("en", PAGE)
    at.radio(key="image_source").set_value("upload").run()
    assert translate("images.waiting_for_upload", "en") in _text(at)
    at.file_uploader(key="image_source_file").set_value(
        ("wide.jpg", _png(1024, 256, "JPEG"), "image/jpeg")
    ).run()
    assert not at.exception and not at.error
    assert _captions(at)[0] == translate("image_lab.input_caption", "en", h=128, w=512)
    assert "radio" not in [w.type for w in at.sidebar if getattr(w, "key", "") == "picture"]
    assert "⌊(512 + 2·1 − 1·(3 − 1) − 1) / 1⌋ + 1" in _text(at)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"this is not a picture", "image_not_image"),
        (_png(64, 64)[:60], "image_damaged"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_refused_uploads_are_explained(lang, data, code):
    at = open_app(lang, PAGE)
    at.radio(key="image_source").set_value("upload").run()
    at.file_uploader(key="image_source_file").set_value(("bad.png", data, "image/png")).run()
    assert not at.exception
    assert len(at.error) == 1 and at.error[0].value.startswith(
        translate(f"error.{code}", lang, formats="PNG, JPEG, WEBP, GIF, BMP")[:12]
    )
    assert translate("image_lab.refused", lang) in [i.value for i in at.info]
    assert not _images(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reflect_padding_too_wide_for_a_tiny_upload_is_explained(lang):
    at = open_app(lang, PAGE, filter="gaussian", dilation="2", padding_mode="reflect")
    at.radio(key="image_source").set_value("upload").run()
    at.file_uploader(key="image_source_file").set_value(("tiny.png", _png(3, 3), "image/png")).run()
    assert not at.exception
    assert len(at.error) == 1
    assert "4" in at.error[0].value and "3" in at.error[0].value
    assert not at.button  # no "use padding = …" fix: the page has no padding setting
    assert len(_captions(at)) == 2 * len(UPSAMPLE_METHODS)


def test_every_control_walked_in_one_session_without_exceptions():
    at = open_app("zh", PAGE)
    for picture in ("shapes", "rings", "scene"):
        at.radio(key="picture").set_value(picture).run()
    for name in (*KERNEL_NAMES, "custom"):
        at.radio(key="filter").set_value(name).run()
        for view in ("map", "rgb", "auto"):
            at.radio(key="output_view").set_value(view).run()
            assert not at.exception, (name, view)
    for stride in (1, 2, 3, 4):
        for dilation in (1, 2, 3, 4):
            at.slider(key="stride").set_value(stride).set_value(stride)
            at.slider(key="dilation").set_value(dilation).run()
            assert not at.exception and not at.error, (stride, dilation)
    assert np.isin(
        "image_lab_filter_png", [b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")]
    )


def _encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _exif_rotated_jpeg() -> bytes:
    stored = Image.new("RGB", (60, 20), (0, 0, 255))  # 60 wide × 20 tall as stored
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view": shown 20 wide × 60 tall
    return _encode(stored, "JPEG", exif=exif.tobytes())


def _palette_gif() -> bytes:
    image = Image.new("P", (40, 30), 0)
    image.putpalette([0, 0, 0, 0, 128, 0] + [0] * 762)
    return _encode(image, "GIF", transparency=0)


@pytest.mark.parametrize(
    ("name", "data", "size"),
    [
        ("rotated.jpg", _exif_rotated_jpeg(), (60, 20)),
        ("palette.gif", _palette_gif(), (30, 40)),
        ("alpha.webp", _encode(Image.new("RGBA", (50, 20), (0, 0, 255, 100)), "WEBP"), (20, 50)),
        (
            "deep.png",
            _encode(Image.fromarray(np.full((24, 36), 40000, np.uint16)), "PNG"),
            (24, 36),
        ),
        ("print.jpg", _encode(Image.new("CMYK", (32, 16), (0, 255, 255, 0)), "JPEG"), (16, 32)),
        ("old.bmp", _encode(Image.new("RGB", (2000, 1000), (9, 9, 9)), "BMP"), (256, 512)),
    ],
)
def test_uploads_of_every_kind_are_converted(name, data, size):
    at = open_app("en", PAGE)
    at.radio(key="image_source").set_value("upload").run()
    at.file_uploader(key="image_source_file").set_value((name, data, "application/octet-stream"))
    at.run()
    assert not at.exception and not at.error
    assert _captions(at)[0] == translate("image_lab.input_caption", "en", h=size[0], w=size[1])


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_decompression_bomb_header_is_refused_before_decoding(lang):
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )
    at = open_app(lang, PAGE)
    at.radio(key="image_source").set_value("upload").run()
    at.file_uploader(key="image_source_file").set_value(("bomb.png", bomb, "image/png")).run()
    assert not at.exception
    assert len(at.error) == 1
    assert ("decompression bomb" in at.error[0].value) == (lang == "en")
    assert ("解压炸弹" in at.error[0].value) == (lang == "zh")
    assert translate("image_lab.refused", lang) in [i.value for i in at.info]
