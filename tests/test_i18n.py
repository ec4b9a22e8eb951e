"""Every message exists in English and Chinese, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from accord.i18n import catalog, set_lang, t


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_catalogues_have_the_same_keys_and_placeholders() -> None:
    en, zh = catalog("en"), catalog("zh")
    assert set(en) == set(zh)
    for key in en:
        assert _fields(en[key]) == _fields(zh[key]), key


def test_chinese_entries_are_chinese() -> None:
    zh = catalog("zh")
    for key, text in zh.items():
        if key in ("progress.eta",):
            continue
        # placeholders, file names, flags and code literals stay untranslated
        rest = re.sub(r"\{[^}]*\}|`[^`]*`|[\w./-]+\.(json|jsonl|yaml|accord|html|md)\b|--[\w-]+", "", text)
        assert re.search(r"[\u4e00-\u9fff]", text) or not re.search(r"[A-Za-z]{4,}", rest), key


def test_switching_language() -> None:
    set_lang("zh")
    try:
        assert t("summary.total") == "合计"
        assert t("summary.total", in_lang="en") == "All"
    finally:
        set_lang(None)
    with pytest.raises(ValueError):
        set_lang("fr")


def test_missing_key_falls_back_to_the_key() -> None:
    assert t("no.such.key") == "no.such.key"
