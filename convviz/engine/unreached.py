"""The rows and columns a convolution's windows never visit, because the output size is floored.

Per axis o = ⌊(i + 2p − k̂) / s⌋ + 1 windows (k̂ = d(k − 1) + 1) cover padded rows
0 … (o − 1)s + k̂ − 1 of the (i + 2p)-long padded axis; the last (i + 2p − k̂) mod s rows are
under no window. :func:`unreached_rows_cols` lists them for an (H, W) input and a (kH, kW)
kernel, as padded indices and as the input rows / columns among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from convviz.engine.params import non_negative_pair, positive_pair
from convviz.engine.sizes import floor_remainder, unreached_indices


@dataclass(frozen=True)
class Unreached:
    """Rows and columns no window visits because the output size is floored.

    Attributes
    ----------
    remainder : tuple of int
        ``(r_h, r_w)``, r = (i + 2p − k̂) mod s: how many trailing padded rows / columns
        are dropped.
    padded_rows, padded_cols : tuple of int
        Their indices in the padded input (0 … i + 2p − 1).
    input_rows, input_cols : tuple of int
        The ones that are input rows / columns (padded index − p, inside 0 … i − 1); the
        rest are padding.
    """

    remainder: tuple[int, int]
    padded_rows: tuple[int, ...]
    padded_cols: tuple[int, ...]
    input_rows: tuple[int, ...]
    input_cols: tuple[int, ...]

    @property
    def any(self) -> bool:
        """Whether some input row or column is never visited."""
        return bool(self.input_rows or self.input_cols)


def unreached_rows_cols(
    input_shape: Any,
    kernel_shape: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
) -> Unreached:
    """The rows / columns the floor in the output-size formula leaves unvisited.

    Parameters
    ----------
    input_shape, kernel_shape : int or pair of ints
        ``(H, W)`` and ``(kH, kW)``.
    stride, dilation : int or pair of ints
    padding : int or pair of ints
        Per side (>= 0).

    Returns
    -------
    Unreached

    Raises
    ------
    ConvValueError
        ``kernel_too_large`` or a bad argument (from the size formula).

    Notes
    -----
    o = ⌊(i + 2p − k̂) / s⌋ + 1 windows cover padded rows 0 … (o − 1)s + k̂ − 1; the last
    (i + 2p − k̂) mod s rows are never under a window.

    Examples
    --------
    >>> unreached_rows_cols(7, 3, stride=3).input_rows
    (6,)
    """
    h, w = positive_pair(input_shape, "input_size")
    kh, kw = positive_pair(kernel_shape, "kernel_size")
    s, p, d = (
        positive_pair(stride, "stride"),
        non_negative_pair(padding, "padding"),
        positive_pair(dilation, "dilation"),
    )
    axes = [
        (size, k, s_i, p_i, d_i)
        for size, k, s_i, p_i, d_i in zip((h, w), (kh, kw), s, p, d, strict=True)
    ]
    padded = [tuple(unreached_indices(*axis)) for axis in axes]
    inside = [
        tuple(i - axis[3] for i in idx if 0 <= i - axis[3] < axis[0])
        for idx, axis in zip(padded, axes, strict=True)
    ]
    return Unreached(
        remainder=tuple(floor_remainder(*axis) for axis in axes),
        padded_rows=padded[0],
        padded_cols=padded[1],
        input_rows=inside[0],
        input_cols=inside[1],
    )
