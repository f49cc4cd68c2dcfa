"""Benchmark: print figures from the command line (goal: one figure in under 2.5 s, cold).

Each cold run is the command a report author types, in a fresh process, with the data home's
caches filled and the files in the disk cache by one untimed run first (a cold process, a warm
disk)::

    infra-atlas export --province shanxi --out shanxi.pdf      (and .png, 300 dpi)

The time is wall-clock from the process start to the file being written (it is renamed into
place when complete). The batch case writes 20 figures of a report with one command, which
shares them among its worker processes (``infra-atlas export --from figures.csv``: Shanxi and
Zhejiang, cities and counties, Chinese and English, PDF and PNG, A4 and A3), timed to its exit.
The warm case (:func:`bench_export_a4`) times building and saving one figure in a process that
has drawn it once, as the app's export does.

Run alone with ``python benchmarks/bench_export.py``; the benchmark runner imports the
``bench_*`` functions and records what they return.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_SECONDS = 2.0
"""The warm in-process export of one A4 300-dpi PNG."""
COLD_GOAL_SECONDS = 2.5
"""One figure from the command line, cold process."""
BATCH_FIGURES = 20


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


def _command() -> list[str]:
    return [str(Path(sys.executable).with_name("infra-atlas")), "export"]


def _run_until_written(args: list[str], out: Path, env: dict[str, str]) -> float:
    """Run the CLI; return the seconds from its start to ``out`` appearing (it must succeed)."""
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    written = None
    while proc.poll() is None or (written is None and out.exists()):
        if written is None and out.exists():
            written = time.perf_counter() - start
        time.sleep(0.002)
    stdout, stderr = proc.communicate()
    if proc.returncode != 0 or written is None:
        raise RuntimeError(f"{' '.join(args)} failed: {stderr.decode()[-800:]}")
    return written


def bench_cli_export(suffix: str, runs: int, home: Path) -> list[float]:
    """Return the seconds of ``runs`` cold ``infra-atlas export`` runs of Shanxi's figure.

    One untimed run first fills the data home's caches (converted boundaries, catalogue) and
    the disk cache.
    """
    env = {**os.environ, "INFRA_ATLAS_HOME": str(home)}
    with tempfile.TemporaryDirectory(prefix="infra-atlas-bench-") as folder:
        out = Path(folder) / f"shanxi{suffix}"
        args = [*_command(), "--province", "shanxi", "--out", str(out), "--force"]
        _run_until_written(args, out, env)
        return [_run_until_written(args, out, env) for _ in range(runs)]


def batch_sheet(folder: Path, figures: int = BATCH_FIGURES) -> Path:
    """Write the CSV of a report's figures; return its path."""
    rows = [
        ("shanxi", "", "city", "zh", "pdf"),
        ("shanxi", "plan_items", "county", "zh", "pdf"),
        ("zhejiang", "", "city", "zh", "pdf"),
        ("zhejiang", "plan_items", "county", "zh", "png"),
        ("shanxi", "", "city", "en", "png"),
    ]
    lines = ["province,out,metric,level,lang,page"]
    for i in range(figures):
        province, metric, level, lang, suffix = rows[i % len(rows)]
        page = "A3" if i % 7 == 6 else "A4"
        lines.append(f"{province},fig{i:02d}.{suffix},{metric},{level},{lang},{page}")
    sheet = folder / "figures.csv"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sheet


def bench_batch(home: Path, figures: int = BATCH_FIGURES) -> float:
    """Return the seconds ``infra-atlas export --from`` takes for ``figures`` figures (to exit)."""
    env = {**os.environ, "INFRA_ATLAS_HOME": str(home)}
    with tempfile.TemporaryDirectory(prefix="infra-atlas-bench-") as folder:
        sheet = batch_sheet(Path(folder), figures)
        start = time.perf_counter()
        done = subprocess.run(
            [*_command(), "--from", str(sheet), "--dpi", "150"], env=env, capture_output=True
        )
        seconds = time.perf_counter() - start
        written = list(Path(folder).glob("fig[0-9]*"))
        if done.returncode != 0 or len(written) != figures:
            raise RuntimeError(
                f"the batch wrote {len(written)} of {figures} figures: {done.stderr}"
            )
        return seconds


def compile_project() -> None:
    """Compile the project's bytecode once, as an installer would (this machine writes none)."""
    packages = ("desktop", "geodata", "seeds", "resources")
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", *(str(ROOT / p) for p in packages)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def report(runs: int = 5) -> list[str]:
    """Run the cold, batch and warm export cases; return one line per result, with verdicts."""
    compile_project()
    lines = []
    with tempfile.TemporaryDirectory(prefix="infra-atlas-bench-home-") as home:
        for suffix in (".pdf", ".png"):
            times = bench_cli_export(suffix, runs, Path(home))
            median = statistics.median(times)
            verdict = "goal met" if median < COLD_GOAL_SECONDS else "goal MISSED"
            lines.append(
                f"cold CLI export, Shanxi A4 {suffix[1:].upper()}: median {median:.2f} s "
                f"(runs {', '.join(f'{t:.2f}' for t in times)}; goal < {COLD_GOAL_SECONDS} s: "
                f"{verdict})"
            )
        seconds = bench_batch(Path(home))
        lines.append(
            f"batch of {BATCH_FIGURES} figures (one --from command): {seconds:.1f} s, "
            f"{seconds / BATCH_FIGURES:.2f} s per figure"
        )
    median = bench_export_a4(runs)
    verdict = "goal met" if median < GOAL_SECONDS else "goal MISSED"
    lines.append(
        f"warm A4 300-dpi PNG of Shanxi's cities, in process: median {median:.2f} s "
        f"(goal < {GOAL_SECONDS:.0f} s: {verdict})"
    )
    return lines


if __name__ == "__main__":
    for line in report():
        print(line, flush=True)
