"""PyTorch code for the 1×1 page: a 1×1 ``Conv2d`` with the page's own input and weights (so
it prints the numbers the page shows), the same as one matrix multiply of the pixels, and a
grayscale mixing followed by a ReLU. Comments are in the page's language."""

from __future__ import annotations

from convviz.figures.common.code_text import align_comments, seeded_values
from convviz.i18n import translate


def pytorch_snippet(
    in_channels: int, out_channels: int, *, input_size: int, seed: int, pixel: tuple, lang: str
) -> str:
    """PyTorch code: a 1×1 convolution, the same as one matrix multiply of the pixels.

    Parameters
    ----------
    in_channels, out_channels, input_size : int
    seed : int
        The page's seed: the input is ``make_values("random", (C_in, i, i), seed)``, the
        weight ``make_values("random", (C_out, C_in), seed + 1)``.
    pixel : (int, int)
        The pixel (r, c) the page shows; the snippet prints its C_out output values.
    lang : {"en", "zh"}

    Returns
    -------
    str
        Runnable Python printing ``y[0, :, r, c]``, the numbers of the page's pixel.
    """
    cin, cout, i = in_channels, out_channels, input_size
    r, c = pixel
    say = {
        key: translate(f"pointwise.code.{key}", lang, seed=seed, seed_w=seed + 1, r=r, c=c)
        for key in ("numbers", "pixel", "columns", "matmul", "rounding", "picture")
    }
    return align_comments(f"""import numpy as np
import torch

{say["numbers"]}
x = {seeded_values((1, cin, i, i), seed)}
conv = torch.nn.Conv2d({cin}, {cout}, kernel_size=1, bias=False)
with torch.no_grad():
    conv.weight.copy_({seeded_values((cout, cin, 1, 1), seed + 1)})
y = conv(x)  # (1, C_out, H, W)
{say["pixel"]}
print(y[0, :, {r}, {c}])

W = conv.weight[:, :, 0, 0]  # (C_out, C_in) = ({cout}, {cin})
X = x[0].reshape({cin}, {i * i})  # (C_in, H·W): {say["columns"]}
Y = (W @ X).reshape(1, {cout}, {i}, {i})  # {say["matmul"]}
print((Y - y).abs().max())  # ~0 {say["rounding"]}

{say["picture"]}
gray = torch.nn.Conv2d(3, 1, kernel_size=1, bias=False)
with torch.no_grad():
    gray.weight[:] = torch.tensor([0.299, 0.587, 0.114]).reshape(1, 3, 1, 1)
block = torch.nn.Sequential(gray, torch.nn.ReLU())
""")
