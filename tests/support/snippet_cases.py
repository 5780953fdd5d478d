"""Run a page's snippet cases with PyTorch and collect what disagrees (see ``snippets``)."""

from __future__ import annotations

from tests.support.snippets import problems, run_snippets


def snippet_failures(cases: dict[str, tuple[str, dict]]) -> dict[str, list[str]]:
    """``{name: (source, expected prints)}`` run in one subprocess; the cases with problems."""
    results = run_snippets({name: source for name, (source, _) in cases.items()})
    return {
        name: found
        for name, (source, expected) in cases.items()
        if (found := problems(source, results[name], expected))
    }
