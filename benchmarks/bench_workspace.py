"""Benchmark: the national county layer in a shared PostGIS workspace against the local store.

Goals (issue 15): opening the national county layer from a shared workspace takes at most 1.5x
the time from the local store on a first open, and the same once this machine has cached it;
an import into the shared workspace takes at most 1.5x a local import.

Each run is a fresh process, as a planner's command would be:

- import: ``infra-atlas import-boundaries china_counties.gpkg --level county`` into an empty
  local data folder, and the same with ``--workspace DSN`` into an empty workspace database;
- first open: a process that loads the active national county layer with
  ``geodata.boundaries.pgstore.boundary_store().load(...)`` (the local store reads its
  GeoPackage; the shared one reads the regions from the server, the local cache cleared);
- cached open: the same with this machine's cache of the shared layer in place.

The server is a throwaway PostgreSQL + PostGIS cluster this script starts (as the postgres
user, in a temporary folder, on a unix socket) and stops; it needs the distribution's
PostgreSQL and PostGIS packages (``.ci/postgres.sh`` installs them). Run alone with
``python benchmarks/bench_workspace.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXE = str(Path(sys.executable).with_name("infra-atlas"))
GOAL_RATIO = 1.5
OPEN = (
    "import sys, time; t = time.perf_counter();"
    "from geodata.boundaries.pgstore import boundary_store;"
    "s = boundary_store(); v = s.active_version('county', None); layer = s.load(v);"
    "assert len(layer.gdf) > 2800, len(layer.gdf);"
    "print(time.perf_counter() - t)"
)


def start_cluster(folder: Path) -> str:
    """Start a throwaway cluster in ``folder``; return the DSN of its ``postgres`` database."""
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if not bins:
        raise SystemExit("PostgreSQL is not installed: run .ci/postgres.sh's install first")
    bin_dir = bins[-1]
    shutil.chown(folder, "postgres")
    run = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*run, str(bin_dir / "initdb"), "-D", str(folder / "data"), "-A", "trust",
                    "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    options = f"-k {folder} -c listen_addresses='' -p 54331 -c fsync=off"
    subprocess.run([*run, str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-l",
                    str(folder / "log"), "-w", "-o", options, "start"],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return f"host={folder} port=54331 user=postgres dbname=postgres"


def stop_cluster(folder: Path) -> None:
    """Stop the throwaway cluster."""
    bin_dir = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    subprocess.run(["runuser", "-u", "postgres", "--", str(bin_dir / "pg_ctl"), "-D",
                    str(folder / "data"), "-m", "immediate", "stop"],
                   check=False, stdout=subprocess.DEVNULL)  # fmt: skip


def fresh_workspace(server: str, name: str) -> str:
    """Create an empty database with the atlas schema; return its DSN."""
    import psycopg
    from psycopg import conninfo

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    dsn = conninfo.make_conninfo(server, dbname=name)
    from geodata.postgis.connection import connect
    from geodata.postgis.schema import create_or_upgrade

    with connect(dsn) as conn:
        create_or_upgrade(conn, name)
    return dsn


def timed(args: list[str], env: dict) -> float:
    """Return the wall-clock seconds of one command (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def opened(env: dict) -> float:
    """Return the seconds a fresh process takes to load the active national county layer."""
    out = subprocess.run([sys.executable, "-c", OPEN], check=True, env=env, capture_output=True,
                         text=True)  # fmt: skip
    return float(out.stdout.strip())


def bench_workspace(gpkg: Path, repeat: int = 3) -> dict[str, list[float]]:
    """Time imports and opens against a local data folder and a shared workspace."""
    times: dict[str, list[float]] = {k: [] for k in ("local import", "shared import",
                                                     "local open", "shared first open",
                                                     "shared cached open")}  # fmt: skip
    cluster = Path(tempfile.mkdtemp(prefix="atlas-bench-pg."))
    server = start_cluster(cluster)
    try:
        for i in range(repeat):
            home = Path(tempfile.mkdtemp(prefix="atlas-bench-home."))
            env = {**os.environ, "INFRA_ATLAS_HOME": str(home), "INFRA_ATLAS_WORKSPACE": "local"}
            command = [EXE, "import-boundaries", str(gpkg), "--level", "county"]
            times["local import"].append(timed(command, env))
            times["local open"].append(opened(env))
            shared = {**env, "INFRA_ATLAS_WORKSPACE": fresh_workspace(server, f"bench{i}")}
            times["shared import"].append(timed(command, shared))
            shutil.rmtree(home / "cache" / "workspace", ignore_errors=True)
            times["shared first open"].append(opened(shared))
            times["shared cached open"].append(opened(shared))
            shutil.rmtree(home, ignore_errors=True)
    finally:
        stop_cluster(cluster)
        shutil.rmtree(cluster, ignore_errors=True)
    return times


def report(times: dict[str, list[float]]) -> list[str]:
    """Return the lines of the result: each median, and the goals met or not."""
    med = {k: statistics.median(v) for k, v in times.items()}
    lines = [f"{k}: median {med[k]:.2f} s ({', '.join(f'{x:.2f}' for x in v)})"
             for k, v in times.items()]  # fmt: skip
    for shared, local, goal in (("shared import", "local import", GOAL_RATIO),
                                ("shared first open", "local open", GOAL_RATIO),
                                ("shared cached open", "local open", 1.0)):  # fmt: skip
        ratio = med[shared] / med[local]
        verdict = "met" if ratio <= goal * (1.1 if goal == 1.0 else 1.0) else "MISSED"
        lines.append(f"{shared} / {local}: {ratio:.2f}x (goal <= {goal}x): {verdict}")
    return lines


def main() -> int:
    """Build the input if needed, run the benchmark, print the result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "atlas-bench")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    gpkg = args.workdir / "china_counties.gpkg"
    if not gpkg.exists():
        from benchmarks.run import write_national_counties

        write_national_counties(gpkg)
    print("\n".join(report(bench_workspace(gpkg, args.repeat))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
