"""Which part of a large matrix (C or Cᵀ) is drawn: a window of rows × columns whose cells
hold their text at 14 px and that fits the main area of a 1024×768 projector.

Drawn whole, a 49×49 C had 13-px cells and colours only; its numbers shrank to 8 px before
that. Here the cell size comes first — the smallest cell in which
:func:`~convviz.figures.common.grid.cell_font_px` writes the longest entry at 14 px — and the
matrix is shown a page of rows and a page of columns at a time. Pages are whole rows of the
grid a matrix index flattens (``unit``), so "columns 6–15" of C are rows 1–2 of the input.
A matrix that fits shows whole, on one page. Pure functions; the page draws the pickers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from convviz.figures.common.grid import (
    MAX_CELL_PX,
    GridSpec,
    cell_font_px,
    real_mask,
    value_range,
)
from convviz.i18n import translate

WINDOW_WIDTH_PX = 640  # a figure's width in the main area at 1024×768 (about 660 px there)
WINDOW_HEIGHT_PX = 680  # rows of cells per page: one screen of a 1024×768 projector
FRAME_PX = 16  # the figure's left + right margins (panels_figure)
PANEL_GAP = 1.6  # columns between two panels of one figure (panels_figure)
MIN_WINDOW_PX = 24  # cells are never smaller than this (something to click)


@dataclass(frozen=True)
class MatrixWindow:
    """The part of an (m, n) matrix on screen: rows ``[r0, r1)``, columns ``[c0, c1)``.

    Attributes
    ----------
    rows, cols : tuple of int
        ``(start, stop)`` of the rows and of the columns shown.
    px : int
        Side of one cell in pixels.
    row_pages, col_pages : int
        How many pages the rows and the columns take (1: all of them are shown).
    """

    rows: tuple[int, int]
    cols: tuple[int, int]
    px: int
    row_pages: int = 1
    col_pages: int = 1

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns) shown."""
        return self.rows[1] - self.rows[0], self.cols[1] - self.cols[0]

    @property
    def paged(self) -> bool:
        """Whether only part of the matrix is shown."""
        return self.row_pages > 1 or self.col_pages > 1


def readable_px(texts: Iterable[str], *, smallest: int = MIN_WINDOW_PX) -> int:
    """Smallest cell side (px, at least ``smallest``) in which every text fits at 14 px.

    >>> readable_px(["w₀₁", ""]), readable_px(["-0.25"])
    (27, 45)
    """
    texts = list({str(t) for t in texts})  # each distinct text once (C repeats its k² names)
    px = smallest
    while cell_font_px(texts, px) is None and px < 4 * MAX_CELL_PX:
        px += 1
    return px


def page_size(total: int, fit: int, *, unit: int = 1) -> int:
    """Items (rows or columns) per page: at most ``fit``, in whole ``unit`` blocks where one
    fits, the pages as even as they can be.

    Parameters
    ----------
    total : int
        Items to show (≥ 1).
    fit : int
        Items that fit on screen at once (≥ 1).
    unit : int
        Length of one row of the grid the items flatten (W of a W-wide grid).

    Notes
    -----
    With ``b = unit`` if ``fit ≥ unit`` else 1, ``B = ⌈total / b⌉`` blocks and
    ``P = ⌈B / ⌊fit / b⌋⌉`` pages, a page holds ``⌈B / P⌉·b`` items.

    >>> page_size(25, 23), page_size(25, 23, unit=5), page_size(49, 16, unit=7)
    (13, 15, 14)
    """
    total, fit = max(int(total), 1), max(int(fit), 1)
    block = unit if 1 <= unit <= fit else 1
    blocks = math.ceil(total / block)
    pages = math.ceil(blocks / (fit // block))
    return min(math.ceil(blocks / pages) * block, total)


def page_count(total: int, size: int) -> int:
    """Pages of ``size`` items that ``total`` items take (at least 1)."""
    return max(math.ceil(total / max(size, 1)), 1)


def page_of(index: int, size: int, total: int) -> int:
    """The page (0-based) that shows item ``index`` (clamped to ``0 … total - 1``)."""
    return min(max(int(index), 0), max(total - 1, 0)) // max(size, 1)


def page_span(page: int, size: int, total: int) -> tuple[int, int]:
    """``(start, stop)`` of page ``page`` (clamped to the pages there are)."""
    page = min(max(int(page), 0), page_count(total, size) - 1)
    return page * size, min((page + 1) * size, total)


def fitting_cells(px: int, *, extra_cols: float = 0.0) -> tuple[int, int]:
    """(rows, columns) of ``px``-cells that fit the window, ``extra_cols`` columns of other
    panels and gaps beside the matrix taken off its width (at least one of each)."""
    cols = int((WINDOW_WIDTH_PX - FRAME_PX) / px - extra_cols)
    return max(WINDOW_HEIGHT_PX // px, 1), max(cols, 1)


def matrix_window(
    shape: tuple[int, int],
    texts: Iterable[str],
    *,
    row_page: int = 0,
    col_page: int = 0,
    units: tuple[int, int] = (1, 1),
    extra_cols: float = 0.0,
) -> MatrixWindow:
    """The window of an (m, n) matrix on pages ``row_page`` × ``col_page`` (0-based, clamped).

    Parameters
    ----------
    shape : (int, int)
        (m, n) of the whole matrix.
    texts : iterable of str
        Texts of its cells (any order): the longest one sets the cell size.
    row_page, col_page : int
        Pages shown.
    units : (int, int)
        Grid row lengths the row and the column indices flatten (pages keep them whole).
    extra_cols : float
        Columns of further panels beside the matrix (Cᵀ·x = y: x, y and two gaps).

    Returns
    -------
    MatrixWindow
        Rows and columns of the page, the cell size and the page counts.
    """
    m, n = shape
    px = readable_px(texts)
    fit_rows, fit_cols = fitting_cells(px, extra_cols=extra_cols)
    per_row = page_size(m, fit_rows, unit=units[0])
    per_col = page_size(n, fit_cols, unit=units[1])
    return MatrixWindow(
        rows=page_span(row_page, per_row, m),
        cols=page_span(col_page, per_col, n),
        px=px,
        row_pages=page_count(m, per_row),
        col_pages=page_count(n, per_col),
    )


def crop_spec(
    spec: GridSpec, rows: tuple[int, int], cols: tuple[int, int], *, title: str | None = None
) -> GridSpec:
    """The part ``rows`` × ``cols`` (``(start, stop)`` each) of a grid: its values, kinds,
    labels and hover cut alike, its highlights moved to the part and cut to it (dropped when
    they lie outside), its title replaced by ``title`` when given.

    Parameters
    ----------
    spec : GridSpec
        The whole grid, (H, W) arrays.
    rows, cols : (int, int)
        The part kept; the result's arrays are (r1 − r0, c1 − c0).
    """
    (r0, r1), (c0, c1) = rows, cols
    part = (slice(r0, r1), slice(c0, c1))

    def cut(array):
        return None if array is None else np.asarray(array)[part]

    lights = []
    for h in spec.highlights:
        top, bottom = max(h.r0, r0) - r0, min(h.r1, r1) - r0
        left, right = max(h.c0, c0) - c0, min(h.c1, c1) - c0
        if top < bottom and left < right:
            lights.append(replace(h, r0=top, r1=bottom, c0=left, c1=right))
    return replace(
        spec,
        values=np.asarray(spec.values)[part],
        kinds=cut(spec.kinds),
        labels=cut(spec.labels),
        hover=cut(spec.hover),
        highlights=tuple(lights),
        title=spec.title if title is None else title,
        # the colours of the whole grid: a page keeps the scale the other pages use
        value_range=value_range(spec, real_mask(spec)),
    )


def window_title(name: str, window: MatrixWindow, *, lang: str) -> str:
    """``"C (49×49), rows 8–15, columns 0–13"``: the matrix's title and the part shown (last
    row and column included, counted from 0)."""
    (r0, r1), (c0, c1) = window.rows, window.cols
    return translate("matrix_window.title", lang, name=name, r0=r0, r1=r1 - 1, c0=c0, c1=c1 - 1)


def span_text(key: str, size: int, total: int, page: int, *, lang: str) -> str:
    """``"rows 8–15 of 0–24"``: page ``page`` of ``size`` items of ``total`` (``key`` is
    ``"matrix_window.rows_page"`` or ``"matrix_window.cols_page"``)."""
    start, stop = page_span(page, size, total)
    return translate(key, lang, start=start, stop=stop - 1, last=total - 1)
