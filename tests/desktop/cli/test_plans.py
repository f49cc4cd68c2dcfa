"""``plan-import``, ``plans`` and ``import-targets``: JSON keys, storing, hiding, one error line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main
from tests import docmaker

EXE = str(Path(sys.executable).with_name("infra-atlas"))
TOP_KEYS = {"file", "province", "kind", "language", "proposals", "stored"}
PROPOSAL_KEYS = {
    "id",
    "sentence",
    "value",
    "unit",
    "qualifier",
    "year",
    "date",
    "status",
    "regions",
    "category",
    "metric",
}
PLAN_KEYS = {"id", "kind", "title", "source", "province", "imported_at", "targets", "hidden"}
PLAN_TEXT = (
    "安徽省新型基础设施建设三年行动方案\n"
    "到2025年，全省累计建成5G基站12万个。\n"
    "到2025年，合肥市数据中心标准机架达到5万架。\n"
)


@pytest.fixture
def plan_txt(tmp_path) -> Path:
    return docmaker.write_text(tmp_path, "anhui_plan.txt", PLAN_TEXT)


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run(*args: str) -> subprocess.CompletedProcess:
    """Run the command line in a fresh process (it inherits ``INFRA_ATLAS_HOME``)."""
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=300)


def stored_plans(home: Path) -> list[str]:
    return sorted(p.name for p in home.glob("plans/p*"))


def test_plan_import_json_proposes_and_stores_nothing(home, plan_txt, capsys):
    code, out, err = cli(capsys, "plan-import", str(plan_txt), "--province", "anhui", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert TOP_KEYS <= set(data)
    assert (data["file"], data["province"], data["kind"]) == ("anhui_plan.txt", "340000", "txt")
    assert data["language"] == "zh" and data["stored"] is None and data["proposals"]
    for p in data["proposals"]:
        assert PROPOSAL_KEYS <= set(p)
        assert p["sentence"] in PLAN_TEXT and isinstance(p["regions"], list)
    assert stored_plans(home) == []


def test_accept_all_stores_and_a_fresh_process_lists_and_hides_them(home, plan_txt, capsys):
    code, out, err = cli(
        capsys, "plan-import", str(plan_txt), "--province", "340000", "--accept-all", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["stored"] == 1 and stored_plans(home) == ["p1"]

    listing = run("plans", "--json")
    assert listing.returncode == 0, listing.stderr
    plans = json.loads(listing.stdout)["plans"]
    assert [p["id"] for p in plans] == [0, 1]
    assert all(PLAN_KEYS <= set(p) for p in plans)
    assert plans[0]["kind"] == "bundled" and plans[0]["imported_at"] is None
    assert plans[1]["kind"] == "document" and plans[1]["source"] == "anhui_plan.txt"
    assert plans[1]["targets"] == len(data["proposals"]) and plans[1]["hidden"] is False

    targets = json.loads(run("targets", "--province", "anhui", "--json").stdout)["targets"]
    ids = {t["id"] for t in targets}
    assert ids == {f"P1-{k:02d}" for k in range(1, len(data["proposals"]) + 1)}
    assert {t["source"] for t in targets} == {"plan-1"}

    hidden = run("plans", "--hide", "1", "--json")
    assert hidden.returncode == 0 and json.loads(hidden.stdout)["plans"][1]["hidden"] is True
    assert json.loads(run("targets", "--province", "anhui", "--json").stdout)["targets"] == []
    shown = run("plans", "--show", "1")
    assert shown.returncode == 0 and "plan 1" in shown.stdout and "shown" in shown.stdout


def test_plan_import_text_output_is_a_table(home, plan_txt, capsys):
    code, out, err = cli(capsys, "plan-import", str(plan_txt), "--province", "安徽")
    assert code == 0, err
    assert "read anhui_plan.txt" in out and "targets proposed" in out
    assert "--accept-all" in out and stored_plans(home) == []


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"PK\x03\x04 not really a zip", "broken.docx", "broken.docx"),
        (None, "missing.txt", "missing.txt"),
    ],
)
def test_a_bad_file_exits_2_with_one_error_line_and_stores_nothing(
    home, tmp_path, content, name, message
):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("plan-import", str(path), "--province", "anhui", "--accept-all")
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert stored_plans(home) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("plans", "--remove", "0"), "cannot be removed"),
        (("plans", "--hide", "7"), "no readable plan 7"),
        (("plans", "--hide", "0", "--show", "0"), "one of --hide"),
        (("plan-import", "x.txt"), "--province"),
    ],
)
def test_bad_plan_commands_exit_2(home, capsys, args, message):
    code, out, err = cli(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err and len(err.splitlines()) == 1


def test_import_targets_stores_a_sheet_and_join_sees_it(home, tmp_path, capsys):
    sheet = tmp_path / "anhui.csv"
    sheet.write_text(
        "region,metric,value,unit\n合肥市,5G基站,30000,个\nAtlantis,5G基站,1,个\n",
        encoding="utf-8",
    )
    code, out, err = cli(capsys, "import-targets", str(sheet))
    assert code == 0, err
    assert "line 3:" in out and "as plan 1" in out
    code, out, err = cli(capsys, "join", "--province", "anhui", "--json")
    assert code == 0, err
    assert {"target": "P1-L2", "region": "340100"}.items() <= next(
        m for m in json.loads(out)["matched"] if m["target"] == "P1-L2"
    ).items()
    code, out, err = cli(capsys, "import-targets", str(sheet), "--json")
    data = json.loads(out)
    assert data["stored"] == 2 and data["targets"][0]["id"] == "P2-L2"
    assert data["errors"] == [{"line": 3, "error": data["errors"][0]["error"]}]
    assert "removed" in cli(capsys, "plans", "--remove", "2")[1]
    bad = tmp_path / "bad.csv"
    bad.write_text("region,metric,value\nAtlantis,5G,1\n", encoding="utf-8")
    code, out, err = cli(capsys, "import-targets", str(bad))
    assert code == 2 and "line 2" in err and stored_plans(home) == ["p1"]
