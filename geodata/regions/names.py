"""Region codes and names as real data spells them, before any lookup.

A region's code comes as text or a number (``140100``, ``140100.0``) or as a 12-digit
statistical code (``140100000000``); its name in Chinese with or without the kind-of-division
suffix (太原市, 太原), or in English or pinyin (``Taiyuan City``, ``Lüliang``, ``Lvliang``).
:func:`normalise_code` and :func:`name_keys` fold them to the keys
:class:`geodata.regions.catalogue.RegionIndex` looks up; the tables here give the English
names and the extra spellings a machine cannot work out.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from geodata.paths import atomic_write_text

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


#: Bidirectional formatting characters: in a name they can make a label read backwards.
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def without_controls(text: str) -> str:
    """Return a name without control characters (NUL, newlines) and direction overrides.

    Tabs and line breaks become spaces; NUL, other C0/C1 controls and the bidirectional
    formatting characters (U+202E "right-to-left override" and its kin) are removed.
    """
    out = []
    for char in text:
        if char in "\t\r\n":
            out.append(" ")
        elif char in _BIDI_CONTROLS or unicodedata.category(char) == "Cc":
            continue
        else:
            out.append(char)
    return " ".join("".join(out).split())


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


def _syllables(name_zh: str, v_to_u: bool = False) -> list[str]:
    """Return the pinyin syllables of a Chinese name without its suffix (长 read as chang)."""
    from pypinyin import lazy_pinyin

    core = _zh_core(name_zh)
    syllables = lazy_pinyin(core, v_to_u=v_to_u)
    if core.startswith("长") and syllables:
        syllables[0] = "chang"
    return syllables


def spell_pinyin(name_zh: str) -> list[str]:
    """Return the pinyin spellings of a Chinese name, with ü written as ü, v, yu and u.

    Parameters
    ----------
    name_zh : str
        Chinese name, e.g. ``"吕梁市"``.

    Returns
    -------
    list of str
        The spellings of the name without its suffix, sorted: ``["luliang", "lvliang",
        "lyuliang"]``.
    """
    syllables = _syllables(name_zh)
    variants = {"".join(syllables)}
    if any("v" in s for s in syllables):
        for replacement in ("yu", "u", "v"):
            variants.add("".join(s.replace("v", replacement) for s in syllables))
    return sorted(variants)


def cached_spellings(cache: Path, names: Callable[[], Iterable[str]]) -> dict[str, list[str]]:
    """Return the pinyin spellings of many names, read from a cache file or spelled once.

    Spelling 3,000 names takes half a second (and importing pypinyin a quarter more), so the
    spellings are kept in ``cache``; a missing or damaged file is written again.

    Parameters
    ----------
    cache : Path
        The JSON file the spellings are kept in.
    names : callable
        Returns the Chinese names to spell; only called when the cache cannot be read.

    Returns
    -------
    dict
        Chinese name -> its spellings (:func:`spell_pinyin`).
    """
    try:
        return dict(json.loads(cache.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        pass
    spellings = {name: spell_pinyin(name) for name in names()}
    try:
        atomic_write_text(cache, json.dumps(spellings, ensure_ascii=False))
    except OSError:
        pass  # a read-only data directory only costs the spelling next time
    return spellings


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
    text = "".join(_syllables(name_zh, v_to_u=True))
    return text[:1].upper() + text[1:] if text else name_zh
