"""Moodle XML reader: multichoice, truefalse, shortanswer, numerical, matching, essay, ordering and cloze
(multianswer) blanks; nested categories, hints, combined feedback, CDATA/HTML, embedded files."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import replace
from xml.etree.ElementTree import Element

from trainer.core.questions import BLANK, ID_RE, LETTERS, Blank, QType, Question, Scoring
from trainer.formats import html as H
from trainer.formats.base import ReadResult, Sink
from trainer.formats.common import (
    Entry, choice_from_weights, domain_code, fill_stem, finish, short_blank, validate_domain,
)
from trainer.formats.layout import parse_rubric
from trainer.formats.media import MediaCollector
from trainer.formats.safety import Refused, XmlDoc, child, children, descendants, parse_xml, text_of

RUBRIC_MARK = "【评分要点】"
_FMT = {"html": "html", "plain_text": "plain", "markdown": "markdown", "moodle_auto_format": "auto"}
_SKIP_CATS = {"$course$", "$system$", "$module$", "$cat1$", "$cat2$", "$cat3$", "top", ""}
SUPPORTED = {"multichoice", "truefalse", "shortanswer", "numerical", "matching", "essay", "ordering", "multianswer"}


def _truthy(s: str) -> bool:
    return s.strip().lower() in ("1", "true", "yes")


class _Q:
    """Reading one <question>: its files, texts and feedback lines."""

    def __init__(self, el: Element, sink: Sink, line: int | None, label: str, store: dict[str, bytes]):
        self.el, self.sink, self.line, self.label = el, sink, line, label
        files: dict[str, bytes] = {}
        for f in descendants(el, "file"):
            try:
                files[f.get("name", "")] = base64.b64decode((f.text or "").strip(), validate=False)
            except (binascii.Error, ValueError):
                sink.warning(f"附带文件“{f.get('name', '')}”数据损坏", line, label, "图片")
        self.media = MediaCollector(sink, lambda p: files.get(p.rsplit("/", 1)[-1]))
        self.media.store = store
        self.images: list[str] = []
        self.notes: list[str] = []

    def text(self, el: Element | None, fmt: str | None = None) -> str:
        if el is None:
            return ""
        raw = text_of(el, "text") if child(el, "text") is not None else (el.text or "")
        f = _FMT.get(fmt or el.get("format", "moodle_auto_format"), "auto")
        out, _ = H.clean(raw.strip(), f)
        if "<img" in out:
            out, names = self.media.rewrite(out, self.line, self.label)
            self.images.extend(n for n in names if n not in self.images)
        return out.strip()

    def note(self, prefix: str, el: Element | None) -> None:
        t = self.text(el)
        if t:
            self.notes.append(f"{prefix}：{t}")

    def answers(self) -> list[tuple[Element, float]]:
        out = []
        for a in children(self.el, "answer"):
            try:
                w = float(a.get("fraction", "0") or 0)
            except ValueError:
                w = 0.0
            out.append((a, w))
        return out


def read_moodle(data: bytes, source: str, *, domain: str | None = None) -> ReadResult:
    sink = Sink(source)
    dom = validate_domain(domain, sink)
    try:
        doc = parse_xml(data)
    except Refused as e:
        sink.error(str(e))
        return ReadResult([], sink.problems)
    root = doc.root
    if root.tag != "quiz":
        sink.error("不是 Moodle XML 题库（根元素应为 <quiz>）", doc.line(root))
        return ReadResult([], sink.problems)
    store: dict[str, bytes] = {}
    entries: list[Entry] = []
    cat_domain, cat_tags = "", ()
    n = 0
    for el in children(root, "question"):
        kind = el.get("type", "")
        line = doc.line(el)
        if kind == "category":
            path = text_of(el, "category/text") or text_of(el, "category")
            segs = [s.strip() for s in re.split(r"(?<!/)/(?!/)", path.strip())]
            segs = [s.replace("//", "/") for s in segs
                    if s.lower() not in _SKIP_CATS and not s.lower().startswith("default for")]
            cat_domain = next((c for c in (domain_code(s) for s in segs) if c), "")
            cat_tags = tuple(s for s in segs if domain_code(s) is None)
            continue
        n += 1
        name = text_of(el, "name/text").strip()
        label = f"第 {n} 题" + (f"（{name}）" if name else "")
        if kind == "description":
            sink.warning("说明文字（description），已跳过", line, label)
            sink.lose("Moodle 说明文字（description）")
            continue
        if kind not in SUPPORTED:
            sink.warning(f"不支持的 Moodle 题型“{kind}”，已跳过", line, label, "题型")
            sink.lose(f"Moodle 题型 {kind}")
            continue
        r = _Q(el, sink, line, label, store)
        q = _question(kind, r, doc)
        if q is None:
            continue
        idnumber = text_of(el, "idnumber").strip()
        sid = idnumber if ID_RE.match(idnumber) and len(idnumber) <= 64 else None
        if sid is None and ID_RE.match(name) and len(name) <= 64:
            sid = name
        title = "" if name in (sid, idnumber) else name
        tags = tuple(t for t in (text_of(tag, "text").strip() for tag in descendants(el, "tag")) if t)
        explanation = "\n".join([x for x in [r.text(child(el, "generalfeedback"))] if x] + r.notes)
        hints = [r.text(h) for h in children(el, "hint")]
        for i, h in enumerate([h for h in hints if h], 1):
            explanation += f"\n提示 {i}：{h}" if explanation else f"提示 {i}：{h}"
        q = replace(q, title=title, tags=cat_tags + tuple(t for t in tags if t not in cat_tags),
                    domain=cat_domain, explanation=explanation, media=tuple(r.images))
        entries.append(Entry(q, line, label, sid))
    result = finish(entries, sink, domain=dom)
    result.media = store
    return result


def _question(kind: str, r: _Q, doc: XmlDoc) -> Question | None:
    el = r.el

    def err(m: str) -> None:
        r.sink.error(m, r.line, r.label, "答案")

    def warn(m: str) -> None:
        r.sink.warning(m, r.line, r.label, "答案")

    stem = r.text(child(el, "questiontext"))
    if kind == "multichoice":
        answers = r.answers()
        options = [r.text(a) for a, _ in answers]
        for i, (a, _) in enumerate(answers[: len(LETTERS)]):
            r.note(f"选项 {LETTERS[i]}", child(a, "feedback"))
        _combined(r)
        single = _truthy(text_of(el, "single") or "true")
        got = choice_from_weights(options, [w for _, w in answers], single, err, warn)
        if got is None:
            return None
        return Question(id="", type=got[0], stem=stem, options=tuple(options), key=got[1], scoring=got[2])
    if kind == "truefalse":
        key = None
        for a, w in r.answers():
            value = r.text(a, "plain").strip().lower()
            r.note("“正确”" if value == "true" else "“错误”", child(a, "feedback"))
            if w >= 100 or (w > 0 and key is None):
                key = value == "true"
        if key is None:
            err("判断题没有正确答案")
            return None
        return Question(id="", type=QType.JUDGE, stem=stem, key=key)
    if kind == "shortanswer":
        if _truthy(text_of(el, "usecase") or "0"):
            warn("原题区分大小写（usecase=1），本系统填空不区分大小写")
            r.sink.lose("简答题的区分大小写设置（usecase）")
        alts = []
        for a, w in r.answers():
            t = r.text(a, "plain")
            r.note(f"“{t}”", child(a, "feedback"))
            alts.append((t, w))
        got = short_blank(alts)
        if got is None:
            err("简答题没有得分的答案")
            return None
        return Question(id="", type=QType.FILL, stem=fill_stem(stem), key=(got[0],), scoring=got[1])
    if kind == "numerical":
        found = []
        for a, w in r.answers():
            t = r.text(a, "plain").strip()
            r.note(f"“{t}”", child(a, "feedback"))
            if t in ("", "*"):
                continue
            try:
                found.append((w, float(t), abs(float(text_of(a, "tolerance") or 0))))
            except ValueError:
                err(f"“{t}”不是数字")
                return None
        if children(el, "units") and descendants(el, "unit"):
            r.sink.lose("数值题的单位（units）")
        if not found:
            err("数值题没有答案")
            return None
        best = max(found, key=lambda x: x[0])
        if any(f != best and f[0] > 0 for f in found):
            warn("数值题的部分得分答案未导入")
            r.sink.lose("数值题的部分得分答案")
        return Question(id="", type=QType.FILL, stem=fill_stem(stem), key=(Blank((), best[1], best[2]),))
    if kind == "matching":
        left, right, pairs = [], [], []
        for sq in children(el, "subquestion"):
            lt = r.text(sq)
            rt = H.clean(text_of(sq, "answer/text").strip(), "auto")[0]
            if rt not in right:
                right.append(rt)
            if lt:
                left.append(lt)
                idx = right.index(rt)
                pairs.append((len(left), LETTERS[idx] if idx < len(LETTERS) else "?"))
        _combined(r)
        return Question(id="", type=QType.MATCHING, stem=stem, left=tuple(left), right=tuple(right), key=tuple(pairs))
    if kind == "essay":
        info = r.text(child(el, "graderinfo"))
        rubric = ()
        if RUBRIC_MARK in info:
            info, _, rub = info.partition(RUBRIC_MARK)
            try:
                rubric = parse_rubric(rub.strip())
            except ValueError as e:
                warn(str(e))
            info = info.rstrip("\n")
        return Question(id="", type=QType.ESSAY, stem=stem, key=info, rubric=rubric)
    if kind == "ordering":
        answers = r.answers()
        if all(w > 0 for _, w in answers) and len({w for _, w in answers}) == len(answers):
            answers = sorted(answers, key=lambda x: x[1])
        options = tuple(r.text(a) for a, _ in answers)
        _combined(r)
        return Question(id="", type=QType.ORDERING, stem=stem, options=options,
                        key=tuple(LETTERS[: len(options)]))
    return _cloze(stem, r, err)


def _combined(r: _Q) -> None:
    for tag, prefix in (("correctfeedback", "答对时"), ("partiallycorrectfeedback", "部分正确时"),
                        ("incorrectfeedback", "答错时")):
        r.note(prefix, child(r.el, tag))


_CLOZE = re.compile(r"\{(\d*):(SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC|NUMERICAL|NM):((?:\\.|[^}])*)\}")


def _cloze(stem: str, r: _Q, err) -> Question | None:  # type: ignore[no-untyped-def]
    """Moodle cloze (multianswer) with short-answer and numerical blanks → a fill question."""
    blanks: list[Blank] = []
    weights: list[tuple[str, float]] = []
    bad = re.search(r"\{\d*:(MULTICHOICE|MC|MCV|MCH|MULTIRESPONSE|MR|MCS|MCVS|MCHS)\w*:", stem)
    if bad:
        err("完形填空中的选择子题不支持")
        r.sink.lose("Moodle 完形填空中的选择子题")
        return None

    def repl(m: re.Match[str]) -> str:
        kind, body = m.group(2), m.group(3)
        alts: list[tuple[str, float]] = []
        for part in re.split(r"(?<!\\)~", body):
            if not part:
                continue
            w = 0.0
            if part.startswith("="):
                w, part = 100.0, part[1:]
            mw = re.match(r"^%(-?\d+(?:\.\d+)?)%", part)
            if mw:
                w, part = float(mw.group(1)), part[mw.end():]
            text = re.split(r"(?<!\\)#", part, maxsplit=1)[0]
            alts.append((re.sub(r"\\(.)", r"\1", text).strip(), w))
        if kind in ("NUMERICAL", "NM"):
            best = max(alts, key=lambda a: a[1])
            v, _, t = best[0].partition(":")
            blanks.append(Blank((), float(v), abs(float(t or 0))))
        else:
            got = short_blank(alts, len(blanks) + 1)
            if got is None:
                raise ValueError("完形填空的空没有得分答案")
            blanks.append(got[0])
            weights.extend(got[1].weights)
        return BLANK

    try:
        body = _CLOZE.sub(repl, stem)
    except ValueError as e:
        err(str(e))
        return None
    if not blanks:
        err("完形填空中没有可识别的空")
        return None
    return Question(id="", type=QType.FILL, stem=body, key=tuple(blanks),
                    scoring=Scoring("weights", tuple(weights)) if weights else Scoring())
