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
from convviz.engine.padding import pad2d, padding_source_index
from convviz.engine.sizes import (
    conv_output_size,
    conv_transpose_output_size,
    floor_remainder,
    forward_input_sizes,
    output_padding_range,
    size_keeping_padding,
    tf_same_padding,
    torch_same_padding,
    unreached_indices,
)
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
MODES = ("zeros", "reflect", "replicate", "circular")


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


def torch_transpose_rows(i: int, k: int, s: int, p: int, a: int, d: int) -> int | None:  # noqa: PLR0917
    """Rows PyTorch's conv_transpose1d returns, or None when it refuses the setting."""
    try:
        with torch.no_grad():
            y = F.conv_transpose1d(
                torch.zeros(1, 1, i), torch.zeros(1, 1, k), stride=s, padding=p,
                output_padding=a, dilation=d,
            )  # fmt: skip
    except RuntimeError:
        return None
    return y.shape[-1] or None


def engine(call, *args) -> int | None:
    """The engine's answer, or None when it raises its ``ConvValueError``."""
    try:
        return call(*args)
    except ConvValueError:
        return None


@settings(max_examples=100, deadline=None)
@given(sizes, kernels, strides, pads, dilations)
def test_conv_output_size_is_torchs(i, k, s, p, d):
    assert engine(conv_output_size, i, k, s, p, d) == torch_conv_rows(i, k, s, p, d)


@settings(max_examples=100, deadline=None)
@given(sizes, kernels, strides, pads, st.integers(0, 4), dilations)
def test_conv_transpose_output_size_and_the_output_padding_range_are_torchs(i, k, s, p, a, d):  # noqa: PLR0917
    rows = torch_transpose_rows(i, k, s, p, a, d)
    assert engine(conv_transpose_output_size, i, k, s, p, a, d) == rows
    if rows is not None:
        assert a in output_padding_range(s, d)


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel:UserWarning")
@settings(max_examples=80, deadline=None)
@given(sizes, kernels, dilations)
def test_torch_same_padding_is_what_torch_pads(i, k, d):
    """Padding (before, after) by hand gives exactly torch's padding="same" output."""
    before, after = torch_same_padding(k, d)
    x, w = torch.randn(1, 1, i, dtype=torch.float64), torch.randn(1, 1, k, dtype=torch.float64)
    same = F.conv1d(x, w, padding="same", dilation=d)
    by_hand = F.conv1d(F.pad(x, (before, after)), w, dilation=d)
    assert same.shape[-1] == i
    torch.testing.assert_close(by_hand, same)


@settings(max_examples=80, deadline=None)
@given(sizes, kernels, strides, dilations)
def test_tf_same_padding_gives_ceil_i_over_s_in_torch(i, k, s, d):
    """TensorFlow's rule, run in PyTorch: the pads give ⌈i / s⌉ and no smaller total does."""
    out, before, after = tf_same_padding(i, k, s, d)
    assert out == -(-i // s) == torch_conv_rows(i + before + after, k, s, 0, d)
    assert before in (after, after - 1)
    if before + after:
        assert torch_conv_rows(i + before + after - 1, k, s, 0, d) != out


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 8), kernels, strides, pads, dilations)
def test_forward_input_sizes_are_every_size_torch_maps_there(o, k, s, p, d):
    found = [i for i in range(1, o * s + d * k + 2 * s) if torch_conv_rows(i, k, s, p, d) == o]
    assert forward_input_sizes(o, k, s, p, d) == found


@settings(max_examples=80, deadline=None)
@given(sizes, kernels, strides, pads, dilations)
def test_unreached_rows_are_the_rows_torch_never_reads(i, k, s, p, d):
    """With ones as weights, d(sum y)/d(padded x) is 0 exactly on the rows no window reads."""
    if torch_conv_rows(i, k, s, p, d) is None:
        return
    padded = torch.zeros(1, 1, i + 2 * p, dtype=torch.float64, requires_grad=True)
    F.conv1d(
        padded, torch.ones(1, 1, k, dtype=torch.float64), stride=s, dilation=d
    ).sum().backward()
    read = padded.grad[0, 0].numpy()
    last = int(np.flatnonzero(read).max())
    assert unreached_indices(i, k, s, p, d) == list(range(last + 1, i + 2 * p))
    assert floor_remainder(i, k, s, p, d) == i + 2 * p - 1 - last


@settings(max_examples=80, deadline=None)
@given(
    h=st.integers(1, 6), w=st.integers(1, 6), pads=st.tuples(*[st.integers(0, 5)] * 4),
    mode=st.sampled_from(MODES),
)  # fmt: skip
def test_pad2d_and_the_source_of_each_border_cell_are_torchs(h, w, pads, mode):
    top, bottom, left, right = pads
    x = np.arange(1.0, h * w + 1).reshape(h, w)
    torch_mode = "constant" if mode == "zeros" else mode
    try:
        expected = F.pad(torch.tensor(x[None, None]), (left, right, top, bottom), mode=torch_mode)
    except (RuntimeError, ValueError, NotImplementedError):
        expected = None
    try:
        padded = pad2d(x, pads, mode)
    except ConvValueError:
        padded = None
    assert (padded is None) == (expected is None)
    if padded is None:
        return
    np.testing.assert_array_equal(padded, expected[0, 0].numpy())
    source = padding_source_index((h, w), pads, mode)  # (H_p, W_p, 2)
    copied = np.where(source[..., 0] >= 0, x[source[..., 0], source[..., 1]], 0.0)
    np.testing.assert_array_equal(copied, padded)
