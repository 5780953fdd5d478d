"""PyTorch code for the grouped page: a grouped ``Conv2d``, the same as ``g`` convolutions
concatenated, and the depthwise-separable parameter count, with the page's numbers."""

from __future__ import annotations

from convviz.figures.common.code_text import align_comments


def pytorch_snippet(
    in_channels: int, out_channels: int, groups: int, *, kernel_size: int, input_size: int
) -> str:
    """PyTorch code doing what the page shows, with the page's numbers."""
    cin, cout, g, k, i = in_channels, out_channels, groups, kernel_size, input_size
    return align_comments(f"""import torch
import torch.nn.functional as F

x = torch.randn(1, {cin}, {i}, {i})                      # (N, C_in, H, W)
conv = torch.nn.Conv2d({cin}, {cout}, kernel_size={k}, groups={g}, bias=False)
print(conv.weight.shape)                  # (C_out, C_in/g, k, k) = ({cout}, {cin // g}, {k}, {k})

# The same as {g} separate convolutions, concatenated along the channels
xs = x.chunk({g}, dim=1)                  # {g} × (1, {cin // g}, {i}, {i})
ws = conv.weight.chunk({g}, dim=0)        # {g} × ({cout // g}, {cin // g}, {k}, {k})
y = torch.cat([F.conv2d(xj, wj) for xj, wj in zip(xs, ws)], dim=1)
print((y - conv(x)).abs().max())          # ~0 (rounding only)

# Depthwise separable: depthwise (groups = C_in) then pointwise 1×1
depthwise = torch.nn.Conv2d({cin}, {cin}, kernel_size={k}, groups={cin}, bias=False)
pointwise = torch.nn.Conv2d({cin}, {cout}, kernel_size=1, bias=False)
count = lambda m: sum(p.numel() for p in m.parameters())
print(count(conv), count(depthwise) + count(pointwise))
""")
