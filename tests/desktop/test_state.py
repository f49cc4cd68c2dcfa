"""The app state without Qt: its choices come from the engine, each change emits once."""

import pytest

from desktop.state import (
    AppState,
    all_provinces,
    default_level,
    province_choices,
    province_levels,
)
from geodata.plan.provinces import featured, profile
from geodata.vocab import BASEMAPS, LEVELS, NATIONAL, OVERLAYS

MUNICIPALITIES = ("110000", "120000", "310000", "500000")
SARS = ("810000", "820000")
TAIWAN = "710000"


def recorder(event):
    seen = []
    event.connect(lambda *args: seen.append(args))
    return seen


def test_choices_come_from_the_seed_manifest_and_the_vocabulary():
    assert province_choices() == (*featured(), NATIONAL)
    state = AppState()
    assert state.province == featured()[0]
    assert state.overlays == OVERLAYS and state.overlays is not OVERLAYS
    assert state.basemap == BASEMAPS[0]


def test_each_setter_emits_once_and_not_for_the_same_value():
    state = AppState()
    metrics = recorder(state.metric_changed)
    basemaps = recorder(state.basemap_changed)
    layers = recorder(state.overlays_changed)
    for _ in range(2):
        state.set_metric("corridor_km")
        state.set_basemap(BASEMAPS[1])
        state.set_overlay_visible("labels", False)
    assert metrics == [("corridor_km",)]
    assert basemaps == [(BASEMAPS[1],)]
    assert layers == [("labels", False)]


def test_setters_refuse_unknown_values_and_say_what_to_use():
    state = AppState()
    with pytest.raises(ValueError, match="use one of the 34 provincial adcodes"):
        state.set_province("140100")  # a city
    with pytest.raises(ValueError, match="use one of the 34 provincial adcodes"):
        state.set_province("shanxi")  # the state takes adcodes; names are resolved before
    with pytest.raises(ValueError, match="use one of"):
        state.set_basemap("Stamen.Toner")
    with pytest.raises(ValueError, match="national view"):
        state.set_level("province")
    with pytest.raises(ValueError, match="between 2 and 9"):
        state.set_classification("quantiles", 12)


def test_the_national_view_is_shown_by_province_first():
    state = AppState(selected_region="140100")
    provinces = recorder(state.province_changed)
    state.set_province(NATIONAL)
    assert state.national and state.level == "province" and state.selected_region is None
    state.set_level("county")
    state.set_province(featured()[1])
    assert state.level == "county"  # a province keeps the city or county level
    assert provinces == [(NATIONAL,), (featured()[1],)]


def test_map_options_are_the_state():
    state = AppState(language="en", metric="corridor_km", selected_region="330100")
    state.set_basemap(BASEMAPS[1])
    state.set_classification("quantiles", 6)
    options = state.map_options()
    assert (options.language, options.metric, options.scheme, options.classes) == (
        "en",
        "corridor_km",
        "quantiles",
        6,
    )
    assert options.basemap == BASEMAPS[1] and options.selected == "330100"
    assert options.view is None
    options.overlays["labels"] = False
    assert state.overlays["labels"] is True  # a copy


@pytest.mark.parametrize("code", [*featured(), NATIONAL])
def test_the_app_opens_each_province_on_its_default_metric(code):
    from desktop.app import initial_state

    state = initial_state(profile(code).slug or code)
    assert state.province == code
    assert state.metric == profile(code).default_metric
    assert state.level == ("province" if code == NATIONAL else "city")


def test_any_of_the_34_provinces_can_be_shown():
    provinces = all_provinces()
    assert len(provinces) == 34 and provinces == tuple(sorted(provinces))
    assert set(featured()) <= set(provinces) and NATIONAL not in provinces
    assert {*MUNICIPALITIES, *SARS, TAIWAN} <= set(provinces)
    state = AppState()
    seen = recorder(state.province_changed)
    for code in provinces:
        state.set_province(code)
        assert state.level in province_levels(code)
    assert len(seen) == 34


def test_levels_offered_and_opened_at_for_each_kind_of_province():
    assert province_levels(NATIONAL) == LEVELS and default_level(NATIONAL) == "province"
    for code in ("340000", *featured(), "460000"):
        assert province_levels(code) == ("city", "county") and default_level(code) == "city"
    for code in (*MUNICIPALITIES, *SARS):  # one region at the city level: opened by district
        assert province_levels(code) == ("city", "county") and default_level(code) == "county"
    assert province_levels(TAIWAN) == ("city",) == (default_level(TAIWAN),)  # one region at both
    state = AppState(province=TAIWAN)
    with pytest.raises(ValueError, match="no county level"):
        state.set_level("county")


def test_a_municipality_opens_by_district_and_gives_the_level_back():
    state = AppState()
    assert state.level == "city"
    state.set_province("110000")
    assert state.level == "county"  # Beijing by district
    state.set_province("340000")
    assert state.level == "city"  # its districts were Beijing's own default
    state.set_level("county")
    state.set_province("130000")
    assert state.level == "county"  # a level the user chose is kept
    state.set_province(TAIWAN)
    assert state.level == "city"  # the only level Taiwan has
    state.set_province(NATIONAL)
    state.set_level("city")
    state.set_province("310000")
    assert state.level == "county"  # Shanghai by district, whatever the level before


@pytest.mark.parametrize(
    ("asked", "code"),
    [("anhui", "340000"), ("安徽", "340000"), ("340000", "340000"), ("beijing", "110000")],
)
def test_the_app_opens_any_province_by_name_pinyin_or_code(asked, code):
    from desktop.app import initial_state

    state = initial_state(asked)
    assert state.province == code
    assert state.level == default_level(code) and state.metric == profile(code).default_metric


def test_the_app_refuses_a_name_that_is_no_province():
    from desktop.app import initial_state
    from geodata.errors import InputError

    with pytest.raises(InputError, match="unknown province 'atlantis'"):
        initial_state("atlantis")


@pytest.mark.parametrize(
    ("saved", "opened"),
    [
        ("340000", "340000"),
        ("110000", "110000"),
        (NATIONAL, NATIONAL),
        ("990000", None),
        ("x", None),
    ],
)
def test_the_app_opens_the_province_saved_or_else_the_default(saved, opened):
    from desktop.app import initial_state
    from desktop.appsettings import settings

    settings().setValue("view/province", saved)
    try:
        state = initial_state()
    finally:
        settings().remove("view/province")
    assert state.province == (opened or featured()[0])
    assert state.level == default_level(state.province)
