"""
Two things an editor does before the first save, in a real browser: previews a new article from the Add
form in both languages (a new tab shows the page with the preview banner; nothing is saved), and chooses a
featured image on a form that comes back with an error, sees it kept, fixes the error and saves it.
"""

import re

import pytest

from tests.browser.conftest import EDITOR, log_in, wait_for_renditions
from tests.browser.journey_10_newsroom import choose, fill_prose, jpeg
from tests.browser.journey_30_pages import FAILING_IMPACTS, check_accessibility, describe
from tests.pages import JALALI_DATE

DRAFT = {
    "headline_en": "Dry taps in the old quarter",
    "body_en": "The pipes under the old quarter were laid a century ago and lose a third of the water.",
    "headline_fa": "شیرهای خشک در محلهٔ قدیمی",
    "body_fa": "لوله‌های زیر محلهٔ قدیمی یک قرن پیش کار گذاشته شده‌اند و یک سوم آب را هدر می‌دهند.",
}
KEPT = {
    "headline_en": "A reservoir at a tenth of its size",
    "body_en": "Satellite pictures show the reservoir shrinking every summer since the dam was raised.",
    "image_alt_en": "A shrunken reservoir seen from above",
}


def show_tab(page, field: str, language: str) -> None:
    """Open a translated field's language tab (jQuery UI names each tab's panel in aria-controls)."""
    page.click(f".ui-tabs-nav li[aria-controls='tab_id_{field}_{language}']")


def preview_button(page, language: str):
    return page.locator(f".submit-row input.preview-button[data-preview-language={language}]")


def open_preview(context, page, language: str):
    """Press a language's preview button and return the tab it opens, loaded."""
    with context.expect_page() as opened:
        preview_button(page, language).click()
    preview = opened.value
    preview.wait_for_load_state()
    preview.wait_for_selector(".preview-banner")
    return preview


def serious(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in FAILING_IMPACTS]


@pytest.mark.parametrize("admin_language", ["en", "fa"])
def test_editor_previews_a_new_article_in_both_languages_before_saving_it(context, page, site, admin_language):
    """Fill the Add form, preview it in English and in Persian in new tabs; the article is still not saved."""
    from articles.models import Article

    log_in(page, EDITOR, admin_language)
    page.goto("/admin/articles/article/add/")
    # No headline yet, nothing to preview: the buttons appear as each language's headline is written.
    assert not preview_button(page, "en").is_visible() and not preview_button(page, "fa").is_visible()
    for language in ("en", "fa"):
        show_tab(page, "headline", language)
        page.fill(f"#id_headline_{language}", DRAFT[f"headline_{language}"])
        show_tab(page, "body", language)
        fill_prose(page, f"id_body_{language}", DRAFT[f"body_{language}"])
    choose(page, ".field-section", "Environment")
    choose(page, "#bylines-0", "Maryam Karimi")
    assert preview_button(page, "en").is_visible() and preview_button(page, "fa").is_visible()

    violations = []
    for language, direction in (("en", "ltr"), ("fa", "rtl")):
        preview = open_preview(context, page, language)
        html = preview.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, direction)
        assert preview.locator("h1").inner_text() == DRAFT[f"headline_{language}"]
        assert DRAFT[f"body_{language}"] in preview.locator(".article__body").inner_text()
        byline = preview.locator(".byline").inner_text().strip()
        assert byline.endswith("Maryam Karimi" if language == "en" else "مریم کریمی"), byline
        banner = preview.locator(".preview-banner").inner_text()
        assert banner == ("Preview of unsaved changes — nothing has been saved or published" if language == "en"
                          else "پیش‌نمایش تغییرات ذخیره‌نشده — چیزی ذخیره یا منتشر نشده است")  # fmt: skip
        if language == "fa":
            assert re.match(JALALI_DATE, preview.locator(".article__meta time").inner_text())
        violations += check_accessibility(preview, f"unsaved-preview-{language}-admin-{admin_language}")
        preview.close()
    assert not serious(violations), f"axe on the unsaved preview:\n{describe(serious(violations))}"

    # Nothing was saved, and the editor's tab still holds every edit.
    assert not Article.objects.filter(headline_en=DRAFT["headline_en"]).exists()
    assert page.locator("#id_headline_fa").input_value() == DRAFT["headline_fa"]
    listing = context.new_page()
    listing.goto("/admin/articles/article/")
    assert DRAFT["headline_en"] not in listing.locator("#result_list").inner_text()
    assert DRAFT["headline_fa"] not in listing.locator("#result_list").inner_text()
    listing.close()
    assert not context.problems, context.problems


def test_a_chosen_image_survives_a_validation_error_and_is_saved(context, page, site, tmp_path):
    """Choose an image, forget the section, see the image kept, preview it, fix the error, save: it is there."""
    from articles.models import Article

    log_in(page, EDITOR, "en")
    page.goto("/admin/articles/article/add/")
    show_tab(page, "headline", "en")
    page.fill("#id_headline_en", KEPT["headline_en"])
    show_tab(page, "body", "en")
    fill_prose(page, "id_body_en", KEPT["body_en"])
    page.set_input_files("#id_image", jpeg(tmp_path / "reservoir.jpg", colour=(40, 110, 160)))
    show_tab(page, "image_alt", "en")
    page.fill("#id_image_alt_en", KEPT["image_alt_en"])
    choose(page, "#bylines-0", "Daniel Hart")
    page.click("input[name=_continue]")  # no section: the form comes back with an error

    page.wait_for_selector(".errornote")
    assert page.locator(".field-section .errorlist").is_visible()
    kept = page.locator(".field-image .kept-upload")
    assert "“reservoir.jpg” is kept" in kept.inner_text()
    assert kept.locator("img").evaluate("img => img.complete && img.naturalWidth > 0"), "no thumbnail of the kept image"
    assert page.locator("#id_headline_en").input_value() == KEPT["headline_en"]
    assert not Article.objects.filter(headline_en=KEPT["headline_en"]).exists()

    choose(page, ".field-section", "Environment")
    # The preview shows the kept image, and uses it up no more than it saves anything.
    preview = open_preview(context, page, "en")
    figure = preview.locator(".article__figure img")
    assert figure.get_attribute("alt") == KEPT["image_alt_en"]
    assert figure.evaluate("img => img.complete && img.naturalWidth > 0"), "the preview shows no image"
    preview.close()

    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get(headline_en=KEPT["headline_en"])
    assert article.image.name.startswith("articles/"), article.image.name
    article = wait_for_renditions(article.pk)  # made by the worker after the save, within moments
    # The change form names the saved image, and the article's page shows it.
    assert page.locator(".field-image .file-upload a").get_attribute("href").endswith(article.image.name)
    page.goto(f"/admin/articles/article/{article.pk}/preview/?language=en")
    saved = page.locator(".article__figure img")
    assert saved.get_attribute("alt") == KEPT["image_alt_en"]
    assert saved.evaluate("img => img.complete && img.naturalWidth > 0")
    assert not context.problems, context.problems
