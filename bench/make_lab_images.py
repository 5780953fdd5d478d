"""Regenerate the Image lab's extra pictures in ``assets/images/``, drawn from code.

- ``lab_shapes.png``: flat shapes with straight vertical, horizontal and diagonal edges and a
  smooth colour ramp, so that Sobel x / y pick different edges and upsampling artifacts show on
  flat areas.
- ``lab_rings.png``: a zone plate (rings whose frequency grows towards the border), so that
  blurring removes the fine rings and a stride larger than 1 aliases them into false patterns.

Nothing is downloaded; the pictures ship under the project's licence. Run from the project root::

    python bench/make_lab_images.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

SIDE = 384
FOLDER = Path(__file__).resolve().parents[1] / "assets" / "images"


def shapes(side: int = SIDE) -> Image.Image:
    """Flat shapes over a smooth ramp, ``side × side`` RGB."""
    x = np.linspace(0.0, 1.0, side)[None, :]  # (1, W)
    y = np.linspace(0.0, 1.0, side)[:, None]  # (H, 1)
    red = 235 - 60 * y + 0 * x
    green = 225 - 40 * x * y
    blue = 200 + 40 * x + 0 * y
    ramp = np.stack(np.broadcast_arrays(red, green, blue), axis=-1)  # (H, W, 3)
    image = Image.fromarray(ramp.round().astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)
    u = side / 384
    draw.rectangle((40 * u, 40 * u, 150 * u, 150 * u), fill=(0, 114, 178))  # blue square
    draw.ellipse((220 * u, 36 * u, 340 * u, 156 * u), fill=(213, 94, 0))  # vermillion disc
    draw.polygon(
        [(60 * u, 340 * u), (150 * u, 200 * u), (240 * u, 340 * u)], fill=(0, 158, 115)
    )  # green triangle: two diagonal edges, one horizontal
    for k in range(6):  # vertical bars of growing width
        left = (262 + 18 * k) * u
        draw.rectangle((left, 200 * u, left + (2 + k) * u, 340 * u), fill=(30, 30, 30))
    return image


def rings(side: int = SIDE) -> Image.Image:
    """A zone plate 0.5 + 0.5·cos(π·r² / (3·side)), gray, ``side × side`` RGB.

    The local frequency reaches about half the sampling limit at the corners.
    """
    c = (side - 1) / 2
    yy, xx = np.mgrid[0:side, 0:side] - c  # (H, W) each
    r2 = xx**2 + yy**2
    gray = 0.5 + 0.5 * np.cos(np.pi * r2 / (3 * side))  # (H, W) in [0, 1]
    values = np.repeat((gray * 255).round().astype(np.uint8)[:, :, None], 3, axis=2)
    return Image.fromarray(values, "RGB")


PICTURES = {"lab_shapes.png": shapes, "lab_rings.png": rings}


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, draw in PICTURES.items():
        path = FOLDER / name
        draw().save(path, "PNG", optimize=True)
        print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
