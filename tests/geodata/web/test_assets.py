"""Tests for geodata.web.assets: folium maps that load nothing from the network."""

from __future__ import annotations

import re

import branca
import folium
import pytest
from folium.elements import JSCSSMixin

from geodata.fonts import CJK_FONT_BOLD_PATH, CJK_FONT_PATH
from geodata.web.assets import (
    MANIFEST_PATH,
    WEB_DIR,
    add_font,
    asset_manifest,
    font_face_css,
    localise_element,
    make_offline,
    offline_map,
    resource_path,
)
from tests.pagescan import rendered_local_files, rendered_remote_urls, verify_vendored_assets

SHANXI = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {
                "name": "太原市",
                "role": "一主三副六市域中心",
                # a URL that is data, not something the page loads
                "source": "https://www.shanxi.gov.cn/plan.pdf",
            },
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[112.0, 37.5], [113.0, 37.5], [113.0, 38.3], [112.0, 37.5]]],
            },
        },
        {
            "type": "Feature",
            "properties": {"name": "大同市", "role": "副中心", "source": ""},
            "geometry": {"type": "Point", "coordinates": [113.3, 40.1]},
        },
    ],
}


def _full_offline_map() -> folium.Map:
    fmap = offline_map(location=[37.8, 112.5], zoom_start=7)
    folium.GeoJson(
        SHANXI,
        name="山西省",
        tooltip=folium.GeoJsonTooltip(fields=["name", "role"], aliases=["城市", "定位"]),
        popup=folium.GeoJsonPopup(fields=["name"]),
    ).add_to(fmap)
    folium.Marker(
        [37.87, 112.55],
        tooltip=folium.Tooltip("太原市"),
        popup=folium.Popup(folium.IFrame("<b>太原市</b> 省会"), max_width=300),
        icon=folium.Icon(icon="info-sign", angle=45),
    ).add_to(fmap)
    folium.Marker([40.1, 113.3], icon=folium.Icon(icon="star", prefix="fa")).add_to(fmap)
    branca.colormap.LinearColormap(
        ["#fee8c8", "#e34a33"], vmin=0, vmax=100, caption="新基建投资（亿元）"
    ).add_to(fmap)
    legend = branca.element.MacroElement()
    legend._template = branca.element.Template(
        """{% macro html(this, kwargs) %}
        <div class="legend" style="position: fixed; bottom: 20px; left: 20px;">图例：市域中心</div>
        {% endmacro %}"""
    )
    fmap.get_root().add_child(legend)
    folium.LayerControl().add_to(fmap)
    return fmap


def test_offline_map_renders_without_remote_urls() -> None:
    html = _full_offline_map().get_root().render()

    assert rendered_remote_urls(html) == []
    # the assets really are there, as file:// links to resources/web
    assert 'src="file://' in html
    assert "leaflet.js" in html and "d3.min.js" in html and "all.min.css" in html
    # Chinese text and the font made it into the page
    assert "太原市" in html
    assert CJK_FONT_PATH.as_uri() in html


def test_every_local_file_the_page_loads_exists() -> None:
    html = _full_offline_map().get_root().render()
    files = rendered_local_files(html)

    names = {path.name for path in files}
    # linked scripts/styles, the CJK fonts, and what the vendored css references by relative path
    for expected in (
        "leaflet.js",
        "jquery.min.js",
        "bootstrap.bundle.min.js",
        "leaflet.awesome-markers.min.js",
        "d3.min.js",
        "leaflet.css",
        "bootstrap.min.css",
        "bootstrap-glyphicons.css",
        "all.min.css",
        "leaflet.awesome-markers.css",
        "leaflet.awesome.rotate.css",
        CJK_FONT_PATH.name,
        CJK_FONT_BOLD_PATH.name,
        "marker-icon.png",
        "layers.png",
        "markers-soft.png",
        "fa-solid-900.woff2",
        "glyphicons-halflings-regular.woff2",
    ):
        assert expected in names, expected
    missing = [str(path) for path in files if not path.is_file()]
    assert missing == []


def test_offline_map_leaves_folium_classes_alone() -> None:
    before_js, before_css = list(folium.Map.default_js), list(folium.Map.default_css)
    fmap = offline_map()
    fmap.add_js_link("extra", "file:///tmp/extra.js")

    assert folium.Map.default_js == before_js
    assert folium.Map.default_css == before_css
    assert all(url.startswith("https://") for _, url in folium.Map.default_js)
    assert all(url.startswith("file://") for name, url in fmap.default_js if name != "extra")
    assert rendered_remote_urls(folium.Map().get_root().render()) != []


def test_offline_map_has_no_tiles_by_default() -> None:
    fmap = offline_map()
    assert not any(isinstance(child, folium.TileLayer) for child in fmap._children.values())
    assert "L.tileLayer" not in fmap.get_root().render()


def test_remote_tiles_passed_explicitly_are_reported() -> None:
    fmap = offline_map(tiles="OpenStreetMap")
    remote = rendered_remote_urls(fmap.get_root().render())
    assert remote and all("tile.openstreetmap.org" in url for url in remote)


def test_offline_map_assets_cover_every_folium_default() -> None:
    fmap = offline_map()
    js, css = fmap.default_js, fmap.default_css

    assert [name for name, _ in js] == [name for name, _ in folium.Map.default_js]
    assert [name for name, _ in css] == [name for name, _ in folium.Map.default_css]
    for _, uri in js + css:
        assert uri.startswith("file://")
    assert all(path.is_file() for path in rendered_local_files(_links_page(js, css)))


def _links_page(js: list[tuple[str, str]], css: list[tuple[str, str]]) -> str:
    scripts = "".join(f'<script src="{uri}"></script>' for _, uri in js)
    links = "".join(f'<link rel="stylesheet" href="{uri}"/>' for _, uri in css)
    return f"<html><head>{scripts}{links}</head></html>"


def test_vendored_versions_match_installed_folium() -> None:
    """A folium upgrade that moves to new asset versions must be re-vendored."""
    provided = {url for asset in asset_manifest() for p in asset["provides"] for url in p["urls"]}
    wanted = [url for _, url in folium.Map.default_js + folium.Map.default_css]
    assert [url for url in wanted if url not in provided] == []


class Unvendored(JSCSSMixin):
    """A plugin whose script nobody has vendored."""

    default_js = [("leaflet.unvendored", "https://cdn.example/leaflet.unvendored.js")]


def test_localise_element_rewrites_known_plugin_assets_and_rejects_unknown() -> None:
    fmap = offline_map()
    plugin = Unvendored().add_to(fmap)
    with pytest.raises(ValueError, match=r"'leaflet\.unvendored'.*resources/web"):
        localise_element(plugin)
    with pytest.raises(ValueError, match="Unvendored"):
        localise_element(fmap)

    class Widget(JSCSSMixin):
        default_js = [("jquery", "https://code.jquery.com/jquery-3.7.1.min.js")]
        default_css = [("local", "file:///somewhere/local.css")]

    widget = localise_element(Widget())
    assert widget.default_js[0][1].startswith("file://")
    assert widget.default_js[0][1].endswith("jquery.min.js")
    assert widget.default_css == [("local", "file:///somewhere/local.css")]
    assert Widget.default_js[0][1].startswith("https://")  # class untouched


def test_unvendored_plugin_added_later_fails_at_render() -> None:
    fmap = offline_map()
    Unvendored().add_to(fmap)
    with pytest.raises(ValueError, match=r"leaflet\.unvendored"):
        fmap.get_root().render()


def test_make_offline_converts_an_existing_map() -> None:
    fmap = folium.Map(tiles=None)
    assert rendered_remote_urls(fmap.get_root().render()) != []
    make_offline(fmap)
    make_offline(fmap)  # idempotent
    html = fmap.get_root().render()
    assert rendered_remote_urls(html) == []
    assert html.count("leaflet.js") == 1


def test_font_face_css_points_at_the_shipped_font() -> None:
    css = font_face_css()
    assert css.count("@font-face") == 2
    assert CJK_FONT_PATH.as_uri() in css and CJK_FONT_BOLD_PATH.as_uri() in css
    assert '"Noto Sans SC", sans-serif' in css
    for selector in (".leaflet-container", ".leaflet-tooltip", ".leaflet-popup-content", ".legend"):
        assert re.search(rf"{re.escape(selector)}\b", css), selector

    fmap = add_font(add_font(folium.Map(tiles=None)))
    assert fmap.get_root().render().count("@font-face") == 2


def test_manifest_lists_existing_files_and_licences() -> None:
    assets = asset_manifest()
    ids = {asset["id"] for asset in assets}
    assert {"leaflet", "jquery", "bootstrap", "leaflet.awesome-markers", "fontawesome-free"} <= ids
    assert "noto-sans-sc" in ids
    for asset in assets:
        assert asset["package"] and asset["version"] and asset["licence"], asset["id"]
        assert resource_path(asset["licence_file"]).is_file(), asset["licence_file"]
        assert resource_path(asset["licence_file"]).stat().st_size > 500
        for relative in asset["files"]:
            assert resource_path(relative).is_file(), relative
    assert verify_vendored_assets() == []
    assert MANIFEST_PATH.parent == WEB_DIR


def test_vendored_files_are_all_listed_and_modest() -> None:
    listed = {resource_path(rel).resolve() for a in asset_manifest() for rel in a["files"]}
    on_disk = {path.resolve() for path in WEB_DIR.rglob("*") if path.is_file()}
    assert on_disk - listed == {MANIFEST_PATH.resolve()}
    assert not [path for path in on_disk if path.suffix == ".map"]
    assert sum(path.stat().st_size for path in on_disk) < 4_000_000
