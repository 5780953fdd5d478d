"""Every PyTorch snippet the pages show runs in PyTorch and prints what it says it prints.

The snippet builders of each page are driven directly (as the page calls them) at the page's
defaults and at random valid settings of every control (a fixed seed, so a failure names a
setting that can be opened again), in both languages. All snippets run in one subprocess with
torch (:mod:`tests.support.snippets`); each must not raise, every ``print(...)  # …`` and
``# expr == (…)`` comment must match what runs, and the prints that show the page's result
(``print(y[0, 0])``) must print the page's own numbers.
"""

from __future__ import annotations

import numpy as np
import pytest

from convviz.clips import CLIP_KINDS, KERNEL_KINDS_3D
from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.figures.common.panels import KERNEL_KINDS, kernel_values
from convviz.figures.conv3d import code as conv3d_code
from convviz.figures.conv3d.data import Conv3dSetting, trace_of
from convviz.figures.dilated import code as dilated_code
from convviz.figures.dilated.kernel import KERNEL_FILLS as DILATED_FILLS
from convviz.figures.dilated.kernel import kernel_values as dilated_kernel
from convviz.figures.grouped import code as grouped_code
from convviz.figures.grouped import compute as grouped_compute
from convviz.figures.grouped.groups import valid_groups
from convviz.figures.image_lab import code as image_lab_code
from convviz.figures.image_lab.upsampling import UP_SIDE
from convviz.figures.pointwise import code as pointwise_code
from convviz.figures.pointwise import matmul as pointwise_matmul
from convviz.figures.standard import channels
from convviz.figures.standard import code as standard_code
from convviz.figures.standard.channels import CHANNEL_CONTROLS
from convviz.figures.standard.data import KERNEL_FILLS, PADDING_RULES, setting_from, window_trace
from convviz.figures.standard.data import kernel_values as standard_kernel
from convviz.figures.transposed import code as transposed_code
from convviz.figures.transposed.data import transpose_output
from convviz.i18n import LANGUAGES
from convviz.image_ops import apply_kernel
from convviz.inputs import make_values
from convviz.lab_kernels import KERNEL_NAMES, MAX_KERNEL_SIDE, classic_kernel
from convviz.param_specs import INPUT_KINDS, PADDING_MODES, PARAM_SPECS
from convviz.stacks import COLUMNS, DEFAULT_LAYERS, LIMITS, STACK_MODES, STACK_PRESETS, Layer
from convviz.upsampling import UPSAMPLE_KERNELS, UPSAMPLE_METHODS, upsample_kernel
from tests.support.snippets import problems, run_snippets

pytest.importorskip("torch")
pytestmark = pytest.mark.torch

SETTINGS_PER_PAGE = 40
SEED = 13
LAYER_HYPER = ("stride", "padding", "dilation")


def _draw(rng: np.random.Generator, key: str, high: int | None = None) -> int:
    spec = PARAM_SPECS[key]
    return int(rng.integers(spec.min_value, (high or spec.max_value) + 1))


def _typed(rng: np.random.Generator, count: int) -> str:
    """What a learner might type: numbers with up to seven decimals, some large."""
    scale, places = float(rng.choice([1.0, 10.0, 1000.0])), int(rng.integers(0, 8))
    return " ".join(f"{v:.{places}f}" for v in rng.normal(0.0, scale, count))


def _values(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    """A grid as the input control makes it: counting, random, ones or typed numbers."""
    kind = str(rng.choice(INPUT_KINDS))
    text = _typed(rng, int(np.prod(shape))) if kind == "custom" else ""
    return make_values(kind, shape, seed=int(rng.integers(0, 10_000)), text=text)


# -- each page: (name, source, the page's numbers by printed expression) ------------------
def transposed_cases(rng: np.random.Generator) -> list[tuple[str, str, dict]]:
    """The transposed page's code tab (its sliders: input_size up to 8)."""
    defaults = {"input_size": 3, "kernel_size": 3, "stride": 2, "padding": 1}
    settings = [
        ({**defaults, "output_padding": 0, "dilation": 1}, "arange", "example"),
        # a = 1 >= s = 1 (allowed by d = 2): the round trip does not even give x's shape back
        ({"input_size": 2, "kernel_size": 2, "stride": 1, "padding": 0, "output_padding": 1,
          "dilation": 2}, "arange", "example"),
    ]  # fmt: skip
    while len(settings) < SETTINGS_PER_PAGE:
        hyper = {
            "input_size": _draw(rng, "input_size", 8),
            "kernel_size": _draw(rng, "kernel_size"),
            "stride": _draw(rng, "stride"),
            "padding": _draw(rng, "padding"),
            "output_padding": _draw(rng, "output_padding"),
            "dilation": _draw(rng, "dilation"),
        }
        settings.append((hyper, None, str(rng.choice(KERNEL_KINDS))))
    cases = []
    for number, (hyper, fill, kind) in enumerate(settings):
        i, k = hyper.pop("input_size"), hyper.pop("kernel_size")
        x = make_values(fill, (i, i)) if fill else _values(rng, (i, i))
        kernel = kernel_values(kind, k, seed=number, text=_typed(rng, k * k))
        lang = LANGUAGES[number % 2]
        try:
            source = transposed_code.code_view(x, kernel, lang=lang, **hyper)
        except ConvValueError:
            continue  # the page shows the error instead of the code
        expected = {"y[0, 0]": transpose_output(x, kernel, **hyper)}
        cases.append((f"transposed-{number}-{lang}-i{i}-k{k}-{hyper}", source, expected))
    return cases


SIZE_KEYS = ("input_size", "kernel_size", "stride", "padding")


def _standard_default() -> dict:
    return {
        **{key: PARAM_SPECS[key].default for key in ("input_size", "kernel_size", "stride")},
        "padding": 0,
        "padding_rule": "explicit",
        "padding_mode": "zeros",
        "flip": False,
    }


def _standard_setting(rng: np.random.Generator) -> dict:
    return {
        **{key: _draw(rng, key) for key in SIZE_KEYS},
        "padding_rule": str(rng.choice(PADDING_RULES)),
        "padding_mode": str(rng.choice(PADDING_MODES)),
        "flip": bool(rng.integers(0, 2)),
    }


def _square(setting: dict, rng: np.random.Generator, *, rectangular: bool) -> dict:
    """The page's keywords: widths equal to the heights, or (rectangular) drawn."""
    widths = {f"{key}_w": setting[key] for key in SIZE_KEYS}
    if rectangular:
        widths = {f"{key}_w": _draw(rng, f"{key}_w") for key in SIZE_KEYS}
    return {**setting, **widths}


def standard_cases(rng: np.random.Generator) -> list[tuple[str, str, dict]]:
    """The standard page's code tab (every slider, rule, mode, flip and kernel fill)."""
    settings = [(_standard_default(), "arange")]
    while len(settings) < SETTINGS_PER_PAGE:
        settings.append((_standard_setting(rng), str(rng.choice(KERNEL_FILLS))))
    cases = []
    for number, (setting, fill) in enumerate(settings):
        square = _square(setting, rng, rectangular=number % 3 == 2)
        x = _values(rng, (square["input_size"], square["input_size_w"]))
        lang = LANGUAGES[number % 2]
        s = setting_from(**square)
        try:
            page = window_trace(x, standard_kernel(fill, s.kernel_hw), s).sums
        except ConvValueError:
            continue  # the page shows the error instead of the tabs
        source = standard_code.code_view(x, fill, lang=lang, **square)
        cases.append((f"standard-{number}-{lang}-{square}-{fill}", source, {"y[0, 0]": page}))
    return cases


def _dilated_layer(rng: np.random.Generator) -> dict:
    return {key: _draw(rng, key) for key in ("input_size", "kernel_size", "stride", "padding",
                                            "dilation")}  # fmt: skip


def standard_channels_cases(rng: np.random.Generator) -> list[tuple[str, str, dict]]:
    """The standard page's channels tab (C_in, C_out up to 4) with the sidebar's setting."""
    cases = []
    for number in range(SETTINGS_PER_PAGE // 2):
        setting = _standard_setting(rng) if number else _standard_default()
        square = _square(setting, rng, rectangular=number % 3 == 2)
        cin, cout = int(rng.integers(1, 5)), int(rng.integers(1, 5))
        if not number:
            cin, cout = CHANNEL_CONTROLS["in_channels"]["default"], 2
        lang = LANGUAGES[number % 2]
        try:
            view = channels.channels_view(cin, cout, (0, 0), lang=lang, **square)
        except ConvValueError:
            continue
        s = setting_from(**square)
        data = channels.channels_data(cin, cout, s)
        expected = {"maps[0]": data.maps, "y[0]": data.output}
        cases.append((f"channels-{number}-{lang}-{cin}-{cout}-{square}", view["code"], expected))
    return cases


def dilated_cases(rng: np.random.Generator) -> list[tuple[str, str, dict]]:
    """The dilated page's code: the sidebar layer on its input, then the stack or branches."""
    settings = [({"input_size": 7, "kernel_size": 3, "stride": 1, "padding": 0, "dilation": 2},
                 "ones", DEFAULT_LAYERS, "stack", "arange")]  # fmt: skip
    settings += [(preset.layers, preset.mode) for preset in STACK_PRESETS]  # type: ignore[misc]
    settings = settings[:1] + [
        (_dilated_layer(rng), str(rng.choice(DILATED_FILLS)), layers, mode, None)
        for layers, mode in settings[1:]
    ]
    while len(settings) < SETTINGS_PER_PAGE:
        layers = tuple(
            Layer(*(int(rng.integers(LIMITS[c][0], min(LIMITS[c][1], 6) + 1)) for c in COLUMNS))
            for _ in range(int(rng.integers(1, 5)))
        )
        settings.append(
            (_dilated_layer(rng), str(rng.choice(DILATED_FILLS)), layers,
             str(rng.choice(STACK_MODES)), None)
        )  # fmt: skip
    cases = []
    for number, (params, fill, layers, mode, values) in enumerate(settings):
        i = params["input_size"]
        x = make_values(values, (i, i)) if values else _values(rng, (i, i))
        lang = LANGUAGES[number % 2]
        source = dilated_code.code_view(x, fill, tuple(layers), mode, lang=lang, **params)
        try:
            kernel = dilated_kernel(fill, params["kernel_size"])
            page = conv2d(x[None], kernel[None, None], **{k: params[k] for k in LAYER_HYPER})[0]
        except ConvValueError:
            page = None  # the page explains the error where the window would be
        expected = {} if page is None else {"y[0, 0]": page}
        cases.append((f"dilated-{number}-{lang}-{params}-{fill}-{layers}-{mode}", source, expected))
    return cases


def image_lab_cases(rng: np.random.Generator) -> list[tuple[str, str, dict]]:
    """The image lab's code: the filter (any picture size, kernel, stride, dilation, border)
    and each upsampling method with each kernel kind."""
    cases = []
    for number in range(SETTINGS_PER_PAGE):
        h, w = (int(v) for v in rng.integers(1, 48, 2))
        name = str(rng.choice([*KERNEL_NAMES, "custom"]))
        if name == "custom":
            side = int(rng.integers(1, MAX_KERNEL_SIDE + 1))
            kernel = rng.integers(-3, 4, (side, int(rng.integers(1, MAX_KERNEL_SIDE + 1))))
            kernel = kernel.astype(float)
        else:
            kernel = classic_kernel(name)
        hyper = {
            "stride": _draw(rng, "stride"),
            "dilation": _draw(rng, "dilation"),
            "padding_mode": str(rng.choice(PADDING_MODES)),
        }
        try:
            out_hw = apply_kernel(np.zeros((h, w, 3)), kernel, **hyper).shape[1:]
        except ConvValueError:
            out_hw = None  # the page explains the error; the code skips the filter
        method = UPSAMPLE_METHODS[number % len(UPSAMPLE_METHODS)]
        kind = UPSAMPLE_KERNELS[(number // len(UPSAMPLE_METHODS)) % len(UPSAMPLE_KERNELS)]
        small_hw = (min(h, UP_SIDE), min(w, UP_SIDE))
        lang = LANGUAGES[number % 2]
        source = image_lab_code.code_view(
            kernel if out_hw is not None else None,
            upsample_kernel(method, kind),
            method=method,
            in_hw=(h, w),
            out_hw=out_hw,
            small_hw=small_hw,
            lang=lang,
            **hyper,
        )
        cases.append(
            (f"image_lab-{number}-{lang}-{h}x{w}-{name}-{hyper}-{method}-{kind}", source, {})
        )
    return cases


def grouped_cases(rng: np.random.Generator) -> list[tuple[str, str, dict]]:
    """The grouped page's code: random channels, every valid g, k, input size, seed, channel."""
    settings = [(4, 4, 1, PARAM_SPECS["kernel_size"].default, 4, 0, 0)]
    while len(settings) < SETTINGS_PER_PAGE:
        cin, cout = _draw(rng, "in_channels"), _draw(rng, "out_channels")
        g = int(rng.choice(valid_groups(cin, cout)))
        k, i, seed = _draw(rng, "kernel_size"), _draw(rng, "input_size"), _draw(rng, "seed")
        settings.append((cin, cout, g, k, i, seed, int(rng.integers(0, cout))))
    cases = []
    for number, (cin, cout, g, k, i, seed, channel) in enumerate(settings):
        lang = LANGUAGES[number % 2]
        source = grouped_code.pytorch_snippet(
            cin, cout, g, kernel_size=k, input_size=i, seed=seed, out_channel=channel, lang=lang
        )
        expected = {}
        if k <= i:  # the page's output channel (nothing is computed when k > i)
            x = make_values("random", (cin, i, i), seed=seed)
            weight = make_values("random", (cout, cin // g, k, k), seed=seed + 1)
            direct = grouped_compute.grouped_by_hand(x, weight, groups=g)["direct"]
            expected[f"y[0, {channel}]"] = direct[channel]
        name = f"grouped-{number}-{lang}-{cin}-{cout}-g{g}-k{k}-i{i}-seed{seed}-c{channel}"
        cases.append((name, source, expected))
    return cases


def pointwise_cases(rng: np.random.Generator) -> list[tuple[str, str, dict]]:
    """The 1×1 page's code (its sliders: C_in, C_out up to 8, input 2 to 8, seed, pixel)."""
    settings = [(3, 2, 4, 0, (0, 0))]
    while len(settings) < SETTINGS_PER_PAGE // 2:
        cin, cout, i = (int(v) for v in rng.integers((1, 1, 2), (9, 9, 9)))
        pixel = tuple(int(v) for v in rng.integers(0, i, 2))
        settings.append((cin, cout, i, _draw(rng, "seed"), pixel))
    cases = []
    for number, (cin, cout, i, seed, (r, c)) in enumerate(settings):
        lang = LANGUAGES[number % 2]
        source = pointwise_code.pytorch_snippet(
            cin, cout, input_size=i, seed=seed, pixel=(r, c), lang=lang
        )
        x = make_values("random", (cin, i, i), seed=seed)
        weight = make_values("random", (cout, cin), seed=seed + 1)
        shown = pointwise_matmul.pointwise_check(x, weight)["conv"][:, r, c]
        name = f"pointwise-{number}-{lang}-{cin}-{cout}-i{i}-seed{seed}-{r}-{c}"
        cases.append((name, source, {f"y[0, :, {r}, {c}]": shown}))
    return cases


AXIS_KEYS = (  # the 3-D page's controls per axis (size, k, s, p, d) and their page maxima
    (("frames", None), ("kernel_depth", None), ("stride_depth", None),
     ("padding_depth", None), ("dilation_depth", None)),
    (("input_size", 10), ("kernel_size", None), ("stride", 3), ("padding", 3), ("dilation", 3)),
    (("input_size_w", 10), ("kernel_size_w", None), ("stride_w", 3), ("padding_w", 3),
     ("dilation_w", 3)),
)  # fmt: skip


def conv3d_cases(rng: np.random.Generator) -> list[tuple[str, str, dict]]:
    """The 3-D page's code: clip and kernel kinds, every axis, border, seed; a random cell."""
    cases: list[tuple[str, str, dict]] = []
    for number in range(10 * SETTINGS_PER_PAGE):  # most draws are too deep for the clip
        if len(cases) == SETTINGS_PER_PAGE // 2:
            break
        axes = [[_draw(rng, key, high) for key, high in axis] for axis in AXIS_KEYS]
        setting = Conv3dSetting(
            clip=str(rng.choice(CLIP_KINDS)),
            size=tuple(axis[0] for axis in axes),
            kernel_kind=str(rng.choice(KERNEL_KINDS_3D)),
            kernel=tuple(axis[1] for axis in axes),
            stride=tuple(axis[2] for axis in axes),
            padding=tuple(axis[3] for axis in axes),
            dilation=tuple(axis[4] for axis in axes),
            padding_mode=str(rng.choice(PADDING_MODES)),
            seed=_draw(rng, "seed"),
        )
        try:
            trace = trace_of(setting)
        except ConvValueError:
            continue  # the page explains the error and shows no code
        cells = trace.cells()
        cell = cells[int(rng.integers(len(cells)))]
        cin, cout = (int(v) for v in rng.integers(1, 65, 2))
        source = conv3d_code.pytorch_snippet(setting, cell, in_channels=cin, out_channels=cout)
        t, r, c = cell
        expected = {f"y[0, 0, {t}, {r}, {c}].item()": trace.sums[cell]}
        cases.append((f"conv3d-{number}-{setting}-{cell}-{cin}-{cout}", source, expected))
    return cases


BUILDERS = {
    "transposed": transposed_cases,
    "standard": standard_cases,
    "standard_channels": standard_channels_cases,
    "dilated": dilated_cases,
    "image_lab": image_lab_cases,
    "grouped": grouped_cases,
    "pointwise": pointwise_cases,
    "conv3d": conv3d_cases,
}


@pytest.fixture(scope="module")
def runs() -> dict[str, tuple[list, dict]]:
    """Every page's cases, run together in one subprocess."""
    cases = {page: build(np.random.default_rng(SEED)) for page, build in BUILDERS.items()}
    results = run_snippets({name: source for page in cases.values() for name, source, _ in page})
    return {page: (page_cases, results) for page, page_cases in cases.items()}


@pytest.mark.parametrize("page", sorted(BUILDERS))
def test_every_snippet_runs_and_prints_what_it_says(runs, page):
    cases, results = runs[page]
    assert len(cases) >= SETTINGS_PER_PAGE // 4  # most random settings are valid
    failures = {
        name: found
        for name, source, expected in cases
        if (found := problems(source, results[name], expected))
    }
    assert not failures, "\n\n".join(f"{name}:\n" + "\n".join(v) for name, v in failures.items())


CHECKER_CASES = {  # name: (source, the page's numbers, how many problems the checker must find)
    "right": (
        "import torch\nx = torch.arange(4.0).reshape(2, 2)\nprint(x.shape)  # torch.Size([2, 2])\n"
        "print(x.sum() == 6, (x - x).abs().max())  # True ~0\n# x.shape == (2, 2)\nprint(x)",
        {"x": np.arange(4.0).reshape(2, 2)},
        0,
    ),
    "wrong": (
        "import torch\nx = torch.arange(4.0).reshape(2, 2)\nprint(x.shape)  # torch.Size([2, 3])\n"
        "print(x.sum() == 6, x.max())  # False ~0\n# x.shape == (3, 2)\nprint(x)\n"
        "# expected:\n#   0  1\n#   2  4",
        {"x": np.ones((2, 2)), "y": np.ones(1)},
        6,  # shape, truth values and ~0, claim, expected block, page numbers, never printed
    ),
    "raises": ("import torch\ntorch.zeros(2) + torch.zeros(3)", {}, 1),
}


def test_the_checker_finds_every_kind_of_disagreement():
    results = run_snippets({name: source for name, (source, _, _) in CHECKER_CASES.items()})
    for name, (source, expected, count) in CHECKER_CASES.items():
        found = problems(source, results[name], expected)
        assert len(found) == count, (name, found)
