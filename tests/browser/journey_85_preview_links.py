"""
An editor shares an unpublished article with a partner: "Share a preview" on the article's page makes a
Persian link, the partner (another browser, not signed in) reads the article right to left as readers will,
the editor revokes the link, and the partner's reload says it was withdrawn. Both pages pass axe and the
Nu HTML checker.
"""

import re
from pathlib import Path

from tests.browser.conftest import ARTIFACTS, EDITOR, log_in
from tests.browser.journey_30_pages import FAILING_IMPACTS, check_accessibility, describe, vnu
from tests.pages import JALALI_DATE

HEADLINE_FA = "سدی که هنوز افتتاح نشده"


def keep_html(page, url: str, name: str, status: int) -> str:
    response = page.request.get(url)
    assert response.status == status, f"{url} answered {response.status}"
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / f"{name}.html"
    file.write_bytes(response.body())
    return str(file)


def test_an_editor_shares_a_persian_preview_and_revokes_it(browser, context, page, site):
    from tests.factories import make_article

    draft = make_article(published_ago=None, headline_en="A dam not yet opened", headline_fa=HEADLINE_FA)
    log_in(page, EDITOR, "en")
    page.goto(f"/admin/articles/article/{draft.pk}/change/")
    page.click("text=Share a preview")
    page.select_option("#id_language", "fa")
    page.fill("#id_note", "Partner newspaper, economy desk")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    address = page.locator("#preview-address").input_value()
    assert "/preview/" in address, address

    partner_context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    try:
        partner = partner_context.new_page()
        response = partner.goto(address)
        assert response.status == 200
        html = partner.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fa", "rtl")
        assert partner.locator("h1").inner_text() == HEADLINE_FA
        assert re.match(JALALI_DATE, partner.locator(".article__meta time").inner_text())
        assert response.headers["x-robots-tag"].startswith("noindex")
        violations = check_accessibility(partner, "preview-link-fa")
        files = [keep_html(partner, address, "preview-link-fa", 200)]

        page.click("text=Revoke this link")
        page.wait_for_selector(".messagelist .success")
        response = partner.reload()
        assert response.status == 410
        assert partner.locator("h1").inner_text() == "این پیوند پیش‌نمایش لغو شده است"
        assert HEADLINE_FA not in partner.content()
        violations += check_accessibility(partner, "preview-link-revoked-fa")
        files.append(keep_html(partner, address, "preview-link-revoked-fa", 410))
    finally:
        partner_context.close()

    serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not serious, f"axe on the shared preview:\n{describe(serious)}"
    errors = [m for m in vnu(files) if m.get("type") == "error"]
    report = "\n".join(f"  {Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert not errors, f"the Nu HTML checker found {len(errors)} errors:\n{report}"
    assert not context.problems, context.problems
