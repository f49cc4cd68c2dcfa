"""Progress of targets: linking figures, percent, baseline, straight path and status.

The figures below are test figures, not claims about any province.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from geodata.errors import InputError
from geodata.plan.observations import Observation
from geodata.plan.progress import (
    STATUSES,
    deadline_of,
    iso_date,
    linked,
    progress_for,
    progress_table,
)
from geodata.plan.targets import Target, load_targets
from geodata.plan.units import UnitMismatch

SHANXI = "140000"
METRIC = "5G base stations built"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Target]:
    return {t.id: t for t in load_targets()}


@pytest.fixture
def sx04(seeds) -> Target:
    return seeds["SX-04"]


def obs(value, date, unit="个", metric=METRIC, **kw) -> Observation:
    """An observation of Shanxi's 5G base stations unless told otherwise."""
    fields = {"id": f"O-{date}-{value}", "province": SHANXI, "region": SHANXI} | kw
    return Observation(metric=metric, value=value, unit=unit, date=date, **fields)


def pue_target(**kw) -> Target:
    fields = {
        "id": "T-PUE",
        "province": SHANXI,
        "scope": "province",
        "regions": (SHANXI,),
        "category": "information",
        "metric": "PUE of large data centres",
        "value": 1.3,
        "unit": "",
        "year": "2025",
        "status": "planned",
        "source": "test",
        "quote": "test",
        "qualifier": "at most",
    }
    return Target(**(fields | kw))


def pue(value, date) -> Observation:
    return obs(value, date, unit="", metric="PUE of large data centres")


def path(base, goal, base_date, when, deadline="2025-12-31"):
    days = (iso_days(when) - iso_days(base_date)) / (iso_days(deadline) - iso_days(base_date))
    return base + (goal - base) * days


def iso_days(text):
    return date.fromisoformat(text).toordinal()


# -- the worked example: SX-04, 120,000 base stations by 2025 ----------------------------------


def test_sx04_one_figure_without_baseline_is_no_data(sx04):
    p = progress_for(sx04, SHANXI, [obs(93_307, "2023-11-30", quote="Q")])
    assert (p.value, p.unit, p.date, p.percent) == (93_307, "base stations", "2023-11-30", 77.8)
    assert p.status == "no data"
    assert p.reason.startswith("one figure and no baseline: ")
    assert p.baseline is None and p.expected is None
    assert (p.target_value, p.deadline, p.direction) == (120_000, "2025-12-31", "up")
    assert (p.source, p.observation) == ("Q", "O-2023-11-30-93307")


def test_sx04_with_a_stated_baseline_is_judged_on_the_path(sx04):
    stated = obs(1.5, "2020-12-31", unit="万个", role="baseline")
    p = progress_for(sx04, SHANXI, [obs(93_307, "2023-11-30"), stated])
    assert (p.baseline.value, p.baseline.date, p.baseline.kind) == (15_000, "2020-12-31", "stated")
    expected = 15_000 + 105_000 * 1064 / 1826
    assert p.expected == pytest.approx(expected)
    assert p.expected == pytest.approx(path(15_000, 120_000, "2020-12-31", "2023-11-30"))
    assert p.status == "on track"
    assert "76,183 expected by 2023-11-30" in p.reason


def test_sx04_with_an_earlier_figure_uses_the_earliest(sx04):
    p = progress_for(sx04, SHANXI, [obs(93_307, "2023-11-30"), obs(30_000, "2021-12-31")])
    assert (p.baseline.value, p.baseline.kind) == (30_000, "earliest")
    assert p.expected == pytest.approx(path(30_000, 120_000, "2021-12-31", "2023-11-30"))
    assert p.status == "on track"


def test_short_of_the_path_is_behind(sx04):
    p = progress_for(sx04, SHANXI, [obs(85_000, "2023-11-30"), obs(80_000, "2021-12-31")])
    assert p.expected > 85_000
    assert p.status == "behind"
    assert "short of" in p.reason


def test_a_stated_baseline_after_the_latest_figure_is_not_used(sx04):
    late = obs(100_000, "2024-06-30", role="baseline")
    figures = [obs(93_307, "2023-11-30"), obs(30_000, "2021-12-31"), late]
    assert progress_for(sx04, SHANXI, figures).baseline.kind == "earliest"


def test_the_latest_stated_baseline_wins(sx04):
    figures = [
        obs(93_307, "2023-11-30"),
        obs(10_000, "2020-12-31", role="baseline"),
        obs(20_000, "2021-12-31", role="baseline"),
    ]
    assert progress_for(sx04, SHANXI, figures).baseline.value == 20_000


# -- achieved, above target, passed deadline ----------------------------------------------------


def test_target_reached_early_is_achieved(sx04):
    p = progress_for(sx04, SHANXI, [obs(120_000, "2023-06-30")])
    assert (p.status, p.percent) == ("achieved", 100.0)


def test_value_above_target_is_not_capped(sx04):
    p = progress_for(sx04, SHANXI, [obs(12.5, "2024-06-30", unit="万个")])
    assert (p.status, p.percent, p.value) == ("achieved", 104.2, 125_000)


def test_target_year_passed_is_behind(sx04):
    p = progress_for(sx04, SHANXI, [obs(110_000, "2026-03-31")])
    assert p.status == "behind"
    assert "the target year has passed" in p.reason


def test_today_after_the_deadline_is_behind(sx04):
    figures = [obs(110_000, "2024-12-31"), obs(10_000, "2020-12-31")]
    assert progress_for(sx04, SHANXI, figures, today="2025-12-30").status == "on track"
    late = progress_for(sx04, SHANXI, figures, today="2026-01-15")
    assert late.status == "behind" and "the target year has passed" in late.reason
    assert progress_for(sx04, SHANXI, figures, today="2026").status == "behind"


def test_achieved_stays_achieved_after_the_deadline(sx04):
    p = progress_for(sx04, SHANXI, [obs(130_000, "2026-03-31")], today="2027-01-01")
    assert p.status == "achieved"


def test_no_observation_is_no_data(sx04):
    p = progress_for(sx04, SHANXI, [])
    assert (p.status, p.value, p.date, p.percent, p.observation) == ("no data", None, "", None, "")
    assert p.history == () and p.reason


def test_a_baseline_at_the_deadline_is_unusable(sx04):
    figures = [obs(100_000, "2025-12-31"), obs(90_000, "2025-12-31", role="baseline")]
    p = progress_for(sx04, SHANXI, figures)
    assert (p.status, p.expected) == ("no data", None)
    assert "not before the deadline" in p.reason


def test_a_target_of_zero_has_no_percent(sx04):
    p = progress_for(replace(sx04, value=0.0), SHANXI, [obs(3, "2023-11-30")])
    assert p.percent is None and p.status == "achieved"
    assert "the target is 0" in p.reason


# -- decreasing targets: PUE at most 1.3 -------------------------------------------------------


@pytest.mark.parametrize(
    ("latest", "status", "percent"),
    [
        (1.35, "on track", 96.3),
        (1.45, "behind", 89.7),
        (1.28, "achieved", 101.6),
        (1.3, "achieved", 100.0),
    ],
)
def test_decreasing_target(latest, status, percent):
    p = progress_for(pue_target(), SHANXI, [pue(1.5, "2021-12-31"), pue(latest, "2023-12-31")])
    assert p.direction == "down"
    assert (p.status, p.percent) == (status, percent)
    assert p.expected == pytest.approx(path(1.5, 1.3, "2021-12-31", "2023-12-31"))


def test_pue_with_one_figure_has_its_percent():
    p = progress_for(pue_target(), SHANXI, [pue(1.35, "2023-12-31")])
    assert (p.percent, p.status) == (96.3, "no data")


# -- units and linking --------------------------------------------------------------------------


def test_wan_racks_convert_to_racks(seeds):
    p = progress_for(
        seeds["SX-07"], SHANXI, [obs(30, "2023", unit="万架", metric=seeds["SX-07"].metric)]
    )
    assert (p.value, p.unit, p.percent, p.date) == (300_000, "racks", 60.0, "2023-12-31")


def test_metric_is_matched_ignoring_case_and_spaces(sx04):
    figure = obs(93_307, "2023-11-30", metric="  5g BASE  stations built")
    assert linked(sx04, [figure]) == {SHANXI: [figure]}


def test_explicit_link_whatever_the_metric(sx04):
    figure = obs(93_307, "2023-11-30", metric="5G基站", target="SX-04")
    assert linked(sx04, [figure]) == {SHANXI: [figure]}
    assert progress_for(sx04, SHANXI, [figure]).value == 93_307


def test_unconvertible_explicit_link_raises(sx04):
    figure = obs(40, "2023-11-30", unit="%", target="SX-04", id="O-7")
    with pytest.raises(UnitMismatch, match=r"O-7 is in % but target SX-04 is in base stations"):
        linked(sx04, [figure])
    # the table never compares it either, and says why instead of stopping the whole table
    (row,) = progress_table([sx04], [figure])
    assert row.status == "no data" and row.value is None
    assert "O-7 is in % but target SX-04 is in base stations" in row.reason


@pytest.mark.parametrize(
    "kw",
    [
        {"unit": "%"},
        {"unit": "元"},
        {"province": "130000"},
        {"region": "140100"},
        {"metric": "4G base stations"},
        {"target": "SX-07"},
    ],
)
def test_figures_that_do_not_belong(sx04, kw):
    assert linked(sx04, [obs(93_307, "2023-11-30", **kw)]) == {}


def test_history_is_sorted_and_converted(sx04):
    figures = [
        obs(9.3307, "2023-11-30", unit="万个"),
        obs(15_000, "2020", role="baseline"),
        obs(50_000, "2022-06-30", unit="base stations"),
    ]
    p = progress_for(sx04, SHANXI, figures)
    assert p.history == (("2020-12-31", 15_000), ("2022-06-30", 50_000), ("2023-11-30", 93_307))
    assert p.value == pytest.approx(93_307)


def test_target_dated_by_iso_date(sx04):
    target = replace(sx04, year="2024-06-30")
    assert deadline_of(target) == "2024-06-30"
    p = progress_for(target, SHANXI, [obs(100_000, "2024-07-01")])
    assert p.status == "behind"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025", "2025-12-31"),
        ("2024-02", "2024-02-29"),
        ("2023-12", "2023-12-31"),
        ("2023-6-3", "2023-06-03"),
    ],
)
def test_iso_date(text, iso):
    assert iso_date(text) == iso


@pytest.mark.parametrize("text", ["", "soon", "2023-13-01", "23"])
def test_bad_dates_are_refused(text):
    with pytest.raises(InputError, match="write a year"):
        iso_date(text)


def test_a_target_without_value_is_refused(seeds):
    with pytest.raises(InputError, match="has no number"):
        progress_for(seeds["SX-05"], SHANXI, [])


# -- the table and the JSON form ----------------------------------------------------------------


def test_table_has_one_row_per_numeric_target_and_region(seeds, sx04):
    targets = list(seeds.values())
    rows = progress_table(targets, [obs(93_307, "2023-11-30")], province=SHANXI)
    shanxi = [t for t in targets if t.province == SHANXI and t.value is not None]
    assert [r.target for r in rows] == [t.id for t in shanxi for _ in t.regions]
    assert "SX-05" not in {r.target for r in rows}
    assert {r.status for r in rows} <= set(STATUSES)
    by_id = {r.target: r for r in rows}
    assert by_id["SX-04"].percent == 77.8 and by_id["SX-07"].status == "no data"


def test_table_region_order_and_filter(sx04):
    cities = replace(sx04, id="T-C", scope="cities", regions=("140200", "140100"))
    figures = [obs(5, "2023-11-30", region="140100", unit="万个")]
    rows = progress_table([cities, sx04], figures)
    assert [(r.target, r.region) for r in rows] == [
        ("T-C", "140200"),
        ("T-C", "140100"),
        ("SX-04", SHANXI),
    ]
    assert rows[1].value == 50_000 and rows[0].status == "no data"
    only = progress_table([cities, sx04], figures, region="140100")
    assert [(r.target, r.region) for r in only] == [("T-C", "140100")]
    assert progress_table([cities], figures, province="130000") == []


def test_to_dict_is_strict_json(sx04):
    stated = obs(15_000, "2020-12-31", role="baseline")
    data = progress_for(sx04, SHANXI, [obs(93_307, "2023-11-30"), stated]).to_dict()
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text)["baseline"] == {"value": 15000, "date": "2020-12-31", "kind": "stated"}
    assert data["history"] == [["2020-12-31", 15000], ["2023-11-30", 93307]]
    for key in ("target", "region", "value", "unit", "date", "percent", "status", "source"):
        assert key in data
    for key in ("expected", "target_value", "deadline", "direction", "reason", "history"):
        assert key in data
    empty = progress_for(sx04, SHANXI, []).to_dict()
    assert json.dumps(empty, allow_nan=False) and empty["baseline"] is None


def test_a_target_without_a_year_gets_a_percent_but_no_pace():
    import dataclasses

    from geodata.plan.observations import Observation
    from geodata.plan.progress import progress_for
    from geodata.plan.targets import load_targets

    sx04 = next(t for t in load_targets() if t.id == "SX-04")
    yearless = dataclasses.replace(sx04, year="")
    figures = [
        Observation("O1", "140000", "140000", sx04.metric, 15000, "个", "2020-12-31"),
        Observation("O2", "140000", "140000", sx04.metric, 93307, "个", "2023-11-30"),
    ]
    row = progress_for(yearless, "140000", figures, today="2026-11-26")
    assert (row.percent, row.status, row.deadline) == (77.8, "no data", "")
    assert "no year" in row.reason
    reached = progress_for(dataclasses.replace(yearless, value=90000), "140000", figures)
    assert reached.status == "achieved"


def test_a_figure_linked_in_a_unit_that_does_not_convert_leaves_a_row_that_says_why():
    from geodata.plan.observations import Observation
    from geodata.plan.progress import progress_table
    from geodata.plan.targets import load_targets

    sx04 = next(t for t in load_targets() if t.id == "SX-04")
    wrong = Observation("O1", "140000", "140000", "x", 77.8, "%", "2023-11-30", target="SX-04")
    (row,) = progress_table([sx04], [wrong])
    assert row.status == "no data" and "is in % but target SX-04" in row.reason
