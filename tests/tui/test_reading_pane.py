"""The reading pane in daily use: a 1 MB article costs a screenful to show and to mark
again, `/` finds words in the article with `n`/`N` stepping through them, and the pane says
which article and file it shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Static

from reader.bookmarks import BookmarkStore
from reader.corpus import open_store
from reader.tui.app import ReaderApp
from reader.tui.state import ReadingState
from reader.tui.widgets.article_body import ArticleBody
from reader.tui.widgets.find_bar import FindBar
from reader.tui.widgets.reading_pane import ArticleView, ReadingPane
from tests.tui.helpers import main, settle


def app_over(folder: Path, bookmarks: BookmarkStore) -> ReaderApp:
    return ReaderApp(open_store([folder]), ReadingState(bookmarks))


def drawn(body: ArticleBody) -> list[str]:
    return [body.render_line(y).text.rstrip() for y in range(body.size.height)]


def on_screen(pane: ReadingPane, body_line: int) -> bool:
    y = pane._region_in_pane(pane.body, body_line).y - round(pane.scroll_y)
    return 0 <= y < pane.scrollable_content_region.height


async def test_a_1_mb_article_draws_only_what_is_on_screen(
        tmp_path: Path, bookmarks: BookmarkStore) -> None:
    sentence = "Officers in Hue reviewed case files and questioned {n} witnesses that week. "
    paragraphs = [sentence.format(n=n) * 6 for n in range(2200)]
    text = "Police review a long year\n\n" + "\n\n".join(paragraphs)
    assert len(text.encode()) > 1_000_000
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    app = app_over(tmp_path, bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = main(app).query_one(ReadingPane)
        body = pane.body
        assert body.size.height > 10_000  # every line is laid out ...
        assert body.rendered_lines <= 2 * pane.size.height  # ... but only a screenful drawn
        assert len(pane.query(Static)) < 12  # no widget per paragraph
        await pilot.press("slash", *"witness")
        await settle(pilot)
        assert pane.mention_count == 6 * 2200
        before = body.rendered_lines
        await pilot.press("e", "s")  # witnesse, witnesses: the same words are marked
        await settle(pilot)
        await pilot.press("ctrl+u")  # every paragraph loses its mark
        await settle(pilot)
        assert pane.mention_count == 0
        assert body.rendered_lines - before <= 3 * pane.size.height
        await pilot.press("escape", "enter", "G")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
        tail = [body.render_line(y).text.rstrip() for y in range(body.size.height - 8, body.size.height)]
        assert "questioned 2199 witnesses" in " ".join(tail)  # the last paragraph, then a blank
        assert tail[-1] == "" and tail[-2].endswith("week.")


async def test_the_body_wraps_as_a_static_would(tmp_path: Path, bookmarks: BookmarkStore) -> None:
    paragraph = ("Lực lượng Công an Hà Nội đã triệt phá một đường dây lừa đảo qua mạng, "
                 "thu giữ supercalifragilisticexpialidocious-và-nhiều-thứ-khác tang vật. ") * 4
    (tmp_path / "a.txt").write_text(f"Police in Hanoi\n\n{paragraph}\n\nThe end.", encoding="utf-8")
    app = app_over(tmp_path, bookmarks)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        body = main(app).query_one(ReadingPane).body
        expected = [line.plain.rstrip() for line in Content(paragraph.strip()).wrap(body.size.width)]
        assert drawn(body)[:len(expected) + 3] == [*expected, "", "The end.", ""]


async def test_slash_finds_words_and_n_steps_through_them(
        tmp_path: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    filler = " ".join(f"Officers reviewed case file number {n} again that week." for n in range(90))
    (tmp_path / "a.txt").write_text(
        f"Police close an old case\n\nPolice in Hà Nội opened it.\n\n{filler} "
        f"The HA NOI court closed it.\n\nThe end.", encoding="utf-8")
    app = app_over(tmp_path, bookmarks)
    bells: list[bool] = []
    monkeypatch.setattr(ReaderApp, "bell", lambda self: bells.append(True))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pane = main(app).query_one(ReadingPane)
        bar = pane.query_one(FindBar)
        await pilot.press("enter", "slash")
        assert bar.display and bar.input.has_focus
        await pilot.press(*"ha noi")
        await pilot.pause()
        assert [pane.paragraphs[p][s:e] for p, s, e in pane.found] == ["Hà Nội", "HA NOI"]
        assert "match 1 of 2" in str(bar.query_one("#find-count").render())
        await pilot.press("enter")
        await pilot.pause()
        assert pane.has_focus and not bar.display
        assert pane.scroll_y == 0
        await pilot.press("n")
        await pilot.pause()
        assert pane.border_subtitle == "find “ha noi”: match 2 of 2"
        paragraph, start, _ = pane.found[1]
        line = pane.body.line_of(paragraph, start)
        assert line > pane.scrollable_content_region.height  # far down a tall paragraph ...
        assert on_screen(pane, line)  # ... and brought into view
        assert "HA NOI" in pane.body.line_text(line)
        await pilot.press("N")
        assert pane.border_subtitle == "find “ha noi”: match 1 of 2"
        await pilot.press("slash", *"xyz")
        await pilot.pause()
        assert "no match" in str(bar.query_one("#find-count").render())
        await pilot.press("enter", "n")
        await pilot.pause()
        assert any("not in this article" in n.message for n in app._notifications)
        await pilot.press("escape")  # in the pane: the find goes, focus stays
        assert pane.has_focus and pane.find_text == "" and pane.border_subtitle == ""
        await pilot.press("slash", *"hue", "escape")  # in the bar: closed and cleared
        assert pane.has_focus and not bar.display and pane.found == []
        assert bells == []


async def test_n_steps_through_the_filter_mentions_when_no_find_is_active(
        tmp_path: Path, bookmarks: BookmarkStore) -> None:
    (tmp_path / "a.txt").write_text("Police in Hue\n\nOfficers in Huế met.\n\nHue again.",
                                    encoding="utf-8")
    app = app_over(tmp_path, bookmarks)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"hue")
        await settle(pilot)
        await pilot.press("enter", "escape", "enter")
        await settle(pilot)
        pane = main(app).query_one(ReadingPane)
        assert pane.has_focus and pane.mention_count >= 2
        await pilot.press("n")
        assert pane.border_subtitle == f"mention 1 of {pane.mention_count}"


async def test_the_pane_shows_the_id_and_the_file_cleaned(
        tmp_path: Path, bookmarks: BookmarkStore) -> None:
    (tmp_path / "raid\x1b]0;HACKED\x07 \x1b[31mnotes.txt").write_text(
        "Police raid\n\nOfficers in Hue.", encoding="utf-8")
    app = app_over(tmp_path, bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main(app)
        article = screen.current_article
        assert article is not None
        line = str(screen.query_one(ReadingPane).query_one("#article-source", Static).render())
        assert f"id {article.id}" in line
        assert "raid notes.txt" in line
        assert "\x1b" not in line and "\x07" not in line


async def test_a_mouse_selection_in_the_body_copies_the_text_as_drawn(
        tmp_path: Path, bookmarks: BookmarkStore) -> None:
    from textual.geometry import Offset
    from textual.selection import Selection

    (tmp_path / "a.txt").write_text("Police in Hue\n\nOfficers in Huế met.\n\nThey left at noon.",
                                    encoding="utf-8")
    app = app_over(tmp_path, bookmarks)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        body = main(app).query_one(ReadingPane).body
        await pilot.click(body, offset=(2, 0), times=2)  # a double click selects the widget
        await pilot.pause()
        assert main(app).get_selected_text() == "Officers in Huế met.\n\nThey left at noon."
        main(app).selections = {body: Selection(Offset(9, 0), Offset(6, 2))}
        await pilot.pause()
        assert main(app).get_selected_text() == "in Huế met.\n\nThey l"
        selected = main(app).get_component_rich_style("screen--selection")
        first = body.render_line(0)
        styled = [segment.text for segment in first if segment.style and
                  segment.style.bgcolor == selected.bgcolor]
        assert "".join(styled).startswith("in Huế met.")


async def test_typing_over_the_same_article_leaves_its_header_alone(
        app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each header update lays the screen out again; a keystroke changes only highlights."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = main(app).query_one(ReadingPane)
        updates: list[str] = []
        for name in ("#title", "#meta", "#article-chips", "#note"):
            widget = pane.query_one(name, Static)
            original = widget.update
            monkeypatch.setattr(widget, "update", lambda *a, _n=name, _o=original, **k:
                                updates.append(_n) or _o(*a, **k))
        await pilot.press("slash", *"police")
        await settle(pilot)
        assert main(app).result.words  # the typed word is highlighted ...
        assert updates == []  # ... and the header was not drawn again
        await pilot.press("escape", "b")
        await settle(pilot)
        assert "#title" in updates  # the bookmark's star
        assert str(pane.query_one("#title", Static).render()).startswith("★ ")


async def test_another_article_is_shown_from_its_top_in_its_first_frame(app: ReaderApp) -> None:
    """The pane scrolls to the top as it takes the new article, not after the next refresh:
    that first frame showed the new article at the old one's scroll offset."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main(app)
        pane = screen.query_one(ReadingPane)
        assert pane.view is not None and pane.max_scroll_y > 10
        pane.scroll_to(y=10, animate=False, immediate=True)
        assert pane.scroll_y == 10
        other = next(a for a in screen.store.articles if a.id != pane.view.article.id)
        pane.show(ArticleView(other, (), (), ()))
        assert pane.scroll_y == 0
        await pilot.pause()
        assert pane.view.article.id == other.id and pane.scroll_y == 0
