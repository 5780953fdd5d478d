"""Page furniture shared by every page: the header and the PyTorch code block."""

from __future__ import annotations

import streamlit as st

from convviz.i18n import has_key, translate


def page_header(page: str, lang: str) -> None:
    """Title ``page.<page>`` and, if it exists, the one-paragraph intro ``<page>.intro``."""
    st.title(translate(f"page.{page}", lang))
    if has_key(f"{page}.intro"):
        st.markdown(translate(f"{page}.intro", lang))


def pytorch_code(code: str, lang: str, *, note: str = "common.pytorch_code_note") -> None:
    """The equivalent PyTorch code, ready to copy, under ``note``: what it reproduces.

    The default note says the engine matches the code number for number; a page whose code
    runs on random data passes a key that says what it reproduces instead.
    """
    st.subheader(translate("common.pytorch_code", lang))
    st.caption(translate(note, lang))
    st.code(code, language="python")
