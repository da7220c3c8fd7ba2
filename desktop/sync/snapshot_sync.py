"""The first sync by snapshot: take the platform's offer, download the file resumably into
the data folder, check its digest, load it and hand back the cursor of its position.

The offer taken is kept in the sync state until the file is loaded, so a run stopped during
the download (killed, offline, cancelled) continues the same file with a Range request next
time; a file the platform no longer has (404: a newer one replaced it) is dropped and a new
offer taken. A file whose SHA-256 does not match is deleted and downloaded once more; a
second mismatch gives up (the caller pulls pages instead). The loaded file is deleted.
While the platform builds the scope's first file, the offer says "preparing": it is asked
again after the time the platform names, for at most `PREPARE_WAIT_S`.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.store.database import Store
from desktop.store.sync_apply import read_state, write_state
from desktop.store.sync_apply.pull import PageResult
from desktop.store.sync_apply.snapshot_load import StoreNotEmpty, fits, load_snapshot
from desktop.sync.api import PlatformApi
from desktop.sync.errors import RequestRejected
from desktop.wire.base import WireError, parse_wire
from desktop.wire.snapshot import FORMAT_VERSION, SnapshotOffer

log = logging.getLogger("cluedesk.sync")

SNAPSHOT_MIN_CLUES = 2000
"""A first sync takes a snapshot from this many clues in scope on (fewer: pages are faster)."""
OFFER_KEY = "snapshot_offer"
"""Sync state key: the offer whose file is being downloaded (until it is loaded)."""
FOLDER = "snapshot"
"""The data folder's subfolder for snapshot downloads."""
TRIES = 2
"""Downloads of one offer's file before giving up on a digest that does not match."""
PREPARE_WAIT_S = 15 * 60.0
"""How long a first sync waits for the platform to build the scope's first snapshot (a
large scope takes minutes) before it pulls pages instead."""


@dataclass(frozen=True)
class SnapshotResult:
    """A loaded snapshot: what it wrote and the cursor to pull on from."""

    cursor: str
    page: PageResult
    size: int


def part_path(store: Store, snapshot_id: str) -> Path:
    """Where the file of `snapshot_id` is downloaded to."""
    return store.data_dir / FOLDER / f"{snapshot_id}.part"


def file_digest(path: Path) -> str:
    """The SHA-256 of a file, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stored_offer(store: Store) -> SnapshotOffer | None:
    data = read_state(store, OFFER_KEY)
    if data is None:
        return None
    try:
        offer = parse_wire(SnapshotOffer, data)
    except WireError:
        return None
    return offer if offer.available and offer.id else None


def forget(store: Store) -> None:
    """Drop the kept offer and every downloaded part."""
    write_state(store, **{OFFER_KEY: None})
    folder = store.data_dir / FOLDER
    if folder.is_dir():
        for part in folder.glob("*.part"):
            part.unlink(missing_ok=True)


def tidy(store: Store) -> None:
    """Drop what is left of a snapshot already loaded (a run stopped right after loading it,
    before deleting its file): called when the store has a cursor."""
    folder = store.data_dir / FOLDER
    if read_state(store, OFFER_KEY) is not None or (folder.is_dir() and any(folder.glob("*.part"))):
        forget(store)


def _download(
    store: Store,
    api: PlatformApi,
    offer: SnapshotOffer,
    check: Callable[[], None],
    progress: Callable[[int, int], None],
) -> Path | None:
    """The offer's file, complete and checked (None: its digest never matched)."""
    assert offer.id is not None and offer.size is not None
    path = part_path(store, offer.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    total = offer.size

    def on_block(done: int) -> None:
        progress(done, total)
        check()

    for attempt in range(1, TRIES + 1):
        held = path.stat().st_size if path.exists() else 0
        if held > total:
            path.unlink()
        if held != total:
            check()
            digest = hashlib.sha256()  # fed as the file is written: no second reading
            api.snapshot_download(offer.id, path, on_block, digest)
            found = digest.hexdigest()
        else:  # complete already (a run stopped before checking it)
            found = file_digest(path)
        if path.stat().st_size == total and found == offer.sha256:
            return path
        log.warning("snapshot %s: digest mismatch (try %d of %d)", offer.id, attempt, TRIES)
        path.unlink(missing_ok=True)
    return None


def _ready_offer(
    api: PlatformApi, min_clues: int, check: Callable[[], None], sleep: Callable[[float], None]
) -> SnapshotOffer | None:
    """The platform's offer, asked again while it prepares the scope's first file (for at
    most `PREPARE_WAIT_S`; None after that: pages)."""
    waited = 0.0
    while True:
        offer = api.snapshot_offer(min_clues)
        if not offer.preparing:
            return offer
        if waited >= PREPARE_WAIT_S:
            log.info("the platform's snapshot was not ready in %.0f s: pulling pages", waited)
            return None
        pause = float(max(1, min(offer.retry_after or 5, 30)))
        end = waited + pause
        while waited < end:  # short steps: a cancel is seen within a fifth of a second
            check()
            sleep(0.2)
            waited += 0.2


def first_sync_by_snapshot(
    store: Store,
    api: PlatformApi,
    *,
    min_clues: int,
    load: Callable[[Path, str], PageResult] | None = None,
    check: Callable[[], None] = lambda: None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    sleep: Callable[[float], None] = time.sleep,
) -> SnapshotResult | None:
    """Load the platform's snapshot of the user's scope; None when there is none to take
    (a small scope, a platform without snapshots, a file that stayed corrupt, an encrypted
    store, local work on clues): pull pages.

    `load(path, cursor)` writes the file into the store (default: `load_snapshot`); `check`
    runs between blocks and may raise Cancelled (the part stays for the next run).
    """
    if store.key is not None:  # the file is plain SQLite: an encrypted folder never holds one
        return None
    if not fits(store):  # local work on clues: pages merge with it
        return None
    for _ in range(2):  # a kept offer whose file is gone: one new offer
        offer = _stored_offer(store)
        kept = offer is not None
        if offer is None:
            try:
                offer = _ready_offer(api, min_clues, check, sleep)
            except RequestRejected as exc:
                if exc.status == 404:  # a platform of before snapshots
                    return None
                raise
            if offer is None or not offer.available or offer.format != FORMAT_VERSION:
                return None
            forget(store)
            write_state(store, **{OFFER_KEY: offer.model_dump(mode="json")})
        try:
            path = _download(store, api, offer, check, progress)
        except RequestRejected as exc:
            if exc.status == 404 and kept:
                log.info("the kept snapshot offer is gone: asking again")
                forget(store)
                continue
            raise
        if path is None:
            forget(store)
            return None
        assert offer.cursor is not None and offer.size is not None
        try:
            page = (load or (lambda p, c: load_snapshot(store, p, c)))(path, offer.cursor)
        except StoreNotEmpty:  # local work appeared since `fits`: pages
            forget(store)
            return None
        forget(store)
        return SnapshotResult(offer.cursor, page, offer.size)
    return None


__all__ = [
    "SNAPSHOT_MIN_CLUES",
    "SnapshotResult",
    "first_sync_by_snapshot",
    "forget",
    "tidy",
    "part_path",
]
