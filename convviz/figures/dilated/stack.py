"""Section 3 of the dilated page: a stack (or parallel branches) of dilated layers, its
receptive field layer by layer, the path counts that show gridding holes, and the HDC rule.

Every function is pure (layers and ``lang`` in); the path counts are the engine's
(:func:`convviz.engine.paths.path_counts`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from convviz.engine.causal import common_factor
from convviz.engine.paths import MAX_PATH_FIELD, gridding_holes, path_counts, path_counts_1d
from convviz.engine.receptive import field_steps
from convviz.figures.dilated.aspp import branch_rows, branches_figure
from convviz.figures.dilated.paths import MAX_FIELD_DRAWN, path_count_figure
from convviz.figures.dilated.receptive import effective_size, field_origin, stack_rows
from convviz.i18n import translate
from convviz.stacks import COLUMNS, Layer


def layers_table(layers: Sequence[Layer]) -> pd.DataFrame:
    """The layer editor's starting table: one row per layer, columns ``COLUMNS``."""
    return pd.DataFrame([list(layer) for layer in layers], columns=list(COLUMNS), dtype="int64")


def _engine_path_counts(layers: Sequence[Layer]) -> np.ndarray:
    """(r, r) path counts of the stack from the engine (index 0 = first pixel of the field)."""
    return np.asarray(path_counts([tuple(layer) for layer in layers]))


def _tap_mask(layer: Layer) -> np.ndarray:
    """(k̂, k̂) True where a tap of ``layer`` reads the input (a one-layer stack's paths)."""
    return _engine_path_counts([layer]) > 0


def field_holes(layers: Sequence[Layer], field: int) -> int | None:
    """Pixels of the r×r field no path reaches; None when the field is too wide to count.

    Rows and columns choose their taps independently, so a pixel is a hole when its row or its
    column offset is: with h of the r offsets unreached, r² − (r − h)² pixels are holes.
    """
    if field > MAX_PATH_FIELD:
        return None
    holes_1d = gridding_holes(path_counts_1d([tuple(layer) for layer in layers])).count
    return field * field - (field - holes_1d) ** 2


def _parallel_view(layers: tuple[Layer, ...], lang: str) -> dict:
    field = max(effective_size(layer) for layer in layers)
    figure = None
    if field <= MAX_FIELD_DRAWN:
        masks = [_tap_mask(layer) for layer in layers]
        figure = branches_figure(layers, masks, lang=lang)
    return {
        "texts": [translate("dilated.stack.parallel_intro", lang)],
        "table": branch_rows(layers, lang=lang),
        "figure": figure,
        "caption": "",
        "field": field,
        "limit": MAX_FIELD_DRAWN,
        "holes": 0,
        "verdicts": [],
    }


def stack_view(layers: tuple[Layer, ...], mode: str, lang: str) -> dict:
    """Section 3 for a valid stack: texts, table, heatmap (None when too large), verdicts.

    Returns
    -------
    dict
        ``texts`` (markdown above the table), ``table`` (rows), ``figure`` (go.Figure or
        None), ``caption``, ``field`` (the largest field), ``limit`` (largest side drawn),
        ``holes`` (pixels of the field no path reaches: 0 for parallel branches, None when
        the field is too wide to count) and ``verdicts`` (markdown under the figure: holes
        and the HDC rule).
    """
    layers = tuple(Layer(*layer) for layer in layers)
    if mode == "parallel":
        return _parallel_view(layers, lang)
    steps = field_steps([tuple(layer) for layer in layers])
    field = steps[-1].field
    params = sum(layer.kernel_size**2 for layer in layers)
    texts = [
        translate("dilated.stack.rule", lang, r0=1),
        translate("dilated.stack.result", lang, layers=len(layers), rf=field, params=params),
    ]
    figure = None
    if field <= MAX_FIELD_DRAWN:
        origin = field_origin(layers)
        counts = _engine_path_counts(layers)
        figure = path_count_figure(counts, (origin, origin), lang=lang)
    holes = field_holes(layers, field)
    total = field * field
    verdicts = []
    if holes:
        verdicts.append(translate("dilated.stack.holes", lang, holes=holes, total=total, rf=field))
    elif holes == 0:
        verdicts.append(translate("dilated.stack.no_holes", lang, total=total, rf=field))
    rates = ", ".join(str(layer.dilation) for layer in layers)
    factor = common_factor([layer.dilation for layer in layers])
    if factor > 1:
        verdicts.append(translate("dilated.stack.hdc_bad", lang, rates=rates, gcd=factor))
    else:
        verdicts.append(translate("dilated.stack.hdc_ok", lang, rates=rates))
        if holes:
            verdicts.append(translate("dilated.stack.hdc_not_enough", lang))
    return {
        "texts": texts,
        "table": stack_rows(steps, lang=lang),
        "figure": figure,
        "caption": translate("dilated.stack.heat_caption", lang),
        "field": field,
        "limit": MAX_FIELD_DRAWN,
        "holes": holes,
        "verdicts": verdicts,
    }
