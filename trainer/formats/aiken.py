"""Aiken: single-answer multiple choice as plain text (Moodle's Aiken format), read liberally.

    Question text (one or more lines)
    A. option          (also A) A、 Ａ． …)
    B. option
    ANSWER: B          (ANSWER: A,C is accepted and read as a multiple-choice question)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trainer.core.answers import fold, parse_letters
from trainer.core.questions import LETTERS, QType, Question
from trainer.formats.base import ExportSummary, Opener, ReadResult, Sink
from trainer.formats.common import Entry, finish, flatten_cases, judge_pair, lost_fields, review_note, validate_domain
from trainer.formats.csvfmt import decode

_OPT = re.compile(r"^\s*([A-Za-zＡ-Ｚａ-ｚ])\s*[.)．、）:：]\s*(.*)$")
_ANS = re.compile(r"^\s*(?:ANSWER|答案)\s*[:：]\s*(.+?)\s*$", re.I)
JUDGE_OPTIONS = ("正确", "错误")


def _judge(opts: tuple[str, ...]) -> bool:
    return judge_pair(opts) == (True, False)


class AikenFormat:
    code = "aiken"
    label = "Aiken (Moodle 单选题文本)"
    extensions = (".aiken", ".txt")

    def sniff(self, head: bytes) -> bool:
        text, _ = decode(head[:8192])
        return any(_ANS.match(line) for line in text.splitlines()) and any(
            _OPT.match(line) for line in text.splitlines())

    def read(self, data: bytes, source: str, *, domain: str | None = None,
             opener: Opener | None = None) -> ReadResult:
        sink = Sink(source)
        dom = validate_domain(domain, sink)
        text, _ = decode(data)
        entries: list[Entry] = []
        stem: list[str] = []
        opts: list[str] = []
        start = 0
        n = 0
        for no, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line:
                if opts:  # blank line inside the options: keep reading
                    continue
                if stem and not opts:
                    stem.append("")
                continue
            m_ans = _ANS.match(line)
            m_opt = _OPT.match(line)
            if m_ans and stem:
                n += 1
                label = f"第 {n} 题"
                options = tuple(opts)
                try:
                    keys = parse_letters(m_ans.group(1), len(options))
                except ValueError as e:
                    sink.error(str(e), no, label, "答案")
                    keys = ()
                if keys:
                    body = "\n".join(stem).strip()
                    if _judge(options) and len(keys) == 1:
                        q = Question(id="", type=QType.JUDGE, stem=body, key=keys[0] == "A")
                    elif len(keys) == 1:
                        q = Question(id="", type=QType.SINGLE, stem=body, options=options, key=keys[0])
                    else:
                        q = Question(id="", type=QType.MULTIPLE, stem=body, options=options, key=tuple(sorted(keys)))
                    entries.append(Entry(q, start, label))
                stem, opts = [], []
                continue
            if m_opt and stem and fold(m_opt.group(1)).upper() == LETTERS[len(opts):len(opts) + 1]:
                opts.append(m_opt.group(2).strip())
                continue
            if opts:  # an option running over several lines
                opts[-1] = f"{opts[-1]}\n{line}"
                continue
            if not stem:
                start = no
            stem.append(line)
        if stem or opts:
            sink.error("最后一题缺少“ANSWER:”行", start, f"第 {n + 1} 题")
        return finish(entries, sink, domain=dom)

    def _exportable(self, questions: Sequence[Question]) -> tuple[list[Question], list[str]]:
        flat, lost = flatten_cases(questions)
        ok = [q for q in flat if q.type in (QType.SINGLE, QType.JUDGE)
              and "\n" not in q.stem and not any("\n" in o for o in q.options)]
        skipped = len(flat) - len(ok)
        if skipped:
            lost.append(f"Aiken 只能表示单行题干的单选题（判断题写成“正确/错误”两个选项）：{skipped} 题未导出")
        return ok, lost

    def write(self, questions: Sequence[Question], *, title: str = "") -> bytes:
        ok, _ = self._exportable(questions)
        out = []
        for q in ok:
            out.append(q.stem)
            if q.type == QType.JUDGE:
                out += [f"A. {JUDGE_OPTIONS[0]}", f"B. {JUDGE_OPTIONS[1]}", f"ANSWER: {'A' if q.key else 'B'}"]
            else:
                out += [f"{LETTERS[i]}. {o}" for i, o in enumerate(q.options)] + [f"ANSWER: {q.key}"]
            out.append("")
        return "\n".join(out).encode("utf-8")

    def export_summary(self, questions: Sequence[Question]) -> ExportSummary:
        ok, lost = self._exportable(questions)
        lost = lost_fields(ok, "Aiken", ["explanation", "basis", "difficulty", "section", "tags", "domain",
                                         "title", "id", "scoring", "visibility", "historical", "group", "media"]) + lost
        return ExportSummary(len(ok), lost + review_note(questions))


FORMAT = AikenFormat()
