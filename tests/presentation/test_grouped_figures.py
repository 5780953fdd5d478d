"""Figures of the grouped page: connectivity, block-diagonal weight, group-by-group computation."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.export.scene import pick
from convviz.figures.common.fit import unwrap_text
from convviz.figures.common.grid import cell_font_px, cell_numbers_drawn
from convviz.figures.grouped import code as torch_code
from convviz.figures.grouped import compute, graph
from convviz.figures.grouped import files as grouped_files
from convviz.figures.grouped import groups as common
from convviz.figures.grouped import weight as block
from convviz.i18n import translate
from convviz.inputs import make_values
from convviz.style.palette import HIGHLIGHT, CellKind


def test_valid_groups_are_the_common_divisors():
    assert common.valid_groups(4, 4) == (1, 2, 4)
    assert common.valid_groups(6, 4) == (1, 2)
    assert common.valid_groups(12, 8) == (1, 2, 4)
    assert common.valid_groups(16, 16) == (1, 2, 4, 8, 16)
    assert common.valid_groups(1, 5) == (1,)
    assert common.list_text((1, 2, 4)) == "1, 2, 4"


def test_check_groups_raises_the_engine_error_for_a_non_divisor():
    common.check_groups(4, 8, 4)
    with pytest.raises(ConvValueError):
        common.check_groups(4, 4, 3)


def test_group_of_and_colours():
    assert [common.group_of(o, 8, 4) for o in range(8)] == [0, 0, 1, 1, 2, 2, 3, 3]
    assert common.group_colour(0) != common.group_colour(1)
    assert common.group_colour(len(common.GROUP_COLOURS)) == common.group_colour(0)
    assert HIGHLIGHT not in common.GROUP_COLOURS


def _segments(trace) -> int:
    return sum(1 for x in trace.x if x is None)


@pytest.mark.parametrize(("cin", "cout", "g"), [(4, 4, 1), (4, 4, 2), (4, 8, 4), (6, 4, 2)])
def test_connectivity_graph_has_one_edge_per_kernel(cin, cout, g):
    fig = graph.connectivity_figure(cin, cout, g, kernel_size=3, lang="en")
    groups = [t for t in fig.data if t.mode == "lines"]
    assert len(groups) == g
    assert [t.name for t in groups] == [f"group {j}" for j in range(g)]
    # input->filter edges C_in·C_out/g, plus one filter->output edge per filter
    assert sum(_segments(t) for t in groups) == cin * cout // g + cout
    for j, trace in enumerate(groups):
        assert trace.line.color == common.group_colour(j)
        xs = np.array([v for v in trace.x if v is not None]).reshape(-1, 2)  # (edges, 2)
        assert {tuple(e) for e in xs} <= {(0, 1), (1, 2)}
    nodes = [t for t in fig.data if t.mode == "markers+text"]
    assert [len(t.x) for t in nodes] == [cin, cout, cout]
    assert list(nodes[2].text) == [f"y{o}" for o in range(cout)]
    assert nodes[0].customdata is None and nodes[2].customdata[1][0] == 1


def test_selected_output_path_is_drawn_in_the_highlight_colour():
    fig = graph.connectivity_figure(4, 8, 2, kernel_size=3, lang="zh", selected_output=5)
    selected = [t for t in fig.data if t.mode == "lines" and t.line.color == HIGHLIGHT]
    assert len(selected) == 1
    assert selected[0].name == "y5 的连接"
    assert _segments(selected[0]) == 2  # C_in/g = 2 inputs, and the last segment has no None
    assert "第 1 组" in fig.data[-1].hovertext[5]
    assert "x2 … x3" in fig.data[-2].hovertext[5]


def test_selected_output_reads_clicks_on_nodes_only():
    event = {"selection": {"points": [{"customdata": [3]}]}}
    assert graph.selected_output(event) == 3
    assert graph.selected_output({"selection": {"points": [{"customdata": [1, 2, 0]}]}}) is None
    assert graph.selected_output(None) is None
    grid_event = {"selection": {"points": [{"customdata": [1, 2, 5]}]}}
    assert compute.clicked_panel(grid_event) == 5
    # what the browser really sends for a numpy customdata row (a typed-array slice)
    typed = {"selection": {"points": [{"customdata": {"0": 1, "1": 2, "2": 6}}]}}
    assert compute.clicked_panel(typed) == 6
    assert compute.clicked_panel({}) is None


def test_block_matrix_is_block_diagonal_with_weight_indices():
    weight = make_values("arange", (8, 2, 3, 3))
    fig = block.block_matrix_figure(4, 8, 2, lang="en", weight=weight, selected_output=1)
    kind_trace = fig.data[1]
    kernel = ~np.isnan(np.asarray(kind_trace.z, dtype=float)) & (
        np.nan_to_num(np.asarray(kind_trace.z, dtype=float), nan=-1) == CellKind.KERNEL
    )
    expected = np.zeros((8, 4), dtype=bool)
    expected[:4, :2] = expected[4:, 2:] = True
    assert np.array_equal(kernel, expected)
    text = np.array(fig.data[-1].text).reshape(8, 4)
    assert text[0, 0] == "0,0" and text[5, 3] == "5,1" and text[0, 3] == "0"
    hover = np.array(fig.data[-1].hovertext).reshape(8, 4)
    assert "weight[5, 1]" in hover[5, 3]
    first_row = "100 101 102"  # weight[5, 1, 0] = 5·18 + 9 + (1, 2, 3)
    assert first_row in hover[5, 3]
    assert "no kernel" in hover[0, 3]
    shapes = fig.layout.shapes
    assert len(shapes) == 3  # two group blocks and the selected row
    assert (shapes[1].x0, shapes[1].x1, shapes[1].y0, shapes[1].y1) == (1.5, 3.5, 3.5, 7.5)
    assert shapes[2].line.color == HIGHLIGHT


@given(
    cin_g=st.integers(1, 3),
    cout_g=st.integers(1, 3),
    groups=st.integers(1, 4),
    size=st.integers(3, 5),
    seed=st.integers(0, 50),
)
def test_group_by_group_equals_one_grouped_call(cin_g, cout_g, groups, size, seed):
    cin, cout = cin_g * groups, cout_g * groups
    x = make_values("random", (cin, size, size), seed=seed)
    weight = make_values("random", (cout, cin_g, 3, 3), seed=seed + 1)
    result = compute.grouped_by_hand(x, weight, groups=groups)
    assert result["max_diff"] == 0.0
    assert len(result["per_group"]) == groups
    assert result["concatenated"].shape == (cout, size - 2, size - 2)
    np.testing.assert_array_equal(result["per_group"][-1], conv2d(x[-cin_g:], weight[-cout_g:]))
    o = seed % cout
    parts = compute.partial_sums(x, weight, groups=groups, out_channel=o)
    assert parts.shape == (cin_g, size - 2, size - 2)
    np.testing.assert_array_equal(parts.sum(axis=0), result["direct"][o])


def test_terms_figure_reads_as_the_sum_over_the_group():
    x = make_values("arange", (4, 3, 3))
    weight = np.ones((4, 2, 2, 2))
    fig = compute.terms_figure(x, weight, groups=2, out_channel=3, lang="en")
    titles = [a.text for a in fig.layout.annotations if a.text.startswith("<b>")]
    assert titles == ["<b>x2</b>", "<b>w[3,0]</b>", "<b>x3</b>", "<b>w[3,1]</b>", "<b>y3</b>"]
    operators = [a.text for a in fig.layout.annotations if not a.text.startswith("<b>")]
    assert operators == ["⋆", "+", "⋆", "="]
    # y3[0,0] = (19+20+22+23) + (28+29+31+32) = 84 + 120 = 204
    hover = fig.data[-1].hovertext
    assert hover[0] == "y3[0,0] = (x2: 84) + (x3: 120) = 204"


def test_terms_figure_caps_the_drawn_terms():
    x = make_values("ones", (6, 3, 3))
    weight = np.ones((2, 6, 1, 1))
    fig = compute.terms_figure(x, weight, groups=1, out_channel=0, lang="en", max_terms=2)
    operators = [a.text for a in fig.layout.annotations if not a.text.startswith("<b>")]
    assert operators == ["⋆", "+", "⋆", "+ … ="]
    assert fig.data[-1].text[0] == "6"  # all six channels summed


def test_outputs_figure_marks_groups_and_the_selected_channel():
    outputs = make_values("arange", (4, 2, 2))
    fig = compute.outputs_figure(outputs, groups=2, lang="zh", selected_output=2)
    titles = [unwrap_text(a.text) for a in fig.layout.annotations if a.text.startswith("<b>")]
    assert titles == ["<b>y0 · 组0</b>", "<b>y1 · 组0</b>", "<b>y2 · 组1</b>", "<b>y3 · 组1</b>"]
    assert [a.text for a in fig.layout.annotations if not a.text.startswith("<b>")] == ["", "|", ""]
    assert len(fig.layout.shapes) == 1 and fig.layout.shapes[0].xref == "x3"


def test_texts_name_the_case_with_its_numbers():
    assert "standard" in common.kind_text(4, 4, 1, lang="en")
    assert "C_in/g = 2" in common.kind_text(4, 8, 2, lang="en")
    assert "depth multiplier 2" in common.kind_text(4, 8, 4, lang="en")
    assert "multiplier" not in common.kind_text(4, 4, 4, lang="en")
    assert "深度卷积" in common.kind_text(4, 4, 4, lang="zh")
    caption = compute.compute_caption(4, 8, 2, k=3, i=5, seed=7, out_channel=5, lang="en")
    assert "x2 … x3" in caption and "group 1" in caption and "(8, 2, 3, 3)" in caption
    depthwise = compute.compute_caption(4, 8, 4, k=3, i=5, seed=7, out_channel=5, lang="zh")
    assert "只由输入通道 x2 算出" in depthwise and "…" not in depthwise


def test_pytorch_snippet_is_python_with_the_page_numbers():
    code = torch_code.pytorch_snippet(
        8, 16, 4, kernel_size=3, input_size=5, seed=7, out_channel=5, lang="en"
    )
    compile(code, "snippet", "exec")
    assert "torch.nn.Conv2d(8, 16, kernel_size=3, groups=4, bias=False)" in code
    assert "(16, 2, 3, 3)" in code and "torch.randn" not in code
    assert "np.random.default_rng(7).integers(-3, 4, size=(1, 8, 5, 5))" in code
    assert "np.random.default_rng(8).integers(-3, 4, size=(16, 2, 3, 3))" in code
    columns = {line.index("  # ") for line in code.splitlines() if "  # " in line}
    assert len(columns) == 1  # trailing comments line up whatever the numbers


# (C_in, C_out, g, k, i, seed, shown channel): defaults, depthwise, the largest, k > i
GROUPED_SETTINGS = [
    (4, 4, 1, 3, 4, 0, 0),
    (4, 8, 2, 3, 5, 7, 5),
    (6, 6, 6, 1, 3, 42, 2),
    (16, 16, 4, 7, 12, 9999, 15),
    (4, 8, 2, 5, 4, 3, 1),
]


def test_pytorch_snippet_prints_the_page_numbers_in_the_page_language():
    pytest.importorskip("torch")
    from tests.support.snippet_cases import snippet_failures

    cases = {}
    for number, (cin, cout, g, k, i, seed, channel) in enumerate(GROUPED_SETTINGS):
        lang = ("en", "zh")[number % 2]
        code = torch_code.pytorch_snippet(
            cin, cout, g, kernel_size=k, input_size=i, seed=seed, out_channel=channel, lang=lang
        )
        expected = {}
        if k <= i:  # the page's output channel, from the page's own numbers
            x = make_values("random", (cin, i, i), seed=seed)
            weight = make_values("random", (cout, cin // g, k, k), seed=seed + 1)
            direct = compute.grouped_by_hand(x, weight, groups=g)["direct"]
            expected[f"y[0, {channel}]"] = direct[channel]
        else:
            assert "conv(x)" not in code  # nothing to compute: PyTorch would raise
        comment = translate("grouped.code.split", lang, g=g)
        assert (comment in code) == (k <= i)
        assert translate("grouped.code.numbers", lang, seed=seed, seed_w=seed + 1) in code
        cases[f"grouped-{number}-{lang}"] = (code, expected)
    failures = snippet_failures(cases)
    assert not failures, failures


def test_align_comments_leaves_full_line_comments_and_code_alone():
    from convviz.figures.common.code_text import align_comments

    code = "# title\nx = 1  # one\nlonger = 22    # two\nprint(x)"
    assert align_comments(code).splitlines() == [
        "# title",
        "x = 1        # one",
        "longer = 22  # two",
        "print(x)",
    ]
    assert align_comments("a = 1\n") == "a = 1\n"


def test_largest_settings_stay_small():
    weight = make_values("random", (16, 16, 7, 7))
    x = make_values("random", (16, 12, 12))
    sizes = [
        len(
            graph.connectivity_figure(
                16, 16, 1, kernel_size=7, lang="zh", selected_output=15
            ).to_json()
        ),
        len(
            block.block_matrix_figure(
                16, 16, 1, lang="zh", weight=weight, selected_output=0
            ).to_json()
        ),
        len(compute.terms_figure(x, weight, groups=1, out_channel=0, lang="en").to_json()),
        len(compute.outputs_figure(conv2d(x, weight), groups=1, lang="en").to_json()),
        # k = 1 keeps all 12×12 cells of each of the 16 outputs: the heaviest outputs chart
        len(compute.outputs_figure(conv2d(x, weight[:, :, :1, :1]), groups=1, lang="en").to_json()),
    ]
    assert max(sizes) < 1_000_000, sizes


def _product(term: str) -> int:
    total = 0
    for part in term.split(" + "):
        value = 1
        for factor in part.split("·"):
            value *= int(factor)
        total += value
    return total


@given(
    cin_g=st.integers(1, 4),
    cout_g=st.integers(1, 4),
    groups=st.integers(1, 4),
    k=st.integers(1, 5),
    extra=st.integers(0, 4),
    bias=st.booleans(),
)
def test_every_count_equals_its_written_terms(*, cin_g, cout_g, groups, k, extra, bias):
    from convviz.figures.common import counts

    cin, cout, i = cin_g * groups, cout_g * groups, k + extra
    rows = counts.comparison_rows(cin, cout, groups, kernel_size=k, input_size=i, bias=bias)
    assert [r["name"] for r in rows] == [
        "standard",
        "grouped",
        "depthwise",
        "pointwise",
        "separable",
    ]
    o = i - k + 1
    for row in rows:
        written, total = row["param_terms"].rsplit(" = ", 1)
        assert int(total.replace(",", "")) == row["params"] == _product(written)
        assert row["macs"] == row["weights"] * o * o
        assert row["mac_terms"].endswith(f" = {row['macs']:,}")
    by_name = {r["name"]: r for r in rows}
    assert by_name["standard"]["weights"] == k * k * cin * cout
    assert by_name["grouped"]["weights"] * groups == by_name["standard"]["weights"]
    assert by_name["separable"]["weights"] == k * k * cin + cin * cout
    ratio = by_name["separable"]["weights"] / by_name["standard"]["weights"]
    assert ratio == pytest.approx(1 / cout + 1 / k**2)


def test_counts_table_chart_and_ratio_text():
    from convviz.figures.common import counts

    rows = counts.comparison_rows(4, 8, 2, kernel_size=3, input_size=5, bias=False)
    table = counts.comparison_table(rows, groups=2, lang="en").splitlines()
    assert table[0] == "| Layer | Weight shape | Parameters | Multiply-accumulates |"
    assert table[3] == "| Grouped (g = 2) | (8, 2, 3, 3) | 3·3·2·8 = 144 | 144 · 3·3 = 1,296 |"
    assert table[6] == (
        "| Depthwise separable | (4, 1, 3, 3) + (8, 4, 1, 1) | 3·3·1·4 + 1·1·4·8 = 68 "
        "| (3·3·1·4 + 1·1·4·8) · 3·3 = 612 |"
    )
    fig = counts.counts_figure(rows, groups=2, lang="zh")
    assert list(fig.data[0].x) == [288, 144, 36, 32, 68]
    assert fig.data[0].y[1] == "分组卷积（g = 2）"
    text = counts.savings_text(4, 8, 2, kernel_size=3, lang="en")
    assert "144 / 288 weights = **1/2**" in text
    assert "(36 + 32) / 288 = 1/C_out + 1/k² = 1/8 + 1/9 = **0.236**, i.e. 76.4% fewer" in text


def test_counts_refuse_what_the_engine_refuses():
    from convviz.figures.common import counts

    with pytest.raises(ConvValueError):
        counts.comparison_rows(4, 4, 3, kernel_size=3, input_size=5, bias=False)
    with pytest.raises(ConvValueError):
        counts.comparison_rows(4, 4, 2, kernel_size=5, input_size=3, bias=False)


def test_exports_of_the_grouped_views():
    from convviz.figures.common import channel_exports as files

    scene = grouped_files.graph_scene(4, 8, 2, kernel_size=3)
    graph = scene.panels[0]
    assert [len(c.labels) for c in graph.columns] == [4, 8, 8]
    assert len(graph.edges) == 4 * 8 // 2 + 8
    assert {e.colour for e in graph.edges} == {common.group_colour(0), common.group_colour(1)}
    assert "**" not in scene.caption.en and "4 · 8 / 2 = 16" in scene.caption.en
    for png in (
        grouped_files.graph_png(4, 8, 2, kernel_size=3, lang="zh"),
        grouped_files.block_png(4, 4, 2, lang="en"),
        grouped_files.terms_png(
            make_values("ones", (4, 3, 3)),
            np.ones((4, 2, 2, 2)),
            groups=2,
            out_channel=3,
            lang="en",
        ),
    ):
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
    latex = grouped_files.block_latex(4, 4, 2)
    assert "w_{0,0} & w_{0,1} & 0 & 0 \\\\" in latex and "0 & 0 & w_{3,0} & w_{3,1}" in latex
    assert grouped_files.block_csv(2, 2, 2).splitlines() == ["x0,x1", '"w_{0,0}",0', '0,"w_{1,0}"']
    assert files.file_stem("grouped", cin=4, cout=8, g=2) == "grouped_cin4_cout8_g2"


@pytest.mark.parametrize("name", ["sobel", "gaussian", "box"])
def test_rank_one_examples_split_into_column_times_row(name):
    from convviz.figures.grouped import separable as sep

    kernel = sep.example_kernel(name)
    view = sep.separable_view(kernel)
    assert view["rank"] == 1
    np.testing.assert_allclose(view["column"] @ view["row"], kernel, atol=1e-12)
    assert view["column"].shape == (3, 1) and view["row"].shape == (1, 3)
    assert view["max_error"] < 1e-12
    fig = sep.split_figure(kernel, view, lang="en")
    titles = [a.text for a in fig.layout.annotations if a.text.startswith("<b>")]
    assert titles == ["<b>k×1</b>", "<b>1×k</b>", "<b>kernel</b>"]
    assert "6 instead of 9" in sep.verdict_text(kernel, view, lang="en")


def test_laplacian_and_random_kernels_do_not_split():
    from convviz.figures.grouped import separable as sep

    kernel = sep.example_kernel("laplacian")
    view = sep.separable_view(kernel)
    assert view["rank"] == 2 and view["column"] is None
    np.testing.assert_allclose(
        view["singular_values"], [2 + np.sqrt(6), np.sqrt(6) - 2, 0], atol=1e-12
    )
    assert view["max_error"] == pytest.approx(0.2041241452)
    fig = sep.split_figure(kernel, view, lang="zh")
    ops = [a.text for a in fig.layout.annotations if not a.text.startswith("<b>")]
    assert ops == ["≈", "+"]
    assert "秩为 2" in sep.verdict_text(kernel, view, lang="zh")
    random = sep.example_kernel("random", kernel_size=5, seed=3)
    assert random.shape == (5, 5)
    assert sep.separable_view(random)["rank"] > 1


@pytest.mark.parametrize(("g", "grey"), [(1, 0), (2, 16), (4, 24)])
def test_block_caption_names_the_stored_cells_not_the_grey_ones(g, grey):
    key, values = common.block_sentence(4, 8, g)
    stored = 32 // g
    assert values == {"stored": stored, "total": 32, "g": g}
    en = translate(key, "en", **values)
    assert f"only the {stored} green cells of the 32 are stored" in en or (
        g == 1 and "all 32 cells are stored" in en
    )
    assert "zeros that a grouped convolution never stores: " not in en  # grey read as stored
    assert grey == 32 - stored
    zh = translate(key, "zh", **values)
    assert f"只存储绿色的 {stored} 个" in zh or (g == 1 and "没有灰色" in zh)


def test_kernel_count_compares_with_g_1_only_when_grouped():
    key, values = common.edges_sentence(4, 4, 1)
    assert key == "grouped.graph.edges_standard"
    assert "instead of" not in translate(key, "en", **values)
    key, values = common.edges_sentence(4, 8, 2)
    assert translate(key, "en", **values).endswith("= **16** instead of 32 for g = 1.")
    assert grouped_files.graph_scene(4, 4, 1, kernel_size=3).caption.en == (
        "Kernels (lines from inputs to filters): C_in · C_out = 4 · 4 = 16: "
        "with g = 1 every input channel feeds every filter."
    )


@given(
    st.sampled_from([(4, 4, 1), (4, 8, 2), (16, 16, 16), (16, 16, 2), (6, 9, 3), (16, 8, 8)]),
    st.integers(1, 7),
    st.integers(-1, 16),
    st.sampled_from(["en", "zh"]),
)
def test_the_unchecked_graph_is_a_valid_figure(channels, k, selected, lang):
    """Built without Plotly's per-property checks; checking it whole changes nothing
    (but for the default template, which a figure built from a dict does not repeat)."""
    import json

    import plotly.graph_objects as go

    cin, cout, g = channels
    fig = graph.connectivity_figure(
        cin, cout, g, kernel_size=k, lang=lang, selected_output=selected if selected >= 0 else None
    )
    checked = json.loads(go.Figure(fig.to_dict()).to_json())  # raises on an invalid property
    shown = json.loads(fig.to_json())
    for spec in (checked, shown):
        spec["layout"].pop("template", None)
    assert checked == shown


@pytest.mark.parametrize(
    ("cin", "cout", "g", "labelled"),
    [(4, 4, 2, True), (8, 8, 1, True), (4, 12, 1, True), (16, 16, 1, False), (16, 16, 16, False)],
)
def test_block_caption_says_labelled_only_when_the_cells_print_their_index(cin, cout, g, labelled):
    fig = block.block_matrix_figure(cin, cout, g, lang="en")
    layer = fig.data[-1]  # the text layer: "o,c′" in every kernel cell
    fits = cell_font_px(list(layer.text), layer.marker.size) is not None
    assert cell_numbers_drawn(fig) == fits == labelled
    key, values = common.block_sentence(cin, cout, g, labelled=cell_numbers_drawn(fig))
    for lang in ("en", "zh"):
        text = translate(key, lang, **values)
        says_labelled = "labelled with its index" in text or "标签 o,c" in text
        assert says_labelled == labelled
        if not labelled:  # where the index is then: on hover, with the kernel's numbers
            assert ("hover one to see its index" in text) or ("把鼠标移到格子上" in text)


def test_the_block_png_caption_has_no_instruction_a_picture_cannot_follow(monkeypatch):
    scenes = []
    monkeypatch.setattr(
        grouped_files, "render_scene_png", lambda scene, lang: scenes.append(scene) or b""
    )
    for cin, cout, g in ((4, 8, 2), (16, 16, 1)):  # a picture prints every index, 16×16 too
        grouped_files.block_png(cin, cout, g, lang="en")
    for scene in scenes:
        en, zh = pick(scene.caption, "en"), pick(scene.caption, "zh")
        assert "labelled with its index" in en and "标签 o,c" in zh
        assert "hover" not in en.lower() and "鼠标" not in zh
