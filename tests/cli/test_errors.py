"""Bad input: one line naming the problem and the fix, a non-zero exit, never a traceback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from helpers import accord_cli, write_jsonl_suite


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _assert_one_line_error(proc: object, *fragments: str) -> None:
    rc, err = proc.returncode, proc.stderr  # type: ignore[attr-defined]
    assert rc not in (0, None)
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.startswith(("accord: error:", "Error:"))]
    assert len(lines) == 1, err
    for f in fragments:
        assert f in lines[0], lines[0]


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    return write_jsonl_suite(tmp_path / "s.jsonl", 3)


def test_unknown_provider(tmp_path: Path, suite: Path) -> None:
    p = accord_cli("run", "--target", "opneai:gpt", "--suite", str(suite), cwd=tmp_path)
    _assert_one_line_error(p, "unknown provider 'opneai'", "Did you mean 'openai'")


def test_target_without_model(tmp_path: Path, suite: Path) -> None:
    p = accord_cli("run", "--target", "openai", "--suite", str(suite), cwd=tmp_path)
    _assert_one_line_error(p, "provider:model")


def test_unreachable_url(tmp_path: Path, suite: Path) -> None:
    url = f"http://127.0.0.1:{_free_port()}/v1"
    p = accord_cli("run", "--target", "openai:m", "--base-url", url, "--suite", str(suite), cwd=tmp_path)
    _assert_one_line_error(p, f"cannot reach {url}", "start the server or fix --base-url")


def test_malformed_suite_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "prompt": "x"}\n{"id": "b", "prompt": oops}\n')
    p = accord_cli("run", "--target", "openai:m", "--base-url", "http://127.0.0.1:9/v1", "--suite", str(bad), cwd=tmp_path)
    _assert_one_line_error(p, "bad.jsonl:2", "not valid JSON")


def test_missing_suite_file(tmp_path: Path) -> None:
    p = accord_cli("run", "--target", "openai:m", "--suite", "nowhere/s.jsonl", cwd=tmp_path)
    _assert_one_line_error(p, "nowhere/s.jsonl does not exist")


def test_missing_model_file(tmp_path: Path, suite: Path) -> None:
    p = accord_cli("run", "--target", "gguf:/no/such/model.gguf", "--suite", str(suite), cwd=tmp_path)
    _assert_one_line_error(p, "model file /no/such/model.gguf not found")


def test_not_a_model_file(tmp_path: Path, suite: Path) -> None:
    fake = tmp_path / "fake.gguf"
    fake.write_bytes(b"not a model")
    p = accord_cli("run", "--target", f"gguf:{fake}", "--suite", str(suite), cwd=tmp_path)
    _assert_one_line_error(p, "cannot load", "GGUF")


def test_offline_refuses_remote_endpoint(tmp_path: Path, suite: Path) -> None:
    p = accord_cli("run", "--offline", "--target", "openai:m", "--base-url", "http://example.com/v1", "--suite", str(suite), cwd=tmp_path)
    _assert_one_line_error(p, "--offline refused the endpoint http://example.com/v1")


def test_offline_default_openai_endpoint_is_refused(tmp_path: Path, suite: Path) -> None:
    env = {"OPENAI_BASE_URL": ""}
    p = accord_cli("run", "--offline", "--target", "openai:gpt-4o", "--suite", str(suite), cwd=tmp_path, env=env)
    _assert_one_line_error(p, "--offline refused the endpoint https://api.openai.com/v1")


def test_bad_flag_value(tmp_path: Path, suite: Path) -> None:
    p = accord_cli("run", "--target", "openai:m", "--suite", str(suite), "--concurrency", "0", cwd=tmp_path)
    _assert_one_line_error(p, "--concurrency")


def test_errors_in_chinese(tmp_path: Path, suite: Path) -> None:
    p = accord_cli("--lang", "zh", "run", "--target", "opneai:gpt", "--suite", str(suite), cwd=tmp_path)
    assert p.returncode == 2 and "accord：错误：" in p.stderr and "Traceback" not in p.stderr
