"""
The translator's side-by-side screen with a real, 870-word article: the Persian was confirmed, then the editor
changed an English paragraph and a list item. In the Persian admin the translator finds the article outdated on
the desk, reads the English block by block (subheadings, a list, a quote) beside the Persian, sees the two
changes marked and numbered, and follows "next change" to the second. The queue and the side-by-side screen are
accessible (axe) and valid (the Nu checker) in both admin languages, with no console error; the screens are
pictured in docs/screenshots/.
"""

from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import expect

from tests.browser.conftest import PROJECT, TRANSLATOR, log_in
from tests.browser.journey_30_pages import FAILING_IMPACTS, check_accessibility, describe, served, vnu

SLUG = "return-of-the-neighbourhood-bookshop"
SENTENCE = "Coffee, tea and simple food bring in steadier income and give customers a reason to stay."
NEW_SENTENCE = "Coffee, tea and simple meals bring in a steadier income and give customers a reason to stay longer."
ITEM = "They create regular customers who come back every month."
NEW_ITEM = "They create loyal customers who come back every month, often with a friend."
SCREENSHOTS = PROJECT / "docs" / "screenshots"


def make_the_persian_outdated() -> int:
    """The translator confirmed the Persian; then the editor changed an English paragraph and a list item."""
    from django.contrib.auth import get_user_model

    from articles.models import Article
    from desk import state

    article = Article.objects.get(slug_en=SLUG)
    state.confirm(article, "fa", by=get_user_model().objects.get(username=TRANSLATOR[0]))
    assert SENTENCE in article.body_en and ITEM in article.body_en
    article.body_en = article.body_en.replace(SENTENCE, NEW_SENTENCE).replace(ITEM, NEW_ITEM)
    article.save()
    assert state.translation_state(article, "fa") == state.OUTDATED
    return article.pk


def accessible(page, name: str) -> list[dict]:
    """axe in the light scheme, then its contrast rules in the dark one."""
    page.emulate_media(color_scheme="light")
    violations = check_accessibility(page, name)
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(400)  # Django admin's links fade to their new colour (a 0.15 s transition): let them arrive
    violations += check_accessibility(page, f"{name}-dark", rules=["color-contrast", "link-in-text-block"])
    page.emulate_media(color_scheme="light")
    return [v for v in violations if v["impact"] in FAILING_IMPACTS]


def test_translator_follows_the_changes_of_an_outdated_article_side_by_side(context, page, site):
    from articles.models import Article

    pk = make_the_persian_outdated()
    article = Article.objects.get(pk=pk)
    translate_path = f"/admin/desk/translate/articles/article/{pk}/?language=fa"
    serious, pages = [], []

    # In the Persian admin: the desk lists the article as outdated.
    log_in(page, TRANSLATOR, "fa")
    page.click("a[href='/admin/desk/']")
    page.wait_for_url("**/admin/desk/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.locator("#content h1")).to_have_count(1)
    row = page.locator("#desk-queue tbody tr", has_text=article.headline_en)
    expect(row.locator(".translation-state--outdated")).to_have_count(1)
    serious += accessible(page, "desk50-queue-fa")
    pages.append(served(page, "/admin/desk/", "desk50-queue-fa"))
    row.locator("a[href*='/admin/desk/translate/articles/article/']").click()
    page.wait_for_url(f"**{translate_path}")

    # The English source with its structure, beside the Persian as it is now.
    source = page.locator(".desk-source")
    expect(page.locator("#content h1")).to_have_count(1)
    english = source.locator(".desk-text[lang=en]")
    assert english.locator("h3.desk-block--h2").count() >= 3, "the subheadings are headings"
    expect(english.locator("ul.desk-block--ul > li")).to_have_count(4)
    expect(english.locator("blockquote")).to_have_count(1)
    assert source.locator(".desk-text[lang=fa]").first.get_attribute("dir") == "rtl"

    # Two changes, marked and numbered in Persian digits; only those rows.
    expect(page.locator(".desk-changes-summary strong")).to_have_text("۲ تغییر از آخرین تأیید")
    changed = page.locator(".desk-row--changed")
    expect(changed).to_have_count(2)
    expect(changed.first.locator(".desk-mark-number")).to_have_text("۱ از ۲")
    expect(changed.first.locator(".desk-mark-label")).to_have_text("تغییر کرده")
    assert "meals" in " ".join(changed.first.locator("ins").all_inner_texts())
    assert "food" in " ".join(changed.first.locator("del").all_inner_texts())
    assert changed.nth(1).locator("ins").count() >= 1
    # Beside each changed block, the Persian block the translator will correct.
    assert changed.first.locator(".desk-text[lang=fa]").inner_text().strip()

    # "Next change" leads to the second change, which scrolls into view.
    page.evaluate("window.scrollTo(0, 0)")
    expect(page.locator("#change-2")).not_to_be_in_viewport()
    changed.first.locator(".desk-next").click()
    page.wait_for_url("**#change-2")
    expect(page.locator("#change-2")).to_be_in_viewport()
    expect(page.locator("#change-2 .desk-previous")).to_have_attribute("href", "#change-1")

    # The form is on the same screen, the Persian editor right to left.
    expect(page.locator(".desk-editor .desk-form .prose-editor")).to_have_count(1)
    assert page.locator("#id_headline_fa").get_attribute("dir") == "rtl"

    serious += accessible(page, "desk50-translate-fa")
    pages.append(served(page, translate_path, "desk50-translate-fa"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(translate_path)
    page.screenshot(path=str(SCREENSHOTS / "desk-side-by-side-fa.jpg"), full_page=True, quality=80)

    # The same screens in the English admin.
    page.goto(f"/language/en/?next={quote(translate_path, safe='/')}")
    page.wait_for_url(f"**{translate_path}")
    assert page.locator("html").get_attribute("dir") == "ltr"
    expect(page.locator(".desk-changes-summary strong")).to_have_text("2 changes since the last confirmation")
    expect(page.locator(".desk-row--changed").first.locator(".desk-mark-label")).to_have_text("Changed")
    serious += accessible(page, "desk50-translate-en")
    pages.append(served(page, translate_path, "desk50-translate-en"))
    page.screenshot(path=str(SCREENSHOTS / "desk-side-by-side-en.jpg"), full_page=True, quality=80)
    page.goto("/admin/desk/")
    serious += accessible(page, "desk50-queue-en")
    pages.append(served(page, "/admin/desk/", "desk50-queue-en"))

    assert not serious, f"axe on the desk:\n{describe(serious)}"
    errors = [m for m in vnu(pages) if m.get("type") == "error"]
    report = "\n".join(f"  {Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert not errors, f"the Nu HTML checker found {len(errors)} errors:\n{report}"
    assert not context.problems, "\n".join(context.problems)
