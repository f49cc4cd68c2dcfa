"""The diff of two boundary versions, and its map."""

import re

import pytest
import shapely

from geodata.boundaries.bundled import bundled_layer
from geodata.boundaries.diff import diff_layers
from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.boundaries.store import BoundaryStore
from tests import boundary_cases as cases


def test_diff_reports_added_removed_renamed_recoded_and_area(tmp_path):
    old = bundled_layer("city", "140000")
    new_gdf = old.gdf.copy()
    new_gdf.loc[new_gdf["adcode"] == "140100", "name_zh"] = "龙城市"  # renamed
    new_gdf.loc[new_gdf["adcode"] == "140200", "adcode"] = "140299"  # recoded (same name)
    grow = new_gdf["adcode"] == "140300"
    new_gdf.loc[grow, "geometry"] = shapely.buffer(new_gdf.loc[grow, "geometry"].values, 0.05)
    new_gdf = new_gdf[new_gdf["adcode"] != "141100"]  # removed
    extra = new_gdf.iloc[[0]].copy()
    extra["adcode"], extra["name_zh"] = "141200", "新区"
    extra["geometry"] = [shapely.box(111.0, 36.0, 111.2, 36.2)]
    import pandas as pd

    new = type(old)(
        gdf=pd.concat([new_gdf, extra], ignore_index=True),
        level="city",
        province="140000",
        source="test",
        datum_in="wgs84",
    )
    diff = diff_layers(old, new, 0, 1)
    kinds = {(r["change"], r["code"] or r["old_code"]) for r in diff.rows}
    assert ("renamed", "140100") in kinds
    assert ("recoded", "140299") in kinds
    assert ("area", "140300") in kinds
    assert ("removed", "141100") in kinds
    assert ("added", "141200") in kinds
    assert ("removed", "140200") not in kinds  # it was recoded, not removed
    assert len(diff.rows) == 5 and len(diff.frame) == 5
    area = next(r for r in diff.rows if r["change"] == "area")
    assert area["area_change"] > 1 and area["lost_km2"] == 0 and area["gained_km2"] > 100
    drawn = diff.frame[diff.frame["change"] == "area"]
    assert list(drawn["piece"]) == ["gained"]  # the ring the buffer added, not the whole city


def test_diff_map_is_offline_and_escapes_names(home, tmp_path):
    from geodata.web.diffmap import render_diff_map
    from tests.pagescan import rendered_remote_urls

    store = BoundaryStore()
    first = store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "a.geojson")))
    names = list(cases.shanxi_cities()["name_zh"])
    names[0] = cases.HOSTILE_SCRIPT
    info = store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "h.geojson", names)))
    diff = store.diff(info.version)
    assert [r["change"] for r in diff.rows] == ["renamed"]
    before = store.layer_of(first.version, "city", "140000")
    html = render_diff_map(diff, before, language="zh")
    assert rendered_remote_urls(html) == []
    assert "document.title='pwned2'" not in html and "<script>document" not in html
    assert "更名" in html and "版本 1 &rarr; 2" in html


ALBERS = "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +ellps=WGS84 +units=m"


def km2(geometry) -> float:
    import geopandas as gpd

    return float(gpd.GeoSeries([geometry], crs="EPSG:4326").to_crs(ALBERS).area.iloc[0]) / 1e6


def strip_of(geometry, share: float):
    """The part of ``geometry`` south of a parallel, holding ``share`` of its area (bisection)."""
    minx, miny, maxx, maxy = geometry.bounds
    low, high, whole = miny, maxy, km2(geometry)
    for _ in range(50):
        mid = (low + high) / 2
        piece = shapely.intersection(geometry, shapely.box(minx - 1, miny - 1, maxx + 1, mid))
        low, high = (mid, high) if km2(piece) < share * whole else (low, mid)
    return piece


def moved_pair(tmp_path):
    """A GeoPackage of Shanxi's cities and a GeoJSON where three borders moved.

    Taiyuan loses 0.65% of its area to Jinzhong; Lüliang loses 2 km² (under 0.1% of it, over
    1 km²); Yangquan loses 0.3 km² (under both thresholds).
    """
    old = cases.shanxi_cities()[["adcode", "name_zh", "geometry"]].rename(
        columns={"name_zh": "name"}
    )
    old.to_file(tmp_path / "old.gpkg", driver="GPKG")
    new = old.copy().set_index("adcode")
    pieces = {}
    for code, share in (("140100", 0.0065), ("141100", 2 / 21132), ("140300", 0.3 / 4562)):
        pieces[code] = strip_of(new.loc[code, "geometry"], share)
        new.loc[code, "geometry"] = shapely.difference(new.loc[code, "geometry"], pieces[code])
    new.loc["140700", "geometry"] = shapely.union(new.loc["140700", "geometry"], pieces["140100"])
    new.reset_index().to_file(tmp_path / "new.geojson", driver="GeoJSON")
    return tmp_path / "old.gpkg", tmp_path / "new.geojson", pieces


def test_a_region_losing_0_65_percent_is_listed_with_the_moved_piece(home, tmp_path):
    old_path, new_path, pieces = moved_pair(tmp_path)
    store = BoundaryStore()
    store.add(inspect_boundary_file(old_path))
    info = store.add(inspect_boundary_file(new_path))
    diff = store.diff(info.version)
    rows = {r["code"]: r for r in diff.rows}
    assert set(rows) == {"140100", "140700", "141100"}  # not Yangquan's 0.3 km²
    assert all(r["change"] == "area" for r in rows.values())
    taiyuan = rows["140100"]
    assert taiyuan["area_change"] == pytest.approx(-0.65, abs=0.02)
    assert taiyuan["lost_km2"] == pytest.approx(km2(pieces["140100"]), rel=0.01)
    assert taiyuan["gained_km2"] < 0.01
    assert rows["140700"]["gained_km2"] == pytest.approx(taiyuan["lost_km2"], rel=0.01)
    assert rows["141100"]["lost_km2"] == pytest.approx(2, rel=0.05)
    assert abs(rows["141100"]["area_change"]) < 0.1  # listed for its km², not its share
    assert diff.to_dict()["changes"] == diff.rows

    # the map gets the piece that moved, not the whole region
    drawn = diff.frame[(diff.frame["adcode"] == "140100") & (diff.frame["piece"] == "lost")]
    assert len(drawn) == 1
    piece = drawn.geometry.iloc[0]
    assert km2(shapely.symmetric_difference(piece, pieces["140100"])) < 0.01 * km2(piece)
    assert km2(piece) < 0.01 * km2(store.load(info.version).gdf.geometry.iloc[0])


def test_the_diff_map_draws_the_pieces_and_opens_on_them(home, tmp_path):
    from geodata.web.diffmap import MAX_ZOOM, PIECE_COLORS, change_features, render_diff_map

    old_path, new_path, pieces = moved_pair(tmp_path)
    store = BoundaryStore()
    first = store.add(inspect_boundary_file(old_path))
    diff = store.diff(store.add(inspect_boundary_file(new_path)).version)
    shown = change_features(diff.frame, "en")
    lost = shown[shown["label"].str.startswith("piece lost: 140100")]
    assert len(lost) == 1 and lost["color"].iloc[0] == PIECE_COLORS["lost"]
    assert "km²)" in lost["label"].iloc[0]
    assert list(shown["piece"]).index("gained") > list(shown["piece"]).index("lost")
    html = render_diff_map(diff, store.layer_of(first.version, "city", "140000"), "en")
    assert "piece lost: 140100" in html and "piece gained: 140700" in html
    assert "area changed by more than 1 km² or 0.1%" in html
    assert f'"maxZoom": {MAX_ZOOM}' in html
    fitted = re.search(r"fitBounds\(\s*\[\[([\d.]+),\s*([\d.]+)\],\s*\[([\d.]+),", html)
    south = min(shapely.bounds(pieces[code])[1] for code in ("140100", "141100"))
    assert float(fitted[1]) == pytest.approx(south, abs=1e-6)  # the pieces, not the province
    assert float(fitted[1]) > store.layer_of(first.version, "city", "140000").gdf.total_bounds[1]
