"""Benchmark: an A4 landscape 300-dpi PNG of Shanxi's cities (goal: under 2 s warm).

Run alone with ``python benchmarks/bench_export.py``; a benchmark runner imports
:func:`bench_export_a4` and records the median it returns.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_SECONDS = 2.0


def bench_export_a4(runs: int = 5, metric: str = "role") -> float:
    """Return the median seconds of ``runs`` warm exports (build + save) of the figure.

    The boundaries, fonts and metrics are loaded by one untimed run first, as in the app
    after the map is shown; each timed run builds the figure and writes the PNG.
    """
    from geodata.atlas import AtlasData
    from geodata.drawing import MapOptions
    from geodata.printing.output import save_figure

    data = AtlasData()
    options = MapOptions(metric=metric, language="zh")
    times = []
    with tempfile.TemporaryDirectory(prefix="infra-atlas-bench-") as folder:
        out = Path(folder) / "shanxi.png"
        save_figure(data.figure("140000", "city", options), out, 300)  # warm-up
        for _ in range(runs):
            start = time.perf_counter()
            fig = data.figure("140000", "city", options, "A4", "landscape")
            save_figure(fig, out, 300)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


if __name__ == "__main__":
    median = bench_export_a4()
    verdict = "meets" if median < GOAL_SECONDS else "MISSES"
    print(
        f"A4 landscape 300-dpi PNG of Shanxi's cities: median {median:.2f} s warm "
        f"({verdict} the {GOAL_SECONDS:.0f} s goal)"
    )
