"""Weights and multiply-accumulates of the layers a video network can use, side by side.

One input clip (C_in, D, H, W) goes through each of: C3D's 3×3×3 convolution (padding 1, Tran
et al. 2015), Ji et al.'s 7×7×3 and 7×6×3 kernels over 3 frames (no padding, as in their
network), a 2-D 3×3 convolution on every frame, a 2-D 3×3 convolution on the D frames stacked
as channels (early fusion), and the (2+1)-D block of Tran et al. 2018: 1×3×3 spatial into M
channels, then 3×1×1 temporal, with M chosen so the block has about the weights of the
3×3×3 layer. Every count keeps its factors (:class:`convviz.engine.counting.Term`). Weights
only: the biases (C_out per convolution) are left out, as the (2+1)-D comparison counts them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from convviz.engine.counting import Term
from convviz.engine.params import check_positive, positive_tuple
from convviz.engine.sizes import conv_output_size

VIDEO_LAYERS = ("c3d", "ji_773", "ji_763", "frame_2d", "early_fusion", "r2plus1d")


@dataclass(frozen=True)
class Conv3dSpec:
    """One convolution of a video layer, in ``nn.Conv3d`` terms.

    Attributes
    ----------
    in_channels, out_channels : int
    kernel, padding : tuple of int
        ``(kD, kH, kW)`` and ``(p_d, p_h, p_w)``.
    out_shape : tuple of int
        ``(C_out, D_out, H_out, W_out)``.
    """

    in_channels: int
    out_channels: int
    kernel: tuple[int, int, int]
    padding: tuple[int, int, int]
    out_shape: tuple[int, int, int, int]

    @property
    def weights(self) -> Term:
        """``kD·kH·kW·C_in·C_out``."""
        return conv3d_weights(self.in_channels, self.out_channels, self.kernel)

    @property
    def macs(self) -> Term:
        """Weights × output positions: ``kD·kH·kW·C_in·C_out·D_out·H_out·W_out``."""
        factors = (*self.kernel, self.in_channels, *self.out_shape)
        return Term("macs", factors, math.prod(factors))


@dataclass(frozen=True)
class VideoLayer:
    """One of the compared layers: its convolutions, output, weights and MACs.

    Attributes
    ----------
    name : str
        One of :data:`VIDEO_LAYERS`.
    convs : tuple of Conv3dSpec
        In order (two for the (2+1)-D block). Early fusion is written as the 3-D kernel
        (D, 3, 3) that spans the whole clip: the same weights and products as a 2-D
        convolution with C_in·D input channels.
    keeps_time : bool
        Whether the output still has a time axis (False only for early fusion).
    """

    name: str
    convs: tuple[Conv3dSpec, ...]
    keeps_time: bool

    @property
    def out_shape(self) -> tuple[int, int, int, int]:
        """``(C_out, D_out, H_out, W_out)`` of the last convolution."""
        return self.convs[-1].out_shape

    @property
    def weights(self) -> int:
        return sum(conv.weights.value for conv in self.convs)

    @property
    def macs(self) -> int:
        return sum(conv.macs.value for conv in self.convs)


def conv3d_weights(in_channels: Any, out_channels: Any, kernel_size: Any) -> Term:
    """The weights of ``nn.Conv3d(in_channels, out_channels, kernel_size)`` (groups 1).

    Parameters
    ----------
    in_channels, out_channels : int
    kernel_size : int or (int, int, int)
        ``k`` or ``(kD, kH, kW)``.

    Returns
    -------
    Term
        ``"weights"`` with factors ``(kD, kH, kW, C_in, C_out)``.

    Examples
    --------
    >>> conv3d_weights(64, 128, 3).value
    221184
    """
    cin = check_positive("in_channels", in_channels)
    cout = check_positive("out_channels", out_channels)
    factors = (*positive_tuple(kernel_size, 3, "kernel_size"), cin, cout)
    return Term("weights", factors, math.prod(factors))


def r2plus1d_mid_channels(
    in_channels: Any, out_channels: Any, spatial: Any = 3, temporal: Any = 3
) -> int:
    """The width M of a (2+1)-D block with about the weights of a t×d×d 3-D convolution.

    Parameters
    ----------
    in_channels, out_channels : int
        N_{i−1} and N_i.
    spatial, temporal : int
        d and t of the t×d×d kernel being factorised.

    Returns
    -------
    int
        M = ⌊t·d²·N_{i−1}·N_i / (d²·N_{i−1} + t·N_i)⌋ (Tran et al. 2018, eq. 1): then
        d²·N_{i−1}·M + t·M·N_i ≤ t·d²·N_{i−1}·N_i, the 3-D layer's weights.

    Examples
    --------
    >>> r2plus1d_mid_channels(64, 64)
    144
    """
    n_in = check_positive("in_channels", in_channels)
    n_out = check_positive("out_channels", out_channels)
    d = check_positive("kernel_size", spatial)
    t = check_positive("kernel_size", temporal)
    return (t * d * d * n_in * n_out) // (d * d * n_in + t * n_out)


def _conv(
    cin: int, cout: int, kernel: tuple[int, int, int], padding: tuple[int, int, int], size: tuple
) -> Conv3dSpec:
    """The Conv3dSpec of a stride-1 convolution of a (D, H, W) input ``size``."""
    out = tuple(conv_output_size(i, k, 1, p) for i, k, p in zip(size, kernel, padding, strict=True))
    return Conv3dSpec(cin, cout, kernel, padding, (cout, *out))  # type: ignore[arg-type]


def video_layers(
    in_channels: Any, out_channels: Any, frames: Any, size: Any
) -> tuple[VideoLayer, ...]:
    """The six layers of :data:`VIDEO_LAYERS` on one clip (C_in, D, H, W) with H = W.

    Parameters
    ----------
    in_channels, out_channels : int
    frames : int
        D (>= 3 for the 3-frame kernels).
    size : int
        H = W (>= 7 for the 7×7 kernels).

    Returns
    -------
    tuple of VideoLayer
        In the order of :data:`VIDEO_LAYERS`.

    Raises
    ------
    ConvValueError
        ``not_positive`` for a count below 1; ``kernel_too_large`` when the clip is too
        short (D < 3) or too small (H < 7) for a kernel, naming the sizes.
    """
    cin = check_positive("in_channels", in_channels)
    cout = check_positive("out_channels", out_channels)
    d = check_positive("input_size", frames)
    h = check_positive("input_size", size)
    clip = (d, h, h)
    mid = r2plus1d_mid_channels(cin, cout)
    spatial = _conv(cin, mid, (1, 3, 3), (0, 1, 1), clip)
    return (
        VideoLayer("c3d", (_conv(cin, cout, (3, 3, 3), (1, 1, 1), clip),), True),
        VideoLayer("ji_773", (_conv(cin, cout, (3, 7, 7), (0, 0, 0), clip),), True),
        VideoLayer("ji_763", (_conv(cin, cout, (3, 7, 6), (0, 0, 0), clip),), True),
        VideoLayer("frame_2d", (_conv(cin, cout, (1, 3, 3), (0, 1, 1), clip),), True),
        VideoLayer("early_fusion", (_conv(cin, cout, (d, 3, 3), (0, 1, 1), clip),), False),
        VideoLayer(
            "r2plus1d",
            (spatial, _conv(mid, cout, (3, 1, 1), (1, 0, 0), spatial.out_shape[1:])),
            True,
        ),
    )
