"""The rule registry: question_bank/rules/<rule-id>.yaml, one regulation or policy version per file."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from trainer.core.errors import Problem
from trainer.core.questions import ID_RE
from trainer.content.yamlio import YamlDoc, display_name, read_yaml

RULE_KEYS = {
    "id", "name", "short", "issuer", "doc_number", "kind", "version", "adopted", "revised", "effective",
    "status", "superseded_by", "superseded_on", "note",
}
KINDS = {"law", "regulation", "party-regulation", "rule", "normative", "standard", "local"}
STATUSES = {"current", "superseded"}


@dataclass(frozen=True)
class RuleDef:
    id: str
    name: str
    short: str = ""
    issuer: str = ""
    doc_number: str = ""
    kind: str = ""
    version: str = ""
    adopted: date | None = None
    revised: date | None = None
    effective: date | None = None
    status: str = "current"
    superseded_by: str | None = None
    superseded_on: date | None = None
    note: str = ""
    source: str = ""
    line: int | None = None

    @property
    def content_hash(self) -> str:
        data = {k: v for k, v in asdict(self).items() if k not in ("source", "line")}
        return hashlib.sha256(json.dumps(data, default=str, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:32]

    @property
    def citation(self) -> str:
        parts = [f"《{self.name}》"]
        if self.version:
            parts.append(f"（{self.version}）")
        return "".join(parts)


def load_rules(folder: Path, display_root: Path | None = None) -> tuple[dict[str, RuleDef], list[Problem]]:
    rules: dict[str, RuleDef] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        name = display_name(path, display_root)
        doc, errs = read_yaml(path, name)
        problems += errs
        if doc is None:
            continue
        rule, errs = parse_rule(doc, expected_id=path.stem)
        problems += errs
        if rule is None:
            continue
        if rule.id in rules:
            problems.append(Problem(doc.loc("id", field="id"), f"规则编号“{rule.id}”重复（另见 {rules[rule.id].source}）"))
            continue
        rules[rule.id] = rule
    problems += check_supersession(rules)
    return rules, problems


def parse_rule(doc: YamlDoc, expected_id: str | None = None) -> tuple[RuleDef | None, list[Problem]]:
    data = doc.data
    problems: list[Problem] = []

    def err(key: str, msg: str) -> None:
        problems.append(Problem(doc.loc(key, field=key, item=str(data.get("id", "")) if isinstance(data, dict) else ""), msg))

    if not isinstance(data, dict):
        return None, [Problem(doc.loc(), "规则文件应为映射（id、name、issuer……）")]
    for key in data:
        if key not in RULE_KEYS:
            err(str(key), f"未知字段“{key}”")
    rid = data.get("id")
    if not isinstance(rid, str) or not ID_RE.match(rid):
        err("id", f"规则编号“{rid}”无效")
    elif expected_id and rid != expected_id:
        err("id", f"规则编号“{rid}”应与文件名“{expected_id}.yaml”一致")
    for key in ("name", "issuer", "version"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            err(key, "必填，不能为空")
    kind = data.get("kind")
    if kind not in KINDS:
        err("kind", f"类别“{kind}”无效（{'/'.join(sorted(KINDS))}）")
    status = data.get("status", "current")
    if status not in STATUSES:
        err("status", f"状态“{status}”无效（current/superseded）")
    dates = {}
    for key in ("adopted", "revised", "effective", "superseded_on"):
        value = data.get(key)
        if value is None:
            dates[key] = None
        elif isinstance(value, date):
            dates[key] = value
        else:
            try:
                dates[key] = date.fromisoformat(str(value))
            except ValueError:
                err(key, f"日期“{value}”应写成 YYYY-MM-DD")
                dates[key] = None
    if status == "superseded" and not data.get("superseded_by"):
        err("superseded_by", "已失效的规则须写明被哪一规则取代（superseded_by）")
    if problems:
        return None, problems
    text = {k: str(data.get(k) or "").strip() for k in ("short", "doc_number", "note")}
    return (
        RuleDef(
            id=rid, name=data["name"].strip(), issuer=data["issuer"].strip(), kind=kind, version=data["version"].strip(),
            status=status, superseded_by=data.get("superseded_by"), source=doc.source, line=doc.line(),
            **text, **dates,
        ),
        [],
    )


def check_supersession(rules: dict[str, RuleDef]) -> list[Problem]:
    from trainer.core.errors import Location

    out = []
    for r in rules.values():
        if r.superseded_by and r.superseded_by not in rules:
            out.append(Problem(Location(r.source, r.line, "superseded_by", r.id), f"取代它的规则“{r.superseded_by}”未登记"))
        if r.superseded_by == r.id:
            out.append(Problem(Location(r.source, r.line, "superseded_by", r.id), "规则不能被自己取代"))
    return out

