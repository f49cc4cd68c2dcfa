"""Plan sets: every accepted plan document or target sheet kept in the data home, never lost.

Layout of the store (``<data home>/plans``)::

    plans/
      .lock               # fcntl lock: the app and the CLI may write at the same time
      state.json          # {"hidden": [0, 3], "last": 4}: plans hidden from view, last number
      p1/manifest.json    # kind, source file name, sha256, title, province, time, language...
      p1/original.docx    # the file as brought in
      p1/text.txt         # the text read from it (documents only; quotes are verbatim in it)
      p1/targets.json     # the accepted targets, every Target field
      p1/observations.json  # achieved figures (when the plan has any), every Observation field
      p2/...

Plan numbers are global and increase (a removed plan's number is never given again). Plan 0 is
the bundled seed targets: it is listed first and may be hidden from view, but it is read-only
and can never be removed. Each plan is written into a temporary folder that is renamed into
place under the lock, so a crash or a failed import leaves nothing behind; a stored plan folder
is never modified. Hiding or showing a plan only replaces ``state.json`` (atomically). Removing
renames the folder to ``.trash-*`` under the lock and then deletes it. A damaged plan folder is
skipped with a warning (see :attr:`PlanStore.warnings`): the app keeps working.

Targets of a stored plan have the source ``"plan-{n}"``; their ids are ``P{n}-01``,
``P{n}-02``... in document order for a document and ``P{n}-L{line}`` for a sheet row.

Achieved figures (:class:`~geodata.plan.observations.Observation`) are kept the same way, in
``observations.json``: the achieved sentences of a document (``P{n}-O{k}``), a sheet of
figures (kind ``"observations"``, ``P{n}-L{line}``) or one figure typed in the window (kind
``"typed"``, ``P{n}-O1``, no original file; the manifest names who typed it and when).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import getpass
import hashlib
import json
import logging
import math
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.errors import DamagedState, InputError
from geodata.paths import atomic_write_text, data_home, store_lock
from geodata.plan.observations import Observation
from geodata.plan.targets import CATEGORIES, SCOPES, STATUSES, Target, load_targets
from geodata.regions.names import normalise_code
from geodata.statefiles import expect, read_json

if TYPE_CHECKING:
    from geodata.plan.extract.proposal import Proposal
    from geodata.plan.observation_sheet import ObservationImport
    from geodata.plan.reading import DocumentText
    from geodata.plan.user_targets import UserTargetImport

BUNDLED = 0
KINDS = ("document", "sheet", "observations", "typed")
_PLAN_DIR = re.compile(r"^p(\d+)$")
_SOURCE = re.compile(r"^plan-(\d+)$")
_LOG = logging.getLogger("infra_atlas")


def source_of(number: int) -> str:
    """Return the ``source`` of the targets of stored plan ``number``: ``"plan-3"``."""
    return f"plan-{int(number)}"


def plan_number(source: str) -> int | None:
    """Return the plan number a target's ``source`` names (``"plan-3"`` gives 3), else None."""
    match = _SOURCE.match(source or "")
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class PlanInfo:
    """One plan set (a stored plan's manifest, or the bundled seeds for plan 0).

    Attributes
    ----------
    plan : int
        The plan number; 0 for the bundled seed targets.
    kind : str
        ``"document"``, ``"sheet"`` (targets), ``"observations"`` (a sheet of achieved
        figures), ``"typed"`` (one figure typed in the window) or ``"bundled"`` (plan 0).
    source : str
        The imported file's name (``seeds/targets.csv`` for plan 0).
    title : str
        The document's title, or the file name when it has none.
    province : str
        Adcode of the plan's province; a sheet spanning several gives them joined by ``;``;
        ``""`` for plan 0.
    imported_at : str
        ISO 8601 UTC time of the import (``""`` for plan 0).
    language : str
        The document's language (``"zh"``, ``"en"``; ``""`` for sheets).
    targets : int
        How many targets the plan holds.
    observations : int
        How many achieved figures it holds.
    sha256 : str
        Hash of the original file.
    original : str
        The original's file name inside the plan folder (``original.docx``).
    hidden : bool
        Whether the plan is hidden from view (kept in ``state.json``, not in the manifest).
    """

    plan: int
    kind: str
    source: str
    title: str
    province: str
    imported_at: str
    language: str = ""
    targets: int = 0
    sha256: str = ""
    observations: int = 0
    original: str = ""
    hidden: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the ``infra-atlas plans --json`` entry (null where plan 0 has no value)."""
        return {
            "id": self.plan,
            "kind": self.kind,
            "title": self.title,
            "source": self.source,
            "province": self.province or None,
            "imported_at": self.imported_at or None,
            "language": self.language,
            "targets": self.targets,
            "observations": self.observations,
            "hidden": self.hidden,
            "sha256": self.sha256 or None,
        }


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _target_from_dict(data: dict[str, Any]) -> Target:
    value = data.get("value")
    return Target(
        id=str(data["id"]),
        province=str(data["province"]),
        scope=str(data["scope"]),
        regions=tuple(str(r) for r in data["regions"]),
        category=str(data["category"]),
        metric=str(data["metric"]),
        value=None if value is None else float(value),
        unit=str(data.get("unit", "")),
        year=str(data.get("year", "")),
        status=str(data["status"]),
        source=str(data["source"]),
        quote=str(data["quote"]),
        qualifier=str(data.get("qualifier", "")),
        corridor=str(data.get("corridor", "")),
        note=str(data.get("note", "")),
    )


def _check_proposal(p: Proposal, text: str) -> None:
    """Refuse a proposal that cannot become a target (the message names it)."""

    def bad(message: str) -> InputError:
        return InputError(f"proposal {p.id} {message}")

    if p.value is not None and not math.isfinite(float(p.value)):
        raise bad(f"has the value {p.value}: give a finite number or none")
    if p.status not in STATUSES:
        raise bad(f"has the status {p.status!r}: choose one of {', '.join(STATUSES)}")
    if p.scope not in SCOPES:
        raise bad(f"has the scope {p.scope!r}: choose one of {', '.join(SCOPES)}")
    if p.category not in CATEGORIES:
        raise bad(f"has the category {p.category!r}: choose one of {', '.join(CATEGORIES)}")
    if any(normalise_code(r) is None for r in p.regions):
        raise bad(f"names regions {list(p.regions)!r}: give 6-digit adcodes")
    if not p.sentence.strip() or p.sentence not in text:
        raise bad("has a sentence that is not in the document verbatim: keep it as found")


def is_figure(p: Proposal) -> bool:
    """Return whether an accepted proposal is stored as an achieved figure, not a target.

    It is when its status is ``"achieved"`` and it has a value and a date or year; an achieved
    proposal without them (a named project completed) stays a target.
    """
    dated = bool(p.date) or bool(re.fullmatch(r"\d{4}", p.year or ""))
    return p.status == "achieved" and p.value is not None and dated


def document_observations(
    number: int, province: str, accepted: list[Proposal]
) -> list[Observation]:
    """Return the achieved figures of stored document plan ``number`` (see :func:`is_figure`).

    One observation per region of each achieved proposal, ids ``P{n}-O1``, ``P{n}-O2``... in
    document order; the date is the proposal's date, else its year's last day; the quote is
    the sentence.
    """
    out: list[Observation] = []
    for p in sorted((p for p in accepted if is_figure(p)), key=lambda p: (p.start, p.end)):
        regions = [normalise_code(r) for r in p.regions] or [province]
        for region in regions:
            out.append(
                Observation(
                    id=f"P{number}-O{len(out) + 1}",
                    province=province,
                    region=str(region),
                    metric=p.metric,
                    value=float(p.value),  # type: ignore[arg-type]
                    unit=p.unit,
                    date=p.date or f"{p.year}-12-31",
                    source=source_of(number),
                    quote=p.sentence,
                )
            )
    return out


def document_targets(
    number: int, province: str, accepted: list[Proposal], text: str
) -> list[Target]:
    """Return the targets of stored document plan ``number`` from the accepted proposals.

    The achieved figures (:func:`is_figure`) are left out: they are observations. Ids are
    ``P{n}-01``... in document order; the quote is the proposal's sentence (verbatim in
    ``text``); the year is the proposal's date when it has one.

    Raises
    ------
    InputError
        When a proposal has a value, status, scope, category or region a target cannot have,
        or a sentence not in ``text``.
    """
    for p in accepted:
        _check_proposal(p, text)
    ordered = sorted((p for p in accepted if not is_figure(p)), key=lambda p: (p.start, p.end))
    return [
        Target(
            id=f"P{number}-{k:02d}",
            province=province,
            scope=p.scope,
            regions=tuple(normalise_code(r) for r in p.regions) or (province,),  # type: ignore[misc]
            category=p.category,
            metric=p.metric,
            value=None if p.value is None else float(p.value),
            unit=p.unit,
            year=p.date or p.year,
            status=p.status,
            source=source_of(number),
            quote=p.sentence,
            qualifier=p.qualifier,
            note="",
        )
        for k, p in enumerate(ordered, start=1)
    ]


def sheet_targets(number: int, imported: UserTargetImport) -> list[Target]:
    """Return the targets of stored sheet plan ``number``: ids ``P{n}-L{line}``."""
    out = []
    for t in imported.targets:
        line = t.id.rsplit("-", 1)[-1]  # user_targets ids end with the sheet line
        out.append(replace(t, id=f"P{number}-L{line}", source=source_of(number)))
    return out


def sheet_observations(number: int, imported: ObservationImport) -> list[Observation]:
    """Return the figures of stored sheet plan ``number``: ids ``P{n}-L{line}``."""
    out = []
    for o in imported.observations:
        line = o.id.rsplit("-", 1)[-1]  # observation_sheet ids end with L{line}
        out.append(replace(o, id=f"P{number}-{line}", source=source_of(number)))
    return out


def _observation_from_dict(data: dict[str, Any]) -> Observation:
    observation = Observation.from_dict(data)
    if not math.isfinite(observation.value):
        raise ValueError(f"observation {observation.id} has no finite value")
    return observation


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment
        return ""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _plan_fix(number: int, what: str | None = None) -> str:
    """Return the end of the sentence on a damaged file of plan ``number`` (``what`` it holds)."""
    subject = f"plan {number} could not be read and is"
    if what:
        subject = f"the {what} of plan {number} could not be read and are"
    return (
        f"{subject} left out; remove it with infra-atlas plans --remove {number} "
        "and import it again"
    )


def _parse_manifest(data: Any, number: int) -> PlanInfo:
    """Return the plan a manifest describes (``number`` is its folder's)."""
    expect(data, dict, "the manifest")
    if int(expect(data["plan"], int, "the plan number")) != number:
        raise ValueError(f"it names plan {data['plan']} but is in the folder p{number}")
    if data["kind"] not in KINDS:
        raise ValueError(f"the kind {data['kind']!r} is none of {', '.join(KINDS)}")
    return PlanInfo(
        plan=number,
        kind=str(data["kind"]),
        source=str(data["source"]),
        title=str(data.get("title") or data["source"]),
        province=str(data.get("province", "")),
        imported_at=str(data["imported_at"]),
        language=str(data.get("language", "")),
        targets=int(data["targets"]),
        sha256=str(data.get("sha256", "")),
        original=str(data.get("original", "")),
        observations=int(data.get("observations", 0)),
    )


def _parse_state(data: Any) -> dict[str, Any]:
    """Return ``state.json``'s hidden plans and last number."""
    expect(data, dict, "the state")
    hidden = expect(data.get("hidden", []), list, "'hidden'")
    return {
        "hidden": sorted({int(expect(n, int, "a hidden plan")) for n in hidden}),
        "last": int(expect(data.get("last", 0), int, "'last'")),
    }


class PlanStore:
    """The stored plan sets and which of them are hidden.

    Parameters
    ----------
    root : Path, optional
        Defaults to ``<data home>/plans``.

    Attributes
    ----------
    warnings : list of str
        What the last reading skipped (a damaged plan folder, an unreadable ``state.json``).
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else data_home() / "plans"
        self.warnings: list[str] = []

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
            _LOG.warning(message)

    # ---------------------------------------------------------------- reading
    def plans(self) -> list[PlanInfo]:
        """Return every plan set: plan 0 (the bundled seeds) first, then the stored ones."""
        hidden = self.hidden()
        bundled = PlanInfo(
            plan=BUNDLED,
            kind="bundled",
            source="seeds/targets.csv",
            title="Bundled plan documents (seeds)",
            province="",
            imported_at="",
            targets=len(load_targets()),
            hidden=BUNDLED in hidden,
        )
        return [bundled] + [replace(p, hidden=p.plan in hidden) for p in self._stored()]

    def _folders(self) -> list[tuple[int, Path]]:
        if not self.root.is_dir():
            return []
        found = [
            (int(m.group(1)), entry)
            for entry in self.root.iterdir()
            if (m := _PLAN_DIR.match(entry.name)) and entry.is_dir()
        ]
        return sorted(found)

    def _stored(self) -> list[PlanInfo]:
        infos = []
        for number, folder in self._folders():
            try:
                infos.append(self._info(folder, number))
            except DamagedState as exc:
                self._warn(str(exc))
        return infos

    def _info(self, folder: Path, number: int) -> PlanInfo:
        """Return a stored plan's manifest.

        Raises
        ------
        DamagedState
            When ``manifest.json`` is damaged or missing (the message names it and the fix).
        """
        return read_json(
            folder / "manifest.json",
            lambda data: _parse_manifest(data, number),
            _plan_fix(number),
            shape="a plan manifest",
        )

    def get(self, number: int) -> PlanInfo:
        """Return a plan set's manifest (plan 0: the bundled seeds).

        Raises
        ------
        InputError
            When no such plan is stored, or its folder is damaged.
        """
        number = int(number)
        if number == BUNDLED:
            return self.plans()[0]
        folder = self.root / f"p{number}"
        if not folder.is_dir():
            known = ", ".join(str(p.plan) for p in self._stored()) or "none imported yet"
            raise InputError(
                f"there is no readable plan {number} (stored: 0 = bundled, {known}): "
                "list them with infra-atlas plans"
            )
        try:
            info = self._info(folder, number)
        except DamagedState as exc:
            raise DamagedState(f"there is no readable plan {number}: {exc}") from None
        return replace(info, hidden=number in self.hidden())

    def _state(self) -> dict[str, Any]:
        """Return ``state.json`` (hidden plans, last number); a damaged one shows every plan."""
        try:
            return read_json(
                self.root / "state.json",
                _parse_state,
                "every plan is shown; hiding or showing a plan writes it again "
                "(infra-atlas plans --show 0)",
                shape="the plans' state",
                missing={"hidden": [], "last": 0},
            )
        except DamagedState as exc:
            self._warn(str(exc))
            return {"hidden": [], "last": 0}

    def hidden(self) -> set[int]:
        """Return the numbers of the plans hidden from view."""
        return set(self._state()["hidden"])

    def fingerprint(self) -> str:
        """Return a short hash of the stored plans and the hidden ones (changes with either).

        A plan folder is never modified, so its manifest's time stands for its targets and
        observations alike.
        """
        digest = hashlib.sha256()
        for number, folder in self._folders():
            with contextlib.suppress(OSError):
                mtime = (folder / "manifest.json").stat().st_mtime_ns
                digest.update(f"{number}:{mtime};".encode())
        with contextlib.suppress(OSError):
            digest.update((self.root / "state.json").read_bytes())
        return digest.hexdigest()[:16]

    def plan_targets(self, number: int) -> list[Target]:
        """Return the targets of one stored plan (hidden or not).

        Raises
        ------
        InputError
            When the plan is not stored or its targets cannot be read.
        """
        self.get(number)
        return self._read_records(number, "targets", _target_from_dict)

    def targets(self, include_hidden: bool = False) -> list[Target]:
        """Return the targets of the stored plans (not plan 0), oldest plan first."""
        return self._gather("targets", _target_from_dict, include_hidden)

    def plan_observations(self, number: int) -> list[Observation]:
        """Return the achieved figures of one stored plan (hidden or not).

        Raises
        ------
        InputError
            When the plan is not stored or its figures cannot be read.
        """
        info = self.get(number)
        if info.kind == "bundled" or not info.observations:
            return []
        return self._read_records(info.plan, "observations", _observation_from_dict)

    def observations(self, include_hidden: bool = False) -> list[Observation]:
        """Return the achieved figures of the stored plans, oldest plan first.

        A plan whose ``observations.json`` is damaged is skipped with a warning.
        """
        return self._gather("observations", _observation_from_dict, include_hidden)

    def _read_records(self, number: int, key: str, parse: Callable[[dict], Any]) -> list:
        """Read ``p{number}/{key}.json`` (``{key: [...]}``), each record through ``parse``.

        Raises
        ------
        DamagedState
            When the file is damaged or missing (the message names it and the fix).
        """

        def records(data: Any) -> list:
            return [parse(expect(r, dict, "a record")) for r in expect(data[key], list, key)]

        what = "figures" if key == "observations" else key
        return read_json(
            self.root / f"p{int(number)}" / f"{key}.json",
            records,
            _plan_fix(number, what),
            shape=f"the {what} of a plan",
        )

    def _gather(self, key: str, parse: Callable[[dict], Any], include_hidden: bool) -> list:
        """Return the ``key`` records of every stored plan shown (all with ``include_hidden``).

        A plan whose file is damaged is skipped with a warning: the rest keeps working.
        """
        hidden = set() if include_hidden else self.hidden()
        out: list = []
        for info in self._stored():
            if info.plan in hidden or (key == "observations" and not info.observations):
                continue
            try:
                out.extend(self._read_records(info.plan, key, parse))
            except InputError as exc:
                self._warn(str(exc))
        return out

    def text(self, number: int) -> str:
        """Return a stored plan's text, verbatim (a sheet's: its rows' quotes, one a line).

        Raises
        ------
        InputError
            For plan 0 or a plan that is not stored.
        """
        info = self.get(number)
        if info.kind == "bundled":
            raise InputError("plan 0 is the bundled seeds: open a target to see its document")
        if info.kind == "sheet":
            return "".join(t.quote + "\n" for t in self.plan_targets(number))
        if info.kind in ("observations", "typed"):
            return "".join(o.quote + "\n" for o in self.plan_observations(number))
        path = self.root / f"p{info.plan}" / "text.txt"
        try:
            with open(path, encoding="utf-8", newline="") as f:
                return f.read()
        except OSError as exc:
            raise InputError(
                f"the text of plan {number} could not be read ({exc.strerror}): "
                f"remove it with infra-atlas plans --remove {number} and import it again"
            ) from None

    # ---------------------------------------------------------------- writing
    def add_document(
        self, document: DocumentText, original: Path, province: str, accepted: list[Proposal]
    ) -> PlanInfo:
        """Store a plan document, its text and the targets the planner accepted.

        The accepted proposals that report an achieved figure (:func:`is_figure`) are stored
        as observations (``P{n}-O{k}``, one per region), the others as targets.

        Parameters
        ----------
        document : DocumentText
            What :func:`geodata.plan.reading.read_document` read from ``original``.
        original : Path
            The file as brought in (copied into the plan folder).
        province : str
            Adcode of the plan's province.
        accepted : list of Proposal
            The reviewed proposals (their sentences verbatim in ``document.text``).

        Returns
        -------
        PlanInfo

        Raises
        ------
        InputError
            When nothing is accepted, the province is no adcode, the original is missing or a
            proposal cannot become a target; nothing is stored.
        """
        code = normalise_code(province)
        if code is None or not code.endswith("0000"):
            raise InputError(f"province {province!r} is not a province adcode such as 140000")
        if not accepted:
            raise InputError("no proposal was accepted: accept at least one target to store")
        text = document.text
        for p in accepted:
            _check_proposal(p, text)
        original = self._original(original)
        manifest = {
            "kind": "document",
            "title": document.title or original.name,
            "province": code,
            "language": document.language or "",
            "format": document.kind,
            "encoding": document.encoding or "",
            "pages": document.pages,
            "script": document.script or "",
            "warnings": [str(w) for w in document.warnings],
        }

        def build(n: int) -> tuple[list[Target], list[Observation]]:
            targets = document_targets(n, code, accepted, text)
            return targets, document_observations(n, code, accepted)

        return self._add(original, manifest, build, text)

    def add_sheet(self, original: Path, imported: UserTargetImport) -> PlanInfo:
        """Store a target sheet and the rows imported from it (rows left out are listed).

        Raises
        ------
        InputError
            When no row was imported or the original is missing; nothing is stored.
        """
        if not imported.targets:
            raise InputError(
                f"no row of {imported.source or Path(original).name} could be imported: "
                "fix the rows listed and import the sheet again"
            )
        original = self._original(original)
        provinces = sorted({t.province for t in imported.targets})
        manifest = {
            "kind": "sheet",
            "title": original.name,
            "province": ";".join(provinces),
            "language": "",
            "errors": [{"line": line, "error": msg} for line, msg in imported.errors],
        }
        return self._add(original, manifest, lambda n: (sheet_targets(n, imported), []), None)

    def add_observations(self, original: Path, imported: ObservationImport) -> PlanInfo:
        """Store a sheet of achieved figures (kind ``"observations"``), ids ``P{n}-L{line}``.

        Raises
        ------
        InputError
            When a row has an error (all or nothing: fix every row listed first), no row was
            read, or the original is missing; nothing is stored.
        """
        name = imported.source or Path(original).name
        if imported.errors:
            raise InputError(
                f"{len(imported.errors)} rows of {name} have errors: nothing was stored; "
                "fix every row listed and import the sheet again"
            )
        if not imported.observations:
            raise InputError(f"{name} has no figure: add rows and import the sheet again")
        original = self._original(original)
        provinces = sorted({o.province for o in imported.observations})
        manifest = {"kind": "observations", "title": original.name, "province": ";".join(provinces)}
        return self._add(original, manifest, lambda n: ([], sheet_observations(n, imported)), None)

    def add_typed(self, observation: Observation) -> PlanInfo:
        """Store one figure typed in the window (kind ``"typed"``, id ``P{n}-O1``).

        There is no original file; the manifest notes who typed it (the login name) and when.
        The figure is taken as given: check it first (see
        :func:`geodata.plan.observation_sheet.typed_observation`).

        Raises
        ------
        InputError
            When its value is not a finite number.
        """
        if not math.isfinite(float(observation.value)):
            raise InputError(f"the value {observation.value} is not a finite number: type digits")
        user = _user()
        number = float(observation.value)
        value = f"{number:,.0f}" if number.is_integer() else f"{number:,}"
        manifest = {
            "kind": "typed",
            "source": f"typed by {user}" if user else "typed",
            "original": "",
            "sha256": "",
            "title": f"{observation.metric}: {value} {observation.unit} ({observation.date})",
            "province": observation.province,
            "user": user,
        }

        def build(n: int) -> tuple[list[Target], list[Observation]]:
            return [], [replace(observation, id=f"P{n}-O1", source=source_of(n))]

        return self._add(None, manifest, build, None)

    @staticmethod
    def _original(original: Path) -> Path:
        original = Path(original)
        if not original.is_file():
            raise InputError(f"{original} does not exist: check the path")
        return original

    def _add(self, original: Path | None, manifest: dict, build, text: str | None) -> PlanInfo:
        """Write a plan into a temporary folder and rename it into place, under the lock.

        ``build(number)`` returns the plan's targets and observations.
        """
        files = original_entries(original)
        with store_lock(self.root):
            self._clean_leftovers()
            number = max([self._state()["last"]] + [n for n, _ in self._folders()]) + 1
            targets, observations = build(number)
            manifest = new_manifest(number, files, targets, observations, manifest)
            tmp = Path(tempfile.mkdtemp(dir=self.root, prefix=f".tmp-p{number}-"))
            try:
                _write_folder(tmp, original, manifest, targets, observations, text)
                os.replace(tmp, self.root / f"p{number}")
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            self._write_state(last=number)
        return self.get(number)

    def _clean_leftovers(self) -> None:
        """Delete what a crashed writer left (only ever called under the lock)."""
        for entry in self.root.iterdir():
            if entry.name.startswith((".tmp-p", ".trash-p")):
                shutil.rmtree(entry, ignore_errors=True)

    def _write_state(self, last: int | None = None, hidden: set[int] | None = None) -> None:
        state = self._state()
        if last is not None:
            state["last"] = max(state["last"], last)
        if hidden is not None:
            state["hidden"] = sorted(hidden)
        atomic_write_text(self.root / "state.json", _dumps(state), fsync=True)

    def set_hidden(self, number: int, hidden: bool) -> str:
        """Hide a plan from view (or show it again); return what changed, in a sentence.

        Raises
        ------
        InputError
            When no such plan is stored.
        """
        info = self.get(number)
        with store_lock(self.root):
            now = self.hidden()
            now = now | {info.plan} if hidden else now - {info.plan}
            self._write_state(hidden=now)
        return f"plan {info.plan} ({info.title}) is {'hidden' if hidden else 'shown'}"

    def remove(self, number: int) -> str:
        """Delete a stored plan for good; return what changed, in a sentence.

        Raises
        ------
        InputError
            For plan 0 (the bundled seeds are only hidden) or a plan that is not stored.
        """
        number = int(number)
        if number == BUNDLED:
            raise InputError("plan 0 is the bundled seeds and cannot be removed: hide it instead")
        with store_lock(self.root):
            folder = self.root / f"p{number}"
            if not folder.is_dir():
                self.get(number)  # raises the usual message
            trash = self.root / f".trash-p{number}-{os.getpid()}-{time.time_ns()}"
            os.replace(folder, trash)
            shutil.rmtree(trash, ignore_errors=True)
            hidden = self.hidden()
            if number in hidden:
                self._write_state(hidden=hidden - {number})
        return f"plan {number} was removed"


def original_entries(original: Path | None) -> dict[str, str]:
    """Return what a plan's manifest says of its original file (nothing for a typed figure)."""
    if original is None:
        return {}
    return {
        "source": original.name,
        "original": f"original{original.suffix.lower()}",
        "sha256": _sha256(original),
    }


def new_manifest(
    number: int, files: dict[str, str], targets: list, observations: list, extra: dict
) -> dict:
    """Return the manifest of a plan being stored as ``number`` (``extra`` last: it wins)."""
    return {
        "plan": number,
        **files,
        "imported_at": _now(),
        "targets": len(targets),
        "observations": len(observations),
        **extra,
    }


def _write_folder(
    folder: Path,
    original: Path | None,
    manifest: dict,
    targets: list[Target],
    observations: list[Observation],
    text: str | None,
) -> None:
    """Write a plan's files into ``folder``: the original, text, targets, figures, manifest last.

    ``observations.json`` is written only when the plan has figures.
    """
    if original is not None:
        shutil.copyfile(original, folder / manifest["original"])
    if text is not None:
        with open(folder / "text.txt", "w", encoding="utf-8", newline="") as f:
            f.write(text)
    body = {"plan": manifest["plan"], "targets": [t.to_dict() for t in targets]}
    (folder / "targets.json").write_text(_dumps(body), encoding="utf-8")
    if observations:
        figures = {"plan": manifest["plan"], "observations": [o.to_dict() for o in observations]}
        (folder / "observations.json").write_text(_dumps(figures), encoding="utf-8")
    (folder / "manifest.json").write_text(_dumps(manifest), encoding="utf-8")
