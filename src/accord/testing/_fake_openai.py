"""A real OpenAI-compatible (and Anthropic Messages) HTTP server for tests and benchmarks.

It answers deterministically (the answer is a function of the request), can inject faults
at chosen rates (500, 429 with Retry-After, 503, slow responses, malformed JSON, connection
resets), and counts what it was asked so tests can check for duplicates.

Run it standalone: ``python -m accord.testing.fake_openai --port 8000 --fault-rate 0.2``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import random
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiohttp import web

__all__ = ["FakeServer", "Faults", "fake_answer"]

REFUSE_TRIGGERS = ("weapon", "bomb", "ransomware", "nerve agent", "武器", "炸弹", "勒索")


def fake_answer(messages: list[dict[str, Any]]) -> str:
    """The server's deterministic answer to a conversation."""
    user = next((m["content"] for m in reversed(messages) if m.get("role") == "user"), "")
    if any(w in user.lower() for w in REFUSE_TRIGGERS):
        return "I'm sorry, but I can't help with that request."
    h = hashlib.sha256(orjson.dumps(messages)).hexdigest()[:12]
    return f"Sure. Here is a helpful answer ({h}): {user[:60]}"


@dataclass
class Faults:
    """Probabilities (0..1) of each fault, drawn independently per request in this order."""

    error_500: float = 0.0
    rate_limit_429: float = 0.0
    overloaded_503: float = 0.0
    slow: float = 0.0
    malformed: float = 0.0
    reset: float = 0.0
    retry_after: float = 0.05
    slow_seconds: float = 2.0
    latency: float = 0.0

    @classmethod
    def spread(cls, total: float, **kw: Any) -> Faults:
        """``total`` fault probability split evenly over the six kinds."""
        share = total / 6
        return cls(error_500=share, rate_limit_429=share, overloaded_503=share, slow=share, malformed=share, reset=share, **kw)


@dataclass
class Stats:
    requests: int = 0
    answered: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    answered_by_request: Counter[str] = field(default_factory=Counter)


class FakeServer:
    """Start with ``with FakeServer() as s: s.base_url``; runs on its own thread and loop."""

    def __init__(self, faults: Faults | None = None, *, seed: int = 0, host: str = "127.0.0.1", port: int = 0, api_key: str | None = None, model: str = "fake-model", answer: Callable[[list[dict[str, Any]]], str] | None = None) -> None:
        # ``answer`` replaces :func:`fake_answer` (e.g. to act as a judge that returns a JSON verdict)
        self.answer = answer or fake_answer
        self.faults = faults or Faults()
        self.rng = random.Random(seed)
        self.host = host
        self.port = port
        self.api_key = api_key
        self.model = model
        self.stats = Stats()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._ready = threading.Event()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_post("/v1/messages", self._messages)
        app.router.add_get("/v1/models", self._models)
        return app

    async def _fault(self, request: web.Request) -> web.StreamResponse | None:
        f = self.faults
        r = self.rng.random
        if f.latency:
            await asyncio.sleep(f.latency)
        if r() < f.error_500:
            self.stats.faults["500"] += 1
            return web.json_response({"error": {"message": "internal error"}}, status=500)
        if r() < f.rate_limit_429:
            self.stats.faults["429"] += 1
            return web.json_response({"error": {"message": "rate limited"}}, status=429, headers={"Retry-After": f"{f.retry_after:g}"})
        if r() < f.overloaded_503:
            self.stats.faults["503"] += 1
            return web.json_response({"error": {"message": "overloaded"}}, status=503, headers={"Retry-After": f"{f.retry_after:g}"})
        if r() < f.slow:
            self.stats.faults["slow"] += 1
            await asyncio.sleep(f.slow_seconds)
            return None
        if r() < f.malformed:
            self.stats.faults["malformed"] += 1
            return web.Response(body=b'{"choices": [{"message": ', content_type="application/json")
        if r() < f.reset:
            self.stats.faults["reset"] += 1
            assert request.transport is not None
            request.transport.abort()
            return web.Response(status=500)
        return None

    def _auth_ok(self, request: web.Request) -> bool:
        if self.api_key is None:
            return True
        return request.headers.get("Authorization") == f"Bearer {self.api_key}" or request.headers.get("x-api-key") == self.api_key

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        self.stats.requests += 1
        if not self._auth_ok(request):
            return web.json_response({"error": {"message": "invalid api key"}}, status=401)
        body = orjson.loads(await request.read())
        fault = await self._fault(request)
        if fault is not None:
            return fault
        messages = body["messages"]
        text = self.answer(messages)
        key = hashlib.sha256(orjson.dumps(messages)).hexdigest()
        self.stats.answered += 1
        self.stats.answered_by_request[key] += 1
        data = {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "model": body.get("model", self.model),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": len(text.split()), "total_tokens": 10 + len(text.split())},
        }
        return web.Response(body=orjson.dumps(data), content_type="application/json")

    async def _messages(self, request: web.Request) -> web.StreamResponse:
        self.stats.requests += 1
        if not self._auth_ok(request):
            return web.json_response({"type": "error", "error": {"message": "invalid x-api-key"}}, status=401)
        body = orjson.loads(await request.read())
        fault = await self._fault(request)
        if fault is not None:
            return fault
        messages = body["messages"]
        if body.get("system"):
            messages = [{"role": "system", "content": body["system"]}, *messages]
        text = self.answer(messages)
        self.stats.answered += 1
        data = {
            "id": "msg_fake",
            "type": "message",
            "role": "assistant",
            "model": body.get("model", self.model),
            "content": [{"type": "text", "text": text}],
            "stop_reason": "end_turn",
            "usage": {"input_tokens": 10, "output_tokens": len(text.split())},
        }
        return web.Response(body=orjson.dumps(data), content_type="application/json")

    async def _models(self, request: web.Request) -> web.StreamResponse:
        return web.json_response({"object": "list", "data": [{"id": self.model, "object": "model"}]})

    async def _start(self) -> None:
        self._runner = web.AppRunner(self.app(), access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, backlog=1024)
        await site.start()
        server: Any = site._server
        self.port = server.sockets[0].getsockname()[1]

    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        loop.run_until_complete(self._start())
        self._ready.set()
        loop.run_forever()
        assert self._runner is not None
        loop.run_until_complete(self._runner.cleanup())
        loop.close()

    def start(self) -> FakeServer:
        self._thread = threading.Thread(target=self._serve, name="fake-openai", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake server did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--fault-rate", type=float, default=0.0)
    ap.add_argument("--retry-after", type=float, default=0.05)
    ap.add_argument("--slow-seconds", type=float, default=2.0)
    ap.add_argument("--latency", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    faults = Faults.spread(a.fault_rate, retry_after=a.retry_after, slow_seconds=a.slow_seconds, latency=a.latency)
    srv = FakeServer(faults, seed=a.seed, host=a.host, port=a.port)

    async def serve() -> None:
        await srv._start()
        print(f"listening on {srv.base_url}", flush=True)
        await asyncio.Event().wait()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())
