"""The views and live sources on the main screen, driven by keys as a user would."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reader.analysis.facets import FacetIndex
from reader.analysis.timeline import TimelineIndex
from reader.entities.recognise import PERSON, PLACE
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.entity_card import EntityCard
from reader.tui.screens.main import MainScreen
from reader.tui.state import ReadingState
from reader.tui.widgets.facet_pane import FacetPane
from tests.tui.helpers import count_text, main


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_facets_count_the_result_and_enter_pins_a_chip(app: ReaderApp, seed_store: Store) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        await settle(pilot)
        pane = main(app).query_one(FacetPane)
        assert pane.display and pane.border_title == "Facets (5 articles)"
        top = FacetIndex(seed_store).counts(kind=PLACE)[0]
        assert pane.current is not None and pane.current.id == top.id
        await pilot.press("enter")
        await settle(pilot)
        assert [c.id for c in main(app).bar.chips] == [top.id]
        assert count_text(app) == f"{top.count} of 5 articles"
        assert pane.border_title == f"Facets ({top.count} articles)"


async def test_bang_in_the_facets_excludes_a_person(app: ReaderApp, seed_store: Store) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        await settle(pilot)
        pane = main(app).query_one(FacetPane)
        people = FacetIndex(seed_store).counts(kind=PERSON)
        for _ in range(20):  # bounded: a pane that never shows the person fails, never hangs
            if pane.current is not None and pane.current.id == people[0].id:
                break
            await pilot.press("down")
        await pilot.press("exclamation_mark")
        await settle(pilot)
        chip = main(app).bar.chips[0]
        assert chip.exclude and chip.id == people[0].id
        assert count_text(app) == f"{5 - people[0].count} of 5 articles"
        named = seed_store.articles_of(PERSON, people[0].id)
        assert not set(main(app).result.positions) & set(named)


async def test_a_timeline_bar_narrows_to_its_month(app: ReaderApp, seed_store: Store) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await settle(pilot)
        bars = TimelineIndex(seed_store).timeline().bars
        await pilot.press("left", "enter")
        await settle(pilot)
        month = f"{bars[-2].start:%Y-%m}"
        assert main(app).bar.input.value == month
        inside = [a for a in seed_store.articles if a.date and f"{a.date:%Y-%m}" == month]
        assert count_text(app) == f"{len(inside)} of 5 articles"


async def test_e_opens_the_card_of_the_articles_first_person_and_pins_from_it(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        article = main(app).current_article
        assert article is not None and article.people
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EntityCard)
        assert app.screen.entity_id == article.people[0]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert len(main(app).bar.chips) == 1


async def test_a_reload_keeps_the_filter_and_the_cursor_on_its_article(
        app: ReaderApp, seed_store: Store) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j")
        screen = main(app)
        kept = screen.article_list.current_id
        extra = dataclasses.replace(seed_store.articles[0], id="f" * 16, title="A newer article",
                                    path="/elsewhere/new.txt")
        bigger = Store([extra, *seed_store.articles], seed_store.gazetteer)
        screen.replace_store(bigger, ReadingState(screen.state.bookmarks))
        await settle(pilot)
        assert count_text(app) == "6 of 6 articles"
        assert screen.article_list.current_id == kept
        assert screen.store is bigger


@pytest.mark.parametrize(("url", "opened"), [
    ("https://news.example/story", True),
    ("javascript:alert(1)", False),
    (None, False),
])
async def test_o_opens_and_y_copies_only_web_addresses(
        app: ReaderApp, monkeypatch: pytest.MonkeyPatch, url: str | None, opened: bool) -> None:
    seen: list[str] = []
    monkeypatch.setattr(ReaderApp, "open_url", lambda self, address, **_: seen.append(address))
    monkeypatch.setattr(ReaderApp, "copy_to_clipboard", lambda self, text: seen.append("copy:" + text))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        article = screen.current_article
        assert article is not None
        monkeypatch.setattr(MainScreen, "current_article",
                            property(lambda self: dataclasses.replace(article, url=url)))
        await pilot.press("o", "y", "u")  # y opens the copy menu; u copies the address
        await pilot.pause()
    assert seen == ([url, f"copy:{url}"] if opened else [])


async def test_narrow_screens_show_the_facets_in_place_of_the_list(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await settle(pilot)
        screen = main(app)
        assert not screen.article_list.display or screen.article_list.size.width == 0
        await pilot.press("f")
        await settle(pilot)
        assert screen.article_list.size.width > 0


def test_views_stylesheet_is_packaged() -> None:
    sheet = Path(__file__).resolve().parents[2] / "src" / "reader" / "tui" / "views.tcss"
    assert "MainScreen.-narrow.-facets-open ArticleList" in sheet.read_text()


async def test_w_lists_a_feed_that_failed_beside_the_skipped_files(app: ReaderApp) -> None:
    from reader.feeds.state import update_state
    from reader.feeds.subscriptions import add_subscription
    from reader.tui.screens.skipped import SkippedScreen

    add_subscription("https://news.example/rss", "example")
    update_state("https://news.example/rss",
                 lambda old: dataclasses.replace(old, last_error="timed out after 20 s \x1b[31m"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, SkippedScreen)
        text = str(app.screen.query_one("#skipped Static").render())
        assert "example (https://news.example/rss)" in text
        assert "timed out after 20 s" in text and "\x1b" not in text
        assert app.screen.query_one("#skipped").border_title == "0 skipped files · 1 feed with problems"


async def test_the_title_bar_counts_unread_and_new_articles(
        seed_store: Store, bookmarks, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from reader.seen import save_seen

    ids = [a.id for a in seed_store.articles]
    save_seen(ids[:3])  # the last start had three of the five
    app = ReaderApp(seed_store, ReadingState(bookmarks))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert main(app).sub_title == "5 unread · 2 new"
        assert main(app).article_list.new == frozenset(ids[3:])
        screen = main(app)
        screen._change(lambda: screen.state.mark_read(ids[4]))
        await pilot.pause()
        assert main(app).sub_title == "4 unread · 1 new"
        await pilot.press("slash", *"tam quang")
        await settle(pilot)
        unread = sum(1 for p in screen.result.positions if seed_store.articles[p].id != ids[4])
        assert main(app).sub_title.startswith(f"{unread} unread")
    # This start's articles are what the next one compares with.
    app = ReaderApp(seed_store, ReadingState(bookmarks))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert main(app).article_list.new == frozenset()
        assert main(app).sub_title == "4 unread"


async def test_e_on_a_highlighted_mention_opens_that_names_card(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"luong cuong", "enter", "escape")
        await settle(pilot)
        await pilot.press("enter", "n")  # read, and move to the first mention of the chip
        await pilot.pause()
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EntityCard)
        assert app.screen.entity_id == "luong-cuong"
