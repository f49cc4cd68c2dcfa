"""The attribute fields of a boundary file: which holds the codes, which the names, the preview.

A field is taken for the codes when most of its values are 6- or 12-digit region codes, and for
the names when its values best resolve to regions of the catalogue; a field named like one
(``QHDM``, ``NAME``...) wins a tie.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from geodata.errors import InputError
from geodata.messages import said
from geodata.regions.catalogue import national_index
from geodata.regions.names import normalise_code
from geodata.vocab import LEVELS

if TYPE_CHECKING:
    import geopandas as gpd

#: Rows shown in the preview.
PREVIEW_ROWS = 5
_NAME_HINTS = (
    "name",
    "名称",
    "name_zh",
    "name_cn",
    "mc",
    "qhmc",
    "xzqmc",
    "city",
    "county",
    "region",
)
_CODE_HINTS = ("adcode", "code", "gb", "pac", "dm", "qhdm", "xzqdm", "区划代码", "代码", "id")


def attribute_fields(gdf: gpd.GeoDataFrame) -> list[str]:
    """Return the names of the attribute fields (every column but the geometry)."""
    return [str(c) for c in gdf.columns if c != gdf.geometry.name]


def check_given_fields(
    label: str, fields: list[str], name_field: str | None, code_field: str | None
) -> None:
    """Refuse a name or code field the user gave that the file does not have.

    Raises
    ------
    InputError
        Naming the fields the file has.
    """
    for given, kind in ((name_field, "name"), (code_field, "code")):
        if given is not None and given not in fields:
            listed = ", ".join(fields) or said("import.no_fields_listed")
            raise InputError(
                said(f"import.no_{kind}_field", label=label, given=repr(given), fields=listed)
            )


def guess_code_field(gdf: gpd.GeoDataFrame) -> str | None:
    """Return the column most of whose values are 6- or 12-digit codes, or None.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        The file's features.

    Returns
    -------
    str or None
    """
    best, best_share = None, 0.0
    for column in gdf.columns:
        if column == gdf.geometry.name:
            continue
        values = gdf[column].dropna()
        if values.empty:
            continue
        share = sum(normalise_code(v) is not None for v in values) / len(values)
        bonus = 0.01 if str(column).lower() in _CODE_HINTS else 0.0
        if share + bonus > best_share and share >= 0.8:
            best, best_share = column, share + bonus
    return best


def guess_name_field(gdf: gpd.GeoDataFrame, level: str | None = None) -> str | None:
    """Return the text column whose values best resolve to region names, or None.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        The file's features.
    level : str, optional
        The administrative level the names are resolved at (all levels when not given).

    Returns
    -------
    str or None
    """
    levels = [level] if level else list(LEVELS)
    best, best_score = None, 0.0
    for column in gdf.columns:
        if column == gdf.geometry.name:
            continue
        values = [v for v in gdf[column].dropna() if isinstance(v, str) and v.strip()]
        if not values or len(values) < 0.5 * len(gdf):
            continue
        if all(normalise_code(v) is not None for v in values):
            continue
        sample = values[:200]
        score = max(
            sum(bool(national_index(lvl).resolve(v).candidates) for v in sample) / len(sample)
            for lvl in levels
        )
        score += 0.01 if str(column).lower() in _NAME_HINTS else 0.0
        if score > best_score:
            best, best_score = column, score
    return best if best_score >= 0.3 else None


def guess_level(codes: list[str | None]) -> str | None:
    """Return the level the adcodes share (``"province"``, ``"city"``, ``"county"``), or None.

    Parameters
    ----------
    codes : list of str or None
        Adcodes; None for a value that is not one.

    Returns
    -------
    str or None
        None when no value is an adcode.
    """
    known = [c for c in codes if c]
    if not known:
        return None
    if all(c.endswith("0000") for c in known):
        return "province"
    if all(c.endswith("00") for c in known):
        return "city"
    return "county"


def preview(gdf: gpd.GeoDataFrame, rows: int = PREVIEW_ROWS) -> list[dict[str, str]]:
    """Return the first rows of the attributes as text (at most 80 characters a value)."""
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    out = []
    for i in range(min(rows, len(gdf))):
        row = {}
        for c in columns:
            v = gdf[c].iloc[i]
            text = "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
            row[str(c)] = text[:80]
        out.append(row)
    return out
