"""``bench/bench_export.py`` at its smallest: each exporter case built once."""

from __future__ import annotations

import re

import bench_export

from tests.bench.conftest import assert_machine_lines

CASES = (
    "GIF worst case (150 frames",
    "GIF sliding window",
    "GIF scatter-add",
    "GIF worst case at scale 1",
    "PNG one frame",
    "PNG symbolic C",
    "LaTeX symbolic C",
    "CSV symbolic C",
)
ROW = re.compile(
    r"(?P<name>.+?)\s+(?P<wall>[\d.]+) s wall\s+(?P<cpu>[\d.]+) s cpu\s+(?P<kb>[\d.]+) kB"
)


def test_every_case_prints_its_time_and_a_file_of_some_size(capsys):
    bench_export.main(["--repeat", "1"])
    out = capsys.readouterr().out
    assert_machine_lines(out, "at start")
    assert "frames: {'worst': 150," in out  # the largest GIF the controls allow
    rows = [m for m in map(ROW.fullmatch, out.splitlines()) if m]
    assert [next(c for c in CASES if r["name"].startswith(c)) for r in rows] == list(CASES), out
    for row in rows:
        assert float(row["wall"]) >= 0 and float(row["kb"]) > 0, row.group(0)
