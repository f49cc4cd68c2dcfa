"""The shared workspace in the window: File > Workspace, a server that is down, colleagues' changes.

Against real PostgreSQL servers: the shared test server's databases (``pg_workspace``) and,
for the test that takes the server away and brings it back, a private cluster
(``tests/pgcluster.py``). The server-down-at-start test needs no server: the workspace named is
a socket nobody listens on.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app import create_window
from desktop.i18n import install_language
from desktop.workspace_actions import WorkspaceActions
from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.boundaries.pgstore import PostgisBoundaryStore
from geodata.paths import log_path
from geodata.postgis.config import WORKSPACE_VARIABLE, WorkspaceConfig, save_config
from geodata.postgis.connection import connect, forget_failures
from geodata.postgis.schema import create_or_upgrade
from tests.desktop.windows import open_window, regions_drawn
from tests.pgcluster import pg_cluster  # noqa: F401 - the fixture

WAIT = 90_000
SHEET = "region,metric,value,unit\n太原,充电桩,20000,个\n"


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory) -> Path:
    """One data home for the module (its cache of drawn layers makes the windows quicker)."""
    return tmp_path_factory.mktemp("workspace-home")


@pytest.fixture
def home(shared_home, monkeypatch, qapp) -> Path:
    """The module's home, set to the local workspace and English; failures forgotten after."""
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(shared_home))
    monkeypatch.delenv(WORKSPACE_VARIABLE, raising=False)
    (shared_home / "workspace.json").unlink(missing_ok=True)
    log_path().unlink(missing_ok=True)
    install_language(qapp, "en")
    from desktop.appsettings import settings

    settings().setValue("view/language", "en")
    yield shared_home
    (shared_home / "workspace.json").unlink(missing_ok=True)
    forget_failures()


@pytest.fixture(scope="module")
def four_cities(tmp_path_factory) -> Path:
    """Four of Shanxi's eleven cities as an agency's GeoPackage (the map then draws 4)."""
    from geodata.boundaries.bundled import bundled_layer

    path = tmp_path_factory.mktemp("four") / "four_cities.gpkg"
    gdf = bundled_layer("city", "140000").gdf[["adcode", "name_zh", "geometry"]].iloc[:4]
    gdf.to_file(path)
    return path


def store_four(dsn: str, path: Path) -> None:
    """Store the four cities in a workspace as a colleague would (another store instance)."""
    PostgisBoundaryStore(dsn).add(inspect_boundary_file(path, level="city", province="shanxi"))


def no_traceback(window) -> None:
    assert not [e for e in window.notifier.errors if "Unexpected problem" in e]
    assert not log_path().exists()


# ----------------------------------------------------------------- File > Workspace
@pytest.mark.postgis
def test_the_dialog_connects_and_the_window_shows_the_workspace(
    qtbot, home, pg_workspace, four_cities
):
    store_four(pg_workspace, four_cities)
    window = open_window(qtbot)
    assert regions_drawn(qtbot, window) == 11  # the local folder: the bundled cities
    assert window.workspace.label.text() == "Workspace: the local data folder"
    assert not window.workspace.timer.isActive()  # a local workspace is not polled

    dialog = window.workspace.open_dialog()
    assert dialog.in_use.text() == "In use: the local data folder"
    dialog.dsn_edit.setText(pg_workspace)
    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        dialog.connect_button.click()
        # the click returned before the server answered: the connection runs in a worker
        assert not dialog.connect_button.isEnabled()
        assert dialog.status.text().startswith("Connecting to ")
    assert dialog.errors == []
    assert json.loads((home / "workspace.json").read_text()) == {
        "kind": "postgis",
        "dsn": pg_workspace,
    }
    assert regions_drawn(qtbot, window) == 4  # the version stored in the workspace
    assert window.data.layer("140000", "city").version == "1"
    name = pg_workspace.split("dbname=")[1].split()[0]
    label = window.workspace.label.text()
    assert label.startswith("Workspace: PostGIS ") and f"dbname={name}" in label
    assert window.workspace.timer.isActive() and window.workspace.bar.isHidden()
    no_traceback(window)


@pytest.mark.parametrize(
    "dsn", ["host=db dbname=atlas password=s3cret", "postgresql://planner:s3cret@db/atlas"]
)
def test_a_connection_string_with_a_password_is_refused_before_anything(qtbot, home, dsn):
    from desktop.dialogs.workspace import WorkspaceDialog

    dialog = WorkspaceDialog(WorkspaceConfig())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.dsn_edit.setText(dsn)
    dialog.connect_button.click()
    assert len(dialog.errors) == 1 and "password" in dialog.errors[0]
    assert "s3cret" not in dialog.errors[0]
    assert dialog.error_box is not None and dialog.error_box.textFormat() == Qt.PlainText
    assert dialog.error_box.text() == dialog.errors[0]
    assert dialog.connect_button.isEnabled() and not dialog._workers  # nothing was tried
    assert not (home / "workspace.json").exists()  # nothing was saved
    dialog.error_box.close()


@pytest.mark.postgis
def test_a_database_without_the_tables_is_refused_unless_asked_to_create_them(
    qtbot, home, pg_database
):
    from desktop.dialogs.workspace import WorkspaceDialog

    dialog = WorkspaceDialog(WorkspaceConfig())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.dsn_edit.setText(pg_database)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: bool(dialog.errors), timeout=WAIT)
    assert "holds no Infra Atlas workspace yet" in dialog.errors[0]
    assert "Create the tables if missing" in dialog.errors[0]
    assert not (home / "workspace.json").exists()
    dialog.error_box.close()

    dialog.create_box.setChecked(True)
    with qtbot.waitSignal(dialog.chosen, timeout=WAIT) as chosen:
        dialog.connect_button.click()
    config, message = chosen.args
    assert config == WorkspaceConfig("postgis", pg_database)
    assert message.startswith("created the Infra Atlas workspace")
    with connect(pg_database) as conn:
        assert conn.execute("SELECT count(*) FROM infra_atlas.changes").fetchone()[0] == 0


# ----------------------------------------------------------------- a server that is down
def test_a_server_down_at_start_opens_the_window_with_the_banner_at_once(
    qtbot, home, tmp_path, monkeypatch
):
    dead = f"host={tmp_path} port=5999 dbname=atlas"  # no server listens on this socket
    monkeypatch.setenv(WORKSPACE_VARIABLE, dead)
    start = time.monotonic()
    window = create_window("shanxi", None, quiet=True)
    qtbot.addWidget(window)
    window.show()
    ready: list[bool] = []
    window.view_ready.connect(lambda: ready.append(True))
    window.controller.rebuild(keep_view=False)
    qtbot.waitExposed(window)
    bar = window.workspace.bar
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    assert time.monotonic() - start < 5  # up, painted and saying so (generous margin)
    assert bar.mode == "offline"
    assert bar.title.text() == "The shared workspace cannot be reached."
    assert "cached of it is shown, read-only" in bar.text.text()
    assert bar.text.toolTip().startswith(f"The workspace {shown(dead)} cannot be reached (")
    assert bar.retry_button.isVisible() and bar.local_button.isVisible()
    assert window.workspace.label.text().endswith("(cannot be reached)")
    qtbot.waitUntil(lambda: bool(ready), timeout=WAIT)
    assert regions_drawn(qtbot, window) == 11  # the bundled cities

    sheet = tmp_path / "piles.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    window.import_targets(str(sheet))  # writing fails with the engine's one sentence
    assert window.notifier.errors[-1].startswith(f"the workspace {shown(dead)} cannot be reached")

    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        qtbot.mouseClick(bar.local_button, Qt.LeftButton)
    assert json.loads((home / "workspace.json").read_text())["kind"] == "local"
    assert bar.isHidden() and not window.workspace.timer.isActive()
    assert window.workspace.label.text() == "Workspace: the local data folder"
    assert regions_drawn(qtbot, window) == 11
    assert len(window.notifier.errors) == 1
    no_traceback(window)


def shown(dsn: str) -> str:
    from geodata.postgis.config import shown_dsn

    return shown_dsn(dsn)


def offline_view_of_another_workspace(tmp_path: Path, monkeypatch) -> None:
    """Cache the Shanxi view of a workspace that is down and of which nothing is kept here.

    Its bundled cities must never stand in for what this machine kept of another workspace
    when that one is down too (the view cache is keyed by the data shown).
    """
    from desktop.app import initial_state
    from geodata.atlas import AtlasData

    monkeypatch.setenv(WORKSPACE_VARIABLE, f"host={tmp_path} port=5999 dbname=other")
    state = initial_state("shanxi")
    bundle = AtlasData().prepare_view(state.province, state.level, state.map_options())
    assert len(bundle["regions"]) == 11
    monkeypatch.delenv(WORKSPACE_VARIABLE)
    forget_failures()


@pytest.mark.postgis
def test_the_server_restarting_while_the_window_is_open(
    qtbot,
    home,
    pg_cluster,  # noqa: F811 - the fixture imported above
    four_cities,
    monkeypatch,
    tmp_path,
):
    monkeypatch.setattr(WorkspaceActions, "poll_ms", 300)
    offline_view_of_another_workspace(tmp_path, monkeypatch)
    dsn = pg_cluster.database("atlas")
    with connect(dsn) as conn:
        create_or_upgrade(conn, "test")
    store_four(dsn, four_cities)
    save_config(WorkspaceConfig("postgis", dsn))
    window = open_window(qtbot)
    assert regions_drawn(qtbot, window) == 4
    bar = window.workspace.bar

    pg_cluster.stop()
    qtbot.waitUntil(lambda: bar.isVisible() and bar.mode == "offline", timeout=WAIT)
    assert "cannot be reached" in bar.title.text()
    assert window.workspace.label.text().endswith("(cannot be reached)")
    with qtbot.waitSignal(window.view_ready, timeout=WAIT):  # still down: no hang ...
        qtbot.mouseClick(bar.retry_button, Qt.LeftButton)
    assert bar.isVisible() and bar.mode == "offline" and bar.retry_button.isEnabled()
    assert regions_drawn(qtbot, window) == 4  # the version this machine kept

    pg_cluster.start()
    qtbot.waitUntil(lambda: bar.isVisible() and bar.mode == "back", timeout=WAIT)
    assert "can be reached again" in bar.title.text() and bar.refresh_button.isVisible()
    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        qtbot.mouseClick(bar.refresh_button, Qt.LeftButton)
    assert bar.isHidden() and not window.workspace.offline
    assert not window.workspace.label.text().endswith("(cannot be reached)")
    assert regions_drawn(qtbot, window) == 4
    assert window.notifier.errors == []
    no_traceback(window)


# ----------------------------------------------------------------- colleagues' changes
@pytest.mark.postgis
def test_a_colleagues_change_makes_the_bar_offer_refresh(
    qtbot, home, pg_workspace, four_cities, monkeypatch
):
    monkeypatch.setattr(WorkspaceActions, "poll_ms", 300)
    save_config(WorkspaceConfig("postgis", pg_workspace))
    window = open_window(qtbot)
    assert regions_drawn(qtbot, window) == 11  # nothing stored yet: the bundled cities
    qtbot.waitUntil(lambda: window.workspace.shown is not None, timeout=WAIT)
    bar = window.workspace.bar
    assert bar.isHidden()

    store_four(pg_workspace, four_cities)  # a colleague, from another machine
    qtbot.waitUntil(lambda: bar.isVisible() and bar.mode == "changed", timeout=WAIT)
    assert bar.title.text() == (
        "The shared workspace changed (boundaries: version 1 stored by postgres)"
    )
    assert bar.refresh_button.isVisible() and not bar.retry_button.isVisible()
    assert regions_drawn(qtbot, window) == 11  # not before the planner asks
    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        qtbot.mouseClick(bar.refresh_button, Qt.LeftButton)
    assert bar.isHidden()
    assert regions_drawn(qtbot, window) == 4
    qtbot.wait(1000)  # a few more looks: the same state is not offered again
    assert bar.isHidden()
    no_traceback(window)
    window.close()
    assert not window.workspace.timer.isActive()  # no looks at a closed window's workspace
