"""The two animations every convolution page exports: the sliding window of a convolution
and the scatter-add of a transposed convolution, as :class:`~convviz.export.scene.Animation`.

The numbers (windows, taps, products, sums, stamps, running sums) are the engine's teaching
views (:mod:`convviz.engine.trace`, :mod:`convviz.engine.arithmetic_text`,
:mod:`convviz.engine.scatter_frames`); these builders only lay them out as scenes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from convviz.engine.arithmetic_text import format_cell
from convviz.engine.scatter_frames import scatter_frames
from convviz.engine.trace import sliding_trace
from convviz.export.scene import (
    Animation,
    Bilingual,
    GridPanel,
    Rect,
    Scene,
    bilingual,
    format_number,
)


def cell_rects(cells: np.ndarray) -> tuple[Rect, ...]:
    """One-cell rectangles on the ``(row, col)`` pairs of ``cells`` (n, 2), in their order."""
    return tuple((r, c, r + 1, c + 1) for r, c in np.asarray(cells).reshape(-1, 2).tolist())


def products_caption(values: np.ndarray, weights: np.ndarray, *, decimals: int = 2) -> str:
    """``"1·0 + 2·1 + 3·(-1) = -1"``: the products of a window and its kernel, and their sum.

    ``values`` and ``weights`` are (kH, kW); the text is the engine's ``format_cell`` of the
    one window that ``values`` is.
    """
    trace = sliding_trace(np.asarray(values, float), np.asarray(weights, float))  # 1×1 output
    return format_cell(trace, (0, 0), decimals=decimals)


def sliding_window_animation(
    padded: np.ndarray,
    kernel: np.ndarray,
    *,
    stride: int = 1,
    dilation: int = 1,
    kinds: np.ndarray | None = None,
    duration_ms: int = 800,
    decimals: int = 2,
    at_steps: Sequence[int] | None = None,
) -> Animation:
    """The sliding window over an already padded input: one frame per output cell.

    Parameters
    ----------
    padded : np.ndarray
        (H_p, W_p) input after padding (``kinds`` marks the padding cells).
    kernel : np.ndarray
        (kH, kW) kernel as applied (flip it first for a true convolution).
    stride, dilation : int
        Keyword-only, as in ``conv2d``.
    kinds : np.ndarray, optional
        (H_p, W_p) ``CellKind`` ints of the padded input.
    at_steps : sequence of int, optional
        Build only these steps (ascending; an export budget's choice); default every step.

    Returns
    -------
    Animation
        Frames ``input ⊛ kernel = output``; the window and the current output cell outlined,
        the taps of a dilated window outlined in the secondary colour, the output filled in
        as it is computed, and the products and their sum as the caption.

    Raises
    ------
    ConvValueError
        Any error of ``conv2d`` (e.g. a window larger than ``padded``).

    Notes
    -----
    ``H_out = ⌊(H_p − d(kH − 1) − 1) / s⌋ + 1`` (padding already in ``H_p``). Windows, taps,
    products and sums are the engine's ``sliding_trace``.
    """
    padded, kernel = np.asarray(padded, float), np.asarray(kernel, float)
    trace = sliding_trace(padded, kernel, stride=stride, dilation=dilation)
    (hp, wp), (kh, kw), (ho, wo) = padded.shape, kernel.shape, trace.out_hw
    output = trace.sums  # (H_out, W_out)
    lo, hi = float(output.min()), float(output.max())
    titles = (
        bilingual("export.title.padded_input", rows=hp, cols=wp),
        bilingual("export.title.kernel", rows=kh, cols=kw),
        bilingual("export.title.output", rows=ho, cols=wo),
    )
    weights = GridPanel(kernel, titles[1], "kernel", decimals=decimals)
    dilated = trace.dilation != (1, 1)
    frames = []
    order = np.arange(ho * wo).reshape(ho, wo)  # (H_out, W_out): the step computing each cell
    for step in range(ho * wo) if at_steps is None else at_steps:
        r, c = divmod(step, wo)
        rows, cols = trace.rows[r, c], trace.cols[r, c]  # (kH, kW) each: the cells under taps
        window = GridPanel(
            padded,
            titles[0],
            "input",
            kinds=kinds,
            decimals=decimals,
            highlights=((rows[0, 0], cols[0, 0], rows[-1, -1] + 1, cols[-1, -1] + 1),),
            secondary=cell_rects(np.stack((rows, cols), axis=-1)) if dilated else (),
        )
        result = GridPanel(
            np.where(order <= step, output, np.nan),  # (H_out, W_out), filled cell by cell
            titles[2],
            "output",
            highlights=((r, c, r + 1, c + 1),),
            value_range=(lo, hi),
            decimals=decimals,
        )
        caption = f"y[{r},{c}] = " + format_cell(trace, (r, c), decimals=decimals)
        frames.append(Scene((window, weights, result), caption, ("⊛", "=")))
    return Animation(tuple(frames), duration_ms)


def scatter_add_animation(
    x: np.ndarray,
    kernel: np.ndarray,
    *,
    stride: int = 1,
    padding: int = 0,
    output_padding: int = 0,
    dilation: int = 1,
    duration_ms: int = 800,
    decimals: int = 2,
    at_steps: Sequence[int] | None = None,
) -> Animation:
    """A transposed convolution as scatter-add: one frame per input cell.

    Input value ``x[i, j]`` stamps ``x[i, j] · kernel`` onto the output canvas at rows
    ``i·s + a·d`` and columns ``j·s + b·d``; the canvas shows the running sum (blank where
    nothing has landed yet). Canvas cells outside the final output (cropped by ``padding``)
    are drawn as OUTSIDE, the ``output_padding`` rows / columns as OUTPUT_PAD.

    Parameters
    ----------
    x : np.ndarray
        (H, W) input of the transposed convolution.
    kernel : np.ndarray
        (kH, kW) kernel (not flipped: scatter-add uses it as is).
    stride, padding, output_padding, dilation : int
        Keyword-only, as in ``conv_transpose2d``.
    at_steps : sequence of int, optional
        Build only these stamps (ascending; an export budget's choice); default every stamp.

    Returns
    -------
    Animation
        Frames ``input × kernel → canvas``.

    Raises
    ------
    ConvValueError
        Any error of ``conv_transpose2d``, or ``scatter_frames_too_large``.

    Notes
    -----
    Canvas ``(H − 1)s + d(kH − 1) + 1`` rows (more if ``output_padding`` reaches past it);
    output ``H_out = (H − 1)s − 2p + d(kH − 1) + a + 1`` rows starting at row ``p``. Stamps,
    running sums and the canvas geometry are the engine's ``scatter_frames``.
    """
    x, kernel = np.asarray(x, float), np.asarray(kernel, float)
    steps = scatter_frames(
        x,
        kernel,
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
    )
    geometry = steps.geometry
    (h, w), (kh, kw), (rows, cols) = x.shape, kernel.shape, geometry.canvas_hw
    (sh, sw), (span_h, span_w) = geometry.stride, geometry.kernel.kernel.shape
    final = steps.canvas[-1]  # (rows, cols)
    value_range = (float(final.min()), float(final.max()))
    titles = (
        bilingual("export.title.input", rows=h, cols=w),
        bilingual("export.title.kernel", rows=kh, cols=kw),
        bilingual(
            "export.title.scatter_canvas"
            if (rows, cols) != geometry.out_hw
            else "export.title.output",
            rows=rows,
            cols=cols,
        ),
    )
    weights = GridPanel(kernel, titles[1], "kernel", decimals=decimals)
    kinds = geometry.kinds()
    # the running sums, blank where no stamp has landed yet (outside every stamp's span: 0)
    landed = np.logical_or.accumulate(steps.touched[1:], axis=0) | ~geometry.stamped()
    shown = np.where(landed, steps.canvas[1:], np.nan)  # (H·W, rows, cols)
    dilated = geometry.dilation != (1, 1)
    frames = []
    chosen = range(len(steps.cells)) if at_steps is None else at_steps
    for step in chosen:
        i, j = steps.cells[step].tolist()
        r0, c0 = i * sh, j * sw
        source = GridPanel(
            x, titles[0], "input", highlights=((i, j, i + 1, j + 1),), decimals=decimals
        )
        target = GridPanel(
            shown[step],
            titles[2],
            "output",
            kinds=kinds,
            highlights=((r0, c0, r0 + span_h, c0 + span_w),),
            secondary=cell_rects(np.argwhere(steps.touched[step + 1])) if dilated else (),
            value_range=value_range,
            decimals=decimals,
        )
        caption = bilingual(
            "export.caption.stamp",
            row=i,
            col=j,
            value=format_number(x[i, j], decimals),
            r0=r0,
            r1=r0 + span_h - 1,
            c0=c0,
            c1=c0 + span_w - 1,
        )
        if padding:
            crop = bilingual("export.caption.cropped", padding=padding)
            caption = Bilingual(f"{caption.en}\n{crop.en}", f"{caption.zh}\n{crop.zh}")
        frames.append(Scene((source, weights, target), caption, ("×", "→")))
    return Animation(tuple(frames), duration_ms)
