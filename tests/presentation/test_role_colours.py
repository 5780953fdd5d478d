"""Colour by role is colour-blind safe: the fills that share a grid stay apart under simulated
protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1), the
role tints of neighbouring panels too, and the window's outline has a contrast of at least
4.5:1 with every fill it is drawn over (WCAG's ratio)."""

from __future__ import annotations

import numpy as np
import pytest

from convviz.style.palette import HIGHLIGHT, KIND_FILL, ROLE_FILL, TEXT_DARK, CellKind

# Machado et al. 2009, severity 1.0: linear-RGB matrices simulating each deficiency.
SIMULATIONS = {
    "normal": np.eye(3),
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
         [-0.003882, -0.048116, 1.051998]]
    ),
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
         [-0.011820, 0.042940, 0.968881]]
    ),
    "tritanopia": np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
         [0.004733, 0.691367, 0.303900]]
    ),
}  # fmt: skip
FILLS = {
    **ROLE_FILL,
    "padding": KIND_FILL[CellKind.BORDER_PAD],
    "inserted zero": KIND_FILL[CellKind.INSERTED_ZERO],
    "output_padding": KIND_FILL[CellKind.OUTPUT_PAD],
    "not reached": KIND_FILL[CellKind.OUTSIDE],
}
# Fills that meet in one grid (padded input, zero-inserted grid, scatter canvas, C) and the
# role tints of panels drawn side by side.
SAME_GRID = [
    ("input", "padding"),
    ("input", "inserted zero"),
    ("padding", "inserted zero"),
    ("output", "output_padding"),
    ("output", "not reached"),
    ("output_padding", "not reached"),
    ("other", "not reached"),
]
SIDE_BY_SIDE = [("input", "kernel"), ("input", "output"), ("kernel", "output")]


def linear(colour: str) -> np.ndarray:
    """sRGB ``"#RRGGBB"`` as linear RGB in [0, 1]."""
    c = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(rgb: np.ndarray) -> np.ndarray:
    """CIE L*a*b* (D65) of linear RGB."""
    xyz = np.array(
        [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]
    ) @ np.clip(rgb, 0, 1)
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > 0.008856, np.cbrt(t), 7.787 * t + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen_difference(a: str, b: str, vision: str) -> float:
    """CIE76 ΔE between two colours as ``vision`` sees them."""
    m = SIMULATIONS[vision]
    return float(np.linalg.norm(lab(m @ linear(a)) - lab(m @ linear(b))))


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    lum = [float(np.array([0.2126, 0.7152, 0.0722]) @ linear(c)) for c in (a, b)]
    return (max(lum) + 0.05) / (min(lum) + 0.05)


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_fills_of_one_grid_stay_apart_for_every_colour_vision(vision):
    for a, b in SAME_GRID:
        assert seen_difference(FILLS[a], FILLS[b], vision) >= 6, (a, b)


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_role_tints_of_neighbouring_panels_stay_apart(vision):
    for a, b in SIDE_BY_SIDE:
        assert seen_difference(FILLS[a], FILLS[b], vision) >= 6, (a, b)


def test_the_window_outline_and_the_numbers_stand_out_on_every_fill():
    for name, fill in FILLS.items():
        assert contrast(HIGHLIGHT, fill) >= 4.5, name
        assert contrast(TEXT_DARK, fill) >= 7, name


def test_quiet_fills_are_lighter_than_the_role_tints():
    """Padding and inserted zeros are the calm cells: lighter than any real value's tint."""
    lightness = {name: lab(linear(colour))[0] for name, colour in FILLS.items()}
    for quiet in ("padding", "inserted zero", "not reached"):
        assert lightness[quiet] > max(lightness[r] for r in ("input", "kernel", "output"))
