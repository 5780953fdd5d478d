"""What a practice question is, as plain data: the prompt, the engine's answer, the worked
steps and the link that opens the matching page at the same configuration.

Text is never stored here, only i18n keys with their values (:class:`Step`), so one question
reads the same in English and Chinese and can be compared, cached and kept in session state.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from convviz.engine.errors import ConvValueError

NUMBER = "number"  # the learner types a whole number
CHOICE = "choice"  # the learner picks one of ``options``
MAX_DRAWS = 200  # settings a generator tries before it falls back to its known-good one


@dataclass(frozen=True)
class Step:
    """A line of text: the i18n ``key`` and the ``values`` it is formatted with."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, **values: Any) -> Step:
        """``Step.of("practice.x", i=3)``: values kept as a sorted tuple (hashable)."""
        return cls(key, tuple(sorted(values.items())))

    @property
    def kwargs(self) -> dict[str, Any]:
        """The values as keyword arguments of ``translate``."""
        return dict(self.values)


# The one-letter names the texts use for the engine's parameter names.
SHORT_NAMES = {
    "input_size": "i",
    "kernel_size": "k",
    "stride": "s",
    "padding": "p",
    "output_padding": "a",
    "dilation": "d",
    "in_channels": "cin",
    "out_channels": "cout",
    "groups": "g",
}


def setting_step(key: str, settings: Mapping[str, Any], **extra: Any) -> Step:
    """``Step.of(key, i=…, k=…, …)`` from settings keyed by engine parameter names."""
    short = {SHORT_NAMES[name]: value for name, value in settings.items() if name in SHORT_NAMES}
    return Step.of(key, **short, **extra)


@dataclass(frozen=True)
class Link:
    """A page of the app (``url_path`` of :data:`convviz.site.PAGES`) and its query parameters.

    ``params`` are the page's own URL keys (engine parameter names such as ``kernel_size``,
    ``layers`` on the dilated page), values as the URL holds them (strings).
    """

    page: str
    params: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, page: str, **params: Any) -> Link:
        """``Link.of("transposed", stride=2)`` with every value turned into a string."""
        return cls(page, tuple((key, _url_value(value)) for key, value in params.items()))

    @property
    def query(self) -> dict[str, str]:
        """The query parameters as a dict (what ``st.page_link(query_params=...)`` takes)."""
        return dict(self.params)


def forward_link(**params: Any) -> Link:
    """The page that draws a forward convolution at ``params`` (engine parameter names).

    The standard page at dilation 1 (it has no dilation control, so the key is left out);
    the dilated page otherwise.
    """
    if params.get("dilation", 1) == 1:
        return Link.of("standard", **{k: v for k, v in params.items() if k != "dilation"})
    return Link.of("dilated", **params)


def _url_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class Question:
    """One generated question.

    Attributes
    ----------
    family : str
        Name of the generator in :data:`convviz.practice.registry.FAMILIES`.
    level : int
        1 (easy) to 3 (hard).
    prompt : tuple of Step
        The question text, line by line.
    kind : {"number", "choice"}
        How the learner answers.
    answer : int or str
        The engine's answer: a whole number, or (``choice``) one of ``options``.
    options : tuple of str
        Codes of the choices (``choice`` only), e.g. ``("valid", "kernel_too_large")``; each
        is shown as ``practice.rule.<code>``.
    steps : tuple of Step
        The worked arithmetic shown with the answer.
    link : Link
        The page that shows this configuration.
    """

    family: str
    level: int
    prompt: tuple[Step, ...]
    kind: str
    answer: int | str
    steps: tuple[Step, ...]
    link: Link
    options: tuple[str, ...] = field(default=())


def draw(rng: np.random.Generator, choices: Sequence[Any]) -> Any:
    """One element of ``choices``, picked by ``rng`` (plain Python value, not a NumPy scalar)."""
    item = choices[int(rng.integers(len(choices)))]
    return item.item() if isinstance(item, np.generic) else item


def first_valid(
    rng: np.random.Generator,
    propose: Callable[[np.random.Generator], Mapping[str, Any]],
    accept: Callable[[Mapping[str, Any]], Any],
    fallback: Mapping[str, Any],
) -> tuple[dict[str, Any], Any]:
    """Draw settings until the engine accepts one; return it with what ``accept`` returned.

    Parameters
    ----------
    rng : numpy.random.Generator
        The question's own generator (so the result depends on the seed only).
    propose : callable
        ``rng -> settings``.
    accept : callable
        ``settings -> result``; raises :class:`ConvValueError` (the engine's refusal) or
        returns ``None`` to reject a setting for a teaching reason (e.g. an answer of 0).
    fallback : mapping
        A setting known to be accepted, used after :data:`MAX_DRAWS` refusals.

    Returns
    -------
    tuple
        ``(settings, result)``.
    """
    for _ in range(MAX_DRAWS):
        settings = dict(propose(rng))
        try:
            result = accept(settings)
        except ConvValueError:
            continue
        if result is not None:
            return settings, result
    settings = dict(fallback)
    return settings, accept(settings)
