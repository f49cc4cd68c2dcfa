"""``infra-atlas export`` of progress maps and region reports with stored achieved figures."""

import shutil
import subprocess

import pytest
from PIL import Image

from desktop.cli.main import main
from geodata.plan.observations import Observation
from geodata.plan.store import PlanStore


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A data home holding Shanxi's 5G figure of 2023-11-30, typed for target SX-04."""
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    typed = Observation(
        "typed", "140000", "140000", "5G base stations built", 93307, "base stations",
        "2023-11-30", target="SX-04", note="Shanxi communications administration",
    )  # fmt: skip
    PlanStore().add_typed(typed)
    return tmp_path


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_progress_figure_png(home, capsys):
    out = home / "sx04.png"
    args = ["export", "--province", "shanxi", "--metric", "progress:SX-04", "--dpi", "50"]
    assert main([*args, "--out", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    with Image.open(out) as image:
        assert image.size == (585, 413)  # A4 landscape at 50 dpi


def test_status_figure_pdf_carries_the_data_date(home):
    out = home / "sx04.pdf"
    args = ["export", "--province", "shanxi", "--metric", "status:SX-04", "--out", str(out)]
    assert main(args) == 0
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        assert "2023-11-30" in pdf_text(out)


def test_region_report_lists_progress(home):
    out = home / "taiyuan.pdf"
    args = ["export", "--province", "shanxi", "--region", "140100", "--out", str(out)]
    assert main([*args, "--metric", "progress:SX-04"]) == 0
    if shutil.which("pdftotext"):
        text = pdf_text(out)
        assert "93,307" in text and "77.8%" in text and "Shanxi communications" in text


def test_progress_metric_without_figures_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "empty"))
    out = tmp_path / "x.png"
    args = ["export", "--province", "shanxi", "--metric", "progress:SX-04", "--out", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: unknown metric 'progress:SX-04'") and "plan_items" in err
    assert not out.exists()
