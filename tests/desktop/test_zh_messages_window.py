"""A Chinese window says the engine's sentences in Chinese; the command line stays English.

The data folder's name holds braces, ``%s`` and markup: they reach the bar as they are. The
bar of a shared workspace and the notifier's errors are checked with a real failed connection
(a server that is not there) and real engine errors.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from desktop.i18n import install_language
from desktop.notify import Notifier, in_language
from desktop.workspace_actions import WorkspaceBar
from geodata.errors import InputError
from tests import boundary_cases as cases
from tests.desktop.windows import WAIT, open_window, regions_drawn

HOSTILE = "家{x}{0}%s<b>粗"


@pytest.fixture
def damaged_home(tmp_path, monkeypatch):
    from desktop.appsettings import settings
    from geodata.boundaries.importer.inspect import inspect_boundary_file
    from geodata.boundaries.store import BoundaryStore

    home = tmp_path / HOSTILE
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(home))
    BoundaryStore().add(inspect_boundary_file(cases.named_geojson(tmp_path, "a.geojson")))
    (home / "boundaries" / "v1" / "manifest.json").write_bytes(b"")
    settings().setValue("view/language", "zh")
    settings().sync()
    return home


def test_the_chinese_window_says_the_damaged_manifest_in_chinese(qtbot, qapp, damaged_home):
    window = open_window(qtbot, "shanxi")
    try:
        assert window.state.language == "zh"
        assert regions_drawn(qtbot, window) == 11
        notice = window.state_notice
        manifest = damaged_home / "boundaries" / "v1" / "manifest.json"
        assert notice.isVisible() and notice.repair_button.text() == "修复(&R)"
        expected = (
            f"• {manifest} 已损坏（文件是空的）：版本 1 无法读取，已略去；"
            "点击“修复”或运行 infra-atlas layers --repair 将其移到一旁"
        )
        assert notice.text.text() == expected
        assert notice.text.textFormat() == Qt.PlainText  # the <b> of the name is not markup
        assert notice.said[0].startswith(f"{manifest} is damaged (empty): version 1 could not")

        with qtbot.waitSignal(window.view_ready, timeout=WAIT):
            qtbot.mouseClick(notice.repair_button, Qt.LeftButton)
        moved = next((damaged_home / "boundaries" / "damaged").iterdir())
        assert notice.title.text() == "数据文件夹已修复："
        assert notice.problems == [
            f"版本 1 已移到 {moved}：{manifest} 已损坏（文件是空的）",
            "140000:city 恢复显示内置边界（版本 1 无法读取）",
            f"已重写 {damaged_home / 'boundaries' / 'active.json'}（保留 0 个当前版本）",
        ]

        install_language(qapp, "en")  # the sentences follow the language
        english = f"Version 1 was set aside in {moved}: {manifest} is damaged (empty)"
        qtbot.waitUntil(lambda: notice.problems[0] == english)
    finally:
        install_language(qapp, "en")
        window.close()


def test_the_command_line_on_the_same_damage_stays_english(damaged_home, capsys, monkeypatch):
    from desktop.cli.main import main

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["layers", "--diff", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    manifest = damaged_home / "boundaries" / "v1" / "manifest.json"
    assert err == [
        f"error: {manifest} is damaged (empty): version 1 could not be read and is "
        "left out; set it aside with infra-atlas layers --repair"
    ]


def test_the_workspace_bar_says_an_unreachable_server_in_chinese(qtbot, qapp, chinese, tmp_path):
    from geodata.postgis.connection import WorkspaceUnavailable, connect, forget_failures

    dsn = f"host={tmp_path / HOSTILE} port=1 dbname=atlas user=nobody"
    forget_failures()
    with pytest.raises(WorkspaceUnavailable) as caught:
        connect(dsn)
    forget_failures()
    bar = WorkspaceBar()
    qtbot.addWidget(bar)
    bar.show_mode("offline", str(caught.value))
    tip = bar.title.toolTip()
    assert tip.startswith(f"无法连接共享工作空间 dbname=atlas host={tmp_path / HOSTILE} port=1")
    assert tip.endswith("或用 infra-atlas workspace --local 回到本地数据文件夹")
    bar.show_mode("problem", str(caught.value))
    assert bar.detail.text() == tip and bar.detail.textFormat() == Qt.PlainText
    install_language(qapp, "en")
    qtbot.waitUntil(lambda: bar.detail.text().startswith("The workspace dbname=atlas host="))


def test_the_notifier_says_engine_errors_in_chinese(qtbot, chinese, tmp_path):
    from geodata.boundaries.importer.inspect import inspect_boundary_file

    window = QMainWindow()
    qtbot.addWidget(window)
    notifier = Notifier(window, window.statusBar(), quiet=True)
    sheet = tmp_path / f"{HOSTILE}.csv"
    sheet.write_text("adcode,name\n140100,太原市\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        inspect_boundary_file(sheet, level="city", province="shanxi")
    notifier.error(str(caught.value), True)
    assert notifier.errors[-1].startswith(f"{sheet.name} 是表格，不是边界文件：请选择 Shapefile")
    assert window.statusBar().currentMessage() == notifier.errors[-1]
    notifier.error("a sentence no entry knows {x}", True)
    assert notifier.errors[-1] == "a sentence no entry knows {x}"
    assert in_language(caught.value, "en") == str(caught.value)


def test_an_unexpected_error_is_reported_when_the_log_is_a_folder(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path))
    (tmp_path / "infra-atlas.log").mkdir()
    window = QMainWindow()
    qtbot.addWidget(window)
    notifier = Notifier(window, window.statusBar(), quiet=True)
    notifier.error("Traceback (most recent call last):\nValueError: boom", False)
    assert notifier.errors[-1] == (
        "Unexpected problem (ValueError: boom); details were written to the standard error "
        "output (the log file could not be written)"
    )
