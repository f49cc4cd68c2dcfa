"""Progress metrics: the share of a target reached and its status, per region of a map."""

import dataclasses

import pytest

from geodata.boundaries.active import cities, national_layer
from geodata.plan.classify import NO_DATA, classify_fixed
from geodata.plan.metrics import (
    PERCENT_COLORS,
    ROLE_CATEGORIES,
    STATUS_COLORS,
    available_metrics,
    classify_metric,
    find_metric,
    target_families,
)
from geodata.plan.observations import Observation
from geodata.web.document import choose_metric, style_payload

BEFORE_DEADLINE = "2024-06-30"
SHANXI = "140000"


def figure(oid, region, value, date, target, role="observed", unit="base stations"):
    """Return a 5G figure of Shanxi, linked to ``target`` explicitly."""
    return Observation(
        oid, SHANXI, region, "5G base stations built", value, unit, date, target=target,
        role=role, source="plan-7", quote=f"{region} reached {value}",
    )  # fmt: skip


@pytest.fixture(scope="module")
def family(all_targets):
    """SX-04 and a plan giving Taiyuan, Datong and Jinzhong their own number of base stations."""
    sx04 = next(t for t in all_targets if t.id == "SX-04")
    city = dataclasses.replace(sx04, scope="cities", source="plan-9")
    return [
        dataclasses.replace(city, id="TY-01", regions=("140100",), value=30000.0),
        dataclasses.replace(city, id="DT-01", regions=("140200",), value=12000.0),
        dataclasses.replace(city, id="JZ-01", regions=("140700",), value=8000.0),
    ]


@pytest.fixture(scope="module")
def city_figures():
    return [
        figure("o2", "140100", 31000, "2023-11-30", "TY-01"),
        figure("o3", "140200", 7000, "2023-06-30", "DT-01"),
        figure("o4", "140200", 3000, "2021-12-31", "DT-01", role="baseline"),
    ]


def by_id(metrics):
    return {m.id: m for m in metrics}


def progress_ids(metrics):
    return sorted(m.id for m in metrics if m.id.startswith(("progress:", "status:")))


def test_no_progress_metrics_without_linked_figures(all_targets, family):
    layer = cities("shanxi")
    assert progress_ids(available_metrics(layer, all_targets + family)) == []
    other = Observation("x", SHANXI, "140100", "Data-centre racks", 5, "racks", "2023-12-31")
    assert progress_ids(available_metrics(layer, all_targets + family, observations=[other])) == []
    # a figure of Zhejiang's 5G target shows nothing on Shanxi's map
    zj = Observation("z", "330000", "330000", "x", 1, "base stations", "2023", target="ZJ-03")
    assert progress_ids(available_metrics(layer, all_targets, observations=[zj])) == []


def test_national_view_colours_the_province_by_its_share(all_targets):
    sx04 = [figure("o1", SHANXI, 93307, "2023-11-30", "SX-04")]
    metrics = by_id(
        available_metrics(
            national_layer("province"), all_targets, observations=sx04, today=BEFORE_DEADLINE
        )
    )
    share, status = metrics["progress:SX-04"], metrics["status:SX-04"]
    assert share.values[SHANXI] == 77.8 and share.unit == "%" and share.kind == "numeric"
    assert all(v is None for code, v in share.values.items() if code != SHANXI)
    assert share.label_en == "% of target: 5G base stations built (SX-04)"
    assert share.label_zh == "目标完成率：5G base stations built（SX-04）"
    assert status.label_en == "Status against target: 5G base stations built (SX-04)"
    assert status.values[SHANXI] == "no data"  # one figure, no baseline: no pace to judge
    assert share.display(SHANXI, "en") == "77.8%"
    assert status.display(SHANXI, "zh") == "数据不足"
    classes = classify_metric(share, language="en")
    assert classes.color_of[SHANXI] == PERCENT_COLORS[1] == "#fc8d59"  # 50% to 80%
    assert classes.color_of["330000"] == NO_DATA


def test_status_categories_colours_and_today(all_targets):
    figures = [
        figure("b", SHANXI, 50000, "2020-12-31", "SX-04", role="baseline"),
        figure("o1", SHANXI, 93307, "2023-11-30", "SX-04"),
    ]
    layer = national_layer("province")
    early = by_id(available_metrics(layer, all_targets, observations=figures, today="2024-01-01"))
    status = early["status:SX-04"]
    assert status.values[SHANXI] == "on track"  # above the straight path from the baseline
    classes = classify_metric(status, language="en")
    assert classes.labels == ["achieved", "on track", "behind", "not enough data"]
    assert classes.colors == ["#1a9850", "#91cf60", "#fc8d59", "#969696"]
    assert classes.color_of[SHANXI] == STATUS_COLORS["on track"]
    assert classify_metric(status, language="zh").labels == [
        "已完成",
        "进度正常",
        "进度滞后",
        "数据不足",
    ]
    late = by_id(available_metrics(layer, all_targets, observations=figures, today="2026-03-01"))
    assert late["status:SX-04"].values[SHANXI] == "behind"  # 2025 has passed, 77.8% reached


def test_a_family_of_city_targets_is_one_map(all_targets, family, city_figures):
    metrics = available_metrics(
        cities("shanxi"), all_targets + family, observations=city_figures, today=BEFORE_DEADLINE
    )
    assert progress_ids(metrics) == ["progress:TY-01", "status:TY-01"]
    share = find_metric(metrics, "progress:DT-01")  # any member names the family's metric
    assert share is not None and share.id == "progress:TY-01"
    assert share.aliases == ("progress:DT-01", "progress:JZ-01")
    assert share.label_en == "% of target: 5G base stations built (TY-01 and 2 more)"
    assert share.label_zh == "目标完成率：5G base stations built（TY-01 等 3 项）"
    assert share.values["140100"] == 103.3 and share.values["140200"] == 58.3
    assert share.values["140700"] is None and share.values["140300"] is None
    status = find_metric(metrics, "status:JZ-01")
    assert status.values["140100"] == "achieved"
    assert status.values["140200"] == "on track"  # 7,000 over the path from 3,000 in 2021
    assert status.values["140700"] == "no data"  # the plan's city without a figure
    assert status.values["140300"] is None  # not in the plan
    colors = classify_metric(status).color_of
    assert colors["140700"] == STATUS_COLORS["no data"] and colors["140300"] == NO_DATA
    shares = classify_metric(share).color_of
    assert shares["140100"] == "#1a9850" and shares["140200"] == "#fc8d59"
    assert choose_metric(metrics, "status:DT-01") is status


def test_families_group_one_plan_number_per_region(all_targets, family):
    families = target_families(all_targets + family)
    assert tuple(family) in families
    assert (next(t for t in all_targets if t.id == "SX-04"),) in families
    twice = dataclasses.replace(family[0], id="TY-02")  # a second number for Taiyuan
    split = target_families([*family, twice])
    assert all(len(f) == 1 for f in split) and len(split) == 4


def test_legend_note_gives_the_date_of_the_figures(all_targets, family, city_figures):
    sx04 = [figure("o1", SHANXI, 93307, "2023-11-30", "SX-04")]
    national = available_metrics(national_layer("province"), all_targets, observations=sx04)
    style = style_payload(find_metric(national, "progress:SX-04"), "quantiles", 7)
    assert style["note"] == {"zh": "数据截至 2023-11-30", "en": "data as of 2023-11-30"}
    assert style["scheme"] == "fixed" and style["asked"] == style["drawn"] == 4
    assert style["reason"] is None
    assert [e["label"] for e in style["legend"]["en"]][:4] == [
        "below 50%",
        "50% – 80%",
        "80% – 100%",
        "100% or more",
    ]
    assert style["values"]["zh"][SHANXI] == "77.8%"
    status = style_payload(find_metric(national, "status:SX-04"), "quantiles", 7)
    assert status["kind"] == "categorical" and status["note"]["en"] == "data as of 2023-11-30"
    layer = cities("shanxi")
    metrics = available_metrics(layer, all_targets + family, observations=city_figures)
    style = style_payload(find_metric(metrics, "status:TY-01"), "natural_breaks", 4)
    assert style["note"] == {
        "zh": "数据日期 2023-06-30 至 2023-11-30",
        "en": "data from 2023-06-30 to 2023-11-30",
    }
    role = style_payload(find_metric(metrics, "role"), "natural_breaks", 4)
    assert "note" not in role  # a categorical metric without figures has no note


def test_province_wide_target_on_a_city_map(all_targets):
    sx04 = [figure("o1", SHANXI, 93307, "2023-11-30", "SX-04")]
    layer = cities("shanxi")
    metrics = available_metrics(layer, all_targets, observations=sx04, today=BEFORE_DEADLINE)
    share = find_metric(metrics, "progress:SX-04")
    assert share is not None and all(v is None for v in share.values.values())
    assert (
        share.notes["en"] == "Province-wide target: Shanxi at 77.8% (not enough data, 2023-11-30)"
    )
    assert share.notes["zh"] == "全省目标：山西省完成 77.8%（数据不足，2023-11-30）"
    assert share.note("en").endswith("no region has its own figure, so none is coloured")
    # a figure linked to the province's target for a city colours that city
    taiyuan = figure("o9", "140100", 40000, "2023-11-30", "SX-04")
    metrics = available_metrics(layer, all_targets, observations=[*sx04, taiyuan])
    share = find_metric(metrics, "progress:SX-04")
    assert share.values["140100"] == 33.3 and "none is coloured" not in share.note("en")


def test_figures_in_a_unit_that_does_not_convert_are_left_out(all_targets):
    wrong = [figure("o1", SHANXI, 93307, "2023-11-30", "SX-04", unit="km")]
    layer = national_layer("province")
    assert progress_ids(available_metrics(layer, all_targets, observations=wrong)) == []


def test_role_metric_keeps_its_categories(all_targets):
    role = find_metric(available_metrics(cities("shanxi"), all_targets), "role")
    assert role.categories == ROLE_CATEGORIES
    classes = classify_metric(role, language="en")
    assert classes.labels == [en for _, _, en, _ in ROLE_CATEGORIES]
    assert classes.color_of["140100"] == "#b2182b"


def test_fixed_classes_bounds():
    values = {"a": 49.9, "b": 50.0, "c": 79.9, "d": 80.0, "e": 100.0, "f": 240.0, "g": None}
    classes = classify_fixed("m", values, (50, 80, 100), PERCENT_COLORS, "%", "zh")
    assert [classes.class_of[k] for k in "abcdefg"] == [0, 1, 1, 2, 3, 3, -1]
    assert classes.labels == ["低于 50%", "50% – 80%", "80% – 100%", "100% 及以上"]
    assert classes.color_of["g"] == NO_DATA and classes.legend()[-1]["label"] == "无数据"
    with pytest.raises(ValueError, match="3 breaks make 4 classes"):
        classify_fixed("m", values, (50, 80, 100), PERCENT_COLORS[:3])


def test_the_map_page_offers_and_draws_a_progress_metric(tmp_path, monkeypatch):
    """A page built for a progress metric keeps it (not plan items) and lists it."""
    from geodata.atlas import AtlasData
    from geodata.drawing import MapOptions
    from geodata.plan.observations import Observation
    from geodata.plan.store import PlanStore
    from geodata.web.document import render_map

    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    figure = Observation("", "140000", "140000", "x", 93307, "个", "2023-11-30", target="SX-04")
    PlanStore().add_typed(figure)
    data = AtlasData()
    html = render_map(
        **data.drawing("both", "province"), options=MapOptions(metric="progress:SX-04")
    )
    assert '"progress:SX-04"' in html and "77.8" in html
