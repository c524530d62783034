"""`reader URL`: the page is fetched once into the archive and opened from there."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader import cli
from reader.corpus import open_store

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[list[Path]]:
    calls: list[list[Path]] = []
    monkeypatch.setattr(cli, "run_tui", lambda paths: calls.append(list(paths)) or 0)
    return calls


def test_a_url_is_archived_and_opened(httpserver: HTTPServer, opened: list[list[Path]]) -> None:
    page = (WEB / "express_police.html").read_bytes()
    httpserver.expect_request("/story.html").respond_with_data(page, content_type="text/html")
    url = httpserver.url_for("/story.html")
    assert cli.main([url]) == 0
    assert len(opened) == 1 and len(opened[0]) == 1
    archived = opened[0][0]
    assert archived.suffix == ".json" and archived.is_file()
    store = open_store(opened[0])
    assert len(store.articles) == 1
    assert store.articles[0].title.startswith("Hanoi police break up")
    assert "ha-noi" in store.articles[0].places
    # Opening it again does not archive a second copy.
    assert cli.main([url]) == 0
    assert opened[1] == opened[0]
    assert len([p for p in archived.parent.glob("*.json") if not p.name.startswith(".")]) == 1


def test_a_url_that_fails_is_an_error_before_the_interface(
        httpserver: HTTPServer, opened: list[list[Path]], capsys: pytest.CaptureFixture[str]) -> None:
    httpserver.expect_request("/gone.html").respond_with_data("gone", status=410)
    assert cli.main([httpserver.url_for("/gone.html")]) == 1
    assert opened == []
    assert f"cannot read {httpserver.url_for('/gone.html')}" in capsys.readouterr().err


def test_a_javascript_address_is_never_fetched(opened: list[list[Path]],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["javascript:alert(1)"]) == 2
    assert opened == []
