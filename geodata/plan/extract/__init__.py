"""Candidate targets ("proposals") read from a plan document's text for a planner to review.

:func:`propose_targets` is imported on first use: it needs the numeral library (cn2an), which
takes most of a second to import, and a window that only shows :class:`Proposal` records
should not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geodata.plan.extract.proposal import Proposal

if TYPE_CHECKING:
    from geodata.plan.extract.propose import propose_targets

__all__ = ["Proposal", "propose_targets"]


def __getattr__(name: str) -> object:
    """Import :func:`propose_targets` when it is first asked for."""
    if name == "propose_targets":
        from geodata.plan.extract.propose import propose_targets

        return propose_targets
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
