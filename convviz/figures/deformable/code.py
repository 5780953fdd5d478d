"""PyTorch code for the deformable page: ``torchvision.ops.deform_conv2d`` on the page's input,
kernel, offsets and mask, printing the chosen output cell, and the offset convolution that
would predict the offsets in a network.

The offsets are written so that they are the page's own numbers: one (dy, dx) per tap spread
over every cell for the fields that are the same everywhere, NumPy's seeded generator for the
random ones (the rule the page uses), and for "follow the shape" the chosen cell's offsets
(the output at that cell reads only its own offsets).
"""

from __future__ import annotations

import numpy as np

from convviz.engine.arithmetic_text import format_number
from convviz.figures.common.code_text import align_comments, array_literal
from convviz.i18n import translate

UNIFORM = ("zero", "shift", "scale", "rotation")  # the same offsets at every output cell


def _tensor(values: np.ndarray) -> str:
    return f"torch.tensor({array_literal(values, double=True)}, dtype=torch.float64)"


def _offset_lines(
    kind: str, offset: np.ndarray, *, cell: tuple[int, int], amount: float, seed: int, lang: str
) -> list[str]:
    """Lines that build ``offset`` (1, 2k², o, o) with the page's numbers."""
    channels, o = offset.shape[0], offset.shape[1]
    i, j = cell
    if kind == "zero":
        return [
            translate("deformable.code.zero", lang),
            f"offset = torch.zeros(1, {channels}, {o}, {o}, dtype=torch.float64)",
        ]
    if kind in UNIFORM:
        per_tap = offset[:, 0, 0].reshape(-1, 2)  # (k², 2): the same at every cell
        return [
            translate("deformable.code.uniform", lang),
            f"per_tap = {_tensor(per_tap)}",
            f"offset = per_tap.reshape(1, {channels}, 1, 1).expand(1, {channels}, {o}, {o})",
        ]
    if kind == "random":
        spread = format_number(amount)
        return [
            translate("deformable.code.random", lang),
            f"rng = np.random.default_rng({seed})",
            f"offset = torch.from_numpy(np.round(rng.normal(0.0, {spread}, "
            f"({channels}, {o}, {o})), 2))[None]",
        ]
    return [
        translate("deformable.code.cell_only", lang, i=i, j=j),
        f"offset = torch.zeros(1, {channels}, {o}, {o}, dtype=torch.float64)",
        f"offset[0, :, {i}, {j}] = {_tensor(offset[:, i, j])}",
    ]


def code_view(
    x: np.ndarray,
    kernel: np.ndarray,
    offset: np.ndarray,
    mask: np.ndarray | None,
    output: np.ndarray,
    *,
    offsets: str,
    edited: bool = False,
    amount: float,
    seed: int,
    cell: tuple[int, int],
    stride: int,
    padding: int,
    dilation: int,
    lang: str,
) -> str:
    """The snippet: the page's tensors, ``deform_conv2d``, the chosen cell, the offset layer.

    Parameters
    ----------
    x : numpy.ndarray, shape (H, W)
    kernel : numpy.ndarray, shape (k, k)
    offset : numpy.ndarray, shape (2k², o, o)
    mask : numpy.ndarray of shape (k², o, o), or None
    output : numpy.ndarray, shape (o, o)
        The page's output (its value at ``cell`` is what the snippet prints).
    edited : bool
        A tap of ``cell`` was set by hand: the chosen cell's offsets are written out.
    """
    i, j = cell
    h, w = x.shape
    k = kernel.shape[0]
    o = output.shape[0]
    channels = 2 * k * k
    hyper = f"stride={stride}, padding={padding}, dilation={dilation}"
    lines = [
        "import numpy as np",
        "import torch",
        "from torchvision.ops import deform_conv2d",
        "",
        "# x: (N, C_in, H, W); weight: (C_out, C_in, kH, kW)",
        f"x = {_tensor(x)}.reshape(1, 1, {h}, {w})",
        f"weight = {_tensor(kernel)}.reshape(1, 1, {k}, {k})",
        *_offset_lines(
            "edited" if edited else offsets, offset, cell=cell, amount=amount, seed=seed, lang=lang
        ),
        f"print(offset.shape)  # torch.Size([1, {channels}, {o}, {o}])",
    ]
    mask_arg = ""
    if mask is not None:
        lines += [
            translate("deformable.code.mask", lang),
            f"z = np.random.default_rng({seed + 1}).normal(size=({k * k}, {o}, {o}))",
            "mask = torch.from_numpy(np.round(1 / (1 + np.exp(-z)), 2))[None]"
            f"  # (1, k², H_out, W_out) = (1, {k * k}, {o}, {o})",
        ]
        mask_arg = ", mask=mask"
    lines += [
        "",
        f"y = deform_conv2d(x, offset, weight, {hyper}{mask_arg})",
        f"print(y[0, 0, {i}, {j}].item())  # {format_number(output[i, j], decimals=4)}",
        "",
        translate("deformable.code.offset_layer", lang),
        f"offset_conv = torch.nn.Conv2d(1, {channels}, {k}, {hyper}).double()",
        "torch.nn.init.zeros_(offset_conv.weight)",
        "torch.nn.init.zeros_(offset_conv.bias)",
        "predicted = offset_conv(x)",
        f"print(predicted.shape)  # torch.Size([1, {channels}, {o}, {o}])",
        f"standard = torch.nn.functional.conv2d(x, weight, {hyper})",
        f"print(torch.allclose(deform_conv2d(x, predicted, weight, {hyper}), standard))  # True",
    ]
    return align_comments("\n".join(lines))
