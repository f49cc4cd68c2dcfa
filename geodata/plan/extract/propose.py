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
from geodata.plan.extract.quantities import Quantity, find_quantities
from geodata.plan.extract.regions import (
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
    rf"(?!\d)|第\s*[{_CN_NUM}\d]+\s*[章节条篇部款项]|[{_CN_NUM}]是|[A-Za-z]\s*[.)、])"
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
    today = reference_date(readable)
    default_year = default_year or plan_end_year(readable)
    context = _Context(default_year, "", default_year, today)
    for i, sentence in enumerate(sentences):
        if i % PROGRESS_EVERY == 0:
            _report(i, len(sentences), progress, cancelled)
        plain = readable[sentence.start : sentence.end]
        if _SECTION.match(plain):
            context = _Context(default_year, "", default_year, today)
        if sentence.text not in seen:  # a repeated sentence only repeats its proposals
            seen.add(sentence.text)
            for proposal in _sentence_proposals(sentence, plain, province, language, context):
                found.setdefault((proposal.sentence, proposal.value, proposal.unit), proposal)
        context = _next_context(plain, context)
    _report(len(sentences), len(sentences), progress, cancelled)
    return [p.edited(id=f"P{n}") for n, p in enumerate(found.values(), start=1)]


class _Context(NamedTuple):
    """What a section has said so far: its year and status (``""`` if none), and the default.

    ``today`` is the date the document is read against (see :func:`reference_date`).
    """

    year: str
    status: str
    default_year: str
    today: str = ""


#: A plan's period in its title or opening lines: 2023—2025年, 2021-2025, 十四五, 十五五.
_PERIOD = re.compile(
    r"(?:19|20)\d{2}\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年?|[\"“”「]?(十四五|十五五)[\"“”」]?"
    r"|\b(?:19|20)\d{2}\s*(?:-|–|to)\s*((?:19|20)\d{2})\b"
    r"|\b(20)\d{2}\s*[-–]\s*(\d{2})\b"  # 2021-25
)
_FIVE_YEAR_END = {"十四五": "2025", "十五五": "2030"}


def plan_end_year(text: str) -> str:
    """Return the end year of the plan period its title or opening lines name, or ``""``.

    ``山西省新基建三年行动计划（2023—2025年）`` gives ``"2025"``, ``"十五五"规划`` ``"2030"``:
    the year of a planned number whose section names none.
    """
    match = _PERIOD.search(text[:400])
    if match is None:
        return ""
    short = match.group(4) + match.group(5) if match.group(4) else ""
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


def _next_context(plain: str, context: _Context) -> _Context:
    """Return the context the sentences after ``plain`` share in its section."""
    goal = _GOAL_YEAR.search(plain)
    as_of = _AS_OF_YEAR.search(plain)
    if goal and (not as_of or goal.start() > as_of.start()):
        return context._replace(year=goal.group(1) or goal.group(2), status="planned")
    if as_of:
        return context._replace(year=as_of.group(1) or as_of.group(2), status="achieved")
    return context


def _timing(plain: str, offset: int, context: _Context) -> tuple[str, str, str]:
    """Return the year, date and status of a number, its section filling what it lacks.

    The section's year only stands in when the number's own status agrees with the section's
    (目前已建成 after 到2025年 is not a 2025 target); the plan's end year only stands in for
    a planned number (an achievement without a year is not dated to the plan's end).
    """
    timing = timing_at(plain, offset, "", context.today)
    status = timing.status if (timing.cue or not context.status) else context.status
    year = timing.year
    if not year and not timing.date:
        if context.status and status == context.status:
            year = context.year
        elif status == "planned":
            year = context.default_year
    return year, timing.date, status


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
    regions = find_regions(plain, province, language)
    skip = [(h.start, h.end) for h in regions.hits]
    metrics: dict[str, str] = {}
    for q in quantities:
        year, date, status = _timing(plain, q.start, context)
        match = _clause_regions(plain, q, regions, province, language)
        metric = metric_label(plain, q.start, q.end, q.unit, language, skip, _number_end(q))
        if metric in (q.unit, "数量", "count") and q.unit in metrics:
            metric = metrics[q.unit]  # 新建5G基站1.2万个，累计达到10.5万个
        metrics.setdefault(q.unit, metric)
        yield Proposal(
            id="",
            sentence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            value=q.value,
            unit=q.unit,
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
    """Return the regions the number's own clause names, else those of the sentence.

    A clause that names no region but speaks for the whole province (全省已建成5G基站16.8万个，
    合肥市累计建成4.2万个) is province-wide, whatever the rest of the sentence names.
    """
    lo, hi = clause_span(sentence, q.start, q.end, language, enumerations=False)
    own = [h for h in regions.hits if lo <= h.start and h.end <= hi and h.level != "province"]
    if not own and _PROVINCE_WIDE.search(sentence, lo, hi):
        return match_hits((), province)
    if not own or len(own) == len([h for h in regions.hits if h.level != "province"]):
        return regions
    return match_hits(own, province)


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
