"""Which unit may do what under which law: the laws a kind of unit enforces, the documents it
issues and whether it files penalty cases. Reference data the platform publishes with its
rules (`Rules.powers`), so a city can correct it without a new release.

A unit matches the first entry whose unit kinds include its kind and, when the entry names
words, whose name contains one of them (e.g. 生态环境 for every ecology and environment bureau).
An entry's `laws` map a law's short name (大气污染防治法) to the articles the unit enforces,
an empty tuple meaning the whole law.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.codes import UnitKind
from desktop.domain.messages import Message
from desktop.domain.units import UnitInfo

RECTIFICATION = "rectification"
CORRECTION_ORDER = "correction_order"
DOCUMENTS = (RECTIFICATION, CORRECTION_ORDER)
"""The documents a power may include (the values of `NoticeKind`)."""

LAW_PREFIX = "中华人民共和国"


def law_short(law: str) -> str:
    """A law's name without 中华人民共和国 and book-title marks: 大气污染防治法."""
    name = law.strip().strip("《》")
    return name.removeprefix(LAW_PREFIX)


@dataclass(frozen=True)
class Power:
    """What one kind of unit may do: the laws it enforces, its documents, whether it files cases."""

    key: str
    name: str
    unit_kinds: frozenset[UnitKind]
    words: tuple[str, ...] = ()
    laws: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    documents: frozenset[str] = frozenset()
    files_cases: bool = False

    def matches(self, unit: UnitInfo) -> bool:
        """Whether `unit` is of this kind of unit."""
        if unit.kind not in self.unit_kinds:
            return False
        return not self.words or any(word in unit.name for word in self.words)

    def enforces(self, law: str, article: str = "") -> bool:
        """Whether the unit enforces `law` (and `article` of it, when given)."""
        articles = self.laws.get(law_short(law))
        if articles is None:
            return False
        return not articles or not article or article in articles

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form the platform publishes."""
        return {
            "key": self.key,
            "name": self.name,
            "unit_kinds": sorted(kind.value for kind in self.unit_kinds),
            "words": list(self.words),
            "laws": {law: list(articles) for law, articles in self.laws.items()},
            "documents": sorted(self.documents),
            "files_cases": self.files_cases,
        }


@dataclass(frozen=True)
class Powers:
    """The whole table: the first matching entry decides for a unit."""

    entries: tuple[Power, ...]

    def of(self, unit: UnitInfo) -> Power | None:
        """The power entry of `unit`, or None when it holds no enforcement power."""
        return next((entry for entry in self.entries if entry.matches(unit)), None)

    def may_issue(self, unit: UnitInfo, document: str) -> bool:
        """Whether `unit` may issue `document` (a `NoticeKind` value)."""
        entry = self.of(unit)
        return entry is not None and document in entry.documents

    def enforces(self, unit: UnitInfo, law: str, article: str = "") -> bool:
        """Whether the matter under `law` (`article`) is the unit's own."""
        entry = self.of(unit)
        return entry is not None and entry.enforces(law, article)

    def laws_of(self, unit: UnitInfo) -> tuple[str, ...]:
        """The short names of the laws `unit` enforces (none for a unit without power)."""
        entry = self.of(unit)
        return tuple(entry.laws) if entry is not None else ()

    def may_file_case(self, unit: UnitInfo, law: str | None = None) -> bool:
        """Whether `unit` files penalty cases (under `law`, when given)."""
        entry = self.of(unit)
        if entry is None or not entry.files_cases:
            return False
        return law is None or entry.enforces(law)

    def to_dict(self) -> list[dict[str, Any]]:
        """The JSON-ready form the platform publishes."""
        return [entry.to_dict() for entry in self.entries]

    @classmethod
    def from_dict(cls, raw: Any) -> Powers:
        """Read published powers; ValueError naming the entry for anything malformed."""
        if not isinstance(raw, list) or not raw:
            raise ValueError(Message("职权规则 powers 应为非空列表"))
        return cls(tuple(_entry(item, index) for index, item in enumerate(raw)))


def _strings(raw: Any, name: str) -> tuple[str, ...]:
    if isinstance(raw, str) or not isinstance(raw, list | tuple):
        raise ValueError(Message("职权规则 {name} 应为文本列表", name=name))
    if not all(isinstance(item, str) and item.strip() for item in raw):
        raise ValueError(Message("职权规则 {name} 中有空白或非文本的项", name=name))
    return tuple(item.strip() for item in raw)


def _entry(raw: Any, index: int) -> Power:
    where = f"powers[{index}]"
    if not isinstance(raw, Mapping):
        raise ValueError(Message("职权规则 {name} 应为对象", name=where))
    key, name = raw.get("key"), raw.get("name")
    if not isinstance(key, str) or not key or not isinstance(name, str) or not name:
        raise ValueError(Message("职权规则 {name} 缺少 key 或 name", name=where))
    try:
        kinds = frozenset(UnitKind(kind) for kind in _strings(raw.get("unit_kinds"), where))
    except ValueError as exc:
        if isinstance(exc.args[0], Message):
            raise
        raise ValueError(
            Message("职权规则 {name}.unit_kinds 中的单位类别无效", name=where)
        ) from None
    if not kinds:
        raise ValueError(Message("职权规则 {name}.unit_kinds 不能为空", name=where))
    laws_raw = raw.get("laws") or {}
    if not isinstance(laws_raw, Mapping):
        raise ValueError(Message("职权规则 {name}.laws 应为对象（法律: 条款列表）", name=where))
    laws = {
        law_short(law): _strings(articles, f"{where}.laws.{law}")
        for law, articles in laws_raw.items()
    }
    documents = frozenset(_strings(raw.get("documents") or [], f"{where}.documents"))
    unknown = documents - set(DOCUMENTS)
    if unknown:
        raise ValueError(
            Message(
                "职权规则 {name}.documents 中的文书种类无效：{kind}",
                name=where,
                kind=sorted(unknown)[0],
            )
        )
    files_cases = raw.get("files_cases", False)
    if not isinstance(files_cases, bool):
        raise ValueError(Message("职权规则 {name}.files_cases 应为 true 或 false", name=where))
    return Power(
        key=key,
        name=name,
        unit_kinds=kinds,
        words=_strings(raw.get("words") or [], f"{where}.words"),
        laws=laws,
        documents=documents,
        files_cases=files_cases,
    )


def _power(
    key: str,
    name: str,
    words: Iterable[str],
    laws: Mapping[str, Iterable[str]],
    documents: Iterable[str] = (RECTIFICATION, CORRECTION_ORDER),
    *,
    kinds: Iterable[UnitKind] = (UnitKind.DEPARTMENT,),
    files_cases: bool = True,
) -> Power:
    return Power(
        key=key,
        name=name,
        unit_kinds=frozenset(kinds),
        words=tuple(words),
        laws={law: tuple(articles) for law, articles in laws.items()},
        documents=frozenset(documents),
        files_cases=files_cases,
    )


_ENVIRONMENT_LAWS = (
    "环境保护法",
    "大气污染防治法",
    "水污染防治法",
    "土壤污染防治法",
    "噪声污染防治法",
    "固体废物污染环境防治法",
    "放射性污染防治法",
    "环境影响评价法",
    "海洋环境保护法",
    "排污许可管理条例",
    "建设项目环境保护管理条例",
)

DEFAULT_POWERS = Powers(
    (
        _power(
            "environment", "生态环境部门", ("生态环境",), {law: () for law in _ENVIRONMENT_LAWS}
        ),
        _power(
            "housing",
            "住房和城乡建设部门",
            ("住房和城乡建设", "住建"),
            {
                "大气污染防治法": ("第六十九条", "第一百一十五条"),
                "噪声污染防治法": ("第四十条", "第七十七条"),
                "建筑法": (),
            },
        ),
        _power(
            "urban",
            "城市管理（综合行政执法）部门",
            ("城市管理", "城管", "综合行政执法"),
            {
                "大气污染防治法": ("第八十一条", "第一百一十八条", "第七十七条", "第一百一十九条"),
                "噪声污染防治法": ("第六十六条", "第八十七条"),
                "城市市容和环境卫生管理条例": (),
            },
        ),
        _power(
            "agriculture",
            "农业农村部门",
            ("农业农村",),
            {
                "畜禽规模养殖污染防治条例": (),
                "农药管理条例": (),
                "土壤污染防治法": ("第二十六条", "第八十七条", "第八十八条"),
                "大气污染防治法": ("第七十六条", "第一百一十九条"),
            },
        ),
        _power(
            "transport",
            "交通运输部门",
            ("交通运输",),
            {
                "大气污染防治法": ("第七十二条", "第一百一十七条"),
                "港口法": (),
                "水污染防治法": ("第五十九条", "第九十条"),
            },
        ),
        _power(
            "water",
            "水行政主管部门",
            ("水利", "水务"),
            {"水法": (), "防洪法": (), "河道管理条例": ()},
        ),
        _power(
            "natural_resources",
            "自然资源部门",
            ("自然资源",),
            {"土地管理法": (), "矿产资源法": ()},
        ),
        _power(
            "maritime",
            "海事管理机构",
            ("海事",),
            {"海洋环境保护法": ("第六十二条", "第八十九条"), "水污染防治法": ("第九十条",)},
        ),
        _power(
            "township",
            "乡镇人民政府、街道办事处",
            (),
            {},
            (RECTIFICATION,),
            kinds=(UnitKind.TOWNSHIP, UnitKind.STREET),
            files_cases=False,
        ),
        _power(
            "other_department",
            "其他职能部门",
            (),
            {},
            (RECTIFICATION,),
            files_cases=False,
        ),
    )
)
"""The default table: an ecology and environment bureau enforces the environmental laws and
issues both documents; the other departments hold their own laws' articles (扬尘 for 住建, 餐饮
油烟 for 城管, 畜禽养殖 for 农业农村 …); townships, streets and departments without power issue
rectification notices only and file no cases."""

__all__ = [
    "CORRECTION_ORDER",
    "DEFAULT_POWERS",
    "DOCUMENTS",
    "RECTIFICATION",
    "Power",
    "Powers",
    "law_short",
]
