"""Numbers with their units and qualifiers in plan sentences.

:func:`find_quantities` reads Chinese government prose (规划, 实施方案, 政府工作报告)
and English reports and returns every number that can be a target, in base units:
``约3600亿元`` is 360000000000.0 ``元`` with qualifier ``"about"``.

Decisions
---------
* **Qualifier precedence**: the word before the number wins (``超过1000个以上`` is
  ``"more than"``), then 多/余 right after the number (``900余个``), then the word after
  the unit (``以上``, ``左右``).  以上 means ``"at least"``, 以下/以内 ``"at most"``.
* **Ranges** (``10-15万``, ``5至8个``, ``2000～3000个``, ``10 to 15 million``) give the upper
  bound as the value and span the whole range; the qualifier stays ``""`` unless the writer
  adds a qualifier word.  A year-shaped lower bound (``2000-3000个``) is read when the upper
  bound has a unit or multiplier; a lower bound whose upper bound is a date or duration
  (``1-5月``, ``3-5年``, ``3-6个月``) is not a quantity either.
* **English number words**: one..ninety-nine (``six``, ``twenty-five``), optionally with
  ``hundred`` and a multiplier (``three hundred``, ``five million``), and ``a dozen`` (12), are
  numbers when a word follows that is not ``of``/``or``/``and``/``to``, a duration or a
  fraction (``one third``, ``two thirds``), and never before a hyphen (``three-year``,
  ``one-stop``, ``one-third``).  Number words in a short quoted phrase are a slogan's or a
  name's ("one master, three assistants and six city centers", "two major events").
  A bare ``one`` (without ``hundred`` or a multiplier) is a count only after a building verb
  (``build one national hub``, ``established at least one``) or in a list after other counts
  (``10 key laboratories, one national technology innovation center and 100 ...``), and
  never as a pronoun or idiom: "one of", "the one", "no one", "at one time", "one by one",
  "one another", "one belt one road", "one can".  "half a dozen" is not read.
* **Units** are normalised: 公里/千米 -> 公里, 亿元/万元 -> 元 (the multiplier goes into
  the value), 机架/标准机架 -> 架, 百分点 -> 个百分点, 兆 -> Mbps, G/T/M -> Gbps/Tbps/Mbps,
  千瓦/兆瓦 -> kW/MW, P -> PFLOPS; English words to a plural noun (``"base stations"``,
  ``"yuan"``, ``"racks"``).  A number without a unit (``PUE降至1.3以下``) has unit ``""``.
* **Not quantities**: years and dates (2025年, 2021-2025, 2023.6.30, 2023.6), 第N / list numbering
  (``1.``, ``（1）``, 一是), mobile generations (5G, 4G, 5.5G), identifiers (IPv6, F5G, 3D,
  Web3.0, 14th, 1+N+X), bandwidth names without a number (双千兆, 万兆), periods ("十四五"),
  phone numbers, version numbers, durations (3年, 6个月, 3 years), 翻一番, and a bare 一
  (一个平台).  A year-shaped decimal with a multiplier or unit is an amount, not a date:
  ``2023.6亿元`` is 202360000000 ``元``.
* cn2an (slow to import) is imported on the first Chinese numeral that needs it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from geodata.plan.extract.proposal import QUALIFIERS

_EXACT, _ABOUT, _AT_LEAST, _MORE_THAN, _AT_MOST = QUALIFIERS


@dataclass(frozen=True)
class Quantity:
    """A number found in a sentence.

    Attributes
    ----------
    value : float
        The number in base units, multipliers applied (``15万个`` gives 150000.0).
    unit : str
        The normalised unit (``"个"``, ``"元"``, ``"Gbps"``, ``"%"``), ``""`` when none.
    qualifier : str
        One of :data:`~geodata.plan.extract.proposal.QUALIFIERS`.
    text : str
        The number as written with its qualifier words and unit (``"约3600亿元"``).
    start, end : int
        The span of ``text`` in the sentence: ``sentence[start:end] == text``.
    multiplier_text : str
        The multiplier as written (``"万"``, ``"亿"``, ``"billion"``), ``""`` when none.
    """

    value: float
    unit: str
    qualifier: str
    text: str
    start: int
    end: int
    multiplier_text: str = ""


# ---------------------------------------------------------------------------------------
# Normalisation: full-width ASCII (１２，％，（）) to half-width, one character for one,
# so offsets in the normalised text are offsets in the sentence.
_HALFWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


# Traditional characters that matter to numbers, units, qualifiers and status cues
# (萬 -> 万, 個 -> 个, 餘 -> 余, 將 -> 将, 實現 -> 实现), one character for one.
_SIMPLIFIED = str.maketrans(
    "萬億兩個項條臺處輛噸戶塊顆張種類餘約於過達爭將預計劃擬標開設實現經內機點時週級屆長較數億軌網規準據權與為當",
    "万亿两个项条台处辆吨户块颗张种类余约于过达争将预计划拟标开设实现经内机点时周级届长较数亿轨网规准据权与为当",
)


def to_halfwidth(text: str) -> str:
    """Return ``text`` with full-width ASCII forms made half-width (same length)."""
    return text.translate(_HALFWIDTH)


def normalise(text: str) -> str:
    """Return ``text`` half-width and with the traditional characters this reader knows simplified.

    The result has the same length, so offsets in it are offsets in ``text``.
    """
    return text.translate(_HALFWIDTH).translate(_SIMPLIFIED)


# ---------------------------------------------------------------------------------------
# Numbers, multipliers and units.

_EN_ONES = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_WORD_VALUES = {w: i for i, w in enumerate(_EN_ONES, start=1)}
_EN_WORD_VALUES |= {w: 10 * i for i, w in enumerate(_EN_TENS, start=2)}
_EN_UNDER_100 = (
    rf"(?:(?:{'|'.join(_EN_TENS)})(?:[-\s](?:{'|'.join(_EN_ONES[:9])})\b)?"
    rf"|{'|'.join(sorted(_EN_ONES, key=len, reverse=True))})"
)
_EN_WORD_VALUES["dozen"] = 12
# An English number in words: "six", "twenty-five", "three hundred and fifty", "a dozen".
_EN_WORDS = rf"\b(?:{_EN_UNDER_100}(?:\s+hundred(?:\s+(?:and\s+)?{_EN_UNDER_100})?)?|a\s+dozen)\b"
_CN_DIGITS = "零〇一二两三四五六七八九"
# A number: 百分之三十 / 百分之30 (percent), Arabic with thousands separators (8,520) or
# decimals (2.8), or a run of Chinese numerals (十二万, 三点五).  An Arabic number never
# starts inside another one (digit, or digit + separator, before it).
_NUMBER = re.compile(
    r"(?P<percent>百分之(?P<pct>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?))"
    r"|(?<!\d)(?<!\d[.,])(?P<arabic>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<chinese>[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)"
    rf"|(?P<english>{_EN_WORDS})",
    re.IGNORECASE,
)
_CN_MULTIPLIERS = {
    "万亿": "1e12",
    "千亿": "1e11",
    "百亿": "1e10",
    "千万": "1e7",
    "百万": "1e6",
    "亿": "1e8",
    "万": "1e4",
    "千": "1e3",
    "百": "1e2",
}
_EN_MULTIPLIERS = {
    "thousand": "1e3",
    "million": "1e6",
    "mn": "1e6",
    "billion": "1e9",
    "bn": "1e9",
    "trillion": "1e12",
}
# A multiplier after an Arabic number; 千 is not one before 米/瓦 (千米, 千瓦), nor 百
# before 分 (百分点).
_CN_MULT = re.compile(r"\s?(万亿|千亿|百亿|千万|百万|亿|万|千(?![米瓦])|百(?!分))")
_EN_MULT = re.compile(r"\s*(thousand|million|billion|trillion|bn|mn)\b", re.IGNORECASE)
# 多/余 straight after the number: 900余个, 100多家, 1000多万户 (more than).
_INFIX = re.compile(r"[多余]")

# Chinese units, as written -> normalised; None marks a duration (not a quantity).
_CN_UNITS: dict[str, str | None] = {
    "个百分点": "个百分点",
    "百分点": "个百分点",
    "个工作日": None,
    "个月": None,
    "标准机架": "架",
    "机架": "架",
    "平方公里": "平方公里",
    "平方米": "平方米",
    "公里": "公里",
    "千米": "公里",
    "千瓦时": "kWh",
    "千瓦": "kW",
    "兆瓦": "MW",
    "吉瓦": "GW",
    "人次": "人次",
    "台套": "台套",
    "美元": "美元",
    "小时": "小时",
    "分钟": "分钟",
    "毫秒": "毫秒",
}
_CN_UNITS |= {c: c for c in "个座架台套家项户条处所栋颗根块片部辆人名次吨倍亩米秒张款种元"}
_CN_UNITS["兆"] = "Mbps"
_CN_UNIT = re.compile(r"\s?(" + "|".join(sorted(_CN_UNITS, key=len, reverse=True)) + ")")

# Symbol units (case-sensitive), never followed by another letter (5GC, 10GPON are not).
_ASCII_UNITS = {
    "Gbps": "Gbps",
    "Tbps": "Tbps",
    "Mbps": "Mbps",
    "Gb/s": "Gbps",
    "Tb/s": "Tbps",
    "Mb/s": "Mbps",
    "EFLOPS": "EFLOPS",
    "PFLOPS": "PFLOPS",
    "TFLOPS": "TFLOPS",
    "EFlops": "EFLOPS",
    "PFlops": "PFLOPS",
    "kWh": "kWh",
    "MWh": "MWh",
    "kW": "kW",
    "KW": "kW",
    "MW": "MW",
    "GW": "GW",
    "GHz": "GHz",
    "MHz": "MHz",
    "km": "km",
    "ms": "ms",
    "GB": "GB",
    "TB": "TB",
    "PB": "PB",
    "EB": "EB",
    "ZB": "ZB",
    "G": "Gbps",
    "T": "Tbps",
    "M": "Mbps",
    "P": "PFLOPS",
    "%": "%",
}
_ASCII_UNIT = re.compile(
    r"\s?(" + "|".join(re.escape(u) for u in sorted(_ASCII_UNITS, key=len, reverse=True)) + ")"
    r"(?![A-Za-z])"
)
# English unit words, after up to three modifiers ("5G base stations", "standard racks").
_EN_UNITS = {
    "base stations": "base stations",
    "base station": "base stations",
    "yuan": "yuan",
    "rmb": "yuan",
    "cny": "yuan",
    "us dollars": "USD",
    "dollars": "USD",
    "usd": "USD",
    "racks": "racks",
    "projects": "projects",
    "households": "households",
    "users": "users",
    "subscribers": "users",
    "enterprises": "enterprises",
    "companies": "enterprises",
    "firms": "enterprises",
    "data centres": "data centres",
    "data centers": "data centres",
    "centres": "centres",
    "centers": "centres",
    "kilometres": "km",
    "kilometers": "km",
    "percentage points": "percentage points",
    "percent": "%",
    "per cent": "%",
    "megawatts": "MW",
    "tonnes": "tonnes",
    "tons": "tonnes",
    "times": "times",
    "parks": "parks",
    "villages": "villages",
    "charging piles": "charging piles",
    "charging points": "charging points",
}
_EN_MODIFIER = (
    r"(?:(?:5G|4G|new|additional|standard|large|large-scale|major|hyperscale|public|gigabit"
    r"|industrial|smart|key"
    r"|data[- ]cent(?:re|er))\s+)"
)
_EN_UNIT = re.compile(
    r"\s+"
    + _EN_MODIFIER
    + r"{0,3}("
    + "|".join(
        re.escape(u).replace(r"\ ", r"\s+") for u in sorted(_EN_UNITS, key=len, reverse=True)
    )
    + r")\b",
    re.IGNORECASE,
)


# Singular nouns a metric label may end with ("one national technology innovation center"),
# never read as a unit after the number ("4 data center clusters" counts clusters).
_EN_LABEL_SINGULARS = {
    "data centre": "data centres",
    "data center": "data centres",
    "centre": "centres",
    "center": "centres",
}


def unit_of_label(label: str) -> str:
    """Return the English unit a metric label ends with ("standard racks" -> "racks"), or ""."""
    words = " ".join(label.lower().split())
    units = _EN_UNITS | _EN_LABEL_SINGULARS
    return next((u for w, u in units.items() if re.search(rf"\b{w}$", words)), "")


# ---------------------------------------------------------------------------------------
# Qualifier words, before the number (約, 超过, "more than") or after the unit (以上).
_BEFORE_WORDS = {
    _ABOUT: "约 约为 大约 接近 将近 近 about approximately approx. around nearly almost "
    "roughly close_to some an_estimated",
    _AT_LEAST: "不少于 不低于 不小于 至少 最少 at_least no_less_than not_less_than "
    "no_fewer_than not_fewer_than a_minimum_of",
    _MORE_THAN: "超过了 超过 突破 逾 超 高于 多于 大于 more_than over above in_excess_of "
    "exceeding upwards_of greater_than",
    _AT_MOST: "不超过 不高于 控制在 低于 少于 不足 不到 小于 最多 至多 at_most no_more_than "
    "not_more_than up_to below under less_than fewer_than a_maximum_of not_exceeding",
}
_AFTER_WORDS = {
    _ABOUT: "左右 上下",
    _AT_LEAST: "及以上 或以上 以上 or_more or_above and_above",
    _AT_MOST: "及以下 或以下 以下 以内 之内 or_less or_fewer or_below",
    _MORE_THAN: "+",
}


def _word_table(words: dict[str, str]) -> dict[str, str]:
    """Return ``{word: qualifier}`` from ``{qualifier: "space-separated words"}``."""
    return {w.replace("_", " "): q for q, ws in words.items() for w in ws.split()}


_BEFORE = _word_table(_BEFORE_WORDS)
_AFTER = _word_table(_AFTER_WORDS)


def _alternation(words: dict[str, str], chinese: bool) -> str:
    """Return a longest-first regex alternation of the Chinese or the English words."""
    chosen = [w for w in words if (w[0] >= "\u4e00") == chinese and w != "+"]
    chosen.sort(key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in chosen)


# A qualifier word ending just before the number (after any currency sign); English
# words stand alone ("moreover" is not "over").
_QUAL_BEFORE = re.compile(
    rf"(?:({_alternation(_BEFORE, True)})\s*"
    rf"|(?<![A-Za-z])({_alternation(_BEFORE, False)})\s+)$",
    re.IGNORECASE,
)
# A qualifier word straight after the unit; 上下 is not 上下游, "+" not 1+N.
_QUAL_AFTER = re.compile(
    rf"\s?(?:({_alternation(_AFTER, True)})(?!游)"
    rf"|\s*({_alternation(_AFTER, False)})\b|(\+)(?![A-Za-z\d]))",
    re.IGNORECASE,
)
# A currency sign or code before the number: "RMB 440 billion", "$1.2 billion".
_CURRENCY_BEFORE = re.compile(r"(RMB|CNY|USD|US\$|\$|¥|￥)\s?$")
_CURRENCIES = {"RMB": "yuan", "CNY": "yuan", "¥": "yuan", "￥": "yuan"}

# ---------------------------------------------------------------------------------------
# What makes a number a label, a date or a name rather than a quantity.

# Spans never read as numbers: dates (2023-6-30, 2023.6, 6/30/2023), dotted versions
# (1.2.3), times and ratios (8:30), phone numbers, the five-year periods ("十四五") and
# 翻一番/翻两番 (doubling is not a count).
_BLOCKED = re.compile(
    r"(?<!\d)(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:0?[1-9]|[12]\d|3[01]))?(?!\d)"
    r"|(?<!\d)\d{1,2}/\d{1,2}/(?:19|20)\d{2}(?!\d)"
    r"|\d+(?:\.\d+){2,}"
    r"|(?<!\d)\d+(?::\d+)+"
    r"|(?<!\d)\d{3,4}-\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"
    r"|十[二三四五六]五"
    r"|翻[一两]?番"
)
# After a year-shaped decimal (2023.6): a multiplier or unit makes it an amount (2023.6亿元).
_AMOUNT_NOT_DATE = re.compile(r"\s?(?:[万亿]|千万|百万)|\s?(?:[个元台家户座架项]|公里|千米|%)")
# Just before the number: 第3, 附件1, a letter (IPv6, F5G, V2.0, H3C), "No. 5",
# "Article 12", "1+N" (the N is not counted either).
_LABEL_BEFORE = re.compile(
    r"(?:第|附件|附表|附图|附录|专栏|[A-Za-z]|No\.\s?|(?:article|section|chapter|clause|item|figure|table|annex"
    r"|phase|no)\s|wi-?fi\s|[A-Za-z\d]\+)$",
    re.IGNORECASE,
)
# Letters that may stand just before a number: metrics and currencies (PUE1.3, RMB440).
_METRIC_BEFORE = re.compile(r"(?:PUE|WUE|RMB|CNY|USD|US)$")
# A mobile generation: 5G, 4G, 5.5G (but 10G, 5Gbps and 5GB are units).
_GENERATIONS = frozenset({"2", "3", "4", "5", "6", "5.5"})
_GENERATION_AFTER = re.compile(r"G(?!bps|b/s|B|Hz)")
# After a number without unit or multiplier: a date or label word (2025年, 3月, 12号, 二期,
# 5级, 20强) or "+N" (1+N+X).
_LABEL_AFTER = re.compile(r"[年月日号时期级代星版强届周季]|\+[A-Za-z\d]")
# A bare Arabic number that is a year, a phone or ID number, or a version (2.0).
_NOT_AMOUNT = re.compile(r"(?:19|20)\d{2}|0\d+|\d{7,}|\d+\.0")
# List numbering: "1." "1、" "1)" after the start or a heading's punctuation (（一）1.),
# a heading number ("3.1 背景") at the start, or "(1)" anywhere.
_LIST_BEFORE = re.compile(r"(?:^|[;:。、()\[\]【】])\s*$")
_LIST_AFTER = re.compile(r"[、)\]】]|\.(?!\d)")
_HEADING = re.compile(r"\s*$")
_HEADING_AFTER = re.compile(r"\s+[\u4e00-\u9fff]")
# A gigabit-PON name after a "G" unit: 10G PON, 10G-PON.
_PON_AFTER = re.compile(r"\s?-?PON")
_RANGE_SEP = re.compile(r"\s*[-—–~至到]\s*|\s+to\s+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# English durations after a number: "3 years", "3-year", "30 working days".
_EN_DURATION = re.compile(
    r"\s*-?\s*(?:working\s+|calendar\s+)?(?:years?|months?|weeks?|days?|decades?|hours?|"
    r"minutes?|mins?)\b",
    re.IGNORECASE,
)
# After a number in words: the word that makes it a count ("six strategic tasks"), and the
# words that do not ("one of", "two or three", "ten to").
_EN_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_EN_NOT_COUNTED = frozenset(
    "of or and to than in on at by for with from is are was were be been has have had that "
    "which who whom whose it its".split()
)
# A fraction's denominator after a number word: "one third of", "two thirds", "one half".
_EN_FRACTIONS = frozenset(
    "half halves third thirds quarter quarters fourth fourths fifth fifths sixth sixths "
    "seventh sevenths eighth eighths ninth ninths tenth tenths hundredth hundredths".split()
)
# Before a bare "one" that is a pronoun or an idiom: "no one", "the one", "at one time",
# "on the one hand", "each one", "as one", and the second "one" of "one belt one road".
_ONE_NOT_COUNTED_BEFORE = re.compile(
    r"\b(?:no|the|at|any|every|each|this|that|which|as|such|someone|one\s+[A-Za-z]+,?)\s+$",
    re.IGNORECASE,
)
# After a bare "one": "one another", "one by one", "one belt one road", "one after another",
# the pronoun ("one can see", "one should").
_ONE_NOT_COUNTED_AFTER = re.compile(
    r"\s+(?:another|by|after|way|day|time|hand|side|thing|can|could|should|must|may|might|will"
    r"|would|shall|needs?|[A-Za-z]+,?\s+one)\b",
    re.IGNORECASE,
)
# What makes a bare "one" a count: a building verb right before it ("build one national
# centre", "established at least one"), or a list of counts it continues ("10 national key
# laboratories, one national technology innovation center and 100 ...").
_ONE_COUNTED_BEFORE = re.compile(
    r"\b(?:(?:build|construct|establish|create|form|add|cultivate|develop|open|launch|complete"
    r"|deploy|host|reach|achieve|foster|nurture|introduce|attract|approve|implement|plan"
    r"|include|support|upgrade|set\s+up|have)(?:s|es|ed|d|ing)?|built|set\s+up|has|had|won"
    r"|(?P<list>[,;]|and))\s+(?:(?:at\s+least|about|around|approximately|nearly|only|over|more\s+than"
    r"|another|a\s+further|an\s+additional)\s+)?$",
    re.IGNORECASE,
)
# A short quoted phrase: a slogan or a name ("one master, three assistants ...", "two major
# events"), whose number words are not counts.
_QUOTES = {'"': '"', "\u201c": "\u201d"}
_SLOGAN_LENGTH = 60
_DURATION = "\0"  # unit marker: 6个月 is a duration, not a quantity


@dataclass(frozen=True)
class _Reading:
    """A number and what is written right after it, before qualifiers and ranges."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    mult_text: str
    infix: str


def _decimal(number: str) -> Decimal | None:
    """Return an Arabic or Chinese numeral as a Decimal, None when it is not one."""
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:
        return _chinese_numeral(number)


@functools.lru_cache(maxsize=4096)
def _chinese_numeral(number: str) -> Decimal | None:
    """Return a Chinese numeral (十二万, 三点五) as a Decimal, None when it is not one.

    cn2an takes most of a second to import, so it is imported on first use.
    """
    import cn2an

    try:
        return Decimal(str(cn2an.cn2an(number, "smart")))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _english_words(words: str) -> Decimal:
    """Return the value of an English number in words ("twenty-five", "three hundred")."""
    total = 0
    for word in words.lower().replace("-", " ").split():
        if word == "hundred":
            total *= 100
        elif word not in ("and", "a"):
            total += _EN_WORD_VALUES[word]
    return Decimal(total)


def _multiplier(text: str, pos: int, english: bool) -> tuple[str, Decimal, int]:
    """Return the multiplier at ``pos`` (as written, its factor, the end), or none."""
    m = _CN_MULT.match(text, pos)
    if m:
        return m.group(1), Decimal(_CN_MULTIPLIERS[m.group(1)]), m.end()
    m = _EN_MULT.match(text, pos) if english else None
    if m:
        return m.group(1), Decimal(_EN_MULTIPLIERS[m.group(1).lower()]), m.end()
    return "", Decimal(1), pos


def _infix(text: str, pos: int) -> tuple[str, int]:
    """Return 多/余 at ``pos`` and the position after it, when it qualifies the number."""
    if not _INFIX.match(text, pos):
        return "", pos
    nxt = pos + 1
    if (
        not _CJK.match(text, nxt)
        or _CN_MULT.match(text, nxt)
        or _CN_UNIT.match(text, nxt)
        or _LABEL_AFTER.match(text, nxt)
    ):
        return text[pos], nxt
    return "", pos


def _unit(text: str, pos: int) -> tuple[str | None, int]:
    """Return the normalised unit at ``pos`` (None when none) and its end."""
    m = _CN_UNIT.match(text, pos)
    if m:
        unit = _CN_UNITS[m.group(1)]
        return (_DURATION if unit is None else unit), m.end()
    m = _ASCII_UNIT.match(text, pos)
    if m:
        if m.group(1) in "GTMP" and _PON_AFTER.match(text, m.end()):
            return _DURATION, m.end()
        return _ASCII_UNITS[m.group(1)], m.end()
    m = _EN_UNIT.match(text, pos)
    if m:
        return _EN_UNITS[" ".join(m.group(1).lower().split())], m.end()
    m = _EN_DURATION.match(text, pos)
    if m:
        return _DURATION, m.end()
    return None, pos


def _tail(text: str, pos: int, english: bool) -> tuple[str, str, Decimal, str | None, int]:
    """Read 多/余, a multiplier, 多/余 again and a unit after a number ending at ``pos``."""
    infix, pos = _infix(text, pos)
    mult_text, mult, pos = _multiplier(text, pos, english)
    if not infix and mult_text:
        infix, pos = _infix(text, pos)
    unit, pos = _unit(text, pos)
    return infix, mult_text, mult, unit, pos


def _is_label(text: str, start: int, end: int, number: str) -> bool:
    """Return True when the bare number ``text[start:end]`` is a year, label or list number."""
    before = text[max(0, start - 12) : start]
    if _NOT_AMOUNT.fullmatch(number) or _LABEL_AFTER.match(text, end):
        return True
    if _LIST_BEFORE.search(before) and _LIST_AFTER.match(text, end):
        return True
    if _HEADING.fullmatch(text[:start]) and _HEADING_AFTER.match(text, end):
        return True
    return text[end : end + 1] == "、" or (before.endswith("(") and text[end : end + 1] == ")")


def _read_arabic(text: str, m: re.Match[str]) -> _Reading | None:
    """Read an Arabic number (8,520 / 2.8万 / 440 billion yuan), None when excluded."""
    number, start, end = m.group("arabic"), m.start(), m.end()
    if number in _GENERATIONS and _GENERATION_AFTER.match(text, end):
        return None
    infix, mult_text, mult, unit, pos = _tail(text, end, english=True)
    if unit == _DURATION:
        return None
    if unit is None and not mult_text and not infix and _is_label(text, start, end, number):
        if not (_NOT_AMOUNT.fullmatch(number) and _opens_range(text, end)):
            return None  # 2025, 2025年 -- but 2000 in 2000-3000个 is a lower bound
    if unit is None and re.match(r"[A-Za-z]", text[pos : pos + 1]):
        return None  # an identifier: 3D, 4K, 14th, 10GPON
    value = Decimal(number.replace(",", "")) * mult
    return _Reading(start, pos, value, unit, mult_text, infix)


def _read_chinese(text: str, m: re.Match[str]) -> _Reading | None:
    """Read a run of Chinese numerals (十二万个, 两千多家), None when excluded."""
    run, start, end = m.group("chinese"), m.start(), m.end()
    if run.endswith("千") and text[end : end + 1] in ("米", "瓦"):
        run, end = run[:-1], end - 1  # 三千瓦 is 3 千瓦
    if run in ("一", "零", "〇") or not (set(run) & set(_CN_DIGITS) or run.startswith("十")):
        return None  # 一个平台, 千家万户, 双千兆
    base = _decimal(run)
    if base is None or _LABEL_AFTER.match(text, end):
        return None  # "十四五", 三年, 二期
    infix, mult_text, mult, unit, pos = _tail(text, end, english=False)
    big = re.search(r"(?<=.)[万亿]+$", run)
    if unit == _DURATION or (unit is None and not mult_text and not big):
        return None  # 一是, 三大, 6个月
    return _Reading(start, pos, base * mult, unit, mult_text or (big.group() if big else ""), infix)


def _read_english(text: str, m: re.Match[str]) -> _Reading | None:
    """Read an English number in words (six tasks, twenty-five parks), None when excluded."""
    words, start, end = m.group("english"), m.start(), m.end()
    if text[end : end + 1] == "-":
        return None  # three-year, one-stop, two-way
    infix, mult_text, mult, unit, pos = _tail(text, end, english=True)
    if unit == _DURATION:
        return None
    value = _english_words(words)
    if words[0] in "aA" and re.search(r"\bhalf\s+$", text[max(0, start - 8) : start], re.I):
        return None  # half a dozen: not read
    if not mult_text and _in_slogan(text, start, end):
        return None  # "one master, three assistants and six city centers"
    if value == 1 and not mult_text and not _counts_one(text, start, end):
        return None  # "one of", "the one", "no one", "one belt one road"
    if unit is None and not mult_text:
        sep = _RANGE_SEP.match(text, end)
        ranged = sep is not None and _NUMBER.match(text, sep.end()) is not None
        nxt = _EN_NEXT_WORD.match(text, end)
        if not ranged and (nxt is None or nxt.group(1).lower() in _EN_NOT_COUNTED):
            return None
        if nxt is not None and nxt.group(1).lower() in _EN_FRACTIONS:
            return None  # "one third of", "two thirds": a fraction, not a count
        if nxt is not None and nxt.group(1)[0].isupper():
            return None  # a name in title case: "the Four Lists", "Five Futures"
    return _Reading(start, pos, value * mult, unit, mult_text, "")


def _counts_one(text: str, start: int, end: int) -> bool:
    """Return True when the bare "one" at ``text[start:end]`` counts the noun after it."""
    before = text[max(0, start - 40) : start]
    if _ONE_NOT_COUNTED_BEFORE.search(before) or _ONE_NOT_COUNTED_AFTER.match(text, end):
        return False
    counted = _ONE_COUNTED_BEFORE.search(before)
    if counted is None:
        return False
    if counted.group("list"):  # a list: counts must come before it
        return any(_read(text, m) for m in _NUMBER.finditer(text, 0, start))
    return True


def _in_slogan(text: str, start: int, end: int) -> bool:
    """Return True when ``text[start:end]`` stands in a short quoted phrase."""
    for opening, closing in _QUOTES.items():
        if opening == closing:
            inside = text.count(opening, 0, start) % 2 == 1
            lo = text.rfind(opening, 0, start)
        else:
            lo = text.rfind(opening, 0, start)
            inside = lo >= 0 and text.find(closing, lo, start) < 0
        hi = text.find(closing, end)
        if inside and hi >= 0 and hi - lo <= _SLOGAN_LENGTH:
            return True
    return False


def _read(text: str, m: re.Match[str]) -> _Reading | None:
    """Read the number matched by :data:`_NUMBER`, None when it is not a quantity."""
    if _LABEL_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) and not _METRIC_BEFORE.search(
        text[: m.start()]
    ):
        return None
    if m.group("percent"):
        value = _decimal(m.group("pct"))
        return None if value is None else _Reading(m.start(), m.end(), value, "%", "", "")
    if m.group("arabic"):
        return _read_arabic(text, m)
    if m.group("english"):
        return _read_english(text, m)
    return _read_chinese(text, m)


def _opens_range(text: str, end: int) -> bool:
    """Return True when a range with a unit or multiplier continues at ``end`` (-3000个)."""
    sep = _RANGE_SEP.match(text, end)
    m = _NUMBER.match(text, sep.end()) if sep else None
    upper = _read(text, m) if m and m.group("arabic") else None
    return upper is not None and (upper.unit is not None or bool(upper.mult_text))


def _dangling_range(text: str, first: _Reading) -> bool:
    """Return True when the bare ``first`` opens a range whose upper bound is no quantity.

    ``1-5月``, ``3-5年`` and ``3-6个月`` are dates and durations: their 1 and 3 are not counts.
    """
    if first.unit is not None or first.mult_text or first.infix:
        return False
    sep = _RANGE_SEP.match(text, first.end)
    m = _NUMBER.match(text, sep.end()) if sep else None
    return m is not None and _read(text, m) is None


def _range_end(text: str, first: _Reading) -> _Reading | None:
    """Return the upper bound of a range starting with ``first`` (10-15万), or None."""
    sep = _RANGE_SEP.match(text, first.end)
    if sep is None or first.infix:
        return None
    m = _NUMBER.match(text, sep.end())
    upper = _read(text, m) if m else None
    if upper is None or first.unit not in (None, upper.unit):
        return None
    return upper


def _qualifier_before(text: str, start: int) -> tuple[str, str | None, int]:
    """Return the qualifier before ``start``, a currency's unit and where the words begin."""
    lo = max(0, start - 24)
    window = text[lo:start]
    unit = None
    cur = _CURRENCY_BEFORE.search(window)
    if cur:
        unit = _CURRENCIES.get(cur.group(1), "USD")
        window = window[: cur.start()]
    q = _QUAL_BEFORE.search(window)
    if q:
        word = " ".join((q.group(1) or q.group(2)).lower().split())
        return _BEFORE[word], unit, lo + q.start()
    return "", unit, lo + len(window)


def _qualifier_after(text: str, end: int) -> tuple[str, int]:
    """Return the qualifier word after ``end`` (以上, 左右, "or more") and its end."""
    m = _QUAL_AFTER.match(text, end)
    if m is None:
        return "", end
    word = " ".join((m.group(1) or m.group(2) or m.group(3)).lower().split())
    return _AFTER[word], m.end()


def _quantity(sentence: str, text: str, first: _Reading, last: _Reading) -> Quantity:
    """Build the Quantity spanning ``first`` to ``last`` (the same reading unless a range)."""
    before, currency, start = _qualifier_before(text, first.start)
    after, end = _qualifier_after(text, last.end)
    infix = _MORE_THAN if last.infix else _EXACT
    qualifier = before or infix or after
    unit = last.unit if last.unit is not None else (currency or "")
    return Quantity(
        value=float(last.value),
        unit=unit,
        qualifier=qualifier,
        text=sentence[start:end],
        start=start,
        end=end,
        multiplier_text=last.mult_text,
    )


def _is_amount(text: str, blocked: re.Match[str]) -> bool:
    """Return True when a blocked year.month (2023.6) is an amount: 2023.6亿元, 2023.6万个."""
    return bool(
        re.fullmatch(r"(?:19|20)\d{2}\.\d{1,2}", blocked.group())
        and _AMOUNT_NOT_DATE.match(text, blocked.end())
    )


def find_quantities(sentence: str) -> list[Quantity]:
    """Return the quantities written in ``sentence``, in order of appearance.

    Parameters
    ----------
    sentence : str
        One sentence (or clause) of Chinese or English prose.

    Returns
    -------
    list of Quantity
        Each with ``sentence[q.start:q.end] == q.text``.
    """
    text = normalise(sentence)
    blocked = [m.span() for m in _BLOCKED.finditer(text) if not _is_amount(text, m)]
    found: list[Quantity] = []
    pos = 0
    while (m := _NUMBER.search(text, pos)) is not None:
        hit = next((b for b in blocked if b[0] < m.end() and m.start() < b[1]), None)
        if hit is not None:
            pos = max(m.end(), hit[1])
            continue
        reading = _read(text, m)
        if reading is None:
            pos = m.end()
            continue
        upper = _range_end(text, reading)
        if upper is None and _dangling_range(text, reading):
            pos = m.end()
            continue
        last = upper or reading
        found.append(_quantity(sentence, text, reading, last))
        pos = max(found[-1].end, last.end)
    return found
