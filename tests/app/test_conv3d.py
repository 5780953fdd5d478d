"""The 3-D convolution page through AppTest: defaults, controls, presets, links, bad settings."""

from __future__ import annotations

import json

import pytest

from convviz.i18n import translate
from tests.app.conftest import code_blocks, open_app

PAGE = "pages/conv3d.py"


def _text(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


def _code(at, start: str) -> str:
    return next(c.value for c in code_blocks(at) if c.value.startswith(start))


def _open_tab(at, code: str, lang: str):
    """Press tab ``code`` (its label in ``lang``) and rerun."""
    at.session_state["conv3d_tab"] = translate(f"conv3d.tab.{code}", lang)
    return at.run()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_render_every_tab(lang):
    at = open_app(lang, PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == translate("page.conv3d", lang)
    assert [h.value for h in at.header] == [translate("conv3d.sizes.header", lang)]
    assert [chart.key for chart in at.get("plotly_chart")] == ["conv3d_frames"]  # no 3-D view
    switch = at.toggle(key="voxels")
    assert switch.value is False and switch.label == translate("conv3d.voxels.toggle", lang)
    assert translate("conv3d.voxels.caption", lang) not in _text(at)
    text = _text(at)
    assert translate("conv3d.window.cell", lang, t=0, r=0, c=0, frames="0, 1, 2") in text
    shape = translate("conv3d.sizes.shape", lang, d=3, h=3, w=3, cells=27, taps=27)
    assert shape in text
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["PNG", "GIF", "LaTeX", "CSV"]
    assert not any(c.value.startswith("import numpy") for c in code_blocks(at))
    fusion = open_app(lang, PAGE, view="fusion")
    assert not fusion.exception and not fusion.error
    assert [h.value for h in fusion.header] == [translate("conv3d.fusion.header", lang)]
    assert [chart.key for chart in fusion.get("plotly_chart")] == ["conv3d_fusion"]
    layers = open_app(lang, PAGE, view="layers")
    assert not layers.exception and not layers.error
    assert [h.value for h in layers.header] == [translate("conv3d.layers.header", lang)]
    weights = translate("conv3d.layers.weights", lang)
    assert layers.table[0].value[weights].iloc[0] == "3·3·3·64·128 = 221,184"
    assert not layers.get("plotly_chart")
    code = open_app(lang, PAGE, view="code")
    assert not code.exception and not code.error
    assert translate("conv3d.code.note", lang) in _text(code)
    snippet = _code(code, "import numpy")
    assert "torch.nn.Conv3d(1, 1, kernel_size=(3, 3, 3), stride=(1, 1, 1)," in snippet
    assert "print(y[0, 0, 0, 0, 0].item())" in snippet
    assert "torch.nn.Conv3d(64, 128, kernel_size=3, padding=1, bias=False)" in snippet


def test_step_moves_the_window_and_the_products():
    at = open_app("en", PAGE)
    at.slider(key="step").set_value(26).run()  # the last of 3·3·3 cells
    assert "Output cell **(t, r, c) = (2, 2, 2)** reads padded frames **2, 3, 4**" in _text(at)
    sums = _code(at, "frame 2:")
    assert sums.splitlines()[-1].startswith("y[2, 2, 2] = the sum of the frames' sums = ")
    assert "print(y[0, 0, 2, 2, 2].item())" in _code(_open_tab(at, "code", "en"), "import numpy")
    assert at.query_params["step"] == "26"
    at.slider(key="frames").set_value(3).run()  # on the code tab: the cell comes back inside
    assert "print(y[0, 0, 0, 2, 2].item())" in _code(at, "import numpy")
    _open_tab(at, "window", "en")
    assert not at.exception
    assert at.slider(key="step").value == 8


def test_the_code_tab_reads_the_weights_tab_channels_from_the_link():
    at = open_app("en", PAGE, view="layers")
    at.number_input(key="video_in_channels").set_value(3).run()
    at.number_input(key="video_out_channels").set_value(32).run()
    snippet = _code(_open_tab(at, "code", "en"), "import numpy")
    assert "torch.nn.Conv3d(3, 32, kernel_size=3, padding=1, bias=False)" in snippet
    _open_tab(at, "layers", "en")  # the fields come back with their values
    assert at.number_input(key="video_in_channels").value == 3
    assert at.number_input(key="video_out_channels").value == 32
    hostile = open_app("en", PAGE, view="code", step="100000", video_in_channels="-5")
    assert not hostile.exception and not hostile.error
    snippet = _code(hostile, "import numpy")
    assert "print(y[0, 0, 2, 2, 2].item())" in snippet  # clamped to the last cell
    assert "torch.nn.Conv3d(1, 128, kernel_size=3, padding=1, bias=False)" in snippet


def test_temporal_difference_preset_shows_motion_and_is_named():
    at = open_app("en", PAGE)
    at.selectbox(key="preset_conv3d").set_value("temporal_difference").run()
    assert at.slider(key="kernel_depth").value == 2 and at.slider(key="kernel_size").value == 1
    assert at.radio(key="kernel3d").value == "temporal_difference"
    text = _text(at)
    assert translate("conv3d.moving_note", "en") in text
    title = translate("preset.conv3d.temporal_difference", "en")
    assert translate("common.preset_match", "en", name=title) in text
    # output frame 0, row 1: the square left columns 0 and 1 ... and reached 1 and 2
    at.slider(key="step").set_value(6).run()  # cell (0, 1, 0)
    assert _code(at, "frame 0:").splitlines()[-1].endswith("= -2")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_kernel_deeper_than_the_clip_is_explained_with_a_fix(lang):
    at = open_app(lang, PAGE, frames="2", kernel_depth="4")
    assert not at.exception
    expected = translate(
        "error.kernel_too_large", lang, k_eff=4, kernel_size=4, dilation=1, size=2, padding=0,
        padded=2,
    )  # fmt: skip
    assert [e.value for e in at.error] == [expected]  # once: the sizes wait for a valid setting
    axis = translate("conv3d.sizes.axis_error", lang, axis=translate("conv3d.axis.d", lang))
    assert axis in _text(at)
    assert translate("conv3d.sizes.header", lang) not in [h.value for h in at.header]
    fix = at.button(key="window_error_fix")
    assert fix.label == translate("common.use_suggestion", lang, setting="padding_depth = 1")
    code = open_app(lang, PAGE, frames="2", kernel_depth="4", view="code")
    assert [e.value for e in code.error] == [expected]  # the code tab says why it has no code
    assert not any(c.value.startswith("import numpy") for c in code_blocks(code))
    fix.click().run()
    assert at.slider(key="padding_depth").value == 1 and not at.error


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reflect_padding_wider_than_the_width_is_explained(lang):
    at = open_app(lang, PAGE, input_size_w="2", padding_w="2", kernel_size_w="1")
    at.radio(key="padding_mode").set_value("reflect").run()
    assert not at.exception
    expected = translate("error.reflect_padding_too_wide", lang, pad=2, size=2, axis="W", limit=1)
    assert expected in [e.value for e in at.error]
    assert at.button(key="window_error_fix").label == translate(
        "common.use_suggestion", lang, setting="padding_w = 1"
    )


def test_table_fields_and_a_clip_too_short_for_them():
    at = open_app("zh", PAGE, video_in_channels="3", video_out_channels="64", view="layers")
    assert "M = ⌊27·3·64 / (9·3 + 3·64)⌋ = 23" in _text(at)
    at.number_input(key="video_frames").set_value(2).run()
    assert not at.exception
    expected = translate(
        "error.kernel_too_large", "zh", k_eff=3, kernel_size=3, dilation=1, size=2, padding=0,
        padded=2,
    )  # fmt: skip
    assert expected in [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_link_values_are_clamped_and_explained(lang):
    at = open_app(lang, PAGE, frames="99", kernel_depth="-3", step="100000", clip="nonsense",
                  padding_w="9" * 5000)  # fmt: skip
    assert not at.exception and not at.error
    assert at.slider(key="frames").value == 8 and at.slider(key="kernel_depth").value == 1
    assert at.slider(key="padding_w").value == 0  # past int()'s digit limit: the default
    assert at.radio(key="clip").value == "moving"
    steps = 8 * 3 * 3  # D_out · H_out · W_out with kD = 1 and a 3×3 kernel on 5×5 frames
    assert at.slider(key="step").value == steps - 1
    notes = [n.value for n in at.sidebar.info] + [n.value for n in at.info]
    read_as = translate("common.url_number", lang, reason="@", name="frames", value=8)
    assert any(n.endswith(read_as.split("@")[1]) for n in notes)
    layers = open_app(lang, PAGE, video_frames="1e400", view="layers")
    assert not layers.exception and not layers.error
    assert layers.number_input(key="video_frames").value == 16  # not a number: the default
    assert any("“1e400”" in n.value for n in layers.info)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_large_output_is_stepped_not_animated(lang):
    at = open_app(lang, PAGE, frames="8", input_size="10", input_size_w="10", kernel_depth="1",
                  kernel_size="1", kernel_size_w="1", step="799")  # fmt: skip
    assert not at.exception and not at.error
    notice = translate("conv3d.window.not_animated", lang, steps=800, limit=225)
    assert notice in [i.value for i in at.info]
    assert translate("conv3d.files.gif_budget", lang, limit=64) in _text(at)
    assert [b.proto.label for b in at.get("download_button")] == ["PNG", "LaTeX", "CSV"]
    assert "print(y[0, 0, 7, 9, 9].item())" in _code(_open_tab(at, "code", lang), "import numpy")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_clip_too_tall_to_watch_is_stepped_with_its_reason(lang):
    at = open_app(lang, PAGE, frames="8", input_size="10", input_size_w="10", stride="3",
                  stride_w="3", stride_depth="3", padding="2", padding_w="2",
                  padding_depth="2", step="5")  # fmt: skip
    assert not at.exception and not at.error
    [notice] = [i.value for i in at.info if "px" in i.value or "像素" in i.value]
    limit = translate("conv3d.window.too_tall", lang, height="@", limit=1400).split("@")[1]
    assert notice.endswith(limit)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert not spec.get("frames")  # a still figure at the slider's step
    assert spec["data"][-1]["text"][0].startswith("y[0, 1, 1] = ")


def _voxels(at) -> list[dict]:
    """What each voxel view on the page was sent: ``{"start", "scene"}``."""
    return [
        json.loads(json.loads(e.proto.json))
        for e in at.get("bidi_component")
        if e.proto.component_name == "convviz_voxels"
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_voxel_view_is_drawn_on_request_and_kept_in_the_link(lang):
    at = open_app(lang, PAGE, step="4")
    assert _voxels(at) == []
    at.toggle(key="voxels").set_value(True).run()
    assert not at.exception
    assert [chart.key for chart in at.get("plotly_chart")] == ["conv3d_frames"]
    assert translate("conv3d.voxels.caption", lang) in _text(at)
    [sent] = _voxels(at)
    assert sent["start"] == 4 and sent["scene"]["out_shape"] == [3, 3, 3]
    assert sent["scene"]["labels"]["step"] == translate("anim.step", lang)
    at.slider(key="step").set_value(26).run()  # the page's step is where the view starts
    assert not at.exception
    assert translate("conv3d.window.cell", lang, t=2, r=2, c=2, frames="2, 3, 4") in _text(at)
    assert [sent["start"] for sent in _voxels(at)] == [26]
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    assert layout["sliders"][0]["active"] == 26
    linked = open_app(lang, PAGE, voxels="true")
    assert linked.toggle(key="voxels").value is True and len(_voxels(linked)) == 1
    # Another tab keeps the switch in the link (a link copied there opens the view too) ...
    for view in ("fusion", "layers", "code"):
        linked.session_state["conv3d_tab"] = translate(f"conv3d.tab.{view}", lang)
        linked.run()
        assert not linked.exception
        assert linked.query_params["voxels"] in ("true", ["true"]), view
    # ... and back on the window tab the switch is as it was; off, it leaves the link.
    linked.session_state["conv3d_tab"] = translate("conv3d.tab.window", lang)
    linked.run()
    assert linked.toggle(key="voxels").value is True
    linked.toggle(key="voxels").set_value(False).run()
    assert "voxels" not in linked.query_params and _voxels(linked) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_voxel_view_of_a_long_clip_walks_every_step(lang):
    at = open_app(lang, PAGE, input_size="10", input_size_w="10", padding="3", padding_w="3",
                  padding_depth="3", frames="8", step="900", voxels="true")  # fmt: skip
    assert not at.exception and not at.error
    [sent] = _voxels(at)
    od, oh, ow = sent["scene"]["out_shape"]
    assert od * oh * ow > 900 and sent["start"] == 900  # no step budget: the browser walks them
    assert sent["scene"]["faint"] is True


@pytest.mark.parametrize("value", ["banana", "1e309", "<b>x</b>"])
def test_a_hostile_voxels_link_leaves_the_3d_view_off(value):
    at = open_app("en", PAGE, voxels=value)
    assert not at.exception and not at.error
    assert at.toggle(key="voxels").value is False and _voxels(at) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_single_output_cell_has_no_step_to_move_to(lang):
    at = open_app(lang, PAGE, frames="3", input_size="3", input_size_w="3", voxels="true")
    assert not at.exception
    [sent] = _voxels(at)
    assert sent["scene"]["out_shape"] == [1, 1, 1]
    assert [s.key for s in at.slider if s.key == "step"] == []
    text = _text(at)
    for section in ("conv3d.window", "conv3d.voxels"):
        assert translate(f"{section}.caption_one", lang) in text
        assert translate(f"{section}.caption", lang) not in text
