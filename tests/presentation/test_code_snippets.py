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

from convviz.engine.errors import ConvValueError
from convviz.figures.common.panels import KERNEL_KINDS, kernel_values
from convviz.figures.standard import code as standard_code
from convviz.figures.standard.data import KERNEL_FILLS, PADDING_RULES, setting_from, window_trace
from convviz.figures.standard.data import kernel_values as standard_kernel
from convviz.figures.transposed import code as transposed_code
from convviz.figures.transposed.data import transpose_output
from convviz.i18n import LANGUAGES
from convviz.inputs import make_values
from convviz.param_specs import INPUT_KINDS, PADDING_MODES, PARAM_SPECS
from tests.support.snippets import problems, run_snippets

pytest.importorskip("torch")
pytestmark = pytest.mark.torch

SETTINGS_PER_PAGE = 40
SEED = 13


def _draw(rng: np.random.Generator, key: str, high: int | None = None) -> int:
    spec = PARAM_SPECS[key]
    return int(rng.integers(spec.min_value, (high or spec.max_value) + 1))


def _values(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    kind = str(rng.choice([k for k in INPUT_KINDS if k != "custom"]))
    return make_values(kind, shape, seed=int(rng.integers(0, 10_000)))


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
        kind = str(rng.choice([k for k in KERNEL_KINDS if k != "custom"]))
        settings.append((hyper, None, kind))
    cases = []
    for number, (hyper, fill, kind) in enumerate(settings):
        i, k = hyper.pop("input_size"), hyper.pop("kernel_size")
        x = make_values(fill, (i, i)) if fill else _values(rng, (i, i))
        kernel = kernel_values(kind, k, seed=number)
        lang = LANGUAGES[number % 2]
        try:
            source = transposed_code.code_view(x, kernel, lang=lang, **hyper)
        except ConvValueError:
            continue  # the page shows the error instead of the code
        expected = {"y[0, 0]": transpose_output(x, kernel, **hyper)}
        cases.append((f"transposed-{number}-{lang}-i{i}-k{k}-{hyper}", source, expected))
    return cases


def standard_cases(rng: np.random.Generator) -> list[tuple[str, str, dict]]:
    """The standard page's code tab (every slider, rule, mode, flip and kernel fill)."""
    default = {
        **{key: PARAM_SPECS[key].default for key in ("input_size", "kernel_size", "stride")},
        "padding": 0,
        "padding_rule": "explicit",
        "padding_mode": "zeros",
        "flip": False,
    }
    settings = [(default, "arange")]
    while len(settings) < SETTINGS_PER_PAGE:
        setting = {
            key: _draw(rng, key) for key in ("input_size", "kernel_size", "stride", "padding")
        }
        setting.update(
            padding_rule=str(rng.choice(PADDING_RULES)),
            padding_mode=str(rng.choice(PADDING_MODES)),
            flip=bool(rng.integers(0, 2)),
        )
        settings.append((setting, str(rng.choice(KERNEL_FILLS))))
    cases = []
    for number, (setting, fill) in enumerate(settings):
        square = {**setting, **{f"{key}_w": setting[key] for key in
                  ("input_size", "kernel_size", "stride", "padding")}}  # fmt: skip
        if number % 3 == 2:  # rectangular: widths of their own
            square.update({f"{key}_w": _draw(rng, f"{key}_w") for key in
                           ("input_size", "kernel_size", "stride", "padding")})  # fmt: skip
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


BUILDERS = {"transposed": transposed_cases, "standard": standard_cases}


@pytest.fixture(scope="module")
def runs() -> dict[str, tuple[list, dict]]:
    """Every page's cases, run together in one subprocess."""
    cases = {page: build(np.random.default_rng(SEED)) for page, build in BUILDERS.items()}
    results = run_snippets({name: source for page in cases.values() for name, source, _ in page})
    return {page: (page_cases, results) for page, page_cases in cases.items()}


@pytest.mark.parametrize("page", sorted(BUILDERS))
def test_every_snippet_runs_and_prints_what_it_says(runs, page):
    cases, results = runs[page]
    assert len(cases) >= SETTINGS_PER_PAGE // 2  # most random settings are valid
    failures = {
        name: found
        for name, source, expected in cases
        if (found := problems(source, results[name], expected))
    }
    assert not failures, "\n\n".join(f"{name}:\n" + "\n".join(v) for name, v in failures.items())
