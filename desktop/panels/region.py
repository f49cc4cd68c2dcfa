"""The region panel: what the plans say about the selected region, with links to the sources.

The panel renders :class:`geodata.plan.details.RegionDetails` as HTML it builds itself, with every
data string passed through :func:`html.escape`, in a browser that never follows links: a
``target:<id>`` link emits :attr:`RegionPanel.target_activated`, a ``source:<file>#<id>`` link
emits :attr:`RegionPanel.source_requested` with the target's document and verbatim quote.

Under the targets, a Progress section gives each target's progress in the region
(:meth:`RegionPanel.set_progress`): the latest figure, its date, the share of the target, the
status, the baseline and where the figure comes from. A ``chart:<id>`` link shows that target
in the :class:`~desktop.panels.progress_chart.ProgressChart` under the text (else the target
selected in the state, else the first with figures). The Add achieved figure button emits
:attr:`RegionPanel.add_figure_requested` with the region's adcode.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote as url_quote

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop.labels import baseline_labels, figure_text, percent_text, progress_labels
from desktop.panels import connect_event
from desktop.panels.progress_chart import ProgressChart
from desktop.state import AppState
from geodata.plan.documents import source_title

if TYPE_CHECKING:
    from geodata.plan.corridors import Crossing
    from geodata.plan.details import RegionDetails
    from geodata.plan.observations import Observation
    from geodata.plan.progress import Progress
    from geodata.plan.roles import CityRole
    from geodata.plan.targets import Target

_STYLE = """
<style>
h2 { margin-bottom: 2px; }
h3 { margin-top: 14px; margin-bottom: 4px; }
.muted { color: #666666; }
.value { font-weight: bold; }
blockquote { margin-left: 12px; margin-right: 4px; color: #333333; }
</style>
"""


class RegionPanel(QWidget):
    """Role, targets and corridors of one region, each target with its verbatim quote."""

    target_activated = Signal(str)
    source_requested = Signal(str, str)
    add_figure_requested = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.details: RegionDetails | None = None
        self._targets: dict[str, Target] = {}
        self._progress: list[Progress] = []
        self._notes: dict[str, str] = {}
        self.chart_target: str | None = None
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.chart = ProgressChart(self)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self._on_add_figure)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.chart)
        layout.addLayout(buttons)
        connect_event(self, state.language_changed, self._on_language)
        connect_event(self, state.target_selected, self._on_state_target)
        self.retranslate()

    # -- public API ---------------------------------------------------------------------------
    def show_details(self, details: RegionDetails | None) -> None:
        """Show a region's details, or a hint to select one when ``details`` is None."""
        self.details = details
        self._targets = {}
        if details is not None:
            self._targets = {t.id: t for t in (*details.scoped, *details.province_wide)}
        self._refresh()

    def set_progress(self, rows: list[Progress], observations: Iterable[Observation] = ()) -> None:
        """Keep the progress ``rows`` (of any regions: the panel shows the selected one's).

        Parameters
        ----------
        rows : list of Progress
            :meth:`AtlasData.progress`.
        observations : iterable of Observation, optional
            The figures behind the rows: a latest figure's note (the statistics table, the
            report) is then named as its source rather than the row it was read from.
        """
        self._progress = list(rows)
        self._notes = {o.id: o.note for o in observations if o.note}
        self._refresh()

    def region_progress(self) -> list[Progress]:
        """Return the progress rows of the region shown (the province's own when it is one)."""
        if self.details is None:
            return []
        return [row for row in self._progress if row.region == self.details.adcode]

    def charted(self) -> Progress | None:
        """Return the progress the chart shows (None when no target of the region has figures).

        The target chosen by its chart link, else the target selected in the state, else the
        first with figures.
        """
        rows = [row for row in self.region_progress() if row.history]
        for wanted in (self.chart_target, self.state.selected_target):
            found = next((row for row in rows if row.target == wanted), None)
            if found is not None:
                return found
        return rows[0] if rows else None

    def text(self) -> str:
        """Return what the panel shows, as plain text."""
        return self.browser.toPlainText()

    def retranslate(self) -> None:
        """Render the panel again in the current interface language."""
        self.setWindowTitle(self.tr("Region"))
        self.add_button.setText(self.tr("Add achieved figure..."))
        self.add_button.setToolTip(
            self.tr("Record a figure the region has reached, with where it comes from")
        )
        self._refresh()

    def _refresh(self) -> None:
        """Render the text, chart the chosen progress, offer the button when a region is shown."""
        self.browser.setHtml(self.render_html())
        charted = self.charted()
        self.chart.set_progress(charted)
        self.chart.setVisible(charted is not None)
        self.add_button.setVisible(self.details is not None)

    def render_html(self) -> str:
        """Return the panel's HTML for the current details (every data string escaped)."""
        d = self.details
        if d is None:
            hint = self.tr("Select a region on the map to see its role, targets and corridors.")
            return f'{_STYLE}<p class="muted">{escape(hint)}</p>'
        zh = self.state.language == "zh"
        names = [d.name_zh, d.name_en] if zh else [d.name_en, d.name_zh]
        province = [d.province_zh, d.province_en] if zh else [d.province_en, d.province_zh]
        adcode_label = self.tr("Adcode")
        province_line = self.tr("Province: {province}").format(
            province=" ".join(p for p in province if p)
        )
        parts = [
            _STYLE,
            f"<h2>{escape(' '.join(n for n in names if n))}</h2>",
            f'<p class="muted">{escape(adcode_label)} {escape(d.adcode)} · '
            f"{escape(province_line)}</p>",
        ]
        if d.role is not None:
            parts.append(self._role_html(d.role))
        parts.append(self._targets_html(self.tr("Targets for this region"), d.scoped))
        parts.append(self._targets_html(self.tr("Province-wide targets"), d.province_wide))
        parts.append(self._progress_html(self.region_progress()))
        parts.append(self._corridors_html(d.crossings))
        return "".join(parts)

    # -- HTML pieces --------------------------------------------------------------------------
    def _role_html(self, role: CityRole) -> str:
        confidence = {"inferred": self.tr("inferred"), "stated": self.tr("stated")}
        hint = (
            self.tr("the plan names the layout but not the cities")
            if role.confidence == "inferred"
            else self.tr("named in an official document")
        )
        qualifier = self.tr("({confidence}: {why})").format(
            confidence=confidence.get(role.confidence, role.confidence), why=hint
        )
        first, second = (
            (role.role_zh, role.role_en)
            if self.state.language == "zh"
            else (role.role_en, role.role_zh)
        )
        heading = self.tr("Role in the provincial layout")
        return (
            f"<h3>{escape(heading)}</h3>"
            f'<p><span class="value">{escape(first)}</span> · {escape(second)} '
            f'<span class="muted">{escape(qualifier)}</span></p>'
            f'<p class="muted">{escape(role.note)}</p>'
        )

    def _targets_html(self, heading: str, targets: list[Target]) -> str:
        parts = [f"<h3>{escape(heading)}</h3>"]
        none = self.tr("None in the loaded plans.")
        if not targets:
            parts.append(f'<p class="muted">{escape(none)}</p>')
        statuses = {"planned": self.tr("planned"), "achieved": self.tr("achieved")}
        for t in targets:
            source_text = self.tr("Source: {file}").format(file=source_title(t.source))
            facts = [t.display_value(), t.year, statuses.get(t.status, t.status)]
            target_href = escape(f"target:{url_quote(t.id, safe='')}", quote=True)
            source_href = escape(
                f"source:{url_quote(t.source, safe='')}#{url_quote(t.id, safe='')}", quote=True
            )
            parts.append(
                f'<p><a href="{target_href}"><b>{escape(t.metric)}</b></a>'
                f' <span class="muted">[{escape(t.id)}]</span><br>'
                f'<span class="value">{escape(" · ".join(f for f in facts if f))}</span></p>'
                f"<blockquote>“{escape(t.quote)}”<br>"
                f"{self._note_html(t)}"
                f'<a href="{source_href}">{escape(source_text)}</a>'
                "</blockquote>"
            )
        return "".join(parts)

    def _note_html(self, target: Target) -> str:
        """Return a target's note (what it takes from outside its quote), or ``""``."""
        if not target.note:
            return ""
        from geodata.i18n import tr as engine_text  # (not ``tr``: lupdate would collect it)

        note = engine_text("target.note", self.state.language, note=target.note)
        return f'<span class="muted"><i>{escape(note)}</i></span><br>'

    def _progress_html(self, rows: list[Progress]) -> str:
        """Return the Progress section: the targets with figures, then those without."""
        heading = self.tr("Progress")
        parts = [f"<h3>{escape(heading)}</h3>"]
        with_data = [row for row in rows if row.value is not None]
        if not with_data:
            none = self.tr("No achieved figure for this region yet.")
            parts.append(f'<p class="muted">{escape(none)}</p>')
        parts += [self._progress_row_html(row) for row in with_data]
        missing = [row for row in rows if row.value is None]
        if missing and with_data:
            names = ", ".join(f"{row.metric} [{row.target}]" for row in missing)
            text = self.tr("No achieved figure yet: {targets}").format(targets=names)
            parts.append(f'<p class="muted">{escape(text)}</p>')
        return "".join(parts)

    def _progress_row_html(self, row: Progress) -> str:
        """Return one target's progress: figure, date, share, status, target, baseline, source."""
        statuses = progress_labels()
        share = self.tr("{percent}% of target").format(percent=percent_text(row.percent))
        facts = [
            " ".join(p for p in (figure_text(row.value), row.unit) if p),
            row.date,
            share if row.percent is not None else "",
            statuses.get(row.status, row.status),
        ]
        goal = self.tr("Target: {value} {unit} by {deadline}").format(
            value=figure_text(row.target_value), unit=row.unit, deadline=row.deadline
        )
        source = self.tr("Source of the latest figure: {source}").format(
            source=self._notes.get(row.observation) or row.source or "-"
        )
        href = escape(f"chart:{url_quote(row.target, safe='')}", quote=True)
        chart = self.tr("chart")
        return (
            f"<p><b>{escape(row.metric)}</b>"
            f' <span class="muted">[{escape(row.target)}]</span>'
            f' <a href="{href}">{escape(chart)}</a><br>'
            f'<span class="value">{escape(" · ".join(f for f in facts if f))}</span><br>'
            f"{escape(goal)}<br>"
            f'<span class="muted">{escape(self._baseline_text(row))}</span><br>'
            f'<span class="muted">{escape(source)}</span></p>'
        )

    def _baseline_text(self, row: Progress) -> str:
        base = row.baseline
        if base is None:
            return self.tr("Baseline: none (one figure and no stated baseline)")
        return self.tr("Baseline: {value} {unit} on {date} ({kind})").format(
            value=figure_text(base.value),
            unit=row.unit,
            date=base.date,
            kind=baseline_labels().get(base.kind, base.kind),
        )

    def _corridors_html(self, crossings: list[Crossing]) -> str:
        heading, none = self.tr("Corridors"), self.tr("No corridor crosses it.")
        schematic = self.tr("schematic")
        parts = [f"<h3>{escape(heading)}</h3>"]
        if not crossings:
            parts.append(f'<p class="muted">{escape(none)}</p>')
            return "".join(parts)
        zh = self.state.language == "zh"
        parts.append("<ul>")
        for c in crossings:
            names = [c.name_zh, c.name_en] if zh else [c.name_en, c.name_zh]
            name = " · ".join(dict.fromkeys(n for n in names if n))
            length = self.tr("{length} km inside the region").format(length=f"{c.length_km:.1f}")
            marker = f" <i>({escape(schematic)})</i>" if c.schematic else ""
            parts.append(f"<li><b>{escape(name)}</b>: {escape(length)}{marker}</li>")
        parts.append("</ul>")
        return "".join(parts)

    # -- internals ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_language(self, _language: str) -> None:
        self.browser.setHtml(self.render_html())

    def _on_state_target(self, target_id: str | None) -> None:
        if any(row.target == target_id and row.history for row in self.region_progress()):
            self.chart_target = target_id
            self.chart.set_progress(self.charted())

    def _on_add_figure(self) -> None:
        if self.details is not None:
            self.add_figure_requested.emit(self.details.adcode)

    def _on_anchor(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "chart":
            self.chart_target = url.path(QUrl.ComponentFormattingOption.FullyDecoded)
            self.chart.set_progress(self.charted())
        elif scheme == "target":
            self.target_activated.emit(url.path(QUrl.ComponentFormattingOption.FullyDecoded))
        elif scheme == "source":
            target_id = url.fragment(QUrl.ComponentFormattingOption.FullyDecoded)
            target = self._targets.get(target_id)
            if target is not None:
                self.source_requested.emit(target.source, target.quote)
            else:
                file = url.path(QUrl.ComponentFormattingOption.FullyDecoded)
                self.source_requested.emit(file, "")
