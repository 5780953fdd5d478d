"""The language switch (``?lang=en`` / ``?lang=zh``), shown at the top of the sidebar."""

from __future__ import annotations

import streamlit as st

from convviz.controls.urlstate import write_to_url
from convviz.i18n import DEFAULT_LANGUAGE, LANGUAGES, normalise_language

LANGUAGE_NAMES = {"en": "English", "zh": "简体中文"}
# Plain session state (not a widget's), so the language survives page switches and reruns
# whatever happens to the widget.
_STATE_KEY = "language"


def _remember_choice() -> None:
    st.session_state[_STATE_KEY] = normalise_language(st.session_state.get("lang"))


def language_selector() -> str:
    """Draw the language switch in the sidebar and return ``"en"`` or ``"zh"``.

    The first run takes the language from ``?lang=``; the choice is kept in session state and
    written back to the URL, so a shared link keeps the language.
    """
    if _STATE_KEY not in st.session_state:
        st.session_state[_STATE_KEY] = normalise_language(st.query_params.get("lang"))
    lang = st.session_state[_STATE_KEY]
    st.sidebar.radio(
        "Language · 语言",
        LANGUAGES,
        index=LANGUAGES.index(lang),
        format_func=LANGUAGE_NAMES.__getitem__,
        horizontal=True,
        key="lang",
        on_change=_remember_choice,
    )
    write_to_url("lang", lang, DEFAULT_LANGUAGE)
    return lang


def current_language() -> str:
    """The language chosen in this session (set by :func:`language_selector` in ``app.py``).

    A page that finds no language was started without the router: see
    :func:`_restart_through_router`.
    """
    if _STATE_KEY not in st.session_state:
        _restart_through_router()
    return normalise_language(st.session_state.get(_STATE_KEY))


def _restart_through_router() -> None:
    """Rerun a page that Streamlit started without ``app.py``, this time through the router.

    Until some session has run ``st.navigation``, a fresh Streamlit process treats the
    ``pages/`` folder as a classic multipage app and serves a direct link such as
    ``/transposed?stride=2`` by running ``pages/transposed.py`` alone: no language switch, no
    navigation. Marking the process as a navigation app and rerunning sends this run (same
    page, same query parameters) through ``app.py``.
    """
    from streamlit.runtime.pages_manager import PagesManager  # noqa: PLC0415 (rare path)

    PagesManager.uses_pages_directory = False
    st.rerun()
