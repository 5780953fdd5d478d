"""``convviz.controls.caching.frozen``: a cached figure's ``to_dict`` is computed once, and the
chart ``st.plotly_chart`` sends from it is the same JSON as from a figure built afresh; a spec
derived from it (lecture mode's) is made once and sent as Plotly's check would send it."""

from __future__ import annotations

import json

import numpy as np
import plotly.io
import plotly.tools

from convviz.controls.caching import at_step, derived, frozen, prepared
from convviz.figures.common.lecture import lecture_figure
from convviz.figures.conv3d import views as conv3d_views
from convviz.figures.conv3d.data import Conv3dSetting
from convviz.figures.transposed import views

HYPER = {"stride": 2, "padding": 1, "output_padding": 1, "dilation": 1}


def scatter(seed: int = 0) -> dict:
    """The transposed page's animated scatter-add view (a dict holding a figure)."""
    rng = np.random.default_rng(seed)
    x = rng.integers(-3, 4, size=(3, 3)).astype(float)
    kernel = rng.integers(-2, 3, size=(3, 3)).astype(float)
    return views.scatter_view(x, kernel, lang="en", step=0, animate=True, **HYPER)


def sent_json(figure) -> str:
    """The spec ``st.plotly_chart`` (Streamlit 1.67) builds from a figure."""
    checked = plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True)
    return plotly.io.to_json(checked, validate=False)


def test_a_frozen_figure_sends_the_same_json_as_a_fresh_one_on_every_call():
    fresh, cached = scatter(), frozen(scatter())
    assert cached["figure"].frames  # an animated figure: frames are what to_dict copied
    expected = json.loads(sent_json(fresh["figure"]))
    for _ in range(3):  # Plotly pops trace uids from the dict it is given: still the same
        assert json.loads(sent_json(cached["figure"])) == expected


def test_to_dict_is_computed_once_and_other_values_are_left_alone():
    view = frozen({"outer": scatter(), "steps": 9, "texts": ["a"], "filters": [scatter(1)]})
    figure = view["outer"]["figure"]  # nested dicts are searched too
    assert figure.to_dict() is figure.to_dict()
    listed = view["filters"][0]["figure"]  # and lists (the standard page's filters)
    assert listed.to_dict() is listed.to_dict()
    assert view["steps"] == 9 and view["texts"] == ["a"]
    assert frozen(view) is view  # freezing again keeps the first dict
    assert view["outer"]["figure"].to_dict() is figure.to_dict()


def test_a_different_setting_still_gets_its_own_figure():
    one, other = frozen(scatter(0)), frozen(scatter(1))
    assert sent_json(one["figure"]) != sent_json(other["figure"])


def test_lists_of_numbers_or_text_are_not_searched():
    found, skipped = scatter(0)["figure"], scatter(1)["figure"]
    view = frozen({"links": [{"rects": [[0, 1, 2, 3, 4]], "figure": found}], "odd": [1, skipped]})
    assert found.to_dict() is found.to_dict()  # a list of dicts is searched
    assert "_convviz_spec" not in vars(skipped)  # behind a number: left as Plotly builds it
    assert json.loads(sent_json(view["odd"][1])) == json.loads(sent_json(scatter(1)["figure"]))


def test_a_prepared_lecture_spec_sends_what_plotly_s_check_of_it_sends():
    """``main_chart`` skips ``st.plotly_chart``'s second check of the enlarged dict: the
    check must have nothing to change in it, frames included."""
    for seed in (0, 1):
        figure = frozen(scatter(seed))["figure"]
        big = derived(figure, "lecture", lecture_figure)
        assert big["frames"] and big["layout"]["height"] > figure.to_dict()["layout"]["height"]
        assert json.loads(sent_json(prepared(big))) == json.loads(sent_json(big))


def test_a_derived_spec_is_made_once_per_figure_and_per_name():
    calls = []

    def enlarge(spec: dict) -> dict:
        calls.append(spec)
        return lecture_figure(spec)

    figure, other = frozen(scatter(0))["figure"], frozen(scatter(1))["figure"]
    first = derived(figure, "lecture_test", enlarge)
    assert derived(figure, "lecture_test", enlarge) is first and len(calls) == 1
    assert derived(other, "lecture_test", enlarge) is not first and len(calls) == 2
    assert derived(figure, "another", lambda spec: {"n": len(spec["data"])}) == {
        "n": len(figure.to_dict()["data"])
    }


def test_a_step_of_a_cached_figure_is_made_once_and_sent_as_plotly_checks_it():
    """The 3-D page shows each step of its figure built once per setting (``at_step``): the
    chart sent is what a figure built at that step sends, Streamlit sizes it by the figure's
    own width and height, and the shared figure is left as it was."""
    setting = Conv3dSetting("moving", (4, 4, 4), "random", (2, 2, 2), (1, 1, 1), (0, 0, 0),
                            (1, 1, 1))  # fmt: skip
    figure = frozen(conv3d_views.frames_view(setting, 0, "en"))
    before = json.loads(plotly.io.to_json(figure.to_dict(), validate=False))
    shown = at_step(figure, 5)
    assert at_step(figure, 5) is shown and at_step(figure, 6) is not shown
    built = conv3d_views.frames_view(setting, 5, "en")
    assert json.loads(sent_json(shown)) == json.loads(sent_json(built))
    assert (shown.layout.width, shown.layout.height) == (built.layout.width, built.layout.height)
    assert json.loads(plotly.io.to_json(figure.to_dict(), validate=False)) == before
    big = derived(shown, "lecture", lecture_figure)  # lecture mode's copy, kept per step
    assert big["layout"]["sliders"][0]["active"] == 5
    still = frozen(scatter(0))["figure"]
    still_spec = {**still.to_dict(), "frames": []}
    no_frames = prepared(still_spec)
    assert at_step(no_frames, 3) is no_frames  # a still figure is already at its step
