"""Boundary versions in a shared PostGIS workspace: the same store, kept in the database.

:class:`PostgisBoundaryStore` answers what :class:`~geodata.boundaries.store.BoundaryStore`
answers (versions, the active choice per province and level, layers, diffs, storing an import)
from the tables of :mod:`geodata.postgis.schema`. Version numbers come from a database
sequence; a version and its regions are written in one transaction (readers never see half of
one, a connection killed mid-import leaves nothing); activating a version replaces one row and
keeps the view ``infra_atlas.layer_<province>_<level>`` that QGIS opens. Every change adds a row
to ``changes`` and sends ``NOTIFY infra_atlas`` so that other windows can offer to refresh.

A version's regions are read once per machine, on its first open (an import stays as fast as
a local one): the layer is then kept in the local cache under the hash of its content
(``cache/workspace/<hash>.gpkg``, written in the background), so opening it again reads no
geometry from the server.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import threading
from contextlib import suppress
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.boundaries.store import (
    BUNDLED,
    BoundaryStore,
    VersionInfo,
    _in_scope,
    _read_layer,
    version_layer,
)
from geodata.errors import InputError
from geodata.layer import Layer
from geodata.paths import atomic_path, cache_dir
from geodata.postgis.changes import recent_fingerprint, record_change
from geodata.postgis.workspace import WorkspaceAccess, store_in_use

if TYPE_CHECKING:
    import geopandas as gpd
    import psycopg

    from geodata.boundaries.importer.inspect import ImportResult

_MAGIC = b"INFRA-ATLAS-PG-LAYER 1\n"
_COLUMNS = ("adcode", "name_zh", "name_en")


def view_name(key: str) -> str:
    """Return the view of an active layer: ``140000:city`` -> ``layer_140000_city``."""
    province, level = key.split(":", 1)
    return f"layer_{'china' if province == '000000' else province}_{level}"


def content_hash(rows: list[list[str | None]], wkbs: list[bytes]) -> str:
    """Return the SHA-256 of a layer's attributes and geometry (its identity on any machine)."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(json.dumps(row, ensure_ascii=False).encode())
    for wkb in wkbs:
        digest.update(wkb)
    return digest.hexdigest()


def _rows(gdf: gpd.GeoDataFrame) -> list[list[str | None]]:
    """Return each region's adcode and names as text (None for a missing one)."""
    return [[_text(v) for v in row] for row in zip(*(gdf[c] for c in _COLUMNS), strict=True)]


def _ewkb(geometries: Any) -> list[bytes]:
    """Return each geometry as a MultiPolygon's EWKB with SRID 4326 (the column's input)."""
    import numpy as np
    import shapely

    geoms = shapely.set_srid(_multi(np.asarray(geometries, dtype=object)), 4326)
    return [bytes(b) for b in shapely.to_wkb(geoms, include_srid=True)]


def _text(value: object) -> str | None:
    return None if value is None or value != value else str(value)


class PostgisBoundaryStore(WorkspaceAccess, BoundaryStore):
    """The boundary versions of a PostGIS workspace.

    Parameters
    ----------
    dsn : str
        The workspace's libpq connection string (no password: libpq finds it itself).
    """

    def __init__(self, dsn: str) -> None:
        super().__init__(dsn, "boundaries")

    # ---------------------------------------------------------------- reading
    def versions(self) -> list[VersionInfo]:
        """Return the stored versions, oldest first (version 0 is not listed).

        When the server is down, the list last read on this machine (see :attr:`offline`).
        """

        def fetch() -> list[VersionInfo]:
            with self._db("list the boundary versions") as conn:
                rows = conn.execute(_SELECT_VERSIONS + " ORDER BY version").fetchall()
            return [_info(row) for row in rows]

        return self.snapshot.remembered(
            "versions", fetch, lambda vs: [asdict(v) for v in vs],
            lambda data: [VersionInfo(**v) for v in data],
        )  # fmt: skip

    def get(self, version: int) -> VersionInfo:
        """Return a stored version's manifest (InputError when there is none)."""
        for info in self.versions():
            if info.version == int(version):
                return info
        raise InputError(
            f"there is no boundary version {version} in the workspace {self.shown}: "
            "list them with infra-atlas layers"
        )

    def active(self) -> dict[str, int]:
        """Return the active version per (province, level) key; missing keys are bundled."""

        def fetch() -> dict[str, int]:
            with self._db("read the active boundaries") as conn:
                rows = conn.execute("SELECT scope, version FROM infra_atlas.active_layers")
                return {str(scope): int(version) for scope, version in rows.fetchall()}

        return self.snapshot.remembered("active", fetch, dict, dict)

    def load(self, version: int) -> Layer:
        """Return a stored version's layer, from the local cache when it holds it."""
        info = self.get(version)
        gdf = _read_cached(info.report.get("content_hash", ""))
        return version_layer(info, self._fetch(info) if gdf is None else gdf)

    def _fetch(self, info: VersionInfo) -> gpd.GeoDataFrame:
        """Read a version's regions from the server and keep them in the local cache."""
        import geopandas as gpd
        import shapely

        with self._db("read the boundary layer") as conn:
            rows = conn.execute(
                "SELECT adcode, name_zh, name_en, ST_AsEWKB(geom) FROM infra_atlas."
                "boundary_regions WHERE version = %s ORDER BY fid",
                (info.version,),
                binary=True,
            ).fetchall()
        data = {c: [row[i] for row in rows] for i, c in enumerate(_COLUMNS)}
        geometry = shapely.from_wkb([bytes(row[3]) for row in rows])
        gdf = gpd.GeoDataFrame(data, geometry=geometry, crs="EPSG:4326")
        # kept for next time while the caller goes on (a process waits for it at exit)
        digest = info.report.get("content_hash", "")
        threading.Thread(target=_write_cached, args=(digest, gdf.copy()), daemon=False).start()
        return gdf

    def fingerprint(self) -> str:
        """Return a short hash of the workspace's last change (``offline`` when unreachable).

        The one read in this process in the last few seconds, unless this process wrote since
        (:func:`geodata.postgis.changes.recent_fingerprint`): :meth:`AtlasData.layer
        <geodata.atlas.AtlasData.layer>` asks on every call, sometimes on the GUI thread.
        """
        return recent_fingerprint(self.dsn)

    # ---------------------------------------------------------------- writing
    def add(self, result: ImportResult, activate: bool = True) -> VersionInfo:
        """Store an import as a new version in one transaction; activate it by default."""
        layer = result.layer
        if not layer.adcodes:
            raise InputError(
                f"none of the {len(layer)} features of {result.source} matched a {layer.level} "
                "region: check the name and code fields (--name-field, --code-field) and --level"
            )
        gdf = layer.gdf[[*_COLUMNS, "geometry"]]
        rows, wkbs = _rows(gdf), _ewkb(gdf.geometry.values)
        report = {**result.report(), "content_hash": content_hash(rows, wkbs)}
        with self._db("store the boundary version", write=True) as conn, conn.transaction():
            number = conn.execute("SELECT nextval('infra_atlas.boundary_version_seq')").fetchone()
            info = _insert_version(conn, int(number[0]), result, layer, report)
            _copy_regions(conn, info.version, rows, wkbs)
            if activate:
                _set_active(conn, info.key, info.version)
            record_change(conn, f"boundaries: version {info.version} stored")
        return info

    def activate(self, version: int, level: str | None = None, province: str | None = None) -> str:
        """Make a version the one shown for its province and level (0: the bundled ones)."""
        version = int(version)
        if version == BUNDLED:
            with self._db("restore the bundled boundaries", write=True) as conn, conn.transaction():
                for key in [k for k in self.active() if _in_scope(k, level, province)]:
                    conn.execute("DELETE FROM infra_atlas.active_layers WHERE scope = %s", (key,))
                record_change(conn, "boundaries: bundled restored")
            where = "everywhere" if level is None and province is None else "where asked"
            return f"the bundled boundaries (version 0) are active {where}"
        info = self.get(version)
        with self._db("activate the boundary version", write=True) as conn, conn.transaction():
            _set_active(conn, info.key, version)
            record_change(conn, f"boundaries: version {version} active for {info.key}")
        return f"version {version} ({info.source}) is active for {info.key}"


#: A version's manifest; the import report without its long lists (every region, the preview),
#: which no listing shows and every open would otherwise fetch.
_SELECT_VERSIONS = (
    "SELECT version, source, imported_at, features, level, province, sha256, "
    "report - 'regions' - 'preview', imported_by FROM infra_atlas.boundary_versions"
)


def _info(row: tuple) -> VersionInfo:
    version, source, at, features, level, province, sha256, report, by = row
    stamp = at.astimezone(_dt.UTC).isoformat(timespec="seconds") if at else ""
    return VersionInfo(
        version=int(version),
        source=str(source),
        imported_at=stamp,
        features=int(features),
        level=str(level),
        province=province,
        sha256=str(sha256 or ""),
        report={**dict(report or {}), "imported_by": by},
    )


def _insert_version(
    conn: psycopg.Connection, number: int, result: ImportResult, layer: Layer, report: dict
) -> VersionInfo:
    from psycopg.types.json import Jsonb

    row = conn.execute(
        "INSERT INTO infra_atlas.boundary_versions (version, source, sha256, content_hash, level,"
        " province, features, report) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
        " RETURNING imported_at",
        (
            number,
            result.source,
            result.sha256,
            report["content_hash"],
            layer.level,
            layer.province,
            len(layer.gdf),
            Jsonb(json.loads(json.dumps(report, allow_nan=False, default=str))),
        ),
    ).fetchone()
    at = row[0].astimezone(_dt.UTC).isoformat(timespec="seconds")
    return VersionInfo(
        number, result.source, at, len(layer.gdf), layer.level, layer.province,
        result.sha256, report,
    )  # fmt: skip


def _copy_regions(
    conn: psycopg.Connection, version: int, rows: list[list[str | None]], wkbs: list[bytes]
) -> None:
    """Write a version's regions with a binary COPY (the geometry as EWKB, SRID 4326)."""
    with conn.cursor().copy(
        "COPY infra_atlas.boundary_regions (version, fid, adcode, name_zh, name_en, geom)"
        " FROM STDIN (FORMAT BINARY)"
    ) as copy:
        copy.set_types(["int4", "int4", "text", "text", "text", "bytea"])
        for fid, (row, wkb) in enumerate(zip(rows, wkbs, strict=True)):
            copy.write_row((version, fid, *row, wkb))


def _multi(geoms: Any) -> Any:
    """Return every polygon as a MultiPolygon (the column's type)."""
    import numpy as np
    import shapely

    geoms = np.asarray(geoms, dtype=object).copy()
    single = shapely.get_type_id(geoms) == 3
    geoms[single] = [shapely.MultiPolygon([g]) for g in geoms[single]]
    return geoms


def _set_active(conn: psycopg.Connection, key: str, version: int) -> None:
    """Point a (province, level) at a version and keep its view for QGIS."""
    from psycopg import sql

    conn.execute(
        "INSERT INTO infra_atlas.active_layers (scope, version) VALUES (%s, %s) ON CONFLICT"
        " (scope) DO UPDATE SET version = EXCLUDED.version, set_at = now(), set_by = current_user",
        (key, version),
    )
    conn.execute(
        sql.SQL(
            "CREATE OR REPLACE VIEW infra_atlas.{} AS SELECT r.fid, r.adcode, r.name_zh, "
            "r.name_en, r.geom FROM infra_atlas.boundary_regions r JOIN infra_atlas.active_layers"
            " a ON a.version = r.version WHERE a.scope = {}"
        ).format(sql.Identifier(view_name(key)), sql.Literal(key))
    )


# ------------------------------------------------------------------------ local cache
def _cache_file(digest: str) -> Path | None:
    if not digest or not all(c in "0123456789abcdef" for c in digest):
        return None
    return cache_dir() / "workspace" / f"{digest}.gpkg"


def _read_cached(digest: str) -> gpd.GeoDataFrame | None:
    """Return a layer kept in the local cache under its content hash, or None (any damage).

    The cache is a GeoPackage read like a local version's (the same reader, the same time).
    """
    path = _cache_file(digest)
    if path is None or not path.is_file():
        return None
    try:
        return _read_layer(str(path), path.stat().st_mtime_ns).copy()
    except Exception:  # noqa: BLE001 - a damaged cache file is a miss (GDAL's errors are many)
        return None


def _write_cached(digest: str, gdf: gpd.GeoDataFrame) -> None:
    """Keep a layer in the local cache (a cache that cannot be written only costs a fetch)."""
    import pyogrio

    path = _cache_file(digest)
    if path is None:
        return
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path, ".gpkg") as tmp:
            frame = gdf[[*_COLUMNS, "geometry"]].reset_index(drop=True)
            pyogrio.write_dataframe(frame, tmp, layer="boundaries", driver="GPKG")


def boundary_store() -> BoundaryStore:
    """Return the boundary store of the workspace in use: the data home's, or a PostGIS one.

    See :func:`geodata.postgis.workspace.store_in_use` (a damaged setting: the local store).
    """
    return store_in_use(BoundaryStore, _shared)


@cache
def _shared(dsn: str) -> PostgisBoundaryStore:
    """Return the one store of a workspace in this process (its connection is reused)."""
    return PostgisBoundaryStore(dsn)
