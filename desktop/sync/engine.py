"""A sync run: meta → reference data → document numbers → attachments up → push → pull,
with one summary.

Each step's store writes are their own transactions (a pulled page with its cursor, a push
answer with its outbox changes), so a run stopped anywhere — cancelled, offline, crashed —
leaves a consistent store and the next run carries on. The cancel event is checked between
requests and pages.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, cast

from filelock import FileLock, Timeout
from pydantic import BaseModel

from desktop.domain.messages import Message
from desktop.domain.timeutil import china_now, to_china
from desktop.store.database import Store
from desktop.store.number_blocks import (
    BLOCK_SIZE,
    CIRCULAR_SERIES,
    LOW_STOCK,
    NOTICE_SERIES,
    SERIES,
    files_cases,
    issues_circulars,
    issues_notices,
    number_stock,
    save_number_block,
)
from desktop.store.sync_apply import (
    SyncDataError,
    UnknownUnitsError,
    apply_pull_page,
    mark_synced,
    next_push_batch,
    pending_files,
    read_state,
    record_push_results,
    reset_server_data,
    save_directory,
    save_platform_rules,
    sync_status,
    write_state,
)
from desktop.store.sync_apply.pull import PageResult
from desktop.store.sync_apply.snapshot_load import load_snapshot
from desktop.store.sync_apply.supervision import (
    apply_supervision_page,
    next_supervision_batch,
    read_supervision_cursor,
    record_supervision_results,
    restart_supervision_feed,
    supervision_counts,
    supervision_files,
)
from desktop.store.sync_apply.verification import (
    apply_verification_page,
    next_verification_batch,
    read_verification_cursor,
    record_verification_results,
    verification_counts,
)
from desktop.sync.api import Limits, Meta, PlatformApi
from desktop.sync.errors import (
    Cancelled,
    DeviceRevoked,
    MalformedAnswer,
    RequestRejected,
    ResetRequired,
    SyncBusy,
    UpgradeRequired,
)
from desktop.sync.http import PROTOCOL_VERSION
from desktop.sync.snapshot_sync import SNAPSHOT_MIN_CLUES, first_sync_by_snapshot
from desktop.sync.snapshot_sync import forget as forget_snapshot
from desktop.sync.snapshot_sync import tidy as tidy_snapshot
from desktop.sync.uploads import upload_files

log = logging.getLogger("cluedesk.sync")

SKEW_WARNING_SECONDS = 300
LOCK_FILE = "sync.lock"
Progress = Callable[[str, int, int | None], None]
"""progress(phase, done, total): phase is meta, reference, numbers, attachments, push, snapshot
(KiB downloaded of a first sync's snapshot) or pull."""


@dataclass
class SyncSummary:
    """What one sync run did."""

    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    retry: int = 0
    pulled_clues: int = 0
    skipped_clues: int = 0
    tombstones: int = 0
    supervision_records: int = 0
    verification_batches: int = 0
    pages: int = 0
    uploaded_files: int = 0
    numbers_reserved: int = 0
    numbers_error: str = ""
    upload_failures: dict[str, str] = field(default_factory=dict)
    directory_updated: bool = False
    rules_updated: bool = False
    reset: bool = False
    clock_skew_seconds: float | None = None
    skew_warning: bool = False
    cancelled: bool = False
    encryption_requested: bool = False
    """The platform asked for this store to be encrypted (done at the next start)."""
    snapshot_bytes: int = 0
    """The size of the snapshot a first sync loaded (0: it pulled pages)."""
    pending: int = 0
    problems: int = 0
    duration_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


def _fingerprint(data: BaseModel) -> str:
    return hashlib.sha256(data.model_dump_json().encode()).hexdigest()


class SyncRun:
    """One run of the sync steps against one store and one platform client."""

    def __init__(
        self,
        store: Store,
        api: PlatformApi,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        clock: Callable[[], datetime] = china_now,
        page_size: int | None = None,
        push_batch: int | None = None,
        snapshot_min_clues: int | None = SNAPSHOT_MIN_CLUES,
    ) -> None:
        self.store = store
        self.snapshot_min_clues = snapshot_min_clues
        self.page_size = page_size
        self.push_batch = push_batch
        self.api = api
        self.progress = progress
        self.cancel = cancel
        self.clock = clock
        self.summary = SyncSummary()
        self.limits = Limits()

    def _report(self, phase: str, done: int, total: int | None) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    def _check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled(Message("同步已取消"))

    def _cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()

    def run(self) -> SyncSummary:
        """Run every step; returns the summary (`cancelled` set if the user stopped it)."""
        started = time.monotonic()
        try:
            self._check()
            meta = self.meta()
            self.store_policy()
            self._check()
            self.reference()
            self._check()
            self.numbers(meta)
            self._check()
            self.attachments()
            self.push_verification()
            self.push()
            self.push_supervision()
            self.pull()
            self.pull_supervision()
            self.pull_verification()
            mark_synced(self.store, skew_seconds=self.summary.clock_skew_seconds)
        except Cancelled:
            self.summary.cancelled = True
        finally:
            status = sync_status(self.store)
            waiting, refused = supervision_counts(self.store)
            draws, refused_draws = verification_counts(self.store)
            self.summary.pending = status.pending + waiting + draws
            self.summary.problems = status.problems + refused + refused_draws
            self.summary.duration_seconds = round(time.monotonic() - started, 3)
        return self.summary

    def meta(self) -> Meta:
        """Versions, limits and the clock skew."""
        self._report("meta", 0, 1)
        sent = self.clock()
        meta = self.api.meta()
        if PROTOCOL_VERSION not in meta.protocol_versions:
            raise UpgradeRequired(Message("服务器不再支持本客户端的同步协议，请升级 cluedesk"))
        local = sent + (self.clock() - sent) / 2
        skew = round((meta.server_time - local).total_seconds(), 1)
        self.summary.clock_skew_seconds = skew
        self.summary.skew_warning = abs(skew) > SKEW_WARNING_SECONDS
        if self.summary.skew_warning:
            log.warning("clock skew with the platform: %+.0f s", skew)
        self.limits = meta.limits.model_copy(
            update={
                "pull_page": min(meta.limits.pull_page, self.page_size or meta.limits.pull_page),
                "push_batch": min(meta.limits.push_batch, self.push_batch or 500, 500),
            }
        )
        epoch = read_state(self.store, "scope_epoch")
        if epoch != meta.scope_epoch:
            write_state(self.store, scope_epoch=meta.scope_epoch, directory_hash=None)
        write_state(self.store, user=meta.user.model_dump(mode="json"))
        self._report("meta", 1, 1)
        return meta

    def store_policy(self) -> None:
        """Note the platform's wish (in its last token answer) for an encrypted store."""
        from desktop.sync.auth import note_store_policy

        encrypt = getattr(getattr(self.api, "http", None), "encrypt_store", None)
        self.summary.encryption_requested = note_store_policy(self.store, encrypt)

    def reference(self, *, force: bool = False) -> None:
        """Units, users, rules and calendar, stored when they changed (or the first time)."""
        self._report("reference", 0, 2)
        directory = self.api.directory()
        stamp = _fingerprint(directory)
        if force or stamp != read_state(self.store, "directory_hash"):
            try:
                save_directory(self.store, directory)
            except SyncDataError as exc:
                raise MalformedAnswer("GET /directory", str(exc)) from exc
            write_state(self.store, directory_hash=stamp)
            self.summary.directory_updated = True
        self._report("reference", 1, 2)
        self._check()
        rules = self.api.rules()
        stamp = _fingerprint(rules)
        if force or stamp != read_state(self.store, "rules_hash"):
            try:
                save_platform_rules(self.store, rules)
            except SyncDataError as exc:
                raise MalformedAnswer("GET /rules", str(exc)) from exc
            write_state(self.store, rules_hash=stamp)
            self.summary.rules_updated = True
        self._report("reference", 2, 2)

    def numbers(self, meta: Meta) -> None:
        """Reserve document numbers when this device holds few for its unit and the year.

        Only a handling unit's handler issues notices; a unit that files penalty cases also
        keeps a stock of 立案号 and 行政处罚决定书 numbers. A refused request is noted in the
        summary and does not stop the run (numbers are asked for again next time).
        """
        user = meta.user
        if issues_circulars(self.store, user.unit_code, user.role):
            wanted: tuple[str, ...] = (CIRCULAR_SERIES,)  # a tackling office's 月度通报
        elif not issues_notices(self.store, user.unit_code, user.role):
            return
        elif files_cases(self.store, user.unit_code, user.role):
            wanted = tuple(s for s in SERIES if s != CIRCULAR_SERIES)
        else:
            wanted = (NOTICE_SERIES,)
        year = to_china(meta.server_time).year
        low = [s for s in wanted if number_stock(self.store, user.unit_code, year, s) < LOW_STOCK]
        for done, series in enumerate(low):
            self._report("numbers", done, len(low))
            try:
                block = self.api.number_block(user.unit_code, year, BLOCK_SIZE, series)
            except RequestRejected as exc:
                log.warning("number block (%s) refused: %s", series, exc.message)
                self.summary.numbers_error = exc.message
                return
            save_number_block(self.store, block)
            self.summary.numbers_reserved += block["last"] - block["first"] + 1
        if low:
            self._report("numbers", len(low), len(low))

    def attachments(self) -> None:
        """Upload the files pending actions cite."""
        files = list(dict(pending_files(self.store) + supervision_files(self.store)).items())
        if not files:
            return
        self._report("attachments", 0, len(files))
        tally = upload_files(
            self.api,
            self.store,
            files,
            self.limits,
            cancelled=self._cancelled,
            progress=lambda done, total: self._report("attachments", done, total),
        )
        self.summary.uploaded_files += tally.uploaded
        self.summary.upload_failures.update(tally.failed)

    def push(self) -> None:
        """Push the outbox in batches, in device order, and record every answer."""
        total = sync_status(self.store).pending
        tried: set[str] = set()
        done = 0
        self._report("push", 0, total)
        while True:
            self._check()
            batch = next_push_batch(self.store, self.limits.push_batch, skip=tried)
            if not batch:
                break
            results = self.api.push(batch)
            tally = self._with_directory(
                partial(record_push_results, self.store, results), "POST /push"
            )
            tried.update(str(action["action_id"]) for action in batch)
            for name in ("applied", "duplicate", "rejected", "retry"):
                setattr(self.summary, name, getattr(self.summary, name) + getattr(tally, name))
            done += len(batch)
            self._report("push", done, max(total, done))

    def push_supervision(self) -> None:
        """Push the queued actions on the commissions' own records, in the order taken."""
        tried: set[str] = set()
        while True:
            self._check()
            batch = [
                a
                for a in next_supervision_batch(self.store, self.limits.push_batch + len(tried))
                if a["action_id"] not in tried
            ][: self.limits.push_batch]
            if not batch:
                return
            results = self.api.push(batch)
            tally = record_supervision_results(self.store, batch, results)
            tried.update(str(action["action_id"]) for action in batch)
            for name in ("applied", "duplicate", "rejected", "retry"):
                setattr(self.summary, name, getattr(self.summary, name) + getattr(tally, name))

    def push_verification(self) -> None:
        """Push the queued draws of weekly verification (before the clue outbox: results
        recorded on a drawn clue wait there and need their batch on the platform)."""
        tried: set[str] = set()
        while True:
            self._check()
            batch = [
                a
                for a in next_verification_batch(self.store, self.limits.push_batch + len(tried))
                if a["action_id"] not in tried
            ][: self.limits.push_batch]
            if not batch:
                return
            results = self.api.push(batch)
            tally = record_verification_results(self.store, batch, results)
            tried.update(str(action["action_id"]) for action in batch)
            for name in ("applied", "duplicate", "rejected", "retry"):
                setattr(self.summary, name, getattr(self.summary, name) + getattr(tally, name))

    def pull_verification(self) -> None:
        """Fetch the office's verification batches that changed since the last run (all of
        them the first time, or when the platform asks to start again)."""
        cursor = read_verification_cursor(self.store)
        first = cursor is None
        restarted = False
        while True:
            self._check()
            try:
                page = self.api.verification(cursor, self.limits.pull_page)
            except ResetRequired:
                if restarted:
                    raise
                restarted, first, cursor = True, True, None
                continue
            self.summary.verification_batches += apply_verification_page(
                self.store, page.batches, page.cursor, more=page.more, first_of_full=first
            )
            cursor, first = page.cursor, False
            if not page.more:
                return

    def pull_supervision(self) -> None:
        """Fetch the suggestions and accountability records that changed since the last
        run (all of them the first time, or when the platform asks to start again)."""
        cursor = read_supervision_cursor(self.store)
        full = cursor is None
        restarted = False
        while True:
            self._check()
            try:
                page = self.api.supervision(cursor, self.limits.pull_page)
            except ResetRequired:
                if restarted:
                    raise
                restarted, full, cursor = True, True, None
                restart_supervision_feed(self.store)
                continue
            self.summary.supervision_records += apply_supervision_page(
                self.store, page.changes, page.cursor, more=page.more, full=full
            )
            cursor = page.cursor
            if not page.more:
                return

    def pull(self) -> None:
        """Pull pages until the end marker; a reset pushes first, then pulls from scratch.

        Without a cursor (a first sync, or after a reset) a large scope comes as the
        platform's snapshot first (`snapshot_sync`), and pages follow from its position."""
        cursor = read_state(self.store, "cursor")
        if cursor is None and read_state(self.store, "full_resync") is None:
            if reset_server_data(self.store):  # clues without a cursor: sweep what's stale
                log.info("no pull cursor: full resync")
        if cursor is None:
            cursor = self.snapshot()
        else:
            tidy_snapshot(self.store)
        while True:
            self._report("pull", self.summary.pulled_clues, None)
            self._check()
            try:
                page = self.api.pull(cursor, self.limits.pull_page)
            except ResetRequired:
                if self.summary.reset:
                    raise
                log.info("platform asked for a reset: push, then full resync")
                self.summary.reset = True
                self.push()
                reset_server_data(self.store)
                cursor = self.snapshot()
                continue
            result = self._with_directory(
                partial(apply_pull_page, self.store, page.changes, page.cursor, more=page.more),
                "GET /pull",
            )
            self.summary.pages += 1
            self.summary.pulled_clues += result.clues
            self.summary.skipped_clues += result.skipped
            self.summary.tombstones += result.tombstones
            cursor = page.cursor
            if not page.more:
                break
        self._report("pull", self.summary.pulled_clues, self.summary.pulled_clues)

    def snapshot(self) -> str | None:
        """A first sync by snapshot when the scope is large enough; the cursor of its
        position, or None (pull pages from the beginning)."""
        if self.snapshot_min_clues is None:
            return None
        self._report("snapshot", 0, None)

        def load(path: Path, cursor: str) -> PageResult:
            write = partial(load_snapshot, self.store, path, cursor)
            return cast(PageResult, self._with_directory(write, "GET /snapshots"))

        try:
            result = first_sync_by_snapshot(
                self.store,
                self.api,
                min_clues=self.snapshot_min_clues,
                load=load,
                check=self._check,
                progress=lambda done, total: self._report("snapshot", done >> 10, total >> 10),
            )
        except MalformedAnswer as exc:  # a file that does not load: pages instead
            log.warning("snapshot not loaded, pulling pages instead: %s", exc.message)
            forget_snapshot(self.store)
            return None
        if result is None:
            return None
        self.summary.pulled_clues += result.page.clues
        self.summary.skipped_clues += result.page.skipped
        self.summary.snapshot_bytes = result.size
        return result.cursor

    def _with_directory(self, write: Callable[[], Any], endpoint: str) -> Any:
        """Run a store write; units it does not know yet → refresh the directory once."""
        try:
            try:
                return write()
            except UnknownUnitsError:
                self.reference(force=True)
                return write()
        except SyncDataError as exc:
            raise MalformedAnswer(endpoint, str(exc)) from exc


def run_sync(
    store: Store,
    api: PlatformApi,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    page_size: int | None = None,
    push_batch: int | None = None,
    snapshot_min_clues: int | None = SNAPSHOT_MIN_CLUES,
) -> SyncSummary:
    """One sync run of `store` with the platform behind `api`; see the module docstring.

    A revoked device (DeviceRevoked) pushes nothing: its unsent actions are sent once more
    only for the platform to list them (it applies none), then the error goes to the caller,
    which wipes the data folder (`desktop.sync.revocation.wipe_revoked_device`).

    Runs hold the data folder's sync lock: a second run of the same folder, from this or
    another process, raises SyncBusy at once instead of racing on the refresh token.

    `page_size` and `push_batch` ask for smaller pages and batches than the platform allows;
    `snapshot_min_clues` is the scope size from which a first sync takes the platform's
    snapshot (None: never).
    """
    run = SyncRun(
        store,
        api,
        progress=progress,
        cancel=cancel,
        page_size=page_size,
        push_batch=push_batch,
        snapshot_min_clues=snapshot_min_clues,
    )
    try:
        with FileLock(store.data_dir / LOCK_FILE, timeout=0):
            try:
                return run.run()
            except DeviceRevoked as exc:  # list the unsent actions once; the caller wipes
                from desktop.sync.revocation import report_unsent

                report_unsent(store, api.http, exc.access_token, run.limits.push_batch)
                raise
    except Timeout as exc:
        raise SyncBusy(Message("同一数据目录的另一个同步正在进行，请稍后再试")) from exc


def summary_lines(summary: SyncSummary) -> list[str]:
    """The summary in the installed language, one line per fact, for the command line and
    the UI."""
    lines: list[str] = []
    if summary.cancelled:
        lines.append(Message("同步已取消（已完成的部分已保存）"))
    lines.append(
        Message(
            "上传操作：成功 {applied}，重复 {duplicate}，被拒绝 {rejected}，待重试 {retry}",
            applied=summary.applied,
            duplicate=summary.duplicate,
            rejected=summary.rejected,
            retry=summary.retry,
        )
    )
    lines.append(
        Message(
            "下载更新：线索 {clues} 条，移除 {removed} 条（%n 页）",
            n=summary.pages,
            clues=summary.pulled_clues,
            removed=summary.tombstones,
        )
    )
    if summary.uploaded_files or summary.upload_failures:
        lines.append(
            Message(
                "附件：上传 {uploaded} 个，失败 {failed} 个",
                uploaded=summary.uploaded_files,
                failed=len(summary.upload_failures),
            )
        )
    if summary.numbers_reserved:
        lines.append(Message("领取文书编号 %n 个", n=summary.numbers_reserved))
    if summary.numbers_error:
        lines.append(Message("文书编号未能领取：{error}", error=summary.numbers_error))
    if summary.reset:
        lines.append(Message("服务器要求重新完整同步，已完成"))
    if summary.encryption_requested:
        lines.append(Message("平台要求加密本机线索库：下次启动 cluedesk 时自动加密"))
    if summary.skew_warning and summary.clock_skew_seconds is not None:
        minutes = summary.clock_skew_seconds / 60
        lines.append(
            Message(
                "注意：本机时钟与服务器相差约 {minutes} 分钟，请校准系统时间",
                minutes=f"{minutes:+.0f}",
            )
        )
    if summary.problems:
        lines.append(
            Message("有 %n 个操作被服务器拒绝，请在“同步问题”中查看处理", n=summary.problems)
        )
    if summary.pending:
        lines.append(Message("仍有 %n 个操作等待上传", n=summary.pending))
    lines.append(Message("用时 {seconds} 秒", seconds=f"{summary.duration_seconds:.1f}"))
    return lines
