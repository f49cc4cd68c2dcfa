"""Does an imported layer look like its province? Codes on the wrong polygons, regions missing.

A file whose code column was sorted apart from its polygons (Taiyuan's code on Datong's shape)
imports "fine" and then misleads every map. Before storing, each feature is compared with the
bundled region of its code: when it covers little of that region but most of another one, the
codes are likely swapped. A regional layer that lacks some of its province's regions says which.
The comparison uses shapes simplified to about a kilometre: boundary revisions move borders by
far less than the overlap shares that flag a swap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import geopandas as gpd

    from geodata.layer import Layer

#: Simplification of both layers before comparing them, in degrees (about a kilometre).
TOLERANCE_DEG = 0.01
#: A feature covering less than this share of its code's bundled region is suspect.
MIN_OWN_SHARE = 0.5


def misplaced_codes(gdf: gpd.GeoDataFrame, adcodes: list[str | None], bundled: Layer) -> list[str]:
    """Return a warning of the features that lie where another code's region is.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        The imported features in WGS-84.
    adcodes : list of str or None
        The region each feature was matched to.
    bundled : Layer
        The bundled layer of the same level and province (or China) to compare with.
    """
    import numpy as np
    import shapely

    codes = list(bundled.gdf["adcode"])
    reference = shapely.simplify(np.asarray(bundled.gdf.geometry.values), TOLERANCE_DEG)
    position = {code: k for k, code in enumerate(codes)}
    rows = [i for i, code in enumerate(adcodes) if code in position]
    if not rows:
        return []
    mine = shapely.make_valid(
        shapely.simplify(np.asarray(gdf.geometry.values)[rows], TOLERANCE_DEG)
    )
    own = _share(mine, reference[[position[adcodes[i]] for i in rows]])
    suspects = [(k, share) for k, share in enumerate(own) if share < MIN_OWN_SHARE]
    if not suspects:
        return []
    tree = shapely.STRtree(reference)
    listed = [
        _where_it_lies(adcodes[rows[k]], mine[k], tree, reference, codes, share)
        for k, share in suspects
    ]
    return [
        f"{len(suspects)} features lie mostly outside the region their code names "
        f"({'; '.join(listed[:4])}{'...' if len(listed) > 4 else ''}): the codes may be "
        "swapped with the polygons; check the code field before using this layer"
    ]


def _share(mine: object, theirs: object) -> object:
    """Return, per pair, the share of the bundled region the feature covers (0 to 1)."""
    import numpy as np
    import shapely

    with np.errstate(invalid="ignore", divide="ignore"):
        inter = shapely.area(shapely.intersection(mine, theirs))
        return np.nan_to_num(inter / shapely.area(theirs), nan=0.0)


def _where_it_lies(
    code: str | None, geom: object, tree: object, reference: object, codes: list, share: float
) -> str:
    """Return ``140100 lies on 140200 (3% on its own region)`` for one suspect feature."""
    import shapely

    near = tree.query(geom)  # type: ignore[attr-defined]
    areas = shapely.area(shapely.intersection(geom, reference[near]))  # type: ignore[index]
    ranked = sorted(zip(areas, (codes[j] for j in near), strict=True), reverse=True)
    best = next((other for area, other in ranked if other != code and area > 0), None)
    place = f"lies on {best}" if best else "lies elsewhere"
    return f"{code} {place} ({share:.0%} on its own region)"


def missing_regions(adcodes: list[str | None], bundled: Layer) -> list[str]:
    """Return a warning naming the bundled regions of the layer's province the file lacks."""
    present = {c for c in adcodes if c}
    missing = [
        (code, name)
        for code, name in zip(bundled.gdf["adcode"], bundled.gdf["name_zh"], strict=True)
        if code not in present
    ]
    if not missing or not present:
        return []
    listed = ", ".join(f"{name} ({code})" for code, name in missing[:8])
    more = f" and {len(missing) - 8} more" if len(missing) > 8 else ""
    return [
        f"the file has no region for {len(missing)} of the {len(bundled.gdf)} "
        f"{bundled.level} regions of the province: {listed}{more}; the map will show them "
        "empty (check that the file is complete)"
    ]
