"""Join plan targets to a region layer and report what matched and what did not."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from geodata.layer import Layer
from geodata.plan.corridors import Crossing, corridor_crossings
from geodata.plan.targets import Target
from geodata.regions.catalogue import national_index

#: Which target scopes join to which layer level.
SCOPE_LEVEL = {"province": "province", "cities": "city", "corridor": "city", "counties": "county"}


@dataclass
class JoinReport:
    """The outcome of :func:`join`.

    Attributes
    ----------
    province : str or None
        Adcode of the layer's province (None for the national province layer).
    level : str
        The layer's level.
    regions : int
        Number of regions in the layer.
    matched : list of dict
        ``{target, region, name}`` for every (target, region) pair that joined.
    unmatched_targets : list of dict
        ``{target, wanted}``: a region a target names that is not in the layer.
    unmatched_regions : list of str
        Regions of the layer no target joined to (adcode, or the name when the layer row has
        no code).
    ambiguous : list of dict
        ``{target, wanted, candidates}``: names that could mean several regions.
    corridors : list of Crossing
        Every corridor crossing of the layer's regions, with lengths.
    warnings : list of str
        Disagreements worth a look (a corridor row listing cities its line does not cross).
    """

    province: str | None
    level: str
    regions: int
    matched: list[dict] = field(default_factory=list)
    unmatched_targets: list[dict] = field(default_factory=list)
    unmatched_regions: list[str] = field(default_factory=list)
    ambiguous: list[dict] = field(default_factory=list)
    corridors: list[Crossing] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Return the JSON form of the command-line contract."""
        return {
            "province": self.province,
            "level": self.level,
            "regions": self.regions,
            "matched": list(self.matched),
            "unmatched_targets": list(self.unmatched_targets),
            "unmatched_regions": list(self.unmatched_regions),
            "ambiguous": list(self.ambiguous),
            "corridors": [c.to_dict() for c in self.corridors],
            "warnings": list(self.warnings),
        }

    def targets_of(self, adcode: str) -> list[str]:
        """Return the ids of the targets joined to a region."""
        return [m["target"] for m in self.matched if m["region"] == adcode]


def relevant_targets(targets: Iterable[Target], layer: Layer) -> list[Target]:
    """Return the targets that should join to a layer: its province's, at its level."""
    return [
        t
        for t in targets
        if SCOPE_LEVEL.get(t.scope) == layer.level
        and (layer.province is None or t.province == layer.province)
    ]


def join(
    targets: Iterable[Target],
    layer: Layer,
    corridors: object | None = None,
) -> JoinReport:
    """Join targets to the regions of a layer.

    Targets join by adcode; a region reference that is not a code is resolved by name with the
    same rules as boundary files (:class:`geodata.regions.catalogue.RegionIndex`).
    Corridor-scoped targets join to the regions their line crosses (spatially), and the regions
    listed in the row are checked against that.

    Parameters
    ----------
    targets : iterable of Target
        All targets; those of other provinces or levels are ignored.
    layer : Layer
        The region layer.
    corridors : geopandas.GeoDataFrame, optional
        Corridor lines (see :func:`geodata.plan.corridors.load_corridors`); when None and the
        layer is
        a city layer of Zhejiang, the bundled corridors are used.

    Returns
    -------
    JoinReport
    """
    report = JoinReport(province=layer.province, level=layer.level, regions=len(layer))
    names = dict(zip(layer.gdf["adcode"], layer.gdf["name_zh"], strict=True))
    index = national_index(layer.level)
    relevant = relevant_targets(targets, layer)

    if corridors is None and layer.level == "city" and any(t.scope == "corridor" for t in relevant):
        from geodata.plan.corridors import load_corridors

        corridors = load_corridors()
    if corridors is not None and layer.level == "city":
        report.corridors = corridor_crossings(corridors, layer)

    joined: set[str] = set()
    for target in relevant:
        wanted = list(target.regions)
        if target.scope == "corridor":
            crossed = [c.adcode for c in report.corridors if c.corridor == target.corridor]
            if not crossed:
                report.unmatched_targets.append({"target": target.id, "wanted": target.corridor})
                continue
            if sorted(crossed) != sorted(wanted):
                report.warnings.append(
                    f"{target.id}: the row lists regions {', '.join(wanted)} but the corridor "
                    f"line crosses {', '.join(crossed)}; the line is used"
                )
            wanted = crossed
        for ref in wanted:
            found = index.resolve(ref)
            if found.ambiguous:
                report.ambiguous.append(
                    {"target": target.id, "wanted": ref, "candidates": list(found.candidates)}
                )
            elif found.adcode is not None and found.adcode in names:
                report.matched.append(
                    {"target": target.id, "region": found.adcode, "name": names[found.adcode]}
                )
                joined.add(found.adcode)
            else:
                report.unmatched_targets.append({"target": target.id, "wanted": ref})

    for code, name in names.items():
        if not code:
            report.unmatched_regions.append(name)
        elif code not in joined:
            report.unmatched_regions.append(code)
    return report
