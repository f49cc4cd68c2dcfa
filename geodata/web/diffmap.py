"""A small offline map of what changed between two boundary versions.

The previous version's regions are drawn in grey; the changed regions on top, one colour per
kind of change (added, removed, renamed, recoded, area). Names from the user's file are
HTML-escaped before they reach the page, so they show as text whatever they contain.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.i18n import tr

if TYPE_CHECKING:
    from geodata.boundaries.diff import BoundaryDiff
    from geodata.layer import Layer

#: Colour of each kind of change (its label is ``change.<kind>`` in :mod:`geodata.i18n`).
CHANGE_COLORS = {
    "added": "#1b9e77",
    "removed": "#d95f02",
    "renamed": "#7570b3",
    "recoded": "#e7298a",
    "area": "#e6ab02",
}
#: Chinese labels of the changes and the legend title.


def render_diff_map(diff: BoundaryDiff, before: Layer, language: str = "en") -> str:
    """Return the HTML of the diff map.

    Parameters
    ----------
    diff : BoundaryDiff
        From :meth:`geodata.boundaries.store.BoundaryStore.diff`.
    before : Layer
        The earlier version (drawn grey under the changes).
    language : {"en", "zh"}
        Language of the legend and tooltips.

    Returns
    -------
    str
        A standalone page that loads nothing from the network.
    """
    import folium
    from branca.element import Element

    from geodata.web.assets import make_offline, offline_map

    minx, miny, maxx, maxy = (float(v) for v in before.gdf.total_bounds)
    fmap = offline_map(location=[(miny + maxy) / 2, (minx + maxx) / 2], zoom_start=6)
    base = before.gdf[["adcode", "geometry"]].copy()
    folium.GeoJson(
        base.to_json(),
        name="before",
        style_function=lambda _f: {"color": "#888888", "weight": 0.8, "fillOpacity": 0.05},
    ).add_to(fmap)
    labels = {k: tr(f"change.{k}", language) for k in CHANGE_COLORS}
    frame = diff.frame
    if frame is not None and len(frame):
        shown = frame.copy()
        shown["label"] = [
            html.escape(f"{labels[c]}: {code or ''} {name or ''}")
            for c, code, name in zip(
                shown["change"], shown["adcode"], shown["name_zh"], strict=True
            )
        ]
        shown["color"] = [CHANGE_COLORS[c] for c in shown["change"]]
        shown["name_zh"] = [html.escape(str(n or "")) for n in shown["name_zh"]]
        folium.GeoJson(
            shown.to_json(),
            name="changes",
            style_function=lambda f: {
                "color": f["properties"]["color"],
                "fillColor": f["properties"]["color"],
                "weight": 2,
                "fillOpacity": 0.45,
            },
            tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        ).add_to(fmap)
    rows = "".join(
        f'<div><span style="background:{color};display:inline-block;width:12px;height:12px">'
        f"</span> {html.escape(label)}</div>"
        for color, label in ((CHANGE_COLORS[k], labels[k]) for k in CHANGE_COLORS)
    )
    title = tr("change.version", language)
    legend = (
        '<div id="diff-legend" style="position:absolute;bottom:16px;left:16px;z-index:1000;'
        'background:white;padding:6px 8px;font:12px sans-serif;border:1px solid #999">'
        f"<b>{title} {int(diff.old_version)} &rarr; {int(diff.new_version)}</b>{rows}</div>"
    )
    fmap.get_root().html.add_child(Element(legend))
    fmap.fit_bounds([[miny, minx], [maxy, maxx]])
    fmap.get_root().title = "Infra Atlas boundary changes"
    make_offline(fmap)
    return fmap.get_root().render()


def write_diff_map(
    diff: BoundaryDiff, before: Layer, folder: Path | None = None, language: str = "en"
) -> Path:
    """Write the diff map into the cache folder (atomically) and return its path."""
    from geodata.paths import atomic_write_text, cache_dir

    folder = Path(folder) if folder is not None else cache_dir() / "diffs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"diff-{int(diff.old_version)}-{int(diff.new_version)}-{language}.html"
    atomic_write_text(path, render_diff_map(diff, before, language))
    return path
