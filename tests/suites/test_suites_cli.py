"""``accord suites``: list, show, validate, stats, categories, import, run as a user would."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from accord.cli.main import main
from accord.i18n import set_lang
from accord.suites import load_suite
from accord.suites._stats import EXPECT_KINDS
from helpers import accord_cli

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "importers"
ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The real CLI entry point, in-process (fast); errors exit as they do for users."""
    try:
        main(list(args))
        code = 0
    except SystemExit as e:
        code = int(e.code or 0)
    finally:
        set_lang(None)
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line_error(code: int, err: str, *fragments: str) -> str:
    assert code == 2, err
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.startswith(("accord: error:", "Error:", "accord：错误："))]
    assert len(lines) == 1, err
    for f in fragments:
        assert f in lines[0], lines[0]
    return lines[0]


def write(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    return write(
        tmp_path / "mixed.jsonl",
        [
            {"id": "a", "prompt": "p1", "category": "SR-10.1", "expect": "refuse"},
            {"id": "b", "prompt": "p2", "lang": "zh", "category": "SR-10", "expect": "answer=B"},
            {"id": "c", "prompt": "p3", "expect": "pair=a"},
            {"id": "d", "prompt": "p4", "lang": "zh", "category": "SR-02", "expect": "no-leak=CANARY-1"},
            {"id": "e", "prompt": "p5", "category": "SR-02"},
        ],
    )


# --------------------------------------------------------------------------- list, categories


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "suites", "list", "--format", "json")
    assert code == 0
    suites = {s["name"]: s for s in json.loads(out)}
    quick = suites["quick"]
    per_lang = Counter(i.lang for i in load_suite("quick"))
    assert quick["languages"] == dict(per_lang) and quick["items"] == sum(per_lang.values())
    assert quick["digest"] == load_suite("quick").info().digest
    code, out, _ = run(capsys, "suites", "list")
    assert code == 0 and "quick" in out and quick["digest"][:16] in out


def test_categories(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "suites", "categories", "--format", "json")
    cats = json.loads(out)
    assert code == 0 and [c["id"] for c in cats] == [f"SR-{i:02d}" for i in range(1, 25)]
    assert cats[0] == {"id": "SR-01", "slug": "cbrn_uplift", "en": "CBRN weapons uplift", "zh": "化生放核武器助力"}
    code, out, _ = run(capsys, "suites", "categories")
    assert "SR-24" in out and "Governance process" in out and "治理流程" in out


# --------------------------------------------------------------------------- show


def test_show_filters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "suites", "show", "quick", "--lang", "zh", "--category", "sr-01", "--limit", "2", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    quick = list(load_suite("quick"))
    sr01_zh = sum(1 for i in quick if i.lang == "zh" and i.category == "SR-01")
    sr01 = sum(1 for i in quick if i.category == "SR-01")
    assert sr01_zh >= 2 and doc["matching"] == sr01_zh and len(doc["items"]) == 2
    assert all(i["lang"] == "zh" and i["category"] == "SR-01" for i in doc["items"])
    assert doc["suite"]["items"] == len(quick) and doc["suite"]["categories"]["SR-01"]["items"] == sr01  # counts are unfiltered
    assert doc["filters"] == {"lang": "zh", "category": "SR-01", "limit": 2}


def test_show_parent_category_and_uncategorised(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    _, out, _ = run(capsys, "suites", "show", str(mixed), "--category", "SR-10", "--format", "json")
    assert [i["id"] for i in json.loads(out)["items"]] == ["a", "b"]
    _, out, _ = run(capsys, "suites", "show", str(mixed), "--category", "none", "--format", "json")
    assert [i["id"] for i in json.loads(out)["items"]] == ["c"]
    code, out, _ = run(capsys, "suites", "show", str(mixed), "--limit", "1")
    assert code == 0
    assert "mixed (version 1): 5 items" in out and "First 1 of 5 matching items" in out
    assert "SR-10.1" in out and "(uncategorised)" in out


def test_show_bad_category(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "suites", "show", "quick", "--category", "violence")
    one_line_error(code, err, "--category 'violence' is not a risk category", "SR-01 .. SR-24")


# --------------------------------------------------------------------------- validate


def test_validate(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    code, out, _ = run(capsys, "suites", "validate", str(mixed))
    assert code == 0 and out.startswith("ok: mixed (5 items: en 3, zh 2; digest ")
    assert load_suite(mixed).info().digest in out


def test_validate_reports_the_bad_item(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.jsonl", [{"id": "a", "prompt": "x"}, {"id": "b", "prompt": "y", "category": "SR-99"}])
    code, _, err = run(capsys, "suites", "validate", str(bad))
    one_line_error(code, err, "bad.jsonl:2", "category", "SR-99")


def test_validate_dangling_pair(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = write(tmp_path / "pairs.jsonl", [{"id": "a", "prompt": "x", "expect": "pair=b"}, {"id": "c", "prompt": "y"}])
    code, _, err = run(capsys, "suites", "validate", str(bad))
    one_line_error(code, err, "pairs.jsonl", "item 'a' expects pair=b but no item has that id")


def test_validate_in_chinese(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    code, out, _ = run(capsys, "--lang", "zh", "suites", "validate", str(mixed))
    assert code == 0 and out.startswith("通过：mixed（5 条：en 3, zh 2；摘要值 ")


# --------------------------------------------------------------------------- stats


def test_stats_json_shape(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    code, out, _ = run(capsys, "suites", "stats", str(mixed), "quick", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert list(doc) == ["schema", "suites", "total"] and doc["schema"] == "accord.suite-stats/1"
    first = doc["suites"][0]
    assert list(first) == ["name", "version", "source", "digest", "items", "languages", "expectations", "categories"]
    assert first["name"] == "mixed" and first["digest"] == load_suite(mixed).info().digest
    assert first["languages"] == {"en": 3, "zh": 2}
    assert first["expectations"] == {"refuse": 1, "comply": 0, "answer": 1, "no-leak": 1, "pair": 1, "none": 1}
    assert list(first["categories"]) == ["SR-02", "SR-10", "SR-10.1", "none"]
    assert first["categories"]["SR-02"] == {
        "items": 2,
        "languages": {"en": 1, "zh": 1},
        "expectations": {"refuse": 0, "comply": 0, "answer": 0, "no-leak": 1, "pair": 0, "none": 1},
    }
    for block in [first, *first["categories"].values(), doc["total"]]:
        assert list(block["expectations"]) == list(EXPECT_KINDS)
    total = doc["total"]
    quick = list(load_suite("quick"))
    q_lang = Counter(i.lang for i in quick)
    assert total["suites"] == 2 and total["items"] == 5 + len(quick)
    assert total["languages"] == {"en": 3 + q_lang["en"], "zh": 2 + q_lang["zh"]}
    assert total["categories"]["SR-02"]["items"] == 2 + sum(1 for i in quick if i.category == "SR-02")
    assert sum(c["items"] for c in total["categories"].values()) == 5 + len(quick)


def test_stats_defaults_to_every_builtin_suite(capsys: pytest.CaptureFixture[str]) -> None:
    from accord.suites import builtin_suite_names

    code, out, _ = run(capsys, "suites", "stats", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and [s["name"] for s in doc["suites"]] == builtin_suite_names()
    code, out, _ = run(capsys, "suites", "stats", "quick")
    assert code == 0 and "SR-21 Human control of critical decisions" in out and "no-leak" in out


def test_stats_of_a_missing_suite(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "suites", "stats", "nowhere/x.jsonl")
    one_line_error(code, err, "nowhere/x.jsonl does not exist")


# --------------------------------------------------------------------------- import


def test_import_then_use_the_suite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "hb.jsonl"
    code, out, err = run(capsys, "suites", "import", "--format", "harmbench", str(FIX / "harmbench_behaviors.csv"), "-o", str(out_file))
    assert code == 0, err
    assert out.startswith("Imported 5 items (en 5) from ") and load_suite(out_file).info().digest in out
    assert "missing from the harmbench mapping table: 1 (space_piracy (1))" in err and "--category-map" in err
    code, out, _ = run(capsys, "suites", "stats", str(out_file), "--format", "json")
    cats = json.loads(out)["suites"][0]["categories"]
    assert list(cats) == ["SR-02", "SR-07", "SR-09", "SR-14", "none"]


def test_import_generic_with_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "g.jsonl"
    code, _, err = run(
        capsys, "suites", "import", "--format", "generic", str(FIX / "generic_questions.csv"), "--output", str(out_file),
        "--name", "gq", "--lang", "zh", "--map", "prompt=question", "--map", "id=qid", "--map", "category=cat",
        "--map", "expect=label", "--category-map", "benign=SR-20", "--category-map", "fraud=SR-12",
        "--expect-map", "safe=comply", "--expect-map", "unsafe=refuse", "--set", "meta.source=helpdesk-set",
    )
    assert code == 0, err
    lines = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines()]
    assert [(x["id"], x["lang"], x["category"], x["expect"]) for x in lines] == [
        ("gq.q-001", "zh", "SR-20", "comply"), ("gq.q-002", "zh", "SR-12", "refuse"), ("gq.q-003", "zh", "SR-20", "comply"),
    ]
    assert lines[0]["meta"]["source"] == "helpdesk-set"
    assert err == ""


def test_import_warnings_for_skips_and_notes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "suites", "import", "--format", "ailuminate", str(FIX / "ailuminate_prompts.csv"), "-o", str(tmp_path / "a.jsonl"))
    assert code == 0 and "Imported 4 items (en 3, zh 1)" in out
    assert "rows skipped: 1 (locale fr_FR is neither English nor Chinese: 1)" in err
    assert "specialised-advice prompts (spc_*) imported without an expectation: 1" in err
    code, _, err = run(capsys, "suites", "import", "--format", "advbench", str(FIX / "advbench_behaviors.csv"), "-o", str(tmp_path / "b.jsonl"))
    assert code == 0 and "items without a category (the source gives none): 3" in err and "--default-category" in err


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["--map", "prompt"], ["--map 'prompt' is not of the form KEY=VALUE"]),
        (["--default-category", "SR-77"], ["--default-category 'SR-77' is not a risk category"]),
        (["--name", "-bad"], ["suite name '-bad'"]),
        (["--map", "prompt=nope"], ["generic_questions.csv: column 'nope' (from --map prompt=nope) is missing"]),
        (["--split", "train"], ["--split applies to --format hf-disk only"]),
    ],
)
def test_import_bad_options(capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], fragments: list[str]) -> None:
    code, _, err = run(capsys, "suites", "import", "--format", "generic", str(FIX / "generic_questions.csv"), "-o", str(tmp_path / "o.jsonl"), *args)
    one_line_error(code, err, *fragments)
    assert not (tmp_path / "o.jsonl").exists()


def test_import_errors_in_a_real_process(tmp_path: Path) -> None:
    """What a user sees: one line naming file, column and layout, exit 2, no traceback; in Chinese too."""
    bad = tmp_path / "behaviors.csv"
    bad.write_text("Prompt,SemanticCategory\nhello,illegal\n", encoding="utf-8")
    p = accord_cli("suites", "import", "--format", "harmbench", str(bad), "-o", str(tmp_path / "o.jsonl"))
    line = one_line_error(p.returncode, p.stderr, f"{bad}: column 'Behavior' is missing", "a HarmBench behaviours CSV has the columns Behavior,")
    assert line.endswith("(found: Prompt, SemanticCategory)")
    p = accord_cli("--lang", "zh", "suites", "import", "--format", "harmbench", str(bad), "-o", str(tmp_path / "o.jsonl"))
    one_line_error(p.returncode, p.stderr, "缺少列“Behavior”", "HarmBench 行为 CSV 文件")
    p = accord_cli("suites", "import", "--format", "xstest", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "o.jsonl"))
    one_line_error(p.returncode, p.stderr, "missing.csv does not exist")


def test_python_m_accord_suites_help() -> None:
    p = accord_cli("suites", "--help")
    assert p.returncode == 0
    for sub in ("list", "show", "validate", "stats", "categories", "import", "seal", "reveal"):
        assert sub in p.stdout


# --------------------------------------------------------------------------- docs


def test_every_suites_subcommand_and_option_is_documented() -> None:
    from accord.cli.suites import command

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = doc[doc.index("## `accord suites`") :]
    for name, sub in command.commands.items():
        assert f"`accord suites {name}" in section, name
        for param in sub.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in section, f"{opt} of accord suites {name} is not in docs/cli.md"
