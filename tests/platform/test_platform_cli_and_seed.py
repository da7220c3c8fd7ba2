"""The `cluedesk-platform` command line and the seeded demo data."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from platform_testkit import Api, Clock, make_client
from sqlalchemy import func, select

from cityplatform.cli import main
from cityplatform.models import (
    AccountabilityRecord,
    Attachment,
    Clue,
    ClueAttachment,
    ClueEvent,
    Counter,
    IntakeRef,
    Notice,
    NoticeEvent,
    NumberBlock,
    Suggestion,
    User,
    VerificationBatch,
)

EXE = str(Path(sys.executable).with_name("cluedesk-platform"))


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EXE, *args], input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


def test_seed_json_prints_the_demo_accounts(platform_db_url: str) -> None:
    done = _run(
        "seed",
        "--db",
        platform_db_url,
        "--clues",
        "40",
        "--seed",
        "3",
        "--now",
        "2026-11-27T10:00+08:00",
        "--json",
        "--fast-hash",
    )
    assert done.returncode == 0, done.stderr
    accounts = json.loads(done.stdout)
    assert [a["username"] for a in accounts] == [
        "xinhai",
        "hzhb",
        "haizhou",
        "hzjw",
        "city",
        "admin",
        "xinhaijb",
        "donghai",
    ]
    township = accounts[0]
    assert township["password"] == "demo1234"
    assert (township["role"], township["unit_code"], township["unit_name"]) == (
        "handler",
        "320706001",
        "新海街道",
    )
    again = _run("seed", "--db", platform_db_url, "--clues", "5", "--fast-hash")
    assert again.returncode == 2
    assert "已有数据" in again.stderr


def test_seed_table_and_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    assert main(["seed", "--db", url, "--clues", "3", "--fast-hash", "--now", "2026-11-27"]) == 0
    out = capsys.readouterr().out
    assert "用户名" in out and "xinhai" in out and "新海街道" in out
    assert main(["seed", "--db", "mysql://x/y", "--clues", "1"]) == 2
    assert "不支持的数据库" in capsys.readouterr().err
    assert main(["seed", "--db", url, "--clues", "-1"]) == 2
    assert main(["seed", "--db", url, "--clues", "1", "--now", "昨天"]) == 2
    assert "--now" in capsys.readouterr().err


def _login_status(url: str, tmp_path: Path, clock: Clock, username: str, password: str) -> Any:
    with make_client(url, tmp_path / "files", clock) as client:
        response = client.post(
            "/api/v1/auth/login",
            json={"username": username, "password": password, "device_id": "cli-test"},
        )
        return response.status_code, response.json()


def test_user_commands(
    seeded_url: str,
    tmp_path: Path,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add = [
        "user",
        "add",
        "--db",
        seeded_url,
        "--username",
        "newbie",
        "--unit",
        "320706003",
        "--role",
        "办理人员",
        "--display-name",
        "新人",
        "--password-stdin",
        "--fast-hash",
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("secret-1\n"))
    assert main(add) == 0
    status, body = _login_status(seeded_url, tmp_path, clock, "newbie", "secret-1")
    assert status == 200
    assert body["user"] == {
        "username": "newbie",
        "display_name": "新人",
        "role": "handler",
        "unit_code": "320706003",
        "post": "head",
    }
    monkeypatch.setattr(sys, "stdin", io.StringIO("secret-1\n"))
    assert main(add) == 2
    assert "已存在" in capsys.readouterr().err
    for option, value, message in (("--role", "boss", "角色"), ("--unit", "999", "单位编码")):
        bad = list(add)
        bad[bad.index(option) + 1] = value
        bad[bad.index("newbie")] = "other"
        monkeypatch.setattr(sys, "stdin", io.StringIO("secret-1\n"))
        assert main(bad) == 2
        assert message in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main([*add[:5], "other", *add[6:]]) == 2
    assert "密码" in capsys.readouterr().err

    monkeypatch.setattr(sys, "stdin", io.StringIO("changed-2\n"))
    passwd = [
        "user",
        "passwd",
        "--db",
        seeded_url,
        "--username",
        "newbie",
        "--password-stdin",
        "--fast-hash",
    ]
    assert main(passwd) == 0
    assert _login_status(seeded_url, tmp_path, clock, "newbie", "secret-1")[0] == 401
    assert _login_status(seeded_url, tmp_path, clock, "newbie", "changed-2")[0] == 200

    move = ["user", "move", "--db", seeded_url, "--username", "newbie", "--unit", "320706004"]
    assert main(move) == 0
    assert main(move) == 2  # already there
    assert main(["user", "disable", "--db", seeded_url, "--username", "newbie"]) == 0
    status, body = _login_status(seeded_url, tmp_path, clock, "newbie", "changed-2")
    assert (status, body["error"]["code"]) == (401, "user_disabled")
    assert main(["user", "disable", "--db", seeded_url, "--username", "ghost"]) == 2
    from cityplatform.db import open_database

    db = open_database(seeded_url)
    try:
        with db.read() as session:
            user = session.get(User, "newbie")
            assert user is not None
            assert (user.unit_code, user.scope_epoch, user.disabled) == ("320706004", 2, True)
    finally:
        db.dispose()


CALENDAR = {
    "rules": {"limits": {"dispatch_days": 2}, "office_hours": [["09:00", "12:00"]]},
    "calendar": [
        {
            "year": 2027,
            "source": "国务院办公厅",
            "holidays": ["2027-01-01"],
            "workdays": ["2027-01-02"],
        },
    ],
}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (json.dumps({"calendar": [{"year": 2027, "holidays": ["2027-02-30"]}]}), "2027-02-30"),
        (json.dumps({"calendar": [{"year": 2027}, {"year": 2027}]}), "第 2 项"),
        (json.dumps({"calendar": [{"year": "明年"}]}), "第 1 项"),
        (json.dumps({"rules": {"limits": {"sign_days": 0}}}), "limits.sign_days"),
        (json.dumps({"rules": {}, "extra": 1}), "extra"),
        ("{not json", "JSON"),
        (json.dumps([1, 2]), "对象"),
    ],
)
def test_calendar_import_names_the_bad_entry(
    seeded_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "calendar.json"
    path.write_text(content, encoding="utf-8")
    assert main(["calendar", "import", "--db", seeded_url, str(path)]) == 2
    assert message in capsys.readouterr().err


def test_calendar_import(
    seeded_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "calendar.json"
    path.write_text(json.dumps(CALENDAR, ensure_ascii=False), encoding="utf-8")
    assert main(["calendar", "import", "--db", seeded_url, str(path)]) == 0
    assert "规则版本 2" in capsys.readouterr().out
    assert main(["calendar", "import", "--db", seeded_url, str(tmp_path / "missing.json")]) == 2
    assert "无法读取" in capsys.readouterr().err


def test_seeded_history_ids_are_stable_and_unique(tmp_path: Path, now: datetime) -> None:
    from cityplatform.db import open_database
    from cityplatform.security import FAST_HASHER
    from cityplatform.seed import seed_demo
    from desktop.demo.city import load_city
    from desktop.demo.generator import generate_clues

    ids = []
    for name in ("a", "b"):
        url = f"sqlite:///{tmp_path / name}.sqlite3"
        seed_demo(url, 120, seed=5, now=now, hasher=FAST_HASHER)
        db = open_database(url)
        try:
            with db.read() as session:
                ids.append(
                    list(session.scalars(select(ClueEvent.action_id).order_by(ClueEvent.id)))
                )
                counters = dict(session.execute(select(Counter.name, Counter.value)).all())
                clues = session.execute(select(Clue.code, Clue.seq, Clue.status)).all()
                events = session.scalar(select(func.count()).select_from(ClueEvent))
                records = session.scalar(select(func.count()).select_from(Suggestion))
                records += session.scalar(select(func.count()).select_from(AccountabilityRecord))
                newest = session.scalar(select(func.max(Suggestion.seq)))
                batches = session.scalar(select(func.count()).select_from(VerificationBatch))
                last_batch = session.scalar(select(func.max(VerificationBatch.seq)))
        finally:
            db.dispose()
    assert ids[0] == ids[1]
    assert len(set(ids[0])) == len(ids[0])
    generated = list(generate_clues(load_city(), 120, seed=5, now=now))
    assert events == sum(len(c.events) for c in generated)
    assert sorted((c.code, c.seq) for c in clues) == sorted(
        (g.state.code, i) for i, g in enumerate(generated, 1)
    )
    assert {c.code: c.status for c in clues} == {
        g.state.code: g.state.status.value for g in generated
    }
    # The commissions' records follow the clues in the change feed, the weekly verification
    # batches follow them.
    assert records > 0 and batches > 0
    assert counters["change_seq"] == 120 + records + batches == last_batch
    assert newest is not None and 120 < newest <= counters["change_seq"]
    years: dict[int, int] = {}
    for g in generated:
        year, number = int(g.state.code[3:7]), int(g.state.code[7:])
        years[year] = max(years.get(year, 0), number)
    for year, number in years.items():
        assert counters[f"clue_code:{year}"] == number


def test_seed_writes_evidence_notices_posts_and_references(
    platform_db_url: str, tmp_path: Path, now: datetime
) -> None:
    from cityplatform.db import open_database
    from cityplatform.numbers import notice_counter
    from cityplatform.security import FAST_HASHER
    from cityplatform.seed import seed_demo
    from desktop.demo.city import load_city
    from desktop.demo.evidence import evidence_by_sha
    from desktop.demo.generator import generate_clues
    from desktop.domain.notices import NoticeState

    url = platform_db_url
    files = tmp_path / "files"
    seed_demo(url, 1500, seed=3, now=now, hasher=FAST_HASHER, data_dir=files)
    generated = list(generate_clues(load_city(), 1500, seed=3, now=now))
    db = open_database(url)
    try:
        with db.read() as session:
            posts = dict(session.execute(select(User.username, User.post)).all())
            assert posts["xinhai"] == "head" and posts["xinhaijb"] == "clerk"
            assert posts["u320706002j"] == "clerk" and posts["haizhou"] == "head"
            rows = {c.code: c for c in session.scalars(select(Clue))}
            for g in generated:
                row = rows[g.state.code]
                assert row.channel_ref == g.draft.channel_ref
                assert (row.finding, row.owner_unit) == (
                    g.state.finding.value if g.state.finding else None,
                    g.state.owner_unit,
                )
                assert row.county_code == g.state.county_code  # where a transfer sent it
                assert row.duplicate_of == g.state.duplicate_of
            refs = session.execute(select(IntakeRef.channel, IntakeRef.external_id)).all()
            assert sorted(refs) == sorted(
                (g.draft.channel.value, g.draft.channel_ref)
                for g in generated
                if g.draft.channel_ref
            )
            cited = session.execute(
                select(ClueAttachment.sha256, ClueAttachment.name, ClueAttachment.added_by)
            ).all()
            assert len(cited) == sum(len(g.attachments) for g in generated)
            stored = {a.sha256: a for a in session.scalars(select(Attachment))}
            evidence = evidence_by_sha()
            assert set(stored) == {sha for sha, _, _ in cited} and set(stored) <= set(evidence)
            for sha256, attachment in stored.items():
                assert attachment.complete and attachment.received == attachment.size
                path = files / "attachments" / sha256[:2] / sha256
                assert path.read_bytes() == evidence[sha256].data
            notices = list(session.scalars(select(Notice)))
            assert len(notices) == sum(len(g.notices) for g in generated)
            assert {n.status for n in notices} >= {"rectified", "case_closed"}
            events = session.scalar(select(func.count()).select_from(NoticeEvent))
            assert events == sum(len(n.events) for g in generated for n in g.notices)
            counters = dict(session.execute(select(Counter.name, Counter.value)).all())
            notice_blocks = select(NumberBlock).where(NumberBlock.series == "notice")
            blocks = {(b.unit_code, b.year): b for b in session.scalars(notice_blocks)}
            issued: dict[tuple[str, int], list[int]] = {}
            for notice in notices:
                state = NoticeState.from_dict(notice.state)
                assert state.notice_id == notice.notice_id and state.status.value == notice.status
                if notice.number_seq is not None:
                    assert notice.number_year is not None
                    issued.setdefault((notice.unit_code, notice.number_year), []).append(
                        notice.number_seq
                    )
            assert issued
            for (unit, year), seqs in issued.items():
                assert sorted(seqs) == list(range(1, len(seqs) + 1))
                assert counters[notice_counter(unit, year)] == len(seqs)
                block = blocks[(unit, year)]
                assert (block.first, block.last, block.device_id) == (1, len(seqs), "seed")
    finally:
        db.dispose()


def test_seed_cli_data_dir_and_backlog(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    files = tmp_path / "served-files"
    args = ["seed", "--db", url, "--clues", "200", "--fast-hash", "--now", "2026-11-27T10:00+08:00"]
    assert main([*args, "--data-dir", str(files), "--backlog", "0.5"]) == 0
    assert list((files / "attachments").glob("*/*"))
    assert not (tmp_path / "p-files").exists()
    from cityplatform.db import open_database

    db = open_database(url)
    try:
        with db.read() as session:
            statuses = list(session.scalars(select(Clue.status)))
    finally:
        db.dispose()
    still_open = [s for s in statuses if s not in ("closed", "refused", "duplicate")]
    assert 0.35 <= len(still_open) / len(statuses) <= 0.65
    other = f"sqlite:///{tmp_path / 'q.sqlite3'}"
    bad = ["seed", "--db", other, "--clues", "5", "--fast-hash", "--backlog", "2"]
    assert main(bad) == 2


def test_a_seeded_photo_downloads_for_whoever_sees_its_clue(
    tmp_path: Path, now: datetime, clock: Clock
) -> None:
    from cityplatform.db import open_database
    from cityplatform.security import FAST_HASHER
    from cityplatform.seed import seed_demo
    from desktop.demo.evidence import evidence_by_sha

    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    files = tmp_path / "files"
    seed_demo(url, 300, seed=7, now=now, hasher=FAST_HASHER, data_dir=files)
    db = open_database(url)
    try:
        with db.read() as session:
            sha256 = session.scalars(select(ClueAttachment.sha256)).first()
    finally:
        db.dispose()
    assert sha256 is not None
    with make_client(url, files, clock) as client:
        login = Api(client, url).login("city")
        response = client.get(f"/api/v1/attachments/{sha256}", headers=login.headers)
    assert response.status_code == 200
    assert response.content == evidence_by_sha()[sha256].data
