"""With "predict first" on, no form of the answer is on the page until the learner predicts
or asks for it: not in a title, a grid, a caption, a table, the formula, the code or a chart's
JSON (its hover texts included). Then the answer is there (the search below does find it)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from convviz.engine.counting import conv_params
from convviz.engine.sizes import conv_output_size, conv_transpose_output_size
from convviz.figures.common import counts
from convviz.i18n import translate
from tests.app.conftest import open_app

# Element types that show text, and how to read it (widgets are left out: their ranges and
# options are the controls, not the answer).
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


# page file, form name, link, the answer (from the engine)
CASES = [
    (
        "pages/standard.py",
        "standard",
        {"input_size": "9", "kernel_size": "2"},
        conv_output_size(9, 2),
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
        {"in_channels": "4", "out_channels": "4", "groups": "2"},
        conv_params(4, 4, 3, groups=2, bias=False),
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
        {"frames": "8", "kernel_depth": "3"},
        conv_output_size(8, 3),
    ),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("page", "name", "link", "answer"), CASES, ids=[c[1] for c in CASES])
def test_no_form_of_the_answer_before_a_prediction(page, name, link, answer, lang):
    at = open_app(lang, page, predict_first="true", **link)
    assert not at.exception and not at.error
    assert at.text_input(key=f"{name}_predict_guess")  # the form is there
    assert mentions(page_texts(at), answer) == []
    # A malformed guess keeps it hidden.
    at.text_input(key=f"{name}_predict_guess").input("many")
    _press(at, "practice.predict.submit")
    assert mentions(page_texts(at), answer) == []
    # Asking for it shows it (so the search above would have found it).
    _press(at, "practice.predict.skip")
    assert not at.exception
    assert mentions(page_texts(at), answer)
    assert not at.text_input or all(t.key != f"{name}_predict_guess" for t in at.text_input)


def test_a_wrong_guess_is_judged_and_then_the_answer_shows():
    page, name, link, answer = CASES[0]
    at = open_app("en", page, predict_first="true", **link)
    at.text_input(key=f"{name}_predict_guess").input(str(answer + 2))
    _press(at, "practice.predict.submit")
    wrong = translate("practice.check.incorrect", "en", given=answer + 2, answer=answer)
    assert wrong in [e.value for e in at.error]
    assert len(at.get("plotly_chart")) >= 1  # the figures are back
