"""``bench/bench_engine.py`` at its smallest (one timed call per cell), in its own process:
it sets the BLAS / OpenMP thread counts before NumPy is imported, which a test process that
has NumPy loaded already could not do.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from tests.bench.conftest import BENCH, assert_machine_lines

CASES = ("conv2d ", "conv_transpose2d ", "depthwise ", "conv3d ")


def run_engine_bench(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(BENCH / "bench_engine.py"), "--repeats", "1", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_threads_are_set_for_both_sides_and_every_case_has_a_row():
    out = run_engine_bench("--threads", "1")
    assert_machine_lines(out, "at start")
    threads = next(line for line in out.splitlines() if line.startswith("threads:"))
    assert "OPENBLAS_NUM_THREADS=1" in threads and "OMP_NUM_THREADS=1" in threads
    assert "NumPy's OpenBLAS reports 1" in threads or "not OpenBLAS" in threads
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("case"))
    rows = [line for line in lines if line.startswith(CASES)]
    assert len(rows) == len(CASES), out
    has_torch = importlib.util.find_spec("torch") is not None
    if has_torch:
        assert "torch.get_num_threads() 1" in threads
        assert "engine / torch" in header and "torch 1t" not in header
        assert all(row.split()[-2].endswith("×") for row in rows)
        assert any(line.startswith("depthwise: engine / torch = ") for line in lines), out
    for row in rows:  # every column agrees with the engine
        assert float(row.split()[-1]) < 1e-3, row
