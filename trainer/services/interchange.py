"""Import and export through every format: native YAML here, the others through trainer.formats."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from trainer.content.bank import Bank, load_bank  # noqa: F401 - Bank for type hints
from trainer.content.yamlio import dump_yaml
from trainer.core.errors import Location, Problem, ValidationError
from trainer.core.questions import Domain, Question
from trainer.services.bank import BankService, ImportReport
from trainer.services.context import AppContext
from trainer.store import models as m


@dataclass(frozen=True)
class ExportResult:
    count: int
    lost: tuple[str, ...] = ()


class InterchangeService:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx
        self.bank = BankService(ctx)

    def preview(self, paths: list[Path], *, fmt: str = "auto", domain: str | None = None, quality: bool = True) -> Bank:
        """Read files without touching the database: questions plus every located problem (with
        `quality`, also near-duplicate warnings)."""
        yaml_paths = [p for p in paths if _format_of(p, fmt) == "yaml"]
        with self.ctx.uow.read() as s:
            known_rules = dict(s.execute(select(m.Rule.id, m.Rule.status)).all())
            known_sections = dict(s.execute(select(m.CoursewareSection.id, m.CoursewareSection.domain)).all())
        # Always with the bundled rule registry and courseware, so items may cite them in any database.
        bank = load_bank(yaml_paths, whole_bank=False, quality=quality, known_rules=known_rules, known_sections=known_sections)
        for path in paths:
            code = _format_of(path, fmt)
            if code == "yaml":
                continue
            self._read_foreign(bank, path, code, domain)
        if domain:
            bank.questions = [q if q.domain else q.with_meta(domain=domain) for q in bank.questions]
        self._check_references(bank)
        return bank

    def import_files(
        self, paths: list[Path], *, fmt: str = "auto", domain: str | None = None, dry_run: bool = False, skip_invalid: bool = False
    ) -> ImportReport:
        if domain is not None and domain not in {d.value for d in Domain}:
            raise ValidationError(f"--domain：领域代码“{domain}”无效（hr/health/housing/petition/community）")
        bank = self.preview(paths, fmt=fmt, domain=domain, quality=False)
        report = self.bank.import_bank(bank, dry_run=dry_run, skip_invalid=skip_invalid, source_for=bank.locations)
        if bank.media and not dry_run:
            self._keep_media(bank.media)
        return report

    def _keep_media(self, media: dict[str, bytes]) -> None:
        """Images that came with imported questions, kept in the data directory by name."""
        folder = self.ctx.settings.data_dir / "media"
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in media.items():
            target = folder / Path(name).name
            if not target.exists() or target.read_bytes() != data:
                target.write_bytes(data)

    def _read_foreign(self, bank: Bank, path: Path, code: str, domain: str | None) -> None:
        from trainer.formats import registry

        if not path.is_file():
            bank.problems.append(Problem(Location(str(path)), "文件不存在"))
            return
        try:
            result = registry.read_path(path, format=code, domain=domain)
        except ValidationError as exc:
            bank.problems += exc.problems
            return
        bank.files.append(str(path))
        bank.problems += result.problems
        bank.media.update(result.media)
        for q in result.questions:
            bank.questions.append(q)
            bank.review_unknown.add(q.id)
            bank.locations.setdefault(q.id, Location(str(path), None, "", q.id))

    def _check_references(self, bank: Bank) -> None:
        """Items from any format may only cite rules and sections the bank (or these files) know."""
        with self.ctx.uow.read() as s:
            known_rules = set(s.scalars(select(m.Rule.id))) | set(bank.rules)
            known_sections = set(s.scalars(select(m.CoursewareSection.id))) | set(bank.chapters)
        for q in bank.questions:
            loc = bank.locations.get(q.id, Location(item=q.id))
            if not q.domain:
                bank.problems.append(Problem(replace(loc, field="domain"), "缺少领域：请在文件中写明，或用 --domain 指定"))
            for b in q.basis:
                if b.rule not in known_rules:
                    bank.problems.append(Problem(replace(loc, field="basis"), f"依据的规则“{b.rule}”未登记"))
            if q.section and q.section not in known_sections:
                bank.problems.append(Problem(replace(loc, field="section"), f"课件章节“{q.section}”不存在"))

    def export(self, output: Path, *, fmt: str, domain: str | None = None, tag: str | None = None) -> ExportResult:
        questions = self.bank.current_questions(domain=domain, tag=tag)
        if fmt == "yaml":
            output.write_text(questions_to_yaml(questions), encoding="utf-8")
            return ExportResult(len(questions))
        from trainer.formats import registry

        writer = registry.get(fmt)
        data = writer.write(questions)
        output.write_bytes(data)
        summary = writer.export_summary(questions)
        return ExportResult(summary.count, tuple(summary.lost))


def _format_of(path: Path, fmt: str) -> str:
    if fmt != "auto":
        return fmt
    if path.is_dir() or path.suffix.lower() in (".yaml", ".yml"):
        return "yaml"
    return "auto"


def questions_to_yaml(questions: list[Question]) -> str:
    """Native YAML that `trainer bank import` reads back unchanged (one file, items naming their domain)."""
    return dump_yaml({"items": [question_to_yaml_data(q) for q in questions]})


def question_to_yaml_data(q: Question) -> dict:
    from trainer.core.questions import QType, canonical_value, key_to_data

    d: dict = {"id": q.id, "domain": q.domain, "type": q.type.value, "stem": q.stem}
    if q.title:
        d["title"] = q.title
    if q.options:
        d["options"] = list(q.options)
    if q.type == QType.MATCHING:
        d["left"], d["right"] = list(q.left), list(q.right)
    if q.type == QType.CASE:
        d["sub"] = [_sub_data(s) for s in q.sub]
    elif q.type == QType.FILL:
        d["answer"] = key_to_data(q.type, q.key)
    elif q.type == QType.JUDGE:
        d["answer"] = bool(q.key)
    else:
        d["answer"] = canonical_value(q.type, q.key)
    if q.rubric:
        d["rubric"] = [{"point": r.point, "percent": r.percent} for r in q.rubric]
    d["explanation"] = q.explanation
    d["basis"] = [{"rule": b.rule, "article": b.article} for b in q.basis]
    d["difficulty"] = q.difficulty
    if q.tags:
        d["tags"] = list(q.tags)
    d["section"] = q.section
    d["review"], d["visibility"] = q.review, q.visibility
    if q.historical:
        d["historical"] = True
    if q.group:
        d["group"] = q.group
    if q.scoring.mode:
        d["scoring"] = {"weights": dict(q.scoring.weights)} if q.scoring.mode == "weights" else q.scoring.mode
    if q.media:
        d["media"] = list(q.media)
    return d


def _sub_data(s: Question) -> dict:
    from trainer.core.questions import QType, canonical_value, key_to_data

    d: dict = {"type": s.type.value, "stem": s.stem}
    if s.options:
        d["options"] = list(s.options)
    if s.type == QType.FILL:
        d["answer"] = key_to_data(s.type, s.key)
    elif s.type == QType.JUDGE:
        d["answer"] = bool(s.key)
    else:
        d["answer"] = canonical_value(s.type, s.key)
    d["explanation"] = s.explanation
    return d


def write_template(output: Path) -> None:
    from trainer.formats import registry

    output.write_bytes(registry.get("xlsx").template())  # type: ignore[attr-defined]
