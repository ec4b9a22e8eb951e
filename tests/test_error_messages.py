"""Error messages go through the i18n catalogue: English unchanged, Chinese really Chinese."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest

import accord.i18n
from accord import _net
from accord.errors import AccordError, MissingExtraError
from accord.i18n import catalog, set_lang
from accord.suites import load_suite
from accord.targets import create_target

I18N = Path(accord.i18n.__file__).parent
SRC = I18N.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def _errors_file(lang: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((I18N / f"errors.{lang}.json").read_text("utf-8"))
    return data


def test_error_keys_exist_in_both_languages_with_the_same_placeholders() -> None:
    en, zh = _errors_file("en"), _errors_file("zh")
    assert set(en) == set(zh)
    assert all(k.startswith("err.") for k in en)
    en_all, zh_all = catalog("en"), catalog("zh")
    err_keys = {k for k in en_all if k.startswith("err.")}
    assert err_keys == {k for k in zh_all if k.startswith("err.")}
    for key in err_keys:
        assert _fields(en_all[key]) == _fields(zh_all[key]), key
        assert CJK.search(zh_all[key]), key


def test_every_error_key_used_in_the_source_is_defined() -> None:
    en = catalog("en")
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        used.update(re.findall(r"""\bt\(\s*["'](err\.[\w.]+)["']""", path.read_text("utf-8")))
    assert used, "no err.* keys found in the source"
    assert sorted(used - en.keys()) == []


def _message(fn: Callable[[], object], lang: str) -> str:
    set_lang(lang)
    try:
        with pytest.raises(AccordError) as info:
            fn()
        return str(info.value)
    finally:
        set_lang(None)


def _both(fn: Callable[[], object]) -> tuple[str, str]:
    en, zh = _message(fn, "en"), _message(fn, "zh")
    assert not CJK.search(en), en
    assert CJK.search(zh), zh
    assert en != zh
    return en, zh


def test_unknown_suite_name() -> None:
    en, zh = _both(lambda: load_suite("quik"))
    from accord.suites import builtin_suite_names

    assert en == (
        f"unknown suite 'quik'. Did you mean 'quick'? Built-in suites: {', '.join(builtin_suite_names())}; "
        "or pass a path to a .yaml/.jsonl file"
    )
    for s in ("'quik'", "'quick'", ".yaml/.jsonl"):
        assert s in zh
    assert "Did you mean" not in zh


def test_malformed_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "prompt": "x"}\n{not json\n', encoding="utf-8")
    en, zh = _both(lambda: list(load_suite(path)))
    assert en.startswith(f"{path}:2: not valid JSON (")
    assert en.endswith("); each line must be one JSON object")
    assert f"{path}:2" in zh
    assert "JSON" in zh


def test_unknown_provider() -> None:
    en, zh = _both(lambda: create_target("opena:gpt-4o-mini"))
    assert en == (
        "unknown provider 'opena' in target 'opena:gpt-4o-mini'. Did you mean 'openai'? "
        "Providers: openai, anthropic, gguf"
    )
    for s in ("'opena'", "'opena:gpt-4o-mini'", "'openai'", "openai, anthropic, gguf"):
        assert s in zh


def test_missing_gguf_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "model.gguf"
    en, zh = _both(lambda: create_target(f"gguf:{missing}"))
    assert en.startswith(f"model file {missing} not found; give a path to a .gguf file")
    assert str(missing) in zh
    assert ".gguf" in zh


def test_offline_refusal() -> None:
    url = "https://api.example.com/v1"
    _net.enable_offline(True)
    try:
        en, zh = _both(lambda: _net.check_endpoint(url))
    finally:
        _net.enable_offline(False)
    assert en.startswith(f"--offline refused the endpoint {url}: only loopback addresses")
    assert url in zh
    assert "--offline" in zh
    assert "127.0.0.1" in zh


def test_missing_extra_message() -> None:
    en, zh = _both(lambda: _raise(MissingExtraError("the X feature", "local", "xllamacpp")))
    assert en == (
        "the X feature needs the optional extra 'local': pip install 'accord-eval[local]' "
        "(or: pip install xllamacpp)"
    )
    assert "pip install 'accord-eval[local]'" in zh
    assert "pip install xllamacpp" in zh


def _raise(e: Exception) -> None:
    raise e
