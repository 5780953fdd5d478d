"""The suite's own configuration: doctests of the package run, PyTorch is a test dependency."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_command_runs_the_package_doctests():
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    options = options["ini_options"]
    assert "--doctest-modules" in options["addopts"].split()
    assert "convviz" in options["testpaths"]


def test_pytorch_is_pinned_for_the_tests():
    lines = (ROOT / "requirements-test.txt").read_text().splitlines()
    assert any(line.startswith("torch==") for line in lines)
