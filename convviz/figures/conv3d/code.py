"""PyTorch code for the 3-D page: the page's clip and kernel through ``nn.Conv3d``, and the
layers of the weights table, with the page's numbers (the tests run it against the engine)."""

from __future__ import annotations

from convviz.engine.arithmetic_text import format_number
from convviz.figures.common.code_text import align_comments
from convviz.figures.conv3d.data import Conv3dSetting, trace_of

CLIP_CODE = {
    "counting": "clip = np.arange({d} * {h} * {w}, dtype=float).reshape({d}, {h}, {w})",
    "random": (
        "clip = np.random.default_rng({seed}).integers(-2, 3, size=({d}, {h}, {w})).astype(float)"
    ),
    "moving": """clip = np.zeros(({d}, {h}, {w}))
clip[:, 0, :] = 1.0  # a still bar along the top row
for t in range({d}):  # a 2×2 square moving one column right per frame
    clip[t, 1:3, [(t + j) % {w} for j in range(min(2, {w}))]] = 2.0""",
}
KERNEL_CODE = {
    "box": "kernel = np.ones(({kd}, {kh}, {kw}))",
    "random": (
        "kernel = np.random.default_rng({kseed}).integers(-1, 2, size=({kd}, {kh}, {kw}))"
        ".astype(float)"
    ),
    "temporal_difference": """kernel = np.zeros(({kd}, {kh}, {kw}))
if {kd} > 1:  # the last frame read minus the first, at the spatial centre
    kernel[0, {ch}, {cw}], kernel[-1, {ch}, {cw}] = -1.0, 1.0""",
}


def pytorch_snippet(
    setting: Conv3dSetting, cell: tuple[int, int, int], *, in_channels: int, out_channels: int
) -> str:
    """``nn.Conv3d`` with the page's clip, kernel and setting; the C3D and (2+1)-D layers.

    ``cell`` is the output cell whose value the page shows; ``in_channels`` / ``out_channels``
    those of the weights table (with its (2+1)-D width computed in the code).
    """
    d, h, w = setting.size
    kd, kh, kw = setting.kernel
    t, r, c = cell
    values = {
        "d": d,
        "h": h,
        "w": w,
        "seed": setting.seed,
        "kd": kd,
        "kh": kh,
        "kw": kw,
        "kseed": setting.seed + 1,
        "ch": kh // 2,
        "cw": kw // 2,
    }
    trace = trace_of(setting)  # the page's numbers, printed as the expected results
    shape = ", ".join(str(n) for n in (1, 1, *trace.out_shape))
    value = format_number(trace.sums[cell], decimals=4)
    clip = CLIP_CODE[setting.clip].format(**values)
    kernel = KERNEL_CODE[setting.kernel_kind].format(**values)
    cin, cout = in_channels, out_channels
    return align_comments(f"""import numpy as np
import torch

{clip}
{kernel}

conv = torch.nn.Conv3d(1, 1, kernel_size={setting.kernel}, stride={setting.stride},
                       padding={setting.padding}, dilation={setting.dilation},
                       padding_mode="{setting.padding_mode}", bias=False, dtype=torch.float64)
with torch.no_grad():
    conv.weight[:] = torch.from_numpy(kernel).reshape(1, 1, {kd}, {kh}, {kw})
    y = conv(torch.from_numpy(clip).reshape(1, 1, {d}, {h}, {w}))  # (N, C, D, H, W)
print(y.shape)  # torch.Size([{shape}]): N, C, D_out, H_out, W_out
print(y[0, 0, {t}, {r}, {c}].item())  # {value}: the sum the page shows for this output cell

# The weights table: C3D's 3×3×3 layer and the (2+1)-D block that replaces it
c3d = torch.nn.Conv3d({cin}, {cout}, kernel_size=3, padding=1, bias=False)
m = (3 * 3 * 3 * {cin} * {cout}) // (3 * 3 * {cin} + 3 * {cout})  # Tran et al. 2018
r2plus1d = torch.nn.Sequential(
    torch.nn.Conv3d({cin}, m, kernel_size=(1, 3, 3), padding=(0, 1, 1), bias=False),
    torch.nn.Conv3d(m, {cout}, kernel_size=(3, 1, 1), padding=(1, 0, 0), bias=False),
)
print(c3d.weight.numel(), sum(p.numel() for p in r2plus1d.parameters()))
""")
