"""The sliding-window core shared by ``conv1d``, ``conv2d`` and ``conv3d``.

``sliding_window_view`` over the n spatial axes of the padded input gives every window as a
view; striding and dilation are slices of that view. Each block of output rows is copied once
into columns (im2col) and multiplied by the weight, one matrix per group. A row is one index of
the second-to-last output axis with the whole last axis (``W_out`` positions; in 1-D one
position); in 3-D the rows of each output frame are done frame by frame.
"""

from __future__ import annotations

from math import prod

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from convviz.engine.conv_setup import ConvSetup

# Largest im2col block (elements) built at once; bigger inputs are done in row blocks. 256 KB
# of float32: the block and its products (C_out rows of as many positions) stay in a core's
# L2 cache between the copy and the multiply. Measured with bench/bench_engine.py on one
# thread (2 MB L2 per core): 3×512×512 → 16, k = 3 takes 3.6 ms in blocks of 2^16 and 5.6 ms
# in blocks of 2^19, which no longer fit; the 16×8×64×64 conv3d 6.2 ms against 12.8 ms.
_BLOCK_ELEMENTS = 1 << 16


def conv_windows(setup: ConvSetup) -> np.ndarray:
    """Every window of the padded input, as a view.

    Returns
    -------
    numpy.ndarray, shape (N, G, C_in / G, *O, *K)
        ``[n, g, c, *o, *t]`` is the padded input of channel g·C_in/G + c at
        ``o_i·s_i + t_i·d_i`` on each spatial axis i.
    """
    xp = setup.padded_input()  # (N, C_in, *Sp)
    n, c_in = xp.shape[:2]
    kernel = setup.weight.shape[2:]
    axes = tuple(range(2, 2 + len(kernel)))
    span = tuple(d * (k - 1) + 1 for k, d in zip(kernel, setup.dilation, strict=True))
    windows = sliding_window_view(xp, span, axis=axes)  # (N, C_in, *(Sp - k̂ + 1), *k̂)
    picks = tuple(
        slice(0, (o - 1) * s + 1, s) for o, s in zip(setup.out_size, setup.stride, strict=True)
    ) + tuple(slice(None, None, d) for d in setup.dilation)
    windows = windows[(slice(None), slice(None), *picks)]  # (N, C_in, *O, *K)
    g = setup.groups
    return windows.reshape(n, g, c_in // g, *setup.out_size, *kernel)  # (N, G, C_in/G, *O, *K)


def conv_nd(setup: ConvSetup) -> np.ndarray:
    """The convolution of a checked setup over its n spatial axes, without the bias.

    Parameters
    ----------
    setup : ConvSetup

    Returns
    -------
    numpy.ndarray, shape (N, C_out, *O)
        In the setup's dtype; ``O_i = ⌊(S_i + 2p_i − d_i(k_i − 1) − 1) / s_i⌋ + 1``.
    """
    windows = conv_windows(setup)  # (N, G, C_in/G, *O, *K)
    n, g, cg = windows.shape[:3]
    c_out, kernel, out_size = setup.weight.shape[0], setup.weight.shape[2:], setup.out_size
    nd, taps = len(kernel), cg * prod(kernel)
    w_mat = setup.weight.reshape(g, c_out // g, taps)  # (G, C_out/G, C_in/G·prod(K))
    out = np.empty((n, g, c_out // g, prod(out_size)), dtype=setup.dtype)  # (N, G, C_out/G, ·)
    row_axis = max(nd - 2, 0)  # 3-D: H_out within each frame; 2-D: H_out; 1-D: L_out
    n_rows, row_len = out_size[row_axis], prod(out_size[row_axis + 1 :])
    rows = max(1, _BLOCK_ELEMENTS // max(1, n * g * taps * row_len))
    for lead_index, lead in enumerate(np.ndindex(*out_size[:row_axis])):  # () once in 1-/2-D
        base = lead_index * n_rows * row_len
        for r0 in range(0, n_rows, rows):
            block = windows[(slice(None),) * 3 + lead + (slice(r0, r0 + rows),)]
            r = block.shape[3]
            # block: (N, G, C_in/G, R, *rest, *K) with R·prod(rest) = R·row_len positions
            m = block.ndim - 3 - nd  # output axes left in the block
            order = (0, 1, 2, *range(3 + m, 3 + m + nd), *range(3, 3 + m))
            cols = block.transpose(order).reshape(n, g, taps, r * row_len)
            # cols: (N, G, C_in/G·prod(K), R·row_len); products go straight into their place
            start = base + r0 * row_len
            np.matmul(w_mat, cols, out=out[..., start : start + r * row_len])
    return out.reshape(n, c_out, *out_size)  # (N, C_out, *O)
