"""PyTorch code for the grouped page: a grouped ``Conv2d`` with the page's own input and
weights (so it prints the numbers the page shows), the same as ``g`` convolutions concatenated,
and the depthwise-separable parameter count. Comments are in the page's language."""

from __future__ import annotations

from convviz.engine.counting import conv_params
from convviz.engine.errors import ConvValueError
from convviz.engine.sizes import conv_output_size
from convviz.figures.common.code_text import align_comments, seeded_values
from convviz.i18n import translate


def pytorch_snippet(
    in_channels: int,
    out_channels: int,
    groups: int,
    *,
    kernel_size: int,
    input_size: int,
    seed: int,
    out_channel: int,
    lang: str,
) -> str:
    """PyTorch code doing what the page shows, with the page's input, weights and numbers.

    Parameters
    ----------
    in_channels, out_channels, groups, kernel_size, input_size : int
        The page's setting; ``groups`` divides both channel counts.
    seed : int
        The page's seed: the input is ``make_values("random", (C_in, i, i), seed)``, the
        weight ``make_values("random", (C_out, C_in/g, k, k), seed + 1)``.
    out_channel : int
        The output channel the page shows; the snippet prints ``y[0, out_channel]``.
    lang : {"en", "zh"}

    Returns
    -------
    str
        Runnable Python. When the kernel is larger than the input the page computes nothing,
        and the snippet only builds the layers and counts their weights.
    """
    cin, cout, g, k, i = in_channels, out_channels, groups, kernel_size, input_size
    say = {
        key: translate(
            f"grouped.code.{key}", lang, seed=seed, seed_w=seed + 1, g=g, o=out_channel, k=k, i=i
        )
        for key in ("numbers", "channel", "split", "separable", "rounding", "no_fit")
    }
    try:
        o = conv_output_size(i, k)
    except ConvValueError:
        o = None
    standard = conv_params(cin, cout, k, groups=g, bias=False)
    separable = conv_params(cin, cin, k, groups=cin, bias=False) + conv_params(
        cin, cout, 1, bias=False
    )
    head = f"""import numpy as np
import torch
import torch.nn.functional as F

{say["numbers"]}
x = {seeded_values((1, cin, i, i), seed)}
conv = torch.nn.Conv2d({cin}, {cout}, kernel_size={k}, groups={g}, bias=False)
with torch.no_grad():
    conv.weight.copy_({seeded_values((cout, cin // g, k, k), seed + 1)})
print(conv.weight.shape)  # (C_out, C_in/g, k, k) = ({cout}, {cin // g}, {k}, {k})
"""
    run = (
        f"""y = conv(x)  # (1, {cout}, {o}, {o})
{say["channel"]}
print(y[0, {out_channel}])

{say["split"]}
xs = x.chunk({g}, dim=1)  # {g} × (1, {cin // g}, {i}, {i})
ws = conv.weight.chunk({g}, dim=0)  # {g} × ({cout // g}, {cin // g}, {k}, {k})
y_split = torch.cat([F.conv2d(xj, wj) for xj, wj in zip(xs, ws)], dim=1)
print((y_split - y).abs().max())  # ~0 {say["rounding"]}
"""
        if o is not None
        else f"{say['no_fit']}\n"
    )
    tail = f"""
{say["separable"]}
depthwise = torch.nn.Conv2d({cin}, {cin}, kernel_size={k}, groups={cin}, bias=False)
pointwise = torch.nn.Conv2d({cin}, {cout}, kernel_size=1, bias=False)
count = lambda m: sum(p.numel() for p in m.parameters())
print(count(conv), count(depthwise) + count(pointwise))  # {standard} {separable}
"""
    return align_comments(head + run + tail)
