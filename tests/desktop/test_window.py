"""The main window in the real web engine, offscreen: map, panels, bridge, screenshot."""

import json

import pytest

from desktop.app import create_window
from tests.desktop.windows import open_window, run_js
from tests.pagescan import rendered_remote_urls

WAIT = 90_000


def describe(qtbot, window) -> dict:
    return json.loads(run_js(qtbot, window, "InfraAtlas.describe()"))


def test_shanxi_map_loads_offline(qtbot, shanxi):
    assert shanxi.map.is_ready
    html = shanxi.map.current_path.read_text(encoding="utf-8")
    assert rendered_remote_urls(html) == []
    assert shanxi.map.interceptor.blocked == []
    state = describe(qtbot, shanxi)
    assert state["regions"] == 11
    assert shanxi.notifier.errors == []


def test_click_on_taiyuan_fills_the_region_panel(qtbot, shanxi):
    with qtbot.waitSignal(shanxi.map.region_clicked, timeout=WAIT) as blocker:
        run_js(qtbot, shanxi, "InfraAtlas.byCode['140100'].fire('click'); true")
    assert blocker.args == ["140100"]
    qtbot.waitUntil(lambda: "140100" in shanxi.region_panel.text(), timeout=WAIT)
    text = shanxi.region_panel.text()
    assert "太原" in text
    assert "one master" in text or "一主" in text
    assert "5G base stations" in text and "120,000" in text
    assert "500,000" in text  # data-centre racks, a province-wide target
    assert describe(qtbot, shanxi)["highlighted"] == ["140100"]


def test_selecting_a_province_wide_target_highlights_the_province(qtbot, shanxi):
    shanxi.state.select_target("SX-04")
    qtbot.waitUntil(lambda: len(describe(qtbot, shanxi)["highlighted"]) == 11, timeout=WAIT)


def test_switching_metric_changes_the_legend(qtbot, shanxi):
    shanxi.state.set_metric("plan_items")
    qtbot.waitUntil(lambda: describe(qtbot, shanxi)["metric"] == "plan_items", timeout=WAIT)
    before = describe(qtbot, shanxi)["legend"]
    shanxi.state.set_metric("role")
    qtbot.waitUntil(lambda: describe(qtbot, shanxi)["metric"] == "role", timeout=WAIT)
    after = describe(qtbot, shanxi)["legend"]
    assert before != after
    assert {"一主", "one master"} & set(after)


def test_metric_switch_restyles_without_reloading_the_page(qtbot, shanxi):
    run_js(qtbot, shanxi, "window.__sameDocument = 42; 1")
    loads = []
    shanxi.map.loadStarted.connect(lambda: loads.append(True))
    shanxi.state.set_metric("plan_items")
    qtbot.waitUntil(lambda: describe(qtbot, shanxi)["metric"] == "plan_items", timeout=WAIT)
    shanxi.state.set_metric("role")
    qtbot.waitUntil(lambda: describe(qtbot, shanxi)["metric"] == "role", timeout=WAIT)
    assert run_js(qtbot, shanxi, "window.__sameDocument") == 42 and loads == []


def test_zooming_in_swaps_in_finer_borders(qtbot, shanxi):
    start = describe(qtbot, shanxi)["detail"]
    assert start["zoom"] == 8  # the level that suits the whole-province view is embedded
    view = json.loads(run_js(qtbot, shanxi, "InfraAtlas.getView()"))
    run_js(qtbot, shanxi, "InfraAtlas.setView(37.87, 112.55, 11)")
    qtbot.waitUntil(lambda: describe(qtbot, shanxi)["detail"]["zoom"] == 12, timeout=WAIT)
    taiyuan = run_js(
        qtbot,
        shanxi,
        "InfraAtlas.byCode['140100'].getLatLngs().flat(3).length",
    )
    run_js(qtbot, shanxi, f"InfraAtlas.setView({view['lat']}, {view['lng']}, {view['zoom']})")
    qtbot.waitUntil(lambda: describe(qtbot, shanxi)["detail"]["zoom"] == 8, timeout=WAIT)
    coarse = run_js(qtbot, shanxi, "InfraAtlas.byCode['140100'].getLatLngs().flat(3).length")
    assert taiyuan > coarse  # Taiyuan's border has more vertices when zoomed in
    assert shanxi.map.interceptor.blocked == []  # level scripts are local files


def test_layer_toggle_reaches_the_page(qtbot, shanxi):
    shanxi.state.set_overlay_visible("labels", False)
    qtbot.waitUntil(lambda: describe(qtbot, shanxi)["layers"]["labels"] is False, timeout=WAIT)
    shanxi.state.set_overlay_visible("labels", True)
    qtbot.waitUntil(lambda: describe(qtbot, shanxi)["layers"]["labels"] is True, timeout=WAIT)


def test_rebuild_keeps_zoom_and_centre(qtbot, shanxi):
    run_js(qtbot, shanxi, "InfraAtlas.setView(37.87, 112.55, 9)")
    with qtbot.waitSignal(shanxi.view_ready, timeout=WAIT):
        shanxi.controller.rebuild()
    view = json.loads(run_js(qtbot, shanxi, "InfraAtlas.getView()"))
    assert view["zoom"] == 9
    assert view["lat"] == pytest.approx(37.87, abs=0.01) and view["lng"] == pytest.approx(
        112.55, abs=0.01
    )


def test_screenshot_is_not_blank_and_chinese_renders(qtbot, shanxi, tmp_path):
    from PySide6.QtGui import QImage

    from desktop.qtfonts import missing_glyphs_qt

    shanxi.state.set_language("zh")
    qtbot.waitUntil(lambda: describe(qtbot, shanxi)["lang"] == "zh", timeout=WAIT)
    # the page's subset of the shipped font is loaded and covers the names (the full 10 MB font
    # is only the fallback for characters the subset lacks, so it is not needed here)
    ok = run_js(
        qtbot,
        shanxi,
        "document.fonts.ready.then(function(){}); "
        "document.fonts.check('12px \"Infra Atlas Noto Sans SC\"', '太原市吕梁市')",
    )
    assert ok is True
    faces = run_js(
        qtbot,
        shanxi,
        "JSON.stringify(Array.from(document.fonts).map(f => [f.family, f.status]))",
    )
    loaded = {tuple(face) for face in json.loads(faces) if face[1] == "loaded"}
    assert ("Infra Atlas Noto Sans SC", "loaded") in {(f.strip('"'), s) for f, s in loaded}
    assert missing_glyphs_qt("太原市吕梁市一主三副六市域中心全省目标") == []
    path = tmp_path / "window.png"
    with qtbot.waitCallback(timeout=WAIT) as saved:
        shanxi.screenshot(path, delay_ms=300, on_saved=saved)
    image = QImage(str(path))
    assert image.width() >= 1000 and image.height() >= 600
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 50


def test_labels_sit_on_their_points_after_a_zoom(qtbot, shanxi):
    """Each label is centred on its label point, and follows it when the map zooms."""
    where = (
        "JSON.stringify(InfraAtlas.labelTips.map(function (l) {"
        " var r = l.text.getBoundingClientRect(), c = InfraAtlas.map.getContainer()"
        ".getBoundingClientRect(), p = InfraAtlas.map.latLngToContainerPoint(l.latlng);"
        " return [l.text.textContent, r.left + r.width / 2 - c.left - p.x,"
        " r.top + r.height / 2 - c.top - p.y, r.width]; }))"
    )
    view = json.loads(run_js(qtbot, shanxi, "InfraAtlas.getView()"))
    for zoom in (view["zoom"], view["zoom"] + 1.5):
        run_js(qtbot, shanxi, f"InfraAtlas.setView({view['lat']}, {view['lng']}, {zoom})")
        labels = json.loads(run_js(qtbot, shanxi, where))
        assert len(labels) == 11
        for text, dx, dy, width in labels:
            assert text and width > 10  # a name, laid out
            assert abs(dx) <= 1.5 and abs(dy) <= 1.5, (text, dx, dy)
    run_js(qtbot, shanxi, f"InfraAtlas.setView({view['lat']}, {view['lng']}, {view['zoom']})")


def test_set_view_puts_back_the_centre_get_view_gave_to_the_pixel(qtbot, shanxi):
    """After any pan, setView(getView()) lands on the same pixel centre (the 2x export copies the
    window's view so; Leaflet's own setView pans by a truncated offset, a pixel short at times)."""
    code = """JSON.stringify((function (A) {
      var map = A.map, start = JSON.parse(A.getView()), off = [];
      for (var dx = -60; dx <= 60; dx += 3) {
        map.panBy([dx, 2 * dx], {animate: false});
        var view = JSON.parse(A.getView()), want = map.project(map.getCenter());
        A.setView(start.lat, start.lng, start.zoom);
        A.setView(view.lat, view.lng, view.zoom);
        var got = map.project(map.getCenter());
        if (Math.abs(got.x - want.x) > 0.01 || Math.abs(got.y - want.y) > 0.01) {
          off.push([dx, got.x - want.x, got.y - want.y]);
        }
        A.setView(start.lat, start.lng, start.zoom);
      }
      return off;
    })(InfraAtlas))"""
    assert json.loads(run_js(qtbot, shanxi, code)) == []


def test_context_canvas_draws_the_neighbouring_provinces(qtbot, shanxi):
    """The province context (a canvas of its own) is filled where Hebei and Henan are."""
    pixel = (
        "(function (lat, lng) { var c = InfraAtlas.context, b = c._bounds,"
        " p = InfraAtlas.map.latLngToLayerPoint([lat, lng]),"
        " r = c._container.width / (b.max.x - b.min.x),"
        " d = c._ctx.getImageData(Math.round((p.x - b.min.x) * r),"
        " Math.round((p.y - b.min.y) * r), 1, 1).data;"
        " return Array.from(d).join(','); })"
    )
    view = json.loads(run_js(qtbot, shanxi, "InfraAtlas.getView()"))
    for zoom in (6.5, 7.5):  # drawn again after a zoom
        run_js(qtbot, shanxi, f"InfraAtlas.setView(36.5, 114.5, {zoom})")
        for lat, lng in ((37.6, 115.0), (35.3, 114.0)):  # Hebei, Henan
            assert run_js(qtbot, shanxi, f"{pixel}({lat}, {lng})") == "235,231,223,255"
    run_js(qtbot, shanxi, f"InfraAtlas.setView({view['lat']}, {view['lng']}, {view['zoom']})")


def test_screenshot_on_ready_shows_the_selection(qtbot, tmp_path):
    """``gui --select X --screenshot`` saves on view_ready: the highlight must be in that PNG."""
    from PySide6.QtGui import QColor, QImage

    window = create_window("zhejiang", "330200", quiet=True)
    qtbot.addWidget(window)
    window.show()
    path = tmp_path / "selected.png"
    with qtbot.waitCallback(timeout=WAIT) as saved:
        window.view_ready.connect(lambda: window.screenshot(path, on_saved=saved))
        window.controller.rebuild(keep_view=False)
    image = QImage(str(path))
    corner = window.map.mapTo(window, window.map.rect().topLeft())
    red = 0
    for x in range(corner.x(), corner.x() + window.map.width(), 2):
        for y in range(corner.y(), corner.y() + window.map.height(), 2):
            c = QColor(image.pixel(x, y))
            red += c.red() > 200 and c.green() < 60 and c.blue() < 60  # #e31a1c, the highlight
    assert red > 100, "the selected region's red outline is not in the screenshot"
    window.close()


def test_hangzhou_lists_exchange_centre_and_both_corridors(qtbot):
    window = open_window(qtbot, "zhejiang", select="330100")
    text = window.region_panel.text()
    assert "330100" in text
    assert "Internet exchange" in text
    assert "Hangzhou-Shaoxing-Ningbo" in text or "杭绍甬" in text
    assert "Ring Road West" in text or "西复线" in text
    assert describe(qtbot, window)["highlighted"] == ["330100"]
    assert window.map.interceptor.blocked == []


def test_both_provinces_shows_the_national_layer(qtbot):
    window = open_window(qtbot, "both")
    assert describe(qtbot, window)["regions"] == 34


def test_menus_name_the_provinces_from_the_catalogue(qtbot, shanxi):
    from geodata.plan.provinces import featured
    from geodata.regions.catalogue import region
    from geodata.vocab import NATIONAL

    def texts():
        return [shanxi.province_actions[c].text() for c in (*featured(), NATIONAL)]

    english = [*(region(c).name_en for c in featured()), "China (national view)"]
    chinese = [*(region(c).name_zh for c in featured()), "全国"]
    shanxi.state.set_language("en")
    qtbot.waitUntil(lambda: texts() == english, timeout=WAIT)
    assert shanxi.boundaries_menu.title() == "&Boundaries"
    assert shanxi.layers_dock.windowTitle() == "Layers"
    # "Layers" once: the menu and the panel's first box have names of their own
    titles = [shanxi.layers_panel.layer_group.title(), shanxi.layers_panel.map_group.title()]
    assert titles == ["Shown on the map", "Map"]
    shanxi.state.set_language("zh")
    qtbot.waitUntil(lambda: texts() == chinese, timeout=WAIT)
    assert shanxi.boundaries_menu.title() == "边界(&B)"
    assert shanxi.layers_dock.windowTitle() != shanxi.layers_panel.layer_group.title()
    shanxi.state.set_language("en")
