"""What the hover views send to the browser: every hovered cell's outlines, texts and caption
are the engine's (window frames and traces, scatter-add stamps), the cells look as the files
draw them, and a pinned cell coming back from the browser is checked before it is kept."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.controls import hover
from convviz.engine.arithmetic_text import format_cell
from convviz.engine.window_frame import window_frame
from convviz.export.grids import cell_colours
from convviz.export.onscreen import panel_from_spec
from convviz.figures.common.hover import hover_payload, link
from convviz.figures.common.panels import example_kernel
from convviz.figures.standard.data import kernel_values, setting_from, window_trace
from convviz.figures.standard.window import window_hover, window_specs
from convviz.figures.transposed import views as transposed_views
from convviz.figures.transposed.data import scatter_data
from convviz.figures.transposed.scatter import scatter_hover
from convviz.style.colouring import colouring


def _setting(i, k, s, p) -> dict:
    values = {"input_size": i, "kernel_size": k, "stride": s, "padding": p}
    values.update({f"{key}_w": v for key, v in list(values.items())})
    return values


@settings(max_examples=25, deadline=None)
@given(st.integers(3, 7), st.integers(1, 3), st.integers(1, 3), st.integers(0, 2))
def test_window_links_are_the_engines_windows_and_sums(i, k, s, p):
    trace = window_trace(
        np.arange(i * i, dtype=float).reshape(i, i),
        kernel_values("arange", (k, k)),
        setting_from(**_setting(i, k, s, p)),
    )
    payload = window_hover(trace, flipped=False, pin=(99, -1), lang="en")
    oh, ow = trace.out_hw
    assert len(payload["links"]) == oh * ow and payload["source"] == 2
    assert payload["pinned"] == [oh - 1, 0]  # clamped into the output
    for step, item in enumerate(payload["links"]):
        frame = window_frame(trace.padded.shape, trace.kernel.shape, step=step, stride=(s, s))
        r, c = frame.cell
        assert item["rects"] == [[0, *frame.box], [2, r, c, r + 1, c + 1]]
        assert item["caption"] == f"y[{r}, {c}] = " + format_cell(trace, (r, c))
    json.dumps(payload)  # what the browser gets is plain JSON


def test_scatter_links_write_each_stamp_into_the_canvas():
    x, w = np.arange(1, 10, dtype=float).reshape(3, 3), example_kernel(3)
    data = scatter_data(x, w, stride=2, padding=1, output_padding=0, dilation=1)
    payload = scatter_hover(data, pin=(1, 1), lang="zh")
    assert payload["source"] == 0 and payload["pinned"] == [1, 1]
    for r in range(3):
        for c in range(3):
            item = payload["links"][r * 3 + c]
            assert item["rects"] == [
                [0, r, c, r + 1, c + 1],
                [2, 2 * r, 2 * c, 2 * r + 3, 2 * c + 3],
            ]
            cells = {(u, v): float(t) for _, u, v, t in item["texts"]}
            assert len(cells) == 9
            for (u, v), value in cells.items():
                assert value == x[r, c] * w[u - 2 * r, v - 2 * c]
            assert item["caption"].startswith(f"x[{r},{c}] = {x[r, c]:g}")


@pytest.mark.parametrize("mode", ["role", "value"])
def test_cells_look_as_the_files_draw_them(mode):
    trace = window_trace(
        np.arange(25, dtype=float).reshape(5, 5),
        kernel_values("arange", (3, 3)),
        setting_from(**_setting(5, 3, 1, 1)),
    )
    with colouring(mode):
        specs = window_specs(trace, flipped=False, lang="en")
        payload = window_hover(trace, flipped=False, pin=(0, 0), lang="en")
    for spec, panel in zip(specs, payload["panels"], strict=True):
        fills, _ = cell_colours(panel_from_spec(spec))
        assert panel["fills"] == [f"#{r:02X}{g:02X}{b:02X}" for r, g, b in fills.reshape(-1, 3)]
    assert payload["panels"][1]["texts"][0] == "w₀₀\n1"  # the kernel 1 … 9, named


def test_a_payload_needs_one_link_per_source_cell():
    trace = window_trace(np.ones((3, 3)), np.ones((2, 2)), setting_from(**_setting(3, 2, 1, 0)))
    with pytest.raises(ValueError, match="3 links for a 2×2"):
        hover_payload(
            window_specs(trace, flipped=False, lang="en"),
            operators=(),
            source=2,
            links=[link([], "")] * 3,
            pinned=(0, 0),
            hint="",
        )


@pytest.mark.parametrize(
    ("picked", "kept"),
    [([1, 2], (1, 2)), ([3, 0], None), ([-1, 0], None), (["1", 2], None), ([True, 0], None),
     ([1], None), ("1,2", None), (None, None)],
)  # fmt: skip
def test_a_pin_from_the_browser_is_kept_only_inside_the_grid(monkeypatch, picked, kept):
    state = {"view": {"pinned": picked}}
    monkeypatch.setattr(hover.st, "session_state", state)
    hover._store_pin("view", "pin", (3, 3))
    assert state.get("pin") == kept


@pytest.mark.parametrize(("i", "k"), [(3, 2), (12, 7)])
def test_cells_are_large_enough_for_their_widest_number_at_14_px(i, k):
    trace = window_trace(
        np.arange(i * i, dtype=float).reshape(i, i),
        kernel_values("arange", (k, k)),
        setting_from(**_setting(i, k, 1, 0)),
    )
    payload = window_hover(trace, flipped=False, pin=(0, 0), lang="en")
    widest = max(len(str(int(v))) for v in trace.sums.ravel())  # the output's largest number
    assert payload["cell"] >= max(30, 0.6 * 14 * widest + 6)


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 3), st.integers(1, 3), st.integers(0, 2), st.integers(1, 2))
def test_direct_form_links_are_the_engines_windows_on_the_zero_inserted_grid(s, k, p, d):
    from convviz.engine.errors import ConvValueError
    from convviz.figures.transposed.data import direct_data
    from convviz.figures.transposed.direct import direct_hover, products_text

    x = np.arange(1, 10, dtype=float).reshape(3, 3)
    try:
        data = direct_data(x, example_kernel(k), stride=s, padding=p, output_padding=0, dilation=d)
    except ConvValueError:
        return  # e.g. the crop leaves no output: the page explains it
    payload = direct_hover(data, pin=(0, 0), lang="en")
    o = data.sums.shape[0]
    assert len(payload["links"]) == o * o
    for n, item in enumerate(payload["links"]):
        r, c = divmod(n, o)
        rows, cols = data.trace.rows[r, c], data.trace.cols[r, c]
        covered = set()
        for panel, r0, c0, r1, c1 in item["rects"][:-1]:
            assert panel == 0
            covered |= {(u, v) for u in range(r0, r1) for v in range(c0, c1)}
        taps = set(zip(rows.ravel().tolist(), cols.ravel().tolist(), strict=True))
        assert taps <= covered and (d > 1 or len(covered) == k * k)  # d = 1: exactly the window
        assert item["rects"][-1] == [2, r, c, r + 1, c + 1]
        assert item["caption"] == f"y[{r},{c}] = " + products_text(data, r, c, full=True)


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 2), st.integers(2, 3), st.integers(0, 2), st.integers(1, 3))
def test_dilated_links_outline_exactly_the_cells_the_taps_read(s, k, p, d):
    from convviz.engine.errors import ConvValueError
    from convviz.engine.trace import sliding_trace
    from convviz.figures.dilated.kernel import spread_kernel
    from convviz.figures.dilated.window import products_text, window_specs
    from convviz.figures.dilated.window import window_hover as dilated_hover

    x = np.arange(1, 50, dtype=float).reshape(7, 7)
    kernel = np.arange(1, k * k + 1, dtype=float).reshape(k, k)
    try:
        trace = sliding_trace(x, kernel, stride=s, padding=p, dilation=d)
    except ConvValueError:
        return  # the dilated kernel is larger than the padded input: the page explains it
    specs = window_specs(
        trace.padded, kernel, spread_kernel(kernel, d), trace, padding=p, dilation=d, lang="zh"
    )
    payload = dilated_hover(trace, kernel, specs=specs, dilation=d, pin=(0, 0), lang="zh")
    oh, ow = trace.sums.shape
    for n, item in enumerate(payload["links"]):
        r, c = divmod(n, ow)
        covered = {
            (u, v)
            for panel, r0, c0, r1, c1 in item["rects"][:-1]
            for u in range(r0, r1)
            for v in range(c0, c1)
        }
        rows, cols = trace.rows[r, c].ravel().tolist(), trace.cols[r, c].ravel().tolist()
        read = set(zip(rows, cols, strict=True))
        if d > 1:
            assert covered == read
        else:
            assert read <= covered and len(covered) == k * k
        assert item["caption"] == f"y[{r}, {c}] = " + products_text(trace, kernel, r, c)
    assert len(payload["links"]) == oh * ow


def test_link_rectangles_are_plain_ints_whatever_they_came_as():
    rects = [(0, np.int64(1), 2, np.int32(3), 4), (2, 5, 6, 7, 8)]
    out = link(rects, "a<br>b", texts=[(1, 0, 0, "7")])
    assert out == {"rects": [[0, 1, 2, 3, 4], [2, 5, 6, 7, 8]], "caption": "a\nb",
                   "texts": [[1, 0, 0, "7"]]}  # fmt: skip
    assert all(type(v) is int for rect in out["rects"] for v in rect)
    assert json.dumps(link([], "")) == '{"rects": [], "caption": "", "texts": []}'


HYPER = {"stride": 2, "padding": 0, "output_padding": 0, "dilation": 1}


def _joined(sent: dict) -> list[str]:
    """The captions as the client writes them: their parts from the table, joined."""
    return [" + ".join(sent["parts"][i] for i in link["caption"]) for link in sent["links"]]


@pytest.mark.parametrize("kind", ["standard", "scatter", "direct"])
def test_captions_sent_through_the_shared_table_come_back_exactly(kind):
    x = np.round(np.random.default_rng(3).normal(size=(6, 6)), 2)
    w = example_kernel(3)
    if kind == "standard":
        trace = window_trace(
            x, kernel_values("arange", (3, 3)), setting_from(**_setting(6, 3, 2, 1))
        )
        payload = window_hover(trace, flipped=False, pin=(0, 0), lang="en")
    elif kind == "scatter":
        payload = scatter_hover(scatter_data(x, w, stride=2, padding=1), pin=(0, 0), lang="zh")
    else:
        payload = transposed_views.direct_view(x, w, lang="en", pin=(0, 0), **HYPER)["hover"]
    before = json.dumps(payload)
    sent = json.loads(json.dumps(hover.shared_parts(payload)))
    assert _joined(sent) == [link["caption"] for link in payload["links"]]
    assert len(sent["parts"]) == len(set(sent["parts"]))
    assert json.dumps(payload) == before  # the cached payload is left as it was
    assert {**sent, "links": None, "parts": None} == {**payload, "links": None, "parts": None}
    for ours, theirs in zip(sent["links"], json.loads(before)["links"], strict=True):
        assert {**ours, "caption": None} == {**theirs, "caption": None}


def test_the_shared_table_shrinks_a_large_direct_form_view():
    """22×22 outputs, 49 products a caption: most products come back in other cells."""
    x = np.arange(1, 65, dtype=float).reshape(8, 8)
    hyper = {**HYPER, "stride": 3, "padding": 3}
    payload = transposed_views.direct_view(x, example_kernel(7), lang="en", pin=(0, 0), **hyper)
    payload = payload["hover"]
    assert payload["panels"][payload["source"]]["rows"] == 22
    plain, shared = json.dumps(payload), json.dumps(hover.shared_parts(payload))
    assert len(shared) < 0.6 * len(plain)
    assert _joined(json.loads(shared)) == [link["caption"] for link in payload["links"]]
