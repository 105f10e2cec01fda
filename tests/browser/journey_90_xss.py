"""
Hostile text in a real browser: every XSS payload of tests/hostile/payloads.py in every text field of
articles, authors, series, sections and tags, in both languages; then the public pages (every hostile
article, a sample of each other kind), the feeds and the admin's lists are opened with the page's
Content-Security-Policy switched off (so that markup that escaped our escaping would run, not be
blocked) and watched for anything executing.

Runs last: it fills the database with hostile objects.
"""

from datetime import timedelta
from pathlib import Path

import feedparser
import pytest

from tests.browser.conftest import ARTIFACTS, EDITOR, FIGURES, TRANSLATOR, fetch, log_in
from tests.hostile.payloads import PAYLOADS_WITHOUT_NUL, packed

PAYLOADS = PAYLOADS_WITHOUT_NUL  # PostgreSQL text cannot hold a NUL byte (tests/hostile covers refusing it)
LANGUAGES = ("en", "fa")

# What could have run: an on* attribute, a script URL, a script that is not ours, a flag a payload sets.
INSPECT = r"""
() => {
  const found = [];
  if (window.__xss) found.push("window.__xss is set");
  const urlAttributes = new Set(["href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster"]);
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (name.startsWith("on")) found.push(`<${element.localName} ${name}>`);
      if (urlAttributes.has(name) && /^(javascript|vbscript):/.test(value)) {
        found.push(`<${element.localName} ${name}=${value}>`);
      }
      if (urlAttributes.has(name) && value.startsWith("data:") && element.localName !== "img") {
        found.push(`<${element.localName} ${name}=data:…>`);
      }
    }
  }
  for (const script of document.querySelectorAll("script")) {
    const data = ["application/ld+json", "application/json"].includes(script.type);
    const url = script.src ? new URL(script.src) : null;
    const ours = url && url.origin === location.origin && /^\/(static|admin\/jsi18n)\//.test(url.pathname);
    if (!data && !ours) found.push(`script: ${(script.src || script.textContent).slice(0, 80)}`);
  }
  for (const tag of ["iframe", "object", "embed", "base", "frame"]) {
    if (document.querySelector(tag)) found.push(`<${tag}>`);
  }
  return found;
}
"""


def values(limit: int | None, count: int) -> dict[str, list[str]]:
    """Per language, `count` values of a field: every payload packed to its limit, or all of them when unlimited."""
    result = {}
    for language in LANGUAGES:
        if limit is None:
            result[language] = ["\n".join(PAYLOADS)] * count
        else:
            chunks = packed(limit, reverse_order=language == "fa")
            result[language] = [chunks[index % len(chunks)] for index in range(count)]
    return result


def seed() -> dict:
    """Save the hostile objects through the models' save() (which sanitises article bodies)."""
    from django.db import transaction
    from django.utils import timezone

    from articles.models import Article, Byline, Section, Tag
    from authors.models import Author
    from series.models import Series

    # As many objects of a kind as its narrowest text field needs to hold every payload.
    n_named, n_authors, n_articles = len(packed(100)), len(packed(120)), len(packed(200))
    with transaction.atomic():
        name = values(100, n_named)
        sections = [
            Section.objects.create(
                name_en=name["en"][i],
                name_fa=name["fa"][i],
                slug_en=f"hostile-{i}",
                slug_fa=f"hostile-fa-{i}",
                position=100 + i,
            )  # fmt: skip
            for i in range(n_named)
        ]
        tags = [
            Tag.objects.create(
                name_en=name["en"][i], name_fa=name["fa"][i], slug_en=f"hostile-{i}", slug_fa=f"hostile-fa-{i}"
            )  # fmt: skip
            for i in range(n_named)
        ]
        author_name, job, bio, handle = values(120, n_authors), values(120, n_authors), values(None, 1), packed(50)
        authors = [
            Author.objects.create(
                name_en=author_name["en"][i],
                name_fa=author_name["fa"][i],
                job_title_en=job["en"][i],
                job_title_fa=job["fa"][i],
                bio_en=bio["en"][0],
                bio_fa=bio["fa"][0],
                slug=f"hostile-{i}",
                x_handle=handle[i % len(handle)],
                telegram=handle[(i + 1) % len(handle)],
                instagram=handle[(i + 2) % len(handle)],
            )  # fmt: skip
            for i in range(n_authors)
        ]
        title, description = values(200, n_articles), values(None, 1)
        series = [
            Series.objects.create(
                title_en=title["en"][i],
                title_fa=title["fa"][i],
                description_en=description["en"][0],
                description_fa=description["fa"][0],
                slug_en=f"hostile-{i}",
                slug_fa=f"hostile-fa-{i}",
            )  # fmt: skip
            for i in range(n_articles)
        ]
        headline, text = values(200, n_articles), values(None, 1)
        alt, caption, credit = values(250, n_articles), values(300, n_articles), values(200, n_articles)
        published = timezone.now() - timedelta(hours=1)
        for i in range(n_articles):
            article = Article(
                slug_en=f"hostile-{i}", slug_fa=f"hostile-fa-{i}", section=sections[i % n_named],
                series=series[i], part=1, status=Article.Status.PUBLISHED, publish_at=published,
            )  # fmt: skip
            for language in LANGUAGES:
                setattr(article, f"headline_{language}", headline[language][i])
                setattr(article, f"standfirst_{language}", text[language][0])
                setattr(article, f"body_{language}", text[language][0])
                setattr(article, f"image_alt_{language}", alt[language][i])
                setattr(article, f"image_caption_{language}", caption[language][i])
                setattr(article, f"image_credit_{language}", credit[language][i])
            article.save()
            # Every section, tag and author is on some article, so each has a public page.
            article.tags.set(tags[i::n_articles])
            for position, author in enumerate(authors[i::n_articles]):
                Byline.objects.create(article=article, author=author, position=position)
    return {"sections": n_named, "tags": n_named, "authors": n_authors, "series": n_articles, "articles": n_articles}


@pytest.fixture(scope="module")
def hostile_site(site):
    site.notes["hostile objects"] = seed()
    return site


@pytest.fixture
def watched(browser, hostile_site):
    """A browser profile with the CSP switched off, recording dialogs, uncaught errors and console errors."""
    ctx = browser.new_context(base_url=hostile_site.url, bypass_csp=True, accept_downloads=False)
    ctx.set_default_timeout(20_000)
    events = []
    page = ctx.new_page()
    page.on("dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: events.append(f"uncaught: {error}"))
    # Any console error, except the browser noting a 404 (the 404 page itself, a feed's /favicon.ico).
    page.on(
        "console",
        lambda m: (
            events.append(f"console: {m.text}")
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    yield page, events
    ctx.close()


def inspect(page, events: list, path: str, problems: dict, expect: int = 200) -> None:
    response = page.goto(path, wait_until="load")
    status = response.status if response else None
    found = list(events)
    events.clear()
    if status != expect:
        found.append(f"status {status}")
    found += page.evaluate(INSPECT)
    if found:
        problems[path] = found


# Pages of each other kind opened per language: every hostile value already shows on the article pages
# (headline, texts, image text, section, tags, bylines with job titles and bios, series) and the section
# names in every page's navigation; these add the contexts only those pages have (their <title>, h1, meta).
SAMPLE = 3


def public_paths(site) -> list[str]:
    """Every hostile article, a few of each other kind, home, series list, search: in both languages."""
    from django.urls import reverse
    from django.utils import translation

    from articles.models import Article, Section, Tag
    from authors.models import Author
    from series.models import Series

    paths = []
    for language in LANGUAGES:
        with translation.override(language):
            paths += [reverse("articles:home"), reverse("articles:home") + "?page=2", reverse("series:index")]
            paths += [reverse("search:results") + f"?q={q}" for q in ("alert", "script", "onerror")]
            hostile = Article.objects.filter(slug_en__startswith="hostile-").order_by("pk")
            paths += [article.url_in(language) for article in hostile]
            for model in (Section, Tag, Series):
                objects = model.objects.filter(slug_en__startswith="hostile-").order_by("pk")[:SAMPLE]
                paths += [obj.get_absolute_url() for obj in objects]
            authors = Author.objects.filter(slug__startswith="hostile-").order_by("pk")[:SAMPLE]
            paths += [author.get_absolute_url() for author in authors]
    return list(dict.fromkeys(paths))


def test_the_watch_sees_a_payload_that_runs(watched):
    """The control: a page that does run a payload is caught, by the dialog and by the inspection."""
    page, events = watched
    page.set_content("<p>x</p><img src=x onerror=alert(1)><a href='javascript:void(0)'>y</a>")
    page.wait_for_timeout(200)
    assert any(event.startswith("dialog") for event in events)
    found = page.evaluate(INSPECT)
    assert "<img onerror>" in found and any("javascript:" in item for item in found)


def test_no_payload_runs_on_any_public_page(watched, hostile_site):
    page, events = watched
    paths = public_paths(hostile_site)
    hostile = [path for path in paths if "hostile" in path]
    assert len(hostile) > 50, "the hostile objects have public pages"
    problems = {}
    for path in paths:
        inspect(page, events, path, problems)
    for language in LANGUAGES:
        inspect(page, events, f"/{language}/no-such-page/<script>alert(1)</script>", problems, expect=404)
    hostile_site.notes["xss payloads"] = len(PAYLOADS)
    hostile_site.notes["xss public pages"] = len(paths) + 2
    assert not problems, "\n".join(f"{path}: {found}" for path, found in problems.items())


def test_pages_full_of_payloads_are_still_valid_html(hostile_site):
    """Escaped and sanitised text leaves the markup valid: the Nu HTML checker over a page of each kind."""
    from tests.browser.journey_30_pages import vnu

    folder = ARTIFACTS / "html-hostile"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index, path in enumerate(path for path in public_paths(hostile_site) if "hostile-0" in path or "?" in path):
        status, body = fetch(hostile_site, path)
        assert status == 200, f"{path} answered {status}"
        file = folder / f"{index:02}.html"
        file.write_bytes(body)
        files.append(str(file))
    # Control characters typed into a field (the payload '<a href="\x01javascript:…') are dropped on save.
    errors = [m for m in vnu(files) if m.get("type") == "error"]
    FIGURES["hostile pages checked by the Nu HTML checker"] = len(files)
    report = "\n".join(f"  {Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in errors[:40])
    assert not errors, f"the Nu HTML checker found {len(errors)} errors:\n{report}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_full_of_payloads_are_still_accessible(page, hostile_site, language):
    """axe-core on a hostile article: no serious or critical violation however odd the text."""
    from articles.models import Article
    from tests.browser.journey_30_pages import FAILING_IMPACTS, check_accessibility, describe

    page.goto(Article.objects.get(slug_en="hostile-0").url_in(language))
    serious = [v for v in check_accessibility(page, f"hostile-article-{language}") if v["impact"] in FAILING_IMPACTS]
    assert not serious, f"axe on a hostile article:\n{describe(serious)}"


def test_no_payload_runs_in_the_feeds(watched, hostile_site):
    """Each feed parses with the payloads as text, and opening it in the browser runs nothing."""
    from articles.models import Article

    page, events = watched
    paths = []
    for language in LANGUAGES:
        paths += [f"/{language}/feeds/rss/", f"/{language}/feeds/atom/", f"/{language}/feeds/rss/?full=1"]
        paths += [f"/{language}/feeds/authors/hostile-{i}/rss/" for i in range(3)]
    headlines = set(Article.objects.filter(slug_en__startswith="hostile-").values_list("headline_en", flat=True))
    headlines |= set(Article.objects.filter(slug_en__startswith="hostile-").values_list("headline_fa", flat=True))
    problems = {}
    for path in paths:
        status, body = fetch(hostile_site, path)
        feed = feedparser.parse(body)
        if status != 200 or feed.bozo:
            problems[path] = [f"status {status}, bozo {feed.bozo_exception if feed.bozo else ''}"]
            continue
        if not any(entry.title in headlines for entry in feed.entries):
            problems[path] = ["no hostile headline came through as the text it is"]
        inspect(page, events, path, problems)
    hostile_site.notes["xss feeds"] = len(paths)
    assert not problems, "\n".join(f"{path}: {found}" for path, found in problems.items())


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_payload_runs_in_the_admin_lists(watched, hostile_site, language):
    """The editor's change lists and the translator's desk, in the English and the Persian admin."""
    page, events = watched
    problems = {}
    log_in(page, EDITOR, language)
    lists = ["articles/article", "articles/section", "articles/tag", "authors/author", "series/series"]
    paths = [f"/admin/{name}/" for name in lists] + ["/admin/desk/?language=fa", "/admin/desk/?language=en"]
    for path in paths:
        inspect(page, events, path, problems)
    page.context.clear_cookies()
    log_in(page, TRANSLATOR, language)
    inspect(page, events, "/admin/desk/", problems)
    hostile_site.notes[f"xss admin pages {language}"] = len(paths) + 1
    assert not problems, "\n".join(f"{path}: {found}" for path, found in problems.items())
