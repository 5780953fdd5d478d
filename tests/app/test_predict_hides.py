"""With "predict first" on, no form of the answer is on the page until the learner predicts
or asks for it: not in a title, a grid, a caption, a picture's caption, a table, the formula,
the code, a menu's options (the presets' titles) or a chart's JSON (its hover texts included).
Then the answer is there (the search below does find it)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from convviz.controls.widgets import preset_title
from convviz.engine.counting import conv_params
from convviz.engine.deform_counts import deform_counts
from convviz.engine.sizes import conv_output_size, conv_transpose_output_size
from convviz.figures.common import counts
from convviz.i18n import has_key, translate
from convviz.presets import presets_for
from tests.app.conftest import open_app
from tests.support.image_lab import default_lab_output

# Element types that show text, and how to read it (of the widgets, only the options of menus
# are read — the presets' titles; ranges and labels are the controls, not the answer).
TEXT_TYPES = {"markdown", "caption", "code", "title", "header", "subheader", "heading", "text"}
ALERTS = {"alert", "success", "info", "warning", "error", "exception"}


def _walk(node) -> Iterator:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def page_texts(at) -> list[str]:
    """Every text the page shows (main area and sidebar), every table and chart as JSON."""
    texts = []
    for node in _walk(at._tree):
        kind = getattr(node, "type", "")
        if kind in TEXT_TYPES or kind in ALERTS:
            texts.append(str(node.value))
        elif kind in ("arrow_data_frame", "dataframe", "table"):
            texts.append(node.value.to_csv())
        elif kind == "metric":
            texts += [node.label, node.value]
        elif kind == "plotly_chart":
            texts.append(json.dumps(json.loads(node.proto.spec), ensure_ascii=False))
        elif kind in ("tab", "expander"):
            texts.append(str(node.label))
        elif kind == "image":
            texts += [image.caption for image in node.proto.imgs]
        elif kind in ("selectbox", "radio"):
            texts += [str(option) for option in node.options]
    return texts


def mentions(texts: list[str], answer: int) -> list[str]:
    """The texts that contain ``answer`` as a number of its own (not inside 0.872 or 1024),
    also written with thousands separators (163,328 or 163 328)."""
    forms = {str(answer), f"{answer:,}", f"{answer:,}".replace(",", " ")}
    found = []
    for text in texts:
        for form in forms:
            if re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", text):
                found.append(text)
                break
    return found


def _press(at, key: str) -> None:
    label = {translate(key, lang) for lang in ("en", "zh")}
    next(b for b in at.button if b.label in label).click().run()


# page file, form name, link, the answer (from the engine; a pair: also hidden, the other axis)
CASES = [
    (
        "pages/standard.py",
        "standard",
        {"input_size": "9", "kernel_size": "2"},
        conv_output_size(9, 2),
    ),
    (  # a rectangular output: the height is asked, both axes wait
        "pages/standard.py",
        "standard",
        {"rectangular": "true", "input_size": "10", "input_size_w": "13", "kernel_size": "3"},
        (conv_output_size(10, 3), conv_output_size(13, 3)),
    ),
    (
        "pages/transposed.py",
        "transposed",
        {"input_size": "4", "kernel_size": "4", "stride": "3", "padding": "0"},
        conv_transpose_output_size(4, 4, 3),
    ),
    (
        "pages/dilated.py",
        "dilated",
        {"input_size": "12", "kernel_size": "3", "dilation": "2"},
        conv_output_size(12, 3, dilation=2),
    ),
    (
        "pages/grouped.py",
        "grouped",
        {"in_channels": "4", "out_channels": "4", "groups": "2", "view": "counts"},
        conv_params(4, 4, 3, groups=2, bias=False),
    ),
    (  # rows too long for one page: the output and term pickers are drawn too
        "pages/grouped.py",
        "grouped",
        {
            "in_channels": "16",
            "out_channels": "16",
            "groups": "1",
            "input_size": "7",
            "view": "counts",
        },
        conv_params(16, 16, 3, groups=1, bias=False),
    ),
    (
        "pages/pointwise.py",
        "pointwise",
        {},
        counts.block_params(counts.inception_layers(**counts.INCEPTION_DEFAULTS, reduced=True)),
    ),
    (
        "pages/conv3d.py",
        "conv3d",
        # (kD = 4: with kD = 3, D_out = 6 would be found in a preset's title, Ji et al.'s
        # 7×6×3 kernel, and 7 in their 7×7×3)
        {"frames": "8", "kernel_depth": "4"},
        conv_output_size(8, 4),
    ),
    (
        "pages/deformable.py",
        "deformable",
        # one offset group, as the layer whose code prints its offset; the tab that asks
        {"kernel_size": "3", "view": "counts"},
        sum(
            layer.out_channels
            for layer in deform_counts(64, 64, 3, (7, 7), offset_groups=1).layers
            if layer.name != "main"
        ),
    ),
    ("pages/image-lab.py", "image_lab", {"stride": "3"}, default_lab_output(3)),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("page", "name", "link", "answer"), CASES, ids=[c[1] for c in CASES])
def test_no_form_of_the_answer_before_a_prediction(page, name, link, answer, lang):
    answers = answer if isinstance(answer, tuple) else (answer,)
    at = open_app(lang, page, predict_first="true", **link)
    assert not at.exception and not at.error
    assert at.text_input(key=f"{name}_predict_guess")  # the form is there
    assert [mentions(page_texts(at), a) for a in answers] == [[] for _ in answers]
    # A malformed guess keeps it hidden.
    at.text_input(key=f"{name}_predict_guess").input("many")
    _press(at, "practice.predict.submit")
    assert [mentions(page_texts(at), a) for a in answers] == [[] for _ in answers]
    # Asking for it shows it (so the search above would have found it).
    _press(at, "practice.predict.skip")
    assert not at.exception
    assert all(mentions(page_texts(at), a) for a in answers)
    assert not at.text_input or all(t.key != f"{name}_predict_guess" for t in at.text_input)


def test_a_wrong_guess_is_judged_and_then_the_answer_shows():
    page, name, link, answer = CASES[0]
    at = open_app("en", page, predict_first="true", **link)
    at.text_input(key=f"{name}_predict_guess").input(str(answer + 2))
    _press(at, "practice.predict.submit")
    wrong = translate("practice.check.incorrect", "en", given=answer + 2, answer=answer)
    assert wrong in [e.value for e in at.error]
    assert len(at.get("plotly_chart")) >= 1  # the figures are back


def test_a_right_guess_of_the_image_labs_width_shows_the_output():
    page, name, link, (width, height) = CASES[-1]
    at = open_app("zh", page, predict_first="true", **link)
    at.text_input(key=f"{name}_predict_guess").input(str(width))
    _press(at, "practice.predict.submit")
    assert translate("practice.check.correct", "zh") in [s.value for s in at.success]
    captions = [c for n in _walk(at._tree) if n.type == "image" for c in n.proto.imgs]
    assert translate("image_lab.output_caption", "zh", h=height, w=width) in [
        c.caption for c in captions
    ] or any(f"{height}×{width}" in text for text in page_texts(at))


# What "predict first" asks of a preset's setting, from the engine: the output size (standard
# and dilated: the height), or the 3-D page's output frames.
def _preset_answer(table: str, values: dict) -> int:
    if table == "transposed":
        keys = ("input_size", "kernel_size", "stride", "padding", "output_padding", "dilation")
        return conv_transpose_output_size(*(values[k] for k in keys))
    if table == "conv3d":
        keys = ("frames", "kernel_depth", "stride_depth", "padding_depth", "dilation_depth")
        return conv_output_size(*(values[k] for k in keys))
    keys = ("input_size", "kernel_size", "stride", "padding", "dilation")
    return conv_output_size(*(values[k] for k in keys))


PRESET_PAGES = [
    ("pages/standard.py", "standard"),
    ("pages/transposed.py", "transposed"),
    ("pages/dilated.py", "dilated"),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("page", "table"), PRESET_PAGES, ids=[t for _, t in PRESET_PAGES])
def test_preset_titles_keep_their_results_while_predicting(page, table, lang):
    """Each preset still loads, but neither the menu nor the "current setting" caption says
    what its setting gives; with the switch off the titles say it again."""
    presets = presets_for(table)
    results = [
        translate(f"preset.{table}.{p.name}.result", lang)
        for p in presets
        if has_key(f"preset.{table}.{p.name}.result")
    ]
    assert results  # these pages have titles that state an output
    at = open_app(lang, page, predict_first="true")
    for preset in presets:
        at.selectbox(key=f"preset_{table}").set_value(preset.name).run()
        assert not at.exception
        for name, value in preset.values.items():  # it loaded
            if name in at.session_state:
                assert at.session_state[name] == value, (preset.name, name)
        if not at.text_input(key=f"{table}_predict_guess"):  # no question (a rectangular output)
            continue
        texts = page_texts(at)
        assert [r for r in results if any(r in text for text in texts)] == [], preset.name
        assert preset_title(table, preset.name, lang, with_result=False) in " ".join(texts)
    at.toggle(key="predict_first").set_value(False).run()
    options = next(n for n in _walk(at._tree) if getattr(n, "key", None) == f"preset_{table}")
    assert [preset_title(table, p.name, lang) for p in presets] == list(options.options)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("table", [*(t for _, t in PRESET_PAGES), "conv3d"])
def test_a_title_without_its_result_does_not_state_the_output_size(table, lang):
    """The number a preset's setting gives is not in its title while predicting (unless the
    setting has an input of that size), and it was in some full titles."""
    stated = []
    for preset in presets_for(table):
        answer = _preset_answer(table, preset.values)
        if answer in preset.values.values():  # e.g. 4×4 in, 4×4 out: the input may be named
            continue
        assert mentions([preset_title(table, preset.name, lang, with_result=False)], answer) == []
        stated += mentions([preset_title(table, preset.name, lang)], answer)
    assert stated or table != "transposed"  # "2×2 → 4×4", "8 → 4 → 8": the search finds them


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_image_lab_names_its_padding_but_not_what_it_does_to_the_size(lang):
    """At stride 1 "it keeps the size" would be the answer (the input's width is shown)."""
    at = open_app(lang, "pages/image-lab.py", predict_first="true")
    mode = translate("choice.padding_mode.zeros", lang)
    texts = page_texts(at)
    assert translate("image_lab.sizes.padding", lang, mode=mode) in texts
    assert translate("image_lab.sizes.rule", lang, mode=mode) not in texts
    _press(at, "practice.predict.skip")
    assert translate("image_lab.sizes.rule", lang, mode=mode) in " ".join(page_texts(at))
