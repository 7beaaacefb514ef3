"""QTI 2.1/2.2 reader: items (choice, multiple with mapping, order, text entry, extended text, match,
associate), assessmentTest with item references, and content packages (zip with imsmanifest.xml)."""

from __future__ import annotations

import html
import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from trainer.core.questions import BLANK, LETTERS, Blank, QType, Question, Scoring
from trainer.formats import html as H
from trainer.formats.base import Opener, ReadResult, Sink
from trainer.formats.common import (
    Entry, choice_from_weights, finish, judge_pair, normalise_id, short_blank, validate_domain,
)
from trainer.formats.media import MediaCollector
from trainer.formats.safety import Refused, XmlDoc, child, children, descendants, local, open_zip, parse_xml, read_member

Lookup = Callable[[str], bytes | None]


@dataclass
class Decl:
    cardinality: str = "single"
    base: str = "identifier"
    correct: list[str] = field(default_factory=list)
    mapping: dict[str, float] = field(default_factory=dict)
    upper: float | None = None
    case_sensitive: bool = False
    tolerance: float | None = None


def _decls(root: Element) -> dict[str, Decl]:
    out: dict[str, Decl] = {}
    for d in children(root, "responseDeclaration"):
        decl = Decl(d.get("cardinality", "single"), d.get("baseType", "identifier"))
        cr = child(d, "correctResponse")
        decl.correct = [(v.text or "").strip() for v in children(cr, "value")] if cr is not None else []
        m = child(d, "mapping")
        if m is not None:
            if m.get("upperBound"):
                decl.upper = float(m.get("upperBound", "0"))
            for e in children(m, "mapEntry"):
                decl.mapping[e.get("mapKey", "")] = float(e.get("mappedValue", "0"))
                if e.get("caseSensitive", "").lower() == "true":
                    decl.case_sensitive = True
        out[d.get("identifier", "")] = decl
    rp = child(root, "responseProcessing")
    for eq in descendants(rp, "equal") if rp is not None else []:
        var = child(eq, "variable")
        if var is not None and var.get("identifier") in out and eq.get("tolerance"):
            out[var.get("identifier", "")].tolerance = abs(float(eq.get("tolerance", "0").split()[0]))
    return out


def _html(el: Element, blanks: list[Element], skip: set[str]) -> str:
    """An XHTML subtree as HTML text; text entries become ____, block interactions keep only their prompt."""
    out: list[str] = []

    def walk(e: Element, top: bool) -> None:
        name = local(e.tag)
        if name == "textEntryInteraction":
            blanks.append(e)
            out.append(BLANK)
        elif name.endswith("Interaction"):
            prompt = child(e, "prompt")
            if prompt is not None:
                walk(prompt, True)
        elif name in skip:
            pass
        else:
            if not top:
                attrs = "".join(f' {local(k)}="{html.escape(v)}"' for k, v in e.attrib.items())
                out.append(f"<{name}{attrs}>")
            out.append(html.escape(e.text or "", quote=False))
            for c in e:
                walk(c, False)
                out.append(html.escape(c.tail or "", quote=False))
            if not top:
                out.append(f"</{name}>")

    walk(el, True)
    return "".join(out)


def _weights(decl: Decl, keys: list[str], single: bool) -> list[float]:
    total = decl.upper
    positive = [v for v in decl.mapping.values() if v > 0]
    if not total:
        total = max(positive, default=1.0) if single else sum(positive) or 1.0
    return [decl.mapping.get(k, 0.0) / total * 100 for k in keys]


class ItemReader:
    def __init__(self, sink: Sink, media: MediaCollector):
        self.sink, self.media = sink, media
        self.n = 0

    def item(self, doc: XmlDoc, path: str, lookup: Lookup | None) -> Entry | None:
        root = doc.root
        self.n += 1
        ident, title = root.get("identifier", ""), root.get("title", "")
        line = doc.line(root)
        label = f"第 {self.n} 题" + (f"（{ident}）" if ident else "")
        base = posixpath.dirname(path)
        self.media.lookup = (lambda p: lookup(posixpath.normpath(posixpath.join(base, p)))) if lookup else None
        decls = _decls(root)
        body = child(root, "itemBody")
        if body is None:
            self.sink.error("题目没有 itemBody", line, label)
            return None
        inters = [e for e in body.iter() if local(e.tag).endswith("Interaction")]
        blanks: list[Element] = []
        stem_html = _html(body, blanks, {"rubricBlock"})
        stem, _ = H.clean(stem_html, "html")
        images: list[str] = []
        if "<img" in stem:
            stem, images = self.media.rewrite(stem, line, label)
        fb = [H.clean(_html(f, [], set()), "html")[0] for f in descendants(root, "modalFeedback")]
        fb += [H.clean(_html(f, [], set()), "html")[0] for f in descendants(body, "feedbackBlock")]
        explanation = "\n".join(x for x in fb if x)

        def err(m: str) -> None:
            self.sink.error(m, line, label, "答案")

        if not inters:
            self.sink.warning("题目没有作答交互，已跳过", line, label)
            return None
        kinds = {local(e.tag) for e in inters}
        q: Question | None
        if kinds == {"textEntryInteraction"}:
            q = self._text_entry(stem, blanks, decls, err)
        else:
            if len(inters) > 1:
                self.sink.warning("题目含多个交互，只导入第一个", line, label)
                self.sink.lose("QTI 组合题（一题多个交互）")
            q = self._one(inters[0], stem, decls, err, label, line)
        if q is None:
            return None
        sid = normalise_id(ident) if ident else None
        from dataclasses import replace
        q = replace(q, explanation=explanation, title="" if title in ("", ident) else title, media=tuple(images))
        return Entry(q, line, label, sid)

    def _choices(self, inter: Element, tag: str = "simpleChoice") -> tuple[list[str], list[str]]:
        ids, texts = [], []
        for c in descendants(inter, tag):
            ids.append(c.get("identifier", ""))
            texts.append(H.clean(_html(c, [], {"feedbackInline"}), "html")[0])
        return ids, texts

    def _one(self, inter: Element, stem: str, decls: dict[str, Decl], err, label: str, line) -> Question | None:  # type: ignore[no-untyped-def]
        kind = local(inter.tag)
        decl = decls.get(inter.get("responseIdentifier", ""), Decl())
        if kind == "choiceInteraction":
            ids, texts = self._choices(inter)
            single = decl.cardinality == "single"
            if single and len(texts) == 2 and decl.correct and not decl.mapping:
                tf = judge_pair(texts)
                if tf is not None and decl.correct[0] in ids:
                    return Question(id="", type=QType.JUDGE, stem=stem, key=tf[ids.index(decl.correct[0])])
            if decl.mapping:
                got = choice_from_weights(texts, _weights(decl, ids, single), single, err,
                                          lambda m: self.sink.warning(m, line, label, "答案"))
                if got is None:
                    return None
                return Question(id="", type=got[0], stem=stem, options=tuple(texts), key=got[1], scoring=got[2])
            keys = [LETTERS[ids.index(v)] for v in decl.correct if v in ids and ids.index(v) < len(LETTERS)]
            if not keys:
                err("没有正确答案（correctResponse）")
                return None
            if single or len(keys) == 1:
                return Question(id="", type=QType.SINGLE, stem=stem, options=tuple(texts), key=keys[0])
            return Question(id="", type=QType.MULTIPLE, stem=stem, options=tuple(texts), key=tuple(sorted(keys)))
        if kind == "orderInteraction":
            ids, texts = self._choices(inter)
            keys = tuple(LETTERS[ids.index(v)] for v in decl.correct if v in ids)
            return Question(id="", type=QType.ORDERING, stem=stem, options=tuple(texts), key=keys)
        if kind == "extendedTextInteraction":
            return Question(id="", type=QType.ESSAY, stem=stem, key="\n".join(decl.correct))
        if kind in ("matchInteraction", "associateInteraction"):
            return self._match(kind, inter, stem, decl, err, label, line)
        self.sink.warning(f"不支持的 QTI 交互“{kind}”，已跳过", line, label, "题型")
        self.sink.lose(f"QTI 交互 {kind}")
        return None

    def _match(self, kind, inter, stem, decl, err, label, line) -> Question | None:  # type: ignore[no-untyped-def]
        pairs = [tuple(v.split()) for v in decl.correct if len(v.split()) == 2]
        if kind == "matchInteraction":
            sets = children(inter, "simpleMatchSet")
            if len(sets) != 2:
                err("匹配题应有两组选项（simpleMatchSet）")
                return None
            lids, ltexts = self._choices(sets[0], "simpleAssociableChoice")
            rids, rtexts = self._choices(sets[1], "simpleAssociableChoice")
        else:
            self.sink.warning("关联题（associate）按匹配题导入：每对的第一项作左列", line, label, "题型")
            ids, texts = self._choices(inter, "simpleAssociableChoice")
            first = list(dict.fromkeys(a for a, _ in pairs))
            lids = first
            ltexts = [texts[ids.index(i)] for i in first if i in ids]
            rids = [i for i in ids if i not in first]
            rtexts = [texts[ids.index(i)] for i in rids]
        by_left = {a: b for a, b in pairs if a in lids and b in rids}
        missing = [t for i, t in zip(lids, ltexts, strict=False) if i not in by_left]
        if missing:
            self.sink.warning(f"左列 {len(missing)} 项没有配对，已略去", line, label, "答案")
        left = [(i, t) for i, t in zip(lids, ltexts, strict=False) if i in by_left]
        key = tuple((n, LETTERS[rids.index(by_left[i])]) for n, (i, _) in enumerate(left, 1)
                    if rids.index(by_left[i]) < len(LETTERS))
        scoring = Scoring()
        if decl.mapping:
            pk = [f"{a} {b}" for a in lids for b in rids]
            w = _weights(decl, pk, False)
            lnum = {i: n for n, (i, _) in enumerate(left, 1)}
            scoring = Scoring("weights", tuple(
                (f"{lnum[a]}-{LETTERS[rids.index(b)]}", x) for (a, b), x in
                zip([(a, b) for a in lids for b in rids], w, strict=True) if x and a in lnum))
        return Question(id="", type=QType.MATCHING, stem=stem, left=tuple(t for _, t in left), right=tuple(rtexts),
                        key=key, scoring=scoring)

    def _text_entry(self, stem: str, blanks: list[Element], decls: dict[str, Decl], err) -> Question | None:  # type: ignore[no-untyped-def]
        key: list[Blank] = []
        weights: list[tuple[str, float]] = []
        for n, b in enumerate(blanks, 1):
            d = decls.get(b.get("responseIdentifier", ""), Decl(base="string"))
            if d.base in ("float", "integer"):
                try:
                    key.append(Blank((), float(d.correct[0]), d.tolerance or 0.0))
                except (IndexError, ValueError):
                    err(f"第 {n} 个空没有数值答案")
                    return None
                continue
            if d.case_sensitive:
                self.sink.lose("填空的区分大小写设置（caseSensitive）")
            alts = [(c, 100.0) for c in d.correct]
            if d.mapping:
                top = d.upper or max(d.mapping.values())
                alts = [(c, 100.0) for c in d.correct if c not in d.mapping]
                alts += [(k, v / top * 100 if top else 0) for k, v in d.mapping.items()]
            got = short_blank(alts, n)
            if got is None:
                err(f"第 {n} 个空没有答案")
                return None
            key.append(got[0])
            weights.extend(got[1].weights)
        return Question(id="", type=QType.FILL, stem=stem, key=tuple(key),
                        scoring=Scoring("weights", tuple(weights)) if weights else Scoring())


def read_qti(data: bytes, source: str, *, domain: str | None = None, opener: Opener | None = None) -> ReadResult:
    sink = Sink(source)
    dom = validate_domain(domain, sink)
    media = MediaCollector(sink)
    reader = ItemReader(sink, media)
    entries: list[Entry] = []
    try:
        if data[:4] == b"PK\x03\x04":
            zf = open_zip(data)
            _package(zf, reader, entries, sink)
        else:
            doc = parse_xml(data)
            _document(doc, source, reader, entries, sink, _safe_opener(opener))
    except Refused as e:
        sink.error(str(e))
        return ReadResult([], sink.problems)
    result = finish(entries, sink, domain=dom)
    result.media = media.store
    return result


def _safe_opener(opener: Opener | None) -> Lookup | None:
    if opener is None:
        return None

    def look(p: str) -> bytes | None:
        try:
            return opener(p)
        except (OSError, KeyError, ValueError):
            return None
    return look


def _document(doc: XmlDoc, path: str, reader: ItemReader, entries: list[Entry], sink: Sink,
              lookup: Lookup | None) -> None:
    kind = local(doc.root.tag)
    if kind == "assessmentItem":
        e = reader.item(doc, "", lookup)
        if e:
            entries.append(e)
    elif kind == "assessmentTest":
        for ref in descendants(doc.root, "assessmentItemRef"):
            href = ref.get("href", "")
            data = lookup(href) if lookup else None
            if data is None:
                sink.error(f"引用的题目文件“{href}”不存在", doc.line(ref), ref.get("identifier", ""), "assessmentItemRef")
                continue
            try:
                sub = parse_xml(data)
            except Refused as e:
                sink.error(str(e), None, href)
                continue
            e = reader.item(sub, href, lookup)
            if e:
                entries.append(e)
    else:
        sink.error(f"不是 QTI 题目或试卷（根元素为 <{kind}>）", doc.line(doc.root))


def _package(zf: zipfile.ZipFile, reader: ItemReader, entries: list[Entry], sink: Sink) -> None:
    names = set(zf.namelist())

    def lookup(p: str) -> bytes | None:
        p = posixpath.normpath(p).lstrip("/")
        return read_member(zf, p) if p in names else None

    hrefs: list[str] = []
    if "imsmanifest.xml" in names:
        man = parse_xml(read_member(zf, "imsmanifest.xml"))
        for res in descendants(man.root, "resource"):
            if "item" in res.get("type", "") and res.get("href"):
                hrefs.append(res.get("href", ""))
        if not hrefs:
            for res in descendants(man.root, "resource"):
                if "test" in res.get("type", "") and res.get("href"):
                    _document(parse_xml(lookup(res.get("href", "")) or b"<x/>"), res.get("href", ""), reader,
                              entries, sink, lambda p, b=posixpath.dirname(res.get("href", "")): lookup(posixpath.join(b, p)))
                    return
    if not hrefs:
        hrefs = sorted(n for n in names if n.endswith(".xml") and n != "imsmanifest.xml")
    for href in hrefs:
        data = lookup(href)
        if data is None:
            sink.error(f"清单中的题目文件“{href}”不在压缩包内", None, href)
            continue
        doc = parse_xml(data)
        if local(doc.root.tag) == "assessmentItem":
            e = reader.item(doc, href, lookup)
            if e:
                entries.append(e)
