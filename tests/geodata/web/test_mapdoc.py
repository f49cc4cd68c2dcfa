"""The map document: offline, escaped, styled as data."""

import json
import re

import pytest
import shapely

from geodata.boundaries.active import cities, provinces
from geodata.drawing import MapOptions
from geodata.layer import Layer
from geodata.plan.corridors import corridor_crossings, load_corridors
from geodata.plan.metrics import available_metrics
from geodata.web.document import page_geometry, render_map, safe_json, style_payload
from tests.pagescan import rendered_local_files, rendered_remote_urls


def page_data(html: str) -> dict:
    match = re.search(r"InfraAtlas\.init\(\w+, (\{.*\})\);", html)
    assert match, "the page does not call InfraAtlas.init"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def zhejiang_html(all_targets):
    layer = cities("zhejiang")
    corridors = load_corridors()
    return render_map(
        layer,
        all_targets,
        context=provinces(),
        corridors=corridors,
        crossings=corridor_crossings(corridors, layer),
        options=MapOptions(metric="corridor_km", language="en"),
    )


def test_page_is_offline_and_its_files_exist(zhejiang_html):
    assert rendered_remote_urls(zhejiang_html) == []
    files = rendered_local_files(zhejiang_html)
    assert any(f.name == "atlas.js" for f in files) and any(f.name == "leaflet.js" for f in files)
    assert all(f.exists() for f in files)
    assert "qrc:///qtwebchannel/qwebchannel.js" in zhejiang_html


def test_page_data(zhejiang_html):
    data = page_data(zhejiang_html)
    assert len(data["regions"]["features"]) == 11
    assert {f["properties"]["id"] for f in data["corridors"]["features"]} == {
        "hangzhou-shaoxing-ningbo",
        "hangzhou-ring-road-west",
    }
    assert all(f["properties"]["schematic"] for f in data["corridors"]["features"])
    assert data["style"]["metric"] == "corridor_km"
    assert data["style"]["colors"]["330300"] != data["style"]["colors"]["330100"]
    assert data["language"] == "en" and len(data["context"]["features"]) == 34
    assert data["roles"] == []  # Zhejiang has no Shanxi roles
    assert data["roleLegend"] == []  # ... so its legend explains none


def test_basemap_is_the_only_remote_resource(all_targets):
    layer = cities("shanxi")
    options = MapOptions(
        overlays={
            "choropleth": True,
            "roles": True,
            "corridors": True,
            "labels": True,
            "context": True,
            "basemap": True,
        }
    )
    remote = rendered_remote_urls(render_map(layer, all_targets, options=options))
    assert remote and all("openstreetmap" in url for url in remote)


def test_hostile_names_are_escaped(all_targets):
    layer = cities("shanxi")
    gdf = layer.gdf.copy()
    gdf.loc[0, "name_zh"] = "</script><img src=x onerror=alert(1)>"
    hostile = Layer(gdf=gdf, level="city", province="140000", source="test", datum_in="wgs84")
    html = render_map(hostile, all_targets)
    assert "<img src=x" not in html and "</script><img" not in html
    assert page_data(html)["regions"]["features"][0]["properties"]["name_zh"].startswith(
        "</script>"
    )


def test_safe_json_round_trips():
    data = {"a": "<b>&'\u2028"}
    assert json.loads(safe_json(data)) == data
    assert "<" not in safe_json(data)


def test_page_geometry_keeps_a_valid_coverage():
    layer = cities("zhejiang")
    page = page_geometry(layer.gdf, 0.001)
    geoms = [shapely.from_geojson(json.dumps(f["geometry"])) for f in page["features"]]
    assert shapely.coverage_is_valid(geoms)
    assert sum(len(shapely.get_coordinates(g)) for g in geoms) < len(
        shapely.get_coordinates(layer.gdf.geometry.values)
    )


def test_style_payload_changes_with_metric(all_targets):
    layer = cities("shanxi")
    metrics = {m.id: m for m in available_metrics(layer, all_targets)}
    role = style_payload(metrics["role"], "natural_breaks", 4)
    items = style_payload(metrics["plan_items"], "natural_breaks", 4)
    assert [e["label"] for e in role["legend"]["zh"]] == ["一主", "三副", "六市域中心"]
    assert role["colors"]["140100"] != role["colors"]["140200"]
    assert role["legend"] != items["legend"]
    assert role["values"]["en"]["140200"] == "three assistants"


def test_style_payload_says_when_fewer_classes_are_drawn(all_targets):
    layer = cities("zhejiang")
    crossings = corridor_crossings(load_corridors(), layer)
    km = {m.id: m for m in available_metrics(layer, all_targets, crossings)}["corridor_km"]
    fewer = style_payload(km, "natural_breaks", 7)  # five distinct lengths (0 and four)
    assert fewer["kind"] == "numeric" and fewer["scheme"] == "natural_breaks"
    assert (fewer["asked"], fewer["drawn"], fewer["reason"]) == (7, 5, "distinct_values")
    assert fewer["note"] == {
        "zh": "绘制 5 类（设定 7 类）：仅 5 个不同数值",
        "en": "5 of 7 classes drawn: only 5 distinct values",
    }
    assert len(fewer["legend"]["en"]) == 5
    full = style_payload(km, "natural_breaks", 4)
    assert (full["asked"], full["drawn"], full["reason"]) == (4, 4, None)
    assert full["note"] == {"zh": "", "en": ""}


def test_categorical_style_has_no_scheme_or_classes(all_targets):
    role = {m.id: m for m in available_metrics(cities("shanxi"), all_targets)}["role"]
    payload = style_payload(role, "quantiles", 7)
    assert payload["kind"] == "categorical"
    assert set(payload) == {"metric", "kind", "title", "legend", "colors", "values"}


def test_shanxi_page_has_roles_and_no_corridors(all_targets):
    data = page_data(render_map(cities("shanxi"), all_targets))
    assert [r["en"] for r in data["roleLegend"]] == [
        "one master",
        "three assistants",
        "six city-region centres",
    ]
    assert data["corridors"] is None
