"""``import-boundaries`` and ``layers``: JSON keys, one error line, and a store left untouched."""

import json
import subprocess
import sys
from pathlib import Path

from desktop.cli.main import main
from tests import boundary_cases as cases

EXE = str(Path(sys.executable).with_name("infra-atlas"))
IMPORT_KEYS = {
    "ok",
    "version",
    "features",
    "crs_in",
    "crs_out",
    "datum_in",
    "encoding",
    "name_field",
    "code_field",
    "repaired",
    "warnings",
    "regions",
}
LAYERS_KEYS = {"active", "versions"}
VERSION_KEYS = {"version", "source", "imported_at", "features", "level", "province"}


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_gbk_shapefile_zip_json_and_layers(home, tmp_path, capsys):
    shp = cases.gbk_no_prj(tmp_path)
    archive = cases.zipped(tmp_path, shp, "shanxi.zip")
    code, out, err = cli(capsys, "import-boundaries", str(archive), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert IMPORT_KEYS <= set(data)
    assert data["ok"] is True and data["version"] == 1 and data["features"] == 11
    assert data["crs_in"] == "EPSG:4547" and data["crs_out"] == "EPSG:4326"
    assert data["encoding"] == "GB18030" and data["datum_in"] == "wgs84"
    assert (data["name_field"], data["code_field"]) == ("QHMC", "QHDM")
    assert {"code": "140100", "name": "太原市"} in data["regions"]
    assert any("EPSG:4547" in w for w in data["warnings"])

    code, out, err = cli(capsys, "layers", "--json")
    listing = json.loads(out)
    assert LAYERS_KEYS <= set(listing)
    assert [v["version"] for v in listing["versions"]] == [0, 1]
    assert all(VERSION_KEYS <= set(v) for v in listing["versions"])
    assert listing["versions"][1]["source"] == "shanxi.zip"
    assert listing["active"] == [{"province": "140000", "level": "city", "version": 1}]

    code, out, err = cli(capsys, "layers", "--activate", "0")
    assert code == 0 and "bundled" in out
    assert json.loads(cli(capsys, "layers", "--json")[1])["active"] == []
    code, out, err = cli(capsys, "layers", "--activate", "1", "--diff", "1")
    assert code == 0 and "version 1 (shanxi.zip) is active" in out
    assert "changes from version 0 to version 1" in out


def test_join_uses_the_active_version(home, tmp_path, capsys):
    names = list(cases.shanxi_cities()["name_zh"])
    names[0] = "新太原市"
    path = cases.named_geojson(tmp_path, "renamed.geojson", names=names)
    assert cli(capsys, "import-boundaries", str(path), "--province", "shanxi")[0] == 0
    code, out, _ = cli(capsys, "join", "--province", "shanxi", "--json")
    matched = json.loads(out)["matched"]
    assert any(m["region"] == "140100" and m["name"] == "新太原市" for m in matched)


FAILING = [
    ("truncated_zip", (), "not a readable zip archive"),
    ("zip_without_dbf", (), "but no shanxi_gbk.dbf: add the .dbf and try again"),
    ("random_bytes", (), "could not be read as a boundary file"),
    ("empty_collection", (), "holds no features"),
    ("points", (), "needs polygons"),
    ("geopackage_two_layers", (), "choose one with --layer"),
    ("pinyin_geojson", ("--name-field", "nope"), "no field 'nope'"),
    ("pinyin_geojson", ("--crs", "EPSG:123456789"), "is not a coordinate reference system"),
    ("gbk_shapefile_4547", ("--encoding", "klingon"), "is not a text encoding"),
]


def test_failed_imports_leave_the_store_byte_for_byte_unchanged(home, tmp_path, capsys):
    first = cases.named_geojson(tmp_path, "first.geojson")
    assert cli(capsys, "import-boundaries", str(first))[0] == 0
    assert cli(capsys, "layers", "--activate", "0", "--province", "shanxi")[0] == 0
    assert cli(capsys, "import-boundaries", str(first))[0] == 0  # v2 active, v1 kept
    store = home / "boundaries"
    before = cases.tree_digest(store)
    for name, extra, message in FAILING:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        path = getattr(cases, name)(folder)
        code, out, err = cli(capsys, "import-boundaries", str(path), *extra)
        assert code == 2, (name, out, err)
        assert out == ""
        assert err.startswith("error: ") and err.count("\n") == 1, err
        assert message in err, err
        assert cases.tree_digest(store) == before, name
    code, _, err = cli(capsys, "layers", "--activate", "7")
    assert code == 2 and "no boundary version 7" in err
    assert cases.tree_digest(store) == before


def test_real_process_exit_codes_and_no_traceback(home, tmp_path):
    env_home = {"INFRA_ATLAS_HOME": str(home)}
    import os

    env = {**os.environ, **env_home}
    path = cases.random_bytes(tmp_path)
    bad = subprocess.run(
        [EXE, "import-boundaries", str(path)], capture_output=True, text=True, env=env, timeout=120
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.startswith("error: noise.geojson could not be read")
    good = subprocess.run(
        [EXE, "layers", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert good.returncode == 0
    assert json.loads(good.stdout)["versions"][0]["version"] == 0
