"""
An editor takes an article down in the admin, and it is gone everywhere: its page answers 410 Gone in both
languages with a short notice (the legal notice written for Persian readers on the Persian page), it is no
longer on the front page or in search, and its pictures are no longer served. The editor then restores it
from the Persian admin and readers see it again. Every page on the way passes axe and the Nu HTML checker.
"""

import re
import urllib.parse

from tests.browser.conftest import ARTIFACTS, EDITOR, fetch, log_in, wait_for_renditions
from tests.browser.journey_30_pages import FAILING_IMPACTS, check_accessibility, describe, vnu

SLUG = "gig-economy-on-two-wheels-motorbike-couriers"
REASON = "Court order 2026/114: a courier's identity must be protected."
PERSIAN_NOTICE = "این مقاله به حکم دادگاه برداشته شده است."


def assert_accessible(page, name: str) -> None:
    serious = [v for v in check_accessibility(page, name) if v["impact"] in FAILING_IMPACTS]
    assert not serious, f"axe on {name}:\n{describe(serious)}"


def picture_addresses(article) -> list[str]:
    """Return the public paths of an article's picture: every rendition and the upload itself."""
    from django.core.files.storage import default_storage

    from core.renditions import rendition_names

    names = [*rendition_names(article.image_renditions), article.image.name]
    return sorted(urllib.parse.urlsplit(default_storage.url(name)).path for name in names)


def reader_sees(site, path: str) -> tuple[int, str]:
    status, body = fetch(site, path)
    return status, body.decode(errors="replace")


def test_an_editor_takes_an_article_down_and_it_is_gone_everywhere_with_a_410(context, page, site):
    from articles.models import Article

    article = Article.objects.get(slug_en=SLUG)
    urls = {language: article.url_in(language) for language in ("en", "fa")}
    searches = {"en": "/en/search/?q=gig+economy", "fa": "/fa/search/?q=" + urllib.parse.quote("پلتفرمی")}

    # Before: readers find it on its page, the front page and in search, with its picture.
    reader = context.browser.new_context(base_url=site.url)
    reader_page = reader.new_page()
    assert reader_page.goto(urls["en"]).status == 200
    pictures = picture_addresses(article)
    assert len(pictures) > 2, pictures
    og_image = reader_page.locator("meta[property='og:image']").get_attribute("content")
    assert urllib.parse.urlsplit(og_image).path in pictures
    assert all(fetch(site, path)[0] == 200 for path in pictures)
    for language in ("en", "fa"):
        assert urls[language] in reader_sees(site, f"/{language}/")[1]
        assert urls[language] in reader_sees(site, searches[language])[1], f"not found by a search in {language}"

    # The editor opens the article and takes it down, with a reason and a notice for Persian readers.
    log_in(page, EDITOR, "en")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_role("link", name="Take down", exact=True).click()
    page.wait_for_url(f"**/admin/articles/article/{article.pk}/takedown/")
    assert_accessible(page, "takedown-form-en")
    page.get_by_role("button", name="Take down in every language").click()  # no reason yet
    assert "Give the reason for the takedown" in page.locator(".errorlist").inner_text()
    page.fill("#id_reason", REASON)
    page.fill("#id_notice_fa", PERSIAN_NOTICE)
    page.get_by_role("button", name="Take down in every language").click()
    page.wait_for_url(f"**/admin/articles/article/{article.pk}/change/")
    assert "Taken down" in page.locator(".messagelist").inner_text()
    assert page.get_by_role("link", name="Restore", exact=True).is_visible()
    page.goto(f"/admin/articles/article/{article.pk}/history/")
    assert f"Taken down: {REASON}" in page.locator("#change-history").inner_text()

    # Readers arriving now (a browser keeps a page it was given for a short while, BROWSER_MAX_AGE): 410 Gone
    # in both languages, in the page's language and direction, never indexed.
    reader.close()
    reader = context.browser.new_context(base_url=site.url)
    reader_page = reader.new_page()
    html = ARTIFACTS / "html"
    html.mkdir(parents=True, exist_ok=True)
    files = []
    for language, direction, heading, notice in (
        ("en", "ltr", "This article has been removed", "no longer available in any language"),
        ("fa", "rtl", "این مقاله برداشته شده است", PERSIAN_NOTICE),
    ):
        response = reader_page.goto(urls[language])
        assert response.status == 410, f"{urls[language]} answered {response.status}"
        assert response.headers["x-robots-tag"] == "noindex"
        root = reader_page.locator("html")
        assert (root.get_attribute("lang"), root.get_attribute("dir")) == (language, direction)
        assert reader_page.locator("h1").inner_text() == heading
        assert notice in reader_page.locator("main").inner_text()
        assert reader_page.locator("meta[name=robots]").get_attribute("content") == "noindex"
        assert_accessible(reader_page, f"taken-down-{language}")
        status, body = fetch(site, urls[language])
        assert status == 410
        file = html / f"taken-down-{language}.html"
        file.write_bytes(body)
        files.append(str(file))
        # Gone from the front page and from search at once, cached or not.
        assert urls[language] not in reader_sees(site, f"/{language}/")[1]
        status, results = reader_sees(site, searches[language])
        assert status == 200 and urls[language] not in results
        assert not re.search(re.escape(article.headline_en if language == "en" else article.headline_fa), results)
    errors = [m for m in vnu(files) if m.get("type") == "error"]
    assert not errors, "the Nu HTML checker: " + "; ".join(m["message"] for m in errors)

    # Its pictures are no longer served at any of their addresses.
    assert {path: fetch(site, path)[0] for path in pictures} == dict.fromkeys(pictures, 404)

    # The editor restores it from the Persian admin; readers see it again, with its picture once remade.
    page.goto(f"/language/fa/?next=/admin/articles/article/{article.pk}/change/")
    page.wait_for_url(f"**/admin/articles/article/{article.pk}/change/")
    page.get_by_role("link", name="بازگرداندن", exact=True).click()
    page.wait_for_url(f"**/admin/articles/article/{article.pk}/restore/")
    assert_accessible(page, "restore-form-fa")
    page.get_by_role("button", name="بازگرداندن برای خوانندگان").click()
    page.wait_for_url(f"**/admin/articles/article/{article.pk}/change/")
    assert "بازگردانده شد" in page.locator(".messagelist").inner_text()
    for language in ("en", "fa"):
        assert reader_sees(site, urls[language])[0] == 200
        assert urls[language] in reader_sees(site, f"/{language}/")[1]
    restored = wait_for_renditions(article.pk)
    assert restored.status == Article.Status.PUBLISHED
    reader.close()
    reader = context.browser.new_context(base_url=site.url)
    reader_page = reader.new_page()
    assert reader_page.goto(urls["en"]).status == 200
    assert all(fetch(site, path)[0] == 200 for path in picture_addresses(restored))
    assert reader_page.locator("main picture img").count() >= 1
    reader.close()
    assert context.problems == []
