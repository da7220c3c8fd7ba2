"""Building and caching the first-sync snapshot of a scope (the file; the endpoints are in
`snapshot`).

A snapshot holds every clue a viewer's pull from scratch would bring, as the pull's
`clue_documents` make them (same scope filter, same masking), read in ONE snapshot of the
database together with the feed head: its rows are exactly the feed up to that position.
Files are built per scope key (what the documents depend on: the viewer's unit and role), so
users who see the same thing share a file, and kept in the platform's data folder while the
feed head has not moved. A file is written under a temporary name and renamed when complete,
with its facts (size, digest, counts) in a JSON file beside it renamed last: a build under
way is never offered.

A large scope takes minutes to build, longer than a client waits for an answer: the offer
starts the build in a thread (`build_soon`) and waits a little; when the file is not done by
then the client is told to ask again. A marker file in the folder keeps the other workers from
building the same scope at the same time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from cityplatform.db import Database
from cityplatform.documents import clue_documents, select_clues
from cityplatform.models import Clue
from cityplatform.pull import feed_state
from cityplatform.scope import Viewer
from desktop.wire.base import build
from desktop.wire.records import ClueOut
from desktop.wire.snapshot import (
    FORMAT_VERSION,
    SnapshotFacts,
    create_tables,
    insert_clues,
    write_facts,
)

log = logging.getLogger("cityplatform")

FOLDER = "snapshots"
BATCH = 1000
KEEP = 2
"""Files kept per scope: the newest and the one before (a download under way finishes)."""

BUILDING_STALE_S = 30 * 60
"""A marker of a build older than this is of a process that died: another build may start."""

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()
_builders: dict[str, threading.Thread] = {}


@dataclass(frozen=True)
class Built:
    """A complete snapshot file and what the offer says of it."""

    id: str
    path: Path
    size: int
    sha256: str
    facts: SnapshotFacts


def scope_key(viewer: Viewer) -> str:
    """What a viewer's documents depend on (unit and role), as 16 hex digits."""
    unit = viewer.unit
    text = json.dumps(
        [FORMAT_VERSION, str(viewer.role), unit.code, str(unit.kind), unit.county_code],
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def snapshot_id(key: str, seq: int) -> str:
    """The id of the snapshot of scope `key` at feed position `seq`."""
    return f"{key}-{seq}"


def folder_of(data_dir: Path) -> Path:
    """Where snapshot files live."""
    return data_dir / FOLDER


def scope_count(session: Session, viewer: Viewer) -> int:
    """How many clues the viewer's scope holds."""
    statement = select(func.count()).select_from(Clue).where(viewer.clue_filter())
    return int(session.scalar(statement) or 0)


def cached(folder: Path, snapshot: str) -> Built | None:
    """The complete file of `snapshot`, if there is one."""
    path = folder / f"{snapshot}.sqlite3"
    try:
        data = json.loads((folder / f"{snapshot}.json").read_text(encoding="utf-8"))
        size = os.stat(path).st_size
    except (OSError, ValueError):
        return None
    if size != data.get("size"):
        return None
    facts = SnapshotFacts.model_validate(data["facts"], strict=False)
    return Built(snapshot, path, size, str(data["sha256"]), facts)


def snapshot_of(
    session: Session, viewer: Viewer, data_dir: Path, head: int, instance: str
) -> Built:
    """The snapshot of the viewer's scope at feed position `head`: the cached file, or one
    built now from `session` (which must be the snapshot `head` was read in)."""
    key = scope_key(viewer)
    folder = folder_of(data_dir)
    snapshot = snapshot_id(key, head)
    found = cached(folder, snapshot)
    if found is not None:
        return found
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:
        found = cached(folder, snapshot)
        if found is None:
            found = _build(session, viewer, folder, snapshot, head, instance)
            _prune(folder, key)
    return found


def _build(
    session: Session, viewer: Viewer, folder: Path, snapshot: str, head: int, instance: str
) -> Built:
    folder.mkdir(parents=True, exist_ok=True)
    temp = folder / f".{snapshot}.{uuid.uuid4().hex}.tmp"
    clues = events = 0
    try:
        db = sqlite3.connect(temp)
        try:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            create_tables(db)
            after = 0
            in_scope = viewer.clue_filter()
            while True:
                where = and_(Clue.seq > after, Clue.seq <= head, in_scope)
                rows = session.execute(select_clues(where, BATCH)).all()
                if not rows:
                    break
                documents = clue_documents(session, rows, viewer)
                out = [build(ClueOut, document) for document in documents]
                insert_clues(db, clues + 1, out)
                clues += len(out)
                events += sum(len(clue.events) for clue in out)
                after = rows[-1].seq
            facts = SnapshotFacts(
                format=FORMAT_VERSION, seq=head, instance=instance, clues=clues, events=events
            )
            write_facts(db, facts)
            db.commit()
        finally:
            db.close()
        digest = hashlib.sha256()
        with open(temp, "rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
        size = os.stat(temp).st_size
        path = folder / f"{snapshot}.sqlite3"
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    built = Built(snapshot, path, size, digest.hexdigest(), facts)
    record = {"size": size, "sha256": built.sha256, "facts": facts.model_dump(mode="json")}
    side = folder / f".{snapshot}.{uuid.uuid4().hex}.json.tmp"
    side.write_text(json.dumps(record), encoding="utf-8")
    os.replace(side, folder / f"{snapshot}.json")
    log.info("snapshot %s built: %d clues, %d bytes", snapshot, clues, size)
    return built


def _kept_positions(folder: Path, key: str) -> list[int]:
    """The feed positions of the scope's kept files, newest first."""
    return sorted(
        (int(p.stem.rsplit("-", 1)[1]) for p in folder.glob(f"{key}-*.json")), reverse=True
    )


def _prune(folder: Path, key: str) -> None:
    """Delete the scope's files but the newest `KEEP`."""
    for seq in _kept_positions(folder, key)[KEEP:]:
        for suffix in (".json", ".sqlite3"):
            try:
                (folder / f"{snapshot_id(key, seq)}{suffix}").unlink(missing_ok=True)
            except OSError:  # a file still being sent (Windows): removed next time
                pass


def newest(folder: Path, key: str, instance: str, horizon: int) -> Built | None:
    """The newest complete snapshot of the scope `key` kept in `folder` that a pull can
    still go on from (of this database `instance`, not behind the tombstone `horizon`)."""
    for seq in _kept_positions(folder, key):
        found = cached(folder, snapshot_id(key, seq))
        if found is not None and found.facts.instance == instance and seq >= horizon:
            return found
    return None


def build_soon(db: Database, viewer: Viewer, data_dir: Path, wait: float) -> None:
    """Build the scope's snapshot at the feed head in a thread of this process (unless one is
    under way here or, by its marker, in another worker), waiting at most `wait` seconds."""
    key = scope_key(viewer)
    with _locks_guard:
        thread = _builders.get(key)
        if thread is None or not thread.is_alive():
            thread = threading.Thread(
                target=_build_marked, args=(db, viewer, data_dir), name=f"snapshot-{key}"
            )
            thread.daemon = True
            _builders[key] = thread
            thread.start()
    thread.join(wait)


def _build_marked(db: Database, viewer: Viewer, data_dir: Path) -> None:
    folder = folder_of(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f".{scope_key(viewer)}.building"
    try:
        if time.time() - marker.stat().st_mtime > BUILDING_STALE_S:
            marker.unlink(missing_ok=True)
    except OSError:
        pass
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:  # another worker builds it: the client asks again later
        return
    try:
        with db.snapshot() as session:
            feed = feed_state(session)
            snapshot_of(session, viewer, data_dir, feed.head, feed.instance)
    except Exception:
        log.exception("snapshot of scope %s not built", scope_key(viewer))
    finally:
        marker.unlink(missing_ok=True)
