"""Derived views bounded by what a learner can see: the dilated page's comparison is counted
in closed form, and the stack files say why they are missing when the field is too wide."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine.receptive import receptive_field
from convviz.figures.dilated import compare, files
from convviz.figures.dilated.compare import COMPARE_SIZE, PLAIN_KERNEL, comparison
from convviz.i18n import translate
from convviz.stacks import Layer, format_layers
from tests.app.conftest import open_app

WORST = (Layer(7, 4, 32),) * 8  # field 4,194,241: the plain 3×3 stack has 2,097,120 layers


def _reference(layers, mode, size=COMPARE_SIZE):
    """The comparison built layer by layer, as the page first did (small fields only)."""
    if mode == "parallel":
        layers = [max(layers, key=compare.effective_size)]
    target = receptive_field([tuple(layer) for layer in layers])[-1]
    k = PLAIN_KERNEL
    plain = [Layer(k, 1, 1)] * max(1, -(-(target - 1) // (k - 1)))
    strided = [Layer(k, 2, 1)]
    while receptive_field([tuple(layer) for layer in strided])[-1] < target:
        strided.append(Layer(k, 2, 1))
    return [
        (
            len(ls),
            sum(layer.kernel_size**2 for layer in ls),
            compare.same_size_output(size, ls),
            receptive_field([tuple(layer) for layer in ls])[-1],
        )
        for ls in (layers, [Layer(target, 1, 1)], plain, strided)
    ]


layer_strategy = st.builds(
    Layer, st.integers(1, 7), st.integers(1, 2), st.sampled_from([1, 2, 3, 4, 6])
)


@settings(max_examples=60, deadline=None)
@given(st.lists(layer_strategy, min_size=1, max_size=4), st.sampled_from(["stack", "parallel"]))
def test_the_counted_comparison_matches_the_built_one(layers, mode):
    try:
        expected = _reference(layers, mode)
    except ValueError:  # the learner's layers run out of rows: both refuse
        with pytest.raises(ValueError):
            comparison(layers, mode)
        return
    rows = comparison(layers, mode)
    assert [(r["layers"], r["params"], r["output"], r["field"]) for r in rows] == expected


def test_the_worst_stack_is_compared_in_a_bounded_number_of_steps(monkeypatch):
    calls = []
    original = compare.conv_output_size

    def counting(*args):
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(compare, "conv_output_size", counting)
    rows = comparison(WORST, "stack")
    plain = rows[2]
    assert plain["layers"] == 2_097_120 and plain["field"] == rows[0]["field"] == 4_194_241
    assert plain["params"] == 9 * 2_097_120 and plain["output"] == COMPARE_SIZE
    assert len(calls) <= (len(WORST) + 3) * (COMPARE_SIZE + 1)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("layers", "png", "csv", "note"),
    [
        (WORST, False, False, "dilated.stack.no_files"),
        ((Layer(7, 1, 32),) * 2, False, True, "dilated.stack.no_png"),  # field 385
        ((Layer(3, 1, 1), Layer(3, 1, 2), Layer(3, 1, 4)), True, True, None),
    ],
)
def test_stack_files_are_offered_or_explained(lang, layers, png, csv, note):
    at = open_app(lang, "pages/dilated.py", layers=format_layers(layers), view="stacks")
    assert not at.exception
    keys = {b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")}
    assert ("dilated_stack_png" in keys, "dilated_stack_csv" in keys) == (png, csv)
    field = receptive_field([tuple(layer) for layer in layers])[-1]
    captions = [c.value for c in at.caption]
    if note is not None:
        limits = {"png": files.MAX_STACK_PNG_FIELD, "csv": files.MAX_STACK_CSV_FIELD}
        assert translate(note, lang, rf=field, **limits) in captions
    assert files.stack_files(field) == (png, csv)
