"""
The translation memory in a real browser, in the Persian admin: the translator confirmed a Persian headline and
paragraph last week; a new English article repeats them. On its side-by-side screen each repeated piece shows its
exact match with a Persian percentage («۱۰۰٪») and the leverage figure; one click on «درج» puts the headline's
translation into its field and the paragraph's into the body editor; "Save and confirm" makes the translation up to
date and teaches the memory the new article. The screen is accessible (axe, light and dark) and valid (the Nu
checker), with no console error.
"""

from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import TRANSLATOR, log_in
from tests.browser.journey_30_pages import describe, served, vnu
from tests.browser.journey_50_desk import accessible

HEADLINE = "The ministry confirms the water survey"
HEADLINE_FA = "وزارت نظرسنجی آب را تأیید می‌کند"
STOCK = "The White House confirmed the meeting on Tuesday."
STOCK_FA = "کاخ سفید روز سه‌شنبه این دیدار را تأیید کرد."


def a_memory_and_a_new_article() -> int:
    """Last week's confirmed translation, and today's English article that repeats its headline and a paragraph."""
    from django.contrib.auth import get_user_model

    from desk import state
    from tests.factories import make_article

    translator = get_user_model().objects.get(username=TRANSLATOR[0])
    earlier = make_article(
        headline_en=HEADLINE, headline_fa=HEADLINE_FA, body_en=f"<p>{STOCK}</p>", body_fa=f"<p>{STOCK_FA}</p>"
    )
    state.confirm(earlier, "fa", by=translator)
    return make_article(
        languages=("en",),
        headline_en=HEADLINE,
        body_en=f"<p>{STOCK}</p><p>Officials in Tehran said nothing about it.</p>",
    ).pk


def test_a_persian_translator_inserts_memory_matches_and_confirms(context, page, site):
    from articles.models import Article
    from desk import state
    from memory.matching import matches

    pk = a_memory_and_a_new_article()
    translate_path = f"/admin/desk/translate/articles/article/{pk}/?language=fa"
    serious, pages = [], []

    log_in(page, TRANSLATOR, "fa")
    page.goto(translate_path)
    assert page.locator("html").get_attribute("dir") == "rtl"
    headline = page.locator(".desk-field--headline .desk-memory-match")
    expect(headline.locator(".desk-memory-score")).to_contain_text("تطابق کامل ۱۰۰٪")
    expect(headline.locator(".desk-memory-target")).to_have_text(HEADLINE_FA)
    expect(page.locator(".desk-leverage")).to_contain_text("۷۵٪")
    serious += accessible(page, "memory52-translate-fa")
    pages.append(served(page, translate_path, "memory52-translate-fa"))

    # One click each: the headline into its field, the paragraph into the body editor.
    headline.get_by_role("button", name="درج").click()
    expect(page.locator("#id_headline_fa")).to_have_value(HEADLINE_FA)
    body_match = page.locator(".desk-field--body .desk-memory-match", has_text=STOCK_FA)
    body_match.get_by_role("button", name="درج").click()
    editor = page.locator(".desk-editor .prose-editor [contenteditable=true]")
    expect(editor).to_contain_text(STOCK_FA)
    editor.press("End")
    editor.press("Enter")
    editor.type("مقام‌های تهران چیزی درباره‌اش نگفتند.")
    page.fill("#id_standfirst_fa", "چرا سطح آب زیرزمینی پایین‌تر می‌رود.")

    page.locator(".desk-form input[type=submit]").click()
    page.wait_for_url(f"**{translate_path}")
    expect(page.locator(".messagelist")).to_contain_text("به‌روز")
    article = Article.objects.get(pk=pk)
    assert article.headline_fa == HEADLINE_FA
    assert STOCK_FA in article.body_fa
    assert state.translation_state(article, "fa") == state.UP_TO_DATE
    # The memory learned today's translation too.
    [learned] = matches("Officials in Tehran said nothing about it.", source_language="en", target_language="fa")
    assert learned.exact and learned.target == "مقام‌های تهران چیزی درباره‌اش نگفتند."

    assert not serious, f"axe on the desk with memory matches:\n{describe(serious)}"
    errors = [m for m in vnu(pages) if m.get("type") == "error"]
    report = "\n".join(f"  {Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert not errors, f"the Nu HTML checker found {len(errors)} errors:\n{report}"
    assert not context.problems, "\n".join(context.problems)
