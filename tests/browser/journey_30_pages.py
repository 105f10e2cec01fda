"""
Every kind of public page, in both languages: accessible (axe-core, no serious or critical violation,
in the light and the dark colour scheme) and valid HTML (the Nu HTML checker, no error).
"""

import json
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, AXE_JS, FIGURES, TRANSLATOR, VNU_JAR, fetch, log_in

LANGUAGES = ["en", "fa"]
PAGE_KINDS = ["home", "article", "section", "tag", "type", "author", "series", "series-index", "search", "404"]
SURVEY = [(kind, language) for language in LANGUAGES for kind in PAGE_KINDS]
FAILING_IMPACTS = {"serious", "critical"}


def survey_path(kind: str, language: str) -> str:
    """Return the address of a demo page of one kind in one language."""
    from django.urls import reverse
    from django.utils import translation

    from articles.models import Article, ArticleType, Section, Tag
    from authors.models import Author
    from series.models import Series

    with translation.override(language):
        return {
            "home": lambda: reverse("articles:home"),
            "article": lambda: Article.objects.get(slug_en="where-the-water-went").url_in(language),
            "section": lambda: Section.objects.get(slug_en="environment").get_absolute_url(),
            "tag": lambda: Tag.objects.get(slug_en="water").get_absolute_url(),
            "type": lambda: ArticleType.objects.get(slug_en="analysis").get_absolute_url(),
            "author": lambda: Author.objects.get(slug="daniel-hart").get_absolute_url(),
            "series": lambda: Series.objects.get(slug_en="the-thirsty-plateau").get_absolute_url(),
            "series-index": lambda: reverse("series:index"),
            "search": lambda: reverse("search:results") + ("?q=water" if language == "en" else "?q=%D8%A2%D8%A8"),
            "404": lambda: f"/{language}/no-such-page/",
        }[kind]()


def axe(page, rules: list[str] | None = None) -> list[dict]:
    """Run axe-core in the page (every rule, or only those named) and return its violations."""
    # As a reader sees it: with its fonts (axe tells an icon font's ligature, "format_bold", from words only once
    # the font is in, and a toolbar icon measured as faint text would be a false finding).
    # The editor's toolbar asks for its icon font only once it is drawn: load it before axe looks.
    page.evaluate(
        """async () => {
            if (document.querySelector(".material-icons")) await document.fonts.load('24px "Material Icons"');
            await document.fonts.ready;
        }"""
    )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not apply.
        page.evaluate(AXE_JS.read_text())
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    return page.evaluate("async (options) => (await window.axe.run(document, options)).violations", options)


def served(page, path: str, name: str) -> str:
    """Save the HTML the server sends the signed-in staff member for a path, for the Nu checker."""
    response = page.request.get(path)
    assert response.status == 200, f"{path} answered {response.status}"
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / f"{name}.html"
    file.write_bytes(response.body())
    return str(file)


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"  [{v['impact']}] {v['id']}: {v['help']} — " + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize(("kind", "language"), SURVEY)
def test_page_has_no_serious_accessibility_violation(page, site, kind, language):
    """Every axe rule in the light colour scheme, then the contrast rules again in the dark one."""
    page.emulate_media(color_scheme="light")
    path = survey_path(kind, language)
    response = page.goto(path)
    assert response.status == (404 if kind == "404" else 200), f"{path} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == language
    violations = check_accessibility(page, f"{kind}-{language}")
    page.emulate_media(color_scheme="dark")
    violations += check_accessibility(page, f"{kind}-{language}-dark", rules=["color-contrast", "link-in-text-block"])
    serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not serious, f"axe on {path}:\n{describe(serious)}"


def check_accessibility(page, name: str, rules: list[str] | None = None) -> list[dict]:
    """Run axe and keep every finding, whatever its impact, in artifacts/axe.jsonl."""
    violations = axe(page, rules)
    key = "axe runs (all rules)" if rules is None else "axe runs (contrast, dark scheme)"
    FIGURES[key] = FIGURES.get(key, 0) + 1
    FIGURES["axe violations (any impact)"] = FIGURES.get("axe violations (any impact)", 0) + len(violations)
    with (ARTIFACTS / "axe.jsonl").open("a") as log:
        for v in violations:
            log.write(json.dumps({"page": name, "id": v["id"], "impact": v["impact"],
                                  "nodes": [n["target"] for n in v["nodes"]]}) + "\n")  # fmt: skip
    for v in violations:
        v["page"] = name
    return violations


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_on_a_phone_have_no_serious_accessibility_violation(browser, site, language):
    """The home page and an article at 390 px wide (the header wraps, the contents move)."""
    ctx = browser.new_context(base_url=site.url, viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = ctx.new_page()
        violations = []
        for kind in ("home", "article"):
            page.goto(survey_path(kind, language))
            violations += check_accessibility(page, f"{kind}-{language}-phone")
        serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
        assert not serious, f"axe on a phone:\n{describe(serious)}"
    finally:
        ctx.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_translation_desk_has_no_serious_accessibility_violation(page, site, language):
    """The desk's own screens (queue, side by side) in the English and the Persian admin."""
    from articles.models import Article

    log_in(page, TRANSLATOR, language)
    page.goto("/admin/desk/")
    violations = check_accessibility(page, f"desk-queue-{language}")
    article = Article.objects.get(slug_en="where-the-water-went")
    page.goto(f"/admin/desk/translate/articles/article/{article.pk}/?language=fa")
    page.wait_for_load_state("networkidle")  # the editor is built by a script module after load
    violations += check_accessibility(page, f"desk-translate-{language}")
    serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not serious, f"axe on the desk:\n{describe(serious)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_preview_has_no_serious_accessibility_violation(page, site, language):
    """The preview's banner stays in view and readable, in the light and the dark colour scheme."""
    from articles.models import Article

    log_in(page, TRANSLATOR, language)
    article = Article.objects.get(slug_en="where-the-water-went")
    page.emulate_media(color_scheme="light")
    page.goto(f"/admin/articles/article/{article.pk}/preview/?language={language}")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "fa" else "ltr")
    page.mouse.wheel(0, 2000)
    assert page.locator(".preview-banner").is_visible()
    assert page.locator(".preview-banner").evaluate("banner => banner.getBoundingClientRect().top") == 0
    violations = check_accessibility(page, f"preview-{language}")
    page.emulate_media(color_scheme="dark")
    violations += check_accessibility(page, f"preview-{language}-dark", rules=["color-contrast", "link-in-text-block"])
    serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not serious, f"axe on the preview:\n{describe(serious)}"


def test_pages_are_valid_html(site):
    """One run of the Nu HTML checker over the served HTML of every page kind in both languages."""
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for kind, language in SURVEY:
        path = survey_path(kind, language)
        status, body = fetch(site, path)
        assert status == (404 if kind == "404" else 200), f"{path} answered {status}"
        file = folder / f"{kind}-{language}.html"
        file.write_bytes(body)
        files.append(str(file))
    messages = vnu(files)
    FIGURES["pages checked by the Nu HTML checker"] = len(files)
    errors = [m for m in messages if m.get("type") == "error"]
    report = "\n".join(f"  {Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert not errors, f"the Nu HTML checker found {len(errors)} errors:\n{report}"


def vnu(files: list[str]) -> list[dict]:
    result = subprocess.run(
        ["java", "-Xss1m", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode not in (0, 1):
        raise RuntimeError(f"the Nu HTML checker failed to run:\n{result.stderr[-2000:]}")
    return json.loads(result.stderr or '{"messages": []}')["messages"]
