"""Question family: the value of one output cell, for small integer inputs and kernels.

The standard cell is ``conv2d`` of the engine, explained by the engine's sliding-window trace
(``format_cell``: every product of the window); the transposed cell is ``conv_transpose2d``,
explained by the stamps (``cell_stamp``) that land on it. The grids are typed into the link
(``input_values=custom``), so the page shows the same numbers: the dilated page (its kernel is
one of its fills: ones, 1 … k², ±1) and the transposed page (typed kernel).
"""

from __future__ import annotations

import numpy as np

from convviz.engine.arithmetic_text import format_cell, format_number
from convviz.engine.conv import conv2d
from convviz.engine.scatter import cell_stamp
from convviz.engine.trace import sliding_trace
from convviz.engine.transpose import conv_transpose2d
from convviz.figures.dilated.kernel import kernel_values as fill_kernel
from convviz.practice.question import NUMBER, Link, Question, Step, draw, first_valid, forward_link

# Input value ranges (inclusive) per level.
_VALUES = {1: (0, 3), 2: (-2, 3), 3: (-3, 3)}
_FILLS = {1: ("ones", "arange"), 2: ("ones", "arange", "signs"), 3: ("arange", "signs")}
# (input sizes, kernel sizes, strides, paddings) per level for the standard cell.
_CONV_LEVELS = {1: ((3, 4), (2, 2), (1, 1), (0, 0)), 2: ((3, 5), (2, 3), (1, 2), (0, 1))}
_CONV_LEVELS[3] = ((4, 5), (3, 3), (1, 2), (1, 2))
# (input sizes, kernel sizes, strides, paddings, kernel value range) for the transposed cell.
_TRANSPOSE_LEVELS = {
    1: ((2, 2), (2, 2), (1, 1), (0, 0), (0, 2)),
    2: ((2, 3), (2, 3), (1, 2), (0, 1), (-1, 2)),
    3: ((2, 3), (3, 3), (2, 3), (0, 1), (-2, 2)),
}


def grid_text(values: np.ndarray) -> str:
    """A small grid as aligned rows of numbers (shown in a code block)."""
    cells = [[format_number(v) for v in row] for row in values]
    width = max(len(c) for row in cells for c in row)
    return "\n".join("  ".join(c.rjust(width) for c in row) for row in cells)


def url_numbers(values: np.ndarray) -> str:
    """The grid as the page's typed-values field reads it: numbers row by row, space apart."""
    return " ".join(format_number(v) for v in values.ravel())


def _ints(rng: np.random.Generator, shape: tuple[int, int], span: tuple[int, int]) -> np.ndarray:
    return rng.integers(span[0], span[1] + 1, size=shape).astype(np.float64)


def conv_cell(rng: np.random.Generator, level: int) -> Question:
    """ "What is y[r, c]?" for a standard convolution (cross-correlation, zero padding)."""
    sizes, kernels, strides, paddings = _CONV_LEVELS[level]

    def propose(rng: np.random.Generator) -> dict:
        i = int(rng.integers(sizes[0], sizes[1] + 1))
        return {
            "x": _ints(rng, (i, i), _VALUES[level]),
            "fill": draw(rng, _FILLS[level]),
            "kernel_size": int(rng.integers(kernels[0], kernels[1] + 1)),
            "stride": int(rng.integers(strides[0], strides[1] + 1)),
            "padding": int(rng.integers(paddings[0], paddings[1] + 1)),
            "cell_seed": int(rng.integers(1 << 30)),
        }

    def accept(settings: dict) -> tuple | None:
        w = fill_kernel(settings["fill"], settings["kernel_size"])
        y = conv2d(settings["x"][None], w[None, None], **_hyper(settings))[0]  # (o, o)
        cell = np.random.default_rng(settings["cell_seed"]).integers(0, y.shape[0], size=2)
        return w, y, (int(cell[0]), int(cell[1]))

    fallback = {
        "x": np.arange(9.0).reshape(3, 3),
        "fill": "ones",
        "kernel_size": 2,
        "stride": 1,
        "padding": 0,
        "cell_seed": 0,
    }
    settings, (w, y, (r, c)) = first_valid(rng, propose, accept, fallback)
    x = settings["x"]
    trace = sliding_trace(x, w, **_hyper(settings))
    s, p = settings["stride"], settings["padding"]
    prompt = (
        Step.of("practice.q.conv_cell", k=w.shape[0], s=s, p=p, r=r, c=c, o=y.shape[0]),
        Step.of("practice.q.grid", name_key="practice.grid.input", grid=grid_text(x)),
        Step.of("practice.q.grid", name_key="practice.grid.kernel", grid=grid_text(w)),
    )
    rows = ", ".join(str(v - p) for v in trace.rows[r, c, :, 0])
    cols = ", ".join(str(v - p) for v in trace.cols[r, c, 0, :])
    steps = (
        Step.of("practice.explain.window", r=r, c=c, rows=rows, cols=cols),
        Step.of("practice.explain.sum", cell=f"y[{r}, {c}]", sum=format_cell(trace, (r, c))),
    )
    link = forward_link(
        input_size=x.shape[0],
        kernel_size=w.shape[0],
        stride=s,
        padding=p,
        dilation=1,
        input_values="custom",
        input_values_text=url_numbers(x),
        kernel_fill=settings["fill"],
    )
    return Question("conv_cell", level, prompt, NUMBER, int(y[r, c]), steps, link)


def _hyper(settings: dict) -> dict[str, int]:
    return {"stride": settings["stride"], "padding": settings["padding"]}


def stamp_terms(
    x: np.ndarray, w: np.ndarray, cell: tuple[int, int], **hyper: int
) -> list[tuple[tuple[int, int], tuple[int, int], float, float]]:
    """Every stamp that lands on output ``cell``: (input cell, kernel tap, x value, w value).

    From the engine's :func:`~convviz.engine.scatter.cell_stamp` of each input cell, in
    row-major order of the input.
    """
    k = w.shape[1]
    terms = []
    for m in range(x.shape[0]):
        for n in range(x.shape[1]):
            stamp = cell_stamp(x, w, cell=(m, n), **hyper)
            row = cell[0] - stamp.output_top_left[0]
            col = cell[1] - stamp.output_top_left[1]
            if 0 <= row < stamp.taps.shape[0] and 0 <= col < stamp.taps.shape[1]:
                tap = int(stamp.taps[row, col])
                if tap >= 0:
                    a, b = divmod(tap, k)
                    terms.append(((m, n), (a, b), float(x[m, n]), float(w[a, b])))
    return terms


def _factor(value: float) -> str:
    text = format_number(value)
    return f"({text})" if text.startswith("-") else text


def transpose_cell(rng: np.random.Generator, level: int) -> Question:
    """ "What is y[r, c]?" for a transposed convolution (sum of the stamps on that cell)."""
    sizes, kernels, strides, paddings, weights = _TRANSPOSE_LEVELS[level]

    def propose(rng: np.random.Generator) -> dict:
        i = int(rng.integers(sizes[0], sizes[1] + 1))
        k = int(rng.integers(kernels[0], kernels[1] + 1))
        s = int(rng.integers(strides[0], strides[1] + 1))
        return {
            "x": _ints(rng, (i, i), _VALUES[level]),
            "w": _ints(rng, (k, k), weights),
            "stride": s,
            "padding": int(rng.integers(paddings[0], paddings[1] + 1)),
            "output_padding": int(rng.integers(0, s)) if level > 1 else 0,
            "cell_seed": int(rng.integers(1 << 30)),
        }

    def accept(settings: dict) -> tuple | None:
        hyper = _transpose_hyper(settings)
        y = conv_transpose2d(settings["x"][None], settings["w"][None, None], **hyper)[0]
        cell = np.random.default_rng(settings["cell_seed"]).integers(0, y.shape[0], size=2)
        r, c = int(cell[0]), int(cell[1])
        terms = stamp_terms(settings["x"], settings["w"], (r, c), **hyper)
        return (y, (r, c), terms) if len(terms) >= min(level, 2) else None

    fallback = {
        "x": np.array([[1.0, 2.0], [3.0, 4.0]]),
        "w": np.array([[1.0, 0.0], [2.0, 1.0]]),
        "stride": 1,
        "padding": 0,
        "output_padding": 0,
        "cell_seed": 3,
    }
    settings, (y, (r, c), terms) = first_valid(rng, propose, accept, fallback)
    x, w = settings["x"], settings["w"]
    hyper = _transpose_hyper(settings)
    prompt = (
        Step.of(
            "practice.q.transpose_cell",
            k=w.shape[0],
            s=hyper["stride"],
            p=hyper["padding"],
            a=hyper["output_padding"],
            r=r,
            c=c,
            o=y.shape[0],
        ),
        Step.of("practice.q.grid", name_key="practice.grid.input", grid=grid_text(x)),
        Step.of("practice.q.grid", name_key="practice.grid.kernel", grid=grid_text(w)),
    )
    names = " + ".join(f"x[{m}, {n}]·w[{a}, {b}]" for (m, n), (a, b), _, _ in terms)
    products = " + ".join(f"{_factor(v)}·{_factor(wv)}" for _, _, v, wv in terms)
    answer = int(y[r, c])
    steps = (
        Step.of("practice.explain.stamps", r=r, c=c, count=len(terms), s=hyper["stride"]),
        Step.of(
            "practice.explain.sum",
            cell=f"y[{r}, {c}]",
            sum=f"{names} = {products} = {format_number(answer)}",
        ),
    )
    link = Link.of(
        "transposed",
        input_size=x.shape[0],
        kernel_size=w.shape[0],
        **hyper,
        dilation=1,
        input_values="custom",
        input_values_text=url_numbers(x),
        kernel_values="custom",
        kernel_values_text=url_numbers(w),
    )
    return Question("transpose_cell", level, prompt, NUMBER, answer, steps, link)


def _transpose_hyper(settings: dict) -> dict[str, int]:
    return {key: settings[key] for key in ("stride", "padding", "output_padding")}
