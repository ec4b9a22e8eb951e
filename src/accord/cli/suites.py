"""``accord suites``: list, show, validate, count and import suites; list the taxonomy; seal a
private suite and reveal it later."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import click
import orjson

from accord.errors import UsageError
from accord.i18n import current_lang, t
from accord.suites import Item, builtin_suite_names, load_suite
from accord.suites._item import CATEGORY_PATTERN
from accord.suites._stats import EXPECT_KINDS, NONE, Counts, SuiteStats, stats_report, suite_stats
from accord.suites.importers import FORMATS as _IMPORT_FORMATS

__all__ = ["command"]

_FORMAT_CHOICES = click.Choice(["table", "json"])


@click.group("suites", help=t("suites.cli.help"))
def command() -> None:
    """Inspect, validate, count and import suites; seal and reveal private ones."""


# --------------------------------------------------------------------------- output helpers


def _emit_json(data: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.flush()


def _console() -> Any:
    from rich.console import Console

    console = Console()
    console.width = max(console.width, 120)
    return console


def _category_label(cat: str) -> str:
    if cat == NONE:
        return t("suites.table.uncategorised")
    from accord.taxonomy import category

    try:
        c = category(cat)
    except KeyError:
        return cat
    return f"{cat} {c.zh if current_lang() == 'zh' else c.en}"


def _counts_table(title: str, categories: Mapping[str, Counts], total: Counts) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    table.add_column(t("suites.table.category"), no_wrap=True)
    table.add_column(t("suites.table.items"), justify="right")
    for lang in ("en", "zh"):
        table.add_column(lang, justify="right")
    for kind in EXPECT_KINDS:
        table.add_column(kind if kind != NONE else t("suites.table.no_expect"), justify="right")
    for cat, c in categories.items():
        table.add_row(_category_label(cat), *_count_cells(c))
    table.add_section()
    table.add_row(t("suites.table.total"), *_count_cells(total), style="bold")
    return table


def _count_cells(c: Counts) -> list[str]:
    return [str(c.items), *(str(c.languages.get(lang, 0)) for lang in ("en", "zh")), *(str(c.expectations[k]) for k in EXPECT_KINDS)]


def _totals(s: SuiteStats) -> Counts:
    return Counts(items=s.items, languages=dict(s.languages), expectations=dict(s.expectations))


def _description(desc: Mapping[str, str]) -> str:
    return desc.get(current_lang()) or desc.get("en") or next(iter(desc.values()), "")


# --------------------------------------------------------------------------- list


@command.command("list", help=t("suites.cli.list.help"), short_help=t("suites.cli.list.short"))
@click.option("--format", "fmt", type=_FORMAT_CHOICES, default="table", show_default=True, help=t("suites.cli.opt.format"))
def list_(fmt: str) -> None:
    """Built-in suites with item counts per language and digests."""
    rows = []
    for name in builtin_suite_names():
        suite = load_suite(name)
        rows.append((suite, suite_stats(suite)))
    if fmt == "json":
        _emit_json(
            [
                {
                    "name": s.name,
                    "version": s.version,
                    "items": s.items,
                    "languages": s.languages,
                    "digest": s.digest,
                    "description": suite.description,
                }
                for suite, s in rows
            ]
        )
        return
    from rich.table import Table

    table = Table(title=t("suites.list.title"), title_justify="left")
    for key, justify in (("name", "left"), ("version", "left"), ("items", "right"), ("en", "right"), ("zh", "right"), ("digest", "left"), ("description", "left")):
        header = key if key in ("en", "zh") else t(f"suites.table.{key}")
        table.add_column(header, justify=justify, no_wrap=key in ("name", "digest"))  # type: ignore[arg-type]
    for suite, s in rows:
        table.add_row(s.name, s.version, str(s.items), str(s.languages["en"]), str(s.languages["zh"]), s.digest[:16], _description(suite.description))
    _console().print(table)


# --------------------------------------------------------------------------- show


def _matches(item: Item, lang: str | None, cat: str | None) -> bool:
    if lang is not None and item.lang != lang:
        return False
    if cat is None:
        return True
    if cat == NONE:
        return item.category is None
    return item.category is not None and (item.category == cat or item.category.startswith(cat + "."))


def _preview(item: Item, width: int = 160) -> str:
    prompt = next((m.content for m in reversed(item.messages) if m.role == "user"), "")
    flat = " ".join(prompt.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@command.command("show", help=t("suites.cli.show.help"), short_help=t("suites.cli.show.short"))
@click.argument("suite_spec", metavar="NAME_OR_PATH")
@click.option("--limit", type=click.IntRange(min=0), default=5, show_default=True, help=t("suites.cli.opt.limit"))
@click.option("--lang", "lang", type=click.Choice(["en", "zh"]), default=None, help=t("suites.cli.opt.show_lang"))
@click.option("--category", "cat", default=None, help=t("suites.cli.opt.show_category"))
@click.option("--format", "fmt", type=_FORMAT_CHOICES, default="table", show_default=True, help=t("suites.cli.opt.format"))
def show(suite_spec: str, limit: int, lang: str | None, cat: str | None, fmt: str) -> None:
    """Metadata, digest, counts and the first items of a suite."""
    if cat is not None:
        cat = cat.strip()
        if cat.casefold() == NONE:
            cat = NONE
        elif not re.match(CATEGORY_PATTERN, cat.upper()):
            raise UsageError(t("suites.err.bad_category_option", option="--category", value=cat))
        else:
            cat = cat.upper()
    suite = load_suite(suite_spec)
    stats = suite_stats(suite)
    shown: list[Item] = []
    matching = 0
    for item in suite:
        if _matches(item, lang, cat):
            matching += 1
            if len(shown) < limit:
                shown.append(item)
    if fmt == "json":
        from accord.suites.importers import item_line

        _emit_json(
            {
                "suite": stats.model_dump(mode="json"),
                "description": suite.description,
                "filters": {"lang": lang, "category": cat, "limit": limit},
                "matching": matching,
                "items": [item_line(i) for i in shown],
            }
        )
        return
    from rich.table import Table

    console = _console()
    console.print(t("suites.show.header", name=stats.name, version=stats.version, items=stats.items, digest=stats.digest), highlight=False)
    console.print(t("suites.show.source", source=stats.source), highlight=False)
    desc = _description(suite.description)
    if desc:
        console.print(desc, highlight=False)
    console.print(_counts_table(t("suites.show.counts"), stats.categories, _totals(stats)))
    table = Table(title=t("suites.show.items", shown=len(shown), matching=matching), title_justify="left")
    table.add_column(t("suites.table.id"), no_wrap=True)
    table.add_column(t("suites.table.lang"))
    table.add_column(t("suites.table.category"), no_wrap=True)
    table.add_column(t("suites.table.expect"), no_wrap=True)
    table.add_column(t("suites.table.prompt"), overflow="fold")
    for item in shown:
        table.add_row(item.id, item.lang, item.category or "-", str(item.expect) if item.expect else "-", _preview(item))
    console.print(table)


# --------------------------------------------------------------------------- validate


@command.command("validate", help=t("suites.cli.validate.help"), short_help=t("suites.cli.validate.short"))
@click.argument("path", metavar="PATH")
def validate(path: str) -> None:
    """Load PATH, validate every item, and report the first problem with file, line, field and fix."""
    stats = suite_stats(load_suite(path))
    langs = ", ".join(f"{k} {v}" for k, v in stats.languages.items() if v)
    click.echo(t("suites.validate.ok", name=stats.name, items=stats.items, langs=langs, digest=stats.digest))


# --------------------------------------------------------------------------- stats


@command.command("stats", help=t("suites.cli.stats.help"), short_help=t("suites.cli.stats.short"))
@click.argument("specs", nargs=-1, metavar="[NAME_OR_PATH]...")
@click.option("--format", "fmt", type=_FORMAT_CHOICES, default="table", show_default=True, help=t("suites.cli.opt.format"))
def stats(specs: tuple[str, ...], fmt: str) -> None:
    """Counts per suite, category, language and expectation kind (all built-in suites by default)."""
    names: Iterable[str] = specs or builtin_suite_names()
    report = stats_report(suite_stats(load_suite(s)) for s in names)
    if fmt == "json":
        _emit_json(report.model_dump(mode="json", by_alias=True))
        return
    console = _console()
    for s in report.suites:
        title = t("suites.stats.title", name=s.name, version=s.version, digest=s.digest[:16])
        console.print(_counts_table(title, s.categories, _totals(s)))
    if len(report.suites) > 1:
        tot = report.total
        total = Counts(items=tot.items, languages=dict(tot.languages), expectations=dict(tot.expectations))
        console.print(_counts_table(t("suites.stats.total_title", suites=tot.suites), tot.categories, total))


# --------------------------------------------------------------------------- categories


@command.command("categories", help=t("suites.cli.categories.help"), short_help=t("suites.cli.categories.short"))
@click.option("--format", "fmt", type=_FORMAT_CHOICES, default="table", show_default=True, help=t("suites.cli.opt.format"))
def categories(fmt: str) -> None:
    """The shared risk taxonomy, SR-01 .. SR-24, in English and Chinese."""
    from accord.taxonomy import CATEGORIES

    if fmt == "json":
        _emit_json([c._asdict() for c in CATEGORIES])
        return
    from rich.table import Table

    table = Table(title=t("suites.categories.title"), title_justify="left")
    table.add_column(t("suites.table.id"), no_wrap=True)
    table.add_column(t("suites.table.slug"), no_wrap=True)
    table.add_column("English")
    table.add_column("中文")
    for c in CATEGORIES:
        table.add_row(c.id, c.slug, c.en, c.zh)
    _console().print(table)


# --------------------------------------------------------------------------- import


def _pairs(option: str, values: tuple[str, ...], *, last: bool = False) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        key, sep, val = v.rpartition("=") if last else v.partition("=")
        if not sep or not key.strip() or not val.strip():
            raise UsageError(t("suites.err.bad_pair", option=option, value=v))
        out[key.strip()] = val.strip()
    return out


def _default_name(output: Path) -> str:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", output.stem)
    name = re.sub(r"^[^A-Za-z0-9]+", "", name).rstrip("-.")
    return name or "imported"


def _reason(code: str, wanted: str | None) -> str:
    kind, _, value = code.partition(":")
    if kind == "blank":
        return t("suites.reason.blank")
    if kind == "locale":
        return t("suites.reason.locale", value=value)
    if kind == "lang":
        return t("suites.reason.lang", lang=value, wanted=wanted or "-")
    return code


@command.command("import", help=t("suites.cli.import.help"), short_help=t("suites.cli.import.short"))
@click.option("--format", "fmt", required=True, type=click.Choice(_IMPORT_FORMATS), help=t("suites.cli.opt.import_format"))
@click.argument("source", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("--output", "-o", "output", required=True, type=click.Path(path_type=Path, dir_okay=False), help=t("suites.cli.opt.output"))
@click.option("--name", default=None, help=t("suites.cli.opt.name"))
@click.option("--lang", "lang", type=click.Choice(["en", "zh"]), default=None, help=t("suites.cli.opt.import_lang"))
@click.option("--map", "maps", multiple=True, metavar="FIELD=COLUMN", help=t("suites.cli.opt.map"))
@click.option("--set", "sets", multiple=True, metavar="FIELD=VALUE", help=t("suites.cli.opt.set"))
@click.option("--category-map", "category_maps", multiple=True, metavar="SOURCE=SR-XX", help=t("suites.cli.opt.category_map"))
@click.option("--expect-map", "expect_maps", multiple=True, metavar="VALUE=EXPECT", help=t("suites.cli.opt.expect_map"))
@click.option("--default-category", default=None, metavar="SR-XX", help=t("suites.cli.opt.default_category"))
@click.option("--context", type=click.Choice(["document", "prompt"]), default="document", show_default=True, help=t("suites.cli.opt.context"))
@click.option("--split", default=None, help=t("suites.cli.opt.split"))
@click.option("--force", is_flag=True, help=t("suites.cli.opt.force"))
def import_(
    fmt: str,
    source: Path,
    output: Path,
    name: str | None,
    lang: str | None,
    maps: tuple[str, ...],
    sets: tuple[str, ...],
    category_maps: tuple[str, ...],
    expect_maps: tuple[str, ...],
    default_category: str | None,
    context: str,
    split: str | None,
    force: bool,
) -> None:
    """Import a dataset on disk into an Accord JSONL suite."""
    from accord.suites.importers import ImportOptions, import_file

    options = ImportOptions(
        name=name if name is not None else _default_name(output),
        lang=lang,  # type: ignore[arg-type]
        field_map=_pairs("--map", maps),
        constants=_pairs("--set", sets),
        category_map=_pairs("--category-map", category_maps, last=True),
        expect_map=_pairs("--expect-map", expect_maps),
        default_category=default_category.strip().upper() if default_category else None,
        context=context,  # type: ignore[arg-type]
        split=split,
    )
    report = import_file(fmt, source, output, options, force=force)
    warn = t("suites.warn.prefix")
    if report.unmapped_categories:
        values = ", ".join(f"{k} ({v})" for k, v in report.unmapped_categories.items())
        target = report.default_category or t("suites.msg.no_category")
        count = sum(report.unmapped_categories.values())
        click.echo(f"{warn}{t('suites.warn.unmapped', count=count, format=fmt, values=values, target=target)}", err=True)
    uncategorised = report.categories.get(NONE, 0) - (0 if report.default_category else sum(report.unmapped_categories.values()))
    if uncategorised > 0:
        click.echo(f"{warn}{t('suites.warn.uncategorised', count=uncategorised)}", err=True)
    if report.skipped:
        reasons = ", ".join(f"{_reason(k, lang)}: {v}" for k, v in report.skipped.items())
        click.echo(f"{warn}{t('suites.warn.skipped', count=sum(report.skipped.values()), reasons=reasons)}", err=True)
    for code, count in report.notes.items():
        click.echo(f"{warn}{t(f'suites.note.{code}', count=count)}", err=True)
    langs = ", ".join(f"{k} {v}" for k, v in report.languages.items())
    click.echo(
        t("suites.import.done", items=report.items, langs=langs, source=report.input, format=fmt, output=report.output, digest=report.digest)
    )


# --------------------------------------------------------------------------- sealed suites


@command.command("seal", help=t("suites.cli.seal.help"), short_help=t("suites.cli.seal.short"))
@click.argument("suite")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True, help=t("suites.cli.seal.opt.out"))
def seal(suite: str, out: Path) -> None:
    """Commit to a private suite without publishing its items."""
    from accord.evidence import seal_suite

    result = seal_suite(suite, out)
    c = result.commitment
    click.echo(t("evidence.msg.seal.done", path=result.path, suite=c.suite, items=c.items, root=c.merkle_root))
    for row in c.counts:
        click.echo(f"  {row.category or '-':<8} {row.lang:<3} {row.items}")
    click.echo(t("evidence.msg.seal.salts", path=result.salts_path))


@command.command("reveal", help=t("suites.cli.reveal.help"), short_help=t("suites.cli.reveal.short"))
@click.argument("commitment", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--suite", "suite_spec", default=None, help=t("suites.cli.reveal.opt.suite"))
@click.option("--salts", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None, help=t("suites.cli.reveal.opt.salts"))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None, help=t("suites.cli.reveal.opt.out"))
@click.option("--check", "check", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None, help=t("suites.cli.reveal.opt.check"))
def reveal(commitment: Path, suite_spec: str | None, salts: Path | None, out: Path | None, check: Path | None) -> None:
    """Publish a sealed suite's items with their salts, or check a reveal."""
    from accord.evidence import check_reveal, reveal_suite
    from accord.evidence._seal import load_commitment

    if check is not None:
        c = check_reveal(check, load_commitment(commitment))
        click.echo(t("evidence.msg.reveal.checked", path=check, items=c.items, root=c.merkle_root))
        return
    if suite_spec is None or out is None:
        raise UsageError(t("suites.cli.reveal.needs_suite_out"))
    path = reveal_suite(commitment, suite_spec, out, salts_path=salts)
    click.echo(t("evidence.msg.reveal.done", path=path, commitment=commitment))
