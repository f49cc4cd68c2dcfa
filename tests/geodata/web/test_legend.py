"""The map page's legend in the real web engine: it explains what is drawn and switches nothing."""

import json

import pytest
from PySide6.QtWebEngineWidgets import QWebEngineView

from geodata.boundaries.active import cities
from geodata.drawing import MapOptions
from geodata.plan.corridors import corridor_crossings, load_corridors
from geodata.web.document import write_map
from resources import RESOURCES_DIR
from tests.geodata.web.webpages import close_pages, load_page, run_js

WAIT = 60_000

#: What the legend shows: its inputs, section titles, rows, note, and whether it is displayed.
LEGEND_JS = """JSON.stringify((function (box) {
  var texts = function (selector) {
    return Array.prototype.map.call(box.querySelectorAll(selector), function (n) {
      return n.textContent;
    });
  };
  return {inputs: box.querySelectorAll('input, label, button, select').length,
          titles: texts('.atlas-legend-title'), rows: texts('.atlas-legend-row span:last-child'),
          notes: texts('.atlas-legend-note'), shown: box.style.display !== 'none'};
})(InfraAtlas.legendBox))"""


def legend(qtbot, view: QWebEngineView) -> dict:
    return json.loads(run_js(qtbot, view, LEGEND_JS, WAIT))


@pytest.fixture
def open_page(qtbot):
    """Load a map document in a plain web view and wait until the page reports it is drawn."""
    views = []

    def load(path) -> QWebEngineView:
        views.append(load_page(qtbot, path, (900, 700), WAIT))
        return views[-1]

    yield load
    close_pages(views)


def test_legend_has_no_switches_and_notes_fewer_classes(qtbot, open_page, tmp_path, all_targets):
    options = MapOptions(language="en", metric="plan_items", classes=7)
    view = open_page(
        write_map(tmp_path / "shanxi.html", cities("shanxi"), all_targets, options=options)
    )

    shown = legend(qtbot, view)
    assert shown["inputs"] == 0
    assert shown["titles"] == ["Plan items per region", "City roles"]  # Shanxi has no corridors
    assert shown["rows"][:2] == ["1", "one master"]  # one plan item in every city
    assert shown["notes"] == ["1 of 7 classes drawn: every value is the same"]

    run_js(qtbot, view, "InfraAtlas.setLanguage('zh')", WAIT)
    assert legend(qtbot, view)["notes"] == ["绘制 1 类（设定 7 类）：所有数值相同"]

    # The app switches overlays; the legend follows and explains only what is drawn.
    run_js(qtbot, view, "InfraAtlas.setLayerVisible('roles', false)", WAIT)
    assert legend(qtbot, view)["titles"] == ["规划事项数"]
    run_js(qtbot, view, "InfraAtlas.setLayerVisible('choropleth', false)", WAIT)
    assert legend(qtbot, view) == {
        "inputs": 0,
        "titles": [],
        "rows": [],
        "notes": [],
        "shown": False,
    }


def test_corridors_are_explained_where_the_province_has_them(
    qtbot, open_page, tmp_path, all_targets
):
    layer = cities("zhejiang")
    corridors = load_corridors()
    path = write_map(
        tmp_path / "zhejiang.html",
        layer,
        all_targets,
        corridors=corridors,
        crossings=corridor_crossings(corridors, layer),
        options=MapOptions(language="en", metric="corridor_km", classes=4),
    )
    shown = legend(qtbot, open_page(path))
    assert shown["inputs"] == 0 and shown["notes"] == []
    assert shown["titles"] == ["Corridor length (km)", "Corridors (schematic)"]
    assert shown["rows"][-1] == "Smart expressway (schematic line)"


def test_page_script_calls_no_layer_switch_of_the_app():
    script = (RESOURCES_DIR / "web" / "infra-atlas" / "atlas.js").read_text(encoding="utf-8")
    assert "layerToggled" not in script
    assert "createElement('input')" not in script and "el('input'" not in script
