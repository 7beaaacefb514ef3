"""GIFT reader: Moodle's documented syntax, read liberally.

Categories, names, [html]/[markdown]/[plain]/[moodle] markers, single and multiple choice with weights
(negative too), true/false, short answer, numerical (tolerance, ranges, several answers), matching with
distractors, essay, description, per-answer and general (####) feedback, missing-word questions, comments
and the escapes \\~ \\= \\# \\{ \\} \\: \\n and \\\\.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from trainer.core.questions import BLANK, LETTERS, Blank, QType, Question
from trainer.formats import html as H
from trainer.formats.base import ReadResult, Sink
from trainer.formats.common import (
    Entry, choice_from_weights, domain_code, finish, normalise_id, short_blank, validate_domain,
)
from trainer.formats.csvfmt import decode
from trainer.formats.layout import fmt_num
from trainer.formats.media import MediaCollector

_ESC = {"\\": "\ue000", ":": "\ue001", "#": "\ue002", "=": "\ue003", "{": "\ue004", "}": "\ue005", "~": "\ue006"}
_UNESC = {v: k for k, v in _ESC.items()}
_WEIGHT = re.compile(r"^%\s*(-?\d+(?:\.\d*)?)\s*%")
_SKIP_CATS = {"$course$", "$system$", "$module$", "$cat1$", "$cat2$", "$cat3$", "top", ""}


def protect(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            if n in _ESC:
                out.append(_ESC[n])
                i += 2
                continue
            if n == "n":
                out.append("\n")
                i += 2
                continue
        out.append(c)
        i += 1
    return "".join(out)


def restore(text: str) -> str:
    return "".join(_UNESC.get(c, c) for c in text)


@dataclass
class Block:
    line: int
    text: str


def blocks(text: str) -> list[Block]:
    """Questions are separated by blank lines; `//` comment lines are dropped."""
    out: list[Block] = []
    cur: list[str] = []
    start = 0
    for no, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        s = line.strip()
        if not s:
            if cur:
                out.append(Block(start, "\n".join(cur)))
                cur = []
            continue
        if s.startswith("//"):
            continue
        if not cur:
            start = no
        cur.append(line)
    if cur:
        out.append(Block(start, "\n".join(cur)))
    return _split_run_together(out)


def _split_run_together(bs: list[Block]) -> list[Block]:
    """Be liberal: a `$CATEGORY:` line or a question following another without a blank line."""
    out: list[Block] = []
    for b in bs:
        lines = b.text.split("\n")
        line0 = b.line
        while lines and lines[0].strip().startswith("$CATEGORY:") and len(lines) > 1:
            out.append(Block(line0, protect(lines.pop(0))))
            line0 += 1
        text = protect("\n".join(lines))
        while True:
            close = text.find("}")
            nl = text.find("\n", close) if close >= 0 else -1
            if close < 0 or nl < 0 or "{" in text[close:nl] or "{" not in text[nl:]:
                break
            head, text = text[:nl], text[nl + 1:]
            out.append(Block(line0, head))
            line0 += head.count("\n") + 1
        out.append(Block(line0, text))
    return out


@dataclass
class _Ctx:
    sink: Sink
    media: MediaCollector
    line: int = 0
    label: str = ""
    images: list[str] = field(default_factory=list)

    def text(self, raw: str, fmt: str) -> str:
        raw = raw.strip()
        m = re.match(r"^\[(html|markdown|plain|moodle)\]", raw)
        if m:
            fmt, raw = m.group(1), raw[m.end():]
        t = restore(raw).strip()
        if fmt in ("plain", "markdown"):
            return t
        cleaned, _ = H.clean(t, "html" if fmt == "html" else "auto")
        if "<img" in cleaned:
            cleaned, names = self.media.rewrite(cleaned, self.line, self.label)
            self.images.extend(n for n in names if n not in self.images)
        return cleaned


def _weight(ans: str, default: float) -> tuple[float, str]:
    m = _WEIGHT.match(ans)
    if m:
        return float(m.group(1)), ans[m.end():]
    return default, ans


def _comment(ans: str) -> tuple[str, str]:
    a, _, fb = ans.partition("#")
    return a, fb


def read_gift(data: bytes, source: str, *, domain: str | None = None) -> ReadResult:
    sink = Sink(source)
    dom = validate_domain(domain, sink)
    text, _ = decode(data)
    media = MediaCollector(sink)
    entries: list[Entry] = []
    cat_domain = ""
    cat_tags: tuple[str, ...] = ()
    n = 0
    for b in blocks(text):
        t = b.text.strip()
        if t.startswith("$CATEGORY:"):
            segs = [restore(s).strip() for s in t[len("$CATEGORY:"):].strip().split("/")]
            segs = [s for s in segs if s.lower() not in _SKIP_CATS and not s.lower().startswith("default for")]
            cat_domain = next((c for c in (domain_code(s) for s in segs) if c), "")
            cat_tags = tuple(s for s in segs if domain_code(s) is None)
            continue
        n += 1
        pre = restore(t[2:t.find("::", 2)]).strip() if t.startswith("::") and t.find("::", 2) > 0 else ""
        ctx = _Ctx(sink, media, b.line, f"第 {n} 题（{pre}）" if pre else f"第 {n} 题")
        q, name = _question(t, ctx)
        if q is None:
            continue
        sid = normalise_id(name) if name and re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", name) else None
        q = replace(q, domain=cat_domain, tags=cat_tags, title="" if sid or not name else name,
                    media=tuple(ctx.images))
        entries.append(Entry(q, b.line, ctx.label, sid))
    result = finish(entries, sink, domain=dom)
    result.media = media.store
    return result


def _question(t: str, ctx: _Ctx) -> tuple[Question | None, str]:
    sink, line, label = ctx.sink, ctx.line, ctx.label
    name = ""
    if t.startswith("::"):
        end = t.find("::", 2)
        if end >= 0:
            name, t = restore(t[2:end]).strip(), t[end + 2:].strip()
    fmt = "moodle"
    m = re.match(r"^\[(html|markdown|plain|moodle)\]", t)
    if m:
        fmt, t = m.group(1), t[m.end():]
    start, stop = t.find("{"), t.find("}")
    if start < 0 and stop < 0:
        sink.warning("没有答案部分的说明文字（description），已跳过", line, label)
        sink.lose("GIFT 说明文字（无答案的 description）")
        return None, name
    if start < 0 or stop < start:
        sink.error("大括号 { } 不配对", line, label)
        return None, name
    before, answer, after = t[:start], t[start + 1:stop].strip(), t[stop + 1:]
    general = ""
    gf = answer.rfind("####")
    if gf >= 0:
        general, answer = answer[gf + 4:], answer[:gf].strip()
    feedback: list[str] = []
    explanation = ctx.text(general, fmt) if general else ""

    def fb(prefix: str, raw: str) -> None:
        if raw.strip():
            feedback.append(f"{prefix}：{ctx.text(raw, fmt)}")

    missing_word = bool(after.strip())
    stem_with_blank = before + BLANK + after
    stem_plain = before + after if not missing_word else stem_with_blank
    kw: dict = {}
    if answer == "":
        qtype, key = QType.ESSAY, ""
        stem_raw = stem_plain
    elif answer.startswith("#"):
        qtype, stem_raw = QType.FILL, stem_with_blank
        blank = _numerical(answer[1:], ctx, fmt, fb)
        if blank is None:
            return None, name
        key = (blank,)
    elif "~" in answer:
        stem_raw = stem_plain
        parsed = _multichoice(answer, ctx, fmt, fb)
        if parsed is None:
            return None, name
        qtype, key, kw = parsed
    elif "=" in answer and "->" in answer:
        stem_raw = stem_plain
        parsed_m = _matching(answer, ctx, fmt)
        if parsed_m is None:
            return None, name
        qtype, key, kw = QType.MATCHING, parsed_m[0], parsed_m[1]
    elif restore(_comment(answer)[0]).strip().upper() in ("T", "TRUE", "F", "FALSE"):
        parts = answer.split("#", 2)
        value = restore(parts[0]).strip().upper() in ("T", "TRUE")
        qtype, key, stem_raw = QType.JUDGE, value, stem_plain
        if len(parts) > 1:
            fb("答错时", parts[1])
        if len(parts) > 2:
            fb("答对时", parts[2])
    else:
        qtype, stem_raw = QType.FILL, stem_with_blank
        blank_s = _short(answer, ctx, fmt, fb)
        if blank_s is None:
            return None, name
        key, kw = (blank_s[0],), blank_s[1]
    stem = ctx.text(stem_raw, fmt)
    if feedback:
        explanation = "\n".join([explanation, *feedback]).strip()
    return Question(id="", type=qtype, stem=stem, key=key, explanation=explanation, **kw), name


def _multichoice(answer: str, ctx: _Ctx, fmt: str, fb) -> tuple[QType, object, dict] | None:  # type: ignore[no-untyped-def]
    parts = [p.strip() for p in answer.replace("=", "~=").split("~")]
    if parts and not parts[0]:
        parts.pop(0)
    options, weights = [], []
    for i, p in enumerate(parts):
        if p.startswith("="):
            w, p = _weight(p[1:].strip(), 100.0)
        else:
            w, p = _weight(p, 0.0)
        a, f = _comment(p)
        options.append(ctx.text(a, fmt))
        weights.append(w)
        if i < len(LETTERS):
            fb(f"选项 {LETTERS[i]}", f)
    parsed = choice_from_weights(
        options, weights, "=" in answer,
        lambda m: ctx.sink.error(m, ctx.line, ctx.label, "答案"),
        lambda m: ctx.sink.warning(m, ctx.line, ctx.label, "答案"))
    if parsed is None:
        return None
    qtype, key, scoring = parsed
    return qtype, key, {"options": tuple(options), "scoring": scoring}


def _matching(answer: str, ctx: _Ctx, fmt: str) -> tuple[tuple[tuple[int, str], ...], dict] | None:
    parts = [p.strip() for p in answer.split("=")]
    if parts and not parts[0]:
        parts.pop(0)
    left: list[str] = []
    right: list[str] = []
    pairs: list[tuple[int, str]] = []
    for p in parts:
        if "->" not in p:
            ctx.sink.error(f"匹配项“{restore(p)}”缺少 ->", ctx.line, ctx.label, "答案")
            return None
        a, _, b = p.partition("->")
        r = restore(b).strip()
        if r not in right:
            right.append(r)
        lt = ctx.text(a, fmt)
        if lt:
            left.append(lt)
            pairs.append((len(left), LETTERS[right.index(r)] if right.index(r) < len(LETTERS) else "?"))
    if len(left) < 1:
        ctx.sink.error("匹配题没有配对项", ctx.line, ctx.label, "答案")
        return None
    return tuple(pairs), {"left": tuple(left), "right": tuple(right)}


def _short(answer: str, ctx: _Ctx, fmt: str, fb) -> tuple[Blank, dict] | None:  # type: ignore[no-untyped-def]
    parts = [p.strip() for p in answer.split("=")]
    if parts and not parts[0]:
        parts.pop(0)
    alts: list[tuple[str, float]] = []
    for p in parts:
        w, p = _weight(p, 100.0)
        a, f = _comment(p)
        text = restore(a).strip()
        fb(f"“{text}”", f)
        if w > 0 and text:
            alts.append((text, w))
    got = short_blank(alts)
    if got is None:
        ctx.sink.error("简答题没有得分的答案", ctx.line, ctx.label, "答案")
        return None
    return got[0], ({"scoring": got[1]} if got[1].weights else {})


def _num(s: str) -> float:
    return float(restore(s).strip().replace(",", "."))


def _numerical(answer: str, ctx: _Ctx, fmt: str, fb) -> Blank | None:  # type: ignore[no-untyped-def]
    wrong = ""
    if "~" in answer:
        answer, wrong = answer[: answer.find("~")], answer[answer.find("~") + 1:]
    parts = [p.strip() for p in answer.split("=")]
    if parts and not parts[0]:
        parts.pop(0)
    found: list[tuple[float, float, float]] = []
    for p in parts:
        w, p = _weight(p, 100.0)
        a, f = _comment(p)
        a = restore(a).strip()
        try:
            if ".." in a:
                lo, hi = sorted(_num(x) for x in a.split("..", 1))
                value, tol = round((lo + hi) / 2, 10), round((hi - lo) / 2, 10)
            elif ":" in a:
                v, t = a.split(":", 1)
                value, tol = _num(v), abs(_num(t))
            else:
                value, tol = _num(a), 0.0
        except ValueError:
            ctx.sink.error(f"“{a}”不是数字", ctx.line, ctx.label, "答案")
            return None
        fb(f"“{a}”", f)
        found.append((w, value, tol))
    if wrong:
        fb("其他答案", _comment(wrong)[1])
    if not found:
        ctx.sink.error("数值题没有答案", ctx.line, ctx.label, "答案")
        return None
    best = max(found, key=lambda x: x[0])
    for w, v, t in found:
        if (w, v, t) != best and w > 0:
            ctx.sink.warning(f"数值题的部分得分答案 {fmt_num(v)}±{fmt_num(t)}（{fmt_num(w)}%）未导入",
                             ctx.line, ctx.label, "答案")
            ctx.sink.lose("数值题的部分得分答案")
    return Blank((), best[1], best[2])
