"""The extractor on realistic plan, report and news passages (tests/data/plans/*.txt).

Each passage is written in the style of real published texts (provincial 新基建 plans,
行动方案 with 专栏, 政府工作报告, 新华网/人民网 news, China Daily). For each one the table
below lists by hand the numbers a planner would keep (value in base units, unit, status,
year, regions, and the qualifier where it matters), numbers that may be proposed or not
(``ACCEPTABLE``: cross-checks such as a project count in an annex) and numbers that must not
be proposed (list and 专栏 numbers, dates, phone numbers, shares of a national total).

Decisions: a year-on-year growth rate (同比增长12.5%) is proposed as an achievement (as in
test_propose); a share of a whole the text names (占全国总数的6.5%, "60 percent of the
province's capacity") is a quantity but no target; rankings (第2位) are never numbers; a news
headline only restates its body and is not a source of proposals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pytest

from geodata.plan.extract import Proposal, propose_targets

DATA = Path(__file__).parents[3] / "data" / "plans"


@dataclass(frozen=True)
class E:
    """An expected proposal."""

    value: float
    unit: str
    status: str
    year: str
    regions: tuple[str, ...]
    qualifier: str | None = None  # None: not checked


P, A = "planned", "achieved"


@dataclass(frozen=True)
class Case:
    province: str
    expected: tuple[E, ...]
    forbidden: tuple[tuple[float, str], ...] = ()  # (value, unit) never proposed
    acceptable: tuple[tuple[float, str], ...] = ()  # (value, unit) may be proposed


GZ, GD, JS, ZJ, SC, XJ = "520000", "440000", "320000", "330000", "510000", "650000"
XZ, SH, BJ, NM, GS, NX, FJ, SD = (
    "540000",
    "310000",
    "110000",
    "150000",
    "620000",
    "640000",
    "350000",
    "370000",
)
HA, HB, AH = "410000", "420000", "340000"

CASES: dict[str, Case] = {
    "guizhou_hub_implementation_plan.txt": Case(
        GZ,
        (
            E(800000, "架", P, "2025", (GZ,)),
            E(50, "EFLOPS", P, "2025", (GZ,), "more than"),
            E(35, "%", P, "2025", (GZ,), "more than"),
            E(1.2, "", P, "2025", (GZ,), "at most"),
            E(50, "%", P, "2025", (GZ,), "at least"),
            E(65, "%", P, "2025", (GZ,), "at least"),
            E(40, "Tbps", P, "2025", (GZ,), "at least"),
            E(30000, "架", P, "2025", ("520300",)),
            E(20000, "架", P, "2025", ("520500",)),
            E(15000, "架", P, "2025", ("520200",)),
            E(150, "EFLOPS", P, "2030", (GZ,)),
            E(600000, "架", P, "2025", (GZ,), "about"),
            E(5, "个", P, "2025", (GZ,), "at least"),
            E(10, "EFLOPS", P, "2025", (GZ,)),
            E(1, "个", P, "2025", ("522600", "522700")),
            E(120, "个", P, "2025", (GZ,)),
            E(1.2e11, "元", P, "2025", (GZ,), "about"),
        ),
        forbidden=((1, ""), (2, ""), (3, ""), (851, "")),
        acceptable=((20, "毫秒"),),
    ),
    "guangdong_digital_infra_14th_plan.txt": Case(
        GD,
        (
            E(124000, "个", A, "2020", (GD,)),
            E(3.9e7, "户", A, "2020", (GD,)),
            E(1e7, "户", A, "2020", (GD,), "more than"),
            E(250000, "个", P, "2025", (GD,)),
            E(20, "个", P, "2025", (GD,)),
            E(3e7, "户", P, "2025", (GD,), "more than"),
            E(500000, "架", P, "2025", (GD,)),
            E(1.3, "", P, "2025", (GD,), "at most"),
            E(30, "个", P, "2025", (GD,), "at least"),
            E(80000, "个", P, "2025", ("440100",)),
            E(70000, "个", P, "2025", ("440300",)),
            E(15000, "个", P, "2025", ("440400", "440600", "441900"), "at least"),
            E(90, "%", P, "2025", (GD,)),
            E(126000, "个", P, "2025", (GD,)),
            E(500, "个", P, "2025", (GD,)),
            E(500000, "架", P, "2025", ("440200",)),
            E(5e10, "元", P, "2025", ("440200",), "about"),
            E(100, "家", P, "2025", (GD,)),
            E(30000, "根", P, "2025", (GD,)),
        ),
        forbidden=((1, ""), (2, "")),
    ),
    "jiangsu_5g_news.txt": Case(
        JS,
        (
            E(236000, "个", A, "2024", (JS,)),
            E(18000, "个", A, "2024", (JS,)),
            E(12.5, "%", A, "2024", (JS,)),
            E(39000, "个", A, "2024", ("320100",)),
            E(51000, "个", A, "2024", ("320500",)),
            E(24000, "个", A, "2024", ("320200",)),
            E(6.85e7, "户", A, "2024", (JS,)),
            E(58.3, "%", A, "2024", (JS,)),
            E(1.8e6, "个", A, "2024", (JS,)),
            E(250000, "个", P, "2024", (JS,), "more than"),
        ),
        forbidden=((6.5, "%"), (2, ""), (7, ""), (18, "")),
        acceptable=((6.2e6, "户"),),
    ),
    "zhejiang_gov_work_report.txt": Case(
        ZJ,
        (
            E(9.867e11, "元", A, "2023", (ZJ,)),
            E(10.1, "%", A, "2023", (ZJ,)),
            E(31000, "个", A, "2023", (ZJ,)),
            E(202000, "个", A, "2023", (ZJ,)),
            E(8, "家", A, "2023", ("331002", "331081")),
            E(120, "家", A, "2023", ("331083",)),
            E(1.15e11, "元", A, "2023", (ZJ,)),
            E(8.6, "%", A, "2023", (ZJ,)),
            E(20000, "个", P, "2024", (ZJ,)),
            E(1.5, "EFLOPS", P, "2024", (ZJ,)),
            E(2e6, "户", P, "2024", (ZJ,)),
            E(1, "个", P, "2024", ("331082", "331022")),
            E(100, "个", P, "2024", (ZJ,), "at least"),
            E(1.2e11, "元", P, "2024", (ZJ,)),
        ),
        acceptable=((5.5, "%"),),
    ),
    "sichuan_chengyu_hub_plan.txt": Case(
        SC,
        (
            E(250000, "个", P, "2025", (SC,)),
            E(1e7, "户", P, "2025", (SC,)),
            E(400000, "架", P, "2025", (SC,)),
            E(250000, "架", P, "2025", ("510100",)),
            E(80000, "架", P, "2025", ("511500", "510500", "510700")),
            E(150000, "个", P, "2025", (SC,)),
            E(200, "座", P, "2025", (SC,)),
            E(5e11, "元", P, "2025", (SC,), "about"),
            E(1.2e12, "元", P, "2025", (SC,), "more than"),
            E(10, "PFLOPS", P, "2025", ("510100",), "at least"),
        ),
        acceptable=((1, "座"), (2, "毫秒"), (328, "个")),
    ),
    "xinjiang_digital_infra_action.txt": Case(
        XJ,
        (
            E(60000, "个", P, "2025", (XJ,)),
            E(22, "个", P, "2025", (XJ,)),
            E(100, "%", P, "2025", (XJ,)),
            E(60000, "架", P, "2025", (XJ,)),
            E(3, "EFLOPS", P, "2025", (XJ,)),
            E(15000, "个", P, "2025", ("650100",)),
            E(10000, "架", P, "2025", ("650200",)),
            E(5000, "架", P, "2025", ("650500",)),
            E(3000, "个", P, "2025", ("652800", "653100", "653200"), "at least"),
            E(1, "个", P, "2025", ("652801",)),
            E(800, "座", P, "2025", ("654000", "652300")),
        ),
        forbidden=((12, ""), (10, "")),
    ),
    "xizang_news.txt": Case(
        XZ,
        (
            E(15500, "个", A, "2023", (XZ,)),
            E(42, "个", A, "2023", (XZ,)),
            E(3800, "个", A, "2023", (XZ,)),
            E(3.56e9, "元", A, "2023", (XZ,)),
            E(5.2, "%", A, "2023", (XZ,)),
            E(4500, "个", A, "2023", ("540100",)),
            E(2600, "个", A, "2023", ("540200",)),
            E(224000, "公里", A, "2023", (XZ,)),
            E(3000, "个", P, "2024", (XZ,), "at least"),
            E(100, "%", P, "2024", (XZ,)),
        ),
        forbidden=((8, ""), (9, "")),
        acceptable=((1.1, "倍"),),
    ),
    "shanghai_district_action_plan.txt": Case(
        SH,
        (
            E(3e11, "元", P, "2026", (SH,), "about"),
            E(32, "个", P, "2026", (SH,)),
            E(1e7, "户", P, "2026", (SH,)),
            E(18, "EFLOPS", P, "2026", (SH,), "more than"),
            E(70, "%", P, "2026", (SH,), "at least"),
            E(1.25, "", P, "2026", (SH,), "at most"),
            E(2, "个", P, "2026", ("310115", "310112", "310114")),
            E(1, "个", P, "2026", ("310117", "310118")),
            E(1, "个", P, "2026", (SH,)),
            E(5, "Tbps", P, "2026", (SH,)),
        ),
        forbidden=((3, ""), (60, ""), (1, "")),
    ),
    "beijing_gov_work_report.txt": Case(
        BJ,
        (
            E(42.9, "%", A, "2023", (BJ,)),
            E(107000, "个", A, "2023", (BJ,)),
            E(1200, "家", A, "2023", ("110108",)),
            E(600, "家", A, "2023", ("110105",)),
            E(1000, "PFLOPS", A, "2023", (BJ,)),
            E(6, "个", A, "2023", ("110111",)),
            E(10000, "个", P, "2024", (BJ,)),
            E(2000, "PFLOPS", P, "2024", (BJ,), "at least"),
            E(10, "个", P, "2024", ("110115", "110113")),
            E(600, "平方公里", P, "2024", (BJ,)),
            E(500, "公里", P, "2024", (BJ,)),
        ),
    ),
    "neimenggu_helinger_hub_news.txt": Case(
        NM,
        (
            E(160000, "架", A, "2024", ("150123",)),
            E(50000, "PFLOPS", A, "2024", ("150123",), "more than"),
            E(42000, "PFLOPS", A, "2024", ("150123",)),
            E(12, "个", A, "2024", (NM,)),
            E(1.56e10, "元", A, "2024", (NM,)),
            E(1.2, "", A, "2024", ("150123",)),
            E(80, "%", A, "2024", ("150123",), "at least"),
            E(75000, "架", A, "2024", ("150900",)),
            E(30000, "架", A, "2024", ("150600",)),
            E(80000, "PFLOPS", P, "2025", ("150100",)),
            E(100000, "PFLOPS", P, "2025", (NM,), "more than"),
            E(500000, "架", P, "2025", (NM,)),
        ),
        forbidden=((84, "%"),),
    ),
    "gansu_qingyang_hub_plan.txt": Case(
        GS,
        (
            E(80000, "架", P, "2025", ("621000",)),
            E(15000, "PFLOPS", P, "2025", ("621000",), "at least"),
            E(65, "%", P, "2025", ("621000",), "at least"),
            E(300000, "架", P, "2030", (GS,)),
            E(1.15, "", P, "2030", (GS,), "at most"),
            E(20000, "架", P, "", ("620100",)),
            E(2e6, "kW", P, "", (GS,)),
            E(5e8, "元", P, "", (GS,)),
        ),
        acceptable=((100, "Gbps"), (20, "条")),
    ),
    "ningxia_zhongwei_news.txt": Case(
        NX,
        (
            E(15, "个", A, "2023", ("640500",)),
            E(72000, "架", A, "2023", ("640500",)),
            E(26000, "PFLOPS", A, "2023", ("640500",)),
            E(70, "%", A, "2023", ("640500",), "more than"),
            E(7.24e9, "元", A, "2023", ("640500",)),
            E(30.1, "%", A, "2023", ("640500",)),
            E(30, "家", A, "2023", ("640500",), "more than"),
            E(12000, "Gbps", A, "2023", (NX,)),
            E(720000, "架", P, "2025", (NX,)),
            E(150000, "PFLOPS", P, "2025", (NX,)),
        ),
        acceptable=((1e11, "元"),),
    ),
    "jiangsu_taizhou_15th_plan.txt": Case(
        JS,
        (
            E(400000, "个", P, "2030", (JS,)),
            E(100000, "个", P, "2030", (JS,)),
            E(5e6, "户", P, "2030", (JS,), "more than"),
            E(60, "EFLOPS", P, "2030", (JS,)),
            E(80, "%", P, "2030", (JS,), "more than"),
            E(2, "个", P, "2030", ("320100", "320500", "320200"), "at least"),
            E(50000, "架", P, "2030", ("321200", "320600", "321000")),
            E(200, "公里", P, "2030", ("321202", "321203")),
            E(8e11, "元", P, "2030", (JS,), "about"),
        ),
        acceptable=((1.6e11, "元"),),
    ),
    "fujian_digital_plan_big5_repost.txt": Case(
        FJ,
        (
            E(85000, "个", P, "2025", (FJ,)),
            E(120000, "架", P, "2025", (FJ,)),
            E(1e7, "户", P, "2025", (FJ,), "more than"),
            E(4e12, "元", P, "2025", (FJ,), "more than"),
            E(55, "%", P, "2025", (FJ,), "about"),
            E(25000, "个", P, "2025", ("350100",)),
            E(18000, "个", P, "2025", ("350200",)),
            E(16000, "个", P, "2025", ("350500",)),
            E(10, "个", P, "2025", (FJ,), "at least"),
            E(200, "个", P, "2025", (FJ,)),
            E(31000, "个", A, "2020", (FJ,)),
        ),
        forbidden=((28, ""), (5, "")),
    ),
    "guizhou_chinadaily_en.txt": Case(
        GZ,
        (
            E(45, "data centres", A, "", (GZ,)),
            E(250000, "racks", A, "2023", (GZ,)),
            E(10, "EFLOPS", A, "2023", (GZ,)),
            E(80, "EFLOPS", P, "2025", (GZ,)),
            E(90, "%", P, "2025", (GZ,)),
            E(4e10, "yuan", P, "2024", (GZ,), "about"),
            E(10000, "base stations", P, "2024", (GZ,)),
            E(12.7, "%", A, "2023", (GZ,)),
        ),
        forbidden=((60, "%"),),
    ),
    "shandong_action_plan_list.txt": Case(
        SD,
        (
            E(250000, "个", P, "2025", (SD,)),
            E(30, "个", P, "2025", ("370100", "370200"), "at least"),
            E(2e6, "个", P, "2025", (SD,)),
            E(1e7, "户", P, "2025", (SD,)),
            E(350000, "架", P, "2025", (SD,)),
            E(70, "%", P, "2025", (SD,)),
            E(200, "个", P, "2025", (SD,)),
            E(15, "个", P, "2025", (SD,)),
            E(20, "个", P, "2025", ("370600", "370700")),
            E(25000, "个", P, "2024", (SD,)),
            E(20000, "个", P, "2025", (SD,)),
            E(5, "EFLOPS", P, "2025", ("370100", "370200")),
        ),
        forbidden=((1.5, "Gbps"), (1.5, ""), (6, ""), (30, "")),
        acceptable=((2, "个"),),
    ),
    # Written after the fixes for the passages above, to check them on unseen text.
    "henan_gov_work_report.txt": Case(
        HA,
        (
            E(26000, "个", A, "2024", (HA,)),
            E(218000, "个", A, "2024", (HA,)),
            E(4.5, "EFLOPS", A, "2024", (HA,)),
            E(38, "%", A, "2024", (HA,)),
            E(2000, "Gbps", A, "2024", ("410100",)),
            E(8.5e11, "元", A, "2024", (HA,)),
            E(250000, "个", P, "2025", (HA,), "at least"),
            E(1.5e6, "户", P, "2025", (HA,)),
            E(300, "个", P, "2025", (HA,)),
            E(1.5e11, "元", P, "2025", (HA,)),
            E(1, "个", P, "2025", ("411300", "411500", "411600")),
        ),
        forbidden=((5, ""),),
    ),
    "hubei_wuhan_news.txt": Case(
        HB,
        (
            E(132000, "个", A, "2024", (HB,)),
            E(56000, "个", A, "2024", ("420100",)),
            E(11000, "个", A, "2024", ("420500",)),
            E(10000, "个", A, "2024", ("420600",)),
            E(4200, "个", A, "2024", (HB,)),
            E(350000, "户", A, "2024", (HB,)),
            E(950000, "个", A, "2024", (HB,)),
            E(6.7, "%", A, "2024", (HB,)),
            E(15000, "个", P, "2024", (HB,)),
            E(140000, "个", P, "2024", (HB,), "more than"),
        ),
        forbidden=((3, ""),),
    ),
    "anhui_computing_action_plan.txt": Case(
        AH,
        (
            E(30, "EFLOPS", P, "2026", (AH,), "more than"),
            E(60, "%", P, "2026", (AH,), "at least"),
            E(3, "个", P, "2026", ("340100",)),
            E(2, "个", P, "2026", ("340200",)),
            E(100000, "架", P, "2026", ("340200",)),
            E(80, "Tbps", P, "2026", ("340100", "340200")),
            E(1.25, "", P, "2026", (AH,), "at most"),
            E(50, "%", P, "2026", (AH,), "at least"),
            E(50, "家", P, "2026", (AH,)),
            E(1e11, "元", P, "2026", (AH,)),
        ),
        forbidden=((4, ""), (1, ""), (15, "")),
        acceptable=((1, "毫秒"),),
    ),
    "guangdong_shenzhen_en.txt": Case(
        GD,
        (
            E(328000, "base stations", A, "2024", (GD,)),
            E(65000, "base stations", A, "2024", ("440300",)),
            E(82000, "base stations", A, "2024", ("440100",)),
            E(18000, "base stations", A, "2024", (GD,)),
            E(11.2, "%", A, "2024", (GD,)),
            E(20000, "base stations", P, "2024", (GD,)),
            E(1.2e7, "users", P, "2024", (GD,)),
            E(3000, "", P, "2025", ("440400",)),
        ),
        forbidden=((9, "%"),),
    ),
}


def _same(value: float, expected: float) -> bool:
    return value is not None and math.isclose(value, expected, rel_tol=1e-9)


def fits(e: E, p: Proposal) -> bool:
    """Return True when a proposal carries every field of the expected one."""
    return (
        _same(p.value, e.value)
        and p.unit == e.unit
        and p.status == e.status
        and p.year == e.year
        and p.regions == e.regions
        and (e.qualifier is None or p.qualifier == e.qualifier)
    )


def useful(case: Case, p: Proposal) -> bool:
    """Return True when a proposal's number is expected or acceptable."""
    wanted = [(e.value, e.unit) for e in case.expected] + list(case.acceptable)
    return any(_same(p.value, v) and p.unit == u for v, u in wanted)


_CACHE: dict[str, tuple[str, list[Proposal]]] = {}


def proposals_of(name: str) -> tuple[str, list[Proposal]]:
    if name not in _CACHE:
        text = (DATA / name).read_text(encoding="utf-8")
        _CACHE[name] = (text, propose_targets(text, CASES[name].province))
    return _CACHE[name]


EXPECTED = [(name, e) for name, case in CASES.items() for e in case.expected]
FORBIDDEN = [(name, f) for name, case in CASES.items() for f in case.forbidden]


def test_every_passage_has_a_case():
    assert sorted(p.name for p in DATA.glob("*.txt")) == sorted(CASES)
    assert len(CASES) >= 12


@pytest.mark.parametrize(
    ("name", "e"), EXPECTED, ids=[f"{n[:-4]}-{e.value:g}" for n, e in EXPECTED]
)
def test_expected_target_is_proposed(name, e):
    _, proposals = proposals_of(name)
    near = [
        (p.number_text, p.unit, p.status, p.year, p.regions, p.qualifier)
        for p in proposals
        if _same(p.value, e.value)
    ]
    assert any(fits(e, p) for p in proposals), near


@pytest.mark.parametrize(
    ("name", "forbidden"), FORBIDDEN, ids=[f"{n[:-4]}-{f[0]:g}{f[1]}" for n, f in FORBIDDEN]
)
def test_forbidden_number_is_not_proposed(name, forbidden):
    value, unit = forbidden
    _, proposals = proposals_of(name)
    bad = [p.number_text for p in proposals if _same(p.value, value) and p.unit == unit]
    assert not bad


@pytest.mark.parametrize("name", sorted(CASES))
def test_sentences_are_verbatim(name):
    text, proposals = proposals_of(name)
    assert proposals
    for p in proposals:
        assert text[p.start : p.end] == p.sentence
        assert text[p.number_start : p.number_start + len(p.number_text)] == p.number_text


def test_recall_and_precision():
    found = [any(fits(e, p) for p in proposals_of(name)[1]) for name, e in EXPECTED]
    every = [(name, p) for name in CASES for p in proposals_of(name)[1]]
    kept = [p for name, p in every if useful(CASES[name], p)]
    recall = sum(found) / len(found)
    precision = len(kept) / len(every)
    print(
        f"\nrealistic recall {recall:.2f} ({sum(found)}/{len(found)}), "
        f"precision {precision:.2f} ({len(kept)}/{len(every)})"
    )
    assert recall >= 0.9
    assert precision >= 0.9
