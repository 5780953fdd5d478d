"""Fonts for exported pictures, found on the system once and cached.

Every piece of text is drawn with a *chain* of fonts, each character with the first font that
has a glyph for it:

1. DejaVu Sans (Latin, digits, subscripts ``w₀₀``, math symbols ``⊛ ⌊ ⌋ ·``);
2. Noto Sans CJK SC from Debian's ``fonts-noto-cjk`` (Chinese), found by path search and
   then ``fc-match``;
3. Pillow's built-in font (Latin only) when neither is installed.

A character no font in the chain covers is drawn as ``?``, never as an empty box. Chinese
captions are given to the renderers as :class:`~convviz.export.scene.Bilingual` pairs; when
no CJK font is found (:func:`has_cjk`), the renderers draw the English text instead.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from PIL import ImageFont

Style = Literal["sans", "bold", "mono"]
AnyFont = ImageFont.FreeTypeFont | ImageFont.ImageFont

FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    os.path.expanduser("~/.local/share/fonts"),
    os.path.expanduser("~/.fonts"),
)
# (style -> (file name patterns, wanted face name)) searched under FONT_DIRS.
LATIN_FILES = {
    "sans": (("DejaVuSans.ttf",), "DejaVu Sans"),
    "bold": (("DejaVuSans-Bold.ttf",), "DejaVu Sans"),
    "mono": (("DejaVuSansMono.ttf",), "DejaVu Sans Mono"),
}
CJK_FILES = {
    "sans": (("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf"), "Noto Sans CJK SC"),
    "bold": (("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf"), "Noto Sans CJK SC"),
    "mono": (("NotoSansCJK-Regular.ttc", "NotoSansMonoCJKsc-Regular.otf"), "Noto Sans Mono CJK SC"),
}
FC_PATTERNS = {
    "sans": ("DejaVu Sans", "Noto Sans CJK SC:lang=zh-cn"),
    "bold": ("DejaVu Sans:bold", "Noto Sans CJK SC:bold:lang=zh-cn"),
    "mono": ("DejaVu Sans Mono", "Noto Sans Mono CJK SC:lang=zh-cn"),
}
BUILTIN = "<builtin>"
_PROBE_SIZE = 24
_MISSING = "\U0010fffd"  # a private-use code point: every font draws its "missing" glyph


@dataclass(frozen=True)
class FontFile:
    """A face in a font file (``index`` selects the face of a ``.ttc`` collection)."""

    path: str
    index: int = 0


@cache
def _probe(face: FontFile) -> AnyFont | None:
    try:
        if face.path == BUILTIN:
            return ImageFont.load_default(_PROBE_SIZE)
        return ImageFont.truetype(face.path, _PROBE_SIZE, index=face.index)
    except OSError:
        return None


@cache
def covers(face: FontFile, char: str) -> bool:
    """Whether ``face`` has a glyph for ``char`` (its drawing differs from the missing glyph)."""
    font = _probe(face)
    if font is None:
        return False
    if not isinstance(font, ImageFont.FreeTypeFont):
        return char.isascii()
    if char.isspace():
        return True
    return bytes(font.getmask(char)) != bytes(font.getmask(_MISSING))


def _faces(path: str) -> Iterator[FontFile]:
    collection = path.lower().endswith((".ttc", ".otc"))
    for index in range(16 if collection else 1):
        face = FontFile(path, index)
        if _probe(face) is None:
            return
        yield face


def _face_named(path: str, name: str, probe: str) -> FontFile | None:
    """The face of ``path`` called ``name`` (else any face covering ``probe``), or None."""
    fallback = None
    for face in _faces(path):
        font = _probe(face)
        if not isinstance(font, ImageFont.FreeTypeFont):
            continue
        if font.getname()[0] == name:
            return face
        if fallback is None and all(covers(face, ch) for ch in probe):
            fallback = face
    return fallback


def _search_dirs(patterns: tuple[str, ...]) -> Iterator[str]:
    for directory in FONT_DIRS:
        for pattern in patterns:
            yield from sorted(glob.glob(os.path.join(directory, "**", pattern), recursive=True))


def _fc_match(pattern: str) -> str | None:
    """The file ``fc-match`` picks for ``pattern`` (fontconfig), or None without fontconfig."""
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    try:
        done = subprocess.run(
            [exe, "-f", "%{file}", pattern], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path = done.stdout.strip()
    return path if done.returncode == 0 and os.path.isfile(path) else None


def _find(table: dict, style: Style, probe: str, fc_pattern: str) -> FontFile | None:
    patterns, name = table[style]
    for path in _search_dirs(patterns):
        if (face := _face_named(path, name, probe)) is not None:
            return face
    path = _fc_match(fc_pattern)
    if path is not None and (face := _face_named(path, name, probe)) is not None:
        return face if all(covers(face, ch) for ch in probe) else None
    return None


@cache
def latin_face(style: Style) -> FontFile | None:
    """DejaVu Sans (bold / mono) on this system, or None."""
    return _find(LATIN_FILES, style, "Aw₀⊛", FC_PATTERNS[style][0])


@cache
def cjk_face(style: Style) -> FontFile | None:
    """Noto Sans CJK SC (bold / mono) on this system, or None."""
    return _find(CJK_FILES, style, "卷积", FC_PATTERNS[style][1])


def has_cjk() -> bool:
    """Whether a font for Chinese was found (else Chinese captions fall back to English)."""
    return cjk_face("sans") is not None


def chain(style: Style = "sans") -> tuple[FontFile, ...]:
    """The faces text of ``style`` is drawn with, in order of preference (see module doc)."""
    faces = (latin_face(style), cjk_face(style), FontFile(BUILTIN))
    return tuple(face for face in faces if face is not None)


@cache
def load(face: FontFile, size: int) -> AnyFont:
    """``face`` at ``size`` pixels (the built-in font ignores the size without FreeType)."""
    if face.path == BUILTIN:
        return ImageFont.load_default(size)
    return ImageFont.truetype(face.path, size, index=face.index)


def font(size: int, *, cjk: bool = False, style: Style = "sans") -> AnyFont:
    """One font at ``size`` pixels: Noto CJK if ``cjk`` and found, else DejaVu, else built-in.

    Use :func:`runs` to draw mixed text (subscripts, symbols and Chinese in one line).
    """
    preferred = cjk_face(style) if cjk else None
    if preferred is None:
        faces = [face for face in chain(style) if face != cjk_face(style)]
        preferred = faces[0]
    return load(preferred, size)


@cache
def _face_for(char: str, faces: tuple[FontFile, ...]) -> FontFile | None:
    return next((face for face in faces if covers(face, char)), None)


@lru_cache(maxsize=4096)
def _runs(text: str, faces: tuple[FontFile, ...]) -> tuple[tuple[FontFile, str], ...]:
    pieces: list[tuple[FontFile, str]] = []
    for char in text:
        face = _face_for(char, faces)
        shown = char if face is not None else "?"
        face = face or faces[0]
        if pieces and pieces[-1][0] is face:
            pieces[-1] = (face, pieces[-1][1] + shown)
        else:
            pieces.append((face, shown))
    return tuple(pieces)


def runs(text: str, style: Style = "sans") -> tuple[tuple[FontFile, str], ...]:
    """Split ``text`` into pieces each drawn with one face of :func:`chain` (``style``).

    Characters no face covers become ``?``; newlines are not handled here (split lines first).
    """
    return _runs(text, chain(style))
