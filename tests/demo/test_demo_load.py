"""The client's direct demo load: clues with their histories, the evidence files they cite
(rows and files in the store's attachment folder), their notices, and the accounts' posts."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.demo.city import load_city
from desktop.demo.evidence import evidence_by_sha
from desktop.demo.generator import generate_clues
from desktop.domain.codes import OPEN_STATUSES, Status
from desktop.domain.notices import NoticeState


def test_load_demo_writes_files_notices_and_posts(tmp_path: Path, now: datetime) -> None:
    from desktop.store.attachments import attachment_path, verify
    from desktop.store.database import open_store
    from desktop.store.demo_load import load_demo
    from desktop.store.models import (
        Attachment,
        Clue,
        ClueAttachment,
        Notice,
        NoticeEvent,
        SyncState,
        User,
    )

    store = open_store(tmp_path / "data")
    try:
        assert load_demo(store, 800, seed=4, now=now) == 800
        generated = list(generate_clues(load_city(), 800, seed=4, now=now))
        with store.session() as session:
            posts = dict(session.execute(select(User.username, User.post)).all())
            assert posts["xinhaijb"] == "clerk" and posts["xinhai"] == "head"
            rows = {c.code: c for c in session.scalars(select(Clue))}
            for g in generated:
                row = rows[g.state.code]
                assert (row.status, row.channel_ref, row.owner_unit) == (
                    g.state.status.value,
                    g.draft.channel_ref,
                    g.state.owner_unit,
                )
            cited = session.execute(select(ClueAttachment.sha256, ClueAttachment.name)).all()
            assert len(cited) == sum(len(g.attachments) for g in generated) > 0
            files = {a.sha256: a for a in session.scalars(select(Attachment))}
            assert set(files) == {sha for sha, _ in cited}
            evidence = evidence_by_sha()
            for sha256, row in files.items():
                assert row.size == evidence[sha256].size
                assert row.media_type == evidence[sha256].media_type
                assert verify(store, sha256)
                assert attachment_path(store, sha256).read_bytes() == evidence[sha256].data
                assert attachment_path(store, sha256).stat().st_mode & 0o077 == 0
            notices = list(session.scalars(select(Notice)))
            assert len(notices) == sum(len(g.notices) for g in generated) > 0
            for notice in notices:
                state = NoticeState.from_dict(notice.state)
                assert notice.server_state == notice.state and notice.server_version == 1
                assert not notice.pending and state.status.value == notice.status
            events = session.scalar(select(func.count()).select_from(NoticeEvent))
            assert events == sum(len(n.events) for g in generated for n in g.notices)
            demo: Any = session.get(SyncState, "demo")
            assert demo is not None and "backlog" not in demo.value
    finally:
        store.close()


def test_the_shared_test_store_has_a_large_backlog(demo_store: Any) -> None:
    """The tests' store (tests/conftest.py) leaves half of its clues open."""
    from desktop.store.models import Clue, Notice

    with demo_store.session() as session:
        statuses = Counter(session.scalars(select(Clue.status)))
        notices = Counter(session.scalars(select(Notice.status)))
    still_open = sum(n for s, n in statuses.items() if Status(s) in OPEN_STATUSES)
    assert 0.4 <= still_open / sum(statuses.values()) <= 0.6
    assert all(statuses[s.value] >= 20 for s in OPEN_STATUSES)
    assert len(notices) == 7
