"""Question bank use cases: validate, import (all-or-nothing, idempotent, versioned), stats, lookup."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from typing import TYPE_CHECKING

from trainer.core.errors import Problem, ValidationError
from trainer.core.questions import Question
from trainer.services.context import AppContext, Changes
from trainer.store import models as m

if TYPE_CHECKING:  # content loading (YAML, Markdown) is imported only when a bank is read
    from trainer.content.bank import Bank
    from trainer.content.courseware import Chapter
    from trainer.content.rules import RuleDef


@dataclass(frozen=True)
class ImportReport:
    added: int = 0
    new_versions: int = 0
    metadata_updated: int = 0
    unchanged: int = 0
    rules_changed: int = 0
    chapters_changed: int = 0
    skipped: int = 0
    dry_run: bool = False
    warnings: tuple[Problem, ...] = ()
    problems: tuple[Problem, ...] = ()  # invalid items left out with --skip-invalid
    changes: Changes = field(default_factory=Changes)

    def summary_zh(self) -> str:
        verb = "将" if self.dry_run else "已"
        parts = [f"{verb}新增 {self.added} 题", f"新版本 {self.new_versions} 题", f"更新属性 {self.metadata_updated} 题", f"未变 {self.unchanged} 题"]
        if self.rules_changed or self.chapters_changed:
            parts.append(f"规则 {self.rules_changed} 条、课件章节 {self.chapters_changed} 章有变化")
        if self.skipped:
            parts.append(f"跳过无效 {self.skipped} 题")
        return "，".join(parts) + "。"


@dataclass(frozen=True)
class BankStats:
    total: int
    by_domain: dict[str, int]
    by_type: dict[str, int]
    by_difficulty: dict[str, int]
    matrix: dict[str, dict[str, dict[str, int]]]  # domain -> type -> difficulty -> n
    by_rule: dict[str, int]
    by_review: dict[str, int]
    by_visibility: dict[str, int]
    flagged: list[dict[str, str]]
    rules: int
    chapters: int

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_domain": self.by_domain,
            "by_type": self.by_type,
            "by_difficulty": self.by_difficulty,
            "matrix": self.matrix,
            "by_rule": self.by_rule,
            "by_review": self.by_review,
            "by_visibility": self.by_visibility,
            "flagged": self.flagged,
            "rules": self.rules,
            "chapters": self.chapters,
        }


@dataclass(frozen=True)
class QuestionRow:
    id: str
    domain: str
    type: str
    difficulty: int
    review: str
    visibility: str
    version: int
    stem: str


class BankService:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    # --- files --------------------------------------------------------------------------------------
    @staticmethod
    def validate(paths: list[Path]) -> Bank:
        from trainer.content.bank import load_bank

        return load_bank(paths)

    def import_paths(self, paths: list[Path], *, dry_run: bool = False, skip_invalid: bool = False) -> ImportReport:
        from trainer.content.bank import load_bank

        bank = load_bank(paths, quality=False)
        return self.import_bank(bank, dry_run=dry_run, skip_invalid=skip_invalid, source_for=bank.locations)

    def import_bank(
        self,
        bank: Bank,
        *,
        dry_run: bool = False,
        skip_invalid: bool = False,
        source_for: dict | None = None,
    ) -> ImportReport:
        """All-or-nothing: any error and nothing is written, unless skip_invalid drops the invalid items."""
        errors = bank.errors
        questions = bank.questions
        if errors and not skip_invalid:
            raise ValidationError(errors)
        if errors:
            bad = {p.location.item for p in errors}
            questions = [q for q in questions if q.id not in bad]
        return self.import_questions(
            questions,
            rules=list(bank.rules.values()),
            chapters=list(bank.chapters.values()),
            dry_run=dry_run,
            warnings=tuple(bank.warnings),
            problems=tuple(errors),
            sources={qid: loc.source for qid, loc in (source_for or {}).items()},
            review_unknown=bank.review_unknown,
        )

    def import_questions(
        self,
        questions: list[Question],
        *,
        rules: list[RuleDef] = (),  # type: ignore[assignment]
        chapters: list[Chapter] = (),  # type: ignore[assignment]
        dry_run: bool = False,
        warnings: tuple[Problem, ...] = (),
        problems: tuple[Problem, ...] = (),
        sources: dict[str, str] | None = None,
        review_unknown: set[str] | None = None,
    ) -> ImportReport:
        """`review_unknown`: ids whose file format cannot carry a review status — an unchanged item keeps
        the status it has; a new or changed one comes in as a draft to be reviewed."""
        sources = sources or {}
        with self.ctx.uow() as s:
            rules_changed = _sync_rules(s, rules)
            chapters_changed = _sync_chapters(s, chapters)
            counts = _sync_questions(s, questions, sources, self.ctx.clock.now_utc(), review_unknown or set())
            if dry_run:
                s.rollback()
        return ImportReport(
            **counts,
            rules_changed=rules_changed,
            chapters_changed=chapters_changed,
            skipped=len({p.location.item for p in problems}),
            dry_run=dry_run,
            warnings=warnings,
            problems=problems,
            changes=Changes(
                bank=not dry_run and bool(counts["added"] or counts["new_versions"] or counts["metadata_updated"] or rules_changed),
                courseware=not dry_run and bool(chapters_changed),
            ),
        )

    # --- queries ------------------------------------------------------------------------------------
    def stats(self) -> BankStats:
        with self.ctx.uow.read() as s:
            rows = s.execute(
                select(m.Question.id, m.Question.domain, m.Question.type, m.Question.difficulty, m.Question.review, m.Question.visibility)
                .where(m.Question.review != "retired")
            ).all()
            rule_rows = s.execute(
                select(m.QuestionRule.rule_id, func.count(func.distinct(m.QuestionRule.question_id)))
                .join(m.Question, m.Question.id == m.QuestionRule.question_id)
                .where(m.Question.review != "retired")
                .group_by(m.QuestionRule.rule_id)
            ).all()
            rules = s.execute(select(m.Rule.id, m.Rule.status, m.Rule.name, m.Rule.version)).all()
            superseded = {r.id: r for r in rules if r.status == "superseded"}
            flagged_rows = s.execute(
                select(m.QuestionRule.question_id, m.QuestionRule.rule_id)
                .join(m.Question, m.Question.id == m.QuestionRule.question_id)
                .where(m.QuestionRule.rule_id.in_(list(superseded)), m.Question.historical.is_(False), m.Question.review != "retired")
            ).all() if superseded else []
            n_chapters = s.scalar(select(func.count()).select_from(m.CoursewareSection)) or 0
        matrix: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
        for r in rows:
            matrix[r.domain][r.type][str(r.difficulty)] += 1
        flagged = [
            {"id": qid, "reason": f"依据《{superseded[rid].name}》（{superseded[rid].version}）已失效", "rule": rid}
            for qid, rid in flagged_rows
        ]
        flagged += [{"id": r.id, "reason": "草稿，尚未审核"} for r in rows if r.review == "draft"]
        return BankStats(
            total=len(rows),
            by_domain=dict(Counter(r.domain for r in rows)),
            by_type=dict(Counter(r.type for r in rows)),
            by_difficulty=dict(sorted(Counter(str(r.difficulty) for r in rows).items())),
            matrix={d: {t: dict(v) for t, v in types.items()} for d, types in matrix.items()},
            by_rule={rid: n for rid, n in sorted(rule_rows)},
            by_review=dict(Counter(r.review for r in rows)),
            by_visibility=dict(Counter(r.visibility for r in rows)),
            flagged=flagged,
            rules=len(rules),
            chapters=n_chapters,
        )

    def rows(self, *, domain: str | None = None, qtype: str | None = None, text: str = "", limit: int = 5000) -> list[QuestionRow]:
        """Plain rows for the bank browser, filtered in the database."""
        with self.ctx.uow.read() as s:
            stmt = (
                select(m.Question, m.QuestionVersion.stem)
                .join(m.QuestionVersion, (m.QuestionVersion.question_id == m.Question.id) & (m.QuestionVersion.version_no == m.Question.current_version))
                .order_by(m.Question.domain, m.Question.id)
                .limit(limit)
            )
            if domain:
                stmt = stmt.where(m.Question.domain == domain)
            if qtype:
                stmt = stmt.where(m.Question.type == qtype)
            if text.strip():
                like = f"%{text.strip()}%"
                stmt = stmt.where(m.QuestionVersion.stem.like(like) | m.Question.id.like(like))
            return [
                QuestionRow(q.id, q.domain, q.type, q.difficulty, q.review, q.visibility, q.current_version, stem)
                for q, stem in s.execute(stmt).all()
            ]

    def question(self, qid: str) -> Question:
        found = self.current_questions([qid])
        if not found:
            from trainer.core.errors import NotFound

            raise NotFound(f"题目“{qid}”不存在")
        return found[0]

    def current_questions(self, ids: list[str] | None = None, *, domain: str | None = None, tag: str | None = None) -> list[Question]:
        """Current versions as core Questions, with their metadata."""
        with self.ctx.uow.read() as s:
            stmt = (
                select(m.Question, m.QuestionVersion.payload)
                .join(m.QuestionVersion, (m.QuestionVersion.question_id == m.Question.id) & (m.QuestionVersion.version_no == m.Question.current_version))
                .where(m.Question.review != "retired")
                .order_by(m.Question.domain, m.Question.id)
            )
            if ids is not None:
                stmt = stmt.where(m.Question.id.in_(ids))
            if domain:
                stmt = stmt.where(m.Question.domain == domain)
            result = [_to_core(row, payload) for row, payload in s.execute(stmt).all()]
        if tag:
            result = [q for q in result if tag in q.tags]
        return result


def _to_core(row: m.Question, payload: dict) -> Question:
    return Question.from_data(payload).with_meta(
        id=row.id,
        domain=row.domain,
        tags=tuple(row.tags or ()),
        section=row.section_id or "",
        review=row.review,
        visibility=row.visibility,
        historical=row.historical,
        group=row.group_name,
    )


def _rule_row(r: RuleDef) -> dict[str, Any]:
    return {
        "id": r.id, "name": r.name, "short": r.short, "issuer": r.issuer, "doc_number": r.doc_number, "kind": r.kind,
        "version": r.version, "adopted": r.adopted, "revised": r.revised, "effective": r.effective, "status": r.status,
        "superseded_by": r.superseded_by, "superseded_on": r.superseded_on, "note": r.note, "content_hash": r.content_hash,
    }


def _sync_rules(s: Any, rules: list[RuleDef]) -> int:
    if not rules:
        return 0
    existing = dict(s.execute(select(m.Rule.id, m.Rule.content_hash)).all())
    new = [_rule_row(r) for r in rules if r.id not in existing]
    changed = [_rule_row(r) for r in rules if r.id in existing and existing[r.id] != r.content_hash]
    if new:
        s.execute(insert(m.Rule), new)
    for row in changed:
        s.execute(update(m.Rule).where(m.Rule.id == row["id"]).values(**row))
    return len(new) + len(changed)


def _sync_chapters(s: Any, chapters: list[Chapter]) -> int:
    if not chapters:
        return 0
    existing = dict(s.execute(select(m.CoursewareSection.id, m.CoursewareSection.content_hash)).all())
    n = 0
    for c in chapters:
        row = {"id": c.id, "domain": c.domain, "title": c.title, "order": c.order, "rules": list(c.rules), "body": c.body, "content_hash": c.content_hash}
        if c.id not in existing:
            s.execute(insert(m.CoursewareSection), [row])
        elif existing[c.id] != c.content_hash:
            s.execute(update(m.CoursewareSection).where(m.CoursewareSection.id == c.id).values(**row))
        else:
            continue
        n += 1
    return n


_META = ("domain", "type", "difficulty", "review", "visibility", "historical", "tags", "section_id", "group_name")


def _meta(q: Question) -> dict[str, Any]:
    return {
        "domain": q.domain, "type": q.type.value, "difficulty": q.difficulty, "review": q.review,
        "visibility": q.visibility, "historical": q.historical, "tags": list(q.tags), "section_id": q.section or None,
        "group_name": q.group,
    }


def _sync_questions(s: Any, questions: list[Question], sources: dict[str, str], now: Any, review_unknown: set[str]) -> dict[str, int]:
    ids = [q.id for q in questions]
    existing: dict[str, Any] = {}
    for chunk in _chunks(ids, 900):
        stmt = (
            select(m.Question, m.QuestionVersion.content_hash)
            .join(m.QuestionVersion, (m.QuestionVersion.question_id == m.Question.id) & (m.QuestionVersion.version_no == m.Question.current_version))
            .where(m.Question.id.in_(chunk))
        )
        for row, content_hash in s.execute(stmt).all():
            existing[row.id] = (row, content_hash)
    new_q, new_v, new_rules, stale_rules = [], [], [], []
    counts = {"added": 0, "new_versions": 0, "metadata_updated": 0, "unchanged": 0}
    for q in questions:
        h = q.content_hash
        meta = _meta(q)
        if q.id not in existing:
            new_q.append({"id": q.id, "current_version": 1, "source": sources.get(q.id, ""), "created_at": now, "updated_at": now, **meta})
            new_v.append({"question_id": q.id, "version_no": 1, "content_hash": h, "stem": q.stem, "payload": q.to_data(), "created_at": now})
            new_rules += _rule_links(q)
            counts["added"] += 1
            continue
        row, old_hash = existing[q.id]
        old_meta = {k: getattr(row, k) for k in _META}
        if q.id in review_unknown and h == old_hash:
            meta["review"] = row.review
        if h != old_hash:
            previous = s.scalar(select(m.QuestionVersion.version_no).where(m.QuestionVersion.question_id == q.id, m.QuestionVersion.content_hash == h))
            version = previous or (s.scalar(select(func.max(m.QuestionVersion.version_no)).where(m.QuestionVersion.question_id == q.id)) or 0) + 1
            if previous is None:
                new_v.append({"question_id": q.id, "version_no": version, "content_hash": h, "stem": q.stem, "payload": q.to_data(), "created_at": now})
            s.execute(update(m.Question).where(m.Question.id == q.id).values(current_version=version, updated_at=now, **meta))
            stale_rules.append(q.id)
            new_rules += _rule_links(q)
            counts["new_versions"] += 1
        elif old_meta != meta:
            s.execute(update(m.Question).where(m.Question.id == q.id).values(updated_at=now, **meta))
            counts["metadata_updated"] += 1
        else:
            counts["unchanged"] += 1
    # Core executemany on the session's connection: the ORM's bulk machinery adds nothing for plain rows.
    conn = s.connection()
    if new_q:
        conn.execute(insert(m.Question.__table__), new_q)
    if new_v:
        conn.execute(insert(m.QuestionVersion.__table__), new_v)
    for chunk in _chunks(stale_rules, 900):
        conn.execute(delete(m.QuestionRule.__table__).where(m.QuestionRule.__table__.c.question_id.in_(chunk)))
    if new_rules:
        conn.execute(insert(m.QuestionRule.__table__), new_rules)
    return counts


def _rule_links(q: Question) -> list[dict[str, str]]:
    seen = set()
    out = []
    for b in q.basis:
        if (b.rule, b.article) not in seen:
            seen.add((b.rule, b.article))
            out.append({"question_id": q.id, "rule_id": b.rule, "article": b.article})
    return out


def _chunks(items: list, size: int) -> Any:
    for i in range(0, len(items), size):
        yield items[i : i + size]
