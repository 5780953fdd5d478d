"""The deformable page's PyTorch code runs and prints the page's numbers.

torchvision is not installed here, so the snippets run with a stand-in ``torchvision.ops``
whose ``deform_conv2d`` is PyTorch's ``grid_sample`` (bilinear, zeros outside,
align_corners=True) followed by the weighted sum — the rebuild that
``tests/engine/test_deform_torch.py`` checks against the engine. Everything else in the
snippet (tensors, offsets, mask, the offset layer) is what a learner pastes.
"""

from __future__ import annotations

import numpy as np
import pytest

from convviz.engine.errors import ConvValueError
from convviz.engine.offset_fields import OFFSET_KINDS
from convviz.figures.deformable import code, data
from convviz.i18n import LANGUAGES
from tests.support.snippets import problems, run_snippets

pytest.importorskip("torch")
pytestmark = pytest.mark.torch

STAND_IN = """import sys, types, torch
def _deform_conv2d(x, offset, weight, bias=None, stride=1, padding=0, dilation=1, mask=None):
    n, c, h, w = x.shape; c_out, _, kh, kw = weight.shape; oh, ow = offset.shape[2:]
    t = torch.arange(kh * kw); a, b = t // kw, t % kw
    rows = torch.arange(oh)[None, :, None] * stride - padding + a[:, None, None] * dilation
    cols = torch.arange(ow)[None, None, :] * stride - padding + b[:, None, None] * dilation
    off = offset.reshape(n, kh * kw, 2, oh, ow)
    py, px = rows + off[:, :, 0], cols + off[:, :, 1]
    grid = torch.stack([2 * px / (w - 1) - 1, 2 * py / (h - 1) - 1], -1).reshape(n, -1, ow, 2)
    read = torch.nn.functional.grid_sample(x, grid.to(x.dtype), align_corners=True)
    read = read.reshape(n, c, kh * kw, oh, ow)
    if mask is not None:
        read = read * mask.reshape(n, 1, kh * kw, oh, ow)
    return torch.einsum("nctij,oct->noij", read, weight.reshape(c_out, c, kh * kw))
ops = types.ModuleType("torchvision.ops"); ops.deform_conv2d = _deform_conv2d
sys.modules["torchvision"] = types.ModuleType("torchvision"); sys.modules["torchvision.ops"] = ops
"""


def _cases(rng: np.random.Generator, count: int) -> list[tuple[str, str, dict]]:
    cases = []
    for number in range(count):
        kind = OFFSET_KINDS[number % len(OFFSET_KINDS)]
        spec = data.AMOUNTS.get(kind)
        amount = 0.0
        if spec is not None:
            steps = round((spec.max_value - spec.min_value) / spec.step)
            amount = spec.min_value + spec.step * int(rng.integers(steps + 1))
        setting = {
            "picture_kind": str(rng.choice(data.PICTURES)),
            "kernel_kind": str(rng.choice(data.KERNELS)),
            "offsets": kind,
            "amount": amount,
            "seed": int(rng.integers(0, 100)),
            "mask": bool(number % 3 == 1),
            "input_size": int(rng.integers(3, 17)),
            "kernel_size": int(rng.integers(1, 6)),
            "stride": int(rng.integers(1, 4)),
            "padding": int(rng.integers(0, 4)),
            "dilation": int(rng.integers(1, 4)),
        }
        try:
            o = data.output_side(**setting)
        except ConvValueError:
            continue  # the page shows the error instead
        cell = (int(rng.integers(o)), int(rng.integers(o)))
        edit = None
        if number % 4 == 3:  # one tap of the cell set by hand
            tap = int(rng.integers(setting["kernel_size"] ** 2))
            edit = (*cell, tap, *(float(v) for v in rng.integers(-12, 13, 2) / 4))
        arrays = data.page_arrays(**setting, edit=edit)
        lang = LANGUAGES[number % 2]
        source = code.code_view(
            arrays["x"],
            arrays["kernel"],
            arrays["offset"],
            arrays["mask"],
            arrays["output"],
            offsets=kind,
            edited=edit is not None,
            amount=amount,
            seed=setting["seed"],
            cell=cell,
            stride=setting["stride"],
            padding=setting["padding"],
            dilation=setting["dilation"],
            lang=lang,
        )
        expected = {f"y[0, 0, {cell[0]}, {cell[1]}].item()": arrays["output"][cell]}
        cases.append((f"deformable-{number}-{lang}-{setting}-{cell}", source, expected))
    return cases


def test_every_snippet_runs_and_prints_the_pages_numbers():
    cases = _cases(np.random.default_rng(18), 36)
    assert len(cases) >= 18
    results = run_snippets({name: STAND_IN + source for name, source, _ in cases})
    failures = {
        name: found
        for name, source, expected in cases
        if (found := problems(STAND_IN + source, results[name], expected))
    }
    assert not failures, "\n\n".join(f"{name}:\n" + "\n".join(v) for name, v in failures.items())
    assert all("from torchvision.ops import deform_conv2d" in source for _, source, _ in cases)
