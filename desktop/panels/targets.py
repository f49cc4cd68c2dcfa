"""The targets panel: a filterable table of plan targets, in sync with the selected target.

Next to each target's fields the table shows its progress (:meth:`TargetsPanel.set_progress`,
rows of :func:`geodata.plan.progress.progress_table`): the latest achieved figure, its date, the
share of the target reached and the progress status. A target tracked in one region (or at the
province level) shows that region's figures. A target tracked in several regions shows a
summary (:func:`summarise`): no single latest figure, the most recent date, the lowest share
(the region furthest behind), and the count of regions in each status, sorted and filtered by
its worst status with data; each region's figures are in the tooltip.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import region_choice, region_name
from desktop.labels import (
    category_labels,
    figure_text,
    percent_text,
    progress_labels,
    status_labels,
)
from desktop.panels import connect_event
from desktop.state import AppState
from geodata.plan.documents import source_title
from geodata.plan.progress import STATUSES as PROGRESS_STATUSES
from geodata.plan.provinces import featured
from geodata.plan.targets import CATEGORIES, STATUSES, Target, filter_targets
from geodata.vocab import NATIONAL

if TYPE_CHECKING:
    from geodata.plan.progress import Progress

#: The source column's starting width in pixels (the planner may widen it).
SOURCE_WIDTH = 240
COLUMNS = (
    "id",
    "province",
    "scope",
    "category",
    "metric",
    "value",
    "year",
    "status",
    "latest",
    "as_of",
    "percent",
    "progress",
    "source",
)
PROGRESS_COLUMNS = ("latest", "as_of", "percent", "progress")
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: Sort rank of a progress status: ascending puts the targets with no figure first.
PROGRESS_RANK = {"": -1, "no data": 0, "behind": 1, "on track": 2, "achieved": 3}
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ProgressCell:
    """What a target's row shows of its progress.

    Attributes
    ----------
    value : float or None
        The latest figure (None for a summary over several regions).
    date : str
        Its date (the most recent one of a summary).
    percent : float or None
        The share of the target reached (the lowest one of a summary).
    status : str
        A progress status; the worst one with data of a summary; ``""`` when the target has
        no number to track.
    rows : tuple of Progress
        The target's progress rows.
    summary : bool
        True when the cell sums up several regions.
    """

    value: float | None = None
    date: str = ""
    percent: float | None = None
    status: str = ""
    rows: tuple = ()
    summary: bool = False

    def statuses(self) -> set[str]:
        """Return the statuses of the cell and of each of its rows (what the filter matches)."""
        return {self.status, *(row.status for row in self.rows)} - {""}


def summarise(target: Target, rows: list[Progress]) -> ProgressCell:
    """Return what the row of ``target`` shows of its progress ``rows`` (see the module doc)."""
    if not rows:
        return ProgressCell(status="" if target.value is None else "no data")
    own = next((r for r in rows if r.region == target.province), None)
    if own is None and len(rows) == 1:
        own = rows[0]
    if own is not None:
        return ProgressCell(own.value, own.date or "", own.percent, own.status, tuple(rows))
    known = [r for r in rows if r.status != "no data"]
    worst = min((r.status for r in known), key=PROGRESS_RANK.__getitem__, default="no data")
    percents = [r.percent for r in known if r.percent is not None]
    return ProgressCell(
        date=max((r.date for r in known if r.date), default=""),
        percent=min(percents, default=None),
        status=worst,
        rows=tuple(rows),
        summary=True,
    )


class TargetsTableModel(QAbstractTableModel):
    """Table model over a list of targets and their progress; the quote is each row's tooltip.

    The progress cells' tooltip lists the figures of each region instead.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._targets: list[Target] = []
        self._progress: dict[str, list[Progress]] = {}
        self._cells: dict[str, ProgressCell] = {}
        self._headers: list[str] = []
        self._labels: dict[str, str] = {}
        self._progress_labels: dict[str, str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        """Re-read the header and value labels in the current interface language."""
        self._headers = [
            self.tr("ID"),
            self.tr("Province"),
            self.tr("Scope"),
            self.tr("Category"),
            self.tr("Metric"),
            self.tr("Value"),
            self.tr("Year"),
            self.tr("Status"),
            self.tr("Latest"),
            self.tr("As of"),
            self.tr("% of target"),
            self.tr("Progress"),
            self.tr("Source"),
        ]
        self._progress_labels = progress_labels()
        self._labels = {
            **self._province_labels(),
            "province": self.tr("province"),
            "cities": self.tr("cities"),
            "counties": self.tr("counties"),
            "corridor": self.tr("corridor"),
            **self.category_labels(),
            **self.status_labels(),
        }
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._targets:
            last = self.index(len(self._targets) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _province_labels(self) -> dict[str, str]:
        """Return the name of each province the targets are for, in the interface language."""
        return {code: region_name(code) for code in {t.province for t in self._targets}}

    def category_labels(self) -> dict[str, str]:
        """Return the translated name of each target category."""
        return category_labels()

    def status_labels(self) -> dict[str, str]:
        """Return the translated name of each target status."""
        return status_labels()

    def progress_labels(self) -> dict[str, str]:
        """Return the translated name of each progress status."""
        return progress_labels()

    def set_targets(self, targets: list[Target]) -> None:
        """Show ``targets``."""
        self.beginResetModel()
        self._targets = list(targets)
        self._cells = {}
        self._labels.update(self._province_labels())
        self.endResetModel()

    def set_progress(self, rows: list[Progress]) -> None:
        """Show the progress ``rows`` (any number per target, one per region) with the targets."""
        self.beginResetModel()
        self._progress = {}
        for row in rows:
            self._progress.setdefault(row.target, []).append(row)
        self._cells = {}
        self.endResetModel()

    def progress(self, row: int) -> ProgressCell:
        """Return the progress a source-model row shows."""
        target = self._targets[row]
        cell = self._cells.get(target.id)
        if cell is None:
            cell = self._cells[target.id] = summarise(target, self._progress.get(target.id, []))
        return cell

    def targets(self) -> list[Target]:
        """Return every target of the model (filtered or not)."""
        return list(self._targets)

    def target(self, row: int) -> Target:
        """Return the target of a source-model row."""
        return self._targets[row]

    def row_of(self, target_id: str) -> int:
        """Return the row of a target id, or -1."""
        return next((i for i, t in enumerate(self._targets) if t.id == target_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, D102, N802
        return 0 if parent.isValid() else len(self._targets)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, D102, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: D102
        if not index.isValid():
            return None
        target = self._targets[index.row()]
        column = COLUMNS[index.column()]
        if column in PROGRESS_COLUMNS:
            return self._progress_data(self.progress(index.row()), column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "value":
                return target.display_value()
            if column == "source":
                return source_title(target.source)
            text = str(getattr(target, column))
            return (
                self._labels.get(text, text)
                if column in ("province", "scope", "category", "status")
                else text
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            # Rich text with every data character escaped: a quote never becomes markup.
            return f"<p>{html.escape(target.quote)}</p>"
        if role == SORT_ROLE:
            if column == "value":
                return float("-inf") if target.value is None else float(target.value)
            return str(self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == TARGET_ROLE:
            return target.id
        return None

    def _progress_data(self, cell: ProgressCell, column: str, role: int) -> Any:
        """Return a progress cell's text, sort key, alignment or tooltip."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._progress_text(cell, column)
        if role == SORT_ROLE:
            if column in ("latest", "percent"):
                number = cell.value if column == "latest" else cell.percent
                return float("-inf") if number is None else float(number)
            return cell.date if column == "as_of" else PROGRESS_RANK.get(cell.status, -1)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("latest", "percent"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._progress_tooltip(cell)
        return None

    def _progress_text(self, cell: ProgressCell, column: str) -> str:
        if column == "latest":
            return figure_text(cell.value)
        if column == "as_of":
            return cell.date
        if column == "percent":
            return percent_text(cell.percent)
        if not cell.summary:
            return self._progress_labels.get(cell.status, cell.status)
        counts = Counter(row.status for row in cell.rows)
        return " · ".join(
            f"{counts[s]} {self._progress_labels.get(s, s)}" for s in PROGRESS_STATUSES if counts[s]
        )

    def _progress_tooltip(self, cell: ProgressCell) -> str | None:
        """Return each region's figures as rich text with every data character escaped."""
        if not cell.rows:
            return None
        lines = []
        for row in cell.rows:
            facts = [
                " ".join(p for p in (figure_text(row.value), row.unit) if p),
                row.date or "",
                self.tr("{percent}% of target").format(percent=percent_text(row.percent))
                if row.percent is not None
                else "",
                self._progress_labels.get(row.status, row.status),
            ]
            text = f"{region_name(row.region)}: {', '.join(f for f in facts if f)}"
            lines.append(html.escape(text))
        return f"<p>{'<br>'.join(lines)}</p>"

    def headerData(  # noqa: D102, N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return super().headerData(section, orientation, role)


class TargetsFilterModel(QSortFilterProxyModel):
    """Filter rows by target fields (:func:`filter_targets`) and by progress status.

    A target over several regions passes the progress filter when any of them has the status.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criteria: dict[str, str | None] = {}
        self.progress: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_criteria(self, progress: str | None = None, **criteria: str | None) -> None:
        """Filter by ``province``, ``category``, ``status``, ``text``, ``progress`` (None: any)."""
        self.beginFilterChange()
        self.criteria = dict(criteria)
        self.progress = progress
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: D102, N802
        model = self.sourceModel()
        assert isinstance(model, TargetsTableModel)
        if self.progress is not None and self.progress not in model.progress(row).statuses():
            return False
        return bool(filter_targets([model.target(row)], **self.criteria))


class TargetsPanel(QWidget):
    """Plan targets in a sortable, filterable table.

    Selecting a row selects the target in the state (and emits :attr:`target_activated`); a
    target selected elsewhere is selected in the table without being sent back. Double-click
    or Enter on a row emits :attr:`source_requested` with the row's document and quote.
    """

    target_activated = Signal(str)
    source_requested = Signal(str, str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._syncing = False
        self.model = TargetsTableModel(self)
        self.proxy = TargetsFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._build_filters()
        self.count_label = QLabel(self)
        self.table = self._build_table()
        filters = QHBoxLayout()
        for widget in (
            self.province_combo,
            self.category_combo,
            self.status_combo,
            self.progress_combo,
        ):
            filters.addWidget(widget)
        filters.addWidget(self.search_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        connect_event(self, state.target_selected, self._on_state_target)
        connect_event(self, state.province_changed, self._on_state_province)
        self.retranslate()
        self._on_state_province(state.province)

    def _build_filters(self) -> None:
        """Create the province, category, status and progress filters (see _fill_provinces)."""
        self.province_combo, self.category_combo, self.status_combo, self.progress_combo = (
            QComboBox(self),
            QComboBox(self),
            QComboBox(self),
            QComboBox(self),
        )
        for combo, values in (
            (self.province_combo, ()),
            (self.category_combo, CATEGORIES),
            (self.status_combo, STATUSES),
            (self.progress_combo, PROGRESS_STATUSES),
        ):
            for value in (None, *values):
                combo.addItem("", value)
            combo.currentIndexChanged.connect(self._apply_filter)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._apply_filter)

    def _build_table(self) -> QTableView:
        """Return the sortable, single-selection table over the filter model."""
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("metric"), QHeaderView.ResizeMode.Stretch)
        for name in ("value", "latest", "as_of", "percent", "progress"):
            header.setSectionResizeMode(
                COLUMNS.index(name), QHeaderView.ResizeMode.ResizeToContents
            )
        # a document's title can be long: it is cut (the whole title is in the row's tooltip
        # and the document dialog), so that the metric keeps the room it needs
        header.setDefaultSectionSize(80)  # ids, provinces, scopes, years, statuses are short
        header.resizeSection(COLUMNS.index("category"), 120)
        header.resizeSection(COLUMNS.index("source"), SOURCE_WIDTH)
        header.setStretchLastSection(False)
        table.selectionModel().selectionChanged.connect(self._on_selection)
        table.activated.connect(self._on_activated)
        return table

    # -- public API ---------------------------------------------------------------------------
    def set_targets(self, targets: list[Target]) -> None:
        """Show ``targets`` (bundled and imported), keeping the state's selected target."""
        self._syncing = True
        try:
            self.model.set_targets(targets)
        finally:
            self._syncing = False
        self._fill_provinces()
        self._update_count()
        self._on_state_target(self.state.selected_target)

    def set_progress(self, rows: list[Progress]) -> None:
        """Show the targets' progress (:meth:`AtlasData.progress`), keeping the selection."""
        self._syncing = True
        try:
            self.model.set_progress(rows)
        finally:
            self._syncing = False
        self._update_count()
        self._on_state_target(self.state.selected_target)

    def _province_codes(self) -> list[str]:
        """Return the provinces to filter by: the seed plans', those with targets, the shown one."""
        codes = dict.fromkeys(featured())
        codes.update(dict.fromkeys(sorted({t.province for t in self.model.targets()})))
        if self.state.province != NATIONAL:
            codes[self.state.province] = None
        return list(codes)

    def _fill_provinces(self) -> None:
        """Offer every province of :meth:`_province_codes`, keeping the current choice."""
        codes = self._province_codes()
        combo = self.province_combo
        if [combo.itemData(i) for i in range(1, combo.count())] == codes:
            return
        with QSignalBlocker(combo):
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("All provinces"), None)
            for code in codes:
                combo.addItem(region_choice(code), code)
            combo.setCurrentIndex(max(combo.findData(current), 0))

    def visible_ids(self) -> list[str]:
        """Return the ids of the rows that pass the filters, in table order."""
        return [self.proxy.index(r, 0).data(TARGET_ROLE) for r in range(self.proxy.rowCount())]

    def retranslate(self) -> None:
        """Set every label in the current interface language."""
        self.model.retranslate()
        names = {
            None: self.tr("All provinces"),
            **{code: region_choice(code) for code in self._province_codes()},
        }
        labels = [
            (self.province_combo, names),
            (
                self.category_combo,
                {None: self.tr("All categories"), **self.model.category_labels()},
            ),
            (self.status_combo, {None: self.tr("All statuses"), **self.model.status_labels()}),
            (
                self.progress_combo,
                {None: self.tr("All progress"), **self.model.progress_labels()},
            ),
        ]
        for combo, texts in labels:
            for i in range(combo.count()):
                combo.setItemText(i, texts.get(combo.itemData(i), str(combo.itemData(i))))
        self.province_combo.setAccessibleName(self.tr("Province"))
        self.category_combo.setAccessibleName(self.tr("Category"))
        self.status_combo.setAccessibleName(self.tr("Status"))
        self.progress_combo.setAccessibleName(self.tr("Progress"))
        self.search_edit.setPlaceholderText(self.tr("Search id, metric, unit or quote"))
        self.search_edit.setToolTip(self.tr("Case-insensitive; matches the verbatim quote too"))
        self._update_count()

    # -- internals ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _apply_filter(self) -> None:
        # Hiding the selected row is not a new selection: keep the state's target as it is.
        self._syncing = True
        try:
            self.proxy.set_criteria(
                province=self.province_combo.currentData(),
                category=self.category_combo.currentData(),
                status=self.status_combo.currentData(),
                text=self.search_edit.text() or None,
                progress=self.progress_combo.currentData(),
            )
        finally:
            self._syncing = False
        self._update_count()
        self._on_state_target(self.state.selected_target)

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total} targets").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def _on_selection(self, *_: object) -> None:
        if self._syncing:
            return
        rows = self.table.selectionModel().selectedRows()
        target_id = rows[0].data(TARGET_ROLE) if rows else None
        self.state.select_target(target_id)
        if target_id:
            self.target_activated.emit(target_id)

    def _on_activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            target = self.model.target(source.row())
            self.source_requested.emit(target.source, target.quote)

    def _on_state_target(self, target_id: str | None) -> None:
        row = self.model.row_of(target_id) if target_id else -1
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        self._syncing = True
        try:
            selection = self.table.selectionModel()
            if index.isValid():
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                selection.setCurrentIndex(index, flags)
                self.table.scrollTo(index)
            else:
                selection.clearSelection()
        finally:
            self._syncing = False

    def _on_state_province(self, province: str) -> None:
        self._fill_provinces()
        self.province_combo.setCurrentIndex(max(self.province_combo.findData(province), 0))
        self._apply_filter()
