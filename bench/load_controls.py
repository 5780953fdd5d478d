"""The controls of a page as a websocket client sees them (``bench_load.py``'s students).

A run's ``ForwardMsg`` deltas describe every widget: its id, range or options and current value.
:func:`read_control` turns one delta into a :class:`Control`; a control writes its value into a
``WidgetState`` exactly as the browser does (the value type the server registered it with), and
draws a random other value from its whole range, not a step away: a class does not move in
unit steps. Tabs with ``on_change="rerun"`` are a control too (their state is the open tab's
label), so a student also moves across the tabs of a page.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass
class Control:
    """One widget: ``kind`` is the value type it travels as.

    kinds: ``"number"`` (slider: ``double_array_value``; number input: ``double_value``),
    ``"options"`` (select slider: ``string_array_value``), ``"choice"`` (select box, radio,
    tabs: ``string_value``), ``"flag"`` (checkbox, toggle: ``bool_value``).
    """

    widget_id: str
    key: str
    kind: str
    value: object  # float, option index (int or None), or bool
    low: float = 0.0
    high: float = 0.0
    step: float = 1.0
    options: tuple[str, ...] = ()
    array: bool = False  # a slider (``double_array_value``) rather than a number input
    from_server: bool = False  # the server set this value (``set_value``, or an open tab)
    movable: bool = True  # not disabled, not inside a form (a form waits for its submit)

    def write(self, state) -> None:
        """Fill a ``WidgetState`` the way the browser does for this control."""
        state.id = self.widget_id
        if self.kind == "number":
            if self.array:
                state.double_array_value.data.append(self.value)
            else:
                state.double_value = self.value
        elif self.kind == "options":
            state.string_array_value.data.append(self.options[self.value])
        elif self.kind == "choice":
            if self.value is not None:
                state.string_value = self.options[self.value]
        else:
            state.bool_value = bool(self.value)

    def shown(self) -> str:
        """The value as the page shows it (for reports and configurations)."""
        if self.kind in ("options", "choice") and self.value is not None:
            return self.options[self.value]
        if self.kind == "number" and float(self.value).is_integer():
            return str(int(self.value))
        return str(self.value)

    def can_move(self) -> bool:
        """Whether the control has another value a student can pick."""
        if not self.movable:
            return False
        if self.kind == "number":
            return self.high > self.low
        if self.kind in ("options", "choice"):
            return len(self.options) > 1
        return True

    def random_value(self, rng: random.Random) -> object:
        """A value other than the current one, drawn uniformly from the whole range."""
        if self.kind == "flag":
            return not self.value
        if self.kind in ("options", "choice"):
            others = [n for n in range(len(self.options)) if n != self.value]
            return rng.choice(others)
        step = self.step or 1.0
        count = round((self.high - self.low) / step)
        while True:
            value = min(max(self.low + step * rng.randint(0, count), self.low), self.high)
            if value != self.value:
                return value


def read_control(delta) -> Control | None:
    """The control a ``Delta`` draws, or ``None`` when it draws no control we drive."""
    kind = delta.WhichOneof("type")
    if kind == "add_block":
        block = delta.add_block
        if block.WhichOneof("type") == "tab_container" and block.tab_container.id:
            tabs = block.tab_container
            # the labels arrive with the tab blocks that follow: see ``add_tab``
            return Control(
                tabs.id, _key(tabs.id), "choice", tabs.default_tab_index, from_server=True
            )
        return None
    if kind != "new_element":
        return None
    element = delta.new_element
    element_kind = element.WhichOneof("type")
    proto = getattr(element, element_kind) if element_kind else None
    if element_kind == "slider":
        value = (list(proto.value) if proto.set_value else []) or list(proto.default)
        if len(value) != 1:  # range sliders are not engine parameters
            return None
        movable = not proto.disabled and not proto.form_id
        if proto.options:
            return Control(
                proto.id, _key(proto.id), "options", int(value[0]), options=tuple(proto.options),
                movable=movable, from_server=proto.set_value,
            )  # fmt: skip
        return Control(
            proto.id, _key(proto.id), "number", value[0], proto.min, proto.max, proto.step,
            array=True, movable=movable, from_server=proto.set_value,
        )  # fmt: skip
    if element_kind == "number_input":
        value = proto.value if proto.set_value else proto.default
        return Control(
            proto.id, _key(proto.id), "number", value, proto.min, proto.max, proto.step or 1.0,
            movable=proto.has_min and proto.has_max and not proto.disabled and not proto.form_id,
            from_server=proto.set_value,
        )  # fmt: skip
    if element_kind in ("selectbox", "radio"):
        options = tuple(proto.options)
        if proto.set_value and proto.HasField("raw_value"):
            index = options.index(proto.raw_value) if proto.raw_value in options else None
        else:
            index = proto.default if proto.HasField("default") else None
        return Control(
            proto.id, _key(proto.id), "choice", index, options=options,
            movable=not proto.disabled and not proto.form_id, from_server=proto.set_value,
        )  # fmt: skip
    if element_kind == "checkbox":
        value = proto.value if proto.set_value else proto.default
        return Control(
            proto.id, _key(proto.id), "flag", bool(value),
            movable=not proto.disabled and not proto.form_id, from_server=proto.set_value,
        )  # fmt: skip
    return None


def add_tab(control: Control, delta) -> bool:
    """Give the tabs ``control`` the label of a ``Delta`` that adds one of its tabs.

    Returns whether the delta was such a tab.
    """
    if delta.WhichOneof("type") != "add_block" or delta.add_block.WhichOneof("type") != "tab":
        return False
    control.options += (delta.add_block.tab.label,)
    return True


def _key(widget_id: str) -> str:
    """The user key at the end of a widget id (``$$ID-<hash>-<key>``), or the id."""
    return widget_id.rsplit("-", 1)[-1]
