"""The engine's shared vocabulary: the words every package uses for the same things.

One place for the boundary levels, datums, classification schemes, print pages, languages and
the map's overlays, so that the engine, the command line and the window offer the same choices.
"""

from __future__ import annotations

#: Administrative levels of a boundary layer, largest first.
LEVELS: tuple[str, ...] = ("province", "city", "county")
#: The national view: China by province, city or county (its "province" is this word).
NATIONAL = "both"
#: Geodetic datums a boundary file may use (GCJ-02 is AMap's, BD-09 Baidu's).
DATUMS: tuple[str, ...] = ("wgs84", "gcj02", "bd09")
#: Classification schemes for numeric metrics.
SCHEMES: tuple[str, ...] = ("natural_breaks", "quantiles", "equal_interval")
#: Interface and map-label languages.
LANGUAGES: tuple[str, ...] = ("zh", "en")
#: Print pages, long side by short side in millimetres.
PAGES_MM: dict[str, tuple[float, float]] = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
ORIENTATIONS: tuple[str, ...] = ("landscape", "portrait")
#: The map's overlays (drawn over the regions) and whether each is shown at first. Roles and
#: corridors are drawn only where a province has them (see :mod:`geodata.plan.provinces`).
OVERLAYS: dict[str, bool] = {
    "choropleth": True,
    "roles": True,
    "corridors": True,
    "labels": True,
    "context": True,
    "basemap": False,
}
#: Online tile providers for the optional basemap (xyzservices names).
BASEMAPS: tuple[str, ...] = ("OpenStreetMap.Mapnik", "CartoDB.Positron")
