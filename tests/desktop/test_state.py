"""The app state without Qt: its choices come from the engine, each change emits once."""

import pytest

from desktop.state import AppState, province_choices
from geodata.plan.provinces import featured, profile
from geodata.vocab import BASEMAPS, NATIONAL, OVERLAYS


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
    with pytest.raises(ValueError, match="use one of"):
        state.set_province("110000")
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


def test_the_app_refuses_a_province_the_plans_do_not_cover():
    from desktop.app import initial_state
    from geodata.errors import InputError

    with pytest.raises(InputError, match="the app covers shanxi, zhejiang"):
        initial_state("beijing")
