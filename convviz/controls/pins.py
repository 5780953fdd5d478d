"""Click-to-pin: a click on a grid cell of a chart keeps that cell in the session state."""

from __future__ import annotations

import streamlit as st

from convviz.figures.common.grid import selected_cell


def pin_clicked_cell(chart: str, panel: int, pin_key: str) -> None:
    """``on_select`` of chart ``chart``: a click on panel ``panel`` stores ``(row, col)``
    under ``pin_key``; clicks on other panels are ignored."""
    picked = selected_cell(st.session_state.get(chart))
    if picked is not None and picked[2] == panel:
        st.session_state[pin_key] = picked[:2]
