"""The data folder as a whole: damage found, and the repair.

The window calls :func:`state_problems` to say what is damaged (a sentence each, naming the
file and the fix) and :func:`repair_state` when the user asks for the repair (the Repair
button; ``infra-atlas layers --repair`` repairs the boundary store the same way): damaged
boundary versions and plans are set aside in their store's ``damaged/`` folder, never deleted,
and damaged ``active.json`` and ``state.json`` are written again from what is readable. (What a
killed import left is cleaned at start-up by :func:`geodata.statefiles.clean_stores`.)
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from geodata.boundaries.store import BoundaryStore
from geodata.errors import InputError
from geodata.messages import said
from geodata.paths import atomic_write_text, store_lock
from geodata.plan.store import PlanStore
from geodata.statefiles import clean_leftovers, set_aside

_PLAN_DIR = re.compile(r"^p(\d+)$")
_SET_ASIDE_PLAN = re.compile(r"^p(\d+)-")


def state_problems() -> list[str]:
    """Return what is damaged in the data folder, a sentence each naming the file and the fix.

    Damaged boundary versions, ``active.json`` and its entries (including one naming a version
    that is not readable), damaged plans and ``state.json``; what :func:`repair_state`
    repairs. (:func:`geodata.paths.home_problem` says whether the folder can be written.)
    """
    boundaries = BoundaryStore()
    boundaries.versions()  # a damaged version's warning names its file
    for key, version in sorted(boundaries.active().items()):
        if not (boundaries.root / f"v{version}").exists():
            boundaries.warnings.append(
                said(
                    "state.not_stored",
                    path=str(boundaries.root / "active.json"),
                    version=version,
                    key=key,
                    fix=said("fix.active"),
                )
            )
    plans = PlanStore()
    plans.plans()
    plans.targets()
    plans.observations()
    return _unique(boundaries.warnings + plans.warnings)


def _unique(messages: list[str]) -> list[str]:
    return list(dict.fromkeys(messages))


def repair_state() -> list[str]:
    """Repair the boundary and plan stores; return what was done, a sentence each.

    See :meth:`geodata.boundaries.store.BoundaryStore.repair` and :func:`repair_plans`.

    Raises
    ------
    Unwritable
        When a store cannot be written.
    """
    return BoundaryStore().repair() + repair_plans()


def repair_plans(store: PlanStore | None = None) -> list[str]:
    """Set damaged plans aside and write a damaged ``plans/state.json`` again.

    A plan whose manifest, targets or figures cannot be read is moved to ``plans/damaged/``;
    a damaged ``state.json`` is set aside and written again (every plan shown, the numbers
    used so far kept so none is given twice).

    Returns
    -------
    list of str
        What was done, a sentence each; empty when nothing was damaged.

    Raises
    ------
    Unwritable
        When the plan store cannot be written.
    """
    store = store if store is not None else PlanStore()
    root = store.root
    if not root.is_dir():
        return []
    done: list[str] = [said("repair.leftover", name=name) for name in clean_leftovers(root)]
    with store_lock(root):
        for number, folder in _plan_folders(root):
            problem = _plan_problem(PlanStore(root), number)
            if problem is not None:
                moved = set_aside(folder, root)
                done.append(said("repair.plan", number=number, moved=str(moved), problem=problem))
        reading = PlanStore(root)
        reading.hidden()
        state = root / "state.json"
        if reading.warnings:
            if os.path.lexists(state):
                moved = set_aside(state, root)
                done.append(said("repair.set_aside", path=str(state), moved=str(moved)))
            body = {"hidden": [], "last": max(_plan_numbers(root), default=0)}
            atomic_write_text(state, json.dumps(body, indent=2) + "\n", fsync=True)
            done.append(said("repair.plans_state", path=str(state)))
    return done


def _plan_folders(root: Path) -> list[tuple[int, Path]]:
    return sorted(
        (int(m.group(1)), entry)
        for entry in root.iterdir()
        if (m := _PLAN_DIR.match(entry.name)) and entry.is_dir()
    )


def _plan_numbers(root: Path) -> list[int]:
    """Return the numbers of the stored plans and of those set aside."""
    numbers = [number for number, _ in _plan_folders(root)]
    damaged = root / "damaged"
    if damaged.is_dir():
        numbers += [
            int(m.group(1)) for e in damaged.iterdir() if (m := _SET_ASIDE_PLAN.match(e.name))
        ]
    return numbers


def _plan_problem(store: PlanStore, number: int) -> str | None:
    """Return why a stored plan cannot be read (the error's sentence), or None when it can."""
    try:
        store.get(number)
        store.plan_targets(number)
        store.plan_observations(number)
    except InputError as exc:
        return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    return None
