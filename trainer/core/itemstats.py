"""Classical item analysis (题目分析) over graded attempts.

- difficulty index p: mean score / max score of the item (0 hard … 1 easy);
- discrimination D: mean item score fraction of the upper 27 % minus the lower 27 % of attempts, ranked
  by their total percent (so attempts on different forms compare);
- point-biserial r: correlation of the item score fraction with the rest score (attempt percent without
  this item), None when either does not vary;
- option counts for choice items (single/multiple), and flags.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

FLAG_LABELS_ZH = {
    "too_hard": "过难（p < 0.2）",
    "too_easy": "过易（p > 0.95）",
    "low_discrimination": "区分度低（D < 0.1）",
    "unused_distractor": "有干扰项无人选择",
}
GROUP_SHARE = 0.27


@dataclass(frozen=True)
class Observation:
    """One item in one attempt: points scored, max points, and the letters chosen (choice items)."""

    score: float
    max_score: float
    selected: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChoiceKey:
    """What distractor analysis needs: number of options and the correct letters."""

    n_options: int
    correct: tuple[str, ...]


@dataclass(frozen=True)
class ItemStats:
    item_id: str
    n: int  # attempts that contained the item
    p: float
    discrimination: float | None
    point_biserial: float | None
    option_counts: tuple[tuple[str, int], ...] = ()  # letter → how many attempts selected it
    flags: tuple[str, ...] = ()

    def flag_labels_zh(self) -> tuple[str, ...]:
        return tuple(FLAG_LABELS_ZH[f] for f in self.flags)


def _pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def analyze(attempts: Sequence[Mapping[str, Observation]],
            choice_keys: Mapping[str, ChoiceKey] | None = None) -> dict[str, ItemStats]:
    """Statistics for every item seen in `attempts` (each a mapping item id → Observation).

    Pending essays should be left out (or given their final marks). Flags need enough attempts to mean
    much; the caller decides whether to show them for small n.
    """
    choice_keys = choice_keys or {}
    totals = [(sum(o.score for o in a.values()), sum(o.max_score for o in a.values())) for a in attempts]
    pct = [s / m if m else 0.0 for s, m in totals]
    order = sorted(range(len(attempts)), key=lambda i: (pct[i], i))
    item_ids = sorted({item_id for a in attempts for item_id in a})
    result: dict[str, ItemStats] = {}
    for item_id in item_ids:
        rows = [i for i in order if item_id in attempts[i]]  # ascending by total percent
        n = len(rows)
        fracs = []
        rests = []
        for i in rows:
            o = attempts[i][item_id]
            fracs.append(o.score / o.max_score if o.max_score else 0.0)
            s, m = totals[i]
            rest_max = m - o.max_score
            rests.append((s - o.score) / rest_max if rest_max else 0.0)
        p = sum(fracs) / n
        g = max(1, round(GROUP_SHARE * n)) if n >= 2 else 0
        disc = (sum(fracs[-g:]) - sum(fracs[:g])) / g if g else None
        rpb = _pearson(fracs, rests)
        counts: tuple[tuple[str, int], ...] = ()
        flags = []
        if p < 0.2:
            flags.append("too_hard")
        if p > 0.95:
            flags.append("too_easy")
        if disc is not None and disc < 0.1:
            flags.append("low_discrimination")
        key = choice_keys.get(item_id)
        if key is not None:
            tally = {chr(ord("A") + k): 0 for k in range(key.n_options)}
            for i in rows:
                for letter in set(attempts[i][item_id].selected):
                    if letter in tally:
                        tally[letter] += 1
            counts = tuple(tally.items())
            if any(c == 0 and letter not in key.correct for letter, c in counts):
                flags.append("unused_distractor")
        result[item_id] = ItemStats(item_id, n, round(p, 4), None if disc is None else round(disc, 4),
                                    None if rpb is None else round(rpb, 4), counts, tuple(flags))
    return result
