"""How the parallel load starts its worker processes, apart from the loader itself: the
interface prepares for them before its first screen, and importing the parsers and the
recogniser for that would delay the screen by their import time."""

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


def prepare_pool() -> None:
    """Start multiprocessing's resource tracker now, while this process has its own stderr:
    the tracker needs stderr's file descriptor to start, and a full-screen interface
    replaces sys.stderr with an object that has none.

    The fork server starts when a load first needs workers (it is spawned, not forked, so a
    loading thread may start it). Started here, it imported the loader on the other core
    while the first screen was drawn: 50-65 ms of a warm start's first paint on two cores,
    for a pool a warm start does not use. A cold load pays that import instead."""
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
