"""deform_conv2d against PyTorch's own bilinear sampler (skipped when torch is not installed).

torchvision is not installed, so the deformable convolution is rebuilt from
``torch.nn.functional.grid_sample`` (bilinear, zeros outside, align_corners=True: a point is
read from the four pixels around it and pixels outside the image read 0 — at a point with
row ≤ −1 or ≥ H every neighbour with a nonzero weight is outside, so it reads 0, as
torchvision's kernel says) followed by the weighted sum over taps and channels.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine.deform import deform_conv2d

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.torch


def torch_deform(x, offset, weight, mask, *, stride, padding, dilation):
    """One offset group, one weight group, via grid_sample; arrays (N, C, H, W)."""
    xt = torch.from_numpy(x)
    n, c, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    oh, ow = offset.shape[2:]
    a, b = np.divmod(np.arange(kh * kw), kw)
    rows = np.arange(oh)[None, :, None] * stride - padding + a[:, None, None] * dilation
    cols = np.arange(ow)[None, None, :] * stride - padding + b[:, None, None] * dilation
    off = offset.reshape(n, kh * kw, 2, oh, ow)
    py = rows + off[:, :, 0]  # (N, T, H_out, W_out)
    px = cols + off[:, :, 1]
    grid = np.stack([2 * px / (w - 1) - 1, 2 * py / (h - 1) - 1], axis=-1)  # (x, y) order
    grid = torch.from_numpy(grid.reshape(n, kh * kw * oh, ow, 2))
    read = torch.nn.functional.grid_sample(
        xt, grid, mode="bilinear", padding_mode="zeros", align_corners=True
    ).reshape(n, c, kh * kw, oh, ow)
    read = read * torch.from_numpy(mask.reshape(n, 1, kh * kw, oh, ow))
    wt = torch.from_numpy(weight.reshape(c_out, c, kh * kw))
    return torch.einsum("nctij,oct->noij", read, wt).numpy()


@settings(max_examples=50, deadline=None)
@given(
    st.tuples(
        st.integers(2, 7),
        st.integers(2, 7),
        st.integers(1, 3),
        st.integers(1, 3),
        st.integers(0, 2),
        st.integers(1, 2),
        st.integers(0, 2**32 - 1),
    )
)
def test_matches_grid_sample(case):
    h, w, k, s, p, d, seed = case
    if d * (k - 1) + 1 > min(h, w) + 2 * p:
        return
    rng = np.random.default_rng(seed)
    oh = (h + 2 * p - d * (k - 1) - 1) // s + 1
    ow = (w + 2 * p - d * (k - 1) - 1) // s + 1
    x = rng.normal(size=(2, 3, h, w))
    weight = rng.normal(size=(2, 3, k, k))
    offset = rng.normal(scale=2.0, size=(2, 2 * k * k, oh, ow))
    offset[:, :, 0, 0] = -1.0  # exactly on the row and column −1 at the first cell
    mask = rng.random((2, k * k, oh, ow))
    got = deform_conv2d(x, offset, weight, stride=s, padding=p, dilation=d, mask=mask)
    want = torch_deform(x, offset, weight, mask, stride=s, padding=p, dilation=d)
    np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-10)
