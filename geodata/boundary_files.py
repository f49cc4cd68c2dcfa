"""Read a boundary file a user supplies into a :class:`~geodata.layer.Layer`.

A thin front to :mod:`geodata.importer` for callers that want the layer only (``join`` and
``map --boundaries``): the importer reads any format pyogrio reads, reprojects any CRS (read,
given or guessed) to WGS-84, converts GCJ-02/BD-09 when told, repairs the shapefile text
encoding, guesses the name and code fields and repairs invalid polygons. Its warnings are kept
in ``Layer.warnings``.
"""

from __future__ import annotations

from pathlib import Path

from geodata.importer import guess_code_field, guess_name_field, inspect_boundary_file
from geodata.layer import Layer

__all__ = ["guess_code_field", "guess_name_field", "read_boundary_file"]


def read_boundary_file(
    path: str | Path,
    level: str | None = None,
    province: str | None = None,
    name_field: str | None = None,
    code_field: str | None = None,
    datum: str = "wgs84",
    layer: str | None = None,
    crs: str | None = None,
    encoding: str | None = None,
) -> Layer:
    """Read a polygon boundary file into a WGS-84 region layer (nothing is stored).

    Parameters
    ----------
    path : str or Path
        Any vector file GDAL reads (GeoJSON, shapefile, GeoPackage, zipped shapefile...).
    level : {"province", "city", "county"}, optional
        Guessed from the codes (or names) when not given.
    province : str, optional
        Adcode of the province the file covers; guessed from the regions when not given.
    name_field, code_field : str, optional
        The fields holding region names and codes; guessed when not given.
    datum : {"wgs84", "gcj02", "bd09"}
        Datum of the file's coordinates (AMap and Tencent data are GCJ-02, Baidu's BD-09).
    layer : str, optional
        Layer name inside a multi-layer file.
    crs : str, optional
        The file's CRS when it has none or a wrong one.
    encoding : str, optional
        A shapefile's text encoding (detected when not given).

    Returns
    -------
    Layer
        With ``version`` ``"file"``.

    Raises
    ------
    InputError
        For a missing, empty, unreadable or non-polygon file, or a field that does not exist.
    """
    result = inspect_boundary_file(
        path,
        level=level,
        province=province,
        name_field=name_field,
        code_field=code_field,
        crs=crs,
        datum=datum,
        encoding=encoding,
        layer=layer,
    )
    result.layer.version = "file"
    return result.layer
