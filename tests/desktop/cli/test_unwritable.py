"""Unwritable places never give a traceback: one ``error:`` line and exit 2, or the work done.

A read-only data folder (a read-only bind mount: we run as root, and root writes anywhere
else), a full one (a tiny tmpfs), a log path that is a folder, a relative
``$INFRA_ATLAS_HOME``, an unwritable ``--screenshot``; and every ``--json`` output is strict
JSON. Without the right to mount, the read-only folder is one the user ``nobody`` may not
write, and the commands run as ``nobody``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import boundary_cases as cases
from tests import docmaker
from tests.desktop.cli.conftest import FIGURES_SHEET, TARGETS_SHEET, cli, strict_json

EXE = str(Path(sys.executable).with_name("infra-atlas"))


def one_error(code: int, out: str, err: str, *words: str) -> None:
    """Exit 2 with exactly one ``error:`` line holding ``words``, nothing else."""
    assert code == 2 and out == "", (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err and all(w in lines[0] for w in words), err


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


class ReadOnlyHome:
    """A read-only copy of a data folder, and how to run the command line on it."""

    def __init__(self, path: Path, as_nobody: bool) -> None:
        self.path = path
        self.as_nobody = as_nobody

    def run(self, capsys, *args: str) -> tuple[int, str, str]:
        """Run the command line on the read-only folder (as ``nobody`` without a mount)."""
        if not self.as_nobody:
            return cli(capsys, *args)
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", EXE]
        env = {**os.environ, "INFRA_ATLAS_HOME": str(self.path), "HOME": str(self.path.parent)}
        done = subprocess.run(
            [*command, *args], capture_output=True, text=True, env=env, timeout=300
        )
        return done.returncode, done.stdout, done.stderr


@pytest.fixture
def readonly_home(filled_home, tmp_path, monkeypatch):
    """The filled data folder, read-only: a read-only bind mount, else unwritable by nobody."""
    source, home = tmp_path / "source", tmp_path / "home"
    shutil.copytree(filled_home, source)
    home.mkdir()
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(home))
    if _mount("--bind", str(source), str(home)):
        if not _mount("-o", "remount,ro,bind", str(home)):
            subprocess.run(["umount", str(home)], check=True)
            pytest.skip("a read-only bind mount is not permitted here")
        try:
            yield ReadOnlyHome(home, as_nobody=False)
        finally:
            subprocess.run(["umount", str(home)], check=True)
        return
    if shutil.which("setpriv") is None:
        pytest.skip("neither mount nor setpriv is available to make a read-only data folder")
    shared = Path("/tmp") / f"infra-atlas-readonly-{os.getpid()}"
    shutil.rmtree(shared, ignore_errors=True)
    shutil.copytree(filled_home, shared / "home")
    os.chmod(shared, 0o755)
    for path in [shared / "home", *(shared / "home").rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)  # readable, writable by root only
    try:
        yield ReadOnlyHome(shared / "home", as_nobody=True)
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def test_a_read_only_data_folder_reads_and_refuses_writes_in_one_line(
    readonly_home, tmp_path, capsys
):
    run = readonly_home.run
    code, out, err = run(capsys, "targets", "--province", "shanxi", "--json")
    assert code == 0 and "P1-L2" in {t["id"] for t in strict_json(out)["targets"]}, err
    code, out, err = run(capsys, "join", "--province", "shanxi", "--json")
    assert code == 0 and strict_json(out)["regions"] == 11, err
    code, out, err = run(capsys, "layers", "--json")
    assert code == 0 and [v["version"] for v in strict_json(out)["versions"]] == [0, 1], err
    png = tmp_path / "out" / "shanxi.png"
    png.parent.mkdir()
    os.chmod(png.parent, 0o777)  # writable by nobody too
    code, out, err = run(capsys, "export", "--province", "shanxi", "--out", str(png), "--dpi", "50")
    assert code == 0 and png.read_bytes().startswith(b"\x89PNG"), err

    home = str(readonly_home.path)
    one_error(*run(capsys, "layers", "--activate", "0"), home, "could not be written")
    one_error(*run(capsys, "plans", "--hide", "1"), home, "could not be written")
    sheet = tmp_path / "more.csv"
    sheet.write_text(TARGETS_SHEET, encoding="utf-8")
    os.chmod(tmp_path, 0o755)
    one_error(*run(capsys, "import-targets", str(sheet)), home)
    one_error(*run(capsys, "layers", "--repair"), home, "could not be written")


@pytest.fixture
def full_home(filled_home, tmp_path, monkeypatch):
    """The filled data folder's stores on a tmpfs of 1 MB, filled to the last byte."""
    home = tmp_path / "home"
    home.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(home)):
        pytest.skip("mounting a small tmpfs is not permitted here")
    try:
        ignore = shutil.ignore_patterns("cache", "*.log")  # the stores only
        shutil.copytree(filled_home, home, dirs_exist_ok=True, ignore=ignore)
        with open(home / "filler", "wb", buffering=0) as f, contextlib.suppress(OSError):
            while True:
                f.write(b"\0" * 4096)
        monkeypatch.setenv("INFRA_ATLAS_HOME", str(home))
        yield home
    finally:
        subprocess.run(["umount", str(home)], check=True)


def test_a_full_data_folder_reads_and_refuses_writes_in_one_line(full_home, capsys):
    code, out, err = cli(capsys, "targets", "--province", "shanxi", "--json")
    assert code == 0 and "P1-L2" in {t["id"] for t in strict_json(out)["targets"]}, err
    one_error(*cli(capsys, "plans", "--hide", "1"), "No space left", str(full_home))
    one_error(*cli(capsys, "layers", "--activate", "0"), "No space left")
    assert json.loads((full_home / "plans" / "state.json").read_text())["hidden"] == []


def test_the_error_reporter_never_fails_on_its_log(tmp_path, monkeypatch, capsys):
    from desktop.cli.main import _report_unexpected

    home = tmp_path / "home"
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(home))
    _report_unexpected(RuntimeError("boom"))
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "RuntimeError: boom" in err and "infra-atlas.log" in err
    assert "RuntimeError: boom" in (home / "infra-atlas.log").read_text(encoding="utf-8")

    (home / "infra-atlas.log").unlink()
    (home / "infra-atlas.log").mkdir()  # the log path is a folder
    _report_unexpected(RuntimeError("boom again"))
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "boom again" in err and "written to" not in err

    monkeypatch.setenv("INFRA_ATLAS_HOME", "relative/home")  # the log cannot even be found
    _report_unexpected(ValueError("no home"))
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no home" in err and "written to" not in err


def test_a_relative_home_is_an_input_error_naming_the_fix(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INFRA_ATLAS_HOME", "relative/home")
    for args in (("targets", "--json"), ("layers",), ("gui", "--screenshot", "x.png")):
        one_error(*cli(capsys, *args), "INFRA_ATLAS_HOME", "absolute")
    assert list(tmp_path.iterdir()) == []  # nothing was made in the working folder


def test_an_unwritable_screenshot_is_refused_before_the_window_opens(tmp_path, capsys):
    from desktop.app import check_screenshot

    blocker = tmp_path / "a-file.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    (tmp_path / "folder.png").mkdir()
    for path in (blocker / "shot.png", tmp_path / "folder.png", tmp_path / "shot.jpg"):
        one_error(*cli(capsys, "gui", "--screenshot", str(path)), "--screenshot")
    deeper = tmp_path / "new" / "deeper" / "shot.png"
    assert check_screenshot(str(deeper)) == deeper and deeper.parent.is_dir()


def test_a_screenshot_into_a_read_only_folder_is_refused(readonly_home, capsys):
    if readonly_home.as_nobody:
        pytest.skip("run in this process only on a read-only mount")
    shot = readonly_home.path / "shot.png"
    one_error(*cli(capsys, "gui", "--screenshot", str(shot)), "--screenshot", "cannot be written")


def test_every_json_output_is_strict(filled_home, tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    shutil.copytree(filled_home, home)
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(home))
    (home / "boundaries" / "v1" / "manifest.json").write_text("{", encoding="utf-8")
    nameless = cases.named_geojson(tmp_path, "nameless.geojson")
    data = json.loads(nameless.read_text(encoding="utf-8"))
    data["features"][0]["properties"] = {"name": None, "adcode": None}  # read as NaN
    nameless.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    figures = tmp_path / "figures.csv"
    figures.write_text(FIGURES_SHEET, encoding="utf-8")
    sheet = tmp_path / "targets.csv"
    sheet.write_text(TARGETS_SHEET, encoding="utf-8")
    plan = docmaker.write_text(tmp_path, "plan.txt", "到2025年，全省累计建成5G基站12万个。\n")
    commands = [
        ("targets", "--province", "shanxi"),
        ("join", "--province", "shanxi"),
        ("join", "--province", "shanxi", "--boundaries", str(nameless)),
        ("layers",),
        ("layers", "--repair"),
        ("import-boundaries", str(cases.named_geojson(tmp_path, "b.geojson"))),
        ("plans",),
        ("import-targets", str(sheet)),
        ("import-observations", str(figures)),
        ("progress",),
        ("plan-import", str(plan), "--province", "shanxi"),
    ]
    for args in commands:
        code, out, err = cli(capsys, *args, "--json")
        assert code == 0, (args, err)
        assert isinstance(strict_json(out), dict), args
