"""Region labels on the web map never overlap (atlas.js, placeLabels), in the real web engine.

The pages are the app's own (:meth:`geodata.atlas.AtlasData.write_map`: corridors, roles and
the province context as the window draws them), shown at the size of the window's map. Boxes
are read back from the page with ``getBoundingClientRect``; a label hidden for lack of room is
not displayed (``visibility: hidden``).
"""

import json

import pytest
from PySide6.QtWebEngineWidgets import QWebEngineView

from geodata.atlas import AtlasData
from geodata.boundaries.active import provinces
from geodata.drawing import MapOptions
from geodata.vocab import NATIONAL
from geodata.web.document import region_labels
from tests.geodata.web.webpages import close_pages, load_page, run_js

#: The size of the map in the main window's first layout (CSS pixels).
MAP_SIZE = (860, 530)
BEIJING, TIANJIN, HEBEI, SHANXI = "110000", "120000", "130000", "140000"
GUANGDONG, HONG_KONG, MACAO = "440000", "810000", "820000"

#: The region labels displayed: code, text and box in the map's pixels (left, top, right, bottom).
SHOWN_JS = """JSON.stringify((function (A) {
  var c = A.map.getContainer().getBoundingClientRect();
  return A.labelTips.filter(function (l) {
    return l.text.isConnected && getComputedStyle(l.text).visibility !== 'hidden';
  }).map(function (l) {
    var r = l.text.getBoundingClientRect();
    return {code: l.props.adcode, text: l.text.textContent,
            box: [r.left - c.left, r.top - c.top, r.right - c.left, r.bottom - c.top]};
  });
})(InfraAtlas))"""

#: What labels must leave clear: role marks (with their region) and corridor labels.
OBSTACLES_JS = """JSON.stringify((function (A) {
  var c = A.map.getContainer().getBoundingClientRect(), marks = [], corridors = [];
  if (A.map.hasLayer(A.roles)) {
    A.roles.getLayers().forEach(function (m, i) {
      var p = A.map.latLngToContainerPoint(m.getLatLng()), r = m.getRadius();
      marks.push({code: A.D.roles[i].adcode, box: [p.x - r, p.y - r, p.x + r, p.y + r]});
    });
  }
  if (A.map.hasLayer(A.corridors)) {
    A.corridorLabels.forEach(function (t) {
      var r = t.tip.getElement().getBoundingClientRect();
      corridors.push([r.left - c.left, r.top - c.top, r.right - c.left, r.bottom - c.top]);
    });
  }
  return {marks: marks, corridors: corridors};
})(InfraAtlas))"""


def meet(a: list[float], b: list[float]) -> bool:
    """Whether two boxes (left, top, right, bottom) overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def overlaps(labels: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["text"], b["text"])
        for i, a in enumerate(labels)
        for b in labels[i + 1 :]
        if meet(a["box"], b["box"])
    ]


def on_screen(labels: list[dict]) -> list[dict]:
    width, height = MAP_SIZE
    return [lab for lab in labels if meet(lab["box"], [0, 0, width, height])]


def shown(qtbot, view) -> list[dict]:
    return json.loads(run_js(qtbot, view, SHOWN_JS))


def codes(labels: list[dict]) -> set[str]:
    return {lab["code"] for lab in labels}


def assert_clear_of_obstacles(qtbot, view, labels: list[dict]) -> None:
    """No label covers a corridor label, nor the role mark of another region."""
    obstacles = json.loads(run_js(qtbot, view, OBSTACLES_JS))
    for lab in labels:
        assert not [c for c in obstacles["corridors"] if meet(lab["box"], c)], lab["text"]
        covered = [m["code"] for m in obstacles["marks"] if meet(lab["box"], m["box"])]
        assert set(covered) <= {lab["code"]}, (lab["text"], covered)


@pytest.fixture(scope="module")
def pages(qapp, tmp_path_factory):
    """The app's map pages, each written and loaded once per module.

    ``pages(qtbot, province, level, language)`` returns the page of a province choice and level
    in the language asked (a page opened in Chinese and switched by ``setLanguage``).
    """
    atlas, root = AtlasData(), tmp_path_factory.mktemp("labels")
    views: dict[tuple, QWebEngineView] = {}

    def load(qtbot, province: str, level: str, language: str = "zh") -> QWebEngineView:
        view = views.get((province, level)) or open_page(qtbot, province, level)
        assert run_js(qtbot, view, f"InfraAtlas.setLanguage('{language}')") == language
        return view

    def open_page(qtbot, province: str, level: str) -> QWebEngineView:
        path = atlas.write_map(
            root / f"{province}-{level}.html", province, level, MapOptions(metric="plan_items")
        )
        view = views[(province, level)] = load_page(qtbot, path, MAP_SIZE)
        return view

    yield load
    close_pages(views.values())


@pytest.mark.parametrize("language", ["zh", "en"])
def test_national_province_labels_never_overlap(qtbot, pages, language):
    view = pages(qtbot, NATIONAL, "province", language)
    labels = shown(qtbot, view)
    assert overlaps(labels) == []
    assert len(on_screen(labels)) > 20  # most provinces keep their label...
    assert len(labels) < 34  # ... but not all: the smallest gave way
    # the larger region keeps its label: Hebei over Beijing and Tianjin, Guangdong over Macao
    assert {HEBEI, GUANGDONG} <= codes(labels)
    assert MACAO not in codes(labels)
    both = [lab for lab in labels if lab["code"] in (BEIJING, TIANJIN)]
    assert len(both) < 2 or not meet(both[0]["box"], both[1]["box"])
    assert_clear_of_obstacles(qtbot, view, labels)


def test_zooming_in_brings_hidden_labels_back(qtbot, pages):
    view = pages(qtbot, NATIONAL, "province", "zh")
    start = json.loads(run_js(qtbot, view, "InfraAtlas.getView()"))
    assert not {TIANJIN, HONG_KONG, MACAO} & codes(shown(qtbot, view))
    try:
        run_js(qtbot, view, "InfraAtlas.setView(39.4, 116.8, 7)")
        labels = shown(qtbot, view)
        assert {BEIJING, TIANJIN, HEBEI} <= codes(labels) and overlaps(labels) == []
        run_js(qtbot, view, "InfraAtlas.setView(22.4, 113.8, 8)")
        labels = shown(qtbot, view)
        assert {HONG_KONG, MACAO, GUANGDONG} <= codes(labels) and overlaps(labels) == []
    finally:
        run_js(qtbot, view, f"InfraAtlas.setView({start['lat']}, {start['lng']}, {start['zoom']})")
    assert TIANJIN not in codes(shown(qtbot, view))  # hidden again at the national zoom


def test_the_selected_region_is_labelled_first(qtbot, pages):
    view = pages(qtbot, NATIONAL, "province", "zh")
    assert TIANJIN not in codes(shown(qtbot, view))
    try:
        run_js(qtbot, view, f"InfraAtlas.selectRegion('{TIANJIN}', false)")
        labels = shown(qtbot, view)
        assert TIANJIN in codes(labels) and overlaps(labels) == []
    finally:
        run_js(qtbot, view, "InfraAtlas.selectRegion(null, false)")
    assert TIANJIN not in codes(shown(qtbot, view))


def test_a_language_switch_places_the_labels_again(qtbot, pages):
    view = pages(qtbot, NATIONAL, "province", "zh")
    try:
        assert run_js(qtbot, view, "InfraAtlas.setLanguage('en')") == "en"
        labels = shown(qtbot, view)
        assert "Hebei" in {lab["text"] for lab in labels}
        assert overlaps(labels) == [] and len(on_screen(labels)) > 20
    finally:
        run_js(qtbot, view, "InfraAtlas.setLanguage('zh')")
    labels = shown(qtbot, view)
    assert "河北省" in {lab["text"] for lab in labels} and overlaps(labels) == []


@pytest.mark.parametrize("language", ["zh", "en"])
def test_national_city_labels_never_overlap_zoomed_on_north_china(qtbot, pages, language):
    view = pages(qtbot, NATIONAL, "city", language)
    start = json.loads(run_js(qtbot, view, "InfraAtlas.getView()"))
    labels = shown(qtbot, view)
    assert overlaps(labels) == [] and len(on_screen(labels)) > 20  # the largest cities
    try:
        run_js(qtbot, view, "InfraAtlas.setView(39.0, 116.0, 6.5)")
        labels = shown(qtbot, view)
        assert overlaps(labels) == []
        assert {"110100", "120100", "130100"} <= codes(labels)  # Beijing, Tianjin, Shijiazhuang
        assert len(on_screen(labels)) > 40
        assert_clear_of_obstacles(qtbot, view, labels)  # Shanxi's role marks are in view
    finally:
        run_js(qtbot, view, f"InfraAtlas.setView({start['lat']}, {start['lng']}, {start['zoom']})")


def test_every_shanxi_city_is_labelled(qtbot, pages):
    view = pages(qtbot, SHANXI, "city", "zh")
    labels = shown(qtbot, view)
    assert len(labels) == 11 and overlaps(labels) == []
    assert_clear_of_obstacles(qtbot, view, labels)


def test_a_very_long_name_is_cut_in_its_label(qtbot, pages):
    view = pages(qtbot, SHANXI, "city", "zh")
    cut = run_js(qtbot, view, "InfraAtlas.labelName({name_zh: '某'.repeat(60), name_en: ''})")
    assert cut == "某" * 23 + "…"
    assert run_js(qtbot, view, "InfraAtlas.labelName({name_zh: '太原市'})") == "太原市"


def test_labels_carry_their_region_area():
    """The page's label priority: each label's area in km² (approximately the region's own)."""
    area = {lab["adcode"]: lab["area"] for lab in region_labels(provinces().gdf)}
    assert area[HEBEI] == pytest.approx(188_800, rel=0.05)
    assert area["650000"] == pytest.approx(1_660_000, rel=0.05)  # Xinjiang
    assert 20 < area[MACAO] < 120 and area[HONG_KONG] > area[MACAO]
    assert area[HEBEI] > area[BEIJING] > area[TIANJIN]
