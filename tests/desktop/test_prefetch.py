"""A warm start loads the last page ahead of the window, in the real web engine, offscreen.

Each test has its own data home: a first window draws Shanxi and notes its page, and the next
start (``load_ahead`` then ``create_window`` with that view, as ``desktop.app.run`` does) keeps
it, or loads the page its controller asks for when the guess was wrong.
"""

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from desktop.app import _page_ahead, create_window
from desktop.map.prefetch import (
    RECORD_NAME,
    load_ahead,
    processing_events,
    remember_page,
)
from geodata.paths import cache_dir
from tests.desktop.windows import open_window, run_js

WAIT = 90_000
_SHOWN = {"remote": False, "province": "140000", "language": "en"}


def _note() -> dict:
    return json.loads((cache_dir() / RECORD_NAME).read_text(encoding="utf-8"))


@pytest.fixture
def noted(qtbot, home) -> dict:
    """Shanxi drawn once and closed (its settings saved): the note the next start reads."""
    window = open_window(qtbot, "shanxi")
    window.close()
    return _note()


def _start(qtbot, view, province=None):
    """Build the window around ``view`` as a start does; return it and the pages it loaded."""
    loads = []
    load = view.load

    def recorded(url):  # the pages the window loads in the view (passed on to Qt)
        loads.append(url.toLocalFile())
        load(url)

    view.load = recorded
    window = create_window(province, None, quiet=True, map_view=view)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        window.controller.rebuild(keep_view=False)
    return window, loads


def test_a_drawn_map_notes_its_page_and_size(noted):
    assert Path(noted["path"]).parent == cache_dir() / "views"
    assert Path(noted["path"]).suffix == ".html"
    assert noted["remote"] is False
    assert (noted["province"], noted["language"]) == ("140000", "en")
    width, height = noted["size"]
    assert 300 < width < 1400 and 200 < height < 900  # the map, beside the panels


def test_the_next_start_keeps_the_page_loaded_ahead(qtbot, noted):
    view = load_ahead()
    assert view is not None and str(view.current_path) == noted["path"]
    window, loads = _start(qtbot, view)
    assert window.map is view
    assert loads == []  # the controller asked for the page already loading: not loaded again
    assert [window.map.size().width(), window.map.size().height()] == noted["size"]
    assert json.loads(run_js(qtbot, window, "InfraAtlas.describe()"))["regions"] == 11
    assert window.map.isVisible()


def test_a_page_loaded_ahead_reports_ready_once_asked_for(qtbot, noted):
    view = load_ahead()
    reports = []
    view.map_ready.connect(lambda: reports.append(True))
    qtbot.waitUntil(lambda: view.is_ready, timeout=WAIT)
    qtbot.wait(50)
    assert reports == []  # nothing of a window listens yet
    with qtbot.waitSignal(view.map_ready, timeout=WAIT):
        view.load_map(view.current_path)
    assert reports == [True]


def test_a_page_laid_out_at_another_size_is_loaded_again(qtbot, noted):
    (cache_dir() / RECORD_NAME).write_text(json.dumps({**noted, "size": [400, 300]}))
    view = load_ahead()
    assert (view.width(), view.height()) == (400, 300)
    window, loads = _start(qtbot, view)
    assert loads == [noted["path"]]  # the same page, laid out again at the window's size
    assert json.loads(run_js(qtbot, window, "InfraAtlas.describe()"))["regions"] == 11


def test_a_damaged_page_loaded_ahead_is_made_again_and_loaded(qtbot, noted):
    page = Path(noted["path"])
    whole = page.read_bytes()
    page.write_bytes(whole[: len(whole) // 2])  # cut short: the view cache makes it again
    view = load_ahead()
    window, loads = _start(qtbot, view)
    assert loads == [noted["path"]]  # the page written again, not the half loaded ahead
    assert page.read_bytes().rstrip().endswith(b"</html>")
    assert json.loads(run_js(qtbot, window, "InfraAtlas.describe()"))["regions"] == 11


def test_another_province_replaces_the_page_loaded_ahead(qtbot, noted):
    view = load_ahead()
    window, loads = _start(qtbot, view, province="zhejiang")
    zhejiang = window.data.cached_view("330000", window.state.level, window.state.map_options())
    assert loads == [zhejiang["path"]] and zhejiang["path"] != noted["path"]
    assert str(window.map.current_path) == zhejiang["path"]
    assert _note()["path"] == zhejiang["path"]  # the page drawn last is the next start's guess


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{garbage",
        b"[1, 2, 3]",
        b'{"path": 3, "size": [800, 600], "remote": false, SHOWN}',
        b'{"path": "PAGE", "size": [0, 600], "remote": false, SHOWN}',
        b'{"path": "PAGE", "size": [800, 600], "remote": "no", SHOWN}',
        b'{"path": "PAGE", "size": [800.5, 600], "remote": false, SHOWN}',
        b'{"path": "PAGE", "size": [800, 600, 1], "remote": false, SHOWN}',
        b'{"path": "PAGE", "size": [800, NaN], "remote": false, SHOWN}',
        b'{"path": "PAGE", "size": [800, 600], "remote": false}',
        b'{"path": "PAGE", "size": [800, 600], "remote": false, "province": 140000, '
        b'"language": "en"}',
    ],
)
def test_a_damaged_note_is_not_followed_and_goes(qtbot, home, content):
    page = cache_dir() / "views" / "page.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("<p>a page</p>")
    note = cache_dir() / RECORD_NAME
    shown = b'"province": "140000", "language": "en"'
    note.write_bytes(content.replace(b"PAGE", str(page).encode()).replace(b"SHOWN", shown))
    assert load_ahead() is None
    assert not note.exists()  # a damaged cache entry is deleted, made again at the next map


def test_a_note_pointing_outside_the_view_cache_is_not_followed(qtbot, home, tmp_path):
    outside = tmp_path / "elsewhere.html"
    outside.write_text("<script>document.title = 'ran'</script>")
    note = cache_dir() / RECORD_NAME
    views = cache_dir() / "views"
    (views / "folder.html").mkdir(parents=True)
    for path in (outside, views / "gone.html", views / "folder.html"):
        note.write_text(json.dumps({**_SHOWN, "path": str(path), "size": [800, 600]}))
        assert load_ahead() is None
    note.unlink()
    note.mkdir()  # a folder in the note's place
    assert load_ahead() is None


def test_a_page_outside_the_view_cache_is_not_noted(qtbot, home, tmp_path):
    from desktop.map.view import MapView

    page = tmp_path / "export.html"
    page.write_text("<p>an export</p>")
    view = MapView()
    qtbot.addWidget(view)
    view.current_path = page
    remember_page(view, "140000", "en")
    assert not (cache_dir() / RECORD_NAME).exists()


@pytest.mark.parametrize(
    ("key", "other"), [("province", "330000"), ("language", "zh"), ("province", "both")]
)
def test_settings_opening_another_map_load_nothing_ahead(qtbot, noted, key, other):
    from desktop.appsettings import settings

    assert load_ahead() is not None  # closed on Shanxi in English: the note's map
    settings().setValue(f"view/{key}", other)
    settings().sync()
    assert load_ahead() is None


def test_a_start_naming_a_province_or_a_region_loads_nothing_ahead(qtbot, noted):
    assert _page_ahead("zhejiang", None) is None
    assert _page_ahead(None, "140100") is None


def test_imports_let_qt_events_through(qtbot, tmp_path, monkeypatch):
    (tmp_path / "atlas_pump_probe.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    ran = []
    QTimer.singleShot(0, lambda: ran.append(True))
    finders = list(sys.meta_path)
    with processing_events(every_s=0):
        import atlas_pump_probe  # noqa: F401

        assert ran == [True]  # the timer fired while the module was being imported
    assert sys.meta_path == finders
    monkeypatch.delitem(sys.modules, "atlas_pump_probe")
