"""The 3-D practice questions: worked examples with their texts, links and answers."""

from __future__ import annotations

import numpy as np

from convviz.i18n import translate
from convviz.practice import FAMILIES, TOPICS, question_set
from convviz.practice.text import prompt_text, step_text


def _find(family: str, level: int, wanted) -> object:
    for seed in range(200):
        question = FAMILIES[family](np.random.default_rng([seed, level]), level)
        if wanted(question):
            return question
    raise AssertionError("no such question in 200 seeds")


def test_frames_question_reads_like_the_page_and_counts_the_frames():
    q = _find("conv3d_frames", 3, lambda q: q.link.query["dilation_depth"] != "1")
    v = {k: int(x) for k, x in q.link.params}
    span = v["dilation_depth"] * (v["kernel_depth"] - 1) + 1
    windows = range(0, v["frames"] + 2 * v["padding_depth"] - span + 1, v["stride_depth"])
    assert q.answer == len(windows)
    text = prompt_text(q, "zh")
    assert f"D = {v['frames']} 帧" in text and f"kD = {v['kernel_depth']}" in text
    assert step_text(q.steps[0], "en").endswith(f"**{q.answer}**")


def test_params_question_on_a_ji_kernel_with_bias():
    q = _find("conv3d_params", 2, lambda q: q.link.query["kernel_size_w"] == "6" and "true" in
              str(q.prompt[0].values))  # fmt: skip
    values = dict(q.prompt[0].values)
    cin, cout = values["cin"], values["cout"]
    assert q.answer == 3 * 7 * 6 * cin * cout + cout
    assert step_text(q.steps[1], "en") == translate(
        "practice.explain.count", "en", terms=f"3·7·6·{cin}·{cout} + {cout}", total=q.answer
    )
    assert q.link.query["input_size_w"] == "6" and q.link.query["input_size"] == "7"
    assert q.link.query["view"] == "layers"  # the tab of the weights table


def test_topic_has_both_families():
    assert TOPICS["conv3d"] == ("conv3d_frames", "conv3d_params")
    assert {q.family for q in question_set(3, 1, "conv3d", count=4)} == set(TOPICS["conv3d"])
