"""Regenerate ``assets/favicon.png``: the app's browser-tab icon, drawn from code.

A 4×4 grid of input cells (Okabe–Ito blue) with a 2×2 window outlined in orange: the sliding
window every page teaches. The icon ships with the app, so the page needs nothing from an
outside host (a classroom may be offline).

Run from the project root::

    python bench/make_favicon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from convviz.style.palette import OKABE_ITO  # noqa: E402

SIZE = 64  # pixels; browsers scale it down to 16 or 32
OUT = ROOT / "assets" / "favicon.png"


def favicon() -> Image.Image:
    """The icon, RGBA, ``SIZE``×``SIZE``."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    cells, gap, margin = 4, 2, 4
    step = (SIZE - 2 * margin + gap) // cells
    for row in range(cells):
        for col in range(cells):
            x, y = margin + col * step, margin + row * step
            draw.rectangle((x, y, x + step - gap - 1, y + step - gap - 1), fill=OKABE_ITO["blue"])
    x, y = margin + step - 2, margin + step - 2  # the window over cells (1, 1) to (2, 2)
    draw.rectangle((x, y, x + 2 * step + 1, y + 2 * step + 1), outline=OKABE_ITO["orange"], width=4)
    return image


if __name__ == "__main__":
    favicon().save(OUT, optimize=True)
    print(f"wrote {OUT.relative_to(ROOT)}")
