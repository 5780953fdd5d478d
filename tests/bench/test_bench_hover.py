"""``bench/bench_hover.py`` at its smallest: two hovers per view in Debian's Chromium, against
a server the script starts itself."""

from __future__ import annotations

import os
from pathlib import Path

import bench_hover
import pytest

from tests.bench.conftest import assert_machine_lines, run_main, table_rows


@pytest.mark.browser
def test_every_hover_view_is_timed_and_runs_no_script(capsys):
    if not Path(bench_hover.CHROMIUM).exists():  # as the browser tests: a failure in CI
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            f"no Chromium at {bench_hover.CHROMIUM}"
        )
    status = run_main(bench_hover.main, ["--moves", "2"])
    out = capsys.readouterr().out
    assert_machine_lines(out, "at start")
    rows = table_rows(out, bench_hover.HEADERS)
    assert [row["view"] for row in rows] == [case[0] for case in bench_hover.CASES], out
    for row in rows:
        assert row["hovers"] == "2", out  # every hover reached the page's handler
        assert 0 <= float(row["handler median ms"]) <= float(row["handler max ms"])
        assert 0 < float(row["to frame median ms"]) <= float(row["to frame max ms"])
        assert row["script runs"] == "0", out  # hovering is client-side
    assert status == 0, out
