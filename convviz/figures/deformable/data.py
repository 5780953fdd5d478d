"""The deformable page's settings as data and the arrays every view draws.

Pictures, kernels and offset kinds are tables shared by the page and its tests; one function
turns a setting into the input, kernel, offsets, mask and output (all from the engine), so the
page caches one call and every view reads the same numbers. Offsets and mask values are
rounded to two decimals before use: the numbers on screen are the numbers computed with.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from convviz.engine.deform import deform_conv2d
from convviz.engine.deform_stack import stacked_field
from convviz.engine.deform_trace import sampling_points, single_channel_setup
from convviz.engine.offset_fields import OFFSET_KINDS, offset_field
from convviz.engine.sizes import conv_output_size
from convviz.figures.common.panels import kernel_values
from convviz.inputs import make_values

PICTURES = ("bar", "ring", "arange", "random")
KERNELS = ("ones", "example", "random")
OBJECT, BACKGROUND = 9.0, 1.0  # pixel values of the drawn pictures
NUMBERED_SIDE = 12  # inputs up to 12×12 show their numbers; larger ones are drawn as a picture
MAX_MARGIN = 4  # cells drawn around the input for points that land outside it


class AmountSpec(NamedTuple):
    """The one number that sets an offset kind's size: its slider."""

    key: str  # widget key and URL parameter
    min_value: float
    max_value: float
    step: float
    default: float


AMOUNTS: dict[str, AmountSpec] = {
    "shift": AmountSpec("shift", -3.0, 3.0, 0.25, 0.5),
    "scale": AmountSpec("scale", 0.25, 3.0, 0.25, 1.5),
    "rotation": AmountSpec("angle", -180.0, 180.0, 15.0, 30.0),
    "random": AmountSpec("spread", 0.0, 2.0, 0.25, 0.5),
    "shape": AmountSpec("reach", 0.0, 4.0, 1.0, 2.0),
}
assert set(AMOUNTS) | {"zero"} == set(OFFSET_KINDS)


def picture(kind: str, size: int, *, seed: int = 0) -> np.ndarray:
    """The input the page convolves, ``size×size``.

    ``bar``: a diagonal bar (|r − c| ≤ size // 6) of 9 on a background of 1; ``ring``: the
    pixels 0.75 or less from a circle of radius (size − 1)/3 around the centre; ``arange`` and
    ``random`` as :func:`convviz.inputs.make_values`.

    Returns
    -------
    numpy.ndarray, shape (size, size)
    """
    if kind in ("arange", "random"):
        return make_values(kind, (size, size), seed=seed)
    r, c = np.indices((size, size))  # (size, size) each
    if kind == "bar":
        on = np.abs(r - c) <= size // 6
    else:
        centre = (size - 1) / 2
        on = np.abs(np.hypot(r - centre, c - centre) - (size - 1) / 3) <= 0.75
    return np.where(on, OBJECT, BACKGROUND)


def random_mask(kernel_size: int, out_hw: tuple[int, int], *, seed: int) -> np.ndarray:
    """DCNv2-style mask values: sigmoid of seeded normal numbers, rounded to two decimals.

    Returns
    -------
    numpy.ndarray, shape (k², H_out, W_out)
    """
    z = np.random.default_rng(seed + 1).normal(size=(kernel_size**2, *out_hw))
    return np.round(1 / (1 + np.exp(-z)), 2)


def page_arrays(
    *,
    picture_kind: str,
    kernel_kind: str,
    offsets: str,
    amount: float,
    seed: int,
    mask: bool,
    input_size: int,
    kernel_size: int,
    stride: int,
    padding: int,
    dilation: int,
    edit: tuple[int, int, int, float, float] | None = None,
) -> dict[str, np.ndarray | None]:
    """Input, kernel, offsets, mask, output and every moved point of one setting.

    ``edit`` = (i, j, t, dy, dx) replaces the offset of tap t at output cell (i, j).

    Returns
    -------
    dict
        ``x`` (i, i); ``kernel`` (k, k); ``offset`` (2k², o, o); ``mask`` (k², o, o) or None;
        ``output`` (o, o); ``points`` (k², o, o, 2).

    Raises
    ------
    ConvValueError
        When the kernel does not fit the padded input (and any other engine refusal).
    """
    x = picture(picture_kind, input_size, seed=seed)
    kernel = kernel_values(kernel_kind, kernel_size, seed=seed)
    o = conv_output_size(input_size, kernel_size, stride, padding, dilation)
    field = offset_field(
        offsets,
        kernel_size=kernel_size,
        out_hw=(o, o),
        stride=stride,
        padding=padding,
        dilation=dilation,
        amount=amount,
        seed=seed,
        image=x,
    )
    field = np.round(field, 2) + 0.0  # + 0.0 turns −0.0 into 0.0
    if edit is not None:  # one tap of one cell set by hand: (i, j, tap, dy, dx)
        i, j, t, dy, dx = edit
        field[2 * t : 2 * t + 2, i, j] = np.round([dy, dx], 2) + 0.0
    m = random_mask(kernel_size, (o, o), seed=seed) if mask else None
    hyper = {"stride": stride, "padding": padding, "dilation": dilation}
    output = deform_conv2d(x[None], field, kernel[None, None], mask=m, **hyper)[0]
    points = sampling_points(single_channel_setup(x, field, kernel, mask=m, **hyper))
    return {
        "x": x,
        "kernel": kernel,
        "offset": field,
        "mask": m,
        "output": output,
        "points": points,
    }


def margin(points: np.ndarray, size: int, padding: int) -> int:
    """Cells to draw around the input so the regular grid and the moved points show:
    at least the padding, at most :data:`MAX_MARGIN`."""
    beyond = max(0.0, float(-points.min()), float(points.max()) - (size - 1))
    return int(min(MAX_MARGIN, max(padding, int(np.ceil(beyond)))))


def regular_points(points: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """The points without their offsets, p₀ + pₙ: shape (T, H_out, W_out, 2) like ``points``."""
    t, oh, ow = points.shape[:3]
    return points - np.moveaxis(offset.reshape(t, 2, oh, ow), 1, -1)  # (T, H_out, W_out, 2)


def stack_arrays(
    *,
    picture_kind: str,
    kernel_kind: str,
    offsets: str,
    amount: float,
    seed: int,
    input_size: int,
    kernel_size: int,
    dilation: int,
    cell: tuple[int, int],
    **_: object,
) -> dict:
    """Two stacked deformable layers at stride 1 with padding d(k − 1) // 2 (the size kept for
    odd k), each with offsets of the page's kind — layer 2's computed on layer 1's output
    (seed + 2 for random ones) — and the receptive field of ``cell`` (moved inside layer 2's
    output), beside two standard layers.

    Returns
    -------
    dict
        ``x``; ``cell``; ``padding``; ``deformable`` and ``standard``: the
        :class:`~convviz.engine.deform_stack.StackedField` of each stack.
    """
    x = picture(picture_kind, input_size, seed=seed)
    kernel = kernel_values(kernel_kind, kernel_size, seed=seed)
    k, d = kernel_size, dilation
    p = d * (k - 1) // 2
    hyper = {"kernel_size": k, "padding": p, "dilation": d}
    o1 = conv_output_size(input_size, k, 1, p, d)
    o2 = conv_output_size(o1, k, 1, p, d)
    fields = []
    image, size = x, o1
    for layer_seed in (seed, seed + 2):
        field = offset_field(
            offsets, out_hw=(size, size), amount=amount, seed=layer_seed, image=image, **hyper
        )
        fields.append(np.round(field, 2) + 0.0)
        image = deform_conv2d(image[None], fields[-1], kernel[None, None], padding=p, dilation=d)[0]
        size = o2
    i, j = (min(max(c, 0), o2 - 1) for c in cell)
    shape = (input_size, input_size)
    zero1, zero2 = np.zeros_like(fields[0]), np.zeros_like(fields[1])
    return {
        "x": x,
        "cell": (i, j),
        "padding": p,
        "deformable": stacked_field(shape, *fields, cell=(i, j), **hyper),
        "standard": stacked_field(shape, zero1, zero2, cell=(i, j), **hyper),
    }


def output_side(
    *, input_size: int, kernel_size: int, stride: int, padding: int, dilation: int, **_: object
) -> int:
    """The output's side, H_out = W_out (raises ``kernel_too_large`` like the engine)."""
    return conv_output_size(input_size, kernel_size, stride, padding, dilation)
