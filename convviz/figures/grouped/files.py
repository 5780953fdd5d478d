"""Files for lecture notes from the grouped page: the channel graph, the block-diagonal
weight, the group-by-group terms, the outputs and the separable split as PNG, LaTeX and CSV.
"""

import numpy as np

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
from convviz.figures.common.channel_exports import specs_png
from convviz.figures.grouped.compute import (
    outputs_specs,
    partial_sums,
    terms_specs,
    terms_sum_text,
)
from convviz.figures.grouped.groups import (
    block_sentence,
    edges_sentence,
    first_input_channel,
    group_colour,
)
from convviz.figures.grouped.separable import split_specs
from convviz.style.palette import CellKind


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
    key, values = edges_sentence(in_channels, out_channels, groups)
    caption = bilingual(key, **values)
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
    key, values = block_sentence(in_channels, out_channels, groups, in_file=True)
    caption = bilingual(key, **values)
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
    """``y_o = x_a ⋆ w[o,0] + …`` for one output channel, every term drawn, as PNG.

    The caption writes out cell ``(0, 0)`` as the sum of its channels' shares.
    """
    specs, operators = terms_specs(
        x, weight, groups=groups, out_channel=out_channel, max_terms=None
    )
    start = first_input_channel(out_channel, x.shape[0], weight.shape[0], groups)
    parts = partial_sums(x, weight, groups=groups, out_channel=out_channel)  # (C_in/g, Ho, Wo)
    caption = terms_sum_text(parts, start=start, out_channel=out_channel, cell=(0, 0))
    return specs_png(specs, operators=operators, caption=caption, lang=lang)


def filter_latex(weight: np.ndarray, *, out_channel: int) -> str:
    """Filter ``o``'s kernels in LaTeX: ``w_{o,0} = [...],\\quad w_{o,1} = [...], …``.

    ``weight`` is ``(C_out, C_in/g, k, k)``; ``c′`` counts within the group, as PyTorch does.
    """
    parts = [
        f"w_{{{out_channel},{c}}} = {bmatrix(kernel)}"
        for c, kernel in enumerate(weight[out_channel])  # (k, k) each
    ]
    return latex_document(",\\quad\n".join(parts))


def weight_csv(weight: np.ndarray) -> str:
    """The grouped weight ``(C_out, C_in/g, k, k)`` as CSV, one row per filter.

    Columns are ``(c′,r,c)`` in PyTorch's memory order, i.e. ``weight.reshape(C_out, -1)``.
    """
    cout, cin_g, k_h, k_w = weight.shape
    header = [f"({c},{r},{q})" for c in range(cin_g) for r in range(k_h) for q in range(k_w)]
    return grid_csv(weight.reshape(cout, -1), header=header)  # (C_out, C_in/g·k·k)


def outputs_png(outputs: np.ndarray, *, groups: int, lang: str, selected_output: int) -> bytes:
    """All output channels, grouped and concatenated, as PNG (the selected one outlined)."""
    specs, operators = outputs_specs(
        outputs, groups=groups, lang=lang, selected_output=selected_output
    )
    caption = _plain(bilingual("grouped.concat.title", g=groups))
    return specs_png(specs, operators=operators, caption=caption, lang=lang)


def separable_png(kernel: np.ndarray, view: dict, *, caption: str, lang: str) -> bytes:
    """The kernel's split (or its best rank-1 kernel and what is left over) as PNG."""
    specs, operators = split_specs(kernel, view, lang=lang)
    return specs_png(specs, operators=operators, caption=caption.replace("**", ""), lang=lang)


def separable_latex(kernel: np.ndarray, view: dict) -> str:
    """``K = u · v`` when the kernel splits; else its singular values and ``K ≈ σ₁u₁v₁ᵀ``."""
    if view["column"] is not None:
        body = f"{bmatrix(view['column'])}\n{bmatrix(view['row'])}\n=\n{bmatrix(kernel)}"
        return latex_document(body)
    sigmas = ", ".join(f"{s:.4f}".rstrip("0").rstrip(".") for s in view["singular_values"])
    body = (
        f"K = {bmatrix(kernel)}\n\\approx \\sigma_1 u_1 v_1^\\top = "
        f"{bmatrix(view['approximation'])},\\qquad \\sigma = ({sigmas})"
    )
    return latex_document(body)
