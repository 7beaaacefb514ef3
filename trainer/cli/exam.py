"""`trainer paper build | show` and `trainer attempt start | answer | status | submit`: the headless exam driver."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from trainer.cli.app import CliState, emit_json, fail
from trainer.core.errors import Location, Problem, TrainerError, ValidationError

paper_app = typer.Typer(help="Papers: assemble from a blueprint, show.", no_args_is_help=True)
attempt_app = typer.Typer(help="Attempts: start, answer, status, submit.", no_args_is_help=True)


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError([Problem(Location(str(path)), "文件不存在")]) from None
    except json.JSONDecodeError as exc:
        raise ValidationError([Problem(Location(str(path), exc.lineno), f"不是有效的 JSON：{exc.msg}")]) from None


@paper_app.command("build")
def paper_build(
    ctx: typer.Context,
    blueprint: Annotated[Path, typer.Option("--blueprint", help="blueprint YAML file")],
    output: Annotated[Path, typer.Option("-o", "--output", help="paper JSON to write (with --forms K: OUT-1.json … OUT-K.json)")],
    seed: Annotated[str, typer.Option("--seed", help="random seed: same bank, blueprint and seed give the same paper")] = "1",
    forms: Annotated[int, typer.Option("--forms", min=1, max=26, help="parallel forms with as little overlap as the bank allows")] = 1,
) -> None:
    """Assemble a paper from the bank and write it as JSON (items pinned to their versions)."""
    state: CliState = ctx.obj
    from trainer.services.papers import PaperService, load_blueprint_file

    try:
        bp = load_blueprint_file(blueprint)
        papers = PaperService(state.context()).build(bp, seed=int(seed) if seed.lstrip("-").isdigit() else seed, forms=forms)
    except TrainerError as exc:
        fail(exc)
    targets = [output] if len(papers) == 1 else [output.with_name(f"{output.stem}-{i + 1}{output.suffix}") for i in range(len(papers))]
    for paper, target in zip(papers, targets):
        target.write_text(json.dumps(paper.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"已组卷：{paper.title}，{len(paper.items)} 题，满分 {sum(i.points for i in paper.items):g} 分 → {target}")


@paper_app.command("show")
def paper_show(
    ctx: typer.Context,
    paper: Annotated[Path, typer.Argument(help="paper JSON written by `paper build`")],
    with_key: Annotated[bool, typer.Option("--with-key", help="include answers and explanations")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Show a paper's items with stems and options (and the key with --with-key)."""
    state: CliState = ctx.obj
    from trainer.services.papers import PaperService

    try:
        service = PaperService(state.context())
        dto = service.resolve(_read_json(paper), str(paper))
        data = service.show(dto.paper_id, with_key=with_key)
    except TrainerError as exc:
        fail(exc)
    if as_json:
        emit_json(data)
        return
    print(f"{data['title']}（{len(data['items'])} 题，{data['duration_minutes']:g} 分钟）")
    for item in data["items"]:
        print(f"\n{item['position']}. [{item['type']}] {item['stem']}（{item['points']:g} 分）")
        for letter, text in item.get("options", {}).items():
            print(f"   {letter}. {text}")
        for n, text in item.get("left", {}).items():
            print(f"   {n}. {text}")
        for letter, text in item.get("right", {}).items():
            print(f"   {letter}. {text}")
        for sub in item.get("sub", []):
            print(f"   ({sub['id']}) {sub['stem']}" + (f"  答案：{sub['answer']}" if "answer" in sub else ""))
            for letter, text in sub.get("options", {}).items():
                print(f"      {letter}. {text}")
        if "answer" in item:
            print(f"   答案：{item['answer']}")


@attempt_app.command("start")
def attempt_start(
    ctx: typer.Context,
    paper: Annotated[Path, typer.Option("--paper", help="paper JSON")],
    candidate: Annotated[str, typer.Option("--candidate", help="candidate name")],
    extra_minutes: Annotated[float, typer.Option("--extra-minutes", help="extra time for this candidate")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Start an attempt on a paper; prints the attempt id."""
    state: CliState = ctx.obj
    from trainer.services.attempts import AttemptService
    from trainer.services.papers import PaperService

    try:
        context = state.context()
        dto = PaperService(context).resolve(_read_json(paper), str(paper))
        status = AttemptService(context).start(dto.paper_id, candidate, extra_minutes=extra_minutes)
    except TrainerError as exc:
        fail(exc)
    if as_json:
        emit_json(status.to_json())
    else:
        print(f"作答记录 {status.attempt} 已开始：{status.candidate}，剩余 {status.time_left_s / 60:.1f} 分钟")


@attempt_app.command("answer")
def attempt_answer(
    ctx: typer.Context,
    attempt: Annotated[int, typer.Argument(help="attempt id")],
    item: Annotated[str, typer.Argument(help="item id, or ITEM.N for a case's sub-question")],
    value: Annotated[str, typer.Argument(help="single B; multiple ABD; judge T/F; fill text (blanks joined by |); ordering C,A,B; matching 1-B,2-A; essay text")],
) -> None:
    """Save an answer; exits 0 only after it is durable."""
    state: CliState = ctx.obj
    from trainer.services.attempts import AttemptService

    try:
        status = AttemptService(state.context()).answer(attempt, item, value)
    except TrainerError as exc:
        fail(exc)
    print(f"已保存 {item} = {status.answers.get(item, value)}")


@attempt_app.command("status")
def attempt_status(
    ctx: typer.Context,
    attempt: Annotated[int, typer.Argument(help="attempt id")],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """State, saved answers, time used and left."""
    state: CliState = ctx.obj
    from trainer.services.attempts import AttemptService

    try:
        status = AttemptService(state.context()).status(attempt)
    except TrainerError as exc:
        fail(exc)
    if as_json:
        emit_json(status.to_json())
        return
    print(f"作答记录 {status.attempt}（{status.candidate}）：{status.state}，已用 {status.time_used_s:.0f} 秒，剩余 {status.time_left_s:.0f} 秒")
    for key, value in status.answers.items():
        print(f"  {key}: {value}")


@attempt_app.command("submit")
def attempt_submit(
    ctx: typer.Context,
    attempt: Annotated[int, typer.Argument(help="attempt id")],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Submit and grade; essays wait for a trainer."""
    state: CliState = ctx.obj
    from trainer.services.attempts import AttemptService

    try:
        result = AttemptService(state.context()).submit(attempt)
    except TrainerError as exc:
        fail(exc)
    if as_json:
        emit_json(result.to_json())
        return
    verdict = "待阅卷" if result.passed is None else ("通过" if result.passed else "未通过")
    print(f"成绩 {result.score:g} / {result.max_score:g}（{result.percent:g}%）：{verdict}")
    for domain, d in result.by_domain.items():
        print(f"  {domain}: {d['score']:g} / {d['max_score']:g}")
