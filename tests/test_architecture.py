"""The architecture holds: import-linter's contracts (no Qt in the engine or the desktop's state,
no import cycles, the engine's layers), no Qt import anywhere in the engine, ruff clean."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_import_linter_contract_holds():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    kinds = {c["type"] for c in contracts}
    assert {"forbidden", "acyclic_siblings", "layers"} <= kinds
    assert f"Contracts: {len(contracts)} kept, 0 broken" in result.stdout


def test_no_qt_import_anywhere_in_geodata_or_seeds():
    """Also catches imports import-linter cannot see (inside strings passed to importlib)."""
    offenders = []
    for package in ("geodata", "seeds"):
        for path in (REPO / package).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            for node in ast.walk(ast.parse(source)):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                names += [n for n in (getattr(node, "value", None),) if isinstance(n, str)]
                if any(
                    n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "desktop"}
                    for n in names
                ):
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
            assert 'import_module("PySide6' not in source
    assert offenders == []


def test_ruff_is_clean():
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "."], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
