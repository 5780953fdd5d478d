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

    The same rule as the on-screen grids; ``nan`` (a value not computed yet) gives ``""``.
    """
    if not np.isfinite(value):
        return ""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


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
def _term(value: float, decimals: int) -> str:
    text = format_number(value, decimals)
    return f"({text})" if text.startswith("-") else text


def tap_cells(r0: int, c0: int, shape: tuple[int, int], dilation: int) -> tuple[Rect, ...]:
    """One-cell rectangles on the taps of a dilated window at ``(r0, c0)``; none if ``d = 1``."""
    if dilation == 1:
        return ()
    rows, cols = shape
    return tuple(
        (r0 + i * dilation, c0 + j * dilation, r0 + i * dilation + 1, c0 + j * dilation + 1)
        for i in range(rows)
        for j in range(cols)
    )


def products_caption(values: np.ndarray, weights: np.ndarray, *, decimals: int = 2) -> str:
    """``"1·0 + 2·1 + 3·(-1) = -1"``: the products of a window and its kernel, and their sum."""
    pairs = zip(np.ravel(values).tolist(), np.ravel(weights).tolist(), strict=True)
    terms = " + ".join(f"{_term(a, decimals)}·{_term(b, decimals)}" for a, b in pairs)
    total = float(np.sum(np.asarray(values, float) * np.asarray(weights, float)))
    return f"{terms} = {format_number(total, decimals)}"


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

    Notes
    -----
    ``H_out = ⌊(H_p − d(kH − 1) − 1) / s⌋ + 1`` (padding already in ``H_p``).
    """
    padded, kernel = np.asarray(padded, float), np.asarray(kernel, float)
    (hp, wp), (kh, kw) = padded.shape, kernel.shape
    span_h, span_w = dilation * (kh - 1) + 1, dilation * (kw - 1) + 1
    ho, wo = (hp - span_h) // stride + 1, (wp - span_w) // stride + 1
    taps = padded[
        (
            np.arange(ho)[:, None, None, None] * stride
            + np.arange(kh)[None, None, :, None] * dilation
        ),
        (
            np.arange(wo)[None, :, None, None] * stride
            + np.arange(kw)[None, None, None, :] * dilation
        ),
    ]  # (H_out, W_out, kH, kW): the input value under each tap of each window
    output = np.einsum("abij,ij->ab", taps, kernel)  # (H_out, W_out)
    lo, hi = float(output.min()), float(output.max())
    titles = (
        bilingual("export.title.padded_input", rows=hp, cols=wp),
        bilingual("export.title.kernel", rows=kh, cols=kw),
        bilingual("export.title.output", rows=ho, cols=wo),
    )
    weights = GridPanel(kernel, titles[1], "kernel", decimals=decimals)
    frames = []
    so_far = np.full((ho, wo), np.nan)  # (H_out, W_out), filled cell by cell
    for r in range(ho):
        for c in range(wo):
            so_far = so_far.copy()
            so_far[r, c] = output[r, c]
            r0, c0 = r * stride, c * stride
            dots = tap_cells(r0, c0, kernel.shape, dilation)
            window = GridPanel(
                padded,
                titles[0],
                "input",
                kinds=kinds,
                decimals=decimals,
                highlights=((r0, c0, r0 + span_h, c0 + span_w),),
                secondary=dots,
            )
            result = GridPanel(
                so_far,
                titles[2],
                "output",
                highlights=((r, c, r + 1, c + 1),),
                value_range=(lo, hi),
                decimals=decimals,
            )
            caption = f"y[{r},{c}] = " + products_caption(taps[r, c], kernel, decimals=decimals)
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

    Notes
    -----
    Canvas ``(H − 1)s + d(kH − 1) + 1`` rows (more if ``output_padding`` reaches past it);
    output ``H_out = (H − 1)s − 2p + d(kH − 1) + a + 1`` rows starting at row ``p``.
    """
    x, kernel = np.asarray(x, float), np.asarray(kernel, float)
    (h, w), (kh, kw) = x.shape, kernel.shape
    span_h, span_w = dilation * (kh - 1) + 1, dilation * (kw - 1) + 1
    full_h, full_w = (h - 1) * stride + span_h, (w - 1) * stride + span_w
    out_h, out_w = full_h - 2 * padding + output_padding, full_w - 2 * padding + output_padding
    rows, cols = max(full_h, padding + out_h), max(full_w, padding + out_w)
    kinds = np.full((rows, cols), 4, dtype=np.int8)  # (rows, cols), OUTSIDE until inside
    kinds[padding : padding + out_h, padding : padding + out_w] = 0  # REAL
    if output_padding:
        kinds[padding + out_h - output_padding : padding + out_h, padding : padding + out_w] = 3
        kinds[padding : padding + out_h, padding + out_w - output_padding : padding + out_w] = 3
    stamps = x[:, :, None, None] * kernel[None, None]  # (H, W, kH, kW)
    final = np.zeros((rows, cols))
    for i in range(h):
        for j in range(w):
            final[
                i * stride : i * stride + span_h : dilation,
                j * stride : j * stride + span_w : dilation,
            ] += stamps[i, j]
    value_range = (float(final.min()), float(final.max()))
    titles = (
        bilingual("export.title.input", rows=h, cols=w),
        bilingual("export.title.kernel", rows=kh, cols=kw),
        bilingual(
            "export.title.scatter_canvas"
            if (rows, cols) != (out_h, out_w)
            else "export.title.output",
            rows=rows,
            cols=cols,
        ),
    )
    weights = GridPanel(kernel, titles[1], "kernel", decimals=decimals)
    canvas = np.zeros((rows, cols))  # (rows, cols) running sum; nan = no stamp landed yet
    canvas[:full_h, :full_w] = np.nan
    frames = []
    for i in range(h):
        for j in range(w):
            r0, c0 = i * stride, j * stride
            canvas = canvas.copy()
            window = canvas[r0 : r0 + span_h : dilation, c0 : c0 + span_w : dilation]
            window[...] = np.nan_to_num(window) + stamps[i, j]
            dots = tap_cells(r0, c0, kernel.shape, dilation)
            source = GridPanel(
                x, titles[0], "input", highlights=((i, j, i + 1, j + 1),), decimals=decimals
            )
            target = GridPanel(
                canvas,
                titles[2],
                "output",
                kinds=kinds,
                highlights=((r0, c0, r0 + span_h, c0 + span_w),),
                secondary=dots,
                value_range=value_range,
                decimals=decimals,
            )
            value = format_number(x[i, j], decimals)
            caption = bilingual(
                "export.caption.stamp",
                row=i,
                col=j,
                value=value,
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
