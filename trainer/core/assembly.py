"""Paper assembly (组卷): draw items for a blueprint from the bank, seeded and reproducible.

Build an `AssemblyIndex` once per bank state and reuse it; `assemble` then touches only the cells a
blueprint names and samples them with the seeded RNG (no sort or scan of the whole bank per call).

Guarantees of `assemble`:
- same bank (in any input order) + blueprint + seed + options → the same forms;
- no item twice in a form; at most one item per `group`, per near-duplicate `cluster`, and per explicit
  `never_together` set of the blueprint;
- every section gets exactly `count` items, or `BlueprintShortage` names every short cell;
- `forms=K`: each form prefers items no earlier form used, then the least used ones;
- `exclude_ids` (items the learner saw recently) are never drawn — if that leaves a cell short, the
  shortage says how many items were excluded for that reason;
- practice mode never draws `visibility == "exam"` items; exam mode draws both.
Near-duplicate helpers live in `trainer.core.neardup` (stem keys, shingle similarity, bank clustering).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from trainer.core.blueprint import Blueprint, Section
from trainer.core.clock import make_rng
from trainer.core.errors import InfeasibleBlueprint
from trainer.core.neardup import near_duplicate_key
from trainer.core.questions import QType, Question

Mode = Literal["exam", "practice"]


@dataclass(frozen=True)
class ItemInfo:
    """What assembly needs to know about one bank item (its current version)."""

    id: str
    domain: str
    type: QType
    difficulty: int = 3
    tags: tuple[str, ...] = ()
    group: str = ""  # never-together group name
    visibility: str = "practice"  # practice | exam (exam-only)
    rules: tuple[str, ...] = ()  # rule ids the item cites
    cluster: str = ""  # near-duplicate cluster key ("" = none); see neardup.cluster_near_duplicates
    version: str = ""  # content hash of the version a paper pins
    review: str = "approved"
    n_options: int = 0  # options (single/multiple/ordering) or right-column entries (matching)

    @staticmethod
    def from_question(q: Question, cluster: str | None = None) -> ItemInfo:
        """Build from a Question; cluster defaults to its normalised stem (catches exact duplicates)."""
        return ItemInfo(
            id=q.id, domain=q.domain, type=q.type, difficulty=q.difficulty, tags=q.tags, group=q.group,
            visibility=q.visibility, rules=tuple(dict.fromkeys(b.rule for b in q.basis)),
            cluster=near_duplicate_key(q.stem) if cluster is None else cluster,
            version=q.content_hash, review=q.review,
            n_options=len(q.right) if q.type == QType.MATCHING else len(q.options),
        )


@dataclass(frozen=True)
class PaperItem:
    """One item of an assembled form, pinned to a version, with its section's points."""

    item_id: str
    version: str
    section: int  # index into blueprint.sections
    domain: str
    type: QType
    points: float
    n_options: int = 0


@dataclass(frozen=True)
class PaperForm:
    """An assembled paper (试卷), in bank order before per-candidate shuffles."""

    blueprint_name: str
    seed: int | str
    form: int  # 0-based form number
    mode: str
    items: tuple[PaperItem, ...]
    shuffle_items: bool = True
    shuffle_options: bool = True

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(i.item_id for i in self.items)

    @property
    def total_points(self) -> float:
        return sum(i.points for i in self.items)


@dataclass(frozen=True)
class Shortage:
    """A blueprint cell the bank cannot fill."""

    section: int
    label: str  # e.g. 人社 / 单选题 / 难度2–4
    needed: int
    available: int
    excluded_recent: int = 0
    form: int = 0

    @property
    def missing(self) -> int:
        return self.needed - self.available

    def message(self) -> str:
        text = f"{self.label}：需要 {self.needed} 题，可用 {self.available} 题，缺 {self.missing} 题"
        if self.excluded_recent:
            text += f"（另有 {self.excluded_recent} 题因近期做过而排除）"
        if self.form:
            text = f"第 {self.form + 1} 套：" + text
        return text


class BlueprintShortage(InfeasibleBlueprint):
    """InfeasibleBlueprint carrying the short cells as data."""

    def __init__(self, blueprint_name: str, shortages: Sequence[Shortage]):
        self.shortages = tuple(shortages)
        lines = [f"题库不足以按蓝图“{blueprint_name}”组卷："] + [s.message() for s in self.shortages]
        super().__init__("\n".join(lines))


class AssemblyIndex:
    """The bank indexed by (domain, type, difficulty), each bucket sorted by id. Build once, reuse."""

    def __init__(self, items: Iterable[ItemInfo]):
        by_id: dict[str, ItemInfo] = {}
        for item in items:
            if item.id in by_id:
                raise ValueError(f"题目 id 重复：{item.id}")
            by_id[item.id] = item
        self.items = by_id
        buckets: dict[tuple[str, str, int], list[ItemInfo]] = {}
        for item in by_id.values():
            buckets.setdefault((item.domain, str(item.type), item.difficulty), []).append(item)
        self._buckets = {k: sorted(v, key=lambda i: i.id) for k, v in buckets.items()}
        difficulties = {k[2] for k in self._buckets} or {3}
        self._dmin, self._dmax = min(difficulties), max(difficulties)

    def __len__(self) -> int:
        return len(self.items)

    def pool(self, section: Section) -> list[list[ItemInfo]]:
        """The id-sorted buckets a section draws from (before tag/rule/visibility filters)."""
        lo, hi = section.difficulty or (self._dmin, self._dmax)
        key = (section.domain, str(section.type))
        return [b for d in range(lo, hi + 1) if (b := self._buckets.get((*key, d)))]


class _Draw:
    """State of one form being drawn: chosen ids and the conflict keys they hold."""

    def __init__(self, index: AssemblyIndex, bp: Blueprint, mode: str, exclude: frozenset[str],
                 usage: Counter[str], rng: random.Random):
        self.index, self.bp, self.mode = index, bp, mode
        self.exclude, self.usage, self.rng = exclude, usage, rng
        self.chosen: set[str] = set()
        self.keys: set[str] = set()
        self.explicit: dict[str, list[str]] = {}
        for n, ids in enumerate(bp.never_together):
            for item_id in ids:
                self.explicit.setdefault(item_id, []).append(f"n:{n}")
        self.review = frozenset(bp.review)

    def conflict_keys(self, item: ItemInfo) -> list[str]:
        keys = self.explicit.get(item.id, [])[:]
        if item.group:
            keys.append("g:" + item.group)
        if item.cluster:
            keys.append("c:" + item.cluster)
        return keys

    def static_ok(self, item: ItemInfo, s: Section) -> bool:
        """Filters that do not depend on what is already drawn (recent exclusions apart)."""
        if item.review not in self.review or (self.mode == "practice" and item.visibility == "exam"):
            return False
        if s.tags and not any(t in item.tags for t in s.tags):
            return False
        if s.exclude_tags and any(t in item.tags for t in s.exclude_tags):
            return False
        return not (s.rules and not any(r in item.rules for r in s.rules))

    def try_take(self, item: ItemInfo, taken: list[ItemInfo]) -> bool:
        if item.id in self.chosen:
            return False
        keys = self.conflict_keys(item)
        if any(k in self.keys for k in keys):
            return False
        self.chosen.add(item.id)
        self.keys.update(keys)
        taken.append(item)
        return True

    def draw(self, s: Section) -> tuple[list[ItemInfo], int]:
        """Draw s.count items; returns them and how many eligible items recent exclusion removed."""
        taken: list[ItemInfo] = []
        buckets = self.index.pool(s)
        total = sum(len(b) for b in buckets)
        if total == 0:
            return taken, 0
        rng, need = self.rng, s.count
        # Phase A: rejection sampling of unused items — cheap when the cell is large.
        tried: set[int] = set()
        for _ in range(4 * need + 32):
            if len(taken) == need or len(tried) == total:
                break
            r = rng.randrange(total)
            if r in tried:
                continue
            tried.add(r)
            item = _at(buckets, r)
            if item.id not in self.exclude and not self.usage[item.id] and self.static_ok(item, s):
                self.try_take(item, taken)
        if len(taken) == need:
            return taken, 0
        # Phase B: scan the cell once; unused first (shuffled), then least used (ties shuffled).
        eligible = [i for b in buckets for i in b if i.id not in self.chosen and self.static_ok(i, s)]
        excluded = sum(1 for i in eligible if i.id in self.exclude)
        fresh = [i for i in eligible if i.id not in self.exclude and not self.usage[i.id]]
        rng.shuffle(fresh)
        used = [i for i in eligible if i.id not in self.exclude and self.usage[i.id]]
        rng.shuffle(used)
        used.sort(key=lambda i: self.usage[i.id])
        for item in fresh + used:
            if len(taken) == need:
                break
            self.try_take(item, taken)
        return taken, excluded


def _at(buckets: list[list[ItemInfo]], r: int) -> ItemInfo:
    for b in buckets:
        if r < len(b):
            return b[r]
        r -= len(b)
    raise IndexError(r)


def assemble(items: Iterable[ItemInfo] | AssemblyIndex, blueprint: Blueprint, *, seed: int | str,
             forms: int = 1, exclude_ids: Iterable[str] = (), mode: Mode = "exam") -> list[PaperForm]:
    """Assemble `forms` parallel forms of `blueprint`; raise BlueprintShortage naming every short cell."""
    if forms < 1:
        raise ValueError("forms must be ≥ 1")
    if mode not in ("exam", "practice"):
        raise ValueError(f"unknown mode {mode!r}")
    index = items if isinstance(items, AssemblyIndex) else AssemblyIndex(items)
    rng = make_rng(seed)
    exclude = frozenset(exclude_ids)
    usage: Counter[str] = Counter()
    # Narrow sections first, so a broad section does not take the items a narrow one needs.
    order = sorted(range(len(blueprint.sections)), key=lambda n: (
        not (blueprint.sections[n].tags or blueprint.sections[n].rules),
        sum(len(b) for b in index.pool(blueprint.sections[n])), n))
    result: list[PaperForm] = []
    for f in range(forms):
        draw = _Draw(index, blueprint, mode, exclude, usage, rng)
        picked: dict[int, list[ItemInfo]] = {}
        shortages: list[Shortage] = []
        for n in order:
            s = blueprint.sections[n]
            taken, excluded = draw.draw(s)
            picked[n] = taken
            if len(taken) < s.count:
                shortages.append(Shortage(n, s.label_zh(), s.count, len(taken), excluded, f))
        if shortages:
            raise BlueprintShortage(blueprint.name, sorted(shortages, key=lambda x: x.section))
        paper_items = tuple(
            PaperItem(i.id, i.version, n, s.domain, s.type, s.points, i.n_options)
            for n, s in enumerate(blueprint.sections) for i in picked[n]
        )
        usage.update(p.item_id for p in paper_items)
        result.append(PaperForm(blueprint.name, seed, f, mode, paper_items,
                                blueprint.shuffle_items, blueprint.shuffle_options))
    return result


# --- per-candidate presentation -------------------------------------------------------------------

_OPTION_TYPES = (QType.SINGLE, QType.MULTIPLE, QType.MATCHING)


class ShuffledItem(NamedTuple):
    """Display order of one item. permutation[i] = bank index of the option shown at display position i
    (for matching: of the right-hand entry). Empty for types without options."""

    item_id: str
    permutation: tuple[int, ...]


def shuffle_for_candidate(paper: PaperForm, candidate_seed: int | str) -> list[ShuffledItem]:
    """Seeded item order and option display for one candidate.

    Items stay grouped by type (in the paper's order of types) and are shuffled within each group when
    the paper says `shuffle_items`; options are shuffled when it says `shuffle_options`, and ordering
    items are always shown shuffled. Answers keep the bank's letters: map with `bank_letter`.
    """
    rng = make_rng(f"candidate:{candidate_seed}")
    groups: dict[QType, list[PaperItem]] = {}
    for item in paper.items:
        groups.setdefault(item.type, []).append(item)
    result: list[ShuffledItem] = []
    for group in groups.values():
        group = list(group)
        if paper.shuffle_items:
            rng.shuffle(group)
        for item in group:
            perm = list(range(item.n_options))
            if item.type == QType.ORDERING or (paper.shuffle_options and item.type in _OPTION_TYPES):
                rng.shuffle(perm)
            result.append(ShuffledItem(item.item_id, tuple(perm) if item.n_options else ()))
    return result


def bank_letter(permutation: Sequence[int], display_letter: str) -> str:
    """The bank letter of the option a candidate saw at `display_letter`."""
    if not permutation:
        return display_letter
    return chr(ord("A") + permutation[ord(display_letter) - ord("A")])


def display_letter(permutation: Sequence[int], bank_letter_: str) -> str:
    """Where the bank option `bank_letter_` is shown to the candidate."""
    if not permutation:
        return bank_letter_
    return chr(ord("A") + list(permutation).index(ord(bank_letter_) - ord("A")))
