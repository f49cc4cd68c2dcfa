"""The text encoding of a shapefile's table: declared, given, or detected from mojibake.

A shapefile without a ``.cpg`` says nothing of its encoding, and GDAL then reads Chinese text
written in GBK as Latin-1 accented letters. Such text is re-read in each of :data:`ENCODINGS`,
and the one whose names best resolve to regions is kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geodata.boundaries.importer.sources import Source, read_features
from geodata.errors import InputError
from geodata.messages import said
from geodata.regions.catalogue import national_index

if TYPE_CHECKING:
    import geopandas as gpd

#: Encodings tried, in order, on shapefile text that reads as mojibake.
ENCODINGS = ("UTF-8", "GB18030", "BIG5")
#: Chinese characters (CJK unified ideographs and extension A).
CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN1_HIGH = re.compile(r"[\u0080-\u00ff]")


def read_decoded(
    source: Source, layer: str, encoding: str | None, warnings: list[str]
) -> tuple[gpd.GeoDataFrame, str, str]:
    """Read a layer's features with their text decoded as well as can be told.

    Parameters
    ----------
    source : Source
        The opened file.
    layer : str
        The layer to read.
    encoding : str, optional
        The encoding the user gave (only a shapefile's is used).
    warnings : list of str
        Appended to when the encoding is ignored or no encoding fixes garbled text.

    Returns
    -------
    gdf : geopandas.GeoDataFrame
    encoding : str
        The encoding used (``"UTF-8"``, ``"GB18030"``...).
    encoding_source : str
        ``"file"`` (declared or implied by the format), ``"given"`` or ``"detected"``.
    """
    encoding_source, used = "file", "UTF-8"
    if encoding:
        encoding = gdal_encoding(encoding)
        if not source.is_shapefile:
            warnings.append(f"--encoding {encoding} was ignored: only shapefiles declare one")
            encoding = None
        else:
            encoding_source, used = "given", encoding
    gdf = read_features(source, layer, encoding)
    if not source.is_shapefile or encoding or source.has_cpg:
        return gdf, used, encoding_source
    if not looks_like_mojibake(gdf):
        return gdf, _declared_encoding(source, layer), encoding_source
    detected = detect_encoding(gdf)
    if detected is None:
        warnings.append(
            "the text looks garbled and no encoding fixed it: give the encoding with --encoding"
        )
        return gdf, "ISO-8859-1", encoding_source
    return read_features(source, layer, detected), detected, "detected"


def _declared_encoding(source: Source, layer: str) -> str:
    """Return the encoding GDAL read a shapefile without a ``.cpg`` in."""
    import pyogrio

    info = pyogrio.read_info(source.gdal_path, layer=layer)
    return str(info.get("encoding") or "ISO-8859-1").upper()


def gdal_encoding(name: str) -> str:
    """Return the iconv name GDAL understands for an encoding a user typed.

    Raises
    ------
    InputError
        When the name is not a text encoding.
    """
    import codecs

    try:
        canonical = codecs.lookup(name).name
    except LookupError as exc:
        raise InputError(said("import.unknown_encoding", given=repr(name))) from exc
    return {"iso8859-1": "ISO-8859-1", "utf-8": "UTF-8"}.get(canonical, canonical.upper())


def looks_like_mojibake(gdf: gpd.GeoDataFrame) -> bool:
    """Tell whether text holds Latin-1 accented letters and no Chinese (GBK read as Latin-1)."""
    texts = _texts(gdf)
    high = sum(bool(_LATIN1_HIGH.search(t)) for t in texts)
    cjk = sum(bool(CJK.search(t)) for t in texts)
    return high > 0 and cjk == 0 and high >= 0.3 * max(1, len([t for t in texts if t.strip()]))


def detect_encoding(gdf: gpd.GeoDataFrame) -> str | None:
    """Return the encoding the Latin-1 mojibake decodes best in, or None."""
    try:
        raw = [t.encode("latin-1") for t in _texts(gdf)]
    except UnicodeEncodeError:
        return None
    best, best_score = None, 0.0
    for rank, encoding in enumerate(ENCODINGS):
        try:
            decoded = [b.decode(encoding) for b in raw]
        except UnicodeDecodeError:
            continue
        chars = "".join(decoded)
        if not chars:
            continue
        cjk = len(CJK.findall(chars)) / len(chars)
        score = _resolved_share(decoded) * 2 + cjk - rank * 0.001
        if score > best_score:
            best, best_score = encoding, score
    return best


def _texts(gdf: gpd.GeoDataFrame) -> list[str]:
    """Return every text value of the features, column by column."""
    columns = [
        c
        for c in gdf.columns
        if c != gdf.geometry.name and gdf[c].map(lambda v: isinstance(v, str)).any()
    ]
    return [v for c in columns for v in gdf[c] if isinstance(v, str)]


def _resolved_share(values: list[str]) -> float:
    sample = [v for v in values if v.strip()][:200]
    if not sample:
        return 0.0
    return max(
        sum(bool(national_index(level).resolve(v).candidates) for v in sample) / len(sample)
        for level in ("city", "county")
    )
