"""English number words as values, and the phrases with number words that count nothing."""

from __future__ import annotations

import pytest

from geodata.plan.extract import propose_targets
from geodata.plan.extract.quantities import find_quantities, unit_of_label

SX15 = (
    "It will build 10 national key laboratories and 200 provincial key laboratories, one "
    "national technology innovation center and 100 provincial technology innovation centers, "
    "as well as two national-level engineering research centers and 230 provincial-level "
    "engineering research centers."
)

# (sentence, expected [(value, unit, text)])
VALUES = [
    ("It will build two centres.", [(2, "centres", "two centres")]),
    ("Shanxi will build one national hub node by 2025.", [(1, "", "one")]),
    (
        "The province has established at least one provincial computing centre.",
        [(1, "", "at least one")],
    ),
    ("The city will open one new data center.", [(1, "", "one")]),
    (
        "It will build 3 parks and one centre.",
        [(3, "parks", "3 parks"), (1, "", "one")],
    ),
    ("Hangzhou plans eleven pilot zones.", [(11, "", "eleven")]),
    ("Build twelve gigabit villages.", [(12, "villages", "twelve gigabit villages")]),
    ("It will add twenty smart parks.", [(20, "parks", "twenty smart parks")]),
    ("It will add ninety charging piles.", [(90, "charging piles", "ninety charging piles")]),
    ("Set up twenty-five demonstration zones.", [(25, "", "twenty-five")]),
    ("It will build two hundred projects.", [(200, "projects", "two hundred projects")]),
    (
        "Build one hundred and forty villages.",
        [(140, "villages", "one hundred and forty villages")],
    ),
    (
        "The province will build a dozen data centres.",
        [(12, "data centres", "a dozen data centres")],
    ),
    ("It will build about a dozen parks.", [(12, "parks", "about a dozen parks")]),
]


@pytest.mark.parametrize(("sentence", "expected"), VALUES)
def test_number_words_are_values(sentence: str, expected: list[tuple]) -> None:
    found = find_quantities(sentence)
    assert [(q.value, q.unit, q.text) for q in found] == expected
    for q in found:
        assert sentence[q.start : q.end] == q.text


def test_one_in_a_list_of_counts_is_a_value() -> None:
    found = find_quantities(SX15)
    assert [q.value for q in found] == [10, 200, 1, 100, 2, 230]
    one = found[2]
    assert (one.text, one.unit, one.qualifier) == ("one", "", "")


NOT_VALUES = [
    "Shanxi is one of the first provinces to deploy 5G networks at scale.",
    "Enterprises can apply for permits through a one-stop service window.",
    "The province takes part in what was called one belt one road.",
    "At one time the province had few data centres.",
    "No one will be left behind in the digital transition.",
    "Villages will be connected to gigabit networks one by one.",
    "One-third of the counties have gigabit networks.",
    "One third of the counties have gigabit networks.",
    "Two thirds of administrative villages are covered by fibre.",
    "On the one hand, the networks must be upgraded.",
    'Deepen the "one thing" integration reform of 5G base station construction.',
    'Combine the layout of Shanxi Province with "one master, three assistants and six city '
    'centers", guide the cities to adapt to local conditions.',
    "The departments of the province will support one another.",
    "One important task is to speed up the networks.",
    "Here one can see the benefit of the networks.",
    "It will build half a dozen parks.",
    "建设一个平台，打造一批项目",
    "全省三分之一的行政村通千兆光网",
]


@pytest.mark.parametrize("sentence", NOT_VALUES)
def test_false_friends_are_not_values(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_chinese_numerals_are_still_read() -> None:
    [q] = find_quantities("到2025年新建5G基站十二万个")
    assert (q.value, q.unit, q.text) == (120000, "个", "十二万个")


def test_a_quoted_slogan_keeps_the_counts_outside_it() -> None:
    sentence = 'Under the "one master, three assistants" layout it will build two data centres.'
    assert [(q.value, q.text) for q in find_quantities(sentence)] == [(2, "two data centres")]


def test_the_sx15_sentence_proposes_one_national_centre() -> None:
    text = "Shanxi new infrastructure plan (2023-2025)\n\n" + SX15
    proposals = propose_targets(text, "140000", language="en")
    [one] = [p for p in proposals if p.number_text == "one"]
    assert one.value == 1
    assert one.unit == "centres"
    assert one.metric == "national technology innovation center"
    assert (one.year, one.status, one.category) == ("2025", "planned", "innovation")
    assert one.regions == ("140000",)
    assert text[one.number_start : one.number_start + 3] == "one"


def test_a_singular_centre_names_the_unit_of_a_label_only() -> None:
    assert unit_of_label("national technology innovation center") == "centres"
    assert unit_of_label("new data centre") == "data centres"
    assert unit_of_label("epicenter") == ""
    [q] = find_quantities("forming four data center clusters")
    assert (q.value, q.unit, q.text) == (4, "", "four")
