from __future__ import annotations

import time

import pytest

from geodata.errors import Cancelled, InputError
from geodata.plan.extract import Proposal, propose_targets
from geodata.plan.targets import CATEGORIES

ZJ, SX, JS, BJ = "330000", "140000", "320000", "110000"


def propose(text: str, province: str = ZJ, **kwargs) -> list[Proposal]:
    proposals = propose_targets(text, province, **kwargs)
    for n, p in enumerate(proposals, start=1):
        assert p.id == f"P{n}"
        assert text[p.start : p.end] == p.sentence
        assert text[p.number_start : p.number_start + len(p.number_text)] == p.number_text
        assert p.start <= p.number_start < p.end
        assert p.category in CATEGORIES
        assert p.metric and len(p.metric) <= 20
        assert p.scope in ("province", "cities", "counties")
        assert p.regions
    return proposals


def one(text: str, province: str = ZJ, **kwargs) -> Proposal:
    proposals = propose(text, province, **kwargs)
    assert len(proposals) == 1, [(p.number_text, p.sentence) for p in proposals]
    return proposals[0]


def test_several_cities_in_one_sentence():
    p = one("杭州、宁波、温州、嘉兴市建成千兆城市，累计建成5G基站10万个。")
    assert p.regions == ("330100", "330200", "330300", "330400")
    assert p.scope == "cities"
    assert p.value == 100000
    assert p.metric == "5G基站"
    assert p.category == "information"


def test_planned_and_achieved_in_one_paragraph():
    text = "截至2023年底，全省累计建成5G基站8.5万个。到2025年，全省5G基站达到12万个。"
    achieved, planned = propose(text)
    assert (achieved.value, achieved.status, achieved.year) == (85000, "achieved", "2023")
    assert (planned.value, planned.status, planned.year) == (120000, "planned", "2025")
    assert achieved.metric == planned.metric == "5G基站"


def test_traditional_script():
    p = one("到2025年，長治市建成5G基站1.2萬個。", SX)
    assert p.regions == ("140400",)
    assert p.value == 12000
    assert p.number_text.startswith("1.2")


def test_a_county_by_its_full_name():
    p = one("余杭区建成数据中心机架3万架。")
    assert p.regions == ("330110",) and p.scope == "counties"
    assert p.value == 30000 and p.metric == "数据中心机架"


def test_a_county_by_its_short_name():
    p = one("2022年，萧山新开通5G基站2000个。")
    assert p.regions == ("330109",) and p.scope == "counties"


@pytest.mark.parametrize(
    ("province", "text", "regions"),
    [
        (ZJ, "台州市新建5G基站5000个。", ("331000",)),
        (JS, "台州市新建5G基站5000个。", (JS,)),
        (JS, "泰州市新建5G基站5000个。", ("321200",)),
        (ZJ, "与江苏泰州协同，台州市新建5G基站5000个。", ("331000",)),
    ],
)
def test_taizhou_is_resolved_by_the_province(province, text, regions):
    assert one(text, province).regions == regions


def test_province_wide():
    p = one("全省新基建投资完成3600亿元。")
    assert p.regions == (ZJ,) and p.scope == "province"
    assert p.value == 3.6e11 and p.unit == "元"
    assert p.category == "overall"
    assert "投资" in p.metric


def test_a_heading_number_is_ignored():
    p = one("一、总体目标\n（二）建设任务\n到2025年，全省5G基站达到12万个。")
    assert p.value == 120000


def test_a_document_number_is_ignored():
    text = (
        "根据《国务院关于印发“十四五”数字经济发展规划的通知》（国发〔2021〕29号），"
        "全省建成5G基站10万个。"
    )
    assert one(text).value == 100000


def test_page_phone_and_date_lines_are_ignored():
    text = "- 12 -\n第3页 共20页\n联系电话：0351-4567890。\n2022年6月22日，省发展改革委发布通知。"
    assert propose(text, SX) == []


def test_growth_percentage_is_proposed_as_achieved():
    p = one("2022年全省新基建投资同比增长25.3%。")
    assert p.value == 25.3 and p.unit == "%"
    assert p.status == "achieved"


def test_identical_sentences_are_proposed_once():
    text = "全省建成5G基站10万个。\n全省建成5G基站10万个。"
    assert len(propose(text)) == 1


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("新建省级重点实验室200家。", "innovation"),
        ("培育网络安全骨干企业50家。", "security"),
        ("累计建成公共充电桩2.3万个。", "integration"),
        ("全省数据中心机架规模达到50万架。", "information"),
        ("全年实施新基建重大项目900个。", "overall"),
    ],
)
def test_categories(text, category):
    assert one(text).category == category


def test_several_numbers_in_one_sentence():
    first, second = propose("建成5G基站10万个、数据中心机架5万架。")
    assert (first.id, first.metric, first.value) == ("P1", "5G基站", 100000)
    assert (second.id, second.metric, second.value) == ("P2", "数据中心机架", 50000)
    assert first.sentence == second.sentence


def test_qualifiers():
    assert one("计划投资约4400亿元。").qualifier == "about"
    assert one("实施新基建项目900余个。").qualifier == "more than"


def test_each_clause_keeps_its_own_city():
    hangzhou, ningbo = propose("杭州市建成5G基站3万个，宁波市建成2万个。")
    assert hangzhou.regions == ("330100",)
    assert ningbo.regions == ("330200",)


def test_common_words_are_not_regions():
    p = one("新区、开发区和高新区建成5G基站1000个。", SX)
    assert p.regions == (SX,) and p.scope == "province"


def test_municipality_districts():
    p = one("北京市朝阳区建成5G基站1万个。", BJ)
    assert p.regions == ("110105",) and p.scope == "counties"


def test_enumeration_with_semicolons():
    text = "到2025年，建成5G基站10万个；建成公共充电桩2万个；新建省级重点实验室50家。"
    stations, chargers, labs = propose(text)
    assert [stations.category, chargers.category, labs.category] == [
        "information",
        "integration",
        "innovation",
    ]
    assert stations.sentence == "到2025年，建成5G基站10万个；"


def test_default_year_is_passed_on():
    p = one("全省建成5G基站10万个。", default_year="2022")
    assert p.year == "2022"


def test_english_is_detected():
    p = one("Zhejiang will build 20,000 5G base stations in Hangzhou by 2025.")
    assert p.regions == ("330100",)
    assert p.value == 20000
    assert p.metric == "5G base stations"


def test_progress_and_cancelling():
    text = "\n".join(f"第{i}段：全省建成5G基站{i}万个。" for i in range(1, 451))
    calls = []
    propose(text, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 450) and calls[-1] == (450, 450)
    assert len(calls) >= 3
    with pytest.raises(Cancelled):
        propose_targets(text, ZJ, cancelled=lambda: True)


def test_bad_arguments_are_input_errors():
    with pytest.raises(InputError):
        propose_targets("全省建成5G基站10万个。", "330100")
    with pytest.raises(InputError):
        propose_targets("全省建成5G基站10万个。", ZJ, language="fr")


def test_empty_text():
    assert propose("") == []


_PARAGRAPHS = (
    "到2025年，全省累计建成5G基站12万个，实现县城以上区域5G网络全覆盖。",
    "截至2023年6月底，杭州、宁波、温州、嘉兴市千兆光网用户数突破500万户，同比增长30%。",
    "实施算力基础设施提升工程，数据中心机架规模达到50万架，形成4个数据中心集群。",
    "一、总体要求\n（一）指导思想\n坚持以习近平新时代中国特色社会主义思想为指导，统筹发展和安全。",
    "建设省级重点实验室200家、技术创新中心100家，余杭区建设国家级工程研究中心2家。",
    "全年实施新基建重大项目900余个，计划投资约4400亿元；累计建成公共充电桩2.3万个。",
    "根据《国务院关于印发“十四五”数字经济发展规划的通知》（国发〔2021〕29号）要求，加快推进。",
    "- 12 -\n",
)


def hundred_pages() -> str:
    """About 120,000 characters of plan prose, every paragraph with its own numbers."""
    pages, n = [], 0
    while sum(map(len, pages)) < 120_000:
        n += 1
        page = "\n".join(_PARAGRAPHS) + "\n"
        pages.append(page.replace("12万", f"{n}万").replace("500万", f"{n + 500}万"))
        pages.append(f"第{n}页\n" + "加快推进新型基础设施建设，统筹发展和安全，" * 20 + "。\n")
    return "".join(pages)


def test_a_hundred_pages_propose_in_well_under_three_seconds():
    text = hundred_pages()
    propose_targets("预热：全省建成5G基站1万个。", ZJ)  # the name tables are cached
    started = time.perf_counter()
    proposals = propose_targets(text, ZJ)
    elapsed = time.perf_counter() - started
    print(f"\n{len(text)} characters, {len(proposals)} proposals in {elapsed:.2f} s")
    assert len(text) >= 120_000
    assert elapsed < 3.0


def test_a_target_year_holds_for_its_section():
    text = (
        "二、发展目标\n到2025年，全省新型基础设施建设取得重大突破。具体目标如下：\n"
        "数据中心标准机架达到50万架。\n三、重点任务\n建设千兆社区100个。"
    )
    racks, communities = propose(text)
    assert (racks.value, racks.year, racks.status) == (500000, "2025", "planned")
    assert (communities.value, communities.year) == (100, "")


def test_an_as_of_year_holds_for_its_section():
    text = "一、发展基础\n截至2020年底，全省累计建成5G基站1.6万个。\n固定宽带用户达到1100万户。"
    stations, users = propose(text, SX)
    assert (stations.year, stations.status) == ("2020", "achieved")
    assert (users.value, users.year, users.status) == (11000000, "2020", "achieved")


def test_a_section_year_does_not_date_an_achieved_number():
    text = "到2025年，全省将建成5G基站12万个。目前，杭州已建成5G基站3万个。数据中心机架达到50万架。"
    goal, now, racks = propose(text)
    assert (goal.year, goal.status) == ("2025", "planned")
    assert (now.year, now.status, now.regions) == ("", "achieved", ("330100",))
    assert (racks.year, racks.status) == ("2025", "planned")


def test_a_running_total_borrows_the_metric_before_it():
    first, total = propose("今年1-5月，全省新建5G基站1.2万个，累计达到10.5万个。")
    assert (first.value, total.value) == (12000, 105000)
    assert total.metric == "5G基站"


def test_emergency_numbers_are_not_targets():
    assert [p.value for p in propose("完善120急救调度系统，建成5G基站100个。")] == [100]


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a 2021 plan: it reports 2020, so 2025 is ahead of it
        (
            "截至2020年底，全省已建成5G基站3万个。2025年，全省新建5G基站5万个。",
            ["achieved", "planned"],
        ),
        # a 2026 news item: it reports October 2026, so 2025 is behind it
        (
            "截至2026年10月底，全省已建成5G基站30万个。2025年，全省新建5G基站2.1万个。",
            ["achieved", "achieved"],
        ),
    ],
)
def test_a_past_year_is_judged_from_the_documents_own_date(text, statuses):
    proposals = propose_targets(text, "330000")
    assert [p.status for p in proposals] == statuses


def test_reference_date_is_the_year_after_the_latest_as_of_year():
    from geodata.plan.extract.propose import reference_date

    assert reference_date("截至2020年底，已建成。截至2022年6月，已开通。") == "2023-01-01"
    assert reference_date("As of 2023, 93,307 base stations had been built.") == "2024-01-01"
    assert reference_date("到2030年，达到35万个。") == ""


@pytest.mark.parametrize(
    ("opening", "year"),
    [
        ("山西省新基建三年行动计划（2023—2025年）", "2025"),
        ('浙江省数字基础设施发展"十五五"规划', "2030"),
        ("Shanxi releases infrastructure blueprint for 2021-25", "2025"),
        ("Plan for 2021 to 2025", "2025"),
        ("到2030年，全省建成5G基站35万个。", ""),
        ("Seetao 2021-06-21 Shanxi's plan", ""),  # a date is not a period
        ("Report 2025-21", ""),  # nor a range that ends before it starts
    ],
)
def test_plan_end_year_comes_from_the_period_in_the_opening(opening, year):
    from geodata.plan.extract.propose import plan_end_year

    assert plan_end_year(opening) == year


def test_the_plan_period_dates_planned_numbers_but_not_achievements():
    text = (
        "山西省新基建三年行动计划（2023—2025年）\n二、主要任务\n"
        "数据中心机架规模达到30万架。\n全省已建成5G基站8万个。\n"
    )
    racks, stations = propose_targets(text, "140000")
    assert (racks.value, racks.year, racks.status) == (300000, "2025", "planned")
    assert (stations.value, stations.year, stations.status) == (80000, "", "achieved")


def test_a_clause_for_the_whole_province_is_province_wide_beside_a_named_city():
    text = "截至2025年底，全省已建成5G基站16.8万个，合肥市累计建成5G基站4.2万个。"
    province, hefei = propose_targets(text, "340000")
    assert (province.value, province.regions, province.scope) == (168000, ("340000",), "province")
    assert (hefei.value, hefei.regions, hefei.scope) == (42000, ("340100",), "cities")
