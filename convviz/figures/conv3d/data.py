"""The 3-D page's setting as one hashable value, and the clip, kernel and trace it gives."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from convviz.clips import make_clip, make_kernel3d
from convviz.engine.trace3d import ClipTrace, clip_trace

AXES = ("d", "h", "w")  # depth (time), height, width


class Conv3dSetting(NamedTuple):
    """What the page's controls chose (already clamped to their ranges).

    ``size``, ``kernel``, ``stride``, ``padding`` and ``dilation`` are ``(d, h, w)`` triples.
    """

    clip: str
    size: tuple[int, int, int]
    kernel_kind: str
    kernel: tuple[int, int, int]
    stride: tuple[int, int, int]
    padding: tuple[int, int, int]
    dilation: tuple[int, int, int]
    padding_mode: str = "zeros"
    seed: int = 0

    def per_axis(self) -> list[tuple[str, int, int, int, int, int]]:
        """``(axis, i, k, s, p, d)`` for the axes ``d``, ``h``, ``w`` in turn."""
        return list(
            zip(
                AXES,
                self.size,
                self.kernel,
                self.stride,
                self.padding,
                self.dilation,
                strict=True,
            )
        )


def clip_of(setting: Conv3dSetting) -> np.ndarray:
    """The clip, shape (D, H, W)."""
    return make_clip(setting.clip, *setting.size, seed=setting.seed)


def kernel_of(setting: Conv3dSetting) -> np.ndarray:
    """The kernel, shape (kD, kH, kW) (its random values use ``seed + 1``)."""
    return make_kernel3d(setting.kernel_kind, *setting.kernel, seed=setting.seed + 1)


def trace_of(setting: Conv3dSetting) -> ClipTrace:
    """Every multiply-add of the setting's 3-D convolution.

    Raises
    ------
    ConvValueError
        When the setting is invalid (e.g. the kernel deeper than the padded clip).
    """
    return clip_trace(
        clip_of(setting),
        kernel_of(setting),
        stride=setting.stride,
        padding=setting.padding,
        dilation=setting.dilation,
        padding_mode=setting.padding_mode,
    )
