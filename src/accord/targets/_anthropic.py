"""Anthropic's Messages API (``anthropic:<model>``), spoken directly over aiohttp.

No SDK is needed, so this provider costs no extra install; the key comes from
``ANTHROPIC_API_KEY`` (or the variable named by ``--api-key-env``).
"""

from __future__ import annotations

import os
from typing import Any

from accord.targets._base import CallError, Completion, TargetIdentity
from accord.targets._openai import HTTPTarget

__all__ = ["AnthropicTarget"]

API_VERSION = "2023-06-01"


class AnthropicTarget(HTTPTarget):
    def __init__(
        self,
        identity: TargetIdentity,
        *,
        timeout: float = 120.0,
        api_key_env: str = "ANTHROPIC_API_KEY",
        max_concurrency: int = 64,
    ) -> None:
        super().__init__(identity, timeout=timeout, api_key=os.environ.get(api_key_env), max_concurrency=max_concurrency)

    def _headers(self) -> dict[str, str]:
        h = super()._headers()
        h["anthropic-version"] = API_VERSION
        if self._api_key:
            h["x-api-key"] = self._api_key
        return h

    async def generate(self, messages: list[dict[str, str]]) -> Completion:
        p = self.identity.params
        system = "\n\n".join(m["content"] for m in messages if m["role"] == "system")
        body: dict[str, Any] = {
            "model": self.identity.model,
            "max_tokens": p.max_tokens,
            "temperature": p.temperature,
            "messages": [m for m in messages if m["role"] != "system"],
        }
        if system:
            body["system"] = system
        if p.top_p is not None:
            body["top_p"] = p.top_p
        data = await self._post("/messages", body)
        try:
            text = "".join(b.get("text", "") for b in data["content"] if b.get("type") == "text")
            usage = data.get("usage") or {}
            return Completion(
                text=text,
                finish_reason=data.get("stop_reason"),
                model=data.get("model"),
                prompt_tokens=usage.get("input_tokens"),
                completion_tokens=usage.get("output_tokens"),
            )
        except (KeyError, TypeError, AttributeError):
            raise CallError("malformed", "response JSON lacks a content list") from None
