"""The filter bar for daily use: suggestions that leave the narrowed rows in view, chips
that can each be reached from the keyboard, and saved filters."""

from __future__ import annotations

import json

import pytest
from textual.message import Message

from reader import saved_filters
from reader.entities.recognise import PERSON, PLACE
from reader.saved_filters import SavedChip, SavedFilter
from reader.search import Chip, Suggestion
from reader.tui.app import ReaderApp
from reader.tui.screens.main import MainScreen
from reader.tui.screens.saved_filters import SavedFiltersScreen, SaveFilterScreen
from reader.tui.widgets.filter_bar import FilterBar
from reader.tui.widgets.suggestion_list import SuggestionList, suggestion_lines
from tests.tui.conftest import wait_for_main_screen
from tests.tui.helpers import count_text, main, settle


async def pin_two(pilot) -> FilterBar:  # type: ignore[no-untyped-def]
    """Lương Tam Quang, then Hà Nội: 3 of 5 articles."""
    await pilot.press("slash", *"tam quang")
    await settle(pilot)
    await pilot.press("enter", *"hanoi")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    bar = main(pilot.app).bar
    assert [p.label for p in bar.pinned] == ["Lương Tam Quang", "Hà Nội"]
    return bar


# -- suggestions --------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
async def test_suggestions_leave_the_narrowed_rows_in_view(app: ReaderApp,
                                                           size: tuple[int, int]) -> None:
    height = size[1]
    async with app.run_test(size=size) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("slash", *"luong")
        await settle(pilot)
        screen = main(app)
        options = screen.bar.query_one("#suggestions", SuggestionList)
        assert options.display and options.option_count == 2
        box = options.region
        assert box.height == 2 + 2  # two names and the border
        assert box.y >= height // 2, "the suggestions open over the lower half"
        assert box.bottom <= height - 1, "and stay above the footer"
        listing = screen.article_list
        rows = len(listing.rows)
        assert rows == 4
        first_row = listing.content_region.y
        assert box.y >= first_row + rows, "no narrowed row is covered"


async def eight_places(pilot, app: ReaderApp) -> FilterBar:  # type: ignore[no-untyped-def]
    """The filter bar open with eight suggested places."""
    await wait_for_main_screen(pilot, app)
    await pilot.press("slash", "h")
    await settle(pilot)
    bar = main(app).bar
    bar.set_suggestions([Suggestion(PLACE, f"p{i}", f"Place {i}", 90.0, 1) for i in range(8)])
    await pilot.pause()
    return bar


async def test_many_suggestions_stay_in_the_lower_half(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        bar = await eight_places(pilot, app)
        box = bar.query_one("#suggestions", SuggestionList).region
        assert box.y >= 24 // 2 - 1 and box.bottom <= 23
        assert box.height <= 24 // 2


async def test_the_box_has_a_title_and_a_hint(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        options = main(app).bar.query_one("#suggestions", SuggestionList)
        assert options.border_title == "suggestions"
        assert "enter pin" in str(options.border_subtitle)


def test_suggestion_columns_line_up() -> None:
    lines = [line.plain for line in suggestion_lines([
        Suggestion(PERSON, "a", "Lương Tam Quang", 99.0, 4, "Minister"),
        Suggestion(PLACE, "b", "Huế", 90.0, 1234, "in \x1b[31mred"),
        Suggestion(PERSON, "c", "Tô Lâm", 88.0, 12),
    ])]
    kind_at = {line.index("person") if "person" in line else line.index("place")
               for line in lines}
    assert len(kind_at) == 1, lines
    ends = {line.index(count) + len(count) for line, count in zip(lines, ["4", "1,234", "12"],
                                                                   strict=True)}
    assert len(ends) == 1, "counts are right-aligned"
    assert "\x1b" not in lines[1]


# -- enter with a hidden suggestion ----------------------------------------------------------
async def test_enter_keeps_a_text_whose_names_no_article_mentions(app: ReaderApp) -> None:
    """`nam` matches an article by its words; Hà Nam, Nam Định and Quảng Nam none."""
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("slash", *"nam")
        await settle(pilot)
        assert count_text(app) == "1 of 5 articles"
        await pilot.press("enter")
        await settle(pilot)
        bar = main(app).bar
        assert bar.pinned == [] and bar.input.value == "nam"
        assert count_text(app) == "1 of 5 articles"


async def test_long_offers_the_person_before_places_no_article_names(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("slash", *"long")
        await settle(pilot)
        bar = main(app).bar
        assert [s.name for s in bar._suggestions][:1] == ["Lương Tam Quang"]
        assert "Vĩnh Long" not in {s.name for s in bar._suggestions}
        await pilot.press("enter")
        await settle(pilot)
        assert [p.label for p in bar.pinned] == ["Lương Tam Quang"]
        assert count_text(app) == "4 of 5 articles"


# -- chips from the keyboard -------------------------------------------------------------
async def test_left_walks_into_the_chips_and_backspace_removes_the_first(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        bar = await pin_two(pilot)
        await pilot.press("left")
        assert bar.selected == 1 and bar.chip_row.has_focus
        await pilot.press("left")
        assert bar.selected == 0
        await pilot.press("left")
        assert bar.selected == 0, "the first chip is as far as left goes"
        await pilot.press("backspace")
        await settle(pilot)
        assert [p.label for p in bar.pinned] == ["Hà Nội"]
        assert count_text(app) == "4 of 5 articles"
        assert bar.selected == 0


async def test_the_selected_chip_is_drawn_apart(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        bar = await pin_two(pilot)
        def styles() -> list[str]:
            return [str(span.style) for span in bar.chip_row.render().spans]  # type: ignore[attr-defined]

        before = styles()
        assert len(set(before)) == 1
        await pilot.press("shift+tab")
        assert bar.selected == 1
        after = styles()
        assert after[:2] == before[:2], "the first chip is drawn as before"
        assert after[2:] != before[2:], "the selected one is not"


async def test_delete_removes_the_selected_chip(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        bar = await pin_two(pilot)
        await pilot.press("left", "left", "delete")
        await settle(pilot)
        assert [p.label for p in bar.pinned] == ["Hà Nội"]


async def test_bang_turns_the_selected_chip_into_an_exclusion(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        bar = await pin_two(pilot)
        await pilot.press("left", "left", "exclamation_mark")
        await settle(pilot)
        assert [p.chip.exclude for p in bar.pinned] == [True, False]
        assert "not Lương Tam Quang" in str(bar.chip_row.render())
        assert bar.input.value == "", "the ! went to the chip, not the text"
        assert count_text(app) == "1 of 5 articles"
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert count_text(app) == "3 of 5 articles"


async def test_m_turns_the_merger_of_the_selected_place(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        screen = main(app)
        screen.pin_entity(PLACE, "ho-chi-minh", "Hồ Chí Minh")
        screen.pin_entity(PERSON, "luong-tam-quang", "Lương Tam Quang")
        await settle(pilot)
        bar = screen.bar
        await pilot.press("slash", "left", "left")
        assert bar.selected == 0
        await pilot.press("m")
        await settle(pilot)
        assert bar.pinned[0].chip.include_merged is False
        assert "(pre-2025)" in str(bar.chip_row.render())
        notified: list[str] = []
        await pilot.press("right")
        app.notify = lambda message, **_: notified.append(str(message))  # type: ignore[method-assign]
        await pilot.press("m")
        assert bar.pinned[1].chip.include_merged is True
        assert notified and "absorbed no other place" in notified[0]


async def test_right_past_the_last_chip_or_a_letter_goes_back_to_the_text(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        bar = await pin_two(pilot)
        await pilot.press("left", "right")
        assert bar.input.has_focus and bar.selected is None
        await pilot.press("left", "left", "p")
        await pilot.pause()
        assert bar.input.has_focus and bar.selected is None
        assert bar.input.value == "p"
        assert [p.label for p in bar.pinned] == ["Lương Tam Quang", "Hà Nội"]


async def test_left_inside_the_text_moves_the_cursor(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        bar = await pin_two(pilot)
        await pilot.press(*"ab", "left")
        assert bar.input.has_focus and bar.input.cursor_position == 1
        assert bar.selected is None


async def test_the_chip_keys_are_bound_with_ids() -> None:
    ids = {binding.id for binding in FilterBar.BINDINGS if hasattr(binding, "id")}
    assert {"filter.chip_previous", "filter.chip_next", "filter.chip_remove",
            "filter.chip_exclude", "filter.chip_merged", "filter.save",
            "filter.recall"} <= ids


# -- saved filters -----------------------------------------------------------------------
async def test_ctrl_s_saves_the_chips_and_text_under_a_name(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pin_two(pilot)
        await pilot.press(*"police", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveFilterScreen)
        assert app.screen.default == "Lương Tam Quang + Hà Nội + police"
        await pilot.press(*"daily", "enter")
        await pilot.pause()
        [saved], _ = saved_filters.load()
        assert saved.name == "daily" and saved.text == "police"
        assert [(c.chip.kind, c.chip.id) for c in saved.chips] == [
            (PERSON, "luong-tam-quang"), (PLACE, "ha-noi")]


async def test_an_empty_name_keeps_the_default(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("slash", *"police", "ctrl+s", "ctrl+u", "enter")
        await pilot.pause()
        assert [f.name for f in saved_filters.load()[0]] == ["police"]


async def test_nothing_to_save_says_so(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("slash", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("Nothing to save" in str(n.message) for n in app._notifications)


async def test_ctrl_r_chooses_a_saved_filter_and_the_bar_applies_it(app: ReaderApp) -> None:
    saved_filters.save(SavedFilter("other", (), "drugs"))
    saved_filters.save(SavedFilter("mine", (
        SavedChip(Chip(PLACE, "ha-noi"), "Hanoi (old label)"),
        SavedChip(Chip(PERSON, "vanished-person"), "Vanished Person")), "police"))
    messages: list[Message] = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("slash", "ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, SavedFiltersScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        [recalled] = {id(m): m for m in messages if isinstance(m, FilterBar.Recalled)}.values()
        assert recalled.saved.name == "mine"
        screen = main(app)
        screen.bar.apply_saved(recalled.saved, screen.store)
        await settle(pilot)
        bar = screen.bar
        assert [p.label for p in bar.pinned] == ["Hà Nội"]
        assert bar.input.value == "police"
        assert count_text(app) == "3 of 5 articles"
        assert any("Vanished Person" in str(n.message) for n in app._notifications)


async def test_d_deletes_a_saved_filter_and_says_so(app: ReaderApp) -> None:
    saved_filters.save(SavedFilter("one", (), "a"))
    saved_filters.save(SavedFilter("two", (), "b"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("slash", "ctrl+r")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert [f.name for f in saved_filters.load()[0]] == ["two"]
        assert isinstance(app.screen, SavedFiltersScreen)
        assert any("Deleted saved filter “one”" in str(n.message) for n in app._notifications)
        await pilot.press("delete")
        await pilot.pause()
        assert saved_filters.load()[0] == []
        assert isinstance(app.screen, MainScreen), "the empty list closes"


async def test_a_damaged_file_is_reported_and_the_app_carries_on(app: ReaderApp) -> None:
    path = saved_filters.saved_filters_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{damaged", encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("slash", "ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        warnings = [str(n.message) for n in app._notifications if n.severity == "warning"]
        assert any("damaged" in w for w in warnings)
        assert list(path.parent.glob("saved-filters.json.damaged-*"))
        await pilot.press(*"police", "ctrl+s", "enter")
        await pilot.pause()
        document = json.loads(path.read_text(encoding="utf-8"))
        assert [f["name"] for f in document["filters"]] == ["police"]


async def test_a_click_on_a_chips_name_selects_it(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        bar = await pin_two(pilot)
        await pilot.click("#filter-chips", offset=(3, 0))
        await pilot.pause()
        assert bar.selected == 0 and bar.chip_row.has_focus
        await pilot.press("backspace")
        await settle(pilot)
        assert [p.label for p in bar.pinned] == ["Hà Nội"]


async def test_from_the_list_f_recalls_and_ctrl_s_saves(app: ReaderApp) -> None:
    """The screen names the recalled chips from its store (FilterBar.Recalled)."""
    saved_filters.save(SavedFilter("mine", (SavedChip(Chip(PLACE, "ha-noi"), "x"),), "police"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, SavedFiltersScreen)
        await pilot.press("enter")
        await settle(pilot)
        bar = main(app).bar
        assert [p.label for p in bar.pinned] == ["Hà Nội"] and bar.input.value == "police"
        assert count_text(app) == "3 of 5 articles"
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        await pilot.press(*"second", "enter")
        await pilot.pause()
        assert [f.name for f in saved_filters.load()[0]] == ["mine", "second"]


async def test_a_letter_that_leaves_the_suggestions_alike_keeps_the_highlight(app: ReaderApp) -> None:
    """Lines are rebuilt only when what they show changes (a rebuild puts the highlight back
    on the first)."""
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("slash", *"luon")
        await settle(pilot)
        options = main(app).bar.query_one("#suggestions", SuggestionList)
        names = options.plain_lines
        assert options.option_count == 2
        await pilot.press("down")
        assert options.highlighted == 1
        await pilot.press("g")
        await settle(pilot)
        assert options.plain_lines == names
        assert options.highlighted == 1
        await pilot.press("enter")
        await settle(pilot)
        assert [p.label for p in main(app).bar.pinned] == ["Lương Cường"]


async def test_a_click_on_a_suggestion_pins_it(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("slash", *"luong")
        await settle(pilot)
        options = main(app).bar.query_one("#suggestions", SuggestionList)
        second = options.plain_lines[1]
        plain = {segment.style for segment in options.render_line(1)}
        await pilot.hover("#suggestions", offset=(4, 2))  # the border, then the second line
        assert {segment.style for segment in options.render_line(1)} != plain, "no hover"
        await pilot.click("#suggestions", offset=(4, 2))
        await settle(pilot)
        label = main(app).bar.pinned[0].label
        assert label in second and label not in options.plain_lines[:1]


async def test_the_highlight_stays_in_view_when_few_lines_fit(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 12)) as pilot:
        bar = await eight_places(pilot, app)
        options = bar.query_one("#suggestions", SuggestionList)
        shown = options.content_region.height
        assert 0 < shown < 8
        for _ in range(6):
            await pilot.press("down")
        await pilot.pause()
        assert bar.highlighted_suggestion() == bar._suggestions[6]
        assert "Place 6" in options.render_line(shown - 1).text
        for _ in range(6):
            await pilot.press("up")
        assert "Place 0" in options.render_line(0).text
        assert bar.highlighted_suggestion() == bar._suggestions[0]
