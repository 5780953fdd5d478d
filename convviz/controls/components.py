"""Inline browser components (``st.components.v2``), each registered once per process."""

from __future__ import annotations

from functools import cache
from typing import Any

import streamlit as st


@cache
def registered(
    name: str, *, js: str, css: str | None = None, html: str | None = None, isolate: bool = True
) -> Any:
    """The component ``name`` with inline ``js`` / ``css`` / ``html`` (nothing from an outside
    host), registered on the first call and reused after it; ``isolate=False`` mounts it in the
    page itself rather than a shadow root. Call the result to mount it: ``(key=..., data=...)``.
    """
    return st.components.v2.component(name, html=html, css=css, js=js, isolate_styles=isolate)
