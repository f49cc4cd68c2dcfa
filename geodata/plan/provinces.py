"""What the seed data holds for each province: its extra layers and the map it opens on.

Read from the ``provinces`` section of ``seeds/manifest.yaml``, so that a province gains roles,
corridors or a default metric by a line of data, not by code. A province the manifest does not
list has a plain profile: no roles, no corridors, the plan-items map.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geodata.errors import InputError
from geodata.plan.manifest import manifest_section
from seeds import SEEDS_DIR

#: The metric a province without a profile opens on.
FALLBACK_METRIC = "plan_items"


@dataclass(frozen=True)
class ProvinceProfile:
    """The seed data of one province.

    Attributes
    ----------
    code : str
        The province's 6-digit adcode.
    slug : str
        Its short Latin name (``"shanxi"``), used in file names.
    roles : Path or None
        A CSV of the cities' roles in the urban layout (see ``seeds/roles.yaml``).
    corridors : Path or None
        A line file of corridors (schematic or surveyed).
    default_metric : str
        The metric the map shows first.
    """

    code: str
    slug: str = ""
    roles: Path | None = None
    corridors: Path | None = None
    default_metric: str = FALLBACK_METRIC

    @property
    def featured(self) -> bool:
        """Whether the seed data has plans for this province (it is listed in the manifest)."""
        return bool(self.slug)


def _seed_file(entry: dict, key: str) -> Path | None:
    name = entry.get(key)
    if not name:
        return None
    path = SEEDS_DIR / str(name)
    if not path.is_file():
        raise InputError(f"seeds/manifest.yaml names {key} file {name}, which is not in seeds/")
    return path


def _is_entries(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(e, dict) and "code" in e and "slug" in e for e in value
    )


def manifest_provinces() -> list[dict]:
    """Return the ``provinces`` entries of ``seeds/manifest.yaml``.

    They are kept as JSON (:mod:`geodata.plan.manifest`): the window starts without a YAML parser.

    Raises
    ------
    InputError
        When an entry lacks its code or slug.
    """
    try:
        return manifest_section("provinces", _is_entries)
    except InputError:
        raise InputError(
            "seeds/manifest.yaml: each entry of 'provinces' needs a code and a slug"
        ) from None


@lru_cache(maxsize=1)
def profiles() -> dict[str, ProvinceProfile]:
    """Return the profiles the manifest lists, keyed by adcode, in the manifest's order."""
    found = {}
    for entry in manifest_provinces():
        code = str(entry["code"])
        found[code] = ProvinceProfile(
            code=code,
            slug=str(entry["slug"]),
            roles=_seed_file(entry, "roles"),
            corridors=_seed_file(entry, "corridors"),
            default_metric=str(entry.get("default_metric") or FALLBACK_METRIC),
        )
    return found


def profile(code: str) -> ProvinceProfile:
    """Return the profile of a province (a plain one when the manifest does not list it)."""
    return profiles().get(code) or ProvinceProfile(code=code)


def featured() -> tuple[str, ...]:
    """Return the adcodes of the provinces the seed plans cover, in the manifest's order."""
    return tuple(profiles())


def with_roles() -> tuple[str, ...]:
    """Return the provinces that have a roles layer."""
    return tuple(code for code, p in profiles().items() if p.roles is not None)


def with_corridors() -> tuple[str, ...]:
    """Return the provinces that have corridors."""
    return tuple(code for code, p in profiles().items() if p.corridors is not None)
