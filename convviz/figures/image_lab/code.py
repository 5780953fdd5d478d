"""The PyTorch code of the Image lab: the current kernel as a depthwise ``nn.Conv2d`` on the
picture, and the chosen upsampling method, with the shapes the page shows."""

from __future__ import annotations

import numpy as np

from convviz.figures.common.code_text import number_literal
from convviz.i18n import translate
from convviz.image_ops import filter_padding
from convviz.upsampling import transposed_setting


def tensor_literal(values: np.ndarray) -> str:
    """A 2-D or 3-D array as a nested ``torch.tensor`` literal, one kernel row per line."""
    values = np.asarray(values)
    if values.ndim == 2:
        rows = ",\n".join(
            "    [" + ", ".join(number_literal(v) for v in row) + "]" for row in values
        )
        return f"torch.tensor([\n{rows},\n])"
    blocks = ",\n".join(
        "    [\n"
        + ",\n".join("        [" + ", ".join(number_literal(v) for v in row) + "]" for row in plane)
        + ",\n    ]"
        for plane in values
    )
    return f"torch.tensor([\n{blocks},\n])"


def filter_code(
    kernel: np.ndarray,
    *,
    in_hw: tuple[int, int],
    out_hw: tuple[int, int],
    stride: int,
    dilation: int,
    padding_mode: str,
    lang: str,
) -> list[str]:
    """Lines building ``nn.Conv2d(3, 3, groups=3)`` with the kernel and running it."""
    kh, kw = kernel.shape
    ph, pw = filter_padding((kh, kw), dilation)
    h, w = in_hw
    return [
        translate("image_lab.code.picture", lang),
        f"x = torch.rand(1, 3, {h}, {w})",
        translate("image_lab.code.filter", lang),
        f"kernel = {tensor_literal(kernel)}",
        f"conv = nn.Conv2d(3, 3, kernel_size=({kh}, {kw}), stride={stride}, "
        f"padding=({ph}, {pw}), dilation={dilation},",
        f'                 groups=3, bias=False, padding_mode="{padding_mode}")',
        "with torch.no_grad():",
        f"    conv.weight.copy_(kernel.expand(3, 1, {kh}, {kw}))",
        "y = conv(x)",
        translate("image_lab.code.shape", lang, oh=out_hw[0], ow=out_hw[1]),
    ]


def upsample_code(
    method: str, kernel: np.ndarray, *, small_hw: tuple[int, int], lang: str
) -> list[str]:
    """Lines doubling ``small`` with ``method`` and its kernel(s)."""
    h, w = small_hw
    lines = [
        translate(
            "image_lab.code.upsample", lang, name=translate(f"choice.upsample.{method}", lang)
        ),
        translate("image_lab.code.small", lang, h=h, w=w),
        f"small = torch.rand(1, 3, {h}, {w})",
        f"w = {tensor_literal(kernel)}",
    ]
    if method.startswith("transposed"):
        k = kernel.shape[-1]
        p, a = transposed_setting(k)
        lines += [
            f"up = nn.ConvTranspose2d(3, 3, kernel_size={k}, stride=2, padding={p}, "
            f"output_padding={a}, groups=3, bias=False)",
            "with torch.no_grad():",
            f"    up.weight.copy_(w.expand(3, 1, {k}, {k}))",
            "big = up(small)",
        ]
    elif method == "resize_conv":
        lines += [
            'big = F.interpolate(small, scale_factor=2, mode="nearest")',
            'big = F.conv2d(F.pad(big, (1, 1, 1, 1), mode="replicate"),',
            "               w.expand(3, 1, 3, 3), groups=3)",
        ]
    else:
        lines += [
            'phases = F.conv2d(F.pad(small, (1, 1, 1, 1), mode="replicate"),',
            "                  w.unsqueeze(1).repeat(3, 1, 1, 1), groups=3)",
            f"# phases.shape == (1, 12, {h}, {w}): 4 sub-pixels per colour",
            "big = F.pixel_shuffle(phases, 2)",
        ]
    lines.append(f"# big.shape == (1, 3, {2 * h}, {2 * w})")
    return lines


def code_view(
    kernel: np.ndarray | None,
    upsample_kernel: np.ndarray,
    *,
    method: str,
    in_hw: tuple[int, int],
    out_hw: tuple[int, int] | None,
    small_hw: tuple[int, int],
    stride: int,
    dilation: int,
    padding_mode: str,
    lang: str,
) -> str:
    """The whole code block: imports, the filter (when the kernel is valid), the upsampling."""
    lines = ["import torch", "import torch.nn.functional as F", "from torch import nn", ""]
    if kernel is not None and out_hw is not None:
        lines += filter_code(
            kernel,
            in_hw=in_hw,
            out_hw=out_hw,
            stride=stride,
            dilation=dilation,
            padding_mode=padding_mode,
            lang=lang,
        )
        lines.append("")
    lines += upsample_code(method, upsample_kernel, small_hw=small_hw, lang=lang)
    return "\n".join(lines)
