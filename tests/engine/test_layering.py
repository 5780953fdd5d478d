"""DESIGN.md's two layers never mix: the engine imports neither the presentation nor its
libraries, and only ``convviz.controls`` (and the pages) import Streamlit."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "convviz"
PRESENTATION = ("convviz.figures", "convviz.export", "convviz.controls", "convviz.i18n")
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
