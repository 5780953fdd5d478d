"""The 1×1 page through AppTest: every control, both languages, invalid mixing tables."""

from __future__ import annotations

import pytest

from convviz.figures.common import paging
from convviz.i18n import translate
from tests.app.conftest import code_blocks, open_app
from tests.app.paging import assert_pages_clamped

PAGE = "pages/pointwise.py"


def _text(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


def _images(at) -> list:
    return at.get("image")  # one element per st.image call


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_render_with_the_numbers(lang):
    at = open_app(lang, PAGE)
    assert not at.exception
    assert at.title[0].value == translate("page.pointwise", lang)
    text = _text(at)
    assert translate("pointwise.pixel.equation", lang, r=0, c=0, cin=3, cout=2) in text
    assert translate("pointwise.matmul.check", lang, cout=2, i=4, diff="0") in text
    assert not at.error
    assert "torch.nn.Conv2d(3, 2, kernel_size=1, bias=False)" in code_blocks(at)[0].value
    assert len(at.get("plotly_chart")) == 3
    labels = [b.proto.label for b in at.get("download_button")]
    # the layer; the pixel's W·x = y; Y = W·X; the mixing matrix
    assert labels == ["PNG", "CSV"] + ["PNG", "LaTeX", "CSV"] * 2 + ["LaTeX", "CSV"]
    keys = [b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")]
    assert keys[:2] == ["pointwise_layer_png", "pointwise_layer_csv"]
    assert keys[-2:] == ["pointwise_mixing_latex", "pointwise_mixing_csv"]
    assert len(_images(at)) == 2  # the picture and its one grayscale channel


def test_pixel_sliders_and_channels_drive_the_figures():
    at = open_app("en", PAGE)
    at.slider(key="pixel_row").set_value(2).run()
    at.slider(key="pixel_col").set_value(3).run()
    assert "Pixel (2, 3) is column 2·4 + 3 = 11." in _text(at)
    at.slider(key="in_channels").set_value(5).run()
    at.slider(key="out_channels").set_value(4).run()
    at.slider(key="seed").set_value(9).run()
    assert "(seed 9)" in _text(at)
    assert "torch.nn.Conv2d(5, 4, kernel_size=1" in code_blocks(at)[0].value
    code = code_blocks(at)[0].value  # the page's own numbers and pixel, not torch.randn
    assert "np.random.default_rng(9).integers(-3, 4, size=(1, 5, 4, 4))" in code
    assert "print(y[0, :, 2, 3])" in code and "torch.randn" not in code
    at.slider(key="input_size").set_value(2).run()  # the pixel moves back inside
    assert not at.exception
    assert (at.slider(key="pixel_row").value, at.slider(key="pixel_col").value) == (1, 1)
    assert "Pixel (1, 1) is column 1·2 + 1 = 3." in _text(at)


def test_the_largest_grid_is_drawn_in_full_as_one_matmul():
    at = open_app("en", PAGE, input_size="8", pixel_row="7", pixel_col="7")
    assert not at.info  # 8·8 = 64 columns: none left out
    assert "Pixel (7, 7) is column 7·8 + 7 = 63." in _text(at)
    assert translate("pointwise.matmul.check", "en", cout=2, i=8, diff="0") in _text(at)


@pytest.mark.parametrize(
    ("field", "value", "term"),
    [
        ("c1", 32, "1·1·192·32"),
        ("c2_reduce", 64, "3·3·64·128"),
        ("c2", 96, "3·3·96·96"),
        ("c3_reduce", 24, "5·5·24·32"),
        ("c3", 48, "5·5·16·48"),
        ("c4", 64, "1·1·192·64 = "),
    ],
)
def test_each_inception_field_changes_its_term(field, value, term):
    at = open_app("en", PAGE)
    at.number_input(key=f"inception_{field}").set_value(value).run()
    assert not at.exception
    reduced = next(line for line in _text(at).splitlines() if "With 1×1" in line)
    assert term in reduced
    linked = open_app("zh", PAGE, **{f"inception_{field}": str(value)})
    assert term in _text(linked)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_mixing_presets_and_relu(lang):
    at = open_app(lang, PAGE)
    at.radio(key="mixing").set_value("opponent").run()
    assert not at.exception
    assert len(_images(at)) == 3  # input and two opponent channels
    at.toggle(key="relu").set_value(True).run()
    assert "ReLU" in _text(at) and "%" in _text(at)
    at.radio(key="mixing").set_value("grayscale").run()
    assert translate("pointwise.image.relu_nothing", lang) in _text(at)
    at.radio(key="mixing").set_value("swap_rb").run()
    assert len(_images(at)) == 5  # input, three channels, and the three read as RGB
    at.radio(key="mixing").set_value("random").run()
    assert not at.exception


@pytest.mark.parametrize(
    ("edits", "code", "values"),
    [
        ({"added_rows": [{}]}, "mixing_empty", {"row": 2, "column": "R"}),
        (
            {"edited_rows": {0: {"G": 12}}},
            "mixing_too_large",
            {"row": 1, "column": "G", "value": "12", "limit": "10"},
        ),
        ({"added_rows": [{"R": 0, "G": 0, "B": 1}] * 6}, "mixing_rows", {"rows": 7, "limit": 6}),
        ({"deleted_rows": [0]}, "mixing_rows", {"rows": 0, "limit": 6}),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_edited_mixing_tables_are_checked(lang, edits, code, values):
    at = open_app(lang, PAGE)
    at.session_state["mixing_table_grayscale"] = {
        "edited_rows": {},
        "added_rows": [],
        "deleted_rows": [],
        **edits,
    }
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [translate(f"error.{code}", lang, **values)]
    assert len(_images(at)) == 0


def test_an_edited_number_changes_the_output():
    at = open_app("en", PAGE)
    at.session_state["mixing_table_grayscale"] = {
        "edited_rows": {0: {"R": -1.0}},
        "added_rows": [{"R": 1, "G": 0, "B": 0}],
        "deleted_rows": [],
    }
    at.run()
    assert not at.error and len(_images(at)) == 3
    captions = [img.proto.imgs[0].caption for img in _images(at)]
    assert captions[1].startswith("Output channel 0 · values -0.")  # red now counts negative
    assert captions[2] == "Output channel 1 · values 0 … 1"  # the added row: R alone


def test_upload_choice_waits_for_a_file_and_keeps_the_sample():
    at = open_app("zh", PAGE)
    at.radio(key="image_source").set_value("upload").run()
    assert not at.exception
    assert translate("images.waiting_for_upload", "zh") in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_calculators_reproduce_the_published_blocks(lang):
    at = open_app(lang, PAGE)
    text = _text(at)
    # the numbers are the networks', cited by name: there is no article in the app
    assert "the article" not in text and "原文" not in text
    assert translate("counts.calc.caption", lang) in text
    for name in ("GoogLeNet", "Inception (3a)", "ResNet-50", "Szegedy", "He "):
        assert name in translate("counts.calc.caption", lang)
    assert "1·1·192·64 + 3·3·192·128 + 5·5·192·32 = 387,072" in text
    assert (
        "1·1·192·64 + 1·1·192·96 + 1·1·192·16 + 3·3·96·128 + 5·5·16·32 + 1·1·192·32 = 163,328"
        in text
    )
    assert "3·3·256·256 + 3·3·256·256 = 1,179,648" in text
    assert "1·1·256·64 + 3·3·64·64 + 1·1·64·256 = 69,632" in text
    saving = translate(
        "counts.block_saving",
        lang,
        after="69,632",
        before="1,179,648",
        ratio="5.9%",
        saving="94.1%",
    )
    assert saving in text


def test_calculator_fields_change_the_terms_and_totals():
    at = open_app("en", PAGE)
    at.number_input(key="inception_c_in").set_value(256).run()
    at.number_input(key="inception_c2_reduce").set_value(128).run()
    text = _text(at)
    # 1·1·256·64 + 3·3·256·128 + 5·5·256·32 = 16,384 + 294,912 + 204,800
    assert "1·1·256·64 + 3·3·256·128 + 5·5·256·32 = 516,096" in text
    assert "3·3·128·128" in text
    at.number_input(key="resnet_channels").set_value(512).run()
    at.number_input(key="resnet_mid").set_value(128).run()
    text = _text(at)
    assert "3·3·512·512 + 3·3·512·512 = 4,718,592" in text
    assert "1·1·512·128 + 3·3·128·128 + 1·1·128·512 = 278,528" in text


def test_calculator_fields_come_from_a_link():
    at = open_app("zh", PAGE, resnet_channels="128", resnet_mid="32")
    assert "1·1·128·32 + 3·3·32·32 + 1·1·32·128 = 17,408" in _text(at)


def test_an_edited_matrix_goes_into_the_link_and_comes_back_from_it():
    at = open_app("en", PAGE)
    assert "mix" not in at.query_params
    at.session_state["mixing_table_grayscale"] = {
        "edited_rows": {0: {"R": -1.0}},
        "added_rows": [{"R": 1, "G": 0, "B": 0}],
        "deleted_rows": [],
    }
    at.run()
    assert at.query_params["mix"] == "-1,0.587,0.114;1,0,0"
    again = open_app("en", PAGE, mix="-1,0.587,0.114;1,0,0")
    assert not again.error
    assert again.data_editor[0].value.to_numpy().tolist() == [[-1, 0.587, 0.114], [1, 0, 0]]
    assert len(_images(again)) == 3  # the picture and the link's two channels
    again.radio(key="mixing").set_value("swap_rb").run()  # another preset: the link is done
    assert again.data_editor[0].value.to_numpy().tolist() == [[0, 0, 1], [0, 1, 0], [1, 0, 0]]
    assert "mix" not in again.query_params


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("text", "code", "values"),
    [
        ("1,2;3", "mixing_link", {"text": "1,2;3"}),
        ("1,2,x", "mixing_not_number", {"row": 1, "column": "B", "value": "x"}),
        ("1,0,0;" * 7 + "1,0,0", "mixing_rows", {"rows": 8, "limit": 6}),
    ],
)
def test_a_bad_matrix_in_the_link_is_explained_and_the_preset_shown(lang, text, code, values):
    at = open_app(lang, PAGE, mix=text)
    assert not at.exception
    assert [e.value for e in at.error] == [translate(f"error.{code}", lang, **values)]
    assert at.data_editor[0].value.to_numpy().tolist() == [[0.299, 0.587, 0.114]]
    assert len(_images(at)) == 2


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_channel_and_pixel_pickers_clamp_hostile_links(lang):
    # 8 channels of 8×8 and 64 pixel columns: neither fits a laptop at once
    assert_pages_clamped(
        PAGE,
        lang,
        ("shown_channels", "shown_pixels"),
        in_channels="8",
        out_channels="8",
        input_size="8",
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_default_product_shows_8_of_16_pixel_columns(lang):
    at = open_app(lang, PAGE)
    assert not at.exception
    assert not [s for s in at.slider if s.key == "shown_channels"]  # 3 + 2 channels fit
    captions = [c.value for c in at.caption]
    assert paging.span_text((0, 8), 16, noun="pixels", lang=lang) in captions
    at.slider(key="shown_pixels").set_value(2).run()
    assert not at.exception
    assert paging.span_text((8, 16), 16, noun="pixels", lang=lang) in [c.value for c in at.caption]


def test_the_pixel_columns_follow_the_picked_pixel():
    at = open_app("en", PAGE, pixel_row="3", pixel_col="1")  # column 3·4 + 1 = 13
    assert not at.exception
    assert at.slider(key="shown_pixels").value == 2  # the page of columns 9–16
    at.slider(key="shown_pixels").set_value(1).run()  # paging away is allowed
    assert at.slider(key="shown_pixels").value == 1
    at.slider(key="pixel_row").set_value(0).run()  # the pixel moves: its page again
    assert at.slider(key="shown_pixels").value == 1
    at.slider(key="pixel_row").set_value(2).run()  # column 9
    assert at.slider(key="shown_pixels").value == 2
    # a link's page wins on the first load
    assert (
        open_app("en", PAGE, pixel_row="3", shown_pixels="1").slider(key="shown_pixels").value == 1
    )
