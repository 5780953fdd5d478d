"""The download buttons an AppTest run shows, compared with what a view should offer."""

from __future__ import annotations

from convviz.i18n import translate


def downloads(at) -> list[tuple[str, str]]:
    """``(label, tooltip)`` of every download button, in page order."""
    return [(b.proto.label, b.proto.help) for b in at.get("download_button")]


def offered(lang: str, *formats: str) -> list[tuple[str, str]]:
    """The ``(label, tooltip)`` pairs of buttons for ``formats`` (``"png"``, ``"csv"``, …)."""
    return [
        (translate(f"export.download.{f}", lang), translate(f"export.download.help.{f}", lang))
        for f in formats
    ]
