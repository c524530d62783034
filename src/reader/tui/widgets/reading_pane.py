"""The reading pane: title, metadata, place and people chips, then the body at reading width.

Article text is put into `rich.text.Text` objects as plain strings and styled by offsets, so
`[bold red]` in an article is shown as those characters and never interpreted.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color, ColorParseError
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from reader.entities.recognise import PERSON, PLACE
from reader.highlight import ENTITY, Span
from reader.ingest.article import Article
from reader.tui.display import shown


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


class ReadingPane(VerticalScroll, can_focus=True):
    """Scrolls the article; `n`/`N` step through the highlighted mentions."""

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
        Binding("n", "next_mention", "Next mention", id="pane.next_mention"),
        Binding("N", "previous_mention", "Previous mention", id="pane.previous_mention"),
    ]

    @dataclass
    class StepArticle(Message):
        """The reader asked for the next (1) or previous (-1) article without leaving the pane."""

        step: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: ArticleView | None = None
        self._mention = -1
        self._by_paragraph: dict[int, list[tuple[int, Span]]] = {}
        """The spans of the article shown, numbered, by paragraph."""
        self._applied: list[tuple[tuple[int, int, str], ...]] = []
        """The marks each paragraph widget is showing now."""
        self._styles: tuple[str, dict[str, Style]] | None = None
        """The highlight styles and the theme they were computed for."""

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_styles(self) -> dict[str, Style]:
        """Computed once per theme, not per paragraph per keystroke."""
        theme = self.app.theme
        if self._styles is None or self._styles[0] != theme:
            self._styles = (theme, theme_styles(self.app.get_css_variables()))
        return self._styles[1]

    def _theme_changed(self, theme: object) -> None:
        if self.view is not None:
            self._render_header("")
            self._restyle_body(every=True)

    def compose(self) -> ComposeResult:
        with Vertical(id="page"):
            yield Static("", id="title", markup=False)
            yield Static("", id="meta", markup=False)
            yield Static("", id="article-chips", markup=False)
            yield Static("", id="note", markup=False)
            yield Vertical(id="body")

    def show(self, view: ArticleView | None, empty: str = "") -> None:
        """Replace the article shown; keeps the scroll position only for the same article."""
        same = view is not None and self.view is not None and \
            view.article.id == self.view.article.id
        self.view = view
        self._mention = -1
        self._by_paragraph = {}
        for number, span in enumerate(view.spans if view else ()):
            self._by_paragraph.setdefault(span.paragraph, []).append((number, span))
        self.border_subtitle = ""
        self._render_header(empty)
        if same:
            self._restyle_body()
        else:
            self._render_body()
            self.scroll_home(animate=False)

    def _render_header(self, empty: str) -> None:
        title = self.query_one("#title", Static)
        meta = self.query_one("#meta", Static)
        chips = self.query_one("#article-chips", Static)
        note = self.query_one("#note", Static)
        view = self.view
        if view is None:
            title.update(Text(empty))
            for widget in (meta, chips, note):
                widget.update("")
                widget.display = False
            return
        article = view.article
        title.update(Text(("★ " if view.bookmarked else "") + shown(article.title)))
        minutes = max(1, round(article.words / 230))
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
        meta.update(line)
        meta.display = True
        line = Text()
        styles = self._theme_styles()
        for kind, names in ((PLACE, view.places), (PERSON, view.people)):
            for name in names:
                line.append(f" {name} ".replace(" ", "\u00a0"), style=styles[f"chip-{kind}"])
                line.append(" ")
        chips.update(line)
        chips.display = bool(view.places or view.people)
        note.update(Text(f"Note: {shown(view.note)}") if view.note else "")
        note.display = bool(view.note)

    def _render_body(self) -> None:
        body = self.query_one("#body", Vertical)
        body.remove_children()
        self._applied = []
        if self.view is None:
            return
        widgets = []
        for index, paragraph in enumerate(self.view.article.paragraphs):
            marks = self._marks(index)
            self._applied.append(marks)
            widgets.append(Static(self._styled(paragraph, marks), markup=False, classes="paragraph"))
        body.mount_all(widgets)

    def _restyle_body(self, *, every: bool = False) -> None:
        """The same article with other highlights: update in place only the paragraphs whose
        marks changed (typing `cyb` then `cybe` marks the same words), since remounting or
        restyling a long article's paragraphs on every keystroke froze typing."""
        assert self.view is not None
        widgets = list(self.query(".paragraph").results(Static))
        paragraphs = self.view.article.paragraphs
        if len(widgets) != len(paragraphs) or len(self._applied) != len(paragraphs):
            self._render_body()
            return
        for index in range(len(paragraphs)):
            self._update_paragraph(index, widgets[index], force=every)

    def _update_paragraph(self, index: int, widget: Static, *, force: bool = False) -> None:
        assert self.view is not None
        marks = self._marks(index)
        if force or marks != self._applied[index]:
            self._applied[index] = marks
            widget.update(self._styled(self.view.article.paragraphs[index], marks))

    def _marks(self, index: int) -> tuple[tuple[int, int, str], ...]:
        """(start, end, style name) of each highlight in a paragraph."""
        marks = []
        for number, span in self._by_paragraph.get(index, ()):
            name = "current" if number == self._mention else \
                "mention" if span.tag == ENTITY else "term"
            marks.append((span.start, span.end, name))
        return tuple(marks)

    def _styled(self, paragraph: str, marks: tuple[tuple[int, int, str], ...]) -> Text:
        text = Text(paragraph)
        styles = self._theme_styles()
        for start, end, name in marks:
            text.stylize(styles[name], start, end)
        return text

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

    # -- mentions ----------------------------------------------------------------------------
    @property
    def mention_count(self) -> int:
        return len(self.view.spans) if self.view else 0

    def _jump(self, step: int) -> None:
        if not self.view or not self.view.spans:
            self.app.bell()
            return
        previous = self._mention
        self._mention = (self._mention + step) % len(self.view.spans)
        widgets = list(self.query(".paragraph").results(Static))
        touched = {self.view.spans[self._mention].paragraph}
        if previous >= 0:
            touched.add(self.view.spans[previous].paragraph)
        for index in touched:
            if index < len(widgets) and index < len(self._applied):
                self._update_paragraph(index, widgets[index])
        span = self.view.spans[self._mention]
        if span.paragraph < len(widgets):
            widget = widgets[span.paragraph]
            line = _line_of(self.view.article.paragraphs[span.paragraph], span.start,
                            widget.content_region.width)
            self.scroll_to_region(self._region_in_pane(widget, line), animate=False, center=True,
                                  force=True)
        self.notify_mention()

    def _region_in_pane(self, widget: Widget, line: int) -> Region:
        """One line of a paragraph, in the pane's scrolling coordinates (a paragraph can be
        taller than the pane, so scrolling to the paragraph is not enough)."""
        region = Region(0, widget.virtual_region.y + line, max(1, widget.size.width), 1)
        node = widget.parent
        while isinstance(node, Widget) and node is not self:
            region = region.translate(node.virtual_region.offset)
            node = node.parent
        return region

    def notify_mention(self) -> None:
        if self.view:
            self.border_subtitle = f"mention {self._mention + 1} of {len(self.view.spans)}"

    def current_mention_text(self) -> str | None:
        """The words of the mention `n`/`N` last moved to (for `e`, the card of that name)."""
        if self.view is None or not 0 <= self._mention < len(self.view.spans):
            return None
        span = self.view.spans[self._mention]
        paragraphs = self.view.article.paragraphs
        return paragraphs[span.paragraph][span.start:span.end] if span.paragraph < len(paragraphs) else None

    def action_next_mention(self) -> None:
        self._jump(1)

    def action_previous_mention(self) -> None:
        self._jump(-1)


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
        "chip-place": Style.parse(f"{foreground.rich_color.name} on {on(primary, 0.5)}"),
        "chip-person": Style.parse(f"{foreground.rich_color.name} on {on(accent, 0.35)}"),
    }


def _line_of(paragraph: str, offset: int, width: int) -> int:
    """The wrapped line (at this width, as Textual wraps it) holding the character at offset."""
    line_number = 0
    position = 0
    for number, line in enumerate(Content(paragraph).wrap(max(1, width))):
        text = line.plain.rstrip()
        if not text:
            continue
        found = paragraph.find(text, position)
        if found < 0 or found > offset:
            break
        line_number, position = number, found + len(text)
    return line_number
