"""How the parallel load starts its worker processes, apart from the loader itself: the
interface starts the fork server before its first screen, and importing the parsers and
the recogniser for that would delay the screen by their import time."""

from __future__ import annotations

import multiprocessing
import multiprocessing.context

LOADER = "reader.ingest.load"
"""The module each worker runs, imported once by the fork server for all of them."""


def pool_context() -> multiprocessing.context.BaseContext:
    """Never `fork`: the interface loads from a worker thread, and forking a threaded
    process can copy a lock held by another thread into the child, which then hangs.
    A fork server is started clean (with the loader imported once, so each worker need
    not import it again); where there is none, spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([LOADER])
        return context
    return multiprocessing.get_context("spawn")


def start_pool_server() -> None:
    """Start the fork server and multiprocessing's resource tracker now, while this process
    has one thread and its own stderr. Both need stderr's file descriptor to start, and a
    full-screen interface replaces sys.stderr with an object that has none."""
    context = pool_context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
    else:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
