"""Joining targets to layers: codes, names, corridors."""

import dataclasses

import pytest

from geodata.boundaries.active import cities, provinces
from geodata.boundaries.importer.inspect import read_boundary_file
from geodata.plan.corridors import (
    corridor_crossings,
    geodesic_length_km,
    length_by_region,
    load_corridors,
)
from geodata.plan.join import join


@pytest.mark.parametrize("province", ["shanxi", "zhejiang"])
def test_bundled_join_has_no_unmatched_targets(all_targets, province):
    report = join(all_targets, cities(province))
    assert report.regions == 11
    assert report.unmatched_targets == [] and report.ambiguous == []
    assert report.matched


def test_shanxi_layout_row_joins_every_city(all_targets):
    report = join(all_targets, cities("shanxi"))
    assert {m["region"] for m in report.matched if m["target"] == "SX-20"} == set(
        cities("shanxi").adcodes
    )
    assert report.unmatched_regions == []


def test_corridors_join_to_the_cities_they_cross(all_targets):
    report = join(all_targets, cities("zhejiang"))
    by_corridor: dict[str, list[str]] = {}
    for c in report.corridors:
        by_corridor.setdefault(c.corridor, []).append(c.adcode)
    assert by_corridor["hangzhou-shaoxing-ningbo"] == ["330100", "330600", "330200"]
    assert by_corridor["hangzhou-ring-road-west"] == ["330500", "330100", "330600"]
    assert {m["region"] for m in report.matched if m["target"] == "ZJ-07"} == {
        "330100",
        "330600",
        "330200",
    }
    assert report.warnings == []


def test_corridor_lengths_add_up_to_the_line():
    corridors = load_corridors()
    crossings = corridor_crossings(corridors, cities("zhejiang"))
    for _, line in corridors.iterrows():
        total = sum(c.length_km for c in crossings if c.corridor == line["id"])
        assert total == pytest.approx(geodesic_length_km(line.geometry), rel=0.02)
    lengths = length_by_region(crossings)
    assert lengths["330100"] > 50  # both corridors cross Hangzhou
    assert "330300" not in lengths  # Wenzhou is far south


def test_targets_named_ambiguously_are_reported(all_targets):
    t = next(t for t in all_targets if t.id == "ZJ-05")
    bad = dataclasses.replace(t, id="X-1", regions=("Taizhou",))
    other = dataclasses.replace(t, id="X-2", regions=("Atlantis",))
    named = dataclasses.replace(t, id="X-3", regions=("Ningbo Shi",))
    report = join([bad, other, named], cities("zhejiang"))
    assert report.ambiguous == [
        {"target": "X-1", "wanted": "Taizhou", "candidates": ["321200", "331000"]}
    ]
    assert report.unmatched_targets == [{"target": "X-2", "wanted": "Atlantis"}]
    assert report.matched == [{"target": "X-3", "region": "330200", "name": "宁波市"}]


def test_province_layer_joins_province_wide_targets(all_targets):
    report = join(all_targets, provinces())
    assert report.unmatched_targets == []
    assert {m["region"] for m in report.matched} == {"140000", "330000"}


def test_agency_file_in_gauss_kruger_with_12_digit_codes(all_targets, data_dir):
    layer = read_boundary_file(data_dir / "shanxi_cities_4547.geojson")
    assert (layer.level, layer.province, layer.code_field) == ("city", "140000", "QHDM")
    assert layer.gdf.crs.to_epsg() == 4326
    minx, miny, maxx, maxy = layer.gdf.total_bounds
    assert 110 < minx < maxx < 115 and 34 < miny < maxy < 41
    report = join(all_targets, layer)
    assert (
        report.regions == 11 and report.unmatched_targets == [] and report.unmatched_regions == []
    )


def test_pinyin_file_without_codes(all_targets, data_dir):
    layer = read_boundary_file(data_dir / "shanxi_cities_pinyin.geojson")
    assert layer.name_field == "NAME" and layer.code_field is None
    assert sorted(layer.adcodes) == sorted(cities("shanxi").adcodes)
    assert join(all_targets, layer).unmatched_targets == []
