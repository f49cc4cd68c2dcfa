"""Opening a boundary file: loose or zipped, its layers, the one to read, and its hash.

GDAL (through pyogrio) reads every format; what it cannot tell the user in one sentence is
checked here first: a missing ``.dbf`` beside a shapefile, a damaged zip, a zip of several
boundary files or a file of several layers (:class:`LayerChoiceError`).
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.boundaries.importer.limits import check_size
from geodata.errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd

#: File types the importer reads, by suffix (shown in messages and file dialogs).
SUFFIXES = (".shp", ".zip", ".geojson", ".json", ".gpkg", ".kml", ".kmz", ".fgb")
FORMATS_TEXT = "a shapefile (loose or zipped), GeoJSON, GeoPackage, KML/KMZ or FlatGeobuf"
_VECTOR_MEMBERS = (".shp", ".geojson", ".json", ".gpkg", ".kml", ".fgb")
#: Tables of values: GDAL reads them, but they hold no region polygons.
_TABLES = (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods", ".dbf")


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
class Source:
    """Where GDAL reads from, and what the file system told us about it.

    Attributes
    ----------
    gdal_path : str
        The path GDAL opens (``/vsizip/...`` inside a zip).
    label : str
        The file name, for messages.
    is_shapefile : bool
        Whether the features come from a shapefile (whose text encoding may need guessing).
    has_cpg : bool
        Whether the encoding is known: a shapefile's ``.cpg``, or a format that implies it.
    hash_paths : list of Path
        The files whose bytes make the import's hash.
    member : str, optional
        The boundary file chosen inside a zip.
    choices : list of str
        The boundary files of a zip (their stems).
    """

    gdal_path: str
    label: str
    is_shapefile: bool
    has_cpg: bool
    hash_paths: list[Path]
    member: str | None = None
    choices: list[str] = field(default_factory=list)


def open_source(path: Path, member: str | None) -> Source:
    """Check a boundary file exists and is whole, and return where GDAL reads it.

    Parameters
    ----------
    path : Path
        The file the user chose.
    member : str, optional
        The boundary file to read inside a zip (its name or stem).

    Returns
    -------
    Source

    Raises
    ------
    InputError
        For a missing, empty or incomplete file; :class:`LayerChoiceError` for a zip of
        several boundary files without ``member``.
    """
    if not path.exists():
        raise InputError(f"{path} does not exist: check the path and try again")
    if path.is_dir():
        raise InputError(f"{path} is a folder: choose the boundary file inside it")
    if path.stat().st_size == 0:
        raise InputError(f"{path.name} is empty (0 bytes): choose the complete file")
    check_size(path.name, path.stat().st_size)
    suffix = path.suffix.lower()
    if suffix in _TABLES and suffix != ".dbf":
        raise InputError(
            f"{path.name} is a table, not a boundary file: choose {FORMATS_TEXT} "
            "(a sheet of targets goes in with import-targets)"
        )
    if suffix in (".zip", ".kmz"):
        return _open_zip(path, member)
    if suffix == ".shp":
        return _open_shapefile(path)
    if suffix == ".dbf":
        raise InputError(f"{path.name} is the table of a shapefile: choose the .shp beside it")
    return Source(str(path), path.name, False, True, [path])


def _open_shapefile(path: Path) -> Source:
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
    return Source(str(path), path.name, True, has_cpg, parts + extra)


def _sibling(path: Path, suffix: str) -> Path | None:
    for candidate in path.parent.glob(path.stem + ".*"):
        if candidate.suffix.lower() == suffix:
            return candidate
    return None


def _open_zip(path: Path, member: str | None) -> Source:
    """Check a zip's contents and return the vector member to read."""
    names = _zip_members(path)
    if path.suffix.lower() == ".kmz":
        kml = [n for n in names if n.lower().endswith(".kml")]
        if not kml:
            raise InputError(f"{path.name} holds no .kml document: export the KMZ again")
        return Source(f"/vsizip/{path}/{kml[0]}", path.name, False, True, [path])
    vectors = [n for n in names if n.lower().endswith(".shp")]
    if not vectors:  # no shapefile: another vector format (a stray .json beside a .shp is not)
        vectors = [n for n in names if Path(n).suffix.lower() in _VECTOR_MEMBERS]
    if not vectors:
        listed = ", ".join(names[:8]) or "nothing"
        raise InputError(
            f"the zip {path.name} holds {listed} but no boundary file: "
            f"zip {FORMATS_TEXT} and try again"
        )
    lower = {n.lower(): n for n in names}
    _check_zipped_shapefiles(path, vectors, lower)
    chosen = _zip_member(path, vectors, member)
    is_shp = chosen.lower().endswith(".shp")
    has_cpg = (chosen[: -len(".shp")] + ".cpg").lower() in lower if is_shp else True
    stems = [Path(n).stem for n in vectors]
    return Source(f"/vsizip/{path}/{chosen}", path.name, is_shp, has_cpg, [path], chosen, stems)


def _zip_members(path: Path) -> list[str]:
    """Return the files of a zip, after checking it is whole."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputError(
            f"{path.name} is not a readable zip archive (it may be truncated or damaged): "
            "download or copy it again"
        ) from exc
    with archive:
        check_size(path.name, sum(info.file_size for info in archive.infolist()), "unpacks to")
        try:
            bad = archive.testzip()
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise InputError(f"{path.name} is damaged ({exc}): download or copy it again") from exc
        if bad is not None:
            raise InputError(f"{path.name} is damaged at {bad}: download or copy it again")
        return [n for n in archive.namelist() if not n.endswith("/") and "__MACOSX" not in n]


def _check_zipped_shapefiles(path: Path, vectors: list[str], lower: dict[str, str]) -> None:
    for shp in (n for n in vectors if n.lower().endswith(".shp")):
        stem = shp[: -len(".shp")]
        for part in (".dbf", ".shx"):
            if (stem + part).lower() not in lower:
                raise InputError(
                    f"the zip {path.name} holds {Path(shp).name} but no {Path(stem).name}{part}: "
                    f"add the {part} and try again"
                )


def _zip_member(path: Path, vectors: list[str], member: str | None) -> str:
    """Return the boundary file to read inside a zip: the one asked for, or the only one."""
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
    return chosen


def file_hash(paths: list[Path]) -> str:
    """Return the SHA-256 of the bytes of ``paths``, one after the other."""
    digest = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as f:
            for chunk in iter(lambda f=f: f.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def list_layers(source: Source) -> list[tuple[str, str]]:
    """Return ``(name, geometry type)`` of every layer GDAL finds in the source.

    Raises
    ------
    InputError
        When GDAL cannot read the file.
    """
    import pyogrio

    try:
        layers = pyogrio.list_layers(source.gdal_path)
    except Exception as exc:  # pyogrio raises DataSourceError and friends
        raise InputError(
            f"{source.label} could not be read as a boundary file ({_gdal_reason(exc)}): "
            f"choose {FORMATS_TEXT}"
        ) from exc
    return [(str(name), str(kind)) for name, kind in layers]


def choose_layer(source: Source, layers: list[tuple[str, str]], wanted: str | None) -> str:
    """Return the layer to read: the one wanted, the only one, or the only polygon layer.

    Raises
    ------
    InputError
        For a file without layers; :class:`LayerChoiceError` when the choice is the user's.
    """
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


def read_features(source: Source, layer: str | None, encoding: str | None) -> gpd.GeoDataFrame:
    """Read a layer's features, its text in ``encoding`` (GDAL's choice when None).

    Raises
    ------
    InputError
        When the text is not in that encoding, or GDAL cannot read the features.
    """
    import warnings

    import pyogrio

    try:
        with warnings.catch_warnings():  # NaN coordinates warn here; check_geometry refuses them
            warnings.simplefilter("ignore", RuntimeWarning)
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


def _gdal_reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    if "not recognized as being in a supported file format" in text:
        return "not a vector format GDAL recognises"
    text = re.sub(r"'?(/vsizip/|/)[^\s']*'?", "", text).strip(" :;,.")
    text = text.split(";")[0].strip()
    return (text[:120] + "...") if len(text) > 120 else text or type(exc).__name__
