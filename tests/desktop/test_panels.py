"""The dock panels with real widgets: targets table, region details, layers."""

import dataclasses
import re

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.i18n import install_language
from desktop.panels.layers import LayersPanel
from desktop.panels.region import RegionPanel
from desktop.panels.targets import COLUMNS, TargetsPanel
from desktop.state import AppState
from geodata.plan.details import region_details
from geodata.plan.provinces import featured

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(autouse=True)
def english(qapp):
    install_language(qapp, "en")
    yield


@pytest.fixture
def state():
    return AppState(language="en")


@pytest.fixture
def targets_panel(qtbot, state, all_targets):
    panel = TargetsPanel(state)
    qtbot.addWidget(panel)
    panel.set_targets(all_targets)
    panel.province_combo.setCurrentIndex(0)  # all provinces
    return panel


def test_search_category_province_and_count(targets_panel, all_targets):
    panel = targets_panel
    total = len(all_targets)
    assert panel.count_label.text() == f"{total} of {total} targets"

    panel.search_edit.setText("hangzhou")
    ids = panel.visible_ids()
    assert {"ZJ-05", "ZJ-06"} <= set(ids)
    assert all(i.startswith("ZJ-") for i in ids)
    assert panel.count_label.text() == f"{len(ids)} of {total} targets"

    panel.category_combo.setCurrentIndex(panel.category_combo.findData("integration"))
    assert "ZJ-06" in panel.visible_ids() and "ZJ-05" not in panel.visible_ids()

    panel.search_edit.clear()
    panel.category_combo.setCurrentIndex(0)
    panel.province_combo.setCurrentIndex(panel.province_combo.findData("140000"))
    ids = panel.visible_ids()
    assert ids and all(i.startswith("SX-") for i in ids)
    assert len(ids) == sum(t.province == "140000" for t in all_targets)

    panel.status_combo.setCurrentIndex(panel.status_combo.findData("achieved"))
    assert panel.visible_ids() == []
    assert panel.count_label.text() == f"0 of {total} targets"


def test_panel_follows_state_province(targets_panel, state):
    state.set_province("330000")
    assert targets_panel.province_combo.currentData() == "330000"
    assert all(i.startswith("ZJ-") for i in targets_panel.visible_ids())
    state.set_province("both")
    assert targets_panel.province_combo.currentData() is None


def _row_center(panel, target_id):
    row = panel.visible_ids().index(target_id)
    index = panel.proxy.index(row, 0)
    panel.table.scrollTo(index)
    return panel.table.visualRect(index).center()


def test_province_filter_offers_the_provinces_of_the_seed_plans(targets_panel):
    combo = targets_panel.province_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [None, *featured()]
    assert combo.itemText(combo.findData("330000")) == "Zhejiang 浙江省"


def test_a_target_of_any_province_shows_its_name(targets_panel, all_targets):
    guangdong = dataclasses.replace(all_targets[0], id="GD-01", province="440000")
    targets_panel.set_targets([*all_targets, guangdong])
    model = targets_panel.model
    cell = model.index(model.row_of("GD-01"), COLUMNS.index("province"))
    assert cell.data() == "Guangdong"
    assert "GD-01" in targets_panel.visible_ids()


def test_selecting_a_row_selects_the_target_and_back(qtbot, targets_panel, state):
    panel = targets_panel
    panel.show()
    qtbot.waitExposed(panel)
    seen = []
    state.target_selected.connect(seen.append)
    with qtbot.waitSignal(panel.target_activated) as signal:
        qtbot.mouseClick(
            panel.table.viewport(), Qt.MouseButton.LeftButton, pos=_row_center(panel, "SX-04")
        )
    assert signal.args == ["SX-04"]
    assert state.selected_target == "SX-04"
    assert seen == ["SX-04"]

    with qtbot.assertNotEmitted(panel.target_activated):
        state.select_target("ZJ-05")
    rows = panel.table.selectionModel().selectedRows()
    assert [r.data(Qt.ItemDataRole.UserRole + 1) for r in rows] == ["ZJ-05"]
    assert seen == ["SX-04", "ZJ-05"]  # the panel did not send the selection back

    panel.search_edit.setText("5G base stations")  # hides ZJ-05: the selection stays
    assert "ZJ-05" not in panel.visible_ids()
    assert state.selected_target == "ZJ-05"
    panel.search_edit.clear()
    rows = panel.table.selectionModel().selectedRows()
    assert [r.data(Qt.ItemDataRole.UserRole + 1) for r in rows] == ["ZJ-05"]

    state.select_target(None)
    assert panel.table.selectionModel().selectedRows() == []
    assert seen == ["SX-04", "ZJ-05", None]


def test_quote_tooltip_is_escaped(qtbot, state, all_targets):
    hostile = dataclasses.replace(all_targets[0], metric=HOSTILE, quote=HOSTILE)
    panel = TargetsPanel(state)
    qtbot.addWidget(panel)
    panel.set_targets([hostile])
    tooltip = panel.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    assert document.toPlainText() == HOSTILE
    assert panel.proxy.index(0, 4).data() == HOSTILE


def _anchor_point(browser, href):
    """Return the viewport position of the link ``href`` in a QTextBrowser."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                rect = browser.cursorRect(cursor)
                return QPoint(rect.center().x(), rect.center().y())
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href}")


@pytest.fixture
def region_panel(qtbot, state):
    panel = RegionPanel(state)
    qtbot.addWidget(panel)
    panel.resize(500, 700)
    return panel


def test_region_panel_taiyuan(qtbot, region_panel, all_targets):
    panel = region_panel
    panel.show_details(region_details("140100", all_targets))
    text = panel.text()
    assert "太原市" in text and "Taiyuan" in text and "140100" in text
    assert "一主" in text and "one master" in text and "inferred" in text
    assert "Targets for this region" in text and "Province-wide targets" in text
    assert "5G base stations" in text and "120,000" in text
    assert "Corridors" in text and "No corridor crosses it." in text

    panel.show()
    qtbot.waitExposed(panel)
    sx04 = next(t for t in all_targets if t.id == "SX-04")
    href = f"source:{sx04.source}#SX-04"
    with qtbot.waitSignal(panel.source_requested) as signal:
        qtbot.mouseClick(
            panel.browser.viewport(),
            Qt.MouseButton.LeftButton,
            pos=_anchor_point(panel.browser, href),
        )
    assert signal.args == [sx04.source, sx04.quote]
    with qtbot.waitSignal(panel.target_activated) as signal:
        panel.browser.anchorClicked.emit(QUrl("target:SX-04"))
    assert signal.args == ["SX-04"]


def test_region_panel_escapes_hostile_data(region_panel, all_targets):
    zj05 = next(t for t in all_targets if t.id == "ZJ-05")
    hostile = dataclasses.replace(zj05, metric=HOSTILE, quote=HOSTILE)
    region_panel.show_details(region_details("330100", [hostile]))
    assert region_panel.text().count(HOSTILE) == 2
    assert "<img" not in region_panel.render_html()


def test_region_panel_hangzhou_corridors(region_panel, all_targets):
    from geodata.boundaries.active import cities
    from geodata.plan.corridors import corridor_crossings, load_corridors

    crossings = corridor_crossings(load_corridors(), cities("zhejiang"))
    region_panel.show_details(region_details("330100", all_targets, crossings))
    text = region_panel.text()
    assert "杭州市" in text and "Hangzhou" in text
    assert "Internet exchange centre" in text
    corridors = text.split("Corridors")[-1]
    assert "Hangzhou-Shaoxing-Ningbo" in corridors
    assert "Ring Road West" in corridors
    assert "schematic" in corridors
    assert re.search(r"\d+\.\d km inside the region", corridors)


def test_region_panel_without_details(region_panel):
    region_panel.show_details(None)
    assert "Select a region" in region_panel.text()


@pytest.fixture
def layers_panel(qtbot, state):
    panel = LayersPanel(state)
    qtbot.addWidget(panel)
    panel.set_metrics(
        [("plan_items", "Plan items", "规划事项"), ("corridor_km", "Corridor length", "走廊长度")]
    )
    return panel


def test_layers_panel_changes_state(qtbot, layers_panel, state):
    panel = layers_panel
    assert panel.metric_combo.currentData() == "plan_items"
    panel.metric_combo.setCurrentIndex(1)
    assert state.metric == "corridor_km"

    assert not panel.checkboxes["basemap"].isChecked() and not panel.basemap_combo.isEnabled()
    assert panel.checkboxes["corridors"].text() == "Corridors (schematic)"
    panel.checkboxes["corridors"].setChecked(False)
    assert state.overlays["corridors"] is False
    panel.checkboxes["basemap"].setChecked(True)
    assert state.overlays["basemap"] and panel.basemap_combo.isEnabled()

    panel.scheme_combo.setCurrentIndex(panel.scheme_combo.findData("quantiles"))
    panel.classes_spin.setValue(6)
    assert (state.scheme, state.classes) == ("quantiles", 6)

    panel.level_combo.setCurrentIndex(panel.level_combo.findData("county"))
    assert state.level == "county"

    providers = []
    state.basemap_changed.connect(providers.append)
    panel.basemap_combo.setCurrentIndex(1)
    assert providers == ["CartoDB.Positron"] == [state.basemap]


def test_layers_panel_follows_state_without_feedback(layers_panel, state):
    panel = layers_panel
    events = []
    state.classification_changed.connect(lambda *a: events.append(a))
    state.set_classification("equal_interval", 7)
    assert panel.scheme_combo.currentData() == "equal_interval"
    assert panel.classes_spin.value() == 7
    assert events == [("equal_interval", 7)]
    state.set_overlay_visible("labels", False)
    assert not panel.checkboxes["labels"].isChecked()
    state.set_metric("corridor_km")
    assert panel.metric_combo.currentData() == "corridor_km"
    province_row = panel.level_combo.findData("province")
    assert panel.level_combo.view().isRowHidden(province_row)  # a province has no province level
    state.set_province("both")
    assert panel.level_combo.currentData() == "province"
    assert not panel.level_combo.view().isRowHidden(province_row)
    panel.level_combo.setCurrentIndex(panel.level_combo.findData("county"))
    assert state.level == "county"  # China by county: the national county layer
    state.set_language("zh")
    assert panel.metric_combo.currentText() == "走廊长度"


def test_closed_panel_is_disconnected_from_state(qtbot, state):
    panel = LayersPanel(state)
    panel.deleteLater()
    qtbot.waitUntil(lambda: not state.metric_changed._callbacks)
    state.set_metric("anything")  # must not reach the deleted widget
    QApplication.processEvents()


def test_layers_panel_names_the_overlays(layers_panel):
    texts = {layer: box.text() for layer, box in layers_panel.checkboxes.items()}
    assert texts["choropleth"] == "Choropleth"
    assert texts["roles"] == "City roles"
    assert texts["corridors"] == "Corridors (schematic)"


def test_overlay_switches_follow_the_province(qtbot, layers_panel, state):
    """Roles and corridors switch only where the province shown has them."""
    from geodata.plan.provinces import with_corridors, with_roles
    from geodata.regions.catalogue import region

    panel = layers_panel
    panel.show()
    qtbot.waitExposed(panel)
    roles, corridors = panel.checkboxes["roles"], panel.checkboxes["corridors"]
    with_only_roles = next(c for c in with_roles() if c not in with_corridors())
    with_only_corridors = next(c for c in with_corridors() if c not in with_roles())

    state.set_province(with_only_roles)
    assert roles.isEnabled() and roles.toolTip() == ""
    assert not corridors.isEnabled()
    assert region(with_only_roles).name_en in corridors.toolTip()
    assert "no corridors" in corridors.toolTip()
    # a click on the disabled switch does nothing: the other province's corridors stay on
    qtbot.mouseClick(corridors, Qt.MouseButton.LeftButton)
    assert state.overlays["corridors"] is True and corridors.isChecked()

    state.set_province(with_only_corridors)
    assert corridors.isEnabled() and not roles.isEnabled()
    assert region(with_only_corridors).name_en in roles.toolTip()
    qtbot.mouseClick(corridors, Qt.MouseButton.LeftButton)
    assert state.overlays["corridors"] is False

    state.set_province("both")  # China: some province in view has each
    assert roles.isEnabled() and corridors.isEnabled()

    state.set_province(with_only_roles)
    state.set_language("zh")
    assert region(with_only_roles).name_zh in corridors.toolTip()


def test_categorical_metric_disables_the_classification(layers_panel, state):
    panel = layers_panel
    rows = (panel.scheme_combo, panel.classes_spin, *panel.row_labels[2:])
    panel.show_style({"metric": "role", "kind": "categorical"})
    assert not any(widget.isEnabled() for widget in rows)
    assert "category" in panel.scheme_combo.toolTip()
    assert panel.classes_note.isHidden()

    note = {"en": "4 of 7 classes drawn: only 4 distinct values", "zh": "绘制 4 类（设定 7 类）"}
    panel.show_style(
        {"metric": "plan_items", "kind": "numeric", "asked": 7, "drawn": 4, "note": note}
    )
    assert all(widget.isEnabled() for widget in rows)
    assert not panel.classes_note.isHidden()
    assert panel.classes_note.text() == note["en"]
    state.set_language("zh")
    assert panel.classes_note.text() == note["zh"]

    panel.show_style({"metric": "plan_items", "kind": "numeric", "asked": 4, "drawn": 4})
    assert panel.classes_note.isHidden()


def test_fixed_classes_of_a_progress_metric_disable_the_classification(layers_panel, state):
    panel = layers_panel
    rows = (panel.scheme_combo, panel.classes_spin, *panel.row_labels[2:])
    panel.show_style({"metric": "progress:SX-04", "kind": "numeric", "scheme": "fixed"})
    assert not any(widget.isEnabled() for widget in rows)
    assert "Fixed classes" in panel.scheme_combo.toolTip()
    panel.show_style({"metric": "plan_items", "kind": "numeric", "scheme": "natural_breaks"})
    assert all(widget.isEnabled() for widget in rows)


def test_sources_are_named_by_their_documents_title(targets_panel, region_panel, all_targets):
    from geodata.plan.documents import load_documents

    sx04 = next(t for t in all_targets if t.id == "SX-04")
    title = load_documents()[sx04.source].title
    model = targets_panel.model
    row = next(r for r in range(model.rowCount()) if model.target(r).id == "SX-04")
    shown = model.data(model.index(row, COLUMNS.index("source")))
    assert shown == title and not shown.endswith(".txt")
    region_panel.show_details(region_details("140100", all_targets))
    assert f"Source: {title}" in region_panel.text()


def test_province_filter_offers_every_province_with_targets_and_the_one_shown(
    targets_panel, state, all_targets
):
    combo = targets_panel.province_combo
    combo.setCurrentIndex(combo.findData("330000"))
    anhui = dataclasses.replace(all_targets[0], id="P1-01", province="340000")
    targets_panel.set_targets([*all_targets, anhui])
    codes = [combo.itemData(i) for i in range(combo.count())]
    assert codes == [None, *featured(), "340000"]
    assert combo.currentData() == "330000"  # a new target list keeps the filter chosen
    state.set_province("450000")  # Guangxi: no targets, still offered and chosen
    assert combo.currentData() == "450000" and targets_panel.visible_ids() == []
    state.set_province("340000")
    assert targets_panel.visible_ids() == ["P1-01"]


def test_a_long_source_title_leaves_the_metric_room(qtbot, targets_panel):
    from desktop.panels.targets import SOURCE_WIDTH

    targets_panel.resize(1400, 400)
    targets_panel.show()
    qtbot.waitExposed(targets_panel)
    header = targets_panel.table.horizontalHeader()
    assert header.sectionSize(COLUMNS.index("source")) == SOURCE_WIDTH
    assert header.sectionSize(COLUMNS.index("metric")) >= 120
