"""Tests for geodata.plan.extract.quantities: numbers, units and qualifiers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from geodata.plan.extract.proposal import QUALIFIERS
from geodata.plan.extract.quantities import find_quantities, to_halfwidth

# (sentence, expected [(value, unit, qualifier, text)])
CASES = [
    ("全省新建5G基站15万个", [(150000, "个", "", "15万个")]),
    ("5G用户达到2.8万", [(28000, "", "", "2.8万")]),
    ("5G基站总数达到十二万", [(120000, "", "", "十二万")]),
    ("计划总投资约3600亿元", [(360000000000, "元", "about", "约3600亿元")]),
    ("省际出口带宽达到3.5万Gbps", [(35000, "Gbps", "", "3.5万Gbps")]),
    ("建设区域算力中心30个左右", [(30, "个", "about", "30个左右")]),
    ("打造国家级工业互联网平台8个以上", [(8, "个", "at least", "8个以上")]),
    ("千兆光网用户突破1000万户", [(10000000, "户", "more than", "突破1000万户")]),
    ("新建大型数据中心PUE降至1.3以下", [(1.3, "", "at most", "1.3以下")]),
    ("新建数据中心PUE不超过1.3", [(1.3, "", "at most", "不超过1.3")]),
    ("累计实施数字化改造项目900余个", [(900, "个", "more than", "900余个")]),
    ("建成开通5G基站100多个", [(100, "个", "more than", "100多个")]),
    ("数字经济规模达到1.2万亿元", [(1.2e12, "元", "", "1.2万亿元")]),
    (
        "The province launched more than 900 projects",
        [(900, "projects", "more than", "more than 900 projects")],
    ),
    ("Investment reached 440 billion yuan", [(440e9, "yuan", "", "440 billion yuan")]),
    (
        "It built 120,000 5G base stations",
        [(120000, "base stations", "", "120,000 5G base stations")],
    ),
    (
        "About 1.2 million households",
        [(1.2e6, "households", "about", "About 1.2 million households")],
    ),
    ("up to 3.5 thousand racks", [(3500, "racks", "at most", "up to 3.5 thousand racks")]),
    ("more than RMB 440 billion", [(440e9, "yuan", "more than", "more than RMB 440 billion")]),
    ("企业上云数量达8,520家", [(8520, "家", "", "8,520家")]),
    ("企业上云数量达8，520家", [(8520, "家", "", "8，520家")]),
    ("新增5G基站１２万个", [(120000, "个", "", "１２万个")]),
    ("数据中心标准机架达到10万架", [(100000, "架", "", "10万架")]),
    ("数据中心规模达到20万标准机架", [(200000, "架", "", "20万标准机架")]),
    ("5G网络覆盖率达到98.5％", [(98.5, "%", "", "98.5％")]),
    ("渗透率提高5个百分点", [(5, "个百分点", "", "5个百分点")]),
    ("超过1000个以上", [(1000, "个", "more than", "超过1000个以上")]),
    ("两千多万户家庭", [(20000000, "户", "more than", "两千多万户")]),
    ("新增用户3万余户", [(30000, "户", "more than", "3万余户")]),
    ("占比达到百分之三十", [(30, "%", "", "百分之三十")]),
    ("建设骨干光缆2000公里", [(2000, "公里", "", "2000公里")]),
    ("新增光缆100千米", [(100, "公里", "", "100千米")]),
    ("装机容量50万千瓦", [(500000, "kW", "", "50万千瓦")]),
    ("算力规模达到300P", [(300, "PFLOPS", "", "300P")]),
    ("平均接入带宽达到500兆", [(500, "Mbps", "", "500兆")]),
    ("时延低于20ms", [(20, "ms", "at most", "低于20ms")]),
    ("存储规模达到10EB", [(10, "EB", "", "10EB")]),
    ("新建充电桩接近1亿元", [(1e8, "元", "about", "接近1亿元")]),
    ("新增用户10-15万", [(150000, "", "", "10-15万")]),
    ("建设5至8个产业园", [(8, "个", "", "5至8个")]),
    ("投资10万-15万元", [(150000, "元", "", "10万-15万元")]),
    ("10 to 15 million users", [(15e6, "users", "", "10 to 15 million users")]),
    ("约10-15万", [(150000, "", "about", "约10-15万")]),
    (
        "截至2023年底，全省已建成5G基站8.5万个，到2025年将达到12万个",
        [(85000, "个", "", "8.5万个"), (120000, "个", "", "12万个")],
    ),
    (
        "固定宽带用户1200万户，同比增长12.3%",
        [(12e6, "户", "", "1200万户"), (12.3, "%", "", "12.3%")],
    ),
    ("三年内建成一万二千个基站", [(12000, "个", "", "一万二千个")]),
    ("招商引资项目100+", [(100, "", "more than", "100+")]),
    ("到2025年，長治市建成5G基站1.2萬個", [(12000, "个", "", "1.2萬個")]),
    ("新增用戶3萬餘戶", [(30000, "户", "more than", "3萬餘戶")]),
    ("Penetration rose 20 percent year on year", [(20, "%", "", "20 percent")]),
    # English number words
    ("The plan proposes six strategic tasks", [(6, "", "", "six")]),
    ("It will build twenty-five parks", [(25, "parks", "", "twenty-five parks")]),
    (
        "more than twenty-one projects",
        [(21, "projects", "more than", "more than twenty-one projects")],
    ),
    (
        "three hundred and fifty villages",
        [(350, "villages", "", "three hundred and fifty villages")],
    ),
    ("one million households", [(1e6, "households", "", "one million households")]),
    ("five to eight projects", [(8, "projects", "", "five to eight projects")]),
    # a year-shaped decimal with a multiplier is an amount
    ("全省投资2023.6亿元", [(202360000000, "元", "", "2023.6亿元")]),
    ("新增用户2023.6万户", [(20236000, "户", "", "2023.6万户")]),
    # ranges cover their whole text, year-shaped lower bounds included
    ("建设2000-3000个基站", [(3000, "个", "", "2000-3000个")]),
    ("建设2000～3000个基站", [(3000, "个", "", "2000～3000个")]),
    ("建设2000至3000个基站", [(3000, "个", "", "2000至3000个")]),
    ("建设2000到3000个基站", [(3000, "个", "", "2000到3000个")]),
    ("新建智慧灯杆2000根", [(2000, "根", "", "2000根")]),
    ("今年1-5月，全省新建5G基站1.2万个", [(12000, "个", "", "1.2万个")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_find_quantities(sentence: str, expected: list[tuple]) -> None:
    found = find_quantities(sentence)
    got = [(q.value, q.unit, q.qualifier, q.text) for q in found]
    assert got == [(pytest.approx(v), u, q, t) for v, u, q, t in expected]
    for q in found:
        assert sentence[q.start : q.end] == q.text
        assert q.qualifier in QUALIFIERS


NOT_QUANTITIES = [
    "到2025年，全面完成任务",
    "截至2023年6月底",
    "2021-2025年",
    "2021—2025",
    "“十四五”时期",
    "十三五期间",
    "推进5G、4G和F5G网络建设",
    "IPv6规模部署",
    "3D打印和8K超高清",
    "构建1+N+X体系",
    "建设双千兆城市，推进万兆光网",
    "第一，（一）1. 一是加快建设",
    "1、加快网络建设",
    "(1)全省",
    "3.1 建设目标",
    "根据第十二条规定",
    "咨询电话0351-4567890",
    "联系13912345678",
    "工业互联网2.0版本",
    "版本1.2.3",
    "2023.6.30发布",
    "数字经济总量翻一番",
    "三年行动计划",
    "建设一个平台，打造一批项目",
    "千家万户",
    "用6个月时间",
    "近3年来",
    "二期工程",
    "In 2023 the 14th Five-Year Plan",
    "Article 5 and No. 12",
    "Wi-Fi 6",
    "5.5G和5G-A",
    "晋政发〔2021〕12号",
    "10G PON端口",
    "one of the key tasks",
    "a one-stop service",
    "the one platform",
    "no one is left behind",
    "once a year",
    "the three-year action plan",
    "within three years",
    "within 3 years",
    "two-thirds of them",
    "two of them",
    "1-5月",
    "3-5年内",
    "3-6个月",
]


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_not_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_multiplier_text() -> None:
    texts = [q.multiplier_text for q in find_quantities("约3600亿元，1.2万亿元，440 billion，8个")]
    assert texts == ["亿", "万亿", "billion", ""]


def test_five_g_is_not_a_number_but_its_count_is() -> None:
    [q] = find_quantities("5G基站12万个")
    assert (q.value, q.unit, q.text) == (120000, "个", "12万个")


def test_to_halfwidth_keeps_offsets() -> None:
    text = "达到１２万个（约）％"
    assert len(to_halfwidth(text)) == len(text)
    assert to_halfwidth(text) == "达到12万个(约)%"


def test_one_or_two_reads_only_two() -> None:
    assert [(q.value, q.text) for q in find_quantities("one or two projects")] == [
        (2, "two projects")
    ]


def test_importing_quantities_does_not_import_cn2an() -> None:
    code = (
        "import sys, geodata.plan.extract.quantities as q; "
        "assert 'cn2an' not in sys.modules; "
        "assert q.find_quantities('十二万个')[0].value == 120000; "
        "assert 'cn2an' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    "sentence",
    [
        'including the "Four Lists" and the Five Futures',  # names in title case
        "14 Minute",  # a page's reading time
        "Read in 5 minutes",
    ],
)
def test_names_and_reading_times_are_not_counts(sentence):
    assert find_quantities(sentence) == []


def test_a_number_word_before_a_lowercase_noun_is_still_a_count():
    assert [q.value for q in find_quantities("Six strategic tasks were proposed")] == [6]
