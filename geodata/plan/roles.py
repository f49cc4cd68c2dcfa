"""Cities' roles in a province's urban layout, from the roles files the seed manifest names.

Shanxi's is "one master, three assistants, six city-region centres" (see ``seeds/roles.yaml``).
On a county map a role covers the counties its roles file lists for the city (the ``counties``
column: Shanxi's lists each city's districts, so the master is Taiyuan's six districts with
Jinzhong's Yuci and Taigu); the other counties have no role.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from geodata.plan.provinces import profiles

ROLE_ORDER = ("master", "assistant", "centre")


@dataclass(frozen=True)
class CityRole:
    """The role of one city in the provincial urban layout.

    Attributes
    ----------
    adcode, name_zh, name_en : str
        The city.
    role : str
        ``master``, ``assistant`` or ``centre``.
    rank : int
        1 for the master, 2 for the assistants, 3 for the city-region centres.
    role_zh, role_en : str
        The role as the plan names it (一主, three assistants...).
    confidence : str
        ``inferred`` when the plan names the layout but not the cities, ``stated`` when an
        official document lists them.
    source : str
        The document the layout is quoted from.
    note : str
        Why the city has this role.
    counties : tuple of str
        Adcodes of the counties the role covers on a county map (empty: none of them).
    """

    adcode: str
    name_zh: str
    name_en: str
    role: str
    rank: int
    role_zh: str
    role_en: str
    confidence: str
    source: str
    note: str
    counties: tuple[str, ...] = ()

    def label(self, language: str = "en") -> str:
        """Return the role's name in ``"zh"`` or ``"en"``."""
        return self.role_zh if language == "zh" else self.role_en


@lru_cache(maxsize=1)
def load_roles() -> dict[str, CityRole]:
    """Return the city roles of every province that has them, keyed by adcode."""
    rows = []
    for profile in profiles().values():
        if profile.roles is not None:
            with open(profile.roles, encoding="utf-8", newline="") as f:
                rows += list(csv.DictReader(f))
    roles = {}
    for row in rows:
        role = CityRole(
            adcode=row["adcode"],
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            role=row["role"],
            rank=int(row["rank"]),
            role_zh=row["role_zh"],
            role_en=row["role_en"],
            confidence=row["confidence"],
            source=row["source"],
            note=row["note"],
            counties=tuple(c.strip() for c in (row.get("counties") or "").split(";") if c.strip()),
        )
        roles[role.adcode] = role
    return roles


@lru_cache(maxsize=1)
def county_roles() -> dict[str, CityRole]:
    """Return the role each listed county takes from its city, keyed by county adcode."""
    return {county: role for role in load_roles().values() for county in role.counties}


def roles_for_level(level: str) -> dict[str, CityRole]:
    """Return the roles of the regions of a map at ``level``, keyed by adcode.

    Parameters
    ----------
    level : str
        ``"county"`` gives the counties' roles (:func:`county_roles`); any other level the
        cities' (a province map has none of their adcodes).
    """
    return county_roles() if level == "county" else load_roles()


def role_of(adcode: str) -> CityRole | None:
    """Return the role of a city or county, or None for a region outside the layout."""
    return load_roles().get(adcode) or county_roles().get(adcode)
