"""Helpers for tests of download builders: the scenes a builder renders, and PNG decoding."""

from __future__ import annotations

import io

from PIL import Image


def capture_scenes(monkeypatch, module) -> list:
    """Record every scene ``module.render_scene_png`` draws (the PNG is still made).

    Returns the list the scenes are appended to, in call order.
    """
    drawn = []
    real = module.render_scene_png

    def record(scene, **kwargs):
        drawn.append(scene)
        return real(scene, **kwargs)

    monkeypatch.setattr(module, "render_scene_png", record)
    return drawn


def decode_png(data: bytes) -> Image.Image:
    """The PNG in ``data`` (asserted to be one, at least 16 px each way)."""
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and min(image.size) >= 16
    return image
