"""How a page shows an invalid setting: the engine's explanation, translated, and a fix."""

from __future__ import annotations

import streamlit as st

from convviz.i18n import translate, translate_error
from convviz.param_specs import PARAM_SPECS


def _apply(values: dict[str, int]) -> None:
    for key, value in values.items():
        st.session_state[key] = value


def show_error(error: Exception, lang: str, *, key: str = "error") -> None:
    """Show ``error`` (usually a ``ConvValueError``) in place of a figure.

    The message is translated; when the error carries a ``suggestion`` for parameters the
    learner controls, a button applies the nearest valid value.
    """
    st.error(translate_error(error, lang), icon=":material/lightbulb:")
    suggestion = {
        name: value
        for name, value in getattr(error, "suggestion", {}).items()
        if name in PARAM_SPECS
        and PARAM_SPECS[name].min_value <= value <= PARAM_SPECS[name].max_value
    }
    if suggestion:
        text = ", ".join(f"{name} = {value}" for name, value in suggestion.items())
        st.button(
            translate("common.use_suggestion", lang, setting=text),
            key=f"{key}_fix",
            on_click=_apply,
            args=(suggestion,),
        )


def show_notice(key: str, lang: str, **values: object) -> None:
    """An informational note (e.g. "numbers hidden above 30×30"), translated from ``key``."""
    st.info(translate(key, lang, **values), icon=":material/info:")
