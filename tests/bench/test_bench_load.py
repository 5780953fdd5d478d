"""``bench/bench_load.py`` at its smallest: a curve of 1 and 2 protocol students for a few
seconds on one page, its own server, and the protocol client's reading of controls."""

from __future__ import annotations

import random

import bench_load
from load_controls import Control

from tests.bench.conftest import assert_machine_lines, run_main, table_rows


def test_a_number_control_moves_anywhere_in_its_range_not_a_step_away():
    rng = random.Random(0)
    control = Control("id-stride", "stride", "number", 1.0, low=1.0, high=9.0, step=1.0)
    values = {control.random_value(rng) for _ in range(200)}
    assert values == {float(v) for v in range(2, 10)}  # every other value, none outside


def test_a_choice_moves_to_another_option_and_travels_as_its_text():
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    control = Control("id-mode", "mode", "choice", 0, options=("zeros", "reflect", "circular"))
    control.value = control.random_value(random.Random(1))
    assert control.value in (1, 2)
    state = WidgetState()
    control.write(state)
    assert state.string_value == control.options[control.value]


def test_a_run_prints_each_run_and_the_curve(capsys):
    status = run_main(
        bench_load.main,
        ["--sessions", "1", "2", "--browsers", "0", "--seconds", "3", "--ramp", "0",
         "--interval", "0.2", "0.4", "--pages", "practice", "--no-cluster"]
    )  # fmt: skip
    out = capsys.readouterr().out
    rows = table_rows(out[out.index("\nCurve") :], bench_load.CURVE_HEADERS)
    assert [(row["setup"], row["students"]) for row in rows] == [
        ("one process", "1"),
        ("one process", "2"),
    ], out
    for row in rows:
        assert int(row["changes"]) > 0 and row["errors"] == "0", out
        assert int(row["configurations"]) >= 1  # distinct configurations reached
    assert "two processes behind deploy/: skipped (--no-cluster)" in out
    assert_machine_lines(out, "at start", "at end")
    assert out.count("\nclients ") == 2  # one run table per count
    assert status == 0, out
