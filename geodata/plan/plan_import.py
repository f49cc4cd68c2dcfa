"""Bring a plan document in: read it, propose its targets, store those the planner accepts.

What the command line (``infra-atlas plan-import``) and the window's review dialog call::

    result = propose_file("anhui_plan.docx", "anhui", progress=bar.set, cancelled=stop.is_set)
    info = accept(result, [p for p in result.proposals if keep(p)])

Progress is reported as ``progress(fraction)``, 0.0 to 1.0: reading takes the first half and
proposing the second. Nothing is stored until :func:`accept`, and then all at once (see
:mod:`geodata.plan.store`): the accepted proposals that report an achieved figure become
observations, the others targets. Sheets of targets (:func:`import_sheet`) and of achieved
figures (:func:`import_observation_sheet`) are stored as plans too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.errors import InputError
from geodata.plan.pgstore import plan_store
from geodata.plan.store import PlanInfo, PlanStore

if TYPE_CHECKING:
    from geodata.plan.extract.proposal import Proposal
    from geodata.plan.observation_sheet import ObservationImport
    from geodata.plan.reading import DocumentText
    from geodata.plan.targets import Target
    from geodata.plan.user_targets import UserTargetImport

#: ``progress(fraction)``: the share of the whole task done, 0.0 to 1.0.
Progress = Callable[[float], None]


@dataclass
class PlanProposals:
    """A document read and the targets proposed from it, awaiting review.

    Attributes
    ----------
    document : DocumentText
        The text read from the file.
    proposals : list of Proposal
        The candidate targets, in document order.
    province : str
        Adcode of the plan's province.
    path : Path
        The file read (stored as the plan's original on acceptance).
    """

    document: DocumentText
    proposals: list[Proposal]
    province: str
    path: Path = field(default_factory=Path)

    def to_dict(self, stored: int | None = None) -> dict:
        """Return the JSON form of ``infra-atlas plan-import --json``."""
        return {
            "file": self.path.name,
            "province": self.province,
            "kind": self.document.kind,
            "language": self.document.language,
            "title": self.document.title,
            "warnings": [str(w) for w in self.document.warnings],
            "proposals": [p.to_dict() for p in self.proposals],
            "stored": stored,
        }


def _part(progress: Progress | None, start: float, span: float) -> Callable | None:
    """Return a ``(done, total)`` callback that reports ``start + span * done / total``.

    The reader and the proposer call their progress with ``(done, total)``.
    """
    if progress is None:
        return None

    def report(done: float, total: float = 1.0) -> None:
        fraction = min(max(float(done) / float(total), 0.0), 1.0) if total else 0.0
        progress(start + span * fraction)

    return report


def propose_file(
    path: str | Path,
    province: str,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PlanProposals:
    """Read a plan document and propose its targets.

    Parameters
    ----------
    path : str or Path
        A plan document (text, Word, PDF or web page).
    province : str
        The plan's province: name, pinyin or adcode.
    progress : callable, optional
        Called with the share done, 0.0 to 1.0: reading is the first half, proposing the
        second.
    cancelled : callable, optional
        Returns True when the user cancelled (then :class:`geodata.errors.Cancelled` is raised).

    Returns
    -------
    PlanProposals

    Raises
    ------
    InputError
        For an unknown province or a file that cannot be read.
    """
    from geodata.plan.extract import propose_targets
    from geodata.plan.reading import read_document
    from geodata.regions.catalogue import resolve_province

    code = resolve_province(province)
    path = Path(path)
    document = read_document(path, progress=_part(progress, 0.0, 0.5), cancelled=cancelled)
    proposals = propose_targets(
        document.text,
        code,
        language=document.language or "",
        progress=_part(progress, 0.5, 0.5),
        cancelled=cancelled,
    )
    if progress is not None:
        progress(1.0)
    return PlanProposals(document=document, proposals=list(proposals), province=code, path=path)


def accept(
    proposals_result: PlanProposals, accepted: list[Proposal], store: PlanStore | None = None
) -> PlanInfo:
    """Store the document, its text and the accepted proposals as a new plan.

    The proposals with the status ``"achieved"``, a value and a date or year are stored as
    observations (achieved figures), the others as targets.

    Parameters
    ----------
    proposals_result : PlanProposals
        From :func:`propose_file`.
    accepted : list of Proposal
        The proposals the planner kept (possibly edited).
    store : PlanStore, optional
        The data home's plan store by default.

    Returns
    -------
    PlanInfo

    Raises
    ------
    InputError
        When nothing is accepted or a proposal cannot become a target; nothing is stored.
    """
    if not accepted:
        raise InputError("no proposal was accepted: accept at least one target to store")
    store = store if store is not None else plan_store()
    return store.add_document(
        proposals_result.document,
        proposals_result.path,
        proposals_result.province,
        list(accepted),
    )


def import_sheet(
    path: str | Path, store: PlanStore | None = None
) -> tuple[UserTargetImport, PlanInfo | None]:
    """Read a target sheet and store its rows as a plan when at least one was imported.

    Returns
    -------
    tuple
        ``(UserTargetImport, PlanInfo or None)``: the rows imported (as stored: ids
        ``P{n}-L{line}``, source ``plan-{n}``) and left out (by line), and the stored plan
        (None when no row could be imported).

    Raises
    ------
    InputError
        When the sheet cannot be read or lacks the region, metric or value column.
    """
    from geodata.plan.user_targets import import_user_targets

    result = import_user_targets(path)
    if not result.targets:
        return result, None
    store = store if store is not None else plan_store()
    info = store.add_sheet(Path(path), result)
    result.targets = store.plan_targets(info.plan)
    return result, info


def import_observation_sheet(
    path: str | Path, targets: list[Target], store: PlanStore | None = None
) -> tuple[ObservationImport, PlanInfo | None]:
    """Read a sheet of achieved figures and store it as a plan when every row is right.

    All or nothing: when any row has an error, nothing is stored and the result lists every
    error by line. A row repeating a figure of a visible stored plan is an error.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` or ``.xlsx`` sheet (see :mod:`geodata.plan.observation_sheet`).
    targets : list of Target
        The targets the rows may name or match by metric (those in view).
    store : PlanStore, optional
        The data home's plan store by default.

    Returns
    -------
    tuple
        ``(ObservationImport, PlanInfo or None)``: the figures (as stored: ids
        ``P{n}-L{line}``, source ``plan-{n}``) or the errors by line, and the stored plan
        (None when a row has an error).

    Raises
    ------
    InputError
        When the sheet cannot be read, lacks a needed column or has no row.
    """
    from geodata.plan.observation_sheet import import_observations

    store = store if store is not None else plan_store()
    result = import_observations(path, targets, known=store.observations())
    if result.errors:
        return result, None
    info = store.add_observations(Path(path), result)
    result.observations = store.plan_observations(info.plan)
    return result, info
