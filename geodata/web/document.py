"""Build the map document: a pure function of (layer, targets, options) returning folium/HTML.

The page is an offline folium map (assets from ``resources/web``, see :mod:`geodata.web.assets`)
with one :class:`AtlasLayers` element that embeds the data as JSON and hands it to
``resources/web/infra-atlas/atlas.js``. Styles travel as data, so a metric switch is a JavaScript
call (:func:`style_payload` + ``InfraAtlas.setStyle``) rather than a reload.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.drawing import MapOptions, label_points
from geodata.i18n import section
from geodata.plan.provinces import featured
from geodata.vocab import LANGUAGES

if TYPE_CHECKING:
    import folium
    import geopandas as gpd

    from geodata.layer import Layer
    from geodata.plan.corridors import Crossing
    from geodata.plan.metrics import Metric
    from geodata.plan.observations import Observation
    from geodata.plan.targets import Target

# The metric, role and layer modules (and geopandas behind them) are imported by the functions
# that draw: a view served from the cache needs none of them.

#: The folium assets the page loads (atlas.js needs Leaflet only).
PAGE_ASSETS = ("leaflet", "leaflet_css")
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")
#: The province context under every map is drawn at the level of detail of this zoom.
CONTEXT_ZOOM = 4
#: Square kilometres in a square degree at the equator (a label's area, for its priority).
_KM2_PER_DEGREE2 = 111.32**2


def safe_json(data: Any) -> str:
    r"""Return JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``... so a name such as
    ``</script><script>alert(1)</script>`` stays a string.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    # folium parses rendered scripts as Jinja templates again: "{{", "{%" and "{#" inside a
    # string (a name, a quote, an encoded border) would be evaluated. A structural "{" is always
    # followed by '"' or "}", so such a "{" is inside a string and may be written as \u007b.
    while _JINJA_OPEN.search(text):
        text = _JINJA_OPEN.sub(r"\\u007b", text)
    return text


def page_geometry(gdf: gpd.GeoDataFrame, tolerance: float, precision: int = 5) -> dict:
    """Return a layer as compact GeoJSON for the page.

    Shared borders are simplified together (``shapely.coverage_simplify``) so neighbours never
    gap or overlap, and coordinates are rounded to ``precision`` decimals (1e-5 degrees is about
    1 m).
    """
    import numpy as np
    import shapely

    geoms = gdf.geometry.values
    simple = shapely.coverage_simplify(np.asarray(geoms), tolerance) if tolerance > 0 else geoms
    simple = shapely.transform(simple, lambda xy: np.round(xy, precision))
    features = []
    for (_, row), geom in zip(gdf.iterrows(), simple, strict=True):
        props = {
            k: (None if v is None or v != v else v)
            for k, v in row.items()
            if k != gdf.geometry.name
        }
        features.append(
            {
                "type": "Feature",
                "properties": props,
                "geometry": json.loads(shapely.to_geojson(geom)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def encoded_collection(gdf: gpd.GeoDataFrame, zoom: int | None = None) -> dict:
    """Return a polygon layer as the page takes it: polyline-encoded levels of detail.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Polygons in WGS-84 with their properties.
    zoom : int, optional
        Embed only the level drawn up to this zoom (for context layers). By default the level
        that suits the layer's first view is embedded and the finer levels are scripts the page
        loads on zoom (see :mod:`geodata.web.levels`); for a layer of up to
        ``pagegeom.EAGER_VERTICES`` vertices they are written now, for a bigger one
        :func:`complete_levels` writes them later.

    Returns
    -------
    dict
        ``collection`` (``{scale, features: [{properties, enc}]}``) and ``lod`` (None when
        nothing finer exists).
    """
    from geodata.web.levels import EAGER_VERTICES, GeometryLevels

    geoms = gdf.geometry.values
    if zoom is not None:
        levels = GeometryLevels(geoms, zooms=(zoom,))
        embedded = 0
    else:
        levels = GeometryLevels(geoms)
        embedded = levels.embedded_index()
    level = levels.level(embedded)
    props = gdf.drop(columns=gdf.geometry.name)
    features = [
        {
            "properties": {k: (None if v is None or v != v else v) for k, v in row.items()},
            "enc": enc,
        }
        for row, enc in zip(props.to_dict("records"), level.features, strict=True)
    ]
    lod = None
    if levels.finer_indices(embedded):
        if levels.vertices <= EAGER_VERTICES:
            levels.complete(embedded)
        lod = levels.page_lod(embedded)
    return {"collection": {"scale": level.scale, "features": features}, "lod": lod}


def context_collection(context: Layer) -> dict:
    """Return the province context layer as the page takes it (one coarse level)."""
    return encoded_collection(context.gdf[["adcode", "name_zh", "geometry"]], CONTEXT_ZOOM)[
        "collection"
    ]


def complete_levels(layer: Layer) -> list[Path]:
    """Write the finer levels of detail of a big layer (after its first view is on screen)."""
    from geodata.web.levels import GeometryLevels

    levels = GeometryLevels(layer.gdf.geometry.values)
    return levels.complete(levels.embedded_index())


def style_payload(metric: Metric, scheme: str, classes: int) -> dict:
    """Return the style the page applies for a metric (both languages).

    Parameters
    ----------
    metric : Metric
    scheme : str
        Classification scheme (numeric metrics only).
    classes : int
        Number of classes asked for (numeric metrics only).

    Returns
    -------
    dict
        As ``InfraAtlas.setStyle`` takes it: ``metric``, ``kind`` (``"numeric"`` or
        ``"categorical"``), ``title``, ``legend`` (``{zh, en}``), ``colors`` (adcode -> colour)
        and ``values`` (``{zh, en}``: adcode -> text). A numeric metric's style also has
        ``scheme``, ``asked`` and ``drawn`` (numbers of classes), ``reason`` (why fewer are
        drawn, one of :data:`geodata.plan.classify.FEWER_REASONS`, or None) and ``note``
        (``{zh, en}``: that reason as one line, ``""`` when all are drawn). A categorical one
        has none of these: its classes are its categories. A progress metric (``progress:``,
        scheme ``"fixed"``: fixed classes, whatever was asked) and a status metric
        (``status:``, categorical) also have a ``note``: the date of the figures shown
        (``data as of 2023-11-30``) and, for a province-wide target, the province's figure.
    """
    from geodata.plan.metrics import classify_metric

    by_lang = {lang: classify_metric(metric, scheme, classes, lang) for lang in LANGUAGES}
    zh = by_lang["zh"]
    style = {
        "metric": metric.id,
        "kind": metric.kind,
        "title": {"zh": metric.label_zh, "en": metric.label_en},
        "legend": {lang: c.legend() for lang, c in by_lang.items()},
        "colors": zh.color_of,
        "values": {lang: {a: metric.display(a, lang) for a in metric.values} for lang in LANGUAGES},
    }
    notes = {lang: _legend_note(c.note(), metric.note(lang), lang) for lang, c in by_lang.items()}
    if metric.kind == "numeric":
        style |= {
            "scheme": zh.scheme,
            "asked": zh.asked,
            "drawn": zh.drawn,
            "reason": zh.reason,
            "note": notes,
        }
    elif any(notes.values()):
        style["note"] = notes
    return style


def _legend_note(classes: str, metric: str, language: str) -> str:
    """Return the legend's note: why fewer classes are drawn, then the metric's own note."""
    return ("；" if language == "zh" else "; ").join(p for p in (classes, metric) if p)


def choose_metric(metrics: list[Metric], wanted: str) -> Metric:
    """Return the metric with id (or alias) ``wanted``, else the plan-items count."""
    from geodata.plan.metrics import find_metric

    found = find_metric(metrics, wanted)
    return found or next(m for m in metrics if m.id == "plan_items")


def _atlas_element(data: dict) -> Any:
    from branca.element import MacroElement
    from folium.elements import JSCSSMixin
    from jinja2 import Template

    from resources import RESOURCES_DIR

    web = RESOURCES_DIR / "web" / "infra-atlas"

    class AtlasLayers(JSCSSMixin, MacroElement):
        """Regions, roles, corridors, labels and legend drawn by atlas.js from embedded data."""

        _template = Template(
            "{% macro script(this, kwargs) %}\n"
            "InfraAtlas.init({{ this._parent.get_name() }}, {{ this.data_json }});\n"
            "{% endmacro %}"
        )
        default_js = [
            ("qwebchannel", "qrc:///qtwebchannel/qwebchannel.js"),
            ("infra_atlas", (web / "atlas.js").as_uri()),
        ]
        default_css = [("infra_atlas_css", (web / "atlas.css").as_uri())]

        def __init__(self, payload: dict) -> None:
            super().__init__()
            self._name = "AtlasLayers"
            self.data_json = safe_json(payload)

    return AtlasLayers(data)


def build_map(
    layer: Layer,
    targets: Iterable[Target],
    *,
    context: Layer | dict | None = None,
    corridors: gpd.GeoDataFrame | None = None,
    crossings: list[Crossing] | None = None,
    options: MapOptions | None = None,
    observations: Iterable[Observation] = (),
) -> folium.Map:
    """Build the offline folium map of a region layer.

    Parameters
    ----------
    layer : Layer
        The regions to draw and colour (cities, counties, or provinces).
    targets : iterable of Target
        Bundled and imported targets (for the metrics).
    context : Layer or dict, optional
        China's provinces, drawn under the regions as context, or their
        :func:`context_collection` (cached by the caller).
    corridors : geopandas.GeoDataFrame, optional
        Corridor lines to draw (see :func:`geodata.plan.corridors.load_corridors`).
    crossings : list of Crossing, optional
        Corridor crossings of ``layer`` (for the corridor-length metric).
    options : MapOptions, optional
    observations : iterable of Observation
        Achieved figures (for the progress metrics of the targets they belong to).

    Returns
    -------
    folium.Map
    """
    from geodata.plan.metrics import available_metrics
    from geodata.web.assets import make_offline

    options = options or MapOptions()
    metrics = available_metrics(layer, targets, crossings or [], observations)
    fmap = _page_map(layer.gdf.total_bounds)
    if options.overlays.get("basemap"):
        _add_basemap(fmap, options.basemap)
    data = page_data(layer, metrics, options, context=context, corridors=corridors)
    fmap.add_child(_atlas_element(data))
    fmap.get_root().title = "Infra Atlas map"
    make_offline(fmap)
    return fmap


def _page_map(bounds: Iterable[float]) -> folium.Map:
    """Return an empty offline map centred on ``(minx, miny, maxx, maxy)``, with the page font.

    atlas.js draws with Leaflet alone: the jQuery, Bootstrap and icon-font assets folium adds
    for markers and popups would only slow the page down, so the map loads :data:`PAGE_ASSETS`.
    """
    from geodata.web.assets import add_font, offline_map
    from geodata.web.pagefont import page_font_files

    minx, miny, maxx, maxy = (float(v) for v in bounds)
    fmap = offline_map(
        cjk_font=False,
        location=[(miny + maxy) / 2, (minx + maxx) / 2],
        zoom_start=6,
        prefer_canvas=True,
        control_scale=True,
        zoom_control=True,
        zoom_snap=0.25,
        zoom_delta=0.5,
    )
    fmap.default_js = [(n, u) for n, u in fmap.default_js if n in PAGE_ASSETS]
    fmap.default_css = [(n, u) for n, u in fmap.default_css if n in PAGE_ASSETS]
    add_font(fmap, subset=page_font_files())
    return fmap


def _add_basemap(fmap: folium.Map, provider_name: str) -> None:
    """Add the online tiles of an xyzservices provider (the one remote resource a map may have)."""
    import folium
    import xyzservices.providers as xyz

    provider = xyz.query_name(provider_name)
    folium.TileLayer(
        tiles=provider.build_url(),
        attr=provider.html_attribution,
        name=provider.name,
        max_zoom=provider.get("max_zoom", 18),
    ).add_to(fmap)


def page_data(
    layer: Layer,
    metrics: list[Metric],
    options: MapOptions,
    *,
    context: Layer | dict | None = None,
    corridors: gpd.GeoDataFrame | None = None,
) -> dict:
    """Return the data ``InfraAtlas.init`` draws the page from (arguments as :func:`build_map`).

    Returns
    -------
    dict
        Geometry (``regions`` with its ``lod``, ``context``, ``corridors``), points (``labels``,
        ``roles`` with their ``roleLegend``), the ``style`` of the chosen metric and the
        ``metrics`` offered, what the options ask (``language``, ``layers``, ``view``,
        ``selected``) and the page's fixed ``text``.
    """
    from geodata.layer import Layer
    from geodata.plan.classify import NO_DATA

    regions = layer.gdf[["adcode", "name_zh", "name_en", "geometry"]]
    minx, miny, maxx, maxy = (float(v) for v in regions.total_bounds)
    # everything else first: a big layer's geometry may still be being simplified in a thread
    labels = region_labels(regions)
    roles = role_marks(labels)
    metric = choose_metric(metrics, options.metric)
    page_context = context_collection(context) if isinstance(context, Layer) else context or None
    page_corridors = corridor_collection(corridors)
    style = style_payload(metric, options.scheme, options.classes)
    geometry = encoded_collection(regions)
    return {
        "language": options.language,
        "level": layer.level,
        "province": layer.province,
        "featured": list(featured()),
        "noData": NO_DATA,
        "regions": geometry["collection"],
        "lod": geometry["lod"],
        "labels": labels,
        "context": page_context,
        "roles": roles,
        "roleLegend": role_legend() if roles else [],
        "corridors": page_corridors,
        "style": style,
        "metrics": [{"id": m.id, "zh": m.label_zh, "en": m.label_en} for m in metrics],
        "layers": {k: bool(v) for k, v in options.overlays.items() if k != "basemap"},
        "view": list(options.view) if options.view else None,
        "bounds": [[miny, minx], [maxy, maxx]],
        "selected": options.selected,
        "text": section("page"),
    }


def region_labels(regions: gpd.GeoDataFrame) -> list[dict]:
    """Return a label point with both names for each region (none for an empty geometry).

    Each label also has the region's ``area`` (km², approximate): where labels would overlap,
    the page keeps the larger region's (atlas.js, ``placeLabels``).
    """
    import numpy as np
    import shapely

    labels = []
    geoms = regions.geometry.values
    points = label_points(geoms)
    degrees = shapely.area(np.asarray(geoms))  # square degrees; km² at the label's latitude
    for row, (lat, lng), area in zip(regions.itertuples(index=False), points, degrees, strict=True):
        if lat != lat:  # an empty geometry has no label point
            continue
        labels.append(
            {
                "adcode": row.adcode,
                "lat": round(lat, 5),
                "lng": round(lng, 5),
                "name_zh": row.name_zh,
                "name_en": row.name_en,
                "area": round(float(area) * _KM2_PER_DEGREE2 * math.cos(math.radians(lat)), 1),
            }
        )
    return labels


def role_marks(labels: list[dict]) -> list[dict]:
    """Return a mark at the label point of each labelled region that has a role."""
    from geodata.plan.metrics import ROLE_CATEGORIES
    from geodata.plan.roles import load_roles

    roles = load_roles()
    colors = {cat: color for cat, _, _, color in ROLE_CATEGORIES}
    marks = []
    for label in labels:
        role = roles.get(label["adcode"]) if label["adcode"] else None
        if role is not None:
            marks.append(
                {
                    "adcode": label["adcode"],
                    "lat": label["lat"],
                    "lng": label["lng"],
                    "role": role.role,
                    "rank": role.rank,
                    "color": colors[role.role],
                }
            )
    return marks


def role_legend() -> list[dict]:
    """Return the legend of the role marks: ``{rank, zh, en, color}`` per role, largest first."""
    from geodata.plan.metrics import ROLE_CATEGORIES

    return [
        {"rank": i + 1, "zh": zh, "en": en, "color": color}
        for i, (_, zh, en, color) in enumerate(ROLE_CATEGORIES)
    ]


def corridor_collection(corridors: gpd.GeoDataFrame | None) -> dict | None:
    """Return the corridor lines as GeoJSON for the page (None when there are none)."""
    if corridors is None or not len(corridors):
        return None
    return page_geometry(corridors[["id", "name_zh", "name_en", "schematic", "geometry"]], 0)


def render_map(*args: Any, **kwargs: Any) -> str:
    """Return the HTML of :func:`build_map` (same arguments)."""
    return build_map(*args, **kwargs).get_root().render()


def write_map(path: str | Path, *args: Any, **kwargs: Any) -> Path:
    """Write the HTML of :func:`build_map` to ``path`` atomically and return the path.

    The desktop view loads this file (not ``setHtml``, which caps pages at 2 MB and blocks
    ``qrc:`` scripts).
    """
    from geodata.paths import atomic_write_text

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, render_map(*args, **kwargs))
    return path
