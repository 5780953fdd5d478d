"""C or Cᵀ as a PNG, within a budget. Shared by the standard and the transposed pages.

A matrix PNG shows the on-screen panels (the matrix, and for Cᵀ the vectors x and y) with the
picked row outlined and that row's arithmetic as the caption. Its cells are at least 12 base
px (24 px at the export scale 2), so a matrix of thousands of columns would make an image
nobody can open or read. The budget refuses those before anything is drawn, with a message
(``error.matrix_png_too_large``, English and Chinese) that names the sizes and the limits.
"""

from __future__ import annotations

from collections.abc import Sequence

from convviz.engine.errors import ConvValueError
from convviz.export.png import grid_cell_size
from convviz.figures.common.channel_exports import specs_png
from convviz.figures.common.grid import GridSpec
from convviz.figures.common.matrix_size import MAX_DRAWN_CELLS
from convviz.i18n import translate_error

MAX_PNG_ENTRIES = MAX_DRAWN_CELLS  # a PNG holds what the screen draws cell by cell
MAX_PNG_SIDE = 4_000  # real pixels of the cells along either side, at the export scale
PNG_SCALE = 2  # the scale every download is drawn at (``render_scene_png``'s default)


def cells_px(shapes: Sequence[tuple[int, int]], *, scale: int = PNG_SCALE) -> tuple[int, int]:
    """Real pixels ``(width, height)`` the cells of grids of ``shapes`` take side by side.

    Parameters
    ----------
    shapes : sequence of (rows, cols)
        The panels of the picture, left to right (the matrix first).
    scale : int
        Real pixels per base pixel.

    Notes
    -----
    ``width = Σ cols · cell · scale`` and ``height = max rows · cell · scale`` with the
    exporter's cell size (:func:`convviz.export.png.grid_cell_size`, at least 12 base px);
    titles, operators and the caption come on top of that.
    """
    cell = grid_cell_size(list(shapes))
    width = sum(cols for _, cols in shapes) * cell * scale
    height = max(rows for rows, _ in shapes) * cell * scale
    return width, height


def check_png_budget(name: str, shapes: Sequence[tuple[int, int]]) -> None:
    """Raise ``matrix_png_too_large`` when the matrix (``shapes[0]``) is over the budget.

    Over budget: more than :data:`MAX_PNG_ENTRIES` entries, or cells wider or taller than
    :data:`MAX_PNG_SIDE` real pixels (:func:`cells_px`).

    Raises
    ------
    ConvValueError
        ``matrix_png_too_large`` with ``name``, ``rows``, ``cols``, ``entries``, ``width``,
        ``height``, ``limit`` and ``side``.
    """
    rows, cols = shapes[0]
    width, height = cells_px(shapes)
    if rows * cols <= MAX_PNG_ENTRIES and max(width, height) <= MAX_PNG_SIDE:
        return
    raise ConvValueError(
        "matrix_png_too_large",
        f"{name} ({rows}×{cols} = {rows * cols} entries) is too large for a PNG: its cells "
        f"alone would take {width}×{height} pixels; a PNG is made for at most "
        f"{MAX_PNG_ENTRIES} entries and {MAX_PNG_SIDE} pixels a side",
        name=name,
        rows=rows,
        cols=cols,
        entries=rows * cols,
        width=width,
        height=height,
        limit=MAX_PNG_ENTRIES,
        side=MAX_PNG_SIDE,
    )


def png_refusal(name: str, shapes: Sequence[tuple[int, int]], *, lang: str) -> str | None:
    """Why no PNG of the matrix is offered (in ``lang``), or None when it fits the budget."""
    try:
        check_png_budget(name, shapes)
    except ConvValueError as err:
        return translate_error(err, lang)
    return None


def matrix_png(
    name: str,
    specs: Sequence[GridSpec],
    *,
    operators: Sequence[str] = (),
    caption: str = "",
    lang: str,
) -> bytes:
    """The matrix panels as one PNG, after checking the budget (``specs[0]`` is the matrix).

    Raises
    ------
    ConvValueError
        ``matrix_png_too_large`` (see :func:`check_png_budget`); nothing is drawn then.
    """
    check_png_budget(name, [spec.values.shape for spec in specs])
    return specs_png(specs, operators=operators, caption=caption, lang=lang)
