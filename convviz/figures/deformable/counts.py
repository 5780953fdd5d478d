"""Where a deformable layer's offsets come from: the offset (and mask) convolutions beside the
main one, their parameters and multiply-accumulates against a standard layer."""

from __future__ import annotations

import pandas as pd

from convviz.engine.deform_counts import deform_counts
from convviz.i18n import translate


def counts_view(
    *,
    in_channels: int,
    out_channels: int,
    kernel_size: int,
    out_size: int,
    offset_groups: int,
    modulated: bool,
    lang: str,
) -> dict:
    """The table of layers and the sentences that compare the block with a standard layer.

    Raises
    ------
    ConvValueError
        When ``offset_groups`` does not divide ``in_channels``.
    """
    k = kernel_size
    counts = deform_counts(
        in_channels,
        out_channels,
        k,
        (out_size, out_size),
        offset_groups=offset_groups,
        modulated=modulated,
    )
    rows = [
        [
            translate(f"deformable.counts.layer.{layer.name}", lang),
            f"Conv2d({layer.in_channels}, {layer.out_channels}, {k})",
            f"{layer.params:,}",
            f"{layer.macs:,}",
        ]
        for layer in counts.layers
    ]
    rows.append(
        [translate("deformable.counts.layer.reads", lang), "", "0", f"{counts.bilinear_macs:,}"]
    )
    rows.append(
        [
            translate("deformable.counts.layer.total", lang),
            "",
            f"{counts.params:,}",
            f"{counts.macs:,}",
        ]
    )
    header = [
        translate(f"deformable.counts.col.{c}", lang) for c in ("layer", "conv", "params", "macs")
    ]
    standard = counts.standard
    extra_params = counts.params - standard.params
    extra_macs = counts.macs - standard.macs
    g, taps = offset_groups, k * k
    texts = [
        translate(
            "deformable.counts.offset_channels",
            lang,
            g=g,
            k=k,
            channels=2 * g * taps,
        )
    ]
    if modulated:
        texts.append(
            translate("deformable.counts.mask_channels", lang, g=g, k=k, channels=g * taps)
        )
    texts.append(
        translate(
            "deformable.counts.compare",
            lang,
            params=f"{standard.params:,}",
            extra_params=f"{extra_params:,}",
            params_pct=f"{100 * extra_params / standard.params:.1f}",
            macs=f"{standard.macs:,}",
            extra_macs=f"{extra_macs:,}",
            macs_pct=f"{100 * extra_macs / standard.macs:.1f}",
        )
    )
    channels = sum(layer.out_channels for layer in counts.layers if layer.name != "main")
    return {
        "table": pd.DataFrame(rows, columns=header),
        "texts": texts,
        "counts": counts,
        "channels": channels,
    }
