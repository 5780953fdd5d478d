"""Files for lecture notes from the grouped and 1×1 pages: PNG pictures, LaTeX and CSV.

Each function describes a view with :mod:`convviz.export` (no Streamlit) and returns the
file's bytes or text, so a download button can build it only when clicked. Numbers come from
the engine exactly as on screen.
"""

from __future__ import annotations

import numpy as np

from convviz.engine.conv import conv2d
from convviz.export import (
    Edge,
    GraphPanel,
    GridPanel,
    NodeColumn,
    Scene,
    bilingual,
    bmatrix,
    grid_csv,
    latex_document,
    render_scene_png,
)
from convviz.figures.grid import format_number
from convviz.figures.grouped import group_colour, group_of, partial_sums
from convviz.figures.palette import CellKind
from convviz.figures.pointwise import dot_text


def file_stem(page: str, **values: int) -> str:
    """``grouped_cin4_cout8_g2``: a file name that says which setting it shows."""
    return page + "".join(f"_{name}{value}" for name, value in values.items())


def graph_scene(in_channels: int, out_channels: int, groups: int, *, kernel_size: int) -> Scene:
    """The connectivity graph: inputs → filters → outputs, edges in their group's colour."""
    cin_g, cout_g = in_channels // groups, out_channels // groups
    out_rings = tuple(group_colour(o // cout_g) for o in range(out_channels))
    columns = (
        NodeColumn(
            tuple(f"x{c}" for c in range(in_channels)),
            bilingual("grouped.export.inputs", cin=in_channels),
            "input",
            tuple(group_colour(c // cin_g) for c in range(in_channels)),
        ),
        NodeColumn(
            tuple(f"w{o}" for o in range(out_channels)),
            bilingual("grouped.export.filters", cin_g=cin_g, k=kernel_size),
            "kernel",
            out_rings,
            square=True,
        ),
        NodeColumn(
            tuple(f"y{o}" for o in range(out_channels)),
            bilingual("grouped.export.outputs", cout=out_channels),
            "output",
            out_rings,
        ),
    )
    edges = []
    for o in range(out_channels):
        j = o // cout_g
        edges += [Edge((0, c), (1, o), group_colour(j)) for c in range(j * cin_g, (j + 1) * cin_g)]
        edges.append(Edge((1, o), (2, o), group_colour(j)))
    caption = bilingual(
        "grouped.graph.edges",
        cin=in_channels,
        cout=out_channels,
        g=groups,
        edges=in_channels * out_channels // groups,
        full=in_channels * out_channels,
    )
    return Scene((GraphPanel(columns, tuple(edges)),), caption=_plain(caption))


def _plain(text):
    """Markdown bold (``**``) removed from both languages of a caption."""
    return type(text)(text.en.replace("**", ""), text.zh.replace("**", ""))


def graph_png(
    in_channels: int, out_channels: int, groups: int, *, kernel_size: int, lang: str
) -> bytes:
    """:func:`graph_scene` as PNG."""
    scene = graph_scene(in_channels, out_channels, groups, kernel_size=kernel_size)
    return render_scene_png(scene, lang=lang)


def block_labels(
    in_channels: int, out_channels: int, groups: int, *, latex: bool = False
) -> np.ndarray:
    """``(C_out, C_in)`` labels of the block-diagonal weight: ``o,c′`` (or ``w_{o,c′}``), ``0``."""
    cin_g, cout_g = in_channels // groups, out_channels // groups
    labels = np.full((out_channels, in_channels), "0", dtype=object)
    for o in range(out_channels):
        j = o // cout_g
        for local in range(cin_g):
            text = f"w_{{{o},{local}}}" if latex else f"{o},{local}"
            labels[o, j * cin_g + local] = text
    return labels


def block_png(in_channels: int, out_channels: int, groups: int, *, lang: str) -> bytes:
    """The block-diagonal weight matrix as PNG (kernels green, structural zeros grey)."""
    labels = block_labels(in_channels, out_channels, groups)
    kinds = np.where(labels == "0", CellKind.OUTSIDE, CellKind.KERNEL)
    panel = GridPanel(
        np.zeros(labels.shape),
        bilingual("grouped.block.title", cout=out_channels, cin=in_channels),
        "kernel",
        kinds=kinds,
        labels=labels.astype(str),
    )
    caption = bilingual(
        "grouped.block.caption",
        stored=in_channels * out_channels // groups,
        total=in_channels * out_channels,
        g=groups,
    )
    return render_scene_png(Scene((panel,), caption=caption), lang=lang)


def block_latex(in_channels: int, out_channels: int, groups: int) -> str:
    """The block-diagonal weight in LaTeX, entries ``w_{o,c'}`` (PyTorch's weight index)."""
    labels = block_labels(in_channels, out_channels, groups, latex=True)
    return latex_document(bmatrix(labels, symbolic=True))


def block_csv(in_channels: int, out_channels: int, groups: int) -> str:
    """The block-diagonal weight as CSV: ``o,c'`` labels and ``0``, one column per channel."""
    labels = block_labels(in_channels, out_channels, groups, latex=True)
    return grid_csv(labels, header=[f"x{c}" for c in range(in_channels)])


def terms_png(
    x: np.ndarray, weight: np.ndarray, *, groups: int, out_channel: int, lang: str
) -> bytes:
    """``y_o = x_a ⋆ w[o,0] + …`` for one output channel, every term drawn, as PNG."""
    cin_g = x.shape[0] // groups
    start = group_of(out_channel, weight.shape[0], groups) * cin_g
    parts = partial_sums(x, weight, groups=groups, out_channel=out_channel)  # (C_in/g, Ho, Wo)
    panels: list[GridPanel] = []
    operators: list[str] = []
    for c in range(cin_g):
        panels += [
            GridPanel(x[start + c], f"x{start + c}", "input"),
            GridPanel(weight[out_channel, c], f"w[{out_channel},{c}]", "kernel"),
        ]
        operators += ["⋆", "+"]
    operators[-1] = "="
    total = parts.sum(axis=0)  # (H_out, W_out)
    panels.append(GridPanel(total, f"y{out_channel}", "output"))
    shares = " + ".join(
        f"(x{start + c}: {format_number(float(p[0, 0]))})" for c, p in enumerate(parts)
    )
    caption = f"y{out_channel}[0,0] = {shares} = {format_number(float(total[0, 0]))}"
    return render_scene_png(
        Scene(tuple(panels), caption=caption, operators=tuple(operators)), lang=lang
    )


def pixel_png(x: np.ndarray, weight: np.ndarray, *, pixel: tuple[int, int], lang: str) -> bytes:
    """``W · x = y`` at one pixel as PNG, each output's products in the caption."""
    r, c = pixel
    vector = x[:, r, c]  # (C_in,)
    result = conv2d(x[:, r : r + 1, c : c + 1], weight[:, :, None, None])[:, 0, 0]  # (C_out,)
    lines = [
        f"y{o} = {dot_text(weight[o], vector)} = {format_number(float(result[o]))}"
        for o in range(weight.shape[0])
    ]
    panels = (
        GridPanel(weight, bilingual("pointwise.pixel.weight"), "kernel"),
        GridPanel(vector[:, None], bilingual("pointwise.pixel.vector", r=r, c=c), "input"),
        GridPanel(result[:, None], bilingual("pointwise.pixel.result", r=r, c=c), "output"),
    )
    return render_scene_png(
        Scene(panels, caption="\n".join(lines), operators=("·", "=")), lang=lang
    )


def pixel_latex(x: np.ndarray, weight: np.ndarray, *, pixel: tuple[int, int]) -> str:
    """``W x = y`` at one pixel in LaTeX, with the numbers."""
    r, c = pixel
    vector = x[:, r, c]  # (C_in,)
    result = weight @ vector  # (C_out,)
    body = f"{bmatrix(weight)}\n{bmatrix(vector[:, None])}\n=\n{bmatrix(result[:, None])}"
    return latex_document(body)


def product_csv(product: np.ndarray, *, width: int) -> str:
    """``Y = W · X`` as CSV: one row per output channel, one column per pixel ``(row, col)``."""
    header = [f"({p // width},{p % width})" for p in range(product.shape[1])]
    return grid_csv(product, header=header)
