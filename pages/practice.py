"""Practice: generated questions (sizes, paddings, cell values, receptive fields, parameter
counts, valid settings) answered first, then revealed with the worked arithmetic and a link to
the page at the same setting. Score and streak live in this session only."""

from urllib.parse import urlencode

import streamlit as st

from convviz.controls import cached, choice_control, current_language, int_param, page_header
from convviz.i18n import translate
from convviz.practice import CHOICE, MALFORMED, TOPICS, check_answer, question_set
from convviz.practice.check import MAX_ANSWER_CHARS
from convviz.practice.score import Score
from convviz.practice.text import option_label, prompt_text, step_text
from convviz.site import PAGES

LEVEL_CODES = ("1", "2", "3")
SCORE = "practice_score"  # Score of this session
POSITIONS = "practice_positions"  # question set -> index of the question shown
ANSWERS = "practice_answers"  # (question set, index) -> Verdict
MALFORMED_NOW = "practice_malformed"  # (question set, index, Verdict) of a malformed answer
TEXT, CHOSEN = "practice_answer_text", "practice_answer_choice"


def sidebar(lang):
    """Topic, level and seed (all in the URL); returns the question set's id."""
    topic = choice_control("topic", tuple(TOPICS), lang, text_prefix="practice.", horizontal=False)
    level = choice_control("level", LEVEL_CODES, lang, text_prefix="practice.")
    seed = int_param("seed", lang, label=translate("practice.seed_label", lang))
    st.sidebar.button(
        translate("practice.new_set", lang), key="practice_new_set", on_click=_new_set, args=(seed,)
    )
    st.sidebar.caption(translate("practice.teacher", lang))
    return seed, int(level), topic


def _new_set(seed):
    st.session_state["seed"] = (seed + 1) % 10_000


def _move(set_id, index):
    st.session_state.setdefault(POSITIONS, {})[set_id] = index


def _submit(set_id, index, question):
    """on_click of the answer form: judge, then score once per question."""
    given = st.session_state.get(CHOSEN if question.kind == CHOICE else TEXT)
    verdict = check_answer(question, given)
    if verdict.status == MALFORMED:
        st.session_state[MALFORMED_NOW] = (set_id, index, verdict)
        return
    answers = st.session_state.setdefault(ANSWERS, {})
    if (set_id, index) not in answers:
        answers[(set_id, index)] = verdict
        st.session_state[SCORE] = st.session_state.get(SCORE, Score()).after(verdict.status)


def score_panel(lang):
    score = st.session_state.get(SCORE, Score())
    columns = st.columns(3)
    values = (
        translate("practice.score_value", lang, right=score.right, answered=score.answered),
        score.streak,
        score.best,
    )
    for column, name, value in zip(columns, ("score", "streak", "best"), values, strict=True):
        column.metric(translate(f"practice.metric.{name}", lang), value, border=True)


def answer_form(set_id, index, question, lang):
    with st.form("practice_form", clear_on_submit=True):
        if question.kind == CHOICE:
            st.radio(
                translate("practice.choice_label", lang),
                question.options,
                index=None,
                format_func=lambda code: option_label(code, lang),
                key=CHOSEN,
            )
        else:
            st.text_input(
                translate("practice.answer_label", lang),
                key=TEXT,
                width=300,
                max_chars=MAX_ANSWER_CHARS,
            )
        st.form_submit_button(
            translate("practice.submit", lang),
            type="primary",
            key="practice_submit",
            on_click=_submit,
            args=(set_id, index, question),
        )
    malformed = st.session_state.pop(MALFORMED_NOW, None)
    if malformed is not None and malformed[:2] == (set_id, index):
        st.warning(step_text(malformed[2].steps[0], lang), icon=":material/edit:")


def link_markdown(link, lang):
    """A link (opening in a new tab) to the page at the question's setting."""
    title = next(translate(p.title_key, lang) for p in PAGES if p.url_path == link.page)
    href = f"{link.page}?{urlencode({**link.query, 'lang': lang})}"
    return f":material/open_in_new: [{translate('practice.open_link', lang, page=title)}]({href})"


def reveal(verdict, question, lang):
    judgement, *steps = verdict.steps
    shown = st.success if verdict.status == "correct" else st.error
    shown(step_text(judgement, lang))
    with st.container(border=True, key="practice_worked"):
        st.markdown(f"**{translate('practice.worked', lang)}**")
        for step in steps:
            st.markdown(step_text(step, lang))
        st.markdown(link_markdown(question.link, lang))


lang = current_language()
page_header("practice", lang)
set_id = sidebar(lang)
questions = cached(question_set)(*set_id)
index = min(st.session_state.get(POSITIONS, {}).get(set_id, 0), len(questions) - 1)
question = questions[index]
score_panel(lang)
st.subheader(translate("practice.progress", lang, n=index + 1, total=len(questions)))
st.markdown(prompt_text(question, lang))
verdict = st.session_state.get(ANSWERS, {}).get((set_id, index))
if verdict is None:
    answer_form(set_id, index, question, lang)
else:
    reveal(verdict, question, lang)
back, forward = st.columns(2)
if index > 0:
    back.button(
        translate("practice.previous", lang),
        key="practice_previous",
        on_click=_move,
        args=(set_id, index - 1),
    )
if index + 1 < len(questions):
    forward.button(
        translate("practice.next", lang),
        key="practice_next",
        type="primary",
        on_click=_move,
        args=(set_id, index + 1),
    )
elif verdict is not None:
    st.info(translate("practice.set_done", lang), icon=":material/flag:")
