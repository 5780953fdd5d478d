"""The PyTorch code of the dilated page: the sidebar's layer with the same input and weights,
then the stack as ``nn.Sequential`` (or the parallel branches as an ``nn.ModuleList``).
"""

from __future__ import annotations

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.sizes import conv_output_size
from convviz.figures.common.code_text import grid_literal
from convviz.figures.dilated.compare import COMPARE_SIZE, same_size_output
from convviz.figures.dilated.kernel import kernel_values
from convviz.i18n import translate
from convviz.stacks import Layer

CHANNELS = 64  # channels of the stack and branches in the code (any count runs the same)


def _conv_line(layer: Layer) -> str:
    k, s, d = layer
    return (
        f"nn.Conv2d(channels, channels, kernel_size={k}, stride={s}, "
        f"padding={(d * (k - 1)) // 2}, dilation={d})"
    )


def _stack_code(layers: list[Layer], lang: str) -> list[str]:
    """The stack as ``nn.Sequential`` run on a 64×64 map, its output shape printed."""
    lines = [translate("dilated.code.stack", lang), "stack = nn.Sequential("]
    for layer in layers:
        lines += [f"    {_conv_line(layer)},", "    nn.ReLU(),"]
    lines.append(")")
    size = COMPARE_SIZE
    try:
        o = same_size_output(size, layers)
    except ConvValueError:
        return [*lines, translate("dilated.code.stack_too_small", lang, size=size)]
    return [
        *lines,
        f"y = stack(torch.randn(1, channels, {size}, {size}))",
        f"print(y.shape)  # torch.Size([1, {CHANNELS}, {o}, {o}])",
    ]


def _branches_code(layers: list[Layer], lang: str) -> list[str]:
    """Parallel branches on one 64×64 map, concatenated when their outputs line up."""
    size = COMPARE_SIZE
    lines = [translate("dilated.code.branches", lang), "branches = nn.ModuleList(["]
    lines += [f"    {_conv_line(layer)}," for layer in layers]
    lines += [
        "])",
        f"features = torch.randn(1, channels, {size}, {size})",
        "outputs = [branch(features) for branch in branches]",
    ]
    sides = [same_size_output(size, [layer]) for layer in layers]
    if len(set(sides)) > 1:
        shapes = ", ".join(f"({o}, {o})" for o in sides)
        return [
            *lines,
            f"print([tuple(y.shape[2:]) for y in outputs])  # [{shapes}]",
            translate("dilated.code.branches_differ", lang),
        ]
    o = sides[0]
    return [
        *lines,
        "y = torch.cat(outputs, dim=1)",
        f"print(y.shape)  # torch.Size([1, {CHANNELS * len(layers)}, {o}, {o}])",
    ]


def pytorch_snippet(
    x: np.ndarray | None,
    kernel: np.ndarray,
    layers: list[Layer] | None,
    *,
    input_size: int,
    stride: int,
    padding: int,
    dilation: int,
    output_shape: tuple[int, int] | None,
    mode: str = "stack",
    lang: str,
) -> str:
    """PyTorch code for the sidebar's layer (with its input and weights) and the stack.

    Parameters
    ----------
    x : np.ndarray, optional
        (H, W) input values; random ones of side ``input_size`` when missing.
    kernel : np.ndarray
        (k, k) weights.
    layers : list of Layer, optional
        The stack of section 3 (omitted when it is invalid).
    stride, padding, dilation : int
    output_shape : (int, int), optional
        The engine's output shape, printed as the expected result; None when the setting
        gives no output (the layer is then built but not run).
    mode : {"stack", "parallel"}
    lang : {"en", "zh"}

    Returns
    -------
    str
        Runnable Python: ``nn.Conv2d(1, 1, kernel_size=k, stride=s, padding=p, dilation=d)``
        applied to the same numbers, then the stack as ``nn.Sequential`` (or the parallel
        branches as an ``nn.ModuleList`` concatenated along channels).
    """
    k = kernel.shape[0]
    lines = [
        "import torch",
        "from torch import nn",
        "",
        translate("dilated.code.one_layer", lang),
        f"x = {grid_literal(x)}  # (1, 1, {input_size}, {input_size})"
        if x is not None
        else f"x = torch.randn(1, 1, {input_size}, {input_size})",
        f"conv = nn.Conv2d(1, 1, kernel_size={k}, stride={stride}, padding={padding}, "
        f"dilation={dilation}, bias=False)",
        "with torch.no_grad():",
        f"    conv.weight.copy_({grid_literal(kernel, indent='    ')})",
    ]
    if output_shape is None:  # the page shows the error: running the layer would raise
        lines.append(translate("dilated.code.layer_not_run", lang))
    else:
        lines += [
            "y = conv(x)",
            "print(y[0, 0])",
            f"print(y.shape)  # torch.Size([1, 1, {output_shape[0]}, {output_shape[1]}])",
        ]
    if layers:
        lines += ["", f"channels = {CHANNELS}"]
        lines += (_branches_code if mode == "parallel" else _stack_code)(layers, lang)
    return "\n".join(lines)


def code_note(x: np.ndarray | None) -> str:
    """The i18n key of what the code reproduces: the sidebar layer's numbers, when it has x."""
    return "dilated.code.note" if x is not None else "dilated.code.note_random"


def code_view(
    x: np.ndarray | None,
    fill: str,
    layers: tuple | None,
    mode: str,
    *,
    lang: str,
    input_size: int,
    kernel_size: int,
    stride: int,
    padding: int,
    dilation: int,
) -> str:
    """The PyTorch tab: the code of the sidebar layer and of the stack."""
    try:
        o = conv_output_size(input_size, kernel_size, stride, padding, dilation)
        shape = (o, o)
    except ValueError:
        shape = None
    return pytorch_snippet(
        x,
        kernel_values(fill, kernel_size),
        [Layer(*layer) for layer in layers] if layers else None,
        input_size=input_size,
        stride=stride,
        padding=padding,
        dilation=dilation,
        output_shape=shape,
        mode=mode,
        lang=lang,
    )
