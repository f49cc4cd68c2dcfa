"""Compact, multi-level region geometry for the web map.

The page never receives raw GeoJSON coordinates of a region layer. Each level of detail is
simplified as a coverage (``shapely.coverage_simplify``, or border by border for a big layer:
shared borders are simplified once, so neighbours never gap or overlap), quantised, and
written as delta-encoded polyline strings (the encoding of Google's polyline format: about 3
to 5 bytes a vertex instead of about 20).

Levels are tied to web-map zoom levels: the level for zoom ``z`` stays within one screen pixel
of the source at zoom ``z`` (:func:`pixel_degrees`). The level that suits the layer's first
view is embedded in the map document; finer ones are JavaScript files beside it that the page
loads when the user zooms in (``InfraAtlas.addLevel``). Levels are cached on disk by the
content hash of the layer's geometry, so a layer is simplified once per boundary version; a
damaged cached level (empty, cut short, garbage, of another shape, a folder) is made again.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.paths import cache_dir
from geodata.statefiles import expect, read_cache_json, write_cache_text

if TYPE_CHECKING:
    import numpy as np

#: Zoom levels with their own level of detail; level ``i`` is drawn up to zoom ``LOD_ZOOMS[i]``.
LOD_ZOOMS: tuple[int, ...] = (4, 6, 8, 10, 12)
#: Simplification tolerance as a share of a pixel. ``coverage_simplify`` (Visvalingam-Whyatt)
#: can move a border up to about 3.3 times its tolerance (measured on the county layers), so a
#: quarter of a pixel keeps every border within one pixel.
TOLERANCE_SHARE = 0.25
#: Layers with more vertices are simplified border by border (:mod:`geodata.web.edgesimplify`):
#: several times quicker on a national county layer than ``coverage_simplify``.
EDGE_VERTICES = 1_000_000
#: Their tolerance as a share of a pixel: Douglas-Peucker keeps every border within its
#: tolerance, and the quantisation (:func:`level_scale`) adds at most 1/20 pixel, so a level stays
#: within half a pixel at its zoom, and within one a zoom further (:meth:`embedded_index`).
EDGE_TOLERANCE_SHARE = 0.45
#: Layers with fewer vertices compute every level at once; bigger ones compute the finer levels
#: after the first view is on screen (:meth:`GeometryLevels.complete`).
EAGER_VERTICES = 400_000
_GEOMETRY_VERSION = "1"


def pixel_degrees(zoom: float, max_abs_lat: float) -> float:
    """Return the size of one screen pixel in degrees at ``zoom`` (Web Mercator, 256-px tiles).

    A pixel spans ``360 / (256 * 2**zoom)`` degrees of longitude everywhere, and that times
    ``cos(latitude)`` degrees of latitude; the smaller (at the layer's most poleward latitude)
    is returned so that a distance in degrees below it is below one pixel in both directions.
    """
    lat = min(abs(max_abs_lat), 85.0)
    return 360.0 / (256.0 * 2.0**zoom) * math.cos(math.radians(lat))


def level_tolerance(zoom: int, max_abs_lat: float) -> float:
    """Return the simplification tolerance (degrees) of the level drawn up to ``zoom``."""
    return pixel_degrees(zoom, max_abs_lat) * TOLERANCE_SHARE


def level_scale(zoom: int, max_abs_lat: float) -> int:
    """Return the quantisation scale (units per degree) of a level: its error is 1/20 pixel."""
    step = pixel_degrees(zoom, max_abs_lat) / 20.0
    return int(10 ** min(6, max(2, math.ceil(-math.log10(step)))))


def fit_zoom(
    bounds: tuple[float, float, float, float], width: int = 900, height: int = 650
) -> float:
    """Return the zoom at which ``(minx, miny, maxx, maxy)`` fits a ``width`` x ``height`` view."""
    minx, miny, maxx, maxy = bounds

    def merc_y(lat: float) -> float:
        lat = max(min(lat, 85.0), -85.0)
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    span_x = max(maxx - minx, 1e-9) / 360.0
    span_y = max(merc_y(maxy) - merc_y(miny), 1e-9) / (2 * math.pi)
    return math.log2(min(width / (256 * span_x), height / (256 * span_y)))


def level_for_zoom(zoom: float, zooms: tuple[int, ...] = LOD_ZOOMS) -> int:
    """Return the index of the level drawn at ``zoom`` (the last level beyond its zoom)."""
    z = math.ceil(zoom - 1e-9)
    for i, level_zoom in enumerate(zooms):
        if z <= level_zoom:
            return i
    return len(zooms) - 1


# ------------------------------------------------------------------------------ encoding
#: Vertices encoded at once: bounds the temporary arrays of a big layer (about 60 bytes a
#: vertex, so some 30 MB), whatever its size.
ENCODE_BLOCK_VERTICES = 500_000


def encode_geometries(geoms: np.ndarray, scale: int) -> list[list[list[str]]]:
    """Encode polygons as ``[polygon][ring]`` polyline strings of ``[lat, lng]`` deltas.

    Features are encoded in blocks of about :data:`ENCODE_BLOCK_VERTICES` vertices, so the
    memory it takes does not grow with the layer.

    Parameters
    ----------
    geoms : numpy.ndarray of shapely geometries
        Polygons or multipolygons (other parts are dropped; None or empty gives ``[]``).
    scale : int
        Units per degree (``10**5`` is about 1 m).

    Returns
    -------
    list
        For each geometry, its polygons; for each polygon, its rings (exterior first).
    """
    import numpy as np
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    out: list[list[list[str]]] = [[] for _ in range(len(geoms))]
    counts = shapely.get_num_coordinates(geoms)
    start = 0
    while start < len(geoms):
        stop = start + 1
        total = int(counts[start])
        while stop < len(geoms) and total + int(counts[stop]) <= ENCODE_BLOCK_VERTICES:
            total += int(counts[stop])
            stop += 1
        _encode_block(geoms, start, stop, scale, out)
        start = stop
    return out


def _encode_block(
    geoms: np.ndarray, start: int, stop: int, scale: int, out: list[list[list[str]]]
) -> None:
    """Encode the features ``start:stop`` into ``out`` (see :func:`encode_geometries`)."""
    import numpy as np
    import shapely

    ring_geoms: list[Any] = []
    owners: list[tuple[int, int]] = []  # (feature, polygon) of each ring
    for i in range(start, stop):
        geom = geoms[i]
        if geom is None or shapely.is_empty(geom):
            continue
        for j, poly in enumerate(shapely.get_parts(geom)):
            if shapely.get_type_id(poly) != 3:  # keep polygons only
                continue
            ring_geoms.append(shapely.get_exterior_ring(poly))
            owners.append((i, j))
            for k in range(shapely.get_num_interior_rings(poly)):
                ring_geoms.append(shapely.get_interior_ring(poly, k))
                owners.append((i, j))
    if not ring_geoms:
        return
    coords, ring_index = shapely.get_coordinates(np.asarray(ring_geoms), return_index=True)
    del ring_geoms
    starts = np.flatnonzero(np.r_[True, ring_index[1:] != ring_index[:-1]])
    text, chars = _polyline_text(coords, starts, scale)
    ring_chars = np.add.reduceat(chars.reshape(-1, 2).sum(axis=1), starts)
    offsets = np.r_[0, np.cumsum(ring_chars)]
    polygon_of: dict[tuple[int, int], list[str]] = {}
    for r, (i, j) in enumerate(owners):
        ring = text[offsets[r] : offsets[r + 1]]
        if (i, j) not in polygon_of:
            polygon_of[(i, j)] = []
            out[i].append(polygon_of[(i, j)])
        polygon_of[(i, j)].append(ring)


def _polyline_text(coords: np.ndarray, starts: np.ndarray, scale: int) -> tuple[str, np.ndarray]:
    """Return the polyline characters of rings of ``(lng, lat)`` coordinates, one string.

    ``starts`` are the first vertex of each ring (a ring starts from absolute values, the rest
    are deltas). Also returns the number of characters of each value (two a vertex).
    """
    import numpy as np

    q = np.round(coords[:, ::-1] * scale).astype(np.int64)  # [lat, lng] as integers
    delta = q.copy()
    delta[1:] -= q[:-1]
    delta[starts] = q[starts]  # every ring starts from absolute values
    del q
    values = delta.reshape(-1)
    zig = np.where(values < 0, ~(values << 1), values << 1).astype(np.uint64)
    del delta, values
    # bits of each value (exact below 2**53, far beyond any coordinate at scale 10**6)
    bits = np.frexp(zig.astype(np.float64))[1]
    nchunks = np.maximum(1, (bits + 4) // 5).astype(np.uint8)
    del bits
    width = int(nchunks.max())
    # one row of ``width`` characters a value: chunk k is its 5 bits from 5 * k, with the
    # continuation bit while more chunks follow; the rows' used part, read in order, is the text
    table = np.empty((len(zig), width), dtype=np.uint8)
    for k in range(width):
        chunk = ((zig >> np.uint64(5 * k)) & np.uint64(31)).astype(np.uint8)
        table[:, k] = chunk + np.where(nchunks > k + 1, 32 + 63, 63).astype(np.uint8)
    used = np.arange(width, dtype=np.uint8)[None, :] < nchunks[:, None]
    return table[used].tobytes().decode("ascii"), nchunks.astype(np.int64)


def decode_ring(text: str, scale: int) -> list[tuple[float, float]]:
    """Decode one polyline ring into ``(lng, lat)`` pairs (the page does the same in JS)."""
    values: list[int] = []
    i = 0
    while i < len(text):
        result = shift = 0
        while True:
            b = ord(text[i]) - 63
            i += 1
            result |= (b & 31) << shift
            shift += 5
            if b < 32:
                break
        values.append(~(result >> 1) if result & 1 else result >> 1)
    lat = lng = 0
    points = []
    for k in range(0, len(values), 2):
        lat += values[k]
        lng += values[k + 1]
        points.append((lng / scale, lat / scale))
    return points


def decode_geometry(polygons: list[list[str]], scale: int) -> Any:
    """Decode what :func:`encode_geometries` wrote for one feature into a shapely geometry."""
    import shapely

    parts = []
    for rings in polygons:
        coords = [decode_ring(r, scale) for r in rings]
        parts.append(shapely.Polygon(coords[0], coords[1:]))
    return shapely.MultiPolygon(parts) if parts else shapely.MultiPolygon()


# ------------------------------------------------------------------------------ levels
def simplify_level(geoms: np.ndarray, zoom: int, max_abs_lat: float) -> np.ndarray:
    """Return the geometry of the level drawn up to ``zoom``, simplified as one coverage.

    A layer of more than :data:`EDGE_VERTICES` vertices is simplified border by border
    (:func:`~geodata.web.edgesimplify.simplify_coverage_edges`, within half a pixel), a
    smaller one with ``shapely.coverage_simplify``. Features that are not polygons are
    returned as they are.
    """
    import numpy as np
    import shapely

    from geodata.web.edgesimplify import simplify_coverage_edges

    geoms = np.asarray(geoms)
    out = geoms.copy()
    ok = np.isin(shapely.get_type_id(geoms), (3, 6))  # the coverage
    polygons = geoms[ok]
    if border_by_border(int(shapely.get_num_coordinates(polygons).sum())):
        tolerance = pixel_degrees(zoom, max_abs_lat) * EDGE_TOLERANCE_SHARE
        out[ok] = simplify_coverage_edges(polygons, tolerance)
    else:
        out[ok] = shapely.coverage_simplify(polygons, level_tolerance(zoom, max_abs_lat))
    return out


def border_by_border(vertices: int) -> bool:
    """Return whether a layer of ``vertices`` vertices is simplified border by border."""
    return vertices > EDGE_VERTICES


def geometry_hash(geoms: np.ndarray) -> str:
    """Return a content hash of a layer's geometry (what the level cache is keyed by).

    The hash of an array met before is remembered while the array lives; an array holding the
    very same geometries (shapely geometries never change) has that hash too: the page, its
    levels and their completion each ask for it, often through another frame's copy of the
    geometry column, and a national county layer takes a third of a second to hash.
    """
    import numpy as np

    geoms = np.asarray(geoms)
    key = _remembered_hash(geoms)
    if key is None:
        key = _hash_wkb(geoms)
        if geoms.dtype == object and geoms.ndim == 1:
            _remember_hash(geoms, key)
    return key


def _remembered_hash(geoms: np.ndarray) -> str | None:
    """Return the hash of a living remembered array holding the same geometries, or None."""
    for array, items, key in list(_HASHES.values()):
        if array() is not None and len(items) == len(geoms) and all(map(_same, items, geoms)):
            return key
    return None


def _same(a: object, b: object) -> bool:
    return a is b


def _hash_wkb(geoms: np.ndarray) -> str:
    """Hash the WKB of the geometries, a block at a time (no copy of the whole layer)."""
    import shapely

    digest = hashlib.sha256(_GEOMETRY_VERSION.encode())
    for start in range(0, len(geoms), 256):
        for wkb in shapely.to_wkb(geoms[start : start + 256], output_dimension=2):
            digest.update(wkb if wkb is not None else b"-")
    return digest.hexdigest()[:24]


#: The hashes of arrays met: id -> (weak reference to the array, its items, the hash).
_HASHES: dict[int, tuple[Any, tuple, str]] = {}


def _remember_hash(geoms: np.ndarray, key: str) -> None:
    """Remember an array's hash until the array is freed."""
    import weakref

    ident = id(geoms)

    def forget(ref: Any) -> None:
        if _HASHES.get(ident, (None,))[0] is ref:
            del _HASHES[ident]

    try:
        ref = weakref.ref(geoms, forget)
    except TypeError:
        return
    _HASHES[ident] = (ref, tuple(geoms), key)


#: Levels being computed by :meth:`GeometryLevels.prefetch`, by (cache folder, index).
_INFLIGHT: dict = {}
_INFLIGHT_LOCK = threading.Lock()


@dataclass
class Level:
    """One level of detail: drawn up to ``zoom``, coordinates as integers of ``1 / scale``."""

    index: int
    zoom: int
    scale: int
    features: list[list[list[str]]]

    def to_page(self) -> dict:
        """Return the level as the page takes it."""
        return {"index": self.index, "zoom": self.zoom, "scale": self.scale}


class GeometryLevels:
    """The levels of detail of one layer's geometry, cached on disk by content hash.

    Parameters
    ----------
    geoms : numpy.ndarray of shapely geometries
        The layer's geometry in WGS-84 degrees, in feature order.
    root : Path, optional
        Cache directory (default ``<data home>/cache/geometry``).
    zooms : tuple of int
        Zoom of each level.
    """

    def __init__(
        self, geoms: np.ndarray, root: Path | None = None, zooms: tuple[int, ...] = LOD_ZOOMS
    ) -> None:
        import numpy as np
        import shapely

        self.geoms = np.asarray(geoms)
        self.zooms = zooms
        self.key = geometry_hash(self.geoms)
        self.dir = (Path(root) if root is not None else cache_dir() / "geometry") / self.key
        bounds = shapely.total_bounds(self.geoms)
        self.bounds = tuple(float(v) for v in bounds)
        self.max_abs_lat = max(abs(self.bounds[1]), abs(self.bounds[3]))
        self.vertices = int(shapely.get_num_coordinates(self.geoms).sum())

    def embedded_index(self, width: int = 900, height: int = 650) -> int:
        """Return the level that suits the layer's first (fitted) view, with a zoom to spare.

        A big layer's levels (simplified border by border within half a pixel) stay within one
        pixel a zoom beyond their own: the level of the fitted zoom has that zoom to spare.
        """
        if not all(math.isfinite(v) for v in self.bounds):
            return 0
        spare = 0 if border_by_border(self.vertices) else 1
        return level_for_zoom(fit_zoom(self.bounds, width, height) + spare, self.zooms)

    def _json_path(self, index: int) -> Path:
        return self.dir / f"level-{self.zooms[index]}.json"

    def script_path(self, index: int) -> Path:
        """Return the JavaScript file of a finer level (loaded by the page on zoom)."""
        return self.dir / f"level-{self.zooms[index]}.js"

    def prefetch(self, index: int) -> None:
        """Start computing a level in a background thread (``level()`` then waits for it)."""
        import threading
        from concurrent.futures import Future

        with _INFLIGHT_LOCK:
            if (self.dir, index) in _INFLIGHT or self._json_path(index).is_file():
                return
            future: Future = Future()
            _INFLIGHT[(self.dir, index)] = future

        def run() -> None:
            try:
                future.set_result(self._compute(index))
            except BaseException as exc:  # handed to the caller of level()
                future.set_exception(exc)
            finally:
                with _INFLIGHT_LOCK:
                    _INFLIGHT.pop((self.dir, index), None)

        threading.Thread(target=run, name="level-of-detail", daemon=True).start()

    def level(self, index: int) -> Level:
        """Return a level, computing and caching it when needed."""
        with _INFLIGHT_LOCK:
            future = _INFLIGHT.get((self.dir, index))
        if future is not None:
            return future.result()
        return self._compute(index)

    def _compute(self, index: int) -> Level:
        zoom = self.zooms[index]
        path = self._json_path(index)
        cached = read_cache_json(path, self._check_level)  # a damaged entry is deleted
        if cached is None and _install_shipped(path):  # a new data home: the shipped level
            cached = read_cache_json(path, self._check_level)
        if cached is not None:
            return Level(index, zoom, cached["scale"], cached["features"])
        scale = level_scale(zoom, self.max_abs_lat)
        simple = simplify_level(self.geoms, zoom, self.max_abs_lat)
        level = Level(index, zoom, scale, encode_geometries(simple, scale))
        del simple
        write_cache_text(path, json.dumps({"scale": scale, "features": level.features}))
        release_memory()  # what simplifying left in the thread's malloc arena
        return level

    def _check_level(self, value: Any) -> dict:
        """Return a cached level if it has the shape of one of this layer's; raise otherwise."""
        data = expect(value, dict, "the level")
        if expect(data["scale"], int, "the scale") <= 0:
            raise ValueError("the scale is not positive")
        features = expect(data["features"], list, "the features")
        if len(features) != len(self.geoms):
            raise ValueError("another number of features")
        for polygons in features:
            for rings in expect(polygons, list, "a feature"):
                if not all(isinstance(r, str) for r in expect(rings, list, "a polygon")):
                    raise TypeError("a ring is not a string")
        return data

    def write_script(self, index: int) -> Path:
        """Write (once) the script of a finer level that calls ``InfraAtlas.addLevel``.

        A damaged script (not ending as written) is written again.
        """
        path = self.script_path(index)
        if not _whole_script(path) and not (_install_shipped(path) and _whole_script(path)):
            level = self.level(index)
            payload = json.dumps(
                {"index": index, "scale": level.scale, "features": level.features},
                separators=(",", ":"),
            )
            write_cache_text(path, f"InfraAtlas.addLevel({payload});\n")
        return path

    def finer_indices(self, embedded: int) -> list[int]:
        """Return the indices of the levels finer than ``embedded``."""
        return list(range(embedded + 1, len(self.zooms)))

    def complete(self, embedded: int) -> list[Path]:
        """Compute and write every finer level (run it off the GUI thread for big layers).

        One level at a time, each freed (and its memory handed back) before the next: a
        national county layer's finest level alone holds about as many vertices as the layer,
        and this runs while the page shows the map, whose memory counts too.
        """
        written = []
        for index in self.finer_indices(embedded):
            written.append(self.write_script(index))
            release_memory()
        return written

    def page_lod(self, embedded: int) -> dict:
        """Return the page's description of the levels (zooms and script URLs)."""
        return {
            "zooms": list(self.zooms),
            "embedded": embedded,
            "scripts": {str(i): self.script_path(i).as_uri() for i in self.finer_indices(embedded)},
        }


def release_memory() -> None:
    """Hand the memory freed so far back to the system (glibc keeps it otherwise).

    Simplifying a big layer in a worker thread leaves hundreds of MB free but held in the
    thread's malloc arena, which count as the process's memory until the process ends. Only
    where the C library is glibc; elsewhere it does nothing.
    """
    import ctypes

    global _LIBC
    if _LIBC is None:  # the C library the process runs on (no search: that forks a program)
        try:
            _LIBC = getattr(ctypes.CDLL(None), "malloc_trim", False)
        except (OSError, TypeError):
            _LIBC = False
    if _LIBC:
        _LIBC(0)


_LIBC: Any = None


def _install_shipped(path: Path) -> bool:
    """Install the shipped file of a level in the data home's cache (:mod:`geodata.prebuilt`)."""
    from geodata import prebuilt

    relative = prebuilt.relative_to_cache(path)
    return relative is not None and prebuilt.install(relative)


def _whole_script(path: Path) -> bool:
    """Return whether a level script is a file that ends as :meth:`write_script` ends it."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 8))
            return size > 40 and f.read().endswith(b"});\n")
    except OSError:
        return False
