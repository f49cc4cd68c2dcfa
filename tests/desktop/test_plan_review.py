"""Reviewing the targets proposed from a plan document, importing one, and the Plans dialog."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from desktop.dialogs.plan_review import (
    ACCEPT,
    REGIONS,
    STATUS,
    VALUE,
    YEAR,
    PlanReviewDialog,
    number_text,
    parse_number,
)
from desktop.i18n import install_language
from geodata.plan.extract.proposal import Proposal
from geodata.plan.plan_import import PlanProposals
from geodata.plan.reading.document import DocumentText
from tests import docmaker

WAIT = 90_000
SHANXI = "140000"

#: Sentences of a Chinese plan, each with the number it proposes (as written) and its fields.
SENTENCES = [
    ("到2025年，全省建成5G基站12万个。", "12万个", 120000.0, "个", "", "2025", "", "planned"),
    (
        "截至2023年6月底，太原市已建成数据中心机架约3万架。",
        "约3万架",
        30000.0,
        "架",
        "about",
        "",
        "2023-06-30",
        "achieved",
    ),
    (
        "到2025年，新基建投资超过3600亿元。",
        "超过3600亿元",
        3.6e11,
        "元",
        "more than",
        "2025",
        "",
        "planned",
    ),
]


def chinese_plan(filler_paragraphs: int = 3) -> str:
    """Return a plan text: a title, filler paragraphs, and the sentences one a paragraph."""
    filler = "加快推进新型基础设施建设，夯实数字经济发展基础。" * 4
    lines = ["山西省新型基础设施建设三年行动计划"]
    for sentence, *_ in SENTENCES:
        lines += [filler] * filler_paragraphs + [sentence]
    return "\n".join(lines) + "\n"


def hand_made(text: str, warnings: tuple[str, ...] = ()) -> PlanProposals:
    """Return proposals for :func:`chinese_plan`'s sentences, as the engine would make them."""
    proposals = []
    for n, (sentence, number, value, unit, qualifier, year, date, status) in enumerate(
        SENTENCES, start=1
    ):
        start = text.index(sentence)
        proposals.append(
            Proposal(
                id=f"P{n}",
                sentence=sentence,
                start=start,
                end=start + len(sentence),
                value=value,
                unit=unit,
                qualifier=qualifier,
                year=year,
                date=date,
                status=status,
                regions=("140100",) if "太原" in sentence else (SHANXI,),
                metric=("5G基站", "数据中心机架", "新基建投资")[n - 1],
                category="information",
                number_text=number,
                number_start=text.index(number, start),
            )
        )
    document = DocumentText(
        text=text,
        source="plan.txt",
        kind="txt",
        encoding="gb18030",
        title="山西省新型基础设施建设三年行动计划",
        language="zh",
        script="simplified",
        warnings=warnings,
    )
    return PlanProposals(document=document, proposals=proposals, province=SHANXI)


@pytest.fixture(autouse=True)
def english(qapp):
    install_language(qapp, "en")
    yield


@pytest.fixture
def dialog(qtbot):
    text = chinese_plan()
    dialog = PlanReviewDialog(hand_made(text, ("encoding guessed: gb18030",)))
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture(params=["hand-made", "engine"])
def any_dialog(request, qtbot, tmp_path):
    """A review dialog of hand-made proposals, and one of the engine's for a GB18030 file."""
    text = chinese_plan()
    if request.param == "engine":
        from geodata.plan.plan_import import propose_file

        path = tmp_path / "plan.txt"
        path.write_text(text, encoding="gb18030")
        result = propose_file(path, "shanxi")
        assert result.document.text == text.rstrip("\n")
        assert [p.sentence for p in result.proposals] == [s for s, *_ in SENTENCES]
    else:
        result = hand_made(text)
    dialog = PlanReviewDialog(result)
    qtbot.addWidget(dialog)
    return dialog


def selection_span(dialog, k: int = 0) -> tuple[int, int]:
    selections = dialog.text_view.extraSelections()  # (each cursor lives in its selection)
    cursor = selections[k].cursor
    return cursor.selectionStart(), cursor.selectionEnd()


# ----------------------------------------------------------------- the review dialog
def test_selecting_a_row_highlights_exactly_its_sentence_and_number(qtbot, any_dialog):
    dialog = any_dialog
    for row in (1, 0, 2):
        dialog.select_row(row)
        p = dialog.proposals[row]
        assert dialog.current_row() == row
        assert selection_span(dialog) == (p.start, p.end)
        assert dialog.highlighted_text() == p.sentence
        number = selection_span(dialog, 1)
        assert number == (p.number_start, p.number_start + len(p.number_text))
        assert dialog.text_view.extraSelections()[1].format.fontWeight() == QFont.Weight.Bold
        assert dialog.text_view.textCursor().position() == p.start


def test_rows_read_as_a_planner_reads_them(dialog):
    table = dialog.table
    assert table.rowCount() == 3
    assert table.item(0, VALUE).text() == "120,000 个"
    assert table.item(1, VALUE).text() == "about 30,000 架"
    assert table.item(2, VALUE).text() == "more than 360 billion 元"
    assert table.item(1, YEAR).text() == "2023-06-30"
    assert table.item(1, STATUS).text() == "achieved"
    assert table.item(1, REGIONS).text() == "Taiyuan"
    assert table.item(0, REGIONS).text() == "Shanxi"
    assert "encoding guessed: gb18030" in dialog.warnings_label.text()
    assert dialog.warnings_label.isVisibleTo(dialog)
    assert dialog.text_view.isReadOnly()


def test_nothing_is_accepted_until_the_planner_says_so(dialog):
    assert dialog.accepted_proposals() == []
    assert not dialog.store_button.isEnabled()
    assert dialog.store_button.text().replace("&", "") == "Store 0 accepted"
    dialog.accept_all_button.click()
    assert [p.id for p in dialog.accepted_proposals()] == ["P1", "P2", "P3"]
    assert dialog.store_button.text().replace("&", "") == "Store 3 accepted"
    assert dialog.store_button.isEnabled()
    dialog.table.item(1, ACCEPT).setCheckState(Qt.CheckState.Unchecked)  # as a click does
    assert [p.id for p in dialog.accepted_proposals()] == ["P1", "P3"]
    assert dialog.store_button.text().replace("&", "") == "Store 2 accepted"
    dialog.reject_all_button.click()
    assert dialog.accepted_proposals() == []
    assert not dialog.store_button.isEnabled()


def test_the_dialog_says_achieved_proposals_become_achieved_figures(dialog):
    note = "stored as achieved figures"
    assert note not in dialog.count_label.text()
    dialog.accept_all_button.click()  # P2 is achieved: about 30,000 racks in Taiyuan by 2023-06-30
    assert "Achieved and accepted: 1, stored as achieved figures" in dialog.count_label.text()
    dialog.table.item(1, ACCEPT).setCheckState(Qt.CheckState.Unchecked)
    assert note not in dialog.count_label.text()


def test_an_edit_changes_the_row_and_the_accepted_proposal(qtbot, any_dialog):
    dialog = any_dialog
    dialog.select_row(0)
    dialog.value_edit.setText("15万")  # (QTest types Latin-1 only)
    qtbot.keyClick(dialog.value_edit, Qt.Key.Key_Return)
    assert dialog.table.item(0, VALUE).text() == "150,000 个"
    dialog.qualifier_combo.setCurrentIndex(dialog.qualifier_combo.findData("at least"))
    assert dialog.table.item(0, VALUE).text() == "at least 150,000 个"
    dialog.regions_edit.setText("太原, 大同市")
    dialog.regions_edit.editingFinished.emit()
    assert dialog.table.item(0, REGIONS).text() == "Taiyuan, Datong"
    dialog.year_edit.setText("2027")
    dialog.select_row(1)  # leaving the row applies the edit not yet applied
    assert dialog.table.item(0, YEAR).text() == "2027"
    dialog.set_accepted(0, True)
    (edited,) = dialog.accepted_proposals()
    assert (edited.value, edited.qualifier, edited.regions, edited.year) == (
        150000.0,
        "at least",
        ("140100", "140200"),
        "2027",
    )
    assert edited.sentence == SENTENCES[0][0]  # the sentence stays verbatim
    dialog.set_accepted(0, False)
    assert dialog.accepted_proposals() == []


def test_a_bad_edit_is_refused_with_a_message(qtbot, dialog):
    dialog.select_row(0)
    dialog.year_edit.setText("25")
    assert not dialog.apply_form()
    assert "not a year" in dialog.form_error.text()
    assert dialog.form_error.isVisibleTo(dialog)
    assert dialog.proposals[0].year == "2025"
    dialog.year_edit.setText("2027")
    dialog.regions_edit.setText("Atlantis")
    assert not dialog.apply_form()
    assert "Atlantis is not a region of Shanxi" in dialog.form_error.text()
    dialog.regions_edit.setText("")  # no region: the province
    assert dialog.apply_form()
    assert not dialog.form_error.isVisibleTo(dialog)
    assert (dialog.proposals[0].year, dialog.proposals[0].regions) == ("2027", (SHANXI,))


def test_filters_hide_rows_and_accept_all_keeps_to_the_rows_shown(dialog):
    dialog.status_filter.setCurrentIndex(dialog.status_filter.findData("achieved"))
    assert dialog.shown_rows() == [1]
    assert "1 of 3 proposals shown" in dialog.count_label.text()
    dialog.accept_all_button.click()
    assert [p.id for p in dialog.accepted_proposals()] == ["P2"]
    dialog.status_filter.setCurrentIndex(dialog.status_filter.findData("planned"))
    assert dialog.shown_rows() == [0, 2]
    dialog.status_filter.setCurrentIndex(0)
    dialog.filter_edit.setText("5g")
    assert dialog.shown_rows() == [0]
    dialog.filter_edit.setText("taiyuan")  # a region's name in the interface language
    assert dialog.shown_rows() == [1]
    dialog.filter_edit.clear()
    assert dialog.shown_rows() == [0, 1, 2]


def test_a_500_page_document_stays_responsive(qtbot):
    text = chinese_plan(filler_paragraphs=3500)  # 500 pages of 2,000 characters
    assert len(text) > 1_000_000
    started = time.perf_counter()
    dialog = PlanReviewDialog(hand_made(text))
    qtbot.addWidget(dialog)
    dialog.resize(1200, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    opened = time.perf_counter() - started
    started = time.perf_counter()
    for row in (2, 0, 1, 2):
        dialog.select_row(row)
    qtbot.wait(10)
    selecting = (time.perf_counter() - started) / 4
    p = dialog.proposals[2]
    assert selection_span(dialog) == (p.start, p.end)
    view = dialog.text_view
    assert view.viewport().rect().intersects(view.cursorRect())
    assert opened < 10 and selecting < 0.5, (opened, selecting)


def test_numbers_as_written_and_read():
    assert number_text(3.6e11, "zh") == "3600亿"
    assert number_text(3.6e11, "en") == "360 billion"
    assert number_text(120000.0, "zh") == "12万"
    assert number_text(12345.0, "zh") == "12,345"
    assert number_text(None, "en") == ""
    assert parse_number("3600亿") == 3.6e11
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("120,000") == 120000
    assert parse_number(" ") is None
    with pytest.raises(ValueError):
        parse_number("many")


# ----------------------------------------------------------------- the plans dialog
def stored_plan(tmp_path: Path):
    """Store two of :func:`hand_made`'s proposals from a real GB18030 file; return the info."""
    from geodata.plan.plan_import import accept

    text = chinese_plan()
    path = tmp_path / "山西计划.txt"
    path.write_text(text, encoding="gb18030")
    result = hand_made(text)
    result.path = path
    return accept(result, result.proposals[:2])


def row_texts(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_plans_dialog_hides_shows_and_removes_plans(qtbot, home, tmp_path, monkeypatch):
    from desktop.dialogs.plans import PlansDialog
    from geodata.plan.store import PlanStore

    info = stored_plan(tmp_path)
    dialog = PlansDialog()
    qtbot.addWidget(dialog)
    changes: list[str] = []
    dialog.changed.connect(changes.append)
    assert dialog.table.rowCount() == 2
    assert row_texts(dialog.table, 0)[:3] == ["0", "Bundled plan documents", "bundled"]
    assert row_texts(dialog.table, 1) == [
        str(info.plan),
        "山西省新型基础设施建设三年行动计划",
        "document",
        "山西计划.txt",
        "Shanxi",
        info.imported_at[:19].replace("T", " "),
        "1",  # of the two proposals, the achieved one is stored as a figure (observation)
        "yes",
    ]
    dialog.select_plan(0)
    assert dialog.hide_button.isEnabled() and not dialog.remove_button.isEnabled()
    dialog.select_plan(info.plan)
    dialog.hide_button.click()
    assert PlanStore().hidden() == {info.plan}
    assert row_texts(dialog.table, 1)[-1] == ""
    assert dialog.show_button.isEnabled() and not dialog.hide_button.isEnabled()
    dialog.show_button.click()
    assert PlanStore().hidden() == set()
    assert changes == [f"Plan {info.plan} is hidden", f"Plan {info.plan} is shown"]

    monkeypatch.setattr(dialog, "confirm_remove", lambda _info: False)
    dialog.remove_button.click()
    assert [p.plan for p in PlanStore().plans()] == [0, info.plan]
    monkeypatch.setattr(dialog, "confirm_remove", lambda _info: True)
    dialog.remove_button.click()
    assert [p.plan for p in PlanStore().plans()] == [0]
    assert dialog.table.rowCount() == 1
    assert changes[-1] == f"Plan {info.plan} was removed"


# ----------------------------------------------------------------- import through the window


@pytest.fixture
def actions(qtbot, shanxi, home):
    """PlanActions on the window, storing into the test's own plan store."""
    from desktop.plan_actions import PlanActions
    from geodata.plan.store import PlanStore

    saved = shanxi.data.plan_store
    shanxi.data.plan_store = PlanStore()  # under the test's home
    calls: list[int] = []

    def on_changed() -> None:  # what the main window does
        calls.append(len(calls) + 1)
        shanxi.data.reload_plans()
        shanxi.targets_panel.set_targets(shanxi.data.targets)

    actions = PlanActions(shanxi, shanxi.data, shanxi.state, shanxi.notifier, on_changed)
    actions.changed_calls = calls
    shanxi.notifier.errors.clear()
    yield actions
    for dialog in (actions.review_dialog, actions.progress_dialog, actions.plans_dialog):
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.close()
    qtbot.waitUntil(lambda: not actions.is_busy(), timeout=WAIT)
    actions.deleteLater()
    shanxi.data.plan_store = saved
    shanxi.data.reload_plans()


def test_import_a_word_document_review_and_store(qtbot, actions, shanxi, tmp_path):
    from PySide6.QtWidgets import QProgressBar

    from geodata.plan.store import PlanStore

    sentences = [s for s, *_ in SENTENCES]
    path = docmaker.write_docx(
        tmp_path, "shanxi-plan.docx", sentences, title="山西省新基建行动计划"
    )
    values: list[int] = []
    with qtbot.waitSignal(actions.review_opened, timeout=WAIT) as opened:
        assert actions.import_document(path)
        progress = actions.progress_dialog
        assert progress is not None and progress.isVisible()
        progress.findChild(QProgressBar).valueChanged.connect(values.append)
    assert actions.progress_dialog is None and not progress.isVisible()
    assert values and values[-1] == 1000
    dialog = opened.args[0]
    assert dialog is actions.review_dialog and dialog.isVisible()
    assert [p.sentence for p in dialog.proposals] == sentences
    assert dialog.highlighted_text() == sentences[0]
    assert PlanStore().plans()[1:] == []  # nothing stored before the planner says so

    dialog.set_accepted(0, True)
    dialog.set_accepted(2, True)
    with qtbot.waitSignal(actions.stored, timeout=WAIT) as stored:
        dialog.store_button.click()
    info = stored.args[0]
    assert [p.plan for p in PlanStore().plans()] == [0, info.plan]
    assert info.targets == 2 and info.source == "shanxi-plan.docx"
    assert actions.changed_calls == [1]
    ids = {t.id for t in shanxi.data.targets}
    assert {f"P{info.plan}-01", f"P{info.plan}-02"} <= ids
    assert shanxi.statusBar().currentMessage() == (
        f"Stored 2 targets from shanxi-plan.docx as plan {info.plan}"
    )
    assert shanxi.notifier.errors == []


def test_a_pdf_opens_for_review_with_each_sentence_highlighted(qtbot, actions, tmp_path):
    path = docmaker.write_pdf(tmp_path, "plan.pdf", ["\n".join(docmaker.PLAN_ZH)] * 2)
    with qtbot.waitSignal(actions.review_opened, timeout=WAIT) as opened:
        assert actions.import_document(path)
    dialog = opened.args[0]
    assert "plan.pdf · PDF · 2 pages" in dialog.document_label.text()
    assert dialog.table.rowCount() >= 2
    for row in range(dialog.table.rowCount()):
        dialog.select_row(row)
        assert dialog.highlighted_text() == dialog.proposals[row].sentence
    dialog.reject()


def test_cancelling_a_long_reading_stores_nothing(qtbot, actions, shanxi, tmp_path):
    from PySide6.QtWidgets import QPushButton

    from geodata.plan.store import PlanStore

    path = tmp_path / "long-plan.txt"
    path.write_text(chinese_plan(filler_paragraphs=3500), encoding="gb18030")  # 500 pages
    with qtbot.waitSignal(actions.cancelled, timeout=WAIT):
        assert actions.import_document(path)
        actions.progress_dialog.findChild(QPushButton).click()  # its Cancel button
    assert actions.review_dialog is None and actions.progress_dialog is None
    assert shanxi.notifier.errors == []
    assert "cancelled" in shanxi.statusBar().currentMessage()
    assert [p.plan for p in PlanStore().plans()] == [0]
    assert actions.changed_calls == []
    assert actions.import_action.isEnabled()


@pytest.mark.parametrize("name", ["junk.docx", "junk.pdf"])
def test_a_broken_file_is_reported_and_nothing_is_stored(qtbot, actions, shanxi, tmp_path, name):
    import random

    from geodata.plan.store import PlanStore

    path = tmp_path / name
    path.write_bytes(bytes(random.Random(7).randrange(256) for _ in range(5000)))
    with qtbot.waitSignal(actions.failed, timeout=WAIT) as failed:
        assert actions.import_document(path)
    message = failed.args[0]
    assert shanxi.notifier.errors == [message]
    assert name in message and "Unexpected" not in message
    assert actions.review_dialog is None
    assert [p.plan for p in PlanStore().plans()] == [0]


def test_the_national_view_asks_for_the_province(qtbot, shanxi, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from desktop.plan_actions import PlanActions
    from desktop.state import AppState
    from geodata.vocab import NATIONAL

    state = AppState()
    state.set_province(NATIONAL)
    actions = PlanActions(shanxi, shanxi.data, state, shanxi.notifier, lambda: None)
    asked = []

    def get_item(parent, title, label, items, current, editable):
        asked.append(items)
        return next(i for i in items if i.startswith("Anhui")), True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    assert actions._province() == "340000"
    assert len(asked[0]) == 34
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: ("", False))
    assert not actions.import_document("plan.txt")  # cancelled: nothing read
    assert not actions.is_busy()
    state.set_province("140000")
    assert actions._province() == "140000"
    actions.deleteLater()


def test_plans_action_opens_the_dialog_and_changes_reach_the_window(qtbot, actions, tmp_path):
    stored_plan_in(actions.data.plan_store, tmp_path)
    dialog = actions.show_plans()
    assert dialog is actions.plans_dialog and dialog.isVisible()
    dialog.select_plan(1)
    dialog.hide_button.click()
    assert actions.changed_calls == [1]
    assert not any(t.id.startswith("P1-") for t in actions.data.targets)
    dialog.show_button.click()
    assert any(t.id.startswith("P1-") for t in actions.data.targets)
    dialog.close()


def stored_plan_in(store, tmp_path: Path):
    from geodata.plan.plan_import import accept

    text = chinese_plan()
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="gb18030")
    result = hand_made(text)
    result.path = path
    return accept(result, result.proposals, store)


def test_characters_beyond_the_bmp_do_not_shift_the_highlight(qtbot):
    text = "𠮷𠮷乡的规划（𝟐𝟎𝟐𝟓）\n" + chinese_plan()  # each of these is two UTF-16 units in Qt
    dialog = PlanReviewDialog(hand_made(text))
    qtbot.addWidget(dialog)
    for row in range(3):
        dialog.select_row(row)
        assert dialog.highlighted_text() == dialog.proposals[row].sentence
