"""The hyper-parameters a learner can set, as data: range, default and text keys.

Widget keys (and URL query parameters) are the engine's parameter names, so a link such as
``/transposed?kernel_size=4&stride=2&padding=1`` reproduces a state. Ranges are deliberately
wider than what is always valid (e.g. padding larger than the kernel allows): invalid
combinations are explained by the engine's errors, which is part of the lesson.
"""

from __future__ import annotations

from typing import NamedTuple


class ParamSpec(NamedTuple):
    """An integer hyper-parameter control."""

    key: str  # widget key = URL parameter = engine argument name
    min_value: int
    max_value: int
    default: int
    label_key: str
    help_key: str


PARAM_SPECS: dict[str, ParamSpec] = {
    spec.key: spec
    for spec in (
        ParamSpec("input_size", 1, 12, 5, "param.input_size", "help.input_size"),
        ParamSpec("input_size_w", 1, 12, 5, "param.input_size_w", "help.input_size_w"),
        ParamSpec("kernel_size", 1, 7, 3, "param.kernel_size", "help.kernel_size"),
        ParamSpec("kernel_size_w", 1, 7, 3, "param.kernel_size_w", "help.kernel_size_w"),
        ParamSpec("stride", 1, 4, 1, "param.stride", "help.stride"),
        ParamSpec("stride_w", 1, 4, 1, "param.stride_w", "help.stride_w"),
        ParamSpec("padding", 0, 4, 0, "param.padding", "help.padding"),
        ParamSpec("padding_w", 0, 4, 0, "param.padding_w", "help.padding_w"),
        ParamSpec("dilation", 1, 4, 1, "param.dilation", "help.dilation"),
        ParamSpec("output_padding", 0, 3, 0, "param.output_padding", "help.output_padding"),
        ParamSpec("groups", 1, 16, 1, "param.groups", "help.groups"),
        ParamSpec("in_channels", 1, 16, 4, "param.in_channels", "help.in_channels"),
        ParamSpec("out_channels", 1, 16, 4, "param.out_channels", "help.out_channels"),
        ParamSpec("seed", 0, 9999, 0, "param.seed", "help.seed"),
        ParamSpec("frames", 1, 8, 5, "conv3d.param.frames", "conv3d.help.frames"),
        ParamSpec("kernel_depth", 1, 5, 3, "conv3d.param.kernel_depth", "conv3d.help.kernel_depth"),
        ParamSpec("stride_depth", 1, 3, 1, "conv3d.param.stride_depth", "conv3d.help.stride_depth"),
        ParamSpec(
            "padding_depth", 0, 3, 0, "conv3d.param.padding_depth", "conv3d.help.padding_depth"
        ),
        ParamSpec(
            "dilation_depth", 1, 3, 1, "conv3d.param.dilation_depth", "conv3d.help.dilation_depth"
        ),
        ParamSpec("dilation_w", 1, 4, 1, "conv3d.param.dilation_w", "conv3d.help.dilation_w"),
        ParamSpec("step", 0, 999, 0, "conv3d.param.step", "conv3d.help.step"),
        ParamSpec("wavenet_layers", 1, 7, 4, "param.wavenet_layers", "help.wavenet_layers"),
        ParamSpec("pixel_row", 0, 11, 0, "pointwise.param.pixel_row", "pointwise.help.pixel"),
        ParamSpec("pixel_col", 0, 11, 0, "pointwise.param.pixel_col", "pointwise.help.pixel"),
        ParamSpec("cell_row", 0, 15, 0, "deformable.param.cell_row", "deformable.help.cell"),
        ParamSpec("cell_col", 0, 15, 0, "deformable.param.cell_col", "deformable.help.cell"),
        ParamSpec("tap", 0, 24, 0, "deformable.param.tap", "deformable.help.tap"),
        ParamSpec(
            "kernel_seed", 0, 9999, 0, "transposed.param.kernel_seed", "transposed.help.kernel_seed"
        ),
    )
}

PADDING_MODES = ("zeros", "reflect", "replicate", "circular")
INPUT_KINDS = ("arange", "random", "ones", "custom")
