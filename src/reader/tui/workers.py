"""Background work that fails is told to the user, never a silent stop nor a traceback.

Every worker is started with `exit_on_error=False` and a `name` that says, in plain words,
what it was doing; a screen that runs workers mixes in `ReportsWorkerErrors`, whose one
handler turns a worker's ERROR state into a notification. (Textual's worker state
messages do not bubble, so the handler lives on the node that ran the worker.)

Every `@work` also gives a `description` (the name again): without one, Textual writes the
repr of every argument into it, on the UI thread, each time the worker starts. The ids
handed to the new-article marks and a filter request holding a bitmap of a million
articles took seconds of a start that way.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from reader.ingest.clean import clean_text


def failure_message(worker: Worker[object]) -> str:
    """'<what the worker did> failed: <the error>', cleaned of escapes and control codes."""
    error = worker.error
    detail = clean_text(str(error)).strip() if error is not None else ""
    if not detail:
        detail = type(error).__name__ if error is not None else "unknown error"
    what = clean_text(worker.name).strip() or "A background task"
    return f"{what} failed: {detail}"


class ReportsWorkerErrors(DOMNode):
    """Mix into a screen or widget that runs workers."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.app.notify(failure_message(event.worker), severity="error", timeout=15,
                            markup=False)
            self.worker_failed(event.worker)

    def worker_failed(self, worker: Worker[object]) -> None:
        """A hook for what else the screen must change when its work fails."""
