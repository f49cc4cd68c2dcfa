"""Progress against plan targets in the window: table columns, region section, chart, figures."""

import dataclasses

import pytest
from PySide6.QtCore import QDate, QRectF, Qt, QUrl
from PySide6.QtGui import QColor

from desktop.i18n import install_language
from desktop.panels.progress_chart import ACHIEVED_COLOR, ProgressChart, chart_mapping
from desktop.panels.region import RegionPanel
from desktop.panels.targets import COLUMNS, TargetsPanel
from desktop.state import AppState
from geodata.plan.details import region_details
from geodata.plan.observations import Observation
from geodata.plan.progress import Baseline, Progress, progress_for, progress_table

HOSTILE = "<img src=x onerror=alert(1)>"
SHANXI = "140000"
SX04_FIGURES = (("2022-06-30", 61000), ("2022-12-31", 80000), ("2023-11-30", 93307))


def figure(target, value, date, region=SHANXI, role="observed", note="", unit=""):
    """Return an observation linked to a bundled Shanxi target by id."""
    units = {"SX-04": "base stations", "SX-06": "Gbps", "SX-07": "racks"}
    return Observation(
        id=f"t-{target}-{date}-{role}",
        province=SHANXI,
        region=region,
        metric="",
        value=float(value),
        unit=unit or units[target],
        date=date,
        target=target,
        role=role,
        note=note,
    )


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


def cells(panel, target_id, columns=("latest", "as_of", "percent", "progress")):
    model = panel.model
    row = model.row_of(target_id)
    return [model.index(row, COLUMNS.index(c)).data() for c in columns]


# ------------------------------------------------------------------ targets table
def test_the_worked_example_in_the_table(targets_panel, all_targets):
    """Shanxi's 120,000 base stations by 2025, 93,307 on 2023-11-30: 77.8%, one figure."""
    rows = progress_table(all_targets, [figure("SX-04", 93307, "2023-11-30")])
    targets_panel.set_progress(rows)
    assert cells(targets_panel, "SX-04") == ["93,307", "2023-11-30", "77.8", "not enough data"]
    assert cells(targets_panel, "SX-06") == ["", "", "", "not enough data"]
    assert cells(targets_panel, "SX-05") == ["", "", "", ""]  # a named project: no number
    model = targets_panel.model
    headers = [model.headerData(COLUMNS.index(c), Qt.Orientation.Horizontal) for c in COLUMNS]
    assert headers[7:12] == ["Status", "Latest", "As of", "% of target", "Progress"]
    tooltip = model.index(model.row_of("SX-04"), COLUMNS.index("percent")).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "Shanxi: 93,307 base stations, 2023-11-30, 77.8% of target, not enough data" in tooltip


def three_statuses(all_targets):
    """SX-07 achieved, SX-04 on track (a stated baseline), SX-06 behind."""
    observations = [
        figure("SX-07", 500000, "2024-06-30"),
        figure("SX-04", 20000, "2020-12-31", role="baseline"),
        figure("SX-04", 93307, "2023-11-30"),
        figure("SX-06", 10000, "2020-12-31", role="baseline"),
        figure("SX-06", 12000, "2023-12-31"),
    ]
    return progress_table(all_targets, observations)


def test_sorting_by_share_and_by_status(targets_panel, all_targets):
    panel = targets_panel
    panel.set_progress(three_statuses(all_targets))
    assert cells(panel, "SX-06", ("percent", "progress")) == ["34.3", "behind"]
    panel.table.sortByColumn(COLUMNS.index("percent"), Qt.SortOrder.DescendingOrder)
    assert panel.visible_ids()[:3] == ["SX-07", "SX-04", "SX-06"]  # 100, 77.8, 34.3
    panel.table.sortByColumn(COLUMNS.index("percent"), Qt.SortOrder.AscendingOrder)
    assert panel.visible_ids()[-3:] == ["SX-06", "SX-04", "SX-07"]
    panel.table.sortByColumn(COLUMNS.index("progress"), Qt.SortOrder.DescendingOrder)
    assert panel.visible_ids()[:3] == ["SX-07", "SX-04", "SX-06"]  # achieved, on track, behind
    assert panel.visible_ids()[3] not in ("SX-05", "SX-09")  # then no data, named projects last
    assert panel.visible_ids()[-1] in {t.id for t in all_targets if t.value is None}
    panel.table.sortByColumn(COLUMNS.index("latest"), Qt.SortOrder.DescendingOrder)
    assert panel.visible_ids()[:3] == ["SX-07", "SX-04", "SX-06"]  # 500,000 > 93,307 > 12,000


def test_progress_filter(targets_panel, all_targets):
    panel = targets_panel
    panel.set_progress(three_statuses(all_targets))
    combo = panel.progress_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All progress",
        "achieved",
        "on track",
        "behind",
        "not enough data",  # the engine's words (geodata.i18n), as in the legend and the report
    ]
    for status, ids in (("achieved", ["SX-07"]), ("on track", ["SX-04"]), ("behind", ["SX-06"])):
        combo.setCurrentIndex(combo.findData(status))
        assert panel.visible_ids() == ids
    combo.setCurrentIndex(combo.findData("no data"))
    shown = set(panel.visible_ids())
    assert "SX-13" in shown and not shown & {"SX-04", "SX-05", "SX-06", "SX-07"}
    combo.setCurrentIndex(0)
    assert len(panel.visible_ids()) == len(all_targets)


def test_a_target_over_several_regions_shows_a_summary(targets_panel, all_targets):
    sx04 = next(t for t in all_targets if t.id == "SX-04")
    cities = ("140100", "140200", "140300")
    several = dataclasses.replace(sx04, id="SX-99", scope="cities", regions=cities)
    targets_panel.set_targets([*all_targets, several])
    observations = [
        dataclasses.replace(figure("SX-04", 130000, "2024-12-31", "140100"), target="SX-99"),
        dataclasses.replace(figure("SX-04", 60000, "2023-12-31", "140200"), target="SX-99"),
    ]
    rows = progress_table([several], observations, today="2026-06-30")
    targets_panel.set_progress(rows)
    latest, as_of, percent, status = cells(targets_panel, "SX-99")
    assert (latest, as_of, percent) == ("", "2024-12-31", "50.0")  # the region furthest behind
    assert status == "1 achieved · 1 behind · 1 not enough data"
    targets_panel.progress_combo.setCurrentIndex(targets_panel.progress_combo.findData("achieved"))
    assert targets_panel.visible_ids() == ["SX-99"]  # any of its regions


# ------------------------------------------------------------------ region panel
@pytest.fixture
def region_panel(qtbot, state):
    panel = RegionPanel(state)
    qtbot.addWidget(panel)
    panel.resize(460, 900)
    return panel


def sx04_progress(all_targets, note=""):
    sx04 = next(t for t in all_targets if t.id == "SX-04")
    observations = [figure("SX-04", v, d, note=note) for d, v in SX04_FIGURES]
    return progress_for(sx04, SHANXI, observations)


def test_region_panel_progress_section(qtbot, region_panel, all_targets):
    panel = region_panel
    sx04 = next(t for t in all_targets if t.id == "SX-04")
    observations = [
        dataclasses.replace(figure("SX-04", v, d, note=HOSTILE), quote=f"sheet.csv line {i}")
        for i, (d, v) in enumerate(SX04_FIGURES, start=2)
    ]
    rows = progress_table(all_targets, observations)
    panel.show_details(region_details(SHANXI, all_targets))
    panel.set_progress(rows)
    assert "Source of the latest figure: sheet.csv line 4" in panel.text()  # the row read
    panel.set_progress(rows, observations)  # the note, when the figures are known
    text = panel.text()
    section = text.split("\nProgress\n")[1].split("Corridors")[0]
    assert "5G base stations built [SX-04]" in section
    assert "93,307 base stations · 2023-11-30 · 77.8% of target · on track" in section
    assert "Target: 120,000 base stations by 2025-12-31" in section
    assert "Baseline: 61,000 base stations on 2022-06-30 (earliest figure)" in section
    assert f"Source of the latest figure: {HOSTILE}" in section
    assert "No achieved figure yet: " in section and "[SX-13]" in section
    assert "<img" not in panel.render_html()
    assert not panel.chart.isHidden() and panel.chart.progress.target == "SX-04"
    assert panel.charted() == progress_for(sx04, SHANXI, observations)

    with qtbot.waitSignal(panel.add_figure_requested) as signal:
        panel.add_button.click()
    assert signal.args == [SHANXI]

    panel.show_details(region_details("140100", all_targets))  # Taiyuan: no figures of its own
    assert "No achieved figure for this region yet." in panel.text()
    assert panel.chart.isHidden() and not panel.add_button.isHidden()
    panel.show_details(None)
    assert panel.add_button.isHidden()


def test_region_panel_charts_the_target_chosen(region_panel, all_targets, state):
    observations = [figure("SX-04", v, d) for d, v in SX04_FIGURES]
    observations += [figure("SX-07", 200000, "2022-12-31"), figure("SX-07", 300000, "2023-12-31")]
    region_panel.set_progress(progress_table(all_targets, observations))
    region_panel.show_details(region_details(SHANXI, all_targets))
    assert region_panel.chart.progress.target == "SX-04"  # the first with figures
    region_panel.browser.anchorClicked.emit(QUrl("chart:SX-07"))
    assert region_panel.chart.progress.target == "SX-07"
    state.select_target("SX-04")
    assert region_panel.chart.progress.target == "SX-04"
    state.select_target("SX-13")  # no figures: the chart stays
    assert region_panel.chart.progress.target == "SX-04"


# ------------------------------------------------------------------ chart
def test_chart_mapping_puts_later_dates_right_and_larger_values_higher(all_targets):
    progress = sx04_progress(all_targets)
    mapping = chart_mapping(progress, QRectF(40, 30, 300, 150))
    xs = [mapping.x(d) for d, _ in SX04_FIGURES]
    ys = [mapping.y(v) for _, v in SX04_FIGURES]
    assert xs == sorted(xs) and len(set(xs)) == 3
    assert ys == sorted(ys, reverse=True) and len(set(ys)) == 3  # rising figures go up
    goal = mapping.point(progress.deadline, progress.target_value)
    assert goal.x() > xs[-1] and goal.y() < ys[-1]  # the target: later and higher
    for x, y in [*zip(xs, ys, strict=True), (goal.x(), goal.y())]:
        assert mapping.plot.contains(x, y)
    assert mapping.low == 0 and mapping.value_ticks()[-1] >= 120000


def test_chart_paints_the_figures(qtbot, all_targets):
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.resize(400, 230)
    blank = chart.grab().toImage()
    assert len({blank.pixel(x, y) for x in range(0, 400, 7) for y in range(0, 230, 7)}) > 1

    progress = sx04_progress(all_targets)
    chart.set_progress(progress)
    image = chart.grab().toImage()
    mapping = chart.mapping()
    assert mapping is not None and mapping.plot == chart.plot_rect()
    ratio = image.devicePixelRatio()

    def color_at(date, value):
        point = mapping.point(date, value)
        return QColor(image.pixel(round(point.x() * ratio), round(point.y() * ratio)))

    for date, value in SX04_FIGURES[1:]:  # the figures: filled points
        color = color_at(date, value)
        assert abs(color.blue() - ACHIEVED_COLOR.blue()) < 40 and color.red() < 120

    def near(date, value, distance=6):
        point = mapping.point(date, value)
        x, y = round(point.x() * ratio), round(point.y() * ratio)
        span = range(-distance, distance + 1)
        return [QColor(image.pixel(x + dx, y + dy)) for dx in span for dy in span]

    # the baseline: a hollow grey square; the target: a hollow red diamond
    assert color_at(*SX04_FIGURES[0]) == QColor("white")
    assert any(c.red() < 140 and abs(c.red() - c.blue()) < 10 for c in near(*SX04_FIGURES[0]))
    goal = (progress.deadline, progress.target_value)
    assert color_at(*goal) == QColor("white")
    assert any(c.red() > 150 and c.blue() < 90 for c in near(*goal))


def test_chart_without_figures_says_so(qtbot):
    chart = ProgressChart()
    qtbot.addWidget(chart)
    empty = Progress(
        target="SX-04",
        region=SHANXI,
        metric="5G base stations built",
        value=None,
        unit="base stations",
        date="",
        percent=None,
        status="no data",
        baseline=Baseline(1.0, "2020-12-31", "stated"),
        expected=None,
        target_value=120000.0,
        deadline="2025-12-31",
        direction="up",
        source="",
        observation="",
        reason="",
    )
    chart.set_progress(empty)
    assert chart.mapping() is None
    assert not chart.grab().isNull()
    assert chart.empty_hint == "No achieved figures to chart."


# ------------------------------------------------------------------ adding and importing
def test_add_figure_dialog_checks_then_stores(qtbot, home, all_targets):
    from desktop.dialogs.add_figure import AddFigureDialog
    from geodata.atlas import AtlasData

    data = AtlasData()
    shanxi = [t for t in data.targets if SHANXI in t.regions]
    dialog = AddFigureDialog(data, SHANXI, shanxi, target="SX-04")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Add achieved figure: Shanxi"
    assert dialog.target_combo.currentData() == "SX-04"
    assert dialog.unit_edit.text() == "base stations" and not dialog.metric_edit.isEnabled()
    assert "SX-05" not in [
        dialog.target_combo.itemData(i) for i in range(dialog.target_combo.count())
    ]
    today = QDate.currentDate()
    assert dialog.date_edit.maximumDate() == today
    dialog.date_edit.setDate(today.addDays(3))
    assert dialog.date_edit.date() == today  # no date after today

    dialog.value_edit.setText("93,307")
    dialog.date_edit.setDate(QDate(2023, 11, 30))
    dialog.accept()  # no source
    assert (
        dialog.error_label.isVisibleTo(dialog) and "source is required" in dialog.error_label.text()
    )
    assert dialog.observation is None and data.observations == []

    dialog.target_combo.setCurrentIndex(dialog.target_combo.count() - 1)  # another metric
    dialog.metric_edit.clear()
    dialog.note_edit.setText(HOSTILE)
    dialog.accept()
    assert "type the metric" in dialog.error_label.text()
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("SX-04"))

    dialog.unit_edit.setText("km")  # the engine's check, shown as plain text
    dialog.accept()
    assert dialog.error_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.error_label.text() and dialog.observation is None and data.observations == []

    dialog.unit_edit.setText("base stations")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.error_label.isHidden()
    stored = AtlasData().observations  # a new AtlasData reads the store
    assert [(o.target, o.value, o.date, o.note) for o in stored] == [
        ("SX-04", 93307.0, "2023-11-30", HOSTILE)
    ]
    row = next(r for r in AtlasData().progress(SHANXI, SHANXI) if r.target == "SX-04")
    assert (row.target, row.value, row.percent) == ("SX-04", 93307.0, 77.8)


GOOD_SHEET = (
    "region,target,date,value,unit,source\n"
    "140000,SX-04,2022-12-31,80000,base stations,MIIT yearbook\n"
    "140000,SX-04,2023-11-30,93307,base stations,Shanxi communications bureau\n"
)
BAD_SHEET = (
    "region,target,date,value,unit,source\n"
    "140000,SX-04,2021-12-31,40000,base stations,MIIT yearbook\n"
    "140000,SX-04,2022-12-31,lots,base stations,MIIT yearbook\n"
)


@pytest.fixture
def window(qtbot, home):
    from tests.desktop.windows import open_drawn_window

    window = open_drawn_window("shanxi")
    qtbot.addWidget(window)
    yield window
    window.close()


def test_progress_actions_import_figures(window, tmp_path):
    from desktop.progress_actions import ProgressActions
    from geodata.atlas import AtlasData

    changed = []

    def on_changed():
        changed.append(True)
        window.targets_panel.set_progress(window.data.progress())

    actions = ProgressActions(window, window.data, window.state, window.notifier, on_changed)
    assert [a.text() for a in actions.actions] == ["Import achieved &figures (CSV/Excel)..."]

    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_SHEET, encoding="utf-8")
    result = actions.import_figures(str(bad))
    assert result is not None and [line for line, _ in result.errors] == [3]
    assert actions.report.startswith("Nothing was stored: 1 problems in bad.csv")
    assert "line 3: " in actions.report
    assert changed == [] and window.data.observations == [] and AtlasData().observations == []

    good = tmp_path / "good.csv"
    good.write_text(GOOD_SHEET, encoding="utf-8")
    result = actions.import_figures(good)
    assert result is not None and not result.errors and actions.report == ""
    assert changed == [True]
    assert window.statusBar().currentMessage() == "Imported 2 figures from good.csv"
    assert len(AtlasData().observations) == 2
    panel = window.targets_panel
    assert cells(panel, "SX-04")[:3] == ["93,307", "2023-11-30", "77.8"]
    assert cells(panel, "SX-04")[3] == "behind"  # judged as of today: 2025 has passed

    window.state.select_target("SX-07")
    dialog = actions.add_figure(SHANXI)  # as the region panel's button asks
    assert dialog.isVisible() and dialog.target_combo.currentData() == "SX-07"
    dialog.value_edit.setText("300000")
    dialog.date_edit.setDate(QDate(2024, 6, 30))
    dialog.note_edit.setText("Provincial statistics bulletin 2024")
    dialog.accept()
    assert changed == [True, True] and len(AtlasData().observations) == 3
    assert cells(panel, "SX-07")[:3] == ["300,000", "2024-06-30", "60.0"]
    assert "Stored 300,000 racks for Shanxi as of 2024-06-30" in window.statusBar().currentMessage()
