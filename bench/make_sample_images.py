"""Regenerate ``assets/images/sample.png``: a colourful synthetic scene, drawn from code.

The picture has large areas of nearly pure red, green, blue, yellow, cyan and magenta, smooth
gradients and sharp edges, so that channel mixing (grayscale, channel swaps, projections) and
edge filters give visibly different results. It contains no text and no photographs, so it can
ship with the app under the project's licence.

Run from the project root::

    python bench/make_sample_images.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 480, 320
OUT = Path(__file__).resolve().parents[1] / "assets" / "images" / "sample.png"


def sky(width: int, height: int) -> np.ndarray:
    """A vertical blue-to-peach gradient, ``(H, W, 3)`` uint8."""
    t = np.linspace(0.0, 1.0, height)[:, None, None]  # (H, 1, 1)
    top = np.array([40, 90, 200], dtype=float)
    bottom = np.array([250, 200, 160], dtype=float)
    rows = (1 - t) * top + t * bottom  # (H, 1, 3)
    return np.broadcast_to(rows, (height, width, 3)).round().astype(np.uint8)


def meadow(width: int, height: int) -> np.ndarray:
    """A green field darkening towards the bottom with a horizontal hue drift, uint8."""
    y = np.linspace(0.0, 1.0, height)[:, None]  # (H, 1)
    x = np.linspace(0.0, 1.0, width)[None, :]  # (1, W)
    red = 40 + 60 * x * (1 - y)
    green = 190 - 90 * y + 0 * x
    blue = 50 + 30 * (1 - x) * y
    return np.stack(np.broadcast_arrays(red, green, blue), axis=-1).round().astype(np.uint8)


def scene() -> Image.Image:
    """The sample picture, ``WIDTH × HEIGHT`` RGB."""
    horizon = int(HEIGHT * 0.62)
    canvas = sky(WIDTH, HEIGHT).copy()  # (H, W, 3)
    canvas[horizon:] = meadow(WIDTH, HEIGHT - horizon)
    image = Image.fromarray(canvas, "RGB")
    draw = ImageDraw.Draw(image)
    # Sun with a soft halo.
    halo = Image.new("L", image.size, 0)
    ImageDraw.Draw(halo).ellipse((330, 20, 450, 140), fill=150)
    halo = halo.filter(ImageFilter.GaussianBlur(14))
    image.paste((255, 230, 80), mask=halo)
    draw.ellipse((355, 45, 425, 115), fill=(255, 215, 0))
    # Mountains (blue-violet and magenta).
    draw.polygon([(0, horizon), (110, 90), (220, horizon)], fill=(90, 70, 170))
    draw.polygon([(140, horizon), (260, 120), (380, horizon)], fill=(200, 60, 160))
    draw.polygon([(110, 90), (132, 120), (88, 120)], fill=(245, 245, 255))  # snow cap
    # A red house with a cyan door and a yellow window.
    draw.rectangle((40, 205, 150, 280), fill=(215, 40, 40))
    draw.polygon([(30, 208), (95, 160), (160, 208)], fill=(120, 50, 30))
    draw.rectangle((80, 240, 105, 280), fill=(0, 200, 210))
    draw.rectangle((118, 222, 140, 242), fill=(250, 230, 60))
    # A blue pond with concentric ripples.
    draw.ellipse((250, 240, 430, 300), fill=(20, 60, 210))
    for inset in (20, 40):
        draw.ellipse(
            (250 + inset, 240 + inset // 3, 430 - inset, 300 - inset // 3),
            outline=(120, 170, 255),
            width=2,
        )
    # A tree: brown trunk, green crown.
    draw.rectangle((195, 215, 207, 275), fill=(110, 70, 30))
    draw.ellipse((170, 165, 232, 228), fill=(20, 130, 40))
    # A checkerboard kite (fine detail for edge filters).
    for r in range(4):
        for c in range(4):
            colour = (255, 255, 255) if (r + c) % 2 else (20, 20, 20)
            draw.rectangle((280 + 8 * c, 150 + 8 * r, 287 + 8 * c, 157 + 8 * r), fill=colour)
    draw.line((296, 182, 318, 230), fill=(60, 60, 60), width=1)
    return image


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    scene().save(OUT, "PNG", optimize=True)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
