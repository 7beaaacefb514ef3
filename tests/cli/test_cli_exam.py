"""The exam driver's CLI contract: `trainer paper build | show` and `trainer attempt start | answer | status | submit`.

Everything goes through the real Typer app (`--data-dir tmp`) over the exam bank (one item of every type);
one test crosses a process boundary to see that `attempt answer` exits 0 only once the answer is on disk.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trainer.cli.app import app
from trainer.core.clock import SystemClock

ITEM_KEYS = {"id", "type", "domain", "points"}
EXTRA_ITEMS = """\
domain: hr
section: hr-demo
items:
""" + "".join(
    f"""\
  - id: hr-extra-{n:03d}
    type: single
    stem: 额外单选题第{n}题（　）。
    options: [选项甲{n}, 选项乙{n}, 选项丙{n}, 选项丁{n}]
    answer: A
    explanation: 甲。
    basis: [{{rule: demo-law, article: 第{n}条}}]
    difficulty: 2
  - id: hr-extra-j{n:03d}
    type: judge
    stem: 额外判断题第{n}题，内容各不相同{n * 7}。
    answer: true
    explanation: 对。
    basis: [{{rule: demo-law, article: 第{n}条}}]
    difficulty: 2
"""
    for n in range(1, 6)
)
FORMS_BLUEPRINT = """\
name: 平行卷
duration_minutes: 20
pass: {total_percent: 60}
sections:
  - {domain: hr, type: single, count: 3, points: 10}
  - {domain: hr, type: judge, count: 3, points: 10}
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run(data_dir: Path):  # type: ignore[no-untyped-def]
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(app, ["--data-dir", str(data_dir), *[str(a) for a in args]])

    return invoke


@pytest.fixture
def paper(run, exam_bank: Path, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    imported = run("bank", "import", exam_bank)
    assert imported.exit_code == 0, imported.output
    out = tmp_path / "paper.json"
    built = run("paper", "build", "--blueprint", exam_bank / "blueprints" / "exam.yaml", "--seed", "7", "-o", out)
    assert built.exit_code == 0, built.output
    return out


def _json(result) -> dict:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _fails(result, *needles: str) -> None:  # type: ignore[no-untyped-def]
    """Exit 1 through the CLI's error path (a message, no traceback), naming every needle."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)  # not an unexpected crash
    for needle in needles:
        assert needle in result.output, (needle, result.output)


def _start(run, paper: Path, name: str = "张三", *extra: str) -> int:  # type: ignore[no-untyped-def]
    data = _json(run("attempt", "start", "--paper", paper, "--candidate", name, *extra, "--json"))
    return int(data["attempt"])


# --- paper build / show -----------------------------------------------------------------------------
def test_build_writes_paper_json_with_items(paper: Path, exam_key: dict[str, str]) -> None:
    data = json.loads(paper.read_text(encoding="utf-8"))
    assert isinstance(data["items"], list) and len(data["items"]) == 8
    for item in data["items"]:
        assert ITEM_KEYS <= item.keys()
        assert item["domain"] == "hr" and isinstance(item["points"], (int, float))
    assert {i["id"] for i in data["items"]} == {k.partition(".")[0] for k in exam_key}
    assert {i["type"] for i in data["items"]} == {"single", "judge", "fill", "multiple", "ordering", "matching", "case", "essay"}
    assert sum(i["points"] for i in data["items"]) == 100


def test_show_with_key_gives_the_canonical_answers(run, paper: Path, exam_key: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    shown = _json(run("paper", "show", paper, "--with-key", "--json"))
    answers: dict[str, str] = {}
    for item in shown["items"]:
        assert ITEM_KEYS <= item.keys() and item["stem"]
        if item["type"] == "case":
            assert "answer" not in item
            for sub in item["sub"]:
                assert sub["stem"] and sub["id"].startswith(item["id"] + ".")
                answers[sub["id"]] = sub["answer"]
        else:
            answers[item["id"]] = item["answer"]
    assert answers == exam_key
    by_id = {i["id"]: i for i in shown["items"]}
    assert by_id["hr-demo-001"]["options"] == {"A": "甲", "B": "乙", "C": "丙", "D": "丁"}  # the bank's order
    assert by_id["hr-demo-005"]["options"] == {"A": "第三步", "B": "第一步", "C": "第二步"}
    assert by_id["hr-demo-006"]["left"] == {"1": "甲事项", "2": "乙事项"} and by_id["hr-demo-006"]["right"]["A"] == "乙部门"


def test_show_without_key_hides_answers(run, paper: Path) -> None:  # type: ignore[no-untyped-def]
    shown = _json(run("paper", "show", paper, "--json"))
    text = json.dumps(shown, ensure_ascii=False)
    assert '"answer"' not in text and '"explanation"' not in text and '"rubric"' not in text
    assert all(item["stem"] for item in shown["items"])
    case = next(i for i in shown["items"] if i["type"] == "case")
    assert [s["id"] for s in case["sub"]] == ["hr-demo-007.1", "hr-demo-007.2"] and case["sub"][0]["options"]["C"] == "丙"


def test_same_seed_same_paper_even_in_another_database(run, paper: Path, exam_bank: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    again = tmp_path / "again.json"
    assert run("paper", "build", "--blueprint", exam_bank / "blueprints" / "exam.yaml", "--seed", "7", "-o", again).exit_code == 0
    assert json.loads(again.read_text(encoding="utf-8")) == json.loads(paper.read_text(encoding="utf-8"))
    other = CliRunner()
    other_dir = tmp_path / "other-data"
    assert other.invoke(app, ["--data-dir", str(other_dir), "bank", "import", str(exam_bank)]).exit_code == 0
    elsewhere = tmp_path / "elsewhere.json"
    built = other.invoke(app, ["--data-dir", str(other_dir), "paper", "build", "--blueprint", str(exam_bank / "blueprints" / "exam.yaml"), "--seed", "7", "-o", str(elsewhere)])
    assert built.exit_code == 0, built.output
    mine, theirs = (json.loads(p.read_text(encoding="utf-8")) for p in (paper, elsewhere))
    assert theirs["items"] == mine["items"] and theirs["content_hash"] == mine["content_hash"]


def test_two_forms_write_two_files_with_minimal_overlap(run, exam_bank: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (exam_bank / "hr" / "extra.yaml").write_text(EXTRA_ITEMS, encoding="utf-8")
    blueprint = tmp_path / "forms.yaml"
    blueprint.write_text(FORMS_BLUEPRINT, encoding="utf-8")
    assert run("bank", "import", exam_bank).exit_code == 0
    result = run("paper", "build", "--blueprint", blueprint, "--forms", "2", "--seed", "3", "-o", tmp_path / "form.json")
    assert result.exit_code == 0, result.output
    files = [tmp_path / "form-1.json", tmp_path / "form-2.json"]
    assert all(f.exists() for f in files) and not (tmp_path / "form.json").exists()
    forms = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    ids = [{i["id"] for i in f["items"]} for f in forms]
    assert all(len(f["items"]) == 6 and len(s) == 6 for f, s in zip(forms, ids))
    # The bank holds 6 singles and 6 judges: two disjoint forms of 3 + 3 exist, so none may be shared.
    assert ids[0] & ids[1] == set()
    assert forms[0]["content_hash"] != forms[1]["content_hash"]


def test_two_forms_share_only_what_the_bank_forces(run, exam_bank: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (exam_bank / "hr" / "extra.yaml").write_text(EXTRA_ITEMS, encoding="utf-8")
    blueprint = tmp_path / "forms.yaml"
    blueprint.write_text(FORMS_BLUEPRINT.replace("count: 3", "count: 4"), encoding="utf-8")  # 8 of 6 per type
    assert run("bank", "import", exam_bank).exit_code == 0
    result = run("paper", "build", "--blueprint", blueprint, "--forms", "2", "-o", tmp_path / "form.json")
    assert result.exit_code == 0, result.output
    ids = [{i["id"] for i in json.loads((tmp_path / f"form-{n}.json").read_text(encoding="utf-8"))["items"]} for n in (1, 2)]
    assert len(ids[0]) == len(ids[1]) == 8
    assert len(ids[0] & ids[1]) == 4  # 2 × 4 − 6 per type: the least overlap possible


def test_infeasible_blueprint_names_the_cell_and_the_shortfall(run, exam_bank: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("bank", "import", exam_bank).exit_code == 0
    blueprint = tmp_path / "too-big.yaml"
    blueprint.write_text((exam_bank / "blueprints" / "exam.yaml").read_text(encoding="utf-8").replace("type: multiple, count: 1", "type: multiple, count: 4"), encoding="utf-8")
    out = tmp_path / "never.json"
    result = run("paper", "build", "--blueprint", blueprint, "-o", out)
    _fails(result, "人社 / 多选题", "需要 4 题", "可用 1 题", "缺 3 题")
    assert "单选题" not in result.output  # only the short cell is named
    assert not out.exists()


# --- attempts ---------------------------------------------------------------------------------------
def test_start_json_and_extra_minutes(run, paper: Path) -> None:  # type: ignore[no-untyped-def]
    started = _json(run("attempt", "start", "--paper", paper, "--candidate", "李四", "--extra-minutes", "15", "--json"))
    assert isinstance(started["attempt"], int) and started["state"] == "in_progress" and started["candidate"] == "李四"
    status = _json(run("attempt", "status", started["attempt"], "--json"))
    assert {"state", "answers", "time_used_s", "time_left_s"} <= status.keys()
    assert status["state"] == "in_progress" and status["answers"] == {}
    assert 0 <= status["time_used_s"] < 30
    assert (30 + 15) * 60 - 30 < status["time_left_s"] <= (30 + 15) * 60
    assert status["time_used_s"] + status["time_left_s"] == pytest.approx(45 * 60, abs=0.01)
    plain = _json(run("attempt", "status", _start(run, paper, "王五"), "--json"))
    assert 30 * 60 - 30 < plain["time_left_s"] <= 30 * 60


def test_full_marks_run_with_the_essay_pending(run, paper: Path, exam_key: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    attempt = _start(run, paper)
    for item, value in exam_key.items():
        saved = run("attempt", "answer", attempt, item, value)
        assert saved.exit_code == 0, saved.output
    status = _json(run("attempt", "status", attempt, "--json"))
    assert status["answers"] == exam_key and status["state"] == "in_progress"
    result = _json(run("attempt", "submit", attempt, "--json"))
    assert {"state", "score", "max_score", "by_domain", "passed"} <= result.keys()
    assert result["state"] == "submitted" and result["passed"] is None  # an essay waits for a trainer
    assert result["pending"] == ["hr-demo-008"] and result["essays_pending"] == 1
    assert result["score"] == 80 and result["max_score"] == 100  # everything but the essay is right
    assert result["by_domain"]["hr"]["score"] == 80 and result["by_domain"]["hr"]["max_score"] == 100
    after = _json(run("attempt", "status", attempt, "--json"))
    assert after["state"] == "submitted" and after["answers"] == exam_key and after["time_left_s"] == 0


def test_every_value_form_is_accepted_and_canonicalised(run, paper: Path, exam_key: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    attempt = _start(run, paper)
    loose = {
        "hr-demo-001": "b", "hr-demo-002": "错误", "hr-demo-003": " 30 ", "hr-demo-004": "D, A, C", "hr-demo-005": "B C A",
        "hr-demo-006": "2-A,1-B", "hr-demo-007.1": "Ｃ", "hr-demo-007.2": "true", "hr-demo-008": exam_key["hr-demo-008"],
    }
    for item, value in loose.items():
        saved = run("attempt", "answer", attempt, item, value)
        assert saved.exit_code == 0, saved.output
        assert exam_key[item] in saved.output
    assert _json(run("attempt", "status", attempt, "--json"))["answers"] == exam_key


def test_case_sub_items_are_answered_one_by_one(run, paper: Path) -> None:  # type: ignore[no-untyped-def]
    attempt = _start(run, paper)
    assert run("attempt", "answer", attempt, "hr-demo-007.1", "A").exit_code == 0
    assert run("attempt", "answer", attempt, "hr-demo-007.2", "T").exit_code == 0
    assert run("attempt", "answer", attempt, "hr-demo-007.1", "C").exit_code == 0  # a change: the last one counts
    assert _json(run("attempt", "status", attempt, "--json"))["answers"] == {"hr-demo-007.1": "C", "hr-demo-007.2": "T"}
    result = _json(run("attempt", "submit", attempt, "--json"))
    assert result["score"] == 20 and result["passed"] is False and result["state"] == "graded"


@pytest.mark.parametrize(
    "item,value,needle",
    [
        ("hr-nope-001", "A", "没有题目"),
        ("hr-demo-001", "E", "不是有效选项"),
        ("hr-demo-001", "AB", "单选题只能有一个答案"),
        ("hr-demo-001", "", "答案为空"),
        ("hr-demo-002", "maybe", "判断题"),
        ("hr-demo-003", "30|40", "1 个空"),
        ("hr-demo-004", "AX", "不是有效选项"),
        ("hr-demo-005", "A,A,B", "重复"),
        ("hr-demo-005", "C,A,D", "不是有效选项"),  # an incomplete ordering is allowed (core/answers.py), a foreign letter is not
        ("hr-demo-006", "1-B,2-Z", "没有选项 Z"),
        ("hr-demo-006", "1-B,3-A", "没有第 3 项"),
        ("hr-demo-007", "C", "案例题请按小题作答"),
        ("hr-demo-007.3", "C", "hr-demo-007.2"),
        ("hr-demo-007.1", "CD", "单选题只能有一个答案"),
        ("hr-demo-001.1", "B", "不是案例题"),
    ],
)
def test_bad_input_exits_1_and_changes_nothing(run, paper: Path, item: str, value: str, needle: str) -> None:  # type: ignore[no-untyped-def]
    attempt = _start(run, paper)
    assert run("attempt", "answer", attempt, "hr-demo-002", "T").exit_code == 0
    before = _json(run("attempt", "status", attempt, "--json"))
    _fails(run("attempt", "answer", attempt, item, value), needle)
    after = _json(run("attempt", "status", attempt, "--json"))
    assert after["answers"] == before["answers"] == {"hr-demo-002": "T"} and after["state"] == "in_progress"


def test_unknown_attempt_is_a_clear_error(run, paper: Path) -> None:  # type: ignore[no-untyped-def]
    for args in (("answer", "999", "hr-demo-001", "B"), ("status", "999", "--json"), ("submit", "999", "--json")):
        _fails(run("attempt", *args), "999", "不存在")


def test_answering_after_submit_exits_1_and_changes_nothing(run, paper: Path) -> None:  # type: ignore[no-untyped-def]
    attempt = _start(run, paper)
    assert run("attempt", "answer", attempt, "hr-demo-001", "B").exit_code == 0
    submitted = _json(run("attempt", "submit", attempt, "--json"))
    before = _json(run("attempt", "status", attempt, "--json"))
    for item, value in (("hr-demo-001", "C"), ("hr-demo-002", "T")):
        _fails(run("attempt", "answer", attempt, item, value), "已交卷")
    after = _json(run("attempt", "status", attempt, "--json"))
    assert after == before and after["answers"] == {"hr-demo-001": "B"}
    assert _json(run("attempt", "submit", attempt, "--json"))["score"] == submitted["score"] == 10  # submitting again changes nothing


def test_answering_after_time_out_exits_1_and_changes_nothing(run, paper: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    attempt = _start(run, paper, "赵六", "--extra-minutes", "1")
    assert run("attempt", "answer", attempt, "hr-demo-001", "B").exit_code == 0
    real = SystemClock.monotonic
    monkeypatch.setattr(SystemClock, "monotonic", lambda self: real(self) + 31 * 60 + 5)  # 31 minutes pass
    _fails(run("attempt", "answer", attempt, "hr-demo-002", "F"), "时间已到", "未保存")
    status = _json(run("attempt", "status", attempt, "--json"))
    assert status["answers"] == {"hr-demo-001": "B"}
    assert status["state"] in ("auto_submitted", "graded") and status["time_left_s"] == 0
    assert status["time_used_s"] == pytest.approx(31 * 60)  # capped at the allowed time
    _fails(run("attempt", "answer", attempt, "hr-demo-002", "F"))
    assert _json(run("attempt", "status", attempt, "--json"))["answers"] == {"hr-demo-001": "B"}
    result = _json(run("attempt", "submit", attempt, "--json"))
    assert result["score"] == 10 and result["passed"] is False


def test_extra_minutes_keep_the_attempt_open_past_the_paper_duration(run, paper: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    attempt = _start(run, paper, "钱七", "--extra-minutes", "10")
    real = SystemClock.monotonic
    monkeypatch.setattr(SystemClock, "monotonic", lambda self: real(self) + 35 * 60)
    assert run("attempt", "answer", attempt, "hr-demo-001", "B").exit_code == 0
    status = _json(run("attempt", "status", attempt, "--json"))
    assert status["state"] == "in_progress" and 4 * 60 < status["time_left_s"] <= 5 * 60


def test_bad_paper_file_and_candidate(run, paper: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _fails(run("attempt", "start", "--paper", tmp_path / "missing.json", "--candidate", "甲", "--json"), "文件不存在")
    (tmp_path / "junk.json").write_text("{not json", encoding="utf-8")
    _fails(run("paper", "show", tmp_path / "junk.json", "--json"), "JSON")
    _fails(run("attempt", "start", "--paper", paper, "--candidate", "  ", "--json"), "姓名")
    _fails(run("attempt", "start", "--paper", paper, "--candidate", "甲", "--extra-minutes", "-5", "--json"), "负数")


def test_answer_is_on_disk_when_the_process_exits_0(paper: Path, data_dir: Path, run) -> None:  # type: ignore[no-untyped-def]
    """Across processes: a separate `trainer attempt answer` exits 0, then the file alone holds the answer."""
    t0 = time.monotonic()
    attempt = _start(run, paper)
    env = dict(os.environ, TRAINER_DATA_DIR=str(data_dir))
    proc = subprocess.run(
        [sys.executable, "-m", "trainer", "--data-dir", str(data_dir), "attempt", "answer", str(attempt), "hr-demo-004", "c,a,d"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "ACD" in proc.stdout
    db_files = [p for p in data_dir.rglob("*.sqlite3")]
    assert len(db_files) == 1
    with sqlite3.connect(db_files[0]) as conn:
        rows = conn.execute("SELECT item_key, value FROM answers WHERE attempt_id = ?", (attempt,)).fetchall()
        journal = conn.execute("SELECT seq, item_key, value FROM answer_events WHERE attempt_id = ? ORDER BY seq", (attempt,)).fetchall()
    assert rows == [("hr-demo-004", "ACD")] and journal == [(1, "hr-demo-004", "ACD")]
    bad = subprocess.run(
        [sys.executable, "-m", "trainer", "--data-dir", str(data_dir), "attempt", "answer", str(attempt), "hr-demo-004", "Z"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert bad.returncode == 1 and "不是有效选项" in bad.stderr and "Traceback" not in bad.stderr
    t1 = time.monotonic()
    status = _json(run("attempt", "status", attempt, "--json"))
    assert status["answers"] == {"hr-demo-004": "ACD"}
    # The attempt kept counting across the two processes (same boot): all the time since it started, no more.
    assert t1 - t0 - 0.5 <= status["time_used_s"] <= time.monotonic() - t0
