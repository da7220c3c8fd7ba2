"""What the case screens start from: a new case's values prefilled from its clue, the handler's
findings and the notices it links, and the notices of a clue a case may link."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.notices import NoticeState, NoticeStatus
from desktop.domain.party import Party
from desktop.domain.powers import law_short
from desktop.store.cases import case_laws_for
from desktop.store.clause_library import clause_library
from desktop.store.clause_map import load_clause_map
from desktop.store.database import Store
from desktop.store.notices import draft_content_for_clue, notices_of_clue

__all__ = ["CasePrefill", "case_prefill", "linkable_notices"]

LINKABLE = frozenset(
    {
        NoticeStatus.ISSUED,
        NoticeStatus.SERVED,
        NoticeStatus.RECTIFIED,
        NoticeStatus.NOT_RECTIFIED,
        NoticeStatus.CASE_FILED,
        NoticeStatus.CASE_CLOSED,
    }
)
"""Notices a case may link: issued ones (a draft led to nothing yet)."""


@dataclass(frozen=True)
class CasePrefill:
    """The values a new case's forms start from, for the handler to check and edit.

    The party comes from the latest linked notice, else from the clue's subject; the facts
    are the handler's findings (as a notice takes them), never the complaint; the clauses
    and the law from the clause map's row for the kind of problem (its penalty article as
    the basis of a decision); the cause names that kind of problem.
    """

    party: Party
    cause: str
    law: str
    facts: str
    evidence: tuple[str, ...]
    violated_clause_ids: tuple[str, ...]
    basis_clause_ids: tuple[str, ...]
    notice_ids: tuple[str, ...]


def linkable_notices(store: Store, clue_code: str) -> list[NoticeState]:
    """The clue's notices a case may link (issued, in any follow-up state), oldest first."""
    return [n for n in notices_of_clue(store, clue_code) if n.status in LINKABLE]


def case_prefill(
    store: Store,
    username: str,
    clue_code: str,
    notice_ids: Sequence[str] = (),
    *,
    now: datetime | None = None,
) -> CasePrefill:
    """A new case's values on the clue for `username`'s unit at `now` (LookupError: unknown
    clue or user). `notice_ids`: the notices the case links (default: those found 逾期未整改)."""
    content = draft_content_for_clue(store, clue_code, username, now=now)
    notices = linkable_notices(store, clue_code)
    wanted = set(notice_ids) or {
        n.notice_id for n in notices if n.status is NoticeStatus.NOT_RECTIFIED
    }
    linked = [n for n in notices if n.notice_id in wanted]
    party = content.party
    facts, violated, basis = content.facts, content.clause_ids, content.basis_ids
    evidence = content.evidence
    problem = content.problem_kind
    if linked:
        source = linked[-1].content
        party = source.party if source.party_name else party
        facts = source.facts or facts
        violated = source.clause_ids or violated
        basis = source.basis_ids or basis
        evidence = source.evidence or evidence
        problem = source.problem_kind or problem
    row = load_clause_map(store).get(problem) if problem else None
    if row is not None:
        violated = row.violated or violated
        basis = row.penalty or basis
    library = {c.clause_id: c for c in clause_library(store, include_hidden=True)}
    laws = case_laws_for(store, username)
    law = ""
    for clause_id in (*basis, *violated):
        clause = library.get(clause_id)
        if clause is not None and law_short(clause.law) in laws:
            law = law_short(clause.law)
            break
    return CasePrefill(
        party=party,
        cause=f"{row.name}案" if row is not None else "",
        law=law or (laws[0] if laws else ""),
        facts=facts,
        evidence=tuple(evidence),
        violated_clause_ids=tuple(violated),
        basis_clause_ids=tuple(basis),
        notice_ids=tuple(n.notice_id for n in linked),
    )
