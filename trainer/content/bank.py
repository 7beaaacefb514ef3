"""Loading a whole bank (rules, courseware, item files) and checking it across files.

`load_bank(paths)` is what `trainer bank validate` and `trainer bank import` run: it never touches the
database, and returns every problem it finds with file, line and field.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from trainer import paths
from trainer.core.errors import Location, Problem
from trainer.core.neardup import normalize_stem, similar_pairs
from trainer.core.questions import DOMAIN_LABELS_ZH, QType, Question
from trainer.content.courseware import Chapter, load_courseware
from trainer.content.items import parse_item_file
from trainer.content.rules import RuleDef, load_rules
from trainer.content.yamlio import display_name, read_yaml

SKIP_DIRS = {"rules", "blueprints"}
ALL_OF_ABOVE = re.compile(r"以上(都|均|全|皆)(对|正确|是|不对|不正确|错误|不是)|以上(选项|说法)?(都|均|全)(对|正确|不对|错误)")


@dataclass
class Bank:
    rules: dict[str, RuleDef] = field(default_factory=dict)
    chapters: dict[str, Chapter] = field(default_factory=dict)
    questions: list[Question] = field(default_factory=list)
    locations: dict[str, Location] = field(default_factory=dict)  # item id -> file:line
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)  # images that came with imported questions
    review_unknown: set[str] = field(default_factory=set)  # ids from formats that cannot carry review status

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def item_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*.yaml") if not SKIP_DIRS.intersection(p.relative_to(path).parts[:-1]))


def load_bank(
    targets: list[Path],
    *,
    rules_dir: Path | None = None,
    courseware_dir: Path | None = None,
    whole_bank: bool | None = None,
    quality: bool = True,
    known_rules: dict[str, str] | None = None,
    known_sections: dict[str, str] | None = None,
) -> Bank:
    """Load item files from `targets` (files or folders) with the rules and courseware they refer to.

    Rules come from `<folder>/rules` when a target folder has one, else from the bundled bank; courseware
    from a `courseware/` folder beside the bank, else the bundled courseware. `whole_bank` turns on the
    checks that only make sense for a complete bank (every rule cited, balance of answer letters).
    `quality=False` skips the near-duplicate scan (a warning only): import leaves it to `validate`.
    `known_rules` (id → status) and `known_sections` (id → domain) are what a database already holds.
    """
    bank = Bank()
    folders = [t for t in targets if t.is_dir()]
    rules_dir = rules_dir or next((f / "rules" for f in folders if (f / "rules").is_dir()), paths.question_bank_dir() / "rules")
    if courseware_dir is None:
        beside = [f.parent / "courseware" for f in folders if (f.parent / "courseware").is_dir()]
        courseware_dir = beside[0] if beside else paths.courseware_dir()
    root = _common_root(targets + [rules_dir, courseware_dir])
    rules, problems = load_rules(rules_dir, root) if rules_dir.is_dir() else ({}, [])
    bank.rules, bank.problems = rules, problems
    chapters, problems = load_courseware(courseware_dir, root) if courseware_dir.is_dir() else ([], [])
    bank.chapters = {c.id: c for c in chapters}
    bank.problems += problems
    for target in targets:
        if not target.exists():
            bank.problems.append(Problem(Location(str(target)), "文件或文件夹不存在"))
            continue
        for path in item_files(target):
            _load_item_file(bank, path, root)
    _check_cross(bank, quality=quality, known_rules=known_rules or {}, known_sections=known_sections or {})
    if whole_bank if whole_bank is not None else any((t / "rules").is_dir() for t in folders):
        _check_whole(bank)
    return bank


def _common_root(candidates: list[Path]) -> Path | None:
    try:
        import os

        return Path(os.path.commonpath([str(c.resolve()) for c in candidates]))
    except ValueError:
        return None


def _load_item_file(bank: Bank, path: Path, root: Path | None) -> None:
    name = display_name(path, root)
    bank.files.append(name)
    doc, problems = read_yaml(path, name)
    bank.problems += problems
    if doc is None:
        return
    parsed, problems = parse_item_file(doc)
    bank.problems += problems
    if parsed is None:
        return
    for q in parsed.questions:
        here = Location(name, parsed.lines.get(q.id), "id", q.id)
        first = bank.locations.get(q.id)
        if first is not None:
            bank.problems.append(Problem(here, f"题目编号重复（另见 {first.source}:{first.line}）"))
            continue
        bank.questions.append(q)
        bank.locations[q.id] = here


def _check_cross(bank: Bank, *, quality: bool = True, known_rules: dict[str, str], known_sections: dict[str, str]) -> None:
    stems: dict[tuple[str, str], str] = {}
    for q in bank.questions:
        loc = bank.locations[q.id]

        def err(field_name: str, msg: str, severity: str = "error") -> None:
            bank.problems.append(Problem(Location(loc.source, loc.line, field_name, q.id), msg, severity))

        for b in q.basis:
            rule = bank.rules.get(b.rule)
            if rule is None and b.rule in known_rules:
                if known_rules[b.rule] == "superseded" and not q.historical:
                    err("basis", f"依据的规则“{b.rule}”已失效；请改按现行规定出题，或标注 historical: true 并在题干写明版本")
            elif rule is None:
                err("basis", f"依据的规则“{b.rule}”未在规则库（question_bank/rules）登记")
            elif rule.status == "superseded" and not q.historical:
                err("basis", f"依据《{rule.name}》（{rule.version}）已被“{rule.superseded_by}”取代；请改按现行规定出题，或标注 historical: true 并在题干写明版本")
        if q.historical and not re.search(r"\d{4}|旧|原|修正|修订|版本", q.stem):
            err("stem", "历史版本题目的题干须写明所考的版本（如“按 2018 年修正文本”）")
        chapter = bank.chapters.get(q.section)
        section_domain = chapter.domain if chapter else known_sections.get(q.section)
        if section_domain is None:
            err("section", f"课件章节“{q.section}”不存在")
        elif section_domain != q.domain:
            err("section", f"课件章节“{q.section}”属于 {section_domain} 领域，题目属于 {q.domain}", "warning")
        key = (q.type.value, normalize_stem(question_text(q)))
        if key in stems:
            err("stem", f"与题目“{stems[key]}”完全重复")
        stems.setdefault(key, q.id)
    for other, q, sim in near_duplicates(bank.questions) if quality else ():
        loc = bank.locations[q.id]
        bank.problems.append(
            Problem(Location(loc.source, loc.line, "stem", q.id), f"题干与“{other}”高度相似（相似度 {sim:.0%}）", "warning")
        )


def _check_whole(bank: Bank) -> None:
    cited = Counter(b.rule for q in bank.questions for b in q.basis)
    for rule in bank.rules.values():
        if not cited[rule.id]:
            bank.problems.append(Problem(Location(rule.source, rule.line, "id", rule.id), "规则未被任何题目引用", "warning"))
    for chapter in bank.chapters.values():
        for rid in chapter.rules:
            if rid not in bank.rules:
                bank.problems.append(Problem(Location(chapter.source, 2, "rules", chapter.id), f"规则“{rid}”未登记"))
    has_items = Counter(q.section for q in bank.questions)
    for chapter in bank.chapters.values():
        if not has_items[chapter.id]:
            bank.problems.append(Problem(Location(chapter.source, 2, "id", chapter.id), "章节还没有任何题目", "warning"))
    by_domain: dict[str, Counter] = defaultdict(Counter)
    above: Counter = Counter()
    for q in bank.questions:
        if q.type == QType.SINGLE:
            by_domain[q.domain][q.key] += 1
        if q.type in (QType.SINGLE, QType.MULTIPLE):
            correct = [q.options[ord(k) - 65] for k in (q.key if q.type == QType.MULTIPLE else (q.key,))]
            if any(ALL_OF_ABOVE.search(o) for o in correct):
                above[q.domain] += 1
    for domain, counts in by_domain.items():
        total = sum(counts.values())
        for letter in "ABCD":
            share = counts[letter] / total
            if total >= 20 and not 0.15 <= share <= 0.35:
                label = DOMAIN_LABELS_ZH.get(domain, domain)  # type: ignore[call-overload]
                bank.problems.append(
                    Problem(Location(field="answer", item=domain), f"{label}单选题正确答案为 {letter} 的占 {share:.0%}（应在 15%–35%）", "warning")
                )
    for domain, n in above.items():
        if n > 2:
            bank.problems.append(Problem(Location(field="answer", item=domain), f"“以上都对/都不对”作为正确答案出现 {n} 次（应不超过 2 次）", "warning"))


def near_duplicates(questions: list[Question], threshold: float = 0.85) -> list[tuple[str, Question, float]]:
    """(other id, question, similarity) for texts (stem and options) at or above `threshold`, below 1
    (identical texts are reported as exact duplicates)."""
    by_id = {q.id: q for q in questions}
    texts = {q.id: question_text(q) for q in questions}
    best: dict[str, tuple[str, float]] = {}
    for a, b, sim in similar_pairs(texts, threshold):
        if sim < 1.0 and sim > best.get(b, ("", 0.0))[1]:
            best[b] = (a, sim)
    return [(other, by_id[qid], sim) for qid, (other, sim) in sorted(best.items())]


def question_text(q: Question) -> str:
    return q.stem + "".join(q.options) + "".join(q.left)
