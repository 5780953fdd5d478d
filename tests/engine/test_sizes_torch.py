"""Output sizes and padding against PyTorch itself, never against the engine's own formulas.

Each test builds the layer in PyTorch on an input of the size in question and reads the shape
it returns; the engine's size functions must agree. The loop references elsewhere share
``prepare_conv2d`` and ``pad2d`` with the ops, so these are the independent judge.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.sizes import size_keeping_padding
from convviz.engine.trace import sliding_trace
from convviz.i18n import LANGUAGES, translate_error

torch = pytest.importorskip("torch")
F = torch.nn.functional

pytestmark = pytest.mark.torch

sizes = st.integers(1, 12)
kernels = st.integers(1, 5)
strides = st.integers(1, 4)
pads = st.integers(0, 4)
dilations = st.integers(1, 3)


def torch_conv_rows(i: int, k: int, s: int, p: Any, d: int) -> int | None:
    """Rows PyTorch's conv1d returns for an i-long input, or None when it refuses."""
    try:
        with torch.no_grad():
            y = F.conv1d(
                torch.zeros(1, 1, i), torch.zeros(1, 1, k), stride=s, padding=p, dilation=d
            )
    except RuntimeError:
        return None
    return y.shape[-1] or None


@settings(deadline=None)
@given(sizes, kernels, strides, dilations)
def test_size_keeping_padding_is_the_smallest_that_torch_confirms(i, k, s, d):
    keep = size_keeping_padding(i, k, s, d)
    kept = [p for p in range(0, s * i + d * k) if torch_conv_rows(i, k, s, p, d) == i]
    assert keep == (kept[0] if kept else None)
    if s > 1:
        assert keep is not None  # a larger stride never rules a size-keeping padding out


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("hw", "k", "stride"), [((4, 4), 3, 2), ((7, 5), 2, (1, 3)), ((9, 9), 4, 3)]
)
def test_same_with_a_stride_states_a_padding_that_torch_confirms(lang, hw, k, stride):
    with pytest.raises(ConvValueError) as caught:
        conv2d(np.ones((1, *hw)), np.ones((1, 1, k, k)), padding="same", stride=stride)
    values = caught.value.values
    i, keep = values["size"], values["keep"]
    assert i in hw and torch_conv_rows(i, k, values["s"], keep, 1) == i
    with pytest.raises(RuntimeError, match="not supported"):  # PyTorch's own refusal
        F.conv2d(torch.ones(1, 1, *hw), torch.ones(1, 1, k, k), padding="same", stride=stride)
    message = translate_error(caught.value, lang)
    assert f"p = {keep}" in message and f"+ 1 = {i}" in message
    assert f"⌈i / s⌉ = {-(-i // values['s'])}" in message


MODES = ("zeros", "reflect", "replicate", "circular")


@settings(max_examples=60, deadline=None)
@given(
    h=st.integers(1, 7), w=st.integers(1, 7), k=st.integers(1, 4), s=st.integers(1, 4),
    p=st.integers(0, 3), d=st.integers(1, 2), mode=st.sampled_from(MODES),
)  # fmt: skip
def test_input_read_counts_are_torch_gradients(*, h, w, k, s, p, d, mode):
    """With all-ones weights, d(sum y)/dx counts the taps that read each input value,
    through the border's copies too: PyTorch's autograd is the independent count."""
    x = np.arange(float(h * w)).reshape(h, w)
    try:
        trace = sliding_trace(
            x, np.ones((k, k)), stride=s, padding=p, dilation=d, padding_mode=mode
        )
    except ConvValueError:
        return  # reflect / circular wider than the input, or an empty output
    layer = torch.nn.Conv2d(1, 1, k, stride=s, padding=p, dilation=d, padding_mode=mode, bias=False)
    torch.nn.init.ones_(layer.weight)
    xt = torch.tensor(x[None, None], requires_grad=True, dtype=torch.float64)
    y = layer.double()(xt)
    assert tuple(y.shape[-2:]) == trace.out_hw
    y.sum().backward()
    np.testing.assert_array_equal(trace.input_read_counts(), xt.grad[0, 0].numpy())
