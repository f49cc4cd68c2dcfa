"""Turn a plan document's text into candidate targets for the planner to review.

Every number of every sentence becomes a :class:`~geodata.plan.extract.proposal.Proposal`
(with its value, unit and qualifier from :mod:`~geodata.plan.extract.quantities`, its year and
status from :mod:`~geodata.plan.extract.timing`, its regions, category and metric label),
except numbers that are clearly not targets: page numbers, phone numbers, dates, document
numbers (国发〔2021〕29号), ordinals and heading numbers (一、, （二）, 第三章).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from geodata.errors import Cancelled, InputError
from geodata.plan.extract.proposal import Proposal
from geodata.plan.extract.quantities import Quantity, find_quantities, unit_of_label
from geodata.plan.extract.regions import (
    RegionHit,
    RegionMatch,
    check_province,
    find_regions,
    match_hits,
    to_simplified,
)
from geodata.plan.extract.sentences import LANGUAGES, Sentence, detect_language, split_sentences
from geodata.plan.extract.timing import timing_at
from geodata.plan.extract.topics import clause_span, guess_category, metric_label

#: How many sentences pass between two progress reports (and checks for cancelling).
PROGRESS_EVERY = 200

_CN_NUM = "一二三四五六七八九十百零〇两"
_HEADING = re.compile(
    rf"^\s*(?:[{_CN_NUM}]+\s*[、.．]|[（(]\s*[{_CN_NUM}\d]+\s*[)）]|\d+(?:\.\d+)*\s*[、.．)）]"
    rf"(?!\d)|第\s*[{_CN_NUM}\d]+\s*[章节条篇部款项]|[{_CN_NUM}]是|[A-Za-z]\s*[.)、]"
    r"|\d+[.．](?=[2-6]G(?![A-Za-z\d])))"  # 1.5G网络: item 1 on 5G, not 1.5 Gbps
)
#: A top-level heading (二、发展目标, 第三章): a target year set before it no longer holds.
_SECTION = re.compile(rf"^\s*(?:[{_CN_NUM}]+\s*[、.．]|第\s*[{_CN_NUM}\d]+\s*[章节篇部])")
#: A target year that the sentences after it share (到2025年，...。具体目标如下：...).
_GOAL_YEAR = re.compile(
    r"(?<![截止])(?:到|至|力争到?|争取到?)\s*((?:19|20)\d{2})\s*年"
    r"|\b[Bb]y\s+((?:19|20)\d{2})\b"
)
#: An as-of year that the sentences after it share (截至2020年底，...。其中...).
_AS_OF_YEAR = re.compile(
    r"(?:截至|截止到?|截止至)\s*((?:19|20)\d{2})\s*年|\b[Aa]s\s+of\s+(?:the\s+end\s+of\s+)?"
    r"(?:[A-Z][a-z]+\s+)?((?:19|20)\d{2})\b"
)
_PAGE = re.compile(
    r"^\s*(?:[-—–－~]\s*)?(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[-—–－~])?\s*$"
    r"|^\s*(?:第\s*\d+\s*页\s*)?[，,]?\s*共\s*\d+\s*页\s*$|^\s*\d{1,4}\s*/\s*\d{1,4}\s*$"
    r"|^\s*(?:page|p\.)\s*\d+(?:\s*of\s*\d+)?\s*$"
    r"|^\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s*$",  # a bare month-day, as under a news link
    re.IGNORECASE,
)
_NOT_TARGETS = re.compile(
    "|".join(
        (
            # document numbers: 国发〔2021〕29号, 浙政办发[2022]12号, (2021) No. 5
            r"[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*(?:第\s*)?\d+\s*号",
            r"\b[Nn]o\.\s*\d+",
            r"第\s*\d+\s*号",
            # phone numbers
            r"(?:电话|传真|热线|手机|Tel|Fax|Phone)\s*[:：]?\s*[\d\-—()（）\s]{5,}\d",
            r"(?<![\d.,])0\d{2,3}[-—]\d{7,8}(?!\d)|(?<![\d.,])1[3-9]\d{9}(?!\d)",
            r"(?<![\d.,])(?:110|119|120|122|12345|12315|12348)(?!\d)\s*(?=急救|报警|热线|"
            r"(?:cloud\s+)?emergency|hotline)",
            # dates and times
            r"(?<![\d.])(?:19|20)\d{2}\s*(?:年|[-/]\s*\d{1,2}(?!\d)|\.\d{1,2}\.\d{1,2}(?!\d))",
            r"(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*[日号]|(?<![\d.])\d{1,2}:\d{2}(?!\d)",
            r"(?<![\d.])\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月",
            r"\b(?:(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Sept|Octo|Nove|Dece)mber"
            r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}(?!\d)",
            r"(?<!\d)(?:19|20)\d{2}\s*[-—–~至到]\s*(?:(?:19|20)?\d{2})(?!\d)",
            # shares of a whole the sentence names (占全国总数的6.5%, accounting for 60
            # percent of the province's capacity): a proportion of a count, not a target
            r"占(?:全国|全省|全区|全市|全球|全网)[^，。；,;\d]{0,6}?(?:[约近超逾])?\s*\d[\d.]*\s*%",
            r"\b(?:account(?:s|ed|ing)?\s+for|ma(?:k|d)e?s?\s+up)\s+(?:\w+\s+){0,2}?"
            r"\d[\d.]*\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+)?(?:nation|country|China"
            r"|province|region|city|world|total)",
            # ordinals, plan periods
            r"\b\d+(?i:st|nd|rd|th)\b|第\s*[\d一二三四五六七八九十百]+",
            r"\b(?i:five[- ]year)\b|十[一二三四五六七]五",
        )
    )
)


def propose_targets(
    text: str,
    province: str,
    *,
    language: str = "",
    default_year: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Proposal]:
    """Return the candidate targets of a plan document.

    Parameters
    ----------
    text : str
        The document's text.
    province : str
        Adcode of the province the plan is about (``"140000"``).
    language : {"", "zh", "en"}
        The document's language; ``""`` detects it from the share of Chinese characters.
    default_year : str
        The year of a number whose sentence names none (the document's year), or ``""``.
        Within a section, a target year (到2025年, ``by 2025``) stands in for it in the
        sentences after it, until the next top-level heading (二、, 第三章).
    progress : callable, optional
        Called as ``progress(done, total)`` in sentences, every 200 sentences and at the end.
    cancelled : callable, optional
        Polled as often as ``progress``; when it returns True the scan stops.

    Returns
    -------
    list of Proposal
        In document order, ids ``"P1"``, ``"P2"``...; ``text[p.start:p.end] == p.sentence``.

    Raises
    ------
    InputError
        When ``province`` is not a province's adcode or ``language`` is unknown.
    Cancelled
        When ``cancelled()`` returned True.
    """
    check_province(province)
    if language not in ("", *LANGUAGES):
        raise InputError(f"unknown language {language!r}: use zh or en (or leave it empty)")
    language = language or detect_language(text)
    sentences = split_sentences(text, language)
    # Numbers, years and names are read in simplified characters (1.2萬個 is 1.2万个); the
    # conversion keeps one character for one, so spans found in it are spans in ``text``.
    readable = to_simplified(text) if language == "zh" else text
    found: dict[tuple[str, float | None, str], Proposal] = {}
    seen: set[str] = set()
    this_year = document_year(readable)
    today = reference_date(readable) or (f"{this_year}-01-01" if this_year else "")
    default_year = default_year or plan_end_year(readable)
    start = _Context(default_year, "", default_year, today, this_year)
    context = start
    for i, sentence in enumerate(sentences):
        if i % PROGRESS_EVERY == 0:
            _report(i, len(sentences), progress, cancelled)
        plain = readable[sentence.start : sentence.end]
        if _SECTION.match(plain):
            context = start
        if i == 0 and _is_headline(sentence, text):
            seen.add(sentence.text)  # a news headline restates its body, without its context
        if sentence.text not in seen:  # a repeated sentence only repeats its proposals
            seen.add(sentence.text)
            for proposal in _sentence_proposals(sentence, plain, province, language, context):
                found.setdefault((proposal.sentence, proposal.value, proposal.unit), proposal)
        context = _next_context(plain, context)
    _report(len(sentences), len(sentences), progress, cancelled)
    return [p.edited(id=f"P{n}") for n, p in enumerate(found.values(), start=1)]


class _Context(NamedTuple):
    """What a section has said so far: its year and status (``""`` if none), and the default.

    ``today`` is the date the document is read against (see :func:`reference_date`),
    ``this_year`` the year it speaks in (see :func:`document_year`).
    """

    year: str
    status: str
    default_year: str
    today: str = ""
    this_year: str = ""


#: A plan's period in its title or opening lines: 2023—2025年, 2021-2025, 十四五, 十五五.
_PERIOD = re.compile(
    r"(?:19|20)\d{2}\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年?|[\"“”「]?(十四五|十五五)[\"“”」]?"
    r"|\b(?:19|20)\d{2}\s*(?:-|–|to)\s*((?:19|20)\d{2})\b"
    r"|\b(20)(\d{2})\s*[-–]\s*(\d{2})\b(?!\s*[-–/.]\s*\d)"  # 2021-25, not 2021-06-21
)
_FIVE_YEAR_END = {"十四五": "2025", "十五五": "2030"}


#: The year of a 政府工作报告 in its title: 2024年浙江省政府工作报告, 政府工作报告（2024年）.
_REPORT_YEAR = re.compile(
    r"((?:19|20)\d{2})\s*年[^\n。]{0,12}?政府工作报告|政府工作报告[^\n。\d]{0,8}((?:19|20)\d{2})"
)
#: The first year of a plan period: 2023—2025年, 2021-25, "十四五" (2021).
_PERIOD_START = re.compile(
    r"((?:19|20)\d{2})\s*年?\s*(?:[-—–~～至到]|\bto\b)\s*(?:19|20)?\d{2}(?!\d)|(十[三四五六]五)"
)
_FIVE_YEAR_START = {"十三五": "2016", "十四五": "2021", "十五五": "2026", "十六五": "2031"}


def _report_year(head: str) -> str:
    match = _REPORT_YEAR.search(head)
    return (match.group(1) or match.group(2)) if match else ""


def plan_end_year(text: str) -> str:
    """Return the end year of the plan period its title or opening lines name, or ``""``.

    ``山西省新基建三年行动计划（2023—2025年）`` gives ``"2025"``, ``"十五五"规划`` ``"2030"``,
    ``2024年政府工作报告`` ``"2024"`` (the year its targets are for): the year of a planned
    number whose section names none.
    """
    report = _report_year(text[:400])
    if report:
        return report
    match = _PERIOD.search(text[:400])
    if match is None:
        return ""
    short = ""
    if match.group(4) and match.group(6) > match.group(5):  # 2021-25 ends after it starts
        short = match.group(4) + match.group(6)
    return match.group(1) or _FIVE_YEAR_END.get(match.group(2) or "", "") or match.group(3) or short


def reference_date(text: str) -> str:
    """Return the date a document speaks from: the new year after its latest as-of year.

    A plan written in 2021 reports 截至2020年底 and plans 2025年新建...; a news item of 2026
    reports 截至2026年10月底 and looks back on 2025年新建.... Dating the text by the latest
    year it reports as reached keeps the first a plan and the second an achievement; a text
    that reports nothing is read against the current date (``""``).

    Parameters
    ----------
    text : str
        The document's text (simplified script).

    Returns
    -------
    str
        ``"YYYY-01-01"`` of the year after the latest as-of year, or ``""``.
    """
    years = [int(m.group(1) or m.group(2)) for m in _AS_OF_YEAR.finditer(text)]
    return f"{max(years) + 1}-01-01" if years else ""


def document_year(text: str) -> str:
    """Return the year a document speaks in (its 今年, "this year"), or ``""``.

    The year of its latest as-of date when that falls within a year (截至2024年6月底: a news
    item of 2024), the year after when it is a year's end (截至2023年底: written in 2024);
    without one, the year of the report its opening names (2024年政府工作报告) or the first
    year of the plan period (2023—2025年 gives 2023, "十四五" 2021).
    """
    years = [int(m.group(1) or m.group(2)) + _year_end(text, m) for m in _AS_OF_YEAR.finditer(text)]
    if years:
        return str(max(years))
    head = text[:400]
    report = _report_year(head)
    if report:
        return report
    period = _PERIOD_START.search(head)
    if period is None:
        return ""
    return period.group(1) or _FIVE_YEAR_START[period.group(2)]


#: What makes an as-of date fall within its year: a month before December, a quarter, a half.
_WITHIN_YEAR = re.compile(r"\s*(?:(\d{1,2})\s*月|前?[一二三1-3]\s*季度|上半年)")
_EN_WITHIN_YEAR = re.compile(r"\b(?!end\b)[A-Z][a-z]+\s+(?:19|20)\d{2}\b")


def _year_end(text: str, as_of: re.Match[str]) -> int:
    """Return 1 when an as-of date is a year's end (截至2023年底), 0 when within its year."""
    if as_of.group(2):  # English: "as of June 2023" is within, "as of (the end of) 2023" not
        return 0 if _EN_WITHIN_YEAR.search(as_of.group()) else 1
    month = _WITHIN_YEAR.match(text, as_of.end())
    if month is None:
        return 1
    return 1 if month.group(1) and int(month.group(1)) >= 12 else 0


#: A look back on the past year (政府工作报告: 过去一年, 2023年工作回顾, 五年来).
_LOOK_BACK = re.compile(r"过去的?[一两三四五]?年|(?<![近多])[一两三四五]年来|工作回顾|回顾")
#: A year and a planning word in one sentence: 2024年，我们将..., 二、2024年主要目标任务.
_PLAN_YEAR = re.compile(r"(?:((?:19|20)\d{2})\s*年|(今年|明年))[^。；]*?(?:将|目标|计划|预期|安排)")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def _next_context(plain: str, context: _Context) -> _Context:
    """Return the context the sentences after ``plain`` share in its section."""
    goal = _GOAL_YEAR.search(plain)
    as_of = _AS_OF_YEAR.search(plain)
    if goal and (not as_of or goal.start() > as_of.start()):
        return context._replace(year=goal.group(1) or goal.group(2), status="planned")
    if as_of:
        return context._replace(year=as_of.group(1) or as_of.group(2), status="achieved")
    if _LOOK_BACK.search(plain):
        year = _ANY_YEAR.search(plain)
        last = str(int(context.this_year) - 1) if context.this_year else ""
        return context._replace(year=year.group(1) if year else last, status="achieved")
    plan = _PLAN_YEAR.search(plain)
    if plan:
        return context._replace(year=_plan_year(plan, context.this_year), status="planned")
    return context


def _plan_year(plan: re.Match[str], this_year: str) -> str:
    """Return the year of a _PLAN_YEAR match (今年 and 明年 from the document's year)."""
    if plan.group(1):
        return plan.group(1)
    if not this_year:
        return ""
    return str(int(this_year) + (plan.group(2) == "明年"))


def _timing(plain: str, offset: int, context: _Context) -> tuple[str, str, str]:
    """Return the year, date and status of a number, its section filling what it lacks.

    A weak cue (累计建成, 新建) yields to the section (到2025年，具体目标如下：累计建成...)
    unless the number's clause names a year of its own.
    The section's year only stands in when the number's own status agrees with the section's
    (目前已建成 after 到2025年 is not a 2025 target); the plan's end year only stands in for
    a planned number (an achievement without a year is not dated to the plan's end).
    """
    timing = timing_at(plain, offset, "", context.today, context.this_year)
    own = timing.strong or not context.status or timing.year not in ("", context.year)
    status = timing.status if own else context.status
    year = timing.year
    if not year and not timing.date:
        if context.status and status == context.status:
            year = context.year
        elif status == "planned":
            year = context.default_year
    return year, timing.date, status


#: Clause punctuation, which a headline does without (江苏5G基站突破23万个 居全国第二).
_CLAUSE_MARKS = re.compile(r"[，。；：,;:！？!?]")
_BLANK_LINE = re.compile(r"[ \t\u3000]*\r?\n[ \t\u3000]*\r?\n")


def _is_headline(sentence: Sentence, text: str) -> bool:
    """Return True for a news headline: a short first line without clause punctuation.

    The body restates its numbers with their dates and places. A blank line must follow
    (a first line that runs on into the next, as in a PDF's text, is no headline).
    """
    rest = text[sentence.end :]
    return (
        not text[: sentence.start].strip()
        and _BLANK_LINE.match(rest) is not None
        and bool(rest.strip())
        and len(sentence.text) <= 40
        and not _CLAUSE_MARKS.search(sentence.text)
    )


def _report(
    done: int,
    total: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("reading the plan document was cancelled")
    if progress is not None:
        progress(done, total)


def _sentence_proposals(
    sentence: Sentence, plain: str, province: str, language: str, context: _Context
) -> Iterator[Proposal]:
    """Yield a proposal for each number of the sentence that may be a target.

    ``plain`` is the sentence in simplified characters (as long as ``sentence.text``);
    ``context`` what its section says, for numbers whose clause says no year or status.
    """
    quantities = target_quantities(plain)
    if not quantities:
        return
    regions = find_regions(_without_dateline(plain), province, language)
    skip = [(h.start, h.end) for h in regions.hits]
    respective = _respective(plain, quantities, regions, language)
    shared = _shared_units(plain, quantities)
    metrics: dict[str, str] = {}
    for i, q in enumerate(quantities):
        year, date, status = _timing(plain, q.start, context)
        match = _clause_regions(plain, q, regions, province, language)
        if i in respective:
            match = match_hits((respective[i],), province)
        metric = metric_label(plain, q.start, q.end, q.unit, language, skip, _number_end(q))
        if (metric in (q.unit, "数量", "count") or _DIGIT.search(metric)) and q.unit in metrics:
            metric = metrics[q.unit]  # 新建5G基站1.2万个，累计达到10.5万个; 分别达到8万个和7万个
        metrics.setdefault(q.unit, metric)
        unit = q.unit or shared[i] or (unit_of_label(metric) if language == "en" else "")
        if shared[i] and not q.unit:
            metric = metric_label(plain, q.start, q.end, unit, language, skip)
        yield Proposal(
            id="",
            sentence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            value=q.value,
            unit=unit,
            qualifier=q.qualifier,
            year=year,
            date=date,
            status=status,
            regions=match.regions,
            scope=match.scope,
            category=guess_category(plain, q.start, q.end, language),
            metric=metric,
            number_text=sentence.text[q.start : q.end],
            number_start=sentence.start + q.start,
            ambiguous=match.ambiguous,
        )


def target_quantities(sentence: str) -> list[Quantity]:
    """Return the quantities of a sentence that may be targets.

    Page numbers, heading numbers (一、, （二）, 3.), document numbers (〔2021〕29号), phone
    numbers, dates, ordinals and years are left out.
    """
    if _PAGE.match(sentence):
        return []
    quantities = find_quantities(sentence)
    if not quantities:
        return []
    excluded = [m.span() for m in _NOT_TARGETS.finditer(sentence)]
    heading = _HEADING.match(sentence)
    if heading:
        excluded.append(heading.span())
    return [q for q in quantities if not _overlaps(q, excluded) and not _is_year(q)]


def _overlaps(q: Quantity, spans: list[tuple[int, int]]) -> bool:
    return any(q.start < hi and lo < q.end for lo, hi in spans)


def _is_year(q: Quantity) -> bool:
    """Return True for a bare year (2025) read as a number."""
    digits = q.text.strip()
    return (
        q.unit in ("", "年")
        and digits[:4].isdigit()
        and 1949 <= q.value <= 2100
        and (len(digits) == 4 or digits[4:].strip() == "年")
    )


def _clause_regions(
    sentence: str, q: Quantity, regions: RegionMatch, province: str, language: str
) -> RegionMatch:
    """Return the regions the number's own clause names, else those of the clause before.

    A clause that names no region carries on the subject of the nearest earlier clause that
    names some (杭州、宁波建成千兆城市，累计建成5G基站10万个); a region named only after it is
    another clause's subject (5G基站达到25万个，济南、青岛两市...), and a clause that speaks
    for the whole province (全省, 江苏省累计建成...) is province-wide.
    """
    lo, hi = clause_span(sentence, q.start, q.end, language, enumerations=False)
    lower = [h for h in regions.hits if h.level != "province"]
    own = [h for h in lower if lo <= h.start and h.end <= hi]
    if own:
        return regions if len(own) == len(lower) else match_hits(own, province)
    if _whole_province_at(sentence, regions, lo, hi) >= 0:
        return match_hits((), province)
    return match_hits(_last_clause_hits(sentence, regions, lo, language), province)


def _whole_province_at(sentence: str, regions: RegionMatch, lo: int, hi: int) -> int:
    """Return where the last mention of the whole province (全省, 江苏省) in a span is, or -1."""
    marks = [h.start for h in regions.hits if h.level == "province" and lo <= h.start < hi]
    marks += [m.start() for m in _PROVINCE_WIDE.finditer(sentence, lo, hi)]
    return max(marks, default=-1)


def _last_clause_hits(
    sentence: str, regions: RegionMatch, before: int, language: str
) -> list[RegionHit]:
    """Return the hits of the last clause before ``before`` that names any region.

    None when the whole province is spoken of after it (郑州市、洛阳市建成..., 全省算力规模达到
    4.5EFLOPS，比上年增长38%: the 38% is the province's).
    """
    earlier = [h for h in regions.hits if h.level != "province" and h.end <= before]
    if not earlier or _whole_province_at(sentence, regions, earlier[-1].end, before) >= 0:
        return []
    lo, hi = clause_span(sentence, earlier[-1].start, earlier[-1].end, language, False)
    return [h for h in earlier if lo <= h.start and h.end <= hi]


#: 分别 lists numbers in the order of the regions named before it (南京、苏州分别达到3.9万个、
#: 5.1万个); "respectively" ends such a list ("Shenzhen and Guangzhou had 65,000 and 82,000
#: base stations respectively").
_RESPECTIVELY = re.compile(r"分别|\brespectively\b")


def _respective(
    sentence: str, quantities: list[Quantity], regions: RegionMatch, language: str
) -> dict[int, RegionHit]:
    """Return the region of each number of a 分别 list, by the number's index.

    The regions are those named before 分别 in its clause, else in the clause before; the
    list pairs them only when it has as many numbers as there are regions.
    """
    paired: dict[int, RegionHit] = {}
    lower = [h for h in regions.hits if h.level != "province" and len(h.adcodes) == 1]
    for m in _RESPECTIVELY.finditer(sentence):
        lo, hi = clause_span(sentence, m.start(), m.end(), language, enumerations=False)
        if m.group() == "分别":
            listed = [i for i, q in enumerate(quantities) if m.end() <= q.start < hi]
            until = m.start()
        else:  # the list stands before "respectively", the regions before the list
            listed = [i for i, q in enumerate(quantities) if lo <= q.start and q.end <= m.start()]
            until = quantities[listed[0]].start if listed else m.start()
        named = [h for h in lower if lo <= h.start and h.end <= until]
        named = named or _last_clause_hits(sentence, regions, lo, language)
        named = [h for h in named if h.level != "province" and len(h.adcodes) == 1]
        if len(named) >= 2 and len(listed) == len({h.adcodes for h in named}) == len(named):
            paired.update(zip(listed, named, strict=True))
    return paired


#: Between the numbers of a list that writes the unit once (3万、2万和1.5万架, 65,000 and
#: 82,000 base stations).
_LIST_JOIN = re.compile(r"\s*(?:[、,，]\s*|和|及|与|(?:,\s*)?(?:and|or)\s+)\s*$")


def _shared_units(sentence: str, quantities: list[Quantity]) -> list[str]:
    """Return for each number the unit it shares with the list it ends in ("" if none)."""
    shared = [""] * len(quantities)
    for i in range(len(quantities) - 2, -1, -1):
        q, nxt = quantities[i], quantities[i + 1]
        unit = nxt.unit or shared[i + 1]
        if not q.unit and unit and _LIST_JOIN.match(sentence[q.end : nxt.start]):
            shared[i] = unit
    return shared


#: A news dateline, whose city is where the report was filed: 新华网南京7月18日电,
#: 人民网拉萨8月9日电, "GUIYANG -", "BEIJING, Jan. 5 (Xinhua) --".
_DATELINE = re.compile(
    r"^\s*[\u4e00-\u9fff]{0,6}?[\u4e00-\u9fff]{2,4}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电讯]"
    r"|^\s*[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([A-Za-z ]+\))?"
    r"\s+[-—–]+\s"
)
_DIGIT = re.compile(r"\d")


def _without_dateline(sentence: str) -> str:
    """Return the sentence with its news dateline blanked (same length)."""
    m = _DATELINE.match(sentence)
    return sentence if m is None else " " * m.end() + sentence[m.end() :]


#: Words by which a clause speaks for the whole province.
_PROVINCE_WIDE = re.compile(r"全省|全区|省级|\b(?:province-wide|(?:the|whole|entire) province)\b")


_NUMBER_END = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?(?![A-Za-z\d])")
_EN_MULTIPLIER = re.compile(r"\s*(?:thousand|million|billion|trillion|bn|mn)\b", re.IGNORECASE)


def _number_end(q: Quantity) -> int:
    """Return where the number (and its multiplier) ends in the sentence."""
    numbers = list(_NUMBER_END.finditer(q.text))
    if not numbers:
        return q.end
    end = numbers[-1].end()
    multiplier = _EN_MULTIPLIER.match(q.text, end)
    if multiplier:
        end = multiplier.end()
    return q.start + end
