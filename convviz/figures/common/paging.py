"""Paging a row of panels: how many fit a laptop at a readable size, and which ones a page shows.

A row of many panels (eight output channels, sixteen pixel columns, eight ``x ⋆ w`` terms)
drawn at once in 640 px would need cells too small for 14-px numbers. Instead a figure shows
the panels that fit at a readable cell size, and a picker pages through the rest. Everything
here is arithmetic on counts: pure functions, no figure and no Streamlit.

Widths are counted in *columns* of cells: a panel is as many columns wide as its grid, and a
gap between panels is a fraction of a column (``GAP`` in :mod:`convviz.figures.common.grid`).
"""

from __future__ import annotations

import math

from convviz.i18n import translate

PAGE_PX = 640  # widest figure drawn beside the sidebar of a 1024-px laptop without scrolling
SIDE_PX = 16  # the figure's own left and right margins (see panels_figure)


def row_px(columns: float, px: int) -> int:
    """Pixels a row ``columns`` cells wide takes with cells of ``px`` pixels, as a figure is
    drawn: whole pixels (rounded down) plus the figure's side margins."""
    return int(px * columns) + SIDE_PX


def fit_count(
    item_columns: float,
    px: int,
    *,
    gap: float,
    extra_columns: float = 0.0,
    width: int = PAGE_PX,
) -> int:
    """How many items fit side by side in ``width`` pixels with cells of ``px`` pixels.

    Parameters
    ----------
    item_columns : float
        Columns one item takes (a panel, or a panel pair with the gap inside it).
    px : int
        Side of one cell in pixels (e.g. :func:`convviz.figures.common.grid.readable_cell_px`).
    gap : float
        Columns between two items.
    extra_columns : float
        Columns taken whatever the count (a last output panel, room for "…" markers).
    width : int
        Pixels the row may take, margins included.

    Returns
    -------
    int
        The largest ``n ≥ 1`` with ``⌊px · (n · item + (n − 1) · gap + extra)⌋ + SIDE_PX ≤
        width`` (the figure's width in whole pixels); 1 when not even one item fits (one item
        is still drawn, at its readable size).

    Notes
    -----
    ``n · item + (n − 1) · gap ≤ room`` gives ``n ≤ (room + gap) / (item + gap)`` with
    ``room = (width − SIDE_PX) / px − extra``.
    """
    room = (width - SIDE_PX) / max(px, 1) - extra_columns
    n = max(math.floor((room + gap) / (item_columns + gap) + 1e-9), 1)

    def drawn_px(count: int) -> int:
        return row_px(count * item_columns + (count - 1) * gap + extra_columns, px)

    while drawn_px(n + 1) <= width:  # the rounding may leave room for one more
        n += 1
    return n


def per_page(
    total: int,
    item_columns: float,
    px: int,
    *,
    gap: float,
    extra_columns: float = 0.0,
    marker_columns: float = 0.0,
    width: int = PAGE_PX,
) -> int:
    """Items a page shows: all ``total`` when they fit together, else :func:`fit_count` with
    ``marker_columns`` more kept for the "…" signs that a page of some of them carries."""
    if fit_count(item_columns, px, gap=gap, extra_columns=extra_columns, width=width) >= total:
        return total
    extra = extra_columns + marker_columns
    return min(fit_count(item_columns, px, gap=gap, extra_columns=extra, width=width), total)


def page_count(total: int, per_page: int) -> int:
    """Pages of ``per_page`` items needed for ``total`` items (at least 1)."""
    return max(math.ceil(total / max(per_page, 1)), 1)


def page_span(page: int, per_page: int, total: int) -> tuple[int, int]:
    """Items ``[start, stop)`` of page ``page`` (0-based, clamped to the pages there are).

    The last page may be shorter; every item is on exactly one page.
    """
    per_page = max(per_page, 1)
    page = min(max(page, 0), page_count(total, per_page) - 1)
    start = page * per_page
    return start, min(start + per_page, total)


def page_of(item: int, per_page: int) -> int:
    """The 0-based page holding item ``item`` (0-based)."""
    return max(item, 0) // max(per_page, 1)


def span_text(
    span: tuple[int, int], total: int, *, noun: str, lang: str, first_number: int = 0
) -> str:
    """``"outputs 0–3 of 0–7"``: which items a page shows, numbered as their panels are.

    Parameters
    ----------
    span : tuple of int
        Items ``[start, stop)`` of the page (0-based).
    total : int
        Items in the whole row.
    noun : str
        One of ``outputs``, ``terms``, ``channels``, ``pixels``, ``inputs`` (the
        ``paging.span.<noun>`` texts).
    lang : str
    first_number : int
        The number the panels give item 0: 0 for channels named ``y0`` or ``x[0]``, the
        group's first input channel for a group's terms (``x4`` … ``x7``).
    """
    start, stop = span
    numbers = {"low": first_number, "high": first_number + total - 1}
    if stop - start == 1:
        return translate(f"paging.span.one.{noun}", lang, first=first_number + start, **numbers)
    first, last = first_number + start, first_number + stop - 1
    return translate(f"paging.span.{noun}", lang, first=first, last=last, **numbers)
