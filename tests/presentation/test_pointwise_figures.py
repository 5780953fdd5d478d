"""Figures and helpers of the 1×1 page: per-pixel mixing, the matmul view, picture mixing."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.errors import ConvValueError
from convviz.figures.pointwise import code as torch_code
from convviz.figures.pointwise import matmul, mixing
from convviz.figures.pointwise import picture as pictures
from convviz.figures.pointwise import pixel as per_pixel
from convviz.i18n import translate, translate_error
from convviz.inputs import make_values


def test_mixing_presets_have_their_shapes_and_random_follows_the_seed():
    assert mixing.mixing_preset("grayscale").tolist() == [[0.299, 0.587, 0.114]]
    assert mixing.mixing_preset("swap_rb").shape == (3, 3)
    assert mixing.mixing_preset("opponent").tolist() == [[1, -1, 0], [0.5, 0.5, -1]]
    a, b = mixing.mixing_preset("random", seed=1), mixing.mixing_preset("random", seed=1)
    assert a.shape == (3, 3) and np.array_equal(a, b)
    assert not np.array_equal(a, mixing.mixing_preset("random", seed=2))
    assert np.array_equal(a, np.round(a, 2))


def test_parse_mixing_rows_accepts_numbers_and_numeric_text():
    matrix = mixing.parse_mixing_rows([[1, "0.5", np.float32(-2)], [0, 0, " 1e-1 "]])
    assert matrix.dtype == np.float64
    np.testing.assert_allclose(matrix, [[1, 0.5, -2], [0, 0, 0.1]])


@pytest.mark.parametrize(
    ("rows", "code", "values"),
    [
        ([[1, 2, None]], "mixing_empty", {"row": 1, "column": "B"}),
        ([[1, 2, 3], [float("nan"), 0, 0]], "mixing_empty", {"row": 2, "column": "R"}),
        (
            [[1, 2, 3], ["1+1", 0, 0]],
            "mixing_not_number",
            {"row": 2, "column": "R", "value": "1+1"},
        ),
        (
            [["__import__('os')", 0, 0]],
            "mixing_not_number",
            {"row": 1, "column": "R", "value": "__import__('os')"[:20]},
        ),
        ([["nan", 0, 0]], "mixing_not_number", {"row": 1, "column": "R", "value": "nan"}),
        ([[0, float("inf"), 0]], "mixing_not_number", {"row": 1, "column": "G", "value": "inf"}),
        ([[True, 0, 0]], "mixing_not_number", {"row": 1, "column": "R", "value": "True"}),
        (
            [[0, 0, 10.5]],
            "mixing_too_large",
            {"row": 1, "column": "B", "value": "10.5", "limit": "10"},
        ),
        ([], "mixing_rows", {"rows": 0, "limit": 6}),
        ([[0, 0, 0]] * 7, "mixing_rows", {"rows": 7, "limit": 6}),
    ],
)
def test_parse_mixing_rows_refuses_anything_but_numbers(rows, code, values):
    with pytest.raises(ConvValueError) as info:
        mixing.parse_mixing_rows(rows)
    assert info.value.code == code
    assert info.value.values == values
    assert translate_error(info.value, "zh") != str(info.value)  # translated, not the fallback


def test_mix_image_applies_the_matrix_at_every_pixel():
    picture = np.zeros((2, 3, 3))
    picture[0, 0] = [1.0, 0.0, 0.0]  # a red pixel
    picture[1, 2] = [0.0, 1.0, 0.5]
    gray = pictures.mix_image(picture, mixing.mixing_preset("grayscale"))
    assert gray.shape == (1, 2, 3)
    assert gray[0, 0, 0] == pytest.approx(0.299)
    assert gray[0, 1, 2] == pytest.approx(0.587 + 0.057)
    swapped = pictures.mix_image(picture, mixing.mixing_preset("swap_rb"))
    np.testing.assert_allclose(np.transpose(swapped, (1, 2, 0)), picture[:, :, ::-1])
    opponent = pictures.mix_image(picture, mixing.mixing_preset("opponent"))
    assert opponent[0, 1, 2] == pytest.approx(-1.0)
    assert pictures.mix_image(picture, mixing.mixing_preset("opponent"), relu=True)[0, 1, 2] == 0.0
    before = opponent
    np.testing.assert_allclose(pictures.zeroed_fraction(before), [1 / 6, 0.0])


def test_channel_pictures_use_gray_or_a_signed_scale():
    image, scale = pictures.channel_picture(np.array([[0.0, 0.5], [1.0, 0.25]]))
    assert scale == "gray" and image.shape == (2, 2, 3) and image.dtype == np.uint8
    assert image[0, 0].tolist() == [0, 0, 0] and image[1, 0].tolist() == [255, 255, 255]
    assert image[0, 1].tolist() == [128, 128, 128]
    image, _ = pictures.channel_picture(np.array([[0.0, 2.0]]))
    assert image[0, 1].tolist() == [255, 255, 255]  # white = the maximum when it exceeds 1
    image, scale = pictures.channel_picture(np.array([[-2.0, 0.0, 2.0]]))
    assert scale == "signed"
    assert image[0, 0].tolist() == [84, 39, 136]  # PuOr purple
    assert image[0, 1].tolist() == [247, 247, 247]  # white at zero
    assert image[0, 2].tolist() == [179, 88, 6]  # PuOr orange
    rgb = pictures.as_rgb_picture(np.array([[[2.0]], [[-1.0]], [[0.5]]]))
    assert rgb.tolist() == [[[255, 0, 128]]]


def test_gallery_lists_the_input_each_channel_and_the_rgb_view():
    picture = np.full((4, 5, 3), 0.5)
    outputs = pictures.mix_image(picture, mixing.mixing_preset("swap_rb"))
    gallery = pictures.image_gallery(picture, outputs, lang="en")
    assert [caption for _, caption in gallery] == [
        "Input: 4×5×3",
        "Output channel 0 · values 0.5 … 0.5",
        "Output channel 1 · values 0.5 … 0.5",
        "Output channel 2 · values 0.5 … 0.5",
        "The 3 outputs read as R, G, B",
    ]
    assert all(image.shape == (4, 5, 3) for image, _ in gallery)
    gray = pictures.image_gallery(picture, outputs[:1], lang="zh")
    assert len(gray) == 2 and gray[1][1].startswith("输出通道 0")


def test_relu_text_reports_the_zeroed_share():
    before = np.array([[[-1.0, 1.0], [1.0, 1.0]], [[-1.0, -1.0], [1.0, 1.0]]])
    text = pictures.relu_text(before, lang="en")
    assert "set 38% of the values" in text and "0: 25%, 1: 50%" in text
    assert "changes nothing" in pictures.relu_text(np.abs(before), lang="en")


@given(
    cin=st.integers(1, 8), cout=st.integers(1, 8), size=st.integers(1, 8), seed=st.integers(0, 99)
)
def test_one_by_one_convolution_is_one_matrix_multiply(cin, cout, size, seed):
    x = make_values("random", (cin, size, size), seed=seed)
    weight = make_values("random", (cout, cin), seed=seed + 1)
    check = matmul.pointwise_check(x, weight)
    assert check["max_diff"] == 0.0
    assert check["pixels"].shape == (cin, size * size)
    r, c = seed % size, (seed // 3) % size
    np.testing.assert_array_equal(check["product"][:, r * size + c], weight @ x[:, r, c])
    np.testing.assert_array_equal(check["conv"][:, r, c], weight @ x[:, r, c])


def test_pixel_figure_spells_out_each_output_as_products():
    x = make_values("arange", (3, 2, 2))  # pixel (1, 0): 3, 7, 11
    weight = np.array([[1.0, -1.0, 0.0], [2.0, 0.0, 1.0]])
    fig = per_pixel.pixel_figure(x, weight, pixel=(1, 0), lang="en")
    assert list(fig.data[-1].hovertext) == [
        "y0 = 1·3 + (-1)·7 + 0·11 = -4",
        "y1 = 2·3 + 0·7 + 1·11 = 17",
    ]
    titles = [a.text for a in fig.layout.annotations if a.text.startswith("<b>")]
    assert titles == ["<b>W (C_out × C_in)</b>", "<b>x(1,0)</b>", "<b>y(1,0)</b>"]


def test_layer_figure_outlines_the_pixel_in_every_channel_and_is_clickable():
    x = make_values("arange", (3, 4, 4))
    y = make_values("arange", (2, 4, 4))
    fig = per_pixel.layer_figure(x, y, pixel=(2, 1), lang="en")
    assert len(fig.layout.shapes) == 5
    assert {(s.x0, s.y0) for s in fig.layout.shapes} == {(0.5, 1.5)}
    assert fig.layout.clickmode == "event+select"
    titles = [a.text for a in fig.layout.annotations]
    assert titles == ["<b>x0</b>", "<b>x1</b>", "<b>x2</b>", "<b>y0</b>", "<b>y1</b>"]
    assert fig.layout.yaxis.domain[0] > fig.layout.yaxis4.domain[1]  # outputs under inputs


def test_matmul_figure_caps_columns_and_marks_the_pixel_column():
    check = matmul.pointwise_check(make_values("ones", (2, 8, 8)), np.ones((3, 2)))
    fig = matmul.matmul_figure(
        check["pixels"], np.ones((3, 2)), check["product"], column=10, lang="en"
    )
    assert len(fig.data[3].x) == 2 * 64
    assert [(s.x0, s.x1) for s in fig.layout.shapes] == [(9.5, 10.5), (9.5, 10.5)]
    wide = matmul.pointwise_check(make_values("ones", (2, 9, 9)), np.ones((3, 2)))
    fig = matmul.matmul_figure(
        wide["pixels"], np.ones((3, 2)), wide["product"], column=70, lang="en"
    )
    assert len(fig.data[3].x) == 2 * matmul.MAX_MATMUL_COLUMNS and not fig.layout.shapes


def test_pytorch_snippet_is_python_with_the_page_numbers():
    code = torch_code.pytorch_snippet(3, 5, input_size=4, seed=0, pixel=(1, 2), lang="en")
    compile(code, "snippet", "exec")
    assert "torch.nn.Conv2d(3, 5, kernel_size=1, bias=False)" in code
    assert "x[0].reshape(3, 16)" in code and "torch.randn" not in code
    assert "np.random.default_rng(1).integers(-3, 4, size=(5, 3, 1, 1))" in code


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pytorch_snippet_prints_the_page_numbers_in_the_page_language(lang):
    pytest.importorskip("torch")
    from tests.support.snippet_cases import snippet_failures

    settings = [(3, 5, 4, 0, (0, 0)), (8, 2, 8, 123, (7, 3)), (1, 8, 1, 9999, (0, 0))]
    cases = {}
    for cin, cout, i, seed, (r, c) in settings:
        code = torch_code.pytorch_snippet(
            cin, cout, input_size=i, seed=seed, pixel=(r, c), lang=lang
        )
        x = make_values("random", (cin, i, i), seed=seed)
        weight = make_values("random", (cout, cin), seed=seed + 1)
        shown = matmul.pointwise_check(x, weight)["conv"][:, r, c]  # the page's pixel
        assert translate("pointwise.code.pixel", lang, r=r, c=c) in code
        assert translate("pointwise.code.matmul", lang) in code
        cases[f"pointwise-{cin}-{cout}-{i}-{seed}"] = (code, {f"y[0, :, {r}, {c}]": shown})
    failures = snippet_failures(cases)
    assert not failures, failures


def test_largest_settings_stay_small():
    x = make_values("random", (8, 8, 8))
    weight = make_values("random", (8, 8))
    check = matmul.pointwise_check(x, weight)
    sizes = [
        len(per_pixel.layer_figure(x, check["conv"], pixel=(7, 7), lang="en").to_json()),
        len(per_pixel.pixel_figure(x, weight, pixel=(7, 7), lang="en").to_json()),
        len(
            matmul.matmul_figure(
                check["pixels"], weight, check["product"], column=63, lang="en"
            ).to_json()
        ),
    ]
    assert max(sizes) < 1_000_000, sizes


def test_seed_002_blocks_are_recomputed_term_by_term():
    from convviz.figures.common import counts

    plain = counts.inception_layers(**counts.INCEPTION_DEFAULTS, reduced=False)
    reduced = counts.inception_layers(**counts.INCEPTION_DEFAULTS, reduced=True)
    assert counts.block_params(plain) == 387_072
    assert counts.block_params(reduced) == 163_328
    assert counts.sum_text(plain) == "1·1·192·64 + 3·3·192·128 + 5·5·192·32 = 387,072"
    assert counts.block_params(counts.bottleneck_layers(256, 64, bottleneck=False)) == 1_179_648
    assert counts.block_params(counts.bottleneck_layers(256, 64, bottleneck=True)) == 69_632
    with_bias = counts.sum_text(counts.bottleneck_layers(256, 64, bottleneck=True), bias=True)
    assert with_bias == "1·1·256·64 + 64 + 3·3·64·64 + 64 + 1·1·64·256 + 256 = 70,016"
    lines = counts.block_comparison(plain, reduced, lang="zh", key="inception")
    assert lines["plain"].startswith("不加 1×1 降维：1·1·192·64")
    assert lines["saving"] == "163,328 而不是 387,072：只需 **42.2%** 的参数量，减少了 57.8%。"


def test_exports_of_the_pointwise_views():
    from convviz.figures.common import channel_exports as files
    from convviz.figures.pointwise import files as pointwise_files

    x = make_values("arange", (3, 2, 2))  # pixel (1, 0): 3, 7, 11
    weight = np.array([[1.0, -1.0, 0.0], [2.0, 0.0, 1.0]])
    assert pointwise_files.pixel_png(x, weight, pixel=(1, 0), lang="zh").startswith(b"\x89PNG")
    latex = pointwise_files.pixel_latex(x, weight, pixel=(1, 0))
    assert "1 & -1 & 0 \\\\\n2 & 0 & 1" in latex
    assert "=\n\\begin{bmatrix}\n-4 \\\\\n17\n\\end{bmatrix}" in latex
    check = matmul.pointwise_check(x, weight)
    lines = files.product_csv(check["product"], width=2).splitlines()
    assert lines[0] == '"(0,0)","(0,1)","(1,0)","(1,1)"'
    assert lines[1].split(",")[2] == "-4"


@given(
    st.lists(
        st.lists(
            st.floats(-10, 10, allow_nan=False).map(lambda v: round(v, 3)), min_size=3, max_size=3
        ),
        min_size=1,
        max_size=mixing.MAX_MIX_ROWS,
    )
)
def test_mixing_matrices_survive_the_link(rows):
    matrix = np.array(rows, dtype=np.float64)  # (k, 3)
    text = mixing.mixing_text(matrix)
    np.testing.assert_array_equal(mixing.parse_mixing_text(text), matrix)
    assert mixing.link_text(matrix, matrix.copy()) is None
    assert mixing.link_text(matrix, np.zeros((matrix.shape[0] + 1, 3))) == text


def test_mixing_link_text_is_compact_and_refuses_other_shapes():
    assert mixing.mixing_text(mixing.mixing_preset("swap_rb")) == "0,0,1;0,1,0;1,0,0"
    for text in ("1,2", "1,2,3;", "1,2,3,4", "1;" * 150):
        with pytest.raises(ConvValueError) as caught:
            mixing.parse_mixing_text(text)
        assert caught.value.code == "mixing_link"
