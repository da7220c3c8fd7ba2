"""The monthly circular over the demo store: its PDF text and its workbook's cells equal the
statistics (`compute_statistics`) and an independent count over the store's tables in plain
SQL; the ranking follows the score; long tables repeat their header on every page; every
font is embedded; the number, the verification and the praise and criticism print."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from desktop.domain.assessment_weights import COMPONENTS
from desktop.domain.circular import Mention, Month, Naming
from desktop.domain.statistics import Grouping
from desktop.domain.verification import VerificationTally
from desktop.reports.circular import (
    NO_VERIFICATION,
    render_circular,
    write_circular_workbook,
)
from desktop.store.assessment import suggestions_due
from desktop.store.circular import CircularData, circular_data
from desktop.store.clue_rows import load_rules
from desktop.store.database import Store, open_store
from desktop.store.statistics import compute_statistics
from tests.conftest import NOW
from tests.reports.conftest import poppler

OCTOBER = Month(2026, 10)
HAIZHOU = "320706"
ISSUED = date(2026, 11, 3)


def _independent(store: Store, month: Month) -> dict[str, dict[str, int]]:
    """Per county, from the store's rows alone: received, closed, clues with a level-2 and a
    level-3 warning reached in the month, cases filed and of them concluded."""
    start = month.period.start.isoformat()
    end = date.fromordinal(month.period.end.toordinal() + 1).isoformat()
    now = NOW.replace(tzinfo=None).isoformat(sep=" ")
    found: dict[str, dict[str, int]] = {}

    def put(county: str, key: str, value: int) -> None:
        found.setdefault(county, {})[key] = value

    with store.session() as session:
        for county, received, closed in session.execute(
            text(
                "SELECT county_code, COUNT(*), SUM(status = 'closed' AND closed_at <= :now) "
                "FROM clues WHERE received_at >= :start AND received_at < :end "
                "GROUP BY county_code"
            ),
            {"start": start, "end": end, "now": now},
        ):
            put(county, "received", received)
            put(county, "closed", int(closed or 0))
        for level in (2, 3):
            for county, clues in session.execute(
                text(
                    "SELECT c.county_code, COUNT(DISTINCT c.code) FROM warning_episodes w "
                    "JOIN clues c ON c.id = w.clue_id WHERE w.level = :level "
                    "AND w.reached_at >= :start AND w.reached_at < :end GROUP BY c.county_code"
                ),
                {"level": level, "start": start, "end": end},
            ):
                put(county, f"warning_level{level}", clues)
        for county, filed, concluded in session.execute(
            text(
                "SELECT c.county_code, COUNT(*), SUM(k.status = 'closed') FROM cases k "
                "JOIN clues c ON c.id = k.clue_id WHERE k.filed_on >= :start "
                "AND k.filed_on < :end GROUP BY c.county_code"
            ),
            {"start": start, "end": end},
        ):
            put(county, "cases_filed", filed)
            put(county, "cases_closed", int(concluded or 0))
    return found


@pytest.fixture(scope="module")
def demo(demo_store_dir: Path) -> Iterator[Store]:
    """The shared demo store (3,000 clues), opened once for the module; read only."""
    store = open_store(demo_store_dir)
    yield store
    store.close()


def _pct(part: int, whole: int) -> str:
    return "—" if not whole else f"{part / whole * 100:.1f}%"


@pytest.fixture(scope="module")
def city(demo: Store, tmp_path_factory: pytest.TempPathFactory) -> tuple[CircularData, Path]:
    """The city's circular of October over the demo store, as a PDF and a workbook."""
    folder = tmp_path_factory.mktemp("circular")
    data = circular_data(
        demo,
        OCTOBER,
        NOW,
        verification={},  # as if no office had verified this month
        namings=[
            Naming("320722", Mention.PRAISE, "办结率高、群众满意"),
            Naming("320723", Mention.CRITICISM, "三级预警多，整改迟缓"),
        ],
    ).with_number("连攻坚通〔2026〕11号")
    render_circular(data, folder / "city.pdf", ISSUED)
    write_circular_workbook(data, folder / "city.xlsx")
    return data, folder


@pytest.fixture(scope="module")
def county(demo: Store, tmp_path_factory: pytest.TempPathFactory) -> tuple[CircularData, Path]:
    """海州区's circular of October: a row per township, street and department (31 rows)."""
    folder = tmp_path_factory.mktemp("circular-county")
    tallies = {
        "320706001": VerificationTally(drawn=5, passed=3, irregular=1, incomplete=0, pending=1),
        "320706901": VerificationTally(drawn=4, passed=4),
    }
    data = circular_data(demo, OCTOBER, NOW, county=HAIZHOU, verification=tallies)
    render_circular(data, folder / "county.pdf", ISSUED)
    write_circular_workbook(data, folder / "county.xlsx")
    return data, folder


def _pages(pdf: Path) -> list[str]:
    return poppler("pdftotext", "-layout", str(pdf), "-").split("\f")


def _row_line(n: int, cells: list[str]) -> re.Pattern[str]:
    """A table row of the PDF: its 序号 first, then (after the name) these cells in a row."""
    tail = r"\s+".join(re.escape(c) for c in cells)
    return re.compile(rf"^\s*{n}\s+(?:.*?\s)?{tail}(?:\s|$)", re.MULTILINE)


def test_city_figures_equal_the_statistics_and_an_independent_count(
    demo: Store, city: tuple[CircularData, Path]
) -> None:
    data, folder = city
    independent = _independent(demo, OCTOBER)
    stats = compute_statistics(demo, OCTOBER.period, NOW, by=Grouping.COUNTY)
    by_county = {g.key: g.figures for g in stats.groups}
    assert len(data.rows) == 9
    assert sum(v.get("received", 0) for v in independent.values()) > 50  # a real month
    text_ = "\n".join(_pages(folder / "city.pdf"))
    book = load_workbook(folder / "city.xlsx")
    sheet = book["表1 办理情况"]
    headers = [c.value for c in sheet[2]]
    cells = {
        row[1]: dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(3, values_only=True)
    }
    for n, row in enumerate(data.rows, start=1):
        mine = independent.get(row.code, {})
        for key in (
            "received",
            "closed",
            "warning_level2",
            "warning_level3",
            "cases_filed",
            "cases_closed",
        ):
            assert row.count(key) == mine.get(key, 0) == by_county[row.code].counts[key], (
                row.name,
                key,
            )
        received, closed = mine.get("received", 0), mine.get("closed", 0)
        accepted = received - int(by_county[row.code].counts["refused"])
        rate = _pct(closed, accepted)
        # the PDF's row: 收到, 办结, 办结率, …, 二级, 三级 — read back by pdftotext
        line = _row_line(
            n,
            [
                str(received),
                str(closed),
                rate,
                _pct_or_dash(row.value("handle_on_time_rate")),
                str(mine.get("warning_level2", 0)),
                str(mine.get("warning_level3", 0)),
            ],
        )
        assert line.search(text_), (row.name, line.pattern)
        excel = cells[row.name]
        assert excel["收到线索"] == received and excel["办结"] == closed
        assert excel["超期（二级预警）"] == mine.get("warning_level2", 0)
        assert excel["三级预警"] == mine.get("warning_level3", 0)
        assert excel["办结率"] == pytest.approx(closed / accepted if accepted else None)
    cases = {
        r[1]: r for r in book["表6 处罚案件"].iter_rows(3, values_only=True) if r[1] is not None
    }
    for row in data.rows:
        mine = independent.get(row.code, {})
        assert cases[row.name][2:4] == (mine.get("cases_filed", 0), mine.get("cases_closed", 0))
    total = sum(v.get("received", 0) for v in independent.values())
    assert f"共收到污染防治线索{total}件" in text_.replace("\n", "").replace(" ", "")
    assert cells["合计"]["收到线索"] == total


def _pct_or_dash(value: Any) -> str:
    return "—" if value is None else f"{float(value) * 100:.1f}%"


def _score(counts: Mapping[str, int], suggestions: tuple[int, int], weights: Any) -> float | None:
    """The combined score recomputed by hand from the statistics' counts and the
    suggestions (due, answered on time) of the commission to the county's units."""
    shares = {
        "suggestions_answered_on_time": (suggestions[1], suggestions[0]),
        "signed_on_time": (counts["sign_on_time"], counts["sign_done"]),
        "handled_on_time": (counts["handle_on_time"], counts["handle_done"]),
        "reported_on_time": (counts["handle_on_time"], counts["handle_done"]),
        "satisfaction": (
            counts["satisfied"] + counts["basically_satisfied"],
            counts["satisfied"] + counts["basically_satisfied"] + counts["unsatisfied"],
        ),
    }
    values: dict[str, float] = {k: a / b for k, (a, b) in shares.items() if b}
    for name, bad, base in (
        ("not_returned", "returned", "received"),
        ("passed_review", "rejected", "handle_done"),
        ("without_red_warning", "warning_level3", "received"),
    ):
        if counts[bad] or counts[base]:
            values[name] = max(0.0, 1 - counts[bad] / max(counts[base], 1))
    total = sum(weights.weight(k) for k in values)
    if not total:
        return None
    return round(100 * sum(weights.weight(k) * v for k, v in values.items()) / total, 2)


def test_the_ranking_follows_the_score(demo: Store, city: tuple[CircularData, Path]) -> None:
    data, folder = city
    with demo.session() as session:
        weights = load_rules(session).assessment_weights
    stats = compute_statistics(demo, OCTOBER.period, NOW, by=Grouping.COUNTY)
    by_county = {g.key: g.figures.counts for g in stats.groups}
    with demo.session() as session:
        county_of = dict(session.execute(text("SELECT code, county_code FROM units")).all())
    suggestions: dict[str, tuple[int, int]] = {}
    for item in suggestions_due(demo):
        if OCTOBER.period.holds(item.issued_at):
            due, on_time = suggestions.get(county_of[item.unit], (0, 0))
            due += int(item.answered_at is not None or item.due_at <= NOW)
            suggestions[county_of[item.unit]] = (due, on_time + int(item.answered_on_time))
    assert suggestions  # the demo's commissions wrote to units this month
    scores = [row.score for row in data.rows]
    assert all(s is not None for s in scores)
    assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]
    assert len(set(scores)) > 3  # a ranking that ranks
    for row in data.rows:
        expected = _score(by_county[row.code], suggestions.get(row.code, (0, 0)), weights)
        assert row.score == pytest.approx(expected), row.name
        assert row.ranked.components["without_extension"] is None  # no statistic for it
        assert row.ranked.components.keys() == set(COMPONENTS)
    assert [r.rank for r in data.rows][0] == 1
    ranking = book_rows(folder / "city.xlsx", "表2 考核排名")
    assert [r[1] for r in ranking] == [row.name for row in data.rows]
    assert [r[2] for r in ranking] == scores
    text_ = "".join(_pages(folder / "city.pdf")).replace(" ", "")
    assert f"{data.rows[0].name}以{data.rows[0].score:.2f}分位列第一" in text_.replace("\n", "")


def book_rows(path: Path, title: str) -> list[tuple[Any, ...]]:
    """The data rows of a sheet (under its caption and header)."""
    return [r for r in load_workbook(path)[title].iter_rows(3, values_only=True) if r[1]]


def test_the_pdf_is_the_official_format_with_embedded_fonts(
    city: tuple[CircularData, Path],
) -> None:
    data, folder = city
    pdf = folder / "city.pdf"
    fonts = poppler("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    first = _pages(pdf)[0].replace(" ", "")
    assert "连云港市污染防治攻坚办" in first
    assert "连攻坚通〔2026〕11号" in first
    flat = first.replace("\n", "")
    assert "关于2026年10月全市污染防治线索办理情况的通报" in flat
    assert "各县区污染防治攻坚办，市各有关部门：" in flat
    whole = "".join(_pages(pdf)).replace(" ", "").replace("\n", "")
    for heading in (
        "一、总体情况",
        "二、考核排名",
        "三、超期和三级预警情况",
        "四、每周核查情况",
        "五、行政处罚案件办理情况",
        "六、表扬和批评",
        "七、工作要求",
    ):
        assert heading in whole
    assert f"{NO_VERIFICATION}。" in whole  # no tally: none this month
    assert "东海县。办结率高、群众满意。" in whole and "灌云县。三级预警多，整改迟缓。" in whole
    assert "2026年11月3日" in whole and "数据截至" in whole


def test_long_tables_repeat_their_header_on_every_page(
    county: tuple[CircularData, Path], tmp_path: Path
) -> None:
    data, folder = county
    assert len(data.rows) == 31
    names = "|".join(re.escape(r.name) for r in data.rows)
    row_line = re.compile(rf"^\s*\d+\s+({names})(\s|$)", re.MULTILINE)
    tabled = [p for p in _pages(folder / "county.pdf") if row_line.search(p)]
    assert len(tabled) >= 4  # 表1, 表2 and 表6 of 31 rows each run over pages
    for page in tabled:
        assert "序号" in page or "排名" in page, page[:300]
    # a forced long list: the overdue list forty times over
    long = replace(data, overdue=data.overdue * 40)
    assert len(long.overdue) >= 100
    render_circular(long, tmp_path / "long.pdf", ISSUED)
    pages = _pages(tmp_path / "long.pdf")
    listed = [p for p in pages if re.search(r"^\s*\d+\s+LYG\d{10}", p, re.MULTILINE)]
    assert len(listed) >= 3
    for page in listed:
        header = r"序号\s+线索编号\s+环节\s+责任单位\s+达到时间\s+消除时间"
        assert re.search(header, page), page[:300]
    numbers = [int(n) for p in listed for n in re.findall(r"^\s*(\d+)\s+LYG", p, re.MULTILINE)]
    assert max(numbers) == len(long.overdue)


def test_a_county_circular_prints_its_verification(county: tuple[CircularData, Path]) -> None:
    data, folder = county
    whole = "".join(_pages(folder / "county.pdf")).replace(" ", "").replace("\n", "")
    assert NO_VERIFICATION not in whole
    rows = book_rows(folder / "county.xlsx", "表5 每周核查")
    assert [r[1:7] for r in rows] == [
        ("新海街道", 5, 3, 1, 0, 1),
        (data.name_of("320706901"), 4, 4, 0, 0, 0),
    ] or [r[1:7] for r in rows] == [
        (data.name_of("320706901"), 4, 4, 0, 0, 0),
        ("新海街道", 5, 3, 1, 0, 1),
    ]
    assert sorted(r[7] for r in rows) == [0.75, 1.0]  # 合格率: 3 of 4 judged, 4 of 4
    assert "关于2026年10月海州区污染防治线索办理情况的通报" in whole
    assert "各镇（街道），各有关部门：" in whole
