"""
Every screen the staff work on, in the English and the Persian admin: accessible (axe-core, no serious or
critical violation), valid HTML (the Nu HTML checker, no error) and quiet (no console error, so no blocked
inline style or script under the admin's Content-Security-Policy).
"""

import pytest

from tests.browser.conftest import ARTIFACTS, EDITOR, FIGURES, TRANSLATOR, log_in
from tests.browser.journey_30_pages import FAILING_IMPACTS, check_accessibility, describe, vnu

LANGUAGES = ["en", "fa"]


def editor_screens() -> dict[str, str]:
    """The editor's day: the index, each list, each form, the history and the desk, by name."""
    from articles.models import Article, Section, Tag
    from authors.models import Author
    from series.models import Series

    article = Article.objects.get(slug_en="where-the-water-went")
    return {
        "index": "/admin/",
        "article-list": "/admin/articles/article/",
        "article-list-filtered": "/admin/articles/article/?status__exact=published&q=water",
        "article-add": "/admin/articles/article/add/",
        "article-change": f"/admin/articles/article/{article.pk}/change/",
        "article-history": f"/admin/articles/article/{article.pk}/history/",
        "article-delete": f"/admin/articles/article/{article.pk}/delete/",
        "author-list": "/admin/authors/author/",
        "author-change": f"/admin/authors/author/{Author.objects.get(slug='daniel-hart').pk}/change/",
        "series-list": "/admin/series/series/",
        "series-change": f"/admin/series/series/{Series.objects.get(slug_en='the-thirsty-plateau').pk}/change/",
        "section-list": "/admin/articles/section/",
        "section-change": f"/admin/articles/section/{Section.objects.get(slug_en='environment').pk}/change/",
        "tag-list": "/admin/articles/tag/",
        "tag-change": f"/admin/articles/tag/{Tag.objects.get(slug_en='water').pk}/change/",
        "prepublish-settings": "/admin/prepublish/checksetting/",
        "desk-queue": "/admin/desk/?language=fa",
        "desk-translate": f"/admin/desk/translate/articles/article/{article.pk}/?language=fa",
        "password-change": "/admin/password_change/",
    }


def translator_screens() -> dict[str, str]:
    from articles.models import Article

    article = Article.objects.get(slug_en="where-the-water-went")
    return {
        "translator-index": "/admin/",
        "translator-article-list": "/admin/articles/article/",
        "translator-article-change": f"/admin/articles/article/{article.pk}/change/",
        "translator-desk-queue": "/admin/desk/",
        "translator-desk-translate": f"/admin/desk/translate/articles/article/{article.pk}/",
    }


def survey(page, credentials, screens: dict[str, str], language: str) -> tuple[list[dict], list[str]]:
    """Open each screen as the staff member would; return axe's violations and the files saved for Nu."""
    folder = ARTIFACTS / "admin-html"
    folder.mkdir(parents=True, exist_ok=True)
    log_in(page, credentials, language)
    violations, files = [], []
    for name, path in screens.items():
        response = page.goto(path)
        assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "fa" else "ltr")
        page.wait_for_load_state("networkidle")
        violations += check_accessibility(page, f"admin-{name}-{language}")
        # The HTML as served (not as scripts left it), fetched with the same session.
        file = folder / f"{name}-{language}.html"
        file.write_bytes(page.context.request.get(path).body())
        files.append(str(file))
    return violations, files


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_admin_screen_is_accessible_valid_and_quiet(context, site, language):
    """The editor's and the translator's screens: no serious axe finding, no Nu error, no console error."""
    editor_page = context.new_page()
    violations, files = survey(editor_page, EDITOR, editor_screens(), language)
    translator_context = context.browser.new_context(
        base_url=site.url, locale="en-GB", viewport={"width": 1280, "height": 900}
    )
    try:
        translator_page = translator_context.new_page()
        problems = []
        translator_page.on(
            "console", lambda m: problems.append(f"{translator_page.url}: {m.text}") if m.type == "error" else None
        )
        translator_page.on("pageerror", lambda error: problems.append(f"{translator_page.url}: {error}"))
        more, more_files = survey(translator_page, TRANSLATOR, translator_screens(), language)
    finally:
        translator_context.close()
    violations += more
    files += more_files

    serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not serious, f"axe on the admin ({language}):\n{describe(serious)}"

    messages = vnu(files)
    FIGURES["admin screens checked by the Nu HTML checker"] = FIGURES.get(
        "admin screens checked by the Nu HTML checker", 0
    ) + len(files)
    errors = [m for m in messages if m.get("type") == "error"]
    report = "\n".join(f"  {m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert not errors, f"the Nu HTML checker found {len(errors)} errors in the admin ({language}):\n{report}"

    assert not context.problems + problems, "console errors:\n" + "\n".join(context.problems + problems)
