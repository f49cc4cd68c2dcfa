"""A small offline map of what changed between two boundary versions.

The previous version's regions are drawn in grey; the changes on top: a region added, removed,
renamed or recoded whole, one colour per kind of change; a region whose area changed only by the
pieces that moved (the piece it lost, the piece it gained), so a border shifted by a few hundred
metres shows as that strip rather than as the whole region. The map opens on the changes. Names
from the user's file are HTML-escaped before they reach the page, so they show as text whatever
they contain.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.i18n import tr

if TYPE_CHECKING:
    import geopandas as gpd

    from geodata.boundaries.diff import BoundaryDiff
    from geodata.layer import Layer

#: Colour of each kind of whole-region change (its label is ``change.<kind>`` in geodata.i18n).
CHANGE_COLORS = {
    "added": "#1b9e77",
    "removed": "#d95f02",
    "renamed": "#7570b3",
    "recoded": "#e7298a",
}
#: Colour of the pieces of an area change (labels ``change.lost`` and ``change.gained``).
PIECE_COLORS = {"lost": "#b2182b", "gained": "#2166ac"}
#: How each shape is drawn: a piece gained is a dashed outline over the fill of a piece lost, so
#: a border moved between two regions (the same land lost by one, gained by the other) shows both.
_STYLES = {
    "": {"weight": 2, "fillOpacity": 0.45},
    "lost": {"weight": 1, "fillOpacity": 0.5},
    "gained": {"weight": 3, "fillOpacity": 0.12, "dashArray": "6 4"},
}
#: The map opens on the changes, but never closer than this zoom (a thin strip stays in view).
MAX_ZOOM = 12


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
        # (a whole-pixel weight: Chromium without a GPU draws a 0.8 px one several pixels wide)
        style_function=lambda _f: {"color": "#888888", "weight": 1, "fillOpacity": 0.05},
    ).add_to(fmap)
    frame = diff.frame
    if frame is not None and len(frame):
        folium.GeoJson(
            change_features(frame, language).to_json(),
            name="changes",
            style_function=lambda f: {
                "color": f["properties"]["color"],
                "fillColor": f["properties"]["color"],
                **_STYLES[f["properties"]["piece"]],
            },
            tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        ).add_to(fmap)
        bounds = [float(v) for v in frame.total_bounds]
        if all(v == v for v in bounds):  # (NaN when no shape has a geometry)
            minx, miny, maxx, maxy = bounds
    fmap.get_root().html.add_child(Element(_legend(diff, language)))
    fmap.fit_bounds(  # clear of the legend in the lower left
        [[miny, minx], [maxy, maxx]],
        padding_top_left=(24, 24),
        padding_bottom_right=(24, 150),
        max_zoom=MAX_ZOOM,
    )
    fmap.get_root().title = "Infra Atlas boundary changes"
    make_offline(fmap)
    return fmap.get_root().render()


def change_features(frame: gpd.GeoDataFrame, language: str = "en") -> gpd.GeoDataFrame:
    """Return the diff's shapes with the ``color`` and escaped ``label`` the map draws.

    Parameters
    ----------
    frame : geopandas.GeoDataFrame
        :attr:`geodata.boundaries.diff.BoundaryDiff.frame`.
    language : {"en", "zh"}

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``change``, ``piece``, ``color``, ``label`` and the geometry; the pieces gained
        are drawn after (over) the pieces lost.
    """
    pieces = frame["piece"] if "piece" in frame.columns else [""] * len(frame)
    km2 = frame["km2"] if "km2" in frame.columns else [None] * len(frame)
    rows = zip(frame["change"], pieces, frame["adcode"], frame["name_zh"], km2, strict=True)
    colors, labels = [], []
    for change, piece, code, name, area in rows:
        kind = tr(f"change.{piece}", language) if piece else tr(f"change.{change}", language)
        where = f"{code or ''} {name or ''}".strip()
        size = f" ({tr('change.km2', language, km2=f'{area:,.2f}')})" if piece else ""
        labels.append(html.escape(f"{kind}: {where}{size}"))
        colors.append(PIECE_COLORS[piece] if piece else CHANGE_COLORS[change])
    shown = frame[["change", "geometry"]].copy()
    shown["piece"], shown["color"], shown["label"] = list(pieces), colors, labels
    order = [0 if p == "lost" else 1 if p == "gained" else -1 for p in shown["piece"]]
    return shown.iloc[sorted(range(len(shown)), key=lambda i: order[i])]


def _legend(diff: BoundaryDiff, language: str) -> str:
    """Return the legend: the kinds of whole-region change, then the pieces of an area change."""

    def swatch(label: str, color: str, fill: str, border: str = "solid", indent: int = 0) -> str:
        box = f"background:{fill};border:2px {border} {color};display:inline-block;width:10px"
        return (
            f'<div style="margin-left:{indent}px"><span style="{box};height:10px"></span> '
            f"{html.escape(label)}</div>"
        )

    rows = [swatch(tr(f"change.{k}", language), c, c) for k, c in CHANGE_COLORS.items()]
    rows.append(f"<div>{html.escape(tr('change.area', language))}:</div>")
    lost, gained = PIECE_COLORS["lost"], PIECE_COLORS["gained"]
    rows.append(swatch(tr("change.lost", language), lost, lost, indent=12))
    rows.append(swatch(tr("change.gained", language), gained, "white", "dashed", 12))
    title = tr("change.version", language)
    return (
        '<div id="diff-legend" style="position:absolute;bottom:16px;left:16px;z-index:1000;'
        'background:white;padding:6px 8px;font:12px sans-serif;border:1px solid #999">'
        f"<b>{title} {int(diff.old_version)} &rarr; {int(diff.new_version)}</b>{''.join(rows)}"
        "</div>"
    )


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
