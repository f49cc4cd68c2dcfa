"""Tests for geodata.plan.extract.timing: year, date and planned/achieved status."""

from __future__ import annotations

import pytest

from geodata.plan.extract.quantities import find_quantities
from geodata.plan.extract.timing import Timing, timing_at

# (sentence, the number as written, default_year, (year, date, status, cue))
CASES = [
    ("到2030年，数据中心机架达到20万架", "20万架", "", ("2030", "", "planned", "到")),
    (
        "截至2023年6月底，全省5G基站总数达8.5万个",
        "8.5万个",
        "",
        ("2023", "2023-06-30", "achieved", "截至"),
    ),
    (
        "2024年一季度末，全省已有5G用户3000万户",
        "3000万户",
        "",
        ("2024", "2024-03-31", "achieved", "已"),
    ),
    ("截至2022年末，数据中心机架3万架", "3万架", "", ("2022", "2022-12-31", "achieved", "截至")),
    ("截至2022年底，数据中心机架3万架", "3万架", "", ("2022", "2022-12-31", "achieved", "截至")),
    ("“十四五”期间，全省新建5G基站5万个", "5万个", "", ("2025", "", "planned", "新建")),
    ("到“十四五”末，建成10个以上工业互联网平台", "10个以上", "", ("2025", "", "planned", "到")),
    ("到“十五五”末，算力规模达到300P", "300P", "", ("2030", "", "planned", "到")),
    ("2021-2025年，计划投资3600亿元", "3600亿元", "", ("2025", "", "planned", "计划")),
    ("力争5G基站达到15万个", "15万个", "2025", ("2025", "", "planned", "力争")),
    ("全省5G基站达到12万个", "12万个", "2027", ("2027", "", "planned", "")),
    ("到2025年，累计建成5G基站12万个", "12万个", "", ("2025", "", "planned", "到")),
    ("全省累计开通5G基站8万个", "8万个", "", ("", "", "achieved", "累计开通")),
    ("2023年，全省完成了数据中心投资100亿元", "100亿元", "", ("2023", "", "achieved", "完成了")),
    ("2023年全省5G基站同比增长20%", "20%", "", ("2023", "", "achieved", "同比")),
    ("预计2024年上半年建成3个", "3个", "", ("2024", "2024-06-30", "planned", "预计")),
    (
        "2023年12月31日，全省已建成5G基站8万个",
        "8万个",
        "",
        ("2023", "2023-12-31", "achieved", "已"),
    ),
    (
        "截至2023年底，全省已建成5G基站8.5萬個",
        "8.5萬個",
        "",
        ("2023", "2023-12-31", "achieved", "截至...已"),
    ),
    ("到2025年，將建成5G基站12萬個", "12萬個", "", ("2025", "", "planned", "到...將")),
    ("拟新建数据中心2个", "2个", "", ("", "", "planned", "拟")),
    ("目标：5G用户普及率达到80%", "80%", "", ("", "", "planned", "目标")),
    (
        "As of June 2023, the province had built 120,000 5G base stations",
        "120,000 5G base stations",
        "",
        ("2023", "2023-06-30", "achieved", "As of...had"),
    ),
    (
        "By the end of 2025, the province will build more than 900 projects",
        "more than 900 projects",
        "",
        ("2025", "2025-12-31", "planned", "By...will"),
    ),
    (
        "by 2025 the province aims to reach 440 billion yuan",
        "440 billion yuan",
        "",
        ("2025", "", "planned", "aims to"),
    ),
    (
        "So far the province has built 8,520 5G base stations",
        "8,520 5G base stations",
        "2025",
        ("2025", "", "achieved", "has built"),
    ),
    (
        "In Q1 2024 the province added 3 data centres",
        "3 data centres",
        "",
        ("2024", "2024-03-31", "achieved", "added"),
    ),
    # "by" + date is planned unless the verb is perfect or past
    (
        "By the end of April 2022, 12,000 5G base stations have been built in Zhejiang.",
        "12,000 5G base stations",
        "",
        ("2022", "2022-04-30", "achieved", "By...have been built"),
    ),
    (
        "By the end of 2021, 12,000 5G base stations had been built.",
        "12,000 5G base stations",
        "",
        ("2021", "2021-12-31", "achieved", "By...had"),
    ),
    (
        "By the end of 2021, the province has built 12,000 5G base stations.",
        "12,000 5G base stations",
        "",
        ("2021", "2021-12-31", "achieved", "By...has built"),
    ),
    (
        "By the end of 2025, the province will build 12,000 5G base stations",
        "12,000 5G base stations",
        "",
        ("2025", "2025-12-31", "planned", "By...will"),
    ),
    (
        "The platform has now connected to more than 80 enterprises.",
        "more than 80 enterprises",
        "",
        ("", "", "achieved", "has now connected"),
    ),
    # a 4-digit count is no year
    ("新建智慧灯杆2000根", "2000根", "", ("", "", "planned", "新建")),
    ("建设2000-3000个基站", "2000-3000个", "", ("", "", "planned", "建设")),
    ("全省投资2023.6亿元", "2023.6亿元", "", ("", "", "planned", "")),
    # news style: a past reporting period and a new-build verb
    ("今年1-5月，全省新建5G基站1.2万个", "1.2万个", "", ("", "", "achieved", "今年1-5月...新建")),
    ("前三季度，全省新增5G基站1万个", "1万个", "", ("", "", "achieved", "前三季度...新增")),
    ("累计建成5G基站12万个", "12万个", "", ("", "", "achieved", "累计建成")),
]


def _timing(sentence: str, text: str, default_year: str) -> Timing:
    [q] = [q for q in find_quantities(sentence) if q.text == text]
    return timing_at(sentence, q.start, default_year)


@pytest.mark.parametrize(("sentence", "text", "default_year", "expected"), CASES)
def test_timing_at(sentence: str, text: str, default_year: str, expected: tuple) -> None:
    assert _timing(sentence, text, default_year) == Timing(*expected)


TWO_STATUS = "截至2023年底，全省已建成5G基站8.5万个，到2025年将达到12万个"


def test_two_statuses_in_one_sentence() -> None:
    first, second = find_quantities(TWO_STATUS)
    assert timing_at(TWO_STATUS, first.start) == Timing(
        "2023", "2023-12-31", "achieved", "截至...已"
    )
    assert timing_at(TWO_STATUS, second.start) == Timing("2025", "", "planned", "将")


def test_an_as_of_clause_does_not_date_a_plan_target_nor_the_reverse() -> None:
    sentence = "到2025年，全省5G基站达到12万个，截至目前已建成8万个"
    plan, now = find_quantities(sentence)
    assert timing_at(sentence, plan.start, "2025").status == "planned"
    got = timing_at(sentence, now.start, "")
    assert (got.year, got.status) == ("", "achieved")


def test_offset_in_the_first_clause_ignores_later_clauses() -> None:
    sentence = "新建5G基站1万个，截至2023年底已建成8万个"
    first = find_quantities(sentence)[0]
    assert timing_at(sentence, first.start, "2025") == Timing("2025", "", "planned", "新建")


@pytest.mark.parametrize(
    ("phrase", "year", "date"),
    [
        ("截至2023年6月", "2023", "2023-06-30"),
        ("截至2023年6月15日", "2023", "2023-06-15"),
        ("截至2024年2月底", "2024", "2024-02-29"),
        ("截至2023-06-30", "2023", "2023-06-30"),
        ("截至2023年前三季度", "2023", "2023-09-30"),
        ("as of 30 June 2023", "2023", "2023-06-30"),
        ("as of June 30, 2023", "2023", "2023-06-30"),
        ("as of end-2022", "2022", "2022-12-31"),
        ("as of mid-2023", "2023", "2023-06-30"),
        ("as of the first half of 2023", "2023", "2023-06-30"),
    ],
)
def test_dates(phrase: str, year: str, date: str) -> None:
    sentence = f"{phrase}，已建成5G基站8万个"
    got = timing_at(sentence, sentence.index("8万个"))
    assert (got.year, got.date, got.status) == (year, date, "achieved")


@pytest.mark.parametrize(
    ("sentence", "text", "today", "expected"),
    [
        (
            "2023年，全省新建5G基站2.1万个",
            "2.1万个",
            "2024-03-01",
            ("2023", "", "achieved", "2023...新建"),
        ),
        ("2023年，全省新建5G基站2.1万个", "2.1万个", "2023-03-01", ("2023", "", "planned", "新建")),
        (
            "2023年6月，全省开通5G基站2000个",
            "2000个",
            "2024-01-01",
            ("2023", "2023-06-30", "achieved", "2023...开通"),
        ),
        ("到2025年，累计建成5G基站12万个", "12万个", "2030-01-01", ("2025", "", "planned", "到")),
        ("2023年，将新建5G基站2万个", "2万个", "2030-01-01", ("2023", "", "planned", "将")),
        (
            "“十四五”期间，全省新建5G基站5万个",
            "5万个",
            "2030-01-01",
            ("2025", "", "planned", "新建"),
        ),
        (
            "2021-2025年，全省新建5G基站5万个",
            "5万个",
            "2030-01-01",
            ("2025", "", "planned", "新建"),
        ),
        ("今年新建5G基站1万个", "1万个", "2030-01-01", ("", "", "planned", "新建")),
    ],
)
def test_a_past_year_with_a_new_build_verb_is_achieved(
    sentence: str, text: str, today: str, expected: tuple
) -> None:
    [q] = [q for q in find_quantities(sentence) if q.text == text]
    assert timing_at(sentence, q.start, today=today) == Timing(*expected)


def test_today_defaults_to_the_current_date() -> None:
    sentence = "2001年，全省新建基站2000个"
    got = timing_at(sentence, sentence.index("2000个"))
    assert (got.year, got.status) == ("2001", "achieved")
