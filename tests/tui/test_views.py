"""The views of a result (facet pane, timeline, entity card), each in a small host app so
that their keys and messages are checked apart from the main screen's wiring."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.message import Message

from reader.analysis.facets import FacetIndex
from reader.analysis.timeline import TimelineIndex
from reader.entities.recognise import PERSON, PLACE
from reader.store import Store
from reader.tui.screens.entity_card import CardChoice, EntityCard
from reader.tui.widgets.facet_pane import FacetPane
from reader.tui.widgets.timeline_chart import TimelineChart

VIEWS_CSS = Path(__file__).resolve().parents[2] / "src" / "reader" / "tui" / "views.tcss"


class Host(App[None]):
    CSS_PATH = str(VIEWS_CSS)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.facets = FacetIndex(store)
        self.timelines = TimelineIndex(store)
        self.received: list[Message] = []
        self.choice: CardChoice | None = None

    def compose(self) -> ComposeResult:
        yield FacetPane(self.store, id="facets")
        yield TimelineChart(id="timeline")

    def on_mount(self) -> None:
        self.query_one(FacetPane).show(len(self.store), self.facets.counts(kind=PLACE),
                                       self.facets.counts(kind=PERSON))
        self.query_one(TimelineChart).show(self.timelines.timeline(unit="month"))
        self.query_one(FacetPane).focus()

    def on_facet_pane_pin(self, message: FacetPane.Pin) -> None:
        self.received.append(message)

    def on_facet_pane_open_card(self, message: FacetPane.OpenCard) -> None:
        self.received.append(message)

    def on_timeline_chart_narrow(self, message: TimelineChart.Narrow) -> None:
        self.received.append(message)


def option_texts(pane: FacetPane) -> list[str]:
    options = pane.options
    texts = []
    for index in range(options.option_count):
        prompt = options.get_option_at_index(index).prompt
        if hasattr(prompt, "columns"):
            texts.append(" ".join(str(c._cells[0]) for c in prompt.columns).strip())
        else:
            texts.append(str(prompt).strip())
    return texts


async def test_facets_list_places_and_people_with_counts(seed_store: Store) -> None:
    app = Host(seed_store)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        texts = option_texts(app.query_one(FacetPane))
        assert texts[0] == "Places"
        assert "People" in texts
        expected = app.facets.counts(kind=PLACE)[0]
        assert texts[1] == f"{expected.name} {expected.count}"
        assert app.query_one(FacetPane).border_title == "Facets (5 articles)"


async def test_enter_pins_and_bang_excludes_the_highlighted_entity(seed_store: Store) -> None:
    app = Host(seed_store)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        first = app.facets.counts(kind=PLACE)[0]
        await pilot.press("enter")
        await pilot.press("exclamation_mark")
        await pilot.press("down", "e")
        await pilot.pause()
        pins = [m for m in app.received if isinstance(m, FacetPane.Pin)]
        assert [(p.id, p.exclude) for p in pins] == [(first.id, False), (first.id, True)]
        cards = [m for m in app.received if isinstance(m, FacetPane.OpenCard)]
        assert len(cards) == 1 and cards[0].id != first.id


async def test_places_group_by_2025_unit_then_region(seed_store: Store) -> None:
    app = Host(seed_store)
    async with app.run_test(size=(80, 40)) as pilot:
        pane = app.query_one(FacetPane)
        await pilot.press("o")
        await pilot.pause()
        assert option_texts(pane)[0] == "Places by 2025 unit"
        await pilot.press("o")
        await pilot.pause()
        texts = option_texts(pane)
        assert texts[0] == "Places by region"
        regions = {seed_store.gazetteer.places[r.id].region for r in app.facets.counts(kind=PLACE)}
        assert any(text.startswith(region) for text in texts for region in regions)


async def test_the_cursor_stays_on_its_entity_when_counts_change(seed_store: Store) -> None:
    app = Host(seed_store)
    async with app.run_test(size=(80, 40)) as pilot:
        pane = app.query_one(FacetPane)
        await pilot.press("down", "down")
        chosen = pane.current
        assert chosen is not None
        subset = set(seed_store.articles_of(chosen.kind, chosen.id))
        pane.show(len(subset), app.facets.counts(subset, kind=PLACE),
                  app.facets.counts(subset, kind=PERSON))
        await pilot.pause()
        assert pane.current is not None and pane.current.id == chosen.id


async def test_timeline_moves_and_narrows_to_the_bar(seed_store: Store) -> None:
    app = Host(seed_store)
    async with app.run_test(size=(80, 40)) as pilot:
        chart = app.query_one(TimelineChart)
        chart.focus()
        timeline = app.timelines.timeline(unit="month")
        assert chart.cursor == len(timeline.bars) - 1  # the newest period first
        await pilot.press("left", "enter")
        await pilot.pause()
        narrows = [m for m in app.received if isinstance(m, TimelineChart.Narrow)]
        assert len(narrows) == 1
        assert narrows[0].period == timeline.bars[-2].range
        assert narrows[0].label == f"{timeline.bars[-2].start:%Y-%m}"
        assert narrows[0].token == narrows[0].label  # a month is written as the filter reads it
        rendered = str(chart.render())
        assert f"{timeline.bars[-2].start:%Y-%m}: {timeline.bars[-2].count} article" in rendered


async def test_entity_card_shows_facts_and_answers_with_a_choice(seed_store: Store) -> None:
    app = Host(seed_store)
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(EntityCard(seed_store, app.facets, app.timelines, PERSON, "luong-tam-quang"),
                        lambda choice: setattr(app, "choice", choice))
        await pilot.pause()
        details = str(app.screen.query_one("#card-details").render())
        count = len(seed_store.articles_of(PERSON, "luong-tam-quang"))
        assert "Lương Tam Quang  (Luong Tam Quang)" in details
        assert f"{count} articles" in details
        await pilot.press("enter")
        await pilot.pause()
        assert app.choice is not None and app.choice.action == "pin"
        together = app.facets.counts(seed_store.articles_of(PERSON, "luong-tam-quang"),
                                     exclude=[(PERSON, "luong-tam-quang")])
        assert app.choice.id == together[0].id


async def test_entity_card_of_a_place_says_what_it_became(seed_store: Store) -> None:
    app = Host(seed_store)
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(EntityCard(seed_store, app.facets, app.timelines, PLACE, "binh-duong"))
        await pilot.pause()
        details = str(app.screen.query_one("#card-details").render())
        assert "Bình Dương  (Binh Duong)" in details
        assert "part of Hồ Chí Minh since 1 Jul 2025" in details
