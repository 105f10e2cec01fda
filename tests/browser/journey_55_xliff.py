"""
The XLIFF round trip in a real browser, in the Persian admin: the Persian translator exports an English article
from its side-by-side screen, translates the file in "their CAT tool" (translate-toolkit, as OmegaT or memoQ
would, keeping the inline tags), imports it on the desk and finds the article translated and up to date; a file
that is not XLIFF is refused with a message in Persian and changes nothing. The import screen is accessible
(axe) and valid (the Nu checker) in both admin languages, and no console error appears.
"""

from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import expect

from tests.browser.conftest import TRANSLATOR, log_in
from tests.browser.journey_30_pages import describe, served, vnu
from tests.browser.journey_50_desk import accessible

BODY = (
    '<h2>What the survey found</h2><p>Read <a href="https://example.org/survey">the <strong>full survey</strong></a>'
    " before the vote.</p><ul><li>Water use fell.</li><li>Wells ran dry.</li></ul>"
)


def an_english_article_to_translate() -> int:
    from tests.factories import make_article

    return make_article(languages=("en",), headline_en="The survey the ministry kept back", body_en=BODY).pk


def test_a_persian_translator_exports_translates_and_imports_an_article(context, page, site):
    from articles.models import Article
    from desk import state
    from tests.desk.xliff_files import translate_file

    pk = an_english_article_to_translate()
    translate_path = f"/admin/desk/translate/articles/article/{pk}/?language=fa"
    import_path = "/admin/desk/xliff/import/?language=fa"
    serious, pages = [], []

    log_in(page, TRANSLATOR, "fa")
    page.goto(translate_path)
    with page.expect_download() as download:
        page.get_by_role("link", name="خروجی XLIFF").click()
    exported = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename == f"article-{pk}-en-fa.xlf"
    assert b'target-language="fa"' in exported and b'<g id="1" ctype="link">' in exported

    # The CAT tool: every segment translated, the tags kept where they were.
    translated = translate_file(exported, lambda text: f"ترجمهٔ {text.strip()} ")

    page.get_by_role("link", name="وارد کردن فایل XLIFF ترجمه‌شده").click()
    page.wait_for_url(f"**{import_path}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.locator("#content h1")).to_have_text("وارد کردن فایل XLIFF ترجمه‌شده")
    serious += accessible(page, "xliff55-import-fa")
    pages.append(served(page, import_path, "xliff55-import-fa"))

    # A file that is not XLIFF: refused in Persian, nothing saved.
    page.set_input_files("#id_file", files=[{"name": "notes.xlf", "mimeType": "text/plain", "buffer": b"not xml"}])
    page.locator("input[type=submit]").click()
    expect(page.locator("#import-refused")).to_have_text("این فایل XLIFF نیست: نمی‌توان آن را به‌صورت XML خواند.")
    serious += accessible(page, "xliff55-refused-fa")
    assert not Article.objects.get(pk=pk).headline_fa

    # The translated file: imported, confirmed, and gone from the queue.
    page.set_input_files(
        "#id_file", files=[{"name": "translated.xlf", "mimeType": "application/x-xliff+xml", "buffer": translated}]
    )
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/desk/?language=fa")
    expect(page.locator(".messagelist .success")).to_have_text("۱ ترجمه وارد شد و به‌روز علامت خورد.")
    expect(page.locator("#desk-queue tbody tr", has_text="The survey the ministry kept back")).to_have_count(0)
    article = Article.objects.get(pk=pk)
    assert article.headline_fa == "ترجمهٔ The survey the ministry kept back"
    assert '<a href="https://example.org/survey"' in article.body_fa and "<strong>" in article.body_fa
    assert state.translation_state(article, "fa") == state.UP_TO_DATE

    # On the desk, the translation shows beside its source, up to date.
    page.goto(translate_path)
    expect(page.locator(".desk-status .translation-state--up_to_date")).to_have_count(1)
    expect(page.locator(".desk-field--body .desk-text[lang=fa]").first).to_contain_text("ترجمهٔ What the survey found")

    # The import screen in the English admin.
    page.goto(f"/language/en/?next={quote(import_path, safe='/')}")
    page.wait_for_url(f"**{import_path}")
    expect(page.locator("#content h1")).to_have_text("Import a translated XLIFF file")
    serious += accessible(page, "xliff55-import-en")
    pages.append(served(page, import_path, "xliff55-import-en"))

    assert not serious, f"axe on the XLIFF screens:\n{describe(serious)}"
    errors = [m for m in vnu(pages) if m.get("type") == "error"]
    report = "\n".join(f"  {Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert not errors, f"the Nu HTML checker found {len(errors)} errors:\n{report}"
    assert not context.problems, "\n".join(context.problems)
