"""Figures and files of the standard page show the engine's numbers: seed 002's 4×16 matrix C,
floor leftovers, borders that copy cells, PyTorch's vs TensorFlow's "same" pads, the flip."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.lowering import flip_kernel
from convviz.engine.padding import pad2d
from convviz.engine.unreached import unreached_rows_cols
from convviz.figures.common.fit import (
    CAPTION_COLUMN_PX,
    CAPTION_COLUMNS,
    WRAP_PX,
    caption_columns,
    text_columns,
    unwrap_text,
)
from convviz.figures.standard import files, views
from convviz.figures.standard.code import code_view
from convviz.figures.standard.data import (
    Setting,
    conv_output,
    kernel_values,
    leftover,
    matrix_form,
    window_trace,
)
from convviz.figures.standard.matrix import c_figure, row_text
from convviz.figures.standard.padding import modes_figure
from convviz.figures.standard.window import window_figure, window_specs
from convviz.i18n import translate
from convviz.style.palette import CellKind

MB = 1_000_000


def setting(i=5, k=3, s=1, p=0, *, rule="explicit", mode="zeros", flip=False, **wide) -> dict:
    """The page's keywords (square unless ``*_w`` keys are given)."""
    values = {"input_size": i, "kernel_size": k, "stride": s, "padding": p}
    values.update({f"{key}_w": wide.get(f"{key}_w", v) for key, v in values.items()})
    return {**values, "padding_rule": rule, "padding_mode": mode, "flip": flip}


def arange(h, w=None) -> np.ndarray:
    w = h if w is None else w
    return np.arange(1, h * w + 1, dtype=float).reshape(h, w)


def test_seed_002_matrix_c_for_i4_k3():
    x, kernel = arange(4), kernel_values("arange", (3, 3))
    trace = window_trace(x, kernel, Setting((4, 4), (3, 3), (1, 1), (0, 0)))
    form = matrix_form(x, trace)
    assert form.shape == (4, 16) and not form.on_padded
    assert form.taps[0].tolist() == [0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, -1, -1, -1, -1]
    assert form.taps[3].tolist() == [-1] * 5 + [0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8]
    assert form.c.toarray()[1].tolist() == [0, 1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0]
    assert np.array_equal(form.output, conv2d(x[None], kernel[None, None])[0])
    assert form.output.tolist() == [[348, 393], [528, 573]]
    figure, drawn = c_figure(form, row=2, kernel_hw=(3, 3), lang="en")
    assert drawn == "symbols"
    assert list(figure.data[-1].text[:5]) == ["w₀₀", "w₀₁", "w₀₂", "", "w₁₀"]
    assert figure.layout.shapes[0].y0 == 1.5  # row 2 outlined
    assert row_text(form, 0, (3, 3)).endswith(
        "= 1·1 + 2·2 + 3·3 + 4·5 + 5·6 + 6·7 + 7·9 + 8·10 + 9·11 = 348"
    )
    tex = files.c_tex(x, "arange", **setting(4))
    assert "w_{0,0} & w_{0,1} & w_{0,2} & 0 & w_{1,0} & w_{1,1} & w_{1,2} & 0 & w_{2,0}" in tex
    assert files.c_csv(x, "arange", **setting(4)).splitlines()[1].startswith("0,1,2,3,0,4")


def test_flipped_matrix_names_the_learners_weights():
    x = arange(4)
    s = Setting((4, 4), (3, 3), (1, 1), (0, 0), flip=True)
    form = matrix_form(x, window_trace(x, kernel_values("arange", (3, 3)), s), flipped=True)
    assert form.taps[0].tolist()[:3] == [8, 7, 6]  # w₂₂ w₂₁ w₂₀: the rotated kernel
    assert form.c.toarray()[0].tolist()[:3] == [9, 8, 7]


def test_border_copies_put_c_on_the_padded_input():
    x = arange(3)
    s = Setting((3, 3), (2, 2), (1, 1), (1, 1), mode="replicate")
    trace = window_trace(x, kernel_values("ones", (2, 2)), s)
    form = matrix_form(x, trace)
    assert form.on_padded and form.vector.shape == (5, 5) and form.shape == (16, 25)
    assert form.vector[0].tolist() == [1, 1, 2, 3, 3]
    assert np.allclose(form.output, trace.sums)


def test_floor_leftover_is_greyed_and_stated():
    x = arange(6)
    trace = window_trace(
        x, kernel_values("arange", (3, 3)), Setting((6, 6), (3, 3), (2, 2), (0, 0))
    )
    found = leftover(trace, Setting((6, 6), (3, 3), (2, 2), (0, 0)))
    assert (found.padded_rows, found.input_rows, found.input_cols) == ((5,), (5,), (5,))
    kinds = window_specs(trace, flipped=False, lang="en")[0].kinds
    assert (kinds[5] == CellKind.OUTSIDE).all() and (kinds[:, 5] == CellKind.OUTSIDE).all()
    assert (kinds[:5, :5] == CellKind.REAL).all()
    view = views.size_view(x, "arange", lang="en", **setting(6, s=2))
    assert view["formula"] == [
        "o = ⌊(i + 2p − k) / s⌋ + 1 = ⌊(6 + 2·0 − 3) / 2⌋ + 1 = ⌊3 / 2⌋ + 1 = **2**"
    ]
    assert (
        translate("standard.size.leftover_h", "en", count=1, padded="5", inputs="5")
        in (view["leftover"])
    )


@settings(max_examples=60, deadline=None)
@given(
    i=st.integers(1, 12),
    k=st.integers(1, 7),
    s=st.integers(1, 4),
    p=st.integers(0, 4),
)
def test_leftover_matches_the_windows_reach(i, k, s, p):
    """The floor leaves exactly the padded rows after the last row a window reads."""
    if k > i + 2 * p:
        return
    x = arange(i)
    config = Setting((i, i), (k, k), (s, s), (p, p))
    trace = window_trace(x, kernel_values("ones", (k, k)), config)
    found = leftover(trace, config)
    assert found.padded_rows == tuple(range(int(trace.rows.max()) + 1, i + 2 * p))
    assert found.input_rows == unreached_rows_cols(i, k, stride=s, padding=p).input_rows


def test_tensorflow_and_pytorch_same_pads():
    s = Setting((5, 6), (4, 4), (2, 2), (0, 0), rule="same_tf")
    assert s.tf_pads == (1, 2, 1, 1)  # o = 3 both ways: totals 3 and 2, odd extra after
    assert Setting((5, 5), (4, 2), (1, 1), (0, 0)).torch_pads == (1, 2, 0, 1)
    x = arange(5, 6)
    trace = window_trace(x, kernel_values("arange", (4, 4)), s)
    assert trace.out_hw == (3, 3) and trace.pads == (1, 2, 1, 1)
    padded = pad2d(x, (1, 2, 1, 1))
    expected = conv2d(padded[None], kernel_values("arange", (4, 4))[None, None], stride=2)[0]
    assert np.array_equal(trace.sums, expected)
    view = views.padding_view(x, "arange", lang="en", **setting(5, 4, 2, input_size_w=6))
    assert view["same"]["same_torch"]["error"] == translate(
        "error.same_needs_stride_1", "en", stride="(2, 2)", size=5, k_eff=4, s=2, keep=4, tf=3
    )  # ⌊(5 + 8 − 4) / 2⌋ + 1 = 5
    assert view["same"]["same_tf"]["text"] == translate(
        "standard.pad.same_pads", "en", top=1, bottom=2, left=1, right=1, oh=3, ow=3
    )
    stride_one = views.padding_view(x, "arange", lang="zh", **setting(5, 4, 1, input_size_w=6))
    assert stride_one["same"]["same_torch"]["text"] == translate(
        "standard.pad.same_pads", "zh", top=1, bottom=2, left=1, right=2, oh=5, ow=6
    )
    size = views.size_view(
        x, "arange", lang="en", **setting(5, 4, 2, rule="same_tf", input_size_w=6)
    )
    assert size["formula"][0].endswith("⌊(5 + 1 + 2 − 4) / 2⌋ + 1 = ⌊4 / 2⌋ + 1 = **3**")


def test_border_cells_name_their_source():
    x = arange(3)
    trace = window_trace(
        x, kernel_values("ones", (2, 2)), Setting((3, 3), (2, 2), (1, 1), (1, 1), mode="reflect")
    )
    spec = window_specs(trace, flipped=False, lang="en")[0]
    assert trace.padded[0].tolist() == [5, 4, 5, 6, 5]
    assert spec.hover[0, 0].startswith("border (reflect): copy of x[1, 1] = 5")
    assert spec.hover[1, 1].startswith("x[0, 0] = 1")
    assert (spec.kinds != CellKind.BORDER_PAD).all()  # copies keep their source's colour
    zeros = window_trace(x, kernel_values("ones", (2, 2)), Setting((3, 3), (2, 2), (1, 1), (1, 1)))
    zspec = window_specs(zeros, flipped=False, lang="zh")[0]
    assert zspec.hover[0, 0].startswith("边框（zeros）：0")
    assert zspec.kinds[0, 0] == CellKind.BORDER_PAD and zspec.kinds[1, 1] == CellKind.REAL
    figure, refused = modes_figure(x, (3, 3, 3, 3), lang="en")
    assert set(refused) == {"reflect"} and len(figure.data) >= 3


def test_window_figure_frames_and_captions():
    x = arange(5)
    trace = window_trace(
        x, kernel_values("arange", (3, 3)), Setting((5, 5), (3, 3), (2, 2), (1, 1))
    )
    figure = window_figure(trace, lang="en", start=4)
    assert [f.name for f in figure.frames][:4] == ["y[0,0]", "y[0,1]", "y[0,2]", "y[1,0]"]
    assert len(figure.frames) == 9
    caption = figure.data[-1].text[0]
    # Broken into lines that fit the plot as a laptop draws it (at most 640 px), nothing lost.
    columns = caption_columns(figure.layout.width)
    assert CAPTION_COLUMNS <= columns <= WRAP_PX / CAPTION_COLUMN_PX
    assert max(text_columns(line.rstrip()) for line in caption.split("<br>")) <= columns
    assert (
        unwrap_text(caption)
        == "y[1, 1] = 7·1 + 8·2 + 9·3 + 12·4 + 13·5 + 14·6 + 17·7 + 18·8 + 19·9 = 681"
    )
    window = figure.frames[8].to_plotly_json()["data"][0]
    assert (min(window["x"]), max(window["x"])) == (3.5, 6.5)
    output = window_specs(trace, flipped=False, lang="en")[2]
    assert (
        output.hover[0, 0]
        == "y[0, 0] =<br>0·1 + 0·2 + 0·3 + 0·4 + 1·5 + 2·6 + 0·7 + 6·8 + 7·9 = 128"
    )
    assert output.clickable and output.values[0, 0] == 128


def test_flip_view_differences():
    x = arange(4)
    view = views.flip_view(x, "arange", lang="en", **setting(4))
    kernel = kernel_values("arange", (3, 3))
    convolution = conv2d(x[None], flip_kernel(kernel)[None, None])[0]
    assert (
        view["difference"].tolist()
        == (conv2d(x[None], kernel[None, None])[0] - convolution).tolist()
    )
    assert view["difference"].tolist() == [[156, 156], [156, 156]]
    assert view["verdict"] == translate(
        "standard.flip.differs", "en", cells=4, total=4, largest="156"
    )
    flipped = Setting((4, 4), (3, 3), (1, 1), (0, 0), flip=True)
    assert np.array_equal(conv_output(x, kernel, flipped), convolution)
    assert views.flip_view(x, "ones", lang="zh", **setting(4))["symmetric"]


def test_code_and_files():
    x = arange(5)
    code = code_view(x, "arange", lang="en", **setting(5, 3, 2, 1, mode="reflect", flip=True))
    assert (
        "nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=1, padding_mode='reflect', bias=False)"
        in code
    )
    assert "w = torch.flip(w, dims=(-2, -1))" in code and "torch.Size([1, 1, 3, 3])" in code
    rect = code_view(
        arange(5, 7),
        "arange",
        lang="en",
        **setting(5, 2, 1, 0, kernel_size_w=3, stride_w=2, padding_w=1, input_size_w=7),
    )
    assert "kernel_size=(2, 3), stride=(1, 2), padding=(0, 1)" in rect
    assert "torch.Size([1, 1, 4, 4])" in rect
    params = setting(5, 3, 2, 1)
    assert files.file_stem(**params) == "standard_i5x5_k3x3_s2x2_p1x1_explicit_zeros"
    assert files.window_png(x, "arange", 4, lang="zh", **params)[:8] == b"\x89PNG\r\n\x1a\n"
    assert files.window_gif(x, "arange", lang="en", **params)[:6] == b"GIF89a"
    tex = files.formula_tex(x, "arange", **params)
    assert r"\left\lfloor \frac{5 + 2\cdot1 - 1\cdot(3-1) - 1}{2} \right\rfloor + 1 = 3" in tex
    uneven = files.formula_tex(arange(5), "arange", **setting(5, 2, rule="same_tf"))
    assert r"\frac{5 + 0 + 1 - 2}{1}" in uneven
    assert files.output_csv(x, "arange", **params).splitlines()[0] == "128,241,184"


def test_invalid_settings_raise_the_engines_errors():
    with pytest.raises(ConvValueError) as err:
        views.size_view(arange(2), "arange", lang="en", **setting(2))
    assert err.value.code == "kernel_too_large"
    with pytest.raises(ConvValueError) as err:
        views.window_view(
            arange(5), "arange", (0, 0), lang="en", **setting(5, s=2, rule="same_torch")
        )
    assert err.value.code == "same_needs_stride_1"


@pytest.mark.parametrize(
    "params",
    [
        setting(12, 1, 1, 4),
        setting(12, 7, 1, 4),
        setting(12, 7, 1, 4, mode="reflect"),
        setting(12, 2, 1, 0, rule="same_tf"),
        setting(12, 3, 1, 1, mode="circular", flip=True),
    ],
)
def test_every_chart_stays_under_a_megabyte_at_the_largest_sizes(params):
    x = arange(12)
    charts = [views.window_view(x, "arange", (0, 0), lang="zh", **params)["figure"]]
    pad = views.padding_view(x, "arange", lang="zh", **params)
    charts += [pad["figure"]] + [v["figure"] for v in pad["same"].values() if v["figure"]]
    flip = views.flip_view(x, "arange", lang="zh", **params)
    matrix = views.matrix_view(x, "arange", 0, lang="zh", **params)
    charts += [flip["kernels"], flip["outputs"], matrix["grids"]]
    charts += [matrix["figure"]] if matrix["figure"] is not None else []
    sizes = [len(chart.to_json()) for chart in charts]
    assert max(sizes) < MB, sizes


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("mode", "never", "lost", "copied"),
    [
        # 5×5, k 2, s 3, p 1: windows read padded rows 0-4; row 5 (input row 4) is dropped
        ("zeros", 16, "4", None),
        ("replicate", 16, "4", None),  # the bottom border copies row 4, but it is dropped too
        ("circular", 9, "—", "4"),  # the top border copies row 4, and windows read it
        ("reflect", 9, "4", None),  # the top border copies row 1; no border cell read copies row 4
    ],
)
def test_never_read_counts_reads_through_border_copies(lang, mode, never, lost, copied):
    view = views.size_view(arange(5), "arange", lang=lang, **setting(5, 2, 3, 1, mode=mode))
    text = "\n".join(view["leftover"])
    assert translate("standard.size.never_read", lang, count=never, total=25) in text
    name = translate(f"choice.padding_mode.{mode}", lang)
    assert (translate("standard.size.copied_h", lang, inputs="4", mode=name) in text) == bool(
        copied
    )
    dropped = translate("standard.size.leftover_h", lang, count=2, padded="5, 6", inputs=lost)
    assert dropped in text
    # the window legend does not call a grey cell's value unread: its copy may be read
    legend = views.window_view(arange(5), "arange", (0, 0), lang=lang, **setting(5, 2, 3, 1))
    assert ("copy in the border" in legend["legend"]) or ("边框里的副本" in legend["legend"])
