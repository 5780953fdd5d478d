"""Look up a dilated-stack preset by name, as the tests name them."""

from __future__ import annotations

from convviz.stacks import STACK_PRESETS, StackPreset


def stack_preset(name: str) -> StackPreset:
    """The stack preset called ``name`` (``KeyError`` if there is none)."""
    for preset in STACK_PRESETS:
        if preset.name == name:
            return preset
    raise KeyError(name)
