"""What every view of the grouped page shares: which filters and channels form a group,
its colour, and the sentences that name a setting.

With ``g`` groups the ``C_in`` input channels and ``C_out`` filters split into ``g`` equal
parts; filter ``o`` belongs to group ``j = o // (C_out/g)`` and sees only input channels
``j·C_in/g … (j+1)·C_in/g − 1``.
"""

from __future__ import annotations

from collections.abc import Sequence

from convviz.engine.counting import conv_params
from convviz.engine.params import common_divisors
from convviz.i18n import translate
from convviz.style.palette import OKABE_ITO

# One colour per group, cycling; vermillion (and orange, too close to it) stay reserved for
# the selection.
GROUP_COLOURS = (
    OKABE_ITO["blue"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["black"],
)


def check_groups(in_channels: int, out_channels: int, groups: int) -> None:
    """Raise the engine's error when ``groups`` does not divide both channel counts."""
    conv_params(in_channels, out_channels, 1, groups=groups, bias=False)


def valid_groups(in_channels: int, out_channels: int) -> tuple[int, ...]:
    """Every ``g`` that divides both channel counts (the divisors of their gcd), ascending."""
    return common_divisors(in_channels, out_channels)


def group_colour(group: int) -> str:
    """The colour of group ``group`` in every figure of the page."""
    return GROUP_COLOURS[group % len(GROUP_COLOURS)]


def group_of(out_channel: int, out_channels: int, groups: int) -> int:
    """The group filter ``out_channel`` belongs to: ``out_channel // (C_out / g)``."""
    return out_channel // (out_channels // groups)


def first_input_channel(out_channel: int, in_channels: int, out_channels: int, groups: int) -> int:
    """The first input channel filter ``out_channel`` reads: ``group · C_in / g``."""
    return group_of(out_channel, out_channels, groups) * (in_channels // groups)


def channels_text(lo: int, hi: int) -> str:
    """``x2 … x3`` for a group's input channels, or ``x2`` when the group has one."""
    return f"x{lo}" if lo == hi else f"x{lo} … x{hi}"


def list_text(values: Sequence[int]) -> str:
    """``1, 2, 4`` — a list of valid settings as shown to the learner."""
    return ", ".join(str(v) for v in values)


def edges_sentence(in_channels: int, out_channels: int, groups: int) -> tuple[str, dict]:
    """The i18n key and values of the kernel count under the graph.

    ``C_in·C_out/g`` kernels, compared with the ``C_in·C_out`` of g = 1 only when g > 1.
    """
    values = {
        "cin": in_channels,
        "cout": out_channels,
        "g": groups,
        "edges": in_channels * out_channels // groups,
        "full": in_channels * out_channels,
    }
    return ("grouped.graph.edges" if groups > 1 else "grouped.graph.edges_standard"), values


def block_sentence(
    in_channels: int,
    out_channels: int,
    groups: int,
    *,
    labelled: bool = True,
    in_file: bool = False,
) -> tuple[str, dict]:
    """The i18n key and values of the block-diagonal weight's caption (no grey cells at g = 1).

    ``labelled``: whether the figure on screen prints each kernel's index ``o,c′`` in its
    cell; when the cells are too small for it, the caption says where to find it (on hover)
    instead. ``in_file``: the caption of an exported picture, which prints every index and
    cannot be hovered.
    """
    values = {
        "stored": in_channels * out_channels // groups,
        "total": in_channels * out_channels,
        "g": groups,
    }
    key = "grouped.block.caption" if groups > 1 else "grouped.block.caption_standard"
    suffix = "_file" if in_file else "" if labelled else "_unlabelled"
    return key + suffix, values


def kind_text(in_channels: int, out_channels: int, groups: int, *, lang: str) -> str:
    """One sentence naming the case: standard, grouped or depthwise (with its multiplier)."""
    if groups == 1:
        return translate("grouped.kind.standard", lang, cin=in_channels)
    if groups == in_channels:
        m = out_channels // in_channels
        multiplier = translate("grouped.kind.multiplier", lang, m=m) if m > 1 else ""
        return translate("grouped.kind.depthwise", lang, g=groups, multiplier=multiplier)
    return translate(
        "grouped.kind.grouped",
        lang,
        g=groups,
        cin=in_channels,
        cin_g=in_channels // groups,
        cout_g=out_channels // groups,
    )
