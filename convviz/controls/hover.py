"""The hover view: grids drawn in the browser that react to the pointer without a server run.

Hovering a cell of the source panel shows what it links to at once (a window and its
products, a stamp and its values); a click pins the cell, and only then does the page run
again (the pinned cell is stored under the page's pin key, which the other views read).
The numbers come from :mod:`convviz.figures.common.hover` (the engine's trace); the client is
:mod:`convviz.controls.hover_client`, mounted with ``st.components.v2.component``.
"""

from __future__ import annotations

import json
from functools import partial

import streamlit as st

from convviz.controls.components import registered
from convviz.controls.hover_client import HOVER_CSS, HOVER_JS
from convviz.controls.lecture import lecture_on
from convviz.i18n import translate

COMPONENT = "convviz_hover_grid"
JOIN = " + "  # between the parts of a caption (the client joins them with the same)


def shared_parts(payload: dict) -> dict:
    """``payload`` with every link's caption written as indices into one table of parts.

    A caption is its terms joined by ``" + "`` (``y[0,0] = 0·19 + 3·17 + … = 51``); the same
    product comes back in many cells' captions (a 22×22 output of the direct form with a 7×7
    kernel: 283 of the view's 359 KB; 196 KB once shared). Each caption becomes the list of
    its parts' indices in ``parts``, the distinct parts in order of first use; the client
    joins them again with ``" + "``, which gives back any caption exactly, whatever its parts
    are. ``payload`` is not changed.
    """
    index: dict[str, int] = {}
    links = [
        {
            **link,
            "caption": [index.setdefault(part, len(index)) for part in link["caption"].split(JOIN)],
        }
        for link in payload["links"]
    ]
    return {**payload, "links": links, "parts": list(index)}


def _encoded(payload: dict, key: str) -> str:
    """``payload`` as JSON text (captions as :func:`shared_parts`), written once per payload
    object and session.

    Given a dict, Streamlit writes it as JSON twice on every run (to send it, and sorted, to
    recognise the component): about 40 ms for the 950 KB hover view of a 23×23 output,
    reruns included. Text is sent as it is. A cached view hands over the same payload object
    on every run, so the session keeps its text (with the payload, under ``<key>_json``).
    """
    memo = st.session_state.get(f"{key}_json")
    if memo is not None and memo[0] is payload:
        return memo[1]
    text = json.dumps(shared_parts(payload))
    st.session_state[f"{key}_json"] = (payload, text)
    return text


def _store_pin(key: str, pin_key: str, shape: tuple[int, int]) -> None:
    """on_pinned_change: keep the clicked cell (two ints inside ``shape``) under ``pin_key``."""
    state = st.session_state.get(key) or {}
    picked = state.get("pinned") if hasattr(state, "get") else None
    if not isinstance(picked, list) or len(picked) != 2:
        return
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in picked):
        return
    r, c = picked
    if 0 <= r < shape[0] and 0 <= c < shape[1]:
        st.session_state[pin_key] = (r, c)


def hover_view(payload: dict, *, key: str, pin_key: str, lang: str) -> None:
    """Mount the hover view of ``payload`` (see ``hover_payload``) under its heading; clicks
    pin ``pin_key``.

    A pinned value from the browser is accepted only as two ints inside the source panel.
    Lecture mode shows the main figure alone: the hover view is not drawn there.
    """
    if lecture_on():
        return
    source = payload["panels"][payload["source"]]
    st.markdown(f"**{translate('common.hover_title', lang)}**")
    registered(COMPONENT, css=HOVER_CSS, js=HOVER_JS)(
        key=key,
        data=_encoded(payload, key),
        on_pinned_change=partial(_store_pin, key, pin_key, (source["rows"], source["cols"])),
    )
