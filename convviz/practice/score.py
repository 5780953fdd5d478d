"""The session score: right answers, answered questions, the current and the best streak.

A pure value; the page keeps one in ``st.session_state`` and replaces it after each answer.
A malformed answer changes nothing (the learner just tries again).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from convviz.practice.check import CORRECT, INCORRECT


@dataclass(frozen=True)
class Score:
    """``right`` of ``answered`` questions; ``streak`` right in a row now, ``best`` ever."""

    right: int = 0
    answered: int = 0
    streak: int = 0
    best: int = 0

    def after(self, status: str) -> Score:
        """The score after an answer judged ``status`` (``correct`` / ``incorrect`` / other).

        Examples
        --------
        >>> Score().after("correct").after("correct").after("incorrect")
        Score(right=2, answered=3, streak=0, best=2)
        """
        if status == CORRECT:
            streak = self.streak + 1
            return Score(self.right + 1, self.answered + 1, streak, max(self.best, streak))
        if status == INCORRECT:
            return replace(self, answered=self.answered + 1, streak=0)
        return self
