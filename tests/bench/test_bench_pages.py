"""``bench/bench_pages.py`` at its smallest: one page, one new value per control."""

from __future__ import annotations

import random

import bench_pages
from support import page_views

from tests.bench.conftest import assert_machine_lines, table_rows


def test_page_views_list_every_tab_of_a_tabbed_page():
    names = [view.name for view in page_views(["transposed"])]
    assert names[0] == "transposed?view=scatter"
    assert "transposed?view=checkerboard" in names
    assert [view.default_tab for view in page_views(["transposed"])].count(True) == 1


def test_page_views_take_one_tab_by_its_name():
    names = [view.name for view in page_views(["transposed?view=direct", "pointwise"])]
    assert names == ["transposed?view=direct", "pointwise"]
    assert page_views(["transposed?view=nowhere"]) == []


def test_a_run_prints_a_row_per_view_with_its_worst_control(capsys):
    status = bench_pages.main(["--pages", "practice", "--values", "1", "--runs", "1"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "bare one-line page: rerun" in out
    assert_machine_lines(out, "at start", "at end")
    rows = table_rows(out, bench_pages.HEADERS)
    assert [row["view"] for row in rows] == ["practice"]
    row = rows[0]
    assert int(row["controls"]) >= 3  # topic, level, seed
    assert int(row["new values"]) >= int(row["controls"])
    assert row["worst control"] in {"topic", "level", "seed"}
    assert float(row["× bare"]) > 0
    assert row["exceptions"] == "0"


def test_predict_first_answers_are_typed_submitted_and_timed():
    bench_pages.share_script_cache()
    (view,) = [v for v in page_views(["dilated"]) if v.default_tab]  # the window: the form
    at, first = bench_pages.open_view(view, "en")
    result = bench_pages.ViewResult(view, first, first)
    bench_pages.predict_answers(at, result, 3, random.Random(1))
    assert list(result.new_value_s) == ["dilated_predict_guess"]
    assert len(result.new_value_s["dilated_predict_guess"]) == 3  # asked again after an answer
    assert all(t > 0 for t in result.new_value_s["dilated_predict_guess"])
    assert result.exceptions == []
    assert at.toggle(key="predict_first").value  # the switch was turned on to show the form


def test_cpu_option_times_the_process_cpu_and_sums_up_every_new_value(capsys):
    status = bench_pages.main(["--pages", "practice", "--values", "1", "--runs", "1", "--cpu"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "Server CPU time per run" in out
    (row,) = table_rows(out, bench_pages.HEADERS)
    assert float(row["rerun ms"]) > 0
    summary = next(line for line in out.splitlines() if line.startswith("all "))
    assert f"all {row['new values']} new values: p50 " in summary
    assert "mean" in summary and "p95" in summary
