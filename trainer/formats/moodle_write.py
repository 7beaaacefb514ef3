"""Moodle XML writer."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from trainer.core.questions import BLANK, DOMAIN_LABELS_ZH, LETTERS, Domain, QType, Question
from trainer.formats import html as H
from trainer.formats.base import ExportSummary
from trainer.formats.common import count, flatten_cases, lost_fields, review_note
from trainer.formats.gift_write import default_multiple_weights
from trainer.formats.layout import fmt_num, rubric_text
from trainer.formats.moodle_read import RUBRIC_MARK


def _text(parent: Element, tag: str, text: str, *, media: Mapping[str, bytes] | None = None,
          names: Sequence[str] = (), attrs: dict[str, str] | None = None) -> Element:
    el = SubElement(parent, tag, attrs or {})
    if H.is_rich(text):
        el.set("format", "html")
        for n in names:
            text = text.replace(f'src="{n}"', f'src="@@PLUGINFILE@@/{n}"')
    else:
        el.set("format", "plain_text")
    SubElement(el, "text").text = text
    for n in names:
        if media and n in media:
            f = SubElement(el, "file", {"name": n, "path": "/", "encoding": "base64"})
            f.text = base64.b64encode(media[n]).decode()
    return el


def _plain(parent: Element, tag: str, text: str) -> Element:
    el = SubElement(parent, tag)
    SubElement(el, "text").text = text
    return el


def _answer(parent: Element, text: str, fraction: float, *, extra: dict[str, str] | None = None) -> Element:
    a = SubElement(parent, "answer", {"fraction": fmt_num(round(fraction, 7))})
    a.set("format", "html" if H.is_rich(text) else "plain_text")
    SubElement(a, "text").text = text
    for k, v in (extra or {}).items():
        SubElement(a, k).text = v
    fb = SubElement(a, "feedback", {"format": "html"})
    SubElement(fb, "text").text = ""
    return a


def _cloze_stem(q: Question) -> str:
    parts = q.stem.split(BLANK)
    out = [parts[0]]
    weights = q.scoring.weight_map()
    for i, (b, rest) in enumerate(zip(q.key, parts[1:], strict=False), 1):
        def esc(t: str) -> str:
            return "".join("\\" + c if c in "}~#/\"\\" else c for c in t)
        if b.number is not None:
            body = f"{{1:NUMERICAL:={fmt_num(b.number)}:{fmt_num(b.tolerance)}}}"
        else:
            alts = [f"={esc(a)}" for a in b.accepted]
            alts += [f"%{fmt_num(v)}%{esc(k.split(':', 1)[1])}" for k, v in weights.items()
                     if k.startswith(f"{i}:") and k.split(":", 1)[1] not in b.accepted and v > 0]
            body = "{1:SHORTANSWER:" + "~".join(alts) + "}"
        out += [body, rest]
    return "".join(out)


def write_moodle(questions: Sequence[Question], *, title: str = "",
                 media: Mapping[str, bytes] | None = None) -> bytes:
    flat, _ = flatten_cases(questions)
    quiz = Element("quiz")
    current = None
    for q in flat:
        if q.domain != current:
            current = q.domain
            try:
                label = DOMAIN_LABELS_ZH[Domain(q.domain)]
            except ValueError:
                label = q.domain
            cat = SubElement(quiz, "question", {"type": "category"})
            path = f"$course$/top/{label.replace('/', '//')}" if label else "$course$/top"
            _plain(cat, "category", path)
        _question(quiz, q, media)
    indent(quiz, "  ")
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if title:
        head += f"<!-- {title.replace('--', '—')} -->\n"
    return (head + tostring(quiz, encoding="unicode") + "\n").encode("utf-8")


_KIND = {QType.SINGLE: "multichoice", QType.MULTIPLE: "multichoice", QType.JUDGE: "truefalse",
         QType.MATCHING: "matching", QType.ESSAY: "essay", QType.ORDERING: "ordering"}


def _kind(q: Question) -> str:
    if q.type == QType.FILL:
        if len(q.key) > 1:
            return "multianswer"
        return "numerical" if q.key[0].number is not None else "shortanswer"
    return _KIND[q.type]


def _question(quiz: Element, q: Question, media: Mapping[str, bytes] | None) -> None:
    kind = _kind(q)
    el = SubElement(quiz, "question", {"type": kind})
    _plain(el, "name", q.title or q.id or q.stem[:40])
    stem = _cloze_stem(q) if kind == "multianswer" else q.stem
    _text(el, "questiontext", stem, media=media, names=q.media)
    _text(el, "generalfeedback", q.explanation)
    SubElement(el, "defaultgrade").text = "1"
    SubElement(el, "penalty").text = "0.3333333"
    SubElement(el, "hidden").text = "0"
    SubElement(el, "idnumber").text = q.id
    if q.type in (QType.SINGLE, QType.MULTIPLE):
        SubElement(el, "single").text = "true" if q.type == QType.SINGLE else "false"
        SubElement(el, "shuffleanswers").text = "true"
        SubElement(el, "answernumbering").text = "ABCD"
        weights = q.scoring.weight_map()
        if q.type == QType.MULTIPLE and not weights:
            weights = default_multiple_weights(q)
        for letter, opt in zip(LETTERS, q.options, strict=False):
            w = 100.0 if q.type == QType.SINGLE and letter == q.key else weights.get(letter, 0.0)
            _answer(el, opt, w)
    elif q.type == QType.JUDGE:
        _answer(el, "true", 100 if q.key else 0)
        _answer(el, "false", 0 if q.key else 100)
    elif kind == "shortanswer":
        SubElement(el, "usecase").text = "0"
        b = q.key[0]
        for a in b.accepted:
            _answer(el, a, 100)
        for k, v in q.scoring.weights:
            if k.startswith("1:") and k[2:] not in b.accepted and v > 0:
                _answer(el, k[2:], v)
    elif kind == "numerical":
        b = q.key[0]
        _answer(el, fmt_num(b.number), 100, extra={"tolerance": fmt_num(b.tolerance)})
    elif q.type == QType.MATCHING:
        SubElement(el, "shuffleanswers").text = "true"
        used = {letter for _, letter in q.key}
        for n, letter in q.key:
            sq = _text(el, "subquestion", q.left[n - 1])
            _plain(sq, "answer", q.right[LETTERS.index(letter)])
        for letter, r in zip(LETTERS, q.right, strict=False):
            if letter not in used:
                sq = _text(el, "subquestion", "")
                _plain(sq, "answer", r)
    elif q.type == QType.ESSAY:
        SubElement(el, "responseformat").text = "editor"
        SubElement(el, "responserequired").text = "1"
        SubElement(el, "responsefieldlines").text = "15"
        SubElement(el, "attachments").text = "0"
        info = q.key or ""
        if q.rubric:
            info = f"{info}\n{RUBRIC_MARK}\n{rubric_text(q.rubric)}"
        _text(el, "graderinfo", info)
        _text(el, "responsetemplate", "")
    elif q.type == QType.ORDERING:
        for k, v in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                     ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"), ("numberingstyle", "none")):
            SubElement(el, k).text = v
        for i, letter in enumerate(q.key, 1):
            _answer(el, q.options[LETTERS.index(letter)], i)
    if q.tags:
        tags = SubElement(el, "tags")
        for t in q.tags:
            _plain(tags, "tag", t)


def moodle_summary(questions: Sequence[Question], media: Mapping[str, bytes] | None = None) -> ExportSummary:
    flat, lost = flatten_cases(questions)
    lost = lost_fields(flat, "Moodle XML", ["basis", "difficulty", "section", "visibility", "historical",
                                            "group"]) + lost
    if n := count(flat, lambda q: q.type == QType.ORDERING):
        lost.append(f"排序题的选项显示顺序：{n} 题（Moodle 排序题按正确顺序保存、作答时打乱）")
    if n := count(flat, lambda q: q.type == QType.MATCHING):
        lost.append(f"匹配题右列的顺序：{n} 题（Moodle 会打乱）")
    if n := count(flat, lambda q: q.type == QType.MULTIPLE and not q.scoring.weights):
        lost.append(f"多选题计分方式：Moodle 以选项权重计分，{n} 道全对得分的多选题导出为正确项均分、错误项扣分")
    if n := count(flat, lambda q: bool(q.scoring.mode) and not q.scoring.weights):
        lost.append(f"计分方式（{'/'.join(sorted({q.scoring.mode for q in flat if q.scoring.mode and not q.scoring.weights}))}）：{n} 题")
    if n := count(flat, lambda q: q.type == QType.FILL and any(b.number is not None and b.accepted for b in q.key)):
        lost.append(f"数值空的文字答案：{n} 题")
    if n := count(flat, lambda q: any(m not in (media or {}) for m in q.media)):
        lost.append(f"图片文件：{n} 题引用的图片未随附")
    return ExportSummary(len(flat), lost + review_note(questions))
