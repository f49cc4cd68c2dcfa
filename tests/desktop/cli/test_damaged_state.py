"""A damaged or missing file in the data folder never stops the command line.

Each state file (the active selection, a version's manifest and layer, a plan's manifest and
targets, the plans' state) is made empty, cut short, garbage, JSON of another shape, a folder
or missing, in a copy of a real data folder (one imported Shanxi city layer, a target sheet,
a sheet of figures, a cached map view). Every command exits 0 (or 2 with one ``error:`` line),
never with a traceback; the bundled boundaries stand in, with a warning naming the file; the
repair leaves a readable store. Caches are rebuilt silently.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.cli.main import main
from tests import boundary_cases as cases
from tests.desktop.cli.conftest import FIGURES_SHEET, cli, strict_json

DAMAGES = ("empty", "truncated", "garbage", "wrong_shape", "folder", "missing")
GARBAGE = bytes(range(256)) * 4
#: JSON of another shape for each state file (the key without ':' is the issue's case).
WRONG_SHAPE = {
    "active": b'{"active": {"city": 1, "140000:city": "one"}}',
    "manifest": b'{"version": 1, "level": "town", "source": "x"}',
    "targets": b'{"plan": 1, "targets": [{"id": 1}]}',
    "state": b'{"hidden": "all", "last": "nine"}',
    "plan_manifest": b'["plan", 1]',
}
STATE_FILES = {
    "active": "boundaries/active.json",
    "manifest": "boundaries/v1/manifest.json",
    "layer": "boundaries/v1/layer.gpkg",
    "plan_manifest": "plans/p1/manifest.json",
    "targets": "plans/p1/targets.json",
    "state": "plans/state.json",
}


def assert_clean(code: int, out: str, err: str) -> None:
    """Exit 0, or 2 with one ``error:`` line; never 1, never a traceback."""
    assert "Traceback" not in err and "unexpected problem" not in err, err
    assert code in (0, 2), err
    if code == 2:
        errors = [line for line in err.splitlines() if line.startswith("error: ")]
        assert len(errors) == 1 and out == "", err


def damage(path: Path, kind: str, wrong_shape: bytes) -> None:
    """Damage a state file the way ``kind`` says."""
    original = path.read_bytes()
    path.unlink()
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        path.write_bytes(original[: len(original) // 2])
    elif kind == "garbage":
        path.write_bytes(GARBAGE)
    elif kind == "wrong_shape":
        path.write_bytes(wrong_shape)
    elif kind == "folder":
        path.mkdir()
        (path / "inside.txt").write_text("a folder where a file should be", encoding="utf-8")


@pytest.fixture(scope="module")
def template(filled_home, tmp_path_factory) -> Path:
    """A real data folder: the filled one (大同 renamed 云冈, plan 1), figures (plan 2), caches.

    The caches are a level of detail of the imported layer and a map view (a small document
    with a real bundle: building a whole one costs seconds and is not what is tested here).
    """
    from geodata.atlas import AtlasData
    from geodata.boundaries.active import cities
    from geodata.drawing import MapOptions
    from geodata.web.levels import GeometryLevels
    from geodata.web.viewcache import ViewCache

    folder = tmp_path_factory.mktemp("damaged-template")
    home = folder / "home"
    shutil.copytree(filled_home, home, symlinks=True)
    patch = pytest.MonkeyPatch()
    patch.setenv("INFRA_ATLAS_HOME", str(home))
    try:
        (folder / "figures.csv").write_text(FIGURES_SHEET, encoding="utf-8")
        assert main(["import-observations", str(folder / "figures.csv")]) == 0
        levels = GeometryLevels(cities("shanxi").gdf.geometry.values)
        levels.level(levels.embedded_index())
        key = AtlasData().view_key("140000", "city", MapOptions())
        metrics = [{"id": "plan_items", "label_en": "Plan items", "label_zh": "规划事项"}]
        bundle = {"key": key, "metrics": metrics, "regions": [["140100", "太原市", "Taiyuan"]]}
        ViewCache().put(key, "<!DOCTYPE html>\n<html>a map</html>\n", bundle)
        wrong = cases.shanxi_cities()[["geometry"]].assign(other="x")
        wrong.to_file(folder / "wrong_shape.gpkg", driver="GPKG")
    finally:
        patch.undo()
    return home


@pytest.fixture
def home(template, tmp_path, monkeypatch) -> Path:
    """A fresh copy of the template data folder, as ``$INFRA_ATLAS_HOME``."""
    home = tmp_path / "home"
    shutil.copytree(template, home, symlinks=True)
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(home))
    return home


def wrong_shape_of(template: Path, name: str) -> bytes:
    if name == "layer":  # a real GeoPackage without the region fields
        return (template.parent / "wrong_shape.gpkg").read_bytes()
    return WRONG_SHAPE[name]


def joined(capsys) -> dict:
    code, out, err = cli(capsys, "join", "--province", "shanxi", "--json")
    assert_clean(code, out, err)
    assert code == 0, err
    return strict_json(out)


def datong(report: dict) -> set[str]:
    """The names 140200 is matched to: 大同市 on the bundled layer, 云冈市 on version 1."""
    return {m["name"] for m in report["matched"] if m["region"] == "140200"}


def test_the_template_shows_version_1_and_both_plans(home, capsys):
    assert datong(joined(capsys)) == {"云冈市"}
    code, out, err = cli(capsys, "targets", "--province", "shanxi", "--json")
    assert code == 0 and "P1-L2" in {t["id"] for t in strict_json(out)["targets"]}
    assert err == ""


@pytest.mark.parametrize("kind", DAMAGES)
@pytest.mark.parametrize("name", ["active", "manifest", "layer"])
def test_damaged_boundary_state_leaves_the_bundled_layer_standing_in(
    home, template, capsys, name, kind
):
    path = home / STATE_FILES[name]
    damage(path, kind, wrong_shape_of(template, name))
    silent = name == "active" and kind == "missing"  # no active choice: bundled, nothing to say

    report = joined(capsys)
    assert report["regions"] == 11 and datong(report) == {"大同市"}
    warned = [w for w in report["warnings"] if path.name in w and str(path.parent) in w]
    assert bool(warned) != silent, report["warnings"]

    code, out, err = cli(capsys, "targets", "--province", "shanxi", "--json")
    assert_clean(code, out, err)
    assert code == 0 and strict_json(out)["targets"]

    code, out, err = cli(capsys, "layers", "--json")
    assert_clean(code, out, err)
    listed = strict_json(out)
    if name != "layer" or kind != "wrong_shape":  # a readable file of another shape is found on use
        assert [v["version"] for v in listed["versions"]] == [0] or name == "active"
        assert bool(listed["warnings"]) != silent

    code, out, err = cli(capsys, "layers", "--repair", "--json")
    assert_clean(code, out, err)
    assert code == 0 and strict_json(out)["warnings"] == []
    assert bool(strict_json(out)["repaired"]) != silent
    after = joined(capsys)
    assert after["warnings"] == [] and datong(after) == {"大同市"}


@pytest.mark.parametrize(("name", "kind"), [("active", "garbage"), ("layer", "truncated")])
def test_a_figure_is_exported_from_a_damaged_home(home, template, tmp_path, capsys, name, kind):
    damage(home / STATE_FILES[name], kind, wrong_shape_of(template, name))
    png = tmp_path / "shanxi.png"
    code, out, err = cli(capsys, "export", "--province", "shanxi", "--out", str(png), "--dpi", "50")
    assert_clean(code, out, err)
    assert code == 0 and png.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("kind", DAMAGES)
@pytest.mark.parametrize("name", ["plan_manifest", "targets", "state"])
def test_a_damaged_plan_file_leaves_the_other_plans_working(home, capsys, caplog, name, kind):
    from geodata.housekeeping import repair_state, state_problems
    from geodata.plan.store import PlanStore

    path = home / STATE_FILES[name]
    damage(path, kind, WRONG_SHAPE[name])
    silent = name == "state" and kind == "missing"

    code, out, err = cli(capsys, "targets", "--province", "shanxi", "--json")
    assert_clean(code, out, err)
    ids = {t["id"] for t in strict_json(out)["targets"]}
    assert "SX-04" in ids and ("P1-L2" in ids) == (name == "state")  # plan 1 left out
    assert any(str(path) in m for m in caplog.messages) != silent  # a warning names the file

    code, out, err = cli(capsys, "plans", "--json")
    assert_clean(code, out, err)
    listing = strict_json(out)
    listed = [0, 2] if name == "plan_manifest" else [0, 1, 2]  # a plan's targets: still listed
    assert [p["id"] for p in listing["plans"]] == listed
    if name != "targets":  # the listing reads the manifests and state.json only
        assert any(str(path) in w for w in listing["warnings"]) != silent

    code, out, err = cli(capsys, "progress", "--json")
    assert_clean(code, out, err)
    assert code == 0 and strict_json(out)

    assert any(str(path) in p for p in state_problems()) != silent
    done = repair_state()
    assert bool(done) != silent
    store = PlanStore()
    assert [p.plan for p in store.plans()] == ([0, 1, 2] if name == "state" else [0, 2])
    store.targets()
    assert store.warnings == [] and state_problems() == []


@pytest.mark.parametrize("kind", DAMAGES)
@pytest.mark.parametrize("part", ["document", "bundle"])
def test_a_damaged_map_view_is_a_miss_and_is_deleted(home, part, kind):
    from geodata.atlas import AtlasData
    from geodata.drawing import MapOptions
    from geodata.web.viewcache import ViewCache

    data, options = AtlasData(), MapOptions()
    key = data.view_key("140000", "city", options)
    cache = ViewCache()
    html, meta = cache.paths(key)
    bundle = data.cached_view("140000", "city", options)
    assert bundle["key"] == key and bundle["path"] == str(html)
    wrong = {
        "document": b"<html>another page, of another length</html>\n",
        "bundle": b'{"key": "k", "metrics": "none", "regions": [], "html_bytes": 10}',
    }
    damage(html if part == "document" else meta, kind, wrong[part])
    assert data.cached_view("140000", "city", options) is None  # a miss: the view is built
    assert not meta.exists() and not html.exists()  # deleted, whatever was in the way
    again = {k: bundle[k] for k in ("key", "metrics", "regions")}
    stored = cache.put(key, "<html>built again</html>\n", again)
    assert data.cached_view("140000", "city", options) == stored


@pytest.mark.parametrize("kind", DAMAGES)
def test_a_damaged_level_of_detail_is_made_again(home, kind):
    from geodata.boundaries.active import cities
    from geodata.paths import cache_dir
    from geodata.web.levels import GeometryLevels

    geoms = cities("shanxi").gdf.geometry.values
    levels = GeometryLevels(geoms)
    index = levels.embedded_index()
    path = levels._json_path(index)
    assert path.is_file() and path.is_relative_to(cache_dir())
    wrong = b'{"scale": 1000, "features": [[["only one region"]]]}'
    damage(path, kind, wrong)
    level = GeometryLevels(geoms).level(index)
    assert len(level.features) == len(geoms) and level.scale > 0
    again = json.loads(path.read_text(encoding="utf-8"))  # written again, whole
    assert again["features"] == level.features
