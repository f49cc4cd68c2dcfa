"""Import boundaries and Boundary versions dialogs, drag and drop, and a hostile file's names
in the real web view."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.dialogs.import_boundaries import ImportBoundariesDialog
from desktop.dialogs.versions import VersionsDialog
from desktop.i18n import install_language
from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.boundaries.store import BoundaryStore
from geodata.regions.catalogue import catalogue
from tests import boundary_cases as cases
from tests.boundary_cases import tree_digest
from tests.geodata.web.webpages import run_js

WAIT = 90_000


@pytest.fixture(autouse=True)
def english(qapp):
    install_language(qapp, "en")
    yield


def test_import_dialog_reports_before_storing_then_stores(qtbot, home, tmp_path):
    path = cases.gbk_no_prj(tmp_path)
    dialog = ImportBoundariesDialog(province="140000")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        dialog.set_path(path)
    summary = dialog.summary.text()
    assert "GB18030 (detected)" in summary
    assert "EPSG:4547" in summary and "guessed from the coordinates" in summary
    assert "Name field: QHMC; code field: QHDM" in summary
    headers = [dialog.preview.horizontalHeaderItem(c).text() for c in range(2)]
    assert headers == ["QHDM", "QHMC"]
    assert dialog.preview.item(0, 1).text() == "太原市"
    assert any(
        "EPSG:4547" in dialog.warnings.item(i).text() for i in range(dialog.warnings.count())
    )
    assert dialog.accept_button.isEnabled()
    assert not (home / "boundaries").exists()  # nothing stored before Accept

    dialog.encoding_combo.setEditText("GBK")  # the user changes a choice and checks again
    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        dialog.check_button.click()
    assert "GBK (as you gave it)" in dialog.summary.text()
    with qtbot.waitSignal(dialog.stored, timeout=WAIT) as stored:
        dialog.accept_button.click()
    info = stored.args[0]
    assert info.version == 1 and info.source == "shanxi_gbk.shp"
    assert BoundaryStore().active() == {"140000:city": 1}


def test_import_dialog_offers_the_layers_of_a_geopackage(qtbot, home, tmp_path):
    path = cases.geopackage_two_layers(tmp_path)
    dialog = ImportBoundariesDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=WAIT) as failed:
        dialog.set_path(path)
    assert "choose one in the Layer box" in failed.args[0] and "cities_2019" in failed.args[0]
    layers = [dialog.layer_combo.itemData(i) for i in range(dialog.layer_combo.count())]
    assert layers == [None, "cities", "cities_2019"]
    dialog.layer_combo.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT) as checked:
        dialog.check_button.click()
    assert len(checked.args[0].layer) == 11


def test_import_dialog_offers_every_province_of_the_catalogue(qtbot, qapp):
    provinces = sorted(r.adcode for r in catalogue() if r.level == "province")
    assert len(provinces) == 34 and "440000" in provinces
    dialog = ImportBoundariesDialog(province="440000")  # no seed plans, still a province
    qtbot.addWidget(dialog)
    combo = dialog.province_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [None, *provinces]
    assert combo.currentText() == "Guangdong 广东省"
    assert dialog.options()["province"] == "440000"
    try:
        install_language(qapp, "zh")
        QApplication.sendPostedEvents()
        assert combo.itemText(combo.findData("440000")) == "广东省 Guangdong"
        assert combo.itemText(0) == "自动（根据代码判断）"
    finally:
        install_language(qapp, "en")
        QApplication.sendPostedEvents()
    assert combo.itemText(combo.findData("440000")) == "Guangdong 广东省"


def test_import_dialog_finds_a_province_by_either_name(qtbot):
    dialog = ImportBoundariesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.province_combo
    for typed in ("广东", "guangd"):
        combo.setCurrentIndex(0)
        combo.lineEdit().selectAll()
        typing = QInputMethodEvent()  # as an input method enters Chinese (or pinyin)
        typing.setCommitString(typed)
        QApplication.sendEvent(combo.lineEdit(), typing)
        completer = combo.completer()
        assert completer.completionCount() == 1
        assert completer.currentCompletion() == "Guangdong 广东省"
        qtbot.keyClick(completer.popup(), Qt.Key_Down)
        qtbot.keyClick(completer.popup(), Qt.Key_Return)
        assert combo.currentData() == "440000"
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "atlantis")
    qtbot.keyClick(combo.lineEdit(), Qt.Key_Return)
    assert combo.count() == 35  # nothing typed becomes a province
    assert (combo.currentData(), combo.currentText()) == ("440000", "Guangdong 广东省")


def test_import_dialog_error_is_one_sentence_and_changes_nothing(qtbot, home, tmp_path):
    store = BoundaryStore()
    store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "ok.geojson")))
    before = tree_digest(store.root)
    for make in (cases.random_bytes, cases.truncated_zip, cases.points):
        dialog = ImportBoundariesDialog()
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.failed, timeout=WAIT) as failed:
            dialog.set_path(make(tmp_path))
        message = failed.args[0]
        assert "\n" not in message and "Traceback" not in message
        assert dialog.error_label.text() == message and not dialog.accept_button.isEnabled()
        assert tree_digest(store.root) == before


def test_versions_dialog_lists_activates_restores_and_diffs(qtbot, home, tmp_path):
    store = BoundaryStore()
    store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "a.geojson")))
    names = list(cases.shanxi_cities()["name_zh"])
    names[1] = cases.HOSTILE_NAME
    store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "b.geojson", names)))
    dialog = VersionsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(2, 5).text() == "yes" and dialog.table.item(1, 5).text() == ""
    with qtbot.waitSignal(dialog.diff_shown, timeout=WAIT):
        dialog.select_version(2)
    assert dialog.diff_table.rowCount() == 1
    row = [dialog.diff_table.item(0, c).text() for c in range(4)]
    assert row == ["renamed", "140200", cases.HOSTILE_NAME, "140200 大同市"]

    with qtbot.waitSignal(dialog.activated, timeout=WAIT):
        dialog.select_version(1)
        dialog.activate_button.click()
    assert store.active() == {"140000:city": 1}
    assert dialog.table.item(1, 5).text() == "yes"
    with qtbot.waitSignal(dialog.activated, timeout=WAIT):
        dialog.restore_button.click()
    assert store.active() == {}

    with qtbot.waitSignal(dialog.diff_shown, timeout=WAIT):
        dialog.select_version(2)
    with qtbot.waitSignal(dialog.diff_map_ready, timeout=WAIT):
        dialog.map_button.click()
    html = Path(dialog.map_view.current_path).read_text(encoding="utf-8")
    assert "<img src=x" not in html  # escaped before it reached the page data
    assert "\\u0026lt;img src=x" in html
    assert dialog.map_view.interceptor.blocked == []


def test_dropped_hostile_file_is_imported_and_its_names_stay_text(qtbot, home, tmp_path):
    from desktop.app import create_window

    window = create_window("shanxi", None, quiet=True)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        window.controller.rebuild(keep_view=False)
    title = run_js(qtbot, window.map, "document.title")

    path = cases.hostile_geojson(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    dialogs = []
    original = window.import_boundaries
    window.import_boundaries = lambda p=None: dialogs.append(original(p)) or dialogs[-1]
    window.dropEvent(event)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT)
    assert dialog.preview.item(0, 1).text() == cases.HOSTILE_NAME  # shown as text
    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        dialog.accept_button.click()

    assert window.data.layer("140000", "city").version == "1"
    state = json.loads(run_js(qtbot, window.map, "InfraAtlas.describe()"))
    assert state["regions"] == 11
    window.state.set_language("zh")  # labels show the Chinese names, i.e. the file's names
    qtbot.waitUntil(
        lambda: json.loads(run_js(qtbot, window.map, "InfraAtlas.describe()"))["lang"] == "zh",
        timeout=WAIT,
    )
    checks = json.loads(
        run_js(
            qtbot,
            window.map,
            "JSON.stringify({title: document.title,"
            " imgs: document.querySelectorAll('img[src=\"x\"]').length,"
            " scripts: Array.from(document.scripts).filter("
            "   s => s.textContent.indexOf(\"document.title='pwned2'\") === 0).length,"
            " labels: Array.from(document.querySelectorAll('.leaflet-tooltip'))"
            "   .map(n => n.textContent)})",
        )
    )
    assert checks["title"] == title and "pwned" not in checks["title"]
    assert checks["imgs"] == 0 and checks["scripts"] == 0
    # the names are text, cut to a label's length (24 characters) like any long name
    from geodata.drawing import label_text

    assert label_text(cases.HOSTILE_NAME) in checks["labels"]
    assert label_text(cases.HOSTILE_SCRIPT) in checks["labels"]
    tip = run_js(
        qtbot,
        window.map,
        "InfraAtlas.byCode['140100'].openTooltip([37.8, 112.5]);"
        "document.querySelector('.atlas-tip').textContent",
    )
    assert cases.HOSTILE_NAME in tip
    assert run_js(qtbot, window.map, "document.title") == title
    assert window.notifier.errors == []
    window.close()


def test_menus_open_the_dialogs(qtbot, home):
    from desktop.app import create_window

    window = create_window("shanxi", None, quiet=True)
    qtbot.addWidget(window)
    assert window.import_boundaries_action.text() == "Import &boundaries..."
    assert window.versions_action.text() == "Boundary &versions..."
    dialog = window.import_boundaries()
    assert isinstance(dialog, ImportBoundariesDialog) and dialog.isVisible()
    dialog.close()
    versions = window.show_versions()
    assert isinstance(versions, VersionsDialog) and versions.table.rowCount() == 1
    versions.close()
    window.close()
