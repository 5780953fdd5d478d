"""The "predict first" switch on the topic pages: the output-size formula
stays hidden until a well-formed prediction, is judged, and a new setting asks again."""

from __future__ import annotations

import pytest

from convviz.engine.counting import conv_params
from convviz.engine.sizes import conv_output_size
from convviz.i18n import translate
from tests.app.conftest import code_blocks, open_app

TRANSPOSED = "pages/transposed.py"
DILATED = "pages/dilated.py"
STANDARD = "pages/standard.py"
# Defaults: transposed i = 3, k = 3, s = 2, p = 1, a = 0 -> o = 5; dilated i = 7, k = 3, d = 2 -> 3;
# standard i = 5, k = 3, s = 1, p = 0 -> 3.
FORMULAS = {
    TRANSPOSED: ("o = (i − 1)·s", 5),
    DILATED: ("⌊(7 + 2·0 − 2·(3 − 1) − 1) / 1⌋", 3),
    STANDARD: ("⌊(5 + 2·0 − 3) / 1⌋", 3),
}
NAMES = {TRANSPOSED: "transposed", DILATED: "dilated", STANDARD: "standard"}


def _text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _predict(at, page, text):
    at.text_input(key=f"{NAMES[page]}_predict_guess").input(text)
    next(
        b
        for b in at.button
        if b.label == translate("practice.predict.submit", "en")
        or b.label == translate("practice.predict.submit", "zh")
    ).click().run()
    assert not at.exception


@pytest.mark.parametrize("page", [TRANSPOSED, DILATED, STANDARD])
def test_switch_off_by_default_changes_nothing(page):
    at = open_app("en", page)
    assert at.toggle(key="predict_first").value is False
    assert FORMULAS[page][0] in _text(at)
    assert not at.text_input


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", [TRANSPOSED, DILATED, STANDARD])
def test_formula_hidden_until_a_prediction(page, lang):
    formula, answer = FORMULAS[page]
    at = open_app(lang, page, predict_first="true")
    assert at.toggle(key="predict_first").value is True
    assert formula not in _text(at)
    assert translate("practice.predict.waiting", lang) in [c.value for c in at.caption]
    _predict(at, page, "ten")
    assert at.warning[0].value == translate("practice.check.malformed_number", lang, given="ten")
    assert formula not in _text(at)
    _predict(at, page, str(answer + 1))
    wrong = translate("practice.check.incorrect", lang, given=answer + 1, answer=answer)
    assert wrong in [e.value for e in at.error]
    assert formula in _text(at)


def test_right_prediction_then_a_new_setting_asks_again():
    at = open_app("en", TRANSPOSED, predict_first="true")
    _predict(at, TRANSPOSED, "5")
    assert at.success[0].value == translate("practice.check.correct", "en")
    assert "**5**" in _text(at)
    at.slider(key="stride").set_value(3).run()  # o = 7 now: predict again
    assert "o = (i − 1)·s" not in _text(at)
    _predict(at, TRANSPOSED, "７")  # full-width digit, as typed with a Chinese input method
    assert at.success[0].value == translate("practice.check.correct", "en")
    assert "**7**" in _text(at)


def test_standard_page_asks_for_the_height_of_a_rectangular_output():
    at = open_app("en", STANDARD, predict_first="true")
    assert FORMULAS[STANDARD][0] not in _text(at)
    at.toggle(key="rectangular").set_value(True).run()
    at.slider(key="input_size_w").set_value(7).run()  # 3×5 output: both axes still wait
    assert not at.exception
    guess = at.text_input(key="standard_predict_guess")
    assert guess.label == translate("practice.predict.height.label", "en")
    assert "⌊(7 + 2·0 − 3) / 1⌋" not in _text(at)
    _predict(at, STANDARD, str(conv_output_size(5, 3)))  # the height
    assert at.success[0].value == translate("practice.check.correct", "en")
    assert "⌊(7 + 2·0 − 3) / 1⌋" in _text(at)  # the width's sum too


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_grouped_page_asks_for_the_parameter_count_first(lang):
    code = open_app(lang, "pages/grouped.py", predict_first="true", bias="true", view="code")
    # the code prints the counts: it waits for the prediction
    assert not [c for c in code_blocks(code) if "import torch" in c.value]
    assert translate("grouped.code.predict_first", lang) in [i.value for i in code.info]
    # A kernel larger than the input: no counts, so no question, and the code does not wait.
    unfit = open_app(lang, "pages/grouped.py", predict_first="true", input_size="2", view="code")
    assert not unfit.info and [c for c in code_blocks(unfit) if "import torch" in c.value]
    at = open_app(lang, "pages/grouped.py", predict_first="true", bias="true", view="counts")
    cin, cout, k = (
        at.slider(key=key).value for key in ("in_channels", "out_channels", "kernel_size")
    )
    g = int(at.select_slider(key="groups").value)
    answer = conv_params(cin, cout, k, g, True)
    table = translate("counts.header", lang)
    assert translate("practice.predict.params.waiting", lang) in [c.value for c in at.caption]
    assert not any("|" in m.value for m in at.markdown), "the counts table is hidden"
    at.text_input(key="grouped_predict_guess").input(str(answer))
    next(
        b for b in at.button if b.label == translate("practice.predict.submit", lang)
    ).click().run()
    assert not at.exception
    assert at.success[0].value == translate("practice.check.correct", lang)
    assert any(f"{answer:,}" in m.value for m in at.markdown if "|" in m.value), table
    at.session_state["grouped_tab"] = translate("grouped.tab.code", lang)
    at.run()
    assert any("bias=False" in c.value for c in code_blocks(at))  # answered: the code is there


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pointwise_page_asks_for_the_reduced_inception_block_first(lang):
    at = open_app(lang, "pages/pointwise.py", predict_first="true")
    assert translate("practice.predict.block.waiting", lang) in [c.value for c in at.caption]
    assert not any("163,328" in m.value for m in at.markdown)
    at.text_input(key="pointwise_predict_guess").input("387072")  # the block without 1×1s
    next(
        b for b in at.button if b.label == translate("practice.predict.submit", lang)
    ).click().run()
    assert not at.exception
    wrong = translate("practice.check.incorrect", lang, given=387072, answer=163328)
    assert wrong in [e.value for e in at.error]
    assert any("163,328" in m.value for m in at.markdown)  # seed 002's reduced total


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_deformable_page_asks_for_the_offset_channels_first(lang):
    at = open_app(lang, "pages/deformable.py", predict_first="true", mask="true", view="counts")
    waiting = translate("practice.predict.offset_channels.waiting", lang)
    assert waiting in [c.value for c in at.caption]
    assert not any("**18**" in m.value for m in at.markdown)  # the counts stay hidden
    at.text_input(key="deformable_predict_guess").input("27")  # 2·3² offsets + 3² mask
    next(
        b for b in at.button if b.label == translate("practice.predict.submit", lang)
    ).click().run()
    assert not at.exception
    assert at.success[0].value == translate("practice.check.correct", lang)
    assert any("**18**" in m.value for m in at.markdown)
