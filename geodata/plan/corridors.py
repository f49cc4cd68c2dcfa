"""Corridors (Zhejiang's smart expressways) and the cities they cross.

The bundled lines are schematic (drawn through the places public reports name, see the
``corridors`` files in ``seeds/manifest.yaml``): each feature names the sources of its places,
its reported length (``length_km_reported``, which the drawn line's geodesic length stays within
5% of) and any opening date; a user may load a surveyed line file instead with the same ``id`` /
``name_en`` / ``name_zh`` properties.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.errors import InputError
from geodata.layer import Layer
from geodata.plan.provinces import profiles

if TYPE_CHECKING:
    import geopandas as gpd


@dataclass(frozen=True)
class Crossing:
    """The part of a corridor inside one region.

    Attributes
    ----------
    corridor : str
        Corridor id.
    name_en, name_zh : str
        Corridor names.
    adcode, region_name : str
        The region crossed.
    length_km : float
        Geodesic length of the corridor inside the region, in km.
    schematic : bool
        True when the corridor geometry is schematic.
    """

    corridor: str
    name_en: str
    name_zh: str
    adcode: str
    region_name: str
    length_km: float
    schematic: bool

    def to_dict(self) -> dict:
        """Return the JSON form."""
        return {
            "corridor": self.corridor,
            "region": self.adcode,
            "name": self.region_name,
            "length_km": round(self.length_km, 1),
            "schematic": self.schematic,
        }


def load_corridors(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """Read corridor lines (by default every province's bundled corridors) in WGS-84.

    Parameters
    ----------
    path : str or Path, optional
        A line file (GeoJSON, GeoPackage, shapefile...) with an ``id`` property.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``id``, ``name_en``, ``name_zh``, ``schematic`` and the file's other properties.

    Raises
    ------
    InputError
        When the file holds no lines or no ``id`` column.
    """
    import geopandas as gpd
    import pandas as pd

    if path is None:
        files = [p.corridors for p in profiles().values() if p.corridors is not None]
        frames = [load_corridors(f) for f in files]
        return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs="EPSG:4326")
    path = Path(path)
    gdf = gpd.read_file(path)
    if gdf.empty or not gdf.geom_type.isin(["LineString", "MultiLineString"]).all():
        raise InputError(f"{path.name} must hold line features only: export the corridors as lines")
    if "id" not in gdf.columns:
        raise InputError(f"{path.name} has no 'id' field: add one naming each corridor")
    gdf = gdf.to_crs("EPSG:4326") if gdf.crs is not None else gdf.set_crs("EPSG:4326")
    for column, default in (("name_en", None), ("name_zh", None), ("schematic", False)):
        if column not in gdf.columns:
            gdf[column] = gdf["id"] if default is None else default
    gdf["schematic"] = gdf["schematic"].fillna(False).astype(bool)
    return gdf


def geodesic_length_km(geometry: object) -> float:
    """Return the geodesic length of a WGS-84 line on the WGS-84 ellipsoid, in km."""
    from pyproj import Geod

    return Geod(ellps="WGS84").geometry_length(geometry) / 1000.0


def corridor_crossings(corridors: gpd.GeoDataFrame, layer: Layer) -> list[Crossing]:
    """Return, for every corridor, the regions of a layer it crosses and the length in each.

    Lengths are geodesic (on the WGS-84 ellipsoid) rather than measured in a projection, so no
    projection's scale error enters them. Crossings shorter than 10 m (a line grazing a border)
    are left out.

    Parameters
    ----------
    corridors : geopandas.GeoDataFrame
        From :func:`load_corridors`.
    layer : Layer
        Region polygons in WGS-84.

    Returns
    -------
    list of Crossing
        Ordered by corridor, then by where the corridor enters the region.
    """
    import shapely

    regions = layer.gdf
    tree = shapely.STRtree(regions.geometry.values)
    out: list[Crossing] = []
    for _, line in corridors.iterrows():
        hits = tree.query(line.geometry, predicate="intersects")
        rows = []
        for i in hits:
            region = regions.iloc[int(i)]
            part = shapely.intersection(line.geometry, region.geometry)
            length = geodesic_length_km(part)
            if length < 0.01:
                continue
            entry = line.geometry.project(shapely.points(shapely.get_coordinates(part)[0]))
            rows.append((entry, region, length))
        for _, region, length in sorted(rows, key=lambda r: r[0]):
            out.append(
                Crossing(
                    corridor=str(line["id"]),
                    name_en=str(line["name_en"]),
                    name_zh=str(line["name_zh"]),
                    adcode=str(region["adcode"]),
                    region_name=str(region["name_zh"]),
                    length_km=length,
                    schematic=bool(line["schematic"]),
                )
            )
    return out


def length_by_region(crossings: list[Crossing]) -> dict[str, float]:
    """Return the total corridor length (km) inside each region adcode."""
    totals: dict[str, float] = {}
    for c in crossings:
        totals[c.adcode] = totals.get(c.adcode, 0.0) + c.length_km
    return totals
