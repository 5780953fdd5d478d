"""Server time of every control of every page and tab, through Streamlit's ``AppTest``.

For each view (every page of ``convviz.site.PAGES``; a page with lazy tabs once per tab,
opened by ``?view=<tab>``), in one language, in a fresh ``AppTest``:

- first run ms: the first run of the view (its caches empty; the router and the imports are
  warmed up on the overview first);
- rerun ms: median of ``--runs`` further runs with nothing changed, and ``× bare``: that
  median over the median rerun of a one-line page (``st.write``) timed the same way in the
  same process, so a busy machine moves both;
- new value: every control of the view (sliders, select sliders, number inputs, select boxes,
  radios, toggles, checkboxes) set to ``--values`` random values it has not had before, one
  run each (cache misses: what a student's move costs); then, on a view with a "predict
  first" form, ``--values`` answers typed into it and submitted (a random whole number, or
  now and then one that is not a number), each answer on a fresh question. The median and
  p95 over all of them, and the worst control: the one whose median is highest;
- chart KB, payload KB: the Plotly figure JSON and every element's protobuf of a run.

With ``--cpu`` every figure is the process's CPU time (``time.process_time``: all threads,
user and system) instead of wall time: on a machine shared with other work, waiting for a
core no longer counts, so before/after pairs move less.

Every run shares one compiled-script cache, as a server's sessions do (AppTest on its own
compiles ``app.py`` and the page on every run). Controls are found in the view as it is
drawn; a control that a change removes (a preset that hides it) is skipped for the rest of
its values. Not driven: the language switch and the "lecture" toggle (AppTest drops the
router's sidebar from the tree once a page is switched to), chart clicks (AppTest cannot
click inside a chart) and downloads (built on click, in the browser's request). Goals
(issue 19): a new value costs at most 100 ms, and a rerun at most 25× the bare page.

Run from the project root::

    python bench/bench_pages.py [--values 3] [--runs 5] [--lang en] [--cpu] [--pages standard ...]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner
from support import ROOT, View, machine_line, page_views, percentile, print_table

APP = str(ROOT / "app.py")
BARE_PAGE = 'import streamlit as st\n\nst.write("ConvViz")\n'
GOAL_NEW_VALUE_MS = 100.0
GOAL_RERUN_RATIO = 25.0
KINDS = ("slider", "select_slider", "number_input", "selectbox", "radio", "toggle", "checkbox")
MAX_NUMBER_CHOICES = 1000  # a number input's range is sampled, not listed, beyond this
PREDICT_TOGGLE = "predict_first"  # the "predict first" switch (convviz.controls.predict)
GUESS_SUFFIX, DONE_SUFFIX = "_predict_guess", "_predict_done"  # its form's field, its record
NOT_A_NUMBER = ("seven", "3.5", "")  # answers the form explains and keeps asking


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


def share_script_cache() -> None:
    """Make every ``AppTest`` run use one ``ScriptCache``, as a server's sessions do.

    AppTest (1.67) builds a fresh cache for every run, so each run reads, rewrites (magic)
    and compiles ``app.py`` and the page again: 30–40 ms here that a server pays once per
    script, not per rerun. Without this the figures would blame the page for it.
    """
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def timed_run(at: AppTest, clock: Callable[[], float] = time.perf_counter) -> float:
    """Seconds of one ``at.run()`` by ``clock`` (wall time, or ``time.process_time``)."""
    started = clock()
    at.run()
    return clock() - started


def _send(widget, state: WidgetState) -> None:
    """Make ``widget`` report ``state`` on the next run, as the browser does for a choice.

    Radios, select boxes and select sliders travel as their formatted option text; AppTest
    only sets them by the page's own values, which the element tree does not hold.
    """
    widget.__class__ = type(
        f"Chosen{type(widget).__name__}",
        (type(widget),),
        {"_widget_state": property(lambda _: state)},
    )


def _numbers(low: float, high: float, step: float, rng: random.Random) -> list[float]:
    """The values of a numeric control's range (a random sample when it is long)."""
    step = step or 1
    count = round((high - low) / step) + 1
    picks = range(count) if count <= MAX_NUMBER_CHOICES else rng.sample(range(count), 50)
    values = [low + n * step for n in picks]
    return [int(v) if float(step).is_integer() and float(low).is_integer() else v for v in values]


def choices(widget, rng: random.Random) -> list[tuple[object, Callable[[], None]]]:
    """``(value, apply)`` for every other value the control can take right now."""
    kind = type(widget).__name__
    if kind in ("Toggle", "Checkbox"):
        return [(not widget.value, lambda: widget.set_value(not widget.value))]
    if kind in ("Radio", "Selectbox", "SelectSlider"):
        current = widget.value
        if kind == "SelectSlider":
            shown = str(widget.format_func(current))
        else:
            shown = widget.options[widget.index] if widget.index is not None else None
        result = []
        for option in widget.options:
            if option == shown:
                continue
            state = WidgetState(id=widget.id)
            if kind == "SelectSlider":
                state.string_array_value.data.append(option)
            else:
                state.string_value = option
            result.append((option, lambda state=state: _send(widget, state)))
        return result
    if kind == "Slider" and not isinstance(widget.value, int | float):
        return []  # a range slider: not an engine value
    low, high, step = widget.min, widget.max, widget.step  # Slider or NumberInput
    if low is None or high is None:
        return []
    return [
        (value, lambda value=value: widget.set_value(value))
        for value in _numbers(low, high, step, rng)
        if value != widget.value
    ]


def controls(at: AppTest) -> dict[str, object]:
    """The keyed controls of the last run, ``{key: widget}``, in page order."""
    found = {}
    for kind in KINDS:
        for widget in getattr(at, kind):
            if widget.key and not widget.disabled:
                found.setdefault(widget.key, widget)
    return found


@dataclass
class ViewResult:
    """What one view measured (seconds)."""

    view: View
    first_s: float
    rerun_s: float
    new_value_s: dict[str, list[float]] = field(default_factory=dict)  # per control key
    charts: int = 0
    chart_bytes: int = 0
    payload: int = 0
    exceptions: list[str] = field(default_factory=list)

    def worst(self) -> tuple[str, float]:
        """The control with the highest median new-value time, and that median."""
        medians = {key: statistics.median(t) for key, t in self.new_value_s.items() if t}
        if not medians:
            return "–", float("nan")
        key = max(medians, key=medians.get)
        return key, medians[key]


def _exceptions(at: AppTest, label: str) -> list[str]:
    return [f"{label}: {e.message.splitlines()[0] if e.message else e.value}" for e in at.exception]


def open_view(
    view: View, lang: str, clock: Callable[[], float] = time.perf_counter
) -> tuple[AppTest, float]:
    """A fresh ``AppTest`` on ``view``; returns it and the seconds of the view's first run."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = lang
    for key, value in view.query.items():
        at.query_params[key] = value
    at.run()  # the overview: router, imports, language
    at.switch_page(view.file)
    return at, timed_run(at, clock)


def measure(
    view: View,
    lang: str,
    runs: int,
    values: int,
    seed: int,
    *,
    clock: Callable[[], float] = time.perf_counter,
) -> ViewResult:
    """Time the view's first run, its reruns and ``values`` new values of every control."""
    at, first = open_view(view, lang, clock)
    errors = _exceptions(at, f"{view.name} first run")
    reruns = [timed_run(at, clock) for _ in range(runs)]
    charts = at.get("plotly_chart")
    result = ViewResult(
        view,
        first,
        statistics.median(reruns),
        charts=len(charts),
        chart_bytes=sum(len(chart.proto.spec) for chart in charts),
        payload=payload_bytes(at),
        exceptions=errors,
    )
    rng = random.Random(f"{seed}-{view.name}")
    seen: dict[str, set[str]] = {}
    for key in controls(at):
        result.new_value_s[key] = []
        seen[key] = set()
        for _ in range(values):
            widget = controls(at).get(key)
            if widget is None:  # a change hid it
                break
            seen[key].add(repr(widget.value))
            fresh = [(v, apply) for v, apply in choices(widget, rng) if repr(v) not in seen[key]]
            if not fresh:
                break
            value, apply = rng.choice(fresh)
            seen[key].add(repr(value))
            apply()
            result.new_value_s[key].append(timed_run(at, clock))
            result.exceptions += _exceptions(at, f"{view.name} {key}={value!r}")
    predict_answers(at, result, values, rng, clock)
    return result


def _guess_field(at: AppTest):
    """The "predict first" form's text field of the last run, or None."""
    return next((t for t in at.text_input if (t.key or "").endswith(GUESS_SUFFIX)), None)


def predict_answers(
    at: AppTest,
    result: ViewResult,
    values: int,
    rng: random.Random,
    clock: Callable[[], float] = time.perf_counter,
) -> None:
    """Time ``values`` answers typed into the view's "predict first" form and submitted.

    The switch is turned on first if a control run left it off (untimed). A whole number
    (right or wrong) is judged and reveals the page; after one, the record of the answered
    question is dropped (untimed) so that the next answer meets the form again, as on a new
    setting. One answer in four is not a number: the form explains it and stays.
    """
    switch = next((t for t in at.toggle if t.key == PREDICT_TOGGLE), None)
    if switch is None:
        return
    if not switch.value:
        switch.set_value(True)
        at.run()
    name = None  # the page prefix of the form's keys
    for _ in range(values):
        field = _guess_field(at)
        if field is None and name is not None and name + DONE_SUFFIX in at.session_state:
            del at.session_state[name + DONE_SUFFIX]  # answered: ask again
            at.run()
            field = _guess_field(at)
        if field is None:
            return
        name = field.key.removesuffix(GUESS_SUFFIX)
        form = name + "_predict_form"
        submit = next(b for b in at.button if b.proto.form_id == form)  # "check" comes first
        answer = rng.choice(NOT_A_NUMBER) if rng.random() < 0.25 else str(rng.randint(0, 40))
        field.input(answer)
        submit.click()
        result.new_value_s.setdefault(field.key, []).append(timed_run(at, clock))
        result.exceptions += _exceptions(at, f"{result.view.name} {field.key}={answer!r}")


def bare_rerun_s(runs: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """Median rerun of a one-line page, timed as the views are."""
    at = AppTest.from_string(BARE_PAGE, default_timeout=60)
    at.run()
    return statistics.median(timed_run(at, clock) for _ in range(max(runs, 3)))


def rows(results: list[ViewResult], bare_s: float) -> list[list[object]]:
    """One table row per view (times in ms, sizes in KB of 1000 bytes)."""
    table = []
    for r in results:
        times = [t for series in r.new_value_s.values() for t in series]
        worst_key, worst_s = r.worst()
        p95 = percentile(times, 95)
        met = (
            not r.exceptions
            and (not times or 1000 * p95 <= GOAL_NEW_VALUE_MS)
            and r.rerun_s <= GOAL_RERUN_RATIO * bare_s
        )
        table.append(
            [
                r.view.name,
                1000 * r.first_s,
                1000 * r.rerun_s,
                r.rerun_s / bare_s,
                len(r.new_value_s),
                len(times),
                1000 * statistics.median(times) if times else float("nan"),
                1000 * p95,
                worst_key,
                1000 * worst_s,
                r.charts,
                r.chart_bytes / 1000,
                r.payload / 1000,
                len(r.exceptions),
                "met" if met else "NOT met",
            ]
        )
    return table


HEADERS = [
    "view",
    "first run ms",
    "rerun ms",
    "× bare",
    "controls",
    "new values",
    "new p50 ms",
    "new p95 ms",
    "worst control",
    "worst p50 ms",
    "charts",
    "chart KB",
    "payload KB",
    "exceptions",
    "goal",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="reruns per median")
    parser.add_argument("--values", type=int, default=3, help="new values per control")
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--pages",
        nargs="+",
        help="pages or tabs, e.g. transposed or transposed?view=direct (default: every page)",
    )
    parser.add_argument(
        "--cpu", action="store_true", help="time the process's CPU time instead of wall time"
    )
    args = parser.parse_args(argv)
    if not 1 <= args.runs <= 100 or not 0 <= args.values <= 100:
        parser.error("--runs must be 1..100 and --values 0..100")
    views = page_views(args.pages, home=True)
    if not views:
        parser.error("no such page")
    clock, clock_name = (time.process_time, "CPU") if args.cpu else (time.perf_counter, "wall")
    share_script_cache()
    machine_before = machine_line()
    bare_before = bare_rerun_s(args.runs, clock)
    results = [measure(v, args.lang, args.runs, args.values, args.seed, clock=clock) for v in views]
    bare_s = statistics.median([bare_before, bare_rerun_s(args.runs, clock)])
    print(
        f"\nServer {clock_name} time per run through AppTest ({args.lang}; rerun: median of "
        f"{args.runs}; {args.values} new values per control)\n"
    )
    print(machine_before)
    print(machine_line("at end"))
    print(f"bare one-line page: rerun {1000 * bare_s:.1f} ms (median of before and after)\n")
    print_table(HEADERS, rows(results, bare_s))
    times = [1000 * t for r in results for series in r.new_value_s.values() for t in series]
    if times:
        print(
            f"\nall {len(times)} new values: p50 {statistics.median(times):.1f} ms, "
            f"mean {statistics.fmean(times):.1f} ms, p95 {percentile(times, 95):.1f} ms"
        )
    print(
        f"\nGoal: every new value ≤ {GOAL_NEW_VALUE_MS:.0f} ms (checked on the p95), "
        f"rerun ≤ {GOAL_RERUN_RATIO:.0f}× the bare page, no exceptions"
    )
    problems = [line for r in results for line in r.exceptions]
    for line in problems[:20]:
        print("  -", line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
