"""DESIGN.md's two layers never mix: the engine imports neither the presentation nor its
libraries, and only ``convviz.controls`` (and the pages) import Streamlit. Inside the
presentation, ``convviz.style`` sits below both renderers, ``figures/common`` below the topic
packages, and no topic package reaches into another."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "convviz"
PRESENTATION = (
    "convviz.figures",
    "convviz.export",
    "convviz.controls",
    "convviz.i18n",
    "convviz.style",
)
FIGURES = PACKAGE / "figures"
TOPICS = sorted(
    p.name for p in FIGURES.iterdir() if (p / "__init__.py").is_file() and p.name != "common"
)
UI_LIBRARIES = ("streamlit", "plotly", "PIL", "pandas")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _under(name: str, roots: tuple[str, ...]) -> bool:
    return any(name == root or name.startswith(root + ".") for root in roots)


@pytest.mark.parametrize("path", sorted((PACKAGE / "engine").glob("*.py")), ids=lambda p: p.name)
def test_engine_imports_no_presentation(path):
    bad = {n for n in _imports(path) if _under(n, PRESENTATION + UI_LIBRARIES)}
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_only_controls_import_streamlit():
    outside = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if "controls" not in path.parts and any(_under(n, ("streamlit",)) for n in _imports(path))
    ]
    assert outside == []


@pytest.mark.parametrize("path", sorted((PACKAGE / "style").glob("*.py")), ids=lambda p: p.name)
def test_style_imports_neither_renderer(path):
    renderers = ("convviz.figures", "convviz.export", "convviz.controls", "convviz.i18n")
    bad = {n for n in _imports(path) if _under(n, renderers + UI_LIBRARIES)}
    assert not bad, f"style/{path.name} imports {sorted(bad)}"


def test_exporters_take_no_topic_figures():
    """The Pillow exporters copy only the shared on-screen panels, never a page's figures."""
    topics = tuple(f"convviz.figures.{topic}" for topic in TOPICS)
    bad = {
        path.name: sorted(n for n in _imports(path) if _under(n, topics))
        for path in sorted((PACKAGE / "export").glob("*.py"))
    }
    assert {name: names for name, names in bad.items() if names} == {}


def test_topic_packages_exist():
    assert {"standard", "transposed", "dilated", "grouped", "pointwise", "image_lab"} <= set(TOPICS)


@pytest.mark.parametrize("package", ["common", *TOPICS])
def test_figure_packages_import_no_other_topic(package):
    """``figures/common`` imports no topic; a topic imports ``common`` and itself only."""
    others = tuple(f"convviz.figures.{topic}" for topic in TOPICS if topic != package)
    bad = {
        path.name: sorted(n for n in _imports(path) if _under(n, others))
        for path in sorted((FIGURES / package).glob("*.py"))
    }
    assert {name: names for name, names in bad.items() if names} == {}
