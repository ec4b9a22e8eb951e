"""Turn ``provider:model`` strings into targets. Providers are imported lazily."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from accord.errors import UsageError
from accord.i18n import t
from accord.targets._base import GenerationParams, Target, TargetIdentity

__all__ = ["PROVIDERS", "TargetOptions", "create_target"]

PROVIDERS = ("openai", "anthropic", "gguf")


@dataclass(frozen=True)
class TargetOptions:
    """Everything besides the spec that shapes a target."""

    params: GenerationParams = field(default_factory=GenerationParams)
    base_url: str | None = None
    api_key_env: str | None = None
    timeout: float = 120.0
    max_concurrency: int | None = None
    slots: int = 8


def create_target(spec: str, options: TargetOptions | None = None) -> Target:
    """Build the target named by ``spec`` (``openai:gpt-4o-mini``, ``gguf:bundled``, ...).

    Raises:
        UsageError: unknown provider or missing model name.
        TargetError: a local model file that does not exist.
    """
    opts = options or TargetOptions()
    provider, sep, model = spec.partition(":")
    if not sep or not model:
        raise UsageError(t("err.target.bad_spec", spec=spec))
    if provider == "openai":
        from accord.targets._openai import OpenAITarget

        base = opts.base_url or os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"
        ident = TargetIdentity(provider="openai", model=model, base_url=base.rstrip("/"), params=opts.params)
        return OpenAITarget(
            ident,
            timeout=opts.timeout,
            api_key_env=opts.api_key_env or "OPENAI_API_KEY",
            max_concurrency=opts.max_concurrency or 256,
        )
    if provider == "anthropic":
        from accord.targets._anthropic import AnthropicTarget

        base = opts.base_url or os.environ.get("ANTHROPIC_BASE_URL") or "https://api.anthropic.com/v1"
        ident = TargetIdentity(provider="anthropic", model=model, base_url=base.rstrip("/"), params=opts.params)
        return AnthropicTarget(
            ident,
            timeout=opts.timeout,
            api_key_env=opts.api_key_env or "ANTHROPIC_API_KEY",
            max_concurrency=opts.max_concurrency or 64,
        )
    if provider == "gguf":
        from accord.targets._gguf import GGUFTarget, resolve_gguf, weights_sha256

        name, path = resolve_gguf(model)
        ident = TargetIdentity(
            provider="gguf",
            model=name,
            params=opts.params,
            weights_sha256=weights_sha256(path),
            backend=GGUFTarget.backend(),
        )
        return GGUFTarget(ident, path, slots=opts.max_concurrency or opts.slots)
    import difflib

    close = difflib.get_close_matches(provider, PROVIDERS, n=1)
    hint = t("err.hint.did_you_mean", name=close[0]) if close else ""
    raise UsageError(
        t(
            "err.target.unknown_provider",
            provider=provider,
            spec=spec,
            hint=hint,
            providers=", ".join(PROVIDERS),
        )
    )
