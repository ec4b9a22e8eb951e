"""OpenAI-compatible chat completions over HTTP.

One client covers vLLM, SGLang, TGI, Ollama, llama.cpp server, LM Studio and hosted APIs.
It is written on aiohttp, not the official SDK: at hundreds of requests in flight the SDK's
httpx pool costs ~2 ms of CPU per request against ~0.2 ms here (see benchmarks/).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import orjson
from aiohttp.payload import BytesPayload
from yarl import URL

from accord._net import check_endpoint, loopback_resolver
from accord.errors import TargetError
from accord.i18n import t
from accord.targets._base import CallError, Completion, ConcurrencyHint, Target, TargetIdentity

__all__ = ["OpenAITarget", "parse_retry_after"]


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        from datetime import UTC, datetime

        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def classify_status(status: int, body: bytes, headers: Any) -> CallError:
    snippet = body[:200].decode("utf-8", "replace").replace("\n", " ")
    retry_after = parse_retry_after(headers.get("Retry-After"))
    if status == 429:
        return CallError("rate_limit", f"HTTP 429: {snippet}", status=status, retry_after=retry_after)
    if status in (503, 529):
        return CallError("overloaded", f"HTTP {status}: {snippet}", status=status, retry_after=retry_after)
    if status in (401, 403):
        return CallError("auth", f"HTTP {status}: {snippet}", status=status)
    if status == 408:
        return CallError("timeout", f"HTTP 408: {snippet}", status=status)
    if status >= 500:
        return CallError("server", f"HTTP {status}: {snippet}", status=status, retry_after=retry_after)
    return CallError("client", f"HTTP {status}: {snippet}", status=status)


class _Deadlines:
    """The per-request time limit, kept by one sweeper task instead of a timer per request.

    aiohttp's own ``total`` timeout arms and cancels an event-loop timer for every request
    (~3 us each with uvloop, on the engine's hot path). Here a request registers its task
    and deadline in a dict; a sweeper wakes every ``seconds / 10`` (at most every second)
    and cancels the tasks past their deadline, which ``_post`` turns into a ``timeout``
    error. A task is in the dict exactly while it is suspended inside ``_post``, so the
    cancellation always lands there.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.pending: dict[asyncio.Task[Any], float] = {}
        self.expired: set[asyncio.Task[Any]] = set()
        self._sweeper: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._sweeper is None:
            self._sweeper = asyncio.get_running_loop().create_task(self._sweep())

    async def stop(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
            self._sweeper = None

    async def _sweep(self) -> None:
        loop = asyncio.get_running_loop()
        period = min(1.0, max(0.005, self.seconds / 10))
        while True:
            await asyncio.sleep(period)
            now = loop.time()
            for task, deadline in list(self.pending.items()):
                if deadline <= now and task not in self.expired:
                    self.expired.add(task)
                    task.cancel()


class HTTPTarget(Target):
    """Shared plumbing for HTTP providers: one pooled aiohttp session per run."""

    def __init__(self, identity: TargetIdentity, *, timeout: float, api_key: str | None, max_concurrency: int) -> None:
        self.identity = identity
        # Only connecting is timed by aiohttp; the whole request by ``_Deadlines``.
        self._timeout = aiohttp.ClientTimeout(total=None, sock_connect=timeout)
        self._deadlines = _Deadlines(timeout)
        self._api_key = api_key
        self._max = max_concurrency
        self._session: aiohttp.ClientSession | None = None
        assert identity.base_url is not None
        self._base = identity.base_url.rstrip("/")
        self._urls: dict[str, URL] = {}

    def _headers(self) -> dict[str, str]:
        return {"Content-Type": "application/json"}

    async def start(self) -> None:
        check_endpoint(self._base)
        parts = urlsplit(self._base)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise TargetError(t("err.target.bad_base_url", url=self._base))
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(parts.hostname, port), timeout=10)
            writer.close()
        except (OSError, TimeoutError) as e:
            reason = getattr(e, "strerror", None) or type(e).__name__
            raise TargetError(
                t("err.target.cannot_reach", url=self._base, reason=reason)
            ) from None
        connector = aiohttp.TCPConnector(
            limit=self._max, limit_per_host=self._max, resolver=loopback_resolver(), ttl_dns_cache=300
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            timeout=self._timeout,
            headers=self._headers(),
            json_serialize=lambda o: orjson.dumps(o).decode(),
            raise_for_status=False,
            # Requests are independent: nothing carries over from one to the next.
            cookie_jar=aiohttp.DummyCookieJar(),
        )
        self._deadlines.start()

    async def aclose(self) -> None:
        await self._deadlines.stop()
        if self._session is not None:
            await self._session.close()
            self._session = None

    def concurrency(self) -> ConcurrencyHint:
        return ConcurrencyHint(initial=min(32, self._max), maximum=self._max)

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        session = self._session
        if session is None:
            raise RuntimeError("target not started")
        url = self._urls.get(path)
        if url is None:
            url = self._urls[path] = URL(self._base + path)
        # A ready payload skips aiohttp's payload-type lookup (a few us per request).
        data = BytesPayload(orjson.dumps(body), content_type="application/json")
        deadlines = self._deadlines
        task = asyncio.current_task()
        assert task is not None
        deadlines.pending[task] = task.get_loop().time() + deadlines.seconds
        try:
            async with session.post(url, data=data) as resp:
                raw = await resp.read()
                if resp.status != 200:
                    raise classify_status(resp.status, raw, resp.headers)
        except CallError:
            raise
        except asyncio.CancelledError:
            if task in deadlines.expired:
                deadlines.expired.discard(task)
                if task.uncancel() == 0:  # ours alone, not also a cancel from outside
                    raise CallError("timeout", f"no response within {deadlines.seconds:g}s") from None
            raise
        except TimeoutError:
            raise CallError("timeout", f"no connection within {deadlines.seconds:g}s") from None
        except aiohttp.ClientPayloadError as e:
            raise CallError("connection", f"response cut off: {e}") from None
        except (aiohttp.ClientError, OSError) as e:
            raise CallError("connection", f"{type(e).__name__}: {e}") from None
        finally:
            del deadlines.pending[task]
            if task in deadlines.expired:  # cancelled, but the request ended some other way
                deadlines.expired.discard(task)
                task.uncancel()
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError as e:
            raise CallError("malformed", f"response is not JSON ({e.msg})") from None


class OpenAITarget(HTTPTarget):
    """``openai:<model>``: any server that speaks ``POST /chat/completions``."""

    def __init__(
        self,
        identity: TargetIdentity,
        *,
        timeout: float = 120.0,
        api_key_env: str = "OPENAI_API_KEY",
        max_concurrency: int = 256,
    ) -> None:
        super().__init__(identity, timeout=timeout, api_key=os.environ.get(api_key_env), max_concurrency=max_concurrency)
        p = identity.params
        extra: dict[str, Any] = {"model": identity.model, "temperature": p.temperature, "max_tokens": p.max_tokens}
        if p.seed is not None:
            extra["seed"] = p.seed
        if p.top_p is not None:
            extra["top_p"] = p.top_p
        self._fixed = extra

    def _headers(self) -> dict[str, str]:
        h = super()._headers()
        if self._api_key:
            h["Authorization"] = f"Bearer {self._api_key}"
        return h

    async def generate(self, messages: list[dict[str, str]]) -> Completion:
        data = await self._post("/chat/completions", {**self._fixed, "messages": messages})
        try:
            choice = data["choices"][0]
            text = choice["message"]["content"]
            usage = data.get("usage") or {}
            return Completion(
                text=text if isinstance(text, str) else "",
                finish_reason=choice.get("finish_reason"),
                model=data.get("model"),
                prompt_tokens=usage.get("prompt_tokens"),
                completion_tokens=usage.get("completion_tokens"),
            )
        except (KeyError, IndexError, TypeError, AttributeError):
            raise CallError("malformed", "response JSON lacks choices[0].message.content") from None
