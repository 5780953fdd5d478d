"""Section 3 of the dilated page: a stack (or parallel branches) of dilated layers, its
receptive field layer by layer, the path counts that show gridding holes, and the HDC rule.

Every function is pure (layers and ``lang`` in); the path counts are the engine's
(:func:`convviz.engine.paths.path_counts`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from convviz.engine.hdc import HdcCheck, hdc_check
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


def chain_formula(chain: Sequence[int], rates: Sequence[int]) -> str:
    """LaTeX of Wang et al.'s chain from ``M_n = r_n`` down to ``M_2``, every term shown."""
    n = len(chain)
    parts = [f"$M_{{{n}}} = r_{{{n}}} = {chain[-1]}$"]
    for i in range(n - 1, 1, -1):  # 1-based layer i, M_i from M_{i+1} and r_i
        later, rate = chain[i], rates[i - 1]
        terms = [later - 2 * rate, later - 2 * (later - rate), rate]
        written = f"{later} - 2\\cdot {rate},\\ {later} - 2({later} - {rate}),\\ {rate}"
        values = ", ".join(str(term) for term in terms)
        parts.append(f"$M_{{{i}}} = \\max[{written}] = \\max[{values}] = {chain[i - 1]}$")
    return ", ".join(parts)


def hdc_verdicts(check: HdcCheck, holes: int | None, lang: str) -> list[str]:
    """Markdown lines stating both HDC rules for ``check``, and where the heatmap disagrees.

    ``holes`` is the count of unreached pixels (None when the field is too wide to count).
    """
    if not check.rates:
        return [translate("dilated.stack.hdc_no_spread", lang)]
    rates = ", ".join(str(rate) for rate in check.rates)
    if check.factor > 1:
        lines = [translate("dilated.stack.hdc_bad", lang, rates=rates, gcd=check.factor)]
    else:
        lines = [translate("dilated.stack.hdc_ok", lang, rates=rates)]
    if check.m2 is None:
        return [*lines, translate("dilated.stack.hdc_one_layer", lang)]
    lines.append(
        translate("dilated.stack.hdc_chain", lang, chain=chain_formula(check.chain, check.rates))
    )
    if check.strided:
        lines.append(translate("dilated.stack.hdc_strided", lang))
    elif check.kernel_size is None:
        lines.append(translate("dilated.stack.hdc_mixed_k", lang))
    else:
        goal = "hdc_goal_ok" if check.meets_goal else "hdc_goal_bad"
        lines.append(translate(f"dilated.stack.{goal}", lang, m2=check.m2, k=check.kernel_size))
    if holes and check.factor == 1 and check.meets_goal is not False:
        lines.append(translate("dilated.stack.hdc_not_enough", lang))
    elif holes == 0 and check.meets_goal is False:
        lines.append(translate("dilated.stack.hdc_goal_missed_no_holes", lang))
    return lines


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
    verdicts += hdc_verdicts(hdc_check([tuple(layer) for layer in layers]), holes, lang)
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
