"""
The Persian admin reads as if written in Persian: an editor signs in to it, opens the article list and reads
Jalali dates in Persian digits, the count with the singular noun Persian puts after a number («۸ مقاله»),
a selection counter that stays in Persian digits as boxes are ticked, and a filter by Jalali month that
holds that month's articles; then saves an article and reads its history by Jalali date. axe finds no
serious violation and the Nu checker no error; the list is pictured in docs/screenshots/.
"""

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import EDITOR, PROJECT, log_in
from tests.browser.journey_30_pages import FAILING_IMPACTS, check_accessibility, describe, served, vnu

SCREENSHOTS = PROJECT / "docs" / "screenshots"
MONTHS = "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
JALALI_MOMENT = re.compile(rf"^[۰-۹]{{1,2}} ({MONTHS}) [۰-۹]{{4}}، ساعت [۰-۹]{{1,2}}:[۰-۹]{{2}}$")
LATIN_DIGIT = re.compile(r"[0-9]")
LIST = "/admin/articles/article/"


def date_cells(page) -> list[str]:
    return [text.strip() for text in page.locator("td.field-publish_at time").all_inner_texts()]


def test_editor_reads_the_persian_article_list_in_jalali_dates_and_persian_digits(context, page, site):
    from articles.models import Article
    from core.text import localise_digits

    serious, pages = [], []
    log_in(page, EDITOR, "fa")
    page.goto(LIST)
    assert page.locator("html").get_attribute("dir") == "rtl"

    # Every date is Jalali, in Persian digits; none has a Latin digit.
    dates = date_cells(page)
    assert dates, "the list shows publication dates"
    assert all(JALALI_MOMENT.match(text) for text in dates), dates
    assert not [text for text in dates if LATIN_DIGIT.search(text)]

    # The count: Persian digits, then the singular noun.
    total = Article.objects.count()
    paginator = " ".join(page.locator(".paginator").inner_text().split())
    assert f"{localise_digits(total, 'fa')} مقاله" in paginator, paginator
    assert not LATIN_DIGIT.search(paginator)

    # The selection counter, rewritten by Django's script as a box is ticked, stays in Persian digits.
    counter = page.locator(".action-counter")
    expect(counter).to_have_text(re.compile(rf"^\s*۰ از {localise_digits(total, 'fa')} انتخاب شده‌اند\s*$"))
    page.locator("input.action-select").first.check()
    expect(counter).to_have_text(re.compile(rf"^\s*۱ از {localise_digits(total, 'fa')} انتخاب شده‌اند\s*$"))
    page.locator("input.action-select").first.uncheck()

    serious += [v for v in check_accessibility(page, "admin60-article-list-fa") if v["impact"] in FAILING_IMPACTS]
    pages.append(served(page, LIST, "admin60-article-list-fa"))
    # Pictured with the navigation sidebar folded, as an editor reading the list would: beside it, at
    # 1280 px, the table scrolls sideways in either language (its columns' narrowest widths exceed the room).
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.click("#toggle-nav-sidebar")
    page.screenshot(path=str(SCREENSHOTS / "admin-article-list-fa.jpg"), full_page=True, quality=80)
    page.click("#toggle-nav-sidebar")

    # The filter by month lists Jalali months; the newest holds only its own articles.
    months = page.locator("#changelist-filter details", has=page.locator("a[href*='publish_at__gte']"))
    newest = months.locator("li").nth(1).locator("a")
    month = newest.inner_text().strip()
    assert re.fullmatch(rf"({MONTHS}) [۰-۹]{{4}}", month), month
    newest.click()
    page.wait_for_url("**publish_at__gte=**")
    filtered = date_cells(page)
    assert filtered and all(text.split("،")[0].endswith(month) for text in filtered), (month, filtered)

    # The editor saves an article and reads its history by Jalali date.
    page.goto(LIST)
    page.locator("#result_list tbody tr th a").first.click()
    page.wait_for_url("**/change/")
    reading = page.locator(".datetime-reading")
    if reading.count():  # a draft has no publication time to read
        expect(reading).to_have_text(re.compile(rf"^برابر با [۰-۹]{{1,2}} ({MONTHS}) [۰-۹]{{4}}، ساعت "))
    page.click("[name=_continue]")
    page.wait_for_url("**/change/")
    page.click("a.historylink")
    page.wait_for_url("**/history/")
    history_path = page.url.removeprefix(site.url)
    moments = [text.strip() for text in page.locator("#change-history tbody th").all_inner_texts()]
    assert moments and all(JALALI_MOMENT.match(text) for text in moments), moments
    serious += [v for v in check_accessibility(page, "admin60-history-fa") if v["impact"] in FAILING_IMPACTS]
    pages.append(served(page, history_path, "admin60-history-fa"))

    # The English admin keeps Django's Gregorian dates.
    page.goto(f"/language/en/?next={LIST}")
    page.wait_for_url(f"**{LIST}")
    assert re.search(r"\b20\d\d\b", date_cells(page)[0])
    assert f"{total} articles" in " ".join(page.locator(".paginator").inner_text().split())

    assert not serious, f"axe in the Persian admin:\n{describe(serious)}"
    errors = [m for m in vnu(pages) if m.get("type") == "error"]
    report = "\n".join(f"  {Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert not errors, f"the Nu HTML checker found {len(errors)} errors:\n{report}"
    assert not context.problems, context.problems
