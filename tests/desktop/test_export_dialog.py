"""Exports from the desktop app: the dialog, the menu actions, real files written off-thread."""

import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from desktop.appsettings import settings
from desktop.dialogs.export import ExportDialog, ExportRequest
from desktop.i18n import install_language

WAIT = 90_000
#: The size of the module's Shanxi window (the ``shanxi`` fixture, tests/desktop/conftest.py).
WINDOW_SIZE = (1000, 700)


@pytest.fixture(autouse=True)
def english(qapp):
    install_language(qapp, "en")
    yield


@pytest.fixture
def clean_settings():
    s = settings()
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

    from geodata.atlas import AtlasData

    path = AtlasData().region_report("140100", tmp_path / "taiyuan.pdf", language="zh")
    doc = QPdfDocument()
    doc.load(str(path))
    assert doc.status() == QPdfDocument.Status.Ready and doc.pageCount() >= 2
    for page in range(doc.pageCount()):
        size = doc.pagePointSize(page)
        assert (size.width(), size.height()) == pytest.approx((595.28, 841.89), abs=0.1)
    text = " ".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    assert "太原市" in text and "区域报告" in text
    assert "120,000 5G base stations" in " ".join(text.split())  # a quote
    assert "Seetao, 2021-06-21" in text and ".txt" not in text  # a document, not its file


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


def export_view(qtbot, window, path, scale):
    request = ExportRequest("view", path, scale=scale)
    with qtbot.waitSignal(window.exports.exported, timeout=WAIT):
        assert window.exports.export_view(request)
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"), dtype=np.float64)


def page_value(qtbot, view, code):
    """Run JavaScript in the live page and return its (JSON-decoded) result."""
    result = []
    view.map_page.runJavaScript(code, 0, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=WAIT)
    return json.loads(result[0])


def resized(pixels, size):
    image = Image.fromarray(pixels.round().astype(np.uint8))
    resample = Image.BICUBIC if size[0] > image.width else Image.BOX
    return np.asarray(image.resize(size, resample), dtype=np.float64)


def detail(pixels):
    """Mean squared difference between neighbouring pixels (a blur spreads an edge: lower)."""
    grey = pixels.mean(axis=2)
    return float((np.diff(grey, axis=0) ** 2).mean() + (np.diff(grey, axis=1) ** 2).mean())


def red_outline(pixels):
    """How many pixels have the colour of the selected region's outline (#e31a1c)."""
    return int((np.abs(pixels - (227, 26, 28)).max(axis=2) < 40).sum())


def other_map_views(window):
    from desktop.map.view import MapView

    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MapView) and w is not window.map
    ]


def assert_real_render(one, two, scale):
    """``two`` shows what ``one`` (the screen grab) shows, drawn at ``scale`` (not enlarged)."""
    height, width = one.shape[:2]
    assert two.shape[:2] == (height * scale, width * scale)
    # The same view: shrunk back to the screen size the render matches the screen grab far
    # better than the grab matches itself moved by two pixels (text is antialiased differently).
    aligned = np.abs(resized(two, (width, height)) - one).mean()
    shifted = np.abs(np.roll(one, 2, axis=1) - one).mean()
    # ... but it is not the screen grab enlarged: it differs, and it has finer detail.
    upscaled = resized(one, (width * scale, height * scale))
    difference = np.abs(two - upscaled).mean()
    print(f"aligned {aligned:.2f} shifted {shifted:.2f} difference {difference:.2f}", end=" ")
    print(f"detail {detail(two):.0f} upscaled {detail(upscaled):.0f}")
    assert aligned < 0.65 * shifted
    assert difference > 3
    assert detail(two) > 1.5 * detail(upscaled)


@pytest.mark.parametrize("scale", [2, 3])
def test_export_view_at_2x_renders_the_view_again(qtbot, shanxi, tmp_path, scale):
    one = export_view(qtbot, shanxi, tmp_path / "view1.png", 1)
    big = export_view(qtbot, shanxi, tmp_path / "view.png", scale)
    assert_real_render(one, big, scale)
    with Image.open(tmp_path / "view.png") as image:
        assert image.info["dpi"] == pytest.approx((96 * scale, 96 * scale), abs=0.1)
    # The legend is drawn, with its text, where the live page has it (CSS px -> image px).
    box = page_value(
        qtbot,
        shanxi.map,
        "JSON.stringify(InfraAtlas.legendBox.getBoundingClientRect())",
    )
    x0, y0 = int(box["left"] * scale) + 8, int(box["top"] * scale) + 8
    x1, y1 = int(box["right"] * scale) - 8, int(box["bottom"] * scale) - 8
    legend = big[y0:y1, x0:x1].mean(axis=2)
    assert legend.size > 20_000
    assert (legend > 245).mean() > 0.5  # the white legend box ...
    assert (legend < 100).mean() > 0.02  # ... with dark text on it
    qtbot.waitUntil(lambda: other_map_views(shanxi) == [], timeout=WAIT)  # deleted
    assert shanxi.exports._renderers == set()
    assert shanxi.notifier.errors == []
    if os.environ.get("INFRA_ATLAS_KEEP_EXPORTS"):  # to look at the images by hand
        keep = os.environ["INFRA_ATLAS_KEEP_EXPORTS"]
        shutil.copy(tmp_path / "view1.png", os.path.join(keep, "screen-view1.png"))
        shutil.copy(tmp_path / "view.png", os.path.join(keep, f"render-view{scale}.png"))


def test_export_view_at_2x_shows_what_the_window_changed(qtbot, shanxi, tmp_path):
    """Selection, pan, hidden layers, language: set on the live page after it was loaded."""
    view = shanxi.map
    before = page_value(qtbot, view, "InfraAtlas.getView()")
    try:
        shanxi.state.set_overlay_visible("labels", False)
        shanxi.state.select_region("140400")  # highlights Changzhi and pans to it
        view.call("setLanguage", "zh")  # the page only: the app's translations stay English
        qtbot.waitUntil(
            lambda: page_value(qtbot, view, "InfraAtlas.describe()")["highlighted"] == ["140400"],
            timeout=WAIT,
        )
        assert page_value(qtbot, view, "InfraAtlas.getView()") != before
        qtbot.wait(800)  # let the live view repaint before the 1x grab
        one = export_view(qtbot, shanxi, tmp_path / "view1.png", 1)
        two = export_view(qtbot, shanxi, tmp_path / "view2.png", 2)
        assert_real_render(one, two, 2)
        assert red_outline(one) > 100 and red_outline(two) > 3 * red_outline(one)
    finally:
        view.call("setLanguage", "en")
        shanxi.state.select_region(None)
        shanxi.state.set_overlay_visible("labels", True)
        view.call("setView", before["lat"], before["lng"], before["zoom"])
        qtbot.wait(800)
    if os.environ.get("INFRA_ATLAS_KEEP_EXPORTS"):  # to look at the images by hand
        for name in ("view1.png", "view2.png"):
            shutil.copy(
                tmp_path / name,
                os.path.join(os.environ["INFRA_ATLAS_KEEP_EXPORTS"], "changed-" + name),
            )


def test_export_view_at_2x_after_a_pan_is_not_a_pixel_off(qtbot, shanxi, tmp_path):
    """A pan (here as much as a dock resize moves the map) is copied to the pixel: Leaflet's own
    setView landed the offscreen map a pixel off the window's (the legend did not move)."""
    before = page_value(qtbot, shanxi.map, "InfraAtlas.getView()")
    try:
        pan = "InfraAtlas.map.panBy([-33, 0], {animate: false}), 'true'"
        assert page_value(qtbot, shanxi.map, pan) is True
        qtbot.wait(800)
        one = export_view(qtbot, shanxi, tmp_path / "view1.png", 1)
        two = export_view(qtbot, shanxi, tmp_path / "view2.png", 2)
        assert_real_render(one, two, 2)
    finally:
        shanxi.map.call("setView", before["lat"], before["lng"], before["zoom"])
        qtbot.wait(800)


@pytest.mark.parametrize("stage", ["before loading", "while drawing"])
def test_export_view_at_2x_fails_cleanly_on_timeout(qtbot, shanxi, tmp_path, monkeypatch, stage):
    import desktop.export_actions as export_actions

    if stage == "before loading":
        monkeypatch.setattr(export_actions, "RENDER_TIMEOUT_MS", 1)
    else:  # the offscreen page loads but never reports its boundaries complete
        monkeypatch.setattr(export_actions, "RENDER_TIMEOUT_MS", 5000)
        monkeypatch.setattr(export_actions, "SETTLE_WAIT_MS", 10**9)
        monkeypatch.setattr(export_actions, "SETTLED_JS", "false && %s")
    path = tmp_path / "view2.png"
    with qtbot.waitSignal(shanxi.exports.failed, timeout=WAIT) as blocker:
        assert shanxi.exports.export_view(ExportRequest("view", path, scale=2))
        if stage == "while drawing":
            qtbot.waitUntil(lambda: len(other_map_views(shanxi)) == 1, timeout=WAIT)
    assert blocker.args[0] == "The map has not been drawn yet: try the export again"
    assert shanxi.notifier.errors == [blocker.args[0]]
    shanxi.notifier.errors.clear()
    qtbot.waitUntil(lambda: other_map_views(shanxi) == [], timeout=WAIT)  # deleted
    assert not path.exists() and list(tmp_path.iterdir()) == []
    assert shanxi.exports._renderers == set()


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


# ----------------------------------------------------------------- labelled, whole, remembered
def visible_fields(dialog):
    fields = (
        dialog.format_box,
        dialog.dpi_box,
        dialog.scale_box,
        dialog.page_box,
        dialog.orientation_box,
        dialog.title_edit,
        dialog.legend_box,
        dialog.approval_edit,
        dialog.disclaimer_edit,
        dialog.path_edit,
    )
    return [f for f in fields if f is dialog.path_edit or dialog.form.isRowVisible(f)]


@pytest.mark.parametrize(
    "kind, national, shown",
    [
        ("view", False, {"scale_box", "title_edit", "legend_box", "path_edit"}),
        ("report", False, {"path_edit"}),
        ("figure", False, {"format_box", "dpi_box", "page_box", "orientation_box", "path_edit"}),
        (
            "figure",
            True,
            {
                "format_box",
                "dpi_box",
                "page_box",
                "orientation_box",
                "approval_edit",
                "disclaimer_edit",
                "path_edit",
            },
        ),
    ],
)
def test_every_field_of_the_dialog_has_a_label(qtbot, clean_settings, kind, national, shown):
    dialog = ExportDialog(kind, "infra-atlas-test", national=national)
    qtbot.addWidget(dialog)
    fields = visible_fields(dialog)
    names = {name for name, value in vars(dialog).items() if any(value is f for f in fields)}
    assert names == shown
    for field in visible_fields(dialog):
        label = dialog.form.labelForField(field)  # what a screen reader names the field by
        assert isinstance(label, QLabel) and label.text().strip(), field
        assert label.buddy() is field and label.isVisibleTo(dialog)


def test_national_fields_only_for_a_national_figure(qtbot, tmp_path, clean_settings):
    province = ExportDialog("figure", "p")
    qtbot.addWidget(province)
    assert not province.form.isRowVisible(province.approval_edit)
    assert not province.form.isRowVisible(province.disclaimer_edit)
    province.approval_edit.setText("typed but not shown")
    assert province.make_request().approval == ""

    national = ExportDialog("figure", "china", national=True)
    qtbot.addWidget(national)
    assert national.form.isRowVisible(national.approval_edit)
    label = national.form.labelForField(national.approval_edit).text()
    assert "审图号" in label and "approval" in label
    national.approval_edit.setText("GS(2024)1234号")
    national.disclaimer_edit.setText("Boundaries are not authoritative <b>")
    national.path_edit.setText(str(tmp_path / "china.pdf"))
    national.format_box.setCurrentIndex(national.format_box.findData("pdf"))
    national.accept()
    assert national.request.approval == "GS(2024)1234号"
    assert national.request.disclaimer == "Boundaries are not authoritative <b>"

    again = ExportDialog("figure", "china", national=True)  # remembered
    qtbot.addWidget(again)
    assert again.approval_edit.text() == "GS(2024)1234号"
    assert again.disclaimer_edit.text() == "Boundaries are not authoritative <b>"


def test_each_kind_remembers_its_own_folder(qtbot, tmp_path, clean_settings):
    from desktop.dialogs.export import standard_folder

    first = ExportDialog("view", "v")
    qtbot.addWidget(first)
    assert first.folder == standard_folder("view") and first.folder != Path.home()
    assert str(first.folder) in first.folder_label.toolTip()  # the dialog says the folder
    for kind in ("figure", "view", "report"):
        assert standard_folder(kind) != Path.home()

    figures, reports = tmp_path / "figures A", tmp_path / "reports B"
    figures.mkdir()
    reports.mkdir()
    for kind, folder in (("figure", figures), ("report", reports)):
        dialog = ExportDialog(kind, "x")
        qtbot.addWidget(dialog)
        dialog.path_edit.setText(str(folder / f"x.{dialog.fmt}"))
        dialog.accept()
        assert dialog.result() == QDialog.Accepted
    assert settings().value("export/figure/folder") == str(figures)
    assert settings().value("export/report/folder") == str(reports)

    figure, report, view = (ExportDialog(k, "again") for k in ("figure", "report", "view"))
    for dialog in (figure, report, view):
        qtbot.addWidget(dialog)
    assert figure.path() == figures / "again.png"
    assert report.path() == reports / "again.pdf"
    assert view.folder == standard_folder("view")  # never exported: its own first default
    assert str(reports) in report.folder_label.text() + report.folder_label.toolTip()


def test_the_whole_file_name_is_shown(qtbot, tmp_path, clean_settings):
    deep = tmp_path / "a rather long folder name for planning exports" / "and another level"
    deep.mkdir(parents=True)
    settings().setValue("export/figure/folder", str(deep))
    dialog = ExportDialog("figure", "infra-atlas-shanxi-plan_items-progress-5G")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.path_edit
    full = str(deep / "infra-atlas-shanxi-plan_items-progress-5G.png")
    assert edit.text() == full and edit.toolTip() == full
    assert edit.width() >= 420
    assert edit.cursorPosition() == len(full)  # scrolled to the end: the file name in sight
    name_width = edit.fontMetrics().horizontalAdvance(Path(full).name)
    assert name_width < edit.width() - 20
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    assert edit.toolTip() == full[:-4] + ".pdf" and edit.cursorPosition() == len(full)


# ----------------------------------------------------------------- after writing
def test_the_notice_opens_the_file_and_its_folder(qtbot, shanxi, tmp_path):
    from PySide6.QtCore import QUrl

    opened: list[QUrl] = []
    shanxi.exports.open_url = opened.append  # record instead of launching a program
    try:
        path = tmp_path / "figure <1>.png"
        request = ExportRequest("figure", path, "png", 60, "A4", "portrait")
        with qtbot.waitSignal(shanxi.exports.exported, timeout=WAIT):
            assert shanxi.exports.export_figure(request)
        notice = shanxi.exports.notice
        assert notice is not None and notice.isVisible()
        assert not notice.isModal() and notice.windowModality() == Qt.NonModal
        assert notice.textFormat() == Qt.PlainText and notice.text() == f"Exported {path}"
        buttons = {b.text(): b for b in notice.buttons()}
        assert {"&Open file", "Show in &folder"} <= set(buttons)
        buttons["&Open file"].click()
        assert opened == [QUrl.fromLocalFile(str(path))]
        qtbot.waitUntil(lambda: shanxi.exports.notice is None, timeout=WAIT)  # closed, deleted

        with qtbot.waitSignal(shanxi.exports.exported, timeout=WAIT):
            assert shanxi.exports.export_figure(request)
        buttons = {b.text(): b for b in shanxi.exports.notice.buttons()}
        buttons["Show in &folder"].click()
        assert opened[1] == QUrl.fromLocalFile(str(tmp_path))
        assert opened[1].toLocalFile() == str(tmp_path)
    finally:
        del shanxi.exports.open_url


# ----------------------------------------------------------------- language
def test_figure_and_report_follow_the_window_language(qtbot, shanxi, tmp_path):
    from tests.pdfmeasure import page_text

    assert shanxi.state.language == "en"
    figure = tmp_path / "figure.pdf"
    with qtbot.waitSignal(shanxi.exports.exported, timeout=WAIT):
        shanxi.exports.export_figure(ExportRequest("figure", figure, "pdf"))
    text = " ".join(page_text(figure))
    assert "Shanxi" in text and "prefecture cities" in text
    assert "山西" not in text and "地级市" not in text

    shanxi.state.select_region("140100")
    try:
        report = tmp_path / "taiyuan.pdf"
        with qtbot.waitSignal(shanxi.exports.exported, timeout=WAIT):
            shanxi.exports.export_report(ExportRequest("report", report, "pdf"))
    finally:
        shanxi.state.select_region(None)
    text = " ".join(page_text(report))
    assert "Region report" in text and "Taiyuan" in text and "区域报告" not in text
    assert shanxi.notifier.errors == []


def test_write_figure_uses_the_language_given(tmp_path):
    from desktop.export_actions import write_figure
    from geodata.atlas import AtlasData
    from geodata.drawing import MapOptions
    from tests.pdfmeasure import page_text

    path = tmp_path / "en.pdf"
    request = ExportRequest("figure", path, "pdf")
    write_figure(AtlasData(), "140000", "city", MapOptions(language="zh"), request, "en")
    text = " ".join(page_text(path))
    assert "prefecture cities" in text and "地级市" not in text


def test_a_national_figure_prints_the_approval_number(tmp_path):
    """Needs AtlasData.figure(..., approval=, disclaimer=) (the print helper's change)."""
    from desktop.export_actions import write_figure
    from geodata.atlas import AtlasData
    from geodata.drawing import MapOptions
    from geodata.vocab import NATIONAL
    from tests.pdfmeasure import page_text

    path = tmp_path / "china.pdf"
    request = ExportRequest(
        "figure", path, "pdf", approval="GS(2024)1234号", disclaimer="Not an official map"
    )
    write_figure(AtlasData(), NATIONAL, "province", MapOptions(language="en"), request, "en")
    text = " ".join(page_text(path))
    assert "GS(2024)1234" in text and "Not an official map" in text


def test_the_first_folder_is_pictures_or_documents_made_when_needed(
    qtbot, tmp_path, monkeypatch, clean_settings
):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))  # no Pictures or Documents folder yet
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    view, report = ExportDialog("view", "v"), ExportDialog("report", "r")
    for dialog in (view, report):
        qtbot.addWidget(dialog)
    assert view.folder == home / "Pictures" and report.folder == home / "Documents"
    assert not (home / "Pictures").exists()
    view.accept()  # the user's Pictures folder is made, not refused
    assert view.result() == QDialog.Accepted
    assert view.request.path == home / "Pictures" / "v.png" and (home / "Pictures").is_dir()

    elsewhere = ExportDialog("report", "r")
    qtbot.addWidget(elsewhere)
    elsewhere.path_edit.setText(str(home / "missing" / "r.pdf"))
    asked = answer_next_question(QMessageBox.Ok)
    elsewhere.accept()  # any other missing folder is refused, as before
    assert asked and "missing" in asked[0] and elsewhere.request is None
    assert not (home / "missing").exists()


def test_the_view_title_proposed_is_the_province_and_metric_shown(shanxi):
    shown = shanxi.layers_panel.metric_combo.currentText()  # as the Layers panel names it
    assert shown and shown != shanxi.state.metric
    assert shanxi.exports.default_title() == f"Shanxi · {shown}"
