"""Import a boundary file a planner supplies: format, CRS, datum, encoding, fields, geometry.

:func:`inspect_boundary_file` reads any polygon file GDAL reads through pyogrio (shapefile loose
or zipped, GeoJSON, GeoPackage, KML/KMZ, FlatGeobuf), and returns an :class:`ImportResult`: the
WGS-84 :class:`~geodata.layer.Layer` and a report of every decision taken (the CRS read or
guessed, the text encoding, the name and code fields, repaired polygons, warnings). Nothing is
stored here: :mod:`geodata.boundaries.store` stores an accepted result as a new boundary version.

Every problem the user can fix raises :class:`~geodata.errors.InputError` with one sentence that
says what is wrong and what to do.

CRS guess (for a file without one)
----------------------------------
The coordinate ranges decide. Degrees within +-180/+-90 are longitude/latitude (WGS-84; CGCS2000
is the same at map scale). Eastings of 13-23 million or 25-45 million are CGCS2000 Gauss-Kruger
6-degree or 3-degree zones with the zone number in front (EPSG:4491-4501, 4513-4533). Eastings
within 0-1,000,000 are a 3-degree zone without the zone number (EPSG:4534-4554); its central
meridian is the one nearest the province the codes or ``province`` name. Eastings of 8-15.5
million with northings of 0.3-7.5 million may also be web mercator (EPSG:3857). Each candidate is
scored by how well the projected bounds fall on the province (or on China), and the best is used;
the report says which, and ``crs`` overrides it.
"""

from __future__ import annotations

import hashlib
import math
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.errors import InputError
from geodata.layer import Layer
from geodata.regions.catalogue import PROVINCE_EN, national_index, normalise_code
from geodata.vocab import LEVELS

if TYPE_CHECKING:
    import geopandas as gpd

#: File types the importer reads, by suffix (shown in messages and file dialogs).
SUFFIXES = (".shp", ".zip", ".geojson", ".json", ".gpkg", ".kml", ".kmz", ".fgb")
FORMATS_TEXT = "a shapefile (loose or zipped), GeoJSON, GeoPackage, KML/KMZ or FlatGeobuf"
#: Encodings tried, in order, on shapefile text that reads as mojibake.
ENCODINGS = ("UTF-8", "GB18030", "BIG5")
#: Rows shown in the preview.
PREVIEW_ROWS = 5
#: Rough bounds of China in degrees (lon min, lat min, lon max, lat max).
CHINA_BOUNDS = (73.0, 3.0, 136.0, 54.0)
_VECTOR_MEMBERS = (".shp", ".geojson", ".json", ".gpkg", ".kml", ".fgb")
_POLYGONAL = ("Polygon", "MultiPolygon")
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN1_HIGH = re.compile(r"[\u0080-\u00ff]")


class LayerChoiceError(InputError):
    """The file holds several layers and none was chosen.

    Attributes
    ----------
    layers : list of str
        The layer names to choose from.
    """

    def __init__(self, message: str, layers: list[str]) -> None:
        super().__init__(message)
        self.layers = layers


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
            {"code": code, "name": name}
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


# ---------------------------------------------------------------------------- opening the file
@dataclass
class _Source:
    """Where GDAL reads from, and what the file system told us about it."""

    gdal_path: str
    label: str
    is_shapefile: bool
    has_cpg: bool
    hash_paths: list[Path]
    member: str | None = None
    choices: list[str] = field(default_factory=list)


def _sibling(path: Path, suffix: str) -> Path | None:
    for candidate in path.parent.glob(path.stem + ".*"):
        if candidate.suffix.lower() == suffix:
            return candidate
    return None


def _open_zip(path: Path, member: str | None) -> _Source:
    """Check a zip's contents and return the vector member to read."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputError(
            f"{path.name} is not a readable zip archive (it may be truncated or damaged): "
            "download or copy it again"
        ) from exc
    with archive:
        try:
            bad = archive.testzip()
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise InputError(f"{path.name} is damaged ({exc}): download or copy it again") from exc
        if bad is not None:
            raise InputError(f"{path.name} is damaged at {bad}: download or copy it again")
        names = [n for n in archive.namelist() if not n.endswith("/") and "__MACOSX" not in n]
    lower = {n.lower(): n for n in names}
    vectors = [n for n in names if n.lower().endswith(".shp")]
    if not vectors:  # no shapefile: another vector format (a stray .json beside a .shp is not)
        vectors = [n for n in names if Path(n).suffix.lower() in _VECTOR_MEMBERS]
    if path.suffix.lower() == ".kmz":
        kml = [n for n in names if n.lower().endswith(".kml")]
        if not kml:
            raise InputError(f"{path.name} holds no .kml document: export the KMZ again")
        return _Source(f"/vsizip/{path}/{kml[0]}", path.name, False, True, [path])
    if not vectors:
        listed = ", ".join(names[:8]) or "nothing"
        raise InputError(
            f"the zip {path.name} holds {listed} but no boundary file: "
            f"zip {FORMATS_TEXT} and try again"
        )
    for shp in (n for n in vectors if n.lower().endswith(".shp")):
        stem = shp[: -len(".shp")]
        for part in (".dbf", ".shx"):
            if (stem + part).lower() not in lower:
                raise InputError(
                    f"the zip {path.name} holds {Path(shp).name} but no {Path(stem).name}{part}: "
                    f"add the {part} and try again"
                )
    if member is not None:
        match = [n for n in vectors if n == member or Path(n).stem == member]
        chosen = match[0] if match else None
    elif len(vectors) == 1:
        chosen = vectors[0]
    else:
        chosen = None
    if chosen is None:
        stems = [Path(n).stem for n in vectors]
        wanted = f"no layer {member!r}; " if member else ""
        raise LayerChoiceError(
            f"the zip {path.name} holds {wanted}{len(vectors)} boundary files "
            f"({', '.join(stems)}): choose one with --layer",
            stems,
        )
    is_shp = chosen.lower().endswith(".shp")
    has_cpg = (chosen[: -len(".shp")] + ".cpg").lower() in lower if is_shp else True
    stems = [Path(n).stem for n in vectors]
    return _Source(f"/vsizip/{path}/{chosen}", path.name, is_shp, has_cpg, [path], chosen, stems)


def _open(path: Path, member: str | None) -> _Source:
    if not path.exists():
        raise InputError(f"{path} does not exist: check the path and try again")
    if path.is_dir():
        raise InputError(f"{path} is a folder: choose the boundary file inside it")
    if path.stat().st_size == 0:
        raise InputError(f"{path.name} is empty (0 bytes): choose the complete file")
    suffix = path.suffix.lower()
    if suffix in (".zip", ".kmz"):
        return _open_zip(path, member)
    if suffix == ".shp":
        parts = [path]
        for part in (".dbf", ".shx"):
            found = _sibling(path, part)
            if found is None:
                raise InputError(
                    f"{path.name} has no {path.stem}{part} beside it: "
                    f"put the {part} in the same folder and try again"
                )
            parts.append(found)
        extra = [p for p in (_sibling(path, ".prj"), _sibling(path, ".cpg")) if p is not None]
        has_cpg = _sibling(path, ".cpg") is not None
        return _Source(str(path), path.name, True, has_cpg, parts + extra)
    if suffix == ".dbf":
        raise InputError(f"{path.name} is the table of a shapefile: choose the .shp beside it")
    return _Source(str(path), path.name, False, True, [path])


def _sha256(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as f:
            for chunk in iter(lambda f=f: f.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def _list_layers(source: _Source) -> list[tuple[str, str]]:
    import pyogrio

    try:
        layers = pyogrio.list_layers(source.gdal_path)
    except Exception as exc:  # pyogrio raises DataSourceError and friends
        raise InputError(
            f"{source.label} could not be read as a boundary file ({_gdal_reason(exc)}): "
            f"choose {FORMATS_TEXT}"
        ) from exc
    return [(str(name), str(kind)) for name, kind in layers]


def _gdal_reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    if "not recognized as being in a supported file format" in text:
        return "not a vector format GDAL recognises"
    text = re.sub(r"'?(/vsizip/|/)[^\s']*'?", "", text).strip(" :;,.")
    text = text.split(";")[0].strip()
    return (text[:120] + "...") if len(text) > 120 else text or type(exc).__name__


def _choose_layer(source: _Source, layers: list[tuple[str, str]], wanted: str | None) -> str:
    names = [name for name, _ in layers]
    if not names:
        raise InputError(f"{source.label} holds no layers: choose a file with region polygons")
    if wanted is not None:
        if wanted not in names:
            raise LayerChoiceError(
                f"{source.label} has no layer {wanted!r}: choose one of {', '.join(names)}",
                names,
            )
        return wanted
    if len(names) == 1:
        return names[0]
    polygonal = [n for n, kind in layers if "polygon" in kind.lower()]
    if len(polygonal) == 1:
        return polygonal[0]
    raise LayerChoiceError(
        f"{source.label} holds {len(names)} layers ({', '.join(names)}): choose one with --layer",
        names,
    )


# ---------------------------------------------------------------------------- encoding
def _text_columns(gdf: gpd.GeoDataFrame) -> list[str]:
    return [
        c
        for c in gdf.columns
        if c != gdf.geometry.name and gdf[c].map(lambda v: isinstance(v, str)).any()
    ]


def _looks_like_mojibake(gdf: gpd.GeoDataFrame) -> bool:
    """Tell whether text holds Latin-1 accented letters and no Chinese (GBK read as Latin-1)."""
    texts = [v for c in _text_columns(gdf) for v in gdf[c] if isinstance(v, str)]
    high = sum(bool(_LATIN1_HIGH.search(t)) for t in texts)
    cjk = sum(bool(_CJK.search(t)) for t in texts)
    return high > 0 and cjk == 0 and high >= 0.3 * max(1, len([t for t in texts if t.strip()]))


def _detect_encoding(gdf: gpd.GeoDataFrame) -> str | None:
    """Return the encoding the Latin-1 mojibake decodes best in, or None."""
    texts = [v for c in _text_columns(gdf) for v in gdf[c] if isinstance(v, str)]
    try:
        raw = [t.encode("latin-1") for t in texts]
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
        cjk = len(_CJK.findall(chars)) / len(chars)
        resolved = _resolved_share(decoded)
        score = resolved * 2 + cjk - rank * 0.001
        if score > best_score:
            best, best_score = encoding, score
    return best


def _resolved_share(values: list[str]) -> float:
    sample = [v for v in values if v.strip()][:200]
    if not sample:
        return 0.0
    return max(
        sum(bool(national_index(level).resolve(v).candidates) for v in sample) / len(sample)
        for level in ("city", "county")
    )


def _gdal_encoding(name: str) -> str:
    """Return the iconv name GDAL understands for an encoding a user typed."""
    import codecs

    try:
        canonical = codecs.lookup(name).name
    except LookupError as exc:
        raise InputError(
            f"--encoding {name!r} is not a text encoding: use GB18030, GBK, UTF-8 or BIG5"
        ) from exc
    return {"iso8859-1": "ISO-8859-1", "utf-8": "UTF-8"}.get(canonical, canonical.upper())


def _read(source: _Source, layer: str | None, encoding: str | None) -> gpd.GeoDataFrame:
    import pyogrio

    try:
        return pyogrio.read_dataframe(source.gdal_path, layer=layer, encoding=encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the text of {source.label} is not valid {encoding or 'UTF-8'}: "
            "give the right encoding with --encoding (GB18030, UTF-8 or BIG5)"
        ) from exc
    except Exception as exc:  # GDAL's reasons are many; each becomes one sentence
        raise InputError(
            f"{source.label} could not be read ({_gdal_reason(exc)}): "
            "check the file is complete, or export it again"
        ) from exc


# ---------------------------------------------------------------------------- CRS
def _parse_crs(value: str) -> Any:
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    text = str(value).strip()
    if text.isdigit():
        text = f"EPSG:{text}"
    try:
        return CRS.from_user_input(text)
    except CRSError as exc:
        raise InputError(
            f"--crs {value!r} is not a coordinate reference system: "
            "give an EPSG code such as EPSG:4547 (CGCS2000, 114E) or EPSG:4326"
        ) from exc


def crs_label(crs: Any) -> str:
    """Return ``"EPSG:4547"`` for a CRS with an EPSG code, else its name.

    Parameters
    ----------
    crs : pyproj.CRS
        The CRS to name.

    Returns
    -------
    str
    """
    code = crs.to_epsg(min_confidence=70)
    return f"EPSG:{code}" if code else crs.name


def _crs_candidates(bounds: tuple[float, float, float, float]) -> list[tuple[int, str]]:
    minx, miny, maxx, maxy = bounds
    found: list[tuple[int, str]] = []
    if -180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90:
        return [(4326, "longitude/latitude in degrees")]
    northing = 0 <= miny and maxy <= 7_500_000
    same_million = math.floor(minx / 1e6) == math.floor(maxx / 1e6)
    if northing and same_million and 25e6 <= minx < 46e6:
        zone = math.floor(minx / 1e6)
        found.append((4513 + zone - 25, f"3-degree Gauss-Kruger zone {zone} (number in front)"))
    if northing and same_million and 13e6 <= minx < 24e6:
        zone = math.floor(minx / 1e6)
        found.append((4491 + zone - 13, f"6-degree Gauss-Kruger zone {zone} (number in front)"))
    if northing and -500_000 <= minx and maxx <= 1_500_000:
        for cm in range(75, 136, 3):
            found.append((4534 + (cm - 75) // 3, f"3-degree Gauss-Kruger CM {cm}E, no zone number"))
    if 8e6 <= minx and maxx <= 15.6e6 and 300_000 <= miny and maxy <= 7_500_000:
        found.append((3857, "web mercator metres"))
    return found


def _bounds_score(
    lonlat: tuple[float, float, float, float], target: tuple[float, float, float, float]
) -> float:
    """Return the share of the bounds' area that falls inside ``target`` (0..1)."""
    minx, miny, maxx, maxy = lonlat
    if not all(math.isfinite(v) for v in lonlat):
        return 0.0
    ix = max(0.0, min(maxx, target[2]) - max(minx, target[0]))
    iy = max(0.0, min(maxy, target[3]) - max(miny, target[1]))
    area = max((maxx - minx) * (maxy - miny), 1e-12)
    tarea = max((target[2] - target[0]) * (target[3] - target[1]), 1e-12)
    inter = ix * iy
    return inter / area * min(1.0, 4 * inter / tarea) if inter else 0.0


def _guess_crs(
    gdf: gpd.GeoDataFrame, label: str, hint: tuple[float, float, float, float] | None
) -> tuple[Any, str]:
    from pyproj import CRS, Transformer

    bounds = tuple(float(v) for v in gdf.total_bounds)
    candidates = _crs_candidates(bounds)  # type: ignore[arg-type]
    target = hint or CHINA_BOUNDS
    scored = []
    for code, why in candidates:
        crs = CRS.from_epsg(code)
        if code == 4326:
            lonlat = bounds
        else:
            t = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
            lonlat = t.transform_bounds(*bounds)
        scored.append((_bounds_score(lonlat, target), code, why, crs))  # type: ignore[arg-type]
    scored.sort(key=lambda s: -s[0])
    if not scored or scored[0][0] <= 0.05:
        raise InputError(
            f"{label} has no CRS and its coordinates ({_fmt_bounds(bounds)}) match no usual "
            "Chinese projection: give the CRS, for example --crs EPSG:4547 (CGCS2000, 114E)"
        )
    best = scored[0]
    ties = [s for s in scored[1:] if s[0] >= best[0] * 0.9]
    if ties and hint is None:
        options = ", ".join(f"EPSG:{s[1]}" for s in [best, *ties][:4])
        raise InputError(
            f"{label} has no CRS and its coordinates fit several projections ({options}...): "
            "give the CRS with --crs, or the province with --province so it can be told"
        )
    return best[3], best[2]


def _fmt_bounds(bounds: tuple[float, ...]) -> str:
    return ", ".join(f"{v:,.0f}" if abs(v) > 1000 else f"{v:.3f}" for v in bounds)


# ---------------------------------------------------------------------------- geometry
def _polygonal(geom: Any) -> Any:
    """Return the polygonal part of a geometry (None when there is none)."""
    import shapely
    from shapely.geometry import MultiPolygon, Polygon

    if geom is None or geom.is_empty:
        return None
    if isinstance(geom, Polygon | MultiPolygon):
        return geom
    polys: list[Polygon] = []
    for part in shapely.get_parts(geom):
        if isinstance(part, Polygon) and not part.is_empty:
            polys.append(part)
        elif isinstance(part, MultiPolygon):
            polys.extend(part.geoms)
        elif part.geom_type == "GeometryCollection":
            sub = _polygonal(part)
            if sub is not None:
                polys.extend(getattr(sub, "geoms", [sub]))
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def _check_geometry(gdf: gpd.GeoDataFrame, label: str) -> tuple[gpd.GeoDataFrame, int, list[str]]:
    import geopandas as gpd
    import shapely

    warnings: list[str] = []
    geoms = shapely.force_2d(gdf.geometry.values)
    present = [g for g in geoms if g is not None and not g.is_empty]
    if not present:
        raise InputError(f"{label} holds features without geometry: export the region polygons")
    if all(_polygonal(g) is None for g in present):
        kinds = Counter(g.geom_type for g in present)
        listed = ", ".join(f"{n} {k}" for k, n in kinds.most_common())
        raise InputError(
            f"{label} holds {listed} features but a boundary layer needs polygons: "
            "export the region areas, not their points or outlines"
        )
    missing = len(geoms) - len(present)
    keep: list[int] = []
    out = []
    repaired = unfixable = 0
    dropped: Counter[str] = Counter()
    for i, g in enumerate(geoms):
        if g is None or g.is_empty:
            continue
        poly = _polygonal(g)
        if poly is None:
            dropped[g.geom_type] += 1
            continue
        if not poly.is_valid:
            fixed = _polygonal(shapely.make_valid(poly))
            if fixed is None or fixed.area == 0:
                unfixable += 1
                continue
            poly = fixed
            repaired += 1
        keep.append(i)
        out.append(poly)
    if missing:
        warnings.append(f"{missing} features had no geometry and were left out")
    for kind, n in dropped.items():
        warnings.append(f"{n} {kind} features are not polygons and were left out")
    if unfixable:
        warnings.append(f"{unfixable} invalid polygons could not be repaired and were left out")
    if repaired:
        warnings.append(f"{repaired} invalid polygons were repaired (make_valid)")
    if not out:
        raise InputError(f"{label} holds no usable polygons: export the region areas again")
    result = gdf.iloc[keep].copy()
    result = result.set_geometry(gpd.GeoSeries(out, index=result.index, crs=gdf.crs))
    return result.reset_index(drop=True), repaired, warnings


# ---------------------------------------------------------------------------- fields
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


def _guess_level(codes: list[str | None]) -> str | None:
    known = [c for c in codes if c]
    if not known:
        return None
    if all(c.endswith("0000") for c in known):
        return "province"
    if all(c.endswith("00") for c in known):
        return "city"
    return "county"


def _preview(gdf: gpd.GeoDataFrame, rows: int = PREVIEW_ROWS) -> list[dict[str, str]]:
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


def _province_bounds(province: str) -> tuple[float, float, float, float] | None:
    from geodata.boundaries.bundled import bundled_layer

    gdf = bundled_layer("province").gdf
    rows = gdf[gdf["adcode"] == province]
    if rows.empty:
        return None
    return tuple(float(v) for v in rows.total_bounds)  # type: ignore[return-value]


# ---------------------------------------------------------------------------- the import
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
        With one sentence saying what is wrong and what to do; :class:`LayerChoiceError` when
        the file holds several layers and ``layer`` does not pick one.
    """
    from geodata.crs.datum import convert_geometries, normalise_datum
    from geodata.regions.catalogue import resolve_province

    path = Path(path)
    if level is not None and level not in LEVELS:
        raise InputError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    try:
        source_datum = normalise_datum(datum)
    except ValueError as exc:
        raise InputError(f"unknown datum {datum!r}: use wgs84, gcj02 or bd09") from exc
    province_code = resolve_province(province) if province else None
    given_crs = _parse_crs(crs) if crs else None

    source = _open(path, layer)
    layers = _list_layers(source)
    inner = layer
    if source.member is not None and layer in (source.member, Path(source.member).stem):
        inner = None  # the layer named the zip member
    layer_name = _choose_layer(source, layers, inner)
    label = source.label
    warnings: list[str] = []

    # text encoding
    encoding_source = "file"
    used_encoding = "UTF-8"
    if encoding:
        encoding = _gdal_encoding(encoding)
        if not source.is_shapefile:
            warnings.append(f"--encoding {encoding} was ignored: only shapefiles declare one")
            encoding = None
        else:
            encoding_source, used_encoding = "given", encoding
    gdf = _read(source, layer_name, encoding)
    if source.is_shapefile and not encoding:
        if not source.has_cpg and _looks_like_mojibake(gdf):
            detected = _detect_encoding(gdf)
            if detected is None:
                warnings.append(
                    "the text looks garbled and no encoding fixed it: "
                    "give the encoding with --encoding"
                )
                used_encoding = "ISO-8859-1"
            else:
                gdf = _read(source, layer_name, detected)
                used_encoding, encoding_source = detected, "detected"
        elif not source.has_cpg:
            used_encoding = "ISO-8859-1"
            import pyogrio

            info = pyogrio.read_info(source.gdal_path, layer=layer_name)
            used_encoding = str(info.get("encoding") or used_encoding).upper()
    if gdf.empty:
        raise InputError(f"{label} holds no features: choose a file with region polygons")
    fields = [str(c) for c in gdf.columns if c != gdf.geometry.name]
    preview = _preview(gdf)

    # geometry
    original_crs = gdf.crs
    if original_crs is not None and original_crs.is_geographic and given_crs is None:
        minx, miny, maxx, maxy = (float(v) for v in gdf.total_bounds)
        if not (-180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90):
            original_crs = None  # GeoJSON without "crs" is read as degrees; these are metres
            gdf = gdf.set_crs(None, allow_override=True)
    gdf, repaired, geometry_warnings = _check_geometry(gdf, label)
    warnings += geometry_warnings

    # fields
    for given, kind, flag in (
        (name_field, "name", "--name-field"),
        (code_field, "code", "--code-field"),
    ):
        if given is not None and given not in fields:
            raise InputError(
                f"{label} has no field {given!r} for the {kind}: "
                f"give {flag} one of {', '.join(fields) or '(no fields)'}"
            )
    code_field = code_field or guess_code_field(gdf)
    codes = [normalise_code(v) for v in gdf[code_field]] if code_field else [None] * len(gdf)
    if code_field and not any(codes):
        warnings.append(f"the field {code_field} holds no 6- or 12-digit codes")
    if level is None:
        level = _guess_level(codes)
    name_field = name_field or guess_name_field(gdf, level)
    if code_field is None and name_field is None:
        wanted = f" as {level} regions" if level else ""
        raise InputError(
            f"{label} has no field of region codes or names that could be recognised{wanted} "
            f"(fields: {', '.join(fields) or 'none'}): give them with --code-field and --name-field"
        )
    index_level = level or "city"
    index = national_index(index_level)
    adcodes: list[str | None] = []
    for i in range(len(gdf)):
        raw_name = gdf[name_field].iloc[i] if name_field else None
        found = index.resolve(codes[i]) if codes[i] else index.resolve(raw_name)
        adcodes.append(found.adcode)
    if level is None:
        level = _guess_level(adcodes)
        if level is None:
            level = "city"
            warnings.append("the level could not be told from the codes or names; taken as city")
        elif level != index_level:
            index = national_index(level)
            adcodes = [
                index.resolve(gdf[name_field].iloc[i] if name_field else None).adcode
                for i in range(len(gdf))
            ]
    if province_code is None and level != "province":
        provinces = Counter(c[:2] + "0000" for c in adcodes if c)
        top, top_count = provinces.most_common(1)[0] if provinces else (None, 0)
        if top is not None and top_count >= 0.9 * sum(provinces.values()):
            province_code = top
            if len(provinces) > 1:
                warnings.append(
                    "the regions belong to several provinces; taken as "
                    f"{PROVINCE_EN.get(province_code, province_code)} (give --province to choose)"
                )
        elif top is not None:
            # no province dominates: a national (or multi-province) layer of this level
            warnings.append(
                f"the regions belong to {len(provinces)} provinces: stored as a national "
                f"{level} layer (give --province to keep one province's regions as its layer)"
            )

    # CRS
    hint = _province_bounds(province_code) if province_code and level != "province" else None
    if given_crs is not None:
        gdf = gdf.set_crs(given_crs, allow_override=True)
        crs_source = "given"
    elif original_crs is not None:
        crs_source = "file"
    else:
        guessed, why = _guess_crs(gdf, label, hint)
        gdf = gdf.set_crs(guessed)
        crs_source = "guessed"
        warnings.append(
            f"the file has no CRS; its coordinates look like {why}, so {crs_label(guessed)} "
            f"({guessed.name}) was used: if the map is off, give the CRS with --crs"
        )
    crs_in = crs_label(gdf.crs)
    crs_description = gdf.crs.name
    try:
        gdf = gdf.to_crs("EPSG:4326")
    except Exception as exc:  # pyproj refuses some transformations
        raise InputError(
            f"{label} could not be reprojected from {crs_in} to WGS-84 ({exc}): "
            "check the CRS or give it with --crs"
        ) from exc
    bounds = gdf.total_bounds
    if not all(math.isfinite(float(v)) for v in bounds) or not (
        -180 <= bounds[0] and bounds[2] <= 180 and -90 <= bounds[1] and bounds[3] <= 90
    ):
        raise InputError(
            f"{label}'s coordinates do not fit {crs_in} (they fall off the globe): "
            "give the right CRS with --crs"
        )
    if source_datum != "wgs84":
        gdf = gdf.set_geometry(
            convert_geometries(gdf.geometry.values, source_datum, "wgs84"), crs="EPSG:4326"
        )

    # report on the regions
    names_zh, names_en = [], []
    for i in range(len(gdf)):
        raw_name = gdf[name_field].iloc[i] if name_field else None
        region = index.by_code.get(adcodes[i]) if adcodes[i] else None
        blank = raw_name is None or (isinstance(raw_name, float) and math.isnan(raw_name))
        text = "" if blank else str(raw_name).strip()
        if region is not None and (
            not text or (not _CJK.search(text) and index.resolve(text).adcode == region.adcode)
        ):
            text = region.name_zh  # a blank or pinyin name of this region: the Chinese name
        names_zh.append(text)
        names_en.append(region.name_en if region else "")
        if not adcodes[i]:
            found = index.resolve(codes[i] or raw_name)
            if found.ambiguous:
                options = ", ".join(index.describe(c) for c in found.candidates[:4])
                warnings.append(
                    f"feature {i + 1} {raw_name!r} could be {options}: give a code field"
                )
    unmatched = [names_zh[i] or f"feature {i + 1}" for i, c in enumerate(adcodes) if not c]
    if unmatched:
        warnings.append(
            f"{len(unmatched)} features match no {level} region: "
            f"{', '.join(repr(n) for n in unmatched[:5])}{'...' if len(unmatched) > 5 else ''}"
        )
    duplicates = {c: n for c, n in Counter(c for c in adcodes if c).items() if n > 1}
    if duplicates:
        listed = ", ".join(f"{c} ({n} times)" for c, n in sorted(duplicates.items())[:6])
        warnings.append(f"duplicate region codes: {listed}; check the file")
    if province_code and level != "province":
        box = _province_bounds(province_code)
        if box is not None:
            import shapely

            area = shapely.box(box[0] - 0.1, box[1] - 0.1, box[2] + 0.1, box[3] + 0.1)
            outside = [
                names_zh[i] or f"feature {i + 1}"
                for i, g in enumerate(gdf.geometry.values)
                if not g.intersects(area)
            ]
            if outside:
                warnings.append(
                    f"{len(outside)} features lie outside "
                    f"{PROVINCE_EN.get(province_code, province_code)} "
                    f"({', '.join(repr(n) for n in outside[:5])}): check the CRS and datum"
                )

    import geopandas as gpd

    out = gpd.GeoDataFrame(
        {"adcode": adcodes, "name_zh": names_zh, "name_en": names_en},
        geometry=gdf.geometry.values,
        crs="EPSG:4326",
    )
    result_layer = Layer(
        gdf=out,
        level=level,
        province=None if level == "province" else province_code,
        source=label,
        datum_in=source_datum,
        code_field=code_field,
        name_field=name_field,
        warnings=list(warnings),
        version="new",
    )
    return ImportResult(
        layer=result_layer,
        source=label,
        sha256=_sha256(source.hash_paths),
        layer_name=layer_name,
        layers=source.choices if len(source.choices) > 1 else [n for n, _ in layers],
        crs_in=crs_in,
        crs_source=crs_source,
        crs_description=crs_description,
        encoding=used_encoding,
        encoding_source=encoding_source,
        fields=fields,
        preview=preview,
        repaired=repaired,
        warnings=warnings,
    )


def read_boundary_file(path: str | Path, **options: Any) -> Layer:
    """Read a boundary file into a WGS-84 region layer, storing nothing (``join``, ``map``).

    Takes the options of :func:`inspect_boundary_file`; the layer's warnings are kept in
    ``Layer.warnings`` and its ``version`` is ``"file"``.
    """
    layer = inspect_boundary_file(path, **options).layer
    layer.version = "file"
    return layer
