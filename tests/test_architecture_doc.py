"""docs/architecture.md matches the package: every module its tree names exists, and every
module of ``convviz/`` is named (package ``__init__.py`` files only where the tree lists them).

The tree is the first fenced block. Each line names entries in its first column (up to two
spaces): a folder ends with ``/``, a module with ``.py``, several modules are separated by
commas, and ``*.py`` stands for every module of a folder. Indentation nests an entry in the
closest folder above it with less indentation; other lines continue a description.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"


def _tree_lines(text: str) -> list[str]:
    block = re.search(r"^```\n(.*?)^```", text, flags=re.M | re.S)
    assert block, "docs/architecture.md has no fenced tree"
    return block.group(1).splitlines()


def _entries(line: str) -> list[str]:
    first = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
    names = [name.strip() for name in first.split(",")]
    if names and all(re.fullmatch(r"[\w*]+(/[\w*]+)*(\.py|/)", name) for name in names):
        return names
    return []


def named_paths(text: str) -> tuple[set[str], set[str]]:
    """Module paths (``convviz/engine/conv.py``; globs kept) and folder paths the tree names."""
    modules, folders = set(), set()
    stack: list[tuple[int, str]] = []
    for line in _tree_lines(text):
        entries = _entries(line)
        if not entries:
            continue
        indent = len(line) - len(line.lstrip())
        while stack and stack[-1][0] >= indent:
            stack.pop()
        prefix = "".join(folder for _, folder in stack)
        for name in entries:
            if name.endswith("/"):
                folders.add(prefix + name)
                stack.append((indent, name))
            else:
                modules.add(prefix + name)
                parts = name.split("/")[:-1]  # ``strings/*.py`` also names ``strings/``
                folders.update(prefix + "/".join(parts[: i + 1]) + "/" for i in range(len(parts)))
    return modules, folders


def test_parser_reads_nesting_lists_and_continuations():
    text = (
        "```\nroot/\n  a.py          what a does\n                continues, here.py too\n"
        "  sub/          a folder\n    b.py, c.py  two\n    deep/\n      *.py\n  d.py\n```\n"
    )
    modules, folders = named_paths(text)
    assert modules == {
        "root/a.py",
        "root/sub/b.py",
        "root/sub/c.py",
        "root/sub/deep/*.py",
        "root/d.py",
    }
    assert folders == {"root/", "root/sub/", "root/sub/deep/"}
    assert named_paths("```\nroot/\n  strings/*.py\n```\n")[1] == {"root/", "root/strings/"}


def test_every_named_module_exists():
    modules, folders = named_paths(DOC.read_text(encoding="utf-8"))
    assert "convviz/engine/conv.py" in modules  # the parser found the tree
    missing = sorted(m for m in modules if not list(ROOT.glob(m)))
    missing += sorted(f for f in folders if not (ROOT / f).is_dir())
    assert missing == []


def test_every_package_module_is_named():
    modules, folders = named_paths(DOC.read_text(encoding="utf-8"))
    covered = {path.relative_to(ROOT).as_posix() for m in modules for path in ROOT.glob(m)}
    actual = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "convviz").rglob("*.py")
        if path.name != "__init__.py" or path.parent == ROOT / "convviz"
    }
    packages = {
        path.parent.relative_to(ROOT).as_posix() + "/"
        for path in (ROOT / "convviz").rglob("__init__.py")
    }
    assert sorted(actual - covered) == []
    assert sorted(packages - folders) == []
