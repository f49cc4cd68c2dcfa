"""The hand-off: the atlas as one GeoPackage, for anyone with QGIS (``infra-atlas export-gpkg``).

:func:`write_geopackage` asks :class:`~geodata.atlas.AtlasData` only through its public methods
(the layers shown, the targets and achieved figures in view, progress, roles, corridors), so it
writes the same file from a local data home or a shared workspace. Every layer is in EPSG:4326;
the file is written beside its place and renamed into it, so a reader never sees half of it.

Layers (ASCII names; text UTF-8; a missing value is NULL, never the text ``"nan"``; a list of
adcodes is one text ``"140100;140200"``):

``provinces``
    China's provinces as the atlas shows them.
``cities``, ``counties``
    The regions of each province exported, with the boundary version and source shown.
``targets``
    Every field of the targets in view (no geometry).
``target_regions``
    One polygon per target and region it is scoped to.
``progress``
    One polygon per progress row (target and region): the latest figure, percent, status.
``roles``
    The cities of a province with an urban layout, and their role.
``corridors``
    The corridor lines, with their length and whether they are schematic.
``README``
    Key / value rows: what each layer holds, the sources, the date, the atlas version.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from geodata.errors import InputError
from geodata.vocab import NATIONAL

if TYPE_CHECKING:
    from geodata.atlas import AtlasData
    from geodata.layer import Layer

#: The layers of the file, in the order they are written, and what each holds.
LAYERS: dict[str, str] = {
    "provinces": "China's provinces as the atlas shows them",
    "cities": "the cities of each province exported, with the boundary version shown",
    "counties": "the counties of each province exported, with the boundary version shown",
    "targets": "every field of the plan targets in view, regions as adcodes a;b (no geometry)",
    "target_regions": "one polygon per target and region it is scoped to, with its quote",
    "progress": "one polygon per target and region: latest achieved figure, percent, status",
    "roles": "the cities of a province's urban layout, with their role",
    "corridors": "corridor lines with their length (km) and whether they are schematic",
    "README": "what each layer holds, the sources, the date and the atlas version (no geometry)",
}
#: Column types of each layer: ``text``, ``real``, ``int`` or ``bool`` (nullable all).
_BOUNDARY = {
    "adcode": "text",
    "name_zh": "text",
    "name_en": "text",
    "province": "text",
    "level": "text",
    "boundary_version": "text",
    "boundary_source": "text",
    "boundary_kind": "text",
}
_TARGET = {
    "id": "text",
    "province": "text",
    "scope": "text",
    "regions": "text",
    "category": "text",
    "metric": "text",
    "value": "real",
    "unit": "text",
    "year": "text",
    "status": "text",
    "qualifier": "text",
    "corridor": "text",
    "source": "text",
    "source_title": "text",
    "quote": "text",
    "note": "text",
}
_TARGET_REGION = {
    "target": "text",
    "region": "text",
    "region_name": "text",
    "level": "text",
    "province": "text",
    "metric": "text",
    "value": "real",
    "unit": "text",
    "year": "text",
    "status": "text",
    "quote": "text",
    "source": "text",
    "source_title": "text",
}
_PROGRESS = {
    "target": "text",
    "region": "text",
    "region_name": "text",
    "metric": "text",
    "value": "real",
    "unit": "text",
    "date": "text",
    "percent": "real",
    "status": "text",
    "baseline": "real",
    "baseline_date": "text",
    "baseline_kind": "text",
    "target_value": "real",
    "deadline": "text",
    "expected": "real",
    "source": "text",
    "observation": "text",
    "reason": "text",
}
_ROLE = {
    "adcode": "text",
    "name_zh": "text",
    "name_en": "text",
    "province": "text",
    "role": "text",
    "role_zh": "text",
    "role_en": "text",
    "rank": "int",
    "confidence": "text",
    "source": "text",
    "note": "text",
}
_CORRIDOR = {
    "corridor": "text",
    "name_zh": "text",
    "name_en": "text",
    "length_km": "real",
    "schematic": "bool",
}
_README = {"key": "text", "value": "text"}
_DTYPES = {"text": object, "real": "Float64", "int": "Int64", "bool": "boolean"}


@dataclass
class HandoffReport:
    """What :func:`write_geopackage` wrote.

    Attributes
    ----------
    path : Path
        The GeoPackage.
    layers : dict of str to int
        Rows of each layer, in the file's order.
    provinces : list of str
        Adcodes of the provinces whose cities and counties were written.
    warnings : list of str
        Rows written without a geometry (a region missing from the boundaries shown), and the
        warnings of the layers read.
    """

    path: Path
    layers: dict[str, int]
    provinces: list[str]
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """Return ``"9 layers: README 16, provinces 34, cities 22, ..."``."""
        counts = ", ".join(f"{name} {rows}" for name, rows in self.layers.items())
        return f"{len(self.layers)} layers: {counts}"

    def to_dict(self) -> dict:
        """Return the JSON form (``path``, ``layers``, ``provinces``, ``warnings``)."""
        return {
            "path": str(self.path),
            "layers": dict(self.layers),
            "provinces": list(self.provinces),
            "warnings": list(self.warnings),
        }


def check_gpkg_path(path: str | Path, force: bool = False) -> Path:
    """Return ``path`` as a Path after checking a GeoPackage can be written there.

    Raises
    ------
    InputError
        For a name not ending in ``.gpkg``, a missing or unwritable folder, a folder in the
        file's place, or an existing file without ``force``.
    """
    from geodata.paths import unwritable_reason

    path = Path(path)
    if path.suffix.lower() != ".gpkg":
        raise InputError(f"{path} is not a .gpkg file: give a name ending in .gpkg")
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"the folder {folder} does not exist: create it first")
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a file: remove or rename the folder")
    if path.exists() and not force:
        raise InputError(f"{path} exists: choose another name or add --force to overwrite it")
    reason = unwritable_reason(folder)
    if reason is not None:
        raise InputError(
            f"the folder {folder} cannot be written ({reason}): choose a folder you can write to"
        )
    return path


def default_provinces(data: AtlasData) -> list[str]:
    """Return the provinces exported by default: those with targets in view, and the featured.

    The featured provinces are the ones the seed plans cover (Shanxi and Zhejiang,
    :func:`geodata.plan.provinces.featured`); adcodes in ascending order.
    """
    from geodata.plan.provinces import featured

    return sorted({t.province for t in data.targets} | set(featured()))


def write_geopackage(
    data: AtlasData, path: str | Path, provinces: list[str] | None = None
) -> HandoffReport:
    """Write the atlas as one GeoPackage (the layers of :data:`LAYERS`), atomically.

    Parameters
    ----------
    data : AtlasData
        The workspace: its layers shown, targets and figures in view.
    path : str or Path
        A ``.gpkg`` file in a folder that exists; an existing file is replaced.
    provinces : list of str, optional
        Adcodes of the provinces whose cities, counties, targets (with their progress), roles
        and corridors are written (default: :func:`default_provinces`, which covers every
        target in view). The ``provinces`` layer always holds all of China's.

    Returns
    -------
    HandoffReport

    Raises
    ------
    InputError
        For a path that cannot be written (see :func:`check_gpkg_path`).
    """
    from geodata.paths import atomic_path

    path = check_gpkg_path(path, force=True)
    chosen = list(dict.fromkeys(provinces)) if provinces else default_provinces(data)
    frames, warnings = _frames(data, chosen)
    frames["README"] = _readme(data, chosen, frames)
    with atomic_path(path, suffix=".gpkg") as tmp:
        tmp.unlink()  # GDAL creates the file itself
        for name, frame in frames.items():
            _write_layer(frame, tmp, name)
    layers = {name: len(frame) for name, frame in frames.items()}
    return HandoffReport(path, layers, chosen, warnings)


def _frames(data: AtlasData, provinces: list[str]) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Return every layer but the README, by name, and the warnings met."""
    regions = _Regions(data)
    targets = [t for t in data.targets if t.province in provinces]
    frames = {
        "provinces": _boundaries([data.context()]),
        "cities": _boundaries(data.layer(p, "city") for p in provinces),
        "counties": _boundaries(data.layer(p, "county") for p in provinces),
        "targets": _targets(targets),
        "target_regions": _target_regions(targets, regions),
        "progress": _progress(data, {t.id for t in targets}, regions),
        "roles": _roles(data, provinces),
        "corridors": _corridors(data, provinces),
    }
    warnings = [*regions.warnings]
    for key in [(NATIONAL, "province")] + [(p, lv) for p in provinces for lv in ("city", "county")]:
        warnings += [f"{key[0]} {key[1]}: {w}" for w in data.layer(*key).warnings]
    return frames, warnings


class _Regions:
    """Finds a region's polygon, name and level in the layers the atlas shows."""

    def __init__(self, data: AtlasData) -> None:
        self.data = data
        self.warnings: list[str] = []
        self._index: dict[tuple[str, str], dict[str, tuple]] = {}

    def find(self, adcode: str) -> tuple | None:
        """Return ``(geometry, name_zh, level)`` of a region, or None when no layer has it."""
        province = adcode[:2] + "0000"
        if adcode == province:
            keys = [(NATIONAL, "province")]
        else:
            keys = [(province, "city"), (province, "county")]
        for key in keys:
            if key not in self._index:
                self._index[key] = self._read(*key)
            if adcode in self._index[key]:
                return self._index[key][adcode]
        return None

    def _read(self, province: str, level: str) -> dict[str, tuple]:
        """Return a layer's regions by adcode (none when the province has no such layer)."""
        try:
            gdf = self.data.layer(province, level).gdf
        except InputError as exc:
            self.warnings.append(f"{province} {level}: {exc}")
            return {}
        rows = zip(gdf["adcode"], gdf["name_zh"], gdf.geometry, strict=True)
        return {code: (geom, _text(name), level) for code, name, geom in rows if code}

    def shape(self, adcode: str, what: str) -> tuple:
        """Return ``(geometry, name_zh, level)``, all None (and a warning) when not found."""
        found = self.find(adcode)
        if found is None:
            self.warnings.append(
                f"{what}: region {adcode} is not in the boundaries shown, written without a "
                "geometry"
            )
            return None, None, None
        return found


def _boundaries(layers: Iterable[Layer]) -> pd.DataFrame:
    """Return the regions of boundary layers as one layer's rows (:data:`_BOUNDARY`)."""
    rows, geoms = [], []
    for layer in layers:
        gdf = layer.gdf
        for code, zh, en, geom in zip(
            gdf["adcode"], gdf["name_zh"], gdf["name_en"], gdf.geometry, strict=True
        ):
            rows.append(
                {
                    "adcode": code,
                    "name_zh": zh,
                    "name_en": en,
                    "province": layer.province or code,
                    "level": layer.level,
                    "boundary_version": layer.version,
                    "boundary_source": layer.source,
                    "boundary_kind": "bundled" if str(layer.version) == "0" else "imported",
                }
            )
            geoms.append(geom)
    return _table(rows, _BOUNDARY, geoms)


def _targets(targets: list) -> pd.DataFrame:
    """Return the targets as rows of :data:`_TARGET` (no geometry)."""
    rows = []
    for target in targets:
        row = target.to_dict()
        row["regions"] = ";".join(target.regions)
        row["value"] = target.value
        row["source_title"] = _source_title(target.source)
        rows.append(row)
    return _table(rows, _TARGET)


def _target_regions(targets: list, regions: _Regions) -> pd.DataFrame:
    """Return one row per target and region it is scoped to, with the region's polygon."""
    rows, geoms = [], []
    for target in targets:
        for code in target.regions:
            geom, name, level = regions.shape(code, f"target {target.id}")
            rows.append(
                {
                    "target": target.id,
                    "region": code,
                    "region_name": name,
                    "level": level,
                    "province": target.province,
                    "metric": target.metric,
                    "value": target.value,
                    "unit": target.unit,
                    "year": target.year,
                    "status": target.status,
                    "quote": target.quote,
                    "source": target.source,
                    "source_title": _source_title(target.source),
                }
            )
            geoms.append(geom)
    return _table(rows, _TARGET_REGION, geoms)


def _progress(data: AtlasData, target_ids: set[str], regions: _Regions) -> pd.DataFrame:
    """Return one row per progress row of the targets exported, with its region's polygon."""
    rows, geoms = [], []
    for item in data.progress():
        if item.target not in target_ids:
            continue
        geom, name, _ = regions.shape(item.region, f"progress of {item.target}")
        row = {key: getattr(item, key, None) for key in _PROGRESS if key != "baseline"}
        row["region_name"] = name
        if item.baseline is not None:
            row["baseline"], row["baseline_date"] = item.baseline.value, item.baseline.date
            row["baseline_kind"] = item.baseline.kind
        rows.append(row)
        geoms.append(geom)
    return _table(rows, _PROGRESS, geoms)


def _roles(data: AtlasData, provinces: list[str]) -> pd.DataFrame:
    """Return the cities with a role in the provinces exported (where a province has roles)."""
    rows, geoms = [], []
    for province in provinces:
        metric = next((m for m in data.metrics(province, "city") if m.id == "role"), None)
        if metric is None:
            continue
        gdf = data.layer(province, "city").gdf
        for code, zh, en, geom in zip(
            gdf["adcode"], gdf["name_zh"], gdf["name_en"], gdf.geometry, strict=True
        ):
            if not code or metric.values.get(code) is None:
                continue
            role = data.details(code, province, "city").role
            row = {"adcode": code, "name_zh": zh, "name_en": en, "province": province}
            row |= {"role": metric.values[code], "role_zh": metric.display(code, "zh")}
            row["role_en"] = metric.display(code, "en")
            if role is not None:
                row |= {"role_zh": role.role_zh, "role_en": role.role_en, "rank": role.rank}
                row |= {"confidence": role.confidence, "source": role.source, "note": role.note}
            rows.append(row)
            geoms.append(geom)
    return _table(rows, _ROLE, geoms)


def _corridors(data: AtlasData, provinces: list[str]) -> pd.DataFrame:
    """Return the corridor lines drawn for the provinces exported (each once)."""
    from geodata.plan.corridors import geodesic_length_km

    rows, geoms, seen = [], [], set()
    for province in provinces:
        lines = data.corridors(province)
        if lines is None:
            continue
        for _, line in lines.iterrows():
            if line["id"] in seen:
                continue
            seen.add(line["id"])
            rows.append(
                {
                    "corridor": line["id"],
                    "name_zh": line.get("name_zh"),
                    "name_en": line.get("name_en"),
                    "length_km": round(geodesic_length_km(line.geometry), 1),
                    "schematic": _flag(line.get("schematic")),
                }
            )
            geoms.append(line.geometry)
    return _table(rows, _CORRIDOR, geoms)


def _readme(data: AtlasData, provinces: list[str], frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return the README rows: the file, its date and version, each layer and the sources."""
    today = datetime.date.today().isoformat()
    rows = [
        ("title", "Infra Atlas hand-off: provincial new-infrastructure plans on maps"),
        ("created", today),
        ("atlas_version", _atlas_version()),
        ("crs", "EPSG:4326 (WGS-84 longitude/latitude) for every layer"),
        ("provinces_exported", ";".join(provinces)),
        ("missing_values", "NULL; lists of adcodes are written as 140100;140200"),
    ]
    rows += [(f"layer.{name}", f"{LAYERS[name]} ({len(frames[name])} rows)") for name in frames]
    rows.append(("layer.README", LAYERS["README"]))
    layers = [data.context()] + [data.layer(p, lv) for p in provinces for lv in ("city", "county")]
    sources = {f"{layer.source} (version {layer.version})" for layer in layers}
    rows.append(("boundary_sources", "; ".join(sorted(sources))))
    titles = sorted({_source_title(s) for s in frames["targets"]["source"] if s})
    rows.append(("plan_sources", "; ".join(titles)))
    figures = [o.source for o in data.observations if o.province in provinces and o.source]
    rows.append(("figure_sources", "; ".join(sorted({_source_title(s) for s in figures}))))
    rows.append(("progress_as_of", today))
    return _table([{"key": k, "value": v} for k, v in rows], _README)


def _source_title(source: str) -> str:
    """Return the title of a target's plan document (its source when it has none)."""
    from geodata.plan.documents import source_title

    return source_title(source)


def _atlas_version() -> str:
    """Return the installed version of Infra Atlas, ``"dev"`` when it is not installed."""
    import importlib.metadata

    try:
        return importlib.metadata.version("infra-atlas")
    except importlib.metadata.PackageNotFoundError:
        return "dev"


def _text(value: object) -> str | None:
    """Return a value as text for a cell: None for None, ``""``, NaN, NA and NaT."""
    if value is None or (isinstance(value, str) and not value):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # a list or array is no missing value
        pass
    return str(value)


def _number(value: object) -> float | None:
    """Return a finite number, None for None, NaN, infinity or text."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _flag(value: object) -> bool | None:
    """Return a schematic flag as a bool (``"true"``, ``1``...), None when missing."""
    if value is None or _text(value) is None:
        return None
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y")
    return bool(value)


def _table(rows: list[dict], schema: dict[str, str], geoms: list | None = None) -> pd.DataFrame:
    """Return rows as a (Geo)DataFrame with the schema's columns and nullable types.

    Text cells are str or None, numbers float or None: nothing is written as ``"nan"``.
    """
    convert = {"text": _text, "real": _number, "int": _number, "bool": _flag}
    columns = {}
    for name, kind in schema.items():
        values = [convert[kind](row.get(name)) for row in rows]
        if kind == "int":
            values = [None if v is None else int(v) for v in values]
        columns[name] = pd.array(values, dtype=_DTYPES[kind])
    frame = pd.DataFrame(columns, index=range(len(rows)))
    if geoms is None:
        return frame
    import geopandas as gpd

    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"))


def _write_layer(frame: pd.DataFrame, path: Path, name: str) -> None:
    """Add one layer to the GeoPackage ``path`` (a table without geometry stays attributes)."""
    import pyogrio

    options = {"layer_options": {"DESCRIPTION": LAYERS[name]}}
    if "geometry" not in frame.columns:
        pyogrio.write_dataframe(frame, path, layer=name, driver="GPKG", **options)
        return
    kinds = set(frame.geometry.dropna().geom_type)
    if name == "corridors" and kinds <= {"LineString"}:
        geometry_type = "LineString"
    elif name == "corridors":
        geometry_type = "MultiLineString"
    else:
        geometry_type = "MultiPolygon"
    pyogrio.write_dataframe(
        frame,
        path,
        layer=name,
        driver="GPKG",
        geometry_type=geometry_type,
        promote_to_multi=geometry_type.startswith("Multi"),
        **options,
    )
