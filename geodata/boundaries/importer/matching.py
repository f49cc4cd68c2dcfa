"""The regions of a boundary file: each feature matched to the catalogue by its code or name.

Codes are matched first; a feature without one is matched by its name in Chinese, pinyin or
English (:class:`geodata.regions.catalogue.RegionIndex`). The level and province, when the user
does not give them, are told from the codes or the matched regions; what could not be matched,
or was matched twice, is reported.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from geodata.boundaries.bundled import bundled_layer
from geodata.boundaries.importer.encoding import CJK
from geodata.boundaries.importer.fields import guess_code_field, guess_level, guess_name_field
from geodata.errors import InputError
from geodata.messages import said
from geodata.regions.catalogue import RegionIndex, national_index
from geodata.regions.names import PROVINCE_EN, normalise_code, without_controls
from geodata.vocab import LEVELS

if TYPE_CHECKING:
    import geopandas as gpd


@dataclass
class Match:
    """The features of a file matched to regions of one level.

    Attributes
    ----------
    level : str
        The level matched at, given or told from the codes and names.
    index : RegionIndex
        The national index of that level.
    code_field, name_field : str or None
        The fields the codes and names were read from.
    codes : list of str or None
        Each feature's code as an adcode (None when it has none).
    names : list
        Each feature's raw name (None without a name field).
    adcodes : list of str or None
        Each feature's region (None when it matched none, or more than one).
    province : str or None
        The province the user named (it decided shared names), if any.
    """

    level: str
    index: RegionIndex
    code_field: str | None
    name_field: str | None
    codes: list[str | None]
    names: list[Any]
    adcodes: list[str | None]
    province: str | None = None


def match_regions(
    gdf: gpd.GeoDataFrame,
    label: str,
    fields: list[str],
    name_field: str | None,
    code_field: str | None,
    level: str | None,
    warnings: list[str],
    province: str | None = None,
) -> Match:
    """Match each feature to a region by its code, or else by its name.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        The file's features.
    label : str
        The file name, for messages.
    fields : list of str
        The file's attribute fields.
    name_field, code_field : str or None
        The fields the user gave for the names and codes; guessed when None.
    level : str, optional
        The level to match at; told from the codes, else from the matched names, when None.
    warnings : list of str
        Appended to when the code field holds no codes, or the level is a guess.
    province : str, optional
        The province the user named: it decides names several regions share (Taizhou).

    Returns
    -------
    Match

    Raises
    ------
    InputError
        When no field of codes or names can be found.
    """
    code_field = code_field or guess_code_field(gdf)
    codes = [normalise_code(v) for v in gdf[code_field]] if code_field else [None] * len(gdf)
    if code_field and not any(codes):
        warnings.append(f"the field {code_field} holds no 6- or 12-digit codes")
    if level is None:
        level = guess_level(codes)
    name_field = name_field or guess_name_field(gdf, level)
    if code_field is None and name_field is None:
        listed = ", ".join(fields) or said("import.no_fields_none")
        raise InputError(
            said("import.no_fields_at", label=label, level=said(f"level.{level}"), fields=listed)
            if level in LEVELS
            else said("import.no_fields", label=label, fields=listed)
        )
    names = _clean_names(list(gdf[name_field]), warnings) if name_field else [None] * len(gdf)
    index_level = level or "city"
    index = national_index(index_level)
    adcodes = [
        index.resolve(c if c else n, province).adcode for c, n in zip(codes, names, strict=True)
    ]
    if level is None:
        level = guess_level(adcodes)
        if level is None:
            level = "city"
            warnings.append("the level could not be told from the codes or names; taken as city")
        elif level != index_level:
            index = national_index(level)
            adcodes = [index.resolve(n, province).adcode for n in names]
    return Match(level, index, code_field, name_field, codes, names, adcodes, province)


def _clean_names(names: list[Any], warnings: list[str]) -> list[Any]:
    """Return the names without control or text-direction characters; warn of those cleaned."""
    cleaned, out = [], []
    for i, name in enumerate(names):
        if isinstance(name, str) and name != without_controls(name):
            name = without_controls(name)
            cleaned.append(i + 1)
        out.append(name)
    if cleaned:
        listed = ", ".join(map(str, cleaned[:5])) + ("..." if len(cleaned) > 5 else "")
        warnings.append(
            f"{len(cleaned)} names held control or text-direction characters, removed "
            f"(feature {listed})"
        )
    return out


def dominant_province(adcodes: list[str | None], level: str, warnings: list[str]) -> str | None:
    """Return the province nine in ten of the regions belong to, or None for a national layer.

    Parameters
    ----------
    adcodes : list of str or None
        The matched regions.
    level : str
        Their level (for the message).
    warnings : list of str
        Appended to when the regions span several provinces.
    """
    provinces = Counter(c[:2] + "0000" for c in adcodes if c)
    if not provinces:
        return None
    top, top_count = provinces.most_common(1)[0]
    if top_count >= 0.9 * sum(provinces.values()):
        if len(provinces) > 1:
            warnings.append(
                "the regions belong to several provinces; taken as "
                f"{PROVINCE_EN.get(top, top)} (give --province to choose)"
            )
        return top
    # no province dominates: a national (or multi-province) layer of this level
    warnings.append(
        f"the regions belong to {len(provinces)} provinces: stored as a national "
        f"{level} layer (give --province to keep one province's regions as its layer)"
    )
    return None


def region_names(match: Match, warnings: list[str]) -> tuple[list[str], list[str]]:
    """Return the Chinese and English name of each feature.

    A feature keeps the name in its file, but a blank or pinyin name of the region it matched
    becomes that region's Chinese name. A name that could mean several regions is warned of.

    Returns
    -------
    names_zh, names_en : list of str
    """
    names_zh, names_en = [], []
    for i, (raw_name, adcode) in enumerate(zip(match.names, match.adcodes, strict=True)):
        region = match.index.by_code.get(adcode) if adcode else None
        blank = raw_name is None or (isinstance(raw_name, float) and math.isnan(raw_name))
        text = "" if blank else str(raw_name).strip()
        if region is not None and (
            not text or (not CJK.search(text) and match.index.resolve(text).adcode == adcode)
        ):
            text = region.name_zh  # a blank or pinyin name of this region: the Chinese name
        names_zh.append(text)
        names_en.append(region.name_en if region else "")
        if not adcode:
            found = match.index.resolve(match.codes[i] or raw_name, match.province)
            if found.ambiguous:
                options = ", ".join(match.index.describe(c) for c in found.candidates[:4])
                warnings.append(
                    f"feature {i + 1} {raw_name!r} could be {options}: "
                    "give --province or a code field"
                )
    return names_zh, names_en


def unmatched_and_duplicates(match: Match, names_zh: list[str]) -> list[str]:
    """Return warnings of the features that matched no region, and of regions matched twice."""
    warnings = []
    unmatched = [names_zh[i] or f"feature {i + 1}" for i, c in enumerate(match.adcodes) if not c]
    if unmatched:
        warnings.append(
            f"{len(unmatched)} features match no {match.level} region: "
            f"{', '.join(repr(n) for n in unmatched[:5])}{'...' if len(unmatched) > 5 else ''}"
        )
    duplicates = {c: n for c, n in Counter(c for c in match.adcodes if c).items() if n > 1}
    if duplicates:
        listed = ", ".join(f"{c} ({n} times)" for c, n in sorted(duplicates.items())[:6])
        warnings.append(f"duplicate region codes: {listed}; check the file")
    return warnings


def province_bounds(province: str) -> tuple[float, float, float, float] | None:
    """Return the bounds in degrees of a province's bundled boundary, or None if unknown."""
    gdf = bundled_layer("province").gdf
    rows = gdf[gdf["adcode"] == province]
    if rows.empty:
        return None
    return tuple(float(v) for v in rows.total_bounds)  # type: ignore[return-value]


def outside_province(gdf: gpd.GeoDataFrame, names_zh: list[str], province: str) -> list[str]:
    """Return a warning of the features (in WGS-84) that lie outside a province's bounds."""
    import shapely

    box = province_bounds(province)
    if box is None:
        return []
    area = shapely.box(box[0] - 0.1, box[1] - 0.1, box[2] + 0.1, box[3] + 0.1)
    outside = [
        names_zh[i] or f"feature {i + 1}"
        for i, g in enumerate(gdf.geometry.values)
        if not g.intersects(area)
    ]
    if not outside:
        return []
    return [
        f"{len(outside)} features lie outside {PROVINCE_EN.get(province, province)} "
        f"({', '.join(repr(n) for n in outside[:5])}): check the CRS and datum"
    ]
