"""Metrics and their classification."""

import pytest

from geodata.boundaries.bundled import cities
from geodata.plan.classify import NO_DATA, classify_numeric, palette
from geodata.plan.corridors import corridor_crossings, load_corridors
from geodata.plan.metrics import available_metrics, classify_metric
from geodata.plan.user_targets import import_user_targets


def test_default_metrics(all_targets):
    shanxi = {m.id: m for m in available_metrics(cities("shanxi"), all_targets)}
    assert set(shanxi) == {"role", "plan_items"}
    assert shanxi["role"].values["140100"] == "master"
    assert shanxi["plan_items"].values == dict.fromkeys(cities("shanxi").adcodes, 1)
    layer = cities("zhejiang")
    zj = {
        m.id: m
        for m in available_metrics(layer, all_targets, corridor_crossings(load_corridors(), layer))
    }
    assert set(zj) == {"plan_items", "corridor_km"}
    assert zj["plan_items"].values["330100"] == 4  # ZJ-05, ZJ-06 and both corridors
    assert zj["corridor_km"].values["330300"] == 0
    assert zj["corridor_km"].values["330100"] > 50


def test_imported_metric_becomes_a_metric(all_targets, tmp_path):
    path = tmp_path / "racks.csv"
    path.write_text(
        "region,metric,value,unit\n太原,Racks,300,racks\n140100,Racks,200,racks\n"
        "Datong,Racks,100,racks\n",
        encoding="utf-8",
    )
    user = import_user_targets(path).targets
    metrics = {m.id: m for m in available_metrics(cities("shanxi"), all_targets + user)}
    racks = metrics["user:Racks|racks"]
    assert racks.values["140100"] == 500 and racks.values["140200"] == 100
    assert racks.values["140300"] is None
    classes = classify_metric(racks, "equal_interval", 2)
    assert classes.color_of["140300"] == NO_DATA
    assert classes.color_of["140100"] != classes.color_of["140200"]


@pytest.mark.parametrize("scheme", ["natural_breaks", "quantiles", "equal_interval"])
def test_numeric_classes(scheme):
    values = {str(i): float(v) for i, v in enumerate([1, 2, 3, 10, 11, 12, 50, 55, 60, 100])}
    c = classify_numeric("m", values, scheme, 4)
    assert len(c.colors) == len(c.labels) == len(c.bins) == 4
    assert c.colors == palette(4)
    assert c.class_of["0"] == 0 and c.class_of["9"] == 3
    assert c.bins[-1] == 100


def test_fewer_distinct_values_than_classes():
    c = classify_numeric("m", {"a": 1, "b": 1, "c": 2}, "natural_breaks", 5)
    assert len(c.colors) == 2
    one = classify_numeric("m", {"a": 1, "b": 1}, "quantiles", 4)
    assert len(one.colors) == 1 and one.labels == ["1"]


def test_count_labels_do_not_overlap():
    c = classify_numeric("m", {"a": 0, "b": 1, "c": 2, "d": 4, "e": 0}, "natural_breaks", 4)
    assert c.labels == ["0", "1", "2", "3 – 4"]
    c = classify_numeric("m", {"a": 0.5, "b": 1.5, "c": 2.5}, "equal_interval", 2)
    assert c.labels == ["0.5 – 1.5", "1.5 – 2.5"]
