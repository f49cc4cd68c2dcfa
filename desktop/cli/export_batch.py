"""``infra-atlas export --from FIGURES.csv``: a report's figures and region reports in one run.

The CSV (UTF-8 with or without BOM, or GB18030) has a header row: ``province`` and ``out`` are
required, ``metric``, ``level``, ``region``, ``page``, ``orientation``, ``lang``, ``dpi``,
``approval`` and ``disclaimer`` optional (an empty cell takes the command line's option, else
the default). A relative ``out`` is relative to the CSV's folder.

Every row is checked first (the province, the values, the file: its folder, an existing file
without ``--force``, two rows writing one file; then the region and the metric against the
layers): all problems are listed by line and nothing is written (exit 2). Then the rows are
written, by one process per core from four rows on (each loads the boundaries and fonts once),
and ``wrote PATH`` is printed for each in the rows' order; a row that fails is reported by line
and the others are still written (exit 1 at the end).
"""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.common import UsageError
from desktop.cli.export_jobs import Job, check_job, make_job, write_job

if TYPE_CHECKING:
    from geodata.atlas import AtlasData

REQUIRED = ("province", "out")
OPTIONAL = (
    "metric",
    "level",
    "region",
    "page",
    "orientation",
    "lang",
    "dpi",
    "approval",
    "disclaimer",
)
#: From how many rows the batch writes on several processes, and on at most how many.
PARALLEL_ROWS = 4
MAX_WORKERS = 4


def run_batch(csv_path: str, defaults: Mapping[str, str], force: bool) -> int:
    """Check every row of a CSV, then write them; return the exit code (0, or 1 if one failed).

    Raises
    ------
    UsageError
        When the CSV cannot be read or a row has a problem (each listed on stderr first).
    """
    path = Path(csv_path)
    rows = read_rows(path)
    from geodata.atlas import AtlasData

    data = AtlasData()
    jobs = check_rows(data, path, rows, defaults, force)
    failed = []
    for line, done, problem in write_jobs(data, path, jobs):
        if problem is None:
            print(done, flush=True)
        else:
            failed.append(line)
            sys.stderr.write(problem + "\n")
    if failed:
        lines = ", ".join(str(n) for n in failed)
        sys.stderr.write(
            f"error: {len(failed)} of {len(jobs)} rows of {path.name} failed (line {lines}); "
            "the other files were written\n"
        )
        return 1
    return 0


def workers(jobs: int) -> int:
    """Return how many processes write ``jobs`` rows: one per core (at most 4), from 4 rows.

    A worker starts its own Python (about a second and a half before its first figure), so a
    few rows are written in this process.
    """
    if jobs < PARALLEL_ROWS:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, MAX_WORKERS, jobs // 2))


def write_jobs(
    data: AtlasData, path: Path, jobs: list[tuple[int, Job]]
) -> Iterator[tuple[int, str, str | None]]:
    """Write the jobs; yield ``(line, "wrote ...", None)`` or ``(line, "", problem)`` in order.

    With :func:`workers` above one, the rows are shared among worker processes (started fresh,
    which is safe on every platform), each with its own :class:`~geodata.atlas.AtlasData` over
    the same data home.
    """
    count = workers(len(jobs))
    if count < 2:
        for line, job in jobs:
            yield attempt(data, path, line, job)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    lines, todo = [line for line, _ in jobs], [job for _, job in jobs]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(count, mp_context=context) as pool:
        yield from pool.map(_attempt_in_worker, [path] * len(jobs), lines, todo)


#: The worker process's AtlasData (made at its first row).
_WORKER_DATA: list[AtlasData] = []


def _attempt_in_worker(path: Path, line: int, job: Job) -> tuple[int, str, str | None]:
    if not _WORKER_DATA:
        from geodata.atlas import AtlasData

        _WORKER_DATA.append(AtlasData())
    return attempt(_WORKER_DATA[0], path, line, job)


def attempt(data: AtlasData, path: Path, line: int, job: Job) -> tuple[int, str, str | None]:
    """Write one row; return ``(line, "wrote ...", None)`` or ``(line, "", why it failed)``.

    A failure is the row's own (a folder in the file's place, a full disk, an error in the
    figure): it is described, and an unexpected error's traceback goes to the log.
    """
    from geodata.errors import InfraAtlasError

    try:
        return line, write_job(data, job), None
    except Exception as exc:  # noqa: BLE001 - one row's failure must not stop the others
        message = " ".join(str(exc).split())
        if not isinstance(exc, InfraAtlasError | OSError):
            import traceback

            from geodata.paths import append_log

            logged = append_log(f"export --from {path} line {line}\n{traceback.format_exc()}")
            where = f" (details in {logged})" if logged else ""
            message = f"{type(exc).__name__}: {message}{where}"
        return line, "", f"{path.name} line {line}: {job.out} was not written: {message}"


def decode(raw: bytes, path: Path) -> str:
    """Return the text of a CSV: UTF-8 (a BOM is dropped), else GB18030.

    Raises
    ------
    UsageError
        When it is neither.
    """
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UsageError(f"{path} is neither UTF-8 nor GB18030 text: save it as CSV (UTF-8)")


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Return the CSV's rows as ``(line number, {column: value})``, blank rows left out.

    Raises
    ------
    UsageError
        When the file cannot be read, has no header with ``province`` and ``out``, has a
        column it does not know, or has no rows.
    """
    try:
        text = decode(path.read_bytes(), path)
    except OSError as exc:
        raise UsageError(f"cannot read {path} ({exc.strerror or exc}): check the path") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in next(reader, [])]
    unknown = [name for name in header if name not in REQUIRED + OPTIONAL]
    missing = [name for name in REQUIRED if name not in header]
    if missing or unknown:
        problem = f"no column {', '.join(missing)}" if missing else f"unknown column {unknown[0]!r}"
        raise UsageError(
            f"{path} line 1: {problem}: the header names province, out and any of "
            f"{', '.join(OPTIONAL)}"
        )
    rows, line = [], reader.line_num
    for values in reader:
        start, line = line + 1, reader.line_num
        if any(v.strip() for v in values):
            cells = dict(zip(header, (v.strip() for v in values), strict=False))
            rows.append((start, cells))
    if not rows:
        raise UsageError(f"{path} has no rows: add one per figure under the header")
    return rows


def check_rows(
    data: AtlasData,
    path: Path,
    rows: list[tuple[int, dict[str, str]]],
    defaults: Mapping[str, str],
    force: bool,
) -> list[tuple[int, Job]]:
    """Return every row's job, or list every row's problem on stderr and raise UsageError."""
    from geodata.errors import InfraAtlasError

    jobs: list[tuple[int, Job]] = []
    errors: list[tuple[int, str]] = []
    written: dict[Path, int] = {}
    for line, cells in rows:
        try:
            job = _row_job(path, cells, defaults, force)
            first = written.setdefault(job.out.resolve(), line)
            if first != line:
                raise UsageError(f"{job.out} is also written by line {first}: give another out")
            check_job(data, job)
        except (UsageError, InfraAtlasError) as exc:
            errors.append((line, " ".join(str(exc).split())))
            continue
        for name in job.ignored():
            sys.stderr.write(
                f"note: {path.name} line {line}: {name} is printed under a national figure "
                "only: ignored\n"
            )
        jobs.append((line, job))
    if errors:
        sys.stderr.write("".join(f"{path.name} line {n}: {e}\n" for n, e in errors))
        lines = ", ".join(str(n) for n, _ in errors)
        raise UsageError(
            f"{len(errors)} of {len(rows)} rows of {path.name} have problems (line {lines}): "
            "nothing was written; correct them and run again"
        )
    return jobs


def _row_job(path: Path, cells: Mapping[str, str], defaults: Mapping[str, str], force: bool) -> Job:
    """Return the job of one row (its empty cells take the command line's options)."""
    fields = {**defaults, **{k: v for k, v in cells.items() if v}}
    for name in ("province", "out"):
        if not fields.get(name):
            raise UsageError(f"the {name} cell is empty: every row needs a province and an out")
    out = Path(fields["out"]).expanduser()
    fields["out"] = str(out if out.is_absolute() else path.parent / out)
    return make_job(fields, force, lambda key: key)
