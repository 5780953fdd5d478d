"""Worst-case server CPU time and extra memory of one hostile request, per category.

Run from the project root::

    python bench/bench_hostile.py
    python bench/bench_hostile.py --only uploads exports

Every case runs in a forked child of a process that has already imported the app, so it pays
what a request to a warm server pays: CPU time is the child's (all threads), extra memory is
the child's peak resident set above its size when the case started (``VmHWM`` after resetting
it through ``/proc/self/clear_refs``, minus ``VmRSS`` before). Page cases run the real app
through Streamlit's AppTest (script run plus AppTest's own overhead: an upper bound). The goal
of issue 14: no single request over 2 s of server CPU or 200 MB of extra memory.

Categories: links (URL integers), typed (typed and linked text), uploads (picture decoding),
exports (files made on a click), derived (views computed from a setting).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from machine import machine_line  # noqa: E402
from PIL import Image  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from convviz.figures.dilated import files as dilated_files  # noqa: E402
from convviz.figures.dilated.compare import comparison  # noqa: E402
from convviz.figures.standard import files as standard_files  # noqa: E402
from convviz.figures.transposed import files as transposed_files  # noqa: E402
from convviz.images import load_image  # noqa: E402
from convviz.inputs import MAX_CUSTOM_TEXT, make_values, parse_numbers  # noqa: E402
from convviz.lab_kernels import kernel_from_text, parse_kernel_grid  # noqa: E402
from convviz.practice.check import check_number  # noqa: E402
from convviz.stacks import Layer  # noqa: E402

APP = str(ROOT / "app.py")
GOAL_CPU_S, GOAL_MB = 2.0, 200.0
DIGITS = "1" * 16_000
WORST_STACK = (Layer(7, 4, 32),) * 8


def page(path: str, **query: str) -> Callable[[], object]:
    """One run of ``path`` opened with the query parameters of a shared link."""

    def run() -> object:
        at = AppTest.from_file(APP, default_timeout=120)
        at.query_params["lang"] = "en"
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        at.switch_page(path)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return run


def refused(call: Callable[[], object]) -> Callable[[], object]:
    """``call`` must raise the app's explanation (a ValueError with a code)."""

    def run() -> object:
        try:
            call()
        except ValueError as error:
            assert getattr(error, "code", None), error
            return error.code
        raise AssertionError("accepted")

    return run


def png(mode: str, size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    if mode == "gradient":
        w, h = size
        ramp = (np.add.outer(np.arange(h), np.arange(w)) % 256).astype(np.uint8)
        Image.fromarray(np.stack([ramp, ramp[::-1], 255 - ramp], -1)).save(out, "PNG")
    else:
        Image.new(mode, size).save(out, "PNG")
    return out.getvalue()


def jpeg(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (90, 120, 200)).save(out, "JPEG", quality=90)
    return out.getvalue()


def cases() -> dict[str, list[tuple[str, Callable[[], object]]]]:
    x8, k7 = make_values("arange", (8, 8)), make_values("arange", (7, 7))
    x12 = make_values("arange", (12, 12))
    square = {"input_size": 12, "kernel_size": 1, "stride": 1, "padding": 0}
    setting = square | {f"{name}_w": value for name, value in square.items()}
    # Files are made here, in the parent: a case pays for decoding them, not for drawing them.
    files = {
        "bit16_7000": png("I;16", (7000, 7000)),
        "row_50M": png("L", (50_000_000, 1)),
        "bit16_3400": png("I;16", (3400, 3400)),
        "gradient_12M": png("gradient", (4000, 3000)),
        "rgba_12M": png("RGBA", (4000, 3000)),
        "jpeg_48M": jpeg((8000, 6000)),
    }
    worst_t = {"stride": 4, "padding": 0, "output_padding": 3, "dilation": 4}
    grid = [["1." + "1" * 37] * 7 for _ in range(7)]
    return {
        "links": [
            ("/grouped?groups=10^12", page("pages/grouped.py", groups="1" + "0" * 12)),
            ("/grouped?groups=<5000 digits>", page("pages/grouped.py", groups="9" * 5000)),
            ("/grouped?groups=²", page("pages/grouped.py", groups="²")),
            ("/pointwise?resnet_mid=inf", page("pages/pointwise.py", resnet_mid="inf")),
            ("/standard?stride=<5000 digits>", page("pages/standard.py", stride="9" * 5000)),
        ],
        "typed": [
            (
                "/standard?input_values_text=<16000 digits>",
                page("pages/standard.py", input_values="custom", input_values_text=DIGITS),
            ),
            (
                "/image-lab?custom_kernel=<16000 digits>",
                page("pages/image-lab.py", filter="custom", custom_kernel=DIGITS),
            ),
            ("kernel cell of 16000 digits", refused(lambda: parse_kernel_grid([[DIGITS]]))),
            ("kernel grid 7x7 of 40-char numbers", lambda: parse_kernel_grid(grid)),
            ("custom_kernel text over the cap", refused(lambda: kernel_from_text(DIGITS * 2))),
            (
                "typed values over the cap",
                refused(lambda: parse_numbers("1 " * (MAX_CUSTOM_TEXT // 2 + 1))),
            ),
            ("answer of 5000 digits", lambda: check_number(7, "9" * 5000)),
        ],
        "uploads": [
            ("16-bit PNG 7000x7000 (95 KB)", refused(partial(load_image, files["bit16_7000"]))),
            ("PNG 1x50,000,000", refused(partial(load_image, files["row_50M"]))),
            ("16-bit PNG 3400x3400", partial(load_image, files["bit16_3400"])),
            ("RGB PNG 4000x3000 gradient", partial(load_image, files["gradient_12M"])),
            ("RGBA PNG 4000x3000", partial(load_image, files["rgba_12M"])),
            ("JPEG 8000x6000 (48 MP)", partial(load_image, files["jpeg_48M"])),
        ],
        "exports": [
            (
                "transposed direct GIF, i8 k7 s4 a3 d4",
                lambda: transposed_files.direct_gif(x8, k7, lang="en", **worst_t),
            ),
            (
                "transposed scatter GIF, i12 k7 s4 a3 d4",
                lambda: transposed_files.scatter_gif(
                    x12, k7, lang="en", stride=4, padding=0, output_padding=3, dilation=4
                ),
            ),
            (
                "standard window GIF, i12 k1 (144 steps)",
                lambda: standard_files.window_gif(x12, "arange", lang="en", **setting),
            ),
            (
                "dilated stack PNG at the limit (field 127)",
                lambda: dilated_files.stack_png(
                    tuple(Layer(3, 1, 2**i) for i in range(6)), lang="en"
                ),
            ),
            (
                "dilated stack CSV at the limit (field 513)",
                lambda: dilated_files.stack_csv((Layer(5, 1, 32),) * 4),
            ),
            (
                "transposed direct PNG, i12 k7 s4 a3 d4",
                lambda: transposed_files.direct_png(x12, k7, (0, 0), lang="en", **worst_t),
            ),
        ],
        "derived": [
            ("comparison of 8 x 7-4-32", lambda: comparison(WORST_STACK, "stack")),
            (
                "/dilated?layers=8 x 7-4-32",
                page("pages/dilated.py", layers=",".join(["7-4-32"] * 8)),
            ),
            (
                "/transposed?i8 k7 s4 a3 d4 view=direct",
                page(
                    "pages/transposed.py",
                    input_size="8",
                    kernel_size="7",
                    view="direct",
                    **{k: str(v) for k, v in worst_t.items()},
                ),
            ),
        ],
    }


def _status(field: str) -> float:
    """``VmRSS`` / ``VmHWM`` of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(call: Callable[[], object]) -> tuple[float, float, str]:
    """(CPU seconds, extra peak MB, error) of ``call`` in a forked child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the case once, report, exit without cleanup
        os.close(read)
        error = ""
        try:
            Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
            start_rss, start_cpu = _status("VmRSS"), time.process_time()
            call()
            cpu, extra = time.process_time() - start_cpu, _status("VmHWM") - start_rss
        except BaseException as exc:
            cpu, extra, error = float("nan"), float("nan"), f"{type(exc).__name__}: {exc}"[:200]
        os.write(write, f"{cpu}\t{extra}\t{error}".encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        report = pipe.read()
    os.waitpid(pid, 0)
    cpu, extra, error = report.split("\t", 2)
    return float(cpu), float(extra), error


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="categories to run (default: all)")
    args = parser.parse_args(argv)
    print(machine_line())
    page("pages/home.py")()  # warm: imports and caches a running server would have
    table = cases()
    print(f"{'category':9} {'case':48} {'CPU s':>7} {'+MB':>7}")
    worst: dict[str, tuple[float, float]] = {}
    failures = []
    for category, entries in table.items():
        if args.only and category not in args.only:
            continue
        for name, call in entries:
            cpu, extra, error = measure(call)
            print(
                f"{category:9} {name:48} {cpu:7.2f} {extra:7.1f}" + (f"  {error}" if error else "")
            )
            if error:
                failures.append(name)
            best = worst.get(category, (0.0, 0.0))
            worst[category] = (max(best[0], cpu), max(best[1], extra))
    print()
    goal = f"goal: {GOAL_CPU_S} s, {GOAL_MB:g} MB"
    print(f"{'category':9} {'worst CPU s':>12} {'worst +MB':>10}   {goal}")
    for category, (cpu, extra) in worst.items():
        flag = "" if cpu <= GOAL_CPU_S and extra <= GOAL_MB else "  over the goal"
        print(f"{category:9} {cpu:12.2f} {extra:10.1f}{flag}")
    if failures:
        print(f"\n{len(failures)} case(s) failed: {', '.join(failures)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
