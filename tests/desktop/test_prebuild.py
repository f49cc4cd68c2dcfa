"""The cache files shipped in resources/prebuilt: used by a new data home, and kept fresh."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from desktop import prebuild
from geodata import prebuilt


@pytest.fixture
def fresh_home(tmp_path, monkeypatch) -> Path:
    """An empty data home, with this process's record of installed files emptied."""
    home = tmp_path / "home"
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(home))
    monkeypatch.setattr(prebuilt, "installed", [])
    return home


def test_shipped_files_match_what_the_code_would_build(fresh_home):
    problems = prebuild.stale()
    assert problems == [], f"resources/prebuilt is stale: run {prebuild.REGENERATE}: {problems}"


def test_a_stale_shipped_file_is_named(fresh_home, tmp_path):
    root = tmp_path / "prebuilt"
    shutil.copytree(prebuilt.PREBUILT_DIR, root)
    manifest = json.loads((root / prebuilt.MANIFEST_NAME).read_text(encoding="utf-8"))
    font = next(name for name in manifest["files"] if name.startswith("fonts/"))
    manifest["files"] = [
        n if n != font else "fonts/page-0000000000000000-400.ttf" for n in manifest["files"]
    ]
    (root / prebuilt.MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    problems = prebuild.stale(root)
    assert f"missing {font}" in problems
    assert "no longer made: fonts/page-0000000000000000-400.ttf" in problems


def test_a_new_data_home_opens_the_shipped_view_without_building(fresh_home):
    from geodata.atlas import AtlasData
    from geodata.regions import catalogue as cat

    cat.catalogue.cache_clear()
    regions = cat.catalogue()
    name = cat._catalogue_cache_path().name
    assert prebuilt.installed == [name]  # read from the shipped file, not built
    assert (fresh_home / "cache" / name).read_bytes() == (prebuilt.PREBUILT_DIR / name).read_bytes()
    assert any(r.adcode == "140100" for r in regions)

    data = AtlasData()
    views = prebuild._start_views(data)
    assert {options.language for *_rest, options in views} == {"zh", "en"}
    for key, province, level, options in views:
        bundle = data.cached_view(province, level, options)
        assert bundle is not None and bundle["key"] == key
        assert f"views/{key}.html" in prebuilt.installed
        html = Path(bundle["path"]).read_text(encoding="utf-8")
        assert prebuilt.CACHE_MARK not in html and prebuilt.RESOURCES_MARK not in html
        addresses = re.findall(r"file://[^\"'\s)<>]+", html)
        assert any("/cache/fonts/page-" in a for a in addresses)
        for address in addresses:  # every file the page loads is there
            assert Path(unquote(urlparse(address).path)).is_file(), address
    cache = fresh_home / "cache"
    # nothing was built: no boundary layer was loaded, no context or font made
    assert not (cache / "bundled").exists()
    assert not (cache / "context").exists()
    fonts = sorted(p.name for p in (cache / "fonts").iterdir())
    assert all(f"fonts/{name}" in prebuilt.installed for name in fonts)


def test_the_shipped_context_and_levels_serve_a_new_data_home(fresh_home):
    from geodata.atlas import AtlasData
    from geodata.web.levels import GeometryLevels

    data = AtlasData()
    context = data.context_page()
    assert f"context/{data.context_key()}.json" in prebuilt.installed
    assert not (fresh_home / "cache" / "bundled" / "province-china").exists()
    assert len(context["features"]) >= 34
    levels = GeometryLevels(data.layer("140000", "city").gdf.geometry.values)
    embedded = levels.embedded_index()
    level = levels.level(embedded)
    assert f"geometry/{levels.key}/level-{levels.zooms[embedded]}.json" in prebuilt.installed
    assert len(level.features) == 11  # Shanxi's cities


def test_a_view_of_other_data_is_not_taken_from_the_shipped_files(fresh_home, tmp_path):
    from geodata.atlas import AtlasData

    data = AtlasData()
    views = prebuild._start_views(data)
    sheet = tmp_path / "mine.csv"
    sheet.write_text("region,metric,value,unit\n太原,充电桩,20000,个\n", encoding="utf-8")
    assert data.import_targets(sheet).targets  # a stored plan: other data, another view
    key, province, level, options = views[0]
    assert data.view_key(province, level, options) != key
    assert data.cached_view(province, level, options) is None
    assert not any(name.startswith("views/") for name in prebuilt.installed)


def test_localise_and_templated_are_inverse(fresh_home, tmp_path):
    from geodata.paths import cache_dir
    from resources import RESOURCES_DIR

    built = tmp_path / "built cache"
    css, script = (RESOURCES_DIR / "web" / "a.css").as_uri(), (built / "x.js").as_uri()
    text = f'<link href="{css}"><script src="{script}">'
    marked = prebuilt.templated(text, built)
    assert "file://" not in marked
    assert prebuilt.localise(marked) == text.replace(built.as_uri(), cache_dir().as_uri())


def test_the_start_says_what_it_waits_for(fresh_home, tmp_path, monkeypatch):
    from desktop.app import initial_state, start_message
    from geodata.atlas import AtlasData

    state = initial_state()
    assert start_message(AtlasData(), state) is None  # the shipped map opens at once
    sheet = tmp_path / "mine.csv"
    sheet.write_text("region,metric,value,unit\n太原,充电桩,20000,个\n", encoding="utf-8")
    data = AtlasData()
    data.import_targets(sheet)
    assert start_message(data, state) == "Building this map: it is new or its data changed..."
    monkeypatch.setattr(prebuilt, "enabled", False)  # as if nothing matched what is shipped
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "other home"))
    assert "China's provinces" in start_message(AtlasData(), state)
