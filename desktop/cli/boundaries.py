"""``infra-atlas import-boundaries`` and ``infra-atlas layers``: boundary files and versions."""

from __future__ import annotations

import argparse

from desktop.cli.common import print_json, province_help
from geodata.vocab import DATUMS, LEVELS


def _place(level: str | None, province: str | None) -> str:
    from geodata.regions.names import PROVINCE_EN

    if level == "province" or not province:
        return f"{level or 'all'} layer of China"
    plural = {"city": "cities", "county": "counties"}.get(level or "", level or "")
    return f"{PROVINCE_EN.get(province, province)} {plural}"


def cmd_import_boundaries(args: argparse.Namespace) -> int:
    """Read, check and store a boundary file as a new active version."""
    from geodata.boundaries.importer.inspect import inspect_boundary_file
    from geodata.boundaries.pgstore import boundary_store

    result = inspect_boundary_file(
        args.file,
        level=args.level,
        province=args.province,
        name_field=args.name_field,
        code_field=args.code_field,
        crs=args.crs,
        datum=args.datum,
        encoding=args.encoding,
        layer=args.layer,
    )
    info = boundary_store().add(result, activate=True)
    if args.json:
        print_json({"ok": True, "version": info.version, **result.report()})
        return 0
    _print_import(result)
    print(
        f"stored as version {info.version}, now active for {_place(info.level, info.province)} "
        "('infra-atlas layers --activate 0' restores the bundled boundaries)"
    )
    return 0


def _print_import(result) -> None:
    """Print what the check of a boundary file found, one fact a line."""
    layer = result.layer
    where = f" (layer {result.layer_name})" if len(result.layers) > 1 else ""
    print(
        f"read {result.source}{where}: {len(layer)} features, {_place(layer.level, layer.province)}"
    )
    print(f"CRS: {result.crs_in} {result.crs_description} ({result.crs_source}) -> EPSG:4326")
    print(f"datum: {layer.datum_in}")
    print(f"encoding: {result.encoding} ({result.encoding_source})")
    print(f"fields: name {layer.name_field or '-'}, code {layer.code_field or '-'}")
    if result.preview:
        print("first rows:")
        for row in result.preview[:3]:
            print("  " + ", ".join(f"{k}={v}" for k, v in row.items()))
    print(f"repaired polygons: {result.repaired}")
    for warning in result.warnings:
        print(f"warning: {warning}")


def cmd_layers(args: argparse.Namespace) -> int:
    """List the boundary versions, repair the store, switch the active one, or show a diff."""
    from desktop.cli.common import UsageError
    from geodata.boundaries.pgstore import boundary_store

    if args.repair and (args.activate is not None or args.diff is not None):
        raise UsageError("give --repair alone (then --activate or --diff)")
    repaired = _repair() if args.repair else None
    store = boundary_store()
    message = _activate(store, args) if args.activate is not None else None
    diff = store.diff(args.diff) if args.diff is not None else None
    active = store.active()
    versions = _versions(store)
    if args.json:
        out: dict = {"active": _active_list(active), "versions": versions}
        if repaired is not None:
            out["repaired"] = repaired
        if message:
            out["message"] = message
        if diff is not None:
            out["diff"] = diff.to_dict()
        out["warnings"] = list(store.warnings)
        print_json(out)
        return 0
    if repaired is not None:
        print("\n".join(repaired or [_NOTHING_TO_REPAIR]))
    if message:
        print(message)
    _print_versions(versions, set(active.values()))
    if diff is not None:
        _print_diff(diff)
    for warning in store.warnings:
        print(f"warning: {warning}")
    return 0


_NOTHING_TO_REPAIR = "nothing to repair: every boundary version and the active choice are readable"


def _repair() -> list[str]:
    """Set damaged versions aside and rewrite ``active.json``; return what was done."""
    from geodata.boundaries.store import BoundaryStore

    return BoundaryStore().repair()


def _activate(store, args: argparse.Namespace) -> str:
    """Switch to ``--activate VERSION`` (0: the bundled boundaries); return what changed."""
    from geodata.boundaries.store import BUNDLED
    from geodata.regions.catalogue import resolve_province

    province = resolve_province(args.province) if args.province else None
    if args.activate == BUNDLED:
        return store.activate(BUNDLED, args.level, province)
    return store.activate(args.activate)


def _versions(store) -> list[dict]:
    """Return every version as a dict, the bundled boundaries (version 0) first."""
    from geodata.boundaries.bundled import source_label
    from geodata.boundaries.store import BUNDLED

    bundled = {
        "version": BUNDLED,
        "source": source_label(),
        "imported_at": None,
        "features": None,
        "level": None,
        "province": None,
    }
    return [bundled] + [v.to_dict() for v in store.versions()]


def _active_list(active: dict[str, int]) -> list[dict]:
    """Return the active versions as ``{"province", "level", "version"}``, by store key."""
    listed = []
    for key, version in sorted(active.items()):
        province, level = key.split(":")
        listed.append(
            {
                "province": None if level == "province" else province,
                "level": level,
                "version": version,
            }
        )
    return listed


def _print_versions(versions: list[dict], active_versions: set[int]) -> None:
    from geodata.boundaries.store import BUNDLED

    print("  version  imported             features  layer                 source")
    for v in versions:
        mark = "*" if v["version"] in active_versions else " "
        when = (v["imported_at"] or "bundled")[:19]
        features = "" if v["features"] is None else str(v["features"])
        place = "all (bundled)" if v["version"] == BUNDLED else _place(v["level"], v["province"])
        print(f"{mark} {v['version']:>7}  {when:19}  {features:>8}  {place:20}  {v['source']}")
    print("* active (version 0 wherever no imported version is active)")


def _print_diff(diff) -> None:
    print(f"changes from version {diff.old_version} to version {diff.new_version}:")
    if not diff.rows:
        print("  none")
    for row in diff.rows:
        print("  " + describe_change(row))


def describe_change(row: dict) -> str:
    """Return one line describing a diff row (English; the app translates its own table)."""
    change = row["change"]
    if change == "added":
        return f"added    {row['code']} {row['name']}"
    if change == "removed":
        return f"removed  {row['old_code']} {row['old_name']}"
    if change == "renamed":
        return f"renamed  {row['code']} {row['old_name']} -> {row['name']}"
    if change == "recoded":
        return f"recoded  {row['name']} {row['old_code']} -> {row['code']}"
    net = "" if row["area_change"] is None else f" {row['area_change']:+.2f}%"
    moved = f"lost {row.get('lost_km2', 0):.2f} km², gained {row.get('gained_km2', 0):.2f} km²"
    return f"area     {row['code']} {row['name']}{net} ({moved})"


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``import-boundaries`` and ``layers`` to the subparsers ``sub``."""
    _register_import(sub)
    _register_layers(sub)


def _register_import(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser(
        "import-boundaries",
        help="check a boundary file and store it as a new, active boundary version",
    )
    imp.add_argument(
        "file", metavar="FILE", help="shapefile (.shp/.zip), GeoJSON, GeoPackage, KML/KMZ, .fgb"
    )
    imp.add_argument("--province", help=province_help())
    imp.add_argument("--level", choices=LEVELS, help="the regions' level (guessed from codes)")
    imp.add_argument("--name-field", metavar="F", help="the field of region names")
    imp.add_argument("--code-field", metavar="F", help="the field of 6- or 12-digit codes")
    imp.add_argument("--crs", metavar="CRS", help="the file's CRS, e.g. EPSG:4547")
    imp.add_argument(
        "--datum", choices=DATUMS, default="wgs84", help="gcj02 for AMap/Tencent, bd09 for Baidu"
    )
    imp.add_argument("--encoding", metavar="ENC", help="shapefile text encoding, e.g. GB18030")
    imp.add_argument("--layer", metavar="NAME", help="the layer in a multi-layer file or zip")
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    imp.set_defaults(func=cmd_import_boundaries)


def _register_layers(sub: argparse._SubParsersAction) -> None:
    layers = sub.add_parser(
        "layers", help="list boundary versions, activate one, show a diff, repair damaged ones"
    )
    layers.add_argument(
        "--activate",
        metavar="VERSION",
        type=int,
        help="make VERSION active for its province and level (0: the bundled boundaries)",
    )
    layers.add_argument(
        "--province", help="with --activate 0: restore only this province (default: all)"
    )
    layers.add_argument(
        "--level", choices=LEVELS, help="with --activate 0: restore only this level"
    )
    layers.add_argument(
        "--diff", metavar="VERSION", type=int, help="compare VERSION with the version before it"
    )
    layers.add_argument(
        "--repair",
        action="store_true",
        help="set damaged versions aside (in boundaries/damaged/) and rewrite a damaged "
        "active.json; the bundled boundaries stand in for what was set aside",
    )
    layers.add_argument("--json", action="store_true", help="print one JSON object")
    layers.set_defaults(func=cmd_layers)
