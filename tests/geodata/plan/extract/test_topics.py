from __future__ import annotations

import pytest

from geodata.plan.extract.topics import clause_span, guess_category, metric_label


def label(sentence: str, number: str, unit: str = "个", language: str = "zh", skip=()) -> str:
    start = sentence.index(number)
    return metric_label(sentence, start, start + len(number), unit, language, skip)


def category(sentence: str, number: str, language: str = "zh") -> str:
    start = sentence.index(number)
    return guess_category(sentence, start, start + len(number), language)


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("力争到2025年，全省5G基站达到12万个。", "12万个", "5G基站"),
        ("全年完成新基建投资3600亿元。", "3600亿元", "新基建投资"),
        ("千兆光网用户数突破500万户。", "500万户", "千兆光网用户"),
        ("全省数据中心机架规模达到50万架。", "50万架", "数据中心机架"),
        ("新建10万个5G基站。", "10万个", "5G基站"),
        ("“十四五”期间，建设省级重点实验室200家。", "200家", "省级重点实验室"),
        ("截至2023年6月底，累计开通5G基站8.5万个，同比增长30%。", "8.5万个", "5G基站"),
        ("截至2023年6月底，累计开通5G基站8.5万个，同比增长30%。", "30%", "同比增长"),
        ("建成5G基站10万个、数据中心机架5万架。", "5万架", "数据中心机架"),
    ],
)
def test_chinese_labels(sentence, number, expected):
    assert label(sentence, number) == expected


def test_region_names_are_left_out_of_labels():
    assert label("杭州市5G基站达到3万个", "3万个", skip=[(0, 3)]) == "5G基站"


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("and 120,000 5G base stations were built in the province.", "120,000", "5G base stations"),
        (
            "The province's Internet inter-provincial export bandwidth reached 35000Gbps.",
            "35000Gbps",
            "Internet inter-provincial export bandwidth",
        ),
        (
            "The scale of data center racks under construction in the province has reached "
            "500,000, forming 4 data center clusters.",
            "500,000",
            "data center racks under construction",
        ),
        (
            "with a planned investment of about 440 billion yuan.",
            "about 440 billion yuan",
            "planned investment",
        ),
        ("More than 900 major projects will be implemented", "More than 900", "major projects"),
        (
            "promote 10 national first batch of intelligent demonstration coal mines",
            "10",
            "intelligent demonstration coal mines",
        ),
        ("and 65 specific measures concerning 5G networks", "65", "specific measures"),
    ],
)
def test_english_labels(sentence, number, expected):
    assert label(sentence, number, "", "en") == expected


def test_labels_are_short_and_never_empty():
    long = (
        "全省工业互联网标识解析二级节点服务的重点行业龙头企业和中小企业数字化转型示范项目达到30个"
    )
    assert 0 < len(label(long, "30个")) <= 20
    assert label("达到30个", "30个") == "个"
    assert label("reached 30", "30", "", "en") == "count"
    words = label(
        "the very long list of extremely many different kinds of things reached 30", "30", "", "en"
    )
    assert 0 < len(words.split()) <= 6


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("全省5G基站达到12万个", "12万个", "information"),
        ("累计建成充电桩2.3万个", "2.3万个", "integration"),
        ("新建省级重点实验室200家", "200家", "innovation"),
        ("培育网络安全企业50家", "50家", "security"),
        ("完成新基建投资3600亿元，建成5G基站10万个", "3600亿元", "overall"),
        ("完成新基建投资3600亿元，建成5G基站10万个", "10万个", "information"),
        ("推进各项工作30项", "30项", "overall"),
    ],
)
def test_chinese_categories(sentence, number, expected):
    assert category(sentence, number) == expected


def test_english_categories():
    sentence = "It will build 10 national key laboratories, and 120,000 5G base stations."
    assert category(sentence, "10", "en") == "innovation"
    assert category(sentence, "120,000", "en") == "information"
    assert category("with a planned investment of about 440 billion yuan", "440", "en") == (
        "overall"
    )


def test_clause_span():
    sentence = "杭州、宁波5G基站达到3万个，其中杭州2万个。"
    start = sentence.index("3万个")
    assert sentence[slice(*clause_span(sentence, start, start + 3))] == "宁波5G基站达到3万个"
    lo, hi = clause_span(sentence, start, start + 3, enumerations=False)
    assert sentence[lo:hi] == "杭州、宁波5G基站达到3万个"
