"""Counts of a deformable block: the offset and mask convolutions against nn.Conv2d's
parameters (where PyTorch is installed) and against worked numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.deform_counts import deform_counts
from convviz.engine.errors import ConvValueError


def test_worked_example_64_channels_3x3():
    counts = deform_counts(64, 64, 3, (56, 56), modulated=True)
    offset, mask, main = counts.layers
    assert (offset.out_channels, mask.out_channels) == (18, 9)
    assert offset.params == 64 * 18 * 9 + 18 == 10386
    assert mask.params == 64 * 9 * 9 + 9 == 5193
    assert main.params == counts.standard.params == 64 * 64 * 9 + 64 == 36928
    assert counts.params == 10386 + 5193 + 36928
    assert main.macs == 9 * 64 * 64 * 56 * 56
    assert offset.macs == 9 * 64 * 18 * 56 * 56
    reads = 64 * 9 * 56 * 56
    assert counts.bilinear_macs == 5 * reads  # 4 for the blend, 1 for the mask
    assert counts.macs == main.macs + offset.macs + mask.macs + 5 * reads


def test_offset_groups_and_weight_groups():
    counts = deform_counts(8, 4, (3, 1), (5, 5), offset_groups=4, groups=2, bias=False)
    offset, main = counts.layers
    assert offset.out_channels == 2 * 4 * 3
    assert offset.params == 8 * 24 * 3
    assert main.params == 4 * 4 * 3  # C_out · C_in/groups · kH · kW
    with pytest.raises(ConvValueError) as info:
        deform_counts(6, 4, 3, (5, 5), offset_groups=4)
    assert info.value.code == "offset_groups_not_dividing"
    assert info.value.suggestion == {"offset_groups": 3}
    assert "in_channels=6" in str(info.value) and "offset_groups=4" in str(info.value)


@given(
    st.tuples(
        st.integers(1, 8),
        st.integers(1, 8),
        st.integers(1, 5),
        st.sampled_from([1, 2]),
        st.booleans(),
        st.booleans(),
    )
)
def test_parameters_match_nn_conv2d(case):
    torch = pytest.importorskip("torch")
    cin, cout, k, g, modulated, bias = case
    cin *= g
    counts = deform_counts(cin, cout, k, (4, 4), offset_groups=g, modulated=modulated, bias=bias)
    for layer in counts.layers:
        module = torch.nn.Conv2d(cin, layer.out_channels, k, bias=bias)
        assert layer.params == sum(p.numel() for p in module.parameters())
