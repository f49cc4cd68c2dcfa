from __future__ import annotations

import pytest

from geodata.plan.extract.sentences import detect_language, split_sentences


def texts(text: str, language: str = "") -> list[str]:
    sentences = split_sentences(text, language)
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    return [s.text for s in sentences]


def test_chinese_full_stops_and_semicolons():
    text = "到2025年，建成5G基站12万个。数据中心机架达到50万架；算力规模大幅提升！是否达标？"
    assert texts(text) == [
        "到2025年，建成5G基站12万个。",
        "数据中心机架达到50万架；",
        "算力规模大幅提升！",
        "是否达标？",
    ]


def test_chinese_line_breaks_end_sentences_and_headings():
    text = "一、总体要求\n  （一）发展目标\n到2025年，全省建成千兆城市5个。\n\n二、重点任务"
    assert texts(text) == [
        "一、总体要求",
        "（一）发展目标",
        "到2025年，全省建成千兆城市5个。",
        "二、重点任务",
    ]


def test_quotes_and_brackets_stay_together():
    text = "实施“千兆城市。万兆园区”行动（包括杭州。宁波）。下一句。"
    assert texts(text) == ["实施“千兆城市。万兆园区”行动（包括杭州。宁波）。", "下一句。"]


def test_closing_quote_after_full_stop_belongs_to_the_sentence():
    text = "他指出：“要建成一批智能工厂。”随后发布了清单。"
    assert texts(text) == ["他指出：“要建成一批智能工厂。”", "随后发布了清单。"]


def test_an_unclosed_bracket_does_not_swallow_the_document():
    text = "（未闭合的括号" + "内容很长，" * 80 + "结束。下一句。"
    assert texts(text)[-1] == "下一句。"


def test_english_sentences_and_abbreviations():
    text = (
        "Shanxi will build 120,000 5G base stations, e.g. in Taiyuan. Investment grew 2.8 "
        "percent from Jan. 5 to No. 5 of the U.S. list. The plan ends in 2025! Really?"
    )
    assert texts(text, "en") == [
        "Shanxi will build 120,000 5G base stations, e.g. in Taiyuan.",
        "Investment grew 2.8 percent from Jan. 5 to No. 5 of the U.S. list.",
        "The plan ends in 2025!",
        "Really?",
    ]


def test_english_semicolons_do_not_end_sentences():
    text = 'Build a "maritime platform" and a data center; complete the networks. Next one.'
    assert texts(text, "en") == [
        'Build a "maritime platform" and a data center; complete the networks.',
        "Next one.",
    ]


def test_english_quote_closed_after_the_full_stop():
    text = 'He said "we will build it." Then they left.'
    assert texts(text, "en") == ['He said "we will build it."', "Then they left."]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("到2025年，全省5G基站达到12万个。", "zh"),
        ("The province will build 120,000 5G base stations by 2025.", "en"),
        ("浙江 Zhejiang plans to invest 440 billion yuan (4400亿元) in new infrastructure.", "en"),
        ("浙江省2022年新基建投资计划 (Zhejiang) 发布", "zh"),
        ("", "en"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_empty_and_blank_text():
    assert split_sentences("", "zh") == []
    assert split_sentences(" \n\u3000\n", "zh") == []
