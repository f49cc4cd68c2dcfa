"""The bundled corridors: schematic lines as long as the published roads, with named sources."""

import json

import pytest
from pyproj import Geod
from shapely.geometry import LineString

from geodata.boundaries.bundled import bundled_layer
from geodata.plan.corridors import corridor_crossings, load_corridors
from geodata.plan.targets import load_targets
from seeds import SEEDS_DIR

#: The counties each corridor runs through, from the places its sources name.
COUNTIES = {
    "hangzhou-shaoxing-ningbo": [
        "萧山区", "钱塘区", "柯桥区", "越城区", "上虞区", "余姚市", "慈溪市", "镇海区", "北仑区"
    ],
    "hangzhou-ring-road-west": ["德清县", "余杭区", "富阳区", "萧山区", "诸暨市"],
}  # fmt: skip


def raw_features() -> list[dict]:
    text = (SEEDS_DIR / "zhejiang_corridors.geojson").read_text(encoding="utf-8")
    return json.loads(text)["features"]


@pytest.mark.parametrize("feature", raw_features(), ids=lambda f: f["properties"]["id"])
def test_schematic_line_is_within_5_percent_of_the_published_length(feature):
    """Measured here on the WGS-84 ellipsoid from the file's own coordinates."""
    line = LineString(feature["geometry"]["coordinates"])
    drawn = Geod(ellps="WGS84").geometry_length(line) / 1000.0
    published = feature["properties"]["length_km_reported"]
    assert abs(drawn - published) <= 0.05 * published, (drawn, published)


def test_lines_run_through_the_counties_their_sources_name():
    corridors = load_corridors()
    layer = bundled_layer("county", "330000")
    crossed: dict[str, list[str]] = {}
    for c in corridor_crossings(corridors, layer):
        if c.length_km > 0.5:
            crossed.setdefault(c.corridor, []).append(c.region_name)
    assert crossed == COUNTIES


def test_every_fact_beyond_the_document_names_its_source():
    targets = {t.id: t for t in load_targets()}
    for feature in raw_features():
        facts = feature["properties"]
        assert facts["schematic"] is True and facts["places"]
        assert facts["length_source"].strip(), facts["id"]
        if facts.get("opened"):
            assert facts.get("opened_source", "").strip(), facts["id"]
        assert "status" not in facts  # "planned" or "opened" with no source: left out
        target = targets[facts["target"]]
        assert target.corridor == facts["id"] and facts["name_en"] in target.quote
    opened = {f["properties"]["id"]: f["properties"]["opened"] for f in raw_features()}
    assert opened["hangzhou-ring-road-west"] == "2020-12-22"
