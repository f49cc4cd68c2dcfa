"""The engine's sentences in both languages: every entry, real failures, hostile values.

Errors stay English for the command line (``str(error)``); :func:`geodata.messages.message`
gives them in Chinese for the window, from their key or by reading their English back. Every
failure here is real: files written by the test, then read, imported or written by the engine.
"""

from __future__ import annotations

import json
import pickle
import re
import warnings
import zipfile

import numpy as np
import pytest
import shapely

from geodata.errors import DamagedState, InputError, Unwritable
from geodata.i18n import LANGUAGES, TEXT
from geodata.messages import PREFIX, Sentence, message, recognise, said
from geodata.paths import atomic_write_text, home_problem
from geodata.statefiles import read_json
from tests import boundary_cases as cases

HOSTILE = "规划{x}{0}%s%(a)s<b>bold"  # no "/": it names files too
_ENGLISH_WORDS = re.compile(r"\b(is|was|the|could|not|with|damaged|missing)\b")
_PATH = re.compile(r"/[^\s（）：，；]*")


def _english_words(chinese: str) -> list[str]:
    """Return the English words of a Chinese sentence, its paths left out."""
    return _ENGLISH_WORDS.findall(_PATH.sub("", chinese))


def _fields(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def test_every_entry_has_both_languages():
    for key, entry in TEXT.items():
        for language in LANGUAGES:
            assert entry.get(language, "").strip(), f"{key} has no {language} text"


def test_every_sentence_has_the_same_placeholders_in_both_languages():
    sentences = {k: e for k, e in TEXT.items() if k.startswith(PREFIX)}
    assert len(sentences) > 80
    for key, entry in sentences.items():
        assert _fields(entry["zh"]) == _fields(entry["en"]), key


def test_every_sentence_is_read_back_from_its_english():
    """A sentence that lost its key (``str(error)``, a list of warnings) is found again."""
    for key, entry in TEXT.items():
        if not key.startswith(PREFIX):
            continue
        values = {name: f"V{i}-{name}" for i, name in enumerate(sorted(_fields(entry["en"])))}
        english = Sentence(key, values)
        found = recognise(str(english))
        assert found is not None and found.key == key, key
        assert message(str(english), "zh") == message(english, "zh")


def test_an_error_keeps_its_key_and_prints_its_english():
    error = DamagedState(said("state.missing", path="/data/v1/manifest.json", fix="fix it"))
    assert str(error) == "/data/v1/manifest.json is missing: fix it"
    assert error.key == "msg.state.missing" and error.values["path"] == "/data/v1/manifest.json"
    assert message(error, "zh") == "/data/v1/manifest.json 缺失：fix it"
    assert message(error, "en") == str(error)
    copy = pickle.loads(pickle.dumps(error))
    assert copy.key == error.key and message(copy, "zh") == message(error, "zh")
    plain = InputError("something no entry knows")
    assert plain.key is None and message(plain, "zh") == "something no entry knows"


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_values_stay_literal(language):
    """Braces, ``%s`` and markup in a file name are inserted as they are, never interpreted."""
    sentence = said(
        "state.damaged",
        path=f"/home/{HOSTILE}/manifest.json",
        what=said("damage.empty"),
        fix=said("fix.version", number=3),
    )
    for item in (sentence, str(sentence), DamagedState(sentence)):
        text = message(item, language)
        assert f"/home/{HOSTILE}/manifest.json" in text
        assert text.count("{") == 2 and text.count("%s") == 1 and "<b>bold" in text
    assert message(sentence, "en") == str(sentence)
    assert message(sentence, "zh").startswith(f"/home/{HOSTILE}/manifest.json 已损坏（文件是空的）")


def _read(path):
    return read_json(path, lambda data: data["province"], said("fix.version", number=1))


@pytest.mark.parametrize(
    ("content", "english", "chinese"),
    [
        (b"", "is damaged (empty)", "已损坏（文件是空的）"),
        (b'{"province": ', "is damaged (cut short)", "已损坏（内容不完整，被截断了）"),
        (bytes(range(128, 256)), "garbage bytes", "不是 UTF-8 文本，而是乱码"),
        (b'{"province": NaN}', "holds NaN", "含有严格 JSON 不允许的 NaN"),
        (b'{"level": "city"}', "not a version manifest: no 'province' entry", "缺少 'province' 项"),
        (None, "is damaged (a folder, not a file)", "这是一个文件夹，不是文件"),
    ],
)
def test_each_damaged_state_file_is_said_in_chinese(tmp_path, content, english, chinese):
    path = tmp_path / f"v1{HOSTILE}" / "manifest.json"
    path.parent.mkdir()
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    with pytest.raises(DamagedState) as caught:
        read_json(
            path,
            lambda data: data["province"],
            said("fix.version", number=1),
            shape=said("shape.version"),
        )
    assert english in str(caught.value) and str(caught.value).startswith(str(path))
    zh = message(caught.value, "zh")
    assert zh.startswith(f"{path} 已损坏") and chinese in zh
    assert zh.endswith(
        "版本 1 无法读取，已略去；点击“修复”或运行 infra-atlas layers --repair 将其移到一旁"
    )
    assert not _english_words(zh), zh


def test_the_data_folder_problems_and_the_repair_are_said_in_chinese(tmp_path, monkeypatch):
    """Damaged manifests, active.json, a plan's state: the warnings and what the repair did."""
    from geodata.boundaries.importer.inspect import inspect_boundary_file
    from geodata.boundaries.store import BoundaryStore
    from geodata.housekeeping import repair_state, state_problems

    home = tmp_path / f"home{HOSTILE}"
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(home))
    store = BoundaryStore()
    store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "a.geojson")))
    store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "b.geojson")))
    (home / "boundaries" / "v1" / "manifest.json").write_bytes(b"")
    (home / "boundaries" / "v2" / "layer.gpkg").write_bytes(b"garbage" * 30)
    (home / "boundaries" / "active.json").write_text('{"active": {"nokey": 2, "140000:city": 7}}')
    (home / "plans" / "p4").mkdir(parents=True)
    (home / "plans" / "state.json").write_text("[1, 2")
    (home / "boundaries" / ".tmp-v9-x").mkdir()

    problems = state_problems()
    repaired = repair_state()
    assert len(problems) >= 5 and len(repaired) >= 5
    for sentence in problems + repaired:
        zh = message(sentence, "zh")
        assert zh != str(sentence) and message(sentence, "en") == str(sentence)
        assert not _english_words(zh), zh
    said_zh = "\n".join(message(s, "zh") for s in problems + repaired)
    for part in (
        "manifest.json 已损坏（文件是空的）",
        "layer.gpkg 已损坏（不是 GeoPackage，而是乱码）",
        "条目 'nokey': 2 不是“省份:级别”键和版本号",
        "为 140000:city 指定了版本 7，但该版本并未保存",
        "版本 1 已移到",
        "已删除中断的导入留下的 .tmp-v9-x",
        "state.json 已损坏（内容不完整，被截断了）：所有规划均已显示",
    ):
        assert part in said_zh, part
    assert str(home) in said_zh


def test_an_unwritable_place_is_said_in_chinese(tmp_path, monkeypatch):
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    blocker = tmp_path / f"file{HOSTILE}"
    blocker.write_text("a file, not a folder")
    with pytest.raises(Unwritable) as caught:
        atomic_write_text(blocker / "out.json", "{}")
    assert "could not be written" in str(caught.value)
    zh = message(caught.value, "zh")
    assert zh.startswith(
        f"无法写入 {blocker / 'out.json'}（不是文件夹）：某一级文件夹的位置上是一个文件"
    )
    folder = tmp_path / "home" / "infra-atlas.log"
    folder.mkdir(parents=True)
    with pytest.raises(Unwritable) as caught:
        atomic_write_text(folder, "log")
    assert message(caught.value, "zh") == f"{folder} 是文件夹而不是文件：请删除或重命名该文件夹"
    monkeypatch.setenv("INFRA_ATLAS_HOME", "relative/home")
    with pytest.raises(InputError) as caught:
        home_problem()
    assert message(caught.value, "zh").startswith("INFRA_ATLAS_HOME 是相对路径 'relative/home'")


def test_a_full_or_read_only_data_folder_is_said_in_chinese():
    """What :func:`home_problem` says, with the system's reasons as they come."""
    for reason, chinese in (
        ("No space left on device", "磁盘已满"),
        ("Read-only file system", "文件系统是只读的"),
    ):
        english = said("home.unwritable", home="/srv/atlas{x}", reason=reason)
        assert english.startswith("the data folder /srv/atlas{x} cannot be written")
        zh = message(str(english), "zh")
        assert zh.startswith(f"数据文件夹 /srv/atlas{{x}} 无法写入（{chinese}）")


def test_the_import_errors_a_planner_meets_most_are_said_in_chinese(tmp_path, monkeypatch):
    from geodata.boundaries.importer.inspect import inspect_boundary_file
    from geodata.boundaries.store import BoundaryStore

    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    sheet = tmp_path / f"{HOSTILE}.csv"
    sheet.write_text("adcode,name\n140100,太原市\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        inspect_boundary_file(sheet, level="city", province="shanxi")
    assert message(caught.value, "zh").startswith(
        f"{sheet.name} 是表格，不是边界文件：请选择 Shapefile"
    )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        import geopandas as gpd

        bad = shapely.Polygon([(112, 37), (113, 37), (113, 38), (np.nan, 38)])
        path = tmp_path / "nan.gpkg"
        gpd.GeoDataFrame({"adcode": ["140100"]}, geometry=[bad], crs="EPSG:4326").to_file(path)
    with pytest.raises(InputError) as caught:
        inspect_boundary_file(path, level="city", province="shanxi")
    assert message(caught.value, "zh").startswith(
        "nan.gpkg 中有 1 个要素含有 NaN 或无穷大坐标（要素 1）"
    )

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("regions.geojson", b" " * (3 * 2**20))
    monkeypatch.setenv("INFRA_ATLAS_MAX_INPUT_MB", "2")
    with pytest.raises(InputError) as caught:
        inspect_boundary_file(bomb, level="city", province="shanxi")
    assert str(caught.value).startswith("bomb.zip unpacks to 3 MB, over the 2 MB limit")
    assert message(caught.value, "zh").startswith(
        "bomb.zip 解压后为 3 MB，超过了边界文件 2 MB 的上限"
    )
    monkeypatch.delenv("INFRA_ATLAS_MAX_INPUT_MB")

    nowhere = cases.named_geojson(
        tmp_path, "nowhere.geojson", names=["Nowhere"] * 11, codes=["999999"] * 11
    )
    result = inspect_boundary_file(nowhere, level="city", province="shanxi")
    with pytest.raises(InputError) as caught:
        BoundaryStore().add(result)
    assert str(caught.value).startswith("none of the 11 features of nowhere.geojson matched")
    assert message(caught.value, "zh").startswith(
        "nowhere.geojson 的 11 个要素都没有匹配到地级市区域"
    )


def test_the_json_a_sentence_goes_into_is_its_english():
    """A sentence is a ``str``: written to JSON (``--json``, logs) it is the English text."""
    sentence = said("repair.leftover", name=".tmp-v3-x")
    assert json.loads(json.dumps({"done": [sentence]}, allow_nan=False)) == {
        "done": ["removed .tmp-v3-x, left by an import that was stopped"]
    }


def test_a_long_sentence_full_of_fixed_texts_is_read_as_it_is():
    """Repeated fixed texts do not make the reading back explode (it never backtracks)."""
    text = "a is damaged (b) " * 5000 + "could not " * 5000
    assert message(text, "zh") == text
    long_path = "/p/" + "x is damaged (y) " * 2000
    sentence = said("state.damaged", path=long_path, what=said("damage.empty"), fix="fix")
    assert message(sentence, "zh") == f"{long_path} 已损坏（文件是空的）：fix"  # by its key
    read_back = message(str(sentence), "zh")  # the path hides the split: all of it is kept
    assert read_back.startswith("/p/x ") and read_back.endswith("：fix")
    assert read_back.count("x") == long_path.count("x") + str(sentence).count("x", len(long_path))
