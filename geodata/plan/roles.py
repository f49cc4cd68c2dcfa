"""Cities' roles in a province's urban layout, from the roles files the seed manifest names.

Shanxi's is "one master, three assistants, six city-region centres" (see ``seeds/roles.yaml``).
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
        )
        roles[role.adcode] = role
    return roles


def role_of(adcode: str) -> CityRole | None:
    """Return the role of a city, or None for a city outside the layout."""
    return load_roles().get(adcode)
