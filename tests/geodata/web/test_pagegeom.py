"""Levels of detail of the page geometry: fidelity (one pixel), no gaps, compact encoding."""

import numpy as np
import shapely

from geodata.web import levels as pagegeom
from geodata.web.levels import (
    LOD_ZOOMS,
    GeometryLevels,
    decode_geometry,
    encode_geometries,
    level_for_zoom,
    pixel_degrees,
)


def _decoded(level):
    return np.array([decode_geometry(f, level.scale) for f in level.features])


def test_encoding_round_trips_polygons_with_holes_and_parts():
    square = shapely.Polygon(
        [(110, 35), (111, 35), (111, 36), (110, 36)],
        [[(110.2, 35.2), (110.4, 35.2), (110.4, 35.4), (110.2, 35.4)]],
    )
    island = shapely.Polygon([(112.5, 34.1), (112.6, 34.1), (112.6, 34.2)])
    geoms = np.array([shapely.MultiPolygon([square, island]), None, shapely.Polygon()])
    encoded = encode_geometries(geoms, 100_000)
    assert [len(f) for f in encoded] == [2, 0, 0]
    assert len(encoded[0][0]) == 2  # exterior and hole
    back = decode_geometry(encoded[0], 100_000)
    assert shapely.equals_exact(back, shapely.MultiPolygon([square, island]), tolerance=1e-5)
    # about 3 to 5 characters a vertex, against about 20 in GeoJSON
    text = "".join(r for p in encoded[0] for r in p)
    assert len(text) < 8 * shapely.get_num_coordinates(geoms[0])


def test_every_level_stays_within_one_pixel_of_the_source_and_has_no_gaps(
    shanxi_counties, tmp_path
):
    levels = GeometryLevels(shanxi_counties, root=tmp_path)
    source_vertices = shapely.get_num_coordinates(shanxi_counties).sum()
    previous = 0
    for index, zoom in enumerate(LOD_ZOOMS):
        level = levels.level(index)
        decoded = _decoded(level)
        pixel = pixel_degrees(zoom, levels.max_abs_lat)
        worst = shapely.hausdorff_distance(shanxi_counties, decoded).max()
        assert worst <= pixel, f"zoom {zoom}: a border is {worst / pixel:.2f} px off"
        assert shapely.coverage_is_valid(decoded), f"zoom {zoom}: gaps or overlaps"
        vertices = shapely.get_num_coordinates(decoded).sum()
        assert previous <= vertices <= source_vertices  # finer levels keep more
        previous = vertices
    # the coarsest level is much smaller than the source
    assert shapely.get_num_coordinates(_decoded(levels.level(0))).sum() < source_vertices / 5


def test_big_layers_are_simplified_border_by_border_within_half_a_pixel(
    shanxi_counties, monkeypatch
):
    monkeypatch.setattr(pagegeom, "EDGE_VERTICES", 10_000)  # take the big layers' path
    zoom = 8
    split = pagegeom.simplify_level(shanxi_counties, zoom, 41.0)
    assert (shapely.get_type_id(split) == 6).all()  # made by edgesimplify: multipolygons
    pixel = pixel_degrees(zoom, 41.0)
    assert shapely.hausdorff_distance(shanxi_counties, split).max() <= pixel / 2 * 1.0001
    assert (
        shapely.get_num_coordinates(split).sum()
        < shapely.get_num_coordinates(shanxi_counties).sum()
    )
    # that neighbours keep the same points of their common border: test_edgesimplify.py


def test_levels_are_cached_on_disk_by_content(shanxi_counties, tmp_path):
    first = GeometryLevels(shanxi_counties, root=tmp_path)
    first.level(0)
    again = GeometryLevels(shanxi_counties.copy(), root=tmp_path)
    assert again.key == first.key and (again.dir / "level-4.json").is_file()
    changed = shanxi_counties.copy()
    changed[0] = shapely.buffer(changed[0], 0.01)
    assert GeometryLevels(changed, root=tmp_path).key != first.key
    scripts = first.complete(first.embedded_index())
    assert scripts and all(p.read_text().startswith("InfraAtlas.addLevel(") for p in scripts)


def test_the_level_drawn_follows_the_zoom():
    assert level_for_zoom(3) == 0 and level_for_zoom(4) == 0
    assert level_for_zoom(4.25) == 1  # a fractional zoom needs the finer level
    assert level_for_zoom(12) == len(LOD_ZOOMS) - 1
    assert level_for_zoom(18) == len(LOD_ZOOMS) - 1
    # one pixel at zoom 12 near 41 N is under 30 m
    assert pixel_degrees(12, 41.0) * 111_000 < 30


def test_a_big_layer_embeds_the_level_of_its_fitted_zoom(shanxi_counties, monkeypatch, tmp_path):
    """Its levels stay within half a pixel at their zoom, so within one a zoom further."""
    small = GeometryLevels(shanxi_counties, root=tmp_path)
    monkeypatch.setattr(pagegeom, "EDGE_VERTICES", 10_000)
    big = GeometryLevels(shanxi_counties, root=tmp_path)
    fitted = pagegeom.fit_zoom(big.bounds)
    assert small.embedded_index() == pagegeom.level_for_zoom(fitted + 1)  # a zoom to spare
    index = big.embedded_index()
    assert index == pagegeom.level_for_zoom(fitted)
    decoded = _decoded(big.level(index))
    beyond = pixel_degrees(LOD_ZOOMS[index] + 1, big.max_abs_lat)
    assert shapely.hausdorff_distance(shanxi_counties, decoded).max() <= beyond
