"""The subscriptions file: hand-editable, malformed lines reported by number, others kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.feeds.subscriptions import (
    add_subscription,
    default_name,
    load_subscriptions,
    parse_subscriptions,
    remove_subscription,
    subscriptions_path,
)


def test_lines_comments_names_and_paths(tmp_path: Path) -> None:
    text = (
        "# my feeds\n"
        "\n"
        "https://e.vnexpress.example/rss/news.rss\n"
        "https://en.vietnamplus.example/rss/society.rss   \"VietnamPlus society\"\n"
        f"{tmp_path}/saved feed.xml  local  # a comment after the name\n"
        "   https://example.org/feed  portal\n"
    )
    local = f"{tmp_path}/saved feed.xml"
    (tmp_path / "feeds").write_text(text.replace(local, f"'{local}'"))
    result = load_subscriptions(tmp_path / "feeds")
    assert result.problems == []
    assert [(f.name, f.line) for f in result.feeds] == [
        ("vnexpress", 3), ("VietnamPlus society", 4), ("local", 5), ("portal", 6)]
    assert result.feeds[2].location == f"{tmp_path}/saved feed.xml"
    assert result.feeds[2].is_local and not result.feeds[0].is_local


def test_malformed_lines_are_reported_by_number_and_the_others_work() -> None:
    result = parse_subscriptions(
        "https://a.example/rss one\n"
        "javascript:alert(1)\n"
        "file:///etc/passwd\n"
        "https://b.example/rss \"unclosed\n"
        "https:///nohost\n"
        "https://a.example/rss again\n"
        "https://c.example/rss three\n"
    )
    assert [f.name for f in result.feeds] == ["one", "three"]
    assert [p.split(":")[0] for p in result.problems] == ["line 2", "line 3", "line 4", "line 5", "line 6"]
    assert "only http and https" in result.problems[0]
    assert "same feed as line 1" in result.problems[4]


def test_same_default_names_get_numbers() -> None:
    result = parse_subscriptions("https://a.example.com/rss/1\nhttps://a.example.com/rss/2\n")
    assert [f.name for f in result.feeds] == ["a", "a-2"]


@pytest.mark.parametrize(("location", "name"), [
    ("https://e.vnexpress.example/rss/news.rss", "vnexpress"),
    ("https://en.vietnamplus.example/rss/a.rss", "vietnamplus"),
    ("https://www.vietnam.example/feed", "vietnam"),
    ("/home/u/feeds/portal.xml", "portal"),
])
def test_default_names(location: str, name: str) -> None:
    assert default_name(location) == name


def test_add_and_remove_keep_the_users_other_lines() -> None:
    path = subscriptions_path()
    path.parent.mkdir(parents=True)
    path.write_text("# mine\nhttps://a.example/rss  first\n# keep me\n")
    added = add_subscription("https://b.example/rss", "second")
    assert added.name == "second" and added.line == 4
    with pytest.raises(ValueError, match="already subscribed"):
        add_subscription("https://a.example/rss")
    with pytest.raises(ValueError, match="already used"):
        add_subscription("https://c.example/rss", "first")
    with pytest.raises(ValueError, match="only http and https"):
        add_subscription("javascript:alert(1)")
    removed = remove_subscription("first")
    assert removed.location == "https://a.example/rss"
    assert path.read_text() == "# mine\n# keep me\nhttps://b.example/rss second\n"
    remove_subscription("https://b.example/rss")
    with pytest.raises(KeyError):
        remove_subscription("second")
    assert load_subscriptions().feeds == []


def test_add_creates_the_file_and_a_missing_file_is_no_feeds() -> None:
    assert load_subscriptions().feeds == []
    add_subscription("https://b.example/rss", "with 'quotes' and spaces")
    assert [f.name for f in load_subscriptions().feeds] == ["with 'quotes' and spaces"]


def test_the_example_file_parses_once_uncommented() -> None:
    example = Path(__file__).resolve().parents[2] / "assets" / "feeds.example"
    lines = [line[2:] for line in example.read_text().splitlines() if line.startswith("# http")]
    result = parse_subscriptions("\n".join(lines))
    assert result.problems == []
    assert len(result.feeds) == len(lines) >= 5
    assert all(not feed.is_local for feed in result.feeds)
    assert parse_subscriptions(example.read_text()).feeds == []


def test_a_relative_path_in_the_file_is_taken_from_the_files_folder(tmp_path: Path) -> None:
    (tmp_path / "feeds").write_text("saved/feed.xml mine\n~/feed.xml home\n")
    local, home = load_subscriptions(tmp_path / "feeds").feeds
    assert local.location == str(tmp_path / "saved" / "feed.xml")
    assert home.location == str(Path("~/feed.xml").expanduser())
