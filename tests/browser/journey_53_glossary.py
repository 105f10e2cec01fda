"""
The glossary on the desk, in the Persian admin: the Persian translator opens an English article whose headline
names the Security Council, sees the term marked in the source with its approved Persian, «شورای امنیت», translates
the headline without it and is stopped before "Save and confirm" by the glossary check, in Persian; then gives a
reason, which confirms the translation and is kept for the editors, who read it in the admin and find the
translation on their list of those missing approved terms. The desk with the warning, the glossary and the editors'
lists are accessible (axe) in both colour schemes, the served screens valid (the Nu checker), and no console error
appears.
"""

from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import EDITOR, TRANSLATOR, log_in
from tests.browser.journey_10_newsroom import fill_prose
from tests.browser.journey_30_pages import describe, served, vnu
from tests.browser.journey_50_desk import accessible

HEADLINE = "The Security Council meets on the dams"
REASON = "عنوان با نام کامل بیش از اندازه بلند می‌شد."


def an_article_naming_a_glossary_term() -> int:
    from glossary.models import Term
    from tests.factories import make_article

    Term.objects.get_or_create(
        source_language="en",
        target_language="fa",
        key="securitycouncil",
        defaults={"source_term": "Security Council", "target_term": "شورای امنیت", "note": "UN Security Council"},
    )
    return make_article(languages=("en",), headline_en=HEADLINE).pk


def test_a_persian_translator_sees_a_glossary_term_and_overrides_its_warning_with_a_reason(context, page, site):
    from articles.models import Article
    from desk import state
    from glossary.models import Override

    pk = an_article_naming_a_glossary_term()
    translate_path = f"/admin/desk/translate/articles/article/{pk}/?language=fa"
    serious, pages = [], []

    log_in(page, TRANSLATOR, "fa")
    page.goto(translate_path)
    assert page.locator("html").get_attribute("dir") == "rtl"

    # The term is marked in the English source, with the approved Persian beside it.
    term = page.locator(".desk-source .desk-text[lang=en] mark.glossary-term").first
    expect(term).to_have_text("Security Council")
    expect(page.locator(".desk-source .glossary-target").first).to_have_text("شورای امنیت")
    expect(page.locator(".desk-source .glossary-gloss").first).to_contain_text("واژه‌نامه:")
    serious += accessible(page, "glossary53-desk-fa")
    pages.append(served(page, translate_path, "glossary53-desk-fa"))

    # Translated without the approved term: refused, the term listed, nothing saved.
    page.fill("#id_headline_fa", "نشست شورا دربارهٔ سدها")
    fill_prose(page, "id_body_fa", "آب مخزن پشت سد قدیمی پایین رفته است.")
    page.locator(".desk-form input[type=submit]").click()
    expect(page.locator(".glossary-check")).to_be_visible()
    expect(page.locator(".errornote")).to_contain_text("چیزی ذخیره نشد")
    expect(page.locator(".glossary-check p").first).to_have_text("۱ اصطلاح مصوب واژه‌نامه در ترجمه نیامده است.")
    expect(page.locator(".glossary-check-terms li")).to_have_count(1)
    expect(page.locator(".glossary-check-approved")).to_have_text("شورای امنیت")
    serious += accessible(page, "glossary53-warning-fa")
    assert not Article.objects.get(pk=pk).headline_fa

    # With a reason: confirmed, and the reason kept with who and which term.
    page.fill("#id_glossary_reason", REASON)
    page.locator(".desk-form input[type=submit]").click()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    article = Article.objects.get(pk=pk)
    assert article.headline_fa == "نشست شورا دربارهٔ سدها"
    assert state.translation_state(article, "fa") == state.UP_TO_DATE
    override = Override.objects.get(object_id=pk)
    assert override.reason == REASON and override.by.username == TRANSLATOR[0]
    assert [term["approved"] for term in override.terms] == ["شورای امنیت"]

    # The translator's glossary list, in Persian.
    page.goto("/admin/glossary/term/")
    expect(page.locator("#result_list tbody tr", has_text="Security Council")).to_have_count(1)
    serious += accessible(page, "glossary53-terms-fa")
    pages.append(served(page, "/admin/glossary/term/", "glossary53-terms-fa"))

    # The editor reads the reason.
    page.context.clear_cookies()
    log_in(page, EDITOR, "fa")
    page.goto("/admin/glossary/override/")
    expect(page.locator("#result_list tbody tr", has_text=REASON)).to_have_count(1)
    serious += accessible(page, "glossary53-overrides-fa")
    pages.append(served(page, "/admin/glossary/override/", "glossary53-overrides-fa"))

    # ...and finds the translation among those missing approved terms.
    page.goto("/admin/glossary/term/")
    page.locator(".object-tools a[href$='/inconsistent/']").click()
    page.wait_for_url("**/admin/glossary/term/inconsistent/")
    expect(page.locator("#glossary-inconsistent tbody tr", has_text=HEADLINE)).to_have_count(1)
    expect(page.locator("#glossary-inconsistent-summary strong")).to_contain_text("۱")
    serious += accessible(page, "glossary53-inconsistent-fa")
    pages.append(served(page, "/admin/glossary/term/inconsistent/", "glossary53-inconsistent-fa"))

    assert not serious, f"axe on the glossary screens:\n{describe(serious)}"
    errors = [m for m in vnu(pages) if m.get("type") == "error"]
    report = "\n".join(f"  {Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert not errors, f"the Nu HTML checker found {len(errors)} errors:\n{report}"
    assert not context.problems, "\n".join(context.problems)
