"""Slow work off the GUI thread: a Python thread that runs a function and reports by signal.

A plain :class:`threading.Thread` is used rather than QThreadPool/QRunnable: with PySide6 6.12 on
Python 3.11 a QRunnable running heavy numpy/pyproj code crashed the process now and then, while a
Python thread whose result comes back through a queued Qt signal did not.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from geodata.errors import InfraAtlasError


class Worker(QObject):
    """Run ``function(*args, **kwargs)`` in a daemon thread.

    Signals
    -------
    finished(object)
        The function's result (delivered in the GUI thread).
    failed(str, bool)
        The message and whether it is a user error (:class:`~geodata.errors.InfraAtlasError`)
        or a bug (the message is then the traceback).
    """

    finished = Signal(object)
    failed = Signal(str, bool)

    def __init__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.function = function
        self.args = args
        self.kwargs = kwargs
        self.error: BaseException | None = None  # the exception behind ``failed``
        self.thread = threading.Thread(target=self.run, name="infra-atlas-worker", daemon=True)

    def run(self) -> None:
        """Run the function; emit exactly one of ``finished`` or ``failed``."""
        try:
            result = self.function(*self.args, **self.kwargs)
        except InfraAtlasError as exc:
            self.error = exc
            self.failed.emit(str(exc), True)
        except Exception as exc:  # reported through the one error path, with the traceback logged
            self.error = exc
            self.failed.emit(traceback.format_exc(), False)
        else:
            self.finished.emit(result)

    def start(self) -> Worker:
        """Start the thread and return the worker."""
        self.thread.start()
        return self


def run_worker(
    running: set[Worker],
    worker: Worker,
    done: Callable[[Any], None],
    failed: Callable[[str, bool], None],
    owner: QObject | None = None,
) -> Worker:
    """Start ``worker`` and route its report to ``done(result)`` or ``failed(message, expected)``.

    Parameters
    ----------
    running : set of Worker
        The caller's set of running workers: the worker stays in it (alive) until it reports.
    worker : Worker
    done, failed : callable
        Called in the GUI thread.
    owner : QObject, optional
        A widget (a dialog) the callbacks belong to: when it has been deleted by the time the
        worker reports, neither is called.

    Returns
    -------
    Worker
        ``worker``, started.
    """
    running.add(worker)

    def alive() -> bool:
        return owner is None or shiboken6.isValid(owner)

    def finished(result: Any, w: Worker = worker) -> None:
        running.discard(w)
        if alive():
            done(result)

    def failure(message: str, expected: bool, w: Worker = worker) -> None:
        running.discard(w)
        if alive():
            failed(message, expected)

    worker.finished.connect(finished)
    worker.failed.connect(failure)
    return worker.start()
