"""Units of targets and achieved figures, and conversion between them.

A unit is read as a *dimension* (what kind of quantity), a *factor* (the multiplier to the
dimension's base unit) and a *noun* (what is counted). Decisions:

* **Counts**: Chinese measure words (个 座 架 台 套 家 项 户 条 处 所 辆 根 张 人 次...) and
  English plural nouns (``base stations``, ``racks``, ``coal mines``...) are all dimension
  ``"count"``: a figure linked to a target by its metric counts the same thing, whatever the
  measure word, so ``15万个`` converts to ``base stations``. Multipliers (万, 亿, ``thousand``,
  ``million``...) give the factor; the noun is the measure word without it (``""`` for 个).
* **Not counts**: 吨/``tonnes`` are mass, 倍/``times`` a ratio, 个百分点/``percentage points``
  are ``"points"`` (never percent), hours and minutes are time; none compares with 辆.
* **Base units**: money 元 (``billion yuan`` ×1e9, 亿元 ×1e8), bandwidth Gbps, compute PFLOPS,
  power kW, energy kWh, length km, area km², storage GB, mass t, time hours. US dollars are
  ``"money:USD"``, never converted to yuan.
* **No unit**: the empty unit (PUE 1.3) is dimension ``"none"``, which only matches itself.
* **Unknown text** is ``"other:<text>"`` and only matches the identical text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geodata.errors import InputError

__all__ = ["Unit", "UnitMismatch", "parse_unit", "convert", "convertible", "describe"]


class UnitMismatch(InputError):
    """A figure's unit cannot be converted to the unit it is compared with."""


@dataclass(frozen=True)
class Unit:
    """A parsed unit.

    Attributes
    ----------
    dimension : str
        ``count``, ``money``, ``percent``, ``points``, ``bandwidth``, ``compute``, ``power``,
        ``energy``, ``length``, ``area``, ``storage``, ``mass``, ``time``, ``ratio``,
        ``money:USD``, ``none`` (empty unit) or ``other:<text>``.
    factor : float
        Multiplier to the dimension's base unit (万架 -> 1e4, ``billion yuan`` -> 1e9).
    noun : str
        The counted noun without multiplier (``"架"``, ``"racks"``; ``""`` for 个 and for
        units that do not count things).
    """

    dimension: str
    factor: float = 1.0
    noun: str = ""


# Whole units (matched after the multiplier is taken off), lower-cased: dimension, factor.
_FIXED: dict[str, tuple[str, float]] = {
    "元": ("money", 1.0),
    "人民币": ("money", 1.0),
    "yuan": ("money", 1.0),
    "rmb": ("money", 1.0),
    "cny": ("money", 1.0),
    "yuan rmb": ("money", 1.0),
    "美元": ("money:USD", 1.0),
    "usd": ("money:USD", 1.0),
    "dollars": ("money:USD", 1.0),
    "us dollars": ("money:USD", 1.0),
    "%": ("percent", 1.0),
    "％": ("percent", 1.0),
    "percent": ("percent", 1.0),
    "per cent": ("percent", 1.0),
    "百分比": ("percent", 1.0),
    "个百分点": ("points", 1.0),
    "百分点": ("points", 1.0),
    "percentage points": ("points", 1.0),
    "percentage point": ("points", 1.0),
    "pp": ("points", 1.0),
    "kbps": ("bandwidth", 1e-6),
    "mbps": ("bandwidth", 1e-3),
    "兆": ("bandwidth", 1e-3),
    "gbps": ("bandwidth", 1.0),
    "tbps": ("bandwidth", 1e3),
    "pbps": ("bandwidth", 1e6),
    "mb/s": ("bandwidth", 1e-3),
    "gb/s": ("bandwidth", 1.0),
    "tb/s": ("bandwidth", 1e3),
    "tflops": ("compute", 1e-3),
    "pflops": ("compute", 1.0),
    "eflops": ("compute", 1e3),
    "w": ("power", 1e-3),
    "kw": ("power", 1.0),
    "mw": ("power", 1e3),
    "gw": ("power", 1e6),
    "千瓦": ("power", 1.0),
    "兆瓦": ("power", 1e3),
    "吉瓦": ("power", 1e6),
    "megawatts": ("power", 1e3),
    "kilowatts": ("power", 1.0),
    "kwh": ("energy", 1.0),
    "mwh": ("energy", 1e3),
    "gwh": ("energy", 1e6),
    "千瓦时": ("energy", 1.0),
    "度": ("energy", 1.0),
    "米": ("length", 1e-3),
    "m": ("length", 1e-3),
    "公里": ("length", 1.0),
    "千米": ("length", 1.0),
    "km": ("length", 1.0),
    "kilometres": ("length", 1.0),
    "kilometers": ("length", 1.0),
    "平方米": ("area", 1e-6),
    "平方公里": ("area", 1.0),
    "km2": ("area", 1.0),
    "km²": ("area", 1.0),
    "亩": ("area", 1 / 1500),
    "gb": ("storage", 1.0),
    "tb": ("storage", 1e3),
    "pb": ("storage", 1e6),
    "eb": ("storage", 1e9),
    "zb": ("storage", 1e12),
    "吨": ("mass", 1.0),
    "tonnes": ("mass", 1.0),
    "tons": ("mass", 1.0),
    "t": ("mass", 1.0),
    "小时": ("time", 1.0),
    "hours": ("time", 1.0),
    "分钟": ("time", 1 / 60),
    "minutes": ("time", 1 / 60),
    "秒": ("time", 1 / 3600),
    "毫秒": ("time", 1 / 3.6e6),
    "ms": ("time", 1 / 3.6e6),
    "倍": ("ratio", 1.0),
    "times": ("ratio", 1.0),
}

# Chinese measure words that count things (more than one character first).
_MEASURE_WORDS = ("台套", "人次", "户次", "个", "座", "架", "台", "套", "家", "项", "户", "条")
_MEASURE_WORDS += ("处", "所", "栋", "颗", "根", "块", "片", "部", "辆", "人", "名", "次", "张")
_MEASURE_WORDS += ("款", "种", "间", "只", "批", "期", "幢", "所")

# Multipliers in front of a unit, longest first.
_CN_MULTIPLIERS = (
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("十亿", 1e9),
    ("千万", 1e7),
    ("百万", 1e6),
    ("十万", 1e5),
    ("亿", 1e8),
    ("万", 1e4),
    ("千", 1e3),
    ("百", 1e2),
)
_EN_MULTIPLIERS = (
    ("hundred million", 1e8),
    ("ten thousand", 1e4),
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("bn", 1e9),
    ("mn", 1e6),
)
# English count nouns: any plural phrase (``5g base stations``), or one of these singulars.
_ENGLISH_NOUN = re.compile(r"[a-z0-9][a-z0-9 '\-]*[a-z]s")
_EN_SINGULAR = {
    word: plural
    for plural in (
        "base stations",
        "racks",
        "projects",
        "enterprises",
        "households",
        "users",
        "units",
        "tasks",
        "centres",
        "clusters",
        "parks",
        "villages",
        "sites",
        "stations",
        "items",
        "platforms",
        "data centres",
        "cities",
        "schools",
        "hospitals",
        "companies",
        "laboratories",
        "pieces",
        "sets",
        "charging piles",
    )
    for word in (plural[:-3] + "y" if plural.endswith("ies") else plural[:-1],)
}


def _split_multiplier(text: str) -> tuple[float, str]:
    """Return the multiplier at the start of ``text`` and the rest (1.0 and text if none)."""
    low = text.lower()
    for word, factor in _EN_MULTIPLIERS:
        if low == word or low.startswith(word + " "):
            return factor, text[len(word) :].strip()
    for word, factor in _CN_MULTIPLIERS:
        rest = text[len(word) :].strip()
        if text.startswith(word) and (not rest or rest.lower() in _FIXED or _is_count(rest)):
            return factor, rest
    return 1.0, text


def _is_count(text: str) -> bool:
    """Whether ``text`` (no multiplier) is a measure word or an English count noun."""
    low = text.strip().lower()
    if low in _FIXED:
        return False
    return text.strip().startswith(_MEASURE_WORDS) or low in _EN_SINGULAR or _is_plural(low)


def _is_plural(low: str) -> bool:
    return bool(_ENGLISH_NOUN.fullmatch(low))


def _noun(text: str) -> str:
    """Return the counted noun as kept: 个 is ``""``, English is lower case and plural."""
    if not text.isascii():
        return "" if text == "个" else text
    low = text.lower()
    return _EN_SINGULAR.get(low, low)


@lru_cache(maxsize=1024)  # a map's progress asks about the same few units thousands of times
def parse_unit(unit: str) -> Unit:
    """Read a unit as written in a target, a document or a sheet.

    Parameters
    ----------
    unit : str
        ``"万架"``, ``"base stations"``, ``"billion yuan"``, ``"Tbps"``, ``"%"``, ``""``...

    Returns
    -------
    Unit
        Its dimension, factor to the dimension's base and counted noun.

    Examples
    --------
    >>> parse_unit("万架")
    Unit(dimension='count', factor=10000.0, noun='架')
    >>> parse_unit("billion yuan").dimension, parse_unit("billion yuan").factor
    ('money', 1000000000.0)
    """
    text = " ".join((unit or "").split())
    if not text:
        return Unit("none")
    if text.lower() in _FIXED:
        dimension, factor = _FIXED[text.lower()]
        return Unit(dimension, factor)
    factor, rest = _split_multiplier(text)
    if not rest:
        return Unit("count", factor)
    if rest.lower() in _FIXED:
        dimension, base = _FIXED[rest.lower()]
        return Unit(dimension, factor * base)
    if _is_count(rest):
        return Unit("count", factor, _noun(rest))
    return Unit(f"other:{text}")


def convertible(from_unit: str, to_unit: str) -> bool:
    """Whether a figure in ``from_unit`` can be converted to ``to_unit``."""
    return parse_unit(from_unit).dimension == parse_unit(to_unit).dimension


def describe(unit: str) -> str:
    """Return how a unit reads in a sentence: ``"in 个"``, or ``"without a unit"``."""
    return f"in {unit.strip()}" if unit.strip() else "without a unit"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert a figure from one unit to another of the same dimension.

    Parameters
    ----------
    value : float
        The figure, in ``from_unit``.
    from_unit, to_unit : str
        Units as written (see :func:`parse_unit`).

    Returns
    -------
    float
        The figure in ``to_unit`` (``convert(15, "万个", "base stations")`` is 150000).

    Raises
    ------
    UnitMismatch
        When the dimensions differ (``%`` and ``个``, ``元`` and ``个``, ``""`` and ``个``,
        two different unknown units).
    """
    source, target = parse_unit(from_unit), parse_unit(to_unit)
    if source.dimension != target.dimension:
        written = f"{_number(value)} {from_unit.strip()}".strip()
        if not from_unit.strip():
            written += " (no unit)"
        raise UnitMismatch(
            f"cannot compare {written} with a target {describe(to_unit)}: "
            f"give the figure {describe(to_unit)}"
        )
    return value * source.factor / target.factor
