"""One colour-blind-safe visual language for every figure and exported image.

Categorical colours are the Okabe–Ito palette; values use "cividis" (sequential, readable
with any common colour-vision deficiency) or a purple–orange diverging scale for signed data.
Cell kinds say what a grid cell *is*, independent of its value.
"""

from __future__ import annotations

import itertools

from convviz.engine.cells import CellKind  # figures and exporters import it from here too

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# Fill colours for cells whose meaning is their kind, not their value: padding and inserted
# zeros light and quiet (they hold no information of the input), output_padding a pale orange.
KIND_FILL = {
    CellKind.INSERTED_ZERO: "#FBF6EC",  # warm near-white
    CellKind.BORDER_PAD: "#E8E8E8",  # light grey
    CellKind.OUTPUT_PAD: "#FCEBCB",  # pale orange
    CellKind.OUTSIDE: "#F7F7F7",
    CellKind.KERNEL: "#BFE5D7",  # light bluish green
}
KIND_TEXT = "#666666"  # numbers on kind-filled cells: readable, quieter than real values
# Colouring by role (the default): real cells in a light tint of their panel's role colour,
# so input, kernel and output read apart at a glance and every number stays dark on light.
# The kernel's tint is a little darker than the input's, so the two differ in lightness as
# well as in hue (blue and green tints look alike to tritanopes).
ROLE_FILL = {
    "input": "#D0E4F5",  # light blue
    "kernel": "#BCE3D0",  # light bluish green
    "output": "#F9D6A0",  # light orange
    "other": "#D9D9D9",  # light grey
}
# Outline colours: the window / selection, and the tap a trace is on. The window and the
# output cell being computed are a bold outline in dark vermillion (contrast at least 4.5:1
# with every fill above) over a translucent fill of Okabe-Ito vermillion.
HIGHLIGHT = "#A33E00"  # Okabe-Ito vermillion, darker (same hue)
HIGHLIGHT_TINT = OKABE_ITO["vermillion"]
HIGHLIGHT_FILL = "rgba(213, 94, 0, 0.28)"  # HIGHLIGHT_TINT at 28 % over the cells
HIGHLIGHT_ALPHA = 0.28
HIGHLIGHT_WIDTH = 4.0  # px on screen
SECONDARY_HIGHLIGHT = OKABE_ITO["blue"]
TEXT_DARK = "#1A1A1A"
TEXT_LIGHT = "#FFFFFF"

# Cividis (Nuñez, Anderton & Renslow 2018): even in lightness and readable with any colour
# vision. These are the anchors Plotly ships; the browser and the Pillow exports both use them.
CIVIDIS_ANCHORS = (
    "#00224e",
    "#123570",
    "#3b496c",
    "#575d6d",
    "#707173",
    "#8a8678",
    "#a59c74",
    "#c3b369",
    "#e1cc55",
    "#fee838",
)
# Written out (not the name "cividis"): figures built without Plotly's validation send it as is.
SEQUENTIAL_SCALE = [
    [i / (len(CIVIDIS_ANCHORS) - 1), colour] for i, colour in enumerate(CIVIDIS_ANCHORS)
]
# Purple–orange diverging scale (ColorBrewer PuOr), safe for red–green deficiencies.
DIVERGING_SCALE = [
    [0.0, "#542788"],
    [0.25, "#998EC3"],
    [0.5, "#F7F7F7"],
    [0.75, "#F1A340"],
    [1.0, "#B35806"],
]

# Role colours for diagrams (connectivity graphs, layer stacks, legends).
ROLE_COLOUR = {
    "input": OKABE_ITO["blue"],
    "kernel": OKABE_ITO["bluish_green"],
    "output": OKABE_ITO["orange"],
    "highlight": OKABE_ITO["vermillion"],
    "muted": "#999999",
}


def scale_rgb(scale: list, t: float) -> tuple[int, int, int]:
    """The colour of the Plotly colour scale ``scale`` (``[[position, "#RRGGBB"], …]``,
    positions rising from 0 to 1) at ``t`` in [0, 1] as an RGB triple, interpolated linearly
    between its stops as Plotly does; ``t`` outside [0, 1] is clipped."""
    t = min(max(float(t), 0.0), 1.0)
    stops = [(float(pos), tuple(int(c[k : k + 2], 16) for k in (1, 3, 5))) for pos, c in scale]
    for (p0, c0), (p1, c1) in itertools.pairwise(stops):
        if t <= p1:
            frac = (t - p0) / (p1 - p0) if p1 > p0 else 0.0
            return tuple(round(a + (b - a) * frac) for a, b in zip(c0, c1, strict=True))
    return stops[-1][1]


def hex_colour(rgb: tuple[int, int, int]) -> str:
    """An RGB triple as ``"#RRGGBB"``."""
    r, g, b = rgb
    return f"#{r:02X}{g:02X}{b:02X}"


def cividis_rgb(t: float) -> tuple[int, int, int]:
    """The cividis colour at ``t`` in [0, 1] as an RGB triple (for Pillow exports)."""
    return scale_rgb(SEQUENTIAL_SCALE, t)


def text_colour_for(t: float) -> str:
    """Dark or light text, whichever reads better on cividis at ``t`` in [0, 1]."""
    return TEXT_DARK if t >= 0.55 else TEXT_LIGHT
