"""``infra-atlas export-gpkg``: one line or strict JSON, no overwrite without --force."""

from __future__ import annotations

import json
import subprocess

import pyogrio
import pytest

from desktop.cli.main import main
from geodata.atlas import AtlasData

FIGURES_SHEET = (
    "region,target,date,value,unit,source\n"
    "140000,SX-04,2023-11-30,93307,个,山西省通信管理局 (test figure)\n"
)
TARGETS_SHEET = "region,metric,value,unit,year,note\n太原市,5G基站,30000,个,2025,市级目标「示例」\n"


@pytest.fixture(scope="module")
def filled_home(tmp_path_factory):
    """A data folder with a target sheet and an achieved figure stored (plans 1 and 2)."""
    folder = tmp_path_factory.mktemp("gpkg")
    (folder / "targets.csv").write_text(TARGETS_SHEET, encoding="utf-8")
    (folder / "figures.csv").write_text(FIGURES_SHEET, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INFRA_ATLAS_HOME", str(folder / "home"))
        assert main(["import-targets", str(folder / "targets.csv")]) == 0
        assert main(["import-observations", str(folder / "figures.csv")]) == 0
    return folder / "home"


@pytest.fixture
def home(filled_home, monkeypatch):
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(filled_home))
    return filled_home


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def strict_json(text: str):
    def refuse(name: str):
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


def one_error(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2 and out == "", (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err and all(w in lines[0] for w in words), err


def test_json_is_strict_and_matches_the_file(home, tmp_path, capsys):
    out_file = tmp_path / "atlas.gpkg"
    code, out, err = cli(capsys, "export-gpkg", "--out", str(out_file), "--json")
    assert code == 0, err
    data = strict_json(out)
    assert set(data) == {"path", "layers", "provinces", "warnings"}
    assert data["path"] == str(out_file) and data["provinces"] == ["140000", "330000"]
    layers = data["layers"]
    assert list(layers)[:3] == ["provinces", "cities", "counties"] and layers["provinces"] == 34
    assert sorted(str(name) for name, _ in pyogrio.list_layers(out_file)) == sorted(layers)
    for name, rows in layers.items():
        assert pyogrio.read_info(out_file, layer=name)["features"] == rows, name
    targets = pyogrio.read_dataframe(out_file, layer="targets").set_index("id")
    assert "市级目标「示例」" in targets.loc["P1-L2", "quote"]
    progress = pyogrio.read_dataframe(out_file, layer="progress")
    assert progress.loc[progress["target"] == "SX-04", "percent"].tolist() == [77.8]


def test_one_line_for_a_chosen_province_and_force_to_overwrite(home, tmp_path, capsys):
    out_file = tmp_path / "山西.gpkg"
    out_file.write_bytes(b"an older file")
    code, out, err = cli(capsys, "export-gpkg", "--out", str(out_file), "--province", "shanxi")
    one_error(code, out, err, str(out_file), "--force")
    assert out_file.read_bytes() == b"an older file"
    code, out, err = cli(
        capsys, "export-gpkg", "--out", str(out_file), "--province", "山西", "--force"
    )
    assert code == 0, err
    data = AtlasData()
    targets = [t for t in data.targets if t.province == "140000"]
    progress = [p for p in data.progress() if p.target in {t.id for t in targets}]
    assert out.splitlines() == [
        f"wrote {out_file} (9 layers: provinces 34, cities 11, counties 117, "
        f"targets {len(targets)}, target_regions {sum(len(t.regions) for t in targets)}, "
        f"progress {len(progress)}, roles 11, corridors 0, README 19)"
    ]
    assert pyogrio.read_info(out_file, layer="cities")["features"] == 11


def test_usage_and_input_errors_exit_2_in_one_line(home, tmp_path, capsys):
    one_error(*cli(capsys, "export-gpkg", "--out", str(tmp_path / "a.shp")), ".gpkg")
    missing = tmp_path / "missing"
    one_error(*cli(capsys, "export-gpkg", "--out", str(missing / "a.gpkg")), str(missing))
    one_error(
        *cli(capsys, "export-gpkg", "--out", str(tmp_path / "a.gpkg"), "--province", "atlantis"),
        "unknown province 'atlantis'",
    )
    one_error(*cli(capsys, "export-gpkg"), "--out")
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_folder_is_an_input_error_naming_it(home, tmp_path, capsys):
    folder = tmp_path / "readonly"
    folder.mkdir()
    if subprocess.run(["mount", "--bind", str(folder), str(folder)]).returncode != 0:
        pytest.skip("a bind mount is not permitted here (we run as root, who writes anywhere)")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)]).returncode != 0:
            pytest.skip("a read-only bind mount is not permitted here")
        code, out, err = cli(capsys, "export-gpkg", "--out", str(folder / "atlas.gpkg"))
    finally:
        subprocess.run(["umount", str(folder)], check=True)
    one_error(code, out, err, f"the folder {folder} cannot be written", "Read-only")
