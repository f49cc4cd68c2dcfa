"""The regions a plan sentence names, within the province the plan is about.

Chinese sentences are scanned for the full names of the province's cities and counties (杭州市,
余杭区) and their short names (杭州, 余杭), longest first, so that in 杭州、宁波、温州、嘉兴市 the
final 市 belongs to 嘉兴 alone. Short names that are common words (城区, 新区, 路桥, 平安...) and
one-character short names never match; the province's own name means the whole province, and
names of other provinces and their cities only stop a shorter name matching inside them.
Traditional characters are converted for matching (spans stay on the original text). English
sentences are matched on English names and pinyin (``Lüliang``, ``Lvliang``, ``Lyuliang``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from geodata.errors import InputError
from geodata.regions.catalogue import Region, catalogue
from geodata.regions.names import CITY_EN, PROVINCE_ALIASES, PROVINCE_EN, spell_pinyin

#: Names that are words of plan prose, not regions, even where a district is so called.
COMMON_WORDS = frozenset(
    """城区 矿区 郊区 新区 开发区 高新区 市辖区 东区 西区 南区 北区 中区 新城区 新城 城关 城中
    城东 城西 城南 城北 市中 新市 高新 经开 开发 小店 平顺 路桥 天台 江山 安定 平安 复兴 新兴
    前进 友好 和平 红旗 向阳 太平 交口 光明 青山 海港 港口 长寿 安居 大兴 朝阳 滨海 河东 河西
    先锋 胜利 建设 文明 发展 和谐 中原 白云 永和 新华 长安 龙华 西湖 东方 三门 钱塘 普陀""".split()
)
#: Phrases in which a region's name is something else (长治久安 is not about 长治).
_BLOCKERS = ("长治久安", "大同小异", "太平洋", "定海神针", "中国", "全国", "全省", "钱塘江")
#: Characters after a two-character county name that make it a word (相应县级 is not 应县).
_WORD_AFTER = set("级城域委区乡镇长")
_ZH_SUFFIXES = {
    "province": ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"),
    "city": ("地区", "林区", "盟", "市"),
    "county": ("林区", "新区", "区", "县", "旗", "市"),
}
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[^族]{1,5}?族|蒙古|哈萨克|柯尔克孜)*自治[州县旗]$")
_EN_MIN_LETTERS = 4
_SCOPES = {"city": "cities", "county": "counties"}


@dataclass(frozen=True)
class RegionHit:
    """One region name found in a sentence.

    Attributes
    ----------
    name : str
        The name as written in the sentence.
    start, end : int
        Its span in the sentence.
    adcodes : tuple of str
        The regions it may mean (several when ambiguous; the province's code for its own name).
    level : str
        ``"province"``, ``"city"`` or ``"county"``.
    """

    name: str
    start: int
    end: int
    adcodes: tuple[str, ...]
    level: str


@dataclass(frozen=True)
class RegionMatch:
    """The regions of one sentence.

    Attributes
    ----------
    regions : tuple of str
        Adcodes in order of appearance; ``(province,)`` when the sentence names none.
    scope : str
        ``"cities"`` when all are cities, ``"counties"`` when any is a county, else
        ``"province"``.
    ambiguous : tuple of str
        Names that stay ambiguous within the province (城区 in Shanxi is two districts).
    hits : tuple of RegionHit
        Every name found, the province's own included.
    """

    regions: tuple[str, ...]
    scope: str
    ambiguous: tuple[str, ...]
    hits: tuple[RegionHit, ...]


@dataclass(frozen=True)
class _Entry:
    adcodes: tuple[str, ...]
    level: str  # "" for a blocker


def find_regions(sentence: str, province: str, language: str = "zh") -> RegionMatch:
    """Return the regions of ``province`` that a sentence names.

    Parameters
    ----------
    sentence : str
        One sentence of a plan document.
    province : str
        Adcode of the plan's province (``"330000"``).
    language : {"zh", "en"}
        The document's language.

    Returns
    -------
    RegionMatch

    Raises
    ------
    InputError
        When ``province`` is not the adcode of a provincial-level division.
    """
    if language == "en":
        hits = _english_hits(sentence, province)
    else:
        hits = _chinese_hits(sentence, province)
    return match_hits(hits, province)


def match_hits(hits: Iterable[RegionHit], province: str) -> RegionMatch:
    """Return the regions, scope and ambiguous names of some hits (``(province,)`` if none)."""
    hits = tuple(hits)
    named = _without_parents(hits)
    regions: list[str] = []
    ambiguous: list[str] = []
    levels = set()
    for hit in named:
        if hit.level == "province":
            continue
        if len(hit.adcodes) > 1:
            ambiguous.append(hit.name)
            continue
        if hit.adcodes[0] not in regions:
            regions.append(hit.adcodes[0])
            levels.add(hit.level)
    if not regions:
        return RegionMatch((province,), "province", tuple(dict.fromkeys(ambiguous)), tuple(hits))
    scope = "counties" if "county" in levels else "cities"
    return RegionMatch(tuple(regions), scope, tuple(dict.fromkeys(ambiguous)), tuple(hits))


def _without_parents(hits: tuple[RegionHit, ...]) -> list[RegionHit]:
    """Leave out a city written just before one of its counties (温州市鹿城区 is 鹿城区)."""
    kept: list[RegionHit] = []
    for i, hit in enumerate(hits):
        after = hits[i + 1] if i + 1 < len(hits) else None
        parent = (
            after is not None
            and hit.level == "city"
            and after.level == "county"
            and after.start == hit.end
            and len(hit.adcodes) == 1
            and all(code[:4] == hit.adcodes[0][:4] for code in after.adcodes)
        )
        if not parent:
            kept.append(hit)
    return kept


def check_province(province: str) -> str:
    """Return ``province`` if it is a provincial adcode, else raise :class:`InputError`."""
    if province not in _provinces():
        raise InputError(
            f"{province!r} is not a province's adcode: give one such as 140000 (Shanxi) or "
            "330000 (Zhejiang)"
        )
    return province


@lru_cache(maxsize=1)
def _provinces() -> dict[str, Region]:
    return {r.adcode: r for r in catalogue() if r.level == "province"}


def _own_regions(province: str) -> list[Region]:
    """Return the province's cities and counties, each adcode once at its highest level."""
    own_name = _provinces()[check_province(province)].name_zh
    seen: dict[str, Region] = {}
    for region in catalogue():
        if region.province != province or region.name_zh == own_name:
            continue
        if region.level in ("city", "county") and region.adcode not in seen:
            seen[region.adcode] = region
    return list(seen.values())


# --- Chinese -------------------------------------------------------------------------------


def short_name(name_zh: str, level: str) -> str:
    """Return a Chinese region name without its kind-of-division suffix, or ``""``.

    Parameters
    ----------
    name_zh : str
        The full name (``"嘉兴市"``, ``"延边朝鲜族自治州"``, ``"沁县"``).
    level : {"province", "city", "county"}
        Its level.

    Returns
    -------
    str
        ``"嘉兴"``, ``"延边"``; ``""`` when the short name would be one character (沁县).
    """
    autonomous = _AUTONOMOUS.match(name_zh)
    if autonomous:
        return autonomous.group(1)
    for suffix in _ZH_SUFFIXES[level]:
        if name_zh.endswith(suffix):
            core = name_zh[: -len(suffix)]
            return core if len(core) >= 2 else ""
    return ""


@lru_cache(maxsize=64)
def _chinese_table(province: str) -> tuple[dict[str, _Entry], int, frozenset[str]]:
    """Return the province's Chinese names (and blockers), the longest length, first chars."""
    table: dict[str, _Entry] = {}
    province_shorts = set()
    for code, region in _provinces().items():
        short = short_name(region.name_zh, "province")
        province_shorts.add(short)
        level = "province" if code == province else ""
        for name in (region.name_zh, short):
            if name:
                table[name] = _Entry((code,), level)
    for name in _BLOCKERS:
        table.setdefault(name, _Entry((), ""))
    for region in catalogue():
        if region.province != province and region.level == "city":
            table.setdefault(region.name_zh, _Entry((), ""))
    own = _own_regions(province)
    for names in (_full_names(own), _short_names(own, province_shorts)):
        for name, entry in names.items():
            if name not in COMMON_WORDS:
                table[name] = entry
    firsts = frozenset(name[0] for name in table)
    return table, max(len(name) for name in table), firsts


def _full_names(regions: list[Region]) -> dict[str, _Entry]:
    return _group((r.name_zh, r) for r in regions)


def _short_names(regions: list[Region], province_shorts: set[str]) -> dict[str, _Entry]:
    full = {r.name_zh for r in regions}
    pairs = []
    for region in regions:
        short = short_name(region.name_zh, region.level)
        if short and short not in full and short not in province_shorts:
            pairs.append((short, region))
    return _group(pairs)


def _group(pairs: Iterable[tuple[str, Region]]) -> dict[str, _Entry]:
    """Group regions by name: a city beats a county of the same name, equals are ambiguous."""
    by_name: dict[str, list[Region]] = {}
    for name, region in pairs:
        regions = by_name.setdefault(name, [])
        if region not in regions:
            regions.append(region)
    table = {}
    for name, regions in by_name.items():
        cities = [r for r in regions if r.level == "city"]
        chosen = cities or regions
        table[name] = _Entry(tuple(r.adcode for r in chosen), chosen[0].level)
    return table


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Return ``text`` in simplified characters, one character for one (spans stay valid)."""
    if text.isascii():
        return text
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    convert = _converter().convert
    return "".join(c if len(c := convert(ch)) == 1 else ch for ch in text)


def _chinese_hits(sentence: str, province: str) -> list[RegionHit]:
    table, longest, firsts = _chinese_table(province)
    text = to_simplified(sentence)
    hits = []
    i = 0
    while i < len(text) - 1:
        if text[i] not in firsts:
            i += 1
            continue
        entry, length = _longest_at(text, i, table, longest)
        if entry is None:
            i += 1
            continue
        if entry.level and not _is_word(text, i, length, entry):
            hits.append(
                RegionHit(sentence[i : i + length], i, i + length, entry.adcodes, entry.level)
            )
        i += length
    return hits


def _longest_at(
    text: str, i: int, table: dict[str, _Entry], longest: int
) -> tuple[_Entry | None, int]:
    for length in range(min(longest, len(text) - i), 1, -1):
        entry = table.get(text[i : i + length])
        if entry is not None:
            return entry, length
    return None, 0


def _is_word(text: str, i: int, length: int, entry: _Entry) -> bool:
    """Return True when a two-character county name is part of a word (相应县级)."""
    return (
        length == 2
        and entry.level == "county"
        and text[i + 1] in "县区市"
        and text[i + 2 : i + 3] in _WORD_AFTER
    )


# --- English -------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Return ``text`` lower-cased without accents, one character for one (ü -> u)."""
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch.lower())
            continue
        base = unicodedata.normalize("NFKD", ch)[:1].lower()
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


@lru_cache(maxsize=64)
def _english_table(province: str) -> tuple[dict[str, _Entry], re.Pattern[str] | None]:
    """Return the province's English names (folded) and a pattern matching any of them."""
    own = _own_regions(province)
    pairs = []
    for region in own:
        if region.name_zh in COMMON_WORDS:
            continue
        spellings = {region.name_en, *spell_pinyin(region.name_zh)}
        if region.level == "city" and region.adcode in CITY_EN:
            spellings.add(CITY_EN[region.adcode])
        pairs += [(_fold(s).replace(" ", ""), region) for s in spellings]
    table = {
        name: entry
        for name, entry in _group(pairs).items()
        if len(name) >= _EN_MIN_LETTERS and name.isalpha()
    }
    for name in (PROVINCE_EN[province], *PROVINCE_ALIASES.get(province, ())):
        table[_fold(name)] = _Entry((province,), "province")
    if not table:
        return table, None
    names = sorted(table, key=len, reverse=True)
    words = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return table, re.compile(rf"\b(?:{words})\b")


def _english_hits(sentence: str, province: str) -> list[RegionHit]:
    table, pattern = _english_table(province)
    if pattern is None:
        return []
    hits = []
    for found in pattern.finditer(_fold(sentence)):
        entry = table.get(re.sub(r"\s+", " ", found.group()))
        if entry is None:
            continue
        start, end = found.span()
        hits.append(RegionHit(sentence[start:end], start, end, entry.adcodes, entry.level))
    return hits
