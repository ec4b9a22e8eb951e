"""Network policy: under ``--offline`` nothing but loopback is ever contacted.

Three layers, so no code path slips through:

1. every endpoint a target is given is checked before the run starts (a host name other
   than ``localhost`` is refused without even a DNS lookup);
2. HTTP sessions use a resolver that only ever returns loopback addresses;
3. a process-wide audit hook refuses ``socket.connect`` to anything but loopback (covers
   third-party code that opens its own sockets).
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from typing import Any
from urllib.parse import urlsplit

from accord.errors import OfflineViolation
from accord.i18n import t

__all__ = ["check_endpoint", "enable_offline", "is_loopback_host", "offline_enabled"]

_OFFLINE = False
_HOOKED = False


def offline_enabled() -> bool:
    return _OFFLINE


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and loopback IP literals (127.0.0.0/8, ::1)."""
    h = host.strip("[]").lower()
    if h == "localhost" or h.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def check_endpoint(url: str) -> None:
    """Refuse ``url`` under ``--offline`` unless it is a loopback address."""
    if not _OFFLINE:
        return
    host = urlsplit(url).hostname or ""
    if not is_loopback_host(host):
        raise OfflineViolation(t("err.offline.endpoint", url=url))


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _OFFLINE or event != "socket.connect":
        return
    sock, address = args[0], args[1]
    if getattr(sock, "family", None) == socket.AF_UNIX:
        return
    if isinstance(address, tuple) and address and not is_loopback_host(str(address[0])):
        port = address[1] if len(address) > 1 else ""
        raise OfflineViolation(t("err.offline.connection", host=address[0], port=port))


def enable_offline(on: bool = True) -> None:
    """Turn the offline policy on (or off, for tests) for this process."""
    global _OFFLINE, _HOOKED
    _OFFLINE = on
    if on and not _HOOKED:
        sys.addaudithook(_audit)
        _HOOKED = True


def loopback_resolver() -> Any:
    """An aiohttp resolver that refuses non-loopback answers while offline."""
    from aiohttp.abc import AbstractResolver, ResolveResult
    from aiohttp.resolver import DefaultResolver

    class _Resolver(AbstractResolver):
        def __init__(self) -> None:
            self._inner = DefaultResolver()

        async def resolve(
            self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
        ) -> list[ResolveResult]:
            if _OFFLINE and not is_loopback_host(host):
                raise OfflineViolation(t("err.offline.connection", host=host, port=port))
            results = await self._inner.resolve(host, port, family)
            if _OFFLINE:
                results = [r for r in results if is_loopback_host(r["host"])]
                if not results:
                    raise OfflineViolation(t("err.offline.not_loopback", host=host))
            return results

        async def close(self) -> None:
            await self._inner.close()

    return _Resolver()
