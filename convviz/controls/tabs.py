"""Tabs of which only the open one runs, with the open tab kept in the link (``?view=``).

``st.tabs(..., on_change="rerun")`` tells the script which tab is open, so a page draws only
that tab's content: a rerun pays for one view, not for all of them. The state holds the open
tab's *label*; when the language changes, the same tab stays open under its new label.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from convviz.controls.urlstate import write_to_url
from convviz.i18n import LANGUAGES, translate


def lazy_tabs(
    page: str, codes: Sequence[str], lang: str, *, url_key: str = "view"
) -> tuple[dict[str, Any], str]:
    """Tabs labelled ``<page>.tab.<code>``; returns ``({code: tab}, open code)``.

    Parameters
    ----------
    page : str
        Prefix of the label keys and of the state key (``<page>_tab``).
    codes : sequence of str
        Tab codes, first = default. The open one is written to ``?<url_key>=`` (dropped when
        it is the default) and read from there on a fresh session.
    lang : {"en", "zh"}
    """
    state_key = f"{page}_tab"
    labels = {
        code: {language: translate(f"{page}.tab.{code}", language) for language in LANGUAGES}
        for code in codes
    }
    state = st.session_state.get(state_key)
    known = next((code for code in codes if state in labels[code].values()), None)
    if known is not None:
        st.session_state[state_key] = labels[known][lang]  # same tab, maybe a new language
    elif st.query_params.get(url_key) in codes:
        st.session_state[state_key] = labels[st.query_params[url_key]][lang]
    tabs = st.tabs([labels[code][lang] for code in codes], key=state_key, on_change="rerun")
    opened = next((code for code, tab in zip(codes, tabs, strict=True) if tab.open), codes[0])
    write_to_url(url_key, opened, codes[0])
    return dict(zip(codes, tabs, strict=True)), opened


def show_open_tab(page: str, views: Mapping[str, Callable[..., Any]], lang: str, *args: Any) -> str:
    """:func:`lazy_tabs` over the codes of ``views``, in their order; runs the open tab's view.

    Parameters
    ----------
    page : str
        As in :func:`lazy_tabs`.
    views : mapping of str to callable
        Tab code -> the function that draws that tab; the first is the default tab.
    lang : {"en", "zh"}
    *args
        Passed to the open tab's function (the page's settings, arrays, ...).

    Returns
    -------
    str
        The open tab's code.
    """
    tabs, opened = lazy_tabs(page, tuple(views), lang)
    with tabs[opened]:
        views[opened](*args)
    return opened
