"""The window opens on a damaged or read-only data folder, says what is wrong, and repairs.

The damaged folder has an empty version manifest, a garbage settings file, a folder where the
log should be, and a cached map view whose document is garbage (which used to leave the page
loading for ever). The map is drawn on the bundled boundaries; the bar above it names the
manifest, and its Repair button sets the version aside. A read-only folder opens too, with the
bar saying so and no Repair button.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from desktop.app import initial_state
from tests import boundary_cases as cases
from tests.desktop.windows import open_window, regions_drawn

WAIT = 90_000


@pytest.fixture
def damaged_home(tmp_path, monkeypatch):
    from geodata.atlas import AtlasData
    from geodata.boundaries.importer.inspect import inspect_boundary_file
    from geodata.boundaries.store import BoundaryStore
    from geodata.web.viewcache import ViewCache

    home = tmp_path / "home"
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(home))
    BoundaryStore().add(inspect_boundary_file(cases.named_geojson(tmp_path, "a.geojson")))
    (home / "boundaries" / "v1" / "manifest.json").write_bytes(b"")
    (home / "settings.ini").write_bytes(bytes(range(256)) * 8)
    (home / "infra-atlas.log").mkdir()
    state = initial_state("shanxi")
    key = AtlasData().view_key(state.province, state.level, state.map_options())
    html, meta = ViewCache().paths(key)
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_bytes(b"\x00garbage, not a page" * 100)
    bundle = {"key": key, "metrics": [], "regions": [], "html_bytes": html.stat().st_size}
    meta.write_text(json.dumps(bundle), encoding="utf-8")
    return home


def test_the_window_opens_on_a_damaged_home_and_repairs_it(qtbot, damaged_home):
    window = open_window(qtbot, "shanxi")
    assert regions_drawn(qtbot, window) == 11  # the bundled cities stand in
    notice = window.state_notice
    manifest = damaged_home / "boundaries" / "v1" / "manifest.json"
    assert notice.isVisible() and notice.repair_button.isVisible()
    assert any(str(manifest) in p and "is damaged (empty)" in p for p in notice.problems)
    assert str(manifest) in notice.text.text()

    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        qtbot.mouseClick(notice.repair_button, Qt.LeftButton)
    assert [p.name[:3] for p in (damaged_home / "boundaries" / "damaged").iterdir()] == ["v1-"]
    assert notice.isVisible() and notice.repair_button.isHidden()
    assert any("version 1 was set aside" in p.lower() for p in notice.problems)
    qtbot.mouseClick(notice.close_button, Qt.LeftButton)
    assert notice.isHidden()
    assert regions_drawn(qtbot, window) == 11
    window.close()  # saving the settings over the garbage file does not fail


def test_the_window_opens_on_a_read_only_home(qtbot, tmp_path, monkeypatch):
    source, home = tmp_path / "source", tmp_path / "home"
    source.mkdir()
    home.mkdir()
    if subprocess.run(["mount", "--bind", str(source), str(home)]).returncode != 0:
        pytest.skip("a read-only bind mount is not permitted here")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(home)]).returncode != 0:
            pytest.skip("a read-only bind mount is not permitted here")
        monkeypatch.setenv("INFRA_ATLAS_HOME", str(home))
        window = open_window(qtbot, "zhejiang")
        notice = window.state_notice
        assert notice.isVisible() and notice.repair_button.isHidden()
        assert notice.problems[0].startswith(f"The data folder {home} cannot be written")
        assert "Read-only file system" in notice.problems[0]
        assert regions_drawn(qtbot, window) == 11
        window.close()
        window.deleteLater()
    finally:
        subprocess.run(["umount", str(home)], check=True)
        shutil.rmtree(source, ignore_errors=True)
