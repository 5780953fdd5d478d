"""The image lab's default output size, computed with the engine for tests that must know
the answer predict-first hides."""

from __future__ import annotations

from convviz.engine.sizes import conv_output_size
from convviz.image_ops import PICTURES, filter_padding, load_picture
from convviz.images import DEFAULT_MAX_SIDE
from convviz.lab_kernels import classic_kernel


def default_lab_output(stride: int) -> tuple[int, int]:
    """Output ``(width, height)`` of the lab's first picture under its first filter (Sobel x)
    at ``stride``, with the page's size-keeping padding."""
    h, w = load_picture(next(iter(PICTURES)), max_side=DEFAULT_MAX_SIDE).shape[:2]
    kernel = classic_kernel("sobel_x")
    ph, pw = filter_padding(kernel.shape, 1)
    return (
        conv_output_size(w, kernel.shape[1], stride, pw),
        conv_output_size(h, kernel.shape[0], stride, ph),
    )
