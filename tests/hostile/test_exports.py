"""Exports within a budget computed before anything is built: frames, pixels and bytes are
counted in the files made, and the download button says when a GIF was reduced."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from convviz.controls.downloads import reduced_gif_text
from convviz.export import budget, gif
from convviz.export.budget import MAX_FRAME_PIXELS, MAX_GIF_FRAMES, MAX_GIF_PIXELS, plan_gif
from convviz.figures.transposed import files
from convviz.i18n import translate
from convviz.inputs import make_values
from tests.app.conftest import open_app

WORST = {"stride": 4, "padding": 0, "output_padding": 3, "dilation": 4}  # 3,136 steps
WORST_LINK = {"input_size": "8", "kernel_size": "7", "view": "direct"} | {
    k: str(v) for k, v in WORST.items()
}


@given(
    st.integers(min_value=1, max_value=100_000),
    st.tuples(st.integers(1, 5_000), st.integers(1, 5_000)),
    st.integers(min_value=1, max_value=4),
)
def test_a_plan_keeps_within_the_budget(total, frame_hw, scale):
    plan = plan_gif(total, frame_hw, scale=scale)
    steps = plan.steps
    assert steps[0] == 0 and list(steps) == sorted(set(steps))
    assert len(steps) <= min(total, MAX_GIF_FRAMES)
    if total >= 2:
        assert steps[-1] == total - 1
    per_frame = frame_hw[0] * frame_hw[1] * plan.scale**2
    assert plan.scale == 1 or per_frame <= MAX_FRAME_PIXELS
    assert len(steps) <= 2 or len(steps) * per_frame <= MAX_GIF_PIXELS
    assert plan.reduced == (len(steps) < total or plan.scale < scale)


def test_a_small_animation_keeps_every_frame_at_full_scale():
    plan = plan_gif(25, (300, 500))
    assert plan.steps == tuple(range(25)) and plan.scale == 2 and not plan.reduced


def test_the_worst_transposed_gif_is_built_and_drawn_within_the_budget(monkeypatch):
    x, kernel = make_values("arange", (8, 8)), make_values("arange", (7, 7))
    built: list[int] = []
    render = gif.render_animation_gif

    def counting_render(animation, **kwargs):
        built.append(len(animation.frames))
        assert kwargs["steps"] == plan  # the frame counters name steps of the full view
        return render(animation, **kwargs)

    monkeypatch.setattr(gif, "render_animation_gif", counting_render)
    plan = files.direct_gif_plan(x, kernel, lang="en", **WORST)
    assert plan.total == 56 * 56 and plan.reduced
    data = files.direct_gif(x, kernel, lang="en", **WORST)
    assert built == [len(plan.steps)]  # only the planned frames were ever built
    image = Image.open(io.BytesIO(data))
    width, height = image.size
    assert image.n_frames == len(plan.steps)
    assert image.n_frames * width * height <= MAX_GIF_PIXELS
    assert len(data) <= MAX_GIF_PIXELS  # palette GIF: at most a byte per pixel drawn


def test_spaced_steps_are_even_and_keep_both_ends():
    assert budget.spaced_steps(10, 4) == (0, 3, 6, 9)
    assert budget.spaced_steps(3, 10) == (0, 1, 2)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_gif_button_says_it_was_reduced(lang):
    at = open_app(lang, "pages/transposed.py", **WORST_LINK)
    assert not at.exception
    x, kernel = make_values("arange", (8, 8)), make_values("arange", (7, 7))
    buttons = {b.proto.id.rsplit("-", 1)[-1]: b.proto for b in at.get("download_button")}
    gif_button = buttons["transposed_direct_gif"]
    plan = files.direct_gif_plan(x, kernel, lang=lang, **WORST)
    values = {"frames": len(plan.steps), "total": plan.total, "scale": plan.scale}
    assert gif_button.label == translate("export.download.gif_reduced", lang, **values)
    assert str(MAX_GIF_FRAMES) in gif_button.help


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_gif_label_names_only_what_the_budget_cut(lang):
    rescaled = budget.GifPlan(steps=tuple(range(7)), scale=1, total=7, asked_scale=2)
    label, help_text = reduced_gif_text(rescaled, lang)
    assert "7" not in label and "1" in label and "2" in label  # scale 1 of 2, no step count
    assert label == translate("export.download.gif_rescaled", lang, scale=1, asked=2)
    assert str(MAX_GIF_FRAMES) in help_text and "7" in help_text
    cut = budget.GifPlan(steps=(0, 3, 6), scale=2, total=7, asked_scale=2)
    label, _ = reduced_gif_text(cut, lang)
    assert label == translate("export.download.gif_reduced", lang, frames=3, total=7, scale=2)


def test_an_ordinary_gif_button_is_plain():
    at = open_app("en", "pages/transposed.py", view="direct")
    labels = {b.proto.id.rsplit("-", 1)[-1]: b.proto.label for b in at.get("download_button")}
    assert labels["transposed_direct_gif"] == translate("export.download.gif", "en")


def test_one_png_builds_one_frame_within_the_frame_budget(monkeypatch):
    x, kernel = make_values("arange", (12, 12)), make_values("arange", (7, 7))
    built: list[int] = []
    animation = files.direct_animation

    def counting(*args, **kwargs):
        result = animation(*args, **kwargs)
        built.append(len(result.frames))
        return result

    monkeypatch.setattr(files, "direct_animation", counting)
    data = files.direct_png(x, kernel, (3, 5), lang="en", **WORST)
    assert built == [1]  # not the 96 × 96 = 9,216 frames of the whole view
    image = Image.open(io.BytesIO(data))
    assert image.width * image.height * 4 > MAX_FRAME_PIXELS  # at scale 2: over the budget
    assert round(image.info["dpi"][0]) == 96  # so it was drawn at scale 1
