"""Import is all-or-nothing, idempotent and versioned, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from trainer.core.errors import ValidationError
from trainer.services.bank import BankService
from trainer.services.context import AppContext
from trainer.store import models as m


def _count(ctx: AppContext, model: type) -> int:
    with ctx.uow.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_import_then_reimport_changes_nothing(both_backends: None, ctx: AppContext, mini_bank: Path) -> None:
    service = BankService(ctx)
    first = service.import_paths([mini_bank])
    assert (first.added, first.new_versions, first.unchanged) == (3, 0, 0)
    assert first.rules_changed == 1 and first.chapters_changed == 1
    again = service.import_paths([mini_bank])
    assert (again.added, again.new_versions, again.metadata_updated, again.unchanged) == (0, 0, 0, 3)
    assert not again.changes.any()
    assert _count(ctx, m.QuestionVersion) == 3


def test_edited_item_becomes_a_new_version_and_old_version_is_kept(both_backends: None, ctx: AppContext, mini_bank: Path) -> None:
    service = BankService(ctx)
    service.import_paths([mini_bank])
    items = mini_bank / "hr" / "demo.yaml"
    items.write_text(items.read_text(encoding="utf-8").replace("示例单选题", "修改后的单选题"), encoding="utf-8")
    report = service.import_paths([mini_bank])
    assert (report.added, report.new_versions, report.unchanged) == (0, 1, 2)
    with ctx.uow.read() as s:
        versions = s.execute(select(m.QuestionVersion.version_no, m.QuestionVersion.stem).where(m.QuestionVersion.question_id == "hr-demo-001").order_by(m.QuestionVersion.version_no)).all()
        current = s.get(m.Question, "hr-demo-001").current_version
    assert [v.version_no for v in versions] == [1, 2] and current == 2
    assert "示例" in versions[0].stem and "修改后" in versions[1].stem


def test_metadata_change_is_not_a_new_version(both_backends: None, ctx: AppContext, mini_bank: Path) -> None:
    service = BankService(ctx)
    service.import_paths([mini_bank])
    items = mini_bank / "hr" / "demo.yaml"
    items.write_text(items.read_text(encoding="utf-8").replace("tags: [示例]", "tags: [示例, 新标签]"), encoding="utf-8")
    report = service.import_paths([mini_bank])
    assert (report.new_versions, report.metadata_updated) == (0, 1)


def test_any_error_imports_nothing(both_backends: None, ctx: AppContext, mini_bank: Path) -> None:
    (mini_bank / "hr" / "broken.yaml").write_text(
        "domain: hr\nsection: hr-demo\nitems:\n  - id: hr-broken-001\n    type: judge\n    stem: s\n    answer: maybe\n"
        "    explanation: e\n    basis: [{rule: demo-law}]\n    difficulty: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        BankService(ctx).import_paths([mini_bank])
    assert any("broken.yaml:7" in str(p) for p in info.value.problems)
    assert _count(ctx, m.Question) == 0 and _count(ctx, m.Rule) == 0


def test_skip_invalid_imports_the_rest(both_backends: None, ctx: AppContext, mini_bank: Path) -> None:
    (mini_bank / "hr" / "broken.yaml").write_text(
        "domain: hr\nsection: hr-demo\nitems:\n  - id: hr-broken-001\n    type: judge\n    stem: s\n    answer: maybe\n"
        "    explanation: e\n    basis: [{rule: demo-law}]\n    difficulty: 1\n",
        encoding="utf-8",
    )
    report = BankService(ctx).import_paths([mini_bank], skip_invalid=True)
    assert report.added == 3 and report.skipped == 1


def test_dry_run_changes_nothing(both_backends: None, ctx: AppContext, mini_bank: Path) -> None:
    report = BankService(ctx).import_paths([mini_bank], dry_run=True)
    assert report.added == 3 and report.dry_run
    assert _count(ctx, m.Question) == 0


def test_stats_counts_by_domain_type_and_rule(both_backends: None, ctx: AppContext, mini_bank: Path) -> None:
    service = BankService(ctx)
    service.import_paths([mini_bank])
    stats = service.stats().to_json()
    assert stats["total"] == 3
    assert stats["by_domain"] == {"hr": 3}
    assert stats["by_type"] == {"single": 1, "judge": 1, "fill": 1}
    assert stats["by_rule"] == {"demo-law": 3}
    assert stats["matrix"]["hr"]["single"] == {"2": 1}


def test_questions_round_trip_through_the_store(both_backends: None, ctx: AppContext, mini_bank: Path) -> None:
    from trainer.content.bank import load_bank

    service = BankService(ctx)
    service.import_paths([mini_bank])
    stored = {q.id: q for q in service.current_questions()}
    for q in load_bank([mini_bank]).questions:
        assert stored[q.id] == q
