"""City roles on the city and the county maps."""

import shapely

from geodata.boundaries.bundled import bundled_layer
from geodata.plan.details import region_details
from geodata.plan.metrics import available_metrics, classify_metric

MASTER = {"140105", "140106", "140107", "140108", "140109", "140110", "140702", "140703"}


def role_metric(layer, targets):
    return next(m for m in available_metrics(layer, targets) if m.id == "role")


def test_county_map_draws_the_master_from_its_counties(all_targets):
    layer = bundled_layer("county", "140000")
    role = role_metric(layer, all_targets)
    by_role: dict[object, set[str]] = {}
    for code, value in role.values.items():
        by_role.setdefault(value, set()).add(code)
    assert by_role["master"] == MASTER  # Taiyuan's districts with Yuci and Taigu
    assert {"140121", "140122", "140123", "140181", "140728"} <= by_role[None]  # Qingxu... Pingyao
    assert by_role["assistant"] >= {"140213", "140403", "141002"}  # Pingcheng, Luzhou, Yaodu
    assert {"140902", "140802", "140502"} <= by_role["centre"]  # Xinfu, Yanhu, Jincheng's
    assert "districts" in role.note("en") and "太谷区" in role.note("zh")
    classes = classify_metric(role, language="en")
    assert classes.color_of["140702"] == classes.color_of["140105"] != classes.color_of["140121"]

    # the master area is the eight counties, not the two whole cities of the city map
    gdf = layer.gdf.set_index("adcode")
    drawn = shapely.union_all(gdf.loc[sorted(MASTER), "geometry"].values)
    cities = bundled_layer("city", "140000").gdf.set_index("adcode")
    whole = shapely.union_all(cities.loc[["140100", "140700"], "geometry"].values)
    assert drawn.area < 0.5 * whole.area
    assert shapely.area(shapely.difference(drawn, whole)) < 1e-3 * drawn.area


def test_city_map_keeps_whole_cities(all_targets):
    role = role_metric(bundled_layer("city", "140000"), all_targets)
    assert role.values["140100"] == role.values["140700"] == "master"
    assert role.values["140200"] == "assistant" and role.notes == {}


def test_a_district_shows_its_citys_role_and_a_county_none(all_targets):
    assert region_details("140703", all_targets).role.role == "master"  # Taigu
    assert region_details("140703", all_targets).role.adcode == "140700"
    assert region_details("140123", all_targets).role is None  # Loufan, a county of Taiyuan
