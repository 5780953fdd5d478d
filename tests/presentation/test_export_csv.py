"""CSV export: round trips through the csv module, full precision, labels kept."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from convviz.engine.errors import ConvValueError
from convviz.export.csvtext import csv_number, grid_csv


def _read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_numbers_one_row_per_line():
    text = grid_csv(np.array([[1.0, -2.0, 0.1], [np.nan, 3.5, 1e-7]]))
    assert text == "1,-2,0.1\n,3.5,1e-07\n"
    assert _read(text) == [["1", "-2", "0.1"], ["", "3.5", "1e-07"]]


@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 6), st.integers(1, 6)),
        elements=st.floats(-1e9, 1e9, allow_nan=False),
    )
)
def test_numbers_round_trip_exactly(values):
    rows = _read(grid_csv(values))
    np.testing.assert_array_equal(np.array(rows, dtype=float), values)


def test_symbolic_entries_and_labels_round_trip():
    labels = np.array([["w_{0,0}", "0", "w_{0,1}"], ["0", "x, y", 'say "hi"']], dtype=object)
    assert _read(grid_csv(labels)) == labels.tolist()
    values = np.array([[1.0, 2.0], [3.0, 4.0]])
    named = np.array([["a", ""], ["", "d"]], dtype=object)
    assert _read(grid_csv(values, labels=named, header=["c0", "c1"])) == [
        ["c0", "c1"],
        ["a", "2"],
        ["3", "d"],
    ]


def test_vectors_and_bad_shapes():
    assert grid_csv(np.array([1, 2, 3])) == "1,2,3\n"
    assert csv_number(np.inf) == "inf" and csv_number(True) == "1"
    with pytest.raises(ConvValueError) as info:
        grid_csv(np.zeros((0, 3)))
    assert info.value.code == "export_csv_not_grid"
