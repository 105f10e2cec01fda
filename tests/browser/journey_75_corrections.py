"""
A correction that carries across languages. An editor, in the English admin, opens a published article and adds
a correction in English from its form. A reader of the Persian page finds it at once in the marked box after the
body, in English and marked so (lang="en" dir="ltr"), never missing. The Persian translator finds it first on the
desk, translates it there, and the Persian page then shows it in Persian. Every screen and page on the way is
accessible (axe, both colour schemes for the reader's page) and valid (the Nu checker), with no console error.
"""

from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, EDITOR, TRANSLATOR, fetch, log_in
from tests.browser.journey_30_pages import FAILING_IMPACTS, check_accessibility, describe, served, vnu

SLUG = "living-with-inflation"
CORRECTION = "An earlier version of this article gave the wrong month for the fuel price rise: it was May, not April."
PERSIAN = "در نسخهٔ پیشین این مقاله ماه افزایش قیمت سوخت نادرست آمده بود: اردیبهشت بود، نه فروردین."


def serious(page, name: str) -> list[dict]:
    return [v for v in check_accessibility(page, name) if v["impact"] in FAILING_IMPACTS]


def reader_page(browser, site, path: str, name: str, problems: list[str]):
    """Open a page as a reader with no cookies (the page cache serves them), and check it with axe."""
    reader = browser.new_context(base_url=site.url, locale="fa-IR", viewport={"width": 1280, "height": 900})
    page = reader.new_page()
    page.on(
        "console",
        lambda message: (
            problems.append(f"console error on {page.url}: {message.text}") if message.type == "error" else None
        ),
    )
    page.goto(path)
    found = serious(page, name)
    page.emulate_media(color_scheme="dark")
    dark = check_accessibility(page, f"{name}-dark", rules=["color-contrast", "link-in-text-block"])
    found += [v for v in dark if v["impact"] in FAILING_IMPACTS]
    return reader, page, found


def saved_for_nu(site, path: str, name: str) -> str:
    status, body = fetch(site, path)
    assert status == 200, f"{path} answered {status}"
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / f"{name}.html"
    file.write_bytes(body)
    return str(file)


def test_a_correction_in_english_reaches_the_persian_page_then_is_translated(browser, context, page, site):
    from articles.models import Article
    from corrections.models import ArticleNote

    article = Article.objects.get(slug_en=SLUG)
    assert article.is_published()
    persian_path = article.url_in("fa")
    found, pages, problems = [], [], []

    # The editor adds a correction in English from the article's form.
    log_in(page, EDITOR, "en")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_role("link", name="Add a correction or update").click()
    page.wait_for_url("**/admin/corrections/articlenote/add/?article=*")
    expect(page.locator("#id_language")).to_have_value("en")
    found += serious(page, "corrections75-add-en")
    pages.append(served(page, f"/admin/corrections/articlenote/add/?article={article.pk}", "corrections75-add-en"))
    page.fill("#id_text_en", CORRECTION)
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/corrections/articlenote/")
    note = ArticleNote.objects.get(article=article)
    assert (note.language, note.text_en, note.text_fa or "") == ("en", CORRECTION, "")

    # The editor's other screens, in the English and the Persian admin: the list, the amendment form, the policy.
    from corrections.models import CorrectionsPolicy

    screens = {
        "list": "/admin/corrections/articlenote/",
        "amend": f"/admin/corrections/articlenote/{note.pk}/change/",
        "history": f"/admin/corrections/articlenote/{note.pk}/history/",
        "policy": f"/admin/corrections/correctionspolicy/{CorrectionsPolicy.objects.get().pk}/change/",
    }
    for language in ("en", "fa"):
        page.goto(f"/language/{language}/?next=/admin/")
        for name, path in screens.items():
            page.goto(path)
            found += serious(page, f"corrections75-{name}-{language}")
            pages.append(served(page, path, f"corrections75-{name}-{language}"))
    expect(page.locator("#id_amendment")).to_have_count(0)  # the policy's form: no amendment box
    page.goto(screens["amend"])
    expect(page.locator("#id_amendment")).to_have_count(1)
    page.goto("/language/en/?next=/admin/")

    # A reader of the Persian page sees it at once, in English and marked so.
    reader, reader_tab, more = reader_page(
        browser, site, persian_path, "corrections75-article-fa-untranslated", problems
    )
    found += more
    text = reader_tab.locator(".article-notes--end .article-note__text")
    expect(text).to_have_text(CORRECTION)
    expect(text).to_have_attribute("lang", "en")
    expect(text).to_have_attribute("dir", "ltr")
    expect(reader_tab.locator(".article-notes--end h2")).to_have_text("اصلاحیه‌ها و توضیح‌ها")
    expect(reader_tab.locator(".meta__updated")).to_contain_text("به‌روزشده")
    reader.close()
    pages.append(saved_for_nu(site, persian_path, "corrections75-article-fa-untranslated"))
    pages.append(saved_for_nu(site, "/fa/corrections/", "corrections75-list-fa"))

    # The translator finds it first in the Persian queue and translates it there.
    context.clear_cookies()
    log_in(page, TRANSLATOR, "fa")
    page.goto("/admin/desk/")
    first = page.locator("#desk-queue tbody tr").first
    expect(first.locator(".translation-state--missing")).to_have_count(1)
    expect(first).to_contain_text(article.headline_en)
    found += serious(page, "corrections75-desk-fa")
    pages.append(served(page, "/admin/desk/", "corrections75-desk-fa"))
    first.locator("a[href*='/admin/desk/translate/corrections/articlenote/']").click()
    page.wait_for_url("**/admin/desk/translate/corrections/articlenote/**")
    expect(page.locator(".desk-source")).to_contain_text(CORRECTION)
    assert page.locator("#id_text_fa").get_attribute("dir") == "rtl"
    found += serious(page, "corrections75-translate-fa")
    pages.append(served(page, page.url.replace(site.url, ""), "corrections75-translate-fa"))
    page.fill("#id_text_fa", PERSIAN)
    page.locator(".desk-form .submit-row [type=submit]").click()
    page.wait_for_load_state()
    note.refresh_from_db()
    assert note.text_fa == PERSIAN

    # The Persian page now shows it in Persian, in the page's own language.
    reader, reader_tab, more = reader_page(browser, site, persian_path, "corrections75-article-fa-translated", problems)
    found += more
    text = reader_tab.locator(".article-notes--end .article-note__text")
    expect(text).to_have_text(PERSIAN)
    assert text.get_attribute("lang") is None
    expect(reader_tab.locator(".article-note__untranslated")).to_have_count(0)
    reader.close()
    pages.append(saved_for_nu(site, persian_path, "corrections75-article-fa-translated"))
    pages.append(saved_for_nu(site, "/en/corrections/policy/", "corrections75-policy-en"))
    pages.append(saved_for_nu(site, "/fa/corrections/policy/", "corrections75-policy-fa"))

    assert not found, f"axe:\n{describe(found)}"
    errors = [m for m in vnu(pages) if m.get("type") == "error"]
    report = "\n".join(f"  {Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert not errors, f"the Nu HTML checker found {len(errors)} errors:\n{report}"
    assert not (context.problems + problems), "\n".join(context.problems + problems)
