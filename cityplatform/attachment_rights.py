"""Who may read and who may cite an attachment: attachments are scoped like clues.

A complete file may be **read** by a user who sees a clue that cites it (clue attachments
and replies to the commissions' suggestions are the records that cite files: notice and
history details carry none), who sees a suggestion whose reply cites it, or who proved
holding it by uploading all of it from any of their devices. It may be **cited** in an
action (and is answered complete at once to an upload or a status request) by a device
that uploaded all of it itself, or by a user who already sees a clue that cites it. Rows
carried over from before per-device uploads (`device_id` "") count for every device of the
user who uploaded the file.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from cityplatform.models import (
    Attachment,
    AttachmentHolder,
    Clue,
    ClueAttachment,
    Suggestion,
    SuggestionAttachment,
)
from cityplatform.scope import Viewer
from cityplatform.supervision_scope import suggestion_filter

ANY_DEVICE = ""
"""`AttachmentHolder.device_id` of a holder carried over from before per-device uploads."""


def _held(username: str, device_id: str | None) -> ColumnElement[bool]:
    """Holder rows of `username` (on `device_id` or, when None, on any device)."""
    mine = AttachmentHolder.username == username
    if device_id is None:
        return mine
    return and_(mine, AttachmentHolder.device_id.in_((device_id, ANY_DEVICE)))


def _complete(session: Session, digests: Collection[str]) -> set[str]:
    return set(
        session.scalars(
            select(Attachment.sha256).where(
                Attachment.sha256.in_(list(digests)), Attachment.complete.is_(True)
            )
        )
    )


def _cited_in_scope(session: Session, viewer: Viewer, digests: Collection[str]) -> set[str]:
    return set(
        session.scalars(
            select(ClueAttachment.sha256)
            .join(Clue, Clue.id == ClueAttachment.clue_id)
            .where(ClueAttachment.sha256.in_(list(digests)), viewer.clue_filter())
            .distinct()
        )
    )


def _cited_in_suggestions(session: Session, viewer: Viewer, digests: Collection[str]) -> set[str]:
    """Files cited by replies to suggestions the viewer sees."""
    return set(
        session.scalars(
            select(SuggestionAttachment.sha256)
            .join(Suggestion, Suggestion.suggestion_id == SuggestionAttachment.suggestion_id)
            .where(SuggestionAttachment.sha256.in_(list(digests)), suggestion_filter(viewer))
            .distinct()
        )
    )


def _entitled(
    session: Session, viewer: Viewer, device_id: str | None, digests: Collection[str]
) -> set[str]:
    wanted = _complete(session, set(digests))
    if not wanted:
        return set()
    held = set(
        session.scalars(
            select(AttachmentHolder.sha256)
            .where(
                AttachmentHolder.sha256.in_(list(wanted)),
                _held(viewer.username, device_id),
            )
            .distinct()
        )
    )
    rest = wanted - held
    if rest:
        held |= _cited_in_scope(session, viewer, rest)
        rest -= held
    return held | (_cited_in_suggestions(session, viewer, rest) if rest else set())


def citable(session: Session, viewer: Viewer, device_id: str, digests: Collection[str]) -> set[str]:
    """The complete files among `digests` this user may cite from this device."""
    return _entitled(session, viewer, device_id, digests)


def readable(session: Session, viewer: Viewer, digest: str) -> bool:
    """Whether this user may download a complete file."""
    return digest in _entitled(session, viewer, None, (digest,))
