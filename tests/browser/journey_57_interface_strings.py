"""
Interface wording in a real browser, in the Persian admin: the Persian translator finds the footer's line among the
interface's messages, has an HTML tag refused (nothing saved), corrects the wording, and sees it on the Persian site
served by a second app server (its own gunicorn, the same PostgreSQL and Redis, its page cache warm with the old
wording) within seconds, with no restart; the exported django.po carries it; the history shows who changed it, and
reverting puts the catalogue's wording back on the second server too. The screens are accessible (axe, both colour
schemes) and valid (the Nu checker) in both admin languages, with no console error.
"""

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, PROJECT, PYTHON, TRANSLATOR, free_port, log_in, wait_for
from tests.browser.journey_30_pages import describe, served, vnu
from tests.browser.journey_50_desk import accessible

MSGID = "Newsroom — independent analysis in English and Persian."
CATALOGUE_WORDING = "نیوزروم — تحلیل مستقل به فارسی و انگلیسی."
NEW_WORDING = "نیوزروم — تحلیل‌های مستقل، به فارسی و انگلیسی."
SECONDS = 5


@pytest.fixture
def second_server(site):
    """Another app server: gunicorn of its own on another port, sharing the site's database and Redis."""
    port = free_port()
    log = (ARTIFACTS / "second-server.log").open("w")
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", "tests.browser.wsgi:application"],
        cwd=PROJECT,
        env={**site.env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/robots.txt", process, "the second gunicorn")
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a sync worker held by a browser's idle connection
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def footer(html: str) -> str:
    return BeautifulSoup(html, "html.parser").select_one(".site-footer__name").get_text()


def footer_within(url: str, wording: str) -> float:
    """
    Return how many seconds the second server took to serve the wording in the footer, failing past SECONDS.

    Asked as a reader's browser with no copy of its own would ask (the browser may keep a page for
    pagecache.headers.BROWSER_MAX_AGE seconds; what matters is what the server now sends).
    """
    started = time.monotonic()
    while True:
        with urllib.request.urlopen(url, timeout=15) as response:
            if footer(response.read().decode()) == wording:
                return time.monotonic() - started
        assert time.monotonic() - started < SECONDS, f"the second server still serves the old wording after {SECONDS} s"
        time.sleep(0.2)


def shown_to_a_new_reader(browser, url: str) -> str:
    reader = browser.new_context(locale="fa-IR")
    try:
        page = reader.new_page()
        page.goto(url)
        return page.locator(".site-footer__name").inner_text()
    finally:
        reader.close()


def test_a_translator_corrects_an_interface_string_that_every_server_then_shows(
    browser, context, page, site, second_server
):
    from wording.models import Change, Override

    persian_home = f"{second_server}/fa/"
    for _reader in range(3):  # the second server's page cache holds the Persian home page with the old wording
        assert shown_to_a_new_reader(browser, persian_home) == CATALOGUE_WORDING
    with urllib.request.urlopen(persian_home, timeout=15) as response:
        assert response.headers["X-Page-Cache"] == "hit"
    serious, pages = [], []

    log_in(page, TRANSLATOR, "fa")
    page.get_by_role("link", name="عبارت‌های رابط کاربری", exact=True).click()
    page.wait_for_url("**/admin/wording/fa/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.locator("#content h1")).to_have_text("عبارت‌های رابط کاربری: فارسی")
    list_path = "/admin/wording/fa/"
    serious += accessible(page, "wording57-list-fa")
    pages.append(served(page, list_path, "wording57-list-fa"))

    page.get_by_label("جست‌وجو در متن مبدأ و عبارت").fill("independent analysis")
    page.get_by_role("button", name="جست‌وجو", exact=True).click()
    row = page.locator("#wording-list tbody tr", has_text=MSGID)
    expect(row).to_have_count(1)
    row.get_by_role("link", name="تغییر", exact=True).click()
    expect(page.locator("#wording-source")).to_have_text(MSGID)
    form_path = page.url.removeprefix(site.url)

    # HTML in a message that has none: refused in Persian, nothing saved.
    page.get_by_label("عبارت", exact=True).fill("<b>نیوزروم</b> — تحلیل مستقل")
    page.get_by_role("button", name="ذخیره", exact=True).click()
    expect(page.locator(".errorlist li")).to_have_text(
        "این پیام HTML ندارد: نویسهٔ < را با یک فاصله پس از آن بنویسید، یا آن را حذف کنید."
    )
    expect(page.locator(".errornote")).to_have_text("چیزی ذخیره نشد: عبارت زیر را اصلاح کنید.")
    serious += accessible(page, "wording57-refused-fa")
    assert not Override.objects.exists()

    page.get_by_label("عبارت", exact=True).fill(NEW_WORDING)
    page.get_by_role("button", name="ذخیره", exact=True).click()
    expect(page.locator(".messagelist .success")).to_have_text(
        "ذخیره شد. همهٔ صفحه‌ها در چند ثانیه عبارت تازه را نشان می‌دهند."
    )
    serious += accessible(page, "wording57-form-fa")
    pages.append(served(page, form_path, "wording57-form-fa"))

    # The second app server, its cached page made stale and its catalogue reloaded: no restart.
    site.notes["interface wording on a second app server (s)"] = round(footer_within(persian_home, NEW_WORDING), 1)
    assert shown_to_a_new_reader(browser, persian_home) == NEW_WORDING

    # The catalogue for developers, with the correction in it.
    page.goto(list_path)
    with page.expect_download() as download:
        page.get_by_role("link", name="خروجی django.po").click()
    assert download.value.suggested_filename == "django.po"
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert f'msgid "{MSGID}"\nmsgstr "{NEW_WORDING}"' in exported

    # The history: who changed what; the revert gives the catalogue its say again, everywhere.
    page.get_by_role("link", name="تاریخچهٔ تغییرها").click()
    newest = page.locator("#wording-history tbody tr").first
    expect(newest).to_contain_text("translator")
    expect(newest).to_contain_text(NEW_WORDING)
    serious += accessible(page, "wording57-history-fa")
    pages.append(served(page, "/admin/wording/fa/history/", "wording57-history-fa"))
    newest.get_by_role("button", name="بازگرداندن").click()
    expect(page.locator(".messagelist .success")).to_have_text(
        "بازگردانده شد. همهٔ صفحه‌ها در چند ثانیه این عبارت را نشان می‌دهند."
    )
    assert not Override.objects.exists() and Change.objects.count() == 2
    footer_within(persian_home, CATALOGUE_WORDING)

    # The screens in the English admin.
    page.goto(f"/language/en/?next={quote(list_path, safe='/')}")
    page.wait_for_url(f"**{list_path}")
    expect(page.locator("#content h1")).to_have_text("Interface wording: Persian")
    serious += accessible(page, "wording57-list-en")
    pages.append(served(page, list_path, "wording57-list-en"))
    page.goto("/admin/wording/fa/history/")
    serious += accessible(page, "wording57-history-en")
    pages.append(served(page, "/admin/wording/fa/history/", "wording57-history-en"))

    assert not serious, f"axe on the interface wording screens:\n{describe(serious)}"
    errors = [m for m in vnu(pages) if m.get("type") == "error"]
    report = "\n".join(f"  {Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert not errors, f"the Nu HTML checker found {len(errors)} errors:\n{report}"
    assert not context.problems, "\n".join(context.problems)
