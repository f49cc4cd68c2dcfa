"""``import-observations`` and ``progress``: the worked example, JSON keys, all or nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main

EXE = str(Path(sys.executable).with_name("infra-atlas"))
#: The worked example: Shanxi's 5G target SX-04 (120,000 base stations by 2025).
EXAMPLE = (
    "region,target,date,value,unit,source\n"
    "140000,SX-04,2023-11-30,93307,个,山西省通信管理局 (test figure)\n"
)
PROGRESS_KEYS = {"target", "region", "value", "unit", "date", "percent", "status", "baseline"}
PROGRESS_KEYS |= {"source"}
OBSERVATION_KEYS = {"id", "province", "region", "metric", "value", "unit", "date", "target"}
OBSERVATION_KEYS |= {"role", "source", "quote", "note"}


@pytest.fixture
def example(tmp_path) -> Path:
    path = tmp_path / "shanxi_5g.csv"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stored_plans(home: Path) -> list[str]:
    return sorted(p.name for p in home.glob("plans/p*"))


def test_the_worked_example_gives_77_8_percent_of_sx_04(home, example, capsys):
    code, out, err = cli(capsys, "import-observations", str(example), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["stored"] == 1 and data["imported"] == 1 and data["errors"] == []
    (figure,) = data["observations"]
    assert OBSERVATION_KEYS <= set(figure)
    assert (figure["id"], figure["value"], figure["unit"], figure["source"]) == (
        "P1-L2",
        93307,
        "个",
        "plan-1",
    )
    code, out, err = cli(capsys, "progress", "--province", "shanxi", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"province", "region", "progress"}
    assert (data["province"], data["region"]) == ("140000", None)
    assert all(PROGRESS_KEYS <= set(row) for row in data["progress"])
    assert {row["target"][:3] for row in data["progress"]} == {"SX-"}
    (row,) = [row for row in data["progress"] if row["target"] == "SX-04"]
    assert (row["region"], row["value"], row["unit"], row["date"], row["percent"]) == (
        "140000",
        93307,
        "base stations",
        "2023-11-30",
        77.8,
    )
    assert row["baseline"] is None and "山西省通信管理局" in row["source"]


def test_text_outputs_say_what_was_stored_and_show_the_table(home, example, capsys):
    code, out, err = cli(capsys, "import-observations", str(example))
    assert code == 0, err
    assert out.startswith("stored 1 figure as plan 1") and "plans --hide 1" in out
    code, out, err = cli(capsys, "progress", "--region", "140000")
    assert code == 0, err
    header, *rows, total = out.splitlines()
    assert header.split() == ["target", "region", "value", "date", "percent", "status", "baseline"]
    (sx04,) = [r for r in rows if r.startswith("SX-04")]
    assert "93,307 base stations" in sx04 and "2023-11-30" in sx04 and "77.8%" in sx04
    assert total.endswith("1 with an achieved figure")
    code, out, err = cli(capsys, "progress", "--region", "140000", "--json")
    assert json.loads(out)["region"] == "140000"


def test_plans_lists_the_figures_of_a_sheet(home, example, capsys):
    cli(capsys, "import-observations", str(example))
    code, out, err = cli(capsys, "plans", "--json")
    assert code == 0, err
    plans = json.loads(out)["plans"]
    assert [(p["kind"], p["targets"], p["observations"]) for p in plans] == [
        ("bundled", plans[0]["targets"], 0),
        ("observations", 0, 1),
    ]
    code, out, err = cli(capsys, "plans")
    assert "figures" in out.splitlines()[0]
    assert any("observations" in line and "shanxi_5g.csv" in line for line in out.splitlines())
    cli(capsys, "plans", "--hide", "1")
    code, out, err = cli(capsys, "progress", "--province", "140000", "--json")
    sx04 = next(r for r in json.loads(out)["progress"] if r["target"] == "SX-04")
    assert sx04["status"] == "no data" and sx04["value"] is None


BAD_SHEET = (
    "region,target,date,value,unit\n"
    "140000,SX-04,2023-11-30,93307,个\n"
    "Atlantis,SX-04,2023-11-30,1,个\n"
    "140000,SX-04,2023-10-31,inf,个\n"
    "140000,SX-04,2023-09-30,5,%\n"
)


def test_a_bad_sheet_exits_2_lists_every_line_and_stores_nothing(home, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_SHEET, encoding="utf-8")
    code, out, err = cli(capsys, "import-observations", str(bad))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == ["line 3", "line 4", "line 5"]
    errors = [line for line in lines if line.startswith("error: ")]
    assert errors == [lines[-1]] and "nothing was stored" in errors[0]
    assert "3 rows of bad.csv" in errors[0]
    assert stored_plans(home) == []
    code, out, err = cli(capsys, "import-observations", str(bad), "--json")
    assert code == 2 and json.loads(out)["stored"] is None
    assert [e["line"] for e in json.loads(out)["errors"]] == [3, 4, 5]
    assert stored_plans(home) == []


def test_a_fresh_process_imports_and_reports_progress(home, example):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=300)

    stored = run("import-observations", str(example))
    assert stored.returncode == 0, stored.stderr
    again = run("import-observations", str(example))
    assert again.returncode == 2 and "stored as P1-L2" in again.stderr
    progress = run("progress", "--province", "shanxi", "--json")
    assert progress.returncode == 0, progress.stderr
    rows = json.loads(progress.stdout)["progress"]
    assert next(r for r in rows if r["target"] == "SX-04")["percent"] == 77.8
    missing = run("progress", "--region", "Shanxi")
    assert missing.returncode == 2 and missing.stderr.startswith("error: ")
