"""Worked examples the counting tests check :func:`conv_params` against: the multiply-adds of
one layer, and the Inception (GoogLeNet 3a) and ResNet-bottleneck blocks with their published
weight counts. The app draws these blocks from ``convviz.figures.common.counts``; here they
are plain sums of ``conv_params`` so each published number is reproduced term by term.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, NamedTuple

from convviz.engine.counting import Term, conv_params
from convviz.engine.params import positive_pair


def conv_macs(
    in_channels: Any, out_channels: Any, kernel_size: Any, output_size: Any, groups: Any = 1
) -> int:
    """Multiply-accumulate operations of one 2-D convolution on one image.

    Parameters
    ----------
    in_channels, out_channels : int
        C_in and C_out (>= 1), both divisible by ``groups``.
    kernel_size : int or (int, int)
        ``k`` or ``(k_h, k_w)``.
    output_size : int or (int, int)
        ``(H_out, W_out)`` of the output map (>= 1).
    groups : int
        g >= 1.

    Returns
    -------
    int
        ``k_h·k_w·(C_in/g)·C_out·H_out·W_out``: every output value is a sum of
        ``k_h·k_w·C_in/g`` products. Adding a bias is not counted.

    Raises
    ------
    ConvValueError
        As :func:`conv_params`, and for a bad ``output_size``.
    """
    weights = conv_params(in_channels, out_channels, kernel_size, groups, bias=False)
    h, w = positive_pair(output_size, "output_size")
    return weights * h * w


@dataclass(frozen=True)
class BlockCost:
    """Weights of a block of convolutions, one :class:`Term` ``(k, k, C_in, C_out)`` per layer."""

    name: str
    terms: tuple[Term, ...]
    total: int


class BlockComparison(NamedTuple):
    """A block without and with 1×1 channel reductions."""

    plain: BlockCost
    reduced: BlockCost

    @property
    def ratio(self) -> Fraction:
        """Reduced weights over plain weights."""
        return Fraction(self.reduced.total, self.plain.total)


def _block(name: str, convs: list[tuple[str, int, int, int]]) -> BlockCost:
    """BlockCost of ``convs`` = ``[(layer id, k, C_in, C_out), …]``, biases left out."""
    terms = []
    for layer, k, cin, cout in convs:
        value = conv_params(cin, cout, k, bias=False)  # checks the channel numbers first
        terms.append(Term(layer, (k, k, int(cin), int(cout)), value))
    return BlockCost(name, tuple(terms), sum(t.value for t in terms))


def inception_block_params(
    c_in: int = 192,
    *,
    c1: int = 64,
    c2_reduce: int = 96,
    c2: int = 128,
    c3_reduce: int = 16,
    c3: int = 32,
    c4: int = 32,
) -> BlockComparison:
    """Weights of an Inception (GoogLeNet) block without and with 1×1 reductions.

    Parameters
    ----------
    c_in : int
        Input channels of the block.
    c1 : int
        Outputs of branch 1, a 1×1 convolution.
    c2_reduce, c2 : int
        Branch 2: 1×1 down to ``c2_reduce`` channels, then 3×3 to ``c2``.
    c3_reduce, c3 : int
        Branch 3: 1×1 down to ``c3_reduce``, then 5×5 to ``c3``.
    c4 : int
        Branch 4: 3×3 max-pooling (no weights), then 1×1 to ``c4`` (reduced block only).

    Returns
    -------
    BlockComparison
        ``plain``: 1×1, 3×3 and 5×5 straight from ``c_in`` (terms ``branch1_1x1``,
        ``branch2_3x3``, ``branch3_5x5``); ``reduced``: ``branch1_1x1``, ``branch2_reduce``,
        ``branch2_3x3``, ``branch3_reduce``, ``branch3_5x5``, ``branch4_pool_proj``.
        Biases are left out.

    Notes
    -----
    Defaults (GoogLeNet's inception 3a): plain ``1·1·192·64 + 3·3·192·128 + 5·5·192·32 =
    387,072``; reduced ``1·1·192·64 + 1·1·192·96 + 3·3·96·128 + 1·1·192·16 + 5·5·16·32 +
    1·1·192·32 = 163,328``.
    """
    plain = _block(
        "inception_plain",
        [("branch1_1x1", 1, c_in, c1), ("branch2_3x3", 3, c_in, c2), ("branch3_5x5", 5, c_in, c3)],
    )
    reduced = _block(
        "inception_reduced",
        [
            ("branch1_1x1", 1, c_in, c1),
            ("branch2_reduce", 1, c_in, c2_reduce),
            ("branch2_3x3", 3, c2_reduce, c2),
            ("branch3_reduce", 1, c_in, c3_reduce),
            ("branch3_5x5", 5, c3_reduce, c3),
            ("branch4_pool_proj", 1, c_in, c4),
        ],
    )
    return BlockComparison(plain, reduced)


def resnet_params(channels: int = 256, *, mid: int = 64) -> BlockComparison:
    """Weights of two 3×3 convolutions against a ResNet bottleneck at ``channels``.

    Parameters
    ----------
    channels : int
        Channels in and out of the block.
    mid : int
        Channels inside the bottleneck.

    Returns
    -------
    BlockComparison
        ``plain``: ``conv1_3x3``, ``conv2_3x3`` (channels → channels); ``reduced``:
        ``reduce_1x1`` (channels → mid), ``conv_3x3`` (mid → mid), ``expand_1x1``
        (mid → channels). Biases are left out.

    Notes
    -----
    Defaults: ``2·3·3·256·256 = 1,179,648`` against ``1·1·256·64 + 3·3·64·64 + 1·1·64·256 =
    69,632``.
    """
    plain = _block(
        "resnet_plain",
        [("conv1_3x3", 3, channels, channels), ("conv2_3x3", 3, channels, channels)],
    )
    reduced = _block(
        "resnet_bottleneck",
        [
            ("reduce_1x1", 1, channels, mid),
            ("conv_3x3", 3, mid, mid),
            ("expand_1x1", 1, mid, channels),
        ],
    )
    return BlockComparison(plain, reduced)
