"""The card of one person or place: who or what it is, when it appears, and with whom.

Built from the store's indexes (no text is scanned): the articles that name the entity, their
dates by month, and the people and places named in the same articles. The card answers with
what the user chose: an entity to pin as a chip, or an article to read.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.analysis.facets import FacetIndex
from reader.analysis.timeline import TimelineIndex, sparkline
from reader.entities.recognise import PLACE
from reader.positions import Positions
from reader.store import SortOrder, Store

TOGETHER_LIMIT = 15
ARTICLES_LIMIT = 200


@dataclass(slots=True, frozen=True)
class CardChoice:
    """`pin` an entity as a chip, or `read` an article."""

    action: str
    kind: str = ""
    id: str = ""
    name: str = ""


def ascii_name(name: str) -> str:
    """`Lương Tam Quang` → `Luong Tam Quang`: the spelling users type and English pages print."""
    decomposed = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _count_row(name: str, count: int) -> Table:
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    grid.add_row(Text(name), Text(f"{count:,}"))
    return grid


class EntityCard(ModalScreen[CardChoice | None]):
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close", id="card.close"),
        Binding("tab", "app.focus_next", "Next list", show=False, id="card.next"),
    ]

    def __init__(self, store: Store, facets: FacetIndex, timelines: TimelineIndex,
                 kind: str, entity_id: str) -> None:
        super().__init__()
        self.store = store
        self.facets = facets
        self.timelines = timelines
        self.kind = kind
        self.entity_id = entity_id

    def _positions(self) -> Positions:
        if self.kind == PLACE:
            return self.store.articles_in_place(self.entity_id, include_merged=False)
        return self.store.articles_of(self.kind, self.entity_id)

    def _details(self) -> Text:
        entity = self.store.entity(self.kind, self.entity_id)
        name = entity.name if entity else self.entity_id
        text = Text()
        text.append(name, style="bold")
        plain = ascii_name(name)
        if plain != name:
            text.append(f"  ({plain})")
        text.append("\n")
        gazetteer = self.store.gazetteer
        if self.kind == PLACE and self.entity_id in gazetteer.places:
            place = gazetteer.places[self.entity_id]
            facts = [place.kind, place.region]
            if place.parent and place.parent in gazetteer.places:
                facts.append(f"in {gazetteer.places[place.parent].name}")
            if place.capital and place.capital != place.name_en:
                facts.append(f"seat {place.capital}")
            became = gazetteer.became(self.entity_id)
            if became:
                facts.append(became)
            absorbed = [gazetteer.places[p].name for p in gazetteer.absorbed(self.entity_id)
                        if p != self.entity_id and p in gazetteer.places]
            if absorbed:
                facts.append("since 1 Jul 2025 includes " + ", ".join(absorbed))
            text.append(" · ".join(f for f in facts if f))
        elif entity is not None:
            text.append(entity.detail or "person (not in the gazetteer)", style="italic")
            others = [k for k in entity.keys if k != name][:4]
            if others:
                text.append("\nalso written " + ", ".join(others))
        positions = self._positions()
        dated = sorted(d for d in (self.store.articles[i].date for i in positions) if d)
        text.append(f"\n\n{len(positions):,} article{'s' if len(positions) != 1 else ''}")
        if dated:
            text.append(f" · first {dated[0].isoformat()} · last {dated[-1].isoformat()}")
        timeline = self.timelines.timeline(positions, unit="month")
        if timeline.bars:
            text.append("\nby month  ")
            text.append(sparkline(timeline, 48), style="bold")
            shown = timeline.bars[-48:]
            text.append(f"  {shown[0].start:%Y-%m}…{shown[-1].start:%Y-%m}")
        return text

    def compose(self) -> ComposeResult:
        with Vertical(id="card"):
            yield Static(self._details(), id="card-details", markup=False)
            yield OptionList(id="card-together")
            yield OptionList(id="card-articles")

    def on_mount(self) -> None:
        box = self.query_one("#card")
        box.border_title = "Person" if self.kind != PLACE else "Place"
        box.border_subtitle = "enter: pin or read · tab: next list · escape: close"
        positions = self._positions()
        together = self.facets.counts(positions, limit=TOGETHER_LIMIT,
                                      exclude=[(self.kind, self.entity_id)])
        named = self.query_one("#card-together", OptionList)
        named.border_title = "Named with"
        named.add_options([Option(_count_row(r.name, r.count), id=f"{r.kind}\t{r.id}\t{r.name}")
                           for r in together] or [Option(Text("nobody else"), disabled=True)])
        articles = self.query_one("#card-articles", OptionList)
        order = self.store.sorted(positions, SortOrder.NEWEST)[:ARTICLES_LIMIT]
        articles.border_title = f"Articles ({len(positions):,})"
        for index in order:
            article = self.store.articles[index]
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(article.date.isoformat() if article.date else "—         ", style="dim")
            line.append("  " + article.title)
            articles.add_option(Option(line, id=article.id))
        for options in (named, articles):
            if options.option_count:
                options.highlighted = 0
        named.focus()

    @on(OptionList.OptionSelected, "#card-together")
    def _pin(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            kind, entity_id, name = event.option.id.split("\t", 2)
            self.dismiss(CardChoice("pin", kind, entity_id, name))

    @on(OptionList.OptionSelected, "#card-articles")
    def _read(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(CardChoice("read", id=event.option.id))
