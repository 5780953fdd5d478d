"""What the grouped and 1×1 pages' files share: file names that say the setting, on-screen
panels as one PNG, and channels as CSV.

Each function describes a view with :mod:`convviz.export` (no Streamlit) and returns the
file's bytes or text, so a download button can build it only when clicked. Numbers come from
the engine exactly as on screen.
"""

from collections.abc import Sequence

import numpy as np

from convviz.export import (
    Bilingual,
    grid_csv,
    render_scene_png,
    scene_from_specs,
)
from convviz.figures.common.grid import GridSpec


def file_stem(page: str, **values: int) -> str:
    """``grouped_cin4_cout8_g2``: a file name that says which setting it shows."""
    return page + "".join(f"_{name}{value}" for name, value in values.items())


def specs_png(
    specs: Sequence[GridSpec],
    *,
    operators: Sequence[str] = (),
    caption: str | Bilingual = "",
    lang: str,
) -> bytes:
    """On-screen panels (``GridSpec``) as one PNG, in the palette and with the numbers."""
    scene = scene_from_specs(specs, operators=tuple(operators), caption=caption)
    return render_scene_png(scene, lang=lang)


def channels_csv(values: np.ndarray) -> str:
    """``(C, H, W)`` channels as CSV: one row per channel, one column per pixel ``(row, col)``.

    The same layout as ``values.reshape(C, H·W)`` (row-major pixels), the 1×1 page's ``X``.
    """
    channels, _, width = values.shape
    return product_csv(values.reshape(channels, -1), width=width)  # (C, H·W)


def product_csv(product: np.ndarray, *, width: int) -> str:
    """``Y = W · X`` as CSV: one row per output channel, one column per pixel ``(row, col)``."""
    header = [f"({p // width},{p % width})" for p in range(product.shape[1])]
    return grid_csv(product, header=header)
