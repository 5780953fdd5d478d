"""Lecture mode (``?lecture=1`` or the sidebar switch): the main figure large, prose hidden.

With lecture mode on, the sidebar starts collapsed, the page's text (leads, explanations,
captions, section headings, code and download buttons) is hidden by inline CSS, the page's
main figure is enlarged (:func:`convviz.figures.common.lecture.lecture_figure`) and stretched
across the page, and the keyboard drives its animation in the browser: ← / → step, space
plays or pauses. Everything else (every control, the link, the exports) is as without it.
Nothing is loaded from another host: the CSS and the key handler are inline.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from convviz.controls.caching import derived
from convviz.controls.components import registered
from convviz.controls.layout import grid_chart, keep_width, send_chart
from convviz.figures.common.browser_spec import browser_spec
from convviz.figures.common.lecture import lecture_figure
from convviz.i18n import translate

LECTURE_KEY = "lecture"  # the switch's widget key and the URL parameter (?lecture=1)
ON_VALUES = ("1", "true", "True", "on", "yes")

# Prose hidden (element containers whose only child is text), the title smaller, the main
# figure's container as wide as the page. Clicking the page (so that ← / → reach the key
# handler) focuses the main area, which Streamlit then frames with a grey inset ring (a
# shadow on its ::before); that ring is dropped for the main area only, so real controls
# keep their focus rings for keyboard users.
LECTURE_CSS = """
<style>
[data-testid="stMain"] [data-testid="stElementContainer"]:has(> [data-testid="stMarkdown"]),
[data-testid="stMain"] [data-testid="stElementContainer"]:has(> [data-testid="stCaptionContainer"]),
[data-testid="stMain"] [data-testid="stElementContainer"]:has(> [data-testid="stDownloadButton"]),
[data-testid="stMain"] [data-testid="stElementContainer"]:has([data-testid="stHeading"] h2),
[data-testid="stMain"] [data-testid="stElementContainer"]:has([data-testid="stHeading"] h3),
[data-testid="stMain"] [data-testid="stExpander"],
[data-testid="stMain"] [data-testid="stLayoutWrapper"]:has(> [data-testid="stExpander"]),
[data-testid="stMain"] .convviz-prose { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 4rem; max-width: 100%; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.4rem; padding: 0; }
[data-testid="stMain"]:focus { outline: none; }
[data-testid="stMain"]:focus::before { box-shadow: none !important; }
</style>
"""

# ← / → move the main animation one step, space plays or pauses it; typing in a field or
# moving a slider keeps its keys. The animation's own frames and buttons do the work.
# Plotly moves the slider's ``active`` step only once a frame starts drawing, so keys pressed
# in quick succession count from the step last asked for (kept until the slider reaches it,
# or a hand moves the slider): → → ← ends one step on, not one step back.
KEYS_JS = """
export default function () {
  const asked = new WeakMap();  // chart -> the step the keys last asked for, not yet shown
  const animated = () => [...document.querySelectorAll("[data-testid='stMain'] .js-plotly-plot")]
    .find((gd) => gd._fullLayout && (gd._fullLayout.sliders || []).length > 0);
  const watch = (gd) => {
    if (asked.has(gd)) return;
    asked.set(gd, null);
    gd.on("plotly_animated", () => {
      if (asked.get(gd) === gd._fullLayout.sliders[0].active) asked.set(gd, null);
    });
    gd.on("plotly_sliderchange", (event) => { if (event.interaction) asked.set(gd, null); });
  };
  const typing = (target) => target && target.closest &&
    target.closest("input, textarea, select, [contenteditable='true'], [role='slider']");
  const onKey = (event) => {
    if (!["ArrowLeft", "ArrowRight", " "].includes(event.key) || typing(event.target)) return;
    const gd = animated();
    if (!gd || !window.Plotly) return;
    event.preventDefault();
    watch(gd);
    const buttons = gd.querySelectorAll(".updatemenu-button");
    if (event.key === " ") {
      asked.set(gd, null);
      const queue = (gd._transitionData && gd._transitionData._frameQueue) || [];
      const playing = queue.length > 0 || gd.dataset.convvizPlaying === "1";
      gd.dataset.convvizPlaying = playing ? "0" : "1";
      const button = buttons[playing ? 1 : 0];
      if (button) button.dispatchEvent(new MouseEvent("click", {bubbles: true}));
      return;
    }
    const slider = gd._fullLayout.sliders[0];
    const steps = slider.steps || [];
    const from = asked.get(gd) ?? (slider.active || 0);
    const next = Math.min(Math.max(from + (event.key === "ArrowRight" ? 1 : -1), 0),
      steps.length - 1);
    if (!steps[next]) return;
    gd.dataset.convvizPlaying = "0";
    asked.set(gd, next === slider.active ? null : next);
    window.Plotly.animate(gd, ...steps[next].args);
  };
  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}
"""


def lecture_on() -> bool:
    """Whether lecture mode is on: the switch's state, or ``?lecture=1`` on a fresh session."""
    if LECTURE_KEY not in st.session_state:
        st.session_state[LECTURE_KEY] = st.query_params.get(LECTURE_KEY) in ON_VALUES
    return bool(st.session_state[LECTURE_KEY])


def _write_to_url() -> None:
    if st.session_state.get(LECTURE_KEY):
        st.query_params[LECTURE_KEY] = "1"
    elif LECTURE_KEY in st.query_params:
        del st.query_params[LECTURE_KEY]


def lecture_switch(lang: str) -> bool:
    """The sidebar switch (kept in the link as ``?lecture=1``); draws lecture mode's CSS and
    key handler when it is on. Returns whether lecture mode is on."""
    on = lecture_on()
    st.sidebar.toggle(
        translate("lecture.switch", lang),
        key=LECTURE_KEY,
        help=translate("lecture.help", lang),
        on_change=_write_to_url,
    )
    if on and st.query_params.get(LECTURE_KEY) != "1":
        st.query_params[LECTURE_KEY] = "1"
    if on:
        st.html(LECTURE_CSS)
    return on


def lecture_keys() -> None:
    """Mount the ← / → / space handler (lecture mode only; call it once, after the page)."""
    if lecture_on():
        registered("convviz_lecture_keys", html="<span></span>", js=KEYS_JS)(
            key="convviz_lecture_keys"
        )


def main_chart(figure: Any, *, key: str, **options: Any) -> Any:
    """``st.plotly_chart`` of a page's main figure: enlarged and stretched in lecture mode.

    ``figure`` is a ``go.Figure`` (a cached, shared one is fine: it is copied, never changed);
    ``options`` go to ``st.plotly_chart`` (``on_select``, ``selection_mode``, ``config``).
    Returns what ``st.plotly_chart`` returns. On a screen narrower than the figure the chart
    keeps its width and scrolls sideways (:func:`~convviz.controls.layout.keep_width`).
    """
    if not lecture_on():
        return grid_chart(figure, key=key, **options)
    # enlarged once per (shared, cached) figure, and sent without Plotly checking it again
    enlarged = derived(figure, "lecture", lecture_figure)
    keep_width(key, enlarged["layout"].get("width"))
    spec = derived(figure, "lecture_browser", lambda _: browser_spec(enlarged))
    return send_chart(spec, key=key, width="stretch", **options)
