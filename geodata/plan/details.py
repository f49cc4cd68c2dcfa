"""Everything the app shows about one region: role, targets, corridors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from geodata.plan.corridors import Crossing
from geodata.plan.roles import CityRole, role_of
from geodata.plan.targets import Target, province_wide
from geodata.regions.catalogue import national_index, region
from geodata.regions.names import PROVINCE_EN


@dataclass
class RegionDetails:
    """What the region panel and the region report show.

    Attributes
    ----------
    adcode, name_zh, name_en, level : str
        The region.
    province, province_zh, province_en : str
        Its province.
    role : CityRole or None
        Its role in the provincial urban layout (Shanxi's cities).
    scoped : list of Target
        Targets scoped to this region (city or corridor rows naming it).
    province_wide : list of Target
        Targets that apply to the whole province.
    crossings : list of Crossing
        Corridors crossing the region, with the length inside it.
    """

    adcode: str
    name_zh: str
    name_en: str
    level: str
    province: str
    province_zh: str
    province_en: str
    role: CityRole | None = None
    scoped: list[Target] = field(default_factory=list)
    province_wide: list[Target] = field(default_factory=list)
    crossings: list[Crossing] = field(default_factory=list)

    def name(self, language: str = "zh") -> str:
        """Return the region's name in ``"zh"`` or ``"en"``."""
        return self.name_zh if language == "zh" else (self.name_en or self.name_zh)


def region_details(
    adcode: str,
    targets: Iterable[Target],
    crossings: Iterable[Crossing] = (),
    name_zh: str | None = None,
) -> RegionDetails:
    """Collect the details of one region.

    Parameters
    ----------
    adcode : str
        The region (a province, city or county adcode).
    targets : iterable of Target
        All loaded targets (bundled and imported).
    crossings : iterable of Crossing
        Corridor crossings of the current layer
        (see :func:`geodata.plan.corridors.corridor_crossings`).
    name_zh : str, optional
        The name the current layer gives the region (a user file may differ from the catalogue).

    Returns
    -------
    RegionDetails
    """
    targets = list(targets)
    known = region(adcode)
    province = adcode[:2] + "0000"
    province_region = national_index("province").by_code.get(province)
    is_province = adcode == province
    scoped = [
        t for t in targets if adcode in t.regions and not (is_province and t.scope == "province")
    ]
    return RegionDetails(
        adcode=adcode,
        name_zh=name_zh or (known.name_zh if known else adcode),
        name_en=known.name_en if known else "",
        level=known.level if known else "",
        province=province,
        province_zh=province_region.name_zh if province_region else province,
        province_en=PROVINCE_EN.get(province, province),
        role=role_of(adcode),
        scoped=scoped,
        province_wide=province_wide(targets, province),
        crossings=[c for c in crossings if c.adcode == adcode],
    )
