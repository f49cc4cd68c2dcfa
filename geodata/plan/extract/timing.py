"""When a number in a plan sentence holds, and whether it is planned or achieved.

:func:`timing_at` looks at the clause holding a number (clauses end at ，,；;：:。) and,
when that clause says nothing, at earlier clauses of the same sentence, nearest first:
in ``截至2023年底，全省已建成5G基站8.5万个，到2025年将达到12万个`` the first number is
achieved at 2023-12-31 and the second planned for 2025.

Decisions
---------
* **Strong cues** decide at once: planned 到/至 + year, 将, 力争, 计划, 拟, 预计, 目标,
  争取, 确保, "by 2025", "will", "plans to", "aims to", "target"; achieved 截至/截止, 已/已经,
  完成了/实现了/达到了 (the 了 marks the past), 同比/比上年, "as of", "has built", "had",
  "so far", "to date", "already", "year on year".  In the number's own clause the cue
  nearest before the number wins (else the nearest after); in earlier clauses the last.
* **Weak cues** (累计建成, 累计开通, 建成开通, 现有; 建设, 新建, 打造, 部署; "built",
  "reached"; "build", "deploy") only count when no clause has a strong cue:
  ``到2025年，累计建成5G基站12万个`` is planned.
* English "by 2025" / "by the end of April 2022" is planned unless its verb (the next
  one, else the last) is perfect or past ("have been built", "has now connected", "had",
  "was completed"): then it is achieved and dates the number.
* **News style** (no strong cue anywhere): a new-build verb (新建, 新增, 建成, 完成, 开通)
  is achieved after a past reporting period (今年1-5月, 今年以来, 上半年, 前三季度, 去年; a
  bare 今年 is not one: "今年新建..." in a 政府工作报告 is a target) or when the number's
  time is a year or date before ``today``'s year (``timing_at(..., today=...)``, the
  current date by default).  Periods ("十四五") and year ranges (2021-2025年) stay planned.
* No cue at all: ``"planned"``.  A year is taken from the nearest clause whose own strong
  cue (if any) agrees with the status, so an "as of" year never dates a plan target.
* Years: a 4-digit number is a year only before 年, in a date pattern, in English after
  in/by/since/of/end/... or starting the sentence, and never inside a quantity (2000根,
  2000-3000个, 2023.6亿元).  到2030年 -> 2030, 2021-2025年 -> 2025, "十四五" -> 2025,
  "十五五" -> 2030, "十三五" -> 2020, "14th Five-Year Plan" -> 2025.  Dates: a month without
  a day is its last day (2023年6月 / "June 2023" -> 2023-06-30), 年底/年末/"end of" -> 12-31,
  quarters and halves -> their last day.  No year: ``default_year`` with no date.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from geodata.plan.extract.quantities import find_quantities, normalise

PLANNED = "planned"
ACHIEVED = "achieved"


@dataclass(frozen=True)
class Timing:
    """When a number holds and whether it is planned or achieved.

    Attributes
    ----------
    year : str
        The target or as-of year (``"2030"``), ``""`` when none.
    date : str
        An ISO date when the sentence gives month or quarter (``"2023-06-30"``), else ``""``.
    status : str
        ``"planned"`` or ``"achieved"``.
    cue : str
        The words that decided the status (``"到"``, ``"截至...已"``), ``""`` when none.
    strong : bool
        Whether a strong cue or a news-style report decided the status (a weak cue such as
        累计建成 yields to what the section says).
    """

    year: str
    date: str
    status: str
    cue: str
    strong: bool = field(default=False, compare=False)


# ---------------------------------------------------------------------------------------
# Clauses: split at ，,；;：:。！？ — but not at the comma of 8,520 nor the colon of 8:30.
_CLAUSE_SEP = re.compile(r"[;。!?]|(?<!\d),|,(?!\d{3}(?!\d)|\s(?:19|20)\d{2}\b)|(?<!\d):|:(?!\d)")

_YEAR = r"((?:19|20)\d{2})"
_MONTHS_EN = (
    "january february march april may june july august september october november december"
).split()
_MONTH_EN = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?" + (
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CN_NUMBERS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {
    "十一": 11,
    "十二": 12,
}
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "first": 1, "second": 2, "third": 3}
_QUARTERS |= {"fourth": 4} | {str(i): i for i in range(1, 5)}
# Five-year plan periods and the year they end.
_PERIODS = {"十三五": "2020", "十四五": "2025", "十五五": "2030", "十六五": "2035"}
_PERIODS |= {"13th": "2020", "14th": "2025", "15th": "2030", "16th": "2035"}

# Time expressions, most specific first; each match gives (kind, groups).
_TIME_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 2023-06-30, 2023/6/30, 2023.6.30
    ("ymd", re.compile(rf"(?<!\d){_YEAR}[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?!\d)")),
    # 2023年6月30日, 2023年6月底, 2023年六月
    (
        "cn_month",
        re.compile(
            rf"{_YEAR}\s*年\s*(\d{{1,2}}|十[一二]|[一二三四五六七八九十])\s*月"
            r"\s*(?:(\d{1,2})\s*[日号])?"
        ),
    ),
    # 2024年一季度末, 2024年第1季度, 2024年前三季度
    ("cn_quarter", re.compile(rf"{_YEAR}\s*年\s*(?:第|前)?([一二三四1-4])\s*季度")),
    # 2025年上半年 / 年中 / 下半年
    ("cn_half", re.compile(rf"{_YEAR}\s*年\s*(上半年|年中|下半年)")),
    # 2022年末, 2022年底, 2022年年底
    ("year_end", re.compile(rf"{_YEAR}\s*年\s*(?:年)?(?:底|末|终)")),
    # 2021-2025年, 2021年至2025年 (the end year)
    ("range", re.compile(rf"(?<!\d)(?:19|20)\d{{2}}\s*年?\s*[-—–~至到]\s*{_YEAR}(?!\d)")),
    # "十四五", 14th Five-Year Plan
    ("period", re.compile(r"(十[三四五六]五)|\b(1[3-6]th)\s+five[- ]year", re.IGNORECASE)),
    # June 30, 2023 / 30 June 2023
    (
        "en_mdy",
        re.compile(
            rf"\b{_MONTH_EN}\s+(\d{{1,2}}),?\s+{_YEAR}\b|\b(\d{{1,2}})\s+{_MONTH_EN}\s+{_YEAR}\b",
            re.IGNORECASE,
        ),
    ),
    # June 2023, end of 2025, mid-2025, Q1 2024, first quarter of 2024, first half of 2025
    ("en_month", re.compile(rf"\b{_MONTH_EN}\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)),
    ("en_end", re.compile(rf"\b(?:end[- ](?:of\s+)?|year[- ]end\s+){_YEAR}\b", re.IGNORECASE)),
    ("en_mid", re.compile(rf"\b(?:mid-|middle\s+of\s+){_YEAR}\b", re.IGNORECASE)),
    (
        "en_quarter",
        re.compile(
            rf"\bQ([1-4])\s+{_YEAR}\b|\b(first|second|third|fourth)\s+quarter\s+of\s+{_YEAR}\b",
            re.IGNORECASE,
        ),
    ),
    ("en_half", re.compile(rf"\b(first|second)\s+half\s+of\s+{_YEAR}\b", re.IGNORECASE)),
    # 2025年; a bare 2025 only in English: "in 2023", "by 2025", "2023," at a clause start
    # (not inside a number such as 1,2025年; a comma before it is the clause's ，)
    ("year", re.compile(rf"(?<!\d)(?<!\d[.,]){_YEAR}\s*年")),
    (
        "year",
        re.compile(
            r"(?:\b(?:in|by|since|during|until|till|before|after|from|through|throughout|of|for"
            rf"|and|to|year|fy|end|mid)[\s-]+|^\s*){_YEAR}(?![\d.,]\d|\s*[%\u4e00-\u9fff])"
            r"(?!\s+(?:thousand|million|billion|trillion)\b)",
            re.IGNORECASE,
        ),
    ),
)


# ---------------------------------------------------------------------------------------
# Status cues.  Chinese words need no boundaries; English ones are whole words.
_STRONG_PLANNED = re.compile(
    r"(?<![达截止\d年])[到至](?=\s*(?:(?:19|20)\d{2}\s*年|[“\"']?十[三四五六]五))"  # 到2025年
    r"|将(?!近)|力争|计划|拟|预计|目标|争取|确保"
    # a deadline: 2025年前, 年底前, 6月前 (not 2024年前三季度, 3年前, 3个月前: "ago")
    r"|(?:(?<=\d{4}年)|(?<=\d月)|(?<=[底末]))(?:之)?前(?![一二三四1-4]\s*季度|[一二三\d]+个?月)"
    r"|\bwill\b|\bplans?\s+to\b|\bplanned\b|\baims?\s+to\b|\btarget(?:s|ed)?\b|\bgoal\b"
    r"|\bis\s+expected\s+to\b|\bshall\b|\bstrives?\s+to\b",
    re.IGNORECASE,
)
# English present perfect and past: "has built", "has now connected", "have been built",
# "had", "was completed", "were added" (not "will have been built", "was expected to").
_EN_PERFECT = (
    r"(?<!will\s)\b(?:has|have)\s+(?:(?:now|already|also|just|recently|so\s+far|been)\s+){0,3}"
    r"(?:\w+ed|built|made|grown|become|been|seen|begun|done|won|taken|risen|set|put)\b"
    r"|\bhad\b|\b(?:was|were)\s+(?:(?:already|also|successfully)\s+)?"
    r"(?:\w+ed|built|made|grown|done|begun|set|put)\b(?!\s+to\b)"
)
_STRONG_ACHIEVED = re.compile(
    r"截至目前|截至|截止|已经|已|现有"
    # a look back (政府工作报告): 过去一年, 过去五年, 五年来
    r"|过去的?[一两三四五]?年|(?<![近多])[一两三四五]年来"
    r"|(?:完成|实现|达到|建成|开通|增长|提高|提升|新增|突破|超过|部署|建设)了"
    r"|同比|比上年|较上年|比去年|较去年|环比"
    r"|\bas\s+(?:of|at)\b|" + _EN_PERFECT + r"|\bso\s+far\b|\bto\s+date\b"
    r"|\balready\b|\byear[- ]on[- ]year\b",
    re.IGNORECASE,
)
# English "by 2025", "by the end of April 2022": planned, unless the sentence's verb is
# perfect or past ("have been built", "had", "was completed"), which makes it achieved.
_BY_DATE = re.compile(
    r"\bby(?=\s+(?:the\s+end\s+of\s+|end-|mid-)?(?:(?:19|20)\d{2}|[a-z]+\s+(?:19|20)\d{2}))",
    re.IGNORECASE,
)
_EN_PERFECT_ONLY = re.compile(_EN_PERFECT, re.IGNORECASE)
_EN_FUTURE = re.compile(
    r"\b(?:will|shall)\b|\b(?:plans?|aims?|strives?)\s+to\b|\bis\s+expected\s+to\b",
    re.IGNORECASE,
)
# News style: a past reporting period (今年1-5月, 今年以来, 上半年, 前三季度, 去年) and a
# new-build verb report what happened.  A bare 今年 does not: in a 政府工作报告 "今年新建..."
# is this year's target.
_NEWS_PERIOD = re.compile(
    r"今年以来|去年|上年"
    r"|(?:今年|(?<![\d年]))(?:\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|上半年|前[一二三两1-3]\s*季度)"
    r"|今年(?:[一二三四1-4]\s*季度|\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月)"
)
_NEW_BUILD = re.compile(r"新建|新增|建成|完成|开通")
# The time kinds that date a report (a year or a date; not a period nor a range of years).
_DATED = frozenset(
    "ymd cn_month cn_quarter cn_half year_end year en_mdy en_month en_end en_mid en_quarter "
    "en_half".split()
)
_WEAK_ACHIEVED = re.compile(
    r"累计建成|累计开通|建成开通|\b(?:built|completed|reached|added|installed)\b",
    re.IGNORECASE,
)
_WEAK_PLANNED = re.compile(
    r"建设|新建|打造|部署|布局|规划|\b(?:build|construct|deploy|develop)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class _Cue:
    """A status cue found in a clause."""

    status: str
    text: str
    start: int


@dataclass(frozen=True)
class _When:
    """A time expression found in a clause."""

    year: str
    date: str
    start: int
    kind: str = ""


def _clauses(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the clauses of ``text``."""
    spans, start = [], 0
    for m in _CLAUSE_SEP.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _month_end(year: str, month: int) -> str:
    """Return the ISO date of the last day of ``month`` in ``year`` ("" when invalid)."""
    if not 1 <= month <= 12:
        return ""
    return f"{year}-{month:02d}-{calendar.monthrange(int(year), month)[1]:02d}"


def _iso(year: str, month: int, day: int) -> str:
    """Return an ISO date, or the month's end when ``day`` is out of range."""
    end = _month_end(year, month)
    return f"{end[:8]}{day:02d}" if end and 1 <= day <= int(end[-2:]) else end


def _en_month(name: str) -> int:
    """Return the number of an English month name or abbreviation."""
    name = name.lower().rstrip(".")
    return next(i for i, full in enumerate(_MONTHS_EN, start=1) if full.startswith(name[:3]))


def _cn_month(kind: str, g: tuple[str | None, ...]) -> tuple[str, str]:
    """Return (year, date) for the Chinese month, quarter and half-year patterns."""
    year = g[0] or ""
    if kind == "ymd":
        return year, _iso(year, int(g[1] or 0), int(g[2] or 0))
    if kind == "cn_month":
        month = int(g[1]) if (g[1] or "").isdigit() else _CN_NUMBERS[g[1] or "一"]
        return year, (_iso(year, month, int(g[2])) if g[2] else _month_end(year, month))
    if kind == "cn_quarter":
        return year, _month_end(year, 3 * _QUARTERS[g[1] or "1"])
    if kind == "cn_half":
        return year, _month_end(year, 12 if g[1] == "下半年" else 6)
    return year, _month_end(year, 12)  # year_end


def _en_date(kind: str, g: tuple[str | None, ...]) -> tuple[str, str]:
    """Return (year, date) for the English date patterns."""
    if kind == "en_mdy":
        month, day, year = (g[0], g[1], g[2]) if g[0] else (g[4], g[3], g[5])
        return year or "", _iso(year or "", _en_month(month or ""), int(day or 0))
    if kind == "en_month":
        return g[1] or "", _month_end(g[1] or "", _en_month(g[0] or ""))
    if kind == "en_quarter":
        quarter, year = (g[0], g[1]) if g[0] else (g[2], g[3])
        return year or "", _month_end(year or "", 3 * _QUARTERS[(quarter or "1").lower()])
    if kind == "en_half":
        return g[1] or "", _month_end(g[1] or "", 6 if g[0].lower() == "first" else 12)
    year = g[0] or ""
    return year, _month_end(year, 6 if kind == "en_mid" else 12)  # en_end, en_mid


#: Years said relative to the document's own (今年, 去年, "this year"), as offsets from it;
#: 上年/去年 after 比/较 is the base of a comparison (比上年增长8.6%), not a time.
_RELATIVE = re.compile(
    r"(今年|本年|当年|\bthis\s+year\b)"
    r"|((?<![比较于同])(?:去年|上年)|过去的?一年|\b(?<!than\s)(?<!from\s)last\s+year\b)"
    r"|(明年|\bnext\s+year\b)",
    re.IGNORECASE,
)


def _relative_times(text: str, start: int, end: int, this_year: int) -> list[_When]:
    """Return 今年/去年/明年 in ``text[start:end]`` as years, ``this_year`` being 今年."""
    found = []
    for m in _RELATIVE.finditer(text, start, end):
        shift = 0 if m.group(1) else (-1 if m.group(2) else 1)
        found.append(_When(str(this_year + shift), "", m.start(), "relative"))
    return found


def _when(kind: str, m: re.Match[str]) -> _When:
    """Return the year and date a time expression of ``kind`` gives."""
    g = m.groups()
    if kind in ("range", "year"):
        return _When(g[0], "", m.start(), kind)
    if kind == "period":
        return _When(_PERIODS[(g[0] or g[1]).lower()], "", m.start(), kind)
    year, date = _en_date(kind, g) if kind.startswith("en_") else _cn_month(kind, g)
    return _When(year, date, m.start(), kind)


@functools.lru_cache(maxsize=256)
def _amounts(sentence: str) -> tuple[tuple[int, int], ...]:
    """Return the spans of the sentence's quantities with a unit or multiplier (2000根)."""
    return tuple((q.start, q.end) for q in find_quantities(sentence) if q.unit or q.multiplier_text)


@functools.lru_cache(maxsize=4096)  # a sentence's numbers each ask about the same clauses
def _times(
    text: str,
    start: int,
    end: int,
    amounts: tuple[tuple[int, int], ...] = (),
    this_year: int = 0,
) -> tuple[_When, ...]:
    """Return the time expressions in ``text[start:end]``, in order; specific ones win.

    A year-shaped number inside one of ``amounts`` (2000根, 2023.6亿元) is no time; 今年,
    去年 and 明年 are years only when ``this_year`` (the document's year) is known.
    """
    taken: list[tuple[int, int]] = list(amounts)
    found: list[_When] = _relative_times(text, start, end, this_year) if this_year else []
    for kind, pattern in _TIME_PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            found.append(_when(kind, m))
    return tuple(sorted(found, key=lambda w: w.start))


@functools.lru_cache(maxsize=8192)  # a sentence's numbers each ask about the same clauses
def _cues(
    pattern: re.Pattern[str], status: str, text: str, span: tuple[int, int]
) -> tuple[_Cue, ...]:
    """Return the cues of ``pattern`` in the clause ``span``."""
    return tuple(_Cue(status, m.group(), m.start()) for m in pattern.finditer(text, *span))


_Found = TypeVar("_Found", "_Cue", "_When")


def _nearest(items: Sequence[_Found], offset: int, own: bool) -> _Found | None:
    """Return the item nearest before ``offset`` (own clause, else nearest after) or the last."""
    if not items:
        return None
    if not own:
        return max(items, key=lambda i: i.start)
    before = [i for i in items if i.start < offset]
    return max(before, key=lambda i: i.start) if before else min(items, key=lambda i: i.start)


def _by_status(text: str, at: int) -> str:
    """Return the status of an English "by 2025" at ``at``: its verb's (the next, else the last).

    "By the end of 2021, 12,000 had been built" is achieved; "By 2025, it will build" planned.
    """
    verbs = [(m.start(), ACHIEVED) for m in _EN_PERFECT_ONLY.finditer(text)]
    verbs += [(m.start(), PLANNED) for m in _EN_FUTURE.finditer(text)]
    after = [v for v in verbs if v[0] > at]
    if after:
        return min(after)[1]
    return max(verbs)[1] if verbs else PLANNED


def _strong(text: str, span: tuple[int, int], offset: int, own: bool) -> _Cue | None:
    """Return the deciding strong cue of a clause, None when it has none."""
    cues = [*_cues(_STRONG_PLANNED, PLANNED, text, span)]
    cues += _cues(_STRONG_ACHIEVED, ACHIEVED, text, span)
    cues += [
        _Cue(_by_status(text, m.start()), m.group(), m.start())
        for m in _BY_DATE.finditer(text, *span)
    ]
    return _nearest(cues, offset, own)


def _weak(text: str, span: tuple[int, int], offset: int, own: bool) -> _Cue | None:
    """Return the deciding weak cue of a clause, None when it has none."""
    cues = [
        *_cues(_WEAK_PLANNED, PLANNED, text, span),
        *_cues(_WEAK_ACHIEVED, ACHIEVED, text, span),
    ]
    return _nearest(cues, offset, own)


def _status(text: str, spans: list[tuple[int, int]], offset: int) -> tuple[_Cue | None, int, bool]:
    """Return the deciding cue (None: no cue), the index of its clause and whether it is strong.

    ``spans`` are the number's clause first, then the earlier ones, nearest first.
    """
    weak: tuple[_Cue | None, int] = (None, -1)
    for i, span in enumerate(spans):
        own = i == 0
        strong = _strong(text, span, offset, own)
        if strong is not None:
            return strong, i, True
        if weak[0] is None:
            weak = (_weak(text, span, offset, own), i)
    return weak[0], weak[1], False


def _reported(
    sentence: str, text: str, spans: list[tuple[int, int]], offset: int, this_year: int
) -> str:
    """Return the cue words of a news-style report (今年1-5月，新建..., 2023年，新增...), or "".

    Only asked when no clause has a strong cue.  A new-build verb (新建, 新增, 建成, 完成,
    开通) reports what happened when a clause gives a past reporting period (今年以来,
    1-5月, 上半年, 前三季度, 去年) or when the number's time is a year or date (not a period
    such as "十四五" nor a range such as 2021-2025年) whose year is before ``this_year``.
    """
    verb = next((m for a, b in spans for m in [_NEW_BUILD.search(text, a, b)] if m), None)
    if verb is None:
        return ""
    words = sentence[verb.start() : verb.end()]
    period = next((m for a, b in spans for m in [_NEWS_PERIOD.search(text, a, b)] if m), None)
    if period is not None:
        return f"{sentence[period.start() : period.end()]}...{words}"
    amounts = _amounts(sentence)
    for i, span in enumerate(spans):
        when = _nearest(_times(text, *span, amounts), offset, i == 0)
        if when is None:
            continue
        if when.kind in _DATED and when.year and int(when.year) < this_year:
            return f"{when.year}...{words}"
        return ""
    return ""


def timing_at(
    sentence: str, offset: int, default_year: str = "", today: str = "", this_year: str = ""
) -> Timing:
    """Return when the number at ``offset`` holds and whether it is planned or achieved.

    Parameters
    ----------
    sentence : str
        The sentence holding the number.
    offset : int
        The position of the number in ``sentence`` (``Quantity.start``).
    default_year : str
        The year to use when the sentence names none (the plan's end year, if known).
    today : str
        The ISO date the text is read against (the document's date, if known), ``""`` for
        the current date.  With no strong cue, a new-build verb (新建, 新增, 建成, 完成, 开通)
        in a clause dated to a year before ``today``'s year reports what was achieved
        (``2023年，全省新建5G基站2.1万个``); the text alone cannot say when "now" is.
    this_year : str
        The year the text speaks in (``"2024"`` for a 2024 政府工作报告), ``""`` when unknown:
        it makes 今年 ("this year") a year, and 去年/过去一年 the year before.

    Returns
    -------
    Timing
        Year, ISO date (``""`` unless month or quarter is given), status and cue.

    Notes
    -----
    A number with no time and only a weak achieved cue (``累计建成5G基站12万个``) is
    achieved: in news it reports what was done.  A plan's target list usually carries
    到YYYY年 in an earlier sentence or heading, which
    :mod:`~geodata.plan.extract.propose` carries over to the numbers after it.
    """
    text = normalise(sentence)
    clauses = _clauses(text)
    own = next((i for i, (a, b) in enumerate(clauses) if a <= offset <= b), len(clauses) - 1)
    spans = clauses[own::-1]  # the number's clause first, then earlier ones
    cue, cue_at, strong_cue = _status(text, spans, offset)
    status = cue.status if cue else PLANNED
    reported = ""
    if not strong_cue:
        now = int(today[:4]) if today else datetime.date.today().year
        reported = _reported(sentence, text, spans, offset, now)
        if reported:
            status = ACHIEVED
    decided = strong_cue or bool(reported)
    amounts = _amounts(sentence)
    relative_to = int(this_year) if this_year else 0  # 今年 is a year only in a dated text
    for i, span in enumerate(spans):
        strong = _strong(text, span, offset, i == 0)
        if strong is not None and strong.status != status:
            continue
        when = _nearest(_times(text, *span, amounts, relative_to), offset, i == 0)
        if when is not None:
            cue_words = reported or _cue_text(sentence, cue, cue_at, strong, i)
            return Timing(when.year, when.date, status, cue_words, decided)
    cue_words = reported or _cue_text(sentence, cue, cue_at, None, -1)
    return Timing(default_year, "", status, cue_words, decided)


def _cue_text(
    sentence: str, cue: _Cue | None, cue_at: int, time_cue: _Cue | None, time_at: int
) -> str:
    """Return the cue words as written, led by the time clause's own cue (截至...已)."""
    if cue is None:
        return ""
    words = sentence[cue.start : cue.start + len(cue.text)]
    if time_cue is not None and time_at != cue_at and time_cue.text != cue.text:
        return f"{sentence[time_cue.start : time_cue.start + len(time_cue.text)]}...{words}"
    return words
