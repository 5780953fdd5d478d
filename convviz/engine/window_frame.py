"""Where the sliding window is at one step of the convolution animation.

Step t computes output cell ``divmod(t, W_out)`` (row-major over the (H_out, W_out) output).
:func:`window_frame` gives the padded-input cells under the kH·kW taps, the mask of the
(H_p, W_p) padded grid they cover, the window's span and the output cells done so far. A frame
is a pure function of the arguments and the step, so any step can be drawn on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.conv import prepare_conv2d
from convviz.engine.params import check_step, positive_pair


@dataclass(frozen=True)
class WindowFrame:
    """Where the window is at one step of the sliding-window animation.

    Attributes
    ----------
    step : int
        0 … steps − 1; step t computes output cell ``divmod(t, W_out)``.
    steps : int
        H_out·W_out.
    cell : tuple of int
        Output ``(oi, oj)`` computed at this step.
    taps : numpy.ndarray of int, shape (kH·kW, 2)
        Padded-input ``(row, col)`` under each tap, in tap order.
    covered : numpy.ndarray of bool, shape (H_p, W_p)
        The cells under a tap (gaps of a dilated window are not covered).
    box : tuple of int
        ``(top, left, bottom, right)`` of the window's span on the padded grid, bottom and
        right exclusive (k̂ = d(k − 1) + 1 cells per axis).
    done : numpy.ndarray of bool, shape (H_out, W_out)
        Output cells computed up to and including this step.
    """

    step: int
    steps: int
    cell: tuple[int, int]
    taps: np.ndarray
    covered: np.ndarray
    box: tuple[int, int, int, int]
    done: np.ndarray


def window_frame(
    input_shape: Any,
    kernel_shape: Any,
    *,
    step: Any,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
) -> WindowFrame:
    """The sliding window at animation step ``step`` (row-major over the output cells).

    Parameters
    ----------
    input_shape, kernel_shape : int or pair of ints
        ``(H, W)`` and ``(kH, kW)``.
    step : int
        0 <= step < H_out·W_out.
    stride, dilation : int or pair of ints
    padding : int, pair of ints, "valid" or "same"
        As in ``conv2d``.

    Returns
    -------
    WindowFrame

    Raises
    ------
    ConvValueError
        ``step_out_of_range``, or any error of ``conv2d`` for the sizes.

    Examples
    --------
    >>> fr = window_frame(4, 3, step=3, stride=1)
    >>> fr.cell, fr.box
    ((1, 1), (1, 1, 4, 4))
    """
    h, w = positive_pair(input_shape, "input_size")
    kh, kw = positive_pair(kernel_shape, "kernel_size")
    setup = prepare_conv2d(
        np.zeros((1, h, w)),  # (1, H, W): only the sizes matter
        np.zeros((1, 1, kh, kw)),
        stride=stride,
        padding=padding,
        dilation=dilation,
    )
    (oh, ow), (sh, sw), (dh, dw) = setup.out_hw, setup.stride, setup.dilation
    steps = oh * ow
    t = check_step(step, steps - 1)
    oi, oj = divmod(t, ow)
    top, bottom, left, right = setup.pads
    rows = oi * sh + np.arange(kh) * dh  # (kH,)
    cols = oj * sw + np.arange(kw) * dw  # (kW,)
    covered = np.zeros((h + top + bottom, w + left + right), dtype=bool)
    covered[np.ix_(rows, cols)] = True
    taps = np.stack(np.meshgrid(rows, cols, indexing="ij"), axis=-1).reshape(-1, 2)  # (kH·kW, 2)
    return WindowFrame(
        step=t,
        steps=steps,
        cell=(oi, oj),
        taps=taps,
        covered=covered,
        box=(oi * sh, oj * sw, oi * sh + dh * (kh - 1) + 1, oj * sw + dw * (kw - 1) + 1),
        done=(np.arange(steps) <= t).reshape(oh, ow),
    )
