"""``infra-atlas workspace`` and ``--workspace``: the commands against a shared PostGIS database.

The same boundary file gives the same join and the same figure from the local data folder and
from the shared workspace; a server that is down is one ``error:`` line and exit 2.
"""

from __future__ import annotations

import json

import pytest

from desktop.cli.main import main

pytestmark = pytest.mark.postgis


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("INFRA_ATLAS_WORKSPACE", raising=False)
    return tmp_path / "home"


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_connect_init_and_use_a_shared_workspace(home, capsys, pg_database, shanxi_file):
    code, out, err = cli(capsys, "workspace", "--connect", pg_database)
    assert code == 2 and "holds no Infra Atlas workspace yet" in err and "--init" in err
    assert not (home / "workspace.json").exists()  # nothing chosen until it works
    code, out, err = cli(capsys, "workspace", "--connect", pg_database, "--init", "--json")
    assert code == 0, err
    assert json.loads(out)["kind"] == "postgis"
    code, out, err = cli(capsys, "import-boundaries", str(shanxi_file), "--province", "shanxi")
    assert code == 0, err
    code, out, err = cli(capsys, "layers", "--json")
    shared = json.loads(out)
    assert [(a["province"], a["level"], a["version"]) for a in shared["active"]] == [
        ("140000", "city", 1)
    ]
    code, out, err = cli(capsys, "layers", "--json", "--workspace", "local")
    assert json.loads(out)["active"] == []  # the local data folder holds nothing
    code, out, err = cli(capsys, "workspace", "--local")
    assert code == 0 and "local data folder" in out


def test_the_same_file_joins_and_draws_the_same_locally_and_shared(
    home, capsys, pg_workspace, shanxi_file, monkeypatch
):
    from geodata.atlas import AtlasData
    from geodata.drawing import MapOptions

    results = {}
    for workspace in ("local", pg_workspace):
        code, out, err = cli(
            capsys, "import-boundaries", str(shanxi_file), "--province", "shanxi",
            "--workspace", workspace,
        )  # fmt: skip
        assert code == 0, err
        code, out, err = cli(
            capsys, "join", "--province", "shanxi", "--json", "--workspace", workspace
        )
        joined = json.loads(out)
        monkeypatch.setenv("INFRA_ATLAS_WORKSPACE", workspace)
        data = AtlasData()
        layer = data.layer("140000", "city")
        figure = data.figure("140000", "city", MapOptions(metric="role"))
        results[workspace] = (
            joined["matched"],
            joined["regions"],
            layer.version,
            figure.atlas["classification"].color_of,
            [e["label"] for e in figure.atlas["legend"]],
        )
    local, shared = results["local"], results[pg_workspace]
    assert local[2] == shared[2] == "1"  # version 1 in each workspace, each shown
    assert local[0] == shared[0] and local[1] == shared[1] == 11
    assert local[3] == shared[3] and local[4] == shared[4]


def test_a_server_that_is_down_is_one_error_line(home, capsys, tmp_path):
    dsn = f"host={tmp_path} port=1 dbname=atlas user=nobody"
    code, out, err = cli(capsys, "layers", "--workspace", dsn)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: ") and "cannot be reached" in err
    code, out, err = cli(capsys, "workspace", "--connect", "postgresql://a:secret@h/db")
    assert code == 2 and "secret" not in err and "password" in err
