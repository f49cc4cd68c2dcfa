"""Exports from the desktop app: the dialog, the menu actions, real files written off-thread."""

import os
import shutil

import pytest
from PIL import Image
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.app import create_window
from desktop.dialogs.export import ExportDialog, ExportRequest, export_settings
from desktop.i18n import install_language

WAIT = 90_000


@pytest.fixture(autouse=True)
def english(qapp):
    install_language(qapp, "en")
    yield


@pytest.fixture
def clean_settings():
    s = export_settings()
    s.remove("export")
    s.sync()
    yield s
    s.remove("export")
    s.sync()


def answer_next_question(button) -> list[str]:
    """Click ``button`` in the next modal message box; return its text in the list."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            assert box.textFormat() == Qt.PlainText  # a file name is shown as it is
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)
    return seen


def test_dialog_remembers_folder_format_dpi_and_page(qtbot, tmp_path, clean_settings):
    dialog = ExportDialog("figure", "infra-atlas-shanxi-role")
    qtbot.addWidget(dialog)
    assert dialog.fmt == "png" and dialog.dpi_box.value() == 300
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    assert dialog.path_edit.text().endswith("infra-atlas-shanxi-role.svg")
    assert not dialog.form.isRowVisible(dialog.dpi_box)  # DPI only matters for PNG
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    dialog.dpi_box.setValue(600)
    dialog.page_box.setCurrentIndex(dialog.page_box.findData("A3"))
    dialog.orientation_box.setCurrentIndex(dialog.orientation_box.findData("portrait"))
    dialog.path_edit.setText(str(tmp_path / "figure"))
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    assert dialog.request == ExportRequest(
        "figure", tmp_path / "figure.png", "png", 600, "A3", "portrait", 2
    )

    again = ExportDialog("figure", "infra-atlas-zhejiang-plan_items")
    qtbot.addWidget(again)
    assert again.fmt == "png" and again.dpi_box.value() == 600
    assert again.page_box.currentData() == "A3"
    assert again.orientation_box.currentData() == "portrait"
    assert again.path_edit.text() == str(tmp_path / "infra-atlas-zhejiang-plan_items.png")


def test_dialog_rows_follow_the_kind(qtbot, clean_settings):
    report = ExportDialog("report", "r")
    view = ExportDialog("view", "v")
    qtbot.addWidget(report)
    qtbot.addWidget(view)
    assert [report.format_box.itemData(i) for i in range(report.format_box.count())] == ["pdf"]
    assert not report.form.isRowVisible(report.page_box)
    assert view.form.isRowVisible(view.scale_box) and not view.form.isRowVisible(view.dpi_box)
    assert view.path_edit.text().endswith("v.png")


def test_dialog_asks_before_overwriting(qtbot, tmp_path, clean_settings):
    existing = tmp_path / "<i>map&amp;.png"
    existing.write_bytes(b"keep")
    dialog = ExportDialog("view", "map")
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(existing))

    asked = answer_next_question(QMessageBox.No)
    dialog.accept()
    assert asked == ["<i>map&amp;.png exists. Replace it?"]
    assert dialog.request is None and dialog.result() != QDialog.Accepted

    asked = answer_next_question(QMessageBox.Yes)
    dialog.accept()
    assert asked and dialog.request is not None and dialog.request.path == existing
    assert existing.read_bytes() == b"keep"  # the dialog only asks; nothing written yet


def test_region_report_pdf_holds_extractable_text(tmp_path):
    """The PDF text layer, read back with Qt's PDF module (QtPdf ships with PySide6)."""
    from PySide6.QtPdf import QPdfDocument

    from geodata.reports import region_report
    from geodata.session import AtlasData

    path = region_report(AtlasData(), "140100", tmp_path / "taiyuan.pdf", language="zh")
    doc = QPdfDocument()
    doc.load(str(path))
    assert doc.status() == QPdfDocument.Status.Ready and doc.pageCount() == 1
    size = doc.pagePointSize(0)
    assert (size.width(), size.height()) == pytest.approx((595.28, 841.89), abs=0.1)
    text = doc.getAllText(0).text()
    assert "太原市" in text and "区域报告" in text
    assert "120,000 5G base stations were built" in " ".join(text.split())
    assert "000_bf06ba13957dd301.txt" in text


@pytest.fixture(scope="module")
def shanxi(qapp):
    """One Shanxi window for the export tests (opening one takes seconds)."""
    window = create_window("shanxi", None, quiet=True)
    window.resize(1000, 700)
    window.show()
    ready = []
    loop = QEventLoop()
    window.view_ready.connect(lambda: (ready.append(True), loop.quit()))
    QTimer.singleShot(WAIT, loop.quit)
    window.rebuild_map(keep_view=False)
    loop.exec()
    assert ready, "the Shanxi map did not finish drawing"
    yield window
    window.close()
    window.deleteLater()


def test_file_menu_has_the_export_actions(shanxi):
    exports = shanxi.exports
    assert exports.view_action.shortcut().toString() == "Ctrl+E"
    texts = [a.text() for a in shanxi.file_menu.actions()]
    for action in (exports.view_action, exports.figure_action, exports.report_action):
        assert action.text() in texts


@pytest.mark.parametrize("scale", [1, 2])
def test_export_view_writes_the_map_at_a_scale(qtbot, shanxi, tmp_path, scale):
    path = tmp_path / f"view{scale}.png"
    request = ExportRequest("view", path, scale=scale)
    with qtbot.waitSignal(shanxi.exports.exported, timeout=WAIT) as blocker:
        assert shanxi.exports.export_view(request)
    assert blocker.args == [str(path)]
    view = shanxi.map
    with Image.open(path) as image:
        assert image.size == (view.width() * scale, view.height() * scale)
        assert image.info["dpi"] == pytest.approx((96 * scale, 96 * scale), abs=0.1)
        colours = image.convert("RGB").resize((200, 140)).getcolors(100_000)
    assert len(colours) > 30  # the drawn map, not a blank grab
    assert str(path) in shanxi.statusBar().currentMessage()
    if os.environ.get("INFRA_ATLAS_KEEP_EXPORTS"):  # to look at the image by hand
        shutil.copy(path, os.environ["INFRA_ATLAS_KEEP_EXPORTS"])


def test_export_figure_runs_off_the_gui_thread(qtbot, shanxi, tmp_path):
    path = tmp_path / "figure.png"
    request = ExportRequest("figure", path, "png", 100, "A4", "portrait")
    with qtbot.waitSignal(shanxi.exports.exported, timeout=WAIT):
        assert shanxi.exports.export_figure(request)
        assert not path.exists()  # returned at once; the worker writes the file
    with Image.open(path) as image:
        assert image.size == (827, 1169)
    assert shanxi.notifier.errors == []


def test_region_report_needs_a_selected_region(qtbot, shanxi, tmp_path):
    shanxi.state.select_region(None)
    assert not shanxi.exports.report_action.isEnabled()
    with qtbot.waitSignal(shanxi.exports.failed, timeout=WAIT):
        assert not shanxi.exports.export_report(ExportRequest("report", tmp_path / "r.pdf", "pdf"))
    shanxi.notifier.errors.clear()

    shanxi.state.select_region("140400")
    assert shanxi.exports.report_action.isEnabled()
    path = tmp_path / "changzhi.pdf"
    with qtbot.waitSignal(shanxi.exports.exported, timeout=WAIT):
        shanxi.exports.export_report(ExportRequest("report", path, "pdf"))
    assert path.read_bytes().startswith(b"%PDF")
    assert shanxi.notifier.errors == []


def test_a_failed_export_is_reported(qtbot, shanxi, tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    request = ExportRequest("figure", tmp_path / "a-file" / "f.png", "png", 100)
    with qtbot.waitSignal(shanxi.exports.failed, timeout=WAIT) as blocker:
        shanxi.exports.export_figure(request)
    assert "cannot write" in blocker.args[0] and "choose another folder" in blocker.args[0]
    assert shanxi.notifier.errors == [blocker.args[0]]  # a user error, shown as it is
    shanxi.notifier.errors.clear()
