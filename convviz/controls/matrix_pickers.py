"""The rows and columns pickers of a large matrix (C, Cᵀ) shown a window at a time.

Two page pickers side by side, labelled by the rows / columns a page holds ("rows 8–15 of
0–24"), kept in the link as ``?<key>_rows=`` and ``?<key>_cols=`` (read and clamped like any
integer control), turning to the page of the pinned row when the pin moves. A matrix that
fits shows whole, draws no picker and leaves no page in the link.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import streamlit as st

from convviz.controls.urlstate import write_to_url
from convviz.controls.widgets import page_picker
from convviz.figures.common.matrix_window import MatrixWindow, span_text


def window_pickers(
    key: str,
    first: MatrixWindow,
    shape: tuple[int, int],
    lang: str,
    *,
    follow: tuple[int, Sequence[int]] | None = None,
) -> tuple[int, int]:
    """Draw the pickers of an (m, n) matrix paged like ``first`` (its first page).

    Parameters
    ----------
    key : str
        Prefix of the widget keys and URL parameters (``"c"``: ``?c_rows=``, ``?c_cols=``).
    first : MatrixWindow
        The window of the first page: its shape is the page size, its page counts the
        pickers' ranges.
    shape : (int, int)
        (m, n) of the whole matrix.
    lang : {"en", "zh"}
    follow : (int, sequence of int), optional
        The row page and the column pages (0-based) that show the pinned row: when the pin
        moves, each picker turns to the first of them unless it shows one already.

    Returns
    -------
    (int, int)
        The row page and the column page shown (0-based).
    """
    if not first.paged:  # shown whole: a page left in the link would page nothing
        for axis in ("rows", "cols"):
            write_to_url(f"{key}_{axis}", None, None)
        return 0, 0
    box = st.container(horizontal=True)
    follow = follow if follow is not None else (None, None)
    counts = (first.row_pages, first.col_pages)
    shown = []
    for axis, per, total, count, turn in zip(
        ("rows", "cols"), first.shape, shape, counts, follow, strict=True
    ):
        shown.append(
            page_picker(
                f"{key}_{axis}",
                count,
                lang,
                label_key=f"matrix_window.{axis}",
                container=box,
                page_text=partial(span_text, f"matrix_window.{axis}_page", per, total, lang=lang),
                follow=turn,
            )
        )
    return shown[0], shown[1]
