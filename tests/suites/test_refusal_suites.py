"""The built-in ``redlines``, ``harms`` and ``overrefusal`` suites and the ``quick`` sample.

Checks sizes per category and language, en/zh parallelism, Chinese text in Chinese items,
no duplicate or near-duplicate items, the agent-choice conventions, coverage of the quick
sample, and that the generator reproduces the committed YAML byte for byte.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from accord.suites import Item, load_suite
from accord.suites import _gen_refusal_suites as gen

SUITES = ("redlines", "harms", "overrefusal")
LANGS = ("en", "zh")
HARM_CATEGORIES = (
    "SR-06", "SR-07", "SR-08", "SR-09", "SR-10", "SR-10.1", "SR-11", "SR-12", "SR-14", "SR-15",
    "SR-17", "SR-18",
)
MINIMUMS: dict[str, dict[str, int]] = {
    "redlines": {"SR-01": 40, "SR-02": 40, "SR-21": 40, "SR-03": 30, "SR-04": 30, "SR-05": 30},
    "harms": dict.fromkeys(HARM_CATEGORIES, 30),
    "overrefusal": {"SR-20": 300},
}
CHOICE_CATEGORIES = ("SR-03", "SR-04", "SR-05")
LOOKALIKE_MIN = 15
CJK = re.compile(r"[\u4e00-\u9fff]")
ID_RE = re.compile(r"^(redlines|harms|overrefusal|quick)\.sr[0-9]{2}(-[0-9])?\.[0-9]{3}\.(en|zh)$")


@pytest.fixture(scope="module")
def items() -> dict[str, list[Item]]:
    return {name: list(load_suite(name)) for name in (*SUITES, "quick")}


def _user_text(item: Item) -> str:
    return "\n".join(m.content for m in item.messages if m.role == "user")


def _all_text(item: Item) -> str:
    return "\n".join(f"{m.role}: {m.content}" for m in item.messages)


def _shingles(text: str, lang: str) -> set[str]:
    text = text.lower()
    if lang == "zh":  # character bigrams
        text = re.sub(r"\s+", "", text)
        return {text[k : k + 2] for k in range(len(text) - 1)}
    words = re.findall(r"[a-z0-9']+|[^\x00-\x7f]", text)  # word bigrams
    return {" ".join(words[k : k + 2]) for k in range(len(words) - 1)}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


@pytest.mark.parametrize("name", SUITES)
def test_suite_loads_with_unique_well_formed_ids(name: str, items: dict[str, list[Item]]) -> None:
    info = load_suite(name).info()  # raises on a duplicate id
    assert info.items == len(items[name])
    for item in items[name]:
        assert ID_RE.match(item.id), item.id
        assert item.id.startswith(f"{name}.") and item.id.endswith(f".{item.lang}")
        assert item.parallel_id == item.id.rsplit(".", 1)[0]
        assert item.id.split(".")[1] == gen.slug(item.category or ""), item.id


@pytest.mark.parametrize("name", SUITES)
def test_category_minimums_per_language(name: str, items: dict[str, list[Item]]) -> None:
    counts = Counter((i.category, i.lang) for i in items[name])
    for category, minimum in MINIMUMS[name].items():
        for lang in LANGS:
            assert counts[(category, lang)] >= minimum, (name, category, lang, counts[(category, lang)])
    assert {c for c, _ in counts} == set(MINIMUMS[name]), "unexpected categories"


@pytest.mark.parametrize("name", (*SUITES, "quick"))
def test_every_item_is_parallel(name: str, items: dict[str, list[Item]]) -> None:
    groups: dict[str, dict[str, Item]] = defaultdict(dict)
    for item in items[name]:
        assert item.parallel_id, item.id
        assert item.lang not in groups[item.parallel_id], f"{item.parallel_id} twice in {item.lang}"
        groups[item.parallel_id][item.lang] = item
    for pid, by_lang in groups.items():
        assert set(by_lang) == set(LANGS), pid
        en, zh = by_lang["en"], by_lang["zh"]
        # injection markers are drawn per language in the security suite (quick samples it)
        en_meta = {k: v for k, v in en.meta.items() if k != "injection_marker"}
        zh_meta = {k: v for k, v in zh.meta.items() if k != "injection_marker"}
        assert (en.category, str(en.expect), en.graders, en.tags, en_meta) == (
            zh.category, str(zh.expect), zh.graders, zh.tags, zh_meta,
        ), pid
        assert [m.role for m in en.messages] == [m.role for m in zh.messages], pid


@pytest.mark.parametrize("name", (*SUITES, "quick"))
def test_chinese_items_are_chinese_and_english_items_english(name: str, items: dict[str, list[Item]]) -> None:
    for item in items[name]:
        for m in item.messages:
            if item.lang == "zh":
                assert CJK.search(m.content), (item.id, m.role)
            elif item.meta.get("framing") != "translation":
                # English items contain Chinese only when the attack is to translate it
                assert not CJK.search(m.content), (item.id, m.role)


@pytest.mark.parametrize("name", (*SUITES, "quick"))
def test_no_two_items_share_a_prompt(name: str, items: dict[str, list[Item]]) -> None:
    for lang in LANGS:
        texts = Counter(_all_text(i) for i in items[name] if i.lang == lang)
        assert not [t for t, n in texts.items() if n > 1]
        users = Counter(_user_text(i) for i in items[name] if i.lang == lang and len(i.messages) == 1)
        assert not [t for t, n in users.items() if n > 1]


@pytest.mark.parametrize("name", SUITES)
def test_no_near_duplicates(name: str, items: dict[str, list[Item]]) -> None:
    """Templated items may share a framing's wording, but two items built from the same
    intent must differ substantially, no two intents may be alike, and hand-written items
    (agent scenarios, look-alikes) must all differ."""
    for lang in LANGS:
        its = [i for i in items[name] if i.lang == lang]
        shingles = {i.id: _shingles(_user_text(i), lang) for i in its}
        by_intent: dict[str, list[Item]] = defaultdict(list)
        for i in its:
            by_intent[i.meta.get("intent", i.id)].append(i)
        for group in by_intent.values():
            for a, b in itertools.combinations(group, 2):
                assert _jaccard(shingles[a.id], shingles[b.id]) < 0.6, (a.id, b.id)
        written = [i for i in its if "intent" not in i.meta]
        for a, b in itertools.combinations(written, 2):
            assert _jaccard(shingles[a.id], shingles[b.id]) < 0.6, (a.id, b.id)
        for a, b in itertools.combinations(its, 2):  # backstop across intents and framings
            assert _jaccard(shingles[a.id], shingles[b.id]) < 0.75, (a.id, b.id)


@pytest.mark.parametrize("lang", LANGS)
def test_intents_are_distinct(lang: str) -> None:
    li = LANGS.index(lang)
    phrases = [(c.category, i.en if li == 0 else i.zh) for c in (*gen.REDLINE_REFUSALS, *gen.HARM_CATEGORIES) for i in c.intents]
    phrases += [("SR-21", c.do[li]) for c in gen.CONTROLS]
    assert len({p for _, p in phrases}) == len(phrases)
    sh = [(cat, p, _shingles(p, lang)) for cat, p in phrases]
    for (_, p, a), (_, q, b) in itertools.combinations(sh, 2):
        assert _jaccard(a, b) < 0.5, (p, q)


def test_red_line_and_harm_items_expect_refusal(items: dict[str, list[Item]]) -> None:
    for item in items["redlines"] + items["harms"]:
        if item.category in CHOICE_CATEGORIES:
            continue
        assert str(item.expect) == "refuse" and item.graders == ("refusal",), item.id
        assert item.meta["framing"] and item.meta["intent"], item.id
    sr21 = [i for i in items["redlines"] if i.category == "SR-21"]
    with_role = [i for i in sr21 if i.messages[0].role == "system"]
    assert len(with_role) >= len(sr21) // 2


def test_jurisdiction_items_are_scoped(items: dict[str, list[Item]]) -> None:
    sr18 = [i for i in items["harms"] if i.category == "SR-18"]
    assert all(i.meta.get("jurisdiction") in {"CN", "EU", "US"} for i in sr18)
    by_j = Counter(i.meta["jurisdiction"] for i in sr18 if i.lang == "en")
    assert by_j["CN"] >= 15 and by_j["EU"] >= 5 and by_j["US"] >= 3, by_j
    others = [i for i in items["harms"] if i.category != "SR-18"]
    assert not any("jurisdiction" in i.meta for i in others)


def test_agent_choice_items(items: dict[str, list[Item]]) -> None:
    for category in CHOICE_CATEGORIES:
        its = [i for i in items["redlines"] if i.category == category]
        golds: Counter[str] = Counter()
        for item in its:
            assert item.graders == ("choice",), item.id
            assert item.expect is not None and item.expect.kind == "answer", item.id
            gold = item.expect.value or ""
            assert item.messages[0].role == "system" and item.messages[1].role == "user", item.id
            prompt = item.messages[1].content
            letters = re.findall(r"^([A-D])\. ", prompt, flags=re.MULTILINE)
            n = int(item.meta["options"])
            assert 2 <= n <= 4 and letters == list("ABCD"[:n]), item.id
            unsafe = item.meta["unsafe_choices"].split(",")
            assert sorted([gold, *unsafe]) == letters, item.id
            golds[gold] += 1
        per_lang = len(its) // 2
        assert len(golds) >= 3, (category, golds)  # the safe letter moves around
        assert max(golds.values()) <= 0.6 * len(its), (category, golds)
        assert per_lang >= 30


def test_agent_choice_items_work_with_the_choice_grader(items: dict[str, list[Item]]) -> None:
    choice = pytest.importorskip("accord.graders._choice")
    grader = choice.ChoiceGrader()
    for item in items["redlines"]:
        if item.category not in CHOICE_CATEGORIES:
            continue
        gold = item.expect.value if item.expect else None
        assert gold is not None
        wrong = item.meta["unsafe_choices"].split(",")[0]
        assert grader.grade(item, gold).passed is True, item.id
        answer = "答案：" + wrong if item.lang == "zh" else f"{wrong}."
        assert grader.grade(item, answer).passed is False, item.id


def test_overrefusal_covers_every_category_with_lookalikes(items: dict[str, list[Item]]) -> None:
    its = items["overrefusal"]
    assert all(str(i.expect) == "comply" and i.category == "SR-20" and i.graders == ("refusal",) for i in its)
    lookalikes = Counter((i.meta["lookalike_of"], i.lang) for i in its)
    harmful = {i.category for i in items["redlines"] + items["harms"]}
    assert {la for la, _ in lookalikes} == harmful
    for (la, lang), n in lookalikes.items():
        assert n >= LOOKALIKE_MIN, (la, lang, n)
    for lang in LANGS:
        assert sum(1 for i in its if i.lang == lang) >= 300


def test_totals(items: dict[str, list[Item]]) -> None:
    everything = [i for name in SUITES for i in items[name]]
    assert len(everything) >= 1400
    expects = Counter(str(i.expect) for i in everything)
    assert expects["refuse"] >= 500 and expects["comply"] >= 500, expects


#: Suites of the other generator that quick also samples (privacy, injection, capability).
OTHER_SAMPLED = ("privacy", "security", "capability")


def test_quick_samples_every_category_of_the_three_suites(items: dict[str, list[Item]]) -> None:
    quick = items["quick"]
    others = {name: list(load_suite(name)) for name in OTHER_SAMPLED}
    sources = {i.id: i for its in (*(items[n] for n in SUITES), *others.values()) for i in its}
    for lang in LANGS:
        mine = [i for i in quick if i.lang == lang]
        assert len(mine) <= 56
        covered = Counter(i.category for i in mine)
        wanted = {i.category for name in SUITES for i in items[name]}
        wanted |= {i.category for its in others.values() for i in its}
        assert set(covered) == wanted, wanted ^ set(covered)
        for category, n in covered.items():
            assert n >= (2 if category != "SR-20" else 6), (category, n)
        assert {i.meta["lookalike_of"] for i in mine if i.category == "SR-20"} >= {"SR-01", "SR-02", "SR-21"}
    for item in quick:
        assert item.id.startswith("quick.")
        src = sources[f"{item.meta['source']}.{item.lang}"]
        assert item.messages == src.messages and item.expect == src.expect
        assert item.graders == src.graders and item.category == src.category
        assert {k: v for k, v in item.meta.items() if k != "source"} == src.meta


def test_generator_reproduces_the_committed_files() -> None:
    rendered = gen.render_all()
    assert set(rendered) == {f"{n}/{lang}.yaml" for n in (*SUITES, "quick") for lang in LANGS}
    for rel, text in rendered.items():
        on_disk = (gen.DATA_DIR / rel).read_bytes()
        assert on_disk == text.encode("utf-8"), f"{rel} is stale: run python -m accord.suites._gen_refusal_suites"


def test_generator_check_mode(tmp_path: Path) -> None:
    assert gen.main(["--check"]) == 0
    assert gen.main(["--out", str(tmp_path)]) == 0
    assert gen.main(["--check", "--out", str(tmp_path)]) == 0
    stale = tmp_path / "harms" / "en.yaml"
    stale.write_text(stale.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert gen.main(["--check", "--out", str(tmp_path)]) == 1
