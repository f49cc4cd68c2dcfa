"""Achieved figures: a sheet checked row by row (all or nothing), stored, typed, seen again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geodata.errors import InputError
from geodata.plan.observation_sheet import import_observations, typed_observation
from geodata.plan.plan_import import accept, import_observation_sheet, propose_file
from geodata.plan.store import PlanStore
from geodata.plan.targets import Target, load_targets
from tests import docmaker

TODAY = "2024-06-30"
HEADER = "region,target,metric,date,value,unit,source,role\n"


def target(tid: str, province: str, regions: tuple[str, ...], metric: str, value: float, unit: str):
    scope = "province" if regions == (province,) else "cities"
    return Target(
        id=tid,
        province=province,
        scope=scope,
        regions=regions,
        category="user",
        metric=metric,
        value=value,
        unit=unit,
        year="2025",
        status="planned",
        source="test",
        quote=f"{metric} {value} {unit}",
    )


#: The seeds, plus a 5G target of Taizhou (Zhejiang) and one of Taizhou (Jiangsu) for racks.
TARGETS = load_targets() + [
    target("ZT-1", "330000", ("331000",), "5G基站", 2.0, "万个"),
    target("JT-1", "320000", ("321200",), "Data-centre racks", 3000.0, "racks"),
]


def sheet(tmp_path: Path, rows: list[str], name: str = "figures.csv", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + "".join(r + "\n" for r in rows)).encode(encoding))
    return path


GOOD = [
    "140000,SX-04,,2023-11-30,93307,个,山西省通信管理局,",  # line 2: code, id, date, 个
    "山西省,,5G base stations built,2021,5.5,万个,,baseline",  # line 3: name, metric, year
    "Taizhou,,5g基站,2023/6/30,1.2,万个,浙江,",  # line 4: ambiguous name decided by the metric
    "泰州市,JT-1,,2023年12月,2500,racks,,",  # line 5: a Chinese year-month
]


def test_a_good_sheet_is_read_with_names_codes_ids_metrics_years_and_dates(tmp_path):
    result = import_observations(sheet(tmp_path, GOOD), TARGETS, today=TODAY)
    assert result.errors == [] and result.source == "figures.csv"
    first, base, taizhou, racks = result.observations
    assert (first.id, first.region, first.target, first.value, first.unit) == (
        "figures-L2",
        "140000",
        "SX-04",
        93307.0,
        "个",
    )
    assert first.date == "2023-11-30" and first.note == "山西省通信管理局"
    assert first.quote.startswith("figures.csv line 2: region=140000, target=SX-04")
    assert (base.region, base.target, base.metric) == ("140000", "", "5G base stations built")
    assert (base.date, base.role, base.value, base.unit) == ("2021-12-31", "baseline", 5.5, "万个")
    assert (taizhou.region, taizhou.province, taizhou.metric) == ("331000", "330000", "5G基站")
    assert taizhou.date == "2023-06-30"
    assert (racks.region, racks.date, racks.target) == ("321200", "2023-12-31", "JT-1")
    assert result.to_dict()["imported"] == 4 and result.to_dict()["errors"] == []
    json.dumps(result.to_dict(), allow_nan=False)


def test_a_gbk_sheet_and_chinese_headers_are_read(tmp_path):
    path = tmp_path / "gbk.csv"
    text = "地区,目标编号,日期,数值,单位,来源\n山西省,SX-04,2023-11-30,93307,个,通信管理局\n"
    path.write_bytes(text.encode("gbk"))
    (found,) = import_observations(path, TARGETS, today=TODAY).observations
    assert (found.region, found.target, found.value, found.note) == (
        "140000",
        "SX-04",
        93307.0,
        "通信管理局",
    )


def test_an_excel_sheet_with_date_cells_is_read(tmp_path):
    import datetime

    import pandas as pd

    path = tmp_path / "figures.xlsx"
    pd.DataFrame(
        {
            "region": [140000, "太原市"],
            "target": ["SX-04", None],
            "metric": [None, "Data racks"],
            "date": [datetime.datetime(2023, 11, 30), 2023],
            "value": [93307, 12.5],
            "unit": ["个", "racks"],
        }
    ).to_excel(path, index=False)
    targets = TARGETS + [target("TY-1", "140000", ("140100",), "Data racks", 100.0, "racks")]
    result = import_observations(path, targets, today=TODAY)
    assert result.errors == []
    first, second = result.observations
    assert (first.region, first.date, first.value) == ("140000", "2023-11-30", 93307.0)
    assert (second.region, second.date, second.target, second.id) == (
        "140100",
        "2023-12-31",
        "",
        "figures-L3",
    )


BAD = {
    2: ("Atlantis,SX-04,,2023-11-30,1,个,,", "matches no province"),
    3: ("Taizhou,SX-04,,2023-11-30,1,个,,", "could be 泰州市 (321200, Jiangsu), 台州市"),
    4: ("140000,SX-99,,2023-11-30,1,个,,", "target 'SX-99' is not a known target id"),
    5: ("140000,,5G基站,2023-11-30,1,个,,", "matches no target of province 140000"),
    6: ("140000,,no such thing,2023-11-30,1,个,,", "matches no target's metric or id"),
    7: ("140000,SX-04,,2023-11-30,1,%,,", "cannot compare 1 % with a target in base stations"),
    8: ("140000,SX-04,,2024-07-01,1,个,,", "after today (2024-06-30)"),
    9: ("140000,SX-04,,2024,1,个,,", "read as 2024-12-31"),
    10: ("140000,SX-04,,2023-01-31,inf,个,,", "not a finite number"),
    11: ("140000,SX-04,,2023-02-28,1e309,个,,", "not a finite number"),
    12: ("140000,SX-04,,2023-03-31,NaN,个,,", "not a finite number"),
    13: ("140000,SX-04,,2023-04-30,,个,,", "the value is empty"),
    14: ("140000,SX-04,,2023-05-31,many,个,,", "is not a number"),
    15: ("140000,SX-04,,,1,个,,", "the date is empty"),
    16: ("140000,SX-04,,2023-13-01,1,个,,", "is not a date"),
    17: ("140000,SX-04,,2023-06-30,1,个,,guess", "the role 'guess'"),
    18: ("140100,SX-04,,2023-06-30,1,个,,", "not one of the regions of target SX-04"),
    19: (",SX-04,,2023-06-30,1,个,,", "the region is empty"),
    20: ("140000,,,2023-06-30,1,个,,", "the target and the metric are empty"),
    21: ("140000,SX-05,,2023-06-30,1,个,,", "has no number"),
    22: ("140000,SX-04,,2022-12-31,7,个,,", ""),  # good, repeated by line 23
    23: ("山西,,5G Base Stations  built,2022,7,个,,", "as the one on line 22"),
}


def test_every_bad_row_is_reported_by_line_and_nothing_is_stored(home, tmp_path):
    rows = [row for row, _ in BAD.values()]
    path = sheet(tmp_path, rows)
    result = import_observations(path, TARGETS, today=TODAY)
    assert result.observations == []  # all or nothing: line 22 is right but not kept
    lines = [line for line, _ in result.errors]
    assert lines == sorted(lines) and set(lines) == {n for n, (_, m) in BAD.items() if m}
    for line, message in result.errors:
        assert BAD[line][1] in message, (line, message)
        assert message.count(":") >= 1  # says what to do
    stored, info = import_observation_sheet(path, TARGETS)
    assert info is None and stored.errors and stored.observations == []
    assert [p.plan for p in PlanStore().plans()] == [0] and not list(home.glob("plans/p*"))


def test_a_row_with_several_problems_lists_each(tmp_path):
    result = import_observations(sheet(tmp_path, ["Atlantis,SX-04,,2099,abc,个,,"]), TARGETS)
    messages = [m for _, m in result.errors]
    assert len(messages) == 3 and {line for line, _ in result.errors} == {2}
    assert "is not a number" in messages[0] and "after today" in messages[1]
    assert "Atlantis" in messages[2]


def test_a_sheet_without_the_needed_columns_or_rows_is_refused(home, tmp_path):
    no_value = tmp_path / "bad.csv"
    no_value.write_text("region,target,date\n140000,SX-04,2023\n", encoding="utf-8")
    with pytest.raises(InputError, match="no value column"):
        import_observations(no_value, TARGETS)
    no_link = tmp_path / "nolink.csv"
    no_link.write_text("region,date,value\n140000,2023,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="no target or metric column"):
        import_observations(no_link, TARGETS)
    with pytest.raises(InputError, match="has no figure"):
        import_observation_sheet(sheet(tmp_path, []), TARGETS)
    with pytest.raises(InputError, match="does not exist"):
        import_observations(tmp_path / "gone.csv", TARGETS)
    assert not list(home.glob("plans/p*"))


def test_a_sheet_is_stored_and_seen_again_after_a_restart(home, tmp_path):
    from geodata.atlas import AtlasData

    data = AtlasData()
    version, key = data._targets_version, data.data_fingerprint()
    result = data.import_observations(sheet(tmp_path, GOOD[:2]))
    assert [o.id for o in result.observations] == ["P1-L2", "P1-L3"]
    assert {o.source for o in result.observations} == {"plan-1"}
    assert data._targets_version == version + 1 and data.data_fingerprint() != key
    info = PlanStore().get(1)
    assert (info.kind, info.targets, info.observations, info.province) == (
        "observations",
        0,
        2,
        "140000",
    )
    assert info.to_dict()["observations"] == 2 and info.original == "original.csv"
    folder = home / "plans" / "p1"
    stored = json.loads((folder / "observations.json").read_text(encoding="utf-8"))
    assert [o["id"] for o in stored["observations"]] == ["P1-L2", "P1-L3"]
    assert stored["observations"][0]["value"] == 93307  # an integer in strict JSON
    assert PlanStore().text(1).splitlines()[0].startswith("figures.csv line 2:")

    restarted = AtlasData()
    assert restarted.observations == result.observations
    (row,) = [p for p in restarted.progress(province="140000") if p.target == "SX-04"]
    assert (row.percent, row.value, row.date) == (77.8, 93307.0, "2023-11-30")
    assert row.baseline is not None and row.baseline.value == 55000.0  # 5.5万个
    PlanStore().set_hidden(1, True)
    assert restarted.observations == [] and data.observations == []


def test_a_figure_already_stored_is_a_duplicate_until_its_plan_is_hidden(home, tmp_path):
    first = sheet(tmp_path, GOOD[:1], name="first.csv")
    assert import_observation_sheet(first, TARGETS)[1].plan == 1
    again = sheet(tmp_path, ["山西,,5G base stations built,2023-11-30,93000,个,,"], "again.csv")
    result, info = import_observation_sheet(again, TARGETS)
    assert info is None and result.errors == [
        (2, result.errors[0][1]),
    ]
    assert "stored as P1-L2" in result.errors[0][1]
    assert [p.plan for p in PlanStore().plans()] == [0, 1]
    PlanStore().set_hidden(1, True)  # a corrected sheet may replace a hidden one
    assert import_observation_sheet(again, TARGETS)[1].plan == 2


def test_a_typed_figure_is_checked_and_stored_as_a_plan_of_its_own(home, monkeypatch):
    from geodata.atlas import AtlasData

    monkeypatch.setattr("getpass.getuser", lambda: "planner")
    data = AtlasData()
    stored = data.add_observation("140000", 93307, "个", "2023-11-30", target="SX-04")
    assert (stored.id, stored.source, stored.target, stored.value) == (
        "P1-O1",
        "plan-1",
        "SX-04",
        93307.0,
    )
    assert stored.quote.startswith("typed: region=140000")
    info = PlanStore().get(1)
    assert (info.kind, info.observations, info.original, info.sha256) == ("typed", 1, "", "")
    folder = home / "plans" / "p1"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["user"] == "planner" and manifest["imported_at"].endswith("+00:00")
    assert sorted(p.name for p in folder.iterdir()) == [
        "manifest.json",
        "observations.json",
        "targets.json",
    ]
    assert AtlasData().observations == [stored]
    assert [p.percent for p in data.progress(region="140000") if p.target == "SX-04"] == [77.8]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"region": "Atlantis"}, "matches no province"),
        ({"value": float("inf")}, "not a finite number"),
        ({"value": float("nan")}, "not a finite number"),
        ({"date": "2999-01-01"}, "after today"),
        ({"unit": "%"}, "cannot compare"),
        ({"target": "SX-99"}, "not a known target id"),
        ({"date": "2023-11-30"}, "same region, metric, date and role"),
    ],
)
def test_a_typed_figure_that_is_wrong_is_refused_and_nothing_is_stored(home, fields, message):
    from geodata.atlas import AtlasData

    data = AtlasData()
    data.add_observation("140000", 1, "个", "2023-11-30", target="SX-04")
    typed = {"region": "140000", "value": 2.0, "unit": "个", "date": "2023-10-31"}
    typed["target"] = "SX-04"
    with pytest.raises(InputError, match=message):
        data.add_observation(**{**typed, **fields})
    assert [p.plan for p in PlanStore().plans()] == [0, 1]


def test_typed_observation_links_by_metric_and_defaults_the_unit():
    found = typed_observation(TARGETS, "台州", 1.5, "", "2023-12-31", metric="5G基站", today=TODAY)
    assert (found.region, found.unit, found.target, found.id) == ("331000", "万个", "", "typed")


def test_a_document_stores_a_planned_sentence_as_a_target_and_an_achieved_one_as_a_figure(
    home, tmp_path
):
    from geodata.atlas import AtlasData

    text = (
        "安徽省新型基础设施建设三年行动方案\n"
        "到2025年，全省累计建成5G基站12万个。\n"
        "截至2023年底，全省已建成5G基站5万个。\n"
    )
    path = docmaker.write_text(tmp_path, "anhui_plan.txt", text)
    result = propose_file(path, "anhui")
    assert sorted(p.status for p in result.proposals) == ["achieved", "planned"]
    info = accept(result, result.proposals)
    assert (info.targets, info.observations) == (1, 1)
    data = AtlasData()
    (planned,) = [t for t in data.targets if t.source == "plan-1"]
    (achieved,) = data.observations
    assert planned.id == "P1-01" and planned.status == "planned" and planned.value == 120000
    assert (achieved.id, achieved.date, achieved.value, achieved.region) == (
        "P1-O1",
        "2023-12-31",
        50000.0,
        "340000",
    )
    assert achieved.quote == "截至2023年底，全省已建成5G基站5万个。" and achieved.quote in text
    (row,) = data.progress(province="340000")
    assert (row.target, row.percent, row.observation) == ("P1-01", 41.7, "P1-O1")


def test_a_damaged_observations_file_is_skipped_with_a_warning(home, tmp_path):
    from geodata.atlas import AtlasData

    import_observation_sheet(sheet(tmp_path, GOOD[:1], name="a.csv"), TARGETS)
    import_observation_sheet(sheet(tmp_path, GOOD[1:2], name="b.csv"), TARGETS)
    (home / "plans" / "p1" / "observations.json").write_text("{broken", encoding="utf-8")
    store = PlanStore()
    assert [o.id for o in store.observations()] == ["P2-L2"]
    assert any("figures of plan 1" in w for w in store.warnings)
    assert [o.id for o in AtlasData().observations] == ["P2-L2"]
    with pytest.raises(InputError, match="could not be read"):
        store.plan_observations(1)


def test_a_figures_sheet_is_no_plan_in_a_figures_subtitle(tmp_path, monkeypatch):
    from geodata.plan.observations import Observation
    from geodata.plan.store import PlanStore
    from geodata.printing.captions import plan_documents, subtitle

    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    PlanStore().set_hidden(0, True)  # no seed documents: only what is stored
    figure = Observation("", "140000", "140000", "x", 93307, "个", "2023-11-30", target="SX-04")
    PlanStore().add_typed(figure)
    assert plan_documents("140000") == [] and subtitle("140000", "en") == ""


def test_a_target_id_in_the_metric_column_links_the_row(tmp_path):
    from geodata.plan.observation_sheet import import_observations
    from geodata.plan.targets import load_targets

    sheet = tmp_path / "figures.csv"
    sheet.write_text(
        "region,metric,date,value,unit,source\n140000,SX-04,2023-11-30,93307,个,test figure\n",
        encoding="utf-8",
    )
    result = import_observations(sheet, load_targets(), today="2026-11-26")
    assert result.errors == []
    (figure,) = result.observations
    assert (figure.target, figure.value, figure.region) == ("SX-04", 93307, "140000")
