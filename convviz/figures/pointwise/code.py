"""PyTorch code for the 1×1 page: a 1×1 ``Conv2d``, the same as one matrix multiply of the
pixels, and a grayscale mixing followed by a ReLU, with the page's numbers."""

from __future__ import annotations

from convviz.figures.common.code_text import align_comments


def pytorch_snippet(in_channels: int, out_channels: int, *, input_size: int) -> str:
    """PyTorch code: a 1×1 convolution, the same as one matrix multiply of the pixels."""
    cin, cout, i = in_channels, out_channels, input_size
    return align_comments(f"""import torch

x = torch.randn(1, {cin}, {i}, {i})                     # (N, C_in, H, W)
conv = torch.nn.Conv2d({cin}, {cout}, kernel_size=1, bias=False)
W = conv.weight[:, :, 0, 0]                            # (C_out, C_in) = ({cout}, {cin})

X = x[0].reshape({cin}, {i * i})                          # (C_in, H·W): one column per pixel
Y = (W @ X).reshape(1, {cout}, {i}, {i})                     # the whole layer, one matmul
print((Y - conv(x)).abs().max())                      # ~0 (rounding only)

# A picture: 3 → 1 grayscale, then a ReLU (the cheap non-linearity)
gray = torch.nn.Conv2d(3, 1, kernel_size=1, bias=False)
with torch.no_grad():
    gray.weight[:] = torch.tensor([0.299, 0.587, 0.114]).reshape(1, 3, 1, 1)
block = torch.nn.Sequential(gray, torch.nn.ReLU())
""")
