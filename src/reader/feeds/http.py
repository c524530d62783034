"""One HTTP GET done carefully: bounded in time and size, retried when retrying can help, and
every failure said in plain words.

A feed server is not to be trusted: it may never answer, drip bytes forever, send 100 MB,
redirect in a circle or reset the connection. Each of those ends in a `FetchError` whose
message is what `reader feeds list` shows.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

RETRY_STATUSES = frozenset({500, 502, 503, 504})
_STATUS_WORDS = {
    400: "bad request", 401: "needs a login", 403: "forbidden", 404: "not found",
    410: "gone: the address was removed for good", 429: "too many requests",
    500: "server error", 502: "bad gateway", 503: "service unavailable", 504: "gateway timeout",
}


@dataclass(slots=True, frozen=True)
class FetchOptions:
    """Every limit of a fetch; tests pass small ones so that faults end in milliseconds."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    """The most one request may take, all its reads together (a server dripping bytes)."""
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    per_host: int = 4
    connections: int = 32
    retries: int = 2
    backoff: float = 0.5
    """Seconds before the first retry, doubled for each next one."""
    fetch_pages: bool = True
    """Fetch each new entry's page for its full text (else keep the feed's own text)."""
    max_pages_per_feed: int = 100
    user_agent: str = "reader/0.1 (terminal news reader)"
    use_proxy_settings: bool = True
    """Follow HTTP_PROXY/HTTPS_PROXY/NO_PROXY as other tools do; tests of a local server turn it off."""


class FetchError(Exception):
    """A fetch that failed; the message is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(slots=True, frozen=True)
class Response:
    url: str
    """After redirects."""
    status: int
    content: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    truncated: bool

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HostLimits:
    """At most `per_host` requests at once to any one host, however many feeds it serves."""

    def __init__(self, per_host: int) -> None:
        self.per_host = per_host
        self._semaphores: dict[str, asyncio.Semaphore] = {}

    @contextlib.asynccontextmanager
    async def slot(self, url: str) -> AsyncIterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        semaphore = self._semaphores.setdefault(host, asyncio.Semaphore(self.per_host))
        async with semaphore:
            yield


def make_client(options: FetchOptions) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        follow_redirects=True, max_redirects=options.max_redirects,
        timeout=httpx.Timeout(options.read_timeout, connect=options.connect_timeout, pool=None),
        limits=httpx.Limits(max_connections=options.connections,
                            max_keepalive_connections=options.connections),
        headers={"User-Agent": options.user_agent}, trust_env=options.use_proxy_settings,
    )


def describe_status(status: int) -> str:
    return f"{_STATUS_WORDS.get(status, 'refused')} (HTTP {status})"


async def _read_capped(response: httpx.Response, max_bytes: int) -> tuple[bytes, bool]:
    """The body up to the cap: the rest is never read, so a huge body is never held."""
    body = bytearray()
    async for chunk in response.aiter_bytes():
        room = max_bytes - len(body)
        if len(chunk) > room:
            body += chunk[:room]
            return bytes(body), True
        body += chunk
    return bytes(body), False


async def _attempt(client: httpx.AsyncClient, url: str, headers: dict[str, str],
                   options: FetchOptions) -> Response:
    async with asyncio.timeout(options.deadline), client.stream("GET", url, headers=headers) as response:
        if response.status_code >= 400:
            return Response(str(response.url), response.status_code, b"", None, None, None, False)
        content, truncated = (b"", False) if response.status_code == 304 else \
            await _read_capped(response, options.max_bytes)
        return Response(str(response.url), response.status_code, content,
                        response.headers.get("content-type"), response.headers.get("etag"),
                        response.headers.get("last-modified"), truncated)


async def get(client: httpx.AsyncClient, url: str, options: FetchOptions, limits: HostLimits,
              headers: dict[str, str] | None = None) -> Response:
    """GET with the limits, retrying timeouts, dropped connections and 5xx with backoff."""
    failure = "no attempt made"
    for attempt in range(options.retries + 1):
        if attempt:
            await asyncio.sleep(options.backoff * 2 ** (attempt - 1))
        try:
            async with limits.slot(url):
                response = await _attempt(client, url, headers or {}, options)
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (more than {options.max_redirects}; a redirect loop?)") \
                from None
        except httpx.UnsupportedProtocol:
            raise FetchError("redirected to an address that is not http or https (not followed)") from None
        except httpx.InvalidURL as error:
            raise FetchError(f"not a valid address ({error})") from None
        except httpx.ConnectTimeout:
            failure = f"could not connect within {options.connect_timeout:g} s"
        except httpx.TimeoutException:
            failure = f"timed out after {options.read_timeout:g} s"
        except TimeoutError:
            failure = f"took longer than {options.deadline:g} s (the server kept sending slowly)"
        except httpx.ConnectError as error:
            failure = f"could not connect ({_reason(error)})"
        except (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError):
            failure = "the server closed or reset the connection"
        except httpx.HTTPError as error:
            failure = f"network error ({_reason(error)})"
        else:
            if response.status in RETRY_STATUSES:
                failure = describe_status(response.status)
                continue
            if response.status >= 400:
                raise FetchError(describe_status(response.status))
            return response
    if options.retries:
        failure += f" ({options.retries + 1} tries)"
    raise FetchError(failure)


def _reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    for known in ("Connection refused", "Name or service not known", "No address associated",
                  "Temporary failure in name resolution", "Network is unreachable"):
        if known.lower() in text.lower():
            return known.lower()
    return text[:80]
