"""Where a deformable layer's offsets come from, counted: the extra layers and their cost.

In DCN (Dai et al. 2017) the offsets are the output of an ordinary convolution over the same
input, with the main layer's kernel size, stride, padding and dilation, so there is one
(dy, dx) per tap and offset group at every output cell: 2·G·kH·kW output channels, with
weights initialised to zero (so training starts from the standard convolution). DCNv2 (Zhu et
al. 2019) adds G·kH·kW more channels, passed through a sigmoid, as the mask.
Every count comes from :func:`convviz.engine.counting.conv_params`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from convviz.engine.counting import conv_params
from convviz.engine.errors import ConvValueError
from convviz.engine.params import check_groups, check_positive, positive_pair


@dataclass(frozen=True)
class LayerCount:
    """One convolution of a deformable block.

    Attributes
    ----------
    name : {"offset", "mask", "main"}
    in_channels, out_channels : int
    params : int
        Weights plus biases.
    macs : int
        Multiply-accumulates of the weights over all output cells:
        kH·kW·(C_in/groups)·C_out·H_out·W_out.
    """

    name: str
    in_channels: int
    out_channels: int
    params: int
    macs: int


@dataclass(frozen=True)
class DeformCounts:
    """The layers of a deformable block and of the standard layer it replaces.

    Attributes
    ----------
    layers : tuple of LayerCount
        The offset convolution, the mask convolution (DCNv2 only), the main convolution.
    bilinear_macs : int
        The reads: 4 multiply-adds per sampled value, C_in·kH·kW values per output cell
        (plus one multiply per value for the mask in DCNv2, counted here).
    standard : LayerCount
        The same main layer without offsets (its weights are the main layer's).
    """

    layers: tuple[LayerCount, ...]
    bilinear_macs: int
    standard: LayerCount

    @property
    def params(self) -> int:
        """Parameters of the whole block."""
        return sum(layer.params for layer in self.layers)

    @property
    def macs(self) -> int:
        """Multiply-accumulates of the whole block, reads included."""
        return sum(layer.macs for layer in self.layers) + self.bilinear_macs


def deform_counts(
    in_channels: Any,
    out_channels: Any,
    kernel_size: Any,
    out_hw: Any,
    *,
    offset_groups: Any = 1,
    groups: Any = 1,
    modulated: bool = False,
    bias: bool = True,
) -> DeformCounts:
    """Parameters and multiply-accumulates of a deformable layer and its offset (and mask) layers.

    Parameters
    ----------
    in_channels, out_channels : int
    kernel_size : int or pair of ints
    out_hw : pair of ints
        (H_out, W_out) of the main layer (the offset layer has the same).
    offset_groups : int
        G; divides in_channels.
    groups : int
        Weight groups of the main layer.
    modulated : bool
        DCNv2: add the mask convolution (G·kH·kW channels).
    bias : bool
        Whether every layer has a bias (the offset and mask layers always do in the papers'
        code; here one switch sets all three).

    Returns
    -------
    DeformCounts

    Raises
    ------
    ConvValueError
        ``offset_groups_not_dividing`` when G does not divide in_channels,
        ``groups_not_dividing`` when ``groups`` does not divide the channels.

    Examples
    --------
    >>> c = deform_counts(64, 64, 3, (56, 56))
    >>> [layer.params for layer in c.layers], c.standard.params
    ([10386, 36928], 36928)
    """
    cin = check_positive("in_channels", in_channels)
    cout = check_positive("out_channels", out_channels)
    kh, kw = positive_pair(kernel_size, "kernel_size")
    oh, ow = positive_pair(out_hw, "out_hw")
    g = check_positive("offset_groups", offset_groups)
    if cin % g:
        nearest = max(d for d in range(1, g + 1) if cin % d == 0)
        raise ConvValueError(
            "offset_groups_not_dividing",
            f"in_channels={cin} is not divisible by offset_groups={g}: each offset group "
            f"moves the points of the same whole number of input channels",
            suggestion={"offset_groups": nearest},
            in_channels=cin,
            groups=g,
            nearest=nearest,
        )
    check_groups(groups, cin, cout)
    taps = kh * kw
    cells = oh * ow

    def layer(name: str, c_out: int, layer_groups: int = 1) -> LayerCount:
        return LayerCount(
            name=name,
            in_channels=cin,
            out_channels=c_out,
            params=conv_params(cin, c_out, (kh, kw), groups=layer_groups, bias=bias),
            macs=taps * (cin // layer_groups) * c_out * cells,
        )

    layers = [layer("offset", 2 * g * taps)]
    if modulated:
        layers.append(layer("mask", g * taps))
    main = layer("main", cout, groups)
    layers.append(main)
    reads = cin * taps * cells
    return DeformCounts(
        layers=tuple(layers),
        bilinear_macs=4 * reads + (reads if modulated else 0),
        standard=main,
    )
