"""Small helpers the Pilot tests share: the main screen, its count line, and waiting until
a keystroke's filter has run and been applied."""

from __future__ import annotations

from reader.tui.app import ReaderApp
from reader.tui.screens.main import MainScreen


def main(app: ReaderApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def count_text(app: ReaderApp) -> str:
    return str(main(app).bar.query_one("#count").render())


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
