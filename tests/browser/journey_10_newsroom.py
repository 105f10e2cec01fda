"""
The newsroom's day, in order: an editor files and publishes a series part (in the English admin and
again in the Persian admin), a Persian translator translates it from the desk, the editor changes the
English and the translation shows as outdated with the diff, and a reader finds it all on the site.

Each step leaves what the next needs in site.notes; the tests run in file order.
"""

import io
import re
from urllib.parse import parse_qs, unquote, urlsplit

from PIL import Image, ImageDraw
from playwright.sync_api import expect

from tests.browser.conftest import EDITOR, TRANSLATOR, anonymous_status, log_in, wait_for_renditions

PART_FOUR = {
    "headline_en": "Wells that outlived their farms",
    "standfirst_en": "Across the plateau, abandoned wells still draw on aquifers that no one is refilling.",
    "body_en": "The pumps outlived the wheat. In village after village the wells kept running after the fields died.",
    "image_alt_en": "A dry field with a rusted pump house",
    "part": 4,
    "authors": ["Daniel Hart", "Maryam Karimi"],
    "tags": ["Water", "Agriculture"],
}
# Filed from the Persian admin, in both languages at once.
PART_FIVE = {
    "headline_en": "A ledger for every aquifer",
    "standfirst_en": "Some provinces have started counting the water they take, and the first results are sobering.",
    "body_en": "Metering every well is slow and unpopular, but it is the first step towards a budget.",
    "headline_fa": "دفتر حسابی برای هر آبخوان",
    "standfirst_fa": "برخی استان‌ها شمارش آبی را که برداشت می‌کنند آغاز کرده‌اند.",
    "body_fa": "کنتور گذاشتن روی هر چاه کند و ناخوشایند است، اما نخستین گام به سوی بودجهٔ آب است.",
    "image_alt_en": "Water meters in a row",
    # Both versions are published at once: the pre-publish checks ask for the picture's description in each.
    "image_alt_fa": "کنتورهای آب در یک ردیف",
    "part": 5,
    "authors": ["Maryam Karimi", "Sara Ahmadi"],
    "tags": ["Water", "Cities"],
}
# The translator's Persian for part four, written with Persian ی and ک.
PART_FOUR_FA = {
    "headline_fa": "چاه‌هایی که از کشتزارها بیشتر عمر کردند",
    "standfirst_fa": "در سراسر فلات، چاه‌های رهاشده هنوز از آبخوان‌هایی برداشت می‌کنند که کسی پرشان نمی‌کند.",
    "body_fa": "تلمبه‌ها از گندم بیشتر عمر کردند. در روستا پس از روستا چاه‌ها پس از مرگ کشتزارها هم کار می‌کردند.",
    "image_alt_fa": "کشتزاری خشک با اتاقک تلمبه‌ای زنگ‌زده",
}
CHANGED_BODY_EN = "The pumps outlived the wheat and the barley. In village after village the wells kept running."


def jpeg(path, colour=(190, 120, 60)) -> str:
    """Write a generated 1600×1000 JPEG (the featured image's smallest useful size) and return its path."""
    image = Image.new("RGB", (1600, 1000), colour)
    ImageDraw.Draw(image).ellipse((500, 200, 1100, 800), fill=(240, 220, 180))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    path.write_bytes(buffer.getvalue())
    return str(path)


# What the admin's autocomplete lists show in the Persian admin.
PERSIAN_NAMES = {
    "Environment": "محیط زیست",
    "The Thirsty Plateau": "فلات تشنه",
    "Water": "آب",
    "Agriculture": "کشاورزی",
    "Cities": "شهرها",
    "Daniel Hart": "دنیل هارت",
    "Maryam Karimi": "مریم کریمی",
    "Sara Ahmadi": "سارا احمدی",
}


def choose(page, container: str, name: str) -> None:
    """Pick an option in one of the admin's autocomplete (select2) widgets by typing its English name."""
    label = PERSIAN_NAMES[name] if page.locator("html").get_attribute("lang") == "fa" else name
    page.locator(f"{container} .select2-selection").first.click()
    page.locator(".select2-container--open .select2-search__field").fill(name)
    option = page.locator(".select2-container--open .select2-results__option", has_text=re.compile(f"^{label}$"))
    option.first.click()


def fill_prose(page, textarea_id: str, text: str) -> None:
    """Type into the body's rich-text editor (django-prose-editor wraps the textarea)."""
    editor = page.locator(f".prose-editor:has(#{textarea_id}) [contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    editor.press_sequentially(text, delay=0) if len(text) < 40 else page.keyboard.insert_text(text)


def show_tab(page, field: str, language: str) -> None:
    """Open a translated field's language tab (modeltranslation's jQuery UI tabs)."""
    page.click(f".ui-tabs-nav li[aria-controls='tab_id_{field}_{language}']")


def file_article(page, data: dict, image: str) -> None:
    """Fill the add-article form as an editor would, field by field."""
    page.goto("/admin/articles/article/add/")
    for language in ("en", "fa"):
        if f"headline_{language}" not in data:
            continue
        show_tab(page, "headline", language)
        page.fill(f"#id_headline_{language}", data[f"headline_{language}"])
        show_tab(page, "standfirst", language)
        page.fill(f"#id_standfirst_{language}", data[f"standfirst_{language}"])
        show_tab(page, "body", language)
        fill_prose(page, f"id_body_{language}", data[f"body_{language}"])
    page.set_input_files("#id_image", image)
    show_tab(page, "image_alt", "en")  # a tab chosen above may have switched every field to Persian
    page.fill("#id_image_alt_en", data["image_alt_en"])
    if "image_alt_fa" in data:
        show_tab(page, "image_alt", "fa")
        page.fill("#id_image_alt_fa", data["image_alt_fa"])
    show_tab(page, "image_credit", "en")
    page.fill("#id_image_credit_en", "Newsroom")
    choose(page, ".field-section", "Environment")
    for tag in data["tags"]:
        choose(page, ".field-tags", tag)
    choose(page, ".field-series", "The Thirsty Plateau")
    page.fill("#id_part", str(data["part"]))
    # Two bylines, in order: the first row is there; the second comes from "Add another".
    choose(page, "#bylines-0", data["authors"][0])
    page.fill("#id_bylines-0-position", "0")
    page.locator("#bylines-group .add-row a").click()
    choose(page, "#bylines-1", data["authors"][1])
    page.fill("#id_bylines-1-position", "1")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")


def editor_files_and_publishes(page, site, tmp_path, data: dict, admin_language: str) -> None:
    from articles.models import Article

    log_in(page, EDITOR, admin_language)
    assert page.locator("html").get_attribute("lang") == admin_language
    file_article(page, data, jpeg(tmp_path / "featured.jpg"))
    article = Article.objects.get(headline_en=data["headline_en"])
    assert article.status == Article.Status.DRAFT
    assert [a.name_en for a in article.ordered_authors()] == data["authors"]
    assert sorted(t.name_en for t in article.tags.all()) == sorted(data["tags"])
    assert (article.section.slug_en, article.series.slug_en, article.part) == (
        "environment", "the-thirsty-plateau", data["part"],
    )  # fmt: skip
    assert wait_for_renditions(article.pk).image_renditions.get("jpeg"), "the worker made the renditions"

    # Preview: the unpublished article on the public design, marked as a preview.
    page.click(f"a[href='/admin/articles/article/{article.pk}/preview/?language=en']")
    page.wait_for_selector(".preview-banner")
    assert page.locator("h1").inner_text() == data["headline_en"]
    assert page.locator(".article__figure img").evaluate("img => img.complete && img.naturalWidth > 0")
    # Readers cannot see it yet.
    assert anonymous_status(site, article.url_in("en")) == 404

    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.select_option("#id_status", "published")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.is_published()
    site.notes[f"part{data['part']}"] = article.pk


def test_editor_files_a_series_part_in_the_english_admin(page, site, tmp_path):
    """An editor files an article (image, two authors in order, section, tags, series part), previews, publishes."""
    editor_files_and_publishes(page, site, tmp_path, PART_FOUR, "en")
    from articles.models import Article

    article = Article.objects.get(pk=site.notes["part4"])
    page.goto(article.url_in("en"))
    assert page.locator("h1").inner_text() == PART_FOUR["headline_en"]
    assert page.locator(".byline a").all_inner_texts() == PART_FOUR["authors"]


def test_editor_files_a_series_part_in_the_persian_admin(page, site, tmp_path):
    """The same, in the Persian admin, writing both languages: part five."""
    editor_files_and_publishes(page, site, tmp_path, PART_FIVE, "fa")
    from articles.models import Article

    article = Article.objects.get(pk=site.notes["part5"])
    page.goto(article.url_in("fa"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == PART_FIVE["headline_fa"]


def test_translator_translates_from_the_desk(page, site):
    """A Persian translator finds part four under "needs translating", fills it side by side and confirms."""
    from articles.models import Article
    from desk import state

    pk = site.notes["part4"]
    log_in(page, TRANSLATOR, "fa")
    page.click("a[href='/admin/desk/']")
    page.wait_for_url("**/admin/desk/")
    row = page.locator("#desk-queue tbody tr", has_text=PART_FOUR["headline_en"])
    assert row.locator(".translation-state--missing").count() == 1
    row.locator("a[href*='/admin/desk/translate/articles/article/']").click()
    # Side by side: the English source beside the Persian fields.
    assert PART_FOUR["headline_en"] in page.locator(".desk-source").inner_text()
    for name, value in PART_FOUR_FA.items():
        if name.startswith("body"):
            fill_prose(page, f"id_{name}", value)
        else:
            page.fill(f"#id_{name}", value)
    page.click(".desk-form input[type=submit]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get(pk=pk)
    assert article.headline_fa == PART_FOUR_FA["headline_fa"]
    assert state.translation_state(article, "fa") == state.UP_TO_DATE
    assert article.headline_en == PART_FOUR["headline_en"], "the English is untouched"


def test_editor_changes_the_english_and_the_persian_shows_as_outdated(browser, site):
    """After the editor edits the English body, the desk shows the Persian as outdated, with the diff."""
    pk = site.notes["part4"]
    editor_context = browser.new_context(base_url=site.url)
    try:
        editor = editor_context.new_page()
        log_in(editor, EDITOR, "en")
        editor.goto(f"/admin/articles/article/{pk}/change/")
        show_tab(editor, "body", "en")
        fill_prose(editor, "id_body_en", CHANGED_BODY_EN)
        editor.click("input[name=_continue]")
        editor.wait_for_selector(".messagelist .success")
        persian = editor.locator(".translation-states li", has_text="Persian")
        assert persian.locator(".translation-state--outdated").count() == 1
    finally:
        editor_context.close()

    translator_context = browser.new_context(base_url=site.url)
    try:
        translator = translator_context.new_page()
        log_in(translator, TRANSLATOR, "en")  # the translator worked in the Persian admin above
        translator.goto("/admin/desk/")
        row = translator.locator("#desk-queue tbody tr", has_text=PART_FOUR["headline_en"])
        assert row.locator(".translation-state--outdated").count() == 1
        row.locator("a[href*='/admin/desk/translate/']").click()
        diff = translator.locator(".desk-diff")
        diff.wait_for()
        inserted = " ".join(diff.locator("ins").all_inner_texts())
        assert "barley" in inserted, f"the diff shows what was added: {inserted!r}"
    finally:
        translator_context.close()


def test_reader_reads_shares_follows_and_searches(context, page, site):
    """A reader: home, the article in English, Persian, the series' next part, the author, copy link, share, search."""
    from articles.models import Article

    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    part4 = Article.objects.get(pk=site.notes["part4"])
    part5 = Article.objects.get(pk=site.notes["part5"])

    page.goto("/")
    assert urlsplit(page.url).path == "/en/"
    page.locator("main a", has_text=PART_FIVE["headline_en"]).first.wait_for()
    page.goto(part4.url_in("en"))
    assert page.locator("h1").inner_text() == PART_FOUR["headline_en"]
    assert page.locator("html").get_attribute("lang") == "en"

    # Switch to Persian from the header: the same article, right to left.
    page.locator(".language-nav a[hreflang=fa]").click()
    page.wait_for_url(re.compile(r"/fa/"))
    assert unquote(urlsplit(page.url).path) == unquote(part4.url_in("fa"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == PART_FOUR_FA["headline_fa"]

    # Follow the series to the next part, and back.
    page.locator(".series-box__next").click()
    expect(page.locator("h1")).to_have_text(PART_FIVE["headline_fa"])
    assert unquote(urlsplit(page.url).path) == unquote(part5.url_in("fa"))
    page.locator(".series-box__prev").click()
    expect(page.locator("h1")).to_have_text(PART_FOUR_FA["headline_fa"])

    # Every share link carries this page's address (and the headline where the network takes text).
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == site.url + part4.url_in("fa")
    links = page.locator(".share__list a.share__link")
    networks = links.evaluate_all("links => links.map(a => a.dataset.network)")
    assert networks[:2] == ["telegram", "whatsapp"], "Persian pages put Telegram and WhatsApp first"
    expected_host = {
        "telegram": ("https", "t.me", "/share/url", "url"),
        "whatsapp": ("https", "wa.me", "/", "text"),
        "x": ("https", "twitter.com", "/intent/tweet", "url"),
        "facebook": ("https", "www.facebook.com", "/sharer/sharer.php", "u"),
        "linkedin": ("https", "www.linkedin.com", "/sharing/share-offsite/", "url"),
        "email": ("mailto", "", "", "body"),
    }
    assert sorted(networks) == sorted(expected_host)
    for network, href in zip(networks, links.evaluate_all("links => links.map(a => a.href)"), strict=True):
        scheme, host, path, parameter = expected_host[network]
        parts = urlsplit(href)
        assert (parts.scheme, parts.netloc) == (scheme, host), href
        if scheme != "mailto":
            assert parts.path == path, href
        value = parse_qs(parts.query)[parameter][0]
        assert canonical in value, f"{network} shares {value!r}, not {canonical}"

    # The copy-link button copies the address and says so.
    button = page.locator(".share__copy")
    button.click()
    page.locator("[role=status]", has_text=button.get_attribute("data-copied-text")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == canonical

    # The first author's page, in Persian.
    page.locator(".byline a").first.click()
    page.wait_for_url(re.compile(r"/fa/authors/daniel-hart/"))
    assert page.locator("h1").inner_text() == "دنیل هارت"
    assert page.locator("main a", has_text=PART_FOUR_FA["headline_fa"]).count() >= 1

    # Search in Persian typed with the Arabic letter forms ي and ك: the article is found.
    query = "چاه\u200cهايي كه"
    page.fill("#site-search", query)
    page.press("#site-search", "Enter")
    page.wait_for_url(re.compile(r"/fa/search/"))
    assert page.locator("main a", has_text=PART_FOUR_FA["headline_fa"]).count() == 1
    assert not context.problems, context.problems
