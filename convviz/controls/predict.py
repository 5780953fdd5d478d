"""The "predict first" switch of the topic pages: guess the output size, then see it.

A page calls :func:`predict_first` just before it draws its output-size formula and draws the
formula only when the call returns ``True``. With the switch off (the default) nothing changes.
With it on, the learner types a prediction first; a malformed one is explained and the answer
stays hidden. The switch is kept in the URL (``?predict_first=true``), so a teacher can hand
out a link with it on. A prediction counts for one setting only: change a slider and the page
asks again.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import streamlit as st

from convviz.i18n import translate
from convviz.practice.check import CORRECT, MALFORMED, MAX_ANSWER_CHARS, check_number
from convviz.practice.text import step_text

PREDICT_KEY = "predict_first"  # the toggle's widget key and URL parameter


def _judgement(verdict, lang: str, box: Any) -> None:
    text = step_text(verdict.steps[0], lang)
    if verdict.status == CORRECT:
        box.success(text, icon=":material/check_circle:")
    elif verdict.status == MALFORMED:
        box.warning(text, icon=":material/edit:")
    else:
        box.error(text, icon=":material/close:")


# What a page asks for: the i18n prefix of the field's label, help and waiting texts.
QUANTITIES = {
    "size": "practice.predict",
    "params": "practice.predict.params",
    "block": "practice.predict.block",
    "frames": "conv3d.predict",
    "offset_channels": "practice.predict.offset_channels",
}


def predict_first(
    name: str,
    question: Hashable,
    answer: int,
    lang: str,
    *,
    quantity: str = "size",
    container: Any = None,
) -> bool:
    """A "predict first" toggle and, when it is on, a prediction form for ``answer``.

    Parameters
    ----------
    name : str
        Page prefix of the form's keys (``<name>_predict_form``, ``<name>_predict_guess``),
        e.g. ``"dilated"``.
    question : hashable
        The setting the answer belongs to, e.g. ``(i, k, s, p, d)``; a new setting asks again.
    answer : int
        The output size the page is about to show (from the engine).
    lang : {"en", "zh"}
    quantity : {"size", "params", "block", "frames", "offset_channels"}
        What the learner predicts: the output size, a grouped layer's parameter count, the
        parameter count of a block with 1×1 reductions, a 3-D output's number of frames, or
        the output channels of a deformable layer's offset (and mask) convolution (the texts
        of the field and of the hint follow).
    container : Streamlit container, optional
        Where to draw (default: the main area).

    Returns
    -------
    bool
        Whether the page may show the answer now: the switch is off, or the learner has made
        a well-formed prediction for this ``question`` (right or wrong, it is judged above).
    """
    box = st if container is None else container
    texts = QUANTITIES[quantity]
    on = box.toggle(
        translate("practice.predict.toggle", lang),
        key=PREDICT_KEY,
        help=translate(f"{texts}.help", lang),
        bind="query-params",
    )
    if not on:
        return True
    done_key = f"{name}_predict_done"
    done = st.session_state.get(done_key)
    if done is not None and done[0] == question:
        _judgement(done[1], lang, box)
        return True
    with box.form(f"{name}_predict_form", clear_on_submit=True, border=False):
        guess = st.text_input(
            translate(f"{texts}.label", lang),
            key=f"{name}_predict_guess",
            width=260,
            max_chars=MAX_ANSWER_CHARS,
        )
        submitted = st.form_submit_button(translate("practice.predict.submit", lang))
    if submitted:
        verdict = check_number(answer, guess)
        _judgement(verdict, lang, box)
        if verdict.status != MALFORMED:
            st.session_state[done_key] = (question, verdict)
            return True
    box.caption(translate(f"{texts}.waiting", lang))
    return False
