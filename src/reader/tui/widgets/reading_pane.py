"""The reading pane: title, metadata, place and people chips, then the body at reading width.

Article text is put into `rich.text.Text` objects as plain strings and styled by offsets, so
`[bold red]` in an article is shown as those characters and never interpreted. The body is
one `ArticleBody` that draws only the lines on screen: showing a 4 MB article, or marking
other words in it on every keystroke of the filter bar, costs about a screenful.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color, ColorParseError
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from reader.entities.fold import fold
from reader.entities.recognise import PERSON, PLACE
from reader.highlight import ENTITY, FIND_LIMIT, Span, find_matches
from reader.ingest.article import Article
from reader.tui.display import shown
from reader.tui.redraw import OnePassStatic, OnePassVertical, SizedInOnePass, update_in_place
from reader.tui.widgets.article_body import ArticleBody, Mark
from reader.tui.widgets.find_bar import FindBar


@dataclass(slots=True, frozen=True)
class ArticleView:
    """Everything the pane shows for one article, prepared by the screen."""

    article: Article
    places: tuple[str, ...]
    people: tuple[str, ...]
    spans: tuple[Span, ...]
    bookmarked: bool = False
    missing_note: str = ""
    note: str = ""


class ReadingPane(VerticalScroll, SizedInOnePass, can_focus=True):
    """Scrolls the article; `n`/`N` step through the matches of `/`, or else through the
    highlighted mentions."""

    BINDINGS = [
        Binding("space", "read_on", "Scroll down, then the next article", show=False,
                id="pane.read_on"),
        Binding("pagedown,ctrl+f", "page_down", "Scroll down", show=False, id="pane.down"),
        Binding("shift+space,pageup,ctrl+b", "page_up", "Scroll up", show=False, id="pane.up"),
        Binding("ctrl+d", "half_page(1)", "Half a page down", show=False, id="pane.half_down"),
        Binding("ctrl+u", "half_page(-1)", "Half a page up", show=False, id="pane.half_up"),
        Binding("J", "step_article(1)", "Next article", id="pane.next_article"),
        Binding("K", "step_article(-1)", "Previous article", id="pane.previous_article"),
        Binding("j,down", "scroll_down", "Line down", show=False),
        Binding("k,up", "scroll_up", "Line up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
        Binding("slash", "find", "Find in the article", id="pane.find"),
        Binding("n", "next_mention", "Next mention or match", id="pane.next_mention"),
        Binding("N", "previous_mention", "Previous mention or match", id="pane.previous_mention"),
        Binding("escape", "clear_find", "Clear the find", show=False, id="pane.clear_find"),
    ]

    @dataclass
    class StepArticle(Message):
        """The reader asked for the next (1) or previous (-1) article without leaving the pane."""

        step: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: ArticleView | None = None
        self._header_key: tuple[object, ...] | None = None
        self._header_article: Article | None = None
        self._paragraphs: list[str] = []
        """The article's paragraphs, decoded once per article (not once per keystroke)."""
        self._mention = -1
        self._by_paragraph: dict[int, list[tuple[int, Span]]] = {}
        """The spans of the article shown, numbered, by paragraph."""
        self.find_text = ""
        """What `/` looks for; empty when no find is active."""
        self.found: list[tuple[int, int, int]] = []
        """(paragraph, start, end) of each match of the find, in reading order."""
        self._found_by_paragraph: dict[int, list[int]] = {}
        self._find_index = -1
        self._folded: tuple[str, list[str]] = ("", [])
        """The folded paragraphs of the article they were folded for (the find's haystack)."""
        self._styles: tuple[str, dict[str, Style]] | None = None
        """The highlight styles and the theme they were computed for."""
        self._minutes = 0
        """The reading time of the article shown (counting a long article's words on every
        keystroke in the filter bar cost a walk over all of it)."""

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self.find_bar.display = False

    def _theme_styles(self) -> dict[str, Style]:
        """Computed once per theme, not per paragraph per keystroke."""
        theme = self.app.theme
        if self._styles is None or self._styles[0] != theme:
            self._styles = (theme, theme_styles(self.app.get_css_variables()))
        return self._styles[1]

    def _theme_changed(self, theme: object) -> None:
        if self.view is not None:
            self._render_header("")
            self.body.restyle()

    def compose(self) -> ComposeResult:
        with OnePassVertical(id="page"):
            yield OnePassStatic("", id="title", markup=False)
            yield OnePassStatic("", id="meta", markup=False)
            yield OnePassStatic("", id="article-chips", markup=False)
            yield OnePassStatic("", id="note", markup=False)
            yield ArticleBody(self._styled, self._marks, id="body")
            yield OnePassStatic("", id="article-source", markup=False)
        yield FindBar(id="find")

    @property
    def body(self) -> ArticleBody:
        return self.query_one(ArticleBody)

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    @property
    def paragraphs(self) -> list[str]:
        return self._paragraphs

    def show(self, view: ArticleView | None, empty: str = "") -> None:
        """Replace the article shown; keeps the scroll position (and the find's place) only
        for the same article, whose highlights alone are redrawn."""
        same = view is not None and self.view is not None and \
            view.article.id == self.view.article.id
        marked_alike = same and self._mention < 0 and \
            view is not None and self.view is not None and view.spans == self.view.spans
        self.view = view
        self._mention = -1
        self._by_paragraph = {}
        for number, span in enumerate(view.spans if view else ()):
            self._by_paragraph.setdefault(span.paragraph, []).append((number, span))
        if not same:
            self._minutes = max(1, round(view.article.words / 230)) if view else 0
        self._render_header(empty)
        if not same:
            self._paragraphs = view.article.paragraphs if view else []
            self.body.set_paragraphs(self._paragraphs)
            self._render_source(view)
            self._find(self.find_text, jump=False)
            # At once: after the next refresh, the new article's first frame showed it at
            # the old article's scroll offset.
            self.scroll_home(animate=False, immediate=True)
        elif not marked_alike:
            self.body.restyle()
        self._say_where()

    def _render_header(self, empty: str) -> None:
        """Only when what it shows changed: each Static update lays the screen out again,
        and a keystroke in the filter bar changes the highlights, not the header."""
        view = self.view
        key: tuple[object, ...] = (empty, self.app.theme) if view is None else (
            view.article.id, view.bookmarked, view.note, view.missing_note, view.places,
            view.people, self.app.theme)
        article = view.article if view else None
        if key == self._header_key and article is self._header_article:
            return
        self._header_key, self._header_article = key, article
        title = self.query_one("#title", Static)
        meta = self.query_one("#meta", Static)
        chips = self.query_one("#article-chips", Static)
        note = self.query_one("#note", Static)
        view = self.view
        if view is None:
            update_in_place(title, Text(empty))
            for widget in (meta, chips, note):
                update_in_place(widget, "")
                widget.display = False
            return
        article = view.article
        update_in_place(title, Text(("★ " if view.bookmarked else "") + shown(article.title)))
        minutes = self._minutes
        parts = [
            shown(article.source) if article.source else None,
            article.date.strftime("%-d %b %Y") if article.date else "date unknown",
            f"by {shown(article.author)}" if article.author else None,
            f"{minutes} min read",
            view.missing_note or None,
        ]
        line = Text(" · ".join(p for p in parts if p))
        if article.site and article.site != article.source:
            line.append(f"\n{shown(article.site)}")
        if article.url:
            line.append("\n" if not article.site or article.site == article.source else " · ")
            line.append(shown(article.url), style="underline")
            line.append("  (o open · y copy)", style="italic")
        update_in_place(meta, line)
        meta.display = True
        line = Text()
        styles = self._theme_styles()
        for kind, names in ((PLACE, view.places), (PERSON, view.people)):
            for name in names:
                line.append(f" {name} ".replace(" ", "\u00a0"), style=styles[f"chip-{kind}"])
                line.append(" ")
        update_in_place(chips, line)
        chips.display = bool(view.places or view.people)
        update_in_place(note, Text(f"Note: {shown(view.note)}") if view.note else "")
        note.display = bool(view.note)

    def _render_source(self, view: ArticleView | None) -> None:
        """The id and the file under the article, for `y` and for finding it on disk."""
        source = self.query_one("#article-source", Static)
        source.display = view is not None
        if view is None:
            return
        article = view.article
        parts = [f"id {article.id}"]
        if article.path and not view.missing_note:  # a ghost's text names its old file
            parts.append(f"file {shown(article.path)}")
        update_in_place(source, Text(" · ".join(parts)))

    # -- highlights ----------------------------------------------------------------------------
    def _marks(self, index: int) -> tuple[Mark, ...]:
        """(start, end, style name) of each highlight in a paragraph, asked by the body for
        the lines it draws; the find's matches are drawn over the filter's."""
        marks: list[Mark] = []
        for number, span in self._by_paragraph.get(index, ()):
            name = "current" if number == self._mention else \
                "mention" if span.tag == ENTITY else "term"
            marks.append((span.start, span.end, name))
        for number in self._found_by_paragraph.get(index, ()):
            _, start, end = self.found[number]
            marks.append((start, end, "current" if number == self._find_index else "find"))
        return tuple(marks)

    def _styled(self, text: str, marks: Sequence[Mark]) -> Text:
        styled = Text(text)
        styles = self._theme_styles()
        for start, end, name in marks:
            styled.stylize(styles[name], start, end)
        return styled

    def _say_where(self) -> None:
        """The border says which match or mention `n`/`N` is on."""
        if self.find_text:
            count = f"{len(self.found):,}{'+' if len(self.found) >= FIND_LIMIT else ''}"
            where = "no match" if not self.found else \
                f"{count} matches" if self._find_index < 0 else \
                f"match {self._find_index + 1:,} of {count}"
            self.border_subtitle = Content(f"find “{shown(self.find_text)}”: {where}")
            self.find_bar.set_count(where)
        elif self._mention >= 0 and self.view:
            self.border_subtitle = f"mention {self._mention + 1} of {len(self.view.spans)}"
        else:
            self.border_subtitle = ""

    # -- reading on -------------------------------------------------------------------------
    def action_read_on(self) -> None:
        """space pages down, and at the end of the article goes on to the next (newsboat)."""
        if self.scroll_y >= self.max_scroll_y:
            self.post_message(self.StepArticle(1))
        else:
            self.action_page_down()

    def action_half_page(self, direction: int) -> None:
        self.scroll_relative(y=direction * max(1, self.scrollable_content_region.height // 2),
                             animate=False)

    def action_step_article(self, step: int) -> None:
        self.post_message(self.StepArticle(step))

    # -- moving to a place in the body -------------------------------------------------------
    def _body_top(self) -> int:
        """The body's first line, in the pane's scrolling coordinates."""
        return self._region_in_pane(self.body, 0).y

    def _show_place(self, paragraph: int, offset: int) -> None:
        """Bring that character's line to the middle of the pane (a paragraph can be taller
        than the pane, so scrolling to the paragraph is not enough)."""
        line = self.body.line_of(paragraph, offset)
        self.scroll_to_region(self._region_in_pane(self.body, line), animate=False, center=True,
                              force=True)

    def _region_in_pane(self, widget: Widget, line: int) -> Region:
        """One line of a widget, in the pane's scrolling coordinates."""
        region = Region(0, widget.virtual_region.y + line, max(1, widget.size.width), 1)
        node = widget.parent
        while isinstance(node, Widget) and node is not self:
            region = region.translate(node.virtual_region.offset)
            node = node.parent
        return region

    # -- mentions ----------------------------------------------------------------------------
    @property
    def mention_count(self) -> int:
        return len(self.view.spans) if self.view else 0

    def _jump(self, step: int) -> None:
        if self.find_text:
            self._step_find(step)
            return
        if not self.view or not self.view.spans:
            self.notify("Nothing is highlighted in this article; / finds a word in it.",
                        timeout=3)
            return
        self._mention = (self._mention + step) % len(self.view.spans)
        span = self.view.spans[self._mention]
        self.body.restyle()
        self._show_place(span.paragraph, span.start)
        self._say_where()

    def current_mention_text(self) -> str | None:
        """The words of the mention `n`/`N` last moved to (for `e`, the card of that name)."""
        if self.view is None or not 0 <= self._mention < len(self.view.spans):
            return None
        span = self.view.spans[self._mention]
        paragraphs = self._paragraphs
        return paragraphs[span.paragraph][span.start:span.end] if span.paragraph < len(paragraphs) else None

    def action_next_mention(self) -> None:
        self._jump(1)

    def action_previous_mention(self) -> None:
        self._jump(-1)

    # -- find (`/`) ----------------------------------------------------------------------------
    def action_find(self) -> None:
        if self.view is None:
            self.notify("No article is shown.", timeout=2)
            return
        self.find_bar.open(self.find_text)
        self._say_where()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_find":
            return bool(self.find_text)  # otherwise escape goes back to the list
        return True

    def action_clear_find(self) -> None:
        self._find("", jump=False)

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        event.stop()
        self._find(event.text, jump=True)

    @on(FindBar.Done)
    def _find_done(self, event: FindBar.Done) -> None:
        event.stop()
        self.find_bar.close()
        self.focus()
        if self.find_text and self.found and self._find_index < 0:
            self._step_find(1)

    @on(FindBar.Closed)
    def _find_closed(self, event: FindBar.Closed) -> None:
        event.stop()
        self.find_bar.close()
        self.focus()
        self._find("", jump=False)

    def _folded_paragraphs(self) -> list[str]:
        """Folded once per article: `fold` keeps one character per character, so the
        paragraphs fold as one text and split where they did."""
        article_id = self.view.article.id if self.view else ""
        if self._folded[0] != article_id:
            self._folded = (article_id, fold("\n\n".join(self._paragraphs)).split("\n\n")
                            if self._paragraphs else [])
        return self._folded[1]

    def _find(self, text: str, *, jump: bool) -> None:
        """Mark every match of `text`; while typing, move to the first one from the top of
        the view on (as less does)."""
        self.find_text = text if text.strip() else ""
        self.found = find_matches(self._folded_paragraphs(), text) if self.find_text else []
        self._found_by_paragraph = {}
        for number, (index, _, _) in enumerate(self.found):
            self._found_by_paragraph.setdefault(index, []).append(number)
        self._find_index = -1
        if jump and self.found:
            top = max(0, round(self.scroll_y) - self._body_top())
            body = self.body
            first = bisect.bisect_left(self.found, top, key=lambda m: body.line_of(m[0], m[1]))
            self._find_index = first % len(self.found)
            index, start, _ = self.found[self._find_index]
            self._show_place(index, start)
        self.body.restyle()
        self._say_where()

    def _step_find(self, step: int) -> None:
        if not self.found:
            self._say_where()
            self.notify(f"“{shown(self.find_text)}” is not in this article.", timeout=3,
                        markup=False)
            return
        if self._find_index < 0:
            self._find_index = 0 if step > 0 else len(self.found) - 1
        else:
            self._find_index = (self._find_index + step) % len(self.found)
        index, start, _ = self.found[self._find_index]
        self.body.restyle()
        self._show_place(index, start)
        self._say_where()


def theme_styles(variables: dict[str, str]) -> dict[str, Style]:
    """Highlight and chip styles from the theme, so that every Textual theme works."""

    def colour(name: str, fallback: str) -> Color:
        try:
            return Color.parse(variables.get(name, fallback))
        except ColorParseError:
            return Color.parse(fallback)

    background = colour("background", "#000000")
    accent = colour("accent", "#ffa62b")
    primary = colour("primary", "#0178d4")
    warning = colour("warning", "#ffa62b")
    foreground = colour("foreground", "#e0e0e0")

    def on(tint: Color, alpha: float) -> str:
        return background.blend(tint, alpha).rich_color.name

    return {
        "mention": Style.parse(f"bold {foreground.rich_color.name} on {on(accent, 0.45)}"),
        "term": Style.parse(f"bold underline {foreground.rich_color.name} on {on(primary, 0.35)}"),
        "current": Style.parse(f"bold {warning.get_contrast_text(1.0).rich_color.name} "
                               f"on {warning.rich_color.name}"),
        "find": Style.parse(f"bold {background.rich_color.name} on {foreground.rich_color.name}"),
        "chip-place": Style.parse(f"{foreground.rich_color.name} on {on(primary, 0.5)}"),
        "chip-person": Style.parse(f"{foreground.rich_color.name} on {on(accent, 0.35)}"),
    }


