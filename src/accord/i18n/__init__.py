"""One message catalogue for every user-facing string, in English and Chinese.

The language is chosen by ``set_lang`` (the CLI's ``--lang``), else ``ACCORD_LANG``, else the
locale (``LC_ALL``/``LC_MESSAGES``/``LANG`` starting with ``zh`` selects Chinese).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any, Literal

__all__ = ["LANGS", "current_lang", "set_lang", "t"]

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
_lang: Lang | None = None


@cache
def catalog(lang: str) -> dict[str, str]:
    """All messages of ``lang``: ``<lang>.json`` plus every ``<area>.<lang>.json`` beside it
    (each part of Accord keeps its own catalogue file; a key defined twice is an error)."""
    here = Path(__file__).parent
    data: dict[str, str] = {}
    for path in [here / f"{lang}.json", *sorted(here.glob(f"*.{lang}.json"))]:
        part: dict[str, str] = json.loads(path.read_text("utf-8"))
        clash = data.keys() & part.keys()
        if clash:
            raise ValueError(f"message keys defined twice ({path.name}): {sorted(clash)[:3]}")
        data.update(part)
    return data


def _detect() -> Lang:
    env = os.environ.get("ACCORD_LANG")
    if env in LANGS:
        return env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        v = os.environ.get(var, "")
        if v:
            return "zh" if v.lower().startswith("zh") else "en"
    return "en"


def set_lang(lang: str | None) -> None:
    """Choose the language for this process (None: detect from the environment)."""
    global _lang
    if lang is not None and lang not in LANGS:
        raise ValueError(f"language {lang!r} is not one of {', '.join(LANGS)}")
    _lang = lang if lang in LANGS else None


def current_lang() -> Lang:
    return _lang or _detect()


def t(key: str, *, in_lang: str | None = None, **params: Any) -> str:
    """The message ``key`` in the current language (or ``in_lang``), formatted with ``params``.

    Falls back to English, then to the key itself, so a missing translation never crashes.
    """
    lg = in_lang or current_lang()
    text = catalog(lg).get(key) or catalog("en").get(key) or key
    return text.format(**params) if params else text
