"""Doubling a picture four ways — transposed convolutions with k = 3 and k = 4 at stride 2,
nearest resize then a stride-1 convolution, and a stride-1 convolution to 4 sub-pixel channels
then :func:`~convviz.engine.checkerboard.pixel_shuffle` — with kernels chosen so that the four
results are directly comparable (each keeps a flat picture's brightness on average).
"""

from __future__ import annotations

import numpy as np

from convviz.engine.checkerboard import pixel_shuffle, resize_then_conv
from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.transpose import conv_transpose2d
from convviz.image_ops import channels_first

UPSAMPLE_METHODS = ("transposed_k3", "transposed_k4", "resize_conv", "pixel_shuffle")

UPSAMPLE_KERNELS = ("uniform", "bilinear")

SCALE = 2  # every method doubles both sides


def tent(k: int, scale: int = SCALE) -> np.ndarray:
    """Linear-interpolation taps for a stride-``scale`` transposed convolution, shape (k,).

    ``1 − |t − (k − 1)/2| / scale`` for t = 0 … k−1: ``[0.5, 1, 0.5]`` for k = 3 and
    ``[0.25, 0.75, 0.75, 0.25]`` for k = 4 (bilinear upsampling by 2).
    """
    t = np.arange(k, dtype=np.float64)
    return np.clip(1.0 - np.abs(t - (k - 1) / 2) / scale, 0.0, None)


def upsample_kernel(method: str, kind: str) -> np.ndarray:
    """The 2-D kernel a method uses.

    Parameters
    ----------
    method : one of ``UPSAMPLE_METHODS``
    kind : {"uniform", "bilinear"}

    Returns
    -------
    numpy.ndarray
        ``transposed_k3`` / ``transposed_k4``: (k, k). ``uniform`` gives every tap s²/k², so
        the stamps add up to the input's brightness *on average*; ``bilinear`` is the outer
        product of :func:`tent`. ``resize_conv``: (3, 3), the box 1/9 or the binomial
        [1, 2, 1]ᵀ[1, 2, 1] / 16. ``pixel_shuffle``: (4, 3, 3), one kernel per sub-pixel
        (i, j) in PyTorch's order i·2 + j: all the same box (``uniform``, as an ICNR start),
        or the four bilinear phases.
    """
    if kind not in UPSAMPLE_KERNELS:
        raise ConvValueError("image_lab_unknown_upsample", f"unknown kernel {kind!r}", name=kind)
    if method in ("transposed_k3", "transposed_k4"):
        k = 3 if method == "transposed_k3" else 4
        if kind == "uniform":
            return np.full((k, k), SCALE**2 / k**2)
        return np.outer(tent(k), tent(k))
    if method == "resize_conv":
        if kind == "uniform":
            return np.full((3, 3), 1.0 / 9.0)
        taps = np.array([0.25, 0.5, 0.25])
        return np.outer(taps, taps)
    if method == "pixel_shuffle":
        if kind == "uniform":
            return np.full((4, 3, 3), 1.0 / 9.0)
        phases = (np.array([0.25, 0.75, 0.0]), np.array([0.0, 0.75, 0.25]))  # even, odd rows
        return np.stack([np.outer(phases[i], phases[j]) for i in (0, 1) for j in (0, 1)])
    raise ConvValueError("image_lab_unknown_upsample", f"unknown method {method!r}", name=method)


def transposed_setting(k: int) -> tuple[int, int]:
    """``(padding, output_padding)`` that make a k, stride-2 transposed convolution give 2H.

    From o = (i − 1)·2 − 2p + k + a = 2i: 2p − a = k − 2 with 0 <= a < 2, so
    p = ⌈(k − 2) / 2⌉ and a = 2p − (k − 2): (1, 1) for k = 3, (1, 0) for k = 4.
    """
    p = -(-(k - 2) // 2)
    return p, 2 * p - (k - 2)


def upsample(image: np.ndarray, method: str, kind: str) -> np.ndarray:
    """Double a picture's size with one of ``UPSAMPLE_METHODS``, channel by channel.

    Parameters
    ----------
    image : numpy.ndarray, shape (H, W, C)
    method : {"transposed_k3", "transposed_k4", "resize_conv", "pixel_shuffle"}
    kind : {"uniform", "bilinear"}
        Which kernels (see :func:`upsample_kernel`).

    Returns
    -------
    numpy.ndarray, shape (C, 2H, 2W), float32
        ``transposed_k*``: ``conv_transpose2d(x, w, stride=2, padding=p, output_padding=a,
        groups=C)`` (:func:`transposed_setting`); ``resize_conv``: nearest ×2 then a "same"
        stride-1 convolution with replicated borders; ``pixel_shuffle``: a stride-1
        convolution to 4·C channels (padding 1, replicated borders) then ``pixel_shuffle(·, 2)``.
    """
    x = channels_first(image)  # (C, H, W)
    c = x.shape[0]
    weight = upsample_kernel(method, kind).astype(np.float32)
    if method in ("transposed_k3", "transposed_k4"):
        p, a = transposed_setting(weight.shape[-1])
        w = np.broadcast_to(weight, (c, 1, *weight.shape))  # (C, 1, k, k)
        return conv_transpose2d(
            x, np.ascontiguousarray(w), stride=SCALE, padding=p, output_padding=a, groups=c
        )
    if method == "resize_conv":
        return np.stack(
            [
                resize_then_conv(x[i], weight, scale=SCALE, padding_mode="replicate")
                for i in range(c)
            ]
        )  # (C, 2H, 2W)
    w = np.tile(weight[None], (c, 1, 1, 1)).reshape(c * SCALE**2, 1, 3, 3)  # (4C, 1, 3, 3)
    phases = conv2d(x, w, padding=1, groups=c, padding_mode="replicate")  # (4C, H, W)
    return pixel_shuffle(phases, upscale=SCALE)  # (C, 2H, 2W)
