"""Numbers written into the PyTorch snippets read back as the page's numbers."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.figures.common.code_text import array_literal, grid_literal, number_literal

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
pytestmark = pytest.mark.filterwarnings("ignore:overflow encountered in cast:RuntimeWarning")


@given(finite)
def test_a_number_reads_back_as_the_same_float32_and_float64(value):
    assert np.float32(float(number_literal(value))) == np.float32(value)
    assert float(number_literal(value, double=True)) == value


@given(st.lists(finite, min_size=1, max_size=6))
def test_literals_hold_exactly_the_values(values):
    row = np.array(values)
    grid = eval(grid_literal(row[None]).removeprefix("torch.tensor(").split(", dtype")[0])
    np.testing.assert_array_equal(np.float32(grid[0][0][0]), np.float32(row))
    assert eval(array_literal(row, double=True)) == list(row)
