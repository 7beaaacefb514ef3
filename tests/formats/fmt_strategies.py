"""Hypothesis strategies for questions (imported by the round-trip tests)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from trainer.core.questions import BLANK, LETTERS, Basis, Blank, QType, Question, RubricPoint, Scoring

_ALPHABET = st.sampled_from(list("社区工作人员失业保险医疗住房信访民政登记办理条件材料期限abcXYZ0123456789（）。，？、：；“”!?.,'\"&%#=~{}:/|\\[]-_* "))


def text(min_size: int = 1, max_size: int = 30, *, lines: bool = False) -> st.SearchStrategy[str]:
    """Stripped text without runs of spaces (HTML-based formats collapse them)."""
    def clean(s: str) -> str:
        parts = [" ".join(line.split()) for line in s.split("\n")]
        return "\n".join(p for p in parts if p).strip()
    alphabet = st.one_of(_ALPHABET, st.just("\n")) if lines else _ALPHABET
    return st.text(alphabet, min_size=min_size, max_size=max_size).map(clean).filter(
        lambda s: bool(s) and BLANK not in s and "__" not in s and "＿" not in s and not s.startswith("'"))


word = text(1, 12).filter(lambda s: not any(c in s for c in "、,，;；\n|/\\") and ".." not in s)


@st.composite
def questions(draw, types=tuple(t for t in QType if t != QType.CASE), *, sub: bool = False):  # type: ignore[no-untyped-def]
    qtype = draw(st.sampled_from(types))
    stem = draw(text(lines=True))
    kw: dict = {}
    if qtype in (QType.SINGLE, QType.MULTIPLE, QType.ORDERING):
        n = draw(st.integers(2 if qtype != QType.MULTIPLE else 3, 8))
        opts = draw(st.lists(text(1, 15), min_size=n, max_size=n, unique=True))
        kw["options"] = tuple(opts)
        letters = LETTERS[:n]
        if qtype == QType.SINGLE:
            kw["key"] = draw(st.sampled_from(letters))
        elif qtype == QType.MULTIPLE:
            k = draw(st.lists(st.sampled_from(letters), min_size=2, max_size=n, unique=True))
            kw["key"] = tuple(sorted(k))
            if draw(st.booleans()):
                kw["scoring"] = Scoring("weights", tuple(
                    (x, float(50 if x in k else -25)) for x in letters))
        else:
            kw["key"] = tuple(draw(st.permutations(letters)))
    elif qtype == QType.JUDGE:
        kw["key"] = draw(st.booleans())
    elif qtype == QType.FILL:
        nb = draw(st.integers(1, 3))
        blanks = []
        for _ in range(nb):
            if draw(st.booleans()):
                blanks.append(Blank(number=float(draw(st.integers(-999, 999))), tolerance=float(draw(st.integers(0, 5)))))
            else:
                blanks.append(Blank(tuple(draw(st.lists(word, min_size=1, max_size=3, unique=True)))))
        pieces = [draw(text(0, 10)) for _ in range(nb + 1)]
        stem = (pieces[0] or "空") + "".join(f"{BLANK}{p}" for p in pieces[1:])
        kw["key"] = tuple(blanks)
    elif qtype == QType.MATCHING:
        n = draw(st.integers(1, 4))
        kw["left"] = tuple(draw(st.lists(text(1, 10).filter(lambda s: "|" not in s), min_size=n, max_size=n,
                                         unique=True)))
        right = draw(st.lists(text(1, 10), min_size=n, max_size=min(8, n + 2), unique=True))
        kw["right"] = tuple(right)
        perm = draw(st.permutations(LETTERS[: len(right)]))
        kw["key"] = tuple((i + 1, perm[i]) for i in range(n))
    elif qtype == QType.ESSAY:
        kw["key"] = draw(text(1, 30))
        if draw(st.booleans()):
            kw["rubric"] = (RubricPoint(draw(word), 60.0), RubricPoint(draw(word), 40.0))
    elif qtype == QType.CASE:
        kw["sub"] = tuple(draw(st.lists(questions(types=(QType.SINGLE, QType.MULTIPLE, QType.JUDGE, QType.FILL),
                                                  sub=True), min_size=2, max_size=4)))
    if not sub:
        kw["domain"] = draw(st.sampled_from(["hr", "health", "housing", "petition", "community", ""]))
        kw["tags"] = tuple(draw(st.lists(word, max_size=3, unique=True)))
        kw["difficulty"] = draw(st.integers(1, 5))
        if draw(st.booleans()):
            kw["basis"] = (Basis("social-insurance-law", "第四十五条"),)
        kw["section"] = draw(st.sampled_from(["", "hr-unemployment"]))
    kw["explanation"] = draw(st.one_of(st.just(""), text(1, 40, lines=True)))
    qid = draw(st.from_regex(r"\A[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}\Z"))
    return Question(id="" if sub else qid, type=qtype, stem=stem, **kw)


def normalise(q: Question, *, carried: set[str]) -> dict[str, Any]:
    """What a format carries of a question, in a form independent of option/right-column order."""
    d: dict[str, Any] = {"type": q.type, "stem": q.stem}
    if q.type == QType.MATCHING:
        d["pairs"] = sorted((q.left[n - 1], q.right[LETTERS.index(x)]) for n, x in q.key)
        d["right"] = sorted(q.right)
        if "scoring" in carried and q.scoring.weights:
            d["weights"] = sorted((q.left[int(k.split("-")[0]) - 1], q.right[LETTERS.index(k.split("-")[1])], v)
                                  for k, v in q.scoring.weights)
    elif q.type == QType.ORDERING and "option_order" not in carried:
        d["sequence"] = [q.options[LETTERS.index(x)] for x in q.key]
    else:
        d.update(options=q.options, key=q.key)
        if "scoring" in carried:
            d["weights"] = dict(q.scoring.weights)
    for f in carried - {"scoring", "option_order"}:
        d[f] = getattr(q, f)
    return d
