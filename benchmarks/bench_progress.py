"""Benchmark: a province with 1,000 achieved figures across its counties restyles in < 200 ms.

The data home gets a sheet of 5G base-station targets, one per Shanxi county, and a sheet of
1,000 achieved figures spread over the counties and six dates, both through the command line
(``import-targets``, ``import-observations``) as a planner would bring them. The timed child
(``benchmarks/children.py progress-restyle``) opens Shanxi's county map in the app's map view and
switches between plan items, "% of target" and "status" several times; each switch is timed
from the metric chosen to the page's answer that the new style is applied.

Run alone with ``python benchmarks/bench_progress.py``; the runner imports
:func:`bench_progress_restyle`.
"""

from __future__ import annotations

import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_MS = 200.0
FIGURES = 1000
DATES = tuple(f"{y}-{md}" for y in (2021, 2022, 2023, 2024, 2025) for md in ("06-30", "12-31"))


def _cli(*args: str, env: dict) -> str:
    command = Path(sys.executable).with_name("infra-atlas")
    done = subprocess.run([str(command), *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"infra-atlas {args[0]} failed: {done.stderr.strip()}")
    return done.stdout


def write_inputs(folder: Path) -> tuple[Path, Path]:
    """Write the targets sheet (one row per Shanxi county) and the 1,000 figures sheet."""
    from geodata.atlas import AtlasData

    counties = AtlasData().layer("140000", "county").adcodes
    rng = random.Random(12)
    targets = folder / "county_targets.csv"
    with open(targets, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["region", "metric", "value", "unit", "year"])
        for code in counties:
            w.writerow([code, "5G基站", rng.randrange(400, 2000), "个", "2025"])
    figures = folder / "county_figures.csv"
    with open(figures, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["region", "metric", "date", "value", "unit", "source"])
        rows = [(code, date) for code in counties for date in DATES]
        for i, (code, date) in enumerate(rows[:FIGURES]):
            w.writerow([code, "5G基站", date, 100 + i % 900, "个", "benchmark figures"])
    return targets, figures


def bench_progress_restyle(workdir: Path | None = None) -> dict:
    """Prepare a data home, run the timed child, and return its timings (seconds)."""
    folder = Path(workdir or tempfile.mkdtemp(prefix="infra-atlas-bench-progress-"))
    env = {
        **os.environ,
        "INFRA_ATLAS_HOME": str(folder / "home"),
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_CHROMIUM_FLAGS": os.environ.get(
            "QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu"
        ),
    }
    os.environ["INFRA_ATLAS_HOME"] = env["INFRA_ATLAS_HOME"]
    targets, figures = write_inputs(folder)
    _cli("import-targets", str(targets), env=env)
    stored = json.loads(_cli("import-observations", str(figures), "--json", env=env))
    first = json.loads(_cli("targets", "--province", "shanxi", "--json", env=env))["targets"]
    target = next(t["id"] for t in first if t["metric"] == "5G基站")
    child = Path(__file__).resolve().parent / "children.py"
    done = subprocess.run(
        [sys.executable, str(child), "progress-restyle", str(folder / "p.png"), target],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    report["figures"] = len(stored.get("observations", [])) or FIGURES
    return report


if __name__ == "__main__":
    result = bench_progress_restyle()
    switches = result["restyle_s"]
    median = statistics.median(switches) * 1000
    verdict = "meets" if median <= GOAL_MS else "MISSES"
    print(
        f"Shanxi counties with {result['figures']} figures: metric switch median {median:.0f} ms "
        f"over {len(switches)} switches, first {result['first_s'] * 1000:.0f} ms "
        f"({verdict} the {GOAL_MS:.0f} ms goal)"
    )
