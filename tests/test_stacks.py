"""Layer stacks: presets as data, the strict ``layers=`` link form and the layer table rows."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.errors import ConvValueError
from convviz.i18n import has_key, translate_error
from convviz.presets import PRESETS
from convviz.stacks import (
    DEFAULT_LAYERS,
    LIMITS,
    MAX_LAYERS,
    STACK_MODES,
    STACK_PRESETS,
    Layer,
    check_layers,
    format_layers,
    layers_from_rows,
    linked_stack,
    parse_layers,
)
from tests.support.stacks import stack_preset

layer_values = st.builds(
    Layer,
    st.integers(*LIMITS["kernel_size"]),
    st.integers(*LIMITS["stride"]),
    st.integers(*LIMITS["dilation"]),
)


def test_presets_are_the_curriculum_stacks():
    assert format_layers(stack_preset("exponential").layers) == "3-1-1,3-1-2,3-1-4"
    assert format_layers(stack_preset("gridding").layers) == "3-1-2,3-1-2,3-1-2"
    assert format_layers(stack_preset("hdc").layers) == "3-1-1,3-1-2,3-1-5"
    aspp = stack_preset("aspp")
    assert [layer.dilation for layer in aspp.layers] == [1, 6, 12, 18]
    assert aspp.mode == "parallel"
    assert stack_preset("exponential").layers == DEFAULT_LAYERS
    with pytest.raises(KeyError):
        stack_preset("nope")


def test_presets_fit_the_limits_and_feed_the_preset_menu():
    menu = {p.name: p.values for p in PRESETS["dilated_stack"]}
    for preset in STACK_PRESETS:
        assert check_layers(preset.layers) == preset.layers
        assert preset.mode in STACK_MODES
        assert menu[preset.name] == {
            "layers": format_layers(preset.layers),
            "stack_mode": preset.mode,
        }
        assert has_key(f"preset.dilated_stack.{preset.name}")


@given(st.lists(layer_values, min_size=1, max_size=MAX_LAYERS))
def test_link_form_round_trips(layers):
    assert parse_layers(format_layers(layers)) == tuple(layers)


def test_parse_ignores_spaces_only():
    assert parse_layers(" 3-1-1, 3-2-2 ") == (Layer(3, 1, 1), Layer(3, 2, 2))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "3-1",
        "3-1-1,",
        "3_1_1",
        "3-1-1;3-1-2",
        "a-1-1",
        "-3-1-1",
        "3-1-1-1",
        "1e1-1-1",
        "__import__('os')",
        "3-1-1," * 60,
        "3.0-1-1",
        "3-1-1,,3-1-2",
    ],
)
def test_malformed_link_values_are_explained(text):
    with pytest.raises(ConvValueError) as caught:
        parse_layers(text)
    assert caught.value.code == "stack_param_malformed"
    assert "3-1-1,3-1-2,3-1-4" in translate_error(caught.value, "en")
    assert "卷积核-步长-膨胀率" in translate_error(caught.value, "zh")


def test_long_link_values_are_cut_in_the_message():
    with pytest.raises(ConvValueError) as caught:
        parse_layers("x" * 500)
    assert caught.value.values["text"] == "x" * 40 + "…"


@pytest.mark.parametrize(
    ("text", "row", "column", "value"),
    [
        ("3-1-0", 1, "dilation", 0),
        ("3-1-1,8-1-1", 2, "kernel_size", 8),
        ("3-5-1", 1, "stride", 5),
        ("3-1-33", 1, "dilation", 33),
    ],
)
def test_out_of_range_values_name_row_column_and_range(text, row, column, value):
    with pytest.raises(ConvValueError) as caught:
        parse_layers(text)
    err = caught.value
    assert err.code == "stack_value_out_of_range"
    assert (err.values["row"], err.values["column"], err.values["value"]) == (row, column, value)
    low, high = LIMITS[column]
    assert translate_error(err, "en") == (
        f"Layer {row}: {column} = {value} is outside the allowed range {low} … {high}."
    )
    assert translate_error(err, "zh") == (
        f"第 {row} 层：{column} = {value} 超出了允许范围 {low} … {high}。"
    )


def test_too_many_and_no_layers():
    with pytest.raises(ConvValueError) as caught:
        parse_layers(",".join(["3-1-1"] * (MAX_LAYERS + 1)))
    assert caught.value.code == "stack_too_many_layers"
    assert translate_error(caught.value, "en") == "9 layers is too many to draw; use at most 8."
    with pytest.raises(ConvValueError) as caught:
        layers_from_rows([])
    assert caught.value.code == "stack_empty"


def test_rows_from_the_table_become_layers():
    rows = [
        {"kernel_size": 3, "stride": 1.0, "dilation": 2.0},  # pandas turns ints into floats
        {"kernel_size": None, "stride": math.nan, "dilation": None},  # blank row: skipped
        {"kernel_size": 5, "stride": 2, "dilation": 1},
    ]
    assert layers_from_rows(rows) == (Layer(3, 1, 2), Layer(5, 2, 1))


@pytest.mark.parametrize(
    ("cell", "code", "en"),
    [
        (math.nan, "stack_value_missing", "Layer 2: dilation is empty."),
        (None, "stack_value_missing", "Layer 2: dilation is empty."),
        (2.5, "stack_value_not_integer", "Layer 2: dilation = 2.5 is not a whole number."),
        ("two", "stack_value_not_integer", "Layer 2: dilation = two is not a whole number."),
        (0, "stack_value_out_of_range", "Layer 2: dilation = 0 is outside the allowed range"),
    ],
)
def test_bad_cells_are_explained(cell, code, en):
    rows = [
        {"kernel_size": 3, "stride": 1, "dilation": 1},
        {"kernel_size": 3, "stride": 1, "dilation": cell},
    ]
    with pytest.raises(ConvValueError) as caught:
        layers_from_rows(rows)
    assert caught.value.code == code
    assert translate_error(caught.value, "en").startswith(en)
    assert translate_error(caught.value, "zh").startswith("第 2 层")


def test_linked_stack_reads_the_link_and_falls_back_to_the_defaults():
    layers, mode, error = linked_stack("3-1-1, 3-1-5", "parallel")
    assert layers == (Layer(3, 1, 1), Layer(3, 1, 5)) and mode == "parallel" and error is None
    assert linked_stack(None, None) == (DEFAULT_LAYERS, STACK_MODES[0], None)
    layers, mode, error = linked_stack("3-1-1;rm -rf", "<b>parallel</b>")
    assert (layers, mode) == (DEFAULT_LAYERS, STACK_MODES[0])
    assert error is not None and error.code == "stack_param_malformed"
