"""The question families, the topics that group them, and the seeded question set.

A question set is a pure function of ``(seed, level, topic, count)``: the same URL
(``?seed=…&level=…&topic=…``) gives every learner in a class the same questions, in the same
order. Each question draws from its own generator, seeded by the set and its position, so one
family's number of draws never shifts the next question.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from convviz.practice import (
    cells,
    deformable,
    padding,
    params,
    receptive,
    sizes,
    validity,
    video,
)
from convviz.practice.question import Question

Generator = Callable[[np.random.Generator, int], Question]

FAMILIES: dict[str, Generator] = {
    "conv_size": sizes.conv_size,
    "dilated_size": sizes.dilated_size,
    "transpose_size": sizes.transpose_size,
    "output_padding": padding.output_padding,
    "same_padding": padding.same_padding,
    "conv_cell": cells.conv_cell,
    "transpose_cell": cells.transpose_cell,
    "receptive": receptive.receptive,
    "grouped_params": params.grouped_params,
    "separable_params": params.separable_params,
    "pointwise_params": params.pointwise_params,
    "conv_validity": validity.conv_validity,
    "transpose_validity": validity.transpose_validity,
    "groups_validity": validity.groups_validity,
    "conv3d_frames": video.conv3d_frames,
    "conv3d_params": video.conv3d_params,
    "deform_channels": deformable.deform_channels,
    "deform_read": deformable.deform_read,
    "deform_point": deformable.deform_point,
}

TOPICS: dict[str, tuple[str, ...]] = {
    "all": tuple(FAMILIES),
    "standard": ("conv_size", "same_padding", "conv_cell", "conv_validity"),
    "transposed": ("transpose_size", "output_padding", "transpose_cell", "transpose_validity"),
    "dilated": ("dilated_size", "same_padding", "receptive", "conv_validity"),
    "channels": ("grouped_params", "separable_params", "pointwise_params", "groups_validity"),
    "conv3d": ("conv3d_frames", "conv3d_params"),
    "deformable": ("deform_channels", "deform_read", "deform_point"),
}
LEVELS = (1, 2, 3)
SET_SIZE = 10


def question_set(
    seed: int, level: int = 1, topic: str = "all", count: int = SET_SIZE
) -> tuple[Question, ...]:
    """``count`` questions for ``topic`` at ``level``, the same for the same arguments.

    Parameters
    ----------
    seed : int
        Any non-negative int (the page's ``?seed=``).
    level : {1, 2, 3}
    topic : str
        A key of :data:`TOPICS`.
    count : int
        Number of questions.

    Returns
    -------
    tuple of Question
        The families of the topic in a shuffled order (every family once before any repeats).

    Raises
    ------
    KeyError
        For an unknown topic or level.
    """
    if level not in LEVELS:
        raise KeyError(level)
    names = TOPICS[topic]
    topic_index = list(TOPICS).index(topic)
    order_rng = np.random.default_rng([seed, level, topic_index])
    questions = []
    order: list[int] = []
    for position in range(count):
        if not order:
            order = order_rng.permutation(len(names)).tolist()
        family = names[order.pop(0)]
        rng = np.random.default_rng([seed, level, topic_index, position])
        questions.append(FAMILIES[family](rng, level))
    return tuple(questions)
