"""SCRATCH (to be deleted): 2x export with the window's state in Chinese."""
import os
import shutil

import pytest

from tests.desktop.test_export_dialog import (  # noqa: F401
    assert_real_render, english, export_view, page_value, WAIT,
)
from tests.desktop.windows import open_drawn_window

OUT = os.environ.get("ZH_OUT", "/tmp/zhrepro/out")


@pytest.fixture(scope="module")
def shanxi(qapp):
    window = open_drawn_window("shanxi", size=(1000, 700))
    yield window
    window.close()
    window.deleteLater()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_zh(qtbot, shanxi, tmp_path, lang):
    shanxi.state.set_language(lang)
    qtbot.waitUntil(lambda: page_value(qtbot, shanxi.map, "JSON.stringify(InfraAtlas.lang)") == lang, timeout=WAIT)
    qtbot.wait(800)
    one = export_view(qtbot, shanxi, tmp_path / "view1.png", 1)
    two = export_view(qtbot, shanxi, tmp_path / "view2.png", 2)
    shutil.copy(tmp_path / "view1.png", f"{OUT}/{lang}-view1.png")
    shutil.copy(tmp_path / "view2.png", f"{OUT}/{lang}-view2.png")
    assert_real_render(one, two, 2)
