"""Metrics and their classification."""

import pytest

from geodata.boundaries.active import cities
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


def test_fewer_classes_than_asked_say_why(all_targets, tmp_path):
    shanxi = {m.id: m for m in available_metrics(cities("shanxi"), all_targets)}
    same = classify_metric(shanxi["plan_items"], "natural_breaks", 7, "en")  # one item each
    assert (same.asked, same.drawn, same.reason) == (7, 1, "one_value")
    assert same.note() == "1 of 7 classes drawn: every value is the same"

    layer = cities("zhejiang")
    crossings = corridor_crossings(load_corridors(), layer)
    km = {m.id: m for m in available_metrics(layer, all_targets, crossings)}["corridor_km"]
    assert len(set(km.values.values())) == 5  # 0 for seven cities, four lengths
    five = classify_metric(km, "natural_breaks", 7, "zh")
    assert (five.asked, five.drawn, five.reason) == (7, 5, "distinct_values")
    assert five.note() == "绘制 5 类（设定 7 类）：仅 5 个不同数值"
    tied = classify_metric(km, "quantiles", 4, "en")  # the seven zeros fill two quartiles
    assert (tied.asked, tied.drawn, tied.reason) == (4, 3, "ties")
    full = classify_metric(km, "natural_breaks", 4, "en")
    assert (full.asked, full.drawn, full.reason, full.note()) == (4, 4, None, "")

    path = tmp_path / "racks.csv"
    path.write_text("region,metric,value,unit\n太原,Racks,300,racks\n大同,Racks,100,racks\n")
    user = import_user_targets(path).targets
    racks = {m.id: m for m in available_metrics(cities("shanxi"), all_targets + user)}
    two = classify_metric(racks["user:Racks|racks"], "equal_interval", 4, "en")
    assert (two.drawn, two.reason) == (2, "regions")
    assert two.note() == "2 of 4 classes drawn: only 2 regions have a value"

    none = classify_numeric("m", {"a": None, "b": float("nan")}, "quantiles", 3, "en")
    assert (none.drawn, none.reason) == (0, "no_values")
    assert none.legend() == [{"color": NO_DATA, "label": "No data"}]


def test_a_stored_documents_number_for_one_city_colours_that_city(all_targets, tmp_path):
    from geodata.plan.extract import propose_targets
    from geodata.plan.reading import read_document
    from geodata.plan.store import PlanStore

    path = tmp_path / "zj.txt"
    path.write_text(
        "到2030年，杭州市智能算力规模达到20EFlops，宁波市智能算力规模达到8EFlops。\n"
        "宁波市、舟山市建设国际海底光缆登陆站2个。\n"
        "全省智能算力规模达到50EFlops。\n"
        "截至2025年底，温州市智能算力规模已达3EFlops。\n",
        encoding="utf-8",
    )
    document = read_document(path)
    proposals = propose_targets(document.text, "330000")
    store = PlanStore(tmp_path / "plans")
    store.add_document(document, path, "330000", proposals)
    metrics = {
        m.id: m for m in available_metrics(cities("zhejiang"), all_targets + store.targets())
    }
    compute = metrics["user:智能算力|EFLOPS"]
    assert compute.values["330100"] == 20 and compute.values["330200"] == 8
    assert compute.values["330300"] is None  # achieved in Wenzhou: not a target
    # the landing stations Ningbo and Zhoushan share colour neither of them
    assert not any(m.label_zh.startswith("国际海底光缆登陆站") for m in metrics.values())
