"""Named configurations a teacher can pick, as data shared by the pages and the tests.

Each preset sets some of the widget keys in :mod:`convviz.param_specs`; the rest keep their
current values. Titles are translation keys (``preset.<page>.<name>``).
"""

from __future__ import annotations

from typing import NamedTuple

from convviz.stacks import STACK_PRESETS, format_layers


class Preset(NamedTuple):
    """A named setting of some hyper-parameters for one page."""

    name: str  # stable id; the title is translated from preset.<page>.<name>
    values: dict[str, int | str]


# The 3-D page: a moving-square clip of 5 frames of 5×5 unless a preset says otherwise.
_CLIP_3D = {"clip": "moving", "frames": 5, "input_size": 5, "input_size_w": 5}


def _kernel_3d(kernel: tuple[int, int, int], padding: tuple[int, int, int]) -> dict[str, int]:
    """The 3-D page's kernel and padding keys for ``(kD, kH, kW)`` and ``(p_d, p_h, p_w)``,
    at stride 1 and dilation 1 on every axis."""
    return {
        "kernel_depth": kernel[0],
        "kernel_size": kernel[1],
        "kernel_size_w": kernel[2],
        "padding_depth": padding[0],
        "padding": padding[1],
        "padding_w": padding[2],
        "stride_depth": 1,
        "stride": 1,
        "stride_w": 1,
        "dilation_depth": 1,
        "dilation": 1,
        "dilation_w": 1,
    }


PRESETS: dict[str, tuple[Preset, ...]] = {
    "transposed": (
        Preset(
            "no_padding_unit_stride",
            {
                "input_size": 2,
                "kernel_size": 3,
                "stride": 1,
                "padding": 0,
                "output_padding": 0,
                "dilation": 1,
            },
        ),
        Preset(
            "padding",
            {
                "input_size": 4,
                "kernel_size": 3,
                "stride": 1,
                "padding": 1,
                "output_padding": 0,
                "dilation": 1,
            },
        ),
        Preset(
            "stride_two",
            {
                "input_size": 2,
                "kernel_size": 3,
                "stride": 2,
                "padding": 0,
                "output_padding": 0,
                "dilation": 1,
            },
        ),
        Preset(
            "upsample_k2_s2",
            {
                "input_size": 2,
                "kernel_size": 2,
                "stride": 2,
                "padding": 0,
                "output_padding": 0,
                "dilation": 1,
            },
        ),
        Preset(
            "round_trip_64_32_64",
            {
                "input_size": 4,
                "kernel_size": 3,
                "stride": 2,
                "padding": 1,
                "output_padding": 1,
                "dilation": 1,
            },
        ),
        Preset(
            "dcgan_k4_s2_p1",
            {
                "input_size": 4,
                "kernel_size": 4,
                "stride": 2,
                "padding": 1,
                "output_padding": 0,
                "dilation": 1,
            },
        ),
        Preset(
            "dilated",
            {
                "input_size": 3,
                "kernel_size": 3,
                "stride": 1,
                "padding": 0,
                "output_padding": 0,
                "dilation": 2,
            },
        ),
    ),
    "standard": (
        Preset(
            "no_padding_unit_stride",
            {
                "input_size": 4,
                "input_size_w": 4,
                "kernel_size": 3,
                "kernel_size_w": 3,
                "stride": 1,
                "stride_w": 1,
                "padding": 0,
                "padding_w": 0,
                "dilation": 1,
            },
        ),
        Preset(
            "same_padding",
            {
                "input_size": 5,
                "input_size_w": 5,
                "kernel_size": 3,
                "kernel_size_w": 3,
                "stride": 1,
                "stride_w": 1,
                "padding": 1,
                "padding_w": 1,
                "dilation": 1,
            },
        ),
        Preset(
            "stride_two",
            {
                "input_size": 5,
                "input_size_w": 5,
                "kernel_size": 3,
                "kernel_size_w": 3,
                "stride": 2,
                "stride_w": 2,
                "padding": 1,
                "padding_w": 1,
                "dilation": 1,
            },
        ),
        Preset(
            "floor_leftover",
            {
                "input_size": 6,
                "input_size_w": 6,
                "kernel_size": 3,
                "kernel_size_w": 3,
                "stride": 2,
                "stride_w": 2,
                "padding": 0,
                "padding_w": 0,
                "dilation": 1,
            },
        ),
        Preset(
            "rectangular",
            {
                "input_size": 5,
                "input_size_w": 7,
                "kernel_size": 2,
                "kernel_size_w": 3,
                "stride": 1,
                "stride_w": 2,
                "padding": 0,
                "padding_w": 1,
                "dilation": 1,
            },
        ),
    ),
    "dilated": (
        Preset(
            "dilation_two",
            {"input_size": 7, "kernel_size": 3, "stride": 1, "padding": 0, "dilation": 2},
        ),
        Preset(
            "same_size",
            {"input_size": 7, "kernel_size": 3, "stride": 1, "padding": 2, "dilation": 2},
        ),
        Preset(
            "dilation_three",
            {"input_size": 9, "kernel_size": 3, "stride": 1, "padding": 0, "dilation": 3},
        ),
        Preset(
            "stride_equals_dilation",
            {"input_size": 9, "kernel_size": 3, "stride": 2, "padding": 0, "dilation": 2},
        ),
    ),
    # Layer stacks of the dilated page's receptive-field section (the table is convviz.stacks).
    "dilated_stack": tuple(
        Preset(p.name, {"layers": format_layers(p.layers), "stack_mode": p.mode})
        for p in STACK_PRESETS
    ),
    "grouped": (
        Preset("standard", {"in_channels": 4, "out_channels": 4, "groups": 1}),
        Preset("two_groups_alexnet", {"in_channels": 4, "out_channels": 4, "groups": 2}),
        Preset("depthwise", {"in_channels": 4, "out_channels": 4, "groups": 4}),
        Preset("depthwise_multiplier", {"in_channels": 4, "out_channels": 8, "groups": 4}),
        # ResNeXt-style: many groups of a few channels each.
        Preset("resnext_cardinality", {"in_channels": 16, "out_channels": 16, "groups": 8}),
        # MobileNet's depthwise layer on 8 channels; section 3 adds its 1×1 partner.
        Preset("mobilenet_depthwise", {"in_channels": 8, "out_channels": 8, "groups": 8}),
    ),
    "conv3d": (
        Preset("c3d_layer", {**_CLIP_3D, **_kernel_3d((3, 3, 3), (1, 1, 1)), "kernel3d": "random"}),
        Preset(
            "ji_7x7x3",
            {**_CLIP_3D, "frames": 5, "input_size": 9, "input_size_w": 9,
             **_kernel_3d((3, 7, 7), (0, 0, 0)), "kernel3d": "random"},
        ),
        Preset(
            "ji_7x6x3",
            {**_CLIP_3D, "frames": 5, "input_size": 9, "input_size_w": 9,
             **_kernel_3d((3, 7, 6), (0, 0, 0)), "kernel3d": "random"},
        ),
        Preset(
            "temporal_difference",
            {**_CLIP_3D, "frames": 6, "input_size": 6, "input_size_w": 6,
             **_kernel_3d((2, 1, 1), (0, 0, 0)), "kernel3d": "temporal_difference"},
        ),
        Preset(
            "r2plus1d_spatial",
            {**_CLIP_3D, **_kernel_3d((1, 3, 3), (0, 1, 1)), "kernel3d": "random"},
        ),
        Preset(
            "r2plus1d_temporal",
            {**_CLIP_3D, **_kernel_3d((3, 1, 1), (1, 0, 0)), "kernel3d": "random"},
        ),
    ),
}  # fmt: skip


def presets_for(page: str) -> tuple[Preset, ...]:
    """The presets of ``page`` (empty when the page has none)."""
    return PRESETS.get(page, ())


def matching_preset(page: str, values: dict[str, object]) -> Preset | None:
    """The first preset of ``page`` whose every value equals the current ``values``, if any."""
    for preset in presets_for(page):
        if all(values.get(k) == v for k, v in preset.values.items()):
            return preset
    return None
