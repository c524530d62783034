"""The views of the current result on the main screen: facet pane (`f`), timeline (`t`)
and the entity card (`e`).

The facet and timeline indexes are built once per store, in a worker the first time a view
opens (a pass over the records, no text); after that every filter change recounts from them
on the UI thread within a keystroke's budget. Closed views cost nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work

from reader.analysis.facets import FacetIndex
from reader.analysis.timeline import TimelineIndex
from reader.tui.screens.entity_card import CardChoice, EntityCard
from reader.tui.screens.live import LiveSources
from reader.tui.widgets.facet_pane import FacetPane
from reader.tui.widgets.timeline_chart import TimelineChart

if TYPE_CHECKING:
    from reader.search import Result
    from reader.store import Store

FACET_ROWS = 60
"""Places and people each: more than a pane shows, few enough to name them per keystroke."""
NARROW = 140
"""Below this width the facet pane takes the list's place instead of standing beside it:
three panes under 140 columns leave the article too narrow to read."""


class ResultViews(LiveSources):
    """Mixed into the main screen, which provides `result`, `pin_entity`, `narrow_to` and
    `go_to_article`."""

    result: Result

    def _views_init(self) -> None:
        self._indexes: tuple[Store, FacetIndex, TimelineIndex] | None = None
        self._indexing = False
        self._pending_card: tuple[str, str] | None = None

    def pin_entity(self, kind: str, entity_id: str, name: str, exclude: bool = False) -> None:
        raise NotImplementedError  # provided by the main screen

    def narrow_to(self, token: str, label: str) -> None:
        raise NotImplementedError  # provided by the main screen

    def go_to_article(self, article_id: str) -> None:
        raise NotImplementedError  # provided by the main screen

    # -- indexes -----------------------------------------------------------------------------
    def _current_indexes(self) -> tuple[FacetIndex, TimelineIndex] | None:
        """The indexes of the store on screen; None (and a build started) when not built yet."""
        if self._indexes is not None and self._indexes[0] is self.store:
            return self._indexes[1], self._indexes[2]
        if not self._indexing:
            self._indexing = True
            self.build_view_indexes(self.store)
        return None

    @work(thread=True, exclusive=True, group="views", exit_on_error=False,
          name="Counting places, people and dates",
          description="Counting places, people and dates")
    def build_view_indexes(self, store: Store) -> None:
        built = (store, FacetIndex(store), TimelineIndex(store))
        self.app.call_from_thread(self._indexes_built, built)

    def _indexes_built(self, built: tuple[Store, FacetIndex, TimelineIndex]) -> None:
        self._indexing = False
        if built[0] is self.store:
            self._indexes = built
            self.update_views()
            if self._pending_card is not None:
                self.open_card(*self._pending_card)
        else:  # the store was replaced while counting: count the new one
            self._current_indexes()

    # -- showing -------------------------------------------------------------------------------
    @property
    def facet_pane(self) -> FacetPane:
        return self.query_one(FacetPane)

    @property
    def timeline_chart(self) -> TimelineChart:
        return self.query_one(TimelineChart)

    def update_views(self) -> None:
        """Recount the open views for the current result (called after every filter run)."""
        pane, chart = self.facet_pane, self.timeline_chart
        if not (pane.display or chart.display):
            return
        indexes = self._current_indexes()
        if indexes is None:
            if pane.display:
                pane.border_title = "Facets (counting…)"
            if chart.display:
                chart.border_title = "Timeline (counting…)"
            return
        facets, timelines = indexes
        positions = self.result.positions
        if pane.display:
            pane.show(len(positions), *facets.places_and_people(positions, FACET_ROWS))
        if chart.display:
            chart.show(timelines.timeline(positions))
            unit = chart.timeline.unit if chart.timeline else "month"
            chart.border_title = f"Timeline by {unit} ({len(positions):,} articles)"
            chart.border_subtitle = "←→ move · enter narrow"

    def _layout_views(self) -> None:
        narrow = self.size.width < NARROW
        self.set_class(narrow, "-narrow")
        self.set_class(self.facet_pane.display, "-facets-open")

    def on_resize(self) -> None:
        self._layout_views()

    def action_toggle_facets(self) -> None:
        pane = self.facet_pane
        pane.display = not pane.display
        self._layout_views()
        if pane.display:
            self.update_views()
            pane.focus()
        elif self.focused is None or pane in self.focused.ancestors_with_self:
            self.query_one("#articles").focus()

    def action_toggle_timeline(self) -> None:
        chart = self.timeline_chart
        chart.display = not chart.display
        if chart.display:
            self.update_views()
            chart.focus()
        else:
            self.query_one("#articles").focus()

    # -- choices -------------------------------------------------------------------------------
    @on(FacetPane.Pin)
    def _facet_pinned(self, event: FacetPane.Pin) -> None:
        self.pin_entity(event.kind, event.id, event.name, event.exclude)

    @on(FacetPane.OpenCard)
    def _facet_card(self, event: FacetPane.OpenCard) -> None:
        self.open_card(event.kind, event.id)

    @on(TimelineChart.Narrow)
    def _timeline_narrow(self, event: TimelineChart.Narrow) -> None:
        self.narrow_to(event.token, event.label)

    def card_subject(self) -> tuple[str, str] | None:
        """What `e` is about: the facet under the cursor, the highlighted suggestion, the
        last chip, or the first person (else place) of the article on screen."""
        if self.facet_pane.display and self.facet_pane.current is not None and \
                self.focused is self.facet_pane.options:
            row = self.facet_pane.current
            return row.kind, row.id
        return None

    def open_card(self, kind: str, entity_id: str) -> None:
        indexes = self._current_indexes()
        if indexes is None:  # opens as soon as the counts are ready
            self._pending_card = (kind, entity_id)
            return
        self._pending_card = None

        def chosen(choice: CardChoice | None) -> None:
            if choice is None:
                return
            if choice.action == "pin":
                self.pin_entity(choice.kind, choice.id, choice.name)
            elif choice.action == "read":
                self.go_to_article(choice.id)

        self.app.push_screen(EntityCard(self.store, *indexes, kind, entity_id), chosen)

    def action_entity_card(self) -> None:
        subject = self.card_subject()
        if subject is None:
            self.notify("No person or place here to show: move to one in the facets (f), "
                        "a suggestion or an article that names one.", timeout=4)
            return
        self.open_card(*subject)
