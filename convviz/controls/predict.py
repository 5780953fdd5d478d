"""The "predict first" switch of the topic pages: guess the output size, then see it.

A page calls :func:`predict_first` before it draws anything that shows the answer (its
figures, the formula, tables, captions, code) and draws those only when the call returns
``True``. With the switch off (the default) nothing changes. With it on, the learner types a
prediction first, or asks for the answer without guessing; a malformed one is explained and
every form of the answer stays hidden. The switch is kept in the URL
(``?predict_first=true``), so a teacher can hand out a link with it on. A prediction counts
for one setting only: change a slider and the page asks again.
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
    "width": "image_lab.predict",
    "height": "practice.predict.height",
}


def predict_on() -> bool:
    """Whether the "predict first" switch is on, also before the toggle is drawn in this run
    (a link's ``?predict_first=true`` reaches the session only when the toggle appears):
    what a control drawn above it, such as the preset menu, needs to know."""
    if PREDICT_KEY in st.session_state:
        return bool(st.session_state[PREDICT_KEY])
    return str(st.query_params.get(PREDICT_KEY, "")).lower() == "true"


def predict_switch(lang: str, *, quantity: str = "size", container: Any = None) -> bool:
    """The "predict first" toggle (kept in the link as ``?predict_first=true``); its state.

    :func:`predict_first` draws it; a page whose prediction form sits in a fragment draws it
    outside first (a toggle inside a fragment would rerun only the fragment, and the rest of
    the page would keep showing the answer) and passes ``switch=False``.
    """
    box = st if container is None else container
    return box.toggle(
        translate("practice.predict.toggle", lang),
        key=PREDICT_KEY,
        help=translate(f"{QUANTITIES[quantity]}.help", lang),
        bind="query-params",
    )


def answer_pending(name: str, question: Hashable) -> bool:
    """Whether page ``name`` must still hide every form of the answer to ``question``: the
    switch is on and the learner has neither predicted nor skipped for this setting."""
    if not predict_on():
        return False
    done = st.session_state.get(f"{name}_predict_done")
    return done is None or done[0] != question


def predict_first(
    name: str,
    question: Hashable,
    answer: int,
    lang: str,
    *,
    quantity: str = "size",
    container: Any = None,
    switch: bool = True,
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
    quantity : {"size", "params", "block", "frames", "offset_channels", "width", "height"}
        What the learner predicts: the output size, a grouped layer's parameter count, the
        parameter count of a block with 1×1 reductions, a 3-D output's number of frames, the
        output channels of a deformable layer's offset (and mask) convolution, the width of a
        filtered picture, or the height of a rectangular output (the texts of the field and
        of the hint follow).
    container : Streamlit container, optional
        Where to draw (default: the main area).
    switch : bool
        Draw the toggle here (``False``: the page drew it with :func:`predict_switch`).

    Returns
    -------
    bool
        Whether the page may show the answer now: the switch is off, or the learner has made
        a well-formed prediction for this ``question`` (right or wrong, it is judged above) or
        pressed "show the answer". While it is ``False`` the page shows no form of the
        answer: no size in a title, no output grid, caption, table, formula or chart hover.

    Notes
    -----
    An accepted prediction reruns the whole app, so that parts of the page outside a
    fragment that hosts the form appear too.
    """
    box = st if container is None else container
    texts = QUANTITIES[quantity]
    on = predict_switch(lang, quantity=quantity, container=box) if switch else None
    if not (on if switch else st.session_state.get(PREDICT_KEY)):
        return True
    done_key = f"{name}_predict_done"
    done = st.session_state.get(done_key)
    if done is not None and done[0] == question:
        if done[1] is not None:  # None: the learner asked for the answer without guessing
            _judgement(done[1], lang, box)
        return True
    with box.form(f"{name}_predict_form", clear_on_submit=True, border=False):
        guess = st.text_input(
            translate(f"{texts}.label", lang),
            key=f"{name}_predict_guess",
            width=260,
            max_chars=MAX_ANSWER_CHARS,
        )
        buttons = st.container(horizontal=True)
        with buttons:
            submitted = st.form_submit_button(translate("practice.predict.submit", lang))
            skipped = st.form_submit_button(translate("practice.predict.skip", lang))
    if skipped:
        st.session_state[done_key] = (question, None)
        st.rerun()
    if submitted:
        verdict = check_number(answer, guess)
        if verdict.status != MALFORMED:
            st.session_state[done_key] = (question, verdict)
            st.rerun()
        _judgement(verdict, lang, box)
    box.caption(translate(f"{texts}.waiting", lang))
    return False
