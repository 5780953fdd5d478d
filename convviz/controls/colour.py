"""The "colour by value" switch: grids coloured by role (default) or by value, kept in the link.

The switch is read wherever a page builds figures or files: :func:`page_colouring` gives the
choice of this session, :func:`convviz.controls.caching.cached_figure` builds (and caches) a
figure under it, and :func:`convviz.controls.downloads.export_buttons` makes its files under it,
so the screen and the downloads always agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from convviz.i18n import translate
from convviz.style.colouring import colouring

COLOUR_KEY = "colour_by_value"  # widget key and URL parameter (?colour_by_value=true)


def colour_control(lang: str, *, container: Any = None) -> str:
    """The switch in the sidebar (or ``container``); returns ``"value"`` or ``"role"``."""
    box = st.sidebar if container is None else container
    on = box.toggle(
        translate("common.colour_by_value", lang),
        key=COLOUR_KEY,
        help=translate("common.colour_by_value_help", lang),
        bind="query-params",
    )
    return "value" if on else "role"


def page_colouring() -> str:
    """``"value"`` when this session's switch is on, else ``"role"``."""
    return "value" if st.session_state.get(COLOUR_KEY) is True else "role"


def made_under(mode: str, maker: Callable[[], Any]) -> Any:
    """``maker()`` with grids coloured by ``mode`` (for a file built on a worker thread)."""
    with colouring(mode):
        return maker()
