"""The look of every chart in the browser, written out as plain layout and trace defaults.

These are the values Streamlit's own chart theme gave the app's charts with the app's light
theme (``.streamlit/config.toml``: text ``#1A1A1A``, the Okabe–Ito categorical colours), read
from the charts as the browser drew them. The app sends them as explicit defaults instead of a
theme or a Plotly template (:mod:`convviz.figures.common.browser_spec` says why), so a chart
looks as it did, and a figure's own settings always win over these.
"""

from __future__ import annotations

from convviz.style.palette import OKABE_ITO

FONT_FAMILY = '"Source Sans", sans-serif'  # Streamlit's body font, served by Streamlit itself
MUTED_TEXT = "#808495"  # ticks, axis titles and hover text
TEXT = "#1A1A1A"  # chart titles, as the page's text colour
LEGEND_TEXT = "#262730"
GRID = "#e6eaf1"
BACKGROUND = "#FFFFFF"
BLUES = [
    "#e4f5ff", "#c7ebff", "#a6dcff", "#83c9ff", "#60b4ff",
    "#3d9df3", "#1c83e1", "#0068c9", "#0054a3", "#004280",
]  # fmt: skip
REDS_TO_BLUES = [
    "#7d353b", "#bd4043", "#ff4b4b", "#ff8c8c", "#ffc7c7",
    "#a6dcff", "#60b4ff", "#1c83e1", "#0054a3", "#004280",
]  # fmt: skip


def _scale(colours: list[str]) -> list[list[float | str]]:
    """A Plotly colour scale with ``colours`` evenly spaced from 0 to 1."""
    return [[n / (len(colours) - 1), colour] for n, colour in enumerate(colours)]


def _axis(title_standoff: int) -> dict:
    return {
        "gridcolor": GRID,
        "zerolinecolor": GRID,
        "tickcolor": GRID,
        "minor": {"gridcolor": GRID},
        "tickfont": {"color": MUTED_TEXT, "size": 12},
        "title": {"font": {"color": MUTED_TEXT, "size": 14}, "standoff": title_standoff},
        "automargin": True,
    }


# Defaults for the layout; "xaxis" and "yaxis" apply to every x and y axis of a figure.
LAYOUT_DEFAULTS = {
    "font": {"family": FONT_FAMILY, "color": MUTED_TEXT, "size": 12, "weight": 400},
    "title": {
        "font": {"family": FONT_FAMILY, "size": 16, "color": TEXT},
        "pad": {"l": 4},
        "xanchor": "left",
        "x": 0,
    },
    "legend": {
        "title": {"font": {"size": 12, "color": MUTED_TEXT}, "side": "top"},
        "valign": "top",
        "bordercolor": "rgba(0,0,0,0)",
        "borderwidth": 0,
        "font": {"size": 12, "color": LEGEND_TEXT},
    },
    "paper_bgcolor": BACKGROUND,
    "plot_bgcolor": BACKGROUND,
    # the order of chartCategoricalColors in .streamlit/config.toml
    "colorway": [
        OKABE_ITO[name]
        for name in (
            "blue",
            "orange",
            "bluish_green",
            "vermillion",
            "sky_blue",
            "reddish_purple",
            "yellow",
            "black",
        )
    ],
    "colorscale": {
        "sequential": _scale(BLUES),
        "sequentialminus": _scale(BLUES),
        "diverging": _scale(REDS_TO_BLUES),
    },
    "margin": {"pad": 8, "r": 0, "l": 0},
    "hoverlabel": {
        "bgcolor": BACKGROUND,
        "bordercolor": "rgba(26, 26, 26, 0.2)",
        "font": {"color": MUTED_TEXT, "family": FONT_FAMILY, "size": 12},
    },
    "xaxis": {**_axis(20), "showgrid": False, "zeroline": False},
    "yaxis": {**_axis(24), "ticklabelposition": "outside"},
}

# Defaults per trace type.
TRACE_DEFAULTS = {
    "heatmap": {"colorscale": _scale(BLUES)},
    "scatter": {"marker": {"line": {"width": 0}}},
}
