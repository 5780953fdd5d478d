"""The PyTorch code of the transposed page: the layer with its shapes, and
``F.conv_transpose2d`` on the exact tensors the page shows, so a learner can paste it and get
the same numbers (and see that the forward convolution does not give x back).
"""

from __future__ import annotations

import numpy as np

from convviz.figures.common.code_text import grid_literal
from convviz.figures.common.grid import format_number
from convviz.figures.transposed.data import HYPER, round_trip, transpose_output
from convviz.i18n import translate

TORCH_PRINT_THRESHOLD = 1000  # torch prints larger tensors shortened with "..."


def code_view(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> str:
    """Part 8: ``nn.ConvTranspose2d`` with the shapes, and ``F.conv_transpose2d`` on the exact
    tensors of the page, with the expected output as a comment.

    Raises
    ------
    ConvValueError
        From the engine when the setting is invalid (the page then shows the error).
    """
    i, k = x.shape[0], kernel.shape[0]
    s, p, a, d = (hyper[name] for name in HYPER)
    y = transpose_output(x, kernel, **hyper)
    o = y.shape[0]
    args = f"kernel_size={k}, stride={s}, padding={p}, output_padding={a}, dilation={d}"
    expected = "\n".join("#   " + "  ".join(f"{format_number(v, 4):>6}" for v in row) for row in y)
    lines = [
        "import torch",
        "import torch.nn.functional as F",
        "from torch import nn",
        "",
        translate("transposed.code.layer", lang),
        f"layer = nn.ConvTranspose2d(1, 1, {args}, bias=False)",
        f"print(layer(torch.zeros(1, 1, {i}, {i})).shape)  # torch.Size([1, 1, {o}, {o}])",
        translate(
            "transposed.code.shapes", lang, x_shape=f"(1, 1, {i}, {i})", y_shape=f"(1, 1, {o}, {o})"
        ),
        "",
        translate("transposed.code.functional", lang),
        f"x = {grid_literal(x)}",
        f"w = {grid_literal(kernel)}",
        f"y = F.conv_transpose2d(x, w, stride={s}, padding={p}, output_padding={a}, dilation={d})",
        *(
            [
                translate("transposed.code.print_all", lang),
                f"torch.set_printoptions(threshold={o * o})",
            ]
            if o * o > TORCH_PRINT_THRESHOLD
            else []
        ),
        "print(y[0, 0])",
        translate("transposed.code.expected", lang),
        expected,
        "",
        *_round_trip_lines(x, kernel, lang=lang, **hyper),
    ]
    return "\n".join(lines)


def _round_trip_lines(x: np.ndarray, kernel: np.ndarray, *, lang: str, **hyper: int) -> list[str]:
    """conv2d on y with the same settings, and what it prints: x's shape and values or not."""
    trip = round_trip(x, kernel, **hyper)
    s, p, a, d = (hyper[name] for name in HYPER)
    lines = [f"back = F.conv2d(y, w, stride={s}, padding={p}, dilation={d})"]
    if not trip.same_shape:
        f, i = trip.back.shape[0], x.shape[0]
        return [
            translate("transposed.code.not_even_shape", lang, a=a, s=s),
            *lines,
            f"print(back.shape, x.shape)  # torch.Size([1, 1, {f}, {f}]) "
            f"torch.Size([1, 1, {i}, {i}])",
        ]
    if trip.equal:
        key = "transposed.code.exact" if trip.exact else "transposed.code.exact_for_this_x"
    else:
        key = "transposed.code.not_inverse"
    return [
        translate(key, lang),
        *lines,
        f"print(back.shape == x.shape, torch.allclose(back, x))  # True {trip.equal}",
    ]
