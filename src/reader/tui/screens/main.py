"""The main screen: owns the filter state, asks the store, and sets its children's data.

Children never talk to each other: the filter bar says what changed, the list says which
article is under the cursor, and this screen tells the list and the pane what to show.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import get_current_worker

from reader.corpus import settle_memory
from reader.entities.recognise import PERSON, PLACE, Mention, Recogniser
from reader.highlight import highlight_spans
from reader.ingest.article import Article
from reader.positions import FrozenBitMap
from reader.search import STRONG, Chip, Query, Result, Searcher, Suggestion
from reader.seen import new_since
from reader.store import Store
from reader.tui.collector import CHECK_EVERY, COLLECTIONS
from reader.tui.filtering import FilterOutcome, FilterRequest, run_filter, suggest
from reader.tui.screens.article_actions import ArticleActions
from reader.tui.screens.read_marks import ReadMarks
from reader.tui.screens.result_views import ResultViews
from reader.tui.state import ReadingState
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.facet_pane import FacetPane
from reader.tui.widgets.filter_bar import FilterBar
from reader.tui.widgets.reading_pane import ArticleView, ReadingPane
from reader.tui.widgets.timeline_chart import TimelineChart
from reader.tui.widgets.title_bar import TitleBar
from reader.tui.workers import ReportsWorkerErrors

WIDE = 100
"""From this width the list and the article stand side by side; below it the list takes the
whole width and `enter` opens the article in its place (titles of ~18 characters cannot be
told apart)."""

SETTLE_AFTER = 0.5
"""Seconds after the first screen (and its word index) before `settle_memory` runs: one
pause of a full collection, before the user has typed much, instead of one every few keys."""

PANE_AFTER_TYPING = 0.15
"""Seconds the reading pane waits after a change in the filter bar before it shows the
article under the cursor. While a name is typed the list narrows at every key, and the
article at its top changes with it: drawing each one (its highlights found, its height laid
out) took more than the list itself and was read by nobody. The pane follows once the typing
pauses; moving the cursor shows an article at once."""


class MainScreen(ReadMarks, ArticleActions, ResultViews, ReportsWorkerErrors):
    AUTO_FOCUS = "#articles"
    """The list, not the first focusable widget (the filter input): Textual focuses it when
    the screen becomes active, which can come after on_mount when the loading screen hands
    over, and keys meant for the list would be typed into the filter."""
    HORIZONTAL_BREAKPOINTS = [(0, "-stacked"), (WIDE, "-side-by-side")]
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="main.filter"),
        Binding("b", "toggle_bookmark", "Bookmark", id="main.bookmark"),
        Binding("B", "toggle_bookmark_view", "Bookmarks", id="main.bookmarks"),
        Binding("s", "cycle_sort", "Sort", id="main.sort"),
        Binding("a", "edit_note", "Note", show=False, id="main.note"),
        Binding("U", "toggle_unread_view", "Unread only", id="main.unread_view"),
        Binding("A", "mark_all_read", "Mark all read", show=False, id="main.all_read"),
        Binding("u", "mark_unread", "Mark unread", show=False, id="main.unread"),
        Binding("m", "toggle_merged", "Merged places", show=False, id="main.merged"),
        Binding("w", "show_skipped", "Skipped files", show=False, id="main.skipped"),
        Binding("f", "toggle_facets", "Facets", id="main.facets"),
        Binding("t", "toggle_timeline", "Timeline", id="main.timeline"),
        Binding("e", "entity_card", "Card", show=False, id="main.card"),
        Binding("ctrl+o", "entity_card", "Card of the suggestion", show=False, id="main.card_in_bar"),
        Binding("r", "fetch", "Fetch feeds", show=False, id="main.fetch"),
        Binding("z", "zoom", "Zoom pane", show=False, id="main.zoom"),
        Binding("F", "recall_filter", "Saved filters", show=False, id="main.saved_filters"),
        Binding("ctrl+s", "save_filter", "Save filter", show=False, id="main.save_filter"),
        Binding("escape", "back", "Back / clear filter", show=False, id="main.back"),
    ]

    def __init__(self, store: Store, state: ReadingState, paths: Sequence[Path] = (),
                 live: bool = False) -> None:
        """`paths` are what a reload reads again; `live` watches them for changes (off in
        tests that do not ask for it, so no test leaves a watcher behind)."""
        super().__init__()
        self._live_init(paths)
        self._views_init()
        self._marks_init()
        self.live = live
        self.store = store
        self.state = state
        self.searcher = Searcher(store)
        self.recogniser = Recogniser(store.gazetteer)
        self.sort = state.sort
        self.bookmarks_only = False
        self.result = Result(store.sorted(None, self.sort))
        self._generation = 0
        self._mentions: tuple[str, list[Mention]] = ("", [])
        """Bumped by every filter request; only the latest one's outcome is applied."""
        self._loaded = FrozenBitMap(i for i, a in enumerate(store.articles)
                                    if a.id not in state.missing)
        self._shown_key: tuple[object, ...] | None = None
        self._pane_due = 0.0
        """Until this moment (monotonic clock) the reading pane waits: see PANE_AFTER_TYPING."""
        self._pane_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield FilterBar(id="filter")
        with Horizontal(id="panes"):
            yield FacetPane(self.store, id="facets")
            yield ArticleList(self.store, id="articles")
            yield ReadingPane(id="reading")
        yield TimelineChart(id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        self.facet_pane.display = False
        self.timeline_chart.display = False
        if self.live:
            self.start_watching()
        self.mark_new(tuple(self.store.by_id))
        self.query_one(ArticleList).border_title = "Articles"
        self.query_one(ArticleList).focus()
        self._marks_changed()
        self.refilter()
        # Build what the loading did not find saved once the first screen is painted.
        if not self.store.index_ready:
            self.call_after_refresh(self.prepare_index, self.searcher)
        else:
            self.set_timer(SETTLE_AFTER, self._settle)
        if self.store.skipped:
            count = len(self.store.skipped)
            self.notify(f"{count} file{'s' if count > 1 else ''} skipped; press w to see why.",
                        severity="warning", timeout=8)
        for warning in [*self.store.gazetteer.warnings, *self.state.warnings]:
            self.notify(warning, severity="warning", timeout=12, markup=False)

    # -- filtering ---------------------------------------------------------------------------
    @property
    def bar(self) -> FilterBar:
        return self.query_one(FilterBar)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    def _query(self) -> Query:
        return Query(self.bar.chips, self.bar.input.value)

    def _request(self, query: Query) -> FilterRequest:
        """Freeze every input of a filter run, on the UI thread, under a new generation."""
        self._generation += 1
        by_id = self.store.by_id
        within: FrozenBitMap | None
        if self.bookmarks_only:
            within = FrozenBitMap(by_id[i] for i in self.state.bookmarked() if i in by_id)
        else:
            within = None if len(self._loaded) == len(self.store) else self._loaded
        if self.unread_only:
            unread = self.unread_positions()
            within = unread if within is None else within & unread
        notes = {by_id[i]: note for i, note in self.state.notes().items() if i in by_id}
        return FilterRequest(self._generation, query, self.sort, self.bookmarks_only, within,
                             notes, bool(self.state.bookmarked()), self.unread_only)

    def refilter(self) -> None:
        """Run the current query now (at start and after sort, view, note or mark changes);
        any filter still running in the background is stale from here on."""
        self._apply(run_filter(self.searcher, self._request(self._query())))

    @work(exclusive=True, thread=True, group="filter", exit_on_error=False, name="Filtering",
          description="Filtering")
    def refilter_in_background(self, request: FilterRequest, searcher: Searcher) -> None:
        """Typing never waits for the search: a newer keystroke cancels stale work, and
        `_apply` drops any outcome whose generation is no longer the latest. The searcher is
        passed in: a reload may put another store on the screen while this runs."""
        outcome = run_filter(searcher, request, with_suggestions=False)
        if get_current_worker().is_cancelled:
            return  # a newer request exists; spare the suggestions
        outcome = FilterOutcome(request, outcome.result, suggest(searcher, request))
        self.app.call_from_thread(self._apply, outcome)

    @work(thread=True, group="index", exit_on_error=False, name="Building the word index",
          description="Building the word index")
    def prepare_index(self, searcher: Searcher) -> None:
        """The word index the first start of a corpus has to build: the count says how far it
        is ("indexing 43 %") instead of standing still, and the filter runs again when done."""
        timer = self.app.call_from_thread(self.set_interval, 0.25, self._index_progress)
        try:
            searcher.prepare()
        finally:
            self.app.call_from_thread(timer.stop)
        self.app.call_from_thread(self._index_built, searcher)

    def _index_progress(self) -> None:
        if not self.store.index_ready:
            self.bar.set_count(f"indexing {self.store.index_progress:.0%}")

    def _index_built(self, searcher: Searcher) -> None:
        if searcher is self.searcher:
            self.refilter()
            self.set_timer(SETTLE_AFTER, self._settle)

    def _settle(self) -> None:
        self.check_files()
        settle_memory()
        if not COLLECTIONS.deferred:
            COLLECTIONS.defer()
            self.set_interval(CHECK_EVERY, COLLECTIONS.tick, name="full collections at a pause")
        self.warm_letters(self.searcher)

    @work(thread=True, group="warm", exit_on_error=False, name="Scoring first letters",
          description="Scoring first letters")
    def warm_letters(self, searcher: Searcher) -> None:
        """What the first letter typed needs, ahead of it (see Searcher.warm_letters)."""
        searcher.warm_letters()

    def _apply(self, outcome: FilterOutcome) -> None:
        request = outcome.request
        if request.generation != self._generation:
            return
        self.result = result = outcome.result
        self.bar.set_suggestions(outcome.suggestions)
        total = len(self._loaded)
        view = (" · bookmarks" if request.bookmarks_only else "") + (
            " · unread" if request.unread_only else "")
        self.bar.set_count(f"{len(result.positions):,} of {total:,} articles{view}")
        self.article_list.border_subtitle = request.sort.label
        self.article_list.empty_message, self.article_list.empty_hint = self._empty_text(request)
        had_rows = bool(self.article_list.rows)
        self.article_list.set_rows(result.positions)
        self.update_views()
        self.refresh_title()
        self._show_current()
        if had_rows != bool(result.positions):
            self.refresh_bindings()  # the footer offers b, a, u only when an article is shown

    def _empty_text(self, request: FilterRequest) -> tuple[str, str]:
        query = request.query
        names = [self.store.entities[(c.kind, c.id)].name for c in query.chips]
        if query.text.strip():
            names.append(f"“{query.text.strip()}”")
        if request.bookmarks_only and not request.bookmarked_any:
            return "No bookmarks yet.", "Press b on an article to keep it; B shows all again."
        what = " and ".join(names) if names else "these filters"
        scope = ("unread " if request.unread_only else "") + (
            "bookmarked article" if request.bookmarks_only else "article")
        if not names and request.unread_only:
            return (f"No {scope} left: everything here is read.",
                    "U shows read articles too." + (" B shows all articles."
                                                     if request.bookmarks_only else ""))
        hint = "Backspace in the filter bar removes the last chip; escape twice clears it."
        if request.bookmarks_only:
            hint += " B shows all articles."
        if request.unread_only:
            hint += " U shows read articles too."
        return f"No {scope} mentions {what}.", hint

    @on(FilterBar.Changed)
    def _filter_changed(self, event: FilterBar.Changed) -> None:
        self._pane_due = time.monotonic() + PANE_AFTER_TYPING
        self.refilter_in_background(self._request(Query(event.chips, event.text)), self.searcher)

    @on(FilterBar.PinRequested)
    def _pin(self, event: FilterBar.PinRequested) -> None:
        suggestion = event.suggestion
        has_merged = suggestion.kind == PLACE and bool(self.store.gazetteer.absorbed(suggestion.id))
        self.bar.pin(suggestion, has_merged)

    @on(FilterBar.Recalled)
    def _recall_filter(self, event: FilterBar.Recalled) -> None:
        self.bar.apply_saved(event.saved, self.store)

    @on(FilterBar.Leave)
    def _leave_filter(self) -> None:
        self.article_list.focus()

    # -- the article shown -------------------------------------------------------------------
    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        self.note_chosen(event.article_id if event.by_user else None)
        if event.by_user:
            self._pane_due = 0.0
        self._show_current()

    @on(ArticleList.Selected)
    def _selected(self, event: ArticleList.Selected) -> None:
        self.open_article()

    def open_article(self) -> None:
        """Into the reading pane; below `WIDE` columns the article takes the list's place."""
        self.add_class("-reading")
        pane = self.query_one(ReadingPane)
        if self.has_class("-stacked"):
            self.call_after_refresh(pane.focus)
        else:
            pane.focus()
        self.call_after_refresh(lambda: self.schedule_read(self.article_list.current_id))

    def close_article(self) -> None:
        self.remove_class("-reading")
        self.call_after_refresh(self.article_list.focus)

    @property
    def reading_pane_has_focus(self) -> bool:
        focused = self.focused
        pane = self.query_one(ReadingPane)
        return focused is not None and (focused is pane or pane in focused.ancestors)

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        """The narrow layout follows the focus: the filter bar or the list shows the list."""
        if self.reading_pane_has_focus:
            self.add_class("-reading")
        elif self.has_class("-reading"):
            self.remove_class("-reading")

    @on(ReadingPane.StepArticle)
    def _step_article(self, event: ReadingPane.StepArticle) -> None:
        listing = self.article_list
        target = listing.cursor + event.step
        if not 0 <= target < len(listing.rows):
            self.notify("That was the last article." if event.step > 0 else "This is the first article.",
                        timeout=2)
            return
        listing.move_to(target)

    def _highlighted_entities(self) -> set[tuple[str, str]]:
        wanted: set[tuple[str, str]] = set()
        for chip in self.bar.chips:
            if chip.kind == PLACE:
                members = self.store.gazetteer.expand(chip.id, chip.include_merged)
                wanted.update((PLACE, m) for m in members)
            else:
                wanted.add((PERSON, chip.id))
        wanted.update(self.result.matched)
        return wanted

    def _show_current(self) -> None:
        wait = self._pane_due - time.monotonic()
        if self._pane_timer is not None:
            self._pane_timer.stop()
            self._pane_timer = None
        if wait > 0:
            self._pane_timer = self.set_timer(wait, self._show_current, name="pane after typing")
            return
        pane = self.query_one(ReadingPane)
        article_id = self.article_list.current_id
        if article_id is None:
            self._shown_key = None
            pane.show(None, self.article_list.empty_message)
            pane.border_title = ""
            return
        article = self.store.get(article_id)
        assert article is not None
        wanted = self._highlighted_entities()
        key = (article_id, self.store, frozenset(wanted), self.result.words,
               self.state.is_bookmarked(article_id), self.state.note(article_id))
        if key == self._shown_key:
            self.schedule_read(article_id)
            return  # a keystroke that changed neither the article nor what to highlight
        self._shown_key = key
        spans = highlight_spans(self.recogniser, article.paragraphs, wanted, self.result.words,
                                self._mentions_in(article) if wanted else ())
        places = tuple(self.store.entities[(PLACE, p)].name for p in article.places)
        people = tuple(self.store.entities[(PERSON, p)].name for p in article.people)
        missing = "not in the loaded files" if article.id in self.state.missing else ""
        pane.show(ArticleView(article, places, people, tuple(spans),
                              self.state.is_bookmarked(article.id), missing,
                              self.state.note(article.id)))
        pane.border_title = f"{len(spans)} highlighted" if spans else ""
        self.schedule_read(article.id)

    def _mentions_in(self, article: Article) -> list[Mention]:
        """The article's mentions, found once while it stays shown (every keystroke in the
        filter bar highlights it again)."""
        if self._mentions[0] != article.id:
            self._mentions = (article.id, self.recogniser.mentions("\n\n".join(article.paragraphs)))
        return self._mentions[1]

    # -- actions -----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"toggle_bookmark", "mark_unread", "edit_note"}:
            return self.article_list.current_id is not None
        return True

    def action_zoom(self) -> None:
        """The list or the article alone on the screen, and back (the palette's Maximize)."""
        if self.maximized is not None:
            self.minimize()
            return
        target = self.query_one(ReadingPane) if self.reading_pane_has_focus else self.article_list
        if self.has_class("-stacked") and target is self.article_list:
            self.notify("The list already has the whole width; enter opens the article.",
                        timeout=3)
            return
        self.maximize(target, container=False)

    def action_save_filter(self) -> None:
        self.bar.action_save_filter()

    def action_recall_filter(self) -> None:
        self.bar.action_recall_filter()

    def action_focus_filter(self) -> None:
        self.bar.input.focus()

    def action_back(self) -> None:
        if self.maximized is not None:
            self.minimize()
        elif self.reading_pane_has_focus:
            self.close_article()
        else:
            self.bar.clear()

    def action_cycle_sort(self) -> None:
        self.sort = self.sort.next()
        self.state.save_sort(self.sort)
        self.refilter()
        self.notify(f"Sorted by {self.sort.label}", timeout=2)

    @property
    def current_article(self) -> Article | None:
        article_id = self.article_list.current_id
        return None if article_id is None else self.store.get(article_id)

    def action_toggle_bookmark(self) -> None:
        article = self.current_article
        if article is None:
            return
        if not self._change(lambda: self.state.toggle_bookmark(article)):
            return
        added = self.state.is_bookmarked(article.id)
        self.notify("Bookmarked" if added else "Bookmark removed", timeout=2)
        if self.bookmarks_only:
            self.refilter()
        else:
            self._show_current()

    def action_toggle_bookmark_view(self) -> None:
        self.bookmarks_only = not self.bookmarks_only
        self.refilter()

    def action_edit_note(self) -> None:
        from reader.tui.screens.note import NoteScreen

        article = self.current_article
        if article is None:
            return

        def save(note: str | None) -> None:
            if note is None:
                return
            if not note.strip() and not self.state.note(article.id):
                self.notify("The note was empty; nothing was saved.", timeout=3)
                return
            if not self._change(lambda: self.state.set_note(article, note)):
                return
            self.refilter()  # notes are searched, and a note bookmarks the article

        self.app.push_screen(NoteScreen(article.title, self.state.note(article.id)), save)

    def action_toggle_merged(self) -> None:
        self.bar.action_toggle_merged()

    def action_show_skipped(self) -> None:
        from reader.feeds.state import feed_problems
        from reader.tui.screens.skipped import SkippedScreen

        problems = feed_problems()
        if not self.store.skipped and not problems:
            self.notify("Every file loaded, none was skipped, and every feed worked.", timeout=3)
            return
        self.app.push_screen(SkippedScreen(self.store.skipped, problems))

    # -- live sources and the views of the result -------------------------------------------
    def replace_store(self, store: Store, state: ReadingState) -> None:
        """A reload's store replaces this one in place: filter, chips, sort and views stay,
        and the cursor stays on its article when it is still there."""
        self.store = store
        self.state = state
        self.searcher = Searcher(store)
        self.recogniser = Recogniser(store.gazetteer)
        self._mentions = ("", [])
        self._loaded = FrozenBitMap(i for i, a in enumerate(store.articles)
                                    if a.id not in state.missing)
        self.article_list.replace_store(store)
        if self._known_before is not None:
            self.article_list.set_new(new_since(self._known_before, store.by_id))
            self.remember_seen(tuple(store.by_id))
        self.facet_pane.store = store
        self._marks_changed()
        self.refilter()

    def pin_entity(self, kind: str, entity_id: str, name: str, exclude: bool = False) -> None:
        has_merged = kind == PLACE and bool(self.store.gazetteer.absorbed(entity_id))
        self.bar.pin(Suggestion(kind, entity_id, name, 100.0, 0), has_merged, exclude)

    def narrow_to(self, token: str, label: str) -> None:
        """A period chosen on the timeline becomes a date token in the filter text."""
        text = self.bar.input.value.strip()
        self.bar.input.value = f"{text} {token}".strip()
        self.notify(f"Narrowed to {label}", timeout=2, markup=False)

    def go_to_article(self, article_id: str) -> None:
        position = self.store.by_id.get(article_id)
        if position is None:
            return
        if position not in self.result.positions:
            self.bar.clear()
            self.bar.clear()
            self.bookmarks_only = False
            self.refilter()
        self.article_list.move_to(self.result.positions.index(position))
        self.open_article()

    def card_subject(self) -> tuple[str, str] | None:
        subject = super().card_subject()
        if subject is not None:
            return subject
        mention = self.query_one(ReadingPane).current_mention_text()
        if mention and self.focused is self.query_one(ReadingPane):
            scores = self.searcher.score_entities(mention, minimum=STRONG)
            if scores:
                return max(scores, key=scores.__getitem__)
        if self.bar.input.has_focus:
            suggestion = self.bar.highlighted_suggestion()
            if suggestion is not None:
                return suggestion.kind, suggestion.id
        if self.bar.chips:
            chip: Chip = self.bar.chips[-1]
            return chip.kind, chip.id
        article = self.current_article
        if article is not None:
            if article.people:
                return PERSON, article.people[0]
            if article.places:
                return PLACE, article.places[0]
        return None

    def on_unmount(self) -> None:
        COLLECTIONS.restore()
        self.stop_watching()
