"""Units of targets and figures: parsing, conversion and refusals."""

from __future__ import annotations

import pytest

from geodata.errors import InputError
from geodata.plan.units import Unit, UnitMismatch, convert, convertible, parse_unit

PARSED = [
    ("万架", Unit("count", 1e4, "架")),
    ("racks", Unit("count", 1.0, "racks")),
    ("万个", Unit("count", 1e4, "")),
    ("个", Unit("count", 1.0, "")),
    ("base stations", Unit("count", 1.0, "base stations")),
    ("5G base stations", Unit("count", 1.0, "5g base stations")),
    ("rack", Unit("count", 1.0, "racks")),
    ("万户", Unit("count", 1e4, "户")),
    ("million households", Unit("count", 1e6, "households")),
    ("coal mines", Unit("count", 1.0, "coal mines")),
    ("亿元", Unit("money", 1e8)),
    ("billion yuan", Unit("money", 1e9)),
    ("万亿元", Unit("money", 1e12)),
    ("Tbps", Unit("bandwidth", 1e3)),
    ("千兆", Unit("bandwidth", 1.0)),
    ("EFLOPS", Unit("compute", 1e3)),
    ("MW", Unit("power", 1e3)),
    ("万千瓦", Unit("power", 1e4)),
    ("千米", Unit("length", 1.0)),
    ("%", Unit("percent")),
    ("百分比", Unit("percent")),
    ("个百分点", Unit("points")),
    ("吨", Unit("mass")),
    ("亿美元", Unit("money:USD", 1e8)),
    ("", Unit("none")),
    ("  ", Unit("none")),
    ("级", Unit("other:级")),
    ("score", Unit("other:score")),
]


@pytest.mark.parametrize(("text", "unit"), PARSED)
def test_parse_unit(text, unit):
    assert parse_unit(text) == unit


CONVERTED = [
    (5, "万架", "racks", 50_000),
    (500_000, "racks", "万架", 50),
    (15, "万个", "base stations", 150_000),
    (93_307, "个", "base stations", 93_307),
    (3600, "亿元", "billion yuan", 360),
    (2.5, "billion yuan", "亿元", 25),
    (1.5e8, "元", "亿元", 1.5),
    (2, "亿元", "元", 2e8),
    (3.5, "Tbps", "Gbps", 3500),
    (35_000, "Gbps", "Tbps", 35),
    (2, "EFLOPS", "PFLOPS", 2000),
    (500, "PFLOPS", "EFLOPS", 0.5),
    (1.2, "MW", "kW", 1200),
    (40, "%", "percent", 40),
    (40, "percent", "百分比", 40),
    (120, "公里", "km", 120),
    (1.3, "", "", 1.3),
    (7, "万辆", "台", 70_000),
    (3, "级", "级", 3),
]


@pytest.mark.parametrize(("value", "source", "target", "expected"), CONVERTED)
def test_convert(value, source, target, expected):
    assert convert(value, source, target) == pytest.approx(expected)
    assert convertible(source, target)


REFUSED = [
    (93_307, "个", "%"),
    (40, "%", "个"),
    (10, "元", "个"),
    (10, "亿元", "racks"),
    (100, "Gbps", "个"),
    (1.3, "", "个"),
    (10, "个", ""),
    (3, "级", "星"),
    (3, "score", "grade"),
    (5, "吨", "辆"),
    (2, "个百分点", "%"),
    (1, "亿美元", "亿元"),
]


@pytest.mark.parametrize(("value", "source", "target"), REFUSED)
def test_convert_refuses_other_dimensions(value, source, target):
    assert not convertible(source, target)
    with pytest.raises(UnitMismatch):
        convert(value, source, target)


def test_refusal_is_one_sentence_saying_what_to_do():
    with pytest.raises(InputError, match=r"cannot compare 93,307 个 with a target in %: give"):
        convert(93_307, "个", "%")
    with pytest.raises(UnitMismatch, match=r"1.3 \(no unit\) with a target in 个"):
        convert(1.3, "", "个")
    with pytest.raises(UnitMismatch, match="give the figure without a unit"):
        convert(10, "个", "")
