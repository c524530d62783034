"""Feed state: kept across runs, changed under a lock, a damaged file set aside and not fatal."""

from __future__ import annotations

import threading
from dataclasses import replace

from reader.feeds.state import FeedState, load_states, state_path, update_state, update_states


def test_changes_are_kept_and_other_feeds_untouched() -> None:
    update_state("https://a.example/rss", lambda s: replace(s, etag='"1"', articles=3))
    update_state("https://b.example/rss", lambda s: replace(s, last_error="not found (HTTP 404)"))
    update_state("https://a.example/rss", lambda s: replace(s, articles=s.articles + 2))
    states = load_states()
    assert states["https://a.example/rss"] == FeedState(etag='"1"', articles=5)
    assert states["https://b.example/rss"].last_error == "not found (HTTP 404)"


def test_a_damaged_file_is_set_aside_and_the_state_starts_afresh() -> None:
    path = state_path()
    path.parent.mkdir(parents=True)
    path.write_text("{ half a file")
    assert load_states() == {}
    assert path.with_name(path.name + ".damaged").read_text() == "{ half a file"
    update_state("https://a.example/rss", lambda s: replace(s, articles=1))
    assert load_states()["https://a.example/rss"].articles == 1


def test_unknown_fields_and_bad_entries_are_ignored() -> None:
    path = state_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 1, "feeds": {"a": {"articles": 4, "future_field": 1}, "b": [1], '
                    '"c": {"articles": "x", "etag": null}}}')
    states = load_states()
    assert states["a"] == FeedState(articles=4)
    assert "b" not in states
    assert states["c"] == FeedState()
    update_state("c", lambda s: replace(s, articles=s.articles + 1))
    assert load_states()["c"].articles == 1


def test_concurrent_updates_are_not_lost() -> None:
    def bump() -> None:
        for _ in range(20):
            update_states({"feed": lambda s: replace(s, articles=s.articles + 1)})
    threads = [threading.Thread(target=bump) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert load_states()["feed"].articles == 80
