"""Neighbouring countries' land in national figures: the inset, the main map, not provinces."""

import numpy as np
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from geodata.fonts import register_matplotlib_font
from geodata.printing.geometry import projector, province_crs
from geodata.printing.national import INSET_BOUNDS, draw_south_china_sea
from geodata.printing.neighbours import NEIGHBOUR_ZORDER, neighbour_land
from geodata.printing.output import save_figure
from geodata.vocab import NATIONAL

LUZON = (121.0, 16.0)
BORNEO_NORTH_COAST = (116.3, 5.8)  # Sabah, inland of Kota Kinabalu
HANOI = (105.85, 21.03)
GUANGZHOU = (113.26, 23.13)
ULAANBAATAR = (106.9, 47.9)
BEIJING = (116.4, 39.9)


def _by_gid(ax, gid):
    return [a for a in ax.get_children() if a.get_gid() == gid]


def _drawn_land(patch):
    """The patch's rings as shapely polygons (map coordinates)."""
    rings = patch.get_path().to_polygons(closed_only=True)
    return np.array([shapely.Polygon(ring) for ring in rings if len(ring) >= 4], dtype=object)


def _covered(patch, project, lnglat):
    point = shapely.points(project(np.array([lnglat], dtype=float)))[0]
    return bool(shapely.contains(_drawn_land(patch), point).any())


def _inset(data):
    register_matplotlib_font()
    fig = Figure(figsize=(50 / 25.4, 70 / 25.4), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.03, 0.03, 0.94, 0.94))
    draw_south_china_sea(ax, data.context(), "zh")
    return fig, ax


def test_neighbour_land_is_read_once_and_clipped_to_the_bounds():
    land = neighbour_land((115.0, 4.0, 122.0, 19.0))
    assert len(land) > 50
    minx, miny, maxx, maxy = shapely.total_bounds(land)
    assert 115.0 <= minx and maxx <= 122.0 and 4.0 <= miny and maxy <= 19.0
    assert shapely.contains(shapely.union_all(land), shapely.points([LUZON])).all()
    land[0] = None  # a copy: the cache is not changed
    assert neighbour_land((115.0, 4.0, 122.0, 19.0))[0] is not None
    assert len(neighbour_land((-80.0, 10.0, -70.0, 20.0))) == 0  # no neighbour of China there


def test_inset_draws_the_neighbours_under_china_and_the_line(data, tmp_path):
    fig, ax = _inset(data)
    (patch,) = _by_gid(ax, "neighbours")
    (land,) = _by_gid(ax, "inset-land")
    (line,) = [c for c in ax.collections if c.get_gid() == "maritime-boundary"]
    assert patch.get_zorder() == NEIGHBOUR_ZORDER < land.get_zorder() < line.get_zorder()
    project = projector(province_crs(INSET_BOUNDS))
    for place in (LUZON, BORNEO_NORTH_COAST, HANOI):
        assert _covered(patch, project, place), place
    assert not _covered(patch, project, GUANGZHOU)
    fig.savefig(tmp_path / "inset.png", dpi=300)
    with Image.open(tmp_path / "inset.png") as image:
        grey = np.asarray(image.convert("L"))
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    box = ax.get_window_extent()
    x, y = project(np.array([LUZON]))[0]
    px = int((box.x0 + (x - x0) / (x1 - x0) * box.width) * 3)
    py = grey.shape[0] - int((box.y0 + (y - y0) / (y1 - y0) * box.height) * 3)
    assert abs(int(np.median(grey[py - 3 : py + 4, px - 3 : px + 4])) - 240) <= 4  # pale grey


def test_national_figure_draws_neighbours_under_the_regions(data, tmp_path):
    fig = data.figure(NATIONAL, "province")
    ax = fig.axes[0]
    (patch,) = _by_gid(ax, "neighbours")
    regions = [a for a in ax.get_children() if str(a.get_gid()).startswith("region-")]
    assert len(regions) == 34
    assert patch.get_zorder() < min(r.get_zorder() for r in regions)
    project = projector(fig.atlas["crs"])
    assert _covered(patch, project, ULAANBAATAR)
    assert not _covered(patch, project, BEIJING)
    save_figure(fig, tmp_path / "china.pdf")
    assert (tmp_path / "china.pdf").stat().st_size > 10_000


def test_province_figures_draw_no_neighbours(data):
    fig = data.figure("140000", "city")
    assert all(not _by_gid(ax, "neighbours") for ax in fig.axes)


def test_a_country_is_parsed_once_per_data_home_then_read_from_its_cache(monkeypatch):
    import shapely

    from geodata.printing import neighbours

    neighbours._country.cache_clear()
    path = neighbours._cache_path("BRN")
    path.unlink(missing_ok=True)
    parsed = neighbours._country("BRN")
    assert path.is_file() and len(parsed) > 0

    def no_parsing(iso):
        raise AssertionError(f"{iso} parsed again")

    neighbours._country.cache_clear()
    monkeypatch.setattr(neighbours, "_read_country", no_parsing)
    cached = neighbours._country("BRN")  # a new process would do the same: read the file
    assert shapely.equals_exact(cached, parsed, tolerance=0).all()
    path.write_bytes(b"garbage")  # a damaged cache is parsed again, never an error
    neighbours._country.cache_clear()
    monkeypatch.undo()
    assert shapely.equals_exact(neighbours._country("BRN"), parsed, tolerance=0).all()
    neighbours._country.cache_clear()
