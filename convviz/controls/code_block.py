"""A block of code or of worked numbers with a copy button, drawn by the browser
(:mod:`convviz.controls.code_client`), mounted with ``st.components.v2.component``.

It stands in for ``st.code``: the page's first chart no longer waits for Streamlit's
highlighter (see ``code_client``).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from convviz.controls.code_client import CODE_CSS, CODE_JS
from convviz.controls.components import registered
from convviz.controls.lecture import lecture_on
from convviz.i18n import translate

COMPONENT = "convviz_code"


# Not isolated in a shadow root: the text is part of the page, as ``st.code``'s was, so
# find-in-page, selection and the page's text reach it (its CSS names only ``.cvz-code``).
ISOLATED = False


def code_block(
    text: str, *, key: str, lang: str, python: bool = False, container: Any = None
) -> None:
    """Show ``text`` in a monospaced block with a copy button, under the element key ``key``.

    ``python=True``: Python source, coloured and kept on its lines (a long line scrolls
    sideways); otherwise worked numbers, wrapped at the column's width. Lecture mode shows
    the main figure alone: no block is drawn there.
    """
    if lecture_on():
        return
    data = {
        "text": text,
        "python": python,
        "wrap": not python,
        "copy": translate("common.copy", lang),
        "copy_label": translate("common.copy_label", lang),
        "copied": translate("common.copied", lang),
        "select": translate("common.copy_select", lang),
    }
    mount = registered(COMPONENT, css=CODE_CSS, js=CODE_JS, isolate=ISOLATED)
    if container is None:
        mount(key=key, data=data)
    else:
        with container:
            mount(key=key, data=data)


def pytorch_code(code: str, lang: str, *, note: str = "common.pytorch_code_note") -> None:
    """The equivalent PyTorch code, ready to copy, under ``note``: what it reproduces.

    The default note says the engine matches the code number for number; a page whose code
    runs on random data passes a key that says what it reproduces instead.
    """
    st.subheader(translate("common.pytorch_code", lang))
    st.caption(translate(note, lang))
    code_block(code, key="pytorch_code", lang=lang, python=True)
