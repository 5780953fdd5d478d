"""The engine against PyTorch on random configurations (skipped when torch is not installed).

PyTorch is a test dependency (requirements-test.txt), never one of the app; without it these
tests skip locally, and in CI (``CI`` set) ``tests/conftest.py`` fails instead.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from convviz.engine.conv import conv1d, conv2d, conv3d
from convviz.engine.errors import ConvValueError
from convviz.engine.transpose import conv_transpose2d

torch = pytest.importorskip("torch")
F = torch.nn.functional

pytestmark = pytest.mark.torch

MODES = ("zeros", "reflect", "replicate", "circular")
TOLERANCE = {
    np.float64: {"rtol": 1e-10, "atol": 1e-10},
    np.float32: {"rtol": 1e-4, "atol": 1e-4},
}


def random_conv_case(rng: np.random.Generator, dtype) -> tuple:
    """Arrays and hyper-parameters for one conv2d call; may be invalid on purpose."""
    groups = int(rng.choice([1, 2, 3]))
    c_in, c_out = groups * int(rng.integers(1, 3)), groups * int(rng.integers(1, 3))
    kernel = tuple(int(v) for v in rng.integers(1, 5, 2))
    stride = tuple(int(v) for v in rng.integers(1, 4, 2))
    dilation = tuple(int(v) for v in rng.integers(1, 4, 2))
    size = tuple(int(v) for v in rng.integers(1, 11, 2))
    choice = rng.random()
    if choice < 0.15:
        padding, stride = "same", (1, 1)
    elif choice < 0.25:
        padding = "valid"
    else:
        padding = tuple(int(v) for v in rng.integers(0, 4, 2))
    mode = str(rng.choice(MODES))
    x = rng.standard_normal((int(rng.integers(1, 3)), c_in, *size)).astype(dtype)
    w = rng.standard_normal((c_out, c_in // groups, *kernel)).astype(dtype)
    b = rng.standard_normal(c_out).astype(dtype)
    params = {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups}
    return x, w, b, params, mode


def torch_conv2d(x, w, b, params, mode):
    """nn.Conv2d / Conv1d / Conv3d (by the weight's rank) with the given weights.

    The layers are the only torch API with every padding mode.
    """
    layer_class = {3: torch.nn.Conv1d, 4: torch.nn.Conv2d, 5: torch.nn.Conv3d}[w.ndim]
    layer = layer_class(
        w.shape[1] * params["groups"],
        w.shape[0],
        w.shape[2:],
        padding_mode=mode,
        **params,
    ).to(torch.from_numpy(x).dtype)
    with torch.no_grad():
        layer.weight.copy_(torch.from_numpy(w))
        layer.bias.copy_(torch.from_numpy(b))
        return layer(torch.from_numpy(x)).numpy()


def agrees_with_torch(op, case: tuple) -> bool:
    """Whether ``op`` gave torch's result (True), or refused a call torch refused (False).

    ``case`` is ``(x, w, b, params, mode)`` as the random case builders return it.
    """
    x, w, b, params, mode = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch warns about "same" with even kernels
        try:
            expected = torch_conv2d(x, w, b, params, mode)
        except (RuntimeError, ValueError):
            with pytest.raises(ConvValueError):
                op(x, w, b, padding_mode=mode, **params)
            return False
    got = op(x, w, b, padding_mode=mode, **params)
    assert got.dtype == x.dtype
    assert got.shape == expected.shape, (params, mode)
    np.testing.assert_allclose(got, expected, **TOLERANCE[x.dtype.type])
    return True


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("seed", range(8))
def test_conv2d_matches_torch(seed, dtype):
    rng = np.random.default_rng(seed)
    compared = 0
    for _ in range(60):
        compared += agrees_with_torch(conv2d, random_conv_case(rng, dtype))
    assert compared >= 20


@pytest.mark.parametrize("seed", range(4))
def test_conv2d_functional_same_and_valid(seed):
    rng = np.random.default_rng(100 + seed)
    for _ in range(40):
        x, w, b, params, _ = random_conv_case(rng, np.float64)
        params["padding"] = str(rng.choice(["same", "valid"]))
        if params["padding"] == "same":
            params["stride"] = 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                expected = F.conv2d(
                    torch.from_numpy(x), torch.from_numpy(w), torch.from_numpy(b), **params
                ).numpy()
            except RuntimeError:
                with pytest.raises(ConvValueError):
                    conv2d(x, w, b, **params)
                continue
        np.testing.assert_allclose(conv2d(x, w, b, **params), expected, rtol=1e-10, atol=1e-10)


def test_same_with_stride_is_refused_by_both():
    x, w = np.ones((1, 1, 5, 5)), np.ones((1, 1, 3, 3))
    with pytest.raises((RuntimeError, ValueError)):
        F.conv2d(torch.from_numpy(x), torch.from_numpy(w), stride=2, padding="same")
    with pytest.raises(ConvValueError):
        conv2d(x, w, stride=2, padding="same")


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("seed", range(8))
def test_conv_transpose2d_matches_torch(seed, dtype):
    rng = np.random.default_rng(1000 + seed)
    compared = 0
    for _ in range(60):
        groups = int(rng.choice([1, 2, 3]))
        c_in, c_out_g = groups * int(rng.integers(1, 3)), int(rng.integers(1, 3))
        kernel = tuple(int(v) for v in rng.integers(1, 5, 2))
        params = {
            "stride": tuple(int(v) for v in rng.integers(1, 4, 2)),
            "padding": tuple(int(v) for v in rng.integers(0, 4, 2)),
            "output_padding": tuple(int(v) for v in rng.integers(0, 3, 2)),
            "groups": groups,
            "dilation": tuple(int(v) for v in rng.integers(1, 4, 2)),
        }
        batch = (int(rng.integers(1, 3)),) if rng.random() < 0.5 else ()
        x = rng.standard_normal((*batch, c_in, *rng.integers(1, 8, 2))).astype(dtype)
        w = rng.standard_normal((c_in, c_out_g, *kernel)).astype(dtype)
        b = rng.standard_normal(c_out_g * groups).astype(dtype) if rng.random() < 0.5 else None
        try:
            expected = F.conv_transpose2d(
                torch.from_numpy(x),
                torch.from_numpy(w),
                None if b is None else torch.from_numpy(b),
                **params,
            ).numpy()
        except RuntimeError:
            expected = None
        if expected is None or 0 in expected.shape[-2:]:
            # Some torch kernels return an empty tensor instead of refusing; the engine
            # always explains an empty output.
            with pytest.raises(ConvValueError):
                conv_transpose2d(x, w, b, **params)
            continue
        got = conv_transpose2d(x, w, b, **params)
        assert got.dtype == dtype
        assert got.shape == expected.shape, params
        np.testing.assert_allclose(got, expected, **TOLERANCE[dtype])
        compared += 1
    assert compared >= 15


def test_output_padding_rule_matches_torch():
    """Torch and the engine accept exactly the same output_padding values."""
    x, w = np.ones((1, 1, 3, 3)), np.ones((1, 1, 3, 3))
    for stride in range(1, 4):
        for dilation in range(1, 4):
            for a in range(5):
                kwargs = {"stride": stride, "dilation": dilation, "output_padding": a}
                try:
                    F.conv_transpose2d(torch.from_numpy(x), torch.from_numpy(w), **kwargs)
                    torch_ok = True
                except RuntimeError:
                    torch_ok = False
                try:
                    conv_transpose2d(x, w, **kwargs)
                    ours_ok = True
                except ConvValueError:
                    ours_ok = False
                assert torch_ok == ours_ok == (a < max(stride, dilation)), kwargs


def random_conv_nd_case(rng: np.random.Generator, dtype, spatial: int) -> tuple:
    """Arrays and hyper-parameters for one conv1d / conv3d call; may be invalid on purpose."""
    groups = int(rng.choice([1, 2]))
    c_in, c_out = groups * int(rng.integers(1, 3)), groups * int(rng.integers(1, 3))

    def ints(low: int, high: int) -> tuple[int, ...]:
        return tuple(int(v) for v in rng.integers(low, high, spatial))

    kernel, stride, dilation = ints(1, 4), ints(1, 3), ints(1, 3)
    size = ints(1, 7 if spatial == 3 else 12)
    choice = rng.random()
    if choice < 0.15:
        padding, stride = "same", (1,) * spatial
    elif choice < 0.25:
        padding = "valid"
    else:
        padding = ints(0, 3)
    x = rng.standard_normal((int(rng.integers(1, 3)), c_in, *size)).astype(dtype)
    w = rng.standard_normal((c_out, c_in // groups, *kernel)).astype(dtype)
    b = rng.standard_normal(c_out).astype(dtype)
    params = {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups}
    return x, w, b, params, str(rng.choice(MODES))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize(("spatial", "op"), [(1, conv1d), (3, conv3d)], ids=["1d", "3d"])
@pytest.mark.parametrize("seed", range(4))
def test_conv1d_and_conv3d_match_torch(seed, spatial, op, dtype):
    rng = np.random.default_rng(2000 + seed)
    compared = 0
    for _ in range(50):
        compared += agrees_with_torch(op, random_conv_nd_case(rng, dtype, spatial))
    assert compared >= 15


def test_c3d_layer_and_temporal_difference_match_torch():
    """The page's own settings: a C3D 3×3×3 layer with padding 1, and a [-1, 1] kernel in time."""
    rng = np.random.default_rng(7)
    clip = rng.standard_normal((1, 3, 8, 16, 16))
    w = rng.standard_normal((4, 3, 3, 3, 3))
    b = rng.standard_normal(4)
    expected = F.conv3d(torch.from_numpy(clip), torch.from_numpy(w), torch.from_numpy(b), padding=1)
    np.testing.assert_allclose(
        conv3d(clip, w, b, padding=1), expected.numpy(), rtol=1e-10, atol=1e-10
    )
    diff = np.array([-1.0, 1.0]).reshape(1, 1, 2, 1, 1)
    gray = clip[:, :1]
    expected = F.conv3d(torch.from_numpy(gray), torch.from_numpy(diff))
    np.testing.assert_array_equal(conv3d(gray, diff), expected.numpy())
