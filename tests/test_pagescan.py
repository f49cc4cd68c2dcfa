"""Tests for tests.pagescan: what a rendered page would load."""

from __future__ import annotations

import base64

import folium

from tests.pagescan import rendered_remote_urls


def test_plain_folium_map_is_not_offline() -> None:
    html = folium.Map().get_root().render()
    remote = rendered_remote_urls(html)

    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in remote
    assert "https://code.jquery.com/jquery-3.7.1.min.js" in remote
    assert any("tile.openstreetmap.org" in url for url in remote)  # the tile layer loads
    # the attribution is an <a href> inside a string, a link and not a load
    assert not any("openstreetmap.org/copyright" in url for url in remote)


def test_rendered_remote_urls_finds_what_a_page_loads() -> None:
    inner = '<img src="https://img.example/inner.png"><a href="https://a.example/">a</a>'
    encoded = base64.b64encode(inner.encode()).decode()
    html = f"""<html><head>
    <link rel="stylesheet" href="//cdn.example/x.css">
    <style>@import "https://fonts.example/a.css";
      .a {{ background: url('https://img.example/b.png') }}
      .b {{ background: url(data:image/png;base64,AAAA) }}</style>
    <script src="http://js.example/c.js"></script>
    <script>
      var t = L.tileLayer("https://tiles.example/{{z}}/{{x}}/{{y}}.png", {{
        "attribution": "\\u003ca href=\\"https://osm.example/copyright\\"\\u003eOSM\\u003c/a\\u003e"}});
      var data = {{"source": "https://gov.example/plan.pdf"}};
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      var html = $(`<div><img src="https://img.example/d.png">太原</div>`)[0];
      var frame = $(`<iframe src="data:text/html;charset=utf-8;base64,{encoded}"></iframe>`)[0];
      var icon = L.icon({{"iconUrl": "https://icons.example/e.png"}});
    </script></head>
    <body><a href="https://link.example/">not loaded</a>
      <div style="background-image: url(https://img.example/f.png)"></div>
      <img srcset="https://img.example/g.png 1x, https://img.example/h.png 2x"></body></html>"""

    assert rendered_remote_urls(html) == [
        "//cdn.example/x.css",
        "https://img.example/b.png",
        "https://fonts.example/a.css",
        "http://js.example/c.js",
        "https://tiles.example/{z}/{x}/{y}.png",
        "https://img.example/d.png",
        "https://img.example/inner.png",
        "https://icons.example/e.png",
        "https://img.example/f.png",
        "https://img.example/g.png",
        "https://img.example/h.png",
    ]
