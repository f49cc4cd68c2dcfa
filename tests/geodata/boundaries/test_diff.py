"""The diff of two boundary versions, and its map."""

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
    assert area["area_change"] > 1


def test_diff_map_is_offline_and_escapes_names(home, tmp_path):
    from geodata.web.diffmap import render_diff_map
    from tests.pagescan import rendered_remote_urls

    store = BoundaryStore()
    names = list(cases.shanxi_cities()["name_zh"])
    names[0] = cases.HOSTILE_SCRIPT
    info = store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "h.geojson", names)))
    diff = store.diff(info.version)
    assert [r["change"] for r in diff.rows] == ["renamed"]
    html = render_diff_map(diff, bundled_layer("city", "140000"), language="zh")
    assert rendered_remote_urls(html) == []
    assert "document.title='pwned2'" not in html and "<script>document" not in html
    assert "更名" in html and "版本 0 &rarr; 1" in html
