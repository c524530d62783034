"""Fetch every subscribed feed at once, then the pages of its new entries, into the archive.

`fetch_all` is a plain blocking function that runs its own event loop, so the CLI calls it
directly and the TUI calls it in a thread worker; everything it needs comes in as arguments.
Each feed's new articles are committed to the archive, and its state saved, as soon as that
feed is done, so an interrupted fetch keeps what it finished.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

from reader.feeds.archive import Archive, Keys, Record
from reader.feeds.http import FetchError, FetchOptions, HostLimits, Response, get, make_client
from reader.feeds.parse import FeedEntry, ParsedFeed, parse_feed
from reader.feeds.state import FeedState, load_states, update_states
from reader.feeds.subscriptions import Subscription
from reader.ingest.clean import clean_text
from reader.ingest.html import Page, extract_page


@dataclass(slots=True, frozen=True)
class FeedResult:
    name: str
    location: str
    new: int = 0
    entries: int = 0
    unchanged: bool = False
    error: str | None = None
    warning: str | None = None
    retry_later: bool = False
    """Some entries were left out (a cap, a page with no text anywhere): the feed's validators
    are not kept, so that the next fetch gets the whole feed instead of a 304."""


@dataclass(slots=True, frozen=True)
class FetchProgress:
    done: int
    total: int
    message: str


@dataclass(slots=True, frozen=True)
class FetchSummary:
    results: tuple[FeedResult, ...]
    cancelled: bool = False

    @property
    def new_articles(self) -> int:
        return sum(result.new for result in self.results)

    @property
    def failed(self) -> tuple[FeedResult, ...]:
        return tuple(result for result in self.results if result.error)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def line(self) -> str:
        """`3 feeds · 42 new articles · 1 failed (vnexpress: timed out after 20 s)`"""
        feeds = len(self.results)
        parts = [f"{feeds} feed{'s' if feeds != 1 else ''}",
                 f"{self.new_articles} new article{'s' if self.new_articles != 1 else ''}"]
        if self.failed:
            reasons = "; ".join(f"{r.name}: {r.error}" for r in self.failed)
            parts.append(f"{len(self.failed)} failed ({reasons})")
        if self.cancelled:
            parts.append("stopped before the end")
        return " · ".join(parts)


ProgressCallback = Callable[[FetchProgress], None]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class _Run:
    """What the feeds of one fetch share: the client, the host limits, the archive."""

    client: httpx.AsyncClient
    options: FetchOptions
    limits: HostLimits
    archive: Archive
    keys: Keys
    states: dict[str, FeedState]
    state_file: Path | None
    progress: ProgressCallback | None
    total: int
    results: list[FeedResult]
    committer: _Committer
    done: int = 0

    def report(self, result: FeedResult) -> None:
        self.results.append(result)
        self.done += 1
        if self.progress is not None:
            if result.error:
                message = f"{result.name}: {result.error}"
            elif result.unchanged:
                message = f"{result.name}: unchanged"
            else:
                message = f"{result.name}: {result.new} new"
            self.progress(FetchProgress(self.done, self.total, message))


async def _read_local(location: str, options: FetchOptions) -> Response:
    def read() -> bytes:
        with open(location, "rb") as handle:
            return handle.read(options.max_bytes + 1)
    try:
        data = await asyncio.to_thread(read)
    except FileNotFoundError:
        raise FetchError("no such file") from None
    except IsADirectoryError:
        raise FetchError("a folder, not a feed file") from None
    except OSError as error:
        raise FetchError(f"cannot be read ({error.strerror or error})") from None
    truncated = len(data) > options.max_bytes
    return Response(location, 200, data[: options.max_bytes], None, None, None, truncated)


def _conditional_headers(state: FeedState | None) -> dict[str, str]:
    headers = {}
    if state is not None and state.etag:
        headers["If-None-Match"] = state.etag
    if state is not None and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


async def _record(run: _Run, feed: Subscription, parsed: ParsedFeed,
                  entry: FeedEntry) -> tuple[Record | None, bool]:
    """The entry as an archive record: the linked page's text when it can be had, else the
    feed's own. The flag says the page could not be used."""
    page: Page | str | None = None
    if entry.link and run.options.fetch_pages:
        try:
            response = await get(run.client, entry.link, run.options, run.limits)
            page = extract_page(response.url, response.content, response.content_type)
        except FetchError as error:
            page = error.message
    if isinstance(page, Page):
        canonical = page.url or entry.link
        aliases = tuple(link for link in (entry.link,) if link and link != canonical)
        record = Record(url=canonical, title=entry.title or page.title, paragraphs=page.paragraphs,
                        date=entry.date or page.date, author=entry.author or page.author,
                        site=page.site or parsed.site, language=page.language, guid=entry.key,
                        feed=feed.location, aliases=aliases)
        return record, False
    if not entry.paragraphs:
        return None, page is not None
    return Record(url=entry.link, title=entry.title, paragraphs=entry.paragraphs, date=entry.date,
                  author=entry.author, site=parsed.site, guid=entry.key, feed=feed.location), page is not None


async def _fetch_feed_or_say_why(run: _Run, feed: Subscription) -> FeedResult:
    """One feed's failure, even an unforeseen one, is that feed's error, never the fetch's end."""
    try:
        return await _fetch_feed(run, feed)
    except (asyncio.CancelledError, KeyboardInterrupt, SystemExit):
        raise
    except Exception as error:
        message = clean_text(f"unexpected error ({type(error).__name__}: {error})")[:200]
        return await _save(run, feed, FeedResult(feed.name, feed.location, error=message), None)


async def _fetch_feed(run: _Run, feed: Subscription) -> FeedResult:
    state = run.states.get(feed.location)
    try:
        if feed.is_local:
            response = await _read_local(feed.location, run.options)
        else:
            response = await get(run.client, feed.location, run.options, run.limits,
                                 _conditional_headers(state))
    except FetchError as error:
        return await _save(run, feed, FeedResult(feed.name, feed.location, error=error.message), None)
    if response.not_modified:
        return await _save(run, feed, FeedResult(feed.name, feed.location, unchanged=True), response)
    parsed = parse_feed(response.content, response.url, response.content_type)
    if isinstance(parsed, str):
        return await _save(run, feed, FeedResult(feed.name, feed.location, error=parsed), response)
    warnings = [parsed.warning] if parsed.warning else []
    if response.truncated:
        warnings.append(f"larger than {run.options.max_bytes // 1048576} MB: read only that much")
    fresh = [entry for entry in parsed.entries if not run.keys.knows(url=entry.link, guid=entry.key)]
    left = max(0, len(fresh) - run.options.max_pages_per_feed)
    if left:
        warnings.append(f"{left} entries left for the next fetch")
        fresh = fresh[: run.options.max_pages_per_feed]
    notes = [entry.note for entry in parsed.entries if entry.note]
    if notes:
        warnings.append(f"{len(notes)} entries with a link that is not http(s) (not fetched): {notes[0]}")
    built = await asyncio.gather(*(_record(run, feed, parsed, entry) for entry in fresh))
    records = [record for record, _ in built if record is not None]
    kept = sum(1 for record, failed in built if failed and record is not None)
    lost = sum(1 for record, failed in built if failed and record is None)
    if kept:
        warnings.append(f"{kept} linked pages could not be read; the feed's own text was kept")
    if lost:
        warnings.append(f"{lost} entries could not be read (their page failed and the feed has no text); "
                        "tried again next time")
    result = FeedResult(feed.name, feed.location, entries=len(parsed.entries),
                        warning="; ".join(warnings) or None, retry_later=bool(left or lost))
    final = await _save(run, feed, result, response, records)
    for record in records:
        run.keys.learn(url=record.url, guid=record.guid)
    return final


async def _save(run: _Run, feed: Subscription, result: FeedResult, response: Response | None,
                records: Sequence[Record] = ()) -> FeedResult:
    final = await run.committer.commit(feed, result, response, records)
    run.report(final)
    return final


def _change(result: FeedResult, response: Response | None, now: str) -> Callable[[FeedState], FeedState]:
    def change(old: FeedState) -> FeedState:
        if result.error:
            return replace(old, last_fetch=now, last_error=result.error, last_new=0)
        etag = response.etag if response is not None and response.etag else old.etag
        modified = response.last_modified if response is not None and response.last_modified else \
            old.last_modified
        if result.retry_later:
            etag = modified = None
        return replace(old, etag=etag, last_modified=modified, last_fetch=now, last_success=now,
                       articles=old.articles + result.new, last_new=result.new, last_error=None,
                       warning=result.warning if not result.unchanged else old.warning)
    return change


@dataclass(slots=True)
class _Pending:
    feed: Subscription
    result: FeedResult
    response: Response | None
    records: Sequence[Record]
    done: asyncio.Future[FeedResult]


class _Committer:
    """Group commit: the feeds that finish while a write is under way are written together
    next, so fifty feeds cost a few rounds of lock, write and sync instead of fifty."""

    def __init__(self, archive: Archive, state_file: Path | None) -> None:
        self.archive = archive
        self.state_file = state_file
        self.pending: list[_Pending] = []
        self.lock = asyncio.Lock()

    async def commit(self, feed: Subscription, result: FeedResult, response: Response | None,
                     records: Sequence[Record]) -> FeedResult:
        done: asyncio.Future[FeedResult] = asyncio.get_running_loop().create_future()
        self.pending.append(_Pending(feed, result, response, records, done))
        async with self.lock:
            if not done.done():
                batch, self.pending = self.pending, []
                finals = await asyncio.to_thread(self._write, batch)
                for item, final in zip(batch, finals, strict=True):
                    item.done.set_result(final)
        return await done

    def _write(self, batch: list[_Pending]) -> list[FeedResult]:
        try:
            records = [record for item in batch for record in item.records]
            written = {id(record) for record in self.archive.commit(records)}
        except OSError as error:
            message = f"cannot write the archive ({error.strerror or error})"
            return [replace(item.result, error=message) if item.records else item.result for item in batch]
        finals = [replace(item.result, new=sum(id(record) in written for record in item.records))
                  for item in batch]
        now = _now()
        try:
            update_states({item.feed.location: _change(final, item.response, now)
                           for item, final in zip(batch, finals, strict=True)}, self.state_file)
        except OSError as error:
            message = f"cannot save the feed state ({error.strerror or error})"
            finals = [replace(final, warning="; ".join(filter(None, (final.warning, message))))
                      for final in finals]
        return finals


async def _fetch_all(feeds: Sequence[Subscription], options: FetchOptions, archive: Archive,
                     state_file: Path | None, progress: ProgressCallback | None,
                     results: list[FeedResult]) -> None:
    """Results are appended to `results` as feeds finish, so a cancelled fetch still has them."""
    keys = await asyncio.to_thread(archive.keys)
    states = await asyncio.to_thread(load_states, state_file)
    async with make_client(options) as client:
        run = _Run(client, options, HostLimits(options.per_host), archive, keys, states, state_file,
                   progress, len(feeds), results, _Committer(archive, state_file))
        await asyncio.gather(*(_fetch_feed_or_say_why(run, feed) for feed in feeds))


async def _until_cancelled(work: asyncio.Future[None], cancel: threading.Event | None) -> bool:
    while not work.done():
        if cancel is not None and cancel.is_set():
            work.cancel()
            return True
        await asyncio.sleep(0.05)
    return False


def fetch_all(feeds: Sequence[Subscription], *, options: FetchOptions | None = None,
              progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
              archive: Archive | None = None, state_file: Path | None = None) -> FetchSummary:
    """Fetch the feeds concurrently into the archive; safe to call from any thread.

    `progress` is called (from this thread) after each feed; setting `cancel` stops the
    fetch soon after, keeping the feeds that were finished.
    """
    options = options or FetchOptions()
    archive = archive or Archive()
    collected: list[FeedResult] = []

    async def main() -> bool:
        work = asyncio.ensure_future(_fetch_all(feeds, options, archive, state_file, progress, collected))
        cancelled = await _until_cancelled(work, cancel)
        with contextlib.suppress(asyncio.CancelledError):
            await work
        return cancelled

    cancelled = asyncio.run(main())
    done = {result.location for result in collected}
    if cancelled:
        collected.extend(FeedResult(feed.name, feed.location, error="stopped")
                         for feed in feeds if feed.location not in done)
    order = {feed.location: number for number, feed in enumerate(feeds)}
    collected.sort(key=lambda result: order.get(result.location, 0))
    return FetchSummary(tuple(collected), cancelled)


def fetch_page(url: str, *, options: FetchOptions | None = None,
               archive: Archive | None = None) -> Record | str:
    """One web page into the archive (for `reader URL`): its record, also when it was archived
    before, or in plain words why there is none."""
    from reader.feeds.parse import safe_link

    link = safe_link(url)
    if link is None:
        return f"{url!r} is not an http or https address"
    options = options or FetchOptions()
    archive = archive or Archive()

    async def main() -> Record | str:
        async with make_client(options) as client:
            try:
                response = await get(client, link, options, HostLimits(options.per_host))
            except FetchError as error:
                return error.message
        page = extract_page(response.url, response.content, response.content_type)
        if isinstance(page, str):
            return page
        canonical = page.url or response.url
        aliases = tuple(dict.fromkeys(a for a in (link, response.url) if a != canonical))
        return Record(url=canonical, title=page.title, paragraphs=page.paragraphs, date=page.date,
                      author=page.author, site=page.site, language=page.language, aliases=aliases)

    record = asyncio.run(main())
    if isinstance(record, Record):
        archive.commit([record])
    return record
