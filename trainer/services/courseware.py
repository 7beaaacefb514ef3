"""Courseware reading: the chapter list and a chapter rendered with its rules and items."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from trainer.core.questions import DOMAIN_LABELS_ZH, TYPE_LABELS_ZH, Domain, QType
from trainer.services.context import AppContext
from trainer.store import models as m


@dataclass(frozen=True)
class ChapterEntry:
    id: str
    domain: str
    title: str
    order: int
    items: int


class CoursewareService:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def chapters(self) -> list[ChapterEntry]:
        with self.ctx.uow.read() as s:
            counts: dict[str, int] = {}
            for sid in s.scalars(select(m.Question.section_id).where(m.Question.review != "retired", m.Question.visibility == "practice")):
                counts[sid] = counts.get(sid, 0) + 1
            rows = s.scalars(select(m.CoursewareSection)).all()
            order = {d.value: i for i, d in enumerate(Domain)}
            rows = sorted(rows, key=lambda r: (order.get(r.domain, 99), r.order, r.id))
            return [ChapterEntry(r.id, r.domain, r.title, r.order, counts.get(r.id, 0)) for r in rows]

    def chapter_html(self, chapter_id: str, *, font_px: int = 18) -> str:
        from trainer.content.render import ItemLink, render_chapter

        with self.ctx.uow.read() as s:
            c = s.get(m.CoursewareSection, chapter_id)
            if c is None:
                from trainer.core.errors import NotFound

                raise NotFound(f"课件章节“{chapter_id}”不存在")
            rules = s.scalars(select(m.Rule).where(m.Rule.id.in_(c.rules or []))).all()
            by_id = {r.id: r for r in rules}
            rule_lines = [
                (f"《{by_id[r].name}》", "，".join(x for x in (by_id[r].version, by_id[r].doc_number, "已失效" if by_id[r].status == "superseded" else "") if x))
                for r in (c.rules or []) if r in by_id
            ]
            items = s.execute(
                select(m.Question.id, m.Question.type, m.QuestionVersion.stem)
                .join(m.QuestionVersion, (m.QuestionVersion.question_id == m.Question.id) & (m.QuestionVersion.version_no == m.Question.current_version))
                .where(m.Question.section_id == chapter_id, m.Question.review != "retired", m.Question.visibility == "practice")
                .order_by(m.Question.id)
            ).all()
            links = [ItemLink(i.id, TYPE_LABELS_ZH[QType(i.type)], i.stem) for i in items]
            return render_chapter(
                title=c.title, domain_label=DOMAIN_LABELS_ZH.get(Domain(c.domain), c.domain), body=c.body, rules=rule_lines, items=links, font_px=font_px
            )
