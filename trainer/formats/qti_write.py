"""QTI 2.1 writer: a content package (zip: imsmanifest.xml, one item file per question, an assessmentTest)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from xml.etree.ElementTree import Element, ParseError, SubElement, fromstring, indent, register_namespace, tostring

from trainer.core.questions import BLANK, LETTERS, QType, Question
from trainer.formats import html as H
from trainer.formats.base import ExportSummary
from trainer.formats.common import count, flatten_cases, lost_fields, review_note
from trainer.formats.layout import fmt_num

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
SCHEMA = f"{NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
MATCH = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"
MAP = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _sub(parent: Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> Element:
    e = SubElement(parent, _q(tag), attrs or {})
    if text is not None:
        e.text = text
    return e


def _fill_html(parent: Element, text: str) -> None:
    """Put stored text (plain or sanitised HTML) into an XHTML parent."""
    if H.is_rich(text):
        xhtml = re.sub(r"<(br|img)([^>]*?)/?>", r"<\1\2/>", text)
        try:
            frag = fromstring(f'<div xmlns="{NS}">{xhtml}</div>')
        except ParseError:
            frag = None
        if frag is not None:
            parent.text = frag.text
            parent.extend(list(frag))
            return
    lines = text.split("\n")
    parent.text = lines[0]
    for line in lines[1:]:
        br = _sub(parent, "br")
        br.tail = line


def _decl(item: Element, ident: str, card: str, base: str, correct: Sequence[str]) -> Element:
    d = _sub(item, "responseDeclaration", {"identifier": ident, "cardinality": card, "baseType": base})
    if correct:
        cr = _sub(d, "correctResponse")
        for v in correct:
            _sub(cr, "value", text=v)
    return d


def _mapping(decl: Element, entries: Sequence[tuple[str, float]]) -> None:
    m = _sub(decl, "mapping", {"lowerBound": "0", "upperBound": "1", "defaultValue": "0"})
    for k, v in entries:
        _sub(m, "mapEntry", {"mapKey": k, "mappedValue": fmt_num(round(v / 100, 9))})


def item_xml(q: Question, ident: str) -> bytes:
    register_namespace("", NS)
    register_namespace("xsi", XSI)
    item = Element(_q("assessmentItem"), {
        f"{{{XSI}}}schemaLocation": SCHEMA, "identifier": ident, "title": q.title or q.id or ident,
        "adaptive": "false", "timeDependent": "false"})
    body_parts: list[Element] = []
    rp_template = MATCH
    tolerance: list[tuple[str, float]] = []
    if q.type in (QType.SINGLE, QType.MULTIPLE, QType.JUDGE, QType.ORDERING):
        if q.type == QType.JUDGE:
            ids, texts, correct = ["true", "false"], ["正确", "错误"], ["true" if q.key else "false"]
        else:
            ids = [f"choice{c}" for c in LETTERS[: len(q.options)]]
            texts = list(q.options)
            keys = [q.key] if q.type == QType.SINGLE else list(q.key)
            correct = [f"choice{k}" for k in keys]
        card = {QType.MULTIPLE: "multiple", QType.ORDERING: "ordered"}.get(q.type, "single")
        d = _decl(item, "RESPONSE", card, "identifier", correct)
        if q.scoring.weights and q.type in (QType.SINGLE, QType.MULTIPLE):
            _mapping(d, [(f"choice{k}", v) for k, v in q.scoring.weights])
            rp_template = MAP
        tag = "orderInteraction" if q.type == QType.ORDERING else "choiceInteraction"
        inter = Element(_q(tag), {"responseIdentifier": "RESPONSE", "shuffle": "false"})
        if tag == "choiceInteraction":
            inter.set("maxChoices", "0" if q.type == QType.MULTIPLE else "1")
        for i, t in zip(ids, texts, strict=True):
            _fill_html(_sub(inter, "simpleChoice", {"identifier": i}), t)
        body_parts.append(inter)
    elif q.type == QType.MATCHING:
        correct = [f"L{n} R{letter}" for n, letter in q.key]
        d = _decl(item, "RESPONSE", "multiple", "directedPair", correct)
        if q.scoring.weights:
            _mapping(d, [(f"L{k.split('-')[0]} R{k.split('-')[1]}", v) for k, v in q.scoring.weights])
            rp_template = MAP
        inter = Element(_q("matchInteraction"), {"responseIdentifier": "RESPONSE", "shuffle": "false",
                                                 "maxAssociations": str(len(q.left))})
        s1, s2 = _sub(inter, "simpleMatchSet"), _sub(inter, "simpleMatchSet")
        for n, t in enumerate(q.left, 1):
            _fill_html(_sub(s1, "simpleAssociableChoice", {"identifier": f"L{n}", "matchMax": "1"}), t)
        for letter, t in zip(LETTERS, q.right, strict=False):
            _fill_html(_sub(s2, "simpleAssociableChoice", {"identifier": f"R{letter}",
                                                           "matchMax": str(len(q.left))}), t)
        body_parts.append(inter)
    elif q.type == QType.ESSAY:
        _decl(item, "RESPONSE", "single", "string", [q.key] if q.key else [])
        body_parts.append(Element(_q("extendedTextInteraction"), {"responseIdentifier": "RESPONSE"}))
        rp_template = ""
    elif q.type == QType.FILL:
        weights = q.scoring.weight_map()
        for n, b in enumerate(q.key, 1):
            rid = f"RESPONSE_{n}"
            if b.number is not None:
                _decl(item, rid, "single", "float", [fmt_num(b.number)])
                tolerance.append((rid, b.tolerance))
            else:
                d = _decl(item, rid, "single", "string", list(b.accepted[:1]))
                extra = [(k.split(":", 1)[1], v) for k, v in weights.items() if k.startswith(f"{n}:")]
                if len(b.accepted) > 1 or extra:
                    entries = [(a, 100.0) for a in b.accepted] + [e for e in extra if e[0] not in b.accepted]
                    _mapping(d, entries)
        rp_template = MAP if len(q.key) == 1 and not tolerance else ""
    _sub(item, "outcomeDeclaration", {"identifier": "SCORE", "cardinality": "single", "baseType": "float"})
    if q.explanation:
        _sub(item, "outcomeDeclaration", {"identifier": "FEEDBACK", "cardinality": "single", "baseType": "identifier"})
    body = _sub(item, "itemBody")
    if q.type == QType.FILL:
        p = _sub(body, "div")
        parts = q.stem.split(BLANK)
        _fill_html(p, parts[0])
        for n, rest in enumerate(parts[1:], 1):
            te = _sub(p, "textEntryInteraction", {"responseIdentifier": f"RESPONSE_{n}", "expectedLength": "15"})
            holder = Element("x")
            _fill_html(holder, rest)
            te.tail = holder.text
            p.extend(list(holder))
    else:
        _fill_html(_sub(body, "div"), q.stem)
        body.extend(body_parts)
    if rp_template and not tolerance and q.type != QType.FILL:
        _sub(item, "responseProcessing", {"template": rp_template})
    elif q.type == QType.FILL:
        rp = _sub(item, "responseProcessing")
        for n, b in enumerate(q.key, 1):
            rid = f"RESPONSE_{n}"
            rc = _sub(rp, "responseCondition")
            cond = _sub(rc, "responseIf")
            if b.number is not None:
                t = fmt_num(b.tolerance)
                eq = _sub(cond, "equal", {"toleranceMode": "absolute", "tolerance": f"{t} {t}"})
                _sub(eq, "variable", {"identifier": rid})
                _sub(eq, "correct", {"identifier": rid})
                add = _sub(_sub(cond, "setOutcomeValue", {"identifier": "SCORE"}), "sum")
                _sub(add, "variable", {"identifier": "SCORE"})
                _sub(add, "baseValue", {"baseType": "float"}, "1")
            else:
                _sub(_sub(cond, "isNull"), "variable", {"identifier": rid})
                add = _sub(_sub(rc, "responseElse"), "setOutcomeValue", {"identifier": "SCORE"})
                s = _sub(add, "sum")
                _sub(s, "variable", {"identifier": "SCORE"})
                _sub(s, "mapResponse", {"identifier": rid})
    if q.explanation:
        fb = _sub(item, "modalFeedback", {"outcomeIdentifier": "FEEDBACK", "showHide": "hide",
                                          "identifier": "EXPLANATION", "title": "解析"})
        _fill_html(fb, q.explanation)
    indent(item, "  ")
    for e in item.iter():
        if e.tag in _MIXED:  # indentation inside mixed content would add spaces to the text
            _unindent(e)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(item, encoding="utf-8", xml_declaration=False) + b"\n"


_MIXED = {_q(t) for t in ("div", "simpleChoice", "simpleAssociableChoice", "modalFeedback")}


def _unindent(container: Element) -> None:
    def blank(t: str | None) -> bool:
        return t is not None and "\n" in t and not t.strip()

    if blank(container.text):
        container.text = ""
    for d in container.iter():
        if d is not container:
            if blank(d.text):
                d.text = ""
            if blank(d.tail):
                d.tail = ""


def _ident(q: Question, i: int, used: set[str]) -> str:
    base = q.id or f"item-{i}"
    ident, k = base, 2
    while ident in used:
        ident, k = f"{base}-{k}", k + 1
    used.add(ident)
    return ident


def write_qti(questions: Sequence[Question], *, title: str = "") -> bytes:
    flat, _ = flatten_cases(questions)
    used: set[str] = set()
    idents = [_ident(q, i, used) for i, q in enumerate(flat, 1)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for q, ident in zip(flat, idents, strict=True):
            zf.writestr(f"items/{ident}.xml", item_xml(q, ident))
        zf.writestr("assessmentTest.xml", _test(idents, title))
        zf.writestr("imsmanifest.xml", _manifest(idents))
    return buf.getvalue()


def _test(idents: Sequence[str], title: str) -> bytes:
    register_namespace("", NS)
    t = Element(_q("assessmentTest"), {"identifier": "trainer-test", "title": title or "题库导出"})
    part = _sub(t, "testPart", {"identifier": "part1", "navigationMode": "nonlinear", "submissionMode": "simultaneous"})
    sec = _sub(part, "assessmentSection", {"identifier": "section1", "title": title or "题库导出", "visible": "true"})
    for ident in idents:
        _sub(sec, "assessmentItemRef", {"identifier": ident, "href": f"items/{ident}.xml"})
    indent(t, "  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(t, encoding="utf-8", xml_declaration=False) + b"\n"


def _manifest(idents: Sequence[str]) -> bytes:
    register_namespace("", CP)
    m = Element(f"{{{CP}}}manifest", {"identifier": "trainer-manifest"})
    SubElement(m, f"{{{CP}}}organizations")
    res = SubElement(m, f"{{{CP}}}resources")
    t = SubElement(res, f"{{{CP}}}resource", {"identifier": "trainer-test", "type": "imsqti_test_xmlv2p1",
                                              "href": "assessmentTest.xml"})
    SubElement(t, f"{{{CP}}}file", {"href": "assessmentTest.xml"})
    for ident in idents:
        r = SubElement(res, f"{{{CP}}}resource", {"identifier": ident, "type": "imsqti_item_xmlv2p1",
                                                  "href": f"items/{ident}.xml"})
        SubElement(r, f"{{{CP}}}file", {"href": f"items/{ident}.xml"})
        SubElement(t, f"{{{CP}}}dependency", {"identifierref": ident})
    indent(m, "  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(m, encoding="utf-8", xml_declaration=False) + b"\n"


def qti_summary(questions: Sequence[Question]) -> ExportSummary:
    flat, lost = flatten_cases(questions)
    lost = lost_fields(flat, "QTI", ["basis", "difficulty", "section", "tags", "domain", "visibility",
                                     "historical", "group", "rubric", "media"]) + lost
    if n := count(flat, lambda q: bool(q.scoring.mode) and not q.scoring.weights):
        lost.append(f"计分方式（非权重）：{n} 题")
    if n := count(flat, lambda q: q.type == QType.FILL and any(b.number is not None and b.accepted for b in q.key)):
        lost.append(f"数值空的文字答案：{n} 题")
    return ExportSummary(len(flat), lost + review_note(questions))
