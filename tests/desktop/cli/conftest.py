"""What the command-line tests share: a filled data folder, the command line run here, strict JSON.

``filled_home`` is made once per test session; a test that changes a data folder works on a copy
of it. The helpers below are imported by the test modules
(``from tests.desktop.cli.conftest import cli, strict_json``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli.main import main
from tests import boundary_cases as cases

TARGETS_SHEET = "region,metric,value,unit\n太原市,5G基站,30000,个\n"
FIGURES_SHEET = (
    "region,target,date,value,unit,source\n"
    "140000,SX-04,2023-11-30,93307,个,山西省通信管理局 (test figure)\n"
)
#: The name 140200 (大同市) has in the filled folder's version 1: it tells that version from
#: the bundled layer.
RENAMED_DATONG = "云冈市"


def strict_json(text: str):
    """Parse JSON as a strict parser would: NaN and Infinity are refused."""

    def refuse(name: str):
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


def error_line(capsys) -> str:
    """Return the one ``error:`` line a failed command wrote to stderr (no traceback)."""
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err  # one line, no traceback
    assert lines[0].startswith("error: ")
    return lines[0]


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command line in this process; return the exit code, stdout and stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="session")
def filled_home(tmp_path_factory) -> Path:
    """A data folder as a planner's would be; copy it before changing it.

    Shanxi's cities imported as version 1 (大同 renamed :data:`RENAMED_DATONG`) and a target
    sheet (plan 1, target ``P1-L2``).
    """
    from geodata.boundaries.importer.inspect import inspect_boundary_file
    from geodata.boundaries.store import BoundaryStore

    folder = tmp_path_factory.mktemp("filled")
    home = folder / "home"
    patch = pytest.MonkeyPatch()
    patch.setenv("INFRA_ATLAS_HOME", str(home))
    try:
        names = list(cases.shanxi_cities()["name_zh"])
        names[1] = RENAMED_DATONG
        source = cases.named_geojson(folder, "renamed.geojson", names)
        BoundaryStore().add(inspect_boundary_file(source))
        (folder / "targets.csv").write_text(TARGETS_SHEET, encoding="utf-8")
        assert main(["import-targets", str(folder / "targets.csv")]) == 0
    finally:
        patch.undo()
    return home
