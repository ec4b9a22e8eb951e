"""A zero-latency OpenAI-compatible responder for benchmarks.

Raw asyncio protocol on uvloop: it reads one HTTP/1.1 request at a time per connection
(keep-alive), skips the body by Content-Length, and writes a small chat-completion JSON (the
same refusal with a counter in it, so no two answers are equal). It does no JSON parsing, so
one core serves tens of thousands of requests per second and the client under test is always
the bottleneck.
"""

from __future__ import annotations

import asyncio
import os
import sys

# Every answer is different (a counter in the text), as a model's answers to different
# prompts are: a client that caches anything by answer text gains nothing here.
BODY_HEAD = (
    b'{"id":"x","object":"chat.completion","model":"zero","choices":[{"index":0,'
    b'"message":{"role":"assistant","content":"I am sorry, but I cannot help with that (answer '
)
BODY_TAIL = (
    b')."},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":9,"total_tokens":21}}'
)
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: keep-alive\r\nContent-Length: "
_counter = 0


def response() -> bytes:
    global _counter
    _counter += 1
    body = BODY_HEAD + str(_counter).encode() + BODY_TAIL
    return HEAD + str(len(body)).encode() + b"\r\n\r\n" + body


class Proto(asyncio.Protocol):
    def __init__(self) -> None:
        self.buf = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        buf = self.buf
        buf += data
        out = []
        while True:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                break
            head = bytes(buf[:end]).lower()
            i = head.find(b"content-length:")
            length = int(head[i + 15 : head.find(b"\r\n", i) if head.find(b"\r\n", i) > 0 else None]) if i >= 0 else 0
            total = end + 4 + length
            if len(buf) < total:
                break
            del buf[:total]
            out.append(response())
        if out and self.transport is not None:
            self.transport.write(b"".join(out))


async def serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Proto, "127.0.0.1", port, backlog=4096, reuse_address=True)
    print(f"ready {server.sockets[0].getsockname()[1]}", flush=True)
    await asyncio.Event().wait()


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    if len(sys.argv) > 2 and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {int(sys.argv[2])})
    try:
        import uvloop

        uvloop.run(serve(port))
    except ImportError:
        asyncio.run(serve(port))


if __name__ == "__main__":
    main()
