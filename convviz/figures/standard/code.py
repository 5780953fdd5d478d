"""The PyTorch code of the standard page's setting, with the same numbers.

``nn.Conv2d`` takes ``padding`` as ints, ``"valid"`` or ``"same"`` and ``padding_mode`` as
zeros / reflect / replicate / circular; TensorFlow's uneven "SAME" becomes an explicit
``F.pad`` followed by ``F.conv2d`` with no padding; a true convolution rotates the weight with
``torch.flip``. The channels view adds each channel's maps and checks that they sum to ``y``.
"""

from __future__ import annotations

import numpy as np

from convviz.figures.common.code_text import array_literal, grid_literal
from convviz.figures.standard.data import Setting, kernel_values, setting_from, window_trace
from convviz.i18n import translate

# F.pad's names for the modes (nn.Conv2d's "zeros" is F.pad's "constant").
F_PAD_MODE = {"zeros": "constant", "reflect": "reflect", "replicate": "replicate",
              "circular": "circular"}  # fmt: skip


IMPORTS = ("import torch", "import torch.nn.functional as F", "from torch import nn", "")


def _pair(values: tuple[int, int]) -> str:
    return str(values[0]) if values[0] == values[1] else f"({values[0]}, {values[1]})"


def _layer_lines(s: Setting, in_channels: int, out_channels: int, *, lang: str) -> list[str]:
    """The layer applied to ``x`` and ``w`` (rotated first when flipped), giving ``y``."""
    lines = []
    if s.flip:
        lines += [translate("standard.code.flip", lang), "w = torch.flip(w, dims=(-2, -1))"]
    stride = _pair(s.stride)
    if s.rule == "same_tf":
        top, bottom, left, right = s.tf_pads
        return [
            *lines,
            translate("standard.code.tf_same", lang),
            f"x = F.pad(x, ({left}, {right}, {top}, {bottom}), mode={F_PAD_MODE[s.mode]!r})",
            f"y = F.conv2d(x, w, stride={stride})",
        ]
    padding = {"explicit": _pair(s.padding), "valid": "'valid'", "same_torch": "'same'"}[s.rule]
    lines += [
        f"conv = nn.Conv2d({in_channels}, {out_channels}, kernel_size={_pair(s.kernel_hw)}, "
        f"stride={stride}, padding={padding}, padding_mode={s.mode!r}, bias=False)",
        "with torch.no_grad():",
        "    conv.weight.copy_(w)",
        "y = conv(x)",
    ]
    if s.mode == "zeros":
        lines += [
            translate("standard.code.functional", lang),
            f"assert torch.allclose(y, F.conv2d(x, w, stride={stride}, padding={padding}))",
        ]
    return lines


def code_view(x: np.ndarray, fill: str, *, lang: str, **setting) -> str:
    """Runnable PyTorch for the setting: the input, the weights, the layer and the result.

    The expected output shape is printed as a comment when the engine accepts the setting.
    """
    s = setting_from(**setting)
    kernel = kernel_values(fill, s.kernel_hw)
    (h, w), (kh, kw) = s.input_hw, s.kernel_hw
    try:
        out = window_trace(x, kernel, s).out_hw
    except ValueError:
        out = None
    lines = [
        *IMPORTS,
        f"x = {grid_literal(x)}  # (N, C_in, H, W) = (1, 1, {h}, {w})",
        f"w = {grid_literal(kernel)}  # (C_out, C_in, kH, kW) = (1, 1, {kh}, {kw})",
        *_layer_lines(s, 1, 1, lang=lang),
        "print(y[0, 0])",
    ]
    if out is not None:
        lines.append(f"print(y.shape)  # torch.Size([1, 1, {out[0]}, {out[1]}])")
    return "\n".join(lines)


def channels_code(
    x: np.ndarray, weight: np.ndarray, pads: tuple[int, int, int, int], *, lang: str, **setting
) -> str:
    """Runnable PyTorch for the channels view: the layer, each channel's maps, their sum.

    Parameters
    ----------
    x : np.ndarray
        (C_in, H, W) the input channels.
    weight : np.ndarray
        (C_out, C_in, kH, kW) the filters.
    pads : tuple of int
        ``(top, bottom, left, right)`` the layer adds (the engine's trace says which), so the
        per-channel maps can be made with ``F.conv2d`` on the padded input.
    """
    s = setting_from(**setting)
    (c_out, c_in, kh, kw), (h, w) = weight.shape, x.shape[1:]
    top, bottom, left, right = pads
    pad = f"F.pad(x, ({left}, {right}, {top}, {bottom}), mode={F_PAD_MODE[s.mode]!r})"
    lines = [
        *IMPORTS,
        f"x = torch.tensor([{array_literal(x)}], dtype=torch.float32)"
        f"  # (N, C_in, H, W) = (1, {c_in}, {h}, {w})",
        f"w = torch.tensor({array_literal(weight)}, dtype=torch.float32)"
        f"  # (C_out, C_in, kH, kW) = ({c_out}, {c_in}, {kh}, {kw})",
        *_layer_lines(s, c_in, c_out, lang=lang),
        translate("standard.code.channels", lang),
        f"xp = {'x' if s.rule == 'same_tf' else pad}",
        "maps = torch.stack(",
        f"    [F.conv2d(xp[:, c : c + 1], w[:, c : c + 1], stride={_pair(s.stride)}) "
        f"for c in range({c_in})], dim=2",
        ")  # (N, C_out, C_in, H_out, W_out)",
        "assert torch.allclose(maps.sum(dim=2), y)",
        "print(maps[0])",
        "print(y[0])",
    ]
    return "\n".join(lines)
