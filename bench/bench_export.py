"""How long the exporters take on the largest views the app offers, and how big the files are.

Run from the project root::

    python bench/bench_export.py            # best of 3 runs per case
    python bench/bench_export.py --repeat 1

Cases: the worst GIF the issue allows (150 frames, two 24×24 grids plus a kernel), the
sliding window over a 24×24 padded input (k=3, s=2), scatter-add of a 12×12 input (k=3, s=2,
p=1, a=1), and the PNG / LaTeX / CSV of a 25×49 symbolic matrix C. The target is under 2 s
for any GIF on one core.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine import machine_line

from convviz.export import (
    Animation,
    GridPanel,
    Scene,
    bmatrix,
    grid_csv,
    render_animation_gif,
    render_scene_png,
    scatter_add_animation,
    sliding_window_animation,
)
from convviz.export.gif import gif_palette
from convviz.export.png import draw_scene, layout_scene
from convviz.export.raster import Painter
from convviz.style.palette import CellKind


def worst_case(frames: int = 150, size: int = 24) -> Animation:
    """``frames`` steps of a window moving over a ``size``² input while a ``size``² output fills."""
    rng = np.random.default_rng(0)
    x = rng.integers(-9, 10, (size, size)).astype(float)
    kernel = rng.integers(-2, 3, (3, 3)).astype(float)
    final = rng.integers(-60, 61, (size, size)).astype(float)
    out = np.full((size, size), np.nan)  # (size, size), filled one cell per frame
    scenes = []
    for step in range(frames):
        r, c = divmod(step, size)
        out = out.copy()
        out[r % size, c] = final[r % size, c]
        r0, c0 = min(r, size - 3), min(c, size - 3)
        scenes.append(
            Scene(
                (
                    GridPanel(x, "Input", "input", highlights=((r0, c0, r0 + 3, c0 + 3),)),
                    GridPanel(kernel, "Kernel", "kernel"),
                    GridPanel(
                        out,
                        "Output",
                        "output",
                        highlights=((r % size, c, r % size + 1, c + 1),),
                        value_range=(-60.0, 60.0),
                    ),
                ),
                f"step {step}: "
                + " + ".join(
                    f"{a:g}·{b:g}" for a, b in zip(x[r0, c0 : c0 + 3], kernel[0], strict=True)
                ),
                ("⊛", "="),
            )
        )
    return Animation(tuple(scenes), 400)


def sliding_window() -> Animation:
    rng = np.random.default_rng(1)
    x = rng.integers(0, 10, (22, 22)).astype(float)
    padded = np.pad(x, 1)  # (24, 24)
    kinds = np.full(padded.shape, CellKind.BORDER_PAD, dtype=np.int8)
    kinds[1:-1, 1:-1] = CellKind.REAL
    kernel = rng.integers(-2, 3, (3, 3)).astype(float)
    return sliding_window_animation(padded, kernel, stride=2, kinds=kinds)


def scatter() -> Animation:
    rng = np.random.default_rng(2)
    x = rng.integers(-3, 4, (12, 12)).astype(float)
    kernel = rng.integers(-2, 3, (3, 3)).astype(float)
    return scatter_add_animation(x, kernel, stride=2, padding=1, output_padding=1)


def symbolic_c() -> np.ndarray:
    """Labels of C for a 7×7 input and a 3×3 kernel (25×49), built by hand for the benchmark."""
    labels = np.full((25, 49), "0", dtype=object)
    for r in range(5):
        for c in range(5):
            for i in range(3):
                for j in range(3):
                    labels[r * 5 + c, (r + i) * 7 + c + j] = f"w_{{{i},{j}}}"
    return labels


def pillow_save_all(animation: Animation, *, disposal: int) -> bytes:
    """The same frames saved with Pillow's ``save_all`` (whole frames kept in memory)."""
    painter = Painter(scale=2, lang="en", palette=gif_palette())
    layouts = [layout_scene(frame, painter, footer=True) for frame in animation.frames]
    size = (max(lay.width for lay in layouts), max(lay.height for lay in layouts))
    total = len(layouts)
    frames = [
        draw_scene(frame, lay, painter, canvas_size=size, footer=f"{i + 1} / {total}")
        for i, (frame, lay) in enumerate(zip(animation.frames, layouts, strict=True))
    ]
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        loop=0,
        duration=animation.duration_ms,
        optimize=False,
        disposal=disposal,
    )
    return buffer.getvalue()


def timed(name: str, make: Callable[[], bytes | str], repeat: int) -> None:
    """Print the best wall time, the CPU time of that run and the size of the result.

    CPU time is what one idle core would need; wall time grows when other programs share
    the machine.
    """
    best, cpu, data = float("inf"), 0.0, b""
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        data = make()
        wall = time.perf_counter() - start
        if wall < best:
            best, cpu = wall, time.process_time() - start_cpu
    size = len(data.encode() if isinstance(data, str) else data)
    print(f"{name:<46} {best:7.3f} s wall {cpu:7.3f} s cpu {size / 1e3:9.1f} kB")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare", action="store_true", help="also time Pillow's save_all")
    args = parser.parse_args(argv)
    repeat = args.repeat
    print(machine_line())
    worst, window, stamps = worst_case(), sliding_window(), scatter()
    frames = {
        "worst": len(worst.frames),
        "window": len(window.frames),
        "scatter": len(stamps.frames),
    }
    print(f"frames: {frames}")
    timed("GIF worst case (150 frames, 24x24 + 24x24)", lambda: render_animation_gif(worst), repeat)
    timed("GIF sliding window 24x24 padded, k=3, s=2", lambda: render_animation_gif(window), repeat)
    timed("GIF scatter-add 12x12, k=3, s=2, p=1, a=1", lambda: render_animation_gif(stamps), repeat)
    timed("GIF worst case at scale 1", lambda: render_animation_gif(worst, scale=1), repeat)
    if args.compare:
        for disposal in (1, 2):
            timed(
                f"GIF worst case, Pillow save_all, disposal={disposal}",
                lambda d=disposal: pillow_save_all(worst, disposal=d),
                repeat,
            )
    timed("PNG one frame of the worst case", lambda: render_scene_png(worst.frames[-1]), repeat)
    labels = symbolic_c()
    c_scene = Scene((GridPanel(np.zeros(labels.shape), "C", labels=labels),))
    timed("PNG symbolic C 25x49", lambda: render_scene_png(c_scene), repeat)
    timed("LaTeX symbolic C 25x49", lambda: bmatrix(labels, symbolic=True), repeat)
    timed("CSV symbolic C 25x49", lambda: grid_csv(labels), repeat)


if __name__ == "__main__":
    main()
