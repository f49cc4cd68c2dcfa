"""Plans in a shared PostGIS workspace: the plan store, kept in the database.

:class:`PostgisPlanStore` answers what :class:`~geodata.plan.store.PlanStore` answers (the
plans, their targets and achieved figures, which are hidden, storing a document, a sheet or a
typed figure, hiding and removing) from the tables of :mod:`geodata.postgis.schema`: a plan's
manifest, original file and text in ``plans``, one row per target and figure in
``plan_targets`` and ``plan_observations``, hidden plans in ``plan_state``. Plan numbers come
from a sequence and are never given again; a plan is written in one transaction. Plan 0 stays
the bundled seeds, on every machine.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.errors import InputError
from geodata.plan.store import BUNDLED, KINDS, PlanInfo, PlanStore
from geodata.postgis.changes import recent_fingerprint, record_change
from geodata.postgis.workspace import WorkspaceAccess, store_in_use

if TYPE_CHECKING:
    from collections.abc import Callable

    import psycopg


_TABLES = {"targets": "plan_targets", "observations": "plan_observations"}


class PostgisPlanStore(WorkspaceAccess, PlanStore):
    """The plans of a PostGIS workspace.

    Parameters
    ----------
    dsn : str
        The workspace's libpq connection string (no password: libpq finds it itself).
    """

    def __init__(self, dsn: str) -> None:
        super().__init__(dsn, "plans")

    # ---------------------------------------------------------------- reading
    def _folders(self) -> list[tuple[int, Path]]:
        return []

    def _stored(self) -> list[PlanInfo]:
        def fetch() -> list[PlanInfo]:
            with self._db("list the plans") as conn:
                rows = conn.execute(
                    "SELECT number, manifest FROM infra_atlas.plans ORDER BY number"
                ).fetchall()
            return [_info(*row) for row in rows]

        return self.snapshot.remembered(
            "plans", fetch, lambda infos: [asdict(i) for i in infos],
            lambda data: [PlanInfo(**i) for i in data],
        )  # fmt: skip

    def get(self, number: int) -> PlanInfo:
        """Return a plan's manifest (plan 0: the bundled seeds); InputError when not stored."""
        number = int(number)
        if number == BUNDLED:
            return self.plans()[0]
        for info in self._stored():
            if info.plan == number:
                return replace(info, hidden=number in self.hidden())
        raise InputError(
            f"there is no plan {number} in the workspace {self.shown}: "
            "list them with infra-atlas plans"
        )

    def _state(self) -> dict[str, Any]:
        def fetch() -> dict[str, Any]:
            with self._db("read the hidden plans") as conn:
                rows = conn.execute(
                    "SELECT number FROM infra_atlas.plan_state WHERE hidden ORDER BY number"
                ).fetchall()
            return {"hidden": [int(r[0]) for r in rows], "last": 0}

        return self.snapshot.remembered("state", fetch, dict, dict)

    def fingerprint(self) -> str:
        """Return a short hash of the workspace's last change (``offline`` when unreachable).

        Remembered for a few seconds (:func:`geodata.postgis.changes.recent_fingerprint`): the
        targets are asked for many times while a map is drawn; this process's own writes and
        the window's poll renew it at once.
        """
        return recent_fingerprint(self.dsn)

    def _read_records(self, number: int, key: str, parse: Callable[[dict], Any]) -> list:
        from psycopg import sql

        query = sql.SQL("SELECT record FROM infra_atlas.{} WHERE plan = %s ORDER BY ord").format(
            sql.Identifier(_TABLES[key])
        )

        def fetch() -> list[dict]:
            with self._db(f"read the {key} of plan {number}") as conn:
                return [dict(row[0]) for row in conn.execute(query, (int(number),)).fetchall()]

        records = self.snapshot.remembered(f"{key}:{int(number)}", fetch, list, list)
        try:
            return [parse(record) for record in records]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(
                f"the {key} of plan {number} could not be read ({type(exc).__name__}): "
                f"remove it with infra-atlas plans --remove {number} and import it again"
            ) from None

    def text(self, number: int) -> str:
        """Return a stored plan's text, verbatim (a sheet's: its rows' quotes, one a line)."""
        info = self.get(number)
        if info.kind != "document":
            return super().text(number)

        def fetch() -> str:
            with self._db("read the plan's text") as conn:
                row = conn.execute(
                    "SELECT text FROM infra_atlas.plans WHERE number = %s", (info.plan,)
                ).fetchone()
            return str(row[0] or "") if row else ""

        return self.snapshot.remembered(f"text:{info.plan}", fetch, str, str)

    def original(self, number: int) -> bytes:
        """Return the bytes of a stored plan's original file (empty for a typed figure)."""
        with self._db("read the plan's original file") as conn:
            row = conn.execute(
                "SELECT original FROM infra_atlas.plans WHERE number = %s", (int(number),)
            ).fetchone()
        return bytes(row[0]) if row and row[0] is not None else b""

    # ---------------------------------------------------------------- writing
    def _add(self, original: Path | None, manifest: dict, build, text: str | None) -> PlanInfo:
        """Write a plan, its targets and figures in one transaction."""
        from geodata.plan.store import new_manifest, original_entries

        files = original_entries(original)
        content = original.read_bytes() if original is not None else None
        with self._db("store the plan", write=True) as conn, conn.transaction():
            number = int(
                conn.execute("SELECT nextval('infra_atlas.plan_number_seq')").fetchone()[0]
            )
            targets, observations = build(number)
            manifest = new_manifest(number, files, targets, observations, manifest)
            _insert_plan(conn, number, manifest, content, text)
            _insert_records(conn, number, "targets", [t.to_dict() for t in targets])
            _insert_records(conn, number, "observations", [o.to_dict() for o in observations])
            record_change(conn, f"plans: plan {number} stored")
        return self.get(number)

    def _clean_leftovers(self) -> None:
        """Nothing to clean: a failed transaction leaves nothing behind."""

    def set_hidden(self, number: int, hidden: bool) -> str:
        """Hide a plan from view (or show it again) for everyone using the workspace."""
        info = self.get(number)
        with self._db("hide or show the plan", write=True) as conn, conn.transaction():
            conn.execute(
                "INSERT INTO infra_atlas.plan_state (number, hidden) VALUES (%s, %s)"
                " ON CONFLICT (number) DO UPDATE SET hidden = EXCLUDED.hidden",
                (info.plan, bool(hidden)),
            )
            record_change(conn, f"plans: plan {info.plan} {'hidden' if hidden else 'shown'}")
        return f"plan {info.plan} ({info.title}) is {'hidden' if hidden else 'shown'}"

    def remove(self, number: int) -> str:
        """Delete a stored plan for everyone (plan 0 cannot be removed, only hidden)."""
        number = int(number)
        if number == BUNDLED:
            raise InputError("plan 0 is the bundled seeds and cannot be removed: hide it instead")
        self.get(number)
        with self._db("remove the plan", write=True) as conn, conn.transaction():
            conn.execute("DELETE FROM infra_atlas.plans WHERE number = %s", (number,))
            conn.execute("DELETE FROM infra_atlas.plan_state WHERE number = %s", (number,))
            record_change(conn, f"plans: plan {number} removed")
        return f"plan {number} was removed"


def _info(number: int, manifest: dict) -> PlanInfo:
    data = dict(manifest)
    if data.get("kind") not in KINDS:
        raise InputError(f"plan {number} of the workspace has an unknown kind {data.get('kind')!r}")
    return PlanInfo(
        plan=int(number),
        kind=str(data["kind"]),
        source=str(data.get("source", "")),
        title=str(data.get("title") or data.get("source", "")),
        province=str(data.get("province", "")),
        imported_at=str(data.get("imported_at", "")),
        language=str(data.get("language", "")),
        targets=int(data.get("targets", 0)),
        sha256=str(data.get("sha256", "")),
        original=str(data.get("original", "")),
        observations=int(data.get("observations", 0)),
    )


def _insert_plan(
    conn: psycopg.Connection, number: int, manifest: dict, content: bytes | None, text: str | None
) -> None:
    from psycopg.types.json import Jsonb

    conn.execute(
        "INSERT INTO infra_atlas.plans (number, kind, manifest, original_name, original, text)"
        " VALUES (%s, %s, %s, %s, %s, %s)",
        (
            number,
            manifest["kind"],
            Jsonb(json.loads(json.dumps(manifest, allow_nan=False))),
            manifest.get("source"),
            content,
            text,
        ),
    )


def _insert_records(conn: psycopg.Connection, number: int, key: str, records: list[dict]) -> None:
    from psycopg import sql
    from psycopg.types.json import Jsonb

    if not records:
        return
    query = sql.SQL("INSERT INTO infra_atlas.{} (plan, ord, record) VALUES (%s, %s, %s)").format(
        sql.Identifier(_TABLES[key])
    )
    with conn.cursor() as cur:
        cur.executemany(
            query,
            [
                (number, i, Jsonb(json.loads(json.dumps(r, allow_nan=False))))
                for i, r in enumerate(records)
            ],
        )


def plan_store() -> PlanStore:
    """Return the plan store of the workspace in use: the data home's, or a PostGIS one.

    See :func:`geodata.postgis.workspace.store_in_use` (a damaged setting: the local store).
    """
    return store_in_use(PlanStore, _shared)


@cache
def _shared(dsn: str) -> PostgisPlanStore:
    """Return the one store of a workspace in this process (its connection is reused)."""
    return PostgisPlanStore(dsn)
