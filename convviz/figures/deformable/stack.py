"""Two stacked layers: the input pixels one output cell reaches through two deformable layers
(with the points that read them) beside the square of two standard layers."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine.deform_stack import StackedField
from convviz.figures.common.grid import GridSpec, panels_figure
from convviz.figures.deformable.data import NUMBERED_SIDE
from convviz.figures.deformable.sampling import MOVED_COLOUR, REGULAR_COLOUR
from convviz.i18n import translate
from convviz.style.palette import CellKind


def _field_spec(x: np.ndarray, field: StackedField, title: str) -> GridSpec:
    """The input with the pixels outside the field greyed out (a picture without numbers,
    coloured by value, above 12×12)."""
    kinds = np.where(field.field, int(CellKind.REAL), int(CellKind.OUTSIDE))
    picture = max(x.shape) > NUMBERED_SIDE
    return GridSpec(
        x,
        title=title,
        role="input",
        kinds=kinds,
        labels=np.full(x.shape, "", dtype=object) if picture else None,
        value_range=(float(x.min()), float(x.max())),
        **({"colour_by": "value"} if picture else {}),
    )


def stack_figure(x: np.ndarray, deformable: StackedField, standard: StackedField, lang: str):
    """Both receptive fields over the input; the layer-1 points drawn on the deformable one."""
    specs = [
        _field_spec(x, deformable, translate("deformable.stack.deformable", lang)),
        _field_spec(x, standard, translate("deformable.stack.standard", lang)),
    ]
    figure = panels_figure(specs)
    traces = []
    for axis, field in (("", deformable), ("2", standard)):
        points = field.bottom_points
        traces += [
            go.Scatter(
                x=points[:, 1],
                y=points[:, 0],
                mode="markers",
                marker={
                    "size": 5 + 5 * np.clip(field.bottom_weights, 0, 1),
                    "color": MOVED_COLOUR,
                    "opacity": 0.8,
                },
                xaxis=f"x{axis}",
                yaxis=f"y{axis}",
                hoverinfo="skip",
                showlegend=False,
            ),
            go.Scatter(
                x=field.top_points[:, 1],
                y=field.top_points[:, 0],
                mode="markers",
                marker={"symbol": "diamond-open", "size": 12, "color": REGULAR_COLOUR},
                xaxis=f"x{axis}",
                yaxis=f"y{axis}",
                hoverinfo="skip",
                showlegend=False,
            ),
        ]
    figure.add_traces(traces)
    return figure
