"""The deformable page's arithmetic written out: one cell's sum, one point's bilinear read,
and the table of every tap, all from a :class:`~convviz.engine.deform_trace.CellSampling`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from convviz.engine.deform_trace import CellSampling
from convviz.figures.common.grid import format_number
from convviz.i18n import translate


def _factor(value: float, decimals: int = 2) -> str:
    text = format_number(value, decimals)
    return f"({text})" if text.startswith("-") else text


def _pair(values: np.ndarray) -> str:
    return f"({format_number(values[0])}, {format_number(values[1])})"


def sum_line(sampling: CellSampling, *, masked: bool) -> str:
    """``y[i, j] = w·x̃ + … = total`` (``w·m·x̃`` with a mask), taps in row-major order."""
    i, j = sampling.cell
    terms = []
    for w, m, v in zip(sampling.weights, sampling.mask, sampling.values, strict=True):
        factors = [_factor(w)] + ([_factor(m)] if masked else []) + [_factor(v, 3)]
        terms.append("·".join(factors))
    return f"y[{i}, {j}] = {' + '.join(terms)} = {format_number(sampling.total, 3)}"


def point_lines(sampling: CellSampling, tap: int, lang: str) -> list[str]:
    """Markdown lines that open up tap ``tap``: where it starts, where it moves, how it is read."""
    t = tap
    a, b = divmod(t, sampling.kernel_hw[1])
    y, x = sampling.points[t]
    lines = [
        translate(
            "deformable.point.where",
            lang,
            t=t,
            a=a,
            b=b,
            regular=_pair(sampling.regular[t]),
            offset=_pair(sampling.offsets[t]),
            point=_pair(sampling.points[t]),
        )
    ]
    if sampling.corner_weights[t].sum() == 0:  # outside the square −1 < y < H, −1 < x < W
        lines.append(translate("deformable.point.outside", lang))
        return lines
    y0, x0 = int(np.floor(y)), int(np.floor(x))
    ly, lx = y - y0, x - x0
    weights = sampling.corner_weights[t]
    values = sampling.corner_values[t]
    terms = " + ".join(
        f"{format_number(w, 4)}·{_factor(v)}" for w, v in zip(weights, values, strict=True)
    )
    lines.append(
        translate(
            "deformable.point.weights",
            lang,
            y0=y0,
            x0=x0,
            ly=format_number(ly, 4),
            lx=format_number(lx, 4),
        )
    )
    lines.append(
        f"x̃{_pair(sampling.points[t])} = {terms} = **{format_number(sampling.values[t], 4)}**"
    )
    outside = int((~sampling.corner_inside[t] & (weights > 0)).sum())
    if outside:
        lines.append(translate("deformable.point.some_outside", lang, n=outside))
    return lines


def taps_table(sampling: CellSampling, *, masked: bool, lang: str) -> pd.DataFrame:
    """One row per tap: weight, regular point, offset, moved point, read, mask, product."""
    columns = ["tap", "weight", "regular", "offset", "point", "read"]
    columns += ["mask"] if masked else []
    columns += ["product"]
    rows = []
    for t in range(len(sampling.values)):
        row = {
            "tap": t,
            "weight": format_number(sampling.weights[t]),
            "regular": _pair(sampling.regular[t]),
            "offset": _pair(sampling.offsets[t]),
            "point": _pair(sampling.points[t]),
            "read": format_number(sampling.values[t], 4),
            "mask": format_number(sampling.mask[t]),
            "product": format_number(sampling.products[t], 4),
        }
        rows.append([row[c] for c in columns])
    return pd.DataFrame(rows, columns=[translate(f"deformable.table.{c}", lang) for c in columns])
