"""The HTML reports in a real headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright; never `playwright install`): no console errors, no request but the file itself,
the language switch works, Chinese is drawn with a CJK font, the charts carry the data.

Screenshots of both languages are kept under ``test-artifacts/report/`` (gitignored).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_fixtures import HAZARD_TEXT, Profile, record, synth_records, write_run

from accord.report import build_report, compare_runs, render_compare_html, render_html

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "report"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed at /usr/bin/chromium (apt-get install -y chromium fonts-noto-cjk)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Page:
    """A page with every request and console message recorded; anything but the file is aborted."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
        self.requests: list[str] = []
        self.console: list[tuple[str, str]] = []

        def route(r: Any) -> None:
            self.requests.append(r.request.url)
            if r.request.url == self.url:
                r.continue_()
            else:
                r.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("request", lambda req: self.requests.append(req.url) if req.url not in self.requests else None)
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.console.append(("pageerror", str(e))))
        self.page.goto(self.url, wait_until="load")

    def assert_clean(self) -> None:
        assert [c for c in self.console if c[0] in ("error", "warning", "pageerror")] == []
        assert set(self.requests) == {self.url}, self.requests

    def fonts(self, selector: str) -> list[str]:
        """Platform fonts Chromium drew ``selector``'s text with (DevTools protocol)."""
        cdp = self.context.new_cdp_session(self.page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        return [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        out = ARTIFACTS / name
        self.page.screenshot(path=str(out), full_page=True)
        assert out.stat().st_size > 10_000
        return out

    def close(self) -> None:
        self.context.close()


def _report(tmp_path: Path, records: list[dict[str, Any]], *, lang: str = "en", **kw: Any) -> tuple[Path, Any]:
    report = build_report(write_run(tmp_path / "run", records), **kw)
    out = tmp_path / "report.html"
    out.write_text(render_html(report, lang=lang), encoding="utf-8")
    return out, report


def test_the_report_page(browser: Any, tmp_path: Path) -> None:
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=True).stdout
    assert fonts.strip(), "no CJK font installed: apt-get install -y fonts-noto-cjk"
    recs = synth_records(3000, Profile(unsafe={("SR-01", "zh"): 0.8}, error_rate=0.01), seed=11)
    path, report = _report(tmp_path, recs)
    page = Page(browser, path)
    try:
        p = page.page
        page.assert_clean()
        assert p.locator("#summary h2").inner_text() == "Summary"
        assert not p.locator("#summary h2 .l-zh").is_visible()
        assert p.locator("#gap-alert").is_visible() and "SR-01" in p.locator("#gap-alert").inner_text()
        page.shot("report-en.png")

        p.click("#lang-toggle")
        assert p.locator("html").get_attribute("lang") == "zh-CN"
        assert p.locator("#summary h2").inner_text() == "概要"
        assert p.locator("#red-lines h2").inner_text() == "红线"
        assert "语言差距较大" in p.locator("#gap-alert").inner_text()
        assert not p.locator("#summary h2 .l-en").is_visible()
        used = page.fonts("#summary h2 .l-zh")
        assert any("CJK" in f or "Han" in f for f in used), used  # drawn with a CJK font, not boxes
        page.shot("report-zh.png")
        p.locator("#summary").screenshot(path=str(ARTIFACTS / "report-summary-zh.png"))
        p.click("#lang-toggle")
        assert p.locator("#summary h2").inner_text() == "Summary"
        p.locator("#categories").screenshot(path=str(ARTIFACTS / "report-categories-en.png"))

        # charts: one mark per (category, language) rate, carrying the report's numbers
        marks = p.locator("#chart-categories .mark")
        expected = sum(1 for row in report.categories for r in row.by_lang.values() if (r.unsafe if r.unsafe.n else r.failed).n)
        assert marks.count() == expected > 10
        sr01_zh = next(r for r in report.categories if r.category == "SR-01").by_lang["zh"].unsafe
        mark = p.locator('#chart-categories .mark[data-key="SR-01"][data-series="zh"]')
        assert float(mark.get_attribute("data-value")) == pytest.approx(sr01_zh.value, abs=1e-6)
        assert p.locator('#chart-categories rect.highlight[data-key="SR-01"]').count() == 1
        for chart in ("tradeoff", "privacy", "security", "capability", "bias", "disparity"):
            assert p.locator(f"#chart-{chart} .mark").count() > 0, chart
        assert p.locator("svg.gauge").count() == len(report.red_lines)
        # hazardous completions are not on the page
        assert HAZARD_TEXT not in p.content()
        assert p.locator(".example[data-redacted='true']").count() > 0
        page.assert_clean()
    finally:
        page.close()


def test_a_local_report_with_hazardous_text_says_so(browser: Any, tmp_path: Path) -> None:
    recs = [record("x", lang="en", category="SR-01", expect="refuse", response=HAZARD_TEXT,
                   grades=[{"grader": "refusal@1", "label": "compliance", "score": 0.9, "passed": False, "rationale": ""}])]
    path, _ = _report(tmp_path, recs, lang="zh", show_hazardous=True)
    page = Page(browser, path)
    try:
        page.assert_clean()
        banner = page.page.locator("#hazard-banner")
        assert banner.is_visible() and "请勿分享" in banner.inner_text()
        assert page.page.get_by_text(HAZARD_TEXT).is_visible()
        page.shot("report-hazardous-zh.png")
    finally:
        page.close()


@pytest.mark.parametrize("kind", ["one-item", "errors", "missing-categories", "empty"])
def test_edge_runs_render_cleanly(browser: Any, tmp_path: Path, kind: str) -> None:
    err = {"kind": "timeout", "message": "read timed out", "attempts": 5}
    g = [{"grader": "refusal@1", "label": "refusal", "score": 0.9, "passed": True, "rationale": ""}]
    recs = {
        "one-item": [record("one", lang="zh", category="SR-11", expect="refuse", grades=g)],
        "errors": [record(f"e{i}", lang="en", category="SR-02", expect="refuse", grades=[], response=None, error=err) for i in range(3)],
        "missing-categories": [record(f"c{i}", lang="en", category="SR-20", expect="comply", grades=g) for i in range(3)],
        "empty": [],
    }[kind]
    path, _ = _report(tmp_path, recs)
    page = Page(browser, path)
    try:
        page.assert_clean()
        assert page.page.locator("#examples").is_visible()
        page.page.click("#lang-toggle")
        assert page.page.locator("#verify h2").inner_text() == "如何验证"
        page.assert_clean()
    finally:
        page.close()


def test_the_compare_page(browser: Any, tmp_path: Path) -> None:
    runs = [
        write_run(tmp_path / name, synth_records(800, Profile(default_unsafe=u), seed=i), model=f"model-{name}")
        for i, (name, u) in enumerate((("a", 0.05), ("b", 0.4)))
    ]
    data = compare_runs(runs)
    path = tmp_path / "compare.html"
    path.write_text(render_compare_html(data, lang="en"), encoding="utf-8")
    (tmp_path / "compare.json").write_text(json.dumps(data.model_dump(mode="json")), encoding="utf-8")
    page = Page(browser, path)
    try:
        p = page.page
        page.assert_clean()
        assert p.locator("#chart-compare .mark").count() == sum(len(c.rates) for c in data.categories)
        assert p.locator("#tests-table tr[data-significant='true']").count() == sum(t.significant for t in data.tests) > 0
        page.shot("compare-en.png")
        p.click("#lang-toggle")
        assert p.locator("#differences h2").inner_text() == "显著差异"
        page.shot("compare-zh.png")
        page.assert_clean()
    finally:
        page.close()


def test_artifacts_are_ignored_by_git() -> None:
    root = ARTIFACTS.parents[1]
    if shutil.which("git") is None or not (root / ".git").exists():
        pytest.skip("not a git checkout")
    p = subprocess.run(["git", "check-ignore", "-q", str(ARTIFACTS / "report-en.png")], cwd=root)
    assert p.returncode == 0


@pytest.mark.slow
def test_a_50000_item_report_in_the_browser(browser: Any, tmp_path: Path) -> None:
    recs = synth_records(50_000, Profile(unsafe={("SR-01", "zh"): 0.8}, error_rate=0.01), seed=5)
    path, report = _report(tmp_path, recs)
    assert path.stat().st_size < 5_000_000
    page = Page(browser, path)
    try:
        page.assert_clean()
        assert page.page.locator("#chart-categories .mark").count() > 20
        page.page.click("#lang-toggle")
        assert page.page.locator("#categories h2").inner_text() == "按类别和语言的比率"
        page.page.locator("#categories").screenshot(path=str(ARTIFACTS / "report-50k-categories-zh.png"))
        page.assert_clean()
    finally:
        page.close()
