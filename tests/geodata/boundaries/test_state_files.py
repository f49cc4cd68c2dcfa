"""Reading the data folder's files whatever their state; leftovers cleaned; the repair.

Real files in a fresh data folder: a state file read defensively says in one sentence what is
wrong and the fix; a cache entry that is damaged is a miss and is deleted; what a killed import
left is removed unless an import is writing; the repair sets damaged versions aside without
ever giving their number again.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from geodata.errors import DamagedState, InputError, Unwritable
from geodata.statefiles import clean_leftovers, read_cache_json, read_json
from tests import boundary_cases as cases

FIX = "do this"


def as_dict(value):
    if not isinstance(value, dict):
        raise TypeError("not an object")
    return value


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"", "is damaged (empty): do this"),
        (b'{"active": {"1400', "is damaged (cut short): do this"),
        (b'{"a": 1,\n "b": ]}', "is damaged (not JSON: Expecting value (line 2))"),
        (b"\xff\xfe\x00garbage", "is damaged (not UTF-8 text: garbage bytes)"),
        (b'{"a": NaN}', "is damaged (it holds NaN, which strict JSON does not allow)"),
        (b"[1, 2]", "is damaged (not a state: not an object): do this"),
        (None, "is damaged (a folder, not a file): do this"),
    ],
)
def test_a_damaged_state_file_is_one_sentence_naming_it_and_the_fix(tmp_path, content, what):
    path = tmp_path / "state.json"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    with pytest.raises(DamagedState) as caught:
        read_json(path, as_dict, FIX, shape="a state")
    message = str(caught.value)
    assert message.startswith(f"{path} {what}") and message.endswith(FIX)
    assert "\n" not in message and isinstance(caught.value, InputError)


def test_a_missing_state_file_is_the_default_or_damage(tmp_path):
    path = tmp_path / "nowhere" / "state.json"
    assert read_json(path, as_dict, FIX, missing={}) == {}
    with pytest.raises(DamagedState, match=f"^{path} is missing: {FIX}$"):
        read_json(path, as_dict, FIX)
    path.parent.mkdir()
    path.write_text('\ufeff{"hidden": []}', encoding="utf-8")  # a byte-order mark is fine
    assert read_json(path, as_dict, FIX) == {"hidden": []}


@pytest.mark.parametrize("content", [b"", b"{", b"\x00\x01", b"[]", None])
def test_a_damaged_cache_entry_is_a_miss_and_is_deleted(tmp_path, content):
    path = tmp_path / "entry.json"
    if content is None:
        path.mkdir()
        (path / "inside").write_text("x", encoding="utf-8")
    else:
        path.write_bytes(content)
    assert read_cache_json(path, as_dict) is None
    assert not path.exists()
    path.write_text('{"ok": 1}', encoding="utf-8")
    assert read_cache_json(path, as_dict) == {"ok": 1}


def test_a_failed_write_is_unwritable_an_input_error_and_an_oserror(tmp_path):
    from geodata.paths import atomic_write_text

    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(Unwritable) as caught:
        atomic_write_text(blocker / "state.json", "{}")
    assert isinstance(caught.value, OSError) and isinstance(caught.value, InputError)
    assert str(caught.value).startswith(f"{blocker / 'state.json'} could not be written (")
    with contextlib.suppress(OSError):  # what the caches do with a failed write
        atomic_write_text(blocker / "state.json", "{}")
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(Unwritable, match="is a folder, not a file: remove or rename"):
        atomic_write_text(tmp_path / "folder.json", "{}")


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith("."))


def test_leftovers_are_removed_unless_an_import_is_writing(tmp_path):
    from geodata.paths import store_lock

    root = tmp_path / "boundaries"
    for name in (".tmp-v3-killed", ".trash-p2-1-2", ".tmp-v4-old"):
        (root / name).mkdir(parents=True)
        (root / name / "layer.gpkg").write_bytes(b"\0" * 1000)
    (root / ".active.json.x1y2").write_text("{", encoding="utf-8")
    hour_ago = time.time() - 2 * 3600
    os.utime(root / ".tmp-v4-old", (hour_ago, hour_ago))
    taken, release = threading.Event(), threading.Event()

    def writer() -> None:  # another import holds the lock while it writes
        with store_lock(root):
            taken.set()
            release.wait(30)

    thread = threading.Thread(target=writer)
    thread.start()
    taken.wait(30)
    try:
        assert clean_leftovers(root) == [".tmp-v4-old"]  # only the one older than an hour
    finally:
        release.set()
        thread.join()
    assert sorted(clean_leftovers(root)) == [".active.json.x1y2", ".tmp-v3-killed", ".trash-p2-1-2"]
    assert leftovers(root) == [".lock"]


def test_the_command_line_cleans_a_killed_import_at_start(home, capsys):
    from desktop.cli.main import main

    stale = home / "boundaries" / ".tmp-v7-killed"
    stale.mkdir(parents=True)
    (stale / "layer.gpkg").write_bytes(b"\0" * 100_000)
    plan = home / "plans" / ".tmp-p2-killed"
    plan.mkdir(parents=True)
    assert main(["layers", "--json"]) == 0
    capsys.readouterr()
    assert not stale.exists() and not plan.exists()


def test_a_key_without_colon_is_ignored_and_written_away(home, tmp_path):
    from geodata.boundaries.active import cities
    from geodata.boundaries.store import BoundaryStore

    store = BoundaryStore()
    store.add(inspect(tmp_path))
    path = store.root / "active.json"
    path.write_text('{"active": {"city": 1, "140000:city": 1, "330000:town": 1}}', "utf-8")
    store = BoundaryStore()
    assert store.active() == {"140000:city": 1}
    assert len(store.warnings) == 2
    assert "(the entry 'city': 1 is not a province:level key" in store.warnings[0]
    assert "(the entry '330000:town': 1 is not" in store.warnings[1]
    assert cities("shanxi").version == "1"
    assert "bundled" in store.activate(0, "county", None)  # no crash on the bad keys
    assert BoundaryStore().active() == {"140000:city": 1} and BoundaryStore().warnings == []


def inspect(folder: Path, name: str = "a.geojson"):
    from geodata.boundaries.importer.inspect import inspect_boundary_file

    return inspect_boundary_file(cases.named_geojson(folder, name))


def test_the_repair_sets_a_damaged_version_aside_and_its_number_is_never_given_again(
    home, tmp_path
):
    from geodata.boundaries.store import BoundaryStore

    store = BoundaryStore()
    store.add(inspect(tmp_path))
    store.add(inspect(tmp_path, "b.geojson"))
    gpkg = store.root / "v2" / "layer.gpkg"
    gpkg.write_bytes(gpkg.read_bytes()[:300])  # its header promises more pages
    with pytest.raises(DamagedState, match=r"v2/layer.gpkg is damaged \(cut short\)"):
        store.activate(2)
    done = store.repair()
    assert done[0].startswith(f"version 2 was set aside in {store.root / 'damaged' / 'v2-'}")
    assert "v2/layer.gpkg is damaged (cut short)" in done[0]
    assert any("140000:city shows the bundled boundaries again" in d for d in done)
    assert [v.version for v in BoundaryStore().versions()] == [1]
    assert BoundaryStore().active() == {}
    assert store.repair() == []  # nothing left to repair
    assert store.add(inspect(tmp_path, "c.geojson")).version == 3


def test_a_folder_in_place_of_active_json_is_refused_in_one_sentence_then_repaired(home, tmp_path):
    from geodata.boundaries.store import BoundaryStore

    store = BoundaryStore()
    store.add(inspect(tmp_path))
    (store.root / "active.json").unlink()
    (store.root / "active.json").mkdir()
    with pytest.raises(Unwritable, match="active.json is a folder, not a file"):
        store.activate(1)
    assert any("set aside" in line for line in store.repair())
    assert "version 1" in store.activate(1) and BoundaryStore().active() == {"140000:city": 1}


def test_a_whole_font_is_told_from_a_damaged_one(tmp_path):
    from geodata.fonts import CJK_FONT_PATH
    from geodata.web.pagefont import whole_font

    assert whole_font(CJK_FONT_PATH)
    cut = tmp_path / "cut.ttf"
    cut.write_bytes(CJK_FONT_PATH.read_bytes()[:65536])
    assert not whole_font(cut)
    shutil.copyfile(CJK_FONT_PATH, tmp_path / "copy.ttf")
    assert whole_font(tmp_path / "copy.ttf")
    (tmp_path / "garbage.ttf").write_bytes(b"\x00\x01\x00\x00" + b"\xff" * 100)
    assert not whole_font(tmp_path / "garbage.ttf") and not whole_font(tmp_path)


def test_an_active_version_that_is_not_stored_is_reported_and_repaired(home):
    from geodata.boundaries.active import cities
    from geodata.boundaries.store import BoundaryStore
    from geodata.housekeeping import repair_state, state_problems

    root = home / "boundaries"
    root.mkdir(parents=True)
    (root / "active.json").write_text('{"active": {"140000:city": 7}}', encoding="utf-8")
    layer = cities("shanxi")
    assert layer.version == "0" and any("no boundary version 7" in w for w in layer.warnings)
    assert [p for p in state_problems() if "names version 7 for 140000:city" in p]
    assert any("version 7" in line for line in repair_state())
    assert BoundaryStore().active() == {} and state_problems() == []
    assert cities("shanxi").warnings == []
