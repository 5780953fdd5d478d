"""Keep choice widgets in the URL by their option *codes*.

Streamlit's ``bind="query-params"`` stores a radio's or selectbox's *formatted* label in the
URL, which would change with the language (``?padding_mode=零填充``). Choice widgets therefore
sync by hand: the URL holds the code (``?padding_mode=reflect``, ``?lang=zh``), read once when
the widget first appears and written back after every run. Integer sliders use the built-in
binding.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st


def seed_from_url(key: str, options: Sequence[str]) -> None:
    """Before drawing widget ``key``: take its value from the URL if it is a valid option."""
    if key in st.session_state:
        return
    value = st.query_params.get(key)
    if value in options:
        st.session_state[key] = value


def write_to_url(key: str, value: str | None, default: str | None) -> None:
    """After drawing widget ``key``: put its code in the URL, or drop it when it is the default."""
    if value is None or value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value
