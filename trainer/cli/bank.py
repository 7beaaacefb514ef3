"""`trainer bank validate | import | stats | export | template`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from trainer.cli.app import CliState, emit_json, err, fail, print_problems
from trainer.core.errors import TrainerError

app = typer.Typer(help="Question bank: validate, import, export, statistics.", no_args_is_help=True)

FORMAT_CODES = ("auto", "yaml", "xlsx", "csv", "gift", "moodlexml", "aiken", "qti")


@app.command()
def validate(paths: Annotated[list[Path], typer.Argument(help="YAML files or folders")]) -> None:
    """Check bank files without importing: every problem with file, line and field; exit 1 if any error."""
    from trainer.services.bank import BankService

    bank = BankService.validate(paths)
    print_problems(bank.problems)
    n_err, n_warn = len(bank.errors), len(bank.warnings)
    print(f"检查了 {len(bank.files)} 个文件、{len(bank.questions)} 道题、{len(bank.rules)} 条规则、{len(bank.chapters)} 个课件章节：{n_err} 个错误，{n_warn} 个警告。")
    if n_err:
        raise typer.Exit(1)


@app.command("import")
def import_(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="files or folders")],
    fmt: Annotated[str, typer.Option("--format", help="auto|yaml|xlsx|csv|gift|moodlexml|aiken|qti")] = "auto",
    domain: Annotated[Optional[str], typer.Option("--domain", help="domain code for files that carry none")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="show what would change, change nothing")] = False,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="import the valid items, report the rest")] = False,
) -> None:
    """Import questions: all-or-nothing and idempotent; an edited item becomes a new version."""
    if fmt not in FORMAT_CODES:
        raise typer.BadParameter(f"choose one of {', '.join(FORMAT_CODES)}", param_hint="--format")
    state: CliState = ctx.obj
    from trainer.services.interchange import InterchangeService

    try:
        report = InterchangeService(state.context()).import_files(paths, fmt=fmt, domain=domain, dry_run=dry_run, skip_invalid=skip_invalid)
    except TrainerError as exc:
        fail(exc)
    print_problems(report.warnings)
    if report.problems:
        print_problems(report.problems, header=f"以下 {report.skipped} 道题无效，已跳过：")
    print(report.summary_zh())


@app.command()
def stats(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Counts by domain, type and difficulty; items per rule; flagged items."""
    state: CliState = ctx.obj
    from trainer.core.questions import DOMAIN_LABELS_ZH, TYPE_LABELS_ZH, Domain, QType
    from trainer.services.bank import BankService

    try:
        s = BankService(state.context()).stats()
    except TrainerError as exc:
        fail(exc)
    if as_json:
        emit_json(s.to_json())
        return
    print(f"题目总数 {s.total}，规则 {s.rules} 条，课件章节 {s.chapters} 章")
    types = [t.value for t in QType]
    header = [_pad("领域", 16)] + [_pad(TYPE_LABELS_ZH[QType(t)][:2], 6, right=True) for t in types] + [_pad("合计", 6, right=True), "  难度 1/2/3/4/5"]
    print("".join(header))
    for d in [d.value for d in Domain if d.value in s.by_domain]:
        row = s.matrix.get(d, {})
        cells = [_pad(str(sum(row.get(t, {}).values())), 6, right=True) for t in types]
        levels = [sum(row.get(t, {}).get(str(k), 0) for t in types) for k in range(1, 6)]
        print(_pad(DOMAIN_LABELS_ZH[Domain(d)], 16) + "".join(cells) + _pad(str(s.by_domain[d]), 6, right=True) + "  " + "/".join(map(str, levels)))
    print("难度分布：" + "，".join(f"{k} 级 {v}" for k, v in s.by_difficulty.items()))
    print("各规则被引用题数：")
    for rid, n in sorted(s.by_rule.items(), key=lambda kv: -kv[1]):
        print(f"  {rid}: {n}")
    flagged = [f for f in s.flagged if "rule" in f]
    print(f"标记的题目：{len(flagged)} 道依据已失效，{len(s.flagged) - len(flagged)} 道未审核")
    for f in flagged[:50]:
        print(f"  {f['id']}: {f['reason']}")


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="yaml|xlsx|csv|gift|moodlexml|aiken|qti")],
    output: Annotated[Path, typer.Option("-o", "--output", help="file to write")],
    domain: Annotated[Optional[str], typer.Option("--domain")] = None,
    tag: Annotated[Optional[str], typer.Option("--tag")] = None,
) -> None:
    """Export the bank (or a domain / tag) to a file; what the format cannot carry is listed."""
    if fmt not in FORMAT_CODES[1:]:
        raise typer.BadParameter(f"choose one of {', '.join(FORMAT_CODES[1:])}", param_hint="--format")
    state: CliState = ctx.obj
    from trainer.services.interchange import InterchangeService

    try:
        summary = InterchangeService(state.context()).export(output, fmt=fmt, domain=domain, tag=tag)
    except TrainerError as exc:
        fail(exc)
    print(f"已导出 {summary.count} 道题到 {output}")
    for line in summary.lost:
        err(f"注意: {line}")


@app.command()
def template(output: Annotated[Path, typer.Option("-o", "--output", help="where to write the Excel template")] = Path("题库模板.xlsx")) -> None:
    """Write the Excel template: instructions, drop-downs and one example row per type."""
    from trainer.services.interchange import write_template

    write_template(output)
    print(f"已写出模板：{output}")


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad to a terminal width where CJK characters take two columns."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    space = " " * max(0, width - used)
    return space + text if right else text + space
