"""What an exported picture shows, as plain data: grids, graphs, scenes and animations.

Pages describe a view once with these dataclasses (cheap to build, no Pillow) and hand it to
the renderers in :mod:`convviz.export.png` and :mod:`convviz.export.gif`. Text that is shown
to a reader is either a plain string (numbers, formulas, symbols: the same in every language)
or a :class:`Bilingual` pair, so a renderer can fall back to English when no font for Chinese
is installed instead of drawing empty boxes.

Rectangles are ``(r0, c0, r1, c1)`` with rows ``r0 … r1-1`` and columns ``c0 … c1-1``
(inclusive start, exclusive end, like NumPy slices ``[r0:r1, c0:c1]``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.scatter import scatter_frames
from convviz.engine.trace import format_cell, sliding_trace
from convviz.engine.trace import format_number as engine_format_number
from convviz.figures.palette import HIGHLIGHT, ROLE_COLOUR
from convviz.i18n import translate

Role = Literal["input", "kernel", "output", "other"]
Rect = tuple[int, int, int, int]
ROLES = ("input", "kernel", "output", "other")


@dataclass(frozen=True)
class Bilingual:
    """One text in English and Simplified Chinese; renderers pick one with :meth:`pick`."""

    en: str
    zh: str

    def pick(self, lang: str) -> str:
        """The Chinese text for ``lang == "zh"``, else the English one."""
        return self.zh if lang == "zh" else self.en


Text = str | Bilingual


def bilingual(key: str, **values: object) -> Bilingual:
    """Both translations of the i18n ``key``, formatted with ``values``."""
    return Bilingual(translate(key, "en", **values), translate(key, "zh", **values))


def pick(text: Text, lang: str) -> str:
    """``text`` in ``lang``: a plain string as is, a :class:`Bilingual` by language."""
    return text.pick(lang) if isinstance(text, Bilingual) else text


def format_number(value: float, decimals: int = 2) -> str:
    """``3`` for integral values, else rounded to ``decimals`` places without trailing zeros.

    The engine's rule (the same as the on-screen grids); ``nan`` (a value not computed yet)
    gives ``""``.
    """
    return engine_format_number(value, decimals=decimals) if np.isfinite(value) else ""


def _bad(code: str, message: str, **values: object) -> ConvValueError:
    return ConvValueError(f"export_{code}", message, **values)


def _check_rects(rects: tuple[Rect, ...], rows: int, cols: int) -> tuple[Rect, ...]:
    out = []
    for rect in rects:
        r0, c0, r1, c1 = (int(v) for v in rect)
        if not (0 <= r0 < r1 <= rows and 0 <= c0 < c1 <= cols):
            raise _bad(
                "bad_rectangle",
                f"rectangle rect={rect} must satisfy 0 <= r0 < r1 <= {rows} and "
                f"0 <= c0 < c1 <= {cols} for a {rows}×{cols} grid",
                rect=str(tuple(rect)),
                rows=rows,
                cols=cols,
            )
        out.append((r0, c0, r1, c1))
    return tuple(out)


@dataclass(frozen=True, eq=False)
class GridPanel:
    """A grid of cells with a number (or a symbolic label) in each, like the on-screen grids.

    Attributes
    ----------
    values : np.ndarray
        (H, W) numbers: the colour of REAL cells (cividis over ``value_range``) and the number
        printed. ``nan`` marks a cell with no value yet (drawn empty, e.g. an output not yet
        computed in an animation).
    title : str or Bilingual
        Drawn above the grid in the colour of ``role``.
    role : {"input", "kernel", "output", "other"}
    kinds : np.ndarray, optional
        (H, W) ``CellKind`` ints; cells other than REAL are filled by kind (``KIND_FILL``).
    labels : np.ndarray, optional
        (H, W) strings printed instead of the numbers (e.g. symbolic ``w₀₀``); ``""`` leaves a
        cell blank.
    highlights : tuple of (r0, c0, r1, c1)
        Rectangles outlined thickly in ``HIGHLIGHT`` (the window, the selected cell).
    secondary : tuple of (r0, c0, r1, c1)
        Rectangles outlined thinner in ``SECONDARY_HIGHLIGHT`` (e.g. the taps of a dilated
        window, the cells a stamp lands on).
    value_range : (float, float), optional
        Colour range; defaults to the min / max of the REAL cells.
    decimals : int
        Digits after the point for non-integer numbers.
    show_numbers : bool
        ``False`` draws colours only.
    """

    values: np.ndarray
    title: Text = ""
    role: Role = "other"
    kinds: np.ndarray | None = None
    labels: np.ndarray | None = None
    highlights: tuple[Rect, ...] = ()
    secondary: tuple[Rect, ...] = ()
    value_range: tuple[float, float] | None = None
    decimals: int = 2
    show_numbers: bool = True

    def __post_init__(self) -> None:
        values = np.asarray(self.values, dtype=float)
        if values.ndim != 2 or values.size == 0:
            raise _bad(
                "not_grid",
                f"a grid panel needs a non-empty 2-D array of values, got shape {values.shape}",
                shape=str(values.shape),
            )
        object.__setattr__(self, "values", values)
        for name, dtype in (("kinds", np.int8), ("labels", str)):
            array = getattr(self, name)
            if array is None:
                continue
            array = np.asarray(array, dtype=dtype)
            if array.shape != values.shape:
                raise _bad(
                    "shape_mismatch",
                    f"{name} has shape {array.shape} but values have shape {values.shape}; "
                    "they must match cell for cell",
                    name=name,
                    got=str(array.shape),
                    expected=str(values.shape),
                )
            object.__setattr__(self, name, array)
        if self.role not in ROLES:
            raise _bad(
                "bad_role",
                f"role={self.role!r} must be one of {', '.join(ROLES)}",
                role=self.role,
                roles=", ".join(ROLES),
            )
        rows, cols = values.shape
        for name in ("highlights", "secondary"):
            object.__setattr__(self, name, _check_rects(tuple(getattr(self, name)), rows, cols))

    @property
    def shape(self) -> tuple[int, int]:
        """``(H, W)``."""
        return self.values.shape  # type: ignore[return-value]


@dataclass(frozen=True)
class NodeColumn:
    """One column (or, for ``direction="up"``, one row) of nodes in a :class:`GraphPanel`.

    Attributes
    ----------
    labels : tuple of str
        Text inside each node, e.g. ``("x0", "x1")``.
    title : str or Bilingual
    role : {"input", "kernel", "output", "other"}
        Colours the title and the labels.
    rings : tuple of str, optional
        Outline colour of each node (e.g. its group's colour); default the role colour.
    square : bool
        Square nodes (filters) instead of circles.
    """

    labels: tuple[str, ...]
    title: Text = ""
    role: Role = "other"
    rings: tuple[str, ...] | None = None
    square: bool = False


@dataclass(frozen=True)
class Edge:
    """A line from node ``source = (column, index)`` to node ``target``."""

    source: tuple[int, int]
    target: tuple[int, int]
    colour: str = ROLE_COLOUR["muted"]
    width: float = 1.5


@dataclass(frozen=True)
class GraphPanel:
    """Nodes in columns joined by edges: channel connectivity, layer stacks, receptive paths.

    ``direction="right"`` lays the columns out left to right (nodes top to bottom);
    ``direction="up"`` lays them out bottom to top (nodes left to right), as in WaveNet stacks.
    """

    columns: tuple[NodeColumn, ...]
    edges: tuple[Edge, ...] = ()
    title: Text = ""
    role: Role = "other"
    direction: Literal["right", "up"] = "right"

    def __post_init__(self) -> None:
        counts = [len(column.labels) for column in self.columns]
        for edge in self.edges:
            for col, index in (edge.source, edge.target):
                if not (0 <= col < len(counts) and 0 <= index < counts[col]):
                    raise _bad(
                        "bad_edge",
                        f"edge end ({col}, {index}) names no node: there are {len(counts)} "
                        f"columns with {counts} nodes",
                        node=f"({col}, {index})",
                        counts=str(counts),
                    )


Panel = GridPanel | GraphPanel


@dataclass(frozen=True)
class Scene:
    """Panels side by side with operators between them and a caption underneath.

    Attributes
    ----------
    panels : tuple of GridPanel or GraphPanel
        Left to right. Grid cells have one size across the panels of a scene.
    caption : str or Bilingual
        Text under the panels (e.g. ``"1·0 + 2·1 + 3·0 = 2"``); ``"\\n"`` breaks lines and
        long lines wrap.
    operators : tuple of str
        Symbol between panel ``i`` and ``i + 1`` (e.g. ``"⊛"``, ``"="``, ``"→"``); ``""`` for
        none. Shorter than ``panels`` - 1 is allowed.
    """

    panels: tuple[Panel, ...]
    caption: Text = ""
    operators: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.panels:
            raise _bad("empty_scene", "a scene needs at least one panel")


@dataclass(frozen=True)
class Animation:
    """Scenes shown one after another (an animated GIF loops forever).

    Attributes
    ----------
    frames : tuple of Scene
        One per step.
    duration_ms : int
        Time each frame stays, in milliseconds (GIF stores it in 10 ms units; at least 20).
    """

    frames: tuple[Scene, ...]
    duration_ms: int = 800

    def __post_init__(self) -> None:
        if not self.frames:
            raise _bad("empty_animation", "an animation needs at least one frame")
        if self.duration_ms < 20:
            raise _bad(
                "bad_duration",
                f"duration_ms={self.duration_ms} must be at least 20 (GIF viewers slow "
                "faster frames down)",
                duration_ms=self.duration_ms,
            )


# -- builders for the two animations every convolution page has ------------------------------
# The numbers (windows, taps, products, sums, stamps, running sums) are the engine's teaching
# views (engine.trace, engine.scatter); these builders only lay them out as scenes.
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
    for step in range(ho * wo):
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
    for step, (i, j) in enumerate(steps.cells.tolist()):
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


# -- the on-screen descriptions (figures.grid.GridSpec, figures.animation.FrameSpec) -----------
def _rects(highlights: object, *, secondary: bool) -> tuple[Rect, ...]:
    return tuple(
        (h.r0, h.c0, h.r1, h.c1)  # type: ignore[attr-defined]
        for h in highlights  # type: ignore[attr-defined]
        if (getattr(h, "colour", HIGHLIGHT) != HIGHLIGHT) == secondary
    )


def panel_from_spec(
    spec: object, *, values: np.ndarray | None = None, extra: tuple = ()
) -> GridPanel:
    """A :class:`GridPanel` of an on-screen ``GridSpec`` (same values, kinds, labels, range).

    Highlights in ``HIGHLIGHT`` stay primary, any other colour becomes secondary. ``values``
    replaces the spec's values and ``extra`` adds ``Highlight`` objects (an animation step).
    The spec's title is already translated, so it is drawn as given.
    """
    highlights = (*getattr(spec, "highlights", ()), *extra)
    return GridPanel(
        spec.values if values is None else values,  # type: ignore[attr-defined]
        title=getattr(spec, "title", ""),
        role=getattr(spec, "role", "other"),
        kinds=getattr(spec, "kinds", None),
        labels=getattr(spec, "labels", None),
        highlights=_rects(highlights, secondary=False),
        secondary=_rects(highlights, secondary=True),
        value_range=getattr(spec, "value_range", None),
        decimals=getattr(spec, "decimals", 2),
    )


def animation_from_frames(
    specs: tuple, frames: tuple, *, operators: tuple[str, ...] = (), duration_ms: int = 800
) -> Animation:
    """The GIF twin of an on-screen animation (``GridSpec`` panels and ``FrameSpec`` steps)."""
    scenes = []
    for frame in frames:
        panels = tuple(
            panel_from_spec(
                spec,
                values=frame.values.get(i),
                extra=tuple(h for p, h in frame.highlights if p == i),
            )
            for i, spec in enumerate(specs)
        )
        scenes.append(Scene(panels, frame.caption, operators))
    return Animation(tuple(scenes), duration_ms)
