"""File > Export view: the map as drawn, without the window's controls, with the user's title.

The view is drawn again in an offscreen page; these tests look into that page (kept alive with
``keep_page``) and at the pixels of the images written, and check that the live window keeps
its controls.
"""

import json

import numpy as np
import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from desktop.dialogs.export import ExportRequest
from desktop.export_actions import ViewRenderer
from desktop.i18n import install_language
from desktop.map.view import MapView
from tests.geodata.web.webpages import run_js

WAIT = 90_000
#: The size of the module's Shanxi window (the ``shanxi`` fixture, tests/desktop/conftest.py).
WINDOW_SIZE = (1000, 700)
#: Markup and template braces: the image must show them as they are.
TITLE = "<b>{{x}}</b> & 太原 · Shanxi"

#: What a page shows of its controls and title (``shown``: displayed with a size).
CONTROLS_JS = """JSON.stringify((function () {
  function shown(selector) {
    var node = document.querySelector(selector);
    if (!node) { return null; }
    var box = node.getBoundingClientRect();
    return getComputedStyle(node).display !== 'none' && box.width > 0 && box.height > 0;
  }
  var seen = {zoom: shown('.leaflet-control-zoom'), credit: shown('.leaflet-control-attribution'),
              legend: shown('.atlas-legend'), scale: shown('.leaflet-control-scale')};
  seen.labels = Array.prototype.filter.call(
    InfraAtlas.map.getPane('labels').querySelectorAll('*'),
    function (n) { return getComputedStyle(n).display !== 'none' && n.textContent; }).length;
  var titles = document.querySelectorAll('.atlas-export-title');
  seen.titles = Array.prototype.map.call(titles, function (n) { return n.textContent; });
  seen.title_elements = titles.length ? titles[0].querySelectorAll('*').length : null;
  // A layer switch (the page has none of its own) added now is hidden as well.
  L.control.layers({}, {extra: L.layerGroup()}, {collapsed: false}).addTo(InfraAtlas.map);
  seen.layers = shown('.leaflet-control-layers');
  return seen;
})())"""


@pytest.fixture(autouse=True)
def english(qapp):
    install_language(qapp, "en")
    yield


def other_map_views(window):
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MapView) and w is not window.map
    ]


def render(qtbot, window, **options):
    """Draw the window's view offscreen and keep the page; return the renderer and the image."""
    renderer = ViewRenderer(window.map, 1, keep_page=True, **options)
    with qtbot.waitSignal(renderer.rendered, timeout=WAIT) as blocker:
        renderer.start()
    return renderer, blocker.args[0]


@pytest.mark.parametrize("legend", [False, True])
def test_view_hides_the_controls_and_keeps_the_legend_if_asked(qtbot, shanxi, legend):
    renderer, image = render(qtbot, shanxi, legend=legend, title=TITLE)
    try:
        assert not image.isNull()
        seen = json.loads(run_js(qtbot, renderer.view, CONTROLS_JS))
    finally:
        renderer.release()
    assert seen["zoom"] is False and seen["credit"] is False and seen["layers"] is False
    assert seen["legend"] is legend
    assert seen["scale"] is True  # a scale bar is part of the map, not a control
    assert seen["titles"] == [TITLE]  # the user's text verbatim ...
    assert seen["title_elements"] == 0  # ... as text: no <b> element made of it

    live = json.loads(run_js(qtbot, shanxi.map, CONTROLS_JS.replace("L.control.layers", "//")))
    assert live["zoom"] and live["credit"] and live["legend"]  # the window is untouched
    assert live["titles"] == []
    assert seen["labels"] == live["labels"] > 10  # the map's own labels all drawn
    qtbot.waitUntil(lambda: other_map_views(shanxi) == [], timeout=WAIT)  # deleted


def export(qtbot, window, path, **options):
    request = ExportRequest("view", path, scale=1, **options)
    with qtbot.waitSignal(window.exports.exported, timeout=WAIT):
        assert window.exports.export_view(request)
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"), dtype=np.float64)


def box_of(qtbot, view, selector):
    code = f"JSON.stringify(document.querySelector({json.dumps(selector)}).getBoundingClientRect())"
    box = json.loads(run_js(qtbot, view, code))
    return (round(box["top"]), round(box["bottom"]), round(box["left"]), round(box["right"]))


def mean_difference(one, two, box):
    top, bottom, left, right = box
    return float(np.abs(one[top:bottom, left:right] - two[top:bottom, left:right]).mean())


def test_view_image_shows_the_map_without_controls_and_with_a_title(qtbot, shanxi, tmp_path):
    plain = export(qtbot, shanxi, tmp_path / "plain.png", title="")
    titled = export(qtbot, shanxi, tmp_path / "titled.png", title=TITLE)
    bare = export(qtbot, shanxi, tmp_path / "bare.png", title="", legend=False)
    assert shanxi.map.grab().save(str(tmp_path / "screen.png"))  # the window, as it shows
    with Image.open(tmp_path / "screen.png") as image:
        live = np.asarray(image.convert("RGB"), dtype=np.float64)
    height, width = live.shape[:2]
    assert plain.shape == titled.shape == live.shape

    # The title band at the top: drawn with a title, the map without one; the rest the same.
    band = (0, 30, 0, width)
    below = (80, height - 80, 80, width - 80)
    assert mean_difference(plain, titled, band) > 20
    assert mean_difference(plain, titled, below) < 2
    top = titled[:30].mean(axis=2)
    assert (top > 235).mean() > 0.6 and (top < 120).mean() > 0.01  # white band, dark text

    # Against the window: the zoom buttons and the credit are gone, the map is the same.
    for selector in (".leaflet-control-zoom", ".leaflet-control-attribution"):
        assert mean_difference(live, plain, box_of(qtbot, shanxi.map, selector)) > 15, selector
    middle = (height // 3, height // 2, width // 4, width // 2)
    assert mean_difference(live, plain, middle) < 3
    # The legend only when asked for (lower than in the window: no credit under it).
    legend = box_of(qtbot, shanxi.map, ".atlas-legend")
    assert mean_difference(plain, bare, legend) > 15
    assert shanxi.notifier.errors == []
