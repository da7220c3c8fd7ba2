"""A new notice's content prefilled from its clue: the party, the facts the handler found on
site, the clauses the kind of problem brings (the clause map), the issuer's legal name and
the review body and court of its directory entry.

The complaint is never pasted into the facts: they are the handler's findings (the report's
办理结果), or only the lead-in for the handler to complete when the clue has no report yet
(`missing_for_issue` refuses to issue such facts). Nothing is made up from an area's name: a
unit whose directory entry lacks a review body or court leaves those fields empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from desktop.domain.clause_map import ClauseMap, ProblemKind, shipped_clause_map
from desktop.domain.codes import Channel, Finding, UnitKind
from desktop.domain.notice_content import LEAD_IN_END, Clause, NoticeContent, NoticeKind
from desktop.domain.party import PartyType
from desktop.domain.powers import DEFAULT_POWERS, Powers, law_short
from desktop.domain.timeutil import china_now
from desktop.domain.units import UnitDirectory, UnitInfo


class ClueFacts(Protocol):
    """What a draft takes from a clue (a clue row, a ClueDraft or the detail's ClueDetail)."""

    @property
    def subject_name(self) -> str: ...

    @property
    def subject_credit_code(self) -> str: ...

    @property
    def address(self) -> str: ...

    @property
    def description(self) -> str: ...

    @property
    def category(self) -> Any: ...

    @property
    def channel(self) -> Any: ...

    @property
    def channel_ref(self) -> str: ...


@dataclass(frozen=True)
class SiteFindings:
    """What the handler found on site: the day of the report and its 办理结果."""

    found_on: date | None
    text: str


_CHECKED_BY = re.compile(r"^经[^，。；]{0,30}(现场)?(核查|检查|调查)[，,]")


def site_findings(result: str, finding: Any, found_on: date | None) -> SiteFindings | None:
    """The findings of a report (its 办理结果 `result` and 核查结论 `finding`), or None when
    it found nothing (不属实) or says nothing. A leading 经…现场核查， is dropped: the facts'
    lead-in says who inspected."""
    value = str(getattr(finding, "value", finding) or "")
    text = _CHECKED_BY.sub("", (result or "").strip(), count=1).strip()
    if value == Finding.UNTRUE.value or not text:
        return None
    return SiteFindings(found_on, text)


DEFAULT_DEADLINE_DAYS = 10


def day_text(day: date) -> str:
    """A day as documents print it: 2026年3月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


def article_base(article: str) -> str:
    """The article of a citation without its paragraph or item: 第一百一十八条第一款 →
    第一百一十八条."""
    head, found, _rest = article.partition("条")
    return head + found if found else article


def _by_id(clauses: Iterable[Clause] | Mapping[str, Clause]) -> dict[str, Clause]:
    items = clauses.values() if isinstance(clauses, Mapping) else clauses
    return {clause.clause_id: clause for clause in items}


def enforces_clause(unit: UnitInfo, clause: Clause, powers: Powers) -> bool:
    """Whether the matter of `clause` is the unit's own under the powers table."""
    return powers.enforces(unit, clause.law, article_base(clause.article))


def _owns(unit: UnitInfo, row: ProblemKind, library: Mapping[str, Clause], powers: Powers) -> bool:
    known = [library[i] for i in row.key_clauses if i in library]
    return bool(known) and all(enforces_clause(unit, c, powers) for c in known)


def offered_kinds(
    category: Any,
    unit: UnitInfo,
    clause_map: ClauseMap,
    library: Iterable[Clause] | Mapping[str, Clause],
    powers: Powers = DEFAULT_POWERS,
) -> list[ProblemKind]:
    """The problem kinds offered to `unit` for a clue of `category`, its own first.

    A department holding enforcement powers is offered the kinds under its own laws first
    (住建: 扬尘; 城管: 餐饮油烟 …), then the others, which it cites without a basis of its
    own and hands over (移送); townships and streets get every kind in the map's order.
    """
    rows = clause_map.of_category(str(getattr(category, "value", category)))
    if not powers.laws_of(unit):
        return rows
    by_id = _by_id(library)
    own = [row for row in rows if _owns(unit, row, by_id, powers)]
    return own + [row for row in rows if row not in own]


def owns_kind(
    unit: UnitInfo,
    row: ProblemKind,
    library: Iterable[Clause] | Mapping[str, Clause],
    powers: Powers = DEFAULT_POWERS,
) -> bool:
    """Whether the matter of a problem kind is the unit's own (it enforces its key clauses)."""
    return _owns(unit, row, _by_id(library), powers)


def competent_unit(
    clauses: Sequence[Clause], unit: UnitInfo, directory: UnitDirectory, powers: Powers
) -> UnitInfo | None:
    """The department a matter under `clauses` goes to from `unit`: one that enforces every
    clause, of the unit's own area before the city's, one naming the articles before one
    holding the whole law; None when the directory has none."""
    if not clauses:
        return None

    def rank(other: UnitInfo) -> tuple[int, int, str] | None:
        if other.code == unit.code or other.kind is not UnitKind.DEPARTMENT:
            return None
        if other.county_code not in (unit.county_code, None):
            return None
        entry = powers.of(other)
        if entry is None or not all(enforces_clause(other, c, powers) for c in clauses):
            return None
        specific = all(entry.laws.get(law_short(c.law)) for c in clauses)
        return (0 if other.county_code == unit.county_code else 1, 0 if specific else 1, other.code)

    ranked = [(r, u) for u in directory.values() if (r := rank(u)) is not None]
    return min(ranked, key=lambda item: item[0])[1] if ranked else None


_ENVIRONMENT = Clause("", "环境保护法", "", "")
"""A stand-in clause for finding the environment bureau when no clause is cited."""


def consequences_for(
    kind: NoticeKind,
    unit: UnitInfo,
    penalty: Sequence[Clause],
    directory: UnitDirectory,
    powers: Powers = DEFAULT_POWERS,
) -> str:
    """What happens when the party does not correct: the issuer's own case when the matter
    is its own (a 责令改正 decision cites the penalty article), else 移送 to the department
    whose matter it is, named by its legal name."""
    if kind is NoticeKind.CORRECTION_ORDER:
        if penalty:
            cited = "、".join(c.title for c in penalty)
            return f"逾期不改正的，将依据{cited}的规定依法查处。"
        return "逾期不改正的，将依法作出行政处罚决定。"
    own = powers.may_file_case(unit) and (
        all(enforces_clause(unit, c, powers) for c in penalty)
        if penalty
        else powers.enforces(unit, _ENVIRONMENT.law)
    )
    if own:
        return "逾期未整改或整改不到位的，将依法立案查处。"
    target = competent_unit(penalty or (_ENVIRONMENT,), unit, directory, powers)
    name = target.signature if target is not None else "有管辖权的行政机关"
    return f"逾期未整改或整改不到位的，将依法移送{name}立案查处。"


def apply_problem_kind(
    content: NoticeContent,
    row: ProblemKind | None,
    kind: NoticeKind,
    unit: UnitInfo,
    directory: UnitDirectory,
    library: Iterable[Clause] | Mapping[str, Clause],
    powers: Powers = DEFAULT_POWERS,
) -> NoticeContent:
    """`content` citing what the problem kind `row` brings: its violated clauses, the basis
    articles the unit itself enforces (a unit without the power orders correction without
    citing another's article), and the consequences; None clears the citations."""
    by_id = _by_id(library)
    if row is None:
        return content.evolve(
            problem_kind="",
            clause_ids=(),
            basis_ids=(),
            consequences=consequences_for(kind, unit, (), directory, powers),
        )
    penalty = [by_id[i] for i in row.penalty if i in by_id]
    basis = tuple(i for i in row.basis if i in by_id and enforces_clause(unit, by_id[i], powers))
    return content.evolve(
        problem_kind=row.key,
        clause_ids=tuple(i for i in row.violated if i in by_id),
        basis_ids=basis,
        consequences=consequences_for(kind, unit, penalty, directory, powers),
    )


def _self_reference(unit: UnitInfo) -> str:
    """How the issuer speaks of itself and its staff: 我局执法人员, 我镇工作人员 …"""
    name = unit.signature
    if name.endswith(("街道办事处", "街道")):
        return "我办工作人员"
    if name.endswith(("镇人民政府", "镇")):
        return "我镇工作人员"
    if name.endswith(("乡人民政府", "乡")):
        return "我乡工作人员"
    if name.endswith("局"):
        return "我局执法人员"
    if name.endswith("委员会"):
        return "我委执法人员"
    return "我单位工作人员"


def _you(party_type: PartyType) -> str:
    return "你单位" if party_type is PartyType.ORGANISATION else "你"


def readdress_facts(facts: str, before: PartyType, after: PartyType) -> str:
    """Facts whose prefilled lead-in addressed a party of type `before` (对你单位位于…),
    addressing one of type `after` instead (对你位于…); other text is left as typed."""
    old, new = f"对{_you(before)}位于", f"对{_you(after)}位于"
    return facts.replace(old, new, 1) if old != new else facts


def facts_lead_in(
    clue: ClueFacts,
    unit: UnitInfo,
    day: date,
    party_type: PartyType = PartyType.ORGANISATION,
) -> str:
    """The opening of the facts, ending with 发现：, for the findings to follow."""
    you = _you(party_type)
    place = "生产经营场所" if party_type is PartyType.ORGANISATION else "经营场所"
    if party_type is PartyType.INDIVIDUAL:
        place = "场所"
    where = f"{you}位于{clue.address}的{place}" if clue.address else f"{you}的{place}"
    lead = f"{day_text(day)}，{_self_reference(unit)}对{where}进行现场检查，{LEAD_IN_END}"
    if clue.channel_ref:  # the channel's own number goes on paper with the facts
        channel = Channel.from_text(str(getattr(clue.channel, "value", clue.channel)))
        lead = f"根据{channel.label}（编号：{clue.channel_ref}）交办，{lead}"
    return lead


def draft_content_from_clue(
    clue: ClueFacts,
    unit: UnitInfo,
    directory: UnitDirectory,
    kind: NoticeKind = NoticeKind.RECTIFICATION,
    clauses: Iterable[Clause] | Mapping[str, Clause] = (),
    *,
    findings: SiteFindings | None = None,
    clause_map: ClauseMap | None = None,
    powers: Powers = DEFAULT_POWERS,
    today: date | None = None,
) -> NoticeContent:
    """A new notice's content prefilled from a clue, for `unit` to edit and issue.

    The party, credit code and address come from the clue's subject; the facts are the
    lead-in followed by the handler's `findings` (only the lead-in without them); the
    problem kind is guessed from what the findings (else the clue) say among the kinds the
    clause map offers the unit (its general row when neither names one), and brings its
    clauses (`clauses`, the library); the issuer
    signs with its legal name and the remedies name its directory entry's review body and
    court (empty when the directory has none).
    """
    library = _by_id(clauses)
    clause_map = clause_map if clause_map is not None else shipped_clause_map()
    day = findings.found_on if findings and findings.found_on else today or china_now().date()
    facts = facts_lead_in(clue, unit, day)
    if findings is not None:
        text = findings.text.strip()
        facts += text if text.endswith(("。", "！", "；")) else f"{text}。"
    content = NoticeContent(
        party_name=clue.subject_name or "",
        party_type=PartyType.ORGANISATION.value,
        credit_code=clue.subject_credit_code or "",
        address=clue.address or "",
        facts=facts[:4000],
        evidence=("现场检查（勘察）笔录", "现场照片"),
        order="立即停止上述违法行为，并按要求完成整改。",
        deadline_days=DEFAULT_DEADLINE_DAYS,
        report_requirement="请于整改期限届满前将整改情况书面报告我单位。",
        review_body=unit.review_body,
        litigation_court=unit.court,
        authority=unit.signature,
    )
    rows = offered_kinds(clue.category, unit, clause_map, library, powers)
    # the findings decide; what the clue was about helps when they name no kind; a problem
    # named by neither gets the map's general row (a kind without keywords, e.g. 环境保护法
    # 第四十二条), never the first specific article of the category's law
    row = (
        clause_map.guess(rows, findings.text if findings else "")
        or clause_map.guess(rows, clue.description or "")
        or next((r for r in rows if not r.keywords), None)
        or next((r for r in clause_map.rows if not r.keywords), None)
    )
    return apply_problem_kind(content, row, kind, unit, directory, library, powers)


__all__ = [
    "DEFAULT_DEADLINE_DAYS",
    "ClueFacts",
    "SiteFindings",
    "apply_problem_kind",
    "article_base",
    "competent_unit",
    "consequences_for",
    "day_text",
    "draft_content_from_clue",
    "enforces_clause",
    "facts_lead_in",
    "offered_kinds",
    "owns_kind",
    "readdress_facts",
    "site_findings",
]
