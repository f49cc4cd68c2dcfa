"""Any of China's 34 provinces in the window: the searchable picker, the map, import and export."""

import json

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from desktop.appsettings import settings
from desktop.dialogs.export import ExportRequest
from desktop.i18n import install_language
from desktop.panels.province_picker import ProvincePicker
from desktop.state import AppState, all_provinces, province_choices
from geodata.plan.provinces import featured
from geodata.vocab import NATIONAL
from tests.desktop.windows import open_drawn_window, run_js

WAIT = 90_000
ANHUI, BEIJING = "340000", "110000"


@pytest.fixture(autouse=True)
def english(qapp):
    install_language(qapp, "en")
    yield


@pytest.fixture
def state():
    return AppState(language="en")


@pytest.fixture
def picker(qtbot, state):
    widget = ProvincePicker(state)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def completions(picker: ProvincePicker, text: str) -> list[str]:
    """Return the provinces the picker's completer lists for ``text``."""
    completer = picker.completer()
    completer.setCompletionPrefix(text)
    model = completer.completionModel()
    return [model.index(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(model.rowCount())]


def describe(qtbot, window) -> dict:
    return json.loads(run_js(qtbot, window, "InfraAtlas.describe()"))


def show(qtbot, window, change, *args) -> None:
    """Make a change that redraws the map and wait until it is drawn."""
    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        change(*args)


# ------------------------------------------------------------------------------- the widget
def test_picker_offers_the_national_view_then_the_34_provinces(picker):
    assert len(all_provinces()) == 34
    assert set(featured()) <= set(all_provinces())
    assert picker.codes() == [NATIONAL, *all_provinces()]
    assert picker.itemText(0) == "China (national view)"
    assert picker.itemText(picker.findData(ANHUI)) == "Anhui 安徽省"
    assert picker.currentData() == featured()[0] and picker.isEditable()


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("anh", ANHUI),
        ("安徽", ANHUI),
        ("ANHUI", ANHUI),
        ("Guangxi", "450000"),
        ("桂", "450000"),
        ("nei", "150000"),
        ("蒙古", "150000"),
        ("Mongolia", "150000"),
        ("xianggang", "810000"),
        ("hong kong", "810000"),
        ("macau", "820000"),
        ("beij", BEIJING),
        ("北京", BEIJING),
        ("340000", ANHUI),
        ("national", NATIONAL),
    ],
)
def test_completer_finds_a_province_by_any_of_its_names(picker, typed, code):
    found = completions(picker, typed)
    assert code in found, found
    assert picker.matches(typed) == found  # the same rule as Enter applies


def test_completer_matches_anywhere_in_a_name(picker):
    assert set(completions(picker, "江")) == {"230000", "320000", "330000", "360000"}
    assert completions(picker, "hui") == [ANHUI, "640000"]  # Anhui, Ningxia Hui
    assert completions(picker, "no such place") == []


def test_typing_and_enter_chooses_the_province(qtbot, picker, state):
    seen = []
    state.province_changed.connect(seen.append)
    picker.lineEdit().selectAll()  # typing replaces the name shown
    qtbot.keyClicks(picker.lineEdit(), "anhu")
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert state.province == ANHUI and seen == [ANHUI]
    assert picker.currentText() == "Anhui 安徽省" == picker.lineEdit().text()
    picker.lineEdit().setText("jiang")  # several provinces: nothing chosen, the name put back
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert state.province == ANHUI and picker.lineEdit().text() == "Anhui 安徽省"


def test_choosing_a_completion_sets_the_state(qtbot, picker, state):
    picker.setFocus()
    picker.lineEdit().clear()
    qtbot.keyClicks(picker.lineEdit(), "nei")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert state.province == "150000"
    assert picker.lineEdit().text() == "Inner Mongolia 内蒙古自治区"


def test_picker_follows_the_state_and_the_language(picker, state):
    state.set_province(BEIJING)
    assert picker.currentData() == BEIJING and picker.currentText() == "Beijing 北京市"
    state.set_language("zh")
    assert picker.currentText() == "北京市 Beijing"
    state.set_province(NATIONAL)
    assert picker.currentIndex() == 0
    state.set_language("en")
    assert picker.currentText() == "China (national view)"


def test_the_state_refuses_a_code_that_is_no_province():
    state = AppState()
    with pytest.raises(ValueError, match="provincial adcodes"):
        state.set_province("140100")  # Taiyuan, a city
    assert state.province == featured()[0]


# ------------------------------------------------------------------------------- the window
@pytest.fixture(scope="module")
def window(qapp):
    """One window for the module (opening one takes seconds), on Shanxi."""
    opened = open_drawn_window("shanxi")
    yield opened
    opened.close()
    opened.deleteLater()


def test_choosing_anhui_in_the_picker_draws_its_16_cities(qtbot, window):
    picker = window.layers_panel.province_picker
    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        picker.lineEdit().setText("安徽")  # (QTest types ASCII only)
        qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert window.state.province == ANHUI and window.state.level == "city"
    page = describe(qtbot, window)
    assert page["regions"] == 16 == len(window.data.layer(ANHUI, "city").adcodes)
    assert window.notifier.errors == []
    assert "Anhui" in window.windowTitle()
    assert not any(a.isChecked() for a in window.province_actions.values())
    regions = [window.region_picker.combo.itemData(i) for i in range(1, 17)]
    assert "340100" in regions  # Hefei, in the toolbar's region list


def test_switching_anhui_to_counties_draws_its_counties(qtbot, window):
    if window.state.province != ANHUI:
        show(qtbot, window, window.state.set_province, ANHUI)
    combo = window.layers_panel.level_combo
    show(qtbot, window, combo.setCurrentIndex, combo.findData("county"))
    counties = len(window.data.layer(ANHUI, "county").adcodes)
    assert counties > 100
    assert describe(qtbot, window)["regions"] == counties
    show(qtbot, window, window.state.set_level, "city")


def test_the_menu_checks_a_featured_province_and_none_for_others(qtbot, window):
    shanxi = window.province_actions["140000"]
    show(qtbot, window, shanxi.trigger)
    assert window.state.province == "140000" and shanxi.isChecked()
    shanxi.trigger()  # again: nothing to redraw, and the item stays checked
    assert shanxi.isChecked()
    show(qtbot, window, window.state.set_province, ANHUI)
    assert [a.isChecked() for a in window.province_actions.values()] == [False] * len(
        province_choices()
    )


def test_choose_province_opens_the_picker(qtbot, window):
    picker = window.layers_panel.province_picker
    window.activateWindow()
    window.layers_dock.hide()
    assert window.choose_province_action.shortcut().toString() == "Ctrl+P"
    window.choose_province_action.trigger()
    assert window.layers_dock.isVisible()
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 35  # every province, and the national view
    assert picker.lineEdit().hasFocus() and picker.lineEdit().hasSelectedText()
    qtbot.keyClicks(picker.lineEdit(), "zhej")  # typing narrows the list down
    assert [popup.model().index(0, 0).data(Qt.ItemDataRole.UserRole)] == ["330000"]
    assert popup.model().rowCount() == 1
    popup.hide()
    picker.lineEdit().clearFocus()
    assert picker.lineEdit().text() == "Anhui 安徽省"


def test_beijing_opens_by_district_without_error(qtbot, window):
    show(qtbot, window, window.state.set_province, BEIJING)
    assert window.state.level == "county"  # the city level is one polygon
    assert describe(qtbot, window)["regions"] == len(window.data.layer(BEIJING, "county").adcodes)
    assert describe(qtbot, window)["regions"] == 16
    combo = window.layers_panel.level_combo
    assert combo.currentData() == "county" and combo.isEnabled()
    show(qtbot, window, combo.setCurrentIndex, combo.findData("city"))
    assert describe(qtbot, window)["regions"] == 1
    assert window.notifier.errors == []
    window.state.set_language("zh")
    assert "北京市" in window.windowTitle()
    assert window.layers_panel.province_picker.currentText() == "北京市 Beijing"
    window.state.set_language("en")
    show(qtbot, window, window.state.set_province, ANHUI)
    assert window.state.level == "city"  # the districts were Beijing's own default


def test_anhui_targets_imported_from_a_csv_are_classed_and_exported(qtbot, window, tmp_path):
    if window.state.province != ANHUI:
        show(qtbot, window, window.state.set_province, ANHUI)
    sheet = tmp_path / "anhui.csv"
    sheet.write_text(
        "region,metric,value,unit,year\n"
        "合肥,5G base stations,42000,stations,2025\n"
        "芜湖,5G base stations,15000,stations,2025\n"
        "蚌埠,5G base stations,6000,stations,2025\n",
        encoding="utf-8",
    )
    show(qtbot, window, window.import_targets, str(sheet))
    combo = window.layers_panel.metric_combo
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert "plan_items" in offered
    metric = next(m for m in offered if m.startswith("user:5G base stations"))
    with qtbot.waitSignal(window.controller.style_shown, timeout=WAIT) as shown:
        combo.setCurrentIndex(combo.findData(metric))
    assert shown.args[0]["metric"] == metric and shown.args[0]["drawn"] >= 2
    qtbot.waitUntil(lambda: describe(qtbot, window)["metric"] == metric, timeout=WAIT)
    legend = describe(qtbot, window)["legend"]
    assert sum(any(ch.isdigit() for ch in row) for row in legend) >= 2, legend

    path = tmp_path / "anhui.png"
    request = ExportRequest("figure", path, "png", 100, "A4", "portrait")
    with qtbot.waitSignal(window.exports.exported, timeout=WAIT):
        assert window.exports.export_figure(request)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.stat().st_size > 20_000
    with Image.open(path) as image:
        assert image.size == (827, 1169)
        assert len(image.convert("RGB").getcolors(1 << 20) or []) > 20  # a drawn map
    assert window.notifier.errors == []


def test_the_last_province_shown_is_restored_and_a_bad_one_ignored(qtbot, window):
    if window.state.province != ANHUI:
        show(qtbot, window, window.state.set_province, ANHUI)
    window.save_settings()
    assert settings().value("view/province") == ANHUI
    restored = open_drawn_window(None)
    try:
        assert restored.state.province == ANHUI
        assert describe(qtbot, restored)["regions"] == 16
        assert "Anhui" in restored.windowTitle()
        assert restored.layers_panel.province_picker.currentData() == ANHUI
    finally:
        restored.close()
        restored.deleteLater()
    settings().setValue("view/province", "990000")
    from desktop.app import initial_state

    assert initial_state().province == featured()[0]
    settings().remove("view/province")


@pytest.mark.parametrize("code", all_provinces())
def test_each_province_has_regions_at_the_level_it_opens_at(code):
    """The level a province opens at has regions to draw: several, but in Taiwan's one polygon."""
    from desktop.state import default_level, province_levels
    from geodata.atlas import AtlasData

    layer = AtlasData().layer(code, default_level(code))
    assert len(layer.adcodes) >= (1 if province_levels(code) == ("city",) else 2)
    assert all(a.startswith(code[:2]) for a in layer.adcodes)
