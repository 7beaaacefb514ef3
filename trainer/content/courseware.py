"""Courseware chapters: courseware/<domain>/<NN>-<slug>.md, Markdown with YAML front matter."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from trainer.core.errors import Location, Problem
from trainer.core.questions import ID_RE, Domain
from trainer.content.yamlio import display_name, parse_yaml

PROCEDURE_HEADINGS = ("适用对象", "办理条件", "所需材料", "办理流程", "办理时限", "常见问题", "法规依据")
FRONT_KEYS = {"id", "title", "domain", "order", "rules", "kind"}
_H2 = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    domain: str
    order: int
    rules: tuple[str, ...]
    body: str
    source: str = ""
    kind: str = "procedure"  # procedure | overview

    @property
    def content_hash(self) -> str:
        blob = "\x1f".join([self.id, self.title, self.domain, str(self.order), ",".join(self.rules), self.body])
        return hashlib.sha256(blob.encode()).hexdigest()[:32]

    @property
    def headings(self) -> list[str]:
        return _H2.findall(self.body)


def load_courseware(folder: Path, display_root: Path | None = None) -> tuple[list[Chapter], list[Problem]]:
    chapters: list[Chapter] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*/*.md")):
        name = display_name(path, display_root)
        chapter, errs = parse_chapter(path.read_text(encoding="utf-8"), name)
        problems += errs
        if chapter is None:
            continue
        if chapter.id in seen:
            problems.append(Problem(Location(name, 2, "id", chapter.id), f"章节编号重复（另见 {seen[chapter.id]}）"))
            continue
        if path.parent.name != chapter.domain:
            problems.append(Problem(Location(name, None, "domain", chapter.id), f"章节应放在 courseware/{chapter.domain}/ 下"))
        seen[chapter.id] = name
        chapters.append(chapter)
    return chapters, problems


def parse_chapter(text: str, source: str) -> tuple[Chapter | None, list[Problem]]:
    if not text.startswith("---"):
        return None, [Problem(Location(source, 1), "缺少 YAML 头部（以 --- 开始的 id/title/domain/order/rules）")]
    end = text.find("\n---", 3)
    if end < 0:
        return None, [Problem(Location(source, 1), "YAML 头部没有结束的 ---")]
    doc, errs = parse_yaml(text[3:end], source)
    if doc is None:
        return None, errs
    front = doc.data if isinstance(doc.data, dict) else {}
    body = text[end + 4 :].lstrip("\n")
    body_line = text[: end + 4].count("\n") + 1
    problems: list[Problem] = []

    def err(key: str, msg: str, line: int | None = None) -> None:
        problems.append(Problem(Location(source, line or doc.line(key), key, str(front.get("id", ""))), msg))

    for key in front:
        if key not in FRONT_KEYS:
            err(str(key), f"未知字段“{key}”")
    cid = front.get("id")
    if not isinstance(cid, str) or not ID_RE.match(cid):
        err("id", f"章节编号“{cid}”无效")
    if not isinstance(front.get("title"), str) or not front["title"].strip():
        err("title", "标题必填")
    if front.get("domain") not in {d.value for d in Domain}:
        err("domain", f"领域代码“{front.get('domain')}”无效")
    order = front.get("order")
    if isinstance(order, bool) or not isinstance(order, int):
        err("order", "order 应为整数")
    rules = front.get("rules") or []
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        err("rules", "rules 应为规则编号列表")
        rules = []
    headings = _H2.findall(body)
    kind = front.get("kind") or ("procedure" if any(h in PROCEDURE_HEADINGS for h in headings) else "overview")
    if kind not in ("procedure", "overview"):
        err("kind", "kind 应为 procedure 或 overview")
    if kind == "procedure":
        present = [h for h in headings if h in PROCEDURE_HEADINGS]
        if present != list(PROCEDURE_HEADINGS):
            missing = [h for h in PROCEDURE_HEADINGS if h not in present]
            what = f"缺少：{'、'.join(missing)}" if missing else "顺序不对"
            err("body", f"办事类章节须依次有二级标题 {'、'.join(PROCEDURE_HEADINGS)}（{what}）", body_line)
    if not body.strip():
        err("body", "正文为空", body_line)
    if problems:
        return None, problems
    return Chapter(cid, front["title"].strip(), front["domain"], order, tuple(rules), body, source, kind), []
