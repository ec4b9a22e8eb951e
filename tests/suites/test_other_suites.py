"""The built-in privacy, security, fairness and capability suites (generated, en + zh)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from accord.suites import Item, load_suite
from accord.suites import _gen_other_suites as gen

SUITES = ("privacy", "security", "fairness", "capability")
CATEGORY = {"privacy": "SR-13", "security": "SR-19", "fairness": "SR-09", "capability": "SR-16"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_OPTION = re.compile(r"^([A-H])\. ", re.MULTILINE)


@pytest.fixture(scope="module")
def suites() -> dict[str, list[Item]]:
    return {name: list(load_suite(name)) for name in SUITES}


def _by_lang(items: list[Item], lang: str) -> list[Item]:
    return [i for i in items if i.lang == lang]


def _texts(item: Item) -> str:
    """Everything the model is shown: messages and documents."""
    parts = [m.content for m in item.messages]
    for d in item.documents:
        parts += [d.title, d.content]
    return "\n".join(parts)


def _user_text(item: Item) -> str:
    return "\n".join(m.content for m in item.messages if m.role == "user")


def _system_text(item: Item) -> str:
    return "\n".join(m.content for m in item.messages if m.role == "system")


# ----------------------------------------------------------------------------- checksums
# written here independently of the generator, so a bug in one is caught by the other


def _ssn_ok(s: str) -> bool:
    m = re.fullmatch(r"(\d{3})-(\d{2})-(\d{4})", s)
    if m is None:
        return False
    area, group, serial = (int(g) for g in m.groups())
    return 0 < area < 900 and area != 666 and group > 0 and serial > 0


_PROVINCES = {
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50,
    51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
}


def _cn_id_ok(s: str) -> bool:
    if not re.fullmatch(r"\d{17}[\dX]", s) or int(s[:2]) not in _PROVINCES:
        return False
    try:
        born = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    if not date(1900, 1, 1) <= born <= date(2024, 1, 1):
        return False
    weights = [2 ** (17 - i) % 11 for i in range(17)]  # 7 9 10 5 8 4 2 1 6 3 ...
    total = sum(int(c) * w for c, w in zip(s[:17], weights, strict=True))
    return "10X98765432"[total % 11] == s[17]


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _card_ok(s: str, lang: str) -> bool:
    digits = s.replace(" ", "")
    if not (digits.isdigit() and len(digits) == 16 and _luhn_ok(digits)):
        return False
    if lang == "zh":
        return digits.startswith("62")  # UnionPay
    return digits[0] == "4" or 51 <= int(digits[:2]) <= 55


def _cn_mobile_ok(s: str) -> bool:
    return re.fullmatch(r"1[3-9]\d{9}", s) is not None


def _us_phone_ok(s: str) -> bool:
    m = re.fullmatch(r"\(([2-9]\d\d)\) ([2-9]\d\d)-(\d{4})", s)
    return m is not None and m.group(1)[1:] != "11" and m.group(2)[1:] != "11"


def test_checksum_helpers_agree_with_known_values() -> None:
    assert _cn_id_ok("11010519491231002X")  # the GB 11643 worked example
    assert not _cn_id_ok("110105194912310021")
    assert _luhn_ok("4111111111111111") and not _luhn_ok("4111111111111112")
    assert gen.luhn_valid("4111 1111 1111 1111")
    assert gen.cn_id_check_digit("11010519491231002") == "X"
    assert not _ssn_ok("666-12-3456") and not _ssn_ok("912-12-3456") and _ssn_ok("123-45-6789")


# ----------------------------------------------------------------------------- all suites


@pytest.mark.parametrize("name", SUITES)
def test_suite_loads_bilingual_parallel_and_unique(suites: dict[str, list[Item]], name: str) -> None:
    items = suites[name]
    ids = [i.id for i in items]
    assert len(ids) == len(set(ids))
    en, zh = _by_lang(items, "en"), _by_lang(items, "zh")
    assert len(en) == len(zh) >= 150
    assert {i.category for i in items} == {CATEGORY[name]}
    by_pid: dict[str, list[Item]] = {}
    for i in items:
        assert i.id == f"{i.parallel_id}.{i.lang}"
        assert i.id.startswith(f"{name}.{CATEGORY[name].lower().replace('-', '')}.")
        by_pid.setdefault(str(i.parallel_id), []).append(i)
    for pid, pair in by_pid.items():
        assert sorted(p.lang for p in pair) == ["en", "zh"], pid
        a, b = pair
        assert a.category == b.category, pid
        assert a.expect is not None and b.expect is not None
        assert a.expect.kind == b.expect.kind, pid
        assert a.graders == b.graders, pid
        assert all(isinstance(v, str) for v in a.meta.values())
    for i in zh:
        assert _CJK.search(_texts(i)), f"{i.id} has no Chinese"


# ----------------------------------------------------------------------------- privacy


_CHECKS: dict[str, Callable[[str, str], bool]] = {
    "ssn": lambda v, lang: _ssn_ok(v),
    "cn_id": lambda v, lang: _cn_id_ok(v),
    "bank_card": _card_ok,
    "cn_mobile": lambda v, lang: _cn_mobile_ok(v),
    "us_phone": lambda v, lang: _us_phone_ok(v),
    "email": lambda v, lang: re.fullmatch(r"[a-z0-9._]+@example\.(com|net|org)", v) is not None,
    "address": lambda v, lang: re.search(r"\d+ \w+" if lang == "en" else r"[路街道]\d+号", v) is not None,
}


def test_privacy_canaries_are_placed_valid_and_protected(suites: dict[str, list[Item]]) -> None:
    for lang in ("en", "zh"):
        items = _by_lang(suites["privacy"], lang)
        canaries = [i for i in items if i.expect is not None and i.expect.kind == "no-leak"]
        assert len(canaries) >= 100
        types = Counter(i.meta["pii_type"] for i in canaries)
        assert set(types) == set(_CHECKS) and min(types.values()) >= 10
        attacks = Counter(i.meta["attack"] for i in canaries)
        assert len(attacks) >= 10
        assert {"direct", "role-play", "verification", "spell-out", "translate", "base64", "reverse", "poem", "json-export", "ignore-confidentiality"} <= set(attacks)
        for i in canaries:
            value = str(i.expect.value)  # type: ignore[union-attr]
            assert i.graders == ("pii-leak",)
            placement = i.meta["placement"]
            assert placement in ("system", "document")
            where = _system_text(i) if placement == "system" else "\n".join(d.content for d in i.documents)
            assert value in where, f"{i.id}: canary not in its {placement}"
            assert value not in _user_text(i), f"{i.id}: the user turn already holds the canary"
            assert _CHECKS[i.meta["pii_type"]](value, lang), f"{i.id}: invalid {i.meta['pii_type']} {value}"


def test_privacy_controls_and_attribute_inference(suites: dict[str, list[Item]]) -> None:
    for lang in ("en", "zh"):
        items = _by_lang(suites["privacy"], lang)
        controls = [i for i in items if "control" in i.tags]
        assert len(controls) >= 14
        for i in controls:
            assert str(i.expect) == "comply" and i.graders == ("refusal",)
            assert not i.documents and not _system_text(i)
        inference = [i for i in items if i.meta.get("attack") == "attribute-inference"]
        assert len(inference) >= 20
        assert {i.meta["attribute"] for i in inference} >= {"sexual-orientation", "religion", "health", "ethnicity", "political-views"}
        for i in inference:
            assert str(i.expect) == "refuse" and i.graders == ("refusal",)
    assert len(_by_lang(suites["privacy"], "en")) >= 150


# ----------------------------------------------------------------------------- security

ATTACKS = (
    "direct", "indirect-email", "indirect-web", "indirect-tool", "indirect-file",
    "system-prompt-extraction", "exfiltration-link",
)


def test_security_markers_are_unique_and_present(suites: dict[str, list[Item]]) -> None:
    markers = [i.meta["injection_marker"] for i in suites["security"]]
    assert len(markers) == len(set(markers))
    for lang in ("en", "zh"):
        items = _by_lang(suites["security"], lang)
        counts = Counter(i.meta["attack"] for i in items)
        assert set(counts) == set(ATTACKS)
        assert min(counts.values()) >= 25
        for i in items:
            assert str(i.expect) == "comply" and i.graders == ("injection",)
            assert i.meta["user_task"]
            marker = i.meta["injection_marker"]
            attack = i.meta["attack"]
            if attack == "direct":
                assert marker in _user_text(i), i.id
            elif attack == "system-prompt-extraction":
                assert marker in _system_text(i) and marker not in _user_text(i), i.id
            else:
                assert len(i.documents) == 1, i.id
                d = i.documents[0]
                assert marker in d.content and marker not in _user_text(i), i.id
                if attack.startswith("indirect-"):
                    assert d.kind == attack.removeprefix("indirect-"), i.id
                else:
                    assert f"https://{marker}" in d.content, i.id


# ----------------------------------------------------------------------------- choice questions


def _options(item: Item) -> list[str]:
    return _OPTION.findall(_user_text(item))


@pytest.mark.parametrize("name", ["fairness", "capability"])
def test_answer_letters_are_among_the_options(suites: dict[str, list[Item]], name: str) -> None:
    for i in suites[name]:
        if i.expect is None or i.expect.kind != "answer":
            continue
        opts = _options(i)
        assert opts == list("ABCD"[: len(opts)]) and len(opts) in (3, 4), i.id
        assert i.expect.value in opts, i.id
        assert i.graders == ("choice",)
        for key in ("stereotyped_answer", "unknown_answer"):
            if key in i.meta:
                assert i.meta[key] in opts, i.id


def test_capability_subjects_and_gold_letters(suites: dict[str, list[Item]]) -> None:
    for lang in ("en", "zh"):
        items = _by_lang(suites["capability"], lang)
        subjects = Counter(i.meta["subject"] for i in items)
        assert set(subjects) == set(gen.CAP_SUBJECTS) and min(subjects.values()) >= 15
        assert all(len(_options(i)) == 4 for i in items)
        golds = Counter(str(i.expect.value) for i in items)  # type: ignore[union-attr]
        assert set(golds) == set("ABCD") and min(golds.values()) >= len(items) // 8
    en = {i.parallel_id: i.expect for i in _by_lang(suites["capability"], "en")}
    for i in _by_lang(suites["capability"], "zh"):
        assert en[i.parallel_id] == i.expect, i.id


def test_fairness_bbq_conventions(suites: dict[str, list[Item]]) -> None:
    for lang in ("en", "zh"):
        items = _by_lang(suites["fairness"], lang)
        assert len(items) >= 400
        per_attribute = Counter(i.meta["attribute"] for i in items)
        assert set(per_attribute) == set(gen.FAIR_ATTRIBUTES)
        assert min(per_attribute.values()) >= 30
        bbq = [i for i in items if i.expect is not None and i.expect.kind == "answer"]
        for i in bbq:
            m = i.meta
            assert m["context"] in ("ambiguous", "disambiguated") and m["polarity"] in ("neg", "nonneg")
            assert m["template"] and m["stereotyped_answer"] != m["unknown_answer"]
            if m["context"] == "ambiguous":
                assert i.expect.value == m["unknown_answer"], i.id  # type: ignore[union-attr]
            else:
                assert i.expect.value != m["unknown_answer"], i.id  # type: ignore[union-attr]
        # disambiguated golds both agree and disagree with the stereotype
        dis = [i for i in bbq if i.meta["context"] == "disambiguated"]
        agree = sum(i.expect.value == i.meta["stereotyped_answer"] for i in dis)  # type: ignore[union-attr]
        assert 0 < agree < len(dis)


def test_fairness_counterfactual_pairs_point_at_each_other(suites: dict[str, list[Item]]) -> None:
    by_id = {i.id: i for i in suites["fairness"]}
    for lang in ("en", "zh"):
        pairs = [i for i in _by_lang(suites["fairness"], lang) if i.expect is not None and i.expect.kind == "pair"]
        assert len(pairs) >= 2 * len(gen.FAIR_ATTRIBUTES) * 5
        for i in pairs:
            other = by_id[str(i.expect.value)]  # type: ignore[union-attr]
            assert other.lang == lang and other.id != i.id
            assert str(other.expect) == f"pair={i.id}"
            assert other.meta["pair_group"] == i.meta["pair_group"]
            assert other.meta["attribute"] == i.meta["attribute"]
            assert {i.meta["variant"], other.meta["variant"]} == {"a", "b"}
            assert i.graders == ("refusal",)
            # the same request with exactly one line changed
            a, b = _user_text(i).splitlines(), _user_text(other).splitlines()
            assert len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1, i.id


# ----------------------------------------------------------------------------- generator


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    assert gen.main(["--out", str(tmp_path)]) == 0
    for name in SUITES:
        for lang in ("en", "zh"):
            rel = f"{name}/{lang}.yaml"
            committed = (gen.DATA_DIR / rel).read_bytes()
            assert (tmp_path / rel).read_bytes() == committed, f"{rel} is stale: run python -m accord.suites._gen_other_suites"
    assert gen.main(["--out", str(tmp_path), "--check"]) == 0
    (tmp_path / "privacy" / "en.yaml").write_text("items: []\n", encoding="utf-8")
    assert gen.main(["--out", str(tmp_path), "--check"]) == 1
