"""Question families of deformable convolution: how many channels predict the offsets (and
mask), what a bilinear read gives, and where a moved point reads.

Answers come from the engine (``deform_counts``, ``cell_sampling``, ``sampling_points``); the
links open the deformable page at the same setting (the bilinear and point questions use its
1, 2, 3, … picture and a constant shift, so the page shows the same point and numbers).
"""

from __future__ import annotations

import numpy as np

from convviz.engine.arithmetic_text import format_number
from convviz.engine.deform_counts import deform_counts
from convviz.engine.deform_trace import cell_sampling, sampling_points, single_channel_setup
from convviz.engine.offset_fields import shift_field
from convviz.engine.sizes import conv_output_size
from convviz.practice.question import NUMBER, Link, Question, Step, draw, first_valid

# Shifts whose bilinear read of the 1, 2, 3, … picture is a whole number: with x[r, c] =
# i·r + c + 1 the read at (r + f, c + f) is i·(r + f) + c + f + 1, whole when (i + 1)·f is.
_READS = {
    1: ((0.5, (5, 7)),),
    2: ((0.5, (7, 9)), (0.25, (7, 11))),
    3: ((0.25, (11, 15)), (0.75, (7, 11))),
}


def _mask_key(mask: bool) -> str:
    return f"practice.deform_mask.{str(mask).lower()}"


def deform_channels(rng: np.random.Generator, level: int) -> Question:
    """Output channels of the offset convolution (plus the DCNv2 mask convolution)."""
    k = draw(rng, (2, 3, 5) if level < 3 else (3, 4, 5))
    g = 1 if level < 3 else draw(rng, (1, 2, 4))
    mask = False if level == 1 else bool(draw(rng, (False, True)))
    cin = 16 * g
    layers = deform_counts(cin, cin, k, (1, 1), offset_groups=g, modulated=mask).layers
    answer = sum(layer.out_channels for layer in layers if layer.name != "main")
    prompt = Step.of("practice.q.deform_channels", k=k, g=g, mask_key=_mask_key(mask))
    steps = (
        Step.of(
            "practice.explain.deform_channels" + ("_mask" if mask else ""),
            k=k,
            g=g,
            offsets=2 * g * k * k,
            masks=g * k * k,
            total=answer,
        ),
    )
    link = Link.of(
        "deformable",
        kernel_size=k,
        mask=mask,
        deform_in_channels=cin,
        deform_offset_groups=g,
        view="counts",  # the tab of the offset convolutions' counts
    )
    return Question("deform_channels", level, (prompt,), NUMBER, answer, steps, link)


def deform_read(rng: np.random.Generator, level: int) -> Question:
    """The bilinear read of one moved point of the 1, 2, 3, … picture."""
    shift, sizes = draw(rng, _READS[level])
    i = draw(rng, sizes)
    k = draw(rng, (2, 3))
    o = conv_output_size(i, k)  # stride 1, no padding
    # the point (r + a + f, c + b + f) keeps all four neighbours inside: r + a <= i − 2
    r, c = int(rng.integers(0, o)), int(rng.integers(0, o))
    a = int(rng.integers(0, min(k, i - 1 - r)))
    b = int(rng.integers(0, min(k, i - 1 - c)))
    x = np.arange(1.0, i * i + 1).reshape(i, i)
    offset = shift_field(k, (o, o), dy=shift, dx=shift)
    sampling = cell_sampling(x, offset, np.ones((k, k)), cell=(r, c))
    t = a * k + b
    value = float(sampling.values[t])
    answer = round(value)
    y, xx = (format_number(v) for v in sampling.points[t])
    prompt = Step.of(
        "practice.q.deform_read", i=i, f=format_number(shift), r=r, c=c, a=a, b=b, k=k, y=y, x=xx
    )
    neighbours = ", ".join(
        f"x[{int(rr)}, {int(cc)}] = {format_number(v)}"
        for rr, cc, v in zip(
            sampling.corner_rows[t], sampling.corner_cols[t], sampling.corner_values[t], strict=True
        )
    )
    terms = " + ".join(
        f"{format_number(w, decimals=4)}·{format_number(v)}"
        for w, v in zip(sampling.corner_weights[t], sampling.corner_values[t], strict=True)
    )
    steps = (
        Step.of("practice.explain.deform_read", neighbours=neighbours, f=format_number(shift)),
        Step.of("practice.explain.deform_read_sum", terms=terms, total=answer),
    )
    link = Link.of(
        "deformable",
        input_size=i,
        kernel_size=k,
        stride=1,
        padding=0,
        dilation=1,
        deform_input="arange",
        offsets="shift",
        shift=str(float(shift)),
        cell_row=r,
        cell_col=c,
        tap=t,
    )
    return Question("deform_read", level, (prompt,), NUMBER, answer, steps, link)


def _point_setting(rng: np.random.Generator, level: int) -> dict[str, int]:
    return {
        "input_size": draw(rng, (7, 9, 11)),
        "kernel_size": 3,
        "stride": 1 if level == 1 else draw(rng, (1, 2)),
        "padding": 0 if level == 1 else draw(rng, (0, 1, 2)),
        "dilation": 1 if level < 3 else draw(rng, (1, 2)),
        "shift": draw(rng, (1, 2) if level == 1 else (-2, -1, 1, 2)),
        "cell_row": int(rng.integers(0, 4)),
        "cell_col": int(rng.integers(0, 4)),
        "tap": int(rng.integers(0, 9)),
        "axis": 0 if level < 3 else draw(rng, (0, 1)),
    }


def _point(setting: dict[str, int]) -> float:
    """Where the tap of the cell reads, along the asked axis (from the engine)."""
    i, k, s, p, d = (
        setting[key] for key in ("input_size", "kernel_size", "stride", "padding", "dilation")
    )
    o = conv_output_size(i, k, s, p, d)
    r, c = setting["cell_row"], setting["cell_col"]
    if r >= o or c >= o:
        return None  # type: ignore[return-value]
    field = shift_field(k, (o, o), dy=setting["shift"], dx=setting["shift"])
    setup = single_channel_setup(
        np.zeros((i, i)), field, np.ones((k, k)), stride=s, padding=p, dilation=d
    )
    return float(sampling_points(setup)[setting["tap"], r, c, setting["axis"]])


def deform_point(rng: np.random.Generator, level: int) -> Question:
    """The row (or column) where one tap of one output cell reads after a whole-pixel shift."""
    fallback = {
        "input_size": 7,
        "kernel_size": 3,
        "stride": 1,
        "padding": 0,
        "dilation": 1,
        "shift": 1,
        "cell_row": 1,
        "cell_col": 1,
        "tap": 4,
        "axis": 0,
    }
    setting, where = first_valid(rng, lambda g: _point_setting(g, level), _point, fallback)
    answer = round(where)
    v = setting
    a, b = divmod(v["tap"], v["kernel_size"])
    along = "row" if v["axis"] == 0 else "col"
    index, tap_index = (v["cell_row"], a) if v["axis"] == 0 else (v["cell_col"], b)
    prompt = Step.of(
        "practice.q.deform_point",
        i=v["input_size"],
        k=v["kernel_size"],
        s=v["stride"],
        p=v["padding"],
        d=v["dilation"],
        r=v["cell_row"],
        c=v["cell_col"],
        a=a,
        b=b,
        shift=v["shift"],
        axis_key=f"practice.deform_axis.{along}",
    )
    steps = (
        Step.of(
            "practice.explain.deform_point",
            index=index,
            s=v["stride"],
            p=v["padding"],
            tap=tap_index,
            d=v["dilation"],
            shift=v["shift"],
            total=answer,
        ),
    )
    link = Link.of(
        "deformable",
        **{key: v[key] for key in ("input_size", "kernel_size", "stride", "padding", "dilation")},
        deform_input="arange",
        offsets="shift",
        shift=str(float(v["shift"])),
        cell_row=v["cell_row"],
        cell_col=v["cell_col"],
        tap=v["tap"],
    )
    return Question("deform_point", level, (prompt,), NUMBER, answer, steps, link)
