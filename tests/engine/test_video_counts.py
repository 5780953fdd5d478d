"""Weights and MACs of the video layers: C3D's numbers by hand, Tran et al.'s width, PyTorch."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.conv import conv3d
from convviz.engine.errors import ConvValueError
from convviz.engine.video_counts import VIDEO_LAYERS, r2plus1d_mid_channels, video_layers
from tests.engine.test_params import assert_conv_error


def test_c3d_conv2a_by_hand():
    # C3D's second layer: 64 → 128 channels, 3×3×3, padding 1, on 16 frames of 56×56
    layers = dict(zip(VIDEO_LAYERS, video_layers(64, 128, 16, 56), strict=True))
    c3d = layers["c3d"]
    assert c3d.weights == 3 * 3 * 3 * 64 * 128 == 221_184
    assert c3d.out_shape == (128, 16, 56, 56)
    assert c3d.macs == 221_184 * 16 * 56 * 56
    assert c3d.convs[0].weights.factors == (3, 3, 3, 64, 128)


def test_ji_kernels_are_valid_convolutions_over_three_frames():
    layers = dict(zip(VIDEO_LAYERS, video_layers(1, 2, 7, 60), strict=True))
    assert layers["ji_773"].out_shape == (2, 5, 54, 54)
    assert layers["ji_763"].out_shape == (2, 5, 54, 55)
    assert layers["ji_763"].weights == 3 * 7 * 6 * 1 * 2


def test_early_fusion_loses_time_and_frame_2d_keeps_it():
    layers = dict(zip(VIDEO_LAYERS, video_layers(3, 8, 10, 12), strict=True))
    fusion = layers["early_fusion"]
    assert not fusion.keeps_time and fusion.out_shape == (8, 1, 12, 12)
    assert fusion.weights == 3 * 3 * 3 * 10 * 8  # a 2-D kernel over 3·10 channels
    assert layers["frame_2d"].out_shape == (8, 10, 12, 12)
    assert layers["frame_2d"].weights == 9 * 3 * 8


@pytest.mark.parametrize(
    ("cin", "cout", "expected"), [(64, 64, 144), (64, 128, 230), (3, 64, 23), (512, 512, 1152)]
)
def test_mid_channels_formula(cin, cout, expected):
    assert r2plus1d_mid_channels(cin, cout) == expected
    assert expected == math.floor(27 * cin * cout / (9 * cin + 3 * cout))


@given(st.integers(1, 600), st.integers(1, 600))
def test_r2plus1d_never_has_more_weights_than_c3d(cin, cout):
    layers = dict(zip(VIDEO_LAYERS, video_layers(cin, cout, 4, 8), strict=True))
    block, c3d = layers["r2plus1d"], layers["c3d"]
    m = r2plus1d_mid_channels(cin, cout)
    assert block.weights == 9 * cin * m + 3 * m * cout <= c3d.weights
    assert block.weights + 9 * cin + 3 * cout > c3d.weights  # M + 1 would be too many
    assert block.out_shape == c3d.out_shape


def test_output_shapes_are_conv3d_shapes():
    clip = np.zeros((1, 2, 5, 9, 9))
    for layer in video_layers(2, 3, 5, 9):
        x = clip
        for conv in layer.convs:
            weight = np.zeros((conv.out_channels, x.shape[1], *conv.kernel))
            x = conv3d(x, weight, padding=conv.padding)
        assert x.shape[1:] == layer.out_shape, layer.name


def test_torch_counts_the_same_weights():
    torch = pytest.importorskip("torch")
    layers = dict(zip(VIDEO_LAYERS, video_layers(16, 32, 8, 16), strict=True))
    for name in ("c3d", "ji_773", "ji_763", "r2plus1d"):
        modules = [
            torch.nn.Conv3d(c.in_channels, c.out_channels, c.kernel, padding=c.padding, bias=False)
            for c in layers[name].convs
        ]
        assert sum(m.weight.numel() for m in modules) == layers[name].weights
        y = torch.nn.Sequential(*modules)(torch.zeros(1, 16, 8, 16, 16))
        assert tuple(y.shape[1:]) == layers[name].out_shape


def test_clips_too_small_for_a_kernel_are_explained():
    with pytest.raises(ConvValueError) as excinfo:
        video_layers(4, 4, 2, 56)
    assert_conv_error(excinfo, "kernel_too_large", "kernel_size=3", "i+2p = 2")
    with pytest.raises(ConvValueError) as excinfo:
        video_layers(4, 4, 8, 6)
    assert_conv_error(excinfo, "kernel_too_large", "kernel_size=7")
    with pytest.raises(ConvValueError) as excinfo:
        video_layers(0, 4, 8, 8)
    assert_conv_error(excinfo, "not_positive", "in_channels=0")
