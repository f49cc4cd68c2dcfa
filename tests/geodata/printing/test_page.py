"""The printed page: paper sizes in pixels, text widths and wrapping."""

import pytest

from geodata.printing.page import page_inches, text_width, wrap_text


@pytest.mark.parametrize(
    ("page", "orientation", "dpi", "size"),
    [
        ("A4", "landscape", 300, (3508, 2480)),
        ("A4", "portrait", 300, (2480, 3508)),
        ("A3", "landscape", 150, (2480, 1754)),
    ],
)
def test_page_size_in_pixels(page, orientation, dpi, size):
    w, h = page_inches(page, orientation, dpi)
    assert (round(w * dpi), round(h * dpi)) == size
    assert (int(w * dpi + 1e-6), int(h * dpi + 1e-6)) == size  # what Agg allocates


def test_wrap_text_wraps_chinese_by_character_and_english_by_word():
    zh = "山西省“十四五”新型基础设施建设规划提出，建成5G基站12万个，打造5G无线宽带城市。" * 3
    lines = wrap_text(zh, 120, 9)
    assert len(lines) > 3 and "".join(lines) == zh
    assert all(text_width(line, 9) <= 120 for line in lines)
    assert not any(line.startswith(("，", "。")) for line in lines)
    en = "The plan proposes 19 key tasks, including the construction of information networks."
    lines = wrap_text(en, 100, 9)
    assert " ".join(lines) == en
    assert all(text_width(line, 9) <= 100 for line in lines)


def test_print_geometry_handles_overlapping_regions():
    """Overlapping, non-noded regions (a user's file) simplify and union without GEOS errors."""
    import numpy as np
    import shapely

    from geodata.printing.geometry import outline, simplified

    dense = shapely.Point(0, 0).buffer(1.0, quad_segs=5000)  # 20,000 vertices
    regions = np.array([dense, shapely.box(0.5, -0.5, 2.0, 0.5), shapely.box(1.0, -2.0, 3.0, 0.0)])
    assert not shapely.coverage_is_valid(regions)
    simple = simplified(regions, 0.01)
    assert shapely.is_valid(simple).all()
    assert shapely.get_num_coordinates(simple[0]) < 2000
    union = outline(simple)
    assert union.is_valid
    assert union.area == pytest.approx(shapely.union_all(regions).area, rel=0.01)


def test_type_scale_meets_the_print_minimums_and_a3_scales_everything():
    from dataclasses import fields

    from geodata.printing.page import A3_FACTOR, type_scale

    a4, a3 = type_scale("A4"), type_scale("A3")
    assert a4.factor == 1.0 and a3.factor == pytest.approx(420 / 297)
    assert min(a4.title_min, a4.subtitle, a4.legend, a4.legend_title) >= 9
    assert a4.note >= 7 and min(a4.label, a4.small_label) >= 6.5
    assert min(a4.furniture, a4.north) >= 7
    for f in fields(a4):
        assert getattr(a3, f.name) == pytest.approx(getattr(a4, f.name) * A3_FACTOR)
    assert a3.line(0.5) == pytest.approx(0.5 * A3_FACTOR) and a3.mm(10) > 14


@pytest.mark.parametrize("page", ["A4", "A3"])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_map_box_spans_the_page_between_header_and_notes(page, orientation):
    from geodata.printing.page import figure_layout

    layout = figure_layout(page, orientation, note_lines=4)
    margin = layout.margin_mm
    x0, y0, x1, y1 = layout.map_rect
    assert x0 == pytest.approx(margin) and x1 == pytest.approx(layout.width_mm - margin)
    note_x, note_y, note_w, note_h = layout.note
    assert note_y * layout.height_mm == pytest.approx(margin)  # the notes sit on the margin
    assert (note_y + note_h) * layout.height_mm < y0  # under the map
    assert y1 < layout.top * layout.height_mm - 10  # the title and subtitle above it
    assert (y1 - y0) > 0.7 * layout.height_mm
    longer = figure_layout(page, orientation, note_lines=8)
    assert longer.map_rect[1] > y0 and longer.map_rect[3] == pytest.approx(y1)


def test_a_very_long_region_name_is_cut_in_labels():
    from geodata.drawing import LABEL_CHARS, label_text

    long = "某" * 60
    assert label_text(long) == "某" * (LABEL_CHARS - 1) + "…"
    assert label_text("太原市") == "太原市"
