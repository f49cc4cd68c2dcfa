"""Import a boundary file a planner supplies: format, CRS, datum, encoding, fields, geometry.

:func:`inspect_boundary_file` reads any polygon file GDAL reads through pyogrio (shapefile loose
or zipped, GeoJSON, GeoPackage, KML/KMZ, FlatGeobuf), and returns an :class:`ImportResult`: the
WGS-84 :class:`~geodata.layer.Layer` and a report of every decision taken (the CRS read or
guessed, the text encoding, the name and code fields, repaired polygons, warnings). Nothing is
stored here: :mod:`geodata.boundaries.store` stores an accepted result as a new boundary version.

Each step has its module: :mod:`~geodata.boundaries.importer.sources` opens the file and
chooses its layer, :mod:`~geodata.boundaries.importer.encoding` decodes its text,
:mod:`~geodata.boundaries.importer.geometry` keeps and repairs its polygons,
:mod:`~geodata.boundaries.importer.fields` and :mod:`~geodata.boundaries.importer.matching` find
its code and name fields and match its features to regions, and :mod:`geodata.crs.guess` names
its CRS or guesses a missing one from the coordinates.

Every problem the user can fix raises :class:`~geodata.errors.InputError` with one sentence that
says what is wrong and what to do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.boundaries.bundled import bundled_layer
from geodata.boundaries.importer.encoding import read_decoded
from geodata.boundaries.importer.fields import attribute_fields, check_given_fields, preview
from geodata.boundaries.importer.geometry import check_geometry
from geodata.boundaries.importer.matching import (
    Match,
    dominant_province,
    match_regions,
    outside_province,
    province_bounds,
    region_names,
    unmatched_and_duplicates,
)
from geodata.boundaries.importer.plausibility import misplaced_codes, missing_regions
from geodata.boundaries.importer.sources import (
    Source,
    choose_layer,
    file_hash,
    list_layers,
    open_source,
)
from geodata.crs.guess import crs_label, guess_crs, parse_crs
from geodata.errors import InputError
from geodata.layer import Layer
from geodata.messages import said
from geodata.regions.catalogue import resolve_province
from geodata.vocab import LEVELS

if TYPE_CHECKING:
    import geopandas as gpd


@dataclass
class ImportResult:
    """A boundary file read and checked, not yet stored.

    Attributes
    ----------
    layer : Layer
        The region layer in WGS-84 (``version`` is ``"new"`` until it is stored).
    source : str
        The file name.
    sha256 : str
        Hash of the file's bytes (of all the parts of a loose shapefile).
    layer_name : str or None
        The layer read inside the file.
    layers : list of str
        Every layer of the file.
    crs_in : str
        The CRS of the file (``"EPSG:4547"``), as read, given or guessed.
    crs_source : str
        ``"file"``, ``"given"`` or ``"guessed"``.
    crs_description : str
        The CRS's name, e.g. ``"CGCS2000 / 3-degree Gauss-Kruger CM 114E"``.
    encoding : str
        The text encoding used (``"UTF-8"``, ``"GB18030"``...).
    encoding_source : str
        ``"file"`` (declared or implied by the format), ``"given"`` or ``"detected"``.
    fields : list of str
        The attribute fields of the file.
    preview : list of dict
        The first rows of the attributes, as text.
    repaired : int
        Invalid polygons repaired.
    warnings : list of str
        Problems the user should know of; the import can still be accepted.
    """

    layer: Layer
    source: str
    sha256: str
    layer_name: str | None
    layers: list[str]
    crs_in: str
    crs_source: str
    crs_description: str
    encoding: str
    encoding_source: str
    fields: list[str]
    preview: list[dict[str, str]]
    repaired: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def regions(self) -> list[dict[str, str | None]]:
        """Return ``[{code, name}]`` of every feature, in file order."""
        gdf = self.layer.gdf
        return [
            {"code": _text_or_none(code), "name": _text_or_none(name)}
            for code, name in zip(gdf["adcode"], gdf["name_zh"], strict=True)
        ]

    def report(self) -> dict[str, Any]:
        """Return the import report as a JSON-ready dict (the CLI's keys, and more)."""
        return {
            "source": self.source,
            "sha256": self.sha256,
            "layer_name": self.layer_name,
            "layers": list(self.layers),
            "features": len(self.layer),
            "level": self.layer.level,
            "province": self.layer.province,
            "crs_in": self.crs_in,
            "crs_source": self.crs_source,
            "crs_description": self.crs_description,
            "crs_out": "EPSG:4326",
            "datum_in": self.layer.datum_in,
            "encoding": self.encoding,
            "encoding_source": self.encoding_source,
            "name_field": self.layer.name_field,
            "code_field": self.layer.code_field,
            "fields": list(self.fields),
            "preview": [dict(row) for row in self.preview],
            "repaired": self.repaired,
            "warnings": list(self.warnings),
            "regions": self.regions,
        }


def _text_or_none(value: object) -> str | None:
    """Return a cell as text, None for a missing one (a NaN never reaches JSON)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


def inspect_boundary_file(
    path: str | Path,
    *,
    level: str | None = None,
    province: str | None = None,
    name_field: str | None = None,
    code_field: str | None = None,
    crs: str | None = None,
    datum: str = "wgs84",
    encoding: str | None = None,
    layer: str | None = None,
) -> ImportResult:
    """Read and check a boundary file without storing anything.

    Parameters
    ----------
    path : str or Path
        A shapefile (``.shp`` or a ``.zip`` of one or several), GeoJSON, GeoPackage, KML/KMZ or
        FlatGeobuf file.
    level : {"province", "city", "county"}, optional
        Guessed from the codes when not given.
    province : str, optional
        Province name or adcode the file covers; guessed from the codes when not given.
    name_field, code_field : str, optional
        The fields holding the region names and codes; guessed when not given.
    crs : str, optional
        The file's CRS (``"EPSG:4547"``), overriding the one in the file or the guess.
    datum : {"wgs84", "gcj02", "bd09"}
        Datum of the coordinates (AMap and Tencent data are GCJ-02, Baidu's BD-09).
    encoding : str, optional
        Text encoding of a shapefile's table; detected when not given.
    layer : str, optional
        The layer inside a multi-layer file or zip.

    Returns
    -------
    ImportResult

    Raises
    ------
    InputError
        With one sentence saying what is wrong and what to do;
        :class:`~geodata.boundaries.importer.sources.LayerChoiceError` when the file holds
        several layers and ``layer`` does not pick one.
    """
    options = _checked_options(level, province, crs, datum)
    warnings: list[str] = []
    read = _read_file(Path(path), layer, encoding, warnings)
    label = read.source.label
    gdf, file_crs = _without_false_degrees(read.gdf, options.crs)
    gdf, repaired, geometry_warnings = check_geometry(gdf, label)
    warnings += geometry_warnings
    check_given_fields(label, read.fields, name_field, code_field)
    match = match_regions(
        gdf, label, read.fields, name_field, code_field, level, warnings, options.province
    )
    regional = _regional_province(match, options.province, warnings)
    hint = province_bounds(regional) if regional else None
    gdf, crs_source = _with_crs(gdf, label, options.crs, file_crs, hint, warnings)
    crs_in, crs_description = crs_label(gdf.crs), gdf.crs.name
    gdf = _to_wgs84(gdf, label, crs_in, options.datum)
    names_zh, names_en = region_names(match, warnings)
    warnings += unmatched_and_duplicates(match, names_zh)
    if regional:
        warnings += outside_province(gdf, names_zh, regional)
    warnings += _plausibility(gdf, match, regional)
    names = (names_zh, names_en)
    return ImportResult(
        layer=_result_layer(gdf, match, names, regional, label, options.datum, warnings),
        source=label,
        sha256=file_hash(read.source.hash_paths),
        layer_name=read.layer_name,
        layers=read.layers,
        crs_in=crs_in,
        crs_source=crs_source,
        crs_description=crs_description,
        encoding=read.encoding,
        encoding_source=read.encoding_source,
        fields=read.fields,
        preview=read.preview,
        repaired=repaired,
        warnings=warnings,
    )


def _plausibility(gdf: gpd.GeoDataFrame, match: Match, regional: str | None) -> list[str]:
    """Warn of codes on another region's polygon and of the province's regions missing.

    Compared with the bundled layer of the same level: the province's cities or counties for a
    regional layer, China's provinces for a province layer (a national city or county layer is
    not compared: its reference would cost more than the import).
    """
    if match.level == "province":
        reference = bundled_layer("province")
    elif regional:
        reference = bundled_layer(match.level, regional)
    else:
        return []
    warnings = misplaced_codes(gdf, match.adcodes, reference)
    if regional:
        warnings += missing_regions(match.adcodes, reference)
    return warnings


def read_boundary_file(path: str | Path, **options: Any) -> Layer:
    """Read a boundary file into a WGS-84 region layer, storing nothing (``join``, ``map``).

    Takes the options of :func:`inspect_boundary_file`; the layer's warnings are kept in
    ``Layer.warnings`` and its ``version`` is ``"file"``.
    """
    layer = inspect_boundary_file(path, **options).layer
    layer.version = "file"
    return layer


@dataclass
class _Options:
    """The options of an import, checked: the datum, the province's adcode, the CRS given."""

    datum: str
    province: str | None
    crs: Any


def _checked_options(
    level: str | None, province: str | None, crs: str | None, datum: str
) -> _Options:
    from geodata.crs.datum import normalise_datum

    if level is not None and level not in LEVELS:
        raise InputError(said("import.unknown_level", given=repr(level), choices=", ".join(LEVELS)))
    try:
        source_datum = normalise_datum(datum)
    except ValueError as exc:
        raise InputError(said("import.unknown_datum", given=repr(datum))) from exc
    province_code = resolve_province(province) if province else None
    return _Options(source_datum, province_code, parse_crs(crs) if crs else None)


@dataclass
class _FileRead:
    """A file opened, its layer chosen and its features read with their text decoded."""

    source: Source
    layers: list[str]
    layer_name: str
    gdf: gpd.GeoDataFrame
    encoding: str
    encoding_source: str
    fields: list[str]
    preview: list[dict[str, str]]


def _read_file(
    path: Path, layer: str | None, encoding: str | None, warnings: list[str]
) -> _FileRead:
    source = open_source(path, layer)
    layers = list_layers(source)
    inner = layer
    if source.member is not None and layer in (source.member, Path(source.member).stem):
        inner = None  # the layer named the zip member
    layer_name = choose_layer(source, layers, inner)
    gdf, used_encoding, encoding_source = read_decoded(source, layer_name, encoding, warnings)
    if gdf.empty:
        raise InputError(f"{source.label} holds no features: choose a file with region polygons")
    listed = source.choices if len(source.choices) > 1 else [n for n, _ in layers]
    return _FileRead(
        source,
        listed,
        layer_name,
        gdf,
        used_encoding,
        encoding_source,
        attribute_fields(gdf),
        preview(gdf),
    )


def _regional_province(match: Match, given: str | None, warnings: list[str]) -> str | None:
    """Return the province a city or county layer covers: given, or that of nine in ten regions.

    None for a province layer, and for a layer whose regions span the country.
    """
    if match.level == "province":
        return None
    if given is not None:
        return given
    return dominant_province(match.adcodes, match.level, warnings)


def _without_false_degrees(gdf: gpd.GeoDataFrame, given_crs: Any) -> tuple[gpd.GeoDataFrame, Any]:
    """Return the features and their file's CRS, forgetting degrees that are really metres."""
    file_crs = gdf.crs
    if file_crs is not None and file_crs.is_geographic and given_crs is None:
        minx, miny, maxx, maxy = (float(v) for v in gdf.total_bounds)
        if not (-180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90):
            # GeoJSON without "crs" is read as degrees; these are metres
            return gdf.set_crs(None, allow_override=True), None
    return gdf, file_crs


def _with_crs(
    gdf: gpd.GeoDataFrame,
    label: str,
    given_crs: Any,
    file_crs: Any,
    hint: tuple[float, float, float, float] | None,
    warnings: list[str],
) -> tuple[gpd.GeoDataFrame, str]:
    """Return the features with their CRS (given, the file's, or guessed) and where it came from."""
    if given_crs is not None:
        return gdf.set_crs(given_crs, allow_override=True), "given"
    if file_crs is not None:
        return gdf, "file"
    guessed, why = guess_crs(gdf, label, hint)
    warnings.append(said("crs.guessed", why=why, crs=crs_label(guessed), name=guessed.name))
    return gdf.set_crs(guessed), "guessed"


def _to_wgs84(gdf: gpd.GeoDataFrame, label: str, crs_in: str, datum: str) -> gpd.GeoDataFrame:
    """Reproject the features to WGS-84 longitude/latitude, and convert them from ``datum``."""
    from geodata.crs.datum import convert_geometries

    try:
        gdf = gdf.to_crs("EPSG:4326")
    except Exception as exc:  # pyproj refuses some transformations
        raise InputError(
            said("import.reproject", label=label, crs=crs_in, reason=str(exc))
        ) from exc
    bounds = gdf.total_bounds
    if not all(math.isfinite(float(v)) for v in bounds) or not (
        -180 <= bounds[0] and bounds[2] <= 180 and -90 <= bounds[1] and bounds[3] <= 90
    ):
        raise InputError(said("import.off_globe", label=label, crs=crs_in))
    if datum == "wgs84":
        return gdf
    geometries = convert_geometries(gdf.geometry.values, datum, "wgs84")
    return gdf.set_geometry(geometries, crs="EPSG:4326")


def _result_layer(
    gdf: gpd.GeoDataFrame,
    match: Match,
    names: tuple[list[str], list[str]],
    province: str | None,
    label: str,
    datum: str,
    warnings: list[str],
) -> Layer:
    """Return the region layer of an import: the matched codes, the names, the WGS-84 polygons."""
    import geopandas as gpd

    names_zh, names_en = names
    out = gpd.GeoDataFrame(
        {"adcode": match.adcodes, "name_zh": names_zh, "name_en": names_en},
        geometry=gdf.geometry.values,
        crs="EPSG:4326",
    )
    return Layer(
        gdf=out,
        level=match.level,
        province=province,
        source=label,
        datum_in=datum,
        code_field=match.code_field,
        name_field=match.name_field,
        warnings=list(warnings),
        version="new",
    )
