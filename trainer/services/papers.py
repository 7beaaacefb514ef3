"""Papers: assemble from a blueprint against the bank, pin item versions, describe as JSON."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from trainer.core.assembly import AssemblyIndex, ItemInfo, PaperForm, assemble
from trainer.core.blueprint import Blueprint, blueprint_to_data, parse_blueprint
from trainer.core.errors import Location, NotFound, Problem, ValidationError
from trainer.core.neardup import cluster_near_duplicates
from trainer.core.questions import LETTERS, QType, Question, canonical_value
from trainer.services.context import AppContext
from trainer.store import models as m

PAPER_FORMAT = "trainer-paper/1"


@dataclass(frozen=True)
class PaperItemDTO:
    position: int
    id: str
    type: str
    domain: str
    points: float
    version: str  # content hash: the version this paper pins


@dataclass(frozen=True)
class PaperDTO:
    paper_id: int
    title: str
    seed: str
    form: int
    duration_minutes: float
    pass_rule: dict[str, Any]
    options: dict[str, Any]
    content_hash: str
    items: tuple[PaperItemDTO, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": PAPER_FORMAT,
            "paper_id": self.paper_id,
            "title": self.title,
            "seed": self.seed,
            "form": self.form,
            "duration_minutes": self.duration_minutes,
            "pass": self.pass_rule,
            "options": self.options,
            "content_hash": self.content_hash,
            "max_score": round(sum(i.points for i in self.items), 2),
            "items": [
                {"position": i.position, "id": i.id, "type": i.type, "domain": i.domain, "points": i.points, "version": i.version}
                for i in self.items
            ],
        }


def load_blueprint_file(path: Path) -> Blueprint:
    from trainer.content.yamlio import read_yaml

    doc, problems = read_yaml(path)
    if doc is None:
        raise ValidationError(problems)
    return parse_blueprint(doc.data, str(path))


def paper_items_from_json(data: Any, source: str) -> tuple[str, list[tuple[str, str]]]:
    """(content hash, [(item id, version)]) from a paper JSON file, or a located error."""
    if not isinstance(data, dict) or data.get("format") != PAPER_FORMAT or not isinstance(data.get("items"), list):
        raise ValidationError([Problem(Location(source), f"不是 trainer 试卷文件（缺少 format: {PAPER_FORMAT} 或 items）")])
    pairs = []
    for i, item in enumerate(data["items"]):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("version"), str):
            raise ValidationError([Problem(Location(source, field=f"items[{i}]"), "试题条目应含 id 与 version")])
        pairs.append((item["id"], item["version"]))
    return str(data.get("content_hash", "")), pairs


class PaperService:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def build(self, blueprint: Blueprint, *, seed: int | str, forms: int = 1, exclude_ids: tuple[str, ...] = (), mode: str = "exam") -> list[PaperDTO]:
        """Assemble `forms` parallel papers and store them, each item pinned to its current version."""
        from trainer.services.bank import BankService

        questions = [q for q in BankService(self.ctx).current_questions() if q.review in blueprint.review]
        clusters = cluster_near_duplicates({q.id: q.stem + "".join(q.options) for q in questions})
        index = AssemblyIndex(ItemInfo.from_question(q, clusters.get(q.id, "")) for q in questions)
        papers = assemble(index, blueprint, seed=seed, forms=forms, exclude_ids=exclude_ids, mode=mode)  # type: ignore[arg-type]
        with self.ctx.uow() as s:
            bp_row = _store_blueprint(s, blueprint)
            return [_store_paper(s, bp_row, blueprint, paper) for paper in papers]

    def get(self, paper_id: int) -> PaperDTO:
        with self.ctx.uow.read() as s:
            return _paper_dto(s, paper_id)

    def resolve(self, data: Any, source: str = "paper.json") -> PaperDTO:
        """The stored paper a JSON file describes (matched by content); stored anew if this database lacks it."""
        content_hash, pairs = paper_items_from_json(data, source)
        with self.ctx.uow() as s:
            row = s.scalar(select(m.Paper).where(m.Paper.content_hash == content_hash)) if content_hash else None
            if row is not None:
                return _paper_dto(s, row.id)
            versions = {}
            for qid, version in pairs:
                v = s.scalar(select(m.QuestionVersion).where(m.QuestionVersion.question_id == qid, m.QuestionVersion.content_hash == version))
                if v is None:
                    raise NotFound(f"{source}：题库中没有题目“{qid}”的这一版本（{version[:8]}），无法复原试卷")
                versions[qid] = v.id
            paper = m.Paper(
                title=str(data.get("title", "")), seed=str(data.get("seed", "")), form_no=int(data.get("form", 1)),
                duration_s=int(float(data.get("duration_minutes", 90)) * 60), pass_rule=dict(data.get("pass") or {}),
                options=dict(data.get("options") or {}), content_hash=content_hash or _hash(pairs),
            )
            s.add(paper)
            s.flush()
            for i, item in enumerate(data["items"]):
                s.add(m.PaperItem(paper_id=paper.id, position=i + 1, question_version_id=versions[item["id"]], points=float(item.get("points", 1))))
            s.flush()
            return _paper_dto(s, paper.id)

    def questions(self, paper_id: int) -> list[tuple[PaperItemDTO, Question]]:
        """The pinned versions of a paper's items, in paper order."""
        with self.ctx.uow.read() as s:
            return paper_questions(s, paper_id)

    def show(self, paper_id: int, *, with_key: bool = False) -> dict[str, Any]:
        dto = self.get(paper_id)
        items = []
        for item, q in self.questions(paper_id):
            items.append(question_for_candidate(q, item, with_key=with_key))
        return dto.to_json() | {"items": items}


def question_for_candidate(q: Question, item: PaperItemDTO, *, with_key: bool) -> dict[str, Any]:
    """An item as shown on a paper (options lettered in bank order); the key only when asked for."""
    d: dict[str, Any] = {
        "position": item.position, "id": q.id, "type": q.type.value, "domain": q.domain, "points": item.points,
        "version": item.version, "stem": q.stem,
    }
    if q.options:
        d["options"] = {LETTERS[i]: text for i, text in enumerate(q.options)}
    if q.type == QType.MATCHING:
        d["left"] = {str(i + 1): text for i, text in enumerate(q.left)}
        d["right"] = {LETTERS[i]: text for i, text in enumerate(q.right)}
    if q.type == QType.FILL:
        d["blanks"] = len(q.key)
    if q.type == QType.CASE:
        d["sub"] = []
        for n, sub in enumerate(q.sub, 1):
            sd: dict[str, Any] = {"id": f"{q.id}.{n}", "type": sub.type.value, "stem": sub.stem}
            if sub.options:
                sd["options"] = {LETTERS[i]: text for i, text in enumerate(sub.options)}
            if sub.type == QType.FILL:
                sd["blanks"] = len(sub.key)
            if with_key:
                sd["answer"] = canonical_value(sub.type, sub.key)
            d["sub"].append(sd)
    if q.type == QType.ESSAY and with_key:
        d["rubric"] = [{"point": r.point, "percent": r.percent} for r in q.rubric]
    if with_key and q.type != QType.CASE:
        d["answer"] = canonical_value(q.type, q.key)
    if with_key:
        d["explanation"] = q.explanation
    return d


def paper_questions(s: Session, paper_id: int) -> list[tuple[PaperItemDTO, Question]]:
    rows = s.execute(
        select(m.PaperItem, m.QuestionVersion, m.Question.domain)
        .join(m.QuestionVersion, m.QuestionVersion.id == m.PaperItem.question_version_id)
        .join(m.Question, m.Question.id == m.QuestionVersion.question_id)
        .where(m.PaperItem.paper_id == paper_id)
        .order_by(m.PaperItem.position)
    ).all()
    out = []
    for item, version, domain in rows:
        q = Question.from_data(version.payload).with_meta(id=version.question_id, domain=domain)
        out.append((PaperItemDTO(item.position, q.id, q.type.value, domain, item.points, version.content_hash), q))
    return out


def _paper_dto(s: Session, paper_id: int) -> PaperDTO:
    paper = s.get(m.Paper, paper_id)
    if paper is None:
        raise NotFound(f"试卷 {paper_id} 不存在")
    items = tuple(item for item, _ in paper_questions(s, paper_id))
    return PaperDTO(
        paper.id, paper.title, paper.seed, paper.form_no, paper.duration_s / 60, dict(paper.pass_rule), dict(paper.options), paper.content_hash, items
    )


def _hash(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()[:32]


def _store_blueprint(s: Session, bp: Blueprint) -> m.Blueprint:
    data = blueprint_to_data(bp)
    h = _hash(data)
    row = s.scalar(select(m.Blueprint).where(m.Blueprint.content_hash == h))
    if row is None:
        row = m.Blueprint(name=bp.name, data=data, content_hash=h)
        s.add(row)
        s.flush()
    return row


def _store_paper(s: Session, bp_row: m.Blueprint, bp: Blueprint, paper: PaperForm) -> PaperDTO:
    pairs = [(i.item_id, i.version) for i in paper.items]
    content_hash = _hash({"blueprint": bp_row.content_hash, "seed": str(paper.seed), "form": paper.form, "items": pairs})
    existing = s.scalar(select(m.Paper).where(m.Paper.content_hash == content_hash))
    if existing is not None:  # same bank, blueprint and seed: the same paper
        return _paper_dto(s, existing.id)
    version_ids = dict(
        s.execute(
            select(m.QuestionVersion.question_id, m.QuestionVersion.id).where(
                m.QuestionVersion.question_id.in_([i.item_id for i in paper.items]),
                m.QuestionVersion.content_hash.in_([i.version for i in paper.items]),
            )
        ).all()
    )
    options = {
        "shuffle_items": paper.shuffle_items,
        "shuffle_options": paper.shuffle_options,
        "multiple_rule": bp.rule_for(QType.MULTIPLE),
        "ordering_rule": bp.rule_for(QType.ORDERING),
    }
    pass_rule = {"total_percent": bp.pass_rule.total_percent, "each_domain_percent": bp.pass_rule.each_domain_percent}
    title = bp.name if paper.form == 0 else f"{bp.name}（{LETTERS[paper.form % 8]}卷）"
    row = m.Paper(
        blueprint_id=bp_row.id, title=title, seed=str(paper.seed), form_no=paper.form + 1, duration_s=int(bp.duration_minutes * 60),
        pass_rule=pass_rule, options=options, content_hash=content_hash,
    )
    s.add(row)
    s.flush()
    s.add_all(
        m.PaperItem(paper_id=row.id, position=i + 1, question_version_id=version_ids[item.item_id], points=item.points)
        for i, item in enumerate(paper.items)
    )
    s.flush()
    return _paper_dto(s, row.id)
