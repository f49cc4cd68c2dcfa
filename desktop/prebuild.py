"""Write (or check) the cache files shipped in ``resources/prebuilt`` for a fast first start.

Run from the repository root after changing the code or data they are made from::

    .venv/bin/python -m desktop.prebuild          # write resources/prebuilt again
    .venv/bin/python -m desktop.prebuild --check  # exit 1 naming what is stale

It starts from an empty data home, builds what the app's first start needs (the region
catalogue and its pinyin, China's provinces for the context, the page font subsets, the map the
app opens on in Chinese and in English with its levels of detail) and copies those cache files,
under their cache names, into ``resources/prebuilt`` (see :mod:`geodata.prebuilt`). It lives in
``desktop`` because the map the app opens on is the window's initial state.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from geodata.vocab import LANGUAGES

REGENERATE = ".venv/bin/python -m desktop.prebuild"
_CACHE_ADDRESS = re.compile(r"@@INFRA-ATLAS-CACHE@@/([^\"'\s)<>]+)")


def _start_views(data) -> list[tuple[str, str, str, object]]:
    """Return ``(key, province, level, options)`` of a new data home's first map, per language."""
    from desktop.app import initial_state

    state = initial_state()
    views = []
    for language in LANGUAGES:
        options = dataclasses.replace(state.map_options(), language=language, selected=None)
        key = data.view_key(state.province, state.level, options)
        views.append((key, state.province, state.level, options))
    return views


def expected_files(data) -> tuple[dict[str, dict], list[str]]:
    """Return the views and the other cache files this code would ship, by their cache names.

    Nothing is built but the start view's layer (its geometry names the levels of detail).

    Returns
    -------
    tuple
        ``{view key: {province, level, language}}`` and the sorted relative file paths.
    """
    from geodata.regions.catalogue import _catalogue_cache_path
    from geodata.web.levels import GeometryLevels
    from geodata.web.pagefont import page_font_names

    views = _start_views(data)
    catalogue = _catalogue_cache_path()
    files = [catalogue.name, catalogue.with_suffix(".pinyin.json").name]
    files.append(f"context/{data.context_key()}.json")
    files += [f"fonts/{name}" for name in page_font_names()]
    _key, province, level, _options = views[0]
    levels = GeometryLevels(data.layer(province, level).gdf.geometry.values)
    embedded = levels.embedded_index()
    for index in range(embedded, len(levels.zooms)):
        files.append(f"geometry/{levels.key}/level-{levels.zooms[index]}.json")
    files += [
        f"geometry/{levels.key}/level-{levels.zooms[i]}.js" for i in levels.finer_indices(embedded)
    ]
    shown = {key: {"province": p, "level": lv, "language": o.language} for key, p, lv, o in views}
    return shown, sorted(files)


def stale(root: Path | None = None) -> list[str]:
    """Return what differs between the shipped files and those this code would ship (empty: none).

    Run it in an empty data home (the keys of the start view hash the data home's plans and
    boundary versions).
    """
    from geodata import prebuilt
    from geodata.atlas import AtlasData

    root = root or prebuilt.PREBUILT_DIR
    shipped = prebuilt.manifest(root)
    views, files = expected_files(AtlasData())
    problems = []
    for name in sorted(set(files) ^ set(shipped.get("files", []))):
        problems.append(("missing " if name in files else "no longer made: ") + name)
    for key in sorted(set(views) ^ set(shipped.get("views", {}))):
        problems.append(("missing view " if key in views else "view no longer opened: ") + key)
    for name in [*shipped.get("files", []), *(f"views/{k}.html" for k in shipped.get("views", {}))]:
        if not (root / name).is_file():
            problems.append(f"the manifest names {name}, which is not there")
    return problems


def build(root: Path) -> dict:
    """Build the start's cache files in the current (empty) data home and copy them to ``root``.

    Returns
    -------
    dict
        The manifest written beside them.
    """
    from geodata import prebuilt
    from geodata.atlas import AtlasData
    from geodata.paths import cache_dir
    from geodata.regions.catalogue import _catalogue_pinyin

    prebuilt.enabled = False  # build everything, never from the files being replaced
    data = AtlasData()
    _catalogue_pinyin()
    views, files = expected_files(data)
    bundles = {}
    for key, province, level, options in _start_views(data):
        bundles[key] = data.prepare_view(province, level, options)
        data.complete_levels(province, level)
    prebuilt.remove_tree(root)
    cache = cache_dir()
    for name in files:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache / name, target)
    for key, bundle in bundles.items():
        views[key].update(_ship_view(root, cache, key, bundle))
    manifest = {"format": 1, "files": files, "views": views}
    text = json.dumps(manifest, ensure_ascii=False, allow_nan=False, indent=1, sort_keys=True)
    (root / prebuilt.MANIFEST_NAME).write_text(text + "\n", encoding="utf-8")
    return manifest


def _ship_view(root: Path, cache: Path, key: str, bundle: dict) -> dict:
    """Copy a built view's document with its addresses marked; return its manifest entry."""
    from geodata import prebuilt

    text = prebuilt.templated(Path(bundle["path"]).read_text(encoding="utf-8"), cache)
    if "file://" in text:
        raise RuntimeError(f"view {key} loads a file outside resources/ and the cache")
    target = root / "views" / f"{key}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    needs = sorted(set(_CACHE_ADDRESS.findall(text)))
    missing = [n for n in needs if not (root / n).is_file()]
    if missing:
        raise RuntimeError(f"view {key} loads cache files that are not shipped: {missing}")
    kept = {k: v for k, v in bundle.items() if k not in ("path", "html_bytes")}
    return {"bundle": kept, "needs": needs}


def main(argv: list[str] | None = None) -> int:
    """Write or check ``resources/prebuilt``; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is stale")
    parser.add_argument("--out", type=Path, help="write here instead of resources/prebuilt")
    args = parser.parse_args(argv)
    os.environ["INFRA_ATLAS_HOME"] = tempfile.mkdtemp(prefix="infra-atlas-prebuild-")
    from geodata import prebuilt

    root = args.out or prebuilt.PREBUILT_DIR
    if args.check:
        problems = stale(root)
        for problem in problems:
            print(f"stale: {problem}")
        if problems:
            print(f"resources/prebuilt is stale: run {REGENERATE}")
        return 1 if problems else 0
    manifest = build(root)
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    print(f"wrote {len(manifest['files']) + len(manifest['views'])} files, {size / 1e6:.2f} MB")
    shutil.rmtree(os.environ["INFRA_ATLAS_HOME"], ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
