"""The loop references themselves, against SciPy's 2-D correlation and the zero-insertion form."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from scipy import signal

from convviz.engine.errors import ConvValueError
from convviz.engine.reference import conv2d_reference, conv_transpose2d_reference

NUMPY_MODES = {"zeros": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def dilate_kernel(w: np.ndarray, dh: int, dw: int) -> np.ndarray:
    """Put d − 1 zeros between the taps of a (kH, kW) kernel."""
    kh, kw = w.shape
    out = np.zeros((dh * (kh - 1) + 1, dw * (kw - 1) + 1))
    out[::dh, ::dw] = w
    return out


def conv2d_scipy(x, w, *, stride, padding, dilation, groups, mode):
    """(C_in, H, W) input: pad with numpy.pad, correlate each channel pair with SciPy, stride."""
    (sh, sw), (ph, pw), (dh, dw) = stride, padding, dilation
    xp = np.pad(x, ((0, 0), (ph, ph), (pw, pw)), mode=NUMPY_MODES[mode])
    c_out, cg = w.shape[:2]
    per_group = c_out // groups
    channels = []
    for o in range(c_out):
        first = (o // per_group) * cg
        total = sum(
            signal.correlate2d(xp[first + ci], dilate_kernel(w[o, ci], dh, dw), mode="valid")
            for ci in range(cg)
        )
        channels.append(total[::sh, ::sw])
    return np.stack(channels)


def conv_transpose2d_zero_insertion(x, w, *, stride, padding, output_padding, dilation):
    """(C_in, H, W), groups 1: insert s − 1 zeros, full convolution (flips the kernel), crop."""
    (sh, sw), (ph, pw), (ah, aw), (dh, dw) = stride, padding, output_padding, dilation
    c_in, h, w_in = x.shape
    spread = np.zeros((c_in, (h - 1) * sh + 1, (w_in - 1) * sw + 1))
    spread[:, ::sh, ::sw] = x  # zero insertion
    channels = []
    for o in range(w.shape[1]):
        full = sum(
            signal.convolve2d(spread[ci], dilate_kernel(w[ci, o], dh, dw), mode="full")
            for ci in range(c_in)
        )
        full = np.pad(full, ((0, ah), (0, aw)))  # rows past the last stamp, if any, are 0
        out_h, out_w = full.shape[0] - 2 * ph, full.shape[1] - 2 * pw  # padding crops
        channels.append(full[ph : ph + out_h, pw : pw + out_w])
    return np.stack(channels)


def test_worked_examples():
    x = np.arange(16.0).reshape(1, 4, 4)
    assert conv2d_reference(x, np.ones((1, 1, 3, 3))).tolist() == [[[45.0, 54.0], [81.0, 90.0]]]
    seed_004 = conv_transpose2d_reference(
        [[[1.0, 2.0], [3.0, 4.0]]], [[[[1.0, 0.0], [0.0, 0.0]]]], stride=2
    )
    assert seed_004.tolist() == [
        [[1.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 0.0], [3.0, 0.0, 4.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
    ]


def test_keeps_dtype_and_batch_form():
    x = np.ones((1, 2, 3, 3), np.float32)
    w = np.ones((2, 2, 2, 2), np.float32)
    assert conv2d_reference(x, w).dtype == np.float32
    assert conv2d_reference(x[0], w).shape == (2, 2, 2)
    assert conv_transpose2d_reference(x, w).dtype == np.float32
    assert conv_transpose2d_reference(x[0], w).shape == (2, 4, 4)


def test_shares_the_ops_checks():
    with pytest.raises(ConvValueError) as excinfo:
        conv2d_reference(np.ones((1, 3, 3)), np.ones((1, 1, 2, 2)), stride=0)
    assert excinfo.value.code == "not_positive"
    with pytest.raises(ConvValueError) as excinfo:
        conv_transpose2d_reference(np.ones((1, 3, 3)), np.ones((1, 1, 2, 2)), output_padding=1)
    assert excinfo.value.code == "output_padding_too_large"


@given(
    data=st.data(),
    groups=st.sampled_from([1, 2]),
    mode=st.sampled_from(sorted(NUMPY_MODES)),
    stride=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    padding=st.tuples(st.integers(0, 2), st.integers(0, 2)),
    dilation=st.tuples(st.integers(1, 2), st.integers(1, 2)),
    kernel=st.tuples(st.integers(1, 3), st.integers(1, 3)),
)
def test_conv2d_reference_matches_scipy(*, data, groups, mode, stride, padding, dilation, kernel):
    size = tuple(
        data.draw(st.integers(max(d * (k - 1) + 1 - 2 * p, p + 1, 1), 8))
        for k, d, p in zip(kernel, dilation, padding, strict=True)
    )
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((2 * groups, *size))
    w = rng.standard_normal((2 * groups, 2, *kernel))
    params = {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups}
    expected = conv2d_scipy(x, w, mode=mode, **params)
    got = conv2d_reference(x, w, padding_mode=mode, **params)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


@given(
    data=st.data(),
    stride=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    padding=st.tuples(st.integers(0, 2), st.integers(0, 2)),
    dilation=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    kernel=st.tuples(st.integers(1, 4), st.integers(1, 4)),
    size=st.tuples(st.integers(1, 6), st.integers(1, 6)),
)
def test_conv_transpose2d_reference_matches_zero_insertion(
    *, data, stride, padding, dilation, kernel, size
):
    output_padding = tuple(
        data.draw(st.integers(0, max(s, d) - 1)) for s, d in zip(stride, dilation, strict=True)
    )
    axes = zip(size, kernel, stride, padding, output_padding, dilation, strict=True)
    for i, k, s, p, a, d in axes:
        assume((i - 1) * s + d * (k - 1) + a + 1 - 2 * p >= 1)
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((2, *size))
    w = rng.standard_normal((2, 3, *kernel))
    params = {
        "stride": stride,
        "padding": padding,
        "output_padding": output_padding,
        "dilation": dilation,
    }
    expected = conv_transpose2d_zero_insertion(x, w, **params)
    got = conv_transpose2d_reference(x, w, **params)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)
