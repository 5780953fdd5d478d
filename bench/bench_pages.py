"""Server time per rerun and chart payload for every page, through Streamlit's ``AppTest``.

For each page of ``convviz.site.PAGES`` (at its defaults, in one language):

- first run ms: the first run of the page in a fresh ``AppTest`` (caches empty for it; the
  router and the imports are warmed up on the overview first);
- rerun ms: median of ``--runs`` further ``at.run()`` calls with nothing changed (what every
  rerun costs when the caches hit);
- new value ms: median over up to ``--runs`` runs, each with the first slider at a value not
  seen before (cache misses, what a student's slider move costs);
- charts, chart KB: the Plotly charts and the size of their figure JSON (``proto.spec``);
- payload KB: every element's serialised protobuf, i.e. what one run sends to the browser.

Run from the project root::

    python bench/bench_pages.py [--runs 7] [--lang en]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from streamlit.testing.v1 import AppTest
from support import ROOT, print_table

from convviz.site import PAGES

APP = str(ROOT / "app.py")


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def payload_bytes(at: AppTest) -> int:
    """Bytes of every element's protobuf in the last run (what the browser receives)."""
    total = 0
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "SerializeToString"):
            total += len(proto.SerializeToString())
    return total


def _timed_run(at: AppTest) -> float:
    started = time.perf_counter()
    at.run()
    return time.perf_counter() - started


def _fresh_values(at: AppTest, count: int) -> tuple[str | None, list[int]]:
    """The first slider's key and up to ``count`` of its values other than the current one."""
    for slider in at.slider:
        if slider.key and isinstance(slider.value, int | float) and slider.max > slider.min:
            values = [v for v in range(int(slider.min), int(slider.max) + 1) if v != slider.value]
            return slider.key, values[:count]
    return None, []


def measure(page_file: str, lang: str, runs: int) -> list[object]:
    """One table row for the page: times in ms, payload in KB (1 KB = 1000 bytes)."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = lang
    at.run()  # the overview: router, imports, language
    at.switch_page(page_file)
    first = _timed_run(at)
    errors = len(at.exception)
    reruns = [_timed_run(at) for _ in range(runs)]
    charts = at.get("plotly_chart")
    chart_bytes = sum(len(chart.proto.spec) for chart in charts)
    payload = payload_bytes(at)
    key, values = _fresh_values(at, runs)
    changed = []
    for value in values:
        at.slider(key=key).set_value(value)
        changed.append(_timed_run(at))
        errors += len(at.exception)
    return [
        page_file,
        1000 * first,
        1000 * statistics.median(reruns),
        1000 * statistics.median(changed) if changed else float("nan"),
        key or "–",
        len(charts),
        chart_bytes / 1000,
        payload / 1000,
        errors,
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="reruns per median")
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    args = parser.parse_args(argv)
    rows = []
    for page in PAGES:
        if not (ROOT / page.file).is_file():
            print(f"skipping {page.file}: no file yet", file=sys.stderr)
            continue
        rows.append(measure(page.file, args.lang, args.runs))
    print(f"\nServer time per run through AppTest ({args.lang}, median of {args.runs})\n")
    print_table(
        [
            "page",
            "first run ms",
            "rerun ms",
            "new value ms",
            "slider moved",
            "charts",
            "chart KB",
            "payload KB",
            "exceptions",
        ],
        rows,
    )
    return 1 if any(row[-1] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
