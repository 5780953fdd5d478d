"""The deformable page through AppTest: the chosen cell's points and sum, one point opened up,
every offset kind, the counts, the stacked layers and the code on their tabs, hostile links
and invalid settings, in both languages."""

from __future__ import annotations

import numpy as np
import pytest

from convviz.controls.downloads import reduced_gif_text
from convviz.engine.deform import deform_conv2d
from convviz.engine.deform_counts import deform_counts
from convviz.engine.errors import ConvValueError
from convviz.engine.offset_fields import OFFSET_KINDS
from convviz.engine.sizes import conv_output_size
from convviz.figures.deformable import data, files
from convviz.i18n import translate, translate_error
from tests.app.conftest import code_blocks, open_app
from tests.app.downloads import downloads, offered

PAGE = "pages/deformable.py"
LAYER_KEYS = ("input_size", "kernel_size", "stride", "padding", "dilation")


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [e.value for e in at.error]
    return "\n".join(parts)


def _sum_line(at) -> str:
    return next(c.value for c in code_blocks(at) if c.value.startswith("y["))


def _gif_plan(at, lang):
    """The export budget's plan for the GIF of the setting the page's widgets show."""
    setting = {key: at.slider(key=key).value for key in LAYER_KEYS}
    setting |= {
        "picture_kind": at.radio(key="deform_input").value,
        "kernel_kind": at.radio(key="deform_kernel").value,
        "offsets": at.radio(key="offsets").value,
        "seed": at.slider(key="seed").value,
        "mask": at.toggle(key="mask").value,
    }
    spec = data.AMOUNTS.get(setting["offsets"])
    setting["amount"] = float(at.slider(key=spec.key).value) if spec else 0.0
    arrays = data.page_arrays(**setting)
    m = data.margin(arrays["points"], setting["input_size"], setting["padding"])
    hyper = {key: setting[key] for key in ("stride", "padding", "dilation")}
    gif_arrays = {k: arrays[k] for k in ("x", "offset", "kernel", "mask", "output")}
    row = at.slider(key="cell_row").value
    return files.sweep_gif_plan(**gif_arrays, lang=lang, row=row, m=m, **hyper)


def _offered_with_budget(at, lang):
    """The four buttons, the GIF's labelled as the export budget says."""
    plan = _gif_plan(at, lang)
    buttons = offered(lang, "png", "gif", "latex", "csv")
    if plan.reduced:
        buttons[1] = reduced_gif_text(plan, lang)
    return buttons


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "link",
    [{}, {"input_size": "16", "kernel_size": "1", "padding": "3", "cell_row": "5"}],
    ids=["defaults", "row-of-22"],
)
def test_the_gif_button_and_caption_follow_the_export_budget(lang, link):
    at = open_app(lang, PAGE, **link)
    assert not at.exception and not at.error
    plan = _gif_plan(at, lang)
    width = plan.total
    assert plan.steps == tuple(range(width))  # a whole row: under the frame and pixel budget
    assert downloads(at) == _offered_with_budget(at, lang)
    row = at.slider(key="cell_row").value
    tap = next((s.value for s in at.slider if s.key == "tap"), 0)  # no slider for a 1×1 kernel
    caption = translate("deformable.files.caption", lang, i=row, frames=width, t=tap)
    assert caption in _text(at)


def _open_tab(at, code: str, lang: str):
    """Press tab ``code`` (its label in ``lang``) and rerun."""
    at.session_state["deformable_tab"] = translate(f"deformable.tab.{code}", lang)
    return at.run()


def _snippet(at) -> str:
    return next(c.value for c in code_blocks(at) if "import torch" in c.value)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_render_every_tab(lang):
    at = open_app(lang, PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == translate("page.deformable", lang)
    charts = ["deformable_chart", "deformable_opened_chart"]
    assert [chart.key for chart in at.get("plotly_chart")] == charts
    # the default cell is the middle one of the 7×7 output
    assert (at.slider(key="cell_row").value, at.slider(key="cell_col").value) == (3, 3)
    assert downloads(at) == _offered_with_budget(at, lang)
    line = _sum_line(at)
    assert line.startswith("y[3, 3] = ")
    offsets = open_app(lang, PAGE, view="offsets")
    assert not offsets.exception and not offsets.error
    text = _text(offsets)
    assert translate("deformable.offsets.shape", lang, amount="2") in text
    assert translate("deformable.offsets.channels", lang, taps=9, o=7) in text
    assert [chart.key for chart in offsets.get("plotly_chart")] == ["deformable_field_chart"]
    counts = open_app(lang, PAGE, view="counts")
    assert not counts.exception and not counts.error
    channels = translate("deformable.counts.offset_channels", lang, g=1, k=3, channels=18)
    assert channels in _text(counts) and not counts.get("plotly_chart")
    stack = open_app(lang, PAGE, view="stack")
    assert not stack.exception and not stack.error
    assert [chart.key for chart in stack.get("plotly_chart")] == ["deformable_stack_chart"]
    snippet = _snippet(open_app(lang, PAGE, view="code"))
    assert "from torchvision.ops import deform_conv2d" in snippet
    value = line.rsplit(" = ", 1)[1]
    assert "print(y[0, 0, 3, 3].item())" in snippet and snippet.count(f"# {value}\n") == 1


def test_a_half_pixel_shift_reads_the_average_of_four_pixels():
    # 5×5 input 1 … 25 (x[r, c] = 5r + c + 1), all-ones 3×3 kernel, no padding, every point
    # moved by (0.5, 0.5): tap (a, b) of cell (0, 0) reads the mean of four pixels,
    # 5a + b + 4, and the sum over the nine taps is 9·4 + 5·9 + 9 = 90.
    at = open_app(
        "en",
        PAGE,
        input_size="5",
        padding="0",
        deform_input="arange",
        deform_kernel="ones",
        offsets="shift",
        shift="0.5",
        cell_row="0",
        cell_col="0",
    )
    assert not at.exception and not at.error
    terms = " + ".join(f"1·{5 * a + b + 4}" for a in range(3) for b in range(3))
    assert _sum_line(at) == f"y[0, 0] = {terms} = 90"
    text = _text(at)
    assert translate("deformable.sample.check", "en", i=0, j=0, value="90") in text
    where = translate(
        "deformable.point.where",
        "en",
        t=0,
        a=0,
        b=0,
        regular="(0, 0)",
        offset="(0.5, 0.5)",
        point="(0.5, 0.5)",
    )
    assert where in text
    assert "x̃(0.5, 0.5) = 0.25·1 + 0.25·2 + 0.25·6 + 0.25·7 = **4**" in text
    table = at.table[0].value
    assert table.iloc[:, -1].tolist() == [str(5 * a + b + 4) for a in range(3) for b in range(3)]


def test_cell_and_tap_sliders_move_the_view():
    at = open_app("en", PAGE, deform_input="arange", deform_kernel="ones", offsets="zero")
    at.slider(key="cell_row").set_value(1).run()
    at.slider(key="cell_col").set_value(2).run()
    at.slider(key="tap").set_value(8).run()
    assert not at.exception
    # zero offsets, padding 1: tap 8 = (2, 2) of cell (1, 2) reads pixel (2, 3) = 7·2 + 3 + 1
    text = _text(at)
    assert "reads at **(2, 3)**" in text
    x = np.arange(1.0, 50.0).reshape(1, 7, 7)
    want = deform_conv2d(x, np.zeros((18, 7, 7)), np.ones((1, 1, 3, 3)), padding=1)[0, 1, 2]
    assert _sum_line(at).endswith(f"= {want:g}")


def test_a_point_outside_the_image_is_explained():
    # padding 1 and zero offsets: tap 0 of cell (0, 0) sits at (−1, −1) and reads 0
    at = open_app("zh", PAGE, offsets="zero", cell_row="0", cell_col="0", tap="0")
    assert not at.exception
    assert translate("deformable.point.outside", "zh") in _text(at)


@pytest.mark.parametrize("kind", OFFSET_KINDS)
def test_every_offset_kind_renders_with_its_explanation(kind):
    at = open_app("en", PAGE, offsets=kind, view="offsets")
    assert not at.exception and not at.error
    first = _text(at)
    assert translate(f"deformable.offsets.{kind}", "en", amount="0", seed=0).split(" ")[0] in first
    if kind == "zero":
        assert not any(s.key in ("shift", "scale", "angle", "spread", "reach") for s in at.slider)


def test_mask_adds_a_factor_to_every_term_and_a_column():
    at = open_app("en", PAGE, mask="true", deform_kernel="ones")
    assert not at.exception
    terms = _sum_line(at).split(" = ")[1].split(" + ")
    assert all(term.count("·") == 2 for term in terms)
    assert translate("deformable.table.mask", "en") in at.table[0].value.columns
    _open_tab(at, "counts", "en")
    assert translate("deformable.counts.mask_channels", "en", g=1, k=3, channels=9) in _text(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_kernel_larger_than_the_padded_input_is_explained(lang):
    at = open_app(lang, PAGE, input_size="3", kernel_size="5", padding="0", dilation="2")
    assert not at.exception
    with pytest.raises(ConvValueError) as info:
        conv_output_size(3, 5, 1, 0, 2)
    assert at.error[0].value == translate_error(info.value, lang)
    assert len(at.get("plotly_chart")) == 0
    at.button(key="setting_error_fix").click().run()  # use the suggested padding
    assert not at.error and len(at.get("plotly_chart")) == 2  # the sampling tab's


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_offset_groups_that_do_not_divide_the_channels_are_explained(lang):
    at = open_app(lang, PAGE, deform_in_channels="6", deform_offset_groups="4", view="counts")
    assert not at.exception
    with pytest.raises(ConvValueError) as info:
        deform_counts(6, 64, 3, (7, 7), offset_groups=4)
    assert at.error[0].value == translate_error(info.value, lang)
    assert "offset_groups=4" in at.error[0].value and "6" in at.error[0].value


def test_counts_follow_the_channel_fields():
    at = open_app("en", PAGE, deform_in_channels="256", deform_out_channels="128", view="counts")
    at.number_input(key="deform_offset_groups").set_value(4).run()
    assert not at.exception and not at.error
    counts = deform_counts(256, 128, 3, (7, 7), offset_groups=4)
    table = at.table[0].value
    assert table.iloc[0, 1] == "Conv2d(256, 72, 3)"
    assert table.iloc[-1, 2] == f"{counts.params:,}"
    assert table.iloc[-1, 3] == f"{counts.macs:,}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_link_values_are_clamped_and_explained(lang):
    at = open_app(
        lang,
        PAGE,
        cell_row="99",
        tap="-3",
        reach="9",
        input_size="2.5",
        deform_offset_groups="1e400",
    )
    assert not at.exception and not at.error
    held = {"cell_row": 6, "tap": 0, "reach": 4.0, "input_size": 7}
    for key, value in held.items():
        assert at.slider(key=key).value == value, key
    notes = [n.value for n in at.info]
    _open_tab(at, "counts", lang)
    assert not at.exception and not at.error
    assert at.number_input(key="deform_offset_groups").value == 1
    notes += [n.value for n in at.info]
    for key, value in [*held.items(), ("deform_offset_groups", 1)]:
        note = translate("common.url_number", lang, reason="@", name=key, value=value)
        before, after = note.split("@")
        assert any(n.startswith(before) and n.endswith(after) for n in notes), key


def test_large_inputs_are_drawn_as_a_picture_and_the_cell_follows_the_output():
    at = open_app("en", PAGE, input_size="16", cell_row="15", cell_col="15")
    assert not at.exception
    assert translate("deformable.sample.picture", "en") in _text(at)
    at.slider(key="input_size").set_value(4).run()  # the cell moves back inside the 4×4 output
    assert not at.exception
    assert at.slider(key="cell_row").value == 3 and at.slider(key="cell_col").value == 3


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stacked_layers_compare_the_fields(lang):
    at = open_app(lang, PAGE, offsets="zero", cell_row="3", cell_col="3", view="stack")
    assert not at.exception and not at.error
    # zero offsets: both stacks reach the same 5×5 square through 9 cells and 81 points
    line = translate(
        "deformable.stack.counts", lang, deformable=25, points=81, cells=9, standard=25
    )
    assert line in _text(at)
    at = open_app(lang, PAGE, view="stack")  # the bar: fewer pixels, all on or near the bar
    text = _text(at)
    assert translate("deformable.stack.header", lang) in [h.value for h in at.header]
    assert "**25**" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_tap_set_by_hand(lang):
    # zero offsets on 1 … 49 with padding 1: cell (3, 3) reads the 3×3 window around x[3, 3]
    # (sum 9·25 = 225); tap 4 moved by (1.5, −0.25) reads 7·4.5 + 2.75 + 1 = 35.25 instead
    # of 25, so the cell is 225 − 25 + 35.25 = 235.25
    at = open_app(lang, PAGE, offsets="zero", deform_input="arange", deform_kernel="ones")
    at.slider(key="tap").set_value(4).run()
    at.toggle(key="edit_tap").set_value(True).run()
    at.slider(key="tap_dy").set_value(1.5).run()
    at.slider(key="tap_dx").set_value(-0.25).run()
    assert not at.exception and not at.error
    reads = [str(7 * r + c + 1) for r in range(2, 5) for c in range(2, 5)]
    reads[4] = "35.25"
    assert _sum_line(at) == "y[3, 3] = " + " + ".join(f"1·{v}" for v in reads) + " = 235.25"
    edited = translate("deformable.sample.edited", lang, t=4, i=3, j=3, dy="1.5", dx="-0.25")
    assert at.info[0].value == edited
    snippet = _snippet(_open_tab(at, "code", lang))  # the sidebar's edit reaches the code tab
    assert "offset[0, :, 3, 3] = " in snippet  # the edited cell written out
    assert "# 235.25" in snippet


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_other_tabs_wait_for_a_prediction_of_the_offset_channels(lang):
    """The question is on the counts tab; the field's shape and the code (its offset tensor)
    give the count away, so they wait for it, for the counts in the link."""
    link = {"predict_first": "true", "deform_offset_groups": "2", "deform_in_channels": "8"}
    at = open_app(lang, PAGE, view="offsets", **link)
    assert not at.exception and not at.error
    assert at.toggle(key="predict_first").value is True
    shape = translate("deformable.offsets.channels", lang, taps=9, o=7)
    assert shape not in _text(at)
    _open_tab(at, "code", lang)
    assert translate("deformable.code.predict_first", lang) in _text(at)
    assert not any("import torch" in c.value for c in code_blocks(at))
    _open_tab(at, "counts", lang)
    at.text_input(key="deformable_predict_guess").input("36")  # 2·G·k² = 2·2·9
    submit = translate("practice.predict.submit", lang)
    next(b for b in at.button if b.label == submit).click().run()
    assert at.success[0].value == translate("practice.check.correct", lang)
    assert "import torch" in _snippet(_open_tab(at, "code", lang))
    assert shape in _text(_open_tab(at, "offsets", lang))
    unfit = open_app(lang, PAGE, view="code", predict_first="true", deform_in_channels="6",
                     deform_offset_groups="4")  # fmt: skip
    assert "import torch" in _snippet(unfit)  # counts that do not fit ask nothing
